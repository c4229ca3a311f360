package state_test

import (
	"context"
	"testing"

	"github.com/cockroachdb/pebble/v2/vfs"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/state"
)

// TestIssuedKeys checks the issued key keyspace: stored keys survive a
// reopen, a pending task deletes the key it consumed in its own write,
// pruning drops older epochs, and the bound evicts the oldest compat keys
// (never an epoch key).
func TestIssuedKeys(t *testing.T) {
	ctx := context.Background()
	fs := vfs.NewMem()
	open := func(max int) *state.PebbleStore {
		cfg := state.TestConfig()
		cfg.FS, cfg.MaxIssuedKeys = fs, max
		s, err := state.Open(cfg, nil)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	s := open(4)
	put := func(epoch uint64, id byte, kind state.IssuedKind) {
		t.Helper()
		if err := s.PutIssuedKey(ctx, &state.IssuedKey{Epoch: epoch, ID: api.Hash{id}, Kind: kind, Blob: []byte{id}}); err != nil {
			t.Fatal(err)
		}
	}
	ids := func() (out []byte) {
		t.Helper()
		keys, err := s.IssuedKeys(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range keys {
			out = append(out, k.ID[0])
		}
		return out
	}
	put(10, 1, state.IssuedEpoch)
	put(10, 2, state.IssuedCompat)
	put(20, 3, state.IssuedCompat)
	s.Close()
	s = open(4)
	if got := ids(); string(got) != "\x01\x02\x03" {
		t.Fatalf("after reopen: %v, want [1 2 3]", got)
	}
	if err := s.PutPending(ctx, &state.PendingTask{TaskID: api.Hash{9}, Contract: api.Hash{9}, Data: []byte{1},
		ConsumedKey: &state.IssuedKeyRef{Epoch: 20, ID: api.Hash{3}}}); err != nil {
		t.Fatal(err)
	}
	if got := ids(); string(got) != "\x01\x02" {
		t.Fatalf("after the pending task consumed key 3: %v, want [1 2]", got)
	}
	put(20, 4, state.IssuedCompat)
	put(20, 5, state.IssuedCompat)
	put(30, 6, state.IssuedCompat) // beyond 4: compat key 2 (oldest) goes, epoch key 1 stays
	if got := ids(); string(got) != "\x01\x04\x05\x06" {
		t.Fatalf("after the bound: %v, want [1 4 5 6]", got)
	}
	n, err := s.PruneIssuedKeys(ctx, 20) // compat keys only: epoch key 1 stays
	if err != nil || n != 0 {
		t.Fatalf("PruneIssuedKeys(20) = %d, %v; want 0", n, err)
	}
	if err := s.DeleteIssuedKey(ctx, state.IssuedKeyRef{Epoch: 10, ID: api.Hash{1}}); err != nil {
		t.Fatal(err)
	}
	if n, err := s.PruneIssuedKeys(ctx, 30); err != nil || n != 2 {
		t.Fatalf("PruneIssuedKeys(30) = %d, %v; want 2", n, err)
	}
	put(30, 7, state.IssuedCompat)
	if got := ids(); string(got) != "\x06\x07" {
		t.Fatalf("after pruning and a delete: %v, want [6 7]", got)
	}
	s.Close()
}
