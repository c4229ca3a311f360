// Package node runs one role of the network as its own process: the key
// manager ("km"), a worker ("worker") or the gateway ("gateway"), each
// configured by a JSON file (Config, docs/nodes.md) and talking to the
// others over HTTP on loopback (workerhttp, kmhttp). It is what
// `enigma node --role R --config FILE` runs; internal/devnet assembles the
// same parts in one process.
//
// It is an assembly point, so it imports the node roles, the enclave
// simulator, the VM, the state store, the chain client and the gateway; no
// other product package imports it, and it never imports the devnet.
package node
