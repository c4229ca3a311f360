package gateway

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"strings"
	"sync"
	"testing"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/envelope"
	"github.com/enigma-go/enigma/internal/workerapi"
)

// fakeQueryBackend answers queries on top of fakeBackend.
type fakeQueryBackend struct {
	fakeBackend
	qmu  sync.Mutex
	got  []*workerapi.QueryRequest
	res  *workerapi.QueryResult
	qerr error
}

func (f *fakeQueryBackend) Query(_ context.Context, r *workerapi.QueryRequest) (*workerapi.QueryResult, error) {
	f.qmu.Lock()
	defer f.qmu.Unlock()
	f.got = append(f.got, r)
	if f.qerr != nil {
		return nil, f.qerr
	}
	return f.res, nil
}

// queryRequest is a syntactically valid query message.
func queryRequest(n int) string {
	b := make([]byte, n)
	copy(b, queryPrefix)
	return hex.EncodeToString(b)
}

func querySig() string {
	sig := make([]byte, 65)
	sig[0], sig[64] = 0x22, 27
	return hex.EncodeToString(sig)
}

func queryArgs() map[string]any {
	return map[string]any{"contractAddress": "0x" + contract, "workerAddress": worker, "caller": strings.Repeat("34", 20),
		"nonce": uint64(1) << 63, "request": queryRequest(v2MinRequestSize + 10), "expiry": 1_800_000_000, "signature": querySig()}
}

func TestQueryPrefixMatchesEnvelope(t *testing.T) {
	want := append(append([]byte{}, envelope.Magic[:]...), byte(envelope.VersionV2), envelope.TypeQuery)
	if string(queryPrefix) != string(want) {
		t.Fatalf("queryPrefix %x, envelope says %x", queryPrefix, want)
	}
}

func TestQuery(t *testing.T) {
	fb := &fakeQueryBackend{res: &workerapi.QueryResult{Status: workerapi.QueryOK, Response: []byte{0xca, 0xfe}, GasUsed: 4321, Epoch: 120}}
	ts := newTestServer(t, fb, nil)
	reply := post(t, ts.URL, call("v2_query", queryArgs()))
	res, ok := reply["result"].(map[string]any)
	if !ok {
		t.Fatalf("reply %v", reply)
	}
	want := map[string]any{"status": "ok", "response": "cafe", "gasUsed": 4321.0, "epoch": 120.0}
	for k, v := range want {
		if res[k] != v {
			t.Errorf("%s = %v, want %v", k, res[k], v)
		}
	}
	if len(res) != len(want) {
		t.Errorf("result has other members: %v", res)
	}
	r := fb.got[0]
	if r.ContractAddress[0] != 0xef || r.Worker[0] != 0xab || r.Caller[0] != 0x34 || r.Nonce != 1<<63 || r.Expiry != 1_800_000_000 ||
		r.GasLimit != 0 || len(r.Request) != v2MinRequestSize+10 || r.Signature[0] != 0x22 || r.Signature[64] != 27 {
		t.Fatalf("backend got %+v", r)
	}
	// gasLimit is passed on; the largest request goes through.
	args := queryArgs()
	args["gasLimit"], args["request"] = 5000, queryRequest(workerapi.MaxQueryRequest)
	if reply := post(t, ts.URL, call("v2_query", args)); reply["result"] == nil || fb.got[1].GasLimit != 5000 {
		t.Fatalf("gasLimit: %v", reply)
	}
	// A failed answer is a result, not an error: its text is sealed.
	fb.res = &workerapi.QueryResult{Status: workerapi.QueryFailed, Response: []byte{1}, GasUsed: 9, Epoch: 120}
	if res := post(t, ts.URL, call("v2_query", queryArgs()))["result"].(map[string]any); res["status"] != "failed" {
		t.Fatalf("failed: %v", res)
	}
	// The worker's refusals keep their code.
	for _, code := range []api.Code{api.CodeReplay, api.CodeExpired, api.CodeBadSignature, api.CodeTampered, api.CodeNotSelected,
		api.CodeWrongEpoch, api.CodeUnknownFunction, api.CodeNotFound, api.CodeRateLimited} {
		fb.qerr = api.Errorf(code, "refused %d", code)
		reply := post(t, ts.URL, call("v2_query", queryArgs()))
		if c := rpcErrorCode(t, reply); c != codeServerError {
			t.Fatalf("code %d: JSON-RPC code %d", code, c)
		}
		if data := reply["error"].(map[string]any)["data"].(map[string]any); api.Code(data["code"].(float64)) != code {
			t.Fatalf("data %v, want code %d", data, code)
		}
	}
	// The worker's cap refused is invalid input.
	fb.qerr = api.Errorf(api.CodeInvalidInput, "more than the cap")
	if c := rpcErrorCode(t, post(t, ts.URL, call("v2_query", queryArgs()))); c != codeInvalidParams {
		t.Fatalf("cap: code %d", c)
	}
}

func TestQueryNotServed(t *testing.T) {
	for _, b := range []Backend{&fakeBackend{}, &fakeV2Backend{}, &fakeBatchedBackend{}} {
		ts := newTestServer(t, b, nil)
		reply := post(t, ts.URL, call("v2_query", queryArgs()))
		if code := rpcErrorCode(t, reply); code != codeMethodNotFound {
			t.Fatalf("code %d", code)
		}
		if msg := reply["error"].(map[string]any)["message"].(string); !strings.Contains(msg, "does not serve secret queries") {
			t.Fatalf("message %q", msg)
		}
	}
}

func TestQueryBadParams(t *testing.T) {
	fb := &fakeQueryBackend{res: &workerapi.QueryResult{Status: workerapi.QueryOK}}
	ts := newTestServer(t, fb, nil)
	with := func(k string, v any) string {
		m := queryArgs()
		if v == nil {
			delete(m, k)
		} else {
			m[k] = v
		}
		return call("v2_query", m)
	}
	task := []byte(queryRequest(v2MinRequestSize + 10))
	copy(task[10:12], "01") // a task request (type 0x01), not a query
	badV, _ := hex.DecodeString(querySig())
	badV[64] = 29
	cases := map[string]string{
		"positional":           call("v2_query", []any{contract, worker}),
		"not an object":        call("v2_query", "x"),
		"null":                 call("v2_query", nil),
		"two objects":          `{"jsonrpc":"2.0","id":1,"method":"v2_query","params":{}{}}`,
		"unknown member":       with("taskId", contract),
		"member spelled wrong": with("gaslimit", 5),
		"member twice":         `{"jsonrpc":"2.0","id":1,"method":"v2_query","params":{"nonce":1,"nonce":2}}`,
		"no contract":          with("contractAddress", nil),
		"contract short":       with("contractAddress", worker),
		"contract not hex":     with("contractAddress", "zz"+contract[2:]),
		"no worker":            with("workerAddress", nil),
		"worker is a hash":     with("workerAddress", contract),
		"no caller":            with("caller", nil),
		"caller odd hex":       with("caller", strings.Repeat("1", 39)),
		"caller number":        with("caller", 5),
		"no nonce":             with("nonce", nil),
		"negative nonce":       with("nonce", -1),
		"fractional nonce":     with("nonce", 1.5),
		"string nonce":         with("nonce", "3"),
		"nonce beyond 64 bit":  with("nonce", json.RawMessage("18446744073709551616")),
		"no expiry":            with("expiry", nil),
		"string expiry":        with("expiry", "1800000000"),
		"negative expiry":      with("expiry", -5),
		"huge expiry":          with("expiry", json.RawMessage("1e400")),
		"negative gas limit":   with("gasLimit", -1),
		"huge gas limit":       with("gasLimit", json.RawMessage("99999999999999999999999")),
		"no request":           with("request", nil),
		"empty request":        with("request", ""),
		"request not hex":      with("request", "zz"+queryRequest(v2MinRequestSize)[2:]),
		"request too short":    with("request", queryRequest(v2MinRequestSize-1)),
		"request too large":    with("request", queryRequest(workerapi.MaxQueryRequest+1)),
		"request a task":       with("request", string(task)),
		"request compat":       with("request", strings.Repeat("01", v2MinRequestSize+5)),
		"no signature":         with("signature", nil),
		"signature short":      with("signature", querySig()[2:]),
		"signature long":       with("signature", querySig()+"00"),
		"signature bad v":      with("signature", hex.EncodeToString(badV)),
	}
	for name, body := range cases {
		t.Run(name, func(t *testing.T) {
			reply := post(t, ts.URL, body)
			code := rpcErrorCode(t, reply)
			if code != codeInvalidParams && code != codeParseError {
				t.Fatalf("code %d, want %d: %v", code, codeInvalidParams, reply["error"])
			}
			if code == codeInvalidParams {
				if data, _ := reply["error"].(map[string]any)["data"].(map[string]any); data == nil || api.Code(data["code"].(float64)) != api.CodeInvalidInput {
					t.Fatalf("error %v", reply["error"])
				}
			}
		})
	}
	if len(fb.got) != 0 {
		t.Fatalf("the backend got %d malformed queries", len(fb.got))
	}
}

// The per-requester call limit covers v2_query.
func TestQueryRateLimited(t *testing.T) {
	fb := &fakeQueryBackend{res: &workerapi.QueryResult{Status: workerapi.QueryOK}}
	ts := newTestServer(t, fb, func(c *Config) { c.CallsPerSecond, c.CallBurst, c.MaxBatch = 0.001, 3, 3 })
	refused := 0
	for range 10 {
		if reply := post(t, ts.URL, call("v2_query", queryArgs())); reply["error"] != nil {
			refused++
		}
	}
	if refused != 7 || len(fb.got) != 3 {
		t.Fatalf("%d refused, %d reached the backend; want 7 and 3", refused, len(fb.got))
	}
}
