package sim

import (
	"bytes"
	"context"
	"crypto/rand"
	"path/filepath"
	"testing"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/enclave/testcontract"
	"github.com/enigma-go/enigma/internal/vm"
)

// Two workers holding a contract's state key give a task the same
// randomness; another task gets other randomness. The host never learns it.
func TestTaskRandomnessIsSharedAndSecret(t *testing.T) {
	ctx := context.Background()
	engine, err := vm.NewEngine(ctx, vm.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	defer engine.Close(ctx)
	code := testcontract.Contract()
	contract := api.Hash{0xc0}
	stateKey := [32]byte{0x5e}

	newWorker := func() *Worker {
		c := DefaultConfig()
		c.SealKeyFile = filepath.Join(t.TempDir(), "seal")
		c.AttestationKey, _ = compat.GenerateKey(rand.Reader)
		c.Runner = NewVMRunner(engine)
		w, err := NewWorker(c)
		if err != nil {
			t.Fatal(err)
		}
		w.stateKeys[contract] = stateKey
		return w
	}
	// run executes kind on w with a fresh user and returns the plaintext
	// output and the response.
	run := func(w *Worker, kind enclave.TaskKind, id api.TaskID, fn string, state []byte, prev api.Hash) ([]byte, *enclave.ExecuteResponse) {
		user, _ := compat.GenerateKey(rand.Reader)
		upub := compat.PublicKeyBytes(&user.PublicKey)
		tk, err := w.NewTaskKey(ctx, &enclave.TaskKeyRequest{UserPubKey: upub, Epoch: 1})
		if err != nil {
			t.Fatal(err)
		}
		wpub, _ := compat.ParsePublicKey(tk.WorkerPubKey[:])
		key := compat.DeriveKey(user, wpub)
		encFn, _ := compat.Encrypt(key, []byte(fn), rand.Reader)
		encArgs, _ := compat.Encrypt(key, []byte("init"), rand.Reader)
		x := contract[:]
		if kind == enclave.KindDeploy {
			h := compat.Keccak256(code)
			x = h[:]
		}
		req := &enclave.ExecuteRequest{Kind: kind, Envelope: enclave.EnvelopeCompat, TaskID: id, Contract: contract, Code: code,
			UserPubKey: upub, EncryptedFn: encFn, EncryptedArgs: encArgs, GasLimit: 1e6, Epoch: 1, BlockTime: 1_700_000_000,
			State: state, PrevDeltaHash: prev, InputsHash: compat.InputsHash(encFn, encArgs, x, upub[:])}
		r, err := w.Execute(ctx, req)
		if err != nil || r.Status != enclave.TaskSuccess {
			t.Fatalf("%s: %v %+v", fn, err, r)
		}
		out, err := compat.Decrypt(key, r.Output)
		if err != nil {
			t.Fatal(err)
		}
		return out, r
	}

	a, b := newWorker(), newWorker()
	_, da := run(a, enclave.KindDeploy, contract, "construct(bytes)", nil, api.Hash{})
	_, db := run(b, enclave.KindDeploy, contract, "construct(bytes)", nil, api.Hash{})
	task := api.Hash{0x7a}
	ra, _ := run(a, enclave.KindCompute, task, "rand()", da.State, da.DeltaHash)
	rb, _ := run(b, enclave.KindCompute, task, "rand()", db.State, db.DeltaHash)
	if len(ra) != 32 || !bytes.Equal(ra, rb) {
		t.Fatalf("two workers drew different randomness for one task: %x %x", ra, rb)
	}
	other, _ := run(a, enclave.KindCompute, api.Hash{0x7b}, "rand()", da.State, da.DeltaHash)
	if bytes.Equal(other, ra) {
		t.Fatal("two tasks drew the same randomness")
	}
	seed := taskSeed(stateKey, task)
	if bytes.Contains(da.State, seed[:]) || bytes.Contains(da.Delta, ra) {
		t.Fatal("the task seed leaked")
	}
}
