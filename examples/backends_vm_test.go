package examples_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/enigma-go/enigma/internal/vm"
	"github.com/enigma-go/enigma/sdk/contract"
)

// TestInterpreterMatchesCompiler runs the same tasks of a contract on
// wazero's interpreter and compiler: outputs, callbacks and gas must be
// identical, or re-executing a task elsewhere would not verify.
func TestInterpreterMatchesCompiler(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("the interpreter initialises a Go runtime slowly")
	}
	code := wasmOf(t, "voting")
	cfg := vm.TestConfig()
	cfg.Interpreter = true
	ctx := context.Background()
	interp, err := vm.NewEngine(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer interp.Close(ctx)
	tasks := []struct {
		kind vm.Kind
		sig  string
		args []any
	}{
		{vm.Deploy, "construct(address)", []any{contract.Address{19: 1}}},
		{vm.Compute, "cast_vote(uint256,bytes32,uint256)", []any{1, contract.Bytes32{31: 1}, 1}},
		{vm.Compute, "cast_vote(uint256,bytes32,uint256)", []any{1, contract.Bytes32{31: 1}, 0}}, // fails: voted twice
		{vm.Compute, "tally_poll(uint256)", []any{1}},
	}
	var results [2][]*vm.Result
	var states [2]memState
	for i, e := range []*vm.Engine{vmEngine(t), interp} {
		mod, err := e.Compile(ctx, code)
		if err != nil {
			t.Fatal(err)
		}
		state := memState{}
		for n, task := range tasks {
			args, _ := contract.EncodeArgs(task.sig, task.args...)
			res, err := e.Run(ctx, mod, vm.Request{Kind: task.kind, Function: task.sig, Args: args, State: state,
				GasLimit: 50_000_000, Seed: [32]byte{byte(n)}})
			if (err != nil) != (n == 2) {
				t.Fatalf("engine %d task %d: %v", i, n, err)
			}
			results[i] = append(results[i], res)
		}
		states[i] = state
	}
	for n := range tasks {
		c, in := results[0][n], results[1][n]
		if c.GasUsed != in.GasUsed || !bytes.Equal(c.Output, in.Output) || (c.Bridge == nil) != (in.Bridge == nil) ||
			(c.Bridge != nil && !bytes.Equal(c.Bridge.Payload, in.Bridge.Payload)) {
			t.Errorf("task %d differs: compiler %+v, interpreter %+v", n, c, in)
		}
	}
	if len(states[0]) != len(states[1]) || string(states[0]["polls"]) != string(states[1]["polls"]) {
		t.Errorf("states differ: %q vs %q", states[0], states[1])
	}
}
