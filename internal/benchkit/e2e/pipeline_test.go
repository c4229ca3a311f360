package e2e

import (
	"context"
	"testing"
	"time"
)

func TestPipelineRunsTasksDurably(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cfg := DefaultPipelineConfig()
	cfg.Contracts, cfg.Dir = 4, t.TempDir()
	p, err := NewPipeline(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	const n = 40
	r, err := p.Run(ctx, n)
	if err != nil {
		t.Fatal(err)
	}
	if r.Commits != n || r.Tasks != n || r.TasksPerSec() <= 0 || r.ExecPerSec() < r.TasksPerSec() {
		t.Errorf("result %+v", r)
	}
	// Every contract's delta chain grew by its share of the tasks, in order.
	for _, c := range p.cons {
		tip, err := p.store.Tip(ctx, c.addr)
		if err != nil {
			t.Fatal(err)
		}
		if tip.Index != n/4 || tip.Hash != c.last {
			t.Errorf("contract %s: tip %d %s, want %d %s", c.addr, tip.Index, tip.Hash, n/4, c.last)
		}
	}
	// A second run continues the same chains.
	if _, err := p.Run(ctx, 8); err != nil {
		t.Fatal(err)
	}
}

func TestPipelineConfigValidate(t *testing.T) {
	c := DefaultPipelineConfig()
	if err := c.Validate(); err != nil {
		t.Error(err)
	}
	c.Contracts = 0
	if c.Validate() == nil {
		t.Error("0 contracts accepted")
	}
}

// BenchmarkPipeline reports the worker's tasks/s: key issuance, execution
// and synced state commit, over 32 contracts on all cores.
func BenchmarkPipeline(b *testing.B) {
	ctx := context.Background()
	p, err := NewPipeline(ctx, DefaultPipelineConfig())
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	b.ResetTimer()
	r, err := p.Run(ctx, b.N)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(r.TasksPerSec(), "tasks/s")
	b.ReportMetric(r.ExecPerSec(), "exec+commit/s")
}
