package p2p

import (
	"bufio"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/libp2p/go-libp2p/core/network"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/libp2p/go-libp2p/core/protocol"
	"github.com/libp2p/go-libp2p/p2p/net/swarm"

	"github.com/enigma-go/enigma/api"
)

// The protocols (doc.go).
const (
	ProtoIdentify  protocol.ID = "/enigma/identify/1.0.0"
	ProtoWorker    protocol.ID = "/enigma/worker/1.1.0"
	ProtoSync      protocol.ID = "/enigma/sync/1.0.0"
	ProtoStateKeys protocol.ID = "/enigma/statekeys/1.0.0"
	ProtoAttest    protocol.ID = "/enigma/attest/1.0.0"
)

// Frame size limits: a request or answer beyond its limit is refused
// before it is read (and the sender penalised).
const (
	maxSmallFrame = 64 << 10 // identify, attestation, task keys
	maxTaskFrame  = 24 << 20 // task submissions (a deploy carries up to 16 MiB of wasm, base64 in JSON) and results
	maxSyncFrame  = 64 << 20 // a contract's deltas and state
)

const (
	statusOK  byte = 0
	statusErr byte = 1
)

// writeFrame writes one length-prefixed frame.
func writeFrame(w io.Writer, parts ...[]byte) error {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	buf := binary.AppendUvarint(make([]byte, 0, n+binary.MaxVarintLen64), uint64(n))
	for _, p := range parts {
		buf = append(buf, p...)
	}
	_, err := w.Write(buf)
	return err
}

// errFrameTooBig marks a frame beyond its limit: the peer misbehaves.
var errFrameTooBig = errors.New("p2p: frame exceeds its size limit")

// readFrame reads one frame of at most max bytes.
func readFrame(r *bufio.Reader, max int) ([]byte, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, err
	}
	if n > uint64(max) {
		return nil, fmt.Errorf("%w (%d > %d bytes)", errFrameTooBig, n, max)
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r, b); err != nil {
		return nil, err
	}
	return b, nil
}

// wireError is an api.Error on the wire.
type wireError struct {
	Code    api.Code `json:"code"`
	Message string   `json:"message"`
}

// encodeAnswer is the answer frame's body for a handler's result.
func encodeAnswer(body []byte, err error) []byte {
	if err != nil {
		we := wireError{Code: api.CodeOf(err), Message: err.Error()}
		if we.Code == 0 {
			we.Code = api.CodeUnknown
		}
		b, _ := json.Marshal(we)
		return append([]byte{statusErr}, b...)
	}
	return append([]byte{statusOK}, body...)
}

// decodeAnswer turns an answer frame into its body or its error.
func decodeAnswer(b []byte) ([]byte, error) {
	if len(b) == 0 {
		return nil, api.Errorf(api.CodeInvalidInput, "p2p: the peer sent an empty answer")
	}
	switch b[0] {
	case statusOK:
		return b[1:], nil
	case statusErr:
		var we wireError
		if err := json.Unmarshal(b[1:], &we); err != nil {
			return nil, api.Errorf(api.CodeInvalidInput, "p2p: the peer sent an unreadable error: %v", err)
		}
		return nil, &api.Error{Code: we.Code, Message: we.Message}
	}
	return nil, api.Errorf(api.CodeInvalidInput, "p2p: the peer sent an answer of unknown status %d", b[0])
}

// dialTimeout bounds dialling a peer that is not connected.
const dialTimeout = 5 * time.Second

// defaultCallTimeout bounds a request whose context has no deadline.
const defaultCallTimeout = 30 * time.Second

// call sends one request (method, body) on a new stream of proto to p and
// returns the answer's body. A peer that cannot be reached, or that breaks
// off, yields api.CodeUnavailable: the request may be repeated.
func (h *Host) call(ctx context.Context, p peer.ID, proto protocol.ID, method byte, body []byte, maxAnswer int) ([]byte, error) {
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, defaultCallTimeout)
		defer cancel()
	}
	if h.host.Network().Connectedness(p) != network.Connected {
		// Callers pace their own retries (the Router, the key manager
		// client); libp2p's dial backoff would refuse a peer that
		// restarted a moment ago for seconds more.
		if sw, ok := h.host.Network().(*swarm.Swarm); ok {
			sw.Backoff().Clear(p)
		}
	}
	// A peer that is gone is dialled for a few seconds at most: a cut link
	// must not hold a caller for the TCP connect timeout.
	s, err := h.host.NewStream(network.WithDialPeerTimeout(network.WithAllowLimitedConn(ctx, "enigma"), dialTimeout), p, proto)
	if err != nil {
		return nil, h.unreachable(ctx, p, err)
	}
	defer s.Close()
	h.m.message(proto, method, "sent")
	stop := context.AfterFunc(ctx, func() { s.Reset() })
	defer stop()
	if d, ok := ctx.Deadline(); ok {
		_ = s.SetDeadline(d)
	}
	if err := writeFrame(s, []byte{method}, body); err != nil {
		s.Reset()
		return nil, h.unreachable(ctx, p, err)
	}
	if err := s.CloseWrite(); err != nil {
		s.Reset()
		return nil, h.unreachable(ctx, p, err)
	}
	ans, err := readFrame(bufio.NewReader(s), maxAnswer+1)
	if err != nil {
		s.Reset()
		if errors.Is(err, errFrameTooBig) {
			h.penalise(p, penaltyMalformed, "an answer beyond its size limit")
			return nil, api.Errorf(api.CodeInvalidInput, "p2p: peer %s answered %s with a frame beyond its size limit", p, proto)
		}
		return nil, h.unreachable(ctx, p, err)
	}
	return decodeAnswer(ans)
}

func (h *Host) unreachable(ctx context.Context, p peer.ID, err error) error {
	if ctx.Err() != nil {
		return api.Errorf(api.CodeUnavailable, "p2p: peer %s did not answer before the request's deadline (%v): retry", p, ctx.Err())
	}
	h.lost(p)
	return api.Errorf(api.CodeUnavailable, "p2p: peer %s is not reachable (%v): retry when it is back", p, err)
}

// handler answers one request of a protocol; from is the asking peer.
type handler func(ctx context.Context, from peer.ID, method byte, body []byte) ([]byte, error)

// serve registers proto: each stream is one request of at most maxReq
// bytes, answered within timeout. who decides whether the peer may use the
// protocol at all.
func (h *Host) serve(proto protocol.ID, maxReq int, who access, f handler) {
	h.host.SetStreamHandler(proto, func(s network.Stream) {
		defer s.Close()
		from := s.Conn().RemotePeer()
		if !h.allow(from) {
			h.penalise(from, penaltyFlood, "requests beyond its rate")
			s.Reset()
			return
		}
		ctx, cancel := context.WithTimeout(h.ctx, h.cfg.Limits.ServeTimeout)
		defer cancel()
		_ = s.SetReadDeadline(time.Now().Add(h.cfg.Limits.ReadTimeout))
		req, err := readFrame(bufio.NewReader(s), maxReq)
		if err != nil {
			if errors.Is(err, errFrameTooBig) {
				h.penalise(from, penaltyMalformed, fmt.Sprintf("a %s request beyond its size limit", proto))
			}
			s.Reset()
			return
		}
		_ = s.SetReadDeadline(time.Time{})
		if len(req) == 0 {
			h.penalise(from, penaltyMalformed, fmt.Sprintf("an empty %s request", proto))
			s.Reset()
			return
		}
		h.m.message(proto, req[0], "served")
		var ans []byte
		if err := h.admit(from, who); err != nil {
			ans = encodeAnswer(nil, err)
		} else {
			body, err := f(ctx, from, req[0], req[1:])
			if api.CodeOf(err) == api.CodeInvalidInput && errors.Is(err, errMalformed) {
				h.penalise(from, penaltyMalformed, fmt.Sprintf("a malformed %s request", proto))
			}
			ans = encodeAnswer(body, err)
		}
		_ = s.SetWriteDeadline(time.Now().Add(h.cfg.Limits.ReadTimeout))
		if err := writeFrame(s, ans); err != nil {
			s.Reset()
		}
	})
}

// errMalformed marks a request that does not decode: the peer is penalised.
var errMalformed = errors.New("malformed request")

func malformed(what string, err error) error {
	return api.Errorf(api.CodeInvalidInput, "p2p: %w: %s: %v", errMalformed, what, err)
}

// decodeJSON decodes a request body. Unknown fields are ignored, so a
// newer peer may add fields within a protocol version.
func decodeJSON(body []byte, v any) error {
	if err := json.Unmarshal(body, v); err != nil {
		return malformed(fmt.Sprintf("%T", v), err)
	}
	return nil
}
