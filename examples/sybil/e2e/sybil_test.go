package e2e_test

import (
	"context"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/devnet"
	"github.com/enigma-go/enigma/sdk/client"
	"github.com/enigma-go/enigma/sdk/contract"
	"github.com/enigma-go/enigma/sdk/contract/build"
)

// account is one registered address of the contract.
type account struct {
	addr   contract.Address
	secret contract.Bytes32
	id     contract.Bytes32 // digest of the id document shown to vouchers
}

func newAccount(n byte) account {
	return account{
		addr:   contract.Address{0: 0x5b, 19: n},
		secret: contract.Keccak256([]byte("sybil e2e secret"), []byte{n}),
		id:     contract.Keccak256([]byte("gov-id"), []byte{0}, []byte{'E', n}), // sybil.AttributeDigest
	}
}

func buildSybil(t *testing.T, ctx context.Context) []byte {
	t.Helper()
	res, err := build.Contract(ctx, build.Options{Dir: "..", Out: filepath.Join(t.TempDir(), "sybil.wasm")})
	if err != nil {
		t.Fatalf("build examples/sybil: %v", err)
	}
	code, err := os.ReadFile(res.Path)
	if err != nil {
		t.Fatal(err)
	}
	return code
}

// newClient is a client of d sending as dev account i: with its private
// key, compute tasks take the batched path; perTask keeps them on the
// per-task path (a task record and a receipt on chain each), the one
// enigma-js takes.
func newClient(t *testing.T, ctx context.Context, d *devnet.Devnet, i int, perTask bool) *client.Client {
	t.Helper()
	cfg := client.TestConfig()
	a := d.Addresses()
	cfg.ChainRPC, cfg.Gateway, cfg.Enigma, cfg.Token = d.ChainURL(), d.GatewayURL(), a.Contract.Hex(), a.Token.Hex()
	cfg.Account, cfg.PerTask = d.Accounts()[i].Hex(), perTask
	if !perTask {
		cfg.Account = hex.EncodeToString(crypto.FromECDSA(d.DevChain().Accounts()[i].Key))
	}
	c, err := client.New(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

func TestSybilOnDevnet(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a devnet; skipped with -short")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	code := buildSybil(t, ctx)
	// One epoch for the whole test (1,000 blocks of 200 ms): the contract
	// keeps one worker, so tasks sent back to back are not sealed for an
	// epoch that ends under them, and queries reach the worker that ran
	// the last task (a worker selected anew answers from the state it
	// holds, which may predate the last epoch's tasks).
	cfg := devnet.TestConfig()
	cfg.EpochSize = 1000
	d, err := devnet.Start(ctx, cfg)
	if err != nil {
		t.Fatalf("start the devnet: %v", err)
	}
	defer d.Close()
	start := time.Now()
	app := newClient(t, ctx, d, 3, false)

	seeds := []account{newAccount(100), newAccount(101)}
	alice := newAccount(1)
	var hashes []contract.Bytes32
	for _, s := range seeds {
		hashes = append(hashes, contract.Keccak256(s.secret[:]))
	}
	dep, err := app.Deploy(ctx, code, "construct(bytes32[],uint256,uint256)", hashes, 2, 3)
	if err == nil {
		_, err = dep.Wait(ctx, nil)
	}
	if err != nil {
		t.Fatalf("deploy: %v", err)
	}
	sc := dep.Contract
	t.Logf("deployed in %v", time.Since(start).Round(time.Millisecond))
	start = time.Now()

	// The tasks go out one after the other without waiting: the worker
	// runs a contract's tasks in the order it stored them, and Compute
	// returns once it has. Each output is then proved against the chain
	// and decrypted.
	type step struct {
		task  *client.Task
		check func(out []byte, err error)
	}
	var steps []step
	send := func(check func([]byte, error), fn string, args ...any) {
		t.Helper()
		task, err := app.Compute(ctx, sc, fn, args...)
		if err != nil {
			t.Fatalf("send %s: %v", fn, err)
		}
		steps = append(steps, step{task, check})
	}
	ok := func(out []byte, err error) {
		t.Helper()
		if err != nil || len(out) != 0 {
			t.Fatalf("got %x, %v; want no output", out, err)
		}
	}
	isHuman := func(want bool) func([]byte, error) {
		return func(out []byte, err error) {
			t.Helper()
			var b bool
			if err != nil || len(out) != 32 || contract.DecodeArgs("(bool)", out, &b) != nil || b != want {
				t.Fatalf("isUniqueHuman returned %x, %v; want one bool, %v", out, err, want)
			}
		}
	}

	for _, a := range append(seeds, alice) {
		send(ok, "register(address,bytes32,bytes32[])", a.addr, a.secret, []contract.Bytes32{a.id})
	}
	send(ok, "vouch(address,bytes32,address,bytes32)", seeds[0].addr, seeds[0].secret, alice.addr, alice.id)
	// An unverified account's vouch fails the task; the reason reaches the
	// sender only, sealed like an output.
	send(func(_ []byte, err error) {
		var te *client.TaskError
		if !errors.As(err, &te) || !strings.Contains(te.Message, "only a verified human") {
			t.Fatalf("an unverified voucher: %v", err)
		}
	}, "vouch(address,bytes32,address,bytes32)", alice.addr, alice.secret, seeds[1].addr, seeds[1].id)
	send(isHuman(false), "isUniqueHuman(address)", alice.addr) // one vouch of two
	send(ok, "vouch(address,bytes32,address,bytes32)", seeds[1].addr, seeds[1].secret, alice.addr, alice.id)
	send(isHuman(true), "isUniqueHuman(address)", alice.addr)
	for i, st := range steps {
		if _, err := st.task.Wait(ctx, nil); err != nil {
			t.Fatalf("wait for task %d: %v", i, err)
		}
		st.check(st.task.Output(ctx))
	}
	t.Logf("3 registrations, 3 vouches and 2 reads on the batched path in %v", time.Since(start).Round(time.Millisecond))
	start = time.Now()
	// An enigma-js-style client reads it through a task of its own.
	reader := newClient(t, ctx, d, 5, true)
	task, err := reader.Compute(ctx, sc, "isUniqueHuman(address)", alice.addr)
	if err == nil {
		_, err = task.Wait(ctx, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	isHuman(true)(task.Output(ctx))
	t.Logf("a read on the per-task path in %v", time.Since(start).Round(time.Millisecond))

	// A secret query: no transaction, no fee, the answer sealed to the
	// account that signed it (the app's key, or the node holding the
	// reader's account).
	start = time.Now()
	for _, c := range []*client.Client{app, reader} {
		for _, tc := range []struct {
			who  account
			want bool
		}{{alice, true}, {seeds[0], true}, {newAccount(77), false}} {
			q, err := c.Query(ctx, sc, "isUniqueHuman(address)", tc.who.addr)
			if err != nil {
				t.Fatalf("query isUniqueHuman: %v", err)
			}
			isHuman(tc.want)(q.Output, nil)
		}
	}
	t.Logf("6 queries in %v", time.Since(start).Round(time.Millisecond))
	// Only query functions answer queries: vouch is refused before it runs.
	_, err = app.Query(ctx, sc, "vouch(address,bytes32,address,bytes32)", seeds[0].addr, seeds[0].secret, alice.addr, alice.id)
	if api.CodeOf(err) != api.CodeUnknownFunction {
		t.Fatalf("vouch as a query: %v", err)
	}
}
