package worker_test

import (
	"context"
	"crypto/rand"
	"sync"
	"testing"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/worker"
)

// downPeer is a worker that is down (restarting) for its first exports:
// they fail as an unreachable peer on the network does.
type downPeer struct {
	worker.Node
	mu   sync.Mutex
	left int
}

func (d *downPeer) ExportState(ctx context.Context, c api.ContractAddress, from uint32) (*worker.StateExport, error) {
	d.mu.Lock()
	down := d.left > 0
	if down {
		d.left--
	}
	d.mu.Unlock()
	if down {
		return nil, api.Errorf(api.CodeUnavailable, "p2p: worker %s is not reachable: it is down or restarting", d.Signer())
	}
	return d.Node.ExportState(ctx, c, from)
}

// The only worker holding a contract's last delta is restarting when the
// contract moves to another worker: the new worker asks it again until it
// is back, and the task runs instead of being abandoned.
func TestSyncWaitsForARestartingPeer(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	n := startNetwork(t, ctx, 2)
	user, _ := compat.GenerateKey(rand.Reader)
	sc := n.deploy(ctx, user).contract
	if _, r, _, _ := n.run(ctx, user, sc, nil, "store", []byte("kept"), 1_000_000); r.Status != api.StatusSuccess {
		t.Fatal(r.Status)
	}
	first := n.selected(ctx, sc)
	var held worker.Node
	for _, w := range n.workers {
		if w.Signer() == first {
			held = w
		}
	}
	down := &downPeer{Node: held, left: 3}
	n.dir.Add(down)
	for _, w := range n.workers {
		if w.Signer() != first {
			n.moveTo(ctx, sc, w.Signer())
		}
	}
	_, r, out, st := n.run(ctx, user, sc, nil, "get", nil, 1_000_000)
	if r.Status != api.StatusSuccess || st != 2 || string(out) != "kept" {
		t.Fatalf("after the move: %s, chain %d, output %q", r.Status, st, out)
	}
	if down.left != 0 {
		t.Fatalf("the peer was asked %d times fewer than it was down", down.left)
	}
}
