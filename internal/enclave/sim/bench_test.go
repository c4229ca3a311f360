package sim_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/enclave/enclavebench"
)

// BenchmarkExecute measures Execute of a trivial compute task (the client's
// preparation, including the task key, is outside the timer).
func BenchmarkExecute(b *testing.B) {
	for _, fn := range []string{"get()", "set(bytes)"} {
		b.Run(fn, func(b *testing.B) {
			ctx := context.Background()
			env, err := enclavebench.NewEnv(ctx)
			if err != nil {
				b.Fatal(err)
			}
			defer env.Close()
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				req, err := env.Task(ctx, enclave.KindCompute, fn, []byte(fmt.Sprint(i)))
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				resp, err := env.Worker.Execute(ctx, req)
				if err != nil || resp.Status != enclave.TaskSuccess {
					b.Fatalf("execute: %v %+v", err, resp)
				}
				env.Commit(resp)
			}
		})
	}
}

// BenchmarkNewTaskKey measures task key issuance: key generation, ECDH and
// the signature.
func BenchmarkNewTaskKey(b *testing.B) {
	ctx := context.Background()
	env, err := enclavebench.NewEnv(ctx)
	if err != nil {
		b.Fatal(err)
	}
	defer env.Close()
	req := &enclave.TaskKeyRequest{Epoch: 100}
	probe, _ := env.Task(ctx, enclave.KindCompute, "get()", nil)
	req.UserPubKey = probe.UserPubKey
	for b.Loop() {
		if _, err := env.Worker.NewTaskKey(ctx, req); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExecuteHeld measures what holding a task adds to it: HoldTask
// (at accept) and Execute with the blob, against Execute alone, for the
// same compute task.
func BenchmarkExecuteHeld(b *testing.B) {
	for _, held := range []bool{false, true} {
		b.Run(fmt.Sprintf("held=%v", held), func(b *testing.B) {
			ctx := context.Background()
			env, err := enclavebench.NewEnv(ctx)
			if err != nil {
				b.Fatal(err)
			}
			defer env.Close()
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				req, err := env.Task(ctx, enclave.KindCompute, "get()", nil)
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if held {
					h, err := env.Worker.HoldTask(ctx, &enclave.HoldTaskRequest{Task: *req})
					if err != nil {
						b.Fatal(err)
					}
					req.Held = h.Blob
				}
				resp, err := env.Worker.Execute(ctx, req)
				if err != nil || resp.Status != enclave.TaskSuccess {
					b.Fatalf("execute: %v %+v", err, resp)
				}
				env.Commit(resp)
			}
		})
	}
}
