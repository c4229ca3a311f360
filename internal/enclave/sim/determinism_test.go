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

// Two workers holding a contract's state key give the same task (same id,
// same inputs) the same randomness; the same task id with other inputs, or
// another task, gets other randomness. The host never learns it.
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
		c.Runner = NewVMRunner(engine)
		w, err := NewWorker(c)
		if err != nil {
			t.Fatal(err)
		}
		w.stateKeys[contract] = stateKey
		return w
	}
	// inputs are one user's encrypted call, which the test hands to any
	// worker with the task key it was encrypted under.
	type inputs struct {
		upub           enclave.PublicKey
		key            [32]byte
		encFn, encArgs []byte
	}
	newInputs := func(fn string) inputs {
		user, _ := compat.GenerateKey(rand.Reader)
		in := inputs{upub: compat.PublicKeyBytes(&user.PublicKey)}
		rand.Read(in.key[:])
		in.encFn, _ = compat.Encrypt(in.key, []byte(fn), rand.Reader)
		in.encArgs, _ = compat.Encrypt(in.key, []byte("init"), rand.Reader)
		return in
	}
	// run executes the inputs as task id on w and returns the plaintext
	// output and the response.
	run := func(w *Worker, kind enclave.TaskKind, id api.TaskID, in inputs, state []byte, prev api.Hash) ([]byte, *enclave.ExecuteResponse) {
		w.keys.add(in.upub, taskKey{requester: [32]byte{}, epoch: 1, aes: in.key})
		x := contract[:]
		if kind == enclave.KindDeploy {
			h := compat.Keccak256(code)
			x = h[:]
		}
		req := &enclave.ExecuteRequest{Kind: kind, Envelope: enclave.EnvelopeCompat, TaskID: id, Contract: contract, Code: code,
			UserPubKey: in.upub, EncryptedFn: in.encFn, EncryptedArgs: in.encArgs, GasLimit: 1e6, Epoch: 1, BlockTime: 1_700_000_000,
			State: state, PrevDeltaHash: prev, InputsHash: compat.InputsHash(in.encFn, in.encArgs, x, in.upub[:])}
		r, err := w.Execute(ctx, req)
		if err != nil || r.Status != enclave.TaskSuccess {
			t.Fatalf("%x: %v %+v", id, err, r)
		}
		out, err := compat.Decrypt(in.key, r.Output)
		if err != nil {
			t.Fatal(err)
		}
		return out, r
	}

	a, b := newWorker(), newWorker()
	deploy := newInputs("construct(bytes)")
	_, da := run(a, enclave.KindDeploy, contract, deploy, nil, api.Hash{})
	_, db := run(b, enclave.KindDeploy, contract, deploy, nil, api.Hash{})
	task, in := api.Hash{0x7a}, newInputs("rand()")
	ra, resp := run(a, enclave.KindCompute, task, in, da.State, da.DeltaHash)
	rb, _ := run(b, enclave.KindCompute, task, in, db.State, db.DeltaHash)
	if len(ra) != 32 || !bytes.Equal(ra, rb) {
		t.Fatalf("two workers drew different randomness for one task: %x %x", ra, rb)
	}
	replayed, _ := run(b, enclave.KindCompute, api.Hash{0x7b}, newInputs("rand()"), db.State, db.DeltaHash)
	other, _ := run(a, enclave.KindCompute, api.Hash{0x7c}, newInputs("rand()"), da.State, da.DeltaHash)
	if bytes.Equal(other, ra) || bytes.Equal(replayed, ra) {
		t.Fatal("two tasks drew the same randomness")
	}
	c := newWorker()
	_, dc := run(c, enclave.KindDeploy, contract, deploy, nil, api.Hash{})
	if again, _ := run(c, enclave.KindCompute, task, newInputs("rand()"), dc.State, dc.DeltaHash); bytes.Equal(again, ra) {
		t.Fatal("the same task id with other inputs drew the task's randomness")
	}
	seed := taskSeed(stateKey, task, resp.InputsHash)
	if bytes.Contains(da.State, seed[:]) || bytes.Contains(da.Delta, ra) {
		t.Fatal("the task seed leaked")
	}
}
