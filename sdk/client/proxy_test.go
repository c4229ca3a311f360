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
	"github.com/enigma-go/enigma/sdk/client"
)

// proxy stands between the client and the devnet's gateway and lets a
// test rewrite one method's reply, or answer it itself.
type proxy struct {
	mu      sync.Mutex
	target  string
	rewrite map[string]func(reply map[string]any) map[string]any
	calls   map[string]int
}

func newProxy(t *testing.T, target string) (*proxy, string) {
	p := &proxy{target: target, rewrite: map[string]func(map[string]any) map[string]any{}, calls: map[string]int{}}
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
	f := p.rewrite[req.Method]
	p.mu.Unlock()
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
	w.Header().Set("Content-Type", "application/json")
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
