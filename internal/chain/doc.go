// Package chain is the Go client of the Enigma contracts on Ethereum: it
// deploys EnigmaToken and Enigma, funds accounts with ENG, and offers typed
// calls for what the key manager, workers and clients do on chain (register,
// deposit, login/logout, epochs, task records, receipts, fee returns and the
// views). Underneath it manages nonces for concurrent senders, estimates gas
// with a margin, waits for receipts with deadlines, decodes revert reasons
// into errors, and watches contract events at a confirmation depth with
// reorg notifications.
//
// It works against any Ethereum JSON-RPC node: the embedded dev chain
// (internal/chain/devchain), anvil, geth. It imports api, the bindings,
// internal/telemetry and Prometheus's client (its metrics) and
// go-ethereum; it must not import the dev chain, the node roles, the
// enclave or the VM.
package chain
