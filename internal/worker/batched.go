package worker

import (
	"context"
	"encoding/binary"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/crypto/envelope"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/internal/workerapi"
)

// The batched path (docs/protocol/batched.md, docs/worker.md "Batched
// tasks"): a batched task has no record on chain. SubmitBatched checks it
// against the chain as cached per block (chainView), reserves its maximum
// fee against its sender's balance, stores it (one synced write) and hands
// it to its contract's lane (lane.go), which runs the contract's tasks in
// order, signs them in batches and commits each batch with one commitBatch
// transaction (flight.go).

// btask is a batched task this worker accepted that has not ended.
type btask struct {
	req      workerapi.BatchedRequest
	epoch    uint64 // the epoch's first block, from the request's header
	seq      uint64 // its place in the store's pending order
	inputs   api.Hash
	maxFee   *big.Int // gasLimit × gasPx
	accepted time.Time
	status   workerapi.BatchedStatus
	// res is its leaf and output once executed; batch index and position
	// once signed.
	res state.BatchedResult
	// capped: it was signed in a batch that did not land (BatchIndex cap):
	// it may go only into a batch of at most that index (the enclave's
	// rule, docs/protocol/batched.md §4).
	capped bool
	cap    uint64
	// rerun: it runs again (after a batch that did not land, or a
	// restart): its epoch and its sender's balance are checked again.
	rerun   bool
	retried bool // the enclave refused it once as unavailable
	// voids counts the signed batches it was in that were voided;
	// firstFail is when a step of the host first failed for it since it
	// last ran (retryOrFail).
	voids     int
	firstFail time.Time
}

// report is what BatchedTask says of a task still in memory.
func (t *btask) report() *workerapi.BatchedTask {
	out := &workerapi.BatchedTask{TaskID: t.req.TaskID, Contract: t.req.ContractAddress, Status: t.status, Epoch: t.epoch, InputsHash: t.inputs}
	if t.status == workerapi.BatchedPending {
		return out
	}
	fillLeaf(out, &t.res)
	if t.status == workerapi.BatchedExecuted {
		out.BatchIndex, out.Position = 0, 0
	}
	return out
}

func fillLeaf(out *workerapi.BatchedTask, r *state.BatchedResult) {
	out.BatchIndex, out.Position, out.Epoch = r.BatchIndex, r.Position, r.Epoch
	out.InputsHash, out.OutputHash, out.DeltaHash = r.InputsHash, r.OutputHash, r.DeltaHash
	out.GasUsed, out.Fee, out.TaskFailed, out.Output = r.GasUsed, r.Fee, r.TaskFailed, r.Output
}

// storedReport is what BatchedTask says of an ended task.
func storedReport(r *state.BatchedResult) *workerapi.BatchedTask {
	out := &workerapi.BatchedTask{TaskID: r.TaskID, Contract: r.Contract}
	switch r.Status {
	case state.BatchedFailed:
		out.Status, out.Error, out.Code = workerapi.BatchedFailed, r.Error, r.Code
		out.Epoch = r.Epoch
		return out
	case state.BatchedCommitted:
		out.Status = workerapi.BatchedCommitted
	default:
		out.Status = workerapi.BatchedInBatch
	}
	fillLeaf(out, r)
	for _, p := range r.Proof {
		out.Proof = append(out.Proof, [32]byte(p))
	}
	out.Root, out.Block = r.Root, r.Block
	return out
}

// userBook is what the worker holds against a user's balance: the maximum
// fees of the user's batched tasks accepted and not ended.
type userBook struct {
	reserved *big.Int
	live     int
}

// batcher is the worker's batched path.
type batcher struct {
	view *chainView

	mu        sync.Mutex
	lanes     map[api.ContractAddress]*lane
	tasks     map[api.TaskID]*btask         // accepted, not ended: MaxBatchedPending
	admitting map[api.TaskID]chan struct{}  // submissions being checked
	users     map[api.EthAddress]*userBook  // one per user with a task in tasks
	ended     *recent[*state.BatchedResult] // recently ended, in case the store could not keep them
	stats     BatchedStats
	m         *Metrics // its stages, observed where stats adds them up
}

func newBatcher(e *chain.Enigma) *batcher {
	return &batcher{view: newChainView(e), lanes: map[api.ContractAddress]*lane{}, tasks: map[api.TaskID]*btask{},
		admitting: map[api.TaskID]chan struct{}{}, users: map[api.EthAddress]*userBook{}, ended: newRecent[*state.BatchedResult](remembered)}
}

// BatchedStats counts the batched path's work and adds up where its time
// goes (a bench divides each duration by its count).
type BatchedStats struct {
	// Accepted counts tasks stored and acknowledged; Forwarded those
	// handed to the selected worker; Refused submissions refused.
	Accepted, Forwarded, Refused uint64
	// Executed counts enclave executions that joined an open batch.
	Executed uint64
	// Committed and Failed count tasks that ended.
	Committed, Failed uint64
	// Batches counts batches signed and sent; Landed those mined; Voided
	// those that did not land (reverted, refused or not mined in time).
	Batches, Landed, Voided uint64
	// Resumed counts tasks taken up again after a restart.
	Resumed uint64

	// Check: the submission's checks (signature, epoch, selection,
	// deployment, balance). AcceptStore: the synced write of each accepted
	// task. Execute: the enclave's Execute. Sign: SignBatch. BatchStore:
	// the synced write of a signed batch before it is sent. Send: the
	// commitBatch's gas estimate and sending. Mined: the wait for it to be
	// mined. CommitStore: the synced write of a batch that landed.
	// FailStore: the writes of failed tasks.
	Check, AcceptStore, Execute, Sign, BatchStore, Send, Mined, CommitStore, FailStore time.Duration
}

// requestEpoch reads the epoch a v2 request is sealed for from its header:
// magic ‖ version ‖ type ‖ u64 epoch (envelope.SealRequest).
func requestEpoch(msg []byte) (uint64, error) {
	v, err := envelope.VersionOf(msg)
	if err != nil || v != envelope.VersionV2 || len(msg) < envelope.HeaderSize+1+8 || msg[envelope.HeaderSize] != envelope.TypeRequest {
		return 0, api.Errorf(api.CodeBadEnvelope, "worker: a batched task's request must be an envelope v2 request (sealed with the worker's epoch key)")
	}
	return binary.BigEndian.Uint64(msg[envelope.HeaderSize+1:]), nil
}

// SubmitBatched implements Node.
func (w *Worker) SubmitBatched(ctx context.Context, r *workerapi.BatchedRequest) error {
	err := w.submitBatched(ctx, r)
	if err != nil {
		w.b.mu.Lock()
		w.b.stats.Refused++
		w.b.mu.Unlock()
	}
	return err
}

func (w *Worker) submitBatched(ctx context.Context, r *workerapi.BatchedRequest) error {
	start := time.Now()
	if r == nil {
		return api.Errorf(api.CodeInvalidInput, "worker: empty batched task")
	}
	if r.TaskID != enclave.BatchedTaskID(r.Sender, r.TaskNonce) {
		return api.Errorf(api.CodeInvalidInput, "worker: task id %s is not BatchedTaskID(sender %s, nonce %d): compute it with enclave.BatchedTaskID", r.TaskID, r.Sender, r.TaskNonce)
	}
	if r.GasLimit == 0 || r.ContractAddress.IsZero() {
		return api.Errorf(api.CodeInvalidInput, "worker: batched task %s needs its contract and a gas limit", r.TaskID)
	}
	if r.GasLimit < workerapi.MinBatchedGasLimit {
		return api.Errorf(api.CodeInvalidInput, "worker: batched task %s has a gas limit of %d, below the %d a compute task's fixed cost takes: raise it", r.TaskID, r.GasLimit, workerapi.MinBatchedGasLimit)
	}
	if len(r.Request) > workerapi.MaxBatchedRequest {
		return api.Errorf(api.CodeInvalidInput, "worker: batched task %s has a request of %d bytes, more than the %d a batched task may have (a call of at most %d bytes): send a larger call with a task record (the per-task path)", r.TaskID, len(r.Request), workerapi.MaxBatchedRequest, workerapi.MaxBatchedPayload-4)
	}
	epoch, err := requestEpoch(r.Request)
	if err != nil {
		return err
	}
	release, seen, err := w.admitBatched(ctx, r.TaskID)
	if seen || err != nil {
		return err
	}
	defer release()
	if _, err := w.cfg.Store.BatchedResult(ctx, r.TaskID); err == nil {
		return nil // it ended here already: its status says how
	} else if api.CodeOf(err) != api.CodeNotFound {
		return err
	}

	t := &btask{req: *r, epoch: epoch, inputs: envelope.InputsHash(r.Request), accepted: time.Now(), status: workerapi.BatchedPending,
		maxFee: new(big.Int).Mul(new(big.Int).SetUint64(r.GasLimit), new(big.Int).SetUint64(r.GasPx))}
	t.req.Request = append([]byte(nil), r.Request...)
	h := enclave.BatchedTaskHash(w.chainID, api.EthAddress(w.cfg.Enigma.Addresses().Enigma), r.ContractAddress, r.TaskID, epoch, t.inputs, r.GasLimit, r.GasPx)
	if !enclave.BatchedTaskSignedBy(h, r.Signature[:], r.Sender) {
		return api.Errorf(api.CodeBadSignature, "worker: batched task %s is not signed by its sender %s: sign enclave.BatchedTaskHash of the chain, the Enigma contract, the secret contract, the task id, the epoch's first block, the request's inputs hash, the gas limit and the gas price with the sender's key (or as an EIP-191 personal message: eth_sign)", r.TaskID, r.Sender)
	}
	v := w.b.view
	_, _, cur, err := v.now(ctx, false)
	if err != nil {
		return err
	}
	if epoch != cur.first {
		if _, _, cur, err = v.now(ctx, true); err != nil {
			return err
		}
		if epoch != cur.first {
			return api.Errorf(api.CodeWrongEpoch, "worker: batched task %s is sealed for epoch %d but the current epoch starts at block %d: get the current epoch key (v2_getEpochKey) of the selected worker and seal the task again", r.TaskID, epoch, cur.first)
		}
	}
	sel, err := v.selectedFor(cur, r.ContractAddress)
	if err != nil {
		return err
	}
	if sel != w.signer {
		return w.forwardBatched(ctx, r, sel)
	}
	if ok, err := v.isDeployed(ctx, r.ContractAddress); err != nil {
		return err
	} else if !ok {
		return api.Errorf(api.CodeNotFound, "worker: contract %s is not deployed on chain: deploy it (with a task record) before sending it batched tasks", r.ContractAddress)
	}
	if err := w.reserve(ctx, t); err != nil {
		return err
	}
	checked := time.Now()
	if err := w.storeBatched(ctx, t); err != nil {
		w.unreserve(t)
		return err
	}
	stored := time.Now()
	if err := w.enqueueBatched(t, true); err != nil {
		w.unreserve(t)
		w.forgetNow(context.Background(), t.req.TaskID)
		return err
	}
	w.b.mu.Lock()
	w.b.stats.Accepted++
	w.b.stats.Check += checked.Sub(start)
	w.b.stats.AcceptStore += stored.Sub(checked)
	w.b.m.batchedStage(bstageCheck, checked.Sub(start))
	w.b.m.batchedStage(bstageAcceptStore, stored.Sub(checked))
	w.b.mu.Unlock()
	return nil
}

// admitBatched lets one submission of a batched task at a time be checked;
// seen reports a task the worker already has (accepted: nil error).
func (w *Worker) admitBatched(ctx context.Context, id api.TaskID) (release func(), seen bool, err error) {
	b := w.b
	for {
		b.mu.Lock()
		w.mu.Lock()
		closed := w.closed
		w.mu.Unlock()
		if closed {
			b.mu.Unlock()
			return nil, true, errClosed
		}
		if _, ok := b.tasks[id]; ok {
			b.mu.Unlock()
			return nil, true, nil
		}
		if _, ok := b.ended.get(id); ok {
			b.mu.Unlock()
			return nil, true, nil
		}
		ch := b.admitting[id]
		if ch == nil {
			ch = make(chan struct{})
			b.admitting[id] = ch
			b.mu.Unlock()
			return func() {
				b.mu.Lock()
				delete(b.admitting, id)
				b.mu.Unlock()
				close(ch)
			}, false, nil
		}
		b.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			return nil, true, ctx.Err()
		}
	}
}

// forwardBatched hands a batched task to the worker selected for it.
func (w *Worker) forwardBatched(ctx context.Context, r *workerapi.BatchedRequest, selected api.EthAddress) error {
	var n Node
	var ok bool
	if w.cfg.Directory != nil {
		n, ok = w.cfg.Directory.Node(selected)
	}
	if !ok || n.Signer() == w.signer {
		return api.Errorf(api.CodeNotSelected, "worker: this worker (%s) is not selected for contract %s in this epoch, and the selected worker %s is not reachable: send the task to %s (sealed to its epoch key), or retry when it is reachable", w.signer, r.ContractAddress, selected, selected)
	}
	f := *r
	f.Worker = n.Signer()
	if err := n.SubmitBatched(ctx, &f); err != nil {
		return fmt.Errorf("worker: forward batched task %s to the selected worker %s: %w", r.TaskID, selected, err)
	}
	w.b.mu.Lock()
	w.b.stats.Forwarded++
	w.b.mu.Unlock()
	return nil
}

// reserve holds t's maximum fee against its sender's batchable balance,
// which must cover it on top of the fees already held for the sender.
func (w *Worker) reserve(ctx context.Context, t *btask) error {
	b, v, user := w.b, w.b.view, t.req.Sender
	for attempt := 0; ; attempt++ {
		bal, gen, err := v.balance(ctx, user)
		if err != nil {
			return err
		}
		b.mu.Lock()
		if v.chargedSince(gen) && attempt < 3 {
			b.mu.Unlock()
			continue // a batch landed meanwhile: read the balance after it
		}
		if len(b.tasks)+len(b.admitting) > w.cfg.MaxBatchedPending {
			n := len(b.tasks)
			b.mu.Unlock()
			return api.Errorf(api.CodeUnavailable, "worker: this worker holds %d batched tasks, its limit; retry later", n)
		}
		u := b.users[user]
		if u != nil && u.live >= w.cfg.MaxBatchedPerSender {
			n := u.live
			b.mu.Unlock()
			return api.Errorf(api.CodeUnavailable, "worker: %s has %d batched tasks not yet committed at this worker, the most one sender may have: wait for some of them to commit, then send this one again", user, n)
		}
		held := new(big.Int)
		if u != nil {
			held.Set(u.reserved)
		}
		need := new(big.Int).Add(held, t.maxFee)
		if have := bal.Batchable(); have.Cmp(need) < 0 {
			b.mu.Unlock()
			if bal.UnlockBlock != chain.UserBalanceLocked {
				return api.Errorf(api.CodeInvalidInput, "worker: the balance of %s in the Enigma contract is not locked for batched tasks (nothing deposited, or a withdrawal was requested): deposit with depositUserBalance, then send the task again", user)
			}
			return api.Errorf(api.CodeInvalidInput, "worker: the balance of %s (%v ENG grains) does not cover this task's maximum fee (%v) on top of the %v held for its tasks not yet committed: deposit more with depositUserBalance, or wait for those tasks to commit", user, have, t.maxFee, held)
		}
		if u == nil {
			u = &userBook{reserved: new(big.Int)}
			b.users[user] = u
		}
		u.reserved.Add(u.reserved, t.maxFee)
		u.live++
		b.mu.Unlock()
		return nil
	}
}

// unreserve gives back what reserve held for t.
func (w *Worker) unreserve(t *btask) {
	w.b.mu.Lock()
	defer w.b.mu.Unlock()
	w.b.unreserveLocked(t)
}

func (b *batcher) unreserveLocked(t *btask) {
	u := b.users[t.req.Sender]
	if u == nil {
		return
	}
	u.reserved.Sub(u.reserved, t.maxFee)
	if u.live--; u.live <= 0 {
		delete(b.users, t.req.Sender)
	}
}

// holdFor counts the fee of a task taken up again after a restart against
// its sender, without checking the balance (it was checked when accepted).
func (b *batcher) holdForLocked(t *btask) {
	u := b.users[t.req.Sender]
	if u == nil {
		u = &userBook{reserved: new(big.Int)}
		b.users[t.req.Sender] = u
	}
	u.reserved.Add(u.reserved, t.maxFee)
	u.live++
}

// storeBatched writes an accepted batched task to the store's pending
// tasks; it returns once the write is durable.
func (w *Worker) storeBatched(ctx context.Context, t *btask) error {
	w.mu.Lock()
	t.seq = w.seq
	w.seq++
	w.mu.Unlock()
	p := &state.PendingTask{TaskID: t.req.TaskID, Contract: t.req.ContractAddress, Seq: t.seq, Data: encodeBatched(t)}
	if err := w.cfg.Store.PutPending(ctx, p); err != nil {
		return api.Errorf(api.CodeUnavailable, "worker: could not store batched task %s, so it was not accepted: %v; send it again (to this worker later, or once another is selected)", t.req.TaskID, err)
	}
	return nil
}

// BatchedTask implements Node.
func (w *Worker) BatchedTask(ctx context.Context, id api.TaskID) (*workerapi.BatchedTask, error) {
	b := w.b
	b.mu.Lock()
	if t, ok := b.tasks[id]; ok {
		out := t.report()
		b.mu.Unlock()
		return out, nil
	}
	r, ok := b.ended.get(id)
	b.mu.Unlock()
	if ok {
		return storedReport(r), nil
	}
	r, err := w.cfg.Store.BatchedResult(ctx, id)
	if api.CodeOf(err) == api.CodeNotFound {
		// It may have ended between the two reads.
		b.mu.Lock()
		r, ok = b.ended.get(id)
		b.mu.Unlock()
		if ok {
			return storedReport(r), nil
		}
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return storedReport(r), nil
}

// failBatched ends tasks that can no longer run, uncharged: their results
// say why, in one synced write, and they leave the worker's memory.
func (w *Worker) failBatched(ts []*btask, code api.Code, why string) {
	if len(ts) == 0 {
		return
	}
	rs := make([]state.BatchedResult, len(ts))
	for i, t := range ts {
		rs[i] = state.BatchedResult{TaskID: t.req.TaskID, Contract: t.req.ContractAddress, Status: state.BatchedFailed,
			Code: code, Error: why, Epoch: t.epoch, InputsHash: t.inputs}
	}
	start := time.Now()
	b := w.b
	// A failure reads as final only once stored: a task that read failed
	// and ran again after a restart could be charged after its client was
	// told it was not. Until the write succeeds the task reads pending.
	for try := 0; ; try++ {
		err := w.cfg.Store.PutBatchedResults(context.Background(), rs)
		if err == nil {
			break
		}
		if try == 0 {
			b.mu.Lock()
			for _, t := range ts {
				t.status = workerapi.BatchedPending
			}
			b.mu.Unlock()
		}
		w.log.Error("could not store the failure of batched tasks; they stay pending and the write is tried again", "tasks", len(ts), "in", lanePause, "err", err)
		select {
		case <-w.ctx.Done():
			return // still pending in the store: checked again at the restart
		case <-time.After(lanePause):
		}
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	for i, t := range ts {
		if b.tasks[t.req.TaskID] == t {
			delete(b.tasks, t.req.TaskID)
			b.unreserveLocked(t)
		}
		b.ended.put(t.req.TaskID, &rs[i])
	}
	b.stats.Failed += uint64(len(ts))
	b.stats.FailStore += time.Since(start)
	w.log.Warn("batched tasks failed; they are not charged", "tasks", len(ts), "contract", ts[0].req.ContractAddress, "code", code, "why", why)
}
