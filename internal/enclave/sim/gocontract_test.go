package sim

import (
	"context"
	"crypto/rand"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/sdk/contract/build"
)

// A Go contract (examples/calculator, built for wasip1 with the SDK) runs
// through the enclave like an eng_wasm one: deploy, then add(76,17) = 93,
// with ABI-encoded arguments and returns.
func TestGoContractThroughEnclave(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("builds and compiles a Go contract: too slow for -short and -race")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command to build the contract")
	}
	ctx := context.Background()
	built, err := build.Contract(ctx, build.Options{Dir: filepath.Join("..", "..", "..", "examples", "calculator"), Out: filepath.Join(t.TempDir(), "calc.wasm")})
	if err != nil {
		t.Fatal(err)
	}
	code := readFile(t, built.Path)

	c := DefaultConfig()
	c.SealKeyFile = filepath.Join(t.TempDir(), "seal")
	c.Runner = NewVMRunner(newEngine(t))
	w, err := NewWorker(c)
	if err != nil {
		t.Fatal(err)
	}
	contract := api.Hash{0xca, 0x1c}
	w.stateKeys[contract] = [32]byte{1} // as if the key manager had provided it

	user, _ := compat.GenerateKey(rand.Reader)
	upub := compat.PublicKeyBytes(&user.PublicKey)
	run := func(kind enclave.TaskKind, id api.Hash, fn string, args, state []byte, prev api.Hash) (*enclave.ExecuteResponse, []byte) {
		tk, err := w.NewTaskKey(ctx, &enclave.TaskKeyRequest{UserPubKey: upub, Epoch: 1})
		if err != nil {
			t.Fatal(err)
		}
		wpub, _ := compat.ParsePublicKey(tk.WorkerPubKey[:])
		key := compat.DeriveKey(user, wpub)
		encFn, _ := compat.Encrypt(key, []byte(fn), rand.Reader)
		encArgs, _ := compat.Encrypt(key, args, rand.Reader)
		x := contract[:]
		if kind == enclave.KindDeploy {
			h := compat.Keccak256(code)
			x = h[:]
		}
		r, err := w.Execute(ctx, &enclave.ExecuteRequest{Kind: kind, Envelope: enclave.EnvelopeCompat, TaskID: id, Contract: contract,
			Code: code, UserPubKey: upub, EncryptedFn: encFn, EncryptedArgs: encArgs, GasLimit: 50_000_000, Epoch: 1,
			BlockTime: 1_700_000_000, State: state, PrevDeltaHash: prev, InputsHash: compat.InputsHash(encFn, encArgs, x, upub[:])})
		if err != nil || r.Status != enclave.TaskSuccess {
			t.Fatalf("%s: %v %+v", fn, err, r)
		}
		out, err := compat.Decrypt(key, r.Output)
		if err != nil {
			t.Fatal(err)
		}
		return r, out
	}
	d, _ := run(enclave.KindDeploy, contract, "construct()", nil, nil, api.Hash{})
	args := make([]byte, 64)
	big.NewInt(76).FillBytes(args[:32])
	big.NewInt(17).FillBytes(args[32:])
	_, out := run(enclave.KindCompute, api.Hash{1}, "add(uint256,uint256)", args, d.State, d.DeltaHash)
	if len(out) != 32 || new(big.Int).SetBytes(out).Int64() != 93 {
		t.Fatalf("add(76,17) returned %x", out)
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
