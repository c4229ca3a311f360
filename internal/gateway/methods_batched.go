package gateway

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/workerapi"
)

// Batched path methods (docs/protocol/batched.md § 2). Like the other v2
// methods they answer plain JSON-RPC results, hex without 0x.
const (
	methodSendBatched = "v2_sendBatchedTask"
	methodGetBatched  = "v2_getBatchedTask"
)

// errNoBatched answers the batched methods when the Backend does not serve
// them: "method not found", so a client can send its task on the per-task
// path instead.
func errNoBatched(method string) *rpcError {
	return &rpcError{Code: codeMethodNotFound,
		Message: fmt.Sprintf("this node does not serve batched tasks (%s): send the task with a task record (v2_sendTask)", method)}
}

func (s *Server) addBatchedMethods() {
	s.methods[methodSendBatched] = s.v2SendBatchedTask
	s.methods[methodGetBatched] = s.v2GetBatchedTask
}

// decodeStrict is decodeParams that also refuses members the method does
// not know: a batched task has no deploy, pre-code or user key, and a
// member spelled wrong must not pass for a missing optional one.
func decodeStrict(raw json.RawMessage, into any) error {
	raw = json.RawMessage(bytes.TrimSpace(raw))
	if len(raw) == 0 || raw[0] != '{' {
		return invalidParams("params must be an object with named members")
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(into); err != nil {
		return invalidParams("cannot read params: %v", err)
	}
	if dec.More() {
		return invalidParams("cannot read params: data after the params object")
	}
	return nil
}

// batchedSendParams are the members of a v2_sendBatchedTask call.
type batchedSendParams struct {
	TaskID          string  `json:"taskId"`
	WorkerAddress   string  `json:"workerAddress"`
	ContractAddress string  `json:"contractAddress"`
	Request         string  `json:"request"`
	Sender          string  `json:"sender"`
	TaskNonce       *uint64 `json:"taskNonce"`
	GasLimit        *uint64 `json:"gasLimit"`
	GasPx           *uint64 `json:"gasPx"`
	Signature       string  `json:"signature"`
}

// v2SendBatchedTask answers {accepted: true} once the worker stored the
// task.
func (s *Server) v2SendBatchedTask(ctx context.Context, raw json.RawMessage) (any, error) {
	var p batchedSendParams
	if err := decodeStrict(raw, &p); err != nil {
		return nil, err
	}
	req, err := p.parse()
	if err != nil {
		return nil, err
	}
	b, ok := s.backend.(BatchedBackend)
	if !ok {
		return nil, errNoBatched(methodSendBatched)
	}
	if err := b.SubmitBatched(ctx, req); err != nil {
		return nil, err
	}
	return map[string]bool{"accepted": true}, nil
}

// parse checks every member's presence and shape. What needs the chain or
// the enclave (the id follows from sender and nonce, the signature
// recovers to the sender, the balance covers the fee) the worker checks.
func (p *batchedSendParams) parse() (*workerapi.BatchedRequest, error) {
	r := &workerapi.BatchedRequest{}
	var err error
	if r.TaskID, err = hashField("taskId", p.TaskID); err != nil {
		return nil, err
	}
	if r.Worker, err = addressField("workerAddress", p.WorkerAddress); err != nil {
		return nil, err
	}
	if r.ContractAddress, err = hashField("contractAddress", p.ContractAddress); err != nil {
		return nil, err
	}
	if r.Sender, err = addressField("sender", p.Sender); err != nil {
		return nil, err
	}
	for _, f := range []struct {
		name, what string
		v          *uint64
		min        uint64
		into       *uint64
	}{
		{"taskNonce", "the random 64-bit nonce the task id is derived from", p.TaskNonce, 0, &r.TaskNonce},
		{"gasLimit", "the most gas the task may use", p.GasLimit, workerapi.MinBatchedGasLimit, &r.GasLimit},
		{"gasPx", "the fee per unit of gas, in ENG grains", p.GasPx, 1, &r.GasPx},
	} {
		if f.v == nil {
			return nil, invalidParams("missing parameter %q (%s, a JSON number)", f.name, f.what)
		}
		if *f.v < f.min {
			return nil, invalidParams("parameter %q must be at least %d", f.name, f.min)
		}
		*f.into = *f.v
	}
	if r.Request, err = hexField("request", p.Request, -1, v2MinRequestSize); err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(r.Request, v2RequestPrefix) {
		return nil, invalidParams(`parameter "request" is not an envelope v2 request (it must start with %x)`, v2RequestPrefix)
	}
	if len(r.Request) > workerapi.MaxBatchedRequest {
		return nil, invalidParams(`parameter "request" is %d bytes, more than the %d a batched task may have (a call of at most %d bytes, docs/protocol/batched.md): send a larger call with a task record (v2_sendTask)`, len(r.Request), workerapi.MaxBatchedRequest, workerapi.MaxBatchedPayload-4)
	}
	sig, err := hexField("signature", p.Signature, 65, 0)
	if err != nil {
		return nil, err
	}
	if v := sig[64]; v != 0 && v != 1 && v != 27 && v != 28 {
		return nil, invalidParams(`parameter "signature" has recovery id v=%d; a signature is r‖s‖v with v 27 or 28 (or 0 or 1)`, v)
	}
	r.Signature = [65]byte(sig)
	return r, nil
}

// v2GetBatchedTask answers {taskId, workerAddress?} with what the worker
// reports of the task (batchedJSON). A task no worker has seen is an error
// with api.CodeNotFound.
func (s *Server) v2GetBatchedTask(ctx context.Context, raw json.RawMessage) (any, error) {
	var p struct {
		TaskID        string `json:"taskId"`
		WorkerAddress string `json:"workerAddress"`
	}
	if err := decodeStrict(raw, &p); err != nil {
		return nil, err
	}
	id, err := hashField("taskId", p.TaskID)
	if err != nil {
		return nil, err
	}
	var worker api.EthAddress
	if p.WorkerAddress != "" {
		if worker, err = addressField("workerAddress", p.WorkerAddress); err != nil {
			return nil, err
		}
	}
	b, ok := s.backend.(BatchedBackend)
	if !ok {
		return nil, errNoBatched(methodGetBatched)
	}
	t, err := b.BatchedTask(ctx, worker, id)
	if err != nil {
		return nil, err
	}
	if t == nil {
		return nil, api.Errorf(api.CodeNotFound, "no worker reachable from this gateway has batched task %s: check the id (a batched task's id follows from its sender and nonce, it has no task record), or retry if its worker is restarting", id)
	}
	return batchedJSON(t), nil
}

// batchedJSON is v2_getBatchedTask's result: hex without 0x for byte
// strings, JSON numbers for counters and gas, the fee as a decimal string
// (it is a uint256). Members appear as the status gives them meaning:
// error and code for a failed task; the batch, position, epoch, leaf
// fields and output from in_batch on; the proof, root and block once
// committed.
func batchedJSON(t *workerapi.BatchedTask) map[string]any {
	out := map[string]any{
		"taskId":   hex.EncodeToString(t.TaskID[:]),
		"contract": hex.EncodeToString(t.Contract[:]),
		"status":   string(t.Status),
	}
	switch t.Status {
	case workerapi.BatchedFailed:
		out["error"] = t.Error
		if t.Code != 0 {
			out["code"] = t.Code
		}
		return out
	case workerapi.BatchedInBatch, workerapi.BatchedCommitted:
	default:
		return out
	}
	out["batchIndex"] = t.BatchIndex
	out["position"] = t.Position
	out["epoch"] = t.Epoch
	out["inputsHash"] = hex.EncodeToString(t.InputsHash[:])
	out["outputHash"] = hex.EncodeToString(t.OutputHash[:])
	out["deltaHash"] = hex.EncodeToString(t.DeltaHash[:])
	out["gasUsed"] = t.GasUsed
	out["fee"] = new(big.Int).SetBytes(t.Fee[:]).String()
	out["taskFailed"] = t.TaskFailed
	out["output"] = hex.EncodeToString(t.Output)
	if t.Status == workerapi.BatchedCommitted {
		proof := make([]string, len(t.Proof))
		for i, p := range t.Proof {
			proof[i] = hex.EncodeToString(p[:])
		}
		out["proof"] = proof
		out["root"] = hex.EncodeToString(t.Root[:])
		out["block"] = t.Block
	}
	return out
}
