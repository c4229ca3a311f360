package client

import (
	"math/big"
	"testing"

	"github.com/enigma-go/enigma/sdk/contract"
)

func TestParseArgsRoundTrip(t *testing.T) {
	sig := "f(uint256,int64,address,bool,string,bytes4,bytes,uint8[],address[2])"
	words := []string{"76", "-17", "0x00000000000000000000000000000000000000aa", "true", "hello world", "0x01020304", "0xbeef",
		"[1,2,\"0x03\"]", `["0x00000000000000000000000000000000000000bb","0x00000000000000000000000000000000000000cc"]`}
	vals, err := ParseArgs(sig, words)
	if err != nil {
		t.Fatal(err)
	}
	enc, err := contract.EncodeArgs(sig, vals...)
	if err != nil {
		t.Fatal(err)
	}
	got, err := FormatValues(sig, enc)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"76", "-17", "0x00000000000000000000000000000000000000aa", "true", "hello world", "0x01020304", "0xbeef", "[1,2,3]",
		"[0x00000000000000000000000000000000000000bb,0x00000000000000000000000000000000000000cc]"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("value %d = %q, want %q", i, got[i], want[i])
		}
	}
	if n := vals[0].(*big.Int); n.Int64() != 76 {
		t.Fatalf("parsed %v", n)
	}
}

func TestParseArgsErrors(t *testing.T) {
	for _, c := range []struct {
		sig   string
		words []string
	}{
		{"add", nil},
		{"add(uint256,uint256)", []string{"1"}},
		{"add(uint256)", []string{"one"}},
		{"add(uint256)", []string{"-5"}},
		{"f(address)", []string{"0x12"}},
		{"f(bytes4)", []string{"0x0102"}},
		{"f(bool)", []string{"maybe"}},
		{"f(uint8[])", []string{"1,2"}},
		{"f(uint8[][])", []string{"[[1]]"}},
		{"f((uint8,bool))", []string{"x"}},
		{"f(fixed128x18)", []string{"1"}},
	} {
		if _, err := ParseArgs(c.sig, c.words); err == nil {
			t.Errorf("ParseArgs(%q, %q) accepted", c.sig, c.words)
		}
	}
	if types, err := SignatureTypes("construct()"); err != nil || len(types) != 0 {
		t.Fatalf("construct() = %v, %v", types, err)
	}
}
