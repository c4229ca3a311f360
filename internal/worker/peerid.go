package worker

import (
	"context"
	"crypto/rand"
	"fmt"
	"io"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/chain/bindings"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/enclave"
)

// Peers are identified by their registered enclave key, never by what they
// say: a worker or gateway about to use a peer that claims signing address
// S challenges it with a fresh nonce, the peer's enclave signs
// enclave.PeerIdentityHash(chain id, Enigma contract, nonce, transport),
// and the caller checks the signature recovers to S and that S is a
// registered worker on the Enigma contract. The check knows nothing of the
// transport beyond its name (its libp2p peer id), so
// every transport uses it.

// PeerRegistry is the chain read that tells whether a signing address is a
// registered worker; *chain.Enigma implements it.
type PeerRegistry interface {
	WorkerFromSigningAddress(ctx context.Context, signer common.Address) (bindings.GetWorkerFromSigningAddressOutput, error)
}

// PeerVerifier checks peers' identities against the chain. It is safe for
// concurrent use.
type PeerVerifier struct {
	chainID uint64
	enigma  api.EthAddress
	reg     PeerRegistry
	rand    io.Reader
}

// NewPeerVerifier returns a verifier of the peers of the network whose
// Enigma contract is e.
func NewPeerVerifier(e *chain.Enigma) *PeerVerifier {
	return NewPeerVerifierFor(e.Client().ChainID().Uint64(), api.EthAddress(e.Addresses().Enigma), e)
}

// NewPeerVerifierFor is NewPeerVerifier with the network named and the
// registry given.
func NewPeerVerifierFor(chainID uint64, enigma api.EthAddress, reg PeerRegistry) *PeerVerifier {
	return &PeerVerifier{chainID: chainID, enigma: enigma, reg: reg, rand: rand.Reader}
}

// workerUnregistered is the Enigma contract's WorkerStatus.Unregistered.
const workerUnregistered = 0

// Verify challenges n, reached over transport (the channel as the caller
// knows the peer: its libp2p peer id; nil in process), and returns nil only when n's
// enclave signs as n.Signer() and that signer is a registered worker. It
// fails with api.CodeBadSignature when the answer is not signed by the
// claimed signer's enclave for this transport, and api.CodeNotFound when
// the signer is not registered.
func (v *PeerVerifier) Verify(ctx context.Context, n Node, transport []byte) error {
	claimed := n.Signer()
	var nonce [32]byte
	if _, err := io.ReadFull(v.rand, nonce[:]); err != nil {
		return fmt.Errorf("worker: draw a peer challenge: %w", err)
	}
	sig, err := n.ProveIdentity(ctx, nonce, transport)
	if err != nil {
		return fmt.Errorf("worker: peer %s did not answer its identity challenge: %w", claimed, err)
	}
	return v.Check(ctx, claimed, nonce, transport, sig)
}

// Check is Verify's check of an answer already in hand: sig, over the
// challenge nonce for transport, must recover to claimed, and claimed must
// be a registered worker. The same errors as Verify.
func (v *PeerVerifier) Check(ctx context.Context, claimed api.EthAddress, nonce [32]byte, transport []byte, sig [65]byte) error {
	got, err := compat.Recover(enclave.PeerIdentityHash(v.chainID, v.enigma, nonce, transport), sig[:])
	if err != nil || api.EthAddress(got) != claimed {
		return api.Errorf(api.CodeBadSignature, "worker: a peer claims to be worker %s but its answer to the identity challenge is not signed by that worker's enclave for channel %q (it recovers to %s): it is another node, or it relays another worker; it is not used", claimed, transport, api.EthAddress(got))
	}
	w, err := v.reg.WorkerFromSigningAddress(ctx, common.Address(claimed))
	if err != nil {
		return fmt.Errorf("worker: read peer %s on the Enigma contract: %w", claimed, err)
	}
	if w.Arg0 == (common.Address{}) || w.Arg1.Signer != common.Address(claimed) || w.Arg1.Status == workerUnregistered {
		return api.Errorf(api.CodeNotFound, "worker: peer %s is not a registered worker on the Enigma contract %s: it is not used", claimed, v.enigma)
	}
	return nil
}

// ProveIdentity implements Node: the worker's enclave signs the challenge.
func (w *Worker) ProveIdentity(ctx context.Context, nonce [32]byte, transport []byte) ([65]byte, error) {
	r, err := w.cfg.Enclave.PeerIdentity(ctx, &enclave.PeerIdentityRequest{
		ChainID: w.chainID, EnigmaContract: api.EthAddress(w.cfg.Enigma.Addresses().Enigma), Nonce: nonce, Transport: transport,
	})
	if err != nil {
		return [65]byte{}, fmt.Errorf("worker: answer a peer's identity challenge: %w", err)
	}
	return r.Signature, nil
}
