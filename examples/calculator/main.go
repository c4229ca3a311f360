// Command calculator is the simplest secret contract: four checked uint256
// operations whose inputs and result stay encrypted to everyone but the
// caller. Its signatures are those of the original Enigma calculator, so
// enigma-js drives it with the same calls.
//
// Build it with `enigma contract build examples/calculator`.
package main

import (
	"errors"

	"github.com/enigma-go/enigma/sdk/contract"
)

func init() {
	contract.Register("add(uint256,uint256)", binary(contract.Uint256.Add, "addition overflow"))
	contract.Register("sub(uint256,uint256)", binary(contract.Uint256.Sub, "subtraction overflow"))
	contract.Register("mul(uint256,uint256)", binary(contract.Uint256.Mul, "multiplication overflow"))
	contract.Register("div(uint256,uint256)", binary(contract.Uint256.Div, "division by zero"))
}

// binary adapts a checked operation to a public function: the task fails
// with failMsg when the operation does not fit in 256 bits.
func binary(op func(a, b contract.Uint256) (contract.Uint256, bool), failMsg string) contract.Handler {
	return func(c *contract.Call) error {
		var a, b contract.Uint256
		if err := c.Args(&a, &b); err != nil {
			return err
		}
		r, ok := op(a, b)
		if !ok {
			return errors.New(failMsg)
		}
		return c.Return(r)
	}
}

func main() {}
