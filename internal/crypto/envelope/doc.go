// Package envelope implements version 2 of the network's message envelope,
// a successor to the compat scheme (internal/crypto/compat) that adds
//
//   - post-quantum confidentiality: HPKE (RFC 9180) with the hybrid KEM
//     ML-KEM-768 + X25519 (X-Wing), HKDF-SHA256 and AES-256-GCM;
//   - context binding: the associated data names the chain, the Enigma
//     contract, the secret contract, its code hash, the epoch, the sender and
//     the task nonce, so a ciphertext cannot be replayed into another task;
//   - forward secrecy across epochs: workers hold one key per epoch in a
//     KeyRing and erase old epochs' keys;
//   - responses the user can open without a long-term key: the output is
//     sealed under a key exported from the request's HPKE context;
//   - optional padding of inputs, outputs and state to size buckets.
//
// Every v2 message starts with a 4-byte magic and a version byte, so one
// transport can carry compat and v2 messages side by side (VersionOf,
// Unframe). The format is specified, with test vectors, in
// docs/protocol/envelope-v2.md.
//
// Bad input of any kind returns an *api.Error (CodeBadEnvelope,
// CodeTampered, CodeWrongEpoch, CodeInvalidInput), never a panic. The
// package must not import the enclave, the state store, the chain client or
// network code.
package envelope
