package enclavetest

import (
	"bytes"
	"testing"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/crypto/envelope"
	"github.com/enigma-go/enigma/internal/enclave"
)

// issuedTaskKey asks for a task key and returns the AES key the client
// derives and the response (with its sealed key).
func (h *host) issuedTaskKey(w enclave.Enclave, u *user) ([32]byte, *enclave.TaskKeyResponse) {
	h.t.Helper()
	resp, err := w.NewTaskKey(h.ctx, &enclave.TaskKeyRequest{UserPubKey: u.pub, Epoch: epochBlock})
	if err != nil {
		h.t.Fatalf("new task key: %v", err)
	}
	h.record(enclave.TypeTaskKeyResponse, resp)
	wpub, err := compat.ParsePublicKey(resp.WorkerPubKey[:])
	if err != nil {
		h.t.Fatal(err)
	}
	return compat.DeriveKey(u.priv, wpub), resp
}

// testIssuedKeysSurviveRestart: keys issued before the enclave restarts
// (a compat task key, the epoch's v2 key) come back from their sealed
// blobs, and tasks sealed to them run; a key a held task consumed names
// itself so the host can forget it; altered blobs and another enclave's
// are refused without stopping the others.
func testIssuedKeysSurviveRestart(t *testing.T, h *host) {
	ek, err := h.Worker.EpochKey(h.ctx, &enclave.EpochKeyRequest{Epoch: epochBlock, ChainID: v2Chain, EnigmaContract: v2Enigma})
	if err != nil {
		t.Fatal(err)
	}
	h.record(enclave.TypeEpochKeyResponse, ek)
	if len(ek.Sealed) == 0 {
		t.Fatal("the current epoch key came without its sealed blob")
	}
	u := h.newUser()
	c := h.deploy(u, h.secret(24))
	key, resp := h.issuedTaskKey(h.Worker, u)
	if len(resp.Sealed) == 0 {
		t.Fatal("a task key came without its sealed blob")
	}
	// A key a held task consumes is named, with its epoch.
	usedKey, usedResp := h.issuedTaskKey(h.Worker, u)
	used := h.task(enclave.KindCompute, c, u, usedKey, "get()", nil)
	t2 := *used
	t2.State, t2.PrevDeltaHash, t2.Code = nil, api.Hash{}, nil
	held, err := h.Worker.HoldTask(h.ctx, &enclave.HoldTaskRequest{Task: t2})
	if err != nil {
		t.Fatal(err)
	}
	h.record(enclave.TypeHeldTask, held)
	if held.ConsumedKey != enclave.IssuedKeyID(usedResp.WorkerPubKey[:]) || held.ConsumedKeyEpoch != epochBlock {
		t.Fatalf("HoldTask names consumed key %s of epoch %d, want %s of epoch %d", held.ConsumedKey, held.ConsumedKeyEpoch,
			enclave.IssuedKeyID(usedResp.WorkerPubKey[:]), epochBlock)
	}
	// Another enclave's blob.
	other := h.factory(t, Start{Dir: t.TempDir()})
	_, foreign := h.issuedTaskKey(other.Worker, u)
	altered := bytes.Clone(resp.Sealed)
	altered[len(altered)/2] ^= 1

	h.restart()
	r, err := h.Worker.RestoreKeys(h.ctx, &enclave.RestoreKeysRequest{Blobs: [][]byte{altered, foreign.Sealed, resp.Sealed, ek.Sealed, []byte("junk")}})
	if err != nil {
		t.Fatalf("restore keys: %v", err)
	}
	h.record(enclave.TypeRestoreKeysResponse, r)
	if r.Restored != 2 || r.Refused != 3 {
		t.Fatalf("restore keys: %+v, want 2 restored (the task key, the epoch key) and 3 refused (altered, another enclave's, junk)", r)
	}
	secret := h.secret(24)
	req := h.task(enclave.KindCompute, c, u, key, "set(bytes)", secret)
	if r := h.execute(req); r.Status != enclave.TaskSuccess || !bytes.Equal(h.output(key, r), secret) {
		t.Fatalf("task sealed to a task key issued before the restart: status %d code %d", r.Status, r.FailureCode)
	}
	v2, rk, v2ctx := h.v2Task(enclave.KindCompute, c, ek.PublicKey, api.EthAddress{0xab}, 1, "get()", nil)
	r2 := h.execute(v2)
	if out, err := envelope.OpenResponse(rk, v2ctx, r2.Output); r2.Status != enclave.TaskSuccess || err != nil || !bytes.Equal(out, secret) {
		t.Fatalf("v2 task sealed to the epoch key issued before the restart: status %d code %d, open %v", r2.Status, r2.FailureCode, err)
	}
	cur, err := h.Worker.EpochKey(h.ctx, &enclave.EpochKeyRequest{Epoch: epochBlock, ChainID: v2Chain, EnigmaContract: v2Enigma})
	if err != nil || !bytes.Equal(cur.PublicKey, ek.PublicKey) {
		t.Fatalf("the restored epoch key is not the epoch's key: %v", err)
	}
	h.record(enclave.TypeEpochKeyResponse, cur)
	// Restoring the same keys again takes nothing twice.
	if r, err := h.Worker.RestoreKeys(h.ctx, &enclave.RestoreKeysRequest{Blobs: [][]byte{ek.Sealed}}); err != nil || r.Restored != 0 {
		t.Fatalf("restoring a held epoch key again: %+v, %v; want it refused", r, err)
	}
}
