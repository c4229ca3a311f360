package chain

import (
	"errors"
	"fmt"
	"log/slog"
	"time"
)

// Config configures a Client.
type Config struct {
	// RPCURL is the node's JSON-RPC endpoint (http://, https://, ws://,
	// wss:// or an IPC path), e.g. the dev chain's http://127.0.0.1:8545.
	RPCURL string
	// ChainID, if not 0, must match the node's: a guard against sending
	// to the wrong network.
	ChainID uint64

	// GasMarginPercent is added to every gas estimate: the state can move
	// between estimation and inclusion (e.g. a new epoch), and running out
	// of gas costs more than the margin.
	GasMarginPercent uint64
	// ReceiptTimeout bounds the wait for a transaction's receipt.
	ReceiptTimeout time.Duration
	// PollInterval is how often receipts and new blocks are polled.
	PollInterval time.Duration
	// CallTimeout bounds each JSON-RPC request.
	CallTimeout time.Duration
	// SendAttempts is how many times a transaction is signed and sent when
	// the node answers with a nonce conflict or a network error.
	SendAttempts int
	// Confirmations is the depth at which node roles act on events (they
	// pass it to Enigma.WatchEvents; --confirmations sets it). 0: as soon
	// as an event is in a block.
	Confirmations uint64

	Logger *slog.Logger // nil discards
	// Metrics, when set, receive the client's Prometheus metrics
	// (NewTxMetrics); nil: NopTxMetrics. Client.Metrics counts either way.
	Metrics *TxMetrics
}

// DefaultConfig talks to the dev chain on 127.0.0.1:8545.
func DefaultConfig() Config {
	return Config{
		RPCURL:           "http://127.0.0.1:8545",
		GasMarginPercent: 20,
		ReceiptTimeout:   2 * time.Minute,
		PollInterval:     250 * time.Millisecond,
		CallTimeout:      15 * time.Second,
		SendAttempts:     3,
		Confirmations:    1,
	}
}

// TestConfig suits a chain with 100-250 ms blocks.
func TestConfig() Config {
	c := DefaultConfig()
	c.ReceiptTimeout = 30 * time.Second
	c.PollInterval = 25 * time.Millisecond
	c.Confirmations = 0
	return c
}

// Validate reports every setting that cannot work.
func (c Config) Validate() error {
	var errs []error
	if c.RPCURL == "" {
		errs = append(errs, errors.New("chain: RPCURL is empty; give the node's JSON-RPC URL, e.g. http://127.0.0.1:8545"))
	}
	if c.GasMarginPercent > 400 {
		errs = append(errs, fmt.Errorf("chain: GasMarginPercent %d is above 400", c.GasMarginPercent))
	}
	if c.ReceiptTimeout <= 0 || c.PollInterval <= 0 || c.CallTimeout <= 0 {
		errs = append(errs, errors.New("chain: ReceiptTimeout, PollInterval and CallTimeout must be positive"))
	}
	if c.PollInterval > c.ReceiptTimeout {
		errs = append(errs, fmt.Errorf("chain: PollInterval %v is longer than ReceiptTimeout %v", c.PollInterval, c.ReceiptTimeout))
	}
	if c.SendAttempts < 1 || c.SendAttempts > 10 {
		errs = append(errs, fmt.Errorf("chain: SendAttempts %d must be between 1 and 10", c.SendAttempts))
	}
	return errors.Join(errs...)
}
