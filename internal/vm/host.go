package vm

import (
	"bytes"
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/sha256"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"

	"github.com/tetratelabs/wazero"
	wapi "github.com/tetratelabs/wazero/api"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/vm/meter"
)

const (
	envModule  = "env"
	wasiModule = "wasi_snapshot_preview1"
	// enigmaModule holds this network's own host functions; env stays the
	// original eng_wasm interface.
	enigmaModule = "enigma"

	gcmTagSize = 16
	gcmIVSize  = 12
)

// jsonNull is what read_state gives for a missing key: the original host
// kept state as JSON and returned the serialisation of a missing value, and
// eng_wasm's read turns it into None.
var jsonNull = []byte("null")

type hostFunc struct {
	name    string
	params  []wapi.ValueType
	results []wapi.ValueType
	fn      func(t *task, mod wapi.Module, stack []uint64)
}

var i32 = wapi.ValueTypeI32

func hostFuncs() []hostFunc {
	p := func(n int) []wapi.ValueType {
		ts := make([]wapi.ValueType, n)
		for i := range ts {
			ts[i] = i32
		}
		return ts
	}
	r := []wapi.ValueType{i32}
	return []hostFunc{
		{"write_state", p(4), nil, (*task).writeState},
		{"read_state_len", p(2), r, (*task).readStateLen},
		{"read_state", p(3), nil, (*task).readState},
		{"remove_from_state", p(2), nil, (*task).removeFromState},
		{"eprint", p(2), nil, (*task).eprint},
		{"fetch_function_name_length", nil, r, (*task).fetchFunctionNameLength},
		{"fetch_function_name", p(1), nil, (*task).fetchFunctionName},
		{"fetch_args_length", nil, r, (*task).fetchArgsLength},
		{"fetch_args", p(1), nil, (*task).fetchArgs},
		{"write_eth_bridge", p(3), nil, (*task).writeEthBridge},
		{"gas", p(1), nil, (*task).gas},
		{"ret", p(2), nil, (*task).ret},
		{"rand", p(2), nil, (*task).rand},
		{"encrypt", p(4), nil, (*task).encrypt},
		{"decrypt", p(4), nil, (*task).decrypt},
	}
}

// enigmaFuncs are the host functions of module "enigma".
func enigmaFuncs() []hostFunc {
	return []hostFunc{
		{"query_caller", []wapi.ValueType{i32}, nil, (*task).queryCaller},
	}
}

// hostSignatures is what the rewriter accepts as imports of each host
// module.
func hostSignatures() map[string]map[string]meter.Signature {
	sigs := func(fs []hostFunc) map[string]meter.Signature {
		out := map[string]meter.Signature{}
		for _, h := range fs {
			out[h.name] = meter.Signature{Params: h.params, Results: h.results}
		}
		return out
	}
	return map[string]map[string]meter.Signature{envModule: sigs(hostFuncs()), enigmaModule: sigs(enigmaFuncs())}
}

// instantiateHost registers the eng_wasm host functions (module "env") and
// the network's own (module "enigma"). They find the task they serve in the
// context of the call.
func instantiateHost(ctx context.Context, rt wazero.Runtime) error {
	if err := instantiateModule(ctx, rt, envModule, hostFuncs()); err != nil {
		return err
	}
	return instantiateModule(ctx, rt, enigmaModule, enigmaFuncs())
}

func instantiateModule(ctx context.Context, rt wazero.Runtime, name string, fs []hostFunc) error {
	b := rt.NewHostModuleBuilder(name)
	for _, h := range fs {
		fn := h.fn
		b.NewFunctionBuilder().WithGoModuleFunction(wapi.GoModuleFunc(func(ctx context.Context, mod wapi.Module, stack []uint64) {
			t, _ := ctx.Value(taskKey{}).(*task)
			if t == nil {
				panic(api.Errorf(api.CodeHostCall, "host function called outside a task"))
			}
			fn(t, mod, stack)
		}), h.params, h.results).Export(h.name)
	}
	_, err := b.Instantiate(ctx)
	return err
}

// fail ends the run with err; wazero turns the panic into the error
// returned by the exported function's Call.
func (t *task) fail(code api.Code, format string, args ...any) {
	err := api.Errorf(code, format, args...)
	if t.err == nil {
		t.err = err
	}
	panic(err)
}

// chargeCall takes a host call's price before it does any work: the base
// price and copying n bytes between the contract's memory and the host.
func (t *task) chargeCall(n uint64) {
	t.charge(satAdd(t.sched.HostCallBase, t.copyCost(n)))
}

// copyCost is the price of copying n bytes: 1 gas per CopyBytes, rounded up.
func (t *task) copyCost(n uint64) uint64 {
	if t.sched.CopyBytes == 0 {
		return 0
	}
	return n/t.sched.CopyBytes + min(n%t.sched.CopyBytes, 1)
}

// view returns the n bytes at ptr in the contract's memory, without
// copying them, or fails the run.
func (t *task) view(mod wapi.Module, fn string, ptr, n uint32) []byte {
	b, ok := mod.Memory().Read(ptr, n)
	if !ok {
		t.fail(api.CodeHostCall, "%s: %d bytes at address %d are outside the contract's memory (%d bytes)",
			fn, n, ptr, mod.Memory().Size())
	}
	return b
}

func (t *task) write(mod wapi.Module, fn string, ptr uint32, b []byte) {
	if !mod.Memory().Write(ptr, b) {
		t.fail(api.CodeHostCall, "%s: %d bytes at address %d are outside the contract's memory (%d bytes)",
			fn, len(b), ptr, mod.Memory().Size())
	}
}

// checkSize fails the run when a host call is handed more than limit bytes.
func (t *task) checkSize(fn, what string, n uint32, limit int) {
	if int64(n) > int64(limit) {
		t.fail(api.CodeResourceLimit, "%s: %s of %d bytes exceeds the limit of %d", fn, what, n, limit)
	}
}

func u32(v uint64) uint32 { return uint32(v) }

// stateKey returns a state key, in the contract's memory, after charging
// for it.
func (t *task) stateKey(mod wapi.Module, fn string, ptr, n uint32) []byte {
	t.charge(satAdd(t.sched.HostCallBase, t.sched.StateBase))
	t.checkSize(fn, "key", n, t.sched.MaxKeyBytes)
	t.charge(t.copyCost(uint64(n)))
	return t.view(mod, fn, ptr, n)
}

// errReadOnly is the failure of a query that tries to change anything; its
// text is what the caller reads in the sealed answer.
const errReadOnly = "a query cannot write state"

// refuseInQuery fails a query's run at its first write, removal or
// Ethereum callback: a query has no transaction that could commit one.
func (t *task) refuseInQuery() {
	if t.req.Kind == Query {
		t.charge(t.sched.HostCallBase)
		t.fail(api.CodeReadOnly, errReadOnly)
	}
}

// queryCaller writes the query's verified caller (20 bytes). Outside a
// query there is none, and the run fails.
func (t *task) queryCaller(mod wapi.Module, s []uint64) {
	const fn = "query_caller"
	t.chargeCall(20)
	if t.req.Kind != Query {
		t.fail(api.CodeHostCall, "%s: only a query has a caller (this is a task)", fn)
	}
	t.write(mod, fn, u32(s[0]), t.req.Caller[:])
}

func (t *task) writeState(mod wapi.Module, s []uint64) {
	const fn = "write_state"
	t.refuseInQuery()
	kp, kn, vp, vn := u32(s[0]), u32(s[1]), u32(s[2]), u32(s[3])
	t.charge(t.sched.HostCallBase)
	t.checkSize(fn, "key", kn, t.sched.MaxKeyBytes)
	t.checkSize(fn, "value", vn, t.sched.MaxValueBytes)
	t.charge(satMul(uint64(kn)+uint64(vn), t.sched.WriteCopyPerByte))
	key, val := t.view(mod, fn, kp, kn), t.view(mod, fn, vp, vn) // State.Set copies them
	old, had := t.req.State.Get(key)
	growth := int64(len(val)) - int64(len(old))
	if !had {
		growth += int64(len(key))
	}
	cost := t.sched.WriteBase
	if growth > 0 {
		cost = satAdd(cost, satMul(uint64(growth), t.sched.WritePerByte))
	}
	t.charge(cost)
	if growth > 0 && t.stateSize+growth > int64(t.sched.MaxStateBytes) {
		t.fail(api.CodeResourceLimit, "write_state: the contract's state would grow to %d bytes, over the limit of %d; remove entries or keep values smaller",
			t.stateSize+growth, t.sched.MaxStateBytes)
	}
	t.stateSize += growth
	t.req.State.Set(key, val)
}

func (t *task) stateValue(key []byte) []byte {
	if v, ok := t.req.State.Get(key); ok {
		return v
	}
	return jsonNull
}

func (t *task) readStateLen(mod wapi.Module, s []uint64) {
	key := t.stateKey(mod, "read_state_len", u32(s[0]), u32(s[1]))
	s[0] = uint64(len(t.stateValue(key)))
}

func (t *task) readState(mod wapi.Module, s []uint64) {
	key := t.stateKey(mod, "read_state", u32(s[0]), u32(s[1]))
	v := t.stateValue(key)
	t.charge(t.copyCost(uint64(len(v))))
	t.write(mod, "read_state", u32(s[2]), v)
}

func (t *task) removeFromState(mod wapi.Module, s []uint64) {
	t.refuseInQuery()
	key := t.stateKey(mod, "remove_from_state", u32(s[0]), u32(s[1]))
	if old, had := t.req.State.Get(key); had {
		t.stateSize -= int64(len(key) + len(old))
	}
	t.req.State.Delete(key)
}

func (t *task) eprint(mod wapi.Module, s []uint64) {
	p, n := u32(s[0]), u32(s[1])
	t.charge(t.sched.HostCallBase)
	t.checkSize("eprint", "line", n, t.sched.LogMaxBytes)
	t.charge(t.copyCost(uint64(n)))
	t.logLine(t.view(mod, "eprint", p, n))
}

// logLine keeps a line for Result.Log within the LogMaxBytes budget. It
// copies only what it keeps, so a full log costs nothing more to extend.
func (t *task) logLine(msg []byte) {
	room := t.sched.LogMaxBytes - t.logBytes
	if room <= 0 {
		return
	}
	if len(msg) > room {
		msg = msg[:room]
	}
	t.logBytes += len(msg)
	t.log = append(t.log, strings.ToValidUTF8(string(msg), "\uFFFD"))
}

// logFull reports whether the log keeps nothing more.
func (t *task) logFull() bool { return t.logBytes >= t.sched.LogMaxBytes }

// stdout turns what a WASI contract writes to stdout (fmt.Println in Go)
// into log lines, like eprint. Once the log is full it drops what it gets.
type stdout struct {
	t       *task
	partial []byte
}

// maxPartial bounds a line without end: longer, it is logged in pieces.
const maxPartial = 4 << 10

func (w *stdout) Write(p []byte) (int, error) {
	n := len(p)
	if w.t == nil || w.t.logFull() {
		return n, nil
	}
	for len(p) > 0 && !w.t.logFull() {
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			take := min(len(p), maxPartial-len(w.partial))
			w.partial = append(w.partial, p[:take]...)
			p = p[take:]
			if len(w.partial) >= maxPartial {
				w.flush()
			}
			continue
		}
		w.partial = append(w.partial, p[:min(i, maxPartial)]...)
		w.flush()
		p = p[i+1:]
	}
	return n, nil
}

// flush logs a last line that had no newline.
func (w *stdout) flush() {
	if w.t != nil && len(w.partial) > 0 {
		w.t.logLine(w.partial)
	}
	w.partial = w.partial[:0]
}

func (t *task) fetchFunctionNameLength(mod wapi.Module, s []uint64) {
	t.chargeCall(0)
	s[0] = uint64(len(functionName(t.req.Function)))
}

func (t *task) fetchFunctionName(mod wapi.Module, s []uint64) {
	name := []byte(functionName(t.req.Function))
	t.chargeCall(uint64(len(name)))
	t.write(mod, "fetch_function_name", u32(s[0]), name)
}

func (t *task) fetchArgsLength(mod wapi.Module, s []uint64) {
	t.chargeCall(0)
	s[0] = uint64(len(t.req.Args))
}

func (t *task) fetchArgs(mod wapi.Module, s []uint64) {
	t.chargeCall(uint64(len(t.req.Args)))
	t.write(mod, "fetch_args", u32(s[0]), t.req.Args)
}

func (t *task) writeEthBridge(mod wapi.Module, s []uint64) {
	const fn = "write_eth_bridge"
	t.refuseInQuery()
	n := u32(s[1])
	t.charge(t.sched.HostCallBase)
	t.checkSize(fn, "payload", n, t.sched.BridgeMaxBytes)
	t.charge(t.copyCost(uint64(n) + 20))
	payload, addr := t.view(mod, fn, u32(s[0]), n), t.view(mod, fn, u32(s[2]), 20)
	// One callback per task: the last call wins. Its buffer is reused.
	if t.bridge == nil {
		t.bridge = &EthBridge{}
	}
	t.bridge.Payload = append(t.bridge.Payload[:0], payload...)
	copy(t.bridge.Address[:], addr)
}

func (t *task) gas(mod wapi.Module, s []uint64) {
	t.charge(satAdd(t.sched.HostCallBase, uint64(u32(s[0]))))
}

// ret keeps the output. The enclave seals and hashes it, so it is priced
// per byte like encryption.
func (t *task) ret(mod wapi.Module, s []uint64) {
	n := u32(s[1])
	t.charge(t.sched.HostCallBase)
	t.checkSize("ret", "output", n, t.sched.OutputMaxBytes)
	t.charge(satMul(uint64(n), t.sched.CryptoPerByte))
	t.output = append(t.output[:0], t.view(mod, "ret", u32(s[0]), n)...) // the last call wins
}

func (t *task) rand(mod wapi.Module, s []uint64) {
	n := u32(s[1])
	t.charge(satAdd(t.sched.HostCallBase, satMul(uint64(n), t.sched.CryptoPerByte)))
	t.stream(&t.randStream, "rand").Read(t.view(mod, "rand", u32(s[0]), n))
}

// aead returns AES-256-GCM under the 32-byte key at keyPtr, charging
// CipherKey unless the task's previous encrypt or decrypt used the same key.
func (t *task) aead(mod wapi.Module, fn string, keyPtr uint32) cipher.AEAD {
	key := t.view(mod, fn, keyPtr, 32)
	if t.gcm != nil && bytes.Equal(key, t.gcmKey[:]) {
		return t.gcm
	}
	t.charge(t.sched.CipherKey)
	block, err := aes.NewCipher(key)
	if err != nil {
		t.fail(api.CodeHostCall, "%s: %v", fn, err)
	}
	g, err := cipher.NewGCM(block)
	if err != nil {
		t.fail(api.CodeHostCall, "%s: %v", fn, err)
	}
	t.gcm = g
	copy(t.gcmKey[:], key)
	return g
}

// encrypt writes AES-256-GCM(key, msg) as ciphertext‖tag(16)‖iv(12), the
// original layout, with the IV drawn from the task's deterministic stream.
func (t *task) encrypt(mod wapi.Module, s []uint64) {
	n := u32(s[1])
	t.charge(satAdd(t.sched.HostCallBase, satMul(uint64(n)+gcmTagSize+gcmIVSize, t.sched.CryptoPerByte)))
	msg := t.view(mod, "encrypt", u32(s[0]), n)
	g := t.aead(mod, "encrypt", u32(s[2]))
	var iv [gcmIVSize]byte
	t.stream(&t.ivStream, "encrypt iv").Read(iv[:])
	t.cbuf = append(g.Seal(t.cbuf[:0], iv[:], msg, nil), iv[:]...)
	t.write(mod, "encrypt", u32(s[3]), t.cbuf)
}

func (t *task) decrypt(mod wapi.Module, s []uint64) {
	n := u32(s[1])
	t.charge(satAdd(t.sched.HostCallBase, satMul(uint64(n), t.sched.CryptoPerByte)))
	in := t.view(mod, "decrypt", u32(s[0]), n)
	if len(in) < gcmTagSize+gcmIVSize {
		t.fail(api.CodeHostCall, "decrypt: %d bytes is shorter than a tag and IV (%d bytes)", len(in), gcmTagSize+gcmIVSize)
	}
	g := t.aead(mod, "decrypt", u32(s[2]))
	iv := in[len(in)-gcmIVSize:]
	msg, err := g.Open(t.cbuf[:0], iv, in[:len(in)-gcmIVSize], nil)
	if err != nil {
		t.fail(api.CodeHostCall, "decrypt: the ciphertext does not authenticate under this key")
	}
	t.cbuf = msg
	t.write(mod, "decrypt", u32(s[3]), msg)
}

// stream returns the task's deterministic random stream for purpose,
// seeded from the request's seed and the purpose so the streams are
// independent of each other.
func (t *task) stream(s **rand.ChaCha8, purpose string) *rand.ChaCha8 {
	if *s == nil {
		*s = seededStream(t.req.Seed, purpose)
	}
	return *s
}

func seededStream(seed [32]byte, purpose string) *rand.ChaCha8 {
	h := sha256.New()
	fmt.Fprintf(h, "enigma/vm: %s\x00", purpose)
	h.Write(seed[:])
	var k [32]byte
	copy(k[:], h.Sum(nil))
	return rand.NewChaCha8(k)
}

func satAdd(a, b uint64) uint64 {
	if a > math.MaxUint64-b {
		return math.MaxUint64
	}
	return a + b
}

func satMul(a, b uint64) uint64 {
	if a != 0 && b > math.MaxUint64/a {
		return math.MaxUint64
	}
	return a * b
}
