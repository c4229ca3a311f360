package api

import (
	"errors"
	"io"
	"testing"
)

func TestErrorCodes(t *testing.T) {
	err := Errorf(CodeOutOfGas, "task used more than its gas limit %d: %w", 10, io.ErrUnexpectedEOF)
	if got, want := err.Error(), "task used more than its gas limit 10: unexpected EOF"; got != want {
		t.Fatalf("Error() = %q, want %q", got, want)
	}
	if !errors.Is(err, Sentinel(CodeOutOfGas)) {
		t.Fatal("errors.Is does not match the sentinel of the same code")
	}
	if errors.Is(err, Sentinel(CodeTrap)) {
		t.Fatal("errors.Is matches the sentinel of another code")
	}
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Fatal("errors.Is does not reach the cause")
	}
	if CodeOf(err) != CodeOutOfGas || CodeOf(io.EOF) != CodeUnknown {
		t.Fatal("CodeOf")
	}
}

func TestParseHash(t *testing.T) {
	h, err := ParseHash("0xAB" + "00000000000000000000000000000000000000000000000000000000000001")
	if err != nil || h[0] != 0xab || h[31] != 1 {
		t.Fatalf("ParseHash: %v %x", err, h)
	}
	if _, err := ParseHash("abc"); err == nil {
		t.Fatal("short hash accepted")
	}
	if _, err := ParseEthAddress("0x" + "zz00000000000000000000000000000000000000"); err == nil {
		t.Fatal("non-hex address accepted")
	}
}
