package chain

import (
	"context"
	"errors"
	"math/big"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// fakeChain is a canonical chain of headers with logs, which tests extend
// and reorganise.
type fakeChain struct {
	mu     sync.Mutex
	blocks []*fakeBlock // index = number
	salt   int64
}

type fakeBlock struct {
	header *types.Header
	logs   []types.Log
}

func newFakeChain() *fakeChain {
	f := &fakeChain{}
	f.add(0)
	return f
}

// add appends a block with `logs` logs and returns its number.
func (f *fakeChain) add(logs int) uint64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.salt++
	h := &types.Header{Number: big.NewInt(int64(len(f.blocks))), Extra: big.NewInt(f.salt).Bytes(), Difficulty: new(big.Int)}
	if n := len(f.blocks); n > 0 {
		h.ParentHash = f.blocks[n-1].header.Hash()
	}
	b := &fakeBlock{header: h}
	for i := range logs {
		b.logs = append(b.logs, types.Log{BlockNumber: h.Number.Uint64(), BlockHash: h.Hash(), Index: uint(i), Data: []byte{byte(i)}})
	}
	f.blocks = append(f.blocks, b)
	return h.Number.Uint64()
}

// reorg drops the newest depth blocks.
func (f *fakeChain) reorg(depth int) {
	f.mu.Lock()
	f.blocks = f.blocks[:len(f.blocks)-depth]
	f.mu.Unlock()
}

func (f *fakeChain) HeaderByNumber(_ context.Context, n *big.Int) (*types.Header, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if n == nil {
		return f.blocks[len(f.blocks)-1].header, nil
	}
	if n.Uint64() >= uint64(len(f.blocks)) {
		return nil, ethereum.NotFound
	}
	return f.blocks[n.Uint64()].header, nil
}

func (f *fakeChain) FilterLogs(_ context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []types.Log
	for n := q.FromBlock.Uint64(); n <= q.ToBlock.Uint64() && n < uint64(len(f.blocks)); n++ {
		out = append(out, f.blocks[n].logs...)
	}
	return out, nil
}

func next(t *testing.T, s *Subscription) types.Log {
	t.Helper()
	select {
	case l := <-s.Logs():
		return l
	case <-time.After(5 * time.Second):
		t.Fatal("no log delivered")
		return types.Log{}
	}
}

func none(t *testing.T, s *Subscription) {
	t.Helper()
	select {
	case l := <-s.Logs():
		t.Fatalf("unexpected log of block %d (removed %v)", l.BlockNumber, l.Removed)
	case <-time.After(50 * time.Millisecond):
	}
}

func TestWatchDeliversAtDepthOnceAndWithdrawsOnReorg(t *testing.T) {
	f := newFakeChain()
	s := Watch(context.Background(), f, WatchConfig{Confirmations: 2, PollInterval: 2 * time.Millisecond})
	defer s.Close()

	b := f.add(2)
	none(t, s) // depth 0
	f.add(0)
	none(t, s) // depth 1
	f.add(0)
	l0, l1 := next(t, s), next(t, s)
	if l0.BlockNumber != b || l1.Index != 1 || l0.Removed {
		t.Fatalf("got %+v %+v", l0, l1)
	}
	f.add(0)
	none(t, s) // delivered once only

	// A reorg of the 4 newest blocks takes b out: its logs are withdrawn,
	// newest first.
	oldHash := l0.BlockHash
	f.reorg(4)
	r1, r0 := next(t, s), next(t, s)
	if !r1.Removed || !r0.Removed || r1.Index != 1 || r0.Index != 0 || r0.BlockHash != oldHash {
		t.Fatalf("withdrawals %+v %+v", r1, r0)
	}
	// The new branch holds one log at the same height; it comes at depth 2.
	nb := f.add(1)
	f.add(0)
	none(t, s)
	f.add(0)
	if l := next(t, s); l.BlockNumber != nb || l.Removed || l.BlockHash == oldHash {
		t.Fatalf("new branch log %+v", l)
	}
}

func TestWatchReorgBelowDepthIsInvisible(t *testing.T) {
	f := newFakeChain()
	s := Watch(context.Background(), f, WatchConfig{Confirmations: 3, PollInterval: 2 * time.Millisecond})
	defer s.Close()
	f.add(1)
	f.add(0)
	none(t, s)
	f.reorg(2) // never delivered, so nothing to withdraw
	f.add(0)
	f.add(0)
	f.add(0)
	f.add(0)
	none(t, s)
}

func TestWatchDeepReorgIsReported(t *testing.T) {
	f := newFakeChain()
	s := Watch(context.Background(), f, WatchConfig{PollInterval: 2 * time.Millisecond, ReorgWindow: 4})
	defer s.Close()
	for range 10 {
		f.add(0)
	}
	f.add(1)
	next(t, s)
	for range 10 {
		f.add(0)
	}
	time.Sleep(30 * time.Millisecond)
	f.reorg(12)
	f.add(0)
	select {
	case err := <-s.Err():
		if !errors.Is(err, ErrDeepReorg) {
			t.Fatalf("err = %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("deep reorg not reported")
	}
}

func TestWatchFromBlockAndFilter(t *testing.T) {
	f := newFakeChain()
	f.add(1)
	b := f.add(1)
	s := Watch(context.Background(), f, WatchConfig{FromBlock: b, PollInterval: 2 * time.Millisecond, MaxRange: 1,
		Addresses: []common.Address{{}}})
	if l := next(t, s); l.BlockNumber != b {
		t.Fatalf("delivered block %d, want from %d", l.BlockNumber, b)
	}
	s.Close()
	if _, open := <-s.Logs(); open {
		t.Fatal("Logs not closed after Close")
	}
	buf := make([]byte, 1<<20)
	if stacks := string(buf[:runtime.Stack(buf, true)]); strings.Contains(stacks, "chain.(*watcher).run") {
		t.Fatal("a watch goroutine outlived Close")
	}
}
