package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/enigma-go/enigma/internal/devnet"
	"github.com/enigma-go/enigma/sdk/contract/build"
)

func TestSplitFlags(t *testing.T) {
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	fs.String("ctor", "", "")
	fs.Bool("v", false, "")
	fs.Uint64("gas", 0, "")
	flags, words := splitFlags(fs, []string{"c.wasm", "--ctor", "construct(int256,int8)", "-5", "-v", "--gas=7", "-x", "--", "--ctor"})
	if want := []string{"--ctor", "construct(int256,int8)", "-v", "--gas=7"}; !reflect.DeepEqual(flags, want) {
		t.Fatalf("flags %q, want %q", flags, want)
	}
	if want := []string{"c.wasm", "-5", "-x", "--ctor"}; !reflect.DeepEqual(words, want) {
		t.Fatalf("words %q, want %q", words, want)
	}
}

func TestClientCommandsUsage(t *testing.T) {
	ctx := context.Background()
	var out bytes.Buffer
	for _, c := range []struct {
		name string
		run  func() error
	}{
		{"deploy without file", func() error { return runDeploy(ctx, nil, &out) }},
		{"deploy bad ctor args", func() error { return runDeploy(ctx, []string{"x.wasm", "--ctor", "construct(uint256)", "abc"}, &out) }},
		{"call without function", func() error { return runCall(ctx, []string{"0x01"}, &out) }},
		{"call bad contract", func() error { return runCall(ctx, []string{"0x01", "f()"}, &out) }},
		{"call bad returns", func() error {
			return runCall(ctx, []string{strings.Repeat("11", 32), "f()", "--returns", "uint256"}, &out)
		}},
		{"task without id", func() error { return runTask(ctx, "status", nil, &out) }},
		{"epoch with args", func() error { return runEpoch(ctx, []string{"x"}, &out) }},
		{"key and from", func() error {
			return runCall(ctx, []string{strings.Repeat("11", 32), "f()", "--key", "k", "--from", "0x01", "--data", t.TempDir()}, &out)
		}},
	} {
		if err := c.run(); !errors.Is(err, errUsage) {
			t.Errorf("%s: got %v, want a usage error", c.name, err)
		}
	}
	err := runEpoch(ctx, []string{"--data", filepath.Join(t.TempDir(), "none")}, &out)
	if err == nil || !strings.Contains(err.Error(), "enigma devnet") {
		t.Fatalf("missing devnet: %v", err)
	}
}

// dataDevnet starts a test devnet with a data folder, closed at the
// test's end, and returns it with the --data flag that points the
// commands at it, as `enigma devnet` leaves it for a user.
func dataDevnet(t *testing.T, ctx context.Context) (*devnet.Devnet, []string) {
	t.Helper()
	cfg := devnet.TestConfig()
	cfg.DataDir = t.TempDir()
	d, err := devnet.Start(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d, []string{"--data", cfg.DataDir}
}

// TestClientCommands runs the commands against a devnet through its data
// folder, as a user would after `enigma devnet`.
func TestClientCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a devnet; skipped with -short")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	d, data := dataDevnet(t, ctx)

	var out bytes.Buffer
	if err := runEpoch(ctx, data, &out); err != nil || !strings.Contains(out.String(), "workers       2") {
		t.Fatalf("epoch: %v\n%s", err, out.String())
	}
	out.Reset()
	if err := runWorkerList(ctx, data, &out); err != nil || strings.Count(out.String(), "logged in") != 2 {
		t.Fatalf("worker list: %v\n%s", err, out.String())
	}

	wasm := filepath.Join(t.TempDir(), "calculator.wasm")
	if _, err := build.Contract(ctx, build.Options{Dir: filepath.Join("..", "..", "examples", "calculator"), Out: wasm, Stderr: os.Stderr}); err != nil {
		t.Fatal(err)
	}
	from := []string{"--from", d.Accounts()[9].Hex()}
	out.Reset()
	err := runDeploy(ctx, append(append([]string{wasm, "--envelope", "compat"}, data...), from...), &out)
	if err != nil && strings.Contains(err.Error(), "not available on this devnet") {
		t.Skipf("the devnet does not execute tasks: %v", err)
	}
	if err != nil {
		t.Fatalf("deploy: %v\n%s", err, out.String())
	}
	sc := lineField(t, out.String(), "deployed secret contract ")
	deployID := strings.Fields(lineField(t, out.String(), "deploy task "))[0]
	out.Reset()
	if err := runTask(ctx, "result", append([]string{deployID}, data...), &out); err != nil || !strings.Contains(out.String(), "ReceiptVerified") {
		t.Fatalf("task result of the deploy: %v\n%s", err, out.String())
	}
	for _, env := range []string{"v2", "compat"} {
		out.Reset()
		args := append(append([]string{sc, "sub(uint256,uint256)", "76", "17", "--returns", "(uint256)", "--envelope", env, "--pad"}, data...), from...)
		if err := runCall(ctx, args, &out); err != nil {
			t.Fatalf("call (%s): %v\n%s", env, err, out.String())
		}
		if lines := strings.Split(strings.TrimSpace(out.String()), "\n"); lines[len(lines)-1] != "59" {
			t.Fatalf("call (%s) printed\n%s", env, out.String())
		}
	}
	id := strings.Fields(lineField(t, out.String(), "compute task "))[0]
	out.Reset()
	if err := runTask(ctx, "status", append([]string{id}, data...), &out); err != nil || !strings.Contains(out.String(), "ReceiptVerified") {
		t.Fatalf("task status: %v\n%s", err, out.String())
	}
	out.Reset()
	if err := runTask(ctx, "result", append([]string{id}, data...), &out); err != nil || !strings.Contains(out.String(), "matches the receipt") {
		t.Fatalf("task result: %v\n%s", err, out.String())
	}
}

// lineField returns the rest of the first line of s starting with prefix.
func lineField(t *testing.T, s, prefix string) string {
	t.Helper()
	for _, l := range strings.Split(s, "\n") {
		if rest, ok := strings.CutPrefix(l, prefix); ok {
			return strings.TrimSpace(rest)
		}
	}
	t.Fatalf("no line starting %q in\n%s", prefix, s)
	return ""
}
