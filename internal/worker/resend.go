package worker

import (
	"context"
	"fmt"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/state"
)

// resend sends again the receipt of a task that ran before the worker
// restarted: its result is stored, and its first receipt may never have
// left, may still be in the pool, or may have been mined since. Both
// carry the same result and signature, so whichever the chain takes is
// this task's; the other reverts.
func (w *Worker) resend(ctx context.Context, j *job) (api.TaskStatus, *pendingReceipt, error) {
	req := &j.req
	r, err := w.cfg.Store.TaskResult(ctx, req.TaskID)
	if err != nil {
		return "", nil, fmt.Errorf("read the result stored before the restart: %w", err)
	}
	resp := storedReceipt(req, r)
	w.log.Info("sending again the receipt of a task that ran before the restart", "task", req.TaskID)
	return w.commit(ctx, req, resp, nil)
}

// alreadyTaken reports whether the chain holds this receipt's outcome
// already (the same receipt, sent before a restart, was mined): a receipt
// refused for that reason is this task's success, not a failure.
func (w *Worker) alreadyTaken(ctx context.Context, req *enclave.ExecuteRequest, resp *enclave.ExecuteResponse) (api.TaskStatus, bool) {
	v, st, err := w.check(ctx, &pendingReceipt{req: req, resp: resp})
	if err != nil || v != taken {
		return "", false
	}
	w.log.Info("task done: the chain holds its receipt, sent before the restart", "task", req.TaskID, "status", st)
	return chainStatus(st), true
}

// storedReceipt rebuilds the receipt the enclave returned from the task's
// stored result: everything the receipt transaction and the outcome check
// read.
func storedReceipt(req *enclave.ExecuteRequest, r *state.TaskResult) *enclave.ExecuteResponse {
	resp := &enclave.ExecuteResponse{TaskID: r.TaskID, Kind: req.Kind, Status: enclave.TaskFailure,
		Output: r.Output, OutputHash: compat.Keccak256(r.Output), InputsHash: req.InputsHash, PreCodeHash: r.PreCodeHash,
		GasLimit: req.GasLimit, GasUsed: r.UsedGas, EthPayload: r.EthPayload, EthAddress: r.EthAddress}
	copy(resp.Signature[:], r.Signature)
	if r.Status == api.StatusSuccess {
		resp.Status = enclave.TaskSuccess
	}
	if r.Delta != nil {
		resp.DeltaIndex, resp.DeltaHash = r.Delta.Index, r.Delta.Hash
	}
	if req.Kind == enclave.KindDeploy {
		resp.CodeHash = r.PreCodeHash // a deploy's code is its pre-code
	}
	return resp
}

// slim drops what a pending receipt's check no longer needs (the task's
// code, inputs, state and the receipt's ciphertexts), so a receipt whose
// outcome is checked for up to SettleTimeout holds little memory: the
// state before the task, to roll back to, stays.
func (p *pendingReceipt) slim() {
	req, resp := *p.req, *p.resp
	req.Code, req.State, req.EncryptedFn, req.EncryptedArgs, req.Held = nil, nil, nil, nil, nil
	resp.Output, resp.Delta, resp.State, resp.EthPayload = nil, nil, nil, nil
	p.req, p.resp = &req, &resp
}
