package vm

import (
	"context"
	"encoding/binary"
	"fmt"
	"testing"

	wbin "github.com/tetratelabs/wabin/binary"
	"github.com/tetratelabs/wabin/leb128"
	"github.com/tetratelabs/wabin/wasm"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/vm/kernels/smallwasm"
)

// hostFuzzContract calls a host function chosen by the first argument byte
// with i32 arguments read from the arguments at offsets 4, 8, 12 and 16:
// any pointer and length the fuzzer likes. Built with wabin so the fuzz
// test needs no external tools.
func hostFuzzContract() []byte {
	hs := hostFuncs()
	m := &wasm.Module{MemorySection: &wasm.Memory{Min: 1, Max: 2, IsMaxEncoded: true}}
	typeOf := func(params, results []wasm.ValueType) uint32 {
		for i, t := range m.TypeSection {
			if t.EqualsSignature(params, results) {
				return uint32(i)
			}
		}
		m.TypeSection = append(m.TypeSection, &wasm.FunctionType{Params: params, Results: results})
		return uint32(len(m.TypeSection) - 1)
	}
	void := typeOf(nil, nil)
	fetchArgs := uint32(0)
	for i, h := range hs {
		m.ImportSection = append(m.ImportSection, &wasm.Import{Type: wasm.ExternTypeFunc, Module: "env", Name: h.name,
			DescFunc: typeOf(h.params, h.results)})
		if h.name == "fetch_args" {
			fetchArgs = uint32(i)
		}
	}
	n := uint32(len(hs))
	// One thunk per host function, then deploy and call.
	var elems []*wasm.Index
	for i, h := range hs {
		var body []byte
		for p := range h.params {
			body = append(body, wasm.OpcodeI32Const, 0, wasm.OpcodeI32Load, 2)
			body = append(body, leb128.EncodeUint32(uint32(4+4*p))...)
		}
		body = append(body, wasm.OpcodeCall)
		body = append(body, leb128.EncodeUint32(uint32(i))...)
		for range h.results {
			body = append(body, wasm.OpcodeDrop)
		}
		body = append(body, wasm.OpcodeEnd)
		m.FunctionSection = append(m.FunctionSection, void)
		m.CodeSection = append(m.CodeSection, &wasm.Code{Body: body})
		idx := n + uint32(i)
		elems = append(elems, &idx)
	}
	call := []byte{wasm.OpcodeI32Const, 0, wasm.OpcodeCall}
	call = append(call, leb128.EncodeUint32(fetchArgs)...)
	call = append(call,
		wasm.OpcodeI32Const, 0, wasm.OpcodeI32Load8U, 0, 0,
		wasm.OpcodeI32Const, byte(len(hs)), wasm.OpcodeI32RemU,
		wasm.OpcodeCallIndirect)
	call = append(call, leb128.EncodeUint32(void)...)
	call = append(call, 0, wasm.OpcodeEnd)
	m.FunctionSection = append(m.FunctionSection, void, void)
	m.CodeSection = append(m.CodeSection, &wasm.Code{Body: []byte{wasm.OpcodeEnd}}, &wasm.Code{Body: call})
	max := uint32(len(hs))
	m.TableSection = []*wasm.Table{{Min: max, Max: &max, Type: wasm.RefTypeFuncref}}
	m.ElementSection = []*wasm.ElementSegment{{OffsetExpr: &wasm.ConstantExpression{Opcode: wasm.OpcodeI32Const, Data: []byte{0}},
		Init: elems, Type: wasm.RefTypeFuncref}}
	m.ExportSection = []*wasm.Export{
		{Type: wasm.ExternTypeMemory, Name: "memory"},
		{Type: wasm.ExternTypeFunc, Name: "deploy", Index: 2 * n},
		{Type: wasm.ExternTypeFunc, Name: "call", Index: 2*n + 1},
	}
	return wbin.EncodeModule(m)
}

func hostArgs(fn byte, a, b, c, d uint32) []byte {
	out := []byte{fn, 0, 0, 0}
	for _, v := range []uint32{a, b, c, d} {
		out = binary.LittleEndian.AppendUint32(out, v)
	}
	return out
}

var validCodes = map[api.Code]bool{
	api.CodeOutOfGas: true, api.CodeTrap: true, api.CodeResourceLimit: true, api.CodeHostCall: true,
}

func FuzzHostFunctions(f *testing.F) {
	for i := range hostFuncs() {
		f.Add(hostArgs(byte(i), 100, 10, 200, 20), []byte("v"))
		f.Add(hostArgs(byte(i), 65530, 100, 0, 0xffffffff), []byte{})
		f.Add(hostArgs(byte(i), 0xfffffff0, 0xffffffff, 1<<16, 32), []byte("null"))
	}
	// The same inputs run on the compiler and the interpreter must give
	// the same output, gas, error code and state: differential fuzzing of
	// the host functions and the two engines.
	type engMod struct {
		e *Engine
		m *Module
	}
	var ems []engMod
	for _, eng := range engines {
		cfg := TestConfig()
		cfg.Interpreter = eng.interpreter
		e := newTestEngine(f, cfg)
		m, err := e.Compile(context.Background(), hostFuzzContract())
		if err != nil {
			f.Fatal(err)
		}
		ems = append(ems, engMod{e, m})
	}
	f.Fuzz(func(t *testing.T, args, value []byte) {
		var first string
		for i, em := range ems {
			st := memState{"\x00": value, "": value}
			res, err := em.e.Run(context.Background(), em.m, Request{Kind: Compute, Function: "f", Args: args, State: st, GasLimit: 1e6})
			if res == nil {
				t.Fatal("nil result")
			}
			if err != nil && !validCodes[api.CodeOf(err)] {
				t.Fatalf("error with unexpected code %d: %v", api.CodeOf(err), err)
			}
			if res.GasUsed > 1e6 {
				t.Fatalf("gas used %d over the limit", res.GasUsed)
			}
			got := fmt.Sprintf("out=%x gas=%d code=%d bridge=%v log=%q state=%q", res.Output, res.GasUsed, api.CodeOf(err), res.Bridge, res.Log, st)
			if i == 0 {
				first = got
			} else if got != first {
				t.Fatalf("engines differ:\n%s\n%s", first, got)
			}
		}
	})
}

func FuzzCompile(f *testing.F) {
	small := smallwasm.Contract()
	f.Add(small)
	f.Add(hostFuzzContract())
	f.Add(small[:len(small)/2])
	f.Add([]byte("\x00asm\x01\x00\x00\x00"))
	var es []*Engine
	for _, eng := range engines {
		cfg := TestConfig()
		cfg.Interpreter = eng.interpreter
		cfg.CacheDir = f.TempDir() // not the shared cache: fuzz inputs are throwaway
		es = append(es, newTestEngine(f, cfg))
	}
	f.Fuzz(func(t *testing.T, code []byte) {
		var first string
		for i, e := range es {
			got := compileAndRun(t, e, code)
			if i == 0 {
				first = got
			} else if got != first {
				t.Fatalf("engines differ:\n%s\n%s", first, got)
			}
		}
	})
}

// compileAndRun compiles code and, when it compiles, runs its call export,
// checking that every failure is coded; it returns what happened.
func compileAndRun(t *testing.T, e *Engine, code []byte) string {
	m, err := e.Compile(context.Background(), code)
	if err != nil {
		if c := api.CodeOf(err); c != api.CodeInvalidModule && c != api.CodeResourceLimit {
			t.Fatalf("compile error with code %d: %v", c, err)
		}
		return fmt.Sprintf("compile code=%d", api.CodeOf(err))
	}
	// Whatever compiles must run to a coded end, within its gas.
	res, err := e.Run(context.Background(), m, Request{Kind: Compute, Function: "x", State: memState{}, GasLimit: 100_000})
	if err != nil && !validCodes[api.CodeOf(err)] && api.CodeOf(err) != api.CodeInvalidModule {
		t.Fatalf("run error with code %d: %v", api.CodeOf(err), err)
	}
	if res.GasUsed > 100_000 {
		t.Fatalf("gas used %d over the limit", res.GasUsed)
	}
	return fmt.Sprintf("out=%x gas=%d code=%d", res.Output, res.GasUsed, api.CodeOf(err))
}
