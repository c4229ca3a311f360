//go:build linux

package multihost

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/enigma-go/enigma/internal/chain/chaintest"
	"github.com/enigma-go/enigma/internal/chain/devchain"
	"github.com/enigma-go/enigma/internal/node"
)

// Ports every host serves on; each host has an address of its own, so
// they are the same everywhere, as on real machines.
const (
	chainPort   = 8545 // Ethereum JSON-RPC
	p2pPort     = 4001 // libp2p (TCP), every node
	gatewayPort = 3346 // the gateway's JSON-RPC, for clients
)

// The network's shape and pace.
const (
	workers  = 3
	gateways = 2
	// epochBlocks at 1 s blocks: long enough for an enigma-js task (web3
	// polls for receipts once a second) and for a worker's restart within
	// one epoch, short enough that a stuck task reaches its refund soon.
	epochBlocks   = 20
	timeoutEpochs = 2
)

// network is the chain, the key manager, the workers and the gateways,
// each on its own host, and the client's host.
type network struct {
	t     testing.TB
	lan   *lan
	procs *procs
	bin   string // the enigma binary
	dir   string // per node: data dir, config; the client's files

	chain, km, client *host
	workers, gateways []*host
	kmProc            *proc
	workerProcs       []*proc
	gatewayProcs      []*proc
	obs               *observer // the test's view of the chain, from the client's host
}

func (n *network) chainURL() string {
	return "http://" + net.JoinHostPort(n.chain.ip, strconv.Itoa(chainPort))
}
func (n *network) gatewayURL(i int) string {
	return "http://" + net.JoinHostPort(n.gateways[i].ip, strconv.Itoa(gatewayPort))
}

// p2pListen is the multiaddr a node on h listens on.
func p2pListen(h *host) string { return fmt.Sprintf("/ip4/%s/tcp/%d", h.ip, p2pPort) }

// addressesFile is where a node finds the key manager's addresses.json:
// the key manager writes it into its data dir, and its operator hands a
// copy to the others (startKM copies it next to their configs).
func (n *network) addressesFile(name string) string {
	return filepath.Join(n.dir, name, "addresses.json")
}

// nodeConfig is the configuration file of one node, as docs/multihost.md
// writes it. It is the one place that says how the nodes find each other:
// each listens for libp2p on its host's address; the key manager names the
// chain and writes addresses.json (the contracts, the chain's URL and its
// own p2p address as the bootstrap peer), from which the others take
// everything else.
func (n *network) nodeConfig(role node.Role, name string, h *host, index int) node.Config {
	cfg := node.DefaultConfig()
	cfg.Role = role
	cfg.P2PListen = []string{p2pListen(h)}
	cfg.ChainPoll = node.Duration(250 * time.Millisecond)
	cfg.LogLevel = "debug"
	switch role {
	case node.RoleKM:
		cfg.DataDir = filepath.Join(n.dir, name, "data")
		cfg.ChainRPC = n.chainURL()
		cfg.EpochSize, cfg.TimeoutEpochs, cfg.MinWorkers = epochBlocks, timeoutEpochs, workers
		cfg.GatewayURL = n.gatewayURL(0)
	case node.RoleWorker:
		cfg.DataDir = filepath.Join(n.dir, name, "data")
		cfg.AddressesFile = n.addressesFile(name)
		account := devchain.RoleWorker(index)
		cfg.RoleAccount = &account
	case node.RoleGateway:
		cfg.AddressesFile = n.addressesFile(name)
		cfg.Listen = net.JoinHostPort(h.ip, strconv.Itoa(gatewayPort))
	}
	return cfg
}

// startNetwork creates the hosts and starts anvil, the key manager, the
// workers and the gateways, each in its own namespace.
func startNetwork(t *testing.T, bin string) *network {
	n := &network{t: t, lan: newLAN(t), procs: newProcs(t), bin: bin, dir: t.TempDir()}
	n.chain = n.lan.addHost("chain")
	n.km = n.lan.addHost("km")
	for i := range workers {
		n.workers = append(n.workers, n.lan.addHost(fmt.Sprintf("worker%d", i+1)))
	}
	for i := range gateways {
		n.gateways = append(n.gateways, n.lan.addHost(fmt.Sprintf("gateway%d", i+1)))
	}
	n.client = n.lan.addHost("client")
	t.Logf("hosts on %s0/24: chain %s, km %s, workers %s, gateways %s, client %s", n.lan.prefix,
		n.chain.ip, n.km.ip, ips(n.workers), ips(n.gateways), n.client.ip)

	start := time.Now()
	n.startAnvil()
	t.Logf("anvil serving at %s after %s", n.chainURL(), since(start))
	n.startKM()
	t.Logf("key manager serving at %s after %s (contracts %s)", strings.Join(n.kmProc.info.P2PAddrs, " "), since(start), n.kmProc.info.Enigma)
	n.workerProcs = make([]*proc, workers)
	n.parallel(workers, func(i int) error {
		p, err := n.startWorker(i)
		n.workerProcs[i] = p
		return err
	})
	t.Logf("workers serving after %s", since(start))
	n.gatewayProcs = make([]*proc, gateways)
	n.parallel(gateways, func(i int) error {
		p, err := n.startGateway(i)
		n.gatewayProcs[i] = p
		return err
	})
	t.Logf("gateways serving after %s", since(start))
	return n
}

// startAnvil runs anvil from npm on the chain host: the Ethereum node the
// network uses and does not start itself.
func (n *network) startAnvil() {
	t := n.t
	anvil, err := chaintest.AnvilPath()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("anvil is required under CI: %v", err)
		}
		t.Skipf("anvil not installed (%v); run `make deps`", err)
	}
	args := []string{"--host", n.chain.ip, "--port", strconv.Itoa(chainPort), "--chain-id", "31337",
		"--block-time", "1", "--mnemonic", devchain.DefaultMnemonic}
	if _, _, err := n.procs.start(n.chain, "anvil", anvil, args, false); err != nil {
		t.Fatal(err)
	}
	// Asked from the client's host: the chain is reachable across the
	// bridge, not only from its own namespace.
	hc := &http.Client{Transport: &http.Transport{DialContext: n.client.dial}, Timeout: 2 * time.Second}
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := hc.Post(n.chainURL(), "application/json",
			strings.NewReader(`{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}`))
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("anvil on %s does not answer from the client's host within 30s (%v); if the host's firewall filters bridged traffic (br_netfilter), allow it", n.chainURL(), err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (n *network) startKM() {
	p, err := n.startNode(node.RoleKM, "km", n.km, 0)
	if err != nil {
		n.t.Fatal(err)
	}
	n.kmProc = p
	// The operator of every other node receives a copy of addresses.json.
	b, err := os.ReadFile(filepath.Join(n.dir, "km", "data", "addresses.json"))
	if err != nil {
		n.t.Fatalf("the key manager wrote no addresses.json: %v", err)
	}
	names := []string{"client"}
	for i := range n.workers {
		names = append(names, workerName(i))
	}
	for i := range n.gateways {
		names = append(names, gatewayName(i))
	}
	for _, name := range names {
		if err := os.MkdirAll(filepath.Join(n.dir, name), 0o755); err != nil {
			n.t.Fatal(err)
		}
		if err := os.WriteFile(n.addressesFile(name), b, 0o644); err != nil {
			n.t.Fatal(err)
		}
	}
}

func workerName(i int) string  { return fmt.Sprintf("worker%d", i+1) }
func gatewayName(i int) string { return fmt.Sprintf("gateway%d", i+1) }

func (n *network) startWorker(i int) (*proc, error) {
	return n.startNode(node.RoleWorker, workerName(i), n.workers[i], i)
}

func (n *network) startGateway(i int) (*proc, error) {
	return n.startNode(node.RoleGateway, gatewayName(i), n.gateways[i], i)
}

// startNode writes the node's config file and runs `enigma node` on its
// host.
func (n *network) startNode(role node.Role, name string, h *host, index int) (*proc, error) {
	cfg := n.nodeConfig(role, name, h, index)
	b, err := json.MarshalIndent(cfg, "", "  ")
	if err != nil {
		return nil, err
	}
	path := filepath.Join(n.dir, name, "config.json")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return nil, err
	}
	return n.procs.startNode(h, name, n.bin, path, 90*time.Second)
}

// parallel runs f(0..count-1) at once and fails the test on any error.
func (n *network) parallel(count int, f func(i int) error) {
	n.t.Helper()
	errs := make([]error, count)
	var wg sync.WaitGroup
	for i := range count {
		wg.Go(func() { errs[i] = f(i) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			n.t.Fatal(err)
		}
	}
}

// buildEnigma builds the enigma binary into a temporary folder.
func buildEnigma(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "enigma")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/enigma")
	cmd.Dir = filepath.Join("..", "..")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/enigma: %v\n%s", err, out)
	}
	return bin
}

func ips(hs []*host) string {
	var s []string
	for _, h := range hs {
		s = append(s, h.ip)
	}
	return strings.Join(s, ", ")
}

func since(t time.Time) time.Duration { return time.Since(t).Round(100 * time.Millisecond) }
