package attack_test

import (
	"bytes"
	"context"
	"github.com/enigma-go/enigma/internal/workerapi"
	"path/filepath"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/devnet"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/enclave/testcontract"
	"github.com/enigma-go/enigma/internal/p2p"
	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/internal/worker"
	"github.com/enigma-go/enigma/sdk/client"
)

// The attacks on state sync and on what peers say are played by a peer
// whose host misbehaves: a worker.Node that wraps a registered worker's
// node (so it answers identity challenges as that worker) and changes what
// it sends. The devnet's directory holds it in the worker's place.

// syncPeer is a registered worker whose host changes its state exports and
// task results.
type syncPeer struct {
	worker.Node
	export  func(*worker.StateExport) // changes an export in place
	result  func(*workerapi.TaskResult) *workerapi.TaskResult
	exports atomic.Int32 // exports asked of it
}

func (p *syncPeer) ExportState(ctx context.Context, c api.ContractAddress, from uint32) (*worker.StateExport, error) {
	p.exports.Add(1)
	exp, err := p.Node.ExportState(ctx, c, from)
	if err == nil && p.export != nil {
		p.export(exp)
	}
	return exp, err
}

// TaskResult answers with result's lie, for a task the worker saw (r) or
// not (nil).
func (p *syncPeer) TaskResult(ctx context.Context, id api.TaskID) (*workerapi.TaskResult, error) {
	r, err := p.Node.TaskResult(ctx, id)
	if err == nil && p.result != nil {
		return p.result(r), nil
	}
	return r, err
}

// syncNet is a devnet of three workers where a contract's state is held by
// two of them (the liar, whose signer sorts first, and the honest one) and
// only the third, the victim, is logged in: the victim runs the contract's
// next task and must sync its state from the other two.
type syncNet struct {
	*network
	contract              api.ContractAddress
	victim, liar, honest  int
	signers               []api.EthAddress
	liarNode, honestNode  worker.Node // their real nodes
	victimHost, honestHst *devnet.WorkerHost
}

// syncSetup deploys the test contract ("v0"), stores "v1" in it, makes two
// workers hold its state and moves it to the third.
func syncSetup(t *testing.T) *syncNet {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	t.Cleanup(cancel)
	cfg := devnet.TestConfig()
	// Epochs of 25 blocks (5 s): the contract moves to the victim within one.
	cfg.DataDir, cfg.Workers, cfg.EpochSize = t.TempDir(), 3, 25
	d, err := devnet.Start(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	s := &syncNet{network: &network{t: t, ctx: ctx, d: d, e: d.Enigma(), dir: cfg.DataDir}, signers: d.Workers()}

	c := s.client(0)
	s.contract = s.deploy(c, "v0")
	if st := s.run(c.Compute(ctx, s.contract, "store(bytes)", client.RawArgs("v1"))); st != api.ChainReceiptVerified {
		t.Fatalf("store: status %s", st)
	}
	// Two tasks ran on at most two workers: one holds nothing.
	rec := syncChainRecord(s.network, s.contract)
	last := uint32(len(rec.DeltaHashes) - 1)
	holder := -1
	s.victim = -1
	for i := range s.signers {
		st, err := d.WorkerHost(i).Store.State(ctx, s.contract)
		switch {
		case err == nil && st.Index == last && st.Hash == rec.DeltaHashes[last]:
			holder = i
		case api.CodeOf(err) == api.CodeNotFound && s.victim < 0:
			s.victim = i
		}
	}
	if holder < 0 || s.victim < 0 {
		t.Fatalf("no worker holds contract %s at delta %d, or every worker holds some of it", s.contract, last)
	}
	var others []int
	for i := range s.signers {
		if i != s.victim {
			others = append(others, i)
		}
	}
	slices.SortFunc(others, func(a, b int) int { return bytes.Compare(s.signers[a][:], s.signers[b][:]) })
	s.liar, s.honest = others[0], others[1] // the liar is asked first
	for _, i := range others {
		syncCopyContract(s.network, d.WorkerHost(holder), d.WorkerHost(i), s.contract, rec)
	}
	s.liarNode, _ = d.Directory().Node(s.signers[s.liar])
	s.honestNode, _ = d.Directory().Node(s.signers[s.honest])
	s.victimHost, s.honestHst = d.WorkerHost(s.victim), d.WorkerHost(s.honest)

	for _, i := range others {
		if _, err := s.e.Logout(ctx, d.WorkerHost(i).Custodian); err != nil {
			t.Fatal(err)
		}
	}
	syncWaitEpochOf(s.network, s.signers[s.victim])
	return s
}

// syncChainRecord is what the chain records of a contract.
func syncChainRecord(n *network, c api.ContractAddress) state.ChainRecord {
	n.t.Helper()
	sc, err := n.e.SecretContract(n.ctx, c)
	if err != nil {
		n.t.Fatal(err)
	}
	rec := state.ChainRecord{CodeHash: api.Hash(sc.CodeHash)}
	for _, h := range sc.StateDeltaHashes {
		rec.DeltaHashes = append(rec.DeltaHashes, api.Hash(h))
	}
	return rec
}

// syncCopyContract gives to's store what from's holds of contract c, as
// an honest worker that synced it earlier holds it.
func syncCopyContract(n *network, from, to *devnet.WorkerHost, c api.ContractAddress, rec state.ChainRecord) {
	n.t.Helper()
	if from == to {
		return
	}
	tip, err := from.Store.Tip(n.ctx, c)
	if err != nil {
		n.t.Fatal(err)
	}
	r, err := from.Store.Export(n.ctx, c, 0, tip.Index)
	if err != nil {
		n.t.Fatal(err)
	}
	st, err := from.Store.State(n.ctx, c)
	if err != nil {
		n.t.Fatal(err)
	}
	if _, err := to.Store.Import(n.ctx, r, rec); err != nil {
		n.t.Fatal(err)
	}
	if err := to.Store.PutState(n.ctx, c, st); err != nil {
		n.t.Fatal(err)
	}
}

// syncWaitEpochOf waits for an epoch whose only worker is signer.
func syncWaitEpochOf(n *network, signer api.EthAddress) {
	n.t.Helper()
	for {
		head, err := n.e.Client().BlockNumber(n.ctx)
		if err != nil {
			n.t.Fatal(err)
		}
		p, err := n.e.WorkerParams(n.ctx, head)
		if err == nil && len(p.Arg2) == 1 && api.EthAddress(p.Arg2[0]) == signer {
			return
		}
		select {
		case <-n.ctx.Done():
			n.t.Fatalf("no epoch with %s as its only worker", signer)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// syncStateOpens asks a host's enclave whether its stored state of c is
// the contract's at the chain's last delta, and returns the state.
func syncStateOpens(n *network, host *devnet.WorkerHost, c api.ContractAddress) *state.StateBlob {
	n.t.Helper()
	st, err := host.Store.State(n.ctx, c)
	if err != nil {
		n.t.Fatal(err)
	}
	code, err := host.Store.Code(n.ctx, c)
	if err != nil {
		n.t.Fatal(err)
	}
	rec := syncChainRecord(n, c)
	last := uint32(len(rec.DeltaHashes) - 1)
	if _, err := host.Enclave.CheckState(n.ctx, &enclave.CheckStateRequest{Contract: c, CodeHash: compat.Keccak256(code),
		DeltaIndex: last, DeltaHash: rec.DeltaHashes[last], State: st.Data}); err != nil {
		n.t.Fatalf("the stored state of %s does not open at the chain's delta %d: %v", c, last, err)
	}
	return st
}

// output runs a compute task from user 0 and returns its decrypted output.
func (s *syncNet) output(fn string, args string) string {
	s.t.Helper()
	task, err := s.client(0).Compute(s.ctx, s.contract, fn, client.RawArgs(args))
	if st := s.run(task, err); st != api.ChainReceiptVerified {
		s.t.Fatalf("%s: status %s", fn, st)
	}
	out, err := task.Output(s.ctx)
	if err != nil {
		s.t.Fatalf("%s: %v", fn, err)
	}
	if api.EthAddress(task.Worker) != s.signers[s.victim] {
		s.t.Fatalf("%s ran on %s, not on the victim %s", fn, api.EthAddress(task.Worker), s.signers[s.victim])
	}
	return string(out)
}

// Attack: a peer whose host sends a tampered encrypted state with genuine
// deltas when another worker syncs a contract from it. Before, the
// receiver checked the deltas against the chain but stored the state as
// given: its enclave could not open it, every later task of the contract
// failed, the next sync took the fast path and kept it, and the victim
// served it on. Now the victim's enclave checks the state first
// (CheckState), refuses it and takes the next peer's; a poisoned state
// already stored (by an older version) is found when a task fails on it,
// and fetched again.
func TestAttackPoisonStateSync(t *testing.T) {
	t.Parallel()
	s := syncSetup(t)
	liar := &syncPeer{Node: s.liarNode, export: func(exp *worker.StateExport) {
		exp.State.Data = append([]byte(nil), exp.State.Data...)
		exp.State.Data[len(exp.State.Data)/2] ^= 0x01
	}}
	s.d.Directory().Add(liar) // in the liar worker's place: asked first

	if out := s.output("get()", ""); out != "v1" {
		t.Fatalf("get on the victim after the sync: %q, want v1", out)
	}
	if liar.exports.Load() == 0 {
		t.Fatal("the liar was not asked: the test did not play the attack")
	}
	got := syncStateOpens(s.network, s.victimHost, s.contract)
	honest, err := s.honestHst.Store.State(s.ctx, s.contract)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Data, honest.Data) {
		t.Fatal("the victim stored another state than the honest peer's")
	}

	// A tampered state stored by an earlier version, under the right delta.
	bad := *got
	bad.Data = append([]byte(nil), got.Data...)
	bad.Data[len(bad.Data)/3] ^= 0x01
	if err := s.victimHost.Store.PutState(s.ctx, s.contract, &bad); err != nil {
		t.Fatal(err)
	}
	before := liar.exports.Load()
	if out := s.output("store(bytes)", "v2"); out != "v2" {
		t.Fatalf("store on the victim with a poisoned stored state: %q, want v2", out)
	}
	if liar.exports.Load() == before {
		t.Fatal("the victim did not fetch the state again")
	}
	if out := s.output("get()", ""); out != "v2" {
		t.Fatalf("get after the resync: %q, want v2", out)
	}
	syncStateOpens(s.network, s.victimHost, s.contract)
}

// Attack: a peer answers a sync request for contract C with C's genuine
// deltas and code labelled as another contract X, the address of a user's
// next deployment (predictable: keccak256(sender, nonce)). Before, Import
// stored them under X, and the user's deploy at X then failed on the
// victim (the address was taken). Now a reply for another contract than
// the one asked for is refused whole.
func TestAttackSyncReplyForAnotherContract(t *testing.T) {
	t.Parallel()
	s := syncSetup(t)
	nonce, err := s.e.UserTaskDeployments(s.ctx, s.user(1).Address)
	if err != nil {
		t.Fatal(err)
	}
	next := compat.TaskID(s.user(1).Address, nonce) // user 1's next deployment
	liar := &syncPeer{Node: s.liarNode, export: func(exp *worker.StateExport) { exp.Range.Contract = next }}
	s.d.Directory().Add(liar)

	if out := s.output("get()", ""); out != "v1" {
		t.Fatalf("get on the victim after the sync: %q, want v1", out)
	}
	if liar.exports.Load() == 0 {
		t.Fatal("the liar was not asked: the test did not play the attack")
	}
	if _, err := s.victimHost.Store.Tip(s.ctx, next); api.CodeOf(err) != api.CodeNotFound {
		t.Fatalf("the victim's store holds something under %s: %v", next, err)
	}
	if _, err := s.victimHost.Store.Code(s.ctx, next); api.CodeOf(err) != api.CodeNotFound {
		t.Fatalf("the victim's store holds code under %s: %v", next, err)
	}
	task, err := s.client(1).Deploy(s.ctx, testcontract.Contract(), "construct(bytes)", client.RawArgs("mine"))
	if st := s.run(task, err); st != api.ChainReceiptVerified {
		t.Fatalf("user 1's deployment: status %s", st)
	}
	if task.Contract != next {
		t.Fatalf("user 1's deployment is at %s, not the %s the attacker aimed at", task.Contract, next)
	}
}

// syncIdentityNode is a node that answers identity challenges with an
// enclave of its own, whatever signer it claims.
type syncIdentityNode struct {
	worker.Node
	claims api.EthAddress
	enc    enclave.Enclave
	n      *network
}

func (p *syncIdentityNode) Signer() api.EthAddress { return p.claims }

func (p *syncIdentityNode) ProveIdentity(ctx context.Context, nonce [32]byte, transport []byte) ([65]byte, error) {
	r, err := p.enc.PeerIdentity(ctx, &enclave.PeerIdentityRequest{ChainID: p.n.e.Client().ChainID().Uint64(),
		EnigmaContract: api.EthAddress(p.n.e.Addresses().Enigma), Nonce: nonce, Transport: transport})
	if err != nil {
		return [65]byte{}, err
	}
	return [65]byte(r.Signature), nil
}

// syncHost starts a libp2p host of the devnet's network whose identity
// answers come from prove, bootstrapped to boot.
func syncHost(t *testing.T, n *network, role p2p.Role, prove p2p.Prover, boot []string) *p2p.Host {
	t.Helper()
	principal, err := n.e.Principal(n.ctx)
	if err != nil {
		t.Fatal(err)
	}
	cfg := p2p.DefaultConfig()
	cfg.Listen, cfg.Bootstrap, cfg.Role, cfg.Prove, cfg.Registry = []string{"/ip4/127.0.0.1/tcp/0"}, boot, role, prove, n.e
	cfg.Network = netOf(n)
	cfg.Principal, cfg.DiscoverEvery = api.EthAddress(principal), time.Second
	h, err := p2p.New(n.ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close() })
	return h
}

// syncProver answers identity challenges as node claims, with its
// enclave's signature over whatever transport it is asked to sign for.
func syncProver(node *syncIdentityNode) p2p.Prover {
	return func(ctx context.Context, nonce [32]byte, transport []byte) (api.EthAddress, [65]byte, error) {
		sig, err := node.ProveIdentity(ctx, nonce, transport)
		return node.claims, sig, err
	}
}

// Attack: a node claims to be a registered worker (to receive the tasks
// forwarded to it, to be asked for state and results, to be blamed in its
// place) — with its own enclave, with no registration at all, or by
// relaying the real worker's answers. Before, a peer was whoever it said
// it was. Now a worker or gateway challenges it with a fresh nonce, its
// enclave must sign the challenge for the claimed signer and the URL it is
// listed by, and the signer must be registered on the Enigma contract.
func TestAttackImpersonatePeer(t *testing.T) {
	t.Parallel()
	n := start(t, 0)
	ctx := n.ctx
	signers := n.d.Workers()
	real, _ := n.d.Directory().Node(signers[0])
	other, _ := n.d.Directory().Node(signers[1])
	v := worker.NewPeerVerifier(n.e)
	if err := v.Verify(ctx, real, nil); err != nil {
		t.Fatalf("a registered worker in process: %v", err)
	}
	// Worker 1's host claims worker 0's identity; its enclave is its own.
	impostor := &syncIdentityNode{Node: other, claims: signers[0], enc: n.d.WorkerHost(1).Enclave, n: n}
	if err := v.Verify(ctx, impostor, nil); api.CodeOf(err) != api.CodeBadSignature {
		t.Fatalf("an impostor in process: %v, want CodeBadSignature", err)
	}
	// A genuine enclave that never registered.
	fresh := newEnclave(t, n, filepath.Join(t.TempDir(), "seal.key"), nil)
	unregistered := &syncIdentityNode{Node: other, claims: fresh.Address(), enc: fresh, n: n}
	if err := v.Verify(ctx, unregistered, nil); api.CodeOf(err) != api.CodeNotFound {
		t.Fatalf("an unregistered enclave: %v, want CodeNotFound", err)
	}

	// Over the network: only the real worker is listed; the impostor, the
	// unregistered enclave and a relay of the real worker's answers are
	// not, and the impostor and the relay are banned.
	self := &syncIdentityNode{Node: real, claims: signers[0], enc: n.d.WorkerHost(0).Enclave, n: n}
	realHost := syncHost(t, n, p2p.RoleWorker, syncProver(self), nil)
	realHost.ServeWorker(real)
	relay := syncHost(t, n, p2p.RoleWorker, func(ctx context.Context, nonce [32]byte, _ []byte) (api.EthAddress, [65]byte, error) {
		// It has the real enclave sign for the real worker's peer id,
		// as a relay of the real worker's answers gets.
		sig, err := self.ProveIdentity(ctx, nonce, []byte(realHost.ID()))
		return signers[0], sig, err
	}, nil)
	relay.ServeWorker(real)
	impostorHost := syncHost(t, n, p2p.RoleWorker, syncProver(impostor), nil)
	impostorHost.ServeWorker(impostor)
	unregHost := syncHost(t, n, p2p.RoleWorker, syncProver(unregistered), nil)
	unregHost.ServeWorker(unregistered)
	var boot []string
	for _, h := range []*p2p.Host{impostorHost, unregHost, relay, realHost} {
		boot = append(boot, h.Addrs()[0])
	}
	gw := syncHost(t, n, p2p.RoleClient, nil, boot)
	nd, ok := gw.Node(signers[0])
	for end := time.Now().Add(20 * time.Second); !ok && time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		nd, ok = gw.Node(signers[0])
	}
	if !ok {
		t.Fatal("the real worker is not listed")
	}
	if err := v.Verify(ctx, nd, []byte(realHost.ID())); err != nil {
		t.Fatalf("the worker listed for %s is not the real one: %v", signers[0], err)
	}
	if listed := gw.Nodes(); len(listed) != 1 {
		t.Fatalf("the gateway lists %d workers, want only the real one", len(listed))
	}
	if nd, ok := gw.Node(unregistered.claims); ok {
		t.Fatalf("the unregistered enclave is listed: %v", nd)
	}
	for name, h := range map[string]*p2p.Host{"the impostor": impostorHost, "the relay": relay} {
		if !gw.Banned(h.ID()) {
			t.Errorf("%s is not banned", name)
		}
	}
}

// syncOrdered is a directory that lists its nodes in the order given, so
// the test decides which peer answers first.
type syncOrdered []worker.Node

func (d syncOrdered) Node(s api.EthAddress) (worker.Node, bool) {
	for _, n := range d {
		if n.Signer() == s {
			return n, true
		}
	}
	return nil, false
}

func (d syncOrdered) Nodes() []worker.Node { return d }

// Attack: a peer answers the gateway's getTaskResult first with a result
// of its own: another output (an older ciphertext of the same user), or a
// delta the chain never took. Before, the gateway reported the first
// result any worker offered, so the user could not read their result.
// Now the gateway checks each against the task's record on chain (status,
// output hash, delta hash), skips what does not match and reports the
// honest worker's result.
func TestAttackLieAboutTaskResult(t *testing.T) {
	t.Parallel()
	n := start(t, 0)
	ctx := n.ctx
	c := n.client(0)
	sc := n.deploy(c, "v0")
	task, err := c.Compute(ctx, sc, "store(bytes)", client.RawArgs("v1"))
	if st := n.run(task, err); st != api.ChainReceiptVerified {
		t.Fatalf("store: status %s", st)
	}
	ran, _ := n.d.Directory().Node(api.EthAddress(task.Worker))
	honest, err := ran.TaskResult(ctx, task.ID)
	if err != nil || honest == nil || honest.Delta == nil {
		t.Fatalf("the worker's own result: %+v, %v", honest, err)
	}
	older, err := ran.TaskResult(ctx, sc) // the deployment's output, to the same user
	if err != nil || older == nil {
		t.Fatalf("the deployment's result: %+v, %v", older, err)
	}
	lies := map[string]func(r *workerapi.TaskResult) *workerapi.TaskResult{
		"an older output": func(r *workerapi.TaskResult) *workerapi.TaskResult {
			f := *r
			f.Output = older.Output
			return &f
		},
		"a delta the chain never took": func(r *workerapi.TaskResult) *workerapi.TaskResult {
			f := *r
			f.Delta = &workerapi.Delta{Index: r.Delta.Index, Data: []byte("forged delta"), Hash: compat.Keccak256([]byte("forged delta"))}
			return &f
		},
		"a failure": func(r *workerapi.TaskResult) *workerapi.TaskResult {
			f := *r
			f.Status, f.Delta = api.StatusFailed, nil
			return &f
		},
	}
	for name, lie := range lies {
		liar := &syncPeer{Node: ran, result: lie}
		r := worker.NewRouter(syncOrdered{liar, ran}, n.e, workerapi.Info{}, nil)
		got, err := r.TaskResult(ctx, task.ID)
		if err != nil || got == nil || !bytes.Equal(got.Output, honest.Output) || got.Status != api.StatusSuccess || got.Delta == nil || got.Delta.Hash != honest.Delta.Hash {
			t.Errorf("%s first: reported the liar's result (%v), not the honest one", name, err)
		}
		r = worker.NewRouter(syncOrdered{liar}, n.e, workerapi.Info{}, nil)
		if got, err := r.TaskResult(ctx, task.ID); got != nil || api.CodeOf(err) != api.CodeUnavailable {
			t.Errorf("%s alone: reported a result (%v), want none (CodeUnavailable)", name, err)
		}
	}

	// Through the devnet's gateway, the other worker lies; the user reads
	// their own output.
	for _, w := range n.d.Workers() {
		if w == api.EthAddress(task.Worker) {
			continue
		}
		real, _ := n.d.Directory().Node(w)
		n.d.Directory().Add(&syncPeer{Node: real, result: func(*workerapi.TaskResult) *workerapi.TaskResult {
			f := *honest
			f.Output = older.Output
			return &f
		}})
		defer n.d.Directory().Add(real)
	}
	out, err := task.Output(ctx)
	if err != nil || string(out) != "v1" {
		t.Fatalf("the user's output through the gateway: %q, %v", out, err)
	}
}
