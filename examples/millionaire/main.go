// Command millionaire solves Yao's millionaires' problem as a secret
// contract: each millionaire adds their net worth, and anyone can learn who
// is richest without anyone, the workers included, learning the amounts.
//
// Signatures and state layout follow the original Enigma example, so
// enigma-js drives it with the same calls (the original integration tests
// pass the address as bytes32, which reaches the same function).
package main

import (
	"github.com/enigma-go/enigma/sdk/contract"
)

// millionairesKey holds the list of millionaires, as the original stores it.
const millionairesKey = "millionaires"

// millionaire is one entry; the JSON field names are the original's.
type millionaire struct {
	Address  contract.Bytes32 `json:"address"`
	NetWorth contract.Uint256 `json:"net_worth"`
}

func init() {
	contract.PrepareState([]millionaire{{}})
	contract.Register("add_millionaire(address,uint256)", addMillionaire)
	contract.Register("compute_richest()", computeRichest)
}

// addMillionaire records a millionaire. The address is read as the 32-byte
// word it is encoded in, so callers passing it as address or as bytes32 (as
// the original tests do) both work.
func addMillionaire(c *contract.Call) error {
	var m millionaire
	if err := contract.DecodeArgs("(bytes32,uint256)", c.RawArgs(), &m.Address, &m.NetWorth); err != nil {
		return err
	}
	list := contract.ReadOr(millionairesKey, []millionaire{})
	contract.Write(millionairesKey, append(list, m))
	return nil
}

// computeRichest returns the richest millionaire's address (the first one
// added on a tie), or zero when there is none. The 32-byte word returned is
// the ABI encoding of the address.
func computeRichest(c *contract.Call) error {
	var richest millionaire
	for i, m := range contract.ReadOr(millionairesKey, []millionaire{}) {
		if i == 0 || m.NetWorth.Cmp(richest.NetWorth) > 0 {
			richest = m
		}
	}
	return c.Return(richest.Address)
}

func main() {}
