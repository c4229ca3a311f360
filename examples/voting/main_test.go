//go:build !wasip1

package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/enigma-go/enigma/sdk/contract"
)

var votingETHAddr = contract.Address{0: 0x56, 19: 0x78}

func TestVoting(t *testing.T) {
	h := contract.NewTestHost()
	if _, err := h.Deploy("construct(address)", votingETHAddr); err != nil {
		t.Fatal(err)
	}
	if got := string(h.State[votingEthAddrKey]); got != `"5600000000000000000000000000000000000078"` {
		t.Fatalf("address state %s", got)
	}
	voter1, voter2 := contract.Bytes32{31: 1}, contract.Bytes32{31: 2}
	res, err := h.Call("cast_vote(uint256,bytes32,uint256)", 0, voter1, 1)
	if err != nil {
		t.Fatal(err)
	}
	wantCall, _ := contract.EncodeCall("validateCastVote(uint256)", 0)
	if res.Bridge == nil || res.Bridge.Address != votingETHAddr || !bytes.Equal(res.Bridge.Payload, wantCall) {
		t.Fatalf("cast callback %+v", res.Bridge)
	}
	if _, err := h.Call("cast_vote(uint256,bytes32,uint256)", 0, voter1, 0); err == nil || !strings.Contains(err.Error(), "already voted") {
		t.Fatalf("double vote: %v", err)
	}
	if _, err := h.Call("cast_vote(uint256,bytes32,uint256)", 0, voter2, 0); err != nil {
		t.Fatal(err)
	}
	res, err = h.Call("tally_poll(uint256)", 0)
	if err != nil {
		t.Fatal(err)
	}
	wantCall, _ = contract.EncodeCall("validateTallyPoll(uint256,uint256)", 0, 50)
	if res.Bridge == nil || !bytes.Equal(res.Bridge.Payload, wantCall) {
		t.Fatalf("tally callback %x, want %x", res.Bridge.Payload, wantCall)
	}
	// A poll nobody voted in tallies to 0.
	res, err = h.Call("tally_poll(uint256)", 9)
	wantCall, _ = contract.EncodeCall("validateTallyPoll(uint256,uint256)", 9, 0)
	if err != nil || !bytes.Equal(res.Bridge.Payload, wantCall) {
		t.Fatalf("empty poll: %v", err)
	}
	want := `{"0":{"0000000000000000000000000000000000000000000000000000000000000001":"0x1","0000000000000000000000000000000000000000000000000000000000000002":"0x0"}}`
	if got := string(h.State[pollsKey]); got != want {
		t.Fatalf("polls state\n got %s\nwant %s", got, want)
	}
}

func TestVotingDeployNeedsAddress(t *testing.T) {
	h := contract.NewTestHost()
	if _, err := h.Run(true, "construct()", nil); err == nil {
		t.Fatal("deploy without the VotingETH address succeeded")
	}
}
