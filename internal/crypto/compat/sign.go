package compat

import (
	"crypto/ecdsa"
	"fmt"

	"github.com/enigma-go/enigma/api"
	"github.com/ethereum/go-ethereum/common"
	ethcrypto "github.com/ethereum/go-ethereum/crypto"
)

// SignatureSize is the size of a signature r(32) ‖ s(32) ‖ v(1).
const SignatureSize = 65

// Sign signs a 32-byte hash with priv and returns r ‖ s ‖ v with
// v ∈ {27, 28}, the form the Enigma contract's ECDSA.recover and enigma-js's
// EthCrypto.recover accept. No "\x19Ethereum Signed Message" prefix is
// added: the original network signs the raw hash. s is always in the lower
// half of the group order.
func Sign(priv *ecdsa.PrivateKey, hash [32]byte) ([65]byte, error) {
	sig, err := ethcrypto.Sign(hash[:], priv)
	if err != nil {
		return [65]byte{}, fmt.Errorf("compat: sign: %w", err)
	}
	var out [65]byte
	copy(out[:], sig)
	out[64] += 27
	return out, nil
}

// SignParts signs HashParts(parts...), the original network's sign_multiple.
func SignParts(priv *ecdsa.PrivateKey, parts ...[]byte) ([65]byte, error) {
	return Sign(priv, HashParts(parts...))
}

// RecoverPublicKey returns the public key that signed hash. sig is
// r ‖ s ‖ v with v ∈ {0, 1, 27, 28}; anything else fails with
// api.CodeBadSignature.
func RecoverPublicKey(hash [32]byte, sig []byte) (*ecdsa.PublicKey, error) {
	if len(sig) != SignatureSize {
		return nil, api.Errorf(api.CodeBadSignature, "compat: signature is %d bytes, want 65 (r‖s‖v)", len(sig))
	}
	var norm [65]byte
	copy(norm[:], sig)
	switch v := norm[64]; v {
	case 0, 1:
	case 27, 28:
		norm[64] = v - 27
	default:
		return nil, api.Errorf(api.CodeBadSignature, "compat: signature recovery id v=%d, want 0, 1, 27 or 28", v)
	}
	pub, err := ethcrypto.SigToPub(hash[:], norm[:])
	if err != nil {
		return nil, api.Errorf(api.CodeBadSignature, "compat: signature does not recover a public key: %w", err)
	}
	return pub, nil
}

// Recover returns the Ethereum address that signed hash (see
// RecoverPublicKey for the accepted forms). Like ecrecover, it does not
// reject high-s signatures: the 0.3.0-era contract (OpenZeppelin 2.1
// ECDSA) accepts them too, and the caller compares the address with the
// expected signer anyway.
func Recover(hash [32]byte, sig []byte) (common.Address, error) {
	pub, err := RecoverPublicKey(hash, sig)
	if err != nil {
		return common.Address{}, err
	}
	return ethcrypto.PubkeyToAddress(*pub), nil
}

// Verify reports whether sig is a valid signature of hash by signer.
func Verify(signer common.Address, hash [32]byte, sig []byte) bool {
	a, err := Recover(hash, sig)
	return err == nil && a == signer
}
