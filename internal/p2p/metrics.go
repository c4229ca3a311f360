package p2p

import (
	"strconv"
	"sync/atomic"

	"github.com/libp2p/go-libp2p/core/protocol"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/enigma-go/enigma/internal/telemetry"
)

// Metrics are a host's Prometheus metrics (docs/metrics.md). Protocol
// labels are the few protocols the host speaks (short names); method
// labels the method byte of a request, "other" beyond the methods any
// protocol has, since a peer chooses it.
type Metrics struct {
	messages *prometheus.CounterVec
	bans     prometheus.Counter
	peers    atomic.Pointer[func() int]
}

// maxMethod bounds the method label: no protocol has more methods.
const maxMethod = 16

var protoNames = map[protocol.ID]string{
	ProtoIdentify: "identify", ProtoWorker: "worker", ProtoSync: "sync", ProtoStateKeys: "statekeys", ProtoAttest: "attest",
}

// NewMetrics makes a host's metrics and registers them with reg; nil reg
// makes working metrics that nothing exports (NopMetrics).
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		messages: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: telemetry.Namespace, Subsystem: "p2p",
			Name: "messages_total", Help: "Requests over the stream protocols, by protocol, method and direction (sent, served)."},
			[]string{"protocol", "method", "direction"}),
		bans: prometheus.NewCounter(prometheus.CounterOpts{Namespace: telemetry.Namespace, Subsystem: "p2p",
			Name: "bans_total", Help: "Peers banned for reaching the penalty threshold."}),
	}
	peers := prometheus.NewGaugeFunc(prometheus.GaugeOpts{Namespace: telemetry.Namespace, Subsystem: "p2p",
		Name: "peers", Help: "Peers connected now."}, func() float64 {
		if f := m.peers.Load(); f != nil {
			return float64((*f)())
		}
		return 0
	})
	telemetry.Register(reg, m.messages, m.bans, peers)
	return m
}

// NopMetrics are metrics that nothing exports: what a host without
// Config.Metrics uses.
func NopMetrics() *Metrics { return NewMetrics(nil) }

func (m *Metrics) message(proto protocol.ID, method byte, direction string) {
	p, ok := protoNames[proto]
	if !ok {
		p = telemetry.Other
	}
	meth := telemetry.Other
	if method < maxMethod {
		meth = strconv.Itoa(int(method))
	}
	m.messages.WithLabelValues(p, meth, direction).Inc()
}
