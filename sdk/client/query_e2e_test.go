package client_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/crypto/envelope"
	"github.com/enigma-go/enigma/internal/enclave/testcontract"
	"github.com/enigma-go/enigma/sdk/client"
)

// recordQueries keeps the params of every v2_query that passes.
type recordQueries struct {
	next http.Handler
	mu   sync.Mutex
	sent []map[string]any
}

func (h *recordQueries) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	var req struct {
		Method string         `json:"method"`
		Params map[string]any `json:"params"`
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	dec.Decode(&req)
	if req.Method == "v2_query" {
		h.mu.Lock()
		h.sent = append(h.sent, req.Params)
		h.mu.Unlock()
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	h.next.ServeHTTP(w, r)
}

func (h *recordQueries) last() map[string]any {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := map[string]any{}
	for k, v := range h.sent[len(h.sent)-1] {
		out[k] = v
	}
	return out
}

// postQuery sends v2_query params straight to the gateway and returns the
// error's data.code (0 for a result).
func postQuery(t *testing.T, url string, params map[string]any) api.Code {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": 1, "method": "v2_query", "params": params})
	resp, err := http.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var reply struct {
		Result map[string]any
		Error  *struct {
			Message string
			Data    struct{ Code api.Code }
		}
	}
	if err := json.NewDecoder(resp.Body).Decode(&reply); err != nil {
		t.Fatal(err)
	}
	if reply.Error == nil {
		return 0
	}
	t.Logf("refused: %s", reply.Error.Message)
	return reply.Error.Data.Code
}

// resign signs params' query again with key, as it now stands.
func resign(t *testing.T, params map[string]any, key *ecdsa.PrivateKey, chainID uint64, enigma common.Address) {
	t.Helper()
	sc, _ := hex.DecodeString(params["contractAddress"].(string))
	req, _ := hex.DecodeString(params["request"].(string))
	var expiry uint64
	switch v := params["expiry"].(type) {
	case json.Number:
		n, _ := v.Int64()
		expiry = uint64(n)
	case uint64:
		expiry = v
	}
	d := envelope.QueryDigest(chainID, enigma, api.ContractAddress(sc), envelope.QueryRequestHash(req), expiry)
	sig, err := compat.Sign(key, d)
	if err != nil {
		t.Fatal(err)
	}
	params["signature"] = hex.EncodeToString(sig[:])
}

// TestQueries: a contract's query functions answered through a devnet to
// a caller holding its key and to one the node holds, and every refusal:
// a replay, an expired query, a forged signature, a caller who did not
// sign, a tampered request, a function that is not a query, a query that
// writes. No query sends a transaction or changes the contract's state.
func TestQueries(t *testing.T) {
	d := testNet(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	code := testcontract.QueryContract()
	deployer := newClient(t, d, 7, client.EnvelopeV2, "")
	dep, err := deployer.Deploy(ctx, code, "construct(bytes)", client.RawArgs("the secret"))
	run(t, ctx, dep, err)
	sc := dep.Contract

	fwd, _ := newProxy(t, d.GatewayURL())
	rec := &recordQueries{next: fwd}
	proxy := httptest.NewServer(rec)
	defer proxy.Close()
	caller := keyClient(t, d, 9, proxy.URL)
	key := d.DevChain().Accounts()[9].Key
	eth, err := ethclient.DialContext(ctx, d.ChainURL())
	if err != nil {
		t.Fatal(err)
	}
	defer eth.Close()
	nonceBefore, err := eth.NonceAt(ctx, caller.Address(), nil)
	if err != nil {
		t.Fatal(err)
	}
	tasksBefore, err := d.Enigma().UserTaskDeployments(ctx, caller.Address())
	if err != nil {
		t.Fatal(err)
	}

	res, err := caller.Query(ctx, sc, "get()")
	if err != nil || string(res.Output) != "the secret" || res.GasUsed == 0 || res.Epoch == 0 {
		t.Fatalf("get: %+v %v", res, err)
	}
	res, err = caller.Query(ctx, sc, "caller()")
	if err != nil || !bytes.Equal(res.Output, caller.Address().Bytes()) {
		t.Fatalf("caller: %x %v", res.Output, err)
	}
	// An account the node holds signs with eth_signTypedData_v4.
	nodeHeld := newClient(t, d, 8, client.EnvelopeV2, "")
	res, err = nodeHeld.Query(ctx, sc, "caller()")
	if err != nil || !bytes.Equal(res.Output, nodeHeld.Address().Bytes()) {
		t.Fatalf("node-held caller: %x %v", res.Output, err)
	}

	chainID, enigma := d.DevChain().ChainID(), d.Addresses().Contract
	sent := rec.last() // the caller's "caller()" query, answered
	if code := postQuery(t, d.GatewayURL(), sent); code != api.CodeReplay {
		t.Fatalf("replayed: code %d", code)
	}
	p := rec.last()
	p["expiry"] = uint64(time.Now().Add(-time.Minute).Unix())
	resign(t, p, key, chainID, enigma)
	if code := postQuery(t, d.GatewayURL(), p); code != api.CodeExpired {
		t.Fatalf("expired: code %d", code)
	}
	p = rec.last()
	p["expiry"] = uint64(time.Now().Add(2 * time.Hour).Unix())
	resign(t, p, key, chainID, enigma)
	if code := postQuery(t, d.GatewayURL(), p); code != api.CodeExpired {
		t.Fatalf("expiry too far: code %d", code)
	}
	other := d.DevChain().Accounts()[3].Key
	p = rec.last()
	p["expiry"] = uint64(time.Now().Add(time.Minute).Unix())
	resign(t, p, other, chainID, enigma)
	if code := postQuery(t, d.GatewayURL(), p); code != api.CodeBadSignature {
		t.Fatalf("forged: code %d", code)
	}
	p["caller"] = hex.EncodeToString(compat.Address(&other.PublicKey).Bytes())
	resign(t, p, key, chainID, enigma) // signed by the caller, naming another
	if code := postQuery(t, d.GatewayURL(), p); code != api.CodeBadSignature {
		t.Fatalf("caller mismatch: code %d", code)
	}
	p = rec.last()
	req, _ := hex.DecodeString(p["request"].(string))
	req[len(req)-5] ^= 1
	p["request"] = hex.EncodeToString(req)
	p["expiry"] = uint64(time.Now().Add(time.Minute).Unix())
	resign(t, p, key, chainID, enigma)
	if code := postQuery(t, d.GatewayURL(), p); code != api.CodeTampered {
		t.Fatalf("tampered: code %d", code)
	}

	_, err = caller.Query(ctx, sc, "store(bytes)", client.RawArgs("x"))
	if api.CodeOf(err) != api.CodeUnknownFunction || !strings.Contains(err.Error(), "store(bytes) is not a query function") {
		t.Fatalf("not a query function: %v", err)
	}
	_, err = caller.Query(ctx, sc, "write(bytes)", client.RawArgs("overwritten"))
	var failed *client.QueryFailed
	if !errors.As(err, &failed) || !failed.ReadOnly() || failed.Text != "a query cannot write state" {
		t.Fatalf("write: %v", err)
	}
	_, err = caller.QueryWith(ctx, client.QueryOptions{GasLimit: 300_000}, sc, "loop()")
	if !errors.As(err, &failed) || !strings.Contains(failed.Text, "out of gas") || failed.GasUsed != 300_000 {
		t.Fatalf("loop: %v", err)
	}
	if _, err := caller.QueryWith(ctx, client.QueryOptions{Expiry: 2 * time.Hour}, sc, "get()"); api.CodeOf(err) != api.CodeInvalidInput {
		t.Fatalf("a 2h expiry: %v", err)
	}

	// No transaction: the caller's nonce and task count did not move, and
	// the contract's state is as deployed.
	if n, err := eth.NonceAt(ctx, caller.Address(), nil); err != nil || n != nonceBefore {
		t.Fatalf("the caller's nonce went from %d to %d (%v)", nonceBefore, n, err)
	}
	if tasks, err := d.Enigma().UserTaskDeployments(ctx, caller.Address()); err != nil || tasks.Cmp(tasksBefore) != 0 {
		t.Fatalf("the caller's task count went from %v to %v (%v)", tasksBefore, tasks, err)
	}
	if res, err := caller.Query(ctx, sc, "get()"); err != nil || string(res.Output) != "the secret" {
		t.Fatalf("after the refused write: %q %v", res.Output, err)
	}
	task, err := deployer.Compute(ctx, sc, "get()")
	run(t, ctx, task, err)
	if out, err := task.Output(ctx); err != nil || string(out) != "the secret" {
		t.Fatalf("a task after the queries: %q %v", out, err)
	}
}

// BenchmarkQuery measures a secret query end to end on the test devnet:
// select, seal, sign, v2_query (the worker's checks, its enclave's run on
// the stored state) and open the answer. No block is waited for.
func BenchmarkQuery(b *testing.B) {
	d := testNet(b)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	deployer := newClient(b, d, 7, client.EnvelopeV2, "")
	dep, err := deployer.Deploy(ctx, testcontract.QueryContract(), "construct(bytes)", client.RawArgs("v"))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := dep.Wait(ctx, nil); err != nil {
		b.Fatal(err)
	}
	c := keyClient(b, d, 9, "")
	b.ResetTimer()
	for b.Loop() {
		if res, err := c.Query(ctx, dep.Contract, "get()"); err != nil || string(res.Output) != "v" {
			b.Fatal(res, err)
		}
	}
}

// TestQueryFollowsTheContractAcrossWorkers: a worker selected again after
// other workers ran the contract in the epochs between must answer from
// the chain's last state, not from the one it stored itself. The devnet's
// 2 s epochs move the contract between its two workers while each round
// commits a new value and then asks for it.
func TestQueryFollowsTheContractAcrossWorkers(t *testing.T) {
	if raceEnabled {
		t.Skip("tens of tasks in a row: too slow under -race (the plain run covers it)")
	}
	d := testNet(t)
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	owner := newClient(t, d, 6, client.EnvelopeV2, "").WithBatched(false)
	dep, err := owner.Deploy(ctx, testcontract.QueryContract(), "construct(bytes)", client.RawArgs("v0"))
	run(t, ctx, dep, err)
	reader := keyClient(t, d, 5, "")
	answeredBy := map[common.Address]bool{}
	returned := 0 // rounds answered by a worker that missed tasks since it last answered
	var last common.Address
	for i := 1; i <= 40 && (i <= 8 || returned == 0); i++ {
		want := fmt.Sprintf("v%d", i)
		task, err := owner.Compute(ctx, dep.Contract, "set(bytes)", client.RawArgs(want))
		run(t, ctx, task, err)
		res, err := reader.Query(ctx, dep.Contract, "get()")
		if err != nil {
			t.Fatalf("round %d: %v", i, err)
		}
		if string(res.Output) != want {
			t.Fatalf("round %d: worker %s answered %q from an old state; the chain holds %q", i, res.Worker, res.Output, want)
		}
		t.Logf("round %d: worker %s, epoch %d", i, res.Worker, res.Epoch)
		if answeredBy[res.Worker] && res.Worker != last {
			returned++
		}
		answeredBy[res.Worker], last = true, res.Worker
	}
	t.Logf("%d workers answered; %d answers came from a worker selected again after another ran the contract", len(answeredBy), returned)
}
