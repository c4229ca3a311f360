package envelope

import (
	"crypto/hpke"
	"encoding/binary"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/ethereum/go-ethereum/common"
)

// The v2 ciphersuite. The version byte names it: a new suite is a new version.
var (
	kem      = hpke.MLKEM768X25519() // X-Wing, KEM id 0x647a
	kdf      = hpke.HKDFSHA256()
	aeadAlgo = hpke.AES256GCM()
)

// Sizes of the v2 suite.
const (
	PublicKeySize = 1184 + 32 // ML-KEM-768 encapsulation key ‖ X25519 public key
	EncSize       = 1088 + 32 // ML-KEM-768 ciphertext ‖ X25519 ephemeral public key
	SeedSize      = 32        // a private key is derived from a 32-byte seed
	NonceSize     = 12
	TagSize       = 16
)

// Domain labels: each use of a key or hash says what it is for.
const (
	requestInfo      = "enigma-go/envelope/v2 request"
	queryInfo        = "enigma-go/envelope/v2 query"
	responseExporter = "enigma-go/envelope/v2 response key"
	sealedLabel      = "enigma-go/envelope/v2 sealed"
	workerKeyLabel   = "enigma-go/envelope/v2 worker key"
)

// ParsePublicKey parses a worker's v2 public key (PublicKeySize bytes).
func ParsePublicKey(b []byte) (hpke.PublicKey, error) {
	if len(b) != PublicKeySize {
		return nil, api.Errorf(api.CodeInvalidInput, "envelope: v2 public key is %d bytes, want %d (ML-KEM-768 ‖ X25519)", len(b), PublicKeySize)
	}
	pk, err := kem.NewPublicKey(b)
	if err != nil {
		return nil, api.Errorf(api.CodeInvalidInput, "envelope: invalid v2 public key: %w", err)
	}
	return pk, nil
}

// PrivateKeyFromSeed derives the v2 key pair of a 32-byte seed (the
// MLKEM768-X25519 private key format).
func PrivateKeyFromSeed(seed []byte) (hpke.PrivateKey, error) {
	if len(seed) != SeedSize {
		return nil, api.Errorf(api.CodeInvalidInput, "envelope: v2 key seed is %d bytes, want %d", len(seed), SeedSize)
	}
	k, err := kem.NewPrivateKey(seed)
	if err != nil {
		return nil, api.Errorf(api.CodeInvalidInput, "envelope: invalid v2 key seed: %w", err)
	}
	return k, nil
}

// WorkerKeyHash is the hash a worker signs (compat.Sign, with its signing
// key) when it publishes its v2 public key for an epoch, so a user can check
// the key belongs to the selected worker (compat.Recover) before sealing to
// it:
//
//	HashParts("enigma-go/envelope/v2 worker key", u64BE(chainID),
//	          enigmaContract(20), u64BE(epoch), publicKey(1216))
func WorkerKeyHash(chainID uint64, enigmaContract common.Address, epoch uint64, publicKey []byte) [32]byte {
	return compat.HashParts([]byte(workerKeyLabel), binary.BigEndian.AppendUint64(nil, chainID),
		enigmaContract[:], binary.BigEndian.AppendUint64(nil, epoch), publicKey)
}

// Options are the sender's choices when sealing.
type Options struct {
	// Pad rounds the plaintext up to its size bucket (see BucketSize), so
	// the ciphertext's length reveals only the bucket.
	Pad bool
}

// InputsHash is the inputsHash a v2 task record commits to:
//
//	HashParts("enigma-go/envelope/v2 inputs", request)
//
// The request's context already binds the contract (or the pre-code hash of
// a deploy), the sender and the nonce, so the request bytes are all the
// hash needs. The label keeps it apart from compat's inputsHash.
func InputsHash(request []byte) [32]byte {
	return compat.HashParts([]byte(inputsLabel), request)
}

// OutputHash is the outputHash a v2 receipt commits to: keccak256 of the
// response message, as in compat.
func OutputHash(response []byte) [32]byte { return compat.Keccak256(response) }

const inputsLabel = "enigma-go/envelope/v2 inputs"
