package worker

import (
	"context"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/workerapi"
)

// SubmitBatched implements Node.
func (w *Worker) SubmitBatched(ctx context.Context, r *workerapi.BatchedRequest) error {
	return api.Errorf(api.CodeUnavailable, "worker: batched tasks are not served yet")
}

// BatchedTask implements Node.
func (w *Worker) BatchedTask(ctx context.Context, id api.TaskID) (*workerapi.BatchedTask, error) {
	return nil, nil
}
