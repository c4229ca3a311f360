// Package node is the composition root: it builds each role of the network
// from one configuration, and runs one role as its own process.
//
// The builders (build.go) make a role's parts: the enclaves sealed to a
// data dir (NewWorkerEnclave, NewKMEnclave), the VM (NewVM), the state
// store (OpenStore), a worker around them (NewWorkerHost, BuildWorker),
// the key manager's host and attestation service (NewKMHost) and the
// gateway (NewGateway). They choose no transport: a worker is handed how
// it reaches the others (WorkerNet), and what a role serves is returned,
// not served. `enigma node`, `enigma devnet` (internal/devnet, every role
// in one process), the demo and the benchmarks all build with them.
//
// Start runs the key manager ("km"), a worker ("worker") or the gateway
// ("gateway") as a process configured by a JSON file (Config,
// docs/nodes.md); `enigma node --role R --config FILE` runs it. Its
// transport between the processes is chosen in transport.go alone.
//
// It imports the node roles, the enclave simulator, the VM, the state
// store, the chain client and the gateway; it never imports the devnet.
package node
