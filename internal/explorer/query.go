package explorer

import (
	"github.com/ethereum/go-ethereum/common"
)

// The index's answers are copies: the API encodes them after the lock is
// released. The pointers a copy holds are never written again (the index
// replaces them), so sharing them is safe.

// Head is the newest block the index saw.
func (x *Index) Head() uint64 { return x.head }

// Epoch is the epoch in force, or nil before the first.
func (x *Index) Epoch() *Epoch {
	if x.epoch == nil {
		return nil
	}
	e := *x.epoch
	e.Selected = append([]EpochWorker(nil), x.epoch.Selected...)
	return &e
}

// TaskFilter selects tasks; the zero filter selects all.
type TaskFilter struct {
	Contract *common.Hash
	Address  *common.Address // sender or worker
	Status   string
}

func (f TaskFilter) match(t *Task) bool {
	if f.Status != "" && t.Status != f.Status {
		return false
	}
	if f.Contract != nil && (t.Contract == nil || *t.Contract != *f.Contract) {
		return false
	}
	if f.Address != nil {
		a := *f.Address
		if (t.Sender == nil || *t.Sender != a) && (t.Worker == nil || *t.Worker != a) {
			return false
		}
	}
	return true
}

// Tasks are the newest tasks that match f, at most limit, newest first,
// and how many match in all.
func (x *Index) Tasks(f TaskFilter, limit int) ([]Task, int) {
	out := []Task{}
	n := 0
	for i := len(x.taskOrder) - 1; i >= 0; i-- {
		t := x.tasks[x.taskOrder[i]]
		if t == nil || !f.match(t) {
			continue
		}
		n++
		if len(out) < limit {
			out = append(out, *t)
		}
	}
	return out, n
}

// Task is one task.
func (x *Index) Task(id common.Hash) (Task, bool) {
	t, ok := x.tasks[id]
	if !ok {
		return Task{}, false
	}
	return *t, true
}

// TaskCount is how many tasks the index holds.
func (x *Index) TaskCount() int { return len(x.tasks) }

// Contracts are the newest contracts, at most limit, newest first, and
// how many the index holds.
func (x *Index) Contracts(limit int) ([]Contract, int) {
	out := []Contract{}
	for i := len(x.contractOrder) - 1; i >= 0 && len(out) < limit; i-- {
		out = append(out, *x.contracts[x.contractOrder[i]])
	}
	return out, len(x.contractOrder)
}

// Contract is one contract.
func (x *Index) Contract(id common.Hash) (Contract, bool) {
	c, ok := x.contracts[id]
	if !ok {
		return Contract{}, false
	}
	return *c, true
}

// Batches are the newest batches (of contract, when not nil), at most
// limit, newest first, and how many match.
func (x *Index) Batches(contract *common.Hash, limit int) ([]Batch, int) {
	out := []Batch{}
	n := 0
	for i := len(x.batches) - 1; i >= 0; i-- {
		b := x.batches[i]
		if contract != nil && b.Contract != *contract {
			continue
		}
		n++
		if len(out) < limit {
			out = append(out, *b)
		}
	}
	return out, n
}

// WorkerList is every known worker, named ones first.
func (x *Index) WorkerList() []Worker {
	out := []Worker{}
	for _, a := range x.Workers() {
		out = append(out, *x.workers[a])
	}
	return out
}

// Worker is the worker whose custodian or signer is a.
func (x *Index) Worker(a common.Address) (Worker, bool) {
	if w, ok := x.workers[a]; ok {
		return *w, true
	}
	if c := x.custodianOf(a); c != nil {
		return *x.workers[*c], true
	}
	return Worker{}, false
}
