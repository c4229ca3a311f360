package p2p

import (
	"context"
	"crypto/ecdsa"
	"encoding/binary"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	ethcrypto "github.com/ethereum/go-ethereum/crypto"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain/bindings"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/internal/worker"
	"github.com/enigma-go/enigma/internal/workerapi"
)

// The tests run real libp2p hosts on loopback; the chain's registry and
// the enclaves are stood in for by keys and a map.

var testNet = Network{ChainID: 1337, Enigma: api.EthAddress{0xe1}}

type registry struct {
	mu  sync.Mutex
	reg map[common.Address]bool
}

func (r *registry) set(a api.EthAddress, on bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.reg[common.Address(a)] = on
}

func (r *registry) WorkerFromSigningAddress(_ context.Context, s common.Address) (bindings.GetWorkerFromSigningAddressOutput, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.reg[s] {
		return bindings.GetWorkerFromSigningAddressOutput{}, nil
	}
	return bindings.GetWorkerFromSigningAddressOutput{Arg0: common.Address{1}, Arg1: bindings.EnigmaWorker{Signer: s, Status: 2}}, nil
}

func prover(k *ecdsa.PrivateKey) Prover {
	return func(_ context.Context, nonce [32]byte, transport []byte) (api.EthAddress, [65]byte, error) {
		sig, err := compat.Sign(k, enclave.PeerIdentityHash(testNet.ChainID, testNet.Enigma, nonce, transport))
		return api.EthAddress(ethcrypto.PubkeyToAddress(k.PublicKey)), sig, err
	}
}

type net struct {
	t         *testing.T
	reg       *registry
	kmKey     *ecdsa.PrivateKey
	principal api.EthAddress
}

func newNet(t *testing.T) *net {
	k, _ := ethcrypto.GenerateKey()
	return &net{t: t, reg: &registry{reg: map[common.Address]bool{}}, kmKey: k, principal: api.EthAddress(ethcrypto.PubkeyToAddress(k.PublicKey))}
}

func (n *net) host(role Role, key *ecdsa.PrivateKey, boot []string, tweak ...func(*Config)) *Host {
	n.t.Helper()
	cfg := DefaultConfig()
	cfg.Listen = []string{"/ip4/127.0.0.1/tcp/0"}
	cfg.Network, cfg.Role, cfg.Registry, cfg.Principal, cfg.Bootstrap = testNet, role, n.reg, n.principal, boot
	cfg.DiscoverEvery = time.Second
	if key != nil {
		cfg.Prove = prover(key)
	}
	for _, f := range tweak {
		f(&cfg)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	h, err := New(ctx, cfg)
	if err != nil {
		n.t.Fatal(err)
	}
	n.t.Cleanup(func() { h.Close() })
	return h
}

// fakeWorker is a worker.Node that records what it was asked.
type fakeWorker struct {
	signer api.EthAddress
	mu     sync.Mutex
	got    []string
}

func (f *fakeWorker) note(s string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.got = append(f.got, s)
}

func (f *fakeWorker) Signer() api.EthAddress { return f.signer }
func (f *fakeWorker) TaskKey(_ context.Context, u [64]byte, _ [32]byte) (workerapi.WorkerKey, error) {
	f.note("taskkey")
	return workerapi.WorkerKey{PublicKey: u, Signature: []byte{1, 2}}, nil
}
func (f *fakeWorker) EpochKey(context.Context) (workerapi.EpochKey, error) {
	return workerapi.EpochKey{Epoch: 7}, nil
}
func (f *fakeWorker) SubmitDeploy(context.Context, *workerapi.DeployRequest) error {
	f.note("deploy")
	return nil
}
func (f *fakeWorker) SubmitCompute(_ context.Context, r *workerapi.ComputeRequest) error {
	f.note("compute")
	if r.TaskID == (api.TaskID{9}) {
		return api.Errorf(api.CodeNotSelected, "not selected")
	}
	return nil
}
func (f *fakeWorker) SubmitV2(context.Context, *workerapi.V2Request) error { return nil }
func (f *fakeWorker) SubmitBatched(context.Context, *workerapi.BatchedRequest) error {
	f.note("batched")
	return nil
}
func (f *fakeWorker) BatchedTask(context.Context, api.TaskID) (*workerapi.BatchedTask, error) {
	return nil, nil
}
func (f *fakeWorker) Query(_ context.Context, r *workerapi.QueryRequest) (*workerapi.QueryResult, error) {
	f.note("query")
	if r.Nonce == 9 {
		return nil, api.Errorf(api.CodeReplay, "replayed")
	}
	return &workerapi.QueryResult{Status: workerapi.QueryFailed, Response: append([]byte("sealed:"), r.Request...), GasUsed: 7, Epoch: r.Nonce}, nil
}
func (f *fakeWorker) TaskResult(_ context.Context, id api.TaskID) (*workerapi.TaskResult, error) {
	if id == (api.TaskID{}) {
		return nil, nil
	}
	return &workerapi.TaskResult{TaskID: id, Status: api.StatusSuccess, Output: []byte("out")}, nil
}
func (f *fakeWorker) ExportState(_ context.Context, c api.ContractAddress, from uint32) (*worker.StateExport, error) {
	f.note("export")
	return &worker.StateExport{Range: &state.DeltaRange{Contract: c, From: from}}, nil
}
func (f *fakeWorker) ProveIdentity(context.Context, [32]byte, []byte) ([65]byte, error) {
	return [65]byte{}, errors.New("not used")
}

func newKey(t *testing.T) (*ecdsa.PrivateKey, api.EthAddress) {
	k, err := ethcrypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return k, api.EthAddress(ethcrypto.PubkeyToAddress(k.PublicKey))
}

func eventually(t *testing.T, what string, f func() bool) {
	t.Helper()
	for end := time.Now().Add(20 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		if f() {
			return
		}
	}
	t.Fatalf("%s: not within 20 s", what)
}

// A gateway that knows only the key manager finds a worker that joined
// later through the DHT, reaches its client protocol, and is refused its
// state; another registered worker gets the state.
func TestDiscoveryAndAccess(t *testing.T) {
	n := newNet(t)
	km := n.host(RoleKM, n.kmKey, nil)
	boot := km.Addrs()
	wk1, w1 := newKey(t)
	n.reg.set(w1, true)
	h1 := n.host(RoleWorker, wk1, boot)
	fw := &fakeWorker{signer: w1}
	h1.ServeWorker(fw)
	gw := n.host(RoleClient, nil, boot)

	var node worker.Node
	eventually(t, "the gateway finds the worker", func() bool {
		var ok bool
		node, ok = gw.Node(w1)
		return ok
	})
	ctx := context.Background()
	k, err := node.TaskKey(ctx, [64]byte{5}, [32]byte{})
	if err != nil || k.PublicKey != [64]byte{5} {
		t.Fatalf("task key: %v %v", k, err)
	}
	if err := node.SubmitCompute(ctx, &workerapi.ComputeRequest{TaskID: api.TaskID{9}}); api.CodeOf(err) != api.CodeNotSelected {
		t.Fatalf("the worker's error did not come back with its code: %v", err)
	}
	res, err := node.TaskResult(ctx, api.TaskID{3})
	if err != nil || res == nil || string(res.Output) != "out" {
		t.Fatalf("result: %+v %v", res, err)
	}
	if res, err := node.TaskResult(ctx, api.TaskID{}); err != nil || res != nil {
		t.Fatalf("a task not seen: %+v %v", res, err)
	}
	// A query goes to the worker and its answer comes back whole; its
	// refusal keeps its code.
	q, err := node.Query(ctx, &workerapi.QueryRequest{Nonce: 4, Request: []byte{1, 2}, Signature: [65]byte{64: 27}})
	if err != nil || q.Status != workerapi.QueryFailed || string(q.Response) != "sealed:\x01\x02" || q.GasUsed != 7 || q.Epoch != 4 {
		t.Fatalf("query: %+v %v", q, err)
	}
	if _, err := node.Query(ctx, &workerapi.QueryRequest{Nonce: 9}); api.CodeOf(err) != api.CodeReplay {
		t.Fatalf("a query's refusal did not come back with its code: %v", err)
	}
	if _, err := node.ExportState(ctx, api.ContractAddress{1}, 0); api.CodeOf(err) != api.CodeNotSelected {
		t.Fatalf("a gateway got a contract's state: %v", err)
	}
	wk2, w2 := newKey(t)
	n.reg.set(w2, true)
	h2 := n.host(RoleWorker, wk2, boot)
	eventually(t, "a worker finds the other", func() bool { _, ok := h2.Node(w1); return ok })
	other, _ := h2.Node(w1)
	x, err := other.ExportState(ctx, api.ContractAddress{1}, 4)
	if err != nil || x.Range.From != 4 {
		t.Fatalf("a worker's state sync: %+v %v", x, err)
	}
	if len(gw.Nodes()) != 2 {
		eventually(t, "the gateway lists both workers", func() bool { return len(gw.Nodes()) == 2 })
	}
}

// A worker whose signer is not registered is not served as one, until
// the chain lists it.
func TestUnregisteredWorker(t *testing.T) {
	n := newNet(t)
	km := n.host(RoleKM, n.kmKey, nil)
	wk, w := newKey(t)
	h := n.host(RoleWorker, wk, km.Addrs())
	h.ServeWorker(&fakeWorker{signer: w})
	gw := n.host(RoleClient, nil, km.Addrs())
	time.Sleep(500 * time.Millisecond)
	if _, ok := gw.Node(w); ok {
		t.Fatal("an unregistered worker was listed")
	}
	n.reg.set(w, true)
	eventually(t, "the worker, once registered", func() bool { _, ok := gw.Node(w); return ok })
}

// A node that claims another worker's signer with a signature made for
// another peer id (relayed) is banned and disconnected.
func TestRelayedIdentityIsBanned(t *testing.T) {
	n := newNet(t)
	km := n.host(RoleKM, n.kmKey, nil)
	wk, w := newKey(t)
	n.reg.set(w, true)
	honest := n.host(RoleWorker, wk, nil)
	// The liar relays the honest worker's answers, signed for the honest
	// worker's peer id.
	liar := n.host(RoleWorker, wk, nil, func(c *Config) {
		c.Prove = func(ctx context.Context, nonce [32]byte, _ []byte) (api.EthAddress, [65]byte, error) {
			return prover(wk)(ctx, nonce, []byte(honest.ID()))
		}
	})
	ctx := context.Background()
	_ = liar.host.Connect(ctx, addrInfo(km))
	eventually(t, "the liar is banned", func() bool { return km.scores.isBanned(liar.ID()) })
	if _, ok := km.peerOf(w); ok {
		t.Fatal("the liar's claim was recorded")
	}
	if err := liar.host.Connect(ctx, addrInfo(km)); err == nil {
		eventually(t, "the banned liar is disconnected", func() bool { return len(km.host.Network().ConnsToPeer(liar.ID())) == 0 })
	}
}

// Malformed frames and floods earn a ban.
func TestMalformedFramesBan(t *testing.T) {
	n, h, bad := workerAndStranger(t)
	ctx := context.Background()
	for i := 0; i < 10 && !h.scores.isBanned(bad.ID()); i++ {
		_, err := bad.call(ctx, h.ID(), ProtoWorker, methodCompute, []byte("{not json"), maxSmallFrame)
		if i == 0 && api.CodeOf(err) != api.CodeInvalidInput {
			t.Fatalf("a malformed request: %v", err)
		}
	}
	if !h.scores.isBanned(bad.ID()) {
		t.Fatal("a peer sending malformed requests was not banned")
	}
	if _, err := bad.call(ctx, h.ID(), ProtoWorker, methodTaskResult, []byte(`{}`), maxSmallFrame); api.CodeOf(err) != api.CodeUnavailable {
		t.Fatalf("a banned peer was served: %v", err)
	}
	// A flood beyond the rate.
	flood := n.host(RoleClient, nil, nil)
	h.scores.mu.Lock() // the connection gater reads them meanwhile
	h.scores.limits.RequestBurst = 5
	h.scores.limits.RequestsPerSecond = 1
	h.scores.points = map[peerID]*standing{}
	h.scores.mu.Unlock()
	_ = flood.host.Connect(ctx, addrInfo(h))
	for i := 0; i < 200 && !h.scores.isBanned(flood.ID()); i++ {
		_, _ = flood.call(ctx, h.ID(), ProtoWorker, methodTaskResult, []byte(`{}`), maxSmallFrame)
	}
	if !h.scores.isBanned(flood.ID()) {
		t.Fatal("a flooding peer was not banned")
	}
}

// The key manager serves state keys to registered workers only, and its
// simulated attestation to anyone; a worker finds it by its principal.
func TestKeyManagerAccess(t *testing.T) {
	n := newNet(t)
	km := n.host(RoleKM, n.kmKey, nil)
	ks := &fakeKeys{}
	km.ServeKeyManager(ks, attestor{})
	wk, w := newKey(t)
	n.reg.set(w, true)
	h := n.host(RoleWorker, wk, km.Addrs())
	ctx := context.Background()
	kmc := h.KeyManager()
	if _, err := kmc.GetStateKeys(ctx, &enclave.StateKeysRequest{}); err != nil {
		t.Fatalf("a registered worker's state keys: %v", err)
	}
	sig, err := kmc.Attest(ctx, []byte("report"))
	if err != nil || len(sig) != 65 {
		t.Fatalf("attest: %v", err)
	}
	gw := n.host(RoleClient, nil, km.Addrs())
	c := gw.KeyManager()
	c.RetryFor = 0
	eventually(t, "the gateway identifies the key manager", func() bool { _, ok := gw.peerOf(n.principal); return ok })
	if _, err := c.GetStateKeys(ctx, &enclave.StateKeysRequest{}); api.CodeOf(err) != api.CodeNotSelected {
		t.Fatalf("a client got state keys: %v", err)
	}
	if ks.calls != 1 {
		t.Fatalf("the key manager was asked %d times", ks.calls)
	}
	// A node claiming to be the key manager with another key is not it.
	fakeKM, _ := newKey(t)
	impostor := n.host(RoleKM, fakeKM, nil)
	_ = impostor.host.Connect(ctx, addrInfo(h))
	eventually(t, "the impostor is banned", func() bool { return h.scores.isBanned(impostor.ID()) })
}

type fakeKeys struct{ calls int }

func (f *fakeKeys) GetStateKeys(context.Context, *enclave.StateKeysRequest) (*enclave.StateKeysReply, error) {
	f.calls++
	return &enclave.StateKeysReply{}, nil
}

type attestor struct{}

func (attestor) Attest(context.Context, []byte) ([]byte, error) { return make([]byte, 65), nil }

// A worker's announced result reaches a gateway; a client's is refused.
func TestResultGossip(t *testing.T) {
	n := newNet(t)
	km := n.host(RoleKM, n.kmKey, nil)
	wk, w := newKey(t)
	n.reg.set(w, true)
	h := n.host(RoleWorker, wk, km.Addrs())
	gw := n.host(RoleClient, nil, km.Addrs())
	eventually(t, "the gateway identifies the worker", func() bool { _, ok := gw.peerOf(w); return ok })
	eventually(t, "the gateway meshes with the worker", func() bool { return len(h.ps.ListPeers(h.gossip.results.String())) > 0 })
	id := api.TaskID{0x42}
	eventually(t, "the announced result arrives", func() bool {
		h.AnnounceResult(&workerapi.TaskResult{TaskID: id, Status: api.StatusSuccess, Output: []byte("x")})
		return gw.AnnouncedResult(id) != nil
	})
	// A client peer's announcement is rejected by the worker.
	other := api.TaskID{0x43}
	gw.AnnounceResult(&workerapi.TaskResult{TaskID: other, Status: api.StatusSuccess})
	time.Sleep(500 * time.Millisecond)
	if h.AnnouncedResult(other) != nil {
		t.Fatal("a client's announced result was taken")
	}
	eventually(t, "the epoch announcement arrives", func() bool {
		km.AnnounceEpoch(EpochNotice{FirstBlock: 10})
		e := h.LastEpoch()
		return e != nil && e.FirstBlock == 10
	})
}

type peerID = peer.ID

func addrInfo(h *Host) peer.AddrInfo { return peer.AddrInfo{ID: h.ID(), Addrs: h.host.Addrs()} }

// A frame whose length prefix exceeds the protocol's bound is refused
// before it is read, and four of them ban the sender.
func TestOversizedFrameRefused(t *testing.T) {
	_, h, bad := workerAndStranger(t)
	ctx := context.Background()
	for i := 0; i < 4; i++ {
		s, err := bad.host.NewStream(ctx, h.ID(), ProtoSync)
		if err != nil {
			break // banned already
		}
		// A length of 1 GiB, then a few bytes: the server must not wait
		// for (or allocate) the rest.
		prefix := binary.AppendUvarint(nil, 1<<30)
		_, _ = s.Write(append(prefix, 1, 2, 3))
		_ = s.SetReadDeadline(time.Now().Add(5 * time.Second))
		buf := make([]byte, 1)
		if _, err := s.Read(buf); err == nil {
			t.Fatal("the server answered an oversized frame")
		}
		s.Close()
	}
	eventually(t, "the sender of oversized frames is banned", func() bool { return h.Banned(bad.ID()) })
}

// workerAndStranger starts a registered worker serving a fake node and a
// client peer connected to it.
func workerAndStranger(t *testing.T) (n *net, h, bad *Host) {
	t.Helper()
	n = newNet(t)
	wk, w := newKey(t)
	n.reg.set(w, true)
	h = n.host(RoleWorker, wk, nil)
	h.ServeWorker(&fakeWorker{signer: w})
	bad = n.host(RoleClient, nil, nil)
	if err := bad.host.Connect(context.Background(), addrInfo(h)); err != nil {
		t.Fatal(err)
	}
	return n, h, bad
}
