package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

func TestDemoRunsEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a Go contract; skipped with -short")
	}
	// The demo builds examples/millionaire relative to the repository root.
	wd, _ := os.Getwd()
	if err := os.Chdir(filepath.Join(wd, "..", "..")); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chdir(wd) })
	if err := runDemo(context.Background(), []string{"-data", t.TempDir()}); err != nil {
		t.Fatalf("demo: %v", err)
	}
}
