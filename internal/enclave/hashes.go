package enclave

import (
	"encoding/binary"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
)

// Domain strings of the signatures this protocol adds to the original
// network's. Each names what is signed, so a signature over one message can
// never be replayed as another.
const (
	domainStateKeysRequest = "enigma-go/enclave: state keys request v1"
	domainStateKeysReply   = "enigma-go/enclave: state keys reply v1"
	domainBatchedTask      = "enigma-go/enclave: batched task v2"
	domainBatchedTaskID    = "enigma-go/enclave: batched task id v1"
	domainRegistration     = "enigma-go/attestation: registration binding v1"
	domainPeerIdentity     = "enigma-go/peer: identity v1"
)

// RegistrationBinding is what an enclave puts in its report next to its
// signing address, so that only custodian can register the report, and
// only on the Enigma contract enigma on chain chainID:
//
//	keccak256(domain ‖ uint256BE(chainID) ‖ enigma(20) ‖ custodian(20))
//
// (SimAttestationVerifier.binding computes the same.)
func RegistrationBinding(chainID uint64, enigma, custodian api.EthAddress) api.Hash {
	var id [32]byte
	binary.BigEndian.PutUint64(id[24:], chainID)
	return compat.Keccak256([]byte(domainRegistration), id[:], enigma[:], custodian[:])
}

// BatchedTaskHash is what the paying user signs (compat.Sign with their
// Ethereum key) to authorise one batched task and its fee:
//
//	HashParts(domain, u64BE(chainId), enigma(20), contract(32), taskId(32),
//	          u64BE(epoch), inputsHash(32), u64BE(gasLimit), u64BE(gasPx))
//
// taskId is BatchedTaskID(sender, nonce) and epoch the first block of the
// epoch the request is sealed for, so a signature authorises that one task
// only: sent again under another nonce or in another epoch it is refused,
// and nobody can make a user pay for copies of their request. inputsHash
// is envelope.InputsHash of the v2 request.
func BatchedTaskHash(chainID uint64, enigma api.EthAddress, contract api.ContractAddress, taskID api.TaskID, epoch uint64, inputsHash api.Hash, gasLimit, gasPx uint64) api.Hash {
	u64 := func(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }
	return compat.HashParts([]byte(domainBatchedTask), u64(chainID), enigma[:], contract[:], taskID[:], u64(epoch), inputsHash[:], u64(gasLimit), u64(gasPx))
}

// BatchedTaskSignedBy reports whether sig (r‖s‖v, v 0, 1, 27 or 28) is
// sender's signature of a batched task's hash h (BatchedTaskHash): over h
// itself, as a client holding the key signs, or over h as an EIP-191
// personal message, keccak256("\x19Ethereum Signed Message:\n32" ‖ h), as
// eth_sign, personal_sign and wallets sign for an account they hold.
func BatchedTaskSignedBy(h api.Hash, sig []byte, sender api.EthAddress) bool {
	if a, err := compat.Recover(h, sig); err == nil && api.EthAddress(a) == sender {
		return true
	}
	a, err := compat.Recover(compat.Keccak256([]byte("\x19Ethereum Signed Message:\n32"), h[:]), sig)
	return err == nil && api.EthAddress(a) == sender
}

// BatchedTaskID is a batched task's id: HashParts(domain, sender(20),
// u64BE(nonce)), apart from the chain's task ids so the two never collide.
func BatchedTaskID(sender api.EthAddress, nonce uint64) api.TaskID {
	return compat.HashParts([]byte(domainBatchedTaskID), sender[:], binary.BigEndian.AppendUint64(nil, nonce))
}

// PeerIdentityHash is what a worker enclave signs to answer a peer's
// challenge (PeerIdentity):
//
//	HashParts(domain, u64BE(chainID), enigma(20), nonce(32), transport)
//
// The chain id and the Enigma contract name the network, nonce is the
// challenger's fresh random value, and transport the channel the worker is
// reached by as its own host names it, so a host that relays challenges to
// another worker cannot pass for it on its own channel.
func PeerIdentityHash(chainID uint64, enigma api.EthAddress, nonce [32]byte, transport []byte) api.Hash {
	return compat.HashParts([]byte(domainPeerIdentity), binary.BigEndian.AppendUint64(nil, chainID), enigma[:], nonce[:], transport)
}

// StateKeysRequestHash is what the worker enclave signs in a
// StateKeysRequest:
//
//	HashParts(domain, requestID, epochSeed, contract₁ ‖ … ‖ contractₙ, ephemeralKey)
func StateKeysRequestHash(r *StateKeysRequest) api.Hash {
	contracts := make([]byte, 0, 32*len(r.Contracts))
	for _, c := range r.Contracts {
		contracts = append(contracts, c[:]...)
	}
	return compat.HashParts([]byte(domainStateKeysRequest), r.RequestID[:],
		r.EpochSeed[:], contracts, r.EphemeralKey[:])
}

// StateKeysReplyHash is what the key manager enclave signs in a
// StateKeysReply:
//
//	HashParts(domain, requestID, requestHash, ephemeralKey, ciphertext)
func StateKeysReplyHash(r *StateKeysReply) api.Hash {
	return compat.HashParts([]byte(domainStateKeysReply), r.RequestID[:], r.RequestHash[:],
		r.EphemeralKey[:], r.Ciphertext)
}

// StateKeysAAD is the associated data of a StateKeysReply's ciphertext: the
// hash of the request it answers, binding the keys to that request.
func StateKeysAAD(requestHash api.Hash) []byte {
	return append([]byte(domainStateKeysReply), requestHash[:]...)
}

// ContractKey is one contract's state key, as carried (encrypted) in a
// StateKeysReply.
type ContractKey struct {
	Contract api.ContractAddress
	Key      [32]byte
}

// EncodeContractKeys is the plaintext of a StateKeysReply: u32BE(n) ‖ n ×
// (contract(32) ‖ key(32)).
func EncodeContractKeys(keys []ContractKey) []byte {
	out := binary.BigEndian.AppendUint32(make([]byte, 0, 4+64*len(keys)), uint32(len(keys)))
	for _, k := range keys {
		out = append(out, k.Contract[:]...)
		out = append(out, k.Key[:]...)
	}
	return out
}

// DecodeContractKeys parses EncodeContractKeys's output.
func DecodeContractKeys(b []byte) ([]ContractKey, error) {
	if len(b) < 4 || uint64(len(b)-4) != 64*uint64(binary.BigEndian.Uint32(b)) {
		return nil, api.Errorf(api.CodeInvalidInput, "enclave: malformed state key list (%d bytes)", len(b))
	}
	n := int(binary.BigEndian.Uint32(b))
	keys := make([]ContractKey, n)
	for i := range keys {
		p := b[4+64*i:]
		copy(keys[i].Contract[:], p[:32])
		copy(keys[i].Key[:], p[32:64])
	}
	return keys, nil
}

// IssuedKeyID names an issued key by its public key: keccak256 of the
// compat task key (64 bytes X‖Y) or of the envelope v2 epoch public key.
// The host stores a sealed issued key under it, and HeldTask.ConsumedKey
// names a consumed compat key by it.
func IssuedKeyID(publicKey []byte) api.Hash { return compat.Keccak256(publicKey) }
