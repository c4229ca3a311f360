package state

import (
	"context"

	"github.com/cockroachdb/pebble/v2"

	"github.com/enigma-go/enigma/api"
)

// pendingContract is what writes validated but not yet applied have done to
// one contract; later writes validate against it instead of the DB.
type pendingContract struct {
	refs   int // writes in flight that touched the contract
	meta   contractMeta
	hashes map[uint32]api.Hash // delta hashes written by writes in flight
}

// tx is one write being validated under PebbleStore.mu: it reads through the
// pending writes to the DB, and records its own effects for the next writes.
type tx struct {
	s      *PebbleStore
	b      *pebble.Batch
	metas  map[api.ContractAddress]contractMeta
	hashes map[api.ContractAddress]map[uint32]api.Hash
	cut    map[api.ContractAddress]uint32 // rollbacks: pending hashes above this index are void
	task   *api.TaskID

	touched []api.ContractAddress // set by reserve, for release
}

func (t *tx) meta(addr api.ContractAddress) (contractMeta, bool, error) {
	if m, ok := t.metas[addr]; ok {
		return m, true, nil
	}
	if p, ok := t.s.pending[addr]; ok {
		return p.meta, true, nil
	}
	return readMeta(t.s.db, addr)
}

// hashAt returns the hash of delta i, which the caller knows is at or below
// the contract's tip.
func (t *tx) hashAt(addr api.ContractAddress, i uint32) (api.Hash, error) {
	if h, ok := t.hashes[addr][i]; ok {
		return h, nil
	}
	if p, ok := t.s.pending[addr]; ok {
		if h, ok := p.hashes[i]; ok {
			return h, nil
		}
	}
	v, ok, err := get(t.s.db, deltaHashKey(addr, i))
	if err != nil {
		return api.Hash{}, err
	}
	if !ok || len(v) != 32 {
		return api.Hash{}, corrupt(errMissingHash(addr, i))
	}
	return api.Hash(v), nil
}

func (t *tx) taskExists(id api.TaskID) (bool, error) {
	if _, ok := t.s.pendingTasks[id]; ok {
		return true, nil
	}
	_, ok, err := get(t.s.db, resultKey(id))
	return ok, err
}

func (t *tx) set(key, value []byte) {
	// Batch.Set only fails on a batch that is already committing.
	_ = t.b.Set(key, value, nil)
}

func (t *tx) setMeta(addr api.ContractAddress, m contractMeta) {
	if t.metas == nil {
		t.metas = map[api.ContractAddress]contractMeta{}
	}
	t.metas[addr] = m
	t.set(contractKey(addr), m.encode())
}

func (t *tx) putDelta(addr api.ContractAddress, d *Delta) {
	if t.hashes == nil {
		t.hashes = map[api.ContractAddress]map[uint32]api.Hash{}
	}
	if t.hashes[addr] == nil {
		t.hashes[addr] = map[uint32]api.Hash{}
	}
	t.hashes[addr][d.Index] = d.Hash
	t.set(deltaKey(addr, d.Index), d.Data)
	t.set(deltaHashKey(addr, d.Index), d.Hash[:])
}

// truncate deletes the contract's deltas above index.
func (t *tx) truncate(addr api.ContractAddress, index uint32) {
	for _, p := range []byte{prefixDelta, prefixDeltaHash} {
		lo, hi := indexedRange(p, addr, index+1)
		_ = t.b.DeleteRange(lo, hi, nil)
	}
	if t.cut == nil {
		t.cut = map[api.ContractAddress]uint32{}
	}
	t.cut[addr] = index
	for i := range t.hashes[addr] {
		if i > index {
			delete(t.hashes[addr], i)
		}
	}
}

// reserve publishes the tx's effects to the pending set (under mu).
func (t *tx) reserve() {
	s := t.s
	touched := map[api.ContractAddress]bool{}
	for a := range t.metas {
		touched[a] = true
	}
	for a := range t.cut {
		touched[a] = true
	}
	for a := range touched {
		p := s.pending[a]
		if p == nil {
			p = &pendingContract{hashes: map[uint32]api.Hash{}}
			s.pending[a] = p
		}
		p.refs++
		if m, ok := t.metas[a]; ok {
			p.meta = m
		}
		if cut, ok := t.cut[a]; ok {
			for i := range p.hashes {
				if i > cut {
					delete(p.hashes, i)
				}
			}
		}
		for i, h := range t.hashes[a] {
			p.hashes[i] = h
		}
	}
	if t.task != nil {
		s.pendingTasks[*t.task] = struct{}{}
	}
	for a := range touched {
		t.touched = append(t.touched, a)
	}
}

// release undoes reserve once the write is applied (under mu).
func (t *tx) release() {
	s := t.s
	for _, a := range t.touched {
		if p := s.pending[a]; p != nil {
			if p.refs--; p.refs == 0 {
				delete(s.pending, a)
			}
		}
	}
	if t.task != nil {
		delete(s.pendingTasks, *t.task)
	}
}

// groupItem is one validated write waiting for the group committer.
type groupItem struct {
	b    *pebble.Batch
	done chan error
}

// write validates a write with build under mu, hands it to Pebble in
// validation order and waits until it is durable.
func (s *PebbleStore) write(ctx context.Context, build func(t *tx) error) error {
	release, err := s.enter(ctx)
	if err != nil {
		return err
	}
	defer release()
	b := s.db.NewBatch()
	defer b.Close()

	s.mu.Lock()
	if s.broken != nil {
		s.mu.Unlock()
		return api.Errorf(api.CodeUnavailable, "state: the store stopped accepting writes after a failed disk write (%w); restart the worker", s.broken)
	}
	t := &tx{s: s, b: b}
	if err := build(t); err != nil {
		s.mu.Unlock()
		return err
	}
	t.reserve()
	if s.queue != nil {
		item := &groupItem{b: b, done: make(chan error, 1)}
		s.queue <- item // under mu, so the committer sees validation order
		s.mu.Unlock()
		err = <-item.done
	} else {
		err = s.db.ApplyNoSyncWait(b, pebble.Sync)
		s.mu.Unlock()
		if err == nil {
			err = b.SyncWait()
		}
	}

	s.mu.Lock()
	t.release()
	if err != nil && s.broken == nil {
		// Writes validated after this one may depend on it, and a failed
		// sync leaves the file's state unknown: stop rather than guess.
		s.broken = err
		s.log.Error("state write failed; refusing further writes", "err", err)
	}
	s.mu.Unlock()
	if err != nil {
		return api.Errorf(api.CodeUnavailable, "state: writing to the store: %w; check the disk and restart the worker", err)
	}
	s.commits.Add(1)
	return nil
}

// runCommitter merges the writes queued while the previous sync ran into
// one synced batch, so N waiting writers cost one fsync.
func (s *PebbleStore) runCommitter() {
	defer close(s.committerDone)
	max := s.cfg.MaxGroupTasks
	items := make([]*groupItem, 0, max)
	group := s.db.NewBatch()
	defer group.Close()
	for first := range s.queue {
		items = append(items[:0], first)
	drain:
		for len(items) < max {
			select {
			case it, ok := <-s.queue:
				if !ok {
					break drain
				}
				items = append(items, it)
			default:
				break drain
			}
		}
		var err error
		if len(items) == 1 {
			err = applySynced(s.db, items[0].b)
		} else {
			group.Reset()
			for _, it := range items {
				if err = group.Apply(it.b, nil); err != nil {
					break
				}
			}
			if err == nil {
				err = applySynced(s.db, group)
			}
		}
		s.syncs.Add(1)
		for _, it := range items {
			it.done <- err
		}
	}
}

// applySynced applies b and waits for its WAL sync. It goes through
// ApplyNoSyncWait because Pebble's Apply treats a failed sync as fatal to
// the process, while SyncWait returns it, and the store can then refuse
// further writes and report the disk error.
func applySynced(db *pebble.DB, b *pebble.Batch) error {
	if err := db.ApplyNoSyncWait(b, pebble.Sync); err != nil {
		return err
	}
	return b.SyncWait()
}
