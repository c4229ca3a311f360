package sim

import (
	"slices"
	"sync"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/enclave"
)

// taskKey is one outstanding task encryption key. Only the derived AES key
// is kept: the ECDH is done once, when the key is issued, so finding a
// task's key costs AES-GCM tag checks only.
type taskKey struct {
	seq       uint64
	epoch     uint64
	requester [32]byte
	id        api.Hash // enclave.IssuedKeyID of the issued public key
	aes       [32]byte
}

// keyBook holds the outstanding task keys per user public key, the ids
// of the tasks executed or held (HoldTask), and the recent epochs that
// bound both.
//
// Keys are bounded three ways: per user key (the user's oldest goes), per
// requester (the requester's oldest goes) and in total. When the total is
// full, the oldest key of the requester holding the most keys goes: a
// requester that floods the worker with key requests pushes out only its
// own keys, never those of requesters holding fewer.
//
// Task ids are kept for the run window (the keepRun most recent epochs):
// a task of an older epoch is refused, so forgetting its id lets nothing
// run twice. When more than maxTasks ids are kept, the oldest epoch of the
// window is given up early the same way (its ids forgotten, its tasks
// refused), so the memory they take is bounded too.
type keyBook struct {
	maxPerUser      int
	maxPerRequester int
	maxTotal        int
	keep            int // epochs whose keys are kept
	keepRun         int // epochs whose tasks can run (≥ keep)
	maxTasks        int // bound on len(executed) + len(held)

	mu          sync.Mutex
	seq         uint64
	total       int
	byUser      map[enclave.PublicKey][]taskKey
	byRequester map[[32]byte][]keyRef // issue order
	// holders[n] is the set of requesters holding exactly n keys; most is
	// the largest n with a non-empty set (or less, lowered lazily).
	holders  map[int]map[[32]byte]struct{}
	most     int
	executed map[api.TaskID]uint64 // task id → epoch it ran in
	held     map[api.TaskID]uint64 // task id → epoch, held (HoldTask) and not executed yet
	epochs   []uint64              // the most recent distinct epochs seen, ascending
	floor    uint64                // tasks of older epochs are refused (raised when maxTasks is reached)
}

// keyBookLimits are a keyBook's bounds (Config's fields of the same names).
type keyBookLimits struct {
	perUser, perRequester, total int
	keepEpochs, keepRunEpochs    int
	maxTasks                     int
}

// keyRef names one issued key.
type keyRef struct {
	user enclave.PublicKey
	seq  uint64
}

func newKeyBook(l keyBookLimits) *keyBook {
	return &keyBook{maxPerUser: l.perUser, maxPerRequester: l.perRequester, maxTotal: l.total, keep: l.keepEpochs,
		keepRun: max(l.keepRunEpochs, l.keepEpochs), maxTasks: l.maxTasks,
		byUser: map[enclave.PublicKey][]taskKey{}, byRequester: map[[32]byte][]keyRef{},
		holders: map[int]map[[32]byte]struct{}{}, executed: map[api.TaskID]uint64{}, held: map[api.TaskID]uint64{}}
}

// observe records an epoch; when a new one pushes older ones out of the
// windows, the keys issued and the task ids recorded before them are
// dropped. Caller holds mu.
func (kb *keyBook) observe(epoch uint64) {
	if epoch < kb.floor {
		return
	}
	i, found := slices.BinarySearch(kb.epochs, epoch)
	if found {
		return
	}
	if len(kb.epochs) == kb.keepRun && i == 0 {
		return // older than the window: nothing to record
	}
	kb.epochs = slices.Insert(kb.epochs, i, epoch)
	if len(kb.epochs) > kb.keepRun {
		kb.epochs = kb.epochs[1:]
	}
	kb.dropOld()
}

// dropOld drops the keys older than the key window and the task ids older
// than the run window. Caller holds mu.
func (kb *keyBook) dropOld() {
	n := len(kb.epochs)
	if n >= kb.keep {
		oldest := kb.epochs[n-kb.keep]
		var stale []keyRef
		for u, keys := range kb.byUser {
			for _, k := range keys {
				if k.epoch < oldest {
					stale = append(stale, keyRef{user: u, seq: k.seq})
				}
			}
		}
		for _, r := range stale {
			kb.removeLocked(r.user, r.seq)
		}
	}
	oldest := kb.floor
	if n == kb.keepRun {
		oldest = max(oldest, kb.epochs[0])
	}
	for _, m := range []map[api.TaskID]uint64{kb.executed, kb.held} {
		for id, e := range m {
			if e < oldest {
				delete(m, id)
			}
		}
	}
}

// makeRoom gives up the oldest epoch of the run window while more than
// maxTasks task ids are kept; it fails when the ids all belong to the
// newest epoch. Caller holds mu.
func (kb *keyBook) makeRoom() error {
	for len(kb.executed)+len(kb.held) >= kb.maxTasks {
		if len(kb.epochs) < 2 {
			return api.Errorf(api.CodeUnavailable, "sim: this enclave keeps %d task ids of one epoch, its limit (MaxRememberedTasks); run the epoch's further tasks on another worker or raise the limit", kb.maxTasks)
		}
		kb.floor = kb.epochs[1]
		kb.epochs = kb.epochs[1:]
		kb.dropOld()
	}
	return nil
}

// expired reports whether tasks of epoch can no longer run: it is older
// than the run window. Caller holds mu.
func (kb *keyBook) expired(epoch uint64) bool {
	return epoch < kb.floor || len(kb.epochs) == kb.keepRun && epoch < kb.epochs[0]
}

// add keeps a new key for user (k's requester, epoch, id and AES key)
// within the bounds.
func (kb *keyBook) add(user enclave.PublicKey, k taskKey) {
	kb.mu.Lock()
	defer kb.mu.Unlock()
	kb.observe(k.epoch)
	kb.addLocked(user, k)
}

// restore puts back a key issued before a restart (RestoreKeys), within
// the bounds as add does. It reports false, keeping nothing, when the
// key's epoch is older than the key window or the key is already kept.
func (kb *keyBook) restore(user enclave.PublicKey, k taskKey) bool {
	kb.mu.Lock()
	defer kb.mu.Unlock()
	kb.observe(k.epoch)
	if n := len(kb.epochs); kb.expired(k.epoch) || !slices.Contains(kb.epochs, k.epoch) || n >= kb.keep && k.epoch < kb.epochs[n-kb.keep] {
		return false
	}
	if slices.ContainsFunc(kb.byUser[user], func(o taskKey) bool { return o.id == k.id }) {
		return false
	}
	kb.addLocked(user, k)
	return true
}

// addLocked keeps k for user, evicting as the bounds say; caller holds mu.
func (kb *keyBook) addLocked(user enclave.PublicKey, k taskKey) {
	epoch, requester, aesKey := k.epoch, k.requester, k.aes
	if keys := kb.byUser[user]; len(keys) >= kb.maxPerUser {
		kb.removeLocked(user, keys[0].seq)
	}
	if refs := kb.byRequester[requester]; len(refs) >= kb.maxPerRequester {
		kb.removeLocked(refs[0].user, refs[0].seq)
	}
	if kb.total >= kb.maxTotal {
		kb.evictLocked()
	}
	kb.seq++
	kb.byUser[user] = append(kb.byUser[user], taskKey{seq: kb.seq, epoch: epoch, requester: requester, id: k.id, aes: aesKey})
	kb.byRequester[requester] = append(kb.byRequester[requester], keyRef{user: user, seq: kb.seq})
	kb.total++
	kb.moveHolder(requester, len(kb.byRequester[requester])-1)
}

// evictLocked drops the oldest key of the requester holding the most keys.
func (kb *keyBook) evictLocked() {
	for kb.most > 0 && len(kb.holders[kb.most]) == 0 {
		kb.most--
	}
	for r := range kb.holders[kb.most] {
		ref := kb.byRequester[r][0]
		kb.removeLocked(ref.user, ref.seq)
		return
	}
}

// moveHolder records that requester, which held from keys, now holds
// len(byRequester[requester]).
func (kb *keyBook) moveHolder(requester [32]byte, from int) {
	to := len(kb.byRequester[requester])
	if set := kb.holders[from]; set != nil {
		delete(set, requester)
		if len(set) == 0 {
			delete(kb.holders, from)
		}
	}
	if to == 0 {
		delete(kb.byRequester, requester)
		return
	}
	if kb.holders[to] == nil {
		kb.holders[to] = map[[32]byte]struct{}{}
	}
	kb.holders[to][requester] = struct{}{}
	kb.most = max(kb.most, to)
}

// candidates returns a copy of the user's outstanding keys, newest first
// (the likeliest to be in use).
func (kb *keyBook) candidates(user enclave.PublicKey) []taskKey {
	kb.mu.Lock()
	defer kb.mu.Unlock()
	keys := slices.Clone(kb.byUser[user])
	slices.Reverse(keys)
	return keys
}

// consume erases a key once a task used it. It reports false when the key
// is gone already (another task used it concurrently, or it expired).
func (kb *keyBook) consume(user enclave.PublicKey, seq uint64) bool {
	kb.mu.Lock()
	defer kb.mu.Unlock()
	return kb.removeLocked(user, seq)
}

// removeLocked erases one key; caller holds mu.
func (kb *keyBook) removeLocked(user enclave.PublicKey, seq uint64) bool {
	keys := kb.byUser[user]
	i := slices.IndexFunc(keys, func(k taskKey) bool { return k.seq == seq })
	if i < 0 {
		return false
	}
	requester := keys[i].requester
	clear(keys[i].aes[:])
	keys = slices.Delete(keys, i, i+1)
	kb.total--
	if len(keys) == 0 {
		delete(kb.byUser, user)
	} else {
		kb.byUser[user] = keys
	}
	refs := kb.byRequester[requester]
	from := len(refs)
	kb.byRequester[requester] = slices.DeleteFunc(refs, func(r keyRef) bool { return r.seq == seq })
	kb.moveHolder(requester, from)
	return true
}

// eraseAll zeroes and drops every key.
func (kb *keyBook) eraseAll() {
	kb.mu.Lock()
	defer kb.mu.Unlock()
	for _, keys := range kb.byUser {
		for i := range keys {
			clear(keys[i].aes[:])
		}
	}
	kb.byUser, kb.byRequester = map[enclave.PublicKey][]taskKey{}, map[[32]byte][]keyRef{}
	kb.holders, kb.most, kb.total = map[int]map[[32]byte]struct{}{}, 0, 0
}

// reserve marks a task id as executed; it fails with api.CodeReplay when it
// was already, and with api.CodeWrongEpoch when the epoch has left the run
// window. A held task id moves from held to executed.
func (kb *keyBook) reserve(id api.TaskID, epoch uint64) error {
	kb.mu.Lock()
	defer kb.mu.Unlock()
	if err := kb.admit(id, epoch); err != nil {
		return err
	}
	if _, done := kb.executed[id]; done {
		return api.Errorf(api.CodeReplay, "sim: task %s was already executed by this enclave; its receipt is final", id)
	}
	delete(kb.held, id)
	kb.executed[id] = epoch
	return nil
}

// admit checks that a task of epoch can still run and that there is room
// to remember its id. Caller holds mu.
func (kb *keyBook) admit(id api.TaskID, epoch uint64) error {
	kb.observe(epoch)
	if kb.expired(epoch) {
		return api.Errorf(api.CodeWrongEpoch, "sim: task %s belongs to epoch %d, older than the %d epochs this enclave runs tasks of; the task can no longer be run (its fee is refundable after the timeout)", id, epoch, kb.keepRun)
	}
	if _, known := kb.executed[id]; known {
		return nil // the caller says what a known id means
	}
	if _, known := kb.held[id]; known {
		return nil
	}
	if err := kb.makeRoom(); err != nil {
		return err
	}
	if kb.expired(epoch) {
		return api.Errorf(api.CodeWrongEpoch, "sim: task %s belongs to epoch %d, which this enclave gave up to bound the task ids it keeps; the task can no longer be run", id, epoch)
	}
	return nil
}

// release undoes reserve for a request refused before anything ran; a
// held task is held again (its blob still runs it).
func (kb *keyBook) release(id api.TaskID, held bool) {
	kb.mu.Lock()
	defer kb.mu.Unlock()
	if e, ok := kb.executed[id]; ok {
		delete(kb.executed, id)
		if held {
			kb.held[id] = e
		}
	}
}

// hold records that task id was held (HoldTask). It fails with
// api.CodeReplay when the task was held or executed already in this
// enclave's lifetime, and with api.CodeWrongEpoch as reserve does.
func (kb *keyBook) hold(id api.TaskID, epoch uint64) error {
	kb.mu.Lock()
	defer kb.mu.Unlock()
	if err := kb.admit(id, epoch); err != nil {
		return err
	}
	if _, done := kb.executed[id]; done {
		return api.Errorf(api.CodeReplay, "sim: task %s was already executed by this enclave; it cannot be held", id)
	}
	if _, done := kb.held[id]; done {
		return api.Errorf(api.CodeReplay, "sim: task %s is already held by this enclave: run it with the blob HoldTask returned", id)
	}
	kb.held[id] = epoch
	return nil
}

// unhold undoes hold for a task whose blob could not be made.
func (kb *keyBook) unhold(id api.TaskID) {
	kb.mu.Lock()
	defer kb.mu.Unlock()
	delete(kb.held, id)
}

// findKey finds the user's outstanding key that opens encFn and erases it;
// ok is false when none does (none left, or a concurrent task used it).
func (kb *keyBook) findKey(user enclave.PublicKey, encFn []byte) (k taskKey, fn []byte, ok bool) {
	for _, k := range kb.candidates(user) {
		pt, err := compat.Decrypt(k.aes, encFn)
		if err != nil {
			continue
		}
		if !kb.consume(user, k.seq) {
			return taskKey{}, nil, false // used by a concurrent task meanwhile
		}
		return k, pt, true
	}
	return taskKey{}, nil, false
}
