package worker

import (
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/enigma-go/enigma/internal/enclave"
)

// The recording methods work on NopMetrics and on a nil *Metrics (a
// worker built by hand in a test), and the collector reports what they
// counted, with the batched path's counters read from BatchedStats.
func TestMetricsCountAndCollect(t *testing.T) {
	var nilMetrics *Metrics
	req := &enclave.ExecuteRequest{Kind: enclave.KindDeploy, Envelope: enclave.EnvelopeV2}
	nilMetrics.taskEnded(req, outcomeVerified)
	nilMetrics.stage(req, stageTotal, time.Second)
	nilMetrics.batchedStage(bstageSign, time.Second)
	NopMetrics().taskEnded(req, outcomeVerified)

	reg := prometheus.NewRegistry()
	m := NewMetrics(reg)
	m.taskEnded(req, outcomeVerified)
	m.taskEnded(req, outcomeVerified)
	m.submittedTask(&enclave.ExecuteRequest{Kind: enclave.KindCompute}, resultRefused)
	m.sawEpoch(20)
	m.sawEpoch(10) // an older epoch does not go back
	m.query(queryOK)
	m.query(queryOK)
	m.query(queryRefused)
	nilMetrics.query(queryFailed)
	stats := func() BatchedStats { return BatchedStats{Committed: 7, Landed: 1} }
	m.batched.Store(&stats)

	got := map[string]float64{}
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		for _, s := range mf.GetMetric() {
			key := mf.GetName()
			for _, l := range s.GetLabel() {
				key += "," + l.GetName() + "=" + l.GetValue()
			}
			switch {
			case s.GetCounter() != nil:
				got[key] = s.GetCounter().GetValue()
			case s.GetGauge() != nil:
				got[key] = s.GetGauge().GetValue()
			}
		}
	}
	for key, want := range map[string]float64{
		"enigma_worker_tasks_total,kind=deploy,outcome=verified,protocol=v2":          2,
		"enigma_worker_tasks_total,kind=compute,outcome=committed,protocol=batched":   7,
		"enigma_worker_submissions_total,kind=compute,protocol=compat,result=refused": 1,
		"enigma_worker_batches_total,outcome=landed":                                  1,
		"enigma_worker_queries_total,outcome=ok":                                      2,
		"enigma_worker_queries_total,outcome=failed":                                  0,
		"enigma_worker_queries_total,outcome=refused":                                 1,
		"enigma_worker_epoch_block":                                                   20,
		"enigma_state_disk_bytes":                                                     0, // no store bound
	} {
		if v, ok := got[key]; !ok || v != want {
			t.Errorf("%s = %v (present %v), want %v", key, v, ok, want)
		}
	}
}

// BenchmarkTaskMetrics is what one task of the record path pays for its
// metrics: submission, three stages, the total and its outcome.
func BenchmarkTaskMetrics(b *testing.B) {
	m := NewMetrics(prometheus.NewRegistry())
	req := &enclave.ExecuteRequest{Kind: enclave.KindCompute, Envelope: enclave.EnvelopeCompat}
	b.ReportAllocs()
	for b.Loop() {
		m.submittedTask(req, resultAccepted)
		m.stage(req, stageAccept, time.Millisecond)
		m.stage(req, stageQueue, time.Millisecond)
		m.stage(req, stageExecute, 10*time.Millisecond)
		m.stage(req, stageReceipt, time.Second)
		m.stage(req, stageTotal, time.Second)
		m.taskEnded(req, outcomeVerified)
	}
}
