package state_test

import (
	"context"
	"fmt"
	"testing"

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
