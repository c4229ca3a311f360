package devnet

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"flag"
	"github.com/enigma-go/enigma/internal/workerapi"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain/chaintest"
	"github.com/enigma-go/enigma/internal/chain/devchain"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/worker"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// -devnet.defaults runs the tests at DefaultConfig's block period, epoch
// size, task timeout and worker count (1 s blocks, 10-block epochs), as
// `enigma devnet` runs, instead of the settings each test picks to be quick
// (go test ./internal/devnet -args -devnet.defaults).
var atDefaults = flag.Bool("devnet.defaults", false, "run the devnet tests at DefaultConfig's timing (1 s blocks, 10-block epochs)")

// asked is cfg at DefaultConfig's timing under -devnet.defaults.
func asked(cfg Config) Config {
	if *atDefaults {
		d := DefaultConfig()
		cfg.BlockPeriod, cfg.EpochSize, cfg.TimeoutEpochs, cfg.Workers = d.BlockPeriod, d.EpochSize, d.TimeoutEpochs, d.Workers
	}
	return cfg
}

func TestStartWritesAddressesAndServesGateway(t *testing.T) {
	cfg := TestConfig()
	cfg.DataDir = t.TempDir()
	var steps []string
	cfg.Progress = func(s string) { steps = append(steps, s) }
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	start := time.Now()
	d, err := Start(ctx, asked(cfg))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	t.Logf("cold start %v, steps %q", time.Since(start), steps)
	if len(steps) < 5 || !strings.HasPrefix(steps[0], "chain up") || !strings.HasPrefix(steps[len(steps)-1], "gateway serving") {
		t.Errorf("progress steps %q", steps)
	}
	for _, name := range []string{"Enigma.json", "EnigmaToken.json"} {
		b, err := os.ReadFile(filepath.Join(cfg.DataDir, name))
		if err != nil {
			t.Fatal(err)
		}
		var art struct {
			ABI []map[string]any `json:"abi"`
		}
		if err := json.Unmarshal(b, &art); err != nil || len(art.ABI) == 0 {
			t.Errorf("%s: no ABI (%v)", name, err)
		}
	}
	b, err := os.ReadFile(filepath.Join(cfg.DataDir, "addresses.json"))
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"contract", "token", "eth_node", "proxy"} {
		if got[k] == nil || got[k] == "" {
			t.Errorf("addresses.json lacks %q: %s", k, b)
		}
	}
	if len(d.Accounts()) == 0 {
		t.Error("no dev accounts")
	}
	st, err := d.enigma.EpochState(ctx)
	if err != nil || st.Count.Sign() == 0 {
		t.Errorf("no epoch set: %v %v", st, err)
	}
	active, err := d.enigma.ActiveWorkers(ctx, st.FirstBlock.Uint64())
	if err != nil || len(active.Arg0) != len(d.Workers()) {
		t.Errorf("active workers %v (%v), want %d", active.Arg0, err, len(d.Workers()))
	}
	resp, err := http.Post(d.GatewayURL(), "application/json", bytes.NewReader([]byte(`{"jsonrpc":"2.0","id":1,"method":"getInfo","params":[]}`)))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("getInfo: HTTP %d", resp.StatusCode)
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestValidate(t *testing.T) {
	c := DefaultConfig()
	c.Workers = 0
	if c.Validate() == nil {
		t.Error("Workers=0 accepted")
	}
	if err := DefaultConfig().Validate(); err != nil {
		t.Error(err)
	}
}

func TestRestartResumesContracts(t *testing.T) {
	cfg := TestConfig()
	cfg.DataDir = t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	d, err := Start(ctx, asked(cfg))
	if err != nil {
		t.Fatal(err)
	}
	first := d.Addresses()
	bal, err := d.enigma.TokenBalance(ctx, d.Accounts()[1])
	if err != nil {
		t.Fatal(err)
	}
	if bal.Sign() == 0 {
		t.Error("dev account 1 holds no ENG")
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	d, err = Start(ctx, asked(cfg))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if got := d.Addresses(); got.Contract != first.Contract || got.Token != first.Token {
		t.Errorf("restart deployed afresh: %v, first run %v", got, first)
	}
}

func TestEpochsAdvance(t *testing.T) {
	cfg := TestConfig()
	cfg.EpochSize, cfg.BlockPeriod = 3, 100*time.Millisecond
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	d, err := Start(ctx, asked(cfg))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	for {
		st, err := d.enigma.EpochState(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Count.Int64() >= 3 {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("only %v epochs set", st.Count)
		case <-time.After(100 * time.Millisecond):
		}
	}
}

func TestWorkerEncryptionKey(t *testing.T) {
	cfg := TestConfig()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	d, err := Start(ctx, asked(cfg))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	b := worker.NewRouter(d.nodes, d.enigma, workerapi.Info{}, nil)
	k, err := compat.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	var user [64]byte
	copy(user[:], crypto.FromECDSAPub(&k.PublicKey)[1:])
	wk, err := b.WorkerEncryptionKey(ctx, d.workers[0].signer, user)
	if err != nil {
		t.Fatal(err)
	}
	if len(wk.Signature) != 65 {
		t.Errorf("signature of %d bytes", len(wk.Signature))
	}
	if _, err := b.WorkerEncryptionKey(ctx, api.EthAddress{1}, user); err == nil {
		t.Error("an unknown worker answered")
	}
}

func TestExternalChain(t *testing.T) {
	dc := devchain.TestConfig()
	node, err := devchain.Start(dc)
	if err != nil {
		t.Fatal(err)
	}
	defer node.Close()
	cfg := TestConfig()
	cfg.ChainRPC = node.HTTPEndpoint()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	d, err := Start(ctx, asked(cfg))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if d.ChainURL() != node.HTTPEndpoint() {
		t.Errorf("chain URL %s, want %s", d.ChainURL(), node.HTTPEndpoint())
	}
	st, err := d.enigma.EpochState(ctx)
	if err != nil {
		t.Fatal(err)
	}
	active, err := d.enigma.ActiveWorkers(ctx, st.FirstBlock.Uint64())
	if err != nil || len(active.Arg0) != len(d.Workers()) {
		t.Errorf("active workers %v (%v), want %d", active.Arg0, err, len(d.Workers()))
	}
}

// The devnet's enclaves are simulated: on an external chain that is not a
// development chain it refuses to start unless told it knows.
func TestSimulatedEnclavesRefusedOffDevChains(t *testing.T) {
	node := chaintest.Anvil(t, chaintest.AnvilOptions{ChainID: 5})
	cfg := TestConfig()
	cfg.DataDir, cfg.ChainRPC = t.TempDir(), node.URL
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	d, err := Start(ctx, asked(cfg))
	if err == nil {
		d.Close()
		t.Fatal("a devnet of simulated enclaves started on chain 5")
	}
	if !strings.Contains(err.Error(), "insecure") {
		t.Fatalf("the refusal does not say how to override it: %v", err)
	}
}
