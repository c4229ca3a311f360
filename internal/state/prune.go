package state

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	"github.com/cockroachdb/pebble/v2"

	"github.com/enigma-go/enigma/api"
)

// Task results are the one record kind that grows with every task and that
// nothing else needs once the task's user has read it: the worker prunes
// them on a retention policy (docs/state.md, "Pruning"). Each result has an
// index entry, prefixResultAge ‖ seq ‖ task id → commit time, written in
// the result's own batch, so the oldest are found by a scan from the start
// of the index.

// indexResult adds the result of task id to the result index (under mu).
func (t *tx) indexResult(id api.TaskID) {
	s := t.s
	t.set(resultAgeKey(s.resultSeq, id), binary.BigEndian.AppendUint64(nil, uint64(s.cfg.now().UnixNano())))
	s.resultSeq++
	s.results++
}

// loadResultIndex returns the next index sequence number and the number of
// indexed results.
func loadResultIndex(db *pebble.DB) (next uint64, count int, err error) {
	it, err := db.NewIter(&pebble.IterOptions{LowerBound: []byte{prefixResultAge}, UpperBound: []byte{prefixResultAge + 1}})
	if err != nil {
		return 0, 0, api.Errorf(api.CodeUnavailable, "state: reading the result index: %w", err)
	}
	defer it.Close()
	for ok := it.First(); ok; ok = it.Next() {
		if len(it.Key()) != 1+8+32 {
			return 0, 0, corrupt(fmt.Errorf("result index key of %d bytes", len(it.Key())))
		}
		next = binary.BigEndian.Uint64(it.Key()[1:]) + 1
		count++
	}
	if err := it.Error(); err != nil {
		return 0, 0, api.Errorf(api.CodeUnavailable, "state: reading the result index: %w", err)
	}
	return next, count, nil
}

// upgradeFrom1 indexes the results of a format 1 store, stamped with the
// time of the upgrade (their commit time was not recorded), and marks the
// store format 2, in one synced batch.
func upgradeFrom1(db *pebble.DB) error {
	it, err := db.NewIter(&pebble.IterOptions{LowerBound: []byte{prefixResult}, UpperBound: []byte{prefixResult + 1}})
	if err != nil {
		return api.Errorf(api.CodeUnavailable, "state: upgrading the store: %w", err)
	}
	b := db.NewBatch()
	defer b.Close()
	now := binary.BigEndian.AppendUint64(nil, uint64(time.Now().UnixNano()))
	var seq uint64
	for ok := it.First(); ok; ok = it.Next() {
		if len(it.Key()) != 33 {
			it.Close()
			return corrupt(fmt.Errorf("task result key of %d bytes", len(it.Key())))
		}
		_ = b.Set(resultAgeKey(seq, api.TaskID(it.Key()[1:])), now, nil)
		seq++
	}
	err = errors.Join(it.Error(), it.Close())
	if err != nil {
		return api.Errorf(api.CodeUnavailable, "state: upgrading the store: %w", err)
	}
	_ = b.Set(formatKey, []byte{schemaVersion}, nil)
	if err := db.Apply(b, pebble.Sync); err != nil {
		return api.Errorf(api.CodeUnavailable, "state: upgrading the store: %w", err)
	}
	return nil
}

// PruneRule says which task results PruneResults removes: those stored
// before Before, and the oldest beyond the newest Keep. A zero Before
// removes none by age; Keep below 0 removes none by count.
type PruneRule struct {
	Before time.Time
	Keep   int
}

// Pruned reports what PruneResults did.
type Pruned struct {
	Removed int // results deleted
	Kept    int // results the store still holds
}

// pruneBatch bounds the deletions of one write, so a large backlog is
// pruned in several small batches instead of one that holds the mutex long.
const pruneBatch = 4096

// PruneResults deletes the task results rule names, oldest first, in
// batches. A result whose task is still pending (PutPending) is never
// deleted: its task may still need it to send or check its receipt.
func (s *PebbleStore) PruneResults(ctx context.Context, rule PruneRule) (Pruned, error) {
	s.pruneMu.Lock()
	defer s.pruneMu.Unlock()
	var out Pruned
	skip := 0 // index entries of pending tasks at the start, left in place
	for {
		n, skipped, err := s.pruneOnce(ctx, rule, skip)
		out.Removed += n
		skip += skipped
		if err != nil || n == 0 {
			s.mu.Lock()
			out.Kept = s.results
			s.mu.Unlock()
			return out, err
		}
	}
}

// pruneOnce deletes up to pruneBatch results after the first skip index
// entries and returns how many it deleted and how many pending ones it
// passed over.
func (s *PebbleStore) pruneOnce(ctx context.Context, rule PruneRule, skip int) (removed, skipped int, err error) {
	release, err := s.enter(ctx)
	if err != nil {
		return 0, 0, err
	}
	defer release()
	s.mu.Lock()
	excess := s.results - max(rule.Keep, 0)
	if rule.Keep < 0 {
		excess = 0
	}
	s.mu.Unlock()
	cutoff := uint64(0)
	if !rule.Before.IsZero() && rule.Before.UnixNano() > 0 {
		cutoff = uint64(rule.Before.UnixNano())
	}
	it, err := s.db.NewIter(&pebble.IterOptions{LowerBound: []byte{prefixResultAge}, UpperBound: []byte{prefixResultAge + 1}})
	if err != nil {
		return 0, 0, api.Errorf(api.CodeUnavailable, "state: reading the result index: %w", err)
	}
	var victims [][]byte
	seen := 0
	for ok := it.First(); ok && len(victims) < pruneBatch; ok = it.Next() {
		k, v := it.Key(), it.Value()
		if len(k) != 1+8+32 || len(v) != 8 {
			it.Close()
			return 0, 0, corrupt(fmt.Errorf("result index entry of %d/%d bytes", len(k), len(v)))
		}
		if seen++; seen <= skip {
			continue
		}
		if len(victims) >= excess && binary.BigEndian.Uint64(v) >= cutoff {
			break // newer than the cutoff, and within the count
		}
		if _, held, err := get(s.db, pendingKey(api.TaskID(k[9:]))); err != nil {
			it.Close()
			return 0, 0, err
		} else if held {
			skipped++ // it stays; the count still needs excess others gone
			continue
		}
		victims = append(victims, bytes.Clone(k))
	}
	if err := errors.Join(it.Error(), it.Close()); err != nil {
		return 0, 0, api.Errorf(api.CodeUnavailable, "state: reading the result index: %w", err)
	}
	if len(victims) == 0 {
		return 0, skipped, nil
	}
	err = s.write(ctx, func(t *tx) error {
		for _, k := range victims {
			_ = t.b.Delete(k, nil)
			_ = t.b.Delete(resultKey(api.TaskID(k[9:])), nil)
			_ = t.b.Delete(batchedKey(api.TaskID(k[9:])), nil)
		}
		s.results -= len(victims)
		return nil
	})
	if err != nil {
		return 0, skipped, err
	}
	return len(victims), skipped, nil
}
