package compat

import (
	"crypto/aes"
	"crypto/cipher"
	"fmt"
	"io"

	"github.com/enigma-go/enigma/api"
)

// Sizes of the compat AES-GCM layout ciphertext ‖ tag ‖ iv.
const (
	IVSize   = 12
	TagSize  = 16
	Overhead = TagSize + IVSize // bytes added to every plaintext
)

// Encrypt seals plaintext with AES-256-GCM under key with a random 12-byte
// IV read from rand and no associated data, and returns
// ciphertext ‖ tag(16) ‖ iv(12), the layout enigma-js's encryptMessage
// produces and decryptMessage expects.
func Encrypt(key [32]byte, plaintext []byte, rand io.Reader) ([]byte, error) {
	var iv [IVSize]byte
	if _, err := io.ReadFull(rand, iv[:]); err != nil {
		return nil, fmt.Errorf("compat: read IV: %w", err)
	}
	return EncryptWithIV(key, iv, plaintext), nil
}

// EncryptWithIV is Encrypt with a caller-chosen IV. Never use one IV twice
// with one key: GCM then leaks the XOR of the plaintexts and the
// authentication key. It exists for test vectors and for callers that
// derive a unique IV deterministically (e.g. from a task's seed).
func EncryptWithIV(key [32]byte, iv [IVSize]byte, plaintext []byte) []byte {
	gcm := newGCM(key)
	out := make([]byte, 0, len(plaintext)+Overhead)
	out = gcm.Seal(out, iv[:], plaintext, nil)
	return append(out, iv[:]...)
}

// Decrypt opens a message produced by Encrypt (or by enigma-js's
// encryptMessage). A message shorter than tag+iv fails with
// api.CodeBadEnvelope; a wrong key or an altered ciphertext, tag or IV fails
// with api.CodeTampered (GCM cannot tell those apart).
func Decrypt(key [32]byte, msg []byte) ([]byte, error) {
	if len(msg) < Overhead {
		return nil, api.Errorf(api.CodeBadEnvelope,
			"compat: encrypted message is %d bytes, shorter than the %d bytes of tag and IV; send ciphertext‖tag(16)‖iv(12)",
			len(msg), Overhead)
	}
	body, iv := msg[:len(msg)-IVSize], msg[len(msg)-IVSize:]
	pt, err := newGCM(key).Open(nil, iv, body, nil)
	if err != nil {
		return nil, api.Errorf(api.CodeTampered,
			"compat: message authentication failed: it was encrypted under another key (wrong worker encryption key or user key) or altered in transit")
	}
	if pt == nil {
		pt = []byte{}
	}
	return pt, nil
}

// DecryptAny tries each key in turn and returns the index of the first one
// whose GCM tag verifies, with the plaintext. A worker that holds several
// outstanding task keys for one user public key (enigma-js 0.3.0 reuses one
// user key pair for all its tasks) uses it to find the key a message was
// sealed under. With no matching key it fails like Decrypt, with
// api.CodeTampered (or api.CodeBadEnvelope for a truncated message).
func DecryptAny(keys [][32]byte, msg []byte) (int, []byte, error) {
	if len(msg) < Overhead {
		_, err := Decrypt([32]byte{}, msg)
		return -1, nil, err
	}
	for i, k := range keys {
		if pt, err := Decrypt(k, msg); err == nil {
			return i, pt, nil
		}
	}
	return -1, nil, api.Errorf(api.CodeTampered,
		"compat: none of the %d task keys issued for this user key opens the message: ask the worker for a new encryption key and encrypt again", len(keys))
}

func newGCM(key [32]byte) cipher.AEAD {
	block, err := aes.NewCipher(key[:])
	if err != nil {
		panic("compat: aes.NewCipher rejected a 32-byte key: " + err.Error()) // broken invariant
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		panic("compat: cipher.NewGCM: " + err.Error()) // broken invariant
	}
	return gcm
}
