package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestDevnetRejectsBadFlags(t *testing.T) {
	for _, args := range [][]string{{"--no-such-flag"}, {"--workers", "0"}} {
		if err := runDevnet(context.Background(), args); !errors.Is(err, errUsage) {
			t.Errorf("%v: got %v, want a usage error", args, err)
		}
	}
}

func TestDevnetStopsCleanlyOnInterrupt(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a devnet")
	}
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		done <- runDevnet(ctx, []string{"--data", dir, "--chain-addr", "127.0.0.1:0", "--gateway-addr", "127.0.0.1:0", "--workers", "1", "--block-period", "200ms"})
	}()
	deadline := time.After(60 * time.Second)
	for {
		if _, err := os.Stat(filepath.Join(dir, "addresses.json")); err == nil {
			break
		}
		select {
		case err := <-done:
			t.Fatalf("the devnet ended before it was ready: %v", err)
		case <-deadline:
			t.Fatal("the devnet was not ready within 60s")
		case <-time.After(10 * time.Millisecond):
		}
	}
	for _, f := range []string{"Enigma.json", "EnigmaToken.json"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("no ABI file: %v", err)
		}
	}
	cancel() // what Ctrl-C does through signal.NotifyContext
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("stopping: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the devnet did not stop within 30s")
	}
}
