package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/chain/chaintest"
	"github.com/enigma-go/enigma/internal/enclave/testcontract"
	"github.com/enigma-go/enigma/internal/node"
	"github.com/enigma-go/enigma/sdk/client"
)

// TestNodeRolesAsProcesses runs the key manager, two workers and the
// gateway as separate processes of the enigma binary on a dev chain that
// runs in the test, drives a deploy and computes through the gateway with
// the client SDK, then kills the worker selected for the contract while
// its receipt is on the way: the task stays open on chain and the gateway
// refuses the contract's next task with a clear error.
func TestNodeRolesAsProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the enigma binary and starts four node processes")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 80*time.Second)
	defer cancel()
	bin := buildEnigma(t)
	chainNode := chaintest.DevChain(t, nil)
	dir := t.TempDir()
	kmAddr, gwAddr := freeAddr(t), freeAddr(t)
	wAddr := []string{freeAddr(t), freeAddr(t)}
	// Each worker reaches the chain through a proxy that can hold its
	// transactions, so the test can stop a worker between its execution
	// and its receipt.
	proxies := []*holdProxy{newHoldProxy(t, chainNode.URL), newHoldProxy(t, chainNode.URL)}

	kmDir := filepath.Join(dir, "km")
	cfgs := map[string]node.Config{
		"km": {Role: node.RoleKM, DataDir: kmDir, Listen: kmAddr, ChainRPC: chainNode.URL, ChainPoll: ms(25),
			EpochPoll: ms(100), EpochSize: 1000, TimeoutEpochs: 1, MinWorkers: 2, GatewayURL: "http://" + gwAddr, LogLevel: "debug"},
		"gateway": {Role: node.RoleGateway, Listen: gwAddr, Peers: []string{"http://" + wAddr[0], "http://" + wAddr[1]}, LogLevel: "debug"},
	}
	for i := range 2 {
		cfgs[fmt.Sprintf("worker%d", i)] = node.Config{Role: node.RoleWorker, DataDir: filepath.Join(dir, fmt.Sprintf("worker%d", i)),
			Listen: wAddr[i], ChainRPC: proxies[i].URL(), ChainPoll: ms(25), AddressesFile: filepath.Join(kmDir, "addresses.json"),
			Account: chainNode.Accounts[i+1].Address.Hex(), KeyManagerURL: "http://" + kmAddr, Peers: []string{"http://" + wAddr[1-i]},
			AttestationKeyFile: filepath.Join(kmDir, "attestation.key"), StakeENG: 1000, LogLevel: "debug"}
	}

	procs := map[string]*nodeProc{}
	startTimes := map[string]time.Duration{}
	launch := func(names ...string) {
		var wg sync.WaitGroup
		var mu sync.Mutex
		for _, name := range names {
			p := startNode(t, bin, dir, name, cfgs[name])
			procs[name] = p
			wg.Add(1)
			go func() {
				defer wg.Done()
				d := p.waitReady(t, ctx)
				mu.Lock()
				startTimes[name] = d
				mu.Unlock()
			}()
		}
		wg.Wait()
		if t.Failed() {
			t.FailNow()
		}
	}
	launch("km")
	launch("worker0", "worker1")
	launch("gateway")
	for _, name := range []string{"km", "worker0", "worker1", "gateway"} {
		t.Logf("startup of %-8s %6.2fs (process start to serving)", name, startTimes[name].Seconds())
	}

	cc := client.TestConfig()
	cc.ChainRPC, cc.Gateway, cc.AddressesFile = chainNode.URL, "http://"+gwAddr, filepath.Join(kmDir, "addresses.json")
	cc.Account, cc.Envelope = chainNode.Accounts[3].Address.Hex(), client.EnvelopeCompat
	cc.DeployGasLimit, cc.ComputeGasLimit, cc.WaitTimeout = 2_000_000, 1_000_000, 30*time.Second
	c, err := client.New(ctx, cc)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	waitFirstEpoch(t, ctx, chainNode.URL, procs["km"].info)

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
	// The same contract through envelope v2: epoch keys and v2 tasks
	// cross the wire too.
	get, err := c.WithEnvelope(client.EnvelopeV2).Compute(ctx, dep.Contract, "get()")
	if err != nil {
		t.Fatal(err)
	}
	if out := mustSucceed(t, ctx, get); string(out) != "v1" {
		t.Fatalf("get returned %q, want v1", out)
	}

	// Kill the selected worker once its receipt is on the way.
	victim, victimProxy := "", (*holdProxy)(nil)
	for i := range 2 {
		name := fmt.Sprintf("worker%d", i)
		if *procs[name].info.Signer == api.EthAddress(dep.Worker) {
			victim, victimProxy = name, proxies[i]
			victimProxy.hold()
		}
	}
	if victim == "" {
		t.Fatalf("no worker process signs as %s, the worker selected for the contract", dep.Worker)
	}
	lost, err := c.Compute(ctx, dep.Contract, "store(bytes)", client.RawArgs("v2"))
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-victimProxy.held:
	case <-ctx.Done():
		t.Fatalf("%s never sent the receipt of task %s", victim, lost.ID)
	}
	procs[victim].kill(t)
	head, err := chainNode.Dev.Client().BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := chainNode.Dev.WaitForBlock(ctx, head+5); err != nil {
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

	// The others stop cleanly on SIGTERM.
	for _, name := range []string{"gateway", "worker0", "worker1", "km"} {
		if name != victim {
			procs[name].stop(t)
		}
	}
}

func ms(n int) node.Duration { return node.Duration(time.Duration(n) * time.Millisecond) }

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

// freeAddr reserves a loopback port for a node that starts later.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// nodeProc is one `enigma node` process.
type nodeProc struct {
	name    string
	cmd     *exec.Cmd
	started time.Time
	lines   chan string // stdout
	exited  chan error
	logPath string
	info    node.Info
}

func startNode(t *testing.T, bin, dir, name string, cfg node.Config) *nodeProc {
	t.Helper()
	b, err := json.MarshalIndent(cfg, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	cfgPath := filepath.Join(dir, name+".json")
	if err := os.WriteFile(cfgPath, b, 0o600); err != nil {
		t.Fatal(err)
	}
	p := &nodeProc{name: name, lines: make(chan string, 16), exited: make(chan error, 1), logPath: filepath.Join(dir, name+".log")}
	logFile, err := os.Create(p.logPath)
	if err != nil {
		t.Fatal(err)
	}
	p.cmd = exec.Command(bin, "node", "--role", string(cfg.Role), "--config", cfgPath)
	p.cmd.Stderr = logFile
	stdout, err := p.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	p.started = time.Now()
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			select {
			case p.lines <- sc.Text():
			default:
			}
		}
		p.exited <- p.cmd.Wait()
		logFile.Close()
	}()
	t.Cleanup(func() {
		if p.cmd.ProcessState == nil {
			_ = p.cmd.Process.Kill()
			<-p.exited
		}
		if t.Failed() {
			b, _ := os.ReadFile(p.logPath)
			t.Logf("---- log of %s ----\n%s", name, tail(b, 60))
		}
	})
	return p
}

// waitReady waits for the node's JSON line on stdout and returns how long
// the process took to serve.
func (p *nodeProc) waitReady(t *testing.T, ctx context.Context) time.Duration {
	select {
	case line := <-p.lines:
		if err := json.Unmarshal([]byte(line), &p.info); err != nil || p.info.URL == "" {
			t.Errorf("%s printed %q, not its info line: %v", p.name, line, err)
		}
		return time.Since(p.started)
	case err := <-p.exited:
		p.exited <- err
		t.Errorf("%s exited before serving: %v", p.name, err)
	case <-ctx.Done():
		t.Errorf("%s did not start in time", p.name)
	}
	return 0
}

func (p *nodeProc) kill(t *testing.T) {
	t.Helper()
	if err := p.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-p.exited
	p.exited <- nil
}

// stop sends SIGTERM and expects a clean exit.
func (p *nodeProc) stop(t *testing.T) {
	t.Helper()
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-p.exited:
		p.exited <- err
		if err != nil {
			t.Errorf("%s did not stop cleanly: %v", p.name, err)
		}
	case <-time.After(15 * time.Second):
		t.Errorf("%s did not stop within 15s of SIGTERM", p.name)
	}
}

func tail(b []byte, lines int) string {
	s := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(s) > lines {
		s = s[len(s)-lines:]
	}
	return strings.Join(s, "\n")
}

// holdProxy forwards JSON-RPC to the chain; once hold is called it keeps
// back every transaction sent through it, and signals the first on held.
type holdProxy struct {
	srv     *http.Server
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
	p.srv = &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
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
				return
			case <-p.release:
				return
			}
		}
		rp.ServeHTTP(w, r)
	})}
	go p.srv.Serve(ln)
	t.Cleanup(func() {
		close(p.release)
		p.srv.Close()
	})
	return p
}

func (p *holdProxy) URL() string { return p.url }

func (p *holdProxy) hold() {
	p.mu.Lock()
	p.holding = true
	p.mu.Unlock()
}

// waitFirstEpoch waits for the key manager's first epoch, which it sets
// once both workers are logged in.
func waitFirstEpoch(t *testing.T, ctx context.Context, rpcURL string, km node.Info) {
	t.Helper()
	cc := chain.TestConfig()
	cc.RPCURL = rpcURL
	ch, err := chain.Dial(ctx, cc)
	if err != nil {
		t.Fatal(err)
	}
	defer ch.Close()
	e := ch.Bind(chain.Addresses{Enigma: *km.Enigma, Token: *km.Token})
	for {
		st, err := e.EpochState(ctx)
		if err == nil && st.Count.Sign() > 0 {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("the key manager set no epoch: %v", err)
		case <-time.After(100 * time.Millisecond):
		}
	}
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
