package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/chain/devchain"
	"github.com/enigma-go/enigma/internal/node"
)

func init() {
	registerBenchPart("nodes", "node roles as processes: startup time of the key manager, two workers and the gateway on a dev chain", 10, benchNodes)
}

// benchNodes starts a dev chain in this process and the four node
// processes of this binary on it, km first, then both workers at once,
// then the gateway, and reports how long each took from process start to
// serving, and the whole until the first epoch is set.
func benchNodes(ctx context.Context, opt benchOptions) (benchResult, error) {
	res := benchResult{Fields: map[string]any{}}
	bin, err := os.Executable()
	if err != nil {
		return res, err
	}
	runs := 3
	if opt.Quick {
		runs = 1
	}
	times := map[string][]float64{}
	for i := range runs {
		fmt.Fprintf(opt.Out, "nodes: run %d of %d\n", i+1, runs)
		t, err := benchNodesOnce(ctx, bin)
		if err != nil {
			return res, err
		}
		for k, v := range t {
			times[k] = append(times[k], v.Seconds())
		}
	}
	for _, name := range []string{"km", "worker0", "worker1", "gateway", "total", "first_epoch"} {
		m := medianSeconds(times[name])
		note := "process start to serving"
		switch name {
		case "km":
			note += "; deploys the contracts and funds the dev accounts"
		case "worker0", "worker1":
			note += "; registers, stakes and logs in (started together)"
		case "total":
			note = "km start to gateway serving, one role after the other"
		case "first_epoch":
			note = "km start to the first epoch on chain (it waits for both workers)"
		}
		res.Rows = append(res.Rows, benchRow{Name: "startup " + name + fmt.Sprintf(" (median of %d)", runs), Value: m, Unit: "s", Note: note})
		res.Fields["start_s_"+name] = m
	}
	res.Fields["block_period_ms"] = 100
	return res, nil
}

func benchNodesOnce(ctx context.Context, bin string) (map[string]time.Duration, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	dc := devchain.TestConfig() // 100 ms blocks, free port, in memory
	c, err := devchain.Start(dc)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	var accs []common.Address
	for _, a := range c.Accounts() {
		accs = append(accs, a.Address)
	}
	dir, err := os.MkdirTemp("", "enigma-bench-nodes-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	t0 := time.Now()
	nn, err := startNodeNet(ctx, nodeNetOptions{Bin: bin, Dir: dir, ChainURL: c.HTTPEndpoint(), Accounts: accs, EpochSize: 1000})
	if err != nil {
		return nil, err
	}
	defer nn.Close()
	out := copyDurations(nn.Started)
	out["total"] = time.Since(t0)
	if err := nn.WaitFirstEpoch(ctx); err != nil {
		return nil, err
	}
	out["first_epoch"] = time.Since(t0)
	return out, nil
}

func copyDurations(m map[string]time.Duration) map[string]time.Duration {
	out := make(map[string]time.Duration, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func medianSeconds(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	return s[len(s)/2]
}

// nodeNetOptions describe a network of node processes: a key manager, two
// workers and a gateway.
type nodeNetOptions struct {
	Bin      string           // the enigma binary
	Dir      string           // config files, logs and data dirs
	ChainURL string           // Ethereum JSON-RPC
	Accounts []common.Address // the node's unlocked accounts: 0 deploys; km and workers send from role accounts
	// WorkerChainURL, if set, gives worker i another way to the chain.
	WorkerChainURL func(i int) string
	EpochSize      uint64
	TimeoutEpochs  uint64 // default 1
	LogLevel       string
}

// nodeNet is a running network of node processes.
type nodeNet struct {
	Procs   map[string]*nodeProc
	Started map[string]time.Duration // process start to serving
	Configs map[string]node.Config
	KMDir   string
}

// startNodeNet starts the key manager, then both workers, then the
// gateway, each once the one before serves.
func startNodeNet(ctx context.Context, opt nodeNetOptions) (_ *nodeNet, err error) {
	if len(opt.Accounts) < 1 {
		return nil, errors.New("bench: the chain needs an unlocked account to deploy from")
	}
	timeoutEpochs := max(opt.TimeoutEpochs, 1)
	level := opt.LogLevel
	if level == "" {
		level = "info"
	}
	var addrs [4]string
	for i := range addrs {
		if addrs[i], err = freeLoopbackAddr(); err != nil {
			return nil, err
		}
	}
	kmAddr, gwAddr, wAddr := addrs[0], addrs[1], addrs[2:]
	nn := &nodeNet{Procs: map[string]*nodeProc{}, Started: map[string]time.Duration{}, Configs: map[string]node.Config{}, KMDir: filepath.Join(opt.Dir, "km")}
	defer func() {
		if err != nil {
			nn.Close()
		}
	}()
	poll := node.Duration(25 * time.Millisecond)
	km, workers, gw := node.LocalNetwork(opt.Dir, opt.ChainURL, node.LocalAddrs{KM: kmAddr, Gateway: gwAddr, Workers: wAddr})
	km.ChainPoll, km.EpochPoll, km.EpochSize, km.TimeoutEpochs, km.MinWorkers, km.LogLevel = poll, node.Duration(100*time.Millisecond), opt.EpochSize, timeoutEpochs, 2, level
	nn.Configs["km"] = km
	gw.ChainPoll, gw.LogLevel = poll, level
	nn.Configs["gateway"] = gw
	for i, w := range workers {
		role := devchain.RoleWorker(i)
		if opt.WorkerChainURL != nil {
			w.ChainRPC = opt.WorkerChainURL(i)
		}
		w.ChainPoll, w.RoleAccount, w.LogLevel = poll, &role, level
		nn.Configs[node.LocalWorkerName(i)] = w
	}
	for _, group := range [][]string{{"km"}, {"worker0", "worker1"}, {"gateway"}} {
		if err := nn.launch(ctx, opt, group); err != nil {
			return nn, err
		}
	}
	return nn, nil
}

func (nn *nodeNet) launch(ctx context.Context, opt nodeNetOptions, names []string) error {
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	var mu sync.Mutex
	for i, name := range names {
		p, err := startNodeProc(opt.Bin, opt.Dir, name, nn.Configs[name])
		if err != nil {
			return err
		}
		nn.Procs[name] = p
		wg.Add(1)
		go func() {
			defer wg.Done()
			d, err := p.WaitReady(ctx)
			mu.Lock()
			nn.Started[name], errs[i] = d, err
			mu.Unlock()
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// WaitFirstEpoch waits until the key manager set an epoch.
func (nn *nodeNet) WaitFirstEpoch(ctx context.Context) error {
	info := nn.Procs["km"].Info
	cc := chain.DefaultConfig()
	cc.RPCURL = nn.Configs["km"].ChainRPC
	ch, err := chain.Dial(ctx, cc)
	if err != nil {
		return err
	}
	defer ch.Close()
	e := ch.Bind(chain.Addresses{Enigma: *info.Enigma, Token: *info.Token})
	for {
		st, err := e.EpochState(ctx)
		if err == nil && st.Count.Sign() > 0 {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("the key manager set no epoch (last error: %v): %w", err, ctx.Err())
		case <-time.After(25 * time.Millisecond):
		}
	}
}

// Close kills the processes still running.
func (nn *nodeNet) Close() {
	for _, p := range nn.Procs {
		p.Kill()
	}
}

// Logs returns the last lines of every process's log.
func (nn *nodeNet) Logs(lines int) string {
	var b strings.Builder
	for _, name := range []string{"km", "worker0", "worker1", "gateway"} {
		if p, ok := nn.Procs[name]; ok {
			log, _ := os.ReadFile(p.LogPath)
			s := strings.Split(strings.TrimRight(string(log), "\n"), "\n")
			s = s[max(0, len(s)-lines):]
			fmt.Fprintf(&b, "---- %s ----\n%s\n", name, strings.Join(s, "\n"))
		}
	}
	return b.String()
}

func freeLoopbackAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// nodeProc is one `enigma node` process.
type nodeProc struct {
	Name    string
	LogPath string
	Info    node.Info // its stdout line, once ready
	cmd     *exec.Cmd
	started time.Time
	lines   chan string
	done    chan struct{} // closed when the process exited
	exitErr error
}

func startNodeProc(bin, dir, name string, cfg node.Config) (*nodeProc, error) {
	b, err := json.MarshalIndent(cfg, "", "  ")
	if err != nil {
		return nil, err
	}
	cfgPath := filepath.Join(dir, name+".json")
	if err := os.WriteFile(cfgPath, b, 0o600); err != nil {
		return nil, err
	}
	p := &nodeProc{Name: name, LogPath: filepath.Join(dir, name+".log"), lines: make(chan string, 16), done: make(chan struct{})}
	// Appended to: a node restarted with the same name and config (the
	// chaos bench) keeps one log.
	logFile, err := os.OpenFile(p.LogPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, err
	}
	p.cmd = exec.Command(bin, "node", "--role", string(cfg.Role), "--config", cfgPath)
	p.cmd.Stderr = logFile
	stdout, err := p.cmd.StdoutPipe()
	if err != nil {
		logFile.Close()
		return nil, err
	}
	p.started = time.Now()
	if err := p.cmd.Start(); err != nil {
		logFile.Close()
		return nil, fmt.Errorf("start %s: %w", name, err)
	}
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			select {
			case p.lines <- sc.Text():
			default:
			}
		}
		p.exitErr = p.cmd.Wait()
		logFile.Close()
		close(p.done)
	}()
	return p, nil
}

// WaitReady waits for the node's JSON line on stdout and returns how long
// the process took to serve.
func (p *nodeProc) WaitReady(ctx context.Context) (time.Duration, error) {
	select {
	case line := <-p.lines:
		if err := json.Unmarshal([]byte(line), &p.Info); err != nil || p.Info.Role == "" {
			return 0, fmt.Errorf("%s printed %q, not its info line: %v", p.Name, line, err)
		}
		return time.Since(p.started), nil
	case <-p.done:
		return 0, fmt.Errorf("%s exited before serving: %v (log %s)", p.Name, p.exitErr, p.LogPath)
	case <-ctx.Done():
		return 0, fmt.Errorf("%s did not start in time (log %s): %w", p.Name, p.LogPath, ctx.Err())
	}
}

// Kill kills the process (SIGKILL) and waits for it.
func (p *nodeProc) Kill() {
	select {
	case <-p.done:
		return
	default:
	}
	_ = p.cmd.Process.Kill()
	<-p.done
}

// Stop sends SIGTERM and waits up to timeout for a clean exit.
func (p *nodeProc) Stop(timeout time.Duration) error {
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		return err
	}
	select {
	case <-p.done:
		if p.exitErr != nil {
			return fmt.Errorf("%s did not stop cleanly: %w", p.Name, p.exitErr)
		}
		return nil
	case <-time.After(timeout):
		p.Kill()
		return fmt.Errorf("%s did not stop within %s of SIGTERM", p.Name, timeout)
	}
}
