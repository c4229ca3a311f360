package main

import (
	"context"
	"fmt"
	"runtime"
	"time"

	"github.com/enigma-go/enigma/internal/benchkit/e2e/network"
)

// The e2e suite's parts through the chain run after the start and the
// worker pipeline.
const (
	benchE2EOrderChain1s  = 30
	benchE2EOrderChain250 = 40
)

func init() {
	registerBenchPart("e2e", benchE2ESummary, benchE2EOrderChain1s, benchE2EPart("chain", benchE2EChain1s))
	registerBenchPart("e2e", benchE2ESummary, benchE2EOrderChain250, benchE2EPart("chain250ms", benchE2EChain250ms))
}

// benchE2EChainSetup is the network both chain parts start: 3 workers,
// users with fresh funded keys, two users per test contract.
func benchE2EChainSetup(block time.Duration, quick bool) network.Config {
	cfg := network.DefaultConfig()
	cfg.BlockPeriod = block
	cfg.PerTask = true // the path with a record and a receipt per task; bench_e2e_batched.go measures the batched one
	if quick {
		cfg.Users, cfg.Contracts = 8, 4
	}
	return cfg
}

// benchE2EThroughputTimes are the warm-up and the measured window.
func benchE2EThroughputTimes(quick bool) (warm, window time.Duration) {
	if quick {
		return 2 * time.Second, 5 * time.Second
	}
	return 5 * time.Second, 30 * time.Second
}

// benchE2EChainTimeout bounds each chain part, so that a network that
// stops answering fails the bench instead of hanging it.
const benchE2EChainTimeout = 10 * time.Minute

// benchE2EInFlight is how many tasks a user may have awaiting their
// receipt: enough that a client is never held back by the receipts.
const benchE2EInFlight = 4

// benchE2EChain1s measures, on an in-process devnet with 1 s blocks, the
// latency in blocks of compute tasks from their record's block to their
// receipt's block (a few users, one task after another each), then the
// system's sustained throughput with every user sending at once.
func benchE2EChain1s(ctx context.Context, opt benchOptions) (benchResult, error) {
	ctx, cancel := context.WithTimeout(ctx, benchE2EChainTimeout)
	defer cancel()
	cfg := benchE2EChainSetup(time.Second, opt.Quick)
	users, perUser := 8, 4
	if opt.Quick {
		users, perUser = 6, 1
	}
	start := time.Now()
	n, err := network.Start(ctx, cfg)
	if err != nil {
		return benchResult{}, err
	}
	defer n.Close()
	fmt.Fprintf(opt.Out, "e2e: devnet with %d workers, %d funded users, %d contracts deployed in %.1fs (1 s blocks)\n",
		cfg.Workers, cfg.Users, cfg.Contracts, time.Since(start).Seconds())
	lat, err := n.Latency(ctx, users, perUser)
	if err != nil {
		return benchResult{}, fmt.Errorf("task latency: %w", err)
	}
	fmt.Fprintf(opt.Out, "e2e: latency: %d tasks (%d failed), record to receipt p50 %d, p99 %d, max %d blocks; call to receipt p50 %.2fs, p99 %.2fs\n",
		len(lat.Samples), lat.Failed, lat.P50Blocks, lat.P99Blocks, lat.MaxBlocks, lat.P50Took.Seconds(), lat.P99Took.Seconds())
	warm, window := benchE2EThroughputTimes(opt.Quick)
	tp, err := n.Throughput(ctx, warm, window, benchE2EInFlight)
	if err != nil {
		return benchResult{}, fmt.Errorf("system throughput: %w", err)
	}
	benchE2EPrintThroughput(opt, "1 s", tp)

	latNote := fmt.Sprintf("%d tasks, %d users over %d contracts, one task at a time each; %d workers", len(lat.Samples), users, min(users, cfg.Contracts), cfg.Workers)
	out := benchResult{Fields: map[string]any{
		"latency_p50_blocks":   float64(lat.P50Blocks),
		"latency_p99_blocks":   float64(lat.P99Blocks),
		"latency_max_blocks":   float64(lat.MaxBlocks),
		"latency_p50_s":        lat.P50Took.Seconds(),
		"latency_p99_s":        lat.P99Took.Seconds(),
		"latency_tasks":        len(lat.Samples),
		"system_tasks_per_s":   tp.TasksPerSec,
		"compat_tasks_per_s":   tp.TasksPerSec,
		"system_receipts":      tp.Receipts,
		"system_window_s":      tp.Window.Seconds(),
		"system_users":         cfg.Users,
		"system_contracts":     cfg.Contracts,
		"system_p50_blocks":    float64(tp.P50Blocks),
		"system_max_per_block": tp.MaxPerBlock,
		"system_cpu_cores":     tp.CPUCores,
	}}
	out.Rows = []benchRow{
		{Name: "task latency p50, record block to receipt block", Value: float64(lat.P50Blocks), Unit: "blocks", Note: latNote},
		{Name: "task latency p99, record block to receipt block", Value: float64(lat.P99Blocks), Unit: "blocks", Note: "1 s blocks, confirmation depth 0"},
		{Name: "task latency p50, Compute call to receipt", Value: lat.P50Took.Seconds(), Unit: "s", Note: "approve and record blocks included"},
		{Name: "task latency p99, Compute call to receipt", Value: lat.P99Took.Seconds(), Unit: "s", Note: "1 s blocks"},
		benchE2EThroughputRow("1 s", cfg, tp),
	}
	return out, nil
}

// benchE2EChain250ms is the system throughput again with 250 ms blocks.
func benchE2EChain250ms(ctx context.Context, opt benchOptions) (benchResult, error) {
	ctx, cancel := context.WithTimeout(ctx, benchE2EChainTimeout)
	defer cancel()
	cfg := benchE2EChainSetup(250*time.Millisecond, opt.Quick)
	n, err := network.Start(ctx, cfg)
	if err != nil {
		return benchResult{}, err
	}
	defer n.Close()
	warm, window := benchE2EThroughputTimes(opt.Quick)
	tp, err := n.Throughput(ctx, warm, window, benchE2EInFlight)
	if err != nil {
		return benchResult{}, fmt.Errorf("system throughput: %w", err)
	}
	benchE2EPrintThroughput(opt, "250 ms", tp)
	return benchResult{
		Fields: map[string]any{
			"system_tasks_per_s_250ms":   tp.TasksPerSec,
			"system_p50_blocks_250ms":    float64(tp.P50Blocks),
			"system_max_per_block_250ms": tp.MaxPerBlock,
			"system_cpu_cores_250ms":     tp.CPUCores,
		},
		Rows: []benchRow{benchE2EThroughputRow("250 ms", cfg, tp)},
	}, nil
}

func benchE2EPrintThroughput(opt benchOptions, block string, tp network.ThroughputResult) {
	fmt.Fprintf(opt.Out, "e2e: throughput (%s blocks): %d receipts (%d failed) in %d blocks over %.1fs = %.1f tasks/s; at most %d receipts a block, %d of one contract; p50 %d blocks; %d records sent; fullest block %.1f M of %.0f M gas; CPU %.2f cores of %d\n",
		block, tp.Receipts, tp.Failed, tp.Blocks, tp.Window.Seconds(), tp.TasksPerSec, tp.MaxPerBlock, tp.MaxPerContractBlock, tp.P50Blocks, tp.Sent, float64(tp.MaxBlockGas)/1e6, float64(tp.BlockGasLimit)/1e6, tp.CPUCores, runtime.NumCPU())
}

func benchE2EThroughputRow(block string, cfg network.Config, tp network.ThroughputResult) benchRow {
	return benchRow{
		Name: fmt.Sprintf("system compute tasks, %s blocks", block), Value: tp.TasksPerSec, Unit: "tasks/s",
		Note: fmt.Sprintf("%d users on %d contracts, %d blocks; bounds a block: clients %d (approve, then record: 2 blocks a task), contracts %d (1 receipt each), gas %.0f M (used ≤ %.1f M); CPU %.1f of %d cores",
			cfg.Users, cfg.Contracts, tp.Blocks, cfg.Users/2, cfg.Contracts, float64(tp.BlockGasLimit)/1e6, float64(tp.MaxBlockGas)/1e6, tp.CPUCores, runtime.NumCPU()),
	}
}
