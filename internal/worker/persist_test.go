package worker_test

import (
	"context"
	"crypto/rand"
	"github.com/enigma-go/enigma/internal/workerapi"
	"log/slog"
	"math/big"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cockroachdb/pebble/v2/vfs"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/crypto/envelope"
	"github.com/enigma-go/enigma/internal/enclave/sim"
	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/internal/worker"
)

// restartWorker stops worker i and starts it again as a restarted node
// process does: a new enclave from its seal key file and the blob it
// sealed at start, its store reopened, a new worker node on them (New
// resumes what the store holds). With crash, the store is the image of
// what the old one had synced at the moment of the call (the old process
// was killed then: nothing it had not synced survives), and the old
// worker, store and enclave are closed after the image is taken.
func (n *network) restartWorker(ctx context.Context, i int, crash bool) *worker.Worker {
	t := n.t
	t.Helper()
	sc := n.storeCfgs[i]
	if crash {
		sc.FS = n.storeCfgs[i].FS.(*vfs.MemFS).CrashClone(vfs.CrashCloneCfg{UnsyncedDataPercent: 0})
	}
	old := n.workers[i]
	n.dir.Remove(old.Signer())
	old.Close()
	n.stores[i].Close()
	n.encs[i].Close()

	ec := n.encCfgs[i]
	ec.Sealed = n.sealed[i]
	enc, err := sim.NewWorker(ec)
	if err != nil {
		t.Fatalf("restart worker %d's enclave: %v", i, err)
	}
	t.Cleanup(func() { enc.Close() })
	store, err := state.Open(sc, nil)
	if err != nil {
		t.Fatalf("reopen worker %d's store: %v", i, err)
	}
	t.Cleanup(func() { store.Close() })
	cfg := n.cfgs[i]
	cfg.Enclave, cfg.Store = enc, store
	w, err := worker.New(ctx, cfg)
	if err != nil {
		t.Fatalf("restart worker %d: %v", i, err)
	}
	t.Cleanup(func() { w.Close() })
	if w.Signer() != old.Signer() {
		t.Fatalf("worker %d restarted as %s, was %s", i, w.Signer(), old.Signer())
	}
	n.workers[i], n.stores[i], n.encs[i], n.storeCfgs[i] = w, store, enc, sc
	n.dir.Add(w)
	return w
}

// v2Task creates the record of an envelope v2 compute task and returns
// its submission, the key its response comes under and its context.
func (n *network) v2Task(ctx context.Context, contract api.ContractAddress, fn string, args []byte) (*workerapi.V2Request, envelope.ResponseKey, envelope.Context) {
	t := n.t
	t.Helper()
	e := n.enigma
	sel := n.selected(ctx, contract)
	ek, err := n.router.EpochKey(ctx, sel)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := e.SecretContract(ctx, contract)
	if err != nil {
		t.Fatal(err)
	}
	nonce, err := e.UserTaskDeployments(ctx, n.user.Address)
	if err != nil {
		t.Fatal(err)
	}
	c := envelope.Context{ChainID: e.Client().ChainID().Uint64(), EnigmaContract: e.Addresses().Enigma, SecretContract: contract,
		CodeHash: sc.CodeHash, Epoch: ek.Epoch, Sender: n.user.Address, TaskNonce: nonce.Uint64()}
	msg, rk, err := envelope.SealRequest(ek.PublicKey, c, envelope.EncodeCall(fn, args), envelope.Options{Pad: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.ApproveEnigma(ctx, n.user, big.NewInt(1_000_000)); err != nil {
		t.Fatal(err)
	}
	if _, err := e.CreateTaskRecord(ctx, n.user, envelope.InputsHash(msg), 1_000_000, 1, ek.Epoch); err != nil {
		t.Fatal(err)
	}
	id := compat.TaskID(n.user.Address, nonce)
	return &workerapi.V2Request{TaskID: id, Worker: sel, ContractAddress: contract, Request: msg, Sender: api.EthAddress(n.user.Address),
		TaskNonce: nonce.Uint64()}, rk, c
}

// waitV2 waits for a v2 task to end and returns its status, its opened
// output and its status on chain.
func (n *network) waitV2(ctx context.Context, id api.TaskID, rk envelope.ResponseKey, c envelope.Context) (api.TaskStatus, []byte, uint8) {
	n.t.Helper()
	r, _, st := n.wait(ctx, &task{id: id})
	out, err := envelope.OpenResponse(rk, c, r.Output)
	if err != nil {
		n.t.Fatalf("v2 task %s: the output does not open: %v", id, err)
	}
	return r.Status, out, st
}

// Tasks a worker accepted survive its crash: killed while one task's
// receipt was in the pool and four more (one of them v2) waited behind it,
// the worker restarts from its seal key file, its sealed blob and what its
// store had synced, sends the first receipt again (the chain takes
// either), runs the others in order with the blobs its enclave held them
// in, and every task ends verified with the right output. A resubmission
// after the restart is answered as accepted and not run twice. Before,
// the accepted tasks lived only in memory and the enclave's task keys too:
// all five stayed open until their fees were returned.
func TestAcceptedTasksSurviveACrash(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	n := startNetworkOpts(t, ctx, 2, netOptions{crashable: true})
	user, _ := compat.GenerateKey(rand.Reader)
	sc := n.deploy(ctx, user).contract
	_, i := n.workerOf(n.selected(ctx, sc))

	// Every record first: no block is mined once the chain stops.
	first := n.newTask(ctx, user, sc, nil, "store", []byte("a"), 1_000_000)
	second := n.newTask(ctx, user, sc, nil, "get", nil, 1_000_000)
	v2, rk, v2ctx := n.v2Task(ctx, sc, "get", nil)
	fourth := n.newTask(ctx, user, sc, nil, "store", []byte("b"), 1_000_000)
	fifth := n.newTask(ctx, user, sc, nil, "get", nil, 1_000_000)
	dev := n.chain.Dev
	dev.Pause()
	defer dev.Resume()
	for _, tk := range []*task{first, second} {
		if err := n.submit(ctx, tk); err != nil {
			t.Fatal(err)
		}
	}
	if err := n.router.SubmitV2(ctx, v2); err != nil {
		t.Fatal(err)
	}
	for _, tk := range []*task{fourth, fifth} {
		if err := n.submit(ctx, tk); err != nil {
			t.Fatal(err)
		}
	}
	waitPending(t, ctx, n.enigma, n.cfgs[i].Account.Address) // the first receipt is in the pool

	var logs logBuffer
	n.cfgs[i].Logger = slog.New(slog.NewTextHandler(&logs, nil))
	w := n.restartWorker(ctx, i, true)
	if s := w.Stats(); s.Resumed != 5 || s.Dropped != 0 {
		t.Fatalf("after the crash: %+v; want the 5 accepted tasks resumed", s)
	}
	if err := n.submit(ctx, fourth); err != nil {
		t.Fatalf("resubmission of a task accepted before the crash: %v", err)
	}
	if s := w.Stats(); s.Accepted != 0 {
		t.Fatalf("a resubmitted task was accepted again: %+v", s)
	}
	dev.Resume()

	for _, c := range []struct {
		tk   *task
		want string
	}{{first, "a"}, {second, "a"}, {fourth, "b"}, {fifth, "b"}} {
		r, out, st := n.wait(ctx, c.tk)
		if r.Status != api.StatusSuccess || st != 2 || string(out) != c.want {
			t.Fatalf("task %s after the crash: %s, chain %d, output %q; want SUCCESS, 2, %q", c.tk.id, r.Status, st, out, c.want)
		}
	}
	if st, out, chainSt := n.waitV2(ctx, v2.TaskID, rk, v2ctx); st != api.StatusSuccess || chainSt != 2 || string(out) != "a" {
		t.Fatalf("v2 task after the crash: %s, chain %d, output %q", st, chainSt, out)
	}
	until(t, ctx, "the store to forget the ended tasks", func() bool {
		p, err := n.stores[i].PendingTasks(ctx)
		return err == nil && len(p) == 0
	})
	until(t, ctx, "the worker to count the outcomes", func() bool {
		s := w.Stats()
		return s.Succeeded >= 5 || s.HostFailures > 0
	})
	if s := w.Stats(); s.HostFailures != 0 || s.Succeeded != 5 {
		t.Fatalf("stats %+v: want five successes and no host failure", s)
	}
	if c, _ := n.enigma.CountStateDeltas(ctx, sc); c != 3 {
		t.Fatalf("deltas on chain: %d, want 3 (deploy and two stores)", c)
	}
	if !strings.Contains(logs.String(), "sending again the receipt") {
		t.Fatal("the restarted worker did not send the first task's stored receipt again: the crash image did not hold its result")
	}
}

// logBuffer collects a logger's output; safe for concurrent use.
type logBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// A task accepted before a restart whose timeout passed meanwhile is
// dropped at the restart (its fee is refundable), not run; one that ended
// meanwhile is forgotten. A resubmission of the dropped task is refused,
// saying why.
func TestTaskPastItsTimeoutIsDroppedAtRestart(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	n := startNetwork(t, ctx, 2)
	user, _ := compat.GenerateKey(rand.Reader)
	sc := n.deploy(ctx, user).contract
	_, i := n.workerOf(n.selected(ctx, sc))
	first := n.newTask(ctx, user, sc, nil, "store", []byte("x"), 1_000_000)
	late := n.newTask(ctx, user, sc, nil, "get", nil, 1_000_000)
	dev := n.chain.Dev
	dev.Pause()
	for _, tk := range []*task{first, late} {
		if err := n.submit(ctx, tk); err != nil {
			t.Fatal(err)
		}
	}
	waitPending(t, ctx, n.enigma, n.cfgs[i].Account.Address)
	// The worker stops; while it is down the first receipt is mined and
	// the second task times out.
	n.dir.Remove(n.workers[i].Signer())
	n.workers[i].Close()
	dev.Resume()
	rec, err := n.enigma.TaskRecord(ctx, late.id)
	if err != nil {
		t.Fatal(err)
	}
	timeout, err := n.enigma.TaskTimeoutSize(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := n.enigma.Client().WaitForBlock(ctx, rec.BlockNumber.Uint64()+timeout+1); err != nil {
		t.Fatal(err)
	}
	until(t, ctx, "the first receipt to be mined", func() bool {
		r, err := n.enigma.TaskRecord(ctx, first.id)
		return err == nil && r.Status == 2
	})

	w := n.restartWorker(ctx, i, false)
	if s := w.Stats(); s.Resumed != 0 || s.Dropped != 1 {
		t.Fatalf("after the restart: %+v; want the late task dropped and nothing resumed", s)
	}
	if p, err := n.stores[i].PendingTasks(ctx); err != nil || len(p) != 0 {
		t.Fatalf("pending after the restart: %v %v; want none", p, err)
	}
	err = n.submit(ctx, late)
	if api.CodeOf(err) != api.CodeReplay || !strings.Contains(err.Error(), "timeout") {
		t.Fatalf("resubmission of the dropped task: %v; want CodeReplay naming the timeout", err)
	}
	if r, err := w.TaskResult(ctx, late.id); err != nil || r == nil || r.Status != api.StatusFailed {
		t.Fatalf("the dropped task's result: %+v %v; want FAILED", r, err)
	}
	if _, err := n.enigma.ReturnFeesForTask(ctx, n.user, late.id); err != nil {
		t.Fatalf("refund of the dropped task: %v", err)
	}
	if r, _, st := n.wait(ctx, first); r.Status != api.StatusSuccess || st != 2 {
		t.Fatalf("the task whose receipt was mined while the worker was down: %s, chain %d", r.Status, st)
	}
}

// The store's results stay within MaxResults however many tasks end, the
// newest surviving, and go once ResultRetention passed, on the worker's
// clock, in the background; a pending task's result stays.
func TestResultsArePrunedInTheBackground(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var mu sync.Mutex
	now := time.Unix(1_800_000_000, 0)
	clock := func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		return now
	}
	const bound = 10
	n := startNetworkOpts(t, ctx, 1, netOptions{now: clock, configure: func(c *worker.Config) {
		c.MaxResults, c.PruneEvery, c.ResultRetention = bound, 10*time.Millisecond, time.Hour
	}})
	store := n.stores[0]
	held := func() int {
		p, err := store.PruneResults(ctx, state.PruneRule{Keep: -1}) // counts, removes nothing
		if err != nil {
			t.Fatal(err)
		}
		return p.Kept
	}
	id := func(i int) api.TaskID { return api.TaskID{0xfe, byte(i >> 8), byte(i)} }
	next := 0
	for round := range 4 {
		for range 3 * bound {
			r := state.TaskResult{TaskID: id(next), Contract: api.Hash{1}, Kind: state.KindCompute, Status: api.StatusFailed, Output: []byte("out")}
			if err := store.CommitTask(ctx, &state.TaskCommit{Result: r}); err != nil {
				t.Fatal(err)
			}
			next++
		}
		until(t, ctx, "the results to be pruned to the bound", func() bool { return held() <= bound })
		for i := range next {
			_, err := store.TaskResult(ctx, id(i))
			if newest := i >= next-bound; newest != (err == nil) {
				t.Fatalf("round %d: result %d of %d present: %v (the newest %d must stay, the rest go)", round, i, next, err, bound)
			}
		}
	}
	// A pending task's result outlives the retention.
	if err := store.PutPending(ctx, &state.PendingTask{TaskID: id(next - 1), Contract: api.Hash{1}, Seq: 1 << 40}); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	now = now.Add(2 * time.Hour)
	mu.Unlock()
	until(t, ctx, "the results past their retention to be pruned", func() bool { return held() == 1 })
	if _, err := store.TaskResult(ctx, id(next-1)); err != nil {
		t.Fatalf("the pending task's result was pruned: %v", err)
	}
	if s := n.workers[0].Stats(); s.Pruned != uint64(next-1) {
		t.Fatalf("pruned %d results, want %d", s.Pruned, next-1)
	}
}
