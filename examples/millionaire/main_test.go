//go:build !wasip1

package main

import (
	"testing"

	"github.com/enigma-go/enigma/sdk/contract"
)

func richest(t *testing.T, h *contract.TestHost) contract.Bytes32 {
	t.Helper()
	res, err := h.Call("compute_richest()")
	if err != nil {
		t.Fatal(err)
	}
	var a contract.Bytes32
	if err := contract.DecodeArgs("(bytes32)", res.Output, &a); err != nil {
		t.Fatal(err)
	}
	return a
}

func TestMillionaires(t *testing.T) {
	h := contract.NewTestHost()
	if _, err := h.Deploy("construct()"); err != nil {
		t.Fatal(err)
	}
	if got := richest(t, h); got != (contract.Bytes32{}) {
		t.Fatalf("richest of nobody = %v", got)
	}
	a1, a2, a3 := contract.Address{19: 1}, contract.Address{19: 2}, contract.Address{0: 0xff, 19: 3}
	if _, err := h.Call("add_millionaire(address,uint256)", a1, 1_000_000); err != nil {
		t.Fatal(err)
	}
	// As the original integration test calls it.
	if _, err := h.Call("add_millionaire(bytes32,uint256)", contract.Bytes32{31: 2}, 2_000_000); err != nil {
		t.Fatal(err)
	}
	if got := richest(t, h); got != (contract.Bytes32{31: 2}) {
		t.Fatalf("richest = %v, want address 2", got)
	}
	var addr contract.Address
	res, _ := h.Call("compute_richest()")
	if err := contract.DecodeArgs("(address)", res.Output, &addr); err != nil || addr != a2 {
		t.Fatalf("as address: %v %v", addr, err)
	}
	if _, err := h.Call("add_millionaire(address,uint256)", a3, 2_000_000); err != nil {
		t.Fatal(err)
	}
	if got := richest(t, h); got != (contract.Bytes32{31: 2}) {
		t.Fatalf("a tie changed the richest to %v", got)
	}
	want := `[{"address":"0x0000000000000000000000000000000000000000000000000000000000000001","net_worth":"0xf4240"},` +
		`{"address":"0x0000000000000000000000000000000000000000000000000000000000000002","net_worth":"0x1e8480"},` +
		`{"address":"0x000000000000000000000000ff00000000000000000000000000000000000003","net_worth":"0x1e8480"}]`
	if got := string(h.State[millionairesKey]); got != want {
		t.Fatalf("state\n got %s\nwant %s", got, want)
	}
}
