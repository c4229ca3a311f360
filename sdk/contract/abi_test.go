//go:build !wasip1

package contract

import (
	"bytes"
	"errors"
	"math/big"
	"reflect"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
)

func bigOf(s string) *big.Int {
	x, ok := new(big.Int).SetString(s, 0)
	if !ok {
		panic(s)
	}
	return x
}

func u256(s string) Uint256 {
	u, ok := Uint256FromBig(bigOf(s))
	if !ok {
		panic(s)
	}
	return u
}

const (
	max256 = "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
	pow255 = "0x8000000000000000000000000000000000000000000000000000000000000000"
)

// abiCase is one value, as this package takes it (ours) and as
// go-ethereum's accounts/abi takes it (geth), for the type typ.
type abiCase struct {
	typ  string
	ours any
	geth any
	// target returns a fresh pointer to decode ours into.
	target func() any
}

func ptrTo[T any]() func() any { return func() any { return new(T) } }

func abiCases() []abiCase {
	addr := Address{0xde, 0xad, 0xbe, 0xef, 19: 0x01}
	var b32 Bytes32
	for i := range b32 {
		b32[i] = byte(i + 1)
	}
	long := bytes.Repeat([]byte{0xab}, 33)
	cases := []abiCase{
		{"bool", true, true, ptrTo[bool]()},
		{"bool", false, false, ptrTo[bool]()},
		{"address", addr, common.Address(addr), ptrTo[Address]()},
		{"bytes32", b32, [32]byte(b32), ptrTo[Bytes32]()},
		{"bytes1", [1]byte{7}, [1]byte{7}, ptrTo[[1]byte]()},
		{"bytes20", [20]byte(addr), [20]byte(addr), ptrTo[[20]byte]()},
		{"bytes", []byte{}, []byte{}, ptrTo[[]byte]()},
		{"bytes", []byte("hello"), []byte("hello"), ptrTo[[]byte]()},
		{"bytes", long[:32], long[:32], ptrTo[[]byte]()},
		{"bytes", long, long, ptrTo[[]byte]()},
		{"string", "", "", ptrTo[string]()},
		{"string", "héllo, 世界", "héllo, 世界", ptrTo[string]()},
		{"uint8", uint8(255), uint8(255), ptrTo[uint8]()},
		{"uint16", uint16(65535), uint16(65535), ptrTo[uint64]()},
		{"uint32", uint32(1 << 31), uint32(1 << 31), ptrTo[uint32]()},
		{"uint64", uint64(1<<64 - 1), uint64(1<<64 - 1), ptrTo[uint64]()},
		{"int8", int8(-128), int8(-128), ptrTo[int8]()},
		{"int64", int64(-1 << 63), int64(-1 << 63), ptrTo[int64]()},
		{"uint128", u256("0xffffffffffffffffffffffffffffffff"), bigOf("0xffffffffffffffffffffffffffffffff"), ptrTo[Uint256]()},
		{"int256", bigOf("-1"), bigOf("-1"), ptrTo[*big.Int]()},
		{"int256", new(big.Int).Neg(bigOf(pow255)), new(big.Int).Neg(bigOf(pow255)), ptrTo[*big.Int]()},
		{"int256", new(big.Int).Sub(bigOf(pow255), big.NewInt(1)), new(big.Int).Sub(bigOf(pow255), big.NewInt(1)), ptrTo[big.Int]()},
		{"int24", int32(-(1 << 23)), bigOf("-8388608"), ptrTo[int32]()},
		{"uint256[]", []Uint256{}, []*big.Int{}, ptrTo[[]Uint256]()},
		{"address[]", []Address{addr, {}}, []common.Address{common.Address(addr), {}}, ptrTo[[]Address]()},
		{"bool[2]", [2]bool{true, false}, [2]bool{true, false}, ptrTo[[2]bool]()},
		{"string[]", []string{"a", "", "ccc"}, []string{"a", "", "ccc"}, ptrTo[[]string]()},
		{"bytes[]", [][]byte{{1}, long}, [][]byte{{1}, long}, ptrTo[[][]byte]()},
		{"bytes32[]", []Bytes32{b32, {}}, [][32]byte{b32, {}}, ptrTo[[]Bytes32]()},
		{"string[2]", [2]string{"x", "yz"}, [2]string{"x", "yz"}, ptrTo[[2]string]()},
		{"uint256[3]", []Uint256{u256("1"), u256(max256), {}}, [3]*big.Int{big.NewInt(1), bigOf(max256), big.NewInt(0)}, ptrTo[[3]Uint256]()},
		{"uint256[2][]", [][2]Uint256{{u256("1"), u256("2")}, {u256("3"), u256("4")}},
			[][2]*big.Int{{big.NewInt(1), big.NewInt(2)}, {big.NewInt(3), big.NewInt(4)}}, ptrTo[[][2]Uint256]()},
		{"uint8[][]", [][]uint8{{1, 2}, {}, {3}}, [][]uint8{{1, 2}, {}, {3}}, ptrTo[[][]uint8]()},
	}
	for _, v := range []string{"0", "1", "0xffffffffffffffff", "0x10000000000000000", pow255, max256} {
		cases = append(cases, abiCase{"uint256", u256(v), bigOf(v), ptrTo[Uint256]()})
		cases = append(cases, abiCase{"uint", u256(v).Big(), bigOf(v), ptrTo[*big.Int]()})
	}
	return cases
}

func gethArgs(t *testing.T, types ...string) abi.Arguments {
	t.Helper()
	var args abi.Arguments
	for _, typ := range types {
		if typ == "uint" {
			typ = "uint256" // an alias go-ethereum does not take
		}
		ty, err := abi.NewType(typ, "", nil)
		if err != nil {
			t.Fatalf("geth type %s: %v", typ, err)
		}
		args = append(args, abi.Argument{Type: ty})
	}
	return args
}

// TestABIMatchesGoEthereum encodes every case alone and all of them as one
// argument list, checks the bytes against go-ethereum's, and decodes
// go-ethereum's bytes back into the SDK's types.
func TestABIMatchesGoEthereum(t *testing.T) {
	cases := abiCases()
	var types []string
	var ours, geth, targets []any
	for _, c := range cases {
		types = append(types, c.typ)
		ours, geth, targets = append(ours, c.ours), append(geth, c.geth), append(targets, c.target())
		sig := "f(" + c.typ + ")"
		want, err := gethArgs(t, c.typ).Pack(c.geth)
		if err != nil {
			t.Fatalf("geth pack %s: %v", c.typ, err)
		}
		got, err := EncodeArgs(sig, c.ours)
		if err != nil {
			t.Fatalf("EncodeArgs %s %v: %v", c.typ, c.ours, err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("%s %v:\n got %x\nwant %x", c.typ, c.ours, got, want)
		}
		target := c.target()
		if err := DecodeArgs(sig, want, target); err != nil {
			t.Fatalf("DecodeArgs %s: %v", c.typ, err)
		}
		again, err := EncodeArgs(sig, target)
		if err != nil || !bytes.Equal(again, want) {
			t.Fatalf("%s: decode+encode gives %x (%v), want %x", c.typ, again, err, want)
		}
	}
	sig := "all(" + strings.Join(types, ",") + ")"
	want, err := gethArgs(t, types...).Pack(geth...)
	if err != nil {
		t.Fatal(err)
	}
	got, err := EncodeArgs(sig, ours...)
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("whole list: err %v, bytes differ: %v", err, !bytes.Equal(got, want))
	}
	if err := DecodeArgs(sig, want, targets...); err != nil {
		t.Fatal(err)
	}
	again, err := EncodeArgs(sig, targets...)
	if err != nil || !bytes.Equal(again, want) {
		t.Fatalf("whole list round trip: %v", err)
	}
	// go-ethereum decodes what we encode to the values it would encode.
	vals, err := gethArgs(t, types...).Unpack(got)
	if err != nil {
		t.Fatal(err)
	}
	repacked, err := gethArgs(t, types...).Pack(vals...)
	if err != nil || !bytes.Equal(repacked, got) {
		t.Fatalf("geth round trip of our bytes: %v", err)
	}
}

func TestReturnTypeInference(t *testing.T) {
	addr := Address{19: 9}
	got, err := EncodeValues(u256("7"), addr, true, "s", []byte{1}, Bytes32{1}, []Uint256{u256("1")}, uint8(3), int64(-2), big.NewInt(-5))
	if err != nil {
		t.Fatal(err)
	}
	want, err := gethArgs(t, "uint256", "address", "bool", "string", "bytes", "bytes32", "uint256[]", "uint8", "int64", "int256").
		Pack(big.NewInt(7), common.Address(addr), true, "s", []byte{1}, [32]byte{1}, []*big.Int{big.NewInt(1)}, uint8(3), int64(-2), big.NewInt(-5))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("got %x\nwant %x", got, want)
	}
	if _, err := EncodeValues(map[string]int{}); !errors.Is(err, ErrABI) {
		t.Fatalf("map: %v", err)
	}
}

func TestDecodeIntoAny(t *testing.T) {
	data, err := EncodeArgs("f(uint256,int8,address,bytes32,bytes2,string,bool[])", u256("5"), -3, Address{1}, Bytes32{2}, [2]byte{3, 4}, "x", []bool{true})
	if err != nil {
		t.Fatal(err)
	}
	var a, b, c, d, e, f, g any
	if err := DecodeArgs("f(uint256,int8,address,bytes32,bytes2,string,bool[])", data, &a, &b, &c, &d, &e, &f, &g); err != nil {
		t.Fatal(err)
	}
	want := []any{u256("5"), big.NewInt(-3), Address{1}, Bytes32{2}, []byte{3, 4}, "x", []any{true}}
	for i, v := range []any{a, b, c, d, e, f, g} {
		if !reflect.DeepEqual(v, want[i]) {
			t.Errorf("value %d = %#v, want %#v", i, v, want[i])
		}
	}
}

func TestABIRejectsBadData(t *testing.T) {
	word := func(hexs string) []byte { b := u256(hexs).Bytes32(); return b[:] }
	cat := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	for _, c := range []struct {
		name, sig string
		data      []byte
		target    any
	}{
		{"short", "f(uint256)", make([]byte, 31), new(Uint256)},
		{"empty for one arg", "f(uint256,uint256)", word("24"), new(Uint256)},
		{"bool 2", "f(bool)", word("2"), new(bool)},
		{"address padding", "f(address)", word(max256), new(Address)},
		{"uint8 overflow", "f(uint8)", word("256"), new(uint8)},
		{"int8 bad sign extension", "f(int8)", word("0x80"), new(int8)},
		{"uint64 into uint8 target", "f(uint64)", word("300"), new(uint8)},
		{"offset out of range", "f(bytes)", word("0x1000"), new([]byte)},
		{"huge offset", "f(bytes)", word(max256), new([]byte)},
		{"length past end", "f(bytes)", cat(word("0x20"), word("0x40")), new([]byte)},
		{"huge slice", "f(uint256[])", cat(word("0x20"), word("0x7fffffff")), new([]Uint256)},
		{"wrong target", "f(uint256)", word("1"), new(string)},
		{"fixed array size", "f(uint256[2])", cat(word("1"), word("2")), new([3]Uint256)},
	} {
		t.Run(c.name, func(t *testing.T) {
			targets := []any{c.target}
			if c.sig == "f(uint256,uint256)" {
				targets = append(targets, new(Uint256))
			}
			if err := DecodeArgs(c.sig, c.data, targets...); !errors.Is(err, ErrABI) {
				t.Fatalf("err = %v, want an ErrABI", err)
			}
		})
	}
	for _, c := range []struct {
		sig string
		v   any
	}{
		{"f(uint8)", 256}, {"f(uint256)", -1}, {"f(int8)", 128}, {"f(bytes4)", []byte{1}},
		{"f(uint256[2])", []Uint256{{}}}, {"f(address)", "0x01"}, {"f(bool)", 1},
	} {
		if _, err := EncodeArgs(c.sig, c.v); !errors.Is(err, ErrABI) {
			t.Errorf("EncodeArgs(%s, %v) err = %v, want ErrABI", c.sig, c.v, err)
		}
	}
}

func TestParseSignature(t *testing.T) {
	for in, want := range map[string]string{
		"add(uint,uint)":                     "add(uint256,uint256)",
		" f( int , bytes32[] ,uint8[2][] ) ": "f(int256,bytes32[],uint8[2][])",
		"compute_richest()":                  "compute_richest()",
		"(address)":                          "(address)",
	} {
		s, err := parseSignature(in)
		if err != nil || s.canonical() != want {
			t.Errorf("parseSignature(%q) = %v, %v; want %s", in, s, err, want)
		}
	}
	for _, bad := range []string{"f", "f(uint7)", "f(uint264)", "f(bytes33)", "f(bytes0)", "f(tuple)", "f(uint256[0])", "f(uint256]", "a b(uint)", "f(uint08)"} {
		if _, err := parseSignature(bad); err == nil {
			t.Errorf("parseSignature(%q) accepted", bad)
		}
	}
	if sel := Selector("transfer(address,uint256)"); sel != [4]byte{0xa9, 0x05, 0x9c, 0xbb} {
		t.Fatalf("selector %x", sel)
	}
	call, err := EncodeCall("validateCastVote(uint)", 3)
	if err != nil || len(call) != 36 {
		t.Fatalf("EncodeCall: %x %v", call, err)
	}
	m := abi.NewMethod("validateCastVote", "validateCastVote", abi.Function, "", false, false, gethArgs(t, "uint256"), nil)
	if !bytes.Equal(call[:4], m.ID) {
		t.Fatalf("selector %x, geth %x", call[:4], m.ID)
	}
}

// FuzzDecode checks that no input makes the decoder panic or allocate
// without bound.
func FuzzDecode(f *testing.F) {
	seed, _ := EncodeArgs("f(uint256[],bytes,string[2],address)", []Uint256{{1}}, []byte{1, 2}, [2]string{"a", "b"}, Address{})
	f.Add(seed)
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		var a []Uint256
		var b []byte
		var c [2]string
		var d Address
		_ = DecodeArgs("f(uint256[],bytes,string[2],address)", data, &a, &b, &c, &d)
		var e [][]string
		_ = DecodeArgs("g(string[][])", data, &e)
	})
}

// TestFastPathsMatchReflection checks the fast encoders and decoders against
// the reflective ones, which TestABIMatchesGoEthereum ties to go-ethereum.
func TestFastPathsMatchReflection(t *testing.T) {
	for _, c := range abiCases() {
		typ, err := parseType(c.typ)
		if err != nil {
			t.Fatal(err)
		}
		want, err := encodeReflect(typ, reflect.ValueOf(c.ours))
		if err != nil {
			t.Fatal(err)
		}
		if got, ok := fastEncode(typ, c.ours); ok && !bytes.Equal(got, want) {
			t.Errorf("fastEncode %s %v = %x, want %x", c.typ, c.ours, got, want)
		}
		data := want // a lone value: dynamic ones start with their length, as at their offset
		fast, slow := c.target(), c.target()
		done, ferr := fastDecode(typ, data, fast)
		if !done {
			continue
		}
		serr := decodeValue(typ, data, reflect.ValueOf(slow).Elem())
		if (ferr == nil) != (serr == nil) || !reflect.DeepEqual(fast, slow) {
			t.Errorf("fastDecode %s: %v %v, reflective %v %v", c.typ, fast, ferr, slow, serr)
		}
	}
	// Out-of-range and malformed words are refused by both paths alike.
	for _, c := range []struct {
		typ  string
		word []byte
	}{{"uint8", wordOf(256)}, {"bool", wordOf(2)}, {"address", bytes.Repeat([]byte{1}, 32)}, {"uint64", append(wordOf(1)[:23:23], 1, 0, 0, 0, 0, 0, 0, 0, 0)}} {
		typ, _ := parseType(c.typ)
		for _, target := range []any{new(Uint256), new(uint64), new(bool), new(Address)} {
			done, ferr := fastDecode(typ, c.word, target)
			if done && ferr == nil {
				t.Errorf("fastDecode %s into %T accepted %x", c.typ, target, c.word)
			}
		}
	}
	if _, ok := fastEncode(&abiType{kind: kindUint, size: 8}, NewUint256(256)); ok {
		t.Error("fastEncode put 256 in a uint8")
	}
}

// FuzzParseSignature checks that no signature text makes the parser panic
// and that canonical forms parse back to themselves.
func FuzzParseSignature(f *testing.F) {
	for _, s := range []string{"add(uint,uint)", "f(bytes32[2][],string)", "(address)", "f(uint256[", "g(int8[0])"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, sig string) {
		s, err := parseSignature(sig)
		if err != nil {
			return
		}
		again, err := parseSignature(s.canonical())
		if err != nil || again.canonical() != s.canonical() {
			t.Fatalf("%q -> %q -> %v", sig, s.canonical(), err)
		}
	})
}
