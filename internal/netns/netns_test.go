//go:build linux

package netns

import (
	"context"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func testConfig(t *testing.T) Config {
	return Config{Prefix: "nt", MarkerDir: filepath.Join(t.TempDir(), "markers"), BridgeAddress: true}
}

func requireAvailable(t *testing.T) {
	t.Helper()
	if err := Available(); err != nil {
		if !errors.Is(err, ErrUnavailable) {
			t.Fatalf("Available: %v does not wrap ErrUnavailable", err)
		}
		t.Skip(err)
	}
}

// Two hosts on a LAN reach each other and the caller's bridge address; a
// host's cable unplugged cuts it off, a new address moves it, and Close
// leaves nothing behind.
func TestLAN(t *testing.T) {
	requireAvailable(t)
	cfg := testConfig(t)
	l, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	a, err := l.AddHost("a")
	if err != nil {
		t.Fatal(err)
	}
	b, err := l.AddHost("b")
	if err != nil {
		t.Fatal(err)
	}
	if a.IP == b.IP || !strings.HasPrefix(a.IP, strings.TrimSuffix(l.Subnet(), "0/24")) {
		t.Fatalf("addresses %s and %s on %s", a.IP, b.IP, l.Subnet())
	}

	// A listener in b, created on a thread in b's namespace.
	var ln net.Listener
	if err := b.Do(func() (err error) { ln, err = net.Listen("tcp", b.IP+":0"); return err }); err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			io.WriteString(c, "hello\n")
			c.Close()
		}
	}()
	read := func(h *Host, addr string) (string, error) {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		c, err := h.Dial(ctx, "tcp", addr)
		if err != nil {
			return "", err
		}
		defer c.Close()
		c.SetDeadline(time.Now().Add(2 * time.Second))
		s, err := io.ReadAll(c)
		return string(s), err
	}
	if s, err := read(a, ln.Addr().String()); err != nil || s != "hello\n" {
		t.Fatalf("a → b: %q, %v", s, err)
	}
	// The caller's namespace is on the LAN at the bridge address.
	c, err := net.DialTimeout("tcp", ln.Addr().String(), 2*time.Second)
	if err != nil {
		t.Fatalf("caller → b: %v", err)
	}
	c.Close()
	// b's own loopback is not the caller's.
	out, err := b.Command(context.Background(), IPBin, "-brief", "addr", "show", "dev", "eth0").CombinedOutput()
	if err != nil || !strings.Contains(string(out), b.IP) {
		t.Fatalf("ip addr in b: %v: %s", err, out)
	}

	if err := l.Unplug(b); err != nil {
		t.Fatal(err)
	}
	if _, err := read(a, ln.Addr().String()); err == nil {
		t.Fatal("a reached b with b's cable unplugged")
	}
	if err := l.Plug(b); err != nil {
		t.Fatal(err)
	}
	old := b.IP
	if err := l.Readdress(b); err != nil {
		t.Fatal(err)
	}
	if b.IP == old {
		t.Fatalf("Readdress kept %s", old)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	list, _ := IP("netns", "list")
	if strings.Contains(list, "nt"+l.ID()) {
		t.Fatalf("namespaces left after Close:\n%s", list)
	}
	if _, err := os.Stat(filepath.Join(cfg.MarkerDir, l.ID())); !os.IsNotExist(err) {
		t.Fatalf("marker left after Close: %v", err)
	}
}

// A LAN whose creator is gone is swept; one whose creator lives is not.
func TestSweepStale(t *testing.T) {
	requireAvailable(t)
	cfg := testConfig(t)
	l, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if _, err := l.AddHost("a"); err != nil {
		t.Fatal(err)
	}
	if got := SweepStale(cfg); len(got) != 0 {
		t.Fatalf("swept %v of a live process", got)
	}
	// A process id that cannot be alive stands for a creator that died.
	os.WriteFile(filepath.Join(cfg.MarkerDir, l.ID()), []byte("999999999"), 0o644)
	if got := SweepStale(cfg); len(got) != 1 || got[0] != l.ID() {
		t.Fatalf("swept %v, want [%s]", got, l.ID())
	}
	if list, _ := IP("netns", "list"); strings.Contains(list, "nt"+l.ID()) {
		t.Fatalf("namespaces left after SweepStale:\n%s", list)
	}
}
