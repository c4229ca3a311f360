package contract

import (
	"fmt"
	"strconv"
	"strings"
)

// abiKind is the shape of an ABI type.
type abiKind uint8

const (
	kindUint abiKind = iota + 1
	kindInt
	kindAddress
	kindBool
	kindBytes      // dynamic bytes
	kindFixedBytes // bytes1..bytes32
	kindString
	kindSlice // T[]
	kindArray // T[k]
)

// abiType is one parsed Ethereum ABI type (tuples are not supported: the
// original contracts' signatures never use them).
type abiType struct {
	kind abiKind
	size int      // bits for uintN/intN, N for bytesN, k for T[k]
	elem *abiType // for T[] and T[k]
}

func (t *abiType) String() string {
	switch t.kind {
	case kindUint:
		return "uint" + strconv.Itoa(t.size)
	case kindInt:
		return "int" + strconv.Itoa(t.size)
	case kindAddress:
		return "address"
	case kindBool:
		return "bool"
	case kindBytes:
		return "bytes"
	case kindFixedBytes:
		return "bytes" + strconv.Itoa(t.size)
	case kindString:
		return "string"
	case kindSlice:
		return t.elem.String() + "[]"
	case kindArray:
		return t.elem.String() + "[" + strconv.Itoa(t.size) + "]"
	}
	return "?"
}

// dynamic reports whether the type is encoded in the tail (behind an offset).
func (t *abiType) dynamic() bool {
	switch t.kind {
	case kindBytes, kindString, kindSlice:
		return true
	case kindArray:
		return t.elem.dynamic()
	}
	return false
}

// headSize is the number of bytes the type takes in the head of its enclosing
// tuple: 32 for every dynamic type and scalar, k*headSize(T) for a static T[k].
func (t *abiType) headSize() int {
	if t.kind == kindArray && !t.dynamic() {
		return t.size * t.elem.headSize()
	}
	return 32
}

// maxArrayLen bounds fixed array lengths in signatures, so a hostile
// signature cannot make the codec allocate without bound.
const maxArrayLen = 1 << 16

// parseType parses one type such as "uint256", "bytes32[]" or "address[2][]".
// "uint" and "int" are the aliases of uint256 and int256.
func parseType(s string) (*abiType, error) {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, "]") {
		open := strings.LastIndexByte(s, '[')
		if open <= 0 {
			return nil, fmt.Errorf("type %q: unbalanced brackets", s)
		}
		elem, err := parseType(s[:open])
		if err != nil {
			return nil, err
		}
		inner := s[open+1 : len(s)-1]
		if inner == "" {
			return &abiType{kind: kindSlice, elem: elem}, nil
		}
		k, err := strconv.Atoi(inner)
		if err != nil || k <= 0 || k > maxArrayLen {
			return nil, fmt.Errorf("type %q: array length must be 1..%d", s, maxArrayLen)
		}
		return &abiType{kind: kindArray, size: k, elem: elem}, nil
	}
	switch s {
	case "address":
		return &abiType{kind: kindAddress}, nil
	case "bool":
		return &abiType{kind: kindBool}, nil
	case "bytes":
		return &abiType{kind: kindBytes}, nil
	case "string":
		return &abiType{kind: kindString}, nil
	case "uint":
		return &abiType{kind: kindUint, size: 256}, nil
	case "int":
		return &abiType{kind: kindInt, size: 256}, nil
	}
	for _, p := range []struct {
		prefix string
		kind   abiKind
	}{{"uint", kindUint}, {"int", kindInt}, {"bytes", kindFixedBytes}} {
		rest, ok := strings.CutPrefix(s, p.prefix)
		if !ok {
			continue
		}
		n, err := strconv.Atoi(rest)
		if err != nil || rest[0] == '0' || rest[0] == '+' {
			break
		}
		if p.kind == kindFixedBytes {
			if n < 1 || n > 32 {
				return nil, fmt.Errorf("type %q: bytesN needs 1 <= N <= 32", s)
			}
		} else if n < 8 || n > 256 || n%8 != 0 {
			return nil, fmt.Errorf("type %q: size must be a multiple of 8 from 8 to 256", s)
		}
		return &abiType{kind: p.kind, size: n}, nil
	}
	return nil, fmt.Errorf("unsupported ABI type %q (supported: uintN, intN, address, bool, bytes, bytesN, string and arrays of them)", s)
}

// signature is a parsed function signature "name(type,...)".
type signature struct {
	name  string
	types []*abiType
}

// canonical is the form whose Keccak-256 gives the selector: aliases
// expanded, no spaces.
func (s *signature) canonical() string {
	parts := make([]string, len(s.types))
	for i, t := range s.types {
		parts[i] = t.String()
	}
	return s.name + "(" + strings.Join(parts, ",") + ")"
}

// parseSignature parses "name(t1,t2)". The name may be empty, so "(uint256,bool)"
// describes a bare list of types (return values, for instance).
func parseSignature(sig string) (*signature, error) {
	sig = strings.TrimSpace(sig)
	open := strings.IndexByte(sig, '(')
	if open < 0 || !strings.HasSuffix(sig, ")") {
		return nil, fmt.Errorf("contract: signature %q must look like name(type,...)", sig)
	}
	name := strings.TrimSpace(sig[:open])
	if strings.ContainsAny(name, " ()[],") {
		return nil, fmt.Errorf("contract: signature %q: invalid function name %q", sig, name)
	}
	inner := strings.TrimSpace(sig[open+1 : len(sig)-1])
	s := &signature{name: name}
	if inner == "" {
		return s, nil
	}
	for _, part := range strings.Split(inner, ",") {
		t, err := parseType(part)
		if err != nil {
			return nil, fmt.Errorf("contract: signature %q: %w", sig, err)
		}
		s.types = append(s.types, t)
	}
	return s, nil
}

// functionName returns the part of sig before '(' (all of it without one):
// the name the original eng_wasm dispatched on.
func functionName(sig string) string {
	if i := strings.IndexByte(sig, '('); i >= 0 {
		return strings.TrimSpace(sig[:i])
	}
	return strings.TrimSpace(sig)
}
