package vm

import (
	"errors"
	"fmt"
	"log/slog"
	"math"
	"runtime"
	"time"

	"github.com/enigma-go/enigma/internal/vm/meter"
)

// Schedule is the gas cost table and the limits of a run. The
// per-instruction part is applied by the rewritten module, the rest by the
// host. docs/gas.md gives each price with its measured cost.
type Schedule struct {
	meter.Schedule

	// Fixed charges of a task, taken before the contract runs.
	ComputeBase   uint64 // per compute task
	DeployPerByte uint64 // per byte of deployed code
	// A deploy also pays GrowPage per page of the module's initial memory
	// and, for a reactor (a Go contract), the gas its _initialize used.
	ResetPage uint64 // every task: per page of the snapshot its instance is reset to
	// StatePerByte is charged every task per byte of the contract's state
	// (keys and values) as the task starts, when the State reports its
	// size (StateSizer): the enclave opens and seals the whole state.
	StatePerByte uint64

	// Host calls, env and WASI alike, are charged before they do any work.
	HostCallBase  uint64 // every call
	CopyBytes     uint64 // 1 gas per this many bytes a call copies between memory and the host (0: free)
	StateBase     uint64 // read_state_len, read_state, remove_from_state: per call, besides HostCallBase
	CryptoPerByte uint64 // rand, random_get, encrypt, decrypt, and ret (the enclave seals the output): per byte
	// CipherKey is charged when encrypt or decrypt gets another key than
	// the task's previous encrypt or decrypt call did: the AES key schedule.
	CipherKey uint64
	IOVec     uint64 // WASI fd_read/fd_write/...: per iovec
	PollEvent uint64 // WASI poll_oneoff: per subscription
	WriteBase uint64 // write_state: per call, besides HostCallBase
	// WriteCopyPerByte is charged per byte of key and value write_state
	// is handed: the host copies the value twice, and the enclave seals it.
	WriteCopyPerByte uint64
	// WritePerByte is charged per byte the state grows (the key and value
	// of a new entry, the bytes a value grows by). A run that leaves the
	// state smaller than it found it gets the freed bytes back, up to half
	// of the gas it used.
	WritePerByte uint64

	// MaxTaskGas caps the gas of any task, whatever its gas limit: a run
	// given more is run with this much, and out of it fails out of gas
	// charged this much. Gas bounds a run's time (docs/gas.md): at this cap
	// a run ends within seconds, well before a worker gives a task up.
	MaxTaskGas uint64

	// Limits: a run that goes over one fails with CodeResourceLimit.
	MaxKeyBytes    int // a state key
	MaxValueBytes  int // a state value
	MaxStateBytes  int // a contract's whole state, keys and values (checked when a write grows it)
	OutputMaxBytes int // the payload of ret
	// LogMaxBytes bounds one eprint line and the log kept per run (lines
	// past it are dropped; WASI stdout and stderr are truncated, never fail).
	LogMaxBytes int
	// BridgeMaxBytes bounds a write_eth_bridge payload: the Enigma
	// contract's forwarder must always afford to copy it within its fixed
	// gas, or no receipt carrying it could land.
	BridgeMaxBytes int
}

// DefaultSchedule is the cost table of docs/gas.md: the original Enigma
// instruction prices (regular 1, mul 4, div 16, load/store 2; 10,000 per
// compute task, 1 per deployed byte, write_state 10 + 1 per added byte),
// with memory, host calls and state priced by their measured cost.
func DefaultSchedule() Schedule {
	return Schedule{
		Schedule:         meter.DefaultSchedule(),
		ComputeBase:      10_000,
		DeployPerByte:    1,
		ResetPage:        512,
		StatePerByte:     1,
		HostCallBase:     600,
		CopyBytes:        2,
		StateBase:        300,
		CryptoPerByte:    8,
		CipherKey:        6000,
		IOVec:            64,
		PollEvent:        512,
		WriteBase:        1500,
		WriteCopyPerByte: 2,
		WritePerByte:     1,
		MaxTaskGas:       10_000_000_000,
		MaxKeyBytes:      4 << 10,
		MaxValueBytes:    1 << 20,
		MaxStateBytes:    4 << 20,
		OutputMaxBytes:   1 << 20,
		LogMaxBytes:      64 << 10,
		BridgeMaxBytes:   16 << 10,
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

	// InitGasLimit caps a reactor's (a Go contract's) one-time runtime
	// initialisation (_initialize). The deploy pays for it: it runs within
	// the deploy's remaining gas, at most this cap, and its gas is part of
	// the deploy's. A node that initialises the module later (on its first
	// task) runs it under the cap alone and gets the same snapshot.
	InitGasLimit uint64
	// MaxConcurrentRuns bounds the runs that execute at once; others wait
	// for a slot until their ctx ends (CodeTimeout, wrapping ctx.Err()).
	MaxConcurrentRuns int
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
		Schedule:          DefaultSchedule(),
		MaxModules:        256,
		PooledInstances:   2,
		MaxIdleInstances:  32,
		MaxMemoryPages:    1024, // 64 MiB
		MaxCallDepth:      1000,
		MaxModuleBytes:    16 << 20,
		MaxFunctions:      100_000,
		InitGasLimit:      defaultInitGas,
		MaxConcurrentRuns: 2 * runtime.GOMAXPROCS(0),
		ClockStep:         time.Millisecond,
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
	if c.InitGasLimit == 0 || c.InitGasLimit > math.MaxInt64 {
		errs = append(errs, errors.New("vm: InitGasLimit must be positive (and below 2^63)"))
	}
	if c.MaxConcurrentRuns <= 0 {
		errs = append(errs, errors.New("vm: MaxConcurrentRuns must be positive"))
	}
	errs = append(errs, c.Schedule.validate())
	return errors.Join(errs...)
}

// validate reports limits that cannot work.
func (s Schedule) validate() error {
	var errs []error
	if s.OutputMaxBytes <= 0 || s.BridgeMaxBytes <= 0 || s.LogMaxBytes < 0 {
		errs = append(errs, errors.New("vm: Schedule.OutputMaxBytes and BridgeMaxBytes must be positive and LogMaxBytes not negative"))
	}
	if s.MaxTaskGas == 0 {
		errs = append(errs, errors.New("vm: Schedule.MaxTaskGas must be positive"))
	}
	if s.MaxKeyBytes <= 0 || s.MaxValueBytes <= 0 || s.MaxStateBytes <= 0 {
		errs = append(errs, errors.New("vm: Schedule.MaxKeyBytes, MaxValueBytes and MaxStateBytes must be positive"))
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
		Imports:        hostSignatures(),
		AnyImportIn:    []string{wasiModule},
	}
}

// fingerprint names the rewriting settings in on-disk cache keys.
func (c Config) fingerprint() string {
	o := c.meterOptions()
	return fmt.Sprintf("v%d-%t-%d-%d-%d-%d-%d-%d-%d-%d", meter.Version, o.Meter, o.Schedule.Regular, o.Schedule.Mul,
		o.Schedule.Div, o.Schedule.Mem, o.Schedule.GrowPage, o.Schedule.BulkBytes, o.MaxCallDepth, o.MaxMemoryPages)
}

// defaultInitGas caps a reactor's initialisation: a Go runtime initialises
// for about 1 M gas; the erc20 example, which builds its secp256k1 tables
// there, for about 480 M.
const defaultInitGas = 1_000_000_000
