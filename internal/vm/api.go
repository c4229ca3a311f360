// Package vm runs secret contracts: WebAssembly modules written against the
// eng_wasm host interface (module "env") of the original Enigma network, and
// Go contracts built for GOOS=wasip1 with sdk/contract.
//
// A module is validated, rewritten to meter gas per basic block, compiled by
// wazero and cached by code hash before it runs. Execution is deterministic:
// the same code, request and state give byte-identical output, state writes
// and gas used, on wazero's compiler and interpreter alike. The package does
// no IO of its own besides the optional on-disk compilation cache; state is
// handed in through the State interface and randomness and time are derived
// from the Request.
//
// Besides the eng_wasm imports, a module may import the network's own host
// functions from module "enigma" (today only query_caller, the verified
// caller of a secret query). A query (Kind Query) runs the module's "query"
// export read-only: the run fails at the first state write or removal or
// Ethereum callback.
//
// This package must not import the enclave, the state store, the chain or
// any network code: the enclave calls it, never the reverse.
package vm

import (
	"time"
)

// Kind says which export of the contract a Request runs.
type Kind uint8

const (
	// Deploy runs the "deploy" export: the constructor, with Function naming
	// the constructor's signature.
	Deploy Kind = iota + 1
	// Compute runs the "call" export with Function naming the public
	// function, e.g. "add_millionaire(address,uint256)".
	Compute
	// Query runs the "query" export (a secret query) with Function naming a
	// query function: the state is read-only (write_state,
	// remove_from_state and write_eth_bridge fail the run with
	// CodeReadOnly) and the contract reads Caller through the host import
	// "enigma" "query_caller". A module without a "query" export fails with
	// CodeUnknownFunction.
	Query
)

// State is a secret contract's key-value state as the contract sees it. The
// values are opaque bytes (eng_wasm stores JSON). The caller owns the
// implementation: typically an in-memory copy that it turns into a delta
// after the run. Implementations need not be safe for concurrent use; a run
// calls them from one goroutine. The keys and values passed in are the
// contract's memory, valid only during the call: Set copies what it keeps.
type State interface {
	Get(key []byte) (value []byte, ok bool)
	Set(key, value []byte)
	Delete(key []byte)
}

// Request is one execution of a contract.
type Request struct {
	Kind Kind
	// Function is the full signature, e.g. "add(uint256,uint256)". As in
	// the original enclave, the contract's fetch_function_name sees only the
	// name before '(' ("add"). A compute request needs a name.
	Function string
	Args     []byte // Ethereum ABI-encoded arguments, without a selector
	State    State  // must be non-nil
	// GasLimit bounds the task: the fixed charges (10,000 per compute task,
	// 1 per byte of code for a deploy) come first, then instructions and
	// host calls. Exhausting it fails the run with CodeOutOfGas and GasUsed
	// equal to the limit.
	GasLimit uint64

	// Seed makes "rand" and WASI random_get deterministic for this task.
	Seed [32]byte
	// Time is where the WASI clock starts (the time of the task record's
	// block); every clock read advances it by a fixed step.
	Time time.Time

	// Caller is the verified caller of a query (Kind Query), which the
	// contract reads with enigma.query_caller. Other kinds have none: the
	// import fails the run there.
	Caller [20]byte
}

// EthBridge is the Ethereum callback a contract asked for with
// write_eth_bridge; the last call in a run wins.
type EthBridge struct {
	Payload []byte   // ABI-encoded call data, selector included
	Address [20]byte // the Ethereum contract to call
}

// Result is what a run produced. On a failed run (the error is non-nil) a
// Result is still returned with GasUsed set (GasLimit for out of gas) so the
// caller can sign a failure receipt; its other fields are then unset.
type Result struct {
	Output  []byte // bytes the contract passed to "ret" (ABI-encoded returns)
	GasUsed uint64
	Bridge  *EthBridge // nil when the contract asked for no callback
	Log     []string   // lines the contract printed with eprint or wrote to stdout (debug only; never leaves the enclave in production)
}
