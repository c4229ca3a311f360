package node

import (
	"context"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/enigma-go/enigma/internal/chain/chaintest"
	"github.com/enigma-go/enigma/internal/chain/devchain"
)

// A key manager and a worker each serve their metrics on metrics_addr,
// labelled with their role and data dir's name, their p2p host's and chain
// client's among them.
func TestMetricsAddrServesEveryPart(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	node := chaintest.DevChain(t, nil)
	dir := t.TempDir()
	km := DefaultConfig()
	km.Role, km.DataDir, km.P2PListen, km.ChainRPC, km.LogLevel = RoleKM, filepath.Join(dir, "km"), loopback, node.URL, "warn"
	km.ChainPoll, km.EpochPoll, km.MetricsAddr = Duration(25*time.Millisecond), Duration(100*time.Millisecond), "127.0.0.1:0"
	k, err := Start(ctx, km)
	if err != nil {
		t.Fatal(err)
	}
	defer k.Close()
	w := DefaultConfig()
	w.Role, w.DataDir, w.P2PListen, w.LogLevel = RoleWorker, filepath.Join(dir, "w0"), loopback, "warn"
	w.AddressesFile, w.MetricsAddr = filepath.Join(km.DataDir, "addresses.json"), "127.0.0.1:0"
	workerRole := devchain.RoleWorker(0)
	w.RoleAccount, w.ChainPoll = &workerRole, Duration(25*time.Millisecond)
	wn, err := Start(ctx, w)
	if err != nil {
		t.Fatal(err)
	}
	defer wn.Close()

	for _, c := range []struct {
		url  string
		want []string
	}{
		{k.Info().MetricsURL, []string{`enigma_km_state_key_requests_total{node="km",result="served",role="km"}`,
			`enigma_p2p_peers{node="km",role="km"}`, `enigma_chain_head_block{node="km",role="km"}`, "go_goroutines"}},
		{wn.Info().MetricsURL, []string{`enigma_worker_tasks_total{kind="compute",node="w0",outcome="verified",protocol="compat",role="worker"} 0`,
			`enigma_enclave_call_seconds_count{method="Registration",node="w0",role="worker"}`, `enigma_state_disk_bytes{node="w0",role="worker"}`,
			`enigma_p2p_messages_total{direction="sent"`, `enigma_chain_transactions_total{kind="login",node="w0",role="worker"}`}},
	} {
		if c.url == "" {
			t.Fatal("a node with metrics_addr reports no metrics_url")
		}
		resp, err := http.Get(c.url)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		for _, want := range c.want {
			if !strings.Contains(string(b), want) {
				t.Errorf("%s does not serve %s", c.url, want)
			}
		}
	}
}
