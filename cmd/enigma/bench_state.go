package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/internal/state/statebench"
)

// The state store's part of `enigma bench crypto`: durable task commits per
// second on Pebble with sync on, in the operating system's temp directory
// (set TMPDIR to measure another disk).
func init() {
	registerBenchPart("crypto", "per-task cost of cryptography and state commits", 50, runBenchState)
}

// benchStateWriters is the concurrency of the group-commit rows: about the
// number of tasks a worker has in its commit stage under load.
const benchStateWriters = 32

func runBenchState(ctx context.Context, opt benchOptions) (benchResult, error) {
	dur := 3 * time.Second
	if opt.Quick {
		dur = 200 * time.Millisecond
	}
	if opt.Out != nil {
		fmt.Fprintf(opt.Out, "bench crypto: state commits run %v each in %s\n", dur, os.TempDir())
	}
	type run struct {
		name, key, note string
		writers         int
		group           bool
	}
	runs := []run{
		{"state commit (Pebble, sync on)", "state_commit_ops_s", "1 writer: one fsync per task", 1, false},
		{"state commit (Pebble, sync on, group committer)", "state_commit_group_ops_s",
			fmt.Sprintf("%d writers merged into one synced batch", benchStateWriters), benchStateWriters, true},
		{"state commit (Pebble, sync on, WAL group commit)", "state_commit_wal_group_ops_s",
			fmt.Sprintf("%d writers, syncs merged by Pebble's WAL", benchStateWriters), benchStateWriters, false},
	}
	r := benchResult{Fields: map[string]any{"state_commit_writers": benchStateWriters}}
	for _, x := range runs {
		ops, perSync, err := benchStateRun(ctx, x.writers, x.group, dur)
		if err != nil {
			return benchResult{}, err
		}
		note := x.note
		if perSync > 0 {
			note += fmt.Sprintf("; %.1f tasks per sync", perSync)
		}
		r.Rows = append(r.Rows, benchRow{Name: x.name, Value: ops, Unit: "ops/s", Note: note})
		r.Fields[x.key] = ops
	}
	return r, nil
}

func benchStateRun(ctx context.Context, writers int, group bool, dur time.Duration) (opsS, tasksPerSync float64, err error) {
	dir, err := os.MkdirTemp("", "enigma-bench-state-")
	if err != nil {
		return 0, 0, err
	}
	defer os.RemoveAll(dir)
	cfg := state.DefaultConfig()
	cfg.Dir = filepath.Join(dir, "state")
	cfg.GroupCommit = group
	s, err := state.Open(cfg, nil)
	if err != nil {
		return 0, 0, err
	}
	defer s.Close()
	res, err := statebench.Run(ctx, s, statebench.Options{Writers: writers, Duration: dur})
	if err != nil {
		return 0, 0, err
	}
	if st := s.Stats(); st.Syncs > 0 {
		tasksPerSync = float64(st.Writes) / float64(st.Syncs)
	}
	return res.OpsPerSec(), tasksPerSync, nil
}
