package vm

import (
	"bytes"
	"context"
	"crypto/aes"
	"crypto/cipher"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/vm/kernels/smallwasm"
)

// memState is a map-backed State for tests.
type memState map[string][]byte

func (s memState) Get(k []byte) ([]byte, bool) { v, ok := s[string(k)]; return v, ok }
func (s memState) Set(k, v []byte)             { s[string(k)] = append([]byte(nil), v...) }
func (s memState) Delete(k []byte)             { delete(s, string(k)) }

var engines = []struct {
	name        string
	interpreter bool
}{{"compiler", false}, {"interpreter", true}}

// forEachEngine runs f against the compiler and the interpreter: one suite,
// both backends.
func forEachEngine(t *testing.T, f func(t *testing.T, e *Engine)) {
	for _, eng := range engines {
		t.Run(eng.name, func(t *testing.T) {
			cfg := TestConfig()
			cfg.Interpreter = eng.interpreter
			f(t, newTestEngine(t, cfg))
		})
	}
}

// sharedCache is a compilation cache directory shared by the tests of one
// run, so each contract is compiled once per engine kind, not once per test.
var sharedCache string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "vm-test-cache-")
	if err != nil {
		panic(err)
	}
	sharedCache = dir
	code := m.Run()
	os.RemoveAll(dir)
	if goBuildDir != "" {
		os.RemoveAll(goBuildDir)
	}
	os.Exit(code)
}

func newTestEngine(t testing.TB, cfg Config) *Engine {
	t.Helper()
	if cfg.CacheDir == "" {
		cfg.CacheDir = sharedCache
	}
	e, err := NewEngine(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close(context.Background()) })
	return e
}

func compile(t testing.TB, e *Engine, code []byte) *Module {
	t.Helper()
	m, err := e.Compile(context.Background(), code)
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	return m
}

func call(e *Engine, m *Module, st State, fn string, args []byte, gas uint64) (*Result, error) {
	return e.Run(context.Background(), m, Request{Kind: Compute, Function: fn, Args: args, State: st, GasLimit: gas,
		Seed: [32]byte{1, 2, 3}, Time: time.Unix(1_600_000_000, 0)})
}

func wantCode(t *testing.T, err error, code api.Code) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want code %d", code)
	}
	if api.CodeOf(err) != code {
		t.Fatalf("error %q has code %d, want %d", err, api.CodeOf(err), code)
	}
}

func le32(v uint32) []byte { return binary.LittleEndian.AppendUint32(nil, v) }

func TestHostFunctions(t *testing.T) {
	code := wat(t, "host")
	forEachEngine(t, func(t *testing.T, e *Engine) {
		m := compile(t, e, code)
		if m.CodeHash() != Keccak256(code) || m.IsReactor() {
			t.Fatal("code hash or kind wrong")
		}
		st := memState{}
		const gas = 1_000_000

		res, err := e.Run(context.Background(), m, Request{Kind: Deploy, Function: "construct(uint256)", Args: []byte(`{"a":1}`), State: st, GasLimit: gas})
		if err != nil {
			t.Fatal(err)
		}
		if string(res.Output) != "construct" || string(st["k"]) != `{"a":1}` {
			t.Fatalf("deploy output %q state %q", res.Output, st["k"])
		}
		// Deploy pays a gas unit per code byte plus write_state.
		if res.GasUsed < uint64(len(code))+10+7 {
			t.Fatalf("deploy gas %d too small", res.GasUsed)
		}

		res, err = call(e, m, st, "echo(bytes)", []byte("hello"), gas)
		if err != nil || string(res.Output) != "hello" {
			t.Fatalf("echo: %q %v", res.Output, err)
		}
		if res.GasUsed <= 10_000 {
			t.Fatalf("compute gas %d does not include the base charge", res.GasUsed)
		}
		res, err = call(e, m, st, "name()", nil, gas)
		if err != nil || string(res.Output) != "name" {
			t.Fatalf("name: %q %v", res.Output, err)
		}

		if _, err := call(e, m, st, "write", []byte(`"0123456789"`), gas); err != nil {
			t.Fatal(err)
		}
		res, err = call(e, m, st, "get", nil, gas)
		if err != nil || string(res.Output) != `"0123456789"` {
			t.Fatalf("get: %q %v", res.Output, err)
		}
		if _, err := call(e, m, st, "delete", nil, gas); err != nil || len(st) != 0 {
			t.Fatalf("delete: %v %v", st, err)
		}
		res, err = call(e, m, st, "get", nil, gas)
		if err != nil || string(res.Output) != "null" {
			t.Fatalf("get missing: %q %v", res.Output, err)
		}

		res, err = call(e, m, st, "print", []byte("debug line"), gas)
		if err != nil || !slices.Equal(res.Log, []string{"debug line"}) {
			t.Fatalf("print: %q %v", res.Log, err)
		}

		addr := bytes.Repeat([]byte{0xab}, 20)
		res, err = call(e, m, st, "bridge", append(slices.Clone(addr), "payload"...), gas)
		if err != nil || res.Bridge == nil || string(res.Bridge.Payload) != "payload" || !bytes.Equal(res.Bridge.Address[:], addr) {
			t.Fatalf("bridge: %+v %v", res.Bridge, err)
		}

		r1, err := call(e, m, st, "rand", nil, gas)
		if err != nil || len(r1.Output) != 32 {
			t.Fatal(err)
		}
		r2, _ := call(e, m, st, "rand", nil, gas)
		if !bytes.Equal(r1.Output, r2.Output) || bytes.Equal(r1.Output, make([]byte, 32)) {
			t.Fatal("rand is not deterministic per seed, or is zero")
		}
		r3, _ := e.Run(context.Background(), m, Request{Kind: Compute, Function: "rand", State: st, GasLimit: gas, Seed: [32]byte{9}})
		if bytes.Equal(r1.Output, r3.Output) {
			t.Fatal("rand does not depend on the seed")
		}

		msg := []byte("attack at dawn")
		res, err = call(e, m, st, "crypt", msg, gas)
		if err != nil {
			t.Fatal(err)
		}
		ct, plain := res.Output[:len(msg)+28], res.Output[len(msg)+28:]
		if !bytes.Equal(plain, msg) {
			t.Fatalf("decrypt(encrypt(m)) = %q", plain)
		}
		// Layout ciphertext‖tag‖iv under the key at address 32.
		block, _ := aes.NewCipher([]byte("0123456789abcdef0123456789abcdef"))
		g, _ := cipher.NewGCM(block)
		if got, err := g.Open(nil, ct[len(ct)-12:], ct[:len(ct)-12], nil); err != nil || !bytes.Equal(got, msg) {
			t.Fatalf("ciphertext is not ct‖tag‖iv: %v", err)
		}
		res, err = call(e, m, st, "x", ct, gas)
		if err != nil || !bytes.Equal(res.Output, msg) {
			t.Fatalf("decrypt: %q %v", res.Output, err)
		}
		bad := slices.Clone(ct)
		bad[0] ^= 1
		_, err = call(e, m, st, "x", bad, gas)
		wantCode(t, err, api.CodeHostCall)
		_, err = call(e, m, st, "x", []byte("short"), gas)
		wantCode(t, err, api.CodeHostCall)

		res, err = call(e, m, st, "k", []byte{7}, gas)
		if err != nil || !bytes.Equal(res.Output, bytes.Repeat([]byte{7}, 1000)) {
			t.Fatalf("bulk memory: %v", err)
		}
		res, err = call(e, m, st, "z", le32(15), gas)
		if err != nil || binary.LittleEndian.Uint32(res.Output) != 610 {
			t.Fatalf("fib: %x %v", res.Output, err)
		}
		res, err = call(e, m, st, "q", le32(15), gas)
		if err != nil || binary.LittleEndian.Uint32(res.Output) != 610 {
			t.Fatalf("fib through table: %x %v", res.Output, err)
		}
	})
}

func TestGasCharges(t *testing.T) {
	code := wat(t, "host")
	forEachEngine(t, func(t *testing.T, e *Engine) {
		m := compile(t, e, code)
		st := memState{}
		base, err := call(e, m, st, "a", le32(0), 1_000_000)
		if err != nil {
			t.Fatal(err)
		}
		withGas, err := call(e, m, st, "a", le32(1234), 1_000_000)
		if err != nil || withGas.GasUsed != base.GasUsed+1234 {
			t.Fatalf("gas(1234): used %d, base %d, err %v", withGas.GasUsed, base.GasUsed, err)
		}
		// write_state: the arguments are fetched (1 gas per CopyBytes),
		// then written (WriteCopyPerByte) and the state grows (WritePerByte
		// per byte of key and value); shrinking refunds.
		sc := e.cfg.Schedule
		small, _ := call(e, m, memState{}, "w", []byte("12"), 1_000_000)
		big, _ := call(e, m, memState{}, "w", []byte("1234567890"), 1_000_000)
		ceil := func(n uint64) uint64 { return (n + sc.CopyBytes - 1) / sc.CopyBytes }
		if want := ceil(10) - ceil(2) + 8*sc.WriteCopyPerByte + 8*sc.WritePerByte; big.GasUsed-small.GasUsed != want {
			t.Fatalf("write of 10 bytes costs %d more than of 2, want %d", big.GasUsed-small.GasUsed, want)
		}
		st = memState{"k": []byte("1234567890")}
		shrink, _ := call(e, m, st, "w", []byte("12"), 1_000_000)
		// A fresh write pays for the new key and its 2 bytes; shrinking a
		// value is refunded the 8 bytes freed.
		if want := 3*sc.WritePerByte + 8*sc.WritePerByte; small.GasUsed-shrink.GasUsed != want {
			t.Fatalf("shrinking write: used %d, fresh write %d, want %d less", shrink.GasUsed, small.GasUsed, want)
		}

		_, err = call(e, m, st, "echo", nil, 9_999)
		wantCode(t, err, api.CodeOutOfGas)

		// The exact instruction cost of a fixed loop is part of the
		// protocol: pin it.
		res, err := call(e, m, st, "h", nil, 1_000_000)
		if err != nil {
			t.Fatal(err)
		}
		// 10,000 base + 2 pages reset (512 each) + 1000 iterations of the
		// loop body + the dispatch + four host calls (fetch_function_name,
		// fetch_args_length, fetch_args, ret of 4 bytes: 600 each, the
		// copies and 32 for the output). Changing the rewriter's or the host's
		// charges changes consensus: update this number only on purpose
		// (and bump meter.Version when the rewriting changed).
		if res.GasUsed != 47551 {
			t.Fatalf("fixed loop used %d gas, want 47551", res.GasUsed)
		}
	})
}

func TestLimits(t *testing.T) {
	code := wat(t, "host")
	forEachEngine(t, func(t *testing.T, e *Engine) {
		m := compile(t, e, code)
		st := memState{}
		for _, tc := range []struct {
			fn   string
			args []byte
			gas  uint64
			code api.Code
		}{
			{"loop", nil, 5_000_000, api.CodeOutOfGas},
			{"z", le32(40), 5_000_000, api.CodeOutOfGas}, // exponential recursion, no loops
			{"memory", nil, 1 << 40, api.CodeResourceLimit},
			{"memory", nil, 200_000, api.CodeOutOfGas},
			{"stack", nil, 1 << 40, api.CodeResourceLimit},
			{"unreachable", nil, 1_000_000, api.CodeTrap},
			{"out_of_range", nil, 1_000_000, api.CodeHostCall},
			{"?", nil, 1_000_000, api.CodeTrap},
			{"", nil, 1_000_000, api.CodeUnknownFunction},
		} {
			res, err := call(e, m, st, tc.fn, tc.args, tc.gas)
			wantCode(t, err, tc.code)
			if res == nil {
				t.Fatalf("%s: nil result", tc.fn)
			}
			if tc.code == api.CodeOutOfGas && res.GasUsed != tc.gas {
				t.Fatalf("%s: out of gas used %d, want the limit %d", tc.fn, res.GasUsed, tc.gas)
			}
			t.Logf("%s: %v", tc.fn, err)
		}
	})
}

func TestCancel(t *testing.T) {
	code := wat(t, "host")
	forEachEngine(t, func(t *testing.T, e *Engine) {
		m := compile(t, e, code)
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel()
		_, err := e.Run(ctx, m, Request{Kind: Compute, Function: "loop", State: memState{}, GasLimit: 1 << 62})
		wantCode(t, err, api.CodeTimeout)
	})
}

func TestNaNCanonical(t *testing.T) {
	code := wat(t, "host")
	forEachEngine(t, func(t *testing.T, e *Engine) {
		m := compile(t, e, code)
		res, err := call(e, m, memState{}, "f", nil, 1_000_000)
		if err != nil {
			t.Fatal(err)
		}
		f64 := binary.LittleEndian.Uint64(res.Output[0:])
		f32 := binary.LittleEndian.Uint32(res.Output[8:])
		sum := binary.LittleEndian.Uint64(res.Output[12:])
		if f64 != 0x7ff8000000000000 || f32 != 0x7fc00000 {
			t.Fatalf("NaNs not canonical: f64 %#x f32 %#x", f64, f32)
		}
		if sum != 0x400e000000000000 { // 3.75
			t.Fatalf("1.5+2.25 = %#x", sum)
		}
	})
}

func TestImportedMemoryAndMultiValue(t *testing.T) {
	forEachEngine(t, func(t *testing.T, e *Engine) {
		m := compile(t, e, wat(t, "imported_memory"))
		res, err := call(e, m, memState{}, "x", nil, 100_000)
		if err != nil || string(res.Output) != "hello" {
			t.Fatalf("%q %v", res.Output, err)
		}
		m = compile(t, e, wat(t, "multi_value"))
		res, err = call(e, m, memState{}, "x", nil, 100_000)
		if err != nil || binary.LittleEndian.Uint32(res.Output) != 3 {
			t.Fatalf("%x %v", res.Output, err)
		}
	})
}

func TestBadModules(t *testing.T) {
	wat(t, "host")
	e := newTestEngine(t, TestConfig())
	cases := map[string][]byte{
		"not_wasm":  []byte("definitely not wasm"),
		"empty":     nil,
		"truncated": wat(t, "host")[:100],
	}
	for name := range badWAT {
		if b, ok := watOut["bad_"+name]; ok {
			cases[name] = b
		}
	}
	for _, name := range slices.Sorted(maps.Keys(cases)) {
		_, err := e.Compile(context.Background(), cases[name])
		if err == nil {
			t.Errorf("%s: compiled", name)
			continue
		}
		c := api.CodeOf(err)
		if c != api.CodeInvalidModule && c != api.CodeResourceLimit {
			t.Errorf("%s: code %d: %v", name, c, err)
		}
		t.Logf("%s: %v", name, err)
	}
}

// transcript runs a fixed sequence of tasks and records everything they
// produce, for comparing engines.
func transcript(t *testing.T, e *Engine, code []byte) string {
	m := compile(t, e, code)
	st := memState{}
	var out bytes.Buffer
	steps := []struct {
		fn   string
		args []byte
		gas  uint64
	}{
		{"write", []byte(`{"x":[1,2,3]}`), 1e6}, {"get", nil, 1e6}, {"h", nil, 1e6}, {"rand", nil, 1e6},
		{"crypt", []byte("secret"), 1e6}, {"f", nil, 1e6}, {"z", le32(18), 1e7}, {"q", le32(12), 1e6},
		{"k", []byte{3}, 1e6}, {"loop", nil, 123_456}, {"stack", nil, 1e9}, {"memory", nil, 1e9},
		{"delete", nil, 1e6}, {"unreachable", nil, 1e6},
	}
	for _, s := range steps {
		res, err := call(e, m, st, s.fn, s.args, s.gas)
		fmt.Fprintf(&out, "%s: out=%s gas=%d code=%d bridge=%v log=%q\n", s.fn, hex.EncodeToString(res.Output), res.GasUsed, api.CodeOf(err), res.Bridge, res.Log)
		for _, k := range slices.Sorted(maps.Keys(st)) {
			fmt.Fprintf(&out, "  %s=%s\n", k, st[k])
		}
	}
	return out.String()
}

func TestDeterministicAcrossEngines(t *testing.T) {
	code := wat(t, "host")
	var got []string
	for _, eng := range engines {
		cfg := TestConfig()
		cfg.Interpreter = eng.interpreter
		got = append(got, transcript(t, newTestEngine(t, cfg), code))
	}
	if got[0] != got[1] {
		t.Fatalf("compiler and interpreter differ:\n%s\n---\n%s", got[0], got[1])
	}
	t.Log(got[0])
}

func TestConcurrentRuns(t *testing.T) {
	code := wat(t, "host")
	e := newTestEngine(t, TestConfig())
	m := compile(t, e, code)
	want, err := call(e, m, memState{}, "z", le32(16), 1e7)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Compile concurrently too: all callers must share one module.
			m2, err := e.Compile(context.Background(), code)
			if err != nil {
				errs <- err
				return
			}
			res, err := call(e, m2, memState{}, "z", le32(16), 1e7)
			if err != nil || !bytes.Equal(res.Output, want.Output) || res.GasUsed != want.GasUsed {
				errs <- fmt.Errorf("concurrent run differs: %v", err)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
}

func TestConfigValidate(t *testing.T) {
	if err := DefaultConfig().Validate(); err != nil {
		t.Fatal(err)
	}
	c := DefaultConfig()
	c.MaxCallDepth = 0
	c.MaxMemoryPages = 0
	if err := c.Validate(); err == nil {
		t.Fatal("bad config accepted")
	}
	if _, err := NewEngine(context.Background(), c); err == nil {
		t.Fatal("NewEngine accepted a bad config")
	}
}

func TestRequestErrors(t *testing.T) {
	code := wat(t, "host")
	e := newTestEngine(t, TestConfig())
	m := compile(t, e, code)
	_, err := e.Run(context.Background(), m, Request{Kind: Compute, Function: "echo"})
	wantCode(t, err, api.CodeInvalidInput)
	_, err = e.Run(context.Background(), m, Request{Kind: 9, Function: "echo", State: memState{}})
	wantCode(t, err, api.CodeInvalidInput)
	_, err = e.Run(context.Background(), nil, Request{Kind: Compute, Function: "echo", State: memState{}})
	wantCode(t, err, api.CodeInvalidInput)
	if !errors.Is(err, api.Sentinel(api.CodeInvalidInput)) {
		t.Fatal("errors.Is does not match the code")
	}
}

func TestNoLeakBetweenTasks(t *testing.T) {
	code := wat(t, "host")
	forEachEngine(t, func(t *testing.T, e *Engine) {
		m := compile(t, e, code)
		for i := 0; i < 5; i++ {
			res, err := call(e, m, memState{}, "i", nil, 1e6)
			if err != nil || !bytes.Equal(res.Output, []byte{1, 0, 0, 0, 1, 0, 0, 0}) {
				t.Fatalf("task %d saw state of an earlier task: %x %v", i, res.Output, err)
			}
			// Failed tasks must not leak either.
			call(e, m, memState{}, "unreachable", nil, 1e6)
			call(e, m, memState{}, "loop", nil, 50_000)
		}
	})
}

func TestDiskCache(t *testing.T) {
	code := wat(t, "host")
	cfg := TestConfig()
	cfg.CacheDir = t.TempDir()
	e1 := newTestEngine(t, cfg)
	want, err := call(e1, compile(t, e1, code), memState{}, "h", nil, 1e6)
	if err != nil {
		t.Fatal(err)
	}
	e1.Close(context.Background())
	e2 := newTestEngine(t, cfg)
	got, err := call(e2, compile(t, e2, code), memState{}, "h", nil, 1e6)
	if err != nil || !bytes.Equal(got.Output, want.Output) || got.GasUsed != want.GasUsed {
		t.Fatalf("after restart: %x %d %v, want %x %d", got.Output, got.GasUsed, err, want.Output, want.GasUsed)
	}
}

func TestEviction(t *testing.T) {
	cfg := TestConfig()
	cfg.MaxModules = 2
	e := newTestEngine(t, cfg)
	a := compile(t, e, wat(t, "host"))
	compile(t, e, wat(t, "imported_memory"))
	compile(t, e, wat(t, "host")) // a is used again: multi_value evicts imported_memory
	compile(t, e, wat(t, "multi_value"))
	if _, err := call(e, a, memState{}, "echo", []byte("x"), 1e6); err != nil {
		t.Fatalf("recently used module was evicted: %v", err)
	}
	compile(t, e, wat(t, "imported_memory"))
	compile(t, e, smallwasm.Contract())
	_, err := call(e, a, memState{}, "echo", []byte("x"), 1e6)
	wantCode(t, err, api.CodeUnavailable)
	b := compile(t, e, wat(t, "host"))
	if _, err := call(e, b, memState{}, "echo", []byte("x"), 1e6); err != nil {
		t.Fatal(err)
	}
}
