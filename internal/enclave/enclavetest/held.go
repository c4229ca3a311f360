package enclavetest

import (
	"bytes"
	"testing"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/crypto/envelope"
	"github.com/enigma-go/enigma/internal/enclave"
)

// hold has the worker hold a task as its host does when it accepts it.
func (h *host) hold(req *enclave.ExecuteRequest) []byte {
	h.t.Helper()
	b, err := h.holdErr(req)
	if err != nil {
		h.t.Fatalf("hold task %s: %v", req.TaskID, err)
	}
	return b
}

// holdErr is hold returning the error. The request is sent as it is known
// at accept time: no state, no code for a compute task.
func (h *host) holdErr(req *enclave.ExecuteRequest) ([]byte, error) {
	t := *req
	t.State, t.PrevDeltaHash, t.Held = nil, api.Hash{}, nil
	codeHash := compat.Keccak256(req.Code)
	if t.Kind == enclave.KindCompute {
		t.Code = nil
	}
	r, err := h.Worker.HoldTask(h.ctx, &enclave.HoldTaskRequest{Task: t, CodeHash: codeHash})
	if err != nil {
		return nil, err
	}
	h.record(enclave.TypeHeldTask, r)
	return r.Blob, nil
}

// restart seals the pair and starts it again from the sealed blobs and
// the same seal key files, as a host restarts after a crash.
func (h *host) restart() {
	h.t.Helper()
	ws, err := h.Worker.Seal(h.ctx, &enclave.SealRequest{})
	if err != nil {
		h.t.Fatal(err)
	}
	ks, err := h.KeyManager.Seal(h.ctx, &enclave.SealRequest{})
	if err != nil {
		h.t.Fatal(err)
	}
	h.record(enclave.TypeSealedState, ws)
	h.record(enclave.TypeSealedState, ks)
	h.start.Sealed = Sealed{Worker: ws.Blob, KeyManager: ks.Blob}
	h.startPairNoEpoch()
}

// testHoldTask: a held task runs with its blob, once; its key left the
// outstanding keys; a blob of another task, altered bytes and a second
// hold are refused.
func testHoldTask(t *testing.T, h *host) {
	u := h.newUser()
	c := h.deploy(u, h.secret(24))
	key := h.taskKey(u)
	secret := h.secret(24)
	req := h.task(enclave.KindCompute, c, u, key, "set(bytes)", secret)
	req.Held = h.hold(req)
	_, err := h.holdErr(req)
	wantCode(t, err, api.CodeReplay) // held once per lifetime

	// Blobs of other tasks, altered blobs: refused, and nothing is spent.
	otherKey := h.taskKey(u)
	other := h.task(enclave.KindCompute, c, u, otherKey, "get()", nil)
	other.Held = h.hold(other)
	swapped := *req
	swapped.Held = other.Held
	_, err = h.Worker.Execute(h.ctx, &swapped)
	wantCode(t, err, api.CodeTampered)
	for _, i := range []int{0, len(req.Held) / 2, len(req.Held) - 1} {
		bad := *req
		bad.Held = bytes.Clone(req.Held)
		bad.Held[i] ^= 1
		_, err = h.Worker.Execute(h.ctx, &bad)
		wantCode(t, err, api.CodeTampered)
	}
	bad := *req
	bad.Held = req.Held[:len(req.Held)-1]
	_, err = h.Worker.Execute(h.ctx, &bad)
	wantCode(t, err, api.CodeTampered)
	// The blob names its contract and kind: another contract's request is refused.
	moved := *req
	moved.Contract = api.Hash{0x77}
	h.rehash(&moved)
	moved.Held = req.Held
	_, err = h.Worker.Execute(h.ctx, &moved)
	wantCode(t, err, api.CodeTampered)

	r := h.execute(req)
	if r.Status != enclave.TaskSuccess || !bytes.Equal(h.output(key, r), secret) {
		t.Fatalf("held task: status %d code %d", r.Status, r.FailureCode)
	}
	_, err = h.Worker.Execute(h.ctx, req)
	wantCode(t, err, api.CodeReplay) // executed once per lifetime
	_, err = h.holdErr(req)
	wantCode(t, err, api.CodeReplay)

	// The key it took is no longer outstanding: the same inputs under a
	// new task id (another task record) do not open.
	copied := *req
	copied.TaskID, copied.Held = h.newTaskID(), nil
	copied.State, copied.PrevDeltaHash = h.contract[c].state, h.contract[c].lastDelta
	if r := h.execute(&copied); r.Status != enclave.TaskFailure || api.Code(r.FailureCode) != api.CodeWrongKey {
		t.Fatalf("inputs of a held task under another task id: status %d code %d, want a CodeWrongKey failure", r.Status, r.FailureCode)
	}
	// The other held task still runs.
	other.State, other.PrevDeltaHash = h.contract[c].state, h.contract[c].lastDelta
	if r := h.execute(other); r.Status != enclave.TaskSuccess || !bytes.Equal(h.output(otherKey, r), secret) {
		t.Fatalf("second held task: status %d code %d", r.Status, r.FailureCode)
	}

	// Inputs no key opens are held too; their blob gives the failure receipt.
	stranger := h.newUser()
	lost := h.task(enclave.KindCompute, c, stranger, [32]byte{1}, "get()", nil)
	lost.Held = h.hold(lost)
	if r := h.execute(lost); r.Status != enclave.TaskFailure || api.Code(r.FailureCode) != api.CodeWrongKey {
		t.Fatalf("held task no key opens: status %d code %d", r.Status, r.FailureCode)
	}
	// Batched tasks are not held.
	batched := *req
	batched.TaskID, batched.Batched = h.newTaskID(), true
	_, err = h.holdErr(&batched)
	wantCode(t, err, api.CodeInvalidInput)
	// A task whose inputs are not its inputs hash is refused.
	mismatched := h.task(enclave.KindCompute, c, u, h.taskKey(u), "get()", nil)
	mismatched.InputsHash[0] ^= 1
	_, err = h.holdErr(mismatched)
	wantCode(t, err, api.CodeInputsMismatch)
}

// testHeldTaskSurvivesRestart: tasks held before the enclave restarts run
// after it (compat and v2, the v2 one after its epoch key was erased); a
// task run again by the restarted enclave on the same state gives the very
// same receipt, not a second one; another enclave cannot open the blob.
func testHeldTaskSurvivesRestart(t *testing.T, h *host) {
	ek, err := h.Worker.EpochKey(h.ctx, &enclave.EpochKeyRequest{Epoch: epochBlock, ChainID: v2Chain, EnigmaContract: v2Enigma})
	if err != nil {
		t.Fatal(err)
	}
	u := h.newUser()
	c := h.deploy(u, h.secret(24))
	key := h.taskKey(u)
	secret := h.secret(24)
	first := h.task(enclave.KindCompute, c, u, key, "set(bytes)", secret)
	first.Held = h.hold(first)
	v2, rk, v2ctx := h.v2Task(enclave.KindCompute, c, ek.PublicKey, api.EthAddress{0xab}, 1, "get()", nil)
	v2.Held = h.hold(v2)
	wrongCode, _, _ := h.v2Task(enclave.KindCompute, c, ek.PublicKey, api.EthAddress{0xab}, 2, "get()", nil)
	wrongCode.Code = []byte("other code") // held with another code hash than the one it runs with
	wrongCode.Held = h.hold(wrongCode)
	wrongCode.Code = h.contract[c].code

	r1, err := h.Worker.Execute(h.ctx, first)
	if err != nil {
		t.Fatal(err)
	}
	h.record(enclave.TypeExecuteResponse, r1)
	h.checkReceipt(first, r1)

	// The host crashes before it stores the receipt; the enclave restarts.
	h.restart()
	r2, err := h.Worker.Execute(h.ctx, first)
	if err != nil {
		t.Fatalf("held task after a restart: %v", err)
	}
	h.record(enclave.TypeExecuteResponse, r2)
	if !bytes.Equal(enclave.Marshal(enclave.TypeExecuteResponse, r1), enclave.Marshal(enclave.TypeExecuteResponse, r2)) {
		t.Fatal("a held task run again on the same state gave another receipt")
	}
	_, err = h.Worker.Execute(h.ctx, first)
	wantCode(t, err, api.CodeReplay)
	h.commit(first, r2)
	if !bytes.Equal(h.output(key, r2), secret) {
		t.Fatal("held task after a restart: wrong output")
	}

	// The v2 task runs even once its epoch key is erased: the blob holds
	// its opened request, not the key.
	for e := uint64(1); e <= 5; e++ {
		if _, err := h.Worker.EpochKey(h.ctx, &enclave.EpochKeyRequest{Epoch: epochBlock + 100*e, ChainID: v2Chain, EnigmaContract: v2Enigma}); err != nil {
			t.Fatal(err)
		}
	}
	v2.State, v2.PrevDeltaHash = h.contract[c].state, h.contract[c].lastDelta
	r := h.execute(v2)
	if out, err := envelope.OpenResponse(rk, v2ctx, r.Output); r.Status != enclave.TaskSuccess || err != nil || !bytes.Equal(out, secret) {
		t.Fatalf("held v2 task after a restart: status %d code %d, open %v", r.Status, r.FailureCode, err)
	}
	wrongCode.State, wrongCode.PrevDeltaHash = h.contract[c].state, h.contract[c].lastDelta
	if r := h.execute(wrongCode); r.Status != enclave.TaskFailure || api.Code(r.FailureCode) != api.CodeTampered {
		t.Fatalf("v2 task held under another code hash: status %d code %d, want a CodeTampered failure", r.Status, r.FailureCode)
	}

	// Another enclave (another seal key and identity) cannot open the blob.
	key2 := h.taskKey(u)
	late := h.task(enclave.KindCompute, c, u, key2, "get()", nil)
	late.Held = h.hold(late)
	h.start = Start{Dir: t.TempDir()}
	h.startPair()
	_, err = h.Worker.Execute(h.ctx, late)
	wantCode(t, err, api.CodeTampered)
}

// commit stores a receipt as the host does (execute's bookkeeping).
func (h *host) commit(req *enclave.ExecuteRequest, r *enclave.ExecuteResponse) {
	if r.Status == enclave.TaskSuccess && !r.DeltaHash.IsZero() {
		c := h.contract[req.Contract]
		c.state, c.lastDelta, c.index = r.State, r.DeltaHash, r.DeltaIndex
	}
}
