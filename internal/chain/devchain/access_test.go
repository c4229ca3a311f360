package devchain

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/internal/chain/devchain/browsertest"
)

// unsafeCalls are methods a web page must never reach: they write files,
// rewind the chain, sign with the dev keys or list what waits to be mined.
var unsafeCalls = []struct {
	method string
	params []any
}{
	{"debug_writeMemProfile", []any{"/tmp/devchain-access-test.prof"}},
	{"debug_setHead", []any{"0x0"}},
	{"personal_listAccounts", nil},
	{"personal_sign", []any{"0x00", "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"}},
	{"txpool_content", nil},
	{"txpool_status", nil},
}

// TestAccessLocalToolsOnly checks the default dev chain against web pages:
// another origin gets no CORS permission and no WebSocket, a page whose
// name resolves to 127.0.0.1 (DNS rebinding) is refused by its Host
// header, and the debug, personal and txpool modules are not served;
// local tools and pages served from this machine work as before.
func TestAccessLocalToolsOnly(t *testing.T) {
	c := startChain(t, nil)
	endpoint := c.HTTPEndpoint()
	port := mustPort(t, endpoint)

	// An ordinary local request (a tool: no Origin header).
	if r := browsertest.Post(t, endpoint, "", "", "eth_chainId"); r.Err != "" || string(r.Result) != `"0x539"` {
		t.Fatalf("local eth_chainId: %+v", r)
	}
	var accs []common.Address
	if r := browsertest.Post(t, endpoint, "", "", "eth_accounts"); r.Err != "" || json.Unmarshal(r.Result, &accs) != nil || len(accs) != 10 {
		t.Fatalf("local eth_accounts: %+v", r)
	}

	// A page of another origin: the preflight its JSON POST needs is
	// refused, and no answer carries a CORS permission for it.
	if got := browsertest.Preflight(t, endpoint, "http://evil.example"); got != "" {
		t.Fatalf("preflight from http://evil.example allowed for %q", got)
	}
	if r := browsertest.Post(t, endpoint, "http://evil.example", "", "eth_accounts"); r.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Fatalf("an answer to http://evil.example carries Access-Control-Allow-Origin %q", r.Header.Get("Access-Control-Allow-Origin"))
	}
	// Pages served from this machine, on any port, keep working.
	for _, o := range []string{"http://localhost:3000", "http://127.0.0.1:8080", "http://localhost"} {
		if got := browsertest.Preflight(t, endpoint, o); got != o {
			t.Fatalf("preflight from %s allowed for %q", o, got)
		}
	}
	if r := browsertest.Post(t, endpoint, "http://localhost:3000", "", "eth_chainId"); r.Err != "" || r.Header.Get("Access-Control-Allow-Origin") != "http://localhost:3000" {
		t.Fatalf("page on localhost:3000: %+v", r)
	}

	// DNS rebinding: the page's own name now resolves to 127.0.0.1, so the
	// browser sends it same-origin with that name as Host.
	if r := browsertest.Post(t, endpoint, "http://evil.example:"+port, "evil.example:"+port, "eth_accounts"); r.Status != http.StatusForbidden {
		t.Fatalf("Host evil.example: status %d %s, want 403", r.Status, r.Err)
	}
	for _, host := range []string{"localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port} {
		if r := browsertest.Post(t, endpoint, "", host, "eth_chainId"); r.Err != "" {
			t.Fatalf("Host %s: %+v", host, r)
		}
	}

	// The unsafe modules are not there, not even for a local tool.
	for _, call := range unsafeCalls {
		r := browsertest.Post(t, endpoint, "", "", call.method, call.params...)
		if !strings.Contains(r.Err, "does not exist") {
			t.Errorf("%s over HTTP: %+v, want it not served", call.method, r)
		}
	}

	// WebSocket: the same origins.
	ws := c.WSEndpoint()
	if err := browsertest.DialWS(ws, "http://evil.example"); err == nil {
		t.Fatal("a WebSocket from http://evil.example was accepted")
	}
	if err := browsertest.DialWS(ws, "http://evil.example:"+port); err == nil {
		t.Fatal("a WebSocket from the rebound http://evil.example was accepted")
	}
	for _, o := range []string{"", "http://localhost:5173"} {
		if err := browsertest.DialWS(ws, o); err != nil {
			t.Fatalf("WebSocket with origin %q: %v", o, err)
		}
	}

	// In process, our own tools still reach every module (the chain
	// client's revert tracer among them).
	var status map[string]any
	if err := c.RPC().Call(&status, "txpool_status"); err != nil {
		t.Fatalf("txpool_status in process: %v", err)
	}
}

// TestAccessOptIn checks the flags that widen access: named origins and
// host names, and the unsafe modules.
func TestAccessOptIn(t *testing.T) {
	c := startChain(t, func(cfg *Config) {
		cfg.Access = Access{CORSOrigins: []string{"http://dapp.test:8000"}, VirtualHosts: []string{"dapp.test"}, UnsafeRPC: true}
	})
	endpoint := c.HTTPEndpoint()
	port := mustPort(t, endpoint)
	if got := browsertest.Preflight(t, endpoint, "http://dapp.test:8000"); got != "http://dapp.test:8000" {
		t.Fatalf("preflight from the named origin allowed for %q", got)
	}
	// Naming origins replaces the local default.
	for _, o := range []string{"http://dapp.test:8001", "http://localhost:3000"} {
		if got := browsertest.Preflight(t, endpoint, o); got != "" {
			t.Fatalf("preflight from %s allowed for %q", o, got)
		}
	}
	if r := browsertest.Post(t, endpoint, "", "dapp.test:"+port, "eth_chainId"); r.Err != "" {
		t.Fatalf("named virtual host: %+v", r)
	}
	if r := browsertest.Post(t, endpoint, "", "evil.example:"+port, "eth_chainId"); r.Status != http.StatusForbidden {
		t.Fatalf("other host: %+v", r)
	}
	if r := browsertest.Post(t, endpoint, "", "", "txpool_status"); r.Err != "" {
		t.Fatalf("txpool_status with UnsafeRPC: %+v", r)
	}
	if r := browsertest.Post(t, endpoint, "", "", "personal_listAccounts"); r.Err != "" {
		t.Fatalf("personal_listAccounts with UnsafeRPC: %+v", r)
	}
	if err := browsertest.DialWS(c.WSEndpoint(), "http://dapp.test:8000"); err != nil {
		t.Fatalf("WebSocket from the named origin: %v", err)
	}
	if err := browsertest.DialWS(c.WSEndpoint(), "http://localhost:3000"); err == nil {
		t.Fatal("a WebSocket from an origin not named was accepted")
	}
}

func TestAccessValidate(t *testing.T) {
	for _, a := range []Access{
		{CORSOrigins: []string{"evil.example"}},
		{CORSOrigins: []string{"http://*.example.com"}},
		{CORSOrigins: []string{"ftp://localhost"}},
		{CORSOrigins: []string{"http://localhost/path"}},
		{VirtualHosts: []string{"localhost:8545"}},
		{VirtualHosts: []string{""}},
	} {
		cfg := DefaultConfig()
		cfg.Access = a
		if err := cfg.Validate(); err == nil {
			t.Errorf("Access %+v was accepted", a)
		}
	}
	cfg := DefaultConfig()
	cfg.Access = Access{CORSOrigins: []string{"*", "https://app.example:443", "http://localhost"}, VirtualHosts: []string{"*", "myhost.local"}}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	if got, want := fmt.Sprint(Access{}.httpCORS()[:2]), "[http://localhost http://localhost:*]"; got != want {
		t.Fatalf("CORS list starts %s, want %s", got, want)
	}
	if got := (Access{}).modules(); fmt.Sprint(got) != "[eth net web3]" {
		t.Fatalf("default modules %v", got)
	}
}

func mustPort(t *testing.T, endpoint string) string {
	t.Helper()
	u, err := url.Parse(endpoint)
	if err != nil {
		t.Fatal(err)
	}
	return u.Port()
}
