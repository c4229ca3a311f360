package vm

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/enigma-go/enigma/api"
)

// gasPages is the initial memory of the gas schedule contract (gasWAT):
// 0 the arguments (u32 n iterations, u32 size, then any payload), 32 and 96
// two AES keys, 64 the function name, 128 one iovec {65536, size} with
// nwritten at 136, 1024 an 8-byte state key whose first word is the loop
// counter, 65536 and 1245184 two buffers of 1 MiB + 64 KiB (ending at 37
// pages); memory.grow can add pages up to the engine's limit.
const gasPages = 40

// gasOps is each operation of the gas schedule contract: the letter its
// function name starts with and the body of a loop run n times (locals $i
// the counter, $n, $sz the size argument, $c scratch).
var gasOps = []struct {
	letter byte
	name   string
	setup  string // before the loop
	body   string
}{
	{'z', "empty loop", "", ``},
	{'i', "regular (add/xor/shift)", "", `(local.set $c (i32.xor (i32.add (local.get $c) (local.get $i)) (i32.shr_u (local.get $c) (i32.const 3))))
		(local.set $c (i32.or (i32.sub (local.get $c) (i32.const 7)) (i32.and (local.get $i) (i32.const 0xff))))`},
	{'m', "mul", "", `(local.set $c (i32.mul (i32.mul (local.get $c) (i32.const 31)) (local.get $i)))
		(local.set $c (i32.mul (local.get $c) (i32.const 17)))`},
	{'d', "div/rem", "(local.set $c (i32.const 0x7fffffff))", `(local.set $c (i32.add (i32.div_u (local.get $c) (i32.const 3)) (i32.rem_u (local.get $i) (i32.const 7))))
		(local.set $c (i32.add (local.get $c) (i32.const 0x7000000)))`},
	{'l', "load/store", "", `(i32.store (i32.and (i32.shl (local.get $i) (i32.const 2)) (i32.const 0xfffc))
			(i32.add (i32.load (i32.and (i32.shl (local.get $c) (i32.const 2)) (i32.const 0xfffc))) (local.get $i)))
		(local.set $c (i32.load offset=4 (i32.and (i32.shl (local.get $i) (i32.const 2)) (i32.const 0xfff8))))`},
	{'x', "mixed (the h loop)", "(local.set $c (i32.const 7))", `(local.set $c (i32.add (i32.mul (local.get $c) (i32.const 31)) (i32.div_u (local.get $c) (i32.const 3))))`},
	{'g', "memory.grow (1 page)", "", `(drop (memory.grow (i32.const 1)))`},
	{'K', "memory.copy", "", `(memory.copy (i32.const 1245184) (i32.const 65536) (local.get $sz))`},
	{'w', "write_state (same key)", "", `(call $write_state (i32.const 1024) (i32.const 8) (i32.const 65536) (local.get $sz))`},
	{'W', "write_state (new key)", "", `(i32.store (i32.const 1024) (local.get $i))
		(call $write_state (i32.const 1024) (i32.const 8) (i32.const 65536) (local.get $sz))`},
	{'k', "write_state (key of size)", "", `(i32.store (i32.const 65536) (local.get $i))
		(call $write_state (i32.const 65536) (local.get $sz) (i32.const 1024) (i32.const 8))`},
	{'r', "read_state", `(call $write_state (i32.const 1024) (i32.const 8) (i32.const 65536) (local.get $sz))`,
		`(call $read_state (i32.const 1024) (i32.const 8) (i32.const 1245184))`},
	{'R', "read_state_len", `(call $write_state (i32.const 1024) (i32.const 8) (i32.const 65536) (local.get $sz))`,
		`(drop (call $read_state_len (i32.const 1024) (i32.const 8)))`},
	{'e', "remove_from_state", "", `(call $remove_from_state (i32.const 65536) (local.get $sz))`},
	{'p', "eprint", "", `(call $eprint (i32.const 65536) (local.get $sz))`},
	{'f', "fetch_function_name", "", `(call $fn (i32.const 64))`},
	{'F', "fetch_function_name_length", "", `(drop (call $fnl))`},
	{'a', "fetch_args", "", `(call $args (i32.const 65536))`},
	{'A', "fetch_args_length", "", `(drop (call $argl))`},
	{'b', "write_eth_bridge", "", `(call $bridge (i32.const 65536) (local.get $sz) (i32.const 1024))`},
	{'y', "gas(0)", "", `(call $gas (i32.const 0))`},
	{'o', "ret", "", `(call $ret (i32.const 65536) (local.get $sz))`},
	{'n', "rand", "", `(call $rand (i32.const 65536) (local.get $sz))`},
	{'c', "encrypt", "", `(call $encrypt (i32.const 65536) (local.get $sz) (i32.const 32) (i32.const 1245184))`},
	{'Q', "encrypt (two keys in turn)", "", `(call $encrypt (i32.const 65536) (local.get $sz) (i32.add (i32.const 32) (i32.shl (i32.and (local.get $i) (i32.const 1)) (i32.const 6))) (i32.const 1245184))`},
	{'C', "decrypt", `(call $encrypt (i32.const 65536) (local.get $sz) (i32.const 32) (i32.const 1245184))`,
		`(call $decrypt (i32.const 1245184) (i32.add (local.get $sz) (i32.const 28)) (i32.const 32) (i32.const 65536))`},
	{'q', "wasi random_get", "", `(drop (call $random_get (i32.const 65536) (local.get $sz)))`},
	{'s', "wasi fd_write (stdout)", "", `(drop (call $fd_write (i32.const 1) (i32.const 128) (i32.const 1) (i32.const 136)))`},
	{'S', "wasi fd_write (empty iovecs)", "", `(drop (call $fd_write (i32.const 1) (i32.const 65536) (local.get $sz) (i32.const 136)))`},
	{'v', "wasi fd_read (empty iovecs)", "", `(drop (call $fd_read (i32.const 0) (i32.const 65536) (local.get $sz) (i32.const 136)))`},
	{'P', "wasi poll_oneoff", "", `(drop (call $poll_oneoff (i32.const 65536) (i32.const 1245184) (local.get $sz) (i32.const 136)))`},
	{'T', "wasi clock_time_get", "", `(drop (call $clock_time_get (i32.const 0) (i64.const 1) (i32.const 136)))`},
}

// gasWAT is the contract the gas schedule benchmark and tests run: each
// operation in a loop of n iterations.
func gasWAT() string {
	var b strings.Builder
	b.WriteString(`(module` + envImports + `
  (import "wasi_snapshot_preview1" "random_get" (func $random_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "poll_oneoff" (func $poll_oneoff (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "clock_time_get" (func $clock_time_get (param i32 i64 i32) (result i32)))
  (memory (export "memory") ` + fmt.Sprint(gasPages) + `)
  (data (i32.const 32) "0123456789abcdef0123456789abcdef")
  (data (i32.const 96) "fedcba9876543210fedcba9876543210")
  (func (export "deploy"))
  (func (export "call") (local $n i32) (local $sz i32) (local $i i32) (local $c i32) (local $op i32)
    (call $args (i32.const 0))
    (local.set $n (i32.load (i32.const 0)))
    (local.set $sz (i32.load (i32.const 4)))
    (i32.store (i32.const 128) (i32.const 65536))
    (i32.store (i32.const 132) (local.get $sz))
    (call $fn (i32.const 64))
    (local.set $op (i32.load8_u (i32.const 64)))
`)
	for _, op := range gasOps {
		fmt.Fprintf(&b, `    (if (i32.eq (local.get $op) (i32.const %d)) (then
      %s
      (block $done (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        %s
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
      (i32.store (i32.const 8) (local.get $c))
      (call $ret (i32.const 8) (i32.const 4))
      (return)))
`, op.letter, op.setup, op.body)
	}
	b.WriteString("    (unreachable)))\n")
	return b.String()
}

// gasArgsOf encodes the schedule contract's arguments: n iterations of an
// operation on size bytes, padded with payload zero bytes.
func gasArgsOf(n, size uint32, payload int) []byte {
	a := binary.LittleEndian.AppendUint32(nil, n)
	a = binary.LittleEndian.AppendUint32(a, size)
	return append(a, make([]byte, payload)...)
}

// gasCase is one row of the gas schedule benchmark: a task running op n
// times on size bytes.
type gasCase struct {
	name    string
	op      byte
	n, size uint32
	payload int // argument bytes after n and size (fetch_args)
	price   func(s Schedule) string
	plain   bool // a plain-instruction loop: the reference
}

func gasCases() []gasCase {
	base := func(s Schedule) string { return fmt.Sprint(s.HostCallBase) }
	copying := func(s Schedule) string { return fmt.Sprintf("%d + 1 per %d B", s.HostCallBase, s.CopyBytes) }
	crypto := func(s Schedule) string { return fmt.Sprintf("%d + %d/B", s.HostCallBase, s.CryptoPerByte) }
	state := func(s Schedule) string {
		return fmt.Sprintf("%d + %d + 1 per %d B", s.HostCallBase, s.StateBase, s.CopyBytes)
	}
	write := func(s Schedule) string {
		return fmt.Sprintf("%d + %d + %d/B written + %d/B grown", s.HostCallBase, s.WriteBase, s.WriteCopyPerByte, s.WritePerByte)
	}
	instr := func(what string) func(Schedule) string { return func(Schedule) string { return what } }
	const k, m = 1 << 10, 1 << 20
	return []gasCase{
		{name: "instr regular (add/xor/shift)", op: 'i', n: 2_000_000, price: instr("1 each"), plain: true},
		{name: "instr mul", op: 'm', n: 2_000_000, price: instr("4 each"), plain: true},
		{name: "instr div/rem", op: 'd', n: 2_000_000, price: instr("16 each"), plain: true},
		{name: "instr load/store", op: 'l', n: 2_000_000, price: instr("2 each"), plain: true},
		{name: "instr mixed (mul, div, add)", op: 'x', n: 2_000_000, price: instr("as above")},
		{name: "memory.grow 1 page", op: 'g', n: 900, price: func(s Schedule) string { return fmt.Sprintf("%d/page", s.GrowPage) }},
		{name: "memory.copy 64 KiB", op: 'K', n: 500, size: 64 * k, price: func(s Schedule) string { return fmt.Sprintf("1 per %d B", s.BulkBytes) }},
		{name: "write_state 32 B, same key", op: 'w', n: 20_000, size: 32, price: write},
		{name: "write_state 1 MiB, same key", op: 'w', n: 20, size: m, price: write},
		{name: "write_state 32 B, new keys", op: 'W', n: 20_000, size: 32, price: write},
		{name: "write_state 64 KiB, new keys", op: 'W', n: 50, size: 64 * k, price: write},
		{name: "write_state 4 KiB keys", op: 'k', n: 500, size: 4 * k, price: write},
		{name: "read_state 32 B", op: 'r', n: 20_000, size: 32, price: state},
		{name: "read_state 1 MiB", op: 'r', n: 50, size: m, price: state},
		{name: "read_state_len", op: 'R', n: 20_000, size: 32, price: state},
		{name: "remove_from_state 8 B key", op: 'e', n: 20_000, size: 8, price: state},
		{name: "remove_from_state 4 KiB key", op: 'e', n: 5_000, size: 4 * k, price: state},
		{name: "eprint 32 B", op: 'p', n: 20_000, size: 32, price: copying},
		{name: "eprint 64 KiB", op: 'p', n: 200, size: 64 * k, price: copying},
		{name: "fetch_function_name", op: 'f', n: 20_000, price: copying},
		{name: "fetch_function_name_length", op: 'F', n: 20_000, price: base},
		{name: "fetch_args 32 B", op: 'a', n: 20_000, size: 32, payload: 32, price: copying},
		{name: "fetch_args 1 MiB", op: 'a', n: 50, size: m, payload: m, price: copying},
		{name: "fetch_args_length", op: 'A', n: 20_000, price: base},
		{name: "write_eth_bridge 32 B", op: 'b', n: 20_000, size: 32, price: copying},
		{name: "write_eth_bridge 16 KiB", op: 'b', n: 2_000, size: 16 * k, price: copying},
		{name: "gas(0)", op: 'y', n: 20_000, price: base},
		{name: "ret 32 B", op: 'o', n: 20_000, size: 32, price: crypto},
		{name: "ret 1 MiB", op: 'o', n: 20, size: m, price: crypto},
		{name: "rand 32 B", op: 'n', n: 20_000, size: 32, price: crypto},
		{name: "rand 1 MiB", op: 'n', n: 10, size: m, price: crypto},
		{name: "encrypt 32 B", op: 'c', n: 20_000, size: 32, price: crypto},
		{name: "encrypt 1 MiB", op: 'c', n: 10, size: m, price: crypto},
		{name: "encrypt 32 B, two keys in turn", op: 'Q', n: 20_000, size: 32, price: func(s Schedule) string {
			return fmt.Sprintf("%d + %d/B + %d per key change", s.HostCallBase, s.CryptoPerByte, s.CipherKey)
		}},
		{name: "decrypt 32 B", op: 'C', n: 20_000, size: 32, price: crypto},
		{name: "decrypt 1 MiB", op: 'C', n: 10, size: m, price: crypto},
		{name: "WASI random_get 32 B", op: 'q', n: 20_000, size: 32, price: crypto},
		{name: "WASI random_get 1 MiB", op: 'q', n: 10, size: m, price: crypto},
		{name: "WASI fd_write 32 B", op: 's', n: 20_000, size: 32, price: func(s Schedule) string {
			return fmt.Sprintf("%d + %d/iovec + 1 per %d B", s.HostCallBase, s.IOVec, s.CopyBytes)
		}},
		{name: "WASI fd_write 64 K empty iovecs", op: 'S', n: 20, size: 64 * k, price: func(s Schedule) string { return fmt.Sprintf("%d + %d/iovec", s.HostCallBase, s.IOVec) }},
		{name: "WASI fd_read 64 K empty iovecs", op: 'v', n: 100, size: 64 * k, price: func(s Schedule) string { return fmt.Sprintf("%d + %d/iovec", s.HostCallBase, s.IOVec) }},
		{name: "WASI poll_oneoff 1 event", op: 'P', n: 5_000, size: 1, price: func(s Schedule) string { return fmt.Sprintf("%d + %d/event", s.HostCallBase, s.PollEvent) }},
		{name: "WASI poll_oneoff 4096 events", op: 'P', n: 20, size: 4096, price: func(s Schedule) string { return fmt.Sprintf("%d + %d/event", s.HostCallBase, s.PollEvent) }},
		{name: "WASI clock_time_get", op: 'T', n: 20_000, price: base},
	}
}

type gasRow struct {
	name, price string
	gas         uint64
	ns          float64
	plain       bool
}

// BenchmarkGasSchedule times every priced operation, each in a task that
// repeats it, on the compiler, and reports ns per gas: the schedule is
// right when that is about the same for every operation. It ends with the
// table of docs/gas.md (ratio: ns/gas over that of plain instructions,
// the geometric mean of the regular, mul, div and load/store loops):
//
//	go test -run '^$' -bench GasSchedule -benchtime 20x ./internal/vm/
func BenchmarkGasSchedule(b *testing.B) {
	code := wat(b, "gas")
	cfg := DefaultConfig()
	rows := map[string]gasRow{} // by name: the last run of each sub-benchmark
	var order []string
	record := func(r gasRow) {
		if _, ok := rows[r.name]; !ok {
			order = append(order, r.name)
		}
		rows[r.name] = r
	}
	for _, c := range gasCases() {
		b.Run(c.name, func(b *testing.B) {
			e := newTestEngine(b, cfg)
			m := compile(b, e, code)
			args := gasArgsOf(c.n, c.size, c.payload)
			req := Request{Kind: Compute, Function: string(c.op), Args: args, GasLimit: 1 << 62}
			req.State = memState{}
			res, err := e.Run(context.Background(), m, req)
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for range b.N {
				req.State = memState{}
				if _, err := e.Run(context.Background(), m, req); err != nil {
					b.Fatal(err)
				}
			}
			ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			b.ReportMetric(ns/float64(res.GasUsed), "ns/gas")
			b.ReportMetric(float64(res.GasUsed), "gas/op")
			record(gasRow{name: c.name, price: c.price(cfg.Schedule), gas: res.GasUsed, ns: ns, plain: c.plain})
		})
	}
	for _, c := range []struct {
		name, fn string
		code     func() []byte
	}{
		{"per task: host test contract, 2 pages", "name", func() []byte { return wat(b, "host") }},
		{"per task: schedule contract, 40 pages", "z", func() []byte { return code }},
		{"per task: Go kernel contract, 45 pages", "noop", func() []byte { return goContract(b, "./kernels/wasm") }},
	} {
		b.Run(c.name, func(b *testing.B) { record(benchTask(b, cfg, c.name, c.code(), c.fn)) })
	}
	var table []gasRow
	for _, name := range order {
		table = append(table, rows[name])
	}
	b.Log("\n" + gasTable(table))
}

// benchTask times a whole task that does next to nothing: what the host
// does per task (reset, base charges).
func benchTask(b *testing.B, cfg Config, name string, code []byte, fn string) gasRow {
	e := newTestEngine(b, cfg)
	m := compile(b, e, code)
	req := Request{Kind: Compute, Function: fn, Args: gasArgsOf(0, 0, 0), State: memState{}, GasLimit: 1 << 40}
	res, err := e.Run(context.Background(), m, req)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		if _, err := e.Run(context.Background(), m, req); err != nil {
			b.Fatal(err)
		}
	}
	ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	b.ReportMetric(ns/float64(res.GasUsed), "ns/gas")
	b.ReportMetric(float64(res.GasUsed), "gas/op")
	s := cfg.Schedule
	return gasRow{name: name, gas: res.GasUsed, ns: ns,
		price: fmt.Sprintf("%d + %d/page + instructions and host calls", s.ComputeBase, s.ResetPage)}
}

func gasTable(rows []gasRow) string {
	ref, n := 0.0, 0
	for _, r := range rows {
		if r.plain {
			ref += math.Log(r.ns / float64(r.gas))
			n++
		}
	}
	ref = math.Exp(ref / float64(max(n, 1)))
	var b strings.Builder
	fmt.Fprintf(&b, "plain instructions: %.3f ns/gas\n\n", ref)
	b.WriteString("| operation | price (gas) | gas per task | ns per task | ns/gas | ratio |\n| --- | --- | ---: | ---: | ---: | ---: |\n")
	for _, r := range rows {
		nsg := r.ns / float64(r.gas)
		fmt.Fprintf(&b, "| %s | %s | %d | %.0f | %.3f | %.2f |\n", r.name, r.price, r.gas, r.ns, nsg, nsg/ref)
	}
	return b.String()
}

// sizedState is a memState that reports its size, as the enclave's does.
type sizedState map[string][]byte

func (s sizedState) Get(k []byte) ([]byte, bool) { v, ok := s[string(k)]; return v, ok }
func (s sizedState) Set(k, v []byte)             { s[string(k)] = append([]byte(nil), v...) }
func (s sizedState) Delete(k []byte)             { delete(s, string(k)) }
func (s sizedState) Size() int {
	n := 0
	for k, v := range s {
		n += len(k) + len(v)
	}
	return n
}

// gasPerCall runs op once and twice (on a fresh state each time) and
// returns what the second call added: one call's price plus the loop's
// instructions.
func gasPerCall(t *testing.T, e *Engine, m *Module, op byte, size uint32, payload int) uint64 {
	t.Helper()
	var used [2]uint64
	for i := range used {
		res, err := call(e, m, memState{}, string(op), gasArgsOf(uint32(i+1), size, payload), 1<<40)
		if err != nil {
			t.Fatalf("%c: %v", op, err)
		}
		used[i] = res.GasUsed
	}
	return used[1] - used[0]
}

// Every host call is charged by its price: raising a price by one raises
// each call's charge by what the call is charged per unit of it.
func TestHostCallPrices(t *testing.T) {
	code := wat(t, "gas")
	type field struct {
		name string
		at   func(*Schedule) *uint64
	}
	var (
		base   = field{"HostCallBase", func(s *Schedule) *uint64 { return &s.HostCallBase }}
		state  = field{"StateBase", func(s *Schedule) *uint64 { return &s.StateBase }}
		wbase  = field{"WriteBase", func(s *Schedule) *uint64 { return &s.WriteBase }}
		wcopy  = field{"WriteCopyPerByte", func(s *Schedule) *uint64 { return &s.WriteCopyPerByte }}
		grow   = field{"WritePerByte", func(s *Schedule) *uint64 { return &s.WritePerByte }}
		crypto = field{"CryptoPerByte", func(s *Schedule) *uint64 { return &s.CryptoPerByte }}
		key    = field{"CipherKey", func(s *Schedule) *uint64 { return &s.CipherKey }}
		iovec  = field{"IOVec", func(s *Schedule) *uint64 { return &s.IOVec }}
		event  = field{"PollEvent", func(s *Schedule) *uint64 { return &s.PollEvent }}
	)
	type unit struct {
		f field
		n uint64 // units of f per call
	}
	const sz = 1000
	cases := []struct {
		op      byte
		size    uint32
		payload int
		copied  uint64 // bytes charged at CopyBytes per call
		units   []unit
	}{
		{op: 'w', size: sz, units: []unit{{base, 1}, {wbase, 1}, {wcopy, 8 + sz}, {grow, 0}}},
		{op: 'W', size: sz, units: []unit{{base, 1}, {wbase, 1}, {wcopy, 8 + sz}, {grow, 8 + sz}}},
		{op: 'k', size: sz, units: []unit{{wcopy, sz + 8}, {grow, sz + 8}}},
		{op: 'r', size: sz, copied: 8 + sz, units: []unit{{base, 1}, {state, 1}}},
		{op: 'R', size: sz, copied: 8, units: []unit{{base, 1}, {state, 1}}},
		{op: 'e', size: sz, copied: sz, units: []unit{{base, 1}, {state, 1}}},
		{op: 'p', size: sz, copied: sz, units: []unit{{base, 1}, {state, 0}}},
		{op: 'f', copied: 1, units: []unit{{base, 1}}},
		{op: 'F', units: []unit{{base, 1}}},
		{op: 'a', payload: sz, copied: 8 + sz, units: []unit{{base, 1}}},
		{op: 'A', units: []unit{{base, 1}}},
		{op: 'b', size: sz, copied: sz + 20, units: []unit{{base, 1}}},
		{op: 'y', units: []unit{{base, 1}}},
		{op: 'o', size: sz, units: []unit{{base, 1}, {crypto, sz}}},
		{op: 'n', size: sz, units: []unit{{base, 1}, {crypto, sz}}},
		{op: 'c', size: sz, units: []unit{{base, 1}, {crypto, sz + 28}, {key, 0}}},
		{op: 'Q', size: sz, units: []unit{{key, 1}}},
		{op: 'C', size: sz, units: []unit{{base, 1}, {crypto, sz + 28}, {key, 0}}},
		{op: 'q', size: sz, units: []unit{{base, 1}, {crypto, sz}}},
		{op: 's', size: sz, copied: sz, units: []unit{{base, 1}, {iovec, 1}}},
		{op: 'S', size: sz, units: []unit{{base, 1}, {iovec, sz}}},
		{op: 'v', size: sz, units: []unit{{base, 1}, {iovec, sz}}},
		{op: 'P', size: 100, units: []unit{{base, 1}, {event, 100}}},
		{op: 'T', units: []unit{{base, 1}}},
	}
	for _, eng := range engines {
		t.Run(eng.name, func(t *testing.T) {
			cfg := TestConfig()
			cfg.Interpreter = eng.interpreter
			e := newTestEngine(t, cfg)
			m := compile(t, e, code)
			free := cfg
			free.Schedule.CopyBytes = 0
			ef := newTestEngine(t, free)
			mf := compile(t, ef, code)
			for _, c := range cases {
				want := gasPerCall(t, e, m, c.op, c.size, c.payload)
				// Copying: CopyBytes 2 against free copies.
				if got := want - gasPerCall(t, ef, mf, c.op, c.size, c.payload); got != (c.copied+1)/2 {
					t.Errorf("%c copies: charged %d, want %d for %d bytes", c.op, got, (c.copied+1)/2, c.copied)
				}
				for _, u := range c.units {
					up := cfg
					*u.f.at(&up.Schedule) += 1000
					eu := newTestEngine(t, up)
					got := gasPerCall(t, eu, compile(t, eu, code), c.op, c.size, c.payload) - want
					if got != 1000*u.n {
						t.Errorf("%c: raising %s by 1000 raised a call's gas by %d, want %d", c.op, u.f.name, got, 1000*u.n)
					}
				}
			}
		})
	}
}

// A host call that the gas left cannot pay for ends the run out of gas
// before it does its work, and the run is charged its whole limit.
func TestOutOfGasInHostCall(t *testing.T) {
	code := wat(t, "gas")
	forEachEngine(t, func(t *testing.T, e *Engine) {
		m := compile(t, e, code)
		const limit = 1_000_000
		for _, c := range []struct {
			op      byte
			n, size uint32
		}{
			{'n', 1 << 20, 1 << 20},  // rand 1 MiB
			{'q', 1 << 20, 1 << 20},  // WASI random_get 1 MiB
			{'c', 1 << 20, 1 << 20},  // encrypt 1 MiB
			{'S', 1 << 20, 1 << 16},  // fd_write of 64 Ki iovecs
			{'P', 1 << 20, 1 << 14},  // poll_oneoff of 16 Ki events
			{'r', 1 << 20, 1 << 10},  // read_state, in a loop
			{'g', 900, 0},            // memory.grow
			{'w', 1 << 20, 1 << 20},  // write_state 1 MiB
			{'a', 1 << 20, 1 << 20},  // fetch_args 1 MiB
			{'y', 1 << 30, 0},        // gas(0) in a loop
			{'T', 1 << 30, 0},        // clock_time_get in a loop
			{'o', 1 << 20, 1 << 20},  // ret 1 MiB
			{'p', 1 << 20, 64 << 10}, // eprint 64 KiB
		} {
			payload := 0
			if c.op == 'a' {
				payload = int(c.size)
			}
			res, err := call(e, m, memState{}, string(c.op), gasArgsOf(c.n, c.size, payload), limit)
			wantCode(t, err, api.CodeOutOfGas)
			if res.GasUsed != limit {
				t.Fatalf("%c: out of gas charged %d, want the limit %d", c.op, res.GasUsed, limit)
			}
		}
	})
}

// Keys, values, the state, outputs, log lines and callbacks have size
// limits; a run over one fails with CodeResourceLimit.
func TestSizeLimits(t *testing.T) {
	code := wat(t, "gas")
	forEachEngine(t, func(t *testing.T, e *Engine) {
		s := e.cfg.Schedule
		m := compile(t, e, code)
		for _, c := range []struct {
			what string
			op   byte
			size int
			st   State
		}{
			{"a key to write", 'k', s.MaxKeyBytes + 1, memState{}},
			{"a key to remove", 'e', s.MaxKeyBytes + 1, memState{}},
			{"a value", 'w', s.MaxValueBytes + 1, memState{}},
			{"the state", 'W', 1024, sizedState{"big": make([]byte, s.MaxStateBytes-3-1024)}},
			{"an output", 'o', s.OutputMaxBytes + 1, memState{}},
			{"a log line", 'p', s.LogMaxBytes + 1, memState{}},
			{"a callback", 'b', s.BridgeMaxBytes + 1, memState{}},
		} {
			res, err := call(e, m, c.st, string(c.op), gasArgsOf(1, uint32(c.size), 0), 1<<40)
			wantCode(t, err, api.CodeResourceLimit)
			if res.GasUsed == 0 || res.GasUsed >= 1<<40 {
				t.Fatalf("%s over its limit charged %d gas", c.what, res.GasUsed)
			}
			t.Logf("%s: %v", c.what, err)
		}
		// At the limits, all is well; a state at its limit can still be
		// rewritten in place.
		full := sizedState{"big": make([]byte, s.MaxStateBytes-3-8-1024)}
		for _, c := range []struct {
			op   byte
			size int
			st   State
		}{
			{'k', s.MaxKeyBytes, memState{}}, {'w', s.MaxValueBytes, memState{}}, {'W', 1024, full}, {'w', 1024, full},
			{'o', s.OutputMaxBytes, memState{}}, {'p', s.LogMaxBytes, memState{}}, {'b', s.BridgeMaxBytes, memState{}},
		} {
			if _, err := call(e, m, c.st, string(c.op), gasArgsOf(1, uint32(c.size), 0), 1<<40); err != nil {
				t.Fatalf("%c at its limit: %v", c.op, err)
			}
		}
		if full.Size() != s.MaxStateBytes {
			t.Fatalf("the state is %d bytes, want exactly the limit %d", full.Size(), s.MaxStateBytes)
		}
	})
}

// A task pays for the state it starts from; one that frees state gets the
// freed bytes back, but never more than half of its gas.
func TestStateChargeAndRefund(t *testing.T) {
	code := wat(t, "gas")
	forEachEngine(t, func(t *testing.T, e *Engine) {
		s := e.cfg.Schedule
		m := compile(t, e, code)
		empty, err := call(e, m, sizedState{}, "y", gasArgsOf(1, 0, 0), 1<<40)
		if err != nil {
			t.Fatal(err)
		}
		held := sizedState{"x": make([]byte, 9999)}
		with, err := call(e, m, held, "y", gasArgsOf(1, 0, 0), 1<<40)
		if err != nil {
			t.Fatal(err)
		}
		if with.GasUsed-empty.GasUsed != 10_000*s.StatePerByte {
			t.Fatalf("a task on 10,000 bytes of state paid %d more, want %d", with.GasUsed-empty.GasUsed, 10_000*s.StatePerByte)
		}
		// Shrinking a 100 KiB value to 10 bytes frees far more than the task
		// used: it still pays half. The same task on a value already 10
		// bytes long frees nothing and pays its gross gas.
		key1 := "\x01\x00\x00\x00\x00\x00\x00\x00" // the second write's key
		gross, err := call(e, m, memState{key1: make([]byte, 10)}, "W", gasArgsOf(2, 10, 0), 1<<40)
		if err != nil {
			t.Fatal(err)
		}
		shrunk, err := call(e, m, memState{key1: make([]byte, 100<<10)}, "W", gasArgsOf(2, 10, 0), 1<<40)
		if err != nil {
			t.Fatal(err)
		}
		if want := gross.GasUsed - gross.GasUsed/2; shrunk.GasUsed != want {
			t.Fatalf("a task freeing 100 KiB used %d gas, want half of its gross %d", shrunk.GasUsed, gross.GasUsed)
		}
	})
}

// A Go contract's runtime initialisation is paid by its deploy: the deploy
// charges its gas, a deploy that cannot pay stops out of gas without
// spoiling the module, and every engine charges the same whether it had
// the snapshot already or not.
func TestInitialisationPaidByDeploy(t *testing.T) {
	code := goContract(t, "./testdata/gocontract")
	deploy := func(e *Engine, m *Module, limit uint64) (*Result, error) {
		return e.Run(context.Background(), m, Request{Kind: Deploy, Function: "construct()", State: sizedState{}, GasLimit: limit})
	}
	forEachEngine(t, func(t *testing.T, e *Engine) {
		s := e.cfg.Schedule
		m := compile(t, e, code)
		upFront := uint64(m.CodeSize())*s.DeployPerByte + uint64(m.info.MemoryMin)*uint64(s.GrowPage)
		res, err := deploy(e, m, upFront+1000)
		wantCode(t, err, api.CodeOutOfGas)
		if res.GasUsed != upFront+1000 {
			t.Fatalf("a deploy that cannot pay for the initialisation used %d gas, want its limit %d", res.GasUsed, upFront+1000)
		}
		first, err := deploy(e, m, 1e9)
		if err != nil {
			t.Fatalf("deploy after a failed one: %v", err)
		}
		snap, err := e.snapshot(context.Background(), m, int64(e.cfg.InitGasLimit))
		if err != nil {
			t.Fatal(err)
		}
		if snap.initGas == 0 || first.GasUsed < upFront+snap.initGas+uint64(snap.pages)*s.ResetPage {
			t.Fatalf("deploy used %d gas, less than code and memory %d + initialisation %d + reset", first.GasUsed, upFront, snap.initGas)
		}
		t.Logf("deploy: %d gas, of which initialisation %d (%d pages after it)", first.GasUsed, snap.initGas, snap.pages)
		again, err := deploy(e, m, 1e9)
		if err != nil || again.GasUsed != first.GasUsed {
			t.Fatalf("a second deploy of the same code used %d gas (%v), the first %d", again.GasUsed, err, first.GasUsed)
		}
		res, err = deploy(e, m, upFront+snap.initGas-1)
		wantCode(t, err, api.CodeOutOfGas)

		// Another engine initialises on a compute task, under the cap
		// alone, and charges a deploy the same.
		e2 := newTestEngine(t, e.cfg)
		m2 := compile(t, e2, code)
		if _, err := call(e2, m2, sizedState{}, "counter()", nil, 1e8); err != nil {
			t.Fatal(err)
		}
		if other, err := deploy(e2, m2, 1e9); err != nil || other.GasUsed != first.GasUsed {
			t.Fatalf("another engine's deploy used %d gas (%v), want %d", other.GasUsed, err, first.GasUsed)
		}

		// An initialisation over InitGasLimit makes the module invalid on
		// every engine, whatever the task's gas.
		capped := e.cfg
		capped.InitGasLimit = snap.initGas - 1
		e3 := newTestEngine(t, capped)
		m3 := compile(t, e3, code)
		_, err = deploy(e3, m3, 1e9)
		wantCode(t, err, api.CodeInvalidModule)
		_, err = call(e3, m3, sizedState{}, "counter()", nil, 1e8)
		wantCode(t, err, api.CodeInvalidModule)
		capped.InitGasLimit = snap.initGas
		e4 := newTestEngine(t, capped)
		if _, err := deploy(e4, compile(t, e4, code), 1e9); err != nil {
			t.Fatalf("an initialisation of exactly the cap: %v", err)
		}
	})
}

// Runs beyond MaxConcurrentRuns wait for a slot; one that cannot get one
// before its context ends fails with CodeTimeout, wrapping the context's
// error, so the caller knows the node, not the contract, was at fault.
func TestConcurrentRunsBounded(t *testing.T) {
	cfg := TestConfig()
	cfg.MaxConcurrentRuns = 1
	e := newTestEngine(t, cfg)
	m := compile(t, e, wat(t, "host"))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	looping, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() {
		_, err := e.Run(looping, m, Request{Kind: Compute, Function: "loop", State: memState{}, GasLimit: 1 << 62})
		done <- err
	}()
	for len(e.runs) == 0 {
		select {
		case <-ctx.Done():
			t.Fatal("the looping run never started")
		case <-time.After(time.Millisecond):
		}
	}
	short, cancelShort := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancelShort()
	res, err := e.Run(short, m, Request{Kind: Compute, Function: "echo", Args: []byte("x"), State: memState{}, GasLimit: 1e6})
	wantCode(t, err, api.CodeTimeout)
	if !errors.Is(err, context.DeadlineExceeded) || res == nil || res.GasUsed != 0 {
		t.Fatalf("a run that got no slot: %v, %+v", err, res)
	}
	stop()
	wantCode(t, <-done, api.CodeTimeout)
	if res, err := e.Run(ctx, m, Request{Kind: Compute, Function: "echo", Args: []byte("x"), State: memState{}, GasLimit: 1e6}); err != nil || string(res.Output) != "x" {
		t.Fatalf("after the slot was freed: %v", err)
	}
}

// Go cannot preempt a goroutine inside compiled wasm: a run that never
// left it would hold its thread until its gas ran out, and with one
// thread nothing else (the timer of its own deadline included) would run.
// The compiled code exits to the host every meter.YieldGas, so a run stops
// at its deadline, long before its gas (seconds of looping) runs out.
func TestLongRunYields(t *testing.T) {
	e := newTestEngine(t, TestConfig())
	m := compile(t, e, wat(t, "host"))
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	const limit = 9e9 // below MaxTaskGas
	res, err := e.Run(ctx, m, Request{Kind: Compute, Function: "loop", State: memState{}, GasLimit: limit})
	wantCode(t, err, api.CodeTimeout)
	if res.GasUsed >= limit/2 {
		t.Fatalf("the run stopped only after %d gas of %d: its deadline did not reach it", res.GasUsed, uint64(limit))
	}
}

// A task given more gas than MaxTaskGas runs on MaxTaskGas: out of it, it
// fails out of gas charged that much, never running longer.
func TestMaxTaskGas(t *testing.T) {
	cfg := TestConfig()
	cfg.Schedule.MaxTaskGas = 2_000_000
	forEachEngineWith(t, cfg, func(t *testing.T, e *Engine) {
		m := compile(t, e, wat(t, "host"))
		res, err := call(e, m, memState{}, "loop", nil, 1<<62)
		wantCode(t, err, api.CodeOutOfGas)
		if res.GasUsed != cfg.Schedule.MaxTaskGas {
			t.Fatalf("a task given 2^62 gas used %d, want the cap %d", res.GasUsed, cfg.Schedule.MaxTaskGas)
		}
		if res, err := call(e, m, memState{}, "echo", []byte("x"), 1<<62); err != nil || string(res.Output) != "x" {
			t.Fatalf("a task within the cap: %v", err)
		}
	})
}

// forEachEngineWith is forEachEngine with a configuration of the test's.
func forEachEngineWith(t *testing.T, cfg Config, f func(t *testing.T, e *Engine)) {
	for _, eng := range engines {
		t.Run(eng.name, func(t *testing.T) {
			c := cfg
			c.Interpreter = eng.interpreter
			f(t, newTestEngine(t, c))
		})
	}
}
