package state

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/cockroachdb/pebble/v2"
	"github.com/cockroachdb/pebble/v2/vfs"

	"github.com/enigma-go/enigma/api"
)

func TestConfigValidate(t *testing.T) {
	if err := TestConfig().Validate(); err != nil {
		t.Fatal(err)
	}
	c := DefaultConfig()
	c.MaxGroupTasks = 0
	c.MaxBlobBytes = 1
	c.MaxKeptDeltas = -1
	err := c.Validate()
	for _, want := range []string{"Dir", "MaxGroupTasks", "MaxBlobBytes", "MaxKeptDeltas"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("Validate() = %v, want it to name %s", err, want)
		}
	}
	if _, err := Open(c, nil); api.CodeOf(err) != api.CodeInvalidInput {
		t.Fatalf("Open with a bad config: %v", err)
	}
}

func TestOpenRefusesOtherDatabases(t *testing.T) {
	fs := vfs.NewMem()
	db, err := pebble.Open("other", &pebble.Options{FS: fs})
	if err != nil {
		t.Fatal(err)
	}
	db.Set([]byte("x"), []byte("y"), pebble.Sync)
	db.Set(append([]byte{prefixMeta}, "wrongformat"...), nil, pebble.Sync)
	db.Close()
	c := TestConfig()
	c.FS, c.Dir = fs, "other"
	if _, err := Open(c, nil); api.CodeOf(err) != api.CodeInvalidInput {
		t.Fatalf("opened a foreign database: %v", err)
	}

	db, _ = pebble.Open("future", &pebble.Options{FS: fs})
	db.Set(formatKey, []byte{schemaVersion + 1}, pebble.Sync)
	db.Close()
	c.Dir = "future"
	if _, err := Open(c, nil); err == nil || !strings.Contains(err.Error(), "format") {
		t.Fatalf("opened a store of another format: %v", err)
	}
}

func TestLoggerAndBlobLimit(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelInfo}))
	c := TestConfig()
	c.MaxBlobBytes = 1 << 10
	s, err := Open(c, log)
	if err != nil {
		t.Fatal(err)
	}
	err = s.PutSealed(context.Background(), "big", make([]byte, 2<<10))
	if api.CodeOf(err) != api.CodeInvalidInput || !strings.Contains(err.Error(), "MaxBlobBytes") {
		t.Fatalf("oversized blob: %v", err)
	}
	s.Close()
	if !strings.Contains(buf.String(), "component=state") {
		t.Fatalf("nothing logged through the injected logger: %q", buf.String())
	}
}

func TestOpenTwiceIsRefused(t *testing.T) {
	c := DefaultConfig()
	c.Dir = t.TempDir()
	c.CacheBytes, c.MemTableBytes = 1<<20, 1<<20
	s, err := Open(c, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := Open(c, nil); api.CodeOf(err) != api.CodeUnavailable || !strings.Contains(err.Error(), "no other worker") {
		t.Fatalf("second Open of one directory: %v", err)
	}
}
