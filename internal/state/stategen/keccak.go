package stategen

import (
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/enigma-go/enigma/api"
)

// Keccak returns keccak256(b), the delta hash.
func Keccak(b []byte) api.Hash { return api.Hash(crypto.Keccak256Hash(b)) }
