package chain

import "sync/atomic"

// Metrics counts what a Client did; read them with Client.Metrics. They
// are per client (no globals), cheap atomics, for the node roles to export.
type Metrics struct {
	TxSent          uint64 // transactions the node accepted
	SendRetries     uint64 // sends tried again after a nonce conflict or a network error
	Reverts         uint64 // transactions or estimates the contract reverted
	ReceiptTimeouts uint64 // receipt waits that ran out of time
	Resent          uint64 // transactions sent again after the node dropped them
}

type metrics struct {
	txSent, sendRetries, reverts, receiptTimeouts, resent atomic.Uint64
	head                                                  atomic.Uint64 // the highest block number read, for TxMetrics
}

// For Prometheus, Config.Metrics (telemetry.go).

// Metrics returns the client's counters so far.
func (c *Client) Metrics() Metrics {
	return Metrics{
		TxSent:          c.m.txSent.Load(),
		SendRetries:     c.m.sendRetries.Load(),
		Reverts:         c.m.reverts.Load(),
		ReceiptTimeouts: c.m.receiptTimeouts.Load(),
		Resent:          c.m.resent.Load(),
	}
}
