package bindings_test

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/internal/chain/bindings"
	"github.com/enigma-go/enigma/internal/chain/bindings/simenv"
	"github.com/enigma-go/enigma/internal/selection"
)

// TestSelectionAgreesWithContract runs the contract's selection code (the
// library getWorkerGroup uses, through SelectionHarness) and internal/selection
// on thousands of random epochs and contract addresses.
func TestSelectionAgreesWithContract(t *testing.T) {
	t.Parallel()
	env, err := simenv.New(simenv.Config{EpochSize: 10, TimeoutEpochs: 2})
	ok(t, err)
	defer env.Close()
	h := bindings.NewSelectionHarness()
	addr, err := env.Deploy(env.Owner, bindings.SelectionHarnessMetaData.Bin, nil)
	ok(t, err)
	harness := h.Instance(env.Client, addr)

	rng := rand.New(rand.NewPCG(1, 2))
	batches, perBatch := 16, 250
	if raceEnabled {
		batches = 4 // same code path, fewer cases: the race detector slows the EVM down
	}
	for b := 0; b < batches; b++ {
		var seeds []*big.Int
		var scs [][32]byte
		var stakes [][]*big.Int
		for i := 0; i < perBatch; i++ {
			seed := new(big.Int).SetUint64(rng.Uint64())
			seed.Lsh(seed, uint(rng.IntN(192)))
			var sc [32]byte
			for k := range sc {
				sc[k] = byte(rng.UintN(256))
			}
			n := 1 + rng.IntN(12)
			s := make([]*big.Int, n)
			for k := range s {
				switch rng.IntN(4) {
				case 0:
					s[k] = big.NewInt(1 + rng.Int64N(3)) // tiny stakes hit the r <= 0 edges
				default:
					s[k] = new(big.Int).SetUint64(1 + rng.Uint64N(1e16))
				}
			}
			seeds, scs, stakes = append(seeds, seed), append(scs, sc), append(stakes, s)
		}
		picked, err := bind.Call(harness, nil, h.PackSelectMany(seeds, scs, stakes), h.UnpackSelectMany)
		ok(t, err)
		for i := range seeds {
			p := selection.Params{Seed: seeds[i], Stakes: stakes[i]}
			for k := range stakes[i] {
				p.Workers = append(p.Workers, common.BigToAddress(big.NewInt(int64(k+1))))
			}
			w, err := selection.SelectOne(p, scs[i])
			ok(t, err)
			if want := w.Big().Int64() - 1; picked[i].Int64() != want {
				t.Fatalf("case %d/%d: contract picked %v, Go picked %d (seed %v, stakes %v)", b, i, picked[i], want, seeds[i], stakes[i])
			}
		}
	}
}

// TestWorkerGroupAgreesWithSelection checks getWorkerGroup itself, on real
// epochs, against internal/selection fed with getWorkerParams.
func TestWorkerGroupAgreesWithSelection(t *testing.T) {
	t.Parallel()
	cfg := simenv.DefaultConfig()
	cfg.Workers = 5
	env := newEnv(t, cfg)
	for e := 0; e < 3; e++ {
		r, err := env.NewEpoch(big.NewInt(int64(1000 + e)))
		ok(t, err)
		block := r.BlockNumber
		p := call(t, env, env.EnigmaABI.PackGetWorkerParams(block), env.EnigmaABI.UnpackGetWorkerParams)
		params := selection.Params{FirstBlock: p.Arg0.Uint64(), Seed: p.Arg1, Workers: p.Arg2, Stakes: p.Arg3}
		for i := 0; i < 60; i++ {
			sc := simenv.Hash(string(rune(e*100 + i)))
			group := call(t, env, env.EnigmaABI.PackGetWorkerGroup(block, sc), env.EnigmaABI.UnpackGetWorkerGroup)
			want, err := selection.Select(params, sc, 1)
			ok(t, err)
			if len(group) != 1 || group[0] != want[0] {
				t.Fatalf("epoch %d contract %x: getWorkerGroup %v, selection %v", e, sc, group, want)
			}
		}
	}
}
