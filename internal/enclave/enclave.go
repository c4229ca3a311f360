package enclave

import (
	"context"
)

// ProtocolVersion is the version of the message protocol this package speaks
// (docs/protocol/enclave.md). It is carried in every frame; a backend refuses
// frames of another version with api.CodeBadEnvelope.
const ProtocolVersion uint16 = 7

// PublicKey is a secp256k1 public key as 64 bytes X‖Y (no 0x04 prefix).
type PublicKey [64]byte

// Signature is a secp256k1 signature r‖s‖v with v ∈ {27, 28}.
type Signature [65]byte

// Common is what every enclave role answers.
type Common interface {
	// Registration returns the enclave's signing address and its attestation
	// report, the arguments of the Enigma contract's register.
	Registration(ctx context.Context, req *RegistrationRequest) (*RegistrationReport, error)
	// Seal returns the enclave's long-lived secrets (signing key, state
	// keys) encrypted under its sealing key. The host stores the blob and
	// hands it back when it restarts the enclave; it never sees the secrets.
	Seal(ctx context.Context, req *SealRequest) (*SealedState, error)
	// PeerIdentity answers a peer's challenge with a signature of the
	// enclave's signing key over PeerIdentityHash: a worker's proves it is
	// the registered worker, the key manager's that it is the principal.
	PeerIdentity(ctx context.Context, req *PeerIdentityRequest) (*PeerIdentityResponse, error)
}

// Enclave is a worker's enclave: it issues task encryption keys, executes
// deploy and compute tasks and signs their receipts, and receives contract
// state keys from the key manager. Implementations are safe for concurrent
// use. Errors are *api.Error values with a stable code; a task that fails is
// not an error but a signed failure receipt (ExecuteResponse.Status).
type Enclave interface {
	Common
	// NewTaskKey issues a fresh task encryption key for a user public key,
	// signed with the enclave's signing key over
	// compat.WorkerKeyMessageHash(key). Every outstanding key issued for a
	// user key is kept until a task uses it or its epoch expires.
	NewTaskKey(ctx context.Context, req *TaskKeyRequest) (*TaskKeyResponse, error)
	// EpochKey returns the enclave's envelope v2 public key for an epoch,
	// signed; one key serves every v2 task of the epoch.
	EpochKey(ctx context.Context, req *EpochKeyRequest) (*EpochKeyResponse, error)
	// HoldTask seals what the enclave needs to open one task's inputs
	// later (its task key, or its opened v2 request) into a blob only this
	// enclave opens, for this task and inputs hash only, so a task the
	// host accepted survives a restart of the host and the enclave. A
	// compat task's key leaves the enclave's outstanding keys: the blob is
	// the only way to run the task. The enclave holds each task once in
	// its lifetime (api.CodeReplay after that, or once it executed it).
	// Inputs that do not open yield a blob whose execution is the failure
	// receipt they would have given.
	HoldTask(ctx context.Context, req *HoldTaskRequest) (*HeldTask, error)
	// RestoreKeys takes back, after a restart, the issued keys the host
	// stored (TaskKeyResponse.Sealed, EpochKeyResponse.Sealed): compat
	// task keys go back among the outstanding keys, within their bounds
	// and epoch window; v2 epoch keys back into the key ring (an older
	// epoch only as a kept key, never replacing the current one). A blob
	// of another enclave, altered, malformed or too old is refused and
	// counted, never failing the others. The host calls it before it
	// serves anything.
	RestoreKeys(ctx context.Context, req *RestoreKeysRequest) (*RestoreKeysResponse, error)
	// Execute runs a deploy or compute task and returns the encrypted
	// output, state and delta with a signed receipt. Every failure of the
	// task itself yields a signed failure receipt; only a request the host
	// got wrong (malformed, stale state, replay, a held blob of another
	// task, enclave or altered: api.CodeTampered) is an error. With a
	// held blob the receipt is a function of the blob, the code, the state
	// and the chain facts: executing it again in a restarted enclave gives
	// the same bytes.
	Execute(ctx context.Context, req *ExecuteRequest) (*ExecuteResponse, error)
	// SignBatch closes a contract's batch of batched tasks and signs it for
	// the Enigma contract's commitBatch. Each task is in one batch only.
	SignBatch(ctx context.Context, req *SignBatchRequest) (*SignedBatch, error)
	// VoidBatch tells the enclave a signed batch did not land on chain, so
	// its tasks may run again into a batch of the same or a lower index
	// (VoidBatchRequest).
	VoidBatch(ctx context.Context, req *VoidBatchRequest) (*VoidBatchResponse, error)
	// StateKeysRequest builds a request for contract state keys, signed by
	// the enclave, for the host to send to the key manager.
	StateKeysRequest(ctx context.Context, req *NewStateKeysRequest) (*StateKeysRequest, error)
	// InstallStateKeys verifies the key manager's reply (its signature must
	// recover to the key manager address the enclave was configured with)
	// and keeps the state keys it carries.
	InstallStateKeys(ctx context.Context, reply *StateKeysReply) (*InstallStateKeysResponse, error)
	// CheckState checks a contract's encrypted state that the host got from
	// another worker before it stores it. It fails with api.CodeNotFound
	// when the contract's state key is not installed, api.CodeTampered when
	// the state does not open under it with that contract and code (another
	// contract's or code's state, or altered bytes), and api.CodeConflict
	// when it opens but ends at another delta.
	CheckState(ctx context.Context, req *CheckStateRequest) (*CheckStateResponse, error)
	// Query answers a secret query (QueryRequest): it checks the caller's
	// EIP-712 signature and the expiry, opens the query, runs the query
	// function read-only on the contract's state under a gas cap and seals
	// the answer (return data or failure text) to the caller. Nothing is
	// signed for the chain and no state changes. New in protocol version 7.
	Query(ctx context.Context, req *QueryRequest) (*QueryResponse, error)
}

// KeyManager is the key manager's enclave: it derives each epoch's seed and
// signs the worker parameters for setWorkersParams, creates one random state
// key per contract, and gives a contract's key only to the worker selected
// for that contract in a confirmed epoch.
type KeyManager interface {
	Common
	// NewEpoch derives the epoch seed from the enclave's sealed secret and
	// the nonce and signs compat.WorkersParamsHash. It signs one set of
	// parameters per nonce: asking again for a nonce returns what it signed
	// the first time (whatever the workers asked for now), and a nonce
	// older than the latest signed fails with api.CodeConflict.
	NewEpoch(ctx context.Context, req *NewEpochRequest) (*NewEpochResponse, error)
	// ConfirmEpoch records that the chain took the parameters signed for
	// a nonce; only confirmed epochs get state keys.
	ConfirmEpoch(ctx context.Context, req *ConfirmEpochRequest) (*ConfirmEpochResponse, error)
	// GetStateKeys answers a worker enclave's StateKeysRequest. It fails
	// with api.CodeNotSelected when the signer is not the worker selected
	// for one of the contracts in the request's confirmed epoch.
	GetStateKeys(ctx context.Context, req *StateKeysRequest) (*StateKeysReply, error)
}

// Attestor is the platform's attestation service as a host reaches it: it
// checks an enclave's report (a quote, with SGX) and returns the signature
// the Enigma contract's attestation verifier accepts (IAS or DCAP for SGX;
// sim.Attestor for the simulation). No enclave and no worker host holds its
// key.
type Attestor interface {
	Attest(ctx context.Context, report []byte) (signature []byte, err error)
}

// Closer is implemented by backends that hold resources or secrets (a child
// process; the sim backends, which erase their keys); hosts should call
// Close when done.
type Closer interface {
	Close() error
}

// SetEpoch has km sign an epoch and confirms it at once with firstBlock, as
// a pipeline without a chain does (the demo, benchmarks): nothing can
// refuse the parameters there, so they are final when signed.
func SetEpoch(ctx context.Context, km KeyManager, req *NewEpochRequest, firstBlock uint64) (*NewEpochResponse, error) {
	resp, err := km.NewEpoch(ctx, req)
	if err != nil {
		return nil, err
	}
	if _, err := km.ConfirmEpoch(ctx, &ConfirmEpochRequest{Nonce: req.Nonce, Seed: resp.Seed, FirstBlock: firstBlock}); err != nil {
		return nil, err
	}
	return resp, nil
}
