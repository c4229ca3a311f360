package chain

import (
	"strings"
	"sync"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/enigma-go/enigma/internal/chain/bindings"
	"github.com/enigma-go/enigma/internal/telemetry"
)

// TxMetrics are a client's Prometheus metrics (docs/metrics.md), beside
// the counters Client.Metrics returns. A transaction's kind is the name of
// the Enigma or EnigmaToken method it calls, "deploy" for a creation,
// "transfer" for plain ether, else "other": a bounded label.
type TxMetrics struct {
	sent            *prometheus.CounterVec
	gas             *prometheus.HistogramVec
	retries         prometheus.Counter
	reverts         prometheus.Counter
	receiptTimeouts prometheus.Counter
	resent          prometheus.Counter
	head            prometheus.Gauge
}

// NewTxMetrics makes a client's metrics and registers them with reg; nil
// reg makes working metrics that nothing exports (NopTxMetrics).
func NewTxMetrics(reg prometheus.Registerer) *TxMetrics {
	counter := func(name, help string) prometheus.Counter {
		return prometheus.NewCounter(prometheus.CounterOpts{Namespace: telemetry.Namespace, Subsystem: "chain", Name: name, Help: help})
	}
	m := &TxMetrics{
		sent: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: telemetry.Namespace, Subsystem: "chain",
			Name: "transactions_total", Help: "Transactions the node accepted, by kind (the contract method called, deploy, transfer or other)."},
			[]string{"kind"}),
		gas: prometheus.NewHistogramVec(prometheus.HistogramOpts{Namespace: telemetry.Namespace, Subsystem: "chain",
			Name: "tx_gas_used", Help: "Gas used by each mined transaction the client waited for, by kind.", Buckets: telemetry.GasBuckets},
			[]string{"kind"}),
		retries:         counter("send_retries_total", "Sends tried again after a nonce conflict or a network error."),
		reverts:         counter("reverts_total", "Transactions or gas estimates the contract reverted."),
		receiptTimeouts: counter("receipt_timeouts_total", "Receipt waits that ran out of time (the transaction may still be mined)."),
		resent:          counter("resent_total", "Transactions sent again after the node dropped them."),
		head: prometheus.NewGauge(prometheus.GaugeOpts{Namespace: telemetry.Namespace, Subsystem: "chain", Name: "head_block",
			Help: "The highest block number the client read."}),
	}
	telemetry.Register(reg, m.sent, m.gas, m.retries, m.reverts, m.receiptTimeouts, m.resent, m.head)
	return m
}

// NopTxMetrics are metrics that nothing exports: what a client without
// Config.Metrics uses.
func NopTxMetrics() *TxMetrics { return NewTxMetrics(nil) }

// methodNames maps the 4-byte selectors of the Enigma and EnigmaToken
// contracts to their method names.
var methodNames = sync.OnceValue(func() map[[4]byte]string {
	out := map[[4]byte]string{}
	for _, md := range []string{bindings.EnigmaMetaData.ABI, bindings.EnigmaTokenMetaData.ABI} {
		a, err := abi.JSON(strings.NewReader(md))
		if err != nil {
			panic("chain: the committed ABI does not parse: " + err.Error())
		}
		for _, m := range a.Methods {
			out[[4]byte(m.ID)] = m.RawName
		}
	}
	return out
})

// txKind is tx's label value.
func txKind(tx Tx) string {
	switch {
	case tx.To == nil:
		return "deploy"
	case len(tx.Data) == 0:
		return "transfer"
	case len(tx.Data) >= 4:
		if name, ok := methodNames()[[4]byte(tx.Data[:4])]; ok {
			return name
		}
	}
	return telemetry.Other
}

// mined records a mined transaction's gas and block.
func (c *Client) mined(tx Tx, r *types.Receipt) {
	c.tm.gas.WithLabelValues(txKind(tx)).Observe(float64(r.GasUsed))
	if r.BlockNumber != nil {
		c.sawHead(r.BlockNumber.Uint64())
	}
}

// sawHead records a block number the client read, if it is the highest.
func (c *Client) sawHead(n uint64) {
	for {
		cur := c.m.head.Load()
		if n <= cur {
			return
		}
		if c.m.head.CompareAndSwap(cur, n) {
			c.tm.head.Set(float64(n))
			return
		}
	}
}
