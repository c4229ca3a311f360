package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/enigma-go/enigma/internal/benchkit/e2e"
)

// The e2e suite's parts run in this order; the parts through the chain
// (bench_e2e_chain.go) follow them.
const (
	benchE2EOrderStart  = 10
	benchE2EOrderWorker = 20
)

const benchE2ESummary = "end to end: devnet start time, memory and shutdown; the worker's task pipeline; task latency in blocks and system throughput through the chain"

func init() {
	registerBenchPart("e2e", benchE2ESummary, benchE2EOrderStart, benchE2EPart("start", benchE2EStart))
	registerBenchPart("e2e", benchE2ESummary, benchE2EOrderWorker, benchE2EPart("worker", benchE2EWorker))
	registerBenchFlags("e2e", func(fs *flag.FlagSet) {
		fs.String("parts", "start,worker,chain,batched,chain250ms",
			"the parts to run, comma-separated: start (devnet start and memory), worker (the worker's pipeline), chain (per-task path at 1 s blocks), batched (batched path at 1 s blocks), chain250ms (per-task path at 250 ms blocks)")
	})
}

// benchE2EPart runs part only when --parts names it.
func benchE2EPart(name string, part func(context.Context, benchOptions) (benchResult, error)) func(context.Context, benchOptions) (benchResult, error) {
	return func(ctx context.Context, opt benchOptions) (benchResult, error) {
		if opt.Flags != nil {
			if f := opt.Flags.Lookup("parts"); f != nil && !slices.Contains(strings.Split(f.Value.String(), ","), name) {
				return benchResult{}, nil
			}
		}
		return part(ctx, opt)
	}
}

// benchE2EStart runs this very binary as `enigma devnet` (fresh data
// folder, free ports) and times it from process start until addresses.json
// exists and the gateway answers getInfo; it reads the process's memory
// then and after an idle period, and stops it with SIGINT. Median of 3.
func benchE2EStart(ctx context.Context, opt benchOptions) (benchResult, error) {
	bin, err := os.Executable()
	if err != nil {
		return benchResult{}, fmt.Errorf("find the enigma binary to run as a devnet: %w", err)
	}
	cfg := e2e.DefaultStartConfig(bin)
	runs := 3
	if opt.Quick {
		runs, cfg.Idle = 1, time.Second
	}
	var ready, stop []time.Duration
	var idleCPU []float64
	var rssReady, rssIdle, rssPeak, rssAnon []uint64
	for i := range runs {
		r, err := e2e.MeasureStart(ctx, cfg)
		if err != nil {
			return benchResult{}, fmt.Errorf("devnet start, run %d: %w", i+1, err)
		}
		fmt.Fprintf(opt.Out, "e2e: devnet run %d: ready in %.3fs, RSS %.1f MB ready, %.1f MB (%.1f MB anonymous) after %v idle (CPU %.1f%%), peak %.1f MB, stopped in %.3fs\n",
			i+1, r.Ready.Seconds(), e2eMB(r.RSSReady), e2eMB(r.RSSIdle), e2eMB(r.RSSAnonIdle), cfg.Idle, 100*r.IdleCPU, e2eMB(r.RSSPeak), r.Stop.Seconds())
		ready, stop = append(ready, r.Ready), append(stop, r.Stop)
		rssReady, rssIdle, rssPeak = append(rssReady, r.RSSReady), append(rssIdle, r.RSSIdle), append(rssPeak, r.RSSPeak)
		rssAnon, idleCPU = append(rssAnon, r.RSSAnonIdle), append(idleCPU, 100*r.IdleCPU)
	}
	note := fmt.Sprintf("median of %d", runs)
	out := benchResult{Fields: map[string]any{
		"start_s":      e2eMedian(ready).Seconds(),
		"rss_mb":       e2eMB(e2eMedian(rssPeak)),
		"rss_ready_mb": e2eMB(e2eMedian(rssReady)),
		"rss_idle_mb":  e2eMB(e2eMedian(rssIdle)),
		"rss_anon_mb":  e2eMB(e2eMedian(rssAnon)),
		"stop_s":       e2eMedian(stop).Seconds(),
		"idle_cpu_pct": e2eMedian(idleCPU),
	}}
	out.Rows = []benchRow{
		{Name: "devnet start to addresses.json + getInfo", Value: e2eMedian(ready).Seconds(), Unit: "s", Note: note + ", 3 workers, 1 s blocks"},
		{Name: "devnet memory, peak (VmHWM)", Value: e2eMB(e2eMedian(rssPeak)), Unit: "MB", Note: fmt.Sprintf("%s, after %v idle", note, cfg.Idle)},
		{Name: "devnet memory when ready (VmRSS)", Value: e2eMB(e2eMedian(rssReady)), Unit: "MB", Note: note},
		{Name: "devnet memory after idle (VmRSS)", Value: e2eMB(e2eMedian(rssIdle)), Unit: "MB", Note: fmt.Sprintf("%s, %v idle", note, cfg.Idle)},
		{Name: "devnet own memory after idle (RssAnon)", Value: e2eMB(e2eMedian(rssAnon)), Unit: "MB", Note: "the rest of RSS is the binary's pages mapped from disk"},
		{Name: "devnet CPU while idle", Value: e2eMedian(idleCPU), Unit: "% of a core", Note: fmt.Sprintf("%s, %v idle, 1 s blocks", note, cfg.Idle)},
		{Name: "devnet stop on SIGINT", Value: e2eMedian(stop).Seconds(), Unit: "s", Note: note + ", exit status 0 checked"},
	}
	return out, nil
}

// benchE2EWorker pushes trivial compute tasks through the worker's share
// of the pipeline without the chain: task key issuance, execution in the
// simulated enclave with the real VM, and a synced state store commit, over
// 32 contracts on all cores.
func benchE2EWorker(ctx context.Context, opt benchOptions) (benchResult, error) {
	n := 5000
	if opt.Quick {
		n = 200
	}
	cfg := e2e.DefaultPipelineConfig()
	p, err := e2e.NewPipeline(ctx, cfg)
	if err != nil {
		return benchResult{}, err
	}
	defer p.Close()
	if _, err := p.Run(ctx, 2*cfg.Contracts); err != nil { // warm the VM's caches
		return benchResult{}, err
	}
	r, err := p.Run(ctx, n)
	if err != nil {
		return benchResult{}, err
	}
	fmt.Fprintf(opt.Out, "e2e: worker pipeline: %d tasks over %d contracts, %d in the enclave at once: keys %v, execute+commit %v, %d commits in %d group syncs\n",
		r.Tasks, r.Contracts, r.Parallelism, r.KeyTime.Round(time.Millisecond), r.ExecTime.Round(time.Millisecond), r.Commits, r.Syncs)
	note := fmt.Sprintf("%d tasks, %d contracts, %d cores", r.Tasks, r.Contracts, r.Parallelism)
	out := benchResult{Fields: map[string]any{
		"worker_tasks_per_s":        r.TasksPerSec(),
		"worker_exec_commit_per_s":  r.ExecPerSec(),
		"worker_commits_per_sync":   e2ePerSync(r),
		"worker_pipeline_tasks":     r.Tasks,
		"worker_pipeline_contracts": r.Contracts,
	}}
	out.Rows = []benchRow{
		{Name: "worker tasks: key + execute + synced commit", Value: r.TasksPerSec(), Unit: "tasks/s", Note: note},
		{Name: "worker tasks: execute + synced commit", Value: r.ExecPerSec(), Unit: "tasks/s", Note: note},
		{Name: "task commits per group sync", Value: e2ePerSync(r), Unit: "commits", Note: "state store GroupCommit"},
	}
	return out, nil
}

func e2ePerSync(r e2e.Result) float64 {
	if r.Syncs == 0 {
		return 0
	}
	return float64(r.Commits) / float64(r.Syncs)
}

func e2eMB(b uint64) float64 { return float64(b) / (1 << 20) }

func e2eMedian[T time.Duration | uint64 | float64](v []T) T {
	s := slices.Clone(v)
	slices.Sort(s)
	return s[len(s)/2]
}
