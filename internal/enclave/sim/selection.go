package sim

import (
	"math/big"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/selection"
	"github.com/ethereum/go-ethereum/common"
)

// selectWorker is the worker selected for a contract in an epoch (the
// spec's selection, internal/selection, for a group of one). The key
// manager enclave recomputes it from the parameters it signed itself, never
// from what the host says. ok is false when the epoch cannot select anyone.
func selectWorker(seed [32]byte, contract api.ContractAddress, workers []api.EthAddress, stakes []*big.Int) (api.EthAddress, bool) {
	addrs := make([]common.Address, len(workers))
	for i, w := range workers {
		addrs[i] = common.Address(w)
	}
	w, err := selection.SelectOne(selection.Params{Seed: new(big.Int).SetBytes(seed[:]), Workers: addrs, Stakes: stakes}, contract)
	if err != nil {
		return api.EthAddress{}, false
	}
	return api.EthAddress(w), true
}
