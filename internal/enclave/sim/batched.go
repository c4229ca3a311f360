package sim

import (
	"context"
	"math/big"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/batch"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/crypto/envelope"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/ethereum/go-ethereum/common"
)

// batchedTask is a batched task executed and not yet put in a batch.
type batchedTask struct {
	epoch uint64
	prev  api.Hash // the delta the task ran on
	post  api.Hash // the delta after it (prev when it changed nothing)
	leaf  batch.Task
}

// batchBook holds the batched tasks awaiting SignBatch, per contract, and
// the batched task ids seen, per epoch. A batched request opens only with
// its epoch's v2 key, so its id is remembered exactly as long as that key
// lives (and the ring, unsealed, forgets every key on restart).
type batchBook struct {
	pending map[api.ContractAddress][]batchedTask
	seen    map[uint64]map[api.TaskID]bool
	running map[api.ContractAddress]bool // a contract's batched tasks chain, so they run one at a time
}

func checkBatchedRequest(req *enclave.ExecuteRequest) error {
	switch {
	case req.Envelope != enclave.EnvelopeV2:
		return api.Errorf(api.CodeInvalidInput, "sim: batched tasks use envelope v2")
	case req.Kind != enclave.KindCompute:
		return api.Errorf(api.CodeInvalidInput, "sim: only compute tasks can be batched; deploy with a task record")
	case req.TaskID != enclave.BatchedTaskID(req.Sender, req.TaskNonce):
		return api.Errorf(api.CodeInvalidInput, "sim: batched task id %s is not BatchedTaskID(sender %s, nonce %d)", req.TaskID, req.Sender, req.TaskNonce)
	}
	h := enclave.BatchedTaskHash(req.ChainID, req.EnigmaContract, req.Contract, envelope.InputsHash(req.EncryptedFn), req.GasLimit, req.GasPx)
	signer, err := compat.Recover(h, req.UserSignature[:])
	if err != nil || api.EthAddress(signer) != req.Sender {
		return api.Errorf(api.CodeBadSignature, "sim: the batched task is not authorised by its sender %s: sign BatchedTaskHash with the sender's key", req.Sender)
	}
	return nil
}

// reserveBatched records a batched task id and checks it can join the
// contract's pending batch: same epoch, and running on the state the
// previous pending task produced.
func (w *Worker) reserveBatched(req *enclave.ExecuteRequest) error {
	// A batched task has no record on chain to fail: one this enclave can no
	// longer open is refused outright, so no id can enter two batches.
	if _, err := w.ring.PublicKey(req.Epoch); err != nil {
		return err
	}
	w.batchMu.Lock()
	defer w.batchMu.Unlock()
	w.pruneBatchedLocked()
	if w.batches.seen[req.Epoch][req.TaskID] {
		return api.Errorf(api.CodeReplay, "sim: batched task %s was already executed by this enclave", req.TaskID)
	}
	if w.batches.running[req.Contract] {
		return api.Errorf(api.CodeUnavailable, "sim: another batched task of contract %s is running; batched tasks of one contract run one after the other: retry on the state it produces", req.Contract)
	}
	if p := w.batches.pending[req.Contract]; len(p) > 0 {
		last := p[len(p)-1]
		if last.epoch != req.Epoch {
			return api.Errorf(api.CodeWrongEpoch, "sim: contract %s has batched tasks of epoch %d pending: sign and commit that batch before running tasks of epoch %d", req.Contract, last.epoch, req.Epoch)
		}
		if last.post != req.PrevDeltaHash {
			return api.Errorf(api.CodeUnavailable, "sim: run the batched task on the state the previous batched task produced (delta %s), not %s", last.post, req.PrevDeltaHash)
		}
	}
	if w.batches.seen[req.Epoch] == nil {
		w.batches.seen[req.Epoch] = map[api.TaskID]bool{}
	}
	w.batches.seen[req.Epoch][req.TaskID] = true
	w.batches.running[req.Contract] = true
	return nil
}

func (w *Worker) releaseBatched(req *enclave.ExecuteRequest) {
	w.batchMu.Lock()
	defer w.batchMu.Unlock()
	delete(w.batches.seen[req.Epoch], req.TaskID)
	delete(w.batches.running, req.Contract)
}

// pruneBatchedLocked forgets the ids of epochs whose v2 key is gone.
func (w *Worker) pruneBatchedLocked() {
	live := map[uint64]bool{}
	for _, e := range w.ring.Epochs() {
		live[e] = true
	}
	for e := range w.batches.seen {
		if !live[e] {
			delete(w.batches.seen, e)
		}
	}
}

// hasPendingBatch reports whether a contract has batched tasks not yet signed.
func (w *Worker) hasPendingBatch(c api.ContractAddress) bool {
	w.batchMu.Lock()
	defer w.batchMu.Unlock()
	return len(w.batches.pending[c]) > 0 || w.batches.running[c]
}

// addBatched appends an executed batched task (success or failure) to its
// contract's pending batch; its fee is gasUsed × gasPx.
func (w *Worker) addBatched(req *enclave.ExecuteRequest, resp *enclave.ExecuteResponse) {
	post := resp.DeltaHash
	if post.IsZero() {
		post = req.PrevDeltaHash
	}
	fee := new(big.Int).Mul(new(big.Int).SetUint64(resp.GasUsed), new(big.Int).SetUint64(req.GasPx))
	t := batchedTask{epoch: req.Epoch, prev: req.PrevDeltaHash, post: post, leaf: batch.Task{
		TaskID: req.TaskID, User: common.Address(req.Sender), InputsHash: resp.InputsHash, OutputHash: resp.OutputHash,
		DeltaHash: resp.DeltaHash, GasUsed: resp.GasUsed, Fee: fee,
	}}
	w.batchMu.Lock()
	w.batches.pending[req.Contract] = append(w.batches.pending[req.Contract], t)
	delete(w.batches.running, req.Contract)
	w.batchMu.Unlock()
}

// SignBatch implements enclave.Enclave. The batch is closed when signed: if
// commitBatch then reverts, its tasks are void (not charged, their state not
// on chain); the host rolls the contract back to the chain's last delta and
// the users send new tasks.
func (w *Worker) SignBatch(ctx context.Context, req *enclave.SignBatchRequest) (*enclave.SignedBatch, error) {
	w.batchMu.Lock()
	pending := w.batches.pending[req.Contract]
	if len(pending) == 0 {
		w.batchMu.Unlock()
		return nil, api.Errorf(api.CodeNotFound, "sim: no batched tasks of contract %s await a batch", req.Contract)
	}
	if pending[0].epoch != req.EpochFirstBlock {
		w.batchMu.Unlock()
		return nil, api.Errorf(api.CodeWrongEpoch, "sim: the pending batched tasks of contract %s belong to epoch %d, not %d", req.Contract, pending[0].epoch, req.EpochFirstBlock)
	}
	delete(w.batches.pending, req.Contract)
	w.batchMu.Unlock()

	leaves := make([]batch.Task, len(pending))
	ids := make([]api.TaskID, len(pending))
	for i, t := range pending {
		leaves[i], ids[i] = t.leaf, t.leaf.TaskID
	}
	tree, err := batch.NewTree(leaves)
	if err != nil {
		return nil, api.Errorf(api.CodeUnknown, "sim: batch tree: %w", err)
	}
	users, fees := batch.Totals(leaves)
	h := batch.Header{ScAddr: req.Contract, EpochFirstBlock: req.EpochFirstBlock, BatchIndex: req.BatchIndex,
		PrevDeltaHash: pending[0].prev, NewDeltaHash: pending[len(pending)-1].post, Root: tree.Root(),
		TaskCount: uint64(len(leaves)), GasUsed: batch.GasUsed(leaves)}
	sig, err := w.sign(batch.Digest(new(big.Int).SetUint64(req.ChainID), common.Address(req.EnigmaContract), h, users, fees))
	if err != nil {
		return nil, err
	}
	out := &enclave.SignedBatch{Contract: req.Contract, EpochFirstBlock: h.EpochFirstBlock, BatchIndex: h.BatchIndex,
		PrevDeltaHash: h.PrevDeltaHash, NewDeltaHash: h.NewDeltaHash, Root: h.Root, TaskCount: h.TaskCount, GasUsed: h.GasUsed,
		TaskIDs: ids, Signature: sig}
	for i, u := range users {
		var f [32]byte
		fees[i].FillBytes(f[:])
		out.Users = append(out.Users, api.EthAddress(u))
		out.Fees = append(out.Fees, f)
	}
	w.cfg.logger().Info("batch signed", "contract", req.Contract, "index", req.BatchIndex, "tasks", len(leaves))
	return out, nil
}

// VoidBatch implements enclave.Enclave.
func (w *Worker) VoidBatch(ctx context.Context, req *enclave.VoidBatchRequest) (*enclave.VoidBatchResponse, error) {
	return nil, api.Errorf(api.CodeUnavailable, "sim: VoidBatch is not implemented yet")
}
