package sim

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/vm"
)

type noRunner struct{}

func (noRunner) Run(context.Context, []byte, vm.Request) (vm.Result, error) { return vm.Result{}, nil }

func newBookWorker(t *testing.T, epochs ...uint64) *Worker {
	t.Helper()
	cfg := DefaultConfig()
	cfg.SealKeyFile = filepath.Join(t.TempDir(), "seal")
	cfg.Runner = noRunner{}
	w, err := NewWorker(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range epochs {
		if _, err := w.ring.Rotate(e); err != nil {
			t.Fatal(err)
		}
	}
	return w
}

// TestDiffEntries: the batch's delta sets what is new or changed and
// deletes what is gone, sorted by key, as a task's delta does.
func TestDiffEntries(t *testing.T) {
	from := map[string][]byte{"a": {1}, "b": {2}, "c": {3}}
	to := map[string][]byte{"a": {1}, "b": {9}, "d": {4}}
	ops, n := diffEntries(from, to)
	want := buf(nil).u8(opSet).bytes([]byte("b")).bytes([]byte{9}).
		u8(opDelete).bytes([]byte("c")).bytes(nil).
		u8(opSet).bytes([]byte("d")).bytes([]byte{4})
	if n != 3 || string(ops) != string(want) {
		t.Fatalf("diff: %d ops %x, want 3 ops %x", n, ops, want)
	}
	if _, n := diffEntries(from, from); n != 0 {
		t.Fatalf("no change gave %d ops", n)
	}
}

// TestVoidWhileRunning: a batched task that ends after VoidBatch is not
// added to the contract's new open batch, and may run again.
func TestVoidWhileRunning(t *testing.T) {
	w := newBookWorker(t, 100)
	req := &enclave.ExecuteRequest{Epoch: 100, TaskID: api.Hash{1}, Contract: api.Hash{2}}
	r, err := w.reserveBatched(req)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.VoidBatch(context.Background(), &enclave.VoidBatchRequest{Contract: req.Contract}); err != nil {
		t.Fatal(err)
	}
	err = w.addBatched(req, &enclave.ExecuteResponse{}, taskStates{}, r)
	if api.CodeOf(err) != api.CodeUnavailable {
		t.Fatalf("a task that ended after VoidBatch: %v", err)
	}
	if w.hasPendingBatch(req.Contract) {
		t.Fatal("the voided task is in the open batch")
	}
	if _, err := w.reserveBatched(req); err != nil {
		t.Fatalf("the voided task cannot run again: %v", err)
	}
}

// TestSignedBatchesBounded: the signed batches kept per contract are
// bounded, and those of an epoch whose key is gone are forgotten with the
// epoch's ids and void tasks.
func TestSignedBatchesBounded(t *testing.T) {
	w := newBookWorker(t, 100)
	c := api.Hash{2}
	ctx := context.Background()
	for i := range maxSignedBatches + 3 {
		req := &enclave.ExecuteRequest{Epoch: 100, TaskID: api.Hash{1, byte(i)}, Contract: c}
		r, err := w.reserveBatched(req)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.addBatched(req, &enclave.ExecuteResponse{}, taskStates{}, r); err != nil {
			t.Fatal(err)
		}
		if _, err := w.SignBatch(ctx, &enclave.SignBatchRequest{Contract: c, EpochFirstBlock: 100, BatchIndex: uint64(i)}); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(w.batches.signed[c]); n != maxSignedBatches {
		t.Fatalf("%d signed batches kept, want %d", n, maxSignedBatches)
	}
	// The oldest batches are forgotten: their tasks stay refused.
	v, err := w.VoidBatch(ctx, &enclave.VoidBatchRequest{Contract: c, BatchIndex: 0})
	if err != nil || v.Reopened != maxSignedBatches {
		t.Fatalf("void: %+v %v", v, err)
	}
	if _, err := w.reserveBatched(&enclave.ExecuteRequest{Epoch: 100, TaskID: api.Hash{1, 0}, Contract: c}); api.CodeOf(err) != api.CodeReplay {
		t.Fatalf("a task of a forgotten batch: %v", err)
	}
	if len(w.batches.voided[100]) != maxSignedBatches {
		t.Fatalf("void tasks: %d", len(w.batches.voided[100]))
	}
	for e := uint64(200); e <= 600; e += 100 {
		if _, err := w.ring.Rotate(e); err != nil {
			t.Fatal(err)
		}
	}
	w.batchMu.Lock()
	w.pruneBatchedLocked()
	left := len(w.batches.seen) + len(w.batches.voided) + len(w.batches.signed)
	w.batchMu.Unlock()
	if left != 0 {
		t.Fatalf("the book kept %d entries of an epoch whose key is gone", left)
	}
}
