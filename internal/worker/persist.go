package worker

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/state"
)

// What a worker accepted survives a crash (docs/worker.md, "Restarts"):
// before it acknowledges a task it has its enclave hold the task
// (enclave.HoldTask: the task's secret sealed to the enclave) and writes
// the task with that blob to its store (state.PutPending, synced). It
// deletes the task once the task ended on chain, or when the host gives it
// up. New resumes the pending tasks: those still open on chain and within
// their timeout run (or have their stored receipt sent again) in the order
// accepted; the others are dropped with a log line.

// jobVersion is the version of the job encoding below.
const jobVersion byte = 1

// encodeJob is the pending record of a task: u8 version ‖ u8 kind ‖ u8
// envelope ‖ taskId ‖ contract ‖ bytes code (a deploy's pre-code) ‖
// userKey(64) ‖ bytes encryptedFn ‖ bytes encryptedArgs ‖ inputsHash ‖ u64
// gasLimit ‖ u64 blockNumber ‖ u64 epoch ‖ seed(32) ‖ u64 chainId ‖
// enigma(20) ‖ sender(20) ‖ u64 nonce ‖ bytes held.
func encodeJob(j *job) []byte {
	r := &j.req
	b := []byte{jobVersion, byte(r.Kind), byte(r.Envelope)}
	b = append(b, r.TaskID[:]...)
	b = append(b, r.Contract[:]...)
	b = appendBytes(b, r.Code)
	b = append(b, r.UserPubKey[:]...)
	b = appendBytes(b, r.EncryptedFn)
	b = appendBytes(b, r.EncryptedArgs)
	b = append(b, r.InputsHash[:]...)
	b = binary.BigEndian.AppendUint64(b, r.GasLimit)
	b = binary.BigEndian.AppendUint64(b, r.BlockNumber)
	b = binary.BigEndian.AppendUint64(b, r.Epoch)
	b = append(b, j.seed[:]...)
	b = binary.BigEndian.AppendUint64(b, r.ChainID)
	b = append(b, r.EnigmaContract[:]...)
	b = append(b, r.Sender[:]...)
	b = binary.BigEndian.AppendUint64(b, r.TaskNonce)
	return appendBytes(b, r.Held)
}

func appendBytes(b, v []byte) []byte {
	return append(binary.BigEndian.AppendUint32(b, uint32(len(v))), v...)
}

var errJobRecord = errors.New("malformed pending task record")

// decodeJob decodes encodeJob's output.
func decodeJob(p state.PendingTask) (*job, error) {
	d := &decoder{b: p.Data}
	if v := d.byte1(); v != jobVersion {
		return nil, fmt.Errorf("pending task record of version %d (this worker reads %d)", v, jobVersion)
	}
	j := &job{seq: p.Seq}
	r := &j.req
	r.Kind, r.Envelope = enclave.TaskKind(d.byte1()), enclave.EnvelopeVersion(d.byte1())
	d.fixed(r.TaskID[:])
	d.fixed(r.Contract[:])
	r.Code = d.bytes()
	d.fixed(r.UserPubKey[:])
	r.EncryptedFn, r.EncryptedArgs = d.bytes(), d.bytes()
	d.fixed(r.InputsHash[:])
	r.GasLimit, r.BlockNumber, r.Epoch = d.u64(), d.u64(), d.u64()
	d.fixed(j.seed[:])
	r.ChainID = d.u64()
	d.fixed(r.EnigmaContract[:])
	d.fixed(r.Sender[:])
	r.TaskNonce = d.u64()
	r.Held = d.bytes()
	if d.bad || len(d.b) != 0 {
		return nil, errJobRecord
	}
	if r.TaskID != p.TaskID || r.Contract != p.Contract {
		return nil, fmt.Errorf("pending task record of task %s stored under %s", r.TaskID, p.TaskID)
	}
	return j, nil
}

// decoder reads encodeJob's fields; a short record sets bad.
type decoder struct {
	b   []byte
	bad bool
}

func (d *decoder) take(n int) []byte {
	if d.bad || n < 0 || n > len(d.b) {
		d.bad = true
		return nil
	}
	v := d.b[:n]
	d.b = d.b[n:]
	return v
}

func (d *decoder) byte1() byte {
	if v := d.take(1); v != nil {
		return v[0]
	}
	return 0
}

func (d *decoder) u64() uint64 {
	if v := d.take(8); v != nil {
		return binary.BigEndian.Uint64(v)
	}
	return 0
}

func (d *decoder) fixed(out []byte) { copy(out, d.take(len(out))) }

func (d *decoder) bytes() []byte {
	v := d.take(4)
	if v == nil {
		return nil
	}
	p := d.take(int(binary.BigEndian.Uint32(v)))
	if len(p) == 0 {
		return nil
	}
	return append([]byte(nil), p...)
}

// hold has the enclave hold a task this worker is selected for and writes
// the task with the blob to the store; it returns once both are durable.
func (w *Worker) hold(ctx context.Context, j *job) error {
	id := j.req.TaskID
	codeHash, err := w.codeHash(ctx, &j.req)
	if err != nil {
		return err
	}
	t := j.req
	t.Code = nil
	held, err := w.cfg.Enclave.HoldTask(ctx, &enclave.HoldTaskRequest{Task: t, CodeHash: codeHash})
	if err != nil {
		return fmt.Errorf("worker: the enclave did not take task %s: %w", id, err)
	}
	j.req.Held = held.Blob
	w.mu.Lock()
	j.seq = w.seq
	w.seq++
	w.mu.Unlock()
	p := &state.PendingTask{TaskID: id, Contract: j.req.Contract, Seq: j.seq, Data: encodeJob(j)}
	if !held.ConsumedKey.IsZero() {
		// The key is in the blob now: it must not come back after a restart.
		p.ConsumedKey = &state.IssuedKeyRef{Epoch: held.ConsumedKeyEpoch, ID: held.ConsumedKey}
	}
	if err := w.cfg.Store.PutPending(ctx, p); err != nil {
		return api.Errorf(api.CodeUnavailable, "worker: could not store task %s, so it was not accepted: %v; retry on another worker (the fee is refundable after the timeout)", id, err)
	}
	return nil
}

// codeHash is the code hash HoldTask binds a task to: the pre-code's for a
// deploy, the chain's codeHash of the contract for a v2 compute task (its
// request's context names it); a compat compute task needs none.
func (w *Worker) codeHash(ctx context.Context, req *enclave.ExecuteRequest) (api.Hash, error) {
	switch {
	case req.Kind == enclave.KindDeploy:
		return compat.Keccak256(req.Code), nil
	case req.Envelope != enclave.EnvelopeV2:
		return api.Hash{}, nil
	}
	sc, err := w.cfg.Enigma.SecretContract(ctx, req.Contract)
	if err != nil {
		return api.Hash{}, fmt.Errorf("worker: read the code hash of contract %s: %w", req.Contract, err)
	}
	return api.Hash(sc.CodeHash), nil
}

// forget deletes a task from the store's pending tasks, once it ended or
// the host gave it up. A task the worker stopped in the middle of (it is
// closing) stays, to be resumed.
func (w *Worker) forget(id api.TaskID) {
	if w.ctx.Err() != nil {
		return
	}
	if err := w.cfg.Store.DeletePending(context.Background(), id); err != nil {
		w.log.Warn("could not forget a finished task; it is dropped at the next restart instead", "task", id, "err", err)
	}
}

// resume queues again, in the order accepted, the tasks with a task
// record accepted before the worker stopped that are still open on chain
// and within their timeout; it drops the others. It returns the pending
// batched tasks, which resumeBatched takes. Called by New before anything
// else runs.
func (w *Worker) resume(ctx context.Context) ([]state.PendingTask, error) {
	all, err := w.cfg.Store.PendingTasks(ctx)
	if err != nil {
		return nil, fmt.Errorf("worker: read the tasks accepted before the restart: %w", err)
	}
	var pending, batched []state.PendingTask
	for _, p := range all {
		w.seq = max(w.seq, p.Seq+1)
		if isBatchedRecord(p.Data) {
			batched = append(batched, p)
		} else {
			pending = append(pending, p)
		}
	}
	if len(pending) == 0 {
		return batched, nil
	}
	return batched, w.resumeRecords(ctx, pending)
}

// resumeRecords resumes the pending tasks with a task record.
func (w *Worker) resumeRecords(ctx context.Context, pending []state.PendingTask) error {
	e := w.cfg.Enigma
	head, err := e.Client().BlockNumber(ctx)
	if err != nil {
		return fmt.Errorf("worker: read the head block to resume the tasks accepted before the restart: %w", err)
	}
	timeout, err := e.TaskTimeoutSize(ctx)
	if err != nil {
		return fmt.Errorf("worker: read the task timeout to resume the tasks accepted before the restart: %w", err)
	}
	for _, p := range pending {
		j, err := decodeJob(p)
		if err != nil {
			w.log.Error("dropping a task accepted before the restart: its record does not decode; its fee is refundable after the timeout", "task", p.TaskID, "err", err)
			w.forgetNow(ctx, p.TaskID)
			continue
		}
		if err := w.resumeOne(ctx, j, head, timeout); err != nil {
			return err
		}
	}
	st := w.Stats()
	w.log.Info("resumed the tasks accepted before the restart", "resumed", st.Resumed, "dropped", st.Dropped)
	return nil
}

// resumeOne queues one task accepted before the restart, or drops it.
func (w *Worker) resumeOne(ctx context.Context, j *job, head, timeout uint64) error {
	id := j.req.TaskID
	rec, err := w.cfg.Enigma.TaskRecord(ctx, id)
	if err != nil {
		return fmt.Errorf("worker: read the task record of %s to resume it: %w", id, err)
	}
	switch {
	case rec.Status != chainCreated:
		w.log.Info("a task accepted before the restart ended meanwhile; forgotten", "task", id, "status", rec.Status)
		w.mu.Lock()
		w.final.put(id, chainStatus(rec.Status))
		w.mu.Unlock()
		w.forgetNow(ctx, id)
		return nil
	case head > j.req.BlockNumber+timeout:
		why := fmt.Sprintf("it was accepted before the worker restarted and its timeout (block %d) passed meanwhile; the fee is refundable with returnFeesForTask", j.req.BlockNumber+timeout)
		w.log.Warn("dropping a task accepted before the restart: past its timeout, its fee is refundable", "task", id, "record_block", j.req.BlockNumber, "head", head)
		w.mu.Lock()
		w.faults.put(id, why)
		w.stats.Dropped++
		w.mu.Unlock()
		w.forgetNow(ctx, id)
		return nil
	}
	if _, err := w.cfg.Store.TaskResult(ctx, id); err == nil {
		j.stored = true // it ran: only its receipt is left to send
	} else if api.CodeOf(err) != api.CodeNotFound {
		return fmt.Errorf("worker: read the stored result of task %s to resume it: %w", id, err)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.stats.Resumed++
	w.jobs[id] = j
	q := w.queues[j.req.Contract]
	w.queues[j.req.Contract] = append(q, j)
	if len(q) == 0 {
		w.wg.Add(1)
		go w.runContract(j.req.Contract)
	}
	return nil
}

func (w *Worker) forgetNow(ctx context.Context, id api.TaskID) {
	if err := w.cfg.Store.DeletePending(ctx, id); err != nil {
		w.log.Warn("could not forget a pending task", "task", id, "err", err)
	}
}

// acceptHere takes a task this worker is selected for: it checks there is
// room for it, has the enclave hold it, stores it and queues it.
func (w *Worker) acceptHere(ctx context.Context, j *job) error {
	if err := w.room(j.req.Contract); err != nil {
		return err
	}
	if err := w.hold(ctx, j); err != nil {
		return err
	}
	return w.enqueue(j)
}

// room refuses a task when its contract's queue or the worker's accepted
// tasks are full.
func (w *Worker) room(contract api.ContractAddress) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if q := len(w.queues[contract]); q >= w.cfg.MaxQueued {
		return api.Errorf(api.CodeUnavailable, "worker: %d tasks already wait for contract %s; retry later", q, contract)
	}
	if n := len(w.jobs); n >= w.cfg.MaxPending {
		return api.Errorf(api.CodeUnavailable, "worker: this worker holds %d accepted tasks, its limit; retry later", n)
	}
	return nil
}

// admission is one submission of a task being checked; concurrent
// submissions of the same task wait for it.
type admission struct{ done chan struct{} }

// admit lets one submission of task id at a time be checked and held: the
// enclave holds a task once. It reports seen (with the answer the
// submission gets) when the worker already has the task or is closing;
// otherwise the caller must call admitted when done. A submission that
// waited for another one checks again once that one ends: accepted then,
// or its turn.
func (w *Worker) admit(ctx context.Context, id api.TaskID) (*admission, bool, error) {
	for {
		w.mu.Lock()
		if w.closed {
			w.mu.Unlock()
			return nil, true, errClosed
		}
		if seen, err := w.seenLocked(id); seen || err != nil {
			w.mu.Unlock()
			return nil, true, err
		}
		a := w.admitting[id]
		if a == nil {
			a = &admission{done: make(chan struct{})}
			w.admitting[id] = a
			w.mu.Unlock()
			return a, false, nil
		}
		w.mu.Unlock()
		select {
		case <-a.done:
		case <-ctx.Done():
			return nil, true, ctx.Err()
		}
	}
}

// admitted ends an admission.
func (w *Worker) admitted(id api.TaskID, a *admission) {
	w.mu.Lock()
	defer w.mu.Unlock()
	delete(w.admitting, id)
	close(a.done)
}
