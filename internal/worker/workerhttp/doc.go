// Package workerhttp carries a worker node's API (worker.Node) over HTTP, so
// the gateway and the other workers reach a worker that runs in another
// process: Server exposes a worker.Node, Client implements worker.Node
// against a Server, and Peers is a worker.Directory of Clients found by URL.
//
// Bodies are JSON (binary fields base64, ids and addresses 0x-hex). Errors
// keep their api.Code across the wire, so a gateway in front of a remote
// worker answers exactly as one in front of an in-process worker. The
// channel is plain HTTP for loopback; docs/nodes.md says what a deployment
// across hosts needs (mutual TLS bound to the enclaves' attestation).
//
// It imports the worker's interface and the types it carries (gateway,
// state, api); never the gateway's server, the key manager or the devnet.
package workerhttp
