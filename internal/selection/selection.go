// Package selection picks the workers of a secret contract for an epoch,
// exactly as the Enigma contract's getWorkerGroup, enigma-js 0.3.0's
// selectWorkerGroup and the original network's workers and key manager do,
// so that clients, workers, the key manager and the contract agree on who
// runs a task.
//
// For draw number n = 0, 1, 2, ... (a counter local to one selection, not a
// task nonce):
//
//	h = keccak256(abi.encode(uint256 seed, bytes32 scAddr, uint256 n))
//	r = uint256(h) mod sum(stakes)
//
// then walk the workers in order subtracting each stake from r and pick the
// first worker that brings r to zero or below (the last worker if none
// does). Draws repeat until groupSize distinct workers are picked. The
// workers are the signing addresses the contract's getWorkerParams returns,
// in that order, with their stakes.
//
// The package is pure computation: it imports only go-ethereum's Keccak and
// common types, never the chain client or any node role, so light clients
// can use it.
package selection

import (
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// Params are an epoch's selection parameters as getWorkerParams returns them.
type Params struct {
	FirstBlock uint64
	Seed       *big.Int
	Workers    []common.Address // enclave signing addresses
	Stakes     []*big.Int
}

// Errors returned by Select.
var (
	ErrNoWorkers     = errors.New("selection: the epoch has no workers; wait for workers to log in and for the next epoch")
	ErrMismatch      = errors.New("selection: workers and stakes differ in length")
	ErrZeroStake     = errors.New("selection: the workers' stakes sum to zero")
	ErrBadGroupSize  = errors.New("selection: group size must be at least 1")
	ErrNegativeStake = errors.New("selection: negative stake")
)

// Validate checks that p can be selected from.
func (p Params) Validate() error {
	if len(p.Workers) != len(p.Stakes) {
		return ErrMismatch
	}
	if len(p.Workers) == 0 {
		return ErrNoWorkers
	}
	total := new(big.Int)
	for _, s := range p.Stakes {
		if s == nil || s.Sign() < 0 {
			return ErrNegativeStake
		}
		total.Add(total, s)
	}
	if total.Sign() == 0 {
		return ErrZeroStake
	}
	return nil
}

// Draw returns uint256(keccak256(abi.encode(seed, scAddr, nonce))): the
// random value of draw number nonce.
func Draw(seed *big.Int, scAddr [32]byte, nonce uint64) *big.Int {
	var buf [96]byte
	if seed != nil {
		seed.FillBytes(buf[0:32]) // seeds are uint256 on chain: larger values are a broken invariant
	}
	copy(buf[32:64], scAddr[:])
	new(big.Int).SetUint64(nonce).FillBytes(buf[64:96])
	return new(big.Int).SetBytes(crypto.Keccak256(buf[:]))
}

// Select returns the groupSize workers selected for scAddr (fewer if the
// epoch has fewer workers), in draw order. The contract and enigma-js use
// groups of 1: Select(p, scAddr, 1)[0] is the worker of a task.
func Select(p Params, scAddr [32]byte, groupSize int) ([]common.Address, error) {
	if groupSize < 1 {
		return nil, ErrBadGroupSize
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	total := new(big.Int)
	for _, s := range p.Stakes {
		total.Add(total, s)
	}
	size := min(groupSize, distinct(p.Workers))
	group := make([]common.Address, 0, size)
	seen := make(map[common.Address]bool, size)
	for nonce := uint64(0); len(group) < size; nonce++ {
		w := pick(p, total, Draw(p.Seed, scAddr, nonce))
		if !seen[w] {
			seen[w] = true
			group = append(group, w)
		}
	}
	return group, nil
}

// SelectOne is the worker of a task: Select(p, scAddr, 1)[0].
func SelectOne(p Params, scAddr [32]byte) (common.Address, error) {
	g, err := Select(p, scAddr, 1)
	if err != nil {
		return common.Address{}, err
	}
	return g[0], nil
}

// IsSelected reports whether signer is the worker of scAddr under p.
func IsSelected(p Params, scAddr [32]byte, signer common.Address) bool {
	w, err := SelectOne(p, scAddr)
	return err == nil && w == signer
}

// pick is the original's walk: r = h mod total as a signed integer, subtract
// each stake in order, stop at the first r <= 0.
func pick(p Params, total, h *big.Int) common.Address {
	r := new(big.Int).Mod(h, total)
	for i, s := range p.Stakes {
		r.Sub(r, s)
		if r.Sign() <= 0 {
			return p.Workers[i]
		}
	}
	return p.Workers[len(p.Workers)-1]
}

// distinct counts the distinct addresses: a group can never be larger.
func distinct(ws []common.Address) int {
	m := make(map[common.Address]struct{}, len(ws))
	for _, w := range ws {
		m[w] = struct{}{}
	}
	return len(m)
}
