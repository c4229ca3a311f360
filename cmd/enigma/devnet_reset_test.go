package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestResetDevnetDir(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"chain", "worker0", "km.sealed", "addresses.json", "Enigma.json"} {
		if err := os.MkdirAll(filepath.Join(dir, "x", name), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	devnet := filepath.Join(dir, "x")
	if err := resetDevnetDir(devnet); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(devnet); !os.IsNotExist(err) {
		t.Fatalf("the devnet folder is still there: %v", err)
	}
	// A folder with anything else in it is left alone.
	other := filepath.Join(dir, "home")
	if err := os.MkdirAll(filepath.Join(other, "chain"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(other, "thesis.tex"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := resetDevnetDir(other); err == nil || !strings.Contains(err.Error(), "thesis.tex") {
		t.Fatalf("reset of a folder with a foreign file: %v", err)
	}
	if _, err := os.Stat(filepath.Join(other, "thesis.tex")); err != nil {
		t.Fatalf("the foreign file is gone: %v", err)
	}
	// A folder that does not exist is nothing to reset.
	if err := resetDevnetDir(filepath.Join(dir, "none")); err != nil {
		t.Fatal(err)
	}
}
