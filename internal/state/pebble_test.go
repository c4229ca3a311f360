package state_test

import (
	"path/filepath"
	"testing"

	"github.com/cockroachdb/pebble/v2/vfs"

	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/internal/state/statetest"
)

func diskLocation(groupCommit bool) statetest.Location {
	return func(t *testing.T) func() (state.Store, error) {
		dir := filepath.Join(t.TempDir(), "state")
		return func() (state.Store, error) {
			cfg := state.DefaultConfig()
			cfg.Dir = dir
			cfg.GroupCommit = groupCommit
			cfg.CacheBytes, cfg.MemTableBytes = 1<<20, 1<<20
			return state.Open(cfg, nil)
		}
	}
}

func memLocation(t *testing.T) func() (state.Store, error) {
	fs := vfs.NewMem()
	return func() (state.Store, error) {
		cfg := state.TestConfig()
		cfg.FS = fs
		return state.Open(cfg, nil)
	}
}

func TestConformancePebbleDisk(t *testing.T)      { statetest.Run(t, diskLocation(false)) }
func TestConformancePebbleDiskGroup(t *testing.T) { statetest.Run(t, diskLocation(true)) }
func TestConformancePebbleMem(t *testing.T)       { statetest.Run(t, memLocation) }
