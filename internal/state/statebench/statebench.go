// Package statebench measures durable task commits per second on the state
// store: one writer, and N concurrent writers whose commits share WAL
// syncs. `go test -bench` in internal/state and `enigma bench crypto` both
// run it.
//
// It imports api, state and stategen; nothing in production uses it.
package statebench

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/internal/state/stategen"
)

// Options say how long to run and with how many writers.
type Options struct {
	Writers  int           // concurrent committing goroutines, each on its own contract
	Tasks    int           // stop after this many commits in all (0: no limit)
	Duration time.Duration // stop after this long (0: no limit)
	Seed     uint64
}

// Result is what one run measured.
type Result struct {
	Tasks   int
	Elapsed time.Duration
}

// OpsPerSec is durable task commits per second.
func (r Result) OpsPerSec() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Tasks) / r.Elapsed.Seconds()
}

// Run deploys one contract per writer, then times compute-task commits
// (result + delta + 1 KiB state, sync on) until Tasks or Duration is reached.
func Run(ctx context.Context, s state.Store, opt Options) (Result, error) {
	if opt.Writers < 1 || (opt.Tasks <= 0 && opt.Duration <= 0) {
		return Result{}, errors.New("statebench: need at least one writer and a task count or duration")
	}
	gens := make([]*stategen.Gen, opt.Writers)
	contracts := make([]*stategen.Contract, opt.Writers)
	for w := range opt.Writers {
		gens[w] = stategen.New(opt.Seed<<16 + uint64(w))
		c, d := gens[w].Deploy()
		if err := s.CommitTask(ctx, d); err != nil {
			return Result{}, fmt.Errorf("statebench: deploying: %w", err)
		}
		c.Advance(d)
		contracts[w] = c
	}
	var deadline time.Time
	start := time.Now()
	if opt.Duration > 0 {
		deadline = start.Add(opt.Duration)
	}
	var issued, done atomic.Int64
	var wg sync.WaitGroup
	errc := make(chan error, opt.Writers)
	for w := range opt.Writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			g, c := gens[w], contracts[w]
			for {
				if opt.Tasks > 0 && issued.Add(1) > int64(opt.Tasks) {
					return
				}
				if !deadline.IsZero() && time.Now().After(deadline) || ctx.Err() != nil {
					return
				}
				tc := g.Compute(c)
				if err := s.CommitTask(ctx, tc); err != nil {
					errc <- err
					return
				}
				c.Advance(tc)
				done.Add(1)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	select {
	case err := <-errc:
		return Result{}, fmt.Errorf("statebench: committing: %w", err)
	default:
	}
	return Result{Tasks: int(done.Load()), Elapsed: elapsed}, nil
}
