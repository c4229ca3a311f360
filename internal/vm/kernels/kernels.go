// Package kernels holds the CPU-bound benchmark kernels of `enigma bench
// exec`: the same Go functions run natively in the enigma binary and, built
// for GOOS=wasip1 by Build, as a metered contract, so the two can be
// compared in one run.
//
// The kernels use only the language itself (no assembly, no package with
// architecture-specific code), so native and wasm run the same algorithm.
// This package must import nothing outside the standard library: its source
// is embedded and built as a contract on its own.
package kernels

import "encoding/binary"

// Mix is an integer mixing loop (xorshift and multiply) of n rounds.
func Mix(n uint64) uint64 {
	x := uint64(0x9e3779b97f4a7c15)
	var acc uint64
	for i := uint64(0); i < n; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		acc += x * 0xbf58476d1ce4e5b9
		acc ^= acc >> 31
	}
	return acc
}

// Fib is the naive recursive Fibonacci function.
func Fib(n uint32) uint64 {
	if n < 2 {
		return uint64(n)
	}
	return Fib(n-1) + Fib(n-2)
}

// Input returns n deterministic bytes to hash.
func Input(n int) []byte {
	b := make([]byte, n)
	var g inputGen
	g.fill(b)
	return b
}

// inputGen is the generator behind Input, usable a chunk at a time.
type inputGen struct{ x uint32 }

func (g *inputGen) fill(b []byte) {
	if g.x == 0 {
		g.x = 1
	}
	for i := range b {
		g.x = g.x*1103515245 + 12345
		b[i] = byte(g.x >> 16)
	}
}

// HashInput is SHA256(Input(n)) computed a chunk at a time, so the kernel
// measures hashing, not allocating (a large allocation would also grow a
// contract's memory, and a grown instance cannot be reused).
func HashInput(n int) [32]byte {
	var d digest
	var g inputGen
	var chunk [4096]byte
	for n > 0 {
		c := chunk[:min(n, len(chunk))]
		g.fill(c)
		d.write(c)
		n -= len(c)
	}
	return d.sum()
}

var k256 = [64]uint32{
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
}

func rotr(x uint32, n uint) uint32 { return x>>n | x<<(32-n) }

// SHA256 is a plain-Go SHA-256 (FIPS 180-4), the same code natively and in
// wasm; the tests check it against crypto/sha256.
func SHA256(data []byte) [32]byte {
	var d digest
	d.write(data)
	return d.sum()
}

// digest is a streaming SHA-256.
type digest struct {
	h    [8]uint32
	buf  [64]byte
	nbuf int
	len  uint64
	init bool
}

func (d *digest) write(p []byte) {
	if !d.init {
		d.h = [8]uint32{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19}
		d.init = true
	}
	d.len += uint64(len(p))
	if d.nbuf > 0 {
		n := copy(d.buf[d.nbuf:], p)
		d.nbuf += n
		p = p[n:]
		if d.nbuf < 64 {
			return
		}
		blocks(&d.h, d.buf[:])
		d.nbuf = 0
	}
	full := len(p) &^ 63
	blocks(&d.h, p[:full])
	d.nbuf = copy(d.buf[:], p[full:])
}

func (d *digest) sum() [32]byte {
	n := d.len
	var pad [72]byte
	pad[0] = 0x80
	padLen := 56 - int(n%64)
	if padLen <= 0 {
		padLen += 64
	}
	binary.BigEndian.PutUint64(pad[padLen:], n*8)
	d.write(pad[:padLen+8])
	var out [32]byte
	for i, v := range d.h {
		binary.BigEndian.PutUint32(out[4*i:], v)
	}
	return out
}

func blocks(h *[8]uint32, p []byte) {
	var w [64]uint32
	for ; len(p) >= 64; p = p[64:] {
		for i := 0; i < 16; i++ {
			w[i] = binary.BigEndian.Uint32(p[4*i:])
		}
		for i := 16; i < 64; i++ {
			s0 := rotr(w[i-15], 7) ^ rotr(w[i-15], 18) ^ w[i-15]>>3
			s1 := rotr(w[i-2], 17) ^ rotr(w[i-2], 19) ^ w[i-2]>>10
			w[i] = w[i-16] + s0 + w[i-7] + s1
		}
		a, b, c, d, e, f, g, hh := h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]
		for i := 0; i < 64; i++ {
			t1 := hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + (e&f ^ ^e&g) + k256[i] + w[i]
			t2 := (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + (a&b ^ a&c ^ b&c)
			hh, g, f, e, d, c, b, a = g, f, e, d+t1, c, b, a, t1+t2
		}
		h[0] += a
		h[1] += b
		h[2] += c
		h[3] += d
		h[4] += e
		h[5] += f
		h[6] += g
		h[7] += hh
	}
}

// Run runs kernel name with the argument arg, as the contract does: mix
// rounds, fib n, or SHA-256 of arg bytes of Input. It returns 8 bytes.
func Run(name string, arg uint64) ([]byte, bool) {
	var v uint64
	switch name {
	case "mix":
		v = Mix(arg)
	case "fib":
		v = Fib(uint32(arg))
	case "sha256":
		s := HashInput(int(arg))
		v = binary.LittleEndian.Uint64(s[:])
	case "noop":
	default:
		return nil, false
	}
	return binary.LittleEndian.AppendUint64(nil, v), true
}
