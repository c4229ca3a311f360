package state_test

import (
	"context"
	"testing"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/internal/state/stategen"
)

// The store keeps at most MaxKeptDeltas rolled-back deltas per contract,
// the oldest going first; 0 keeps none.
func TestKeptDeltasAreBounded(t *testing.T) {
	ctx := context.Background()
	for _, max := range []int{0, 3} {
		cfg := state.TestConfig()
		cfg.MaxKeptDeltas = max
		s, err := state.Open(cfg, nil)
		if err != nil {
			t.Fatal(err)
		}
		g := stategen.New(11)
		c, d := g.Deploy()
		if err := s.CommitTask(ctx, d); err != nil {
			t.Fatal(err)
		}
		c.Advance(d)
		base, err := s.State(ctx, c.Addr)
		if err != nil {
			t.Fatal(err)
		}
		var removed []api.Hash
		for range 5 {
			tc := g.Compute(c)
			if err := s.CommitTask(ctx, tc); err != nil {
				t.Fatal(err)
			}
			removed = append(removed, stategen.Keccak(tc.Delta.Data))
			if err := s.RollbackTo(ctx, c.Addr, 0, base); err != nil {
				t.Fatal(err)
			}
			c.Tip = state.Tip{Index: 0, Hash: base.Hash}
		}
		for i, h := range removed {
			_, err := s.DeltaByHash(ctx, c.Addr, h)
			_, serr := s.StateByHash(ctx, c.Addr, h)
			kept := i >= len(removed)-max
			if (err == nil) != kept || (serr == nil) != kept {
				t.Errorf("MaxKeptDeltas %d: rolled-back delta %d of %d: delta %v, state %v; want kept %v", max, i+1, len(removed), err, serr, kept)
			}
		}
		s.Close()
	}
}

// A long rollback keeps the deltas nearest its old tip.
func TestLongRollbackKeepsTheNewest(t *testing.T) {
	ctx := context.Background()
	cfg := state.TestConfig()
	cfg.MaxKeptDeltas = 2
	s, err := state.Open(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	g := stategen.New(12)
	c, d := g.Deploy()
	if err := s.CommitTask(ctx, d); err != nil {
		t.Fatal(err)
	}
	c.Advance(d)
	base, _ := s.State(ctx, c.Addr)
	var hashes []api.Hash
	for range 4 {
		tc := g.Compute(c)
		if err := s.CommitTask(ctx, tc); err != nil {
			t.Fatal(err)
		}
		c.Advance(tc)
		hashes = append(hashes, stategen.Keccak(tc.Delta.Data))
	}
	if err := s.RollbackTo(ctx, c.Addr, 0, base); err != nil {
		t.Fatal(err)
	}
	for i, h := range hashes {
		_, err := s.DeltaByHash(ctx, c.Addr, h)
		if kept := i >= 2; (err == nil) != kept {
			t.Errorf("delta %d: %v, want kept %v", i+1, err, kept)
		}
	}
	if _, err := s.StateByHash(ctx, c.Addr, hashes[3]); err != nil {
		t.Errorf("state at the old tip: %v", err)
	}
}
