package explorer

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// Config configures an Explorer.
type Config struct {
	// Source is where events and views come from (NewChainSource).
	Source Source
	// Names names workers by custodian (the devnet's "worker 0").
	Names map[common.Address]string
	// Lookback is how many blocks before the head at start the events are
	// read from: the history a new explorer shows. Contracts deployed
	// earlier are listed from the chain's views all the same.
	Lookback uint64
	// Refresh is how often the views (epoch, workers, contracts' deltas)
	// are read again.
	Refresh time.Duration
	// MaxTasks, MaxBatches and MaxContracts bound what the index keeps
	// (the newest tasks and batches; contracts beyond the bound are
	// counted in their tasks only).
	MaxTasks, MaxBatches, MaxContracts int
	// MaxContractReads bounds the contracts whose views one refresh reads;
	// the others wait for the next.
	MaxContractReads int
	Logger           *slog.Logger // nil discards
}

// DefaultConfig keeps the newest 10,000 tasks and 1,000 batches, up to
// 100,000 contracts, reads 100,000 blocks of history and the views every
// second. Source is left to set.
func DefaultConfig() Config {
	return Config{Lookback: 100_000, Refresh: time.Second, MaxTasks: 10_000, MaxBatches: 1_000,
		MaxContracts: 100_000, MaxContractReads: 256}
}

// Validate reports the first setting that cannot work.
func (c Config) Validate() error {
	var errs []error
	if c.Source == nil {
		errs = append(errs, errors.New("explorer: Source is required (NewChainSource)"))
	}
	if c.Refresh <= 0 {
		errs = append(errs, errors.New("explorer: Refresh must be positive"))
	}
	if c.MaxTasks < 1 || c.MaxBatches < 1 || c.MaxContracts < 1 || c.MaxContractReads < 1 {
		errs = append(errs, errors.New("explorer: MaxTasks, MaxBatches, MaxContracts and MaxContractReads must be at least 1 (start from DefaultConfig)"))
	}
	return errors.Join(errs...)
}

// Explorer indexes the chain (Run) and serves what it indexed (Handler).
type Explorer struct {
	cfg Config
	log *slog.Logger
	mu  sync.RWMutex
	idx *Index
}

// New is an explorer with an empty index.
func New(cfg Config) (*Explorer, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Explorer{cfg: cfg, log: log, idx: NewIndex(cfg.MaxTasks, cfg.MaxBatches, cfg.MaxContracts, cfg.Names)}, nil
}

// Run indexes the chain until ctx ends: the events from Lookback blocks
// before the head on, and the views every Refresh.
func (x *Explorer) Run(ctx context.Context) {
	tick := time.NewTicker(x.cfg.Refresh)
	defer tick.Stop()
	var head uint64
	for {
		h, err := x.cfg.Source.Head(ctx)
		if err == nil {
			head = h
			break
		}
		x.log.Warn("explorer: read the chain's head", "err", err)
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
	if ids, err := x.cfg.Source.ContractIDs(ctx); err != nil {
		x.log.Warn("explorer: list the secret contracts", "err", err)
	} else {
		x.mu.Lock()
		for _, id := range ids {
			x.idx.AddContract(id)
		}
		x.mu.Unlock()
	}
	x.Refresh(ctx)
	events := x.cfg.Source.Events(ctx, head-min(head, x.cfg.Lookback))
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-events:
			if !ok {
				return
			}
			x.write(func(idx *Index) { idx.Apply(ev) })
		case <-tick.C:
			x.Refresh(ctx)
		}
	}
}

// Refresh reads the views once: the head, the epoch, every known worker,
// the custodians of the epoch's signers and the contracts that changed.
// The chain is read without the lock; each answer is taken under it.
func (x *Explorer) Refresh(ctx context.Context) {
	src := x.cfg.Source
	if h, err := src.Head(ctx); err == nil {
		x.write(func(idx *Index) { idx.SetHead(h) })
	}
	if ev, err := src.Epoch(ctx); err != nil {
		x.log.Warn("explorer: read the epoch", "err", err)
	} else {
		x.write(func(idx *Index) { idx.SetEpoch(ev) })
	}
	var unresolved []common.Address
	x.read(func(idx *Index) { unresolved = idx.Unresolved() })
	for _, s := range unresolved {
		if c, err := src.Custodian(ctx, s); err == nil && c != (common.Address{}) {
			x.write(func(idx *Index) { idx.AddWorker(c) })
		}
	}
	var workers []common.Address
	x.read(func(idx *Index) { workers = idx.Workers() })
	for _, w := range workers {
		v, err := src.Worker(ctx, w)
		if err != nil {
			x.log.Warn("explorer: read a worker", "custodian", w, "err", err)
			continue
		}
		x.write(func(idx *Index) { idx.SetWorker(w, v) })
	}
	x.refreshContracts(ctx)
}

func (x *Explorer) refreshContracts(ctx context.Context) {
	x.mu.Lock()
	dirty := x.idx.Dirty()
	if len(dirty) > x.cfg.MaxContractReads {
		for _, id := range dirty[x.cfg.MaxContractReads:] {
			x.idx.dirty[id] = true
		}
		dirty = dirty[:x.cfg.MaxContractReads]
	}
	record := make([]bool, len(dirty))
	for i, id := range dirty {
		c, _ := x.idx.Contract(id)
		record[i] = c.Owner == nil
	}
	x.mu.Unlock()
	for i, id := range dirty {
		v, err := x.cfg.Source.Contract(ctx, id, record[i])
		x.mu.Lock()
		if err != nil {
			x.idx.dirty[id] = true // again next time
		} else {
			x.idx.SetContract(id, v)
		}
		x.mu.Unlock()
		if err != nil {
			x.log.Warn("explorer: read a secret contract", "contract", id, "err", err)
			return
		}
	}
}

// Handler serves the page at /explorer/ and the API at /explorer/api/.
func (x *Explorer) Handler() http.Handler { return x.handler() }

// write runs f with the index locked.
func (x *Explorer) write(f func(*Index)) {
	x.mu.Lock()
	defer x.mu.Unlock()
	f(x.idx)
}

// read runs f with the index read-locked.
func (x *Explorer) read(f func(*Index)) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	f(x.idx)
}
