package main

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/chain/devchain"
)

func init() {
	registerBenchPart("chain", "embedded dev chain: start time, memory, contract deployment time with 250 ms and 1 s blocks", 10, benchChain)
}

func benchChain(ctx context.Context, opt benchOptions) (benchResult, error) {
	res := benchResult{Fields: map[string]any{}}
	starts := 7
	if opt.Quick {
		starts = 2
	}
	startMs, heapMB, rssMB, err := benchChainStart(starts)
	if err != nil {
		return res, err
	}
	res.Rows = append(res.Rows,
		benchRow{Name: "dev chain start (median)", Value: startMs, Unit: "ms", Note: fmt.Sprintf("in memory, %d starts", starts)},
		benchRow{Name: "dev chain heap after start", Value: heapMB, Unit: "MiB", Note: "Go heap in use, after GC"},
		benchRow{Name: "dev chain RSS growth", Value: rssMB, Unit: "MiB", Note: "process RSS after start minus before"},
	)
	res.Fields["devchain_start_ms"] = startMs
	res.Fields["devchain_heap_mib"] = heapMB
	res.Fields["devchain_rss_mib"] = rssMB

	periods := []time.Duration{250 * time.Millisecond, time.Second}
	if opt.Quick {
		periods = periods[:1]
	}
	for _, p := range periods {
		fmt.Fprintf(opt.Out, "chain: deploying the contracts with %v blocks\n", p)
		took, blocks, err := benchChainDeploy(ctx, p)
		if err != nil {
			return res, err
		}
		res.Rows = append(res.Rows, benchRow{Name: "deploy token + Enigma, " + p.String() + " blocks", Value: float64(took.Milliseconds()),
			Unit: "ms", Note: fmt.Sprintf("%d block(s) sealed meanwhile; both transactions sent at once", blocks)})
		res.Fields["deploy_ms_"+strings.ReplaceAll(p.String(), ".", "_")] = took.Milliseconds()
	}
	return res, nil
}

func benchChainStart(n int) (medianMs, heapMiB, rssMiB float64, err error) {
	var times []float64
	for i := 0; i < n; i++ {
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		rssBefore := rssBytes()
		cfg := devchain.TestConfig()
		cfg.BlockPeriod = time.Second
		t0 := time.Now()
		c, err := devchain.Start(cfg)
		if err != nil {
			return 0, 0, 0, err
		}
		times = append(times, float64(time.Since(t0).Microseconds())/1000)
		if i == 0 { // the first start: later ones reuse memory freed by earlier ones
			runtime.GC()
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			heapMiB = float64(int64(after.HeapInuse)-int64(before.HeapInuse)) / (1 << 20)
			rssMiB = float64(rssBytes()-rssBefore) / (1 << 20)
		}
		if err := c.Close(); err != nil {
			return 0, 0, 0, err
		}
	}
	sort.Float64s(times)
	return times[len(times)/2], heapMiB, rssMiB, nil
}

// rssBytes reads the resident set size from /proc (0 where there is none).
func rssBytes() int64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0
	}
	pages, _ := strconv.ParseInt(f[1], 10, 64)
	return pages * int64(os.Getpagesize())
}

func benchChainDeploy(ctx context.Context, period time.Duration) (time.Duration, uint64, error) {
	cfg := devchain.TestConfig()
	cfg.BlockPeriod = period
	dev, err := devchain.Start(cfg)
	if err != nil {
		return 0, 0, err
	}
	defer dev.Close()
	ccfg := chain.DefaultConfig()
	ccfg.PollInterval = 20 * time.Millisecond
	c, err := chain.NewClient(ctx, dev.RPC(), ccfg)
	if err != nil {
		return 0, 0, err
	}
	// Wait for a block boundary so every run starts at the same phase.
	first := dev.BlockNumber()
	if err := dev.WaitForBlock(ctx, first+1); err != nil {
		return 0, 0, err
	}
	from := dev.BlockNumber()
	owner := dev.Accounts()[0]
	t0 := time.Now()
	_, err = c.DeployContracts(ctx, chain.KeyAccount(owner.Key), chain.DeployParams{
		Principal: crypto.PubkeyToAddress(owner.Key.PublicKey), EpochSize: 10, TimeoutEpochs: 2,
		SimAttestation: chain.SimAttestation{Signer: owner.Address},
	})
	if err != nil {
		return 0, 0, err
	}
	return time.Since(t0), dev.BlockNumber() - from, nil
}
