package p2p

import (
	"context"
	"time"

	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/libp2p/go-libp2p/core/protocol"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/worker"
)

const (
	methodStateKeys byte = 1
	methodAttest    byte = 1
)

// ServeKeyManager serves the key manager: state keys to registered
// workers (the request and its answer are enclave frames: signed by the
// worker's enclave, encrypted to it), and, when att is not nil (a
// development network's simulated attestation service), attestation to
// anyone, since a worker asks for it before it registers.
func (h *Host) ServeKeyManager(ks worker.KeyService, att enclave.Attestor) {
	h.serve(ProtoStateKeys, maxSmallFrame, workersOnly, func(ctx context.Context, _ peer.ID, method byte, body []byte) ([]byte, error) {
		if method != methodStateKeys {
			return nil, malformed("state keys method", nil)
		}
		t, m, err := enclave.Unmarshal(body)
		req, ok := m.(*enclave.StateKeysRequest)
		if err != nil || !ok || t != enclave.TypeStateKeysRequest {
			return nil, malformed("state keys request", err)
		}
		rep, err := ks.GetStateKeys(ctx, req)
		if err != nil {
			return nil, err
		}
		return enclave.Marshal(enclave.TypeStateKeysReplyResp, rep), nil
	})
	if att != nil {
		h.serve(ProtoAttest, maxSmallFrame, anyone, func(ctx context.Context, _ peer.ID, method byte, body []byte) ([]byte, error) {
			if method != methodAttest {
				return nil, malformed("attest method", nil)
			}
			return att.Attest(ctx, body)
		})
	}
}

// KeyManager is the network's key manager as a worker reaches it
// (worker.KeyService, enclave.Attestor): the peer that proved to be the
// contract's principal. A key manager that cannot be reached is asked
// again, with backoff, for RetryFor or until the caller's context ends.
type KeyManager struct {
	h *Host
	// RetryFor bounds the asking again.
	RetryFor time.Duration
}

// KeyManager returns the key manager client of h.
func (h *Host) KeyManager() *KeyManager { return &KeyManager{h: h, RetryFor: time.Minute} }

var (
	_ worker.KeyService = (*KeyManager)(nil)
	_ enclave.Attestor  = (*KeyManager)(nil)
)

// find is the peer that proved to be the key manager, looked for among
// the connected peers and the bootstrap peers.
func (k *KeyManager) find() (peer.ID, error) {
	h := k.h
	if p, ok := h.peerOf(h.cfg.Principal); ok {
		return p, nil
	}
	h.connectBootstrap(h.ctx)
	h.recheckPending()
	if p, ok := h.peerOf(h.cfg.Principal); ok {
		return p, nil
	}
	return "", api.Errorf(api.CodeUnavailable, "p2p: no peer has proved to be the key manager %s: is it running, and is it among this node's bootstrap peers?", h.cfg.Principal)
}

// ask calls the key manager, again while it is unavailable.
func (k *KeyManager) ask(ctx context.Context, proto protoMethod, body []byte) ([]byte, error) {
	giveUp := time.Now().Add(k.RetryFor)
	for wait := 100 * time.Millisecond; ; wait = min(2*wait, 2*time.Second) {
		p, err := k.find()
		var ans []byte
		if err == nil {
			ans, err = k.h.call(ctx, p, proto.id, proto.method, body, maxSmallFrame)
		}
		if err == nil || api.CodeOf(err) != api.CodeUnavailable || !time.Now().Add(wait).Before(giveUp) {
			return ans, err
		}
		k.h.log.Warn("the key manager is not reachable; asking again", "in", wait, "err", err)
		select {
		case <-ctx.Done():
			return nil, err
		case <-time.After(wait):
		}
	}
}

type protoMethod struct {
	id     protocol.ID
	method byte
}

// GetStateKeys implements worker.KeyService.
func (k *KeyManager) GetStateKeys(ctx context.Context, r *enclave.StateKeysRequest) (*enclave.StateKeysReply, error) {
	ans, err := k.ask(ctx, protoMethod{ProtoStateKeys, methodStateKeys}, enclave.Marshal(enclave.TypeStateKeysRequest, r))
	if err != nil {
		return nil, err
	}
	t, m, err := enclave.Unmarshal(ans)
	if rep, ok := m.(*enclave.StateKeysReply); err == nil && ok && t == enclave.TypeStateKeysReplyResp {
		return rep, nil
	}
	return nil, api.Errorf(api.CodeInvalidInput, "p2p: the key manager answered a state keys request with no state keys reply")
}

// Attest implements enclave.Attestor with the key manager's simulated
// attestation service (development networks).
func (k *KeyManager) Attest(ctx context.Context, report []byte) ([]byte, error) {
	ans, err := k.ask(ctx, protoMethod{ProtoAttest, methodAttest}, report)
	if err != nil {
		return nil, err
	}
	if len(ans) != 65 {
		return nil, api.Errorf(api.CodeInvalidInput, "p2p: the key manager's attestation is %d bytes, not 65", len(ans))
	}
	return ans, nil
}
