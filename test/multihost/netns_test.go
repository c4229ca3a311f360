//go:build linux

package multihost

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// ipBin is iproute2's ip, which creates the namespaces, links and
// addresses.
const ipBin = "/usr/sbin/ip"

// lan is a layer-2 network of hosts: a bridge in the test's own network
// namespace and, per host, a network namespace joined to the bridge by a
// veth pair. Every host has one address in a /24 picked at random per run,
// and nothing else: the bridge has no address, so the test's namespace is
// not on the network, and a node can reach another only by its address.
type lan struct {
	t      testing.TB
	id     string // random per run: names of namespaces and links
	prefix string // "10.a.b."
	bridge string
	hosts  []*host
	nextIP int
}

// host is one machine of the network: a network namespace with one
// interface, eth0, whose other end (veth) sits on the bridge.
type host struct {
	name string // role name: chain, km, worker1, ...
	ns   string // network namespace
	veth string // the host's cable on the bridge's side
	ip   string // its current address
}

// requireNamespaces skips the test when network namespaces cannot be
// created here: not root, no ip, or a kernel or container that refuses.
func requireNamespaces(t testing.TB) {
	t.Helper()
	if _, err := os.Stat(ipBin); err != nil {
		t.Skipf("network namespaces: %s not found (install iproute2): %v", ipBin, err)
	}
	if os.Geteuid() != 0 {
		t.Skip("network namespaces: creating them needs root; run the test as root (or in a container with CAP_NET_ADMIN and CAP_SYS_ADMIN)")
	}
	probe := "mh" + randomHex(3) + "-probe"
	if out, err := ip("netns", "add", probe); err != nil {
		t.Skipf("network namespaces: `ip netns add` fails here (%v: %s); the test needs a kernel and container that allow them", err, out)
	}
	ip("netns", "del", probe)
}

// newLAN creates the bridge; it is removed, with every host added later,
// when the test ends.
func newLAN(t testing.TB) *lan {
	t.Helper()
	requireNamespaces(t)
	sweepStale(t)
	id := randomHex(3)
	if err := os.MkdirAll(markerDir, 0o755); err != nil {
		t.Fatal(err)
	}
	marker := filepath.Join(markerDir, id)
	if err := os.WriteFile(marker, []byte(strconv.Itoa(os.Getpid())), 0o644); err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 2)
	rand.Read(b)
	l := &lan{t: t, id: id, prefix: fmt.Sprintf("10.%d.%d.", 100+int(b[0])%100, b[1]), bridge: "mh" + id + "br", nextIP: 10}
	t.Cleanup(l.remove)
	l.must("link", "add", l.bridge, "type", "bridge")
	// Bridged frames must not meet the host's firewall: Docker, for one,
	// drops forwarded traffic. Older kernels lack the per-bridge switch;
	// then the first check that crosses the bridge (anvil, asked from
	// the client's host) says what is wrong.
	ip("link", "set", l.bridge, "type", "bridge", "nf_call_iptables", "0", "nf_call_ip6tables", "0", "nf_call_arptables", "0")
	l.must("link", "set", l.bridge, "up")
	return l
}

// addHost creates a namespace named after role, its cable to the bridge
// and its address.
func (l *lan) addHost(role string) *host {
	l.t.Helper()
	h := &host{name: role, ns: "mh" + l.id + "-" + role, veth: fmt.Sprintf("mh%sv%d", l.id, len(l.hosts)), ip: l.newIP()}
	l.hosts = append(l.hosts, h)
	l.must("netns", "add", h.ns)
	peer := h.veth + "p"
	l.must("link", "add", h.veth, "type", "veth", "peer", "name", peer)
	l.must("link", "set", peer, "netns", h.ns)
	l.must("link", "set", h.veth, "master", l.bridge)
	l.must("link", "set", h.veth, "up")
	l.must("-n", h.ns, "link", "set", "lo", "up")
	l.must("-n", h.ns, "link", "set", peer, "name", "eth0")
	l.must("-n", h.ns, "addr", "add", h.ip+"/24", "dev", "eth0")
	l.must("-n", h.ns, "link", "set", "eth0", "up")
	return h
}

// newIP hands out the next unused address of the subnet.
func (l *lan) newIP() string {
	l.nextIP++
	return l.prefix + strconv.Itoa(l.nextIP)
}

// unplug takes the host's cable out of the bridge (the link goes down on
// both ends) and plug puts it back.
func (l *lan) unplug(h *host) { l.must("link", "set", h.veth, "down") }
func (l *lan) plug(h *host)   { l.must("link", "set", h.veth, "up") }

// readdress gives the host a new address in place of its old one, as a
// machine that came back with another DHCP lease.
func (l *lan) readdress(h *host) {
	l.t.Helper()
	old := h.ip
	h.ip = l.newIP()
	l.must("-n", h.ns, "addr", "del", old+"/24", "dev", "eth0")
	l.must("-n", h.ns, "addr", "add", h.ip+"/24", "dev", "eth0")
}

// remove kills every process left in the hosts' namespaces, then deletes
// the namespaces (their veth pairs go with them) and the bridge.
func (l *lan) remove() {
	for _, h := range l.hosts {
		killNamespace(h.ns)
		if out, err := ip("netns", "del", h.ns); err != nil {
			l.t.Logf("remove namespace %s: %v: %s", h.ns, err, out)
		}
	}
	if out, err := ip("link", "del", l.bridge); err != nil {
		l.t.Logf("remove bridge %s: %v: %s", l.bridge, err, out)
	}
	os.Remove(filepath.Join(markerDir, l.id))
}

// markerDir holds a file per network a test run created, named by the
// network's id and holding the run's process id. A run killed before its
// cleanup (go test's own timeout panics the binary) leaves namespaces
// behind; the next run removes them.
var markerDir = filepath.Join(os.TempDir(), "enigma-multihost")

// sweepStale removes the namespaces, processes and bridge of every
// network whose run is gone. Networks of runs still alive are left alone.
func sweepStale(t testing.TB) {
	entries, _ := os.ReadDir(markerDir)
	for _, e := range entries {
		id := e.Name()
		b, _ := os.ReadFile(filepath.Join(markerDir, id))
		if pid, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil && pid > 0 && syscall.Kill(pid, 0) == nil {
			continue
		}
		list, _ := ip("netns", "list")
		for _, line := range strings.Split(list, "\n") {
			if f := strings.Fields(line); len(f) > 0 && strings.HasPrefix(f[0], "mh"+id+"-") {
				killNamespace(f[0])
				ip("netns", "del", f[0])
			}
		}
		ip("link", "del", "mh"+id+"br")
		os.Remove(filepath.Join(markerDir, id))
		t.Logf("removed the network %s that an earlier run left behind", id)
	}
}

// killNamespace kills the processes in the namespace and waits (bounded)
// until none is left: a namespace with a process in it outlives
// `ip netns del`.
func killNamespace(ns string) {
	deadline := time.Now().Add(10 * time.Second)
	for {
		out, _ := ip("netns", "pids", ns)
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

func (l *lan) must(args ...string) {
	l.t.Helper()
	if out, err := ip(args...); err != nil {
		l.t.Fatalf("ip %s: %v: %s", strings.Join(args, " "), err, out)
	}
}

// ip runs iproute2's ip, bounded to 10 s.
func ip(args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, ipBin, args...)
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return strings.TrimSpace(out.String()), err
}

// command runs name in the host's namespace: `ip netns exec` enters it and
// executes the program in place, so the command's process is the
// program's.
func (h *host) command(ctx context.Context, name string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, ipBin, append([]string{"netns", "exec", h.ns, name}, args...)...)
	// A program's own children (node --test runs a process per file) are
	// killed with its group when ctx ends.
	// Pdeathsig: the program dies with the test binary, even when go test's
	// timeout ends it before any cleanup runs.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	return cmd
}

// dial opens a TCP connection from inside the host's namespace, so the
// test itself can look at the network from a host (the client's) without
// being on it. The socket is created on an OS thread moved into the
// namespace and back. Should the way back fail, the goroutine ends locked
// to the thread, and the runtime ends the thread instead of reusing it.
// (Threads are not ended otherwise: a process's Pdeathsig fires when the
// thread that started it ends.)
func (h *host) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	type result struct {
		c   net.Conn
		err error
	}
	done := make(chan result, 1)
	go func() {
		runtime.LockOSThread()
		home, err := os.Open("/proc/thread-self/ns/net")
		if err != nil {
			runtime.UnlockOSThread()
			done <- result{err: err}
			return
		}
		defer home.Close()
		f, err := os.Open("/var/run/netns/" + h.ns)
		if err != nil {
			runtime.UnlockOSThread()
			done <- result{err: err}
			return
		}
		defer f.Close()
		if err := unix.Setns(int(f.Fd()), unix.CLONE_NEWNET); err != nil {
			runtime.UnlockOSThread()
			done <- result{err: fmt.Errorf("enter namespace %s: %w", h.ns, err)}
			return
		}
		var d net.Dialer
		c, err := d.DialContext(ctx, network, addr)
		done <- result{c, err}
		if unix.Setns(int(home.Fd()), unix.CLONE_NEWNET) == nil {
			runtime.UnlockOSThread()
		}
	}()
	r := <-done
	return r.c, r.err
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// forward relays a loopback port of the test's own namespace to addr as
// seen from the host, so libraries that dial by URL (the client SDK) can
// look at the network from the host. It returns the local host:port; the
// relay and its connections close when the test ends.
func (h *host) forward(t testing.TB, addr string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	open := map[net.Conn]bool{}
	track := func(c net.Conn, on bool) {
		mu.Lock()
		defer mu.Unlock()
		if on {
			open[c] = true
		} else {
			delete(open, c)
		}
	}
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		defer mu.Unlock()
		for c := range open {
			c.Close()
		}
	})
	go func() {
		for {
			in, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer in.Close()
				ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
				out, err := h.dial(ctx, "tcp", addr)
				cancel()
				if err != nil {
					return
				}
				defer out.Close()
				track(in, true)
				track(out, true)
				defer track(in, false)
				defer track(out, false)
				stop := make(chan struct{}, 2)
				go func() { io.Copy(out, in); stop <- struct{}{} }()
				go func() { io.Copy(in, out); stop <- struct{}{} }()
				<-stop
			}()
		}
	}()
	return ln.Addr().String()
}
