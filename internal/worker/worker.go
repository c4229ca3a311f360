// Package worker is the worker node: the host around a worker enclave. It
// accepts tasks from the gateway (or from another worker that forwards
// them), checks each against its task record on the Enigma contract, gets
// the contract's state key from the key manager and its latest state from
// its own store or from the other workers, runs the task in the enclave,
// stores the encrypted result and state, and commits the signed receipt on
// chain. Every task it accepts ends on chain with a receipt or a failure
// receipt; when the host itself cannot finish one, the task stays open on
// chain and its sender reclaims the fee after the timeout.
//
// Tasks of one secret contract run one at a time in the order accepted
// (each builds on the previous one's state delta); tasks of different
// contracts run in parallel, and their receipts are sent without waiting
// for each other, so several land in the same block.
//
// Batched tasks (docs/protocol/batched.md) have no task record: the worker
// checks each against its sender's signature and balance, runs a
// contract's batched tasks in order in the contract's lane and commits them
// in batches, one commitBatch transaction per batch.
//
// The package imports the enclave interface, the state store and the chain
// client; it never imports the gateway's server, the key manager node or
// the devnet.
package worker

import (
	"context"
	"errors"
	"fmt"
	"github.com/enigma-go/enigma/internal/workerapi"
	"log/slog"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/state"
)

// Config configures a worker node.
type Config struct {
	Enclave enclave.Enclave // the worker's enclave; required
	Store   state.Store     // the worker's state store; required
	Enigma  *chain.Enigma   // the Enigma contract; required
	// Account is the worker's custodian (staking) account, which sends its
	// receipts; required.
	Account chain.Account
	// KeyManager hands out contract state keys; required.
	KeyManager KeyService
	// Directory finds the other workers, to forward tasks this worker was
	// not selected for and to sync contract state; nil for a lone worker.
	Directory Directory

	// RecordWait is how long a submission waits for its task record to
	// appear on chain (the client sends the record first, but a node may
	// lag a block behind).
	RecordWait time.Duration
	// TaskTimeout bounds one task from dequeue until its receipt is sent:
	// state sync, state key, execution, store and the receipt's gas
	// estimate and sending.
	TaskTimeout time.Duration
	// ReceiptTimeout bounds the wait for a sent receipt to be mined. When
	// it passes, the receipt may still be mined: the worker keeps the
	// task's delta and checks the task record in the background, with
	// backoff, until the chain decides (docs/worker.md).
	ReceiptTimeout time.Duration
	// SettleTimeout bounds that background check; after it the contract's
	// next task syncs with the chain as after a restart.
	SettleTimeout time.Duration
	// MaxQueued bounds the tasks waiting per contract; beyond it a
	// submission is refused with api.CodeUnavailable.
	MaxQueued int
	// MaxPending bounds the accepted tasks not yet run, all contracts
	// together (each is also on disk until it ends); beyond it a
	// submission is refused with api.CodeUnavailable.
	MaxPending int
	// ResultRetention is how long the store keeps a task's result after
	// it was stored (about when the task ended); 0 keeps results for ever
	// (MaxResults still bounds them). A client reads its result well
	// within it.
	ResultRetention time.Duration
	// MaxResults bounds the task results the store keeps: beyond it the
	// oldest go first.
	MaxResults int
	// PruneEvery is how often the worker prunes its store's results.
	PruneEvery time.Duration
	// KeepEpochs is how many epochs (the current one included) the
	// enclave keeps issued keys for (sim.Config.KeepEpochs): the stored
	// sealed keys of older epochs are pruned.
	KeepEpochs int
	// BatchSize is the most tasks one batch of the batched path holds
	// (docs/protocol/batched.md): a contract's lane signs its open batch
	// once it holds that many.
	BatchSize int
	// BatchAge closes a contract's open batch once its oldest task was
	// accepted that long ago (about one block).
	BatchAge time.Duration
	// MaxBatchedPending bounds the batched tasks accepted and not ended,
	// all contracts together (each is also on disk until it ends); beyond
	// it a submission is refused with api.CodeUnavailable.
	MaxBatchedPending int
	// MaxBatchedPerSender bounds the batched tasks of one sender accepted
	// and not ended, so that one sender cannot take all of
	// MaxBatchedPending and lock every other user out; beyond it the
	// sender's submissions are refused with api.CodeUnavailable.
	MaxBatchedPerSender int
	// QueryGasLimit caps a secret query's gas (docs/protocol/queries.md):
	// a query asks for at most this much, and gets this much when it asks
	// for none. Queries are free to their callers, so the cap is what
	// bounds the worker's work per query.
	QueryGasLimit uint64
	// MaxQueries bounds the replay set: the queries the worker remembers
	// until they expire (at most an hour). While it is full, queries are
	// refused with api.CodeRateLimited.
	MaxQueries int
	// Announce, when set, is given each task's result once the chain
	// decided its outcome (the p2p layer gossips it to the gateways). It
	// must not block for long.
	Announce func(*workerapi.TaskResult)
	// Now is the worker's clock (pruning); nil means time.Now.
	Now    func() time.Time
	Logger *slog.Logger // nil discards
	// Metrics, when set, receive the worker's metrics (NewMetrics), and
	// every call into its enclave is timed; nil: NopMetrics.
	Metrics *Metrics
}

// DefaultConfig returns the settings a worker runs with; set the required
// fields.
func DefaultConfig() Config {
	return Config{RecordWait: 5 * time.Second, TaskTimeout: 2 * time.Minute, ReceiptTimeout: 2 * time.Minute,
		SettleTimeout: time.Hour, MaxQueued: 1024, MaxPending: 1 << 14,
		ResultRetention: 7 * 24 * time.Hour, MaxResults: 1 << 20, PruneEvery: 10 * time.Minute, KeepEpochs: 3,
		BatchSize: 256, BatchAge: time.Second, MaxBatchedPending: 1 << 15, MaxBatchedPerSender: 1 << 12,
		QueryGasLimit: DefaultQueryGasLimit, MaxQueries: 100_000}
}

// DefaultQueryGasLimit is a query's gas cap unless configured: 100 M gas,
// about 10 ms of contract instructions at the measured rates (docs/gas.md),
// a hundredth of what a task may use (vm.Schedule.MaxTaskGas). It covers
// the fixed charges (a compute's 10,000, the reset of a Go contract's
// pages, 1 per byte of the contract's state, up to 4 MiB) with room for
// the function itself.
const DefaultQueryGasLimit = 100_000_000

// Validate reports settings the worker cannot run with.
func (c Config) Validate() error {
	var errs []error
	if c.Enclave == nil {
		errs = append(errs, errors.New("worker: Config.Enclave is required"))
	}
	if c.Store == nil {
		errs = append(errs, errors.New("worker: Config.Store is required"))
	}
	if c.Enigma == nil {
		errs = append(errs, errors.New("worker: Config.Enigma is required"))
	}
	if c.Account.Address == (common.Address{}) {
		errs = append(errs, errors.New("worker: Config.Account (the custodian that sends receipts) is required"))
	}
	if c.KeyManager == nil {
		errs = append(errs, errors.New("worker: Config.KeyManager is required"))
	}
	if c.RecordWait <= 0 || c.TaskTimeout <= 0 || c.ReceiptTimeout <= 0 || c.SettleTimeout <= 0 || c.MaxQueued <= 0 ||
		c.MaxPending <= 0 || c.MaxResults <= 0 || c.PruneEvery <= 0 || c.KeepEpochs <= 0 {
		errs = append(errs, errors.New("worker: RecordWait, TaskTimeout, ReceiptTimeout, SettleTimeout, MaxQueued, MaxPending, MaxResults, PruneEvery and KeepEpochs must be positive (start from DefaultConfig)"))
	}
	if c.BatchSize <= 0 || c.BatchAge <= 0 || c.MaxBatchedPending <= 0 || c.MaxBatchedPerSender <= 0 {
		errs = append(errs, errors.New("worker: BatchSize, BatchAge, MaxBatchedPending and MaxBatchedPerSender must be positive (start from DefaultConfig)"))
	}
	if c.QueryGasLimit == 0 || c.MaxQueries <= 0 {
		errs = append(errs, errors.New("worker: QueryGasLimit and MaxQueries must be positive (start from DefaultConfig)"))
	}
	if c.ResultRetention < 0 {
		errs = append(errs, errors.New("worker: ResultRetention must not be negative (0 keeps results until MaxResults)"))
	}
	return errors.Join(errs...)
}

// Worker is a running worker node. It is safe for concurrent use.
type Worker struct {
	cfg     Config
	log     *slog.Logger
	signer  api.EthAddress
	chainID uint64

	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	// Every map below is bounded (docs/worker.md, "Memory and disk").
	mu        sync.Mutex
	closed    bool
	jobs      map[api.TaskID]*job                     // accepted tasks not yet run: MaxPending
	admitting map[api.TaskID]*admission               // submissions being checked, one per task id
	final     *recent[api.TaskStatus]                 // on-chain outcome of finished tasks
	queues    map[api.ContractAddress][]*job          // per contract, in order: the jobs again
	keys      *recent[[32]byte]                       // epoch seed the contract's key was installed for
	faults    *recent[string]                         // tasks the host could not finish, and why
	unsettled map[api.TaskID]*pendingReceipt          // receipts sent whose outcome is unknown: one per contract, SettleTimeout
	settling  map[api.ContractAddress]*pendingReceipt // the one a contract's next task waits for
	seq       uint64                                  // the next accepted task's place in the store's pending order
	stats     Stats

	issuedMu sync.Mutex // orders the issued keys' epoch bookkeeping
	issued   issuedBook // KeepEpochs epochs and epoch keys

	b  *batcher  // the batched path
	qs *querySet // queries answered, until they expire
	m  *Metrics
}

// remembered bounds how many finished and failed tasks the worker
// remembers (each kind): enough to refuse a resubmission of a task it
// could not finish for as long as that task can still be resubmitted in
// practice, at about 100 bytes a task. An older task is looked up in the
// store and on chain instead. It also bounds the contracts whose state key
// the worker remembers installing (a forgotten one is asked for again).
const remembered = 1 << 14

// Stats counts what the worker did.
type Stats struct {
	Accepted, Forwarded, Succeeded, Failed, HostFailures uint64
	// Unsettled counts receipts whose wait ended without their outcome;
	// each was then checked in the background.
	Unsettled uint64
	// Resumed counts the tasks accepted before a restart that New queued
	// again; Dropped those it dropped (past their timeout).
	Resumed, Dropped uint64
	// Pruned counts the task results the retention policy deleted.
	Pruned uint64
	// Batched is the batched path's part.
	Batched BatchedStats
}

// New starts a worker node. It first resumes the tasks accepted before the
// worker last stopped (they are in its store): those still open on chain
// and within their timeout run again in the order accepted, the others are
// dropped with a log line. It then prunes its store's results in the
// background.
func New(ctx context.Context, cfg Config) (*Worker, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	m := cfg.Metrics
	if m == nil {
		m = NopMetrics()
	} else {
		cfg.Enclave = m.wrapEnclave(cfg.Enclave)
	}
	reg, err := cfg.Enclave.Registration(ctx, &enclave.RegistrationRequest{})
	if err != nil {
		return nil, fmt.Errorf("worker: read the enclave's signing address: %w", err)
	}
	w := &Worker{
		cfg: cfg, log: log.With("worker", reg.SigningAddress.String()), signer: reg.SigningAddress,
		chainID: cfg.Enigma.Client().ChainID().Uint64(),
		jobs:    map[api.TaskID]*job{}, admitting: map[api.TaskID]*admission{}, final: newRecent[api.TaskStatus](remembered),
		queues: map[api.ContractAddress][]*job{}, keys: newRecent[[32]byte](remembered),
		faults: newRecent[string](remembered), unsettled: map[api.TaskID]*pendingReceipt{},
		settling: map[api.ContractAddress]*pendingReceipt{},
		issued:   issuedBook{epochKeys: map[uint64]api.Hash{}}, m: m,
	}
	w.b = newBatcher(cfg.Enigma)
	w.qs = newQuerySet(cfg.MaxQueries)
	w.b.m = m
	m.bind(w)
	w.ctx, w.cancel = context.WithCancel(context.Background())
	if err := w.restoreKeys(ctx); err != nil {
		w.Close()
		return nil, err
	}
	pending, err := w.resume(ctx)
	if err != nil {
		w.Close()
		return nil, err
	}
	if err := w.resumeBatched(ctx, pending); err != nil {
		w.Close()
		return nil, err
	}
	w.wg.Add(1)
	go w.pruneLoop()
	return w, nil
}

// Signer implements Node.
func (w *Worker) Signer() api.EthAddress { return w.signer }

// Stats returns the worker's counters.
func (w *Worker) Stats() Stats {
	w.mu.Lock()
	st := w.stats
	w.mu.Unlock()
	w.b.mu.Lock()
	st.Batched = w.b.stats
	w.b.mu.Unlock()
	return st
}

// Close stops the worker: tasks not yet executed, the task in its enclave
// and receipts not yet mined stay in the store's pending tasks, and New
// resumes them on the same store (while they are within their timeout;
// else they stay open on chain and are refundable after it). A receipt
// already sent keeps its delta in the store, whatever its outcome. Batched
// tasks not yet committed stay pending too, and a batch sent and not yet
// mined stays stored: New completes it if it landed. It waits for the
// worker's goroutines and does not close the enclave or the store.
func (w *Worker) Close() error {
	w.mu.Lock()
	w.closed = true
	w.mu.Unlock()
	w.cancel()
	w.wg.Wait()
	return nil
}

var errClosed = api.Errorf(api.CodeUnavailable, "worker: the worker is shutting down; submit to another worker or retry once it is back")

// TaskKey implements Node.
func (w *Worker) TaskKey(ctx context.Context, userPubKey [64]byte, requester [32]byte) (workerapi.WorkerKey, error) {
	st, err := w.cfg.Enigma.EpochState(ctx)
	if err != nil {
		return workerapi.WorkerKey{}, fmt.Errorf("worker: read the epoch: %w", err)
	}
	epoch := st.FirstBlock.Uint64()
	w.m.sawEpoch(epoch)
	r, err := w.cfg.Enclave.NewTaskKey(ctx, &enclave.TaskKeyRequest{UserPubKey: userPubKey, Epoch: epoch, Requester: requester})
	if err != nil {
		return workerapi.WorkerKey{}, err
	}
	if err := w.taskKeyIssued(ctx, epoch, r); err != nil {
		return workerapi.WorkerKey{}, err
	}
	return workerapi.WorkerKey{PublicKey: r.WorkerPubKey, Signature: r.Signature[:]}, nil
}

// EpochKey implements Node.
func (w *Worker) EpochKey(ctx context.Context) (workerapi.EpochKey, error) {
	st, err := w.cfg.Enigma.EpochState(ctx)
	if err != nil {
		return workerapi.EpochKey{}, fmt.Errorf("worker: read the epoch: %w", err)
	}
	w.m.sawEpoch(st.FirstBlock.Uint64())
	r, err := w.cfg.Enclave.EpochKey(ctx, &enclave.EpochKeyRequest{
		Epoch: st.FirstBlock.Uint64(), ChainID: w.chainID, EnigmaContract: api.EthAddress(w.cfg.Enigma.Addresses().Enigma),
	})
	if err != nil {
		return workerapi.EpochKey{}, err
	}
	if err := w.epochKeyIssued(ctx, r); err != nil {
		return workerapi.EpochKey{}, err
	}
	return workerapi.EpochKey{Epoch: r.Epoch, PublicKey: r.PublicKey, Signature: r.Signature[:]}, nil
}

// ExportState implements Node. When the chain holds deltas past this
// worker's tip that its store kept after rolling them back (their receipt
// was mined after all), it serves those too.
func (w *Worker) ExportState(ctx context.Context, contract api.ContractAddress, from uint32) (*StateExport, error) {
	tip, err := w.cfg.Store.Tip(ctx, contract)
	if err != nil {
		return nil, err
	}
	kept, keptState := w.keptPastTip(ctx, contract, tip)
	last := tip.Index + uint32(len(kept))
	if from > last {
		return nil, api.Errorf(api.CodeNotFound, "worker: this worker holds contract %s only up to delta %d, not %d", contract, last, from)
	}
	r := &state.DeltaRange{Contract: contract, From: from, To: last}
	if from <= tip.Index {
		if r, err = w.cfg.Store.Export(ctx, contract, from, tip.Index); err != nil {
			return nil, err
		}
		from = tip.Index + 1
	}
	r.Deltas = append(r.Deltas, kept[from-tip.Index-1:]...)
	r.To = last
	if len(kept) > 0 {
		return &StateExport{Range: r, State: keptState}, nil
	}
	blob, err := w.cfg.Store.State(ctx, contract)
	if err != nil {
		return nil, err
	}
	return &StateExport{Range: r, State: blob}, nil
}

// keptPastTip returns the deltas the chain holds past tip that the store
// kept after a rollback, and the state at the last of them; nothing unless
// the store holds them all, in order, and that state.
func (w *Worker) keptPastTip(ctx context.Context, contract api.ContractAddress, tip state.Tip) ([]state.Delta, *state.StateBlob) {
	e := w.cfg.Enigma
	count, err := e.CountStateDeltas(ctx, contract)
	if err != nil || count <= uint64(tip.Index)+1 {
		return nil, nil
	}
	if h, err := e.StateDeltaHash(ctx, contract, uint64(tip.Index)); err != nil || api.Hash(h) != tip.Hash {
		return nil, nil // this store's chain is not the chain's
	}
	var kept []state.Delta
	var h [32]byte
	for i := uint64(tip.Index) + 1; i < count; i++ {
		if h, err = e.StateDeltaHash(ctx, contract, i); err != nil {
			return nil, nil
		}
		d, err := w.cfg.Store.DeltaByHash(ctx, contract, api.Hash(h))
		if err != nil || uint64(d.Index) != i {
			return nil, nil
		}
		kept = append(kept, *d)
	}
	st, err := w.cfg.Store.StateByHash(ctx, contract, api.Hash(h))
	if err != nil {
		return nil, nil
	}
	return kept, st
}

// TaskResult implements Node. A task whose result is stored but whose
// outcome this worker has not recorded (its receipt in flight or being
// checked, or from an earlier run) reads the chain's record: verified is
// SUCCESS with the stored result, whatever happened to the receipt's wait.
func (w *Worker) TaskResult(ctx context.Context, id api.TaskID) (*workerapi.TaskResult, error) {
	w.mu.Lock()
	_, running := w.jobs[id]
	status, final := w.final.get(id)
	fault, faulted := w.faults.get(id)
	w.mu.Unlock()
	r, err := w.cfg.Store.TaskResult(ctx, id)
	if api.CodeOf(err) == api.CodeNotFound {
		if running {
			return &workerapi.TaskResult{TaskID: id, Status: api.StatusInProgress}, nil
		}
		if faulted {
			// The host could not finish the task: it stays open on chain
			// until its sender reclaims the fee. enigma-js knows only the
			// four statuses, so it reads FAILED; the log says why.
			w.log.Debug("reporting a task the host could not finish", "task", id, "why", fault)
			return &workerapi.TaskResult{TaskID: id, Status: api.StatusFailed}, nil
		}
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if !final {
		rec, err := w.cfg.Enigma.TaskRecord(ctx, id)
		if err != nil {
			return nil, err
		}
		status = chainStatus(rec.Status)
		if faulted && status == api.StatusInProgress {
			status = api.StatusFailed // open on chain, and this worker will not finish it
		}
	}
	out := &workerapi.TaskResult{TaskID: id, Contract: r.Contract, Status: status, Output: r.Output, UsedGas: r.UsedGas,
		EthereumPayload: r.EthPayload, EthereumAddress: r.EthAddress, Signature: r.Signature, PreCodeHash: r.PreCodeHash}
	if r.Delta != nil && status == api.StatusSuccess {
		// By hash: a delta rolled back while its receipt's outcome was
		// unknown is still there.
		d, err := w.cfg.Store.DeltaByHash(ctx, r.Contract, r.Delta.Hash)
		if err == nil && d.Index == r.Delta.Index {
			out.Delta = &workerapi.Delta{Index: d.Index, Hash: d.Hash, Data: d.Data}
		}
	}
	return out, nil
}

// recent is a map of task ids that forgets its oldest entries beyond max.
type recent[V any] struct {
	max   int
	m     map[api.TaskID]V
	order []api.TaskID // insertion order; the oldest first
}

func newRecent[V any](max int) *recent[V] {
	return &recent[V]{max: max, m: map[api.TaskID]V{}}
}

func (r *recent[V]) get(id api.TaskID) (V, bool) {
	v, ok := r.m[id]
	return v, ok
}

func (r *recent[V]) put(id api.TaskID, v V) {
	if _, ok := r.m[id]; !ok {
		r.order = append(r.order, id)
	}
	r.m[id] = v
	for len(r.m) > r.max {
		delete(r.m, r.order[0])
		r.order = r.order[1:]
	}
}

// On-chain task statuses (Enigma.sol).
const (
	chainCreated      = 1
	chainVerified     = 2
	chainFailed       = 3
	chainFailedETH    = 4
	chainFeesReturned = 5
)

// chainStatus maps an on-chain task status to the four enigma-js 0.3.0
// knows. A task whose Ethereum callback reverted (4) reads FAILED: its
// state change did not happen (docs/worker.md).
func chainStatus(s uint8) api.TaskStatus {
	switch s {
	case chainVerified:
		return api.StatusSuccess
	case chainFailed, chainFailedETH, chainFeesReturned:
		return api.StatusFailed
	default:
		return api.StatusInProgress
	}
}

func bigU64(b *big.Int) uint64 {
	if b == nil || !b.IsUint64() {
		return 0
	}
	return b.Uint64()
}
