package state_test

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/cockroachdb/pebble/v2/vfs"
	"github.com/cockroachdb/pebble/v2/vfs/errorfs"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/internal/state/stategen"
)

// TestFailedSyncStopsWrites makes the WAL's fsync fail: the task is not
// acknowledged, and the store refuses every later write (the file's content
// is unknown after a failed fsync) while reads keep working.
func TestFailedSyncStopsWrites(t *testing.T) {
	for _, group := range []bool{false, true} {
		t.Run(fmt.Sprint("group=", group), func(t *testing.T) {
			ctx := context.Background()
			var fail atomic.Bool
			inj := errorfs.InjectorFunc(func(op errorfs.Op) error {
				switch op.Kind {
				case errorfs.OpFileSync, errorfs.OpFileSyncData, errorfs.OpFileSyncTo:
					if fail.Load() && strings.HasSuffix(op.Path, ".log") {
						return errorfs.ErrInjected
					}
				}
				return nil
			})
			cfg := state.TestConfig()
			cfg.FS, cfg.GroupCommit = errorfs.Wrap(vfs.NewMem(), inj), group
			s, err := state.Open(cfg, nil)
			if err != nil {
				t.Fatal(err)
			}
			g := stategen.New(1)
			c, d := g.Deploy()
			must(t, s.CommitTask(ctx, d))
			c.Advance(d)

			fail.Store(true)
			err = s.CommitTask(ctx, g.Compute(c))
			if api.CodeOf(err) != api.CodeUnavailable {
				t.Fatalf("commit with a failing fsync: %v", err)
			}
			fail.Store(false)
			err = s.CommitTask(ctx, g.ComputeNoDelta(c))
			if api.CodeOf(err) != api.CodeUnavailable || !strings.Contains(err.Error(), "restart") {
				t.Fatalf("commit after a failed fsync: %v", err)
			}
			if _, err := s.TaskResult(ctx, d.Result.TaskID); err != nil {
				t.Fatalf("read after a failed fsync: %v", err)
			}
			s.Close() // may report the WAL error; the point is that it returns
		})
	}
}
