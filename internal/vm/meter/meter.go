// Package meter validates a secret contract's WebAssembly module and
// rewrites it so that it runs deterministically and within limits: gas is
// metered per basic block, call depth is bounded, NaNs produced by float
// arithmetic are made canonical, and memory growth and bulk memory
// operations are charged by size.
//
// The rewritten module keeps a gas counter in a function-local variable and
// flushes it to an exported global only around calls and on return, checking
// for exhaustion at loop headers and at the entry of functions that call
// others; straight-line code between branch targets is charged once. The
// counter holds at most YieldGas: a check that finds it negative calls a
// helper that refills it from a reserve (or traps when the reserve cannot
// cover it) and exits to the host, so a long run comes back to Go regularly.
// See RATIONALE.md ("VM") for the reasoning.
//
// The package is pure (bytes in, bytes out) and must not import wazero or
// anything that runs code: the vm package compiles what it produces.
package meter

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"

	"github.com/tetratelabs/wabin/binary"
	"github.com/tetratelabs/wabin/wasm"
)

// Names of the exports the rewriter adds. The host reads and writes them.
const (
	ExportGas   = "__eng_gas"   // i64: gas remaining in the current chunk (see ExportReserve)
	ExportDepth = "__eng_depth" // i32: current call depth
	ExportOOM   = "__eng_oom"   // i32: 1 once a memory.grow was refused by the page limit
	// ExportStop is an i32 the host sets to non-zero to stop the run: it is
	// checked wherever gas is (loop headers, entries of calling functions).
	ExportStop = "__eng_stop"
	// ExportReserve is an i64 of gas held back from ExportGas: the counter
	// the compiled code checks holds at most YieldGas, and a check that
	// finds it negative refills it from the reserve and leaves the
	// compiled code for a moment (memory.grow 0 exits to Go). The gas left
	// is the sum of the two; the run is out of gas when the sum is
	// negative. Go cannot preempt a goroutine inside compiled wasm, so
	// without these exits a long run would hold its thread through the
	// garbage collector's stop-the-world, stalling the whole process, the
	// goroutine that would set the stop flag included.
	ExportReserve = "__eng_reserve"
	ExportMemory  = "memory"
	// ExportGlobalPrefix names the module's own mutable globals, exported so
	// a snapshot of an initialised instance can be taken and restored.
	ExportGlobalPrefix = "__eng_g"
)

// Version changes whenever the rewriting changes, so cached rewritten
// modules from an older version are not reused.
const Version = 5

// YieldGas is the most gas the compiled code's counter holds, so how much a
// run uses between two exits from compiled code (ExportReserve): about 0.1
// ms of plain instructions.
const YieldGas = 1 << 20

// Schedule is the cost of instructions in gas.
type Schedule struct {
	Regular   uint32 // any instruction not listed below
	Mul       uint32 // integer and float multiplication
	Div       uint32 // integer division and remainder, float division
	Mem       uint32 // loads and stores
	GrowPage  uint32 // per 64 KiB page added by memory.grow
	BulkBytes uint32 // memory.copy/memory.fill: 1 gas per this many bytes (0: free)
}

// DefaultSchedule is the original Enigma cost table (pwasm-utils rules as
// the original enclave configured them), with memory.grow at three times
// the original 8192 per page: zeroing a page costs that much (docs/gas.md).
func DefaultSchedule() Schedule {
	return Schedule{Regular: 1, Mul: 4, Div: 16, Mem: 2, GrowPage: 24576, BulkBytes: 8}
}

func (s Schedule) cost(c Class) uint64 {
	switch c {
	case ClassRegular:
		return uint64(s.Regular)
	case ClassMul:
		return uint64(s.Mul)
	case ClassDiv:
		return uint64(s.Div)
	case ClassMem:
		return uint64(s.Mem)
	}
	return 0
}

// Options say what the rewriter checks and injects.
type Options struct {
	Schedule       Schedule
	Meter          bool   // inject gas metering and the call depth limit (off only for benchmarks)
	MaxCallDepth   uint32 // calls nested deeper trap with depth > MaxCallDepth
	MaxMemoryPages uint32 // declared maximum is clamped to this
	MaxModuleBytes int
	MaxFunctions   int
	CanonicalNaN   bool
	// Imports says which imports are allowed: module name -> function
	// name -> signature. "env"."memory" is always allowed and becomes the
	// module's own memory.
	Imports map[string]map[string]Signature
	// AnyImportIn lists modules whose every function is allowed with any
	// signature (checked later when linking, e.g. WASI).
	AnyImportIn []string
}

// Signature is a function type in wasm value types (0x7f i32, 0x7e i64, ...).
type Signature struct {
	Params, Results []byte
}

// Info describes a rewritten module.
type Info struct {
	Reactor      bool     // exports _initialize (a Go or other WASI reactor)
	Globals      []string // export names of the mutable globals, for snapshots
	MemoryMin    uint32
	MemoryMax    uint32
	Functions    int
	ImportedWASI []string // WASI functions the module imports
}

// Error is a module the rewriter refuses. Limit is true when the module is
// well formed but exceeds a configured limit.
type Error struct {
	Limit bool
	Msg   string
}

func (e *Error) Error() string { return e.Msg }

func invalid(format string, args ...any) error {
	return &Error{Msg: fmt.Sprintf(format, args...)}
}

func limit(format string, args ...any) error {
	return &Error{Limit: true, Msg: fmt.Sprintf(format, args...)}
}

const (
	valI32 = wasm.ValueTypeI32
	valI64 = wasm.ValueTypeI64
	valF32 = wasm.ValueTypeF32
	valF64 = wasm.ValueTypeF64
)

// Instrument checks code and returns the rewritten module.
func Instrument(code []byte, opt Options) (out []byte, info *Info, err error) {
	defer func() {
		// The decoder and the rewriter index into untrusted bytes; a bug
		// there must surface as a refused module, never as a crash.
		if r := recover(); r != nil {
			out, info, err = nil, nil, invalid("malformed module (rewriter panic: %v)", r)
		}
	}()
	if opt.MaxModuleBytes > 0 && len(code) > opt.MaxModuleBytes {
		return nil, nil, limit("module is %d bytes, more than the limit of %d", len(code), opt.MaxModuleBytes)
	}
	if len(code) < 8 || !bytes.Equal(code[:4], []byte("\x00asm")) {
		return nil, nil, invalid("not a WebAssembly module (no \\0asm header)")
	}
	if err := precheck(code); err != nil {
		var e *Error
		if errors.As(err, &e) {
			return nil, nil, err
		}
		return nil, nil, invalid("cannot decode module: %v", err)
	}
	m, err := binary.DecodeModule(code, wasm.CoreFeaturesV2)
	if err != nil {
		return nil, nil, invalid("cannot decode module: %v", err)
	}
	info = &Info{}
	if err := checkModule(m, opt, info); err != nil {
		return nil, nil, err
	}
	rw := newRewriter(m, opt)
	if err := rw.run(); err != nil {
		return nil, nil, err
	}
	info.Globals = rw.exportedGlobals
	info.MemoryMin, info.MemoryMax = m.MemorySection.Min, m.MemorySection.Max
	return binary.EncodeModule(m), info, nil
}

func importedFuncs(m *wasm.Module) int {
	n := 0
	for _, im := range m.ImportSection {
		if im.Type == wasm.ExternTypeFunc {
			n++
		}
	}
	return n
}

// checkModule enforces the shape the host expects: allowed imports, one
// memory, deploy and call exports, no start function, limits.
func checkModule(m *wasm.Module, opt Options, info *Info) error {
	if m.StartSection != nil {
		return invalid("module has a start function; contracts must not run code on instantiation (use deploy)")
	}
	if len(m.CodeSection) != len(m.FunctionSection) {
		return invalid("function and code sections differ in length (%d and %d)", len(m.FunctionSection), len(m.CodeSection))
	}
	info.Functions = len(m.FunctionSection) + importedFuncs(m)
	if opt.MaxFunctions > 0 && info.Functions > opt.MaxFunctions {
		return limit("module has %d functions, more than the limit of %d", info.Functions, opt.MaxFunctions)
	}
	var imported []*wasm.Import
	for _, im := range m.ImportSection {
		switch im.Type {
		case wasm.ExternTypeFunc:
			if int(im.DescFunc) >= len(m.TypeSection) {
				return invalid("import %s.%s has an unknown type index", im.Module, im.Name)
			}
			if err := checkImport(im, m.TypeSection[im.DescFunc], opt, info); err != nil {
				return err
			}
			imported = append(imported, im)
		case wasm.ExternTypeMemory:
			if im.Module != "env" || im.Name != "memory" {
				return invalid("unknown memory import %s.%s (only env.memory is provided)", im.Module, im.Name)
			}
			if m.MemorySection != nil {
				return invalid("module both imports and defines a memory")
			}
			m.MemorySection = im.DescMem
		default:
			return invalid("unknown import %s.%s: only functions and env.memory can be imported", im.Module, im.Name)
		}
	}
	m.ImportSection = imported
	if m.MemorySection == nil {
		return invalid("module has no memory (export one named \"memory\" or import env.memory)")
	}
	mem := m.MemorySection
	if mem.Min > opt.MaxMemoryPages {
		return limit("module asks for %d initial memory pages, more than the limit of %d", mem.Min, opt.MaxMemoryPages)
	}
	if !mem.IsMaxEncoded || mem.Max > opt.MaxMemoryPages {
		mem.Max = opt.MaxMemoryPages
	}
	mem.IsMaxEncoded = true

	var haveDeploy, haveCall bool
	exports := m.ExportSection[:0]
	for _, ex := range m.ExportSection {
		if ex.Type == wasm.ExternTypeMemory {
			continue // re-exported below under the fixed name
		}
		if len(ex.Name) >= 6 && ex.Name[:6] == "__eng_" {
			return invalid("export %q uses the reserved prefix __eng_", ex.Name)
		}
		if ex.Type == wasm.ExternTypeFunc {
			switch ex.Name {
			case "deploy", "call", "query", "_initialize":
				if t := funcType(m, ex.Index); t == nil || len(t.Params) != 0 || len(t.Results) != 0 {
					return invalid("export %q must be a function with no parameters and no results", ex.Name)
				}
				haveDeploy = haveDeploy || ex.Name == "deploy"
				haveCall = haveCall || ex.Name == "call"
				info.Reactor = info.Reactor || ex.Name == "_initialize"
			}
		}
		exports = append(exports, ex)
	}
	m.ExportSection = append(exports, &wasm.Export{Type: wasm.ExternTypeMemory, Name: ExportMemory, Index: 0})
	if !haveDeploy || !haveCall {
		return invalid("module must export functions \"deploy\" and \"call\" (missing %s)", missing(haveDeploy, haveCall))
	}
	for _, g := range m.GlobalSection {
		if g.Type.ValType != valI32 && g.Type.ValType != valI64 && g.Type.ValType != valF32 && g.Type.ValType != valF64 {
			return invalid("globals of type 0x%x are not allowed", g.Type.ValType)
		}
	}
	for _, c := range m.CodeSection {
		for _, t := range c.LocalTypes {
			if t == wasm.ValueTypeV128 {
				return invalid("SIMD locals are not allowed: build the contract without SIMD")
			}
		}
	}
	return nil
}

func missing(deploy, call bool) string {
	switch {
	case !deploy && !call:
		return "both"
	case !deploy:
		return "deploy"
	}
	return "call"
}

func checkImport(im *wasm.Import, t *wasm.FunctionType, opt Options, info *Info) error {
	for _, any := range opt.AnyImportIn {
		if im.Module == any {
			info.ImportedWASI = append(info.ImportedWASI, im.Name)
			return nil
		}
	}
	funcs, ok := opt.Imports[im.Module]
	if !ok {
		return invalid("unknown import module %q (function %s): contracts may import only env, enigma and wasi_snapshot_preview1", im.Module, im.Name)
	}
	sig, ok := funcs[im.Name]
	if !ok {
		return invalid("unknown import %s.%s: the host does not provide it", im.Module, im.Name)
	}
	if !t.EqualsSignature(sig.Params, sig.Results) {
		return invalid("import %s.%s has signature %s, the host provides %s", im.Module, im.Name,
			sigString(t.Params, t.Results), sigString(sig.Params, sig.Results))
	}
	return nil
}

func sigString(params, results []byte) string {
	name := func(ts []byte) string {
		s := "("
		for i, t := range ts {
			if i > 0 {
				s += ","
			}
			s += wasm.ValueTypeName(t)
		}
		return s + ")"
	}
	return name(params) + "->" + name(results)
}

func funcType(m *wasm.Module, idx uint32) *wasm.FunctionType {
	n := uint32(importedFuncs(m))
	var ti uint32
	if idx < n {
		i := uint32(0)
		for _, im := range m.ImportSection {
			if im.Type == wasm.ExternTypeFunc {
				if i == idx {
					ti = im.DescFunc
					break
				}
				i++
			}
		}
	} else if int(idx-n) < len(m.FunctionSection) {
		ti = m.FunctionSection[idx-n]
	} else {
		return nil
	}
	if int(ti) >= len(m.TypeSection) {
		return nil
	}
	return m.TypeSection[ti]
}

// errors from the body walker carry the function index.
func bodyError(fn int, err error) error {
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	return invalid("function %s: %v", strconv.Itoa(fn), err)
}
