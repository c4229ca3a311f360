package client

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/batch"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/crypto/envelope"
	"github.com/enigma-go/enigma/internal/enclave"
)

// The client keeps its own copies of the enclave's batched task hashes
// (it must not import the enclave): they must agree.
func TestBatchedHashesMatchTheEnclave(t *testing.T) {
	sender := common.HexToAddress("0x00000000000000000000000000000000000000a1")
	enigma := common.HexToAddress("0x00000000000000000000000000000000000000e1")
	for _, nonce := range []uint64{0, 1, 1 << 63, ^uint64(0)} {
		if BatchedTaskID(sender, nonce) != enclave.BatchedTaskID(api.EthAddress(sender), nonce) {
			t.Fatalf("task id of nonce %d differs", nonce)
		}
	}
	sc, in := api.Hash{1, 2}, api.Hash{3, 4}
	id, otherID := BatchedTaskID(sender, 1), BatchedTaskID(sender, 2)
	h := BatchedTaskHash(1337, enigma, sc, id, 900, in, 1_000_000, 7)
	if h != enclave.BatchedTaskHash(1337, api.EthAddress(enigma), sc, id, 900, in, 1_000_000, 7) {
		t.Fatal("task hash differs")
	}
	for name, other := range map[string]api.Hash{
		"the gas limit": BatchedTaskHash(1337, enigma, sc, id, 900, in, 1_000_001, 7),
		"the task id":   BatchedTaskHash(1337, enigma, sc, otherID, 900, in, 1_000_000, 7),
		"the epoch":     BatchedTaskHash(1337, enigma, sc, id, 1000, in, 1_000_000, 7),
	} {
		if other == h {
			t.Errorf("%s is not hashed", name)
		}
	}
}

func TestBatchStatusStrings(t *testing.T) {
	for _, tc := range []struct {
		st   Status
		want string
		done bool
	}{
		{Status{Batch: BatchPending, Head: 5}, "batched: pending, not run yet (block 5)", false},
		{Status{Batch: BatchExecuted, Head: 5}, "batched: executed, waiting for its batch (block 5)", false},
		{Status{Batch: BatchInBatch, BatchIndex: 3, Head: 6}, "batched: in batch 3, sent to the chain (block 6)", false},
		{Status{Batch: BatchCommitted, BatchIndex: 3, BatchBlock: 7, Head: 9}, "batched: committed in batch 3 at block 7 (head 9)", true},
		{Status{Batch: BatchFailed, Error: "the epoch ended", Head: 9}, "batched: failed, not charged: the epoch ended (block 9)", true},
		{Status{Chain: api.ChainReceiptVerified, Gateway: api.StatusSuccess, Head: 9}, "chain ReceiptVerified, network SUCCESS (block 9)", true},
		{Status{Chain: api.ChainRecordCreated, Gateway: api.StatusInProgress, Head: 9}, "chain RecordCreated, network INPROGRESS (block 9)", false},
	} {
		if got := tc.st.String(); got != tc.want || tc.st.Done() != tc.done {
			t.Errorf("%+v: %q done=%v, want %q done=%v", tc.st, got, tc.st.Done(), tc.want, tc.done)
		}
	}
	e := &TaskError{TaskID: api.Hash{1}, Batched: true, Message: "its epoch ended"}
	if !strings.Contains(e.Error(), "not charged") || !strings.Contains(e.Error(), "its epoch ended") {
		t.Fatal(e.Error())
	}
}

func TestReservationsExpire(t *testing.T) {
	var f funds
	a, b := &reservation{fee: big.NewInt(10), until: 100}, &reservation{fee: big.NewInt(5), until: 200}
	f.add(a)
	f.add(b)
	if got := f.outstanding(100); got.Int64() != 15 {
		t.Fatalf("at 100: %v", got)
	}
	if got := f.outstanding(101); got.Int64() != 5 {
		t.Fatalf("at 101, a expired: %v", got)
	}
	f.release(b)
	f.release(nil)
	if got := f.outstanding(0); got.Sign() != 0 {
		t.Fatalf("after release: %v", got)
	}
}

// fakeRoots is a chain holding some batch roots.
type fakeRoots struct {
	head  uint64
	roots map[uint64]api.Hash
}

func (f *fakeRoots) BlockNumber(context.Context) (uint64, error) { return f.head, nil }
func (f *fakeRoots) BatchRoot(_ context.Context, _ [32]byte, i uint64, block *big.Int) ([32]byte, error) {
	if block == nil || block.Uint64() != f.head {
		return [32]byte{}, errors.New("read at another block than the head")
	}
	return f.roots[i], nil
}

// fakeGateway answers v2_getBatchedTask with reply.
type fakeGateway struct {
	mu    sync.Mutex
	reply map[string]any
	err   map[string]any
}

func (g *fakeGateway) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	io.Copy(io.Discard, r.Body)
	g.mu.Lock()
	defer g.mu.Unlock()
	out := map[string]any{"jsonrpc": "2.0", "id": 1}
	if g.err != nil {
		out["error"] = g.err
	} else {
		out["result"] = g.reply
	}
	json.NewEncoder(w).Encode(out)
}

// committedCase is a batched task of this client committed as the second
// of a batch of three, and what the gateway reports of it.
func committedCase(t *testing.T) (*Task, *fakeRoots, map[string]any) {
	t.Helper()
	return committedCaseOf(t, false)
}

// committedCaseOf is committedCase of a task the contract failed (failed)
// or ran.
func committedCaseOf(t *testing.T, failed bool) (*Task, *fakeRoots, map[string]any) {
	t.Helper()
	gw := &fakeGateway{}
	ts := httptest.NewServer(gw)
	t.Cleanup(ts.Close)
	c := &Client{cfg: TestConfig(), log: slog.New(slog.DiscardHandler), gw: newGatewayClient(ts.URL, TestConfig().CallTimeout), funds: new(funds)}
	sender := common.HexToAddress("0x00000000000000000000000000000000000000a1")
	task := &Task{c: c, ID: BatchedTaskID(sender, 42), Contract: api.Hash{0xcc}, Envelope: EnvelopeV2, Sender: sender, Nonce: 42,
		GasLimit: 1000, GasPx: 3, Batched: true, inputsHash: api.Hash{0x11}, v2Key: &envelope.ResponseKey{}}
	output := []byte("the encrypted output")
	leaf := batch.Task{TaskID: task.ID, InputsHash: task.inputsHash, OutputHash: compat.Keccak256(output), DeltaHash: api.Hash{0xde}, GasUsed: 600, Fee: big.NewInt(1800), Failed: failed}
	tree, err := batch.NewTree([]batch.Task{{TaskID: api.Hash{0xf0}, Fee: big.NewInt(1)}, leaf, {TaskID: api.Hash{0xf2}, Fee: big.NewInt(2)}})
	if err != nil {
		t.Fatal(err)
	}
	proof, _ := tree.Proof(1)
	ps := make([]any, len(proof))
	for i, p := range proof {
		ps[i] = hex.EncodeToString(p[:])
	}
	root := tree.Root()
	roots := &fakeRoots{head: 50, roots: map[uint64]api.Hash{0: {0x01}, 1: root}}
	c.roots = roots
	reply := map[string]any{
		"taskId": hex.EncodeToString(task.ID[:]), "contract": hex.EncodeToString(task.Contract[:]), "status": "committed",
		"batchIndex": 1, "position": 1, "epoch": 30, "inputsHash": hex.EncodeToString(leaf.InputsHash[:]),
		"outputHash": hex.EncodeToString(leaf.OutputHash[:]), "deltaHash": hex.EncodeToString(leaf.DeltaHash[:]),
		"gasUsed": 600, "fee": "1800", "taskFailed": failed, "output": hex.EncodeToString(output),
		"proof": ps, "root": hex.EncodeToString(root[:]), "block": 48,
	}
	gw.reply = reply
	return task, roots, reply
}

func decodeReply(t *testing.T, m map[string]any) *batchedReply {
	t.Helper()
	b, _ := json.Marshal(m)
	var r batchedReply
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	return &r
}

func TestCheckBatched(t *testing.T) {
	ctx := context.Background()
	task, _, reply := committedCase(t)
	res, err := task.checkBatched(ctx, decodeReply(t, reply))
	if err != nil {
		t.Fatal(err)
	}
	if !res.Batched || res.BatchIndex != 1 || res.Position != 1 || res.BatchBlock != 48 || res.ProvedAt != 50 || res.Fee.Int64() != 1800 ||
		res.UsedGas != 600 || res.Status != api.ChainReceiptVerified || string(res.EncryptedOutput) != "the encrypted output" {
		t.Fatalf("result %+v", res)
	}

	// Every alteration is caught.
	flip := func(k string) func(map[string]any) {
		return func(m map[string]any) {
			s := m[k].(string)
			m[k] = s[:len(s)-1] + map[bool]string{true: "1", false: "0"}[s[len(s)-1] == '0']
		}
	}
	for name, alter := range map[string]func(map[string]any){
		"output":         flip("output"),
		"output hash":    flip("outputHash"),
		"inputs hash":    flip("inputsHash"),
		"delta hash":     flip("deltaHash"),
		"root":           flip("root"),
		"task id":        flip("taskId"),
		"contract":       flip("contract"),
		"fee":            func(m map[string]any) { m["fee"] = "1801" },
		"fee not a fee":  func(m map[string]any) { m["fee"] = "0x708" },
		"gas and fee":    func(m map[string]any) { m["gasUsed"], m["fee"] = 601, "1803" },
		"gas over limit": func(m map[string]any) { m["gasUsed"], m["fee"] = 1001, "3003" },
		"batch index":    func(m map[string]any) { m["batchIndex"] = 0 },
		"batch unknown":  func(m map[string]any) { m["batchIndex"] = 9 },
		"proof node":     func(m map[string]any) { m["proof"].([]any)[0] = strings.Repeat("00", 32) },
		"proof short":    func(m map[string]any) { m["proof"] = m["proof"].([]any)[:1] },
		"proof none":     func(m map[string]any) { delete(m, "proof") },
		"proof not hex":  func(m map[string]any) { m["proof"] = []any{"zz"} },
		"output not hex": func(m map[string]any) { m["output"] = "zz" },
		"task failed":    func(m map[string]any) { m["taskFailed"] = true }, // the leaf holds the status
	} {
		t.Run(name, func(t *testing.T) {
			task, _, reply := committedCase(t)
			alter(reply)
			if _, err := task.checkBatched(ctx, decodeReply(t, reply)); api.CodeOf(err) != api.CodeTampered {
				t.Fatalf("got %v, want a tampered report", err)
			}
		})
	}
	task, _, reply = committedCaseOf(t, true)
	if res, err := task.checkBatched(ctx, decodeReply(t, reply)); err != nil || res.Status != api.ChainReceiptFailed {
		t.Fatalf("a task the contract failed: %+v, %v", res, err)
	}
	reply["taskFailed"] = false // its encrypted error passed off as an output
	if _, err := task.checkBatched(ctx, decodeReply(t, reply)); api.CodeOf(err) != api.CodeTampered {
		t.Fatalf("a failed task reported as run: %v, want a tampered report", err)
	}
}

// scriptGateway gives its replies in turn: Wait reads a task through its states,
// asking again after errors, and ends on a final one.
type scriptGateway struct {
	mu      sync.Mutex
	replies []map[string]any // a map with "rpcError" is a JSON-RPC error
	calls   int
}

func (g *scriptGateway) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	io.Copy(io.Discard, r.Body)
	g.mu.Lock()
	defer g.mu.Unlock()
	m := g.replies[min(g.calls, len(g.replies)-1)]
	g.calls++
	out := map[string]any{"jsonrpc": "2.0", "id": 1}
	if e, ok := m["rpcError"]; ok {
		out["error"] = e
	} else {
		out["result"] = m
	}
	json.NewEncoder(w).Encode(out)
}

func TestWaitBatched(t *testing.T) {
	ctx := context.Background()
	task, _, committed := committedCase(t)
	id := hex.EncodeToString(task.ID[:])
	notFound := map[string]any{"rpcError": map[string]any{"code": -32000, "message": "no worker has it", "data": map[string]any{"code": int(api.CodeNotFound)}}}
	down := map[string]any{"rpcError": map[string]any{"code": -32000, "message": "worker restarting", "data": map[string]any{"code": int(api.CodeUnavailable)}}}
	gw := &scriptGateway{replies: []map[string]any{
		notFound,
		{"taskId": id, "status": "pending"},
		{"taskId": id, "status": "pending"},
		down,
		{"taskId": id, "status": "executed"},
		{"taskId": id, "status": "in_batch", "batchIndex": 1},
		committed,
	}}
	ts := httptest.NewServer(gw)
	defer ts.Close()
	task.c.gw = newGatewayClient(ts.URL, TestConfig().CallTimeout)
	task.reservation = &reservation{fee: big.NewInt(3000), until: 1 << 40}
	task.c.funds.add(task.reservation)
	var seen []string
	st, err := task.Wait(ctx, func(s Status) { seen = append(seen, string(s.Batch)) })
	if err != nil {
		t.Fatal(err)
	}
	if want := "pending executed in_batch committed"; strings.Join(seen, " ") != want || st.Batch != BatchCommitted || st.BatchBlock != 48 || st.Chain != api.ChainReceiptVerified {
		t.Fatalf("progress %q, status %+v", seen, st)
	}
	if got := task.c.funds.outstanding(0); got.Sign() != 0 {
		t.Fatalf("the ended task still counts %v grains against the balance", got)
	}

	// A failed task ends Wait with its text and code, and Result reports
	// it as a *TaskError, not charged.
	gw.mu.Lock()
	gw.replies, gw.calls = []map[string]any{{"taskId": id, "status": "failed", "error": "its epoch ended before it ran", "code": int(api.CodeWrongEpoch)}}, 0
	gw.mu.Unlock()
	if st, err := task.Wait(ctx, nil); err != nil || st.Batch != BatchFailed || st.Code != api.CodeWrongEpoch || st.Error != "its epoch ended before it ran" {
		t.Fatalf("a failed task: %+v, %v", st, err)
	}
	_, err = task.Result(ctx)
	var te *TaskError
	if !errors.As(err, &te) || !te.Batched || te.Status != api.ChainUndefined || te.Code != api.CodeWrongEpoch || te.Message != "its epoch ended before it ran" ||
		api.CodeOf(err) != api.CodeWrongEpoch || !errors.Is(err, api.Sentinel(api.CodeWrongEpoch)) {
		t.Fatalf("failed task: %v", err)
	}

	// A gateway that does not serve batched tasks ends the wait at once.
	gw.mu.Lock()
	gw.replies, gw.calls = []map[string]any{{"rpcError": map[string]any{"code": -32601, "message": "this node does not serve batched tasks"}}}, 0
	gw.mu.Unlock()
	if _, err := task.Wait(ctx, nil); !errors.Is(err, ErrNotSupported) || gw.calls != 1 {
		t.Fatalf("no batched tasks: %v after %d calls", err, gw.calls)
	}

	// A task that stays pending is given up on at the wait's bound.
	gw.mu.Lock()
	gw.replies, gw.calls = []map[string]any{{"taskId": id, "status": "pending"}}, 0
	gw.mu.Unlock()
	short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	if _, err := task.Wait(short, nil); !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "batched: pending") || !strings.Contains(err.Error(), id[:8]) {
		t.Fatalf("a task that stays pending: %v", err)
	}
}

// After a send whose reply may have been lost, the task is taken as not
// sent (and sealed again) only when the gateway answers that no worker
// holds it; other failures to read it are read again, then returned.
func TestBatchedKnown(t *testing.T) {
	ctx := context.Background()
	task, _, _ := committedCase(t)
	id := hex.EncodeToString(task.ID[:])
	notFound := map[string]any{"rpcError": map[string]any{"code": -32000, "message": "no worker has it", "data": map[string]any{"code": int(api.CodeNotFound)}}}
	down := map[string]any{"rpcError": map[string]any{"code": -32000, "message": "worker restarting", "data": map[string]any{"code": int(api.CodeUnavailable)}}}
	other := map[string]any{"rpcError": map[string]any{"code": -32000, "message": "only the worker it was sent to is believed", "data": map[string]any{"code": int(api.CodeUnavailable)}}}
	task.c.cfg.PollInterval = time.Millisecond
	for _, c := range []struct {
		name    string
		replies []map[string]any
		known   bool
		err     bool
		calls   int
	}{
		{"held", []map[string]any{{"taskId": id, "status": "pending"}}, true, false, 1},
		{"not held", []map[string]any{notFound}, false, false, 1},
		{"held after the gateway came back", []map[string]any{down, other, {"taskId": id, "status": "pending"}}, true, false, 3},
		{"not held after the gateway came back", []map[string]any{down, notFound}, false, false, 2},
		{"never readable", []map[string]any{down}, false, true, batchedLookups},
	} {
		gw := &scriptGateway{replies: c.replies}
		ts := httptest.NewServer(gw)
		task.c.gw = newGatewayClient(ts.URL, TestConfig().CallTimeout)
		known, err := task.c.batchedKnown(ctx, task)
		ts.Close()
		if known != c.known || (err != nil) != c.err || gw.calls != c.calls {
			t.Errorf("%s: known %v, err %v after %d calls; want %v, error %v after %d", c.name, known, err, gw.calls, c.known, c.err, c.calls)
		}
		if err != nil && !strings.Contains(err.Error(), "does not run twice") {
			t.Errorf("%s: the error does not say what to do: %v", c.name, err)
		}
	}
}
