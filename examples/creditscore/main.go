// Command creditscore scores an applicant from secret financial data and
// lets a lender learn one thing only: whether the score reaches the
// lender's threshold, once per consent the applicant gives.
//
// The applicant submits income, debt, late payments and years of history
// under a secret token (the task's inputs are encrypted, so neither the
// data nor the token leaves the enclave) and learns their own score. To
// apply for a loan they register the hash of a consent token and hand the
// token to the lender, who asks qualifies(token, threshold) and gets a bool.
// A consent works once, so a lender cannot binary-search the score.
package main

import (
	"errors"

	"github.com/enigma-go/enigma/sdk/contract"
)

const (
	profilesKey = "profiles" // Keccak-256 of the applicant token -> score
	consentsKey = "consents" // Keccak-256 of a consent token -> applicant
)

// Score bounds, on the familiar 300..850 scale.
const (
	minScore = 300
	maxScore = 850
)

func init() {
	contract.PrepareState(map[contract.Bytes32]uint64{{}: 0}, map[contract.Bytes32]contract.Bytes32{{}: {}})
	contract.Register("submit(bytes32,uint256,uint256,uint256,uint256)", submit)
	contract.Register("consent(bytes32,bytes32)", consent)
	contract.Register("qualifies(bytes32,uint256)", qualifies)
}

// score is a simple, explainable model: 300, plus up to 150 for the length
// of credit history, plus up to 400 for a low debt-to-income ratio, minus
// 60 per late payment, clamped to 300..850.
func score(income, debt, late, years uint64) uint64 {
	s := int64(minScore) + int64(min(years, 10))*15
	if income > 0 {
		ratio := min(debt, income) * 100 / income // percent, at most 100
		s += int64(400 - 4*ratio)
	}
	s -= int64(min(late, 10)) * 60
	return uint64(max(minScore, min(maxScore, s)))
}

func submit(c *contract.Call) error {
	var token contract.Bytes32
	var income, debt, late, years uint64
	if err := c.Args(&token, &income, &debt, &late, &years); err != nil {
		return err
	}
	s := score(income, debt, late, years)
	profiles := contract.ReadOr(profilesKey, map[contract.Bytes32]uint64{})
	profiles[contract.Keccak256(token[:])] = s
	contract.Write(profilesKey, profiles)
	return c.Return(uint64(s))
}

func consent(c *contract.Call) error {
	var token, consentHash contract.Bytes32
	if err := c.Args(&token, &consentHash); err != nil {
		return err
	}
	applicant := contract.Keccak256(token[:])
	if _, ok := contract.ReadOr(profilesKey, map[contract.Bytes32]uint64{})[applicant]; !ok {
		return errors.New("submit a profile before giving consent")
	}
	consents := contract.ReadOr(consentsKey, map[contract.Bytes32]contract.Bytes32{})
	if _, used := consents[consentHash]; used {
		return errors.New("this consent is already registered")
	}
	consents[consentHash] = applicant
	contract.Write(consentsKey, consents)
	return nil
}

// qualifies uses up the consent and says whether the applicant's score is
// at least threshold.
func qualifies(c *contract.Call) error {
	var consentToken contract.Bytes32
	var threshold uint64
	if err := c.Args(&consentToken, &threshold); err != nil {
		return err
	}
	consents := contract.ReadOr(consentsKey, map[contract.Bytes32]contract.Bytes32{})
	h := contract.Keccak256(consentToken[:])
	applicant, ok := consents[h]
	if !ok {
		return errors.New("no such consent, or it was used already")
	}
	delete(consents, h)
	contract.Write(consentsKey, consents)
	s := contract.ReadOr(profilesKey, map[contract.Bytes32]uint64{})[applicant]
	return c.Return(s >= threshold)
}

func main() {}
