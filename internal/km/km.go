// Package km is the key manager node: the host around the key manager's
// enclave. Every epoch it reads the active workers and their stakes from
// the Enigma contract, has the enclave draw the seed and sign the worker
// parameters, and submits them with setWorkersParams; it answers workers'
// requests for contract state keys, which the enclave encrypts to the
// requesting worker's enclave and gives only to the worker selected for the
// contract in the request's epoch.
//
// The host sees only public parameters and ciphertext. It imports the chain
// client and the enclave interface, never a worker or the gateway.
package km

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/enclave"
)

// Config configures a key manager node.
type Config struct {
	// Enclave is the key manager's enclave. Required.
	Enclave enclave.KeyManager
	// Enigma is the deployed Enigma contract. Required.
	Enigma *chain.Enigma
	// Account sends setWorkersParams (any funded account: the contract
	// checks the enclave's signature, not the sender). Required.
	Account chain.Account
	// Poll is how often the epoch loop looks at the head block; about
	// one block period.
	Poll time.Duration
	// Changed, if set, is called after every change to the enclave's
	// secrets: a new epoch (the enclave remembers what it signed) and a
	// state keys answer (which may have created a contract's key). Hosts
	// seal the enclave there, so a restart keeps every contract's key. An
	// error fails the answer: a key that would not survive a restart must
	// not be handed out.
	Changed func(ctx context.Context) error
	// Logger; nil discards.
	Logger *slog.Logger
}

// DefaultConfig returns the settings a key manager runs with; set Enclave,
// Enigma and Account.
func DefaultConfig() Config { return Config{Poll: time.Second} }

// Validate reports settings the node cannot run with.
func (c Config) Validate() error {
	var errs []error
	if c.Enclave == nil {
		errs = append(errs, errors.New("km: Config.Enclave is required"))
	}
	if c.Enigma == nil {
		errs = append(errs, errors.New("km: Config.Enigma is required"))
	}
	if c.Account.Address == (common.Address{}) {
		errs = append(errs, errors.New("km: Config.Account is required (it pays for setWorkersParams)"))
	}
	if c.Poll <= 0 {
		errs = append(errs, errors.New("km: Config.Poll must be positive"))
	}
	return errors.Join(errs...)
}

// KeyManager is a running key manager node. It is safe for concurrent use.
type KeyManager struct {
	cfg    Config
	log    *slog.Logger
	signer api.EthAddress

	mu     sync.Mutex // serialises epoch changes
	epochs uint64     // epochs this node set, for metrics
}

// New returns a key manager node; call Run to keep the epochs going.
func New(ctx context.Context, cfg Config) (*KeyManager, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	reg, err := cfg.Enclave.Registration(ctx, &enclave.RegistrationRequest{})
	if err != nil {
		return nil, fmt.Errorf("km: read the enclave's signing address: %w", err)
	}
	return &KeyManager{cfg: cfg, log: log, signer: reg.SigningAddress}, nil
}

// Signer is the enclave's signing address, the Enigma contract's principal.
func (k *KeyManager) Signer() api.EthAddress { return k.signer }

// EpochsSet is how many epochs this node has set since it started.
func (k *KeyManager) EpochsSet() uint64 {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.epochs
}

// GetStateKeys answers a worker enclave's signed request for contract state
// keys. The enclave checks the signer is the worker selected for every
// contract in the request's epoch and fails with api.CodeNotSelected
// otherwise.
func (k *KeyManager) GetStateKeys(ctx context.Context, req *enclave.StateKeysRequest) (*enclave.StateKeysReply, error) {
	if req == nil || len(req.Contracts) == 0 {
		return nil, api.Errorf(api.CodeInvalidInput, "km: a state keys request must name at least one contract")
	}
	r, err := k.cfg.Enclave.GetStateKeys(ctx, req)
	if err != nil {
		return nil, err
	}
	if err := k.changed(ctx); err != nil {
		return nil, fmt.Errorf("km: keep the contract's state key: %w", err)
	}
	return r, nil
}

func (k *KeyManager) changed(ctx context.Context) error {
	if k.cfg.Changed == nil {
		return nil
	}
	return k.cfg.Changed(ctx)
}

// NewEpoch sets a new epoch when the current one is epochSize blocks old
// (or none was set yet): it reads the active workers and stakes at the head
// block, has the enclave draw a seed and sign them, and submits
// setWorkersParams. It reports whether it set one.
func (k *KeyManager) NewEpoch(ctx context.Context) (bool, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	e := k.cfg.Enigma
	block, err := e.Client().BlockNumber(ctx)
	if err != nil {
		return false, err
	}
	st, err := e.EpochState(ctx)
	if err != nil {
		return false, fmt.Errorf("km: read the epoch state: %w", err)
	}
	size, err := e.EpochSize(ctx)
	if err != nil {
		return false, err
	}
	if st.Count.Sign() > 0 && st.FirstBlock.Uint64()+size > block {
		return false, nil // the current epoch stands
	}
	active, err := e.ActiveWorkers(ctx, block)
	if err != nil {
		return false, fmt.Errorf("km: read the active workers: %w", err)
	}
	nonce, err := e.UserTaskDeployments(ctx, common.Address(k.signer))
	if err != nil {
		return false, err
	}
	req := &enclave.NewEpochRequest{BlockNumber: block}
	nonce.FillBytes(req.Nonce[:])
	for i, w := range active.Arg0 {
		req.Workers = append(req.Workers, api.EthAddress(w))
		var s [32]byte
		active.Arg1[i].FillBytes(s[:])
		req.Stakes = append(req.Stakes, s)
	}
	resp, err := k.cfg.Enclave.NewEpoch(ctx, req)
	if err != nil {
		return false, fmt.Errorf("km: draw the epoch seed: %w", err)
	}
	if _, err := e.SetWorkersParams(ctx, k.cfg.Account, block, new(big.Int).SetBytes(resp.Seed[:]), resp.Signature[:]); err != nil {
		return false, fmt.Errorf("km: set the workers' parameters: %w", err)
	}
	k.epochs++
	k.log.Info("epoch set", "block", block, "workers", len(req.Workers))
	if err := k.changed(ctx); err != nil {
		k.log.Error("seal the key manager's keys after an epoch", "err", err)
	}
	return true, nil
}

// Run starts a new epoch whenever the current one is epochSize blocks old,
// until ctx ends. Failures are logged and retried at the next poll.
func (k *KeyManager) Run(ctx context.Context) {
	t := time.NewTicker(k.cfg.Poll)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if _, err := k.NewEpoch(ctx); err != nil && ctx.Err() == nil {
				k.log.Warn("new epoch failed; retrying", "err", err)
			}
		}
	}
}
