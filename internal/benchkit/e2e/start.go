package e2e

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// StartConfig says how to run and watch one `enigma devnet` process.
type StartConfig struct {
	// Binary is the enigma executable; required.
	Binary string
	// Args are added after `devnet --data DIR --chain-addr 127.0.0.1:0
	// --gateway-addr 127.0.0.1:0`.
	Args []string
	// Idle is how long the ready devnet is left alone before its memory is
	// read again.
	Idle time.Duration
	// Timeout bounds the start and, separately, the shutdown.
	Timeout time.Duration
	// Env, if set, replaces the process's environment.
	Env []string
}

// DefaultStartConfig idles 5 s and gives the start and the stop 60 s each.
func DefaultStartConfig(binary string) StartConfig {
	return StartConfig{Binary: binary, Idle: 5 * time.Second, Timeout: time.Minute}
}

// StartResult is what one devnet process showed.
type StartResult struct {
	// Ready is from the process start until addresses.json existed and the
	// gateway answered getInfo.
	Ready time.Duration
	// Memory in bytes, from /proc/<pid>/status: the resident set when
	// ready, after Idle, and its peak (VmHWM) after Idle; RSSAnonIdle is
	// the part of RSSIdle that is the process's own memory rather than
	// pages of the binary and other files mapped from disk (RssAnon).
	RSSReady, RSSIdle, RSSPeak, RSSAnonIdle uint64
	// IdleCPU is the CPU time (user and system) the process used while
	// idle, as a fraction of the idle period: 0.05 is 5% of one core.
	IdleCPU float64
	// Stop is from SIGINT until the process exited (with status 0).
	Stop time.Duration
	// Output is what the process printed, for diagnosing a failure.
	Output string
}

// MeasureStart runs `enigma devnet` with a fresh data folder and free
// ports, times it until it is ready, reads its memory when ready and after
// an idle period, then stops it with SIGINT and checks that it exits 0.
func MeasureStart(ctx context.Context, cfg StartConfig) (res StartResult, err error) {
	if cfg.Binary == "" {
		return res, errors.New("e2e: StartConfig.Binary (the enigma executable) is required")
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = time.Minute
	}
	dir, err := os.MkdirTemp("", "enigma-e2e-devnet-")
	if err != nil {
		return res, err
	}
	defer os.RemoveAll(dir)
	args := append([]string{"devnet", "--data", dir, "--chain-addr", "127.0.0.1:0", "--gateway-addr", "127.0.0.1:0"}, cfg.Args...)
	cmd := exec.Command(cfg.Binary, args...)
	if cfg.Env != nil {
		cmd.Env = cfg.Env
	}
	var out lockedBuffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return res, fmt.Errorf("e2e: start %s: %w", cfg.Binary, err)
	}
	p := &proc{cmd: cmd, exited: make(chan error, 1)}
	go func() { p.exited <- cmd.Wait() }()
	defer func() {
		if !p.ended { // still running after a failure
			cmd.Process.Kill()
			<-p.exited
		}
		res.Output = out.String()
		if err != nil && res.Output != "" {
			err = fmt.Errorf("%w\n--- devnet output ---\n%s", err, tail(res.Output, 2000))
		}
	}()

	gateway, err := p.waitReady(ctx, dir, cfg.Timeout)
	if err != nil {
		return res, err
	}
	res.Ready = time.Since(start)
	pid := cmd.Process.Pid
	m, err := memory(pid)
	if err != nil {
		return res, err
	}
	res.RSSReady = m["VmRSS"]
	cpu0, err := cpuTime(pid)
	if err != nil {
		return res, err
	}
	idle0 := time.Now()
	if err := p.sleep(ctx, cfg.Idle); err != nil {
		return res, fmt.Errorf("e2e: while idle: %w", err)
	}
	cpu1, err := cpuTime(pid)
	if err != nil {
		return res, err
	}
	res.IdleCPU = (cpu1 - cpu0).Seconds() / time.Since(idle0).Seconds()
	if m, err = memory(pid); err != nil {
		return res, err
	}
	res.RSSIdle, res.RSSPeak, res.RSSAnonIdle = m["VmRSS"], m["VmHWM"], m["RssAnon"]
	if err := getInfo(ctx, gateway); err != nil {
		return res, fmt.Errorf("e2e: the gateway stopped answering while idle: %w", err)
	}

	t0 := time.Now()
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		return res, err
	}
	select {
	case err := <-p.exited:
		p.ended = true
		res.Stop = time.Since(t0)
		if err != nil {
			return res, fmt.Errorf("e2e: the devnet did not exit cleanly on SIGINT: %w", err)
		}
	case <-time.After(cfg.Timeout):
		return res, fmt.Errorf("e2e: the devnet did not exit within %v of SIGINT", cfg.Timeout)
	}
	return res, nil
}

// proc is a running devnet process; ended records that its exit was
// received from exited.
type proc struct {
	cmd    *exec.Cmd
	exited chan error
	ended  bool
}

// sleep waits d unless the process exits or ctx ends first.
func (p *proc) sleep(ctx context.Context, d time.Duration) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case err := <-p.exited:
		p.ended = true
		return fmt.Errorf("the devnet exited: %v", err)
	case <-time.After(d):
		return nil
	}
}

// waitReady polls for addresses.json in dir, then for the gateway it
// names to answer getInfo; it returns the gateway's URL.
func (p *proc) waitReady(ctx context.Context, dir string, timeout time.Duration) (string, error) {
	deadline := time.Now().Add(timeout)
	gateway := ""
	for {
		if gateway == "" {
			if b, err := os.ReadFile(filepath.Join(dir, "addresses.json")); err == nil {
				var a struct {
					Proxy string `json:"proxy"`
				}
				if err := json.Unmarshal(b, &a); err != nil || a.Proxy == "" {
					return "", fmt.Errorf("e2e: addresses.json has no gateway (proxy) URL: %s", b)
				}
				gateway = a.Proxy
			}
		}
		if gateway != "" && getInfo(ctx, gateway) == nil {
			return gateway, nil
		}
		if time.Now().After(deadline) {
			return "", fmt.Errorf("e2e: the devnet was not ready within %v", timeout)
		}
		if err := p.sleep(ctx, 2*time.Millisecond); err != nil {
			return "", fmt.Errorf("e2e: before the devnet was ready: %w", err)
		}
	}
}

// getInfo calls the gateway's getInfo and checks it answered a result.
func getInfo(ctx context.Context, url string) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader(`{"jsonrpc":"2.0","id":1,"method":"getInfo","params":[]}`))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var reply struct {
		Result json.RawMessage `json:"result"`
		Error  json.RawMessage `json:"error"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&reply); err != nil {
		return fmt.Errorf("getInfo: HTTP %d: %w", resp.StatusCode, err)
	}
	if len(reply.Result) == 0 || string(reply.Result) == "null" {
		return fmt.Errorf("getInfo: no result (error %s)", reply.Error)
	}
	return nil
}

// memory reads a process's VmRSS, VmHWM and RssAnon in bytes from /proc.
func memory(pid int) (map[string]uint64, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return nil, fmt.Errorf("e2e: read the devnet's memory (needs Linux /proc): %w", err)
	}
	defer f.Close()
	m := map[string]uint64{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, value, ok := strings.Cut(sc.Text(), ":")
		if !ok || (name != "VmRSS" && name != "VmHWM" && name != "RssAnon") {
			continue
		}
		kb, err := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(value), " kB"), 10, 64)
		if err != nil {
			return nil, fmt.Errorf("e2e: /proc/%d/status: %s: %w", pid, name, err)
		}
		m[name] = kb << 10
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if m["VmRSS"] == 0 || m["VmHWM"] == 0 {
		return nil, fmt.Errorf("e2e: /proc/%d/status has no VmRSS/VmHWM", pid)
	}
	return m, nil
}

// cpuTime is a process's user plus system CPU time from /proc/<pid>/stat,
// in clock ticks of 10 ms (USER_HZ is 100 on Linux).
func cpuTime(pid int) (time.Duration, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, fmt.Errorf("e2e: read the devnet's CPU time (needs Linux /proc): %w", err)
	}
	// The command name (field 2) is in parentheses and may hold spaces:
	// fields count from after its closing one; utime and stime are 14, 15.
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return 0, fmt.Errorf("e2e: /proc/%d/stat: unexpected format", pid)
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 13 {
		return 0, fmt.Errorf("e2e: /proc/%d/stat: unexpected format", pid)
	}
	var ticks uint64
	for _, s := range f[11:13] {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("e2e: /proc/%d/stat: %w", pid, err)
		}
		ticks += n
	}
	return time.Duration(ticks) * 10 * time.Millisecond, nil
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "..." + s[len(s)-n:]
}

// lockedBuffer collects a process's output from the copying goroutines.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
