package devnet

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/chain/bindings"
	"github.com/enigma-go/enigma/internal/explorer"
)

// The activity lines: what the chain decided, one line per task when it
// ends and one per epoch, read from the Enigma contract's events (so they
// show the chain's view, whatever a client or worker believes):
//
//	task 0x3f2a91bc… deploy  contract 0x3f2a91bc… worker 0  verified  gas 7,012,345 (7.01 ENG)  2,103 ms
//	task 0x8c01d2e4… compute contract 0x3f2a91bc… worker 1  failed    gas 12,000 (0.00012 ENG)  1,020 ms
//	epoch 12  first block 1,240  3 workers selected, 3,000 ENG staked
//
// Epochs count from 1, as the SDK's Epoch.Number does.
// ms runs from the block holding the task record to the one holding its
// outcome, as the watcher saw them (it polls a few times a block).

// activityEvents are the events the lines come from.
var activityEvents = []string{
	bindings.EnigmaTaskRecordCreatedEventName, bindings.EnigmaReceiptVerifiedEventName,
	bindings.EnigmaReceiptFailedEventName, bindings.EnigmaReceiptFailedETHEventName,
	bindings.EnigmaTaskFeeReturnedEventName, bindings.EnigmaWorkersParameterizedEventName,
	bindings.EnigmaSecretContractDeployedEventName, bindings.EnigmaBatchCommittedEventName,
}

// maxTrackedTasks bounds how many task records the watcher remembers the
// creation of: a task that never ends (its sender never reclaims the fee)
// is forgotten once this many newer ones were recorded, and its line then
// shows no duration.
const maxTrackedTasks = 10_000

// activity turns the Enigma contract's events into lines.
type activity struct {
	e       *chain.Enigma
	abi     abi.ABI
	signer  types.Signer
	out     io.Writer
	log     *slog.Logger
	now     func() time.Time
	workers map[common.Address]string // custodian -> "worker i"
	tasks   *taskTracker
}

func newActivity(e *chain.Enigma, out io.Writer, log *slog.Logger, workers map[common.Address]string) *activity {
	return &activity{e: e, abi: e.ABI().GetABI(), signer: types.LatestSignerForChainID(e.Client().ChainID()), out: out, log: log,
		now: time.Now, workers: workers, tasks: newTaskTracker(maxTrackedTasks)}
}

// run writes a line for every event from block `from` until ctx ends.
func (a *activity) run(ctx context.Context, from uint64, poll time.Duration) {
	var ids []common.Hash
	for _, name := range activityEvents {
		ids = append(ids, a.abi.Events[name].ID)
	}
	sub := a.e.Client().WatchLogs(ctx, chain.WatchConfig{
		Addresses: []common.Address{a.e.Addresses().Enigma}, Topics: [][]common.Hash{ids}, FromBlock: from, PollInterval: poll,
	})
	defer sub.Close()
	for l := range sub.Logs() {
		if l.Removed { // a reorg took it back; its replacement follows
			continue
		}
		if line := a.line(ctx, &l); line != "" {
			if _, err := io.WriteString(a.out, line+"\n"); err != nil {
				a.log.Warn("write an activity line", "err", err)
			}
		}
	}
}

// outcome is how a task ended, as its final event and transaction say.
type outcome struct {
	id       [32]byte
	kind     string // deploy, compute, or "" when unknown
	contract *[32]byte
	worker   common.Address
	status   string
	gasUsed  *uint64
}

// line is the line of one event, or "" for a record (remembered) or an
// event it cannot read (logged).
func (a *activity) line(ctx context.Context, l *types.Log) string {
	_, ev, err := a.e.DecodeEvent(l)
	if err != nil {
		a.log.Warn("activity: decode an Enigma event", "tx", l.TxHash, "err", err)
		return ""
	}
	switch ev := ev.(type) {
	case *bindings.EnigmaTaskRecordCreated:
		a.tasks.add(ev.TaskId, taskStart{seen: a.now(), gasPx: ev.GasPx, kind: a.recordKind(ctx, l)})
		return ""
	case *bindings.EnigmaWorkersParameterized:
		total := new(big.Int)
		for _, s := range ev.Stakes {
			total.Add(total, s)
		}
		return fmt.Sprintf("epoch %d  first block %s  %d workers selected, %s ENG staked",
			new(big.Int).Add(ev.Nonce, big.NewInt(1)), group(ev.FirstBlockNumber.String()), len(ev.Workers), eng(total))
	case *bindings.EnigmaBatchCommitted:
		return fmt.Sprintf("batch %s  contract %s  %s tasks  %s  fees %s ENG",
			group(ev.BatchIndex.String()), shortHash(ev.ScAddr), group(ev.TaskCount.String()), a.worker(ev.Worker), eng(ev.Fees))
	case *bindings.EnigmaSecretContractDeployed:
		return a.taskLine(a.fromTx(ctx, l, outcome{id: ev.ScAddr, kind: "deploy", contract: &ev.ScAddr, status: "verified"}))
	case *bindings.EnigmaReceiptVerified:
		gas := ev.GasUsed.Uint64()
		return a.taskLine(outcome{id: ev.TaskId, kind: "compute", contract: &ev.ScAddr, worker: ev.WorkerAddress, status: "verified", gasUsed: &gas})
	case *bindings.EnigmaReceiptFailed:
		return a.taskLine(a.fromTx(ctx, l, outcome{id: ev.TaskId, status: "failed"}))
	case *bindings.EnigmaReceiptFailedETH:
		return a.taskLine(a.fromTx(ctx, l, outcome{id: ev.TaskId, status: "failed-eth"}))
	case *bindings.EnigmaTaskFeeReturned:
		return a.taskLine(outcome{id: ev.TaskId, status: "refunded"})
	}
	return ""
}

// recordKind is deploy or compute, as the function that created the
// record says; "" when the transaction cannot be read.
func (a *activity) recordKind(ctx context.Context, l *types.Log) string {
	m, _, _ := a.call(ctx, l)
	switch {
	case m == nil:
		return ""
	case strings.Contains(m.RawName, "Deployment"):
		return "deploy"
	default:
		return "compute"
	}
}

// call reads the transaction that emitted l: the Enigma function it
// called (nil if none), its arguments and its sender.
func (a *activity) call(ctx context.Context, l *types.Log) (*abi.Method, map[string]any, common.Address) {
	c, err := explorer.ReadCall(ctx, a.e, a.signer, l.TxHash)
	if err != nil {
		a.log.Warn("activity: read a transaction", "tx", l.TxHash, "err", err)
	}
	return c.Method, c.Args, c.From
}

// fromTx completes o from the receipt transaction that emitted l: who sent
// it (the worker's custodian), and from its arguments the kind, contract
// and gas used, which the failure events do not carry.
func (a *activity) fromTx(ctx context.Context, l *types.Log, o outcome) outcome {
	m, args, from := a.call(ctx, l)
	o.worker = from
	if m == nil {
		return o
	}
	switch m.RawName {
	case "deploySecretContract", "deploySecretContractFailure":
		o.kind = "deploy"
		o.contract = &o.id
	case "commitReceipt", "commitTaskFailure":
		o.kind = "compute"
		if sc, ok := args["_scAddr"].([32]byte); ok {
			o.contract = &sc
		}
	}
	if g, ok := args["_gasUsed"].(uint64); ok {
		o.gasUsed = &g
	}
	return o
}

func (a *activity) taskLine(o outcome) string {
	start, known := a.tasks.take(o.id)
	var b strings.Builder
	kind := o.kind
	if kind == "" {
		kind = start.kind
	}
	if kind == "deploy" && o.contract == nil {
		o.contract = &o.id
	}
	if kind == "" {
		kind = "task"
	}
	fmt.Fprintf(&b, "task %s %-7s contract %s %s  %-10s", shortHash(o.id), kind, shortOpt(o.contract), a.worker(o.worker), o.status)
	switch {
	case o.gasUsed == nil:
		b.WriteString("  gas -")
	case known:
		fee := new(big.Int).Mul(new(big.Int).SetUint64(*o.gasUsed), new(big.Int).SetUint64(start.gasPx))
		fmt.Fprintf(&b, "  gas %s (%s ENG)", group(fmt.Sprint(*o.gasUsed)), eng(fee))
	default:
		fmt.Fprintf(&b, "  gas %s", group(fmt.Sprint(*o.gasUsed)))
	}
	if known {
		fmt.Fprintf(&b, "  %s ms", group(fmt.Sprint(a.now().Sub(start.seen).Milliseconds())))
	} else {
		b.WriteString("  - ms")
	}
	return b.String()
}

func (a *activity) worker(custodian common.Address) string {
	if custodian == (common.Address{}) {
		return "-"
	}
	if name, ok := a.workers[custodian]; ok {
		return name
	}
	return "worker " + custodian.Hex()[:10] + "…"
}

func shortHash(h [32]byte) string { return fmt.Sprintf("0x%x…", h[:4]) }

func shortOpt(h *[32]byte) string {
	if h == nil {
		return "-          "
	}
	return shortHash(*h)
}

// eng writes grains as ENG (8 decimals) without trailing zeros.
func eng(grains *big.Int) string {
	q, r := new(big.Int).QuoRem(grains, big.NewInt(100_000_000), new(big.Int))
	s := group(q.String())
	if r.Sign() != 0 {
		s += "." + strings.TrimRight(fmt.Sprintf("%08d", r.Int64()), "0")
	}
	return s
}

// group puts thousands separators into a decimal number.
func group(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// taskStart is what the watcher remembers of a task record.
type taskStart struct {
	seen  time.Time
	gasPx uint64
	kind  string
}

// taskTracker remembers task records until their outcome, at most max of
// them: the oldest is forgotten first. Memory stays bounded by max entries
// plus an order queue compacted whenever it doubles.
type taskTracker struct {
	max   int
	byID  map[[32]byte]taskStart
	order [][32]byte // insertion order; ids already taken are skipped
}

func newTaskTracker(max int) *taskTracker {
	return &taskTracker{max: max, byID: map[[32]byte]taskStart{}}
}

func (t *taskTracker) add(id [32]byte, s taskStart) {
	if _, ok := t.byID[id]; !ok {
		t.order = append(t.order, id)
	}
	t.byID[id] = s
	for len(t.byID) > t.max {
		oldest := t.order[0]
		t.order = t.order[1:]
		delete(t.byID, oldest)
	}
	if len(t.order) > 2*t.max {
		kept := make([][32]byte, 0, len(t.byID))
		for _, id := range t.order {
			if _, ok := t.byID[id]; ok {
				kept = append(kept, id)
			}
		}
		t.order = kept
	}
}

func (t *taskTracker) take(id [32]byte) (taskStart, bool) {
	s, ok := t.byID[id]
	delete(t.byID, id)
	return s, ok
}

func (t *taskTracker) len() int { return len(t.byID) }
