package enclavetest

import (
	"bytes"
	"crypto/rand"
	"math/big"
	"sync"
	"testing"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/crypto/envelope"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/ethereum/go-ethereum/common"
)

func testRegistration(t *testing.T, h *host) {
	custodian, enigma := api.EthAddress{0xc0}, api.EthAddress{0xe1}
	for _, c := range []struct {
		role    enclave.Common
		product uint8
	}{{h.Worker, 1}, {h.KeyManager, 2}} {
		r, err := c.role.Registration(h.ctx, &enclave.RegistrationRequest{Custodian: custodian, ChainID: 1337, EnigmaContract: enigma})
		if err != nil {
			t.Fatal(err)
		}
		h.record(enclave.TypeRegistrationReport, r)
		pub, err := compat.ParsePublicKey(r.SigningKey[:])
		if err != nil || api.EthAddress(compat.Address(pub)) != r.SigningAddress {
			t.Fatalf("signing key does not match the signing address: %v", err)
		}
		sig, err := h.Attestor.Attest(h.ctx, r.Report)
		if err != nil {
			t.Fatalf("the attestation service refused the enclave's report: %v", err)
		}
		got, err := h.VerifyReport(r.Report, sig)
		if err != nil {
			t.Fatalf("report does not verify: %v", err)
		}
		want := Attested{Signer: r.SigningAddress, Product: c.product, Binding: enclave.RegistrationBinding(1337, enigma, custodian)}
		if got != want {
			t.Fatalf("report says %+v, want %+v", got, want)
		}
		bad := append([]byte(nil), r.Report...)
		bad[len(bad)-1] ^= 1
		if _, err := h.VerifyReport(bad, sig); err == nil {
			t.Fatal("an altered report verifies")
		}
		if _, err := h.Attestor.Attest(h.ctx, []byte("not a report")); err == nil {
			t.Fatal("the attestation service signed something that is not a report")
		}
	}
	if h.worker == h.km {
		t.Fatal("worker and key manager share a signing address")
	}
}

func testTaskKeySignature(t *testing.T, h *host) {
	u := h.newUser()
	h.taskKey(u) // checks the signature
	var bad enclave.PublicKey
	bad[0] = 1 // not on the curve
	_, err := h.Worker.NewTaskKey(h.ctx, &enclave.TaskKeyRequest{UserPubKey: bad, Epoch: epochBlock})
	wantCode(t, err, api.CodeInvalidInput)
}

func testOutstandingTaskKeys(t *testing.T, h *host) {
	u := h.newUser()
	c := h.deploy(u, h.secret(24))
	keys := [][32]byte{h.taskKey(u), h.taskKey(u), h.taskKey(u)}
	for _, i := range []int{1, 0, 2} { // tasks arrive in another order than their keys were issued
		v := h.secret(24)
		r := h.execute(h.task(enclave.KindCompute, c, u, keys[i], "set(bytes)", v))
		if r.Status != enclave.TaskSuccess || !bytes.Equal(h.output(keys[i], r), v) {
			t.Fatalf("task with key %d: status %d code %d", i, r.Status, r.FailureCode)
		}
	}
	// Every key was erased once used: reusing one gives a failure receipt.
	r := h.execute(h.task(enclave.KindCompute, c, u, keys[0], "get()", nil))
	if r.Status != enclave.TaskFailure || api.Code(r.FailureCode) != api.CodeWrongKey {
		t.Fatalf("reused task key: status %d code %d, want failure %d", r.Status, r.FailureCode, api.CodeWrongKey)
	}
}

func testDeployAndCompute(t *testing.T, h *host) {
	u := h.newUser()
	init := h.secret(24)
	c := h.deploy(u, init)
	deployDelta := h.contract[c].lastDelta

	key := h.taskKey(u)
	r := h.execute(h.task(enclave.KindCompute, c, u, key, "get()", nil))
	if r.Status != enclave.TaskSuccess || !bytes.Equal(h.output(key, r), init) {
		t.Fatalf("get after deploy: status %d code %d", r.Status, r.FailureCode)
	}
	if !r.DeltaHash.IsZero() || len(r.Delta) != 0 || len(r.State) != 0 || r.PrevDeltaHash != deployDelta {
		t.Fatalf("a read-only task changed the state: %+v", r)
	}

	v := h.secret(24)
	key = h.taskKey(u)
	r = h.execute(h.task(enclave.KindCompute, c, u, key, "set(bytes)", v))
	if r.Status != enclave.TaskSuccess || r.DeltaIndex != 1 || r.PrevDeltaHash != deployDelta || r.DeltaHash.IsZero() {
		t.Fatalf("set: %+v", r)
	}
	first := r.DeltaHash

	v2 := h.secret(24)
	key = h.taskKey(u)
	r = h.execute(h.task(enclave.KindCompute, c, u, key, "set(bytes)", v2))
	if r.DeltaIndex != 2 || r.PrevDeltaHash != first {
		t.Fatalf("second delta does not chain to the first: %+v", r)
	}
	key = h.taskKey(u)
	r = h.execute(h.task(enclave.KindCompute, c, u, key, "get()", nil))
	if !bytes.Equal(h.output(key, r), v2) {
		t.Fatal("state did not carry the last write")
	}

	// An Ethereum callback is public: it is signed into the receipt as given.
	call := bytes.Repeat([]byte{0xca}, 36)
	key = h.taskKey(u)
	r = h.execute(h.task(enclave.KindCompute, c, u, key, "bridge(bytes)", call))
	if r.Status != enclave.TaskSuccess || !bytes.Equal(r.EthPayload, call[20:]) || r.EthAddress != api.EthAddress(call[:20]) {
		t.Fatalf("callback: %+v", r)
	}
	if r.GasUsed == 0 || r.GasUsed > gasLimit {
		t.Fatalf("gas used %d", r.GasUsed)
	}
}

func testFailureReceipts(t *testing.T, h *host) {
	u := h.newUser()
	c := h.deploy(u, h.secret(24))
	cases := []struct {
		fn      string
		args    []byte
		code    api.Code
		gasUsed bool // the VM ran
	}{
		{"loop()", nil, api.CodeOutOfGas, true},
		{"unreachable()", nil, api.CodeTrap, true},
		{"missing_function()", nil, api.CodeTrap, true}, // eng_wasm traps on an unknown name
		{"args(bytes32)", []byte("short"), api.CodeTrap, true},
		{"", nil, api.CodeUnknownFunction, false},
	}
	for _, tc := range cases {
		key := h.taskKey(u)
		req := h.task(enclave.KindCompute, c, u, key, tc.fn, tc.args)
		if tc.code == api.CodeOutOfGas {
			req.GasLimit = 50_000
			h.rehash(req)
		}
		r := h.execute(req)
		if r.Status != enclave.TaskFailure || api.Code(r.FailureCode) != tc.code {
			t.Fatalf("%q: status %d code %d, want failure %d", tc.fn, r.Status, r.FailureCode, tc.code)
		}
		if tc.gasUsed != (r.GasUsed > 0) || (tc.code == api.CodeOutOfGas && r.GasUsed != req.GasLimit) {
			t.Fatalf("%q: gas used %d", tc.fn, r.GasUsed)
		}
		if msg := h.output(key, r); len(msg) == 0 {
			t.Fatalf("%q: empty error text", tc.fn)
		}
	}

	// Inputs that do not hash to the task record's.
	key := h.taskKey(u)
	req := h.task(enclave.KindCompute, c, u, key, "get()", nil)
	req.InputsHash[0] ^= 1
	if r := h.execute(req); api.Code(r.FailureCode) != api.CodeInputsMismatch || r.GasUsed != 0 {
		t.Fatalf("inputs mismatch: %+v", r)
	} else if len(h.output(key, r)) == 0 {
		t.Fatal("inputs mismatch: no error text for the user")
	}

	// A contract this worker holds no state key for.
	key = h.taskKey(u)
	req = h.task(enclave.KindDeploy, api.Hash{}, u, key, "construct(bytes)", h.secret(8))
	if r := h.execute(req); api.Code(r.FailureCode) != api.CodeNotFound {
		t.Fatalf("missing state key: %+v", r)
	} else if len(h.output(key, r)) == 0 {
		t.Fatal("missing state key: no error text for the user")
	}

	// A contract that is not deployed.
	key = h.taskKey(u)
	req = h.task(enclave.KindCompute, api.Hash{9, 9}, u, key, "get()", nil)
	if r := h.execute(req); api.Code(r.FailureCode) != api.CodeNotFound {
		t.Fatalf("undeployed contract: %+v", r)
	}

	// Garbage code.
	key = h.taskKey(u)
	req = h.task(enclave.KindDeploy, api.Hash{}, u, key, "construct()", nil)
	req.Code = []byte("not wasm at all")
	h.rehash(req)
	if err := h.provision(h.seed, req.Contract); err != nil {
		t.Fatal(err)
	}
	if r := h.execute(req); r.Status != enclave.TaskFailure || r.GasUsed != 0 {
		t.Fatalf("garbage code: %+v", r)
	}
}

func testWrongWorkerKey(t *testing.T, h *host) {
	u := h.newUser()
	c := h.deploy(u, h.secret(24))
	other, _ := compat.GenerateKey(rand.Reader) // another worker's task key
	key := compat.DeriveKey(u.priv, &other.PublicKey)
	h.taskKey(u) // the user has an outstanding key here too, just not this one
	r := h.execute(h.task(enclave.KindCompute, c, u, key, "set(bytes)", h.secret(24)))
	if r.Status != enclave.TaskFailure || api.Code(r.FailureCode) != api.CodeWrongKey || r.GasUsed != 0 {
		t.Fatalf("wrong worker key: %+v", r)
	}
	if string(r.Output) == "" {
		t.Fatal("no failure output")
	}
	if _, err := compat.Decrypt(key, r.Output); err == nil {
		t.Fatal("failure output encrypted to a key the enclave cannot know")
	}
	// A deploy encrypted to another worker fails the same way.
	req := h.task(enclave.KindDeploy, api.Hash{}, u, key, "construct(bytes)", h.secret(8))
	if err := h.provision(h.seed, req.Contract); err != nil {
		t.Fatal(err)
	}
	if r := h.execute(req); api.Code(r.FailureCode) != api.CodeWrongKey {
		t.Fatalf("deploy to the wrong worker: %+v", r)
	}
}

func testTamperedInputs(t *testing.T, h *host) {
	u := h.newUser()
	c := h.deploy(u, h.secret(24))

	key := h.taskKey(u)
	req := h.task(enclave.KindCompute, c, u, key, "set(bytes)", h.secret(24))
	req.EncryptedArgs[0] ^= 1
	h.rehash(req) // the client committed to the altered bytes
	r := h.execute(req)
	if api.Code(r.FailureCode) != api.CodeTampered || len(h.output(key, r)) == 0 {
		t.Fatalf("tampered arguments: %+v", r)
	}

	key = h.taskKey(u)
	req = h.task(enclave.KindCompute, c, u, key, "set(bytes)", h.secret(24))
	req.EncryptedFn[len(req.EncryptedFn)-20] ^= 1 // inside the tag
	h.rehash(req)
	if r := h.execute(req); api.Code(r.FailureCode) != api.CodeWrongKey {
		t.Fatalf("tampered tag: %+v", r)
	}

	key = h.taskKey(u)
	req = h.task(enclave.KindCompute, c, u, key, "get()", nil)
	req.EncryptedFn = req.EncryptedFn[:10]
	h.rehash(req)
	if r := h.execute(req); api.Code(r.FailureCode) != api.CodeBadEnvelope {
		t.Fatalf("truncated function name: %+v", r)
	}
}

func testReplay(t *testing.T, h *host) {
	u := h.newUser()
	c := h.deploy(u, h.secret(24))
	key := h.taskKey(u)
	req := h.task(enclave.KindCompute, c, u, key, "get()", nil)
	h.execute(req)
	_, err := h.Worker.Execute(h.ctx, req)
	wantCode(t, err, api.CodeReplay)
	// A failed task is final too.
	req = h.task(enclave.KindCompute, c, u, key, "get()", nil) // key already used
	h.execute(req)
	_, err = h.Worker.Execute(h.ctx, req)
	wantCode(t, err, api.CodeReplay)
}

func testBadRequests(t *testing.T, h *host) {
	u := h.newUser()
	c := h.deploy(u, h.secret(24))
	key := h.taskKey(u)
	for _, mut := range []struct {
		code api.Code
		f    func(r *enclave.ExecuteRequest)
	}{
		{api.CodeBadEnvelope, func(r *enclave.ExecuteRequest) { r.Envelope = 9 }},
		{api.CodeBadEnvelope, func(r *enclave.ExecuteRequest) { r.Envelope = 0 }},
		{api.CodeInvalidInput, func(r *enclave.ExecuteRequest) { r.Kind = 7 }},
		{api.CodeInvalidInput, func(r *enclave.ExecuteRequest) { r.Kind = enclave.KindDeploy; r.Contract = api.Hash{1} }},
		{api.CodeInvalidInput, func(r *enclave.ExecuteRequest) { r.State = nil }},
	} {
		req := h.task(enclave.KindCompute, c, u, key, "get()", nil)
		mut.f(req)
		_, err := h.Worker.Execute(h.ctx, req)
		wantCode(t, err, mut.code)
	}
	// None of these consumed the key.
	r := h.execute(h.task(enclave.KindCompute, c, u, key, "get()", nil))
	if r.Status != enclave.TaskSuccess {
		t.Fatalf("key consumed by a refused request: %+v", r)
	}
}

func testStaleState(t *testing.T, h *host) {
	u := h.newUser()
	c := h.deploy(u, h.secret(24))
	old := *h.contract[c]
	key := h.taskKey(u)
	h.execute(h.task(enclave.KindCompute, c, u, key, "set(bytes)", h.secret(24)))

	key = h.taskKey(u)
	req := h.task(enclave.KindCompute, c, u, key, "get()", nil)
	req.State = old.state // the store lags the chain
	_, err := h.Worker.Execute(h.ctx, req)
	wantCode(t, err, api.CodeUnavailable)
	req.State = []byte("garbage state that does not decrypt")
	_, err = h.Worker.Execute(h.ctx, req)
	wantCode(t, err, api.CodeUnavailable)

	req.State = h.contract[c].state // after a resync the same task runs
	if r := h.execute(req); r.Status != enclave.TaskSuccess {
		t.Fatalf("retry after resync: %+v", r)
	}
}

func testStateKeyProvisioning(t *testing.T, h *host) {
	c1, c2 := api.Hash{1}, api.Hash{2}
	if err := h.provision(h.seed, c1, c2); err != nil {
		t.Fatalf("selected worker refused: %v", err)
	}
	// An epoch the key manager never signed: wrong epoch.
	req, err := h.Worker.StateKeysRequest(h.ctx, &enclave.NewStateKeysRequest{EpochSeed: [32]byte{1, 2, 3}, Contracts: []api.Hash{c1}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = h.KeyManager.GetStateKeys(h.ctx, req)
	wantCode(t, err, api.CodeWrongEpoch)

	// A new epoch in which another worker holds all the stake.
	other := api.EthAddress{0xee}
	next := h.newEpoch(epochBlock+10, 1, []api.EthAddress{other, h.worker}, []uint64{5, 0})
	req, _ = h.Worker.StateKeysRequest(h.ctx, &enclave.NewStateKeysRequest{EpochSeed: next.Seed, Contracts: []api.Hash{c1}})
	_, err = h.KeyManager.GetStateKeys(h.ctx, req)
	wantCode(t, err, api.CodeNotSelected)
	// The earlier epoch still answers for its blocks.
	if err := h.provision(h.seed, c1); err != nil {
		t.Fatalf("earlier epoch: %v", err)
	}

	// A request whose signature does not match its content is refused.
	req, _ = h.Worker.StateKeysRequest(h.ctx, &enclave.NewStateKeysRequest{EpochSeed: h.seed, Contracts: []api.Hash{c1}})
	forged := *req
	forged.Contracts = []api.Hash{c2}
	if _, err := h.KeyManager.GetStateKeys(h.ctx, &forged); err == nil {
		t.Fatal("a request altered after signing was answered")
	}

	// Replies: verified against the key manager, decrypted once.
	reply, err := h.KeyManager.GetStateKeys(h.ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	tampered := *reply
	tampered.Ciphertext = append([]byte(nil), reply.Ciphertext...)
	tampered.Ciphertext[0] ^= 1
	_, err = h.Worker.InstallStateKeys(h.ctx, &tampered)
	wantCode(t, err, api.CodeBadSignature) // the signature covers the ciphertext
	impostor, _ := compat.GenerateKey(rand.Reader)
	resigned := tampered
	resigned.Signature, _ = compat.Sign(impostor, enclave.StateKeysReplyHash(&resigned))
	_, err = h.Worker.InstallStateKeys(h.ctx, &resigned)
	wantCode(t, err, api.CodeBadSignature)
	if _, err := h.Worker.InstallStateKeys(h.ctx, reply); err != nil {
		t.Fatalf("genuine reply refused: %v", err)
	}
	_, err = h.Worker.InstallStateKeys(h.ctx, reply)
	wantCode(t, err, api.CodeReplay)
}

func testSealing(t *testing.T, h *host) {
	u := h.newUser()
	init := h.secret(24)
	c := h.deploy(u, init)
	ws, err := h.Worker.Seal(h.ctx, &enclave.SealRequest{})
	if err != nil {
		t.Fatal(err)
	}
	ks, err := h.KeyManager.Seal(h.ctx, &enclave.SealRequest{})
	if err != nil {
		t.Fatal(err)
	}
	h.record(enclave.TypeSealedState, ws)
	h.record(enclave.TypeSealedState, ks)
	worker, km := h.worker, h.km

	h.start.Sealed = Sealed{Worker: ws.Blob, KeyManager: ks.Blob}
	h.startPairNoEpoch()
	if h.worker != worker || h.km != km {
		t.Fatal("restarted enclaves have new signing addresses")
	}
	// The worker kept its state key: it runs a task on the old state.
	key := h.taskKey(u)
	r := h.execute(h.task(enclave.KindCompute, c, u, key, "get()", nil))
	if r.Status != enclave.TaskSuccess || !bytes.Equal(h.output(key, r), init) {
		t.Fatalf("after restart: %+v", r)
	}
	// The key manager kept its epochs and state keys: provisioning still works.
	if err := h.provision(h.seed, c); err != nil {
		t.Fatalf("provision after restart: %v", err)
	}

	// A fresh start (no sealed state) is another identity.
	h.start = Start{Dir: t.TempDir()}
	h.startPair()
	if h.worker == worker {
		t.Fatal("a fresh enclave reused the sealed signing key")
	}

	// Altered sealed state is refused.
	bad := append([]byte(nil), ws.Blob...)
	bad[len(bad)-1] ^= 1
	func() {
		defer func() {
			if recover() == nil {
				t.Fatal("altered sealed state accepted")
			}
		}()
		h.factory(&fatalT{T: t}, Start{Dir: h.start.Dir, Sealed: Sealed{Worker: bad}})
	}()
}

// fatalT turns Fatal into a panic, so the suite can check that a factory
// refuses a start without failing the test.
type fatalT struct{ *testing.T }

func (f *fatalT) Fatal(args ...any)                 { panic("factory failed") }
func (f *fatalT) Fatalf(format string, args ...any) { panic("factory failed") }

func (h *host) startPairNoEpoch() {
	h.Pair = h.factory(h.t, h.start)
	h.worker = h.must1(h.Worker.Registration(h.ctx, &enclave.RegistrationRequest{})).SigningAddress
	h.km = h.must1(h.KeyManager.Registration(h.ctx, &enclave.RegistrationRequest{})).SigningAddress
}

func testConcurrent(t *testing.T, h *host) {
	const n = 16
	u := h.newUser()
	c := h.deploy(u, h.secret(24))
	reqs := make([]*enclave.ExecuteRequest, n)
	keys := make([][32]byte, n)
	for i := range reqs {
		keys[i] = h.taskKey(u)
		reqs[i] = h.task(enclave.KindCompute, c, u, keys[i], "get()", nil)
	}
	var wg sync.WaitGroup
	resps := make([]*enclave.ExecuteResponse, n)
	errs := make([]error, n)
	for i := range reqs {
		wg.Go(func() { resps[i], errs[i] = h.Worker.Execute(h.ctx, reqs[i]) })
	}
	// The same task twice at once: exactly one runs.
	dup := make([]error, 2)
	for i := range dup {
		wg.Go(func() { _, dup[i] = h.Worker.Execute(h.ctx, reqs[0]) })
	}
	wg.Wait()
	for i, r := range resps {
		if errs[i] != nil && api.CodeOf(errs[i]) != api.CodeReplay {
			t.Fatalf("task %d: %v", i, errs[i])
		}
		if r != nil {
			h.record(enclave.TypeExecuteResponse, r)
			h.checkReceipt(reqs[i], r)
			if r.Status != enclave.TaskSuccess {
				t.Fatalf("task %d failed with %d", i, r.FailureCode)
			}
		}
	}
	ran := 0
	for _, err := range append(dup, errs[0]) {
		if err == nil {
			ran++
		}
	}
	if ran != 1 {
		t.Fatalf("task 0 ran %d times", ran)
	}
}

// v2Task builds an envelope v2 task as an SDK client would: one request
// sealed to the worker's epoch key under the task's context.
func (h *host) v2Task(kind enclave.TaskKind, contract api.ContractAddress, pub []byte, sender api.EthAddress, nonce uint64, fn string, args []byte) (*enclave.ExecuteRequest, envelope.ResponseKey, envelope.Context) {
	h.t.Helper()
	req := &enclave.ExecuteRequest{Kind: kind, Envelope: enclave.EnvelopeV2, GasLimit: gasLimit, BlockNumber: epochBlock + 1,
		BlockTime: blockTime, Epoch: epochBlock, ChainID: v2Chain, EnigmaContract: v2Enigma, Sender: sender, TaskNonce: nonce}
	req.TaskID = compat.TaskID(common.Address(sender), new(big.Int).SetUint64(nonce))
	req.Contract = contract
	if kind == enclave.KindDeploy {
		req.Contract, req.Code = req.TaskID, h.code
	} else if c := h.contract[contract]; c != nil {
		req.Code, req.State, req.PrevDeltaHash = c.code, c.state, c.lastDelta
	}
	c := envelope.Context{ChainID: v2Chain, EnigmaContract: common.Address(v2Enigma), SecretContract: req.Contract,
		CodeHash: compat.Keccak256(req.Code), Epoch: epochBlock, Sender: common.Address(sender), TaskNonce: nonce}
	msg, rk, err := envelope.SealRequest(pub, c, envelope.EncodeCall(fn, args), envelope.Options{})
	if err != nil {
		h.t.Fatal(err)
	}
	req.EncryptedFn = msg
	req.InputsHash = envelope.InputsHash(msg)
	return req, rk, c
}

const v2Chain = 1337

var v2Enigma = api.EthAddress{0xe1, 0x96, 0x70}

func testEnvelopeV2(t *testing.T, h *host) {
	ek, err := h.Worker.EpochKey(h.ctx, &enclave.EpochKeyRequest{Epoch: epochBlock, ChainID: v2Chain, EnigmaContract: v2Enigma})
	if err != nil {
		t.Fatal(err)
	}
	h.record(enclave.TypeEpochKeyResponse, ek)
	if !compat.Verify([20]byte(h.worker), envelope.WorkerKeyHash(v2Chain, common.Address(v2Enigma), epochBlock, ek.PublicKey), ek.Signature[:]) {
		t.Fatal("epoch key signature does not verify against the worker")
	}
	again, err := h.Worker.EpochKey(h.ctx, &enclave.EpochKeyRequest{Epoch: epochBlock, ChainID: v2Chain, EnigmaContract: v2Enigma})
	if err != nil || !bytes.Equal(again.PublicKey, ek.PublicKey) {
		t.Fatalf("asking again for the same epoch gave another key: %v", err)
	}
	sender := api.EthAddress{0xab}
	init := h.secret(24)
	req, rk, c := h.v2Task(enclave.KindDeploy, api.Hash{}, ek.PublicKey, sender, 1, "construct(bytes)", init)
	if err := h.provision(h.seed, req.Contract); err != nil {
		t.Fatal(err)
	}
	r := h.execute(req)
	if r.Status != enclave.TaskSuccess {
		t.Fatalf("v2 deploy: code %d", r.FailureCode)
	}
	contract := req.Contract

	req, rk, c = h.v2Task(enclave.KindCompute, contract, ek.PublicKey, sender, 2, "get()", nil)
	r = h.execute(req)
	out, err := envelope.OpenResponse(rk, c, r.Output)
	if r.Status != enclave.TaskSuccess || err != nil || !bytes.Equal(out, init) {
		t.Fatalf("v2 compute: status %d code %d, open: %v", r.Status, r.FailureCode, err)
	}
	// The same key serves several tasks of the epoch; a compat task still works beside them.
	req, rk, c = h.v2Task(enclave.KindCompute, contract, ek.PublicKey, sender, 3, "unreachable()", nil)
	r = h.execute(req)
	if msg, err := envelope.OpenResponse(rk, c, r.Output); r.Status != enclave.TaskFailure || err != nil || len(msg) == 0 {
		t.Fatalf("v2 failure receipt: %+v (%v)", r, err)
	}

	// Sealed to another context (the host claims another sender): a failure receipt.
	req, _, _ = h.v2Task(enclave.KindCompute, contract, ek.PublicKey, sender, 4, "get()", nil)
	req.Sender, req.TaskNonce = api.EthAddress{0xcd}, 4
	req.TaskID = compat.TaskID(common.Address(req.Sender), big.NewInt(4))
	if r := h.execute(req); api.Code(r.FailureCode) != api.CodeTampered || string(r.Output) == "" {
		t.Fatalf("v2 wrong context: %+v", r)
	}
	// A task id that does not match sender and nonce is the host's mistake.
	req, _, _ = h.v2Task(enclave.KindCompute, contract, ek.PublicKey, sender, 5, "get()", nil)
	req.TaskNonce = 6
	_, err = h.Worker.Execute(h.ctx, req)
	wantCode(t, err, api.CodeInvalidInput)
	// An unknown envelope version inside the message: a failure receipt.
	req, _, _ = h.v2Task(enclave.KindCompute, contract, ek.PublicKey, sender, 7, "get()", nil)
	req.EncryptedFn[4] = 3
	req.InputsHash = envelope.InputsHash(req.EncryptedFn)
	if r := h.execute(req); api.Code(r.FailureCode) != api.CodeBadEnvelope {
		t.Fatalf("v2 unknown version: %+v", r)
	}
	// After rotating past the kept epochs, the old key is erased.
	for e := uint64(1); e <= 5; e++ {
		if _, err := h.Worker.EpochKey(h.ctx, &enclave.EpochKeyRequest{Epoch: epochBlock + 100*e, ChainID: v2Chain, EnigmaContract: v2Enigma}); err != nil {
			t.Fatal(err)
		}
	}
	_, err = h.Worker.EpochKey(h.ctx, &enclave.EpochKeyRequest{Epoch: epochBlock, ChainID: v2Chain, EnigmaContract: v2Enigma})
	wantCode(t, err, api.CodeWrongEpoch)
	req, _, _ = h.v2Task(enclave.KindCompute, contract, ek.PublicKey, sender, 8, "get()", nil)
	if r := h.execute(req); api.Code(r.FailureCode) != api.CodeWrongEpoch || string(r.Output) == "" {
		t.Fatalf("v2 request sealed to an erased epoch key: %+v", r)
	}
}

// testEpochParamsOncePerNonce: the key manager's host cannot re-draw an
// epoch's seed, nor have other worker parameters signed for the same epoch.
func testEpochParamsOncePerNonce(t *testing.T, h *host) {
	workers, stakes := []api.EthAddress{h.worker, {0xee}}, []uint64{3, 4}
	first, err := h.signEpoch(epochBlock+10, 1, workers, stakes)
	if err != nil {
		t.Fatal(err)
	}
	if first.BlockNumber != epochBlock+10 {
		t.Fatalf("signed for block %d, asked for %d", first.BlockNumber, epochBlock+10)
	}
	for _, again := range []struct {
		block   uint64
		workers []api.EthAddress
		stakes  []uint64
	}{{epochBlock + 10, workers, stakes}, {epochBlock + 11, workers, stakes}, {epochBlock + 10, workers[1:], stakes[1:]}} {
		got, err := h.signEpoch(again.block, 1, again.workers, again.stakes)
		if err != nil {
			t.Fatalf("asked again: %v", err)
		}
		if *got != *first {
			t.Fatalf("asked again with block %d and %d workers, got another answer: %+v, first %+v", again.block, len(again.workers), got, first)
		}
	}
	// An epoch before the latest one signed cannot be signed any more.
	if _, err = h.signEpoch(epochBlock+20, 3, workers, stakes); err != nil {
		t.Fatal(err)
	}
	_, err = h.signEpoch(epochBlock+15, 2, workers[:1], stakes[:1])
	wantCode(t, err, api.CodeConflict)
}

// testUnconfirmedEpoch: state keys only for epochs the chain took.
func testUnconfirmedEpoch(t *testing.T, h *host) {
	c := api.Hash{7}
	resp, err := h.signEpoch(epochBlock+10, 1, []api.EthAddress{h.worker}, []uint64{1})
	if err != nil {
		t.Fatal(err)
	}
	wantCode(t, h.provision(resp.Seed, c), api.CodeWrongEpoch)
	_, err = h.KeyManager.ConfirmEpoch(h.ctx, &enclave.ConfirmEpochRequest{Nonce: [32]byte{31: 1}, Seed: [32]byte{9}, FirstBlock: epochBlock + 11})
	wantCode(t, err, api.CodeConflict)
	_, err = h.KeyManager.ConfirmEpoch(h.ctx, &enclave.ConfirmEpochRequest{Nonce: [32]byte{31: 1}, Seed: resp.Seed, FirstBlock: epochBlock + 11})
	if err != nil {
		t.Fatal(err)
	}
	if err := h.provision(resp.Seed, c); err != nil {
		t.Fatalf("confirmed epoch: %v", err)
	}
}

// testStateBoundToCode: a host that hands the enclave other code than the
// contract's own gets no run on the contract's state: the request fails
// before any state is decrypted, and the task's key is not spent.
func testStateBoundToCode(t *testing.T, h *host) {
	u := h.newUser()
	secret := h.secret(24)
	c := h.deploy(u, secret)
	key := h.taskKey(u)
	req := h.task(enclave.KindCompute, c, u, key, "get()", nil)
	// The same contract with a custom section: another module, another hash.
	req.Code = append(append([]byte(nil), req.Code...), 0x00, 0x05, 0x04, 'e', 'v', 'i', 'l')
	_, err := h.Worker.Execute(h.ctx, req)
	wantCode(t, err, api.CodeUnavailable)
	req = h.task(enclave.KindCompute, c, u, key, "get()", nil)
	if r := h.execute(req); r.Status != enclave.TaskSuccess || !bytes.Equal(h.output(key, r), secret) {
		t.Fatalf("the contract's own code after the refusal: %+v", r)
	}
}

// testTaskSeedBoundToInputs: a host that reuses a task id with inputs of
// its own (after a restart, when the enclave no longer remembers the id)
// does not get the randomness the real task got.
func testTaskSeedBoundToInputs(t *testing.T, h *host) {
	u := h.newUser()
	c := h.deploy(u, h.secret(24))
	key := h.taskKey(u)
	real := h.task(enclave.KindCompute, c, u, key, "rand()", nil)
	r := h.execute(real)
	if r.Status != enclave.TaskSuccess {
		t.Fatalf("rand: %+v", r)
	}
	want := h.output(key, r)
	h.secrets = append(h.secrets, want)

	ws, err := h.Worker.Seal(h.ctx, &enclave.SealRequest{})
	if err != nil {
		t.Fatal(err)
	}
	ks, err := h.KeyManager.Seal(h.ctx, &enclave.SealRequest{})
	if err != nil {
		t.Fatal(err)
	}
	h.start.Sealed = Sealed{Worker: ws.Blob, KeyManager: ks.Blob}
	h.startPairNoEpoch()
	attacker := h.newUser()
	akey := h.taskKey(attacker)
	replay := h.task(enclave.KindCompute, c, attacker, akey, "rand()", nil)
	replay.TaskID = real.TaskID
	h.rehash(replay)
	r = h.execute(replay)
	if r.Status != enclave.TaskSuccess {
		t.Fatalf("replayed task id: %+v", r)
	}
	if got := h.output(akey, r); bytes.Equal(got, want) {
		t.Fatal("a task id replayed with other inputs got the real task's randomness")
	}
}

// testTaskKeysPerRequester: a requester that asks for far more task keys
// than a worker keeps pushes out its own keys, not other requesters'.
func testTaskKeysPerRequester(t *testing.T, h *host) {
	victim := h.newUser()
	c := h.deploy(victim, h.secret(24))
	key := h.taskKeyFor(victim, [32]byte{1})
	for i := range 3000 { // beyond what a worker keeps per requester, from many user keys
		h.taskKeyFor(h.newUser(), [32]byte{2, byte(i % 2)})
	}
	r := h.execute(h.task(enclave.KindCompute, c, victim, key, "get()", nil))
	if r.Status != enclave.TaskSuccess {
		t.Fatalf("the victim's key was evicted by another requester's flood: status %d code %d", r.Status, r.FailureCode)
	}
}

// testCheckState: a state a host got from another worker is checked before
// it is stored. Only the contract's own state, for its own code, at the
// delta the chain names passes; another contract's state, altered bytes,
// another code hash and a stale state are refused, each with its code.
func testCheckState(t *testing.T, h *host) {
	u := h.newUser()
	c := h.deploy(u, h.secret(24))
	other := h.deploy(u, h.secret(24))
	stale := *h.contract[c]
	key := h.taskKey(u)
	h.execute(h.task(enclave.KindCompute, c, u, key, "set(bytes)", h.secret(24)))
	cur := h.contract[c]
	codeHash := compat.Keccak256(cur.code)
	check := func(req enclave.CheckStateRequest) error {
		r, err := h.Worker.CheckState(h.ctx, &req)
		if err == nil {
			h.record(enclave.TypeCheckStateResponse, r)
		}
		return err
	}
	good := enclave.CheckStateRequest{Contract: c, CodeHash: codeHash, DeltaIndex: cur.index, DeltaHash: cur.lastDelta, State: cur.state}
	if err := check(good); err != nil {
		t.Fatalf("the contract's own state at its last delta: %v", err)
	}
	if cur.index != 1 {
		t.Fatalf("the state after one changing task is at delta %d, want 1", cur.index)
	}

	req := good
	req.State = h.contract[other].state
	wantCode(t, check(req), api.CodeTampered)
	req = good
	req.State = append([]byte(nil), cur.state...)
	req.State[len(req.State)/2] ^= 1
	wantCode(t, check(req), api.CodeTampered)
	req = good
	req.CodeHash = compat.Keccak256([]byte("other code"))
	wantCode(t, check(req), api.CodeTampered)
	req = good
	req.Contract = other // the contract it names, not the state's
	wantCode(t, check(req), api.CodeTampered)

	req = good
	req.State = stale.state // a genuine state, one delta behind
	wantCode(t, check(req), api.CodeConflict)
	req = good
	req.DeltaIndex = 0
	wantCode(t, check(req), api.CodeConflict)
	req = good
	req.DeltaHash = stale.lastDelta
	wantCode(t, check(req), api.CodeConflict)

	req = good
	req.Contract = api.Hash{0xee} // no key installed
	wantCode(t, check(req), api.CodeNotFound)
}

// testPeerIdentity: the enclave answers a peer's challenge with its
// registered signing key over the domain-separated PeerIdentityHash, bound
// to the chain, the Enigma contract, the nonce and the transport its host
// names.
func testPeerIdentity(t *testing.T, h *host) {
	var nonce [32]byte
	rand.Read(nonce[:])
	req := &enclave.PeerIdentityRequest{ChainID: 1337, EnigmaContract: api.EthAddress{5}, Nonce: nonce, Transport: []byte("http://127.0.0.1:3401")}
	r, err := h.Worker.PeerIdentity(h.ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	h.record(enclave.TypePeerIdentityResponse, r)
	if r.Signer != h.worker {
		t.Fatalf("answers as %s, want the registered signer %s", r.Signer, h.worker)
	}
	got, err := compat.Recover(enclave.PeerIdentityHash(req.ChainID, req.EnigmaContract, nonce, req.Transport), r.Signature[:])
	if err != nil || api.EthAddress(got) != h.worker {
		t.Fatalf("the signature recovers to %x (%v), want %s", got, err, h.worker)
	}
	for name, other := range map[string]api.Hash{
		"another transport": enclave.PeerIdentityHash(req.ChainID, req.EnigmaContract, nonce, []byte("http://127.0.0.1:3402")),
		"another nonce":     enclave.PeerIdentityHash(req.ChainID, req.EnigmaContract, [32]byte{1}, req.Transport),
		"another chain":     enclave.PeerIdentityHash(1, req.EnigmaContract, nonce, req.Transport),
		"another contract":  enclave.PeerIdentityHash(req.ChainID, api.EthAddress{6}, nonce, req.Transport),
	} {
		if compat.Verify([20]byte(h.worker), other, r.Signature[:]) {
			t.Fatalf("the answer also passes for %s", name)
		}
	}
	req.Transport = make([]byte, enclave.MaxPeerTransport+1)
	_, err = h.Worker.PeerIdentity(h.ctx, req)
	wantCode(t, err, api.CodeInvalidInput)
}
