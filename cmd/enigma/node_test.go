package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/chain/chaintest"
	"github.com/enigma-go/enigma/internal/chain/devchain"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/enclave/testcontract"
	"github.com/enigma-go/enigma/internal/node"
	"github.com/enigma-go/enigma/sdk/client"
)

// TestNodeRolesAsProcesses runs the key manager, two workers and the
// gateway as separate processes of the enigma binary on a dev chain that
// runs in the test, and drives them through the gateway with the client
// SDK. Workers log out and in so the test knows which one is selected:
//
//   - only worker0 is logged in: a contract is deployed and its state set
//     (compat envelope);
//   - only worker1: it runs the contract (v2 envelope) after fetching its
//     state from worker0 over the network; a task sent to worker0 is
//     forwarded to worker1, whose enclave cannot open it: failure receipt;
//   - worker1 is killed while its receipt is on the way: the task stays
//     open on chain and the gateway refuses the contract's next task.
//
// The other processes then stop on SIGTERM, and `enigma bench nodes
// --quick` runs.
func TestNodeRolesAsProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the enigma binary and starts four node processes")
	}
	bin := buildEnigma(t)
	ctx, cancel := context.WithTimeout(context.Background(), 80*time.Second)
	defer cancel()
	chainNode := chaintest.DevChain(t, nil)
	var accs []common.Address
	for _, a := range chainNode.Accounts {
		accs = append(accs, a.Address)
	}
	// Each worker reaches the chain through a proxy that can hold its
	// transactions, so the test can stop a worker between its execution
	// and its receipt.
	proxies := []*holdProxy{newHoldProxy(t, chainNode.URL), newHoldProxy(t, chainNode.URL)}
	// 3-second epochs: short enough to wait for, long enough for a task.
	nn, err := startNodeNet(ctx, nodeNetOptions{Bin: bin, Dir: t.TempDir(), ChainURL: chainNode.URL, Accounts: accs,
		WorkerChainURL: func(i int) string { return proxies[i].url }, EpochSize: 30, TimeoutEpochs: 4, LogLevel: "debug"})
	if nn != nil {
		defer nn.Close()
		t.Cleanup(func() {
			if t.Failed() {
				t.Log(nn.Logs(60))
			}
		})
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"km", "worker0", "worker1", "gateway"} {
		t.Logf("startup of %-8s %6.2fs (process start to serving)", name, nn.Started[name].Seconds())
	}
	if err := nn.WaitFirstEpoch(ctx); err != nil {
		t.Fatal(err)
	}
	e := bindEnigma(t, ctx, chainNode.URL, nn.Procs["km"].Info)
	w0, w1 := *nn.Procs["worker0"].Info.Signer, *nn.Procs["worker1"].Info.Signer
	custodian := make([]chain.Account, 2)
	for i := range custodian {
		r, err := devchain.RoleAccount(devchain.DefaultMnemonic, devchain.RoleWorker(i))
		if err != nil {
			t.Fatal(err)
		}
		custodian[i] = chain.KeyAccount(r.Key)
	}

	cc := client.TestConfig()
	cc.ChainRPC, cc.Gateway, cc.AddressesFile = chainNode.URL, nn.Procs["gateway"].Info.URL, filepath.Join(nn.KMDir, "addresses.json")
	cc.Account, cc.Envelope = accs[3].Hex(), client.EnvelopeCompat
	cc.DeployGasLimit, cc.ComputeGasLimit, cc.WaitTimeout = 2_000_000, 1_000_000, 30*time.Second
	c, err := client.New(ctx, cc)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()

	// Only worker0.
	if _, err := e.Logout(ctx, custodian[1]); err != nil {
		t.Fatal(err)
	}
	waitEpochOf(t, ctx, e, w0)
	dep, err := c.Deploy(ctx, testcontract.Contract(), "construct(bytes)", client.RawArgs("v0"))
	if err != nil {
		t.Fatal(err)
	}
	mustSucceed(t, ctx, dep)
	store, err := c.Compute(ctx, dep.Contract, "store(bytes)", client.RawArgs("v1"))
	if err != nil {
		t.Fatal(err)
	}
	if out := mustSucceed(t, ctx, store); string(out) != "v1" {
		t.Fatalf("store returned %q, want v1", out)
	}
	if api.EthAddress(dep.Worker) != w0 || api.EthAddress(store.Worker) != w0 {
		t.Fatalf("tasks ran on %s and %s, want worker0 %s", dep.Worker, store.Worker, w0)
	}

	// Only worker1, which has never seen the contract.
	if _, err := e.Login(ctx, custodian[1]); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Logout(ctx, custodian[0]); err != nil {
		t.Fatal(err)
	}
	waitEpochOf(t, ctx, e, w1)
	get, err := c.WithEnvelope(client.EnvelopeV2).Compute(ctx, dep.Contract, "get()")
	if err != nil {
		t.Fatal(err)
	}
	if out := mustSucceed(t, ctx, get); string(out) != "v1" || api.EthAddress(get.Worker) != w1 {
		t.Fatalf("get on %s returned %q, want v1 from worker1 %s after state sync", get.Worker, out, w1)
	}
	if status := misroutedTask(t, ctx, e, nn.Procs["gateway"].Info.URL, chain.NodeAccount(accs[4]), dep.Contract, w0); status != api.ChainReceiptFailed {
		t.Fatalf("a task sent to the worker not selected ended with chain status %s, want a failure receipt", status)
	}

	// Kill worker1 once its receipt is on the way.
	proxies[1].hold()
	lost, err := c.Compute(ctx, dep.Contract, "store(bytes)", client.RawArgs("v2"))
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-proxies[1].held:
	case <-ctx.Done():
		t.Fatalf("worker1 never sent the receipt of task %s", lost.ID)
	}
	nn.Procs["worker1"].Kill()
	head, err := e.Client().BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Client().WaitForBlock(ctx, head+5); err != nil {
		t.Fatal(err)
	}
	st, err := lost.Status(ctx)
	if err != nil || st.Chain != api.ChainRecordCreated {
		t.Fatalf("the killed worker's task: %v, %v; want it open on chain (status 1)", st, err)
	}
	_, err = c.Compute(ctx, dep.Contract, "get()")
	if api.CodeOf(err) != api.CodeUnavailable || !strings.Contains(err.Error(), "not reachable") {
		t.Fatalf("a task for the killed worker's contract: %v (code %d); want CodeUnavailable naming the unreachable worker", err, api.CodeOf(err))
	}
	t.Logf("refused as expected: %v", err)
	// A client that already holds the worker's key is refused the same way.
	reply := gatewayCall(t, ctx, nn.Procs["gateway"].Info.URL, "sendTaskInput", map[string]string{
		"taskId": api.Hash{1}.Hex(), "workerAddress": w1.Hex(), "contractAddress": dep.Contract.Hex(),
		"encryptedFn": strings.Repeat("00", 32), "encryptedArgs": strings.Repeat("00", 32), "userDHKey": strings.Repeat("ab", 64)})
	if reply.Error == nil || reply.Error.Data.Code != api.CodeUnavailable || !strings.Contains(reply.Error.Message, "not reachable") {
		t.Fatalf("sendTaskInput to the killed worker: %+v", reply.Error)
	}

	// The others stop cleanly on SIGTERM.
	for _, name := range []string{"gateway", "worker0", "km"} {
		if err := nn.Procs[name].Stop(15 * time.Second); err != nil {
			t.Error(err)
		}
	}

	out, err := exec.CommandContext(ctx, bin, "bench", "nodes", "--quick", "--json").Output()
	if err != nil {
		t.Fatalf("enigma bench nodes: %v", err)
	}
	var bench map[string]any
	if err := json.Unmarshal(out, &bench); err != nil {
		t.Fatalf("bench output %q: %v", out, err)
	}
	for _, f := range []string{"start_s_km", "start_s_worker0", "start_s_gateway", "start_s_first_epoch"} {
		if v, ok := bench[f].(float64); !ok || v <= 0 {
			t.Errorf("bench field %s = %v", f, bench[f])
		}
	}
}

func bindEnigma(t *testing.T, ctx context.Context, chainURL string, km node.Info) *chain.Enigma {
	t.Helper()
	cc := chain.TestConfig()
	cc.RPCURL = chainURL
	ch, err := chain.Dial(ctx, cc)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(ch.Close)
	return ch.Bind(chain.Addresses{Enigma: *km.Enigma, Token: *km.Token})
}

// waitEpochOf waits for an epoch whose only worker is signer.
func waitEpochOf(t *testing.T, ctx context.Context, e *chain.Enigma, signer api.EthAddress) {
	t.Helper()
	for {
		head, err := e.Client().BlockNumber(ctx)
		if err != nil {
			t.Fatal(err)
		}
		p, err := e.WorkerParams(ctx, head)
		if err == nil && len(p.Arg2) == 1 && api.EthAddress(p.Arg2[0]) == signer {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("no epoch with %s as its only worker", signer)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func TestNodeRejectsBadFlags(t *testing.T) {
	for _, args := range [][]string{{"--no-such-flag"}, {"--role", "miner"}, {"--role", "worker", "--listen", "127.0.0.1:0"},
		{"--role", "gateway", "--listen", "127.0.0.1:0", "--peers", "127.0.0.1:3401"}, {"--role", "km", "extra"}} {
		if err := runNode(context.Background(), args); !errors.Is(err, errUsage) {
			t.Errorf("%v: got %v, want a usage error", args, err)
		}
	}
	if err := runNode(context.Background(), []string{"--config", filepath.Join(t.TempDir(), "missing.json")}); err == nil {
		t.Error("a missing config file was accepted")
	}
}

// buildEnigma builds this command once for the test.
func buildEnigma(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "enigma")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func mustSucceed(t *testing.T, ctx context.Context, task *client.Task) []byte {
	t.Helper()
	if _, err := task.Wait(ctx, nil); err != nil {
		t.Fatal(err)
	}
	out, err := task.Output(ctx)
	if err != nil {
		var te *client.TaskError
		if errors.As(err, &te) {
			t.Fatalf("task %s failed: %v", task.ID, te)
		}
		t.Fatal(err)
	}
	return out
}

// misroutedTask sends a compute task of contract, encrypted for worker,
// to worker through the gateway as enigma-js 0.3.0 would, and returns the
// task's final status on chain.
func misroutedTask(t *testing.T, ctx context.Context, e *chain.Enigma, gw string, user chain.Account, contract api.ContractAddress, worker api.EthAddress) api.ChainStatus {
	t.Helper()
	priv, err := compat.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	pub := compat.PublicKeyBytes(&priv.PublicKey)
	var key struct {
		Result struct {
			Key string `json:"workerEncryptionKey"`
		} `json:"result"`
	}
	r := gatewayCall(t, ctx, gw, "getWorkerEncryptionKey", map[string]string{"workerAddress": worker.Hex(), "userPubKey": hex.EncodeToString(pub[:])})
	if r.Error != nil || json.Unmarshal(r.Result, &key) != nil {
		t.Fatalf("getWorkerEncryptionKey: %+v %s", r.Error, r.Result)
	}
	wpub, _ := hex.DecodeString(key.Result.Key)
	k, err := compat.DeriveKeyFromBytes(priv, wpub)
	if err != nil {
		t.Fatal(err)
	}
	encFn, _ := compat.Encrypt(k, []byte("get()"), rand.Reader)
	encArgs, _ := compat.Encrypt(k, []byte{}, rand.Reader)
	inputs := compat.InputsHash(encFn, encArgs, contract[:], pub[:])

	const gasLimit = 1_000_000
	if _, err := e.ApproveEnigma(ctx, user, big.NewInt(gasLimit)); err != nil {
		t.Fatal(err)
	}
	var rec *chain.TaskRecord
	for attempt := 0; ; attempt++ {
		epoch, err := e.EpochState(ctx)
		if err != nil {
			t.Fatal(err)
		}
		rec, err = e.CreateTaskRecord(ctx, user, inputs, gasLimit, 1, epoch.FirstBlock.Uint64())
		var rev *chain.RevertError
		if err != nil && attempt < 2 && errors.As(err, &rev) && strings.Contains(rev.Reason, "Wrong epoch") {
			continue // the epoch changed before the record was mined
		}
		if err != nil {
			t.Fatal(err)
		}
		break
	}
	r = gatewayCall(t, ctx, gw, "sendTaskInput", map[string]string{"taskId": api.Hash(rec.TaskID).Hex(), "workerAddress": worker.Hex(),
		"encryptedFn": hex.EncodeToString(encFn), "encryptedArgs": hex.EncodeToString(encArgs), "contractAddress": contract.Hex(),
		"userDHKey": hex.EncodeToString(pub[:])})
	if r.Error != nil {
		t.Fatalf("sendTaskInput to the worker not selected: %+v", r.Error)
	}
	for {
		got, err := e.TaskRecord(ctx, rec.TaskID)
		if err != nil {
			t.Fatal(err)
		}
		if st := api.ChainStatus(got.Status); st.Final() {
			return st
		}
		select {
		case <-ctx.Done():
			t.Fatalf("the misrouted task %s got no receipt", api.Hash(rec.TaskID))
		case <-time.After(50 * time.Millisecond):
		}
	}
}

type rpcReply struct {
	Result json.RawMessage
	Error  *struct {
		Code    int
		Message string
		Data    struct{ Code api.Code }
	}
}

func gatewayCall(t *testing.T, ctx context.Context, url, method string, params any) rpcReply {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": 1, "method": method, "params": params})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r rpcReply
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		t.Fatal(err)
	}
	return r
}

// holdProxy forwards JSON-RPC to the chain; once hold is called it keeps
// back every transaction sent through it, and closes held at the first.
type holdProxy struct {
	url     string
	mu      sync.Mutex
	holding bool
	held    chan struct{}
	once    sync.Once
	release chan struct{}
}

func newHoldProxy(t *testing.T, target string) *holdProxy {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	rp := httputil.NewSingleHostReverseProxy(u)
	p := &holdProxy{held: make(chan struct{}), release: make(chan struct{})}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p.url = "http://" + ln.Addr().String()
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		p.mu.Lock()
		hold := p.holding && bytes.Contains(body, []byte(`"eth_send`))
		p.mu.Unlock()
		if hold {
			p.once.Do(func() { close(p.held) })
			select {
			case <-r.Context().Done(): // the sender is gone: the transaction never reaches the chain
			case <-p.release:
			}
			return
		}
		rp.ServeHTTP(w, r)
	})}
	go srv.Serve(ln)
	t.Cleanup(func() {
		close(p.release)
		srv.Close()
	})
	return p
}

func (p *holdProxy) hold() {
	p.mu.Lock()
	p.holding = true
	p.mu.Unlock()
}
