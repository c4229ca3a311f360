package vmbench

import (
	"context"
	"os"
	"testing"
)

func TestQuickRun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the VM benchmark")
	}
	r, err := Run(context.Background(), Options{Quick: true, Progress: os.Stderr})
	if err != nil {
		t.Fatal(err)
	}
	for name, v := range map[string]float64{"metering overhead": r.MeteringOverhead, "wasm/native": r.RatioWasmNative,
		"interpreter": r.RatioInterpreter, "instantiate+call": r.InstantiateCallUS, "instantiate+call Go": r.InstantiateCallGoUS} {
		if v <= 0 {
			t.Errorf("%s = %v", name, v)
		}
	}
	for _, row := range r.Rows {
		t.Logf("%-55s %10.3f %s %s", row.Name, row.Value, row.Unit, row.Note)
	}
}
