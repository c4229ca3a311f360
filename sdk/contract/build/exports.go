package build

import (
	"errors"
	"fmt"
)

// requiredExports are what the VM calls: the reactor's initialiser and the
// two eng_wasm entry points, plus the memory the host reads and writes.
var requiredExports = []string{"_initialize", "deploy", "call", "memory"}

// checkExports reads the module's export section and checks the required
// exports are there, so a build that linked no SDK entry points fails here
// rather than at deploy time.
func checkExports(code []byte) error {
	names, err := exportNames(code)
	if err != nil {
		return err
	}
	for _, want := range requiredExports {
		if !names[want] {
			return fmt.Errorf("the module does not export %q; does the contract import the SDK?", want)
		}
	}
	return nil
}

var errMalformed = errors.New("malformed WebAssembly module")

func exportNames(code []byte) (map[string]bool, error) {
	if len(code) < 8 || string(code[:4]) != "\x00asm" {
		return nil, errMalformed
	}
	r := reader{b: code[8:]}
	for len(r.b) > 0 {
		id := r.byte()
		size := r.uint()
		sec := r.take(size)
		if r.err != nil {
			return nil, errMalformed
		}
		if id != 7 { // export section
			continue
		}
		s := reader{b: sec}
		n := s.uint()
		names := map[string]bool{}
		for range n {
			name := s.take(s.uint())
			s.byte() // kind
			s.uint() // index
			if s.err != nil {
				return nil, errMalformed
			}
			names[string(name)] = true
		}
		return names, nil
	}
	return map[string]bool{}, nil
}

// reader decodes the few WebAssembly encodings the export check needs.
type reader struct {
	b   []byte
	err error
}

func (r *reader) byte() byte {
	if len(r.b) == 0 {
		r.err = errMalformed
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

// uint reads an unsigned LEB128 u32.
func (r *reader) uint() uint64 {
	var x uint64
	for shift := 0; shift < 35; shift += 7 {
		c := r.byte()
		x |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return x
		}
	}
	r.err = errMalformed
	return 0
}

func (r *reader) take(n uint64) []byte {
	if n > uint64(len(r.b)) {
		r.err = errMalformed
		r.b = nil
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}
