package vm

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/vm/kernels"
)

var (
	goBuildMu  sync.Mutex
	goBuilt    = map[string][]byte{}
	goBuildDir string
)

// goContract builds the Go contract in pkg (relative to this package) for
// GOOS=wasip1 as a reactor, once per test binary.
func goContract(t testing.TB, pkg string) []byte {
	t.Helper()
	goBuildMu.Lock()
	defer goBuildMu.Unlock()
	if b, ok := goBuilt[pkg]; ok {
		return b
	}
	if goBuildDir == "" {
		d, err := os.MkdirTemp("", "vm-gocontracts-")
		if err != nil {
			t.Fatal(err)
		}
		goBuildDir = d
	}
	out := filepath.Join(goBuildDir, strings.ReplaceAll(pkg, "/", "_")+".wasm")
	if err := kernels.BuildContract(context.Background(), pkg, out); err != nil {
		t.Fatalf("build Go contract %s: %v", pkg, err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	goBuilt[pkg] = b
	return b
}

func TestGoContract(t *testing.T) {
	code := goContract(t, "./testdata/gocontract")
	forEachEngine(t, func(t *testing.T, e *Engine) {
		m := compile(t, e, code)
		if !m.IsReactor() {
			t.Fatal("Go contract not detected as a reactor")
		}
		st := memState{}
		if _, err := e.Run(context.Background(), m, Request{Kind: Deploy, Function: "construct()", State: st, GasLimit: 1e9}); err != nil {
			t.Fatal(err)
		}
		if string(st["owner"]) != `"go"` {
			t.Fatalf("deploy state %q", st)
		}
		const gas = 1e9
		for _, tc := range []struct{ fn, args, want string }{
			{"echo(bytes)", "abc", "abc"},
			{"counter()", "", "1"},
			{"counter()", "", "1"}, // no state leaks between tasks
			{"state", `"v"`, `"v"|null|null|"go"`},
			{"time", "", "1600000000 true"},
			{"goroutines", "", "14"},
			{"exit0", "", "early"},
		} {
			res, err := call(e, m, st, tc.fn, []byte(tc.args), gas)
			if err != nil || string(res.Output) != tc.want {
				t.Fatalf("%s: %q %v, want %q", tc.fn, res.Output, err, tc.want)
			}
		}
		r1, err := call(e, m, st, "rand", nil, gas)
		if err != nil {
			t.Fatal(err)
		}
		r2, _ := call(e, m, st, "rand", nil, gas)
		if !bytes.Equal(r1.Output, r2.Output) || r1.GasUsed != r2.GasUsed {
			t.Fatal("rand or crypto/rand not deterministic")
		}
		m1, _ := call(e, m, st, "maps", nil, gas)
		m2, _ := call(e, m, st, "maps", nil, gas)
		if !bytes.Equal(m1.Output, m2.Output) {
			t.Fatal("map iteration differs between tasks")
		}
		res, err := call(e, m, st, "print", nil, gas)
		if err != nil || strings.Join(res.Log, "|") != "hello from go|stdout line|no newline" {
			t.Fatalf("print: %q %v", res.Log, err)
		}
		res, err = call(e, m, st, "float", nil, gas)
		if err != nil || binary.LittleEndian.Uint64(res.Output) != 0x7ff8000000000000 {
			t.Fatalf("float: %x %v", res.Output, err)
		}
		res, err = call(e, m, st, "bridge", []byte{1, 2, 3}, gas)
		if err != nil || res.Bridge == nil || !bytes.Equal(res.Bridge.Payload, []byte{1, 2, 3}) {
			t.Fatalf("bridge: %v %v", res.Bridge, err)
		}
		for _, tc := range []struct {
			fn   string
			gas  uint64
			code api.Code
		}{
			{"panic", gas, api.CodeTrap},
			{"missing", gas, api.CodeUnknownFunction},
			{"fail", gas, api.CodeTrap},
			{"nope", gas, api.CodeTrap},
			{"loop", 5_000_000, api.CodeOutOfGas},
			{"alloc", 1 << 40, api.CodeResourceLimit},
			{"deep", 1 << 40, api.CodeResourceLimit},
		} {
			res, err := call(e, m, st, tc.fn, nil, tc.gas)
			wantCode(t, err, tc.code)
			t.Logf("%s: %v (gas %d)", tc.fn, err, res.GasUsed)
		}
		// After failures the next task still starts clean.
		res, err = call(e, m, st, "counter()", nil, gas)
		if err != nil || string(res.Output) != "1" {
			t.Fatalf("counter after failures: %q %v", res.Output, err)
		}
	})
}

func TestGoContractDeterministic(t *testing.T) {
	code := goContract(t, "./testdata/gocontract")
	var got [2]string
	for i, eng := range engines {
		cfg := TestConfig()
		cfg.Interpreter = eng.interpreter
		e := newTestEngine(t, cfg)
		m := compile(t, e, code)
		var b strings.Builder
		for _, fn := range []string{"rand", "maps", "time", "counter", "state", "float", "loop"} {
			res, err := call(e, m, memState{}, fn, []byte(`"x"`), 5_000_000)
			fmt.Fprintf(&b, "%s: %q gas=%d code=%d\n", fn, res.Output, res.GasUsed, api.CodeOf(err))
		}
		got[i] = b.String()
	}
	if got[0] != got[1] {
		t.Fatalf("engines differ:\n%s\n---\n%s", got[0], got[1])
	}
}

func TestKernelsContract(t *testing.T) {
	code := goContract(t, "./kernels/wasm")
	e := newTestEngine(t, TestConfig())
	m := compile(t, e, code)
	for _, k := range []struct {
		name string
		arg  uint64
	}{{"mix", 1000}, {"fib", 15}, {"sha256", 1000}, {"noop", 0}} {
		want, _ := kernels.Run(k.name, k.arg)
		res, err := call(e, m, memState{}, k.name, binary.LittleEndian.AppendUint64(nil, k.arg), 1e10)
		if err != nil || !bytes.Equal(res.Output, want) {
			t.Fatalf("%s: %x %v, want %x", k.name, res.Output, err, want)
		}
	}
}

// Every node must start a Go contract's tasks from the same snapshot, or
// their results would differ: two engines (compiler and interpreter) must
// take byte-identical snapshots.
func TestSnapshotIdenticalAcrossEngines(t *testing.T) {
	code := goContract(t, "./testdata/gocontract")
	var snaps []*snapshot
	for _, eng := range engines {
		cfg := TestConfig()
		cfg.Interpreter = eng.interpreter
		e := newTestEngine(t, cfg)
		m := compile(t, e, code)
		s, err := e.snapshot(context.Background(), m, int64(e.cfg.InitGasLimit))
		if err != nil {
			t.Fatal(err)
		}
		snaps = append(snaps, s)
	}
	a, b := snaps[0], snaps[1]
	if a.pages != b.pages || len(a.full) != len(b.full) || fmt.Sprint(a.globals) != fmt.Sprint(b.globals) {
		t.Fatalf("snapshots differ: %d/%d pages, %d/%d runs, globals %v / %v", a.pages, b.pages, len(a.full), len(b.full), a.globals, b.globals)
	}
	for i := range a.full {
		if a.full[i].off != b.full[i].off || !bytes.Equal(a.full[i].data, b.full[i].data) {
			t.Fatalf("snapshot memory differs at page run %d", i)
		}
	}
}
