//go:build !wasip1

package main

import (
	"testing"

	"github.com/enigma-go/enigma/sdk/contract"
)

func TestPokerDeal(t *testing.T) {
	h := contract.NewTestHost()
	h.Seed[0] = 7
	tokens := []contract.Bytes32{{1}, {2}, {3}}
	var players []contract.Bytes32
	for _, tok := range tokens {
		players = append(players, contract.Keccak256(tok[:]))
	}
	res, err := h.Call("new_game(bytes32[])", players)
	if err != nil {
		t.Fatal(err)
	}
	var id contract.Uint256
	if err := contract.DecodeArgs("(uint256)", res.Output, &id); err != nil || !id.IsZero() {
		t.Fatalf("game id %v %v", id, err)
	}
	seen := map[int]bool{}
	for _, tok := range tokens {
		res, err := h.Call("my_cards(uint256,bytes32)", id, tok)
		if err != nil {
			t.Fatal(err)
		}
		var hand [2]uint8
		if err := contract.DecodeArgs("(uint8[2])", res.Output, &hand); err != nil {
			t.Fatal(err)
		}
		for _, card := range hand {
			if int(card) >= deckSize || seen[int(card)] {
				t.Fatalf("card %d dealt twice or out of the deck", card)
			}
			seen[int(card)] = true
		}
	}
	if _, err := h.Call("my_cards(uint256,bytes32)", id, contract.Bytes32{9}); err == nil {
		t.Fatal("a stranger saw cards")
	}
	board := func() []uint8 {
		res, err := h.Call("community(uint256)", id)
		if err != nil {
			t.Fatal(err)
		}
		var b []uint8
		if err := contract.DecodeArgs("(uint8[])", res.Output, &b); err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, want := range []int{0, 3, 4, 5} {
		if b := board(); len(b) != want {
			t.Fatalf("board %v, want %d cards", b, want)
		}
		if want < 5 {
			if _, err := h.Call("next_stage(uint256)", id); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, card := range board() {
		if seen[int(card)] {
			t.Fatalf("community card %d is also in a hand", card)
		}
	}
	if _, err := h.Call("next_stage(uint256)", id); err == nil {
		t.Fatal("a sixth community card")
	}
	if _, err := h.Call("new_game(bytes32[])", players[:1]); err == nil {
		t.Fatal("a one-player game")
	}
}

// TestShuffleIsUniform checks the first card's distribution over many
// shuffles: every card should lead about equally often.
func TestShuffleIsUniform(t *testing.T) {
	h := contract.NewTestHost()
	counts := make([]int, deckSize)
	const n = 5200
	if err := h.Do(func() {
		for range n {
			counts[shuffle()[0]]++
		}
	}); err != nil {
		t.Fatal(err)
	}
	for card, k := range counts {
		if k < 50 || k > 160 { // expected 100; these bounds are > 5 sigma away
			t.Fatalf("card %d led %d times out of %d", card, k, n)
		}
	}
}
