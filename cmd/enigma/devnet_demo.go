package main

import (
	"context"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/chain/bindings"
	"github.com/enigma-go/enigma/internal/devnet"
	"github.com/enigma-go/enigma/sdk/client"
	"github.com/enigma-go/enigma/sdk/contract"
	"github.com/enigma-go/enigma/sdk/contract/build"
)

// devnetDemo runs the millionaires' problem end to end on a running devnet:
// it builds examples/millionaire, deploys it, has two users send their net
// worth encrypted (alice with envelope v2, bob with enigma-js 0.3.0's
// compat envelope) and asks who is richer. Every task goes through the
// chain: record, worker, receipt. It prints each task's transactions.
func devnetDemo(ctx context.Context, d *devnet.Devnet, out io.Writer) error {
	start := time.Now()
	step := func(format string, a ...any) {
		fmt.Fprintf(out, "  %6.2fs  %s\n", time.Since(start).Seconds(), fmt.Sprintf(format, a...))
	}
	fmt.Fprintln(out, "demo: the millionaires' problem through the chain")
	dir, err := os.MkdirTemp("", "enigma-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	res, err := build.Contract(ctx, build.Options{Dir: "examples/millionaire", Out: filepath.Join(dir, "millionaire.wasm"), Stderr: os.Stderr})
	if err != nil {
		return fmt.Errorf("demo: build examples/millionaire (run the demo from the repository's root): %w", err)
	}
	code, err := os.ReadFile(res.Path)
	if err != nil {
		return err
	}
	step("built examples/millionaire for GOOS=wasip1: %d bytes, code hash %s", res.Size, res.CodeHash)

	// Any dev account is a client's: the network sends from role accounts
	// of its own, so alice takes accounts[0] as web3 users do.
	accounts := d.Accounts()
	if len(accounts) < 2 {
		return fmt.Errorf("demo: the chain has %d dev accounts; the demo needs two", len(accounts))
	}
	a := d.Addresses()
	newClient := func(acc common.Address, env client.Envelope) (*client.Client, error) {
		cfg := client.DefaultConfig()
		cfg.ChainRPC, cfg.Gateway, cfg.Enigma, cfg.Token = d.ChainURL(), d.GatewayURL(), a.Contract.Hex(), a.Token.Hex()
		cfg.Account, cfg.Envelope = acc.Hex(), env
		return client.New(ctx, cfg)
	}
	alice, err := newClient(accounts[0], client.EnvelopeV2)
	if err != nil {
		return err
	}
	defer alice.Close()
	bob, err := newClient(accounts[1], client.EnvelopeCompat)
	if err != nil {
		return err
	}
	defer bob.Close()

	cc := chain.DefaultConfig()
	cc.RPCURL = d.ChainURL()
	ch, err := chain.Dial(ctx, cc)
	if err != nil {
		return err
	}
	defer ch.Close()
	enigma := ch.Bind(chain.Addresses{Enigma: a.Contract, Token: a.Token})

	run := func(what string, t *client.Task, err error) error {
		if err != nil {
			return fmt.Errorf("demo: %s: %w", what, err)
		}
		if t.Batched {
			// No per-task transaction: the worker committed the task in a
			// batch; Result proves its inclusion against the batch's root
			// on chain before it decrypts.
			r, err := t.Result(ctx)
			if err != nil {
				return fmt.Errorf("demo: %s: %w", what, err)
			}
			step("%s: batched task %s, worker %s\n             in batch %d of the contract, committed in block %d; inclusion proved against the root on chain",
				what, short(t.ID), t.Worker.Hex()[:10], r.BatchIndex, r.BatchBlock)
			return nil
		}
		if _, err := t.Wait(ctx, nil); err != nil {
			return fmt.Errorf("demo: %s: %w", what, err)
		}
		rec, receipt := taskTxs(ctx, enigma, t.ID, t.Block)
		step("%s: task %s, worker %s\n             record tx %s (block %d)\n             receipt tx %s", what, short(t.ID), t.Worker.Hex()[:10], rec, t.Block, receipt)
		return nil
	}

	deploy, err := alice.Deploy(ctx, code, "construct()")
	if err := run("alice deployed the contract", deploy, err); err != nil {
		return err
	}
	sc := deploy.Contract
	for _, m := range []struct {
		who   string
		c     *client.Client
		worth int64
	}{{"alice (envelope v2)", alice, 1_000_000}, {"bob (compat envelope)", bob, 2_000_000}} {
		t, err := m.c.Compute(ctx, sc, "add_millionaire(address,uint256)", m.c.Address(), big.NewInt(m.worth))
		if err := run(m.who+" sent an encrypted net worth", t, err); err != nil {
			return err
		}
	}
	t, err := alice.Compute(ctx, sc, "compute_richest()")
	if err := run("alice asked who is richest", t, err); err != nil {
		return err
	}
	outBytes, err := t.Output(ctx)
	if err != nil {
		return fmt.Errorf("demo: read the result: %w", err)
	}
	var richest contract.Bytes32
	if err := contract.DecodeArgs("(bytes32)", outBytes, &richest); err != nil {
		return fmt.Errorf("demo: decode the result: %w", err)
	}
	winner := common.BytesToAddress(richest[12:])
	name := "nobody"
	switch winner {
	case alice.Address():
		name = "alice"
	case bob.Address():
		name = "bob"
	}
	proof := "the output matches the hash in the signed receipt on chain"
	if t.Batched {
		proof = "the output matches its leaf in the batch whose root is on chain"
	}
	step("decrypted result: the richest is %s (%s); %s", winner.Hex(), name, proof)
	fmt.Fprintf(out, "demo done in %.1fs; neither net worth left an enclave in plaintext\n", time.Since(start).Seconds())
	return nil
}

// taskTxs finds the transactions of a task: the one that created its
// record and the one that committed its receipt.
func taskTxs(ctx context.Context, e *chain.Enigma, id api.TaskID, from uint64) (record, receipt string) {
	record, receipt = "?", "?"
	logs, err := e.Client().Eth().FilterLogs(ctx, ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(from), Addresses: []common.Address{e.Addresses().Enigma},
	})
	if err != nil {
		return
	}
	for i := range logs {
		_, ev, err := e.DecodeEvent(&logs[i])
		if err != nil {
			continue
		}
		switch ev := ev.(type) {
		case *bindings.EnigmaTaskRecordCreated:
			if ev.TaskId == id {
				record = logs[i].TxHash.Hex()
			}
		case *bindings.EnigmaReceiptVerified:
			if ev.TaskId == id {
				receipt = logs[i].TxHash.Hex()
			}
		case *bindings.EnigmaSecretContractDeployed:
			if ev.ScAddr == id {
				receipt = logs[i].TxHash.Hex()
			}
		case *bindings.EnigmaReceiptFailed:
			if ev.TaskId == id {
				receipt = logs[i].TxHash.Hex() + " (failure receipt)"
			}
		}
	}
	return
}

func short(id api.TaskID) string { return id.Hex()[:12] + "…" }
