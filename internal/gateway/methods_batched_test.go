package gateway

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"math/big"
	"strings"
	"sync"
	"testing"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/workerapi"
)

// fakeBatchedBackend serves batched tasks on top of fakeBackend.
type fakeBatchedBackend struct {
	fakeBackend
	bmu     sync.Mutex
	sent    []*workerapi.BatchedRequest
	tasks   map[api.TaskID]*workerapi.BatchedTask
	asked   []api.EthAddress // the worker each BatchedTask call named
	sendErr error
}

func (f *fakeBatchedBackend) SubmitBatched(_ context.Context, r *workerapi.BatchedRequest) error {
	f.bmu.Lock()
	defer f.bmu.Unlock()
	f.sent = append(f.sent, r)
	return f.sendErr
}

func (f *fakeBatchedBackend) BatchedTask(_ context.Context, w api.EthAddress, id api.TaskID) (*workerapi.BatchedTask, error) {
	f.bmu.Lock()
	defer f.bmu.Unlock()
	f.asked = append(f.asked, w)
	return f.tasks[id], f.err
}

func batchedSig() string {
	sig := make([]byte, 65)
	sig[0], sig[64] = 0x11, 28
	return hex.EncodeToString(sig)
}

func batchedSendArgs() map[string]any {
	return map[string]any{"taskId": contract, "workerAddress": worker, "contractAddress": "0x" + contract,
		"request": v2Request(), "sender": strings.Repeat("12", 20), "taskNonce": uint64(1) << 63,
		"gasLimit": 1_000_000, "gasPx": 2, "signature": batchedSig()}
}

func TestBatchedSend(t *testing.T) {
	fb := &fakeBatchedBackend{}
	ts := newTestServer(t, fb, nil)
	args := batchedSendArgs()
	args["taskNonce"] = uint64(18446744073709551615)
	reply := post(t, ts.URL, call("v2_sendBatchedTask", args))
	if res, ok := reply["result"].(map[string]any); !ok || res["accepted"] != true || len(res) != 1 {
		t.Fatalf("reply %v", reply)
	}
	if len(fb.sent) != 1 {
		t.Fatalf("backend got %d tasks", len(fb.sent))
	}
	r := fb.sent[0]
	if r.TaskNonce != 18446744073709551615 || r.GasLimit != 1_000_000 || r.GasPx != 2 || r.Sender[0] != 0x12 ||
		r.Worker[0] != 0xab || r.ContractAddress[0] != 0xef || r.TaskID[31] != 0xef ||
		len(r.Request) != v2MinRequestSize+10 || r.Signature[0] != 0x11 || r.Signature[64] != 28 {
		t.Fatalf("backend got %+v", r)
	}

	// The largest request and the least gas limit a batched task may have
	// go through.
	args = batchedSendArgs()
	args["request"], args["gasLimit"] = bigRequest(workerapi.MaxBatchedRequest), workerapi.MinBatchedGasLimit
	if reply := post(t, ts.URL, call("v2_sendBatchedTask", args)); reply["result"] == nil || len(fb.sent) != 2 ||
		len(fb.sent[1].Request) != workerapi.MaxBatchedRequest || fb.sent[1].GasLimit != workerapi.MinBatchedGasLimit {
		t.Fatalf("the largest request and the least gas limit: %v", reply)
	}

	// The worker's refusal keeps its api code.
	fb.sendErr = api.Errorf(api.CodeWrongEpoch, "the request is sealed for epoch 10, the current one starts at 20: seal it again")
	reply = post(t, ts.URL, call("v2_sendBatchedTask", batchedSendArgs()))
	if code := rpcErrorCode(t, reply); code != codeServerError {
		t.Fatalf("code %d", code)
	}
	if data := reply["error"].(map[string]any)["data"].(map[string]any); api.Code(data["code"].(float64)) != api.CodeWrongEpoch {
		t.Fatalf("data %v", data)
	}
}

func TestBatchedGet(t *testing.T) {
	var id, sc api.Hash
	id[0], sc[0] = 0x01, 0x02
	fee := new(big.Int).Lsh(big.NewInt(1), 200) // beyond every JSON number
	committed := &workerapi.BatchedTask{TaskID: id, Contract: sc, Status: workerapi.BatchedCommitted,
		BatchIndex: 7, Position: 3, Epoch: 120, InputsHash: api.Hash{0xa1}, OutputHash: api.Hash{0xa2}, DeltaHash: api.Hash{0xa3},
		GasUsed: 1234, Output: []byte{0xde, 0xad}, Proof: [][32]byte{{0xb1}, {0xb2}}, Root: api.Hash{0xc1}, Block: 99}
	fee.FillBytes(committed.Fee[:])
	fb := &fakeBatchedBackend{tasks: map[api.TaskID]*workerapi.BatchedTask{id: committed}}
	ts := newTestServer(t, fb, nil)

	reply := post(t, ts.URL, call("v2_getBatchedTask", map[string]any{"taskId": hex.EncodeToString(id[:]), "workerAddress": "0x" + worker}))
	res, ok := reply["result"].(map[string]any)
	if !ok {
		t.Fatalf("reply %v", reply)
	}
	want := map[string]any{
		"taskId": hex.EncodeToString(id[:]), "contract": hex.EncodeToString(sc[:]), "status": "committed",
		"batchIndex": 7.0, "position": 3.0, "epoch": 120.0, "gasUsed": 1234.0, "fee": fee.String(), "taskFailed": false,
		"inputsHash": "a1" + strings.Repeat("00", 31), "outputHash": "a2" + strings.Repeat("00", 31), "deltaHash": "a3" + strings.Repeat("00", 31),
		"output": "dead", "root": "c1" + strings.Repeat("00", 31), "block": 99.0,
	}
	for k, v := range want {
		if res[k] != v {
			t.Errorf("%s = %v, want %v", k, res[k], v)
		}
	}
	proof, _ := res["proof"].([]any)
	if len(proof) != 2 || proof[1] != "b2"+strings.Repeat("00", 31) {
		t.Errorf("proof %v", res["proof"])
	}
	if _, has := res["error"]; has || len(res) != len(want)+1 {
		t.Errorf("result has other members: %v", res)
	}
	if len(fb.asked) != 1 || fb.asked[0][0] != 0xab {
		t.Fatalf("backend asked for worker %x", fb.asked)
	}

	// Members follow the status.
	for _, tc := range []struct {
		task *workerapi.BatchedTask
		has  []string
		not  []string
	}{
		{&workerapi.BatchedTask{TaskID: id, Status: workerapi.BatchedPending}, nil, []string{"batchIndex", "output", "proof", "error"}},
		{&workerapi.BatchedTask{TaskID: id, Status: workerapi.BatchedExecuted, GasUsed: 5}, nil, []string{"batchIndex", "gasUsed", "proof"}},
		{&workerapi.BatchedTask{TaskID: id, Status: workerapi.BatchedInBatch, BatchIndex: 2}, []string{"batchIndex", "output", "fee"}, []string{"proof", "root", "block"}},
		{&workerapi.BatchedTask{TaskID: id, Status: workerapi.BatchedFailed, Error: "the epoch ended", Code: api.CodeWrongEpoch}, []string{"error", "code"}, []string{"batchIndex", "output"}},
	} {
		fb.tasks[id] = tc.task
		res := post(t, ts.URL, call("v2_getBatchedTask", map[string]any{"taskId": hex.EncodeToString(id[:])}))["result"].(map[string]any)
		if res["status"] != string(tc.task.Status) {
			t.Fatalf("%s: %v", tc.task.Status, res)
		}
		for _, k := range tc.has {
			if _, ok := res[k]; !ok {
				t.Errorf("%s: no %s in %v", tc.task.Status, k, res)
			}
		}
		for _, k := range tc.not {
			if _, ok := res[k]; ok {
				t.Errorf("%s: %s in %v", tc.task.Status, k, res)
			}
		}
	}
	if fb.asked[len(fb.asked)-1] != (api.EthAddress{}) {
		t.Fatalf("no worker named, the backend got %x", fb.asked[len(fb.asked)-1])
	}

	// A task no worker knows.
	reply = post(t, ts.URL, call("v2_getBatchedTask", map[string]any{"taskId": strings.Repeat("99", 32)}))
	if code := rpcErrorCode(t, reply); code != codeServerError {
		t.Fatalf("code %d", code)
	}
	e := reply["error"].(map[string]any)
	if api.Code(e["data"].(map[string]any)["code"].(float64)) != api.CodeNotFound || !strings.Contains(e["message"].(string), strings.Repeat("99", 32)) {
		t.Fatalf("error %v", e)
	}
}

func TestBatchedNotServed(t *testing.T) {
	for _, b := range []Backend{&fakeBackend{}, &fakeV2Backend{}} {
		ts := newTestServer(t, b, nil)
		for _, c := range []string{
			call("v2_sendBatchedTask", batchedSendArgs()),
			call("v2_getBatchedTask", map[string]string{"taskId": contract}),
		} {
			reply := post(t, ts.URL, c)
			if code := rpcErrorCode(t, reply); code != codeMethodNotFound {
				t.Fatalf("code %d", code)
			}
			if msg := reply["error"].(map[string]any)["message"].(string); !strings.Contains(msg, "does not serve batched tasks") {
				t.Fatalf("message %q", msg)
			}
		}
	}
}

func TestBatchedBadParams(t *testing.T) {
	fb := &fakeBatchedBackend{}
	ts := newTestServer(t, fb, nil)
	with := func(k string, v any) string {
		m := batchedSendArgs()
		if v == nil {
			delete(m, k)
		} else {
			m[k] = v
		}
		return call("v2_sendBatchedTask", m)
	}
	short := make([]byte, v2MinRequestSize-1)
	copy(short, v2RequestPrefix)
	response := []byte(v2Request())
	copy(response[10:12], "02") // a response (type 0x02), not a request
	badV, _ := hex.DecodeString(batchedSig())
	badV[64] = 29
	cases := map[string]string{
		"positional":          call("v2_sendBatchedTask", []any{contract, worker}),
		"not an object":       call("v2_sendBatchedTask", "x"),
		"unknown member":      with("deploy", true),
		"pre-code":            with("preCode", "AAAA"),
		"no task id":          with("taskId", nil),
		"task id not hex":     with("taskId", "zz"+contract[2:]),
		"task id short":       with("taskId", contract[2:]),
		"task id long":        with("taskId", contract+"00"),
		"task id number":      with("taskId", 5),
		"no worker":           with("workerAddress", nil),
		"worker is a hash":    with("workerAddress", contract),
		"no contract":         with("contractAddress", nil),
		"contract short":      with("contractAddress", worker),
		"no sender":           with("sender", nil),
		"sender odd hex":      with("sender", strings.Repeat("1", 39)),
		"no nonce":            with("taskNonce", nil),
		"negative nonce":      with("taskNonce", -1),
		"fractional nonce":    with("taskNonce", 1.5),
		"string nonce":        with("taskNonce", "3"),
		"nonce beyond 64 bit": with("taskNonce", json.RawMessage("18446744073709551616")),
		"huge nonce":          with("taskNonce", json.RawMessage("1e400")),
		"no gas limit":        with("gasLimit", nil),
		"zero gas limit":      with("gasLimit", 0),
		"huge gas limit":      with("gasLimit", json.RawMessage("99999999999999999999999")),
		"gas limit too low":   with("gasLimit", workerapi.MinBatchedGasLimit-1),
		"request too large":   with("request", bigRequest(workerapi.MaxBatchedRequest+1)),
		"null gas price":      with("gasPx", json.RawMessage("null")),
		"zero gas price":      with("gasPx", 0),
		"no request":          with("request", nil),
		"empty request":       with("request", ""),
		"request not hex":     with("request", "zz"+v2Request()[2:]),
		"request too short":   with("request", hex.EncodeToString(short)),
		"request of compat":   with("request", strings.Repeat("01", v2MinRequestSize+5)),
		"request a response":  with("request", string(response)),
		"no signature":        with("signature", nil),
		"signature short":     with("signature", batchedSig()[2:]),
		"signature long":      with("signature", batchedSig()+"00"),
		"signature bad v":     with("signature", hex.EncodeToString(badV)),
		"get positional":      call("v2_getBatchedTask", []string{contract}),
		"get no id":           call("v2_getBatchedTask", map[string]string{}),
		"get short id":        call("v2_getBatchedTask", map[string]string{"taskId": worker}),
		"get bad worker":      call("v2_getBatchedTask", map[string]string{"taskId": contract, "workerAddress": "0x12"}),
		"get unknown member":  call("v2_getBatchedTask", map[string]any{"taskId": contract, "withResult": true}),
	}
	for name, body := range cases {
		t.Run(name, func(t *testing.T) {
			reply := post(t, ts.URL, body)
			if code := rpcErrorCode(t, reply); code != codeInvalidParams {
				t.Fatalf("code %d, want %d: %v", code, codeInvalidParams, reply["error"])
			}
			if data, _ := reply["error"].(map[string]any)["data"].(map[string]any); data == nil || api.Code(data["code"].(float64)) != api.CodeInvalidInput {
				t.Fatalf("error %v", reply["error"])
			}
		})
	}
	if len(fb.sent) != 0 || len(fb.asked) != 0 {
		t.Fatalf("the backend was called: %d sends, %d reads", len(fb.sent), len(fb.asked))
	}
}

// bigRequest is a v2 request of n bytes.
func bigRequest(n int) string {
	b := make([]byte, n)
	copy(b, v2RequestPrefix)
	return hex.EncodeToString(b)
}

func FuzzBatchedParams(f *testing.F) {
	b, _ := json.Marshal(batchedSendArgs())
	f.Add(b)
	f.Add([]byte(`{"taskId":"01","taskNonce":18446744073709551615,"gasLimit":1,"gasPx":1}`))
	f.Add([]byte(`{"taskId":"` + contract + `","workerAddress":"` + worker + `"}`))
	s, err := New(&fakeBatchedBackend{tasks: map[api.TaskID]*workerapi.BatchedTask{}}, DefaultConfig())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, params []byte) {
		for _, m := range []method{s.v2SendBatchedTask, s.v2GetBatchedTask} {
			res, err := m(context.Background(), params)
			if err == nil && res == nil {
				t.Fatal("no result and no error")
			}
			if _, merr := json.Marshal(res); merr != nil {
				t.Fatal(merr)
			}
		}
	})
}
