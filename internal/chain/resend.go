package chain

import (
	"context"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// A node can drop a transaction it accepted: anvil removes pending
// transactions it judges invalid while it mines a block under load, and
// a geth node evicts under pool pressure or forgets its pool on a restart
// without a journal. Its sender would then wait for a receipt that never
// comes, and every later nonce of the account would wait behind the gap.
// So the client keeps, for each transaction it sent, the means to send
// exactly that transaction again, and WaitReceipt uses it when the node no
// longer knows the hash. A resent transaction has the same nonce and (for
// a local key) the same bytes: it is mined at most once.

// resendCheckEvery is how often WaitReceipt asks the node whether it still
// knows a transaction whose receipt has not come.
const resendCheckEvery = 2 * time.Second

// maxTracked bounds the transactions kept for resending; beyond it, the
// oldest entries (whose waits have long ended) are forgotten first.
const maxTracked = 4096

type resendFunc func(ctx context.Context) (common.Hash, error)

type tracked struct {
	resend resendFunc
	at     time.Time
}

type resender struct {
	mu sync.Mutex
	m  map[common.Hash]tracked
}

func (r *resender) track(hash common.Hash, f resendFunc, keep time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.m == nil {
		r.m = map[common.Hash]tracked{}
	}
	if len(r.m) >= maxTracked {
		now := time.Now()
		for h, t := range r.m {
			if now.Sub(t.at) > keep {
				delete(r.m, h)
			}
		}
		if len(r.m) >= maxTracked {
			return // the node keeps it, or its wait reports the timeout
		}
	}
	r.m[hash] = tracked{resend: f, at: time.Now()}
}

func (r *resender) get(hash common.Hash) resendFunc {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.m[hash].resend
}

func (r *resender) forget(hash common.Hash) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.m, hash)
}

// resendIfDropped sends hash again when the node no longer knows it and
// this client sent it; it returns the hash to wait for (the same, unless
// the node signed the resent transaction differently).
func (c *Client) resendIfDropped(ctx context.Context, hash common.Hash, what string) common.Hash {
	f := c.resend.get(hash)
	if f == nil || c.known(ctx, hash) {
		return hash
	}
	h, err := f(ctx)
	if err != nil {
		// "nonce too low": mined meanwhile, or replaced; the receipt
		// poll or its timeout says which.
		c.log.Debug("resending a dropped transaction failed", "what", what, "tx", hash, "err", err)
		return hash
	}
	c.m.resent.Add(1)
	c.tm.resent.Inc()
	c.log.Warn("the node dropped a pending transaction; sent it again", "what", what, "tx", hash)
	if h != hash {
		c.resend.forget(hash)
		c.resend.track(h, f, 2*c.cfg.ReceiptTimeout)
	}
	return h
}
