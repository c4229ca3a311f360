package sim

import (
	"context"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/enclave"
)

// What a worker enclave does for its host's dealings with other workers:
// check a state another worker sent before the host stores it, and prove
// its identity to a peer.

// CheckState implements enclave.Enclave: the state must open under the
// contract's state key with the contract and code hash as associated data
// (stateAAD) and end at the delta named. It reveals nothing of the state:
// only whether it is the one named, which the host could learn by running
// a task on it.
func (w *Worker) CheckState(ctx context.Context, req *enclave.CheckStateRequest) (*enclave.CheckStateResponse, error) {
	key, ok := w.stateKey(req.Contract)
	if !ok {
		return nil, api.Errorf(api.CodeNotFound, "sim: this enclave holds no state key for contract %s: install it (StateKeysRequest, InstallStateKeys) before checking the contract's state", req.Contract)
	}
	s, ok := decryptState(key, req.Contract, req.CodeHash, req.State)
	if !ok {
		return nil, api.Errorf(api.CodeTampered, "sim: the state offered for contract %s does not open under its state key with code %s: it is another contract's or another code's state, or it was altered; fetch it from another worker", req.Contract, req.CodeHash)
	}
	for k, v := range s.entries {
		clear(v)
		delete(s.entries, k)
	}
	if s.deltaIndex != req.DeltaIndex || s.deltaHash != req.DeltaHash {
		return nil, api.Errorf(api.CodeConflict, "sim: the state offered for contract %s ends at delta %d (%s), not at delta %d (%s); fetch the state at that delta", req.Contract, s.deltaIndex, s.deltaHash, req.DeltaIndex, req.DeltaHash)
	}
	return &enclave.CheckStateResponse{}, nil
}

// PeerIdentity implements enclave.Common, for the worker and the key
// manager alike.
func (w *base) PeerIdentity(ctx context.Context, req *enclave.PeerIdentityRequest) (*enclave.PeerIdentityResponse, error) {
	if len(req.Transport) > enclave.MaxPeerTransport {
		return nil, api.Errorf(api.CodeInvalidInput, "sim: a peer transport identity of %d bytes exceeds %d; name the channel by its URL or key", len(req.Transport), enclave.MaxPeerTransport)
	}
	sig, err := w.sign(enclave.PeerIdentityHash(req.ChainID, req.EnigmaContract, req.Nonce, req.Transport))
	if err != nil {
		return nil, err
	}
	return &enclave.PeerIdentityResponse{Signer: w.address, Signature: sig}, nil
}
