package gateway

import (
	"context"
	"github.com/enigma-go/enigma/internal/workerapi"

	"github.com/enigma-go/enigma/api"
)

// Backend executes what the gateway receives. Implementations must be safe
// for concurrent use and must honour ctx.
type Backend interface {
	// Info describes the node behind the gateway.
	Info(ctx context.Context) (workerapi.Info, error)
	// WorkerEncryptionKey asks the worker whose signing address is worker
	// for a task encryption key for userPubKey, signed by its enclave.
	WorkerEncryptionKey(ctx context.Context, worker api.EthAddress, userPubKey [64]byte) (workerapi.WorkerKey, error)
	// SubmitDeploy hands a deploy task to the selected worker. It returns
	// once the task is accepted (not executed).
	SubmitDeploy(ctx context.Context, req *workerapi.DeployRequest) error
	// SubmitCompute hands a compute task to the selected worker.
	SubmitCompute(ctx context.Context, req *workerapi.ComputeRequest) error
	// TaskResult reports what is known of a task. A task the network has
	// not seen yields (nil, nil).
	TaskResult(ctx context.Context, taskID api.TaskID) (*workerapi.TaskResult, error)
}

// V2Backend is implemented by backends that serve envelope v2 tasks
// (docs/protocol/envelope-v2.md). The gateway's v2 methods answer "not
// supported" when the Backend does not implement it.
type V2Backend interface {
	// EpochKey returns the envelope v2 public key of the worker whose
	// signing address is worker, for the current epoch, signed by its
	// enclave over envelope.WorkerKeyHash.
	EpochKey(ctx context.Context, worker api.EthAddress) (workerapi.EpochKey, error)
	// SubmitV2 hands a v2 deploy or compute task to the selected worker. It
	// returns once the task is accepted (not executed).
	SubmitV2(ctx context.Context, req *workerapi.V2Request) error
}

// BatchedBackend is implemented by backends that serve batched tasks
// (docs/protocol/batched.md). The gateway's batched methods answer "method
// not found" when the Backend does not implement it.
type BatchedBackend interface {
	// SubmitBatched hands a batched task to the worker req.Worker names.
	// It returns once the worker stored the task (not executed).
	SubmitBatched(ctx context.Context, req *workerapi.BatchedRequest) error
	// BatchedTask reports a batched task, asking worker first when it is
	// not zero. A task no reachable worker has seen yields (nil, nil).
	BatchedTask(ctx context.Context, worker api.EthAddress, id api.TaskID) (*workerapi.BatchedTask, error)
}
