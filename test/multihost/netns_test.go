//go:build linux

package multihost

import (
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/enigma-go/enigma/internal/netns"
)

// lan is a layer-2 network of hosts (internal/netns): a bridge in the
// test's own network namespace and, per host, a network namespace joined
// to the bridge by a veth pair. Every host has one address in a /24 picked
// at random per run, and nothing else: the bridge has no address, so the
// test's namespace is not on the network, and a node can reach another
// only by its address.
type lan struct {
	t      testing.TB
	net    *netns.LAN
	prefix string // "10.a.b."
}

// host is one machine of the network: a network namespace with one
// interface, eth0, whose other end sits on the bridge.
type host struct {
	ns   *netns.Host
	name string // role name: chain, km, worker1, ...
	ip   string // its current address
}

// requireNamespaces skips the test when network namespaces cannot be
// created here: not root, no ip, or a kernel or container that refuses.
func requireNamespaces(t testing.TB) {
	t.Helper()
	if err := netns.Available(); err != nil {
		t.Skipf("%v; the test needs them", err)
	}
}

// lanConfig names the test's networks mh<id>-<host>; a marker per run in
// $TMPDIR/enigma-multihost names the run's process, so a run killed before
// its cleanup (go test's own timeout panics the binary) has its
// namespaces removed by the next.
var lanConfig = netns.Config{Prefix: "mh", MarkerDir: filepath.Join(os.TempDir(), "enigma-multihost")}

// newLAN creates the bridge; it is removed, with every host added later,
// when the test ends.
func newLAN(t testing.TB) *lan {
	t.Helper()
	requireNamespaces(t)
	for _, id := range netns.SweepStale(lanConfig) {
		t.Logf("removed the network %s that an earlier run left behind", id)
	}
	l, err := netns.New(lanConfig)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := l.Close(); err != nil {
			t.Log(err)
		}
	})
	return &lan{t: t, net: l, prefix: strings.TrimSuffix(l.Subnet(), "0/24")}
}

// addHost creates a namespace named after role, its cable to the bridge
// and its address.
func (l *lan) addHost(role string) *host {
	l.t.Helper()
	h, err := l.net.AddHost(role)
	if err != nil {
		l.t.Fatal(err)
	}
	return &host{ns: h, name: role, ip: h.IP}
}

// unplug takes the host's cable out of the bridge (the link goes down on
// both ends) and plug puts it back.
func (l *lan) unplug(h *host) { l.check(l.net.Unplug(h.ns)) }
func (l *lan) plug(h *host)   { l.check(l.net.Plug(h.ns)) }

// readdress gives the host a new address in place of its old one, as a
// machine that came back with another DHCP lease.
func (l *lan) readdress(h *host) {
	l.t.Helper()
	l.check(l.net.Readdress(h.ns))
	h.ip = h.ns.IP
}

func (l *lan) check(err error) {
	l.t.Helper()
	if err != nil {
		l.t.Fatal(err)
	}
}

// command runs name in the host's namespace (netns.Host.Command): the
// program leads its process group, killed whole when ctx ends, and dies
// with the test binary, even when go test's timeout ends it before any
// cleanup runs.
func (h *host) command(ctx context.Context, name string, args ...string) *exec.Cmd {
	return h.ns.Command(ctx, name, args...)
}

// dial opens a TCP connection from inside the host's namespace, so the
// test itself can look at the network from a host (the client's) without
// being on it.
func (h *host) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	return h.ns.Dial(ctx, network, addr)
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
	r := netns.NewRelay(ln, func(ctx context.Context) (net.Conn, error) { return h.dial(ctx, "tcp", addr) })
	t.Cleanup(func() { r.Close() })
	return ln.Addr().String()
}
