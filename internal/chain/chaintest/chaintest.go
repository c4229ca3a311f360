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
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
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
	n, err := startAnvil(t, bin, opt)
	if err != nil {
		t.Fatalf("start anvil: %v", err)
	}
	n.Accounts = accs
	return n
}

// startAnvil lets anvil pick its own port (--port 0) and reads it from the
// line anvil prints once it listens: a port probed free here and handed
// to anvil could be taken in between by another test's anvil, which would
// then answer for this one and share its accounts' nonces.
func startAnvil(t testing.TB, bin string, opt AnvilOptions) (*Node, error) {
	args := []string{"--host", "127.0.0.1", "--port", "0", "--mnemonic", devchain.DefaultMnemonic}
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
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	addr := make(chan string, 1)
	go func() { // the listening line, then the rest of its output to nowhere
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if a, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "Listening on "); ok {
				addr <- a
				break
			}
		}
		io.Copy(io.Discard, stdout)
	}()
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	stop := func() {
		cmd.Process.Kill()
		<-exited
	}
	var hostport string
	select {
	case hostport = <-addr:
	case <-exited:
		return nil, fmt.Errorf("anvil exited before listening: %s", strings.TrimSpace(stderr.String()))
	case <-time.After(30 * time.Second):
		stop()
		return nil, errors.New("anvil printed no \"Listening on\" line within 30s")
	}
	url := "http://" + hostport
	deadline := time.Now().Add(15 * time.Second)
	for !ready(url) {
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
	t.Cleanup(stop)
	return &Node{Kind: "anvil", URL: url, WSURL: "ws://" + hostport, ChainID: chainID}, nil
}

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

// SetAutomine turns anvil's mining of each transaction as it arrives on
// or off (anvil only).
func (n *Node) SetAutomine(t testing.TB, on bool) {
	t.Helper()
	n.call(t, "evm_setAutomine", on)
}

// Drop removes a pending transaction from anvil's pool, as a node under
// pressure or a restarted one does (anvil only).
func (n *Node) Drop(t testing.TB, hash string) {
	t.Helper()
	n.call(t, "anvil_dropTransaction", hash)
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
