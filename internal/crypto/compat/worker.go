package compat

import (
	"crypto/ecdsa"
	"io"

	"github.com/enigma-go/enigma/api"
	"github.com/ethereum/go-ethereum/common"
)

// TaskKey is a worker's encryption key pair for one user request, as
// getWorkerEncryptionKey hands it out: the public key, signed by the worker's
// signing key over WorkerKeyMessageHash.
type TaskKey struct {
	Private   *ecdsa.PrivateKey
	Public    [64]byte
	Signature [65]byte
}

// NewTaskKey creates a task key pair from rand and signs its public key
// with the worker's signing key.
func NewTaskKey(signingKey *ecdsa.PrivateKey, rand io.Reader) (*TaskKey, error) {
	k, err := GenerateKey(rand)
	if err != nil {
		return nil, err
	}
	pub := PublicKeyBytes(&k.PublicKey)
	sig, err := Sign(signingKey, WorkerKeyMessageHash(pub))
	if err != nil {
		return nil, err
	}
	return &TaskKey{Private: k, Public: pub, Signature: sig}, nil
}

// VerifyWorkerKey checks, as enigma-js does before it encrypts anything,
// that sig over workerPub recovers the selected worker's signing address.
// A mismatch fails with api.CodeBadSignature.
func VerifyWorkerKey(worker common.Address, workerPub [64]byte, sig []byte) error {
	got, err := Recover(WorkerKeyMessageHash(workerPub), sig)
	if err != nil {
		return err
	}
	if got != worker {
		return api.Errorf(api.CodeBadSignature,
			"compat: worker encryption key is signed by %s, not by the selected worker %s: ask the selected worker for its key", got, worker)
	}
	return nil
}

// OutputHash is keccak256 of an encrypted output, the outputHash a receipt
// commits to and enigma-js's verifyTaskOutput compares.
func OutputHash(encryptedOutput []byte) [32]byte { return Keccak256(encryptedOutput) }

// CodeHash is keccak256 of a contract's code: codeHash of the deployed code,
// preCodeHash of the raw (not gzipped) pre-code.
func CodeHash(code []byte) [32]byte { return Keccak256(code) }
