package vm

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tetratelabs/wazero"
	wapi "github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
	"github.com/tetratelabs/wazero/sys"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/vm/meter"
)

const pageSize = 65536

// snapshot is the state every task of a module starts from: for a reactor
// (a Go contract) the instance right after _initialize, for other modules a
// freshly instantiated one. It holds the memory and the values of all
// mutable globals. Tables and passive segments never change (the rewriter
// refuses instructions that would change them), so memory and globals are
// the whole state, and an instance reset to the snapshot cannot leak
// anything from one task to the next.
type snapshot struct {
	pages     uint32
	initGas   uint64    // gas _initialize used (0 for other modules)
	fromFresh []pageRun // pages that differ from a fresh instance
	full      []pageRun // every page; data nil for a page of zeros
	globals   []snapGlob
}

type pageRun struct {
	off  uint32
	data []byte // nil: len zero bytes
	len  uint32
}

type snapGlob struct {
	name string
	val  uint64
}

// instance is a wazero instance of a module with the per-task plumbing of
// its WASI clock, randomness and stderr, which are fixed at instantiation
// and so are reached through sys.
type instance struct {
	mod   wapi.Module
	sys   *instSys
	fresh bool // never ran a task: memory is as instantiated
	gas   wapi.MutableGlobal
	depth wapi.MutableGlobal
	oom   wapi.MutableGlobal
	stop  wapi.MutableGlobal
	// reserve is the gas held back from gas (meter.ExportReserve).
	reserve wapi.MutableGlobal
	// poisoned: a stop request may still land on it; never reuse.
	poisoned bool
	globals  []wapi.MutableGlobal // in snapshot order
	exports  map[string]wapi.Function
}

// export returns the exported function name, cached: an instance serves
// one task at a time, and creating the function is a large part of a small
// contract's per-task cost.
func (in *instance) export(name string) wapi.Function {
	f, ok := in.exports[name]
	if !ok {
		f = in.mod.ExportedFunction(name)
		if in.exports == nil {
			in.exports = map[string]wapi.Function{}
		}
		in.exports[name] = f
	}
	return f
}

type instSys struct {
	clk    *clock
	rnd    io.Reader
	stderr *limitedBuffer
	stdout stdout
}

func (s *instSys) walltime() (int64, int32)   { return s.clk.walltime() }
func (s *instSys) nanotime() int64            { return s.clk.nanotime() }
func (s *instSys) sleep(ns int64)             { s.clk.sleep(ns) }
func (s *instSys) Read(p []byte) (int, error) { return s.rnd.Read(p) }
func (s *instSys) Write(p []byte) (int, error) {
	return s.stderr.Write(p)
}

// bind points the instance's WASI at the task.
func (in *instance) bind(t *task, clk *clock) {
	in.sys.clk = clk
	in.sys.rnd = seededStream(t.req.Seed, "wasi random")
	in.sys.stderr = &t.stderr
	in.sys.stdout = stdout{t: t}
}

// newInstance instantiates m with deterministic WASI: a clock that starts
// at the task's time and steps per read, seeded randomness, no files,
// arguments or environment.
func (e *Engine) newInstance(ctx context.Context, m *Module) (*instance, error) {
	is := &instSys{clk: newClock(time.Time{}, e.cfg.ClockStep, 0), rnd: bytes.NewReader(nil), stderr: &limitedBuffer{}}
	res := sys.ClockResolution(max(e.cfg.ClockStep.Nanoseconds(), 1))
	cfg := wazero.NewModuleConfig().WithName("").WithStartFunctions().
		WithWalltime(is.walltime, res).WithNanotime(is.nanotime, res).
		WithNanosleep(is.sleep).WithOsyield(func() {}).
		WithRandSource(is).WithStderr(is).WithStdout(&is.stdout)
	ictx := ctx
	if e.mem != nil {
		ictx = experimental.WithMemoryAllocator(ctx, e.mem)
	}
	mod, err := e.rt.InstantiateModule(ictx, m.compiled, cfg)
	if err != nil {
		if ctx.Err() != nil {
			return nil, api.Errorf(api.CodeTimeout, "vm: instantiate: %w", ctx.Err())
		}
		return nil, api.Errorf(api.CodeInvalidModule, "vm: cannot instantiate the contract: %v", err)
	}
	in := &instance{mod: mod, sys: is, fresh: true}
	if !e.cfg.Unmetered {
		in.gas, _ = mod.ExportedGlobal(meter.ExportGas).(wapi.MutableGlobal)
		in.depth, _ = mod.ExportedGlobal(meter.ExportDepth).(wapi.MutableGlobal)
		in.oom, _ = mod.ExportedGlobal(meter.ExportOOM).(wapi.MutableGlobal)
		in.stop, _ = mod.ExportedGlobal(meter.ExportStop).(wapi.MutableGlobal)
		in.reserve, _ = mod.ExportedGlobal(meter.ExportReserve).(wapi.MutableGlobal)
		if in.gas == nil || in.depth == nil || in.oom == nil || in.stop == nil || in.reserve == nil {
			mod.Close(ctx)
			return nil, api.Errorf(api.CodeInvalidModule, "vm: rewritten module lacks its counters")
		}
	}
	for _, name := range m.info.Globals {
		g, ok := mod.ExportedGlobal(name).(wapi.MutableGlobal)
		if !ok {
			mod.Close(ctx)
			return nil, api.Errorf(api.CodeInvalidModule, "vm: rewritten module lacks global %s", name)
		}
		in.globals = append(in.globals, g)
	}
	return in, nil
}

// acquire returns an instance in the state of snap, the module's
// snapshot: a pooled one reset, or a new one.
func (e *Engine) acquire(ctx context.Context, m *Module, snap *snapshot) (*instance, error) {
	in := m.pool.get()
	if in == nil {
		var err error
		if in, err = e.newInstance(ctx, m); err != nil {
			return nil, err
		}
	}
	if err := snap.restore(in); err != nil {
		in.mod.Close(ctx)
		return nil, api.Errorf(api.CodeResourceLimit, "vm: reset the contract instance: %v", err)
	}
	return in, nil
}

// errInitBudget is a reactor's initialisation that ran out of a deploy's
// gas before reaching InitGasLimit: the deploy is out of gas, and the module
// may still initialise under a larger budget.
var errInitBudget = errors.New("initialisation ran out of the deploy's gas")

// snapshotFor returns the module's snapshot for task t. A deploy lends the
// initialisation its remaining gas (at most InitGasLimit), so a deploy that
// cannot pay for it stops there; any other task initialises under the cap.
func (e *Engine) snapshotFor(ctx context.Context, m *Module, t *task) (*snapshot, error) {
	budget := int64(e.cfg.InitGasLimit)
	if t.req.Kind == Deploy {
		budget = min(budget, t.gasLeft())
	}
	snap, err := e.snapshot(ctx, m, budget)
	if errors.Is(err, errInitBudget) {
		t.setGas(-1)
		return nil, api.Errorf(api.CodeOutOfGas, "out of gas: the task's gas limit of %d does not cover the contract's initialisation", t.limit)
	}
	return snap, err
}

// release gives an instance back to the pool when it can be reset: it is
// still open and its memory did not grow (memory cannot shrink).
func (e *Engine) release(ctx context.Context, m *Module, in *instance) {
	in.fresh = false
	snap := m.snap
	if snap == nil || in.poisoned || in.mod.IsClosed() || in.mod.Memory().Size() != snap.pages*pageSize || !m.pool.put(in) {
		in.mod.Close(ctx)
	}
}

// snapshot returns the module's snapshot, taking it on first use with
// initBudget gas for a reactor's initialisation (errInitBudget when that is
// less than InitGasLimit and not enough).
func (e *Engine) snapshot(ctx context.Context, m *Module, initBudget int64) (*snapshot, error) {
	m.snapMu.Lock()
	defer m.snapMu.Unlock()
	if m.snapOK {
		if m.snapE == nil && int64(m.snap.initGas) > initBudget {
			return nil, errInitBudget
		}
		return m.snap, m.snapE
	}
	s, in, err := e.takeSnapshot(ctx, m, initBudget)
	if err != nil && (ctx.Err() != nil || errors.Is(err, errInitBudget)) {
		return nil, err // not the module's fault: try again next time
	}
	m.snap, m.snapE, m.snapOK = s, err, true
	if in != nil {
		// The instance the snapshot was taken from is in snapshot state.
		if in.poisoned || !m.pool.put(in) {
			in.mod.Close(ctx)
		}
	}
	return s, err
}

// initState is the state a reactor sees while initialising: empty, and
// whatever it writes is dropped (initialisation belongs to no task).
type initState struct{}

func (initState) Get([]byte) ([]byte, bool) { return nil, false }
func (initState) Set(_, _ []byte)           {}
func (initState) Delete([]byte)             {}

func (e *Engine) takeSnapshot(ctx context.Context, m *Module, initBudget int64) (*snapshot, *instance, error) {
	in, err := e.newInstance(ctx, m)
	if err != nil {
		return nil, nil, err
	}
	mem := in.mod.Memory()
	fresh, _ := mem.Read(0, mem.Size())
	fresh = bytes.Clone(fresh)
	var initGas uint64
	if m.info.Reactor {
		if initGas, err = e.initialise(ctx, m, in, initBudget); err != nil {
			in.mod.Close(ctx)
			return nil, nil, err
		}
	}
	size := mem.Size()
	all, _ := mem.Read(0, size)
	s := &snapshot{pages: size / pageSize, initGas: initGas}
	zero := make([]byte, pageSize)
	for off := uint32(0); off < size; off += pageSize {
		page := all[off : off+pageSize]
		want := zero
		if int(off) < len(fresh) {
			want = fresh[off : off+pageSize]
		}
		if !bytes.Equal(page, want) {
			s.fromFresh = appendRun(s.fromFresh, off, page)
		}
		if bytes.Equal(page, zero) {
			s.full = appendRun(s.full, off, nil)
		} else {
			s.full = appendRun(s.full, off, page)
		}
	}
	for i, name := range m.info.Globals {
		s.globals = append(s.globals, snapGlob{name: name, val: in.globals[i].Get()})
	}
	in.fresh = false
	return s, in, nil
}

// appendRun adds one page at off to runs, merging it with the last run when
// they are adjacent and of the same kind (zeros or data).
func appendRun(runs []pageRun, off uint32, page []byte) []pageRun {
	if n := len(runs); n > 0 {
		last := &runs[n-1]
		if last.off+last.len == off && (last.data == nil) == (page == nil) {
			if page != nil {
				last.data = append(last.data, page...)
			}
			last.len += pageSize
			return runs
		}
	}
	r := pageRun{off: off, len: pageSize}
	if page != nil {
		r.data = bytes.Clone(page)
	}
	return append(runs, r)
}

// initialise runs a reactor's _initialize with budget gas (at most
// InitGasLimit), at time zero and with a zero seed, so every node's snapshot
// is identical, and returns the gas it used. Running out of a budget below
// InitGasLimit is errInitBudget; running out of InitGasLimit makes the
// module invalid on every node alike.
func (e *Engine) initialise(ctx context.Context, m *Module, in *instance, budget int64) (uint64, error) {
	limit := min(budget, int64(e.cfg.InitGasLimit))
	t := &task{req: &Request{State: initState{}}, sched: &e.cfg.Schedule, limit: limit, remaining: limit}
	t.stderr.max = 4 << 10
	in.bind(t, newClock(time.Unix(0, 0), e.cfg.ClockStep, 1))
	t.bindGas(in)
	tctx := context.WithValue(ctx, taskKey{}, t)
	defer e.watch(ctx, in)()
	_, err := in.export("_initialize").Call(tctx)
	if err == nil && t.gasLeft() < 0 {
		// The last charges may land after the last check: out of gas all
		// the same.
		err = errors.New("out of gas")
	}
	if err != nil {
		cerr := e.classify(tctx, in, t, err)
		switch {
		case cerr == nil:
		case api.CodeOf(cerr) == api.CodeTimeout:
			return 0, cerr
		case api.CodeOf(cerr) == api.CodeOutOfGas && limit < int64(e.cfg.InitGasLimit):
			return 0, errInitBudget
		case api.CodeOf(cerr) == api.CodeOutOfGas:
			return 0, api.Errorf(api.CodeInvalidModule, "contract initialisation (_initialize) needs more than the limit of %d gas: do less in init", e.cfg.InitGasLimit)
		default:
			return 0, api.Errorf(api.CodeInvalidModule, "contract initialisation (_initialize) failed: %v", cerr)
		}
	}
	if in.mod.IsClosed() {
		return 0, api.Errorf(api.CodeInvalidModule, "contract initialisation (_initialize) exited the contract")
	}
	return t.gasUsed(false), nil
}

// restore resets an instance to the snapshot.
func (s *snapshot) restore(in *instance) error {
	mem := in.mod.Memory()
	cur := mem.Size() / pageSize
	if cur > s.pages {
		return fmt.Errorf("memory has %d pages, more than the snapshot's %d", cur, s.pages)
	}
	if cur < s.pages {
		if _, ok := mem.Grow(s.pages - cur); !ok {
			return fmt.Errorf("cannot grow memory to %d pages", s.pages)
		}
	}
	buf, ok := mem.Read(0, mem.Size())
	if !ok {
		return fmt.Errorf("cannot read memory")
	}
	runs := s.full
	if in.fresh {
		runs = s.fromFresh
	}
	for _, r := range runs {
		if r.data != nil {
			copy(buf[r.off:r.off+r.len], r.data)
		} else {
			clear(buf[r.off : r.off+r.len])
		}
	}
	for i, g := range s.globals {
		in.globals[i].Set(g.val)
	}
	if in.depth != nil {
		in.depth.Set(0)
		in.oom.Set(0)
		in.stop.Set(0)
	}
	return nil
}

// instancePool keeps reset-able instances of one module. idle counts the
// idle instances of all modules of an engine, which MaxIdleInstances bounds.
type instancePool struct {
	mu      sync.Mutex
	free    []*instance
	max     int
	closed  bool
	idle    *atomic.Int64
	maxIdle int64
}

func newInstancePool(max int, idle *atomic.Int64, maxIdle int) *instancePool {
	return &instancePool{max: max, idle: idle, maxIdle: int64(maxIdle)}
}

func (p *instancePool) get() *instance {
	p.mu.Lock()
	defer p.mu.Unlock()
	if n := len(p.free); n > 0 {
		in := p.free[n-1]
		p.free = p.free[:n-1]
		p.idle.Add(-1)
		return in
	}
	return nil
}

func (p *instancePool) put(in *instance) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed || len(p.free) >= p.max {
		return false
	}
	if p.idle.Add(1) > p.maxIdle {
		p.idle.Add(-1)
		return false
	}
	p.free = append(p.free, in)
	return true
}

// drain closes the pool and returns the instances it held.
func (p *instancePool) drain() []*instance {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.closed = true
	free := p.free
	p.free = nil
	p.idle.Add(-int64(len(free)))
	return free
}
