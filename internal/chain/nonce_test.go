package chain

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

func TestNonceManagerConcurrentAndResync(t *testing.T) {
	var chainNonce atomic.Uint64
	chainNonce.Store(5)
	var reads atomic.Int32
	m := NewNonceManager(func(context.Context, common.Address) (uint64, error) {
		reads.Add(1)
		return chainNonce.Load(), nil
	})
	addr := common.HexToAddress("0x01")
	ctx := context.Background()

	const n = 50
	got := make(chan uint64, n)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			nonce, release, err := m.Reserve(ctx, addr)
			if err != nil {
				t.Error(err)
				return
			}
			chainNonce.Add(1) // the node accepted it
			release(true)
			got <- nonce
		}()
	}
	wg.Wait()
	close(got)
	seen := map[uint64]bool{}
	for v := range got {
		if seen[v] || v < 5 || v >= 5+n {
			t.Fatalf("nonce %d handed out twice or out of range", v)
		}
		seen[v] = true
	}
	if reads.Load() != 1 {
		t.Fatalf("read the node's nonce %d times, want once", reads.Load())
	}

	// A failed send makes the next reservation ask the node again.
	nonce, release, _ := m.Reserve(ctx, addr)
	release(false)
	release(true)         // a second call is ignored
	chainNonce.Store(100) // e.g. another process sent transactions
	again, release2, _ := m.Reserve(ctx, addr)
	release2(true)
	if nonce != 5+n || again != 100 {
		t.Fatalf("after a failed send: %d then %d, want %d then 100", nonce, again, 5+n)
	}
	m.Resync(addr)
	chainNonce.Store(7)
	if v, r, _ := m.Reserve(ctx, addr); v != 7 {
		t.Fatalf("after Resync: %d, want 7", v)
	} else {
		r(true)
	}

	failing := NewNonceManager(func(context.Context, common.Address) (uint64, error) { return 0, errors.New("down") })
	if _, _, err := failing.Reserve(ctx, addr); err == nil {
		t.Fatal("want the node's error")
	}
	if _, _, err := failing.Reserve(ctx, addr); err == nil { // the lock was released
		t.Fatal("want the node's error again")
	}
}
