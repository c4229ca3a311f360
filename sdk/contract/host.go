package contract

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
)

// host is the eng_wasm host interface as the SDK uses it. The wasip1 build
// binds it to the module's "env" imports; other builds to the TestHost in use.
type host interface {
	functionName() string
	args() []byte
	ret(out []byte)
	readState(key string) ([]byte, bool)
	writeState(key string, value []byte)
	removeState(key string)
	print(msg string)
	rand(buf []byte)
	ethBridge(payload []byte, to Address)
	encrypt(msg []byte, key *Key) []byte
	decrypt(ciphertext []byte, key *Key) []byte
	queryCaller() (Address, bool)
}

// Print writes a debug line to the host's log (eprint). Workers keep it
// inside the enclave; it is for developing contracts, not for output.
func Print(format string, args ...any) {
	currentHost().print(fmt.Sprintf(format, args...))
}

// Rand fills buf with randomness from the host. Inside an enclave the bytes
// are unpredictable to everyone, yet deterministic for a given task so that
// a task can be re-executed and verified.
func Rand(buf []byte) { currentHost().rand(buf) }

// RandUint64 returns 8 random bytes as a big-endian uint64.
func RandUint64() uint64 {
	var b [8]byte
	Rand(b[:])
	var x uint64
	for _, c := range b {
		x = x<<8 | uint64(c)
	}
	return x
}

// RandUint256 returns 32 random bytes as a Uint256.
func RandUint256() Uint256 {
	var b [32]byte
	Rand(b[:])
	return Uint256FromBytes32(b)
}

// RandIntn returns a uniformly distributed integer in [0, n) without modulo
// bias (it rejects and redraws the values that would favour small results).
// It fails the task when n is 0.
func RandIntn(n uint64) uint64 {
	if n == 0 {
		Fail("contract: RandIntn(0)")
	}
	limit := ^uint64(0) - (^uint64(0)%n+1)%n // largest multiple of n, minus one
	for {
		if x := RandUint64(); x <= limit {
			return x % n
		}
	}
}

// Key is a 256-bit AES key for Encrypt and Decrypt.
type Key [32]byte

// NewKey draws a fresh key from the host's randomness.
func NewKey() Key {
	var k Key
	Rand(k[:])
	return k
}

// EncryptionOverhead is how many bytes Encrypt adds: a 16-byte AES-GCM tag
// and a 12-byte IV, laid out ciphertext‖tag‖iv like the original.
const EncryptionOverhead = 28

// Encrypt seals msg with AES-256-GCM under key (fresh random IV; no
// associated data, as the original does).
func Encrypt(msg []byte, key Key) []byte { return currentHost().encrypt(msg, &key) }

// ErrCiphertextTooShort is returned by Decrypt for input shorter than
// EncryptionOverhead.
var ErrCiphertextTooShort = errors.New("contract: ciphertext shorter than tag and IV")

// Decrypt opens what Encrypt sealed. Ciphertext that fails authentication
// makes the host stop the task, as in the original; only input too short to
// hold a tag and an IV is reported as an error.
func Decrypt(ciphertext []byte, key Key) ([]byte, error) {
	if len(ciphertext) < EncryptionOverhead {
		return nil, ErrCiphertextTooShort
	}
	return currentHost().decrypt(ciphertext, &key), nil
}

// CallEthereum asks the network to call the Ethereum contract at to with the
// function sig and args after the task succeeds, e.g.
// CallEthereum(voting, "validateCastVote(uint256)", pollID). The Enigma
// contract's CallbackForwarder makes the call, with the network's fixed
// callback gas; the callee sees the forwarder as msg.sender and can ask it
// for origin() (this contract's address and the task id). If the call
// reverts, or targets the Enigma contract, its token or an address without
// code, the task ends as ReceiptFailedETH. A task has at most one callback:
// the last one asked for wins.
func CallEthereum(to Address, sig string, args ...any) error {
	payload, err := EncodeCall(sig, args...)
	if err != nil {
		return fmt.Errorf("contract: Ethereum callback %s: %w", sig, err)
	}
	currentHost().ethBridge(payload, to)
	return nil
}

// Read returns the state value under key decoded from JSON into a T, and
// whether the key was set. A stored value that does not decode as a T fails
// the task: it means the contract changed its state layout.
func Read[T any](key string) (T, bool) {
	var v T
	raw, ok := currentHost().readState(key)
	if !ok || string(raw) == "null" {
		return v, false
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		Fail("contract: state key %q does not hold a %T: %v", key, v, err)
	}
	return v, true
}

// ReadOr returns the value under key, or def when the key is not set.
func ReadOr[T any](key string, def T) T {
	if v, ok := Read[T](key); ok {
		return v
	}
	return def
}

// Write stores v as JSON under key, as eng_wasm's write_state! does. A value
// that cannot be encoded as JSON fails the task.
func Write(key string, v any) {
	raw, err := json.Marshal(v)
	if err != nil {
		Fail("contract: state key %q: %v", key, err)
	}
	currentHost().writeState(key, raw)
}

// Remove deletes key from the state.
func Remove(key string) { currentHost().removeState(key) }

// failure is the panic value Fail uses to stop the current handler; err,
// when set, is the error the handler fails with (a sentinel such as
// ErrReadOnly).
type failure struct {
	msg string
	err error
}

// Fail stops the task with the message, like a failed assert! in an eng_wasm
// contract: nothing is returned, the state is left as it was and the sender
// gets a failure receipt. It never returns.
func Fail(format string, args ...any) {
	panic(failure{msg: fmt.Sprintf(format, args...)})
}

// Require fails the task with the message when cond is false.
func Require(cond bool, format string, args ...any) {
	if !cond {
		Fail(format, args...)
	}
}

// PrepareState readies the JSON codec for the types the contract keeps in
// its state: pass a value of each (e.g. PrepareState([]millionaire{{}})) from
// init. encoding/json builds a codec per type on first use; done during
// initialisation it is part of the snapshot every task starts from, instead
// of hundreds of thousands of gas in every task that touches the state.
func PrepareState(examples ...any) {
	for _, v := range examples {
		raw, err := json.Marshal(v)
		if err != nil {
			panic(fmt.Sprintf("contract: PrepareState(%T): %v", v, err))
		}
		p := reflect.New(reflect.TypeOf(v))
		if err := json.Unmarshal(raw, p.Interface()); err != nil {
			panic(fmt.Sprintf("contract: PrepareState(%T): %v", v, err))
		}
	}
}
