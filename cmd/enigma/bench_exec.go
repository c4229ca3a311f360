package main

import (
	"context"

	"github.com/enigma-go/enigma/internal/vm/vmbench"
)

func init() {
	registerBenchPart("exec", "secret-contract VM: metering overhead, wasm/native ratio, per-task costs", 10, benchExec)
}

// benchExec runs the VM benchmarks of internal/vm/vmbench.
func benchExec(ctx context.Context, opt benchOptions) (benchResult, error) {
	r, err := vmbench.Run(ctx, vmbench.Options{Quick: opt.Quick, Progress: opt.Out})
	if err != nil {
		return benchResult{}, err
	}
	res := benchResult{Fields: map[string]any{
		"metering_overhead":             r.MeteringOverhead,
		"ratio_wasm_native":             r.RatioWasmNative,
		"ratio_wasm_native_interpreter": r.RatioInterpreter,
		"instantiate_call_us":           r.InstantiateCallUS,
		"instantiate_call_go_us":        r.InstantiateCallGoUS,
	}}
	for _, row := range r.Rows {
		res.Rows = append(res.Rows, benchRow{Name: row.Name, Value: row.Value, Unit: row.Unit, Note: row.Note})
	}
	return res, nil
}
