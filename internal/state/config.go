package state

import (
	"errors"
	"fmt"
	"time"

	"github.com/cockroachdb/pebble/v2/vfs"
)

// Config configures the Pebble store.
type Config struct {
	// Dir is the store's directory, created if missing.
	Dir string
	// FS is the file system under Dir; nil means the operating system's.
	// Tests pass vfs.NewMem() to run without a disk.
	FS vfs.FS
	// GroupCommit runs one committer goroutine that merges the task writes
	// queued while the previous sync ran into a single synced Pebble batch.
	// Without it (the default) each write is handed to Pebble on its own and
	// Pebble's WAL already merges concurrent syncs into one fsync; both
	// measured alike (docs/state.md), so the simpler path is the default.
	GroupCommit bool
	// MaxGroupTasks caps how many writes one group sync carries.
	MaxGroupTasks int
	// CacheBytes is Pebble's block cache size.
	CacheBytes int64
	// MemTableBytes is Pebble's memtable size.
	MemTableBytes uint64
	// MaxBlobBytes caps each code, state, delta, output and sealed blob
	// accepted from callers, so a faulty enclave cannot fill the disk with
	// one write.
	MaxBlobBytes int
	// MaxKeptDeltas is how many deltas removed by RollbackTo the store
	// keeps per contract, each with the state at it when it held that
	// state, readable by hash (DeltaByHash, StateByHash); the oldest go
	// first. 0 keeps none.
	MaxKeptDeltas int
	// MaxIssuedKeys bounds the sealed issued keys the store keeps
	// (PutIssuedKey): beyond it the oldest compat keys go first. The
	// default mirrors the simulated enclave's MaxTaskKeys.
	MaxIssuedKeys int
	// Now is the clock that stamps each committed result with the time it
	// was stored, which PruneResults compares with its cutoff; nil means
	// time.Now. Tests inject a fake clock.
	Now func() time.Time
}

func (c Config) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

// DefaultConfig returns the configuration a worker runs with; set Dir.
func DefaultConfig() Config {
	return Config{
		GroupCommit:   false,
		MaxGroupTasks: 512,
		CacheBytes:    64 << 20,
		MemTableBytes: 32 << 20,
		MaxBlobBytes:  64 << 20,
		MaxKeptDeltas: 16,
		MaxIssuedKeys: 1 << 18,
	}
}

// TestConfig returns a small in-memory configuration for tests.
func TestConfig() Config {
	c := DefaultConfig()
	c.Dir = "state"
	c.FS = vfs.NewMem()
	c.CacheBytes = 1 << 20
	c.MemTableBytes = 1 << 20
	return c
}

// Validate reports the first setting that cannot work.
func (c Config) Validate() error {
	var errs []error
	if c.Dir == "" {
		errs = append(errs, errors.New("state: Dir is empty; set the directory the store lives in"))
	}
	if c.MaxGroupTasks < 1 {
		errs = append(errs, fmt.Errorf("state: MaxGroupTasks is %d; it must be at least 1", c.MaxGroupTasks))
	}
	if c.CacheBytes < 0 {
		errs = append(errs, fmt.Errorf("state: CacheBytes is %d; it must not be negative", c.CacheBytes))
	}
	if c.MemTableBytes < 64<<10 || c.MemTableBytes >= 4<<30 {
		errs = append(errs, fmt.Errorf("state: MemTableBytes is %d; use 64 KiB to 4 GiB", c.MemTableBytes))
	}
	if c.MaxBlobBytes < 1<<10 || c.MaxBlobBytes > 1<<30 {
		errs = append(errs, fmt.Errorf("state: MaxBlobBytes is %d; use 1 KiB to 1 GiB", c.MaxBlobBytes))
	}
	if c.MaxKeptDeltas < 0 || c.MaxKeptDeltas > 1024 {
		errs = append(errs, fmt.Errorf("state: MaxKeptDeltas is %d; use 0 to 1024", c.MaxKeptDeltas))
	}
	if c.MaxIssuedKeys < 1 {
		errs = append(errs, fmt.Errorf("state: MaxIssuedKeys is %d; it must be at least 1", c.MaxIssuedKeys))
	}
	return errors.Join(errs...)
}
