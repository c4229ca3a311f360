package attack_test

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/devnet"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/sdk/client"
)

// Attack: whoever can slow the worker's view of the chain (a lagging or
// overloaded Ethereum node, a cut connection, a proxy that drops answers)
// makes a worker's receipt wait time out while the receipt is still in the
// pool and is mined later. The worker used to roll its store back at the
// timeout: the chain then held a delta no worker had, the contract could
// never run again, and the gateway reported the verified task as FAILED.
// Now the worker keeps the delta and checks the task record until the
// chain decides; the contract's next task, accepted meanwhile, waits and
// runs on that delta. The blocks are held back here until the worker has
// given up waiting, so its wait times out every time.
func TestAttackReceiptWaitTimeoutLosesNoState(t *testing.T) {
	t.Parallel()
	logs := &outcomeLogs{}
	n := outcomeStart(t, func(c *devnet.Config) {
		c.WorkerReceiptTimeout = 300 * time.Millisecond
		c.Logger = slog.New(logs)
	})
	c := n.client(0)
	sc := n.deploy(c, "v0")
	host, epoch := n.selectedHost(sc)
	store, storeKey := n.handTask(host, epoch, n.user(1), sc, "store(bytes)", []byte("kept"))
	get, getKey := n.handTask(host, epoch, n.user(1), sc, "get()", nil)
	gw := newGatewayFrom(n, "127.0.0.1")

	dev := n.d.DevChain()
	dev.Pause()
	defer dev.Resume()
	if err := outcomeSubmit(n, gw, host, store); err != nil {
		t.Fatal(err)
	}
	outcomeUntil(t, n, "the worker's receipt wait to end", func() bool {
		return logs.saw(outcomeUnknown, store.TaskID) || logs.saw(outcomeAbandoned, store.TaskID)
	})
	if logs.saw(outcomeAbandoned, store.TaskID) {
		t.Fatal("the worker gave the task up when its receipt wait timed out")
	}
	if st := outcomeGatewayStatus(t, n, gw, store.TaskID); st == api.StatusFailed {
		t.Fatal("the gateway reports FAILED for a task whose receipt is in the pool")
	}
	// The contract's next task, while the first one's outcome is unknown.
	if err := outcomeSubmit(n, gw, host, get); err != nil {
		t.Fatal(err)
	}
	dev.Resume()

	for _, tk := range []struct {
		req  *enclave.ExecuteRequest
		key  [32]byte
		want string
	}{{store, storeKey, "kept"}, {get, getKey, "kept"}} {
		outcomeUntil(t, n, "the tasks to end on chain", func() bool { return n.status(tk.req.TaskID).Final() })
		if s := n.status(tk.req.TaskID); s != api.ChainReceiptVerified {
			t.Fatalf("task %s ended with status %s", tk.req.TaskID, s)
		}
		res := outcomeGatewayResult(t, n, gw, tk.req.TaskID)
		if res["status"] != string(api.StatusSuccess) {
			t.Fatalf("the gateway reports %v for a task verified on chain", res["status"])
		}
		enc, _ := hex.DecodeString(strings.TrimPrefix(fmt.Sprint(res["output"]), "0x"))
		if out, err := compat.Decrypt(tk.key, enc); err != nil || string(out) != tk.want {
			t.Fatalf("task %s output %q (%v), want %q", tk.req.TaskID, out, err, tk.want)
		}
	}
	if count, err := n.e.CountStateDeltas(n.ctx, sc); err != nil || count != 2 {
		t.Fatalf("the chain holds %d deltas (%v), want 2", count, err)
	}
	// And the contract goes on for its users.
	task, err := c.Compute(n.ctx, sc, "get()", client.RawArgs(nil))
	if s := n.run(task, err); s != api.ChainReceiptVerified {
		t.Fatalf("the contract's next task ended with status %s", s)
	}
	if out, err := task.Output(n.ctx); err != nil || string(out) != "kept" {
		t.Fatalf("the contract's next task read %q (%v)", out, err)
	}
}

// Attack: a user whose task the selected worker could not finish (its
// host failed while running it) submits the same inputs again and again:
// each resubmission ran the whole task once more, burning the worker's
// time up to the task timeout each time. The worker now remembers the
// tasks it could not finish and refuses them at once, saying why; the
// task stays open on chain and its fee is refundable after the timeout.
func TestAttackResubmitFailedTaskBurnsNothing(t *testing.T) {
	t.Parallel()
	logs := &outcomeLogs{}
	n := outcomeStart(t, func(c *devnet.Config) { c.Logger = slog.New(logs) })
	sc := n.deploy(n.client(0), "v0")
	host, epoch := n.selectedHost(sc)
	req, _ := n.handTask(host, epoch, n.user(1), sc, "store(bytes)", []byte("x"))
	// The host's store refuses the task's result (it already holds one
	// under the task's id, as a damaged disk might answer): the worker
	// runs the task but cannot finish it.
	blocker := &state.TaskCommit{Result: state.TaskResult{TaskID: req.TaskID, Contract: sc, Kind: state.KindCompute, Status: api.StatusFailed}}
	if err := host.Store.CommitTask(n.ctx, blocker); err != nil {
		t.Fatal(err)
	}
	gw := newGatewayFrom(n, "127.0.0.1")
	if err := outcomeSubmit(n, gw, host, req); err != nil {
		t.Fatal(err)
	}
	outcomeUntil(t, n, "the worker to give the task up", func() bool { return logs.saw(outcomeAbandoned, req.TaskID) })
	for range 3 {
		err := outcomeSubmit(n, gw, host, req)
		var re *outcomeRPCError
		if !errors.As(err, &re) || re.code != api.CodeReplay || !strings.Contains(re.msg, "could not finish") {
			t.Fatalf("resubmission of a task the worker could not finish: %v; want it refused with code %d, saying why", err, api.CodeReplay)
		}
	}
	if runs := logs.count(outcomeAbandoned, req.TaskID); runs != 1 {
		t.Fatalf("the worker ran the task %d times", runs)
	}
	if s := n.status(req.TaskID); s != api.ChainRecordCreated {
		t.Fatalf("the task has status %s on chain, want it open (refundable after the timeout)", s)
	}
}

// Log messages the tests wait for.
const (
	outcomeUnknown   = "receipt outcome unknown; keeping the task's state and checking the chain"
	outcomeAbandoned = "task abandoned: it stays open on chain and its fee is refundable after the timeout"
)

// outcomeStart brings a devnet up as start does, with cfg adjusted.
func outcomeStart(t *testing.T, configure func(*devnet.Config)) *network {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	t.Cleanup(cancel)
	cfg := devnet.TestConfig()
	cfg.DataDir, cfg.EpochSize = t.TempDir(), 1000
	configure(&cfg)
	d, err := devnet.Start(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return &network{t: t, ctx: ctx, d: d, e: d.Enigma(), dir: cfg.DataDir}
}

// outcomeSubmit sends a compute task's inputs through the gateway to the
// worker of host, as a compat client does.
func outcomeSubmit(n *network, gw *gatewayFrom, host *devnet.WorkerHost, req *enclave.ExecuteRequest) error {
	w := host.Enclave.Address()
	replies, err := gw.call(n.ctx, "sendTaskInput", map[string]any{
		"taskId": hex.EncodeToString(req.TaskID[:]), "workerAddress": hex.EncodeToString(w[:]),
		"contractAddress": hex.EncodeToString(req.Contract[:]), "userDHKey": hex.EncodeToString(req.UserPubKey[:]),
		"encryptedFn": hex.EncodeToString(req.EncryptedFn), "encryptedArgs": hex.EncodeToString(req.EncryptedArgs),
	})
	if err != nil {
		return err
	}
	return outcomeReplyError(replies[0])
}

// outcomeRPCError is a gateway's JSON-RPC error with its api code.
type outcomeRPCError struct {
	code api.Code
	msg  string
}

func (e *outcomeRPCError) Error() string { return fmt.Sprintf("gateway error %d: %s", e.code, e.msg) }

func outcomeReplyError(reply map[string]any) error {
	e, ok := reply["error"].(map[string]any)
	if !ok {
		return nil
	}
	re := &outcomeRPCError{msg: fmt.Sprint(e["message"])}
	if data, ok := e["data"].(map[string]any); ok {
		if code, ok := data["code"].(float64); ok {
			re.code = api.Code(code)
		}
	}
	return re
}

// outcomeGatewayStatus is what the gateway's getTaskStatus reports.
func outcomeGatewayStatus(t *testing.T, n *network, gw *gatewayFrom, id api.TaskID) api.TaskStatus {
	t.Helper()
	replies, err := gw.call(n.ctx, "getTaskStatus", map[string]any{"taskId": hex.EncodeToString(id[:]), "withResult": false})
	if err == nil {
		err = outcomeReplyError(replies[0])
	}
	if err != nil {
		t.Fatal(err)
	}
	return api.TaskStatus(fmt.Sprint(outcomeResult(replies[0])["status"]))
}

// outcomeResult is a gateway reply's result, which the gateway nests as
// enigma-js expects ({"result": {"result": ...}}).
func outcomeResult(reply map[string]any) map[string]any {
	outer, _ := reply["result"].(map[string]any)
	inner, _ := outer["result"].(map[string]any)
	return inner
}

// outcomeGatewayResult polls the gateway's getTaskResult until it reports
// a final status.
func outcomeGatewayResult(t *testing.T, n *network, gw *gatewayFrom, id api.TaskID) map[string]any {
	t.Helper()
	var res map[string]any
	outcomeUntil(t, n, "the gateway to report the task's result", func() bool {
		replies, err := gw.call(n.ctx, "getTaskResult", map[string]any{"taskId": hex.EncodeToString(id[:])})
		if err != nil || outcomeReplyError(replies[0]) != nil {
			return false
		}
		res = outcomeResult(replies[0])
		return res != nil && api.TaskStatus(fmt.Sprint(res["status"])).Final()
	})
	return res
}

// outcomeUntil polls cond until it holds; the test fails after 90 s.
func outcomeUntil(t *testing.T, n *network, what string, cond func() bool) {
	t.Helper()
	ctx, cancel := context.WithTimeout(n.ctx, 90*time.Second)
	defer cancel()
	for !cond() {
		select {
		case <-ctx.Done():
			t.Fatalf("gave up waiting for %s", what)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// outcomeLogs is a slog handler that counts the devnet's messages per task.
type outcomeLogs struct {
	mu   sync.Mutex
	seen map[string]int // message + "\x00" + task
}

func (h *outcomeLogs) Enabled(_ context.Context, l slog.Level) bool { return l >= slog.LevelInfo }

func (h *outcomeLogs) Handle(_ context.Context, r slog.Record) error {
	task := ""
	r.Attrs(func(a slog.Attr) bool {
		if a.Key == "task" {
			task = a.Value.String()
			return false
		}
		return true
	})
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.seen == nil {
		h.seen = map[string]int{}
	}
	h.seen[r.Message+"\x00"+task]++
	return nil
}

func (h *outcomeLogs) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h *outcomeLogs) WithGroup(string) slog.Handler      { return h }

func (h *outcomeLogs) count(msg string, id api.TaskID) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.seen[msg+"\x00"+id.String()]
}

func (h *outcomeLogs) saw(msg string, id api.TaskID) bool { return h.count(msg, id) > 0 }
