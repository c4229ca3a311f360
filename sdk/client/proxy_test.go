package client_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/devnet"
	"github.com/enigma-go/enigma/sdk/client"
)

// proxy stands between the client and the devnet's gateway and lets a
// test rewrite one method's reply, or answer it itself.
type proxy struct {
	mu      sync.Mutex
	target  string
	rewrite map[string]func(reply map[string]any) map[string]any
	answer  map[string]map[string]any // replies given without asking the gateway
	calls   map[string]int
}

func newProxy(t *testing.T, target string) (*proxy, string) {
	p := &proxy{target: target, rewrite: map[string]func(map[string]any) map[string]any{}, answer: map[string]map[string]any{}, calls: map[string]int{}}
	ts := httptest.NewServer(p)
	t.Cleanup(ts.Close)
	return p, ts.URL
}

func (p *proxy) set(method string, f func(map[string]any) map[string]any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.rewrite[method] = f
}

func (p *proxy) count(method string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.calls[method]
}

func (p *proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	var req struct {
		Method string `json:"method"`
	}
	json.Unmarshal(body, &req)
	p.mu.Lock()
	p.calls[req.Method]++
	f, canned := p.rewrite[req.Method], p.answer[req.Method]
	p.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	if canned != nil {
		json.NewEncoder(w).Encode(canned)
		return
	}
	resp, err := http.Post(p.target, "application/json", bytes.NewReader(body))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	var reply map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&reply); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	if f != nil {
		reply = f(reply)
	}
	json.NewEncoder(w).Encode(reply)
}

// inner returns the object holding the fields of a reply (compat methods
// nest it one level deeper).
func inner(reply map[string]any) map[string]any {
	r, _ := reply["result"].(map[string]any)
	if n, ok := r["result"].(map[string]any); ok {
		return n
	}
	return r
}

func flipHex(s string) string {
	if s == "" {
		return s
	}
	last := s[len(s)-1]
	repl := byte('0')
	if last == '0' {
		repl = '1'
	}
	return s[:len(s)-1] + string(repl)
}

// TestRefusesForeignKeys: a key not signed by the selected worker stops the
// task before anything is paid or recorded.
func TestRefusesForeignKeys(t *testing.T) {
	d := testNet(t)
	p, url := newProxy(t, d.GatewayURL())
	p.set("getWorkerEncryptionKey", func(r map[string]any) map[string]any {
		in := inner(r)
		in["workerEncryptionKey"] = flipHex(in["workerEncryptionKey"].(string))
		return r
	})
	p.set("v2_getEpochKey", func(r map[string]any) map[string]any {
		if in := inner(r); in != nil {
			in["publicKey"] = flipHex(in["publicKey"].(string))
			return r
		}
		return r
	})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for _, env := range []client.Envelope{client.EnvelopeCompat, client.EnvelopeV2} {
		c := newClient(t, d, 8, env, url)
		e := enigmaOf(t, ctx, d)
		before, _ := e.UserTaskDeployments(ctx, c.Address())
		_, err := c.Deploy(ctx, []byte("\x00asm\x01\x00\x00\x00"), "construct(uint256)", big.NewInt(1))
		if env == client.EnvelopeV2 && errors.Is(err, client.ErrNotSupported) {
			continue // the devnet does not serve v2 yet
		}
		if api.CodeOf(err) != api.CodeBadSignature {
			t.Fatalf("%s: err = %v (code %d), want a bad signature", env, err, api.CodeOf(err))
		}
		after, _ := e.UserTaskDeployments(ctx, c.Address())
		if before.Cmp(after) != 0 {
			t.Fatalf("%s: a task record was created (%v -> %v)", env, before, after)
		}
	}
}

func TestGatewayErrors(t *testing.T) {
	d := testNet(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	// Nothing listens on the gateway: the error says so before anything is paid.
	ts := httptest.NewServer(http.NotFoundHandler())
	dead := ts.URL
	ts.Close()
	c := newClient(t, d, 8, client.EnvelopeCompat, dead)
	_, err := c.Deploy(ctx, []byte("\x00asm\x01\x00\x00\x00"), "construct()")
	if api.CodeOf(err) != api.CodeUnavailable || !strings.Contains(err.Error(), "unreachable") {
		t.Fatalf("dead gateway: %v", err)
	}
	// A node without v2 answers -32601, which the client reports as ErrNotSupported.
	p, url := newProxy(t, d.GatewayURL())
	p.set("v2_getEpochKey", func(map[string]any) map[string]any {
		return map[string]any{"jsonrpc": "2.0", "id": 1, "error": map[string]any{"code": -32601, "message": "this node does not serve envelope v2"}}
	})
	c = newClient(t, d, 8, client.EnvelopeV2, url)
	if _, err := c.Deploy(ctx, []byte("\x00asm\x01\x00\x00\x00"), "construct()"); !errors.Is(err, client.ErrNotSupported) {
		t.Fatalf("v2 not served: %v", err)
	}
	if _, err := c.Compute(ctx, api.Hash{1}, "add"); api.CodeOf(err) != api.CodeInvalidInput {
		t.Fatalf("bad signature accepted: %v", err)
	}
	if _, err := c.Compute(ctx, api.Hash{1}, "add(uint256)", "x"); api.CodeOf(err) != api.CodeInvalidInput {
		t.Fatalf("bad argument accepted: %v", err)
	}
}

// TestTamperedOutput: an output that does not hash to the receipt's output
// hash is refused, whoever altered it.
func TestTamperedOutput(t *testing.T) {
	d := testNet(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	sc := deployedCalculator(t, ctx, d)
	p, url := newProxy(t, d.GatewayURL())
	p.set("getTaskResult", func(r map[string]any) map[string]any {
		if in := inner(r); in != nil && in["output"] != nil {
			in["output"] = flipHex(in["output"].(string))
		}
		return r
	})
	for _, env := range []client.Envelope{client.EnvelopeV2, client.EnvelopeCompat} {
		c := newClient(t, d, 8, env, url)
		task, err := c.Compute(ctx, sc, "add(uint256,uint256)", big.NewInt(1), big.NewInt(2))
		run(t, ctx, task, err)
		if _, err := task.Output(ctx); api.CodeOf(err) != api.CodeTampered {
			t.Fatalf("%s: tampered output gave %v", env, err)
		}
	}
}

// TestUnexecutedTask: a task the network never runs makes Wait give up
// with what it saw, and its fees come back after the chain's timeout.
func TestUnexecutedTask(t *testing.T) {
	d := testNet(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	sc := api.Hash{0x42} // nothing runs it: the compat envelope needs no contract on chain to send
	p, url := newProxy(t, d.GatewayURL())
	p.answer["sendTaskInput"] = map[string]any{"jsonrpc": "2.0", "id": 1, "result": map[string]any{"sendTaskResult": true}}
	c := newClient(t, d, 8, client.EnvelopeCompat, url)
	task, err := c.Compute(ctx, sc, "add(uint256,uint256)", big.NewInt(1), big.NewInt(2))
	if err != nil {
		t.Fatal(err)
	}
	short, cancelShort := context.WithTimeout(ctx, time.Second)
	_, err = task.Wait(short, nil)
	cancelShort()
	if err == nil || !strings.Contains(err.Error(), task.ID.Hex()) || !strings.Contains(err.Error(), "RecordCreated") {
		t.Fatalf("short wait: %v", err)
	}
	if err := task.ReturnFees(ctx); api.CodeOf(err) != api.CodeInvalidInput || !strings.Contains(err.Error(), "after block") {
		t.Fatalf("early ReturnFees: %v", err)
	}
	if _, err := task.Output(ctx); api.CodeOf(err) != api.CodeUnavailable {
		t.Fatalf("Output before a receipt: %v", err)
	}
	e := enigmaOf(t, ctx, d)
	before, _ := e.TokenBalance(ctx, c.Address())
	if _, err := task.Wait(ctx, nil); !errors.Is(err, client.ErrTaskTimedOut) {
		t.Fatalf("wait past the timeout: %v", err)
	}
	if err := task.ReturnFees(ctx); err != nil {
		t.Fatal(err)
	}
	after, _ := e.TokenBalance(ctx, c.Address())
	if fee := new(big.Int).Sub(after, before); fee.Uint64() != task.GasLimit*c.Config().GasPx {
		t.Fatalf("returned %v grains, want %d", fee, task.GasLimit*c.Config().GasPx)
	}
	var te *client.TaskError
	if _, err := task.Output(ctx); !errors.As(err, &te) || te.Status != api.ChainReceiptFailedRet {
		t.Fatalf("Output after the fee return: %v", err)
	}
}

var (
	calcOnce sync.Once
	calcAddr api.ContractAddress
	calcErr  error
)

// deployedCalculator deploys the calculator once for the tests that only
// compute.
func deployedCalculator(t testing.TB, ctx context.Context, d *devnet.Devnet) api.ContractAddress {
	t.Helper()
	code := example(t, "calculator")
	calcOnce.Do(func() {
		c := newClient(t, d, 9, client.EnvelopeCompat, "")
		task, err := c.Deploy(ctx, code, "construct()")
		if err == nil {
			_, err = task.Wait(ctx, nil)
		}
		if err == nil {
			_, err = task.Output(ctx)
		}
		if err == nil {
			calcAddr = task.Contract
		}
		calcErr = err
	})
	if calcErr != nil {
		t.Fatalf("deploy the calculator: %v", calcErr)
	}
	return calcAddr
}

// TestConcurrentTasks: tasks sent at once from one client get consecutive
// nonces and distinct records.
func TestConcurrentTasks(t *testing.T) {
	d := testNet(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	p, url := newProxy(t, d.GatewayURL())
	p.answer["sendTaskInput"] = map[string]any{"jsonrpc": "2.0", "id": 1, "result": map[string]any{"sendTaskResult": true}}
	c := newClient(t, d, 7, client.EnvelopeCompat, url)
	e := enigmaOf(t, ctx, d)
	first, err := e.UserTaskDeployments(ctx, c.Address())
	if err != nil {
		t.Fatal(err)
	}
	const n = 3
	tasks := make([]*client.Task, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tasks[i], errs[i] = c.Compute(ctx, api.Hash{0x43}, "add(uint256,uint256)", big.NewInt(int64(i)), big.NewInt(1))
		}()
	}
	wg.Wait()
	nonces := map[uint64]bool{}
	for i := range n {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		nonces[tasks[i].Nonce] = true
		if tasks[i].Nonce < first.Uint64() || tasks[i].Nonce >= first.Uint64()+n {
			t.Fatalf("task %d has nonce %d, first was %v", i, tasks[i].Nonce, first)
		}
	}
	if len(nonces) != n || p.count("sendTaskInput") != n {
		t.Fatalf("nonces %v, %d tasks sent", nonces, p.count("sendTaskInput"))
	}
}
