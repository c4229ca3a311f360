package telemetry

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
)

func TestWrapAddsRoleAndNode(t *testing.T) {
	reg := NewRegistry()
	c := prometheus.NewCounter(prometheus.CounterOpts{Namespace: Namespace, Subsystem: "test", Name: "things_total", Help: "things"})
	Register(Wrap(reg, RoleWorker, "3"), c)
	c.Add(2)
	srv := httptest.NewServer(Handler(reg))
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	body := string(b)
	if !strings.Contains(body, `enigma_test_things_total{node="3",role="worker"} 2`) {
		t.Fatalf("the counter with its labels is missing from:\n%s", body)
	}
	for _, want := range []string{"go_goroutines", "process_cpu_seconds_total"} {
		if !strings.Contains(body, want) {
			t.Errorf("%s missing: the registry should hold the Go and process collectors", want)
		}
	}
}

func TestNilRegistererRegistersNothing(t *testing.T) {
	if Wrap(nil, RoleKeyManager, "km") != nil {
		t.Fatal("Wrap(nil) must stay nil")
	}
	c := prometheus.NewCounter(prometheus.CounterOpts{Name: "x_total", Help: "x"})
	Register(nil, c) // must not panic
	c.Inc()
}

func TestBounded(t *testing.T) {
	known := map[string]bool{"getInfo": true}
	if Bounded("getInfo", known) != "getInfo" || Bounded("evil", known) != Other {
		t.Fatal("Bounded must keep known values and map the rest to other")
	}
}

func TestBucketsAscend(t *testing.T) {
	for name, b := range map[string][]float64{"latency": LatencyBuckets, "fast": FastBuckets, "gas": GasBuckets} {
		for i := 1; i < len(b); i++ {
			if b[i] <= b[i-1] {
				t.Fatalf("%s buckets not ascending at %d: %v", name, i, b)
			}
		}
	}
}
