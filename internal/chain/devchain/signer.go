package devchain

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
)

// txBackend is the part of the chain the signer needs to complete and send
// a transaction. *ethclient.Client over the node's in-process RPC has it.
type txBackend interface {
	PendingNonceAt(ctx context.Context, account common.Address) (uint64, error)
	EstimateGas(ctx context.Context, msg ethereum.CallMsg) (uint64, error)
	SuggestGasTipCap(ctx context.Context) (*big.Int, error)
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	SendTransaction(ctx context.Context, tx *types.Transaction) error
	CallContract(ctx context.Context, msg ethereum.CallMsg, block *big.Int) ([]byte, error)
}

// signer holds the dev accounts' keys and answers the account methods that
// geth only serves from unlocked keystores. It is registered on the node
// after the eth service, and geth's RPC registry lets a later registration
// of a method in a namespace replace the earlier one, so these methods win
// while the rest of eth_ stays geth's.
type signer struct {
	chainID *big.Int
	order   []common.Address
	keys    map[common.Address]*ecdsa.PrivateKey

	mu      sync.Mutex
	backend txBackend // set once the node runs
	locks   map[common.Address]*sync.Mutex
	// next is the nonce after the last one this signer sent per account:
	// the pool's pending nonce is updated asynchronously after a send, so
	// two quick sends could otherwise read the same one.
	next map[common.Address]uint64
	// rejectReverts is Config.RejectReverts.
	rejectReverts bool
}

func newSigner(chainID uint64, accs []DevAccount) *signer {
	s := &signer{
		chainID: new(big.Int).SetUint64(chainID),
		keys:    make(map[common.Address]*ecdsa.PrivateKey, len(accs)),
		locks:   make(map[common.Address]*sync.Mutex, len(accs)),
		next:    make(map[common.Address]uint64, len(accs)),
	}
	for _, a := range accs {
		s.order = append(s.order, a.Address)
		s.keys[a.Address] = a.Key
		s.locks[a.Address] = new(sync.Mutex)
	}
	return s
}

func (s *signer) setBackend(b txBackend) {
	s.mu.Lock()
	s.backend = b
	s.mu.Unlock()
}

// forgetNonces drops the nonces this signer handed out, after the chain
// went back and the pool with it.
func (s *signer) forgetNonces() {
	s.mu.Lock()
	clear(s.next)
	s.mu.Unlock()
}

func (s *signer) getBackend() (txBackend, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.backend == nil {
		return nil, errors.New("the dev chain is still starting; retry in a moment")
	}
	return s.backend, nil
}

func (s *signer) key(addr common.Address) (*ecdsa.PrivateKey, error) {
	k, ok := s.keys[addr]
	if !ok {
		return nil, fmt.Errorf("unknown account %s: this node signs only for its dev accounts (see eth_accounts); sign locally and use eth_sendRawTransaction", addr.Hex())
	}
	return k, nil
}

// signText signs with the EIP-191 personal-message prefix and returns
// r||s||v with v in {27, 28}, exactly as geth's eth_sign does.
func (s *signer) signText(addr common.Address, data []byte) (hexutil.Bytes, error) {
	return s.signHash(addr, accounts.TextHash(data))
}

func (s *signer) signHash(addr common.Address, hash []byte) (hexutil.Bytes, error) {
	k, err := s.key(addr)
	if err != nil {
		return nil, err
	}
	sig, err := crypto.Sign(hash, k)
	if err != nil {
		return nil, err
	}
	sig[64] += 27
	return sig, nil
}

// TxArgs are the fields of eth_sendTransaction and eth_signTransaction.
// Missing nonce, gas and fee fields are filled in; gasPrice alone selects a
// legacy transaction, otherwise an EIP-1559 one is built.
type TxArgs struct {
	From                 *common.Address   `json:"from"`
	To                   *common.Address   `json:"to"`
	Gas                  *hexutil.Uint64   `json:"gas"`
	GasPrice             *hexutil.Big      `json:"gasPrice"`
	MaxFeePerGas         *hexutil.Big      `json:"maxFeePerGas"`
	MaxPriorityFeePerGas *hexutil.Big      `json:"maxPriorityFeePerGas"`
	Value                *hexutil.Big      `json:"value"`
	Nonce                *hexutil.Uint64   `json:"nonce"`
	Data                 *hexutil.Bytes    `json:"data"`
	Input                *hexutil.Bytes    `json:"input"`
	AccessList           *types.AccessList `json:"accessList,omitempty"`
	ChainID              *hexutil.Big      `json:"chainId,omitempty"`
	Type                 *hexutil.Uint64   `json:"type,omitempty"`
}

func (a *TxArgs) data() ([]byte, error) {
	switch {
	case a.Data != nil && a.Input != nil && !bytes.Equal(*a.Data, *a.Input):
		return nil, errors.New(`both "data" and "input" are set and differ; send only "input"`)
	case a.Input != nil:
		return *a.Input, nil
	case a.Data != nil:
		return *a.Data, nil
	}
	return nil, nil
}

// signTx completes args and signs them. With reserve set it takes the
// account's nonce lock and returns a release func to call after sending, so
// concurrent sends from one account get consecutive nonces.
func (s *signer) signTx(ctx context.Context, args TxArgs, reserve bool) (*types.Transaction, func(sent bool), error) {
	if args.From == nil {
		return nil, nil, errors.New(`"from" is missing: name one of eth_accounts`)
	}
	from := *args.From
	key, err := s.key(from)
	if err != nil {
		return nil, nil, err
	}
	if args.ChainID != nil && args.ChainID.ToInt().Cmp(s.chainID) != 0 {
		return nil, nil, fmt.Errorf("chainId %v does not match this chain's %v", args.ChainID.ToInt(), s.chainID)
	}
	b, err := s.getBackend()
	if err != nil {
		return nil, nil, err
	}
	data, err := args.data()
	if err != nil {
		return nil, nil, err
	}
	value := new(big.Int)
	if args.Value != nil {
		value = args.Value.ToInt()
	}

	release := func(bool) {}
	var nonce uint64
	if args.Nonce != nil {
		nonce = uint64(*args.Nonce)
	} else {
		lock := s.locks[from]
		lock.Lock()
		pending, err := b.PendingNonceAt(ctx, from)
		if err != nil {
			lock.Unlock()
			return nil, nil, fmt.Errorf("read the pending nonce of %s: %w", from.Hex(), err)
		}
		s.mu.Lock()
		nonce = max(pending, s.next[from])
		s.mu.Unlock()
		if reserve {
			release = func(sent bool) {
				if sent {
					s.mu.Lock()
					s.next[from] = nonce + 1
					s.mu.Unlock()
				}
				lock.Unlock()
			}
		} else {
			lock.Unlock()
		}
	}
	tx, err := s.build(ctx, b, args, from, nonce, value, data)
	if err == nil {
		tx, err = types.SignTx(tx, types.LatestSignerForChainID(s.chainID), key)
	}
	if err != nil {
		release(false)
		return nil, nil, err
	}
	return tx, release, nil
}

func (s *signer) build(ctx context.Context, b txBackend, args TxArgs, from common.Address, nonce uint64, value *big.Int, data []byte) (*types.Transaction, error) {
	legacy := args.GasPrice != nil && args.MaxFeePerGas == nil && args.MaxPriorityFeePerGas == nil
	if args.Type != nil {
		switch *args.Type {
		case types.LegacyTxType, types.AccessListTxType:
			legacy = true
		case types.DynamicFeeTxType:
			legacy = false
		default:
			return nil, fmt.Errorf("transaction type %d is not supported here; use 0, 1 or 2", uint64(*args.Type))
		}
	}
	if legacy && (args.MaxFeePerGas != nil || args.MaxPriorityFeePerGas != nil) {
		return nil, errors.New("a legacy transaction takes gasPrice, not maxFeePerGas/maxPriorityFeePerGas")
	}
	if !legacy && args.GasPrice != nil {
		return nil, errors.New("an EIP-1559 transaction takes maxFeePerGas/maxPriorityFeePerGas, not gasPrice")
	}
	var accessList types.AccessList
	if args.AccessList != nil {
		accessList = *args.AccessList
	}

	head, err := b.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("read the head block: %w", err)
	}
	baseFee := head.BaseFee
	if baseFee == nil {
		baseFee = new(big.Int)
	}
	var gasPrice, tip, feeCap *big.Int
	if legacy {
		if args.GasPrice != nil {
			gasPrice = args.GasPrice.ToInt()
		} else {
			t, err := b.SuggestGasTipCap(ctx)
			if err != nil {
				return nil, fmt.Errorf("suggest a gas price: %w", err)
			}
			gasPrice = new(big.Int).Add(t, new(big.Int).Mul(baseFee, big.NewInt(2)))
		}
		if gasPrice.Cmp(baseFee) < 0 {
			return nil, fmt.Errorf("gasPrice %v wei is below the current base fee %v wei, so the transaction could not be mined; raise gasPrice or omit it", gasPrice, baseFee)
		}
	} else {
		if args.MaxPriorityFeePerGas != nil {
			tip = args.MaxPriorityFeePerGas.ToInt()
		} else if tip, err = b.SuggestGasTipCap(ctx); err != nil {
			return nil, fmt.Errorf("suggest a priority fee: %w", err)
		}
		if args.MaxFeePerGas != nil {
			feeCap = args.MaxFeePerGas.ToInt()
		} else {
			feeCap = new(big.Int).Add(tip, new(big.Int).Mul(baseFee, big.NewInt(2)))
		}
		if feeCap.Cmp(tip) < 0 {
			return nil, fmt.Errorf("maxFeePerGas %v is below maxPriorityFeePerGas %v", feeCap, tip)
		}
	}

	var gas uint64
	if args.Gas != nil {
		gas = uint64(*args.Gas)
	} else {
		gas, err = b.EstimateGas(ctx, ethereum.CallMsg{From: from, To: args.To, Value: value, Data: data, AccessList: accessList})
		if err != nil {
			return nil, fmt.Errorf("estimate gas: %w", err)
		}
	}

	switch {
	case legacy && len(accessList) == 0 && (args.Type == nil || *args.Type == types.LegacyTxType):
		return types.NewTx(&types.LegacyTx{Nonce: nonce, GasPrice: gasPrice, Gas: gas, To: args.To, Value: value, Data: data}), nil
	case legacy:
		return types.NewTx(&types.AccessListTx{ChainID: s.chainID, Nonce: nonce, GasPrice: gasPrice, Gas: gas, To: args.To, Value: value, Data: data, AccessList: accessList}), nil
	default:
		return types.NewTx(&types.DynamicFeeTx{ChainID: s.chainID, Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap, Gas: gas, To: args.To, Value: value, Data: data, AccessList: accessList}), nil
	}
}

// ethAccountAPI is served in the eth namespace.
type ethAccountAPI struct{ s *signer }

// Accounts answers eth_accounts with the dev accounts, in derivation order.
func (a ethAccountAPI) Accounts() []common.Address {
	return append([]common.Address(nil), a.s.order...)
}

// SendTransaction answers eth_sendTransaction.
func (a ethAccountAPI) SendTransaction(ctx context.Context, args TxArgs) (common.Hash, error) {
	b, err := a.s.getBackend()
	if err != nil {
		return common.Hash{}, err
	}
	if a.s.rejectReverts && args.Gas != nil && args.From != nil {
		if err := preflight(ctx, b, args); err != nil {
			return common.Hash{}, err
		}
	}
	tx, release, err := a.s.signTx(ctx, args, true)
	if err != nil {
		return common.Hash{}, err
	}
	err = b.SendTransaction(ctx, tx)
	release(err == nil)
	if err != nil {
		return common.Hash{}, err
	}
	return tx.Hash(), nil
}

// preflight runs a transaction on the head state and returns ganache's
// error when it reverts (see Config.RejectReverts).
func preflight(ctx context.Context, b txBackend, args TxArgs) error {
	data, err := args.data()
	if err != nil {
		return err
	}
	msg := ethereum.CallMsg{From: *args.From, To: args.To, Gas: uint64(*args.Gas), Data: data}
	if args.Value != nil {
		msg.Value = args.Value.ToInt()
	}
	_, err = b.CallContract(ctx, msg, nil)
	if err == nil || !strings.Contains(err.Error(), "execution reverted") {
		return nil // not a revert (or one the node reports otherwise): let the node decide
	}
	reason := ""
	var de rpc.DataError
	if errors.As(err, &de) {
		if s, ok := de.ErrorData().(string); ok {
			if raw, derr := hexutil.Decode(s); derr == nil {
				reason, _ = abi.UnpackRevert(raw)
			}
		}
	}
	if reason == "" {
		return errors.New("VM Exception while processing transaction: revert")
	}
	return errors.New("VM Exception while processing transaction: revert " + reason)
}

// SignTransactionResult is what eth_signTransaction returns, as in geth.
type SignTransactionResult struct {
	Raw hexutil.Bytes      `json:"raw"`
	Tx  *types.Transaction `json:"tx"`
}

// SignTransaction answers eth_signTransaction: it fills and signs but does
// not send.
func (a ethAccountAPI) SignTransaction(ctx context.Context, args TxArgs) (*SignTransactionResult, error) {
	tx, _, err := a.s.signTx(ctx, args, false)
	if err != nil {
		return nil, err
	}
	raw, err := tx.MarshalBinary()
	if err != nil {
		return nil, err
	}
	return &SignTransactionResult{Raw: raw, Tx: tx}, nil
}

// Sign answers eth_sign(address, data) with an EIP-191 personal-message
// signature, v in {27, 28}.
func (a ethAccountAPI) Sign(addr common.Address, data hexutil.Bytes) (hexutil.Bytes, error) {
	return a.s.signText(addr, data)
}

// SignTypedData answers eth_signTypedData with an EIP-712 signature.
func (a ethAccountAPI) SignTypedData(addr common.Address, typed apitypes.TypedData) (hexutil.Bytes, error) {
	hash, _, err := apitypes.TypedDataAndHash(typed)
	if err != nil {
		return nil, fmt.Errorf("typed data: %w", err)
	}
	return a.s.signHash(addr, hash)
}

// SignTypedData_v4 answers eth_signTypedData_v4, the name wallets use.
//
//nolint:revive // the underscore is part of the JSON-RPC method name.
func (a ethAccountAPI) SignTypedData_v4(addr common.Address, typed apitypes.TypedData) (hexutil.Bytes, error) {
	return a.SignTypedData(addr, typed)
}

// personalAPI is served in the personal namespace.
type personalAPI struct{ s *signer }

// Sign answers personal_sign(data, address[, password]); the password is
// ignored because the dev accounts are always unlocked.
func (p personalAPI) Sign(data hexutil.Bytes, addr common.Address, _ *string) (hexutil.Bytes, error) {
	return p.s.signText(addr, data)
}

// ListAccounts answers personal_listAccounts.
func (p personalAPI) ListAccounts() []common.Address {
	return ethAccountAPI(p).Accounts()
}
