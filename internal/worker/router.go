package worker

import (
	"context"
	"slices"
	"sync"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/gateway"
)

// Nodes is a Directory of workers the caller adds and removes (a devnet's
// in-process workers, or clients of worker processes). Safe for concurrent
// use.
type Nodes struct {
	mu sync.RWMutex
	m  map[api.EthAddress]Node
}

// NewNodes returns a directory holding nodes.
func NewNodes(nodes ...Node) *Nodes {
	d := &Nodes{m: map[api.EthAddress]Node{}}
	for _, n := range nodes {
		d.Add(n)
	}
	return d
}

// Add adds or replaces a worker.
func (d *Nodes) Add(n Node) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.m[n.Signer()] = n
}

// Remove removes a worker, e.g. one that stopped.
func (d *Nodes) Remove(signer api.EthAddress) {
	d.mu.Lock()
	defer d.mu.Unlock()
	delete(d.m, signer)
}

// Node implements Directory.
func (d *Nodes) Node(signer api.EthAddress) (Node, bool) {
	d.mu.RLock()
	defer d.mu.RUnlock()
	n, ok := d.m[signer]
	return n, ok
}

// Nodes implements Directory, in signer order.
func (d *Nodes) Nodes() []Node {
	d.mu.RLock()
	defer d.mu.RUnlock()
	out := make([]Node, 0, len(d.m))
	for _, n := range d.m {
		out = append(out, n)
	}
	slices.SortFunc(out, func(a, b Node) int {
		x, y := a.Signer(), b.Signer()
		return slices.Compare(x[:], y[:])
	})
	return out
}

// Router is the gateway's backend over a directory of workers: it hands
// each request to the worker the client named (which forwards a task it
// was not selected for), and asks the workers for task results.
type Router struct {
	dir  Directory
	info gateway.Info
}

// NewRouter returns a gateway backend routing to the workers of dir.
func NewRouter(dir Directory, info gateway.Info) *Router { return &Router{dir: dir, info: info} }

var (
	_ gateway.Backend   = (*Router)(nil)
	_ gateway.V2Backend = (*Router)(nil)
)

func (r *Router) node(worker api.EthAddress) (Node, error) {
	n, ok := r.dir.Node(worker)
	if !ok {
		return nil, api.Errorf(api.CodeUnavailable, "gateway: worker %s is not running or not reachable from this gateway; if it is the worker selected for your contract, retry when it is back (a recorded task's fee is refundable after the timeout)", worker)
	}
	return n, nil
}

// Info implements gateway.Backend.
func (r *Router) Info(context.Context) (gateway.Info, error) { return r.info, nil }

// WorkerEncryptionKey implements gateway.Backend.
func (r *Router) WorkerEncryptionKey(ctx context.Context, worker api.EthAddress, userPubKey [64]byte) (gateway.WorkerKey, error) {
	n, err := r.node(worker)
	if err != nil {
		return gateway.WorkerKey{}, err
	}
	return n.TaskKey(ctx, userPubKey, gateway.Requester(ctx))
}

// SubmitDeploy implements gateway.Backend.
func (r *Router) SubmitDeploy(ctx context.Context, req *gateway.DeployRequest) error {
	n, err := r.node(req.Worker)
	if err != nil {
		return err
	}
	return n.SubmitDeploy(ctx, req)
}

// SubmitCompute implements gateway.Backend.
func (r *Router) SubmitCompute(ctx context.Context, req *gateway.ComputeRequest) error {
	n, err := r.node(req.Worker)
	if err != nil {
		return err
	}
	return n.SubmitCompute(ctx, req)
}

// EpochKey implements gateway.V2Backend.
func (r *Router) EpochKey(ctx context.Context, worker api.EthAddress) (gateway.EpochKey, error) {
	n, err := r.node(worker)
	if err != nil {
		return gateway.EpochKey{}, err
	}
	return n.EpochKey(ctx)
}

// SubmitV2 implements gateway.V2Backend.
func (r *Router) SubmitV2(ctx context.Context, req *gateway.V2Request) error {
	n, err := r.node(req.Worker)
	if err != nil {
		return err
	}
	return n.SubmitV2(ctx, req)
}

// TaskResult implements gateway.Backend: the first worker that knows the
// task answers; a task no worker knows reads as not seen.
func (r *Router) TaskResult(ctx context.Context, id api.TaskID) (*gateway.TaskResult, error) {
	var firstErr error
	answered := false
	for _, n := range r.dir.Nodes() {
		res, err := n.TaskResult(ctx, id)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		if res != nil {
			return res, nil
		}
		answered = true
	}
	if answered {
		return nil, nil // a worker that is down may know it; until it is back, not seen
	}
	return nil, firstErr
}
