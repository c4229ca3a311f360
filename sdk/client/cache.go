package client

import (
	"context"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/selection"
)

// batchedCache keeps what the batched path reads for every task and what
// changes at most once a block or once an epoch, so that a client sending
// many tasks reads the chain and the gateway about once a block rather
// than several times a task. Nothing in it is trusted more than when it
// was read: the epoch and the worker's key are checked again by the
// worker, which refuses a request sealed for another epoch
// (api.CodeWrongEpoch: the client drops the cache and seals again), and
// the balance by the worker and the contract.
type batchedCache struct {
	mu        sync.Mutex
	head      uint64
	headAt    time.Time
	params    *selection.Params
	paramsAt  time.Time
	keys      map[epochWorker][]byte
	codeHash  map[api.ContractAddress][32]byte
	balance   *chain.UserBalance
	balanceAt time.Time
	// balanceReleased is funds.releasedSoFar when balance was read.
	balanceReleased *big.Int
}

type epochWorker struct {
	epoch  uint64
	worker common.Address
}

// How long the cache serves what it read: a head for a fraction of a
// block, the epoch and a balance for about a block. A stale epoch costs a
// refused request that is sealed again; a stale balance is counted with
// every reservation made since (funds), so it can only look too small.
const (
	cacheHead    = 100 * time.Millisecond
	cacheEpoch   = time.Second
	cacheBalance = time.Second
)

func newBatchedCache() *batchedCache {
	return &batchedCache{keys: map[epochWorker][]byte{}, codeHash: map[api.ContractAddress][32]byte{}}
}

// headBlock is the chain's head, read at most every cacheHead.
func (c *Client) headBlock(ctx context.Context) (uint64, error) {
	k := c.cache
	k.mu.Lock()
	if time.Since(k.headAt) < cacheHead {
		h := k.head
		k.mu.Unlock()
		return h, nil
	}
	k.mu.Unlock()
	h, err := c.chain.BlockNumber(ctx)
	if err != nil {
		return 0, fmt.Errorf("client: read the head block: %w", err)
	}
	k.mu.Lock()
	k.head, k.headAt = max(k.head, h), time.Now()
	k.mu.Unlock()
	return h, nil
}

// cachedEpochParams is epochParams read at most every cacheEpoch.
func (c *Client) cachedEpochParams(ctx context.Context) (selection.Params, error) {
	k := c.cache
	k.mu.Lock()
	if k.params != nil && time.Since(k.paramsAt) < cacheEpoch {
		p := *k.params
		k.mu.Unlock()
		return p, nil
	}
	k.mu.Unlock()
	p, err := c.epochParams(ctx)
	if err != nil {
		return p, err
	}
	k.mu.Lock()
	k.params, k.paramsAt = &p, time.Now()
	for ew := range k.keys {
		if ew.epoch != p.FirstBlock {
			delete(k.keys, ew)
		}
	}
	k.mu.Unlock()
	return p, nil
}

// cachedEpochKey is epochKey, checked once per worker and epoch.
func (c *Client) cachedEpochKey(ctx context.Context, worker common.Address, epoch uint64) ([]byte, error) {
	k := c.cache
	ew := epochWorker{epoch, worker}
	k.mu.Lock()
	pub, ok := k.keys[ew]
	k.mu.Unlock()
	if ok {
		return pub, nil
	}
	pub, err := c.epochKey(ctx, worker, epoch)
	if err != nil {
		return nil, err
	}
	k.mu.Lock()
	k.keys[ew] = pub
	k.mu.Unlock()
	return pub, nil
}

// forgetEpoch drops the epoch and the keys read for it: a worker refused
// a request sealed for it.
func (c *Client) forgetEpoch() {
	k := c.cache
	k.mu.Lock()
	k.params, k.headAt = nil, time.Time{}
	clear(k.keys)
	k.mu.Unlock()
}

// contractCodeHash is the code hash of a deployed secret contract, read
// once (it never changes once deployed).
func (c *Client) contractCodeHash(ctx context.Context, sc api.ContractAddress) ([32]byte, error) {
	k := c.cache
	k.mu.Lock()
	h, ok := k.codeHash[sc]
	k.mu.Unlock()
	if ok {
		return h, nil
	}
	info, err := c.enigma.SecretContract(ctx, sc)
	if err != nil {
		return h, fmt.Errorf("client: read secret contract %s: %w", sc, err)
	}
	if info.CodeHash == ([32]byte{}) {
		return h, api.Errorf(api.CodeNotFound, "client: no secret contract is deployed at %s", sc)
	}
	k.mu.Lock()
	k.codeHash[sc] = info.CodeHash
	k.mu.Unlock()
	return info.CodeHash, nil
}

// userBalance is the account's balance in the Enigma contract, read at
// most every cacheBalance unless fresh is set, with the fees released
// (funds.releasedSoFar) when it was read.
func (c *Client) userBalance(ctx context.Context, fresh bool) (chain.UserBalance, *big.Int, error) {
	k := c.cache
	k.mu.Lock()
	if !fresh && k.balance != nil && time.Since(k.balanceAt) < cacheBalance {
		b, rel := *k.balance, k.balanceReleased
		k.mu.Unlock()
		return b, rel, nil
	}
	k.mu.Unlock()
	rel := c.funds.releasedSoFar()
	b, err := c.enigma.UserBalance(ctx, c.account.Address)
	if err != nil {
		return b, nil, fmt.Errorf("client: read the balance of %s in the Enigma contract: %w", c.account.Address, err)
	}
	k.mu.Lock()
	k.balance, k.balanceAt, k.balanceReleased = &b, time.Now(), rel
	k.mu.Unlock()
	return b, rel, nil
}

// forgetBalance drops the cached balance (after a deposit or withdrawal).
func (c *Client) forgetBalance() {
	k := c.cache
	k.mu.Lock()
	k.balance = nil
	k.mu.Unlock()
}
