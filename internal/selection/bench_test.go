package selection

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

func BenchmarkSelectOne100Workers(b *testing.B) {
	p := Params{Seed: big.NewInt(12345)}
	for i := 0; i < 100; i++ {
		p.Workers = append(p.Workers, common.Address{byte(i)})
		p.Stakes = append(p.Stakes, big.NewInt(int64(1e9+i)))
	}
	sc := [32]byte{1}
	for i := 0; i < b.N; i++ {
		sc[1] = byte(i)
		if _, err := SelectOne(p, sc); err != nil {
			b.Fatal(err)
		}
	}
}
