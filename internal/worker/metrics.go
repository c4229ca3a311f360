package worker

import (
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/internal/telemetry"
)

// Metrics are a worker's Prometheus metrics (docs/metrics.md). Counters of
// tasks are atomics read at scrape time, and the batched path's are its
// BatchedStats, so the task path pays no more than an atomic add; every
// histogram child is resolved once, here.
type Metrics struct {
	// ended[kind][protocol][outcome] and submitted[kind][protocol][result]
	// count the task-record path.
	ended     [numKinds][numProtocols][numOutcomes]atomic.Uint64
	submitted [numKinds][numProtocols][numResults]atomic.Uint64
	// queries[outcome] counts secret queries.
	queries [numQueryOutcomes]atomic.Uint64

	stages    [numKinds][numStages]prometheus.Observer
	bstages   [numBStages]prometheus.Observer
	gas       [numKinds]prometheus.Observer
	execTime  [numKinds]prometheus.Observer
	enclave   [numEnclaveMethods]prometheus.Observer
	encErrors [numEnclaveMethods]prometheus.Counter

	// Read at scrape time from the worker these metrics were given to.
	batched atomic.Pointer[func() BatchedStats]
	size    atomic.Pointer[func() state.Size]
	// epoch is the highest epoch (first block) the worker read.
	epoch atomic.Uint64
}

// Label values.
const (
	kindDeploy = iota
	kindCompute
	kindBatched // the batched path's tasks (compute only), for stages
	numKinds

	numTaskKinds = kindBatched // deploy and compute
)

var kindNames = [numKinds]string{"deploy", "compute", "batched"}

const (
	protoCompat = iota
	protoV2
	numProtocols
)

var protocolNames = [numProtocols]string{"compat", "v2"}

// Outcomes of a task of the record path: the chain verified its receipt,
// recorded its failure receipt, or the host could not finish it (it stays
// open on chain, refundable after the timeout).
const (
	outcomeVerified = iota
	outcomeFailed
	outcomeAbandoned
	numOutcomes
)

var outcomeNames = [numOutcomes]string{"verified", "failed", "abandoned"}

// Results of a submission.
const (
	resultAccepted = iota
	resultForwarded
	resultRefused
	numResults
)

var resultNames = [numResults]string{"accepted", "forwarded", "refused"}

// Outcomes of a secret query: answered (the function returned), failed
// (answered with the function's failure), refused (an error, no answer).
const (
	queryOK = iota
	queryFailed
	queryRefused
	numQueryOutcomes
)

var queryOutcomeNames = [numQueryOutcomes]string{"ok", "failed", "refused"}

// Stages of a task of the record path: accept (submission received to
// stored and queued), queue (to its turn), execute (state sync, state key,
// enclave and store), receipt (sending it and waiting for it to be mined),
// total (received to its outcome).
const (
	stageAccept = iota
	stageQueue
	stageExecute
	stageReceipt
	stageTotal
	numStages
)

var stageNames = [numStages]string{"accept", "queue", "execute", "receipt", "total"}

// Stages of the batched path, as BatchedStats adds them up.
const (
	bstageCheck = iota
	bstageAcceptStore
	bstageExecute
	bstageSign
	bstageBatchStore
	bstageSend
	bstageMined
	bstageCommitStore
	numBStages
)

var bstageNames = [numBStages]string{"check", "accept_store", "execute", "sign", "batch_store", "send", "mined", "commit_store"}

// Enclave methods a worker calls.
const (
	encRegistration = iota
	encSeal
	encPeerIdentity
	encNewTaskKey
	encEpochKey
	encHoldTask
	encRestoreKeys
	encExecute
	encSignBatch
	encVoidBatch
	encStateKeysRequest
	encInstallStateKeys
	encCheckState
	encQuery
	numEnclaveMethods
)

var enclaveMethodNames = [numEnclaveMethods]string{"Registration", "Seal", "PeerIdentity", "NewTaskKey", "EpochKey", "HoldTask",
	"RestoreKeys", "Execute", "SignBatch", "VoidBatch", "StateKeysRequest", "InstallStateKeys", "CheckState", "Query"}

const subsystem = "worker"

var (
	descTasks = prometheus.NewDesc("enigma_worker_tasks_total",
		"Tasks that ended, by kind (deploy, compute), protocol (compat, v2, batched) and outcome (verified, failed, abandoned; batched: committed, failed).",
		[]string{"kind", "protocol", "outcome"}, nil)
	descSubmissions = prometheus.NewDesc("enigma_worker_submissions_total",
		"Task submissions, by kind, protocol and result (accepted, forwarded to the selected worker, refused).",
		[]string{"kind", "protocol", "result"}, nil)
	descBatches = prometheus.NewDesc("enigma_worker_batches_total",
		"Batches of the batched path, by outcome: signed (and sent), landed (mined), voided (did not land).",
		[]string{"outcome"}, nil)
	descQueries = prometheus.NewDesc("enigma_worker_queries_total",
		"Secret queries, by outcome (ok: answered; failed: answered with the function's failure; refused: an error, no answer).",
		[]string{"outcome"}, nil)
	descBatchedExecuted = prometheus.NewDesc("enigma_worker_batched_executions_total",
		"Enclave executions of batched tasks that joined an open batch.", nil, nil)
	descEpoch = prometheus.NewDesc("enigma_worker_epoch_block",
		"The first block of the current epoch, as the worker last read it (0 until it did).", nil, nil)
	descStoreDisk = prometheus.NewDesc("enigma_state_disk_bytes",
		"Bytes the worker's state store takes on disk (Pebble: tables, WAL, manifests).", nil, nil)
	descStoreMem = prometheus.NewDesc("enigma_state_memtable_bytes",
		"Bytes in the state store's memtables.", nil, nil)
	descStoreTables = prometheus.NewDesc("enigma_state_tables",
		"Sstables in the state store, all levels.", nil, nil)
)

// NewMetrics makes a worker's metrics and registers them with reg; nil reg
// makes working metrics that nothing exports (NopMetrics).
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{}
	stages := prometheus.NewHistogramVec(prometheus.HistogramOpts{Namespace: telemetry.Namespace, Subsystem: subsystem,
		Name: "task_stage_seconds", Help: "Time a task spends in each stage, by kind (deploy, compute, batched) and stage.",
		Buckets: telemetry.LatencyBuckets}, []string{"kind", "stage"})
	for k := range numTaskKinds {
		for s := range numStages {
			m.stages[k][s] = stages.WithLabelValues(kindNames[k], stageNames[s])
		}
	}
	for s := range numBStages {
		m.bstages[s] = stages.WithLabelValues(kindNames[kindBatched], bstageNames[s])
	}
	gas := prometheus.NewHistogramVec(prometheus.HistogramOpts{Namespace: telemetry.Namespace, Subsystem: "vm",
		Name: "gas_used", Help: "Gas a task's execution used in the VM, by kind (deploy, compute).",
		Buckets: telemetry.GasBuckets}, []string{"kind"})
	exec := prometheus.NewHistogramVec(prometheus.HistogramOpts{Namespace: telemetry.Namespace, Subsystem: "vm",
		Name: "execution_seconds", Help: "Time of a task's execution in the enclave (VM included), by kind.",
		Buckets: telemetry.LatencyBuckets}, []string{"kind"})
	for k := range numTaskKinds {
		m.gas[k], m.execTime[k] = gas.WithLabelValues(kindNames[k]), exec.WithLabelValues(kindNames[k])
	}
	enc := prometheus.NewHistogramVec(prometheus.HistogramOpts{Namespace: telemetry.Namespace, Subsystem: "enclave",
		Name: "call_seconds", Help: "Time of each call into the worker's enclave, by method (the count is the number of calls).",
		Buckets: telemetry.FastBuckets}, []string{"method"})
	encErr := prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: telemetry.Namespace, Subsystem: "enclave",
		Name: "call_errors_total", Help: "Calls into the worker's enclave that returned an error, by method."}, []string{"method"})
	for i := range numEnclaveMethods {
		m.enclave[i], m.encErrors[i] = enc.WithLabelValues(enclaveMethodNames[i]), encErr.WithLabelValues(enclaveMethodNames[i])
	}
	telemetry.Register(reg, stages, gas, exec, enc, encErr, (*collector)(m))
	return m
}

// NopMetrics are metrics that nothing exports: what a worker without
// Config.Metrics uses. The recording methods also accept a nil *Metrics.
func NopMetrics() *Metrics { return NewMetrics(nil) }

// bind reads w's batched counters, epoch and store size at scrape time.
func (m *Metrics) bind(w *Worker) {
	batched := func() BatchedStats {
		w.b.mu.Lock()
		defer w.b.mu.Unlock()
		return w.b.stats
	}
	m.batched.Store(&batched)
	if s, ok := w.cfg.Store.(interface{ Size() state.Size }); ok {
		size := s.Size
		m.size.Store(&size)
	}
}

// sawEpoch records that the worker read epoch first (its first block).
func (m *Metrics) sawEpoch(first uint64) {
	if m == nil {
		return
	}
	for {
		cur := m.epoch.Load()
		if first <= cur || m.epoch.CompareAndSwap(cur, first) {
			return
		}
	}
}

func kindOf(k enclave.TaskKind) int {
	if k == enclave.KindDeploy {
		return kindDeploy
	}
	return kindCompute
}

func protocolOf(e enclave.EnvelopeVersion) int {
	if e == enclave.EnvelopeV2 {
		return protoV2
	}
	return protoCompat
}

func (m *Metrics) taskEnded(req *enclave.ExecuteRequest, outcome int) {
	if m == nil {
		return
	}
	m.ended[kindOf(req.Kind)][protocolOf(req.Envelope)][outcome].Add(1)
}

func (m *Metrics) submittedTask(req *enclave.ExecuteRequest, result int) {
	if m == nil {
		return
	}
	m.submitted[kindOf(req.Kind)][protocolOf(req.Envelope)][result].Add(1)
}

func (m *Metrics) stage(req *enclave.ExecuteRequest, stage int, d time.Duration) {
	if m == nil {
		return
	}
	m.stages[kindOf(req.Kind)][stage].Observe(d.Seconds())
}

func (m *Metrics) query(outcome int) {
	if m != nil {
		m.queries[outcome].Add(1)
	}
}

func (m *Metrics) batchedStage(stage int, d time.Duration) {
	if m != nil {
		m.bstages[stage].Observe(d.Seconds())
	}
}

// collector exports the counters read at scrape time.
type collector Metrics

func (c *collector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{descTasks, descSubmissions, descBatches, descBatchedExecuted, descQueries, descEpoch, descStoreDisk, descStoreMem, descStoreTables} {
		ch <- d
	}
}

func (c *collector) Collect(ch chan<- prometheus.Metric) {
	counter := func(d *prometheus.Desc, v uint64, labels ...string) {
		ch <- prometheus.MustNewConstMetric(d, prometheus.CounterValue, float64(v), labels...)
	}
	for k := range numTaskKinds {
		for p := range numProtocols {
			for o := range numOutcomes {
				counter(descTasks, c.ended[k][p][o].Load(), kindNames[k], protocolNames[p], outcomeNames[o])
			}
			for r := range numResults {
				counter(descSubmissions, c.submitted[k][p][r].Load(), kindNames[k], protocolNames[p], resultNames[r])
			}
		}
	}
	var b BatchedStats
	if f := c.batched.Load(); f != nil {
		b = (*f)()
	}
	counter(descTasks, b.Committed, "compute", "batched", "committed")
	counter(descTasks, b.Failed, "compute", "batched", "failed")
	counter(descSubmissions, b.Accepted, "compute", "batched", "accepted")
	counter(descSubmissions, b.Forwarded, "compute", "batched", "forwarded")
	counter(descSubmissions, b.Refused, "compute", "batched", "refused")
	counter(descBatches, b.Batches, "signed")
	counter(descBatches, b.Landed, "landed")
	counter(descBatches, b.Voided, "voided")
	counter(descBatchedExecuted, b.Executed)
	for o := range numQueryOutcomes {
		counter(descQueries, c.queries[o].Load(), queryOutcomeNames[o])
	}
	ch <- prometheus.MustNewConstMetric(descEpoch, prometheus.GaugeValue, float64(c.epoch.Load()))
	var size state.Size
	if f := c.size.Load(); f != nil {
		size = (*f)()
	}
	ch <- prometheus.MustNewConstMetric(descStoreDisk, prometheus.GaugeValue, float64(size.DiskBytes))
	ch <- prometheus.MustNewConstMetric(descStoreMem, prometheus.GaugeValue, float64(size.MemTableBytes))
	ch <- prometheus.MustNewConstMetric(descStoreTables, prometheus.GaugeValue, float64(size.Tables))
}
