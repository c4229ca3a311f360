// Package network measures compute tasks through a whole in-process
// network for `enigma bench e2e`: a devnet (embedded chain, key manager,
// workers, gateway) and many users, each with its own funded account and
// its own sdk/client, sending tasks to small secret contracts. It reports
// each task's latency in blocks, from the block of its task record to the
// block of its receipt, and the system's sustained throughput in receipts
// on chain per second.
//
// It is a benchmark harness: it may import the devnet, the chain client
// and the Go client; no product package may import it.
package network

import (
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"slices"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/chain/bindings"
	"github.com/enigma-go/enigma/internal/devnet"
	"github.com/enigma-go/enigma/internal/enclave/testcontract"
	"github.com/enigma-go/enigma/sdk/client"
)

// Config says what network to start and who uses it.
type Config struct {
	// BlockPeriod of the embedded chain.
	BlockPeriod time.Duration
	// Workers of the devnet.
	Workers int
	// Users each get a fresh key funded with ETH and ENG by the deployer
	// and a client of their own. User i sends its tasks to contract
	// i % Contracts.
	Users int
	// Contracts deployed (the tiny test contract), one by each of the
	// first Contracts users; at most Users.
	Contracts int
	// PerTask sends v2 compute tasks on the per-task path (a task record
	// and a receipt each) instead of the batched path, the clients'
	// default.
	PerTask bool
	// Logger of the devnet and the clients; nil discards.
	Logger *slog.Logger
}

// DefaultConfig runs 3 workers under 1 s blocks, with 64 users over 32
// contracts: two users a contract, so that the clients (one task per user
// every 2 blocks) and the contracts (one receipt each a block) allow the
// same 32 tasks a block.
func DefaultConfig() Config {
	return Config{BlockPeriod: time.Second, Workers: 3, Users: 64, Contracts: 32}
}

// Validate reports settings the benchmark cannot run with.
func (c Config) Validate() error {
	var errs []error
	if c.BlockPeriod <= 0 {
		errs = append(errs, errors.New("network: BlockPeriod must be positive"))
	}
	if c.Workers < 1 {
		errs = append(errs, errors.New("network: Workers must be at least 1"))
	}
	if c.Users < 1 || c.Contracts < 1 || c.Contracts > c.Users {
		errs = append(errs, fmt.Errorf("network: need 1 <= Contracts (%d) <= Users (%d)", c.Contracts, c.Users))
	}
	if c.Users > maxUsers {
		errs = append(errs, fmt.Errorf("network: at most %d users (the deployer's 10,000 ETH funds them), not %d", maxUsers, c.Users))
	}
	return errors.Join(errs...)
}

// maxUsers is how many users the deployer's ETH can fund.
const maxUsers = 500

// The funding of each user: plenty for thousands of tasks at the client's
// default fee of 1 M gas × 1 grain.
var (
	userETH = new(big.Int).Mul(big.NewInt(10), big.NewInt(1e18))
	userENG = big.NewInt(1e12)
)

// computeFn is the test contract's "store the arguments" call: it writes
// state, so every task makes a new state delta the receipt commits.
const computeFn = "store(uint256)"

// Net is a running devnet with funded users and deployed contracts.
type Net struct {
	cfg       Config
	d         *devnet.Devnet
	ch        *chain.Client
	enigma    *chain.Enigma
	users     []*client.Client
	contracts []api.ContractAddress
	w         *watcher
}

// Start starts the devnet (free ports, an epoch longer than any run, so no
// epoch changes while measuring), funds the users, deploys the contracts
// and starts watching the chain for receipts.
func Start(ctx context.Context, cfg Config) (_ *Net, err error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	dc := devnet.TestConfig()
	dc.BlockPeriod, dc.Workers, dc.Logger = cfg.BlockPeriod, cfg.Workers, cfg.Logger
	dc.EpochSize = 100_000
	d, err := devnet.Start(ctx, dc)
	if err != nil {
		return nil, fmt.Errorf("network: start the devnet: %w", err)
	}
	n := &Net{cfg: cfg, d: d}
	defer func() {
		if err != nil {
			n.Close()
		}
	}()
	cc := chain.DefaultConfig()
	cc.RPCURL = d.ChainURL()
	if n.ch, err = chain.Dial(ctx, cc); err != nil {
		return nil, fmt.Errorf("network: dial the chain: %w", err)
	}
	a := d.Addresses()
	n.enigma = n.ch.Bind(chain.Addresses{Enigma: a.Contract, Token: a.Token})

	keys := make([]*ecdsa.PrivateKey, cfg.Users)
	addrs := make([]common.Address, cfg.Users)
	for i := range keys {
		if keys[i], err = crypto.GenerateKey(); err != nil {
			return nil, err
		}
		addrs[i] = crypto.PubkeyToAddress(keys[i].PublicKey)
	}
	deployer := chain.NodeAccount(d.Accounts()[0])
	fund := make(chan error, 2)
	go func() { fund <- n.ch.FundETH(ctx, deployer, addrs, userETH) }()
	go func() { fund <- n.enigma.FundENG(ctx, deployer, addrs, userENG) }()
	if err := errors.Join(<-fund, <-fund); err != nil {
		return nil, fmt.Errorf("network: fund the users: %w", err)
	}
	for _, k := range keys {
		c := client.TestConfig()
		c.ChainRPC, c.Gateway, c.Enigma, c.Token = d.ChainURL(), d.GatewayURL(), a.Contract.Hex(), a.Token.Hex()
		c.Account, c.Logger = hex.EncodeToString(crypto.FromECDSA(k)), cfg.Logger
		c.DeployGasLimit = 1_000_000 // the test contract is a few hundred bytes
		c.PerTask = cfg.PerTask
		c.PollInterval = max(cfg.BlockPeriod/4, 50*time.Millisecond)
		u, err := client.New(ctx, c)
		if err != nil {
			return nil, fmt.Errorf("network: a user's client: %w", err)
		}
		n.users = append(n.users, u)
	}

	n.contracts = make([]api.ContractAddress, cfg.Contracts)
	code := testcontract.Contract()
	errs := make(chan error, cfg.Contracts)
	for i := range cfg.Contracts {
		go func() {
			t, err := n.users[i].Deploy(ctx, code, "construct()")
			if err == nil {
				var st client.Status
				if st, err = t.Wait(ctx, nil); err == nil && st.Chain != api.ChainReceiptVerified {
					err = fmt.Errorf("deploy task %s ended %v", t.ID, st)
				}
			}
			if err != nil {
				errs <- fmt.Errorf("network: deploy the test contract: %w", err)
				return
			}
			n.contracts[i] = t.Contract
			errs <- nil
		}()
	}
	var all []error
	for range cfg.Contracts {
		all = append(all, <-errs)
	}
	if err := errors.Join(all...); err != nil {
		return nil, err
	}
	head, err := n.ch.BlockNumber(ctx)
	if err != nil {
		return nil, err
	}
	n.w = newWatcher(n.enigma, head+1, max(cfg.BlockPeriod/5, 20*time.Millisecond))
	return n, nil
}

// Close stops the watcher, the clients and the devnet.
func (n *Net) Close() {
	if n.w != nil {
		n.w.stop()
	}
	for _, u := range n.users {
		u.Close()
	}
	if n.ch != nil {
		n.ch.Close()
	}
	if n.d != nil {
		n.d.Close()
	}
}

// Sample is one compute task as the chain saw it.
type Sample struct {
	ID           api.TaskID
	RecordBlock  uint64 // the block of its task record
	ReceiptBlock uint64 // the block of its receipt
	Failed       bool   // a failure receipt (ReceiptFailed)
	// Took is from the call to Compute until the receipt's block was
	// seen: what a user waits, approve and record included.
	Took time.Duration
}

// Blocks is the task's latency in blocks: receipt block - record block.
func (s Sample) Blocks() uint64 { return s.ReceiptBlock - s.RecordBlock }

// LatencyResult is what Latency measured.
type LatencyResult struct {
	Samples []Sample
	// Percentiles of Sample.Blocks and Sample.Took.
	P50Blocks, P99Blocks, MaxBlocks uint64
	P50Took, P99Took                time.Duration
	Failed                          int
}

// Latency has `users` users (at most Config.Users, each on its own
// contract when there are enough) send `perUser` compute tasks each, one
// after another, all users at once, and waits for every receipt.
func (n *Net) Latency(ctx context.Context, users, perUser int) (LatencyResult, error) {
	users = min(users, len(n.users))
	var mu sync.Mutex
	var res LatencyResult
	errs := make(chan error, users)
	for i := range users {
		go func() {
			u, sc := n.users[i], n.contracts[i%len(n.contracts)]
			for k := range perUser {
				s, err := n.send(ctx, u, sc, int64(k))
				if err == nil {
					s, err = n.w.wait(ctx, s, n.receiptTimeout())
				}
				if err != nil {
					errs <- err
					return
				}
				mu.Lock()
				res.Samples = append(res.Samples, s)
				mu.Unlock()
			}
			errs <- nil
		}()
	}
	var all []error
	for range users {
		all = append(all, <-errs)
	}
	if err := errors.Join(all...); err != nil {
		return res, err
	}
	blocks := make([]uint64, len(res.Samples))
	took := make([]time.Duration, len(res.Samples))
	for i, s := range res.Samples {
		blocks[i], took[i] = s.Blocks(), s.Took
		if s.Failed {
			res.Failed++
		}
	}
	res.P50Blocks, res.P99Blocks, res.MaxBlocks = percentile(blocks, 50), percentile(blocks, 99), percentile(blocks, 100)
	res.P50Took, res.P99Took = percentile(took, 50), percentile(took, 99)
	return res, nil
}

// ThroughputResult is what Throughput measured.
type ThroughputResult struct {
	// TasksPerSec is the receipts mined in the blocks of the measured
	// window per second of those blocks (Blocks × BlockPeriod).
	TasksPerSec float64
	Window      time.Duration
	Receipts    int // receipts mined in the window
	Failed      int // of which failure receipts
	Blocks      int // blocks mined in the window
	// MaxPerBlock is the most receipts one block of the window held;
	// MaxPerContractBlock the most receipts of one contract in one block
	// (the contract's state deltas are ordered: one per block at most,
	// unless a worker commits several in a row).
	MaxPerBlock, MaxPerContractBlock int
	// Sent is the task records all users created, during warm-up and
	// window.
	Sent int
	// P50Blocks is the median latency in blocks of the window's tasks.
	P50Blocks uint64
	// MaxBlockGas is the most gas a block of the window used, of
	// BlockGasLimit.
	MaxBlockGas, BlockGasLimit uint64
	// CPUCores is the CPU time the whole process (devnet, clients and
	// all) used in the window, in cores: near the machine's core count,
	// the CPU is what bounds the figure.
	CPUCores float64
}

// Throughput has every user send compute tasks as fast as its client
// allows (each client creates its records one at a time: approve, then
// record), with at most inFlight tasks per user awaiting their receipt. It
// counts the receipts mined during `window` after a warm-up of `warm`.
func (n *Net) Throughput(ctx context.Context, warm, window time.Duration, inFlight int) (ThroughputResult, error) {
	var res ThroughputResult
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	var sendErr error
	for i, u := range n.users {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem := make(chan struct{}, max(inFlight, 1))
			sc := n.contracts[i%len(n.contracts)]
			for k := 0; ; k++ {
				select {
				case <-stop:
					return
				case sem <- struct{}{}:
				}
				s, err := n.send(ctx, u, sc, int64(k))
				if err != nil {
					if ctx.Err() == nil {
						mu.Lock()
						sendErr = errors.Join(sendErr, err)
						mu.Unlock()
					}
					return
				}
				mu.Lock()
				res.Sent++
				mu.Unlock()
				go func() {
					n.w.wait(ctx, s, n.receiptTimeout())
					<-sem
				}()
			}
		}()
	}
	var first, last uint64
	select {
	case <-time.After(warm):
	case <-ctx.Done():
	}
	first = n.w.seen() + 1
	t0, cpu0 := time.Now(), processCPU()
	select {
	case <-time.After(window):
	case <-ctx.Done():
	}
	last = n.w.seen()
	res.Window = time.Since(t0)
	res.CPUCores = float64(processCPU()-cpu0) / float64(res.Window)
	close(stop)
	cancel()
	wg.Wait()
	if sendErr != nil {
		return res, fmt.Errorf("network: send tasks: %w", sendErr)
	}
	if last < first {
		return res, fmt.Errorf("network: no block was mined in the %v window", window)
	}
	res.Blocks = int(last - first + 1)
	var blocks []uint64
	perBlock := map[uint64]int{}
	perContract := map[[2]any]int{}
	for _, r := range n.w.receipts(first, last) {
		res.Receipts++
		if r.failed {
			res.Failed++
		}
		perBlock[r.block]++
		perContract[[2]any{r.block, r.contract}]++
		if r.record != 0 {
			blocks = append(blocks, r.block-r.record)
		}
	}
	for _, v := range perBlock {
		res.MaxPerBlock = max(res.MaxPerBlock, v)
	}
	for _, v := range perContract {
		res.MaxPerContractBlock = max(res.MaxPerContractBlock, v)
	}
	res.P50Blocks = percentile(blocks, 50)
	for b := first; b <= last; b++ {
		h, err := n.ch.Eth().HeaderByNumber(context.WithoutCancel(ctx), new(big.Int).SetUint64(b))
		if err != nil {
			return res, fmt.Errorf("network: read block %d: %w", b, err)
		}
		res.MaxBlockGas, res.BlockGasLimit = max(res.MaxBlockGas, h.GasUsed), h.GasLimit
	}
	// The dev chain seals exactly one block a period: counting whole
	// blocks avoids the watcher's polling lag at the window's edges.
	res.TasksPerSec = float64(res.Receipts) / (float64(res.Blocks) * n.cfg.BlockPeriod.Seconds())
	return res, nil
}

// receiptTimeout is how long a task's receipt is awaited: far more
// blocks than a task takes on a loaded machine.
func (n *Net) receiptTimeout() time.Duration { return 60*n.cfg.BlockPeriod + 30*time.Second }

// send creates one compute task and hands it to the gateway.
func (n *Net) send(ctx context.Context, u *client.Client, sc api.ContractAddress, k int64) (Sample, error) {
	start := time.Now()
	t, err := u.Compute(ctx, sc, computeFn, big.NewInt(k))
	if err != nil {
		return Sample{}, fmt.Errorf("network: compute task: %w", err)
	}
	n.w.expect(t.ID, t.Block, start)
	return Sample{ID: t.ID, RecordBlock: t.Block, Took: time.Since(start)}, nil
}

func percentile[T uint64 | time.Duration](v []T, p int) T {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	i := (len(s)*p + 99) / 100 // nearest rank
	return s[max(i-1, 0)]
}

// receipt is a receipt log the watcher saw.
type receipt struct {
	block, record uint64
	contract      api.ContractAddress
	failed        bool
	seen          time.Time
}

// watcher follows the chain's new blocks and records the block of every
// task receipt, so that no client polls per task.
type watcher struct {
	enigma *chain.Enigma
	done   chan struct{}
	exited chan struct{}

	mu      sync.Mutex
	first   uint64 // the first block watched
	next    uint64 // the first block not read yet
	byTask  map[api.TaskID]*receipt
	started map[api.TaskID]time.Time
	record  map[api.TaskID]uint64
	notify  map[api.TaskID]chan struct{}
	err     error
}

func newWatcher(e *chain.Enigma, from uint64, every time.Duration) *watcher {
	w := &watcher{enigma: e, done: make(chan struct{}), exited: make(chan struct{}), first: from, next: from,
		byTask: map[api.TaskID]*receipt{}, started: map[api.TaskID]time.Time{}, record: map[api.TaskID]uint64{}, notify: map[api.TaskID]chan struct{}{}}
	go w.run(every)
	return w
}

func (w *watcher) stop() {
	close(w.done)
	<-w.exited
}

func (w *watcher) run(every time.Duration) {
	pollUntil(w.done, w.exited, every, w.poll, func(err error) {
		w.mu.Lock()
		w.err = err
		w.mu.Unlock()
	})
}

// pollUntil calls poll every `every` until done is closed, then closes
// exited; an error of a poll not cut short by done goes to onErr.
func pollUntil(done <-chan struct{}, exited chan<- struct{}, every time.Duration, poll func(context.Context) error, onErr func(error)) {
	defer close(exited)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		<-done
		cancel()
	}()
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-done:
			return
		case <-tick.C:
		}
		if err := poll(ctx); err != nil && ctx.Err() == nil {
			onErr(err)
		}
	}
}

func (w *watcher) poll(ctx context.Context) error {
	head, err := w.enigma.Client().BlockNumber(ctx)
	if err != nil {
		return err
	}
	w.mu.Lock()
	// Read the last few blocks again each time: the node's log index may
	// answer for the head before it holds all of the head's logs.
	from := max(w.next, w.first+rescanBlocks) - rescanBlocks
	w.mu.Unlock()
	if head < from {
		return nil
	}
	logs, err := w.enigma.Client().Eth().FilterLogs(ctx, ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(from), ToBlock: new(big.Int).SetUint64(head),
		Addresses: []common.Address{w.enigma.Addresses().Enigma},
	})
	if err != nil {
		return err
	}
	now := time.Now()
	w.mu.Lock()
	defer w.mu.Unlock()
	for i := range logs {
		_, ev, err := w.enigma.DecodeEvent(&logs[i])
		if err != nil {
			continue
		}
		r := &receipt{block: logs[i].BlockNumber, seen: now}
		var id api.TaskID
		switch ev := ev.(type) {
		case *bindings.EnigmaReceiptVerified:
			id, r.contract = ev.TaskId, ev.ScAddr
		case *bindings.EnigmaReceiptFailed:
			id, r.failed = ev.TaskId, true
		default:
			continue
		}
		if _, ok := w.byTask[id]; ok {
			continue // seen in an earlier poll
		}
		r.record = w.record[id]
		w.byTask[id] = r
		if ch, ok := w.notify[id]; ok {
			close(ch)
			delete(w.notify, id)
		}
	}
	w.next = head + 1
	return nil
}

// rescanBlocks is how many blocks before the next unread one each poll
// reads again.
const rescanBlocks = 4

// seen is the last block read.
func (w *watcher) seen() uint64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.next - 1
}

// expect registers a task whose receipt is awaited.
func (w *watcher) expect(id api.TaskID, record uint64, start time.Time) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.record[id], w.started[id] = record, start
	if r, ok := w.byTask[id]; ok {
		r.record = record
	} else if _, ok := w.notify[id]; !ok {
		w.notify[id] = make(chan struct{})
	}
}

// wait returns s completed with its receipt once the receipt is mined.
func (w *watcher) wait(ctx context.Context, s Sample, timeout time.Duration) (Sample, error) {
	w.mu.Lock()
	ch := w.notify[s.ID]
	w.mu.Unlock()
	if ch != nil {
		t := time.NewTimer(timeout)
		defer t.Stop()
		select {
		case <-ch:
		case <-ctx.Done():
			return s, fmt.Errorf("network: waiting for the receipt of task %s: %w", s.ID, ctx.Err())
		case <-t.C:
			w.mu.Lock()
			err := w.err
			w.mu.Unlock()
			status := "unknown"
			if rec, rerr := w.enigma.TaskRecord(ctx, s.ID); rerr == nil {
				status = api.ChainStatus(rec.Status).String()
			}
			return s, fmt.Errorf("network: no receipt for task %s (record in block %d, chain status %s) after %v (last chain error: %v)",
				s.ID, s.RecordBlock, status, timeout, err)
		}
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	r := w.byTask[s.ID]
	s.ReceiptBlock, s.Failed, s.Took = r.block, r.failed, r.seen.Sub(w.started[s.ID])
	return s, nil
}

// receipts are those mined in blocks first..last.
func (w *watcher) receipts(first, last uint64) []receipt {
	w.mu.Lock()
	defer w.mu.Unlock()
	var out []receipt
	for _, r := range w.byTask {
		if r.block >= first && r.block <= last {
			out = append(out, *r)
		}
	}
	return out
}
