package state

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"

	"github.com/cockroachdb/pebble/v2"

	"github.com/enigma-go/enigma/api"
)

// A delta RollbackTo removes may still end up on chain: a worker that
// resyncs while its receipt is still in the transaction pool rolls back a
// delta the chain then takes. No other worker has that delta, so the
// store keeps the last Config.MaxKeptDeltas removed deltas of each
// contract, with the state at each when it held it, readable by hash.

const keptVersion byte = 1

// keptRecord is a delta a rollback removed (value under keptKey).
type keptRecord struct {
	Delta    Delta
	PrevHash api.Hash // hash of delta Index-1, which it chained to
	State    []byte   // the full encrypted state as of this delta; nil when not held
}

func (k *keptRecord) encode() []byte {
	b := make([]byte, 0, 1+4+32+32+8+len(k.Delta.Data)+len(k.State))
	b = append(b, keptVersion)
	b = binary.BigEndian.AppendUint32(b, k.Delta.Index)
	b = append(b, k.Delta.Hash[:]...)
	b = append(b, k.PrevHash[:]...)
	b = putBytes(b, k.Delta.Data)
	return putBytes(b, k.State)
}

func decodeKept(b []byte) (*keptRecord, error) {
	r := reader{b: b}
	if v := r.byte1(); r.err == nil && v != keptVersion {
		return nil, fmt.Errorf("state: kept delta record version %d is not supported (want %d)", v, keptVersion)
	}
	k := &keptRecord{}
	k.Delta.Index = r.u32()
	k.Delta.Hash = r.hash()
	k.PrevHash = r.hash()
	k.Delta.Data = r.bytes()
	k.State = r.bytes()
	if err := r.done(); err != nil {
		return nil, fmt.Errorf("state: decoding kept delta record: %w", err)
	}
	if keccak(k.Delta.Data) != k.Delta.Hash {
		return nil, fmt.Errorf("state: kept delta %d does not hash to %s", k.Delta.Index, k.Delta.Hash)
	}
	return k, nil
}

// keptEntry is one kept delta's key, parsed.
type keptEntry struct {
	key  []byte
	seq  uint64
	hash api.Hash
}

// listKept returns the contract's kept deltas, oldest first, reading keys
// only.
func listKept(r pebble.Reader, addr api.ContractAddress) ([]keptEntry, error) {
	lo := addrKey(prefixKept, addr)
	hi := append(addrKey(prefixKept, addr), bytes.Repeat([]byte{0xff}, 8+32+1)...)
	it, err := r.NewIter(&pebble.IterOptions{LowerBound: lo, UpperBound: hi})
	if err != nil {
		return nil, api.Errorf(api.CodeUnavailable, "state: listing kept deltas: %w", err)
	}
	defer it.Close()
	var out []keptEntry
	for ok := it.First(); ok; ok = it.Next() {
		k := it.Key()
		if len(k) != 1+32+8+32 {
			return nil, corrupt(fmt.Errorf("kept delta key of %d bytes", len(k)))
		}
		out = append(out, keptEntry{key: bytes.Clone(k), seq: binary.BigEndian.Uint64(k[33:]), hash: api.Hash(k[41:])})
	}
	if err := it.Error(); err != nil {
		return nil, api.Errorf(api.CodeUnavailable, "state: listing kept deltas: %w", err)
	}
	return out, nil
}

// keep stores the deltas above index (up to tip), newest first, before a
// rollback removes them, and prunes the contract's kept deltas to
// MaxKeptDeltas. It reads what Pebble has applied: a delta whose write is
// still in flight at the same moment is not kept (the worker never rolls
// back a contract while it commits to it).
func (t *tx) keep(addr api.ContractAddress, index uint32, tip Tip) error {
	max := t.s.cfg.MaxKeptDeltas
	if max == 0 || tip.Index <= index {
		return nil
	}
	db := t.s.db
	kept, err := listKept(db, addr)
	if err != nil {
		return err
	}
	var cur *StateBlob
	if v, ok, err := get(db, stateKey(addr)); err != nil {
		return err
	} else if ok {
		if cur, err = decodeState(v); err != nil {
			return corrupt(err)
		}
	}
	held := map[api.Hash]bool{}
	seq := uint64(0)
	for _, e := range kept {
		held[e.hash] = true
		seq = max64(seq, e.seq+1)
	}
	// Newest first, so a long rollback keeps the deltas nearest its old tip.
	var added []keptEntry
	for i := tip.Index; i > index && len(added) < max; i-- {
		h, err := t.hashAt(addr, i)
		if err != nil {
			return err
		}
		prev, err := t.hashAt(addr, i-1)
		if err != nil {
			return err
		}
		data, ok, err := get(db, deltaKey(addr, i))
		if err != nil {
			return err
		}
		if !ok || held[h] || keccak(data) != h {
			continue
		}
		rec := keptRecord{Delta: Delta{Index: i, Hash: h, Data: data}, PrevHash: prev}
		if cur != nil && cur.Index == i && cur.Hash == h {
			rec.State = cur.Data
		}
		added = append(added, keptEntry{key: keptKey(addr, seq+uint64(i-index), h)}) // higher deltas are newer
		t.set(added[len(added)-1].key, rec.encode())
		held[h] = true
	}
	// The oldest go first; the ones just added are the newest.
	for i := 0; i < len(kept)+len(added)-max && i < len(kept); i++ {
		_ = t.b.Delete(kept[i].key, nil)
	}
	return nil
}

func max64(a, b uint64) uint64 {
	if a > b {
		return a
	}
	return b
}

// findKept returns the kept delta with hash h, or nil.
func findKept(r pebble.Reader, addr api.ContractAddress, h api.Hash) (*keptRecord, error) {
	kept, err := listKept(r, addr)
	if err != nil {
		return nil, err
	}
	for _, e := range kept {
		if e.hash != h {
			continue
		}
		v, ok, err := get(r, e.key)
		if err != nil || !ok {
			return nil, err
		}
		k, err := decodeKept(v)
		if err != nil {
			return nil, corrupt(err)
		}
		return k, nil
	}
	return nil, nil
}

func noDeltaWithHash(addr api.ContractAddress, h api.Hash, what string) error {
	return api.Errorf(api.CodeNotFound, "state: contract %s has no %s at delta %s, in its chain or among the deltas a rollback removed (kept: Config.MaxKeptDeltas); sync it from another worker", addr, what, h)
}

// DeltaByHash implements Store.
func (s *PebbleStore) DeltaByHash(ctx context.Context, addr api.ContractAddress, h api.Hash) (*Delta, error) {
	release, err := s.enter(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	snap := s.db.NewSnapshot()
	defer snap.Close()
	m, known, err := readMeta(snap, addr)
	if err != nil {
		return nil, err
	}
	if k, err := findKept(snap, addr, h); err != nil || k != nil {
		if k == nil {
			return nil, err
		}
		return &k.Delta, nil
	}
	if !known {
		return nil, unknownContract(addr)
	}
	// The chain, from the tip down: the delta asked for is usually recent.
	lo, _ := indexedRange(prefixDeltaHash, addr, 0)
	it, err := snap.NewIter(&pebble.IterOptions{LowerBound: lo, UpperBound: append(deltaHashKey(addr, m.Tip.Index), 0)})
	if err != nil {
		return nil, api.Errorf(api.CodeUnavailable, "state: reading delta hashes: %w", err)
	}
	defer it.Close()
	for ok := it.Last(); ok; ok = it.Prev() {
		if ctx.Err() != nil {
			return nil, api.Errorf(api.CodeTimeout, "state: looking for delta %s of contract %s: %w", h, addr, ctx.Err())
		}
		if bytes.Equal(it.Value(), h[:]) {
			return readDelta(snap, addr, binary.BigEndian.Uint32(it.Key()[33:]))
		}
	}
	if err := it.Error(); err != nil {
		return nil, api.Errorf(api.CodeUnavailable, "state: reading delta hashes: %w", err)
	}
	return nil, noDeltaWithHash(addr, h, "delta")
}

// StateByHash implements Store.
func (s *PebbleStore) StateByHash(ctx context.Context, addr api.ContractAddress, h api.Hash) (*StateBlob, error) {
	release, err := s.enter(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	snap := s.db.NewSnapshot()
	defer snap.Close()
	if v, ok, err := get(snap, stateKey(addr)); err != nil {
		return nil, err
	} else if ok {
		st, err := decodeState(v)
		if err != nil {
			return nil, corrupt(err)
		}
		if st.Hash == h {
			return st, nil
		}
	}
	k, err := findKept(snap, addr, h)
	if err != nil {
		return nil, err
	}
	if k == nil || k.State == nil {
		return nil, noDeltaWithHash(addr, h, "state")
	}
	return &StateBlob{Index: k.Delta.Index, Hash: k.Delta.Hash, Data: k.State}, nil
}
