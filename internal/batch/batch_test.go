package batch

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

func tasks(n int) []Task {
	out := make([]Task, n)
	for i := range out {
		out[i] = Task{TaskID: [32]byte{byte(i), 1}, User: common.Address{byte(i % 3)}, InputsHash: [32]byte{byte(i), 2},
			OutputHash: [32]byte{byte(i), 3}, GasUsed: uint64(1000 + i), Fee: big.NewInt(int64(100 * (i + 1))), Failed: i%4 == 1}
	}
	return out
}

func TestEveryTaskIsProvable(t *testing.T) {
	for _, n := range []int{1, 2, 3, 5, 8, 13, 100} {
		ts := tasks(n)
		tr, err := NewTree(ts)
		if err != nil {
			t.Fatal(err)
		}
		for i := range ts {
			p, err := tr.Proof(i)
			if err != nil {
				t.Fatal(err)
			}
			if !Verify(tr.Root(), ts[i], p) {
				t.Fatalf("n=%d: task %d does not verify", n, i)
			}
			forged := ts[i]
			forged.GasUsed++
			if Verify(tr.Root(), forged, p) {
				t.Fatalf("n=%d: altered task %d verifies", n, i)
			}
			flipped := ts[i]
			flipped.Failed = !flipped.Failed
			if Verify(tr.Root(), flipped, p) {
				t.Fatalf("n=%d: task %d verifies with its failed flag flipped", n, i)
			}
		}
	}
	if _, err := NewTree(nil); err != ErrEmpty {
		t.Fatalf("empty batch: %v", err)
	}
}

func TestTotals(t *testing.T) {
	users, fees := Totals(tasks(5))
	if len(users) != 3 || fees[0].Int64() != 100+400 || fees[1].Int64() != 200+500 || fees[2].Int64() != 300 {
		t.Fatalf("Totals = %v %v", users, fees)
	}
}

// LeafHash is keccak256(0x00 ‖ abi.encode(taskId, inputsHash, outputHash,
// deltaHash, uint64 gasUsed, uint256 fee, bool failed)), as the contract's
// Merkle library computes it.
func TestLeafHashIsTheABIEncoding(t *testing.T) {
	ty := func(name string) abi.Type {
		x, err := abi.NewType(name, "", nil)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	b32, u64, u256, boolean := ty("bytes32"), ty("uint64"), ty("uint256"), ty("bool")
	args := abi.Arguments{{Type: b32}, {Type: b32}, {Type: b32}, {Type: b32}, {Type: u64}, {Type: u256}, {Type: boolean}}
	for _, tk := range tasks(3) {
		enc, err := args.Pack(tk.TaskID, tk.InputsHash, tk.OutputHash, tk.DeltaHash, tk.GasUsed, tk.Fee, tk.Failed)
		if err != nil {
			t.Fatal(err)
		}
		if want := [32]byte(crypto.Keccak256(append([]byte{0x00}, enc...))); LeafHash(tk) != want {
			t.Fatalf("leaf of %+v: %x, want %x", tk, LeafHash(tk), want)
		}
	}
}
