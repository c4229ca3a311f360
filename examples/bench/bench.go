// Package bench measures the example contracts on the VM: module size, the
// gas of their deploy and of one representative call, and the wall time of
// that call. `enigma bench contracts` prints it; the figures show what the
// Go SDK costs a contract in gas, which is what its users pay.
//
// It builds the examples with the go command, so it needs the repository's
// source; it is a tool for developers, not part of the node.
package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
	"github.com/decred/dcrd/dcrec/secp256k1/v4/ecdsa"

	"github.com/enigma-go/enigma/internal/vm"
	"github.com/enigma-go/enigma/sdk/contract"
	"github.com/enigma-go/enigma/sdk/contract/build"
)

// Options configures a run.
type Options struct {
	Dir      string    // the examples folder; empty: found from the working directory
	Quick    bool      // few iterations: a smoke run
	Only     []string  // measure only these examples; empty: all
	Progress io.Writer // nil: silent
}

// Row is one measurement.
type Row struct {
	Name  string
	Value float64
	Unit  string
	Note  string
}

// Result holds the table rows and the figures by name for JSON.
type Result struct {
	Rows   []Row
	Fields map[string]any
}

// task is a call with its ABI-encoded arguments.
type task struct {
	sig  string
	args []any
}

// scenario deploys an example, runs setup calls, then measures one call,
// each time from the state the setup left.
type scenario struct {
	name    string
	deploy  task
	setup   []task
	measure task
}

func scenarios() ([]scenario, error) {
	owner := secp256k1.PrivKeyFromBytes([]byte("enigma-bench-erc20-owner-key-000"))
	ownerID := contract.Keccak256(owner.PubKey().SerializeUncompressed()[1:])
	to := contract.Bytes32{31: 1}
	mintSig, err := erc20Signature(owner, to, 1000)
	if err != nil {
		return nil, err
	}
	votingETH := contract.Address{19: 1}
	token := contract.Bytes32{1}
	var millionaires []task
	for i := range 10 {
		millionaires = append(millionaires, task{"add_millionaire(address,uint256)", []any{contract.Address{19: byte(i)}, uint64(i * 1000)}})
	}
	players := []contract.Bytes32{{1}, {2}, {3}, {4}}
	return []scenario{
		{"calculator", task{"construct()", nil}, nil, task{"mul(uint256,uint256)", []any{76, 17}}},
		{"millionaire", task{"construct()", nil}, millionaires, task{"compute_richest()", nil}},
		{"flipcoin", task{"construct()", nil}, nil, task{"flip()", nil}},
		{"voting", task{"construct(address)", []any{votingETH}}, nil, task{"cast_vote(uint256,bytes32,uint256)", []any{0, contract.Bytes32{31: 1}, 1}}},
		{"access", task{"construct(bytes32)", []any{token}}, []task{{"publish(bytes32,string)", []any{token, "ipfs://QmData"}}},
			task{"grant(bytes32,bytes32)", []any{token, contract.Bytes32{31: 2}}}},
		{"poker", task{"construct()", nil}, nil, task{"new_game(bytes32[])", []any{players}}},
		{"creditscore", task{"construct()", nil}, nil,
			task{"submit(bytes32,uint256,uint256,uint256,uint256)", []any{token, 50000, 10000, 1, 4}}},
		{"erc20", task{"construct(bytes32,uint256)", []any{ownerID, 1_000_000}}, nil,
			task{"mint(bytes32,bytes32,uint256,bytes)", []any{ownerID, to, 1000, mintSig}}},
	}, nil
}

// erc20Signature signs [to, amount] as the erc20 example verifies it.
func erc20Signature(key *secp256k1.PrivateKey, to contract.Bytes32, amount uint64) ([]byte, error) {
	var msg []byte
	msg = append(msg, 0, 0, 0, 0, 0, 0, 0, 32)
	msg = append(msg, to[:]...)
	msg = append(msg, 0, 0, 0, 0, 0, 0, 0, 8)
	for i := 7; i >= 0; i-- {
		msg = append(msg, byte(amount>>(8*i)))
	}
	h := contract.Keccak256(msg)
	compact := ecdsa.SignCompact(key, h[:], false) // [27+v] r s
	if len(compact) != 65 {
		return nil, errors.New("bench: unexpected signature size")
	}
	return append(compact[1:], compact[0]), nil
}

type memState map[string][]byte

func (s memState) Get(k []byte) ([]byte, bool) { v, ok := s[string(k)]; return v, ok }
func (s memState) Set(k, v []byte)             { s[string(k)] = append([]byte(nil), v...) }
func (s memState) Delete(k []byte)             { delete(s, string(k)) }

// Run builds every example and measures it.
func Run(ctx context.Context, opt Options) (*Result, error) {
	dir := opt.Dir
	if dir == "" {
		var err error
		if dir, err = findExamples(); err != nil {
			return nil, err
		}
	}
	progress := opt.Progress
	if progress == nil {
		progress = io.Discard
	}
	iters := 20
	if opt.Quick {
		iters = 2
	}
	scs, err := scenarios()
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "enigma-bench-contracts-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	eng, err := vm.NewEngine(ctx, vm.DefaultConfig())
	if err != nil {
		return nil, err
	}
	defer eng.Close(context.WithoutCancel(ctx))

	res := &Result{Fields: map[string]any{}}
	for _, sc := range scs {
		if len(opt.Only) > 0 && !slices.Contains(opt.Only, sc.name) {
			continue
		}
		fmt.Fprintf(progress, "contracts: %s\n", sc.name)
		if err := measure(ctx, eng, sc, filepath.Join(dir, sc.name), tmp, iters, res); err != nil {
			return nil, fmt.Errorf("bench %s: %w", sc.name, err)
		}
	}
	return res, nil
}

func measure(ctx context.Context, eng *vm.Engine, sc scenario, src, tmp string, iters int, res *Result) error {
	b, err := build.Contract(ctx, build.Options{Dir: src, Out: filepath.Join(tmp, sc.name+".wasm")})
	if err != nil {
		return err
	}
	code, err := os.ReadFile(b.Path)
	if err != nil {
		return err
	}
	mod, err := eng.Compile(ctx, code)
	if err != nil {
		return err
	}
	state := memState{}
	run := func(kind vm.Kind, t task, st memState) (*vm.Result, error) {
		args, err := contract.EncodeArgs(t.sig, t.args...)
		if err != nil {
			return nil, err
		}
		r, err := eng.Run(ctx, mod, vm.Request{Kind: kind, Function: t.sig, Args: args, State: st, GasLimit: 1 << 40})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", t.sig, err)
		}
		return r, nil
	}
	dep, err := run(vm.Deploy, sc.deploy, state)
	if err != nil {
		return err
	}
	for _, t := range sc.setup {
		if _, err := run(vm.Compute, t, state); err != nil {
			return err
		}
	}
	var gas uint64
	start := time.Now()
	for range iters {
		r, err := run(vm.Compute, sc.measure, memState(maps.Clone(state)))
		if err != nil {
			return err
		}
		gas = r.GasUsed
	}
	us := float64(time.Since(start).Microseconds()) / float64(iters)
	fn := sc.measure.sig[:strings.IndexByte(sc.measure.sig, '(')]
	res.Rows = append(res.Rows,
		Row{sc.name + " module size", float64(b.Size), "bytes", "built by enigma contract build"},
		Row{sc.name + " deploy", float64(dep.GasUsed), "gas", "code bytes, initial memory, runtime initialisation, constructor"},
		Row{sc.name + " " + fn, float64(gas), "gas", "includes the 10,000 per compute task"},
		Row{sc.name + " " + fn + " time", us, "µs/call", "wazero compiler, module cached"},
	)
	res.Fields[sc.name+"_code_bytes"] = b.Size
	res.Fields[sc.name+"_deploy_gas"] = dep.GasUsed
	res.Fields[sc.name+"_call_gas"] = gas
	res.Fields[sc.name+"_call_us"] = us
	return nil
}

// findExamples walks up from the working directory to the repository root.
func findExamples() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "examples", "calculator", "main.go")); err == nil {
			return filepath.Join(dir, "examples"), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("bench: run from inside the enigma repository: the examples' source is needed")
		}
		dir = parent
	}
}
