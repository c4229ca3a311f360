package node

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/enigma-go/enigma/internal/chain/chaintest"
)

func writeConfig(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "node.json")
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadReadsTheDocumentedKeys(t *testing.T) {
	cfg, err := Load(writeConfig(t, `{
		"role": "worker", "data_dir": "w0", "p2p_listen": ["/ip4/0.0.0.0/tcp/4001"],
		"chain_rpc": "http://127.0.0.1:8545", "chain_poll": "250ms",
		"addresses_file": "km/addresses.json", "account": "0x1df62f291b2e969fb0849d99d9ce41e2f137006e",
		"bootstrap": ["/ip4/10.0.0.2/tcp/4001/p2p/12D3KooWGzBZ6nQqv3ZGrFSNaaxh2tMnEzBJgt8UZ7fzxQVpsRAc"],
		"stake_eng": 500, "log_level": "debug"
	}`))
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	if cfg.Role != RoleWorker || time.Duration(cfg.ChainPoll) != 250*time.Millisecond || cfg.StakeENG != 500 || len(cfg.Bootstrap) != 1 || len(cfg.P2PListen) != 1 {
		t.Fatalf("loaded %+v", cfg)
	}
	if time.Duration(cfg.EpochPoll) != time.Second || cfg.MinWorkers != 1 {
		t.Fatalf("unset keys lost their defaults: %+v", cfg)
	}
	// It writes back as it reads.
	b, err := json.Marshal(cfg)
	if err != nil || !strings.Contains(string(b), `"chain_poll":"250ms"`) {
		t.Fatalf("marshal: %s, %v", b, err)
	}
}

func TestLoadRefusesUnknownKeysAndBadDurations(t *testing.T) {
	for name, body := range map[string]string{
		"misspelt key": `{"role": "km", "chian_rpc": "http://127.0.0.1:8545"}`,
		"bad duration": `{"role": "km", "epoch_poll": "fast"}`,
		"not json":     `role = km`,
	} {
		if _, err := Load(writeConfig(t, body)); err == nil {
			t.Errorf("%s: loaded", name)
		}
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing.json")); err == nil {
		t.Error("a missing file loaded")
	}
}

func TestValidateNamesWhatEachRoleNeeds(t *testing.T) {
	boot := []string{"/ip4/10.0.0.2/tcp/4001/p2p/12D3KooWGzBZ6nQqv3ZGrFSNaaxh2tMnEzBJgt8UZ7fzxQVpsRAc"}
	base := DefaultConfig()
	base.Listen = "127.0.0.1:0"
	for name, c := range map[string]struct {
		mutate func(*Config)
		want   string
	}{
		"no role":          {func(c *Config) {}, "role"},
		"km without dir":   {func(c *Config) { c.Role, c.ChainRPC = RoleKM, "http://x" }, "data_dir"},
		"km without chain": {func(c *Config) { c.Role, c.DataDir = RoleKM, "d" }, "chain_rpc"},
		"worker bare": {func(c *Config) { c.Role, c.DataDir, c.ChainRPC, c.Listen = RoleWorker, "d", "http://x", "" },
			"bootstrap"},
		"worker with listen": {func(c *Config) { c.Role, c.DataDir, c.ChainRPC = RoleWorker, "d", "http://x" },
			"p2p_listen"},
		"gateway without bootstrap": {func(c *Config) { c.Role = RoleGateway }, "bootstrap"},
		"gateway without chain":     {func(c *Config) { c.Role, c.Bootstrap = RoleGateway, boot }, "chain_rpc"},
		"gateway without contract": {func(c *Config) { c.Role, c.Bootstrap, c.ChainRPC = RoleGateway, boot, "http://x" },
			"addresses_file"},
		"bad bootstrap":  {func(c *Config) { c.Role, c.Bootstrap = RoleGateway, []string{"/ip4/10.0.0.2/tcp/4001"} }, "/p2p/"},
		"bad p2p listen": {func(c *Config) { c.Role, c.Bootstrap, c.P2PListen = RoleGateway, boot, []string{"10.0.0.2:4001"} }, "multiaddr"},
		"bad listen":     {func(c *Config) { c.Role, c.Bootstrap, c.Listen = RoleGateway, boot, "3346" }, "host:port"},
		"bad account": {func(c *Config) {
			c.Role, c.DataDir, c.ChainRPC, c.Account = RoleKM, "d", "http://x", "nobody"
		}, "account"},
		"bad level": {func(c *Config) { c.Role, c.Bootstrap, c.LogLevel = RoleGateway, boot, "loud" }, "log_level"},
		"role and account": {func(c *Config) {
			one := 1
			c.Role, c.DataDir, c.ChainRPC, c.Account, c.RoleAccount = RoleKM, "d", "http://x", "0x1df62f291b2e969fb0849d99d9ce41e2f137006e", &one
		}, "role_account"},
		"negative role": {func(c *Config) {
			minus := -1
			c.Role, c.DataDir, c.ChainRPC, c.RoleAccount = RoleKM, "d", "http://x", &minus
		}, "role_account"},
	} {
		cfg := base
		c.mutate(&cfg)
		err := cfg.Validate()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want an error about %s", name, err, c.want)
		}
	}
	ok := base
	ok.Role, ok.Bootstrap, ok.ChainRPC, ok.Contract = RoleGateway, boot, "http://x", "0x00000000000000000000000000000000000000e1"
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
}

// A gateway starts with its workers down, answers getInfo, and says a
// worker it cannot reach is unavailable. It reads the chain (to check its
// workers and their results), but not at start.
func TestGatewayStartsBeforeItsWorkers(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Role, cfg.Listen, cfg.LogLevel = RoleGateway, "127.0.0.1:0", "error"
	cfg.P2PListen, cfg.Bootstrap = loopback, []string{"/ip4/127.0.0.1/tcp/1/p2p/12D3KooWGzBZ6nQqv3ZGrFSNaaxh2tMnEzBJgt8UZ7fzxQVpsRAc"}
	cfg.ChainRPC, cfg.Contract, cfg.Token = chaintest.DevChain(t, nil).URL, "0x00000000000000000000000000000000000000e1", "0x00000000000000000000000000000000000000e2"
	n, err := Start(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	body := `{"jsonrpc":"2.0","id":1,"method":"getWorkerEncryptionKey","params":{"workerAddress":"0x1df62f291b2e969fb0849d99d9ce41e2f137006e","userPubKey":"` + strings.Repeat("ab", 64) + `"}}`
	resp, err := http.Post(n.Info().URL, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var reply struct {
		Error struct {
			Message string
			Data    struct{ Code int }
		}
	}
	if err := json.NewDecoder(resp.Body).Decode(&reply); err != nil {
		t.Fatal(err)
	}
	if reply.Error.Data.Code != 1103 || !strings.Contains(reply.Error.Message, "not running or not reachable") {
		t.Fatalf("reply %+v, want code 1103 (unavailable)", reply.Error)
	}
	if err := n.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := Start(context.Background(), Config{Role: "miner"}); err == nil {
		t.Fatal("an unknown role started")
	}
}

// role_account names a key of the public dev mnemonic: a node refuses it
// on a chain that is not a development chain.
func TestRoleAccountOnlyOnDevChains(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	node := chaintest.Anvil(t, chaintest.AnvilOptions{ChainID: 5})
	km := DefaultConfig()
	one := 0
	km.Role, km.DataDir, km.P2PListen, km.ChainRPC, km.LogLevel = RoleKM, t.TempDir(), loopback, node.URL, "warn"
	km.RoleAccount, km.InsecureSimulatedEnclave = &one, true
	n, err := Start(ctx, km)
	if err == nil {
		n.Close()
		t.Fatal("a key manager on role account 0 started on chain 5")
	}
	if !strings.Contains(err.Error(), "role_account is for development chains") {
		t.Fatalf("the refusal does not say why: %v", err)
	}
}

func TestWorkerBoundsMustNotBeNegative(t *testing.T) {
	c := Config{Role: RoleWorker, Listen: "127.0.0.1:0", DataDir: t.TempDir(), ChainRPC: "http://127.0.0.1:8545", MaxResults: -1}
	if err := c.Validate(); err == nil || !strings.Contains(err.Error(), "max_results") {
		t.Fatalf("Validate = %v, want an error naming max_results", err)
	}
	c.MaxResults, c.BatchAge = 0, Duration(-time.Second)
	if err := c.Validate(); err == nil || !strings.Contains(err.Error(), "batch_age") {
		t.Fatalf("Validate = %v, want an error naming batch_age", err)
	}
}

func TestLoadReadsTheBatchKeys(t *testing.T) {
	cfg, err := Load(writeConfig(t, `{"role": "worker", "data_dir": "w0", "chain_rpc": "http://127.0.0.1:8545",
		"batch_size": 512, "batch_age": "2s", "max_batched_pending": 1000}`))
	if err != nil {
		t.Fatal(err)
	}
	l := cfg.limits()
	if l.BatchSize != 512 || l.BatchAge != 2*time.Second || l.MaxBatchedPending != 1000 {
		t.Fatalf("worker limits %+v", l)
	}
}
