package state_test

import (
	"bufio"
	"context"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/internal/state/stategen"
)

// The crash test re-executes this test binary as a writer process that
// commits tasks and prints one line per acknowledged commit, kills it with
// SIGKILL at a random moment, and checks the reopened store: every
// acknowledged task is present and every delta chain is whole.
const (
	crashDirEnv   = "ENIGMA_STATE_CRASH_DIR"
	crashSeedEnv  = "ENIGMA_STATE_CRASH_SEED"
	crashGroupEnv = "ENIGMA_STATE_CRASH_GROUP"
)

// TestHelperProcess is the writer process; it does nothing in a normal run.
func TestHelperProcess(t *testing.T) {
	dir := os.Getenv(crashDirEnv)
	if dir == "" {
		t.Skip("writer process of TestCrashKill9; runs only when re-executed by it")
	}
	seed, _ := strconv.ParseUint(os.Getenv(crashSeedEnv), 10, 64)
	if err := crashWriter(dir, seed, os.Getenv(crashGroupEnv) == "1"); err != nil {
		fmt.Fprintln(os.Stderr, "writer:", err)
		os.Exit(3)
	}
	os.Exit(0)
}

// crashWriter commits tasks from 4 goroutines until it is killed, printing
// "ack <task id> <contract> <delta index or -1> end" after each commit.
func crashWriter(dir string, seed uint64, group bool) error {
	ctx := context.Background()
	cfg := state.DefaultConfig()
	cfg.Dir, cfg.GroupCommit = dir, group
	cfg.CacheBytes, cfg.MemTableBytes = 1<<20, 256<<10 // small memtable: flushes happen during the run
	s, err := state.Open(cfg, nil)
	if err != nil {
		return err
	}
	addrs, err := s.Contracts(ctx)
	if err != nil {
		return err
	}
	var contracts []*stategen.Contract
	for _, a := range addrs {
		tip, err := s.Tip(ctx, a)
		if err != nil {
			return err
		}
		contracts = append(contracts, &stategen.Contract{Addr: a, Tip: tip})
	}
	var outMu sync.Mutex
	ack := func(tc *state.TaskCommit) {
		idx := int64(-1)
		if tc.Delta != nil {
			idx = int64(tc.Delta.Index)
		}
		line := fmt.Sprintf("ack %s %s %d end\n", tc.Result.TaskID.Hex(), tc.Result.Contract.Hex(), idx)
		outMu.Lock()
		os.Stdout.WriteString(line) // one write per line, so a kill never splits one
		outMu.Unlock()
	}
	const writers = 4
	errs := make(chan error, writers)
	for w := range writers {
		go func() {
			g := stategen.New(seed*writers + uint64(w))
			g.StateBytes = 4096
			var mine []*stategen.Contract
			for i, c := range contracts {
				if i%writers == w {
					mine = append(mine, c)
				}
			}
			for n := 0; ; n++ {
				var tc *state.TaskCommit
				var c *stategen.Contract
				switch r := n % 10; {
				case len(mine) < 2 || (r == 0 && len(mine) < 6):
					c, tc = g.Deploy()
					mine = append(mine, c)
				case r == 3:
					tc = g.Failure(mine[n%len(mine)].Addr)
				case r == 7:
					tc = g.ComputeNoDelta(mine[n%len(mine)])
				default:
					c = mine[n%len(mine)]
					tc = g.Compute(c)
				}
				if err := s.CommitTask(ctx, tc); err != nil {
					errs <- err
					return
				}
				if c != nil {
					c.Advance(tc)
				}
				ack(tc)
			}
		}()
	}
	return <-errs
}

type ackedTask struct {
	id, contract api.Hash
	delta        int64
}

func parseAck(line string) (ackedTask, bool) {
	f := strings.Fields(line)
	if len(f) != 5 || f[0] != "ack" || f[4] != "end" {
		return ackedTask{}, false
	}
	id, err1 := api.ParseHash(f[1])
	addr, err2 := api.ParseHash(f[2])
	idx, err3 := strconv.ParseInt(f[3], 10, 64)
	if err1 != nil || err2 != nil || err3 != nil {
		return ackedTask{}, false
	}
	return ackedTask{id, addr, idx}, true
}

// runAndKill starts a writer, lets it run for a random time and kills it.
func runAndKill(t *testing.T, dir string, seed uint64, group bool, rng *rand.Rand) []ackedTask {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashDirEnv+"="+dir, crashSeedEnv+"="+strconv.FormatUint(seed, 10),
		crashGroupEnv+"="+map[bool]string{false: "0", true: "1"}[group])
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var acked []ackedTask
	first := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if a, ok := parseAck(sc.Text()); ok {
				if len(acked) == 0 {
					close(first)
				}
				acked = append(acked, a)
			}
		}
	}()
	// Mostly kill while tasks stream in; sometimes while the store opens.
	if rng.IntN(5) > 0 {
		select {
		case <-first:
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("writer acknowledged nothing in 10s; stderr: %s", stderr.String())
		}
	}
	time.Sleep(time.Duration(rng.IntN(60_000)) * time.Microsecond)
	_ = cmd.Process.Kill() // SIGKILL
	<-done
	err = cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(interface{ Signaled() bool }); !ok || !ws.Signaled() {
		t.Fatalf("writer exited on its own (%v); stderr: %s", err, stderr.String())
	}
	return acked
}

func TestCrashKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("kill -9 crash test skipped in -short mode")
	}
	if runtime.GOOS == "windows" {
		t.Skip("needs SIGKILL")
	}
	iterations := 30
	if raceEnabled {
		iterations = 10
	}
	dir := filepath.Join(t.TempDir(), "state")
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 1))
	ctx := context.Background()
	var all []ackedTask
	for i := range iterations {
		acked := runAndKill(t, dir, seed+uint64(i)*1000, i%2 == 1, rng)
		all = append(all, acked...)

		s, err := state.Open(func() state.Config {
			c := state.DefaultConfig()
			c.Dir = dir
			return c
		}(), nil)
		if err != nil {
			t.Fatalf("iteration %d: reopen after kill: %v", i, err)
		}
		verifyAfterCrash(t, ctx, s, all)
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		t.Logf("iteration %d: %d tasks acknowledged before the kill", i, len(acked))
	}
	if len(all) == 0 {
		t.Fatal("no task was ever acknowledged")
	}
}

func verifyAfterCrash(t *testing.T, ctx context.Context, s state.Store, acked []ackedTask) {
	t.Helper()
	if err := state.CheckConsistency(ctx, s); err != nil {
		t.Fatalf("store inconsistent after the crash: %v", err)
	}
	addrs, err := s.Contracts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range addrs {
		tip, err := s.Tip(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		st, err := s.State(ctx, a)
		if err != nil || st.Index != tip.Index || st.Hash != tip.Hash {
			t.Fatalf("contract %s: state does not match tip %d after the crash (%v)", a, tip.Index, err)
		}
	}
	for _, a := range acked {
		r, err := s.TaskResult(ctx, a.id)
		if err != nil {
			t.Fatalf("acknowledged task %s lost after the crash: %v", hex.EncodeToString(a.id[:]), err)
		}
		if a.delta < 0 {
			continue
		}
		if r.Delta == nil || int64(r.Delta.Index) != a.delta {
			t.Fatalf("task %s: result names delta %v, acknowledged %d", a.id, r.Delta, a.delta)
		}
		h, err := s.DeltaHashes(ctx, a.contract, r.Delta.Index, r.Delta.Index)
		if err != nil || h[0] != r.Delta.Hash {
			t.Fatalf("task %s: delta %d missing or different after the crash (%v)", a.id, a.delta, err)
		}
	}
}
