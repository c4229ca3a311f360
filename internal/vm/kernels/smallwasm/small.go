// Package smallwasm assembles the small contract the VM benchmarks and tests
// use: the size class of the original contracts' hot path, built from Go
// with wabin so nothing compiled is committed. It imports only wabin.
package smallwasm

import (
	"github.com/tetratelabs/wabin/binary"
	"github.com/tetratelabs/wabin/wasm"
)

// Contract is a minimal eng_wasm contract (the size class of the
// original WAT and Rust contracts' hot path): "call" returns its arguments
// with fetch_args and ret; "deploy" does nothing.
func Contract() []byte {
	i32 := wasm.ValueTypeI32
	m := &wasm.Module{
		TypeSection: []*wasm.FunctionType{
			{Results: []wasm.ValueType{i32}},     // 0: () -> i32
			{Params: []wasm.ValueType{i32}},      // 1: (i32)
			{Params: []wasm.ValueType{i32, i32}}, // 2: (i32, i32)
			{},                                   // 3: ()
		},
		ImportSection: []*wasm.Import{
			{Type: wasm.ExternTypeFunc, Module: "env", Name: "fetch_args_length", DescFunc: 0},
			{Type: wasm.ExternTypeFunc, Module: "env", Name: "fetch_args", DescFunc: 1},
			{Type: wasm.ExternTypeFunc, Module: "env", Name: "ret", DescFunc: 2},
		},
		FunctionSection: []wasm.Index{3, 3},
		MemorySection:   &wasm.Memory{Min: 2, Max: 16, IsMaxEncoded: true},
		ExportSection: []*wasm.Export{
			{Type: wasm.ExternTypeMemory, Name: "memory", Index: 0},
			{Type: wasm.ExternTypeFunc, Name: "deploy", Index: 3},
			{Type: wasm.ExternTypeFunc, Name: "call", Index: 4},
		},
		CodeSection: []*wasm.Code{
			{Body: []byte{wasm.OpcodeEnd}},
			{Body: []byte{
				wasm.OpcodeI32Const, 0x80, 0x08, wasm.OpcodeCall, 1, // fetch_args(1024)
				wasm.OpcodeI32Const, 0x80, 0x08, wasm.OpcodeCall, 0, // 1024, fetch_args_length()
				wasm.OpcodeCall, 2, // ret
				wasm.OpcodeEnd,
			}},
		},
	}
	return binary.EncodeModule(m)
}
