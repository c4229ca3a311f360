// Package kmhttp carries the key manager's state key service over HTTP, so
// worker processes reach a key manager that runs in another process.
// Requests and replies are enclave protocol frames (enclave.Marshal), the
// same bytes an SGX key manager would receive: the host in between relays
// ciphertext signed by the enclaves at both ends. Errors travel as the
// protocol's error frame and keep their api.Code.
//
// The channel is plain HTTP for loopback; docs/nodes.md says what a
// deployment across hosts needs. It imports the enclave protocol only;
// never the key manager node, a worker or the chain.
package kmhttp

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/httpserve"
)

const (
	pathInfo      = "/v1/info"
	pathStateKeys = "/v1/state-keys"
	pathAttest    = "/v1/sim/attest"
	frameType     = "application/octet-stream"
)

// KeyService is what the server exposes: the key manager node's
// GetStateKeys (km.KeyManager).
type KeyService interface {
	GetStateKeys(ctx context.Context, req *enclave.StateKeysRequest) (*enclave.StateKeysReply, error)
}

// Config configures a Server or a Client.
type Config struct {
	// MaxFrameBytes bounds a request or reply frame. A state keys request
	// names contracts by 32-byte address; 1 MiB is ample.
	MaxFrameBytes int64
	// Timeout bounds one call on the server and one request of a client.
	Timeout time.Duration
	// Attestor, when set, is served at /v1/sim/attest: the simulated
	// attestation service of a development network, which worker nodes
	// ask to sign their enclaves' registration reports. Server only.
	Attestor enclave.Attestor
	// RetryFor bounds how long a Client keeps asking a key manager it
	// cannot reach for state keys, within the caller's context: a worker's
	// task waits that long for a key manager that restarts. 0 asks once.
	// Client only.
	RetryFor time.Duration
	Logger   *slog.Logger // nil discards
}

// DefaultConfig returns the settings the node roles run with.
func DefaultConfig() Config {
	return Config{MaxFrameBytes: 1 << 20, Timeout: 15 * time.Second, RetryFor: time.Minute}
}

// Validate reports settings that cannot work.
func (c Config) Validate() error {
	if c.MaxFrameBytes < 1<<10 || c.Timeout <= 0 || c.RetryFor < 0 {
		return errors.New("kmhttp: MaxFrameBytes must be at least 1 KiB, Timeout positive and RetryFor not negative (start from DefaultConfig)")
	}
	return nil
}

// infoReply names the key manager behind a URL.
type infoReply struct {
	Signer api.EthAddress `json:"signer"`
}

// Server answers state key requests with a KeyService.
type Server struct {
	ks     KeyService
	signer api.EthAddress
	cfg    Config
	log    *slog.Logger
	mux    *http.ServeMux
}

// NewServer returns a Server for ks, whose enclave signs as signer.
func NewServer(ks KeyService, signer api.EthAddress, cfg Config) (*Server, error) {
	if ks == nil {
		return nil, errors.New("kmhttp: nil KeyService")
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{ks: ks, signer: signer, cfg: cfg, log: log.With("component", "kmhttp"), mux: http.NewServeMux()}
	s.mux.HandleFunc("GET "+pathInfo, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(infoReply{Signer: signer})
	})
	s.mux.HandleFunc("POST "+pathStateKeys, s.stateKeys)
	if cfg.Attestor != nil {
		s.mux.HandleFunc("POST "+pathAttest, s.attest)
	}
	return s, nil
}

// writeError sends err as the protocol's error frame.
func writeError(w http.ResponseWriter, err error) {
	code := api.CodeOf(err)
	status := http.StatusInternalServerError
	switch code {
	case api.CodeInvalidInput, api.CodeBadEnvelope, api.CodeBadSignature:
		status = http.StatusBadRequest
	case api.CodeNotSelected, api.CodeWrongEpoch, api.CodeNotFound:
		status = http.StatusForbidden
	}
	w.Header().Set("Content-Type", frameType)
	w.WriteHeader(status)
	_, _ = w.Write(enclave.Marshal(enclave.TypeError, &enclave.ErrorResponse{Code: uint32(code), Message: err.Error()}))
}

// attest signs a simulated registration report (the body) and answers the
// signature.
func (s *Server) attest(w http.ResponseWriter, r *http.Request) {
	report, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 4<<10))
	if err != nil {
		writeError(w, api.Errorf(api.CodeInvalidInput, "kmhttp: read the report (at most 4 KiB): %v", err))
		return
	}
	sig, err := s.cfg.Attestor.Attest(r.Context(), report)
	if err != nil {
		writeError(w, err)
		return
	}
	w.Header().Set("Content-Type", frameType)
	_, _ = w.Write(sig)
}

func (s *Server) stateKeys(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", frameType)
	fail := func(err error) { writeError(w, err) }
	defer func() {
		if p := recover(); p != nil {
			s.log.Error("state keys call panicked", "panic", p)
			fail(api.Errorf(api.CodeUnknown, "kmhttp: internal error"))
		}
	}()
	frame, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxFrameBytes))
	if err != nil {
		fail(api.Errorf(api.CodeInvalidInput, "kmhttp: read the request (at most %d bytes): %v", s.cfg.MaxFrameBytes, err))
		return
	}
	t, m, err := enclave.Unmarshal(frame)
	if err != nil {
		fail(err)
		return
	}
	req, ok := m.(*enclave.StateKeysRequest)
	if !ok || t != enclave.TypeStateKeysRequest {
		fail(api.Errorf(api.CodeInvalidInput, "kmhttp: %s takes a state keys request frame (type 0x%02x), not type 0x%02x", pathStateKeys, uint8(enclave.TypeStateKeysRequest), uint8(t)))
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
	defer cancel()
	reply, err := s.ks.GetStateKeys(ctx, req)
	if err != nil {
		s.log.Info("state keys refused", "contracts", len(req.Contracts), "err", err)
		fail(err)
		return
	}
	_, _ = w.Write(enclave.Marshal(enclave.TypeStateKeysReplyResp, reply))
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// Serve answers on ln until ctx ends.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: s.cfg.Timeout + 10*time.Second, IdleTimeout: 2 * time.Minute}
	return httpserve.Serve(ctx, ln, hs)
}

// Client reaches a key manager process; it implements worker.KeyService.
// Safe for concurrent use.
type Client struct {
	url string
	cfg Config
	hc  *http.Client
}

// A client asks an unreachable key manager again after retryFirst,
// doubling up to retryMax: a restart takes a second or two.
const (
	retryFirst = 100 * time.Millisecond
	retryMax   = 2 * time.Second
)

func (c Config) logger() *slog.Logger {
	if c.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return c.Logger
}

// NewClient returns a client of the key manager at url (e.g.
// http://127.0.0.1:3400). It contacts nothing yet.
func NewClient(url string, cfg Config) (*Client, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	url = strings.TrimRight(strings.TrimSpace(url), "/")
	if !strings.HasPrefix(url, "http://") && !strings.HasPrefix(url, "https://") {
		return nil, api.Errorf(api.CodeInvalidInput, "kmhttp: key manager URL %q must start with http:// or https://", url)
	}
	return &Client{url: url, cfg: cfg, hc: &http.Client{Timeout: cfg.Timeout}}, nil
}

// Signer asks the key manager for its enclave's signing address.
func (c *Client) Signer(ctx context.Context) (api.EthAddress, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.url+pathInfo, nil)
	if err != nil {
		return api.EthAddress{}, err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return api.EthAddress{}, c.unreachable(ctx, err)
	}
	defer resp.Body.Close()
	var info infoReply
	if err := json.NewDecoder(io.LimitReader(resp.Body, c.cfg.MaxFrameBytes)).Decode(&info); err != nil || resp.StatusCode != http.StatusOK {
		return api.EthAddress{}, api.Errorf(api.CodeUnavailable, "kmhttp: %s is not a key manager of this version (%s, %v)", c.url, resp.Status, err)
	}
	return info.Signer, nil
}

// GetStateKeys implements worker.KeyService. A key manager that cannot be
// reached (down or restarting) is asked again, with backoff, for
// Config.RetryFor or until ctx ends: the worker's task waits for it
// instead of failing for it. Asking again is safe: the key manager seals a
// key it created before it answers, so a restarted one answers with the
// same key.
func (c *Client) GetStateKeys(ctx context.Context, r *enclave.StateKeysRequest) (*enclave.StateKeysReply, error) {
	body := enclave.Marshal(enclave.TypeStateKeysRequest, r)
	resp, frame, err := c.post(ctx, pathStateKeys, body)
	giveUp := time.Now().Add(c.cfg.RetryFor)
	for wait := retryFirst; err != nil && api.CodeOf(err) == api.CodeUnavailable && time.Now().Add(wait).Before(giveUp); wait = min(2*wait, retryMax) {
		c.cfg.logger().Warn("the key manager is not reachable; asking again", "url", c.url, "in", wait, "err", err)
		select {
		case <-ctx.Done():
			return nil, err
		case <-time.After(wait):
		}
		last := err
		if resp, frame, err = c.post(ctx, pathStateKeys, body); err != nil && ctx.Err() != nil {
			// The caller's context ended while asking again: the key
			// manager is still the reason, so say so.
			return nil, last
		}
	}
	if err != nil {
		return nil, err
	}
	t, m, err := enclave.Unmarshal(frame)
	if err != nil {
		return nil, fmt.Errorf("kmhttp: the key manager at %s answered %s with no protocol frame: %w", c.url, resp.Status, err)
	}
	switch m := m.(type) {
	case *enclave.ErrorResponse:
		return nil, &api.Error{Code: api.Code(m.Code), Message: m.Message}
	case *enclave.StateKeysReply:
		if t == enclave.TypeStateKeysReplyResp {
			return m, nil
		}
	}
	return nil, api.Errorf(api.CodeInvalidInput, "kmhttp: the key manager answered a state keys request with a frame of type 0x%02x", uint8(t))
}

// Attest implements enclave.Attestor with the key manager's simulated
// attestation service (served only by development networks).
func (c *Client) Attest(ctx context.Context, report []byte) ([]byte, error) {
	resp, body, err := c.post(ctx, pathAttest, report)
	if err != nil {
		return nil, err
	}
	switch {
	case resp.StatusCode == http.StatusOK && len(body) == 65:
		return body, nil
	case resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusMethodNotAllowed:
		return nil, api.Errorf(api.CodeUnavailable, "kmhttp: the key manager at %s runs no simulated attestation service: register with a report from the network's attestation service", c.url)
	}
	if _, m, err := enclave.Unmarshal(body); err == nil {
		if e, ok := m.(*enclave.ErrorResponse); ok {
			return nil, &api.Error{Code: api.Code(e.Code), Message: e.Message}
		}
	}
	return nil, api.Errorf(api.CodeUnavailable, "kmhttp: the key manager at %s answered %s to an attestation request", c.url, resp.Status)
}

var _ enclave.Attestor = (*Client)(nil)

// post sends body to the key manager's path and returns the reply with its
// body, of at most MaxFrameBytes.
func (c *Client) post(ctx context.Context, path string, body []byte) (*http.Response, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url+path, bytes.NewReader(body))
	if err != nil {
		return nil, nil, err
	}
	req.Header.Set("Content-Type", frameType)
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, nil, c.unreachable(ctx, err)
	}
	defer resp.Body.Close()
	reply, err := io.ReadAll(io.LimitReader(resp.Body, c.cfg.MaxFrameBytes+1))
	if err != nil {
		return nil, nil, api.Errorf(api.CodeUnavailable, "kmhttp: the key manager at %s broke off its reply: %v", c.url, err)
	}
	if int64(len(reply)) > c.cfg.MaxFrameBytes {
		return nil, nil, api.Errorf(api.CodeInvalidInput, "kmhttp: the key manager's reply exceeds %d bytes", c.cfg.MaxFrameBytes)
	}
	return resp, reply, nil
}

func (c *Client) unreachable(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("kmhttp: %s: %w", c.url, ctx.Err())
	}
	return api.Errorf(api.CodeUnavailable, "kmhttp: the key manager at %s is not reachable (%v): retry when it is back", c.url, err)
}
