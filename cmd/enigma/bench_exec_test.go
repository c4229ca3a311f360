package main

import (
	"context"
	"io"
	"testing"
)

func TestBenchExecQuick(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the VM benchmark")
	}
	r, err := benchExec(context.Background(), benchOptions{Quick: true, Out: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"metering_overhead", "ratio_wasm_native", "instantiate_call_us", "instantiate_call_go_us"} {
		if v, ok := r.Fields[f].(float64); !ok || v <= 0 {
			t.Errorf("field %s = %v", f, r.Fields[f])
		}
	}
}
