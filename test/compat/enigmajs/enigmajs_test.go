//go:build unix

// Package enigmajs_test runs the unmodified enigma-js 0.3.0 client against an
// in-process devnet: the end-to-end proof that this network is a drop-in
// replacement for the original one. The scenarios are node:test files in
// e2e/; this test builds the contracts they deploy, starts the devnet, and
// runs node with a hard timeout.
//
// It imports only the devnet and the contract builder; it must not reach
// into the network's internals, which the scenarios see only through
// enigma-js and web3.
package enigmajs_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/enigma-go/enigma/internal/devnet"
	"github.com/enigma-go/enigma/sdk/contract/build"
)

// nodeTimeout bounds the whole node run; node and every test process it
// spawned are killed when it passes (or earlier, if go test's own deadline
// comes first).
const nodeTimeout = 10 * time.Minute

// contracts are the examples the scenarios deploy, by file name in e2e/.
var contracts = []string{"calculator", "millionaire", "voting", "erc20", "flipcoin"}

// logTail is how many lines of the devnet's log a failed run prints.
const logTail = 200

func TestEnigmaJS(t *testing.T) {
	// A task's record must land in the epoch it was created for, and
	// enigma-js needs several blocks per task (web3 polls for receipts once
	// a second): a minute-long epoch means few scenarios straddle a change,
	// and env.js resubmits the ones that do.
	cfg := devnet.TestConfig()
	cfg.BlockPeriod = 200 * time.Millisecond
	cfg.EpochSize = uint64(time.Minute / cfg.BlockPeriod)
	runSuite(t, cfg, nil, true)
}

// TestEnigmaJSAtDevnetDefaults runs the scenarios as a new user would: on
// the devnet `enigma devnet` starts (DefaultConfig: 1 s blocks, 10-block
// epochs, 3 workers), with every task from accounts[0], at the original
// tests' fee of 1 ENG a gas (utils.toGrains(1)), and with no resubmission
// of a record an epoch change reverted: the network must lose no task to an
// epoch change, to its own accounts or to funding. One sender means one
// file at a time (enigma-js reads the sender's task nonce before each
// record), so it runs alongside TestEnigmaJS.
func TestEnigmaJSAtDevnetDefaults(t *testing.T) {
	runSuite(t, devnet.DefaultConfig(), []string{"ENIGMA_FLOW=original"}, false)
}

// runSuite starts a devnet from cfg (on free ports, in a temporary folder)
// and runs the scenario files against it, in parallel or one after
// another, with env added to node's environment.
func runSuite(t *testing.T, cfg devnet.Config, env []string, parallelFiles bool) {
	if testing.Short() {
		t.Skip("the enigma-js end-to-end suite takes minutes; run without -short")
	}
	t.Parallel()
	nodeBin := requireNode(t)
	// ENIGMAJS_FILES narrows the run to some scenario files while working
	// on them, e.g. ENIGMAJS_FILES='20_*'.
	pattern := "*.test.js"
	if p := os.Getenv("ENIGMAJS_FILES"); p != "" {
		pattern = p
	}
	files, err := filepath.Glob(filepath.Join("e2e", pattern))
	if err != nil || len(files) == 0 {
		t.Fatalf("no scenario files match e2e/%s: %v", pattern, err)
	}
	sort.Strings(files)

	limit := nodeTimeout
	if dl, ok := t.Deadline(); ok {
		// Leave go test time to kill node and print the devnet's log
		// before its own timeout panics the binary.
		if left := time.Until(dl) - 45*time.Second; left < limit {
			limit = left
		}
	}
	if limit < time.Minute {
		t.Fatalf("go test leaves %s for the enigma-js suite; run it with -timeout 20m", limit)
	}
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()

	// Build the contracts while the devnet starts: both take seconds.
	wasmDir := os.Getenv("ENIGMA_ORIG_WASM")
	built := make(chan error, 1)
	if wasmDir == "" {
		go func() {
			var err error
			wasmDir, err = builtContracts(ctx)
			built <- err
		}()
	} else {
		built <- nil
		t.Logf("running the scenarios on the original contracts in %s", wasmDir)
	}

	dataDir := t.TempDir()
	// ENIGMAJS_LOG keeps the devnet's whole log (debug level) in a file of
	// one's choice (suffixed with the test's name); by default it lives and
	// dies with the test's data.
	logPath := filepath.Join(dataDir, "devnet.log")
	if p := os.Getenv("ENIGMAJS_LOG"); p != "" {
		logPath = p + "." + t.Name()
	}
	logFile, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = logFile.Close() })
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("last lines of the devnet log above debug level (set ENIGMAJS_LOG=<file> to keep all of it):\n%s", tail(logPath, logTail))
		}
	})

	cfg.DataDir = dataDir
	cfg.ChainAddr = "127.0.0.1:0"
	cfg.GatewayAddr = "127.0.0.1:0"
	cfg.Logger = slog.New(slog.NewTextHandler(logFile, &slog.HandlerOptions{Level: slog.LevelDebug}))
	// The devnet's task and epoch lines go into the log too.
	cfg.Activity = logFile
	start := time.Now()
	d, err := devnet.Start(ctx, cfg)
	if err != nil {
		<-built
		t.Fatalf("start devnet: %v", err)
	}
	t.Cleanup(func() {
		if err := d.Close(); err != nil {
			t.Errorf("close devnet: %v", err)
		}
	})
	t.Logf("devnet up in %s: chain %s, gateway %s, %v blocks, %d-block epochs", time.Since(start).Round(time.Millisecond),
		d.ChainURL(), d.GatewayURL(), cfg.BlockPeriod, cfg.EpochSize)
	if err := <-built; err != nil {
		t.Fatalf("build contracts: %v", err)
	}

	addrFile, err := addressesFile(dataDir, d)
	if err != nil {
		t.Fatal(err)
	}
	concurrency := 1
	if parallelFiles {
		concurrency = len(files)
	}
	runStart := time.Now()
	runNode(ctx, t, nodeBin, files, concurrency, append([]string{
		"ENIGMA_ADDRESSES=" + addrFile,
		"ENIGMA_WASM_DIR=" + wasmDir,
		"ENIGMA_WORKERS=" + strconv.Itoa(cfg.Workers),
		"NODE_NO_WARNINGS=1",
	}, env...))
	t.Logf("scenarios passed in %s", time.Since(runStart).Round(time.Second))
}

var (
	buildOnce sync.Once
	buildDir  string
	buildErr  error
)

// builtContracts builds the scenario contracts once per test binary into
// a folder removed when the binary exits (TestMain).
func builtContracts(ctx context.Context) (string, error) {
	buildOnce.Do(func() {
		if buildDir, buildErr = os.MkdirTemp("", "enigmajs-wasm-"); buildErr == nil {
			buildErr = buildContracts(ctx, buildDir)
		}
	})
	return buildDir, buildErr
}

func TestMain(m *testing.M) {
	code := m.Run()
	if buildDir != "" {
		os.RemoveAll(buildDir)
	}
	os.Exit(code)
}

// requireNode returns node's path, or skips (fails under CI=true) when node
// or the npm packages are missing.
func requireNode(t *testing.T) string {
	t.Helper()
	unavailable := func(msg string) {
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	nodeBin, err := exec.LookPath("node")
	if err != nil {
		unavailable("node is not installed; install node 20 to run the enigma-js suite")
	}
	for _, pkg := range []string{"enigma-js", "web3"} {
		if _, err := os.Stat(filepath.Join("node_modules", pkg, "package.json")); err != nil {
			unavailable(pkg + " is not installed in test/compat/enigmajs/node_modules; run `make deps`")
		}
	}
	return nodeBin
}

// runNode runs the scenario files with node's test runner, streaming its
// report, and fails the test on a non-zero exit or when ctx ends first.
func runNode(ctx context.Context, t *testing.T, nodeBin string, files []string, concurrency int, env []string) {
	t.Helper()
	// Files run in parallel when each sends from its own account: most of
	// a scenario's time is spent waiting for blocks.
	// --test-force-exit: a step that timed out leaves enigma-js polling
	// (pollTaskETH never gives up), which would keep its file's process
	// alive after its report.
	args := append([]string{"--test", "--test-reporter=spec", "--test-force-exit",
		fmt.Sprintf("--test-concurrency=%d", concurrency)}, files...)
	cmd := exec.Command(nodeBin, args...)
	cmd.Env = append(os.Environ(), env...)
	// Both suites may run at once: each line of a report says whose it is.
	out := &prefixWriter{prefix: "[" + strings.TrimPrefix(t.Name(), "TestEnigmaJS") + "] "}
	defer out.Flush()
	cmd.Stdout, cmd.Stderr = out, out
	// node --test runs each file in a child process: kill the whole group,
	// so a hung scenario can never outlive the test.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start node: %v", err)
	}
	killGroup := func() { _ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	defer killGroup() // stray children, if any
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
	select {
	case err = <-done:
	case <-ctx.Done():
		killGroup()
		<-done
		t.Fatalf("enigma-js scenarios did not finish in time (%v); node killed", ctx.Err())
	}
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			t.Fatalf("enigma-js scenarios failed (node exit %d); see the report above", exit.ExitCode())
		}
		t.Fatalf("run node: %v", err)
	}
}

// prefixWriter copies whole lines to os.Stdout, each after prefix.
type prefixWriter struct {
	prefix string
	mu     sync.Mutex
	part   []byte
}

// stdoutMu keeps the lines of concurrent suites whole.
var stdoutMu sync.Mutex

func (w *prefixWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.part = append(w.part, p...)
	for {
		i := bytes.IndexByte(w.part, '\n')
		if i < 0 {
			return len(p), nil
		}
		w.emit(w.part[:i+1])
		w.part = w.part[i+1:]
	}
}

// Flush writes what is left of a last line without its newline.
func (w *prefixWriter) Flush() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.part) > 0 {
		w.emit(append(w.part, '\n'))
		w.part = nil
	}
}

func (w *prefixWriter) emit(line []byte) {
	stdoutMu.Lock()
	defer stdoutMu.Unlock()
	os.Stdout.Write(append([]byte(w.prefix), line...))
}

// buildContracts writes <name>.wasm for every scenario contract into dir.
func buildContracts(ctx context.Context, dir string) error {
	for _, name := range contracts {
		// The compiler's output, if any, is part of the error.
		_, err := build.Contract(ctx, build.Options{
			Dir: filepath.Join("..", "..", "..", "examples", name),
			Out: filepath.Join(dir, name+".wasm"),
		})
		if err != nil {
			return fmt.Errorf("examples/%s: %w", name, err)
		}
	}
	return nil
}

// addressesFile returns a copy of the devnet's addresses.json, completed
// with the chain and gateway URLs the scenarios connect to.
func addressesFile(dataDir string, d *devnet.Devnet) (string, error) {
	m := map[string]any{}
	b, err := os.ReadFile(filepath.Join(dataDir, "addresses.json"))
	if err != nil {
		// Not written (yet): the devnet's own view is the same content.
		if b, err = json.Marshal(d.Addresses()); err != nil {
			return "", err
		}
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return "", fmt.Errorf("devnet addresses: %w", err)
	}
	if s, _ := m["eth_node"].(string); s == "" {
		m["eth_node"] = d.ChainURL()
	}
	if s, _ := m["proxy"].(string); s == "" {
		m["proxy"] = d.GatewayURL()
	}
	if b, err = json.MarshalIndent(m, "", "  "); err != nil {
		return "", err
	}
	out := filepath.Join(dataDir, "enigmajs-addresses.json")
	return out, os.WriteFile(out, b, 0o644)
}

// tail returns the last n lines of the log at path, leaving out debug
// lines.
func tail(path string, n int) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return err.Error()
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		if !strings.Contains(l, "level=DEBUG") {
			lines = append(lines, l)
		}
	}
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
