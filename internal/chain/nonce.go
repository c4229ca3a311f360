package chain

import (
	"context"
	"sync"

	"github.com/ethereum/go-ethereum/common"
)

// NonceManager hands out consecutive nonces per account to concurrent
// senders in one process. A nonce is reserved while its transaction is
// signed and sent and committed only if the node accepted it; a failed send
// or a "nonce too low" answer makes the next reservation re-read the
// account's pending nonce from the node, so the manager heals after
// failures and after transactions sent by other processes.
type NonceManager struct {
	pending func(ctx context.Context, addr common.Address) (uint64, error)

	mu       sync.Mutex
	accounts map[common.Address]*accountNonce
}

type accountNonce struct {
	send  sync.Mutex // held from Reserve to release: one send at a time per account
	known bool       // next is valid; guarded by send
	next  uint64     // guarded by send
}

// NewNonceManager returns a manager that reads an account's pending nonce
// with pending (e.g. ethclient's PendingNonceAt) whenever it must resync.
func NewNonceManager(pending func(ctx context.Context, addr common.Address) (uint64, error)) *NonceManager {
	return &NonceManager{pending: pending, accounts: map[common.Address]*accountNonce{}}
}

func (m *NonceManager) account(addr common.Address) *accountNonce {
	m.mu.Lock()
	defer m.mu.Unlock()
	a, ok := m.accounts[addr]
	if !ok {
		a = &accountNonce{}
		m.accounts[addr] = a
	}
	return a
}

// Reserve returns the next nonce of addr and a release func that must be
// called exactly once: release(true) when the node accepted the
// transaction (the nonce is used), release(false) otherwise (the account is
// resynced from the node next time). Reservations of one account are
// serialised until release; different accounts proceed in parallel.
func (m *NonceManager) Reserve(ctx context.Context, addr common.Address) (nonce uint64, release func(used bool), err error) {
	a := m.account(addr)
	a.send.Lock()
	if !a.known {
		n, err := m.pending(ctx, addr)
		if err != nil {
			a.send.Unlock()
			return 0, nil, err
		}
		a.next, a.known = n, true
	}
	nonce = a.next
	var once sync.Once
	release = func(used bool) {
		once.Do(func() {
			if used {
				a.next = nonce + 1
			} else {
				a.known = false
			}
			a.send.Unlock()
		})
	}
	return nonce, release, nil
}

// Resync forgets what the manager knows of addr: the next Reserve reads the
// pending nonce from the node. It waits for a reservation in flight.
func (m *NonceManager) Resync(addr common.Address) {
	a := m.account(addr)
	a.send.Lock()
	a.known = false
	a.send.Unlock()
}
