package chain

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain/bindings"
)

// Batch is what commitBatch takes (docs/protocol/batched.md): the header
// the selected worker's enclave signed, the per-user fee totals and the
// signature, in plain types.
type Batch struct {
	Contract        [32]byte
	EpochFirstBlock uint64
	Index           uint64
	PrevDeltaHash   [32]byte
	NewDeltaHash    [32]byte
	Root            [32]byte
	TaskCount       uint64
	GasUsed         uint64
	Users           []common.Address
	Fees            []*big.Int // ENG grains, one per user
	Signature       []byte     // r‖s‖v
}

// BatchCommitted is a BatchCommitted event: a batch the chain took.
type BatchCommitted struct {
	Contract     [32]byte
	Index        uint64
	Root         [32]byte
	TaskCount    uint64
	NewDeltaHash [32]byte
	Worker       common.Address // the custodian that sent it
	Fees         *big.Int       // what the users were charged, in total
	Block        uint64
	TxHash       common.Hash
}

// CommitBatchTx is the commitBatch transaction of b, to send from the
// custodian of the worker whose enclave signed it (Client.SendTx), with
// its gas estimated: an estimate that reverts means the chain cannot take
// the batch (another batch took its index, the contract's delta moved,
// the epoch left the contract's ring).
func (e *Enigma) CommitBatchTx(b *Batch) Tx {
	h := bindings.EnigmaBatchHeader{ScAddr: b.Contract, EpochFirstBlock: new(big.Int).SetUint64(b.EpochFirstBlock),
		BatchIndex: new(big.Int).SetUint64(b.Index), PrevDeltaHash: b.PrevDeltaHash, NewDeltaHash: b.NewDeltaHash,
		Root: b.Root, TaskCount: new(big.Int).SetUint64(b.TaskCount), GasUsed: new(big.Int).SetUint64(b.GasUsed)}
	to := e.addrs.Enigma
	return Tx{What: fmt.Sprintf("commit batch %d of contract %x (%d tasks)", b.Index, b.Contract, b.TaskCount), To: &to,
		Data: e.abi.PackCommitBatch(h, b.Users, b.Fees, b.Signature)}
}

// CommitBatch sends b's commitBatch from `from` and waits for it, and
// returns the BatchCommitted event it raised. A revert returns an error
// wrapping ErrReverted with the reason.
func (e *Enigma) CommitBatch(ctx context.Context, from Account, b *Batch) (*BatchCommitted, error) {
	r, err := e.c.Transact(ctx, from, e.CommitBatchTx(b))
	if err != nil {
		return nil, err
	}
	ev, ok := e.BatchCommittedIn(r, b.Contract, b.Index)
	if !ok {
		return nil, api.Errorf(api.CodeChain, "chain: commitBatch of batch %d of %x was mined in block %v (tx %s) without a BatchCommitted event", b.Index, b.Contract, r.BlockNumber, r.TxHash.Hex())
	}
	return ev, nil
}

// BatchCommittedIn finds the BatchCommitted event of batch index of
// contract among a receipt's logs.
func (e *Enigma) BatchCommittedIn(r *types.Receipt, contract [32]byte, index uint64) (*BatchCommitted, bool) {
	if r == nil {
		return nil, false
	}
	for _, l := range r.Logs {
		if ev, ok := e.batchCommitted(l); ok && ev.Contract == contract && ev.Index == index {
			return ev, true
		}
	}
	return nil, false
}

func (e *Enigma) batchCommitted(l *types.Log) (*BatchCommitted, bool) {
	if l.Address != e.addrs.Enigma || l.Removed {
		return nil, false
	}
	ev, err := e.abi.UnpackBatchCommittedEvent(l)
	if err != nil || ev.BatchIndex == nil || !ev.BatchIndex.IsUint64() || ev.TaskCount == nil || !ev.TaskCount.IsUint64() {
		return nil, false
	}
	return &BatchCommitted{Contract: ev.ScAddr, Index: ev.BatchIndex.Uint64(), Root: ev.Root, TaskCount: ev.TaskCount.Uint64(),
		NewDeltaHash: ev.NewDeltaHash, Worker: ev.Worker, Fees: ev.Fees, Block: l.BlockNumber, TxHash: l.TxHash}, true
}

// FindBatchCommitted looks for the BatchCommitted event of batch index of
// contract in the blocks from `from` to the head: where a batch whose
// transaction's hash was lost (the sender restarted) landed. ok is false
// when no such event is there.
func (e *Enigma) FindBatchCommitted(ctx context.Context, contract [32]byte, index uint64, from uint64) (*BatchCommitted, bool, error) {
	ev := e.abi.GetABI().Events[bindings.EnigmaBatchCommittedEventName]
	idx := common.BigToHash(new(big.Int).SetUint64(index))
	q := ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(from), Addresses: []common.Address{e.addrs.Enigma},
		Topics: [][]common.Hash{{ev.ID}, {common.Hash(contract)}, {idx}}}
	cctx, cancel := context.WithTimeout(ctx, e.c.cfg.CallTimeout)
	defer cancel()
	logs, err := e.c.eth.FilterLogs(cctx, q)
	if err != nil {
		return nil, false, api.Errorf(api.CodeUnavailable, "chain: look for batch %d of %x from block %d: %w", index, contract, from, err)
	}
	for i := range logs {
		if b, ok := e.batchCommitted(&logs[i]); ok && b.Contract == contract && b.Index == index {
			return b, true, nil
		}
	}
	return nil, false, nil
}
