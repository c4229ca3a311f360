package workerhttp

import (
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"
)

// Config configures a Server and the Clients of one process.
type Config struct {
	// MaxRequestBytes bounds a request body the Server reads: a deploy
	// carries the contract's wasm (up to 16 MiB) in base64.
	MaxRequestBytes int64
	// MaxResponseBytes bounds a response body a Client reads: a state
	// export carries a contract's code, deltas and full state.
	MaxResponseBytes int64
	// CallTimeout bounds one call on the Server. A submission may wait for
	// its task record (worker.Config.RecordWait) and for a forward to the
	// selected worker, which waits for the record in turn.
	CallTimeout time.Duration
	// ClientTimeout bounds one request of a Client, connection included.
	// It is longer than CallTimeout so a forwarded submission's own
	// timeout fires first and its error reaches the caller.
	ClientTimeout time.Duration
	// ResolveEvery is how often Peers retries a peer it could not reach to
	// learn its signing address.
	ResolveEvery time.Duration
	// AdvertiseURL is the URL the other nodes list this process's Server
	// by (their peers), e.g. http://10.0.0.5:3401. The worker's enclave
	// signs it into its answers to identity challenges, and the Server
	// refuses challenges for any other URL, so another host cannot relay
	// them. Empty: http:// and the address Serve listens on.
	AdvertiseURL string
	Logger       *slog.Logger // nil discards
}

// DefaultConfig returns the settings the node roles run with.
func DefaultConfig() Config {
	return Config{
		MaxRequestBytes:  32 << 20,
		MaxResponseBytes: 256 << 20,
		CallTimeout:      30 * time.Second,
		ClientTimeout:    45 * time.Second,
		ResolveEvery:     time.Second,
	}
}

// TestConfig is DefaultConfig with shorter waits.
func TestConfig() Config {
	c := DefaultConfig()
	c.CallTimeout, c.ClientTimeout, c.ResolveEvery = 10*time.Second, 15*time.Second, 100*time.Millisecond
	return c
}

// Validate reports settings that cannot work.
func (c Config) Validate() error {
	var errs []error
	if c.MaxRequestBytes < 1<<10 || c.MaxResponseBytes < 1<<10 {
		errs = append(errs, errors.New("workerhttp: MaxRequestBytes and MaxResponseBytes must be at least 1 KiB"))
	}
	if c.AdvertiseURL != "" && !strings.HasPrefix(c.AdvertiseURL, "http://") && !strings.HasPrefix(c.AdvertiseURL, "https://") {
		errs = append(errs, fmt.Errorf("workerhttp: AdvertiseURL %q must start with http:// or https://", c.AdvertiseURL))
	}
	if c.CallTimeout <= 0 || c.ClientTimeout <= 0 || c.ResolveEvery <= 0 {
		errs = append(errs, errors.New("workerhttp: CallTimeout, ClientTimeout and ResolveEvery must be positive (start from DefaultConfig)"))
	}
	return errors.Join(errs...)
}

func (c Config) logger() *slog.Logger {
	if c.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return c.Logger
}
