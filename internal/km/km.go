// Package km is the key manager node: the host around the key manager's
// enclave. Every epoch it reads the active workers and their stakes from
// the Enigma contract, has the enclave draw the seed and sign the worker
// parameters, and submits them with setWorkersParams; it answers workers'
// requests for contract state keys, which the enclave encrypts to the
// requesting worker's enclave and gives only to the worker selected for the
// contract in the request's epoch.
//
// The host sees only public parameters and ciphertext. What the enclave
// cannot check for itself, the host checks on chain before asking it: that
// a contract whose key is asked for is deployed (or its deployment is
// pending), and that an epoch it signed was taken by the chain, which it
// then confirms to the enclave (docs/security.md says what an SGX build
// with a light client would check inside the enclave instead).
//
// It imports the chain client and the enclave interface, never a worker or
// the gateway.
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
	// Metrics, when set, receive the key manager's metrics (NewMetrics);
	// nil: NopMetrics.
	Metrics *Metrics
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
	m      *Metrics

	mu        sync.Mutex // serialises epoch changes
	epochs    uint64     // epochs this node set, for metrics
	confirmed uint64     // epochs on chain the enclave was told of (count), so each is confirmed once
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
	m := cfg.Metrics
	if m == nil {
		m = NopMetrics()
	}
	return &KeyManager{cfg: cfg, log: log, signer: reg.SigningAddress, m: m}, nil
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
func (k *KeyManager) GetStateKeys(ctx context.Context, req *enclave.StateKeysRequest) (_ *enclave.StateKeysReply, err error) {
	defer func() {
		if err != nil {
			k.m.refused.Inc()
		} else {
			k.m.served.Inc()
		}
	}()
	if req == nil || len(req.Contracts) == 0 {
		return nil, api.Errorf(api.CodeInvalidInput, "km: a state keys request must name at least one contract")
	}
	for _, c := range req.Contracts {
		if err := k.checkContract(ctx, c); err != nil {
			return nil, err
		}
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

// checkContract refuses a state key for an address that is neither a
// deployed secret contract nor the address of a pending deployment: the
// key manager creates keys only for contracts the chain knows.
func (k *KeyManager) checkContract(ctx context.Context, c api.ContractAddress) error {
	e := k.cfg.Enigma
	sc, err := e.SecretContract(ctx, c)
	if err != nil {
		return fmt.Errorf("km: read contract %s on chain: %w", c, err)
	}
	if sc.Status == contractDeployed {
		return nil
	}
	deploying, err := e.IsDeploymentTask(ctx, c)
	if err != nil {
		return fmt.Errorf("km: read task %s on chain: %w", c, err)
	}
	if deploying {
		rec, err := e.TaskRecord(ctx, c)
		if err != nil {
			return fmt.Errorf("km: read task %s on chain: %w", c, err)
		}
		if rec.Status == uint8(api.ChainRecordCreated) {
			return nil
		}
	}
	return api.Errorf(api.CodeNotFound, "km: %s is not a secret contract on chain and no deployment of it is pending: the key manager gives keys only for contracts the chain knows", c)
}

// contractDeployed is the Enigma contract's SecretContract status of a deployed contract.
const contractDeployed = 1

func (k *KeyManager) changed(ctx context.Context) error {
	if k.cfg.Changed == nil {
		return nil
	}
	return k.cfg.Changed(ctx)
}

// NewEpoch sets a new epoch when the current one is epochSize blocks old
// (or none was set yet): it reads the active workers and stakes, has the
// enclave sign them with the epoch's seed, submits setWorkersParams and
// confirms the epoch to the enclave once mined. It reports whether it set
// one. The enclave signs one set of parameters per epoch; asked again (a
// retry, a restarted host) it answers the same, and the host resubmits that.
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
	if err := k.confirmCurrent(ctx, st.Count.Uint64(), st.FirstBlock.Uint64()); err != nil {
		return false, err
	}
	size, err := e.EpochSize(ctx)
	if err != nil {
		return false, err
	}
	if st.Count.Sign() > 0 {
		k.m.epoch.Set(float64(st.FirstBlock.Uint64()))
	}
	if st.Count.Sign() > 0 && st.FirstBlock.Uint64()+size > block {
		return false, nil // the current epoch stands
	}
	active, err := e.ActiveWorkers(ctx, block)
	if err != nil {
		return false, fmt.Errorf("km: read the active workers: %w", err)
	}
	req := &enclave.NewEpochRequest{BlockNumber: block}
	st.Count.FillBytes(req.Nonce[:])
	for i, w := range active.Arg0 {
		req.Workers = append(req.Workers, api.EthAddress(w))
		var s [32]byte
		active.Arg1[i].FillBytes(s[:])
		req.Stakes = append(req.Stakes, s)
	}
	resp, err := k.cfg.Enclave.NewEpoch(ctx, req)
	if err != nil {
		return false, fmt.Errorf("km: sign the epoch: %w", err)
	}
	if err := k.changed(ctx); err != nil {
		k.log.Error("seal the key manager's keys after signing an epoch", "err", err)
	}
	r, err := e.SetWorkersParams(ctx, k.cfg.Account, resp.BlockNumber, new(big.Int).SetBytes(resp.Seed[:]), resp.Signature[:])
	if err != nil {
		return false, fmt.Errorf("km: set the workers' parameters: %w", err)
	}
	k.epochs++
	k.m.epochsSet.Inc()
	k.m.epochGas.Observe(float64(r.GasUsed))
	k.m.epoch.Set(float64(r.BlockNumber.Uint64()))
	k.log.Info("epoch set", "block", resp.BlockNumber, "workers", len(req.Workers))
	if err := k.confirm(ctx, st.Count.Uint64(), resp.Seed, r.BlockNumber.Uint64()); err != nil {
		return true, err
	}
	return true, nil
}

// confirmCurrent confirms the chain's current epoch to the enclave unless
// this host already did: the one this host set in a run that stopped before
// confirming it, or one another relayer submitted.
func (k *KeyManager) confirmCurrent(ctx context.Context, count, firstBlock uint64) error {
	if count == 0 || k.confirmed >= count {
		return nil
	}
	p, err := k.cfg.Enigma.WorkerParams(ctx, firstBlock)
	if err != nil {
		return fmt.Errorf("km: read the current epoch: %w", err)
	}
	var seed [32]byte
	p.Arg1.FillBytes(seed[:])
	err = k.confirm(ctx, count-1, seed, firstBlock)
	if api.CodeOf(err) == api.CodeNotFound {
		// Signed by another key manager enclave, or before the ones this
		// one keeps: nothing to confirm here.
		k.confirmed = count
		return nil
	}
	return err
}

// confirm tells the enclave the chain took the epoch with this nonce and
// seed in block firstBlock, and seals.
func (k *KeyManager) confirm(ctx context.Context, nonce uint64, seed [32]byte, firstBlock uint64) error {
	req := &enclave.ConfirmEpochRequest{Seed: seed, FirstBlock: firstBlock}
	new(big.Int).SetUint64(nonce).FillBytes(req.Nonce[:])
	if _, err := k.cfg.Enclave.ConfirmEpoch(ctx, req); err != nil {
		return fmt.Errorf("km: confirm epoch %d to the enclave: %w", nonce, err)
	}
	k.confirmed = nonce + 1
	if err := k.changed(ctx); err != nil {
		k.log.Error("seal the key manager's keys after an epoch", "err", err)
	}
	return nil
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
