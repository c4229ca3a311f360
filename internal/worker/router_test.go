package worker_test

import (
	"context"
	"github.com/enigma-go/enigma/internal/workerapi"
	"testing"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain/bindings"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/worker"
)

// resultNode is a worker that answers TaskResult with a fixed result.
type resultNode struct {
	signer api.EthAddress
	result *workerapi.TaskResult
	asked  int
}

func (n *resultNode) Signer() api.EthAddress { return n.signer }
func (n *resultNode) TaskKey(context.Context, [64]byte, [32]byte) (workerapi.WorkerKey, error) {
	return workerapi.WorkerKey{}, api.Errorf(api.CodeUnavailable, "test node")
}
func (n *resultNode) EpochKey(context.Context) (workerapi.EpochKey, error) {
	return workerapi.EpochKey{}, api.Errorf(api.CodeUnavailable, "test node")
}
func (n *resultNode) SubmitDeploy(context.Context, *workerapi.DeployRequest) error   { return nil }
func (n *resultNode) SubmitCompute(context.Context, *workerapi.ComputeRequest) error { return nil }
func (n *resultNode) SubmitV2(context.Context, *workerapi.V2Request) error           { return nil }
func (n *resultNode) SubmitBatched(context.Context, *workerapi.BatchedRequest) error { return nil }
func (n *resultNode) BatchedTask(context.Context, api.TaskID) (*workerapi.BatchedTask, error) {
	return nil, nil
}
func (n *resultNode) Query(context.Context, *workerapi.QueryRequest) (*workerapi.QueryResult, error) {
	return nil, api.Errorf(api.CodeUnavailable, "test node")
}
func (n *resultNode) ExportState(context.Context, api.ContractAddress, uint32) (*worker.StateExport, error) {
	return nil, api.Errorf(api.CodeNotFound, "test node")
}
func (n *resultNode) ProveIdentity(context.Context, [32]byte, []byte) ([65]byte, error) {
	return [65]byte{}, api.Errorf(api.CodeUnavailable, "test node")
}
func (n *resultNode) TaskResult(context.Context, api.TaskID) (*workerapi.TaskResult, error) {
	n.asked++
	if n.result == nil {
		return nil, nil
	}
	r := *n.result
	if r.Delta != nil {
		d := *r.Delta
		r.Delta = &d
	}
	return &r, nil
}

// ordered is a Directory that lists its nodes in the order given, so a
// test decides who is asked first.
type ordered []worker.Node

func (d ordered) Node(s api.EthAddress) (worker.Node, bool) {
	for _, n := range d {
		if n.Signer() == s {
			return n, true
		}
	}
	return nil, false
}
func (d ordered) Nodes() []worker.Node { return d }

// fakeChain holds task records and contracts' delta hashes.
type fakeChain struct {
	records map[api.TaskID]bindings.EnigmaTaskRecord
	deploys map[api.TaskID]bool
	deltas  map[api.ContractAddress][]api.Hash
}

func (c *fakeChain) TaskRecord(_ context.Context, id [32]byte) (bindings.EnigmaTaskRecord, error) {
	return c.records[id], nil
}
func (c *fakeChain) IsDeploymentTask(_ context.Context, id [32]byte) (bool, error) {
	return c.deploys[id], nil
}
func (c *fakeChain) StateDeltaHash(_ context.Context, sc [32]byte, i uint64) ([32]byte, error) {
	if d := c.deltas[sc]; i < uint64(len(d)) {
		return d[i], nil
	}
	return [32]byte{}, nil
}

// The gateway reports a task result only when it matches the task's record
// on chain: a worker that reports another output, status or delta is
// skipped and the next one asked; the chain's status wins.
func TestRouterReportsOnlyResultsTheChainConfirms(t *testing.T) {
	ctx := context.Background()
	contract, task, deploy := api.Hash{0xc1}, api.Hash{0x71}, api.Hash{0xd1}
	output := []byte("encrypted output")
	delta := &workerapi.Delta{Index: 1, Hash: compat.Keccak256([]byte("delta 1")), Data: []byte("delta 1")}
	delta0 := &workerapi.Delta{Index: 0, Hash: compat.Keccak256([]byte("delta 0")), Data: []byte("delta 0")}
	ch := &fakeChain{
		records: map[api.TaskID]bindings.EnigmaTaskRecord{
			task:   {Status: 2, OutputHash: compat.Keccak256(output)},
			deploy: {Status: 2},
		},
		deploys: map[api.TaskID]bool{deploy: true},
		deltas:  map[api.ContractAddress][]api.Hash{contract: {api.Hash{9}, delta.Hash}, deploy: {delta0.Hash}},
	}
	honest := &workerapi.TaskResult{TaskID: task, Contract: contract, Status: api.StatusSuccess, Output: output, Delta: delta}
	with := func(f func(r *workerapi.TaskResult)) *workerapi.TaskResult {
		r := *honest
		d := *honest.Delta
		r.Delta = &d
		f(&r)
		return &r
	}
	for name, lie := range map[string]*workerapi.TaskResult{
		"another output":           with(func(r *workerapi.TaskResult) { r.Output = []byte("forged") }),
		"another status":           with(func(r *workerapi.TaskResult) { r.Status = api.StatusFailed }),
		"a delta that is not data": with(func(r *workerapi.TaskResult) { r.Delta.Data = []byte("other") }),
		"a delta not on chain": with(func(r *workerapi.TaskResult) {
			r.Delta.Data = []byte("other")
			r.Delta.Hash = compat.Keccak256(r.Delta.Data)
		}),
		"another index":            with(func(r *workerapi.TaskResult) { r.Delta.Index = 0 }),
		"a delta without contract": with(func(r *workerapi.TaskResult) { r.Contract = api.Hash{} }),
		"another task":             with(func(r *workerapi.TaskResult) { r.TaskID = api.Hash{1} }),
	} {
		liar, good := &resultNode{signer: api.EthAddress{1}, result: lie}, &resultNode{signer: api.EthAddress{2}, result: honest}
		r := worker.NewRouter(ordered{liar, good}, ch, workerapi.Info{}, nil)
		got, err := r.TaskResult(ctx, task)
		if err != nil || got == nil || string(got.Output) != string(output) || got.Delta == nil || got.Delta.Hash != delta.Hash {
			t.Errorf("%s: reported %+v, %v; want the honest result", name, got, err)
		}
		if liar.asked != 1 || good.asked != 1 {
			t.Errorf("%s: asked the liar %d and the honest worker %d times", name, liar.asked, good.asked)
		}
		// With only the liar, nothing is reported.
		r = worker.NewRouter(ordered{liar}, ch, workerapi.Info{}, nil)
		if got, err := r.TaskResult(ctx, task); api.CodeOf(err) != api.CodeUnavailable || got != nil {
			t.Errorf("%s alone: %+v, %v; want CodeUnavailable", name, got, err)
		}
	}

	// An announced result is checked like a worker's: a lie is passed
	// over for the workers' answers, the truth saves asking them.
	for name, ann := range map[string]*workerapi.TaskResult{"a lie": with(func(r *workerapi.TaskResult) { r.Output = []byte("forged") }), "the truth": with(func(*workerapi.TaskResult) {})} {
		good := &resultNode{signer: api.EthAddress{2}, result: honest}
		r := worker.NewRouter(ordered{good}, ch, workerapi.Info{}, nil)
		r.UseAnnounced(func(id api.TaskID) *workerapi.TaskResult {
			if id != task {
				return nil
			}
			c := *ann
			return &c
		})
		got, err := r.TaskResult(ctx, task)
		if err != nil || got == nil || string(got.Output) != string(output) {
			t.Errorf("announced %s: reported %+v, %v; want the honest result", name, got, err)
		}
		if want := map[string]int{"a lie": 1, "the truth": 0}[name]; good.asked != want {
			t.Errorf("announced %s: the worker was asked %d times, want %d", name, good.asked, want)
		}
	}

	// A deployment's output is not on chain: its delta 0 vouches for it.
	depResult := &workerapi.TaskResult{TaskID: deploy, Contract: deploy, Status: api.StatusSuccess, Output: []byte("deployed"), Delta: delta0}
	noDelta := *depResult
	noDelta.Delta = nil
	r := worker.NewRouter(ordered{&resultNode{signer: api.EthAddress{1}, result: &noDelta}, &resultNode{signer: api.EthAddress{2}, result: depResult}}, ch, workerapi.Info{}, nil)
	if got, err := r.TaskResult(ctx, deploy); err != nil || got == nil || got.Delta == nil || got.Delta.Hash != delta0.Hash {
		t.Fatalf("deploy: %+v, %v", got, err)
	}
}

// The chain's status decides: an open record reads INPROGRESS whatever a
// worker says, no record reads as not seen, returned fees read FAILED, and
// a callback that reverted reads FAILED without the delta the chain did
// not take.
func TestRouterTakesTheStatusFromTheChain(t *testing.T) {
	ctx := context.Background()
	open, none, refunded, reverted := api.Hash{1}, api.Hash{2}, api.Hash{3}, api.Hash{4}
	out := []byte("output of the reverted task")
	ch := &fakeChain{records: map[api.TaskID]bindings.EnigmaTaskRecord{
		open: {Status: 1}, refunded: {Status: 5}, reverted: {Status: 4, OutputHash: compat.Keccak256(out)},
	}}
	says := func(id api.TaskID, st api.TaskStatus) *resultNode {
		return &resultNode{signer: api.EthAddress{1}, result: &workerapi.TaskResult{TaskID: id, Contract: api.Hash{0xc}, Status: st, Output: out,
			Delta: &workerapi.Delta{Index: 1, Hash: compat.Keccak256([]byte("d")), Data: []byte("d")}}}
	}
	for _, st := range []api.TaskStatus{api.StatusFailed, api.StatusSuccess} {
		r := worker.NewRouter(ordered{says(open, st)}, ch, workerapi.Info{}, nil)
		if got, err := r.TaskResult(ctx, open); err != nil || got == nil || got.Status != api.StatusInProgress || got.Output != nil {
			t.Errorf("open record, a worker says %s: %+v, %v; want INPROGRESS", st, got, err)
		}
	}
	r := worker.NewRouter(ordered{&resultNode{signer: api.EthAddress{1}}}, ch, workerapi.Info{}, nil)
	if got, err := r.TaskResult(ctx, open); got != nil || err != nil {
		t.Errorf("open record no worker has seen: %+v, %v", got, err)
	}
	r = worker.NewRouter(ordered{says(none, api.StatusSuccess)}, ch, workerapi.Info{}, nil)
	if got, err := r.TaskResult(ctx, none); got != nil || err != nil {
		t.Errorf("no record: %+v, %v", got, err)
	}
	// A worker that has not read a closed task's outcome yet has not seen it.
	r = worker.NewRouter(ordered{says(reverted, api.StatusInProgress)}, ch, workerapi.Info{}, nil)
	if got, err := r.TaskResult(ctx, reverted); got != nil || err != nil {
		t.Errorf("closed record, the worker still says INPROGRESS: %+v, %v; want not seen", got, err)
	}
	r = worker.NewRouter(ordered{says(refunded, api.StatusSuccess)}, ch, workerapi.Info{}, nil)
	if got, err := r.TaskResult(ctx, refunded); err != nil || got == nil || got.Status != api.StatusFailed || got.Output != nil {
		t.Errorf("fees returned: %+v, %v", got, err)
	}
	r = worker.NewRouter(ordered{says(reverted, api.StatusFailed)}, ch, workerapi.Info{}, nil)
	if got, err := r.TaskResult(ctx, reverted); err != nil || got == nil || got.Status != api.StatusFailed || string(got.Output) != string(out) || got.Delta != nil {
		t.Errorf("callback reverted: %+v, %v; want FAILED with its output and no delta", got, err)
	}
	if got, err := worker.NewRouter(ordered{says(open, api.StatusSuccess)}, nil, workerapi.Info{}, nil).TaskResult(ctx, open); api.CodeOf(err) != api.CodeUnavailable {
		t.Errorf("a router without a chain: %+v, %v", got, err)
	}
}
