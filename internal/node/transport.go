package node

import (
	"context"
	"net"

	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/km"
	"github.com/enigma-go/enigma/internal/km/kmhttp"
	"github.com/enigma-go/enigma/internal/worker"
	"github.com/enigma-go/enigma/internal/worker/workerhttp"
)

// The transport between the roles of `enigma node`, in one place: how a
// worker reaches the key manager and the other workers (workerNet), how the
// gateway finds the workers (gatewayDirectory), and how the key manager and
// a worker are served (serveKM, serveWorker). The builders of build.go
// take and return transport-free parts, so another transport replaces
// these four functions only.

// workerNet reaches the key manager at cfg.KeyManagerURL over kmhttp (its
// state keys, and its simulated attestation service for the registration)
// and the other workers at cfg.Peers over workerhttp, each checked against
// the chain (worker.NewPeerVerifier).
func (n *Node) workerNet(cfg Config, e *chain.Enigma) (WorkerNet, error) {
	kc := kmhttp.DefaultConfig()
	kc.Logger = n.log
	kmc, err := kmhttp.NewClient(cfg.KeyManagerURL, kc)
	if err != nil {
		return WorkerNet{}, err
	}
	hc := workerhttp.DefaultConfig()
	hc.Logger = n.log
	peers, err := workerhttp.NewPeers(cfg.Peers, worker.NewPeerVerifier(e), hc)
	if err != nil {
		return WorkerNet{}, err
	}
	return WorkerNet{Directory: peers, KeyService: kmc, Attestor: kmc}, nil
}

// serveWorker serves the worker over workerhttp on ln until the node
// closes.
func (n *Node) serveWorker(ctx context.Context, ln net.Listener, h *WorkerHost) error {
	hc := workerhttp.DefaultConfig()
	hc.Logger = n.log
	srv, err := workerhttp.NewServer(h.Worker, hc)
	if err != nil {
		return err
	}
	n.goRun(ctx, "workerhttp server", func(ctx context.Context) error { return srv.Serve(ctx, ln) })
	return nil
}

// serveKM serves the key manager's state keys and the simulated
// attestation service (for the workers' registrations) over kmhttp on ln
// until the node closes.
func (n *Node) serveKM(ctx context.Context, ln net.Listener, k *km.KeyManager, h *KMHost) error {
	hc := kmhttp.DefaultConfig()
	hc.Logger, hc.Attestor = n.log, h.Attestor
	srv, err := kmhttp.NewServer(k, h.Signer, hc)
	if err != nil {
		return err
	}
	n.goRun(ctx, "kmhttp server", func(ctx context.Context) error { return srv.Serve(ctx, ln) })
	return nil
}

// gatewayDirectory finds the workers at cfg.Peers over workerhttp, each
// checked against the chain.
func (n *Node) gatewayDirectory(cfg Config, e *chain.Enigma) (worker.Directory, error) {
	hc := workerhttp.DefaultConfig()
	hc.Logger = n.log
	peers, err := workerhttp.NewPeers(cfg.Peers, worker.NewPeerVerifier(e), hc)
	if err != nil {
		return nil, err
	}
	// Workers that are up are found now; the others when they answer.
	if err := peers.Refresh(context.Background()); err != nil {
		n.log.Warn("some workers are not reachable yet", "err", err)
	}
	return peers, nil
}
