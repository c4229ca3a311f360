package workerhttp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/enigma-go/enigma/internal/workerapi"

	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/httpserve"
	"github.com/enigma-go/enigma/internal/worker"
)

// Server answers the worker API for one worker.Node.
type Server struct {
	node worker.Node
	cfg  Config
	log  *slog.Logger
	mux  *http.ServeMux
	url  atomic.Pointer[string] // the URL peers reach it at: Config.AdvertiseURL, else set by Serve
}

// NewServer returns a Server for node.
func NewServer(node worker.Node, cfg Config) (*Server, error) {
	if node == nil {
		return nil, errors.New("workerhttp: nil worker.Node")
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	s := &Server{node: node, cfg: cfg, log: cfg.logger().With("component", "workerhttp"), mux: http.NewServeMux()}
	if cfg.AdvertiseURL != "" {
		u := strings.TrimRight(cfg.AdvertiseURL, "/")
		s.url.Store(&u)
	}
	s.mux.HandleFunc("GET "+pathInfo, func(w http.ResponseWriter, r *http.Request) {
		s.reply(w, infoReply{Signer: node.Signer()}, nil)
	})
	route(s, pathTaskKey, func(ctx context.Context, req *taskKeyRequest) (*taskKeyReply, error) {
		pub, err := bytes64(req.UserPubKey, "userPubKey")
		if err != nil {
			return nil, err
		}
		var requester [32]byte
		if len(req.Requester) != 0 && len(req.Requester) != 32 {
			return nil, api.Errorf(api.CodeInvalidInput, "workerhttp: requester must be 32 bytes, got %d", len(req.Requester))
		}
		copy(requester[:], req.Requester)
		k, err := node.TaskKey(ctx, pub, requester)
		if err != nil {
			return nil, err
		}
		return &taskKeyReply{PublicKey: k.PublicKey[:], Signature: k.Signature}, nil
	})
	route(s, pathEpochKey, func(ctx context.Context, _ *empty) (*workerapi.EpochKey, error) {
		k, err := node.EpochKey(ctx)
		return &k, err
	})
	route(s, pathDeploy, func(ctx context.Context, req *deployWire) (*empty, error) {
		var err error
		if req.DeployRequest.UserPubKey, err = bytes64(req.UserPubKey, "UserPubKey"); err != nil {
			return nil, err
		}
		return &empty{}, node.SubmitDeploy(ctx, &req.DeployRequest)
	})
	route(s, pathCompute, func(ctx context.Context, req *computeWire) (*empty, error) {
		var err error
		if req.ComputeRequest.UserPubKey, err = bytes64(req.UserPubKey, "UserPubKey"); err != nil {
			return nil, err
		}
		return &empty{}, node.SubmitCompute(ctx, &req.ComputeRequest)
	})
	route(s, pathV2, func(ctx context.Context, req *workerapi.V2Request) (*empty, error) {
		return &empty{}, node.SubmitV2(ctx, req)
	})
	route(s, pathTaskResult, func(ctx context.Context, req *taskResultRequest) (*taskResultReply, error) {
		r, err := node.TaskResult(ctx, req.TaskID)
		return &taskResultReply{Result: r}, err
	})
	route(s, pathIdentity, func(ctx context.Context, req *identityRequest) (*identityReply, error) {
		if len(req.Nonce) != 32 {
			return nil, api.Errorf(api.CodeInvalidInput, "workerhttp: an identity challenge's nonce must be 32 bytes, got %d", len(req.Nonce))
		}
		own := s.url.Load()
		if own == nil {
			return nil, api.Errorf(api.CodeUnavailable, "workerhttp: worker %s does not know the URL it is reached at, so it answers no identity challenge; set workerhttp Config.AdvertiseURL", node.Signer())
		}
		if strings.TrimRight(req.Transport, "/") != *own {
			return nil, api.Errorf(api.CodeInvalidInput, "workerhttp: worker %s is reached at %s, not %q: list it by that URL (a node that relays challenges cannot pass for it)", node.Signer(), *own, req.Transport)
		}
		sig, err := node.ProveIdentity(ctx, [32]byte(req.Nonce), []byte(*own))
		if err != nil {
			return nil, err
		}
		return &identityReply{Signature: sig[:]}, nil
	})
	route(s, pathExportState, func(ctx context.Context, req *exportRequest) (*exportReply, error) {
		exp, err := node.ExportState(ctx, req.Contract, req.From)
		if err != nil {
			return nil, err
		}
		if exp == nil || exp.Range == nil || exp.State == nil {
			return nil, api.Errorf(api.CodeNotFound, "workerhttp: worker %s has no state of contract %s to export", node.Signer(), req.Contract)
		}
		b, err := exp.Range.MarshalBinary()
		if err != nil {
			return nil, fmt.Errorf("workerhttp: encode the deltas of contract %s: %w", req.Contract, err)
		}
		return &exportReply{Range: b, State: exp.State}, nil
	})
	return s, nil
}

// route registers a JSON call: the body (bounded) decodes into Req, the
// call runs under CallTimeout, and its reply or coded error is written.
func route[Req, Resp any](s *Server, path string, call func(context.Context, *Req) (*Resp, error)) {
	s.mux.HandleFunc("POST "+path, func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			// A bug behind one call must not take the worker down.
			if p := recover(); p != nil {
				s.log.Error("call panicked", "path", path, "panic", p)
				s.reply(w, nil, api.Errorf(api.CodeUnknown, "workerhttp: internal error in %s", path))
			}
		}()
		req := new(Req)
		body := http.MaxBytesReader(w, r.Body, s.cfg.MaxRequestBytes)
		if err := json.NewDecoder(body).Decode(req); err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				s.reply(w, nil, api.Errorf(api.CodeInvalidInput, "workerhttp: the request to %s exceeds %d bytes", path, s.cfg.MaxRequestBytes))
				return
			}
			s.reply(w, nil, api.Errorf(api.CodeInvalidInput, "workerhttp: the request to %s is not valid JSON for it: %v", path, err))
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.CallTimeout)
		defer cancel()
		resp, err := call(ctx, req)
		if err != nil && errors.Is(ctx.Err(), context.DeadlineExceeded) && api.CodeOf(err) == api.CodeUnknown {
			err = api.Errorf(api.CodeTimeout, "workerhttp: %s took longer than %s: %w", path, s.cfg.CallTimeout, err)
		}
		s.reply(w, resp, err)
	})
}

func (s *Server) reply(w http.ResponseWriter, v any, err error) {
	w.Header().Set("Content-Type", "application/json")
	if err != nil {
		we := toWire(err)
		w.WriteHeader(httpStatus(we.Code))
		_ = json.NewEncoder(w).Encode(errorReply{Error: we})
		return
	}
	_ = json.NewEncoder(w).Encode(v)
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// Serve answers on ln until ctx ends, then shuts down, giving calls in
// flight a few seconds to finish. Without Config.AdvertiseURL, the Server
// is reached at http:// and ln's address.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	if s.url.Load() == nil {
		u := "http://" + ln.Addr().String()
		s.url.CompareAndSwap(nil, &u)
	}
	return serveHTTP(ctx, ln, s, s.cfg.CallTimeout)
}

// URL is the URL the Server answers identity challenges for; empty until
// Serve runs when Config.AdvertiseURL is not set.
func (s *Server) URL() string {
	if u := s.url.Load(); u != nil {
		return *u
	}
	return ""
}

func serveHTTP(ctx context.Context, ln net.Listener, h http.Handler, callTimeout time.Duration) error {
	hs := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      callTimeout + 30*time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	return httpserve.Serve(ctx, ln, hs)
}
