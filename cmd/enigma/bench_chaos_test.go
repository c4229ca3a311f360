package main

import (
	"context"
	"strings"
	"testing"
	"time"
)

// The chaos bench's short run: 40 tasks from 8 clients over node
// processes of this binary, a worker and the key manager killed and
// restarted, two clients vanishing mid-task. Every task must end as its
// sender expects.
func TestBenchChaosQuick(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a network of node processes for about a minute")
	}
	t.Setenv(asBinaryEnv, "1") // the nodes the bench starts are this binary
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	r, err := benchChaos(ctx, benchOptions{Quick: true, Out: testLogWriter{t}})
	if err != nil {
		t.Fatal(err)
	}
	f := r.Fields
	for _, o := range []chaosOutcome{chaosHung, chaosLost, chaosWrong, chaosNetwork} {
		if n, _ := f[string(o)].(int); n != 0 {
			t.Errorf("%s = %d, want 0", o, n)
		}
	}
	if problems, _ := f["problems"].([]string); len(problems) > 0 {
		t.Errorf("tasks that ended badly:\n%s", strings.Join(problems, "\n"))
	}
	for _, o := range []chaosOutcome{chaosVerified, chaosFailed, chaosRefunded} {
		if n, _ := f[string(o)].(int); n == 0 {
			t.Errorf("no task ended %s: the mix lacks a kind", o)
		}
	}
	if tasks, _ := f["tasks"].(int); tasks < quickChaosConfig().Tasks {
		t.Errorf("%d tasks, want at least %d", tasks, quickChaosConfig().Tasks)
	}
	restarts, _ := f["restarts"].([]chaosRestart)
	var worker, km bool
	for _, x := range restarts {
		worker = worker || strings.HasPrefix(x.Node, "worker")
		km = km || x.Node == "km"
	}
	if !worker || !km {
		t.Errorf("restarts %+v, want a worker's and the key manager's", restarts)
	}
	if stop, _ := f["stop_errors"].([]string); len(stop) > 0 {
		t.Errorf("nodes that did not stop cleanly: %v", stop)
	}
}

// testLogWriter passes the bench's progress lines to the test log.
type testLogWriter struct{ t *testing.T }

func (w testLogWriter) Write(b []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(b), "\n"))
	return len(b), nil
}
