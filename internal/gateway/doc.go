// Package gateway serves the client JSON-RPC that enigma-js 0.3.0 speaks
// (getInfo, getWorkerEncryptionKey, deploySecretContract, sendTaskInput,
// getTaskStatus, getTaskResult) and hands each request to a Backend: the
// worker pool of the devnet, or a router to remote workers. The network's
// own methods, for envelope v2 (v2_getEpochKey, v2_sendTask) and batched
// tasks (v2_sendBatchedTask, v2_getBatchedTask), answer plain results; a
// Backend that does not serve them makes them answer "method not found".
//
// The wire shapes follow what the 0.3.0 client actually reads, which is
// unusual: its HTTP callback passes only the JSON-RPC "result" member to its
// JSON-RPC library as if it were the whole response, so methods whose reply
// the client destructures answer {"result": {"result": {...}}}. A
// well-formed request always gets a result (an unknown task is UNVERIFIED):
// a JSON-RPC error where the client expects a result makes it throw inside a
// callback. Malformed JSON, unknown methods, oversized bodies and invalid
// parameters get JSON-RPC errors with messages that say what was wrong.
//
// This package does no cryptography and keeps no task state; it must not
// import the enclave, the VM or the state store.
package gateway
