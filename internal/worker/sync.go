package worker

import (
	"context"
	"errors"
	"fmt"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/state"
)

// syncState returns the contract's latest encrypted state, first fetching
// the deltas this worker misses from the other workers when the chain has
// more than its store.
func (w *Worker) syncState(ctx context.Context, contract api.ContractAddress) (*state.StateBlob, error) {
	// Two constant-size reads on the common path; the whole list of delta
	// hashes (which grows with the contract's history) only to sync.
	count, err := w.cfg.Enigma.CountStateDeltas(ctx, contract)
	if err != nil {
		return nil, fmt.Errorf("read contract %s on chain: %w", contract, err)
	}
	if count == 0 {
		return nil, fmt.Errorf("contract %s is not deployed on chain", contract)
	}
	last := uint32(count - 1)
	lastHash, err := w.cfg.Enigma.StateDeltaHash(ctx, contract, uint64(last))
	if err != nil {
		return nil, fmt.Errorf("read contract %s on chain: %w", contract, err)
	}
	want := api.Hash(lastHash)
	blob, err := w.cfg.Store.State(ctx, contract)
	if err == nil && blob.Index == last && blob.Hash == want {
		return blob, nil
	}
	if err != nil && api.CodeOf(err) != api.CodeNotFound {
		return nil, err
	}
	from, ahead := uint32(0), false
	if tip, err := w.cfg.Store.Tip(ctx, contract); err == nil {
		from = tip.Index + 1
		if tip.Index >= last {
			// The deltas are here but the state lags, or this worker stored
			// a task whose receipt never reached the chain (it stopped in
			// between): take a peer's state at the chain's last delta.
			from, ahead = last, tip.Index > last
		}
	}
	sc, err := w.cfg.Enigma.SecretContract(ctx, contract)
	if err != nil {
		return nil, fmt.Errorf("read contract %s on chain: %w", contract, err)
	}
	rec := state.ChainRecord{CodeHash: api.Hash(sc.CodeHash)}
	for _, h := range sc.StateDeltaHashes {
		rec.DeltaHashes = append(rec.DeltaHashes, api.Hash(h))
	}
	var errs []error
	if w.cfg.Directory != nil {
		for _, n := range w.cfg.Directory.Nodes() {
			if n.Signer() == w.signer {
				continue
			}
			exp, err := n.ExportState(ctx, contract, from)
			if err == nil && (exp.Range == nil || exp.State == nil || exp.State.Index != last || exp.State.Hash != want) {
				err = fmt.Errorf("it does not hold the state up to delta %d", last)
			}
			switch {
			case err == nil && ahead:
				err = w.cfg.Store.RollbackTo(ctx, contract, last, exp.State)
			case err == nil:
				if _, err = w.cfg.Store.Import(ctx, exp.Range, rec); err == nil {
					err = w.cfg.Store.PutState(ctx, contract, exp.State)
				}
			}
			if err != nil {
				errs = append(errs, fmt.Errorf("worker %s: %w", n.Signer(), err))
				continue
			}
			w.log.Info("synced contract state", "contract", contract, "from", n.Signer(), "deltas", last+1-from)
			return exp.State, nil
		}
	}
	return nil, fmt.Errorf("no worker could provide the state of contract %s up to delta %d: %w", contract, last, errors.Join(errs...))
}
