package node

import (
	"context"
	"net/http"
	"testing"

	"github.com/enigma-go/enigma/internal/chain/chaintest"
)

// A gateway serves the explorer beside its JSON-RPC unless its config
// says explorer: false.
func TestGatewayServesTheExplorer(t *testing.T) {
	chainURL := chaintest.DevChain(t, nil).URL
	for _, on := range []bool{true, false} {
		cfg := DefaultConfig()
		cfg.Role, cfg.Listen, cfg.LogLevel = RoleGateway, "127.0.0.1:0", "error"
		cfg.P2PListen, cfg.Bootstrap = loopback, []string{"/ip4/127.0.0.1/tcp/1/p2p/12D3KooWGzBZ6nQqv3ZGrFSNaaxh2tMnEzBJgt8UZ7fzxQVpsRAc"}
		cfg.ChainRPC, cfg.Contract, cfg.Token = chainURL, "0x00000000000000000000000000000000000000e1", "0x00000000000000000000000000000000000000e2"
		cfg.Explorer = &on
		n, err := Start(context.Background(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range []string{"/explorer/", "/explorer/api/summary"} {
			resp, err := http.Get(n.Info().URL + path)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if (resp.StatusCode == http.StatusOK) != on {
				t.Errorf("explorer %v: GET %s answered %s", on, path, resp.Status)
			}
		}
		if err := n.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
