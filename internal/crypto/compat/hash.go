package compat

import (
	"encoding/binary"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	ethcrypto "github.com/ethereum/go-ethereum/crypto"
)

// Keccak256 returns the Keccak-256 (Ethereum's, not NIST SHA3-256) digest of
// the concatenation of parts.
func Keccak256(parts ...[]byte) [32]byte {
	h := ethcrypto.NewKeccakState()
	for _, p := range parts {
		h.Write(p)
	}
	var out [32]byte
	h.Read(out[:]) // Read, unlike Sum, does not copy the sponge state
	return out
}

// HashParts returns Keccak-256 of u64BE(len(p)) ‖ p for every part p, the
// "sign_multiple"/"hash" encoding of the original network: enigma-js's
// utils.hash and the Enigma contract's EnigmaCommon.appendMessage. The length
// prefixes make the encoding injective, so distinct lists never collide.
func HashParts(parts ...[]byte) [32]byte {
	return Keccak256(EncodeParts(parts...))
}

// EncodeParts returns the preimage HashParts hashes.
func EncodeParts(parts ...[]byte) []byte {
	n := 0
	for _, p := range parts {
		n += 8 + len(p)
	}
	out := make([]byte, 0, n)
	for _, p := range parts {
		out = binary.BigEndian.AppendUint64(out, uint64(len(p)))
		out = append(out, p...)
	}
	return out
}

// InputsHash is the hash a task record commits to:
// HashParts(encryptedFn, encryptedArgs, x, userPubKey) where x is the
// secret contract address for a compute task and keccak256(preCode) for a
// deploy task, and userPubKey is the user's 64-byte public key.
func InputsHash(encryptedFn, encryptedArgs, contractOrPreCodeHash, userPubKey []byte) [32]byte {
	return HashParts(encryptedFn, encryptedArgs, contractOrPreCodeHash, userPubKey)
}

// TaskID is keccak256(abi.encodePacked(address sender, uint256 nonce)), the
// id the Enigma contract gives the nonce-th task record of sender. For a
// deploy task it is also the new secret contract's address. enigma-js's
// generateScAddr computes the same value.
func TaskID(sender common.Address, nonce *big.Int) [32]byte {
	var n [32]byte
	if nonce != nil {
		nonce.FillBytes(n[:]) // panics on a negative or >256-bit nonce: a broken invariant, the chain's counter is a uint256
	}
	return Keccak256(sender[:], n[:])
}

// WorkerKeyMessage is the first part of the message a worker signs over a
// task encryption key it issues.
const WorkerKeyMessage = "Enigma User Message"

// WorkerKeyMessageHash is HashParts("Enigma User Message", workerPub): the
// hash whose signature accompanies every worker encryption key; enigma-js
// recovers the worker's signing address from it.
func WorkerKeyMessageHash(workerPub [64]byte) [32]byte {
	return HashParts([]byte(WorkerKeyMessage), workerPub[:])
}

// Receipt success and failure flags: the last part of every receipt hash.
var (
	receiptSuccess = []byte{0x01}
	receiptFailure = []byte{0x00}
)

func u64(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }

// DeployReceiptHash is the hash a worker signs for a successful deploy task
// and the Enigma contract's deploySecretContract rebuilds:
//
//	HashParts(inputsHash, codeHash, initStateDeltaHash, u64BE(gasLimit),
//	          u64BE(gasUsed), ethPayload, ethAddress(20), 0x01)
//
// gasLimit is the task record's, ethPayload may be empty (encoded as a zero
// length) and ethAddress is the zero address when there is no callback.
// The pre-code hash is not signed.
func DeployReceiptHash(inputsHash, codeHash, initStateDeltaHash [32]byte, gasLimit, gasUsed uint64,
	ethPayload []byte, ethAddress common.Address) [32]byte {
	return HashParts(inputsHash[:], codeHash[:], initStateDeltaHash[:], u64(gasLimit), u64(gasUsed),
		ethPayload, ethAddress[:], receiptSuccess)
}

// ComputeReceiptHash is the hash a worker signs for a successful compute
// task and the Enigma contract's commitReceipt rebuilds:
//
//	HashParts(codeHash, inputsHash, prevDeltaHash, newDeltaHash, outputHash,
//	          u64BE(gasLimit), u64BE(gasUsed), ethPayload, ethAddress(20), 0x01)
//
// codeHash is the contract's stored code hash, prevDeltaHash the last state
// delta hash recorded on chain for the contract, newDeltaHash the zero hash
// when the task did not change the state, outputHash keccak256 of the
// encrypted output.
func ComputeReceiptHash(codeHash, inputsHash, prevDeltaHash, newDeltaHash, outputHash [32]byte,
	gasLimit, gasUsed uint64, ethPayload []byte, ethAddress common.Address) [32]byte {
	return HashParts(codeHash[:], inputsHash[:], prevDeltaHash[:], newDeltaHash[:], outputHash[:],
		u64(gasLimit), u64(gasUsed), ethPayload, ethAddress[:], receiptSuccess)
}

// FailureReceiptHash is the hash a worker signs for a failed task. For a
// compute task (commitTaskFailure) codeHash is the contract's stored code
// hash:
//
//	HashParts(inputsHash, codeHash, u64BE(gasLimit), u64BE(gasUsed), 0x00)
//
// For a deploy task (deploySecretContractFailure) codeHash is nil and the
// part is absent altogether:
//
//	HashParts(inputsHash, u64BE(gasLimit), u64BE(gasUsed), 0x00)
func FailureReceiptHash(inputsHash [32]byte, codeHash *[32]byte, gasLimit, gasUsed uint64) [32]byte {
	if codeHash == nil {
		return HashParts(inputsHash[:], u64(gasLimit), u64(gasUsed), receiptFailure)
	}
	return HashParts(inputsHash[:], codeHash[:], u64(gasLimit), u64(gasUsed), receiptFailure)
}

// DeployFailureReceiptHash is FailureReceiptHash for a deploy task.
func DeployFailureReceiptHash(inputsHash [32]byte, gasLimit, gasUsed uint64) [32]byte {
	return FailureReceiptHash(inputsHash, nil, gasLimit, gasUsed)
}

// ComputeFailureReceiptHash is FailureReceiptHash for a compute task.
func ComputeFailureReceiptHash(inputsHash, codeHash [32]byte, gasLimit, gasUsed uint64) [32]byte {
	return FailureReceiptHash(inputsHash, &codeHash, gasLimit, gasUsed)
}

// WorkersParamsHash is the hash the key manager (the principal) signs for
// setWorkersParams and the Enigma contract rebuilds:
//
//	keccak256( u64BE(32) ‖ seed(32) ‖ u64BE(32) ‖ nonce(32) ‖
//	           u64BE(len(workers)) ‖ for each: u64BE(20) ‖ address(20) ‖
//	           u64BE(len(stakes))  ‖ for each: u64BE(32) ‖ stake(32) )
//
// where numbers are uint256 big-endian and nonce is the principal's own
// task counter (getUserTaskDeployments(principal)). enigma-js's
// principalHash computes the same value.
func WorkersParamsHash(seed, nonce *big.Int, workers []common.Address, stakes []*big.Int) [32]byte {
	var buf []byte
	buf = appendPart(buf, uint256(seed))
	buf = appendPart(buf, uint256(nonce))
	buf = binary.BigEndian.AppendUint64(buf, uint64(len(workers)))
	for _, w := range workers {
		buf = appendPart(buf, w[:])
	}
	buf = binary.BigEndian.AppendUint64(buf, uint64(len(stakes)))
	for _, s := range stakes {
		buf = appendPart(buf, uint256(s))
	}
	return Keccak256(buf)
}

func appendPart(buf, p []byte) []byte {
	buf = binary.BigEndian.AppendUint64(buf, uint64(len(p)))
	return append(buf, p...)
}

func uint256(v *big.Int) []byte {
	out := make([]byte, 32)
	if v != nil {
		v.FillBytes(out)
	}
	return out
}
