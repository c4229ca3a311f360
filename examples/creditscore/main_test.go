//go:build !wasip1

package main

import (
	"strings"
	"testing"

	"github.com/enigma-go/enigma/sdk/contract"
)

func TestScoreModel(t *testing.T) {
	for _, c := range []struct {
		income, debt, late, years, want uint64
	}{
		{100000, 0, 0, 10, 850},
		{100000, 100000, 0, 0, 300},
		{0, 0, 0, 0, 300},
		{50000, 10000, 1, 4, 300 + 60 + 320 - 60},
		{50000, 500000, 20, 50, 300},
	} {
		if got := score(c.income, c.debt, c.late, c.years); got != c.want {
			t.Errorf("score(%d,%d,%d,%d) = %d, want %d", c.income, c.debt, c.late, c.years, got, c.want)
		}
	}
}

func TestConsentIsSingleUse(t *testing.T) {
	h := contract.NewTestHost()
	applicant := contract.Bytes32{1}
	consentToken := contract.Bytes32{2}
	res, err := h.Call("submit(bytes32,uint256,uint256,uint256,uint256)", applicant, 50000, 10000, 1, 4)
	if err != nil {
		t.Fatal(err)
	}
	var s uint64
	if err := contract.DecodeArgs("(uint256)", res.Output, &s); err != nil || s != 620 {
		t.Fatalf("score %d %v", s, err)
	}
	if _, err := h.Call("consent(bytes32,bytes32)", contract.Bytes32{9}, contract.Keccak256(consentToken[:])); err == nil {
		t.Fatal("consent without a profile")
	}
	if _, err := h.Call("consent(bytes32,bytes32)", applicant, contract.Keccak256(consentToken[:])); err != nil {
		t.Fatal(err)
	}
	res, err = h.Call("qualifies(bytes32,uint256)", consentToken, 600)
	var ok bool
	if err != nil || contract.DecodeArgs("(bool)", res.Output, &ok) != nil || !ok {
		t.Fatalf("qualifies: %v %v", ok, err)
	}
	if _, err := h.Call("qualifies(bytes32,uint256)", consentToken, 700); err == nil || !strings.Contains(err.Error(), "used already") {
		t.Fatalf("second use of a consent: %v", err)
	}
	if !strings.Contains(string(h.State[profilesKey]), "620") {
		t.Fatalf("profiles %s", h.State[profilesKey])
	}
}
