package devnet

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
	enode "github.com/enigma-go/enigma/internal/node"
	"github.com/enigma-go/enigma/internal/telemetry"
	"github.com/enigma-go/enigma/internal/worker"
)

// WorkerStakeENG is each worker's deposit in ENG base units: 1,000 ENG.
var WorkerStakeENG = new(big.Int).Mul(big.NewInt(1_000), big.NewInt(100_000_000))

// node is one worker: its host (enclave, store and the worker node around
// them, built by internal/node) and the role account that is its
// custodian.
type node struct {
	host    *enode.WorkerHost
	account chain.Account
	signer  api.EthAddress
}

// workerDir is worker i's data folder.
func (d *Devnet) workerDir(i int) string {
	return filepath.Join(d.cfg.DataDir, fmt.Sprintf("worker%d", i))
}

// startEnclaves starts what needs no chain, the way `enigma node` does
// (internal/node): the key manager's enclave and the simulated attestation
// service (their keys survive restarts in the data folder), the VM, and
// cfg.Workers worker enclaves, each sealed to its own folder, all at once.
func (d *Devnet) startEnclaves(ctx context.Context) error {
	dir := d.cfg.DataDir
	engine := make(chan error, 1)
	go func() {
		var err error
		d.engine, err = enode.NewVM(ctx, d.log)
		engine <- err
	}()
	h, err := enode.NewKMHost(ctx, dir, "", d.log)
	if eerr := <-engine; err == nil {
		err = eerr
	}
	if h != nil {
		d.kmHost = h
	}
	if err != nil {
		return err
	}
	hosts := make([]*enode.WorkerHost, d.cfg.Workers)
	errs := make([]error, d.cfg.Workers)
	var wg sync.WaitGroup
	for i := range hosts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			wdir := d.workerDir(i)
			if err := os.MkdirAll(wdir, 0o700); err != nil {
				errs[i] = err
				return
			}
			if hosts[i], errs[i] = enode.NewWorkerHost(ctx, wdir, h.Signer, d.engine, d.log); errs[i] != nil {
				errs[i] = fmt.Errorf("devnet: worker %d: %w", i, errs[i])
			}
		}()
	}
	wg.Wait()
	// Its account is known once the chain is.
	for _, h := range hosts {
		if h != nil {
			d.workers = append(d.workers, &node{host: h, signer: h.Signer})
		}
	}
	return errors.Join(errs...)
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
			b, err := n.host.Join(ctx, d.enigma, n.account, d.kmHost.Attestor, WorkerStakeENG, fundErr)
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

// startWorkerNodes starts each worker node (internal/node's
// WorkerHost.Start), which takes tasks from the gateway. The devnet's
// transport is in process: the workers and the gateway find one another
// in d.nodes and reach the key manager's node directly.
func (d *Devnet) startWorkerNodes(ctx context.Context) error {
	d.nodes = worker.NewNodes()
	net := enode.WorkerNet{Directory: d.nodes, KeyService: d.kmNode, Attestor: d.kmHost.Attestor}
	limits := enode.WorkerLimits{ReceiptTimeout: d.cfg.WorkerReceiptTimeout}
	for i, n := range d.workers {
		n.host.Metrics = d.metrics.For(telemetry.RoleWorker, strconv.Itoa(i))
		if err := n.host.Start(ctx, d.enigma, n.account, net, limits, d.log); err != nil {
			return fmt.Errorf("devnet: worker %d: %w", i, err)
		}
		d.nodes.Add(n.host.Worker)
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
	return n.host.Close()
}

// Workers are the workers' signing addresses, worker 0 first.
func (d *Devnet) Workers() []api.EthAddress {
	out := make([]api.EthAddress, len(d.workers))
	for i, n := range d.workers {
		out[i] = n.signer
	}
	return out
}
