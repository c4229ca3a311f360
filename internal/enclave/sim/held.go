package sim

import (
	"context"
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/crypto/envelope"
	"github.com/enigma-go/enigma/internal/enclave"
)

// A held task (HoldTask) is what the enclave needs to open one task's
// inputs, sealed under the seal key to this enclave, this task and these
// inputs, so the host can keep it with the accepted task and run the task
// after a restart (docs/protocol/enclave.md, "HoldTask"):
//
//	"EGHELD1" ‖ AES-256-GCM(sealKey, body, aad = "enigma-go/enclave: held task v1" ‖ signer(20) ‖ taskId(32) ‖ inputsHash(32))
//
// body = u8 kind ‖ u8 envelope ‖ contract(32) ‖ u64 epoch ‖ u8 secret ‖ …
// with, by secret: 0 (the inputs did not open) u32 failureCode; 1 (compat)
// the task's AES key (32); 2 (v2) u64 chainId ‖ enigma(20) ‖ codeHash(32)
// ‖ sender(20) ‖ u64 nonce ‖ responseKey(32) ‖ bytes payload.
//
// For v2 it holds the opened request (the call and the response key the
// request exported), not the epoch's private key: the blob opens this one
// task and no other, and the epoch key is erased on schedule whatever
// blobs the host keeps.
const (
	heldMagic  = "EGHELD1"
	heldDomain = "enigma-go/enclave: held task v1"
)

// What a held task's secret is.
const (
	heldNone   uint8 = 0 // the inputs did not open; failure says why
	heldCompat uint8 = 1 // the task's compat AES key
	heldV2     uint8 = 2 // the opened v2 request
)

// heldTask is a held task, opened.
type heldTask struct {
	kind     enclave.TaskKind
	envelope enclave.EnvelopeVersion
	contract api.ContractAddress
	epoch    uint64
	secret   uint8
	failure  api.Code
	aes      [32]byte
	context  envelope.Context // v2: the context the request opened under
	rk       envelope.ResponseKey
	payload  []byte

	requester [32]byte // compat: who asked for the key (not sealed)
	keyID     api.Hash // compat: the consumed key's id (not sealed)
	keyEpoch  uint64   // compat: the epoch the consumed key was issued in (not sealed)
}

// erase zeroes the task's secrets.
func (h *heldTask) erase() {
	clear(h.aes[:])
	clear(h.rk[:])
	clear(h.payload)
}

func (w *Worker) heldAAD(id api.TaskID, inputsHash api.Hash) []byte {
	return buf(heldDomain).raw(w.address[:]).raw(id[:]).raw(inputsHash[:])
}

func (h *heldTask) body() buf {
	b := buf(nil).u8(uint8(h.kind)).u8(uint8(h.envelope)).raw(h.contract[:]).u64(h.epoch).u8(h.secret)
	switch h.secret {
	case heldNone:
		b = b.u32(uint32(h.failure))
	case heldCompat:
		b = b.raw(h.aes[:])
	case heldV2:
		c := h.context
		b = b.u64(c.ChainID).raw(c.EnigmaContract[:]).raw(c.CodeHash[:]).raw(c.Sender[:]).u64(c.TaskNonce).raw(h.rk[:]).bytes(h.payload)
	}
	return b
}

func parseHeld(body []byte) (*heldTask, bool) {
	r := &reader{b: body}
	h := &heldTask{kind: enclave.TaskKind(r.u8()), envelope: enclave.EnvelopeVersion(r.u8())}
	r.raw(h.contract[:])
	h.epoch = r.u64()
	h.secret = r.u8()
	switch h.secret {
	case heldNone:
		h.failure = api.Code(r.u32())
	case heldCompat:
		r.raw(h.aes[:])
	case heldV2:
		c := &h.context
		c.ChainID = r.u64()
		r.raw(c.EnigmaContract[:])
		r.raw(c.CodeHash[:])
		r.raw(c.Sender[:])
		c.TaskNonce = r.u64()
		r.raw(h.rk[:])
		h.payload = r.bytes()
		c.SecretContract, c.Epoch = h.contract, h.epoch
	default:
		return nil, false
	}
	return h, r.done()
}

// HoldTask implements enclave.Enclave.
func (w *Worker) HoldTask(ctx context.Context, req *enclave.HoldTaskRequest) (*enclave.HeldTask, error) {
	t := &req.Task
	if t.Batched {
		return nil, api.Errorf(api.CodeInvalidInput, "sim: batched tasks are not held: they have no task record to resume, and a restart voids their pending batch")
	}
	if err := checkExecuteRequest(t); err != nil {
		return nil, err
	}
	if got := heldInputsHash(t, req.CodeHash); got != t.InputsHash {
		return nil, api.Errorf(api.CodeInputsMismatch, "sim: the inputs of task %s hash to %s, not the inputs hash %s it came with: send the inputs and code hash of the task record", t.TaskID, got, t.InputsHash)
	}
	if err := w.keys.hold(t.TaskID, t.Epoch); err != nil {
		return nil, err
	}
	h := &heldTask{kind: t.Kind, envelope: t.Envelope, contract: t.Contract, epoch: t.Epoch}
	defer h.erase()
	if t.Envelope == enclave.EnvelopeV2 {
		w.holdV2(h, t, req.CodeHash)
	} else {
		w.holdCompat(h, t)
	}
	body := h.body()
	defer clear(body)
	ct, err := seal(w.sealKey, w.heldAAD(t.TaskID, t.InputsHash), body, w.cfg.rand())
	if err != nil {
		w.keys.unhold(t.TaskID)
		if h.secret == heldCompat {
			w.keys.add(t.UserPubKey, taskKey{epoch: h.keyEpoch, requester: h.requester, id: h.keyID, aes: h.aes}) // as if never held
		}
		return nil, api.Errorf(api.CodeUnknown, "sim: seal the held task: %w", err)
	}
	return &enclave.HeldTask{Blob: buf(heldMagic).raw(ct), ConsumedKey: h.keyID, ConsumedKeyEpoch: h.keyEpoch}, nil
}

// heldInputsHash is the inputs hash of a task as HoldTask gets it.
func heldInputsHash(t *enclave.ExecuteRequest, codeHash api.Hash) api.Hash {
	if t.Envelope == enclave.EnvelopeV2 {
		return envelope.InputsHash(t.EncryptedFn)
	}
	x := t.Contract[:]
	if t.Kind == enclave.KindDeploy {
		x = codeHash[:]
	}
	return compat.InputsHash(t.EncryptedFn, t.EncryptedArgs, x, t.UserPubKey[:])
}

// holdCompat takes the task's key out of the outstanding keys into h.
func (w *Worker) holdCompat(h *heldTask, t *enclave.ExecuteRequest) {
	if len(t.EncryptedFn) < compat.Overhead {
		h.secret, h.failure = heldNone, api.CodeBadEnvelope
		return
	}
	k, _, ok := w.keys.findKey(t.UserPubKey, t.EncryptedFn)
	if !ok {
		h.secret, h.failure = heldNone, api.CodeWrongKey
		return
	}
	h.secret, h.aes, h.requester, h.keyID, h.keyEpoch = heldCompat, k.aes, k.requester, k.id, k.epoch
}

// holdV2 opens the task's v2 request into h with its epoch's key.
func (w *Worker) holdV2(h *heldTask, t *enclave.ExecuteRequest, codeHash api.Hash) {
	h.context = envelope.Context{
		ChainID: t.ChainID, EnigmaContract: common.Address(t.EnigmaContract), SecretContract: t.Contract,
		CodeHash: codeHash, Epoch: t.Epoch, Sender: common.Address(t.Sender), TaskNonce: t.TaskNonce,
	}
	payload, rk, err := w.ring.OpenRequest(h.context, t.EncryptedFn)
	if err != nil {
		h.secret, h.failure = heldNone, api.CodeOf(err)
		return
	}
	h.secret, h.rk, h.payload = heldV2, rk, payload
}

// openHeld opens req.Held for req's task: it must be this enclave's blob of
// this task and inputs, unaltered, and name the task's kind, envelope,
// contract and epoch.
func (w *Worker) openHeld(req *enclave.ExecuteRequest) (*heldTask, error) {
	tampered := func(why string) error {
		return api.Errorf(api.CodeTampered, "sim: the held blob of task %s %s; pass the blob this enclave's HoldTask returned for this task", req.TaskID, why)
	}
	b := req.Held
	if len(b) < len(heldMagic) || string(b[:len(heldMagic)]) != heldMagic {
		return nil, tampered("is not a held task blob (bad magic)")
	}
	body, ok := open(w.sealKey, w.heldAAD(req.TaskID, req.InputsHash), b[len(heldMagic):])
	if !ok {
		return nil, tampered("does not open on this enclave for this task and inputs hash: another task's or enclave's blob, or altered")
	}
	defer clear(body)
	h, ok := parseHeld(body)
	if !ok {
		return nil, tampered("is malformed")
	}
	if h.kind != req.Kind || h.envelope != req.Envelope || h.contract != req.Contract || h.epoch != req.Epoch {
		h.erase()
		return nil, tampered(fmt.Sprintf("names kind %d, envelope %d, contract %s, epoch %d, not the request's", h.kind, h.envelope, h.contract, h.epoch))
	}
	return h, nil
}

// decryptHeld opens the task's inputs with its held secret, as decryptInputs
// or decryptV2 would have when the task was held.
func (t *task) decryptHeld(h *heldTask) (fn, args []byte, fail func() (*enclave.ExecuteResponse, error)) {
	failWith := func(code api.Code) (_, _ []byte, fail func() (*enclave.ExecuteResponse, error)) {
		return nil, nil, func() (*enclave.ExecuteResponse, error) { return t.fail(code, "", 0) }
	}
	switch h.secret {
	case heldCompat:
		pt, err := compat.Decrypt(h.aes, t.req.EncryptedFn)
		if err != nil {
			return failWith(api.CodeWrongKey)
		}
		t.useCompatKey(h.aes, func() {}) // the blob still holds the key
		return t.openArgs(h.aes, pt)
	case heldV2:
		if t.v2Context() != h.context {
			// Not the context it opened under (other code, another
			// sender): as opening it under this one would have failed.
			return failWith(api.CodeTampered)
		}
		return t.openCall(h.context, h.rk, append([]byte(nil), h.payload...))
	default:
		return failWith(h.failure)
	}
}
