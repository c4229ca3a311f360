package envelope

import (
	"encoding/binary"

	"github.com/enigma-go/enigma/api"
)

// EncodeCall is the payload of a v2 task request: the function signature
// (e.g. "add(uint256,uint256)") and its ABI-encoded arguments, which compat
// sends as two ciphertexts, in one:
//
//	u32BE(len(fn)) ‖ fn ‖ args
func EncodeCall(fn string, args []byte) []byte {
	out := make([]byte, 0, 4+len(fn)+len(args))
	out = binary.BigEndian.AppendUint32(out, uint32(len(fn)))
	out = append(out, fn...)
	return append(out, args...)
}

// DecodeCall splits a payload made by EncodeCall.
func DecodeCall(payload []byte) (fn string, args []byte, err error) {
	if len(payload) < 4 {
		return "", nil, api.Errorf(api.CodeInvalidInput, "envelope: call payload of %d bytes has no function length", len(payload))
	}
	n := binary.BigEndian.Uint32(payload)
	if uint64(n) > uint64(len(payload)-4) {
		return "", nil, api.Errorf(api.CodeInvalidInput, "envelope: call payload's function length %d exceeds its %d bytes", n, len(payload)-4)
	}
	return string(payload[4 : 4+n]), payload[4+n:], nil
}
