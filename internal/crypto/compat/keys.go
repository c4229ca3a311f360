package compat

import (
	"crypto/ecdsa"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"

	"github.com/enigma-go/enigma/api"
	"github.com/ethereum/go-ethereum/common"
	ethcrypto "github.com/ethereum/go-ethereum/crypto"
)

// PublicKeySize is the size of a public key on the wire: X‖Y, 32 bytes each.
const PublicKeySize = 64

// GenerateKey returns a new secp256k1 key pair whose scalar is read from
// rand. Reading the scalar ourselves (rather than through ecdsa.GenerateKey,
// which ignores a caller's reader since Go 1.26) keeps key generation
// reproducible when a test passes a deterministic reader.
func GenerateKey(rand io.Reader) (*ecdsa.PrivateKey, error) {
	var d [32]byte
	defer clear(d[:])
	for range 64 {
		if _, err := io.ReadFull(rand, d[:]); err != nil {
			return nil, fmt.Errorf("compat: read key material: %w", err)
		}
		// ToECDSA rejects zero and scalars ≥ the group order; the chance of
		// that is about 2^-128, so a retry loop is enough.
		if k, err := ethcrypto.ToECDSA(d[:]); err == nil {
			return k, nil
		}
	}
	return nil, fmt.Errorf("compat: the random source returned 64 invalid secp256k1 scalars in a row; check the reader")
}

// PrivateKeyBytes returns the 32-byte big-endian scalar of priv.
func PrivateKeyBytes(priv *ecdsa.PrivateKey) [32]byte {
	var out [32]byte
	priv.D.FillBytes(out[:])
	return out
}

// ParsePrivateKey parses a 32-byte big-endian secp256k1 scalar.
func ParsePrivateKey(b []byte) (*ecdsa.PrivateKey, error) {
	k, err := ethcrypto.ToECDSA(b)
	if err != nil {
		return nil, api.Errorf(api.CodeInvalidInput, "compat: invalid secp256k1 private key (want 32 bytes, 0 < d < n): %w", err)
	}
	return k, nil
}

// PublicKeyBytes returns pub as 64 bytes X‖Y, without the 0x04 prefix, the
// form enigma-js and the JSON-RPC use (as 128 hex digits).
func PublicKeyBytes(pub *ecdsa.PublicKey) [64]byte {
	var out [64]byte
	pub.X.FillBytes(out[:32])
	pub.Y.FillBytes(out[32:])
	return out
}

// ParsePublicKey accepts a secp256k1 public key as 64 bytes X‖Y, or 65 bytes
// with the 0x04 prefix, and checks that the point is on the curve.
func ParsePublicKey(b []byte) (*ecdsa.PublicKey, error) {
	switch {
	case len(b) == PublicKeySize:
		b = append([]byte{4}, b...)
	case len(b) == PublicKeySize+1 && b[0] == 4:
	default:
		return nil, api.Errorf(api.CodeInvalidInput,
			"compat: invalid public key: want 64 bytes X‖Y (or 65 starting with 0x04), got %d bytes", len(b))
	}
	pub, err := ethcrypto.UnmarshalPubkey(b)
	if err != nil {
		return nil, api.Errorf(api.CodeInvalidInput, "compat: invalid public key: not a point on secp256k1: %w", err)
	}
	return pub, nil
}

// ParsePublicKeyHex parses a public key given as hex (128 or 130 digits,
// with or without 0x), as the gateway's JSON-RPC carries it.
func ParsePublicKeyHex(s string) (*ecdsa.PublicKey, error) {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "0x"), "0X")
	b, err := hex.DecodeString(s)
	if err != nil {
		return nil, api.Errorf(api.CodeInvalidInput, "compat: public key is not hex: %w", err)
	}
	return ParsePublicKey(b)
}

// Address returns the Ethereum address of pub: the last 20 bytes of
// Keccak-256(X‖Y). Worker signing addresses are derived this way.
func Address(pub *ecdsa.PublicKey) common.Address {
	return ethcrypto.PubkeyToAddress(*pub)
}

// DeriveKey returns the AES-256 key shared by priv and peer: SHA-256 of the
// compressed shared point, i.e. SHA-256(0x02|0x03 ‖ X) where the prefix is
// 0x03 when Y is odd. This is enigma-js's getDerivedKey and the original
// enclave's ECDH.
//
// peer must be a valid secp256k1 point, as ParsePublicKey returns; a
// hand-built key off the curve is a programming error and panics. For a
// key straight off the wire use DeriveKeyFromBytes.
func DeriveKey(priv *ecdsa.PrivateKey, peer *ecdsa.PublicKey) [32]byte {
	var scalar [32]byte
	defer clear(scalar[:])
	priv.D.FillBytes(scalar[:])
	x, y := ethcrypto.S256().ScalarMult(peer.X, peer.Y, scalar[:])
	if x == nil || y == nil {
		panic("compat: DeriveKey with a public key that is not a valid secp256k1 point; parse keys with ParsePublicKey")
	}
	var point [33]byte
	point[0] = 0x02 | byte(y.Bit(0))
	x.FillBytes(point[1:])
	return sha256.Sum256(point[:])
}

// DeriveKeyFromBytes parses peer (64 bytes, or 65 with 0x04) and returns
// DeriveKey(priv, peer). An invalid key fails with api.CodeInvalidInput.
func DeriveKeyFromBytes(priv *ecdsa.PrivateKey, peer []byte) ([32]byte, error) {
	pub, err := ParsePublicKey(peer)
	if err != nil {
		return [32]byte{}, err
	}
	return DeriveKey(priv, pub), nil
}
