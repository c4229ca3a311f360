package node

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/km"
	"github.com/enigma-go/enigma/internal/p2p"
)

// The transport between the roles of `enigma node`, in one place: every
// role joins the network as a libp2p host (internal/p2p). The key manager
// and the workers prove their enclave identities on it; the gateway joins
// as a client. The builders of build.go take and return transport-free
// parts, so the devnet, one process, wires the same parts in process.

// p2pKeyFile is the node's libp2p key in its data dir: its peer id stays
// the same across restarts, whatever its address.
const p2pKeyFile = "p2p.key"

// startP2P starts the node's libp2p host for role; c, the node's enclave
// (nil for a gateway), proves its identity.
func (n *Node) startP2P(ctx context.Context, cfg Config, e *chain.Enigma, role p2p.Role, c enclave.Common) (*p2p.Host, error) {
	principal, err := e.Principal(ctx)
	if err != nil {
		if role != p2p.RoleClient {
			return nil, fmt.Errorf("node: read the key manager's address from the Enigma contract at %s (is it deployed on this chain?): %w", e.Addresses().Enigma, err)
		}
		// A gateway does not deal with the key manager: it starts, and
		// checks its workers against the chain once it can read it.
		n.log.Warn("cannot read the Enigma contract yet", "contract", e.Addresses().Enigma, "err", err)
	}
	pc := p2p.DefaultConfig()
	if len(cfg.P2PListen) > 0 {
		pc.Listen = cfg.P2PListen
	}
	pc.Bootstrap = cfg.Bootstrap
	if len(pc.Bootstrap) == 0 && cfg.AddressesFile != "" {
		if a, err := ReadAddresses(cfg.AddressesFile); err == nil {
			pc.Bootstrap = a.Bootstrap
		}
	}
	if cfg.DataDir != "" {
		if pc.Key, err = p2p.LoadOrCreateKey(filepath.Join(cfg.DataDir, p2pKeyFile)); err != nil {
			return nil, err
		}
	}
	pc.Network = p2p.Network{ChainID: e.Client().ChainID().Uint64(), Enigma: api.EthAddress(e.Addresses().Enigma)}
	pc.Role, pc.Registry, pc.Principal, pc.Logger = role, e, api.EthAddress(principal), n.log
	if reg := n.metrics.For(string(cfg.Role), n.mnode); reg != nil {
		pc.Metrics = p2p.NewMetrics(reg)
	}
	if c != nil {
		pc.Prove = p2p.EnclaveProver(c, pc.Network)
	}
	if role != p2p.RoleKM && len(pc.Bootstrap) == 0 {
		n.log.Warn("no bootstrap peers: set bootstrap (the key manager's p2p address) or an addresses_file the key manager wrote")
	}
	h, err := p2p.New(ctx, pc)
	if err != nil {
		return nil, err
	}
	n.onClose(h.Close)
	n.info.PeerID, n.info.P2PAddrs = h.ID().String(), h.Addrs()
	return h, nil
}

// workerNet is the worker's transport: the key manager (state keys, and
// its simulated attestation service for the registration) and the other
// workers, found and proved on the network; results are announced on it.
func workerNet(h *p2p.Host) WorkerNet {
	kmc := h.KeyManager()
	return WorkerNet{Directory: h, KeyService: kmc, Attestor: kmc, Announce: h.AnnounceResult}
}

// serveKM serves the key manager's state keys and its simulated
// attestation service, and announces the epochs it sets.
func serveKM(h *p2p.Host, k *km.KeyManager, kh *KMHost) {
	var att enclave.Attestor
	if kh.Attestor != nil {
		att = kh.Attestor
	}
	h.ServeKeyManager(k, att)
}
