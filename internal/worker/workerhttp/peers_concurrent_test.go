package workerhttp

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/worker"
)

// gatedVerifier passes every peer once released, and says when a check
// began.
type gatedVerifier struct {
	began   chan struct{}
	release chan struct{}
	once    sync.Once
}

func (g *gatedVerifier) Verify(ctx context.Context, _ worker.Node, _ []byte) error {
	g.once.Do(func() { close(g.began) })
	select {
	case <-g.release:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// A caller that asks for the peers while another caller is still checking
// a peer's identity waits for that check and sees the peer: a worker's
// first state sync ran into an empty directory because the gateway's
// request had started the dial a moment before.
func TestPeersConcurrentCallersSeeAPeerBeingChecked(t *testing.T) {
	a := &fakeNode{signer: api.EthAddress{0x01}}
	ts, _ := serve(t, a)
	g := &gatedVerifier{began: make(chan struct{}), release: make(chan struct{})}
	p, err := NewPeers([]string{ts.URL}, g, TestConfig())
	if err != nil {
		t.Fatal(err)
	}
	first := make(chan []worker.Node, 1)
	go func() { first <- p.Nodes() }()
	<-g.began
	second := make(chan []worker.Node, 1)
	go func() { second <- p.Nodes() }()
	// Let the second caller reach the peer being checked (when it is late,
	// the test passes without showing anything, never fails wrongly).
	time.Sleep(100 * time.Millisecond)
	close(g.release)
	for name, ch := range map[string]chan []worker.Node{"first": first, "second": second} {
		if n := <-ch; len(n) != 1 || n[0].Signer() != a.signer {
			t.Errorf("the %s caller got %v, want the peer", name, n)
		}
	}
}
