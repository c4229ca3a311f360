package km

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/enigma-go/enigma/internal/telemetry"
)

// Metrics are the key manager's Prometheus metrics (docs/metrics.md).
type Metrics struct {
	epochsSet prometheus.Counter
	epoch     prometheus.Gauge
	served    prometheus.Counter
	refused   prometheus.Counter
	epochGas  prometheus.Observer
}

// NewMetrics makes the key manager's metrics and registers them with reg;
// nil reg makes working metrics that nothing exports (NopMetrics).
func NewMetrics(reg prometheus.Registerer) *Metrics {
	opts := func(name, help string) prometheus.CounterOpts {
		return prometheus.CounterOpts{Namespace: telemetry.Namespace, Subsystem: "km", Name: name, Help: help}
	}
	keys := prometheus.NewCounterVec(opts("state_key_requests_total",
		"Workers' state key requests, by result: served, or refused (not selected, unknown contract, enclave or seal error)."), []string{"result"})
	gas := prometheus.NewHistogram(prometheus.HistogramOpts{Namespace: telemetry.Namespace, Subsystem: "km",
		Name: "epoch_tx_gas", Help: "Gas used by each setWorkersParams transaction this key manager sent.", Buckets: telemetry.GasBuckets})
	m := &Metrics{
		epochsSet: prometheus.NewCounter(opts("epochs_set_total", "Epochs this key manager set on chain (setWorkersParams mined).")),
		epoch: prometheus.NewGauge(prometheus.GaugeOpts{Namespace: telemetry.Namespace, Subsystem: "km", Name: "epoch_block",
			Help: "First block of the current epoch, as the key manager last read or set it."}),
		served: keys.WithLabelValues("served"), refused: keys.WithLabelValues("refused"), epochGas: gas,
	}
	telemetry.Register(reg, m.epochsSet, m.epoch, keys, gas)
	return m
}

// NopMetrics are metrics that nothing exports: what a key manager without
// Config.Metrics uses.
func NopMetrics() *Metrics { return NewMetrics(nil) }
