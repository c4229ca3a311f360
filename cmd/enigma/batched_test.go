package main

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/enigma-go/enigma/sdk/contract/build"
)

func TestParseENG(t *testing.T) {
	for in, want := range map[string]string{"10": "1000000000", "0.5": "50000000", "0.00000001": "1", "1_000": "100000000000"} {
		if got, err := parseENG(in, false); err != nil || got.String() != want {
			t.Errorf("%s ENG: %v, %v; want %s grains", in, got, err, want)
		}
	}
	if got, err := parseENG("12345", true); err != nil || got.Int64() != 12345 {
		t.Errorf("12345 grains: %v, %v", got, err)
	}
	for _, bad := range []string{"", "x", "0", "-1", "0.000000001", "1e-9"} {
		if _, err := parseENG(bad, false); !errors.Is(err, errUsage) {
			t.Errorf("%q: %v, want a usage error", bad, err)
		}
	}
	if _, err := parseENG("1.5", true); !errors.Is(err, errUsage) {
		t.Error("a fraction of a grain was accepted")
	}
}

func TestBalanceCommandsUsage(t *testing.T) {
	ctx := context.Background()
	var out bytes.Buffer
	data := []string{"--data", filepath.Join(t.TempDir(), "none")}
	for name, run := range map[string]func() error{
		"deposit without amount": func() error { return runDeposit(ctx, data, &out) },
		"deposit two amounts":    func() error { return runDeposit(ctx, append([]string{"1", "2"}, data...), &out) },
		"deposit nothing":        func() error { return runDeposit(ctx, append([]string{"0"}, data...), &out) },
		"withdraw an argument":   func() error { return runWithdraw(ctx, append([]string{"5"}, data...), &out) },
		"withdraw bad amount":    func() error { return runWithdraw(ctx, append([]string{"--amount", "x"}, data...), &out) },
		"balance an argument":    func() error { return runBalance(ctx, append([]string{"x"}, data...), &out) },
	} {
		if err := run(); !errors.Is(err, errUsage) {
			t.Errorf("%s: got %v, want a usage error", name, err)
		}
	}
}

// TestBatchedCommands runs a batched call, its status and result, and
// the deposit and withdrawal commands against a devnet's data folder.
func TestBatchedCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a devnet; skipped with -short")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	d, data := dataDevnet(t, ctx)
	keyFile := filepath.Join(t.TempDir(), "user.key")
	if err := os.WriteFile(keyFile, []byte(hex.EncodeToString(crypto.FromECDSA(d.DevChain().Accounts()[3].Key))), 0o600); err != nil {
		t.Fatal(err)
	}
	key := append([]string{"--key", keyFile}, data...)

	wasm := filepath.Join(t.TempDir(), "calculator.wasm")
	if _, err := build.Contract(ctx, build.Options{Dir: filepath.Join("..", "..", "examples", "calculator"), Out: wasm, Stderr: os.Stderr}); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := runDeploy(ctx, append([]string{wasm}, key...), &out); err != nil {
		t.Fatalf("deploy: %v\n%s", err, out.String())
	}
	sc := lineField(t, out.String(), "deployed secret contract ")

	out.Reset()
	if err := runDeposit(ctx, append([]string{"20"}, key...), &out); err != nil || !strings.Contains(out.String(), "deposited 20.00000000 ENG") ||
		!strings.Contains(out.String(), "locked for batched tasks") {
		t.Fatalf("deposit: %v\n%s", err, out.String())
	}

	out.Reset()
	err := runCall(ctx, append([]string{sc, "sub(uint256,uint256)", "76", "17", "--returns", "(uint256)"}, key...), &out)
	if err != nil && strings.Contains(err.Error(), "batched tasks are not served") {
		t.Skipf("the devnet does not run batched tasks: %v", err)
	}
	if err != nil {
		t.Fatalf("batched call: %v\n%s", err, out.String())
	}
	s := out.String()
	if lines := strings.Split(strings.TrimSpace(s), "\n"); lines[len(lines)-1] != "59" || !strings.Contains(s, ", batched) accepted by worker") ||
		!strings.Contains(s, "inclusion proved against block") || !strings.Contains(s, "batched: committed in batch") {
		t.Fatalf("batched call printed\n%s", s)
	}
	id := strings.Fields(lineField(t, s, "compute task "))[0]

	out.Reset()
	if err := runTask(ctx, "status", append([]string{id}, data...), &out); err != nil || !strings.Contains(out.String(), "path     batched") ||
		!strings.Contains(out.String(), "status   committed in block") {
		t.Fatalf("task status: %v\n%s", err, out.String())
	}
	out.Reset()
	if err := runTask(ctx, "result", append([]string{id}, data...), &out); err != nil || !strings.Contains(out.String(), "inclusion proved against block") {
		t.Fatalf("task result: %v\n%s", err, out.String())
	}

	out.Reset()
	if err := runCall(ctx, append([]string{sc, "sub(uint256,uint256)", "76", "17", "--batched=false", "--returns", "(uint256)"}, key...), &out); err != nil ||
		!strings.Contains(out.String(), "recorded at block") || !strings.Contains(out.String(), "receipt: ReceiptVerified") {
		t.Fatalf("--batched=false: %v\n%s", err, out.String())
	}

	// An account the node holds (the devnet's, no --key) signs its batched
	// tasks through the node (eth_sign, an EIP-191 personal message) and
	// funds its balance on its own.
	out.Reset()
	if err := runCall(ctx, append([]string{sc, "sub(uint256,uint256)", "76", "17", "--returns", "(uint256)"}, data...), &out); err != nil ||
		!strings.Contains(out.String(), ", batched) accepted by worker") || !strings.Contains(out.String(), "inclusion proved against block") {
		t.Fatalf("batched call from an account the node holds: %v\n%s", err, out.String())
	}

	out.Reset()
	if err := runWithdraw(ctx, key, &out); err == nil || !strings.Contains(err.Error(), "--request") {
		t.Fatalf("withdraw before the request: %v\n%s", err, out.String())
	}
	out.Reset()
	if err := runWithdraw(ctx, append([]string{"--request", "--wait"}, key...), &out); err != nil ||
		!strings.Contains(out.String(), "withdrawal requested") || !strings.Contains(out.String(), "withdrew ") || !strings.Contains(out.String(), "deposited  0.00000000 ENG (empty)") {
		t.Fatalf("withdraw --request --wait: %v\n%s", err, out.String())
	}
}
