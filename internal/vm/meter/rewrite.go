package meter

import (
	"bytes"
	"strconv"

	"github.com/tetratelabs/wabin/leb128"
	"github.com/tetratelabs/wabin/wasm"
)

// rewriter rewrites every function body of one module.
type rewriter struct {
	m   *wasm.Module
	opt Options

	nImported uint32
	gGas      uint32 // global indices of the injected globals
	gDepth    uint32
	gOOM      uint32
	gStop     uint32
	gReserve  uint32
	fGrow     uint32 // function indices of the injected helpers
	fCopy     uint32
	fFill     uint32
	fRefill   uint32

	exportedGlobals []string
}

func newRewriter(m *wasm.Module, opt Options) *rewriter {
	return &rewriter{m: m, opt: opt, nImported: uint32(importedFuncs(m))}
}

func (rw *rewriter) run() error {
	m := rw.m
	// Export the module's own mutable globals before adding ours, so a
	// snapshot can capture everything an initialised instance changed.
	for i, g := range m.GlobalSection {
		if g.Type.Mutable {
			name := ExportGlobalPrefix + strconv.Itoa(i)
			m.ExportSection = append(m.ExportSection, &wasm.Export{Type: wasm.ExternTypeGlobal, Name: name, Index: uint32(i)})
			rw.exportedGlobals = append(rw.exportedGlobals, name)
		}
	}
	if !rw.opt.Meter && !rw.opt.CanonicalNaN {
		return nil
	}
	if rw.opt.Meter {
		rw.gGas = rw.addGlobal(valI64, ExportGas)
		rw.gDepth = rw.addGlobal(valI32, ExportDepth)
		rw.gOOM = rw.addGlobal(valI32, ExportOOM)
		rw.gStop = rw.addGlobal(valI32, ExportStop)
		rw.gReserve = rw.addGlobal(valI64, ExportReserve)
	}
	nDefined := len(m.CodeSection)
	if rw.opt.Meter {
		// Helpers go after the module's own functions so no index moves.
		base := rw.nImported + uint32(nDefined)
		rw.fGrow, rw.fCopy, rw.fFill, rw.fRefill = base, base+1, base+2, base+3
	}
	for i := 0; i < nDefined; i++ {
		if err := rw.function(i); err != nil {
			return bodyError(int(rw.nImported)+i, err)
		}
	}
	if rw.opt.Meter {
		rw.addHelpers()
	}
	return nil
}

func (rw *rewriter) addGlobal(t wasm.ValueType, export string) uint32 {
	init := &wasm.ConstantExpression{Opcode: wasm.OpcodeI32Const, Data: leb128.EncodeInt32(0)}
	if t == valI64 {
		init = &wasm.ConstantExpression{Opcode: wasm.OpcodeI64Const, Data: leb128.EncodeInt64(0)}
	}
	rw.m.GlobalSection = append(rw.m.GlobalSection, &wasm.Global{Type: &wasm.GlobalType{ValType: t, Mutable: true}, Init: init})
	idx := uint32(len(rw.m.GlobalSection) - 1)
	rw.m.ExportSection = append(rw.m.ExportSection, &wasm.Export{Type: wasm.ExternTypeGlobal, Name: export, Index: idx})
	return idx
}

// typeIndex finds or adds a function type.
func (rw *rewriter) typeIndex(params, results []byte) uint32 {
	for i, t := range rw.m.TypeSection {
		if t.EqualsSignature(params, results) {
			return uint32(i)
		}
	}
	rw.m.TypeSection = append(rw.m.TypeSection, &wasm.FunctionType{Params: params, Results: results})
	return uint32(len(rw.m.TypeSection) - 1)
}

// code is an instruction stream being written.
type code struct{ bytes.Buffer }

func (c *code) op(b ...byte)             { c.Write(b) }
func (c *code) u32(v uint32)             { c.Write(leb128.EncodeUint32(v)) }
func (c *code) i32(v int32)              { c.op(opI32Const); c.Write(leb128.EncodeInt32(v)) }
func (c *code) i64(v int64)              { c.op(opI64Const); c.Write(leb128.EncodeInt64(v)) }
func (c *code) local(op byte, i uint32)  { c.op(op); c.u32(i) }
func (c *code) global(op byte, i uint32) { c.op(op); c.u32(i) }

// addHelpers appends the functions that replace memory.grow, memory.copy
// and memory.fill: they charge by size and enforce the page limit.
func (rw *rewriter) addHelpers() {
	s := rw.opt.Schedule
	var grow code
	// A request over the page limit fails like any refused grow (-1), and
	// the flag lets the host report the limit rather than a bare trap.
	grow.local(opLocalGet, 0)
	grow.i32(int32(rw.opt.MaxMemoryPages))
	grow.op(opMemorySize, 0)
	grow.op(opI32Sub, opI32GtU, opIf, blockEmpty)
	grow.i32(1)
	grow.global(opGlobalSet, rw.gOOM)
	grow.i32(-1)
	grow.op(opReturn, opEnd)
	rw.chargeBy(&grow, 0, uint64(s.GrowPage), 1)
	grow.local(opLocalGet, 0)
	grow.op(opMemoryGrow, 0, opEnd)

	bulk := func(sub byte, imm []byte) []byte {
		var c code
		if s.BulkBytes > 0 {
			rw.chargeBy(&c, 2, 1, uint64(s.BulkBytes))
		}
		c.local(opLocalGet, 0)
		c.local(opLocalGet, 1)
		c.local(opLocalGet, 2)
		c.op(opPrefixFC, sub)
		c.Write(imm)
		c.op(opEnd)
		return c.Bytes()
	}
	i32 := []byte{valI32}
	rw.m.FunctionSection = append(rw.m.FunctionSection,
		rw.typeIndex(i32, i32),
		rw.typeIndex([]byte{valI32, valI32, valI32}, nil),
		rw.typeIndex([]byte{valI32, valI32, valI32}, nil),
		rw.typeIndex([]byte{valI64}, []byte{valI64}))
	rw.m.CodeSection = append(rw.m.CodeSection,
		&wasm.Code{Body: grow.Bytes()},
		&wasm.Code{Body: bulk(fcMemoryCopy, []byte{0, 0})},
		&wasm.Code{Body: bulk(fcMemoryFill, []byte{0})},
		&wasm.Code{Body: rw.refillBody()})
}

// chargeBy emits gas -= ceil(local[n] * mul / div) on the global, trapping
// when it goes negative.
func (rw *rewriter) chargeBy(c *code, n uint32, mul, div uint64) {
	c.global(opGlobalGet, rw.gGas)
	c.local(opLocalGet, n)
	c.op(opI64ExtendU)
	if mul != 1 {
		c.i64(int64(mul))
		c.op(opI64Mul)
	}
	if div > 1 {
		c.i64(int64(div - 1))
		c.op(opI64Add)
		c.i64(int64(div))
		c.op(0x80) // i64.div_u
	}
	c.op(opI64Sub)
	c.global(opGlobalSet, rw.gGas)
	c.global(opGlobalGet, rw.gGas)
	c.i64(0)
	c.op(opI64LtS, opIf, blockEmpty)
	c.global(opGlobalGet, rw.gGas)
	c.Write(callTo(rw.fRefill))
	c.global(opGlobalSet, rw.gGas)
	c.op(opEnd)
}

// refillBody is the helper (param i64 counter) (result i64) that a check
// calls when the gas counter went negative: it traps when the reserve does
// not cover the counter (flushing both, so the host sees the sum
// negative), else moves gas from the reserve so the counter holds
// min(counter+reserve, YieldGas), exits to the host for a moment
// (memory.grow 0, where Go can preempt the run) and returns the counter.
// It sits out of line so the functions that check keep no call in their
// loops.
func (rw *rewriter) refillBody() []byte {
	var c code
	c.local(opLocalGet, 0)
	c.global(opGlobalGet, rw.gReserve)
	c.op(opI64Add)
	c.local(opLocalSet, 0)
	c.local(opLocalGet, 0)
	c.i64(0)
	c.op(opI64LtS, opIf, blockEmpty)
	c.local(opLocalGet, 0)
	c.global(opGlobalSet, rw.gGas)
	c.i64(0)
	c.global(opGlobalSet, rw.gReserve)
	c.op(opUnreachable, opEnd)
	// reserve = max(total - YieldGas, 0); counter = total - reserve.
	c.local(opLocalGet, 0)
	c.i64(YieldGas)
	c.op(opI64Sub)
	c.i64(0)
	c.local(opLocalGet, 0)
	c.i64(YieldGas)
	c.op(opI64GtS, opSelect)
	c.global(opGlobalSet, rw.gReserve)
	c.i32(0)
	c.op(opMemoryGrow, 0, opDrop)
	c.local(opLocalGet, 0)
	c.global(opGlobalGet, rw.gReserve)
	c.op(opI64Sub, opEnd)
	return c.Bytes()
}

// function rewrites the body of defined function i.
func (rw *rewriter) function(i int) error {
	m := rw.m
	body := m.CodeSection[i]
	ti := m.FunctionSection[i]
	if int(ti) >= len(m.TypeSection) {
		return invalid("function has an unknown type index %d", ti)
	}
	ft := m.TypeSection[ti]

	r := reader{b: body.Body}
	var ins []instr
	for r.pos < len(r.b) {
		in, err := r.readInstr()
		if err != nil {
			return err
		}
		ins = append(ins, in)
	}
	if len(ins) == 0 || ins[len(ins)-1].op != opEnd {
		return invalid("body does not end with end")
	}

	nLocals := uint32(len(ft.Params) + len(body.LocalTypes))
	lGas := nLocals
	lF32, lF64 := nLocals+1, nLocals+2
	if rw.opt.Meter || rw.opt.CanonicalNaN {
		body.LocalTypes = append(body.LocalTypes, valI64, valF32, valF64)
	}

	f := funcWriter{rw: rw, ins: ins, src: body.Body, lGas: lGas, lF32: lF32, lF64: lF64}
	out, err := f.write(ft)
	if err != nil {
		return err
	}
	body.Body = out
	return nil
}

// funcWriter writes one instrumented function body.
type funcWriter struct {
	rw               *rewriter
	ins              []instr
	src              []byte
	lGas, lF32, lF64 uint32

	segStart []bool   // a metering segment starts before instruction i
	segCost  []uint64 // cost of the segment starting at i
	loopHead []bool   // the segment at i is a loop header (checked)
}

func (f *funcWriter) plan() (hasCalls bool) {
	n := len(f.ins)
	f.segStart = make([]bool, n)
	f.segCost = make([]uint64, n)
	f.loopHead = make([]bool, n)
	f.segStart[0] = true
	depth := 0
	for i, in := range f.ins {
		switch in.op {
		case opBlock, opIf, opLoop:
			depth++
		case opEnd:
			depth--
		case opCall, opCallIndirect:
			hasCalls = true
		}
		if i+1 < n {
			switch in.op {
			case opLoop:
				f.segStart[i+1], f.loopHead[i+1] = true, true
			case opIf, opElse, opBrIf:
				f.segStart[i+1] = true
			case opEnd:
				f.segStart[i+1] = depth >= 0
			}
		}
	}
	s := f.rw.opt.Schedule
	cur := 0
	for i, in := range f.ins {
		if f.segStart[i] {
			cur = i
		}
		f.segCost[cur] += s.cost(classOf(in))
	}
	return hasCalls
}

func (f *funcWriter) write(ft *wasm.FunctionType) ([]byte, error) {
	rw := f.rw
	meter := rw.opt.Meter
	var hasCalls bool
	if meter {
		hasCalls = f.plan()
	}
	var c code
	c.Grow(len(f.src) + len(f.src)/2 + 32)
	if meter {
		if hasCalls {
			// Depth is counted in the callee so that calls through tables
			// and exports are covered alike.
			c.global(opGlobalGet, rw.gDepth)
			c.i32(1)
			c.op(opI32Add)
			c.global(opGlobalSet, rw.gDepth)
			// The depth limit is checked with the entry's gas check below:
			// one branch for both.
		}
		c.global(opGlobalGet, rw.gGas)
		c.local(opLocalSet, f.lGas)
		// The body runs inside a block with the function's results, so a
		// branch to the function's label or a return lands on the epilogue.
		c.op(opBlock)
		rw.blockType(&c, ft.Results)
	}
	nest := 0 // open blocks inside the body
	last := len(f.ins) - 1
	for i, in := range f.ins {
		if meter && f.segStart[i] {
			entry := i == 0 && hasCalls
			f.charge(&c, f.segCost[i], f.loopHead[i] || entry, entry)
		}
		if i == last {
			break
		}
		raw := f.src[in.start:in.end]
		switch in.op {
		case opBlock, opLoop, opIf:
			nest++
			c.Write(raw)
		case opEnd:
			nest--
			c.Write(raw)
		case opReturn:
			if meter {
				c.op(opBr)
				c.u32(uint32(nest))
			} else {
				c.Write(raw)
			}
		case opCall, opCallIndirect:
			f.around(&c, raw)
		case opMemoryGrow:
			if meter {
				f.around(&c, callTo(rw.fGrow))
			} else {
				c.Write(raw)
			}
		case opPrefixFC:
			switch {
			case meter && in.sub == fcMemoryCopy:
				f.around(&c, callTo(rw.fCopy))
			case meter && in.sub == fcMemoryFill:
				f.around(&c, callTo(rw.fFill))
			default:
				c.Write(raw)
			}
		default:
			c.Write(raw)
			if rw.opt.CanonicalNaN {
				f.canonical(&c, nanKind(in.op))
			}
		}
	}
	if meter {
		c.op(opEnd) // the body block
		c.local(opLocalGet, f.lGas)
		c.global(opGlobalSet, rw.gGas)
		if hasCalls {
			c.global(opGlobalGet, rw.gDepth)
			c.i32(1)
			c.op(opI32Sub)
			c.global(opGlobalSet, rw.gDepth)
		}
	}
	c.op(opEnd)
	return c.Bytes(), nil
}

func callTo(fn uint32) []byte {
	return append([]byte{opCall}, leb128.EncodeUint32(fn)...)
}

// around emits a call with the gas counter flushed before and reloaded after.
func (f *funcWriter) around(c *code, call []byte) {
	if !f.rw.opt.Meter {
		c.Write(call)
		return
	}
	c.local(opLocalGet, f.lGas)
	c.global(opGlobalSet, f.rw.gGas)
	c.Write(call)
	c.global(opGlobalGet, f.rw.gGas)
	c.local(opLocalSet, f.lGas)
}

// charge emits gas -= cost, and when check is set traps (after flushing, so
// the host sees the exhausted counter) if gas went negative or the stop
// flag is set, and with depth also if the call depth is over the limit.
// Gas went negative more often than it ran out: the counter holds at most
// YieldGas, so the slow path first refills it from the reserve (trapping
// only when that does not cover it) and then exits to the host for a
// moment (memory.grow 0), where Go can preempt the run. None of this is
// charged: it is the host's overhead.
func (f *funcWriter) charge(c *code, cost uint64, check, depth bool) {
	if cost == 0 && !check {
		return
	}
	c.local(opLocalGet, f.lGas)
	if cost != 0 {
		c.i64(int64(cost))
		c.op(opI64Sub)
	}
	if !check {
		c.local(opLocalSet, f.lGas)
		return
	}
	c.local(opLocalTee, f.lGas)
	c.i64(0)
	c.op(opI64LtS)
	f.stopOrDeep(c, depth)
	c.op(opIf, blockEmpty)
	// Stopped or too deep: trap.
	c.global(opGlobalGet, f.rw.gStop)
	if depth {
		c.global(opGlobalGet, f.rw.gDepth)
		c.i32(int32(f.rw.opt.MaxCallDepth))
		c.op(opI32GtU, 0x72)
	}
	c.op(opIf, blockEmpty)
	c.local(opLocalGet, f.lGas)
	c.global(opGlobalSet, f.rw.gGas)
	c.op(opUnreachable, opEnd)
	// Out of the chunk: refill it, or trap, in the helper.
	c.local(opLocalGet, f.lGas)
	c.Write(callTo(f.rw.fRefill))
	c.local(opLocalSet, f.lGas)
	c.op(opEnd)
}

// stopOrDeep emits, after an i32 on the stack, | stop, and with depth also
// | (depth > MaxCallDepth).
func (f *funcWriter) stopOrDeep(c *code, depth bool) {
	c.global(opGlobalGet, f.rw.gStop)
	c.op(0x72) // i32.or
	if depth {
		c.global(opGlobalGet, f.rw.gDepth)
		c.i32(int32(f.rw.opt.MaxCallDepth))
		c.op(opI32GtU, 0x72)
	}
}

// canonical replaces a NaN on top of the stack by the canonical NaN.
func (f *funcWriter) canonical(c *code, width int) {
	switch width {
	case 32:
		c.local(opLocalTee, f.lF32)
		c.op(opF32Const, 0x00, 0x00, 0xc0, 0x7f)
		c.local(opLocalGet, f.lF32)
		c.local(opLocalGet, f.lF32)
		c.op(opF32Eq, opSelect)
	case 64:
		c.local(opLocalTee, f.lF64)
		c.op(opF64Const, 0, 0, 0, 0, 0, 0, 0xf8, 0x7f)
		c.local(opLocalGet, f.lF64)
		c.local(opLocalGet, f.lF64)
		c.op(opF64Eq, opSelect)
	}
}

// blockType writes the type of a block producing results.
func (rw *rewriter) blockType(c *code, results []byte) {
	switch len(results) {
	case 0:
		c.op(blockEmpty)
	case 1:
		c.op(results[0])
	default:
		c.Write(leb128.EncodeInt64(int64(rw.typeIndex(nil, results))))
	}
}
