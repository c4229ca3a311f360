package kmhttp

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/worker"
)

var _ worker.KeyService = (*Client)(nil)

type fakeKM struct {
	got   *enclave.StateKeysRequest
	reply *enclave.StateKeysReply
	err   error
}

func (f *fakeKM) GetStateKeys(_ context.Context, r *enclave.StateKeysRequest) (*enclave.StateKeysReply, error) {
	f.got = r
	return f.reply, f.err
}

func start(t *testing.T, ks KeyService) (*httptest.Server, *Client) {
	t.Helper()
	s, err := NewServer(ks, api.EthAddress{0x4b}, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	c, err := NewClient(ts.URL+"/", DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	return ts, c
}

func TestStateKeysRoundTrip(t *testing.T) {
	ctx := context.Background()
	f := &fakeKM{reply: &enclave.StateKeysReply{RequestID: [16]byte{1}, RequestHash: api.Hash{2}, Ciphertext: []byte("keys"), Signature: enclave.Signature{3}}}
	_, c := start(t, f)
	if s, err := c.Signer(ctx); err != nil || s != (api.EthAddress{0x4b}) {
		t.Fatalf("Signer = %s, %v", s, err)
	}
	req := &enclave.StateKeysRequest{RequestID: [16]byte{1}, EpochSeed: [32]byte{5}, Contracts: []api.ContractAddress{{6}, {7}}, Signature: enclave.Signature{8}}
	reply, err := c.GetStateKeys(ctx, req)
	if err != nil || !reflect.DeepEqual(reply, f.reply) || !reflect.DeepEqual(f.got, req) {
		t.Fatalf("GetStateKeys = %+v, %v (server got %+v)", reply, err, f.got)
	}
	f.err = api.Errorf(api.CodeNotSelected, "km: worker 0x01 is not selected for contract 0x06")
	if _, err := c.GetStateKeys(ctx, req); api.CodeOf(err) != api.CodeNotSelected || err.Error() != f.err.Error() {
		t.Fatalf("refusal came back as %v (code %d)", err, api.CodeOf(err))
	}
}

func TestServerRefusesOtherFrames(t *testing.T) {
	f := &fakeKM{}
	ts, _ := start(t, f)
	for name, body := range map[string]string{
		"garbage":     "hello",
		"other frame": string(enclave.Marshal(enclave.TypeNewEpochRequest, &enclave.NewEpochRequest{})),
		"too big":     strings.Repeat("x", 2<<20),
	} {
		resp, err := http.Post(ts.URL+pathStateKeys, frameType, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", name, resp.StatusCode)
		}
	}
	if f.got != nil {
		t.Fatal("a bad frame reached the key manager")
	}
}

func TestUnreachableKeyManager(t *testing.T) {
	cfg := DefaultConfig()
	cfg.RetryFor = 0
	c, err := NewClient("http://127.0.0.1:1", cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetStateKeys(context.Background(), &enclave.StateKeysRequest{}); api.CodeOf(err) != api.CodeUnavailable {
		t.Fatalf("unreachable: %v", err)
	}
	// Asking again ends with the caller's context.
	c, _ = NewClient("http://127.0.0.1:1", DefaultConfig())
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	if _, err := c.GetStateKeys(ctx, &enclave.StateKeysRequest{}); api.CodeOf(err) != api.CodeUnavailable {
		t.Fatalf("unreachable until the context ended: %v", err)
	}
	if _, err := NewClient("127.0.0.1:3400", DefaultConfig()); api.CodeOf(err) != api.CodeInvalidInput {
		t.Fatalf("URL without scheme: %v", err)
	}
}

// A worker asking for state keys while the key manager restarts gets them
// once it is back, instead of an error.
func TestStateKeysWaitForARestartingKeyManager(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // down
	c, err := NewClient("http://"+addr, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	f := &fakeKM{reply: &enclave.StateKeysReply{RequestID: [16]byte{1}, Ciphertext: []byte("keys")}}
	s, err := NewServer(f, api.EthAddress{0x4b}, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	go func() {
		time.Sleep(300 * time.Millisecond)
		ln, err := net.Listen("tcp", addr) // back, at the same address
		if err != nil {
			return // the port was taken meanwhile: the call below fails and says so
		}
		_ = s.Serve(ctx, ln)
	}()
	reply, err := c.GetStateKeys(ctx, &enclave.StateKeysRequest{RequestID: [16]byte{1}, Contracts: []api.ContractAddress{{6}}})
	if err != nil || string(reply.Ciphertext) != "keys" {
		t.Fatalf("GetStateKeys across the restart = %+v, %v", reply, err)
	}
}

// fakeAttestor signs anything but "bad" with 65 bytes of 7.
type fakeAttestor struct{}

func (fakeAttestor) Attest(_ context.Context, report []byte) ([]byte, error) {
	if string(report) == "bad" {
		return nil, api.Errorf(api.CodeInvalidInput, "not a report")
	}
	return []byte(strings.Repeat("\x07", 65)), nil
}

func TestSimulatedAttestation(t *testing.T) {
	ctx := context.Background()
	_, plain := start(t, &fakeKM{})
	if _, err := plain.Attest(ctx, []byte("report")); api.CodeOf(err) != api.CodeUnavailable || !strings.Contains(err.Error(), "no simulated attestation service") {
		t.Fatalf("a key manager without the service: %v", err)
	}
	cfg := DefaultConfig()
	cfg.Attestor = fakeAttestor{}
	s, err := NewServer(&fakeKM{}, api.EthAddress{1}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	c, err := NewClient(ts.URL, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if sig, err := c.Attest(ctx, []byte("report")); err != nil || len(sig) != 65 || sig[0] != 7 {
		t.Fatalf("Attest = %x, %v", sig, err)
	}
	if _, err := c.Attest(ctx, []byte("bad")); api.CodeOf(err) != api.CodeInvalidInput {
		t.Fatalf("a refused report came back as %v", err)
	}
}
