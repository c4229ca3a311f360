package client

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/crypto/envelope"
	"github.com/enigma-go/enigma/internal/selection"
	"github.com/enigma-go/enigma/sdk/contract"
)

// RawArgs passes already ABI-encoded arguments (no selector) to Deploy or
// Compute in place of Go values.
type RawArgs []byte

// Deploy deploys code (a wasm module) and runs its constructor ctorSig
// (e.g. "construct(address)") with args, ABI-encoded. It returns once the
// task record is on chain and the selected worker accepted the task; Wait
// for its receipt. The new contract's address is Task.Contract.
//
// When the record was created but the gateway refused the task, Deploy
// returns the Task with the error, so its fees can be returned once it
// times out (Task.ReturnFees).
func (c *Client) Deploy(ctx context.Context, code []byte, ctorSig string, args ...any) (*Task, error) {
	if len(code) == 0 {
		return nil, api.Errorf(api.CodeInvalidInput, "client: the contract code is empty")
	}
	return c.send(ctx, &taskSpec{deploy: true, code: code, fn: ctorSig, args: args})
}

// Compute calls fnSig (e.g. "add(uint256,uint256)") of the secret contract
// at contractAddr with args, ABI-encoded.
//
// A v2 task takes the batched path (Task.Batched; docs/protocol/batched.md)
// unless Config.PerTask is set or the account is one the node holds: the
// client funds the account's batchable balance when it falls short
// (Config.DepositTasks), signs the task with the account's key and returns
// once the selected worker stored it; Wait until its batch is committed.
// Otherwise Compute returns once the task record is on chain and the
// selected worker accepted the task; Wait for its receipt. Errors as
// Deploy's.
func (c *Client) Compute(ctx context.Context, contractAddr api.ContractAddress, fnSig string, args ...any) (*Task, error) {
	return c.send(ctx, &taskSpec{contract: contractAddr, fn: fnSig, args: args})
}

// taskSpec is what the caller asked for.
type taskSpec struct {
	deploy   bool
	code     []byte
	contract api.ContractAddress
	fn       string
	args     []any
}

// prepared is a task encrypted for one worker and epoch, ready for its
// record.
type prepared struct {
	task       *Task
	nonce      *big.Int
	epoch      uint64
	inputsHash [32]byte
	submit     func(ctx context.Context) error
}

func (c *Client) send(ctx context.Context, s *taskSpec) (*Task, error) {
	if !strings.Contains(s.fn, "(") || !strings.HasSuffix(s.fn, ")") {
		return nil, api.Errorf(api.CodeInvalidInput, "client: %q is not a function signature like \"add(uint256,uint256)\"", s.fn)
	}
	args, err := encodeArgs(s.fn, s.args)
	if err != nil {
		return nil, err
	}
	if c.cfg.Envelope != EnvelopeV2 && c.cfg.Envelope != EnvelopeCompat {
		return nil, api.Errorf(api.CodeInvalidInput, "client: envelope %q is neither %q nor %q", c.cfg.Envelope, EnvelopeV2, EnvelopeCompat)
	}
	gasLimit := c.gasLimit
	if gasLimit == 0 {
		gasLimit = c.cfg.ComputeGasLimit
		if s.deploy {
			gasLimit = c.cfg.DeployGasLimit
		}
	}
	fee := new(big.Int).Mul(new(big.Int).SetUint64(gasLimit), new(big.Int).SetUint64(c.cfg.GasPx))
	if c.batched(s) {
		return c.sendBatched(ctx, s, args, gasLimit)
	}

	c.submit.Lock()
	defer c.submit.Unlock()
	if err := c.checkBalance(ctx, fee); err != nil {
		return nil, err
	}
	var p *prepared
	var rec *chain.TaskRecord
	// The record names the epoch the worker was selected in. The contract
	// takes it until the epoch after that one is an epoch's length old and
	// binds the task to it, so an epoch change between selection and
	// mining costs nothing. A record that still misses (mined later than
	// that) reverts with "Wrong epoch for this task", and a v2 worker that
	// already moved to the next epoch key refuses; both are tried again
	// with the new epoch, up to maxEpochRetries times.
	//
	// A node that is down (the gateway, or the selected worker while it
	// restarts) is asked again for as many blocks as the task timeout
	// (nodeRetry); meanwhile the epoch may change and select another.
	down := &nodeRetry{c: c}
	for attempt := 0; ; attempt++ {
		if p, err = c.prepare(ctx, s, args); err != nil {
			if attempt < maxEpochRetries && api.CodeOf(err) == api.CodeWrongEpoch {
				continue // the worker already moved to the next epoch
			}
			if down.again(ctx, err) {
				attempt-- // a node was down: not a try of the epoch's
				continue
			}
			return nil, err
		}
		if _, err = c.enigma.ApproveEnigma(ctx, c.account, fee); err != nil {
			return nil, fmt.Errorf("client: approve the task's fee of %v ENG grains: %w", fee, err)
		}
		if s.deploy {
			rec, err = c.enigma.CreateDeploymentTaskRecord(ctx, c.account, p.inputsHash, gasLimit, c.cfg.GasPx, p.epoch, p.nonce)
		} else {
			rec, err = c.enigma.CreateTaskRecord(ctx, c.account, p.inputsHash, gasLimit, c.cfg.GasPx, p.epoch)
		}
		var rev *chain.RevertError
		if err != nil && attempt < maxEpochRetries && errors.As(err, &rev) && strings.Contains(rev.Reason, "Wrong epoch") {
			c.log.Info("the epoch changed before the task record was mined; trying again", "epoch", p.epoch)
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("client: create the task record: %w", err)
		}
		break
	}
	t := p.task
	t.Block, t.GasLimit = rec.Block, gasLimit
	if rec.TaskID != t.ID && t.Envelope == EnvelopeCompat && !t.Deploy {
		// Another sender of this account took the nonce between our read
		// and the record. Compat compute inputs do not name the task, so
		// the task runs under the id it got.
		t.ID = rec.TaskID
	}
	if rec.TaskID != t.ID {
		// The inputs are bound to the task id we expected (v2 context,
		// deploy address): the task cannot run.
		t.ID = rec.TaskID
		return t, api.Errorf(api.CodeReplay, "client: task record %s was created with another nonce than %d: another process sends from %s at the same time; the task cannot run, return its fees with ReturnFees after it times out",
			rec.TaskID, p.nonce, c.account.Address)
	}
	c.log.Debug("task record created", "task", t.ID, "block", t.Block, "worker", t.Worker, "envelope", t.Envelope)
	if err := c.submitRecorded(ctx, t, p.submit); err != nil {
		return t, fmt.Errorf("client: task %s has its record on chain but the gateway refused it (its fees can be returned with ReturnFees after the timeout): %w", t.ID, err)
	}
	return t, nil
}

func encodeArgs(sig string, args []any) ([]byte, error) {
	if len(args) == 1 {
		if raw, ok := args[0].(RawArgs); ok {
			return raw, nil
		}
	}
	b, err := contract.EncodeArgs(sig, args...)
	if err != nil {
		return nil, api.Errorf(api.CodeInvalidInput, "client: encode the arguments of %s: %v", sig, err)
	}
	return b, nil
}

// checkBalance refuses a task the account cannot pay, before anything is
// sent: the fee comes from the account's credit on the Enigma contract
// (refunds of earlier tasks, unless locked for batched tasks) first, then
// from its tokens.
func (c *Client) checkBalance(ctx context.Context, fee *big.Int) error {
	bal, err := c.enigma.TokenBalance(ctx, c.account.Address)
	if err != nil {
		return fmt.Errorf("client: read the ENG balance of %s: %w", c.account.Address, err)
	}
	ub, err := c.enigma.UserBalance(ctx, c.account.Address)
	if err != nil {
		return fmt.Errorf("client: read the credit of %s: %w", c.account.Address, err)
	}
	head, err := c.enigma.Client().BlockNumber(ctx)
	if err != nil {
		return fmt.Errorf("client: read the block number: %w", err)
	}
	// A balance deposited for batched tasks is locked: task records do not
	// draw on it.
	credit := ub.ForRecords(head + 1)
	if have := new(big.Int).Add(bal, credit); have.Cmp(fee) < 0 {
		return api.Errorf(api.CodeInvalidInput, "client: %s holds %v ENG grains (%v in tokens, %v of credit), less than the task's fee of %v (gas limit × gas price): fund it or lower the gas limit",
			c.account.Address, have, bal, credit, fee)
	}
	return nil
}

// prepare reads the nonce and the epoch, selects the worker and encrypts
// the task to it.
func (c *Client) prepare(ctx context.Context, s *taskSpec, args []byte) (*prepared, error) {
	nonce, err := c.enigma.UserTaskDeployments(ctx, c.account.Address)
	if err != nil {
		return nil, fmt.Errorf("client: read the task nonce of %s: %w", c.account.Address, err)
	}
	t := &Task{c: c, Deploy: s.deploy, Contract: s.contract, Envelope: c.cfg.Envelope, Sender: c.account.Address,
		Nonce: nonce.Uint64(), ID: compat.TaskID(c.account.Address, nonce)}
	if s.deploy {
		t.Contract = t.ID
		t.PreCodeHash = compat.Keccak256(s.code)
	}
	params, err := c.epochParams(ctx)
	if err != nil {
		return nil, err
	}
	worker, err := selection.SelectOne(params, t.Contract)
	if err != nil {
		return nil, api.Errorf(api.CodeUnavailable, "client: select the worker of %s in the epoch of block %d: %v (are workers logged in?)", t.Contract, params.FirstBlock, err)
	}
	t.Worker = worker
	p := &prepared{task: t, nonce: nonce, epoch: params.FirstBlock}
	if t.Envelope == EnvelopeCompat {
		err = c.prepareCompat(ctx, p, s, args)
	} else {
		err = c.prepareV2(ctx, p, s, args)
	}
	if err != nil {
		return nil, err
	}
	return p, nil
}

// maxEpochRetries bounds the new tries of a task whose record missed its
// epoch.
const maxEpochRetries = 2

// epochParams reads the selection parameters of the epoch at the head.
func (c *Client) epochParams(ctx context.Context) (selection.Params, error) {
	head, err := c.chain.BlockNumber(ctx)
	if err != nil {
		return selection.Params{}, fmt.Errorf("client: read the head block: %w", err)
	}
	wp, err := c.enigma.WorkerParams(ctx, head)
	if err != nil {
		return selection.Params{}, fmt.Errorf("client: read the worker parameters at block %d: %w", head, err)
	}
	if wp.Arg0.Sign() == 0 || len(wp.Arg2) == 0 {
		return selection.Params{}, api.Errorf(api.CodeUnavailable, "client: no epoch with workers at block %d: the key manager has not set one yet (wait for the network to start)", head)
	}
	return selection.Params{FirstBlock: wp.Arg0.Uint64(), Seed: wp.Arg1, Workers: wp.Arg2, Stakes: wp.Arg3}, nil
}

// prepareCompat follows enigma-js 0.3.0: a task key from the worker,
// checked against the selected worker's signing address, ECDH with a
// fresh user key (one per task, where enigma-js reuses one), AES-GCM of
// the function signature and the arguments.
func (c *Client) prepareCompat(ctx context.Context, p *prepared, s *taskSpec, args []byte) error {
	t := p.task
	user, err := compat.GenerateKey(rand.Reader)
	if err != nil {
		return err
	}
	userPub := compat.PublicKeyBytes(&user.PublicKey)
	var wk nested[workerKeyReply]
	if err := c.gw.call(ctx, "getWorkerEncryptionKey", map[string]string{
		"workerAddress": hexNo0x(t.Worker[:]), "userPubKey": hex.EncodeToString(userPub[:]),
	}, &wk); err != nil {
		return fmt.Errorf("client: get a task key from worker %s: %w", t.Worker, err)
	}
	wpubBytes, err := hex.DecodeString(strings.TrimPrefix(wk.Result.WorkerEncryptionKey, "0x"))
	if err != nil || len(wpubBytes) != compat.PublicKeySize {
		return api.Errorf(api.CodeBadEnvelope, "client: worker %s sent a malformed task key %q", t.Worker, wk.Result.WorkerEncryptionKey)
	}
	sig, err := hex.DecodeString(strings.TrimPrefix(wk.Result.WorkerSig, "0x"))
	if err != nil {
		return api.Errorf(api.CodeBadSignature, "client: worker %s sent a malformed key signature: %v", t.Worker, err)
	}
	if err := compat.VerifyWorkerKey(t.Worker, [64]byte(wpubBytes), sig); err != nil {
		return fmt.Errorf("client: the task key is not signed by the selected worker %s: %w", t.Worker, err)
	}
	key, err := compat.DeriveKeyFromBytes(user, wpubBytes)
	if err != nil {
		return err
	}
	encFn, err := compat.Encrypt(key, []byte(s.fn), rand.Reader)
	if err != nil {
		return err
	}
	encArgs, err := compat.Encrypt(key, args, rand.Reader)
	if err != nil {
		return err
	}
	x := t.Contract[:]
	if s.deploy {
		x = t.PreCodeHash[:]
	}
	p.inputsHash = compat.InputsHash(encFn, encArgs, x, userPub[:])
	t.compatKey = &key
	params := map[string]any{
		"workerAddress": hexNo0x(t.Worker[:]), "encryptedFn": hex.EncodeToString(encFn), "encryptedArgs": hex.EncodeToString(encArgs),
		"contractAddress": hexNo0x(t.Contract[:]), "userDHKey": hex.EncodeToString(userPub[:]),
	}
	method := "sendTaskInput"
	if s.deploy {
		method = "deploySecretContract"
		gz, err := gzipBase64(s.code)
		if err != nil {
			return err
		}
		params["preCode"] = gz
	}
	p.submit = func(ctx context.Context) error {
		if !s.deploy {
			params["taskId"] = hexNo0x(t.ID[:])
		}
		return c.gw.call(ctx, method, params, nil)
	}
	return nil
}

// prepareV2 seals the call to the worker's epoch key under the task's
// context (docs/protocol/envelope-v2.md § "Gateway").
func (c *Client) prepareV2(ctx context.Context, p *prepared, s *taskSpec, args []byte) error {
	t := p.task
	codeHash := t.PreCodeHash
	if !s.deploy {
		sc, err := c.enigma.SecretContract(ctx, t.Contract)
		if err != nil {
			return fmt.Errorf("client: read secret contract %s: %w", t.Contract, err)
		}
		if sc.CodeHash == ([32]byte{}) {
			return api.Errorf(api.CodeNotFound, "client: no secret contract is deployed at %s", t.Contract)
		}
		codeHash = sc.CodeHash
	}
	pub, err := c.epochKey(ctx, t.Worker, p.epoch)
	if err != nil {
		return err
	}
	t.v2Ctx = envelope.Context{
		ChainID: c.chainID, EnigmaContract: c.enigma.Addresses().Enigma, SecretContract: t.Contract, CodeHash: codeHash,
		Epoch: p.epoch, Sender: t.Sender, TaskNonce: t.Nonce,
	}
	req, rk, err := envelope.SealRequest(pub, t.v2Ctx, envelope.EncodeCall(s.fn, args), envelope.Options{Pad: c.cfg.PadV2})
	if err != nil {
		return fmt.Errorf("client: seal the request: %w", err)
	}
	t.v2Key = &rk
	p.inputsHash = envelope.InputsHash(req)
	params := map[string]any{
		"deploy": s.deploy, "taskId": hexNo0x(t.ID[:]), "workerAddress": hexNo0x(t.Worker[:]),
		"contractAddress": hexNo0x(t.Contract[:]), "request": hex.EncodeToString(req),
		"sender": hexNo0x(t.Sender[:]), "taskNonce": t.Nonce,
	}
	if s.deploy {
		gz, err := gzipBase64(s.code)
		if err != nil {
			return err
		}
		params["preCode"] = gz
	}
	p.submit = func(ctx context.Context) error { return c.gw.call(ctx, "v2_sendTask", params, nil) }
	return nil
}

// epochKey asks worker for its envelope v2 key (v2_getEpochKey) and
// checks it is the key of epoch (the selection epoch's first block),
// signed by the worker over envelope.WorkerKeyHash. A key of another
// epoch is api.CodeWrongEpoch: the worker or the client is on the other
// side of an epoch change, which a new try settles.
func (c *Client) epochKey(ctx context.Context, worker common.Address, epoch uint64) ([]byte, error) {
	var ek epochKeyReply
	if err := c.gw.call(ctx, "v2_getEpochKey", map[string]string{"workerAddress": hexNo0x(worker[:])}, &ek); err != nil {
		return nil, fmt.Errorf("client: get the envelope v2 key of worker %s: %w", worker, err)
	}
	if ek.Epoch != epoch {
		return nil, api.Errorf(api.CodeWrongEpoch, "client: worker %s sent its key for epoch %d but the chain's epoch starts at block %d: retry after the epoch change settles", worker, ek.Epoch, epoch)
	}
	pub, err := hex.DecodeString(strings.TrimPrefix(ek.PublicKey, "0x"))
	if err != nil || len(pub) != envelope.PublicKeySize {
		return nil, api.Errorf(api.CodeBadEnvelope, "client: worker %s sent a malformed v2 key (%d hex digits, want %d)", worker, len(ek.PublicKey), 2*envelope.PublicKeySize)
	}
	sig, err := hex.DecodeString(strings.TrimPrefix(ek.Signature, "0x"))
	if err != nil {
		return nil, api.Errorf(api.CodeBadSignature, "client: worker %s sent a malformed key signature: %v", worker, err)
	}
	if !compat.Verify(worker, envelope.WorkerKeyHash(c.chainID, c.enigma.Addresses().Enigma, ek.Epoch, pub), sig) {
		return nil, api.Errorf(api.CodeBadSignature, "client: the v2 key for epoch %d is not signed by the selected worker %s", ek.Epoch, worker)
	}
	return pub, nil
}

func hexNo0x(b []byte) string { return hex.EncodeToString(b) }

// gzipBase64 is the wire form of a contract's code (enigma-js's preCode).
func gzipBase64(code []byte) (string, error) {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	if _, err := zw.Write(code); err != nil {
		return "", err
	}
	if err := zw.Close(); err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(buf.Bytes()), nil
}
