package sim

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"log/slog"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/vm"
)

// Runner runs contract code for the worker enclave. NewVMRunner adapts the
// VM engine; it must be safe for concurrent use.
type Runner interface {
	Run(ctx context.Context, code []byte, req vm.Request) (vm.Result, error)
}

// Config configures a simulated enclave. Fields that only one role uses say
// so.
type Config struct {
	// SealKeyFile holds the 32-byte sealing key. It is created (mode 0600)
	// with a random key when missing. Required.
	SealKeyFile string
	// Sealed is the blob a previous instance returned from Seal; nil starts
	// a fresh enclave with a new signing key.
	Sealed []byte

	// Measurement stands for the enclave's code identity in the report.
	Measurement [32]byte
	// SecurityVersion is the report's ISVSVN.
	SecurityVersion uint16

	// KeyManager is the key manager enclave's signing address: the worker
	// enclave accepts state keys only in replies signed by it. Worker only.
	KeyManager api.EthAddress
	// Runner runs contracts. Worker only, required there.
	Runner Runner
	// MaxTaskKeysPerUser bounds the outstanding task keys kept per user
	// public key; the oldest is dropped first. Worker only.
	MaxTaskKeysPerUser int
	// MaxTaskKeysPerRequester bounds the outstanding task keys kept per
	// requester (TaskKeyRequest.Requester, e.g. a client address); the
	// requester's oldest is dropped first. Worker only.
	MaxTaskKeysPerRequester int
	// MaxTaskKeys bounds the outstanding task keys of all users together;
	// when full, the requester holding the most keys loses its oldest.
	// Worker only.
	MaxTaskKeys int
	// KeepEpochs is how many epochs (the current one included) task keys
	// and v2 epoch keys are kept. Worker only.
	KeepEpochs int
	// KeepRunEpochs is how many epochs (the current one included) a task
	// can still be executed in, and the ids of executed and held tasks are
	// kept to refuse a replay; at least KeepEpochs. The default, 5, is the
	// Enigma contract's ring of epochs: it refuses receipts of older ones.
	// A held task (HoldTask) needs no key, so it runs for this long.
	// Worker only.
	KeepRunEpochs int
	// MaxRememberedTasks bounds the task ids kept for KeepRunEpochs; past
	// it the oldest epoch of the window is given up early (its ids
	// forgotten, its tasks refused). Worker only.
	MaxRememberedTasks int
	// PadV2Responses pads envelope v2 outputs to their size bucket, so an
	// output's length reveals only the bucket. Worker only.
	PadV2Responses bool
	// KeepWorkerParams is how many signed epochs the key manager keeps to
	// answer state key requests (the Enigma contract keeps 5). KM only.
	KeepWorkerParams int

	// Rand is the enclave's randomness; nil means crypto/rand.
	Rand io.Reader
	// Logger receives operational messages (never secrets); nil discards.
	Logger *slog.Logger
}

// SimMeasurement is the measurement the simulated enclave reports by
// default: keccak256("enigma-go/enclave: simulated enclave v1"). It names
// the simulation, not any code; a hardware backend reports its MRENCLAVE.
func SimMeasurement() [32]byte {
	return compat.Keccak256([]byte("enigma-go/enclave: simulated enclave v1"))
}

// DefaultConfig returns the defaults; SealKeyFile and (for a worker) Runner
// and KeyManager must still be set.
func DefaultConfig() Config {
	return Config{
		Measurement:             SimMeasurement(),
		SecurityVersion:         1,
		MaxTaskKeysPerUser:      64,
		MaxTaskKeysPerRequester: 1024,
		MaxTaskKeys:             1 << 18,
		KeepEpochs:              3,
		KeepRunEpochs:           5,
		MaxRememberedTasks:      1 << 20,
		KeepWorkerParams:        5,
		PadV2Responses:          true,
	}
}

// Validate reports what is missing or out of range.
func (c *Config) Validate() error {
	var errs []error
	if c.SealKeyFile == "" {
		errs = append(errs, errors.New("SealKeyFile is empty: give the path of the node's seal key file (created if missing)"))
	}
	if c.MaxTaskKeysPerUser < 1 {
		errs = append(errs, fmt.Errorf("MaxTaskKeysPerUser is %d, want at least 1", c.MaxTaskKeysPerUser))
	}
	if c.MaxTaskKeysPerRequester < c.MaxTaskKeysPerUser {
		errs = append(errs, fmt.Errorf("MaxTaskKeysPerRequester is %d, want at least MaxTaskKeysPerUser (%d)", c.MaxTaskKeysPerRequester, c.MaxTaskKeysPerUser))
	}
	if c.MaxTaskKeys < c.MaxTaskKeysPerRequester {
		errs = append(errs, fmt.Errorf("MaxTaskKeys is %d, want at least MaxTaskKeysPerRequester (%d)", c.MaxTaskKeys, c.MaxTaskKeysPerRequester))
	}
	if c.KeepEpochs < 1 {
		errs = append(errs, fmt.Errorf("KeepEpochs is %d, want at least 1", c.KeepEpochs))
	}
	if c.KeepRunEpochs < c.KeepEpochs {
		errs = append(errs, fmt.Errorf("KeepRunEpochs is %d, want at least KeepEpochs (%d)", c.KeepRunEpochs, c.KeepEpochs))
	}
	if c.MaxRememberedTasks < 1 {
		errs = append(errs, fmt.Errorf("MaxRememberedTasks is %d, want at least 1", c.MaxRememberedTasks))
	}
	if c.KeepWorkerParams < 1 {
		errs = append(errs, fmt.Errorf("KeepWorkerParams is %d, want at least 1", c.KeepWorkerParams))
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("sim: invalid config: %w", err)
	}
	return nil
}

func (c *Config) rand() io.Reader {
	if c.Rand != nil {
		return c.Rand
	}
	return rand.Reader
}

func (c *Config) logger() *slog.Logger {
	if c.Logger != nil {
		return c.Logger
	}
	return slog.New(slog.DiscardHandler)
}
