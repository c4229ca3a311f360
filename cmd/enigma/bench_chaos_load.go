package main

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"math/big"
	mrand "math/rand/v2"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/enclave/testcontract"
	"github.com/enigma-go/enigma/sdk/client"
)

// chaosOp is what a task asks of the test contract
// (internal/enclave/testcontract), and so what it must end as.
type chaosOp string

const (
	opDeploy  chaosOp = "deploy"  // construct(uint256 v): stores v; verified
	opStore   chaosOp = "store"   // store(uint256 v): stores v and returns it; verified
	opGet     chaosOp = "get"     // get(): returns the value stored last; verified
	opTrap    chaosOp = "trap"    // unreachable(): traps on purpose; failed with a receipt
	opLowGas  chaosOp = "low-gas" // store(uint256) with chaosLowGas gas: runs out; failed with a receipt
	opNoInput chaosOp = "vanish-before-inputs"
	opNoRead  chaosOp = "vanish-after-inputs"
)

// chaosLowGas is too little gas for any call of the test contract: the
// task runs out of gas in the enclave and ends with a failure receipt.
const chaosLowGas = 1_000

// chaosDeployGas is the gas limit of the test contract's deployments (a
// deployment pays a gas per byte of its few hundred; the client's default
// is for Go contracts of megabytes).
const chaosDeployGas = 1_000_000

// chaosHungBlocks is how many blocks past its timeout a task may take to
// end (by its receipt, or by its user taking the fee back) before it
// counts as hung.
const chaosHungBlocks = 20

// chaosLoad is the clients' side of a run.
type chaosLoad struct {
	cfg     chaosConfig
	net     *chaosNet
	code    []byte
	timeout uint64 // the task timeout, in blocks

	sent    atomic.Int64 // tickets taken by the lanes
	ended   atomic.Int64
	faults  chan chaosFault
	vanish  sync.WaitGroup
	started time.Time

	mu       sync.Mutex
	tasks    []*chaosTask
	restarts []chaosRestart

	// recordMu keeps the vanishing client's approve and record together:
	// an approval sets the allowance rather than adding to it.
	recordMu sync.Mutex
}

type chaosFault struct {
	node string
	at   int
}

// runChaosLoad runs the clients' lanes, the faults and the vanishing
// clients until every task ended, then reads every result back.
func runChaosLoad(ctx context.Context, net *chaosNet, cfg chaosConfig) (*chaosReport, error) {
	timeout, err := net.e.TaskTimeoutSize(ctx)
	if err != nil {
		return nil, err
	}
	l := &chaosLoad{cfg: cfg, net: net, code: testcontract.Contract(), timeout: timeout, faults: make(chan chaosFault, 64)}
	clients := make([]*client.Client, cfg.Clients)
	for i := range clients {
		if clients[i], err = l.client(ctx, net.clientAccount(i).Hex()); err != nil {
			return nil, err
		}
		defer clients[i].Close()
	}
	vanisher, err := l.client(ctx, net.vanishAccount(1).Hex())
	if err != nil {
		return nil, err
	}
	defer vanisher.Close()

	rep := &chaosReport{}
	faultErr := make(chan error, 1)
	go func() { faultErr <- l.runFaults(ctx) }()

	l.started = time.Now()
	var lanes sync.WaitGroup
	for ci, c := range clients {
		for li := range cfg.Lanes {
			lanes.Add(1)
			go func() {
				defer lanes.Done()
				l.lane(ctx, c, ci, li, vanisher)
			}()
		}
	}
	lanes.Wait()
	rep.LoadTime = time.Since(l.started)
	l.vanish.Wait()
	close(l.faults)
	if err := <-faultErr; err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	fmt.Fprintf(cfg.Out, "chaos: all %d tasks ended in %.0fs; reading every result back through the gateway\n", len(l.tasks), time.Since(l.started).Seconds())
	l.readBack(ctx)
	rep.Tasks, rep.Restarts = l.tasks, l.restarts
	return rep, nil
}

func (l *chaosLoad) client(ctx context.Context, account string) (*client.Client, error) {
	c := client.DefaultConfig()
	c.ChainRPC, c.Gateway = l.net.dev.HTTPEndpoint(), l.net.gatewayURL
	a := l.net.e.Addresses()
	c.Enigma, c.Token, c.Account = a.Enigma.Hex(), a.Token.Hex(), account
	c.DeployGasLimit = chaosDeployGas
	// The chaos run judges every task by its record on chain (verified,
	// failed, refunded): v2 tasks take the per-task path here; the batched
	// path's crashes and restarts are the worker's tests.
	c.PerTask = true
	// Wait gives up a little after the task could have been refunded: the
	// harness then takes the fee back, or counts the task hung.
	c.WaitTimeout = time.Duration(l.timeout+chaosHungBlocks)*l.cfg.BlockPeriod + time.Minute
	return client.New(ctx, c)
}

// take hands out the next task ticket, and schedules the faults and the
// vanishing clients due at it.
func (l *chaosLoad) take(ctx context.Context, vanisher *client.Client) (int, bool) {
	n := int(l.sent.Add(1))
	if n > l.cfg.Tasks {
		return 0, false
	}
	if n%l.cfg.KillEvery == 0 && n < l.cfg.Tasks {
		l.faults <- chaosFault{node: chaosWorkerName((n/l.cfg.KillEvery - 1) % l.cfg.Workers), at: n}
	}
	if n == l.cfg.KMKillAt {
		l.faults <- chaosFault{node: "km", at: n}
	}
	if n%l.cfg.VanishEvery == 0 {
		l.vanish.Add(1)
		go func() {
			defer l.vanish.Done()
			if (n/l.cfg.VanishEvery)%2 == 1 {
				l.vanishBeforeInputs(ctx, n)
			} else {
				l.vanishAfterInputs(ctx, n, vanisher)
			}
		}()
	}
	return n, true
}

// runFaults kills and restarts the nodes the tickets asked for, one at a
// time.
func (l *chaosLoad) runFaults(ctx context.Context) error {
	var firstErr error
	for f := range l.faults {
		if firstErr != nil || ctx.Err() != nil {
			continue
		}
		fmt.Fprintf(l.cfg.Out, "chaos: task %d: SIGKILL %s\n", f.at, f.node)
		r, err := l.net.killAndRestart(ctx, f.node, f.at)
		if err != nil {
			firstErr = err
			continue
		}
		if f.node == "km" {
			fmt.Fprintf(l.cfg.Out, "chaos: km serving again %.1fs after its kill\n", r.Up.Seconds())
		} else {
			fmt.Fprintf(l.cfg.Out, "chaos: %s serving again %.1fs after its kill, reached through the gateway after %.1fs\n", f.node, r.Up.Seconds(), r.Serve.Seconds())
		}
		l.mu.Lock()
		l.restarts = append(l.restarts, r)
		l.mu.Unlock()
	}
	return firstErr
}

// laneState is what a lane knows of its contract.
type laneState struct {
	contract api.ContractAddress
	value    []byte // ABI encoding of the value stored last
	known    bool   // false: deploy a new contract first
}

// lane sends one task after another to contracts of its own (one in
// flight), each with its expected result, until the tickets run out. A
// lane's contract whose state it can no longer predict (a task that did
// not end as expected) is replaced by a new deployment.
func (l *chaosLoad) lane(ctx context.Context, c *client.Client, ci, li int, vanisher *client.Client) {
	rng := mrand.New(mrand.NewPCG(uint64(l.cfg.Seed), uint64(ci*64+li)))
	var st laneState
	for ctx.Err() == nil {
		n, ok := l.take(ctx, vanisher)
		if !ok {
			return
		}
		env := client.EnvelopeV2
		if rng.IntN(2) == 0 {
			env = client.EnvelopeCompat
		}
		t := &chaosTask{N: n, Client: ci, Envelope: env}
		cl := c.WithEnvelope(env)
		v := rng.Uint64()
		switch r := rng.IntN(100); {
		case !st.known || r < 8:
			t.Op, t.Deploy, t.Want = opDeploy, true, []byte{}
			l.run(ctx, t, func(ctx context.Context) (*client.Task, error) {
				return cl.Deploy(ctx, l.code, "construct(uint256)", new(big.Int).SetUint64(v))
			})
			st = laneState{known: t.Outcome == chaosVerified}
			if st.known {
				st.contract, st.value = t.task.Contract, abiUint(v)
			}
			continue
		case r < 50:
			t.Op, t.Want = opStore, abiUint(v)
		case r < 76:
			t.Op, t.Want = opGet, st.value
		case r < 88:
			t.Op = opTrap
		default:
			t.Op, cl = opLowGas, cl.WithGasLimit(chaosLowGas)
		}
		l.run(ctx, t, func(ctx context.Context) (*client.Task, error) {
			switch t.Op {
			case opGet:
				return cl.Compute(ctx, st.contract, "get()")
			case opTrap:
				return cl.Compute(ctx, st.contract, "unreachable()")
			}
			return cl.Compute(ctx, st.contract, "store(uint256)", new(big.Int).SetUint64(v))
		})
		switch {
		case t.Outcome == chaosVerified && t.Op == opStore:
			st.value = t.Want
		case t.Outcome != chaosVerified && t.Outcome != chaosFailed:
			st.known = false
		}
	}
}

// run sends a task and follows it to its end.
func (l *chaosLoad) run(ctx context.Context, t *chaosTask, send func(context.Context) (*client.Task, error)) {
	l.add(t)
	t.Start = time.Now()
	ct, err := send(ctx)
	if ct == nil {
		// Nothing recorded on chain: the client gave up before the task
		// existed. No task of the mix is refused for itself.
		t.finish(chaosNetwork, fmt.Sprintf("the client gave up before the task record: %v", err))
		l.progress()
		return
	}
	t.setTask(ct)
	if err != nil {
		t.note("the gateway refused the recorded task: " + err.Error())
	}
	l.follow(ctx, t)
}

// follow waits for a recorded task to end, takes its fee back as its user
// would once it timed out, and classifies the end.
func (l *chaosLoad) follow(ctx context.Context, t *chaosTask) {
	var st client.Status
	var err error
	if t.Op == opNoRead {
		st, err = l.watchRecord(ctx, t)
	} else {
		st, err = t.task.Wait(ctx, nil)
	}
	if errors.Is(err, client.ErrTaskTimedOut) {
		st, err = l.refund(ctx, t.task, t.Block)
	}
	if err != nil {
		t.finish(chaosHung, err.Error())
		l.progress()
		return
	}
	l.classify(ctx, t, st.Chain)
	l.progress()
}

// watchRecord follows the task of a client that vanished: only its
// record on chain is read (nobody asks the gateway about the task) until
// it is final or timed out.
func (l *chaosLoad) watchRecord(ctx context.Context, t *chaosTask) (client.Status, error) {
	for {
		rec, err := l.net.e.TaskRecord(ctx, t.ID)
		head, herr := l.net.e.Client().BlockNumber(ctx)
		if err == nil && herr == nil {
			st := client.Status{Chain: api.ChainStatus(rec.Status), Head: head, Record: t.Block}
			if st.Done() {
				return st, nil
			}
			if head > t.Block+l.timeout {
				return st, client.ErrTaskTimedOut
			}
		}
		select {
		case <-ctx.Done():
			return client.Status{}, ctx.Err()
		case <-time.After(l.cfg.BlockPeriod):
		}
	}
}

// refund takes back the fee of a task that timed out, as its sender does
// (client.Task.ReturnFees), unless a receipt closes it first; it gives up
// chaosHungBlocks after the timeout.
func (l *chaosLoad) refund(ctx context.Context, t *client.Task, record uint64) (client.Status, error) {
	var lastErr error
	for {
		st, err := t.Status(ctx)
		if err == nil && st.Done() {
			return st, nil
		}
		if err == nil && st.Head > record+l.timeout+chaosHungBlocks {
			return st, fmt.Errorf("task %s is still open %d blocks after its record (timeout %d): its fee could not be returned: %v", t.ID, st.Head-record, l.timeout, lastErr)
		}
		if err == nil {
			if lastErr = t.ReturnFees(ctx); lastErr == nil {
				continue
			}
		}
		select {
		case <-ctx.Done():
			return st, ctx.Err()
		case <-time.After(l.cfg.BlockPeriod):
		}
	}
}

// classify names how a task that ended on chain ended, against what its
// operation must end as, and checks its result through the gateway.
func (l *chaosLoad) classify(ctx context.Context, t *chaosTask, status api.ChainStatus) {
	t.Status = status
	want := t.Op.expect()
	switch {
	case status == api.ChainReceiptVerified && want != api.ChainReceiptVerified:
		t.finish(chaosWrong, fmt.Sprintf("%s ended SUCCESS, it must fail", t.Op))
	case status == want && status == api.ChainReceiptVerified:
		t.finish(l.checkOutput(ctx, t))
	case status == want && status == api.ChainReceiptFailed:
		if _, err := t.task.Result(ctx); err != nil {
			t.finish(chaosLost, "its failure receipt's result cannot be read: "+err.Error())
			return
		}
		t.finish(chaosFailed, "")
	case status == want:
		t.finish(chaosRefunded, "")
	default:
		why := fmt.Sprintf("%s ended %s", t.Op, status)
		if status == api.ChainReceiptFailed {
			if _, err := t.task.Output(ctx); err != nil {
				why += ": " + err.Error()
			}
		}
		t.finish(chaosNetwork, why+t.notes()+l.killedDuring(t))
	}
}

// killedDuring names the kills of the task's worker, or of the key
// manager, while the task ran: the likely cause of a network failure.
func (l *chaosLoad) killedDuring(t *chaosTask) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var kills []string
	for _, r := range l.restarts {
		if r.Killed.After(t.Start) && (r.Node == "km" || l.net.signer(r.Node) == t.Worker) {
			kills = append(kills, fmt.Sprintf("%s killed %.1fs after the task was sent", r.Node, r.Killed.Sub(t.Start).Seconds()))
		}
	}
	if len(kills) == 0 {
		return ""
	}
	return " [" + strings.Join(kills, "; ") + "]"
}

// checkOutput reads a verified task's output through the gateway and
// compares it with the expected one.
func (l *chaosLoad) checkOutput(ctx context.Context, t *chaosTask) (chaosOutcome, string) {
	rctx, cancel := context.WithTimeout(ctx, chaosReadTimeout)
	defer cancel()
	out, err := t.task.Output(rctx)
	switch {
	case err != nil && (strings.Contains(err.Error(), "no result") || errors.Is(err, context.DeadlineExceeded)):
		return chaosLost, err.Error()
	case err != nil:
		return chaosWrong, err.Error()
	case string(out) != string(t.Want):
		return chaosWrong, fmt.Sprintf("output %x, want %x", out, t.Want)
	}
	return chaosVerified, ""
}

// chaosReadTimeout bounds reading one result through the gateway: a worker
// that holds it may be restarting.
const chaosReadTimeout = 2 * time.Minute

// readBack reads every result that was read once again, after the last
// restart: a result must stay readable.
func (l *chaosLoad) readBack(ctx context.Context) {
	sem := make(chan struct{}, 8)
	var wg sync.WaitGroup
	for _, t := range l.tasks {
		if t.Outcome != chaosVerified && t.Outcome != chaosFailed {
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			if t.Outcome == chaosFailed {
				if _, err := t.task.Result(ctx); err != nil {
					t.reclassify(chaosLost, "read back after the run: "+err.Error())
				}
				return
			}
			if o, why := l.checkOutput(ctx, t); o != chaosVerified {
				t.reclassify(o, "read back after the run: "+why)
			}
		}()
	}
	wg.Wait()
}

// vanishBeforeInputs is a client that creates its task record (and so
// escrows the fee) and disappears before it sends the inputs: no worker
// ever hears of the task. It comes back after the timeout and takes its
// fee back; the task must end refunded.
func (l *chaosLoad) vanishBeforeInputs(ctx context.Context, n int) {
	t := &chaosTask{N: n, Client: -1, Op: opNoInput}
	l.add(t)
	t.Start = time.Now()
	acct := chain.NodeAccount(l.net.vanishAccount(0))
	c, err := l.client(ctx, acct.Address.Hex())
	if err != nil {
		t.finish(chaosNetwork, err.Error())
		return
	}
	defer c.Close()
	rec, err := l.recordOnly(ctx, acct)
	if err != nil {
		t.finish(chaosNetwork, "create the task record: "+err.Error())
		return
	}
	t.ID, t.Block = rec.TaskID, rec.Block
	ct := c.Task(rec.TaskID)
	// Gone until the task timed out.
	if err := l.waitBlock(ctx, rec.Block+l.timeout+1); err != nil {
		t.finish(chaosHung, err.Error())
		return
	}
	st, err := l.refund(ctx, ct, rec.Block)
	if err != nil {
		t.finish(chaosHung, err.Error())
		return
	}
	t.Status = st.Chain
	if st.Chain == api.ChainReceiptFailedRet {
		t.finish(chaosRefunded, "")
	} else {
		t.finish(chaosWrong, fmt.Sprintf("a task whose inputs nobody got ended %s", st.Chain))
	}
	l.progress()
}

// recordOnly approves a fee and creates a task record for inputs nobody
// will send, in the current epoch.
func (l *chaosLoad) recordOnly(ctx context.Context, acct chain.Account) (*chain.TaskRecord, error) {
	l.recordMu.Lock()
	defer l.recordMu.Unlock()
	e := l.net.e
	const gas = 100_000
	if _, err := e.ApproveEnigma(ctx, acct, big.NewInt(gas)); err != nil {
		return nil, err
	}
	var inputs [32]byte
	rand.Read(inputs[:])
	var lastErr error
	for range 5 {
		head, err := e.Client().BlockNumber(ctx)
		if err != nil {
			return nil, err
		}
		wp, err := e.WorkerParams(ctx, head)
		if err != nil {
			return nil, err
		}
		rec, err := e.CreateTaskRecord(ctx, acct, inputs, gas, 1, wp.Arg0.Uint64())
		var rev *chain.RevertError
		if errors.As(err, &rev) && strings.Contains(rev.Reason, "epoch") {
			lastErr = err
			continue
		}
		return rec, err
	}
	return nil, lastErr
}

// vanishAfterInputs is a client that deploys a contract, sends a task
// with its inputs and disappears: it never asks for the task's status or
// result. The task must end by its receipt all the same; the harness, not
// the client, follows it.
func (l *chaosLoad) vanishAfterInputs(ctx context.Context, n int, c *client.Client) {
	v := uint64(n)
	d := &chaosTask{N: n, Client: -2, Op: opDeploy, Deploy: true, Envelope: client.EnvelopeV2, Want: []byte{}}
	l.run(ctx, d, func(ctx context.Context) (*client.Task, error) {
		return c.Deploy(ctx, l.code, "construct(uint256)", new(big.Int).SetUint64(v))
	})
	if d.Outcome != chaosVerified {
		return
	}
	t := &chaosTask{N: n, Client: -2, Op: opNoRead, Envelope: client.EnvelopeCompat, Want: abiUint(v + 1)}
	l.run(ctx, t, func(ctx context.Context) (*client.Task, error) {
		return c.WithEnvelope(client.EnvelopeCompat).Compute(ctx, d.task.Contract, "store(uint256)", new(big.Int).SetUint64(v+1))
	})
}

func (l *chaosLoad) waitBlock(ctx context.Context, block uint64) error {
	for {
		head, err := l.net.e.Client().BlockNumber(ctx)
		if err == nil && head >= block {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(l.cfg.BlockPeriod):
		}
	}
}

func (l *chaosLoad) add(t *chaosTask) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.tasks = append(l.tasks, t)
}

// progress prints a line every 100 tasks ended.
func (l *chaosLoad) progress() {
	n := l.ended.Add(1)
	if n%100 != 0 {
		return
	}
	l.mu.Lock()
	counts := countOutcomes(l.tasks)
	l.mu.Unlock()
	fmt.Fprintf(l.cfg.Out, "chaos: %d tasks ended in %.0fs: %v\n", n, time.Since(l.started).Seconds(), counts)
}

// abiUint is the ABI encoding of a uint256.
func abiUint(v uint64) []byte {
	b := make([]byte, 32)
	new(big.Int).SetUint64(v).FillBytes(b)
	return b
}
