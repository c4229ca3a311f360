package batch

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

// FuzzTree checks that every task of a batch of any size is provable and
// that a proof never proves another task of the batch.
func FuzzTree(f *testing.F) {
	f.Add(uint8(1), uint8(0), uint64(7))
	f.Add(uint8(7), uint8(3), uint64(1))
	f.Add(uint8(200), uint8(199), uint64(123))
	f.Fuzz(func(t *testing.T, n, pick uint8, salt uint64) {
		if n == 0 {
			return
		}
		ts := make([]Task, n)
		for i := range ts {
			ts[i] = Task{TaskID: [32]byte{byte(i), byte(salt)}, User: common.Address{byte(i)}, GasUsed: salt + uint64(i), Fee: big.NewInt(int64(i)), Failed: (salt>>uint(i%64))&1 == 1}
		}
		tr, err := NewTree(ts)
		if err != nil {
			t.Fatal(err)
		}
		i := int(pick) % int(n)
		p, err := tr.Proof(i)
		if err != nil {
			t.Fatal(err)
		}
		if !Verify(tr.Root(), ts[i], p) {
			t.Fatalf("task %d of %d does not verify", i, n)
		}
		flipped := ts[i]
		flipped.Failed = !flipped.Failed
		if Verify(tr.Root(), flipped, p) {
			t.Fatalf("task %d of %d verifies with its failed flag flipped", i, n)
		}
		if n > 1 {
			j := (i + 1) % int(n)
			if Verify(tr.Root(), ts[j], p) {
				t.Fatalf("proof of task %d proves task %d", i, j)
			}
		}
	})
}

func BenchmarkTree100(b *testing.B) {
	ts := make([]Task, 100)
	for i := range ts {
		ts[i] = Task{TaskID: [32]byte{byte(i)}, Fee: big.NewInt(1)}
	}
	for i := 0; i < b.N; i++ {
		tr, _ := NewTree(ts)
		for k := range ts {
			_, _ = tr.Proof(k)
		}
	}
}
