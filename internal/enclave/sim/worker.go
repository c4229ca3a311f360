package sim

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"sync"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/crypto/envelope"
	"github.com/enigma-go/enigma/internal/enclave"
)

// Worker is the simulated worker enclave. It is safe for concurrent use.
type Worker struct {
	*base
	keys  *keyBook
	ivKey [32]byte // derives the synthetic IVs of a task's ciphertexts (iv.go)

	ringMu sync.Mutex // orders EpochKey's check-then-rotate
	ring   *envelope.KeyRing

	batchMu sync.Mutex
	batches batchBook

	pendingMu sync.Mutex
	pending   map[[16]byte]pendingRequest // outstanding state key requests
}

// pendingRequest is a state key request awaiting the key manager's reply.
type pendingRequest struct {
	hash      api.Hash
	ephemeral *ecdsa.PrivateKey
	contracts []api.ContractAddress
}

// maxPendingRequests bounds the outstanding state key requests; the oldest
// are forgotten first (their replies are then refused).
const maxPendingRequests = 256

var _ enclave.Enclave = (*Worker)(nil)

// NewWorker starts a simulated worker enclave: it unseals cfg.Sealed or
// draws a new signing key.
func NewWorker(cfg Config) (*Worker, error) {
	if cfg.Runner == nil {
		return nil, errors.New("sim: invalid config: Runner is nil: give the VM runner (sim.NewVMRunner)")
	}
	b, err := newBase(cfg, roleWorker)
	if err != nil {
		return nil, err
	}
	b.cfg.logger().Info("worker enclave started", "signer", b.address, "state_keys", len(b.stateKeys), "simulated", true)
	rc := envelope.DefaultKeyRingConfig()
	rc.Keep = cfg.KeepEpochs - 1
	rc.Logger = cfg.Logger
	ring, err := envelope.NewKeyRing(rc, cfg.rand())
	if err != nil {
		return nil, fmt.Errorf("sim: v2 key ring: %w", err)
	}
	keys := newKeyBook(keyBookLimits{perUser: cfg.MaxTaskKeysPerUser, perRequester: cfg.MaxTaskKeysPerRequester, total: cfg.MaxTaskKeys,
		keepEpochs: cfg.KeepEpochs, keepRunEpochs: cfg.KeepRunEpochs, maxTasks: cfg.MaxRememberedTasks})
	return &Worker{base: b, keys: keys, ivKey: deriveIVKey(b.sealKey), ring: ring, pending: map[[16]byte]pendingRequest{},
		batches: newBatchBook()}, nil
}

// Address is the enclave's signing address.
func (w *Worker) Address() api.EthAddress { return w.address }

// Close erases the enclave's keys (call Seal first to keep them): task
// keys, v2 epoch keys and state keys, and the batches awaiting a
// signature. The signing key stays, so the enclave still answers
// Registration and Seal.
func (w *Worker) Close() error {
	w.ring.EraseAll()
	w.eraseBatches()
	w.eraseStateKeys()
	w.keys.eraseAll()
	return nil
}

var _ enclave.Closer = (*Worker)(nil)

// NewTaskKey implements enclave.Enclave.
func (w *Worker) NewTaskKey(ctx context.Context, req *enclave.TaskKeyRequest) (*enclave.TaskKeyResponse, error) {
	user, err := compat.ParsePublicKey(req.UserPubKey[:])
	if err != nil {
		return nil, api.Errorf(api.CodeInvalidInput, "sim: the user public key is not a secp256k1 point: %v; send the 64-byte X‖Y key of the task key pair", err)
	}
	priv, err := compat.GenerateKey(w.cfg.rand())
	if err != nil {
		return nil, api.Errorf(api.CodeUnknown, "sim: generate task key: %w", err)
	}
	pub := compat.PublicKeyBytes(&priv.PublicKey)
	aesKey := compat.DeriveKey(priv, user)
	// The private key is not kept: only the shared AES key is ever needed.
	priv.D.SetInt64(0)
	sig, err := w.sign(compat.WorkerKeyMessageHash(pub))
	if err != nil {
		return nil, err
	}
	k := taskKey{epoch: req.Epoch, requester: req.Requester, id: enclave.IssuedKeyID(pub[:]), aes: aesKey}
	sealed, err := w.sealTaskKey(req.UserPubKey, k)
	if err != nil {
		clear(aesKey[:])
		return nil, err
	}
	w.keys.add(req.UserPubKey, k)
	return &enclave.TaskKeyResponse{WorkerPubKey: pub, Signature: sig, Sealed: sealed}, nil
}
