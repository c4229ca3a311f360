package main

import (
	"context"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/enigma-go/enigma/internal/devnet"
	"github.com/enigma-go/enigma/sdk/client"
	"github.com/enigma-go/enigma/sdk/contract/build"
)

func init() {
	registerBenchPart("client", "Go client on an in-process devnet: deploy and compute latency per envelope, in seconds and blocks", 10, benchClient)
}

// benchClientBlock is the devnet's block period: the devnet default is 1 s,
// tests use 200 ms; 250 ms keeps the run short while blocks still dominate.
const benchClientBlock = 250 * time.Millisecond

// benchClient deploys the calculator and sends compute tasks through
// sdk/client, timing each from the call to Deploy/Compute until Output
// returns (approve, record, execution, receipt, result). Median per envelope.
func benchClient(ctx context.Context, opt benchOptions) (benchResult, error) {
	runs := 9
	if opt.Quick {
		runs = 2
	}
	dir, err := os.MkdirTemp("", "enigma-bench-client-")
	if err != nil {
		return benchResult{}, err
	}
	defer os.RemoveAll(dir)
	res, err := build.Contract(ctx, build.Options{Dir: filepath.Join("examples", "calculator"), Out: filepath.Join(dir, "calculator.wasm"), Stderr: os.Stderr})
	if err != nil {
		return benchResult{}, fmt.Errorf("build examples/calculator (run from the repository's root): %w", err)
	}
	code, err := os.ReadFile(res.Path)
	if err != nil {
		return benchResult{}, err
	}
	cfg := devnet.TestConfig()
	cfg.BlockPeriod = benchClientBlock
	d, err := devnet.Start(ctx, cfg)
	if err != nil {
		return benchResult{}, err
	}
	defer d.Close()

	out := benchResult{Fields: map[string]any{}}
	for i, env := range []client.Envelope{client.EnvelopeV2, client.EnvelopeCompat} {
		c, err := benchClientDial(ctx, d, 1+cfg.Workers+i, env)
		if err != nil {
			return out, err
		}
		deploy, err := benchClientTask(ctx, c, func() (*client.Task, error) { return c.Deploy(ctx, code, "construct()") })
		if err != nil {
			c.Close()
			return out, fmt.Errorf("deploy (%s): %w", env, err)
		}
		var secs, blocks []float64
		for range runs {
			r, err := benchClientTask(ctx, c, func() (*client.Task, error) {
				return c.Compute(ctx, deploy.task.Contract, "add(uint256,uint256)", big.NewInt(76), big.NewInt(17))
			})
			if err != nil {
				c.Close()
				return out, fmt.Errorf("compute (%s): %w", env, err)
			}
			secs, blocks = append(secs, r.took.Seconds()), append(blocks, float64(r.blocks))
		}
		c.Close()
		fmt.Fprintf(opt.Out, "client: %s: deploy %.2fs, compute median %.2fs over %d tasks\n", env, deploy.took.Seconds(), benchMedianF(secs), runs)
		note := fmt.Sprintf("median of %d, %v blocks", runs, benchClientBlock)
		out.Rows = append(out.Rows,
			benchRow{Name: fmt.Sprintf("deploy calculator (%s)", env), Value: deploy.took.Seconds(), Unit: "s", Note: fmt.Sprintf("%d blocks, %d-byte Go contract", deploy.blocks, len(code))},
			benchRow{Name: fmt.Sprintf("compute add (%s)", env), Value: benchMedianF(secs), Unit: "s", Note: note},
			benchRow{Name: fmt.Sprintf("compute add (%s), blocks", env), Value: benchMedianF(blocks), Unit: "blocks", Note: "from the first chain read to the receipt's block"},
		)
		out.Fields[fmt.Sprintf("compute_%s_s", env)] = benchMedianF(secs)
		out.Fields[fmt.Sprintf("compute_%s_blocks", env)] = benchMedianF(blocks)
		out.Fields[fmt.Sprintf("deploy_%s_s", env)] = deploy.took.Seconds()
	}
	return out, nil
}

func benchClientDial(ctx context.Context, d *devnet.Devnet, account int, env client.Envelope) (*client.Client, error) {
	a := d.Addresses()
	cfg := client.DefaultConfig()
	cfg.ChainRPC, cfg.Gateway, cfg.Enigma, cfg.Token = d.ChainURL(), d.GatewayURL(), a.Contract.Hex(), a.Token.Hex()
	cfg.Envelope, cfg.PollInterval = env, 50*time.Millisecond
	cfg.PerTask = true // latency from record to receipt; bench e2e measures the batched path
	if account < len(d.Accounts()) {
		cfg.Account = d.Accounts()[account].Hex()
	}
	return client.New(ctx, cfg)
}

type benchClientRun struct {
	task   *client.Task
	took   time.Duration
	blocks uint64
}

func benchClientTask(ctx context.Context, c *client.Client, send func() (*client.Task, error)) (benchClientRun, error) {
	e, err := c.Epoch(ctx)
	if err != nil {
		return benchClientRun{}, err
	}
	start := time.Now()
	t, err := send()
	if err != nil {
		return benchClientRun{}, err
	}
	st, err := t.Wait(ctx, nil)
	if err != nil {
		return benchClientRun{}, err
	}
	if _, err := t.Output(ctx); err != nil {
		return benchClientRun{}, err
	}
	return benchClientRun{task: t, took: time.Since(start), blocks: st.Head - e.Head}, nil
}

func benchMedianF(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	return s[len(s)/2]
}
