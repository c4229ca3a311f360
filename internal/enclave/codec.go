package enclave

import (
	"encoding/binary"
	"fmt"

	"github.com/enigma-go/enigma/api"
)

// Frame layout: magic(4) ‖ version u16 ‖ type u8 ‖ body. See
// docs/protocol/enclave.md for each body.
var frameMagic = [4]byte{'E', 'G', 'E', 'N'}

const frameHeaderSize = 4 + 2 + 1

// MaxFrameSize bounds a frame (and so every field in it): large enough for a
// 16 MiB contract plus its inputs and state.
const MaxFrameSize = 64 << 20

// Marshal encodes m as a frame of type t. The encoding is deterministic:
// equal messages give equal bytes.
func Marshal(t MessageType, m Message) []byte {
	c := &coder{buf: make([]byte, 0, 256)}
	c.buf = append(c.buf, frameMagic[:]...)
	c.buf = binary.BigEndian.AppendUint16(c.buf, ProtocolVersion)
	c.buf = append(c.buf, byte(t))
	m.codec(c)
	return c.buf
}

// Unmarshal decodes a frame. It fails with api.CodeBadEnvelope on a frame
// of another protocol version or an unknown type, and api.CodeInvalidInput
// on a truncated or malformed body (including trailing bytes). It never
// panics and allocates no more than the frame's size.
func Unmarshal(frame []byte) (MessageType, Message, error) {
	if len(frame) > MaxFrameSize {
		return 0, nil, api.Errorf(api.CodeInvalidInput, "enclave: frame of %d bytes exceeds the %d-byte limit", len(frame), MaxFrameSize)
	}
	if len(frame) < frameHeaderSize || [4]byte(frame[:4]) != frameMagic {
		return 0, nil, api.Errorf(api.CodeBadEnvelope, "enclave: not an enclave protocol frame (want magic %q and a %d-byte header)", frameMagic[:], frameHeaderSize)
	}
	if v := binary.BigEndian.Uint16(frame[4:6]); v != ProtocolVersion {
		return 0, nil, api.Errorf(api.CodeBadEnvelope, "enclave: protocol version %d is not supported (this side speaks %d); upgrade the older side", v, ProtocolVersion)
	}
	t := MessageType(frame[6])
	m := newMessage(t)
	if m == nil {
		return 0, nil, api.Errorf(api.CodeBadEnvelope, "enclave: unknown message type 0x%02x", uint8(t))
	}
	c := &coder{buf: frame[frameHeaderSize:], decoding: true}
	m.codec(c)
	if c.err == nil && len(c.buf) != 0 {
		c.err = fmt.Errorf("%d trailing bytes", len(c.buf))
	}
	if c.err != nil {
		return 0, nil, api.Errorf(api.CodeInvalidInput, "enclave: malformed message of type 0x%02x: %v", uint8(t), c.err)
	}
	return t, m, nil
}

// coder encodes or decodes a message body with one description per message:
// each message's codec method lists its fields once, in wire order. Integers
// are big-endian; variable-length fields are u32 length ‖ bytes; lists are
// u32 count ‖ items. Decoding stops at the first error.
type coder struct {
	buf      []byte
	decoding bool
	err      error
}

func (c *coder) take(n int) []byte {
	if c.err != nil {
		return nil
	}
	if n < 0 || n > len(c.buf) {
		c.err = fmt.Errorf("truncated: need %d bytes, %d left", n, len(c.buf))
		return nil
	}
	b := c.buf[:n:n]
	c.buf = c.buf[n:]
	return b
}

func (c *coder) u8(v *uint8) {
	if !c.decoding {
		c.buf = append(c.buf, *v)
		return
	}
	if b := c.take(1); b != nil {
		*v = b[0]
	}
}

// boolean is one byte, 0 or 1; any other value is malformed.
func (c *coder) boolean(v *bool) {
	var b uint8
	if *v {
		b = 1
	}
	c.u8(&b)
	if c.decoding {
		if b > 1 && c.err == nil {
			c.err = fmt.Errorf("boolean byte %d is neither 0 nor 1", b)
		}
		*v = b == 1
	}
}

func (c *coder) u32(v *uint32) {
	if !c.decoding {
		c.buf = binary.BigEndian.AppendUint32(c.buf, *v)
		return
	}
	if b := c.take(4); b != nil {
		*v = binary.BigEndian.Uint32(b)
	}
}

func (c *coder) u64(v *uint64) {
	if !c.decoding {
		c.buf = binary.BigEndian.AppendUint64(c.buf, *v)
		return
	}
	if b := c.take(8); b != nil {
		*v = binary.BigEndian.Uint64(b)
	}
}

// i64 and str write to the message only when decoding, so encoding never
// writes to a message another goroutine may be encoding too.
func (c *coder) i64(v *int64) {
	u := uint64(*v)
	c.u64(&u)
	if c.decoding {
		*v = int64(u)
	}
}

// fixed encodes a fixed-size array given as a slice of it.
func (c *coder) fixed(p []byte) {
	if !c.decoding {
		c.buf = append(c.buf, p...)
		return
	}
	if b := c.take(len(p)); b != nil {
		copy(p, b)
	}
}

// count encodes a length or item count; on decode it checks that n items
// of at least min bytes each can fit in what is left, so a forged count
// cannot make the decoder allocate more than the frame.
func (c *coder) count(n int, min int) int {
	v := uint32(n)
	c.u32(&v)
	if c.decoding && c.err == nil && uint64(v)*uint64(min) > uint64(len(c.buf)) {
		c.err = fmt.Errorf("truncated: %d items of %d bytes announced, %d bytes left", v, min, len(c.buf))
		return 0
	}
	return int(v)
}

// bytes encodes a variable-length field. Decoding gives nil for an empty
// field: empty and absent are the same on the wire.
func (c *coder) bytes(v *[]byte) {
	n := c.count(len(*v), 1)
	if !c.decoding {
		c.buf = append(c.buf, *v...)
		return
	}
	if b := c.take(n); b != nil && n > 0 {
		*v = append([]byte(nil), b...)
	} else {
		*v = nil
	}
}

func (c *coder) str(v *string) {
	b := []byte(*v)
	c.bytes(&b)
	if c.decoding {
		*v = string(b)
	}
}

func (c *coder) hashes(v *[]api.Hash) {
	n := c.count(len(*v), 32)
	if c.decoding {
		*v = nil
		if n > 0 && c.err == nil {
			*v = make([]api.Hash, n)
		}
	}
	for i := 0; i < n && c.err == nil; i++ {
		c.fixed((*v)[i][:])
	}
}

func (c *coder) addresses(v *[]api.EthAddress) {
	n := c.count(len(*v), 20)
	if c.decoding {
		*v = nil
		if n > 0 && c.err == nil {
			*v = make([]api.EthAddress, n)
		}
	}
	for i := 0; i < n && c.err == nil; i++ {
		c.fixed((*v)[i][:])
	}
}

func (c *coder) words(v *[][32]byte) {
	n := c.count(len(*v), 32)
	if c.decoding {
		*v = nil
		if n > 0 && c.err == nil {
			*v = make([][32]byte, n)
		}
	}
	for i := 0; i < n && c.err == nil; i++ {
		c.fixed((*v)[i][:])
	}
}

// blobs encodes a list of variable-length fields (list<bytes>).
func (c *coder) blobs(v *[][]byte) {
	n := c.count(len(*v), 4)
	if c.decoding {
		*v = nil
		if n > 0 && c.err == nil {
			*v = make([][]byte, n)
		}
	}
	for i := 0; i < n && c.err == nil; i++ {
		c.bytes(&(*v)[i])
	}
}
