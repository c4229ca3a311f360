package worker

import (
	"context"
	"github.com/enigma-go/enigma/internal/workerapi"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/state"
)

// Node is what the gateway and the other workers can ask of a worker: a
// *Worker in the same process, or a client of one in another process.
type Node interface {
	// Signer is the worker enclave's signing address, by which the chain's
	// worker selection and clients name it.
	Signer() api.EthAddress
	// TaskKey issues a task encryption key for a user (getWorkerEncryptionKey),
	// asked for by requester (workerapi.Requester): the enclave bounds the
	// keys each requester holds.
	TaskKey(ctx context.Context, userPubKey [64]byte, requester [32]byte) (workerapi.WorkerKey, error)
	// EpochKey returns the worker's envelope v2 key of the current epoch.
	EpochKey(ctx context.Context) (workerapi.EpochKey, error)
	// SubmitDeploy, SubmitCompute and SubmitV2 accept a task after checking
	// its task record on chain; they return before it runs.
	SubmitDeploy(ctx context.Context, req *workerapi.DeployRequest) error
	SubmitCompute(ctx context.Context, req *workerapi.ComputeRequest) error
	SubmitV2(ctx context.Context, req *workerapi.V2Request) error
	// SubmitBatched accepts a batched task (no task record on chain) after
	// checking its sender's signature, its epoch and that the sender's
	// locked balance covers it; it returns once the task is stored, before
	// it runs (docs/protocol/batched.md).
	SubmitBatched(ctx context.Context, req *workerapi.BatchedRequest) error
	// BatchedTask reports a batched task this worker accepted; (nil, nil)
	// when it has not seen it.
	BatchedTask(ctx context.Context, id api.TaskID) (*workerapi.BatchedTask, error)
	// Query answers a secret query sealed to this worker's epoch key
	// (docs/protocol/queries.md): read-only, no chain transaction.
	Query(ctx context.Context, req *workerapi.QueryRequest) (*workerapi.QueryResult, error)
	// TaskResult reports a task this worker accepted; (nil, nil) when it
	// has not seen it.
	TaskResult(ctx context.Context, id api.TaskID) (*workerapi.TaskResult, error)
	// ExportState returns a contract's deltas from index from on, its code
	// when from is 0, and its latest encrypted state, for state sync.
	ExportState(ctx context.Context, contract api.ContractAddress, from uint32) (*StateExport, error)
	// ProveIdentity has the worker's enclave answer a peer's identity
	// challenge: its signature (r‖s‖v) over enclave.PeerIdentityHash of
	// the network, nonce and transport (PeerVerifier checks it). A server
	// of the worker refuses a transport that is not its own.
	ProveIdentity(ctx context.Context, nonce [32]byte, transport []byte) ([65]byte, error)
}

// StateExport is what state sync moves between workers: a range of deltas
// and the full encrypted state at its end. Both are ciphertext under the
// contract's state key. The receiver trusts none of it: it checks the
// range is the contract and deltas it asked for, the deltas against the
// chain, and has its enclave check the state (enclave.CheckState) before
// it stores anything.
type StateExport struct {
	Range *state.DeltaRange
	State *state.StateBlob
}

// Directory finds the other workers of the network. A directory of peers
// reached over a network (p2p.Host) lists a peer only once it proved its
// identity, bound to the connection, against the chain; Nodes, of a
// devnet's in-process workers, trusts them as the same process.
type Directory interface {
	// Node returns the worker whose signing address is signer.
	Node(signer api.EthAddress) (Node, bool)
	// Nodes lists every known worker.
	Nodes() []Node
}

// KeyService is the key manager as a worker reaches it.
type KeyService interface {
	GetStateKeys(ctx context.Context, req *enclave.StateKeysRequest) (*enclave.StateKeysReply, error)
}
