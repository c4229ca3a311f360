package api

import (
	"encoding/hex"
	"fmt"
	"strings"
)

// Hash is a 32-byte Keccak-256 digest (task ids, secret contract addresses,
// code hashes, delta hashes, output hashes).
type Hash [32]byte

// TaskID identifies a task. The Enigma contract derives it as
// keccak256(abi.encodePacked(address sender, uint256 nonce)).
type TaskID = Hash

// ContractAddress identifies a secret contract: the task id of its deploy task.
type ContractAddress = Hash

// EthAddress is a 20-byte Ethereum account address.
type EthAddress [20]byte

// Hex returns the lowercase hex form without 0x, as the gateway's JSON-RPC uses it.
func (h Hash) Hex() string { return hex.EncodeToString(h[:]) }

// String returns the 0x-prefixed hex form.
func (h Hash) String() string { return "0x" + h.Hex() }

// IsZero reports whether h is all zeros.
func (h Hash) IsZero() bool { return h == Hash{} }

// Hex returns the lowercase hex form without 0x.
func (a EthAddress) Hex() string { return hex.EncodeToString(a[:]) }

// String returns the 0x-prefixed hex form.
func (a EthAddress) String() string { return "0x" + a.Hex() }

// ParseHash accepts 64 hex digits with or without 0x, in any case.
func ParseHash(s string) (Hash, error) {
	var h Hash
	if err := parseFixedHex(s, h[:]); err != nil {
		return Hash{}, fmt.Errorf("api: invalid 32-byte hash %q: %w", s, err)
	}
	return h, nil
}

// ParseEthAddress accepts 40 hex digits with or without 0x, in any case.
func ParseEthAddress(s string) (EthAddress, error) {
	var a EthAddress
	if err := parseFixedHex(s, a[:]); err != nil {
		return EthAddress{}, fmt.Errorf("api: invalid Ethereum address %q: %w", s, err)
	}
	return a, nil
}

func parseFixedHex(s string, out []byte) error {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "0x"), "0X")
	if len(s) != 2*len(out) {
		return fmt.Errorf("want %d hex digits, got %d", 2*len(out), len(s))
	}
	_, err := hex.Decode(out, []byte(s))
	return err
}

// MarshalText encodes the hash as 0x-prefixed hex.
func (h Hash) MarshalText() ([]byte, error) { return []byte(h.String()), nil }

// UnmarshalText accepts hex with or without 0x.
func (h *Hash) UnmarshalText(b []byte) error {
	v, err := ParseHash(string(b))
	if err != nil {
		return err
	}
	*h = v
	return nil
}

// MarshalText encodes the address as 0x-prefixed hex.
func (a EthAddress) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// UnmarshalText accepts hex with or without 0x.
func (a *EthAddress) UnmarshalText(b []byte) error {
	v, err := ParseEthAddress(string(b))
	if err != nil {
		return err
	}
	*a = v
	return nil
}
