//go:build wasip1

// Command wasm is the benchmark kernels as a Go secret contract: "call"
// runs the kernel the function name says with the little-endian u64
// argument and returns its 8-byte result.
package main

import (
	"encoding/binary"
	"unsafe"

	"github.com/enigma-go/enigma/internal/vm/kernels"
)

//go:wasmimport env fetch_function_name_length
func fetchFunctionNameLength() int32

//go:wasmimport env fetch_function_name
func fetchFunctionName(p unsafe.Pointer)

//go:wasmimport env fetch_args_length
func fetchArgsLength() int32

//go:wasmimport env fetch_args
func fetchArgs(p unsafe.Pointer)

//go:wasmimport env ret
func ret(p unsafe.Pointer, n uint32)

func main() {}

//go:wasmexport deploy
func deploy() {}

//go:wasmexport call
func call() {
	name := make([]byte, fetchFunctionNameLength()+1)
	fetchFunctionName(unsafe.Pointer(&name[0]))
	args := make([]byte, fetchArgsLength()+8)
	fetchArgs(unsafe.Pointer(&args[0]))
	out, ok := kernels.Run(string(name[:len(name)-1]), binary.LittleEndian.Uint64(args))
	if !ok {
		panic("unknown function")
	}
	ret(unsafe.Pointer(&out[0]), uint32(len(out)))
}
