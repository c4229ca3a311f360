package worker

import (
	"context"
	"errors"
	"fmt"
	"github.com/enigma-go/enigma/internal/workerapi"
	"log/slog"
	"slices"
	"sync"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain/bindings"
	"github.com/enigma-go/enigma/internal/crypto/compat"
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
// was not selected for), and asks the workers for task results, reporting
// only results that match the task's record on chain.
type Router struct {
	dir      Directory
	chain    ResultChain
	info     workerapi.Info
	log      *slog.Logger
	retryFor time.Duration
	// announced looks up results announced on the network; nil when none.
	announced func(api.TaskID) *workerapi.TaskResult
}

// routerRetryFor is how long the Router keeps calling a worker it lists
// but that answers api.CodeUnavailable (not reachable: restarting; or its
// queue is full) before it passes the refusal on: a restart takes a second
// or two, and a client that does not retry (enigma-js 0.3.0) would lose
// its task. The Go client also retries on its own, for the task's timeout.
const routerRetryFor = 5 * time.Second

// ResultChain is what the Router reads from the Enigma contract to check
// the task results workers report; *chain.Enigma implements it.
type ResultChain interface {
	TaskRecord(ctx context.Context, taskID [32]byte) (bindings.EnigmaTaskRecord, error)
	IsDeploymentTask(ctx context.Context, taskID [32]byte) (bool, error)
	StateDeltaHash(ctx context.Context, scAddr [32]byte, index uint64) ([32]byte, error)
}

// NewRouter returns a gateway backend routing to the workers of dir and
// checking their task results against chain (required). log may be nil.
func NewRouter(dir Directory, chain ResultChain, info workerapi.Info, log *slog.Logger) *Router {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Router{dir: dir, chain: chain, info: info, log: log.With("component", "router"), retryFor: routerRetryFor}
}

// UseAnnounced has the router look up task results announced on the
// network (p2p's result gossip) before it asks the workers. Call it before
// the router serves.
func (r *Router) UseAnnounced(f func(api.TaskID) *workerapi.TaskResult) { r.announced = f }

func (r *Router) node(worker api.EthAddress) (Node, error) {
	n, ok := r.dir.Node(worker)
	if !ok {
		return nil, api.Errorf(api.CodeUnavailable, "gateway: worker %s is not running or not reachable from this gateway; if it is the worker selected for your contract, retry when it is back (a recorded task's fee is refundable after the timeout)", worker)
	}
	return n, nil
}

// call calls f on the worker, and again, with backoff, while it answers
// api.CodeUnavailable, for up to retryFor within ctx. A call that did not
// reach the worker is safe to repeat; one whose reply was lost reaches a
// worker that answers a task it accepted as accepted again.
func (r *Router) call(ctx context.Context, worker api.EthAddress, f func(Node) error) error {
	n, err := r.node(worker)
	if err != nil {
		return err
	}
	giveUp := time.Now().Add(r.retryFor)
	for wait := 100 * time.Millisecond; ; wait = min(2*wait, time.Second) {
		err := f(n)
		if err == nil || api.CodeOf(err) != api.CodeUnavailable || !time.Now().Add(wait).Before(giveUp) {
			return err
		}
		r.log.Info("a worker is not available; calling it again", "worker", worker, "in", wait, "err", err)
		select {
		case <-ctx.Done():
			return err
		case <-time.After(wait):
		}
	}
}

// Info implements gateway.Backend.
func (r *Router) Info(context.Context) (workerapi.Info, error) { return r.info, nil }

// WorkerEncryptionKey implements gateway.Backend.
func (r *Router) WorkerEncryptionKey(ctx context.Context, worker api.EthAddress, userPubKey [64]byte) (workerapi.WorkerKey, error) {
	var k workerapi.WorkerKey
	err := r.call(ctx, worker, func(n Node) (err error) {
		k, err = n.TaskKey(ctx, userPubKey, workerapi.Requester(ctx))
		return err
	})
	return k, err
}

// SubmitDeploy implements gateway.Backend.
func (r *Router) SubmitDeploy(ctx context.Context, req *workerapi.DeployRequest) error {
	return r.call(ctx, req.Worker, func(n Node) error { return n.SubmitDeploy(ctx, req) })
}

// SubmitCompute implements gateway.Backend.
func (r *Router) SubmitCompute(ctx context.Context, req *workerapi.ComputeRequest) error {
	return r.call(ctx, req.Worker, func(n Node) error { return n.SubmitCompute(ctx, req) })
}

// EpochKey implements gateway.V2Backend.
func (r *Router) EpochKey(ctx context.Context, worker api.EthAddress) (workerapi.EpochKey, error) {
	var k workerapi.EpochKey
	err := r.call(ctx, worker, func(n Node) (err error) {
		k, err = n.EpochKey(ctx)
		return err
	})
	return k, err
}

// SubmitV2 implements gateway.V2Backend.
func (r *Router) SubmitV2(ctx context.Context, req *workerapi.V2Request) error {
	return r.call(ctx, req.Worker, func(n Node) error { return n.SubmitV2(ctx, req) })
}

// TaskResult implements gateway.Backend. The task's record on chain
// decides what is reported, never a worker alone:
//
//   - no record: not seen (nil);
//   - created (1): INPROGRESS once a worker has seen it, else not seen;
//   - closed by a receipt (2, 3, 4): the first result a worker reports
//     that matches the record (checkResult), with the chain's status; a
//     worker whose result does not match is skipped and logged;
//   - fees returned (5): FAILED, with no output (there is none).
//
// A task closed on chain whose result no reachable worker reports reads as
// not seen; when only mismatching results came, the call fails with
// api.CodeUnavailable.
func (r *Router) TaskResult(ctx context.Context, id api.TaskID) (*workerapi.TaskResult, error) {
	if r.chain == nil {
		return nil, api.Errorf(api.CodeUnavailable, "gateway: this gateway reads no chain, so it cannot check task results; configure its chain")
	}
	rec, err := r.chain.TaskRecord(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("gateway: read the task record of %s on chain: %w", id, err)
	}
	switch rec.Status {
	case 0:
		return nil, nil
	case chainFeesReturned:
		return &workerapi.TaskResult{TaskID: id, Status: api.StatusFailed}, nil
	case chainCreated:
		return r.inProgress(ctx, id)
	}
	deploy, err := r.chain.IsDeploymentTask(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("gateway: read the task record of %s on chain: %w", id, err)
	}
	if a := r.announced; a != nil {
		// A result gossiped by the worker that ran the task saves asking
		// every worker; it is checked like any other.
		if res := a(id); res != nil && res.Status.Final() {
			err := r.checkResult(ctx, id, rec, deploy, res)
			if err == nil {
				return res, nil
			}
			if errors.Is(err, errChainRead) {
				return nil, err
			}
			r.log.Warn("an announced task result does not match the chain; asking the workers", "task", id, "err", err)
		}
	}
	var firstErr error
	answered, mismatched := false, 0
	for _, n := range r.dir.Nodes() {
		res, err := n.TaskResult(ctx, id)
		switch {
		case err != nil:
			firstErr = cmp(firstErr, err)
			continue
		case res == nil || !res.Status.Final():
			answered = true // not seen, or the worker has not yet read the chain's outcome
			continue
		}
		err = r.checkResult(ctx, id, rec, deploy, res)
		if errors.Is(err, errChainRead) {
			return nil, err
		}
		if err != nil {
			mismatched++
			r.log.Warn("a worker reported a task result that does not match the chain; skipped", "task", id, "worker", n.Signer(), "err", err)
			continue
		}
		return res, nil
	}
	switch {
	case mismatched > 0:
		return nil, api.Errorf(api.CodeUnavailable, "gateway: no worker reachable from this gateway reported a result of task %s that matches its record on chain (%d did not); retry later, or read the task's status on chain", id, mismatched)
	case answered:
		return nil, nil // a worker that is down may hold it; until it is back, not seen
	}
	return nil, firstErr
}

// inProgress reports a task whose record is still open: in progress once
// a worker has seen it, whatever the worker says of it.
func (r *Router) inProgress(ctx context.Context, id api.TaskID) (*workerapi.TaskResult, error) {
	var firstErr error
	answered := false
	for _, n := range r.dir.Nodes() {
		res, err := n.TaskResult(ctx, id)
		if err != nil {
			firstErr = cmp(firstErr, err)
			continue
		}
		if res != nil {
			return &workerapi.TaskResult{TaskID: id, Status: api.StatusInProgress}, nil
		}
		answered = true
	}
	if answered {
		return nil, nil
	}
	return nil, firstErr
}

func cmp(first, err error) error {
	if first != nil {
		return first
	}
	return err
}

// errChainRead marks a check that could not read the chain: it says
// nothing of the worker's result.
var errChainRead = errors.New("gateway: read the chain")

// checkResult checks a worker's result of a task closed on chain against
// its record and the contract's delta hashes, and sets the chain's status:
//
//   - the status is the chain's (a task whose callback reverted reads
//     FAILED, with no delta: the chain did not take it);
//   - the output hashes to the record's outputHash, except for a deploy
//     that succeeded or whose callback reverted (the record holds no
//     output hash for those);
//   - a success's delta hashes to its hash, and that hash is the chain's
//     delta of the contract at its index; a deploy's result must carry
//     delta 0 of the contract at its task id, which is what vouches for it.
func (r *Router) checkResult(ctx context.Context, id api.TaskID, rec bindings.EnigmaTaskRecord, deploy bool, res *workerapi.TaskResult) error {
	want := chainStatus(rec.Status)
	switch {
	case res.TaskID != id:
		return fmt.Errorf("it answered for task %s", res.TaskID)
	case res.Status != want:
		return fmt.Errorf("it reports status %s, the chain %s (status %d)", res.Status, want, rec.Status)
	case deploy && !res.Contract.IsZero() && res.Contract != id:
		return fmt.Errorf("it names contract %s for deploy %s", res.Contract, id)
	}
	if !deploy || (rec.Status != chainVerified && rec.Status != chainFailedETH) {
		if h := compat.Keccak256(res.Output); h != rec.OutputHash {
			return fmt.Errorf("its output hashes to %s, the chain recorded %s", h, api.Hash(rec.OutputHash))
		}
	}
	if want != api.StatusSuccess {
		res.Delta = nil
		return nil
	}
	contract := res.Contract
	if deploy {
		contract = id
		if res.Delta == nil || res.Delta.Index != 0 {
			return errors.New("it reports a deployment without its delta 0")
		}
	}
	if res.Delta == nil {
		return nil
	}
	if contract.IsZero() {
		return errors.New("it reports a delta without naming its contract")
	}
	if h := compat.Keccak256(res.Delta.Data); h != res.Delta.Hash {
		return fmt.Errorf("its delta hashes to %s, not the %s it names", h, res.Delta.Hash)
	}
	onChain, err := r.chain.StateDeltaHash(ctx, contract, uint64(res.Delta.Index))
	if err != nil {
		return fmt.Errorf("%w: delta %d of contract %s: %w", errChainRead, res.Delta.Index, contract, err)
	}
	if api.Hash(onChain) != res.Delta.Hash {
		return fmt.Errorf("its delta %d of contract %s is %s, the chain's is %s", res.Delta.Index, contract, res.Delta.Hash, api.Hash(onChain))
	}
	res.Contract = contract
	return nil
}
