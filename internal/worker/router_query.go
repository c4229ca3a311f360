package worker

import (
	"context"

	"github.com/enigma-go/enigma/internal/workerapi"
)

// Query implements gateway.QueryBackend: the worker the query is sealed to
// answers it (no other can open it), called again while it restarts, as
// for every other request. A call whose answer was lost reaches a worker
// that remembers the query: the caller gets api.CodeReplay and seals the
// call again.
func (r *Router) Query(ctx context.Context, req *workerapi.QueryRequest) (*workerapi.QueryResult, error) {
	var res *workerapi.QueryResult
	err := r.call(ctx, req.Worker, func(n Node) (err error) {
		res, err = n.Query(ctx, req)
		return err
	})
	return res, err
}
