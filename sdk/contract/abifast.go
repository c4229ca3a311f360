package contract

// Fast paths for the types contracts use most. Reflection and big.Int cost
// tens of thousands of instructions per call inside the VM, where every
// instruction is gas; these paths keep a simple call in the low thousands.
// The reflective code handles everything else and is the reference the
// tests compare these paths with.

var (
	typeUint256 = &abiType{kind: kindUint, size: 256}
	typeUint64  = &abiType{kind: kindUint, size: 64}
	typeAddress = &abiType{kind: kindAddress}
	typeBytes32 = &abiType{kind: kindFixedBytes, size: 32}
	typeBool    = &abiType{kind: kindBool}
	typeBytes   = &abiType{kind: kindBytes}
	typeString  = &abiType{kind: kindString}
)

// fastType is goABIType for the common value types, or nil.
func fastType(v any) *abiType {
	switch v.(type) {
	case Uint256:
		return typeUint256
	case uint64:
		return typeUint64
	case Address:
		return typeAddress
	case Bytes32:
		return typeBytes32
	case bool:
		return typeBool
	case []byte:
		return typeBytes
	case string:
		return typeString
	}
	return nil
}

// fastEncode encodes v as t when both are common; ok is false otherwise
// (including values out of range, which the reflective path reports).
func fastEncode(t *abiType, v any) (enc []byte, ok bool) {
	switch t.kind {
	case kindUint:
		var u Uint256
		switch x := v.(type) {
		case Uint256:
			u = x
		case uint64:
			u = Uint256{x}
		case int:
			if x < 0 {
				return nil, false
			}
			u = Uint256{uint64(x)}
		default:
			return nil, false
		}
		if u.BitLen() > t.size {
			return nil, false
		}
		w := u.Bytes32()
		return w[:], true
	case kindAddress:
		if a, ok := v.(Address); ok {
			out := make([]byte, 32)
			copy(out[12:], a[:])
			return out, true
		}
	case kindFixedBytes:
		if h, ok := v.(Bytes32); ok && t.size == 32 {
			return append([]byte(nil), h[:]...), true
		}
	case kindBool:
		if b, ok := v.(bool); ok {
			out := make([]byte, 32)
			if b {
				out[31] = 1
			}
			return out, true
		}
	case kindBytes:
		if b, ok := v.([]byte); ok {
			return appendDynamic(b), true
		}
	case kindString:
		if s, ok := v.(string); ok {
			return appendDynamic([]byte(s)), true
		}
	}
	return nil, false
}

func appendDynamic(b []byte) []byte {
	out := make([]byte, 32+(len(b)+31)/32*32)
	w := NewUint256(uint64(len(b))).Bytes32()
	copy(out, w[:])
	copy(out[32:], b)
	return out
}

// fastDecode decodes the element at data into target when both are common.
// done is false when the reflective path must do it.
func fastDecode(t *abiType, data []byte, target any) (done bool, err error) {
	switch t.kind {
	case kindUint:
		var u *Uint256
		var x *uint64
		switch p := target.(type) {
		case *Uint256:
			u = p
		case *uint64:
			x = p
		default:
			return false, nil
		}
		w, err := word(data)
		if err != nil {
			return true, err
		}
		v := Uint256FromBytes32(w)
		if v.BitLen() > t.size {
			return true, abiErrorf("value out of range for %s (improperly encoded)", t)
		}
		if u != nil {
			*u = v
			return true, nil
		}
		if !v.IsUint64() {
			return true, abiErrorf("%s does not fit in uint64", v)
		}
		*x = v.Uint64()
		return true, nil
	case kindAddress:
		p, ok := target.(*Address)
		if !ok {
			return false, nil
		}
		w, err := word(data)
		if err != nil {
			return true, err
		}
		if !allZero(w[:12]) {
			return true, abiErrorf("address with non-zero padding")
		}
		copy(p[:], w[12:])
		return true, nil
	case kindFixedBytes:
		p, ok := target.(*Bytes32)
		if !ok || t.size != 32 {
			return false, nil
		}
		w, err := word(data)
		*p = w
		return true, err
	case kindBool:
		p, ok := target.(*bool)
		if !ok {
			return false, nil
		}
		w, err := word(data)
		if err != nil {
			return true, err
		}
		if !allZero(w[:31]) || w[31] > 1 {
			return true, abiErrorf("bool that is neither 0 nor 1")
		}
		*p = w[31] == 1
		return true, nil
	case kindBytes, kindString:
		switch p := target.(type) {
		case *[]byte:
			if t.kind != kindBytes {
				return false, nil
			}
			b, err := readDynamicBytes(data)
			if err == nil {
				*p = append([]byte(nil), b...)
			}
			return true, err
		case *string:
			if t.kind != kindString {
				return false, nil
			}
			b, err := readDynamicBytes(data)
			if err == nil {
				*p = string(b)
			}
			return true, err
		}
	}
	return false, nil
}

func word(data []byte) ([32]byte, error) {
	if len(data) < 32 {
		return [32]byte{}, abiErrorf("data too short")
	}
	return [32]byte(data[:32]), nil
}
