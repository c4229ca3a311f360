package client_test

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/devnet"
	"github.com/enigma-go/enigma/internal/enclave/testcontract"
	"github.com/enigma-go/enigma/sdk/client"
	"github.com/enigma-go/enigma/sdk/contract"
)

// keyClient is a client of the test devnet that holds dev account i's
// private key, as batched tasks need (their sender signs them).
func keyClient(t testing.TB, d *devnet.Devnet, i int, gateway string) *client.Client {
	t.Helper()
	cfg := client.TestConfig()
	a := d.Addresses()
	cfg.ChainRPC, cfg.Gateway, cfg.Enigma, cfg.Token = d.ChainURL(), d.GatewayURL(), a.Contract.Hex(), a.Token.Hex()
	if gateway != "" {
		cfg.Gateway = gateway
	}
	cfg.Account = hex.EncodeToString(crypto.FromECDSA(d.DevChain().Accounts()[i].Key))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := client.New(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

// deployMillionaires deploys n millionaire contracts from dev account 4
// (per-task path: deploys have task records).
func deployMillionaires(t *testing.T, ctx context.Context, d *devnet.Devnet, n int) []api.ContractAddress {
	t.Helper()
	code := example(t, "millionaire")
	c := newClient(t, d, 4, client.EnvelopeV2, "")
	var out []api.ContractAddress
	for range n {
		dep, err := c.Deploy(ctx, code, "construct()")
		run(t, ctx, dep, err)
		if _, err := dep.Output(ctx); err != nil {
			t.Fatalf("deploy: %v", err)
		}
		out = append(out, dep.Contract)
	}
	return out
}

// batchedTask is one task of TestBatchedTasks and what it must return.
type batchedTask struct {
	task    *client.Task
	user    int
	richest common.Address // compute_richest: the address it must return
	add     bool
}

// TestBatchedTasks: two users send interleaved tasks to two contracts on
// the batched path, each task on the state the previous one left. Every
// result is proved against its batch's root on chain and decrypted; each
// user paid what its tasks' leaves say, from one deposit; the balance
// then goes back through a withdrawal. The test devnet's epochs last 2 s,
// so a round may straddle an epoch change that moves a contract: its
// unrun tasks then fail uncharged and the round runs again.
func TestBatchedTasks(t *testing.T) {
	d := testNet(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	contracts := deployMillionaires(t, ctx, d, 2)
	users := []*client.Client{keyClient(t, d, 2, ""), keyClient(t, d, 3, "")}
	before := make([]*client.Balance, len(users))
	for i, u := range users {
		b, err := u.Balance(ctx)
		if err != nil {
			t.Fatal(err)
		}
		before[i] = b
	}

	// Rounds of interleaved tasks (batchedRound), each started as an
	// epoch starts. An epoch change that moves a contract to the other
	// worker mid-round fails the tasks its old worker had not run yet,
	// uncharged, and breaks that round's chain: the round runs again, at
	// most five times in all.
	fees := []*big.Int{new(big.Int), new(big.Int)}
	var (
		sent  []batchedTask
		round int
	)
	for round = 1; ; round++ {
		var moved bool
		if sent, moved = batchedRound(t, ctx, d, users, contracts, round, fees); !moved {
			break
		}
		if round == 5 {
			t.Fatalf("an epoch change moved a contract in each of %d rounds", round)
		}
	}

	// Each user deposited once, DepositTasks × the maximum fee (unless an
	// earlier run of the test left a deposit), and was charged the fees of
	// its tasks' leaves.
	for i, u := range users {
		b, err := u.Balance(ctx)
		if err != nil {
			t.Fatal(err)
		}
		cfg := u.Config()
		deposit := new(big.Int).SetUint64(cfg.DepositTasks * cfg.ComputeGasLimit * cfg.GasPx)
		if before[i].Locked && before[i].Deposited.Sign() > 0 {
			deposit.SetUint64(0)
		}
		moved := new(big.Int).Sub(before[i].Tokens, b.Tokens)
		charged := new(big.Int).Sub(new(big.Int).Add(before[i].Deposited, moved), b.Deposited)
		if moved.Cmp(deposit) != 0 || charged.Cmp(fees[i]) != 0 || !b.Locked || b.Batchable.Cmp(b.Deposited) != 0 {
			t.Fatalf("user %d: deposited %v (want %v), charged %v (its tasks' fees: %v); balance %+v", i, moved, deposit, charged, fees[i], b)
		}
	}

	// A task opened by id is found among the batched tasks: its status,
	// and its result proved against the chain (its output stays sealed).
	last := sent[len(sent)-1].task
	opened := users[0].Task(last.ID)
	st, err := opened.Status(ctx)
	if err != nil || st.Batch != client.BatchCommitted {
		t.Fatalf("opened by id: %s, %v", st, err)
	}
	if r, err := opened.Result(ctx); err != nil || !r.Batched || r.Output != nil || len(r.EncryptedOutput) == 0 {
		t.Fatalf("opened by id: %+v, %v", r, err)
	}

	// Withdrawal: once requested, the balance pays no new batched task;
	// it comes out after the task timeout; the next task deposits again.
	u := users[1]
	unlock, err := u.RequestWithdrawal(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := u.Compute(ctx, contracts[0], "compute_richest()"); api.CodeOf(err) != api.CodeInvalidInput || !strings.Contains(err.Error(), "withdrawal") {
		t.Fatalf("a task while the withdrawal is requested: %v", err)
	}
	if b, _ := u.Balance(ctx); !b.Withdrawable() {
		if _, err := u.Withdraw(ctx, nil); api.CodeOf(err) != api.CodeInvalidInput || !strings.Contains(err.Error(), fmt.Sprintf("from block %d", unlock)) {
			t.Fatalf("an early withdrawal: %v", err)
		}
	}
	for {
		b, err := u.Balance(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if b.Withdrawable() {
			break
		}
		select {
		case <-ctx.Done():
			t.Fatalf("the balance did not unlock: %+v", b)
		case <-time.After(200 * time.Millisecond):
		}
	}
	pre, _ := u.Balance(ctx)
	out, err := u.Withdraw(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	post, _ := u.Balance(ctx)
	if out.Cmp(pre.Deposited) != 0 || post.Deposited.Sign() != 0 || new(big.Int).Sub(post.Tokens, pre.Tokens).Cmp(out) != 0 {
		t.Fatalf("withdrew %v: before %+v, after %+v", out, pre, post)
	}
	task, err := u.WithGasLimit(uint64(round+1)*u.Config().ComputeGasLimit).Compute(ctx, contracts[0], "compute_richest()")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := task.Output(ctx); err != nil {
		t.Fatal(err)
	}
	if b, _ := u.Balance(ctx); !b.Locked || b.Deposited.Sign() == 0 {
		t.Fatalf("no new deposit: %+v", b)
	}
}

// batchedRound sends one round of TestBatchedTasks and checks it. Per
// contract, one goroutine sends in order add_millionaire(k) with a worth
// above every earlier one, then compute_richest, which must see it; the
// two users alternate. Compute returns once the worker stored the task, so
// within an epoch the order sent is the order run. Every committed task's
// result is proved and decrypted and its fee added to fees[user]. moved
// reports that an epoch change during the round moved a contract to
// another worker before some of its tasks ran: they failed uncharged with
// CodeWrongEpoch (or CodeConflict, for a batch the change voided), and the
// contract's later results are not checked for the chain.
func batchedRound(t *testing.T, ctx context.Context, d *devnet.Devnet, users []*client.Client, contracts []api.ContractAddress, round int, fees []*big.Int) (sent []batchedTask, moved bool) {
	t.Helper()
	const steps = 6
	epoch := nextEpoch(t, ctx, users[0])
	// The contract's list grows by six a round, and with it the gas of
	// both functions: each round's tasks get room for it.
	users = []*client.Client{users[0].WithGasLimit(uint64(round) * users[0].Config().ComputeGasLimit), users[1].WithGasLimit(uint64(round) * users[1].Config().ComputeGasLimit)}
	var (
		mu   sync.Mutex
		errs []error
		wg   sync.WaitGroup
	)
	for ci, sc := range contracts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 1; k <= steps; k++ {
				who := common.BigToAddress(big.NewInt(int64(1000*(ci+1) + 100*round + k)))
				worth := big.NewInt(int64((round-1)*steps + k))
				ua, ub := (k+ci)%2, (k+ci+1)%2
				add, err := users[ua].Compute(ctx, sc, "add_millionaire(address,uint256)", contract.Address(who), worth)
				if err != nil {
					mu.Lock()
					errs = append(errs, fmt.Errorf("round %d contract %d step %d add: %w", round, ci, k, err))
					mu.Unlock()
					return
				}
				rich, err := users[ub].Compute(ctx, sc, "compute_richest()")
				mu.Lock()
				sent = append(sent, batchedTask{task: add, user: ua, add: true})
				if err != nil {
					errs = append(errs, fmt.Errorf("round %d contract %d step %d richest: %w", round, ci, k, err))
					mu.Unlock()
					return
				}
				sent = append(sent, batchedTask{task: rich, user: ub, richest: who})
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	skipWithoutBatched(t, errs)
	for _, err := range errs {
		t.Error(err)
	}
	if t.Failed() {
		t.FailNow()
	}

	batches := map[api.ContractAddress]map[uint64]int{}
	broken := map[api.ContractAddress]bool{}
	for i, s := range sent {
		if !s.task.Batched || s.task.Block != 0 || s.task.GasPx != users[s.user].Config().GasPx {
			t.Fatalf("task %d was not sent batched: %+v", i, s.task)
		}
		var progress []client.Status
		st, err := s.task.Wait(ctx, func(st client.Status) { progress = append(progress, st) })
		if err != nil {
			t.Fatalf("wait for task %d: %v", i, err)
		}
		if st.Batch == client.BatchFailed && (st.Code == api.CodeWrongEpoch || st.Code == api.CodeConflict) {
			t.Logf("round %d, task %d: %s", round, i, st)
			broken[s.task.Contract] = true
			if _, err := s.task.Result(ctx); api.CodeOf(err) != st.Code {
				t.Fatalf("task %d failed with code %d, its result says %v", i, st.Code, err)
			}
			continue
		}
		if st.Batch != client.BatchCommitted || len(progress) == 0 || progress[len(progress)-1].Batch != client.BatchCommitted {
			t.Fatalf("task %d ended %s (progress %v)", i, st, progress)
		}
		r, err := s.task.Result(ctx)
		if err != nil {
			t.Fatalf("task %d: %v", i, err)
		}
		if !r.Batched || r.Status != api.ChainReceiptVerified || r.ProvedAt < r.BatchBlock || r.BatchBlock == 0 ||
			r.Fee.Cmp(new(big.Int).Mul(big.NewInt(int64(r.UsedGas)), big.NewInt(int64(s.task.GasPx)))) != 0 || r.UsedGas == 0 || r.UsedGas > s.task.GasLimit {
			t.Fatalf("task %d result %+v", i, r)
		}
		if st.BatchIndex != r.BatchIndex || st.BatchBlock != r.BatchBlock {
			t.Fatalf("task %d: status says batch %d at block %d, the result %d at %d", i, st.BatchIndex, st.BatchBlock, r.BatchIndex, r.BatchBlock)
		}
		fees[s.user].Add(fees[s.user], r.Fee)
		if batches[s.task.Contract] == nil {
			batches[s.task.Contract] = map[uint64]int{}
		}
		batches[s.task.Contract][r.BatchIndex]++
		if s.add {
			if len(r.Output) != 0 {
				t.Fatalf("add_millionaire returned %x", r.Output)
			}
			continue
		}
		var got contract.Bytes32
		if err := contract.DecodeArgs("(bytes32)", r.Output, &got); err != nil {
			t.Fatal(err)
		}
		if common.BytesToAddress(got[12:]) != s.richest && !broken[s.task.Contract] {
			t.Fatalf("task %d: compute_richest = %x, want %s: the state did not chain", i, got, s.richest)
		}
	}
	if len(broken) > 0 {
		now, err := users[0].Epoch(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if now.FirstBlock == epoch.FirstBlock {
			t.Fatalf("round %d: tasks failed as if an epoch change moved their contract, but the epoch did not change (block %d)", round, epoch.FirstBlock)
		}
	}
	e := enigmaOf(t, ctx, d)
	for sc, idx := range batches {
		n, err := e.CountBatches(ctx, sc)
		if err != nil {
			t.Fatal(err)
		}
		for i := range idx {
			if i >= n {
				t.Fatalf("contract %s: a task is in batch %d, the chain has %d batches", sc, i, n)
			}
		}
		t.Logf("round %d, contract %s: %d tasks in %d batches (%d on chain)", round, sc, 2*steps, len(idx), n)
	}
	return sent, len(broken) > 0
}

// nextEpoch waits for the next epoch to start and returns it.
func nextEpoch(t *testing.T, ctx context.Context, c *client.Client) *client.EpochInfo {
	t.Helper()
	first, err := c.Epoch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(time.Minute)
	for {
		e, err := c.Epoch(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if e.FirstBlock != first.FirstBlock {
			return e
		}
		if time.Now().After(deadline) {
			t.Fatalf("no new epoch for a minute after the one at block %d (head %d)", first.FirstBlock, e.Head)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// skipWithoutBatched skips when the devnet does not run batched tasks.
func skipWithoutBatched(t *testing.T, errs []error) {
	t.Helper()
	for _, err := range errs {
		if err == nil {
			continue
		}
		if errors.Is(err, client.ErrNotSupported) || strings.Contains(err.Error(), "batched tasks are not served") {
			t.Skipf("the devnet does not run batched tasks: %v", err)
		}
	}
}

// refuseOnce answers the first call of method itself with a JSON-RPC
// error carrying code, and passes every other call to next.
type refuseOnce struct {
	next    http.Handler
	method  string
	code    api.Code
	mu      sync.Mutex
	refused []map[string]any // the params refused
}

func (h *refuseOnce) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	var req struct {
		Method string         `json:"method"`
		Params map[string]any `json:"params"`
	}
	json.Unmarshal(body, &req)
	h.mu.Lock()
	first := req.Method == h.method && len(h.refused) == 0
	if first {
		h.refused = append(h.refused, req.Params)
	}
	h.mu.Unlock()
	if first {
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"jsonrpc": "2.0", "id": 1, "error": map[string]any{
			"code": -32000, "message": "the request is sealed for the epoch of block 1, the current one starts later: seal it again", "data": map[string]any{"code": h.code}}})
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	h.next.ServeHTTP(w, r)
}

// TestBatchedLyingGateway: a gateway that alters what it reports of a
// committed batched task is caught before anything is decrypted; a task
// refused for its epoch is sealed again under a new nonce.
func TestBatchedLyingGateway(t *testing.T) {
	d := testNet(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	sc := deployedCalculator(t, ctx, d)
	p, _ := newProxy(t, d.GatewayURL())
	refuse := &refuseOnce{next: p, method: "v2_sendBatchedTask", code: api.CodeWrongEpoch}
	ts := httptest.NewServer(refuse)
	defer ts.Close()
	c := keyClient(t, d, 2, ts.URL)
	task, err := c.Compute(ctx, sc, "add(uint256,uint256)", big.NewInt(40), big.NewInt(2))
	skipWithoutBatched(t, []error{err})
	if err != nil {
		t.Fatal(err)
	}
	if len(refuse.refused) != 1 || refuse.refused[0]["taskId"] == hex.EncodeToString(task.ID[:]) || p.count("v2_sendBatchedTask") != 1 {
		t.Fatalf("after a refusal for the epoch: refused %v, sent %d, task %s", refuse.refused, p.count("v2_sendBatchedTask"), task.ID)
	}
	out, err := task.Output(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := uint256(t, out); got.Int64() != 42 {
		t.Fatalf("add = %v", got)
	}

	lies := map[string]func(r map[string]any){
		"output": func(r map[string]any) { r["output"] = flipHex(r["output"].(string)) },
		"output and hash": func(r map[string]any) {
			r["output"] = flipHex(r["output"].(string))
			r["outputHash"] = flipHex(r["outputHash"].(string))
		},
		"proof":       func(r map[string]any) { r["proof"] = append([]any{strings.Repeat("00", 32)}, r["proof"].([]any)...) },
		"batch index": func(r map[string]any) { r["batchIndex"] = r["batchIndex"].(float64) + 1 },
		"fee":         func(r map[string]any) { r["fee"] = "1" },
		"gas used":    func(r map[string]any) { r["gasUsed"] = r["gasUsed"].(float64) + 1 },
		"root":        func(r map[string]any) { r["root"] = flipHex(r["root"].(string)) },
		"delta hash":  func(r map[string]any) { r["deltaHash"] = flipHex(r["deltaHash"].(string)) },
		"inputs hash": func(r map[string]any) { r["inputsHash"] = flipHex(r["inputsHash"].(string)) },
		"task id":     func(r map[string]any) { r["taskId"] = flipHex(r["taskId"].(string)) },
		// The leaf holds the task's status: an encrypted error cannot be
		// passed off as an output, nor an output as an error.
		"task failed": func(r map[string]any) { r["taskFailed"] = !r["taskFailed"].(bool) },
	}
	for name, lie := range lies {
		p.set("v2_getBatchedTask", func(reply map[string]any) map[string]any {
			if in := inner(reply); in != nil && in["status"] == "committed" {
				lie(in)
			}
			return reply
		})
		if _, err := task.Output(ctx); api.CodeOf(err) != api.CodeTampered {
			t.Errorf("%s: got %v, want a tampered report", name, err)
		}
	}
	p.set("v2_getBatchedTask", nil)
	if _, err := task.Output(ctx); err != nil {
		t.Fatalf("the honest report: %v", err)
	}
}

// TestBatchedAcrossADownWorker: while the selected worker is down, the
// client sends the same batched task again (one task, not one per try)
// and reads its status again, and the task ends as if nothing happened.
func TestBatchedAcrossADownWorker(t *testing.T) {
	d := testNet(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	deployer := newClient(t, d, 4, client.EnvelopeCompat, "")
	dep, err := deployer.Deploy(ctx, testcontract.Contract(), "construct(uint256)", big.NewInt(1))
	if err != nil {
		t.Fatal(err)
	}
	if st, err := dep.Wait(ctx, nil); err != nil || st.Chain != api.ChainReceiptVerified {
		t.Fatalf("deploy: %v, %v", st, err)
	}
	down := map[string]int{"v2_getEpochKey": 2, "v2_sendBatchedTask": 3, "v2_getBatchedTask": 3}
	p := &downProxy{target: d.GatewayURL(), left: map[string]int{}, calls: map[string]int{}}
	for m, n := range down {
		p.left[m] = n
	}
	rec := &recordSends{next: p}
	ts := httptest.NewServer(rec)
	defer ts.Close()
	c := keyClient(t, d, 2, ts.URL)
	task, err := c.Compute(ctx, dep.Contract, "store(uint256)", big.NewInt(9))
	skipWithoutBatched(t, []error{err})
	if err != nil {
		t.Fatal(err)
	}
	out, err := task.Output(ctx)
	if err != nil || new(big.Int).SetBytes(out).Int64() != 9 {
		t.Fatalf("output %x, %v", out, err)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for m, n := range down {
		if p.left[m] != 0 || p.calls[m] <= n {
			t.Errorf("%s: %d calls, %d refusals left; want every refusal followed by a call that went through", m, p.calls[m], p.left[m])
		}
	}
	// Each send after a refusal for the worker being down is the same
	// task; only a refusal of the worker's own (its epoch moved on: the
	// test devnet's epochs last 2 s) makes a new one, the last sent.
	ids := rec.ids()
	for i := 1; i <= down["v2_sendBatchedTask"]; i++ {
		if ids[i] != ids[0] {
			t.Fatalf("send %d after the worker was down is task %s, the first was %s: a new task", i, ids[i], ids[0])
		}
	}
	if ids[len(ids)-1] != hex.EncodeToString(task.ID[:]) {
		t.Fatalf("sent %v, the task is %s", ids, task.ID)
	}
	t.Logf("sent %d times: %v", len(ids), ids)
}

// recordSends records the task id of every v2_sendBatchedTask that
// passes, in order.
type recordSends struct {
	next http.Handler
	mu   sync.Mutex
	sent []string
}

func (h *recordSends) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	var req struct {
		Method string `json:"method"`
		Params struct {
			TaskID string `json:"taskId"`
		} `json:"params"`
	}
	json.Unmarshal(body, &req)
	if req.Method == "v2_sendBatchedTask" {
		h.mu.Lock()
		h.sent = append(h.sent, req.Params.TaskID)
		h.mu.Unlock()
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	h.next.ServeHTTP(w, r)
}

func (h *recordSends) ids() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string(nil), h.sent...)
}
