package worker

import (
	"context"
	"fmt"
	"github.com/enigma-go/enigma/internal/workerapi"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain/bindings"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/crypto/envelope"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/selection"
)

// job is one accepted task with the chain facts read for it.
type job struct {
	req    enclave.ExecuteRequest // Code is the pre-code for a deploy, filled at run time for a compute task
	record bindings.EnigmaTaskRecord
	seed   [32]byte // the seed of the task's epoch, which names it to the key manager
	// forward hands the original submission to another worker.
	forward func(ctx context.Context, n Node) error
	seq     uint64 // its place in the order accepted (the store's pending tasks)
	stored  bool   // resumed after a restart with its result stored: only its receipt is left
	// received is when its submission came (zero when resumed), queued
	// when it was accepted here: for the stage metrics.
	received, queued time.Time
}

// SubmitDeploy implements Node.
func (w *Worker) SubmitDeploy(ctx context.Context, r *workerapi.DeployRequest) error {
	if r.ContractAddress == (api.ContractAddress{}) {
		return api.Errorf(api.CodeInvalidInput, "worker: a deploy needs its contract address (the deploy task id)")
	}
	codeHash := compat.Keccak256(r.PreCode)
	j := &job{req: enclave.ExecuteRequest{
		Kind: enclave.KindDeploy, Envelope: enclave.EnvelopeCompat, TaskID: r.ContractAddress, Contract: r.ContractAddress,
		Code: r.PreCode, UserPubKey: r.UserPubKey, EncryptedFn: r.EncryptedFn, EncryptedArgs: r.EncryptedArgs,
	}}
	j.req.InputsHash = compat.InputsHash(r.EncryptedFn, r.EncryptedArgs, codeHash[:], r.UserPubKey[:])
	j.forward = func(ctx context.Context, n Node) error {
		f := *r
		f.Worker = n.Signer()
		return n.SubmitDeploy(ctx, &f)
	}
	return w.accept(ctx, j)
}

// SubmitCompute implements Node.
func (w *Worker) SubmitCompute(ctx context.Context, r *workerapi.ComputeRequest) error {
	j := &job{req: enclave.ExecuteRequest{
		Kind: enclave.KindCompute, Envelope: enclave.EnvelopeCompat, TaskID: r.TaskID, Contract: r.ContractAddress,
		UserPubKey: r.UserPubKey, EncryptedFn: r.EncryptedFn, EncryptedArgs: r.EncryptedArgs,
	}}
	j.req.InputsHash = compat.InputsHash(r.EncryptedFn, r.EncryptedArgs, r.ContractAddress[:], r.UserPubKey[:])
	j.forward = func(ctx context.Context, n Node) error {
		f := *r
		f.Worker = n.Signer()
		return n.SubmitCompute(ctx, &f)
	}
	return w.accept(ctx, j)
}

// SubmitV2 implements Node.
func (w *Worker) SubmitV2(ctx context.Context, r *workerapi.V2Request) error {
	if r.TaskID != compat.TaskID(common.Address(r.Sender), new(big.Int).SetUint64(r.TaskNonce)) {
		return api.Errorf(api.CodeInvalidInput, "worker: task id %s is not keccak256(sender %s, nonce %d): pass the sender and nonce of the task record", r.TaskID, r.Sender, r.TaskNonce)
	}
	j := &job{req: enclave.ExecuteRequest{
		Kind: enclave.KindCompute, Envelope: enclave.EnvelopeV2, TaskID: r.TaskID, Contract: r.ContractAddress,
		EncryptedFn: r.Request, ChainID: w.chainID, EnigmaContract: api.EthAddress(w.cfg.Enigma.Addresses().Enigma),
		Sender: r.Sender, TaskNonce: r.TaskNonce, InputsHash: envelope.InputsHash(r.Request),
	}}
	if r.Deploy {
		if r.ContractAddress != r.TaskID {
			return api.Errorf(api.CodeInvalidInput, "worker: a deploy's contract address must be its task id %s", r.TaskID)
		}
		j.req.Kind, j.req.Code = enclave.KindDeploy, r.PreCode
	}
	j.forward = func(ctx context.Context, n Node) error {
		f := *r
		f.Worker = n.Signer()
		return n.SubmitV2(ctx, &f)
	}
	return w.accept(ctx, j)
}

// accept checks a task against its record and the epoch's selection and
// queues it, or forwards it to the selected worker.
func (w *Worker) accept(ctx context.Context, j *job) (err error) {
	j.received = time.Now()
	defer func() {
		if err != nil {
			w.m.submittedTask(&j.req, resultRefused)
		}
	}()
	id := j.req.TaskID
	a, seen, err := w.admit(ctx, id)
	if seen || err != nil {
		return err
	}
	defer w.admitted(id, a)
	rec, err := w.waitRecord(ctx, id)
	if err != nil {
		return err
	}
	if rec.Status != chainCreated {
		if r, _ := w.cfg.Store.TaskResult(ctx, id); r != nil {
			return nil // this worker already ran it
		}
		return api.Errorf(api.CodeReplay, "worker: task %s is already finished on chain (status %d); create a new task record to run it again", id, rec.Status)
	}
	if rec.InputsHash != j.req.InputsHash {
		return api.Errorf(api.CodeInputsMismatch, "worker: the inputs of task %s do not hash to its task record's inputsHash: send the exact encrypted inputs the record was created for", id)
	}
	if j.req.Envelope == enclave.EnvelopeV2 && api.EthAddress(rec.Sender) != j.req.Sender {
		return api.Errorf(api.CodeInvalidInput, "worker: task %s was recorded by %s, not %s", id, api.EthAddress(rec.Sender), j.req.Sender)
	}
	if rec.GasLimit == 0 {
		return api.Errorf(api.CodeInvalidInput, "worker: task %s has a zero gas limit; create a record with a gas limit and fee", id)
	}
	block := bigU64(rec.BlockNumber)
	p, err := w.taskEpoch(ctx, id, block)
	if err != nil {
		return err
	}
	if p.Arg0 == nil || p.Arg0.Sign() == 0 {
		return api.Errorf(api.CodeWrongEpoch, "worker: the chain no longer holds the epoch of task %s (block %d); its fee is refundable after the timeout", id, block)
	}
	selected, err := selection.SelectOne(selection.Params{FirstBlock: p.Arg0.Uint64(), Seed: p.Arg1, Workers: p.Arg2, Stakes: p.Arg3}, j.req.Contract)
	if err != nil {
		return api.Errorf(api.CodeWrongEpoch, "worker: select the worker of task %s: %v", id, err)
	}
	if api.EthAddress(selected) != w.signer {
		return w.forwardTo(ctx, j, api.EthAddress(selected))
	}
	j.record = rec
	j.req.GasLimit, j.req.BlockNumber, j.req.Epoch = rec.GasLimit, block, p.Arg0.Uint64()
	p.Arg1.FillBytes(j.seed[:])
	return w.acceptHere(ctx, j)
}

// seenLocked reports whether this worker already has task id, so a
// resubmission must not run it again (w.mu held): accepted, finished or
// with its receipt's outcome still being checked (nil error: the
// submission is answered as accepted), or tried and not finished (a
// CodeReplay error saying why). Running such a task again would burn the
// same time for the same result, or commit a second receipt.
func (w *Worker) seenLocked(id api.TaskID) (bool, error) {
	if why, failed := w.faults.get(id); failed {
		return true, api.Errorf(api.CodeReplay, "worker: this worker already tried task %s and could not finish it (%s); it will not run it again: the fee is refundable with returnFeesForTask once the task times out on chain", id, why)
	}
	_, queued := w.jobs[id]
	_, done := w.final.get(id)
	_, unsettled := w.unsettled[id]
	return queued || done || unsettled, nil
}

// taskEpoch returns the parameters of the epoch a task record is bound to,
// as the contract stored it with the record (getTaskInfo): the epoch the
// client selected its worker in, which for a record mined just after an
// epoch change is the previous one, and for a record mined in the same
// block as setWorkersParams but before it the one before that call.
func (w *Worker) taskEpoch(ctx context.Context, id api.TaskID, block uint64) (bindings.GetWorkerParamsOutput, error) {
	p, err := w.cfg.Enigma.TaskEpoch(ctx, id)
	if err != nil {
		return p, fmt.Errorf("worker: read the epoch of task %s (record block %d): %w", id, block, err)
	}
	return p, nil
}

// forwardTo hands a task to the worker selected for it. That worker's
// enclave did not issue the task's key, so it commits a failure receipt:
// the task ends on chain instead of waiting for the timeout.
func (w *Worker) forwardTo(ctx context.Context, j *job, selected api.EthAddress) error {
	var n Node
	var ok bool
	if w.cfg.Directory != nil {
		n, ok = w.cfg.Directory.Node(selected)
	}
	if !ok {
		return api.Errorf(api.CodeNotSelected, "worker: this worker (%s) is not selected for contract %s in the epoch of task %s, and the selected worker %s is not reachable: retry when it is, or reclaim the fee after the timeout", w.signer, j.req.Contract, j.req.TaskID, selected)
	}
	w.log.Info("forwarding a task to the selected worker", "task", j.req.TaskID, "selected", selected)
	if err := j.forward(ctx, n); err != nil {
		return fmt.Errorf("worker: forward task %s to the selected worker %s: %w", j.req.TaskID, selected, err)
	}
	w.mu.Lock()
	w.stats.Forwarded++
	w.mu.Unlock()
	w.m.submittedTask(&j.req, resultForwarded)
	return nil
}

// waitRecord reads a task record, waiting up to RecordWait for it to appear.
func (w *Worker) waitRecord(ctx context.Context, id api.TaskID) (bindings.EnigmaTaskRecord, error) {
	deadline := time.Now().Add(w.cfg.RecordWait)
	for {
		rec, err := w.cfg.Enigma.TaskRecord(ctx, id)
		if err != nil {
			return rec, fmt.Errorf("worker: read the task record of %s: %w", id, err)
		}
		if rec.Status != 0 {
			return rec, nil
		}
		if time.Now().After(deadline) {
			return rec, api.Errorf(api.CodeNotFound, "worker: task %s has no task record on chain: create it (createTaskRecord or createDeploymentTaskRecord) and wait for it to be mined before sending the inputs", id)
		}
		select {
		case <-ctx.Done():
			return rec, ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// enqueue adds an accepted task to its contract's queue, starting the
// contract's runner when the queue was empty. The bounds were checked
// before the task was held (room): only concurrent submissions of other
// tasks can pass them, by at most their number.
func (w *Worker) enqueue(j *job) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return errClosed
	}
	if seen, err := w.seenLocked(j.req.TaskID); seen {
		return err // a resubmission raced this one
	}
	q := w.queues[j.req.Contract]
	w.jobs[j.req.TaskID] = j
	w.stats.Accepted++
	j.queued = time.Now()
	if !j.received.IsZero() {
		w.m.submittedTask(&j.req, resultAccepted)
		w.m.stage(&j.req, stageAccept, j.queued.Sub(j.received))
	}
	w.queues[j.req.Contract] = append(q, j)
	if len(q) == 0 {
		w.wg.Add(1)
		go w.runContract(j.req.Contract)
	}
	return nil
}
