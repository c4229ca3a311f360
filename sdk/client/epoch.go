package client

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
)

// EpochInfo is the network's current epoch as the Enigma contract reports it.
type EpochInfo struct {
	Number      uint64 // epochs set so far (the current one included)
	FirstBlock  uint64 // the block the epoch started at
	Size        uint64 // blocks per epoch
	Head        uint64 // the chain's head when read
	TaskTimeout uint64 // blocks after which a task without receipt can have its fees returned
	Seed        *big.Int
	Workers     []WorkerInfo // the epoch's workers, in selection order
}

// WorkerInfo is one worker of an epoch.
type WorkerInfo struct {
	Signer    common.Address // its enclave's signing address
	Custodian common.Address // the account that staked for it
	Stake     *big.Int       // its stake in the epoch, ENG grains
	Balance   *big.Int       // its current balance on the contract, ENG grains
	Status    string         // "logged in", "logged out" or "unregistered"
}

var workerStatus = map[uint8]string{0: "unregistered", 1: "logged in", 2: "logged out"}

// Epoch reads the current epoch and its workers.
func (c *Client) Epoch(ctx context.Context) (*EpochInfo, error) {
	head, err := c.chain.BlockNumber(ctx)
	if err != nil {
		return nil, fmt.Errorf("client: read the head block: %w", err)
	}
	info := &EpochInfo{Head: head}
	st, err := c.enigma.EpochState(ctx)
	if err != nil {
		return nil, fmt.Errorf("client: read the epoch state: %w", err)
	}
	info.Number = st.Count.Uint64()
	if info.Size, err = c.enigma.EpochSize(ctx); err != nil {
		return nil, fmt.Errorf("client: read the epoch size: %w", err)
	}
	if info.TaskTimeout, err = c.enigma.TaskTimeoutSize(ctx); err != nil {
		return nil, fmt.Errorf("client: read the task timeout: %w", err)
	}
	if info.Number == 0 {
		return info, nil
	}
	wp, err := c.enigma.WorkerParams(ctx, head)
	if err != nil {
		return nil, fmt.Errorf("client: read the worker parameters at block %d: %w", head, err)
	}
	info.FirstBlock, info.Seed = wp.Arg0.Uint64(), wp.Arg1
	for i, signer := range wp.Arg2 {
		w := WorkerInfo{Signer: signer, Stake: wp.Arg3[i]}
		if r, err := c.enigma.WorkerFromSigningAddress(ctx, signer); err == nil {
			w.Custodian, w.Balance, w.Status = r.Arg0, r.Arg1.Balance, workerStatus[r.Arg1.Status]
		} else {
			c.log.Debug("read a worker", "signer", signer, "err", err)
		}
		info.Workers = append(info.Workers, w)
	}
	return info, nil
}
