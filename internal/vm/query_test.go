package vm

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/sdk/contract"
)

// queryWAT answers queries by the first letter of the function name:
// c caller, g get "k", w write, d delete, b Ethereum callback, l loop,
// n "no such query function" (exit 3). Its "call" export asks for the
// caller (c) or writes (w), as a task.
const queryWAT = `(module
  (import "env" "write_state" (func $write_state (param i32 i32 i32 i32)))
  (import "env" "read_state_len" (func $read_state_len (param i32 i32) (result i32)))
  (import "env" "read_state" (func $read_state (param i32 i32 i32)))
  (import "env" "remove_from_state" (func $remove_from_state (param i32 i32)))
  (import "env" "fetch_function_name" (func $fn (param i32)))
  (import "env" "write_eth_bridge" (func $bridge (param i32 i32 i32)))
  (import "env" "ret" (func $ret (param i32 i32)))
  (import "enigma" "query_caller" (func $caller (param i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "k")
  (func (export "deploy"))
  (func (export "call") (local $c i32)
    (call $fn (i32.const 256))
    (local.set $c (i32.load8_u (i32.const 256)))
    (if (i32.eq (local.get $c) (i32.const 99)) (then ;; c
      (call $caller (i32.const 1024)) (return)))
    (call $write_state (i32.const 16) (i32.const 1) (i32.const 32) (i32.const 4)))
  (func (export "query") (local $c i32) (local $i i32)
    (call $fn (i32.const 256))
    (local.set $c (i32.load8_u (i32.const 256)))
    (block $done
      (if (i32.eq (local.get $c) (i32.const 99)) (then ;; c: the caller
        (call $caller (i32.const 1024))
        (call $ret (i32.const 1024) (i32.const 20)) (br $done)))
      (if (i32.eq (local.get $c) (i32.const 103)) (then ;; g: get
        (local.set $i (call $read_state_len (i32.const 16) (i32.const 1)))
        (call $read_state (i32.const 16) (i32.const 1) (i32.const 2048))
        (call $ret (i32.const 2048) (local.get $i)) (br $done)))
      (if (i32.eq (local.get $c) (i32.const 119)) (then ;; w: write
        (call $write_state (i32.const 16) (i32.const 1) (i32.const 32) (i32.const 4)) (br $done)))
      (if (i32.eq (local.get $c) (i32.const 100)) (then ;; d: delete
        (call $remove_from_state (i32.const 16) (i32.const 1)) (br $done)))
      (if (i32.eq (local.get $c) (i32.const 98)) (then ;; b: bridge
        (call $bridge (i32.const 32) (i32.const 4) (i32.const 64)) (br $done)))
      (if (i32.eq (local.get $c) (i32.const 108)) (then ;; l: loop
        (loop $l (br $l))))
      (if (i32.eq (local.get $c) (i32.const 110)) (then ;; n: no such query function
        (call $exit (i32.const 3))))
      (unreachable)))
)`

func query(e *Engine, m *Module, st State, fn string, caller [20]byte, gas uint64) (*Result, error) {
	return e.Run(context.Background(), m, Request{Kind: Query, Function: fn, State: st, GasLimit: gas,
		Seed: [32]byte{4}, Time: time.Unix(1_600_000_000, 0), Caller: caller})
}

func TestQueryMode(t *testing.T) {
	code := wat(t, "query")
	caller := [20]byte{0: 0xca, 19: 0x11}
	forEachEngine(t, func(t *testing.T, e *Engine) {
		m := compile(t, e, code)
		if !m.HasQuery() {
			t.Fatal("HasQuery false for a module exporting query")
		}
		st := memState{"k": []byte(`"v"`)}
		res, err := query(e, m, st, "caller()", caller, 1e6)
		if err != nil || !bytes.Equal(res.Output, caller[:]) {
			t.Fatalf("caller: %x %v", res.Output, err)
		}
		res, err = query(e, m, st, "get()", caller, 1e6)
		if err != nil || string(res.Output) != `"v"` || res.GasUsed == 0 {
			t.Fatalf("get: %q %v", res.Output, err)
		}
		// Every way of changing something fails the query, and the state
		// stays as it was.
		for _, fn := range []string{"write()", "delete()", "bridge()"} {
			res, err := query(e, m, st, fn, caller, 1e6)
			wantCode(t, err, api.CodeReadOnly)
			if err.Error() != "a query cannot write state" || res.Output != nil || res.Bridge != nil || res.GasUsed == 0 {
				t.Fatalf("%s: %v %+v", fn, err, res)
			}
		}
		if len(st) != 1 || string(st["k"]) != `"v"` {
			t.Fatalf("a query changed the state: %q", st)
		}
		// The cap bounds a query like a task.
		res, err = query(e, m, st, "loop()", caller, 200_000)
		wantCode(t, err, api.CodeOutOfGas)
		if res.GasUsed != 200_000 {
			t.Fatalf("out of gas used %d", res.GasUsed)
		}
		_, err = query(e, m, st, "nothing()", caller, 1e6)
		wantCode(t, err, api.CodeUnknownFunction)
		if !strings.Contains(err.Error(), "nothing is not a query function of this contract") {
			t.Fatalf("unknown query function: %v", err)
		}
		_, err = query(e, m, st, "", caller, 1e6)
		wantCode(t, err, api.CodeUnknownFunction)
		// A task has no caller, and writes as before.
		_, err = call(e, m, st, "caller()", nil, 1e6)
		wantCode(t, err, api.CodeHostCall)
		if _, err := call(e, m, st, "write()", nil, 1e6); err != nil || len(st["k"]) != 4 {
			t.Fatalf("task write: %v %q", err, st)
		}
	})
}

func TestQueryWithoutExport(t *testing.T) {
	code := wat(t, "host")
	forEachEngine(t, func(t *testing.T, e *Engine) {
		m := compile(t, e, code)
		if m.HasQuery() {
			t.Fatal("HasQuery true for a module without a query export")
		}
		res, err := query(e, m, memState{}, "get()", [20]byte{1}, 1e6)
		wantCode(t, err, api.CodeUnknownFunction)
		if !strings.Contains(err.Error(), "this contract has no query functions") || res.GasUsed != 0 {
			t.Fatalf("%v (gas %d)", err, res.GasUsed)
		}
	})
}

// TestQueryGoSDK runs the query functions of a contract written with
// sdk/contract: its module imports enigma.query_caller (through Caller) and
// the VM must accept it at deploy.
func TestQueryGoSDK(t *testing.T) {
	code := goContract(t, "./testdata/sdkquery")
	caller := contract.Address{0: 0xab, 19: 0xcd}
	forEachEngine(t, func(t *testing.T, e *Engine) {
		m := compile(t, e, code)
		st := memState{}
		if _, err := e.Run(context.Background(), m, Request{Kind: Deploy, Function: "construct()", State: st, GasLimit: 1e9}); err != nil {
			t.Fatal(err)
		}
		if _, err := call(e, m, st, "set(uint256)", mustArgs(t, "(uint256)", 41), 1e9); err != nil {
			t.Fatal(err)
		}
		res, err := query(e, m, st, "whoami()", caller, 1e9)
		var got contract.Address
		var n contract.Uint256
		if err != nil || contract.DecodeArgs("(address,uint256)", res.Output, &got, &n) != nil || got != caller || n != contract.NewUint256(41) {
			t.Fatalf("whoami: %x %v", res.Output, err)
		}
		before := string(st["n"])
		_, err = query(e, m, st, "bump()", caller, 1e9)
		wantCode(t, err, api.CodeReadOnly)
		if string(st["n"]) != before {
			t.Fatal("a query changed the state")
		}
		_, err = query(e, m, st, "set(uint256)", caller, 1e9)
		wantCode(t, err, api.CodeUnknownFunction)
		_, err = call(e, m, st, "whoami()", nil, 1e9)
		wantCode(t, err, api.CodeUnknownFunction)
		// A task asking for its caller gets none (the SDK does not ask the host).
		res, err = call(e, m, st, "hascaller()", nil, 1e9)
		if err != nil || len(res.Output) != 32 || res.Output[31] != 0 {
			t.Fatalf("hascaller in a task: %x %v", res.Output, err)
		}
	})
}

func mustArgs(t *testing.T, types string, vals ...any) []byte {
	t.Helper()
	b, err := contract.EncodeArgs(types, vals...)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// BenchmarkQuery compares a query with a compute task doing the same work
// (read one state key and return it), each on a small WAT module.
func BenchmarkQuery(b *testing.B) {
	e := newTestEngine(b, DefaultConfig())
	for _, c := range []struct {
		name, module string
		kind         Kind
	}{{"compute", "host", Compute}, {"query", "query", Query}} {
		m := compile(b, e, wat(b, c.module))
		st := memState{"k": []byte(`"v"`)}
		req := Request{Kind: c.kind, Function: "get()", State: st, GasLimit: 1e6, Caller: [20]byte{1}}
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if res, err := e.Run(context.Background(), m, req); err != nil || string(res.Output) != `"v"` {
					b.Fatal(res, err)
				}
			}
		})
	}
}
