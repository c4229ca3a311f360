package gateway

import (
	"errors"
	"fmt"
	"log/slog"
	"time"
)

// Config configures a Server.
type Config struct {
	// MaxBodyBytes bounds a request body. The original gateway accepted
	// 20 MB, enough for a gzipped contract in base64.
	MaxBodyBytes int64
	// MaxPreCodeBytes bounds a contract's wasm after gunzip, so a small
	// gzip bomb cannot exhaust memory.
	MaxPreCodeBytes int64
	// MaxBatch bounds the number of calls in one JSON-RPC batch.
	MaxBatch int
	// CallTimeout bounds each call to the Backend.
	CallTimeout time.Duration
	// AllowedOrigin is echoed in Access-Control-Allow-Origin for browser
	// clients; "*" allows any origin, "" sends no CORS headers.
	AllowedOrigin string
	Logger        *slog.Logger // nil discards
}

// DefaultConfig returns the configuration the devnet uses.
func DefaultConfig() Config {
	return Config{
		MaxBodyBytes:    20 << 20,
		MaxPreCodeBytes: 16 << 20,
		MaxBatch:        100,
		CallTimeout:     30 * time.Second,
		AllowedOrigin:   "*",
	}
}

// Validate reports the first setting that cannot work.
func (c Config) Validate() error {
	var errs []error
	if c.MaxBodyBytes < 1<<10 {
		errs = append(errs, fmt.Errorf("gateway: MaxBodyBytes %d is below 1 KiB", c.MaxBodyBytes))
	}
	if c.MaxPreCodeBytes < 1<<10 {
		errs = append(errs, fmt.Errorf("gateway: MaxPreCodeBytes %d is below 1 KiB", c.MaxPreCodeBytes))
	}
	if c.MaxBatch < 1 {
		errs = append(errs, fmt.Errorf("gateway: MaxBatch must be at least 1"))
	}
	if c.CallTimeout <= 0 {
		errs = append(errs, fmt.Errorf("gateway: CallTimeout must be positive"))
	}
	return errors.Join(errs...)
}
