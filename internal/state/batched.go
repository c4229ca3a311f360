package state

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"

	"github.com/cockroachdb/pebble/v2"

	"github.com/enigma-go/enigma/api"
)

// The batched path (docs/protocol/batched.md) keeps two more kinds of
// record. A batch record is a signed batch whose commitBatch may be on its
// way to the chain: the worker writes it (synced) before it sends the
// transaction, so a restart finds what it sent and, when the batch landed,
// completes it from the record. A batched result is what a client reads of
// a batched task that ended: committed with its position, proof and block,
// or failed with the reason. The batched tasks not yet ended are pending
// tasks (PutPending) until the write that ends them deletes them.

// BatchedStatus is where a stored batched task is.
type BatchedStatus uint8

// Batched task statuses as stored; the numbers never change meaning.
const (
	// BatchedInBatch: in a signed batch not known to have landed (batch
	// records only).
	BatchedInBatch BatchedStatus = 1
	// BatchedCommitted: its batch is on chain.
	BatchedCommitted BatchedStatus = 2
	// BatchedFailed: never committed, not charged.
	BatchedFailed BatchedStatus = 3
)

func (s BatchedStatus) valid() bool { return s >= BatchedInBatch && s <= BatchedFailed }

// BatchedResult is what the worker keeps of a batched task: its leaf in
// its batch (batch.Task), its encrypted output and, once committed, its
// Merkle proof and block; or, failed, why.
type BatchedResult struct {
	TaskID   api.TaskID
	Contract api.ContractAddress
	Status   BatchedStatus
	// Code and Error say why a failed task failed.
	Code  api.Code
	Error string

	Epoch      uint64 // the epoch's first block (the batch header's)
	BatchIndex uint64
	Position   uint32 // the task's leaf in the batch
	InputsHash api.Hash
	OutputHash api.Hash
	DeltaHash  api.Hash
	GasUsed    uint64
	Fee        [32]byte // big-endian uint256
	// TaskFailed: the contract failed the task; it is in its batch all the
	// same and Output holds the encrypted error.
	TaskFailed bool
	Output     []byte
	// Committed only: the proof of the leaf under Root, and the block.
	Proof []api.Hash
	Root  api.Hash
	Block uint64
}

// BatchRef names a stored batch.
type BatchRef struct {
	Contract api.ContractAddress
	Index    uint64
	Root     api.Hash
}

// Batch is a signed batch the worker stored before sending its commitBatch.
type Batch struct {
	Contract api.ContractAddress
	Index    uint64
	Root     api.Hash
	Epoch    uint64
	// PrevHash is the delta the batch starts from; Delta its state change
	// (nil when it changed no state) and State the state at Delta.
	PrevHash api.Hash
	Delta    *Delta
	State    []byte
	// SentAfter is a block at or before the one commitBatch can be mined
	// in: a restart looks for the batch's BatchCommitted event from there.
	SentAfter uint64
	// Signed is the worker's encoding of the signed batch (the
	// transaction's arguments); opaque to the store.
	Signed []byte
	// NonceBound, when not zero, is a nonce of the sending account the
	// batch's commitBatch transaction cannot have (its nonce + 1 once the
	// node took it): once the account's mined nonce reaches it, that
	// transaction was mined or can never be, and the batch landed only if
	// the chain's root of its index is its own. TxHash is the
	// transaction's hash when known. Both zero: not known to have been
	// sent (a record of version 1 holds neither).
	NonceBound uint64
	TxHash     api.Hash
	// Tasks are the batch's tasks in leaf order (status BatchedInBatch,
	// no proof and block yet).
	Tasks []BatchedResult
}

// Ref names b.
func (b *Batch) Ref() BatchRef { return BatchRef{Contract: b.Contract, Index: b.Index, Root: b.Root} }

// BatchCommit is what a batch the chain took writes.
type BatchCommit struct {
	Contract api.ContractAddress
	// Delta is the batch's delta, nil when the batch changed no state (or
	// the worker does not keep it); it must follow the contract's tip,
	// which must be PrevHash. State is the state at Delta, required with it.
	Delta    *Delta
	PrevHash api.Hash
	State    []byte
	// Results are the batch's tasks, status BatchedCommitted.
	Results []BatchedResult
	// Drop names the stored batches to delete: the batch itself, and
	// others of the contract that can no longer land.
	Drop []BatchRef
}

const (
	batchedResultVersion byte = 1
	// A batch record is written as version 1 until its transaction is
	// known, version 2 (with NonceBound and TxHash) after; both are read.
	batchVersion   byte = 1
	batchVersionTx byte = 2
)

const (
	flagTaskFailed byte = 1
	flagBatchDelta byte = 1
)

func batchedKey(id api.TaskID) []byte { return addrKey(prefixBatched, id) }

func batchKey(r BatchRef) []byte {
	k := make([]byte, 0, 1+32+8+32)
	k = append(k, prefixBatch)
	k = append(k, r.Contract[:]...)
	k = binary.BigEndian.AppendUint64(k, r.Index)
	return append(k, r.Root[:]...)
}

// MarshalBinary encodes the result as stored (layout in docs/state.md).
func (r *BatchedResult) MarshalBinary() ([]byte, error) {
	if !r.Status.valid() {
		return nil, fmt.Errorf("state: batched result of %s has unknown status %d", r.TaskID, r.Status)
	}
	var flags byte
	if r.TaskFailed {
		flags |= flagTaskFailed
	}
	b := make([]byte, 0, 1+32+32+2+4+8+8+4+3*32+8+32+32+8+4+32*len(r.Proof)+8+len(r.Output)+len(r.Error))
	b = append(b, batchedResultVersion)
	b = append(b, r.TaskID[:]...)
	b = append(b, r.Contract[:]...)
	b = append(b, byte(r.Status), flags)
	b = binary.BigEndian.AppendUint32(b, uint32(r.Code))
	b = binary.BigEndian.AppendUint64(b, r.Epoch)
	b = binary.BigEndian.AppendUint64(b, r.BatchIndex)
	b = binary.BigEndian.AppendUint32(b, r.Position)
	b = append(b, r.InputsHash[:]...)
	b = append(b, r.OutputHash[:]...)
	b = append(b, r.DeltaHash[:]...)
	b = binary.BigEndian.AppendUint64(b, r.GasUsed)
	b = append(b, r.Fee[:]...)
	b = append(b, r.Root[:]...)
	b = binary.BigEndian.AppendUint64(b, r.Block)
	b = binary.BigEndian.AppendUint32(b, uint32(len(r.Proof)))
	for _, p := range r.Proof {
		b = append(b, p[:]...)
	}
	b = putBytes(b, r.Output)
	return putBytes(b, []byte(r.Error)), nil
}

// UnmarshalBinary decodes what MarshalBinary produced.
func (r *BatchedResult) UnmarshalBinary(b []byte) error {
	rd := reader{b: b}
	out, err := readBatchedResult(&rd)
	if err != nil {
		return err
	}
	if err := rd.done(); err != nil {
		return fmt.Errorf("state: decoding batched result: %w", err)
	}
	*r = *out
	return nil
}

func readBatchedResult(rd *reader) (*BatchedResult, error) {
	if v := rd.byte1(); rd.err == nil && v != batchedResultVersion {
		return nil, fmt.Errorf("state: batched result version %d is not supported (want %d)", v, batchedResultVersion)
	}
	r := &BatchedResult{TaskID: rd.hash(), Contract: rd.hash()}
	status, flags := BatchedStatus(rd.byte1()), rd.byte1()
	r.Code = api.Code(rd.u32())
	r.Epoch, r.BatchIndex, r.Position = rd.u64(), rd.u64(), rd.u32()
	r.InputsHash, r.OutputHash, r.DeltaHash = rd.hash(), rd.hash(), rd.hash()
	r.GasUsed = rd.u64()
	copy(r.Fee[:], rd.take(32))
	r.Root, r.Block = rd.hash(), rd.u64()
	n := rd.u32()
	if rd.err == nil && uint64(n)*32 > uint64(len(rd.b)) {
		rd.err = errTruncated
	}
	for i := uint32(0); i < n && rd.err == nil; i++ {
		r.Proof = append(r.Proof, rd.hash())
	}
	r.Output = rd.bytes()
	r.Error = string(rd.bytes())
	if rd.err != nil {
		return nil, fmt.Errorf("state: decoding batched result: %w", rd.err)
	}
	if !status.valid() || flags&^flagTaskFailed != 0 {
		return nil, fmt.Errorf("state: batched result of %s has status %d, flags %#x", r.TaskID, status, flags)
	}
	r.Status, r.TaskFailed = status, flags&flagTaskFailed != 0
	return r, nil
}

func (b *Batch) encode() ([]byte, error) {
	ver := batchVersion
	if b.NonceBound != 0 || !b.TxHash.IsZero() {
		ver = batchVersionTx
	}
	out := []byte{ver}
	out = append(out, b.Contract[:]...)
	out = binary.BigEndian.AppendUint64(out, b.Index)
	out = append(out, b.Root[:]...)
	out = binary.BigEndian.AppendUint64(out, b.Epoch)
	out = append(out, b.PrevHash[:]...)
	var d Delta
	var flags byte
	if b.Delta != nil {
		flags, d = flagBatchDelta, *b.Delta
	}
	out = append(out, flags)
	out = binary.BigEndian.AppendUint32(out, d.Index)
	out = append(out, d.Hash[:]...)
	out = putBytes(out, d.Data)
	out = putBytes(out, b.State)
	out = binary.BigEndian.AppendUint64(out, b.SentAfter)
	out = putBytes(out, b.Signed)
	out = binary.BigEndian.AppendUint32(out, uint32(len(b.Tasks)))
	for i := range b.Tasks {
		r, err := b.Tasks[i].MarshalBinary()
		if err != nil {
			return nil, err
		}
		out = putBytes(out, r)
	}
	if ver == batchVersionTx {
		out = binary.BigEndian.AppendUint64(out, b.NonceBound)
		out = append(out, b.TxHash[:]...)
	}
	return out, nil
}

func decodeBatch(v []byte) (*Batch, error) {
	rd := reader{b: v}
	ver := rd.byte1()
	if rd.err == nil && ver != batchVersion && ver != batchVersionTx {
		return nil, fmt.Errorf("state: batch record version %d is not supported (want %d or %d)", ver, batchVersion, batchVersionTx)
	}
	b := &Batch{Contract: rd.hash(), Index: rd.u64(), Root: rd.hash(), Epoch: rd.u64(), PrevHash: rd.hash()}
	flags := rd.byte1()
	d := Delta{Index: rd.u32(), Hash: rd.hash(), Data: rd.bytes()}
	b.State = rd.bytes()
	b.SentAfter = rd.u64()
	b.Signed = rd.bytes()
	n := rd.u32()
	if rd.err == nil && uint64(n)*4 > uint64(len(rd.b)) {
		rd.err = errTruncated
	}
	for i := uint32(0); i < n && rd.err == nil; i++ {
		enc := rd.bytes()
		sub := reader{b: enc}
		r, err := readBatchedResult(&sub)
		if err != nil {
			return nil, err
		}
		if err := sub.done(); err != nil {
			return nil, fmt.Errorf("state: decoding batch record: task %d: %w", i, err)
		}
		b.Tasks = append(b.Tasks, *r)
	}
	if ver == batchVersionTx {
		b.NonceBound, b.TxHash = rd.u64(), rd.hash()
	}
	if err := rd.done(); err != nil {
		return nil, fmt.Errorf("state: decoding batch record: %w", err)
	}
	if ver == batchVersionTx && b.NonceBound == 0 && b.TxHash.IsZero() {
		return nil, fmt.Errorf("state: batch record of version %d without its transaction", ver)
	}
	switch flags {
	case 0:
		if d.Index != 0 || !d.Hash.IsZero() || d.Data != nil {
			return nil, fmt.Errorf("state: batch record without a delta holds delta fields")
		}
	case flagBatchDelta:
		b.Delta = &d
	default:
		return nil, fmt.Errorf("state: batch record has flags %#x", flags)
	}
	return b, nil
}

// checkBatchedResult checks what a batched result must hold to be stored.
func (s *PebbleStore) checkBatchedResult(r *BatchedResult, want BatchedStatus) error {
	if r.TaskID.IsZero() || r.Contract.IsZero() {
		return invalid("a batched result needs its task id and contract")
	}
	if r.Status != want {
		return invalid("batched task %s: status %d here, want %d", r.TaskID, r.Status, want)
	}
	return s.checkSize("batched task output", r.Output)
}

func (s *PebbleStore) checkBatchDelta(contract api.ContractAddress, d *Delta, state []byte) (*Delta, error) {
	if d == nil {
		if state != nil {
			return nil, invalid("batch of contract %s: a state without the delta that produced it", contract)
		}
		return nil, nil
	}
	if err := s.checkSize("batch delta", d.Data); err != nil {
		return nil, err
	}
	if err := s.checkSize("batch state", state); err != nil {
		return nil, err
	}
	if len(d.Data) == 0 || len(state) == 0 || d.Index == 0 {
		return nil, invalid("batch of contract %s: a batch delta has an index of at least 1, data and the state after it", contract)
	}
	h := keccak(d.Data)
	if !d.Hash.IsZero() && d.Hash != h {
		return nil, api.Errorf(api.CodeTampered, "state: batch delta %d of contract %s hashes to %s, not the %s it came with", d.Index, contract, h, d.Hash)
	}
	return &Delta{Index: d.Index, Hash: h, Data: d.Data}, nil
}

// PutBatch implements Store.
func (s *PebbleStore) PutBatch(ctx context.Context, b *Batch) error {
	if b == nil || b.Contract.IsZero() || b.Root.IsZero() || len(b.Tasks) == 0 {
		return invalid("a batch record needs its contract, root and tasks")
	}
	d, err := s.checkBatchDelta(b.Contract, b.Delta, b.State)
	if err != nil {
		return err
	}
	c := *b
	c.Delta = d
	for i := range c.Tasks {
		if err := s.checkBatchedResult(&c.Tasks[i], BatchedInBatch); err != nil {
			return err
		}
	}
	enc, err := c.encode()
	if err != nil {
		return invalid("%v", err)
	}
	return s.write(ctx, func(t *tx) error {
		t.set(batchKey(c.Ref()), enc)
		return nil
	})
}

// Batches implements Store.
func (s *PebbleStore) Batches(ctx context.Context) ([]Batch, error) {
	release, err := s.enter(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	it, err := s.db.NewIter(&pebble.IterOptions{LowerBound: []byte{prefixBatch}, UpperBound: []byte{prefixBatch + 1}})
	if err != nil {
		return nil, api.Errorf(api.CodeUnavailable, "state: listing the batches: %w", err)
	}
	defer it.Close()
	var out []Batch
	for ok := it.First(); ok; ok = it.Next() {
		b, err := decodeBatch(it.Value())
		if err != nil {
			return nil, corrupt(err)
		}
		if !bytes.Equal(it.Key(), batchKey(b.Ref())) {
			return nil, corrupt(fmt.Errorf("batch record under key %x names batch %d of %s", it.Key(), b.Index, b.Contract))
		}
		out = append(out, *b)
	}
	if err := it.Error(); err != nil {
		return nil, api.Errorf(api.CodeUnavailable, "state: listing the batches: %w", err)
	}
	return out, nil
}

// DeleteBatch implements Store.
func (s *PebbleStore) DeleteBatch(ctx context.Context, ref BatchRef) error {
	return s.write(ctx, func(t *tx) error {
		_ = t.b.Delete(batchKey(ref), nil)
		return nil
	})
}

// CommitBatch implements Store.
func (s *PebbleStore) CommitBatch(ctx context.Context, c *BatchCommit) error {
	if c == nil || c.Contract.IsZero() {
		return invalid("a batch commit needs its contract")
	}
	d, err := s.checkBatchDelta(c.Contract, c.Delta, c.State)
	if err != nil {
		return err
	}
	encs := make([][]byte, len(c.Results))
	for i := range c.Results {
		r := &c.Results[i]
		if err := s.checkBatchedResult(r, BatchedCommitted); err != nil {
			return err
		}
		if r.Contract != c.Contract {
			return invalid("batched task %s of contract %s in a batch of %s", r.TaskID, r.Contract, c.Contract)
		}
		if encs[i], err = r.MarshalBinary(); err != nil {
			return invalid("%v", err)
		}
	}
	return s.write(ctx, func(t *tx) error {
		if d != nil {
			if err := t.applyBatchDelta(c.Contract, d, c.PrevHash, c.State); err != nil {
				return err
			}
		}
		for i := range c.Results {
			if err := t.putBatched(c.Results[i].TaskID, encs[i], false); err != nil {
				return err
			}
		}
		for _, r := range c.Drop {
			_ = t.b.Delete(batchKey(r), nil)
		}
		return nil
	})
}

// applyBatchDelta appends a batch's delta to the contract's chain.
func (t *tx) applyBatchDelta(addr api.ContractAddress, d *Delta, prev api.Hash, state []byte) error {
	m, known, err := t.meta(addr)
	if err != nil {
		return err
	}
	if !known {
		return unknownContract(addr)
	}
	if d.Index != m.Tip.Index+1 || prev != m.Tip.Hash {
		return invalid("batch delta %d of contract %s chains to %s, but the contract's tip is %d %s; sync the contract's state", d.Index, addr, prev, m.Tip.Index, m.Tip.Hash)
	}
	m.Tip = Tip{Index: d.Index, Hash: d.Hash}
	t.putDelta(addr, d)
	t.setMeta(addr, m)
	t.set(stateKey(addr), encodeState(&StateBlob{Index: d.Index, Hash: d.Hash, Data: state}))
	return nil
}

// putBatched writes a batched task's final result, indexes it for pruning
// when it is new, and deletes the task from the pending ones. A failure
// never replaces a committed result: the chain holds that one.
func (t *tx) putBatched(id api.TaskID, enc []byte, failure bool) error {
	old, exists, err := get(t.s.db, batchedKey(id))
	if err != nil {
		return err
	}
	if failure && exists && len(old) > 65 && BatchedStatus(old[65]) == BatchedCommitted {
		_ = t.b.Delete(pendingKey(id), nil)
		return nil
	}
	t.set(batchedKey(id), enc)
	if !exists {
		t.indexResult(id)
	}
	_ = t.b.Delete(pendingKey(id), nil)
	return nil
}

// PutBatchedResults implements Store.
func (s *PebbleStore) PutBatchedResults(ctx context.Context, rs []BatchedResult) error {
	encs := make([][]byte, len(rs))
	for i := range rs {
		if err := s.checkBatchedResult(&rs[i], BatchedFailed); err != nil {
			return err
		}
		var err error
		if encs[i], err = rs[i].MarshalBinary(); err != nil {
			return invalid("%v", err)
		}
	}
	return s.write(ctx, func(t *tx) error {
		for i := range rs {
			if err := t.putBatched(rs[i].TaskID, encs[i], true); err != nil {
				return err
			}
		}
		return nil
	})
}

// BatchedResult implements Store.
func (s *PebbleStore) BatchedResult(ctx context.Context, id api.TaskID) (*BatchedResult, error) {
	release, err := s.enter(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	v, ok, err := get(s.db, batchedKey(id))
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, api.Errorf(api.CodeNotFound, "state: no result of batched task %s", id)
	}
	var r BatchedResult
	if err := r.UnmarshalBinary(v); err != nil {
		return nil, corrupt(err)
	}
	if r.TaskID != id {
		return nil, corrupt(fmt.Errorf("batched result under task %s names task %s", id, r.TaskID))
	}
	return &r, nil
}
