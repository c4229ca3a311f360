package state_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/internal/state/statebench"
)

// BenchmarkCommit measures durable task commits on disk: one writer, then
// N writers with the group committer and with Pebble's WAL group commit
// alone. ops/s is the figure to read; ns/op is per task across all writers.
func BenchmarkCommit(b *testing.B) {
	cases := []struct {
		writers int
		group   bool
	}{{1, false}, {1, true}, {4, false}, {4, true}, {16, false}, {16, true}, {64, false}, {64, true}}
	for _, c := range cases {
		mode := map[bool]string{false: "wal", true: "committer"}[c.group]
		b.Run(fmt.Sprintf("writers=%d/%s", c.writers, mode), func(b *testing.B) {
			cfg := state.DefaultConfig()
			cfg.Dir = b.TempDir()
			cfg.GroupCommit = c.group
			s, err := state.Open(cfg, nil)
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			b.ResetTimer()
			r, err := statebench.Run(context.Background(), s, statebench.Options{Writers: c.writers, Tasks: b.N})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(r.OpsPerSec(), "ops/s")
			if st := s.Stats(); st.Syncs > 0 {
				b.ReportMetric(float64(st.Writes)/float64(st.Syncs), "tasks/sync")
			}
		})
	}
}

// BenchmarkPendingTask measures what keeping an accepted task across a
// crash costs: a synced PutPending (before the worker acknowledges the
// task) and an unsynced DeletePending (once it ended), with one writer and
// with 16. Compare with BenchmarkCommit, the task's other synced write.
func BenchmarkPendingTask(b *testing.B) {
	for _, writers := range []int{1, 16} {
		b.Run(fmt.Sprintf("writers=%d", writers), func(b *testing.B) {
			cfg := state.DefaultConfig()
			cfg.Dir = b.TempDir()
			s, err := state.Open(cfg, nil)
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			ctx := context.Background()
			data := make([]byte, 1024) // a compat task with its held blob
			var next atomic.Int64
			var wg sync.WaitGroup
			start := time.Now()
			b.ResetTimer()
			for range writers {
				wg.Go(func() {
					for {
						i := next.Add(1)
						if i > int64(b.N) {
							return
						}
						id := api.TaskID{byte(i >> 24), byte(i >> 16), byte(i >> 8), byte(i), 1}
						if err := s.PutPending(ctx, &state.PendingTask{TaskID: id, Contract: api.Hash{1}, Seq: uint64(i), Data: data}); err != nil {
							b.Error(err)
							return
						}
						if err := s.DeletePending(ctx, id); err != nil {
							b.Error(err)
							return
						}
					}
				})
			}
			wg.Wait()
			b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "ops/s")
		})
	}
}
