//go:build wasip1

package contract

import (
	"errors"
	"os"
	"strings"
	"unsafe"
)

// The eng_wasm host functions (module "env"). Every pointer and length is an
// i32, as in the original; read_state_len and the fetch_*_length functions
// return an i32.

//go:wasmimport env write_state
func hostWriteState(key unsafe.Pointer, keyLen uint32, value unsafe.Pointer, valueLen uint32)

//go:wasmimport env read_state_len
func hostReadStateLen(key unsafe.Pointer, keyLen uint32) int32

//go:wasmimport env read_state
func hostReadState(key unsafe.Pointer, keyLen uint32, out unsafe.Pointer)

//go:wasmimport env remove_from_state
func hostRemoveFromState(key unsafe.Pointer, keyLen uint32)

//go:wasmimport env eprint
func hostEprint(msg unsafe.Pointer, msgLen uint32)

//go:wasmimport env fetch_function_name_length
func hostFetchFunctionNameLength() int32

//go:wasmimport env fetch_function_name
func hostFetchFunctionName(out unsafe.Pointer)

//go:wasmimport env fetch_args_length
func hostFetchArgsLength() int32

//go:wasmimport env fetch_args
func hostFetchArgs(out unsafe.Pointer)

//go:wasmimport env write_eth_bridge
func hostWriteEthBridge(payload unsafe.Pointer, payloadLen uint32, address unsafe.Pointer)

//go:wasmimport env ret
func hostRet(out unsafe.Pointer, outLen uint32)

//go:wasmimport env rand
func hostRand(buf unsafe.Pointer, bufLen uint32)

//go:wasmimport env encrypt
func hostEncrypt(msg unsafe.Pointer, msgLen uint32, key unsafe.Pointer, out unsafe.Pointer)

//go:wasmimport env decrypt
func hostDecrypt(ciphertext unsafe.Pointer, ciphertextLen uint32, key unsafe.Pointer, out unsafe.Pointer)

// The network's own host functions (module "enigma"; "env" stays the
// original eng_wasm interface).

// hostQueryCaller writes the 20-byte verified caller of the query running.
// Only Caller references it, so a contract that never asks for its caller
// does not import it.
//
//go:wasmimport enigma query_caller
func hostQueryCaller(out unsafe.Pointer)

// deploy is the module's constructor export: the host calls it once, in the
// deploy task, after _initialize has run the contract's init functions.
//
//go:wasmexport deploy
func deploy() { exitOnFailure(run(wasmHost{}, true)) }

// call is the module's export for every compute task.
//
//go:wasmexport call
func call() { exitOnFailure(run(wasmHost{}, false)) }

// query is the module's export for secret queries: the host calls it in
// query mode, where the state is read-only, and the function is looked up
// among the query functions (Query) only.
//
//go:wasmexport query
func query() { exitOnFailure(runQuery(wasmHost{})) }

// exitOnFailure reports why the task failed and leaves the module with exit
// status 1 (WASI proc_exit), or exitUnknownFunction when the call named no
// public function, which the VM reports as a failed task: the
// eng_wasm interface has no error channel of its own (the original trapped).
// The whole text, panic stack included, goes to eprint for the developer;
// its first line goes to stderr, where the VM takes the failure's message.
func exitOnFailure(err error) {
	if err == nil {
		return
	}
	msg := "contract failed: " + err.Error()
	wasmHost{}.print(msg)
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	os.Stderr.WriteString(msg + "\n")
	if errors.Is(err, ErrUnknownFunction) {
		os.Exit(exitUnknownFunction)
	}
	os.Exit(1)
}

// exitUnknownFunction is the exit status the VM reads as "no such public
// function" (internal/vm.ExitUnknownFunction), so the failure receipt
// carries that code rather than a generic trap.
const exitUnknownFunction = 3

type wasmHost struct{}

func currentHost() host { return wasmHost{} }

func ptr(b []byte) unsafe.Pointer { return unsafe.Pointer(unsafe.SliceData(b)) }

func strPtr(s string) unsafe.Pointer { return unsafe.Pointer(unsafe.StringData(s)) }

func (wasmHost) functionName() string {
	n := hostFetchFunctionNameLength()
	if n <= 0 {
		return ""
	}
	buf := make([]byte, n)
	hostFetchFunctionName(ptr(buf))
	return string(buf)
}

func (wasmHost) args() []byte {
	n := hostFetchArgsLength()
	if n <= 0 {
		return nil
	}
	buf := make([]byte, n)
	hostFetchArgs(ptr(buf))
	return buf
}

func (wasmHost) ret(out []byte) { hostRet(ptr(out), uint32(len(out))) }

func (wasmHost) readState(key string) ([]byte, bool) {
	n := hostReadStateLen(strPtr(key), uint32(len(key)))
	if n <= 0 {
		return nil, false
	}
	buf := make([]byte, n)
	hostReadState(strPtr(key), uint32(len(key)), ptr(buf))
	return buf, true
}

func (wasmHost) writeState(key string, value []byte) {
	hostWriteState(strPtr(key), uint32(len(key)), ptr(value), uint32(len(value)))
}

func (wasmHost) removeState(key string) { hostRemoveFromState(strPtr(key), uint32(len(key))) }

func (wasmHost) print(msg string) { hostEprint(strPtr(msg), uint32(len(msg))) }

func (wasmHost) rand(buf []byte) {
	if len(buf) > 0 {
		hostRand(ptr(buf), uint32(len(buf)))
	}
}

func (wasmHost) ethBridge(payload []byte, to Address) {
	hostWriteEthBridge(ptr(payload), uint32(len(payload)), unsafe.Pointer(&to))
}

func (wasmHost) encrypt(msg []byte, key *Key) []byte {
	out := make([]byte, len(msg)+EncryptionOverhead)
	hostEncrypt(ptr(msg), uint32(len(msg)), unsafe.Pointer(key), ptr(out))
	return out
}

func (wasmHost) queryCaller() (Address, bool) {
	var a Address
	hostQueryCaller(unsafe.Pointer(&a))
	return a, true
}

func (wasmHost) decrypt(ciphertext []byte, key *Key) []byte {
	out := make([]byte, len(ciphertext)-EncryptionOverhead)
	hostDecrypt(ptr(ciphertext), uint32(len(ciphertext)), unsafe.Pointer(key), ptr(out))
	return out
}
