package worker

import (
	"context"
	"fmt"
	"slices"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/state"
)

// A key the worker hands out before the task arrives (a compat task key,
// the epoch's v2 key) survives a crash (docs/worker.md, "Restarts"): the
// enclave seals each key when it issues it, and the worker stores the
// sealed key (synced) before it hands the key to the client. New gives the
// stored keys back to the restarted enclave (RestoreKeys) before it
// resumes the held tasks. A compat key leaves the store with the write that
// stores the task that consumed it; keys of epochs older than the enclave's
// key window (KeepEpochs) are pruned when the worker sees a new epoch and
// at start; a v2 epoch key is deleted when the enclave's ring would erase
// it (the KeepEpochs most recent epoch keys are kept).

// issuedBook is what the worker knows of its stored issued keys.
type issuedBook struct {
	epochs    []uint64            // the most recent distinct epochs seen, ascending, at most KeepEpochs
	epochKeys map[uint64]api.Hash // v2 epoch keys stored: epoch → id
}

// storeIssued stores a sealed issued key before it is handed out.
func (w *Worker) storeIssued(ctx context.Context, k *state.IssuedKey) error {
	if err := w.cfg.Store.PutIssuedKey(ctx, k); err != nil {
		return api.Errorf(api.CodeUnavailable, "worker: could not store the issued key, so it is not handed out: %v; retry", err)
	}
	return nil
}

// taskKeyIssued stores a compat task key the enclave issued in epoch.
func (w *Worker) taskKeyIssued(ctx context.Context, epoch uint64, r *enclave.TaskKeyResponse) error {
	w.seeEpoch(ctx, epoch)
	if len(r.Sealed) == 0 {
		return nil // an enclave that seals nothing: the key lives in its memory only
	}
	return w.storeIssued(ctx, &state.IssuedKey{Epoch: epoch, ID: enclave.IssuedKeyID(r.WorkerPubKey[:]), Kind: state.IssuedCompat, Blob: r.Sealed})
}

// epochKeyIssued stores an epoch's v2 key, once per epoch.
func (w *Worker) epochKeyIssued(ctx context.Context, r *enclave.EpochKeyResponse) error {
	w.seeEpoch(ctx, r.Epoch)
	if len(r.Sealed) == 0 {
		return nil
	}
	id := enclave.IssuedKeyID(r.PublicKey)
	w.issuedMu.Lock()
	stored, ok := w.issued.epochKeys[r.Epoch]
	w.issuedMu.Unlock()
	if ok && stored == id {
		return nil
	}
	if err := w.storeIssued(ctx, &state.IssuedKey{Epoch: r.Epoch, ID: id, Kind: state.IssuedEpoch, Blob: r.Sealed}); err != nil {
		return err
	}
	w.issuedMu.Lock()
	defer w.issuedMu.Unlock()
	w.issued.epochKeys[r.Epoch] = id
	w.dropEpochKeysLocked(ctx)
	return nil
}

// dropEpochKeysLocked deletes the stored epoch keys beyond the KeepEpochs
// most recent, as the enclave's ring erases them. Caller holds issuedMu.
func (w *Worker) dropEpochKeysLocked(ctx context.Context) {
	epochs := make([]uint64, 0, len(w.issued.epochKeys))
	for e := range w.issued.epochKeys {
		epochs = append(epochs, e)
	}
	slices.Sort(epochs)
	for len(epochs) > w.cfg.KeepEpochs {
		e := epochs[0]
		epochs = epochs[1:]
		if err := w.cfg.Store.DeleteIssuedKey(ctx, state.IssuedKeyRef{Epoch: e, ID: w.issued.epochKeys[e]}); err != nil {
			w.log.Warn("could not delete an erased epoch key from the store", "epoch", e, "err", err)
			continue
		}
		delete(w.issued.epochKeys, e)
	}
}

// seeEpoch records an epoch the worker issues keys in; a new one pushes
// the compat keys of epochs older than the key window out of the store.
func (w *Worker) seeEpoch(ctx context.Context, epoch uint64) {
	w.issuedMu.Lock()
	defer w.issuedMu.Unlock()
	w.seeEpochLocked(ctx, epoch)
}

func (w *Worker) seeEpochLocked(ctx context.Context, epoch uint64) {
	e := &w.issued.epochs
	i, found := slices.BinarySearch(*e, epoch)
	if found || len(*e) == w.cfg.KeepEpochs && i == 0 {
		return
	}
	*e = slices.Insert(*e, i, epoch)
	if len(*e) <= w.cfg.KeepEpochs {
		return
	}
	*e = (*e)[1:]
	n, err := w.cfg.Store.PruneIssuedKeys(ctx, (*e)[0])
	if err != nil {
		w.log.Warn("could not prune the issued keys of old epochs; pruned at the next epoch", "before", (*e)[0], "err", err)
		return
	}
	if n > 0 {
		w.log.Info("pruned the issued keys of old epochs", "before", (*e)[0], "keys", n)
	}
}

// restoreKeys gives the stored issued keys back to the enclave after a
// restart, once the keys of epochs older than the key window are pruned.
// A key the enclave refuses is only logged: one bad blob never stops the
// restart.
func (w *Worker) restoreKeys(ctx context.Context) error {
	keys, err := w.cfg.Store.IssuedKeys(ctx)
	if err != nil {
		return fmt.Errorf("worker: read the keys issued before the restart: %w", err)
	}
	st, err := w.cfg.Enigma.EpochState(ctx)
	if err != nil {
		return fmt.Errorf("worker: read the epoch to restore the keys issued before the restart: %w", err)
	}
	w.issuedMu.Lock()
	for _, k := range keys {
		if k.Kind == state.IssuedEpoch {
			w.issued.epochKeys[k.Epoch] = k.ID
		}
		w.seeEpochLocked(ctx, k.Epoch)
	}
	w.seeEpochLocked(ctx, st.FirstBlock.Uint64())
	w.dropEpochKeysLocked(ctx)
	var oldest uint64
	if len(w.issued.epochs) > 0 {
		oldest = w.issued.epochs[0]
	}
	kept := make(map[uint64]bool, len(w.issued.epochKeys))
	for e := range w.issued.epochKeys {
		kept[e] = true
	}
	w.issuedMu.Unlock()
	var blobs [][]byte
	for _, k := range keys {
		if k.Kind == state.IssuedEpoch && kept[k.Epoch] || k.Kind == state.IssuedCompat && k.Epoch >= oldest {
			blobs = append(blobs, k.Blob)
		}
	}
	if len(blobs) == 0 {
		return nil
	}
	r, err := w.cfg.Enclave.RestoreKeys(ctx, &enclave.RestoreKeysRequest{Blobs: blobs})
	if err != nil {
		// The keys stay in the store; tasks sealed to them fail as if the
		// keys were never stored. Not a reason to stay down.
		w.log.Error("the enclave did not take back the keys issued before the restart; tasks sealed to them will fail", "keys", len(blobs), "err", err)
		return nil
	}
	if r.Refused > 0 {
		w.log.Warn("the enclave refused some keys issued before the restart (another enclave's, altered or too old)", "restored", r.Restored, "refused", r.Refused)
	} else {
		w.log.Info("restored the keys issued before the restart", "restored", r.Restored)
	}
	return nil
}
