package p2p

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"time"

	"github.com/libp2p/go-libp2p/core/network"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/enclave"
)

// identifyRequest and identifyAnswer are the identify protocol's messages.
type identifyRequest struct {
	Nonce [32]byte `json:"nonce"`
}

type identifyAnswer struct {
	Role      Role           `json:"role"`
	Signer    api.EthAddress `json:"signer,omitempty"`
	Signature []byte         `json:"signature,omitempty"` // r‖s‖v over PeerIdentityHash(network, nonce, peer id)
}

// reverify is how long a proved identity is used before it is asked
// again (a worker may unregister).
const reverify = 10 * time.Minute

// answerIdentify answers who this host is: its enclave signs the nonce
// bound to this host's own peer id, so the answer is worth nothing to a
// peer that relays it.
func (h *Host) answerIdentify(ctx context.Context, _ peer.ID, _ byte, body []byte) ([]byte, error) {
	var req identifyRequest
	if err := decodeJSON(body, &req); err != nil {
		return nil, err
	}
	ans := identifyAnswer{Role: h.cfg.Role}
	if h.cfg.Prove != nil {
		signer, sig, err := h.cfg.Prove(ctx, req.Nonce, []byte(h.host.ID()))
		if err != nil {
			return nil, err
		}
		ans.Signer, ans.Signature = signer, sig[:]
	}
	return json.Marshal(ans)
}

// identify asks p who it is and records what it proves; concurrent calls
// for one peer share one exchange.
func (h *Host) identify(p peer.ID) {
	h.mu.Lock()
	if ch, ok := h.checking[p]; ok {
		h.mu.Unlock()
		<-ch
		return
	}
	ch := make(chan struct{})
	h.checking[p] = ch
	h.mu.Unlock()
	defer func() {
		h.mu.Lock()
		delete(h.checking, p)
		h.mu.Unlock()
		close(ch)
	}()
	ctx, cancel := context.WithTimeout(h.ctx, 10*time.Second)
	defer cancel()
	id, err := h.ask(ctx, p)
	if err != nil {
		if api.CodeOf(err) == api.CodeBadSignature {
			h.penalise(p, penaltyIdentity, err.Error())
		}
		h.log.Debug("peer not identified", "peer", p, "err", err)
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if old, ok := h.peers[p]; ok && h.bySigner[old.signer] == p {
		delete(h.bySigner, old.signer)
	}
	if h.host.Network().Connectedness(p) != network.Connected {
		id.gone = time.Now()
	}
	h.peers[p] = id
	if id.role != RoleClient && !id.pending {
		h.bySigner[id.signer] = p
	}
	h.log.Debug("peer identified", "peer", p, "role", id.role, "signer", id.signer, "pending", id.pending)
}

// ask runs the identify exchange with p and checks the answer.
func (h *Host) ask(ctx context.Context, p peer.ID) (*identity, error) {
	var req identifyRequest
	if _, err := rand.Read(req.Nonce[:]); err != nil {
		return nil, err
	}
	body, _ := json.Marshal(req)
	raw, err := h.call(ctx, p, ProtoIdentify, 0, body, maxSmallFrame)
	if err != nil {
		return nil, err
	}
	var ans identifyAnswer
	if err := json.Unmarshal(raw, &ans); err != nil {
		return nil, api.Errorf(api.CodeBadSignature, "p2p: peer %s answered the identity challenge with no readable answer: %v", p, err)
	}
	return h.check(ctx, p, req.Nonce, &ans)
}

// check verifies an identify answer for p (doc.go, "Identities").
func (h *Host) check(ctx context.Context, p peer.ID, nonce [32]byte, ans *identifyAnswer) (*identity, error) {
	id := &identity{role: ans.Role, signer: ans.Signer, at: time.Now()}
	if ans.Role == RoleClient {
		id.signer = api.EthAddress{}
		return id, nil
	}
	if ans.Role != RoleKM && ans.Role != RoleWorker {
		return nil, api.Errorf(api.CodeBadSignature, "p2p: peer %s claims the unknown role %q", p, ans.Role)
	}
	if len(ans.Signature) != 65 {
		return nil, api.Errorf(api.CodeBadSignature, "p2p: peer %s claims to be a %s but sends no signature", p, ans.Role)
	}
	if ans.Role == RoleWorker {
		// The worker package's check: the signature recovers to the
		// claimed signer for this peer id, and the chain lists it.
		err := h.verifier.Check(ctx, ans.Signer, nonce, []byte(p), [65]byte(ans.Signature))
		switch {
		case err == nil:
		case api.CodeOf(err) == api.CodeNotFound:
			id.pending = true // a genuine enclave, not (yet) registered: asked again later
		default:
			return nil, err
		}
		return id, nil
	}
	got, err := compat.Recover(enclave.PeerIdentityHash(h.cfg.Network.ChainID, h.cfg.Network.Enigma, nonce, []byte(p)), ans.Signature)
	switch {
	case err != nil || api.EthAddress(got) != ans.Signer:
		return nil, api.Errorf(api.CodeBadSignature, "p2p: peer %s claims to be the key manager %s but its answer to the identity challenge is not that enclave's signature for its own peer id on this network: it is not used", p, ans.Signer)
	case h.cfg.Principal == (api.EthAddress{}):
		id.pending = true // this host does not know the principal (a gateway of a contract it could not read)
	case ans.Signer != h.cfg.Principal:
		return nil, api.Errorf(api.CodeBadSignature, "p2p: peer %s claims to be the key manager but its enclave is %s, not the contract's principal %s", p, ans.Signer, h.cfg.Principal)
	}
	return id, nil
}

// access says who may use a protocol.
type access int

const (
	anyone access = iota
	workersOnly
)

// admit lets from use a protocol of access who: a workersOnly protocol
// needs a proved, registered worker; a peer not yet identified is asked
// first.
func (h *Host) admit(from peer.ID, who access) error {
	if who == anyone {
		return nil
	}
	id := h.proved(from)
	if id == nil || id.pending || time.Since(id.at) > reverify {
		h.identify(from)
		id = h.proved(from)
	}
	if id == nil || id.role != RoleWorker || id.pending {
		return api.Errorf(api.CodeNotSelected, "p2p: this protocol serves registered workers only, and peer %s has not proved it is one", from)
	}
	return nil
}

// proved is what p proved, or nil.
func (h *Host) proved(p peer.ID) *identity {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.peers[p]
}

// peerOf is the connected peer that proved signer, verified again when
// the proof is old or the signer was not yet registered.
func (h *Host) peerOf(signer api.EthAddress) (peer.ID, bool) {
	h.mu.Lock()
	p, ok := h.bySigner[signer]
	var stale bool
	if ok {
		stale = time.Since(h.peers[p].at) > reverify
	}
	h.mu.Unlock()
	if ok && stale {
		h.identify(p)
		h.mu.Lock()
		p, ok = h.bySigner[signer]
		h.mu.Unlock()
	}
	return p, ok
}

// recheckPending identifies again the connected peers whose signature
// verified but that were not yet registered, and the peers that did not
// answer at all.
func (h *Host) recheckPending() {
	var todo []peer.ID
	h.mu.Lock()
	for _, p := range h.host.Network().Peers() {
		if id, ok := h.peers[p]; !ok || id.pending {
			todo = append(todo, p)
		}
	}
	h.mu.Unlock()
	done := make(chan struct{}, len(todo))
	for _, p := range todo {
		go func() { h.identify(p); done <- struct{}{} }()
	}
	for range todo {
		<-done
	}
}

// EnclaveProver answers identity challenges with c's signing key: c's
// PeerIdentity over enclave.PeerIdentityHash(net, nonce, transport).
func EnclaveProver(c enclave.Common, net Network) Prover {
	return func(ctx context.Context, nonce [32]byte, transport []byte) (api.EthAddress, [65]byte, error) {
		r, err := c.PeerIdentity(ctx, &enclave.PeerIdentityRequest{ChainID: net.ChainID, EnigmaContract: net.Enigma, Nonce: nonce, Transport: transport})
		if err != nil {
			return api.EthAddress{}, [65]byte{}, err
		}
		return r.Signer, r.Signature, nil
	}
}
