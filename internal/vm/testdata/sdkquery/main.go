// Command sdkquery is a contract written with sdk/contract for the VM's
// query tests: a task sets a number, queries read it with their caller.
package main

import "github.com/enigma-go/enigma/sdk/contract"

func init() {
	contract.Register("set(uint256)", func(c *contract.Call) error {
		var n contract.Uint256
		if err := c.Args(&n); err != nil {
			return err
		}
		contract.Write("n", n)
		return nil
	})
	contract.Register("hascaller()", func(c *contract.Call) error {
		_, ok := c.Caller()
		return c.Return(ok)
	})
	contract.Query("whoami()", func(c *contract.Call) error {
		a, ok := c.Caller()
		contract.Require(ok, "no caller")
		return c.Return(a, contract.ReadOr("n", contract.Uint256{}))
	})
	contract.Query("bump()", func(c *contract.Call) error {
		contract.Write("n", contract.NewUint256(0))
		return nil
	})
}

func main() {}
