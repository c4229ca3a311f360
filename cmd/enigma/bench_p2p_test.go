package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/enigma-go/enigma/internal/netns"
)

// The p2p bench's short run: both network sizes, every figure present.
// Only the output's shape is checked, never a time.
func TestBenchP2PQuick(t *testing.T) {
	if testing.Short() {
		t.Skip("starts two networks of libp2p hosts on a dev chain")
	}
	t.Setenv(asBinaryEnv, "1") // the node processes started in namespaces are this binary
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
	// The hand-off across namespaces: measured where they can be made,
	// else one row saying why not.
	link, _ := r.Fields["handoff_link"].(string)
	nsRows := 1
	if err := netns.Available(); err != nil {
		if !strings.HasPrefix(link, "loopback only, netns unavailable: ") {
			t.Errorf("handoff_link %q without namespaces (%v)", link, err)
		}
	} else {
		nsRows = 6
		if link != "netns" {
			t.Errorf("handoff_link %q, want netns", link)
		}
		for _, f := range []string{"handoff_netns_p50_ms", "handoff_netns_p99_ms", "handoff_loopback_p50_ms", "handoff_loopback_p99_ms", "handoff_netns_ratio_p50", "handoff_netns_ratio_p99"} {
			if v, _ := r.Fields[f].(float64); v <= 0 {
				t.Errorf("%s = %v", f, r.Fields[f])
			}
		}
	}
	if len(r.Rows) != 2*9+nsRows {
		t.Errorf("%d table rows, want %d", len(r.Rows), 2*9+nsRows)
	}
}
