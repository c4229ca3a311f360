package main

import (
	"context"
	"io"
	"testing"
)

func TestBenchE2EChainQuick(t *testing.T) {
	if testing.Short() {
		t.Skip("starts two devnets and sends tasks through the chain")
	}
	ctx := context.Background()
	fields := map[string]any{}
	for _, part := range []func(context.Context, benchOptions) (benchResult, error){benchE2EChain1s, benchE2EChain250ms} {
		r, err := part(ctx, benchOptions{Quick: true, Out: io.Discard})
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range r.Fields {
			fields[k] = v
		}
	}
	for _, f := range []string{"latency_p50_blocks", "latency_p99_blocks", "system_tasks_per_s", "system_tasks_per_s_250ms"} {
		if v, ok := fields[f].(float64); !ok || v <= 0 {
			t.Errorf("field %s = %v", f, fields[f])
		}
	}
	if n, _ := fields["latency_tasks"].(int); n < 6 {
		t.Errorf("latency over %d tasks, want at least 6", n)
	}
	t.Logf("%v", fields)
}
