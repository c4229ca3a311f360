package contract

import (
	"errors"
	"fmt"
	"math/big"
	"reflect"
)

// ErrABI is wrapped by every error about ABI data that does not match the
// types it is decoded as or encoded from.
var ErrABI = errors.New("abi")

func abiErrorf(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrABI}, args...)...)
}

var (
	uint256Type = reflect.TypeFor[Uint256]()
	bigIntType  = reflect.TypeFor[big.Int]()
	addressType = reflect.TypeFor[Address]()
	bytes32Type = reflect.TypeFor[Bytes32]()
	anyType     = reflect.TypeFor[any]()
)

var two256 = new(big.Int).Lsh(big.NewInt(1), 256)

// EncodeArgs ABI-encodes values as the argument list of sig, e.g.
// EncodeArgs("add(uint256,uint256)", a, b), without a selector. The name in
// sig is ignored, so "(address,bool)" works too. Values may be the SDK's
// types, Go integers, *big.Int, bool, string, []byte, byte arrays, Address,
// and slices or arrays of those.
func EncodeArgs(sig string, values ...any) ([]byte, error) {
	s, err := parseSignature(sig)
	if err != nil {
		return nil, err
	}
	if len(values) != len(s.types) {
		return nil, abiErrorf("%s takes %d values, got %d", s.canonical(), len(s.types), len(values))
	}
	return encodeTuple(s.types, values)
}

// EncodeCall returns the 4-byte selector of sig followed by the encoded
// arguments: the call data of an Ethereum transaction.
func EncodeCall(sig string, values ...any) ([]byte, error) {
	s, err := parseSignature(sig)
	if err != nil {
		return nil, err
	}
	args, err := EncodeArgs(sig, values...)
	if err != nil {
		return nil, err
	}
	sel := Selector(s.canonical())
	return append(sel[:], args...), nil
}

// DecodeArgs decodes data, encoded as the argument list of sig, into the
// pointers targets (one per argument). Accepted targets: *Uint256, *big.Int
// or **big.Int, pointers to Go integers (range checked), *Address, *Bytes32
// or *[N]byte for bytesN, *[]byte, *string, *bool, *any, and pointers to
// slices or arrays of those for T[] and T[k].
func DecodeArgs(sig string, data []byte, targets ...any) error {
	s, err := parseSignature(sig)
	if err != nil {
		return err
	}
	if err := decodeInto(s, data, targets); err != nil {
		return fmt.Errorf("decoding the arguments of %s: %w", s.canonical(), err)
	}
	return nil
}

func decodeInto(s *signature, data []byte, targets []any) error {
	if len(targets) != len(s.types) {
		return abiErrorf("%s has %d arguments, got %d targets", s.canonical(), len(s.types), len(targets))
	}
	for i, t := range targets {
		if v := reflect.ValueOf(t); v.Kind() != reflect.Pointer || v.IsNil() {
			return abiErrorf("target %d of %s must be a non-nil pointer, got %T", i, s.canonical(), t)
		}
	}
	err := walkTuple(s.types, data, func(i int, t *abiType, at []byte) error {
		if done, err := fastDecode(t, at, targets[i]); done {
			return err
		}
		return decodeValue(t, at, reflect.ValueOf(targets[i]).Elem())
	})
	return err
}

// ---- encoding ----

func encodeTuple(types []*abiType, vals []any) ([]byte, error) {
	headLen := 0
	for _, t := range types {
		headLen += t.headSize()
	}
	head := make([]byte, 0, min(headLen, 1<<16)) // a capacity hint only: a signature may declare huge static arrays
	var tail []byte
	for i, t := range types {
		enc, err := encodeValue(t, vals[i])
		if err != nil {
			return nil, err
		}
		if t.dynamic() {
			head = append(head, wordOf(uint64(headLen+len(tail)))...)
			tail = append(tail, enc...)
		} else {
			head = append(head, enc...)
		}
	}
	return append(head, tail...), nil
}

func encodeValue(t *abiType, v any) ([]byte, error) {
	if enc, ok := fastEncode(t, v); ok {
		return enc, nil
	}
	return encodeReflect(t, reflect.ValueOf(v))
}

func wordOf(x uint64) []byte {
	w := NewUint256(x).Bytes32()
	return w[:]
}

func padRight(b []byte) []byte {
	out := make([]byte, (len(b)+31)/32*32)
	copy(out, b)
	return out
}

// indirect strips interfaces and pointers (but not *big.Int, which is an
// integer value in its own right).
func indirect(v reflect.Value) reflect.Value {
	for v.IsValid() && (v.Kind() == reflect.Interface || (v.Kind() == reflect.Pointer && v.Type().Elem() != bigIntType)) {
		if v.IsNil() {
			return reflect.Value{}
		}
		v = v.Elem()
	}
	return v
}

func encodeReflect(t *abiType, v reflect.Value) ([]byte, error) {
	v = indirect(v)
	if !v.IsValid() {
		return nil, abiErrorf("nil value for %s", t)
	}
	switch t.kind {
	case kindUint, kindInt:
		x, err := toBig(v)
		if err != nil {
			return nil, abiErrorf("%s: %v", t, err)
		}
		if !fitsInt(t, x) {
			return nil, abiErrorf("%s out of range for %s", x, t)
		}
		if x.Sign() < 0 {
			x = new(big.Int).Add(x, two256)
		}
		return x.FillBytes(make([]byte, 32)), nil
	case kindAddress:
		if v.Kind() != reflect.Array || v.Len() != 20 || v.Type().Elem().Kind() != reflect.Uint8 {
			return nil, abiErrorf("address needs an Address, got %s", v.Type())
		}
		out := make([]byte, 32)
		reflect.Copy(reflect.ValueOf(out[12:]), v)
		return out, nil
	case kindBool:
		if v.Kind() != reflect.Bool {
			return nil, abiErrorf("bool needs a bool, got %s", v.Type())
		}
		if v.Bool() {
			return wordOf(1), nil
		}
		return wordOf(0), nil
	case kindFixedBytes:
		b, ok := byteContents(v)
		if !ok || len(b) != t.size {
			return nil, abiErrorf("%s needs exactly %d bytes, got %s", t, t.size, v.Type())
		}
		return padRight(b), nil
	case kindBytes:
		b, ok := byteContents(v)
		if !ok || v.Kind() != reflect.Slice {
			return nil, abiErrorf("bytes needs a []byte, got %s", v.Type())
		}
		return append(wordOf(uint64(len(b))), padRight(b)...), nil
	case kindString:
		if v.Kind() != reflect.String {
			return nil, abiErrorf("string needs a string, got %s", v.Type())
		}
		return append(wordOf(uint64(v.Len())), padRight([]byte(v.String()))...), nil
	case kindSlice, kindArray:
		if v.Kind() != reflect.Slice && v.Kind() != reflect.Array {
			return nil, abiErrorf("%s needs a slice or array, got %s", t, v.Type())
		}
		n := v.Len()
		if t.kind == kindArray && n != t.size {
			return nil, abiErrorf("%s needs %d elements, got %d", t, t.size, n)
		}
		types := make([]*abiType, n)
		vals := make([]any, n)
		for i := range n {
			types[i], vals[i] = t.elem, v.Index(i).Interface()
		}
		enc, err := encodeTuple(types, vals)
		if err != nil {
			return nil, err
		}
		if t.kind == kindSlice {
			return append(wordOf(uint64(n)), enc...), nil
		}
		return enc, nil
	}
	return nil, abiErrorf("cannot encode %s", t)
}

// byteContents returns the bytes of a []byte-like slice or a [N]byte-like array.
func byteContents(v reflect.Value) ([]byte, bool) {
	switch {
	case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8:
		return v.Bytes(), true
	case v.Kind() == reflect.Array && v.Type().Elem().Kind() == reflect.Uint8:
		b := make([]byte, v.Len())
		reflect.Copy(reflect.ValueOf(b), v)
		return b, true
	}
	return nil, false
}

func toBig(v reflect.Value) (*big.Int, error) {
	switch {
	case v.Type() == uint256Type:
		return v.Interface().(Uint256).Big(), nil
	case v.Type() == bigIntType:
		x := v.Interface().(big.Int)
		return new(big.Int).Set(&x), nil
	case v.Kind() == reflect.Pointer && v.Type().Elem() == bigIntType:
		if v.IsNil() {
			return nil, errors.New("nil *big.Int")
		}
		return new(big.Int).Set(v.Interface().(*big.Int)), nil
	}
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return big.NewInt(v.Int()), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return new(big.Int).SetUint64(v.Uint()), nil
	}
	return nil, fmt.Errorf("need an integer (Uint256, *big.Int or a Go integer), got %s", v.Type())
}

func fitsInt(t *abiType, x *big.Int) bool {
	if t.kind == kindUint {
		return x.Sign() >= 0 && x.BitLen() <= t.size
	}
	// intN holds -2^(N-1) .. 2^(N-1)-1
	if x.Sign() >= 0 {
		return x.BitLen() <= t.size-1
	}
	m := new(big.Int).Add(x, big.NewInt(1)) // -(m) < 2^(N-1)
	return m.BitLen() <= t.size-1
}

// ---- decoding ----

func decodeTuple(types []*abiType, data []byte, targets []reflect.Value) error {
	return walkTuple(types, data, func(i int, t *abiType, at []byte) error {
		return decodeValue(t, at, targets[i])
	})
}

// walkTuple calls decode with where each element of a tuple starts: its head
// for a static type, the place its offset points to for a dynamic one.
func walkTuple(types []*abiType, data []byte, decode func(i int, t *abiType, at []byte) error) error {
	pos := 0
	for i, t := range types {
		hs := t.headSize()
		if pos+hs > len(data) {
			return abiErrorf("argument %d (%s): data too short (%d bytes)", i, t, len(data))
		}
		at := data[pos:]
		if t.dynamic() {
			off, err := readLength(data[pos : pos+32])
			if err != nil || off > len(data) {
				return abiErrorf("argument %d (%s): offset out of range", i, t)
			}
			at = data[off:]
		}
		if err := decode(i, t, at); err != nil {
			return fmt.Errorf("argument %d (%s): %w", i, t, err)
		}
		pos += hs
	}
	return nil
}

// readLength reads a word holding an offset or a length, refusing values
// that cannot index into any real input.
func readLength(w []byte) (int, error) {
	var b [32]byte
	copy(b[:], w)
	u := Uint256FromBytes32(b)
	if !u.IsUint64() || u.Uint64() > 1<<31 {
		return 0, abiErrorf("length or offset %s too large", u)
	}
	return int(u.Uint64()), nil
}

func decodeValue(t *abiType, data []byte, target reflect.Value) error {
	if target.Kind() == reflect.Interface && target.NumMethod() == 0 {
		v, err := decodeDefault(t, data)
		if err != nil {
			return err
		}
		target.Set(reflect.ValueOf(v))
		return nil
	}
	if target.Kind() == reflect.Pointer && target.Type().Elem() != bigIntType {
		if target.IsNil() {
			target.Set(reflect.New(target.Type().Elem()))
		}
		return decodeValue(t, data, target.Elem())
	}
	switch t.kind {
	case kindUint, kindInt:
		x, err := readInt(t, data)
		if err != nil {
			return err
		}
		return setInt(target, x, t)
	case kindAddress:
		if len(data) < 32 {
			return abiErrorf("data too short")
		}
		if !allZero(data[:12]) {
			return abiErrorf("address with non-zero padding")
		}
		if target.Kind() != reflect.Array || target.Len() != 20 || target.Type().Elem().Kind() != reflect.Uint8 {
			return abiErrorf("cannot decode address into %s (use Address)", target.Type())
		}
		reflect.Copy(target, reflect.ValueOf(data[12:32]))
		return nil
	case kindBool:
		if len(data) < 32 {
			return abiErrorf("data too short")
		}
		if !allZero(data[:31]) || data[31] > 1 {
			return abiErrorf("bool that is neither 0 nor 1")
		}
		if target.Kind() != reflect.Bool {
			return abiErrorf("cannot decode bool into %s", target.Type())
		}
		target.SetBool(data[31] == 1)
		return nil
	case kindFixedBytes:
		if len(data) < 32 {
			return abiErrorf("data too short")
		}
		return setBytes(target, data[:t.size], t)
	case kindBytes, kindString:
		b, err := readDynamicBytes(data)
		if err != nil {
			return err
		}
		if t.kind == kindString {
			if target.Kind() != reflect.String {
				return abiErrorf("cannot decode string into %s", target.Type())
			}
			target.SetString(string(b))
			return nil
		}
		if target.Kind() != reflect.Slice || target.Type().Elem().Kind() != reflect.Uint8 {
			return abiErrorf("cannot decode bytes into %s (use []byte)", target.Type())
		}
		target.SetBytes(append([]byte(nil), b...))
		return nil
	case kindSlice, kindArray:
		return decodeList(t, data, target)
	}
	return abiErrorf("cannot decode %s", t)
}

func decodeList(t *abiType, data []byte, target reflect.Value) error {
	n, body := t.size, data
	if t.kind == kindSlice {
		if len(data) < 32 {
			return abiErrorf("data too short")
		}
		var err error
		if n, err = readLength(data[:32]); err != nil {
			return err
		}
		body = data[32:]
	}
	// Every element takes at least its head size: refuse counts the data
	// cannot hold before allocating for them.
	if n > len(body)/t.elem.headSize() {
		return abiErrorf("%d elements do not fit in %d bytes", n, len(body))
	}
	switch target.Kind() {
	case reflect.Slice:
		target.Set(reflect.MakeSlice(target.Type(), n, n))
	case reflect.Array:
		if target.Len() != n {
			return abiErrorf("cannot decode %d elements into %s", n, target.Type())
		}
	default:
		return abiErrorf("cannot decode %s into %s", t, target.Type())
	}
	types := make([]*abiType, n)
	targets := make([]reflect.Value, n)
	for i := range n {
		types[i], targets[i] = t.elem, target.Index(i)
	}
	return decodeTuple(types, body, targets)
}

func readDynamicBytes(data []byte) ([]byte, error) {
	if len(data) < 32 {
		return nil, abiErrorf("data too short")
	}
	n, err := readLength(data[:32])
	if err != nil {
		return nil, err
	}
	if n > len(data)-32 {
		return nil, abiErrorf("length %d exceeds the %d bytes left", n, len(data)-32)
	}
	return data[32 : 32+n], nil
}

func readInt(t *abiType, data []byte) (*big.Int, error) {
	if len(data) < 32 {
		return nil, abiErrorf("data too short")
	}
	x := new(big.Int).SetBytes(data[:32])
	if t.kind == kindInt && data[0]&0x80 != 0 {
		x.Sub(x, two256)
	}
	if !fitsInt(t, x) {
		return nil, abiErrorf("value out of range for %s (improperly encoded)", t)
	}
	return x, nil
}

func setInt(target reflect.Value, x *big.Int, t *abiType) error {
	switch {
	case target.Type() == uint256Type:
		u, ok := Uint256FromBig(x)
		if !ok {
			return abiErrorf("%s does not fit in Uint256", x)
		}
		target.Set(reflect.ValueOf(u))
		return nil
	case target.Type() == bigIntType:
		target.Set(reflect.ValueOf(*new(big.Int).Set(x)))
		return nil
	case target.Kind() == reflect.Pointer && target.Type().Elem() == bigIntType:
		target.Set(reflect.ValueOf(new(big.Int).Set(x)))
		return nil
	}
	switch target.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if !x.IsInt64() || target.OverflowInt(x.Int64()) {
			return abiErrorf("%s does not fit in %s", x, target.Type())
		}
		target.SetInt(x.Int64())
		return nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if !x.IsUint64() || target.OverflowUint(x.Uint64()) {
			return abiErrorf("%s does not fit in %s", x, target.Type())
		}
		target.SetUint(x.Uint64())
		return nil
	}
	return abiErrorf("cannot decode %s into %s (use Uint256, *big.Int or a Go integer)", t, target.Type())
}

func setBytes(target reflect.Value, b []byte, t *abiType) error {
	switch {
	case target.Kind() == reflect.Slice && target.Type().Elem().Kind() == reflect.Uint8:
		target.SetBytes(append([]byte(nil), b...))
		return nil
	case target.Kind() == reflect.Array && target.Type().Elem().Kind() == reflect.Uint8 && target.Len() == len(b):
		reflect.Copy(target, reflect.ValueOf(b))
		return nil
	}
	return abiErrorf("cannot decode %s into %s", t, target.Type())
}

// decodeDefault decodes into the Go type a target of type any receives:
// Uint256 for uintN, *big.Int for intN, Address, bool, []byte for bytes,
// Bytes32 for bytes32 and []byte for other bytesN, string, []any for lists.
func decodeDefault(t *abiType, data []byte) (any, error) {
	var target reflect.Value
	switch t.kind {
	case kindUint:
		target = reflect.New(uint256Type).Elem()
	case kindInt:
		target = reflect.New(reflect.PointerTo(bigIntType)).Elem()
	case kindAddress:
		target = reflect.New(addressType).Elem()
	case kindBool:
		target = reflect.New(reflect.TypeFor[bool]()).Elem()
	case kindFixedBytes:
		if t.size == 32 {
			target = reflect.New(bytes32Type).Elem()
		} else {
			target = reflect.New(reflect.TypeFor[[]byte]()).Elem()
		}
	case kindBytes:
		target = reflect.New(reflect.TypeFor[[]byte]()).Elem()
	case kindString:
		target = reflect.New(reflect.TypeFor[string]()).Elem()
	default:
		target = reflect.New(reflect.SliceOf(anyType)).Elem()
	}
	if err := decodeValue(t, data, target); err != nil {
		return nil, err
	}
	return target.Interface(), nil
}

func allZero(b []byte) bool {
	for _, x := range b {
		if x != 0 {
			return false
		}
	}
	return true
}

// goABIType infers the ABI type of a Go value, for return values: Uint256 is
// uint256, Go unsigned integers uintN, Go signed integers and *big.Int intN,
// Address address, bool, string, []byte bytes, [N]byte (Bytes32 too) bytesN,
// and other slices and arrays T[] and T[k].
func goABIType(rt reflect.Type) (*abiType, error) {
	switch {
	case rt == uint256Type:
		return &abiType{kind: kindUint, size: 256}, nil
	case rt == bigIntType || (rt.Kind() == reflect.Pointer && rt.Elem() == bigIntType):
		return &abiType{kind: kindInt, size: 256}, nil
	case rt == addressType:
		return &abiType{kind: kindAddress}, nil
	}
	switch rt.Kind() {
	case reflect.Pointer:
		return goABIType(rt.Elem())
	case reflect.Bool:
		return &abiType{kind: kindBool}, nil
	case reflect.String:
		return &abiType{kind: kindString}, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return &abiType{kind: kindUint, size: rt.Bits()}, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return &abiType{kind: kindInt, size: rt.Bits()}, nil
	case reflect.Slice:
		if rt.Elem().Kind() == reflect.Uint8 {
			return &abiType{kind: kindBytes}, nil
		}
		elem, err := goABIType(rt.Elem())
		if err != nil {
			return nil, err
		}
		return &abiType{kind: kindSlice, elem: elem}, nil
	case reflect.Array:
		if rt.Elem().Kind() == reflect.Uint8 && rt.Len() >= 1 && rt.Len() <= 32 {
			return &abiType{kind: kindFixedBytes, size: rt.Len()}, nil
		}
		elem, err := goABIType(rt.Elem())
		if err != nil {
			return nil, err
		}
		return &abiType{kind: kindArray, size: rt.Len(), elem: elem}, nil
	}
	return nil, abiErrorf("no ABI type for Go type %s", rt)
}

// EncodeValues ABI-encodes values as a tuple, inferring each ABI type from
// the Go type (see Call.Return). It is how return values are encoded.
func EncodeValues(values ...any) ([]byte, error) {
	types := make([]*abiType, len(values))
	for i, v := range values {
		if v == nil {
			return nil, abiErrorf("value %d is nil", i)
		}
		t := fastType(v)
		if t == nil {
			var err error
			if t, err = goABIType(reflect.TypeOf(v)); err != nil {
				return nil, err
			}
		}
		types[i] = t
	}
	return encodeTuple(types, values)
}
