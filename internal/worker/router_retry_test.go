package worker_test

import (
	"context"
	"github.com/enigma-go/enigma/internal/workerapi"
	"testing"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/worker"
)

// restartingNode is a worker that is not reachable for its first calls
// (it restarts), then serves; or refuses every submission with refuse.
type restartingNode struct {
	resultNode
	down   int
	refuse error
	calls  int
}

func (n *restartingNode) answer() error {
	n.calls++
	if n.down > 0 {
		n.down--
		return api.Errorf(api.CodeUnavailable, "p2p: worker %s is not reachable: it is down or restarting", n.signer)
	}
	return n.refuse
}

func (n *restartingNode) SubmitCompute(context.Context, *workerapi.ComputeRequest) error {
	return n.answer()
}

func (n *restartingNode) TaskKey(context.Context, [64]byte, [32]byte) (workerapi.WorkerKey, error) {
	return workerapi.WorkerKey{Signature: []byte{1}}, n.answer()
}

// The gateway's Router calls a listed worker that is restarting again for
// a few seconds, so a client that does not retry (enigma-js) keeps its
// task; a refusal of the worker's own passes at once.
func TestRouterWaitsForARestartingWorker(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	w := &restartingNode{resultNode: resultNode{signer: api.EthAddress{1}}, down: 3}
	r := worker.NewRouter(worker.NewNodes(w), nil, workerapi.Info{}, nil)
	if err := r.SubmitCompute(ctx, &workerapi.ComputeRequest{Worker: w.signer}); err != nil || w.calls != 4 {
		t.Fatalf("submission across a restart: %v after %d calls, want success on the 4th", err, w.calls)
	}
	w.down, w.calls = 2, 0
	if k, err := r.WorkerEncryptionKey(ctx, w.signer, [64]byte{}); err != nil || len(k.Signature) != 1 || w.calls != 3 {
		t.Fatalf("task key across a restart: %v after %d calls", err, w.calls)
	}
	w.calls, w.refuse = 0, api.Errorf(api.CodeNotFound, "no task record")
	if err := r.SubmitCompute(ctx, &workerapi.ComputeRequest{Worker: w.signer}); api.CodeOf(err) != api.CodeNotFound || w.calls != 1 {
		t.Fatalf("a refusal of the worker's own: %v after %d calls, want it at once", err, w.calls)
	}
	// A worker that stays down is given up on with its error.
	w.down, w.calls = 1<<20, 0
	short, cancelShort := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancelShort()
	if err := r.SubmitCompute(short, &workerapi.ComputeRequest{Worker: w.signer}); api.CodeOf(err) != api.CodeUnavailable {
		t.Fatalf("a worker that stays down: %v", err)
	}
}
