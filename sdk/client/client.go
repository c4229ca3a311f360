package client

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/crypto/compat"
)

// Client deploys secret contracts and sends tasks as one account. It is
// safe for concurrent use; task records of one Client are created one at a
// time, since each takes the account's next task nonce.
type Client struct {
	cfg     Config
	log     *slog.Logger
	chain   *chain.Client
	enigma  *chain.Enigma
	gw      *gatewayClient
	account chain.Account
	chainID uint64

	// gasLimit overrides the configured limits (WithGasLimit).
	gasLimit uint64
	// submit serialises nonce reads and task record creation, and the
	// approvals of deposits.
	submit *sync.Mutex
	// funds holds what the account's batched tasks may still be charged
	// (the batched path's deposits).
	funds *funds
	// cache holds what the batched path reads once a block or an epoch.
	cache *batchedCache
	// roots, when set, replaces the chain as batched results are checked
	// (tests).
	roots batchChain
}

// New connects to the chain and the gateway named in cfg (after Resolve)
// and checks that the Enigma contract is there.
func New(ctx context.Context, cfg Config) (*Client, error) {
	cfg, err := cfg.Resolve()
	if err != nil {
		return nil, err
	}
	if cfg.Envelope == "" {
		cfg.Envelope = EnvelopeV2
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	cc := chain.DefaultConfig()
	cc.RPCURL, cc.Logger, cc.PollInterval = cfg.ChainRPC, log, min(cc.PollInterval, cfg.PollInterval)
	ch, err := chain.Dial(ctx, cc)
	if err != nil {
		return nil, fmt.Errorf("client: connect to the chain at %s (is the network running?): %w", cfg.ChainRPC, err)
	}
	c := &Client{
		cfg: cfg, log: log.With("component", "client"), chain: ch,
		enigma:  ch.Bind(chain.Addresses{Enigma: common.HexToAddress(cfg.Enigma), Token: common.HexToAddress(cfg.Token)}),
		gw:      newGatewayClient(cfg.Gateway, cfg.CallTimeout),
		chainID: ch.ChainID().Uint64(),
		submit:  new(sync.Mutex),
		funds:   new(funds),
		cache:   newBatchedCache(),
	}
	if err := c.checkContract(ctx); err != nil {
		ch.Close()
		return nil, err
	}
	if c.account, err = c.resolveAccount(ctx, cfg.Account); err != nil {
		ch.Close()
		return nil, err
	}
	return c, nil
}

func (c *Client) checkContract(ctx context.Context) error {
	code, err := c.chain.Eth().CodeAt(ctx, c.enigma.Addresses().Enigma, nil)
	if err != nil {
		return fmt.Errorf("client: read the Enigma contract at %s: %w", c.cfg.Enigma, err)
	}
	if len(code) == 0 {
		return fmt.Errorf("client: no contract at the Enigma address %s on %s: the addresses belong to another chain or an older devnet", c.cfg.Enigma, c.cfg.ChainRPC)
	}
	return nil
}

// resolveAccount reads Config.Account: a 32-byte hex private key, a
// 0x-address the node holds unlocked, or "" for the node's default.
func (c *Client) resolveAccount(ctx context.Context, s string) (chain.Account, error) {
	s = strings.TrimSpace(s)
	switch h := strings.TrimPrefix(s, "0x"); {
	case s == "":
		var accs []common.Address
		if err := c.chain.Eth().Client().CallContext(ctx, &accs, "eth_accounts"); err != nil {
			return chain.Account{}, fmt.Errorf("client: list the node's accounts: %w", err)
		}
		if len(accs) == 0 {
			return chain.Account{}, errors.New("client: no Account given and the node holds no unlocked accounts: pass a private key or an address")
		}
		return chain.NodeAccount(c.freeAccount(ctx, accs)), nil
	case len(h) == 40 && common.IsHexAddress(s):
		return chain.NodeAccount(common.HexToAddress(s)), nil
	case len(h) == 64:
		b, err := hex.DecodeString(h)
		if err != nil {
			return chain.Account{}, fmt.Errorf("client: Account is not a hex private key: %w", err)
		}
		k, err := compat.ParsePrivateKey(b)
		if err != nil {
			return chain.Account{}, fmt.Errorf("client: Account: %w", err)
		}
		return chain.KeyAccount(k), nil
	}
	return chain.Account{}, errors.New("client: Account must be a 64-digit hex private key or a 0x-prefixed 20-byte address")
}

// freeAccount picks the first of the node's accounts after the first (a
// network's deployer, which a key manager configured with the node's
// default account sends its epochs from) that stakes for no worker of the
// current epoch (workers send receipts from it): a client sending from
// those would race their nonces. The devnet sends from role accounts of
// its own, outside the node's accounts, so there any account is free.
func (c *Client) freeAccount(ctx context.Context, accs []common.Address) common.Address {
	busy := map[common.Address]bool{}
	if e, err := c.Epoch(ctx); err == nil {
		for _, w := range e.Workers {
			busy[w.Custodian] = true
		}
	}
	for _, a := range accs[1:] {
		if !busy[a] {
			return a
		}
	}
	if len(accs) > 1 {
		return accs[1]
	}
	return accs[0]
}

// Close closes the chain connection. Tasks of the client stop working.
func (c *Client) Close() { c.chain.Close() }

// Address is the account the client sends tasks from.
func (c *Client) Address() common.Address { return c.account.Address }

// Config is the client's resolved configuration.
func (c *Client) Config() Config { return c.cfg }

// WithGasLimit returns a client sharing c's connections whose tasks use
// gasLimit instead of the configured limits.
func (c *Client) WithGasLimit(gasLimit uint64) *Client {
	d := *c
	d.gasLimit = gasLimit
	return &d
}

// WithBatched returns a client sharing c's connections whose v2 compute
// tasks take the batched path (on, the default) or the per-task path
// (Config.PerTask).
func (c *Client) WithBatched(on bool) *Client {
	d := *c
	d.cfg.PerTask = !on
	return &d
}

// WithEnvelope returns a client sharing c's connections whose tasks use
// envelope e.
func (c *Client) WithEnvelope(e Envelope) *Client {
	d := *c
	d.cfg.Envelope = e
	return &d
}
