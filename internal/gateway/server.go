package gateway

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/enigma-go/enigma/internal/workerapi"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/httpserve"
)

// Server is the gateway's HTTP JSON-RPC server.
type Server struct {
	cfg     Config
	backend Backend
	log     *slog.Logger
	methods map[string]method

	inFlight chan struct{} // one token per request being served
	calls    *limiter      // JSON-RPC calls per requester
	taskKeys *limiter      // getWorkerEncryptionKey calls per requester
	m        *Metrics
}

type method func(ctx context.Context, params json.RawMessage) (any, error)

// New returns a Server for backend.
func New(backend Backend, cfg Config) (*Server, error) {
	if backend == nil {
		return nil, errors.New("gateway: nil Backend")
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{cfg: cfg, backend: backend, log: log.With("component", "gateway"),
		inFlight: make(chan struct{}, cfg.MaxConcurrent),
		calls:    newLimiter(cfg.CallsPerSecond, cfg.CallBurst, time.Now),
		taskKeys: newLimiter(cfg.TaskKeysPerSecond, cfg.TaskKeyBurst, time.Now)}
	s.methods = map[string]method{
		"getInfo":                s.getInfo,
		"getWorkerEncryptionKey": s.getWorkerEncryptionKey,
		"deploySecretContract":   s.deploySecretContract,
		"sendTaskInput":          s.sendTaskInput,
		"getTaskStatus":          s.getTaskStatus,
		"getTaskResult":          s.getTaskResult,
	}
	s.addV2Methods()
	s.addBatchedMethods()
	s.addQueryMethods()
	if s.m = cfg.Metrics; s.m == nil {
		s.m = NopMetrics()
	}
	for name := range s.methods {
		s.m.method(name)
	}
	return s, nil
}

// Serve answers JSON-RPC on ln until ctx is done, then shuts down, giving
// calls in flight a few seconds to finish.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	var h http.Handler = s
	if len(s.cfg.Routes) > 0 {
		mux := http.NewServeMux()
		mux.Handle("/", s)
		for pattern, rh := range s.cfg.Routes {
			mux.Handle(pattern, rh)
		}
		h = mux
	}
	hs := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      s.cfg.CallTimeout + 10*time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	return httpserve.Serve(ctx, ln, hs)
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.cors(w, r)
	switch r.Method {
	case http.MethodOptions:
		w.WriteHeader(http.StatusNoContent)
		return
	case http.MethodPost:
	default:
		w.Header().Set("Allow", "POST, OPTIONS")
		http.Error(w, "the gateway answers JSON-RPC 2.0 over HTTP POST", http.StatusMethodNotAllowed)
		return
	}
	select {
	case s.inFlight <- struct{}{}:
		defer func() { <-s.inFlight }()
	default:
		s.m.refused(refusedBusy)
		w.Header().Set("Retry-After", "1")
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusServiceUnavailable)
		s.write(w, busy(nullID, fmt.Sprintf("the gateway is serving %d requests already; retry in a moment", s.cfg.MaxConcurrent)))
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		msg := fmt.Sprintf("cannot read the request body: %v", err)
		if errors.As(err, &tooBig) {
			msg = fmt.Sprintf("request body exceeds the gateway's limit of %d bytes", s.cfg.MaxBodyBytes)
		}
		s.write(w, rpcResponse{JSONRPC: "2.0", ID: nullID, Error: &rpcError{Code: codeInvalidRequest, Message: msg}})
		return
	}
	s.write(w, s.handle(workerapi.WithRequester(r.Context(), RequesterOf(r.RemoteAddr)), body))
}

// busy is the reply to a call refused for load or rate.
func busy(id json.RawMessage, msg string) rpcResponse {
	return rpcResponse{JSONRPC: "2.0", ID: id, Error: &rpcError{Code: codeServerError, Message: msg, Data: &rpcErrorData{Code: api.CodeRateLimited}}}
}

// handle answers a single call or a batch.
func (s *Server) handle(ctx context.Context, body []byte) any {
	body = bytes.TrimSpace(body)
	if len(body) > 0 && body[0] == '[' {
		var batch []json.RawMessage
		if err := json.Unmarshal(body, &batch); err != nil {
			return rpcResponse{JSONRPC: "2.0", ID: nullID, Error: &rpcError{Code: codeParseError, Message: "malformed JSON: " + err.Error()}}
		}
		if len(batch) == 0 || len(batch) > s.cfg.MaxBatch {
			return rpcResponse{JSONRPC: "2.0", ID: nullID, Error: &rpcError{Code: codeInvalidRequest,
				Message: fmt.Sprintf("a batch must hold 1 to %d calls, got %d", s.cfg.MaxBatch, len(batch))}}
		}
		if !s.calls.allow(workerapi.Requester(ctx), len(batch)) {
			s.m.refused(refusedRate)
			return busy(nullID, tooFast)
		}
		out := make([]rpcResponse, 0, len(batch))
		for _, raw := range batch {
			out = append(out, s.call(ctx, raw))
		}
		return out
	}
	if !s.calls.allow(workerapi.Requester(ctx), 1) {
		s.m.refused(refusedRate)
		return busy(nullID, tooFast)
	}
	return s.call(ctx, body)
}

const tooFast = "too many calls from this client: slow down and retry in a moment"

func (s *Server) call(ctx context.Context, raw json.RawMessage) (resp rpcResponse) {
	method := "" // counted as "other" until known
	defer func(start time.Time) { s.m.called(method, resp.Error, time.Since(start)) }(time.Now())
	var req rpcRequest
	if err := json.Unmarshal(raw, &req); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) || !json.Valid(raw) {
			return rpcResponse{JSONRPC: "2.0", ID: nullID, Error: &rpcError{Code: codeParseError, Message: "malformed JSON: " + err.Error()}}
		}
		return rpcResponse{JSONRPC: "2.0", ID: nullID, Error: &rpcError{Code: codeInvalidRequest, Message: "not a JSON-RPC 2.0 request object: " + err.Error()}}
	}
	id := req.ID
	if len(id) == 0 {
		id = nullID
	}
	resp = rpcResponse{JSONRPC: "2.0", ID: id}
	method = req.Method
	if req.JSONRPC != "2.0" || req.Method == "" {
		resp.Error = &rpcError{Code: codeInvalidRequest, Message: `a JSON-RPC 2.0 request needs "jsonrpc": "2.0" and a "method"`}
		return resp
	}
	m, ok := s.methods[req.Method]
	if !ok {
		resp.Error = &rpcError{Code: codeMethodNotFound, Message: fmt.Sprintf("unknown method %q; the gateway serves getInfo, getWorkerEncryptionKey, deploySecretContract, sendTaskInput, getTaskStatus, getTaskResult, v2_getEpochKey, v2_sendTask, v2_sendBatchedTask, v2_getBatchedTask and v2_query", req.Method)}
		return resp
	}
	if req.Method == "getWorkerEncryptionKey" && !s.taskKeys.allow(workerapi.Requester(ctx), 1) {
		s.m.refused(refusedTaskKeys)
		return busy(id, "too many task key requests from this client: slow down and retry in a moment")
	}
	cctx, cancel := context.WithTimeout(ctx, s.cfg.CallTimeout)
	defer cancel()
	result, err := m(cctx, req.Params)
	if err != nil {
		resp.Error = toRPCError(err)
		s.log.Debug("call failed", "method", req.Method, "err", err)
		return resp
	}
	resp.Result = result
	return resp
}

func (s *Server) write(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(v); err != nil {
		s.log.Debug("write response", "err", err)
	}
}

// cors answers browsers: "*" when any origin is allowed, the request's
// origin only when it is one of AllowedOrigins, and never with credentials.
// (enigma-js sends a header named "credentials", which is only a header:
// its requests carry no cookies, so "*" serves it.)
func (s *Server) cors(w http.ResponseWriter, r *http.Request) {
	origin := ""
	for _, o := range s.cfg.AllowedOrigins {
		if o == "*" {
			origin = "*"
			break
		}
		if o == r.Header.Get("Origin") {
			origin = o
		}
	}
	if len(s.cfg.AllowedOrigins) > 0 {
		w.Header().Add("Vary", "Origin")
	}
	if origin == "" {
		return
	}
	w.Header().Set("Access-Control-Allow-Origin", origin)
	w.Header().Set("Access-Control-Allow-Methods", "POST, OPTIONS")
	w.Header().Set("Access-Control-Allow-Headers", "Content-Type, credentials")
}
