package state_test

import (
	"context"
	"testing"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/internal/state/stategen"
)

// FuzzImport feeds arbitrary wire bytes to UnmarshalBinary and Import
// against a fixed chain record: the store must never panic, every refusal
// must carry a code, and the store must stay consistent.
func FuzzImport(f *testing.F) {
	ctx := context.Background()
	src, err := state.Open(state.TestConfig(), nil)
	if err != nil {
		f.Fatal(err)
	}
	defer src.Close()
	g := stategen.New(7)
	g.DeltaBytes, g.StateBytes = 8, 8
	c, d := g.Deploy()
	if err := src.CommitTask(ctx, d); err != nil {
		f.Fatal(err)
	}
	c.Advance(d)
	for range 4 {
		tc := g.Compute(c)
		if err := src.CommitTask(ctx, tc); err != nil {
			f.Fatal(err)
		}
		c.Advance(tc)
	}
	hashes, _ := src.DeltaHashes(ctx, c.Addr, 0, 4)
	code, _ := src.Code(ctx, c.Addr)
	chain := state.ChainRecord{CodeHash: stategen.Keccak(code), DeltaHashes: hashes}
	for _, r := range [][2]uint32{{0, 4}, {0, 1}, {2, 4}} {
		x, _ := src.Export(ctx, c.Addr, r[0], r[1])
		b, _ := x.MarshalBinary()
		f.Add(b)
	}

	dst, err := state.Open(state.TestConfig(), nil)
	if err != nil {
		f.Fatal(err)
	}
	defer dst.Close()
	f.Fuzz(func(t *testing.T, in []byte) {
		var r state.DeltaRange
		if r.UnmarshalBinary(in) != nil {
			return
		}
		if _, err := dst.Import(ctx, &r, chain); err != nil && api.CodeOf(err) == api.CodeUnknown {
			t.Fatalf("uncoded import error: %v", err)
		}
		if err := state.CheckConsistency(ctx, dst); err != nil {
			t.Fatal(err)
		}
	})
}
