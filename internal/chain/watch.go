package chain

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"sort"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// LogSource is what a watch reads from a node; *ethclient.Client has it.
type LogSource interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error)
}

// WatchConfig says which logs to watch and how deep they must be.
type WatchConfig struct {
	Addresses []common.Address
	Topics    [][]common.Hash // as in eth_getLogs: position -> alternatives
	FromBlock uint64          // first block whose logs are delivered

	// Confirmations is how many blocks must be on top of a log's block
	// before the log is delivered (0: as soon as it is in the head).
	Confirmations uint64
	PollInterval  time.Duration
	// ReorgWindow is how many blocks below the newest processed one are
	// remembered to undo deliveries on a reorg; a deeper reorg is reported
	// as an error and the window is replayed.
	ReorgWindow uint64
	// MaxRange bounds the blocks of one eth_getLogs request.
	MaxRange    uint64
	CallTimeout time.Duration
	Logger      *slog.Logger // nil discards
}

func (c *WatchConfig) setDefaults() {
	if c.PollInterval <= 0 {
		c.PollInterval = 250 * time.Millisecond
	}
	if c.ReorgWindow == 0 {
		c.ReorgWindow = 128
	}
	if c.MaxRange == 0 {
		c.MaxRange = 1000
	}
	if c.CallTimeout <= 0 {
		c.CallTimeout = 15 * time.Second
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
}

// ErrDeepReorg is reported on Subscription.Err when the chain reorganised
// below the remembered window: deliveries older than the window can no
// longer be checked, so the window is replayed from its bottom.
var ErrDeepReorg = errors.New("chain: reorg deeper than the watch's ReorgWindow")

// Subscription delivers watched logs. Each log is delivered once, when it
// reaches the confirmation depth; if a block holding delivered logs leaves
// the canonical chain, those logs are delivered again with Removed set
// (newest first), and the logs of the new branch follow as it gets deep
// enough.
type Subscription struct {
	logs   chan types.Log
	errs   chan error
	cancel context.CancelFunc
	done   chan struct{}
	once   sync.Once
}

// Logs is the stream of logs; it is closed when the watch stops.
func (s *Subscription) Logs() <-chan types.Log { return s.logs }

// Err reports problems the watch recovers from (the node unreachable, a
// reorg deeper than the window); it is never closed. A slow reader misses
// reports, never logs.
func (s *Subscription) Err() <-chan error { return s.errs }

// Close stops the watch and waits for it.
func (s *Subscription) Close() {
	s.once.Do(s.cancel)
	<-s.done
}

// Done is closed when the watch has stopped.
func (s *Subscription) Done() <-chan struct{} { return s.done }

// Watch starts polling src for logs matching cfg until ctx ends or Close.
func Watch(ctx context.Context, src LogSource, cfg WatchConfig) *Subscription {
	cfg.setDefaults()
	ctx, cancel := context.WithCancel(ctx)
	s := &Subscription{logs: make(chan types.Log, 64), errs: make(chan error, 1), cancel: cancel, done: make(chan struct{})}
	w := &watcher{src: src, cfg: cfg, sub: s, next: cfg.FromBlock, delivered: map[uint64][]types.Log{}}
	go w.run(ctx)
	return s
}

// WatchLogs watches with the client's poll interval, timeouts and logger.
func (c *Client) WatchLogs(ctx context.Context, cfg WatchConfig) *Subscription {
	if cfg.PollInterval == 0 {
		cfg.PollInterval = c.cfg.PollInterval
	}
	if cfg.CallTimeout == 0 {
		cfg.CallTimeout = c.cfg.CallTimeout
	}
	if cfg.Logger == nil {
		cfg.Logger = c.log
	}
	return Watch(ctx, c.eth, cfg)
}

// WatchEvents watches the named events of the Enigma contract (all of its
// events if none are named) from block `from`, delivering each log when it
// has `confirmations` blocks on top. Decode them with ABI().UnpackXxxEvent.
func (e *Enigma) WatchEvents(ctx context.Context, from, confirmations uint64, names ...string) (*Subscription, error) {
	var ids []common.Hash
	events := e.abi.GetABI().Events
	for _, n := range names {
		ev, ok := events[n]
		if !ok {
			return nil, fmt.Errorf("chain: the Enigma contract has no event %q", n)
		}
		ids = append(ids, ev.ID)
	}
	cfg := WatchConfig{Addresses: []common.Address{e.addrs.Enigma}, FromBlock: from, Confirmations: confirmations}
	if len(ids) > 0 {
		cfg.Topics = [][]common.Hash{ids}
	}
	return e.c.WatchLogs(ctx, cfg), nil
}

type blockRef struct {
	num  uint64
	hash common.Hash
}

type watcher struct {
	src LogSource
	cfg WatchConfig
	sub *Subscription

	next      uint64                 // first block not processed yet
	tracked   []blockRef             // processed blocks worth remembering, ascending
	delivered map[uint64][]types.Log // delivered logs by block, within the window
}

func (w *watcher) run(ctx context.Context) {
	defer close(w.sub.done)
	defer close(w.sub.logs)
	t := time.NewTicker(w.cfg.PollInterval)
	defer t.Stop()
	for {
		if err := w.poll(ctx); err != nil && ctx.Err() == nil {
			w.cfg.Logger.Warn("watch poll failed; retrying", "err", err)
			w.report(err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func (w *watcher) report(err error) {
	select {
	case w.sub.errs <- err:
	default:
	}
}

func (w *watcher) header(ctx context.Context, num *big.Int) (*types.Header, error) {
	ctx, cancel := context.WithTimeout(ctx, w.cfg.CallTimeout)
	defer cancel()
	return w.src.HeaderByNumber(ctx, num)
}

// poll processes what became deep enough since the last poll.
func (w *watcher) poll(ctx context.Context) error {
	head, err := w.header(ctx, nil)
	if err != nil {
		return fmt.Errorf("chain: watch: read the head: %w", err)
	}
	if err := w.checkReorg(ctx); err != nil {
		return err
	}
	headNum := head.Number.Uint64()
	for ctx.Err() == nil {
		if headNum < w.cfg.Confirmations {
			return nil
		}
		target := headNum - w.cfg.Confirmations
		if w.next > target {
			return nil
		}
		to := min(target, w.next+w.cfg.MaxRange-1)
		progressed, err := w.processRange(ctx, w.next, to)
		if err != nil || !progressed {
			return err
		}
	}
	return nil
}

// checkReorg compares the newest remembered block with the canonical
// chain; on a mismatch it walks down to the fork point and withdraws every
// delivery above it.
func (w *watcher) checkReorg(ctx context.Context) error {
	if len(w.tracked) == 0 {
		return nil
	}
	newest := w.tracked[len(w.tracked)-1]
	if ok, err := w.canonical(ctx, newest); err != nil || ok {
		return err
	}
	fork := -1 // index of the newest tracked block still canonical
	for i := len(w.tracked) - 2; i >= 0; i-- {
		ok, err := w.canonical(ctx, w.tracked[i])
		if err != nil {
			return err
		}
		if ok {
			fork = i
			break
		}
	}
	var forkNum uint64
	deep := fork < 0
	if deep {
		// Nothing remembered is canonical: replay from the window bottom.
		forkNum = w.tracked[0].num
		w.withdraw(ctx, forkNum)
		w.tracked = w.tracked[:0]
		w.next = forkNum
		w.cfg.Logger.Warn("reorg below the watch window", "replayFrom", forkNum)
		w.report(fmt.Errorf("%w (%d blocks); replaying from block %d", ErrDeepReorg, w.cfg.ReorgWindow, forkNum))
		return nil
	}
	forkNum = w.tracked[fork].num
	w.withdraw(ctx, forkNum+1)
	w.tracked = w.tracked[:fork+1]
	w.next = forkNum + 1
	w.cfg.Logger.Info("reorg: withdrew deliveries", "forkBlock", forkNum)
	return nil
}

func (w *watcher) canonical(ctx context.Context, b blockRef) (bool, error) {
	h, err := w.header(ctx, new(big.Int).SetUint64(b.num))
	if errors.Is(err, ethereum.NotFound) {
		return false, nil // the chain is shorter now
	}
	if err != nil {
		return false, fmt.Errorf("chain: watch: read block %d: %w", b.num, err)
	}
	return h.Hash() == b.hash, nil
}

// withdraw re-delivers, with Removed set and newest first, every log
// delivered from block `from` on.
func (w *watcher) withdraw(ctx context.Context, from uint64) {
	var nums []uint64
	for n := range w.delivered {
		if n >= from {
			nums = append(nums, n)
		}
	}
	sort.Slice(nums, func(i, j int) bool { return nums[i] > nums[j] })
	for _, n := range nums {
		logs := w.delivered[n]
		for i := len(logs) - 1; i >= 0; i-- {
			l := logs[i]
			l.Removed = true
			if !w.deliver(ctx, l) {
				return
			}
		}
		delete(w.delivered, n)
	}
}

func (w *watcher) deliver(ctx context.Context, l types.Log) bool {
	select {
	case w.sub.logs <- l:
		return true
	case <-ctx.Done():
		return false
	}
}

// processRange delivers the logs of blocks from..to. The hash of `to` is
// read before and after the log query: if it changed, the chain moved
// under the query and the range is retried on the next poll.
func (w *watcher) processRange(ctx context.Context, from, to uint64) (progressed bool, err error) {
	toNum := new(big.Int).SetUint64(to)
	before, err := w.header(ctx, toNum)
	if err != nil {
		return false, fmt.Errorf("chain: watch: read block %d: %w", to, err)
	}
	qctx, cancel := context.WithTimeout(ctx, w.cfg.CallTimeout)
	logs, err := w.src.FilterLogs(qctx, ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(from), ToBlock: toNum, Addresses: w.cfg.Addresses, Topics: w.cfg.Topics,
	})
	cancel()
	if err != nil {
		return false, fmt.Errorf("chain: watch: logs of blocks %d-%d: %w", from, to, err)
	}
	after, err := w.header(ctx, toNum)
	if err != nil {
		return false, fmt.Errorf("chain: watch: read block %d: %w", to, err)
	}
	if before.Hash() != after.Hash() {
		return false, fmt.Errorf("chain: watch: block %d changed during the log query; retrying", to)
	}
	// The range must extend what was processed: if the newest remembered
	// block left the chain meanwhile, checkReorg handles it next poll.
	if n := len(w.tracked); n > 0 {
		if ok, err := w.canonical(ctx, w.tracked[n-1]); err != nil || !ok {
			return false, err
		}
	}
	for _, l := range logs {
		if l.Removed || l.BlockNumber < from || l.BlockNumber > to {
			continue
		}
		if !w.deliver(ctx, l) {
			return false, ctx.Err()
		}
		if d := w.delivered[l.BlockNumber]; len(d) == 0 {
			w.track(blockRef{l.BlockNumber, l.BlockHash})
		}
		w.delivered[l.BlockNumber] = append(w.delivered[l.BlockNumber], l)
	}
	w.track(blockRef{to, after.Hash()})
	w.next = to + 1
	w.prune()
	return true, nil
}

func (w *watcher) track(b blockRef) {
	if n := len(w.tracked); n > 0 && w.tracked[n-1].num >= b.num {
		return
	}
	w.tracked = append(w.tracked, b)
}

// prune forgets blocks that fell below the window.
func (w *watcher) prune() {
	if w.next <= w.cfg.ReorgWindow {
		return
	}
	floor := w.next - w.cfg.ReorgWindow
	i := 0
	for i < len(w.tracked)-1 && w.tracked[i].num < floor {
		i++
	}
	w.tracked = append(w.tracked[:0], w.tracked[i:]...)
	for n := range w.delivered {
		if n < floor {
			delete(w.delivered, n)
		}
	}
}
