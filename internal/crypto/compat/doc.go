// Package compat implements the cryptography of the original Enigma
// Discovery network byte for byte, so that enigma-js 0.3.0 clients and the
// 0.3.0-era Enigma contract interoperate with this network:
//
//   - secp256k1 keys; public keys travel as 64 bytes X‖Y without the 0x04 prefix;
//   - ECDH: the AES key is SHA-256 of the compressed shared point (0x02|0x03 ‖ X);
//   - AES-256-GCM with a random 12-byte IV, no associated data, laid out as
//     ciphertext ‖ tag(16) ‖ iv(12);
//   - Keccak-256, and "HashParts": Keccak-256 of the concatenation of
//     u64-big-endian(len(part)) ‖ part for every part;
//   - signatures r‖s‖v with v ∈ {27, 28} over a 32-byte hash, without the
//     Ethereum signed-message prefix;
//   - inputsHash, taskId, the worker encryption key message and the receipt
//     hashes exactly as the Enigma contract rebuilds them.
//
// The byte layouts are documented in docs/protocol/crypto.md and pinned by
// the vectors in testdata/, which were produced by and cross-checked against
// enigma-js 0.3.0.
//
// Everything here is deterministic except where an io.Reader supplies the
// randomness. The package must not import the enclave, the state store, the
// chain client or network code.
package compat
