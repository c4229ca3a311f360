package main

import (
	"context"
	"fmt"

	"github.com/enigma-go/enigma/internal/chain/bindings/simenv"
)

func init() {
	registerBenchPart("gas", "Enigma contract gas: worker, epoch, task and receipt operations; compat and batched paths per task", 10, benchGas)
}

// benchGas measures the Enigma contract's gas on an in-process simulated
// chain under mainnet rules. --quick stores 50 deltas instead of 1,000 for
// the long-history figures.
func benchGas(ctx context.Context, opt benchOptions) (benchResult, error) {
	gopt := simenv.DefaultGasOptions()
	gopt.Progress = opt.Out
	if opt.Quick {
		gopt.DeltaHistory = 50
	}
	if err := ctx.Err(); err != nil {
		return benchResult{}, err
	}
	rep, err := simenv.MeasureGas(gopt)
	if err != nil {
		return benchResult{}, fmt.Errorf("measure gas: %w", err)
	}
	res := benchResult{Fields: map[string]any{
		"compat_gas_per_task":             rep.CompatPerTask,
		"compat_gas_per_task_1000_deltas": rep.CompatPerTask1000Deltas,
		"compat_gas_first_task_of_user":   rep.CompatFirstTaskOfUser,
		"stored_deltas":                   rep.DeltaHistory,
		"batched_gas_per_task_10_users":   rep.BatchedPerTask10Users,
	}}
	for size, gas := range rep.BatchedPerTask {
		res.Fields[fmt.Sprintf("batched_gas_per_task_%d", size)] = gas
	}
	for _, f := range rep.Figures {
		res.Rows = append(res.Rows, benchRow{Name: f.Name, Value: float64(f.Gas), Unit: "gas", Note: f.Note})
	}
	return res, nil
}
