// Package state is the worker's store of what its enclave produces for each
// secret contract: the deployed code, the latest encrypted state, the chain
// of encrypted state deltas with their Keccak-256 hashes, and the results of
// the tasks it ran. It also keeps opaque sealed blobs the enclave asks the
// host to hold.
//
// The store only ever sees ciphertext and hashes: state keys and plaintext
// state never reach it. What it does check is structure: a task's delta must
// extend the contract's chain by exactly one index and name the current tip
// as its predecessor, a task id is committed once, and deltas imported from
// another worker must hash to the values the Enigma contract recorded.
//
// Every task is one atomic, synced write (result, delta, hash, state and tip
// together), so after a crash the store reopens consistent and nothing it
// acknowledged is lost. Concurrent commits are merged into shared WAL syncs
// (see Config.GroupCommit).
//
// Store is the interface the worker uses; Open returns the Pebble backend and
// statetest holds the conformance suite every backend must pass.
//
// This package must not import the enclave, the VM, the chain, the network
// or the node roles; it may import api, Pebble and Keccak-256.
package state
