package workerapi

import "github.com/enigma-go/enigma/api"

// QueryRequest is a secret query (docs/protocol/queries.md): a read-only
// call of a contract's query function, with no task record and no fee,
// authorised by its caller's EIP-712 signature over
// envelope.QueryDigest(chain id, Enigma contract, ContractAddress,
// keccak256(Request), Expiry). Request is sealed (envelope.SealQuery) to
// Worker's epoch key with the context's Sender = Caller and TaskNonce =
// Nonce; only Worker can answer it.
type QueryRequest struct {
	Worker          api.EthAddress
	ContractAddress api.ContractAddress
	Caller          api.EthAddress
	Nonce           uint64
	Request         []byte // the query message (envelope v2 type 0x04)
	Expiry          uint64 // Unix seconds
	Signature       [65]byte
	// GasLimit caps the query's gas; 0 takes the worker's cap, more than
	// the cap is refused.
	GasLimit uint64
}

// QueryStatus is how a query was answered.
type QueryStatus string

// Query outcomes. Both are answers sealed to the caller: the return data,
// or the function's failure text.
const (
	QueryOK     QueryStatus = "ok"
	QueryFailed QueryStatus = "failed"
)

// QueryResult is a worker's answer to a query: Response is an envelope v2
// response (type 0x02) under the query's response key.
type QueryResult struct {
	Status   QueryStatus
	Response []byte
	GasUsed  uint64
	Epoch    uint64 // the epoch (first block) the query was answered in
}

// MaxQueryRequest is the most bytes a query message may have (64 KiB);
// gateways and workers refuse a larger one with api.CodeInvalidInput.
const MaxQueryRequest = 64 << 10

// MaxQueryExpiry is how far ahead a query's expiry may be, in seconds (1
// hour): a worker remembers a query until it expires, to refuse it again.
const MaxQueryExpiry = 3600
