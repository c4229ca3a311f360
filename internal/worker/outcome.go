package worker

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/state"
)

// A receipt, once sent, is out of the worker's hands: the chain takes it
// or not whether or not the worker hears back. So the worker rolls its
// store back only when the chain shows it did not and never will take the
// receipt (a mined revert, a final record without this receipt's delta,
// the task's epoch gone from the chain); after any other error (the
// receipt wait timed out, the node went away) it keeps the delta and
// checks the task record in the background until it knows. Tasks of the
// same contract wait for that answer: they build on the delta.

// pendingReceipt is a receipt whose outcome the worker does not know yet.
type pendingReceipt struct {
	req   *enclave.ExecuteRequest
	resp  *enclave.ExecuteResponse
	prior *state.StateBlob // the state before the task, to roll back to
	sent  *chain.Sent      // nil when the send failed in a way that may still have reached the node
	why   error            // why the outcome is unknown
	done  chan struct{}    // closed once the outcome is known or the check gave up
}

// verdict is what the chain says of a receipt.
type verdict int

const (
	undecided verdict = iota
	// taken: the chain holds the receipt's outcome, delta included.
	taken
	// refused: the chain did not take the receipt's delta and never will
	// (a mined revert, a reverted callback, another final outcome, a
	// receipt that can no longer be mined); the store rolls it back.
	refused
)

// sendReceipt sends the task's receipt. An error wrapping chain.ErrNotSent
// means nothing was sent.
func (w *Worker) sendReceipt(ctx context.Context, req *enclave.ExecuteRequest, r *enclave.ExecuteResponse) (chain.Tx, chain.Sent, error) {
	tx := receiptTx(w.cfg.Enigma, req, r)
	sent, err := w.cfg.Enigma.Client().SendTx(ctx, w.cfg.Account, tx)
	if err != nil {
		return tx, sent, fmt.Errorf("%s: %w", tx.What, err)
	}
	return tx, sent, nil
}

// waitMined waits up to ReceiptTimeout for a sent receipt to be mined (the
// chain client's own receipt timeout does not cut it short). A receipt
// mined as reverted comes back with an error wrapping chain.ErrReverted;
// no receipt and an error: the outcome is unknown.
func (w *Worker) waitMined(tx chain.Tx, sent chain.Sent) (*types.Receipt, error) {
	ctx, cancel := context.WithTimeout(w.ctx, w.cfg.ReceiptTimeout)
	defer cancel()
	for {
		r, err := w.cfg.Enigma.Client().Confirm(ctx, w.cfg.Account, tx, sent.Hash)
		if err == nil || r != nil {
			return r, err
		}
		if ctx.Err() != nil {
			return nil, fmt.Errorf("%s (tx %s): no receipt within %v: %w", tx.What, sent.Hash.Hex(), w.cfg.ReceiptTimeout, err)
		}
	}
}

// check reads what the chain says of p's receipt now.
func (w *Worker) check(ctx context.Context, p *pendingReceipt) (verdict, uint8, error) {
	e, id := w.cfg.Enigma, p.req.TaskID
	dropped := false
	if p.sent != nil {
		// The account's mined nonce first, then the receipt: a nonce past
		// ours without our receipt means another transaction took it.
		cctx, cancel := context.WithTimeout(ctx, e.Client().Config().CallTimeout)
		mined, err := e.Client().Eth().NonceAt(cctx, w.cfg.Account.Address, nil)
		var r *types.Receipt
		if err == nil {
			r, err = e.Client().Eth().TransactionReceipt(cctx, p.sent.Hash)
		}
		cancel()
		switch {
		case err == nil && r.Status != types.ReceiptStatusSuccessful:
			return refused, chainCreated, nil // mined, reverted: the record did not move
		case err == nil:
			// Mined: the record tells the rest.
		case errors.Is(err, ethereum.NotFound):
			dropped = mined > p.sent.Nonce
		default:
			return undecided, 0, err
		}
	}
	rec, err := e.TaskRecord(ctx, id)
	if err != nil {
		return undecided, 0, err
	}
	switch rec.Status {
	case chainCreated:
		if dropped {
			return refused, rec.Status, nil
		}
		// No receipt can land once the task's epoch has left the chain's
		// ring (the contract checks receipts against it).
		ep, err := e.TaskEpoch(ctx, id)
		if err != nil {
			return undecided, rec.Status, err
		}
		if ep.Arg0 == nil || ep.Arg0.Sign() == 0 {
			return refused, rec.Status, nil
		}
		return undecided, rec.Status, nil
	case chainVerified:
		if p.resp.Status != enclave.TaskSuccess {
			return refused, rec.Status, nil
		}
		holds, err := w.chainHolds(ctx, p, rec.OutputHash)
		if err != nil {
			return undecided, rec.Status, err
		}
		if !holds {
			w.log.Error("the chain verified the task with a receipt that is not this worker's; rolling back its delta", "task", id)
			return refused, rec.Status, nil
		}
		return taken, rec.Status, nil
	case chainFailed:
		if p.resp.Status != enclave.TaskSuccess {
			return taken, rec.Status, nil
		}
		return refused, rec.Status, nil
	case chainFailedETH, chainFeesReturned:
		return refused, rec.Status, nil
	default:
		return undecided, rec.Status, nil
	}
}

// chainHolds reports whether the chain's record of p's contract holds p's
// delta (and, for a compute task, the task's output hash).
func (w *Worker) chainHolds(ctx context.Context, p *pendingReceipt, outputHash [32]byte) (bool, error) {
	r := p.resp
	if p.req.Kind == enclave.KindCompute && api.Hash(outputHash) != r.OutputHash {
		return false, nil
	}
	if r.DeltaHash.IsZero() {
		return true, nil
	}
	e := w.cfg.Enigma
	count, err := e.CountStateDeltas(ctx, p.req.Contract)
	if err != nil {
		return false, err
	}
	if count <= uint64(r.DeltaIndex) {
		return false, nil
	}
	h, err := e.StateDeltaHash(ctx, p.req.Contract, uint64(r.DeltaIndex))
	if err != nil {
		return false, err
	}
	return api.Hash(h) == r.DeltaHash, nil
}

// Bounds of the background check of a receipt's outcome.
const (
	settleFirstWait = 200 * time.Millisecond
	settleMaxWait   = time.Minute
)

// settle checks p's outcome on chain, with backoff, until the chain
// decides it, SettleTimeout passes or the worker closes; then it records
// the task's status and lets the contract's next task run.
func (w *Worker) settle(p *pendingReceipt) {
	defer w.wg.Done()
	id := p.req.TaskID
	ctx, cancel := context.WithTimeout(w.ctx, w.cfg.SettleTimeout)
	defer cancel()
	wait := settleFirstWait
	for {
		v, status, err := w.check(ctx, p)
		if v != undecided {
			w.decided(p, v, status)
			return
		}
		if err != nil && ctx.Err() == nil {
			w.log.Debug("checking a receipt's outcome", "task", id, "err", err)
		}
		select {
		case <-ctx.Done():
			w.gaveUp(p, ctx.Err())
			return
		case <-time.After(wait):
		}
		wait = min(2*wait, settleMaxWait)
	}
}

// decided applies a known outcome: a refused receipt's delta is rolled
// back; the task's status is what the chain recorded, or, for a task the
// chain still holds open, a fault (refundable after the timeout).
func (w *Worker) decided(p *pendingReceipt, v verdict, status uint8) {
	id := p.req.TaskID
	defer w.forget(id) // ended, or given up: no longer pending in the store
	if v == refused {
		w.rollback(p.req, p.resp, p.prior)
	}
	final := false
	defer func() {
		if final {
			w.announce(id)
		}
	}()
	w.mu.Lock()
	defer w.mu.Unlock()
	w.release(p)
	if status == chainCreated {
		w.stats.HostFailures++
		w.m.taskEnded(p.req, outcomeAbandoned)
		w.faults.put(id, "the chain did not take its receipt, which can no longer be mined; the fee is refundable after the timeout")
		w.log.Warn("receipt refused after its outcome was unknown; delta rolled back", "task", id)
		return
	}
	st := chainStatus(status)
	w.final.put(id, st)
	final = true
	if st == api.StatusSuccess {
		w.stats.Succeeded++
		w.m.taskEnded(p.req, outcomeVerified)
	} else {
		w.stats.Failed++
		w.m.taskEnded(p.req, outcomeFailed)
	}
	w.log.Info("receipt outcome known", "task", id, "status", status, "kept", v == taken)
}

// gaveUp stops checking a receipt: the store keeps its delta (the chain
// may still take it) and the contract's next task syncs with the chain.
func (w *Worker) gaveUp(p *pendingReceipt, why error) {
	defer w.forget(p.req.TaskID) // kept when closing: the restart sends the receipt again
	w.mu.Lock()
	defer w.mu.Unlock()
	w.release(p)
	if w.ctx.Err() != nil {
		return // closing: the outcome is checked again by the next run's sync
	}
	w.stats.HostFailures++
	w.m.taskEnded(p.req, outcomeAbandoned)
	w.faults.put(p.req.TaskID, fmt.Sprintf("its receipt's outcome stayed unknown for %v (%v); the store keeps its delta in case the chain takes it", w.cfg.SettleTimeout, why))
	w.log.Error("gave up checking a receipt's outcome; the contract's next task syncs with the chain", "task", p.req.TaskID, "err", why)
}

// release forgets p as pending and wakes its contract (w.mu held).
func (w *Worker) release(p *pendingReceipt) {
	delete(w.unsettled, p.req.TaskID)
	if w.settling[p.req.Contract] == p {
		delete(w.settling, p.req.Contract)
	}
	close(p.done)
}

// pend records p as pending and starts its check (w.mu held).
func (w *Worker) pend(p *pendingReceipt) {
	p.slim()
	w.unsettled[p.req.TaskID] = p
	w.settling[p.req.Contract] = p
	w.stats.Unsettled++
	w.wg.Add(1)
	go w.settle(p)
	w.log.Warn("receipt outcome unknown; keeping the task's state and checking the chain", "task", p.req.TaskID, "contract", p.req.Contract, "err", p.why)
}

// awaitSettled waits until no receipt of contract has an unknown outcome.
func (w *Worker) awaitSettled(contract api.ContractAddress) {
	w.mu.Lock()
	p := w.settling[contract]
	w.mu.Unlock()
	if p == nil {
		return
	}
	w.log.Info("waiting for the outcome of the contract's previous receipt", "contract", contract, "task", p.req.TaskID)
	select {
	case <-p.done:
	case <-w.ctx.Done():
	}
}

// receiptTx is the transaction committing the enclave's receipt (or
// failure receipt) on the Enigma contract, with estimated gas: the contract
// gives a callback its fixed gas or reverts, so the estimate covers the
// whole callback.
func receiptTx(e *chain.Enigma, req *enclave.ExecuteRequest, r *enclave.ExecuteResponse) chain.Tx {
	abi, sig := e.ABI(), r.Signature[:]
	var data []byte
	var what string
	switch {
	case req.Kind == enclave.KindDeploy && r.Status == enclave.TaskSuccess:
		what = fmt.Sprintf("commit the deployment of %s", req.TaskID)
		data = abi.PackDeploySecretContract(req.TaskID, r.PreCodeHash, r.CodeHash, r.DeltaHash, r.EthPayload, ethAddr(r.EthAddress), r.GasUsed, sig)
	case req.Kind == enclave.KindDeploy:
		what = fmt.Sprintf("commit the failed deployment %s", req.TaskID)
		data = abi.PackDeploySecretContractFailure(req.TaskID, r.OutputHash, r.GasUsed, sig)
	case r.Status == enclave.TaskSuccess:
		what = fmt.Sprintf("commit the receipt of task %s", req.TaskID)
		data = abi.PackCommitReceipt(req.Contract, req.TaskID, r.DeltaHash, r.OutputHash, r.EthPayload, ethAddr(r.EthAddress), r.GasUsed, sig)
	default:
		what = fmt.Sprintf("commit the failure of task %s", req.TaskID)
		data = abi.PackCommitTaskFailure(req.Contract, req.TaskID, r.OutputHash, r.GasUsed, sig)
	}
	to := e.Addresses().Enigma
	return chain.Tx{What: what, To: &to, Data: data}
}

// announce hands a task's final result to Config.Announce.
func (w *Worker) announce(id api.TaskID) {
	if w.cfg.Announce == nil {
		return
	}
	ctx, cancel := context.WithTimeout(w.ctx, 10*time.Second)
	defer cancel()
	if r, err := w.TaskResult(ctx, id); err == nil && r != nil && r.Status.Final() {
		w.cfg.Announce(r)
	}
}
