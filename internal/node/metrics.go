package node

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"path/filepath"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/enigma-go/enigma/internal/gateway"
	"github.com/enigma-go/enigma/internal/httpserve"
	"github.com/enigma-go/enigma/internal/telemetry"
)

// MetricsPath is where a node's and the devnet's metrics are served.
const MetricsPath = "/metrics"

// Metrics is one process's Prometheus registry: every role the process
// runs registers its metrics into it under its role and node labels
// (docs/metrics.md). A nil *Metrics registers nothing.
type Metrics struct {
	Registry *prometheus.Registry
}

// NewMetrics returns a registry with the Go runtime's and the process's
// collectors.
func NewMetrics() *Metrics { return &Metrics{Registry: telemetry.NewRegistry()} }

// For is the registerer of one role's metrics, labelled role and node; nil
// when m is nil.
func (m *Metrics) For(role, node string) prometheus.Registerer {
	if m == nil {
		return nil
	}
	return telemetry.Wrap(m.Registry, role, node)
}

// Handler serves the registry's metrics.
func (m *Metrics) Handler() http.Handler { return telemetry.Handler(m.Registry) }

// Gateway is a tune function for NewGateway: the gateway's metrics under
// role gateway and node, and GET MetricsPath served beside its JSON-RPC.
func (m *Metrics) Gateway(node string) func(*gateway.Config) {
	return func(c *gateway.Config) {
		if m == nil {
			return
		}
		c.Metrics = gateway.NewMetrics(m.For(telemetry.RoleGateway, node))
		if c.Routes == nil {
			c.Routes = map[string]http.Handler{}
		}
		c.Routes["GET "+MetricsPath] = m.Handler()
	}
}

// metricsNode is the node label of a process's role: its data dir's name,
// else the role.
func metricsNode(cfg Config) string {
	if cfg.DataDir != "" {
		return filepath.Base(filepath.Clean(cfg.DataDir))
	}
	return string(cfg.Role)
}

// serveMetrics serves the node's metrics on cfg.MetricsAddr until the node
// closes; nothing when it is empty.
func (n *Node) serveMetrics(cfg Config) error {
	if cfg.MetricsAddr == "" {
		return nil
	}
	ln, err := net.Listen("tcp", cfg.MetricsAddr)
	if err != nil {
		return fmt.Errorf("node: listen for metrics on %s (is another node using it? pick another metrics_addr): %w", cfg.MetricsAddr, err)
	}
	n.info.MetricsURL = "http://" + ln.Addr().String() + MetricsPath
	mux := http.NewServeMux()
	mux.Handle("GET "+MetricsPath, n.metrics.Handler())
	hs := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, WriteTimeout: 30 * time.Second}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := httpserve.Serve(ctx, ln, hs); err != nil && ctx.Err() == nil {
			n.log.Error("metrics server stopped", "err", err)
		}
	}()
	n.onClose(func() error { cancel(); wg.Wait(); return nil })
	return nil
}
