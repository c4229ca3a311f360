package sim

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"io"
	"math/big"
	"slices"
	"sync"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/ethereum/go-ethereum/common"
)

// KeyManager is the simulated key manager enclave. It is safe for
// concurrent use.
type KeyManager struct {
	*base

	epochMu sync.RWMutex
	epochs  []epochParams // ascending by nonce, at most cfg.KeepWorkerParams
}

// epochParams are the worker parameters the enclave signed for an epoch.
type epochParams struct {
	nonce   [32]byte // the chain's epoch counter
	block   uint64   // the block the workers were read at
	seed    [32]byte
	workers []api.EthAddress
	stakes  []*big.Int
	sig     enclave.Signature
	// firstBlock is the epoch's first block on chain once the host
	// confirmed the chain took these parameters; 0 until then.
	firstBlock uint64
}

const epochSeedDomain = "enigma-go/km: epoch seed v1"

// epochSeed derives the seed of the epoch with this nonce from the
// enclave's sealed signing key: the host can ask again, but never draw
// another seed for the same epoch (the original drew a fresh random seed on
// every request, so a host could re-draw until it liked the selection).
func (km *KeyManager) epochSeed(nonce [32]byte) [32]byte {
	d := compat.PrivateKeyBytes(km.signer)
	defer clear(d[:])
	m := hmac.New(sha256.New, d[:])
	m.Write([]byte(epochSeedDomain))
	m.Write(nonce[:])
	return [32]byte(m.Sum(nil))
}

var _ enclave.KeyManager = (*KeyManager)(nil)

// NewKeyManager starts a simulated key manager enclave: it unseals
// cfg.Sealed (signing key, state keys, signed epochs) or draws a new
// signing key.
func NewKeyManager(cfg Config) (*KeyManager, error) {
	b, err := newBase(cfg, roleKeyManager)
	if err != nil {
		return nil, err
	}
	km := &KeyManager{base: b}
	if cfg.Sealed != nil {
		s, err := unsealSecrets(b.sealKey, roleKeyManager, cfg.Sealed)
		if err != nil {
			return nil, err
		}
		if km.epochs, err = decodeEpochs(s.extra); err != nil {
			return nil, err
		}
	}
	b.extra = km.encodeEpochs
	b.cfg.logger().Info("key manager enclave started", "signer", b.address, "contracts", len(b.stateKeys), "epochs", len(km.epochs), "simulated", true)
	return km, nil
}

// Address is the enclave's signing address.
func (km *KeyManager) Address() api.EthAddress { return km.address }

// Close erases the state keys (call Seal first to keep them).
func (km *KeyManager) Close() error {
	km.eraseStateKeys()
	return nil
}

var _ enclave.Closer = (*KeyManager)(nil)

// NewEpoch implements enclave.KeyManager.
func (km *KeyManager) NewEpoch(ctx context.Context, req *enclave.NewEpochRequest) (*enclave.NewEpochResponse, error) {
	if len(req.Workers) != len(req.Stakes) {
		return nil, api.Errorf(api.CodeInvalidInput, "sim: %d workers but %d stakes: pass getActiveWorkers' two lists as they are", len(req.Workers), len(req.Stakes))
	}
	p := epochParams{nonce: req.Nonce, block: req.BlockNumber, workers: slices.Clone(req.Workers), seed: km.epochSeed(req.Nonce)}
	addrs := make([]common.Address, len(req.Workers))
	for i, w := range req.Workers {
		addrs[i] = common.Address(w)
	}
	for _, s := range req.Stakes {
		p.stakes = append(p.stakes, new(big.Int).SetBytes(s[:]))
	}

	km.epochMu.Lock()
	defer km.epochMu.Unlock()
	i, found := slices.BinarySearchFunc(km.epochs, p.nonce, func(e epochParams, n [32]byte) int {
		return bytes.Compare(e.nonce[:], n[:])
	})
	switch {
	case found:
		// Asked again (a resubmitted or relayed setWorkersParams, a
		// restarted host): the one answer this epoch gets.
		e := &km.epochs[i]
		return &enclave.NewEpochResponse{Seed: e.seed, Signature: e.sig, BlockNumber: e.block}, nil
	case i < len(km.epochs):
		return nil, api.Errorf(api.CodeConflict, "sim: the key manager already signed a later epoch than %x; an epoch's parameters are signed before the next one's", p.nonce)
	}
	h := compat.WorkersParamsHash(new(big.Int).SetBytes(p.seed[:]), new(big.Int).SetBytes(req.Nonce[:]), addrs, p.stakes)
	sig, err := km.sign(h)
	if err != nil {
		return nil, err
	}
	p.sig = sig
	km.epochs = append(km.epochs, p)
	if len(km.epochs) > km.cfg.KeepWorkerParams {
		km.epochs = km.epochs[len(km.epochs)-km.cfg.KeepWorkerParams:]
	}
	km.cfg.logger().Info("epoch signed", "block", p.block, "workers", len(p.workers))
	return &enclave.NewEpochResponse{Seed: p.seed, Signature: sig, BlockNumber: p.block}, nil
}

// ConfirmEpoch implements enclave.KeyManager.
func (km *KeyManager) ConfirmEpoch(ctx context.Context, req *enclave.ConfirmEpochRequest) (*enclave.ConfirmEpochResponse, error) {
	if req.FirstBlock == 0 {
		return nil, api.Errorf(api.CodeInvalidInput, "sim: an epoch's first block is never 0: pass the block that included setWorkersParams")
	}
	km.epochMu.Lock()
	defer km.epochMu.Unlock()
	for i := range km.epochs {
		e := &km.epochs[i]
		if e.nonce != req.Nonce {
			continue
		}
		if e.seed != req.Seed {
			return nil, api.Errorf(api.CodeConflict, "sim: epoch %x was signed with another seed: confirm only what the chain's WorkersParameterized event shows", req.Nonce)
		}
		if e.firstBlock != 0 && e.firstBlock != req.FirstBlock {
			return nil, api.Errorf(api.CodeConflict, "sim: epoch %x was already confirmed at block %d, not %d", req.Nonce, e.firstBlock, req.FirstBlock)
		}
		e.firstBlock = req.FirstBlock
		return &enclave.ConfirmEpochResponse{}, nil
	}
	return nil, api.Errorf(api.CodeNotFound, "sim: the key manager holds no signed epoch %x (never signed, or older than the %d it keeps)", req.Nonce, km.cfg.KeepWorkerParams)
}

// epochFor returns the signed epoch with this seed.
func (km *KeyManager) epochFor(seed [32]byte) (epochParams, bool) {
	km.epochMu.RLock()
	defer km.epochMu.RUnlock()
	for _, e := range km.epochs {
		if e.seed == seed {
			return e, true
		}
	}
	return epochParams{}, false
}

// GetStateKeys implements enclave.KeyManager.
func (km *KeyManager) GetStateKeys(ctx context.Context, req *enclave.StateKeysRequest) (*enclave.StateKeysReply, error) {
	if len(req.Contracts) == 0 {
		return nil, api.Errorf(api.CodeInvalidInput, "sim: the state key request names no contract")
	}
	reqHash := enclave.StateKeysRequestHash(req)
	signer, err := compat.Recover(reqHash, req.Signature[:])
	if err != nil {
		return nil, err
	}
	workerEph, err := compat.ParsePublicKey(req.EphemeralKey[:])
	if err != nil {
		return nil, api.Errorf(api.CodeInvalidInput, "sim: the request's ephemeral key is not a secp256k1 point: %v", err)
	}
	ep, ok := km.epochFor(req.EpochSeed)
	if !ok {
		return nil, api.Errorf(api.CodeWrongEpoch, "sim: the key manager holds no signed epoch with seed %x (older than the %d it keeps, or never signed): ask with the seed getWorkerParams returns for the current block", req.EpochSeed, km.cfg.KeepWorkerParams)
	}
	if ep.firstBlock == 0 {
		return nil, api.Errorf(api.CodeWrongEpoch, "sim: the epoch with seed %x is not confirmed on chain yet: retry once setWorkersParams is mined", req.EpochSeed)
	}
	for _, c := range req.Contracts {
		sel, ok := selectWorker(ep.seed, c, ep.workers, ep.stakes)
		if !ok || sel != api.EthAddress(signer) {
			return nil, api.Errorf(api.CodeNotSelected, "sim: worker %s is not selected for contract %s in the epoch read at block %d; only the selected worker gets its state key", api.EthAddress(signer), c, ep.block)
		}
	}
	keys, err := km.keysFor(req.Contracts)
	if err != nil {
		return nil, err
	}
	pt := enclave.EncodeContractKeys(keys)
	defer clear(pt)
	eph, err := compat.GenerateKey(km.cfg.rand())
	if err != nil {
		return nil, api.Errorf(api.CodeUnknown, "sim: generate ephemeral key: %w", err)
	}
	shared := compat.DeriveKey(eph, workerEph)
	ct, err := seal(shared, enclave.StateKeysAAD(reqHash), pt, km.cfg.rand())
	clear(shared[:])
	if err != nil {
		return nil, api.Errorf(api.CodeUnknown, "sim: encrypt state keys: %w", err)
	}
	reply := &enclave.StateKeysReply{RequestID: req.RequestID, RequestHash: reqHash,
		EphemeralKey: compat.PublicKeyBytes(&eph.PublicKey), Ciphertext: ct}
	if reply.Signature, err = km.sign(enclave.StateKeysReplyHash(reply)); err != nil {
		return nil, err
	}
	return reply, nil
}

// keysFor returns the state keys of the contracts, creating a random key
// for each contract seen for the first time.
func (km *KeyManager) keysFor(contracts []api.ContractAddress) ([]enclave.ContractKey, error) {
	km.mu.Lock()
	defer km.mu.Unlock()
	out := make([]enclave.ContractKey, 0, len(contracts))
	for _, c := range contracts {
		k, ok := km.stateKeys[c]
		if !ok {
			if _, err := io.ReadFull(km.cfg.rand(), k[:]); err != nil {
				return nil, api.Errorf(api.CodeUnknown, "sim: draw state key: %w", err)
			}
			km.stateKeys[c] = k
		}
		out = append(out, enclave.ContractKey{Contract: c, Key: k})
	}
	return out, nil
}

// encodeEpochs is the key manager's part of the sealed state: the epochs it
// signed, so it can serve state keys right after a restart.
func (km *KeyManager) encodeEpochs() []byte {
	km.epochMu.RLock()
	defer km.epochMu.RUnlock()
	b := buf(nil).u32(uint32(len(km.epochs)))
	for _, e := range km.epochs {
		b = b.raw(e.nonce[:]).u64(e.block).raw(e.seed[:]).raw(e.sig[:]).u64(e.firstBlock).u32(uint32(len(e.workers)))
		for i, w := range e.workers {
			var s [32]byte
			e.stakes[i].FillBytes(s[:])
			b = b.raw(w[:]).raw(s[:])
		}
	}
	return b
}

func decodeEpochs(p []byte) ([]epochParams, error) {
	if len(p) == 0 {
		return nil, nil
	}
	r := &reader{b: p}
	n := r.count(32 + 8 + 32 + 65 + 8 + 4)
	out := make([]epochParams, n)
	for i := range out {
		e := &out[i]
		r.raw(e.nonce[:])
		e.block = r.u64()
		r.raw(e.seed[:])
		r.raw(e.sig[:])
		e.firstBlock = r.u64()
		m := r.count(52)
		e.workers = make([]api.EthAddress, m)
		e.stakes = make([]*big.Int, m)
		for j := range m {
			var s [32]byte
			r.raw(e.workers[j][:])
			r.raw(s[:])
			e.stakes[j] = new(big.Int).SetBytes(s[:])
		}
	}
	if !r.done() {
		return nil, api.Errorf(api.CodeInvalidInput, "sim: the sealed epochs are malformed")
	}
	return out, nil
}
