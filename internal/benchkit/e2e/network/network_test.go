package network

import (
	"context"
	"testing"
	"time"
)

// TestLatencyAndThroughput runs both measurements briefly on fast blocks:
// it checks that every task gets its receipt and that the figures are
// sensible, not how fast anything is.
func TestLatencyAndThroughput(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a devnet and sends tasks through the chain")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cfg := DefaultConfig()
	cfg.BlockPeriod, cfg.Workers, cfg.Users, cfg.Contracts = 250*time.Millisecond, 2, 4, 2
	cfg.PerTask = true
	n, err := Start(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	lat, err := n.Latency(ctx, 4, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(lat.Samples) != 8 || lat.Failed != 0 {
		t.Fatalf("latency: %d samples, %d failed, want 8 and 0", len(lat.Samples), lat.Failed)
	}
	for _, s := range lat.Samples {
		if s.ReceiptBlock <= s.RecordBlock {
			t.Errorf("task %s: receipt in block %d, record in %d", s.ID, s.ReceiptBlock, s.RecordBlock)
		}
	}
	t.Logf("latency: p50 %d p99 %d blocks, p50 %v", lat.P50Blocks, lat.P99Blocks, lat.P50Took)
	tp, err := n.Throughput(ctx, time.Second, 3*time.Second, 2)
	if err != nil {
		t.Fatal(err)
	}
	if tp.Receipts == 0 || tp.TasksPerSec <= 0 {
		t.Fatalf("throughput: %+v", tp)
	}
	t.Logf("throughput: %+v", tp)
}

// TestBatched runs the batched measurement briefly: every sampled task is
// proved against its batch root and decrypted, and the figures are
// sensible.
func TestBatched(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a devnet and sends tasks through the chain")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cfg := DefaultConfig()
	cfg.BlockPeriod, cfg.Workers, cfg.Users, cfg.Contracts = 250*time.Millisecond, 2, 4, 2
	n, err := Start(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	r, err := n.Batched(ctx, time.Second, 3*time.Second, 64, 10)
	if err != nil {
		t.Fatal(err)
	}
	if r.Tasks == 0 || r.TasksPerSec <= 0 || r.GasPerTask <= 0 || r.Verified == 0 || r.Failed != 0 || r.Workers.Committed == 0 {
		t.Fatalf("batched: %+v", r)
	}
	t.Logf("batched: %.0f tasks/s, %.0f gas/task, p50 %d p99 %d blocks, %d verified", r.TasksPerSec, r.GasPerTask, r.P50Blocks, r.P99Blocks, r.Verified)
}
