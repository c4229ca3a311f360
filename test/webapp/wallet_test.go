package webapp_test

import (
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
)

// wallet is the test's browser wallet: one account whose key it holds, a
// node it sends through (the devnet's chain), and the EIP-1193 methods a
// dapp calls. Like a wallet it refuses eth_sign (a raw hash could be a
// transaction) and only signs for its own account.
type wallet struct {
	key     *ecdsa.PrivateKey
	addr    common.Address
	chainID *big.Int
	rpc     *rpc.Client
	eth     *ethclient.Client

	sendMu sync.Mutex // one transaction at a time: each takes the next nonce

	mu       sync.Mutex
	requests []walletRequest
}

type walletRequest struct {
	Method string            `json:"method"`
	Params []json.RawMessage `json:"params"`
}

// walletError is an EIP-1193 error: 4001 the user refused, 4100 not
// authorised, -32602 bad params, -32603 internal; a node's errors keep
// their code and data (revert reasons).
type walletError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
	Data    any    `json:"data,omitempty"`
}

func (e *walletError) Error() string { return e.Message }

func newWallet(ctx context.Context, key *ecdsa.PrivateKey, chainURL string) (*wallet, error) {
	c, err := rpc.DialContext(ctx, chainURL)
	if err != nil {
		return nil, fmt.Errorf("wallet: dial the chain %s: %w", chainURL, err)
	}
	eth := ethclient.NewClient(c)
	id, err := eth.ChainID(ctx)
	if err != nil {
		c.Close()
		return nil, fmt.Errorf("wallet: chain id: %w", err)
	}
	return &wallet{key: key, addr: crypto.PubkeyToAddress(key.PublicKey), chainID: id, rpc: c, eth: eth}, nil
}

func (w *wallet) Close()                  { w.rpc.Close() }
func (w *wallet) Address() common.Address { return w.addr }

// Methods lists the methods the page asked for, in order.
func (w *wallet) Methods() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := make([]string, len(w.requests))
	for i, r := range w.requests {
		out[i] = r.Method
	}
	return out
}

// Count is how many times the page asked for each method.
func (w *wallet) Count() map[string]int {
	n := map[string]int{}
	for _, m := range w.Methods() {
		n[m]++
	}
	return n
}

// SawWord returns the method of a request whose params hold n as an ABI
// word (32 bytes, hex), as a plaintext call with n among its arguments
// would, or "".
func (w *wallet) SawWord(n uint64) string {
	word := hex.EncodeToString(common.LeftPadBytes(new(big.Int).SetUint64(n).Bytes(), 32))
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, r := range w.requests {
		for _, p := range r.Params {
			if strings.Contains(strings.ToLower(string(p)), word) {
				return r.Method
			}
		}
	}
	return ""
}

// Request serves one EIP-1193 request from the page (JSON of {method,
// params}) and answers JSON of {result} or {error}.
func (w *wallet) Request(ctx context.Context, reqJSON string) (string, error) {
	var req walletRequest
	if err := json.Unmarshal([]byte(reqJSON), &req); err != nil {
		return answer(nil, &walletError{Code: -32600, Message: "wallet: not a request: " + err.Error()})
	}
	w.mu.Lock()
	w.requests = append(w.requests, req)
	w.mu.Unlock()
	res, err := w.serve(ctx, req)
	return answer(res, err)
}

func answer(res any, err error) (string, error) {
	var out []byte
	if err != nil {
		var we *walletError
		if !errors.As(err, &we) {
			we = &walletError{Code: -32603, Message: err.Error()}
			var re rpc.Error
			if errors.As(err, &re) {
				we.Code = re.ErrorCode()
			}
			var de rpc.DataError
			if errors.As(err, &de) {
				we.Data = de.ErrorData()
			}
		}
		out, err = json.Marshal(map[string]any{"error": we})
	} else {
		out, err = json.Marshal(map[string]any{"result": res})
	}
	return string(out), err
}

func (w *wallet) serve(ctx context.Context, req walletRequest) (any, error) {
	switch req.Method {
	case "eth_requestAccounts", "eth_accounts":
		return []string{w.addr.Hex()}, nil
	case "eth_chainId":
		return hexutil.EncodeBig(w.chainID), nil
	case "net_version":
		return w.chainID.String(), nil
	case "eth_sign":
		return nil, &walletError{Code: 4200, Message: "wallet: eth_sign signs raw hashes, which could be transactions; use personal_sign or eth_signTypedData_v4"}
	case "personal_sign":
		var data hexutil.Bytes
		var who common.Address
		if err := params(req, &data, &who); err != nil {
			return nil, err
		}
		if err := w.mine(who); err != nil {
			return nil, err
		}
		return w.sign(accounts.TextHash(data))
	case "eth_signTypedData_v4":
		var who common.Address
		var raw string
		if err := params(req, &who, &raw); err != nil {
			return nil, err
		}
		if err := w.mine(who); err != nil {
			return nil, err
		}
		var td apitypes.TypedData
		if err := json.Unmarshal([]byte(raw), &td); err != nil {
			return nil, &walletError{Code: -32602, Message: "wallet: eth_signTypedData_v4: not typed data: " + err.Error()}
		}
		if td.Domain.ChainId == nil || (*big.Int)(td.Domain.ChainId).Cmp(w.chainID) != 0 {
			return nil, &walletError{Code: -32602, Message: fmt.Sprintf("wallet: the typed data is for chain %v, the wallet is on %v", td.Domain.ChainId, w.chainID)}
		}
		hash, _, err := apitypes.TypedDataAndHash(td)
		if err != nil {
			return nil, &walletError{Code: -32602, Message: "wallet: eth_signTypedData_v4: " + err.Error()}
		}
		return w.sign(hash)
	case "eth_sendTransaction":
		var tx apitypes.SendTxArgs
		if err := params(req, &tx); err != nil {
			return nil, err
		}
		return w.send(ctx, tx)
	case "eth_signTransaction", "personal_unlockAccount", "eth_sendRawTransaction":
		return nil, &walletError{Code: 4200, Message: "wallet: " + req.Method + " is not offered"}
	}
	// Reads go to the node.
	args := make([]any, len(req.Params))
	for i, p := range req.Params {
		args[i] = p
	}
	var res json.RawMessage
	if err := w.rpc.CallContext(ctx, &res, req.Method, args...); err != nil {
		return nil, err
	}
	return res, nil
}

func params(req walletRequest, into ...any) error {
	if len(req.Params) < len(into) {
		return &walletError{Code: -32602, Message: fmt.Sprintf("wallet: %s takes %d params, got %d", req.Method, len(into), len(req.Params))}
	}
	for i, p := range into {
		if err := json.Unmarshal(req.Params[i], p); err != nil {
			return &walletError{Code: -32602, Message: fmt.Sprintf("wallet: %s param %d: %v", req.Method, i, err)}
		}
	}
	return nil
}

func (w *wallet) mine(who common.Address) error {
	if who != w.addr {
		return &walletError{Code: 4100, Message: fmt.Sprintf("wallet: %s is not this wallet's account (%s)", who.Hex(), w.addr.Hex())}
	}
	return nil
}

// sign signs a 32-byte hash: r‖s‖v with v 27 or 28, as wallets answer.
func (w *wallet) sign(hash []byte) (string, error) {
	sig, err := crypto.Sign(hash, w.key)
	if err != nil {
		return "", err
	}
	sig[64] += 27
	return hexutil.Encode(sig), nil
}

// send signs and sends a transaction of the wallet's account, filling in
// what the page left out (nonce, gas, fees) as wallets do.
func (w *wallet) send(ctx context.Context, a apitypes.SendTxArgs) (string, error) {
	if err := w.mine(a.From.Address()); err != nil {
		return "", err
	}
	w.sendMu.Lock()
	defer w.sendMu.Unlock()
	nonce, err := w.eth.PendingNonceAt(ctx, w.addr)
	if err != nil {
		return "", err
	}
	var to *common.Address
	if a.To != nil {
		addr := a.To.Address()
		to = &addr
	}
	var data []byte
	if a.Data != nil {
		data = *a.Data
	} else if a.Input != nil {
		data = *a.Input
	}
	value := new(big.Int)
	if a.Value.ToInt() != nil {
		value = a.Value.ToInt()
	}
	gas := uint64(a.Gas)
	if gas == 0 {
		if gas, err = w.eth.EstimateGas(ctx, ethereum.CallMsg{From: w.addr, To: to, Value: value, Data: data}); err != nil {
			return "", err
		}
	}
	tip, err := w.eth.SuggestGasTipCap(ctx)
	if err != nil {
		return "", err
	}
	head, err := w.eth.HeaderByNumber(ctx, nil)
	if err != nil {
		return "", err
	}
	feeCap := new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2)))
	tx := types.NewTx(&types.DynamicFeeTx{ChainID: w.chainID, Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap, Gas: gas, To: to, Value: value, Data: data})
	signed, err := types.SignTx(tx, types.LatestSignerForChainID(w.chainID), w.key)
	if err != nil {
		return "", err
	}
	if err := w.eth.SendTransaction(ctx, signed); err != nil {
		return "", err
	}
	return signed.Hash().Hex(), nil
}
