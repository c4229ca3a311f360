package devnet

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
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
}

// startWorkers starts cfg.Workers worker enclaves, each sealed to its own
// folder, and registers, stakes and logs in those not yet logged in. Worker
// i's custodian is dev account i+1 (account 0 deploys and runs the key
// manager's transactions).
func (d *Devnet) startWorkers(ctx context.Context, kc sim.Config) error {
	if len(d.accounts) < d.cfg.Workers+1 {
		return fmt.Errorf("devnet: %d workers need %d dev accounts, the node has %d", d.cfg.Workers, d.cfg.Workers+1, len(d.accounts))
	}
	engine, err := vm.NewEngine(ctx, vm.DefaultConfig())
	if err != nil {
		return fmt.Errorf("devnet: start the VM: %w", err)
	}
	d.engine = engine
	for i := 0; i < d.cfg.Workers; i++ {
		dir := filepath.Join(d.cfg.DataDir, fmt.Sprintf("worker%d", i))
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return err
		}
		wc := kc
		wc.SealKeyFile, wc.KeyManager, wc.Runner = filepath.Join(dir, "seal.key"), d.km.Address(), sim.NewVMRunner(engine)
		sealedPath := filepath.Join(dir, "sealed")
		if wc.Sealed, err = os.ReadFile(sealedPath); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("devnet: read worker %d's sealed keys: %w", i, err)
		}
		w, err := sim.NewWorker(wc)
		if err != nil {
			return fmt.Errorf("devnet: start worker %d's enclave (remove %s to start with new keys): %w", i, sealedPath, err)
		}
		n := &node{enclave: w, account: chain.NodeAccount(d.accounts[i+1])}
		d.workers = append(d.workers, n)
		sealed, err := w.Seal(ctx, &enclave.SealRequest{})
		if err != nil {
			return err
		}
		if err := os.WriteFile(sealedPath, sealed.Blob, 0o600); err != nil {
			return fmt.Errorf("devnet: store worker %d's sealed keys: %w", i, err)
		}
		reg, err := w.Registration(ctx, &enclave.RegistrationRequest{})
		if err != nil {
			return err
		}
		n.signer = reg.SigningAddress
		info, err := d.enigma.Worker(ctx, n.account.Address)
		if err != nil {
			return fmt.Errorf("devnet: read worker %d on chain: %w", i, err)
		}
		if info.Signer != common.Address(reg.SigningAddress) {
			if _, err := d.enigma.Register(ctx, n.account, common.Address(reg.SigningAddress), reg.Report, reg.ReportSignature[:]); err != nil {
				return fmt.Errorf("devnet: register worker %d: %w", i, err)
			}
			if err := d.enigma.ApproveAndDeposit(ctx, n.account, WorkerStakeENG); err != nil {
				return fmt.Errorf("devnet: stake worker %d: %w", i, err)
			}
		}
		if info, err = d.enigma.Worker(ctx, n.account.Address); err != nil {
			return err
		}
		if info.Status == workerLoggedIn {
			continue
		}
		if _, err := d.enigma.Login(ctx, n.account); err != nil {
			return fmt.Errorf("devnet: log worker %d in: %w", i, err)
		}
		d.log.Info("worker logged in", "worker", i, "signer", reg.SigningAddress)
	}
	return nil
}

// newEpoch has the key manager sign the active workers and their stakes at
// the head block and sets them on chain.
func (d *Devnet) newEpoch(ctx context.Context) error {
	block, err := d.client.BlockNumber(ctx)
	if err != nil {
		return err
	}
	// A resumed network may still be inside the epoch its last run set;
	// the contract refuses a second one before epochSize blocks passed.
	st, err := d.enigma.EpochState(ctx)
	if err != nil {
		return fmt.Errorf("devnet: read the epoch state: %w", err)
	}
	size, err := d.enigma.EpochSize(ctx) // a resumed contract keeps its own
	if err != nil {
		return err
	}
	if st.Count.Sign() > 0 && st.FirstBlock.Uint64()+size > block {
		d.log.Info("the current epoch stands", "first_block", st.FirstBlock)
		return nil
	}
	active, err := d.enigma.ActiveWorkers(ctx, block)
	if err != nil {
		return fmt.Errorf("devnet: read the active workers: %w", err)
	}
	nonce, err := d.enigma.UserTaskDeployments(ctx, common.Address(d.km.Address()))
	if err != nil {
		return err
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
		return fmt.Errorf("devnet: draw the epoch seed: %w", err)
	}
	if _, err := d.enigma.SetWorkersParams(ctx, chain.NodeAccount(d.accounts[0]), block, new(big.Int).SetBytes(resp.Seed[:]), resp.Signature[:]); err != nil {
		return fmt.Errorf("devnet: set the workers' parameters: %w", err)
	}
	d.log.Info("epoch set", "block", block, "workers", len(req.Workers))
	return nil
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
			if err := d.newEpoch(ctx); err != nil && ctx.Err() == nil {
				d.log.Warn("new epoch failed; retrying", "err", err)
			}
		}
	}
}
