// Package telemetry builds the Prometheus registry a process exports its
// metrics from: one registry per process with the Go runtime's and the
// process's collectors, every role's metrics registered into it under the
// constant labels role and node (Wrap), served at /metrics (Handler).
//
// Each role's package keeps its own metrics (a Metrics struct with
// NewMetrics(prometheus.Registerer) and a no-op default); this package only
// gives them the registry, the naming and the bucket presets
// (docs/metrics.md). It imports client_golang and the standard library
// only.
package telemetry

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Namespace prefixes every metric of the network: enigma_<subsystem>_<name>_<unit>.
const Namespace = "enigma"

// Roles, the values of the role label.
const (
	RoleKeyManager = "km"
	RoleWorker     = "worker"
	RoleGateway    = "gateway"
	// RoleDevnet names what the devnet's roles share (its chain client).
	RoleDevnet = "devnet"
)

// NewRegistry returns a registry holding the Go runtime's and the
// process's collectors, for one process's metrics.
func NewRegistry() *prometheus.Registry {
	r := prometheus.NewRegistry()
	r.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return r
}

// Wrap returns reg with the constant labels role and node added to every
// metric registered through it; nil reg returns nil (no metrics). Several
// roles (the devnet's workers) share one registry under different labels.
func Wrap(reg prometheus.Registerer, role, node string) prometheus.Registerer {
	if reg == nil {
		return nil
	}
	return prometheus.WrapRegistererWith(prometheus.Labels{"role": role, "node": node}, reg)
}

// Handler serves g's metrics in the Prometheus text (or OpenMetrics)
// format; errors of a collector are served as far as possible and
// reported in the response.
func Handler(g prometheus.Gatherer) http.Handler {
	return promhttp.HandlerFor(g, promhttp.HandlerOpts{
		ErrorHandling:     promhttp.ContinueOnError,
		EnableOpenMetrics: true,
		Timeout:           10 * time.Second,
	})
}

// Register registers cs with reg; a nil reg registers nothing, so a
// package's NewMetrics(nil) makes working, unexported metrics (its no-op
// default). A collector registered twice panics: a wiring error.
func Register(reg prometheus.Registerer, cs ...prometheus.Collector) {
	if reg == nil {
		return
	}
	reg.MustRegister(cs...)
}

// Bucket presets, in the metric's base unit.
var (
	// LatencyBuckets, seconds: 1 ms to about a minute, for task stages,
	// calls and enclave calls. A task's stages run from a millisecond (an
	// enclave call) to blocks (a receipt on chain).
	LatencyBuckets = prometheus.ExponentialBuckets(0.001, 2.5, 13) // 1 ms … 59.6 s
	// FastBuckets, seconds: 50 µs to about 1 s, for calls that stay in
	// memory or on local disk.
	FastBuckets = prometheus.ExponentialBuckets(0.00005, 2.5, 12) // 50 µs … 1.19 s
	// GasBuckets: 1 thousand to about 4 billion units, for VM gas and
	// Ethereum gas alike.
	GasBuckets = prometheus.ExponentialBuckets(1_000, 4, 12) // 1e3 … 4.2e9
)

// Other is the label value of anything outside a label's fixed set
// (an unknown JSON-RPC method, a transaction of no known kind).
const Other = "other"

// Bounded returns v if it is in known, else Other: a label whose values
// come from the network never grows past known.
func Bounded(v string, known map[string]bool) string {
	if known[v] {
		return v
	}
	return Other
}
