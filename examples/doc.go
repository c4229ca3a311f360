// Package examples holds example secret contracts written with sdk/contract,
// one main package per folder, and the tests that build each of them to
// WebAssembly and run it on the VM as the network would.
//
// Each contract imports only the SDK (and the standard library); the tests
// import the VM, which contracts themselves must never do.
package examples
