package explorer

import (
	"context"
	"encoding/json"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/internal/chain/bindings"
)

// fakeSource is a Source double: fixed views, events sent by the test.
type fakeSource struct {
	head    uint64
	epoch   EpochView
	workers map[common.Address]WorkerView
	signers map[common.Address]common.Address // signer -> custodian
	events  chan Event
}

func (f *fakeSource) Head(context.Context) (uint64, error) { return f.head, nil }
func (f *fakeSource) Events(ctx context.Context, from uint64) <-chan Event {
	return f.events
}
func (f *fakeSource) Epoch(context.Context) (EpochView, error) { return f.epoch, nil }
func (f *fakeSource) Worker(_ context.Context, c common.Address) (WorkerView, error) {
	return f.workers[c], nil
}
func (f *fakeSource) Custodian(_ context.Context, s common.Address) (common.Address, error) {
	return f.signers[s], nil
}
func (f *fakeSource) Contract(_ context.Context, id common.Hash, record bool) (ContractView, error) {
	return ContractView{Owner: common.Address{9}, CodeHash: common.Hash{7}, Deltas: 2}, nil
}
func (f *fakeSource) ContractIDs(context.Context) ([]common.Hash, error) { return nil, nil }

var (
	custodian = common.HexToAddress("0x1000000000000000000000000000000000000001")
	signer    = common.HexToAddress("0x2000000000000000000000000000000000000002")
	sender    = common.HexToAddress("0x3000000000000000000000000000000000000003")
	sc        = common.HexToHash("0xaa")
	taskID    = common.HexToHash("0xbb")
)

func newTestExplorer(t *testing.T) (*Explorer, *fakeSource) {
	t.Helper()
	src := &fakeSource{head: 30, events: make(chan Event),
		epoch:   EpochView{Number: 2, FirstBlock: 20, Seed: big.NewInt(5), Signers: []common.Address{signer}, Stakes: []*big.Int{big.NewInt(100)}},
		workers: map[common.Address]WorkerView{custodian: {Signer: signer, Status: 1, Stake: big.NewInt(100), ETH: big.NewInt(1e18)}},
		signers: map[common.Address]common.Address{signer: custodian}}
	cfg := DefaultConfig()
	cfg.Source, cfg.Names = src, map[common.Address]string{custodian: "worker 0"}
	x, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return x, src
}

func taskEvents(seen time.Time) []Event {
	return []Event{
		{Payload: &bindings.EnigmaSecretContractDeployed{ScAddr: sc, CodeHash: common.Hash{7}}, Tx: Tx{Hash: common.Hash{1}, Block: 21}, From: custodian, Method: "deploySecretContract", Seen: seen},
		{Payload: &bindings.EnigmaTaskRecordCreated{TaskId: taskID, GasLimit: 1000, GasPx: 3, Sender: sender, BlockNumber: big.NewInt(22)},
			Tx: Tx{Hash: common.Hash{2}, Block: 22}, From: sender, Method: "createTaskRecord", Seen: seen},
		{Payload: &bindings.EnigmaReceiptFailed{TaskId: taskID}, Tx: Tx{Hash: common.Hash{3}, Block: 24}, From: custodian,
			Method: "commitTaskFailure", GasUsed: ptr(uint64(400)), Contract: &sc, Seen: seen.Add(1500 * time.Millisecond)},
		{Payload: &bindings.EnigmaBatchCommitted{ScAddr: sc, BatchIndex: big.NewInt(0), TaskCount: big.NewInt(4), Worker: custodian, Fees: big.NewInt(80)},
			Tx: Tx{Hash: common.Hash{4}, Block: 25}, TxGasUsed: ptr(uint64(90_000))},
	}
}

func ptr[T any](v T) *T { return &v }

func TestIndexTasksContractsBatches(t *testing.T) {
	x, _ := newTestExplorer(t)
	for _, ev := range taskEvents(time.Unix(100, 0)) {
		x.idx.Apply(ev)
	}
	x.Refresh(context.Background())
	task, ok := x.idx.Task(taskID)
	if !ok {
		t.Fatal("the task is not in the index")
	}
	if task.Status != StatusFailed || task.Kind != "compute" || *task.Worker != custodian || task.WorkerName != "worker 0" ||
		*task.GasUsed != 400 || task.Fee != "1200" || *task.Contract != sc || *task.LatencyBlocks != 2 || *task.LatencyMs != 1500 {
		t.Fatalf("task %+v", task)
	}
	c, ok := x.idx.Contract(sc)
	if !ok || c.Deltas != 2 || c.Batches != 1 || *c.DeployTask != sc || *c.Owner != (common.Address{9}) {
		t.Fatalf("contract %+v", c)
	}
	b, n := x.idx.Batches(&sc, 10)
	if n != 1 || b[0].Tasks != 4 || *b[0].GasUsed != 90_000 || b[0].WorkerName != "worker 0" {
		t.Fatalf("batches %+v", b)
	}
	e := x.idx.Epoch()
	if e.Number != 2 || e.Selected[0].Name != "worker 0" || e.Total != "100" {
		t.Fatalf("epoch %+v", e)
	}
	w, _ := x.idx.Worker(signer)
	if w.Status != WorkerLoggedIn || !w.Selected || w.ETH != "1000000000000000000" {
		t.Fatalf("worker %+v", w)
	}
}

func TestIndexBounded(t *testing.T) {
	idx := NewIndex(3, 2, 2, nil)
	for i := range 10 {
		idx.Apply(Event{Payload: &bindings.EnigmaTaskRecordCreated{TaskId: common.BigToHash(big.NewInt(int64(i)))}})
		idx.Apply(Event{Payload: &bindings.EnigmaBatchCommitted{ScAddr: common.BigToHash(big.NewInt(int64(i))), BatchIndex: big.NewInt(0),
			TaskCount: big.NewInt(1), Fees: big.NewInt(1)}})
	}
	if idx.TaskCount() != 3 {
		t.Fatalf("%d tasks kept, want 3", idx.TaskCount())
	}
	if tasks, _ := idx.Tasks(TaskFilter{}, 10); tasks[0].ID != common.BigToHash(big.NewInt(9)) || tasks[2].ID != common.BigToHash(big.NewInt(7)) {
		t.Fatalf("kept %v, want the newest first", tasks)
	}
	if _, n := idx.Batches(nil, 10); n != 2 {
		t.Fatalf("%d batches kept, want 2", n)
	}
	if _, n := idx.Contracts(10); n != 2 {
		t.Fatalf("%d contracts kept, want 2", n)
	}
}

func TestRunFollowsEvents(t *testing.T) {
	x, src := newTestExplorer(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { x.Run(ctx); close(done) }()
	for _, ev := range taskEvents(time.Now()) {
		src.events <- ev // unbuffered: Run took each
	}
	cancel()
	<-done
	if _, ok := x.idx.Task(taskID); !ok {
		t.Fatal("Run did not index the task")
	}
}

func TestAPI(t *testing.T) {
	x, _ := newTestExplorer(t)
	for _, ev := range taskEvents(time.Unix(100, 0)) {
		x.idx.Apply(ev)
	}
	x.Refresh(context.Background())
	srv := httptest.NewServer(x.Handler())
	defer srv.Close()
	get := func(path string) (int, string, http.Header) {
		t.Helper()
		r, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Body.Close()
		var b strings.Builder
		buf := make([]byte, 4096)
		for {
			n, err := r.Body.Read(buf)
			b.Write(buf[:n])
			if err != nil {
				break
			}
		}
		return r.StatusCode, b.String(), r.Header
	}
	ok := []string{"/explorer/", "/explorer/app.js", "/explorer/style.css", "/explorer/api/summary", "/explorer/api/tasks?status=failed&contract=" + sc.Hex(),
		"/explorer/api/task/" + taskID.Hex(), "/explorer/api/contract/" + sc.Hex(), "/explorer/api/address/" + sender.Hex(),
		"/explorer/api/batches?limit=1", "/explorer/api/workers", "/explorer/api/epoch", "/explorer/api/search?q=" + taskID.Hex()}
	for _, p := range ok {
		code, body, h := get(p)
		if code != http.StatusOK {
			t.Errorf("GET %s: %d %s", p, code, body)
		}
		if !strings.Contains(h.Get("Content-Security-Policy"), "default-src 'self'") || h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: headers %v", p, h)
		}
	}
	if _, body, _ := get("/explorer/api/search?q=" + taskID.Hex()); !strings.Contains(body, `"kind":"task"`) {
		t.Errorf("search by task id: %s", body)
	}
	bad := map[string]string{
		"/explorer/api/task/0x12":                             "64 hex digits",
		"/explorer/api/task/%3Cscript%3E":                     "64 hex digits",
		"/explorer/api/tasks?limit=0":                         "limit",
		"/explorer/api/tasks?limit=1000000":                   "limit",
		"/explorer/api/tasks?limit=abc":                       "limit",
		"/explorer/api/tasks?limit=1&limit=2":                 "once",
		"/explorer/api/tasks?status=%3Cb%3E":                  "status",
		"/explorer/api/tasks?address=0xzz":                    "40 hex digits",
		"/explorer/api/tasks?evil=1":                          "not known",
		"/explorer/api/summary?q=%ZZ":                         "URL-encoded",
		"/explorer/api/search?q=":                             "empty",
		"/explorer/api/search?q=%3Cimg%20src%3Dx%3E":          "neither",
		"/explorer/api/address/0x123":                         "40 hex digits",
		"/explorer/api/workers?x=" + strings.Repeat("a", 600): "512",
	}
	for p, want := range bad {
		code, body, _ := get(p)
		var e struct{ Error string }
		if code != http.StatusBadRequest || json.Unmarshal([]byte(body), &e) != nil || !strings.Contains(e.Error, want) {
			t.Errorf("GET %s: %d %s, want 400 saying %q", p, code, body, want)
		}
	}
	if code, _, _ := get("/explorer/api/task/" + common.Hash{5}.Hex()); code != http.StatusNotFound {
		t.Errorf("an unknown task: %d, want 404", code)
	}
	if code, _, _ := get("/explorer/api/nothing"); code != http.StatusNotFound {
		t.Errorf("an unknown path: %d, want 404", code)
	}
	r, err := http.Post(srv.URL+"/explorer/api/summary", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	r.Body.Close()
	if r.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d, want 405", r.StatusCode)
	}
}
