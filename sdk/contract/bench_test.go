//go:build !wasip1

package contract

import (
	"testing"
)

// Native benchmarks of the codec and dispatch. In the VM every instruction
// is gas; `enigma bench contracts` measures that side.

func BenchmarkDecodeArgsFast(b *testing.B) {
	data, _ := EncodeArgs("(uint256,address,bytes32,bool,bytes,string)", NewUint256(7), Address{1}, Bytes32{2}, true, []byte("abc"), "hello")
	var u Uint256
	var a Address
	var h Bytes32
	var ok bool
	var bs []byte
	var s string
	b.ReportAllocs()
	for b.Loop() {
		if err := DecodeArgs("(uint256,address,bytes32,bool,bytes,string)", data, &u, &a, &h, &ok, &bs, &s); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeArgsReflect(b *testing.B) {
	data, _ := EncodeArgs("(uint256[],string[2],int64)", []Uint256{{1}, {2}, {3}}, [2]string{"a", "b"}, -5)
	var u []Uint256
	var s [2]string
	var i int64
	b.ReportAllocs()
	for b.Loop() {
		if err := DecodeArgs("(uint256[],string[2],int64)", data, &u, &s, &i); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncodeValues(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := EncodeValues(NewUint256(7), Address{1}, true, "hello"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDispatch(b *testing.B) {
	h := NewTestHost()
	args, _ := EncodeArgs("(uint256,uint256)", 76, 17)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := h.Run(false, "add", args); err != nil {
			b.Fatal(err)
		}
	}
}
