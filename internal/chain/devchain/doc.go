// Package devchain runs an Ethereum dev chain inside the enigma binary: a
// go-ethereum node with the eth service, sealed by the simulated beacon as
// `geth --dev` does, serving standard JSON-RPC over HTTP and WebSocket on a
// loopback address, with unlocked dev accounts (eth_accounts,
// eth_sendTransaction, eth_sign, personal_sign, eth_signTypedData) derived
// from a fixed mnemonic and funded in genesis. It has no p2p networking.
//
// Since the accounts are unlocked, only local tools may drive it (Access):
// web pages of other origins get no CORS permission or WebSocket, Host
// names other than localhost are refused (DNS rebinding), and the debug,
// personal and txpool modules are served only on request.
//
// It imports go-ethereum only; it must not import the client package
// (internal/chain) or any node role, so any of them can start it.
package devchain
