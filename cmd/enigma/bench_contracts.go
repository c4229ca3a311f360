package main

import (
	"context"

	"github.com/enigma-go/enigma/examples/bench"
)

func init() {
	registerBenchPart("contracts", "example Go contracts on the VM: module size, deploy and call gas, call time", 10, benchContracts)
}

// benchContracts builds the example contracts and measures them on the VM.
func benchContracts(ctx context.Context, opt benchOptions) (benchResult, error) {
	r, err := bench.Run(ctx, bench.Options{Quick: opt.Quick, Progress: opt.Out})
	if err != nil {
		return benchResult{}, err
	}
	res := benchResult{Fields: r.Fields}
	for _, row := range r.Rows {
		res.Rows = append(res.Rows, benchRow{Name: row.Name, Value: row.Value, Unit: row.Unit, Note: row.Note})
	}
	return res, nil
}
