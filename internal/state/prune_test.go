package state

import (
	"context"
	"testing"
	"time"

	"github.com/cockroachdb/pebble/v2"

	"github.com/enigma-go/enigma/api"
)

// A store written before results were indexed (format 1) is upgraded when
// opened: its results are indexed as of the upgrade, so they are pruned
// like new ones.
func TestUpgradeFromFormat1(t *testing.T) {
	ctx := context.Background()
	c := TestConfig()
	s, err := Open(c, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		r := TaskResult{TaskID: api.TaskID{byte(i + 1)}, Contract: api.Hash{1}, Kind: KindCompute, Status: api.StatusFailed}
		if err := s.CommitTask(ctx, &TaskCommit{Result: r}); err != nil {
			t.Fatal(err)
		}
	}
	// Back to what format 1 wrote: no index, format byte 1.
	b := s.db.NewBatch()
	b.DeleteRange([]byte{prefixResultAge}, []byte{prefixResultAge + 1}, nil)
	b.Set(formatKey, []byte{1}, nil)
	if err := s.db.Apply(b, pebble.Sync); err != nil {
		t.Fatal(err)
	}
	s.Close()

	later := time.Now().Add(time.Hour)
	if s, err = Open(c, nil); err != nil {
		t.Fatalf("open a format 1 store: %v", err)
	}
	defer s.Close()
	if v, ok, _ := get(s.db, formatKey); !ok || v[0] != schemaVersion {
		t.Fatalf("format after the upgrade: %x", v)
	}
	p, err := s.PruneResults(ctx, PruneRule{Keep: -1, Before: time.Now().Add(-time.Hour)})
	if err != nil || p.Kept != 3 || p.Removed != 0 {
		t.Fatalf("results indexed by the upgrade: %+v %v; want 3 kept", p, err)
	}
	if p, err = s.PruneResults(ctx, PruneRule{Keep: -1, Before: later}); err != nil || p.Kept != 0 || p.Removed != 3 {
		t.Fatalf("prune the upgraded results: %+v %v", p, err)
	}
}

// The result index stamps each result with the store's clock.
func TestResultsStampedWithTheClock(t *testing.T) {
	ctx := context.Background()
	now := time.Unix(1_000_000, 0)
	c := TestConfig()
	c.Now = func() time.Time { return now }
	s, err := Open(c, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i := range 4 {
		now = now.Add(time.Minute)
		r := TaskResult{TaskID: api.TaskID{byte(i + 1)}, Contract: api.Hash{1}, Kind: KindCompute, Status: api.StatusFailed}
		if err := s.CommitTask(ctx, &TaskCommit{Result: r}); err != nil {
			t.Fatal(err)
		}
	}
	// Stored at +1..+4 minutes: before +3 are the first two.
	p, err := s.PruneResults(ctx, PruneRule{Keep: -1, Before: time.Unix(1_000_000, 0).Add(3 * time.Minute)})
	if err != nil || p.Removed != 2 || p.Kept != 2 {
		t.Fatalf("prune by age: %+v %v", p, err)
	}
	if _, err := s.TaskResult(ctx, api.TaskID{3}); err != nil {
		t.Fatalf("a result newer than the cutoff was pruned: %v", err)
	}
}
