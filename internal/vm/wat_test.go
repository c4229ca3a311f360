package vm

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// envImports declares every eng_wasm host function.
const envImports = `
  (import "env" "write_state" (func $write_state (param i32 i32 i32 i32)))
  (import "env" "read_state_len" (func $read_state_len (param i32 i32) (result i32)))
  (import "env" "read_state" (func $read_state (param i32 i32 i32)))
  (import "env" "remove_from_state" (func $remove_from_state (param i32 i32)))
  (import "env" "eprint" (func $eprint (param i32 i32)))
  (import "env" "fetch_function_name_length" (func $fnl (result i32)))
  (import "env" "fetch_function_name" (func $fn (param i32)))
  (import "env" "fetch_args_length" (func $argl (result i32)))
  (import "env" "fetch_args" (func $args (param i32)))
  (import "env" "write_eth_bridge" (func $bridge (param i32 i32 i32)))
  (import "env" "gas" (func $gas (param i32)))
  (import "env" "ret" (func $ret (param i32 i32)))
  (import "env" "rand" (func $rand (param i32 i32)))
  (import "env" "encrypt" (func $encrypt (param i32 i32 i32 i32)))
  (import "env" "decrypt" (func $decrypt (param i32 i32 i32 i32)))
`

// hostWAT is a contract that dispatches on the first letter of the function
// name (like eng_wasm dispatches on the name) and touches every host
// function. Memory: 16 state key "k", 32 AES key, 256 name, 4096 args,
// 8192 and 12288 scratch.
const hostWAT = `(module` + envImports + `
  (type $fibt (func (param i32) (result i32)))
  (memory (export "memory") 2)
  (table 1 funcref)
  (elem (i32.const 0) $fib)
  (data (i32.const 16) "k")
  (data (i32.const 32) "0123456789abcdef0123456789abcdef")
  (global $ctr (mut i32) (i32.const 0))
  (func $deep (param i32) (result i32) (call $deep (i32.add (local.get 0) (i32.const 1))))
  (func $fib (param i32) (result i32)
    (if (i32.lt_u (local.get 0) (i32.const 2)) (then (return (local.get 0))))
    (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
             (call $fib (i32.sub (local.get 0) (i32.const 2)))))
  (func (export "deploy")
    (call $args (i32.const 4096))
    (call $write_state (i32.const 16) (i32.const 1) (i32.const 4096) (call $argl))
    (call $fn (i32.const 256))
    (call $ret (i32.const 256) (call $fnl)))
  (func (export "call") (local $n i32) (local $c i32) (local $i i32)
    (call $fn (i32.const 256))
    (local.set $n (call $argl))
    (call $args (i32.const 4096))
    (local.set $c (i32.load8_u (i32.const 256)))
    (block $done
      (if (i32.eq (local.get $c) (i32.const 101)) (then ;; e: echo
        (call $ret (i32.const 4096) (local.get $n)) (br $done)))
      (if (i32.eq (local.get $c) (i32.const 119)) (then ;; w: write
        (call $write_state (i32.const 16) (i32.const 1) (i32.const 4096) (local.get $n)) (br $done)))
      (if (i32.eq (local.get $c) (i32.const 103)) (then ;; g: get
        (local.set $i (call $read_state_len (i32.const 16) (i32.const 1)))
        (call $read_state (i32.const 16) (i32.const 1) (i32.const 8192))
        (call $ret (i32.const 8192) (local.get $i)) (br $done)))
      (if (i32.eq (local.get $c) (i32.const 100)) (then ;; d: delete
        (call $remove_from_state (i32.const 16) (i32.const 1)) (br $done)))
      (if (i32.eq (local.get $c) (i32.const 112)) (then ;; p: print
        (call $eprint (i32.const 4096) (local.get $n)) (br $done)))
      (if (i32.eq (local.get $c) (i32.const 98)) (then ;; b: bridge, args = address(20) payload
        (call $bridge (i32.const 4116) (i32.sub (local.get $n) (i32.const 20)) (i32.const 4096)) (br $done)))
      (if (i32.eq (local.get $c) (i32.const 114)) (then ;; r: rand
        (call $rand (i32.const 8192) (i32.const 32))
        (call $ret (i32.const 8192) (i32.const 32)) (br $done)))
      (if (i32.eq (local.get $c) (i32.const 99)) (then ;; c: encrypt then decrypt
        (call $encrypt (i32.const 4096) (local.get $n) (i32.const 32) (i32.const 12288))
        (call $decrypt (i32.const 12288) (i32.add (local.get $n) (i32.const 28)) (i32.const 32)
                       (i32.add (i32.const 12288) (i32.add (local.get $n) (i32.const 28))))
        (call $ret (i32.const 12288) (i32.add (i32.mul (local.get $n) (i32.const 2)) (i32.const 28))) (br $done)))
      (if (i32.eq (local.get $c) (i32.const 120)) (then ;; x: decrypt args
        (call $decrypt (i32.const 4096) (local.get $n) (i32.const 32) (i32.const 12288))
        (call $ret (i32.const 12288) (i32.sub (local.get $n) (i32.const 28))) (br $done)))
      (if (i32.eq (local.get $c) (i32.const 108)) (then ;; l: infinite loop
        (loop $l (br $l))))
      (if (i32.eq (local.get $c) (i32.const 109)) (then ;; m: memory bomb
        (loop $m (br_if $m (i32.ne (memory.grow (i32.const 16)) (i32.const -1))))
        (unreachable)))
      (if (i32.eq (local.get $c) (i32.const 115)) (then ;; s: unbounded recursion
        (drop (call $deep (i32.const 0))) (br $done)))
      (if (i32.eq (local.get $c) (i32.const 117)) (then ;; u: trap
        (unreachable)))
      (if (i32.eq (local.get $c) (i32.const 111)) (then ;; o: pointer out of range
        (call $ret (i32.const -16) (i32.const 100)) (br $done)))
      (if (i32.eq (local.get $c) (i32.const 110)) (then ;; n: name
        (call $ret (i32.const 256) (call $fnl)) (br $done)))
      (if (i32.eq (local.get $c) (i32.const 97)) (then ;; a: gas(u32 le args)
        (call $gas (i32.load (i32.const 4096))) (br $done)))
      (if (i32.eq (local.get $c) (i32.const 102)) (then ;; f: NaNs from arithmetic
        (i64.store (i32.const 8192) (i64.reinterpret_f64 (f64.div (f64.const 0) (f64.const 0))))
        (i32.store (i32.const 8200) (i32.reinterpret_f32 (f32.sqrt (f32.const -1))))
        (i64.store (i32.const 8204) (i64.reinterpret_f64 (f64.add (f64.const 1.5) (f64.const 2.25))))
        (call $ret (i32.const 8192) (i32.const 20)) (br $done)))
      (if (i32.eq (local.get $c) (i32.const 104)) (then ;; h: fixed arithmetic loop
        (local.set $i (i32.const 0)) (local.set $c (i32.const 7))
        (loop $h
          (local.set $c (i32.add (i32.mul (local.get $c) (i32.const 31)) (i32.div_u (local.get $c) (i32.const 3))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $h (i32.lt_u (local.get $i) (i32.const 1000))))
        (i32.store (i32.const 8192) (local.get $c))
        (call $ret (i32.const 8192) (i32.const 4)) (br $done)))
      (if (i32.eq (local.get $c) (i32.const 122)) (then ;; z: recursive fib(u32 le args)
        (i32.store (i32.const 8192) (call $fib (i32.load (i32.const 4096))))
        (call $ret (i32.const 8192) (i32.const 4)) (br $done)))
      (if (i32.eq (local.get $c) (i32.const 113)) (then ;; q: fib through the table
        (i32.store (i32.const 8192) (call_indirect (type $fibt) (i32.load (i32.const 4096)) (i32.const 0)))
        (call $ret (i32.const 8192) (i32.const 4)) (br $done)))
      (if (i32.eq (local.get $c) (i32.const 107)) (then ;; k: bulk memory
        (memory.fill (i32.const 8192) (i32.load8_u (i32.const 4096)) (i32.const 1000))
        (memory.copy (i32.const 12288) (i32.const 8192) (i32.const 1000))
        (call $ret (i32.const 12288) (i32.const 1000)) (br $done)))
      (if (i32.eq (local.get $c) (i32.const 105)) (then ;; i: bump a global and memory, return both
        (global.set $ctr (i32.add (global.get $ctr) (i32.const 1)))
        (i32.store (i32.const 8188) (i32.add (i32.load (i32.const 8188)) (i32.const 1)))
        (i32.store (i32.const 8192) (global.get $ctr))
        (i32.store (i32.const 8196) (i32.load (i32.const 8188)))
        (call $ret (i32.const 8192) (i32.const 8)) (br $done)))
      (unreachable)))
)`

// importedMemoryWAT uses the runtime form: memory imported from env.
const importedMemoryWAT = `(module
  (import "env" "ret" (func $ret (param i32 i32)))
  (import "env" "memory" (memory 1 2))
  (data (i32.const 8) "hello")
  (func (export "deploy"))
  (func (export "call") (call $ret (i32.const 8) (i32.const 5))))`

// multiValueWAT has functions with several results, to exercise the
// rewriter's wrapper block types.
const multiValueWAT = `(module
  (import "env" "ret" (func $ret (param i32 i32)))
  (memory (export "memory") 1)
  (func $two (param i32) (result i32 i32)
    (if (i32.eqz (local.get 0)) (then (return (i32.const 1) (i32.const 2))))
    (i32.const 3) (local.get 0))
  (func (export "deploy"))
  (func (export "call") (local $a i32)
    (call $two (i32.const 0)) (i32.add) (local.set $a)
    (i32.store (i32.const 0) (local.get $a))
    (call $ret (i32.const 0) (i32.const 4))))`

var badWAT = map[string]string{
	"missing_call": `(module (memory (export "memory") 1) (func (export "deploy")))`,
	"unknown_import": `(module (import "env" "launch_missiles" (func)) (memory (export "memory") 1)
		(func (export "deploy")) (func (export "call")))`,
	"unknown_module": `(module (import "os" "exec" (func)) (memory (export "memory") 1)
		(func (export "deploy")) (func (export "call")))`,
	"wrong_signature": `(module (import "env" "ret" (func (param i64))) (memory (export "memory") 1)
		(func (export "deploy")) (func (export "call")))`,
	"start": `(module (memory (export "memory") 1) (func $s) (start $s)
		(func (export "deploy")) (func (export "call")))`,
	"no_memory":        `(module (func (export "deploy")) (func (export "call")))`,
	"call_with_params": `(module (memory (export "memory") 1) (func (export "deploy")) (func (export "call") (param i32)))`,
	"query_with_params": `(module (memory (export "memory") 1) (func (export "deploy")) (func (export "call"))
		(func (export "query") (param i32)))`,
	"unknown_enigma_import": `(module (import "enigma" "write_anyway" (func (param i32))) (memory (export "memory") 1)
		(func (export "deploy")) (func (export "call")))`,
	"wrong_caller_signature": `(module (import "enigma" "query_caller" (func (param i64))) (memory (export "memory") 1)
		(func (export "deploy")) (func (export "call")))`,
	"huge_memory": `(module (memory (export "memory") 5000) (func (export "deploy")) (func (export "call")))`,
	"simd": `(module (memory (export "memory") 1) (func (export "deploy"))
		(func (export "call") (drop (v128.const i64x2 0 0))))`,
	"reserved_export": `(module (memory (export "memory") 1) (global (export "__eng_gas") i32 (i32.const 0))
		(func (export "deploy")) (func (export "call")))`,
	"bad_body": `(module (memory (export "memory") 1) (func (export "deploy")) (func (export "call") (drop (i32.const 1) (i32.const 2))))`,
}

var (
	watOnce sync.Once
	watOut  map[string][]byte
	watErr  error
)

func allWAT() map[string]string {
	src := map[string]string{"host": hostWAT, "imported_memory": importedMemoryWAT, "multi_value": multiValueWAT, "gas": gasWAT(), "query": queryWAT}
	for k, v := range badWAT {
		src["bad_"+k] = v
	}
	return src
}

// wat returns the assembled module name, assembling every test module with
// one run of wabt (npm, installed by make deps into testdata/node_modules).
func wat(t testing.TB, name string) []byte {
	t.Helper()
	watOnce.Do(func() { watOut, watErr = assembleAll(allWAT()) })
	if watErr != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("assemble WAT: %v", watErr)
		}
		t.Skipf("skipping: cannot assemble WAT (run `make deps` to install wabt): %v", watErr)
	}
	b, ok := watOut[name]
	if !ok {
		t.Fatalf("no WAT module %q", name)
	}
	return b
}

func assembleAll(src map[string]string) (map[string][]byte, error) {
	script, _ := filepath.Abs(filepath.Join("testdata", "wat2wasm.js"))
	if _, err := os.Stat(filepath.Join("testdata", "node_modules", "wabt")); err != nil {
		return nil, fmt.Errorf("wabt is not installed in testdata/node_modules")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, err
	}
	in, _ := json.Marshal(src)
	cmd := exec.Command(node, script)
	cmd.Dir = "testdata"
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%v: %s", err, stderr.String())
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(out, &raw); err != nil {
		return nil, err
	}
	res := map[string][]byte{}
	for name, v := range raw {
		var s string
		if json.Unmarshal(v, &s) != nil {
			// Modules that wabt itself rejects are reported, not fatal:
			// the bad-module tests need only the ones it accepts.
			continue
		}
		b, err := base64.StdEncoding.DecodeString(s)
		if err != nil {
			return nil, err
		}
		res[name] = b
	}
	for _, must := range []string{"host", "imported_memory", "multi_value", "gas", "query"} {
		if _, ok := res[must]; !ok {
			return nil, fmt.Errorf("wabt failed on %s: %s", must, raw[must])
		}
	}
	return res, nil
}
