package main

import (
	"context"
	"fmt"
	"runtime"
	"time"

	"github.com/enigma-go/enigma/internal/benchkit/e2e/network"
	"github.com/enigma-go/enigma/internal/worker"
)

// The batched path runs after the per-task path at 1 s blocks, so both
// figures come from the same run.
const benchE2EOrderBatched = 35

func init() {
	registerBenchPart("e2e", benchE2ESummary, benchE2EOrderBatched, benchE2EPart("batched", benchE2EBatched))
}

// Batched path settings: enough tasks in flight per contract to fill a
// batch a block (a task waits about two blocks for its batch), and one
// task in benchE2EBatchedSample followed to its verified result.
const (
	benchE2EBatchedInFlight = 512
	benchE2EBatchedSample   = 50
)

// benchE2EBatched measures the batched path (docs/protocol/batched.md)
// through the whole system in one process: the embedded chain at 1 s
// blocks, the key manager, 3 workers, the gateway's JSON-RPC and many
// users' Go clients, each user funding its balance once and then sending
// signed, encrypted requests as fast as its client allows.
func benchE2EBatched(ctx context.Context, opt benchOptions) (benchResult, error) {
	ctx, cancel := context.WithTimeout(ctx, benchE2EChainTimeout)
	defer cancel()
	cfg := network.DefaultConfig()
	cfg.BlockPeriod = time.Second
	if opt.Quick {
		cfg.Users, cfg.Contracts = 8, 4
	}
	start := time.Now()
	n, err := network.Start(ctx, cfg)
	if err != nil {
		return benchResult{}, err
	}
	defer n.Close()
	fmt.Fprintf(opt.Out, "e2e: batched: devnet with %d workers, %d users, %d contracts deployed in %.1fs (1 s blocks)\n",
		cfg.Workers, cfg.Users, cfg.Contracts, time.Since(start).Seconds())
	warm, window := benchE2EThroughputTimes(opt.Quick)
	r, err := n.Batched(ctx, warm, window, benchE2EBatchedInFlight, benchE2EBatchedSample)
	if err != nil {
		return benchResult{}, fmt.Errorf("batched path: %w", err)
	}
	fmt.Fprintf(opt.Out, "e2e: batched: %d tasks in %d batches in %d blocks = %.0f tasks/s; at most %d tasks a block; %d sent, %d refused; fullest block %.1f M of %.0f M gas; CPU %.2f cores of %d\n",
		r.Tasks, r.Batches, r.Blocks, r.TasksPerSec, r.MaxPerBlock, r.Sent, r.Refused, float64(r.MaxBlockGas)/1e6, float64(r.BlockGasLimit)/1e6, r.CPUCores, runtime.NumCPU())
	fmt.Fprintf(opt.Out, "e2e: batched: gas %d in %d blocks (funding from the first deposit, %d deposits) over %d tasks = %.0f gas/task\n",
		r.GasTotal, r.GasBlocks, r.Deposits, r.GasTasks, r.GasPerTask)
	fmt.Fprintf(opt.Out, "e2e: batched: latency of %d sampled tasks, send to batch block: p50 %d, p99 %d, max %d blocks; %d verified against the root on chain and decrypted, %d failed\n",
		r.Samples, r.P50Blocks, r.P99Blocks, r.MaxBlocks, r.Verified, r.Failed)
	w := r.Workers
	fmt.Fprintf(opt.Out, "e2e: batched: workers: %d accepted, %d executed, %d committed, %d failed, %d batches (%d landed, %d voided)\n",
		w.Accepted, w.Executed, w.Committed, w.Failed, w.Batches, w.Landed, w.Voided)
	stages := benchE2EStages(w)
	for _, s := range stages {
		fmt.Fprintf(opt.Out, "e2e: batched: time in %-12s %8.1f µs/task  (%s)\n", s.name, s.perTask, s.what)
	}

	note := fmt.Sprintf("%d users over %d contracts, %d workers, 1 s blocks, %v window", cfg.Users, cfg.Contracts, cfg.Workers, window)
	out := benchResult{Fields: map[string]any{
		"batched_tasks_per_s":        r.TasksPerSec,
		"batched_gas_per_task":       r.GasPerTask,
		"batched_latency_p50_blocks": float64(r.P50Blocks),
		"batched_latency_p99_blocks": float64(r.P99Blocks),
		"batched_latency_samples":    r.Samples,
		"batched_tasks":              r.Tasks,
		"batched_batches":            r.Batches,
		"batched_max_per_block":      r.MaxPerBlock,
		"batched_refused":            r.Refused,
		"batched_verified":           r.Verified,
		"batched_failed":             r.Failed,
		"batched_cpu_cores":          r.CPUCores,
		"batched_max_block_gas":      r.MaxBlockGas,
	}}
	out.Rows = []benchRow{
		{Name: "batched tasks committed per second", Value: r.TasksPerSec, Unit: "tasks/s", Note: note},
		{Name: "batched gas per task, all transactions", Value: r.GasPerTask, Unit: "gas", Note: fmt.Sprintf("%d blocks from the first deposit: batches, deposits, epochs", r.GasBlocks)},
		{Name: "batched latency p50, send to batch block", Value: float64(r.P50Blocks), Unit: "blocks", Note: fmt.Sprintf("%d sampled tasks, each proved and decrypted", r.Samples)},
		{Name: "batched latency p99, send to batch block", Value: float64(r.P99Blocks), Unit: "blocks", Note: "1 s blocks"},
	}
	for _, s := range stages {
		name := "batched time in " + s.name
		out.Fields["batched_us_"+s.key] = s.perTask
		out.Rows = append(out.Rows, benchRow{Name: name, Value: s.perTask, Unit: "µs/task", Note: s.what})
	}
	return out, nil
}

type benchStage struct {
	key, name, what string
	perTask         float64
}

// benchE2EStages spreads the workers' stage times over the tasks they
// executed: where a batched task's time goes on the worker's side (the
// stages of different contracts overlap on the cores).
func benchE2EStages(w worker.BatchedStats) []benchStage {
	tasks := float64(max(w.Executed, 1))
	us := func(d time.Duration) float64 { return float64(d.Microseconds()) / tasks }
	return []benchStage{
		{"check", "checks", "signature, epoch, selection, balance, per submission", us(w.Check)},
		{"accept_store", "accept store", "the synced write of each accepted task", us(w.AcceptStore)},
		{"execute", "enclave", "Execute: open the request, run the VM, seal output and state", us(w.Execute)},
		{"sign", "SignBatch", "the batch's tree, delta and signature, per task", us(w.Sign)},
		{"batch_store", "batch store", "the synced write of a signed batch, per task", us(w.BatchStore)},
		{"send", "chain send", "commitBatch's estimate and sending, per task", us(w.Send)},
		{"mined", "chain wait", "waiting for commitBatch to be mined, per task (overlaps the next batch)", us(w.Mined)},
		{"commit_store", "commit store", "the synced write of a landed batch, per task", us(w.CommitStore)},
	}
}
