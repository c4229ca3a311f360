// Package crypto groups the network's cryptography. It holds no code of its
// own: compat implements the original Enigma Discovery wire formats that
// enigma-js 0.3.0 and the Enigma contract speak, and envelope implements the
// versioned v2 envelope (hybrid post-quantum HPKE) and the framing that lets a
// worker accept both.
//
// Nothing under internal/crypto may import the enclave, the state store, the
// chain client or any network code: those call it, never the reverse. The
// only dependencies allowed are the standard library, api and go-ethereum's
// crypto and common packages.
package crypto
