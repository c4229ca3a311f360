package enclave

import (
	"github.com/enigma-go/enigma/api"
)

// MessageType identifies a message on the wire. A response's type is its
// request's type with the high bit set.
type MessageType uint8

// Message types. Numbers never change meaning; 0x0C and 0x0D are new in
// protocol version 3, 0x0E and 0x0F in version 4; in version 5 the key
// manager answers 0x0D (PeerIdentity) too; 0x10 is new in version 6, which
// also adds the batch's delta and state to SignedBatch; 0x11 (Query) is new
// in version 7.
const (
	TypeRegistrationRequest  MessageType = 0x01
	TypeSealRequest          MessageType = 0x02
	TypeTaskKeyRequest       MessageType = 0x03
	TypeExecuteRequest       MessageType = 0x04
	TypeNewStateKeysRequest  MessageType = 0x05
	TypeStateKeysReply       MessageType = 0x06 // the request of InstallStateKeys
	TypeNewEpochRequest      MessageType = 0x07
	TypeStateKeysRequest     MessageType = 0x08 // the request of GetStateKeys
	TypeEpochKeyRequest      MessageType = 0x09
	TypeSignBatchRequest     MessageType = 0x0A
	TypeConfirmEpochRequest  MessageType = 0x0B
	TypeCheckStateRequest    MessageType = 0x0C
	TypePeerIdentityRequest  MessageType = 0x0D
	TypeHoldTaskRequest      MessageType = 0x0E
	TypeRestoreKeysRequest   MessageType = 0x0F
	TypeVoidBatchRequest     MessageType = 0x10
	TypeQueryRequest         MessageType = 0x11
	TypeRegistrationReport   MessageType = 0x81
	TypeSealedState          MessageType = 0x82
	TypeTaskKeyResponse      MessageType = 0x83
	TypeExecuteResponse      MessageType = 0x84
	TypeStateKeysRequestResp MessageType = 0x85 // a StateKeysRequest returned by StateKeysRequest
	TypeInstallStateKeysResp MessageType = 0x86
	TypeNewEpochResponse     MessageType = 0x87
	TypeStateKeysReplyResp   MessageType = 0x88 // a StateKeysReply returned by GetStateKeys
	TypeEpochKeyResponse     MessageType = 0x89
	TypeSignedBatch          MessageType = 0x8A
	TypeConfirmEpochResponse MessageType = 0x8B
	TypeCheckStateResponse   MessageType = 0x8C
	TypePeerIdentityResponse MessageType = 0x8D
	TypeHeldTask             MessageType = 0x8E
	TypeRestoreKeysResponse  MessageType = 0x8F
	TypeVoidBatchResponse    MessageType = 0x90
	TypeQueryResponse        MessageType = 0x91
	TypeError                MessageType = 0xFF
)

// Message is one request or response of the protocol.
type Message interface {
	codec(c *coder)
}

// TaskKind says whether a task deploys a contract or calls one.
type TaskKind uint8

// Task kinds.
const (
	KindDeploy  TaskKind = 1
	KindCompute TaskKind = 2
)

// EnvelopeVersion says how a task's inputs and outputs are encrypted.
type EnvelopeVersion uint8

// Envelope versions.
const (
	// EnvelopeCompat is the original network's: ECDH(secp256k1) → SHA-256 →
	// AES-256-GCM, ciphertext ‖ tag ‖ iv, no associated data.
	EnvelopeCompat EnvelopeVersion = 1
	// EnvelopeV2 is the hybrid ML-KEM-768 + X25519 HPKE envelope with
	// associated data and per-epoch keys (internal/crypto/envelope).
	EnvelopeV2 EnvelopeVersion = 2
)

// TaskStatus is the outcome an ExecuteResponse reports.
type TaskStatus uint8

// Task outcomes.
const (
	TaskSuccess TaskStatus = 1
	TaskFailure TaskStatus = 2
)

// RegistrationRequest asks for the enclave's registration report, bound to
// the custodian account that will register it on the Enigma contract at
// EnigmaContract on chain ChainID (RegistrationBinding): the contract
// refuses the report from any other account. A zero request still returns
// the signing address and key (with a report no contract accepts).
type RegistrationRequest struct {
	Custodian      api.EthAddress
	ChainID        uint64
	EnigmaContract api.EthAddress
}

func (m *RegistrationRequest) codec(c *coder) {
	c.fixed(m.Custodian[:])
	c.u64(&m.ChainID)
	c.fixed(m.EnigmaContract[:])
}

// RegistrationReport is the enclave's signing identity and its report (for
// SGX, the quote; for the simulation, docs/protocol/attestation-sim.md).
// The enclave cannot sign its own report: the host has the platform's
// attestation service (an Attestor) sign it, and registers
// register(SigningAddress, Report, that signature).
type RegistrationReport struct {
	SigningAddress api.EthAddress
	SigningKey     PublicKey
	Report         []byte
}

func (m *RegistrationReport) codec(c *coder) {
	c.fixed(m.SigningAddress[:])
	c.fixed(m.SigningKey[:])
	c.bytes(&m.Report)
}

// SealRequest asks for the enclave's sealed secrets.
type SealRequest struct{}

func (m *SealRequest) codec(c *coder) {}

// SealedState is the enclave's secrets sealed to the enclave (sim: under the
// key in Config.SealKeyFile). Opaque to the host.
type SealedState struct {
	Blob []byte
}

func (m *SealedState) codec(c *coder) { c.bytes(&m.Blob) }

// TaskKeyRequest is getWorkerEncryptionKey's request, as the worker's host
// passes it on.
type TaskKeyRequest struct {
	UserPubKey PublicKey
	// Epoch is the first block number of the current epoch: keys issued in
	// an epoch expire a configured number of epochs later.
	Epoch uint64
	// Requester names whoever asked, as the host tells (e.g. a hash of the
	// client's network address): the enclave bounds the outstanding keys
	// of each requester and, when full, evicts from the requester holding
	// the most, so one requester's flood never pushes out other users'
	// keys. Zero is one requester like any other.
	Requester [32]byte
}

func (m *TaskKeyRequest) codec(c *coder) {
	c.fixed(m.UserPubKey[:])
	c.u64(&m.Epoch)
	c.fixed(m.Requester[:])
}

// TaskKeyResponse is the worker encryption key and the enclave's signature
// over compat.WorkerKeyMessageHash(WorkerPubKey).
type TaskKeyResponse struct {
	WorkerPubKey PublicKey
	Signature    Signature
	// Sealed is the issued key's secret sealed to the enclave (opaque to
	// the host): the host stores it under IssuedKeyID(WorkerPubKey)
	// before it hands the key out, and passes it back in RestoreKeys after
	// a restart. New in protocol version 4.
	Sealed []byte
}

func (m *TaskKeyResponse) codec(c *coder) {
	c.fixed(m.WorkerPubKey[:])
	c.fixed(m.Signature[:])
	c.bytes(&m.Sealed)
}

// ExecuteRequest is one task, with the chain facts the host read for it.
type ExecuteRequest struct {
	Kind     TaskKind
	Envelope EnvelopeVersion
	TaskID   api.TaskID
	// Contract is the secret contract's address; for a deploy it equals TaskID.
	Contract api.ContractAddress
	// Code is the pre-code for a deploy and the deployed code for a compute
	// task (the same module: codeHash = keccak256(code)). Code is public.
	Code          []byte
	UserPubKey    PublicKey
	EncryptedFn   []byte
	EncryptedArgs []byte

	// Chain facts, read by the host from the task record and the chain.
	InputsHash  api.Hash // the task record's inputsHash
	GasLimit    uint64   // the task record's gasLimit
	BlockNumber uint64   // the task record's block
	BlockTime   int64    // that block's timestamp, Unix seconds: the VM clock starts there
	Epoch       uint64   // first block number of the task's epoch
	// PrevDeltaHash is the contract's last state delta hash on chain
	// (compute only). The enclave refuses state that does not end there.
	PrevDeltaHash api.Hash
	// State is the contract's encrypted state as the last commit returned
	// it (compute only).
	State []byte

	// Envelope v2 only: the rest of the context the request is bound to
	// (docs/protocol/envelope-v2.md). The enclave checks that TaskID is
	// keccak256(Sender ‖ uint256 TaskNonce). With v2, EncryptedFn holds the
	// whole v2 request and EncryptedArgs is empty.
	ChainID        uint64
	EnigmaContract api.EthAddress
	Sender         api.EthAddress
	TaskNonce      uint64

	// Batched marks a task of the batched path: no task record on chain;
	// Sender authorises it and its fee with UserSignature over
	// BatchedTaskHash, and it is committed later by SignBatch. Batched tasks
	// use envelope v2 and TaskID = BatchedTaskID(Sender, TaskNonce).
	Batched       bool
	GasPx         uint64 // fee per unit of gas, in ENG grains (batched only)
	UserSignature Signature

	// Held is the blob HoldTask returned for this task, or empty. With it
	// the enclave opens the task's inputs with the secret the blob holds,
	// not with its outstanding task keys or epoch keys, so a task accepted
	// before a restart still runs after it. New in protocol version 4.
	Held []byte
}

func (m *ExecuteRequest) codec(c *coder) {
	c.u8((*uint8)(&m.Kind))
	c.u8((*uint8)(&m.Envelope))
	c.fixed(m.TaskID[:])
	c.fixed(m.Contract[:])
	c.bytes(&m.Code)
	c.fixed(m.UserPubKey[:])
	c.bytes(&m.EncryptedFn)
	c.bytes(&m.EncryptedArgs)
	c.fixed(m.InputsHash[:])
	c.u64(&m.GasLimit)
	c.u64(&m.BlockNumber)
	c.i64(&m.BlockTime)
	c.u64(&m.Epoch)
	c.fixed(m.PrevDeltaHash[:])
	c.bytes(&m.State)
	c.u64(&m.ChainID)
	c.fixed(m.EnigmaContract[:])
	c.fixed(m.Sender[:])
	c.u64(&m.TaskNonce)
	c.boolean(&m.Batched)
	c.u64(&m.GasPx)
	c.fixed(m.UserSignature[:])
	c.bytes(&m.Held)
}

// HoldTaskRequest asks the worker enclave to take a task it is to run into
// the host's keeping: the host sends it when it accepts the task, before
// it acknowledges it, and stores the answer with the task. Task is the
// task as the host will execute it, without the fields only known at run
// time (State, PrevDeltaHash, BlockTime, Held; Code may be empty): its
// kind, envelope, ids, inputs, inputs hash and epoch, and for envelope v2
// the chain id, Enigma contract, sender and nonce. CodeHash is keccak256
// of the code the task runs: of the pre-code for a deploy, the contract's
// codeHash on chain for a compute task; with envelope v2 it completes the
// context the request is bound to. Batched tasks are not held.
type HoldTaskRequest struct {
	Task     ExecuteRequest
	CodeHash api.Hash
}

func (m *HoldTaskRequest) codec(c *coder) {
	m.Task.codec(c)
	c.fixed(m.CodeHash[:])
}

// HeldTask is a task sealed to the enclave that issued it (docs/protocol/
// enclave.md, "HoldTask"): only that enclave opens it, only for that task
// and those inputs. Opaque to the host, which stores it with the task and
// passes it back in ExecuteRequest.Held.
type HeldTask struct {
	Blob []byte
	// ConsumedKey is the IssuedKeyID of the compat task key the enclave
	// took out of its outstanding keys for this task, zero when none (v2,
	// or inputs that did not open): the host deletes that issued key's
	// sealed blob with the write that stores the task, so a restart never
	// restores it. New in protocol version 4.
	ConsumedKey api.Hash
	// ConsumedKeyEpoch is the epoch that key was issued in (the host
	// stores issued keys by epoch and id).
	ConsumedKeyEpoch uint64
}

func (m *HeldTask) codec(c *coder) {
	c.bytes(&m.Blob)
	c.fixed(m.ConsumedKey[:])
	c.u64(&m.ConsumedKeyEpoch)
}

// RestoreKeysRequest hands the enclave the sealed issued keys the host
// stored (TaskKeyResponse.Sealed, EpochKeyResponse.Sealed) after a
// restart, oldest first, before the host serves anything.
type RestoreKeysRequest struct {
	Blobs [][]byte
}

func (m *RestoreKeysRequest) codec(c *coder) { c.blobs(&m.Blobs) }

// RestoreKeysResponse counts the blobs whose keys the enclave took back
// and those it refused (another enclave's, altered, malformed, or too old
// to keep).
type RestoreKeysResponse struct {
	Restored uint32
	Refused  uint32
}

func (m *RestoreKeysResponse) codec(c *coder) {
	c.u32(&m.Restored)
	c.u32(&m.Refused)
}

// ExecuteResponse is a task's signed receipt with everything the host
// stores and publishes. Only ciphertext and hashes: the plaintext output,
// state and delta never leave the enclave.
type ExecuteResponse struct {
	TaskID api.TaskID
	Kind   TaskKind
	Status TaskStatus
	// FailureCode is the api.Code of the failure (0 on success).
	FailureCode uint32

	// Output is the encrypted output: the contract's return bytes on
	// success, the error text on failure (or FailureMarker in the clear
	// when the user key is unknown). OutputHash = keccak256(Output).
	Output     []byte
	OutputHash api.Hash

	InputsHash  api.Hash
	PreCodeHash api.Hash // deploy: keccak256(pre-code)
	CodeHash    api.Hash // keccak256 of the contract's code

	// State delta: DeltaHash = keccak256(Delta), zero when the task did not
	// change the state (compute). DeltaIndex is the delta's position in the
	// contract's chain (0 for the deploy's delta).
	PrevDeltaHash api.Hash
	DeltaHash     api.Hash
	DeltaIndex    uint32
	Delta         []byte
	// State is the contract's new encrypted state; empty when unchanged.
	State []byte

	GasLimit   uint64
	GasUsed    uint64
	EthPayload []byte
	EthAddress api.EthAddress

	// Signature signs the receipt hash of docs/protocol/crypto.md for the
	// task's kind and status with the enclave's signing key. It is zero for
	// a batched task (protocol version 6): SignBatch's signature covers the
	// task's leaf, and the chain takes no receipt of a task without a record.
	Signature Signature
}

func (m *ExecuteResponse) codec(c *coder) {
	c.fixed(m.TaskID[:])
	c.u8((*uint8)(&m.Kind))
	c.u8((*uint8)(&m.Status))
	c.u32(&m.FailureCode)
	c.bytes(&m.Output)
	c.fixed(m.OutputHash[:])
	c.fixed(m.InputsHash[:])
	c.fixed(m.PreCodeHash[:])
	c.fixed(m.CodeHash[:])
	c.fixed(m.PrevDeltaHash[:])
	c.fixed(m.DeltaHash[:])
	c.u32(&m.DeltaIndex)
	c.bytes(&m.Delta)
	c.bytes(&m.State)
	c.u64(&m.GasLimit)
	c.u64(&m.GasUsed)
	c.bytes(&m.EthPayload)
	c.fixed(m.EthAddress[:])
	c.fixed(m.Signature[:])
}

// NewStateKeysRequest asks the worker enclave to build a signed request for
// the state keys of some contracts in an epoch. The epoch is named by its
// seed, as getWorkerParams(block) returns it for the block of the tasks
// (the chain's epochs start at the block that includes setWorkersParams,
// which the key manager cannot know when it signs; the seed is exact).
type NewStateKeysRequest struct {
	EpochSeed [32]byte
	Contracts []api.ContractAddress
}

func (m *NewStateKeysRequest) codec(c *coder) {
	c.fixed(m.EpochSeed[:])
	c.hashes(&m.Contracts)
}

// StateKeysRequest is what a worker enclave sends to the key manager. The
// reply is encrypted to EphemeralKey, whose private half never leaves the
// worker enclave.
type StateKeysRequest struct {
	RequestID    [16]byte
	EpochSeed    [32]byte
	Contracts    []api.ContractAddress
	EphemeralKey PublicKey
	// Signature by the worker's signing key over StateKeysRequestHash.
	Signature Signature
}

func (m *StateKeysRequest) codec(c *coder) {
	c.fixed(m.RequestID[:])
	c.fixed(m.EpochSeed[:])
	c.hashes(&m.Contracts)
	c.fixed(m.EphemeralKey[:])
	c.fixed(m.Signature[:])
}

// StateKeysReply is the key manager's answer: the keys, encrypted to the
// request's ephemeral key, signed by the key manager's signing key over
// StateKeysReplyHash.
type StateKeysReply struct {
	RequestID    [16]byte
	RequestHash  api.Hash // StateKeysRequestHash of the request answered
	EphemeralKey PublicKey
	Ciphertext   []byte
	Signature    Signature
}

func (m *StateKeysReply) codec(c *coder) {
	c.fixed(m.RequestID[:])
	c.fixed(m.RequestHash[:])
	c.fixed(m.EphemeralKey[:])
	c.bytes(&m.Ciphertext)
	c.fixed(m.Signature[:])
}

// InstallStateKeysResponse lists the contracts whose keys were installed.
type InstallStateKeysResponse struct {
	Contracts []api.ContractAddress
}

func (m *InstallStateKeysResponse) codec(c *coder) { c.hashes(&m.Contracts) }

// NewEpochRequest carries the epoch's worker parameters, as the host read
// them with getActiveWorkers, for the key manager enclave to sign.
type NewEpochRequest struct {
	BlockNumber uint64 // the _blockNumber argument of setWorkersParams
	// Nonce is the number of epochs set so far on chain
	// (getUserTaskDeployments of the key manager's signing address), a
	// big-endian uint256. Signing again with the same nonce (a resubmitted
	// transaction) replaces the earlier, never-included epoch.
	Nonce   [32]byte
	Workers []api.EthAddress // signing addresses, in the chain's order
	Stakes  [][32]byte       // big-endian uint256, one per worker
}

func (m *NewEpochRequest) codec(c *coder) {
	c.u64(&m.BlockNumber)
	c.fixed(m.Nonce[:])
	c.addresses(&m.Workers)
	c.words(&m.Stakes)
}

// NewEpochResponse is the epoch's seed, derived inside the enclave from its
// sealed secret and the nonce (the same nonce always gets the same seed),
// and the signature over compat.WorkersParamsHash(seed, nonce, workers,
// stakes). BlockNumber is the block the signed workers were read at, the
// _blockNumber setWorkersParams must be sent with: for a nonce signed
// before, the enclave answers what it signed then, whatever the request
// says.
type NewEpochResponse struct {
	Seed        [32]byte // big-endian uint256
	Signature   Signature
	BlockNumber uint64
}

func (m *NewEpochResponse) codec(c *coder) {
	c.fixed(m.Seed[:])
	c.fixed(m.Signature[:])
	c.u64(&m.BlockNumber)
}

// ConfirmEpochRequest tells the key manager enclave that the chain took the
// parameters it signed for Nonce, in the block FirstBlock (the epoch's first
// block). The enclave serves state keys only for confirmed epochs.
type ConfirmEpochRequest struct {
	Nonce      [32]byte
	Seed       [32]byte // must be the seed signed for Nonce
	FirstBlock uint64
}

func (m *ConfirmEpochRequest) codec(c *coder) {
	c.fixed(m.Nonce[:])
	c.fixed(m.Seed[:])
	c.u64(&m.FirstBlock)
}

// ConfirmEpochResponse acknowledges a ConfirmEpochRequest.
type ConfirmEpochResponse struct{}

func (m *ConfirmEpochResponse) codec(c *coder) {}

// EpochKeyRequest asks the worker enclave for its envelope v2 key of an
// epoch, creating it when the epoch is newer than the current one (which
// erases keys older than the ones kept).
type EpochKeyRequest struct {
	Epoch          uint64
	ChainID        uint64
	EnigmaContract api.EthAddress
}

func (m *EpochKeyRequest) codec(c *coder) {
	c.u64(&m.Epoch)
	c.u64(&m.ChainID)
	c.fixed(m.EnigmaContract[:])
}

// EpochKeyResponse is the epoch's v2 public key (ML-KEM-768 ‖ X25519, 1216
// bytes) signed by the enclave's signing key over envelope.WorkerKeyHash.
type EpochKeyResponse struct {
	Epoch     uint64
	PublicKey []byte
	Signature Signature
	// Sealed is the epoch's private key sealed to the enclave, set when
	// the epoch's key was created by this request or is the current one
	// (empty for an older, kept epoch). The host stores it once per epoch
	// before it hands the key out, deletes it when the epoch leaves the
	// enclave's key window, and passes it back in RestoreKeys after a
	// restart. New in protocol version 4.
	Sealed []byte
}

func (m *EpochKeyResponse) codec(c *coder) {
	c.u64(&m.Epoch)
	c.bytes(&m.PublicKey)
	c.fixed(m.Signature[:])
	c.bytes(&m.Sealed)
}

// SignBatchRequest asks the worker enclave to close the batch of a
// contract: every batched task it executed for the contract in the epoch
// and has not put in a batch yet, in execution order.
type SignBatchRequest struct {
	Contract        api.ContractAddress
	EpochFirstBlock uint64
	BatchIndex      uint64 // the contract's countBatches on chain
	ChainID         uint64
	EnigmaContract  api.EthAddress
}

func (m *SignBatchRequest) codec(c *coder) {
	c.fixed(m.Contract[:])
	c.u64(&m.EpochFirstBlock)
	c.u64(&m.BatchIndex)
	c.u64(&m.ChainID)
	c.fixed(m.EnigmaContract[:])
}

// SignedBatch holds the arguments of commitBatch(header, users, fees, sig)
// and the tasks the batch holds, in leaf order.
type SignedBatch struct {
	Contract        api.ContractAddress
	EpochFirstBlock uint64
	BatchIndex      uint64
	PrevDeltaHash   api.Hash
	NewDeltaHash    api.Hash
	Root            api.Hash
	TaskCount       uint64
	GasUsed         uint64
	Users           []api.EthAddress
	Fees            [][32]byte // big-endian uint256, one per user
	TaskIDs         []api.TaskID
	// Signature over batch.Digest(chainId, enigma, header, users, fees).
	Signature Signature

	// The batch's state change as one delta of the contract's chain (new
	// in protocol version 6): the difference between the state the batch's
	// first task ran on and the state its last task left, at DeltaIndex
	// (the index after PrevDeltaHash's), DeltaHash = NewDeltaHash =
	// keccak256(Delta); State is the contract's encrypted state at that
	// delta. All three are empty, and NewDeltaHash zero, when the batch
	// changed no state, unless the batch holds a task of a void batch
	// (VoidBatchRequest): then Delta is an empty delta, so the batch ends at
	// a delta no batch signed before it starts from. The per-task deltas
	// and states stay with the tasks' responses and leaves. The host
	// stores Delta and State once commitBatch is mined, as it stores a
	// task's delta and state, and runs the contract's next batched task on
	// State (or, with a zero NewDeltaHash, on the state the batch started
	// from) with PrevDeltaHash = NewDeltaHash (or the batch's PrevDeltaHash).
	DeltaIndex uint32
	Delta      []byte
	State      []byte
}

func (m *SignedBatch) codec(c *coder) {
	c.fixed(m.Contract[:])
	c.u64(&m.EpochFirstBlock)
	c.u64(&m.BatchIndex)
	c.fixed(m.PrevDeltaHash[:])
	c.fixed(m.NewDeltaHash[:])
	c.fixed(m.Root[:])
	c.u64(&m.TaskCount)
	c.u64(&m.GasUsed)
	c.addresses(&m.Users)
	c.words(&m.Fees)
	c.hashes(&m.TaskIDs)
	c.fixed(m.Signature[:])
	c.u32(&m.DeltaIndex)
	c.bytes(&m.Delta)
	c.bytes(&m.State)
}

// VoidBatchRequest tells the worker enclave that the contract's batch
// BatchIndex, and every batch it signed after it for the contract, did not
// land on chain (commitBatch reverted or was never mined in time), and that
// the host will run the contract again from the chain's state. The enclave
// drops the contract's executed tasks not yet in a batch and lets the
// tasks of those void batches run once more, each only into a batch whose
// index is at most the one it was signed in (SignBatch refuses a higher
// index with api.CodeReplay): only one batch per index can land, and a
// batch holding such a task ends at a new delta, so no batch signed before
// it can follow it on chain; no task is charged twice whatever the host
// claims. A task running when VoidBatch arrives is dropped when it ends
// (api.CodeUnavailable: run it again). New in protocol version 6.
type VoidBatchRequest struct {
	Contract   api.ContractAddress
	BatchIndex uint64
}

func (m *VoidBatchRequest) codec(c *coder) {
	c.fixed(m.Contract[:])
	c.u64(&m.BatchIndex)
}

// VoidBatchResponse counts the tasks that may run again (Reopened) and
// the executed tasks not yet in a batch that were dropped (Dropped); those
// may run again too.
type VoidBatchResponse struct {
	Reopened uint32
	Dropped  uint32
}

func (m *VoidBatchResponse) codec(c *coder) {
	c.u32(&m.Reopened)
	c.u32(&m.Dropped)
}

// CheckStateRequest asks the worker enclave whether State, an encrypted
// state a host received from another worker, is contract Contract's state
// for the code with CodeHash at the chain's delta DeltaIndex, whose hash is
// DeltaHash: it must open under the contract's state key with that contract
// and code as associated data, and end at that delta. The host checks every
// state it did not get from its own enclave before storing it; the
// contract's state key must be installed first.
type CheckStateRequest struct {
	Contract   api.ContractAddress
	CodeHash   api.Hash
	DeltaIndex uint32
	DeltaHash  api.Hash
	State      []byte
}

func (m *CheckStateRequest) codec(c *coder) {
	c.fixed(m.Contract[:])
	c.fixed(m.CodeHash[:])
	c.u32(&m.DeltaIndex)
	c.fixed(m.DeltaHash[:])
	c.bytes(&m.State)
}

// CheckStateResponse says the state checked: a failed check is an error.
type CheckStateResponse struct{}

func (m *CheckStateResponse) codec(c *coder) {}

// MaxPeerTransport bounds PeerIdentityRequest.Transport.
const MaxPeerTransport = 1024

// PeerIdentityRequest asks the enclave (a worker's, or the key manager's)
// to answer a peer's challenge: to sign PeerIdentityHash(ChainID,
// EnigmaContract, Nonce, Transport) with its registered signing key, so the
// peer knows it talks to that enclave. Nonce is the challenger's fresh
// random value; Transport names the channel the node is reached by, as its
// host names it (its libp2p peer id), at most MaxPeerTransport bytes, empty
// in process.
type PeerIdentityRequest struct {
	ChainID        uint64
	EnigmaContract api.EthAddress
	Nonce          [32]byte
	Transport      []byte
}

func (m *PeerIdentityRequest) codec(c *coder) {
	c.u64(&m.ChainID)
	c.fixed(m.EnigmaContract[:])
	c.fixed(m.Nonce[:])
	c.bytes(&m.Transport)
}

// PeerIdentityResponse is the enclave's signing address and its signature
// over PeerIdentityHash.
type PeerIdentityResponse struct {
	Signer    api.EthAddress
	Signature Signature
}

func (m *PeerIdentityResponse) codec(c *coder) {
	c.fixed(m.Signer[:])
	c.fixed(m.Signature[:])
}

// MaxQueryExpiry is how far ahead of the time the host gives a query's
// expiry may be: a query signed for longer is refused (api.CodeExpired), so
// a host's replay set (keyed by the request until its expiry) stays bounded
// in time.
const MaxQueryExpiry = 3600 // seconds

// QueryRequest is a secret query (docs/protocol/queries.md) with what the
// host holds of the contract. The enclave rebuilds the query's context from
// these fields: ChainID, EnigmaContract, Contract, CodeHash =
// keccak256(Code), Epoch, Sender = Caller, TaskNonce = Nonce.
type QueryRequest struct {
	Contract api.ContractAddress
	// Code is the contract's deployed code; State its encrypted state as
	// the host holds it after the last task it ran (any state of the
	// contract that opens under its key and code: the enclave cannot tell
	// the latest from an older one).
	Code  []byte
	State []byte

	ChainID        uint64
	EnigmaContract api.EthAddress
	Epoch          uint64 // the worker key epoch the query is sealed for (its header's)
	Caller         api.EthAddress
	Nonce          uint64 // the query nonce the caller chose (the context's TaskNonce)
	Request        []byte // the query message (envelope v2 type 0x04)
	Expiry         uint64 // Unix seconds, as signed
	// Signature is the caller's over envelope.QueryDigest(ChainID,
	// EnigmaContract, Contract, keccak256(Request), Expiry): r‖s‖v, v 0,
	// 1, 27 or 28.
	Signature Signature
	// GasLimit is the gas the query may use (the host's cap, or less when
	// the caller asked for less); at least 1.
	GasLimit uint64
	// Now is the host's time, Unix seconds. An enclave has no trusted clock
	// (neither the simulation nor SGX): the expiry check against it only
	// holds an honest host to the caller's expiry; the host checks too.
	// The VM's clock starts there.
	Now int64
}

func (m *QueryRequest) codec(c *coder) {
	c.fixed(m.Contract[:])
	c.bytes(&m.Code)
	c.bytes(&m.State)
	c.u64(&m.ChainID)
	c.fixed(m.EnigmaContract[:])
	c.u64(&m.Epoch)
	c.fixed(m.Caller[:])
	c.u64(&m.Nonce)
	c.bytes(&m.Request)
	c.u64(&m.Expiry)
	c.fixed(m.Signature[:])
	c.u64(&m.GasLimit)
	c.i64(&m.Now)
}

// QueryResponse is a query's answer: Response is an envelope v2 response
// (type 0x02) under the query's response key, holding the function's
// return data (Status TaskSuccess) or its failure text (TaskFailure, with
// FailureCode the api.Code: out of gas, a trap, api.CodeReadOnly for a
// write attempt). Status and GasUsed are in the clear for the host.
type QueryResponse struct {
	Status      TaskStatus
	FailureCode uint32
	Response    []byte
	GasUsed     uint64
}

func (m *QueryResponse) codec(c *coder) {
	c.u8((*uint8)(&m.Status))
	c.u32(&m.FailureCode)
	c.bytes(&m.Response)
	c.u64(&m.GasUsed)
}

// ErrorResponse carries an *api.Error across the boundary.
type ErrorResponse struct {
	Code    uint32
	Message string
}

func (m *ErrorResponse) codec(c *coder) {
	c.u32(&m.Code)
	c.str(&m.Message)
}

// newMessage returns an empty message of type t, or nil for an unknown type.
func newMessage(t MessageType) Message {
	switch t {
	case TypeRegistrationRequest:
		return &RegistrationRequest{}
	case TypeSealRequest:
		return &SealRequest{}
	case TypeTaskKeyRequest:
		return &TaskKeyRequest{}
	case TypeExecuteRequest:
		return &ExecuteRequest{}
	case TypeNewStateKeysRequest:
		return &NewStateKeysRequest{}
	case TypeStateKeysReply, TypeStateKeysReplyResp:
		return &StateKeysReply{}
	case TypeNewEpochRequest:
		return &NewEpochRequest{}
	case TypeStateKeysRequest, TypeStateKeysRequestResp:
		return &StateKeysRequest{}
	case TypeRegistrationReport:
		return &RegistrationReport{}
	case TypeSealedState:
		return &SealedState{}
	case TypeTaskKeyResponse:
		return &TaskKeyResponse{}
	case TypeExecuteResponse:
		return &ExecuteResponse{}
	case TypeInstallStateKeysResp:
		return &InstallStateKeysResponse{}
	case TypeNewEpochResponse:
		return &NewEpochResponse{}
	case TypeEpochKeyRequest:
		return &EpochKeyRequest{}
	case TypeEpochKeyResponse:
		return &EpochKeyResponse{}
	case TypeSignBatchRequest:
		return &SignBatchRequest{}
	case TypeSignedBatch:
		return &SignedBatch{}
	case TypeVoidBatchRequest:
		return &VoidBatchRequest{}
	case TypeVoidBatchResponse:
		return &VoidBatchResponse{}
	case TypeQueryRequest:
		return &QueryRequest{}
	case TypeQueryResponse:
		return &QueryResponse{}
	case TypeConfirmEpochRequest:
		return &ConfirmEpochRequest{}
	case TypeConfirmEpochResponse:
		return &ConfirmEpochResponse{}
	case TypeCheckStateRequest:
		return &CheckStateRequest{}
	case TypeCheckStateResponse:
		return &CheckStateResponse{}
	case TypePeerIdentityRequest:
		return &PeerIdentityRequest{}
	case TypePeerIdentityResponse:
		return &PeerIdentityResponse{}
	case TypeHoldTaskRequest:
		return &HoldTaskRequest{}
	case TypeHeldTask:
		return &HeldTask{}
	case TypeRestoreKeysRequest:
		return &RestoreKeysRequest{}
	case TypeRestoreKeysResponse:
		return &RestoreKeysResponse{}
	case TypeError:
		return &ErrorResponse{}
	}
	return nil
}
