package gateway

import (
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
)

// value reads a counter.
func value(t *testing.T, c prometheus.Counter) float64 {
	t.Helper()
	var d dto.Metric
	if err := c.Write(&d); err != nil {
		t.Fatal(err)
	}
	return d.GetCounter().GetValue()
}

func TestMetricsCountCallsByBoundedMethod(t *testing.T) {
	reg := prometheus.NewRegistry()
	m := NewMetrics(reg)
	ts := newTestServer(t, &fakeBackend{}, func(c *Config) { c.Metrics = m })
	post(t, ts.URL, call("getInfo", nil))
	post(t, ts.URL, call("getInfo", nil))
	post(t, ts.URL, call("no_such_method_"+t.Name(), nil))
	post(t, ts.URL, call("getTaskStatus", []string{"not an id"}))

	if got := value(t, m.calls.WithLabelValues("getInfo", "ok")); got != 2 {
		t.Errorf("getInfo ok = %v, want 2", got)
	}
	if got := value(t, m.calls.WithLabelValues("other", "-32601")); got != 1 {
		t.Errorf("an unknown method counts as other with code -32601: got %v", got)
	}
	// The method label never takes the unknown name.
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		for _, s := range mf.GetMetric() {
			for _, l := range s.GetLabel() {
				if l.GetName() == "method" && len(l.GetValue()) > 30 {
					t.Fatalf("unbounded method label %q", l.GetValue())
				}
			}
		}
	}
}

func TestNopMetricsServe(t *testing.T) {
	ts := newTestServer(t, &fakeBackend{}, nil) // Config.Metrics nil: NopMetrics
	if r := post(t, ts.URL, call("getInfo", nil)); r["error"] != nil {
		t.Fatalf("getInfo with no metrics: %v", r["error"])
	}
}

func TestRefusalsCounted(t *testing.T) {
	m := NewMetrics(nil)
	ts := newTestServer(t, &fakeBackend{}, func(c *Config) {
		c.Metrics, c.CallsPerSecond, c.CallBurst, c.MaxBatch = m, 0.001, 1, 1
	})
	post(t, ts.URL, call("getInfo", nil))
	post(t, ts.URL, call("getInfo", nil))
	if got := value(t, m.refusals[refusedRate]); got != 1 {
		t.Fatalf("rate refusals = %v, want 1", got)
	}
}
