package vm

import (
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/enigma-go/enigma/internal/vm/meter"
)

// Schedule is the gas cost table. The per-instruction part is applied by
// the rewritten module, the rest by the host.
type Schedule struct {
	meter.Schedule
	ComputeBase    uint64 // charged once per compute task
	DeployPerByte  uint64 // charged per byte of the deployed code
	WriteBase      uint64 // write_state: per call
	WritePerByte   uint64 // write_state: per byte the value grew (refunded when it shrinks)
	HostCallBase   uint64 // every other host call
	CryptoPerByte  uint64 // encrypt/decrypt/rand: per byte processed
	LogMaxBytes    int    // eprint output kept per run; the rest is dropped
	OutputMaxBytes int    // ret payload larger than this fails the run
	// BridgeMaxBytes bounds a write_eth_bridge payload: the Enigma
	// contract's forwarder must always afford to copy it within its fixed
	// gas, or no receipt carrying it could land.
	BridgeMaxBytes int
}

// DefaultSchedule is the original Enigma cost table: instructions regular 1,
// mul 4, div 16, load/store 2, memory.grow 8192 per page; 10,000 per compute
// call, 1 per deployed byte, write_state 10 + 1 per added byte.
func DefaultSchedule() Schedule {
	return Schedule{
		Schedule:       meter.DefaultSchedule(),
		ComputeBase:    10_000,
		DeployPerByte:  1,
		WriteBase:      10,
		WritePerByte:   1,
		LogMaxBytes:    64 << 10,
		OutputMaxBytes: 4 << 20,
		BridgeMaxBytes: 16 << 10,
	}
}

// Config configures an Engine. Fields are plain values; DefaultConfig gives
// the production settings and TestConfig small limits for tests.
type Config struct {
	Schedule Schedule

	// Interpreter selects wazero's interpreter instead of its compiler. The
	// two give identical results; the compiler is much faster.
	Interpreter bool
	// CacheDir, if set, keeps compiled and rewritten modules on disk so a
	// restart skips compilation. Empty: in memory only.
	CacheDir string
	// MaxModules bounds the in-memory cache of compiled modules.
	MaxModules int
	// PooledInstances is how many idle instances each cached module keeps
	// for reuse (reset to the module's snapshot before each task). Memory
	// held is bounded by MaxIdleInstances across all modules.
	PooledInstances  int
	MaxIdleInstances int

	MaxMemoryPages uint32 // per instance, 64 KiB each; Go contracts need about 100 (see RATIONALE.md)
	MaxCallDepth   uint32 // nested wasm calls
	MaxModuleBytes int
	MaxFunctions   int

	// InitGasLimit bounds a Go contract's one-time runtime initialisation
	// (_initialize), which no task pays for.
	InitGasLimit uint64
	// ClockStep is how far the WASI clock advances per read.
	ClockStep time.Duration

	// Unmetered runs modules without gas metering, the call depth limit or
	// stopping on ctx (with the compiler). Only benchmarks set it, to
	// measure the cost of metering.
	Unmetered bool

	Logger *slog.Logger // nil: discard
}

// DefaultConfig returns the production configuration.
func DefaultConfig() Config {
	return Config{
		Schedule:         DefaultSchedule(),
		MaxModules:       256,
		PooledInstances:  2,
		MaxIdleInstances: 32,
		MaxMemoryPages:   1024, // 64 MiB
		MaxCallDepth:     1000,
		MaxModuleBytes:   16 << 20,
		MaxFunctions:     100_000,
		InitGasLimit:     10_000_000_000,
		ClockStep:        time.Millisecond,
	}
}

// TestConfig is DefaultConfig with the interpreter optional and nothing on disk.
func TestConfig() Config {
	c := DefaultConfig()
	c.MaxModules = 64
	return c
}

// Validate reports a configuration that cannot work.
func (c Config) Validate() error {
	var errs []error
	if c.MaxMemoryPages == 0 || c.MaxMemoryPages > 65536 {
		errs = append(errs, fmt.Errorf("vm: MaxMemoryPages %d must be in 1..65536", c.MaxMemoryPages))
	}
	// wazero's interpreter refuses more than 2000 nested frames; stay well
	// below so both engines fail at the same depth.
	if c.MaxCallDepth == 0 || c.MaxCallDepth > 1500 {
		errs = append(errs, fmt.Errorf("vm: MaxCallDepth %d must be in 1..1500", c.MaxCallDepth))
	}
	if c.MaxModuleBytes <= 0 {
		errs = append(errs, errors.New("vm: MaxModuleBytes must be positive"))
	}
	if c.MaxFunctions <= 0 {
		errs = append(errs, errors.New("vm: MaxFunctions must be positive"))
	}
	if c.PooledInstances < 0 || c.MaxIdleInstances < 0 {
		errs = append(errs, errors.New("vm: PooledInstances and MaxIdleInstances must not be negative"))
	}
	if c.MaxModules <= 0 {
		errs = append(errs, errors.New("vm: MaxModules must be positive"))
	}
	if c.ClockStep <= 0 {
		errs = append(errs, errors.New("vm: ClockStep must be positive"))
	}
	if c.InitGasLimit == 0 {
		errs = append(errs, errors.New("vm: InitGasLimit must be positive"))
	}
	if c.Schedule.OutputMaxBytes <= 0 || c.Schedule.BridgeMaxBytes <= 0 || c.Schedule.LogMaxBytes < 0 {
		errs = append(errs, errors.New("vm: Schedule.OutputMaxBytes and BridgeMaxBytes must be positive and LogMaxBytes not negative"))
	}
	return errors.Join(errs...)
}

func (c Config) meterOptions() meter.Options {
	return meter.Options{
		Schedule:       c.Schedule.Schedule,
		Meter:          !c.Unmetered,
		MaxCallDepth:   c.MaxCallDepth,
		MaxMemoryPages: c.MaxMemoryPages,
		MaxModuleBytes: c.MaxModuleBytes,
		MaxFunctions:   c.MaxFunctions,
		CanonicalNaN:   true,
		Imports:        map[string]map[string]meter.Signature{"env": envSignatures()},
		AnyImportIn:    []string{wasiModule},
	}
}

// fingerprint names the rewriting settings in on-disk cache keys.
func (c Config) fingerprint() string {
	o := c.meterOptions()
	return fmt.Sprintf("v%d-%t-%d-%d-%d-%d-%d-%d-%d-%d", meter.Version, o.Meter, o.Schedule.Regular, o.Schedule.Mul,
		o.Schedule.Div, o.Schedule.Mem, o.Schedule.GrowPage, o.Schedule.BulkBytes, o.MaxCallDepth, o.MaxMemoryPages)
}
