package sim

import (
	"slices"
	"sync"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/enclave"
)

// taskKey is one outstanding task encryption key. Only the derived AES key
// is kept: the ECDH is done once, when the key is issued, so finding a
// task's key costs AES-GCM tag checks only.
type taskKey struct {
	seq   uint64
	epoch uint64
	aes   [32]byte
}

// keyBook holds the outstanding task keys per user public key, the set of
// executed task ids, and the recent epochs that bound both.
type keyBook struct {
	maxPerUser int
	maxTotal   int
	keep       int

	mu       sync.Mutex
	seq      uint64
	total    int
	order    []keyRef // issue order, for dropping the oldest beyond maxTotal; may hold used keys
	byUser   map[enclave.PublicKey][]taskKey
	executed map[api.TaskID]uint64 // task id → epoch it ran in
	epochs   []uint64              // the most recent distinct epochs seen, ascending
}

// keyRef names one issued key.
type keyRef struct {
	user enclave.PublicKey
	seq  uint64
}

func newKeyBook(maxPerUser, maxTotal, keep int) *keyBook {
	return &keyBook{maxPerUser: maxPerUser, maxTotal: maxTotal, keep: keep,
		byUser: map[enclave.PublicKey][]taskKey{}, executed: map[api.TaskID]uint64{}}
}

// observe records an epoch; when a new one pushes the oldest out of the
// window, everything issued or run before the window is dropped. Caller
// holds mu.
func (kb *keyBook) observe(epoch uint64) {
	i, found := slices.BinarySearch(kb.epochs, epoch)
	if found {
		return
	}
	if len(kb.epochs) == kb.keep && i == 0 {
		return // older than the window: nothing to record
	}
	kb.epochs = slices.Insert(kb.epochs, i, epoch)
	if len(kb.epochs) <= kb.keep {
		return
	}
	kb.epochs = kb.epochs[1:]
	oldest := kb.epochs[0]
	for u, keys := range kb.byUser {
		n := len(keys)
		keys = slices.DeleteFunc(keys, func(k taskKey) bool { return k.epoch < oldest })
		kb.total -= n - len(keys)
		if len(keys) == 0 {
			delete(kb.byUser, u)
		} else {
			kb.byUser[u] = keys
		}
	}
	for id, e := range kb.executed {
		if e < oldest {
			delete(kb.executed, id)
		}
	}
}

// expired reports whether epoch is older than the window. Caller holds mu.
func (kb *keyBook) expired(epoch uint64) bool {
	return len(kb.epochs) == kb.keep && epoch < kb.epochs[0]
}

// add keeps a new key for user, dropping the user's oldest beyond the bound.
func (kb *keyBook) add(user enclave.PublicKey, epoch uint64, aesKey [32]byte) {
	kb.mu.Lock()
	defer kb.mu.Unlock()
	kb.observe(epoch)
	kb.seq++
	keys := append(kb.byUser[user], taskKey{seq: kb.seq, epoch: epoch, aes: aesKey})
	kb.total++
	if len(keys) > kb.maxPerUser {
		clear(keys[0].aes[:])
		keys = slices.Delete(keys, 0, 1)
		kb.total--
	}
	kb.byUser[user] = keys
	kb.order = append(kb.order, keyRef{user: user, seq: kb.seq})
	for kb.total > kb.maxTotal && len(kb.order) > 0 {
		oldest := kb.order[0]
		kb.order = kb.order[1:]
		kb.removeLocked(oldest.user, oldest.seq)
	}
	if len(kb.order) > 2*kb.maxTotal { // drop references to keys already used or expired
		kb.order = slices.DeleteFunc(kb.order, func(r keyRef) bool {
			return !slices.ContainsFunc(kb.byUser[r.user], func(k taskKey) bool { return k.seq == r.seq })
		})
	}
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
	clear(keys[i].aes[:])
	keys = slices.Delete(keys, i, i+1)
	kb.total--
	if len(keys) == 0 {
		delete(kb.byUser, user)
	} else {
		kb.byUser[user] = keys
	}
	return true
}

// reserve marks a task id as executed; it fails with api.CodeReplay when it
// was already, and with api.CodeWrongEpoch when the epoch has left the window.
func (kb *keyBook) reserve(id api.TaskID, epoch uint64) error {
	kb.mu.Lock()
	defer kb.mu.Unlock()
	kb.observe(epoch)
	if kb.expired(epoch) {
		return api.Errorf(api.CodeWrongEpoch, "sim: task %s belongs to epoch %d, older than the %d epochs this enclave keeps; the task can no longer be run", id, epoch, kb.keep)
	}
	if _, done := kb.executed[id]; done {
		return api.Errorf(api.CodeReplay, "sim: task %s was already executed by this enclave; its receipt is final", id)
	}
	kb.executed[id] = epoch
	return nil
}

// release undoes reserve for a request refused before anything ran.
func (kb *keyBook) release(id api.TaskID) {
	kb.mu.Lock()
	defer kb.mu.Unlock()
	delete(kb.executed, id)
}
