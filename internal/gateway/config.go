package gateway

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
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
	// AllowedOrigins are the web origins browser clients may call from:
	// "*" allows any (Access-Control-Allow-Origin: *), an exact origin
	// ("https://app.example") is answered only to that origin, none sends
	// no CORS headers. Credentials are never allowed: the gateway uses no
	// cookies, and a reflected origin with credentials would let any site
	// act with a user's.
	AllowedOrigins []string

	// Routes are more HTTP handlers served beside the JSON-RPC (which
	// answers "/"), by path pattern (http.ServeMux syntax, e.g.
	// "GET /metrics" or "/explorer/"): the node's metrics and the
	// explorer. They get neither the JSON-RPC's CORS headers nor its
	// limits, and must not match "/" itself.
	Routes map[string]http.Handler

	// MaxConcurrent bounds the HTTP requests served at once; beyond it a
	// request is refused at once (503) rather than queued.
	MaxConcurrent int
	// CallsPerSecond and CallBurst bound the JSON-RPC calls of one
	// requester (client address; each call of a batch counts); 0 calls
	// per second: no bound.
	CallsPerSecond float64
	CallBurst      int
	// TaskKeysPerSecond and TaskKeyBurst bound one requester's
	// getWorkerEncryptionKey calls, on top of CallsPerSecond.
	TaskKeysPerSecond float64
	TaskKeyBurst      int

	Logger *slog.Logger // nil discards
	// Metrics, when set, receive the gateway's metrics (NewMetrics);
	// nil: NopMetrics.
	Metrics *Metrics
}

// DefaultConfig returns the configuration the devnet uses.
func DefaultConfig() Config {
	return Config{
		MaxBodyBytes:    20 << 20,
		MaxPreCodeBytes: 16 << 20,
		MaxBatch:        100,
		CallTimeout:     30 * time.Second,
		AllowedOrigins:  []string{"*"},
		MaxConcurrent:   512,
		// Generous for any one client (enigma-js, the Go client, a bench
		// of many users on one host); the enclaves' per-requester bounds on
		// task keys are what keeps one client from crowding out others.
		CallsPerSecond:    1000,
		CallBurst:         2000,
		TaskKeysPerSecond: 200,
		TaskKeyBurst:      1000,
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
	if c.MaxConcurrent < 1 {
		errs = append(errs, fmt.Errorf("gateway: MaxConcurrent must be at least 1"))
	}
	if (c.CallsPerSecond > 0 && c.CallBurst < c.MaxBatch) || (c.TaskKeysPerSecond > 0 && c.TaskKeyBurst < 1) {
		errs = append(errs, fmt.Errorf("gateway: CallBurst must hold a whole batch (%d) and TaskKeyBurst at least 1", c.MaxBatch))
	}
	for _, o := range c.AllowedOrigins {
		if o != "*" && !strings.Contains(o, "://") {
			errs = append(errs, fmt.Errorf("gateway: allowed origin %q is neither * nor scheme://host[:port]", o))
		}
	}
	return errors.Join(errs...)
}
