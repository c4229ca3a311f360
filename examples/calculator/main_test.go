//go:build !wasip1

package main

import (
	"strings"
	"testing"

	"github.com/enigma-go/enigma/sdk/contract"
)

func result(t *testing.T, h *contract.TestHost, sig string, a, b uint64) (contract.Uint256, error) {
	t.Helper()
	res, err := h.Call(sig, a, b)
	if err != nil {
		return contract.Uint256{}, err
	}
	var r contract.Uint256
	if err := contract.DecodeArgs("(uint256)", res.Output, &r); err != nil {
		t.Fatalf("%s output: %v", sig, err)
	}
	return r, nil
}

func TestCalculator(t *testing.T) {
	h := contract.NewTestHost()
	if _, err := h.Deploy("construct()"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		sig  string
		want uint64
	}{{"add(uint256,uint256)", 93}, {"sub(uint256,uint256)", 59}, {"mul(uint256,uint256)", 1292}, {"div(uint256,uint256)", 4}} {
		got, err := result(t, h, c.sig, 76, 17)
		if err != nil || got != contract.NewUint256(c.want) {
			t.Errorf("%s(76,17) = %v, %v; want %d", c.sig, got, err, c.want)
		}
	}
	for sig, msg := range map[string]string{"sub(uint256,uint256)": "subtraction overflow", "div(uint256,uint256)": "division by zero"} {
		if _, err := result(t, h, sig, 0, 0); err != nil && sig == "sub(uint256,uint256)" {
			t.Errorf("0-0: %v", err)
		}
		b := uint64(1)
		if strings.HasPrefix(sig, "div") {
			b = 0
		}
		if _, err := result(t, h, sig, 0, b); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("%s: err %v, want %q", sig, err, msg)
		}
	}
	max := contract.Uint256{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
	if _, err := h.Call("add(uint256,uint256)", max, 1); err == nil || !strings.Contains(err.Error(), "addition overflow") {
		t.Errorf("max+1: %v", err)
	}
	if _, err := h.Call("mul(uint256,uint256)", max, 2); err == nil {
		t.Error("max*2 did not fail")
	}
	// The original failing-parameters scenario: add(uint,uint) with one argument.
	args, _ := contract.EncodeArgs("(uint256)", 24)
	if _, err := h.Run(false, "add(uint,uint)", args); err == nil {
		t.Error("missing argument accepted")
	}
}
