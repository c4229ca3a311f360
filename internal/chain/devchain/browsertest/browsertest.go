// Package browsertest talks to an Ethereum JSON-RPC endpoint the way a web
// page in a browser would: a JSON POST with the page's Origin (and, after
// DNS rebinding, its own Host name), the CORS preflight before it, and a
// WebSocket with an Origin. Tests of who may drive the dev chain use it.
//
// It is imported by tests only and depends on the standard library and
// go-ethereum's rpc client, so the dev chain's own tests can use it.
package browsertest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/rpc"
)

// Reply is one JSON-RPC exchange as the page sees it.
type Reply struct {
	Status int
	Header http.Header
	Result json.RawMessage
	Err    string // the JSON-RPC error's message, or the body of an HTTP error
}

// CORS is the origin the answer allows ("" for none).
func (r Reply) CORS() string { return r.Header.Get("Access-Control-Allow-Origin") }

// Post sends one JSON-RPC call with the given Origin and Host headers (""
// leaves the Origin out and the Host as the URL says).
func Post(t *testing.T, endpoint, origin, host, method string, params ...any) Reply {
	t.Helper()
	if params == nil {
		params = []any{}
	}
	body, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": 1, "method": method, "params": params})
	req, err := http.NewRequest(http.MethodPost, endpoint, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	if host != "" {
		req.Host = host
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	r := Reply{Status: resp.StatusCode, Header: resp.Header}
	if resp.StatusCode != http.StatusOK {
		r.Err = strings.TrimSpace(string(raw))
		return r
	}
	var out struct {
		Result json.RawMessage `json:"result"`
		Error  *struct {
			Message string `json:"message"`
		} `json:"error"`
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("%s: %v: %s", method, err, raw)
	}
	r.Result = out.Result
	if out.Error != nil {
		r.Err = out.Error.Message
	}
	return r
}

// Preflight sends the CORS preflight a browser sends before a page's JSON
// POST, and returns the origin it is allowed for ("" if none).
func Preflight(t *testing.T, endpoint, origin string) string {
	t.Helper()
	req, err := http.NewRequest(http.MethodOptions, endpoint, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Origin", origin)
	req.Header.Set("Access-Control-Request-Method", "POST")
	req.Header.Set("Access-Control-Request-Headers", "content-type")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.Header.Get("Access-Control-Allow-Origin")
}

// DialWS opens a WebSocket JSON-RPC connection with the given Origin and
// makes one call on it.
func DialWS(endpoint, origin string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, err := rpc.DialWebsocket(ctx, endpoint, origin)
	if err != nil {
		return err
	}
	defer c.Close()
	var id string
	return c.CallContext(ctx, &id, "net_version")
}
