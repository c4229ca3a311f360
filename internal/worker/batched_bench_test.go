package worker_test

import (
	"context"
	"crypto/rand"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/worker"
	"github.com/enigma-go/enigma/internal/workerapi"
)

// BenchmarkBatchedThroughput measures batched tasks through one worker
// and the dev chain (100 ms blocks), from acceptance to commitment, with
// 32 clients on 4 contracts; the clients seal and sign every task before
// the clock starts. It reports tasks/s and where the worker's time went
// per task (Stats.Batched).
//
//	go test -run '^$' -bench BenchmarkBatchedThroughput -benchtime 2000x ./internal/worker
func BenchmarkBatchedThroughput(b *testing.B) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	n := startNetworkOpts(b, ctx, 2, netOptions{configure: func(c *worker.Config) { c.BatchSize, c.BatchAge = 1024, 100*time.Millisecond }})
	owner, _ := compat.GenerateKey(rand.Reader)
	// Four contracts, all selected for the same worker.
	var contracts []api.ContractAddress
	var w *worker.Worker
	for len(contracts) < 4 {
		sc := n.deploy(ctx, owner).contract
		sel := n.selected(ctx, sc)
		if w == nil {
			w = n.worker(sel)
		}
		if sel == w.Signer() {
			contracts = append(contracts, sc)
		}
	}
	users := []*bUser{n.batchedUser(ctx, 0, 1e15), n.batchedUser(ctx, 1, 1e15), n.batchedUser(ctx, 2, 1e15)}
	tasks := make([]*bTask, b.N)
	for i := range tasks {
		tasks[i] = n.newBatched(ctx, users[i%len(users)], contracts[i%len(contracts)], "store", fmt.Appendf(nil, "v%d", i), 100_000, 1)
	}
	before := w.Stats().Batched
	b.ResetTimer()
	start := time.Now()
	const clients = 32
	var wg sync.WaitGroup
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := c; i < len(tasks); i += clients {
				if err := w.SubmitBatched(ctx, tasks[i].req); err != nil {
					b.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	accepted := time.Since(start)
	for _, bt := range tasks {
		for {
			r, err := w.BatchedTask(ctx, bt.req.TaskID)
			if err != nil {
				b.Fatal(err)
			}
			if r != nil && r.Status.Final() {
				if r.Status != workerapi.BatchedCommitted {
					b.Fatalf("task %s: %s %s", bt.req.TaskID, r.Status, r.Error)
				}
				break
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	took := time.Since(start)
	b.StopTimer()
	st := w.Stats().Batched
	per := func(d, d0 time.Duration) float64 { return float64(d-d0) / float64(b.N) / float64(time.Microsecond) }
	b.ReportMetric(float64(b.N)/took.Seconds(), "tasks/s")
	b.ReportMetric(float64(b.N)/accepted.Seconds(), "accepted/s")
	b.ReportMetric(per(st.Check, before.Check), "check-µs/task")
	b.ReportMetric(per(st.AcceptStore, before.AcceptStore), "accept-store-µs/task")
	b.ReportMetric(per(st.Execute, before.Execute), "execute-µs/task")
	b.ReportMetric(per(st.Sign+st.BatchStore+st.CommitStore, before.Sign+before.BatchStore+before.CommitStore), "batch-µs/task")
	b.ReportMetric(float64(st.Batches-before.Batches), "batches")
}
