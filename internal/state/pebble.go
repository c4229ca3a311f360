package state

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"sync/atomic"

	"github.com/cockroachdb/pebble/v2"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/enigma-go/enigma/api"
)

// PebbleStore is the Store on Pebble. Reads see every write Pebble has
// applied, which can be a moment before its WAL sync returns; CommitTask
// itself only returns once the sync has.
type PebbleStore struct {
	cfg Config
	log *slog.Logger
	db  *pebble.DB

	// life is read-held by every call and write-held by Close, so Close
	// waits for calls in progress and no call reaches a closed DB.
	life   sync.RWMutex
	closed bool

	// mu serialises the validation of writes against the stored records
	// plus the writes still in flight (pending), and hands validated writes
	// to Pebble in that same order, so the WAL order is the validation order.
	mu           sync.Mutex
	pending      map[api.ContractAddress]*pendingContract
	pendingTasks map[api.TaskID]struct{}
	broken       error // set when a write failed; the store then refuses writes

	queue         chan *groupItem // GroupCommit only
	committerDone chan struct{}

	commits atomic.Uint64
	syncs   atomic.Uint64

	// Under mu: the next result's place in the result index, and how many
	// results the store holds (docs/state.md, "Pruning").
	resultSeq uint64
	results   int
	issued    int        // issued keys stored (Config.MaxIssuedKeys), under mu
	pruneMu   sync.Mutex // one PruneResults at a time
}

var _ Store = (*PebbleStore)(nil)

// Stats counts writes since Open.
type Stats struct {
	Writes uint64 // acknowledged writes (tasks, imports, state and sealed puts)
	Syncs  uint64 // Pebble batches applied with sync by the group committer (0 without GroupCommit)
}

// Open opens (creating if needed) the store in cfg.Dir. log may be nil.
func Open(cfg Config, log *slog.Logger) (*PebbleStore, error) {
	if err := cfg.Validate(); err != nil {
		return nil, api.Errorf(api.CodeInvalidInput, "%w", err)
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	log = log.With("component", "state")
	cache := pebble.NewCache(cfg.CacheBytes)
	defer cache.Unref()
	opts := &pebble.Options{
		FS:           cfg.FS,
		Cache:        cache,
		MemTableSize: cfg.MemTableBytes,
		Logger:       pebbleLogger{log},
	}
	db, err := pebble.Open(cfg.Dir, opts)
	if err != nil {
		return nil, api.Errorf(api.CodeUnavailable,
			"state: opening the store in %s: %w (check that the directory is writable and no other worker process uses it)", cfg.Dir, err)
	}
	if err := checkFormat(db); err != nil {
		db.Close()
		return nil, err
	}
	s := &PebbleStore{
		cfg:          cfg,
		log:          log,
		db:           db,
		pending:      map[api.ContractAddress]*pendingContract{},
		pendingTasks: map[api.TaskID]struct{}{},
	}
	if s.resultSeq, s.results, err = loadResultIndex(db); err != nil {
		db.Close()
		return nil, err
	}
	if s.issued, err = countIssued(db); err != nil {
		db.Close()
		return nil, err
	}
	if cfg.GroupCommit {
		s.queue = make(chan *groupItem, 2*cfg.MaxGroupTasks)
		s.committerDone = make(chan struct{})
		go s.runCommitter()
	}
	log.Info("state store open", "dir", cfg.Dir, "group_commit", cfg.GroupCommit)
	return s, nil
}

// checkFormat stamps a new store with the schema version and refuses a
// store written with another one.
func checkFormat(db *pebble.DB) error {
	v, closer, err := db.Get(formatKey)
	if errors.Is(err, pebble.ErrNotFound) {
		it, err := db.NewIter(nil)
		if err != nil {
			return api.Errorf(api.CodeUnavailable, "state: reading the store: %w", err)
		}
		empty := !it.First()
		it.Close()
		if !empty {
			return api.Errorf(api.CodeInvalidInput, "state: the directory holds a Pebble database that is not a state store; point the worker at an empty or state-store directory")
		}
		if err := db.Set(formatKey, []byte{schemaVersion}, pebble.Sync); err != nil {
			return api.Errorf(api.CodeUnavailable, "state: writing the store format: %w", err)
		}
		return nil
	}
	if err != nil {
		return api.Errorf(api.CodeUnavailable, "state: reading the store format: %w", err)
	}
	defer closer.Close()
	if len(v) == 1 && v[0] == 1 {
		return upgradeFrom1(db)
	}
	if len(v) != 1 || v[0] != schemaVersion {
		return api.Errorf(api.CodeInvalidInput, "state: the store has format %x, this build reads format %d; use a matching build or resync into an empty directory", v, schemaVersion)
	}
	return nil
}

// Stats returns write counters since Open.
func (s *PebbleStore) Stats() Stats {
	return Stats{Writes: s.commits.Load(), Syncs: s.syncs.Load()}
}

// Close waits for queued writes, stops the committer and closes Pebble.
func (s *PebbleStore) Close() error {
	s.life.Lock()
	defer s.life.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	if s.queue != nil {
		close(s.queue)
		<-s.committerDone
	}
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("state: closing the store: %w", err)
	}
	s.log.Info("state store closed")
	return nil
}

func (s *PebbleStore) enter(ctx context.Context) (release func(), err error) {
	if err := ctx.Err(); err != nil {
		return nil, api.Errorf(api.CodeTimeout, "state: %w", err)
	}
	s.life.RLock()
	if s.closed {
		s.life.RUnlock()
		return nil, api.Errorf(api.CodeUnavailable, "state: the store is closed")
	}
	return s.life.RUnlock, nil
}

// get returns a copy of the value under key, or (nil, false).
func get(r pebble.Reader, key []byte) ([]byte, bool, error) {
	v, closer, err := r.Get(key)
	if errors.Is(err, pebble.ErrNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, api.Errorf(api.CodeUnavailable, "state: reading the store: %w", err)
	}
	defer closer.Close()
	return bytes.Clone(v), true, nil
}

func readMeta(r pebble.Reader, addr api.ContractAddress) (contractMeta, bool, error) {
	v, ok, err := get(r, contractKey(addr))
	if err != nil || !ok {
		return contractMeta{}, false, err
	}
	m, err := decodeContractMeta(v)
	if err != nil {
		return contractMeta{}, false, corrupt(err)
	}
	return m, true, nil
}

func corrupt(err error) error {
	return api.Errorf(api.CodeUnknown, "state: the store holds a damaged record (%w); restore it from a backup or resync the contract", err)
}

func unknownContract(addr api.ContractAddress) error {
	return api.Errorf(api.CodeNotFound, "state: contract %s is not in this store; deploy it or sync it from another worker", addr)
}

func keccak(b []byte) api.Hash { return api.Hash(crypto.Keccak256Hash(b)) }

// TaskResult implements Store.
func (s *PebbleStore) TaskResult(ctx context.Context, id api.TaskID) (*TaskResult, error) {
	release, err := s.enter(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	v, ok, err := get(s.db, resultKey(id))
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, api.Errorf(api.CodeNotFound, "state: no result for task %s in this store", id)
	}
	var t TaskResult
	if err := t.UnmarshalBinary(v); err != nil {
		return nil, corrupt(err)
	}
	return &t, nil
}

// Contracts implements Store.
func (s *PebbleStore) Contracts(ctx context.Context) ([]api.ContractAddress, error) {
	release, err := s.enter(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	it, err := s.db.NewIter(&pebble.IterOptions{LowerBound: []byte{prefixContract}, UpperBound: []byte{prefixContract + 1}})
	if err != nil {
		return nil, api.Errorf(api.CodeUnavailable, "state: listing contracts: %w", err)
	}
	defer it.Close()
	var out []api.ContractAddress
	for ok := it.First(); ok; ok = it.Next() {
		if len(it.Key()) != 33 {
			return nil, corrupt(fmt.Errorf("contract key of %d bytes", len(it.Key())))
		}
		out = append(out, api.ContractAddress(it.Key()[1:]))
	}
	if err := it.Error(); err != nil {
		return nil, api.Errorf(api.CodeUnavailable, "state: listing contracts: %w", err)
	}
	return out, nil
}

// Code implements Store.
func (s *PebbleStore) Code(ctx context.Context, addr api.ContractAddress) ([]byte, error) {
	release, err := s.enter(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	v, ok, err := get(s.db, codeKey(addr))
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, unknownContract(addr)
	}
	return v, nil
}

// Tip implements Store.
func (s *PebbleStore) Tip(ctx context.Context, addr api.ContractAddress) (Tip, error) {
	release, err := s.enter(ctx)
	if err != nil {
		return Tip{}, err
	}
	defer release()
	m, ok, err := readMeta(s.db, addr)
	if err != nil {
		return Tip{}, err
	}
	if !ok {
		return Tip{}, unknownContract(addr)
	}
	return m.Tip, nil
}

// Delta implements Store.
func (s *PebbleStore) Delta(ctx context.Context, addr api.ContractAddress, index uint32) (*Delta, error) {
	release, err := s.enter(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	snap := s.db.NewSnapshot()
	defer snap.Close()
	m, ok, err := readMeta(snap, addr)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, unknownContract(addr)
	}
	if index > m.Tip.Index {
		return nil, api.Errorf(api.CodeNotFound, "state: contract %s has deltas up to %d, not %d", addr, m.Tip.Index, index)
	}
	return readDelta(snap, addr, index)
}

func readDelta(r pebble.Reader, addr api.ContractAddress, index uint32) (*Delta, error) {
	data, ok, err := get(r, deltaKey(addr, index))
	if err != nil {
		return nil, err
	}
	h, okh, err := get(r, deltaHashKey(addr, index))
	if err != nil {
		return nil, err
	}
	if !ok || !okh || len(h) != 32 {
		return nil, corrupt(fmt.Errorf("delta %d of contract %s is missing below the tip", index, addr))
	}
	return &Delta{Index: index, Hash: api.Hash(h), Data: data}, nil
}

// DeltaHashes implements Store.
func (s *PebbleStore) DeltaHashes(ctx context.Context, addr api.ContractAddress, from, to uint32) ([]api.Hash, error) {
	release, err := s.enter(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	snap := s.db.NewSnapshot()
	defer snap.Close()
	if err := checkRange(snap, addr, from, to); err != nil {
		return nil, err
	}
	return readHashes(snap, addr, from, to)
}

func checkRange(r pebble.Reader, addr api.ContractAddress, from, to uint32) error {
	if from > to {
		return api.Errorf(api.CodeInvalidInput, "state: delta range %d..%d is empty; pass from <= to", from, to)
	}
	m, ok, err := readMeta(r, addr)
	if err != nil {
		return err
	}
	if !ok {
		return unknownContract(addr)
	}
	if to > m.Tip.Index {
		return api.Errorf(api.CodeNotFound, "state: contract %s has deltas up to %d, not %d", addr, m.Tip.Index, to)
	}
	return nil
}

func readHashes(r pebble.Reader, addr api.ContractAddress, from, to uint32) ([]api.Hash, error) {
	lo := deltaHashKey(addr, from)
	hi := deltaHashKey(addr, to)
	hi = append(hi, 0) // just past index to
	it, err := r.NewIter(&pebble.IterOptions{LowerBound: lo, UpperBound: hi})
	if err != nil {
		return nil, api.Errorf(api.CodeUnavailable, "state: reading delta hashes: %w", err)
	}
	defer it.Close()
	out := make([]api.Hash, 0, to-from+1)
	for ok := it.First(); ok; ok = it.Next() {
		want := from + uint32(len(out))
		if !bytes.Equal(it.Key(), deltaHashKey(addr, want)) || len(it.Value()) != 32 {
			return nil, corrupt(fmt.Errorf("delta hash %d of contract %s is missing or damaged", want, addr))
		}
		out = append(out, api.Hash(it.Value()))
	}
	if err := it.Error(); err != nil {
		return nil, api.Errorf(api.CodeUnavailable, "state: reading delta hashes: %w", err)
	}
	if uint64(len(out)) != uint64(to-from)+1 {
		return nil, corrupt(fmt.Errorf("contract %s has %d delta hashes in %d..%d", addr, len(out), from, to))
	}
	return out, nil
}

// State implements Store.
func (s *PebbleStore) State(ctx context.Context, addr api.ContractAddress) (*StateBlob, error) {
	release, err := s.enter(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	v, ok, err := get(s.db, stateKey(addr))
	if err != nil {
		return nil, err
	}
	if !ok {
		if _, known, err := readMeta(s.db, addr); err == nil && known {
			return nil, api.Errorf(api.CodeNotFound, "state: contract %s has no state blob yet (synced deltas only); have the enclave rebuild it from the deltas and call PutState", addr)
		}
		return nil, unknownContract(addr)
	}
	st, err := decodeState(v)
	if err != nil {
		return nil, corrupt(err)
	}
	return st, nil
}

// GetSealed implements Store.
func (s *PebbleStore) GetSealed(ctx context.Context, name string) ([]byte, error) {
	if err := checkSealedName(name); err != nil {
		return nil, err
	}
	release, err := s.enter(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	v, ok, err := get(s.db, sealedKey(name))
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, api.Errorf(api.CodeNotFound, "state: no sealed blob named %q", name)
	}
	return v, nil
}

const maxSealedName = 255

func checkSealedName(name string) error {
	if name == "" || len(name) > maxSealedName {
		return api.Errorf(api.CodeInvalidInput, "state: sealed blob name must be 1 to %d bytes, got %d", maxSealedName, len(name))
	}
	return nil
}

// pebbleLogger sends Pebble's own messages to the store's logger.
type pebbleLogger struct{ log *slog.Logger }

func (l pebbleLogger) Infof(format string, args ...any) {
	l.log.Debug(fmt.Sprintf(format, args...), "source", "pebble")
}

func (l pebbleLogger) Errorf(format string, args ...any) {
	l.log.Error(fmt.Sprintf(format, args...), "source", "pebble")
}

// Fatalf is called by Pebble on damage it cannot continue from (e.g. a
// corrupted manifest); Pebble requires that it does not return.
func (l pebbleLogger) Fatalf(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	l.log.Error(msg, "source", "pebble", "fatal", true)
	panic("state: pebble: " + msg)
}

var _ io.Closer = (*PebbleStore)(nil)
