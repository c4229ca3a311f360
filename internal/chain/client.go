package chain

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/enigma-go/enigma/api"
)

// maxTxGas is the per-transaction gas cap of Osaka (EIP-7825); estimates
// plus margin are clipped to it so the margin never makes a valid
// transaction invalid.
const maxTxGas = 1 << 24

// Client talks to one Ethereum node. It is safe for concurrent use.
type Client struct {
	cfg     Config
	log     *slog.Logger
	rpc     *rpc.Client
	eth     *ethclient.Client
	chainID *big.Int
	signer  types.Signer
	nonces  *NonceManager
	m       *metrics
	tm      *TxMetrics
	resend  *resender
}

// Dial connects to cfg.RPCURL and checks the chain id.
func Dial(ctx context.Context, cfg Config) (*Client, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	var opts []rpc.ClientOption
	if u, err := url.Parse(cfg.RPCURL); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		opts = append(opts, rpc.WithHTTPClient(&http.Client{Transport: httpTransport(u.Hostname())}))
	}
	rc, err := rpc.DialOptions(ctx, cfg.RPCURL, opts...)
	if err != nil {
		return nil, api.Errorf(api.CodeUnavailable, "chain: connect to %s: %w", cfg.RPCURL, err)
	}
	c, err := NewClient(ctx, rc, cfg)
	if err != nil {
		rc.Close()
		return nil, err
	}
	return c, nil
}

// NewClient wraps an RPC client (e.g. the dev chain's in-process one); cfg.RPCURL
// is only used in messages. Close closes rc.
func NewClient(ctx context.Context, rc *rpc.Client, cfg Config) (*Client, error) {
	if cfg.RPCURL == "" {
		cfg.RPCURL = "(in-process)"
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	logger := cfg.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	c := &Client{cfg: cfg, log: logger.With("component", "chain"), rpc: rc, eth: ethclient.NewClient(rc), m: &metrics{}, tm: cfg.Metrics, resend: &resender{}}
	if c.tm == nil {
		c.tm = NopTxMetrics()
	}
	cctx, cancel := context.WithTimeout(ctx, cfg.CallTimeout)
	defer cancel()
	id, err := c.eth.ChainID(cctx)
	if err != nil {
		return nil, api.Errorf(api.CodeUnavailable, "chain: read the chain id from %s (is the node running?): %w", cfg.RPCURL, err)
	}
	if cfg.ChainID != 0 && id.Uint64() != cfg.ChainID {
		return nil, api.Errorf(api.CodeInvalidInput, "chain: the node at %s serves chain id %v, not the configured %d; point --chain-rpc at the right node or fix the chain id", cfg.RPCURL, id, cfg.ChainID)
	}
	c.chainID = id
	c.signer = types.LatestSignerForChainID(id)
	c.nonces = NewNonceManager(c.eth.PendingNonceAt)
	return c, nil
}

// Close closes the connection.
func (c *Client) Close() { c.rpc.Close() }

// ChainID is the node's chain id.
func (c *Client) ChainID() *big.Int { return new(big.Int).Set(c.chainID) }

// Eth is the underlying go-ethereum client, for reads not wrapped here.
func (c *Client) Eth() *ethclient.Client { return c.eth }

// Config returns the client's configuration.
func (c *Client) Config() Config { return c.cfg }

// BlockNumber returns the head block number.
func (c *Client) BlockNumber(ctx context.Context) (uint64, error) {
	ctx, cancel := context.WithTimeout(ctx, c.cfg.CallTimeout)
	defer cancel()
	n, err := c.eth.BlockNumber(ctx)
	if err != nil {
		return 0, api.Errorf(api.CodeUnavailable, "chain: read the block number: %w", err)
	}
	c.sawHead(n)
	return n, nil
}

// Account is who sends a transaction: a local key, or (Key nil) an account
// the node holds unlocked, as the dev chain's and anvil's are.
type Account struct {
	Address common.Address
	Key     *ecdsa.PrivateKey
}

// KeyAccount signs locally with key.
func KeyAccount(key *ecdsa.PrivateKey) Account {
	return Account{Address: crypto.PubkeyToAddress(key.PublicKey), Key: key}
}

// NodeAccount lets the node sign for addr (eth_sendTransaction).
func NodeAccount(addr common.Address) Account { return Account{Address: addr} }

// Tx is a transaction to send.
type Tx struct {
	What  string          // what it does, for errors and logs, e.g. "login worker 0x12.."
	To    *common.Address // nil deploys Data
	Data  []byte
	Value *big.Int
	Gas   uint64 // 0: estimate, plus GasMarginPercent
}

// Transact sends tx from `from` and waits for its receipt. A reverted
// transaction returns an error wrapping *RevertError with the reason.
func (c *Client) Transact(ctx context.Context, from Account, tx Tx) (*types.Receipt, error) {
	hash, err := c.Send(ctx, from, tx)
	if err != nil {
		return nil, err
	}
	return c.Confirm(ctx, from, tx, hash)
}

// Confirm waits for the receipt of tx, sent from `from` as hash (Send).
// A transaction mined as reverted returns its receipt and an error
// wrapping *RevertError with the reason; any other error (ctx ended,
// ReceiptTimeout, the node unreachable) returns no receipt: the
// transaction may still be mined.
func (c *Client) Confirm(ctx context.Context, from Account, tx Tx, hash common.Hash) (*types.Receipt, error) {
	r, err := c.WaitReceipt(ctx, hash, tx.What)
	if err != nil {
		return nil, err
	}
	c.mined(tx, r)
	if r.Status != types.ReceiptStatusSuccessful {
		return r, c.failedTx(ctx, from, tx, r)
	}
	return r, nil
}

// ErrNotSent marks a Send error after which no transaction of that Send
// can be in the node's pool: its gas estimation failed (e.g. it would
// revert), or the node itself refused every attempt. The chain cannot take
// it. Every other Send error (a lost answer, a timeout, ctx ending) leaves
// open whether the transaction reached the node and may still be mined.
var ErrNotSent = errors.New("transaction not sent")

// notSent wraps an error raised before anything was sent.
type notSent struct{ err error }

func (e *notSent) Error() string        { return e.err.Error() }
func (e *notSent) Unwrap() error        { return e.err }
func (e *notSent) Is(target error) bool { return target == ErrNotSent }

// Sent is a transaction the node accepted: its hash and its sender's
// nonce. Once the sender's mined nonce passes Nonce without a receipt for
// Hash, another transaction took the nonce and Hash can never be mined.
type Sent struct {
	Hash  common.Hash
	Nonce uint64
}

// failedTx recovers the revert reason of a mined, failed transaction,
// which receipts do not carry: from the node's call tracer if it has one
// (geth, anvil), else by replaying the call on the parent block's state
// (which misses earlier transactions of the same block).
func (c *Client) failedTx(ctx context.Context, from Account, tx Tx, r *types.Receipt) error {
	c.m.reverts.Add(1)
	c.tm.reverts.Inc()
	cause := c.traceRevert(ctx, r.TxHash)
	if cause == nil {
		msg := ethereum.CallMsg{From: from.Address, To: tx.To, Data: tx.Data, Value: tx.Value, Gas: r.GasUsed + 100_000}
		cctx, cancel := context.WithTimeout(ctx, c.cfg.CallTimeout)
		_, err := c.eth.CallContract(cctx, msg, new(big.Int).Sub(r.BlockNumber, big.NewInt(1)))
		cancel()
		if err = asRevert(err); errors.Is(err, ErrReverted) {
			cause = err
		}
	}
	if cause == nil {
		cause = &RevertError{Reason: fmt.Sprintf("no reason recovered; the transaction used %d gas (out of gas if that is its whole limit)", r.GasUsed)}
	}
	return api.Errorf(api.CodeChain, "chain: %s failed in block %d (tx %s): %w", tx.What, r.BlockNumber, r.TxHash.Hex(), cause)
}

// traceRevert asks the node's call tracer for a transaction's revert data;
// nil if the node has no tracer or the trace shows no revert.
func (c *Client) traceRevert(ctx context.Context, hash common.Hash) error {
	ctx, cancel := context.WithTimeout(ctx, c.cfg.CallTimeout)
	defer cancel()
	var frame struct {
		Error  string        `json:"error"`
		Output hexutil.Bytes `json:"output"`
	}
	if err := c.rpc.CallContext(ctx, &frame, "debug_traceTransaction", hash, map[string]any{"tracer": "callTracer"}); err != nil {
		return nil
	}
	if frame.Error == "" {
		return nil
	}
	if len(frame.Output) == 0 {
		if strings.Contains(frame.Error, "revert") {
			return &RevertError{}
		}
		return &RevertError{Reason: frame.Error} // e.g. out of gas
	}
	return &RevertError{Reason: revertReason(frame.Output, errors.New(frame.Error)), Data: frame.Output}
}

// Send signs and sends tx and returns its hash once the node accepted it.
// Nonce conflicts resync the account's nonce and try again; network errors
// resend the same signed transaction, so it is never sent twice. An error
// wrapping ErrNotSent means nothing was sent.
func (c *Client) Send(ctx context.Context, from Account, tx Tx) (common.Hash, error) {
	s, err := c.SendTx(ctx, from, tx)
	return s.Hash, err
}

// SendTx is Send, returning the transaction's nonce with its hash.
func (c *Client) SendTx(ctx context.Context, from Account, tx Tx) (Sent, error) {
	if tx.What == "" {
		tx.What = "transaction"
	}
	gas, err := c.gasFor(ctx, from, tx)
	if err != nil {
		return Sent{}, &notSent{err}
	}
	var lastErr error
	reached := false // whether an attempt may have reached the node's pool
	for attempt := 1; attempt <= c.cfg.SendAttempts; attempt++ {
		sent, retry, maybe, err := c.sendOnce(ctx, from, tx, gas)
		reached = reached || maybe
		if err == nil {
			c.m.txSent.Add(1)
			c.tm.sent.WithLabelValues(txKind(tx)).Inc()
			c.log.Debug("sent", "what", tx.What, "from", from.Address, "tx", sent.Hash, "nonce", sent.Nonce, "gas", gas)
			return sent, nil
		}
		lastErr = err
		if !retry || ctx.Err() != nil {
			break
		}
		c.m.sendRetries.Add(1)
		c.tm.retries.Inc()
		c.log.Warn("send failed, retrying", "what", tx.What, "attempt", attempt, "err", err)
		select {
		case <-ctx.Done():
		case <-time.After(time.Duration(attempt) * c.cfg.PollInterval):
		}
	}
	err = api.Errorf(api.CodeChain, "chain: send %s from %s: %w", tx.What, from.Address.Hex(), lastErr)
	if !reached {
		return Sent{}, &notSent{err}
	}
	return Sent{}, err
}

func (c *Client) gasFor(ctx context.Context, from Account, tx Tx) (uint64, error) {
	if tx.Gas != 0 {
		return tx.Gas, nil
	}
	cctx, cancel := context.WithTimeout(ctx, c.cfg.CallTimeout)
	defer cancel()
	est, err := c.eth.EstimateGas(cctx, ethereum.CallMsg{From: from.Address, To: tx.To, Data: tx.Data, Value: tx.Value})
	if err != nil {
		err = asRevert(err)
		if !errors.Is(err, ErrReverted) {
			return 0, api.Errorf(api.CodeUnavailable, "chain: estimate the gas of %s from %s: %w", tx.What, from.Address.Hex(), err)
		}
		c.m.reverts.Add(1)
		c.tm.reverts.Inc()
		return 0, api.Errorf(api.CodeChain, "chain: %s would fail (gas estimation from %s): %w", tx.What, from.Address.Hex(), err)
	}
	gas := est + est*c.cfg.GasMarginPercent/100
	if est <= maxTxGas && gas > maxTxGas {
		gas = maxTxGas
	}
	return gas, nil
}

// sendOnce reserves a nonce, signs and sends. retry says whether another
// attempt can succeed; maybe whether, despite the error, the transaction
// may have reached the node (only a node's own answer says it did not).
func (c *Client) sendOnce(ctx context.Context, from Account, tx Tx, gas uint64) (sent Sent, retry, maybe bool, err error) {
	tipCap, feeCap, err := c.fees(ctx)
	if err != nil {
		return Sent{}, true, false, err
	}
	nonce, release, err := c.nonces.Reserve(ctx, from.Address)
	if err != nil {
		return Sent{}, true, false, fmt.Errorf("read the account's nonce: %w", err)
	}
	value := tx.Value
	if value == nil {
		value = new(big.Int)
	}
	if from.Key == nil {
		hash, err := c.sendViaNode(ctx, from.Address, tx, value, gas, nonce, tipCap, feeCap)
		if err != nil {
			release(false)
			return Sent{}, isNonceConflict(err) || isTransient(err), !nodeRefused(err), err
		}
		release(true)
		c.resend.track(hash, func(ctx context.Context) (common.Hash, error) {
			return c.sendViaNode(ctx, from.Address, tx, value, gas, nonce, tipCap, feeCap)
		}, 2*c.cfg.ReceiptTimeout)
		return Sent{Hash: hash, Nonce: nonce}, false, false, nil
	}
	signed, err := types.SignNewTx(from.Key, c.signer, &types.DynamicFeeTx{
		ChainID: c.chainID, Nonce: nonce, GasTipCap: tipCap, GasFeeCap: feeCap, Gas: gas,
		To: tx.To, Value: value, Data: tx.Data,
	})
	if err != nil {
		release(false)
		return Sent{}, false, false, err
	}
	// A lost answer is resent as the same transaction: the node either
	// has it ("already known") or takes it now; never a second nonce.
	for try := 0; ; try++ {
		err = c.sendRaw(ctx, signed)
		if err == nil || isAlreadyKnown(err) {
			release(true)
			c.trackRaw(signed)
			return Sent{Hash: signed.Hash(), Nonce: nonce}, false, false, nil
		}
		maybe = maybe || !nodeRefused(err)
		if !isTransient(err) || try >= 2 {
			break
		}
		select {
		case <-ctx.Done():
			release(false)
			return Sent{}, false, true, ctx.Err()
		case <-time.After(c.cfg.PollInterval):
		}
	}
	if isNonceConflict(err) && c.known(ctx, signed.Hash()) {
		release(true) // an earlier try got through after all
		c.trackRaw(signed)
		return Sent{Hash: signed.Hash(), Nonce: nonce}, false, false, nil
	}
	release(false)
	return Sent{}, isNonceConflict(err) || isTransient(err), maybe, err
}

func (c *Client) trackRaw(signed *types.Transaction) {
	c.resend.track(signed.Hash(), func(ctx context.Context) (common.Hash, error) {
		if err := c.sendRaw(ctx, signed); err != nil && !isAlreadyKnown(err) {
			return common.Hash{}, err
		}
		return signed.Hash(), nil
	}, 2*c.cfg.ReceiptTimeout)
}

// nodeRefused reports an error that is the node's own JSON-RPC answer (it
// did not take the transaction), not a lost or failed connection.
func nodeRefused(err error) bool {
	var de rpc.Error
	return errors.As(err, &de)
}

func (c *Client) sendRaw(ctx context.Context, tx *types.Transaction) error {
	ctx, cancel := context.WithTimeout(ctx, c.cfg.CallTimeout)
	defer cancel()
	return c.eth.SendTransaction(ctx, tx)
}

func (c *Client) known(ctx context.Context, hash common.Hash) bool {
	ctx, cancel := context.WithTimeout(ctx, c.cfg.CallTimeout)
	defer cancel()
	_, _, err := c.eth.TransactionByHash(ctx, hash)
	return err == nil
}

func (c *Client) sendViaNode(ctx context.Context, from common.Address, tx Tx, value *big.Int, gas, nonce uint64, tip, feeCap *big.Int) (common.Hash, error) {
	ctx, cancel := context.WithTimeout(ctx, c.cfg.CallTimeout)
	defer cancel()
	args := map[string]any{
		"from": from, "value": (*hexutil.Big)(value), "gas": hexutil.Uint64(gas), "nonce": hexutil.Uint64(nonce),
		"maxFeePerGas": (*hexutil.Big)(feeCap), "maxPriorityFeePerGas": (*hexutil.Big)(tip),
		"input": hexutil.Bytes(tx.Data), "data": hexutil.Bytes(tx.Data),
	}
	if tx.To != nil {
		args["to"] = *tx.To
	}
	var hash common.Hash
	err := c.rpc.CallContext(ctx, &hash, "eth_sendTransaction", args)
	return hash, err
}

// fees picks EIP-1559 fees: the node's suggested tip and twice the base
// fee on top, which survives six full blocks of base-fee growth.
func (c *Client) fees(ctx context.Context) (tip, feeCap *big.Int, err error) {
	ctx, cancel := context.WithTimeout(ctx, c.cfg.CallTimeout)
	defer cancel()
	head, err := c.eth.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("read the head block: %w", err)
	}
	tip, err = c.eth.SuggestGasTipCap(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("suggest a priority fee: %w", err)
	}
	base := head.BaseFee
	if base == nil {
		base = new(big.Int)
	}
	return tip, new(big.Int).Add(tip, new(big.Int).Mul(base, big.NewInt(2))), nil
}

// WaitReceipt polls for the receipt of hash until it is mined, ctx ends or
// ReceiptTimeout passes; what names the transaction in the error.
func (c *Client) WaitReceipt(ctx context.Context, hash common.Hash, what string) (*types.Receipt, error) {
	ctx, cancel := context.WithTimeout(ctx, c.cfg.ReceiptTimeout)
	defer cancel()
	t := time.NewTicker(c.cfg.PollInterval)
	defer t.Stop()
	sent := hash
	defer func() { c.resend.forget(sent); c.resend.forget(hash) }()
	lastCheck := time.Now()
	var lastErr error
	for {
		if time.Since(lastCheck) >= resendCheckEvery {
			lastCheck = time.Now()
			hash = c.resendIfDropped(ctx, hash, what)
		}
		r, err := c.receipt(ctx, hash)
		if err == nil {
			// A node can index a block's receipts a moment before it makes
			// that block its head; a read or an estimate sent at once would
			// then still see the state before the transaction. Return only
			// once the head has caught up.
			if err = c.headAtLeast(ctx, r.BlockNumber); err == nil {
				return r, nil
			}
		}
		if !errors.Is(err, ethereum.NotFound) {
			lastErr = err
		}
		select {
		case <-ctx.Done():
			c.m.receiptTimeouts.Add(1)
			c.tm.receiptTimeouts.Inc()
			detail := "is the node sealing blocks, and was the fee high enough?"
			if lastErr != nil {
				detail = "last error: " + lastErr.Error()
			}
			return nil, api.Errorf(api.CodeTimeout, "chain: no receipt for %s (tx %s) within %v: %s: %w", what, hash.Hex(), c.cfg.ReceiptTimeout, detail, ctx.Err())
		case <-t.C:
		}
	}
}

// headAtLeast reports ethereum.NotFound while the node's head is below n.
func (c *Client) headAtLeast(ctx context.Context, n *big.Int) error {
	if n == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, c.cfg.CallTimeout)
	defer cancel()
	head, err := c.eth.BlockNumber(ctx)
	if err != nil {
		return err
	}
	if head < n.Uint64() {
		return ethereum.NotFound
	}
	return nil
}

func (c *Client) receipt(ctx context.Context, hash common.Hash) (*types.Receipt, error) {
	ctx, cancel := context.WithTimeout(ctx, c.cfg.CallTimeout)
	defer cancel()
	return c.eth.TransactionReceipt(ctx, hash)
}

// Call runs a read-only call against the head state (block nil) or at a
// block; reverts come back as *RevertError.
func (c *Client) Call(ctx context.Context, to common.Address, data []byte, block *big.Int) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, c.cfg.CallTimeout)
	defer cancel()
	out, err := c.eth.CallContract(ctx, ethereum.CallMsg{To: &to, Data: data}, block)
	if err != nil {
		return nil, asRevert(err)
	}
	return out, nil
}

func isNonceConflict(err error) bool {
	s := strings.ToLower(err.Error())
	return strings.Contains(s, "nonce too low") || strings.Contains(s, "replacement transaction underpriced") ||
		strings.Contains(s, "nonce too high") || strings.Contains(s, "invalid nonce")
}

func isAlreadyKnown(err error) bool {
	s := strings.ToLower(err.Error())
	return strings.Contains(s, "already known") || strings.Contains(s, "already imported")
}

// isTransient reports errors of the connection, not of the transaction.
func isTransient(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var he rpc.HTTPError
	if errors.As(err, &he) {
		return he.StatusCode >= 500 || he.StatusCode == 429 // a proxy or an overloaded node
	}
	var de rpc.Error
	if errors.As(err, &de) {
		return false // the node answered: a verdict on the transaction
	}
	s := strings.ToLower(err.Error())
	for _, m := range []string{"connection refused", "connection reset", "eof", "timeout", "broken pipe", "no such host"} {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}

// WaitForBlock waits until the head is at least number, polling every
// PollInterval; it gives up when ctx ends.
func (c *Client) WaitForBlock(ctx context.Context, number uint64) error {
	t := time.NewTicker(c.cfg.PollInterval)
	defer t.Stop()
	for {
		head, err := c.BlockNumber(ctx)
		if err == nil && head >= number {
			return nil
		}
		select {
		case <-ctx.Done():
			return api.Errorf(api.CodeTimeout, "chain: waiting for block %d (head %d; is the node sealing blocks?): %w", number, head, ctx.Err())
		case <-t.C:
		}
	}
}

// FundETH sends amount wei from `from` to each recipient, concurrently
// (consecutive nonces), and waits for all of them.
func (c *Client) FundETH(ctx context.Context, from Account, recipients []common.Address, amount *big.Int) error {
	return sendToEach(recipients, func(to common.Address) error {
		_, err := c.Transact(ctx, from, Tx{What: fmt.Sprintf("send %v wei to %s", amount, to.Hex()), To: &to, Value: amount})
		return err
	})
}

// sendToEach runs send for every recipient at once (the nonce manager hands
// the sender consecutive nonces, so the transactions can share a block) and
// joins the errors of those that failed.
func sendToEach(recipients []common.Address, send func(to common.Address) error) error {
	errs := make(chan error, len(recipients))
	for _, to := range recipients {
		go func() { errs <- send(to) }()
	}
	var all []error
	for range recipients {
		if err := <-errs; err != nil {
			all = append(all, err)
		}
	}
	return errors.Join(all...)
}

// Balance is addr's ETH balance in wei at the head.
func (c *Client) Balance(ctx context.Context, addr common.Address) (*big.Int, error) {
	ctx, cancel := context.WithTimeout(ctx, c.cfg.CallTimeout)
	defer cancel()
	b, err := c.eth.BalanceAt(ctx, addr, nil)
	if err != nil {
		return nil, api.Errorf(api.CodeUnavailable, "chain: read the balance of %s: %w", addr.Hex(), err)
	}
	return b, nil
}

// httpTransport is the HTTP transport of a client of the node at host: it
// keeps enough idle connections for the calls a busy client makes at once
// (net/http keeps 2 per host by default, so the others are dialled again
// for every call), and does not compress on the loopback, where gzip costs
// CPU and saves nothing.
func httpTransport(host string) *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns, t.MaxIdleConnsPerHost = 256, 64
	if ip := net.ParseIP(host); host == "localhost" || (ip != nil && ip.IsLoopback()) {
		t.DisableCompression = true
	}
	return t
}

// SignMessage has the node sign data for an account it holds (eth_sign):
// an EIP-191 personal-message signature, r‖s‖v.
func (c *Client) SignMessage(ctx context.Context, account common.Address, data []byte) ([65]byte, error) {
	var out hexutil.Bytes
	if err := c.rpc.CallContext(ctx, &out, "eth_sign", account, hexutil.Bytes(data)); err != nil {
		return [65]byte{}, api.Errorf(api.CodeUnavailable, "chain: the node at %s did not sign for %s (eth_sign; does it hold that account, unlocked?): %w", c.cfg.RPCURL, account.Hex(), err)
	}
	if len(out) != 65 {
		return [65]byte{}, api.Errorf(api.CodeBadSignature, "chain: eth_sign for %s answered %d bytes, want 65", account.Hex(), len(out))
	}
	return [65]byte(out), nil
}
