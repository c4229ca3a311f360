package gateway

import (
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/enigma-go/enigma/internal/telemetry"
)

// Metrics are the gateway's Prometheus metrics (docs/metrics.md). Method
// labels come from the fixed set of methods the gateway serves (anything
// else is "other"); code is "ok", the api code of an error, or the
// JSON-RPC code of an error that has none.
type Metrics struct {
	calls    *prometheus.CounterVec
	duration *prometheus.HistogramVec
	refusals [numRefusals]prometheus.Counter
	methods  map[string]*methodMetrics // filled by New; read only after
}

type methodMetrics struct {
	name     string
	ok       prometheus.Counter
	duration prometheus.Observer
}

// Refusals for load or rate.
const (
	refusedBusy     = iota // MaxConcurrent requests in flight
	refusedRate            // the requester's call rate
	refusedTaskKeys        // the requester's task key rate
	numRefusals
)

var refusalNames = [numRefusals]string{"busy", "rate", "task_keys"}

// NewMetrics makes the gateway's metrics and registers them with reg; nil
// reg makes working metrics that nothing exports (NopMetrics).
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		calls: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: telemetry.Namespace, Subsystem: "gateway",
			Name: "rpc_calls_total", Help: "JSON-RPC calls answered, by method and code (ok, the api error code, or the JSON-RPC error code)."},
			[]string{"method", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{Namespace: telemetry.Namespace, Subsystem: "gateway",
			Name: "rpc_call_seconds", Help: "Time to answer a JSON-RPC call, by method.", Buckets: telemetry.LatencyBuckets},
			[]string{"method"}),
		methods: map[string]*methodMetrics{},
	}
	refusals := prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: telemetry.Namespace, Subsystem: "gateway",
		Name: "refusals_total", Help: "Requests or calls refused for load (busy) or rate (rate, task_keys)."}, []string{"reason"})
	for i := range numRefusals {
		m.refusals[i] = refusals.WithLabelValues(refusalNames[i])
	}
	m.method(telemetry.Other)
	telemetry.Register(reg, m.calls, m.duration, refusals)
	return m
}

// NopMetrics are metrics that nothing exports: what a Server without
// Config.Metrics uses.
func NopMetrics() *Metrics { return NewMetrics(nil) }

// method resolves the children of one method's label (at New).
func (m *Metrics) method(name string) *methodMetrics {
	if mm, ok := m.methods[name]; ok {
		return mm
	}
	mm := &methodMetrics{name: name, ok: m.calls.WithLabelValues(name, "ok"), duration: m.duration.WithLabelValues(name)}
	m.methods[name] = mm
	return mm
}

// called records one call of method (any string: unknown ones are
// "other") answered with rpcErr (nil: a result) after d.
func (m *Metrics) called(method string, rpcErr *rpcError, d time.Duration) {
	mm, ok := m.methods[method]
	if !ok {
		mm = m.methods[telemetry.Other]
	}
	mm.duration.Observe(d.Seconds())
	if rpcErr == nil {
		mm.ok.Inc()
		return
	}
	code := rpcErr.Code
	if rpcErr.Data != nil {
		code = int(rpcErr.Data.Code)
	}
	m.calls.WithLabelValues(mm.name, strconv.Itoa(code)).Inc()
}

func (m *Metrics) refused(reason int) { m.refusals[reason].Inc() }
