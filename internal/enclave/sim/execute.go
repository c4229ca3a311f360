package sim

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/crypto/envelope"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/vm"
	"github.com/ethereum/go-ethereum/common"
)

// FailureMarker is the output of a failure receipt when the task's inputs
// could not be decrypted, so no key to encrypt the error text to the user
// is known. It is public by construction.
const FailureMarker = "enigma-go: task inputs could not be decrypted"

const seedDomain = "enigma-go/enclave: task seed v2"

// task is one Execute call in progress.
type task struct {
	w    *Worker
	req  *enclave.ExecuteRequest
	resp *enclave.ExecuteResponse
	// io is set once the inputs decrypted: how outputs and error texts are
	// encrypted to the user, and how to give an interrupted task its key back.
	io taskIO
	// states is the state the task opened and the one it left.
	states taskStates
}

// taskIO is what the task's envelope needs after the inputs decrypted.
type taskIO struct {
	seal    func(plaintext []byte) ([]byte, error)
	restore func() // undo the key's erasure when the host interrupts the task
}

// Execute implements enclave.Enclave (steps in docs/protocol/enclave.md).
func (w *Worker) Execute(ctx context.Context, req *enclave.ExecuteRequest) (*enclave.ExecuteResponse, error) {
	if err := checkExecuteRequest(req); err != nil {
		return nil, err
	}
	if req.Batched {
		if len(req.Held) > 0 {
			return nil, api.Errorf(api.CodeInvalidInput, "sim: batched tasks are not held; send the batched task without a held blob")
		}
		return w.executeBatched(ctx, req)
	}
	if w.hasPendingBatch(req.Contract) {
		return nil, api.Errorf(api.CodeUnavailable, "sim: contract %s has batched tasks awaiting a batch: sign and commit it before running tasks with task records", req.Contract)
	}
	var held *heldTask
	if len(req.Held) > 0 {
		var err error
		if held, err = w.openHeld(req); err != nil {
			return nil, err
		}
		defer held.erase()
	}
	if err := w.keys.reserve(req.TaskID, req.Epoch); err != nil {
		return nil, err
	}
	resp, _, err := w.execute(ctx, req, held)
	if err != nil {
		w.keys.release(req.TaskID, held != nil)
		return nil, err
	}
	return resp, nil
}

func (w *Worker) executeBatched(ctx context.Context, req *enclave.ExecuteRequest) (*enclave.ExecuteResponse, error) {
	if err := checkBatchedRequest(req); err != nil {
		return nil, err
	}
	r, err := w.reserveBatched(req)
	if err != nil {
		return nil, err
	}
	resp, st, err := w.execute(ctx, req, nil)
	if err != nil {
		w.releaseBatched(req, r)
		return nil, err
	}
	if err := w.addBatched(req, resp, st, r); err != nil {
		return nil, err
	}
	return resp, nil
}

func checkExecuteRequest(req *enclave.ExecuteRequest) error {
	switch {
	case req.Kind != enclave.KindDeploy && req.Kind != enclave.KindCompute:
		return api.Errorf(api.CodeInvalidInput, "sim: task kind %d is neither deploy (1) nor compute (2)", req.Kind)
	case req.Envelope == enclave.EnvelopeV2 && len(req.EncryptedArgs) != 0:
		return api.Errorf(api.CodeInvalidInput, "sim: a v2 task carries its whole request in EncryptedFn; EncryptedArgs must be empty")
	case req.Envelope == enclave.EnvelopeV2 && !req.Batched && req.TaskID != compat.TaskID(common.Address(req.Sender), new(big.Int).SetUint64(req.TaskNonce)):
		return api.Errorf(api.CodeInvalidInput, "sim: task id %s is not keccak256(sender %s, nonce %d): pass the task record's sender and nonce", req.TaskID, req.Sender, req.TaskNonce)
	case req.Envelope != enclave.EnvelopeCompat && req.Envelope != enclave.EnvelopeV2:
		return api.Errorf(api.CodeBadEnvelope, "sim: unknown envelope version %d; use 1 (compat) or 2", req.Envelope)
	case req.Kind == enclave.KindDeploy && req.Contract != req.TaskID:
		return api.Errorf(api.CodeInvalidInput, "sim: a deploy task's contract address must be its task id (%s), got %s", req.TaskID, req.Contract)
	}
	return nil
}

// execute runs a task whose id is reserved; held, when not nil, is the
// task's opened HoldTask blob, which opens its inputs. It returns the
// receipt and the states the task opened and left.
func (w *Worker) execute(ctx context.Context, req *enclave.ExecuteRequest, held *heldTask) (*enclave.ExecuteResponse, taskStates, error) {
	resp, t, err := w.executeTask(ctx, req, held)
	if err != nil {
		return nil, taskStates{}, err
	}
	return resp, t.states, nil
}

func (w *Worker) executeTask(ctx context.Context, req *enclave.ExecuteRequest, held *heldTask) (*enclave.ExecuteResponse, *task, error) {
	t := &task{w: w, req: req, resp: &enclave.ExecuteResponse{
		TaskID: req.TaskID, Kind: req.Kind, InputsHash: req.InputsHash, GasLimit: req.GasLimit,
		CodeHash: compat.Keccak256(req.Code),
	}}
	if req.Kind == enclave.KindDeploy {
		t.resp.PreCodeHash = t.resp.CodeHash
	} else {
		t.resp.PrevDeltaHash = req.PrevDeltaHash
	}

	// Request-level checks come before anything that consumes a task key, so
	// a host that resyncs can retry the task.
	stateKey, haveStateKey := w.stateKey(req.Contract)
	var prior *contractState
	if req.Kind == enclave.KindCompute && len(req.Code) > 0 {
		if len(req.State) == 0 {
			return nil, nil, api.Errorf(api.CodeInvalidInput, "sim: compute task %s came without the contract's state; pass the encrypted state of the last commit", req.TaskID)
		}
		if haveStateKey {
			var ok bool
			if prior, ok = decryptState(stateKey, req.Contract, t.resp.CodeHash, req.State); !ok {
				return nil, nil, api.Errorf(api.CodeUnavailable, "sim: the state passed for contract %s does not open under its state key with code %s: pass the contract's deployed code and the state the last commit returned", req.Contract, t.resp.CodeHash)
			}
			if prior.deltaHash != req.PrevDeltaHash {
				return nil, nil, api.Errorf(api.CodeUnavailable, "sim: the state passed for contract %s ends at delta %s but the chain's last delta is %s: sync the contract's state and retry", req.Contract, prior.deltaHash, req.PrevDeltaHash)
			}
		}
	}

	decrypt := t.decryptInputs
	switch {
	case held != nil:
		decrypt = func() ([]byte, []byte, func() (*enclave.ExecuteResponse, error)) { return t.decryptHeld(held) }
	case req.Envelope == enclave.EnvelopeV2:
		decrypt = t.decryptV2
	}
	if t.inputsHash() != req.InputsHash {
		decrypt() // only to learn the key the user can read the error text with, if any opens
		return t.wrap(t.fail(api.CodeInputsMismatch, "the task's inputs do not hash to the task record's inputsHash: the inputs were altered after the task record was created", 0))
	}
	fn, args, fail := decrypt()
	if fail != nil {
		return t.wrap(fail())
	}
	if req.Kind == enclave.KindCompute && len(req.Code) == 0 {
		return t.wrap(t.fail(api.CodeNotFound, fmt.Sprintf("secret contract %s is not deployed on this worker", req.Contract), 0))
	}
	if !haveStateKey {
		return t.wrap(t.fail(api.CodeNotFound, fmt.Sprintf("this worker holds no state key for contract %s: the key manager did not provide it (is this worker selected for the contract in this epoch?)", req.Contract), 0))
	}
	t.states.prior = prior
	return t.wrap(t.run(ctx, string(fn), args, stateKey, prior))
}

// wrap returns a task's result with the task.
func (t *task) wrap(resp *enclave.ExecuteResponse, err error) (*enclave.ExecuteResponse, *task, error) {
	if err != nil {
		return nil, nil, err
	}
	return resp, t, nil
}

func (t *task) inputsHash() api.Hash {
	req := t.req
	if req.Envelope == enclave.EnvelopeV2 {
		return envelope.InputsHash(req.EncryptedFn)
	}
	x := req.Contract[:]
	if req.Kind == enclave.KindDeploy {
		x = t.resp.PreCodeHash[:]
	}
	return compat.InputsHash(req.EncryptedFn, req.EncryptedArgs, x, req.UserPubKey[:])
}

// decryptInputs finds the user's outstanding task key that opens the
// function name, erases it, and opens the arguments with it. On failure
// it returns a function producing the failure receipt.
func (t *task) decryptInputs() (fn, args []byte, fail func() (*enclave.ExecuteResponse, error)) {
	req := t.req
	if len(req.EncryptedFn) < compat.Overhead {
		return nil, nil, func() (*enclave.ExecuteResponse, error) {
			return t.fail(api.CodeBadEnvelope, fmt.Sprintf("the encrypted function name is %d bytes, shorter than an AES-GCM envelope", len(req.EncryptedFn)), 0)
		}
	}
	k, pt, ok := t.w.keys.findKey(req.UserPubKey, req.EncryptedFn)
	if !ok {
		return nil, nil, func() (*enclave.ExecuteResponse, error) {
			return t.fail(api.CodeWrongKey, "", 0)
		}
	}
	key := k.aes
	t.useCompatKey(key, func() { t.w.keys.add(req.UserPubKey, k) })
	return t.openArgs(key, pt)
}

// useCompatKey makes the task's outputs go to the user under a compat
// task key; restore gives the key back when the host interrupts the task.
func (t *task) useCompatKey(key [32]byte, restore func()) {
	t.io = taskIO{
		seal: func(pt []byte) ([]byte, error) {
			return compat.Encrypt(key, pt, t.iv(ivOutput, pt))
		},
		restore: restore,
	}
}

// openArgs opens the compat arguments with the key that opened the
// function name fn.
func (t *task) openArgs(key [32]byte, fn []byte) (_, _ []byte, fail func() (*enclave.ExecuteResponse, error)) {
	args, err := compat.Decrypt(key, t.req.EncryptedArgs)
	if err != nil {
		return nil, nil, func() (*enclave.ExecuteResponse, error) {
			return t.fail(api.CodeOf(err), "the encrypted arguments do not open under the task key that opens the function name: "+err.Error(), 0)
		}
	}
	return fn, args, nil
}

// taskSeed is the task's randomness: HMAC(stateKey, domain ‖ taskId ‖
// inputsHash). Unknown to the host, equal on every worker that runs the
// same task, and different for any other inputs under the same task id, so
// a host that replays an old task id with inputs of its own learns nothing
// of the randomness the real task got.
func taskSeed(stateKey [32]byte, id api.TaskID, inputsHash api.Hash) [32]byte {
	m := hmac.New(sha256.New, stateKey[:])
	m.Write([]byte(seedDomain))
	m.Write(id[:])
	m.Write(inputsHash[:])
	return [32]byte(m.Sum(nil))
}

// BatchedCallbackRefused is the failure text of a batched task whose
// function asked for an Ethereum callback (write_eth_bridge).
const BatchedCallbackRefused = "the function calls an Ethereum contract, which only a per-task task can do (a batch commits no callback): send it per task (batched=false; enigma call --batched=false)"

func (t *task) run(ctx context.Context, fn string, args []byte, stateKey [32]byte, prior *contractState) (*enclave.ExecuteResponse, error) {
	req, resp := t.req, t.resp
	var base map[string][]byte
	if prior != nil {
		base = prior.entries
	}
	st := newOverlay(base)
	kind := vm.Deploy
	if req.Kind == enclave.KindCompute {
		kind = vm.Compute
	}
	res, err := t.runVM(ctx, vm.Request{
		Kind: kind, Function: fn, Args: args, State: st, GasLimit: req.GasLimit,
		Seed: taskSeed(stateKey, req.TaskID, req.InputsHash), Time: time.Unix(req.BlockTime, 0).UTC(),
	})
	if err != nil {
		if ctx.Err() != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)) {
			// Stopped by the host, not by the task: give the key back so the task can run again.
			t.io.restore()
			return nil, api.Errorf(api.CodeUnavailable, "sim: task %s was interrupted before it finished: %v; run it again", req.TaskID, ctx.Err())
		}
		return t.fail(api.CodeOf(err), err.Error(), res.GasUsed)
	}
	resp.GasUsed = res.GasUsed
	if res.Bridge != nil && req.Batched {
		// A batch commits state and fees under one Merkle root and carries
		// no callback: committing this task's state would skip the
		// Ethereum contract's say (e.g. a vote on a closed poll would count).
		return t.fail(api.CodeHostCall, BatchedCallbackRefused, res.GasUsed)
	}
	if res.Bridge != nil {
		resp.EthPayload = res.Bridge.Payload
		resp.EthAddress = res.Bridge.Address
	}
	if resp.Output, err = t.io.seal(res.Output); err != nil {
		return t.fail(api.CodeUnknown, "encrypt output: "+err.Error(), res.GasUsed)
	}
	resp.OutputHash = compat.Keccak256(resp.Output)

	ops, count, after := st.delta()
	next := &contractState{entries: after}
	prev := api.Hash{}
	if prior != nil {
		next.deltaIndex = prior.deltaIndex + 1
		prev = prior.deltaHash
	}
	resp.DeltaIndex = next.deltaIndex
	if req.Kind == enclave.KindDeploy || count > 0 {
		resp.Delta, resp.DeltaHash, err = encryptDelta(stateKey, req.Contract, next.deltaIndex, prev, count, ops, t.ivFor(ivDelta))
		if err == nil {
			next.deltaHash = resp.DeltaHash
			resp.State, err = encryptState(stateKey, req.Contract, resp.CodeHash, next, t.ivFor(ivState))
			t.states.next = next
		}
		if err != nil {
			return t.fail(api.CodeUnknown, "encrypt state: "+err.Error(), res.GasUsed)
		}
	} else if prior != nil {
		resp.DeltaIndex = prior.deltaIndex
	}

	resp.Status = enclave.TaskSuccess
	if req.Batched {
		// The batch's signature covers the task's leaf; a receipt of its
		// own would only cost a signature on the hot path.
		return resp, nil
	}
	var h [32]byte
	if req.Kind == enclave.KindDeploy {
		h = compat.DeployReceiptHash(req.InputsHash, resp.CodeHash, resp.DeltaHash, req.GasLimit, resp.GasUsed, resp.EthPayload, common.Address(resp.EthAddress))
	} else {
		h = compat.ComputeReceiptHash(resp.CodeHash, req.InputsHash, req.PrevDeltaHash, resp.DeltaHash, resp.OutputHash,
			req.GasLimit, resp.GasUsed, resp.EthPayload, common.Address(resp.EthAddress))
	}
	if resp.Signature, err = t.w.sign(h); err != nil {
		return nil, err
	}
	return resp, nil
}

// runVM runs the contract. A panic in the VM is a system error of this
// task, not of the enclave: it becomes a failure receipt (the original left
// such tasks without one) and the enclave keeps serving.
func (t *task) runVM(ctx context.Context, r vm.Request) (res vm.Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			t.w.cfg.logger().Error("the VM panicked; the task gets a failure receipt", "task", t.req.TaskID, "panic", fmt.Sprint(p))
			res, err = vm.Result{}, api.Errorf(api.CodeUnknown, "internal error while running the contract; the task was not executed")
		}
	}()
	return t.w.cfg.Runner.Run(ctx, t.req.Code, r)
}

// fail turns the task into a signed failure receipt. msg is the error text
// the user reads (encrypted to them when their key is known).
func (t *task) fail(code api.Code, msg string, gasUsed uint64) (*enclave.ExecuteResponse, error) {
	req := t.req
	resp := &enclave.ExecuteResponse{
		TaskID: req.TaskID, Kind: req.Kind, Status: enclave.TaskFailure, FailureCode: uint32(code),
		InputsHash: req.InputsHash, PreCodeHash: t.resp.PreCodeHash, CodeHash: t.resp.CodeHash,
		PrevDeltaHash: t.resp.PrevDeltaHash, GasLimit: req.GasLimit, GasUsed: gasUsed,
	}
	if t.io.seal != nil {
		out, err := t.io.seal([]byte(msg))
		if err != nil {
			return nil, api.Errorf(api.CodeUnknown, "sim: encrypt failure text: %w", err)
		}
		resp.Output = out
	} else {
		resp.Output = []byte(FailureMarker)
	}
	resp.OutputHash = compat.Keccak256(resp.Output)
	t.states.next = nil // a failure leaves the state as it was
	t.w.cfg.logger().Debug("task failed", "task", req.TaskID, "code", int(code), "gas_used", gasUsed)
	if req.Batched {
		return resp, nil // the batch's signature covers it
	}
	var h [32]byte
	if req.Kind == enclave.KindDeploy {
		h = compat.DeployFailureReceiptHash(req.InputsHash, req.GasLimit, gasUsed)
	} else {
		h = compat.ComputeFailureReceiptHash(req.InputsHash, resp.CodeHash, req.GasLimit, gasUsed)
	}
	sig, err := t.w.sign(h)
	if err != nil {
		return nil, err
	}
	resp.Signature = sig
	return resp, nil
}
