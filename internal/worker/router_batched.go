package worker

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/batch"
	"github.com/enigma-go/enigma/internal/workerapi"
)

// BatchRootChain is what the Router reads to check a committed batched
// task a worker reports; *chain.Enigma implements it. A ResultChain that
// does not implement it leaves the check to the client (which always
// makes it, docs/protocol/batched.md § 5).
type BatchRootChain interface {
	BatchRoot(ctx context.Context, scAddr [32]byte, index uint64, block *big.Int) ([32]byte, error)
}

// SubmitBatched implements gateway.BatchedBackend: the worker the client
// named gets the task (it forwards one it is not selected for), called
// again while it restarts, as for every other submission.
func (r *Router) SubmitBatched(ctx context.Context, req *workerapi.BatchedRequest) error {
	return r.call(ctx, req.Worker, func(n Node) error { return n.SubmitBatched(ctx, req) })
}

// BatchedTask implements gateway.BatchedBackend. It asks worker first
// (when not zero and known), then the others, and reports the first
// answer it can trust. Only worker, the one the task was sent to, is
// believed on a status that carries no proof (pending, executed, in_batch,
// failed): from any other worker only a committed answer counts, and only
// when it holds together: it is for the task asked, its proof leads from
// its leaf to its root, and that is the chain's root of its batch. So no
// worker but the task's own can have a client give up on a task (failed)
// or wait on it forever. A worker that answers nil has not seen the task
// (a worker that forwarded it keeps nothing of it); an answer that does
// not hold together is skipped and logged. No answer and a worker that
// answered nil: (nil, nil); only answers not to be trusted:
// api.CodeUnavailable (never "not seen", so that a client does not seal
// the task again while a worker may hold it); every worker failed: the
// first error.
func (r *Router) BatchedTask(ctx context.Context, worker api.EthAddress, id api.TaskID) (*workerapi.BatchedTask, error) {
	nodes := r.dir.Nodes()
	if n, ok := r.dir.Node(worker); ok && worker != (api.EthAddress{}) {
		rest := []Node{n}
		for _, m := range nodes {
			if m.Signer() != worker {
				rest = append(rest, m)
			}
		}
		nodes = rest
	}
	var firstErr error
	answered, mismatched := false, 0
	var unchecked []string // "worker: status" of answers only the task's worker is believed on
	for _, n := range nodes {
		t, err := n.BatchedTask(ctx, id)
		switch {
		case err != nil:
			firstErr = cmp(firstErr, err)
			continue
		case t == nil:
			answered = true
			continue
		}
		err = r.checkBatched(ctx, id, t)
		if errors.Is(err, errChainRead) {
			return nil, err
		}
		if err != nil {
			mismatched++
			r.log.Warn("a worker reported a batched task that does not hold together; skipped", "task", id, "worker", n.Signer(), "err", err)
			continue
		}
		if t.Status != workerapi.BatchedCommitted && (worker == (api.EthAddress{}) || n.Signer() != worker) {
			unchecked = append(unchecked, fmt.Sprintf("%s: %s", n.Signer(), t.Status))
			continue
		}
		return t, nil
	}
	switch {
	case mismatched > 0:
		return nil, api.Errorf(api.CodeUnavailable, "gateway: no worker reachable from this gateway reported batched task %s consistently with the chain (%d did not); retry later", id, mismatched)
	case len(unchecked) > 0 && worker == (api.EthAddress{}):
		return nil, api.Errorf(api.CodeUnavailable, "gateway: batched task %s is not committed yet (%s), and only the worker it was sent to is believed before then: name it (workerAddress) or retry once the task's batch is committed", id, strings.Join(unchecked, ", "))
	case len(unchecked) > 0:
		return nil, api.Errorf(api.CodeUnavailable, "gateway: worker %s, which batched task %s was sent to, did not report it, and only it is believed before the task's batch is committed (others report %s); retry later", worker, id, strings.Join(unchecked, ", "))
	case answered:
		return nil, nil
	}
	return nil, firstErr
}

// checkBatched checks what a worker reports of batched task id. Only a
// committed task carries a proof; what it reports before that the client
// does not rely on.
func (r *Router) checkBatched(ctx context.Context, id api.TaskID, t *workerapi.BatchedTask) error {
	if t.TaskID != id {
		return fmt.Errorf("it answered for task %s", t.TaskID)
	}
	if t.Status != workerapi.BatchedCommitted {
		return nil
	}
	leaf := batch.Task{TaskID: id, InputsHash: t.InputsHash, OutputHash: t.OutputHash, DeltaHash: t.DeltaHash,
		GasUsed: t.GasUsed, Fee: new(big.Int).SetBytes(t.Fee[:]), Failed: t.TaskFailed}
	if !batch.Verify(t.Root, leaf, t.Proof) {
		return fmt.Errorf("its proof does not lead from the task's leaf to the root %s it names", t.Root)
	}
	rc, ok := r.chain.(BatchRootChain)
	if !ok {
		return nil
	}
	root, err := rc.BatchRoot(ctx, t.Contract, t.BatchIndex, nil)
	if err != nil {
		return fmt.Errorf("%w: root of batch %d of contract %s: %w", errChainRead, t.BatchIndex, t.Contract, err)
	}
	if api.Hash(root) != t.Root {
		return fmt.Errorf("it names root %s for batch %d of contract %s, the chain holds %s", t.Root, t.BatchIndex, t.Contract, api.Hash(root))
	}
	return nil
}
