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

// envSignatures is what the rewriter accepts as env imports.
func envSignatures() map[string]meter.Signature {
	out := map[string]meter.Signature{}
	for _, h := range hostFuncs() {
		out[h.name] = meter.Signature{Params: h.params, Results: h.results}
	}
	return out
}

// instantiateEnv registers the eng_wasm host functions. They find the task
// they serve in the context of the call.
func instantiateEnv(ctx context.Context, rt wazero.Runtime) error {
	b := rt.NewHostModuleBuilder(envModule)
	for _, h := range hostFuncs() {
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

// read copies n bytes at ptr out of the contract's memory.
func (t *task) read(mod wapi.Module, fn string, ptr, n uint32) []byte {
	b, ok := mod.Memory().Read(ptr, n)
	if !ok {
		t.fail(api.CodeHostCall, "%s: %d bytes at address %d are outside the contract's memory (%d bytes)",
			fn, n, ptr, mod.Memory().Size())
	}
	return append([]byte(nil), b...)
}

func (t *task) write(mod wapi.Module, fn string, ptr uint32, b []byte) {
	if !mod.Memory().Write(ptr, b) {
		t.fail(api.CodeHostCall, "%s: %d bytes at address %d are outside the contract's memory (%d bytes)",
			fn, len(b), ptr, mod.Memory().Size())
	}
}

func u32(v uint64) uint32 { return uint32(v) }

func (t *task) writeState(mod wapi.Module, s []uint64) {
	t.charge(t.sched.HostCallBase)
	key := t.read(mod, "write_state", u32(s[0]), u32(s[1]))
	val := t.read(mod, "write_state", u32(s[2]), u32(s[3]))
	old, _ := t.req.State.Get(key)
	cost := t.sched.WriteBase
	if len(val) >= len(old) {
		cost = satAdd(cost, satMul(uint64(len(val)-len(old)), t.sched.WritePerByte))
	} else {
		t.refund = satAdd(t.refund, satMul(uint64(len(old)-len(val)), t.sched.WritePerByte))
	}
	t.charge(cost)
	t.req.State.Set(key, val)
}

func (t *task) stateValue(key []byte) []byte {
	if v, ok := t.req.State.Get(key); ok {
		return v
	}
	return jsonNull
}

func (t *task) readStateLen(mod wapi.Module, s []uint64) {
	t.charge(t.sched.HostCallBase)
	key := t.read(mod, "read_state_len", u32(s[0]), u32(s[1]))
	s[0] = uint64(len(t.stateValue(key)))
}

func (t *task) readState(mod wapi.Module, s []uint64) {
	t.charge(t.sched.HostCallBase)
	key := t.read(mod, "read_state", u32(s[0]), u32(s[1]))
	t.write(mod, "read_state", u32(s[2]), t.stateValue(key))
}

func (t *task) removeFromState(mod wapi.Module, s []uint64) {
	t.charge(t.sched.HostCallBase)
	key := t.read(mod, "remove_from_state", u32(s[0]), u32(s[1]))
	t.req.State.Delete(key)
}

func (t *task) eprint(mod wapi.Module, s []uint64) {
	t.charge(t.sched.HostCallBase)
	t.logLine(t.read(mod, "eprint", u32(s[0]), u32(s[1])))
}

// logLine keeps a line for Result.Log within the LogMaxBytes budget.
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

// stdout turns what a WASI contract writes to stdout (fmt.Println in Go)
// into log lines, like eprint.
type stdout struct {
	t       *task
	partial []byte
}

func (w *stdout) Write(p []byte) (int, error) {
	if w.t == nil {
		return len(p), nil
	}
	w.partial = append(w.partial, p...)
	for {
		i := bytes.IndexByte(w.partial, '\n')
		if i < 0 {
			break
		}
		w.t.logLine(w.partial[:i])
		w.partial = w.partial[i+1:]
	}
	if len(w.partial) > 4<<10 { // a line without end: keep it bounded
		w.t.logLine(w.partial)
		w.partial = nil
	}
	return len(p), nil
}

// flush logs a last line that had no newline.
func (w *stdout) flush() {
	if w.t != nil && len(w.partial) > 0 {
		w.t.logLine(w.partial)
	}
	w.partial = nil
}

// functionName is the name part of the signature: the original host handed
// the contract what comes before '(' and eng_wasm dispatches on it.
func (t *task) functionName() []byte {
	f := t.req.Function
	if i := strings.IndexByte(f, '('); i >= 0 {
		f = f[:i]
	}
	return []byte(f)
}

func (t *task) fetchFunctionNameLength(mod wapi.Module, s []uint64) {
	s[0] = uint64(len(t.functionName()))
}

func (t *task) fetchFunctionName(mod wapi.Module, s []uint64) {
	t.write(mod, "fetch_function_name", u32(s[0]), t.functionName())
}

func (t *task) fetchArgsLength(mod wapi.Module, s []uint64) {
	s[0] = uint64(len(t.req.Args))
}

func (t *task) fetchArgs(mod wapi.Module, s []uint64) {
	t.write(mod, "fetch_args", u32(s[0]), t.req.Args)
}

func (t *task) writeEthBridge(mod wapi.Module, s []uint64) {
	t.charge(t.sched.HostCallBase)
	payload := t.read(mod, "write_eth_bridge", u32(s[0]), u32(s[1]))
	if len(payload) > t.sched.BridgeMaxBytes {
		t.fail(api.CodeResourceLimit, "write_eth_bridge: payload of %d bytes exceeds the limit of %d", len(payload), t.sched.BridgeMaxBytes)
	}
	addr := t.read(mod, "write_eth_bridge", u32(s[2]), 20)
	b := &EthBridge{Payload: payload}
	copy(b.Address[:], addr)
	t.bridge = b // one callback per task: the last call wins
}

func (t *task) gas(mod wapi.Module, s []uint64) {
	t.charge(uint64(u32(s[0])))
}

func (t *task) ret(mod wapi.Module, s []uint64) {
	n := u32(s[1])
	if int64(n) > int64(t.sched.OutputMaxBytes) {
		t.fail(api.CodeResourceLimit, "ret: output of %d bytes exceeds the limit of %d", n, t.sched.OutputMaxBytes)
	}
	t.output = t.read(mod, "ret", u32(s[0]), n)
}

func (t *task) rand(mod wapi.Module, s []uint64) {
	n := u32(s[1])
	t.charge(satAdd(t.sched.HostCallBase, satMul(uint64(n), t.sched.CryptoPerByte)))
	if _, ok := mod.Memory().Read(u32(s[0]), n); !ok {
		t.fail(api.CodeHostCall, "rand: %d bytes at address %d are outside the contract's memory", n, u32(s[0]))
	}
	buf := make([]byte, n)
	t.stream(&t.randStream, "rand").Read(buf)
	t.write(mod, "rand", u32(s[0]), buf)
}

func (t *task) aead(mod wapi.Module, fn string, keyPtr uint32) cipher.AEAD {
	key := t.read(mod, fn, keyPtr, 32)
	block, err := aes.NewCipher(key)
	if err != nil {
		t.fail(api.CodeHostCall, "%s: %v", fn, err)
	}
	g, err := cipher.NewGCM(block)
	if err != nil {
		t.fail(api.CodeHostCall, "%s: %v", fn, err)
	}
	return g
}

// encrypt writes AES-256-GCM(key, msg) as ciphertext‖tag(16)‖iv(12), the
// original layout, with the IV drawn from the task's deterministic stream.
func (t *task) encrypt(mod wapi.Module, s []uint64) {
	msg := t.read(mod, "encrypt", u32(s[0]), u32(s[1]))
	t.charge(satAdd(t.sched.HostCallBase, satMul(uint64(len(msg)), t.sched.CryptoPerByte)))
	g := t.aead(mod, "encrypt", u32(s[2]))
	iv := make([]byte, gcmIVSize)
	t.stream(&t.ivStream, "encrypt iv").Read(iv)
	out := g.Seal(make([]byte, 0, len(msg)+gcmTagSize+gcmIVSize), iv, msg, nil)
	t.write(mod, "encrypt", u32(s[3]), append(out, iv...))
}

func (t *task) decrypt(mod wapi.Module, s []uint64) {
	in := t.read(mod, "decrypt", u32(s[0]), u32(s[1]))
	t.charge(satAdd(t.sched.HostCallBase, satMul(uint64(len(in)), t.sched.CryptoPerByte)))
	if len(in) < gcmTagSize+gcmIVSize {
		t.fail(api.CodeHostCall, "decrypt: %d bytes is shorter than a tag and IV (%d bytes)", len(in), gcmTagSize+gcmIVSize)
	}
	g := t.aead(mod, "decrypt", u32(s[2]))
	iv := in[len(in)-gcmIVSize:]
	msg, err := g.Open(nil, iv, in[:len(in)-gcmIVSize], nil)
	if err != nil {
		t.fail(api.CodeHostCall, "decrypt: the ciphertext does not authenticate under this key")
	}
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
