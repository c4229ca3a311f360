package envelope

import (
	"encoding/binary"

	"github.com/enigma-go/enigma/api"
)

// Padding hides the size of a payload inside a size bucket. Every v2
// plaintext is u32BE(len(payload)) ‖ payload ‖ zeros; with padding the
// zeros fill the whole up to the bucket size, without it there are none.
//
// Buckets: powers of two from MinBucket up to 1 MiB, then multiples of 1 MiB.
const (
	MinBucket  = 256
	largeChunk = 1 << 20
	// MaxPayload bounds a payload so that its padded form fits a u32 length.
	MaxPayload = 1<<31 - 1
)

// BucketSize returns the padded size of a plaintext of n bytes (length
// prefix included).
func BucketSize(n int) int {
	if n <= MinBucket {
		return MinBucket
	}
	if n > largeChunk {
		return (n + largeChunk - 1) / largeChunk * largeChunk
	}
	b := MinBucket
	for b < n {
		b <<= 1
	}
	return b
}

func pad(payload []byte, padded bool) ([]byte, error) {
	if len(payload) > MaxPayload {
		return nil, api.Errorf(api.CodeInvalidInput, "envelope: payload of %d bytes exceeds the %d-byte limit", len(payload), MaxPayload)
	}
	n := 4 + len(payload)
	size := n
	if padded {
		size = BucketSize(n)
	}
	out := make([]byte, size)
	binary.BigEndian.PutUint32(out, uint32(len(payload)))
	copy(out[4:], payload)
	return out, nil
}

func unpad(pt []byte) ([]byte, error) {
	if len(pt) < 4 {
		return nil, api.Errorf(api.CodeBadEnvelope, "envelope: plaintext of %d bytes has no length prefix", len(pt))
	}
	n := binary.BigEndian.Uint32(pt)
	if uint64(n) > uint64(len(pt)-4) {
		return nil, api.Errorf(api.CodeBadEnvelope, "envelope: payload length %d exceeds the %d bytes sealed", n, len(pt)-4)
	}
	for _, b := range pt[4+n:] {
		if b != 0 {
			return nil, api.Errorf(api.CodeBadEnvelope, "envelope: non-zero padding: the sender does not follow the v2 format")
		}
	}
	return pt[4 : 4+n], nil
}
