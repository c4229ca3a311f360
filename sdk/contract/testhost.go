//go:build !wasip1

package contract

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"maps"
)

// TestHost runs a contract's registered functions in-process, standing in
// for the VM and the enclave so contract logic can be tested with go test
// on any platform but wasip1. It keeps the state between tasks, rolls it
// back when a task fails as the network does, and derives randomness from
// Seed and a task counter, so runs are reproducible.
//
// The contract's functions are package state (they are registered from
// init), so TestHosts must not run tasks concurrently.
type TestHost struct {
	State map[string][]byte // JSON values by key, as the contract wrote them
	Seed  [32]byte          // randomness of task i is derived from Seed and i

	tasks  uint64
	called string
	input  []byte
	res    *Result
	stream []byte // unread random bytes of the current task
	block  uint64
	query  bool    // the current task is a query: writes fail with ErrReadOnly
	caller Address // the verified caller of the current query
}

// EthBridge is an Ethereum callback a task asked for.
type EthBridge struct {
	Payload []byte // call data: selector and ABI-encoded arguments
	Address Address
}

// Result is what one task produced.
type Result struct {
	Output []byte     // the ABI-encoded return values
	Bridge *EthBridge // nil without a callback
	Log    []string   // lines printed with Print
}

// NewTestHost returns a host with an empty state and a zero seed.
func NewTestHost() *TestHost { return &TestHost{State: map[string][]byte{}} }

// testHostActive is the TestHost running a task, if any.
var testHostActive *TestHost

func currentHost() host {
	if testHostActive == nil {
		panic("contract: host functions called outside a task; run the code through a TestHost")
	}
	return testHostActive
}

// Deploy runs the constructor, ABI-encoding args as sig's types.
func (h *TestHost) Deploy(sig string, args ...any) (*Result, error) {
	in, err := EncodeArgs(sig, args...)
	if err != nil {
		return nil, err
	}
	return h.Run(true, sig, in)
}

// Call runs the public function sig, ABI-encoding args as its types.
func (h *TestHost) Call(sig string, args ...any) (*Result, error) {
	in, err := EncodeArgs(sig, args...)
	if err != nil {
		return nil, err
	}
	return h.Run(false, sig, in)
}

// Query runs the query function sig as caller would through the network:
// ABI-encoding args as its types, with Call.Caller returning caller, and
// every Write, Remove or CallEthereum failing the query with ErrReadOnly.
// The state is never changed by a query.
func (h *TestHost) Query(caller Address, sig string, args ...any) (*Result, error) {
	in, err := EncodeArgs(sig, args...)
	if err != nil {
		return nil, err
	}
	return h.RunQuery(caller, sig, in)
}

// RunQuery runs one query with already encoded arguments (see Query and
// Run).
func (h *TestHost) RunQuery(caller Address, function string, args []byte) (*Result, error) {
	h.query, h.caller = true, caller
	defer func() { h.query, h.caller = false, Address{} }()
	return h.Run(false, function, args)
}

// Run executes one task with already encoded arguments, as the VM would: the
// contract is given the part of function before '(' (the VM, like the
// original host, passes the name only). On failure the state is restored
// and the Result holds the log.
func (h *TestHost) Run(deploy bool, function string, args []byte) (*Result, error) {
	if testHostActive != nil {
		return nil, errors.New("contract: a TestHost task is already running")
	}
	if h.State == nil {
		h.State = map[string][]byte{}
	}
	before := maps.Clone(h.State)
	h.called, h.input, h.res, h.stream, h.block = functionName(function), args, &Result{}, nil, 0
	h.tasks++
	testHostActive = h
	var err error
	if h.query {
		err = runQuery(h)
	} else {
		err = run(h, deploy)
	}
	testHostActive = nil
	res := h.res
	if err != nil {
		h.State = before
		res.Output, res.Bridge = nil, nil
		res.Log = append(res.Log, "contract failed: "+err.Error())
		return res, err
	}
	return res, nil
}

// Do runs fn as if it were part of a task, so helpers that use the host
// (Read, Write, Rand, ...) can be tested directly. A Fail inside fn is
// returned as an error.
func (h *TestHost) Do(fn func()) (err error) {
	if h.State == nil {
		h.State = map[string][]byte{}
	}
	h.res = &Result{}
	testHostActive = h
	defer func() { testHostActive = nil }()
	return invoke(func(*Call) error { fn(); return nil }, &Call{sig: &signature{name: "Do"}})
}

func (h *TestHost) functionName() string { return h.called }
func (h *TestHost) args() []byte         { return append([]byte(nil), h.input...) }
func (h *TestHost) ret(out []byte)       { h.res.Output = append([]byte(nil), out...) }
func (h *TestHost) print(msg string)     { h.res.Log = append(h.res.Log, msg) }

func (h *TestHost) readState(key string) ([]byte, bool) {
	v, ok := h.State[key]
	return append([]byte(nil), v...), ok
}

func (h *TestHost) writeState(key string, value []byte) {
	h.refuseInQuery()
	h.State[key] = append([]byte(nil), value...)
}

func (h *TestHost) removeState(key string) {
	h.refuseInQuery()
	delete(h.State, key)
}

// refuseInQuery fails a query that tries to change anything, as the VM does.
func (h *TestHost) refuseInQuery() {
	if h.query {
		panic(failure{msg: ErrReadOnly.Error(), err: ErrReadOnly})
	}
}

func (h *TestHost) queryCaller() (Address, bool) { return h.caller, h.query }

// rand serves SHA-256(Seed ‖ task ‖ block) blocks in order.
func (h *TestHost) rand(buf []byte) {
	for len(buf) > 0 {
		if len(h.stream) == 0 {
			var in [48]byte
			copy(in[:], h.Seed[:])
			binary.BigEndian.PutUint64(in[32:], h.tasks)
			binary.BigEndian.PutUint64(in[40:], h.block)
			h.block++
			sum := sha256.Sum256(in[:])
			h.stream = sum[:]
		}
		n := copy(buf, h.stream)
		buf, h.stream = buf[n:], h.stream[n:]
	}
}

func (h *TestHost) ethBridge(payload []byte, to Address) {
	h.refuseInQuery()
	h.res.Bridge = &EthBridge{Payload: append([]byte(nil), payload...), Address: to}
}

func (h *TestHost) gcm(key *Key) cipher.AEAD {
	block, err := aes.NewCipher(key[:])
	if err != nil {
		panic(err) // a 32-byte key always makes a cipher
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		panic(err)
	}
	return aead
}

// encrypt lays out ciphertext‖tag‖iv like the enclave does.
func (h *TestHost) encrypt(msg []byte, key *Key) []byte {
	iv := make([]byte, 12)
	h.rand(iv)
	return append(h.gcm(key).Seal(nil, iv, msg, nil), iv...)
}

// decrypt stops the task on a bad tag, as the enclave's host function traps.
func (h *TestHost) decrypt(ciphertext []byte, key *Key) []byte {
	n := len(ciphertext) - 12
	msg, err := h.gcm(key).Open(nil, ciphertext[n:], ciphertext[:n], nil)
	if err != nil {
		Fail("decrypt: %v", err)
	}
	return msg
}
