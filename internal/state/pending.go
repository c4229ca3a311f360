package state

import (
	"context"
	"encoding/binary"
	"fmt"
	"slices"

	"github.com/cockroachdb/pebble/v2"

	"github.com/enigma-go/enigma/api"
)

// Pending tasks are the worker's accepted tasks that have not finished: it
// writes one (synced) before it acknowledges the task, and deletes it once
// the task's receipt is mined, so a worker that crashed resumes them. The
// store keeps their data opaque (the worker's own encoding, which holds
// the enclave's sealed blob of the task), keyed by task id.

const pendingVersion byte = 1

func (p *PendingTask) encode() []byte {
	b := make([]byte, 0, 1+32+32+8+4+len(p.Data))
	b = append(b, pendingVersion)
	b = append(b, p.TaskID[:]...)
	b = append(b, p.Contract[:]...)
	b = binary.BigEndian.AppendUint64(b, p.Seq)
	return putBytes(b, p.Data)
}

func decodePending(b []byte) (*PendingTask, error) {
	r := reader{b: b}
	if v := r.byte1(); r.err == nil && v != pendingVersion {
		return nil, fmt.Errorf("state: pending task record version %d is not supported (want %d)", v, pendingVersion)
	}
	p := &PendingTask{TaskID: r.hash(), Contract: r.hash(), Seq: r.u64(), Data: r.bytes()}
	if err := r.done(); err != nil {
		return nil, fmt.Errorf("state: decoding pending task record: %w", err)
	}
	return p, nil
}

// PutPending implements Store.
func (s *PebbleStore) PutPending(ctx context.Context, p *PendingTask) error {
	if p == nil || p.TaskID.IsZero() || p.Contract.IsZero() {
		return invalid("a pending task needs its task id and contract")
	}
	if err := s.checkSize("pending task", p.Data); err != nil {
		return err
	}
	enc := p.encode()
	return s.write(ctx, func(t *tx) error {
		if p.ConsumedKey != nil {
			if err := t.consumeIssued(*p.ConsumedKey); err != nil {
				return err
			}
		}
		t.set(pendingKey(p.TaskID), enc)
		return nil
	})
}

// DeletePending implements Store. The delete is not synced: a pending task
// that comes back after a crash belongs to a finished task, which the
// worker recognises on chain and drops again.
func (s *PebbleStore) DeletePending(ctx context.Context, id api.TaskID) error {
	release, err := s.enter(ctx)
	if err != nil {
		return err
	}
	defer release()
	if err := s.db.Delete(pendingKey(id), pebble.NoSync); err != nil {
		return api.Errorf(api.CodeUnavailable, "state: deleting pending task %s: %w", id, err)
	}
	return nil
}

// PendingTasks implements Store.
func (s *PebbleStore) PendingTasks(ctx context.Context) ([]PendingTask, error) {
	release, err := s.enter(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	it, err := s.db.NewIter(&pebble.IterOptions{LowerBound: []byte{prefixPending}, UpperBound: []byte{prefixPending + 1}})
	if err != nil {
		return nil, api.Errorf(api.CodeUnavailable, "state: listing pending tasks: %w", err)
	}
	defer it.Close()
	var out []PendingTask
	for ok := it.First(); ok; ok = it.Next() {
		p, err := decodePending(it.Value())
		if err != nil {
			return nil, corrupt(err)
		}
		if len(it.Key()) != 33 || p.TaskID != api.TaskID(it.Key()[1:]) {
			return nil, corrupt(fmt.Errorf("pending task record under key %x names task %s", it.Key(), p.TaskID))
		}
		out = append(out, *p)
	}
	if err := it.Error(); err != nil {
		return nil, api.Errorf(api.CodeUnavailable, "state: listing pending tasks: %w", err)
	}
	slices.SortFunc(out, func(a, b PendingTask) int {
		switch {
		case a.Seq < b.Seq:
			return -1
		case a.Seq > b.Seq:
			return 1
		}
		return 0
	})
	return out, nil
}
