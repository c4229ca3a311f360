package sim

import (
	"math/big"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
)

// selectWorker is the spec's worker selection for a group of one: the
// worker the contract, the client, the worker and the key manager all
// compute for a contract in an epoch. The key manager enclave recomputes it
// from the parameters it signed itself, never from what the host says.
//
//	h = keccak256(abi.encode(uint256 seed, bytes32 scAddr, uint256 nonce=0))
//	r = h mod sum(stakes); for i: r -= stakes[i]; if r <= 0 → workers[i]; else the last
func selectWorker(seed [32]byte, contract api.ContractAddress, workers []api.EthAddress, stakes []*big.Int) (api.EthAddress, bool) {
	if len(workers) == 0 || len(workers) != len(stakes) {
		return api.EthAddress{}, false
	}
	total := new(big.Int)
	for _, s := range stakes {
		total.Add(total, s)
	}
	if total.Sign() <= 0 {
		return api.EthAddress{}, false
	}
	var nonce [32]byte
	h := compat.Keccak256(seed[:], contract[:], nonce[:])
	r := new(big.Int).SetBytes(h[:])
	r.Mod(r, total)
	for i, s := range stakes {
		r.Sub(r, s)
		if r.Sign() <= 0 {
			return workers[i], true
		}
	}
	return workers[len(workers)-1], true
}
