package contract

import (
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"math/bits"
	"strings"
)

// Uint256 is an unsigned 256-bit integer, the type of Ethereum's uint256 (and
// of every uintN argument when decoded into it). The zero value is 0. It is a
// comparable value type, so it works as a map key and with ==.
//
// The arithmetic methods are checked like Rust's checked_* that eng_wasm
// contracts use: they return ok=false instead of wrapping around.
type Uint256 [4]uint64 // little-endian 64-bit limbs

// NewUint256 returns x as a Uint256.
func NewUint256(x uint64) Uint256 { return Uint256{x} }

// Uint256FromBig converts a non-negative integer below 2^256; ok is false
// otherwise.
func Uint256FromBig(x *big.Int) (u Uint256, ok bool) {
	if x == nil || x.Sign() < 0 || x.BitLen() > 256 {
		return Uint256{}, false
	}
	var b [32]byte
	x.FillBytes(b[:])
	return Uint256FromBytes32(b), true
}

// Uint256FromBytes32 reads a big-endian 32-byte word.
func Uint256FromBytes32(b [32]byte) Uint256 {
	var u Uint256
	for i := range 4 {
		off := 32 - 8*(i+1)
		u[i] = uint64(b[off])<<56 | uint64(b[off+1])<<48 | uint64(b[off+2])<<40 | uint64(b[off+3])<<32 |
			uint64(b[off+4])<<24 | uint64(b[off+5])<<16 | uint64(b[off+6])<<8 | uint64(b[off+7])
	}
	return u
}

// ParseUint256 accepts a decimal number or a 0x-prefixed hexadecimal one.
func ParseUint256(s string) (Uint256, error) {
	if u, ok := parseHex256(s); ok {
		return u, nil
	}
	x, ok := new(big.Int), false
	if rest, isHex := strings.CutPrefix(s, "0x"); isHex {
		_, ok = x.SetString(rest, 16)
	} else {
		_, ok = x.SetString(s, 10)
	}
	if !ok || strings.HasPrefix(s, "+") || strings.HasPrefix(s, "-") {
		return Uint256{}, fmt.Errorf("contract: %q is not a decimal or 0x-hex unsigned integer", s)
	}
	u, ok := Uint256FromBig(x)
	if !ok {
		return Uint256{}, fmt.Errorf("contract: %q does not fit in 256 bits", s)
	}
	return u, nil
}

// parseHex256 is the fast path of ParseUint256 for the 0x form state JSON
// uses; ok is false for anything else, which the general path handles.
func parseHex256(s string) (u Uint256, ok bool) {
	digits, isHex := strings.CutPrefix(s, "0x")
	if !isHex || len(digits) == 0 || len(digits) > 64 {
		return u, false
	}
	for i := 0; i < len(digits); i++ {
		c := digits[i]
		var d byte
		switch {
		case '0' <= c && c <= '9':
			d = c - '0'
		case 'a' <= c && c <= 'f':
			d = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			d = c - 'A' + 10
		default:
			return Uint256{}, false
		}
		bit := 4 * (len(digits) - 1 - i)
		u[bit/64] |= uint64(d) << (bit % 64)
	}
	return u, true
}

// Bytes32 returns the big-endian 32-byte word, as the ABI encodes it.
func (u Uint256) Bytes32() [32]byte {
	var b [32]byte
	for i := range 4 {
		off := 32 - 8*(i+1)
		w := u[i]
		for j := 7; j >= 0; j-- {
			b[off+j] = byte(w)
			w >>= 8
		}
	}
	return b
}

// Big returns u as a new big.Int.
func (u Uint256) Big() *big.Int {
	b := u.Bytes32()
	return new(big.Int).SetBytes(b[:])
}

// IsUint64 reports whether u fits in a uint64.
func (u Uint256) IsUint64() bool { return u[1]|u[2]|u[3] == 0 }

// Uint64 returns the low 64 bits of u; check IsUint64 first when u may be larger.
func (u Uint256) Uint64() uint64 { return u[0] }

// IsZero reports whether u is 0.
func (u Uint256) IsZero() bool { return u == Uint256{} }

// BitLen is the number of bits needed to represent u.
func (u Uint256) BitLen() int {
	for i := 3; i >= 0; i-- {
		if u[i] != 0 {
			return 64*i + bits.Len64(u[i])
		}
	}
	return 0
}

// Cmp returns -1, 0 or +1 as u is less than, equal to or greater than v.
func (u Uint256) Cmp(v Uint256) int {
	for i := 3; i >= 0; i-- {
		switch {
		case u[i] < v[i]:
			return -1
		case u[i] > v[i]:
			return 1
		}
	}
	return 0
}

// Add returns u+v; ok is false on overflow.
func (u Uint256) Add(v Uint256) (sum Uint256, ok bool) {
	var carry uint64
	for i := range 4 {
		sum[i], carry = bits.Add64(u[i], v[i], carry)
	}
	return sum, carry == 0
}

// Sub returns u-v; ok is false when v > u.
func (u Uint256) Sub(v Uint256) (diff Uint256, ok bool) {
	var borrow uint64
	for i := range 4 {
		diff[i], borrow = bits.Sub64(u[i], v[i], borrow)
	}
	return diff, borrow == 0
}

// Mul returns u*v; ok is false on overflow.
func (u Uint256) Mul(v Uint256) (prod Uint256, ok bool) {
	var wide [8]uint64 // full 512-bit product, schoolbook
	for i := range 4 {
		var carry uint64
		for j := range 4 {
			hi, lo := bits.Mul64(u[i], v[j])
			var c uint64
			lo, c = bits.Add64(lo, wide[i+j], 0)
			hi += c
			lo, c = bits.Add64(lo, carry, 0)
			hi += c
			wide[i+j] = lo
			carry = hi
		}
		wide[i+4] = carry
	}
	copy(prod[:], wide[:4])
	return prod, wide[4]|wide[5]|wide[6]|wide[7] == 0
}

// Div returns u/v rounded down; ok is false when v is 0.
func (u Uint256) Div(v Uint256) (quo Uint256, ok bool) {
	if v.IsZero() {
		return Uint256{}, false
	}
	q, _ := Uint256FromBig(new(big.Int).Quo(u.Big(), v.Big()))
	return q, true
}

// Mod returns u modulo v; ok is false when v is 0.
func (u Uint256) Mod(v Uint256) (rem Uint256, ok bool) {
	if v.IsZero() {
		return Uint256{}, false
	}
	r, _ := Uint256FromBig(new(big.Int).Rem(u.Big(), v.Big()))
	return r, true
}

// String returns u in decimal.
func (u Uint256) String() string { return u.Big().String() }

// Hex returns u as 0x-prefixed hexadecimal without leading zeros ("0x0" for
// zero), the form ethereum-types' U256 uses in JSON.
func (u Uint256) Hex() string {
	const digits = "0123456789abcdef"
	var buf [66]byte
	i := len(buf)
	for _, w := range u {
		for range 16 {
			i--
			buf[i] = digits[w&0xf]
			w >>= 4
		}
	}
	for i < len(buf)-1 && buf[i] == '0' {
		i++
	}
	i -= 2
	buf[i], buf[i+1] = '0', 'x'
	return string(buf[i:])
}

// MarshalText encodes u as Hex does, so state written by a Go contract reads
// like state written by an eng_wasm one.
func (u Uint256) MarshalText() ([]byte, error) { return []byte(u.Hex()), nil }

// UnmarshalText accepts 0x-hex or decimal.
func (u *Uint256) UnmarshalText(b []byte) error {
	v, err := ParseUint256(string(b))
	if err != nil {
		return err
	}
	*u = v
	return nil
}

// UnmarshalJSON accepts a JSON string (0x-hex or decimal) or a JSON number.
func (u *Uint256) UnmarshalJSON(b []byte) error {
	s := string(b)
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		s = s[1 : len(s)-1]
	}
	return u.UnmarshalText([]byte(s))
}

// Address is a 20-byte Ethereum address. In JSON and text it is 0x-prefixed
// lowercase hex, as ethereum-types' H160 serializes.
type Address [20]byte

// ParseAddress accepts 40 hex digits with or without 0x.
func ParseAddress(s string) (Address, error) {
	var a Address
	err := parseHex(s, a[:])
	return a, err
}

func (a Address) String() string                { return "0x" + hex.EncodeToString(a[:]) }
func (a Address) MarshalText() ([]byte, error)  { return []byte(a.String()), nil }
func (a *Address) UnmarshalText(b []byte) error { return parseHex(string(b), a[:]) }

// Bytes32 is a 32-byte value: ABI bytes32 and the addresses the original
// contracts pass as bytes32 (eng_wasm's H256). JSON form: 0x-prefixed hex.
type Bytes32 [32]byte

// ParseBytes32 accepts 64 hex digits with or without 0x.
func ParseBytes32(s string) (Bytes32, error) {
	var h Bytes32
	err := parseHex(s, h[:])
	return h, err
}

func (h Bytes32) String() string                { return "0x" + hex.EncodeToString(h[:]) }
func (h Bytes32) MarshalText() ([]byte, error)  { return []byte(h.String()), nil }
func (h *Bytes32) UnmarshalText(b []byte) error { return parseHex(string(b), h[:]) }

var errHexLength = errors.New("wrong number of hex digits")

func parseHex(s string, out []byte) error {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "0x"), "0X")
	if len(s) != 2*len(out) {
		return fmt.Errorf("contract: want %d hex digits, got %d: %w", 2*len(out), len(s), errHexLength)
	}
	if _, err := hex.Decode(out, []byte(s)); err != nil {
		return fmt.Errorf("contract: %q is not hex: %w", s, err)
	}
	return nil
}
