package vm

import (
	"bytes"
	"context"
	"crypto/cipher"
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	wapi "github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/sys"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/vm/meter"
)

type taskKey struct{}

// ExitUnknownFunction is the WASI exit status (proc_exit) by which a
// contract says it has no function of the requested name: the run fails
// with CodeUnknownFunction. Exit status 0 ends the run normally; any other
// status fails it with CodeTrap, with the first line the contract wrote to
// stderr as the message.
const ExitUnknownFunction = 3

// task is the host-side state of one run.
type task struct {
	req   *Request
	sched *Schedule

	gasG      wapi.MutableGlobal // nil when unmetered
	reserveG  wapi.MutableGlobal
	remaining int64 // gas left, when gasG is nil
	limit     int64

	// stateSize is the contract's state in bytes (keys and values) as the
	// run's writes leave it; stateStart what it was at the start. Both
	// count from 0 when the State does not report its size.
	stateSize, stateStart int64

	output []byte
	bridge *EthBridge
	log    []string
	stderr limitedBuffer

	logBytes   int
	randStream *rand.ChaCha8
	ivStream   *rand.ChaCha8
	gcm        cipher.AEAD // the AEAD of the last encrypt or decrypt, under gcmKey
	gcmKey     [32]byte
	cbuf       []byte // encrypt and decrypt output, reused
	err        error  // first failure raised by a host function
}

// gasLeft is the gas the run has left: with metering, the compiled code's
// counter and the reserve it refills it from (meter.ExportReserve).
func (t *task) gasLeft() int64 {
	if t.gasG != nil {
		return int64(t.gasG.Get()) + int64(t.reserveG.Get())
	}
	return t.remaining
}

// setGas leaves the run v gas: at most meter.YieldGas in the compiled
// code's counter, the rest in its reserve.
func (t *task) setGas(v int64) {
	if t.gasG != nil {
		counter := min(v, meter.YieldGas)
		t.gasG.Set(uint64(counter))
		t.reserveG.Set(uint64(v - counter))
	}
	t.remaining = v
}

// what names the run in messages: a task, or a query.
func (t *task) what() string {
	if t.req.Kind == Query {
		return "query"
	}
	return "task"
}

// charge takes n gas or ends the run out of gas.
func (t *task) charge(n uint64) {
	if n == 0 {
		return
	}
	left := t.gasLeft()
	if left < 0 || n > uint64(left) {
		t.setGas(-1)
		t.fail(api.CodeOutOfGas, "out of gas: the %s's gas limit of %d is exhausted", t.what(), t.limit)
	}
	t.setGas(left - int64(n))
}

// gasUsed is what the run consumed. A successful run that leaves the
// contract's state smaller than it found it gets WritePerByte back per byte
// freed, up to half of its gas (as the original refunded state that shrank;
// the bound keeps a task that frees state from running for free). A failed
// run frees nothing: its writes are dropped.
func (t *task) gasUsed(ok bool) uint64 {
	left := t.gasLeft()
	if left < 0 {
		return uint64(t.limit)
	}
	used := uint64(t.limit - left)
	if ok && t.stateSize < t.stateStart {
		used -= min(satMul(uint64(t.stateStart-t.stateSize), t.sched.WritePerByte), used/2)
	}
	return used
}

// StateSizer is a State that knows its size: the bytes of all its keys and
// values. With it a run is charged StatePerByte for the state it starts
// from and bounded by MaxStateBytes across tasks; without it the bound
// applies to what one run adds.
type StateSizer interface {
	Size() int
}

// Run executes one task. The returned Result is non-nil even when the error
// is not, with GasUsed set (the gas limit when out of gas). Errors are
// *api.Error: CodeOutOfGas, CodeTrap, CodeResourceLimit, CodeHostCall,
// CodeInvalidInput for a bad request, CodeTimeout when ctx ends first.
func (e *Engine) Run(ctx context.Context, m *Module, req Request) (*Result, error) {
	// No task runs on more than MaxTaskGas, whatever it was given: gas is
	// what bounds a run's time, and a run that outlived the node's
	// deadline would end without a receipt.
	limit := int64(min(req.GasLimit, e.cfg.Schedule.MaxTaskGas, math.MaxInt64))
	t := &task{req: &req, sched: &e.cfg.Schedule, limit: limit, remaining: limit}
	t.stderr.max = 4 << 10
	if m != nil && m.engine != e {
		return &Result{}, api.Errorf(api.CodeInvalidInput, "vm: the module was compiled by another engine: compile it with this one")
	}
	if err := checkRequest(m, &req); err != nil {
		return &Result{}, err
	}
	done, err := e.slot(ctx)
	if err != nil {
		return &Result{}, err
	}
	defer done()
	res, err := e.run(ctx, m, t)
	if err != nil {
		return &Result{GasUsed: t.gasUsed(false), Log: t.log}, err
	}
	return res, nil
}

// slot waits for one of the MaxConcurrentRuns run slots and returns the
// function that frees it. A run that cannot get one before ctx ends fails
// with CodeTimeout wrapping ctx.Err(): the node's fault, not the contract's.
func (e *Engine) slot(ctx context.Context) (func(), error) {
	select {
	case e.runs <- struct{}{}:
		return func() { <-e.runs }, nil
	default:
	}
	select {
	case e.runs <- struct{}{}:
		return func() { <-e.runs }, nil
	case <-ctx.Done():
		return nil, api.Errorf(api.CodeTimeout, "vm: no free run slot (%d runs at once) before the task's deadline: %w", cap(e.runs), ctx.Err())
	}
}

func checkRequest(m *Module, req *Request) error {
	switch {
	case m == nil || m.compiled == nil:
		return api.Errorf(api.CodeInvalidInput, "vm: no module: compile the contract first")
	case m.evicted.Load():
		return api.Errorf(api.CodeUnavailable, "vm: the module was evicted from the engine's cache: compile the contract again")
	case req.State == nil:
		return api.Errorf(api.CodeInvalidInput, "vm: request has no State")
	case req.Kind != Deploy && req.Kind != Compute && req.Kind != Query:
		return api.Errorf(api.CodeInvalidInput, "vm: request kind %d is neither Deploy, Compute nor Query", req.Kind)
	case req.Kind == Query && !m.hasQuery:
		return api.Errorf(api.CodeUnknownFunction, "this contract has no query functions (its module exports no \"query\")")
	case req.Kind != Deploy && strings.TrimSpace(functionName(req.Function)) == "":
		return api.Errorf(api.CodeUnknownFunction, "vm: no function named in %q: give a signature such as \"add(uint256,uint256)\"", req.Function)
	}
	return nil
}

// functionName is the name part of the signature: the original host handed
// the contract what comes before '(' and eng_wasm dispatches on it.
func functionName(sig string) string {
	if i := strings.IndexByte(sig, '('); i >= 0 {
		return sig[:i]
	}
	return sig
}

func (e *Engine) run(ctx context.Context, m *Module, t *task) (*Result, error) {
	sched := &e.cfg.Schedule
	base, export := sched.ComputeBase, "call"
	if t.req.Kind == Query {
		export = "query"
	}
	if t.req.Kind == Deploy {
		// The code and the module's initial memory, priced like memory.grow.
		base = satAdd(satMul(uint64(m.codeLen), sched.DeployPerByte), satMul(uint64(m.info.MemoryMin), uint64(sched.GrowPage)))
		export = "deploy"
	}
	if sz, ok := t.req.State.(StateSizer); ok {
		t.stateStart = int64(sz.Size())
		t.stateSize = t.stateStart
		base = satAdd(base, satMul(uint64(t.stateStart), sched.StatePerByte))
	}
	if err := chargeUpFront(t, base); err != nil {
		return nil, err
	}
	snap, err := e.snapshotFor(ctx, m, t)
	if err != nil {
		return nil, err
	}
	// The deploy pays for the reactor's initialisation; every task for the
	// reset of its instance to the snapshot.
	fixed := satMul(uint64(snap.pages), sched.ResetPage)
	if t.req.Kind == Deploy {
		fixed = satAdd(fixed, snap.initGas)
	}
	if err := chargeUpFront(t, fixed); err != nil {
		return nil, err
	}
	in, err := e.acquire(ctx, m, snap)
	if err != nil {
		return nil, err
	}
	defer e.release(context.WithoutCancel(ctx), m, in)
	in.bind(t, newClock(t.req.Time, e.cfg.ClockStep, 0))
	defer in.sys.stdout.flush()
	t.bindGas(in)
	ctx = context.WithValue(ctx, taskKey{}, t)
	defer e.watch(ctx, in)()
	if _, err := in.export(export).Call(ctx); err != nil {
		if err := e.classify(ctx, in, t, err); err != nil {
			return nil, err
		}
	}
	if t.gasLeft() < 0 {
		return nil, api.Errorf(api.CodeOutOfGas, "out of gas: the %s's gas limit of %d is exhausted", t.what(), t.limit)
	}
	in.sys.stdout.flush()
	return &Result{Output: t.output, GasUsed: t.gasUsed(true), Bridge: t.bridge, Log: t.log}, nil
}

func chargeUpFront(t *task, n uint64) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = t.err
		}
	}()
	t.charge(n)
	return nil
}

// watch stops the run on in when ctx ends and returns the function that
// stops watching. The compiled code checks the stop flag with its gas
// checks: far cheaper than wazero's own close-on-cancel, which slows
// compiled loops many times over. The flag is written from another
// goroutine while wasm runs; compiled code reads it as plain memory. (The
// interpreter reads globals from Go, so there wazero's close-on-cancel is
// used instead.)
func (e *Engine) watch(ctx context.Context, in *instance) func() {
	if in.stop == nil || e.cfg.Interpreter || ctx.Done() == nil {
		return func() {}
	}
	stop := context.AfterFunc(ctx, func() { in.stop.Set(1) })
	return func() {
		if !stop() {
			in.poisoned = true // the flag may be set after this run: never reuse
		}
	}
}

// bindGas hands the task's gas to the instance's counter and reserve.
func (t *task) bindGas(in *instance) {
	if in.gas == nil {
		return
	}
	left := t.remaining
	t.gasG, t.reserveG = in.gas, in.reserve
	t.setGas(left)
}

// classify turns the error of an exported call into a coded error, or nil
// when the contract ended normally through proc_exit(0).
func (e *Engine) classify(ctx context.Context, in *instance, t *task, err error) error {
	if t.err != nil {
		return t.err
	}
	if ctx.Err() != nil {
		return api.Errorf(api.CodeTimeout, "vm: run stopped: %w", ctx.Err())
	}
	var exit *sys.ExitError
	if errors.As(err, &exit) {
		switch exit.ExitCode() {
		case 0:
			return nil
		case ExitUnknownFunction:
			if t.req.Kind == Query {
				return api.Errorf(api.CodeUnknownFunction, "%s is not a query function of this contract", functionName(t.req.Function))
			}
			return api.Errorf(api.CodeUnknownFunction, "the contract has no function %q", t.req.Function)
		}
		msg := "contract exited with code %d"
		if s := firstLine(strings.ToValidUTF8(string(bytes.TrimSpace(t.stderr.Bytes())), "\uFFFD")); s != "" {
			return api.Errorf(api.CodeTrap, msg+": %s", exit.ExitCode(), s)
		}
		return api.Errorf(api.CodeTrap, msg, exit.ExitCode())
	}
	if !e.cfg.Unmetered {
		if g := t.gasLeft(); g < 0 {
			return api.Errorf(api.CodeOutOfGas, "out of gas: the %s's gas limit of %d is exhausted", t.what(), t.limit)
		}
		if in.depth != nil && uint32(in.depth.Get()) > e.cfg.MaxCallDepth {
			return api.Errorf(api.CodeResourceLimit, "call stack too deep: more than %d nested calls", e.cfg.MaxCallDepth)
		}
		if in.oom != nil && in.oom.Get() != 0 {
			return api.Errorf(api.CodeResourceLimit, "contract trapped after asking for more than the memory limit of %d pages (%d MiB)",
				e.cfg.MaxMemoryPages, e.cfg.MaxMemoryPages/16)
		}
	}
	msg := firstLine(err.Error())
	if strings.Contains(msg, "stack overflow") {
		return api.Errorf(api.CodeResourceLimit, "call stack too deep: %s", msg)
	}
	if s := firstLine(string(bytes.TrimSpace(t.stderr.Bytes()))); s != "" {
		// A Go contract prints its panic before trapping: say what it was.
		return api.Errorf(api.CodeTrap, "contract trapped: %s (%s)", msg, strings.ToValidUTF8(s, "\uFFFD"))
	}
	return api.Errorf(api.CodeTrap, "contract trapped: %s", msg)
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

// limitedBuffer keeps the first max bytes written to it.
type limitedBuffer struct {
	bytes.Buffer
	max int
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if room := b.max - b.Len(); room > 0 {
		b.Buffer.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

// clock is the deterministic WASI clock of one run: every read advances it
// by step, and sleeping advances it by the duration, so time.Sleep returns
// at once and a busy wait on the clock ends.
type clock struct {
	wall int64 // ns since the Unix epoch
	mono int64
	step int64
}

// monoBase puts task clocks far after the initialisation clock (which
// starts at 0), so the monotonic clock a Go runtime saw while initialising
// never runs backwards in a task.
const monoBase = int64(1) << 50

func newClock(start time.Time, step time.Duration, mono int64) *clock {
	wall := int64(0)
	if !start.IsZero() {
		wall = start.UnixNano()
	}
	if mono == 0 {
		mono = monoBase
	}
	return &clock{wall: wall, mono: mono, step: step.Nanoseconds()}
}

func (c *clock) tick() {
	c.wall += c.step
	c.mono += c.step
}

func (c *clock) walltime() (int64, int32) {
	w := c.wall
	c.tick()
	return w / 1e9, int32(w % 1e9)
}

func (c *clock) nanotime() int64 {
	m := c.mono
	c.tick()
	return m
}

func (c *clock) sleep(ns int64) {
	if ns > 0 {
		c.wall += ns
		c.mono += ns
	}
}
