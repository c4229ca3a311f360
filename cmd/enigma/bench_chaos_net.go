package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/chain/devchain"
	"github.com/enigma-go/enigma/internal/node"
)

// chaosNet is the chaos bench's network: a dev chain in this process and
// the key manager, the workers and the gateway as `enigma node` processes
// of this binary, each with its own data folder and config file, which a
// restart reuses.
type chaosNet struct {
	cfg  chaosConfig
	bin  string
	dir  string
	dev  *devchain.Chain
	ch   *chain.Client // the harness's own connection, for chain reads
	e    *chain.Enigma
	accs []common.Address // the dev accounts (chaosNet.account names them)

	gatewayURL    string
	addressesFile string

	mu      sync.Mutex
	procs   map[string]*nodeProc
	configs map[string]node.Config
	signers map[string]common.Address // workers' enclave signers
}

// The dev accounts, in order: one per client, two for the vanishing
// clients, then the key manager's and the workers' custodians. Clients
// take the first accounts, as web3 users take accounts[0]; the nodes send
// from accounts no client uses.
func (n *chaosNet) clientAccount(i int) common.Address { return n.accs[i] }
func (n *chaosNet) vanishAccount(i int) common.Address { return n.accs[n.cfg.Clients+i] }
func (n *chaosNet) kmAccount() common.Address          { return n.accs[n.cfg.Clients+2] }
func (n *chaosNet) workerAccount(i int) common.Address { return n.accs[n.cfg.Clients+3+i] }

func chaosWorkerName(i int) string { return node.LocalWorkerName(i) }

// chaosStartTimeout bounds the start of every node process.
const chaosStartTimeout = 2 * time.Minute

func startChaosNet(ctx context.Context, bin, dir string, cfg chaosConfig) (_ *chaosNet, err error) {
	dc := devchain.DefaultConfig()
	dc.HTTPPort, dc.WSPort = 0, -1
	dc.BlockPeriod, dc.Accounts = cfg.BlockPeriod, cfg.Clients+3+cfg.Workers
	dev, err := devchain.Start(dc)
	if err != nil {
		return nil, fmt.Errorf("chaos: start the dev chain: %w", err)
	}
	n := &chaosNet{cfg: cfg, bin: bin, dir: dir, dev: dev, procs: map[string]*nodeProc{}, configs: map[string]node.Config{},
		signers: map[string]common.Address{}}
	defer func() {
		if err != nil {
			n.Close()
		}
	}()
	for _, a := range dev.Accounts() {
		n.accs = append(n.accs, a.Address)
	}
	cc := chain.DefaultConfig()
	cc.RPCURL = dev.HTTPEndpoint()
	if n.ch, err = chain.Dial(ctx, cc); err != nil {
		return nil, err
	}
	if err := n.configure(); err != nil {
		return nil, err
	}
	sctx, cancel := context.WithTimeout(ctx, chaosStartTimeout)
	defer cancel()
	if _, err := n.start(sctx, "km"); err != nil {
		return nil, err
	}
	var workers []string
	for i := range cfg.Workers {
		workers = append(workers, chaosWorkerName(i))
	}
	errs := make([]error, len(workers))
	var wg sync.WaitGroup
	for i, name := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = n.start(sctx, name)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if _, err := n.start(sctx, "gateway"); err != nil {
		return nil, err
	}
	info := n.proc("km").Info
	n.e = n.ch.Bind(chain.Addresses{Enigma: *info.Enigma, Token: *info.Token})
	if err := n.waitFirstEpoch(sctx); err != nil {
		return nil, err
	}
	return n, nil
}

// configure writes every node's config: the devnet's defaults (node
// DefaultConfig: 1 s epoch poll, chain poll of the chain client) with the
// run's epoch and timeout.
func (n *chaosNet) configure() error {
	addrs := make([]string, 2+n.cfg.Workers)
	for i := range addrs {
		var err error
		if addrs[i], err = freeLoopbackAddr(); err != nil {
			return err
		}
	}
	kmAddr, gwAddr, wAddrs := addrs[0], addrs[1], addrs[2:]
	n.gatewayURL = "http://" + gwAddr
	km, workers, gw := node.LocalNetwork(n.dir, n.dev.HTTPEndpoint(), node.LocalAddrs{KM: kmAddr, Gateway: gwAddr, Workers: wAddrs[:n.cfg.Workers]})
	n.addressesFile = gw.AddressesFile
	km.Account, km.EpochSize, km.TimeoutEpochs, km.MinWorkers = n.kmAccount().Hex(), n.cfg.EpochSize, n.cfg.TimeoutEpochs, n.cfg.Workers
	n.configs["km"] = km
	for i, w := range workers {
		w.Account = n.workerAccount(i).Hex()
		n.configs[chaosWorkerName(i)] = w
	}
	n.configs["gateway"] = gw
	return nil
}

// start starts (or restarts, with the same data folder and config) the
// node called name and returns how long it took to serve.
func (n *chaosNet) start(ctx context.Context, name string) (time.Duration, error) {
	p, err := startNodeProc(n.bin, n.dir, name, n.configs[name])
	if err != nil {
		return 0, err
	}
	n.mu.Lock()
	n.procs[name] = p
	n.mu.Unlock()
	d, err := p.WaitReady(ctx)
	if err != nil {
		return 0, fmt.Errorf("chaos: %w\n%s", err, tailFile(p.LogPath, 20))
	}
	if p.Info.Signer != nil {
		n.mu.Lock()
		n.signers[name] = common.Address(*p.Info.Signer)
		n.mu.Unlock()
	}
	return d, nil
}

func (n *chaosNet) proc(name string) *nodeProc {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.procs[name]
}

// signer is a worker's enclave signing address.
func (n *chaosNet) signer(name string) common.Address {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.signers[name]
}

// chaosRestart is one kill and restart.
type chaosRestart struct {
	Node   string        `json:"node"`
	AtTask int           `json:"at_task"`
	Killed time.Time     `json:"-"`
	Up     time.Duration `json:"-"` // kill to the restarted process serving
	Serve  time.Duration `json:"-"` // kill to the gateway reaching it again (workers) or it serving (km)
	UpS    float64       `json:"up_s"`
	ServeS float64       `json:"recovered_s"`
}

// killAndRestart kills the node with SIGKILL, leaves it down for
// cfg.Down and starts it again with the same data folder and config.
func (n *chaosNet) killAndRestart(ctx context.Context, name string, atTask int) (chaosRestart, error) {
	killed := time.Now()
	r := chaosRestart{Node: name, AtTask: atTask, Killed: killed}
	n.proc(name).Kill()
	select {
	case <-ctx.Done():
		return r, ctx.Err()
	case <-time.After(n.cfg.Down):
	}
	sctx, cancel := context.WithTimeout(ctx, chaosStartTimeout)
	defer cancel()
	if _, err := n.start(sctx, name); err != nil {
		return r, fmt.Errorf("chaos: restart %s: %w", name, err)
	}
	r.Up = time.Since(killed)
	r.Serve = r.Up
	if strings.HasPrefix(name, "worker") {
		if err := n.waitServedByGateway(sctx, n.signer(name)); err != nil {
			return r, fmt.Errorf("chaos: the gateway does not reach %s again after its restart: %w", name, err)
		}
		r.Serve = time.Since(killed)
	}
	r.UpS, r.ServeS = r.Up.Seconds(), r.Serve.Seconds()
	return r, nil
}

// waitServedByGateway asks the gateway for the worker's v2 epoch key until
// it answers: the gateway reaches the worker and its enclave serves.
func (n *chaosNet) waitServedByGateway(ctx context.Context, signer common.Address) error {
	body, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": 1, "method": "v2_getEpochKey",
		"params": map[string]string{"workerAddress": strings.TrimPrefix(strings.ToLower(signer.Hex()), "0x")}})
	var last string
	for {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, n.gatewayURL, bytes.NewReader(body))
		if err != nil {
			return err
		}
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			var reply struct {
				Result json.RawMessage
				Error  *struct{ Message string }
			}
			err = json.NewDecoder(resp.Body).Decode(&reply)
			resp.Body.Close()
			if err == nil && reply.Error == nil && len(reply.Result) > 0 {
				return nil
			}
			if reply.Error != nil {
				last = reply.Error.Message
			}
		}
		if err != nil {
			last = err.Error()
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%w (last answer: %s)", ctx.Err(), last)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func (n *chaosNet) waitFirstEpoch(ctx context.Context) error {
	for {
		st, err := n.e.EpochState(ctx)
		if err == nil && st.Count.Sign() > 0 {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("chaos: the key manager set no epoch (last error: %v): %w", err, ctx.Err())
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// Stop stops every node with SIGTERM and reports those that did not exit
// cleanly.
func (n *chaosNet) Stop() []string {
	var bad []string
	for _, name := range n.names() {
		if err := n.proc(name).Stop(30 * time.Second); err != nil {
			bad = append(bad, err.Error())
		}
	}
	return bad
}

// names are the nodes, the gateway first and the key manager last.
func (n *chaosNet) names() []string {
	names := []string{"gateway"}
	for i := range n.cfg.Workers {
		names = append(names, chaosWorkerName(i))
	}
	names = append(names, "km")
	var out []string
	for _, name := range names {
		if n.proc(name) != nil {
			out = append(out, name)
		}
	}
	return out
}

// Close kills what still runs and stops the chain.
func (n *chaosNet) Close() {
	for _, name := range n.names() {
		n.proc(name).Kill()
	}
	if n.ch != nil {
		n.ch.Close()
	}
	n.dev.Close()
}

// Logs returns the last lines of every node's log.
func (n *chaosNet) Logs(lines int) string {
	var b strings.Builder
	for _, name := range n.names() {
		fmt.Fprintf(&b, "---- %s ----\n%s\n", name, tailFile(n.proc(name).LogPath, lines))
	}
	return b.String()
}

func tailFile(path string, lines int) string {
	b, _ := os.ReadFile(path)
	s := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	return strings.Join(s[max(0, len(s)-lines):], "\n")
}
