package main

import (
	"context"
	"io"
	"os"
	"testing"
)

// asBinaryEnv makes the test binary run as the enigma command itself, so
// benchmarks that start `enigma devnet` processes can be tested without
// building the binary.
const asBinaryEnv = "ENIGMA_TEST_AS_BINARY"

func TestMain(m *testing.M) {
	if os.Getenv(asBinaryEnv) == "1" {
		main()
	}
	os.Exit(m.Run())
}

func TestBenchE2EQuick(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a devnet process and runs the worker pipeline")
	}
	t.Setenv(asBinaryEnv, "1") // the devnet the bench starts is this binary
	ctx := context.Background()
	var fields = map[string]any{}
	for _, part := range []func(context.Context, benchOptions) (benchResult, error){benchE2EStart, benchE2EWorker} {
		r, err := part(ctx, benchOptions{Quick: true, Out: io.Discard})
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range r.Fields {
			fields[k] = v
		}
	}
	for _, f := range []string{"start_s", "rss_mb", "worker_tasks_per_s"} {
		if v, ok := fields[f].(float64); !ok || v <= 0 {
			t.Errorf("field %s = %v", f, fields[f])
		}
	}
	t.Logf("%v", fields)
}
