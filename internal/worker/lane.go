package worker

import (
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/internal/workerapi"
)

// A contract's lane runs its batched tasks one after the other in the
// order accepted, each on the state the previous one left, in one
// goroutine that lives while the lane has work. The tasks it ran and has
// not signed are the enclave's open batch; the lane signs it (closeBatch)
// when it holds BatchSize tasks, when its oldest task is BatchAge old,
// before a task of another epoch, or when a compute task with a record
// waits for the contract (holdLane). It sends one batch at a time (fly)
// and goes on running tasks on the state of the batch it sent; a batch
// that does not land sends the lane back to the chain's state
// (recoverLane).

// lane is one contract's batched tasks.
type lane struct {
	contract api.ContractAddress
	queue    []*btask       // accepted, not yet run, in order
	open     []*btask       // run, in the enclave's open batch, in order
	flight   *flight        // the signed batch sent and not yet mined
	failed   *flight        // a batch that did not land, to recover from
	ghosts   []*state.Batch // batches that did not land in time and may still
	// held are tasks that can no longer run but were signed in a ghost
	// batch: they end only once it settles (committed with it when it
	// landed, else back to the queue to run or fail).
	held  []*btask
	cur   *laneState // the state the next task runs on; nil: the chain's
	start *laneState // the state the open batch's first task ran on
	code  []byte

	holds      int       // compute tasks with a record waiting for the lane to be quiet
	running    bool      // its goroutine runs
	busy       bool      // its goroutine is in the enclave, the store or the chain
	pauseUntil time.Time // after the chain could not be read: when to try again
	closeAfter time.Time // a stored batch of the next index may still land: when to look again
	ghostWait  time.Time // since when the lane waits for a ghost of the index it would sign
	settleAt   time.Time // when to check the ghosts again for the held tasks
	signFails  int       // SignBatch refusals in a row

	wake    chan struct{} // wakes the goroutine; buffered
	changed chan struct{} // closed and replaced whenever the lane changes
}

// laneState is an encrypted state of the contract and the delta it ends at.
type laneState struct {
	data []byte
	hash api.Hash
}

// lanePause is how long a lane waits after the chain or the enclave could
// not be reached before it tries again.
const lanePause = time.Second

// laneLocked returns contract's lane, made when missing (b.mu held).
func (b *batcher) laneLocked(contract api.ContractAddress) *lane {
	l := b.lanes[contract]
	if l == nil {
		l = &lane{contract: contract, wake: make(chan struct{}, 1), changed: make(chan struct{})}
		b.lanes[contract] = l
	}
	return l
}

// dropLaneLocked forgets a lane with nothing left (b.mu held).
func (b *batcher) dropLaneLocked(l *lane) {
	if len(l.queue) == 0 && len(l.open) == 0 && l.flight == nil && l.failed == nil && len(l.ghosts) == 0 && len(l.held) == 0 && l.holds == 0 && !l.running && b.lanes[l.contract] == l {
		delete(b.lanes, l.contract)
	}
}

func (l *lane) poke() {
	select {
	case l.wake <- struct{}{}:
	default:
	}
}

func (l *lane) notifyLocked() {
	close(l.changed)
	l.changed = make(chan struct{})
}

// quietLocked: nothing of the lane is in the enclave's open batch or on its
// way to the chain.
func (l *lane) quietLocked() bool {
	return !l.busy && len(l.open) == 0 && l.flight == nil && l.failed == nil
}

// startLaneLocked runs the lane's goroutine unless it runs (b.mu held).
func (w *Worker) startLaneLocked(l *lane) {
	if l.running {
		l.poke()
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return
	}
	l.running = true
	w.wg.Add(1)
	go w.runLane(l)
}

// enqueueBatched hands an accepted task to its contract's lane.
func (w *Worker) enqueueBatched(t *btask, fresh bool) error {
	b := w.b
	b.mu.Lock()
	defer b.mu.Unlock()
	w.mu.Lock()
	closed := w.closed
	w.mu.Unlock()
	if closed {
		return errClosed
	}
	b.tasks[t.req.TaskID] = t
	l := b.laneLocked(t.req.ContractAddress)
	l.queue = append(l.queue, t)
	if l.holds == 0 {
		w.startLaneLocked(l)
	}
	return nil
}

// laneAction is what a lane's goroutine does next.
type laneAction int

const (
	laneWait laneAction = iota
	laneExit
	laneRun
	laneClose
	laneRecover
	laneSettle
)

// decide picks the lane's next step (b.mu held); for laneWait, how long at
// most (0: until woken).
func (l *lane) decide(cfg *Config, now time.Time) (laneAction, time.Duration) {
	if now.Before(l.pauseUntil) {
		return laneWait, l.pauseUntil.Sub(now)
	}
	if l.failed != nil {
		return laneRecover, 0
	}
	canRun := l.holds == 0 && len(l.queue) > 0 && len(l.open) < cfg.BatchSize &&
		(len(l.open) == 0 || l.queue[0].epoch == l.open[0].epoch) && (l.cur != nil || l.flight == nil)
	if len(l.open) > 0 && l.flight == nil {
		// An old batch is closed once no task waits to join it: a lane
		// with a backlog fills its batch first (running a task takes far
		// less than a block).
		old := now.Sub(l.open[0].accepted) >= cfg.BatchAge && !canRun
		nextEpoch := len(l.queue) > 0 && l.queue[0].epoch != l.open[0].epoch
		if l.holds > 0 || len(l.open) >= cfg.BatchSize || old || nextEpoch {
			if !now.Before(l.closeAfter) {
				return laneClose, 0
			}
			if !canRun {
				return laneWait, l.closeAfter.Sub(now)
			}
		}
	}
	if canRun {
		return laneRun, 0
	}
	if len(l.held) > 0 && l.flight == nil && len(l.open) == 0 {
		// Tasks wait for a ghost batch to settle: look at the chain
		// once per poll interval.
		if !now.Before(l.settleAt) {
			return laneSettle, 0
		}
		return laneWait, l.settleAt.Sub(now)
	}
	if len(l.open) == 0 && l.flight == nil && len(l.queue) == 0 {
		return laneExit, 0
	}
	if len(l.open) > 0 && l.flight == nil {
		return laneWait, cfg.BatchAge - now.Sub(l.open[0].accepted)
	}
	return laneWait, 0
}

// runLane is a lane's goroutine.
func (w *Worker) runLane(l *lane) {
	defer w.wg.Done()
	b := w.b
	for {
		b.mu.Lock()
		if w.ctx.Err() != nil {
			l.running = false
			l.notifyLocked()
			b.mu.Unlock()
			return
		}
		act, wait := l.decide(&w.cfg, time.Now())
		switch act {
		case laneExit:
			l.running = false
			l.notifyLocked()
			b.dropLaneLocked(l)
			b.mu.Unlock()
			return
		case laneWait:
			l.notifyLocked()
			wake := l.wake
			b.mu.Unlock()
			w.sleep(wake, wait)
			continue
		}
		l.busy = true
		var f *flight
		var t *btask
		switch act {
		case laneRecover:
			f, l.failed = l.failed, nil
		case laneRun:
			t, l.queue = l.queue[0], l.queue[1:]
		}
		b.mu.Unlock()
		switch act {
		case laneRecover:
			w.recoverLane(l, f)
		case laneClose:
			w.closeBatch(l)
		case laneRun:
			w.runTask(l, t)
		case laneSettle:
			w.settleHeld(l)
		}
		b.mu.Lock()
		l.busy = false
		l.notifyLocked()
		b.mu.Unlock()
	}
}

func (w *Worker) sleep(wake <-chan struct{}, d time.Duration) {
	var tc <-chan time.Time
	if d > 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		tc = t.C
	}
	select {
	case <-wake:
	case <-tc:
	case <-w.ctx.Done():
	}
}

// pauseLane makes the lane wait before its next step, after the chain or
// the enclave could not be reached.
func (w *Worker) pauseLane(l *lane, what string, err error) {
	if w.ctx.Err() != nil {
		return
	}
	w.log.Warn("a contract's batched lane waits before trying again", "contract", l.contract, "step", what, "in", lanePause, "err", err)
	w.b.mu.Lock()
	l.pauseUntil = time.Now().Add(lanePause)
	w.b.mu.Unlock()
}

// retryOrFail puts t back at the front of its lane, which pauses, after a
// step of the host failed for it; once that step has failed for t for a
// whole TaskTimeout (counted from its first failure, not from when it was
// accepted: a long backlog is no fault of the step) it fails instead
// (uncharged), so no task waits for ever.
func (w *Worker) retryOrFail(l *lane, t *btask, what string, err error) {
	w.b.mu.Lock()
	if t.firstFail.IsZero() {
		t.firstFail = time.Now()
	}
	since := time.Since(t.firstFail)
	w.b.mu.Unlock()
	if w.ctx.Err() != nil || since < w.cfg.TaskTimeout {
		w.requeueFront(l, t)
		w.pauseLane(l, what, err)
		return
	}
	w.endBatched(l, []*btask{t}, api.CodeUnavailable, fmt.Sprintf("this worker could not %s for %v: %v; send the task again", what, w.cfg.TaskTimeout, err))
}

// endBatched fails ts uncharged, but for a task signed in a batch that
// may still land (a ghost of the index it is capped at): failing it would
// tell its client it was not charged while that batch can still charge it.
// Such a task is held by the lane until the chain settles the batch
// (settleGhosts): it then commits with it, or goes back to the queue, to
// run or fail.
func (w *Worker) endBatched(l *lane, ts []*btask, code api.Code, why string) {
	b := w.b
	b.mu.Lock()
	var fail []*btask
	for _, t := range ts {
		if b.tasks[t.req.TaskID] != t {
			continue // it ended meanwhile
		}
		if t.capped && l.hasGhost(t.cap) {
			t.status, t.res = workerapi.BatchedPending, state.BatchedResult{}
			l.held = append(l.held, t)
			continue
		}
		fail = append(fail, t)
	}
	if len(fail) < len(ts) {
		l.settleAt = time.Now().Add(lanePause)
	}
	b.mu.Unlock()
	w.failBatched(fail, code, why)
}

// releaseHeldLocked puts the held tasks whose ghost settled back at the
// front of the queue, in order, and forgets those that ended (committed
// with the ghost) (b.mu held).
func (l *lane) releaseHeldLocked(b *batcher) {
	if len(l.held) == 0 {
		return
	}
	var keep, again []*btask
	for _, t := range l.held {
		switch {
		case b.tasks[t.req.TaskID] != t:
		case t.capped && l.hasGhost(t.cap):
			keep = append(keep, t)
		default:
			t.rerun = true
			again = append(again, t)
		}
	}
	l.held = keep
	if len(again) > 0 {
		l.queue = append(again, l.queue...)
		l.poke()
	}
}

// settleHeld looks at the chain for the ghosts the held tasks wait for.
func (w *Worker) settleHeld(l *lane) {
	ctx, cancel := context.WithTimeout(w.ctx, w.cfg.TaskTimeout)
	defer cancel()
	_, err := w.settleGhosts(ctx, l)
	w.b.mu.Lock()
	l.settleAt = time.Now().Add(w.cfg.Enigma.Client().Config().PollInterval)
	w.b.mu.Unlock()
	if err != nil {
		w.pauseLane(l, "check the contract's batches that may still land", err)
	}
}

// requeueFront puts t back at the front of its lane's queue.
func (w *Worker) requeueFront(l *lane, t *btask) {
	w.b.mu.Lock()
	l.queue = append([]*btask{t}, l.queue...)
	w.b.mu.Unlock()
}

// holdLane makes the contract's lane commit what it ran and stop running
// batched tasks until the returned release is called; it returns once the
// lane holds nothing open or in flight. After release the lane starts
// again from the chain's state. For a compute task with a record on the
// same contract (the enclave refuses one while the contract has batched
// tasks not yet signed).
func (w *Worker) holdLane(contract api.ContractAddress, needed bool) (release func()) {
	if !needed {
		return func() {}
	}
	b := w.b
	b.mu.Lock()
	l := b.laneLocked(contract)
	l.holds++
	if !l.quietLocked() {
		w.startLaneLocked(l)
	}
	// Bounded: a lane that cannot close its batch (the chain unreachable,
	// a ghost batch unsettled) lets the task go after TaskTimeout; the
	// enclave then refuses it while the contract's batch is open, and the
	// task ends with that error instead of waiting for ever.
	limit := time.NewTimer(w.cfg.TaskTimeout)
	defer limit.Stop()
	for late := false; !late && !l.quietLocked() && w.ctx.Err() == nil; {
		ch := l.changed
		b.mu.Unlock()
		select {
		case <-ch:
		case <-w.ctx.Done():
		case <-limit.C:
			late = true
			w.log.Warn("a compute task with a record goes on while the contract's batched lane still holds a batch", "contract", contract, "after", w.cfg.TaskTimeout)
		}
		b.mu.Lock()
	}
	b.mu.Unlock()
	return func() {
		b.mu.Lock()
		defer b.mu.Unlock()
		l.holds--
		if len(l.open) == 0 {
			l.cur, l.start = nil, nil // the record task may have moved the state
		}
		if l.holds == 0 && len(l.queue) > 0 {
			w.startLaneLocked(l)
		}
		b.dropLaneLocked(l)
	}
}

// ended reports whether t left the worker's memory (its batch landed).
func (w *Worker) ended(t *btask) bool {
	w.b.mu.Lock()
	defer w.b.mu.Unlock()
	return w.b.tasks[t.req.TaskID] != t
}

// runTask runs one batched task in the enclave, on the lane's state.
func (w *Worker) runTask(l *lane, t *btask) {
	if w.ended(t) {
		return
	}
	ctx, cancel := context.WithTimeout(w.ctx, w.cfg.TaskTimeout)
	defer cancel()
	p, code, why, err := w.runnable(ctx, l, t)
	if err != nil {
		w.requeueFront(l, t)
		w.pauseLane(l, "check a batched task against the chain", err)
		return
	}
	if why != "" {
		w.endBatched(l, []*btask{t}, code, why)
		return
	}
	// The key manager and the peers a state comes from may be briefly
	// unable to answer (an epoch not yet confirmed, a peer restarting):
	// the task waits with the lane, and fails only once it has waited a
	// whole TaskTimeout since it was accepted.
	if err := w.ensureKey(ctx, l.contract, p.seedBytes()); err != nil {
		w.retryOrFail(l, t, "get the contract's state key", err)
		return
	}
	if err := w.loadLane(ctx, l); err != nil {
		w.retryOrFail(l, t, "load the contract's state", err)
		return
	}
	if w.ended(t) {
		return // committed with a ghost batch loadLane found landed
	}
	head, headTime, _, err := w.b.view.now(ctx, false)
	if err != nil {
		// Without the head the task would run at block 0, time 1970.
		w.retryOrFail(l, t, "read the chain's head", err)
		return
	}
	b := w.b
	b.mu.Lock()
	cur, code0 := l.cur, l.code
	b.mu.Unlock()
	r := &t.req
	req := &enclave.ExecuteRequest{Kind: enclave.KindCompute, Envelope: enclave.EnvelopeV2, Batched: true, TaskID: r.TaskID,
		Contract: r.ContractAddress, Code: code0, EncryptedFn: r.Request, InputsHash: t.inputs, GasLimit: r.GasLimit,
		BlockNumber: head, BlockTime: headTime, Epoch: t.epoch, PrevDeltaHash: cur.hash, State: cur.data,
		ChainID: w.chainID, EnigmaContract: api.EthAddress(w.cfg.Enigma.Addresses().Enigma), Sender: r.Sender, TaskNonce: r.TaskNonce,
		GasPx: r.GasPx, UserSignature: enclave.Signature(r.Signature)}
	start := time.Now()
	resp, err := w.cfg.Enclave.Execute(ctx, req)
	took := time.Since(start)
	if err != nil {
		switch {
		case w.ctx.Err() != nil:
			w.requeueFront(l, t)
		case api.CodeOf(err) == api.CodeUnavailable && !t.retried:
			// The enclave may have found the state stale (or been busy):
			// once more, from the chain's state if nothing is open.
			t.retried = true
			b.mu.Lock()
			if len(l.open) == 0 && l.flight == nil {
				l.cur = nil
			}
			l.queue = append([]*btask{t}, l.queue...)
			b.mu.Unlock()
		default:
			w.endBatched(l, []*btask{t}, api.CodeOf(err), fmt.Sprintf("the worker's enclave refused the task: %v", err))
		}
		return
	}
	fee := new(big.Int).Mul(new(big.Int).SetUint64(resp.GasUsed), new(big.Int).SetUint64(r.GasPx))
	res := state.BatchedResult{TaskID: r.TaskID, Contract: r.ContractAddress, Status: state.BatchedInBatch, Epoch: t.epoch,
		InputsHash: resp.InputsHash, OutputHash: resp.OutputHash, DeltaHash: resp.DeltaHash, GasUsed: resp.GasUsed,
		TaskFailed: resp.Status != enclave.TaskSuccess, Output: resp.Output}
	fee.FillBytes(res.Fee[:])
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(l.open) == 0 {
		l.start = l.cur
	}
	t.res, t.status, t.retried, t.firstFail = res, workerapi.BatchedExecuted, false, time.Time{}
	l.open = append(l.open, t)
	if !resp.DeltaHash.IsZero() {
		l.cur = &laneState{data: resp.State, hash: resp.DeltaHash}
	}
	b.stats.Executed++
	b.stats.Execute += took
	b.m.batchedStage(bstageExecute, took)
}

// runnable checks a task against the chain before it runs: its epoch must
// still be in the chain's ring and this worker selected for the contract
// now; a task that runs again must still be covered by its sender's
// balance. why says why it cannot run (code is its api.Code); err is a
// chain read that failed.
func (w *Worker) runnable(ctx context.Context, l *lane, t *btask) (p *epochParams, code api.Code, why string, err error) {
	v := w.b.view
	head, _, cur, err := v.now(ctx, false)
	if err != nil {
		return nil, 0, "", err
	}
	p = cur
	if t.epoch != cur.first {
		if p, err = v.epoch(ctx, t.epoch); err != nil {
			return nil, 0, "", err
		}
		if p == nil {
			return nil, api.CodeWrongEpoch, fmt.Sprintf("its epoch (block %d) has left the chain's ring, so no batch of it can be committed; it was not charged: send it again in the current epoch", t.epoch), nil
		}
		sel, err := v.selectedFor(cur, l.contract)
		if err != nil {
			return nil, 0, "", err
		}
		if sel != w.signer {
			return nil, api.CodeWrongEpoch, fmt.Sprintf("the epoch changed (now block %d) and worker %s is selected for the contract; it was not charged: send it again, sealed to that worker's epoch key", cur.first, sel), nil
		}
	}
	if was, err := v.selectedFor(p, l.contract); err != nil {
		return nil, 0, "", err
	} else if was != w.signer {
		return nil, api.CodeNotSelected, fmt.Sprintf("this worker is not selected for the contract in the task's epoch (block %d), worker %s is; it was not charged", t.epoch, was), nil
	}
	if t.rerun {
		bal, _, err := v.balance(ctx, t.req.Sender)
		if err != nil {
			return nil, 0, "", err
		}
		withdrawn := bal.UnlockBlock != chain.UserBalanceLocked && head >= bal.UnlockBlock
		if bal.Balance == nil || bal.Balance.Cmp(t.maxFee) < 0 || withdrawn {
			return nil, api.CodeInvalidInput, fmt.Sprintf("its sender's balance (%v ENG grains) no longer covers its maximum fee (%v); it was not charged: deposit with depositUserBalance and send it again", bal.Balance, t.maxFee), nil
		}
	}
	return p, 0, "", nil
}

// loadLane sets the lane's state to the chain's, when it has none: the
// contract's state at the chain's last delta (state sync), once a receipt
// of the contract whose outcome is unknown is decided.
func (w *Worker) loadLane(ctx context.Context, l *lane) error {
	b := w.b
	b.mu.Lock()
	have := l.cur != nil && l.code != nil
	b.mu.Unlock()
	if have {
		return nil
	}
	w.awaitSettled(l.contract)
	// A ghost batch that landed moved the contract's state: completed
	// first, its delta and state are the store's, not a peer's to fetch.
	b.mu.Lock()
	ghosts := len(l.ghosts) > 0
	b.mu.Unlock()
	if ghosts {
		if _, err := w.settleGhosts(ctx, l); err != nil {
			return err
		}
	}
	blob, err := w.syncState(ctx, l.contract, false)
	if err != nil {
		return err
	}
	code, err := w.cfg.Store.Code(ctx, l.contract)
	if err != nil {
		return fmt.Errorf("read the code of contract %s: %w", l.contract, err)
	}
	b.mu.Lock()
	l.cur, l.code = &laneState{data: blob.Data, hash: blob.Hash}, code
	b.mu.Unlock()
	return nil
}
