package bindings_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"

	"github.com/enigma-go/enigma/internal/batch"
	"github.com/enigma-go/enigma/internal/chain/bindings"
	"github.com/enigma-go/enigma/internal/chain/bindings/simenv"
)

func batchTasks(n int, users []*simenv.Account, prefix string) []batch.Task {
	ts := make([]batch.Task, n)
	for i := range ts {
		ts[i] = batch.Task{
			TaskID: simenv.Hash(prefix + " task " + string(rune('a'+i))), User: users[i%len(users)].Addr,
			InputsHash: simenv.Hash(prefix + " in"), OutputHash: simenv.Hash(prefix + " out " + string(rune('a'+i))),
			DeltaHash: simenv.Hash(prefix + " delta " + string(rune('a'+i))), GasUsed: uint64(1000 + i), Fee: big.NewInt(int64(100_000 + i)),
			Failed: i%3 == 2,
		}
	}
	return ts
}

func TestBatchedTasks(t *testing.T) {
	t.Parallel()
	env := newEnv(t, simenv.DefaultConfig())
	sc := deployed(t, env)
	users := []*simenv.Account{simenv.User(1), simenv.User(2), simenv.User(3)}
	for _, u := range users[:2] {
		ok(t, env.DepositUser(u, big.NewInt(10_000_000)))
	}
	tasks := batchTasks(10, users[:2], "b0")
	newDelta := tasks[len(tasks)-1].DeltaHash
	h, tree, err := env.NewBatch(sc, tasks, newDelta)
	ok(t, err)
	us, fees := batch.Totals(tasks)

	// SignBatch signs internal/batch.Digest; the commit below recovers the
	// signer from the contract's own digest, so it lands only if they agree.
	w, err := env.Selected(env.Head(), sc)
	ok(t, err)
	other := otherWorker(env, w)

	_, err = env.Send(w.Custodian, env.Enigma, env.EnigmaABI.PackCommitBatch(simenv.BatchHeader(h), us, fees, env.SignBatch(other.Signer, h, us, fees)))
	mustRevert(t, err, "Invalid signature") // signed by an enclave that is not selected
	_, err = env.Send(other.Custodian, env.Enigma, env.EnigmaABI.PackCommitBatch(simenv.BatchHeader(h), us, fees, env.SignBatch(w.Signer, h, us, fees)))
	mustRevert(t, err, "Not the selected worker")
	wrong := h
	wrong.BatchIndex = 1
	_, err = env.CommitBatch(w, wrong, us, fees)
	mustRevert(t, err, "Wrong batch index")
	wrong = h
	wrong.PrevDeltaHash = simenv.Hash("elsewhere")
	_, err = env.CommitBatch(w, wrong, us, fees)
	mustRevert(t, err, "Batch not on the latest state")
	forged := append([]*big.Int(nil), fees...)
	forged[0] = new(big.Int).Add(fees[0], big.NewInt(1))
	_, err = env.Send(w.Custodian, env.Enigma, env.EnigmaABI.PackCommitBatch(simenv.BatchHeader(h), us, forged, env.SignBatch(w.Signer, h, us, fees)))
	mustRevert(t, err, "Invalid signature") // fees other than the enclave signed

	before := call(t, env, env.EnigmaABI.PackGetWorker(w.Custodian.Addr), env.EnigmaABI.UnpackGetWorker).Balance
	r, err := env.CommitBatch(w, h, us, fees)
	ok(t, err)
	_, err = env.CommitBatch(w, h, us, fees)
	mustRevert(t, err, "Wrong batch index") // replay
	ev, err := env.EnigmaABI.UnpackBatchCommittedEvent(r.Logs[0])
	ok(t, err)
	if ev.Root != h.Root || ev.TaskCount.Int64() != 10 || ev.NewDeltaHash != newDelta || ev.Worker != w.Custodian.Addr {
		t.Fatalf("BatchCommitted = %+v", ev)
	}

	total := new(big.Int)
	for i, u := range us {
		total.Add(total, fees[i])
		bal := call(t, env, env.EnigmaABI.PackGetUserBalance(u), env.EnigmaABI.UnpackGetUserBalance)
		if want := new(big.Int).Sub(big.NewInt(10_000_000), fees[i]); bal.Cmp(want) != 0 {
			t.Fatalf("user %d balance %v, want %v", i, bal, want)
		}
	}
	after := call(t, env, env.EnigmaABI.PackGetWorker(w.Custodian.Addr), env.EnigmaABI.UnpackGetWorker).Balance
	if got := new(big.Int).Sub(after, before); got.Cmp(total) != 0 {
		t.Fatalf("worker credited %v, want %v", got, total)
	}
	if last, _ := env.LastDelta(sc); last != newDelta {
		t.Fatal("the batch's final delta hash was not appended")
	}

	// Each task's proof leads to the stored root, in Go (what clients
	// check) and in the Solidity library a contract would use.
	root := call(t, env, env.EnigmaABI.PackGetBatchRoot(sc, big.NewInt(0)), env.EnigmaABI.UnpackGetBatchRoot)
	mh := bindings.NewMerkleHarness()
	addr, err := env.Deploy(env.Owner, bindings.MerkleHarnessMetaData.Bin, nil)
	ok(t, err)
	harness := mh.Instance(env.Client, addr)
	for i, task := range tasks {
		proof, err := tree.Proof(i)
		ok(t, err)
		verify := func(tk batch.Task) bool {
			inGo := batch.Verify(root, tk, proof)
			inSol, err := bind.Call(harness, nil, mh.PackVerify(root, tk.TaskID, tk.InputsHash, tk.OutputHash,
				tk.DeltaHash, tk.GasUsed, tk.Fee, tk.Failed, proof), mh.UnpackVerify)
			ok(t, err)
			if inGo != inSol {
				t.Fatalf("task %d: Go says %v, the Solidity library %v", i, inGo, inSol)
			}
			return inGo
		}
		if !verify(task) {
			t.Fatalf("task %d does not verify against the stored root", i)
		}
		altered := task
		altered.OutputHash = simenv.Hash("forged output")
		if verify(altered) {
			t.Fatalf("altered task %d verifies", i)
		}
		flipped := task
		flipped.Failed = !task.Failed
		if verify(flipped) {
			t.Fatalf("task %d verifies with its failed flag flipped", i)
		}
	}

	// The next batch extends the first; compat receipts continue after it.
	tasks2 := batchTasks(3, users[:1], "b1")
	h2, _, err := env.NewBatch(sc, tasks2, [32]byte{})
	ok(t, err)
	us2, fees2 := batch.Totals(tasks2)
	_, err = env.CommitBatch(w, h2, us2, fees2)
	ok(t, err)
	task, _, err := env.CreateTask(simenv.User(0), simenv.Hash("compat after batches"), gasLimit, gasPx, false)
	ok(t, err)
	wc, _ := env.Selected(task.Block, sc)
	_, err = env.CommitCompute(wc, sc, task, computeReceipt(t, env, sc, "after batches"), 0)
	ok(t, err)

	// A user who withdrew before the batch landed pays what it has left;
	// the batch still commits for everyone else.
	ok(t, env.DepositUser(users[2], big.NewInt(50)))
	tasks3 := batchTasks(2, []*simenv.Account{users[0], users[2]}, "b2")
	h3, _, err := env.NewBatch(sc, tasks3, [32]byte{})
	ok(t, err)
	us3, fees3 := batch.Totals(tasks3)
	before = call(t, env, env.EnigmaABI.PackGetWorker(w.Custodian.Addr), env.EnigmaABI.UnpackGetWorker).Balance
	r, err = env.CommitBatch(w, h3, us3, fees3)
	ok(t, err)
	ev, err = env.EnigmaABI.UnpackBatchCommittedEvent(r.Logs[0])
	ok(t, err)
	if want := new(big.Int).Add(fees3[0], big.NewInt(50)); ev.Fees.Cmp(want) != 0 {
		t.Fatalf("batch paid %v, want %v (the short user's 50 grains and the other's total)", ev.Fees, want)
	}
	after = call(t, env, env.EnigmaABI.PackGetWorker(w.Custodian.Addr), env.EnigmaABI.UnpackGetWorker).Balance
	if got := new(big.Int).Sub(after, before); got.Cmp(ev.Fees) != 0 {
		t.Fatalf("worker credited %v, event says %v", got, ev.Fees)
	}
	if bal := call(t, env, env.EnigmaABI.PackGetUserBalance(users[2].Addr), env.EnigmaABI.UnpackGetUserBalance); bal.Sign() != 0 {
		t.Fatalf("short user's balance %v, want 0", bal)
	}
}
