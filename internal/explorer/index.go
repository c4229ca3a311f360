package explorer

import (
	"math/big"
	"sort"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/enigma-go/enigma/internal/chain/bindings"
)

// Tx is a transaction of the Enigma contract that created or ended
// something the explorer shows.
type Tx struct {
	Hash  common.Hash `json:"hash"`
	Block uint64      `json:"block"`
}

// The statuses of a task, as the chain decided them.
const (
	StatusCreated   = "created"    // record created, no outcome yet
	StatusVerified  = "verified"   // ReceiptVerified, or SecretContractDeployed for a deploy
	StatusFailed    = "failed"     // ReceiptFailed: failed in the enclave, the worker paid for the gas used
	StatusFailedETH = "failed-eth" // ReceiptFailedETH: the Ethereum callback reverted
	StatusRefunded  = "refunded"   // TaskFeeReturned: no receipt within the timeout
)

// Task is what the chain says of one task record and its outcome.
type Task struct {
	ID             common.Hash     `json:"id"`
	Kind           string          `json:"kind"` // deploy, compute, or "" when unknown
	Sender         *common.Address `json:"sender,omitempty"`
	Worker         *common.Address `json:"worker,omitempty"` // custodian that sent the outcome
	WorkerName     string          `json:"worker_name,omitempty"`
	Contract       *common.Hash    `json:"contract,omitempty"`
	Status         string          `json:"status"`
	GasLimit       *uint64         `json:"gas_limit,omitempty"`
	GasPx          *uint64         `json:"gas_px,omitempty"`
	GasUsed        *uint64         `json:"gas_used,omitempty"`
	Fee            string          `json:"fee,omitempty"` // grains: gas used × gas price
	InputsHash     *common.Hash    `json:"inputs_hash,omitempty"`
	OutputHash     *common.Hash    `json:"output_hash,omitempty"`
	StateDeltaHash *common.Hash    `json:"state_delta_hash,omitempty"`
	Created        *Tx             `json:"created,omitempty"`
	Ended          *Tx             `json:"ended,omitempty"`
	LatencyBlocks  *uint64         `json:"latency_blocks,omitempty"`
	LatencyMs      *int64          `json:"latency_ms,omitempty"`

	seen time.Time // when the record was seen (latency)
}

// Contract is a secret contract as the chain records it.
type Contract struct {
	Address    common.Hash     `json:"address"` // its id, the deploy task's id
	Owner      *common.Address `json:"owner,omitempty"`
	CodeHash   *common.Hash    `json:"code_hash,omitempty"`
	DeployTask *common.Hash    `json:"deploy_task,omitempty"`
	Deployed   *Tx             `json:"deployed,omitempty"`
	Deltas     uint64          `json:"deltas"`
	Batches    uint64          `json:"batches"`
}

// Worker statuses, as the Enigma contract keeps them.
const (
	WorkerUnregistered = "unregistered"
	WorkerLoggedIn     = "logged in"
	WorkerLoggedOut    = "logged out"
)

// Worker is a registered worker.
type Worker struct {
	Custodian common.Address  `json:"custodian"`
	Signer    *common.Address `json:"signer,omitempty"`
	Name      string          `json:"name,omitempty"`
	Status    string          `json:"status"`
	Stake     string          `json:"stake"`       // grains deposited in the Enigma contract
	ETH       string          `json:"eth_balance"` // wei
	Selected  bool            `json:"selected"`    // in the current epoch
}

// Epoch is the epoch in force.
type Epoch struct {
	Number     uint64        `json:"number"` // from 1
	FirstBlock uint64        `json:"first_block"`
	Seed       string        `json:"seed"`
	Selected   []EpochWorker `json:"selected"`
	Total      string        `json:"total_stake"`
	Set        *Tx           `json:"set,omitempty"`
	signers    []common.Address
}

// EpochWorker is a worker selected for an epoch and its stake then.
type EpochWorker struct {
	Signer    common.Address  `json:"signer"`
	Custodian *common.Address `json:"custodian,omitempty"`
	Name      string          `json:"name,omitempty"`
	Stake     string          `json:"stake"`
}

// Batch is a committed batch of batched tasks.
type Batch struct {
	Contract     common.Hash    `json:"contract"`
	Index        uint64         `json:"index"`
	Tasks        uint64         `json:"tasks"`
	Root         common.Hash    `json:"root"`
	NewDeltaHash common.Hash    `json:"new_delta_hash"`
	Worker       common.Address `json:"worker"`
	WorkerName   string         `json:"worker_name,omitempty"`
	Fees         string         `json:"fees"`
	GasUsed      *uint64        `json:"gas_used,omitempty"`
	Tx           Tx             `json:"tx"`
}

// Event is one Enigma contract event as the index takes it: the decoded
// event (a *bindings.EnigmaXxx), the transaction that emitted it and what
// the index needs of that transaction.
type Event struct {
	Payload any
	Tx      Tx
	Seen    time.Time // when the source saw the event
	// From is the transaction's sender; Method the Enigma function it
	// called ("" when unknown); GasUsed and Contract its _gasUsed and
	// _scAddr arguments, when it has them (failure receipts); TxGasUsed
	// the gas its receipt says it used (batches).
	From      common.Address
	Method    string
	GasUsed   *uint64
	Contract  *common.Hash
	TxGasUsed *uint64
}

// Index is what the explorer knows, built from events and views only. It
// is not safe for concurrent use; Explorer guards it.
type Index struct {
	maxTasks, maxBatches, maxContracts int

	head          uint64
	epoch         *Epoch
	tasks         map[common.Hash]*Task
	taskOrder     []common.Hash // oldest first
	batches       []*Batch      // oldest first
	contracts     map[common.Hash]*Contract
	contractOrder []common.Hash              // first seen first
	workers       map[common.Address]*Worker // by custodian
	names         map[common.Address]string  // custodian -> name
	dirty         map[common.Hash]bool       // contracts whose views to read again
}

// NewIndex is an empty index keeping at most maxTasks tasks, maxBatches
// batches and maxContracts contracts; names names custodians (the devnet's
// "worker 0").
func NewIndex(maxTasks, maxBatches, maxContracts int, names map[common.Address]string) *Index {
	x := &Index{maxTasks: maxTasks, maxBatches: maxBatches, maxContracts: maxContracts,
		tasks: map[common.Hash]*Task{}, contracts: map[common.Hash]*Contract{},
		workers: map[common.Address]*Worker{}, names: map[common.Address]string{}, dirty: map[common.Hash]bool{}}
	for a, n := range names {
		x.names[a] = n
		x.AddWorker(a)
	}
	return x
}

// AddWorker makes a custodian known, so its views are read.
func (x *Index) AddWorker(custodian common.Address) {
	if _, ok := x.workers[custodian]; !ok {
		x.workers[custodian] = &Worker{Custodian: custodian, Name: x.names[custodian], Status: WorkerUnregistered, Stake: "0", ETH: "0"}
	}
}

// SetHead records the chain's newest block.
func (x *Index) SetHead(h uint64) {
	if h > x.head {
		x.head = h
	}
}

// Apply takes one event into the index.
func (x *Index) Apply(ev Event) {
	x.SetHead(ev.Tx.Block)
	switch p := ev.Payload.(type) {
	case *bindings.EnigmaTaskRecordCreated:
		t := x.task(p.TaskId)
		sender, inputs, gl, px := p.Sender, common.Hash(p.InputsHash), p.GasLimit, p.GasPx
		t.Sender, t.InputsHash, t.GasLimit, t.GasPx = &sender, &inputs, &gl, &px
		t.Created, t.seen = &Tx{Hash: ev.Tx.Hash, Block: ev.Tx.Block}, ev.Seen
		if t.Kind == "" {
			t.Kind = kindOf(ev.Method)
		}
		if t.Status == "" {
			t.Status = StatusCreated
		}
		x.finish(t)
	case *bindings.EnigmaSecretContractDeployed:
		id := common.Hash(p.ScAddr)
		c := x.contract(id)
		code := common.Hash(p.CodeHash)
		c.CodeHash, c.DeployTask, c.Deployed = &code, &id, &Tx{Hash: ev.Tx.Hash, Block: ev.Tx.Block}
		x.dirty[id] = true
		delta := common.Hash(p.InitStateDeltaHash)
		x.end(ev, p.ScAddr, StatusVerified, "deploy", &id, func(t *Task) { t.StateDeltaHash = &delta })
	case *bindings.EnigmaReceiptVerified:
		sc := common.Hash(p.ScAddr)
		gas := p.GasUsed.Uint64()
		ev.GasUsed, ev.From = &gas, p.WorkerAddress
		x.contract(sc)
		x.dirty[sc] = true
		out, delta := common.Hash(p.OutputHash), common.Hash(p.StateDeltaHash)
		x.end(ev, p.TaskId, StatusVerified, "compute", &sc, func(t *Task) {
			t.OutputHash = &out
			if delta != (common.Hash{}) {
				t.StateDeltaHash = &delta
			}
		})
	case *bindings.EnigmaReceiptFailed:
		x.end(ev, p.TaskId, StatusFailed, kindOf(ev.Method), ev.Contract, nil)
	case *bindings.EnigmaReceiptFailedETH:
		x.end(ev, p.TaskId, StatusFailedETH, kindOf(ev.Method), ev.Contract, nil)
	case *bindings.EnigmaTaskFeeReturned:
		ev.From = common.Address{} // the sender took the fee back; no worker ended it
		x.end(ev, p.TaskId, StatusRefunded, "", nil, nil)
	case *bindings.EnigmaWorkersParameterized:
		x.epoch = epochFrom(p, x.custodianOf, x.names, &Tx{Hash: ev.Tx.Hash, Block: ev.Tx.Block})
	case *bindings.EnigmaRegistered:
		x.AddWorker(p.Custodian)
		s := p.Signer
		x.workers[p.Custodian].Signer = &s
	case *bindings.EnigmaLoggedIn:
		x.AddWorker(p.Custodian)
	case *bindings.EnigmaLoggedOut:
		x.AddWorker(p.Custodian)
	case *bindings.EnigmaBatchCommitted:
		sc := common.Hash(p.ScAddr)
		c := x.contract(sc)
		c.Batches++
		x.dirty[sc] = true
		x.batches = append(x.batches, &Batch{Contract: sc, Index: p.BatchIndex.Uint64(), Tasks: p.TaskCount.Uint64(),
			Root: p.Root, NewDeltaHash: p.NewDeltaHash, Worker: p.Worker, WorkerName: x.names[p.Worker],
			Fees: p.Fees.String(), GasUsed: ev.TxGasUsed, Tx: ev.Tx})
		if over := len(x.batches) - x.maxBatches; over > 0 {
			x.batches = append([]*Batch(nil), x.batches[over:]...)
		}
	}
}

// kindOf is a task's kind from the Enigma function its transaction called.
func kindOf(method string) string {
	switch method {
	case "":
		return ""
	case "createDeploymentTaskRecord", "deploySecretContract", "deploySecretContractFailure":
		return "deploy"
	}
	return "compute"
}

// end records a task's outcome.
func (x *Index) end(ev Event, id [32]byte, status, kind string, contract *common.Hash, more func(*Task)) {
	t := x.task(id)
	t.Status = status
	if kind != "" {
		t.Kind = kind
	}
	if t.Kind == "deploy" && contract == nil {
		h := common.Hash(id)
		contract = &h
	}
	if contract != nil {
		c := *contract
		t.Contract = &c
	}
	if ev.From != (common.Address{}) {
		w := ev.From
		t.Worker, t.WorkerName = &w, x.names[w]
	}
	if ev.GasUsed != nil {
		g := *ev.GasUsed
		t.GasUsed = &g
	}
	t.Ended = &Tx{Hash: ev.Tx.Hash, Block: ev.Tx.Block}
	if more != nil {
		more(t)
	}
	if t.Created != nil {
		blocks := t.Ended.Block - t.Created.Block
		t.LatencyBlocks = &blocks
		if !t.seen.IsZero() && !ev.Seen.IsZero() {
			ms := ev.Seen.Sub(t.seen).Milliseconds()
			t.LatencyMs = &ms
		}
	}
	x.finish(t)
}

// finish computes what follows from a task's fields.
func (x *Index) finish(t *Task) {
	if t.GasUsed != nil && t.GasPx != nil {
		t.Fee = new(big.Int).Mul(new(big.Int).SetUint64(*t.GasUsed), new(big.Int).SetUint64(*t.GasPx)).String()
	}
}

// task returns the task with id, made (and the oldest evicted) if new.
func (x *Index) task(id [32]byte) *Task {
	h := common.Hash(id)
	if t, ok := x.tasks[h]; ok {
		return t
	}
	t := &Task{ID: h}
	x.tasks[h] = t
	x.taskOrder = append(x.taskOrder, h)
	for len(x.tasks) > x.maxTasks {
		delete(x.tasks, x.taskOrder[0])
		x.taskOrder = x.taskOrder[1:]
	}
	return t
}

// contract returns the contract with id, made if new (beyond
// maxContracts, a throwaway record that is not kept).
func (x *Index) contract(id common.Hash) *Contract {
	if c, ok := x.contracts[id]; ok {
		return c
	}
	c := &Contract{Address: id}
	if len(x.contracts) < x.maxContracts {
		x.contracts[id] = c
		x.contractOrder = append(x.contractOrder, id)
	}
	return c
}

// AddContract makes a contract known (one deployed before the events the
// index read), so its views are read.
func (x *Index) AddContract(id common.Hash) {
	x.contract(id)
	x.dirty[id] = true
}

// Dirty takes the contracts whose views changed since the last call.
func (x *Index) Dirty() []common.Hash {
	out := make([]common.Hash, 0, len(x.dirty))
	for h := range x.dirty {
		if _, ok := x.contracts[h]; ok {
			out = append(out, h)
		}
	}
	clear(x.dirty)
	sort.Slice(out, func(i, j int) bool { return out[i].Cmp(out[j]) < 0 })
	return out
}

// ContractView is what the chain's views say of a contract.
type ContractView struct {
	Owner    common.Address
	CodeHash common.Hash
	Deltas   uint64
}

// SetContract records a contract's views.
func (x *Index) SetContract(id common.Hash, v ContractView) {
	c, ok := x.contracts[id]
	if !ok {
		return
	}
	if v.Owner != (common.Address{}) {
		o := v.Owner
		c.Owner = &o
	}
	if v.CodeHash != (common.Hash{}) {
		h := v.CodeHash
		c.CodeHash = &h
		if c.DeployTask == nil {
			c.DeployTask = &c.Address
		}
	}
	c.Deltas = v.Deltas
}

// WorkerView is what the chain's views say of a worker.
type WorkerView struct {
	Signer common.Address
	Status uint8 // the Enigma contract's: 0 unregistered, 1 logged in, 2 logged out
	Stake  *big.Int
	ETH    *big.Int
}

// Workers are the known custodians, in order.
func (x *Index) Workers() []common.Address {
	out := make([]common.Address, 0, len(x.workers))
	for a := range x.workers {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return x.workerLess(out[i], out[j]) })
	return out
}

func (x *Index) workerLess(a, b common.Address) bool {
	na, nb := x.names[a], x.names[b]
	if (na == "") != (nb == "") {
		return na != ""
	}
	if na != nb {
		if len(na) != len(nb) { // "worker 10" after "worker 9"
			return len(na) < len(nb)
		}
		return na < nb
	}
	return a.Cmp(b) < 0
}

// SetWorker records a worker's views.
func (x *Index) SetWorker(custodian common.Address, v WorkerView) {
	w, ok := x.workers[custodian]
	if !ok {
		return
	}
	if v.Signer != (common.Address{}) {
		s := v.Signer
		w.Signer = &s
	}
	switch v.Status {
	case 1:
		w.Status = WorkerLoggedIn
	case 2:
		w.Status = WorkerLoggedOut
	default:
		w.Status = WorkerUnregistered
	}
	if v.Stake != nil {
		w.Stake = v.Stake.String()
	}
	if v.ETH != nil {
		w.ETH = v.ETH.String()
	}
	x.markSelected()
}

// EpochView is what the chain's views say of the epoch in force.
type EpochView struct {
	Number, FirstBlock uint64
	Seed               *big.Int
	Signers            []common.Address
	Stakes             []*big.Int
}

// SetEpoch records the epoch in force, as the views say.
func (x *Index) SetEpoch(v EpochView) {
	if v.FirstBlock == 0 {
		return
	}
	var set *Tx
	if x.epoch != nil && x.epoch.FirstBlock == v.FirstBlock {
		set = x.epoch.Set
	}
	p := &bindings.EnigmaWorkersParameterized{Seed: v.Seed, FirstBlockNumber: new(big.Int).SetUint64(v.FirstBlock),
		Workers: v.Signers, Stakes: v.Stakes, Nonce: new(big.Int).SetUint64(v.Number - 1)}
	x.epoch = epochFrom(p, x.custodianOf, x.names, set)
	x.markSelected()
}

func epochFrom(p *bindings.EnigmaWorkersParameterized, custodianOf func(common.Address) *common.Address, names map[common.Address]string, set *Tx) *Epoch {
	e := &Epoch{Number: p.Nonce.Uint64() + 1, FirstBlock: p.FirstBlockNumber.Uint64(), Seed: "0", Total: "0", Set: set, Selected: []EpochWorker{}}
	if p.Seed != nil {
		e.Seed = hexutil.EncodeBig(p.Seed)
	}
	total := new(big.Int)
	for i, s := range p.Workers {
		stake := new(big.Int)
		if i < len(p.Stakes) && p.Stakes[i] != nil {
			stake = p.Stakes[i]
		}
		total.Add(total, stake)
		ew := EpochWorker{Signer: s, Stake: stake.String(), Custodian: custodianOf(s)}
		if ew.Custodian != nil {
			ew.Name = names[*ew.Custodian]
		}
		e.Selected = append(e.Selected, ew)
		e.signers = append(e.signers, s)
	}
	e.Total = total.String()
	return e
}

// custodianOf is the custodian of a signer the index knows, or nil.
func (x *Index) custodianOf(signer common.Address) *common.Address {
	for a, w := range x.workers {
		if w.Signer != nil && *w.Signer == signer {
			c := a
			return &c
		}
	}
	return nil
}

// Unresolved are the epoch's signers whose custodian the index does not
// know yet.
func (x *Index) Unresolved() []common.Address {
	var out []common.Address
	if x.epoch == nil {
		return nil
	}
	for _, s := range x.epoch.signers {
		if x.custodianOf(s) == nil {
			out = append(out, s)
		}
	}
	return out
}

// markSelected flags the workers of the epoch in force and names its
// selected workers.
func (x *Index) markSelected() {
	for _, w := range x.workers {
		w.Selected = false
	}
	if x.epoch == nil {
		return
	}
	for i, ew := range x.epoch.Selected {
		c := x.custodianOf(ew.Signer)
		if c == nil {
			continue
		}
		x.epoch.Selected[i].Custodian, x.epoch.Selected[i].Name = c, x.names[*c]
		x.workers[*c].Selected = true
	}
}
