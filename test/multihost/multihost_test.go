//go:build linux

// Package multihost runs the network across hosts: Linux network
// namespaces joined by a bridge stand in for machines on a LAN, each with
// one address and nothing else. The chain (anvil, an Ethereum node the
// network does not start), the key manager, three workers and two gateways
// run as separate processes of the enigma binary, each on its own host;
// from a client host the unmodified enigma-js 0.3.0 suite runs through one
// gateway and the Go client's command line through the other. Then a
// worker's cable is pulled and put back, a worker host is killed and comes
// back at a new address, and a gateway stops, while the Go client keeps
// sending tasks; every task must end.
//
// docs/multihost.md runs the same network on real machines.
package multihost

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
)

// enigmaJSBound bounds the enigma-js suite.
const enigmaJSBound = 4 * time.Minute

// unplugged is how long a worker's cable stays out: longer than the
// gateway's own retries of an unreachable worker (5 s), so the client's
// retries are what carries its task through.
const unplugged = 8 * time.Second

func TestMultiHost(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the enigma binary and runs seven hosts in network namespaces for minutes")
	}
	requireNamespaces(t)
	nodeBin := requireEnigmaJS(t)
	if dl, ok := t.Deadline(); ok && time.Until(dl) < 6*time.Minute {
		t.Fatalf("go test leaves %s for a run of about two minutes and its bounds; give it -timeout 10m or more", time.Until(dl).Round(time.Second))
	}
	start := time.Now()

	wasmDir := t.TempDir()
	built := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		built <- buildContracts(ctx, wasmDir)
	}()
	bin := buildEnigma(t)
	t.Logf("enigma built after %s", since(start))

	n := startNetwork(t, bin)
	n.obs = n.observe(t)
	n.waitEpochWithAll(t)
	t.Logf("first epoch with all %d workers after %s", workers, since(start))
	if err := <-built; err != nil {
		t.Fatalf("build the scenario contracts: %v", err)
	}

	// Both gateways at once: enigma-js through gateway 1, the Go client
	// through gateway 2.
	jsStart := time.Now()
	jsBound := enigmaJSBound
	if dl, ok := t.Deadline(); ok {
		// Leave go test the time for the rest of the run and the cleanup,
		// which its own timeout would skip.
		if left := time.Until(dl) - 3*time.Minute; left < jsBound {
			jsBound = left
		}
		if jsBound < time.Minute {
			t.Fatalf("go test leaves %s for the rest of the run; give it -timeout 10m or more", time.Until(dl).Round(time.Second))
		}
	}
	jsDone := make(chan error, 1)
	go func() { jsDone <- n.runEnigmaJS(nodeBin, wasmDir, 0, jsBound) }()
	gc := n.goClient(t)
	calculator := filepath.Join(wasmDir, "calculator.wasm")
	sc, _ := gc.deploy(t, 1, calculator)
	gc.add(t, 1, sc, 40, 2)
	if err := <-jsDone; err != nil {
		t.Fatal(err)
	}
	t.Logf("enigma-js 0.3.0 suite through gateway1 passed in %s: %s", since(jsStart),
		enigmaJSSummary(filepath.Join(n.procs.dir, "enigma-js.log")))

	// A worker's cable is pulled while the Go client sends it a task.
	target := n.obs.selectedWithTime(t, sc, 12)
	i := n.workerIndex(t, target)
	t.Logf("unplugging %s (%s), selected for %s, for %s", workerName(i), n.workers[i].ip, sc, unplugged)
	n.lan.unplug(n.workers[i])
	replug := time.AfterFunc(unplugged, func() { n.lan.plug(n.workers[i]) })
	task := gc.add(t, 1, sc, 1, 2)
	if replug.Stop() {
		// The task ended before the cable went back: it cannot have been
		// the unplugged worker's.
		n.lan.plug(n.workers[i])
	}
	n.logWorker(t, "while unplugged", task, target)

	// Gateway 2 stops; the client's next tasks go through gateway 1.
	if err := n.gatewayProcs[1].stop(15 * time.Second); err != nil {
		t.Errorf("gateway2 on SIGTERM: %v", err)
	}
	n.clientRefusedBy(t, gc, 1, sc)
	gc.add(t, 0, sc, 5, 6)

	// A worker host dies and comes back at another address, same data. No
	// one's configuration changes: the next task for it finds it through
	// the network. The target is chosen early in an epoch, so its restart
	// and the task fit in the epoch that selected it.
	target = n.obs.selectedWithTime(t, sc, epochBlocks-2)
	i = n.workerIndex(t, target)
	old := n.workers[i].ip
	n.workerProcs[i].kill()
	n.lan.readdress(n.workers[i])
	p, err := n.startWorker(i)
	if err != nil {
		t.Fatal(err)
	}
	n.workerProcs[i] = p
	t.Logf("%s killed and back at %s (was %s): %s", workerName(i), n.workers[i].ip, old, strings.Join(p.info.P2PAddrs, " "))
	for attempt := 1; ; attempt++ {
		task = gc.add(t, 0, sc, 7, attempt)
		if task.Worker == target {
			t.Logf("task %s found %s at its new address", task.ID, workerName(i))
			break
		}
		// The epoch changed before the task was recorded (a slow
		// machine): wait for one that selects the moved worker again.
		if attempt == 3 {
			t.Fatalf("%d tasks after the move ran on other workers than the moved %s", attempt, workerName(i))
		}
		t.Logf("task %s ran on %s: the epoch changed; waiting for one that selects %s", task.ID, n.workerNameOf(task.Worker), workerName(i))
		n.obs.waitSelects(t, sc, target, 12)
	}

	// No task is left open on chain.
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	open, total, err := n.obs.openTasks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range open {
		t.Errorf("task still open on chain: %s", o)
	}
	t.Logf("%d tasks recorded on chain, %d open", total, len(open))

	// The rest stops cleanly.
	var stopping []*proc
	stopping = append(stopping, n.gatewayProcs[0])
	stopping = append(stopping, n.workerProcs...)
	stopping = append(stopping, n.kmProc)
	n.parallel(len(stopping), func(i int) error { return stopping[i].stop(20 * time.Second) })
	t.Logf("whole run: %s", since(start))
}

// waitEpochWithAll waits until the key manager set an epoch holding every
// worker.
func (n *network) waitEpochWithAll(t *testing.T) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	for {
		e, err := n.obs.sdk.Epoch(ctx)
		if err == nil && e.Number > 0 && len(e.Workers) == workers {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("no epoch with all %d workers within 60s (last: %+v, %v)", workers, e, err)
		case <-time.After(250 * time.Millisecond):
		}
	}
}

// workerIndex finds the worker host whose enclave signs as signer.
func (n *network) workerIndex(t *testing.T, signer common.Address) int {
	t.Helper()
	for i, p := range n.workerProcs {
		if p.info.Signer != nil && common.Address(*p.info.Signer) == signer {
			return i
		}
	}
	t.Fatalf("no worker of this network signs as %s", signer)
	return -1
}

// workerNameOf names the worker whose enclave signs as signer.
func (n *network) workerNameOf(signer common.Address) string {
	for i, p := range n.workerProcs {
		if p.info.Signer != nil && common.Address(*p.info.Signer) == signer {
			return workerName(i)
		}
	}
	return signer.Hex()
}

func (n *network) logWorker(t *testing.T, when string, task cliTask, want common.Address) {
	if task.Worker == want {
		t.Logf("task %s %s ran on %s, as selected", task.ID, when, n.workerNameOf(want))
	} else {
		t.Logf("task %s %s ran on %s: the epoch changed and selected another worker than %s", task.ID, when, n.workerNameOf(task.Worker), n.workerNameOf(want))
	}
}

// clientRefusedBy checks that a client pointed at the stopped gateway gw is
// refused before it records a task (and pays its fee).
func (n *network) clientRefusedBy(t *testing.T, gc *goClient, gw int, sc api.Hash) {
	t.Helper()
	start := time.Now()
	out, err := gc.run(t, gw, "call", sc.Hex(), "add(uint256,uint256)", "1", "1")
	if err == nil {
		t.Fatalf("a task through the stopped gateway%d succeeded:\n%s", gw+1, out)
	}
	if m := sentLine.FindStringSubmatch(out); m != nil {
		t.Errorf("the client recorded task %s (and paid its fee) before finding gateway%d down", m[2], gw+1)
	}
	t.Logf("the stopped gateway%d refused the client in %s", gw+1, since(start))
}
