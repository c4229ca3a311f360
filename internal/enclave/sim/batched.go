package sim

import (
	"bytes"
	"context"
	"math/big"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/batch"
	"github.com/enigma-go/enigma/internal/crypto/envelope"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/ethereum/go-ethereum/common"
)

// maxSignedBatches bounds the signed batches remembered per contract for
// VoidBatch; the oldest is forgotten first (its tasks can then not run
// again: they stay refused as replays, never charged twice).
const maxSignedBatches = 16

// batchedTask is a batched task executed and not yet put in a batch.
type batchedTask struct {
	epoch uint64
	prev  api.Hash // the delta the task ran on
	post  api.Hash // the delta after it (prev when it changed nothing)
	leaf  batch.Task
	// bound is the smallest index of a void batch the task was signed in,
	// when reopened says it was in one: it may be signed again only into a
	// batch of at most that index.
	bound    uint64
	reopened bool
}

// openBatch is a contract's batched tasks executed and not yet signed, in
// execution order, all of one epoch.
type openBatch struct {
	epoch uint64
	tasks []batchedTask
	// start is the state the batch's first task ran on, set by the first
	// task that opened the state (a task that fails before it opens it
	// leaves the state as it was); codeHash is the code that state is bound
	// to; end holds the entries the batch's last task left.
	start    *contractState
	codeHash api.Hash
	end      map[string][]byte
}

// signedRecord is a batch the enclave signed, kept so VoidBatch can let
// its tasks run again.
type signedRecord struct {
	epoch uint64
	index uint64
	tasks []api.TaskID
}

// runSlot marks a contract's batched task while it runs; VoidBatch makes
// it stale, and a stale task is not added to the new open batch.
type runSlot struct{ stale bool }

// batchBook holds the batched tasks awaiting SignBatch, per contract, the
// batches signed, and the batched task ids seen, per epoch. A batched
// request opens only with its epoch's v2 key, so its id is remembered
// exactly as long as that key lives (and a key that left the ring never
// comes back in this enclave's lifetime).
type batchBook struct {
	open    map[api.ContractAddress]*openBatch
	seen    map[uint64]map[api.TaskID]bool
	running map[api.ContractAddress]*runSlot // a contract's batched tasks chain, so they run one at a time
	signed  map[api.ContractAddress][]signedRecord
	// voided holds, per epoch, the tasks of void batches and the smallest
	// index of a void batch each was signed in.
	voided map[uint64]map[api.TaskID]uint64
}

func newBatchBook() batchBook {
	return batchBook{open: map[api.ContractAddress]*openBatch{}, seen: map[uint64]map[api.TaskID]bool{},
		running: map[api.ContractAddress]*runSlot{}, signed: map[api.ContractAddress][]signedRecord{},
		voided: map[uint64]map[api.TaskID]uint64{}}
}

// taskStates is what a batched task's run tells its open batch: the state
// it opened (nil when it opened none) and the state it left (nil when it
// changed nothing).
type taskStates struct {
	prior, next *contractState
}

func checkBatchedRequest(req *enclave.ExecuteRequest) error {
	switch {
	case req.Envelope != enclave.EnvelopeV2:
		return api.Errorf(api.CodeInvalidInput, "sim: batched tasks use envelope v2")
	case req.Kind != enclave.KindCompute:
		return api.Errorf(api.CodeInvalidInput, "sim: only compute tasks can be batched; deploy with a task record")
	case req.TaskID != enclave.BatchedTaskID(req.Sender, req.TaskNonce):
		return api.Errorf(api.CodeInvalidInput, "sim: batched task id %s is not BatchedTaskID(sender %s, nonce %d)", req.TaskID, req.Sender, req.TaskNonce)
	}
	h := enclave.BatchedTaskHash(req.ChainID, req.EnigmaContract, req.Contract, req.TaskID, req.Epoch, envelope.InputsHash(req.EncryptedFn), req.GasLimit, req.GasPx)
	if !enclave.BatchedTaskSignedBy(h, req.UserSignature[:], req.Sender) {
		return api.Errorf(api.CodeBadSignature, "sim: the batched task is not authorised by its sender %s: sign BatchedTaskHash (which names the task id and the epoch) with the sender's key (or as an EIP-191 personal message)", req.Sender)
	}
	return nil
}

// reservation is a batched task admitted to run.
type reservation struct {
	slot     *runSlot
	bound    uint64
	reopened bool
}

// reserveBatched records a batched task id and checks it can join the
// contract's open batch: same epoch, and running on the state the previous
// task of the open batch produced. The first task of an open batch may run
// on any state of the contract: after a signed batch that is the batch's
// state (SignedBatch.State at NewDeltaHash, or the state it started from
// when it changed nothing), and the chain takes only a batch whose
// prevDeltaHash is its last delta.
func (w *Worker) reserveBatched(req *enclave.ExecuteRequest) (*reservation, error) {
	w.batchMu.Lock()
	defer w.batchMu.Unlock()
	w.pruneBatchedLocked()
	// A batched task has no record on chain to fail: one this enclave can no
	// longer open is refused outright, so no id can enter two batches.
	if _, err := w.ring.PublicKey(req.Epoch); err != nil {
		return nil, err
	}
	b := &w.batches
	if b.seen[req.Epoch][req.TaskID] {
		return nil, api.Errorf(api.CodeReplay, "sim: batched task %s was already executed by this enclave (it is in a signed batch or awaits one)", req.TaskID)
	}
	if b.running[req.Contract] != nil {
		return nil, api.Errorf(api.CodeUnavailable, "sim: another batched task of contract %s is running; batched tasks of one contract run one after the other: retry on the state it produces", req.Contract)
	}
	if ob := b.open[req.Contract]; ob != nil && len(ob.tasks) > 0 {
		last := ob.tasks[len(ob.tasks)-1]
		if last.epoch != req.Epoch {
			return nil, api.Errorf(api.CodeWrongEpoch, "sim: contract %s has batched tasks of epoch %d pending: sign and commit that batch before running tasks of epoch %d", req.Contract, last.epoch, req.Epoch)
		}
		if last.post != req.PrevDeltaHash {
			return nil, api.Errorf(api.CodeUnavailable, "sim: run the batched task on the state the previous batched task produced (delta %s), not %s", last.post, req.PrevDeltaHash)
		}
	}
	if b.seen[req.Epoch] == nil {
		b.seen[req.Epoch] = map[api.TaskID]bool{}
	}
	b.seen[req.Epoch][req.TaskID] = true
	r := &reservation{slot: &runSlot{}}
	r.bound, r.reopened = b.voided[req.Epoch][req.TaskID]
	b.running[req.Contract] = r.slot
	return r, nil
}

func (w *Worker) releaseBatched(req *enclave.ExecuteRequest, r *reservation) {
	w.batchMu.Lock()
	defer w.batchMu.Unlock()
	delete(w.batches.seen[req.Epoch], req.TaskID)
	if w.batches.running[req.Contract] == r.slot {
		delete(w.batches.running, req.Contract)
	}
}

// pruneBatchedLocked forgets the ids, void tasks and signed batches of
// epochs whose v2 key is gone: their tasks can no longer run. Open batches
// stay until signed or voided; their tasks carry their own bounds.
func (w *Worker) pruneBatchedLocked() {
	live := map[uint64]bool{}
	for _, e := range w.ring.Epochs() {
		live[e] = true
	}
	b := &w.batches
	for e := range b.seen {
		if !live[e] {
			delete(b.seen, e)
		}
	}
	for e := range b.voided {
		if !live[e] {
			delete(b.voided, e)
		}
	}
	for c, recs := range b.signed {
		kept := recs[:0]
		for _, r := range recs {
			if live[r.epoch] {
				kept = append(kept, r)
			}
		}
		if len(kept) == 0 {
			delete(b.signed, c)
		} else {
			b.signed[c] = kept
		}
	}
}

// hasPendingBatch reports whether a contract has batched tasks not yet signed.
func (w *Worker) hasPendingBatch(c api.ContractAddress) bool {
	w.batchMu.Lock()
	defer w.batchMu.Unlock()
	ob := w.batches.open[c]
	return (ob != nil && len(ob.tasks) > 0) || w.batches.running[c] != nil
}

// addBatched appends an executed batched task (success or failure) to its
// contract's open batch; its fee is gasUsed × gasPx. It fails when the
// contract's batches were voided while the task ran: the task is then
// forgotten, and runs again on the state the host reloads.
func (w *Worker) addBatched(req *enclave.ExecuteRequest, resp *enclave.ExecuteResponse, st taskStates, r *reservation) error {
	post := resp.DeltaHash
	if post.IsZero() {
		post = req.PrevDeltaHash
	}
	fee := new(big.Int).Mul(new(big.Int).SetUint64(resp.GasUsed), new(big.Int).SetUint64(req.GasPx))
	t := batchedTask{epoch: req.Epoch, prev: req.PrevDeltaHash, post: post, bound: r.bound, reopened: r.reopened, leaf: batch.Task{
		TaskID: req.TaskID, User: common.Address(req.Sender), InputsHash: resp.InputsHash, OutputHash: resp.OutputHash,
		DeltaHash: resp.DeltaHash, GasUsed: resp.GasUsed, Fee: fee, Failed: resp.Status != enclave.TaskSuccess,
	}}
	w.batchMu.Lock()
	defer w.batchMu.Unlock()
	b := &w.batches
	if b.running[req.Contract] == r.slot {
		delete(b.running, req.Contract)
	}
	if r.slot.stale {
		delete(b.seen[req.Epoch], req.TaskID)
		return api.Errorf(api.CodeUnavailable, "sim: the batches of contract %s were voided while batched task %s ran; run it again on the contract's state", req.Contract, req.TaskID)
	}
	ob := b.open[req.Contract]
	if ob == nil {
		ob = &openBatch{epoch: req.Epoch}
		b.open[req.Contract] = ob
	}
	if ob.start == nil && st.prior != nil {
		ob.start, ob.codeHash, ob.end = st.prior, resp.CodeHash, st.prior.entries
	}
	if st.next != nil {
		ob.end = st.next.entries
	}
	ob.tasks = append(ob.tasks, t)
	return nil
}

// diffEntries returns the ops that turn the entries from into to, sorted by
// key, in the delta format of overlay.delta.
func diffEntries(from, to map[string][]byte) (ops buf, count uint32) {
	keys := make(map[string]bool, len(from)+len(to))
	for k := range from {
		keys[k] = true
	}
	for k := range to {
		keys[k] = true
	}
	for _, k := range sortedKeys(keys) {
		old, had := from[k]
		v, has := to[k]
		switch {
		case had && !has:
			ops = ops.u8(opDelete).bytes([]byte(k)).bytes(nil)
		case has && (!had || !bytes.Equal(old, v)):
			ops = ops.u8(opSet).bytes([]byte(k)).bytes(v)
		default:
			continue
		}
		count++
	}
	return ops, count
}

// SignBatch implements enclave.Enclave. It closes the contract's open
// batch: the header over its tasks, the per-user fees, and the batch's
// state change as one delta of the contract's chain (at the index after the
// start state's, chained to it) with the state it leads to. The same batch
// signed again gives the same bytes (the delta's and state's IVs derive
// from the batch).
//
// A task of a void batch goes only into a batch of at most the index it was
// signed in (api.CodeReplay otherwise), and a batch holding such a task
// always ends at a new delta, even when it changed nothing (an empty
// delta): only one batch per index lands, and no batch signed before it can
// follow it on chain, so a task is charged at most once.
func (w *Worker) SignBatch(ctx context.Context, req *enclave.SignBatchRequest) (*enclave.SignedBatch, error) {
	w.batchMu.Lock()
	defer w.batchMu.Unlock()
	w.pruneBatchedLocked()
	b := &w.batches
	ob := b.open[req.Contract]
	if ob == nil || len(ob.tasks) == 0 {
		return nil, api.Errorf(api.CodeNotFound, "sim: no batched tasks of contract %s await a batch", req.Contract)
	}
	if b.running[req.Contract] != nil {
		return nil, api.Errorf(api.CodeUnavailable, "sim: a batched task of contract %s is running; sign the batch once it finished", req.Contract)
	}
	if ob.epoch != req.EpochFirstBlock {
		return nil, api.Errorf(api.CodeWrongEpoch, "sim: the pending batched tasks of contract %s belong to epoch %d, not %d", req.Contract, ob.epoch, req.EpochFirstBlock)
	}
	reopened := false
	for _, t := range ob.tasks {
		if !t.reopened {
			continue
		}
		reopened = true
		if req.BatchIndex > t.bound {
			return nil, api.Errorf(api.CodeReplay, "sim: batched task %s was signed in batch %d of contract %s, which was voided; it may go only into a batch of index %d or lower, not %d: sign the batch with the contract's countBatches, or void it",
				t.leaf.TaskID, t.bound, req.Contract, t.bound, req.BatchIndex)
		}
	}

	leaves := make([]batch.Task, len(ob.tasks))
	ids := make([]api.TaskID, len(ob.tasks))
	for i, t := range ob.tasks {
		leaves[i], ids[i] = t.leaf, t.leaf.TaskID
	}
	tree, err := batch.NewTree(leaves)
	if err != nil {
		return nil, api.Errorf(api.CodeUnknown, "sim: batch tree: %w", err)
	}
	h := batch.Header{ScAddr: req.Contract, EpochFirstBlock: req.EpochFirstBlock, BatchIndex: req.BatchIndex,
		PrevDeltaHash: ob.tasks[0].prev, Root: tree.Root(), TaskCount: uint64(len(leaves)), GasUsed: batch.GasUsed(leaves)}
	out := &enclave.SignedBatch{}
	if err := w.batchDelta(req, ob, h, reopened, out); err != nil {
		return nil, err
	}
	h.NewDeltaHash = out.NewDeltaHash
	users, fees := batch.Totals(leaves)
	sig, err := w.sign(batch.Digest(new(big.Int).SetUint64(req.ChainID), common.Address(req.EnigmaContract), h, users, fees))
	if err != nil {
		return nil, err
	}
	out.Contract, out.EpochFirstBlock, out.BatchIndex = req.Contract, h.EpochFirstBlock, h.BatchIndex
	out.PrevDeltaHash, out.Root, out.TaskCount, out.GasUsed = h.PrevDeltaHash, h.Root, h.TaskCount, h.GasUsed
	out.TaskIDs, out.Signature = ids, sig
	for i, u := range users {
		var f [32]byte
		fees[i].FillBytes(f[:])
		out.Users = append(out.Users, api.EthAddress(u))
		out.Fees = append(out.Fees, f)
	}

	delete(b.open, req.Contract)
	recs := append(b.signed[req.Contract], signedRecord{epoch: ob.epoch, index: req.BatchIndex, tasks: ids})
	if len(recs) > maxSignedBatches {
		recs = append([]signedRecord(nil), recs[len(recs)-maxSignedBatches:]...)
	}
	b.signed[req.Contract] = recs
	w.cfg.logger().Info("batch signed", "contract", req.Contract, "index", req.BatchIndex, "tasks", len(leaves), "state_changed", !out.NewDeltaHash.IsZero())
	return out, nil
}

// batchDelta sets out's NewDeltaHash, DeltaIndex, Delta and State to the
// batch's state change: the difference between the state its first task
// ran on and the entries its last task left. Nothing changed gives a zero
// hash and no delta, unless the batch holds a task of a void batch: then
// an empty delta, so the batch ends at a delta no earlier batch knows.
func (w *Worker) batchDelta(req *enclave.SignBatchRequest, ob *openBatch, h batch.Header, reopened bool, out *enclave.SignedBatch) error {
	if ob.start == nil {
		if reopened {
			return api.Errorf(api.CodeUnavailable, "sim: the batch of contract %s holds tasks of a void batch but none of its tasks opened the contract's state, so the enclave cannot end it at a new delta: void it and run its tasks on the contract's state (with its code and this enclave's state key)", req.Contract)
		}
		return nil
	}
	ops, count := diffEntries(ob.start.entries, ob.end)
	if count == 0 && !reopened {
		return nil
	}
	key, ok := w.stateKey(req.Contract)
	if !ok {
		return api.Errorf(api.CodeNotFound, "sim: this enclave holds no state key for contract %s any more: install it again before signing the batch", req.Contract)
	}
	next := &contractState{deltaIndex: ob.start.deltaIndex + 1, entries: ob.end}
	iv := w.batchIV(h)
	delta, hash, err := encryptDelta(key, req.Contract, next.deltaIndex, ob.start.deltaHash, count, ops, iv(ivDelta))
	if err != nil {
		return api.Errorf(api.CodeUnknown, "sim: encrypt the batch's delta: %w", err)
	}
	next.deltaHash = hash
	state, err := encryptState(key, req.Contract, ob.codeHash, next, iv(ivState))
	if err != nil {
		return api.Errorf(api.CodeUnknown, "sim: encrypt the batch's state: %w", err)
	}
	out.NewDeltaHash, out.DeltaIndex, out.Delta, out.State = hash, next.deltaIndex, delta, state
	return nil
}

// VoidBatch implements enclave.Enclave: the contract's signed batches of
// index req.BatchIndex and above are void. Their tasks may run again (each
// bounded by the smallest index it was signed in); the contract's open
// batch is dropped, its tasks may run again freely; a task running now is
// dropped when it ends.
func (w *Worker) VoidBatch(ctx context.Context, req *enclave.VoidBatchRequest) (*enclave.VoidBatchResponse, error) {
	w.batchMu.Lock()
	defer w.batchMu.Unlock()
	w.pruneBatchedLocked()
	b := &w.batches
	resp := &enclave.VoidBatchResponse{}
	var kept []signedRecord
	for _, r := range b.signed[req.Contract] {
		if r.index < req.BatchIndex {
			kept = append(kept, r)
			continue
		}
		v := b.voided[r.epoch]
		if v == nil {
			v = map[api.TaskID]uint64{}
			b.voided[r.epoch] = v
		}
		for _, id := range r.tasks {
			if old, ok := v[id]; !ok || r.index < old {
				v[id] = r.index
			}
			delete(b.seen[r.epoch], id)
			resp.Reopened++
		}
	}
	if len(kept) == 0 {
		delete(b.signed, req.Contract)
	} else {
		b.signed[req.Contract] = kept
	}
	if ob := b.open[req.Contract]; ob != nil {
		for _, t := range ob.tasks {
			delete(b.seen[t.epoch], t.leaf.TaskID)
			resp.Dropped++
		}
		delete(b.open, req.Contract)
	}
	if s := b.running[req.Contract]; s != nil {
		s.stale = true
	}
	w.cfg.logger().Info("batches voided", "contract", req.Contract, "from_index", req.BatchIndex, "reopened", resp.Reopened, "dropped", resp.Dropped)
	return resp, nil
}

// eraseBatches drops the open batches and their plaintext state.
func (w *Worker) eraseBatches() {
	w.batchMu.Lock()
	defer w.batchMu.Unlock()
	for _, ob := range w.batches.open {
		for _, m := range []map[string][]byte{ob.end, startEntries(ob)} {
			for k, v := range m {
				clear(v)
				delete(m, k)
			}
		}
	}
	w.batches = newBatchBook()
}

func startEntries(ob *openBatch) map[string][]byte {
	if ob.start == nil {
		return nil
	}
	return ob.start.entries
}
