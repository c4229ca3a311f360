package main

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/sdk/client"
)

// chaosOutcome is how a task ended (docs/chaos.md, "Outcomes").
type chaosOutcome string

const (
	// The three ends a task may have, when they are the ones its
	// operation must have.
	chaosVerified chaosOutcome = "verified"          // SUCCESS, output as expected and readable
	chaosFailed   chaosOutcome = "failed_intended"   // a failure receipt for a task that fails on purpose
	chaosRefunded chaosOutcome = "refunded_intended" // fee returned after the timeout: the client that vanished before its inputs
	// The four that must not happen.
	chaosHung    chaosOutcome = "hung"             // not ended chaosHungBlocks after its timeout
	chaosLost    chaosOutcome = "lost"             // closed by a receipt, but its result cannot be read through the gateway
	chaosWrong   chaosOutcome = "wrong"            // an output, or an end, that differs from the expected one
	chaosNetwork chaosOutcome = "network_failures" // failed, refunded or given up for the network's reasons, not the task's
)

var chaosOutcomes = []chaosOutcome{chaosVerified, chaosFailed, chaosRefunded, chaosHung, chaosLost, chaosWrong, chaosNetwork}

func (o chaosOutcome) bad() bool {
	return o == chaosHung || o == chaosLost || o == chaosWrong || o == chaosNetwork
}

// expect is the chain status the operation must end with.
func (op chaosOp) expect() api.ChainStatus {
	switch op {
	case opTrap, opLowGas:
		return api.ChainReceiptFailed
	case opNoInput:
		return api.ChainReceiptFailedRet
	}
	return api.ChainReceiptVerified
}

// chaosTask is one task of the run and how it ended.
type chaosTask struct {
	N        int // the ticket that sent it
	Client   int // the client's index; -1 and -2 are the vanishing clients
	Op       chaosOp
	Envelope client.Envelope
	Deploy   bool
	Want     []byte // the expected output of a verified task

	ID     api.TaskID
	Block  uint64         // its record's
	Worker common.Address // selected
	Start  time.Time
	task   *client.Task

	mu      sync.Mutex
	End     time.Time
	Status  api.ChainStatus
	Outcome chaosOutcome
	Detail  string
	extra   []string
}

func (t *chaosTask) setTask(ct *client.Task) {
	t.task, t.ID, t.Block, t.Worker = ct, ct.ID, ct.Block, ct.Worker
}

func (t *chaosTask) finish(o chaosOutcome, detail string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.End, t.Outcome, t.Detail = time.Now(), o, detail
}

// reclassify changes the outcome of a task that ended, keeping its end.
func (t *chaosTask) reclassify(o chaosOutcome, detail string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.Outcome, t.Detail = o, detail
}

func (t *chaosTask) outcome() chaosOutcome {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.Outcome
}

// note keeps something that happened to the task on its way, for the
// report of a task that ended badly.
func (t *chaosTask) note(s string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.extra = append(t.extra, s)
}

func (t *chaosTask) notes() string {
	if len(t.extra) == 0 {
		return ""
	}
	return " (" + strings.Join(t.extra, "; ") + ")"
}

func (t *chaosTask) describe() string {
	return fmt.Sprintf("task %d %s %s (client %d, %s, worker %s, record block %d): %s: %s",
		t.N, t.Op, t.ID, t.Client, t.Envelope, t.Worker.Hex()[:10], t.Block, t.Outcome, t.Detail)
}

func countOutcomes(tasks []*chaosTask) map[chaosOutcome]int {
	m := map[chaosOutcome]int{}
	for _, t := range tasks {
		if o := t.outcome(); o != "" {
			m[o]++
		}
	}
	return m
}

// chaosReport is what a run saw.
type chaosReport struct {
	Tasks    []*chaosTask
	Restarts []chaosRestart
	LoadTime time.Duration // first task sent to the lanes' last task ended
	StopErrs []string      // nodes that did not stop cleanly on SIGTERM
}

func (r *chaosReport) bad() int {
	n := 0
	for _, t := range r.Tasks {
		if t.outcome().bad() {
			n++
		}
	}
	return n
}

// latencies are the times from the send to the end of the tasks that
// ended by a receipt.
func (r *chaosReport) latencies() []time.Duration {
	var d []time.Duration
	for _, t := range r.Tasks {
		if o := t.outcome(); (o == chaosVerified || o == chaosFailed) && t.Op != opNoRead {
			d = append(d, t.End.Sub(t.Start))
		}
	}
	return d
}

// result is the report as the bench's table and JSON fields.
func (r *chaosReport) result(cfg chaosConfig) benchResult {
	counts := countOutcomes(r.Tasks)
	kinds := map[string]int{}
	for _, t := range r.Tasks {
		kind := "compute"
		if t.Deploy {
			kind = "deploy"
		}
		kinds[kind]++
		if t.Envelope != "" {
			kinds["envelope "+string(t.Envelope)]++
		}
		kinds["op "+string(t.Op)]++
	}
	lat := r.latencies()
	p50, p99 := percentile(lat, 0.5), percentile(lat, 0.99)
	rate := float64(len(r.Tasks)) / r.LoadTime.Seconds()
	var workerRec, kmRec []time.Duration
	for _, x := range r.Restarts {
		if x.Node == "km" {
			kmRec = append(kmRec, x.Serve)
		} else {
			workerRec = append(workerRec, x.Serve)
		}
	}
	settings := fmt.Sprintf("%s blocks, %d-block epochs, timeout %d epochs; %d workers; %d clients × %d contracts; a worker killed every %d tasks, down %s",
		cfg.BlockPeriod, cfg.EpochSize, cfg.TimeoutEpochs, cfg.Workers, cfg.Clients, cfg.Lanes, cfg.KillEvery, cfg.Down)
	res := benchResult{Fields: map[string]any{}}
	res.Rows = append(res.Rows,
		benchRow{Name: "tasks", Value: float64(len(r.Tasks)), Unit: "tasks", Note: settings},
		benchRow{Name: "  deploys / computes", Value: float64(kinds["deploy"]), Unit: "deploys", Note: fmt.Sprintf("%d computes; %d compat, %d v2 envelopes", kinds["compute"], kinds["envelope compat"], kinds["envelope v2"])},
		benchRow{Name: "  meant to fail", Value: float64(kinds["op "+string(opTrap)] + kinds["op "+string(opLowGas)]), Unit: "tasks", Note: fmt.Sprintf("%d trap on purpose, %d with %d gas", kinds["op "+string(opTrap)], kinds["op "+string(opLowGas)], chaosLowGas)},
		benchRow{Name: "  clients that vanished", Value: float64(kinds["op "+string(opNoInput)] + kinds["op "+string(opNoRead)]), Unit: "tasks", Note: fmt.Sprintf("%d after the record, before the inputs; %d after the inputs, never reading", kinds["op "+string(opNoInput)], kinds["op "+string(opNoRead)])},
	)
	notes := map[chaosOutcome]string{
		chaosVerified: "SUCCESS, output as expected, read back after the run", chaosFailed: "failure receipt of a task that fails on purpose",
		chaosRefunded: "fee returned after the timeout: the client that vanished before its inputs",
		chaosHung:     "must be 0", chaosLost: "must be 0", chaosWrong: "must be 0", chaosNetwork: "must be 0",
	}
	for _, o := range chaosOutcomes {
		res.Rows = append(res.Rows, benchRow{Name: string(o), Value: float64(counts[o]), Unit: "tasks", Note: notes[o]})
		res.Fields[string(o)] = counts[o]
	}
	res.Rows = append(res.Rows,
		benchRow{Name: "throughput", Value: rate, Unit: "tasks/s", Note: fmt.Sprintf("all tasks over %.0fs of load", r.LoadTime.Seconds())},
		benchRow{Name: "latency p50", Value: p50.Seconds(), Unit: "s", Note: "send to receipt, approve and record blocks included"},
		benchRow{Name: "latency p99", Value: p99.Seconds(), Unit: "s", Note: fmt.Sprintf("%d tasks ended by a receipt", len(lat))},
		benchRow{Name: "worker restarts", Value: float64(len(workerRec)), Unit: "restarts", Note: "SIGKILL, then the same data folder and config"},
		benchRow{Name: "worker recovery, median", Value: percentile(workerRec, 0.5).Seconds(), Unit: "s", Note: fmt.Sprintf("kill to the gateway reaching it again (%s of it down)", cfg.Down)},
		benchRow{Name: "worker recovery, max", Value: percentile(workerRec, 1).Seconds(), Unit: "s"},
		benchRow{Name: "key manager restarts", Value: float64(len(kmRec)), Unit: "restarts"},
		benchRow{Name: "key manager recovery", Value: percentile(kmRec, 1).Seconds(), Unit: "s", Note: "kill to serving again"},
		benchRow{Name: "nodes not stopping cleanly", Value: float64(len(r.StopErrs)), Unit: "nodes", Note: "SIGTERM at the end; exit status 0 expected"},
	)
	var problems []string
	for _, t := range r.Tasks {
		if t.outcome().bad() {
			problems = append(problems, t.describe())
		}
	}
	slices.Sort(problems)
	if problems == nil {
		problems = []string{}
	}
	res.Fields["ok"] = r.bad() == 0
	res.Fields["tasks"] = len(r.Tasks)
	res.Fields["tasks_per_s"] = rate
	res.Fields["latency_p50_s"] = p50.Seconds()
	res.Fields["latency_p99_s"] = p99.Seconds()
	res.Fields["restarts"] = r.Restarts
	res.Fields["kinds"] = kinds
	res.Fields["problems"] = problems
	res.Fields["stop_errors"] = append([]string{}, r.StopErrs...)
	res.Fields["settings"] = settings
	return res
}
