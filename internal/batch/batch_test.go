package batch

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

func tasks(n int) []Task {
	out := make([]Task, n)
	for i := range out {
		out[i] = Task{TaskID: [32]byte{byte(i), 1}, User: common.Address{byte(i % 3)}, InputsHash: [32]byte{byte(i), 2},
			OutputHash: [32]byte{byte(i), 3}, GasUsed: uint64(1000 + i), Fee: big.NewInt(int64(100 * (i + 1)))}
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
