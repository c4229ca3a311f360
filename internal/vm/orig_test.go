package vm

import (
	"bytes"
	"context"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
)

// The original Enigma test contracts (calculator, millionaire, flipcoin,
// erc20, voting: compiled Rust from enigma-contract's
// enigma-js/test/integrationTests/secretContracts/) are not ours to ship.
// Put them in a directory and name it in ENIGMA_ORIG_WASM to run them here
// unchanged, on both engines, with the gas limits of the original
// integration tests (enigma-js/test/integrationTests: deploys 1 M, 4 M for
// erc20 and voting; calculator and flipcoin tasks 100,000, millionaire and
// voting 1 M, erc20 20 M): the schedule must keep them working.

func word(v uint64) []byte {
	w := make([]byte, 32)
	binary.BigEndian.PutUint64(w[24:], v)
	return w
}

func bytes32(fill byte) []byte { return bytes.Repeat([]byte{fill}, 32) }

func abi(words ...[]byte) []byte { return bytes.Join(words, nil) }

func origContract(t *testing.T, name string) []byte {
	dir := os.Getenv("ENIGMA_ORIG_WASM")
	if dir == "" {
		t.Skip("set ENIGMA_ORIG_WASM to a directory with the original compiled contracts to run them")
	}
	b, err := os.ReadFile(filepath.Join(dir, name+".wasm"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

type origStep struct {
	fn   string
	args []byte
	want []byte // nil: not checked
}

// origLimits are the original integration tests' gas limits per contract.
var origLimits = map[string]struct{ deploy, compute uint64 }{
	"calculator": {1_000_000, 100_000}, "flipcoin": {1_000_000, 100_000}, "millionaire": {1_000_000, 1_000_000},
	"voting": {4_000_000, 1_000_000}, "erc20": {4_000_000, 20_000_000},
}

func runOrig(t *testing.T, name string, ctor string, ctorArgs []byte, steps []origStep, check func(t *testing.T, res *Result, i int)) {
	code := origContract(t, name)
	limits := origLimits[name]
	forEachEngine(t, func(t *testing.T, e *Engine) {
		m := compile(t, e, code)
		st := sizedState{}
		res, err := e.Run(context.Background(), m, Request{Kind: Deploy, Function: ctor, Args: ctorArgs, State: st, GasLimit: limits.deploy})
		if err != nil {
			t.Fatalf("deploy: %v (log %q)", err, res.Log)
		}
		t.Logf("deploy used %d gas of %d, state keys %d", res.GasUsed, limits.deploy, len(st))
		for i, s := range steps {
			res, err := call(e, m, st, s.fn, s.args, limits.compute)
			if err != nil {
				t.Fatalf("%s: %v (log %q)", s.fn, err, res.Log)
			}
			if s.want != nil && !bytes.Equal(res.Output, s.want) {
				t.Fatalf("%s = %x, want %x", s.fn, res.Output, s.want)
			}
			if check != nil {
				check(t, res, i)
			}
			t.Logf("%s used %d gas of %d", s.fn, res.GasUsed, limits.compute)
		}
	})
}

func TestOriginalCalculator(t *testing.T) {
	runOrig(t, "calculator", "construct()", nil, []origStep{
		{"sub(uint256,uint256)", abi(word(76), word(17)), word(59)},
		{"mul(uint256,uint256)", abi(word(76), word(17)), word(1292)},
		{"add(uint256,uint256)", abi(word(76), word(17)), word(93)},
	}, nil)
}

func TestOriginalMillionaire(t *testing.T) {
	runOrig(t, "millionaire", "construct()", nil, []origStep{
		{"add_millionaire(address,uint256)", abi(bytes32(1), word(1_000_000)), nil},
		{"add_millionaire(address,uint256)", abi(bytes32(2), word(2_000_000)), nil},
		{"compute_richest()", nil, bytes32(2)},
	}, nil)
}

func TestOriginalFlipcoin(t *testing.T) {
	runOrig(t, "flipcoin", "construct()", nil, []origStep{{"flip()", nil, nil}}, func(t *testing.T, res *Result, _ int) {
		if !bytes.Equal(res.Output, word(0)) && !bytes.Equal(res.Output, word(1)) {
			t.Fatalf("flip = %x", res.Output)
		}
	})
}

func TestOriginalERC20(t *testing.T) {
	owner := bytes32(7)
	runOrig(t, "erc20", "construct(bytes32,uint256)", abi(owner, word(1_000_000)), []origStep{
		{"total_supply()", nil, word(1_000_000)},
		{"balance_of(bytes32)", owner, word(1_000_000)},
	}, nil)
}

func TestOriginalVoting(t *testing.T) {
	ethAddr := append(make([]byte, 12), bytes.Repeat([]byte{0xee}, 20)...)
	runOrig(t, "voting", "construct(address)", ethAddr, []origStep{
		{"cast_vote(uint256,bytes32,uint256)", abi(word(1), bytes32(3), word(1)), nil},
		{"tally_poll(uint256)", word(1), nil},
	}, func(t *testing.T, res *Result, i int) {
		if i == 1 && (res.Bridge == nil || !bytes.Equal(res.Bridge.Address[:], ethAddr[12:])) {
			t.Fatalf("tally_poll made no Ethereum callback to the voting contract: %+v", res.Bridge)
		}
	})
}
