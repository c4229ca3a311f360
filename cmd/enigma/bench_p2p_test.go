package main

import (
	"context"
	"testing"
	"time"
)

// The p2p bench's short run: both network sizes, every figure present.
// Only the output's shape is checked, never a time.
func TestBenchP2PQuick(t *testing.T) {
	if testing.Short() {
		t.Skip("starts two networks of libp2p hosts on a dev chain")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	r, err := benchP2P(ctx, benchOptions{Quick: true, Out: testLogWriter{t}})
	if err != nil {
		t.Fatal(err)
	}
	runs, _ := r.Fields["runs"].([]p2pRun)
	if len(runs) != 2 || runs[0].Workers != 3 || runs[1].Workers != 12 {
		t.Fatalf("runs %+v, want one at 3 and one at 12 workers", runs)
	}
	if link, _ := r.Fields["link"].(string); link != p2pLink {
		t.Errorf("link %q", link)
	}
	for _, x := range runs {
		for name, v := range map[string]float64{
			"new_worker_found_ms": x.NewWorkerFoundMS, "new_worker_first_request_ms": x.NewWorkerFirstRequestMS,
			"handoff_p50_ms": x.HandoffP50MS, "handoff_p99_ms": x.HandoffP99MS, "sync_mb_s": x.SyncMBs,
			"gossip_p50_ms": x.GossipP50MS, "gossip_p99_ms": x.GossipP99MS,
		} {
			if v <= 0 {
				t.Errorf("%d workers: %s = %v", x.Workers, name, v)
			}
		}
		if x.Handoffs == 0 || x.GossipResults == 0 || x.SyncBytes == 0 {
			t.Errorf("%d workers: nothing measured: %+v", x.Workers, x)
		}
	}
	if len(r.Rows) != 2*9 {
		t.Errorf("%d table rows, want 18", len(r.Rows))
	}
}
