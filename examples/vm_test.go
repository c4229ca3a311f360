package examples_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/vm"
	"github.com/enigma-go/enigma/sdk/contract"
	"github.com/enigma-go/enigma/sdk/contract/build"
)

// Building a contract takes seconds, so each is built at most once per test
// binary, into one temporary folder, and only when a test needs it.
var (
	buildDir   string
	buildsMu   sync.Mutex
	builds     = map[string]*builtContract{}
	engineOnce sync.Once
	engine     *vm.Engine
	engineErr  error
)

type builtContract struct {
	once sync.Once
	code []byte
	err  error
}

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "enigma-examples-")
	if err != nil {
		panic(err)
	}
	buildDir = dir
	code := m.Run()
	if engine != nil {
		engine.Close(context.Background())
	}
	os.RemoveAll(dir)
	os.Exit(code)
}

func wasmOf(t *testing.T, name string) []byte {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command on PATH to build the contracts")
	}
	buildsMu.Lock()
	b := builds[name]
	if b == nil {
		b = &builtContract{}
		builds[name] = b
	}
	buildsMu.Unlock()
	b.once.Do(func() {
		var res *build.Result
		res, b.err = build.Contract(context.Background(), build.Options{Dir: name, Out: filepath.Join(buildDir, name+".wasm")})
		if b.err == nil {
			b.code, b.err = os.ReadFile(res.Path)
		}
	})
	if b.err != nil {
		t.Fatalf("building %s: %v", name, b.err)
	}
	return b.code
}

func vmEngine(t *testing.T) *vm.Engine {
	t.Helper()
	engineOnce.Do(func() { engine, engineErr = vm.NewEngine(context.Background(), vm.TestConfig()) })
	if engineErr != nil {
		t.Fatal(engineErr)
	}
	return engine
}

// memState is the contract's state for one test: what the enclave would keep
// encrypted between tasks.
type memState map[string][]byte

func (s memState) Get(k []byte) ([]byte, bool) { v, ok := s[string(k)]; return v, ok }
func (s memState) Set(k, v []byte)             { s[string(k)] = append([]byte(nil), v...) }
func (s memState) Delete(k []byte)             { delete(s, string(k)) }

// instance is one deployed contract: its module, state and task counter.
type instance struct {
	t     *testing.T
	mod   *vm.Module
	state memState
	tasks byte
}

const gasLimit = 1 << 40 // these tests check behaviour; gas has its own test

func deploy(t *testing.T, name, sig string, args ...any) *instance {
	t.Helper()
	e := vmEngine(t)
	mod, err := e.Compile(context.Background(), wasmOf(t, name))
	if err != nil {
		t.Fatalf("compiling %s: %v", name, err)
	}
	in := &instance{t: t, mod: mod, state: memState{}}
	if _, err := in.run(vm.Deploy, sig, args...); err != nil {
		t.Fatalf("deploying %s: %v", name, err)
	}
	return in
}

// run executes one task; a failed task leaves the state as it was, as the
// enclave discards the writes of a failed run.
func (in *instance) run(kind vm.Kind, sig string, args ...any) (*vm.Result, error) {
	in.t.Helper()
	data, err := contract.EncodeArgs(sig, args...)
	if err != nil {
		in.t.Fatal(err)
	}
	in.tasks++
	scratch := memState{}
	for k, v := range in.state {
		scratch[k] = v
	}
	req := vm.Request{Kind: kind, Function: sig, Args: data, State: scratch, GasLimit: gasLimit, Seed: [32]byte{0: in.tasks}}
	res, err := vmEngine(in.t).Run(context.Background(), in.mod, req)
	if err == nil {
		in.state = scratch
	}
	return res, err
}

func (in *instance) call(sig string, args ...any) *vm.Result {
	in.t.Helper()
	res, err := in.run(vm.Compute, sig, args...)
	if err != nil {
		in.t.Fatalf("%s: %v (log %q)", sig, err, res.Log)
	}
	return res
}

// fails runs a task that must fail as a trap, without changing the state.
func (in *instance) fails(sig string, args ...any) error {
	in.t.Helper()
	before := len(in.state)
	_, err := in.run(vm.Compute, sig, args...)
	if err == nil {
		in.t.Fatalf("%s succeeded, want a failure", sig)
	}
	if len(in.state) != before {
		in.t.Fatalf("%s failed but changed the state", sig)
	}
	var ae *api.Error
	if !errors.As(err, &ae) {
		in.t.Fatalf("%s: %T is not an *api.Error", sig, err)
	}
	return err
}

func decode[T any](t *testing.T, types string, out []byte) T {
	t.Helper()
	var v T
	if err := contract.DecodeArgs(types, out, &v); err != nil {
		t.Fatalf("decoding %x as %s: %v", out, types, err)
	}
	return v
}
