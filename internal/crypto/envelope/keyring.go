package envelope

import (
	"crypto/hpke"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"sync"

	"github.com/enigma-go/enigma/api"
)

// KeyRingConfig configures a KeyRing.
type KeyRingConfig struct {
	// Keep is how many keys of earlier epochs stay usable after a Rotate, so
	// requests sealed just before an epoch change still open. 0 erases the
	// previous key at once.
	Keep int
	// Logger receives rotation and erasure events (never key material). Nil
	// discards them.
	Logger *slog.Logger
}

// DefaultKeyRingConfig keeps the previous epoch's key: a task created in the
// last block of an epoch is still accepted in the next one.
func DefaultKeyRingConfig() KeyRingConfig { return KeyRingConfig{Keep: 1} }

// Validate checks the configuration.
func (c KeyRingConfig) Validate() error {
	if c.Keep < 0 || c.Keep > 16 {
		return fmt.Errorf("envelope: KeyRingConfig.Keep = %d, want 0..16 (each kept key prolongs the exposure of old epochs)", c.Keep)
	}
	return nil
}

// KeyRing holds a worker's v2 private keys, one per epoch. Rotate creates
// the key of a new epoch and erases those older than the Keep most recent
// previous ones; Erase drops one at once. Once erased, a key cannot be
// recovered, so requests sealed to it can no longer be opened (forward
// secrecy). Safe for concurrent use.
//
// Erasure zeroes the seed the key was derived from and drops every
// reference to the expanded key. Go cannot guarantee that no copy of the
// expanded key is left in freed memory until the garbage collector reuses
// it; inside an enclave that memory is not readable from outside.
type KeyRing struct {
	cfg  KeyRingConfig
	log  *slog.Logger
	rand io.Reader

	mu      sync.RWMutex
	keys    map[uint64]*epochKey
	current uint64
	started bool
}

type epochKey struct {
	seed []byte
	priv hpke.PrivateKey
	pub  []byte
}

// NewKeyRing returns an empty ring that draws key seeds from rand.
func NewKeyRing(cfg KeyRingConfig, rand io.Reader) (*KeyRing, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if rand == nil {
		return nil, fmt.Errorf("envelope: NewKeyRing needs a random source")
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &KeyRing{cfg: cfg, log: log, rand: rand, keys: map[uint64]*epochKey{}}, nil
}

// Rotate creates the key of epoch, makes it current and returns its public
// key. Epochs only move forward: an epoch not after the current one fails
// with api.CodeWrongEpoch.
func (r *KeyRing) Rotate(epoch uint64) ([]byte, error) {
	seed := make([]byte, SeedSize)
	if _, err := io.ReadFull(r.rand, seed); err != nil {
		return nil, fmt.Errorf("envelope: read key seed: %w", err)
	}
	priv, err := PrivateKeyFromSeed(seed)
	if err != nil {
		return nil, err
	}
	k := &epochKey{seed: seed, priv: priv, pub: priv.PublicKey().Bytes()}

	r.mu.Lock()
	defer r.mu.Unlock()
	if r.started && epoch <= r.current {
		clear(seed)
		return nil, api.Errorf(api.CodeWrongEpoch, "envelope: cannot rotate to epoch %d: the key ring is already at epoch %d", epoch, r.current)
	}
	r.keys[epoch] = k
	r.current, r.started = epoch, true
	r.keepRecentLocked()
	r.log.Info("envelope key rotated", "epoch", epoch, "kept", len(r.keys))
	return slices.Clone(k.pub), nil
}

// Erase destroys the key of epoch, if the ring holds it.
func (r *KeyRing) Erase(epoch uint64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.eraseLocked(epoch)
}

// EraseAll destroys every key, e.g. when the worker shuts down.
func (r *KeyRing) EraseAll() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for e := range r.keys {
		r.eraseLocked(e)
	}
}

// keepRecentLocked erases all but the newest key and the Keep before it.
func (r *KeyRing) keepRecentLocked() {
	older := r.epochsLocked() // sorted
	if n := len(older) - 1 - r.cfg.Keep; n > 0 {
		for _, e := range older[:n] {
			r.eraseLocked(e)
		}
	}
}

func (r *KeyRing) eraseLocked(epoch uint64) {
	k, ok := r.keys[epoch]
	if !ok {
		return
	}
	clear(k.seed)
	k.seed, k.priv = nil, nil
	delete(r.keys, epoch)
	r.log.Info("envelope key erased", "epoch", epoch)
}

// Current returns the current epoch and its public key; ok is false before
// the first Rotate or after the current key was erased.
func (r *KeyRing) Current() (epoch uint64, pub []byte, ok bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	k, ok := r.keys[r.current]
	if !ok {
		return 0, nil, false
	}
	return r.current, slices.Clone(k.pub), true
}

// PublicKey returns the public key of epoch, or api.CodeWrongEpoch when the
// ring holds none.
func (r *KeyRing) PublicKey(epoch uint64) ([]byte, error) {
	k, err := r.key(epoch)
	if err != nil {
		return nil, err
	}
	return slices.Clone(k.pub), nil
}

// Epochs lists the epochs whose keys the ring holds, in ascending order.
func (r *KeyRing) Epochs() []uint64 {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.epochsLocked()
}

func (r *KeyRing) epochsLocked() []uint64 {
	out := make([]uint64, 0, len(r.keys))
	for e := range r.keys {
		out = append(out, e)
	}
	slices.Sort(out)
	return out
}

func (r *KeyRing) key(epoch uint64) (*epochKey, error) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	k, ok := r.keys[epoch]
	if !ok {
		return nil, api.Errorf(api.CodeWrongEpoch,
			"envelope: this worker holds no key for epoch %d (erased or never issued; it holds %v): fetch the worker's current key and seal the request again", epoch, r.epochsLocked())
	}
	return k, nil
}

// OpenRequest opens a v2 request sealed to one of the ring's epoch keys
// under context c. See the package-level OpenRequest.
func (r *KeyRing) OpenRequest(c Context, msg []byte) ([]byte, ResponseKey, error) {
	k, err := r.key(c.Epoch)
	if err != nil {
		return nil, ResponseKey{}, err
	}
	return OpenRequest(k.priv, c, msg)
}

// OpenQuery opens a v2 query sealed to one of the ring's epoch keys under
// context c. See the package-level OpenQuery.
func (r *KeyRing) OpenQuery(c Context, msg []byte) ([]byte, ResponseKey, error) {
	k, err := r.key(c.Epoch)
	if err != nil {
		return nil, ResponseKey{}, err
	}
	return OpenQuery(k.priv, c, msg)
}

// Seed returns a copy of the seed the key of epoch was derived from, so an
// enclave can seal it to itself and restore the key after a restart
// (Restore); api.CodeWrongEpoch when the ring holds no key for epoch. The
// caller must erase the copy once sealed. A sealed seed lives as long as
// its holder keeps it: the ring's erasure is forward secrecy only if the
// sealed copy is deleted with it.
func (r *KeyRing) Seed(epoch uint64) ([]byte, error) {
	k, err := r.key(epoch)
	if err != nil {
		return nil, err
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	if k.seed == nil {
		return nil, api.Errorf(api.CodeWrongEpoch, "envelope: the key of epoch %d was erased", epoch)
	}
	return slices.Clone(k.seed), nil
}

// Restore puts back the key of epoch from the seed Seed returned before a
// restart. An epoch after the current one (or the first key of an empty
// ring) becomes current, erasing keys older than the Keep kept, as Rotate
// does; an earlier epoch is taken only as a kept key, when it is among the
// Keep epochs before the current one. It fails with api.CodeConflict when
// the ring already holds a key for epoch, api.CodeWrongEpoch when the epoch
// is too old to keep, and api.CodeInvalidInput for a malformed seed. The
// ring keeps its own copy of seed.
func (r *KeyRing) Restore(epoch uint64, seed []byte) error {
	if len(seed) != SeedSize {
		return api.Errorf(api.CodeInvalidInput, "envelope: a key seed is %d bytes, not %d", SeedSize, len(seed))
	}
	s := slices.Clone(seed)
	priv, err := PrivateKeyFromSeed(s)
	if err != nil {
		clear(s)
		return err
	}
	k := &epochKey{seed: s, priv: priv, pub: priv.PublicKey().Bytes()}
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.keys[epoch]; ok {
		clear(s)
		return api.Errorf(api.CodeConflict, "envelope: the key ring already holds a key for epoch %d", epoch)
	}
	if !r.started || epoch > r.current {
		r.keys[epoch] = k
		r.current, r.started = epoch, true
		r.keepRecentLocked()
		r.log.Info("envelope key restored", "epoch", epoch, "current", true)
		return nil
	}
	newer := 0
	for e := range r.keys {
		if e > epoch {
			newer++
		}
	}
	if newer > r.cfg.Keep {
		clear(s)
		return api.Errorf(api.CodeWrongEpoch, "envelope: the key of epoch %d is older than the %d kept before the current epoch %d", epoch, r.cfg.Keep, r.current)
	}
	r.keys[epoch] = k
	// A kept key now ranks before others: keep only the Keep most recent.
	r.keepRecentLocked()
	r.log.Info("envelope key restored", "epoch", epoch, "current", false)
	return nil
}
