// Package enclave is the trusted boundary of a worker and of the key
// manager: everything that touches a secret (task encryption keys, contract
// state keys, the enclave's signing key, decrypted inputs, outputs and state)
// lives behind the Enclave and KeyManager interfaces, and only ciphertext,
// hashes, public keys and signatures cross back to the host.
//
// The interfaces are defined by a versioned message protocol (messages.go,
// documented in docs/protocol/enclave.md): every request and response is a
// plain struct with a deterministic binary encoding, so a backend may live in
// the same process (sim), in a child process (remote) or in an SGX enclave
// running the same Go code. Client turns any byte transport into an Enclave;
// Handler answers encoded requests with a backend. Backends are checked by the
// conformance suite in enclavetest.
//
// This package and its backends import only api, the VM, the crypto
// packages and the pure worker selection and batch encodings; they must not import the state
// store, the chain client or any network code: the host hands in what the enclave needs (encrypted state
// blobs, chain facts such as a task record's inputsHash and gas limit, the
// epoch's seed, workers and stakes).
package enclave
