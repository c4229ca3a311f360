package sim

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"errors"
	"fmt"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/crypto/envelope"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/vm"
	"github.com/ethereum/go-ethereum/common"
)

// querySeedDomain derives a query's randomness (the VM's rand): unknown to
// the host, fixed for one query message.
const querySeedDomain = "enigma-go/enclave: query seed v1"

// errQueryNotAQueryFunction is what the host and the gateway see when the
// function is not a query function. It does not name the function: the
// name travelled encrypted, and the caller knows it.
const errQueryNotAQueryFunction = "the function called is not a query function of this contract: call one the contract marks as a query (contract.Query)"

// Query implements enclave.Enclave: docs/protocol/queries.md, "The
// enclave". Refusals the caller can act on are errors (expired, a
// signature that is not the caller's, a request that does not open, not a
// query function); everything the function itself does wrong is a sealed
// failure answer, so its text stays the caller's.
func (w *Worker) Query(ctx context.Context, req *enclave.QueryRequest) (*enclave.QueryResponse, error) {
	if err := checkQueryRequest(req); err != nil {
		return nil, err
	}
	requestHash := envelope.QueryRequestHash(req.Request)
	digest := envelope.QueryDigest(req.ChainID, common.Address(req.EnigmaContract), req.Contract, requestHash, req.Expiry)
	if signer, err := compat.Recover(digest, req.Signature[:]); err != nil || api.EthAddress(signer) != req.Caller {
		return nil, api.Errorf(api.CodeBadSignature, "the query's signature is not the caller's (%s): sign the EIP-712 SecretQuery of this request with the caller's key", req.Caller)
	}
	codeHash := compat.Keccak256(req.Code)
	c := envelope.Context{ChainID: req.ChainID, EnigmaContract: common.Address(req.EnigmaContract), SecretContract: req.Contract,
		CodeHash: codeHash, Epoch: req.Epoch, Sender: common.Address(req.Caller), TaskNonce: req.Nonce}
	payload, rk, err := w.ring.OpenQuery(c, req.Request)
	if err != nil {
		return nil, err
	}
	defer clear(payload)
	stateKey, ok := w.stateKey(req.Contract)
	if !ok {
		return nil, api.Errorf(api.CodeNotFound, "sim: this worker enclave holds no state key for contract %s: fetch it from the key manager first", req.Contract)
	}
	st, ok := decryptState(stateKey, req.Contract, codeHash, req.State)
	if !ok {
		return nil, api.Errorf(api.CodeUnavailable, "sim: the state passed for contract %s does not open under its state key with code %s: pass the contract's deployed code and its state", req.Contract, codeHash)
	}
	fn, args, err := envelope.DecodeCall(payload)
	if err != nil {
		return nil, api.Errorf(api.CodeInvalidInput, "the query's payload is not a call (EncodeCall of the function and its arguments): %v", err)
	}
	res, err := w.runQuery(ctx, req, vm.Request{Kind: vm.Query, Function: fn, Args: args, State: newOverlay(st.entries),
		GasLimit: req.GasLimit, Seed: querySeed(stateKey, requestHash), Time: time.Unix(req.Now, 0).UTC(), Caller: req.Caller})
	resp := &enclave.QueryResponse{Status: enclave.TaskSuccess, GasUsed: res.GasUsed}
	out := res.Output
	switch {
	case err != nil && ctx.Err() != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)):
		return nil, api.Errorf(api.CodeUnavailable, "sim: the query was interrupted before it finished: %v; send it again", ctx.Err())
	case api.CodeOf(err) == api.CodeUnknownFunction:
		return nil, api.Errorf(api.CodeUnknownFunction, "%s", unknownQueryText(err))
	case err != nil:
		resp.Status, resp.FailureCode, out = enclave.TaskFailure, uint32(api.CodeOf(err)), []byte(err.Error())
	}
	resp.Response, err = envelope.SealResponse(rk, c, out, w.cfg.rand(), envelope.Options{Pad: w.cfg.PadV2Responses})
	if err != nil {
		return nil, api.Errorf(api.CodeUnknown, "sim: seal the query's answer: %w", err)
	}
	return resp, nil
}

// unknownQueryText keeps the VM's text when it names no function (a
// contract without query functions), else says so without the name.
func unknownQueryText(err error) string {
	const none = "this contract has no query functions"
	if msg := err.Error(); len(msg) >= len(none) && msg[:len(none)] == none {
		return msg
	}
	return errQueryNotAQueryFunction
}

func checkQueryRequest(req *enclave.QueryRequest) error {
	switch {
	case req.GasLimit == 0:
		return api.Errorf(api.CodeInvalidInput, "sim: a query needs a gas limit of at least 1")
	case len(req.Code) == 0:
		return api.Errorf(api.CodeNotFound, "sim: contract %s is not deployed on this worker (no code)", req.Contract)
	case len(req.State) == 0:
		return api.Errorf(api.CodeInvalidInput, "sim: the query came without the contract's state; pass the encrypted state the worker holds")
	case req.Now < 0 || req.Expiry < uint64(req.Now):
		return api.Errorf(api.CodeExpired, "the query expired at %d (now %d): sign it again with a later expiry", req.Expiry, req.Now)
	case req.Expiry-uint64(req.Now) > enclave.MaxQueryExpiry:
		return api.Errorf(api.CodeExpired, "the query's expiry %d is more than %d s ahead of now (%d): sign it with an expiry at most 1 h ahead", req.Expiry, enclave.MaxQueryExpiry, req.Now)
	}
	return nil
}

// querySeed is HMAC(stateKey, domain ‖ keccak256(query message)).
func querySeed(stateKey [32]byte, requestHash [32]byte) [32]byte {
	m := hmac.New(sha256.New, stateKey[:])
	m.Write([]byte(querySeedDomain))
	m.Write(requestHash[:])
	return [32]byte(m.Sum(nil))
}

// runQuery runs the query function; a VM panic is the query's failure,
// as it is a task's.
func (w *Worker) runQuery(ctx context.Context, req *enclave.QueryRequest, r vm.Request) (res vm.Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			w.cfg.logger().Error("the VM panicked in a query", "contract", req.Contract, "panic", fmt.Sprint(p))
			res, err = vm.Result{}, api.Errorf(api.CodeUnknown, "internal error while running the query; it was not answered")
		}
	}()
	return w.cfg.Runner.Run(ctx, req.Code, r)
}
