package worker

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/state"
)

// runContract runs a contract's queued tasks in order until the queue is
// empty. A task whose receipt's outcome is unknown holds the next one back
// until the chain decides it (awaitSettled): the next builds on its delta.
// A compute task runs only once the contract's batched lane has no batch
// open or in flight (holdLane).
func (w *Worker) runContract(contract api.ContractAddress) {
	defer w.wg.Done()
	for {
		w.mu.Lock()
		q := w.queues[contract]
		if len(q) == 0 || w.closed {
			delete(w.queues, contract)
			w.mu.Unlock()
			return
		}
		j := q[0]
		w.mu.Unlock()

		w.awaitSettled(contract)
		// The contract's batched tasks wait meanwhile: its lane commits
		// what it holds first and starts again from the chain's state after.
		release := w.holdLane(contract, j.req.Kind == enclave.KindCompute)
		status, pending, err := w.run(j)
		release()

		w.mu.Lock()
		w.queues[contract] = w.queues[contract][1:]
		delete(w.jobs, j.req.TaskID)
		switch {
		case pending != nil:
			w.pend(pending)
		case err != nil && w.ctx.Err() != nil:
			// Stopped by Close: the task stays pending in the store and
			// runs again when the worker restarts.
		case err != nil:
			w.stats.HostFailures++
			w.faults.put(j.req.TaskID, err.Error())
			w.m.taskEnded(&j.req, outcomeAbandoned)
		default:
			w.final.put(j.req.TaskID, status)
			if status == api.StatusSuccess {
				w.stats.Succeeded++
				w.m.taskEnded(&j.req, outcomeVerified)
			} else {
				w.stats.Failed++
				w.m.taskEnded(&j.req, outcomeFailed)
			}
			if t := j.firstSeen(); !t.IsZero() {
				w.m.stage(&j.req, stageTotal, time.Since(t))
			}
		}
		w.mu.Unlock()
		if pending == nil && err == nil {
			// Gossiped to the gateways (Config.Announce) off the
			// contract's queue; the worker's wait group covers it.
			w.wg.Add(1)
			go func(id api.TaskID) {
				defer w.wg.Done()
				w.announce(id)
			}(j.req.TaskID)
		}
		if pending == nil {
			w.forget(j.req.TaskID) // ended, or given up; kept when closing
		}
		if err != nil && w.ctx.Err() == nil {
			w.log.Error("task abandoned: it stays open on chain and its fee is refundable after the timeout", "task", j.req.TaskID, "err", err)
		}
	}
}

// run takes one task through the enclave, the store and the chain, and
// returns its final status as the chain recorded it. TaskTimeout bounds
// everything up to the receipt's sending, ReceiptTimeout the wait for it
// to be mined. When the receipt may have been sent but its outcome is not
// known, run returns it pending, with its delta kept; an error means the
// chain did not and cannot take the task's receipt (its delta is rolled
// back), or none was made.
func (w *Worker) run(j *job) (api.TaskStatus, *pendingReceipt, error) {
	ctx, cancel := context.WithTimeout(w.ctx, w.cfg.TaskTimeout)
	defer cancel()
	if j.stored {
		return w.resend(ctx, j)
	}
	req := &j.req
	start := time.Now()
	if !j.queued.IsZero() {
		w.m.stage(req, stageQueue, start.Sub(j.queued))
	}
	hdr, err := w.cfg.Enigma.Client().Eth().HeaderByNumber(ctx, new(big.Int).SetUint64(req.BlockNumber))
	if err != nil {
		return "", nil, fmt.Errorf("read block %d of the task record: %w", req.BlockNumber, err)
	}
	req.BlockTime = int64(hdr.Time)

	if err := w.ensureKey(ctx, req.Contract, j.seed); err != nil {
		return "", nil, err
	}
	resp, prior, err := w.execute(ctx, req)
	if err != nil {
		return "", nil, err
	}
	if err := w.store(ctx, req, resp); err != nil {
		return "", nil, fmt.Errorf("store the result: %w", err)
	}
	executed := time.Now()
	w.m.stage(req, stageExecute, executed.Sub(start))
	status, p, err := w.commit(ctx, req, resp, prior)
	if p == nil && err == nil {
		w.m.stage(req, stageReceipt, time.Since(executed))
	}
	return status, p, err
}

// firstSeen is when the job's submission came, or when it was queued
// again after a restart.
func (j *job) firstSeen() time.Time {
	if j.received.IsZero() {
		return j.queued
	}
	return j.received
}

// commit sends a stored task's receipt and waits for the chain's answer,
// as run describes. prior is the state before the task, to roll back to;
// nil when unknown (resend), and then nothing is rolled back: the store
// keeps the delta and the contract's next task syncs with the chain.
func (w *Worker) commit(ctx context.Context, req *enclave.ExecuteRequest, resp *enclave.ExecuteResponse, prior *state.StateBlob) (api.TaskStatus, *pendingReceipt, error) {
	p := &pendingReceipt{req: req, resp: resp, prior: prior, done: make(chan struct{})}
	tx, sent, err := w.sendReceipt(ctx, req, resp)
	if errors.Is(err, chain.ErrNotSent) {
		// Nothing reached the chain: it cannot take the delta, unless it
		// took this very receipt already (sent before a restart).
		if st, ok := w.alreadyTaken(ctx, req, resp); ok {
			return st, nil, nil
		}
		w.rollback(req, resp, prior)
		return "", nil, err
	}
	if err != nil {
		p.why = err // it may have reached the node all the same
		return "", p, nil
	}
	p.sent = &sent
	r, err := w.waitMined(tx, sent)
	if r != nil && err != nil {
		// Mined and reverted: that transaction can never take effect;
		// the same receipt sent before a restart may have.
		if st, ok := w.alreadyTaken(ctx, req, resp); ok {
			return st, nil, nil
		}
		w.rollback(req, resp, prior)
		return "", nil, fmt.Errorf("the chain refused the receipt: %w", err)
	}
	if err != nil {
		p.why = err
		return "", p, nil
	}
	// Mined: this receipt moved the record, which says whether the delta
	// went with it.
	rctx, rcancel := context.WithTimeout(w.ctx, w.cfg.ReceiptTimeout)
	defer rcancel()
	rec, err := w.cfg.Enigma.TaskRecord(rctx, req.TaskID)
	if err != nil || rec.Status == chainCreated {
		p.why = fmt.Errorf("the receipt was mined (tx %s) but the task record could not be read after it: status %d, %v", sent.Hash.Hex(), rec.Status, err)
		return "", p, nil
	}
	if rec.Status == chainFailedETH {
		// The callback reverted, so the chain did not take the delta.
		w.rollback(req, resp, prior)
	}
	w.log.Info("task done", "task", req.TaskID, "kind", req.Kind, "status", rec.Status, "gas", resp.GasUsed)
	return chainStatus(rec.Status), nil, nil
}

// store commits the task's result (and for a success its code, delta and
// state) durably before its receipt goes on chain, so a receipt on chain
// always has its data here.
func (w *Worker) store(ctx context.Context, req *enclave.ExecuteRequest, r *enclave.ExecuteResponse) error {
	c := &state.TaskCommit{PrevHash: r.PrevDeltaHash}
	kind := state.KindCompute
	if req.Kind == enclave.KindDeploy {
		kind = state.KindDeploy
	}
	status := api.StatusFailed
	if r.Status == enclave.TaskSuccess {
		status = api.StatusSuccess
		if kind == state.KindDeploy {
			c.Code = req.Code
		}
		if !r.DeltaHash.IsZero() {
			c.Delta = &state.Delta{Index: r.DeltaIndex, Hash: r.DeltaHash, Data: r.Delta}
			c.State = r.State
		}
	}
	c.Result = state.TaskResult{TaskID: r.TaskID, Contract: req.Contract, Kind: kind, Status: status,
		Output: r.Output, UsedGas: r.GasUsed, Signature: r.Signature[:], EthPayload: r.EthPayload, EthAddress: r.EthAddress}
	if kind == state.KindDeploy {
		c.Result.PreCodeHash = r.PreCodeHash
	}
	return w.cfg.Store.CommitTask(ctx, c)
}

// rollback undoes the delta of a task whose receipt the chain did not and
// cannot take. The store keeps the delta readable by hash all the same
// (state.Store.DeltaByHash).
func (w *Worker) rollback(req *enclave.ExecuteRequest, r *enclave.ExecuteResponse, prior *state.StateBlob) {
	if r.Status != enclave.TaskSuccess || r.DeltaHash.IsZero() || prior == nil {
		return
	}
	if err := w.cfg.Store.RollbackTo(context.Background(), req.Contract, prior.Index, prior); err != nil {
		w.log.Error("roll back the state of a task the chain did not take; the contract resyncs from other workers", "task", req.TaskID, "err", err)
	}
}

// ensureKey makes sure the enclave holds the contract's state key, asking
// the key manager once per contract and epoch.
func (w *Worker) ensureKey(ctx context.Context, contract api.ContractAddress, seed [32]byte) error {
	w.mu.Lock()
	have, ok := w.keys.get(contract)
	w.mu.Unlock()
	if ok && have == seed {
		return nil
	}
	req, err := w.cfg.Enclave.StateKeysRequest(ctx, &enclave.NewStateKeysRequest{EpochSeed: seed, Contracts: []api.ContractAddress{contract}})
	if err != nil {
		return fmt.Errorf("build the state key request: %w", err)
	}
	reply, err := w.cfg.KeyManager.GetStateKeys(ctx, req)
	if err != nil {
		return fmt.Errorf("get the state key of contract %s from the key manager: %w", contract, err)
	}
	if _, err := w.cfg.Enclave.InstallStateKeys(ctx, reply); err != nil {
		return fmt.Errorf("install the state key of contract %s: %w", contract, err)
	}
	w.mu.Lock()
	w.keys.put(contract, seed)
	w.mu.Unlock()
	return nil
}

func ethAddr(a api.EthAddress) common.Address { return common.Address(a) }
