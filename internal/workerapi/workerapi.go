// Package workerapi holds the types a worker serves and its clients (the
// gateway, other workers, the p2p transport) exchange: task requests, task
// keys and results. The gateway depends on it, and so does the worker; the
// gateway does not import the worker, nor the worker the gateway.
package workerapi

import (
	"context"

	"github.com/enigma-go/enigma/api"
)

// Info answers getInfo.
type Info struct {
	PeerID string `json:"peerId"`
	Status string `json:"status"`
}

// WorkerKey is a worker enclave's task encryption key and its signature by
// the worker's signing key.
type WorkerKey struct {
	PublicKey [64]byte
	Signature []byte // 65 bytes r||s||v
}

// DeployRequest is a deploySecretContract call. The deploy task's id is the
// new contract's address.
type DeployRequest struct {
	ContractAddress api.ContractAddress
	Worker          api.EthAddress
	PreCode         []byte // the contract's wasm, un-gzipped
	EncryptedFn     []byte
	EncryptedArgs   []byte
	UserPubKey      [64]byte
}

// ComputeRequest is a sendTaskInput call.
type ComputeRequest struct {
	TaskID          api.TaskID
	Worker          api.EthAddress
	ContractAddress api.ContractAddress
	EncryptedFn     []byte
	EncryptedArgs   []byte
	UserPubKey      [64]byte
}

// TaskResult is what getTaskResult and getTaskStatus report.
type TaskResult struct {
	TaskID          api.TaskID
	Contract        api.ContractAddress // the secret contract; for a deploy, the task id
	Status          api.TaskStatus
	Output          []byte // encrypted output (or encrypted error text for a failure)
	Delta           *Delta // nil when the task wrote no state
	UsedGas         uint64
	EthereumPayload []byte
	EthereumAddress api.EthAddress
	Signature       []byte
	PreCodeHash     api.Hash // deploy tasks only
}

// Delta identifies the encrypted state delta a task produced.
type Delta struct {
	Index uint32
	Hash  api.Hash
	Data  []byte // encrypted
}

// EpochKey is a worker's envelope v2 key for one epoch.
type EpochKey struct {
	Epoch     uint64 // first block number of the selection epoch
	PublicKey []byte // ML-KEM-768 ‖ X25519, 1216 bytes
	Signature []byte // 65 bytes r||s||v over envelope.WorkerKeyHash
}

// V2Request is one envelope v2 task. Its task record on chain was created
// by Sender with nonce TaskNonce (TaskID = keccak256(Sender ‖ uint256
// TaskNonce)); the record's inputsHash is envelope.InputsHash(Request).
type V2Request struct {
	Deploy          bool
	TaskID          api.TaskID
	Worker          api.EthAddress
	ContractAddress api.ContractAddress // equal to TaskID for a deploy
	PreCode         []byte              // deploy only: the contract's wasm, un-gzipped
	Request         []byte              // the sealed v2 request (type 0x01)
	Sender          api.EthAddress
	TaskNonce       uint64
}

// requesterKey carries a call's requester in its context.
type requesterKey struct{}

// WithRequester returns ctx naming the requester of the call it serves.
func WithRequester(ctx context.Context, id [32]byte) context.Context {
	return context.WithValue(ctx, requesterKey{}, id)
}

// Requester is who made the call ctx serves, as the gateway tells it (a
// hash of the client's network address); zero when unknown. Workers bound
// the task keys they hold per requester.
func Requester(ctx context.Context) [32]byte {
	id, _ := ctx.Value(requesterKey{}).([32]byte)
	return id
}
