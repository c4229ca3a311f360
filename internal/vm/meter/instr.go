package meter

import (
	"errors"
	"fmt"
)

// Opcodes the instrumenter treats specially. The rest only need their
// immediates skipped, which readInstr knows for every opcode it accepts.
const (
	opUnreachable  = 0x00
	opNop          = 0x01
	opBlock        = 0x02
	opLoop         = 0x03
	opIf           = 0x04
	opElse         = 0x05
	opEnd          = 0x0b
	opBr           = 0x0c
	opBrIf         = 0x0d
	opBrTable      = 0x0e
	opReturn       = 0x0f
	opCall         = 0x10
	opCallIndirect = 0x11
	opLocalGet     = 0x20
	opLocalSet     = 0x21
	opLocalTee     = 0x22
	opGlobalGet    = 0x23
	opGlobalSet    = 0x24
	opMemorySize   = 0x3f
	opMemoryGrow   = 0x40
	opI32Const     = 0x41
	opI64Const     = 0x42
	opF32Const     = 0x43
	opF64Const     = 0x44
	opI32Eqz       = 0x45
	opI32LtU       = 0x49
	opI32GtU       = 0x4b
	opI64LtS       = 0x53
	opI64GtS       = 0x55
	opF32Eq        = 0x5b
	opF64Eq        = 0x61
	opI32Add       = 0x6a
	opI32Sub       = 0x6b
	opI32Shl       = 0x74
	opI64Add       = 0x7c
	opI64Sub       = 0x7d
	opI64Mul       = 0x7e
	opI64ShrU      = 0x88
	opI64ExtendU   = 0xad
	opDrop         = 0x1a
	opSelect       = 0x1b
	opPrefixFC     = 0xfc
	opPrefixSIMD   = 0xfd

	fcMemoryCopy = 10
	fcMemoryFill = 11

	blockEmpty = 0x40
)

// instr is one decoded instruction of a function body.
type instr struct {
	op    byte
	sub   uint32 // sub-opcode after the 0xfc prefix
	start int    // offset of the opcode in the body
	end   int    // offset just past the immediates
	imm   uint32 // first u32 immediate (label, function or local index)
}

var errTruncated = errors.New("truncated instruction")

type reader struct {
	b   []byte
	pos int
}

func (r *reader) byte() (byte, error) {
	if r.pos >= len(r.b) {
		return 0, errTruncated
	}
	c := r.b[r.pos]
	r.pos++
	return c, nil
}

// u32 reads an unsigned LEB128 of at most 5 bytes.
func (r *reader) u32() (uint32, error) {
	var v uint64
	for shift := uint(0); shift < 35; shift += 7 {
		c, err := r.byte()
		if err != nil {
			return 0, err
		}
		v |= uint64(c&0x7f) << shift
		if c&0x80 == 0 {
			if v > 0xffffffff {
				return 0, errors.New("u32 immediate overflows")
			}
			return uint32(v), nil
		}
	}
	return 0, errors.New("u32 immediate too long")
}

// skipLEB skips a signed or unsigned LEB128 of at most max bytes.
func (r *reader) skipLEB(max int) error {
	for i := 0; i < max; i++ {
		c, err := r.byte()
		if err != nil {
			return err
		}
		if c&0x80 == 0 {
			return nil
		}
	}
	return errors.New("integer immediate too long")
}

func (r *reader) skip(n int) error {
	if r.pos+n > len(r.b) {
		return errTruncated
	}
	r.pos += n
	return nil
}

// blockType skips a block type: empty, a value type or a type index.
func (r *reader) blockType() error {
	if r.pos >= len(r.b) {
		return errTruncated
	}
	switch r.b[r.pos] {
	case blockEmpty, 0x7f, 0x7e, 0x7d, 0x7c, 0x70, 0x6f:
		r.pos++
		return nil
	}
	return r.skipLEB(5)
}

// readInstr decodes the instruction at r.pos. It rejects the opcodes this
// VM does not run (SIMD, tail calls, exceptions, threads) with a message
// naming them.
func (r *reader) readInstr() (instr, error) {
	in := instr{start: r.pos}
	op, err := r.byte()
	if err != nil {
		return in, err
	}
	in.op = op
	switch {
	case op == opBlock || op == opLoop || op == opIf:
		err = r.blockType()
	case op == 0x26:
		// Tables and passive segments stay as instantiated so that an
		// instance can be reset for the next task by restoring memory and
		// globals alone.
		return in, errors.New("table.set is not allowed: contracts cannot modify tables")
	case op == opBr || op == opBrIf || op == opCall || (op >= opLocalGet && op <= opGlobalSet) ||
		op == 0x25 || op == 0xd2: // table.get, ref.func
		in.imm, err = r.u32()
	case op == opBrTable:
		var n uint32
		if n, err = r.u32(); err == nil {
			for i := uint32(0); i <= n && err == nil; i++ {
				_, err = r.u32()
			}
		}
	case op == opCallIndirect:
		if in.imm, err = r.u32(); err == nil {
			_, err = r.u32()
		}
	case op == 0x1c: // select with types
		var n uint32
		if n, err = r.u32(); err == nil {
			err = r.skip(int(n))
		}
	case op >= 0x28 && op <= 0x3e: // loads and stores: memarg
		if _, err = r.u32(); err == nil {
			_, err = r.u32()
		}
	case op == opMemorySize || op == opMemoryGrow:
		in.imm, err = r.u32()
		if err == nil && in.imm != 0 {
			err = errors.New("memory index must be 0")
		}
	case op == opI32Const:
		err = r.skipLEB(5)
	case op == opI64Const:
		err = r.skipLEB(10)
	case op == opF32Const:
		err = r.skip(4)
	case op == opF64Const:
		err = r.skip(8)
	case op == 0xd0: // ref.null
		err = r.skip(1)
	case op == opPrefixFC:
		err = r.readFC(&in)
	case op == opUnreachable || op == opNop || op == opElse || op == opEnd || op == opReturn ||
		op == 0x1a || op == opSelect || (op >= 0x45 && op <= 0xc4) || op == 0xd1:
		// no immediates
	case op == opPrefixSIMD:
		return in, errors.New("SIMD instructions are not allowed: build the contract without SIMD")
	default:
		return in, fmt.Errorf("unsupported opcode 0x%02x (tail calls, exceptions and threads are not allowed)", op)
	}
	if err != nil {
		return in, fmt.Errorf("opcode 0x%02x: %w", op, err)
	}
	in.end = r.pos
	return in, nil
}

func (r *reader) readFC(in *instr) error {
	sub, err := r.u32()
	if err != nil {
		return err
	}
	in.sub = sub
	switch {
	case sub <= 7: // saturating truncations
		return nil
	case sub == 16: // table.size
		in.imm, err = r.u32()
	case sub == fcMemoryCopy:
		err = r.skip(2)
	case sub == fcMemoryFill:
		err = r.skip(1)
	case sub >= 8 && sub <= 17:
		return fmt.Errorf("bulk table and passive segment operations (0xfc %d) are not allowed: contracts cannot modify tables or segments", sub)
	default:
		return fmt.Errorf("unsupported 0xfc sub-opcode %d", sub)
	}
	return err
}

// Class is the cost class of an instruction in a Schedule.
type Class uint8

const (
	ClassFree Class = iota // structural instructions: block, loop, end, else, nop
	ClassRegular
	ClassMul
	ClassDiv
	ClassMem // loads and stores
)

// classOf returns the cost class of an instruction.
func classOf(in instr) Class {
	switch op := in.op; {
	case op == opBlock || op == opLoop || op == opEnd || op == opElse || op == opNop:
		return ClassFree
	case op >= 0x28 && op <= 0x3e:
		return ClassMem
	case op == 0x6c || op == opI64Mul || op == 0x94 || op == 0xa2: // i32/i64/f32/f64 mul
		return ClassMul
	case (op >= 0x6d && op <= 0x70) || (op >= 0x7f && op <= 0x82) || op == 0x95 || op == 0xa3:
		return ClassDiv // integer div/rem and float div
	}
	return ClassRegular
}

// nanKind reports whether an instruction can produce a NaN whose bits
// depend on the CPU (arithmetic on floats), and of which width: 32 or 64,
// 0 for none. Bit-level operations (abs, neg, copysign, reinterpret, loads)
// keep the payload and are deterministic already.
func nanKind(op byte) int {
	switch {
	case op >= 0x8d && op <= 0x91, op >= 0x92 && op <= 0x97: // f32 ceil..sqrt, add..max
		return 32
	case op >= 0x9b && op <= 0x9f, op >= 0xa0 && op <= 0xa5: // f64 ceil..sqrt, add..max
		return 64
	case op == 0xb2 || op == 0xb3 || op == 0xb4 || op == 0xb5: // f32.convert_i*: never NaN
		return 0
	case op == 0xb6: // f32.demote_f64
		return 32
	case op == 0xbb: // f64.promote_f32
		return 64
	}
	return 0
}
