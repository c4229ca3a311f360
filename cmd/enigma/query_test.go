package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/enigma-go/enigma/internal/enclave/testcontract"
)

func TestQueryCommandUsage(t *testing.T) {
	ctx := context.Background()
	var out bytes.Buffer
	sc := strings.Repeat("11", 32)
	for name, args := range map[string][]string{
		"no function":    {sc},
		"bad contract":   {"0x01", "f()"},
		"bad returns":    {sc, "f()", "--returns", "uint256"},
		"bad arguments":  {sc, "f(uint256)", "x"},
		"expiry too far": {sc, "f()", "--expiry", "2h"},
		"expiry zero":    {sc, "f()", "--expiry", "0s"},
		"compat":         {sc, "f()", "--envelope", "compat"},
		"key and from":   {sc, "f()", "--key", "k", "--from", "0x01", "--data", t.TempDir()},
		"unknown flag":   {sc, "f()", "--batched"},
	} {
		if err := runQuery(ctx, args, &out); !errors.Is(err, errUsage) {
			t.Errorf("%s: got %v, want a usage error", name, err)
		}
	}
}

// TestQueryCommand asks a deployed contract's query functions through a
// devnet's data folder, as a user would.
func TestQueryCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a devnet; skipped with -short")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	d, data := dataDevnet(t, ctx)
	from := []string{"--from", d.Accounts()[9].Hex()}
	wasm := filepath.Join(t.TempDir(), "query.wasm")
	if err := os.WriteFile(wasm, testcontract.QueryContract(), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	// The contract stores its constructor's raw arguments: the ABI
	// encoding of the bytes "hello".
	if err := runDeploy(ctx, append(append([]string{wasm, "--ctor", "construct(bytes)", "0x68656c6c6f"}, data...), from...), &out); err != nil {
		t.Fatalf("deploy: %v\n%s", err, out.String())
	}
	sc := lineField(t, out.String(), "deployed secret contract ")

	out.Reset()
	if err := runQuery(ctx, append(append([]string{sc, "get()", "--returns", "(bytes)"}, data...), from...), &out); err != nil {
		t.Fatalf("query: %v\n%s", err, out.String())
	}
	if lines := strings.Split(strings.TrimSpace(out.String()), "\n"); lines[len(lines)-1] != "0x68656c6c6f" ||
		!strings.Contains(out.String(), "as caller "+d.Accounts()[9].Hex()) {
		t.Fatalf("query printed\n%s", out.String())
	}
	out.Reset()
	if err := runQuery(ctx, append(append([]string{sc, "caller()", "--expiry", "30s"}, data...), from...), &out); err != nil ||
		!strings.Contains(out.String(), "output "+strings.ToLower(d.Accounts()[9].Hex())) {
		t.Fatalf("caller: %v\n%s", err, out.String())
	}
	out.Reset()
	err := runQuery(ctx, append(append([]string{sc, "write(bytes)", "0x01"}, data...), from...), &out)
	if err == nil || !strings.Contains(out.String(), "query failed") || !strings.Contains(out.String(), "a query cannot write state") {
		t.Fatalf("write: %v\n%s", err, out.String())
	}
	out.Reset()
	err = runQuery(ctx, append(append([]string{sc, "store(bytes)", "0x01"}, data...), from...), &out)
	if err == nil || !strings.Contains(err.Error(), "store(bytes) is not a query function") {
		t.Fatalf("not a query function: %v\n%s", err, out.String())
	}
}
