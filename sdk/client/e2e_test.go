package client_test

import (
	"context"
	"errors"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/devnet"
	"github.com/enigma-go/enigma/sdk/client"
	"github.com/enigma-go/enigma/sdk/contract"
	"github.com/enigma-go/enigma/sdk/contract/build"
)

// One devnet and one build of each example serve every test of the
// package: starting a network and compiling a Go contract take seconds.
var (
	netOnce sync.Once
	net     *devnet.Devnet
	netErr  error

	buildMu sync.Mutex
	built   = map[string][]byte{}
	tmpDir  string
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "enigma-client-test-")
	if err != nil {
		panic(err)
	}
	tmpDir = dir
	code := m.Run()
	if net != nil {
		net.Close()
	}
	os.RemoveAll(dir)
	os.Exit(code)
}

func testNet(t testing.TB) *devnet.Devnet {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a devnet; skipped with -short")
	}
	netOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		cfg := devnet.TestConfig()
		if os.Getenv("ENIGMA_TEST_LOG") != "" {
			cfg.Logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
		}
		net, netErr = devnet.Start(ctx, cfg)
	})
	if netErr != nil {
		t.Fatalf("start the devnet: %v", netErr)
	}
	return net
}

// example builds examples/<name> once.
func example(t testing.TB, name string) []byte {
	t.Helper()
	if raceEnabled {
		t.Skip("deploys a Go contract: too slow under -race (the plain run covers it)")
	}
	buildMu.Lock()
	defer buildMu.Unlock()
	if code, ok := built[name]; ok {
		return code
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	res, err := build.Contract(ctx, build.Options{Dir: filepath.Join("..", "..", "examples", name), Out: filepath.Join(tmpDir, name+".wasm")})
	if err != nil {
		t.Fatalf("build examples/%s: %v", name, err)
	}
	code, err := os.ReadFile(res.Path)
	if err != nil {
		t.Fatal(err)
	}
	built[name] = code
	return code
}

// newClient is a client of the test devnet sending from dev account i
// (any: the network sends from role accounts of its own).
func newClient(t testing.TB, d *devnet.Devnet, i int, env client.Envelope, gateway string) *client.Client {
	t.Helper()
	cfg := client.TestConfig()
	a := d.Addresses()
	cfg.ChainRPC, cfg.Gateway, cfg.Enigma, cfg.Token = d.ChainURL(), d.GatewayURL(), a.Contract.Hex(), a.Token.Hex()
	if gateway != "" {
		cfg.Gateway = gateway
	}
	cfg.Account, cfg.Envelope = d.Accounts()[i].Hex(), env
	// These tests are the per-task path's (records, receipts, getTaskResult);
	// the batched path's build keyClient, and the CLI's test sends batched
	// tasks from an account the node holds.
	cfg.PerTask = true
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := client.New(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

// skipWithoutExecution skips when the devnet refuses tasks: its workers
// do not execute yet.
func skipWithoutExecution(t *testing.T, err error) {
	t.Helper()
	if err != nil && (strings.Contains(err.Error(), "not available on this devnet") || errors.Is(err, client.ErrNotSupported)) {
		t.Skipf("the devnet does not execute tasks: %v", err)
	}
}

func run(t *testing.T, ctx context.Context, task *client.Task, err error) *client.Task {
	t.Helper()
	skipWithoutExecution(t, err)
	if err != nil {
		t.Fatal(err)
	}
	var seen []string
	st, err := task.Wait(ctx, func(s client.Status) { seen = append(seen, s.String()) })
	if err != nil {
		t.Fatalf("wait for task %s: %v (seen %q)", task.ID, err, seen)
	}
	if !st.Done() || len(seen) == 0 {
		t.Fatalf("Wait returned %v, progress saw %q", st, seen)
	}
	return task
}

func uint256(t *testing.T, out []byte) *big.Int {
	t.Helper()
	var v *big.Int
	if err := contract.DecodeArgs("(uint256)", out, &v); err != nil {
		t.Fatalf("decode %x: %v", out, err)
	}
	return v
}

func TestCalculatorAndMillionaires(t *testing.T) {
	d := testNet(t)
	calc, mill := example(t, "calculator"), example(t, "millionaire")
	for i, env := range []client.Envelope{client.EnvelopeV2, client.EnvelopeCompat} {
		t.Run(string(env), func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
			defer cancel()
			c := newClient(t, d, 5+i, env, "")
			dep, err := c.Deploy(ctx, calc, "construct()")
			run(t, ctx, dep, err)
			if _, err := dep.Output(ctx); err != nil {
				t.Fatalf("deploy output: %v", err)
			}
			checkDeployed(t, ctx, d, dep.Contract, calc)

			for _, tc := range []struct {
				fn   string
				want int64
			}{{"sub(uint256,uint256)", 59}, {"mul(uint256,uint256)", 1292}} {
				task, err := c.Compute(ctx, dep.Contract, tc.fn, big.NewInt(76), big.NewInt(17))
				run(t, ctx, task, err)
				r, err := task.Result(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if got := uint256(t, r.Output); got.Int64() != tc.want || r.Status != api.ChainReceiptVerified {
					t.Fatalf("%s = %v (%s), want %d", tc.fn, got, r.Status, tc.want)
				}
				checkOutputHash(t, ctx, d, task.ID, r.EncryptedOutput)
			}

			task, err := c.Compute(ctx, dep.Contract, "div(uint256,uint256)", big.NewInt(1), big.NewInt(0))
			run(t, ctx, task, err)
			_, err = task.Output(ctx)
			var te *client.TaskError
			if !errors.As(err, &te) || te.Status != api.ChainReceiptFailed || !strings.Contains(te.Message, "division by zero") {
				t.Fatalf("div by zero: %v", err)
			}

			bad, err := c.Deploy(ctx, calc, "initialise()")
			run(t, ctx, bad, err)
			if _, err := bad.Output(ctx); !errors.As(err, &te) || te.Status != api.ChainReceiptFailed || te.Message == "" {
				t.Fatalf("deploy with an unknown constructor: %v", err)
			}

			m, err := c.Deploy(ctx, mill, "construct()")
			run(t, ctx, m, err)
			alice, bob := common.HexToAddress("0xa11ce"), common.HexToAddress("0xb0b")
			for _, p := range []struct {
				who   common.Address
				worth int64
			}{{alice, 1_000_000}, {bob, 2_000_000}} {
				task, err := c.Compute(ctx, m.Contract, "add_millionaire(address,uint256)", contract.Address(p.who), big.NewInt(p.worth))
				run(t, ctx, task, err)
				if _, err := task.Output(ctx); err != nil {
					t.Fatal(err)
				}
			}
			task, err = c.Compute(ctx, m.Contract, "compute_richest()")
			run(t, ctx, task, err)
			out, err := task.Output(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var richest contract.Bytes32
			if err := contract.DecodeArgs("(bytes32)", out, &richest); err != nil {
				t.Fatal(err)
			}
			if common.BytesToAddress(richest[12:]) != bob {
				t.Fatalf("richest = %x, want bob", richest)
			}
		})
	}
}

func enigmaOf(t *testing.T, ctx context.Context, d *devnet.Devnet) *chain.Enigma {
	t.Helper()
	cc := chain.TestConfig()
	cc.RPCURL = d.ChainURL()
	ch, err := chain.Dial(ctx, cc)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(ch.Close)
	a := d.Addresses()
	return ch.Bind(chain.Addresses{Enigma: a.Contract, Token: a.Token})
}

func checkDeployed(t *testing.T, ctx context.Context, d *devnet.Devnet, sc api.ContractAddress, code []byte) {
	t.Helper()
	got, err := enigmaOf(t, ctx, d).SecretContract(ctx, sc)
	if err != nil {
		t.Fatal(err)
	}
	if got.PreCodeHash != compat.Keccak256(code) || got.CodeHash == ([32]byte{}) {
		t.Fatalf("secret contract %s on chain: %+v", sc, got)
	}
}

func checkOutputHash(t *testing.T, ctx context.Context, d *devnet.Devnet, id api.TaskID, enc []byte) {
	t.Helper()
	rec, err := enigmaOf(t, ctx, d).TaskRecord(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Status != uint8(api.ChainReceiptVerified) || rec.OutputHash != compat.OutputHash(enc) {
		t.Fatalf("task %s on chain: status %d, output hash %x, want %x", id, rec.Status, rec.OutputHash, compat.OutputHash(enc))
	}
}

func TestEpoch(t *testing.T) {
	d := testNet(t)
	c := newClient(t, d, 7, "", "")
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	e, err := c.Epoch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if e.Number == 0 || e.FirstBlock == 0 || e.Size != 10 || len(e.Workers) != devnet.TestConfig().Workers || e.TaskTimeout == 0 {
		t.Fatalf("epoch %+v", e)
	}
	for _, w := range e.Workers {
		if w.Stake.Sign() <= 0 || w.Status != "logged in" || w.Custodian == (common.Address{}) {
			t.Fatalf("worker %+v", w)
		}
	}
	if c.Address() != d.Accounts()[7] || c.Config().Envelope != client.EnvelopeV2 {
		t.Fatalf("client defaults: %s %q", c.Address(), c.Config().Envelope)
	}
	// Without an account the client takes the first dev account after
	// the deployer that no worker of the epoch stakes from: on the devnet,
	// whose custodians are role accounts, dev account 1.
	cfg := c.Config()
	cfg.Account = ""
	free, err := client.New(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer free.Close()
	if want := d.Accounts()[1]; free.Address() != want {
		t.Fatalf("default account %s, want %s", free.Address(), want)
	}
}
