package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"time"
)

// The chaos bench (docs/chaos.md): a network of node processes under load
// from many clients while its nodes are killed and restarted; every task
// must end as its sender expects.
//
//	bench_chaos.go         flags, the run, the table
//	bench_chaos_net.go     the chain and the node processes, kills and restarts
//	bench_chaos_load.go    the clients, their tasks and what each must end as
//	bench_chaos_outcome.go how a task ended, and the report
func init() {
	registerBenchPart("chaos", chaosSummary, 10, benchChaos)
	registerBenchFlags("chaos", defineChaosFlags)
}

const chaosSummary = "a network of node processes under load from many clients while workers and the key manager are killed (SIGKILL) and restarted: how every task ended"

// chaosConfig is one chaos run.
type chaosConfig struct {
	Tasks   int // tasks the clients' lanes send (the vanishing clients' come on top)
	Clients int // concurrent clients, each with its own dev account
	Lanes   int // contracts per client, each with one task in flight
	Workers int

	BlockPeriod   time.Duration
	EpochSize     uint64
	TimeoutEpochs uint64

	KillEvery   int           // a worker is killed every KillEvery tasks sent
	KMKillAt    int           // the key manager is killed when this many tasks were sent (0: never)
	Down        time.Duration // how long a killed node stays down before its restart
	VanishEvery int           // a client vanishes mid-task every VanishEvery tasks sent
	Seed        int64
	Keep        bool // keep the data folders and logs
	Out         io.Writer
}

// defaultChaosConfig runs at the devnet's defaults: 1 s blocks, 10-block
// epochs, a 4-epoch task timeout, 3 workers.
func defaultChaosConfig() chaosConfig {
	return chaosConfig{
		Tasks: 1000, Clients: 8, Lanes: 3, Workers: 3,
		BlockPeriod: time.Second, EpochSize: 10, TimeoutEpochs: 4,
		KillEvery: 100, KMKillAt: 550, Down: 2 * time.Second, VanishEvery: 250,
		Seed: 1, Out: io.Discard,
	}
}

// quickChaosConfig is the short run of the tests: 40 tasks, one worker
// killed and restarted, the key manager too, clients of both kinds
// vanishing. The kills come once every lane's first task is under way
// (the 24 lanes take the first 24 tickets at once), so tasks are in
// flight on the killed worker. Its task timeout is 1 epoch (10 blocks),
// so the vanished client's fee comes back within the run.
func quickChaosConfig() chaosConfig {
	c := defaultChaosConfig()
	c.Tasks, c.KillEvery, c.KMKillAt, c.VanishEvery, c.TimeoutEpochs = 40, 30, 36, 12, 1
	return c
}

func (c chaosConfig) validate() error {
	var errs []error
	if c.Tasks < 1 || c.Clients < 1 || c.Lanes < 1 {
		errs = append(errs, errors.New("chaos: --tasks, --clients and --lanes must be positive"))
	}
	if c.Workers < 2 {
		errs = append(errs, errors.New("chaos: --workers must be at least 2: a killed worker's contracts need another to sync from"))
	}
	if c.BlockPeriod < 10*time.Millisecond || c.EpochSize < 4 || c.TimeoutEpochs < 1 || c.TimeoutEpochs > 4 {
		errs = append(errs, errors.New("chaos: --block at least 10ms, --epoch at least 4 blocks, --timeout-epochs 1 to 4"))
	}
	if c.KillEvery < 1 || c.VanishEvery < 1 || c.KMKillAt < 0 || c.Down < 0 {
		errs = append(errs, errors.New("chaos: --kill-every and --vanish-every must be positive, --km-kill-at and --down not negative"))
	}
	return errors.Join(errs...)
}

func defineChaosFlags(fs *flag.FlagSet) {
	d := defaultChaosConfig()
	fs.Int("tasks", d.Tasks, "tasks the clients send (the vanishing clients' come on top)")
	fs.Int("clients", d.Clients, "concurrent clients, each with its own dev account")
	fs.Int("lanes", d.Lanes, "contracts per client, each with one task in flight")
	fs.Int("workers", d.Workers, "worker processes")
	fs.Duration("block", d.BlockPeriod, "block period of the dev chain")
	fs.Uint64("epoch", d.EpochSize, "blocks per epoch")
	fs.Uint64("timeout-epochs", d.TimeoutEpochs, "epochs before a task's fee is refundable")
	fs.Int("kill-every", d.KillEvery, "kill (SIGKILL) and restart a worker every this many tasks")
	fs.Int("km-kill-at", d.KMKillAt, "kill and restart the key manager once, when this many tasks were sent (0: never)")
	fs.Duration("down", d.Down, "how long a killed node stays down")
	fs.Int("vanish-every", d.VanishEvery, "a client vanishes mid-task every this many tasks")
	fs.Int64("seed", d.Seed, "seed of the task mix")
	fs.Bool("keep", false, "keep the data folders and node logs (their folder is printed)")
}

// chaosConfigOf reads the flags over the defaults (the quick run's with
// --quick); flags set explicitly win.
func chaosConfigOf(opt benchOptions) (chaosConfig, error) {
	c := defaultChaosConfig()
	if opt.Quick {
		c = quickChaosConfig()
	}
	c.Out = opt.Out
	if opt.Flags == nil {
		return c, c.validate()
	}
	var err error
	opt.Flags.Visit(func(f *flag.Flag) {
		v := f.Value.String()
		var e error
		switch f.Name {
		case "tasks":
			c.Tasks, e = strconv.Atoi(v)
		case "clients":
			c.Clients, e = strconv.Atoi(v)
		case "lanes":
			c.Lanes, e = strconv.Atoi(v)
		case "workers":
			c.Workers, e = strconv.Atoi(v)
		case "block":
			c.BlockPeriod, e = time.ParseDuration(v)
		case "epoch":
			c.EpochSize, e = strconv.ParseUint(v, 10, 64)
		case "timeout-epochs":
			c.TimeoutEpochs, e = strconv.ParseUint(v, 10, 64)
		case "kill-every":
			c.KillEvery, e = strconv.Atoi(v)
		case "km-kill-at":
			c.KMKillAt, e = strconv.Atoi(v)
		case "down":
			c.Down, e = time.ParseDuration(v)
		case "vanish-every":
			c.VanishEvery, e = strconv.Atoi(v)
		case "seed":
			c.Seed, e = strconv.ParseInt(v, 10, 64)
		case "keep":
			c.Keep = v == "true"
		}
		err = errors.Join(err, e)
	})
	if err != nil {
		return c, fmt.Errorf("%w: %w", errUsage, err)
	}
	if err := c.validate(); err != nil {
		return c, fmt.Errorf("%w: %w", errUsage, err)
	}
	return c, nil
}

// benchChaos runs the chaos network and reports how every task ended; the
// field "ok" is false when a task hung, was lost, came out wrong or failed
// for the network's own reasons.
func benchChaos(ctx context.Context, opt benchOptions) (benchResult, error) {
	cfg, err := chaosConfigOf(opt)
	if err != nil {
		return benchResult{}, err
	}
	bin, err := os.Executable()
	if err != nil {
		return benchResult{}, fmt.Errorf("chaos: find the enigma binary to run the nodes: %w", err)
	}
	rep, err := runChaos(ctx, bin, cfg)
	if err != nil {
		return benchResult{}, err
	}
	return rep.result(cfg), nil
}

// runChaos starts the network, runs the load with its faults and checks
// every task's result again at the end.
func runChaos(ctx context.Context, bin string, cfg chaosConfig) (*chaosReport, error) {
	dir, err := os.MkdirTemp("", "enigma-chaos-")
	if err != nil {
		return nil, err
	}
	if cfg.Keep {
		fmt.Fprintf(cfg.Out, "chaos: data folders and logs in %s\n", dir)
	} else {
		defer os.RemoveAll(dir)
	}
	start := time.Now()
	net, err := startChaosNet(ctx, bin, dir, cfg)
	if err != nil {
		return nil, err
	}
	defer net.Close()
	fmt.Fprintf(cfg.Out, "chaos: chain, key manager, %d workers and gateway up in %.1fs\n", cfg.Workers, time.Since(start).Seconds())
	rep, err := runChaosLoad(ctx, net, cfg)
	if err != nil {
		return nil, fmt.Errorf("%w\n%s", err, net.Logs(20))
	}
	if bad := rep.bad(); bad > 0 {
		fmt.Fprintf(cfg.Out, "chaos: %d tasks ended badly:\n", bad)
		for _, t := range rep.Tasks {
			if t.outcome().bad() {
				fmt.Fprintf(cfg.Out, "  %s\n", t.describe())
			}
		}
	}
	rep.StopErrs = net.Stop()
	return rep, nil
}

// percentile returns the p-th percentile (0..1) of d.
func percentile(d []time.Duration, p float64) time.Duration {
	if len(d) == 0 {
		return 0
	}
	s := slices.Clone(d)
	slices.Sort(s)
	i := int(p*float64(len(s)-1) + 0.5)
	return s[i]
}
