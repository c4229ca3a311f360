package client

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/crypto/envelope"
	"github.com/enigma-go/enigma/internal/selection"
)

// The batched path (docs/protocol/batched.md): a v2 compute task without a
// task record, signed by its sender, paid from the sender's balance in the
// Enigma contract and committed in a batch whose Merkle root is on chain.

// Domains of the batched task's hashes, as internal/enclave's (which a
// client must not import; a test pins the two together).
const (
	domainBatchedTask   = "enigma-go/enclave: batched task v2"
	domainBatchedTaskID = "enigma-go/enclave: batched task id v1"
)

// BatchedTaskID is the id of sender's batched task with nonce (the
// enclave's BatchedTaskID): apart from the chain's task ids, so the two
// never collide.
func BatchedTaskID(sender common.Address, nonce uint64) api.TaskID {
	return compat.HashParts([]byte(domainBatchedTaskID), sender[:], binary.BigEndian.AppendUint64(nil, nonce))
}

// BatchedTaskHash is what the sender signs to authorise one batched task
// (taskID, sealed for the epoch starting at block epoch) and its fee of at
// most gasLimit × gasPx (the enclave's BatchedTaskHash).
func BatchedTaskHash(chainID uint64, enigma common.Address, contract api.ContractAddress, taskID api.TaskID, epoch uint64, inputsHash api.Hash, gasLimit, gasPx uint64) api.Hash {
	u64 := func(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }
	return compat.HashParts([]byte(domainBatchedTask), u64(chainID), enigma[:], contract[:], taskID[:], u64(epoch), inputsHash[:], u64(gasLimit), u64(gasPx))
}

// batched reports whether the task s takes the batched path.
func (c *Client) batched(s *taskSpec) bool {
	switch {
	case s.deploy || c.cfg.Envelope != EnvelopeV2 || c.cfg.PerTask:
		return false
	}
	return true
}

// sendBatched funds, seals, signs and sends a batched compute task.
func (c *Client) sendBatched(ctx context.Context, s *taskSpec, args []byte, gasLimit uint64) (*Task, error) {
	codeHash, err := c.contractCodeHash(ctx, s.contract)
	if err != nil {
		return nil, err
	}
	fee := new(big.Int).Mul(new(big.Int).SetUint64(gasLimit), new(big.Int).SetUint64(c.cfg.GasPx))
	res, err := c.reserve(ctx, fee)
	if err != nil {
		return nil, err
	}
	t, err := c.submitBatched(ctx, s, args, codeHash, gasLimit)
	if err != nil {
		c.funds.release(res)
		return nil, err
	}
	t.reservation = res
	c.log.Debug("batched task sent", "task", t.ID, "worker", t.Worker, "epoch", t.Epoch)
	return t, nil
}

// submitBatched seals the task for the selected worker's epoch key and
// sends it. A node that is down (api.CodeUnavailable) gets the same
// request again, as long as the chain's task timeout allows: a worker that
// stored it already answers it as accepted. A worker that refuses the
// request's epoch (api.CodeWrongEpoch: the epoch changed between the
// sealing and the sending) gets it sealed again for the new epoch, under a
// new nonce, up to maxEpochRetries times; before that, a request that may
// have reached it (its reply was lost) is looked up, and sealed again only
// when the gateway answers that no worker holds it (api.CodeNotFound), so
// one task never runs twice.
func (c *Client) submitBatched(ctx context.Context, s *taskSpec, args []byte, codeHash [32]byte, gasLimit uint64) (*Task, error) {
	down := &nodeRetry{c: c}
	var (
		t         *Task
		params    map[string]any
		err       error
		ambiguous bool // a send of t may have reached the worker
	)
	for attempt := 0; ; {
		if t == nil {
			t, params, err = c.sealBatched(ctx, s, args, codeHash, gasLimit)
			if err != nil {
				t = nil
				if api.CodeOf(err) == api.CodeWrongEpoch && attempt < maxEpochRetries {
					c.forgetEpoch()
					attempt++
					continue
				}
				if down.again(ctx, err) {
					continue
				}
				return nil, err
			}
			ambiguous = false
		}
		err = c.gw.call(ctx, "v2_sendBatchedTask", params, nil)
		if err == nil {
			return t, nil
		}
		code := api.CodeOf(err)
		if ambiguous && (code == api.CodeWrongEpoch || code == api.CodeReplay) {
			// Sealed again under a new nonce only when no worker holds
			// this one: never one call run as two tasks.
			known, kerr := c.batchedKnown(ctx, t)
			if kerr != nil {
				return nil, kerr
			}
			if known {
				return t, nil
			}
		}
		switch {
		case code == api.CodeWrongEpoch && attempt < maxEpochRetries:
			c.log.Info("the worker refused the batched task's epoch; sealing it again", "task", t.ID, "epoch", t.Epoch, "err", err)
			c.forgetEpoch()
			attempt++
			t = nil
			continue
		case down.again(ctx, err):
			ambiguous = true
			continue
		}
		return nil, fmt.Errorf("client: send batched task %s to worker %s: %w", t.ID, t.Worker, err)
	}
}

// batchedLookups bounds the reads of a task whose send may have reached
// its worker.
const batchedLookups = 6

// batchedKnown reports whether a worker reachable from the gateway holds
// t: a send whose reply was lost went through. It is false only when the
// gateway answers that no worker holds t (api.CodeNotFound); any other
// answer is read again, up to batchedLookups times, and then returned as
// an error, for the task must not be sealed again under a new nonce while
// a worker may run it.
func (c *Client) batchedKnown(ctx context.Context, t *Task) (bool, error) {
	wait := c.cfg.PollInterval
	for try := 1; ; try++ {
		var r batchedReply
		err := c.gw.call(ctx, "v2_getBatchedTask", map[string]any{"taskId": hexNo0x(t.ID[:]), "workerAddress": hexNo0x(t.Worker[:])}, &r)
		switch {
		case err == nil && r.TaskID != "":
			return true, nil
		case err == nil:
			err = errors.New("the gateway answered without the task")
		case api.CodeOf(err) == api.CodeNotFound:
			return false, nil
		}
		if try == batchedLookups || ctx.Err() != nil {
			return false, fmt.Errorf("client: batched task %s may have reached worker %s (a reply was lost), and whether it did cannot be read: %w; read it later (Client.Task) before sending the call again, so that it does not run twice", t.ID, t.Worker, err)
		}
		select {
		case <-ctx.Done():
		case <-time.After(wait):
		}
		wait = min(2*wait, maxRetryWait)
	}
}

// sealBatched selects the worker, gets its epoch key, picks a nonce and
// seals and signs the task.
func (c *Client) sealBatched(ctx context.Context, s *taskSpec, args []byte, codeHash [32]byte, gasLimit uint64) (*Task, map[string]any, error) {
	params, err := c.cachedEpochParams(ctx)
	if err != nil {
		return nil, nil, err
	}
	worker, err := selection.SelectOne(params, s.contract)
	if err != nil {
		return nil, nil, api.Errorf(api.CodeUnavailable, "client: select the worker of %s in the epoch of block %d: %v (are workers logged in?)", s.contract, params.FirstBlock, err)
	}
	pub, err := c.cachedEpochKey(ctx, worker, params.FirstBlock)
	if err != nil {
		return nil, nil, err
	}
	var nb [8]byte
	if _, err := rand.Read(nb[:]); err != nil {
		return nil, nil, fmt.Errorf("client: pick a task nonce: %w", err)
	}
	nonce := binary.BigEndian.Uint64(nb[:])
	sender := c.account.Address
	t := &Task{c: c, Contract: s.contract, Envelope: EnvelopeV2, Worker: worker, Sender: sender, Nonce: nonce,
		ID: BatchedTaskID(sender, nonce), GasLimit: gasLimit, GasPx: c.cfg.GasPx, Batched: true, Epoch: params.FirstBlock}
	t.v2Ctx = envelope.Context{
		ChainID: c.chainID, EnigmaContract: c.enigma.Addresses().Enigma, SecretContract: s.contract, CodeHash: codeHash,
		Epoch: params.FirstBlock, Sender: sender, TaskNonce: nonce,
	}
	req, rk, err := envelope.SealRequest(pub, t.v2Ctx, envelope.EncodeCall(s.fn, args), envelope.Options{Pad: c.cfg.PadV2})
	if err != nil {
		return nil, nil, fmt.Errorf("client: seal the request: %w", err)
	}
	t.v2Key = &rk
	t.inputsHash = envelope.InputsHash(req)
	// With the account's key the client signs the hash itself; an account
	// the node holds signs it as an EIP-191 personal message (eth_sign),
	// which workers and enclaves accept too (enclave.BatchedTaskSignedBy).
	h := BatchedTaskHash(c.chainID, c.enigma.Addresses().Enigma, s.contract, t.ID, t.Epoch, t.inputsHash, gasLimit, c.cfg.GasPx)
	var sig [65]byte
	if c.account.Key != nil {
		sig, err = compat.Sign(c.account.Key, h)
	} else {
		sig, err = c.chain.SignMessage(ctx, c.account.Address, h[:])
	}
	if err != nil {
		return nil, nil, fmt.Errorf("client: sign the batched task: %w", err)
	}
	return t, map[string]any{
		"taskId": hexNo0x(t.ID[:]), "workerAddress": hexNo0x(worker[:]), "contractAddress": hexNo0x(s.contract[:]),
		"request": hex.EncodeToString(req), "sender": hexNo0x(sender[:]), "taskNonce": nonce,
		"gasLimit": gasLimit, "gasPx": c.cfg.GasPx, "signature": hex.EncodeToString(sig[:]),
	}, nil
}
