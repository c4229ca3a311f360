package enclavetest

import (
	"bytes"
	"crypto/ecdsa"
	"strings"
	"testing"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/crypto/envelope"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/enclave/testcontract"
	"github.com/ethereum/go-ethereum/common"
)

// queryNow is the host's time in the suite's queries; their expiry is 5
// minutes later.
const (
	queryNow    = blockTime + 60
	queryExpiry = queryNow + 300
)

// querySetup deploys the query contract with a secret initial state and
// returns it with the worker's epoch key.
func (h *host) querySetup() (api.ContractAddress, []byte, []byte) {
	h.t.Helper()
	h.code = testcontract.QueryContract()
	init := h.secret(24)
	contract := h.deploy(h.newUser(), init)
	ek, err := h.Worker.EpochKey(h.ctx, &enclave.EpochKeyRequest{Epoch: epochBlock, ChainID: v2Chain, EnigmaContract: v2Enigma})
	if err != nil {
		h.t.Fatal(err)
	}
	h.record(enclave.TypeEpochKeyResponse, ek)
	return contract, ek.PublicKey, init
}

// secretQuery is a query as a client builds it: sealed, signed, with the
// key and context its answer opens with.
type secretQuery struct {
	req *enclave.QueryRequest
	rk  envelope.ResponseKey
	ctx envelope.Context
}

// query seals fn(args) as a query of caller to the epoch key pub and signs
// it with signer (normally the caller's key).
func (h *host) query(contract api.ContractAddress, pub []byte, signer *ecdsa.PrivateKey, nonce uint64, fn string, args []byte) *secretQuery {
	h.t.Helper()
	caller := api.EthAddress(compat.Address(&signer.PublicKey))
	cc := h.contract[contract]
	c := envelope.Context{ChainID: v2Chain, EnigmaContract: common.Address(v2Enigma), SecretContract: contract,
		CodeHash: compat.Keccak256(cc.code), Epoch: epochBlock, Sender: common.Address(caller), TaskNonce: nonce}
	msg, rk, err := envelope.SealQuery(pub, c, envelope.EncodeCall(fn, args), envelope.Options{})
	if err != nil {
		h.t.Fatal(err)
	}
	req := &enclave.QueryRequest{Contract: contract, Code: cc.code, State: cc.state, ChainID: v2Chain, EnigmaContract: v2Enigma,
		Epoch: epochBlock, Caller: caller, Nonce: nonce, Request: msg, Expiry: queryExpiry, GasLimit: gasLimit, Now: queryNow}
	h.signQuery(req, signer)
	return &secretQuery{req: req, rk: rk, ctx: c}
}

// signQuery signs the query's EIP-712 digest with key.
func (h *host) signQuery(req *enclave.QueryRequest, key *ecdsa.PrivateKey) {
	h.t.Helper()
	d := envelope.QueryDigest(req.ChainID, common.Address(req.EnigmaContract), req.Contract, envelope.QueryRequestHash(req.Request), req.Expiry)
	sig, err := compat.Sign(key, d)
	if err != nil {
		h.t.Fatal(err)
	}
	req.Signature = sig
}

// ask sends a query and opens its answer as the caller.
func (h *host) ask(q *secretQuery) (*enclave.QueryResponse, []byte) {
	h.t.Helper()
	r, err := h.Worker.Query(h.ctx, q.req)
	if err != nil {
		h.t.Fatalf("query: %v", err)
	}
	h.record(enclave.TypeQueryResponse, r)
	out, err := envelope.OpenResponse(q.rk, q.ctx, r.Response)
	if err != nil {
		h.t.Fatalf("the caller cannot open the answer: %v", err)
	}
	return r, out
}

func (h *host) queryErr(q *secretQuery) error {
	r, err := h.Worker.Query(h.ctx, q.req)
	if err == nil {
		h.record(enclave.TypeQueryResponse, r)
	}
	return err
}

func testQuery(t *testing.T, h *host) {
	contract, pub, init := h.querySetup()
	caller := h.newUser().priv
	before := bytes.Clone(h.contract[contract].state)

	r, out := h.ask(h.query(contract, pub, caller, 1, "get()", nil))
	if r.Status != enclave.TaskSuccess || r.FailureCode != 0 || !bytes.Equal(out, init) || r.GasUsed == 0 {
		t.Fatalf("get: status %d code %d out %x gas %d", r.Status, r.FailureCode, out, r.GasUsed)
	}
	r, out = h.ask(h.query(contract, pub, caller, 2, "caller()", nil))
	if want := compat.Address(&caller.PublicKey); r.Status != enclave.TaskSuccess || !bytes.Equal(out, want[:]) {
		t.Fatalf("caller: %x, want %x", out, want)
	}
	// The enclave keeps no replay set (the host does): the same query is
	// answered again, under the same key.
	q := h.query(contract, pub, caller, 3, "get()", nil)
	h.ask(q)
	if _, out := h.ask(q); !bytes.Equal(out, init) {
		t.Fatal("the same query answered differently")
	}
	// Nobody but the caller reads the answer: another query's key does not
	// open it.
	other := h.query(contract, pub, caller, 4, "get()", nil)
	r, _ = h.ask(q)
	if _, err := envelope.OpenResponse(other.rk, other.ctx, r.Response); err == nil {
		t.Fatal("another query's key opens the answer")
	}
	if !bytes.Equal(h.contract[contract].state, before) {
		t.Fatal("a query changed the host's state")
	}
	// A task still runs on the contract after queries: they did not touch it.
	key := h.taskKey(h.newUser())
	task := h.task(enclave.KindCompute, contract, h.newUser(), key, "get()", nil)
	if resp, err := h.Worker.Execute(h.ctx, task); err != nil || resp.Status != enclave.TaskFailure && resp.Status != enclave.TaskSuccess {
		t.Fatalf("task after queries: %v", err)
	}
}

func testQueryRefusals(t *testing.T, h *host) {
	contract, pub, _ := h.querySetup()
	caller, other := h.newUser().priv, h.newUser().priv
	otherAddr := api.EthAddress(compat.Address(&other.PublicKey))

	// Forged: signed by another key than the caller's.
	q := h.query(contract, pub, caller, 1, "get()", nil)
	h.signQuery(q.req, other)
	err := h.queryErr(q)
	wantCode(t, err, api.CodeBadSignature)
	if !strings.Contains(err.Error(), "the query's signature is not the caller's") {
		t.Fatalf("forged: %v", err)
	}
	q = h.query(contract, pub, caller, 1, "get()", nil)
	q.req.Signature[64] = 5
	wantCode(t, h.queryErr(q), api.CodeBadSignature)
	// A signature over other fields than those sent.
	for _, alter := range []func(r *enclave.QueryRequest){
		func(r *enclave.QueryRequest) { r.Expiry-- },
		func(r *enclave.QueryRequest) { r.ChainID++ },
		func(r *enclave.QueryRequest) { r.EnigmaContract[0] ^= 1 },
	} {
		q = h.query(contract, pub, caller, 1, "get()", nil)
		alter(q.req)
		wantCode(t, h.queryErr(q), api.CodeBadSignature)
	}
	// Caller mismatch: the caller named is not the signer.
	q = h.query(contract, pub, caller, 1, "get()", nil)
	q.req.Caller = otherAddr
	wantCode(t, h.queryErr(q), api.CodeBadSignature)
	// Signed by the caller named, but sealed for another sender.
	q = h.query(contract, pub, other, 1, "get()", nil)
	q.req.Caller = api.EthAddress(compat.Address(&caller.PublicKey))
	h.signQuery(q.req, caller)
	wantCode(t, h.queryErr(q), api.CodeTampered)

	// Tampered: an altered byte, another nonce or contract in the context
	// (each signed again, so only the envelope can tell).
	q = h.query(contract, pub, caller, 1, "get()", nil)
	q.req.Request[len(q.req.Request)-1] ^= 1
	h.signQuery(q.req, caller)
	wantCode(t, h.queryErr(q), api.CodeTampered)
	q = h.query(contract, pub, caller, 1, "get()", nil)
	q.req.Nonce++
	wantCode(t, h.queryErr(q), api.CodeTampered)
	// A task request is not a query.
	treq, _, _ := h.v2Task(enclave.KindCompute, contract, pub, api.EthAddress(compat.Address(&caller.PublicKey)), 1, "get()", nil)
	q = h.query(contract, pub, caller, 1, "get()", nil)
	q.req.Request = treq.EncryptedFn
	h.signQuery(q.req, caller)
	wantCode(t, h.queryErr(q), api.CodeBadEnvelope)

	// Wrong epoch: sealed for an epoch whose key the enclave does not hold.
	q = h.query(contract, pub, caller, 1, "get()", nil)
	q.req.Epoch = epochBlock + 1000
	wantCode(t, h.queryErr(q), api.CodeWrongEpoch)

	// Expired, or signed for too long.
	q = h.query(contract, pub, caller, 1, "get()", nil)
	q.req.Now = int64(q.req.Expiry) + 1
	wantCode(t, h.queryErr(q), api.CodeExpired)
	q = h.query(contract, pub, caller, 1, "get()", nil)
	q.req.Expiry = uint64(q.req.Now) + enclave.MaxQueryExpiry + 1
	h.signQuery(q.req, caller)
	wantCode(t, h.queryErr(q), api.CodeExpired)

	// Bad host requests.
	q = h.query(contract, pub, caller, 1, "get()", nil)
	q.req.GasLimit = 0
	wantCode(t, h.queryErr(q), api.CodeInvalidInput)
	q = h.query(contract, pub, caller, 1, "get()", nil)
	q.req.State = append(bytes.Clone(q.req.State[:len(q.req.State)-1]), q.req.State[len(q.req.State)-1]^1)
	wantCode(t, h.queryErr(q), api.CodeUnavailable)
}

func testQueryFunctions(t *testing.T, h *host) {
	contract, pub, _ := h.querySetup()
	caller := h.newUser().priv

	// Not a query function: a refusal that does not name the function
	// (its name travelled encrypted).
	err := h.queryErr(h.query(contract, pub, caller, 1, "set(bytes)", h.secret(8)))
	wantCode(t, err, api.CodeUnknownFunction)
	if strings.Contains(err.Error(), "set") {
		t.Fatalf("the refusal names the function: %v", err)
	}
	// Write attempts fail the query, with the text sealed to the caller.
	for _, fn := range []string{"write(bytes)", "bridge(bytes)"} {
		r, out := h.ask(h.query(contract, pub, caller, 2, fn, append(make([]byte, 20), h.secret(8)...)))
		if r.Status != enclave.TaskFailure || api.Code(r.FailureCode) != api.CodeReadOnly || string(out) != "a query cannot write state" {
			t.Fatalf("%s: status %d code %d text %q", fn, r.Status, r.FailureCode, out)
		}
	}
	// The gas cap: out of gas is a failure answer using the whole cap.
	q := h.query(contract, pub, caller, 3, "loop()", nil)
	q.req.GasLimit = 200_000
	r, out := h.ask(q)
	if r.Status != enclave.TaskFailure || api.Code(r.FailureCode) != api.CodeOutOfGas || r.GasUsed != 200_000 || !strings.Contains(string(out), "out of gas") {
		t.Fatalf("loop: status %d code %d gas %d text %q", r.Status, r.FailureCode, r.GasUsed, out)
	}

	// A contract without query functions.
	h.code = testcontract.Contract()
	plain := h.deploy(h.newUser(), []byte("x"))
	err = h.queryErr(h.query(plain, pub, caller, 4, "get()", nil))
	wantCode(t, err, api.CodeUnknownFunction)
	if !strings.Contains(err.Error(), "no query functions") {
		t.Fatalf("contract without queries: %v", err)
	}
	// No state key for the contract: the host must fetch it first.
	q = h.query(contract, pub, caller, 5, "get()", nil)
	q.req.Contract = api.Hash{0x77}
	h.signQuery(q.req, caller)
	if err := h.queryErr(q); err == nil {
		t.Fatal("a query of a contract without a state key was answered")
	}
}
