package devnet

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"sync"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/enclave/sim"
	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/internal/vm"
	"github.com/enigma-go/enigma/internal/worker"
)

// WorkerStakeENG is each worker's deposit in ENG base units: 1,000 ENG.
var WorkerStakeENG = new(big.Int).Mul(big.NewInt(1_000), big.NewInt(100_000_000))

// node is one worker: its enclave, the role account that is its custodian,
// its state store and the worker node around them.
type node struct {
	enclave *sim.Worker
	account chain.Account
	signer  api.EthAddress
	store   *state.PebbleStore
	worker  *worker.Worker
	stop    sync.Once
	stopErr error
}

// startEnclaves starts what needs no chain: the key manager's enclave
// (its keys and the simulated attestation signer's survive restarts in the
// data folder), the VM, and cfg.Workers worker enclaves, each sealed to its
// own folder.
func (d *Devnet) startEnclaves(ctx context.Context) error {
	dir := d.cfg.DataDir
	attestation, err := sim.LoadOrCreateAttestationKey(filepath.Join(dir, "attestation.key"))
	if err != nil {
		return err
	}
	// The simulated attestation service: it signs the enclaves' reports
	// for registration; no enclave and no worker holds its key.
	d.attestor = sim.NewAttestor(attestation)
	kc := sim.DefaultConfig()
	kc.SealKeyFile = filepath.Join(dir, "km.seal")
	sealedPath := filepath.Join(dir, "km.sealed")
	if kc.Sealed, err = os.ReadFile(sealedPath); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("devnet: read the key manager's sealed keys: %w", err)
	}
	if d.km, err = sim.NewKeyManager(kc); err != nil {
		return fmt.Errorf("devnet: start the key manager enclave (remove %s to start with new keys): %w", sealedPath, err)
	}
	// The sealed signing key keeps the principal address across restarts,
	// so a resumed chain still accepts the key manager's epochs.
	if err := d.sealKM(ctx); err != nil {
		return err
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
		n.signer = w.Address()
	}
	return nil
}

// sealKM stores the key manager enclave's sealed keys in the data folder:
// its signing key, and (called again whenever they change) the contracts'
// state keys and the epochs it signed, so a restarted devnet still serves
// the contracts of its previous run.
func (d *Devnet) sealKM(ctx context.Context) error {
	d.sealMu.Lock()
	defer d.sealMu.Unlock()
	sealed, err := d.km.Seal(ctx, &enclave.SealRequest{})
	if err != nil {
		return fmt.Errorf("devnet: seal the key manager's keys: %w", err)
	}
	if err := writeFileAtomic(filepath.Join(d.cfg.DataDir, "km.sealed"), sealed.Blob, 0o600); err != nil {
		return fmt.Errorf("devnet: store the key manager's sealed keys: %w", err)
	}
	return nil
}

// joinWorkers registers, stakes and logs in every worker the chain does
// not already have so, all workers at once; fundErr waits for the
// custodians' ENG, which the stakes come from. It returns the highest block
// a worker logged in at (0 if none had to). Worker i's custodian is role
// account devchain.RoleWorker(i) (assignRoles).
func (d *Devnet) joinWorkers(ctx context.Context, fundErr func() error) (uint64, error) {
	blocks := make([]uint64, len(d.workers))
	errs := make([]error, len(d.workers))
	var wg sync.WaitGroup
	for i, n := range d.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b, err := worker.Join(ctx, d.enigma, n.account, n.enclave, d.attestor, WorkerStakeENG, fundErr)
			if err != nil {
				err = fmt.Errorf("devnet: worker %d: %w", i, err)
			} else if b != 0 {
				d.log.Info("worker logged in", "worker", i, "signer", n.signer, "block", b)
			}
			blocks[i], errs[i] = b, err
		}()
	}
	wg.Wait()
	var last uint64
	for _, b := range blocks {
		last = max(last, b)
	}
	return last, errors.Join(errs...)
}

// startWorkerNodes opens each worker's state store (worker<i>/state) and
// starts its worker node, which takes tasks from the gateway.
func (d *Devnet) startWorkerNodes(ctx context.Context) error {
	d.nodes = worker.NewNodes()
	for i, n := range d.workers {
		sc := state.DefaultConfig()
		sc.Dir = filepath.Join(d.cfg.DataDir, fmt.Sprintf("worker%d", i), "state")
		store, err := state.Open(sc, d.log)
		if err != nil {
			return fmt.Errorf("devnet: open worker %d's state store: %w", i, err)
		}
		n.store = store
		wc := worker.DefaultConfig()
		wc.Enclave, wc.Store, wc.Enigma, wc.Account = n.enclave, store, d.enigma, n.account
		wc.KeyManager, wc.Directory, wc.Logger = d.kmNode, d.nodes, d.log
		if d.cfg.WorkerReceiptTimeout > 0 {
			wc.ReceiptTimeout = d.cfg.WorkerReceiptTimeout
		}
		if n.worker, err = worker.New(ctx, wc); err != nil {
			return fmt.Errorf("devnet: start worker %d: %w", i, err)
		}
		d.nodes.Add(n.worker)
	}
	return nil
}

// StopWorker stops worker i as if its machine died: it leaves the network
// at once, the tasks it accepted and did not commit stay open on chain
// (refundable after the timeout), and submissions naming it are refused.
// It stays registered and logged in on chain, so it keeps being selected.
func (d *Devnet) StopWorker(i int) error {
	if i < 0 || i >= len(d.workers) {
		return fmt.Errorf("devnet: no worker %d (the devnet runs %d)", i, len(d.workers))
	}
	n := d.workers[i]
	d.nodes.Remove(n.signer)
	return n.close()
}

// Workers are the workers' signing addresses, worker 0 first.
func (d *Devnet) Workers() []api.EthAddress {
	out := make([]api.EthAddress, len(d.workers))
	for i, n := range d.workers {
		out[i] = n.signer
	}
	return out
}

// close stops the worker node, then its store and enclave; only once.
func (n *node) close() error {
	n.stop.Do(func() {
		var errs []error
		if n.worker != nil {
			errs = append(errs, n.worker.Close())
		}
		if n.store != nil {
			errs = append(errs, n.store.Close())
		}
		n.stopErr = errors.Join(append(errs, n.enclave.Close())...)
	})
	return n.stopErr
}
