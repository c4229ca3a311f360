package worker

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/state"
)

// State sync trusts no peer. A reply is used only when it is the contract
// asked for, the deltas asked for, every delta is the chain's, and the
// worker's own enclave opens the state with the contract's key and code at
// the chain's last delta; a reply that fails any check is dropped and the
// next peer is asked. Nothing of a refused reply is stored.

// execute runs a task in the enclave and returns its receipt with the state
// it ran on (nil for a deploy). A compute task runs on the contract's state
// at the chain's last delta (syncState). When the enclave refuses that state
// (api.CodeUnavailable) and its CheckState says the stored state does not
// open or is at another delta (a state stored before states were checked,
// or damaged on disk), the worker fetches the state again from the other
// workers and retries once, instead of failing every later task of the
// contract. The contract's state key must be installed (ensureKey).
func (w *Worker) execute(ctx context.Context, req *enclave.ExecuteRequest) (*enclave.ExecuteResponse, *state.StateBlob, error) {
	var prior *state.StateBlob
	for attempt := 0; ; attempt++ {
		if req.Kind == enclave.KindCompute {
			var err error
			if prior, err = w.prepareCompute(ctx, req, attempt > 0); err != nil {
				return nil, nil, err
			}
		}
		resp, err := w.cfg.Enclave.Execute(ctx, req)
		if err == nil {
			return resp, prior, nil
		}
		if attempt > 0 || prior == nil || api.CodeOf(err) != api.CodeUnavailable || !w.stateIsBad(ctx, req, prior) {
			return nil, nil, fmt.Errorf("execute in the enclave: %w", err)
		}
		w.log.Warn("the contract's stored state does not open in this worker's enclave; fetching it again from the other workers",
			"contract", req.Contract, "task", req.TaskID, "delta", prior.Index, "err", err)
	}
}

// prepareCompute fills a compute task's code, state and previous delta hash.
func (w *Worker) prepareCompute(ctx context.Context, req *enclave.ExecuteRequest, refetch bool) (*state.StateBlob, error) {
	prior, err := w.syncState(ctx, req.Contract, refetch)
	if err != nil {
		return nil, err
	}
	if req.Code, err = w.cfg.Store.Code(ctx, req.Contract); err != nil {
		return nil, fmt.Errorf("read the code of contract %s: %w", req.Contract, err)
	}
	req.State, req.PrevDeltaHash = prior.Data, prior.Hash
	return prior, nil
}

// stateIsBad reports whether the enclave finds that blob is not the
// contract's state for its code at the delta it names. An error that says
// nothing of the blob (no key, enclave down) is not a verdict.
func (w *Worker) stateIsBad(ctx context.Context, req *enclave.ExecuteRequest, blob *state.StateBlob) bool {
	_, err := w.cfg.Enclave.CheckState(ctx, &enclave.CheckStateRequest{
		Contract: req.Contract, CodeHash: compat.Keccak256(req.Code), DeltaIndex: blob.Index, DeltaHash: blob.Hash, State: blob.Data,
	})
	code := api.CodeOf(err)
	return code == api.CodeTampered || code == api.CodeConflict
}

// syncState returns the contract's encrypted state at the chain's last
// delta: the stored one, or, when the store lags the chain, holds deltas
// the chain does not (it stopped between its commit and its receipt), or
// refetch says the stored state is bad, the deltas and state fetched from
// the other workers and checked.
func (w *Worker) syncState(ctx context.Context, contract api.ContractAddress, refetch bool) (*state.StateBlob, error) {
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
	if err == nil && !refetch && blob.Index == last && blob.Hash == want {
		return blob, nil
	}
	if err != nil && api.CodeOf(err) != api.CodeNotFound {
		return nil, err
	}
	t := &syncTarget{contract: contract, last: last, lastHash: want}
	if tip, err := w.cfg.Store.Tip(ctx, contract); err == nil {
		t.from = tip.Index + 1
		if tip.Index >= last {
			// The deltas are here but the state lags or is bad, or this
			// worker stored a task whose receipt never reached the chain
			// (it stopped in between): take a peer's state at the chain's
			// last delta.
			t.from, t.ahead = last, tip.Index > last
		}
	}
	sc, err := w.cfg.Enigma.SecretContract(ctx, contract)
	if err != nil {
		return nil, fmt.Errorf("read contract %s on chain: %w", contract, err)
	}
	t.chain = state.ChainRecord{CodeHash: api.Hash(sc.CodeHash)}
	for _, h := range sc.StateDeltaHashes {
		t.chain.DeltaHashes = append(t.chain.DeltaHashes, api.Hash(h))
	}
	if uint64(len(t.chain.DeltaHashes)) < count || t.chain.DeltaHashes[last] != want {
		return nil, fmt.Errorf("the chain's delta list of contract %s does not hold delta %d as %s (the node changed between two reads); run the task again", contract, last, want)
	}
	// A worker that is down (restarting), or that this worker has not
	// met yet on the network (it came back a moment ago), may be the one
	// holding the chain's last delta: the workers are asked again, with
	// backoff, until the task's context ends. Giving up early gains
	// nothing: a task this worker cannot run stays open until its fee is
	// refundable.
	for wait := syncRetryFirst; ; wait = min(2*wait, syncRetryMax) {
		got, down, err := w.syncFromPeers(ctx, t)
		if got != nil || errors.Is(err, errLocalSync) {
			return got, err
		}
		if down {
			w.log.Info("a worker that may hold the contract's state is not reachable; asking again", "contract", contract, "in", wait)
		} else {
			w.log.Info("no worker reached holds the contract's state; asking again", "contract", contract, "in", wait, "err", err)
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("no worker could provide the state of contract %s up to delta %d before the task's time ran out: %w", contract, last, err)
		case <-time.After(wait):
		}
	}
}

// A sync whose peers were not all reachable is tried again after
// syncRetryFirst, doubling up to syncRetryMax.
const (
	syncRetryFirst = 200 * time.Millisecond
	syncRetryMax   = 2 * time.Second
)

// syncFromPeers asks the other workers of the Directory in turn and
// returns the first state that checks; down reports that a peer could not
// be reached (api.CodeUnavailable), so it may be worth asking again.
func (w *Worker) syncFromPeers(ctx context.Context, t *syncTarget) (got *state.StateBlob, down bool, err error) {
	if w.cfg.Directory == nil {
		return nil, false, errors.New("this worker has no other workers to ask")
	}
	var errs []error
	for _, n := range w.cfg.Directory.Nodes() {
		if n.Signer() == w.signer {
			continue
		}
		got, err := w.syncFrom(ctx, n, t)
		if errors.Is(err, errLocalSync) {
			return nil, false, err
		}
		if err != nil {
			w.log.Warn("refused a worker's state sync reply; asking the next worker", "contract", t.contract, "peer", n.Signer(), "err", err)
			errs = append(errs, fmt.Errorf("worker %s: %w", n.Signer(), err))
			down = down || api.CodeOf(err) == api.CodeUnavailable
			continue
		}
		w.log.Info("synced contract state", "contract", t.contract, "from", n.Signer(), "deltas", t.last+1-t.from)
		return got, false, nil
	}
	if len(errs) == 0 {
		return nil, false, errors.New("no other worker is known")
	}
	return nil, down, errors.Join(errs...)
}

// syncTarget is what one sync asks for and must end with.
type syncTarget struct {
	contract api.ContractAddress
	from     uint32 // the first delta asked for
	last     uint32 // the chain's last delta, where the state must end
	lastHash api.Hash
	chain    state.ChainRecord
	ahead    bool // the store holds deltas past last: roll back to last
}

// errLocalSync marks a sync failure that is this worker's, not the peer's:
// asking other peers would fail the same way.
var errLocalSync = errors.New("this worker cannot check synced state")

// syncFrom asks one peer for the target's deltas and state and stores them
// only once every check passed.
func (w *Worker) syncFrom(ctx context.Context, n Node, t *syncTarget) (*state.StateBlob, error) {
	exp, err := n.ExportState(ctx, t.contract, t.from)
	if err != nil {
		return nil, err
	}
	if err := t.check(exp); err != nil {
		return nil, err
	}
	_, err = w.cfg.Enclave.CheckState(ctx, &enclave.CheckStateRequest{
		Contract: t.contract, CodeHash: t.chain.CodeHash, DeltaIndex: t.last, DeltaHash: t.lastHash, State: exp.State.Data,
	})
	switch code := api.CodeOf(err); {
	case err == nil:
	case ctx.Err() != nil || code == api.CodeNotFound || code == api.CodeUnavailable || code == api.CodeTimeout:
		// No key, or the enclave is not answering: every peer would fail.
		return nil, fmt.Errorf("%w of contract %s: %w", errLocalSync, t.contract, err)
	default:
		// Anything else is about what the peer sent (it does not open, is
		// at another delta, or is too large or malformed to check).
		return nil, fmt.Errorf("its state is not contract %s's at delta %d: %w", t.contract, t.last, err)
	}
	blob := &state.StateBlob{Index: t.last, Hash: t.lastHash, Data: exp.State.Data}
	if t.ahead {
		// Local deltas up to last are the chain's (RollbackTo checks the
		// one at last): only the state is taken.
		return blob, w.cfg.Store.RollbackTo(ctx, t.contract, t.last, blob)
	}
	if _, err := w.cfg.Store.Import(ctx, exp.Range, t.chain); err != nil {
		return nil, err
	}
	return blob, w.cfg.Store.PutState(ctx, t.contract, blob)
}

// check holds a reply to what was asked: the contract, the range of deltas
// and the state's delta. The deltas' hashes are checked by Import and the
// state by the enclave.
func (t *syncTarget) check(exp *StateExport) error {
	switch {
	case exp == nil || exp.Range == nil || exp.State == nil:
		return api.Errorf(api.CodeInvalidInput, "its reply lacks the deltas or the state")
	case exp.Range.Contract != t.contract:
		return api.Errorf(api.CodeTampered, "asked for contract %s, it sent the deltas of %s", t.contract, exp.Range.Contract)
	case exp.Range.From != t.from || exp.Range.To != t.last:
		return api.Errorf(api.CodeInvalidInput, "asked for deltas %d..%d of contract %s, it sent %d..%d", t.from, t.last, t.contract, exp.Range.From, exp.Range.To)
	case exp.State.Index != t.last || exp.State.Hash != t.lastHash:
		return api.Errorf(api.CodeInvalidInput, "its state of contract %s is at delta %d (%s), not at the chain's last delta %d (%s)", t.contract, exp.State.Index, exp.State.Hash, t.last, t.lastHash)
	}
	return nil
}
