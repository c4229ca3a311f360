package gateway

import (
	"context"

	"github.com/enigma-go/enigma/api"
)

// Backend executes what the gateway receives. Implementations must be safe
// for concurrent use and must honour ctx.
type Backend interface {
	// Info describes the node behind the gateway.
	Info(ctx context.Context) (Info, error)
	// WorkerEncryptionKey asks the worker whose signing address is worker
	// for a task encryption key for userPubKey, signed by its enclave.
	WorkerEncryptionKey(ctx context.Context, worker api.EthAddress, userPubKey [64]byte) (WorkerKey, error)
	// SubmitDeploy hands a deploy task to the selected worker. It returns
	// once the task is accepted (not executed).
	SubmitDeploy(ctx context.Context, req *DeployRequest) error
	// SubmitCompute hands a compute task to the selected worker.
	SubmitCompute(ctx context.Context, req *ComputeRequest) error
	// TaskResult reports what is known of a task. A task the network has
	// not seen yields (nil, nil).
	TaskResult(ctx context.Context, taskID api.TaskID) (*TaskResult, error)
}

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

// V2Backend is implemented by backends that serve envelope v2 tasks
// (docs/protocol/envelope-v2.md). The gateway's v2 methods answer "not
// supported" when the Backend does not implement it.
type V2Backend interface {
	// EpochKey returns the envelope v2 public key of the worker whose
	// signing address is worker, for the current epoch, signed by its
	// enclave over envelope.WorkerKeyHash.
	EpochKey(ctx context.Context, worker api.EthAddress) (EpochKey, error)
	// SubmitV2 hands a v2 deploy or compute task to the selected worker. It
	// returns once the task is accepted (not executed).
	SubmitV2(ctx context.Context, req *V2Request) error
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
