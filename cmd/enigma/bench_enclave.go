package main

import (
	"context"
	"fmt"

	"github.com/enigma-go/enigma/internal/enclave/enclavebench"
)

func init() {
	registerBenchPart("enclave", "enclave per-task cost on the simulated backend: task keys, Execute, parallel throughput", 1, benchEnclave)
}

// benchEnclave measures the worker enclave's share of a task's pipeline:
// issuing the task key (key generation, ECDH, signature) and Execute of a
// trivial contract (decrypt, inputs hash, VM run, encrypt output and state,
// sign the receipt), then Execute from two goroutines.
func benchEnclave(ctx context.Context, opt benchOptions) (benchResult, error) {
	n := 2000
	if opt.Quick {
		n = 50
	}
	env, err := enclavebench.NewEnv(ctx)
	if err != nil {
		return benchResult{}, fmt.Errorf("start the simulated enclaves: %w", err)
	}
	defer env.Close()
	fmt.Fprintf(opt.Out, "enclave: %d tasks per measurement\n", n)

	var out benchResult
	out.Fields = map[string]any{}
	add := func(r enclavebench.Result, key string) {
		us := float64(r.Elapsed.Microseconds()) / float64(r.Tasks)
		out.Rows = append(out.Rows,
			benchRow{Name: r.Name, Value: us, Unit: "µs/task"},
			benchRow{Name: r.Name, Value: r.TasksPerSec, Unit: "tasks/s", Note: fmt.Sprintf("%d goroutine(s)", r.Goroutines)})
		out.Fields[key+"_us"] = us
		out.Fields[key+"_per_s"] = r.TasksPerSec
	}
	keys, err := env.IssueKeys(ctx, n)
	if err != nil {
		return out, err
	}
	add(keys, "enclave_task_key")
	for _, m := range []struct{ fn, key string }{{"get()", "enclave_execute_get"}, {"set(bytes)", "enclave_execute_set"}} {
		r, err := env.Sequential(ctx, m.fn, n)
		if err != nil {
			return out, err
		}
		add(r, m.key)
	}
	bat, err := env.Batched(ctx, n, 100)
	if err != nil {
		return out, err
	}
	add(bat, "enclave_execute_batched")
	par, err := env.Parallel(ctx, n, 2)
	if err != nil {
		return out, err
	}
	add(par, "enclave_execute_parallel")
	// The worker's whole enclave share of one task, on one core.
	perTask := out.Fields["enclave_task_key_us"].(float64) + out.Fields["enclave_execute_set_us"].(float64)
	out.Rows = append(out.Rows, benchRow{Name: "task key + execute set(bytes)", Value: 1e6 / perTask, Unit: "tasks/s", Note: "one core, enclave share only"})
	out.Fields["enclave_pipeline_per_s"] = 1e6 / perTask
	return out, nil
}
