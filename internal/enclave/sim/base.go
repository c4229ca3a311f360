package sim

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"sync"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/enclave"
)

// base is what both roles share: the signing key, the seal key and the
// contract state keys, which are all sealed together.
type base struct {
	cfg     Config
	role    uint8
	sealKey [32]byte
	signer  *ecdsa.PrivateKey
	address api.EthAddress
	pubKey  enclave.PublicKey

	mu        sync.RWMutex
	stateKeys map[api.ContractAddress][32]byte

	// extra returns the role's own part of the sealed state; may be nil.
	extra func() []byte
}

func newBase(cfg Config, role uint8) (*base, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	sealKey, err := loadSealKey(cfg.SealKeyFile, cfg.rand())
	if err != nil {
		return nil, err
	}
	b := &base{cfg: cfg, role: role, sealKey: sealKey, stateKeys: map[api.ContractAddress][32]byte{}}
	if cfg.Sealed != nil {
		s, err := unsealSecrets(sealKey, role, cfg.Sealed)
		if err != nil {
			return nil, err
		}
		b.signer, b.stateKeys = s.signingKey, s.stateKeys
	} else if b.signer, err = compat.GenerateKey(cfg.rand()); err != nil {
		return nil, fmt.Errorf("sim: generate signing key: %w", err)
	}
	b.address = api.EthAddress(compat.Address(&b.signer.PublicKey))
	b.pubKey = compat.PublicKeyBytes(&b.signer.PublicKey)
	return b, nil
}

// Registration implements enclave.Common: the report names the signing
// address and binds it to the custodian, chain and contract of the request.
func (b *base) Registration(ctx context.Context, req *enclave.RegistrationRequest) (*enclave.RegistrationReport, error) {
	r := &Report{
		Signer: b.address, Binding: enclave.RegistrationBinding(req.ChainID, req.EnigmaContract, req.Custodian),
		Measurement: b.cfg.Measurement, ProductID: b.role, SecurityVersion: b.cfg.SecurityVersion,
	}
	return &enclave.RegistrationReport{SigningAddress: b.address, SigningKey: b.pubKey, Report: r.Bytes()}, nil
}

// Seal implements enclave.Common.
func (b *base) Seal(ctx context.Context, _ *enclave.SealRequest) (*enclave.SealedState, error) {
	var extra []byte
	if b.extra != nil {
		extra = b.extra()
	}
	b.mu.RLock()
	blob, err := sealSecrets(b.sealKey, b.role, sealedSecrets{signingKey: b.signer, stateKeys: b.stateKeys, extra: extra}, b.cfg.rand())
	b.mu.RUnlock()
	if err != nil {
		return nil, api.Errorf(api.CodeUnknown, "sim: seal: %w", err)
	}
	return &enclave.SealedState{Blob: blob}, nil
}

func (b *base) sign(h [32]byte) (enclave.Signature, error) {
	sig, err := compat.Sign(b.signer, h)
	if err != nil {
		return enclave.Signature{}, api.Errorf(api.CodeUnknown, "sim: sign: %w", err)
	}
	return sig, nil
}

// eraseStateKeys zeroes and drops the state keys.
func (b *base) eraseStateKeys() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for c, k := range b.stateKeys {
		clear(k[:])
		delete(b.stateKeys, c)
	}
}

func (b *base) stateKey(c api.ContractAddress) ([32]byte, bool) {
	b.mu.RLock()
	defer b.mu.RUnlock()
	k, ok := b.stateKeys[c]
	return k, ok
}
