package worker_test

import (
	"context"
	"crypto/rand"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/batch"
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/chain/devchain"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/crypto/envelope"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/vm"
	"github.com/enigma-go/enigma/internal/worker"
	"github.com/enigma-go/enigma/internal/workerapi"
)

// bUser is a user of the batched path: a dev account whose key signs its
// tasks, with a balance deposited in the Enigma contract.
type bUser struct {
	acc   devchain.DevAccount
	nonce uint64
}

// batchedUser funds dev account i past the network's own with amount ENG
// grains locked for batched tasks.
func (n *network) batchedUser(ctx context.Context, i int, amount int64) *bUser {
	n.t.Helper()
	acc := n.chain.Accounts[len(n.workers)+2+i]
	from := chain.NodeAccount(acc.Address)
	if _, err := n.enigma.ApproveEnigma(ctx, from, big.NewInt(amount)); err != nil {
		n.t.Fatal(err)
	}
	if _, err := n.enigma.DepositUserBalance(ctx, from, big.NewInt(amount)); err != nil {
		n.t.Fatal(err)
	}
	return &bUser{acc: acc}
}

func (n *network) balanceOf(ctx context.Context, u *bUser) *big.Int {
	n.t.Helper()
	b, err := n.enigma.UserBalance(ctx, u.acc.Address)
	if err != nil {
		n.t.Fatal(err)
	}
	return b.Balance
}

// bTask is one batched task as a client builds it.
type bTask struct {
	req  *workerapi.BatchedRequest
	rk   envelope.ResponseKey
	ectx envelope.Context
}

// submitStores sends count batched store(prefix‖k) tasks of u on contract
// c, one after another, and returns them in order.
func (n *network) submitStores(ctx context.Context, t testing.TB, u *bUser, c api.ContractAddress, prefix string, count int, gasLimit, gasPx uint64) []*bTask {
	t.Helper()
	var out []*bTask
	for k := range count {
		bt := n.newBatched(ctx, u, c, "store", fmt.Appendf(nil, "%s%d", prefix, k), gasLimit, gasPx)
		if err := n.submitBatched(ctx, bt); err != nil {
			t.Fatal(err)
		}
		out = append(out, bt)
	}
	return out
}

// newBatched seals a call of contract to the selected worker's epoch key
// and signs it as u.
func (n *network) newBatched(ctx context.Context, u *bUser, contract api.ContractAddress, fn string, args []byte, gasLimit, gasPx uint64) *bTask {
	t := n.t
	t.Helper()
	sel := n.selected(ctx, contract)
	ek, err := n.worker(sel).EpochKey(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := n.enigma.SecretContract(ctx, contract)
	if err != nil {
		t.Fatal(err)
	}
	u.nonce++
	chainID := n.enigma.Client().ChainID().Uint64()
	enigma := n.enigma.Addresses().Enigma
	c := envelope.Context{ChainID: chainID, EnigmaContract: enigma, SecretContract: contract, CodeHash: sc.CodeHash,
		Epoch: ek.Epoch, Sender: u.acc.Address, TaskNonce: u.nonce}
	msg, rk, err := envelope.SealRequest(ek.PublicKey, c, envelope.EncodeCall(fn, args), envelope.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sender := api.EthAddress(u.acc.Address)
	sig, err := compat.Sign(u.acc.Key, enclave.BatchedTaskHash(chainID, api.EthAddress(enigma), contract, enclave.BatchedTaskID(sender, u.nonce), ek.Epoch, envelope.InputsHash(msg), gasLimit, gasPx))
	if err != nil {
		t.Fatal(err)
	}
	return &bTask{rk: rk, ectx: c, req: &workerapi.BatchedRequest{TaskID: enclave.BatchedTaskID(sender, u.nonce), Worker: sel,
		ContractAddress: contract, Request: msg, Sender: sender, TaskNonce: u.nonce, GasLimit: gasLimit, GasPx: gasPx, Signature: sig}}
}

func (n *network) worker(signer api.EthAddress) *worker.Worker {
	w, _ := n.workerOf(signer)
	return w
}

func (n *network) indexOf(signer api.EthAddress) int {
	_, i := n.workerOf(signer)
	return i
}

func (n *network) submitBatched(ctx context.Context, bt *bTask) error {
	return n.worker(bt.req.Worker).SubmitBatched(ctx, bt.req)
}

// waitBatched polls the task's worker until the task reaches one of want
// (or, when want is empty, a final status).
func (n *network) waitBatched(ctx context.Context, bt *bTask, want ...workerapi.BatchedStatus) *workerapi.BatchedTask {
	n.t.Helper()
	for {
		r, err := n.worker(bt.req.Worker).BatchedTask(ctx, bt.req.TaskID)
		if err != nil {
			n.t.Fatal(err)
		}
		if r != nil && (len(want) == 0 && r.Status.Final() || len(want) > 0 && (r.Status == want[0] || len(want) > 1 && r.Status == want[1])) {
			return r
		}
		select {
		case <-ctx.Done():
			n.t.Fatalf("batched task %s did not reach %v: %+v", bt.req.TaskID, want, r)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// verifyBatched checks a committed task as a client does (its leaf, fee
// and proof against the chain's root of its batch) and opens its output.
func (n *network) verifyBatched(ctx context.Context, bt *bTask, r *workerapi.BatchedTask) []byte {
	t := n.t
	t.Helper()
	if r.Status != workerapi.BatchedCommitted {
		t.Fatalf("batched task %s: %s %s", bt.req.TaskID, r.Status, r.Error)
	}
	root, err := n.enigma.BatchRoot(ctx, bt.req.ContractAddress, r.BatchIndex, nil)
	if err != nil {
		t.Fatal(err)
	}
	fee := new(big.Int).SetBytes(r.Fee[:])
	if api.Hash(root) != r.Root || fee.Cmp(new(big.Int).SetUint64(r.GasUsed*bt.req.GasPx)) != 0 || r.GasUsed > bt.req.GasLimit || r.GasUsed == 0 {
		t.Fatalf("batched task %s: root %s on chain, %s reported; fee %v for gas %d at %d", bt.req.TaskID, api.Hash(root), r.Root, fee, r.GasUsed, bt.req.GasPx)
	}
	leaf := batch.Task{TaskID: bt.req.TaskID, InputsHash: envelope.InputsHash(bt.req.Request), OutputHash: compat.Keccak256(r.Output),
		DeltaHash: r.DeltaHash, GasUsed: r.GasUsed, Fee: fee, Failed: r.TaskFailed}
	if !batch.Verify(root, leaf, r.Proof) {
		t.Fatalf("batched task %s: its proof does not verify against batch %d's root", bt.req.TaskID, r.BatchIndex)
	}
	out, err := envelope.OpenResponse(bt.rk, bt.ectx, r.Output)
	if err != nil {
		t.Fatalf("batched task %s: the output does not open: %v", bt.req.TaskID, err)
	}
	return out
}

// committedTasks sums the task counts of the contract's batches on chain.
func (n *network) committedTasks(ctx context.Context, contract api.ContractAddress) uint64 {
	n.t.Helper()
	count, err := n.enigma.CountBatches(ctx, contract)
	if err != nil {
		n.t.Fatal(err)
	}
	var sum uint64
	for i := range count {
		ev, ok, err := n.enigma.FindBatchCommitted(ctx, contract, i, 0)
		if err != nil || !ok {
			n.t.Fatalf("batch %d of %s: %v %v", i, contract, ok, err)
		}
		sum += ev.TaskCount
	}
	return sum
}

func fastBatches(c *worker.Config) { c.BatchSize, c.BatchAge = 8, 200*time.Millisecond }

// Two users' batched tasks on one contract commit in batches, each on
// the state the previous one left; every proof verifies against the
// chain's root, no task is in two batches and each user pays exactly the
// fees of its tasks.
func TestBatchedTasksCommitInBatches(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	n := startNetworkWith(t, ctx, 2, fastBatches)
	owner, _ := compat.GenerateKey(rand.Reader)
	sc := n.deploy(ctx, owner).contract
	users := []*bUser{n.batchedUser(ctx, 0, 1e12), n.batchedUser(ctx, 1, 1e12)}
	before := []*big.Int{n.balanceOf(ctx, users[0]), n.balanceOf(ctx, users[1])}
	const tasks, gasLimit, gasPx = 24, 1_000_000, 3
	var all []*bTask
	for i := range tasks {
		bt := n.newBatched(ctx, users[i%2], sc, "store", fmt.Appendf(nil, "v%d", i), gasLimit, gasPx)
		if err := n.submitBatched(ctx, bt); err != nil {
			t.Fatal(err)
		}
		all = append(all, bt)
	}
	last := n.newBatched(ctx, users[0], sc, "get", nil, gasLimit, gasPx)
	if err := n.submitBatched(ctx, last); err != nil {
		t.Fatal(err)
	}
	// A resubmission is answered as accepted and runs nothing again.
	if err := n.submitBatched(ctx, all[0]); err != nil {
		t.Fatalf("resubmission: %v", err)
	}
	paid := []*big.Int{new(big.Int), new(big.Int)}
	seen := map[[2]uint64]bool{}
	batches := map[uint64]bool{}
	for i, bt := range append(all, last) {
		r := n.waitBatched(ctx, bt)
		out := n.verifyBatched(ctx, bt, r)
		want := fmt.Sprintf("v%d", min(i, tasks-1))
		if string(out) != want {
			t.Fatalf("task %d: output %q, want %q", i, out, want)
		}
		at := [2]uint64{r.BatchIndex, uint64(r.Position)}
		if seen[at] {
			t.Fatalf("two tasks at batch %d position %d", at[0], at[1])
		}
		seen[at], batches[r.BatchIndex] = true, true
		paid[i%2].Add(paid[i%2], new(big.Int).SetBytes(r.Fee[:]))
	}
	if len(batches) < tasks/8 {
		t.Errorf("%d tasks went into %d batches with BatchSize 8", tasks+1, len(batches))
	}
	if got := n.committedTasks(ctx, sc); got != tasks+1 {
		t.Errorf("the chain's batches hold %d tasks, want %d", got, tasks+1)
	}
	for i, u := range users {
		if spent := new(big.Int).Sub(before[i], n.balanceOf(ctx, u)); spent.Cmp(paid[i]) != 0 {
			t.Errorf("user %d paid %v, the sum of its fees is %v", i, spent, paid[i])
		}
	}
	st := n.worker(last.req.Worker).Stats().Batched
	if st.Committed != tasks+1 || st.Failed != 0 || st.Landed != uint64(len(batches)) || st.Execute == 0 || st.Mined == 0 {
		t.Errorf("stats: %+v", st)
	}
}

// A batch whose index another batch took reverts: its tasks fail
// uncharged (the enclave signs them into no later batch), and the tasks
// run after it run again on the chain's state and commit.
func TestBatchedBatchThatRevertsIsRebuilt(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	n := startNetworkWith(t, ctx, 2, func(c *worker.Config) { c.BatchSize, c.BatchAge = 64, 200*time.Millisecond })
	owner, _ := compat.GenerateKey(rand.Reader)
	sc := n.deploy(ctx, owner).contract
	u := n.batchedUser(ctx, 0, 1e12)
	before := n.balanceOf(ctx, u)
	const gasLimit, gasPx = 1_000_000, 1
	i := n.indexOf(n.selected(ctx, sc))
	enc, custodian := n.encs[i], n.cfgs[i].Account

	// Blocks stop; a batch of one task the worker's enclave signs for
	// index 0 is sent first, so it is mined before the lane's batch 0.
	n.chain.Dev.Pause()
	hand := n.newBatched(ctx, u, sc, "get", nil, gasLimit, gasPx)
	code, err := n.stores[i].Code(ctx, sc)
	if err != nil {
		t.Fatal(err)
	}
	st, err := n.stores[i].State(ctx, sc)
	if err != nil {
		t.Fatal(err)
	}
	head, err := n.enigma.Client().Eth().HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	r := hand.req
	resp, err := enc.Execute(ctx, &enclave.ExecuteRequest{Kind: enclave.KindCompute, Envelope: enclave.EnvelopeV2, Batched: true,
		TaskID: r.TaskID, Contract: sc, Code: code, State: st.Data, PrevDeltaHash: st.Hash, EncryptedFn: r.Request,
		InputsHash: envelope.InputsHash(r.Request), GasLimit: gasLimit, GasPx: gasPx, BlockNumber: head.Number.Uint64(),
		BlockTime: int64(head.Time), Epoch: hand.ectx.Epoch, ChainID: hand.ectx.ChainID, EnigmaContract: api.EthAddress(hand.ectx.EnigmaContract),
		Sender: r.Sender, TaskNonce: r.TaskNonce, UserSignature: enclave.Signature(r.Signature)})
	if err != nil {
		t.Fatal(err)
	}
	sb, err := enc.SignBatch(ctx, &enclave.SignBatchRequest{Contract: sc, EpochFirstBlock: hand.ectx.Epoch, BatchIndex: 0,
		ChainID: hand.ectx.ChainID, EnigmaContract: api.EthAddress(hand.ectx.EnigmaContract)})
	if err != nil {
		t.Fatal(err)
	}
	cb := &chain.Batch{Contract: sc, EpochFirstBlock: sb.EpochFirstBlock, Index: 0, PrevDeltaHash: sb.PrevDeltaHash, NewDeltaHash: sb.NewDeltaHash,
		Root: sb.Root, TaskCount: sb.TaskCount, GasUsed: sb.GasUsed, Signature: sb.Signature[:]}
	for k, a := range sb.Users {
		cb.Users, cb.Fees = append(cb.Users, common.Address(a)), append(cb.Fees, new(big.Int).SetBytes(sb.Fees[k][:]))
	}
	if _, err := n.enigma.Client().SendTx(ctx, custodian, n.enigma.CommitBatchTx(cb)); err != nil {
		t.Fatal(err)
	}

	// The lane's batch 0 is sent behind it; the next tasks run on its state.
	var first, second []*bTask
	first = append(first, n.submitStores(ctx, t, u, sc, "a", 3, gasLimit, gasPx)...)
	for _, bt := range first {
		n.waitBatched(ctx, bt, workerapi.BatchedInBatch)
	}
	second = append(second, n.submitStores(ctx, t, u, sc, "b", 2, gasLimit, gasPx)...)
	for _, bt := range second {
		n.waitBatched(ctx, bt, workerapi.BatchedExecuted)
	}
	n.chain.Dev.Resume()

	for _, bt := range first {
		if r := n.waitBatched(ctx, bt); r.Status != workerapi.BatchedFailed || r.Code != api.CodeConflict || r.Error == "" {
			t.Fatalf("a task of the batch that reverted: %+v, want failed with CodeConflict", r)
		}
	}
	paid := new(big.Int).SetUint64(resp.GasUsed * gasPx)
	for k, bt := range second {
		r := n.waitBatched(ctx, bt)
		if out := n.verifyBatched(ctx, bt, r); string(out) != fmt.Sprintf("b%d", k) {
			t.Fatalf("task b%d ran again: output %q", k, out)
		}
		if r.BatchIndex != 1 {
			t.Errorf("task b%d is in batch %d, want 1", k, r.BatchIndex)
		}
		paid.Add(paid, new(big.Int).SetBytes(r.Fee[:]))
	}
	if spent := new(big.Int).Sub(before, n.balanceOf(ctx, u)); spent.Cmp(paid) != 0 {
		t.Errorf("the user paid %v, the committed tasks' fees are %v", spent, paid)
	}
	if got := n.committedTasks(ctx, sc); got != 3 {
		t.Errorf("the chain's batches hold %d tasks, want 3 (the hand-made one and b0, b1)", got)
	}
	if st := n.workers[i].Stats().Batched; st.Voided == 0 || st.Failed != 3 || st.Committed != 2 {
		t.Errorf("stats: %+v", st)
	}
}

// A compute task with a record on a contract with batched tasks waits for
// the contract's lane to commit what it ran, and sees its state; the lane
// then goes on from the state the task left.
func TestBatchedAndRecordTasksShareAContract(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	n := startNetworkWith(t, ctx, 2, func(c *worker.Config) { c.BatchSize, c.BatchAge = 64, 500*time.Millisecond })
	owner, _ := compat.GenerateKey(rand.Reader)
	sc := n.deploy(ctx, owner).contract
	u := n.batchedUser(ctx, 0, 1e12)
	const gasLimit, gasPx = 1_000_000, 1
	var all []*bTask
	all = append(all, n.submitStores(ctx, t, u, sc, "b", 5, gasLimit, gasPx)...)
	if _, r, out, st := n.run(ctx, owner, sc, nil, "get", nil, 1_000_000); r.Status != api.StatusSuccess || st != 2 || string(out) != "b4" {
		t.Fatalf("record task after the batched ones: %s, chain %d, output %q; want b4", r.Status, st, out)
	}
	if _, r, _, st := n.run(ctx, owner, sc, nil, "store", []byte("r"), 1_000_000); r.Status != api.StatusSuccess || st != 2 {
		t.Fatalf("record store: %s, chain %d", r.Status, st)
	}
	get := n.newBatched(ctx, u, sc, "get", nil, gasLimit, gasPx)
	store := n.newBatched(ctx, u, sc, "store", []byte("b5"), gasLimit, gasPx)
	get2 := n.newBatched(ctx, u, sc, "get", nil, gasLimit, gasPx)
	for _, bt := range []*bTask{get, store, get2} {
		if err := n.submitBatched(ctx, bt); err != nil {
			t.Fatal(err)
		}
	}
	for k, bt := range all {
		if out := n.verifyBatched(ctx, bt, n.waitBatched(ctx, bt)); string(out) != fmt.Sprintf("b%d", k) {
			t.Fatalf("b%d: %q", k, out)
		}
	}
	for bt, want := range map[*bTask]string{get: "r", store: "b5", get2: "b5"} {
		if out := n.verifyBatched(ctx, bt, n.waitBatched(ctx, bt)); string(out) != want {
			t.Fatalf("batched task after the record tasks: %q, want %q", out, want)
		}
	}
}

// A user who asks to withdraw has no new task accepted; the tasks accepted
// before commit and are paid from the balance, which stays for the task
// timeout.
func TestBatchedUserWithdraws(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	n := startNetworkWith(t, ctx, 2, func(c *worker.Config) { c.BatchSize, c.BatchAge = 64, 3*time.Second })
	owner, _ := compat.GenerateKey(rand.Reader)
	sc := n.deploy(ctx, owner).contract
	u := n.batchedUser(ctx, 0, 9e6)
	const gasLimit, gasPx = 1_000_000, 2
	// The balance covers four tasks' maximum fees, not five.
	var accepted []*bTask
	accepted = append(accepted, n.submitStores(ctx, t, u, sc, "w", 4, gasLimit, gasPx)...)
	over := n.newBatched(ctx, u, sc, "get", nil, gasLimit, gasPx)
	if err := n.submitBatched(ctx, over); api.CodeOf(err) != api.CodeInvalidInput {
		t.Fatalf("a task beyond the balance: %v, want refused", err)
	}
	before := n.balanceOf(ctx, u)
	rec, err := n.enigma.RequestUserWithdrawal(ctx, chain.NodeAccount(u.acc.Address))
	if err != nil {
		t.Fatal(err)
	}
	if err := n.enigma.Client().WaitForBlock(ctx, rec.BlockNumber.Uint64()+1); err != nil {
		t.Fatal(err)
	}
	late := n.newBatched(ctx, u, sc, "get", nil, workerapi.MinBatchedGasLimit, gasPx)
	if err := n.submitBatched(ctx, late); api.CodeOf(err) != api.CodeInvalidInput {
		t.Fatalf("a task after the withdrawal request: %v, want refused", err)
	}
	paid := new(big.Int)
	for _, bt := range accepted {
		r := n.waitBatched(ctx, bt)
		n.verifyBatched(ctx, bt, r)
		paid.Add(paid, new(big.Int).SetBytes(r.Fee[:]))
	}
	if spent := new(big.Int).Sub(before, n.balanceOf(ctx, u)); spent.Cmp(paid) != 0 || paid.Sign() == 0 {
		t.Errorf("the user paid %v after asking to withdraw, its tasks' fees are %v", spent, paid)
	}
	for _, bt := range []*bTask{over, late} {
		if r, err := n.worker(bt.req.Worker).BatchedTask(ctx, bt.req.TaskID); r != nil || err != nil {
			t.Errorf("a refused task is known: %+v %v", r, err)
		}
	}
}

// The worker refuses, before it holds anything of them: a copy of a
// user's signed request under a fresh nonce (a new task id, which would
// run as a failed task charged to the user), a request beyond the batched
// size, a gas limit below a task's fixed cost, and a sender's task beyond
// the tasks one sender may have pending.
func TestBatchedRefusals(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	n := startNetworkWith(t, ctx, 2, func(c *worker.Config) { c.BatchSize, c.BatchAge, c.MaxBatchedPerSender = 64, time.Hour, 2 })
	owner, _ := compat.GenerateKey(rand.Reader)
	sc := n.deploy(ctx, owner).contract
	u, other := n.batchedUser(ctx, 0, 1e12), n.batchedUser(ctx, 1, 1e12)
	const gasLimit, gasPx = 1_000_000, 2

	victim := n.newBatched(ctx, u, sc, "get", nil, gasLimit, gasPx)
	if err := n.submitBatched(ctx, victim); err != nil {
		t.Fatal(err)
	}
	copied := *victim.req
	copied.TaskNonce++
	copied.TaskID = enclave.BatchedTaskID(copied.Sender, copied.TaskNonce)
	if err := n.worker(copied.Worker).SubmitBatched(ctx, &copied); api.CodeOf(err) != api.CodeBadSignature {
		t.Fatalf("a copy under a fresh nonce: %v, want refused as not signed by the sender", err)
	}

	low := n.newBatched(ctx, u, sc, "get", nil, workerapi.MinBatchedGasLimit-1, gasPx)
	if err := n.submitBatched(ctx, low); api.CodeOf(err) != api.CodeInvalidInput || !strings.Contains(err.Error(), "gas limit") {
		t.Fatalf("a gas limit below a task's fixed cost: %v", err)
	}
	large := n.newBatched(ctx, u, sc, "store", make([]byte, workerapi.MaxBatchedPayload), gasLimit, gasPx)
	if len(large.req.Request) <= workerapi.MaxBatchedRequest {
		t.Fatalf("a request of %d bytes is not beyond the limit", len(large.req.Request))
	}
	if err := n.submitBatched(ctx, large); api.CodeOf(err) != api.CodeInvalidInput || !strings.Contains(err.Error(), "task record") {
		t.Fatalf("a request beyond the batched size: %v", err)
	}

	second := n.newBatched(ctx, u, sc, "get", nil, gasLimit, gasPx)
	if err := n.submitBatched(ctx, second); err != nil {
		t.Fatal(err)
	}
	third := n.newBatched(ctx, u, sc, "get", nil, gasLimit, gasPx)
	if err := n.submitBatched(ctx, third); api.CodeOf(err) != api.CodeUnavailable || !strings.Contains(err.Error(), "one sender") {
		t.Fatalf("a sender's task beyond its limit: %v", err)
	}
	if err := n.submitBatched(ctx, n.newBatched(ctx, other, sc, "get", nil, gasLimit, gasPx)); err != nil {
		t.Fatalf("another sender, while the first is at its limit: %v", err)
	}
	for _, bt := range []*bTask{low, large, third} {
		if r, err := n.worker(bt.req.Worker).BatchedTask(ctx, bt.req.TaskID); r != nil || err != nil {
			t.Errorf("a refused task is known: %+v %v", r, err)
		}
	}
	if r, err := n.worker(copied.Worker).BatchedTask(ctx, copied.TaskID); r != nil || err != nil {
		t.Errorf("the refused copy is known: %+v %v", r, err)
	}
}

// The batched limits agree with what they stand for: the envelope's
// request overhead and the VM's fixed cost of a compute task.
func TestBatchedLimits(t *testing.T) {
	if workerapi.MaxBatchedRequest != workerapi.MaxBatchedPayload+envelope.RequestOverhead {
		t.Errorf("MaxBatchedRequest %d, want MaxBatchedPayload + envelope.RequestOverhead = %d", workerapi.MaxBatchedRequest, workerapi.MaxBatchedPayload+envelope.RequestOverhead)
	}
	if envelope.BucketSize(workerapi.MaxBatchedPayload) != workerapi.MaxBatchedPayload {
		t.Errorf("MaxBatchedPayload %d is not a padding bucket", workerapi.MaxBatchedPayload)
	}
	if base := vm.DefaultSchedule().ComputeBase; workerapi.MinBatchedGasLimit < base {
		t.Errorf("MinBatchedGasLimit %d is below the VM's ComputeBase %d", workerapi.MinBatchedGasLimit, base)
	}
	if c := worker.DefaultConfig(); c.MaxBatchedPerSender <= 0 || c.MaxBatchedPerSender > c.MaxBatchedPending {
		t.Errorf("default MaxBatchedPerSender %d (MaxBatchedPending %d)", c.MaxBatchedPerSender, c.MaxBatchedPending)
	}
	c := worker.DefaultConfig()
	c.MaxBatchedPerSender = 0
	if err := c.Validate(); err == nil || !strings.Contains(err.Error(), "MaxBatchedPerSender") {
		t.Errorf("Validate with MaxBatchedPerSender 0: %v", err)
	}
}

// A worker killed while its batch waits in the chain's pool, with more
// tasks run behind it, finds the batch landed after its restart and
// completes it from its store; the tasks behind it run again into a new
// batch. Each task is charged once.
func TestBatchedTasksSurviveACrash(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	n := startNetworkOpts(t, ctx, 2, netOptions{crashable: true, configure: func(c *worker.Config) { c.BatchSize, c.BatchAge = 64, 200*time.Millisecond }})
	owner, _ := compat.GenerateKey(rand.Reader)
	sc := n.deploy(ctx, owner).contract
	u := n.batchedUser(ctx, 0, 1e12)
	before := n.balanceOf(ctx, u)
	const gasLimit, gasPx = 1_000_000, 1
	i := n.indexOf(n.selected(ctx, sc))

	n.chain.Dev.Pause()
	var sent, behind []*bTask
	sent = append(sent, n.submitStores(ctx, t, u, sc, "s", 4, gasLimit, gasPx)...)
	for _, bt := range sent {
		n.waitBatched(ctx, bt, workerapi.BatchedInBatch)
	}
	behind = append(behind, n.submitStores(ctx, t, u, sc, "t", 2, gasLimit, gasPx)...)
	for _, bt := range behind {
		n.waitBatched(ctx, bt, workerapi.BatchedExecuted)
	}
	n.restartWorker(ctx, i, true)
	n.chain.Dev.Resume()

	paid := new(big.Int)
	for k, bt := range append(sent, behind...) {
		want := fmt.Sprintf("s%d", k)
		if k >= len(sent) {
			want = fmt.Sprintf("t%d", k-len(sent))
		}
		r := n.waitBatched(ctx, bt)
		if out := n.verifyBatched(ctx, bt, r); string(out) != want {
			t.Fatalf("task %d after the restart: %q, want %q", k, out, want)
		}
		if want := uint64(k / len(sent)); r.BatchIndex != want {
			t.Errorf("task %d is in batch %d, want %d", k, r.BatchIndex, want)
		}
		paid.Add(paid, new(big.Int).SetBytes(r.Fee[:]))
	}
	if spent := new(big.Int).Sub(before, n.balanceOf(ctx, u)); spent.Cmp(paid) != 0 {
		t.Errorf("the user paid %v, its tasks' fees are %v", spent, paid)
	}
	if got := n.committedTasks(ctx, sc); got != 6 {
		t.Errorf("the chain's batches hold %d tasks, want 6", got)
	}
	// The contract's state goes on from the batches that landed.
	get := n.newBatched(ctx, u, sc, "get", nil, gasLimit, gasPx)
	if err := n.submitBatched(ctx, get); err != nil {
		t.Fatal(err)
	}
	if out := n.verifyBatched(ctx, get, n.waitBatched(ctx, get)); string(out) != "t1" {
		t.Fatalf("get after the restart: %q", out)
	}
}

// Batched tasks accepted before a crash whose epoch has passed to another
// worker by the restart end failed, uncharged, and say why.
func TestBatchedTasksFailAfterARestartInAnotherEpoch(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	n := startNetworkOpts(t, ctx, 2, netOptions{crashable: true, configure: func(c *worker.Config) { c.BatchSize, c.BatchAge = 64, time.Hour }})
	owner, _ := compat.GenerateKey(rand.Reader)
	sc := n.deploy(ctx, owner).contract
	u := n.batchedUser(ctx, 0, 1e12)
	before := n.balanceOf(ctx, u)
	sel := n.selected(ctx, sc)
	i := n.indexOf(sel)
	var all []*bTask
	all = append(all, n.submitStores(ctx, t, u, sc, "x", 3, 1_000_000, 1)...)
	for _, bt := range all {
		n.waitBatched(ctx, bt, workerapi.BatchedExecuted)
	}
	other := n.workers[1-i].Signer()
	n.moveTo(ctx, sc, other)
	n.restartWorker(ctx, i, true)
	for _, bt := range all {
		r := n.waitBatched(ctx, bt)
		if r.Status != workerapi.BatchedFailed || r.Code != api.CodeWrongEpoch || r.Error == "" {
			t.Fatalf("a task of a past epoch after the restart: %+v", r)
		}
	}
	if after := n.balanceOf(ctx, u); after.Cmp(before) != 0 {
		t.Errorf("the user was charged %v for tasks that failed", new(big.Int).Sub(before, after))
	}
}

// A batch not mined within ReceiptTimeout is void for the lane, which runs
// its tasks again; it may still be mined, so the lane signs nothing at its
// index until the chain decides, and the tasks commit once, with that
// batch.
func TestBatchedBatchNotMinedInTime(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	n := startNetworkWith(t, ctx, 2, func(c *worker.Config) {
		c.BatchSize, c.BatchAge, c.ReceiptTimeout = 64, 200*time.Millisecond, 500*time.Millisecond
	})
	owner, _ := compat.GenerateKey(rand.Reader)
	sc := n.deploy(ctx, owner).contract
	u := n.batchedUser(ctx, 0, 1e12)
	before := n.balanceOf(ctx, u)
	w := n.worker(n.selected(ctx, sc))

	n.chain.Dev.Pause()
	var all []*bTask
	all = append(all, n.submitStores(ctx, t, u, sc, "m", 3, 1_000_000, 1)...)
	for w.Stats().Batched.Voided == 0 {
		select {
		case <-ctx.Done():
			t.Fatal("the batch was never given up")
		case <-time.After(20 * time.Millisecond):
		}
	}
	n.chain.Dev.Resume()
	paid := new(big.Int)
	for k, bt := range all {
		r := n.waitBatched(ctx, bt)
		if out := n.verifyBatched(ctx, bt, r); string(out) != fmt.Sprintf("m%d", k) || r.BatchIndex != 0 {
			t.Fatalf("task %d: %q in batch %d", k, out, r.BatchIndex)
		}
		paid.Add(paid, new(big.Int).SetBytes(r.Fee[:]))
	}
	if spent := new(big.Int).Sub(before, n.balanceOf(ctx, u)); spent.Cmp(paid) != 0 {
		t.Errorf("the user paid %v, its tasks' fees are %v", spent, paid)
	}
	if got := n.committedTasks(ctx, sc); got != 3 {
		t.Errorf("the chain's batches hold %d tasks, want 3", got)
	}
}
