package envelope

import (
	"crypto/hpke"
	"encoding/binary"

	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/ethereum/go-ethereum/common"
)

// SealQuery seals a secret query's payload (EncodeCall of a query function
// and its arguments) to a worker's v2 public key for epoch c.Epoch, as
// SealRequest does a task's, but as message type 0x04 under its own HPKE
// info ("enigma-go/envelope/v2 query"):
//
//	magic(4) ‖ 0x02 ‖ 0x04 ‖ u64BE(epoch) ‖ enc(1120) ‖ AES-256-GCM ciphertext ‖ tag(16)
//
// c is the query's context: Sender the caller, TaskNonce the query nonce
// the caller chose. The type byte and the info string both differ from a
// task request's, so a query never opens as a task request nor a task
// request as a query. The worker answers with a v2 response (SealResponse)
// under the returned key.
func SealQuery(workerPub []byte, c Context, payload []byte, opt Options) ([]byte, ResponseKey, error) {
	return sealHPKE(TypeQuery, queryInfo, workerPub, c, payload, opt)
}

// OpenQuery opens a query with the worker's private key for c.Epoch and
// returns its payload and the response key. Errors as OpenRequest's (a task
// request given here is api.CodeBadEnvelope).
func OpenQuery(priv hpke.PrivateKey, c Context, msg []byte) ([]byte, ResponseKey, error) {
	return openHPKE(TypeQuery, queryInfo, "query", "query", priv, c, msg)
}

// QueryRequestHash is what a query's signature and the worker's replay set
// name the query by: keccak256 of the whole query message.
func QueryRequestHash(query []byte) [32]byte { return compat.Keccak256(query) }

// The EIP-712 types of a secret query's signature.
const (
	eip712DomainType = "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
	secretQueryType  = "SecretQuery(bytes32 contract,bytes32 request,uint64 expiry)"
	// QueryDomainName and QueryDomainVersion are the EIP-712 domain's name
	// and version of a secret query's signature.
	QueryDomainName    = "Enigma"
	QueryDomainVersion = "2"
)

// QueryDigest is the EIP-712 digest a caller signs (eth_signTypedData_v4)
// to authorise a secret query:
//
//	domain  = {name: "Enigma", version: "2", chainId, verifyingContract: enigmaContract}
//	message = SecretQuery{contract, request: keccak256(query message), expiry (unix seconds)}
//	digest  = keccak256(0x19 ‖ 0x01 ‖ domainSeparator ‖ hashStruct(message))
//
// The signature is over the digest itself (compat.Sign), and the caller is
// the address it recovers to.
func QueryDigest(chainID uint64, enigmaContract common.Address, contract, requestHash [32]byte, expiry uint64) [32]byte {
	domain := compat.Keccak256(
		keccakString(eip712DomainType),
		keccakString(QueryDomainName),
		keccakString(QueryDomainVersion),
		word(binary.BigEndian.AppendUint64(nil, chainID)),
		word(enigmaContract[:]),
	)
	msg := compat.Keccak256(
		keccakString(secretQueryType),
		contract[:],
		requestHash[:],
		word(binary.BigEndian.AppendUint64(nil, expiry)),
	)
	return compat.Keccak256([]byte{0x19, 0x01}, domain[:], msg[:])
}

func keccakString(s string) []byte {
	h := compat.Keccak256([]byte(s))
	return h[:]
}

// word left-pads b to a 32-byte ABI word.
func word(b []byte) []byte {
	out := make([]byte, 32)
	copy(out[32-len(b):], b)
	return out
}
