package state_test

import (
	"context"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cockroachdb/pebble/v2/vfs"

	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/internal/state/stategen"
)

// TestPowerLoss is the in-process complement of TestCrashKill9: it takes
// crash images of a crashable in-memory file system while writers commit
// (all synced data, plus a random share of unsynced data, as after a power
// cut) and checks each image reopens consistent with every acknowledged
// task in it.
func TestPowerLoss(t *testing.T) {
	for _, group := range []bool{false, true} {
		t.Run(map[bool]string{false: "wal", true: "committer"}[group], func(t *testing.T) {
			testPowerLoss(t, group)
		})
	}
}

func testPowerLoss(t *testing.T, group bool) {
	ctx := context.Background()
	fs := vfs.NewCrashableMem()
	cfg := state.TestConfig()
	cfg.FS, cfg.GroupCommit = fs, group
	cfg.MemTableBytes = 128 << 10
	s, err := state.Open(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 2))
	images, perWriter := 20, 150
	if raceEnabled { // Pebble checks its invariants under -race: keep it small
		images, perWriter = 4, 40
	}
	var mu sync.Mutex
	var acked []ackedTask
	var stop atomic.Bool
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			g := stategen.New(uint64(w))
			c, d := g.Deploy()
			for n := 0; n < perWriter && !stop.Load(); n++ { // bounded: each image replays and checks them all
				tc := d
				switch {
				case n == 0:
				case n%7 == 3:
					tc = g.Failure(c.Addr)
				case n%7 == 5:
					tc = g.ComputeNoDelta(c)
				default:
					tc = g.Compute(c)
				}
				if err := s.CommitTask(ctx, tc); err != nil {
					t.Error(err)
					return
				}
				c.Advance(tc)
				a := ackedTask{id: tc.Result.TaskID, contract: c.Addr, delta: -1}
				if tc.Delta != nil {
					a.delta = int64(tc.Delta.Index)
				}
				mu.Lock()
				acked = append(acked, a)
				mu.Unlock()
				time.Sleep(200 * time.Microsecond) // keep the images small
			}
		}()
	}

	for i := range images {
		time.Sleep(time.Duration(rng.IntN(10_000)) * time.Microsecond)
		mu.Lock()
		durable := append([]ackedTask(nil), acked...)
		mu.Unlock()
		img := fs.CrashClone(vfs.CrashCloneCfg{UnsyncedDataPercent: rng.IntN(101), RNG: rng})
		icfg := cfg
		icfg.FS = img
		is, err := state.Open(icfg, nil)
		if err != nil {
			t.Fatalf("image %d: reopen: %v", i, err)
		}
		verifyAfterCrash(t, ctx, is, durable)
		is.Close()
	}
	stop.Store(true)
	wg.Wait()
	if len(acked) == 0 {
		t.Fatal("nothing committed")
	}
	t.Logf("%d tasks committed across %d crash images", len(acked), images)
}
