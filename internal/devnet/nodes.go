package devnet

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/enclave/sim"
	"github.com/enigma-go/enigma/internal/vm"
)

// WorkerStakeENG is each worker's deposit in ENG base units: 1,000 ENG.
var WorkerStakeENG = new(big.Int).Mul(big.NewInt(1_000), big.NewInt(100_000_000))

// workerLoggedIn is the contract's WorkerStatus.LoggedIn.
const workerLoggedIn = 1

// node is one worker: its enclave and the dev account that is its custodian.
type node struct {
	enclave *sim.Worker
	account chain.Account
	signer  api.EthAddress
	// registration is the enclave's signing address and attestation.
	registration *enclave.RegistrationReport
}

// startEnclaves starts what needs no chain: the key manager's enclave
// (its keys and the simulated attestation signer's survive restarts in the
// data folder), the VM, and cfg.Workers worker enclaves, each sealed to its
// own folder.
func (d *Devnet) startEnclaves(ctx context.Context) error {
	dir := d.cfg.DataDir
	attestation, err := loadOrCreateKey(filepath.Join(dir, "attestation.key"))
	if err != nil {
		return err
	}
	d.attestation = attestation
	kc := sim.DefaultConfig()
	kc.SealKeyFile, kc.AttestationKey = filepath.Join(dir, "km.seal"), attestation
	sealedPath := filepath.Join(dir, "km.sealed")
	if kc.Sealed, err = os.ReadFile(sealedPath); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("devnet: read the key manager's sealed keys: %w", err)
	}
	if d.km, err = sim.NewKeyManager(kc); err != nil {
		return fmt.Errorf("devnet: start the key manager enclave (remove %s to start with new keys): %w", sealedPath, err)
	}
	// The sealed signing key keeps the principal address across restarts,
	// so a resumed chain still accepts the key manager's epochs.
	sealed, err := d.km.Seal(ctx, &enclave.SealRequest{})
	if err != nil {
		return fmt.Errorf("devnet: seal the key manager's keys: %w", err)
	}
	if err := os.WriteFile(sealedPath, sealed.Blob, 0o600); err != nil {
		return fmt.Errorf("devnet: store the key manager's sealed keys: %w", err)
	}

	engine, err := vm.NewEngine(ctx, vm.DefaultConfig())
	if err != nil {
		return fmt.Errorf("devnet: start the VM: %w", err)
	}
	d.engine = engine
	for i := 0; i < d.cfg.Workers; i++ {
		wdir := filepath.Join(dir, fmt.Sprintf("worker%d", i))
		if err := os.MkdirAll(wdir, 0o700); err != nil {
			return err
		}
		wc := kc
		wc.SealKeyFile, wc.KeyManager, wc.Runner = filepath.Join(wdir, "seal.key"), d.km.Address(), sim.NewVMRunner(engine)
		sealedPath := filepath.Join(wdir, "sealed")
		if wc.Sealed, err = os.ReadFile(sealedPath); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("devnet: read worker %d's sealed keys: %w", i, err)
		}
		w, err := sim.NewWorker(wc)
		if err != nil {
			return fmt.Errorf("devnet: start worker %d's enclave (remove %s to start with new keys): %w", i, sealedPath, err)
		}
		n := &node{enclave: w} // its account is known once the chain is
		d.workers = append(d.workers, n)
		sealed, err := w.Seal(ctx, &enclave.SealRequest{})
		if err != nil {
			return err
		}
		if err := os.WriteFile(sealedPath, sealed.Blob, 0o600); err != nil {
			return fmt.Errorf("devnet: store worker %d's sealed keys: %w", i, err)
		}
		if n.registration, err = w.Registration(ctx, &enclave.RegistrationRequest{}); err != nil {
			return err
		}
		n.signer = n.registration.SigningAddress
	}
	return nil
}

// joinWorkers registers, stakes and logs in every worker the chain does
// not already have so, all workers at once; fundErr waits for the dev
// accounts' ENG, which the stakes come from. It returns the highest block
// a worker logged in at (0 if none had to).
//
// Worker i's custodian is dev account i+1 (account 0 deploys and runs the
// key manager's transactions).
func (d *Devnet) joinWorkers(ctx context.Context, fundErr func() error) (uint64, error) {
	for i, n := range d.workers {
		n.account = chain.NodeAccount(d.accounts[i+1])
	}
	blocks := make([]uint64, len(d.workers))
	errs := make([]error, len(d.workers))
	var wg sync.WaitGroup
	for i, n := range d.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			blocks[i], errs[i] = d.joinWorker(ctx, i, n, fundErr)
		}()
	}
	wg.Wait()
	var last uint64
	for _, b := range blocks {
		last = max(last, b)
	}
	return last, errors.Join(errs...)
}

// joinWorker brings worker i to logged in. Registration and the approval of
// its stake are independent and sent together; the deposit waits for both
// and for the ENG, the login for the deposit. It returns the login's block,
// 0 if the worker was logged in already.
func (d *Devnet) joinWorker(ctx context.Context, i int, n *node, fundErr func() error) (uint64, error) {
	info, err := d.enigma.Worker(ctx, n.account.Address)
	if err != nil {
		return 0, fmt.Errorf("devnet: read worker %d on chain: %w", i, err)
	}
	needStake := info.Balance == nil || info.Balance.Sign() == 0
	var regErr, approveErr error
	var wg sync.WaitGroup
	if info.Signer != common.Address(n.signer) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			reg := n.registration
			if _, err := d.enigma.Register(ctx, n.account, common.Address(reg.SigningAddress), reg.Report, reg.ReportSignature[:]); err != nil {
				regErr = fmt.Errorf("devnet: register worker %d: %w", i, err)
			}
		}()
	}
	if needStake {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := d.enigma.ApproveEnigma(ctx, n.account, WorkerStakeENG); err != nil {
				approveErr = fmt.Errorf("devnet: approve worker %d's stake: %w", i, err)
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(regErr, approveErr); err != nil {
		return 0, err
	}
	if needStake {
		if err := fundErr(); err != nil {
			return 0, err
		}
		if _, err := d.enigma.Deposit(ctx, n.account, n.account.Address, WorkerStakeENG); err != nil {
			return 0, fmt.Errorf("devnet: stake worker %d: %w", i, err)
		}
	}
	if info, err = d.enigma.Worker(ctx, n.account.Address); err != nil {
		return 0, fmt.Errorf("devnet: read worker %d on chain: %w", i, err)
	}
	if info.Status == workerLoggedIn {
		return 0, nil
	}
	r, err := d.enigma.Login(ctx, n.account)
	if err != nil {
		return 0, fmt.Errorf("devnet: log worker %d in: %w", i, err)
	}
	d.log.Info("worker logged in", "worker", i, "signer", n.signer, "block", r.BlockNumber)
	return r.BlockNumber.Uint64(), nil
}

// newEpoch has the key manager sign the active workers and their stakes at
// the head block and sets them on chain; set is false when the current
// epoch is not epochSize blocks old yet.
func (d *Devnet) newEpoch(ctx context.Context) (set bool, err error) {
	block, err := d.client.BlockNumber(ctx)
	if err != nil {
		return false, err
	}
	// A resumed network may still be inside the epoch its last run set;
	// the contract refuses a second one before epochSize blocks passed.
	st, err := d.enigma.EpochState(ctx)
	if err != nil {
		return false, fmt.Errorf("devnet: read the epoch state: %w", err)
	}
	size, err := d.enigma.EpochSize(ctx) // a resumed contract keeps its own
	if err != nil {
		return false, err
	}
	if st.Count.Sign() > 0 && st.FirstBlock.Uint64()+size > block {
		d.log.Info("the current epoch stands", "first_block", st.FirstBlock)
		return false, nil
	}
	active, err := d.enigma.ActiveWorkers(ctx, block)
	if err != nil {
		return false, fmt.Errorf("devnet: read the active workers: %w", err)
	}
	nonce, err := d.enigma.UserTaskDeployments(ctx, common.Address(d.km.Address()))
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
	resp, err := d.km.NewEpoch(ctx, req)
	if err != nil {
		return false, fmt.Errorf("devnet: draw the epoch seed: %w", err)
	}
	if _, err := d.enigma.SetWorkersParams(ctx, chain.NodeAccount(d.accounts[0]), block, new(big.Int).SetBytes(resp.Seed[:]), resp.Signature[:]); err != nil {
		return false, fmt.Errorf("devnet: set the workers' parameters: %w", err)
	}
	d.log.Info("epoch set", "block", block, "workers", len(req.Workers))
	return true, nil
}

// epochLoop starts a new epoch whenever the current one is epochSize
// blocks old; newEpoch itself skips while the epoch stands.
func (d *Devnet) epochLoop(ctx context.Context) {
	period := d.cfg.BlockPeriod
	if period <= 0 {
		period = time.Second
	}
	t := time.NewTicker(period)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if _, err := d.newEpoch(ctx); err != nil && ctx.Err() == nil {
				d.log.Warn("new epoch failed; retrying", "err", err)
			}
		}
	}
}
