// Command edge is a contract that misbehaves on purpose, so the tests can
// check that every way a Go contract can fail ends its task cleanly.
package main

import (
	"github.com/enigma-go/enigma/sdk/contract"
)

func init() {
	contract.Register("nil_map()", func(c *contract.Call) error {
		var m map[string]int
		m["x"] = 1
		return nil
	})
	contract.Register("index(uint256)", func(c *contract.Call) error {
		var i uint64
		if err := c.Args(&i); err != nil {
			return err
		}
		return c.Return([]uint64{1, 2, 3}[i])
	})
	contract.Register("loop()", func(c *contract.Call) error {
		for {
			contract.Write("spin", 1)
		}
	})
	contract.Register("recurse(uint256)", func(c *contract.Call) error {
		var n uint64
		if err := c.Args(&n); err != nil {
			return err
		}
		return c.Return(recurse(n))
	})
	contract.Register("grow(uint256)", func(c *contract.Call) error {
		var mib uint64
		if err := c.Args(&mib); err != nil {
			return err
		}
		var keep [][]byte
		for range mib {
			keep = append(keep, make([]byte, 1<<20))
		}
		return c.Return(uint64(len(keep)))
	})
	contract.Register("write_then_fail()", func(c *contract.Call) error {
		contract.Write("dirty", true)
		contract.Fail("refused after writing")
		return nil
	})
	contract.Register("echo(uint256[],string,bytes32[2])", func(c *contract.Call) error {
		var a []contract.Uint256
		var s string
		var b [2]contract.Bytes32
		if err := c.Args(&a, &s, &b); err != nil {
			return err
		}
		return c.Return(a, s, b)
	})
	contract.Register("state_roundtrip()", func(c *contract.Call) error {
		_, had := contract.Read[string]("missing")
		contract.Write("k", map[string]contract.Uint256{"v": contract.NewUint256(10)})
		m, ok := contract.Read[map[string]contract.Uint256]("k")
		contract.Remove("k")
		_, still := contract.Read[string]("k")
		return c.Return(!had && ok && m["v"] == contract.NewUint256(10) && !still)
	})
	contract.Register("crypto()", func(c *contract.Call) error {
		key := contract.NewKey()
		sealed := contract.Encrypt([]byte("secret"), key)
		plain, err := contract.Decrypt(sealed, key)
		if err != nil {
			return err
		}
		contract.Print("sealed %d bytes", len(sealed))
		return c.Return(string(plain), sealed)
	})
	contract.Register("tamper()", func(c *contract.Call) error {
		key := contract.NewKey()
		sealed := contract.Encrypt([]byte("secret"), key)
		sealed[0] ^= 1
		_, err := contract.Decrypt(sealed, key)
		return err
	})
}

func recurse(n uint64) uint64 {
	if n == 0 {
		return 0
	}
	return 1 + recurse(n-1)
}

func main() {}
