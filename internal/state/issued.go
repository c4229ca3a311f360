package state

import (
	"context"
	"encoding/binary"
	"fmt"

	"github.com/cockroachdb/pebble/v2"

	"github.com/enigma-go/enigma/api"
)

// Issued keys are the keys the worker's enclave handed out before a task
// arrives (compat task keys, envelope v2 epoch keys), sealed to the
// enclave: the worker stores each (synced) before it hands the key to a
// client, so a client's key survives a crash of the worker, and gives them
// back to the restarted enclave (docs/worker.md, "Restarts"). The store
// keeps the blobs opaque, keyed by the epoch the key was issued in and the
// key's id, and bounds them (Config.MaxIssuedKeys).

// IssuedKind says what an issued key is.
type IssuedKind uint8

// Issued key kinds.
const (
	IssuedCompat IssuedKind = 1 // a compat task key (getWorkerEncryptionKey)
	IssuedEpoch  IssuedKind = 2 // an envelope v2 epoch key
)

// IssuedKey is one sealed issued key.
type IssuedKey struct {
	Epoch uint64   // the first block of the epoch the key was issued in
	ID    api.Hash // enclave.IssuedKeyID of the issued public key
	Kind  IssuedKind
	Blob  []byte // sealed by the enclave, opaque
}

// IssuedKeyRef names a stored issued key.
type IssuedKeyRef struct {
	Epoch uint64
	ID    api.Hash
}

const issuedVersion byte = 1

// issuedKey is 0x0B ‖ u64 epoch ‖ id(32): keys sort by epoch, so pruning
// an epoch and evicting the oldest are range operations.
func issuedKey(epoch uint64, id api.Hash) []byte {
	k := make([]byte, 1+8+32)
	k[0] = prefixIssued
	binary.BigEndian.PutUint64(k[1:], epoch)
	copy(k[9:], id[:])
	return k
}

func issuedEpochKey(epoch uint64) []byte {
	return binary.BigEndian.AppendUint64([]byte{prefixIssued}, epoch)
}

func (k *IssuedKey) encode() []byte {
	b := []byte{issuedVersion, byte(k.Kind)}
	return putBytes(b, k.Blob)
}

func decodeIssued(key, v []byte) (IssuedKey, error) {
	if len(key) != 1+8+32 {
		return IssuedKey{}, fmt.Errorf("issued key record under a key of %d bytes", len(key))
	}
	r := reader{b: v}
	if ver := r.byte1(); r.err == nil && ver != issuedVersion {
		return IssuedKey{}, fmt.Errorf("issued key record version %d is not supported (want %d)", ver, issuedVersion)
	}
	k := IssuedKey{Epoch: binary.BigEndian.Uint64(key[1:]), ID: api.Hash(key[9:]), Kind: IssuedKind(r.byte1()), Blob: r.bytes()}
	if err := r.done(); err != nil {
		return IssuedKey{}, fmt.Errorf("decoding issued key record: %w", err)
	}
	if k.Kind != IssuedCompat && k.Kind != IssuedEpoch {
		return IssuedKey{}, fmt.Errorf("issued key record of kind %d", k.Kind)
	}
	return k, nil
}

// countIssued counts the stored issued keys (at Open).
func countIssued(db *pebble.DB) (int, error) {
	it, err := db.NewIter(&pebble.IterOptions{LowerBound: []byte{prefixIssued}, UpperBound: []byte{prefixIssued + 1}})
	if err != nil {
		return 0, api.Errorf(api.CodeUnavailable, "state: counting the issued keys: %w", err)
	}
	defer it.Close()
	n := 0
	for ok := it.First(); ok; ok = it.Next() {
		n++
	}
	if err := it.Error(); err != nil {
		return 0, api.Errorf(api.CodeUnavailable, "state: counting the issued keys: %w", err)
	}
	return n, nil
}

// PutIssuedKey implements Store.
func (s *PebbleStore) PutIssuedKey(ctx context.Context, k *IssuedKey) error {
	if k == nil || k.ID.IsZero() || (k.Kind != IssuedCompat && k.Kind != IssuedEpoch) || len(k.Blob) == 0 {
		return invalid("an issued key needs its id, kind (compat or epoch) and sealed blob")
	}
	if err := s.checkSize("issued key", k.Blob); err != nil {
		return err
	}
	enc := k.encode()
	return s.write(ctx, func(t *tx) error {
		key := issuedKey(k.Epoch, k.ID)
		_, exists, err := get(s.db, key)
		if err != nil {
			return err
		}
		if !exists {
			if err := t.evictIssued(s.issued + 1 - s.cfg.MaxIssuedKeys); err != nil {
				return err
			}
			s.issued++
		}
		t.set(key, enc)
		return nil
	})
}

// evictIssued deletes the n oldest compat keys (oldest epoch first; in id
// order within an epoch). Epoch keys are never evicted: there are at most
// a few, and a client of the epoch may hold one. Caller holds mu.
func (t *tx) evictIssued(n int) error {
	if n <= 0 {
		return nil
	}
	it, err := t.s.db.NewIter(&pebble.IterOptions{LowerBound: []byte{prefixIssued}, UpperBound: []byte{prefixIssued + 1}})
	if err != nil {
		return api.Errorf(api.CodeUnavailable, "state: reading the issued keys: %w", err)
	}
	defer it.Close()
	for ok := it.First(); ok && n > 0; ok = it.Next() {
		if len(it.Value()) >= 2 && IssuedKind(it.Value()[1]) == IssuedEpoch {
			continue
		}
		_ = t.b.Delete(append([]byte(nil), it.Key()...), nil)
		t.s.issued--
		n--
	}
	return it.Error()
}

// DeleteIssuedKey implements Store. The delete is not synced: a key that
// comes back after a crash is one no client uses any more, and the
// enclave bounds what it restores.
func (s *PebbleStore) DeleteIssuedKey(ctx context.Context, ref IssuedKeyRef) error {
	release, err := s.enter(ctx)
	if err != nil {
		return err
	}
	defer release()
	s.mu.Lock()
	defer s.mu.Unlock()
	key := issuedKey(ref.Epoch, ref.ID)
	_, exists, err := get(s.db, key)
	if err != nil || !exists {
		return err
	}
	if err := s.db.Delete(key, pebble.NoSync); err != nil {
		return api.Errorf(api.CodeUnavailable, "state: deleting issued key %s: %w", ref.ID, err)
	}
	s.issued--
	return nil
}

// IssuedKeys implements Store.
func (s *PebbleStore) IssuedKeys(ctx context.Context) ([]IssuedKey, error) {
	release, err := s.enter(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	it, err := s.db.NewIter(&pebble.IterOptions{LowerBound: []byte{prefixIssued}, UpperBound: []byte{prefixIssued + 1}})
	if err != nil {
		return nil, api.Errorf(api.CodeUnavailable, "state: listing the issued keys: %w", err)
	}
	defer it.Close()
	var out []IssuedKey
	for ok := it.First(); ok; ok = it.Next() {
		k, err := decodeIssued(it.Key(), it.Value())
		if err != nil {
			return nil, corrupt(err)
		}
		out = append(out, k)
	}
	if err := it.Error(); err != nil {
		return nil, api.Errorf(api.CodeUnavailable, "state: listing the issued keys: %w", err)
	}
	return out, nil
}

// PruneIssuedKeys implements Store.
func (s *PebbleStore) PruneIssuedKeys(ctx context.Context, before uint64) (int, error) {
	n := 0
	err := s.write(ctx, func(t *tx) error {
		it, err := s.db.NewIter(&pebble.IterOptions{LowerBound: []byte{prefixIssued}, UpperBound: issuedEpochKey(before)})
		if err != nil {
			return api.Errorf(api.CodeUnavailable, "state: pruning the issued keys: %w", err)
		}
		defer it.Close()
		for ok := it.First(); ok; ok = it.Next() {
			if len(it.Value()) >= 2 && IssuedKind(it.Value()[1]) == IssuedEpoch {
				continue
			}
			_ = t.b.Delete(append([]byte(nil), it.Key()...), nil)
			n++
		}
		s.issued -= n
		if err := it.Error(); err != nil {
			return api.Errorf(api.CodeUnavailable, "state: pruning the issued keys: %w", err)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// consumeIssued deletes ref's issued key in the tx's batch (PutPending of
// a task that consumed it). Caller holds mu.
func (t *tx) consumeIssued(ref IssuedKeyRef) error {
	key := issuedKey(ref.Epoch, ref.ID)
	_, exists, err := get(t.s.db, key)
	if err != nil || !exists {
		return err
	}
	_ = t.b.Delete(key, nil)
	t.s.issued--
	return nil
}
