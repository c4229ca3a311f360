// Package explorer is the network's live explorer: an indexer that follows
// the Enigma contract's events and views (epochs, workers, secret
// contracts, task records and their outcomes, batches), a read-only JSON
// API over what it indexed (/explorer/api/...), and the web page that
// shows it (/explorer/, static files embedded in the binary), served by
// the devnet's and every node's gateway (docs/explorer.md).
//
// It shows only what the chain holds in the clear: addresses, hashes,
// gas, fees, blocks and transactions. It never reads a task's encrypted
// inputs, outputs or state, nor any key: the chain holds only their
// hashes, and the explorer reads nothing else.
//
// The index (index.go) is a deterministic function of the events and
// views it is given; the chain is read at the edge, through Source
// (source.go), which tests replace with a double. Memory is bounded: the
// newest Config.MaxTasks tasks and Config.MaxBatches batches, every
// secret contract and worker.
//
// It imports internal/chain and go-ethereum; never the worker, enclave,
// state, key manager, gateway, node or devnet (internal/node's
// TestImportRules).
package explorer
