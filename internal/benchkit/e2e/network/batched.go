package network

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain/bindings"
	"github.com/enigma-go/enigma/internal/worker"
	"github.com/enigma-go/enigma/sdk/client"
)

// BatchedResult is what Batched measured.
type BatchedResult struct {
	// TasksPerSec is the batched tasks committed in the blocks of the
	// measured window per second of those blocks (Blocks × BlockPeriod).
	TasksPerSec float64
	Window      time.Duration
	Tasks       int // tasks committed in the window's blocks
	Batches     int // batches committed in the window's blocks
	Blocks      int // blocks mined in the window
	// MaxPerBlock is the most tasks one block of the window committed.
	MaxPerBlock int
	// Sent and Refused count the submissions of the whole run.
	Sent, Refused int

	// GasPerTask is every transaction's gas in the blocks from the first
	// funding deposit to the window's last block, over the batched tasks
	// committed in those blocks: batches, deposits and approvals, epochs.
	GasPerTask float64
	GasBlocks  int    // the blocks GasPerTask covers
	GasTotal   uint64 // their gas
	GasTasks   int    // the tasks they committed
	Deposits   int    // depositUserBalance transactions among them

	// Latency of sampled tasks, in blocks: from the head block when the
	// task was sent to the block holding its batch.
	Samples              int
	P50Blocks, P99Blocks uint64
	MaxBlocks            uint64
	// Verified counts the sampled tasks whose result the client checked
	// against the batch root on chain and decrypted; Failed those a worker
	// reported failed.
	Verified, Failed int

	// MaxBlockGas is the most gas a block of the window used, of
	// BlockGasLimit.
	MaxBlockGas, BlockGasLimit uint64
	// CPUCores is the process's CPU time in the window, in cores.
	CPUCores float64
	// Workers sums the workers' batched-path counters and stage times
	// over the whole run: where the time goes.
	Workers worker.BatchedStats
}

// batchEvent is a BatchCommitted log.
type batchEvent struct {
	block    uint64
	contract api.ContractAddress
	index    uint64
	tasks    int
}

// Batched has every user send batched compute tasks to its contract as
// fast as its client allows, keeping at most inFlight tasks per contract
// sent and not yet committed, and measures the tasks committed in the
// blocks of `window` after a warm-up of `warm`. One task in sampleEvery
// is followed to its end with the client's own checks (inclusion proof
// against the root on chain, then decryption) for its latency.
func (n *Net) Batched(ctx context.Context, warm, window time.Duration, inFlight, sampleEvery int) (BatchedResult, error) {
	var res BatchedResult
	head0, err := n.ch.BlockNumber(ctx)
	if err != nil {
		return res, err
	}
	bw := newBatchWatcher(n, head0+1)
	defer bw.stop()

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	stop := make(chan struct{})
	var wg, samples sync.WaitGroup
	var mu sync.Mutex
	var sendErr error
	var lat []uint64
	for i, u := range n.users {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ci := i % len(n.contracts)
			sc := n.contracts[ci]
			for k := 0; ; k++ {
				if !bw.admit(ctx, stop, ci, inFlight) {
					return
				}
				var sentAt uint64
				sample := sampleEvery > 0 && rand.IntN(sampleEvery) == 0
				if sample {
					sentAt = bw.head()
				}
				t, err := u.Compute(ctx, sc, computeFn, big.NewInt(int64(k)))
				if err != nil {
					bw.unadmit(ci)
					if ctx.Err() != nil {
						return
					}
					mu.Lock()
					res.Refused++
					if res.Refused > 100 && res.Refused*10 > res.Sent {
						sendErr = errors.Join(sendErr, fmt.Errorf("network: batched task refused: %w", err))
						mu.Unlock()
						return
					}
					mu.Unlock()
					time.Sleep(50 * time.Millisecond)
					continue
				}
				mu.Lock()
				res.Sent++
				mu.Unlock()
				if !t.Batched {
					mu.Lock()
					sendErr = errors.Join(sendErr, fmt.Errorf("network: task %s went per task, not batched", t.ID))
					mu.Unlock()
					return
				}
				if sample {
					samples.Add(1)
					go func() {
						defer samples.Done()
						wctx, wcancel := context.WithTimeout(context.WithoutCancel(ctx), n.receiptTimeout())
						defer wcancel()
						r, err := t.Result(wctx)
						mu.Lock()
						defer mu.Unlock()
						switch {
						case err == nil && r.BatchBlock > 0:
							res.Verified++
							if r.BatchBlock >= sentAt {
								lat = append(lat, r.BatchBlock-sentAt)
							}
						case err == nil:
							sendErr = errors.Join(sendErr, fmt.Errorf("network: sampled batched task %s has no batch block", t.ID))
						default:
							var te *client.TaskError
							if errors.As(err, &te) {
								res.Failed++
								return
							}
							sendErr = errors.Join(sendErr, fmt.Errorf("network: sampled batched task %s: %w", t.ID, err))
						}
					}()
				}
			}
		}()
	}

	select {
	case <-time.After(warm):
	case <-ctx.Done():
	}
	first := bw.head() + 1
	t0, cpu0 := time.Now(), processCPU()
	select {
	case <-time.After(window):
	case <-ctx.Done():
	}
	last := bw.head()
	res.Window = time.Since(t0)
	res.CPUCores = float64(processCPU()-cpu0) / float64(res.Window)
	close(stop)
	wg.Wait()
	samples.Wait()
	if sendErr != nil {
		return res, sendErr
	}
	if last < first {
		return res, fmt.Errorf("network: no block was mined in the %v window", window)
	}
	// Let the watcher read every block up to the window's last.
	if err := bw.readTo(ctx, last); err != nil {
		return res, err
	}
	res.Blocks = int(last - first + 1)
	perBlock := map[uint64]int{}
	for _, ev := range bw.events(first, last) {
		res.Tasks += ev.tasks
		res.Batches++
		perBlock[ev.block] += ev.tasks
	}
	for _, v := range perBlock {
		res.MaxPerBlock = max(res.MaxPerBlock, v)
	}
	if res.Tasks == 0 {
		bw.mu.Lock()
		err := bw.err
		bw.mu.Unlock()
		return res, fmt.Errorf("network: no batch was committed in the %d blocks of the window (last chain error: %v)", res.Blocks, err)
	}
	res.TasksPerSec = float64(res.Tasks) / (float64(res.Blocks) * n.cfg.BlockPeriod.Seconds())

	// Gas: every block from the first deposit of the run to the window's end.
	from := bw.firstDeposit()
	if from == 0 || from > last {
		from = first
	}
	for b := from; b <= last; b++ {
		blk, err := n.ch.Eth().BlockByNumber(context.WithoutCancel(ctx), new(big.Int).SetUint64(b))
		if err != nil {
			return res, fmt.Errorf("network: read block %d: %w", b, err)
		}
		res.GasTotal += blk.GasUsed()
		if b >= first {
			res.MaxBlockGas, res.BlockGasLimit = max(res.MaxBlockGas, blk.GasUsed()), blk.GasLimit()
		}
	}
	res.GasBlocks = int(last - from + 1)
	for _, ev := range bw.events(from, last) {
		res.GasTasks += ev.tasks
	}
	res.Deposits = bw.deposits(from, last)
	if res.GasTasks > 0 {
		res.GasPerTask = float64(res.GasTotal) / float64(res.GasTasks)
	}
	res.Samples = len(lat)
	res.P50Blocks, res.P99Blocks, res.MaxBlocks = percentile(lat, 50), percentile(lat, 99), percentile(lat, 100)
	for i := range n.cfg.Workers {
		if s, ok := n.d.WorkerStats(i); ok {
			addBatchedStats(&res.Workers, s.Batched)
		}
	}
	return res, nil
}

// batchWatcher follows the chain's BatchCommitted and deposit logs and
// keeps, per contract, how many tasks were sent and committed, which
// bounds the tasks in flight.
type batchWatcher struct {
	n      *Net
	done   chan struct{}
	exited chan struct{}

	mu        sync.Mutex
	cond      *sync.Cond
	next      uint64 // first block not read yet
	last      uint64 // the head block as last read
	evs       []batchEvent
	depBlocks []uint64
	sent      []int // per contract index
	committed []int
	byAddr    map[api.ContractAddress]int
	err       error
}

func newBatchWatcher(n *Net, from uint64) *batchWatcher {
	w := &batchWatcher{n: n, done: make(chan struct{}), exited: make(chan struct{}), next: from, last: from - 1,
		sent: make([]int, len(n.contracts)), committed: make([]int, len(n.contracts)), byAddr: map[api.ContractAddress]int{}}
	w.cond = sync.NewCond(&w.mu)
	for i, c := range n.contracts {
		w.byAddr[c] = i
	}
	go w.run(max(n.cfg.BlockPeriod/10, 20*time.Millisecond))
	return w
}

func (w *batchWatcher) stop() {
	close(w.done)
	<-w.exited
	w.mu.Lock()
	w.cond.Broadcast()
	w.mu.Unlock()
}

func (w *batchWatcher) run(every time.Duration) {
	pollUntil(w.done, w.exited, every, func(ctx context.Context) error {
		head, err := w.n.ch.BlockNumber(ctx)
		if err != nil {
			return err
		}
		return w.readTo(ctx, head)
	}, func(err error) {
		w.mu.Lock()
		w.err = err
		w.mu.Unlock()
	})
}

// readTo reads the logs of the blocks up to head not read yet.
func (w *batchWatcher) readTo(ctx context.Context, head uint64) error {
	w.mu.Lock()
	from := w.next
	w.mu.Unlock()
	if head < from {
		return nil
	}
	e := w.n.enigma
	a := e.ABI().GetABI()
	logs, err := e.Client().Eth().FilterLogs(ctx, ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(from), ToBlock: new(big.Int).SetUint64(head),
		Addresses: []common.Address{e.Addresses().Enigma},
		Topics:    [][]common.Hash{{a.Events[bindings.EnigmaBatchCommittedEventName].ID, a.Events[bindings.EnigmaUserBalanceChangedEventName].ID}},
	})
	if err != nil {
		return err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.next != from {
		return nil // read meanwhile
	}
	for i := range logs {
		_, ev, err := e.DecodeEvent(&logs[i])
		if err != nil {
			continue
		}
		switch ev := ev.(type) {
		case *bindings.EnigmaBatchCommitted:
			be := batchEvent{block: logs[i].BlockNumber, contract: ev.ScAddr, index: ev.BatchIndex.Uint64(), tasks: int(ev.TaskCount.Int64())}
			w.evs = append(w.evs, be)
			if ci, ok := w.byAddr[be.contract]; ok {
				w.committed[ci] += be.tasks
			}
		case *bindings.EnigmaUserBalanceChanged:
			w.depBlocks = append(w.depBlocks, logs[i].BlockNumber)
		}
	}
	w.next, w.last = head+1, head
	w.cond.Broadcast()
	return nil
}

// admit waits until contract ci has fewer than limit tasks in flight and
// counts one more; false once stop is closed or ctx ends.
func (w *batchWatcher) admit(ctx context.Context, stop <-chan struct{}, ci, limit int) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	for w.sent[ci]-w.committed[ci] >= limit {
		select {
		case <-stop:
			return false
		case <-ctx.Done():
			return false
		case <-w.done:
			return false
		default:
		}
		w.cond.Wait()
	}
	select {
	case <-stop:
		return false
	default:
	}
	w.sent[ci]++
	return true
}

func (w *batchWatcher) unadmit(ci int) {
	w.mu.Lock()
	w.sent[ci]--
	w.mu.Unlock()
}

func (w *batchWatcher) head() uint64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.last
}

func (w *batchWatcher) events(first, last uint64) []batchEvent {
	w.mu.Lock()
	defer w.mu.Unlock()
	var out []batchEvent
	for _, ev := range w.evs {
		if ev.block >= first && ev.block <= last {
			out = append(out, ev)
		}
	}
	return out
}

// firstDeposit is the block of the run's first balance change (a
// deposit), 0 when none was seen.
func (w *batchWatcher) firstDeposit() uint64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.depBlocks) == 0 {
		return 0
	}
	return w.depBlocks[0]
}

// deposits counts the balance changes in blocks first..last that were
// not batches (a batch changes balances without this event).
func (w *batchWatcher) deposits(first, last uint64) int {
	w.mu.Lock()
	defer w.mu.Unlock()
	n := 0
	for _, b := range w.depBlocks {
		if b >= first && b <= last {
			n++
		}
	}
	return n
}

// addBatchedStats adds b's counters and stage times to a.
func addBatchedStats(a *worker.BatchedStats, b worker.BatchedStats) {
	a.Accepted += b.Accepted
	a.Forwarded += b.Forwarded
	a.Refused += b.Refused
	a.Executed += b.Executed
	a.Committed += b.Committed
	a.Failed += b.Failed
	a.Batches += b.Batches
	a.Landed += b.Landed
	a.Voided += b.Voided
	a.Resumed += b.Resumed
	a.Check += b.Check
	a.AcceptStore += b.AcceptStore
	a.Execute += b.Execute
	a.Sign += b.Sign
	a.BatchStore += b.BatchStore
	a.Send += b.Send
	a.Mined += b.Mined
	a.CommitStore += b.CommitStore
	a.FailStore += b.FailStore
}
