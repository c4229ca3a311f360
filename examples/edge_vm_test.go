package examples_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/vm"
	"github.com/enigma-go/enigma/sdk/contract"
)

// TestContractFailuresOnVM checks that every way a Go contract can go wrong
// ends the task with a coded error and the reason, never a hang or a crash
// of the host, and leaves the state untouched.
func TestContractFailuresOnVM(t *testing.T) {
	t.Parallel()
	c := deploy(t, "testdata/edge", "construct()")
	seven, _ := contract.EncodeArgs("(uint256)", 7)
	short, _ := contract.EncodeArgs("(uint256[],string)", []contract.Uint256{}, "x")
	short = short[:100] // the string's bytes are missing
	for _, tc := range []struct {
		sig  string
		data []byte
		code api.Code
		msg  string
	}{
		{"nil_map()", nil, api.CodeTrap, "assignment to entry in nil map"},
		{"index(uint256)", seven, api.CodeTrap, "index out of range"},
		{"write_then_fail()", nil, api.CodeTrap, "refused after writing"},
		{"tamper()", nil, 0, ""}, // the host refuses the ciphertext
		{"unknown()", nil, api.CodeUnknownFunction, "has no function"},
		{"echo(uint256[],string,bytes32[2])", short, api.CodeTrap, "too short"},
	} {
		res, err := vmEngine(t).Run(context.Background(), c.mod, vm.Request{
			Kind: vm.Compute, Function: tc.sig, Args: tc.data, State: memState{}, GasLimit: gasLimit,
		})
		if err == nil {
			t.Errorf("%s succeeded", tc.sig)
			continue
		}
		t.Logf("%s: %v", tc.sig, err)
		if tc.code != 0 && api.CodeOf(err) != tc.code {
			t.Errorf("%s: code %d (%v), want %d", tc.sig, api.CodeOf(err), err, tc.code)
		}
		if !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s: %v, want it to say %q", tc.sig, err, tc.msg)
		}
		if res == nil || res.GasUsed == 0 {
			t.Errorf("%s: no gas accounted on failure: %+v", tc.sig, res)
		}
	}
	if _, err := c.run(vm.Compute, "write_then_fail()"); err == nil || c.state["dirty"] != nil {
		t.Fatalf("failed task kept its write: %v %v", err, c.state)
	}
}

func TestContractLimitsOnVM(t *testing.T) {
	t.Parallel()
	c := deploy(t, "testdata/edge", "construct()")
	run := func(sig string, gas uint64, args ...any) error {
		data, _ := contract.EncodeArgs("("+strings.TrimSuffix(strings.Repeat("uint256,", len(args)), ",")+")", args...)
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		_, err := vmEngine(t).Run(ctx, c.mod, vm.Request{Kind: vm.Compute, Function: sig, Args: data, State: memState{}, GasLimit: gas})
		return err
	}
	if err := run("loop()", 5_000_000); api.CodeOf(err) != api.CodeOutOfGas {
		t.Errorf("endless loop: %v, want out of gas", err)
	}
	err := run("recurse(uint256)", gasLimit, 1<<40)
	t.Logf("unbounded recursion: %v", err)
	if err == nil {
		t.Error("unbounded recursion succeeded")
	}
	err = run("grow(uint256)", gasLimit, 1<<12)
	t.Logf("allocating 4 GiB: %v", err)
	if err == nil {
		t.Error("allocating 4 GiB succeeded")
	}
	if err := run("recurse(uint256)", gasLimit, 1000); err != nil {
		t.Errorf("modest recursion: %v", err)
	}
}

func TestSDKOnVM(t *testing.T) {
	t.Parallel()
	c := deploy(t, "testdata/edge", "construct()")
	a := []contract.Uint256{contract.NewUint256(1), {0, 0, 0, 1 << 63}}
	b := [2]contract.Bytes32{{1}, {31: 2}}
	res := c.call("echo(uint256[],string,bytes32[2])", a, "héllo", b)
	want, _ := contract.EncodeArgs("(uint256[],string,bytes32[2])", a, "héllo", b)
	if string(res.Output) != string(want) {
		t.Fatalf("echo\n got %x\nwant %x", res.Output, want)
	}
	if !decode[bool](t, "(bool)", c.call("state_roundtrip()").Output) {
		t.Fatal("state round trip through the VM's host")
	}
	res = c.call("crypto()")
	var plain string
	var sealed []byte
	if err := contract.DecodeArgs("(string,bytes)", res.Output, &plain, &sealed); err != nil || plain != "secret" || len(sealed) != 6+contract.EncryptionOverhead {
		t.Fatalf("crypto: %q %d %v", plain, len(sealed), err)
	}
	if len(res.Log) != 1 || res.Log[0] != "sealed 34 bytes" {
		t.Fatalf("log %q", res.Log)
	}
}

func TestPokerOnVM(t *testing.T) {
	t.Parallel()
	c := deploy(t, "poker", "construct()")
	tokens := []contract.Bytes32{{1}, {2}}
	players := []contract.Bytes32{contract.Keccak256(tokens[0][:]), contract.Keccak256(tokens[1][:])}
	id := decode[contract.Uint256](t, "(uint256)", c.call("new_game(bytes32[])", players).Output)
	h0 := decode[[2]uint8](t, "(uint8[2])", c.call("my_cards(uint256,bytes32)", id, tokens[0]).Output)
	h1 := decode[[2]uint8](t, "(uint8[2])", c.call("my_cards(uint256,bytes32)", id, tokens[1]).Output)
	if h0 == h1 || h0[0] == h0[1] {
		t.Fatalf("hands %v %v", h0, h1)
	}
	c.call("next_stage(uint256)", id)
	if flop := decode[[]uint8](t, "(uint8[])", c.call("community(uint256)", id).Output); len(flop) != 3 {
		t.Fatalf("flop %v", flop)
	}
	c.fails("my_cards(uint256,bytes32)", id, contract.Bytes32{3})
}

// TestBadInitOnVM checks that a registration mistake stops the contract when
// the VM initialises it, with the SDK's message, before any task runs.
func TestBadInitOnVM(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := vmEngine(t)
	mod, err := e.Compile(ctx, wasmOf(t, "testdata/badinit"))
	if err == nil {
		_, err = e.Run(ctx, mod, vm.Request{Kind: vm.Deploy, Function: "construct()", State: memState{}, GasLimit: gasLimit})
	}
	t.Logf("bad init: %v", err)
	if err == nil || !strings.Contains(err.Error(), "registered twice") {
		t.Fatalf("err = %v, want the duplicate registration reported", err)
	}
}
