package envelope

import (
	"crypto/aes"
	"crypto/cipher"
	"fmt"
	"io"

	"github.com/enigma-go/enigma/api"
)

// SealResponse seals a worker's output (or failure text) for the user who
// sent the request that yielded k:
//
//	magic(4) ‖ 0x02 ‖ 0x02 ‖ nonce(12) ‖ AES-256-GCM ciphertext ‖ tag(16)
//
// with associated data header(6) ‖ nonce ‖ c.Encode(). The nonce is read
// from rand: a task run twice may seal two outputs under one key.
func SealResponse(k ResponseKey, c Context, payload []byte, rand io.Reader, opt Options) ([]byte, error) {
	return sealSymmetric([32]byte(k), TypeResponse, c.Encode(), payload, rand, opt)
}

// OpenResponse opens a response with the key SealRequest returned. Errors as
// OpenRequest's.
func OpenResponse(k ResponseKey, c Context, msg []byte) ([]byte, error) {
	return openSymmetric([32]byte(k), TypeResponse, c.Encode(), msg, "response")
}

// Seal seals payload under a 32-byte symmetric key (e.g. a contract's state
// key) with caller-chosen associated data label, which must name what the
// payload is (e.g. contract address and delta index) so that sealed blobs
// cannot be swapped:
//
//	magic(4) ‖ 0x02 ‖ 0x03 ‖ nonce(12) ‖ AES-256-GCM ciphertext ‖ tag(16)
//
// with associated data header(6) ‖ nonce ‖ "enigma-go/envelope/v2 sealed" ‖ label.
func Seal(key [32]byte, label, payload []byte, rand io.Reader, opt Options) ([]byte, error) {
	return sealSymmetric(key, TypeSealed, sealedAD(label), payload, rand, opt)
}

// Open opens a message made by Seal with the same key and label.
func Open(key [32]byte, label, msg []byte) ([]byte, error) {
	return openSymmetric(key, TypeSealed, sealedAD(label), msg, "sealed message")
}

func sealedAD(label []byte) []byte {
	return append([]byte(sealedLabel), label...)
}

// SymmetricOverhead is the size Seal and SealResponse add to a (padded) plaintext.
const SymmetricOverhead = HeaderSize + 1 + NonceSize + TagSize

func sealSymmetric(key [32]byte, typ byte, ad, payload []byte, rand io.Reader, opt Options) ([]byte, error) {
	pt, err := pad(payload, opt.Pad)
	if err != nil {
		return nil, err
	}
	out := v2Prefix(typ, NonceSize+len(pt)+TagSize)
	var nonce [NonceSize]byte
	if _, err := io.ReadFull(rand, nonce[:]); err != nil {
		return nil, fmt.Errorf("envelope: read nonce: %w", err)
	}
	out = append(out, nonce[:]...)
	return gcm(key).Seal(out, nonce[:], pt, aad(out, ad)), nil
}

func openSymmetric(key [32]byte, typ byte, ad, msg []byte, what string) ([]byte, error) {
	rest, err := v2Header(msg, typ, what)
	if err != nil {
		return nil, err
	}
	if len(rest) < NonceSize+TagSize+4 {
		return nil, api.Errorf(api.CodeBadEnvelope, "envelope: %s of %d bytes is shorter than the %d-byte minimum", what, len(msg), SymmetricOverhead+4)
	}
	header := msg[:HeaderSize+1+NonceSize]
	pt, err := gcm(key).Open(nil, rest[:NonceSize], rest[NonceSize:], aad(header, ad))
	if err != nil {
		return nil, api.Errorf(api.CodeTampered, "envelope: %s authentication failed: wrong key, another context, or altered", what)
	}
	return unpad(pt)
}

func gcm(key [32]byte) cipher.AEAD {
	block, err := aes.NewCipher(key[:])
	if err != nil {
		panic("envelope: aes.NewCipher rejected a 32-byte key: " + err.Error()) // broken invariant
	}
	g, err := cipher.NewGCM(block)
	if err != nil {
		panic("envelope: cipher.NewGCM: " + err.Error()) // broken invariant
	}
	return g
}
