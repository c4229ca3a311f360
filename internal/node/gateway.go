package node

import (
	"context"
	"net"

	"github.com/enigma-go/enigma/internal/gateway"
	"github.com/enigma-go/enigma/internal/worker"
	"github.com/enigma-go/enigma/internal/worker/workerhttp"
)

// startGateway serves the enigma-js JSON-RPC over the worker processes at
// cfg.Peers. It needs no chain: the workers check every task against it.
func (n *Node) startGateway(cfg Config, ln net.Listener) error {
	hc := workerhttp.DefaultConfig()
	hc.Logger = n.log
	peers, err := workerhttp.NewPeers(cfg.Peers, hc)
	if err != nil {
		return err
	}
	// Workers that are up are found now; the others when they answer.
	if err := peers.Refresh(context.Background()); err != nil {
		n.log.Warn("some workers are not reachable yet", "err", err)
	}
	gc := gateway.DefaultConfig()
	gc.Logger = n.log
	gw, err := gateway.New(worker.NewRouter(peers, gateway.Info{PeerID: "enigma-gateway", Status: "running"}), gc)
	if err != nil {
		return err
	}
	rctx := n.runContext()
	n.goRun(rctx, "gateway server", func(ctx context.Context) error { return gw.Serve(ctx, ln) })
	return nil
}
