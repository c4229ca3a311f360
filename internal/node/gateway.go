package node

import (
	"context"
	"errors"
	"github.com/enigma-go/enigma/internal/workerapi"
	"net"

	"github.com/enigma-go/enigma/internal/gateway"
	"github.com/enigma-go/enigma/internal/worker"
	"github.com/enigma-go/enigma/internal/worker/workerhttp"
)

// startGateway serves the enigma-js JSON-RPC over the worker processes at
// cfg.Peers. It reads the chain to check each peer's identity and every
// task result a worker reports; the workers check every task against it.
func (n *Node) startGateway(ctx context.Context, cfg Config, ln net.Listener) error {
	rpcURL, addrs, err := chainTarget(cfg)
	if err != nil {
		return err
	}
	if addrs == nil {
		return errors.New("node: a gateway needs contract and token, or an addresses_file: it checks its workers and their task results against the Enigma contract")
	}
	client, err := dialChain(ctx, cfg, rpcURL, n.log)
	if err != nil {
		return err
	}
	n.onClose(func() error { client.Close(); return nil })
	e := client.Bind(*addrs)
	n.info.Enigma, n.info.Token = &addrs.Enigma, &addrs.Token
	hc := workerhttp.DefaultConfig()
	hc.Logger = n.log
	peers, err := workerhttp.NewPeers(cfg.Peers, worker.NewPeerVerifier(e), hc)
	if err != nil {
		return err
	}
	// Workers that are up are found now; the others when they answer.
	if err := peers.Refresh(context.Background()); err != nil {
		n.log.Warn("some workers are not reachable yet", "err", err)
	}
	gc := gateway.DefaultConfig()
	gc.Logger = n.log
	gw, err := gateway.New(worker.NewRouter(peers, e, workerapi.Info{PeerID: "enigma-gateway", Status: "running"}, n.log), gc)
	if err != nil {
		return err
	}
	rctx := n.runContext()
	n.goRun(rctx, "gateway server", func(ctx context.Context) error { return gw.Serve(ctx, ln) })
	return nil
}
