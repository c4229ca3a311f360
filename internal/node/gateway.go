package node

import (
	"context"
	"errors"
	"net"

	"github.com/enigma-go/enigma/internal/explorer"
	"github.com/enigma-go/enigma/internal/gateway"
	"github.com/enigma-go/enigma/internal/p2p"
)

// startGateway serves the enigma-js JSON-RPC over the workers the
// gateway finds on the network, where it is a client peer. It reads the chain to
// check each worker's identity and every task result a worker reports;
// the workers check every task against it.
func (n *Node) startGateway(ctx context.Context, cfg Config, ln net.Listener) error {
	_, addrs, client, err := n.connectChain(ctx, cfg, false)
	if err != nil {
		return err
	}
	if addrs == nil {
		return errors.New("node: a gateway needs contract and token, or an addresses_file: it checks its workers and their task results against the Enigma contract")
	}
	e := client.Bind(*addrs)
	n.info.Enigma, n.info.Token = &addrs.Enigma, &addrs.Token
	ph, err := n.startP2P(ctx, cfg, e, p2p.RoleClient, nil)
	if err != nil {
		return err
	}
	tune := []func(*gateway.Config){n.metrics.Gateway(n.mnode)}
	var ex *explorer.Explorer
	if cfg.Explorer == nil || *cfg.Explorer {
		var serve func(*gateway.Config)
		if ex, serve, err = NewExplorer(e, nil, 0, 0, n.log); err != nil {
			return err
		}
		tune = append(tune, serve)
	}
	gw, err := NewGateway(ph, e, "enigma-gateway", ph.AnnouncedResult, n.log, tune...)
	if err != nil {
		return err
	}
	rctx := n.runContext()
	if ex != nil {
		n.goRun(rctx, "explorer", func(ctx context.Context) error { ex.Run(ctx); return nil })
	}
	n.goRun(rctx, "gateway server", func(ctx context.Context) error { return gw.Serve(ctx, ln) })
	return nil
}
