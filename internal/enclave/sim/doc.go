// Package sim is the simulated enclave backend: the worker enclave and the
// key manager enclave running in the host's process, with sealing under a
// key from a file the node owns and attestation reports signed by a
// development attestation key (docs/protocol/attestation-sim.md).
//
// It gives no hardware protection: it exists so the whole secret-handling
// path (task keys, execution, receipts, state keys, sealing, registration)
// runs in tests and on development networks exactly as an SGX backend would
// run it behind the same interface. It keeps the boundary honest anyway:
// every method returns only what the protocol (docs/protocol/enclave.md)
// allows to cross, and the conformance suite checks it through the wire
// encoding too.
//
// This package must not import the state store, the chain client or any
// network code; it reads the file system only for the seal key.
package sim
