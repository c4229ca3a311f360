package statetest

import (
	"context"
	"reflect"
	"testing"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/internal/state/stategen"
)

// batchOf returns a batch of n tasks of contract c chained to c's tip with
// a delta, each task pending in s.
func batchOf(t *testing.T, s state.Store, g *stategen.Gen, c *stategen.Contract, index uint64, n int) *state.Batch {
	t.Helper()
	ctx := context.Background()
	b := &state.Batch{Contract: c.Addr, Index: index, Root: g.Hash(), Epoch: 100, PrevHash: c.Tip.Hash,
		Delta: &state.Delta{Index: c.Tip.Index + 1, Data: g.Bytes(64)}, State: g.Bytes(128), SentAfter: 7, Signed: g.Bytes(300)}
	for i := range n {
		id := g.Hash()
		must(t, s.PutPending(ctx, &state.PendingTask{TaskID: id, Contract: c.Addr, Seq: uint64(i), Data: []byte{0x81}}))
		var fee [32]byte
		fee[31] = byte(i + 1)
		b.Tasks = append(b.Tasks, state.BatchedResult{TaskID: id, Contract: c.Addr, Status: state.BatchedInBatch, Epoch: 100,
			BatchIndex: index, Position: uint32(i), InputsHash: g.Hash(), OutputHash: g.Hash(), DeltaHash: g.Hash(),
			GasUsed: uint64(1000 + i), Fee: fee, TaskFailed: i == 1, Output: g.Bytes(40)})
	}
	return b
}

func testBatches(t *testing.T, loc Location) {
	ctx := context.Background()
	s, o := open(t, loc)
	g := stategen.New(7)
	c, _ := deployChain(t, s, g, 1)

	// A batch is stored before it is sent, and survives a reopen.
	b := batchOf(t, s, g, c, 0, 3)
	must(t, s.PutBatch(ctx, b))
	// Once sent, it is written again with its transaction (same key).
	b.NonceBound, b.TxHash = 9, g.Hash()
	must(t, s.PutBatch(ctx, b))
	ghost := batchOf(t, s, g, c, 0, 1) // another batch of the same index: a resend
	ghost.Delta, ghost.State = nil, nil
	must(t, s.PutBatch(ctx, ghost))
	wantCode(t, s.PutBatch(ctx, &state.Batch{Contract: c.Addr, Root: g.Hash()}), api.CodeInvalidInput, "batch without tasks")
	bad := *b
	bad.Delta = &state.Delta{Index: b.Delta.Index, Hash: g.Hash(), Data: b.Delta.Data}
	wantCode(t, s.PutBatch(ctx, &bad), api.CodeTampered, "batch delta with a wrong hash")
	must(t, s.Close())
	s, err := o()
	must(t, err)
	t.Cleanup(func() { s.Close() })
	got, err := s.Batches(ctx)
	must(t, err)
	if len(got) != 2 {
		t.Fatalf("%d batches after reopen, want 2", len(got))
	}
	var stored *state.Batch
	for i := range got {
		if got[i].Root == b.Root {
			stored = &got[i]
		}
	}
	b.Delta.Hash = stategen.Keccak(b.Delta.Data)
	if stored == nil || !reflect.DeepEqual(*stored, *b) {
		t.Fatalf("stored batch\n%+v\nwant\n%+v", stored, b)
	}

	// A delta that does not follow the tip is refused, and nothing is written.
	commit := &state.BatchCommit{Contract: c.Addr, Delta: &state.Delta{Index: c.Tip.Index + 2, Data: b.Delta.Data}, PrevHash: c.Tip.Hash, State: b.State}
	for _, r := range b.Tasks {
		r.Status, r.Block, r.Root, r.Proof = state.BatchedCommitted, 42, b.Root, []api.Hash{g.Hash(), g.Hash()}
		commit.Results = append(commit.Results, r)
	}
	wantCode(t, s.CommitBatch(ctx, commit), api.CodeInvalidInput, "batch delta past the tip")
	if _, err := s.BatchedResult(ctx, b.Tasks[0].TaskID); api.CodeOf(err) != api.CodeNotFound {
		t.Fatalf("a refused batch commit left a result: %v", err)
	}

	// Landed: delta, state and results in one write; pending and both
	// stored batches of the index gone.
	commit.Delta.Index = c.Tip.Index + 1
	commit.Drop = []state.BatchRef{b.Ref(), ghost.Ref()}
	must(t, s.CommitBatch(ctx, commit))
	tip, err := s.Tip(ctx, c.Addr)
	must(t, err)
	if tip.Index != c.Tip.Index+1 || tip.Hash != b.Delta.Hash {
		t.Fatalf("tip after the batch: %+v, want %d %s", tip, c.Tip.Index+1, b.Delta.Hash)
	}
	st, err := s.State(ctx, c.Addr)
	must(t, err)
	if st.Index != tip.Index || string(st.Data) != string(b.State) {
		t.Fatalf("state after the batch at %d", st.Index)
	}
	for i := range commit.Results {
		r, err := s.BatchedResult(ctx, commit.Results[i].TaskID)
		must(t, err)
		if !reflect.DeepEqual(*r, commit.Results[i]) {
			t.Fatalf("result %d\n%+v\nwant\n%+v", i, r, commit.Results[i])
		}
	}
	pending, err := s.PendingTasks(ctx)
	must(t, err)
	if len(pending) != 1 || pending[0].TaskID != ghost.Tasks[0].TaskID {
		t.Fatalf("pending after the batch: %+v, want only the resend's own task", pending)
	}
	if got, _ := s.Batches(ctx); len(got) != 0 {
		t.Fatalf("%d batches left after the commit", len(got))
	}
	check(t, s)

	// A failure is stored and never replaces a committed result.
	f := state.BatchedResult{TaskID: ghost.Tasks[0].TaskID, Contract: c.Addr, Status: state.BatchedFailed, Code: api.CodeWrongEpoch, Error: "epoch gone"}
	again := state.BatchedResult{TaskID: commit.Results[0].TaskID, Contract: c.Addr, Status: state.BatchedFailed, Error: "late"}
	must(t, s.PutBatchedResults(ctx, []state.BatchedResult{f, again}))
	if r, err := s.BatchedResult(ctx, f.TaskID); err != nil || !reflect.DeepEqual(*r, f) {
		t.Fatalf("failed result: %+v %v", r, err)
	}
	if r, _ := s.BatchedResult(ctx, again.TaskID); r.Status != state.BatchedCommitted {
		t.Fatalf("a failure replaced a committed result: %+v", r)
	}
	if pending, _ := s.PendingTasks(ctx); len(pending) != 0 {
		t.Fatalf("pending after the failure: %+v", pending)
	}
	wantCode(t, s.PutBatchedResults(ctx, []state.BatchedResult{{TaskID: g.Hash(), Contract: c.Addr, Status: state.BatchedCommitted}}),
		api.CodeInvalidInput, "a committed result through PutBatchedResults")

	// Batched results are pruned with the others.
	p, err := s.PruneResults(ctx, state.PruneRule{Keep: 0})
	must(t, err)
	if p.Kept != 0 {
		t.Fatalf("after pruning everything: %+v", p)
	}
	if _, err := s.BatchedResult(ctx, f.TaskID); api.CodeOf(err) != api.CodeNotFound {
		t.Fatalf("a pruned batched result is still there: %v", err)
	}
	must(t, s.DeleteBatch(ctx, b.Ref())) // none: a no-op
}
