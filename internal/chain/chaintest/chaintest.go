// Package chaintest starts Ethereum nodes for tests: the embedded dev chain
// and anvil (the Foundry dev node installed from npm into tools/anvil by
// `make deps`). Both derive their dev accounts from the same mnemonic, so
// one test suite runs unchanged against either.
//
// It is imported by tests only. It may import internal/chain/devchain and
// go-ethereum, never the client package (internal/chain), so the client's
// own tests can use it.
package chaintest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/enigma-go/enigma/internal/chain/devchain"
)

// Node is a running Ethereum node under test.
type Node struct {
	Kind     string // "devchain" or "anvil"
	URL      string // HTTP JSON-RPC
	WSURL    string // WebSocket JSON-RPC
	ChainID  uint64
	Accounts []devchain.DevAccount // unlocked and funded on the node

	// Dev is the dev chain (nil for anvil), for tests that drive blocks.
	Dev *devchain.Chain
}

// DevChain starts an in-memory dev chain on free ports with 100 ms blocks;
// mutate, if not nil, adjusts the configuration first. It is closed when
// the test ends.
func DevChain(t testing.TB, mutate func(*devchain.Config)) *Node {
	t.Helper()
	cfg := devchain.TestConfig()
	if mutate != nil {
		mutate(&cfg)
	}
	c, err := devchain.Start(cfg)
	if err != nil {
		t.Fatalf("start the dev chain: %v", err)
	}
	t.Cleanup(func() {
		if err := c.Close(); err != nil {
			t.Errorf("close the dev chain: %v", err)
		}
	})
	return &Node{Kind: "devchain", URL: c.HTTPEndpoint(), WSURL: c.WSEndpoint(), ChainID: c.ChainID(), Accounts: c.Accounts(), Dev: c}
}

// AnvilOptions configures Anvil.
type AnvilOptions struct {
	// BlockTime seals a block at this interval (anvil accepts fractions of
	// a second); 0 keeps anvil's default of mining on each transaction.
	BlockTime time.Duration
	ChainID   uint64 // 0 keeps anvil's default, 31337
}

// Anvil starts anvil on a free loopback port; it is killed when the test
// ends. Without the binary the test is skipped, or fails under CI=true,
// where `make deps` must have installed it.
func Anvil(t testing.TB, opt AnvilOptions) *Node {
	t.Helper()
	bin, err := AnvilPath()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("anvil is required under CI: %v", err)
		}
		t.Skipf("anvil not installed (%v); run `make deps` to test against it", err)
	}
	accs, err := devchain.DeriveAccounts(devchain.DefaultMnemonic, 10)
	if err != nil {
		t.Fatal(err)
	}
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ { // a free port can be taken between probe and bind
		port, err := freePort()
		if err != nil {
			t.Fatal(err)
		}
		n, err := startAnvil(t, bin, port, opt)
		if err == nil {
			n.Accounts = accs
			return n
		}
		lastErr = err
	}
	t.Fatalf("start anvil: %v", lastErr)
	return nil
}

func startAnvil(t testing.TB, bin string, port int, opt AnvilOptions) (*Node, error) {
	args := []string{"--host", "127.0.0.1", "--port", strconv.Itoa(port), "--mnemonic", devchain.DefaultMnemonic, "--silent"}
	if opt.BlockTime > 0 {
		args = append(args, "--block-time", strconv.FormatFloat(opt.BlockTime.Seconds(), 'f', -1, 64))
	}
	chainID := uint64(31337)
	if opt.ChainID != 0 {
		chainID = opt.ChainID
		args = append(args, "--chain-id", strconv.FormatUint(chainID, 10))
	}
	cmd := exec.Command(bin, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	started := time.Now()
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	stop := func() {
		cmd.Process.Kill()
		<-exited
	}
	url := fmt.Sprintf("http://127.0.0.1:%d", port)
	deadline := time.Now().Add(15 * time.Second)
	for {
		if ready(url) {
			break
		}
		select {
		case <-exited:
			return nil, fmt.Errorf("anvil exited: %s", strings.TrimSpace(stderr.String()))
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			stop()
			return nil, errors.New("anvil did not answer eth_chainId within 15s")
		}
	}
	// Another test's anvil may hold the port (taken between the probe and
	// the bind) and answer for this one, which then exits failing to bind:
	// only an anvil still running a while after it started is this one.
	select {
	case <-exited:
		return nil, fmt.Errorf("anvil exited (another process holds port %d?): %s", port, strings.TrimSpace(stderr.String()))
	case <-time.After(max(0, anvilSettle-time.Since(started))):
	}
	t.Cleanup(stop)
	return &Node{Kind: "anvil", URL: url, WSURL: fmt.Sprintf("ws://127.0.0.1:%d", port), ChainID: chainID}, nil
}

// anvilSettle is how long after its start an anvil that answers must
// still run to be taken as the one started: one that cannot bind its port
// exits well within it.
const anvilSettle = 500 * time.Millisecond

func ready(url string) bool {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, url,
		strings.NewReader(`{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}`))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	var out struct{ Result string }
	return json.NewDecoder(resp.Body).Decode(&out) == nil && out.Result != ""
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// AnvilPath finds the anvil binary: $ENIGMA_ANVIL if set, else
// tools/anvil/node_modules/.bin/anvil in this repository.
func AnvilPath() (string, error) {
	if p := os.Getenv("ENIGMA_ANVIL"); p != "" {
		return p, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			p := filepath.Join(dir, "tools", "anvil", "node_modules", ".bin", "anvil")
			if _, err := os.Stat(p); err != nil {
				return "", fmt.Errorf("no anvil at %s", p)
			}
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("not inside the repository (no go.mod found)")
		}
		dir = parent
	}
}

// Pause stops the dev chain's own sealing (Mine still seals); anvil
// started without a block time seals only on transactions and Mine anyway.
func (n *Node) Pause() {
	if n.Dev != nil {
		n.Dev.Pause()
	}
}

// Mine seals one block.
func (n *Node) Mine(t testing.TB) {
	t.Helper()
	if n.Dev != nil {
		n.Dev.Mine()
		return
	}
	n.call(t, "evm_mine")
}

// Rewind drops the newest depth blocks: a reorg as watchers see it. The
// dev chain puts their transactions back in the pool (the next Mine seals
// them again); anvil (anvil_rollback) drops them.
func (n *Node) Rewind(t testing.TB, depth uint64) {
	t.Helper()
	if n.Dev != nil {
		if err := n.Dev.Rewind(depth); err != nil {
			t.Fatal(err)
		}
		return
	}
	n.call(t, "anvil_rollback", depth)
}

func (n *Node) call(t testing.TB, method string, params ...any) {
	t.Helper()
	if params == nil {
		params = []any{}
	}
	body, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": 1, "method": method, "params": params})
	resp, err := http.Post(n.URL, "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatalf("%s: %v", method, err)
	}
	defer resp.Body.Close()
	var out struct {
		Error *struct{ Message string }
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || out.Error != nil {
		t.Fatalf("%s: %v %+v", method, err, out.Error)
	}
}
