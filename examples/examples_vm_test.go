package examples_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/vm"
	"github.com/enigma-go/enigma/sdk/contract"
)

func TestCalculatorOnVM(t *testing.T) {
	t.Parallel()
	c := deploy(t, "calculator", "construct()")
	for sig, want := range map[string]uint64{
		"add(uint256,uint256)": 93, "sub(uint256,uint256)": 59, "mul(uint256,uint256)": 1292, "div(uint256,uint256)": 4,
	} {
		if got := decode[contract.Uint256](t, "(uint256)", c.call(sig, 76, 17).Output); got != contract.NewUint256(want) {
			t.Errorf("%s(76,17) = %s, want %d", sig, got, want)
		}
	}
	err := c.fails("sub(uint256,uint256)", 17, 76)
	if api.CodeOf(err) != api.CodeTrap || !strings.Contains(err.Error(), "subtraction overflow") {
		t.Fatalf("17-76: %v", err)
	}
	if err := c.fails("div(uint256,uint256)", 1, 0); !strings.Contains(err.Error(), "division by zero") {
		t.Fatalf("1/0: %v", err)
	}
	if err := c.fails("nonexistent(uint256)", 1); api.CodeOf(err) != api.CodeUnknownFunction {
		t.Fatalf("unknown function: %v", err)
	}
	// add(uint,uint) with one argument, as the original failure scenario sends it.
	if err := c.fails("add(uint256)", 24); !strings.Contains(err.Error(), "too short") {
		t.Fatalf("missing argument: %v", err)
	}
}

func TestMillionaireOnVM(t *testing.T) {
	t.Parallel()
	c := deploy(t, "millionaire", "construct()")
	c.call("add_millionaire(bytes32,uint256)", contract.Bytes32{31: 1}, 1_000_000)
	c.call("add_millionaire(address,uint256)", contract.Address{19: 2}, 2_000_000)
	got := decode[contract.Address](t, "(address)", c.call("compute_richest()").Output)
	if got != (contract.Address{19: 2}) {
		t.Fatalf("richest = %s, want address 2", got)
	}
}

func TestFlipcoinOnVM(t *testing.T) {
	t.Parallel()
	c := deploy(t, "flipcoin", "construct()")
	again := deploy(t, "flipcoin", "construct()")
	heads := 0
	for range 20 {
		flip := decode[bool](t, "(bool)", c.call("flip()").Output)
		if flip {
			heads++
		}
		// The same task seeds give the same flips: a task can be re-run and checked.
		if decode[bool](t, "(bool)", again.call("flip()").Output) != flip {
			t.Fatal("flips are not a function of the task seed")
		}
	}
	if heads == 0 || heads == 20 {
		t.Fatalf("%d heads in 20 flips", heads)
	}
	c.call("commit(bool)", true)
	if !decode[bool](t, "(bool)", c.call("guess(bool)", true).Output) {
		t.Fatal("right guess lost")
	}
	if decode[bool](t, "(bool)", c.call("guess(bool)", true).Output) {
		t.Fatal("guess without commitment won")
	}
}

func TestVotingOnVM(t *testing.T) {
	t.Parallel()
	votingETH := contract.Address{0: 0xee, 19: 1}
	c := deploy(t, "voting", "construct(address)", votingETH)
	v1, v2 := contract.Bytes32{31: 1}, contract.Bytes32{31: 2}
	res := c.call("cast_vote(uint256,bytes32,uint256)", 0, v1, 1)
	want, _ := contract.EncodeCall("validateCastVote(uint256)", 0)
	if res.Bridge == nil || res.Bridge.Address != votingETH || !bytes.Equal(res.Bridge.Payload, want) {
		t.Fatalf("cast_vote callback %+v, want %x to %s", res.Bridge, want, votingETH)
	}
	if err := c.fails("cast_vote(uint256,bytes32,uint256)", 0, v1, 0); !strings.Contains(err.Error(), "already voted") {
		t.Fatalf("double vote: %v", err)
	}
	c.call("cast_vote(uint256,bytes32,uint256)", 0, v2, 0)
	res = c.call("tally_poll(uint256)", 0)
	want, _ = contract.EncodeCall("validateTallyPoll(uint256,uint256)", 0, 50)
	if res.Bridge == nil || !bytes.Equal(res.Bridge.Payload, want) {
		t.Fatalf("tally callback %+v, want %x", res.Bridge, want)
	}
	// Deploying without the VotingETH address fails (the original's failing-parameters scenario).
	in := &instance{t: t, mod: c.mod, state: memState{}}
	if _, err := in.run(vm.Deploy, "construct()"); err == nil {
		t.Fatal("deploy without arguments succeeded")
	}
}

func TestAccessOnVM(t *testing.T) {
	t.Parallel()
	owner := contract.Bytes32{0: 7}
	c := deploy(t, "access", "construct(bytes32)", owner)
	c.call("publish(bytes32,string)", owner, "ipfs://QmSecret")
	pass := decode[[]byte](t, "(bytes)", c.call("grant(bytes32,bytes32)", owner, contract.Bytes32{31: 'a'}).Output)
	if len(pass) != 32+contract.EncryptionOverhead {
		t.Fatalf("pass of %d bytes", len(pass))
	}
	if got := decode[string](t, "(string)", c.call("read(bytes)", pass).Output); got != "ipfs://QmSecret" {
		t.Fatalf("read %q", got)
	}
	pass[0] ^= 1
	c.fails("read(bytes)", pass)
	pass[0] ^= 1
	c.call("revoke(bytes32,bytes32)", owner, contract.Bytes32{31: 'a'})
	if err := c.fails("read(bytes)", pass); !strings.Contains(err.Error(), "revoked") {
		t.Fatalf("revoked pass: %v", err)
	}
	c.fails("publish(bytes32,string)", contract.Bytes32{}, "x")
}

func TestCreditScoreOnVM(t *testing.T) {
	t.Parallel()
	c := deploy(t, "creditscore", "construct()")
	applicant, consentToken := contract.Bytes32{1}, contract.Bytes32{2}
	score := decode[uint64](t, "(uint256)", c.call("submit(bytes32,uint256,uint256,uint256,uint256)", applicant, 50000, 10000, 1, 4).Output)
	if score != 620 {
		t.Fatalf("score %d", score)
	}
	c.call("consent(bytes32,bytes32)", applicant, contract.Keccak256(consentToken[:]))
	if !decode[bool](t, "(bool)", c.call("qualifies(bytes32,uint256)", consentToken, 600).Output) {
		t.Fatal("a 620 score does not reach 600")
	}
	if err := c.fails("qualifies(bytes32,uint256)", consentToken, 700); !strings.Contains(err.Error(), "used already") {
		t.Fatalf("reused consent: %v", err)
	}
}
