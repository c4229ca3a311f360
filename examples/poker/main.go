// Command poker deals Texas hold'em from a deck shuffled inside the
// enclave: nobody, the workers included, can see or bias the order, each
// player sees only their own pocket cards, and the community cards are
// revealed stage by stage.
//
// Players are identified by secrets: a game is opened with the Keccak-256 of
// each player's token, and a player reads their cards by presenting the
// token itself (task inputs are encrypted, so it never leaves the enclave).
// Cards are numbered 0..51: rank*4 + suit, ranks 2..A as 0..12.
package main

import (
	"errors"
	"strconv"

	"github.com/enigma-go/enigma/sdk/contract"
)

const (
	deckSize    = 52
	pocketCards = 2
	maxPlayers  = 10
	gamesKey    = "games" // number of games opened
)

// game is one deal: the shuffled deck's order is never returned whole.
type game struct {
	Players  []contract.Bytes32 `json:"players"`  // Keccak-256 of each player's token
	Hands    [][]int            `json:"hands"`    // ints, not bytes: JSON would write []uint8 as base64
	Board    []int              `json:"board"`    // the five community cards
	Revealed int                `json:"revealed"` // 0, 3 (flop), 4 (turn), 5 (river)
}

func init() {
	contract.PrepareState(game{Players: []contract.Bytes32{{}}, Hands: [][]int{{0}}, Board: []int{0}}, uint64(0))
	contract.Register("new_game(bytes32[])", newGame)
	contract.Register("my_cards(uint256,bytes32)", myCards)
	contract.Register("next_stage(uint256)", nextStage)
	contract.Register("community(uint256)", community)
}

func gameKey(id uint64) string { return "game/" + strconv.FormatUint(id, 10) }

// shuffle returns a uniformly random permutation of the deck (Fisher-Yates
// with unbiased draws).
func shuffle() []int {
	deck := make([]int, deckSize)
	for i := range deck {
		deck[i] = i
	}
	for i := deckSize - 1; i > 0; i-- {
		j := contract.RandIntn(uint64(i + 1))
		deck[i], deck[j] = deck[j], deck[i]
	}
	return deck
}

func newGame(c *contract.Call) error {
	var players []contract.Bytes32
	if err := c.Args(&players); err != nil {
		return err
	}
	if len(players) < 2 || len(players) > maxPlayers {
		return errors.New("a game needs 2 to 10 players")
	}
	deck := shuffle()
	g := game{Players: players}
	for p := range players {
		g.Hands = append(g.Hands, deck[p*pocketCards:(p+1)*pocketCards])
	}
	g.Board = deck[len(players)*pocketCards : len(players)*pocketCards+5]
	id := contract.ReadOr(gamesKey, uint64(0))
	contract.Write(gamesKey, id+1)
	contract.Write(gameKey(id), g)
	return c.Return(contract.NewUint256(id))
}

func loadGame(id contract.Uint256) (game, error) {
	if id.IsUint64() {
		if g, ok := contract.Read[game](gameKey(id.Uint64())); ok {
			return g, nil
		}
	}
	return game{}, errors.New("no such game")
}

// myCards returns the pocket cards of the player whose token this is.
func myCards(c *contract.Call) error {
	var id contract.Uint256
	var token contract.Bytes32
	if err := c.Args(&id, &token); err != nil {
		return err
	}
	g, err := loadGame(id)
	if err != nil {
		return err
	}
	h := contract.Keccak256(token[:])
	for p, player := range g.Players {
		if player == h {
			return c.ReturnAs("(uint8[2])", g.Hands[p])
		}
	}
	return errors.New("not a player of this game")
}

// nextStage reveals the flop, then the turn, then the river.
func nextStage(c *contract.Call) error {
	var id contract.Uint256
	if err := c.Args(&id); err != nil {
		return err
	}
	g, err := loadGame(id)
	if err != nil {
		return err
	}
	switch g.Revealed {
	case 0:
		g.Revealed = 3
	case 3, 4:
		g.Revealed++
	default:
		return errors.New("all community cards are already revealed")
	}
	contract.Write(gameKey(id.Uint64()), g)
	return nil
}

func community(c *contract.Call) error {
	var id contract.Uint256
	if err := c.Args(&id); err != nil {
		return err
	}
	g, err := loadGame(id)
	if err != nil {
		return err
	}
	return c.ReturnAs("(uint8[])", g.Board[:g.Revealed])
}

func main() {}
