package vm

import (
	"bytes"
	"context"
	"fmt"
	"time"

	wapi "github.com/tetratelabs/wazero/api"

	"github.com/enigma-go/enigma/api"
)

const pageSize = 65536

// snapshot is a reactor's state right after _initialize: the memory pages
// that differ from a fresh instance and the values of all mutable globals.
// Every task of the module starts from it, so the Go runtime starts once
// per module instead of once per task, and no task sees another's state.
type snapshot struct {
	pages   uint32     // memory size in pages
	runs    []pageRun  // pages that differ from a fresh instance
	globals []snapGlob // mutable globals of the module
}

type pageRun struct {
	off  uint32
	data []byte
}

type snapGlob struct {
	name string
	val  uint64
}

// snapshot returns the module's snapshot, taking it on first use.
func (e *Engine) snapshot(ctx context.Context, m *Module) (*snapshot, error) {
	m.snapMu.Lock()
	defer m.snapMu.Unlock()
	if m.snapOK {
		return m.snap, m.snapE
	}
	s, err := e.takeSnapshot(ctx, m)
	if err != nil && ctx.Err() != nil {
		return nil, err // not the module's fault: try again next time
	}
	m.snap, m.snapE, m.snapOK = s, err, true
	return s, err
}

// initState is the state a reactor sees while initialising: empty, and
// whatever it writes is dropped (initialisation belongs to no task).
type initState struct{}

func (initState) Get([]byte) ([]byte, bool) { return nil, false }
func (initState) Set(_, _ []byte)           {}
func (initState) Delete([]byte)             {}

func (e *Engine) takeSnapshot(ctx context.Context, m *Module) (*snapshot, error) {
	limit := int64(min(e.cfg.InitGasLimit, 1<<62))
	t := &task{req: &Request{State: initState{}}, sched: &e.cfg.Schedule, limit: limit, remaining: limit}
	t.stderr.max = 4 << 10
	tctx := context.WithValue(ctx, taskKey{}, t)
	clk := newClock(time.Unix(0, 0), e.cfg.ClockStep, 1)
	inst, err := e.instantiate(tctx, m, t, clk)
	if err != nil {
		return nil, err
	}
	defer inst.Close(context.WithoutCancel(ctx))
	if err := e.bindGas(inst, t); err != nil {
		return nil, err
	}
	if _, err := inst.ExportedFunction("_initialize").Call(tctx); err != nil {
		if cerr := e.classify(tctx, inst, t, err); cerr != nil {
			if api.CodeOf(cerr) == api.CodeTimeout {
				return nil, cerr
			}
			return nil, api.Errorf(api.CodeInvalidModule, "contract initialisation (_initialize) failed: %v", cerr)
		}
	}
	fresh, err := e.instantiate(tctx, m, t, newClock(time.Unix(0, 0), e.cfg.ClockStep, 1))
	if err != nil {
		return nil, err
	}
	defer fresh.Close(context.WithoutCancel(ctx))

	mem := inst.Memory()
	size := mem.Size()
	all, _ := mem.Read(0, size)
	base, _ := fresh.Memory().Read(0, fresh.Memory().Size())
	s := &snapshot{pages: size / pageSize}
	zero := make([]byte, pageSize)
	for off := uint32(0); off < size; off += pageSize {
		page := all[off : off+pageSize]
		want := zero
		if int(off) < len(base) {
			want = base[off : off+pageSize]
		}
		if bytes.Equal(page, want) {
			continue
		}
		if n := len(s.runs); n > 0 && s.runs[n-1].off+uint32(len(s.runs[n-1].data)) == off {
			s.runs[n-1].data = append(s.runs[n-1].data, page...)
		} else {
			s.runs = append(s.runs, pageRun{off: off, data: append([]byte(nil), page...)})
		}
	}
	for _, name := range m.info.Globals {
		g := inst.ExportedGlobal(name)
		if g == nil {
			return nil, fmt.Errorf("vm: snapshot: global %s missing", name)
		}
		s.globals = append(s.globals, snapGlob{name: name, val: g.Get()})
	}
	return s, nil
}

// restore puts the snapshot into a fresh instance of the same module.
func (s *snapshot) restore(inst wapi.Module) error {
	mem := inst.Memory()
	if cur := mem.Size() / pageSize; cur < s.pages {
		if _, ok := mem.Grow(s.pages - cur); !ok {
			return fmt.Errorf("cannot grow memory to %d pages", s.pages)
		}
	}
	for _, r := range s.runs {
		if !mem.Write(r.off, r.data) {
			return fmt.Errorf("snapshot page at %d out of range", r.off)
		}
	}
	for _, g := range s.globals {
		mg, ok := inst.ExportedGlobal(g.name).(wapi.MutableGlobal)
		if !ok {
			return fmt.Errorf("global %s is not mutable", g.name)
		}
		mg.Set(g.val)
	}
	return nil
}

// snapshotBytes is the memory a snapshot keeps, for benchmarks.
func (s *snapshot) snapshotBytes() int {
	n := 0
	for _, r := range s.runs {
		n += len(r.data)
	}
	return n
}
