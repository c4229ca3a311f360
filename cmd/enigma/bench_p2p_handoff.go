package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"sync"
	"time"
)

// p2pNetnsHandoff compares the submission round trip of a compute task
// (the client's JSON-RPC call to a gateway until the gateway answers: the
// gateway's hand-off to the selected worker over /enigma/worker/1.1.0 and
// the worker's acceptance included) between two network namespaces and on
// loopback, measured in the same network and interleaved
// (bench_p2p_netns.go).
type p2pNetnsHandoff struct {
	// Link is "netns" when measured, else "loopback only, netns
	// unavailable: <reason>".
	Link          string  `json:"handoff_link"`
	NetnsP50MS    float64 `json:"handoff_netns_p50_ms"`
	NetnsP99MS    float64 `json:"handoff_netns_p99_ms"`
	LoopbackP50MS float64 `json:"handoff_loopback_p50_ms"`
	LoopbackP99MS float64 `json:"handoff_loopback_p99_ms"`
	RatioP50      float64 `json:"handoff_netns_ratio_p50"`
	RatioP99      float64 `json:"handoff_netns_ratio_p99"`
	Tasks         int     `json:"handoff_netns_tasks"`
	Workers       int     `json:"handoff_netns_workers"` // in the network, the namespace's included
}

// rpcTimer relays a client's JSON-RPC calls to a gateway and times the
// task submissions (v2_sendTask, and enigma-js's sendTaskInput and
// deploySecretContract) the gateway accepted: from the request read to the
// answer written. The client cannot be given a transport, so the timing
// sits in front of the gateway, on loopback, the same for every gateway.
type rpcTimer struct {
	ln  net.Listener
	srv *http.Server
	mu  sync.Mutex
	ds  []time.Duration
}

// p2pSubmissions are the gateway's task submission methods.
var p2pSubmissions = map[string]bool{"v2_sendTask": true, "sendTaskInput": true, "deploySecretContract": true}

func newRPCTimer(target string) (*rpcTimer, error) {
	u, err := url.Parse(target)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	rt := &rpcTimer{ln: ln}
	proxy := httputil.NewSingleHostReverseProxy(u)
	rt.srv = &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		var call struct {
			Method string `json:"method"`
		}
		_ = json.Unmarshal(body, &call)
		rec := &bodyRecorder{ResponseWriter: w}
		start := time.Now()
		proxy.ServeHTTP(rec, r)
		took := time.Since(start)
		var reply struct {
			Error json.RawMessage `json:"error"`
		}
		if p2pSubmissions[call.Method] && json.Unmarshal(rec.body.Bytes(), &reply) == nil && (len(reply.Error) == 0 || string(reply.Error) == "null") {
			rt.mu.Lock()
			rt.ds = append(rt.ds, took)
			rt.mu.Unlock()
		}
	})}
	go rt.srv.Serve(ln)
	return rt, nil
}

// URL is where the client sends its calls.
func (rt *rpcTimer) URL() string { return "http://" + rt.ln.Addr().String() }

func (rt *rpcTimer) reset() {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	rt.ds = nil
}

func (rt *rpcTimer) took() []time.Duration {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	return append([]time.Duration(nil), rt.ds...)
}

func (rt *rpcTimer) Close() { rt.srv.Close() }

// bodyRecorder keeps a copy of what it writes.
type bodyRecorder struct {
	http.ResponseWriter
	body bytes.Buffer
}

func (b *bodyRecorder) Write(p []byte) (int, error) {
	b.body.Write(p)
	return b.ResponseWriter.Write(p)
}

// p2pPipe copies between a and b both ways until either side ends.
func p2pPipe(a, b net.Conn) {
	done := make(chan struct{}, 2)
	go func() { io.Copy(a, b); done <- struct{}{} }()
	go func() { io.Copy(b, a); done <- struct{}{} }()
	<-done
}
