// Command voting is secret ballot voting without commit-reveal: votes are
// secret state, and only the tally reaches Ethereum, through the contract's
// callback to the VotingETH contract (validateCastVote when a vote is cast,
// validateTallyPoll with the quorum reached when a poll is tallied). The
// Ethereum contract decides whether a poll is open, so an early tally makes
// the callback revert and the task ends as ReceiptFailedETH.
//
// Signatures, callbacks and state layout follow the original Enigma voting
// example and its VotingETH.sol.
package main

import (
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/enigma-go/enigma/sdk/contract"
)

const (
	pollsKey         = "polls"           // poll id -> voter (hex, no 0x) -> vote
	votingEthAddrKey = "voting_eth_addr" // the VotingETH contract, hex without 0x
)

type polls map[uint64]map[string]contract.Uint256

func init() {
	contract.PrepareState(polls{0: {"": {}}}, "")
	contract.Constructor("construct(address)", construct)
	contract.Register("cast_vote(uint256,bytes32,uint256)", castVote)
	contract.Register("tally_poll(uint256)", tallyPoll)
}

func construct(c *contract.Call) error {
	var votingETH contract.Address
	if err := c.Args(&votingETH); err != nil {
		return err
	}
	contract.Write(votingEthAddrKey, hex.EncodeToString(votingETH[:]))
	return nil
}

func votingETH() (contract.Address, error) {
	s, _ := contract.Read[string](votingEthAddrKey)
	a, err := contract.ParseAddress(s)
	if err != nil {
		return a, fmt.Errorf("the VotingETH address in the state is unusable (deploy with construct(address)): %w", err)
	}
	return a, nil
}

func pollID(id contract.Uint256) (uint64, error) {
	if !id.IsUint64() {
		return 0, errors.New("poll id does not fit in 64 bits")
	}
	return id.Uint64(), nil
}

// castVote records voter's vote in the poll (each voter votes once) and asks
// VotingETH whether the poll is open; if it is not, the callback reverts and
// the vote is not kept.
func castVote(c *contract.Call) error {
	var id, vote contract.Uint256
	var voter contract.Bytes32
	if err := c.Args(&id, &voter, &vote); err != nil {
		return err
	}
	pid, err := pollID(id)
	if err != nil {
		return err
	}
	all := contract.ReadOr(pollsKey, polls{})
	if all[pid] == nil {
		all[pid] = map[string]contract.Uint256{}
	}
	key := hex.EncodeToString(voter[:])
	if _, voted := all[pid][key]; voted {
		return errors.New("user has already voted in poll")
	}
	all[pid][key] = vote
	contract.Write(pollsKey, all)
	to, err := votingETH()
	if err != nil {
		return err
	}
	return contract.CallEthereum(to, "validateCastVote(uint256)", id)
}

// tallyPoll sends VotingETH the percentage of the poll's voters who voted 1
// (the sum of the votes times 100 over the number of voters); the Ethereum
// contract compares it with the poll's quorum.
func tallyPoll(c *contract.Call) error {
	var id contract.Uint256
	if err := c.Args(&id); err != nil {
		return err
	}
	pid, err := pollID(id)
	if err != nil {
		return err
	}
	quorum, err := tally(contract.ReadOr(pollsKey, polls{})[pid])
	if err != nil {
		return err
	}
	to, err := votingETH()
	if err != nil {
		return err
	}
	return contract.CallEthereum(to, "validateTallyPoll(uint256,uint256)", id, quorum)
}

func tally(votes map[string]contract.Uint256) (contract.Uint256, error) {
	var sum contract.Uint256
	if len(votes) == 0 {
		return sum, nil
	}
	for _, v := range votes {
		var ok bool
		if sum, ok = sum.Add(v); !ok {
			return sum, errors.New("vote total overflows")
		}
	}
	pct, ok := sum.Mul(contract.NewUint256(100))
	if !ok {
		return pct, errors.New("vote total overflows")
	}
	pct, _ = pct.Div(contract.NewUint256(uint64(len(votes))))
	return pct, nil
}

func main() {}
