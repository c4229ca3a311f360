package state

import (
	"context"

	"github.com/enigma-go/enigma/api"
)

// Store keeps the worker's per-contract code, encrypted state, delta chain
// and task results. Implementations must be safe for concurrent use.
//
// Errors are *api.Error values: CodeNotFound for an unknown contract, delta,
// task or sealed blob; CodeInvalidInput for a malformed or out-of-order
// write; CodeReplay for a task id already committed; CodeTampered for data
// that does not hash to what it claims or what the chain recorded;
// CodeUnavailable once the store is closed or after a failed disk write.
// A write that returns an error has written nothing.
type Store interface {
	// CommitTask writes a task's result, and for a successful task its delta,
	// new state and (for a deploy) its code, in one atomic synced write. It
	// returns once the write is durable. ctx is only checked before the
	// write is queued: once queued, its outcome is always waited for.
	CommitTask(ctx context.Context, c *TaskCommit) error
	// TaskResult returns a committed task's result.
	TaskResult(ctx context.Context, id api.TaskID) (*TaskResult, error)

	// Contracts lists the contracts the store holds, in address order.
	Contracts(ctx context.Context) ([]api.ContractAddress, error)
	// Code returns a contract's deployed code.
	Code(ctx context.Context, addr api.ContractAddress) ([]byte, error)
	// Tip returns the contract's latest delta index and hash.
	Tip(ctx context.Context, addr api.ContractAddress) (Tip, error)
	// Delta returns one delta with its hash.
	Delta(ctx context.Context, addr api.ContractAddress, index uint32) (*Delta, error)
	// DeltaHashes returns the hashes of deltas from..to inclusive.
	DeltaHashes(ctx context.Context, addr api.ContractAddress, from, to uint32) ([]api.Hash, error)

	// State returns the latest full encrypted state blob and the delta it
	// reflects. After an Import or RollbackTo it may lag the tip until the
	// enclave rebuilds the state and PutState stores it.
	State(ctx context.Context, addr api.ContractAddress) (*StateBlob, error)
	// PutState replaces the state blob with one for delta s.Index, which
	// must exist with hash s.Hash.
	PutState(ctx context.Context, addr api.ContractAddress, s *StateBlob) error
	// RollbackTo removes the deltas after index and stores state, which must
	// reflect delta index. The worker uses it when a task's receipt did not
	// make it on chain (e.g. its Ethereum callback reverted). The deltas it
	// removes (and the state at the old tip) stay readable by hash, see
	// DeltaByHash.
	RollbackTo(ctx context.Context, addr api.ContractAddress, index uint32, state *StateBlob) error
	// DeltaByHash returns the contract's delta with hash h: one of its
	// delta chain, or one a RollbackTo removed that the store still keeps
	// (the last Config.MaxKeptDeltas per contract). The chain may end up
	// with a delta the worker rolled back (its receipt was mined after
	// all); state sync finds it here.
	DeltaByHash(ctx context.Context, addr api.ContractAddress, h api.Hash) (*Delta, error)
	// StateByHash returns the contract's full encrypted state as of the
	// delta with hash h: the stored state when it is at h, or the state a
	// RollbackTo removed with that delta when the store held it.
	StateByHash(ctx context.Context, addr api.ContractAddress, h api.Hash) (*StateBlob, error)

	// Export returns the contract's deltas from..to inclusive, with its code
	// when from is 0, for another worker to Import.
	Export(ctx context.Context, addr api.ContractAddress, from, to uint32) (*DeltaRange, error)
	// Import stores a range exported by another worker after checking it
	// against the chain's record of the contract. Deltas already held with
	// the same hashes are skipped, so importing twice is harmless. It
	// returns how many deltas were new.
	Import(ctx context.Context, r *DeltaRange, chain ChainRecord) (int, error)

	// PutSealed stores an opaque blob (e.g. the enclave's sealed signing key)
	// under name, replacing any previous one.
	PutSealed(ctx context.Context, name string, blob []byte) error
	// GetSealed returns the blob stored under name.
	GetSealed(ctx context.Context, name string) ([]byte, error)

	// PutPending stores (or replaces) an accepted task that has not
	// finished, in one synced write: it returns once the task is durable.
	// When p.ConsumedKey is set, the same write deletes that issued key.
	PutPending(ctx context.Context, p *PendingTask) error
	// DeletePending forgets a pending task (a no-op when there is none).
	// It is not synced: after a crash a deleted task may come back.
	DeletePending(ctx context.Context, id api.TaskID) error
	// PendingTasks lists the pending tasks in Seq order.
	PendingTasks(ctx context.Context) ([]PendingTask, error)
	// PruneResults deletes the task results the rule names, oldest first,
	// except those of pending tasks, and reports how many it deleted and
	// how many results remain.
	PruneResults(ctx context.Context, rule PruneRule) (Pruned, error)

	// PutIssuedKey stores a sealed issued key (or replaces the one with
	// its epoch and id) in one synced write; beyond Config.MaxIssuedKeys
	// the oldest compat keys are deleted in the same write.
	PutIssuedKey(ctx context.Context, k *IssuedKey) error
	// DeleteIssuedKey forgets an issued key (a no-op when there is none).
	// It is not synced.
	DeleteIssuedKey(ctx context.Context, ref IssuedKeyRef) error
	// IssuedKeys lists the stored issued keys, oldest epoch first.
	IssuedKeys(ctx context.Context) ([]IssuedKey, error)
	// PruneIssuedKeys deletes the compat issued keys of epochs before
	// before and reports how many it deleted. Epoch keys are deleted one
	// by one (DeleteIssuedKey), when the enclave's key ring erases them.
	PruneIssuedKeys(ctx context.Context, before uint64) (int, error)

	// PutBatch stores a signed batch of the batched path before its
	// commitBatch is sent, in one synced write (replacing a stored batch
	// with the same contract, index and root): the delta and state it
	// leads to, and its tasks' results, so a restart completes a batch
	// that landed. The store keeps it until CommitBatch or DeleteBatch
	// names it.
	PutBatch(ctx context.Context, b *Batch) error
	// Batches lists the stored batches, by contract, index and root.
	Batches(ctx context.Context) ([]Batch, error)
	// DeleteBatch forgets a stored batch that can no longer land (a no-op
	// when there is none).
	DeleteBatch(ctx context.Context, ref BatchRef) error
	// CommitBatch records a batch the chain took, in one synced write: its
	// delta (which must follow the contract's tip) and state, each task's
	// committed result, the tasks deleted from the pending ones, and the
	// stored batches c.Drop names deleted.
	CommitBatch(ctx context.Context, c *BatchCommit) error
	// PutBatchedResults stores the results of batched tasks that failed
	// (never committed, not charged) and deletes them from the pending
	// tasks, in one synced write. A committed result is never replaced.
	PutBatchedResults(ctx context.Context, rs []BatchedResult) error
	// BatchedResult returns a batched task's stored result (committed or
	// failed).
	BatchedResult(ctx context.Context, id api.TaskID) (*BatchedResult, error)

	// Close waits for queued writes and releases the store.
	Close() error
}

// Kind is the kind of task a result belongs to.
type Kind uint8

const (
	KindDeploy  Kind = 1
	KindCompute Kind = 2
)

func (k Kind) valid() bool { return k == KindDeploy || k == KindCompute }

// Tip is the latest delta of a contract.
type Tip struct {
	Index uint32
	Hash  api.Hash
}

// Delta is one encrypted state delta. Index 0 is the deploy's.
type Delta struct {
	Index uint32
	Hash  api.Hash // keccak256(Data)
	Data  []byte   // encrypted by the enclave
}

// StateBlob is a contract's full encrypted state as of one delta.
type StateBlob struct {
	Index uint32   // the delta the state reflects
	Hash  api.Hash // that delta's hash
	Data  []byte   // encrypted by the enclave
}

// DeltaRef names the delta a task produced.
type DeltaRef struct {
	Index uint32
	Hash  api.Hash
}

// TaskResult is what the worker keeps of a finished task: everything the
// gateway's getTaskResult reports except the delta's data, which is read
// from the delta chain by Delta.Index.
type TaskResult struct {
	TaskID      api.TaskID
	Contract    api.ContractAddress // for a deploy, equal to TaskID
	Kind        Kind
	Status      api.TaskStatus // SUCCESS or FAILED once committed
	Output      []byte         // encrypted output, or encrypted error for a failure
	UsedGas     uint64
	Signature   []byte    // the enclave's receipt signature
	Delta       *DeltaRef // nil when the task wrote no delta
	EthPayload  []byte    // Ethereum callback call data, empty if none
	EthAddress  api.EthAddress
	PreCodeHash api.Hash // deploy only: keccak256 of the submitted code
}

// TaskCommit is everything one task writes.
type TaskCommit struct {
	// Result is stored under Result.TaskID. Its Delta field is filled in by
	// the store from Delta below (and must agree with it if already set).
	Result TaskResult
	// Code is the deployed code; set for a successful deploy only.
	Code []byte
	// Delta is the task's state delta; nil for a task that changed no state
	// and for every failure. A successful deploy always has delta 0. A zero
	// Hash is computed; a non-zero one must equal keccak256(Data).
	Delta *Delta
	// PrevHash is the hash of delta Delta.Index-1, which the enclave chained
	// this delta to; it must be the contract's current tip.
	PrevHash api.Hash
	// State is the full encrypted state after the task; required with Delta.
	State []byte
}

// DeltaRange is a contiguous run of a contract's deltas, moved between
// workers during state sync.
type DeltaRange struct {
	Contract api.ContractAddress
	Code     []byte // present when From is 0
	From, To uint32 // inclusive
	Deltas   []Delta
}

// ChainRecord is what the Enigma contract recorded for a secret contract:
// the caller reads it from the chain and Import checks the range against it.
type ChainRecord struct {
	CodeHash    api.Hash   // keccak256 of the deployed code
	DeltaHashes []api.Hash // stateDeltaHashes, index 0 first
}

// PendingTask is an accepted task that has not finished, as the worker
// persists it to resume it after a restart.
type PendingTask struct {
	TaskID   api.TaskID
	Contract api.ContractAddress
	// Seq orders the tasks as they were accepted.
	Seq uint64
	// Data is the worker's encoding of the task, opaque to the store.
	Data []byte
	// ConsumedKey, when set, names the issued key the task consumed:
	// PutPending deletes it in the same write. It is not stored
	// (PendingTasks leaves it nil).
	ConsumedKey *IssuedKeyRef
}
