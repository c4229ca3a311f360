// Command badinit registers a function twice, a bug the SDK reports when
// the module initialises.
package main

import "github.com/enigma-go/enigma/sdk/contract"

func init() {
	h := func(c *contract.Call) error { return nil }
	contract.Register("f(uint256)", h)
	contract.Register("f(uint)", h)
}

func main() {}
