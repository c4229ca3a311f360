package attack_test

import (
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/devnet"
	"github.com/enigma-go/enigma/sdk/client"
)

// gasWorkerBalance is the stake balance of host's worker on the Enigma
// contract, which a receipt pays gasUsed × gasPx into.
func gasWorkerBalance(n *network, host *devnet.WorkerHost) *big.Int {
	n.t.Helper()
	w, err := n.e.Worker(n.ctx, host.Custodian.Address)
	if err != nil {
		n.t.Fatal(err)
	}
	return w.Balance
}

// gasFailureText runs a compute task of contract sc that must fail on
// chain, and returns what the worker paid for it and the failure text the
// user reads.
func gasFailureText(t *testing.T, n *network, c *client.Client, sc api.ContractAddress, fn string) (*big.Int, string) {
	t.Helper()
	host, _ := n.selectedHost(sc)
	before := gasWorkerBalance(n, host)
	task, err := c.Compute(n.ctx, sc, fn, client.RawArgs(nil))
	if s := n.run(task, err); s != api.ChainReceiptFailed {
		t.Fatalf("%s ended with status %s, want a failure receipt (%s)", fn, s, api.ChainReceiptFailed)
	}
	paid := new(big.Int).Sub(gasWorkerBalance(n, host), before)
	_, err = task.Output(n.ctx)
	var te *client.TaskError
	if !errors.As(err, &te) {
		t.Fatalf("%s: the failed task's output: %v", fn, err)
	}
	return paid, te.Message
}

// Attack: a user sends a task whose contract loops over a host call that
// is free per call and per byte (rand of 1 MiB, about a millisecond of
// the worker's CPU for a few gas per iteration). A 1,000,000-gas task then
// outlived the worker's task timeout: no receipt, and the user reclaimed
// the fee after the timeout, having had the worker's CPU for nothing. Now
// every host call is charged by its size before it works: the task runs
// out of gas at once and ends on chain as failed, charged its whole limit.
func TestAttackGasFreeHostCalls(t *testing.T) {
	t.Parallel()
	n := start(t, 0)
	const limit = 1_000_000
	c := n.client(0).WithGasLimit(limit)
	sc := n.deploy(n.client(0), "v0")
	paid, msg := gasFailureText(t, n, c, sc, "xRandFlood()")
	if paid.Cmp(big.NewInt(limit)) != 0 { // gasPx is 1
		t.Fatalf("the worker was paid %v grains for the task, want its whole gas limit %d", paid, limit)
	}
	if !strings.Contains(msg, "out of gas") {
		t.Fatalf("the user reads %q, want out of gas", msg)
	}
	// The contract still serves its users.
	task, err := n.client(1).Compute(n.ctx, sc, "get()", client.RawArgs(nil))
	if s := n.run(task, err); s != api.ChainReceiptVerified {
		t.Fatalf("the contract's next task ended with status %s", s)
	}
	if out, err := task.Output(n.ctx); err != nil || string(out) != "v0" {
		t.Fatalf("the contract's state reads %q (%v)", out, err)
	}
}

// Attack: a contract stores a 1 MiB state key (free before: only the value
// was charged), or returns an output larger than the enclave should seal
// and the gateway serve. Keys, values, outputs, log lines and a contract's
// whole state have limits now; a task over one fails on chain with a
// failure receipt that says which, charged the gas it used, and leaves the
// state as it was.
func TestAttackOversizedKeysAndOutputs(t *testing.T) {
	t.Parallel()
	n := start(t, 0)
	const limit = 5_000_000
	c := n.client(0).WithGasLimit(limit)
	sc := n.deploy(n.client(0), "v0")
	for _, a := range []struct{ fn, want string }{
		{"kHugeKey()", "key of 1048576 bytes exceeds the limit"},
		{"oHugeOutput()", "output of 2097152 bytes exceeds the limit"},
	} {
		paid, msg := gasFailureText(t, n, c, sc, a.fn)
		if !strings.Contains(msg, a.want) {
			t.Fatalf("%s: the user reads %q, want %q", a.fn, msg, a.want)
		}
		if paid.Sign() <= 0 || paid.Cmp(big.NewInt(limit)) >= 0 {
			t.Fatalf("%s: the worker was paid %v grains, want the gas used, less than the limit %d", a.fn, paid, limit)
		}
	}
	task, err := n.client(1).Compute(n.ctx, sc, "get()", client.RawArgs(nil))
	if s := n.run(task, err); s != api.ChainReceiptVerified {
		t.Fatalf("the contract's next task ended with status %s", s)
	}
	if out, err := task.Output(n.ctx); err != nil || string(out) != "v0" {
		t.Fatalf("the contract's state reads %q (%v)", out, err)
	}
}
