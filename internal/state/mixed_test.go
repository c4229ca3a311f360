package state_test

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"testing"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/internal/state/stategen"
)

// TestMixedWriters runs every kind of write at once (commits, imports,
// rollbacks, state and sealed puts) against both commit modes, so the
// validation of writes in flight is exercised under the race detector.
func TestMixedWriters(t *testing.T) {
	for _, group := range []bool{false, true} {
		t.Run(fmt.Sprint("group=", group), func(t *testing.T) {
			ctx := context.Background()
			cfg := state.TestConfig()
			cfg.GroupCommit = group
			s, err := state.Open(cfg, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			src, err := state.Open(state.TestConfig(), nil)
			if err != nil {
				t.Fatal(err)
			}
			defer src.Close()

			// A chain on src to import into s piece by piece.
			g := stategen.New(42)
			sc, d := g.Deploy()
			must(t, src.CommitTask(ctx, d))
			sc.Advance(d)
			for range 40 {
				tc := g.Compute(sc)
				must(t, src.CommitTask(ctx, tc))
				sc.Advance(tc)
			}
			hashes, err := src.DeltaHashes(ctx, sc.Addr, 0, 40)
			must(t, err)
			code, err := src.Code(ctx, sc.Addr)
			must(t, err)
			chain := state.ChainRecord{CodeHash: stategen.Keccak(code), DeltaHashes: hashes}

			var wg sync.WaitGroup
			run := func(f func()) { wg.Add(1); go func() { defer wg.Done(); f() }() }
			for w := range 3 {
				run(func() { // committers, two of them racing on one contract
					g := stategen.New(uint64(w))
					c, d := g.Deploy()
					must(t, s.CommitTask(ctx, d))
					c.Advance(d)
					for range 60 {
						tc := g.Compute(c)
						must(t, s.CommitTask(ctx, tc))
						c.Advance(tc)
					}
				})
			}
			run(func() { // importer, overlapping ranges
				for from := uint32(0); from <= 36; from += 4 {
					r, err := src.Export(ctx, sc.Addr, from, min(from+7, 40))
					must(t, err)
					if _, err := s.Import(ctx, r, chain); err != nil {
						t.Error(err)
						return
					}
				}
			})
			run(func() { // commit, roll back, commit again on one contract
				g := stategen.New(99)
				c, d := g.Deploy()
				must(t, s.CommitTask(ctx, d))
				c.Advance(d)
				base := &state.StateBlob{Index: 0, Hash: c.Tip.Hash, Data: d.State}
				for range 20 {
					for range 3 {
						tc := g.Compute(c)
						must(t, s.CommitTask(ctx, tc))
						c.Advance(tc)
					}
					must(t, s.RollbackTo(ctx, c.Addr, 0, base))
					c.Tip = state.Tip{Index: 0, Hash: base.Hash}
				}
			})
			run(func() {
				for i := range 50 {
					must(t, s.PutSealed(ctx, fmt.Sprint("blob-", i%5), []byte{byte(i)}))
				}
			})
			wg.Wait()
			if err := state.CheckConsistency(ctx, s); err != nil {
				t.Fatal(err)
			}
			tip, err := s.Tip(ctx, sc.Addr)
			must(t, err)
			if tip.Index != 40 || tip.Hash != hashes[40] {
				t.Fatalf("imported tip %+v", tip)
			}
			if _, err := s.Delta(ctx, api.Hash{}, 0); api.CodeOf(err) != api.CodeNotFound {
				t.Fatal(err)
			}
		})
	}
}

// must reports err and ends the calling goroutine, test or helper.
func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Error(err)
		runtime.Goexit()
	}
}
