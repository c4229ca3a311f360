package client

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/crypto/envelope"
	"github.com/enigma-go/enigma/internal/selection"
)

// Secret queries (docs/protocol/queries.md): a read-only call of a
// contract's query function, answered by the selected worker from the
// contract's current state, with no chain transaction and no fee. The
// client seals the call to the worker's epoch key with the account as
// caller, signs it (EIP-712 SecretQuery), and opens the answer, which only
// it can read.

// QueryOptions adjust a query.
type QueryOptions struct {
	// Expiry is how long the query stays valid from when it is signed;
	// 0 means DefaultQueryExpiry. Workers refuse more than MaxQueryExpiry.
	Expiry time.Duration
	// GasLimit caps the query's gas; 0 takes the worker's cap.
	GasLimit uint64
}

// DefaultQueryExpiry is a query's expiry unless QueryOptions say otherwise.
const DefaultQueryExpiry = 5 * time.Minute

// MaxQueryExpiry is the longest expiry a worker accepts.
const MaxQueryExpiry = time.Hour

// QueryResult is a query's answer.
type QueryResult struct {
	Output  []byte // the function's ABI-encoded return values
	GasUsed uint64
	Worker  common.Address // the worker that answered
	Epoch   uint64         // the epoch (first block) it answered in
}

// QueryFailed is the error of a query the contract's function failed: it
// returned an error, trapped, ran out of gas, or tried to write state
// (Text is then "a query cannot write state"). Text is the failure's text,
// which only the caller can read.
type QueryFailed struct {
	Function string
	Text     string
	GasUsed  uint64
}

func (e *QueryFailed) Error() string {
	return fmt.Sprintf("client: query %s failed: %s", e.Function, e.Text)
}

// ReadOnly reports whether the function failed because it tried to change
// the state or call Ethereum, which a query cannot.
func (e *QueryFailed) ReadOnly() bool { return strings.Contains(e.Text, "a query cannot write state") }

// Query calls the query function fnSig (e.g. "balanceOf(address)") of the
// secret contract at contractAddr with args, ABI-encoded, as the client's
// account, and returns its return values. The function must be marked as a
// query in the contract (contract.Query); it reads the state the selected
// worker holds. Errors: *QueryFailed when the function failed; an
// api.Error with the code the network gave otherwise (CodeUnknownFunction:
// not a query function; CodeReplay, CodeExpired, CodeBadSignature, ...).
func (c *Client) Query(ctx context.Context, contractAddr api.ContractAddress, fnSig string, args ...any) (*QueryResult, error) {
	return c.QueryWith(ctx, QueryOptions{}, contractAddr, fnSig, args...)
}

// QueryWith is Query with options.
func (c *Client) QueryWith(ctx context.Context, o QueryOptions, contractAddr api.ContractAddress, fnSig string, args ...any) (*QueryResult, error) {
	if !strings.Contains(fnSig, "(") || !strings.HasSuffix(fnSig, ")") {
		return nil, api.Errorf(api.CodeInvalidInput, "client: %q is not a function signature like \"balanceOf(address)\"", fnSig)
	}
	if o.Expiry == 0 {
		o.Expiry = DefaultQueryExpiry
	}
	if o.Expiry < time.Second || o.Expiry > MaxQueryExpiry {
		return nil, api.Errorf(api.CodeInvalidInput, "client: a query's expiry must be between 1s and %s, got %s", MaxQueryExpiry, o.Expiry)
	}
	encoded, err := encodeArgs(fnSig, args)
	if err != nil {
		return nil, err
	}
	payload := envelope.EncodeCall(fnSig, encoded)
	codeHash, err := c.contractCodeHash(ctx, contractAddr)
	if err != nil {
		return nil, err
	}
	down := &nodeRetry{c: c}
	for attempt := 0; ; {
		q, err := c.sealQuery(ctx, o, contractAddr, codeHash, payload)
		if err == nil {
			var res *QueryResult
			if res, err = c.sendQuery(ctx, q, fnSig); err == nil {
				return res, nil
			}
			var failed *QueryFailed
			if errors.As(err, &failed) {
				return nil, err
			}
		}
		switch {
		case api.CodeOf(err) == api.CodeWrongEpoch && attempt < maxEpochRetries:
			// The worker moved to another epoch key: sealed again (a
			// new nonce, a new request) for the epoch the chain has now.
			c.log.Info("the worker refused the query's epoch; sealing it again", "err", err)
			c.forgetEpoch()
			attempt++
			continue
		case down.again(ctx, err):
			continue
		case api.CodeOf(err) == api.CodeUnknownFunction && !strings.Contains(err.Error(), "no query functions"):
			return nil, api.Errorf(api.CodeUnknownFunction, "client: %s is not a query function of contract %s: %w", fnSig, contractAddr, err)
		}
		return nil, err
	}
}

// sealedQuery is a query ready to send, with what opens its answer.
type sealedQuery struct {
	params map[string]any
	worker common.Address
	rk     envelope.ResponseKey
	ctx    envelope.Context
}

// sealQuery selects the worker, gets its epoch key, picks a nonce, seals
// the call and signs the query.
func (c *Client) sealQuery(ctx context.Context, o QueryOptions, sc api.ContractAddress, codeHash [32]byte, payload []byte) (*sealedQuery, error) {
	params, err := c.cachedEpochParams(ctx)
	if err != nil {
		return nil, err
	}
	worker, err := selection.SelectOne(params, sc)
	if err != nil {
		return nil, api.Errorf(api.CodeUnavailable, "client: select the worker of %s in the epoch of block %d: %v (are workers logged in?)", sc, params.FirstBlock, err)
	}
	pub, err := c.cachedEpochKey(ctx, worker, params.FirstBlock)
	if err != nil {
		return nil, err
	}
	var nb [8]byte
	if _, err := rand.Read(nb[:]); err != nil {
		return nil, fmt.Errorf("client: pick a query nonce: %w", err)
	}
	nonce := binary.BigEndian.Uint64(nb[:])
	enigma := c.enigma.Addresses().Enigma
	qc := envelope.Context{ChainID: c.chainID, EnigmaContract: enigma, SecretContract: sc, CodeHash: codeHash,
		Epoch: params.FirstBlock, Sender: c.account.Address, TaskNonce: nonce}
	msg, rk, err := envelope.SealQuery(pub, qc, payload, envelope.Options{Pad: c.cfg.PadV2})
	if err != nil {
		return nil, fmt.Errorf("client: seal the query: %w", err)
	}
	expiry := uint64(time.Now().Add(o.Expiry).Unix())
	sig, err := c.signQuery(ctx, sc, msg, expiry)
	if err != nil {
		return nil, err
	}
	p := map[string]any{"contractAddress": hexNo0x(sc[:]), "workerAddress": hexNo0x(worker[:]), "caller": hexNo0x(c.account.Address[:]),
		"nonce": nonce, "request": hex.EncodeToString(msg), "expiry": expiry, "signature": hex.EncodeToString(sig[:])}
	if o.GasLimit > 0 {
		p["gasLimit"] = o.GasLimit
	}
	return &sealedQuery{params: p, worker: worker, rk: rk, ctx: qc}, nil
}

// signQuery signs the query's EIP-712 digest: with the account's key, or
// by the node that holds the account (eth_signTypedData_v4), checked to
// recover to the account.
func (c *Client) signQuery(ctx context.Context, sc api.ContractAddress, msg []byte, expiry uint64) ([65]byte, error) {
	enigma := c.enigma.Addresses().Enigma
	rh := envelope.QueryRequestHash(msg)
	digest := envelope.QueryDigest(c.chainID, enigma, sc, rh, expiry)
	if c.account.Key != nil {
		sig, err := compat.Sign(c.account.Key, digest)
		if err != nil {
			return sig, fmt.Errorf("client: sign the query: %w", err)
		}
		return sig, nil
	}
	var out hexutil.Bytes
	err := c.chain.Eth().Client().CallContext(ctx, &out, "eth_signTypedData_v4", c.account.Address, QueryTypedData(c.chainID, enigma, sc, rh, expiry))
	if err != nil {
		return [65]byte{}, api.Errorf(api.CodeUnavailable, "client: the node did not sign the query for %s (eth_signTypedData_v4; does it hold that account, unlocked? or pass a key): %v", c.account.Address, err)
	}
	if len(out) != 65 || !compat.Verify(c.account.Address, digest, out) {
		return [65]byte{}, api.Errorf(api.CodeBadSignature, "client: the node's eth_signTypedData_v4 signature of the query does not recover to %s", c.account.Address)
	}
	return [65]byte(out), nil
}

// QueryTypedData is a query's EIP-712 typed data, as eth_signTypedData_v4
// and wallets take it: the SecretQuery of contract sc, the request's hash
// (envelope.QueryRequestHash) and the expiry, in the domain {Enigma, 2,
// chainID, enigma}.
func QueryTypedData(chainID uint64, enigma common.Address, sc api.ContractAddress, requestHash [32]byte, expiry uint64) map[string]any {
	field := func(name, typ string) map[string]string { return map[string]string{"name": name, "type": typ} }
	return map[string]any{
		"types": map[string]any{
			"EIP712Domain": []map[string]string{field("name", "string"), field("version", "string"),
				field("chainId", "uint256"), field("verifyingContract", "address")},
			"SecretQuery": []map[string]string{field("contract", "bytes32"), field("request", "bytes32"), field("expiry", "uint64")},
		},
		"primaryType": "SecretQuery",
		"domain": map[string]any{"name": envelope.QueryDomainName, "version": envelope.QueryDomainVersion,
			"chainId": chainID, "verifyingContract": enigma.Hex()},
		"message": map[string]any{"contract": "0x" + hex.EncodeToString(sc[:]), "request": "0x" + hex.EncodeToString(requestHash[:]),
			"expiry": expiry},
	}
}

// queryReply is v2_query's result.
type queryReply struct {
	Status   string `json:"status"`
	Response string `json:"response"`
	GasUsed  uint64 `json:"gasUsed"`
	Epoch    uint64 `json:"epoch"`
}

// sendQuery sends a sealed query and opens its answer.
func (c *Client) sendQuery(ctx context.Context, q *sealedQuery, fnSig string) (*QueryResult, error) {
	var r queryReply
	if err := c.gw.call(ctx, "v2_query", q.params, &r); err != nil {
		return nil, err
	}
	resp, err := hex.DecodeString(strings.TrimPrefix(r.Response, "0x"))
	if err != nil {
		return nil, api.Errorf(api.CodeTampered, "client: the query's answer is not hex: %v", err)
	}
	out, err := envelope.OpenResponse(q.rk, q.ctx, resp)
	if err != nil {
		return nil, fmt.Errorf("client: the query's answer does not open with its key (altered, or another query's): %w", err)
	}
	switch r.Status {
	case "ok":
		return &QueryResult{Output: out, GasUsed: r.GasUsed, Worker: q.worker, Epoch: r.Epoch}, nil
	case "failed":
		return nil, &QueryFailed{Function: fnSig, Text: string(out), GasUsed: r.GasUsed}
	}
	return nil, api.Errorf(api.CodeUnknown, "client: the query's answer has status %q, neither ok nor failed", r.Status)
}
