//go:build !wasip1

package main

import (
	"strings"
	"testing"

	"github.com/enigma-go/enigma/sdk/contract"
)

func TestAccessControl(t *testing.T) {
	h := contract.NewTestHost()
	owner, intruder := contract.Bytes32{1: 0x0f}, contract.Bytes32{1: 0xf0}
	alice, bob := contract.Bytes32{31: 'a'}, contract.Bytes32{31: 'b'}
	if _, err := h.Deploy("construct(bytes32)", owner); err != nil {
		t.Fatal(err)
	}
	if _, err := h.Call("publish(bytes32,string)", intruder, "x"); err == nil || !strings.Contains(err.Error(), "wrong owner token") {
		t.Fatalf("intruder published: %v", err)
	}
	if _, err := h.Call("publish(bytes32,string)", owner, "ipfs://QmSecret"); err != nil {
		t.Fatal(err)
	}
	pass := func(reader contract.Bytes32) []byte {
		res, err := h.Call("grant(bytes32,bytes32)", owner, reader)
		if err != nil {
			t.Fatal(err)
		}
		var p []byte
		if err := contract.DecodeArgs("(bytes)", res.Output, &p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	read := func(p []byte) (string, error) {
		res, err := h.Call("read(bytes)", p)
		if err != nil {
			return "", err
		}
		var s string
		return s, contract.DecodeArgs("(string)", res.Output, &s)
	}
	pa, pb := pass(alice), pass(bob)
	if s, err := read(pa); err != nil || s != "ipfs://QmSecret" {
		t.Fatalf("alice read %q %v", s, err)
	}
	if _, err := h.Call("grant(bytes32,bytes32)", intruder, alice); err == nil {
		t.Fatal("intruder granted a pass")
	}
	forged := append([]byte(nil), pa...)
	forged[3] ^= 1
	if _, err := read(forged); err == nil {
		t.Fatal("altered pass accepted")
	}
	if _, err := read(pa[:10]); err == nil {
		t.Fatal("short pass accepted")
	}
	if _, err := h.Call("revoke(bytes32,bytes32)", owner, alice); err != nil {
		t.Fatal(err)
	}
	if _, err := read(pa); err == nil || !strings.Contains(err.Error(), "revoked") {
		t.Fatalf("revoked pass: %v", err)
	}
	if _, err := read(pb); err != nil {
		t.Fatalf("bob lost access: %v", err)
	}
	pa = pass(alice)
	if _, err := read(pa); err != nil {
		t.Fatalf("re-granted pass: %v", err)
	}
}
