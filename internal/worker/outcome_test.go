package worker

import (
	"testing"

	"github.com/enigma-go/enigma/api"
)

func TestRecentForgetsTheOldest(t *testing.T) {
	r := newRecent[int](3)
	for i := range 5 {
		r.put(api.TaskID{byte(i)}, i)
	}
	r.put(api.TaskID{4}, 40) // an update keeps its place
	for i := range 5 {
		v, ok := r.get(api.TaskID{byte(i)})
		if want := i >= 2; ok != want {
			t.Errorf("task %d remembered %v, want %v", i, ok, want)
		}
		if i == 4 && v != 40 {
			t.Errorf("task 4 = %d, want the update", v)
		}
	}
	if len(r.m) != 3 || len(r.order) != 3 {
		t.Fatalf("%d entries, %d in order; want 3", len(r.m), len(r.order))
	}
}

// A task the worker could not finish is refused with CodeReplay; one it
// runs, finished or whose receipt is out is answered as accepted.
func TestSeenRefusesOnlyFailedTasks(t *testing.T) {
	w := &Worker{jobs: map[api.TaskID]*job{}, final: newRecent[api.TaskStatus](4), faults: newRecent[string](4),
		unsettled: map[api.TaskID]*pendingReceipt{}}
	w.faults.put(api.TaskID{1}, "the key manager was unreachable")
	w.final.put(api.TaskID{2}, api.StatusSuccess)
	w.unsettled[api.TaskID{3}] = &pendingReceipt{}
	w.jobs[api.TaskID{4}] = &job{}
	seen, err := w.seenLocked(api.TaskID{1})
	if !seen || api.CodeOf(err) != api.CodeReplay {
		t.Fatalf("failed task: %v %v", seen, err)
	}
	for i := byte(2); i <= 4; i++ {
		if seen, err := w.seenLocked(api.TaskID{i}); !seen || err != nil {
			t.Errorf("task %d: %v %v; want seen without error", i, seen, err)
		}
	}
	if seen, err := w.seenLocked(api.TaskID{5}); seen || err != nil {
		t.Errorf("new task: %v %v", seen, err)
	}
}
