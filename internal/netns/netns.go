//go:build linux

// Package netns builds small layer-2 networks of Linux network namespaces
// on one machine: a bridge in the caller's namespace is the switch, and
// each host is a namespace joined to it by a veth pair, with one address
// in a /24. It runs iproute2's ip (IPBin), so it needs root (or
// CAP_NET_ADMIN and CAP_SYS_ADMIN); Available says whether namespaces can
// be created here and, when not, why.
//
// The multi-host test runs a whole network of nodes this way and the p2p
// bench times a task hand-off across two namespaces. The package knows
// nothing of the nodes: it makes namespaces, links and addresses, runs
// commands and opens sockets inside them, and removes what it made.
//
// A LAN records itself in a marker file holding the creator's process id
// (Config.MarkerDir), so that a process killed before its cleanup leaves
// nothing a later SweepStale does not remove.
package netns

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// IPBin is iproute2's ip, which creates the namespaces, links and
// addresses.
const IPBin = "/usr/sbin/ip"

// ErrUnavailable is wrapped by Available's error: network namespaces
// cannot be created here.
var ErrUnavailable = errors.New("network namespaces unavailable")

// Available returns nil when network namespaces can be created here, and
// otherwise an error wrapping ErrUnavailable that says why and what would
// fix it: ip is missing, the process is not root, or the kernel or the
// container refuses `ip netns add`. It creates and removes a namespace.
func Available() error {
	if _, err := os.Stat(IPBin); err != nil {
		return fmt.Errorf("%w: %s not found (install iproute2): %v", ErrUnavailable, IPBin, err)
	}
	if os.Geteuid() != 0 {
		return fmt.Errorf("%w: creating them needs root; run as root (or in a container with CAP_NET_ADMIN and CAP_SYS_ADMIN)", ErrUnavailable)
	}
	probe := "nsprobe" + randomHex(3)
	if out, err := IP("netns", "add", probe); err != nil {
		return fmt.Errorf("%w: `ip netns add` fails here (%v: %s); a kernel and container that allow network namespaces are needed", ErrUnavailable, err, out)
	}
	IP("netns", "del", probe)
	return nil
}

// Config names a LAN and its resources.
type Config struct {
	// Prefix starts the name of every namespace, link and marker of the
	// LAN, followed by a random id: namespaces are <Prefix><id>-<host>,
	// the bridge <Prefix><id>br, veths <Prefix><id>v<n>. Interface names
	// have at most 15 bytes, so keep it to 2 or 3 letters. Required.
	Prefix string
	// MarkerDir holds one file per live LAN, named by its id, holding the
	// creating process's id; SweepStale reads it. Required.
	MarkerDir string
	// BridgeAddress gives the bridge the subnet's .1 in the caller's
	// namespace, so the caller's own sockets reach the hosts and the hosts
	// reach sockets the caller listens on at that address. Without it the
	// caller's namespace is not on the network at all.
	BridgeAddress bool
}

// LAN is a bridge and the hosts joined to it.
type LAN struct {
	cfg    Config
	id     string
	prefix string // the subnet's first three octets and a dot: "10.a.b."
	bridge string
	hosts  []*Host
	nextIP int
}

// Host is one machine of a LAN: a network namespace whose one interface,
// eth0, is the far end of a veth pair whose near end is on the bridge.
type Host struct {
	Name string // what the caller called it: chain, km, worker1, ...
	NS   string // the network namespace, as `ip netns` names it
	Veth string // the host's cable on the bridge's side
	IP   string // its current address
}

// New creates the bridge of a LAN on a random 10.a.b.0/24 (a in
// 100-199). Close removes it with every host.
func New(cfg Config) (*LAN, error) {
	if cfg.Prefix == "" || cfg.MarkerDir == "" {
		return nil, errors.New("netns: Config needs a Prefix and a MarkerDir")
	}
	id := randomHex(3)
	if err := os.MkdirAll(cfg.MarkerDir, 0o755); err != nil {
		return nil, fmt.Errorf("netns: %w", err)
	}
	if err := os.WriteFile(filepath.Join(cfg.MarkerDir, id), []byte(strconv.Itoa(os.Getpid())), 0o644); err != nil {
		return nil, fmt.Errorf("netns: %w", err)
	}
	b := make([]byte, 2)
	rand.Read(b)
	l := &LAN{cfg: cfg, id: id, prefix: fmt.Sprintf("10.%d.%d.", 100+int(b[0])%100, b[1]),
		bridge: cfg.Prefix + id + "br", nextIP: 10}
	if err := l.must("link", "add", l.bridge, "type", "bridge"); err != nil {
		os.Remove(filepath.Join(cfg.MarkerDir, id))
		return nil, err
	}
	// Bridged frames must not meet the machine's firewall: Docker, for
	// one, drops forwarded traffic. Older kernels lack the per-bridge
	// switch; then the first exchange across the bridge fails.
	IP("link", "set", l.bridge, "type", "bridge", "nf_call_iptables", "0", "nf_call_ip6tables", "0", "nf_call_arptables", "0")
	err := l.must("link", "set", l.bridge, "up")
	if err == nil && cfg.BridgeAddress {
		err = l.must("addr", "add", l.BridgeIP()+"/24", "dev", l.bridge)
	}
	if err != nil {
		l.Close()
		return nil, err
	}
	return l, nil
}

// ID is the LAN's random id, part of every name it gives.
func (l *LAN) ID() string { return l.id }

// Subnet is the LAN's /24, e.g. "10.123.45.0/24".
func (l *LAN) Subnet() string { return l.prefix + "0/24" }

// Bridge is the bridge's interface name.
func (l *LAN) Bridge() string { return l.bridge }

// BridgeIP is the caller's own address on the LAN (Config.BridgeAddress),
// whether or not the bridge has it.
func (l *LAN) BridgeIP() string { return l.prefix + "1" }

// AddHost creates a namespace for the host called name, its cable to the
// bridge and its address, the next unused one of the subnet.
func (l *LAN) AddHost(name string) (*Host, error) {
	h := &Host{Name: name, NS: l.cfg.Prefix + l.id + "-" + name, Veth: fmt.Sprintf("%s%sv%d", l.cfg.Prefix, l.id, len(l.hosts)), IP: l.newIP()}
	if err := l.must("netns", "add", h.NS); err != nil {
		return nil, err
	}
	l.hosts = append(l.hosts, h)
	peer := h.Veth + "p"
	for _, args := range [][]string{
		{"link", "add", h.Veth, "type", "veth", "peer", "name", peer},
		{"link", "set", peer, "netns", h.NS},
		{"link", "set", h.Veth, "master", l.bridge},
		{"link", "set", h.Veth, "up"},
		{"-n", h.NS, "link", "set", "lo", "up"},
		{"-n", h.NS, "link", "set", peer, "name", "eth0"},
		{"-n", h.NS, "addr", "add", h.IP + "/24", "dev", "eth0"},
		{"-n", h.NS, "link", "set", "eth0", "up"},
	} {
		if err := l.must(args...); err != nil {
			return nil, err
		}
	}
	return h, nil
}

// newIP hands out the next unused address of the subnet.
func (l *LAN) newIP() string {
	l.nextIP++
	return l.prefix + strconv.Itoa(l.nextIP)
}

// Unplug takes the host's cable out of the bridge (the link goes down on
// both ends); Plug puts it back.
func (l *LAN) Unplug(h *Host) error { return l.must("link", "set", h.Veth, "down") }

// Plug puts back the cable Unplug took out.
func (l *LAN) Plug(h *Host) error { return l.must("link", "set", h.Veth, "up") }

// Readdress gives the host the next unused address in place of its
// current one, as a machine that came back with another DHCP lease.
func (l *LAN) Readdress(h *Host) error {
	old, next := h.IP, l.newIP()
	if err := l.must("-n", h.NS, "addr", "del", old+"/24", "dev", "eth0"); err != nil {
		return err
	}
	if err := l.must("-n", h.NS, "addr", "add", next+"/24", "dev", "eth0"); err != nil {
		return err
	}
	h.IP = next
	return nil
}

// Close kills every process left in the hosts' namespaces, then deletes
// the namespaces (their veth pairs go with them), the bridge and the
// marker. It returns what could not be removed.
func (l *LAN) Close() error {
	var errs []error
	for _, h := range l.hosts {
		KillNamespace(h.NS)
		if out, err := IP("netns", "del", h.NS); err != nil {
			errs = append(errs, fmt.Errorf("netns: remove namespace %s: %v: %s", h.NS, err, out))
		}
	}
	l.hosts = nil
	if out, err := IP("link", "del", l.bridge); err != nil {
		errs = append(errs, fmt.Errorf("netns: remove bridge %s: %v: %s", l.bridge, err, out))
	}
	os.Remove(filepath.Join(l.cfg.MarkerDir, l.id))
	return errors.Join(errs...)
}

// SweepStale removes the namespaces, their processes and the bridge of
// every LAN of cfg (its Prefix and MarkerDir) whose creating process is
// gone, and returns their ids. LANs of live processes are left alone.
func SweepStale(cfg Config) []string {
	var removed []string
	entries, _ := os.ReadDir(cfg.MarkerDir)
	for _, e := range entries {
		id := e.Name()
		b, _ := os.ReadFile(filepath.Join(cfg.MarkerDir, id))
		if pid, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil && pid > 0 && syscall.Kill(pid, 0) == nil {
			continue
		}
		list, _ := IP("netns", "list")
		for _, line := range strings.Split(list, "\n") {
			if f := strings.Fields(line); len(f) > 0 && strings.HasPrefix(f[0], cfg.Prefix+id+"-") {
				KillNamespace(f[0])
				IP("netns", "del", f[0])
			}
		}
		IP("link", "del", cfg.Prefix+id+"br")
		os.Remove(filepath.Join(cfg.MarkerDir, id))
		removed = append(removed, id)
	}
	return removed
}

// KillNamespace kills the processes in the namespace and waits (up to
// 10 s) until none is left: a namespace with a process in it outlives
// `ip netns del`.
func KillNamespace(ns string) {
	deadline := time.Now().Add(10 * time.Second)
	for {
		out, _ := IP("netns", "pids", ns)
		pids := strings.Fields(out)
		if len(pids) == 0 || time.Now().After(deadline) {
			return
		}
		for _, p := range pids {
			if pid, err := strconv.Atoi(p); err == nil {
				syscall.Kill(pid, syscall.SIGKILL)
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (l *LAN) must(args ...string) error {
	if out, err := IP(args...); err != nil {
		return fmt.Errorf("netns: ip %s: %v: %s", strings.Join(args, " "), err, out)
	}
	return nil
}

// IP runs iproute2's ip with args, bounded to 10 s, and returns its
// combined output.
func IP(args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, IPBin, args...)
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return strings.TrimSpace(out.String()), err
}

// Command runs name in the host's namespace: `ip netns exec` enters it and
// executes the program in place, so the command's process is the
// program's. The program leads its own process group, which is killed
// whole when ctx ends (a program's children go with it), and it dies with
// the calling process (Pdeathsig), even when that is killed before any
// cleanup runs. Pdeathsig fires when the thread that started the program
// ends; Do and Dial never let a thread that entered a namespace run
// anything else, and the runtime does not end other threads.
func (h *Host) Command(ctx context.Context, name string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, IPBin, append([]string{"netns", "exec", h.NS, name}, args...)...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	return cmd
}

// Do runs f on an OS thread moved into the host's namespace, and returns
// its error. Sockets f creates (net.Dial, net.Listen) belong to the
// namespace for their whole life, whichever thread uses them later; f
// must not start goroutines that expect to be in the namespace. The
// thread is moved back afterwards; should that fail, it is ended with its
// goroutine instead of being reused.
func (h *Host) Do(f func() error) error {
	done := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		home, err := os.Open("/proc/thread-self/ns/net")
		if err != nil {
			runtime.UnlockOSThread()
			done <- err
			return
		}
		defer home.Close()
		ns, err := os.Open("/var/run/netns/" + h.NS)
		if err != nil {
			runtime.UnlockOSThread()
			done <- fmt.Errorf("netns: %w", err)
			return
		}
		defer ns.Close()
		if err := unix.Setns(int(ns.Fd()), unix.CLONE_NEWNET); err != nil {
			runtime.UnlockOSThread()
			done <- fmt.Errorf("netns: enter namespace %s: %w", h.NS, err)
			return
		}
		done <- f()
		if unix.Setns(int(home.Fd()), unix.CLONE_NEWNET) == nil {
			runtime.UnlockOSThread()
		}
	}()
	return <-done
}

// Dial opens a connection from inside the host's namespace (Do), so the
// caller can look at the network from a host without being on it.
func (h *Host) Dial(ctx context.Context, network, addr string) (net.Conn, error) {
	var c net.Conn
	err := h.Do(func() (err error) {
		var d net.Dialer
		c, err = d.DialContext(ctx, network, addr)
		return err
	})
	return c, err
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}
