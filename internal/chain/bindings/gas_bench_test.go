package bindings_test

import (
	"testing"

	"github.com/enigma-go/enigma/internal/chain/bindings/simenv"
)

// BenchmarkGas reports the gas of the compat and batched paths per task
// (the figures of `enigma bench gas`) as benchmark metrics.
func BenchmarkGas(b *testing.B) {
	opt := simenv.DefaultGasOptions()
	for i := 0; i < b.N; i++ {
		rep, err := simenv.MeasureGas(opt)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(rep.CompatPerTask), "compat-gas/task")
		b.ReportMetric(float64(rep.CompatPerTask1000Deltas), "compat-gas/task@1000-deltas")
		b.ReportMetric(float64(rep.BatchedPerTask[100]), "batched-gas/task@100")
	}
}

// TestMeasureGasRuns checks the gas scenario itself runs (small sizes).
func TestMeasureGasRuns(t *testing.T) {
	t.Parallel()
	rep, err := simenv.MeasureGas(simenv.GasOptions{DeltaHistory: 5, BatchSizes: []int{1, 3}})
	if err != nil {
		t.Fatal(err)
	}
	if rep.CompatPerTask == 0 || rep.BatchedPerTask[3] == 0 {
		t.Fatalf("empty report: %+v", rep)
	}
	for _, f := range rep.Figures {
		t.Logf("%-75s %8d  %s", f.Name, f.Gas, f.Note)
	}
}
