package client

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/batch"
	"github.com/enigma-go/enigma/internal/crypto/compat"
)

// BatchStatus is where a batched task is, as its worker reports it.
type BatchStatus string

// The states of a batched task, in order; BatchCommitted and BatchFailed
// are final.
const (
	BatchPending   BatchStatus = "pending"   // stored, not run yet
	BatchExecuted  BatchStatus = "executed"  // run, waiting for its batch
	BatchInBatch   BatchStatus = "in_batch"  // in a batch sent to the chain, not mined yet
	BatchCommitted BatchStatus = "committed" // its batch is on chain
	BatchFailed    BatchStatus = "failed"    // never committed, not charged
)

// Final reports whether the status will not change again.
func (s BatchStatus) Final() bool { return s == BatchCommitted || s == BatchFailed }

// batchedReply is v2_getBatchedTask's result.
type batchedReply struct {
	TaskID     string      `json:"taskId"`
	Contract   string      `json:"contract"`
	Status     BatchStatus `json:"status"`
	Error      string      `json:"error"`
	Code       api.Code    `json:"code"`
	BatchIndex uint64      `json:"batchIndex"`
	Position   uint32      `json:"position"`
	Epoch      uint64      `json:"epoch"`
	InputsHash string      `json:"inputsHash"`
	OutputHash string      `json:"outputHash"`
	DeltaHash  string      `json:"deltaHash"`
	GasUsed    uint64      `json:"gasUsed"`
	Fee        string      `json:"fee"`
	TaskFailed bool        `json:"taskFailed"`
	Output     string      `json:"output"`
	Proof      []string    `json:"proof"`
	Root       string      `json:"root"`
	Block      uint64      `json:"block"`
}

// batchedStatus reads the task from the gateway once.
func (t *Task) batchedStatus(ctx context.Context) (Status, *batchedReply, error) {
	head, err := t.c.batchChain().BlockNumber(ctx)
	if err != nil {
		return Status{}, nil, fmt.Errorf("client: read the head block: %w", err)
	}
	params := map[string]any{"taskId": hexNo0x(t.ID[:])}
	if !t.opened() {
		params["workerAddress"] = hexNo0x(t.Worker[:])
	}
	var r batchedReply
	if err := t.c.gw.call(ctx, "v2_getBatchedTask", params, &r); err != nil {
		return Status{Head: head}, nil, fmt.Errorf("client: read batched task %s: %w", t.ID, err)
	}
	st := Status{Head: head, Batch: r.Status, Gateway: api.StatusInProgress}
	switch r.Status {
	case BatchPending, BatchExecuted:
	case BatchInBatch:
		st.BatchIndex = r.BatchIndex
	case BatchCommitted:
		st.BatchIndex, st.BatchBlock = r.BatchIndex, r.Block
		st.Chain, st.Gateway = api.ChainReceiptVerified, api.StatusSuccess
		if r.TaskFailed {
			st.Chain, st.Gateway = api.ChainReceiptFailed, api.StatusFailed
		}
	case BatchFailed:
		st.Gateway, st.Error, st.Code = api.StatusFailed, r.Error, r.Code
		if st.Error == "" {
			st.Error = "the worker gave no reason"
		}
	default:
		return st, nil, api.Errorf(api.CodeUnknown, "client: the gateway reports batched task %s in status %q, which this client does not know", t.ID, r.Status)
	}
	return st, &r, nil
}

// waitBatched reads the task until it is committed or failed. It asks
// again after errors, at growing intervals up to maxRetryWait, except
// after those no new try can mend (a gateway without batched tasks, a
// malformed request).
func (t *Task) waitBatched(ctx context.Context, progress func(Status)) (Status, *batchedReply, error) {
	ctx, cancel := context.WithTimeout(ctx, t.c.cfg.WaitTimeout)
	defer cancel()
	var (
		last    Status
		lastErr error
		seen    bool
	)
	start, wait := time.Now(), t.c.cfg.PollInterval
	for {
		st, r, err := t.batchedStatus(ctx)
		switch {
		case err == nil:
			if !seen || st.Batch != last.Batch || st.BatchIndex != last.BatchIndex {
				if progress != nil {
					progress(st)
				}
			}
			last, lastErr, seen, wait = st, nil, true, t.c.cfg.PollInterval
			if st.Done() {
				t.c.funds.release(t.reservation)
				return st, r, nil
			}
		case errors.Is(err, ErrNotSupported) || api.CodeOf(err) == api.CodeInvalidInput:
			return st, nil, err
		case ctx.Err() == nil:
			lastErr, wait = err, min(2*wait, maxRetryWait)
		}
		select {
		case <-ctx.Done():
			saw := "nothing yet"
			if seen {
				saw = last.String()
			}
			if lastErr != nil {
				saw += "; last error: " + lastErr.Error()
			}
			return last, nil, fmt.Errorf("client: gave up waiting for batched task %s (worker %s) after %s: saw %s: %w",
				t.ID, t.Worker, time.Since(start).Round(time.Millisecond), saw, ctx.Err())
		case <-time.After(wait):
		}
	}
}

// batchedResult waits for a batched task to end and checks its result
// (Task.Result). A task opened by id is read once: it must have ended.
func (t *Task) batchedResult(ctx context.Context) (*Result, error) {
	var (
		st  Status
		r   *batchedReply
		err error
	)
	if t.Batched {
		st, r, err = t.waitBatched(ctx, nil)
	} else {
		st, r, err = t.batchedStatus(ctx)
		if err == nil && !st.Done() {
			return nil, api.Errorf(api.CodeUnavailable, "client: batched task %s is not finished (%s): wait for it first", t.ID, st)
		}
	}
	if err != nil {
		return nil, err
	}
	if st.Batch == BatchFailed {
		return nil, &TaskError{TaskID: t.ID, Batched: true, Message: st.Error, Code: r.Code}
	}
	res, err := t.checkBatched(ctx, r)
	if err != nil {
		return nil, err
	}
	if t.opened() {
		return res, nil
	}
	out, err := t.open(res.EncryptedOutput)
	if err != nil {
		if res.Status == api.ChainReceiptFailed {
			res.Output = []byte(fmt.Sprintf("the worker could not read the task's inputs (its error text does not open: %v)", err))
			return res, nil
		}
		return nil, fmt.Errorf("client: decrypt the output of batched task %s: %w", t.ID, err)
	}
	res.Output = out
	return res, nil
}

// tampered is the error of a batched result that does not hold.
func (t *Task) tampered(format string, args ...any) error {
	return api.Errorf(api.CodeTampered, "client: the gateway's report of batched task %s does not hold: %s; it was altered, or belongs to another task",
		t.ID, fmt.Sprintf(format, args...))
}

// checkBatched checks a committed task's report against what the client
// sent and the batch's root on chain (docs/protocol/batched.md § 5).
func (t *Task) checkBatched(ctx context.Context, r *batchedReply) (*Result, error) {
	h32 := func(name, s string) (api.Hash, error) {
		b, err := hex.DecodeString(strings.TrimPrefix(s, "0x"))
		if err != nil || len(b) != 32 {
			return api.Hash{}, t.tampered("its %s %q is not 32 bytes of hex", name, s)
		}
		return api.Hash(b), nil
	}
	id, err := h32("task id", r.TaskID)
	if err != nil {
		return nil, err
	}
	contract, err := h32("contract", r.Contract)
	if err != nil {
		return nil, err
	}
	inputsHash, err := h32("inputs hash", r.InputsHash)
	if err != nil {
		return nil, err
	}
	outputHash, err := h32("output hash", r.OutputHash)
	if err != nil {
		return nil, err
	}
	deltaHash, err := h32("delta hash", r.DeltaHash)
	if err != nil {
		return nil, err
	}
	reportedRoot, err := h32("root", r.Root)
	if err != nil {
		return nil, err
	}
	proof := make([][32]byte, len(r.Proof))
	for i, p := range r.Proof {
		if proof[i], err = h32(fmt.Sprintf("proof node %d", i), p); err != nil {
			return nil, err
		}
	}
	enc, err := hex.DecodeString(strings.TrimPrefix(r.Output, "0x"))
	if err != nil {
		return nil, t.tampered("its output is not hex: %v", err)
	}
	fee, ok := new(big.Int).SetString(r.Fee, 10)
	if !ok || fee.Sign() < 0 {
		return nil, t.tampered("its fee %q is not a decimal amount", r.Fee)
	}
	switch {
	case id != t.ID:
		return nil, t.tampered("it names task %s", id)
	case !t.Contract.IsZero() && contract != t.Contract:
		return nil, t.tampered("it names contract %s, the task was sent to %s", contract, t.Contract)
	case !t.opened() && inputsHash != t.inputsHash:
		return nil, t.tampered("its inputs hash %s is not the %s of the request sent", inputsHash, t.inputsHash)
	case compat.Keccak256(enc) != outputHash:
		return nil, t.tampered("its output hashes to %s, not to the output hash %s it reports", compat.Keccak256(enc), outputHash)
	case t.GasLimit != 0 && r.GasUsed > t.GasLimit:
		return nil, t.tampered("it used %d gas, more than the gas limit of %d signed", r.GasUsed, t.GasLimit)
	case t.GasPx != 0 && fee.Cmp(new(big.Int).Mul(new(big.Int).SetUint64(r.GasUsed), new(big.Int).SetUint64(t.GasPx))) != 0:
		return nil, t.tampered("its fee of %v grains is not %d gas × %d grains", fee, r.GasUsed, t.GasPx)
	}
	// The leaf holds whether the contract failed the task: a flipped
	// taskFailed does not verify, so an encrypted error is never returned
	// as an output, nor an output as an error.
	leaf := batch.Task{TaskID: id, InputsHash: inputsHash, OutputHash: outputHash, DeltaHash: deltaHash, GasUsed: r.GasUsed, Fee: fee,
		Failed: r.TaskFailed}
	root, at, err := t.batchRoot(ctx, contract, r.BatchIndex, r.Block)
	if err != nil {
		return nil, err
	}
	switch {
	case root == (api.Hash{}):
		return nil, t.tampered("the chain holds no batch %d of contract %s at block %d, though it reports it committed at block %d", r.BatchIndex, contract, at, r.Block)
	case reportedRoot != root:
		return nil, t.tampered("it names root %s for batch %d, the chain holds %s", reportedRoot, r.BatchIndex, root)
	case !batch.Verify(root, leaf, proof):
		return nil, t.tampered("its Merkle proof does not lead from the task's leaf to the root of batch %d on chain", r.BatchIndex)
	}
	res := &Result{Status: api.ChainReceiptVerified, EncryptedOutput: enc, OutputHash: outputHash, UsedGas: r.GasUsed,
		Batched: true, BatchIndex: r.BatchIndex, Position: r.Position, BatchBlock: r.Block, ProvedAt: at, Fee: fee, DeltaHash: deltaHash}
	if r.TaskFailed {
		res.Status = api.ChainReceiptFailed
	}
	return res, nil
}

// batchRoot reads the root of a batch at the head, and the head. A batch
// reported in a block the chain (this client's node, which may lag the
// worker's) has not reached yet is read again once it has, within the
// wait's bounds.
func (t *Task) batchRoot(ctx context.Context, contract api.ContractAddress, index, block uint64) (api.Hash, uint64, error) {
	ctx, cancel := context.WithTimeout(ctx, t.c.cfg.WaitTimeout)
	defer cancel()
	bc := t.c.batchChain()
	for {
		head, err := bc.BlockNumber(ctx)
		if err != nil {
			return api.Hash{}, 0, fmt.Errorf("client: read the head block: %w", err)
		}
		root, err := bc.BatchRoot(ctx, contract, index, new(big.Int).SetUint64(head))
		if err != nil {
			return api.Hash{}, head, fmt.Errorf("client: read the root of batch %d of %s: %w", index, contract, err)
		}
		if root != ([32]byte{}) || head >= block {
			return root, head, nil
		}
		select {
		case <-ctx.Done():
			return api.Hash{}, head, fmt.Errorf("client: batch %d of %s is reported in block %d, and the chain is at block %d: %w", index, contract, block, head, ctx.Err())
		case <-time.After(t.c.cfg.PollInterval):
		}
	}
}

// batchChain is what checking a batched result reads from the chain.
type batchChain interface {
	BlockNumber(ctx context.Context) (uint64, error)
	BatchRoot(ctx context.Context, scAddr [32]byte, index uint64, block *big.Int) ([32]byte, error)
}

func (c *Client) batchChain() batchChain {
	if c.roots != nil {
		return c.roots
	}
	return chainRoots{c}
}

// chainRoots reads them from the client's chain.
type chainRoots struct{ c *Client }

func (r chainRoots) BlockNumber(ctx context.Context) (uint64, error) {
	return r.c.chain.BlockNumber(ctx)
}
func (r chainRoots) BatchRoot(ctx context.Context, sc [32]byte, index uint64, block *big.Int) ([32]byte, error) {
	return r.c.enigma.BatchRoot(ctx, sc, index, block)
}
