package node

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/explorer"
	"github.com/enigma-go/enigma/internal/gateway"
)

// NewExplorer builds the explorer of e's chain (docs/explorer.md), its
// events polled every poll (0: the chain client's interval) and its views
// read every refresh (0: every second), with workers named by custodian,
// and the gateway option that serves it at /explorer/. The caller runs
// its Run for as long as the gateway serves.
func NewExplorer(e *chain.Enigma, names map[common.Address]string, poll, refresh time.Duration, log *slog.Logger) (*explorer.Explorer, func(*gateway.Config), error) {
	cfg := explorer.DefaultConfig()
	cfg.Source = explorer.NewChainSource(e, poll, log)
	cfg.Names, cfg.Logger = names, log
	if refresh > 0 {
		cfg.Refresh = refresh
	}
	ex, err := explorer.New(cfg)
	if err != nil {
		return nil, nil, err
	}
	serve := func(c *gateway.Config) {
		if c.Routes == nil {
			c.Routes = map[string]http.Handler{}
		}
		c.Routes[explorer.Prefix] = ex.Handler()
	}
	return ex, serve, nil
}
