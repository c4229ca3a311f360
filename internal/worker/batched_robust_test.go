package worker_test

import (
	"context"
	"crypto/rand"
	"fmt"
	"math/big"
	"sync/atomic"
	"testing"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/internal/worker"
	"github.com/enigma-go/enigma/internal/workerapi"
)

// refusingStore refuses the batched path's writes while told to.
type refusingStore struct {
	state.Store
	batches, failures atomic.Bool  // refuse PutBatch, PutBatchedResults
	refusedFailures   atomic.Int64 // PutBatchedResults refused so far
}

func (s *refusingStore) PutBatch(ctx context.Context, b *state.Batch) error {
	if s.batches.Load() {
		return api.Errorf(api.CodeInvalidInput, "test: batch refused")
	}
	return s.Store.PutBatch(ctx, b)
}

func (s *refusingStore) PutBatchedResults(ctx context.Context, rs []state.BatchedResult) error {
	if s.failures.Load() {
		s.refusedFailures.Add(1)
		return api.Errorf(api.CodeUnavailable, "test: store unavailable")
	}
	return s.Store.PutBatchedResults(ctx, rs)
}

// A batch that fails after every signing (here the store refuses it) is
// not signed again at full speed for ever: its tasks fail, uncharged,
// after three voided batches. Their failure reads as final only once it
// is stored: while the store refuses it they stay pending.
func TestBatchedBatchThatKeepsFailingEnds(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	var stores []*refusingStore
	n := startNetworkWith(t, ctx, 2, func(c *worker.Config) {
		c.BatchSize, c.BatchAge = 8, 200*time.Millisecond
		s := &refusingStore{Store: c.Store}
		c.Store = s
		stores = append(stores, s)
	})
	owner, _ := compat.GenerateKey(rand.Reader)
	sc := n.deploy(ctx, owner).contract
	u := n.batchedUser(ctx, 0, 1e12)
	before := n.balanceOf(ctx, u)
	i := n.indexOf(n.selected(ctx, sc))
	s, w := stores[i], n.workers[i]
	s.batches.Store(true)
	s.failures.Store(true)

	var all []*bTask
	all = append(all, n.submitStores(ctx, t, u, sc, "f", 2, 1_000_000, 1)...)
	for s.refusedFailures.Load() < 2 {
		select {
		case <-ctx.Done():
			t.Fatal("the tasks' failure was never written")
		case <-time.After(20 * time.Millisecond):
		}
	}
	for _, bt := range all {
		r, err := n.worker(bt.req.Worker).BatchedTask(ctx, bt.req.TaskID)
		if err != nil || r == nil || r.Status.Final() {
			t.Fatalf("a task whose failure is not stored reads %+v (%v); want not final", r, err)
		}
	}
	s.failures.Store(false)
	for _, bt := range all {
		r := n.waitBatched(ctx, bt)
		if r.Status != workerapi.BatchedFailed || r.Code != api.CodeUnavailable || r.Error == "" {
			t.Fatalf("a task of a batch that kept failing: %+v, want failed with CodeUnavailable", r)
		}
		got, err := n.stores[i].BatchedResult(ctx, bt.req.TaskID)
		if err != nil || got.Status != state.BatchedFailed {
			t.Fatalf("stored result: %+v, %v", got, err)
		}
	}
	if st := w.Stats().Batched; st.Voided != 3 || st.Failed != 2 || st.Landed != 0 {
		t.Errorf("stats: %+v; want 3 voided batches and 2 failed tasks", st)
	}
	if after := n.balanceOf(ctx, u); after.Cmp(before) != 0 {
		t.Errorf("the user was charged %v for tasks that failed", before.Sub(before, after))
	}
}

// A batch that is not mined in time is signed again at its index after
// TaskTimeout, and again, until its tasks were in three voided batches.
// They may not fail then: the first batch may still land and charge them.
// They wait until it does, and commit with it, charged once.
func TestBatchedTasksOfABatchThatMayLandDoNotFail(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	n := startNetworkWith(t, ctx, 2, func(c *worker.Config) {
		c.BatchSize, c.BatchAge, c.ReceiptTimeout, c.TaskTimeout = 64, 200*time.Millisecond, 500*time.Millisecond, 2*time.Second
	})
	owner, _ := compat.GenerateKey(rand.Reader)
	sc := n.deploy(ctx, owner).contract
	u := n.batchedUser(ctx, 0, 1e12)
	before := n.balanceOf(ctx, u)
	w := n.worker(n.selected(ctx, sc))

	n.chain.Dev.Pause()
	var all []*bTask
	all = append(all, n.submitStores(ctx, t, u, sc, "g", 3, 1_000_000, 1)...)
	for w.Stats().Batched.Voided < 3 {
		select {
		case <-ctx.Done():
			t.Fatal("the batch was not given up three times")
		case <-time.After(20 * time.Millisecond):
		}
	}
	for _, bt := range all {
		r, err := w.BatchedTask(ctx, bt.req.TaskID)
		if err != nil || r == nil || r.Status.Final() {
			t.Fatalf("a task of a batch that may still land reads %+v (%v); want not final", r, err)
		}
	}
	n.chain.Dev.Resume()
	paid := new(big.Int)
	for k, bt := range all {
		r := n.waitBatched(ctx, bt)
		if out := n.verifyBatched(ctx, bt, r); string(out) != fmt.Sprintf("g%d", k) || r.BatchIndex != 0 {
			t.Fatalf("task %d: %q in batch %d", k, out, r.BatchIndex)
		}
		paid.Add(paid, new(big.Int).SetBytes(r.Fee[:]))
	}
	if spent := new(big.Int).Sub(before, n.balanceOf(ctx, u)); spent.Cmp(paid) != 0 {
		t.Errorf("the user paid %v, its tasks' fees are %v", spent, paid)
	}
	if got := n.committedTasks(ctx, sc); got != 3 {
		t.Errorf("the chain's batches hold %d tasks, want 3", got)
	}
	if st := w.Stats().Batched; st.Failed != 0 || st.Committed != 3 {
		t.Errorf("stats: %+v", st)
	}
}
