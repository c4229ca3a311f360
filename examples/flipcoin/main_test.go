//go:build !wasip1

package main

import (
	"testing"

	"github.com/enigma-go/enigma/sdk/contract"
)

func boolOut(t *testing.T, res *contract.Result, err error) bool {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	var b bool
	if err := contract.DecodeArgs("(bool)", res.Output, &b); err != nil {
		t.Fatal(err)
	}
	return b
}

func TestFlipIsFairAndReproducible(t *testing.T) {
	h := contract.NewTestHost()
	h.Seed[0] = 42
	heads := 0
	var first []bool
	for range 400 {
		res, err := h.Call("flip()")
		b := boolOut(t, res, err)
		first = append(first, b)
		if b {
			heads++
		}
	}
	if heads < 150 || heads > 250 {
		t.Fatalf("%d heads in 400 flips", heads)
	}
	h2 := contract.NewTestHost()
	h2.Seed[0] = 42
	for i := range 20 {
		res, err := h2.Call("flip()")
		if boolOut(t, res, err) != first[i] {
			t.Fatal("flips are not a function of the seed")
		}
	}
}

func TestCommitGuess(t *testing.T) {
	h := contract.NewTestHost()
	if _, err := h.Call("commit(bool)", true); err != nil {
		t.Fatal(err)
	}
	if _, err := h.Call("commit(bool)", false); err != nil { // ignored
		t.Fatal(err)
	}
	res, err := h.Call("guess(bool)", true)
	if !boolOut(t, res, err) {
		t.Fatal("right guess lost")
	}
	res, err = h.Call("guess(bool)", true)
	if boolOut(t, res, err) {
		t.Fatal("guess without a commitment won")
	}
	if len(h.State) != 0 {
		t.Fatalf("state left: %v", h.State)
	}
}
