package client

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain/bindings"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/crypto/envelope"
)

// ErrTaskTimedOut is wrapped by Wait's error when the task record stayed
// without a receipt past the chain's task timeout: its fees can be
// returned with ReturnFees.
var ErrTaskTimedOut = errors.New("task timed out on chain")

// Task is a deploy or compute task sent by a Client, or one opened by id
// (Client.Task) to read its status.
type Task struct {
	ID          api.TaskID
	Contract    api.ContractAddress // the secret contract (for a deploy: the new one, = ID)
	Deploy      bool
	Envelope    Envelope
	Worker      common.Address // the selected worker's signing address
	Sender      common.Address
	Nonce       uint64   // the sender's task counter the record was created with; a batched task's random nonce
	Block       uint64   // the block of the task record (0 for a batched task: it has none)
	GasLimit    uint64   // 0 for a task opened by id
	PreCodeHash api.Hash // deploys: keccak256 of the code sent

	// Batched is set for a task sent on the batched path: no task record,
	// committed in a batch (Status.Batch, Result.BatchIndex).
	Batched bool
	GasPx   uint64 // batched: the fee per unit of gas it was signed with
	Epoch   uint64 // batched: the first block of the epoch it was sealed for

	c           *Client
	compatKey   *[32]byte
	v2Key       *envelope.ResponseKey
	v2Ctx       envelope.Context
	inputsHash  api.Hash     // batched: envelope.InputsHash of the request sent
	reservation *reservation // batched: its maximum fee, counted until it ends
}

// Task opens a task by id, to read its status and encrypted result. Its
// output cannot be decrypted: only the Task that sent it holds the key.
func (c *Client) Task(id api.TaskID) *Task {
	return &Task{ID: id, c: c}
}

// Status is a task's state as the chain and the gateway report it.
type Status struct {
	Chain   api.ChainStatus // the task record's status (authoritative); for a batched task, its batch's outcome once committed
	Gateway api.TaskStatus  // what the network reports; UNVERIFIED when unknown or unreachable
	Head    uint64          // the chain's head block when read
	Record  uint64          // the task record's block (0 when there is none)

	// Batched tasks (no task record) only: where the worker reports the
	// task. Until the task is committed nothing of it is on chain.
	Batch      BatchStatus
	BatchIndex uint64   // in_batch and committed: the batch's index among the contract's
	BatchBlock uint64   // committed: the block that holds the batch
	Error      string   // failed: why (the task was not charged)
	Code       api.Code // failed: Error's code; api.CodeWrongEpoch when an epoch change moved the contract to another worker first (send it again)
}

func (s Status) String() string {
	if s.Batch == "" {
		return fmt.Sprintf("chain %s, network %s (block %d)", s.Chain, s.Gateway, s.Head)
	}
	switch s.Batch {
	case BatchPending:
		return fmt.Sprintf("batched: pending, not run yet (block %d)", s.Head)
	case BatchExecuted:
		return fmt.Sprintf("batched: executed, waiting for its batch (block %d)", s.Head)
	case BatchInBatch:
		return fmt.Sprintf("batched: in batch %d, sent to the chain (block %d)", s.BatchIndex, s.Head)
	case BatchCommitted:
		return fmt.Sprintf("batched: committed in batch %d at block %d (head %d)", s.BatchIndex, s.BatchBlock, s.Head)
	case BatchFailed:
		return fmt.Sprintf("batched: failed, not charged: %s (block %d)", s.Error, s.Head)
	}
	return fmt.Sprintf("batched: %s (block %d)", s.Batch, s.Head)
}

// Done reports whether the task's status is final: the chain holds its
// receipt or, for a batched task, its batch is committed or it failed.
func (s Status) Done() bool {
	if s.Batch != "" {
		return s.Batch.Final()
	}
	return s.Chain.Final()
}

// Status reads the task's status once. A task opened by id that has no
// task record is looked for among the batched tasks.
func (t *Task) Status(ctx context.Context) (Status, error) {
	if t.Batched {
		st, _, err := t.batchedStatus(ctx)
		return st, err
	}
	st, err := t.recordStatus(ctx)
	if err == nil && st.Chain == api.ChainUndefined && t.opened() {
		if bst, _, berr := t.batchedStatus(ctx); berr == nil {
			return bst, nil
		}
	}
	return st, err
}

// opened reports whether t was opened by id (Client.Task), not sent.
func (t *Task) opened() bool { return t.compatKey == nil && t.v2Key == nil }

// recordStatus reads the status of a task with a task record.
func (t *Task) recordStatus(ctx context.Context) (Status, error) {
	st := Status{Gateway: api.StatusUnverified}
	head, err := t.c.chain.BlockNumber(ctx)
	if err != nil {
		return st, fmt.Errorf("client: read the head block: %w", err)
	}
	st.Head = head
	rec, err := t.c.enigma.TaskRecord(ctx, t.ID)
	if err != nil {
		return st, fmt.Errorf("client: read the task record of %s: %w", t.ID, err)
	}
	st.Chain = api.ChainStatus(rec.Status)
	if rec.BlockNumber != nil {
		st.Record = rec.BlockNumber.Uint64()
	}
	var gs nested[struct {
		Status api.TaskStatus `json:"status"`
	}]
	params := map[string]any{"taskId": hexNo0x(t.ID[:]), "withResult": false}
	if t.Worker != (common.Address{}) {
		params["workerAddress"] = hexNo0x(t.Worker[:])
	}
	if err := t.c.gw.call(ctx, "getTaskStatus", params, &gs); err == nil && gs.Result.Status != "" {
		st.Gateway = gs.Result.Status
	} else if err != nil {
		t.c.log.Debug("task status from the gateway", "task", t.ID, "err", err)
	}
	return st, nil
}

// Wait polls the chain and the gateway until the task record has a final
// status and returns it. progress, if not nil, sees every change. Wait is
// bounded: by ctx, by Config.WaitTimeout, and by the chain's task timeout
// (then the error wraps ErrTaskTimedOut). Its errors name the task and
// the last status seen.
//
// A batched task is read from the gateway (v2_getBatchedTask) until it is
// committed or failed; while the gateway or the worker does not answer,
// Wait asks again, at growing intervals up to 5 s. Its bounds are ctx and
// Config.WaitTimeout.
func (t *Task) Wait(ctx context.Context, progress func(Status)) (Status, error) {
	if t.Batched {
		st, _, err := t.waitBatched(ctx, progress)
		return st, err
	}
	ctx, cancel := context.WithTimeout(ctx, t.c.cfg.WaitTimeout)
	defer cancel()
	timeout, err := t.c.enigma.TaskTimeoutSize(ctx)
	if err != nil {
		return Status{}, fmt.Errorf("client: read the task timeout: %w", err)
	}
	var last Status
	var lastErr error
	start := time.Now()
	tick := time.NewTicker(t.c.cfg.PollInterval)
	defer tick.Stop()
	for {
		st, err := t.Status(ctx)
		if err == nil {
			if st.Chain != last.Chain || st.Gateway != last.Gateway {
				if progress != nil {
					progress(st)
				}
			}
			last, lastErr = st, nil
			if st.Done() {
				return st, nil
			}
			if st.Chain == api.ChainRecordCreated && st.Head > st.Record+timeout {
				return st, fmt.Errorf("client: task %s has no receipt %d blocks after its record (block %d, now %d; network says %s): %w; return its fees with ReturnFees",
					t.ID, st.Head-st.Record, st.Record, st.Head, st.Gateway, ErrTaskTimedOut)
			}
		} else if ctx.Err() == nil {
			lastErr = err
		}
		select {
		case <-ctx.Done():
			seen := "nothing yet"
			if last.Head != 0 {
				seen = last.String()
			}
			if lastErr != nil {
				seen += "; last error: " + lastErr.Error()
			}
			return last, fmt.Errorf("client: gave up waiting for task %s (worker %s) after %s: saw %s: %w",
				t.ID, t.Worker, time.Since(start).Round(time.Millisecond), seen, ctx.Err())
		case <-tick.C:
		}
	}
}

// TaskError is a task that ended without a usable output: a failure
// receipt (the worker's error text, decrypted), a reverted Ethereum
// callback, or fees returned; for a batched task, a failure in its batch
// (Status ReceiptFailed, charged for its gas) or a task its worker reports
// failed (Batched, Status Undefined: never committed, not charged).
type TaskError struct {
	TaskID  api.TaskID
	Status  api.ChainStatus
	Message string
	Batched bool
	Code    api.Code // a batched task's failure: the worker's api code, when it gave one
}

func (e *TaskError) Error() string {
	if e.Batched && e.Status == api.ChainUndefined {
		return fmt.Sprintf("batched task %s failed and was not charged: %s", e.TaskID, e.Message)
	}
	return fmt.Sprintf("task %s ended with %s: %s", e.TaskID, e.Status, e.Message)
}

// Unwrap gives the worker's code, when it gave one, to api.CodeOf and to
// errors.Is with api.Sentinel.
func (e *TaskError) Unwrap() error {
	if e.Code == 0 {
		return nil
	}
	return &api.Error{Code: e.Code, Message: e.Message}
}

// Result is a finished task's result as the network reports it, verified
// against the chain.
type Result struct {
	Status          api.ChainStatus
	Output          []byte // decrypted; for a failure, the error text
	EncryptedOutput []byte
	OutputHash      api.Hash // keccak256(EncryptedOutput), equal to the chain's (not committed for a successful deploy)
	UsedGas         uint64
	DeltaIndex      *uint32 // the state delta the task appended, if any
	// Deployed is set for a successful deploy: it commits no output hash,
	// so the contract's record on chain was checked instead.
	Deployed bool

	// Batched tasks: the batch the task is committed in and what proved
	// it. Its leaf (task id, inputs hash, output hash, delta hash, gas,
	// fee) and Merkle proof lead to the root the chain held for the batch
	// at block ProvedAt.
	Batched    bool
	BatchIndex uint64
	Position   uint32   // the task's place in the batch
	BatchBlock uint64   // the block that holds the batch, as the worker reports it
	ProvedAt   uint64   // the block whose state held the batch's root the proof was checked against
	Fee        *big.Int // ENG grains charged: gas used × gas price
	DeltaHash  api.Hash // the contract's state after the task (zero when it left none)
}

// Output waits for the task's result (Wait first), checks the encrypted
// output against the output hash on chain, and decrypts it. A failed task
// returns a *TaskError with the worker's error text; a task whose Ethereum
// callback reverted returns its output and a *TaskError.
func (t *Task) Output(ctx context.Context) ([]byte, error) {
	if t.compatKey == nil && t.v2Key == nil {
		return nil, api.Errorf(api.CodeInvalidInput, "client: task %s was not sent by this client: its output cannot be decrypted", t.ID)
	}
	r, err := t.Result(ctx)
	if err != nil {
		return nil, err
	}
	switch r.Status {
	case api.ChainReceiptVerified:
		return r.Output, nil
	case api.ChainReceiptFailedETH:
		return r.Output, &TaskError{TaskID: t.ID, Status: r.Status, Message: "the task ran but its Ethereum callback reverted"}
	}
	return nil, &TaskError{TaskID: t.ID, Status: r.Status, Message: string(r.Output)}
}

// Result is Output with the details: it fetches the result from the
// gateway once the chain has a receipt, verifies it against the chain and
// decrypts it. For a task opened by id (Client.Task), Output stays nil.
//
// For a batched task Result first waits, as Wait, until the task is
// committed or failed, then checks what the gateway reports before it
// decrypts (docs/protocol/batched.md § 5): the output hashes to the
// reported output hash, the fee is the gas used × the gas price signed,
// within the gas limit, and the leaf built from the inputs hash the client
// computed and the proof lead to the batch's root on chain. A report that
// does not hold is api.CodeTampered. A task the worker reports failed is
// a *TaskError (not charged).
func (t *Task) Result(ctx context.Context) (*Result, error) {
	if t.Batched {
		return t.batchedResult(ctx)
	}
	rec, err := t.c.enigma.TaskRecord(ctx, t.ID)
	if err != nil {
		return nil, fmt.Errorf("client: read the task record of %s: %w", t.ID, err)
	}
	status := api.ChainStatus(rec.Status)
	if status == api.ChainUndefined && t.opened() {
		// No record: a batched task, if a worker knows it.
		if r, err := t.batchedResult(ctx); err == nil || (api.CodeOf(err) != api.CodeNotFound && !errors.Is(err, ErrNotSupported)) {
			return r, err
		}
	}
	switch {
	case status == api.ChainReceiptFailedRet:
		return nil, &TaskError{TaskID: t.ID, Status: status, Message: "the task timed out and its fees were returned"}
	case !status.Final():
		return nil, api.Errorf(api.CodeUnavailable, "client: task %s has no receipt yet (chain status %s): Wait for it first", t.ID, status)
	}
	res, err := t.fetchResult(ctx)
	if err != nil {
		return nil, err
	}
	enc, err := hex.DecodeString(strings.TrimPrefix(res.Output, "0x"))
	if err != nil {
		return nil, api.Errorf(api.CodeTampered, "client: the gateway's output of task %s is not hex: %v", t.ID, err)
	}
	r := &Result{Status: status, EncryptedOutput: enc, OutputHash: compat.OutputHash(enc), UsedGas: res.UsedGas}
	if res.Delta != nil {
		r.DeltaIndex = &res.Delta.Key
	}
	if err := t.verify(ctx, r, rec); err != nil {
		return nil, err
	}
	if t.compatKey == nil && t.v2Key == nil {
		return r, nil
	}
	out, err := t.open(enc)
	if err != nil {
		if status == api.ChainReceiptFailed {
			// A worker that could not read the inputs cannot seal its
			// error text to us either.
			r.Output = []byte(fmt.Sprintf("the worker could not read the task's inputs (its error text does not open: %v)", err))
			return r, nil
		}
		return nil, fmt.Errorf("client: decrypt the output of task %s: %w", t.ID, err)
	}
	r.Output = out
	return r, nil
}

// fetchResult asks the gateway until it reports a final result: it may
// lag the chain by a moment (the original's "results fetched before
// propagated" failures).
func (t *Task) fetchResult(ctx context.Context) (*taskResultReply, error) {
	ctx, cancel := context.WithTimeout(ctx, t.c.cfg.WaitTimeout)
	defer cancel()
	var lastErr error
	for {
		var res nested[taskResultReply]
		err := t.c.gw.call(ctx, "getTaskResult", map[string]string{"taskId": hexNo0x(t.ID[:])}, &res)
		if err == nil && res.Result.Status.Final() {
			return &res.Result, nil
		}
		lastErr = err
		if err == nil {
			lastErr = fmt.Errorf("the gateway reports %s", res.Result.Status)
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("client: task %s has a receipt on chain but the gateway has no result for it: %v: %w", t.ID, lastErr, ctx.Err())
		case <-time.After(t.c.cfg.PollInterval):
		}
	}
}

// verify checks the encrypted output against the chain: its keccak256 is
// the record's output hash, except for a successful deploy, which commits
// no output hash; its code hash must then be the one of the code sent.
func (t *Task) verify(ctx context.Context, r *Result, rec bindings.EnigmaTaskRecord) error {
	// A task opened by id may be a deploy: only those keep no output hash.
	deploy := t.Deploy || (t.compatKey == nil && t.v2Key == nil && rec.OutputHash == [32]byte{})
	if deploy && r.Status == api.ChainReceiptVerified {
		sc, err := t.c.enigma.SecretContract(ctx, t.ID) // a deploy's contract address is its task id
		if err != nil {
			return fmt.Errorf("client: read secret contract %s: %w", t.ID, err)
		}
		if sc.CodeHash == ([32]byte{}) || (!t.PreCodeHash.IsZero() && sc.PreCodeHash != t.PreCodeHash) {
			return api.Errorf(api.CodeTampered, "client: contract %s was not deployed from the code sent (pre-code hash on chain %x, sent %s)", t.ID, sc.PreCodeHash, t.PreCodeHash)
		}
		r.Deployed = true
		return nil
	}
	if r.OutputHash != rec.OutputHash {
		return api.Errorf(api.CodeTampered, "client: the output the gateway sent for task %s hashes to %s but the receipt on chain commits to %x: it was altered or belongs to another task",
			t.ID, r.OutputHash, rec.OutputHash)
	}
	return nil
}

func (t *Task) open(enc []byte) ([]byte, error) {
	if t.v2Key != nil {
		return envelope.OpenResponse(*t.v2Key, t.v2Ctx, enc)
	}
	return compat.Decrypt(*t.compatKey, enc)
}

// ReturnFees takes back the fee of a task that got no receipt within the
// chain's timeout (getTaskTimeoutSize blocks after its record).
func (t *Task) ReturnFees(ctx context.Context) error {
	if t.Batched {
		return api.Errorf(api.CodeInvalidInput, "client: batched task %s paid nothing up front: it is charged only in a committed batch, and a failed one is not charged", t.ID)
	}
	st, err := t.Status(ctx)
	if err != nil {
		return err
	}
	if st.Chain != api.ChainRecordCreated {
		return api.Errorf(api.CodeInvalidInput, "client: task %s is %s, not waiting for a receipt: there are no fees to return", t.ID, st.Chain)
	}
	timeout, err := t.c.enigma.TaskTimeoutSize(ctx)
	if err != nil {
		return fmt.Errorf("client: read the task timeout: %w", err)
	}
	if st.Head <= st.Record+timeout {
		return api.Errorf(api.CodeInvalidInput, "client: task %s can have its fees returned after block %d (now %d)", t.ID, st.Record+timeout+1, st.Head)
	}
	if _, err := t.c.enigma.ReturnFeesForTask(ctx, t.c.account, t.ID); err != nil {
		return fmt.Errorf("client: return the fees of task %s: %w", t.ID, err)
	}
	return nil
}
