package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/core/types"

	"github.com/enigma-go/enigma/api"
)

// The batched path's views and user balance calls
// (docs/protocol/batched.md): the batch roots a client checks a task's
// Merkle proof against and a worker reads back after a restart, and the
// deposit and withdrawal of the balance that pays batches.

// BatchRoot is the Merkle root of batch index of secret contract scAddr,
// or zero when no such batch is committed. block selects the state it is
// read from (nil: the latest block).
func (e *Enigma) BatchRoot(ctx context.Context, scAddr [32]byte, index uint64, block *big.Int) ([32]byte, error) {
	what := fmt.Sprintf("root of batch %d of %x", index, scAddr)
	out, err := e.c.Call(ctx, e.addrs.Enigma, e.abi.PackGetBatchRoot(scAddr, new(big.Int).SetUint64(index)), block)
	if err != nil {
		code := api.CodeUnavailable
		if errors.Is(err, ErrReverted) {
			code = api.CodeChain
		}
		return [32]byte{}, api.Errorf(code, "chain: read %s: %w", what, err)
	}
	root, err := e.abi.UnpackGetBatchRoot(out)
	if err != nil {
		return [32]byte{}, api.Errorf(api.CodeChain, "chain: read %s: unexpected answer (is %s the Enigma contract?): %w", what, e.addrs.Enigma.Hex(), err)
	}
	return root, nil
}

// CountBatches is the number of batches committed for scAddr: the index of
// the next one.
func (e *Enigma) CountBatches(ctx context.Context, scAddr [32]byte) (uint64, error) {
	n, err := view(ctx, e.c, e.addrs.Enigma, fmt.Sprintf("batch count of %x", scAddr), e.abi.PackCountBatches(scAddr), e.abi.UnpackCountBatches)
	if err != nil {
		return 0, err
	}
	if !n.IsUint64() {
		return 0, api.Errorf(api.CodeChain, "chain: batch count %v of %x does not fit 64 bits (is %s the Enigma contract?)", n, scAddr, e.addrs.Enigma.Hex())
	}
	return n.Uint64(), nil
}

// DepositUserBalance moves amount ENG grains from from's tokens to its
// balance in the Enigma contract and locks the whole balance for batched
// tasks (it cancels a withdrawal request). The contract must be approved
// for amount first (ApproveEnigma).
func (e *Enigma) DepositUserBalance(ctx context.Context, from Account, amount *big.Int) (*types.Receipt, error) {
	return e.send(ctx, from, fmt.Sprintf("deposit %v ENG grains for batched tasks", amount), e.abi.PackDepositUserBalance(amount))
}

// RequestUserWithdrawal starts unlocking from's balance: it can be
// withdrawn getTaskTimeoutSize blocks later (UserBalance.UnlockBlock).
func (e *Enigma) RequestUserWithdrawal(ctx context.Context, from Account) (*types.Receipt, error) {
	return e.send(ctx, from, "request the withdrawal of the user balance", e.abi.PackRequestUserWithdrawal())
}

// WithdrawUserBalance sends amount grains of from's unlocked balance back
// to its tokens.
func (e *Enigma) WithdrawUserBalance(ctx context.Context, from Account, amount *big.Int) (*types.Receipt, error) {
	return e.send(ctx, from, fmt.Sprintf("withdraw %v ENG grains of the user balance", amount), e.abi.PackWithdrawUserBalance(amount))
}
