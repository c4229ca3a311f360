package sim

import (
	"context"
	"io"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/enclave"
)

// StateKeysRequest implements enclave.Enclave: a request for the state keys
// of some contracts, signed by this enclave, with a fresh ephemeral key the
// reply will be encrypted to.
func (w *Worker) StateKeysRequest(ctx context.Context, req *enclave.NewStateKeysRequest) (*enclave.StateKeysRequest, error) {
	if len(req.Contracts) == 0 {
		return nil, api.Errorf(api.CodeInvalidInput, "sim: a state key request needs at least one contract address")
	}
	eph, err := compat.GenerateKey(w.cfg.rand())
	if err != nil {
		return nil, api.Errorf(api.CodeUnknown, "sim: generate ephemeral key: %w", err)
	}
	out := &enclave.StateKeysRequest{
		EpochSeed: req.EpochSeed, Contracts: append([]api.ContractAddress(nil), req.Contracts...),
		EphemeralKey: compat.PublicKeyBytes(&eph.PublicKey),
	}
	if _, err := io.ReadFull(w.cfg.rand(), out.RequestID[:]); err != nil {
		return nil, api.Errorf(api.CodeUnknown, "sim: draw request id: %w", err)
	}
	h := enclave.StateKeysRequestHash(out)
	if out.Signature, err = w.sign(h); err != nil {
		return nil, err
	}
	w.pendingMu.Lock()
	defer w.pendingMu.Unlock()
	if len(w.pending) >= maxPendingRequests {
		for id := range w.pending { // forget an arbitrary one: requests are retried on the next epoch anyway
			delete(w.pending, id)
			break
		}
	}
	w.pending[out.RequestID] = pendingRequest{hash: h, ephemeral: eph, contracts: out.Contracts}
	return out, nil
}

// InstallStateKeys implements enclave.Enclave. The reply must answer an
// outstanding request of this enclave and be signed by the configured key
// manager; a reply is accepted once.
func (w *Worker) InstallStateKeys(ctx context.Context, reply *enclave.StateKeysReply) (*enclave.InstallStateKeysResponse, error) {
	signer, err := compat.Recover(enclave.StateKeysReplyHash(reply), reply.Signature[:])
	if err != nil {
		return nil, err
	}
	if api.EthAddress(signer) != w.cfg.KeyManager {
		return nil, api.Errorf(api.CodeBadSignature, "sim: the state key reply is signed by %s, not by the key manager %s this enclave trusts", api.EthAddress(signer), w.cfg.KeyManager)
	}
	w.pendingMu.Lock()
	p, ok := w.pending[reply.RequestID]
	if ok && p.hash == reply.RequestHash {
		delete(w.pending, reply.RequestID)
	}
	w.pendingMu.Unlock()
	if !ok {
		return nil, api.Errorf(api.CodeReplay, "sim: the state key reply answers no outstanding request of this enclave (already installed, or too old): request the keys again")
	}
	if p.hash != reply.RequestHash {
		return nil, api.Errorf(api.CodeInvalidInput, "sim: the state key reply names another request than the one sent with its id")
	}
	kmKey, err := compat.ParsePublicKey(reply.EphemeralKey[:])
	if err != nil {
		return nil, api.Errorf(api.CodeInvalidInput, "sim: the key manager's ephemeral key is invalid: %v", err)
	}
	pt, ok := open(compat.DeriveKey(p.ephemeral, kmKey), enclave.StateKeysAAD(p.hash), reply.Ciphertext)
	if !ok {
		return nil, api.Errorf(api.CodeTampered, "sim: the state keys do not decrypt with this request's ephemeral key: the reply was altered")
	}
	defer clear(pt)
	keys, err := enclave.DecodeContractKeys(pt)
	if err != nil {
		return nil, err
	}
	asked := map[api.ContractAddress]bool{}
	for _, c := range p.contracts {
		asked[c] = true
	}
	out := &enclave.InstallStateKeysResponse{}
	w.mu.Lock()
	for _, k := range keys {
		if asked[k.Contract] { // keys nobody asked for are ignored
			w.stateKeys[k.Contract] = k.Key
			out.Contracts = append(out.Contracts, k.Contract)
		}
	}
	w.mu.Unlock()
	w.cfg.logger().Info("state keys installed", "count", len(out.Contracts))
	return out, nil
}
