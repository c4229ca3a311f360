package worker

import (
	"context"
	"encoding/binary"
	"fmt"
	"math/big"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/envelope"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/internal/workerapi"
)

// Batched tasks survive a crash (docs/worker.md, "Restarts"): each is a
// pending task of the store from before it is acknowledged until the
// write that ends it (committed with its batch, or failed). A signed batch
// is stored before its commitBatch is sent. New first checks every stored
// batch against the chain (countBatches, getBatchRoot): one that landed is
// completed from the store; one whose index another batch took is
// forgotten; one that may still land stays, and its tasks may be signed
// again only into a batch of at most its index. Then the pending batched
// tasks go back to their lanes in the order accepted; each is checked again
// before it runs (its epoch, this worker's selection, its sender's balance)
// and fails uncharged when it can no longer run.

// batchedJobVersion marks a pending task record of the batched path (the
// per-task path's records start with jobVersion).
const batchedJobVersion byte = 0x81

func isBatchedRecord(data []byte) bool { return len(data) > 0 && data[0] == batchedJobVersion }

// encodeBatched is the pending record of a batched task: u8 0x81 ‖
// sender(20) ‖ u64 nonce ‖ u64 gasLimit ‖ u64 gasPx ‖ u64 epoch ‖
// signature(65) ‖ u64 accepted (Unix ns) ‖ bytes request. The task id and
// contract are the pending task's own.
func encodeBatched(t *btask) []byte {
	r := &t.req
	b := make([]byte, 0, 1+20+4*8+65+8+4+len(r.Request))
	b = append(b, batchedJobVersion)
	b = append(b, r.Sender[:]...)
	b = binary.BigEndian.AppendUint64(b, r.TaskNonce)
	b = binary.BigEndian.AppendUint64(b, r.GasLimit)
	b = binary.BigEndian.AppendUint64(b, r.GasPx)
	b = binary.BigEndian.AppendUint64(b, t.epoch)
	b = append(b, r.Signature[:]...)
	b = binary.BigEndian.AppendUint64(b, uint64(t.accepted.UnixNano()))
	return appendBytes(b, r.Request)
}

// decodeBatched decodes encodeBatched's output.
func decodeBatched(p state.PendingTask) (*btask, error) {
	d := &decoder{b: p.Data}
	if v := d.byte1(); v != batchedJobVersion {
		return nil, fmt.Errorf("pending batched task record of version %#x (this worker reads %#x)", v, batchedJobVersion)
	}
	t := &btask{seq: p.Seq, status: workerapi.BatchedPending}
	r := &t.req
	d.fixed(r.Sender[:])
	r.TaskNonce, r.GasLimit, r.GasPx, t.epoch = d.u64(), d.u64(), d.u64(), d.u64()
	d.fixed(r.Signature[:])
	t.accepted = time.Unix(0, int64(d.u64()))
	r.Request = d.bytes()
	if d.bad || len(d.b) != 0 {
		return nil, errJobRecord
	}
	r.TaskID, r.ContractAddress = p.TaskID, p.Contract
	if r.TaskID != enclave.BatchedTaskID(r.Sender, r.TaskNonce) {
		return nil, fmt.Errorf("pending batched task record of sender %s, nonce %d stored under task %s", r.Sender, r.TaskNonce, r.TaskID)
	}
	t.inputs = envelope.InputsHash(r.Request)
	t.maxFee = new(big.Int).Mul(new(big.Int).SetUint64(r.GasLimit), new(big.Int).SetUint64(r.GasPx))
	return t, nil
}

// resumeBatched takes up the batched path where the worker stopped: the
// stored batches first, then the pending batched tasks. Called by New
// before anything else runs.
func (w *Worker) resumeBatched(ctx context.Context, pending []state.PendingTask) error {
	recs, err := w.cfg.Store.Batches(ctx)
	if err != nil {
		return fmt.Errorf("worker: read the batches stored before the restart: %w", err)
	}
	if len(recs) == 0 && len(pending) == 0 {
		return nil
	}
	counts := map[api.ContractAddress]uint64{}
	count := func(c api.ContractAddress) (uint64, error) {
		if n, ok := counts[c]; ok {
			return n, nil
		}
		n, err := w.cfg.Enigma.CountBatches(ctx, c)
		if err != nil {
			return 0, fmt.Errorf("worker: read the batch count of contract %s to resume its batched tasks: %w", c, err)
		}
		counts[c] = n
		return n, nil
	}
	done := map[api.TaskID]bool{}
	ghosts := map[api.ContractAddress][]*state.Batch{}
	landed := map[state.BatchRef]bool{}
	for i := range recs {
		rec := &recs[i]
		n, err := count(rec.Contract)
		if err != nil {
			return err
		}
		if rec.Index >= n {
			ghosts[rec.Contract] = append(ghosts[rec.Contract], rec)
			continue
		}
		ok, err := w.batchLanded(ctx, rec, recs, landed)
		if err != nil {
			return err
		}
		if ok {
			for _, r := range rec.Tasks {
				done[r.TaskID] = true
			}
		}
	}
	var tasks []*btask
	for _, p := range pending {
		if done[p.TaskID] {
			continue
		}
		t, err := decodeBatched(p)
		if err != nil {
			w.log.Error("dropping a batched task accepted before the restart: its record does not decode; it was not charged", "task", p.TaskID, "err", err)
			w.forgetNow(ctx, p.TaskID)
			continue
		}
		if _, err := w.cfg.Store.BatchedResult(ctx, t.req.TaskID); err == nil {
			w.forgetNow(ctx, t.req.TaskID) // it ended; its pending entry outlived it
			continue
		}
		t.rerun = true
		for _, g := range ghosts[t.req.ContractAddress] {
			for _, r := range g.Tasks {
				if r.TaskID == t.req.TaskID && (!t.capped || g.Index < t.cap) {
					t.capped, t.cap = true, g.Index
				}
			}
		}
		tasks = append(tasks, t)
	}
	// A batch stored before its transaction was known (the process
	// stopped between the two writes, or the send's answer was lost) had
	// its nonce below the account's pending nonce now, if the node took it.
	var bound uint64
	for _, gs := range ghosts {
		for _, g := range gs {
			if g.NonceBound != 0 {
				continue
			}
			if bound == 0 {
				cctx, cancel := context.WithTimeout(ctx, w.cfg.Enigma.Client().Config().CallTimeout)
				n, err := w.cfg.Enigma.Client().Eth().PendingNonceAt(cctx, w.cfg.Account.Address)
				cancel()
				if err != nil {
					w.log.Warn("could not read the custodian account's pending nonce; stored batches not known to be sent wait for their epoch to end", "err", err)
					break
				}
				bound = n
			}
			g.NonceBound = bound
		}
	}
	// An enclave that kept running while the host restarted still holds
	// the contracts' open batches and what it signed: void them.
	contracts := map[api.ContractAddress]bool{}
	for _, t := range tasks {
		contracts[t.req.ContractAddress] = true
	}
	for c := range contracts {
		n, err := count(c)
		if err != nil {
			return err
		}
		if _, err := w.cfg.Enclave.VoidBatch(ctx, &enclave.VoidBatchRequest{Contract: c, BatchIndex: n}); err != nil {
			w.log.Warn("the enclave did not void the contract's batches at the restart", "contract", c, "err", err)
		}
	}
	b := w.b
	b.mu.Lock()
	defer b.mu.Unlock()
	for c, gs := range ghosts {
		b.laneLocked(c).ghosts = gs
	}
	for _, t := range tasks {
		b.tasks[t.req.TaskID] = t
		b.holdForLocked(t)
		l := b.laneLocked(t.req.ContractAddress)
		l.queue = append(l.queue, t)
		b.stats.Resumed++
	}
	for _, l := range b.lanes {
		if len(l.queue) > 0 {
			w.startLaneLocked(l)
		}
	}
	w.log.Info("resumed the batched tasks accepted before the restart", "tasks", len(tasks), "completed", len(done), "batches_in_doubt", len(ghosts))
	return nil
}

// batchLanded checks a stored batch whose index the chain passed: it
// landed when the chain's root of its index is its own, and is then
// completed from the store (once per index); else it is forgotten.
func (w *Worker) batchLanded(ctx context.Context, rec *state.Batch, all []state.Batch, landed map[state.BatchRef]bool) (bool, error) {
	root, err := w.cfg.Enigma.BatchRoot(ctx, rec.Contract, rec.Index, nil)
	if err != nil {
		return false, fmt.Errorf("worker: read batch %d of contract %s to resume its batched tasks: %w", rec.Index, rec.Contract, err)
	}
	if api.Hash(root) != rec.Root {
		if err := w.cfg.Store.DeleteBatch(ctx, rec.Ref()); err != nil {
			w.log.Warn("could not forget a stored batch that cannot land", "contract", rec.Contract, "index", rec.Index, "err", err)
		}
		return false, nil
	}
	if landed[rec.Ref()] {
		return true, nil
	}
	var drop []state.BatchRef
	for _, o := range all {
		if o.Contract == rec.Contract && o.Index == rec.Index {
			drop = append(drop, o.Ref())
		}
	}
	w.completeBatch(ctx, rec, w.landedBlock(ctx, rec), drop)
	landed[rec.Ref()] = true
	w.log.Info("a batch sent before the restart landed; completed from the store", "contract", rec.Contract, "index", rec.Index, "tasks", len(rec.Tasks))
	return true, nil
}
