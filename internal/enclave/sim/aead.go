package sim

import (
	"crypto/aes"
	"crypto/cipher"
	"encoding/binary"
	"fmt"
	"io"
)

// The enclave's own AEAD: AES-256-GCM with associated data, laid out
// ciphertext ‖ tag ‖ iv like the compat envelope, so one layout is used
// everywhere. Every use names its purpose in the associated data.
const ivSize = 12

func seal(key [32]byte, aad, plaintext []byte, rand io.Reader) ([]byte, error) {
	var iv [ivSize]byte
	if _, err := io.ReadFull(rand, iv[:]); err != nil {
		return nil, fmt.Errorf("sim: read IV: %w", err)
	}
	out := newGCM(key).Seal(make([]byte, 0, len(plaintext)+16+ivSize), iv[:], plaintext, aad)
	return append(out, iv[:]...), nil
}

func open(key [32]byte, aad, msg []byte) ([]byte, bool) {
	if len(msg) < 16+ivSize {
		return nil, false
	}
	body, iv := msg[:len(msg)-ivSize], msg[len(msg)-ivSize:]
	pt, err := newGCM(key).Open(nil, iv, body, aad)
	return pt, err == nil
}

func newGCM(key [32]byte) cipher.AEAD {
	block, err := aes.NewCipher(key[:])
	if err != nil {
		panic("sim: aes.NewCipher rejected a 32-byte key: " + err.Error()) // broken invariant
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		panic("sim: cipher.NewGCM: " + err.Error()) // broken invariant
	}
	return gcm
}

// buf and reader are the small binary encoder of the backend's private
// formats (sealed blobs, state, deltas): big-endian integers, u32-prefixed
// byte strings.
type buf []byte

func (b buf) u8(v uint8) buf     { return append(b, v) }
func (b buf) u32(v uint32) buf   { return binary.BigEndian.AppendUint32(b, v) }
func (b buf) u64(v uint64) buf   { return binary.BigEndian.AppendUint64(b, v) }
func (b buf) raw(p []byte) buf   { return append(b, p...) }
func (b buf) bytes(p []byte) buf { return append(b.u32(uint32(len(p))), p...) }

type reader struct {
	b   []byte
	bad bool
}

func (r *reader) take(n int) []byte {
	if r.bad || n < 0 || n > len(r.b) {
		r.bad = true
		return nil
	}
	p := r.b[:n:n]
	r.b = r.b[n:]
	return p
}

func (r *reader) u8() uint8 {
	if p := r.take(1); p != nil {
		return p[0]
	}
	return 0
}

func (r *reader) u32() uint32 {
	if p := r.take(4); p != nil {
		return binary.BigEndian.Uint32(p)
	}
	return 0
}

func (r *reader) u64() uint64 { return uint64(r.u32())<<32 | uint64(r.u32()) }

func (r *reader) raw(out []byte) { copy(out, r.take(len(out))) }

func (r *reader) bytes() []byte {
	n := r.u32()
	if uint64(n) > uint64(len(r.b)) {
		r.bad = true
		return nil
	}
	return append([]byte(nil), r.take(int(n))...)
}

// count reads a list length and checks that many items of at least min
// bytes fit in what is left.
func (r *reader) count(min int) int {
	n := r.u32()
	if uint64(n)*uint64(min) > uint64(len(r.b)) {
		r.bad = true
		return 0
	}
	return int(n)
}

func (r *reader) done() bool { return !r.bad && len(r.b) == 0 }
