package devnet

import (
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/enclave/sim"
	"github.com/enigma-go/enigma/internal/km"
	enode "github.com/enigma-go/enigma/internal/node"
	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/internal/worker"
)

// The devnet runs every node's host, so it holds what each host holds: the
// enclaves, the custodian accounts and the stores. These accessors give
// tools that view: the attack suite (test/attack) plays a misbehaving host
// with them, and what they allow any host of a real network can do.

// WorkerHost is what the host of one worker holds.
type WorkerHost struct {
	Enclave   *sim.Worker
	Custodian chain.Account // sends the worker's receipts and holds its stake
	Store     state.Store
	// SealKeyFile, with a blob from Enclave.Seal, starts another instance
	// of the enclave (sim.Config), as any host can.
	SealKeyFile string
}

// WorkerHost returns what worker i's host holds (nil when there is no
// worker i).
func (d *Devnet) WorkerHost(i int) *WorkerHost {
	if i < 0 || i >= len(d.workers) {
		return nil
	}
	n := d.workers[i]
	var store state.Store
	if n.host.Store != nil {
		store = n.host.Store
	}
	return &WorkerHost{Enclave: n.host.Enclave, Custodian: n.account, Store: store,
		SealKeyFile: enode.WorkerEnclaveFiles(d.workerDir(i)).SealKeyFile}
}

// KeyManagerHost returns the key manager's enclave and its node (the host
// side, which checks the chain before asking the enclave).
func (d *Devnet) KeyManagerHost() (*sim.KeyManager, *km.KeyManager) {
	return d.kmHost.Enclave, d.kmNode
}

// Directory is the directory the gateway and the workers find each other
// in. The devnet's workers trust one another as one process; a test may add
// a node of its own to it, or replace a worker's entry with one (a peer
// whose host misbehaves).
func (d *Devnet) Directory() *worker.Nodes { return d.nodes }

// Enigma is the devnet's Enigma contract, bound to its chain.
func (d *Devnet) Enigma() *chain.Enigma { return d.enigma }

// Attestor is the devnet's simulated attestation service.
func (d *Devnet) Attestor() *sim.Attestor { return d.kmHost.Attestor }

// WorkerStats returns worker i's counters; false when there is no running
// worker i.
func (d *Devnet) WorkerStats(i int) (worker.Stats, bool) {
	if i < 0 || i >= len(d.workers) || d.workers[i].host.Worker == nil {
		return worker.Stats{}, false
	}
	return d.workers[i].host.Worker.Stats(), true
}
