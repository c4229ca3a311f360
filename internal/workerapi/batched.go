package workerapi

import "github.com/enigma-go/enigma/api"

// BatchedRequest is one task of the batched path (docs/protocol/batched.md):
// no task record on chain; the selected worker runs it and commits it in a
// batch (commitBatch), charging Sender's balance in the Enigma contract.
// TaskID is enclave.BatchedTaskID(Sender, TaskNonce); Signature is Sender's
// signature (r‖s‖v) over enclave.BatchedTaskHash(chain id, Enigma contract,
// ContractAddress, TaskID, the epoch, envelope.InputsHash(Request), GasLimit,
// GasPx).
type BatchedRequest struct {
	TaskID          api.TaskID
	Worker          api.EthAddress
	ContractAddress api.ContractAddress
	Request         []byte // the sealed v2 request (type 0x01), sealed to the worker's epoch key
	Sender          api.EthAddress
	TaskNonce       uint64
	GasLimit        uint64
	GasPx           uint64 // ENG grains per unit of gas
	Signature       [65]byte
}

// MaxBatchedPayload is the most plaintext (padding included) a batched
// task's request may seal: 64 KiB, the envelope's 64 KiB padding bucket,
// so a call of up to 65,532 bytes (function signature and ABI arguments)
// goes batched, padded or not. A worker keeps every batched task's
// request until it ends, so the bound keeps what a sender can make it
// hold small; a larger call takes the per-task path (a task record).
const MaxBatchedPayload = 64 << 10

// MaxBatchedRequest is the most bytes a batched task's sealed request may
// have: MaxBatchedPayload plus the envelope's request overhead
// (envelope.RequestOverhead, 1,150 bytes: docs/protocol/envelope-v2.md).
// Gateways and workers refuse a larger one with api.CodeInvalidInput.
const MaxBatchedRequest = MaxBatchedPayload + 1150

// MinBatchedGasLimit is the least gas limit of a batched task: the VM's
// fixed charge of a compute task (vm.Schedule.ComputeBase, 10,000 in the
// default schedule), below which no call can run. So every task a sender
// has accepted can cost it a real fee.
const MinBatchedGasLimit = 10_000

// BatchedStatus is where a batched task is.
type BatchedStatus string

// The states of a batched task, in order; Failed and Committed are final.
const (
	// BatchedPending: accepted and stored, not yet executed.
	BatchedPending BatchedStatus = "pending"
	// BatchedExecuted: executed, waiting for its batch to be signed.
	BatchedExecuted BatchedStatus = "executed"
	// BatchedInBatch: in batch BatchIndex, sent to the chain, not yet mined.
	BatchedInBatch BatchedStatus = "in_batch"
	// BatchedCommitted: its batch is on chain; the result carries the
	// leaf and the Merkle proof against getBatchRoot(contract, BatchIndex).
	BatchedCommitted BatchedStatus = "committed"
	// BatchedFailed: the task will not be committed and its sender is not
	// charged for it; Error says why.
	BatchedFailed BatchedStatus = "failed"
)

// Final reports whether the status will not change again.
func (s BatchedStatus) Final() bool { return s == BatchedCommitted || s == BatchedFailed }

// BatchedTask is what a worker reports of a batched task.
type BatchedTask struct {
	TaskID   api.TaskID
	Contract api.ContractAddress
	Status   BatchedStatus
	// Error says why a failed task failed (Code is its api.Code).
	Error string
	Code  api.Code

	// From in_batch on: the batch, the task's position in it and its leaf.
	BatchIndex uint64
	Position   uint32
	Epoch      uint64 // the epoch's first block (the batch header's)
	// Leaf fields (batch.Task): the task's output and delta hashes, gas and fee.
	InputsHash api.Hash
	OutputHash api.Hash
	DeltaHash  api.Hash
	GasUsed    uint64
	Fee        [32]byte // big-endian uint256: GasUsed × GasPx
	// TaskFailed: the contract itself failed the task (it is still in the
	// batch and charged for its gas); Output then holds the encrypted error.
	TaskFailed bool
	Output     []byte // the encrypted output (envelope v2 response)
	// Committed only: the Merkle proof (siblings from the leaf up) and the
	// batch's root, which must equal getBatchRoot(Contract, BatchIndex).
	Proof [][32]byte
	Root  api.Hash
	// Block is the block holding the batch (committed only).
	Block uint64
}
