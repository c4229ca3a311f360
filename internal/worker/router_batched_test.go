package worker_test

import (
	"context"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/batch"
	"github.com/enigma-go/enigma/internal/gateway"
	"github.com/enigma-go/enigma/internal/worker"
	"github.com/enigma-go/enigma/internal/workerapi"
)

var _ gateway.BatchedBackend = (*worker.Router)(nil)

// batchedNode is a worker that holds some batched tasks, and is down for
// its first submissions.
type batchedNode struct {
	resultNode
	tasks  map[api.TaskID]*workerapi.BatchedTask
	err    error // BatchedTask's error
	down   int
	refuse error
	sent   []*workerapi.BatchedRequest
	calls  int
}

func (n *batchedNode) SubmitBatched(_ context.Context, r *workerapi.BatchedRequest) error {
	n.calls++
	if n.down > 0 {
		n.down--
		return api.Errorf(api.CodeUnavailable, "p2p: worker %s is not reachable: it is down or restarting", n.signer)
	}
	if n.refuse == nil {
		n.sent = append(n.sent, r)
	}
	return n.refuse
}

func (n *batchedNode) BatchedTask(_ context.Context, id api.TaskID) (*workerapi.BatchedTask, error) {
	n.asked++
	if n.err != nil {
		return nil, n.err
	}
	t := n.tasks[id]
	if t == nil {
		return nil, nil
	}
	c := *t
	return &c, nil
}

// rootChain is a ResultChain that also holds batch roots.
type rootChain struct {
	fakeChain
	roots map[api.ContractAddress][]api.Hash
	reads int
}

func (c *rootChain) BatchRoot(_ context.Context, sc [32]byte, i uint64, _ *big.Int) ([32]byte, error) {
	c.reads++
	if r := c.roots[sc]; i < uint64(len(r)) {
		return r[i], nil
	}
	return [32]byte{}, nil
}

func TestRouterSubmitsBatchedAcrossARestart(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	w := &batchedNode{resultNode: resultNode{signer: api.EthAddress{1}}, down: 2}
	r := worker.NewRouter(worker.NewNodes(w), nil, workerapi.Info{}, nil)
	req := &workerapi.BatchedRequest{Worker: w.signer, TaskNonce: 9}
	if err := r.SubmitBatched(ctx, req); err != nil || w.calls != 3 || len(w.sent) != 1 || w.sent[0] != req {
		t.Fatalf("submission across a restart: %v after %d calls", err, w.calls)
	}
	w.calls, w.refuse = 0, api.Errorf(api.CodeWrongEpoch, "sealed for another epoch")
	if err := r.SubmitBatched(ctx, req); api.CodeOf(err) != api.CodeWrongEpoch || w.calls != 1 {
		t.Fatalf("a refusal of the worker's own: %v after %d calls, want it at once", err, w.calls)
	}
	req.Worker = api.EthAddress{9}
	if err := r.SubmitBatched(ctx, req); api.CodeOf(err) != api.CodeUnavailable || !strings.Contains(err.Error(), "not running or not reachable") {
		t.Fatalf("an unknown worker: %v", err)
	}
}

// committedTask is a committed batched task of a batch of three, with its
// proof, and the batch's root.
func committedTask(id api.TaskID, sc api.ContractAddress) (*workerapi.BatchedTask, api.Hash) {
	leaves := []batch.Task{{TaskID: api.Hash{0xf0}, Fee: big.NewInt(1)}, {TaskID: id, InputsHash: api.Hash{1}, OutputHash: api.Hash{2}, GasUsed: 50, Fee: big.NewInt(100)}, {TaskID: api.Hash{0xf2}, Fee: big.NewInt(3)}}
	tree, err := batch.NewTree(leaves)
	if err != nil {
		panic(err)
	}
	proof, _ := tree.Proof(1)
	t := &workerapi.BatchedTask{TaskID: id, Contract: sc, Status: workerapi.BatchedCommitted, BatchIndex: 1, Position: 1,
		InputsHash: api.Hash{1}, OutputHash: api.Hash{2}, GasUsed: 50, Proof: proof, Root: tree.Root(), Block: 40}
	big.NewInt(100).FillBytes(t.Fee[:])
	return t, tree.Root()
}

func TestRouterBatchedTask(t *testing.T) {
	ctx := context.Background()
	id, sc := api.Hash{0xaa}, api.Hash{0xcc}
	good, root := committedTask(id, sc)
	ch := &rootChain{roots: map[api.ContractAddress][]api.Hash{sc: {{0x01}, root}}}

	// The named worker is asked first; the others only when it has not
	// seen the task.
	a := &batchedNode{resultNode: resultNode{signer: api.EthAddress{1}}}
	b := &batchedNode{resultNode: resultNode{signer: api.EthAddress{2}}, tasks: map[api.TaskID]*workerapi.BatchedTask{id: good}}
	r := worker.NewRouter(ordered{a, b}, ch, workerapi.Info{}, nil)
	got, err := r.BatchedTask(ctx, b.signer, id)
	if err != nil || got == nil || got.Root != root || a.asked != 0 || b.asked != 1 || ch.reads != 1 {
		t.Fatalf("named worker: %+v, %v; asked a %d, b %d times", got, err, a.asked, b.asked)
	}
	got, err = r.BatchedTask(ctx, a.signer, id)
	if err != nil || got == nil || a.asked != 1 || b.asked != 2 {
		t.Fatalf("named worker without it: %+v, %v; asked a %d, b %d times", got, err, a.asked, b.asked)
	}
	if got, err := r.BatchedTask(ctx, api.EthAddress{}, id); err != nil || got == nil || a.asked != 2 {
		t.Fatalf("no worker named: %+v, %v", got, err)
	}
	// A task nobody has: not seen.
	if got, err := r.BatchedTask(ctx, a.signer, api.Hash{0x55}); got != nil || err != nil {
		t.Fatalf("unknown task: %+v, %v", got, err)
	}
	// A worker that cannot be reached is passed over; with nobody else,
	// its error is the answer.
	a.err = api.Errorf(api.CodeUnavailable, "down")
	if got, err := r.BatchedTask(ctx, a.signer, id); err != nil || got == nil {
		t.Fatalf("named worker down: %+v, %v", got, err)
	}
	r = worker.NewRouter(ordered{a}, ch, workerapi.Info{}, nil)
	if _, err := r.BatchedTask(ctx, a.signer, id); api.CodeOf(err) != api.CodeUnavailable {
		t.Fatalf("only worker down: %v", err)
	}

	// Answers that do not hold together are skipped for an honest one.
	lies := map[string]func(*workerapi.BatchedTask){
		"other task":         func(t *workerapi.BatchedTask) { t.TaskID = api.Hash{0xbb} },
		"altered output":     func(t *workerapi.BatchedTask) { t.OutputHash[0] ^= 1 },
		"altered fee":        func(t *workerapi.BatchedTask) { t.Fee[31]-- },
		"altered gas":        func(t *workerapi.BatchedTask) { t.GasUsed++ },
		"altered proof":      func(t *workerapi.BatchedTask) { t.Proof[0][0] ^= 1 },
		"short proof":        func(t *workerapi.BatchedTask) { t.Proof = t.Proof[:1] },
		"other batch":        func(t *workerapi.BatchedTask) { t.BatchIndex = 0 },
		"batch not on chain": func(t *workerapi.BatchedTask) { t.BatchIndex = 5 },
	}
	for name, lie := range lies {
		bad, _ := committedTask(id, sc)
		lie(bad)
		liar := &batchedNode{resultNode: resultNode{signer: api.EthAddress{3}}, tasks: map[api.TaskID]*workerapi.BatchedTask{id: bad}}
		honest := &batchedNode{resultNode: resultNode{signer: api.EthAddress{4}}, tasks: map[api.TaskID]*workerapi.BatchedTask{id: good}}
		r := worker.NewRouter(ordered{liar, honest}, ch, workerapi.Info{}, nil)
		got, err := r.BatchedTask(ctx, liar.signer, id)
		if err != nil || got == nil || got.TaskID != id || got.OutputHash != good.OutputHash || got.BatchIndex != 1 || honest.asked != 1 {
			t.Errorf("%s: reported %+v, %v; want the honest answer", name, got, err)
		}
		r = worker.NewRouter(ordered{liar}, ch, workerapi.Info{}, nil)
		if got, err := r.BatchedTask(ctx, liar.signer, id); got != nil || api.CodeOf(err) != api.CodeUnavailable {
			t.Errorf("%s, the liar alone: %+v, %v", name, got, err)
		}
	}

	// Before its batch is committed a task carries no proof to check.
	pending := &batchedNode{resultNode: resultNode{signer: api.EthAddress{5}}, tasks: map[api.TaskID]*workerapi.BatchedTask{
		id: {TaskID: id, Contract: sc, Status: workerapi.BatchedInBatch, BatchIndex: 2}}}
	r = worker.NewRouter(ordered{pending}, nil, workerapi.Info{}, nil)
	if got, err := r.BatchedTask(ctx, pending.signer, id); err != nil || got == nil || got.Status != workerapi.BatchedInBatch {
		t.Fatalf("in batch: %+v, %v", got, err)
	}

	// Such a status is believed from the worker the task was sent to only:
	// another worker cannot make the client give up on it (failed) or wait
	// on it forever, and its claim is never "not seen" either, so the
	// client does not seal the task again.
	for _, st := range []workerapi.BatchedStatus{workerapi.BatchedPending, workerapi.BatchedExecuted, workerapi.BatchedInBatch, workerapi.BatchedFailed} {
		named := &batchedNode{resultNode: resultNode{signer: api.EthAddress{6}}}
		other := &batchedNode{resultNode: resultNode{signer: api.EthAddress{7}}, tasks: map[api.TaskID]*workerapi.BatchedTask{
			id: {TaskID: id, Contract: sc, Status: st, Error: "made up"}}}
		r = worker.NewRouter(ordered{named, other}, ch, workerapi.Info{}, nil)
		if got, err := r.BatchedTask(ctx, named.signer, id); got != nil || api.CodeOf(err) != api.CodeUnavailable {
			t.Errorf("%s from a worker the task was not sent to: %+v, %v; want CodeUnavailable", st, got, err)
		}
		if got, err := r.BatchedTask(ctx, api.EthAddress{}, id); got != nil || api.CodeOf(err) != api.CodeUnavailable ||
			!strings.Contains(err.Error(), "workerAddress") {
			t.Errorf("%s with no worker named: %+v, %v; want CodeUnavailable", st, got, err)
		}
		if got, err := r.BatchedTask(ctx, other.signer, id); err != nil || got == nil || got.Status != st {
			t.Errorf("%s from the worker named: %+v, %v", st, got, err)
		}
		// A committed answer whose proof and root hold is taken from anyone.
		other.tasks[id] = good
		if got, err := r.BatchedTask(ctx, named.signer, id); err != nil || got == nil || got.Status != workerapi.BatchedCommitted {
			t.Errorf("committed from another worker: %+v, %v", got, err)
		}
	}
}
