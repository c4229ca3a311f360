package worker_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/crypto/envelope"
	"github.com/enigma-go/enigma/internal/enclave/testcontract"
	"github.com/enigma-go/enigma/internal/workerapi"
)

// querier builds secret queries of one caller as a client does.
type querier struct {
	n      *network
	caller *ecdsa.PrivateKey
	addr   api.EthAddress
	nonce  uint64
}

type sealedQuery struct {
	req *workerapi.QueryRequest
	rk  envelope.ResponseKey
	ctx envelope.Context
}

// query seals fn(args) to worker w's current epoch key for contract sc
// (whose code is code) and signs it, expiring in 5 minutes.
func (q *querier) query(ctx context.Context, w api.EthAddress, sc api.ContractAddress, code []byte, fn string, args []byte) *sealedQuery {
	t := q.n.t
	t.Helper()
	ek, err := q.n.router.EpochKey(ctx, w)
	if err != nil {
		t.Fatal(err)
	}
	q.nonce++
	c := envelope.Context{ChainID: q.n.enigma.Client().ChainID().Uint64(), EnigmaContract: q.n.enigma.Addresses().Enigma,
		SecretContract: sc, CodeHash: compat.Keccak256(code), Epoch: ek.Epoch, Sender: common.Address(q.addr), TaskNonce: q.nonce}
	msg, rk, err := envelope.SealQuery(ek.PublicKey, c, envelope.EncodeCall(fn, args), envelope.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := &workerapi.QueryRequest{Worker: w, ContractAddress: sc, Caller: q.addr, Nonce: q.nonce, Request: msg,
		Expiry: uint64(time.Now().Add(5 * time.Minute).Unix())}
	q.sign(r, q.caller)
	return &sealedQuery{req: r, rk: rk, ctx: c}
}

func (q *querier) sign(r *workerapi.QueryRequest, key *ecdsa.PrivateKey) {
	d := envelope.QueryDigest(q.n.enigma.Client().ChainID().Uint64(), q.n.enigma.Addresses().Enigma, r.ContractAddress,
		envelope.QueryRequestHash(r.Request), r.Expiry)
	sig, err := compat.Sign(key, d)
	if err != nil {
		q.n.t.Fatal(err)
	}
	r.Signature = sig
}

// ask sends the query and opens its answer.
func (q *querier) ask(ctx context.Context, s *sealedQuery) (*workerapi.QueryResult, []byte) {
	t := q.n.t
	t.Helper()
	res, err := q.n.router.Query(ctx, s.req)
	if err != nil {
		t.Fatalf("query: %v", err)
	}
	out, err := envelope.OpenResponse(s.rk, s.ctx, res.Response)
	if err != nil {
		t.Fatalf("the caller cannot open the answer: %v", err)
	}
	return res, out
}

func wantQueryCode(t *testing.T, what string, err error, code api.Code) {
	t.Helper()
	if api.CodeOf(err) != code {
		t.Fatalf("%s: %v (code %d), want code %d", what, err, api.CodeOf(err), code)
	}
}

func TestQueries(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	n := startNetwork(t, ctx, 2)
	user, _ := compat.GenerateKey(rand.Reader)
	code := testcontract.QueryContract()
	dep, r, _, st := n.run(ctx, user, api.ContractAddress{}, code, "construct(bytes)", []byte("the secret"), 1_000_000)
	if r.Status != api.StatusSuccess || st != 2 {
		t.Fatalf("deploy: %s, %d", r.Status, st)
	}
	sc := dep.contract
	sel := n.selected(ctx, sc)
	callerKey, _ := compat.GenerateKey(rand.Reader)
	q := &querier{n: n, caller: callerKey, addr: api.EthAddress(compat.Address(&callerKey.PublicKey))}
	storeOf := func(a api.EthAddress) int {
		for i, w := range n.workers {
			if w.Signer() == a {
				return i
			}
		}
		t.Fatalf("no worker %s", a)
		return -1
	}
	before, err := n.stores[storeOf(sel)].State(ctx, sc)
	if err != nil {
		t.Fatal(err)
	}

	res, out := q.ask(ctx, q.query(ctx, sel, sc, code, "get()", nil))
	if res.Status != workerapi.QueryOK || string(out) != "the secret" || res.GasUsed == 0 || res.Epoch == 0 {
		t.Fatalf("get: %+v %q", res, out)
	}
	if _, out := q.ask(ctx, q.query(ctx, sel, sc, code, "caller()", nil)); !bytes.Equal(out, q.addr[:]) {
		t.Fatalf("caller: %x", out)
	}

	// Replayed: refused, whether sent again through the router or straight
	// to the worker.
	s := q.query(ctx, sel, sc, code, "get()", nil)
	q.ask(ctx, s)
	_, err = n.router.Query(ctx, s.req)
	wantQueryCode(t, "replayed", err, api.CodeReplay)

	// Expired, or signed for more than an hour.
	s = q.query(ctx, sel, sc, code, "get()", nil)
	s.req.Expiry = uint64(time.Now().Add(-time.Second).Unix())
	q.sign(s.req, callerKey)
	_, err = n.router.Query(ctx, s.req)
	wantQueryCode(t, "expired", err, api.CodeExpired)
	s.req.Expiry = uint64(time.Now().Add(2 * time.Hour).Unix())
	q.sign(s.req, callerKey)
	_, err = n.router.Query(ctx, s.req)
	wantQueryCode(t, "far expiry", err, api.CodeExpired)
	if !strings.Contains(err.Error(), "more than 1h ahead") {
		t.Fatalf("far expiry: %v", err)
	}

	// Forged: signed by another key; the caller named is not the signer.
	other, _ := compat.GenerateKey(rand.Reader)
	s = q.query(ctx, sel, sc, code, "get()", nil)
	q.sign(s.req, other)
	_, err = n.router.Query(ctx, s.req)
	wantQueryCode(t, "forged", err, api.CodeBadSignature)
	s = q.query(ctx, sel, sc, code, "get()", nil)
	s.req.Caller = api.EthAddress(compat.Address(&other.PublicKey))
	_, err = n.router.Query(ctx, s.req)
	wantQueryCode(t, "caller mismatch", err, api.CodeBadSignature)

	// Tampered (signed again over the altered bytes): only the enclave can tell.
	s = q.query(ctx, sel, sc, code, "get()", nil)
	s.req.Request[len(s.req.Request)-3] ^= 1
	q.sign(s.req, callerKey)
	_, err = n.router.Query(ctx, s.req)
	wantQueryCode(t, "tampered", err, api.CodeTampered)
	// and, once refused, it may be sent again (no answer was given).
	_, err = n.router.Query(ctx, s.req)
	wantQueryCode(t, "tampered again", err, api.CodeTampered)

	// Sealed to the worker not selected for the contract.
	var notSel api.EthAddress
	for _, w := range n.workers {
		if w.Signer() != sel {
			notSel = w.Signer()
		}
	}
	_, err = n.router.Query(ctx, q.query(ctx, notSel, sc, code, "get()", nil).req)
	wantQueryCode(t, "not selected", err, api.CodeNotSelected)

	// Another epoch in the header.
	s = q.query(ctx, sel, sc, code, "get()", nil)
	s.req.Request[13] ^= 1
	q.sign(s.req, callerKey)
	_, err = n.router.Query(ctx, s.req)
	wantQueryCode(t, "wrong epoch", err, api.CodeWrongEpoch)

	// More gas than the cap; a task request in place of a query.
	s = q.query(ctx, sel, sc, code, "get()", nil)
	s.req.GasLimit = n.cfgs[0].QueryGasLimit + 1
	_, err = n.router.Query(ctx, s.req)
	wantQueryCode(t, "over the cap", err, api.CodeInvalidInput)
	s = q.query(ctx, sel, sc, code, "get()", nil)
	s.req.Request[5] = envelope.TypeRequest
	q.sign(s.req, callerKey)
	_, err = n.router.Query(ctx, s.req)
	wantQueryCode(t, "a task request", err, api.CodeBadEnvelope)

	// Not a query function; a write; out of the gas asked for.
	_, err = n.router.Query(ctx, q.query(ctx, sel, sc, code, "store(bytes)", []byte("x")).req)
	wantQueryCode(t, "not a query function", err, api.CodeUnknownFunction)
	res, out = q.ask(ctx, q.query(ctx, sel, sc, code, "write(bytes)", []byte("overwritten")))
	if res.Status != workerapi.QueryFailed || string(out) != "a query cannot write state" {
		t.Fatalf("write: %+v %q", res, out)
	}
	s = q.query(ctx, sel, sc, code, "loop()", nil)
	s.req.GasLimit = 300_000
	res, out = q.ask(ctx, s)
	if res.Status != workerapi.QueryFailed || res.GasUsed != 300_000 || !strings.Contains(string(out), "out of gas") {
		t.Fatalf("loop: %+v %q", res, out)
	}

	// A contract that is not deployed.
	ghost := api.ContractAddress{0x60, 0x57}
	_, err = n.router.Query(ctx, q.query(ctx, n.selected(ctx, ghost), ghost, code, "get()", nil).req)
	wantQueryCode(t, "not deployed", err, api.CodeNotFound)

	// Nothing of it reached the chain or the state: the caller created no
	// task, and the contract's state and delta are as before.
	if nonce, err := n.enigma.UserTaskDeployments(ctx, common.Address(q.addr)); err != nil || nonce.Sign() != 0 {
		t.Fatalf("the caller's task count %v, %v", nonce, err)
	}
	after, err := n.stores[storeOf(sel)].State(ctx, sc)
	if err != nil || after.Hash != before.Hash || !bytes.Equal(after.Data, before.Data) {
		t.Fatalf("the contract's state changed: %v", err)
	}
	if _, out := q.ask(ctx, q.query(ctx, sel, sc, code, "get()", nil)); string(out) != "the secret" {
		t.Fatalf("after the refused write: %q", out)
	}
}
