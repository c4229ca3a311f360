package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/chain/devchain"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/km"
	"github.com/enigma-go/enigma/internal/node"
	"github.com/enigma-go/enigma/internal/p2p"
	"github.com/enigma-go/enigma/internal/vm"
	"github.com/enigma-go/enigma/internal/worker"
	"github.com/enigma-go/enigma/internal/workerapi"
)

// p2pNet is the network `enigma bench p2p` measures, in one process but
// with nothing shared between the roles except the chain: the embedded dev
// chain, the key manager and every worker built by internal/node, each
// with its own libp2p host on loopback (as `enigma node` gives each
// role), and gateways that join as client peers. Only the first gateway
// serves JSON-RPC; every gateway takes the announced results.
type p2pNet struct {
	log      *slog.Logger
	dir      string
	dev      *devchain.Chain
	client   *chain.Client
	e        *chain.Enigma
	deployer chain.Account
	roles    []devchain.DevAccount
	engine   *vm.Engine
	kmHost   *node.KMHost
	km       *km.KeyManager
	kmP2P    *p2p.Host
	workers  []*p2pWorker
	gateways []*p2p.Host
	gwURL    string
	probe    *p2pProbe
	kmListen []string // where the key manager also listens (bench_p2p_netns.go)
	cancel   context.CancelFunc
	wg       sync.WaitGroup
}

type p2pWorker struct {
	host *node.WorkerHost
	p2p  *p2p.Host
}

// p2pStake is each worker's deposit: 1,000 ENG.
var p2pStake = new(big.Int).Mul(big.NewInt(1_000), big.NewInt(100_000_000))

// p2pEpochSize is the epoch length in blocks; the bench sets every epoch
// itself (the key manager's loop does not run), so no epoch changes while
// it measures.
const p2pEpochSize = 10

// startP2PNet starts the chain, the key manager, workers workers and
// gateways gateways, and sets the first epoch. The key manager's libp2p
// host also listens on kmListen.
func startP2PNet(ctx context.Context, workers, gateways int, kmListen []string, log *slog.Logger) (_ *p2pNet, err error) {
	n := &p2pNet{log: log, probe: newP2PProbe(), kmListen: kmListen}
	defer func() {
		if err != nil {
			n.Close()
		}
	}()
	if n.dir, err = os.MkdirTemp("", "enigma-bench-p2p-"); err != nil {
		return nil, err
	}
	dc := devchain.TestConfig()
	dc.Logger = log
	dc.MineOnTransaction = true // every transaction mined at once: the chain is not what is measured
	dc.DataDir = filepath.Join(n.dir, "chain")
	if n.dev, err = devchain.Start(dc); err != nil {
		return nil, fmt.Errorf("bench p2p: start the dev chain: %w", err)
	}
	cc := chain.DefaultConfig()
	cc.RPCURL, cc.PollInterval, cc.Logger = n.dev.HTTPEndpoint(), 20*time.Millisecond, log
	if n.client, err = chain.NewClient(ctx, n.dev.RPC(), cc); err != nil {
		return nil, err
	}
	if n.roles, err = devchain.RoleAccounts(devchain.DefaultMnemonic, devchain.RoleWorker(workers+1)); err != nil {
		return nil, err
	}
	if n.engine, err = node.NewVM(ctx, log); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Join(n.dir, "km"), 0o700); err != nil {
		return nil, err
	}
	if n.kmHost, err = node.NewKMHost(ctx, filepath.Join(n.dir, "km"), "", log); err != nil {
		return nil, err
	}
	n.deployer = chain.NodeAccount(n.dev.Accounts()[0].Address)
	if n.e, err = n.client.DeployContracts(ctx, n.deployer, n.kmHost.DeployParams(p2pEpochSize, chain.MaxTimeoutEpochs, true)); err != nil {
		return nil, fmt.Errorf("bench p2p: deploy the contracts: %w", err)
	}
	var custodians []common.Address
	for i := range workers + 1 { // one more: the worker that joins later
		custodians = append(custodians, n.roles[devchain.RoleWorker(i)].Address)
	}
	if err := n.e.FundENG(ctx, n.deployer, custodians, p2pStake); err != nil {
		return nil, fmt.Errorf("bench p2p: fund the stakes: %w", err)
	}
	kmAcct := chain.KeyAccount(n.roles[devchain.RoleKeyManager].Key)
	if n.km, err = n.kmHost.NewKeyManager(ctx, n.e, kmAcct, 0, log); err != nil {
		return nil, err
	}
	if n.kmP2P, err = n.newHost(ctx, p2p.RoleKM, n.kmHost.Enclave, nil); err != nil {
		return nil, err
	}
	n.kmP2P.ServeKeyManager(n.km, n.kmHost.Attestor)

	errs := make([]error, workers)
	n.workers = make([]*p2pWorker, workers)
	var wg sync.WaitGroup
	for i := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n.workers[i], errs[i] = n.startWorker(ctx, i)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if err := n.newEpoch(ctx); err != nil {
		return nil, err
	}
	for i := range gateways {
		h, err := n.newHost(ctx, p2p.RoleClient, nil, nil)
		if err != nil {
			return nil, err
		}
		n.gateways = append(n.gateways, h)
		h.OnResult(func(r *workerapi.TaskResult) { n.probe.arrived(i, r.TaskID) })
	}
	gw, err := node.NewGateway(&timedDir{Directory: n.gateways[0], probe: n.probe}, n.e, "enigma-bench-p2p", n.gateways[0].AnnouncedResult, log)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	n.gwURL = "http://" + ln.Addr().String()
	sctx, cancel := context.WithCancel(context.Background())
	n.cancel = cancel
	n.wg.Add(1)
	go func() {
		defer n.wg.Done()
		if err := gw.Serve(sctx, ln); err != nil && sctx.Err() == nil {
			log.Error("gateway stopped", "err", err)
		}
	}()
	return n, nil
}

// newHost starts a libp2p host of role for the network, proving c's
// identity (nil for a gateway) and joining through the key manager.
func (n *p2pNet) newHost(ctx context.Context, role p2p.Role, c enclave.Common, tweak func(*p2p.Config)) (*p2p.Host, error) {
	principal, err := n.e.Principal(ctx)
	if err != nil {
		return nil, err
	}
	pc := p2p.DefaultConfig()
	pc.Listen = []string{"/ip4/127.0.0.1/tcp/0"}
	if role == p2p.RoleKM {
		pc.Listen = append(pc.Listen, n.kmListen...)
	}
	pc.Network = p2p.Network{ChainID: n.client.ChainID().Uint64(), Enigma: api.EthAddress(n.e.Addresses().Enigma)}
	pc.Role, pc.Registry, pc.Principal, pc.Logger = role, n.e, api.EthAddress(principal), n.log
	if n.kmP2P != nil {
		pc.Bootstrap = n.kmP2P.Addrs()
	}
	if c != nil {
		pc.Prove = p2p.EnclaveProver(c, pc.Network)
	}
	if tweak != nil {
		tweak(&pc)
	}
	return p2p.New(ctx, pc)
}

// startWorker builds worker i from the chain (internal/node's
// BuildWorker: enclave, libp2p host, registration, stake, login, store),
// and serves it on its host. Its announced results are timed.
func (n *p2pNet) startWorker(ctx context.Context, i int) (*p2pWorker, error) {
	w := &p2pWorker{}
	dir := filepath.Join(n.dir, fmt.Sprintf("worker%d", i))
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	var err error
	w.host, err = node.BuildWorker(ctx, node.WorkerSpec{
		Dir: dir, Engine: n.engine, Enigma: n.e,
		Custodian: chain.KeyAccount(n.roles[devchain.RoleWorker(i)].Key), Stake: p2pStake,
		NetFor: func(h *node.WorkerHost) (node.WorkerNet, error) {
			if w.p2p, err = n.newHost(ctx, p2p.RoleWorker, h.Enclave, nil); err != nil {
				return node.WorkerNet{}, err
			}
			kmc := w.p2p.KeyManager()
			announce := w.p2p.AnnounceResult
			return node.WorkerNet{Directory: w.p2p, KeyService: kmc, Attestor: kmc, Announce: func(r *workerapi.TaskResult) {
				n.probe.announced(r.TaskID)
				announce(r)
			}}, nil
		},
		Logger: n.log,
	})
	if err != nil {
		if w.p2p != nil {
			w.p2p.Close()
		}
		return nil, fmt.Errorf("bench p2p: worker %d: %w", i, err)
	}
	w.p2p.ServeWorker(w.host.Worker)
	return w, nil
}

// newEpoch mines up to the end of the current epoch and has the key
// manager set the next one, with every worker logged in by then.
func (n *p2pNet) newEpoch(ctx context.Context) error {
	n.dev.Mine() // the epoch counts the workers logged in before its block
	for range 4 * p2pEpochSize {
		set, err := n.km.NewEpoch(ctx)
		if err != nil {
			return fmt.Errorf("bench p2p: set an epoch: %w", err)
		}
		if set {
			return nil
		}
		n.dev.Mine()
	}
	return errors.New("bench p2p: the key manager set no epoch")
}

// Close stops everything, gateways first.
func (n *p2pNet) Close() {
	if n.cancel != nil {
		n.cancel()
	}
	n.wg.Wait()
	for _, g := range n.gateways {
		g.Close()
	}
	for _, w := range n.workers {
		if w != nil {
			w.p2p.Close()
			w.host.Close()
		}
	}
	if n.kmP2P != nil {
		n.kmP2P.Close()
	}
	if n.kmHost != nil {
		n.kmHost.Close()
	}
	if n.engine != nil {
		n.engine.Close(context.Background())
	}
	if n.client != nil {
		n.client.Close()
	}
	if n.dev != nil {
		n.dev.Close()
	}
	if n.dir != "" {
		os.RemoveAll(n.dir)
	}
}

// p2pProbe records what the bench times: each task hand-off from the
// gateway to a worker, when each result was announced and when each
// gateway took it.
type p2pProbe struct {
	mu       sync.Mutex
	handoffs []p2pHandoff
	sent     map[api.TaskID]time.Time
	got      map[api.TaskID]map[int]time.Time
}

type p2pHandoff struct {
	worker api.EthAddress
	at     time.Time
	took   time.Duration
	err    error
}

func newP2PProbe() *p2pProbe {
	return &p2pProbe{sent: map[api.TaskID]time.Time{}, got: map[api.TaskID]map[int]time.Time{}}
}

func (p *p2pProbe) handoff(w api.EthAddress, start time.Time, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.handoffs = append(p.handoffs, p2pHandoff{worker: w, at: start, took: time.Since(start), err: err})
}

func (p *p2pProbe) announced(id api.TaskID) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, ok := p.sent[id]; !ok {
		p.sent[id] = time.Now()
	}
}

func (p *p2pProbe) arrived(gw int, id api.TaskID) {
	now := time.Now()
	p.mu.Lock()
	defer p.mu.Unlock()
	m := p.got[id]
	if m == nil {
		m = map[int]time.Time{}
		p.got[id] = m
	}
	if _, ok := m[gw]; !ok {
		m[gw] = now
	}
}

// firstHandoff is when the first hand-off to w began, if any did.
func (p *p2pProbe) firstHandoff(w api.EthAddress, after time.Time) (time.Time, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, h := range p.handoffs {
		if h.worker == w && h.err == nil && !h.at.Before(after) {
			return h.at.Add(h.took), true
		}
	}
	return time.Time{}, false
}

// gossipDelays are, for each result announced since after, the time until
// the last of gateways gateways took it; missing counts those some
// gateway did not take.
func (p *p2pProbe) gossipDelays(gateways int, ids []api.TaskID) (delays []time.Duration, missing int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, id := range ids {
		sent, ok := p.sent[id]
		if !ok {
			missing++
			continue
		}
		got := p.got[id]
		if len(got) < gateways {
			missing++
			continue
		}
		var last time.Time
		for _, t := range got {
			if t.After(last) {
				last = t
			}
		}
		delays = append(delays, last.Sub(sent))
	}
	return delays, missing
}

// timedDir is the gateway's directory, timing each task submission it
// hands to a worker: the libp2p request and the worker's acceptance.
type timedDir struct {
	worker.Directory
	probe *p2pProbe
}

func (d *timedDir) Node(s api.EthAddress) (worker.Node, bool) {
	nd, ok := d.Directory.Node(s)
	if !ok {
		return nil, false
	}
	return &timedNode{Node: nd, probe: d.probe}, true
}

func (d *timedDir) Nodes() []worker.Node {
	var out []worker.Node
	for _, nd := range d.Directory.Nodes() {
		out = append(out, &timedNode{Node: nd, probe: d.probe})
	}
	return out
}

type timedNode struct {
	worker.Node
	probe *p2pProbe
}

func (t *timedNode) SubmitDeploy(ctx context.Context, r *workerapi.DeployRequest) error {
	start := time.Now()
	err := t.Node.SubmitDeploy(ctx, r)
	t.probe.handoff(t.Signer(), start, err)
	return err
}

func (t *timedNode) SubmitCompute(ctx context.Context, r *workerapi.ComputeRequest) error {
	start := time.Now()
	err := t.Node.SubmitCompute(ctx, r)
	t.probe.handoff(t.Signer(), start, err)
	return err
}

func (t *timedNode) SubmitV2(ctx context.Context, r *workerapi.V2Request) error {
	start := time.Now()
	err := t.Node.SubmitV2(ctx, r)
	t.probe.handoff(t.Signer(), start, err)
	return err
}

// handoffsSince are the successful hand-offs that began at or after t.
func (p *p2pProbe) handoffsSince(t time.Time) []time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []time.Duration
	for _, h := range p.handoffs {
		if h.err == nil && !h.at.Before(t) {
			out = append(out, h.took)
		}
	}
	return out
}

// announcedAll tells whether every task of ids was announced.
func (p *p2pProbe) announcedAll(ids []api.TaskID) bool { return p.countAnnounced(ids) == len(ids) }

func (p *p2pProbe) countAnnounced(ids []api.TaskID) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	k := 0
	for _, id := range ids {
		if _, ok := p.sent[id]; ok {
			k++
		}
	}
	return k
}

// announce has the worker that ran each task of ids not yet announced
// publish its result from its libp2p host, as worker.Config.Announce
// does, and waits until every gateway took it (for up to 5 s) before the
// next.
func (n *p2pNet) announce(ctx context.Context, ids []api.TaskID) error {
	for _, id := range ids {
		if n.probe.countAnnounced([]api.TaskID{id}) == 1 {
			continue
		}
		var res *workerapi.TaskResult
		var by *p2pWorker
		for _, w := range n.workers {
			if r, err := w.host.Worker.TaskResult(ctx, id); err == nil && r != nil && r.Status.Final() {
				res, by = r, w
				break
			}
		}
		if res == nil {
			return fmt.Errorf("no worker holds the result of task %s", id)
		}
		n.probe.announced(id)
		by.p2p.AnnounceResult(res)
		_ = p2pWaitFor(ctx, 5*time.Second, func() bool {
			_, missing := n.probe.gossipDelays(len(n.gateways), []api.TaskID{id})
			return missing == 0
		})
	}
	return nil
}

// warmGossip has every worker announce a result of no task until every
// gateway took it (for up to 15 s each), so the gossip measured afterwards
// runs on formed meshes, as in a network that has been up a while, not on
// the first heartbeats of one just started. The gateways' copies of these
// results name task ids no record has: nothing reports them.
func (n *p2pNet) warmGossip(ctx context.Context) {
	for i, w := range n.workers {
		id := api.TaskID{0xee, byte(i), byte(i >> 8)}
		_ = p2pWaitFor(ctx, 15*time.Second, func() bool {
			w.p2p.AnnounceResult(&workerapi.TaskResult{TaskID: id, Status: api.StatusSuccess})
			time.Sleep(100 * time.Millisecond)
			n.probe.mu.Lock()
			defer n.probe.mu.Unlock()
			return len(n.probe.got[id]) >= len(n.gateways)
		})
	}
}
