// Command flipcoin flips a fair coin inside the enclave and plays
// commit-and-guess without a commit-reveal scheme: the commitment is secret
// state that nobody can read until the guess removes it.
//
// Signatures follow the original Enigma flip-coin example.
package main

import (
	"github.com/enigma-go/enigma/sdk/contract"
)

const commitmentKey = "commitment"

func init() {
	contract.PrepareState(true)
	contract.Register("flip()", flip)
	contract.Register("commit(bool)", commit)
	contract.Register("guess(bool)", guess)
}

// flip returns a fair coin: the low bit of one random byte.
func flip(c *contract.Call) error {
	var b [1]byte
	contract.Rand(b[:])
	return c.Return(b[0]&1 == 1)
}

// commit stores player one's secret choice; a second commitment before the
// guess is ignored, as in the original.
func commit(c *contract.Call) error {
	var choice bool
	if err := c.Args(&choice); err != nil {
		return err
	}
	if _, ok := contract.Read[bool](commitmentKey); !ok {
		contract.Write(commitmentKey, choice)
	}
	return nil
}

// guess consumes the commitment and reports whether player two guessed it
// (false when nothing was committed).
func guess(c *contract.Call) error {
	var g bool
	if err := c.Args(&g); err != nil {
		return err
	}
	committed, ok := contract.Read[bool](commitmentKey)
	contract.Remove(commitmentKey)
	return c.Return(ok && committed == g)
}

func main() {}
