package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// devKey is the public test mnemonic's first key (docs/chain.md).
const devKey = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"

func TestFromRefusesAPrivateKey(t *testing.T) {
	for _, from := range []string{devKey, "0x" + devKey} {
		err := (&clientFlags{from: from, data: t.TempDir()}).configErr()
		if !errors.Is(err, errUsage) || !strings.Contains(err.Error(), "--key FILE") || strings.Contains(err.Error(), devKey) {
			t.Fatalf("--from with a key: %v", err)
		}
	}
	for _, from := range []string{"0x01", "f39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "alice"} {
		if err := checkAddressFlag("--from", from, "--key FILE"); !errors.Is(err, errUsage) {
			t.Fatalf("--from %q: %v", from, err)
		}
	}
	if err := checkAddressFlag("--from", "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "--key FILE"); err != nil {
		t.Fatal(err)
	}
	// enigma node --account is an address too.
	if err := runNode(context.Background(), []string{"--role", "worker", "--account", devKey}); !errors.Is(err, errUsage) || !strings.Contains(err.Error(), "account_key_file") {
		t.Fatalf("node --account with a key: %v", err)
	}
}

func TestKeyFileOpenToOthersWarns(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permission bits")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "user.key")
	if err := os.WriteFile(path, []byte(devKey+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var warn bytes.Buffer
	f := &clientFlags{keyFile: path, chainRPC: "http://127.0.0.1:1", gateway: "http://127.0.0.1:1",
		enigma: "0x01", token: "0x02", stderr: &warn}
	cfg, err := f.config()
	if err != nil || cfg.Account != devKey {
		t.Fatalf("config: %v (account %q)", err, cfg.Account)
	}
	if !strings.Contains(warn.String(), "chmod 600 "+path) {
		t.Fatalf("no warning for a key file of mode 0644: %q", warn.String())
	}
	warn.Reset()
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := f.config(); err != nil || warn.Len() != 0 {
		t.Fatalf("mode 0600: %v, warned %q", err, warn.String())
	}
}

// configErr is config's error alone.
func (f *clientFlags) configErr() error {
	_, err := f.config()
	return err
}
