package worker_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"github.com/enigma-go/enigma/internal/workerapi"
	"math/big"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cockroachdb/pebble/v2/vfs"
	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/chain/chaintest"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/enclave/sim"
	"github.com/enigma-go/enigma/internal/enclave/testcontract"
	"github.com/enigma-go/enigma/internal/km"
	"github.com/enigma-go/enigma/internal/selection"
	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/internal/vm"
	"github.com/enigma-go/enigma/internal/worker"
)

// network is a key manager and workers on a dev chain, without a gateway
// server: tests call the Router, the gateway's backend, directly.
type network struct {
	t       testing.TB
	chain   *chaintest.Node
	enigma  *chain.Enigma
	dir     *worker.Nodes
	router  *worker.Router
	workers []*worker.Worker
	user    chain.Account
	epochSz uint64
	km      *km.KeyManager
	stores  []*state.PebbleStore // worker i's store
	// What a restart of worker i starts from: its enclave's configuration
	// (seal key file) and sealed blob, its store's configuration, its
	// worker configuration.
	encs      []*sim.Worker
	encCfgs   []sim.Config
	sealed    [][]byte
	storeCfgs []state.Config
	cfgs      []worker.Config
}

// netOptions adjusts startNetwork.
type netOptions struct {
	configure func(*worker.Config) // each worker's configuration, when not nil
	crashable bool                 // stores on crashable in-memory file systems (crash images)
	now       func() time.Time     // the workers' and their stores' clock, when not nil
}

const timeoutEpochs = 1

func startNetwork(t testing.TB, ctx context.Context, workers int) *network {
	t.Helper()
	return startNetworkWith(t, ctx, workers, nil)
}

// startNetworkWith is startNetwork with each worker's configuration
// adjusted by configure (when not nil).
func startNetworkWith(t testing.TB, ctx context.Context, workers int, configure func(*worker.Config)) *network {
	t.Helper()
	return startNetworkOpts(t, ctx, workers, netOptions{configure: configure})
}

func startNetworkOpts(t testing.TB, ctx context.Context, workers int, opt netOptions) *network {
	t.Helper()
	node := chaintest.DevChain(t, nil)
	cc := chain.TestConfig()
	cc.RPCURL = node.URL
	client, err := chain.Dial(ctx, cc)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(client.Close)
	tmp := t.TempDir()
	attest, _ := compat.GenerateKey(rand.Reader)
	kc := sim.DefaultConfig()
	kc.SealKeyFile = filepath.Join(tmp, "km.seal")
	attestor := sim.NewAttestor(attest)
	kmEnc, err := sim.NewKeyManager(kc)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { kmEnc.Close() })
	accs := node.Accounts
	owner := chain.NodeAccount(accs[0].Address)
	n := &network{t: t, chain: node, dir: worker.NewNodes(), epochSz: 20, user: chain.NodeAccount(accs[workers+1].Address)}
	n.enigma, err = client.DeployContracts(ctx, owner, chain.DeployParams{Principal: common.Address(kmEnc.Address()),
		EpochSize: n.epochSz, TimeoutEpochs: timeoutEpochs, SimAttestation: chain.SimAttestation{
			Signer: common.Address(attestor.Address()), Measurement: kc.Measurement, MinSecurityVersion: kc.SecurityVersion}})
	if err != nil {
		t.Fatal(err)
	}
	var rest []common.Address
	for _, a := range accs[1:] {
		rest = append(rest, a.Address)
	}
	if err := n.enigma.FundENG(ctx, owner, rest, big.NewInt(1e15)); err != nil {
		t.Fatal(err)
	}
	kcfg := km.DefaultConfig()
	kcfg.Enclave, kcfg.Enigma, kcfg.Account = kmEnc, n.enigma, owner
	kmNode, err := km.New(ctx, kcfg)
	if err != nil {
		t.Fatal(err)
	}
	engine, err := vm.NewEngine(ctx, vm.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { engine.Close(context.Background()) })
	for i := range workers {
		wc := kc
		wc.SealKeyFile, wc.KeyManager, wc.Runner = filepath.Join(tmp, "w.seal"+string(rune('0'+i))), kmEnc.Address(), sim.NewVMRunner(engine)
		enc, err := sim.NewWorker(wc)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { enc.Close() })
		sc := state.TestConfig()
		if opt.crashable {
			sc.FS = vfs.NewCrashableMem()
		}
		sc.Now = opt.now
		store, err := state.Open(sc, nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { store.Close() })
		custodian := chain.NodeAccount(accs[i+1].Address)
		if _, err := worker.Join(ctx, n.enigma, custodian, enc, attestor, big.NewInt(1e11), nil); err != nil {
			t.Fatal(err)
		}
		sealed, err := enc.Seal(ctx, &enclave.SealRequest{})
		if err != nil {
			t.Fatal(err)
		}
		cfg := worker.DefaultConfig()
		cfg.Enclave, cfg.Store, cfg.Enigma, cfg.Account, cfg.KeyManager, cfg.Directory = enc, store, n.enigma, custodian, kmNode, n.dir
		cfg.RecordWait, cfg.Now = 300*time.Millisecond, opt.now
		if opt.configure != nil {
			opt.configure(&cfg)
		}
		n.encs, n.encCfgs, n.sealed, n.storeCfgs, n.cfgs = append(n.encs, enc), append(n.encCfgs, wc), append(n.sealed, sealed.Blob), append(n.storeCfgs, sc), append(n.cfgs, cfg)
		w, err := worker.New(ctx, cfg)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { w.Close() })
		n.workers = append(n.workers, w)
		n.stores = append(n.stores, store)
		n.dir.Add(w)
	}
	n.km = kmNode
	if set, err := kmNode.NewEpoch(ctx); err != nil || !set {
		t.Fatalf("first epoch: set %v, %v", set, err)
	}
	n.router = worker.NewRouter(n.dir, n.enigma, workerapi.Info{PeerID: "test", Status: "running"}, nil)
	return n
}

// task is one task as a compat client sends it.
type task struct {
	id       api.TaskID
	contract api.ContractAddress
	key      [32]byte
	worker   api.EthAddress
	deploy   *workerapi.DeployRequest
	compute  *workerapi.ComputeRequest
}

// newTask creates the task record of a task for contract (a deploy when
// code is set) and returns the submission, not yet sent.
func (n *network) newTask(ctx context.Context, user *ecdsa.PrivateKey, contract api.ContractAddress, code []byte, fn string, args []byte, gasLimit uint64) *task {
	return n.newTaskFor(ctx, user, contract, code, fn, args, gasLimit, api.EthAddress{})
}

// newTaskFor is newTask encrypting to and naming worker w instead of the
// selected worker when w is not zero.
func (n *network) newTaskFor(ctx context.Context, user *ecdsa.PrivateKey, contract api.ContractAddress, code []byte, fn string, args []byte, gasLimit uint64, w api.EthAddress) *task {
	t := n.t
	t.Helper()
	e := n.enigma
	nonce, err := e.UserTaskDeployments(ctx, n.user.Address)
	if err != nil {
		t.Fatal(err)
	}
	tk := &task{id: compat.TaskID(n.user.Address, nonce), contract: contract}
	if code != nil {
		tk.contract = tk.id
	}
	head, _ := e.Client().BlockNumber(ctx)
	first, err := e.FirstBlockNumber(ctx, head)
	if err != nil {
		t.Fatal(err)
	}
	tk.worker = n.selected(ctx, tk.contract)
	if w != (api.EthAddress{}) {
		tk.worker = w
	}
	wk, err := n.router.WorkerEncryptionKey(ctx, tk.worker, compat.PublicKeyBytes(&user.PublicKey))
	if err != nil {
		t.Fatal(err)
	}
	if tk.key, err = compat.DeriveKeyFromBytes(user, wk.PublicKey[:]); err != nil {
		t.Fatal(err)
	}
	encFn, _ := compat.Encrypt(tk.key, []byte(fn), rand.Reader)
	encArgs, _ := compat.Encrypt(tk.key, args, rand.Reader)
	pub := compat.PublicKeyBytes(&user.PublicKey)
	if _, err := e.ApproveEnigma(ctx, n.user, new(big.Int).SetUint64(gasLimit)); err != nil {
		t.Fatal(err)
	}
	if code != nil {
		h := compat.Keccak256(code)
		inputs := compat.InputsHash(encFn, encArgs, h[:], pub[:])
		if _, err := e.CreateDeploymentTaskRecord(ctx, n.user, inputs, gasLimit, 1, first, nonce); err != nil {
			t.Fatal(err)
		}
		tk.deploy = &workerapi.DeployRequest{ContractAddress: tk.id, Worker: tk.worker, PreCode: code, EncryptedFn: encFn, EncryptedArgs: encArgs, UserPubKey: pub}
		return tk
	}
	inputs := compat.InputsHash(encFn, encArgs, contract[:], pub[:])
	if _, err := e.CreateTaskRecord(ctx, n.user, inputs, gasLimit, 1, first); err != nil {
		t.Fatal(err)
	}
	tk.compute = &workerapi.ComputeRequest{TaskID: tk.id, Worker: tk.worker, ContractAddress: contract, EncryptedFn: encFn, EncryptedArgs: encArgs, UserPubKey: pub}
	return tk
}

// deploy deploys the test contract (its state "v0") and fails the test
// unless the deployment is verified on chain.
func (n *network) deploy(ctx context.Context, user *ecdsa.PrivateKey) *task {
	n.t.Helper()
	dep, r, _, st := n.run(ctx, user, api.ContractAddress{}, testcontract.Contract(), "construct(bytes)", []byte("v0"), 1_000_000)
	if r.Status != api.StatusSuccess || st != 2 {
		n.t.Fatalf("deploy: %s, on chain %d", r.Status, st)
	}
	return dep
}

// selected is the worker selected for contract at the head block.
func (n *network) selected(ctx context.Context, contract api.ContractAddress) api.EthAddress {
	n.t.Helper()
	head, _ := n.enigma.Client().BlockNumber(ctx)
	p, err := n.enigma.WorkerParams(ctx, head)
	if err != nil {
		n.t.Fatal(err)
	}
	sel, err := selection.SelectOne(selection.Params{FirstBlock: p.Arg0.Uint64(), Seed: p.Arg1, Workers: p.Arg2, Stakes: p.Arg3}, contract)
	if err != nil {
		n.t.Fatal(err)
	}
	return api.EthAddress(sel)
}

func (n *network) submit(ctx context.Context, tk *task) error {
	if tk.deploy != nil {
		return n.router.SubmitDeploy(ctx, tk.deploy)
	}
	return n.router.SubmitCompute(ctx, tk.compute)
}

// wait polls the task's result until it is final and returns it with the
// decrypted output (nil when it does not open) and the on-chain status.
func (n *network) wait(ctx context.Context, tk *task) (*workerapi.TaskResult, []byte, uint8) {
	n.t.Helper()
	for {
		r, err := n.router.TaskResult(ctx, tk.id)
		if err != nil {
			n.t.Fatal(err)
		}
		if r != nil && r.Status.Final() {
			rec, err := n.enigma.TaskRecord(ctx, tk.id)
			if err != nil {
				n.t.Fatal(err)
			}
			out, _ := compat.Decrypt(tk.key, r.Output)
			return r, out, rec.Status
		}
		select {
		case <-ctx.Done():
			n.t.Fatalf("task %s did not end: %+v", tk.id, r)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func (n *network) run(ctx context.Context, user *ecdsa.PrivateKey, contract api.ContractAddress, code []byte, fn string, args []byte, gas uint64) (*task, *workerapi.TaskResult, []byte, uint8) {
	n.t.Helper()
	tk := n.newTask(ctx, user, contract, code, fn, args, gas)
	if err := n.submit(ctx, tk); err != nil {
		n.t.Fatalf("%s: %v", fn, err)
	}
	r, out, st := n.wait(ctx, tk)
	return tk, r, out, st
}

func TestTasksEndOnChain(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	announced := make(chan *workerapi.TaskResult, 64)
	n := startNetworkWith(t, ctx, 2, func(c *worker.Config) {
		c.Announce = func(r *workerapi.TaskResult) {
			select {
			case announced <- r:
			default:
			}
		}
	})
	user, _ := compat.GenerateKey(rand.Reader)

	dep := n.deploy(ctx, user)
	sc := dep.contract

	id, r, out, st := n.run(ctx, user, sc, nil, "store", []byte("hello"), 1_000_000)
	if r.Status != api.StatusSuccess || st != 2 || string(out) != "hello" || r.Delta == nil {
		t.Fatalf("store: %s, chain %d, output %q, delta %v", r.Status, st, out, r.Delta)
	}
	// The worker announced the task's final result (the p2p layer gossips
	// it to the gateways).
	for found := false; !found; {
		select {
		case a := <-announced:
			found = a.TaskID == id.id && a.Status == api.StatusSuccess && a.Delta != nil
		case <-ctx.Done():
			t.Fatal("the store task's result was not announced")
		}
	}
	if c, _ := n.enigma.CountStateDeltas(ctx, sc); c != 2 {
		t.Fatalf("deltas on chain: %d, want 2", c)
	}
	if _, r, out, _ = n.run(ctx, user, sc, nil, "get", nil, 1_000_000); string(out) != "hello" {
		t.Fatalf("get: %s %q", r.Status, out)
	}
	for _, fn := range []string{"loop", "xunknown"} {
		if _, r, _, st = n.run(ctx, user, sc, nil, fn, nil, 100_000); r.Status != api.StatusFailed || st != 3 {
			t.Errorf("%s: %s, chain %d; want FAILED, 3", fn, r.Status, st)
		}
	}

	// Sent to the worker that was not selected: forwarded, and the selected
	// worker's enclave cannot open it.
	other := n.workers[0].Signer()
	if sel := n.selected(ctx, sc); other == sel {
		other = n.workers[1].Signer()
	}
	tk := n.newTaskFor(ctx, user, sc, nil, "get", nil, 1_000_000, other)
	if err := n.submit(ctx, tk); err != nil {
		t.Fatal(err)
	}
	if r, _, st := n.wait(ctx, tk); r.Status != api.StatusFailed || st != 3 {
		t.Errorf("wrong worker: %s, chain %d; want FAILED, 3", r.Status, st)
	}

	// Inputs that are not the record's are refused at submission.
	tk = n.newTask(ctx, user, sc, nil, "get", nil, 1_000_000)
	tk.compute.EncryptedArgs = append([]byte{}, tk.compute.EncryptedFn...)
	if err := n.submit(ctx, tk); api.CodeOf(err) != api.CodeInputsMismatch {
		t.Errorf("altered inputs: %v, want CodeInputsMismatch", err)
	}
	// A task without a record is refused.
	bogus := *tk.compute
	bogus.TaskID = api.TaskID{1}
	if err := n.router.SubmitCompute(ctx, &bogus); api.CodeOf(err) != api.CodeNotFound {
		t.Errorf("no record: %v, want CodeNotFound", err)
	}
	if r, err := n.router.TaskResult(ctx, api.TaskID{2}); r != nil || err != nil {
		t.Errorf("unknown task: %v %v", r, err)
	}
}

// A task whose selected worker is down is refused at once, and its fee is
// returned after the timeout.
func TestWorkerDownTaskIsRefundable(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	n := startNetwork(t, ctx, 2)
	user, _ := compat.GenerateKey(rand.Reader)
	dep := n.deploy(ctx, user)
	tk := n.newTask(ctx, user, dep.contract, nil, "get", nil, 1_000_000)
	for _, w := range n.workers {
		if w.Signer() == tk.worker {
			n.dir.Remove(w.Signer())
			w.Close()
		}
	}
	err := n.submit(ctx, tk)
	if code := api.CodeOf(err); code != api.CodeUnavailable || !strings.Contains(err.Error(), "not running") {
		t.Fatalf("submission to a stopped worker: %v", err)
	}
	rec, _ := n.enigma.TaskRecord(ctx, tk.id)
	if rec.Status != 1 {
		t.Fatalf("status %d, want 1", rec.Status)
	}
	timeout, err := n.enigma.TaskTimeoutSize(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := n.enigma.Client().WaitForBlock(ctx, rec.BlockNumber.Uint64()+timeout+1); err != nil {
		t.Fatal(err)
	}
	if _, err := n.enigma.ReturnFeesForTask(ctx, n.user, tk.id); err != nil {
		t.Fatal(err)
	}
	if rec, _ = n.enigma.TaskRecord(ctx, tk.id); rec.Status != 5 {
		t.Fatalf("status after refund %d, want 5", rec.Status)
	}
}

var _ enclave.Enclave = (*sim.Worker)(nil)

// When an epoch selects another worker for a contract, that worker fetches
// the contract's deltas and state from the one that ran it before.
func TestStateFollowsTheContractAcrossEpochs(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	n := startNetwork(t, ctx, 2)
	user, _ := compat.GenerateKey(rand.Reader)
	dep := n.deploy(ctx, user)
	sc := dep.contract
	if _, r, _, _ := n.run(ctx, user, sc, nil, "store", []byte("kept"), 1_000_000); r.Status != api.StatusSuccess {
		t.Fatal(r.Status)
	}
	first := n.selected(ctx, sc)
	for _, w := range n.workers {
		if w.Signer() != first {
			n.moveTo(ctx, sc, w.Signer())
		}
	}
	_, r, out, st := n.run(ctx, user, sc, nil, "get", nil, 1_000_000)
	if r.Status != api.StatusSuccess || st != 2 || string(out) != "kept" {
		t.Fatalf("after the move: %s, chain %d, output %q", r.Status, st, out)
	}

	// The first worker stored a task whose receipt never reached the chain
	// (it stopped in between): when the contract comes back to it, it
	// takes the other worker's state at the chain's last delta.
	i := 0
	if n.workers[1].Signer() == first {
		i = 1
	}
	tip, err := n.stores[i].Tip(ctx, sc)
	if err != nil {
		t.Fatal(err)
	}
	lost := &state.TaskCommit{PrevHash: tip.Hash, Delta: &state.Delta{Index: tip.Index + 1, Data: []byte("a delta the chain never took")}, State: []byte("its state"),
		Result: state.TaskResult{TaskID: api.TaskID{9}, Contract: sc, Kind: state.KindCompute, Status: api.StatusSuccess}}
	if err := n.stores[i].CommitTask(ctx, lost); err != nil {
		t.Fatal(err)
	}
	n.moveTo(ctx, sc, first)
	if _, r, out, _ = n.run(ctx, user, sc, nil, "get", nil, 1_000_000); r.Status != api.StatusSuccess || string(out) != "kept" {
		t.Fatalf("back on the first worker: %s %q", r.Status, out)
	}
	_, r, out, _ = n.run(ctx, user, sc, nil, "store", []byte("again"), 1_000_000)
	if r.Status != api.StatusSuccess || string(out) != "again" {
		t.Fatalf("store after the move: %s %q", r.Status, out)
	}
	if c, _ := n.enigma.CountStateDeltas(ctx, sc); c != 3 {
		t.Fatalf("deltas on chain: %d, want 3", c)
	}
}

// A task record mined in the same block as, and before, the next epoch's
// setWorkersParams belongs to the epoch before: the contract stored that one
// with it, the client selected with it, and so must the worker.
func TestRecordInTheBlockThatStartsAnEpoch(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	n := startNetwork(t, ctx, 2)
	user, _ := compat.GenerateKey(rand.Reader)
	dep := n.deploy(ctx, user)
	sc, e, dev := dep.contract, n.enigma, n.chain.Dev
	for attempt := 1; ; attempt++ {
		st, _ := e.EpochState(ctx)
		if err := e.Client().WaitForBlock(ctx, st.FirstBlock.Uint64()+n.epochSz); err != nil {
			t.Fatal(err)
		}
		// Everything but the record, while blocks still come.
		sel := n.selected(ctx, sc)
		nonce, _ := e.UserTaskDeployments(ctx, n.user.Address)
		wk, err := n.router.WorkerEncryptionKey(ctx, sel, compat.PublicKeyBytes(&user.PublicKey))
		if err != nil {
			t.Fatal(err)
		}
		key, _ := compat.DeriveKeyFromBytes(user, wk.PublicKey[:])
		encFn, _ := compat.Encrypt(key, []byte("get"), rand.Reader)
		encArgs, _ := compat.Encrypt(key, nil, rand.Reader)
		pub := compat.PublicKeyBytes(&user.PublicKey)
		if _, err := e.ApproveEnigma(ctx, n.user, big.NewInt(1_000_000)); err != nil {
			t.Fatal(err)
		}
		// The record first, then the epoch, both in one block.
		dev.Pause()
		recErr := make(chan error, 1)
		go func() {
			_, err := e.CreateTaskRecord(ctx, n.user, compat.InputsHash(encFn, encArgs, sc[:], pub[:]), 1_000_000, 1, st.FirstBlock.Uint64())
			recErr <- err
		}()
		waitPending(t, ctx, e, n.user.Address)
		epochErr := make(chan error, 1)
		go func() {
			_, err := n.km.NewEpoch(ctx)
			epochErr <- err
		}()
		waitPending(t, ctx, e, n.chain.Accounts[0].Address)
		dev.Mine()
		dev.Resume()
		if err := <-recErr; err != nil {
			t.Fatal(err)
		}
		if err := <-epochErr; err != nil {
			t.Fatal(err)
		}
		id := compat.TaskID(n.user.Address, nonce)
		rec, _ := e.TaskRecord(ctx, id)
		now, _ := e.EpochState(ctx)
		if rec.BlockNumber.Cmp(now.FirstBlock) != 0 {
			t.Fatalf("the record (block %v) and the epoch (block %v) are not in one block", rec.BlockNumber, now.FirstBlock)
		}
		tk := &task{id: id, contract: sc, key: key, worker: sel, compute: &workerapi.ComputeRequest{
			TaskID: id, Worker: sel, ContractAddress: sc, EncryptedFn: encFn, EncryptedArgs: encArgs, UserPubKey: pub}}
		if err := n.submit(ctx, tk); err != nil {
			t.Fatal(err)
		}
		if r, out, st := n.wait(ctx, tk); r.Status != api.StatusSuccess || st != 2 || string(out) != "v0" {
			t.Fatalf("task: %s, chain %d, output %q", r.Status, st, out)
		}
		// The case matters when the new epoch selects another worker.
		if n.selected(ctx, sc) != sel || attempt == 6 {
			return
		}
	}
}

// moveTo sets new epochs until worker w is selected for contract (each
// epoch draws anew; with two equal stakes a contract moves with
// probability 1/2 per epoch).
func (n *network) moveTo(ctx context.Context, contract api.ContractAddress, w api.EthAddress) {
	n.t.Helper()
	for i := 0; n.selected(ctx, contract) != w; i++ {
		if i == 16 {
			n.t.Fatalf("worker %s was never selected for %s", w, contract)
		}
		st, _ := n.enigma.EpochState(ctx)
		if err := n.enigma.Client().WaitForBlock(ctx, st.FirstBlock.Uint64()+n.epochSz); err != nil {
			n.t.Fatal(err)
		}
		if set, err := n.km.NewEpoch(ctx); err != nil || !set {
			n.t.Fatalf("new epoch: %v %v", set, err)
		}
	}
}

// waitPending returns once addr has a transaction waiting in the pool.
func waitPending(t *testing.T, ctx context.Context, e *chain.Enigma, addr common.Address) {
	t.Helper()
	eth := e.Client().Eth()
	mined, err := eth.NonceAt(ctx, addr, nil)
	if err != nil {
		t.Fatal(err)
	}
	for {
		pending, err := eth.PendingNonceAt(ctx, addr)
		if err != nil {
			t.Fatal(err)
		}
		if pending > mined {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatal("no transaction reached the pool")
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// workerOf is the worker whose signing address is signer, and its index.
func (n *network) workerOf(signer api.EthAddress) (*worker.Worker, int) {
	n.t.Helper()
	for i, w := range n.workers {
		if w.Signer() == signer {
			return w, i
		}
	}
	n.t.Fatalf("no worker %s", signer)
	return nil, 0
}

// until polls cond until it holds, failing the test when ctx ends first.
func until(t *testing.T, ctx context.Context, what string, cond func() bool) {
	t.Helper()
	for !cond() {
		select {
		case <-ctx.Done():
			t.Fatalf("gave up waiting for %s", what)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// A receipt whose wait times out may still be mined: the worker keeps the
// task's delta, reports the task in progress, checks the chain until it
// knows, and runs the contract's next task (accepted meanwhile) on top of
// that delta. Before, it rolled the delta back: the chain then held a
// delta no worker had, and the contract could never run again.
func TestReceiptWaitTimeoutKeepsTheDelta(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	n := startNetworkWith(t, ctx, 2, func(c *worker.Config) { c.ReceiptTimeout = 300 * time.Millisecond })
	user, _ := compat.GenerateKey(rand.Reader)
	dep := n.deploy(ctx, user)
	sc := dep.contract

	// Both records first: no block may be mined once the receipt is sent.
	first := n.newTask(ctx, user, sc, nil, "store", []byte("kept"), 1_000_000)
	second := n.newTask(ctx, user, sc, nil, "get", nil, 1_000_000)
	w, i := n.workerOf(first.worker)
	before := w.Stats()
	dev := n.chain.Dev
	dev.Pause()
	defer dev.Resume()
	if err := n.submit(ctx, first); err != nil {
		t.Fatal(err)
	}
	until(t, ctx, "the receipt wait to end", func() bool {
		s := w.Stats()
		return s.Unsettled > before.Unsettled || s.HostFailures > before.HostFailures
	})
	if s := w.Stats(); s.HostFailures > before.HostFailures {
		t.Fatalf("the worker gave the task up when its receipt wait timed out: %+v", s)
	}
	if err := n.submit(ctx, second); err != nil {
		t.Fatal(err)
	}
	tip, err := n.stores[i].Tip(ctx, sc)
	if err != nil || tip.Index != 1 {
		t.Fatalf("tip while the receipt's outcome is unknown: %+v %v; want the task's delta 1 kept", tip, err)
	}
	for _, tk := range []*task{first, second} {
		r, err := w.TaskResult(ctx, tk.id)
		if err != nil || r == nil || r.Status != api.StatusInProgress {
			t.Fatalf("task result while the receipt is in the pool: %+v %v; want INPROGRESS", r, err)
		}
	}
	if err := n.submit(ctx, first); err != nil {
		t.Fatalf("resubmission of a task whose receipt is out: %v", err)
	}

	dev.Resume()
	r, out, st := n.wait(ctx, first)
	if r.Status != api.StatusSuccess || st != 2 || string(out) != "kept" || r.Delta == nil || r.Delta.Index != 1 {
		t.Fatalf("first task: %s, chain %d, output %q, delta %+v", r.Status, st, out, r.Delta)
	}
	r, out, st = n.wait(ctx, second)
	if r.Status != api.StatusSuccess || st != 2 || string(out) != "kept" {
		t.Fatalf("the contract's next task: %s, chain %d, output %q", r.Status, st, out)
	}
	until(t, ctx, "the outcome to be recorded", func() bool {
		r, _ := w.TaskResult(ctx, first.id)
		return r != nil && r.Status == api.StatusSuccess
	})
	// TaskResult reads the chain while the check is still under way: the
	// counters move once the background check has seen the outcome.
	until(t, ctx, "the background check to count the outcome", func() bool {
		s := w.Stats()
		return s.Succeeded >= before.Succeeded+2 || s.HostFailures > before.HostFailures
	})
	if s := w.Stats(); s.HostFailures != before.HostFailures || s.Succeeded != before.Succeeded+2 {
		t.Fatalf("stats %+v (before %+v): want two successes, no host failure", s, before)
	}
}

// A task the worker could not finish is not run again when resubmitted:
// it is refused at once, saying why.
func TestResubmittedFailedTaskIsRefused(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	n := startNetwork(t, ctx, 2)
	user, _ := compat.GenerateKey(rand.Reader)
	dep := n.deploy(ctx, user)
	tk := n.newTask(ctx, user, dep.contract, nil, "store", []byte("x"), 1_000_000)
	w, i := n.workerOf(tk.worker)
	// The host cannot store the task's result (here: its store already
	// holds one under the task's id), so it sends no receipt.
	blocker := &state.TaskCommit{Result: state.TaskResult{TaskID: tk.id, Contract: dep.contract, Kind: state.KindCompute, Status: api.StatusFailed}}
	if err := n.stores[i].CommitTask(ctx, blocker); err != nil {
		t.Fatal(err)
	}
	before := w.Stats()
	if err := n.submit(ctx, tk); err != nil {
		t.Fatal(err)
	}
	until(t, ctx, "the task to fail in the host", func() bool { return w.Stats().HostFailures > before.HostFailures })
	err := n.submit(ctx, tk)
	if api.CodeOf(err) != api.CodeReplay || !strings.Contains(err.Error(), "could not finish") {
		t.Fatalf("resubmission of a task the worker could not finish: %v; want CodeReplay saying so", err)
	}
	if s := w.Stats(); s.Accepted != before.Accepted+1 {
		t.Fatalf("accepted %d tasks, want 1", s.Accepted-before.Accepted)
	}
	if r, err := w.TaskResult(ctx, tk.id); err != nil || r == nil || r.Status != api.StatusFailed {
		t.Fatalf("task result: %+v %v; want FAILED", r, err)
	}
	if rec, _ := n.enigma.TaskRecord(ctx, tk.id); rec.Status != 1 {
		t.Fatalf("chain status %d, want 1 (open, refundable after the timeout)", rec.Status)
	}
}

// A worker that rolled back a delta the chain then took (its receipt was
// mined after all) still serves it, with the state at it, to the worker
// that runs the contract next.
func TestExportServesRolledBackDeltas(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	n := startNetwork(t, ctx, 2)
	user, _ := compat.GenerateKey(rand.Reader)
	sc := n.deploy(ctx, user).contract
	if _, r, _, _ := n.run(ctx, user, sc, nil, "store", []byte("taken"), 1_000_000); r.Status != api.StatusSuccess {
		t.Fatal(r.Status)
	}
	ran, i := n.workerOf(n.selected(ctx, sc))
	h0, err := n.enigma.StateDeltaHash(ctx, sc, 0)
	if err != nil {
		t.Fatal(err)
	}
	// As state sync does after a restart while the receipt was in the pool.
	if err := n.stores[i].RollbackTo(ctx, sc, 0, &state.StateBlob{Index: 0, Hash: api.Hash(h0), Data: []byte("a state at delta 0")}); err != nil {
		t.Fatal(err)
	}
	exp, err := ran.ExportState(ctx, sc, 1)
	if err != nil {
		t.Fatal(err)
	}
	h1, _ := n.enigma.StateDeltaHash(ctx, sc, 1)
	if exp.Range.From != 1 || exp.Range.To != 1 || len(exp.Range.Deltas) != 1 || exp.Range.Deltas[0].Hash != api.Hash(h1) ||
		exp.State.Index != 1 || exp.State.Hash != api.Hash(h1) {
		t.Fatalf("export from 1: range %d..%d (%d deltas), state at %d %s; want delta 1 %s and the state at it",
			exp.Range.From, exp.Range.To, len(exp.Range.Deltas), exp.State.Index, exp.State.Hash, api.Hash(h1))
	}
	for _, w := range n.workers {
		if w != ran {
			n.moveTo(ctx, sc, w.Signer())
		}
	}
	if _, r, out, _ := n.run(ctx, user, sc, nil, "get", nil, 1_000_000); r.Status != api.StatusSuccess || string(out) != "taken" {
		t.Fatalf("the next worker, synced from the rolled-back one: %s %q", r.Status, out)
	}
}
