package worker

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

// The batched path checks every task against the chain (the epoch, the
// worker selected for the contract, the contract's deployment, the
// sender's balance) at up to thousands of tasks a second. chainView keeps
// those reads per block: the head is read again at most once per the chain
// client's poll interval, and what hangs on it (the epoch, balances) is
// read again only when the head moved.

// epochParams are an epoch's worker selection parameters.
type epochParams struct {
	first uint64 // the epoch's first block
	seed  *big.Int
	sel   selection.Params
}

// seedBytes is the epoch's seed as the key manager names it.
func (p *epochParams) seedBytes() (s [32]byte) {
	p.seed.FillBytes(s[:])
	return s
}

// userBalance is a user's balance as read at block.
type userBalance struct {
	bal   chain.UserBalance
	block uint64
}

// chainView is the batched path's cache of chain reads.
type chainView struct {
	e   *chain.Enigma
	ttl time.Duration

	refresh sync.Mutex // one head read at a time

	mu       sync.Mutex
	readAt   time.Time
	head     uint64
	headTime int64
	current  *epochParams
	epochs   map[uint64]*epochParams // by first block, the few the ring holds
	inRing   map[uint64]uint64       // epoch → the head it was last found in the chain's ring at
	selected map[selKey]api.EthAddress
	deployed map[api.ContractAddress]bool
	balances map[api.EthAddress]userBalance
	charged  uint64 // counts forgetBalances: a balance read across one is not kept
}

type selKey struct {
	epoch    uint64
	contract api.ContractAddress
}

// viewBound bounds each of chainView's maps: beyond it a map is cleared
// (it is a cache; what it forgets is read again).
const viewBound = 1 << 14

func newChainView(e *chain.Enigma) *chainView {
	ttl := e.Client().Config().PollInterval
	return &chainView{e: e, ttl: ttl, epochs: map[uint64]*epochParams{}, inRing: map[uint64]uint64{},
		selected: map[selKey]api.EthAddress{}, deployed: map[api.ContractAddress]bool{}, balances: map[api.EthAddress]userBalance{}}
}

// now returns the head block, its time and the current epoch, read again
// when older than the poll interval (or when force).
func (v *chainView) now(ctx context.Context, force bool) (head uint64, headTime int64, cur *epochParams, err error) {
	v.mu.Lock()
	fresh := v.current != nil && time.Since(v.readAt) < v.ttl
	head, headTime, cur = v.head, v.headTime, v.current
	v.mu.Unlock()
	if fresh && !force {
		return head, headTime, cur, nil
	}
	v.refresh.Lock()
	defer v.refresh.Unlock()
	v.mu.Lock()
	if v.current != nil && time.Since(v.readAt) < v.ttl && (!force || v.readAt.After(time.Now().Add(-v.ttl/4))) {
		head, headTime, cur = v.head, v.headTime, v.current
		v.mu.Unlock()
		return head, headTime, cur, nil
	}
	v.mu.Unlock()
	hdr, err := v.e.Client().Eth().HeaderByNumber(ctx, nil)
	if err != nil {
		return 0, 0, nil, api.Errorf(api.CodeUnavailable, "worker: read the chain's head: %v; retry", err)
	}
	head = hdr.Number.Uint64()
	v.mu.Lock()
	cur = v.current
	v.mu.Unlock()
	if cur == nil || head != v.head {
		p, err := v.e.WorkerParams(ctx, head)
		if err != nil {
			return 0, 0, nil, api.Errorf(api.CodeUnavailable, "worker: read the epoch at block %d: %v; retry", head, err)
		}
		if p.Arg0 == nil || p.Arg0.Sign() == 0 {
			return 0, 0, nil, api.Errorf(api.CodeUnavailable, "worker: the chain has no epoch yet (block %d); retry once the key manager set the first one", head)
		}
		first := p.Arg0.Uint64()
		v.mu.Lock()
		if c, ok := v.epochs[first]; ok {
			cur = c
		} else {
			cur = &epochParams{first: first, seed: p.Arg1, sel: selection.Params{FirstBlock: first, Seed: p.Arg1, Workers: p.Arg2, Stakes: p.Arg3}}
			if len(v.epochs) >= 16 {
				clear(v.epochs)
			}
			v.epochs[first] = cur
		}
		v.mu.Unlock()
	}
	v.mu.Lock()
	v.readAt, v.head, v.headTime, v.current = time.Now(), head, int64(hdr.Time), cur
	v.inRing[cur.first] = head
	v.mu.Unlock()
	return head, int64(hdr.Time), cur, nil
}

// epoch returns the parameters of the epoch starting at first while the
// chain's ring still holds it; nil when it no longer does (then no batch of
// that epoch can land). It reads the chain once per head block.
func (v *chainView) epoch(ctx context.Context, first uint64) (*epochParams, error) {
	head, _, cur, err := v.now(ctx, false)
	if err != nil {
		return nil, err
	}
	if cur.first == first {
		return cur, nil
	}
	v.mu.Lock()
	p, known := v.epochs[first]
	at, checked := v.inRing[first]
	v.mu.Unlock()
	if known && checked && at == head {
		return p, nil
	}
	wp, err := v.e.WorkerParams(ctx, first)
	if err != nil {
		return nil, api.Errorf(api.CodeUnavailable, "worker: read the epoch of block %d: %v; retry", first, err)
	}
	if wp.Arg0 == nil || !wp.Arg0.IsUint64() || wp.Arg0.Uint64() != first {
		return nil, nil
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if p == nil {
		p = &epochParams{first: first, seed: wp.Arg1, sel: selection.Params{FirstBlock: first, Seed: wp.Arg1, Workers: wp.Arg2, Stakes: wp.Arg3}}
		if len(v.epochs) >= 16 {
			clear(v.epochs)
		}
		v.epochs[first] = p
	}
	if len(v.inRing) >= 16 {
		clear(v.inRing)
	}
	v.inRing[first] = head
	return p, nil
}

// selectedFor returns the worker selected for contract in epoch p.
func (v *chainView) selectedFor(p *epochParams, contract api.ContractAddress) (api.EthAddress, error) {
	k := selKey{p.first, contract}
	v.mu.Lock()
	s, ok := v.selected[k]
	v.mu.Unlock()
	if ok {
		return s, nil
	}
	a, err := selection.SelectOne(p.sel, contract)
	if err != nil {
		return api.EthAddress{}, api.Errorf(api.CodeWrongEpoch, "worker: select the worker of contract %s in epoch %d: %v", contract, p.first, err)
	}
	v.mu.Lock()
	if len(v.selected) >= viewBound {
		clear(v.selected)
	}
	v.selected[k] = api.EthAddress(a)
	v.mu.Unlock()
	return api.EthAddress(a), nil
}

// isDeployed reports whether contract is deployed on chain; a deployed
// contract is remembered.
func (v *chainView) isDeployed(ctx context.Context, contract api.ContractAddress) (bool, error) {
	v.mu.Lock()
	ok := v.deployed[contract]
	v.mu.Unlock()
	if ok {
		return true, nil
	}
	n, err := v.e.CountStateDeltas(ctx, contract)
	if err != nil {
		return false, api.Errorf(api.CodeUnavailable, "worker: read contract %s on chain: %v; retry", contract, err)
	}
	if n == 0 {
		return false, nil
	}
	v.mu.Lock()
	if len(v.deployed) >= viewBound {
		clear(v.deployed)
	}
	v.deployed[contract] = true
	v.mu.Unlock()
	return true, nil
}

// balanceReads bounds the reads of one balance call while batches keep
// landing during them.
const balanceReads = 3

// balance returns user's balance as of the current head, read once per
// head block, and the count of forgetBalances calls it is consistent with
// (chargedSince). While batches land during every read it reads at most
// balanceReads times, then returns the last read, not cached, with the
// count from before it: chargedSince then says it may predate a charge.
func (v *chainView) balance(ctx context.Context, user api.EthAddress) (chain.UserBalance, uint64, error) {
	head, _, _, err := v.now(ctx, false)
	if err != nil {
		return chain.UserBalance{}, 0, err
	}
	for attempt := 1; ; attempt++ {
		v.mu.Lock()
		b, ok := v.balances[user]
		gen := v.charged
		v.mu.Unlock()
		if ok && b.block >= head {
			return b.bal, gen, nil
		}
		bal, err := v.e.UserBalance(ctx, common.Address(user))
		if err != nil {
			return chain.UserBalance{}, 0, fmt.Errorf("worker: read the balance of %s: %w", user, err)
		}
		v.mu.Lock()
		if v.charged != gen {
			// A batch landed during the read, and its fees are no longer
			// reserved: the read may predate the charge. Read again.
			v.mu.Unlock()
			if attempt >= balanceReads {
				return bal, gen, nil
			}
			continue
		}
		if len(v.balances) >= viewBound {
			clear(v.balances)
		}
		v.balances[user] = userBalance{bal: bal, block: head}
		v.mu.Unlock()
		return bal, gen, nil
	}
}

// chargedSince reports whether a batch's charge was recorded since gen.
func (v *chainView) chargedSince(gen uint64) bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.charged != gen
}

// forgetBalances drops the cached balances of users a batch just charged:
// they are read again from a block at or after the batch's.
func (v *chainView) forgetBalances(users []api.EthAddress) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.charged++
	for _, u := range users {
		delete(v.balances, u)
	}
}
