package sim

import (
	"context"
	"fmt"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/envelope"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/ethereum/go-ethereum/common"
)

// EpochKey implements enclave.Enclave: the envelope v2 key of an epoch.
// A newer epoch rotates the ring (erasing keys older than the ones kept);
// an older epoch is answered only while its key is kept.
func (w *Worker) EpochKey(ctx context.Context, req *enclave.EpochKeyRequest) (*enclave.EpochKeyResponse, error) {
	w.ringMu.Lock()
	cur, _, started := w.ring.Current()
	var pub, sealed []byte
	var err error
	if !started || req.Epoch > cur {
		pub, err = w.ring.Rotate(req.Epoch)
	} else {
		pub, err = w.ring.PublicKey(req.Epoch)
	}
	if err == nil && (!started || req.Epoch >= cur) {
		// A created or current key is sealed for the host to keep
		// (docs/protocol/enclave.md, "RestoreKeys"); an older kept one is
		// not: the host stored it when it was current.
		sealed, err = w.sealEpochKey(req.Epoch)
	}
	w.ringMu.Unlock()
	if err != nil {
		return nil, err
	}
	sig, err := w.sign(envelope.WorkerKeyHash(req.ChainID, common.Address(req.EnigmaContract), req.Epoch, pub))
	if err != nil {
		return nil, err
	}
	return &enclave.EpochKeyResponse{Epoch: req.Epoch, PublicKey: pub, Signature: sig, Sealed: sealed}, nil
}

// v2Context is the context a v2 request must be sealed to, built from the
// chain facts the host passed, never from the message.
func (t *task) v2Context() envelope.Context {
	req := t.req
	return envelope.Context{
		ChainID: req.ChainID, EnigmaContract: common.Address(req.EnigmaContract),
		SecretContract: req.Contract, CodeHash: t.resp.CodeHash, Epoch: req.Epoch,
		Sender: common.Address(req.Sender), TaskNonce: req.TaskNonce,
	}
}

// decryptV2 opens a v2 request with the epoch's key; the output is sealed
// under the response key exported from the request.
func (t *task) decryptV2() (fn, args []byte, fail func() (*enclave.ExecuteResponse, error)) {
	c := t.v2Context()
	payload, rk, err := t.w.ring.OpenRequest(c, t.req.EncryptedFn)
	if err != nil {
		return nil, nil, func() (*enclave.ExecuteResponse, error) {
			return t.fail(api.CodeOf(err), "", 0)
		}
	}
	return t.openCall(c, rk, payload)
}

// openCall makes the task's outputs go to the user under the response key
// of its v2 request and decodes the request's payload.
func (t *task) openCall(c envelope.Context, rk envelope.ResponseKey, payload []byte) (fn, args []byte, fail func() (*enclave.ExecuteResponse, error)) {
	t.io = taskIO{
		seal: func(pt []byte) ([]byte, error) {
			return envelope.SealResponse(rk, c, pt, t.iv(ivOutput, pt), envelope.Options{Pad: t.w.cfg.PadV2Responses})
		},
		restore: func() {}, // epoch keys are not single-use
	}
	name, a, err := envelope.DecodeCall(payload)
	if err != nil {
		return nil, nil, func() (*enclave.ExecuteResponse, error) {
			return t.fail(api.CodeOf(err), fmt.Sprintf("the v2 request's payload is not a call: %v", err), 0)
		}
	}
	return []byte(name), a, nil
}
