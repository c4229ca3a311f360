package worker

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/batch"
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/internal/workerapi"
)

// A signed batch is stored (state.PutBatch, synced) before its commitBatch
// is sent, from the custodian account that sends the receipts too (the
// chain client orders the account's nonces). Once mined, one synced write
// (state.CommitBatch) keeps its delta, state and every task's result with
// its proof. A batch that reverts, that the chain cannot take (its gas
// estimate reverts) or that is not mined within ReceiptTimeout is void:
// the enclave is told (VoidBatch), its tasks and those run after it go
// back to the front of the lane, which reloads the chain's state. One not
// mined in time may still be: it stays stored (a ghost) until the chain
// shows whether its index went to it or to another batch, and its tasks
// are signed again only into a batch of at most its index, so only one of
// them can land.

// flight is a signed batch the lane sent, or one that did not land.
type flight struct {
	index uint64
	sb    *enclave.SignedBatch // nil when the batch was not signed
	rec   *state.Batch         // as stored before sending; nil when not stored
	tasks []*btask             // in leaf order
	// After it did not land: why, and whether its transaction may still
	// be mined. fail, when set, ends the lane's open tasks failed with
	// that reason instead of running them again.
	why     error
	mayLand bool
	fail    *failure
}

type failure struct {
	code api.Code
	why  string
}

// maxSignFails is how many SignBatch refusals in a row end the open
// batch's tasks failed instead of running them again.
const maxSignFails = 3

// maxVoids is how many voided batches a task may be signed in before it
// fails (uncharged) instead of running again.
const maxVoids = 3

// closeBatch signs the lane's open batch, stores it and sends it.
func (w *Worker) closeBatch(l *lane) {
	ctx, cancel := context.WithTimeout(w.ctx, w.cfg.TaskTimeout)
	defer cancel()
	b := w.b
	b.mu.Lock()
	open := slices.Clone(l.open)
	start := l.start
	b.mu.Unlock()
	idx, err := w.cfg.Enigma.CountBatches(ctx, l.contract)
	if err != nil {
		w.pauseLane(l, "read the contract's batch count", err)
		return
	}
	if ok, err := w.ghostsSettled(ctx, l, idx); err != nil {
		w.pauseLane(l, "check the contract's batches that may still land", err)
		return
	} else if !ok {
		return
	}
	for _, t := range open {
		if t.capped && t.cap < idx {
			// The index one of these tasks was signed in was taken,
			// perhaps by that very batch: see which before going on.
			w.setFailed(l, &flight{index: idx, why: fmt.Errorf("batch %d of task %s is on chain now", t.cap, t.req.TaskID)})
			return
		}
	}
	epoch := open[0].epoch
	t0 := time.Now()
	sb, err := w.cfg.Enclave.SignBatch(ctx, &enclave.SignBatchRequest{Contract: l.contract, EpochFirstBlock: epoch, BatchIndex: idx,
		ChainID: w.chainID, EnigmaContract: api.EthAddress(w.cfg.Enigma.Addresses().Enigma)})
	signed := time.Now()
	if err != nil {
		if w.ctx.Err() != nil {
			return
		}
		f := &flight{index: idx, why: fmt.Errorf("the enclave did not sign the batch: %w", err)}
		b.mu.Lock()
		l.signFails++
		if l.signFails >= maxSignFails {
			f.fail = &failure{code: api.CodeOf(err), why: fmt.Sprintf("the worker's enclave would not sign a batch holding the task: %v; it was not charged: send it again", err)}
			l.signFails = 0
		}
		b.mu.Unlock()
		w.setFailed(l, f)
		return
	}
	rec, err := w.batchRecord(ctx, sb, open, start)
	if err != nil {
		w.log.Error("the enclave's batch is not the lane's; its tasks fail", "contract", l.contract, "index", idx, "err", err)
		w.setFailed(l, &flight{index: idx, sb: sb, why: err, fail: &failure{code: api.CodeUnknown, why: "the worker's enclave signed a batch that does not match the tasks it ran; it was not charged: send the task again"}})
		return
	}
	if err := w.cfg.Store.PutBatch(ctx, rec); err != nil {
		w.setFailed(l, &flight{index: idx, sb: sb, tasks: open, why: fmt.Errorf("store the signed batch: %w", err)})
		return
	}
	stored := time.Now()
	f := &flight{index: idx, sb: sb, rec: rec, tasks: open}
	b.mu.Lock()
	for i, t := range open {
		t.status, t.res.BatchIndex, t.res.Position = workerapi.BatchedInBatch, idx, uint32(i)
	}
	l.open, l.flight, l.signFails = l.open[len(open):], f, 0
	switch {
	case sb.NewDeltaHash.IsZero():
		l.cur = start // the batch changed nothing
	case len(sb.State) > 0:
		l.cur = &laneState{data: sb.State, hash: sb.NewDeltaHash}
	default:
		l.cur = nil // an enclave that gives no state: the chain's, once the batch is decided
	}
	l.start = nil
	b.stats.Batches++
	b.stats.Sign += signed.Sub(t0)
	b.stats.BatchStore += stored.Sub(signed)
	b.m.batchedStage(bstageSign, signed.Sub(t0))
	b.m.batchedStage(bstageBatchStore, stored.Sub(signed))
	b.mu.Unlock()
	w.wg.Add(1)
	go w.fly(l, f)
}

// ghostsSettled reports whether the lane may sign a batch of index idx:
// not while a stored batch of that index may still land. Such a batch's
// transaction is ahead of any new one in the custodian account's nonce
// order, so waiting for it costs little, and it spares the tasks signed
// after it, which a batch that lost its index to it could not commit. The
// wait is bounded by TaskTimeout: then the lane signs at idx all the same
// (the enclave lets the ghost's tasks into no later batch, so each is
// charged once whichever batch lands) and the ghost stays recorded until
// the chain settles it.
func (w *Worker) ghostsSettled(ctx context.Context, l *lane, idx uint64) (bool, error) {
	b := w.b
	b.mu.Lock()
	haveGhosts := len(l.ghosts) > 0
	if !l.hasGhost(idx) {
		l.ghostWait = time.Time{}
	}
	b.mu.Unlock()
	if !haveGhosts {
		return true, nil
	}
	// Any ghost is checked, not only one of idx: one of an older index
	// that landed, or can no longer, frees the tasks the lane holds for it.
	count, err := w.settleGhosts(ctx, l)
	if err != nil {
		return false, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if count != idx {
		l.poke() // the next attempt sees the new index
		return false, nil
	}
	if !l.hasGhost(idx) {
		l.ghostWait = time.Time{}
		return true, nil
	}
	now := time.Now()
	if l.ghostWait.IsZero() {
		l.ghostWait = now
	}
	if now.Sub(l.ghostWait) >= w.cfg.TaskTimeout {
		w.log.Warn("signing at an index a stored batch may still take: it has not settled", "contract", l.contract, "index", idx, "waited", now.Sub(l.ghostWait))
		l.ghostWait = time.Time{}
		return true, nil
	}
	l.closeAfter = now.Add(w.cfg.Enigma.Client().Config().PollInterval)
	return false, nil
}

// settleGhosts checks the lane's ghosts (stored batches that may still
// land) against the chain and returns its count of the contract's
// batches. A ghost below the count landed (its root is the chain's) and is
// completed, or lost its index and is forgotten. A ghost at the count can
// no longer land once the custodian account's mined nonce reached its
// NonceBound (its transaction was mined, and reverted, or replaced: the
// nonce is read before the count), or once its epoch left the chain's
// ring. Held tasks whose ghost settled go back to the queue.
func (w *Worker) settleGhosts(ctx context.Context, l *lane) (uint64, error) {
	b := w.b
	cctx, cancel := context.WithTimeout(ctx, w.cfg.Enigma.Client().Config().CallTimeout)
	mined, err := w.cfg.Enigma.Client().Eth().NonceAt(cctx, w.cfg.Account.Address, nil)
	cancel()
	if err != nil {
		return 0, fmt.Errorf("read the custodian account's nonce: %w", err)
	}
	count, err := w.cfg.Enigma.CountBatches(ctx, l.contract)
	if err != nil {
		return 0, err
	}
	w.resolveGhosts(ctx, l, count)
	b.mu.Lock()
	ghosts := slices.Clone(l.ghosts)
	b.mu.Unlock()
	dead := map[state.BatchRef]bool{}
	for _, g := range ghosts {
		if g.Index < count {
			continue // resolveGhosts could not read it: next time
		}
		gone := g.NonceBound != 0 && mined >= g.NonceBound
		if !gone {
			p, err := w.b.view.epoch(ctx, g.Epoch)
			gone = err == nil && p == nil
		}
		if gone {
			dead[g.Ref()] = true
		}
	}
	b.mu.Lock()
	var keep []*state.Batch
	for _, g := range l.ghosts {
		if !dead[g.Ref()] {
			keep = append(keep, g)
		}
	}
	l.ghosts = keep
	l.releaseHeldLocked(b)
	b.mu.Unlock()
	for r := range dead {
		if err := w.cfg.Store.DeleteBatch(ctx, r); err != nil {
			w.log.Warn("could not forget a stored batch that cannot land", "contract", r.Contract, "index", r.Index, "err", err)
		}
		w.log.Info("a stored batch that was not mined can no longer land", "contract", r.Contract, "index", r.Index)
	}
	return count, nil
}

// setFailed hands a batch that did not land to the lane's recovery.
func (w *Worker) setFailed(l *lane, f *flight) {
	w.b.mu.Lock()
	defer w.b.mu.Unlock()
	l.failed = f
	l.poke()
}

// batchRecord checks that sb is the batch of the lane's open tasks and
// returns what is stored of it before it is sent.
func (w *Worker) batchRecord(ctx context.Context, sb *enclave.SignedBatch, open []*btask, start *laneState) (*state.Batch, error) {
	if len(sb.TaskIDs) != len(open) || sb.TaskCount != uint64(len(open)) {
		return nil, fmt.Errorf("the enclave signed %d tasks, the lane ran %d", len(sb.TaskIDs), len(open))
	}
	leaves := make([]batch.Task, len(open))
	rec := &state.Batch{Contract: sb.Contract, Index: sb.BatchIndex, Root: sb.Root, Epoch: sb.EpochFirstBlock, PrevHash: sb.PrevDeltaHash}
	for i, t := range open {
		if sb.TaskIDs[i] != t.req.TaskID {
			return nil, fmt.Errorf("task %d of the signed batch is %s, the lane ran %s", i, sb.TaskIDs[i], t.req.TaskID)
		}
		leaves[i] = leafOf(&t.res)
		r := t.res
		r.Status, r.BatchIndex, r.Position = state.BatchedInBatch, sb.BatchIndex, uint32(i)
		rec.Tasks = append(rec.Tasks, r)
	}
	tree, err := batch.NewTree(leaves)
	if err != nil || api.Hash(tree.Root()) != sb.Root {
		return nil, fmt.Errorf("the signed batch's root %s is not the root of the lane's tasks (%v)", sb.Root, err)
	}
	if start != nil && sb.PrevDeltaHash != start.hash {
		return nil, fmt.Errorf("the signed batch starts at delta %s, the lane's open batch at %s", sb.PrevDeltaHash, start.hash)
	}
	if !sb.NewDeltaHash.IsZero() && len(sb.Delta) > 0 {
		rec.Delta, rec.State = &state.Delta{Index: sb.DeltaIndex, Hash: sb.NewDeltaHash, Data: sb.Delta}, sb.State
	}
	if head, _, _, err := w.b.view.now(ctx, false); err == nil {
		rec.SentAfter = head
	}
	// The transaction's arguments, for the record; the delta and state
	// are stored once, above.
	s := *sb
	s.Delta, s.State = nil, nil
	rec.Signed = enclave.Marshal(enclave.TypeSignedBatch, &s)
	return rec, nil
}

func leafOf(r *state.BatchedResult) batch.Task {
	return batch.Task{TaskID: r.TaskID, InputsHash: r.InputsHash, OutputHash: r.OutputHash, DeltaHash: r.DeltaHash,
		GasUsed: r.GasUsed, Fee: new(big.Int).SetBytes(r.Fee[:]), Failed: r.TaskFailed}
}

// chainBatch is sb as commitBatch takes it.
func chainBatch(sb *enclave.SignedBatch) *chain.Batch {
	c := &chain.Batch{Contract: sb.Contract, EpochFirstBlock: sb.EpochFirstBlock, Index: sb.BatchIndex, PrevDeltaHash: sb.PrevDeltaHash,
		NewDeltaHash: sb.NewDeltaHash, Root: sb.Root, TaskCount: sb.TaskCount, GasUsed: sb.GasUsed, Signature: sb.Signature[:]}
	for i, u := range sb.Users {
		c.Users = append(c.Users, common.Address(u))
		c.Fees = append(c.Fees, new(big.Int).SetBytes(sb.Fees[i][:]))
	}
	return c
}

// fly sends a stored batch's commitBatch and waits for it to be mined.
func (w *Worker) fly(l *lane, f *flight) {
	defer w.wg.Done()
	ctx, cancel := context.WithTimeout(w.ctx, w.cfg.TaskTimeout)
	defer cancel()
	tx := w.cfg.Enigma.CommitBatchTx(chainBatch(f.sb))
	t0 := time.Now()
	sent, err := w.cfg.Enigma.Client().SendTx(ctx, w.cfg.Account, tx)
	t1 := time.Now()
	var r *types.Receipt
	switch {
	case errors.Is(err, chain.ErrNotSent):
		f.why = err // the chain cannot take it (its estimate reverted)
	case err != nil:
		f.why, f.mayLand = err, true
		// Had the node taken it, its nonce would be below the
		// account's pending nonce now.
		cctx, cancel := context.WithTimeout(ctx, w.cfg.Enigma.Client().Config().CallTimeout)
		if n, err := w.cfg.Enigma.Client().Eth().PendingNonceAt(cctx, w.cfg.Account.Address); err == nil {
			f.rec.NonceBound = n
		}
		cancel()
	default:
		// The record learns its transaction, so the batch is known to
		// be settled once the account's mined nonce passes it, here or
		// after a restart.
		f.rec.NonceBound, f.rec.TxHash = sent.Nonce+1, api.Hash(sent.Hash)
		if err := w.cfg.Store.PutBatch(ctx, f.rec); err != nil {
			w.log.Warn("could not store a sent batch's transaction; a restart finds it by the account's pending nonce", "contract", l.contract, "index", f.index, "err", err)
		}
		r, err = w.waitMined(tx, sent)
		switch {
		case r != nil && err != nil:
			f.why = err // mined and reverted
		case err != nil:
			f.why, f.mayLand = err, true
		}
	}
	t2 := time.Now()
	if w.ctx.Err() != nil {
		return // closing: the stored batch is checked against the chain at the restart
	}
	w.b.mu.Lock()
	w.b.stats.Send += t1.Sub(t0)
	w.b.stats.Mined += t2.Sub(t1)
	w.b.m.batchedStage(bstageSend, t1.Sub(t0))
	w.b.m.batchedStage(bstageMined, t2.Sub(t1))
	w.b.mu.Unlock()
	if f.why != nil {
		w.log.Warn("a batch did not land; its tasks run again", "contract", l.contract, "index", f.index, "tasks", len(f.tasks), "may_still_land", f.mayLand, "err", f.why)
		w.b.mu.Lock()
		l.flight, l.failed = nil, f
		l.poke()
		w.b.mu.Unlock()
		return
	}
	block := r.BlockNumber.Uint64()
	drop := []state.BatchRef{f.rec.Ref()}
	w.b.mu.Lock()
	var ghosts []*state.Batch
	for _, g := range l.ghosts {
		if g.Index == f.index {
			drop = append(drop, g.Ref()) // that index is taken: they can never land
		} else {
			ghosts = append(ghosts, g)
		}
	}
	l.ghosts = ghosts
	w.b.mu.Unlock()
	w.completeBatch(context.Background(), f.rec, block, drop)
	w.log.Debug("batch committed", "contract", l.contract, "index", f.index, "tasks", len(f.tasks), "block", block)
	w.b.mu.Lock()
	l.flight = nil
	l.releaseHeldLocked(w.b)
	l.poke()
	w.b.mu.Unlock()
}

// completeBatch records a batch the chain took, from what was stored of
// it before it was sent: its delta and state, and each task's result with
// its proof against the batch's root and the block, in one synced write
// that also deletes the tasks from the pending ones and the stored batches
// drop names. The tasks leave the worker's memory and their fees are no
// longer held against their senders.
func (w *Worker) completeBatch(ctx context.Context, rec *state.Batch, block uint64, drop []state.BatchRef) {
	leaves := make([]batch.Task, len(rec.Tasks))
	for i := range rec.Tasks {
		leaves[i] = leafOf(&rec.Tasks[i])
	}
	tree, err := batch.NewTree(leaves)
	if err != nil {
		w.log.Error("a stored batch has no tasks", "contract", rec.Contract, "index", rec.Index)
		return
	}
	results := make([]state.BatchedResult, len(rec.Tasks))
	for i, r := range rec.Tasks {
		proof, _ := tree.Proof(i)
		r.Status, r.BatchIndex, r.Position, r.Root, r.Block, r.Proof = state.BatchedCommitted, rec.Index, uint32(i), rec.Root, block, nil
		for _, p := range proof {
			r.Proof = append(r.Proof, api.Hash(p))
		}
		results[i] = r
	}
	c := &state.BatchCommit{Contract: rec.Contract, Delta: rec.Delta, PrevHash: rec.PrevHash, State: rec.State, Results: results, Drop: drop}
	t0 := time.Now()
	err = w.cfg.Store.CommitBatch(ctx, c)
	if err != nil && c.Delta != nil && api.CodeOf(err) == api.CodeInvalidInput {
		// The store's delta chain is not where the batch starts (another
		// worker moved it, or the store lags): keep the results; the
		// contract's state is synced when the lane next loads it.
		w.log.Warn("storing a committed batch without its delta: the store's delta chain does not end where the batch starts", "contract", rec.Contract, "index", rec.Index, "err", err)
		c.Delta, c.State = nil, nil
		err = w.cfg.Store.CommitBatch(ctx, c)
	}
	if err != nil {
		w.log.Error("could not store a committed batch; its results are served from memory, and a restart completes it from the chain", "contract", rec.Contract, "index", rec.Index, "err", err)
	}
	took := time.Since(t0)
	b := w.b
	b.mu.Lock()
	defer b.mu.Unlock()
	var users []api.EthAddress
	if _, m, derr := enclave.Unmarshal(rec.Signed); derr == nil {
		if sb, ok := m.(*enclave.SignedBatch); ok {
			users = append(users, sb.Users...) // everyone charged, in memory or not
		}
	}
	for i := range results {
		id := results[i].TaskID
		if t := b.tasks[id]; t != nil {
			delete(b.tasks, id)
			users = append(users, t.req.Sender)
			b.unreserveLocked(t)
		}
		// Always: a batch that landed late replaces whatever was said of
		// its tasks before.
		b.ended.put(id, &results[i])
	}
	// Balances are read again after the charge, in the same critical
	// section that stops holding the fees (reserve).
	b.view.forgetBalances(users)
	b.stats.Committed += uint64(len(results))
	b.stats.Landed++
	b.stats.CommitStore += took
	b.m.batchedStage(bstageCommitStore, took)
}

// recoverLane takes the lane back to the chain's state after a batch did
// not land (docs/protocol/batched.md §4): the enclave voids the batch and
// what it signed after it and drops its open batch; stored batches that
// may still land are checked against the chain (one that did is completed
// from the store); the tasks go back to the front of the lane in order, but
// for those that can no longer be committed, which fail uncharged.
func (w *Worker) recoverLane(l *lane, f *flight) {
	ctx, cancel := context.WithTimeout(w.ctx, w.cfg.TaskTimeout)
	defer cancel()
	b := w.b
	b.mu.Lock()
	tasks := slices.Clone(f.tasks)
	for _, t := range l.open {
		if !slices.Contains(f.tasks, t) { // a batch not stored is still the open one
			tasks = append(tasks, t)
		}
	}
	open := l.open
	l.open, l.cur, l.start = nil, nil, nil
	if f.mayLand && f.rec != nil {
		l.ghosts = append(l.ghosts, f.rec)
	}
	if f.sb != nil {
		for _, t := range f.tasks {
			if !t.capped || f.index < t.cap {
				t.capped, t.cap = true, f.index
			}
			t.voids++
		}
		b.stats.Voided++
	}
	b.mu.Unlock()
	if f.sb != nil {
		// A signed batch that fails for a cause that does not pass (a
		// store that refuses it, a chain that would revert it) must not
		// be signed again at full speed.
		defer w.pauseLane(l, "sign a batch again after one that did not land", f.why)
	}
	if _, err := w.cfg.Enclave.VoidBatch(ctx, &enclave.VoidBatchRequest{Contract: l.contract, BatchIndex: f.index}); err != nil && w.ctx.Err() == nil {
		w.log.Error("the enclave did not void the contract's batches; its next batch may be refused", "contract", l.contract, "index", f.index, "err", err)
	}
	if f.fail != nil {
		w.requeueAll(l, f.tasks)
		w.endBatched(l, open, f.fail.code, f.fail.why)
		return
	}
	count, err := w.cfg.Enigma.CountBatches(ctx, l.contract)
	if err != nil {
		w.requeueAll(l, tasks)
		w.pauseLane(l, "read the contract's batch count after a batch did not land", err)
		return
	}
	w.resolveGhosts(ctx, l, count)
	b.mu.Lock()
	var again, dead, worn []*btask
	keep := func(t *btask) bool {
		if b.tasks[t.req.TaskID] != t {
			return false // committed with a batch that landed after all
		}
		if t.capped && t.cap < count && !l.hasGhost(t.cap) {
			dead = append(dead, t)
			return false
		}
		if t.voids >= maxVoids {
			worn = append(worn, t) // endBatched holds it while a ghost of it may land
			return false
		}
		return true
	}
	for _, t := range tasks {
		if keep(t) {
			t.status, t.rerun, t.retried = workerapi.BatchedPending, true, false
			t.res = state.BatchedResult{}
			again = append(again, t)
		}
	}
	var rest []*btask
	for _, t := range l.queue {
		if keep(t) {
			rest = append(rest, t)
		}
	}
	l.queue = append(again, rest...)
	b.mu.Unlock()
	w.failBatched(dead, api.CodeConflict, "the batch it was signed in did not land and another batch took that index on chain; it was not charged: send it again")
	w.endBatched(l, worn, api.CodeUnavailable, fmt.Sprintf("the %d batches it was signed in did not land (last: %v); it was not charged: send it again", maxVoids, f.why))
	w.log.Info("lane back on the chain's state", "contract", l.contract, "batch", f.index, "again", len(again), "failed", len(dead), "worn", len(worn), "why", f.why)
}

// hasGhost reports whether a batch of index that may still land is stored
// (b.mu held).
func (l *lane) hasGhost(index uint64) bool {
	for _, g := range l.ghosts {
		if g.Index == index {
			return true
		}
	}
	return false
}

// requeueAll puts ts back at the front of the lane, in order.
func (w *Worker) requeueAll(l *lane, ts []*btask) {
	b := w.b
	b.mu.Lock()
	defer b.mu.Unlock()
	var again []*btask
	for _, t := range ts {
		if b.tasks[t.req.TaskID] == t {
			t.status, t.rerun, t.res = workerapi.BatchedPending, true, state.BatchedResult{}
			again = append(again, t)
		}
	}
	l.queue = append(again, l.queue...)
}

// resolveGhosts checks the lane's stored batches that may still land
// against the chain's count of batches: below it, a batch whose root is
// the chain's landed and is completed, any other is dropped.
func (w *Worker) resolveGhosts(ctx context.Context, l *lane, count uint64) {
	b := w.b
	b.mu.Lock()
	ghosts := slices.Clone(l.ghosts)
	b.mu.Unlock()
	var keep []*state.Batch
	decided := map[uint64]bool{}
	for _, g := range ghosts {
		if g.Index >= count {
			keep = append(keep, g)
			continue
		}
		if decided[g.Index] {
			continue
		}
		root, err := w.cfg.Enigma.BatchRoot(ctx, g.Contract, g.Index, nil)
		if err != nil {
			keep = append(keep, g)
			continue
		}
		if api.Hash(root) != g.Root {
			if err := w.cfg.Store.DeleteBatch(ctx, g.Ref()); err != nil {
				w.log.Warn("could not forget a stored batch that cannot land", "contract", g.Contract, "index", g.Index, "err", err)
			}
			continue
		}
		decided[g.Index] = true
		var drop []state.BatchRef
		for _, o := range ghosts {
			if o.Index == g.Index {
				drop = append(drop, o.Ref())
			}
		}
		w.completeBatch(ctx, g, w.landedBlock(ctx, g), drop)
		w.log.Info("a batch that was not mined in time landed after all", "contract", g.Contract, "index", g.Index, "tasks", len(g.Tasks))
	}
	var left []*state.Batch
	for _, g := range keep {
		if !decided[g.Index] {
			left = append(left, g)
		}
	}
	b.mu.Lock()
	l.ghosts = left
	l.releaseHeldLocked(b)
	b.mu.Unlock()
}

// landedBlock finds the block a stored batch landed in (0 when the chain's
// logs do not say).
func (w *Worker) landedBlock(ctx context.Context, g *state.Batch) uint64 {
	ev, ok, err := w.cfg.Enigma.FindBatchCommitted(ctx, g.Contract, g.Index, g.SentAfter)
	if err != nil || !ok {
		w.log.Warn("a landed batch's block was not found in the chain's logs", "contract", g.Contract, "index", g.Index, "err", err)
		return 0
	}
	return ev.Block
}
