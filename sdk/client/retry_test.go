package client_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/enclave/testcontract"
	"github.com/enigma-go/enigma/sdk/client"
)

// downProxy stands between the client and the gateway and answers each
// method in left with the gateway's "worker unavailable" error the first
// left[method] times, as while the selected worker restarts, then
// forwards.
type downProxy struct {
	mu     sync.Mutex
	target string
	left   map[string]int
	calls  map[string]int
}

func (p *downProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	var req struct {
		ID     any    `json:"id"`
		Method string `json:"method"`
	}
	json.Unmarshal(body, &req)
	p.mu.Lock()
	p.calls[req.Method]++
	down := p.left[req.Method] > 0
	if down {
		p.left[req.Method]--
	}
	p.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	if down {
		json.NewEncoder(w).Encode(map[string]any{"jsonrpc": "2.0", "id": req.ID, "error": map[string]any{
			"code": -32000, "message": "gateway: worker 0x01 is not running or not reachable from this gateway",
			"data": map[string]any{"code": api.CodeUnavailable}}})
		return
	}
	resp, err := http.Post(p.target, "application/json", bytes.NewReader(body))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

// TestClientWaitsForADownWorker: while the selected worker is down, the
// client asks again for its key and, once the task is recorded, sends the
// inputs again, instead of failing; the tasks then end as if nothing
// happened.
func TestClientWaitsForADownWorker(t *testing.T) {
	d := testNet(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	down := map[string]int{"getWorkerEncryptionKey": 2, "v2_getEpochKey": 2, "deploySecretContract": 2, "sendTaskInput": 2, "v2_sendTask": 4}
	p := &downProxy{target: d.GatewayURL(), left: map[string]int{}, calls: map[string]int{}}
	for m, n := range down {
		p.left[m] = n
	}
	ts := httptest.NewServer(p)
	defer ts.Close()
	for i, env := range []client.Envelope{client.EnvelopeCompat, client.EnvelopeV2} {
		c := newClient(t, d, 6, env, ts.URL)
		task, err := c.Deploy(ctx, testcontract.Contract(), "construct(uint256)", big.NewInt(int64(i)))
		if err != nil {
			t.Fatalf("%s deploy: %v", env, err)
		}
		if st, err := task.Wait(ctx, nil); err != nil || st.Chain != api.ChainReceiptVerified {
			t.Fatalf("%s deploy: %v, %v", env, st, err)
		}
		task, err = c.Compute(ctx, task.Contract, "store(uint256)", big.NewInt(9))
		if err != nil {
			t.Fatalf("%s compute: %v", env, err)
		}
		if _, err := task.Wait(ctx, nil); err != nil {
			t.Fatalf("%s compute: %v", env, err)
		}
		out, err := task.Output(ctx)
		if err != nil || new(big.Int).SetBytes(out).Int64() != 9 {
			t.Fatalf("%s compute: output %x, %v", env, out, err)
		}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for m, n := range down {
		if p.left[m] != 0 || p.calls[m] <= n {
			t.Errorf("%s: %d calls, %d refusals left; want every refusal followed by a call that went through", m, p.calls[m], p.left[m])
		}
	}
}
