package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum/common"
	ethcrypto "github.com/ethereum/go-ethereum/crypto"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/enclave/testcontract"
	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/sdk/client"
)

// `enigma bench p2p` measures the network's libp2p layer with every part
// real (libp2p with Noise, enclaves, the dev chain, the Go client), at 3
// and at 12 workers (bench_p2p_net.go starts the network):
//
//   - how long a worker that joins a running network takes to be found by
//     a gateway, to serve its first request through it, and to be handed
//     its first task;
//   - the hand-off of a task from the gateway to its worker;
//   - the state sync of a contract with 10,000 keys between two workers;
//   - the gossip of a task result to every gateway.
func init() {
	registerBenchPart("p2p", "libp2p: a new worker found, task hand-off, state sync, result gossip", 10, benchP2P)
}

// p2pGateways is how many gateways take the announced results.
const p2pGateways = 3

// p2pSyncKeys is the size of the synced contract state.
const p2pSyncKeys = 10_000

// p2pRun is what one network size measured (the JSON's "runs").
type p2pRun struct {
	Workers  int `json:"workers"`
	Gateways int `json:"gateways"`
	// A worker joining the running network: from the start of its build
	// (enclave, libp2p host, registration, stake, login) until it is
	// logged in; until the gateway's p2p directory returns it
	// (Host.Node); until it answered a request through the gateway
	// (a task key, getWorkerEncryptionKey's); until a task selected for it
	// was handed to it, which includes the key manager's next epoch.
	NewWorkerLoginMS        float64 `json:"new_worker_login_ms"`
	NewWorkerFoundMS        float64 `json:"new_worker_found_ms"`
	NewWorkerFirstRequestMS float64 `json:"new_worker_first_request_ms"`
	NewWorkerFirstTaskMS    float64 `json:"new_worker_first_task_ms"` // 0 when no task was selected for it
	NewWorkerDeploys        int     `json:"new_worker_deploys"`       // deploys sent until one was selected for it
	// Task hand-off: the gateway's submission of a recorded task to the
	// selected worker over /enigma/worker/1.1.0, the worker's acceptance
	// (chain checks, enclave hold) included.
	HandoffP50MS float64 `json:"handoff_p50_ms"`
	HandoffP99MS float64 `json:"handoff_p99_ms"`
	Handoffs     int     `json:"handoffs"`
	// State sync: ExportState of a 10,000-key contract over
	// /enigma/sync/1.0.0 between two workers.
	SyncMBs   float64 `json:"sync_mb_s"`
	SyncBytes int     `json:"sync_bytes"`
	SyncMS    float64 `json:"sync_ms"`
	// Gossip: from a worker's AnnounceResult until every gateway holds the
	// result (AnnouncedResult).
	GossipP50MS   float64 `json:"gossip_p50_ms"`
	GossipP99MS   float64 `json:"gossip_p99_ms"`
	GossipResults int     `json:"gossip_results"`
	GossipMissing int     `json:"gossip_missing"`
	// GossipByWorker counts the results the worker announced on its own
	// (the others were announced by the bench through the worker's host).
	GossipByWorker int `json:"gossip_announced_by_worker"`
}

// p2pLink is where the hosts talk: all on loopback, in one process.
const p2pLink = "loopback"

func benchP2P(ctx context.Context, opt benchOptions) (benchResult, error) {
	sizes, tasks, syncs := []int{3, 12}, 40, 10
	if opt.Quick {
		tasks, syncs = 6, 2
	}
	// The hand-off across two namespaces is measured in the first
	// network, where namespaces can be made.
	ns, nsErr := p2pNetnsPrepare()
	if ns != nil {
		defer ns.Close()
	}
	cmp := p2pNetnsHandoff{Link: fmt.Sprintf("loopback only, netns unavailable: %v", nsErr)}
	var runs []p2pRun
	for i, w := range sizes {
		var at *p2pNetnsHandoff
		if i == 0 && ns != nil {
			at = &cmp
		}
		r, err := benchP2PRun(ctx, opt, w, tasks, syncs, ns, at)
		if err != nil {
			return benchResult{}, fmt.Errorf("bench p2p at %d workers: %w", w, err)
		}
		runs = append(runs, r)
	}
	out := benchResult{Fields: map[string]any{"runs": runs, "link": p2pLink, "sync_keys": p2pSyncKeys}}
	b, _ := json.Marshal(cmp)
	_ = json.Unmarshal(b, &out.Fields)
	for _, r := range runs {
		at := fmt.Sprintf("%d workers", r.Workers)
		first := benchRow{Name: "new worker: first task handed to it, " + at, Value: r.NewWorkerFirstTaskMS, Unit: "ms",
			Note: fmt.Sprintf("includes the next epoch; %d deploys until one was selected for it", r.NewWorkerDeploys)}
		if r.NewWorkerFirstTaskMS == 0 {
			first.Note = fmt.Sprintf("no task selected for it in %d deploys", r.NewWorkerDeploys)
		}
		out.Rows = append(out.Rows,
			benchRow{Name: "new worker: logged in, " + at, Value: r.NewWorkerLoginMS, Unit: "ms", Note: "enclave, libp2p host, register, stake, login"},
			benchRow{Name: "new worker: found by the gateway, " + at, Value: r.NewWorkerFoundMS, Unit: "ms", Note: "from its start; p2p Host.Node(signer) at the gateway"},
			benchRow{Name: "new worker: first request served, " + at, Value: r.NewWorkerFirstRequestMS, Unit: "ms", Note: "from its start; a task key through the gateway"},
			first,
			benchRow{Name: "task hand-off p50, " + at, Value: r.HandoffP50MS, Unit: "ms", Note: fmt.Sprintf("%d compute tasks, gateway → worker, %s", r.Handoffs, p2pLink)},
			benchRow{Name: "task hand-off p99, " + at, Value: r.HandoffP99MS, Unit: "ms", Note: "the worker's acceptance included"},
			benchRow{Name: "state sync, " + at, Value: r.SyncMBs, Unit: "MB/s", Note: fmt.Sprintf("%d keys: %.2f MB in %.1f ms (median of %d)", p2pSyncKeys, float64(r.SyncBytes)/1e6, r.SyncMS, syncs)},
			benchRow{Name: "result gossip p50, " + at, Value: r.GossipP50MS, Unit: "ms", Note: fmt.Sprintf("to all %d gateways; %d results", r.Gateways, r.GossipResults)},
			benchRow{Name: "result gossip p99, " + at, Value: r.GossipP99MS, Unit: "ms", Note: fmt.Sprintf("%d results missed by a gateway", r.GossipMissing)},
		)
	}
	out.Rows = append(out.Rows, p2pNetnsRows(cmp)...)
	return out, nil
}

// benchP2PRun starts a network of workers workers and measures it; with
// cmp, also the hand-off across the namespaces of ns.
func benchP2PRun(ctx context.Context, opt benchOptions, workers, tasks, syncs int, ns *p2pNetns, cmp *p2pNetnsHandoff) (p2pRun, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	r := p2pRun{Workers: workers, Gateways: p2pGateways}
	start := time.Now()
	var kmListen []string
	if cmp != nil {
		kmListen = ns.kmListen()
	}
	n, err := startP2PNet(ctx, workers, p2pGateways, kmListen, slog.New(slog.DiscardHandler))
	if err != nil {
		return r, err
	}
	defer n.Close()
	fmt.Fprintf(opt.Out, "p2p: %d workers, %d gateways, key manager and chain up in %.1fs\n", workers, p2pGateways, time.Since(start).Seconds())
	// Every gateway knows every worker before anything is measured.
	for _, g := range n.gateways {
		for _, w := range n.workers {
			if err := p2pWaitFor(ctx, 30*time.Second, func() bool { _, ok := g.Node(w.host.Signer); return ok }); err != nil {
				return r, fmt.Errorf("a gateway did not find worker %s: %w", w.host.Signer, err)
			}
		}
	}
	user, err := n.newUser(ctx)
	if err != nil {
		return r, err
	}
	defer user.Close()

	// Hand-offs and gossip: compute tasks on one contract, one after the
	// other, through the first gateway.
	n.warmGossip(ctx)
	dep, err := user.Deploy(ctx, testcontract.Contract(), "construct()")
	if err != nil {
		return r, fmt.Errorf("deploy the test contract: %w", err)
	}
	if _, err := dep.Wait(ctx, nil); err != nil {
		return r, fmt.Errorf("deploy the test contract: %w", err)
	}
	computeStart := time.Now()
	ids := []api.TaskID{dep.ID}
	var last *client.Task
	for i := range tasks {
		t, err := user.Compute(ctx, dep.Contract, "store(uint256)", big.NewInt(int64(i)))
		if err != nil {
			return r, fmt.Errorf("compute task %d: %w", i, err)
		}
		ids, last = append(ids, t.ID), t
	}
	if _, err := last.Wait(ctx, nil); err != nil {
		return r, fmt.Errorf("the last compute task: %w", err)
	}
	handoffs := n.probe.handoffsSince(computeStart)
	r.Handoffs = len(handoffs)
	r.HandoffP50MS, r.HandoffP99MS = p2pMS(p2pQuantile(handoffs, 0.5)), p2pMS(p2pQuantile(handoffs, 0.99))
	// A worker announces a result whose receipt's outcome it had to check
	// again; the others are announced here by the worker that ran them,
	// from its libp2p host, one at a time (bench_p2p_net.go, announce).
	_ = p2pWaitFor(ctx, time.Second, func() bool { return n.probe.announcedAll(ids) })
	r.GossipByWorker = n.probe.countAnnounced(ids)
	if err := n.announce(ctx, ids); err != nil {
		return r, err
	}
	delays, missing := n.probe.gossipDelays(p2pGateways, ids)
	r.GossipResults, r.GossipMissing = len(delays), missing
	r.GossipP50MS, r.GossipP99MS = p2pMS(p2pQuantile(delays, 0.5)), p2pMS(p2pQuantile(delays, 0.99))
	fmt.Fprintf(opt.Out, "p2p: %d hand-offs p50 %.2f ms; %d results gossiped p50 %.2f ms (%d missed)\n", r.Handoffs, r.HandoffP50MS, r.GossipResults, r.GossipP50MS, missing)

	if err := benchP2PSync(ctx, n, syncs, &r); err != nil {
		return r, err
	}
	fmt.Fprintf(opt.Out, "p2p: state sync of %d keys, %d bytes: %.1f MB/s\n", p2pSyncKeys, r.SyncBytes, r.SyncMBs)

	if err := benchP2PNewWorker(ctx, n, user, &r); err != nil {
		return r, err
	}
	fmt.Fprintf(opt.Out, "p2p: new worker logged in %.0f ms, found %.0f ms, first request %.0f ms, first task %.0f ms (%d deploys)\n",
		r.NewWorkerLoginMS, r.NewWorkerFoundMS, r.NewWorkerFirstRequestMS, r.NewWorkerFirstTaskMS, r.NewWorkerDeploys)

	if cmp != nil {
		if *cmp, err = ns.measure(ctx, opt, n, tasks); err != nil {
			return r, fmt.Errorf("hand-off across namespaces: %w", err)
		}
		fmt.Fprintf(opt.Out, "p2p: submission round trip p50 %.2f ms across namespaces, %.2f ms on loopback (×%.2f)\n", cmp.NetnsP50MS, cmp.LoopbackP50MS, cmp.RatioP50)
	}
	return r, nil
}

// p2pNetnsRows are the table's rows of the hand-off across namespaces.
func p2pNetnsRows(c p2pNetnsHandoff) []benchRow {
	if c.Link != "netns" {
		return []benchRow{{Name: "task submission across namespaces", Unit: "-", Note: c.Link}}
	}
	at := fmt.Sprintf("%d workers", c.Workers)
	what := fmt.Sprintf("%d compute tasks each, client → gateway → worker → acceptance", c.Tasks)
	return []benchRow{
		{Name: "task submission p50, netns, " + at, Value: c.NetnsP50MS, Unit: "ms", Note: "gateway process in namespace A, worker process in B; " + what},
		{Name: "task submission p99, netns, " + at, Value: c.NetnsP99MS, Unit: "ms"},
		{Name: "task submission p50, loopback, " + at, Value: c.LoopbackP50MS, Unit: "ms", Note: "in-process gateway and worker, same network, interleaved"},
		{Name: "task submission p99, loopback, " + at, Value: c.LoopbackP99MS, Unit: "ms"},
		{Name: "task submission netns / loopback, p50", Value: c.RatioP50, Unit: "×"},
		{Name: "task submission netns / loopback, p99", Value: c.RatioP99, Unit: "×"},
	}
}

// newUser is a client of the first gateway with a fresh key, funded.
func (n *p2pNet) newUser(ctx context.Context) (*client.Client, error) {
	return n.newUserAt(ctx, n.gwURL)
}

// newUserAt is a client of the gateway at gwURL with a fresh key, funded.
func (n *p2pNet) newUserAt(ctx context.Context, gwURL string) (*client.Client, error) {
	k, err := ethcrypto.GenerateKey()
	if err != nil {
		return nil, err
	}
	addr := []common.Address{ethcrypto.PubkeyToAddress(k.PublicKey)}
	if err := n.client.FundETH(ctx, n.deployer, addr, new(big.Int).Mul(big.NewInt(10), big.NewInt(1e18))); err != nil {
		return nil, err
	}
	if err := n.e.FundENG(ctx, n.deployer, addr, big.NewInt(1e14)); err != nil {
		return nil, err
	}
	c := client.TestConfig()
	a := n.e.Addresses()
	c.ChainRPC, c.Gateway, c.Enigma, c.Token = n.dev.HTTPEndpoint(), gwURL, a.Enigma.Hex(), a.Token.Hex()
	c.Account, c.DeployGasLimit, c.PollInterval = hex.EncodeToString(ethcrypto.FromECDSA(k)), 1_000_000, 20*time.Millisecond
	c.PerTask = true // the hand-off measured is that of submissions with a task record
	return client.New(ctx, c)
}

// benchP2PSync puts a contract with p2pSyncKeys keys into the first
// worker's store and has the second worker export it over the sync
// protocol, syncs times.
//
// The contract's deploy delta sets every key and its state holds them
// all; both are built here in the enclave's layout and sizes (32-byte
// keys and values, AES-GCM sealed: random bytes stand for the ciphertext,
// which the store and the protocol never open).
func benchP2PSync(ctx context.Context, n *p2pNet, syncs int, r *p2pRun) error {
	from, to := n.workers[0], n.workers[1]
	contract := api.ContractAddress(compat.Keccak256([]byte("bench p2p sync"), []byte(time.Now().String())))
	code := testcontract.Contract()
	delta := p2pSealedSize(p2pSyncKeys, 1+4+32+4+32) // op, key, value
	st := p2pSealedSize(p2pSyncKeys, 4+32+4+32) + 40
	d := state.Delta{Index: 0, Data: p2pRandom(delta)}
	d.Hash = compat.Keccak256(d.Data)
	if _, err := from.host.Store.Import(ctx, &state.DeltaRange{Contract: contract, Code: code, From: 0, To: 0, Deltas: []state.Delta{d}},
		state.ChainRecord{CodeHash: compat.Keccak256(code), DeltaHashes: []api.Hash{d.Hash}}); err != nil {
		return fmt.Errorf("store the synced contract: %w", err)
	}
	if err := from.host.Store.PutState(ctx, contract, &state.StateBlob{Index: 0, Hash: d.Hash, Data: p2pRandom(st)}); err != nil {
		return fmt.Errorf("store the synced contract's state: %w", err)
	}
	var took []time.Duration
	for range syncs {
		nd, ok := to.p2p.Node(from.host.Signer)
		if !ok {
			return errors.New("the second worker does not find the first")
		}
		t0 := time.Now()
		x, err := nd.ExportState(ctx, contract, 0)
		if err != nil {
			return fmt.Errorf("export the contract's state: %w", err)
		}
		took = append(took, time.Since(t0))
		b, _ := json.Marshal(x) // what went over the wire
		r.SyncBytes = len(b)
	}
	med := p2pQuantile(took, 0.5)
	r.SyncMS = p2pMS(med)
	r.SyncMBs = float64(r.SyncBytes) / 1e6 / med.Seconds()
	return nil
}

// p2pSealedSize is the size of an AES-GCM sealed list of entries: a count,
// the entries, the nonce and the tag.
func p2pSealedSize(entries, entry int) int { return 4 + entries*entry + 12 + 16 }

func p2pRandom(n int) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return b
}

// benchP2PNewWorker starts a worker on the running network and times it
// until the gateway finds it, until it serves a request through the
// gateway, and until a task selected for it is handed to it. It can be
// selected from the next epoch on: the key manager sets one at once (on a
// real chain the network waits for the epoch's end), then deploys are
// sent until one is selected for it.
func benchP2PNewWorker(ctx context.Context, n *p2pNet, user *client.Client, r *p2pRun) error {
	i := len(n.workers)
	t0 := time.Now()
	w, err := n.startWorker(ctx, i)
	if err != nil {
		return err
	}
	n.workers = append(n.workers, w)
	r.NewWorkerLoginMS = p2pMS(time.Since(t0))
	gw := n.gateways[0]
	if err := p2pWaitFor(ctx, 60*time.Second, func() bool { _, ok := gw.Node(w.host.Signer); return ok }); err != nil {
		return fmt.Errorf("the gateway did not find the new worker: %w", err)
	}
	r.NewWorkerFoundMS = p2pMS(time.Since(t0))
	nd, _ := (&timedDir{Directory: gw, probe: n.probe}).Node(w.host.Signer)
	userKey, err := compat.GenerateKey(rand.Reader)
	if err != nil {
		return err
	}
	if _, err := nd.TaskKey(ctx, [64]byte(compat.PublicKeyBytes(&userKey.PublicKey)), [32]byte{2}); err != nil {
		return fmt.Errorf("a task key from the new worker: %w", err)
	}
	r.NewWorkerFirstRequestMS = p2pMS(time.Since(t0))
	if err := n.newEpoch(ctx); err != nil {
		return err
	}
	for r.NewWorkerDeploys < 8*(i+1) {
		t, err := user.Deploy(ctx, testcontract.Contract(), "construct()")
		r.NewWorkerDeploys++
		if err != nil {
			return fmt.Errorf("deploy: %w", err)
		}
		if api.EthAddress(t.Worker) == w.host.Signer {
			if at, ok := n.probe.firstHandoff(w.host.Signer, t0); ok {
				r.NewWorkerFirstTaskMS = p2pMS(at.Sub(t0))
			}
			break
		}
	}
	return nil
}

// p2pWaitFor calls ok until it is true, for up to d.
func p2pWaitFor(ctx context.Context, d time.Duration, ok func() bool) error {
	end := time.Now().Add(d)
	for !ok() {
		if time.Now().After(end) {
			return fmt.Errorf("not within %v", d)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(5 * time.Millisecond):
		}
	}
	return nil
}

// p2pQuantile is the q-quantile of ds (nearest rank), 0 for none.
func p2pQuantile(ds []time.Duration, q float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := int(q*float64(len(s))+0.5) - 1
	return s[min(max(i, 0), len(s)-1)]
}

func p2pMS(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
