// Package e2e measures a whole network's figures for `enigma bench e2e`:
// the worker's task pipeline without the chain (Pipeline) and the start,
// memory and shutdown of an `enigma devnet` process (MeasureStart).
//
// The pipeline plays the client and the worker's host itself around the
// real simulated enclaves, the real VM and the real Pebble state store. The
// package must not import the chain, the gateway or the devnet: what it
// measures is the worker's own share of a task, not the chain's.
package e2e

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/enclave/sim"
	"github.com/enigma-go/enigma/internal/enclave/testcontract"
	"github.com/enigma-go/enigma/internal/node"
	"github.com/enigma-go/enigma/internal/state"
)

// PipelineConfig sizes a pipeline run.
type PipelineConfig struct {
	// Dir holds the state store; "" makes a temporary folder, removed on
	// Close. It should be on the disk a worker would use: commits are synced.
	Dir string
	// Contracts is how many secret contracts the tasks are spread over.
	// Tasks of one contract run one after the other (each builds on the
	// previous one's state); contracts run in parallel.
	Contracts int
	// Parallelism bounds the tasks in the enclave at once; 0 = GOMAXPROCS.
	Parallelism int
	// GroupCommit is the state store's GroupCommit.
	GroupCommit bool
}

// DefaultPipelineConfig spreads tasks over 32 contracts with group commit.
func DefaultPipelineConfig() PipelineConfig {
	return PipelineConfig{Contracts: 32, GroupCommit: true}
}

// Validate reports settings a pipeline cannot run with.
func (c PipelineConfig) Validate() error {
	var errs []error
	if c.Contracts < 1 {
		errs = append(errs, errors.New("e2e: Contracts must be at least 1"))
	}
	if c.Parallelism < 0 {
		errs = append(errs, errors.New("e2e: Parallelism must not be negative (0 = GOMAXPROCS)"))
	}
	return errors.Join(errs...)
}

// Pipeline is a key manager and a worker enclave with deployed contracts
// and a state store, ready to run tasks.
type Pipeline struct {
	cfg    PipelineConfig
	tmp    string
	parts  *node.Offline
	km     *sim.KeyManager
	worker *sim.Worker
	store  *state.PebbleStore
	code   []byte
	slots  chan struct{} // bounds the tasks in the enclave at once
	mu     sync.Mutex
	next   uint64 // task counter, for unique task ids
	cons   []*contract
}

// contract is one deployed contract and the state the host last stored.
type contract struct {
	addr  api.ContractAddress
	state []byte
	last  api.Hash
}

// epoch is the block number the pipeline's epoch starts at.
const epoch = 100

// NewPipeline starts the enclaves, the VM and the store, and deploys
// cfg.Contracts contracts (deploys are committed to the store like tasks).
func NewPipeline(ctx context.Context, cfg PipelineConfig) (_ *Pipeline, err error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if cfg.Parallelism == 0 {
		cfg.Parallelism = runtime.GOMAXPROCS(0)
	}
	p := &Pipeline{cfg: cfg, code: testcontract.Contract(), slots: make(chan struct{}, cfg.Parallelism)}
	defer func() {
		if err != nil {
			p.Close()
		}
	}()
	dir := cfg.Dir
	if dir == "" {
		if p.tmp, err = os.MkdirTemp("", "enigma-e2e-pipeline-"); err != nil {
			return nil, err
		}
		dir = p.tmp
	}
	// The parts a worker node runs (internal/node), without the chain.
	if p.parts, err = node.NewOffline(ctx, dir, cfg.GroupCommit); err != nil {
		return nil, fmt.Errorf("e2e: %w", err)
	}
	p.km, p.worker, p.store = p.parts.KeyManager, p.parts.Worker, p.parts.Store
	if err := p.deploy(ctx); err != nil {
		return nil, err
	}
	return p, nil
}

// deploy deploys the contracts after fetching their state keys from the
// key manager in one request, as a worker does at an epoch's start.
func (p *Pipeline) deploy(ctx context.Context) error {
	ep, err := enclave.SetEpoch(ctx, p.km, &enclave.NewEpochRequest{BlockNumber: epoch,
		Workers: []api.EthAddress{p.worker.Address()}, Stakes: [][32]byte{{31: 1}}}, epoch)
	if err != nil {
		return fmt.Errorf("e2e: set the epoch: %w", err)
	}
	reqs := make([]*enclave.ExecuteRequest, p.cfg.Contracts)
	addrs := make([]api.Hash, p.cfg.Contracts)
	for i := range reqs {
		t, err := p.clientTask(ctx, nil, enclave.KindDeploy, "construct(bytes)", []byte("0"))
		if err != nil {
			return err
		}
		reqs[i], addrs[i] = t, t.Contract
	}
	skr, err := p.worker.StateKeysRequest(ctx, &enclave.NewStateKeysRequest{EpochSeed: ep.Seed, Contracts: addrs})
	if err != nil {
		return fmt.Errorf("e2e: ask for state keys: %w", err)
	}
	reply, err := p.km.GetStateKeys(ctx, skr)
	if err != nil {
		return fmt.Errorf("e2e: get state keys: %w", err)
	}
	if _, err := p.worker.InstallStateKeys(ctx, reply); err != nil {
		return fmt.Errorf("e2e: install state keys: %w", err)
	}
	for _, req := range reqs {
		c := &contract{addr: req.Contract}
		if err := p.execute(ctx, c, req); err != nil {
			return fmt.Errorf("e2e: deploy: %w", err)
		}
		p.cons = append(p.cons, c)
	}
	return nil
}

// Close stops everything and removes a temporary folder.
func (p *Pipeline) Close() error {
	var errs []error
	if p.parts != nil {
		errs = append(errs, p.parts.Close())
	}
	if p.tmp != "" {
		errs = append(errs, os.RemoveAll(p.tmp))
	}
	return errors.Join(errs...)
}

// Result is one pipeline run.
type Result struct {
	Tasks, Contracts, Parallelism int
	// KeyTime is the wall time the worker spent issuing the tasks' keys
	// (key generation, ECDH, signature), from Parallelism goroutines.
	KeyTime time.Duration
	// ExecTime is the wall time of executing and durably committing the
	// tasks: decrypt, VM run, encrypt output and state, sign the receipt,
	// synced state store write.
	ExecTime time.Duration
	// Commits and Syncs are the store's counters over the run: how many
	// task writes one group sync carried on average is Commits/Syncs
	// (Syncs is 0 without GroupCommit).
	Commits, Syncs uint64
}

// TasksPerSec is the worker's whole per-task rate: key issuance and
// execution with its durable commit.
func (r Result) TasksPerSec() float64 { return rate(r.Tasks, r.KeyTime+r.ExecTime) }

// ExecPerSec is the rate of execution and durable commit alone.
func (r Result) ExecPerSec() float64 { return rate(r.Tasks, r.ExecTime) }

func rate(n int, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return float64(n) / d.Seconds()
}

// Run pushes n compute tasks ("set(bytes)": each writes the contract's
// state, so each has a delta to chain and store) through the worker,
// round-robin over the contracts. The clients' work (their key pairs, ECDH
// and encryption) is done between the two timed phases and not counted:
// first the worker issues every task's key, then the tasks run, contracts
// in parallel and each contract's in order, each ending with its synced
// state commit.
func (p *Pipeline) Run(ctx context.Context, n int) (Result, error) {
	r := Result{Tasks: n, Contracts: len(p.cons), Parallelism: p.cfg.Parallelism}
	before := p.store.Stats()

	users := make([]*userKey, n)
	t0 := time.Now()
	if err := p.parallel(n, func(i int) error {
		var err error
		users[i], err = p.issueKey(ctx)
		return err
	}); err != nil {
		return r, err
	}
	r.KeyTime = time.Since(t0)

	perContract := make([][]*enclave.ExecuteRequest, len(p.cons))
	reqs := make([]*enclave.ExecuteRequest, n)
	if err := p.parallel(n, func(i int) error {
		var err error
		reqs[i], err = p.clientTask(ctx, users[i], enclave.KindCompute, "set(bytes)", fmt.Appendf(nil, "value %d", i))
		return err
	}); err != nil {
		return r, err
	}
	for i, req := range reqs {
		c := p.cons[i%len(p.cons)]
		req.Contract = c.addr
		perContract[i%len(p.cons)] = append(perContract[i%len(p.cons)], req)
	}

	t0 = time.Now()
	errs := make([]error, len(p.cons))
	var wg sync.WaitGroup
	for ci, c := range p.cons {
		wg.Go(func() {
			for _, req := range perContract[ci] {
				if err := p.execute(ctx, c, req); err != nil {
					errs[ci] = err
					return
				}
			}
		})
	}
	wg.Wait()
	r.ExecTime = time.Since(t0)
	after := p.store.Stats()
	r.Commits, r.Syncs = after.Writes-before.Writes, after.Syncs-before.Syncs
	return r, errors.Join(errs...)
}

// parallel runs fn(0..n-1) from Parallelism goroutines.
func (p *Pipeline) parallel(n int, fn func(i int) error) error {
	next := make(chan int, n)
	for i := range n {
		next <- i
	}
	close(next)
	errs := make([]error, p.cfg.Parallelism)
	var wg sync.WaitGroup
	for g := range p.cfg.Parallelism {
		wg.Go(func() {
			for i := range next {
				if err := fn(i); err != nil {
					errs[g] = err
					return
				}
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// userKey is a client's key pair and the AES key it shares with the task
// key the worker issued to it.
type userKey struct {
	pub    [64]byte
	shared [32]byte
}

// issueKey is the worker's getWorkerEncryptionKey; the client's half of
// the ECDH is done here too but is cheap next to the enclave's (which also
// signs), and it keeps the two halves of one exchange together.
func (p *Pipeline) issueKey(ctx context.Context) (*userKey, error) {
	user, err := compat.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	u := &userKey{pub: compat.PublicKeyBytes(&user.PublicKey)}
	// Each user is a client of its own (as a gateway names clients by
	// address), so the worker's per-requester bound applies to each.
	tk, err := p.worker.NewTaskKey(ctx, &enclave.TaskKeyRequest{UserPubKey: u.pub, Epoch: epoch, Requester: [32]byte(u.pub[:32])})
	if err != nil {
		return nil, fmt.Errorf("e2e: issue a task key: %w", err)
	}
	wpub, err := compat.ParsePublicKey(tk.WorkerPubKey[:])
	if err != nil {
		return nil, err
	}
	u.shared = compat.DeriveKey(user, wpub)
	return u, nil
}

// clientTask encrypts a task as a client does. A nil user gets a fresh
// key from the worker. The contract (and for a compute task the inputs
// hash, which covers it) is set for a deploy only; Run sets compute tasks'
// contract before hashing.
func (p *Pipeline) clientTask(ctx context.Context, u *userKey, kind enclave.TaskKind, fn string, args []byte) (*enclave.ExecuteRequest, error) {
	if u == nil {
		var err error
		if u, err = p.issueKey(ctx); err != nil {
			return nil, err
		}
	}
	encFn, err := compat.Encrypt(u.shared, []byte(fn), rand.Reader)
	if err != nil {
		return nil, err
	}
	encArgs, err := compat.Encrypt(u.shared, args, rand.Reader)
	if err != nil {
		return nil, err
	}
	p.mu.Lock()
	p.next++
	id := compat.Keccak256([]byte("e2e pipeline task"), fmt.Appendf(nil, "%d", p.next))
	p.mu.Unlock()
	req := &enclave.ExecuteRequest{Kind: kind, Envelope: enclave.EnvelopeCompat, UserPubKey: u.pub,
		EncryptedFn: encFn, EncryptedArgs: encArgs, GasLimit: 1_000_000, BlockNumber: epoch + 1,
		BlockTime: 1_700_000_000, Epoch: epoch, TaskID: id}
	if kind == enclave.KindDeploy {
		req.Contract, req.Code = id, p.code
	}
	return req, nil
}

// execute runs one task of contract c against its stored state and commits
// the outcome durably, as the worker node does before sending the receipt.
// Calls for one contract must not overlap.
func (p *Pipeline) execute(ctx context.Context, c *contract, req *enclave.ExecuteRequest) error {
	x := c.addr[:]
	if req.Kind == enclave.KindDeploy {
		h := compat.Keccak256(p.code)
		x = h[:]
	} else {
		req.Code, req.State, req.PrevDeltaHash = p.code, c.state, c.last
	}
	req.InputsHash = compat.InputsHash(req.EncryptedFn, req.EncryptedArgs, x, req.UserPubKey[:])

	p.slots <- struct{}{}
	resp, err := p.worker.Execute(ctx, req)
	<-p.slots
	if err != nil {
		return fmt.Errorf("e2e: execute: %w", err)
	}
	if resp.Status != enclave.TaskSuccess {
		return fmt.Errorf("e2e: task %s failed with code %d", req.TaskID, resp.FailureCode)
	}
	commit := &state.TaskCommit{PrevHash: resp.PrevDeltaHash,
		Result: state.TaskResult{TaskID: resp.TaskID, Contract: req.Contract, Kind: state.KindCompute, Status: api.StatusSuccess,
			Output: resp.Output, UsedGas: resp.GasUsed, Signature: resp.Signature[:]}}
	if req.Kind == enclave.KindDeploy {
		commit.Result.Kind, commit.Result.PreCodeHash, commit.Code = state.KindDeploy, resp.PreCodeHash, req.Code
	}
	if !resp.DeltaHash.IsZero() {
		commit.Delta = &state.Delta{Index: resp.DeltaIndex, Hash: resp.DeltaHash, Data: resp.Delta}
		commit.State = resp.State
	}
	if err := p.store.CommitTask(ctx, commit); err != nil {
		return fmt.Errorf("e2e: commit task %s: %w", req.TaskID, err)
	}
	if !resp.DeltaHash.IsZero() {
		c.state, c.last = resp.State, resp.DeltaHash
	}
	return nil
}
