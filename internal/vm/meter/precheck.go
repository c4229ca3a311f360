package meter

import "fmt"

// maxLocals bounds the locals of one function. It keeps the deepest allowed
// call stack (1000 frames) far below the compiler's stack ceiling, so both
// engines stop deep recursion at the same call. The decoder also expands local
// declarations one entry per local, so a few bytes declaring billions of
// locals would otherwise exhaust memory before any other check runs.
const maxLocals = 10_000

// precheck walks the section headers and the code section's local
// declarations without decoding anything else.
func precheck(code []byte) error {
	r := reader{b: code, pos: 8}
	for r.pos < len(r.b) {
		id, err := r.byte()
		if err != nil {
			return err
		}
		size, err := r.u32()
		if err != nil {
			return fmt.Errorf("section header: %w", err)
		}
		if uint64(r.pos)+uint64(size) > uint64(len(r.b)) {
			return fmt.Errorf("section %d is truncated", id)
		}
		end := r.pos + int(size)
		if id == 10 {
			if err := checkLocals(reader{b: r.b[:end], pos: r.pos}); err != nil {
				return err
			}
		}
		r.pos = end
	}
	return nil
}

func checkLocals(r reader) error {
	n, err := r.u32()
	if err != nil {
		return err
	}
	for i := uint32(0); i < n; i++ {
		size, err := r.u32()
		if err != nil {
			return err
		}
		next := r.pos + int(size)
		groups, err := r.u32()
		if err != nil {
			return err
		}
		var total uint64
		for g := uint32(0); g < groups; g++ {
			c, err := r.u32()
			if err != nil {
				return err
			}
			if _, err := r.byte(); err != nil {
				return err
			}
			if total += uint64(c); total > maxLocals {
				return limit("function %d declares more than %d locals", i, maxLocals)
			}
		}
		if next > len(r.b) || next < r.pos {
			return fmt.Errorf("function body %d is truncated", i)
		}
		r.pos = next
	}
	return nil
}
