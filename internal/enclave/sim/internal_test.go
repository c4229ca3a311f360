package sim

import (
	"bytes"
	"context"
	"math/big"
	"os"
	"path/filepath"
	"testing"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/vm"
	"github.com/ethereum/go-ethereum/common"
)

func TestKeyBookBoundAndExpiry(t *testing.T) {
	kb := newKeyBook(keyBookLimits{perUser: 2, perRequester: 100, total: 100, keepEpochs: 2, keepRunEpochs: 2, maxTasks: 1 << 20})
	u := enclave.PublicKey{1}
	for i := range 3 {
		kb.add(u, taskKey{requester: [32]byte{}, epoch: 10, aes: [32]byte{byte(i)}})
	}
	c := kb.candidates(u)
	if len(c) != 2 || c[0].aes[0] != 2 || c[1].aes[0] != 1 {
		t.Fatalf("bound per user: %+v", c)
	}
	if err := kb.reserve(api.Hash{1}, 10); err != nil {
		t.Fatal(err)
	}
	if err := kb.reserve(api.Hash{1}, 10); api.CodeOf(err) != api.CodeReplay {
		t.Fatalf("replay: %v", err)
	}
	kb.add(u, taskKey{requester: [32]byte{}, epoch: 20, aes: [32]byte{9}}) // epochs 10, 20 kept
	if len(kb.candidates(u)) != 2 {
		t.Fatal("keys dropped too early")
	}
	kb.add(enclave.PublicKey{2}, taskKey{requester: [32]byte{}, epoch: 30, aes: [32]byte{8}}) // epoch 10 leaves the window
	if c := kb.candidates(u); len(c) != 1 || c[0].aes[0] != 9 {
		t.Fatalf("expiry: %+v", c)
	}
	if err := kb.reserve(api.Hash{1}, 10); api.CodeOf(err) != api.CodeWrongEpoch {
		t.Fatalf("task of an expired epoch: %v", err)
	}
	if err := kb.reserve(api.Hash{1}, 30); err != nil {
		t.Fatalf("replay record not dropped with its epoch: %v", err)
	}
	c = kb.candidates(u)
	if !kb.consume(u, c[0].seq) || kb.consume(u, c[0].seq) {
		t.Fatal("a key is consumed exactly once")
	}
	if kb.total != 1 || len(kb.byRequester[[32]byte{}]) != 1 {
		t.Fatalf("bookkeeping after expiry and use: total %d, requester %d", kb.total, len(kb.byRequester[[32]byte{}]))
	}
}

// TestKeyBookEvictsTheBiggestRequester: when the book is full, the
// requester holding the most keys loses its oldest, so a flood pushes out
// only the flooder's keys.
func TestKeyBookEvictsTheBiggestRequester(t *testing.T) {
	kb := newKeyBook(keyBookLimits{perUser: 4, perRequester: 5, total: 6, keepEpochs: 2, keepRunEpochs: 2, maxTasks: 1 << 20})
	alice, bob, mallory := [32]byte{1}, [32]byte{2}, [32]byte{3}
	kb.add(enclave.PublicKey{1}, taskKey{requester: alice, epoch: 1, aes: [32]byte{1}})
	kb.add(enclave.PublicKey{2}, taskKey{requester: bob, epoch: 1, aes: [32]byte{2}})
	kb.add(enclave.PublicKey{2}, taskKey{requester: bob, epoch: 1, aes: [32]byte{3}})
	for i := range 100 {
		kb.add(enclave.PublicKey{byte(10 + i)}, taskKey{requester: mallory, epoch: 1, aes: [32]byte{byte(i)}})
	}
	if kb.total != 6 || len(kb.candidates(enclave.PublicKey{1})) != 1 || len(kb.candidates(enclave.PublicKey{2})) != 2 {
		t.Fatalf("a flood evicted other requesters' keys: total %d", kb.total)
	}
	if n := len(kb.byRequester[mallory]); n != 3 {
		t.Fatalf("flooder holds %d keys, want the 3 left", n)
	}
	if n := len(kb.byRequester[bob]); n != 2 {
		t.Fatalf("bob holds %d keys, want 2", n)
	}
	// Growing past everyone else, bob now loses his own oldest keys.
	for i := range 10 {
		kb.add(enclave.PublicKey{byte(200 + i)}, taskKey{requester: bob, epoch: 1, aes: [32]byte{}})
	}
	if n, m := len(kb.byRequester[bob]), len(kb.byRequester[mallory]); n != 3 || m != 2 || len(kb.candidates(enclave.PublicKey{1})) != 1 {
		t.Fatalf("bob holds %d keys, mallory %d, alice %d; want 3, 2, 1", n, m, len(kb.candidates(enclave.PublicKey{1})))
	}
	// A requester's own bound applies while the total has room.
	roomy := newKeyBook(keyBookLimits{perUser: 4, perRequester: 5, total: 100, keepEpochs: 2, keepRunEpochs: 2, maxTasks: 1 << 20})
	for i := range 10 {
		roomy.add(enclave.PublicKey{byte(i)}, taskKey{requester: bob, epoch: 1, aes: [32]byte{}})
	}
	if n := len(roomy.byRequester[bob]); n != 5 || roomy.total != 5 {
		t.Fatalf("bob holds %d keys of %d, want his bound, 5", n, roomy.total)
	}
	for r, refs := range kb.byRequester {
		if _, ok := kb.holders[len(refs)][r]; !ok {
			t.Fatalf("holder index out of step for %x", r)
		}
	}
}

func TestSelectWorker(t *testing.T) {
	seed := [32]byte{31: 7}
	contract := api.Hash{0xab}
	workers := []api.EthAddress{{1}, {2}, {3}}
	stakes := []*big.Int{big.NewInt(10), big.NewInt(0), big.NewInt(30)}
	// The spec's algorithm, written out once more.
	h := compat.Keccak256(seed[:], contract[:], make([]byte, 32))
	r := new(big.Int).Mod(new(big.Int).SetBytes(h[:]), big.NewInt(40))
	want := workers[2]
	if r.Cmp(big.NewInt(10)) <= 0 {
		want = workers[0]
	}
	if got, ok := selectWorker(seed, contract, workers, stakes); !ok || got != want {
		t.Fatalf("selected %s, want %s", got, want)
	}
	if _, ok := selectWorker(seed, contract, workers, []*big.Int{big.NewInt(0), big.NewInt(0), big.NewInt(0)}); ok {
		t.Fatal("selection with no stake")
	}
	if _, ok := selectWorker(seed, contract, nil, nil); ok {
		t.Fatal("selection with no workers")
	}
}

func TestSealKeyFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "seal.key")
	k1, err := loadSealKey(path, bytes.NewReader(bytes.Repeat([]byte{7}, 32)))
	if err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("seal key file mode: %v %v", st.Mode(), err)
	}
	k2, err := loadSealKey(path, nil)
	if err != nil || k1 != k2 {
		t.Fatal("seal key not read back")
	}
	os.WriteFile(path, []byte("short"), 0o600)
	if _, err := loadSealKey(path, nil); err == nil {
		t.Fatal("short seal key accepted")
	}

	signer, _ := compat.GenerateKey(bytes.NewReader(bytes.Repeat([]byte{3}, 32)))
	blob, err := sealSecrets(k1, roleWorker, sealedSecrets{signingKey: signer, stateKeys: map[api.Hash][32]byte{{1}: {2}}, extra: []byte("x")}, bytes.NewReader(make([]byte, 12)))
	if err != nil {
		t.Fatal(err)
	}
	s, err := unsealSecrets(k1, roleWorker, blob)
	if err != nil || s.signingKey.D.Cmp(signer.D) != 0 || s.stateKeys[api.Hash{1}] != [32]byte{2} || string(s.extra) != "x" {
		t.Fatalf("unseal: %v", err)
	}
	if _, err := unsealSecrets(k1, roleKeyManager, blob); err == nil {
		t.Fatal("a worker's blob unsealed as a key manager's")
	}
	if _, err := unsealSecrets([32]byte{1}, roleWorker, blob); api.CodeOf(err) != api.CodeTampered {
		t.Fatalf("other seal key: %v", err)
	}
}

func TestConfigValidate(t *testing.T) {
	c := DefaultConfig()
	if err := c.Validate(); err == nil {
		t.Fatal("config without seal key file accepted")
	}
	if _, err := NewWorker(c); err == nil {
		t.Fatal("worker without runner started")
	}
}

func TestStateRoundTrip(t *testing.T) {
	s := &contractState{deltaHash: api.Hash{1}, deltaIndex: 4, entries: map[string][]byte{"a": {1}, "b": {}}}
	c := api.Hash{5}
	code := api.Hash{7}
	blob, err := encryptState([32]byte{9}, c, code, s, randomIV(bytes.NewReader(make([]byte, 12))))
	if err != nil {
		t.Fatal(err)
	}
	got, ok := decryptState([32]byte{9}, c, code, blob)
	if !ok || got.deltaIndex != 4 || got.deltaHash != s.deltaHash || len(got.entries) != 2 || !bytes.Equal(got.entries["a"], []byte{1}) {
		t.Fatalf("state round trip: %+v", got)
	}
	if _, ok := decryptState([32]byte{9}, api.Hash{6}, code, blob); ok {
		t.Fatal("state opened as another contract's")
	}
	if _, ok := decryptState([32]byte{9}, c, api.Hash{8}, blob); ok {
		t.Fatal("state opened for other code")
	}
}

func TestOverlayDelta(t *testing.T) {
	o := newOverlay(map[string][]byte{"keep": {1}, "del": {2}, "same": {3}})
	o.Set([]byte("new"), []byte{4})
	o.Delete([]byte("del"))
	o.Set([]byte("same"), []byte{3})
	o.Delete([]byte("absent"))
	if v, ok := o.Get([]byte("del")); ok || v != nil {
		t.Fatal("deleted key still visible")
	}
	_, n, after := o.delta()
	if n != 2 || len(after) != 3 || after["new"][0] != 4 {
		t.Fatalf("delta: %d ops, after %v", n, after)
	}
}

func FuzzParsers(f *testing.F) {
	s := &contractState{entries: map[string][]byte{"k": []byte("v")}}
	b := buf(nil).raw(s.deltaHash[:]).u32(0).u32(1).bytes([]byte("k")).bytes([]byte("v"))
	f.Add([]byte(b))
	f.Add([]byte{0, 0, 0, 1})
	f.Fuzz(func(t *testing.T, p []byte) {
		parseState(p)
		decodeEpochs(p)
		enclave.DecodeContractKeys(p)
		unsealSecrets([32]byte{}, roleWorker, append([]byte(sealMagic+"\x01"), p...))
	})
}

type panickingRunner struct{}

func (panickingRunner) Run(context.Context, []byte, vm.Request) (vm.Result, error) { panic("boom") }

// A VM that panics yields a signed failure receipt, not a crashed enclave.
func TestVMPanicGivesFailureReceipt(t *testing.T) {
	c := DefaultConfig()
	c.SealKeyFile = filepath.Join(t.TempDir(), "seal")
	c.Runner = panickingRunner{}
	w, err := NewWorker(c)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	contract := api.Hash{7}
	w.stateKeys[contract] = [32]byte{1}
	user, _ := compat.GenerateKey(bytes.NewReader(bytes.Repeat([]byte{6}, 32)))
	upub := compat.PublicKeyBytes(&user.PublicKey)
	tk, err := w.NewTaskKey(ctx, &enclave.TaskKeyRequest{UserPubKey: upub, Epoch: 1})
	if err != nil {
		t.Fatal(err)
	}
	wpub, _ := compat.ParsePublicKey(tk.WorkerPubKey[:])
	key := compat.DeriveKey(user, wpub)
	encFn, _ := compat.Encrypt(key, []byte("construct()"), bytes.NewReader(make([]byte, 12)))
	encArgs, _ := compat.Encrypt(key, nil, bytes.NewReader(make([]byte, 12)))
	code := []byte("code")
	ch := compat.Keccak256(code)
	req := &enclave.ExecuteRequest{Kind: enclave.KindDeploy, Envelope: enclave.EnvelopeCompat, TaskID: contract, Contract: contract,
		Code: code, UserPubKey: upub, EncryptedFn: encFn, EncryptedArgs: encArgs, GasLimit: 10, Epoch: 1,
		InputsHash: compat.InputsHash(encFn, encArgs, ch[:], upub[:])}
	r, err := w.Execute(ctx, req)
	if err != nil || r.Status != enclave.TaskFailure || api.Code(r.FailureCode) != api.CodeUnknown {
		t.Fatalf("panic: %v %+v", err, r)
	}
	if !compat.Verify(common.Address(w.Address()), compat.DeployFailureReceiptHash(req.InputsHash, 10, 0), r.Signature[:]) {
		t.Fatal("failure receipt not signed")
	}
}

func TestCloseErasesKeys(t *testing.T) {
	c := DefaultConfig()
	c.SealKeyFile = filepath.Join(t.TempDir(), "seal")
	c.Runner = panickingRunner{}
	w, err := NewWorker(c)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	w.stateKeys[api.Hash{1}] = [32]byte{1}
	if _, err := w.EpochKey(ctx, &enclave.EpochKeyRequest{Epoch: 3}); err != nil {
		t.Fatal(err)
	}
	w.keys.add(enclave.PublicKey{1}, taskKey{requester: [32]byte{}, epoch: 3, aes: [32]byte{2}})
	w.Close()
	if _, ok := w.stateKey(api.Hash{1}); ok || len(w.ring.Epochs()) != 0 || len(w.keys.candidates(enclave.PublicKey{1})) != 0 {
		t.Fatal("keys survive Close")
	}
}

// TestKeyBookBoundsTaskIDs: the ids of executed and held tasks stay within
// MaxRememberedTasks: the oldest epoch is given up (its tasks refused, so
// none runs twice), the newest ids survive, and ids of one epoch alone
// beyond the bound are refused rather than forgotten.
func TestKeyBookBoundsTaskIDs(t *testing.T) {
	kb := newKeyBook(keyBookLimits{perUser: 4, perRequester: 4, total: 4, keepEpochs: 1, keepRunEpochs: 3, maxTasks: 4})
	id := func(e, i int) api.TaskID { return api.TaskID{byte(e), byte(i)} }
	for _, e := range []int{10, 20, 30} {
		for i := range 2 {
			if err := kb.reserve(id(e, i), uint64(e)); err != nil {
				t.Fatalf("epoch %d task %d: %v", e, i, err)
			}
		}
	}
	if err := kb.hold(id(30, 9), 30); err != nil {
		t.Fatal(err)
	}
	if n := len(kb.executed) + len(kb.held); n > 4 {
		t.Fatalf("%d task ids kept, bound 4", n)
	}
	if err := kb.reserve(id(30, 0), 30); api.CodeOf(err) != api.CodeReplay {
		t.Fatalf("a task of the newest epoch was forgotten: %v", err)
	}
	if err := kb.reserve(id(30, 9), 30); err != nil {
		t.Fatalf("the held task: %v", err)
	}
	if err := kb.reserve(id(10, 0), 10); api.CodeOf(err) != api.CodeWrongEpoch {
		t.Fatalf("a task of the epoch given up ran again: %v", err)
	}
	// All in one epoch: refused, not forgotten.
	one := newKeyBook(keyBookLimits{perUser: 4, perRequester: 4, total: 4, keepEpochs: 1, keepRunEpochs: 3, maxTasks: 2})
	for i := range 2 {
		if err := one.reserve(id(5, i), 5); err != nil {
			t.Fatal(err)
		}
	}
	if err := one.reserve(id(5, 2), 5); api.CodeOf(err) != api.CodeUnavailable {
		t.Fatalf("beyond the bound in one epoch: %v, want CodeUnavailable", err)
	}
	if err := one.reserve(id(5, 0), 5); api.CodeOf(err) != api.CodeReplay {
		t.Fatalf("the epoch's ids were forgotten: %v", err)
	}
}
