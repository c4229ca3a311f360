package sim

import (
	"bytes"
	"encoding/binary"
	"io"
	"maps"
	"slices"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
)

// Domains of the state and delta encryption (docs/protocol/enclave.md).
const (
	stateDomain = "enigma-go/enclave: state v2"
	deltaDomain = "enigma-go/enclave: delta v1"
)

// contractState is a contract's decrypted state: its key-value entries and
// the delta it ends at.
type contractState struct {
	deltaHash  api.Hash
	deltaIndex uint32
	entries    map[string][]byte
}

// stateAAD binds a state blob to its contract and to the hash of the code
// deployed there: a host that hands the enclave other code (its own module,
// to read the state out) gets a state that does not open.
func stateAAD(c api.ContractAddress, codeHash api.Hash) []byte {
	return append(append([]byte(stateDomain), c[:]...), codeHash[:]...)
}

func deltaAAD(c api.ContractAddress, index uint32) []byte {
	return binary.BigEndian.AppendUint32(append([]byte(deltaDomain), c[:]...), index)
}

func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}

// ivSource gives the IV reader for sealing one plaintext: a task's
// synthetic IVs (task.iv), or a random source for every plaintext.
type ivSource func(plaintext []byte) io.Reader

// randomIV draws every IV from r.
func randomIV(r io.Reader) ivSource { return func([]byte) io.Reader { return r } }

func encryptState(key [32]byte, c api.ContractAddress, codeHash api.Hash, s *contractState, iv ivSource) ([]byte, error) {
	b := buf(nil).raw(s.deltaHash[:]).u32(s.deltaIndex).u32(uint32(len(s.entries)))
	for _, k := range sortedKeys(s.entries) {
		b = b.bytes([]byte(k)).bytes(s.entries[k])
	}
	defer clear(b)
	return seal(key, stateAAD(c, codeHash), b, iv(b))
}

// decryptState opens a state blob of contract c running the code with
// codeHash; ok is false when it does not open under the key and code or is
// malformed.
func decryptState(key [32]byte, c api.ContractAddress, codeHash api.Hash, blob []byte) (*contractState, bool) {
	pt, ok := open(key, stateAAD(c, codeHash), blob)
	if !ok {
		return nil, false
	}
	defer clear(pt)
	return parseState(pt)
}

// parseState decodes a state body; ok is false when it is malformed.
func parseState(pt []byte) (*contractState, bool) {
	r := &reader{b: pt}
	s := &contractState{}
	r.raw(s.deltaHash[:])
	s.deltaIndex = r.u32()
	n := r.count(8)
	s.entries = make(map[string][]byte, n)
	for range n {
		k := r.bytes()
		s.entries[string(k)] = r.bytes()
	}
	return s, r.done()
}

// Delta operations.
const (
	opSet    uint8 = 1
	opDelete uint8 = 2
)

// overlay is the vm.State a run sees: the base entries plus the run's
// writes, so a failed run leaves the base untouched.
type overlay struct {
	base    map[string][]byte
	written map[string][]byte // nil value: deleted
}

func newOverlay(base map[string][]byte) *overlay {
	if base == nil {
		base = map[string][]byte{}
	}
	return &overlay{base: base, written: map[string][]byte{}}
}

func (o *overlay) Get(key []byte) ([]byte, bool) {
	if v, ok := o.written[string(key)]; ok {
		return v, v != nil
	}
	v, ok := o.base[string(key)]
	return v, ok
}

func (o *overlay) Set(key, value []byte) {
	v := append([]byte{}, value...) // non-nil even when empty: nil marks a delete
	o.written[string(key)] = v
}

func (o *overlay) Delete(key []byte) { o.written[string(key)] = nil }

// Size is the bytes of the keys and values the state holds (vm.StateSizer):
// the VM charges every task for the state the enclave opens and seals, and
// bounds it.
func (o *overlay) Size() int {
	n := 0
	for k, v := range o.base {
		if _, ok := o.written[k]; !ok {
			n += len(k) + len(v)
		}
	}
	for k, v := range o.written {
		if v != nil {
			n += len(k) + len(v)
		}
	}
	return n
}

// delta returns the writes that change the base, as sorted ops, and the
// resulting entries. No ops means the run did not change the state.
func (o *overlay) delta() (ops buf, count uint32, after map[string][]byte) {
	after = maps.Clone(o.base)
	for _, k := range sortedKeys(o.written) {
		v := o.written[k]
		old, had := o.base[k]
		switch {
		case v == nil && had:
			ops = ops.u8(opDelete).bytes([]byte(k)).bytes(nil)
			delete(after, k)
		case v != nil && (!had || !bytes.Equal(old, v)):
			ops = ops.u8(opSet).bytes([]byte(k)).bytes(v)
			after[k] = v
		default:
			continue
		}
		count++
	}
	return ops, count, after
}

// encryptDelta encrypts a delta body (prevHash ‖ u32 count ‖ ops) and
// returns it with its hash keccak256(ciphertext).
func encryptDelta(key [32]byte, c api.ContractAddress, index uint32, prev api.Hash, count uint32, ops []byte, iv ivSource) ([]byte, api.Hash, error) {
	body := buf(nil).raw(prev[:]).u32(count).raw(ops)
	defer clear(body)
	ct, err := seal(key, deltaAAD(c, index), body, iv(body))
	if err != nil {
		return nil, api.Hash{}, err
	}
	return ct, compat.Keccak256(ct), nil
}
