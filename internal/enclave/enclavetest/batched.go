package enclavetest

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/rand"
	"math/big"
	"strings"
	"testing"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/batch"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/crypto/envelope"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/ethereum/go-ethereum/common"
)

// batchedGasPx is the fee per gas the suite's batched tasks offer.
const batchedGasPx = 3

// batchedTask builds a batched-path task: a v2 request plus the sender's
// authorisation of it and of its fee.
func (h *host) batchedTask(contract api.ContractAddress, pub []byte, payer *ecdsa.PrivateKey, nonce, gasPx uint64, fn string, args []byte) (*enclave.ExecuteRequest, envelope.ResponseKey, envelope.Context) {
	h.t.Helper()
	sender := api.EthAddress(compat.Address(&payer.PublicKey))
	req, rk, c := h.v2Task(enclave.KindCompute, contract, pub, sender, nonce, fn, args)
	req.Batched, req.GasPx = true, gasPx
	req.TaskID = enclave.BatchedTaskID(sender, nonce)
	sig, err := compat.Sign(payer, enclave.BatchedTaskHash(req.ChainID, req.EnigmaContract, req.Contract, req.TaskID, req.Epoch, req.InputsHash, req.GasLimit, gasPx))
	if err != nil {
		h.t.Fatal(err)
	}
	req.UserSignature = sig
	return req, rk, c
}

// lane plays a worker host's lane of one contract on the batched path: it
// runs the contract's batched tasks one after the other, each on the state
// the previous one left, signs batches, goes on with the state of the batch
// it signed (before the chain took it) and lands batches on the simulated
// chain.
type lane struct {
	h   *host
	c   api.ContractAddress
	pub []byte // the worker's epoch key

	cur   laneState // the state the next task runs on
	start laneState // the state the open batch's first task ran on

	leaves []batch.Task // the open batch's tasks, as the client rebuilds them
}

type laneState struct {
	state []byte
	delta api.Hash
	index uint32
}

// batchedTaskRun is a batched task the lane built, kept to run it again.
type batchedTaskRun struct {
	req *enclave.ExecuteRequest
	rk  envelope.ResponseKey
	ctx envelope.Context
}

func (h *host) newLane(c api.ContractAddress) *lane {
	h.t.Helper()
	ek, err := h.Worker.EpochKey(h.ctx, &enclave.EpochKeyRequest{Epoch: epochBlock, ChainID: v2Chain, EnigmaContract: v2Enigma})
	if err != nil {
		h.t.Fatal(err)
	}
	h.record(enclave.TypeEpochKeyResponse, ek)
	l := &lane{h: h, c: c, pub: ek.PublicKey}
	l.reset()
	return l
}

// reset starts the lane again from the chain's state, as a host does after
// VoidBatch.
func (l *lane) reset() {
	cc := l.h.contract[l.c]
	l.cur = laneState{state: cc.state, delta: cc.lastDelta, index: cc.index}
	l.start, l.leaves = l.cur, nil
}

// task builds a batched task of payer.
func (l *lane) task(payer *ecdsa.PrivateKey, nonce uint64, fn string, args []byte) *batchedTaskRun {
	l.h.t.Helper()
	req, rk, ctx := l.h.batchedTask(l.c, l.pub, payer, nonce, batchedGasPx, fn, args)
	return &batchedTaskRun{req: req, rk: rk, ctx: ctx}
}

// execute runs a task on the lane's state, as the lane's next task.
func (l *lane) execute(run *batchedTaskRun) error {
	run.req.State, run.req.PrevDeltaHash = l.cur.state, l.cur.delta
	_, _, err := l.try(run)
	return err
}

// run executes a task on the lane's state, checks its receipt and output
// and chains the lane's state; it returns the receipt and the opened output.
func (l *lane) run(run *batchedTaskRun) (*enclave.ExecuteResponse, []byte) {
	l.h.t.Helper()
	run.req.State, run.req.PrevDeltaHash = l.cur.state, l.cur.delta
	r, out, err := l.try(run)
	if err != nil {
		l.h.t.Fatalf("batched task: %v", err)
	}
	return r, out
}

func (l *lane) try(run *batchedTaskRun) (*enclave.ExecuteResponse, []byte, error) {
	h, req := l.h, run.req
	h.t.Helper()
	r, err := h.Worker.Execute(h.ctx, req)
	if err != nil {
		return nil, nil, err
	}
	h.record(enclave.TypeExecuteResponse, r)
	h.checkReceipt(req, r)
	out, err := envelope.OpenResponse(run.rk, run.ctx, r.Output)
	if err != nil {
		h.t.Fatalf("batched task: the output does not open: %v", err)
	}
	l.leaves = append(l.leaves, batch.Task{TaskID: req.TaskID, User: common.Address(req.Sender), InputsHash: req.InputsHash,
		OutputHash: r.OutputHash, DeltaHash: r.DeltaHash, GasUsed: r.GasUsed, Fee: new(big.Int).SetUint64(req.GasPx * r.GasUsed),
		Failed: r.Status != enclave.TaskSuccess})
	if !r.DeltaHash.IsZero() {
		l.cur = laneState{state: r.State, delta: r.DeltaHash, index: r.DeltaIndex}
	}
	return r, out, nil
}

// call builds and runs a task.
func (l *lane) call(payer *ecdsa.PrivateKey, nonce uint64, fn string, args []byte) (*enclave.ExecuteResponse, []byte) {
	l.h.t.Helper()
	return l.run(l.task(payer, nonce, fn, args))
}

func (l *lane) signRequest(index uint64) *enclave.SignBatchRequest {
	return &enclave.SignBatchRequest{Contract: l.c, EpochFirstBlock: epochBlock, BatchIndex: index, ChainID: v2Chain, EnigmaContract: v2Enigma}
}

// sign signs the open batch at index, checks it as the chain, the host and
// the clients would, and goes on with the batch's state.
func (l *lane) sign(index uint64) *enclave.SignedBatch {
	h := l.h
	h.t.Helper()
	sb, err := h.Worker.SignBatch(h.ctx, l.signRequest(index))
	if err != nil {
		h.t.Fatalf("sign batch %d: %v", index, err)
	}
	h.record(enclave.TypeSignedBatch, sb)
	l.check(sb, index)
	if sb.NewDeltaHash.IsZero() {
		l.cur = l.start
	} else {
		l.cur = laneState{state: sb.State, delta: sb.NewDeltaHash, index: sb.DeltaIndex}
	}
	l.start, l.leaves = l.cur, nil
	return sb
}

func (l *lane) check(sb *enclave.SignedBatch, index uint64) {
	h := l.h
	t := h.t
	t.Helper()
	tree, err := batch.NewTree(l.leaves)
	if err != nil {
		t.Fatal(err)
	}
	users, fees := batch.Totals(l.leaves)
	if sb.Contract != l.c || sb.EpochFirstBlock != epochBlock || sb.BatchIndex != index || sb.Root != tree.Root() ||
		sb.TaskCount != uint64(len(l.leaves)) || sb.PrevDeltaHash != l.start.delta || sb.GasUsed != batch.GasUsed(l.leaves) ||
		len(sb.Users) != len(users) || len(sb.Fees) != len(fees) || len(sb.TaskIDs) != len(l.leaves) {
		t.Fatalf("signed batch %d does not hold the tasks run since the last one: %+v", index, sb)
	}
	for i, leaf := range l.leaves {
		if sb.TaskIDs[i] != leaf.TaskID {
			t.Fatalf("signed batch: task %d is %s, want %s", i, sb.TaskIDs[i], leaf.TaskID)
		}
	}
	for i := range users {
		if api.EthAddress(users[i]) != sb.Users[i] || new(big.Int).SetBytes(sb.Fees[i][:]).Cmp(fees[i]) != 0 {
			t.Fatalf("fee totals: %v %v", sb.Users, sb.Fees)
		}
	}
	hdr := batch.Header{ScAddr: l.c, EpochFirstBlock: epochBlock, BatchIndex: index, PrevDeltaHash: sb.PrevDeltaHash, NewDeltaHash: sb.NewDeltaHash,
		Root: sb.Root, TaskCount: sb.TaskCount, GasUsed: sb.GasUsed}
	if !compat.Verify([20]byte(h.worker), batch.Digest(big.NewInt(v2Chain), common.Address(v2Enigma), hdr, users, fees), sb.Signature[:]) {
		t.Fatal("batch signature does not verify against the worker")
	}
	if sb.NewDeltaHash.IsZero() {
		if len(sb.Delta) != 0 || len(sb.State) != 0 || sb.DeltaIndex != 0 {
			t.Fatalf("a batch with no delta carries a delta or a state: index %d, %d and %d bytes", sb.DeltaIndex, len(sb.Delta), len(sb.State))
		}
		return
	}
	if sb.NewDeltaHash != compat.Keccak256(sb.Delta) || sb.NewDeltaHash == sb.PrevDeltaHash || sb.DeltaIndex != l.start.index+1 {
		t.Fatalf("the batch's delta: hash %s (keccak256 of the delta: %s), prev %s, index %d after the start's %d",
			sb.NewDeltaHash, api.Hash(compat.Keccak256(sb.Delta)), sb.PrevDeltaHash, sb.DeltaIndex, l.start.index)
	}
	// The host checks nothing it got from its own enclave, but the state
	// must be what another worker would accept: the contract's, at the
	// batch's delta.
	if _, err := h.Worker.CheckState(h.ctx, &enclave.CheckStateRequest{Contract: l.c, CodeHash: compat.Keccak256(h.code),
		DeltaIndex: sb.DeltaIndex, DeltaHash: sb.NewDeltaHash, State: sb.State}); err != nil {
		t.Fatalf("the batch's state is not the contract's state at the batch's delta: %v", err)
	}
}

// land records a signed batch as mined: the chain's last delta moves to
// the batch's and the host stores its state.
func (l *lane) land(sb *enclave.SignedBatch) {
	if !sb.NewDeltaHash.IsZero() {
		cc := l.h.contract[l.c]
		cc.state, cc.lastDelta, cc.index = sb.State, sb.NewDeltaHash, sb.DeltaIndex
	}
}

func (h *host) voidBatch(c api.ContractAddress, index uint64) *enclave.VoidBatchResponse {
	h.t.Helper()
	v, err := h.Worker.VoidBatch(h.ctx, &enclave.VoidBatchRequest{Contract: c, BatchIndex: index})
	if err != nil {
		h.t.Fatalf("void batch %d: %v", index, err)
	}
	h.record(enclave.TypeVoidBatchResponse, v)
	return v
}

func newPayer(t *testing.T) *ecdsa.PrivateKey {
	k, err := compat.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func testBatched(t *testing.T, h *host) {
	u := h.newUser()
	c := h.deploy(u, h.secret(24))
	l := h.newLane(c)
	alice, bob := newPayer(t), newPayer(t)

	if r, _ := l.call(alice, 1, "set(bytes)", h.secret(24)); r.Status != enclave.TaskSuccess {
		t.Fatalf("batched set: %+v", r)
	}
	l.call(bob, 1, "get()", nil)
	if r, _ := l.call(alice, 2, "unreachable()", nil); r.Status != enclave.TaskFailure {
		t.Fatalf("batched trap: %+v", r)
	}
	l.call(bob, 2, "set(bytes)", h.secret(24))

	// Refused before anything runs: a replay, a forged authorisation, a task
	// with a task record while a batch is pending.
	wantCode(t, l.execute(l.task(alice, 1, "get()", nil)), api.CodeReplay)
	forged := l.task(alice, 9, "get()", nil)
	forged.req.GasPx = 0 // the sender agreed to pay 3
	wantCode(t, l.execute(forged), api.CodeBadSignature)
	// A copy of alice's signed request under a fresh nonce (a new task id)
	// is not hers to pay for: her signature names the task id and epoch.
	copied := l.task(alice, 11, "get()", nil)
	copied.req.TaskNonce = 12
	copied.req.TaskID = enclave.BatchedTaskID(copied.req.Sender, 12)
	wantCode(t, l.execute(copied), api.CodeBadSignature)
	moved := l.task(alice, 13, "get()", nil)
	moved.req.Epoch += 100 // signed for the current epoch
	wantCode(t, l.execute(moved), api.CodeBadSignature)
	key := h.taskKey(u)
	_, err := h.Worker.Execute(h.ctx, h.task(enclave.KindCompute, c, u, key, "get()", nil))
	wantCode(t, err, api.CodeUnavailable)

	sb := l.sign(0)
	if sb.TaskCount != 4 || len(sb.Users) != 2 || sb.NewDeltaHash.IsZero() {
		t.Fatalf("signed batch: %+v", sb)
	}
	// Each task is in one batch only.
	_, err = h.Worker.SignBatch(h.ctx, l.signRequest(1))
	wantCode(t, err, api.CodeNotFound)
	// Tasks with records run again once the batch is out, on its state.
	l.land(sb)
	if r := h.execute(h.task(enclave.KindCompute, c, u, key, "get()", nil)); r.Status != enclave.TaskSuccess {
		t.Fatalf("after the batch: %+v", r)
	}
	// Once the epoch's key is erased, its batched tasks are refused, not batched as failures.
	for e := uint64(1); e <= 5; e++ {
		if _, err := h.Worker.EpochKey(h.ctx, &enclave.EpochKeyRequest{Epoch: epochBlock + 100*e, ChainID: v2Chain, EnigmaContract: v2Enigma}); err != nil {
			t.Fatal(err)
		}
	}
	l.reset()
	wantCode(t, l.execute(l.task(alice, 10, "get()", nil)), api.CodeWrongEpoch)
}

// testBatchedState: a signed batch carries the batch's whole state change
// as one delta of the contract's chain (at the index after the state its
// first task ran on) and the state at that delta, which CheckState
// accepts; the per-task deltas stay in the leaves. The lane goes on with
// the signed batch's state before the chain took it, and those tasks go
// into the next batch, which chains to it.
func testBatchedState(t *testing.T, h *host) {
	u := h.newUser()
	c := h.deploy(u, h.secret(24))
	l := h.newLane(c)
	alice, bob := newPayer(t), newPayer(t)
	a, b := h.secret(24), h.secret(24)

	l.call(alice, 1, "set(bytes)", a)
	if _, out := l.call(bob, 1, "get()", nil); !bytes.Equal(out, a) {
		t.Fatalf("the second task of a batch did not run on the first one's state: got %x", out)
	}
	last, _ := l.call(alice, 2, "set(bytes)", b)
	sb0 := l.sign(0)
	if sb0.NewDeltaHash.IsZero() || sb0.DeltaIndex != 1 || sb0.NewDeltaHash == last.DeltaHash {
		t.Fatalf("batch 0: delta %s at index %d (the last task's delta is %s); want the batch's own delta at index 1", sb0.NewDeltaHash, sb0.DeltaIndex, last.DeltaHash)
	}

	// Batch 0 is not mined yet: the lane goes on with its state.
	if _, out := l.call(bob, 2, "get()", nil); !bytes.Equal(out, b) {
		t.Fatalf("the first task after a signed batch did not run on the batch's state: got %x", out)
	}
	c2 := h.secret(24)
	l.call(alice, 3, "set(bytes)", c2)
	sb1 := l.sign(1)
	if sb1.PrevDeltaHash != sb0.NewDeltaHash || sb1.DeltaIndex != 2 {
		t.Fatalf("batch 1 does not chain to batch 0: prev %s at index %d, want %s at 2", sb1.PrevDeltaHash, sb1.DeltaIndex, sb0.NewDeltaHash)
	}
	// Both land; a task with a record then runs on the last batch's state.
	l.land(sb0)
	l.land(sb1)
	key := h.taskKey(u)
	if out := h.output(key, h.execute(h.task(enclave.KindCompute, c, u, key, "get()", nil))); !bytes.Equal(out, c2) {
		t.Fatalf("a task with a record after the batches: got %x, want the last batch's value", out)
	}
}

// testBatchedNoStateChange: a batch whose tasks leave the state as they
// found it (read only, or changing it and putting it back) has a zero
// newDeltaHash and no delta or state; the lane goes on with the state it
// started from.
func testBatchedNoStateChange(t *testing.T, h *host) {
	u := h.newUser()
	init := h.secret(24)
	c := h.deploy(u, init)
	start := h.contract[c].lastDelta
	l := h.newLane(c)
	alice := newPayer(t)

	l.call(alice, 1, "get()", nil)
	l.call(alice, 2, "nop()", nil)
	if sb := l.sign(0); !sb.NewDeltaHash.IsZero() || sb.PrevDeltaHash != start {
		t.Fatalf("a read-only batch: %+v", sb)
	}
	if r, _ := l.call(alice, 3, "set(bytes)", h.secret(24)); r.DeltaHash.IsZero() {
		t.Fatal("set(bytes) changed nothing")
	}
	l.call(alice, 4, "set(bytes)", init)
	if sb := l.sign(1); !sb.NewDeltaHash.IsZero() || sb.PrevDeltaHash != start {
		t.Fatalf("a batch that put the state back: %+v", sb)
	}
	if _, out := l.call(alice, 5, "get()", nil); !bytes.Equal(out, init) {
		t.Fatalf("after batches that changed nothing: got %x, want the deploy's value", out)
	}
}

// testBatchedVoid: VoidBatch lets the tasks of a batch that did not land,
// and of every batch signed after it, run again, each only into a batch of
// at most the index it was signed in; it drops the tasks not yet signed,
// which run again freely. A task in a signed batch that was not voided
// never runs again. Signing the same tasks on the same state again gives
// the same batch, and a batch that changed nothing but holds tasks of a
// void batch ends at a new delta, so no batch signed before it can follow
// it on chain.
func testBatchedVoid(t *testing.T, h *host) {
	u := h.newUser()
	c := h.deploy(u, h.secret(24))
	l := h.newLane(c)
	alice, bob := newPayer(t), newPayer(t)

	a1, b1 := l.task(alice, 1, "set(bytes)", h.secret(24)), l.task(bob, 1, "set(bytes)", h.secret(24))
	l.run(a1)
	l.run(b1)
	sb0 := l.sign(0)
	a2 := l.task(alice, 2, "set(bytes)", h.secret(24))
	l.run(a2) // on batch 0's state, not signed yet
	// A task of a signed batch never runs again while its batch stands.
	wantCode(t, l.execute(a1), api.CodeReplay)

	// commitBatch reverted: the host voids batch 0 and starts again from
	// the chain's state.
	if v := h.voidBatch(c, 0); v.Reopened != 2 || v.Dropped != 1 {
		t.Fatalf("void batch 0: %+v, want 2 reopened and 1 dropped", v)
	}
	l.reset()
	l.run(a1)
	l.run(b1)
	// Not into a batch of a higher index than they were signed in.
	_, err := h.Worker.SignBatch(h.ctx, l.signRequest(1))
	wantCode(t, err, api.CodeReplay)
	again := l.sign(0)
	if !bytes.Equal(enclave.Marshal(enclave.TypeSignedBatch, again), enclave.Marshal(enclave.TypeSignedBatch, sb0)) {
		t.Fatalf("the same tasks on the same state signed again give another batch:\n%+v\n%+v", again, sb0)
	}
	wantCode(t, l.execute(a1), api.CodeReplay)
	// The dropped task was never signed: it goes into any batch.
	l.run(a2)
	sb1 := l.sign(1)
	l.land(again)
	l.land(sb1)

	// Two read-only batches on one state, both signed before either landed.
	r1, r2 := l.task(alice, 3, "get()", nil), l.task(bob, 2, "get()", nil)
	l.run(r1)
	sb2 := l.sign(2)
	l.run(r2)
	sb3 := l.sign(3)
	if !sb2.NewDeltaHash.IsZero() || !sb3.NewDeltaHash.IsZero() || sb3.PrevDeltaHash != sb2.PrevDeltaHash {
		t.Fatalf("read-only batches: %+v %+v", sb2, sb3)
	}
	// Batch 2 did not land: both are void. Batch 3's task may go into
	// batch 2; that batch then ends at a new delta, so the old batch 3,
	// which starts from the state batch 2 left, can never follow it.
	if v := h.voidBatch(c, 2); v.Reopened != 2 || v.Dropped != 0 {
		t.Fatalf("void batch 2: %+v, want 2 reopened", v)
	}
	l.reset()
	l.run(r2)
	sb2b := l.sign(2)
	if sb2b.NewDeltaHash.IsZero() || sb2b.NewDeltaHash == sb3.PrevDeltaHash {
		t.Fatalf("a read-only batch of a void batch's task ends at delta %s; the old batch 3 starts from %s", sb2b.NewDeltaHash, sb3.PrevDeltaHash)
	}
	if _, out := l.call(alice, 4, "get()", nil); out == nil {
		t.Fatal("no output after the batch")
	}
	// Voiding from an index no batch was signed at drops the open batch only.
	if v := h.voidBatch(c, 9); v.Reopened != 0 || v.Dropped != 1 {
		t.Fatalf("void batch 9: %+v, want 1 dropped", v)
	}
	_, err = h.Worker.SignBatch(h.ctx, l.signRequest(3))
	wantCode(t, err, api.CodeNotFound)
}

// testBatchedCallback: a batch commits state and fees under one root and
// carries no Ethereum callback, so a batched task whose function asks for
// one fails (CodeHostCall, naming the per-task path) and changes nothing:
// its state must not be committed without the Ethereum contract's say.
func testBatchedCallback(t *testing.T, h *host) {
	u := h.newUser()
	c := h.deploy(u, h.secret(24))
	start := h.contract[c].lastDelta
	l := h.newLane(c)
	alice := newPayer(t)
	r, out := l.call(alice, 1, "bridge(bytes)", bytes.Repeat([]byte{0xca}, 36))
	if r.Status != enclave.TaskFailure || api.Code(r.FailureCode) != api.CodeHostCall || len(r.EthPayload) != 0 || !r.DeltaHash.IsZero() {
		t.Fatalf("a batched task asking for a callback: %+v", r)
	}
	if !strings.Contains(string(out), "per task") {
		t.Fatalf("its failure text does not say what to do: %q", out)
	}
	if sb := l.sign(0); !sb.NewDeltaHash.IsZero() || sb.PrevDeltaHash != start {
		t.Fatalf("the batch changed the state: %+v", sb)
	}
}
