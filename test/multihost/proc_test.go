//go:build linux

package multihost

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/enigma-go/enigma/internal/node"
)

// proc is one process of a host, its stderr in a log file.
type proc struct {
	name string
	host *host
	log  string
	cmd  *exec.Cmd
	done chan struct{} // closed once the process was waited for
	err  error         // its exit, once done
	info node.Info     // a node's line on stdout once it serves
}

// procs are the test's processes, for the log tails printed when it fails.
type procs struct {
	mu     sync.Mutex
	dir    string
	all    []*proc
	starts map[string]int
}

func newProcs(t testing.TB) *procs {
	ps := &procs{dir: filepath.Join(t.TempDir(), "logs"), starts: map[string]int{}}
	if err := os.MkdirAll(ps.dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		// The namespaces' removal kills what is left; this only waits for
		// the processes the test started itself, so their logs are whole.
		for _, p := range ps.list() {
			p.kill()
		}
		if t.Failed() {
			for _, p := range ps.list() {
				t.Logf("---- last lines of %s (%s, %s) ----\n%s", p.name, p.host.ip, p.log, tailFile(p.log, 40))
			}
		}
	})
	return ps
}

func (ps *procs) list() []*proc {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	return append([]*proc(nil), ps.all...)
}

// start runs name with args in the host's namespace, stderr (and stdout
// unless the caller reads it) into a fresh log file.
func (ps *procs) start(h *host, name, bin string, args []string, stdout bool) (*proc, *bufio.Reader, error) {
	ps.mu.Lock()
	ps.starts[name]++
	p := &proc{name: name, host: h, done: make(chan struct{}),
		log: filepath.Join(ps.dir, fmt.Sprintf("%s.%d.log", name, ps.starts[name]))}
	ps.all = append(ps.all, p)
	ps.mu.Unlock()
	f, err := os.Create(p.log)
	if err != nil {
		return nil, nil, err
	}
	p.cmd = h.command(context.Background(), bin, args...)
	p.cmd.Stderr = f
	var out *bufio.Reader
	if stdout {
		r, err := p.cmd.StdoutPipe()
		if err != nil {
			f.Close()
			return nil, nil, err
		}
		out = bufio.NewReader(r)
	} else {
		p.cmd.Stdout = f
	}
	if err := p.cmd.Start(); err != nil {
		f.Close()
		close(p.done)
		return nil, nil, fmt.Errorf("start %s: %w", name, err)
	}
	go func() {
		p.err = p.cmd.Wait()
		f.Close()
		close(p.done)
	}()
	return p, out, nil
}

// startNode runs `enigma node` with the config file and returns once the
// node printed its Info line (it serves), or fails within timeout.
func (ps *procs) startNode(h *host, name, bin, config string, timeout time.Duration) (*proc, error) {
	p, out, err := ps.start(h, name, bin, []string{"node", "--config", config}, true)
	if err != nil {
		return nil, err
	}
	line := make(chan string, 1)
	go func() {
		s, _ := out.ReadString('\n')
		line <- s
		// Keep reading, so a node that writes more is never blocked.
		for {
			if _, err := out.ReadString('\n'); err != nil {
				return
			}
		}
	}()
	select {
	case s := <-line:
		if err := json.Unmarshal([]byte(s), &p.info); err != nil {
			p.kill()
			return nil, fmt.Errorf("%s stopped before serving (stdout %q, %v); its log ends:\n%s", name, s, p.exitErr(), tailFile(p.log, 30))
		}
		return p, nil
	case <-time.After(timeout):
		p.kill()
		return nil, fmt.Errorf("%s did not serve within %s; its log ends:\n%s", name, timeout, tailFile(p.log, 30))
	}
}

func (p *proc) exitErr() error {
	select {
	case <-p.done:
		return p.err
	case <-time.After(5 * time.Second):
		return errors.New("still running")
	}
}

// kill sends SIGKILL to the process and waits for it (bounded).
func (p *proc) kill() {
	select {
	case <-p.done:
		return
	default:
	}
	syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL)
	select {
	case <-p.done:
	case <-time.After(10 * time.Second):
	}
}

// stop sends SIGTERM and waits up to timeout for a clean exit.
func (p *proc) stop(timeout time.Duration) error {
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
		return p.err
	case <-time.After(timeout):
		p.kill()
		return fmt.Errorf("%s did not stop within %s of SIGTERM; killed", p.name, timeout)
	}
}

// tailFile returns the last n lines of a file.
func tailFile(path string, n int) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return err.Error()
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
