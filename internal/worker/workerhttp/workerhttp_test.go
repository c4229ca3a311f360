package workerhttp

import (
	"bytes"
	"context"
	"github.com/enigma-go/enigma/internal/workerapi"
	"net"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/internal/worker"
)

// fakeNode records what it is given and answers fixed values.
type fakeNode struct {
	signer  api.EthAddress
	err     error
	deploy  *workerapi.DeployRequest
	compute *workerapi.ComputeRequest
	v2      *workerapi.V2Request
	result  *workerapi.TaskResult
	export  *worker.StateExport
	// requester is the last TaskKey's.
	requester [32]byte
}

func (f *fakeNode) Signer() api.EthAddress { return f.signer }
func (f *fakeNode) TaskKey(_ context.Context, pub [64]byte, requester [32]byte) (workerapi.WorkerKey, error) {
	f.requester = requester
	return workerapi.WorkerKey{PublicKey: pub, Signature: []byte{1, 2, 3}}, f.err
}
func (f *fakeNode) EpochKey(context.Context) (workerapi.EpochKey, error) {
	return workerapi.EpochKey{Epoch: 7, PublicKey: []byte("pk"), Signature: []byte("sig")}, f.err
}
func (f *fakeNode) SubmitDeploy(_ context.Context, r *workerapi.DeployRequest) error {
	f.deploy = r
	return f.err
}
func (f *fakeNode) SubmitCompute(_ context.Context, r *workerapi.ComputeRequest) error {
	f.compute = r
	return f.err
}
func (f *fakeNode) SubmitV2(_ context.Context, r *workerapi.V2Request) error {
	f.v2 = r
	return f.err
}
func (f *fakeNode) TaskResult(context.Context, api.TaskID) (*workerapi.TaskResult, error) {
	return f.result, f.err
}
func (f *fakeNode) ExportState(context.Context, api.ContractAddress, uint32) (*worker.StateExport, error) {
	return f.export, f.err
}
func (f *fakeNode) ProveIdentity(context.Context, [32]byte, []byte) ([65]byte, error) {
	return [65]byte{}, api.Errorf(api.CodeUnavailable, "fake: no enclave")
}

// trustAll passes every peer, for tests of what Peers does once a peer is
// verified.
type trustAll struct{}

func (trustAll) Verify(context.Context, worker.Node, []byte) error { return nil }

func serve(t *testing.T, n worker.Node) (*httptest.Server, *Client) {
	t.Helper()
	s, err := NewServer(n, TestConfig())
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	c, err := Dial(context.Background(), ts.URL, TestConfig())
	if err != nil {
		t.Fatal(err)
	}
	return ts, c
}

func TestClientCarriesEveryCall(t *testing.T) {
	ctx := context.Background()
	f := &fakeNode{signer: api.EthAddress{0xaa}}
	_, c := serve(t, f)
	if c.Signer() != f.signer {
		t.Fatalf("signer %s, want %s", c.Signer(), f.signer)
	}
	var pub [64]byte
	pub[0], pub[63] = 1, 2
	k, err := c.TaskKey(ctx, pub, [32]byte{7})
	if err != nil || k.PublicKey != pub || !bytes.Equal(k.Signature, []byte{1, 2, 3}) || f.requester != [32]byte{7} {
		t.Fatalf("TaskKey = %+v, %v (requester %x)", k, err, f.requester)
	}
	ek, err := c.EpochKey(ctx)
	if err != nil || ek.Epoch != 7 || string(ek.PublicKey) != "pk" {
		t.Fatalf("EpochKey = %+v, %v", ek, err)
	}
	dep := &workerapi.DeployRequest{ContractAddress: api.Hash{1}, Worker: f.signer, PreCode: []byte("wasm"), EncryptedFn: []byte("fn"), EncryptedArgs: []byte{}, UserPubKey: pub}
	if err := c.SubmitDeploy(ctx, dep); err != nil || !reflect.DeepEqual(f.deploy, dep) {
		t.Fatalf("SubmitDeploy carried %+v (%v), want %+v", f.deploy, err, dep)
	}
	cmp := &workerapi.ComputeRequest{TaskID: api.Hash{2}, Worker: f.signer, ContractAddress: api.Hash{1}, EncryptedFn: []byte("fn"), EncryptedArgs: []byte("args"), UserPubKey: pub}
	if err := c.SubmitCompute(ctx, cmp); err != nil || !reflect.DeepEqual(f.compute, cmp) {
		t.Fatalf("SubmitCompute carried %+v (%v), want %+v", f.compute, err, cmp)
	}
	v2 := &workerapi.V2Request{Deploy: true, TaskID: api.Hash{3}, Worker: f.signer, ContractAddress: api.Hash{3}, PreCode: []byte("c"), Request: []byte("r"), Sender: api.EthAddress{9}, TaskNonce: 4}
	if err := c.SubmitV2(ctx, v2); err != nil || !reflect.DeepEqual(f.v2, v2) {
		t.Fatalf("SubmitV2 carried %+v (%v), want %+v", f.v2, err, v2)
	}

	if r, err := c.TaskResult(ctx, api.Hash{2}); r != nil || err != nil {
		t.Fatalf("unseen task: %+v, %v; want nil, nil", r, err)
	}
	f.result = &workerapi.TaskResult{TaskID: api.Hash{2}, Status: api.StatusSuccess, Output: []byte("out"), UsedGas: 9,
		Delta: &workerapi.Delta{Index: 1, Hash: api.Hash{5}, Data: []byte("d")}, Signature: []byte("s"), EthereumAddress: api.EthAddress{4}}
	if r, err := c.TaskResult(ctx, api.Hash{2}); err != nil || !reflect.DeepEqual(r, f.result) {
		t.Fatalf("TaskResult = %+v, %v; want %+v", r, err, f.result)
	}

	f.export = &worker.StateExport{
		Range: &state.DeltaRange{Contract: api.Hash{1}, Code: []byte("code"), From: 0, To: 1,
			Deltas: []state.Delta{{Index: 0, Hash: api.Hash{6}, Data: []byte("d0")}, {Index: 1, Hash: api.Hash{7}, Data: []byte("d1")}}},
		State: &state.StateBlob{Index: 1, Hash: api.Hash{7}, Data: []byte("state")},
	}
	exp, err := c.ExportState(ctx, api.Hash{1}, 0)
	if err != nil || !reflect.DeepEqual(exp.State, f.export.State) || exp.Range.To != 1 || len(exp.Range.Deltas) != 2 ||
		!bytes.Equal(exp.Range.Deltas[1].Data, []byte("d1")) || !bytes.Equal(exp.Range.Code, []byte("code")) {
		t.Fatalf("ExportState = %+v, %v", exp, err)
	}
}

func TestErrorsKeepTheirCode(t *testing.T) {
	ctx := context.Background()
	f := &fakeNode{signer: api.EthAddress{0xaa}}
	_, c := serve(t, f)
	for _, code := range []api.Code{api.CodeNotSelected, api.CodeInputsMismatch, api.CodeUnavailable, api.CodeUnknown} {
		f.err = api.Errorf(code, "worker: refused with %d", code)
		err := c.SubmitCompute(ctx, &workerapi.ComputeRequest{})
		if api.CodeOf(err) != code || err.Error() != f.err.Error() {
			t.Errorf("code %d came back as %d %q", code, api.CodeOf(err), err)
		}
		if _, err := c.TaskResult(ctx, api.Hash{}); api.CodeOf(err) != code {
			t.Errorf("TaskResult: code %d came back as %v", code, err)
		}
	}
}

func TestServerRefusesBadRequests(t *testing.T) {
	f := &fakeNode{signer: api.EthAddress{0xaa}}
	cfg := TestConfig()
	cfg.MaxRequestBytes = 1 << 10
	s, err := NewServer(f, cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	for name, body := range map[string]string{
		"not json":    "{",
		"too big":     `{"taskId":"` + strings.Repeat("0", 2000) + `"}`,
		"short key":   `{"userPubKey":"AAEC"}`,
		"bad task id": `{"taskId":"0x12"}`,
	} {
		path := pathTaskResult
		if name == "short key" {
			path = pathTaskKey
		}
		resp, err := http.Post(ts.URL+path, "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", name, resp.StatusCode)
		}
	}
	if f.deploy != nil || f.compute != nil {
		t.Fatal("a bad request reached the worker")
	}
}

func TestUnreachableWorkerIsUnavailable(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + ln.Addr().String()
	ln.Close()
	if _, err := Dial(context.Background(), url, TestConfig()); api.CodeOf(err) != api.CodeUnavailable {
		t.Fatalf("Dial of a closed port: %v, want CodeUnavailable", err)
	}
}

func TestPeersFindWorkersThatStartLate(t *testing.T) {
	a := &fakeNode{signer: api.EthAddress{0x01}}
	tsA, _ := serve(t, a)
	// b's address is reserved but nothing serves it yet.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	urlB := "http://" + ln.Addr().String()
	ln.Close()
	cfg := TestConfig()
	cfg.ResolveEvery = 1 // every call retries
	p, err := NewPeers([]string{tsA.URL, urlB + "/", tsA.URL}, trustAll{}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Refresh(context.Background()); err == nil || !strings.Contains(err.Error(), urlB) {
		t.Fatalf("Refresh with b down: %v, want an error naming %s", err, urlB)
	}
	if n := p.Nodes(); len(n) != 1 || n[0].Signer() != a.signer {
		t.Fatalf("Nodes with b down = %v", n)
	}
	b := &fakeNode{signer: api.EthAddress{0x02}}
	sb, err := NewServer(b, TestConfig())
	if err != nil {
		t.Fatal(err)
	}
	ln, err = net.Listen("tcp", strings.TrimPrefix(urlB, "http://"))
	if err != nil {
		t.Skipf("the reserved port was taken meanwhile: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- sb.Serve(ctx, ln) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	}()
	n, ok := p.Node(b.signer)
	if !ok || n.Signer() != b.signer {
		t.Fatalf("Node(b) after b started: %v, %v", n, ok)
	}
	if got := p.Nodes(); len(got) != 2 || got[0].Signer() != a.signer || got[1].Signer() != b.signer {
		t.Fatalf("Nodes = %v, want a then b", got)
	}
	if _, ok := p.Node(api.EthAddress{0x03}); ok {
		t.Fatal("an unknown signer was found")
	}
}

func TestNewPeersRefusesBadURLs(t *testing.T) {
	if _, err := NewPeers([]string{"127.0.0.1:3401"}, trustAll{}, TestConfig()); api.CodeOf(err) != api.CodeInvalidInput {
		t.Fatalf("a URL without scheme: %v", err)
	}
	if _, err := NewPeers([]string{"http://127.0.0.1:3401"}, nil, TestConfig()); err == nil {
		t.Fatal("peers without a verifier")
	}
}

func TestPeersFollowARestartWithANewIdentity(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	serveOn := func(ln net.Listener, n worker.Node) func() {
		s, err := NewServer(n, TestConfig())
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { s.Serve(ctx, ln); close(done) }()
		return func() { cancel(); <-done }
	}
	before, after := &fakeNode{signer: api.EthAddress{0x01}}, &fakeNode{signer: api.EthAddress{0x05}}
	stop := serveOn(ln, before)
	cfg := TestConfig()
	cfg.ResolveEvery = 1
	p, err := NewPeers([]string{"http://" + addr}, trustAll{}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := p.Node(before.signer); !ok {
		t.Fatal("the first identity was not found")
	}
	stop()
	if ln, err = net.Listen("tcp", addr); err != nil {
		t.Skipf("the port was taken meanwhile: %v", err)
	}
	defer serveOn(ln, after)()
	if n, ok := p.Node(after.signer); !ok || n.Signer() != after.signer {
		t.Fatalf("the new identity: %v, %v", n, ok)
	}
	if _, ok := p.Node(before.signer); ok {
		t.Fatal("the old identity is still listed")
	}
	if got := p.Nodes(); len(got) != 1 || got[0].Signer() != after.signer {
		t.Fatalf("Nodes = %v", got)
	}
}
