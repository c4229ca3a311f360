package worker

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/internal/workerapi"
)

// A task that can no longer run but was signed in a batch that may still
// land is not failed: it waits, pending, until that batch settles, then
// runs again (the batch could not land) or is gone (it landed and
// committed the task).
func TestBatchedTaskOfAGhostIsHeld(t *testing.T) {
	ctx := context.Background()
	w := &Worker{log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		b: &batcher{lanes: map[api.ContractAddress]*lane{}, tasks: map[api.TaskID]*btask{}, users: map[api.EthAddress]*userBook{},
			ended: newRecent[*state.BatchedResult](remembered)}}
	c := api.ContractAddress{7}
	b := w.b
	l := b.laneLocked(c)
	l.ghosts = []*state.Batch{{Contract: c, Index: 4, Root: api.Hash{1}}}
	task := func(id byte) *btask {
		bt := &btask{req: workerapi.BatchedRequest{TaskID: api.TaskID{id}, ContractAddress: c}, capped: true, cap: 4, status: workerapi.BatchedExecuted}
		b.tasks[bt.req.TaskID] = bt
		return bt
	}
	a, z := task(1), task(2)
	w.endBatched(l, []*btask{a, z}, api.CodeWrongEpoch, "its epoch is gone")
	for _, bt := range []*btask{a, z} {
		r, err := w.BatchedTask(ctx, bt.req.TaskID)
		if err != nil || r == nil || r.Status != workerapi.BatchedPending {
			t.Fatalf("a task of a batch that may still land, refused: %+v, %v; want pending", r, err)
		}
	}
	if len(l.held) != 2 || len(l.queue) != 0 {
		t.Fatalf("held %d, queued %d; want 2 held", len(l.held), len(l.queue))
	}
	if act, _ := l.decide(&Config{BatchSize: 8, BatchAge: time.Second}, time.Now().Add(time.Hour)); act != laneSettle {
		t.Fatalf("a lane with held tasks and nothing else does %v, want laneSettle", act)
	}
	if b.dropLaneLocked(l); b.lanes[c] != l {
		t.Fatal("a lane with held tasks was dropped")
	}

	// The ghost settled: z left the worker's memory (committed with the
	// ghost), a goes back to the queue to run again (each path on its own).
	delete(b.tasks, z.req.TaskID)
	l.ghosts = nil
	l.releaseHeldLocked(b)
	if len(l.held) != 0 || len(l.queue) != 1 || l.queue[0] != a || !a.rerun {
		t.Fatalf("after the ghost settled: held %d, queue %v; want a queued to run again", len(l.held), l.queue)
	}
}

// A host step that fails for a task (its state key, its state) is retried
// for TaskTimeout counted from its first failure: a task that waited long
// in its lane's backlog is not failed on its first brief error.
func TestBatchedRetryCountsFromTheFirstFailure(t *testing.T) {
	w := &Worker{ctx: context.Background(), cfg: Config{TaskTimeout: time.Minute}, log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		b: &batcher{lanes: map[api.ContractAddress]*lane{}, tasks: map[api.TaskID]*btask{}, users: map[api.EthAddress]*userBook{},
			ended: newRecent[*state.BatchedResult](remembered)}}
	c := api.ContractAddress{7}
	l := w.b.laneLocked(c)
	old := &btask{req: workerapi.BatchedRequest{TaskID: api.TaskID{1}, ContractAddress: c}, accepted: time.Now().Add(-time.Hour), status: workerapi.BatchedPending}
	w.b.tasks[old.req.TaskID] = old
	w.retryOrFail(l, old, "load the contract's state", errors.New("a peer is restarting"))
	if len(l.queue) != 1 || l.queue[0] != old || old.firstFail.IsZero() {
		t.Fatalf("a task accepted an hour ago, failing once: queue %v, first failure %v; want it queued again", l.queue, old.firstFail)
	}
	if l.pauseUntil.IsZero() {
		t.Fatal("the lane does not pause after a failed step")
	}
}
