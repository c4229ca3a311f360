package attack_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/enclave/sim"
)

// persistHold has enc hold a task as a worker host does when it accepts
// it (before it acknowledges it) and returns the blob the host stores.
func persistHold(t *testing.T, n *network, enc *sim.Worker, req *enclave.ExecuteRequest) []byte {
	t.Helper()
	held, err := persistHoldErr(n, enc, req)
	if err != nil {
		t.Fatalf("hold task %s: %v", req.TaskID, err)
	}
	return held
}

func persistHoldErr(n *network, enc *sim.Worker, req *enclave.ExecuteRequest) ([]byte, error) {
	task := *req
	task.Code, task.State, task.PrevDeltaHash, task.Held = nil, nil, api.Hash{}, nil
	r, err := enc.HoldTask(n.ctx, &enclave.HoldTaskRequest{Task: task})
	if err != nil {
		return nil, err
	}
	return r.Blob, nil
}

// persistCommit commits a compute receipt on chain from the host's
// custodian, as the worker does.
func persistCommit(n *network, custodian chain.Account, req *enclave.ExecuteRequest, r *enclave.ExecuteResponse) error {
	_, err := n.e.CommitReceipt(n.ctx, custodian, chain.ComputeReceipt{ScAddr: req.Contract, TaskID: req.TaskID,
		StateDeltaHash: r.DeltaHash, OutputHash: r.OutputHash, EthData: r.EthPayload, EthAddr: common.Address(r.EthAddress),
		GasUsed: r.GasUsed, Sig: r.Signature[:]})
	return err
}

// Attack: the host of the selected worker keeps the blob its enclave sealed
// a user's task into when the worker accepted it (enclave.HoldTask, which
// lets an accepted task survive a crash), and runs the task again with it
// after the receipt is on chain: in the same enclave, and in a restarted
// instance (which forgets the tasks it ran), to get a second receipt or
// another result of the user's inputs. The same enclave refuses the blob
// (and a second hold) as a replay; the restarted one, given the same state,
// returns byte for byte the receipt it gave the first time (every
// ciphertext's IV is derived from the task and its plaintext), so the host
// learns nothing new, and the chain refuses it as already final.
func TestAttackPersistReplayHeldTask(t *testing.T) {
	t.Parallel()
	n := start(t, 0)
	sc := n.deploy(n.client(0), "v0")
	host, epoch := n.selectedHost(sc)
	value := []byte("the user's new value")
	req, key := n.handTask(host, epoch, n.user(1), sc, "set(bytes)", value)
	req.Held = persistHold(t, n, host.Enclave, req)
	first, err := host.Enclave.Execute(n.ctx, req)
	if err != nil || first.Status != enclave.TaskSuccess {
		t.Fatalf("the held task: %v %+v", err, first)
	}
	if out, err := compat.Decrypt(key, first.Output); err != nil || !bytes.Equal(out, value) {
		t.Fatalf("the user reads %q (%v)", out, err)
	}
	if err := persistCommit(n, host.Custodian, req, first); err != nil {
		t.Fatal(err)
	}
	if s := n.status(req.TaskID); s != api.ChainReceiptVerified {
		t.Fatalf("status %s after the receipt", s)
	}

	if _, err := host.Enclave.Execute(n.ctx, req); api.CodeOf(err) != api.CodeReplay {
		t.Fatalf("the same enclave ran the held task again: %v", err)
	}
	if _, err := persistHoldErr(n, host.Enclave, req); api.CodeOf(err) != api.CodeReplay {
		t.Fatalf("the same enclave held the task again: %v", err)
	}

	restarted := restartEnclave(t, n, host)
	again, err := restarted.Execute(n.ctx, req)
	if err != nil {
		t.Fatalf("the restarted enclave on the same state: %v", err)
	}
	if !bytes.Equal(enclave.Marshal(enclave.TypeExecuteResponse, first), enclave.Marshal(enclave.TypeExecuteResponse, again)) {
		t.Fatal("a held task run again gave a second, different receipt")
	}
	if err := persistCommit(n, host.Custodian, req, again); err == nil {
		t.Fatal("the chain took a second receipt of a final task")
	}
	if s := n.status(req.TaskID); s != api.ChainReceiptVerified {
		t.Fatalf("status %s after the replay", s)
	}
}

// Attack: the host of the selected worker edits the tasks it stored when it
// accepted them: it runs one task with the blob of another (to run the
// other's inputs under this task's record, or to learn whether the blobs
// hold the same key), with altered bytes, under other inputs, or hands the
// blob to another enclave (its other worker, or a fresh identity). The
// blob opens only in the enclave that sealed it, for its own task id and
// inputs hash, unaltered: every try is refused as tampered, before
// anything runs, and the real tasks still run with their own blobs.
func TestAttackPersistForgedHeldTask(t *testing.T) {
	t.Parallel()
	n := start(t, 0)
	sc := n.deploy(n.client(0), "v0")
	host, epoch := n.selectedHost(sc)
	a, keyA := n.handTask(host, epoch, n.user(1), sc, "set(bytes)", []byte("a"))
	b, keyB := n.handTask(host, epoch, n.user(2), sc, "get()", nil)
	a.Held = persistHold(t, n, host.Enclave, a)
	b.Held = persistHold(t, n, host.Enclave, b)

	forged := map[string]*enclave.ExecuteRequest{}
	swapped := *b
	swapped.Held = a.Held
	forged["another task's blob"] = &swapped
	for _, i := range []int{0, 7, len(a.Held) / 2, len(a.Held) - 13, len(a.Held) - 1} {
		altered := *a
		altered.Held = bytes.Clone(a.Held)
		altered.Held[i] ^= 0x40
		forged[fmt.Sprintf("a blob altered at byte %d", i)] = &altered
	}
	other := *a
	other.EncryptedArgs = append([]byte(nil), b.EncryptedArgs...)
	other.InputsHash = compat.InputsHash(other.EncryptedFn, other.EncryptedArgs, sc[:], other.UserPubKey[:])
	forged["the blob with other inputs"] = &other
	for name, req := range forged {
		if r, err := host.Enclave.Execute(n.ctx, req); api.CodeOf(err) != api.CodeTampered {
			t.Fatalf("%s: %v %+v; want CodeTampered", name, err, r)
		}
	}
	for i, w := range n.d.Workers() {
		if w == host.Enclave.Address() {
			continue
		}
		if _, err := n.d.WorkerHost(i).Enclave.Execute(n.ctx, a); api.CodeOf(err) != api.CodeTampered {
			t.Fatalf("worker %d's enclave ran another enclave's blob: %v", i, err)
		}
	}
	fresh := newEnclave(t, n, t.TempDir()+"/seal.key", nil)
	if _, err := fresh.Execute(n.ctx, a); api.CodeOf(err) != api.CodeTampered {
		t.Fatalf("a fresh enclave ran the blob: %v", err)
	}

	// Nothing was spent: both tasks run with their own blobs.
	ra, err := host.Enclave.Execute(n.ctx, a)
	if err != nil || ra.Status != enclave.TaskSuccess {
		t.Fatalf("task a after the forgeries: %v %+v", err, ra)
	}
	b.State, b.PrevDeltaHash = ra.State, ra.DeltaHash
	rb, err := host.Enclave.Execute(n.ctx, b)
	if err != nil || rb.Status != enclave.TaskSuccess {
		t.Fatalf("task b after the forgeries: %v %+v", err, rb)
	}
	if out, err := compat.Decrypt(keyA, ra.Output); err != nil || string(out) != "a" {
		t.Fatalf("user 1 reads %q (%v)", out, err)
	}
	if out, err := compat.Decrypt(keyB, rb.Output); err != nil || string(out) != "a" {
		t.Fatalf("user 2 reads %q (%v)", out, err)
	}
}
