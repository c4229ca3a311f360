//go:build linux

package multihost

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/chain/bindings"
	"github.com/enigma-go/enigma/internal/chain/devchain"
	"github.com/enigma-go/enigma/internal/node"
	"github.com/enigma-go/enigma/internal/selection"
	"github.com/enigma-go/enigma/sdk/client"
	"github.com/enigma-go/enigma/sdk/contract/build"
)

// cliTaskBound bounds one `enigma deploy` or `enigma call`: the client's
// own waits (for the worker's key, for the hand-off, for the receipt) end
// before the task could be refunded, timeoutEpochs epochs of 1 s blocks
// after its record, and a task that hangs past that fails the test.
const cliTaskBound = (timeoutEpochs*epochBlocks + 2*epochBlocks) * time.Second

// sentLine is what `enigma deploy` and `enigma call` print once the task
// is recorded on chain.
// A task with a record prints "recorded at block N for worker W", a
// batched one (the CLI's default for v2 compute tasks) "accepted by worker
// W for the epoch of block N".
var sentLine = regexp.MustCompile(`(deploy|compute) task (0x[0-9a-fA-F]{64}) \(envelope \w+(?:, batched)?\) (?:recorded at block (\d+) for|accepted by) worker (0x[0-9a-fA-F]{40})`)

// cliTask is one task the Go client ran through the command line.
type cliTask struct {
	ID     api.Hash
	Worker common.Address
	Out    string
}

// goClient runs the enigma command line on the client's host, from a dev
// account of its own (enigma-js sends from accounts 0 and 4-9).
type goClient struct {
	n    *network
	from common.Address
	data string // holds the key manager's addresses.json
}

func (n *network) goClient(t *testing.T) *goClient {
	accs, err := devchain.DeriveAccounts(devchain.DefaultMnemonic, 2)
	if err != nil {
		t.Fatal(err)
	}
	return &goClient{n: n, from: accs[1].Address, data: filepath.Join(n.dir, "client")}
}

// run runs one enigma client command through gateway gw and returns its
// output; a command still running after cliTaskBound is killed and fails
// the test.
func (c *goClient) run(t *testing.T, gw int, args ...string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), cliTaskBound)
	defer cancel()
	words := strings.Join(args, " ")
	args = append(args, "--data", c.data, "--gateway", c.n.gatewayURL(gw), "--from", c.from.Hex(),
		"--timeout", (cliTaskBound - 10*time.Second).String())
	cmd := c.n.client.command(ctx, c.n.bin, args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	t.Logf("client through gateway%d: enigma %s (%s)\n%s", gw+1, words, since(start), indent(out.String()))
	if ctx.Err() != nil {
		return out.String(), fmt.Errorf("enigma %s hung: still running after %s", args[0], cliTaskBound)
	}
	return out.String(), err
}

// deploy deploys the contract in wasm through gateway gw.
func (c *goClient) deploy(t *testing.T, gw int, wasm string) (api.Hash, cliTask) {
	t.Helper()
	out, err := c.run(t, gw, "deploy", wasm)
	task := c.check(t, out, err)
	m := regexp.MustCompile(`deployed secret contract (0x[0-9a-fA-F]{64})`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("enigma deploy printed no contract address:\n%s", out)
	}
	return api.Hash(common.HexToHash(m[1])), task
}

// add runs the calculator's add(a, b) through gateway gw and checks the
// sum.
func (c *goClient) add(t *testing.T, gw int, sc api.Hash, a, b int) cliTask {
	t.Helper()
	out, err := c.run(t, gw, "call", sc.Hex(), "add(uint256,uint256)", strconv.Itoa(a), strconv.Itoa(b), "--returns", "(uint256)")
	task := c.check(t, out, err)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if got := strings.TrimSpace(lines[len(lines)-1]); got != strconv.Itoa(a+b) {
		t.Fatalf("add(%d, %d) returned %q, want %d", a, b, got, a+b)
	}
	return task
}

// check fails the test unless the command succeeded; it names the task's
// state on chain when one was recorded.
func (c *goClient) check(t *testing.T, out string, err error) cliTask {
	t.Helper()
	m := sentLine.FindStringSubmatch(out)
	if err != nil {
		if m != nil {
			st, serr := c.n.taskStatus(common.HexToHash(m[2]))
			t.Fatalf("task %s (worker %s): %v; on chain: %v %v", m[2], m[4], err, st, serr)
		}
		t.Fatalf("the client failed before a task was recorded: %v", err)
	}
	if m == nil {
		t.Fatalf("the client printed no task line:\n%s", out)
	}
	return cliTask{ID: api.Hash(common.HexToHash(m[2])), Worker: common.HexToAddress(m[4]), Out: out}
}

// observer reads the chain from the client's host for the test's checks.
type observer struct {
	client *chain.Client
	enigma *chain.Enigma
	sdk    *client.Client
}

// observe connects the test to the chain through the client's host.
func (n *network) observe(t *testing.T) *observer {
	url := "http://" + n.client.forward(t, strings.TrimPrefix(n.chainURL(), "http://"))
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cc := chain.DefaultConfig()
	cc.RPCURL = url
	ch, err := chain.Dial(ctx, cc)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(ch.Close)
	addrs, err := node.ReadAddresses(n.addressesFile("client"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := client.DefaultConfig()
	cfg.ChainRPC, cfg.Gateway, cfg.AddressesFile = url, n.gatewayURL(0), n.addressesFile("client")
	sdk, err := client.New(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sdk.Close() })
	return &observer{client: ch, enigma: ch.Bind(chain.Addresses{Enigma: addrs.Contract, Token: addrs.Token}), sdk: sdk}
}

// selected is the worker the current epoch selects for contract sc, and
// how many blocks the epoch has left.
func (o *observer) selected(ctx context.Context, sc api.Hash) (common.Address, uint64, error) {
	e, err := o.sdk.Epoch(ctx)
	if err != nil {
		return common.Address{}, 0, err
	}
	p := selection.Params{FirstBlock: e.FirstBlock, Seed: e.Seed}
	for _, w := range e.Workers {
		p.Workers, p.Stakes = append(p.Workers, w.Signer), append(p.Stakes, w.Stake)
	}
	w, err := selection.SelectOne(p, sc)
	left := e.FirstBlock + e.Size - e.Head
	return w, left, err
}

// selectedWithTime returns the worker selected for sc once the current
// epoch has at least blocks left, waiting for the next epoch if needed:
// a task sent now goes to that worker.
func (o *observer) selectedWithTime(t *testing.T, sc api.Hash, blocks uint64) common.Address {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*epochBlocks*time.Second)
	defer cancel()
	for {
		w, left, err := o.selected(ctx, sc)
		if err == nil && left >= blocks {
			return w
		}
		select {
		case <-ctx.Done():
			t.Fatalf("no epoch with %d blocks left to select a worker for %s: %v", blocks, sc, err)
		case <-time.After(500 * time.Millisecond):
		}
	}
}

// waitSelects waits, for up to eight epochs, until an epoch with at least
// blocks left selects worker for sc.
func (o *observer) waitSelects(t *testing.T, sc api.Hash, worker common.Address, blocks uint64) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 8*epochBlocks*time.Second)
	defer cancel()
	for {
		w, left, err := o.selected(ctx, sc)
		if err == nil && w == worker && left >= blocks {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("no epoch in eight selected %s for %s: %v", worker, sc, err)
		case <-time.After(500 * time.Millisecond):
		}
	}
}

func (n *network) taskStatus(id common.Hash) (api.ChainStatus, error) {
	o := n.obs
	if o == nil {
		return 0, errors.New("no observer")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	r, err := o.enigma.TaskRecord(ctx, id)
	return api.ChainStatus(r.Status), err
}

// openTasks lists every task recorded on chain whose record is still
// open (status 1: no receipt and no refund).
func (o *observer) openTasks(ctx context.Context) ([]string, int, error) {
	head, err := o.client.BlockNumber(ctx)
	if err != nil {
		return nil, 0, err
	}
	topic := o.enigma.ABI().GetABI().Events[bindings.EnigmaTaskRecordCreatedEventName].ID
	logs, err := o.client.Eth().FilterLogs(ctx, ethereum.FilterQuery{
		FromBlock: big.NewInt(0), ToBlock: new(big.Int).SetUint64(head),
		Addresses: []common.Address{o.enigma.Addresses().Enigma}, Topics: [][]common.Hash{{topic}},
	})
	if err != nil {
		return nil, 0, err
	}
	var open []string
	for _, l := range logs {
		_, ev, err := o.enigma.DecodeEvent(&l)
		if err != nil {
			return nil, 0, err
		}
		rec := ev.(*bindings.EnigmaTaskRecordCreated)
		r, err := o.enigma.TaskRecord(ctx, rec.TaskId)
		if err != nil {
			return nil, 0, err
		}
		if api.ChainStatus(r.Status) == api.ChainRecordCreated {
			open = append(open, fmt.Sprintf("%s from %s, recorded at block %d (head %d)",
				common.Hash(rec.TaskId).Hex(), rec.Sender.Hex(), rec.BlockNumber, head))
		}
	}
	return open, len(logs), nil
}

// enigmaJSDir is the enigma-js 0.3.0 suite, run here as it is by
// test/compat/enigmajs but from the client's host against a gateway.
var enigmaJSDir = filepath.Join("..", "compat", "enigmajs")

// enigmaJSContracts are the examples its scenarios deploy.
var enigmaJSContracts = []string{"calculator", "millionaire", "voting", "erc20", "flipcoin"}

// buildContracts builds the scenario contracts into dir.
func buildContracts(ctx context.Context, dir string) error {
	for _, name := range enigmaJSContracts {
		_, err := build.Contract(ctx, build.Options{
			Dir: filepath.Join("..", "..", "examples", name),
			Out: filepath.Join(dir, name+".wasm"),
		})
		if err != nil {
			return fmt.Errorf("examples/%s: %w", name, err)
		}
	}
	return nil
}

// requireEnigmaJS returns node's path, or skips (fails under CI=true) when
// node or the npm packages are missing.
func requireEnigmaJS(t *testing.T) string {
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
		if _, err := os.Stat(filepath.Join(enigmaJSDir, "node_modules", pkg, "package.json")); err != nil {
			unavailable(pkg + " is not installed in test/compat/enigmajs/node_modules; run `make deps`")
		}
	}
	return nodeBin
}

// runEnigmaJS runs the scenario files with node's test runner on the
// client's host, against gateway gw, bounded by limit. Its report goes to
// a log file whose tail is returned with the error.
func (n *network) runEnigmaJS(nodeBin, wasmDir string, gw int, limit time.Duration) error {
	dir, err := filepath.Abs(enigmaJSDir)
	if err != nil {
		return err
	}
	files, err := filepath.Glob(filepath.Join(dir, "e2e", "*.test.js"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no scenario files in %s/e2e: %v", dir, err)
	}
	sort.Strings(files)
	// What enigma-js reads: the contracts, the chain and the gateway.
	addrs, err := node.ReadAddresses(n.addressesFile("client"))
	if err != nil {
		return err
	}
	addrs.EthNode, addrs.Proxy = n.chainURL(), n.gatewayURL(gw)
	b, _ := json.MarshalIndent(addrs, "", "  ")
	addrFile := filepath.Join(n.dir, "client", "enigmajs-addresses.json")
	if err := os.WriteFile(addrFile, b, 0o644); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	// --test-force-exit: a step that timed out leaves enigma-js polling.
	args := append([]string{"--test", "--test-reporter=spec", "--test-force-exit",
		fmt.Sprintf("--test-concurrency=%d", len(files))}, files...)
	cmd := n.client.command(ctx, nodeBin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "ENIGMA_ADDRESSES="+addrFile, "ENIGMA_WASM_DIR="+wasmDir,
		"ENIGMA_WORKERS="+strconv.Itoa(workers), "NODE_NO_WARNINGS=1")
	logPath := filepath.Join(n.procs.dir, "enigma-js.log")
	f, err := os.Create(logPath)
	if err != nil {
		return err
	}
	defer f.Close()
	cmd.Stdout, cmd.Stderr = f, f
	err = cmd.Run()
	if ctx.Err() != nil {
		return fmt.Errorf("the enigma-js scenarios did not finish within %s; their report ends:\n%s", limit, tailFile(logPath, 60))
	}
	if err != nil {
		return fmt.Errorf("the enigma-js scenarios failed (%v); their report ends:\n%s", err, tailFile(logPath, 80))
	}
	return nil
}

// enigmaJSSummary is the totals line of node's spec report.
func enigmaJSSummary(logPath string) string {
	b, _ := os.ReadFile(logPath)
	var s []string
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "ℹ tests") || strings.HasPrefix(l, "ℹ pass") || strings.HasPrefix(l, "ℹ fail") || strings.HasPrefix(l, "ℹ skipped") {
			s = append(s, strings.TrimPrefix(l, "ℹ "))
		}
	}
	return strings.Join(s, ", ")
}

func indent(s string) string {
	s = strings.TrimRight(s, "\n")
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}
