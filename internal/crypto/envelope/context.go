package envelope

import (
	"encoding/binary"

	"github.com/ethereum/go-ethereum/common"
)

// Context is what a v2 request and its response are bound to. A
// ciphertext opens only with exactly the context it was sealed with, so a
// worker cannot be made to decrypt inputs into another contract, chain,
// epoch or task, and a user cannot be handed another task's output.
type Context struct {
	ChainID        uint64         // Ethereum chain id
	EnigmaContract common.Address // the Enigma contract's address
	SecretContract [32]byte       // secret contract address (for a deploy: its future address, the deploy task id)
	CodeHash       [32]byte       // the contract's code hash (for a deploy: keccak256 of the pre-code)
	Epoch          uint64         // the worker key epoch: the selection epoch's first block number (getWorkerParams)
	Sender         common.Address // the task record's sender
	TaskNonce      uint64         // the sender's task counter the task record is created with
}

// ContextSize is the size of an encoded Context.
const ContextSize = 8 + 20 + 32 + 32 + 8 + 20 + 8

// contextLabel separates the envelope's associated data from any other
// use of the same bytes.
const contextLabel = "enigma-go/envelope/v2 context"

// Encode returns the canonical encoding of c: all fields fixed-size,
// integers big-endian, in declaration order, after a domain label.
func (c Context) Encode() []byte {
	out := make([]byte, 0, len(contextLabel)+ContextSize)
	out = append(out, contextLabel...)
	out = binary.BigEndian.AppendUint64(out, c.ChainID)
	out = append(out, c.EnigmaContract[:]...)
	out = append(out, c.SecretContract[:]...)
	out = append(out, c.CodeHash[:]...)
	out = binary.BigEndian.AppendUint64(out, c.Epoch)
	out = append(out, c.Sender[:]...)
	return binary.BigEndian.AppendUint64(out, c.TaskNonce)
}

// aad is the associated data of a v2 AEAD: the message's own header (frame,
// type and any fields before the ciphertext) followed by the context.
func aad(header []byte, ctx []byte) []byte {
	out := make([]byte, 0, len(header)+len(ctx))
	out = append(out, header...)
	return append(out, ctx...)
}
