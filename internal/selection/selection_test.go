package selection

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

func params(stakes ...int64) Params {
	p := Params{Seed: big.NewInt(42)}
	for i, s := range stakes {
		p.Workers = append(p.Workers, common.Address{byte(i + 1)})
		p.Stakes = append(p.Stakes, big.NewInt(s))
	}
	return p
}

func TestSelectIsStakeWeighted(t *testing.T) {
	p := params(1, 0, 9)
	counts := map[common.Address]int{}
	for i := 0; i < 2000; i++ {
		var sc [32]byte
		sc[0], sc[1] = byte(i), byte(i>>8)
		w, err := SelectOne(p, sc)
		if err != nil {
			t.Fatal(err)
		}
		counts[w]++
	}
	if counts[p.Workers[1]] != 0 {
		// r = 0 selects worker 0, so a zero stake never wins unless first.
		t.Fatalf("worker with zero stake selected %d times", counts[p.Workers[1]])
	}
	// r is uniform in [0,10): r = 0 and r = 1 go to worker 0 (r <= 0 after
	// its stake), r = 2..9 to worker 2: 80%, the original's slight bias.
	if c := counts[p.Workers[2]]; c < 1500 || c > 1700 {
		t.Fatalf("worker with 90%% of the stake selected %d/2000 times, want about 80%%", c)
	}
}

func TestSelectGroupIsDistinct(t *testing.T) {
	p := params(5, 5, 5, 5)
	g, err := Select(p, [32]byte{1}, 3)
	if err != nil || len(g) != 3 {
		t.Fatalf("Select: %v %v", g, err)
	}
	if g[0] == g[1] || g[1] == g[2] || g[0] == g[2] {
		t.Fatalf("group has duplicates: %v", g)
	}
	g, _ = Select(p, [32]byte{1}, 10)
	if len(g) != 4 {
		t.Fatalf("group larger than the worker set: %v", g)
	}
	first, _ := SelectOne(p, [32]byte{1})
	if g[0] != first {
		t.Fatal("group's first member is not the task's worker")
	}
}

func TestSelectErrors(t *testing.T) {
	if _, err := SelectOne(Params{Seed: big.NewInt(1)}, [32]byte{}); err != ErrNoWorkers {
		t.Fatalf("empty epoch: %v", err)
	}
	if _, err := SelectOne(params(0, 0), [32]byte{}); err != ErrZeroStake {
		t.Fatalf("zero stake: %v", err)
	}
	p := params(1)
	p.Stakes = nil
	if _, err := SelectOne(p, [32]byte{}); err != ErrMismatch {
		t.Fatalf("mismatch: %v", err)
	}
	if _, err := Select(params(1), [32]byte{}, 0); err != ErrBadGroupSize {
		t.Fatalf("group size 0: %v", err)
	}
}

// TestDrawEncoding pins the draw encoding: keccak256 of three 32-byte words.
func TestDrawEncoding(t *testing.T) {
	sc := [32]byte{0xaa}
	var buf [96]byte
	buf[31] = 7
	copy(buf[32:], sc[:])
	buf[95] = 2
	want := new(big.Int).SetBytes(crypto.Keccak256(buf[:]))
	if got := Draw(big.NewInt(7), sc, 2); got.Cmp(want) != 0 {
		t.Fatalf("Draw = %x, want %x", got, want)
	}
}
