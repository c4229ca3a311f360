package gateway

import (
	"context"
	"encoding/json"
	"fmt"
	"github.com/enigma-go/enigma/internal/workerapi"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/enigma-go/enigma/api"
)

func TestRequesterOf(t *testing.T) {
	a, b := RequesterOf("10.0.0.1:5000"), RequesterOf("10.0.0.1:6000")
	if a != b {
		t.Fatal("two ports of one host are two requesters")
	}
	if a == RequesterOf("10.0.0.2:5000") {
		t.Fatal("two hosts are one requester")
	}
	if RequesterOf("[2001:db8::1]:1") != RequesterOf("[2001:db8::ffff]:2") {
		t.Fatal("one IPv6 /64 is several requesters")
	}
	if RequesterOf("[2001:db8:0:1::1]:1") == RequesterOf("[2001:db8::1]:1") {
		t.Fatal("two IPv6 /64s are one requester")
	}
	if RequesterOf("[::ffff:10.0.0.1]:1") != a {
		t.Fatal("an IPv4-mapped address is another requester than its IPv4 address")
	}
}

func TestLimiter(t *testing.T) {
	now := time.Unix(1000, 0)
	l := newLimiter(2, 4, func() time.Time { return now })
	alice, bob := [32]byte{1}, [32]byte{2}
	if !l.allow(alice, 4) || l.allow(alice, 1) {
		t.Fatal("burst not enforced")
	}
	if !l.allow(bob, 1) {
		t.Fatal("one requester's use limited another")
	}
	now = now.Add(time.Second)
	if !l.allow(alice, 2) || l.allow(alice, 1) {
		t.Fatal("refill at the rate")
	}
	now = now.Add(time.Hour)
	l.allow(bob, 1) // sweeps alice's full bucket
	if _, ok := l.buckets[alice]; ok {
		t.Fatal("an idle requester's bucket is kept")
	}
}

// TestRateLimitsAndCORS plays a client that floods the gateway: its calls
// beyond its rate get a clear JSON-RPC error with api.CodeRateLimited,
// while another client is served; task keys have their own, lower bound.
func TestRateLimitsAndCORS(t *testing.T) {
	s, err := New(&fakeBackend{}, func() Config {
		c := DefaultConfig()
		c.CallsPerSecond, c.CallBurst, c.TaskKeysPerSecond, c.TaskKeyBurst = 0.001, 104, 0.001, 3 // 4 key calls and a batch of 100
		c.AllowedOrigins = []string{"https://app.example"}
		return c
	}())
	if err != nil {
		t.Fatal(err)
	}
	flooder := workerapi.WithRequester(context.Background(), [32]byte{1})
	other := workerapi.WithRequester(context.Background(), [32]byte{2})
	key := `{"jsonrpc":"2.0","id":1,"method":"getWorkerEncryptionKey","params":{"workerAddress":"` + strings.Repeat("11", 20) + `","userPubKey":"` + strings.Repeat("22", 64) + `"}}`
	limited := func(r any) bool {
		resp, ok := r.(rpcResponse)
		return ok && resp.Error != nil && resp.Error.Data != nil && resp.Error.Data.Code == api.CodeRateLimited
	}
	for i := range 3 {
		if r := s.handle(flooder, []byte(key)); limited(r) {
			t.Fatalf("task key %d refused within the burst", i)
		}
	}
	if r := s.handle(flooder, []byte(key)); !limited(r) {
		t.Fatalf("a fourth task key at once: %+v", r)
	}
	if r := s.handle(other, []byte(key)); limited(r) {
		t.Fatal("another client's task key was refused")
	}
	info := `{"jsonrpc":"2.0","id":2,"method":"getInfo","params":{}}`
	batch := "[" + strings.TrimSuffix(strings.Repeat(info+",", 100), ",") + "]"
	if r := s.handle(flooder, []byte(batch)); limited(r) {
		t.Fatal("a batch within the burst was refused")
	}
	if r := s.handle(flooder, []byte(info)); !limited(r) {
		t.Fatal("calls beyond the burst are served")
	}
	if r := s.handle(other, []byte(info)); limited(r) {
		t.Fatal("another client was refused")
	}

	// CORS: the allowed origin only, never with credentials.
	ts := newTestServer(t, &fakeBackend{}, func(c *Config) { c.AllowedOrigins = []string{"https://app.example"} })
	for origin, want := range map[string]string{"https://app.example": "https://app.example", "https://evil.example": ""} {
		req, _ := http.NewRequest(http.MethodOptions, ts.URL, nil)
		req.Header.Set("Origin", origin)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.Header.Get("Access-Control-Allow-Origin"); got != want || resp.Header.Get("Access-Control-Allow-Credentials") != "" {
			t.Fatalf("origin %s: allowed %q (credentials %q), want %q and none", origin, got, resp.Header.Get("Access-Control-Allow-Credentials"), want)
		}
	}
}

// slowBackend holds every getInfo until released.
type slowBackend struct {
	fakeBackend
	entered chan struct{}
	release chan struct{}
}

func (b *slowBackend) Info(ctx context.Context) (workerapi.Info, error) {
	b.entered <- struct{}{}
	<-b.release
	return b.fakeBackend.Info(ctx)
}

// TestConcurrencyCap: beyond MaxConcurrent requests in flight the gateway
// answers 503 at once instead of queueing without bound.
func TestConcurrencyCap(t *testing.T) {
	b := &slowBackend{entered: make(chan struct{}, 2), release: make(chan struct{})}
	ts := newTestServer(t, b, func(c *Config) { c.MaxConcurrent = 2 })
	info := `{"jsonrpc":"2.0","id":1,"method":"getInfo","params":{}}`
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := http.Post(ts.URL, "application/json", strings.NewReader(info))
			if err == nil {
				resp.Body.Close()
			}
		}()
	}
	<-b.entered
	<-b.entered
	resp, err := http.Post(ts.URL, "application/json", strings.NewReader(info))
	close(b.release)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]any
	json.NewDecoder(resp.Body).Decode(&body)
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(fmt.Sprint(body["error"]), "serving 2 requests") {
		t.Fatalf("third request at once: %s %v", resp.Status, body)
	}
}
