package node

import (
	"context"
	"math/big"

	"github.com/enigma-go/enigma/internal/p2p"
	"github.com/enigma-go/enigma/internal/telemetry"
)

// engGrains is one ENG in its base units (8 decimals).
var engGrains = big.NewInt(100_000_000)

// startWorker builds the worker (BuildWorker) with the network's transport
// (workerNet) and serves it on its libp2p host.
func (n *Node) startWorker(ctx context.Context, cfg Config) error {
	_, addrs, client, err := n.connectChain(ctx, cfg, true)
	if err != nil {
		return err
	}
	e := client.Bind(*addrs)
	n.info.Enigma, n.info.Token = &addrs.Enigma, &addrs.Token
	custodian, _, err := sender(ctx, cfg, client, false)
	if err != nil {
		return err
	}
	n.info.Account = &custodian.Address
	engine, err := NewVM(ctx, n.log)
	if err != nil {
		return err
	}
	n.onClose(func() error { return engine.Close(context.Background()) })
	// The libp2p host starts once the enclave runs, which proves the
	// worker's identity on it, and before the registration, whose report
	// the key manager's attestation service signs over it.
	var ph *p2p.Host
	h, err := BuildWorker(ctx, WorkerSpec{
		Dir: cfg.DataDir, Engine: engine, Enigma: e, Custodian: custodian,
		Stake: new(big.Int).Mul(new(big.Int).SetUint64(cfg.StakeENG), engGrains),
		NetFor: func(h *WorkerHost) (WorkerNet, error) {
			var err error
			if ph, err = n.startP2P(ctx, cfg, e, p2p.RoleWorker, h.Enclave); err != nil {
				return WorkerNet{}, err
			}
			return workerNet(ph), nil
		},
		Limits: cfg.limits(), Logger: n.log, Metrics: n.metrics.For(telemetry.RoleWorker, n.mnode),
	})
	if err != nil {
		return err
	}
	// Closed before the VM; it seals the enclave's keys once more.
	n.onClose(h.Close)
	n.info.Signer = &h.Signer
	n.log.Info("worker logged in", "signer", h.Signer, "custodian", custodian.Address)
	ph.ServeWorker(h.Worker)
	n.runContext()
	return nil
}
