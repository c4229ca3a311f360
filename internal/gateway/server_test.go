package gateway

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"github.com/enigma-go/enigma/internal/workerapi"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/enigma-go/enigma/api"
)

type fakeBackend struct {
	mu       sync.Mutex
	deploys  []*workerapi.DeployRequest
	computes []*workerapi.ComputeRequest
	results  map[api.TaskID]*workerapi.TaskResult
	err      error
}

func (f *fakeBackend) Info(context.Context) (workerapi.Info, error) {
	return workerapi.Info{PeerID: "peer", Status: "ok"}, nil
}

func (f *fakeBackend) WorkerEncryptionKey(_ context.Context, w api.EthAddress, u [64]byte) (workerapi.WorkerKey, error) {
	if f.err != nil {
		return workerapi.WorkerKey{}, f.err
	}
	var k workerapi.WorkerKey
	k.PublicKey[0], k.PublicKey[63] = w[0], u[0]
	k.Signature = bytes.Repeat([]byte{0xab}, 65)
	return k, nil
}

func (f *fakeBackend) SubmitDeploy(_ context.Context, r *workerapi.DeployRequest) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.deploys = append(f.deploys, r)
	return f.err
}

func (f *fakeBackend) SubmitCompute(_ context.Context, r *workerapi.ComputeRequest) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.computes = append(f.computes, r)
	return f.err
}

func (f *fakeBackend) TaskResult(_ context.Context, id api.TaskID) (*workerapi.TaskResult, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.results[id], f.err
}

func newTestServer(t *testing.T, b Backend, mutate func(*Config)) *httptest.Server {
	t.Helper()
	cfg := DefaultConfig()
	if mutate != nil {
		mutate(&cfg)
	}
	s, err := New(b, cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return ts
}

// post sends body and decodes the reply into a generic map.
func post(t *testing.T, url, body string) map[string]any {
	t.Helper()
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatalf("reply is not a JSON object: %v", err)
	}
	return out
}

func call(method string, params any) string {
	b, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": 7, "method": method, "params": params})
	return string(b)
}

func rpcErrorCode(t *testing.T, reply map[string]any) int {
	t.Helper()
	e, ok := reply["error"].(map[string]any)
	if !ok {
		t.Fatalf("want a JSON-RPC error, got %v", reply)
	}
	if msg, _ := e["message"].(string); msg == "" {
		t.Fatalf("error without a message: %v", e)
	}
	return int(e["code"].(float64))
}

var (
	worker   = strings.Repeat("ab", 20)
	userPub  = strings.Repeat("cd", 64)
	contract = strings.Repeat("ef", 32)
	cipher   = strings.Repeat("01", 40)
)

func TestWorkerEncryptionKeyNestsResult(t *testing.T) {
	ts := newTestServer(t, &fakeBackend{}, nil)
	reply := post(t, ts.URL, call("getWorkerEncryptionKey", map[string]string{"workerAddress": worker, "userPubKey": userPub}))
	if reply["id"].(float64) != 7 {
		t.Fatalf("id not echoed: %v", reply)
	}
	inner := reply["result"].(map[string]any)["result"].(map[string]any)
	key, sig := inner["workerEncryptionKey"].(string), inner["workerSig"].(string)
	if len(key) != 128 || strings.HasPrefix(key, "0x") || len(sig) != 130 {
		t.Fatalf("bad key/sig shape: %q %q", key, sig)
	}
}

func TestDeployGunzipsPreCode(t *testing.T) {
	fb := &fakeBackend{}
	ts := newTestServer(t, fb, nil)
	wasm := []byte("\x00asm\x01\x00\x00\x00")
	params := map[string]string{
		"preCode": gzipB64(t, wasm), "encryptedArgs": cipher, "encryptedFn": cipher,
		"userDHKey": userPub, "contractAddress": "0x" + contract, "workerAddress": worker,
	}
	reply := post(t, ts.URL, call("deploySecretContract", params))
	if reply["error"] != nil {
		t.Fatalf("deploy refused: %v", reply["error"])
	}
	if len(fb.deploys) != 1 || !bytes.Equal(fb.deploys[0].PreCode, wasm) || fb.deploys[0].ContractAddress.Hex() != contract {
		t.Fatalf("backend got %+v", fb.deploys)
	}
}

func TestSendTaskInput(t *testing.T) {
	fb := &fakeBackend{}
	ts := newTestServer(t, fb, nil)
	params := map[string]string{"taskId": contract, "workerAddress": worker, "encryptedFn": cipher,
		"encryptedArgs": cipher, "contractAddress": contract, "userDHKey": userPub}
	if reply := post(t, ts.URL, call("sendTaskInput", params)); reply["error"] != nil {
		t.Fatalf("sendTaskInput refused: %v", reply["error"])
	}
	if len(fb.computes) != 1 {
		t.Fatal("backend did not get the task")
	}
	fb.err = api.Errorf(api.CodeUnavailable, "the selected worker %s is down; retry after the next epoch", worker)
	reply := post(t, ts.URL, call("sendTaskInput", params))
	if code := rpcErrorCode(t, reply); code != codeServerError {
		t.Fatalf("code = %d", code)
	}
	if data := reply["error"].(map[string]any)["data"].(map[string]any); int(data["code"].(float64)) != int(api.CodeUnavailable) {
		t.Fatalf("api code lost: %v", data)
	}
}

func TestStatusAndResult(t *testing.T) {
	id, _ := api.ParseHash(contract)
	fb := &fakeBackend{results: map[api.TaskID]*workerapi.TaskResult{id: {
		TaskID: id, Status: api.StatusSuccess, Output: []byte{1, 2}, UsedGas: 42, Signature: []byte{9},
		Delta: &workerapi.Delta{Index: 1, Hash: id, Data: []byte{3}},
	}}}
	ts := newTestServer(t, fb, nil)

	st := post(t, ts.URL, call("getTaskStatus", map[string]any{"taskId": contract, "workerAddress": worker, "withResult": true}))
	inner := st["result"].(map[string]any)["result"].(map[string]any)
	if inner["status"] != "SUCCESS" || inner["output"] != "0102" {
		t.Fatalf("status = %v", inner)
	}
	res := post(t, ts.URL, call("getTaskResult", map[string]any{"taskId": contract}))
	inner = res["result"].(map[string]any)["result"].(map[string]any)
	if inner["usedGas"].(float64) != 42 || inner["signature"] != "09" || inner["delta"] == nil {
		t.Fatalf("result = %v", inner)
	}

	unknown := strings.Repeat("00", 32)
	for _, m := range []string{"getTaskStatus", "getTaskResult"} {
		r := post(t, ts.URL, call(m, map[string]any{"taskId": unknown}))
		if got := r["result"].(map[string]any)["result"].(map[string]any)["status"]; got != "UNVERIFIED" {
			t.Fatalf("%s of an unknown task = %v, want UNVERIFIED", m, got)
		}
	}
	// A failing lookup still answers a result: enigma-js cannot take an error here.
	fb.err = errors.New("store closed")
	r := post(t, ts.URL, call("getTaskStatus", map[string]any{"taskId": contract}))
	if r["error"] != nil || r["result"].(map[string]any)["result"].(map[string]any)["status"] != "UNVERIFIED" {
		t.Fatalf("lookup failure surfaced as %v", r)
	}
}

func TestBadRequests(t *testing.T) {
	ts := newTestServer(t, &fakeBackend{}, func(c *Config) { c.MaxBodyBytes = 4096; c.MaxPreCodeBytes = 1024 })
	cases := []struct {
		name, body string
		code       int
	}{
		{"malformed JSON", `{"jsonrpc": "2.0", "method": `, codeParseError},
		{"not an object", `"hello"`, codeInvalidRequest},
		{"no version", `{"method":"getInfo","id":1}`, codeInvalidRequest},
		{"unknown method", call("eth_call", nil), codeMethodNotFound},
		{"positional params", call("getTaskResult", []string{contract}), codeInvalidParams},
		{"missing param", call("getWorkerEncryptionKey", map[string]string{"workerAddress": worker}), codeInvalidParams},
		{"short key", call("getWorkerEncryptionKey", map[string]string{"workerAddress": worker, "userPubKey": "abcd"}), codeInvalidParams},
		{"non-hex", call("getTaskResult", map[string]string{"taskId": strings.Repeat("zz", 32)}), codeInvalidParams},
		{"ciphertext too short", call("sendTaskInput", map[string]string{"taskId": contract, "workerAddress": worker,
			"encryptedFn": "00", "encryptedArgs": cipher, "contractAddress": contract, "userDHKey": userPub}), codeInvalidParams},
		{"gzip bomb", call("deploySecretContract", map[string]string{"preCode": gzipB64(t, make([]byte, 1<<20)),
			"encryptedArgs": cipher, "encryptedFn": cipher, "userDHKey": userPub, "contractAddress": contract, "workerAddress": worker}), codeInvalidParams},
		{"not gzip", call("deploySecretContract", map[string]string{"preCode": base64.StdEncoding.EncodeToString([]byte("wasm")),
			"encryptedArgs": cipher, "encryptedFn": cipher, "userDHKey": userPub, "contractAddress": contract, "workerAddress": worker}), codeInvalidParams},
		{"huge body", call("getTaskResult", map[string]string{"taskId": strings.Repeat("0", 8000)}), codeInvalidRequest},
		{"empty batch", `[]`, codeInvalidRequest},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := rpcErrorCode(t, post(t, ts.URL, c.body)); got != c.code {
				t.Fatalf("code = %d, want %d", got, c.code)
			}
		})
	}
}

func TestBatchAndCORS(t *testing.T) {
	ts := newTestServer(t, &fakeBackend{}, nil)
	resp, err := http.Post(ts.URL, "application/json", strings.NewReader("["+call("getInfo", nil)+","+call("nope", nil)+"]"))
	if err != nil {
		t.Fatal(err)
	}
	var batch []map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&batch); err != nil || len(batch) != 2 {
		t.Fatalf("batch reply %v %v", batch, err)
	}
	resp.Body.Close()
	if batch[0]["result"].(map[string]any)["status"] != "ok" || batch[1]["error"] == nil {
		t.Fatalf("batch = %v", batch)
	}

	req, _ := http.NewRequest(http.MethodOptions, ts.URL, nil)
	req.Header.Set("Origin", "http://localhost:3000")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	// Any origin may call, but never with credentials: no origin is
	// reflected, and enigma-js's "credentials" header is allowed.
	if resp.Header.Get("Access-Control-Allow-Origin") != "*" || resp.Header.Get("Access-Control-Allow-Credentials") != "" ||
		!strings.Contains(resp.Header.Get("Access-Control-Allow-Headers"), "credentials") {
		t.Fatalf("preflight headers %v", resp.Header)
	}
	resp, err = http.Get(ts.URL)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Fatalf("GET status %d", resp.StatusCode)
	}
}

func gzipB64(t *testing.T, b []byte) string {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return base64.StdEncoding.EncodeToString(buf.Bytes())
}

func FuzzServe(f *testing.F) {
	f.Add([]byte(call("getTaskResult", map[string]string{"taskId": contract})))
	f.Add([]byte(`[{"jsonrpc":"2.0","method":"getInfo","id":null}]`))
	f.Add([]byte(`{"jsonrpc":"2.0","method":"deploySecretContract","params":{"preCode":"H4sI"}}`))
	s, err := New(&fakeBackend{}, DefaultConfig())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		out, err := json.Marshal(s.handle(context.Background(), body))
		if err != nil || !json.Valid(out) {
			t.Fatalf("reply is not JSON: %v", err)
		}
		_ = hex.EncodeToString(out)
	})
}
