package vm

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"

	"github.com/tetratelabs/wazero"
	wapi "github.com/tetratelabs/wazero/api"
	"golang.org/x/crypto/sha3"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/vm/meter"
)

// Engine compiles and runs contracts. It is safe for concurrent use: every
// Run gets an instance of its own.
type Engine struct {
	cfg   Config
	log   *slog.Logger
	rt    wazero.Runtime
	cache wazero.CompilationCache // nil without CacheDir
	wasi  map[string]wapi.FunctionDefinition
	mem   *memPool // nil with the interpreter
	idle  atomic.Int64
	runs  chan struct{} // a slot per run executing, MaxConcurrentRuns of them

	mu     sync.Mutex
	mods   map[[32]byte]*cacheEntry
	order  [][32]byte // insertion order, for eviction
	closed bool
}

type cacheEntry struct {
	ready chan struct{}
	m     *Module
	err   error
}

// Module is a validated, rewritten and compiled contract.
type Module struct {
	engine   *Engine
	hash     [32]byte
	codeLen  int
	compiled wazero.CompiledModule
	info     meter.Info
	hasQuery bool // exports "query" (secret queries)

	pool    *instancePool
	evicted atomic.Bool
	snapMu  sync.Mutex
	snap    *snapshot
	snapOK  bool
	snapE   error
}

// evict releases the module's compiled code and idle instances. Runs in
// progress finish; later runs fail with CodeUnavailable.
func (m *Module) evict() {
	m.evicted.Store(true)
	for _, in := range m.pool.drain() {
		in.mod.Close(context.Background())
	}
	m.compiled.Close(context.Background())
}

// CodeHash is keccak256 of the code as given to Compile: the code hash the
// chain records.
func (m *Module) CodeHash() [32]byte { return m.hash }

// CodeSize is the length of the code as given to Compile, in bytes.
func (m *Module) CodeSize() int { return m.codeLen }

// InstanceMemory is the linear memory of one instance in bytes, as of the
// module's snapshot (taken on its first run; 0 before).
func (m *Module) InstanceMemory() int {
	m.snapMu.Lock()
	defer m.snapMu.Unlock()
	if m.snap == nil {
		return 0
	}
	return int(m.snap.pages) * pageSize
}

// HasQuery reports whether the module exports "query": whether it can
// answer secret queries.
func (m *Module) HasQuery() bool { return m.hasQuery }

// IsReactor reports whether the module is a WASI reactor (a Go contract)
// whose runtime is initialised once and snapshotted.
func (m *Module) IsReactor() bool { return m.info.Reactor }

// NewEngine starts a wazero runtime with the host functions.
func NewEngine(ctx context.Context, cfg Config) (*Engine, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	rc := wazero.NewRuntimeConfigCompiler()
	if cfg.Interpreter {
		// The interpreter reads globals from Go, so a stop flag set from
		// another goroutine would be a data race: let wazero watch ctx.
		rc = wazero.NewRuntimeConfigInterpreter().WithCloseOnContextDone(true)
	}
	// No DWARF: resolving a trap's stack to source lines cost milliseconds
	// per trap, work the contract's gas never paid for; the first line of
	// the error is all a failure receipt says.
	rc = rc.WithMemoryLimitPages(cfg.MaxMemoryPages).WithCoreFeatures(wapi.CoreFeaturesV2).WithDebugInfoEnabled(false)
	e := &Engine{cfg: cfg, log: log.With("component", "vm"), mods: map[[32]byte]*cacheEntry{},
		runs: make(chan struct{}, cfg.MaxConcurrentRuns)}
	if !cfg.Interpreter {
		// Not with the interpreter: wazero may free an interpreted
		// instance's memory from another goroutine when ctx ends, while
		// the run still writes to it, so its buffer must not be reused.
		e.mem = newMemPool(16)
	}
	if cfg.CacheDir != "" {
		c, err := wazero.NewCompilationCacheWithDir(filepath.Join(cfg.CacheDir, "compiled"))
		if err != nil {
			return nil, fmt.Errorf("vm: open compilation cache in %s: %w", cfg.CacheDir, err)
		}
		e.cache = c
		rc = rc.WithCompilationCache(c)
	}
	e.rt = wazero.NewRuntimeWithConfig(ctx, rc)
	if err := instantiateHost(ctx, e.rt); err != nil {
		e.rt.Close(ctx)
		return nil, fmt.Errorf("vm: host functions: %w", err)
	}
	if err := instantiateWASI(ctx, e.rt); err != nil {
		e.rt.Close(ctx)
		return nil, fmt.Errorf("vm: WASI: %w", err)
	}
	e.wasi = e.rt.Module(wasiModule).ExportedFunctionDefinitions()
	return e, nil
}

// Close releases the runtime and every compiled module. Runs in progress
// fail.
func (e *Engine) Close(ctx context.Context) error {
	e.mu.Lock()
	e.closed = true
	e.mods = map[[32]byte]*cacheEntry{}
	e.mu.Unlock()
	err := e.rt.Close(ctx)
	if e.cache != nil {
		err = errors.Join(err, e.cache.Close(ctx))
	}
	return err
}

// Keccak256 hashes code the way the chain records code hashes.
func Keccak256(code []byte) [32]byte {
	h := sha3.NewLegacyKeccak256()
	h.Write(code)
	var out [32]byte
	h.Sum(out[:0])
	return out
}

// Compile validates, rewrites and compiles code, or returns the module
// compiled before from the same code. Errors are *api.Error with
// CodeInvalidModule or CodeResourceLimit and say what is wrong.
func (e *Engine) Compile(ctx context.Context, code []byte) (*Module, error) {
	hash := Keccak256(code)
	e.mu.Lock()
	if e.closed {
		e.mu.Unlock()
		return nil, api.Errorf(api.CodeUnavailable, "vm: engine is closed")
	}
	if ent, ok := e.mods[hash]; ok {
		e.touchLocked(hash)
		e.mu.Unlock()
		select {
		case <-ent.ready:
			return ent.m, ent.err
		case <-ctx.Done():
			return nil, api.Errorf(api.CodeTimeout, "vm: compile: %w", ctx.Err())
		}
	}
	ent := &cacheEntry{ready: make(chan struct{})}
	e.mods[hash] = ent
	e.order = append(e.order, hash)
	e.evictLocked()
	e.mu.Unlock()

	ent.m, ent.err = e.compile(ctx, code, hash)
	close(ent.ready)
	if ent.err != nil {
		// Failures caused by the context are not the code's fault: forget
		// them so a later call can try again.
		if ctx.Err() != nil {
			e.mu.Lock()
			if e.mods[hash] == ent {
				delete(e.mods, hash)
			}
			e.mu.Unlock()
		}
		return nil, ent.err
	}
	return ent.m, nil
}

// touchLocked marks hash as the most recently used module.
func (e *Engine) touchLocked(hash [32]byte) {
	for i, h := range e.order {
		if h == hash {
			copy(e.order[i:], e.order[i+1:])
			e.order[len(e.order)-1] = hash
			return
		}
	}
}

// evictLocked drops the least recently used modules over MaxModules. A
// module still being compiled is skipped.
func (e *Engine) evictLocked() {
	for i := 0; len(e.order) > e.cfg.MaxModules && i < len(e.order); {
		old := e.order[i]
		ent, ok := e.mods[old]
		if ok {
			select {
			case <-ent.ready:
			default:
				i++ // still compiling
				continue
			}
			delete(e.mods, old)
			if ent.m != nil {
				ent.m.evict()
			}
		}
		e.order = append(e.order[:i], e.order[i+1:]...)
	}
}

func (e *Engine) compile(ctx context.Context, code []byte, hash [32]byte) (*Module, error) {
	rewritten, info, err := e.rewrite(code, hash)
	if err != nil {
		return nil, err
	}
	compiled, err := e.rt.CompileModule(ctx, rewritten)
	if err != nil {
		if ctx.Err() != nil {
			return nil, api.Errorf(api.CodeTimeout, "vm: compile: %w", ctx.Err())
		}
		return nil, api.Errorf(api.CodeInvalidModule, "invalid contract module: %v", err)
	}
	if err := e.checkWASI(compiled); err != nil {
		compiled.Close(ctx)
		return nil, err
	}
	e.log.Debug("compiled contract", "code_hash", hex.EncodeToString(hash[:]), "bytes", len(code), "reactor", info.Reactor)
	_, hasQuery := compiled.ExportedFunctions()["query"]
	return &Module{engine: e, hash: hash, codeLen: len(code), compiled: compiled, info: *info, hasQuery: hasQuery,
		pool: newInstancePool(e.cfg.PooledInstances, &e.idle, e.cfg.MaxIdleInstances)}, nil
}

// checkWASI makes sure every WASI import exists with the signature the
// module expects, so the mismatch is reported at deploy, not at first run.
func (e *Engine) checkWASI(c wazero.CompiledModule) error {
	for _, def := range c.ImportedFunctions() {
		mod, name, _ := def.Import()
		if mod != wasiModule {
			continue
		}
		have, ok := e.wasi[name]
		if !ok {
			return api.Errorf(api.CodeInvalidModule, "invalid contract module: unknown WASI import %s.%s", mod, name)
		}
		if !sameTypes(have.ParamTypes(), def.ParamTypes()) || !sameTypes(have.ResultTypes(), def.ResultTypes()) {
			return api.Errorf(api.CodeInvalidModule, "invalid contract module: WASI import %s.%s has the wrong signature", mod, name)
		}
	}
	return nil
}

func sameTypes(a, b []wapi.ValueType) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// rewritten is the sidecar stored beside rewritten bytes on disk.
type rewrittenMeta struct {
	SHA256 string     `json:"sha256"`
	Info   meter.Info `json:"info"`
}

// rewrite returns the instrumented module, from the disk cache when it has it.
func (e *Engine) rewrite(code []byte, hash [32]byte) ([]byte, *meter.Info, error) {
	var base string
	if e.cfg.CacheDir != "" {
		base = filepath.Join(e.cfg.CacheDir, "rewritten", hex.EncodeToString(hash[:])+"-"+e.cfg.fingerprint())
		if out, info, ok := readRewritten(base); ok {
			return out, info, nil
		}
	}
	out, info, err := meter.Instrument(code, e.cfg.meterOptions())
	if err != nil {
		var me *meter.Error
		if errors.As(err, &me) && me.Limit {
			return nil, nil, api.Errorf(api.CodeResourceLimit, "contract module exceeds a limit: %v", err)
		}
		return nil, nil, api.Errorf(api.CodeInvalidModule, "invalid contract module: %v", err)
	}
	if base != "" {
		if err := writeRewritten(base, out, info); err != nil {
			e.log.Warn("cannot cache rewritten module", "err", err)
		}
	}
	return out, info, nil
}

func readRewritten(base string) ([]byte, *meter.Info, bool) {
	out, err := os.ReadFile(base + ".wasm")
	if err != nil {
		return nil, nil, false
	}
	mb, err := os.ReadFile(base + ".json")
	if err != nil {
		return nil, nil, false
	}
	var meta rewrittenMeta
	sum := sha256.Sum256(out)
	if json.Unmarshal(mb, &meta) != nil || meta.SHA256 != hex.EncodeToString(sum[:]) {
		return nil, nil, false
	}
	return out, &meta.Info, true
}

func writeRewritten(base string, out []byte, info *meter.Info) error {
	if err := os.MkdirAll(filepath.Dir(base), 0o755); err != nil {
		return err
	}
	sum := sha256.Sum256(out)
	mb, err := json.Marshal(rewrittenMeta{SHA256: hex.EncodeToString(sum[:]), Info: *info})
	if err != nil {
		return err
	}
	if err := writeAtomic(base+".wasm", out); err != nil {
		return err
	}
	return writeAtomic(base+".json", mb)
}

func writeAtomic(path string, b []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	return os.Rename(f.Name(), path)
}
