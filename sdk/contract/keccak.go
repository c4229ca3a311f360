package contract

import "golang.org/x/crypto/sha3"

// Keccak256 is Ethereum's Keccak-256 (the legacy padding, not SHA3-256) of
// the concatenated parts.
func Keccak256(parts ...[]byte) Bytes32 {
	h := sha3.NewLegacyKeccak256()
	for _, p := range parts {
		h.Write(p)
	}
	var out Bytes32
	h.Sum(out[:0])
	return out
}

// Selector is the 4-byte function selector of a canonical signature such as
// "transfer(address,uint256)": the first bytes of its Keccak-256. Aliases
// like "uint" must already be expanded (EncodeCall does that).
func Selector(canonicalSig string) [4]byte {
	h := Keccak256([]byte(canonicalSig))
	return [4]byte(h[:4])
}
