package main

import (
	"context"
	"io"
	"testing"
)

func TestBenchGasQuick(t *testing.T) {
	res, err := benchGas(context.Background(), benchOptions{Quick: true, Out: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"compat_gas_per_task", "compat_gas_per_task_1000_deltas", "batched_gas_per_task_100"} {
		if v, ok := res.Fields[f].(uint64); !ok || v == 0 {
			t.Errorf("field %s = %v", f, res.Fields[f])
		}
	}
	if len(res.Rows) < 15 {
		t.Fatalf("%d rows", len(res.Rows))
	}
}
