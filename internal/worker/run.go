package worker

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/state"
)

// runContract runs a contract's queued tasks in order until the queue is
// empty.
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

		status, err := w.run(j)

		w.mu.Lock()
		w.queues[contract] = w.queues[contract][1:]
		delete(w.jobs, j.req.TaskID)
		switch {
		case err != nil:
			w.stats.HostFailures++
			w.faults[j.req.TaskID] = err.Error()
		default:
			w.final[j.req.TaskID] = status
			if status == api.StatusSuccess {
				w.stats.Succeeded++
			} else {
				w.stats.Failed++
			}
		}
		w.mu.Unlock()
		if err != nil && w.ctx.Err() == nil {
			w.log.Error("task abandoned: it stays open on chain and its fee is refundable after the timeout", "task", j.req.TaskID, "err", err)
		}
	}
}

// run takes one task through the enclave, the store and the chain, and
// returns its final status as the chain recorded it.
func (w *Worker) run(j *job) (api.TaskStatus, error) {
	ctx, cancel := context.WithTimeout(w.ctx, w.cfg.TaskTimeout)
	defer cancel()
	req := &j.req
	hdr, err := w.cfg.Enigma.Client().Eth().HeaderByNumber(ctx, new(big.Int).SetUint64(req.BlockNumber))
	if err != nil {
		return "", fmt.Errorf("read block %d of the task record: %w", req.BlockNumber, err)
	}
	req.BlockTime = int64(hdr.Time)

	if err := w.ensureKey(ctx, req.Contract, j.seed); err != nil {
		return "", err
	}
	resp, prior, err := w.execute(ctx, req)
	if err != nil {
		return "", err
	}
	if err := w.store(ctx, req, resp); err != nil {
		return "", fmt.Errorf("store the result: %w", err)
	}
	if err := w.commit(ctx, req, resp); err != nil {
		w.rollback(req, resp, prior)
		return "", err
	}
	rec, err := w.cfg.Enigma.TaskRecord(ctx, req.TaskID)
	if err != nil {
		return "", fmt.Errorf("read the task's status after its receipt: %w", err)
	}
	if rec.Status == chainFailedETH {
		// The callback reverted, so the chain did not take the delta.
		w.rollback(req, resp, prior)
	}
	w.log.Info("task done", "task", req.TaskID, "kind", req.Kind, "status", rec.Status, "gas", resp.GasUsed)
	return chainStatus(rec.Status), nil
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

// rollback undoes the delta of a task whose receipt the chain did not take.
func (w *Worker) rollback(req *enclave.ExecuteRequest, r *enclave.ExecuteResponse, prior *state.StateBlob) {
	if r.Status != enclave.TaskSuccess || r.DeltaHash.IsZero() || prior == nil {
		return
	}
	if err := w.cfg.Store.RollbackTo(context.Background(), req.Contract, prior.Index, prior); err != nil {
		w.log.Error("roll back the state of a task the chain did not take; the contract resyncs from other workers", "task", req.TaskID, "err", err)
	}
}

// commit sends the task's receipt and waits for it to be mined.
func (w *Worker) commit(ctx context.Context, req *enclave.ExecuteRequest, r *enclave.ExecuteResponse) error {
	e, from, sig := w.cfg.Enigma, w.cfg.Account, r.Signature[:]
	abi := e.ABI()
	var data []byte
	var what string
	switch {
	case req.Kind == enclave.KindDeploy && r.Status == enclave.TaskSuccess:
		what = fmt.Sprintf("commit the deployment of %s", req.TaskID)
		data = abi.PackDeploySecretContract(req.TaskID, r.PreCodeHash, r.CodeHash, r.DeltaHash, r.EthPayload, common.Address(r.EthAddress), r.GasUsed, sig)
	case req.Kind == enclave.KindDeploy:
		what = fmt.Sprintf("commit the failed deployment %s", req.TaskID)
		data = abi.PackDeploySecretContractFailure(req.TaskID, r.OutputHash, r.GasUsed, sig)
	case r.Status == enclave.TaskSuccess:
		what = fmt.Sprintf("commit the receipt of task %s", req.TaskID)
		data = abi.PackCommitReceipt(req.Contract, req.TaskID, r.DeltaHash, r.OutputHash, r.EthPayload, common.Address(r.EthAddress), r.GasUsed, sig)
	default:
		what = fmt.Sprintf("commit the failure of task %s", req.TaskID)
		data = abi.PackCommitTaskFailure(req.Contract, req.TaskID, r.OutputHash, r.GasUsed, sig)
	}
	to := e.Addresses().Enigma
	// Estimated like any transaction: the Enigma contract gives a callback
	// its fixed gas or reverts, so the estimate covers the whole callback.
	tx := chain.Tx{What: what, To: &to, Data: data}
	if _, err := e.Client().Transact(ctx, from, tx); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// ensureKey makes sure the enclave holds the contract's state key, asking
// the key manager once per contract and epoch.
func (w *Worker) ensureKey(ctx context.Context, contract api.ContractAddress, seed [32]byte) error {
	w.mu.Lock()
	have, ok := w.keys[contract]
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
	w.keys[contract] = seed
	w.mu.Unlock()
	return nil
}
