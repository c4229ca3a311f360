package attack_test

import (
	"context"
	"errors"
	"math/big"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/chain/bindings"
	"github.com/enigma-go/enigma/internal/chain/devchain"
	"github.com/enigma-go/enigma/internal/chain/devchain/browsertest"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/crypto/envelope"
	"github.com/enigma-go/enigma/internal/devnet"
	"github.com/enigma-go/enigma/internal/enclave"
)

// Attack: a web page the developer opens while `enigma devnet` runs drives
// the dev chain on 127.0.0.1:8545. With CORS and Host names open (`*`) and
// the debug, personal and txpool modules served, the page could send
// transactions from the unlocked dev accounts (eth_sendTransaction), sign
// with their keys (personal_sign), write files (debug_writeMemProfile) or
// rewind the chain (debug_setHead) — directly, or after DNS rebinding its
// own name to 127.0.0.1. Now a page of another origin gets no CORS
// permission and no WebSocket, another Host name is refused, and those
// modules are not served; local tools work as before.
func TestAttackChainWebPageDrivesDevChain(t *testing.T) {
	n := start(t, 0)
	endpoint := n.d.ChainURL()
	u, err := url.Parse(endpoint)
	if err != nil {
		t.Fatal(err)
	}
	port := u.Port()
	const evil = "http://evil.example"

	// The page's JSON POST needs a preflight, which is refused; no answer
	// carries a permission for the page to read it.
	if got := browsertest.Preflight(t, endpoint, evil); got != "" {
		t.Fatalf("preflight from %s allowed for %q", evil, got)
	}
	send := map[string]any{"from": n.user(2).Address, "to": n.user(3).Address, "value": "0x1"}
	if r := browsertest.Post(t, endpoint, evil, "", "eth_accounts"); r.CORS() != "" {
		t.Fatalf("an answer to %s allows %q to read it", evil, r.CORS())
	}
	// DNS rebinding: evil.example now resolves to 127.0.0.1, the page is
	// same-origin with itself, and its Host header names it.
	rebound := "evil.example:" + port
	for _, method := range []string{"eth_accounts", "eth_sendTransaction"} {
		r := browsertest.Post(t, endpoint, "http://"+rebound, rebound, method, send)
		if r.Status != http.StatusForbidden {
			t.Fatalf("%s with Host %s: status %d (%s), want 403", method, rebound, r.Status, r.Err)
		}
	}
	// The unsafe modules are not served at all.
	for _, call := range []struct {
		method string
		params []any
	}{
		{"debug_writeMemProfile", []any{"/tmp/enigma-attack.prof"}},
		{"debug_setHead", []any{"0x1"}},
		{"personal_sign", []any{"0x00", n.user(2).Address}},
		{"personal_listAccounts", nil},
		{"txpool_content", nil},
	} {
		if r := browsertest.Post(t, endpoint, "", "", call.method, call.params...); !strings.Contains(r.Err, "does not exist") {
			t.Errorf("%s: %+v, want the method not served", call.method, r)
		}
	}
	// WebSocket: the page's origin is refused, directly or rebound.
	ws := n.d.DevChain().WSEndpoint()
	for _, origin := range []string{evil, "http://" + rebound} {
		if err := browsertest.DialWS(ws, origin); err == nil {
			t.Fatalf("a WebSocket from %s was accepted", origin)
		}
	}

	// An ordinary local request still works, and so does a page served
	// from this machine.
	if r := browsertest.Post(t, endpoint, "", "", "eth_blockNumber"); r.Err != "" {
		t.Fatalf("local eth_blockNumber: %+v", r)
	}
	if got := browsertest.Preflight(t, endpoint, "http://localhost:3000"); got != "http://localhost:3000" {
		t.Fatalf("preflight from http://localhost:3000 allowed for %q", got)
	}
	if err := browsertest.DialWS(ws, ""); err != nil {
		t.Fatalf("local WebSocket: %v", err)
	}
}

// chainDevKey is the private key of a dev account (the public test
// mnemonic's), which a user signs its batched tasks with.
func chainDevKey(t *testing.T, a common.Address) *devchain.DevAccount {
	t.Helper()
	accs, err := devchain.DeriveAccounts(devchain.DefaultMnemonic, 10)
	if err != nil {
		t.Fatal(err)
	}
	for i := range accs {
		if accs[i].Address == a {
			return &accs[i]
		}
	}
	t.Fatalf("%s is not a dev account", a)
	return nil
}

// Attack: a user of the batched path deposits into its balance, has a
// worker accept and run its batched tasks (the worker checked the balance
// covers them), and takes the balance out before the batch lands: the
// batch finds nothing to charge and the user paid nothing. It can also
// spend the balance on a task record. Now a deposit locks the balance:
// withdrawing needs requestUserWithdrawal and then the task timeout, during
// which the worker (which stops accepting the user's tasks at the request)
// commits and is paid in full; task records do not draw on a locked
// balance.
func TestAttackChainBatchedUserWithdrawsBeforeBatch(t *testing.T) {
	n := start(t, 0)
	ctx := n.ctx
	sc := n.deploy(n.client(0), "state")
	host, epoch := n.selectedHost(sc)
	attacker := n.user(1)
	const gasLimit, gasPx = 1_000_000, 1
	maxFee := big.NewInt(gasLimit * gasPx)

	// The attacker funds its balance for batched tasks.
	if _, err := n.e.ApproveEnigma(ctx, attacker, maxFee); err != nil {
		t.Fatal(err)
	}
	if _, err := n.e.Transact(ctx, attacker, "deposit for batched tasks", n.e.ABI().PackDepositUserBalance(maxFee)); err != nil {
		t.Fatal(err)
	}

	// The worker's host checks the balance it can count on, then runs the task.
	ub, err := n.e.UserBalance(ctx, attacker.Address)
	if err != nil {
		t.Fatal(err)
	}
	if ub.Batchable().Cmp(maxFee) < 0 {
		t.Fatalf("a fresh deposit of %v is not batchable: %+v", maxFee, ub)
	}
	resp := chainRunBatched(t, n, host, epoch, attacker.Address, sc, gasLimit, gasPx)
	fee := new(big.Int).Mul(new(big.Int).SetUint64(resp.GasUsed), big.NewInt(gasPx))

	// Before the batch lands, the attacker tries to take the balance out:
	// directly, and by paying a task record with it.
	_, err = n.e.Transact(ctx, attacker, "withdraw the balance", n.e.ABI().PackWithdrawUserBalance(maxFee))
	chainMustRevert(t, err, "Locked: requestUserWithdrawal")
	if _, err := n.e.ApproveEnigma(ctx, attacker, maxFee); err != nil {
		t.Fatal(err)
	}
	if _, err := n.e.CreateTaskRecord(ctx, attacker, [32]byte{1}, gasLimit, gasPx, epoch); err != nil {
		t.Fatal(err)
	}
	if ub, _ := n.e.UserBalance(ctx, attacker.Address); ub.Balance.Cmp(maxFee) != 0 {
		t.Fatalf("a task record drew on the locked balance: %v left of %v", ub.Balance, maxFee)
	}
	// The way out is a request; from then on the worker accepts nothing
	// more against the balance, and the balance stays for the timeout.
	r, err := n.e.Transact(ctx, attacker, "request a withdrawal", n.e.ABI().PackRequestUserWithdrawal())
	if err != nil {
		t.Fatal(err)
	}
	timeout, err := n.e.TaskTimeoutSize(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ub, err = n.e.UserBalance(ctx, attacker.Address)
	if err != nil {
		t.Fatal(err)
	}
	if ub.Batchable().Sign() != 0 || ub.UnlockBlock != r.BlockNumber.Uint64()+timeout {
		t.Fatalf("after the request: %+v, want nothing batchable and unlock at block %d", ub, r.BlockNumber.Uint64()+timeout)
	}
	_, err = n.e.Transact(ctx, attacker, "withdraw the balance", n.e.ABI().PackWithdrawUserBalance(maxFee))
	chainMustRevert(t, err, "Locked: requestUserWithdrawal")

	// The worker commits its batch within the timeout and is paid in full.
	before, err := n.e.Worker(ctx, host.Custodian.Address)
	if err != nil {
		t.Fatal(err)
	}
	sb, err := host.Enclave.SignBatch(ctx, &enclave.SignBatchRequest{Contract: sc, EpochFirstBlock: epoch, BatchIndex: 0,
		ChainID: n.e.Client().ChainID().Uint64(), EnigmaContract: api.EthAddress(n.e.Addresses().Enigma)})
	if err != nil {
		t.Fatal(err)
	}
	users := make([]common.Address, len(sb.Users))
	fees := make([]*big.Int, len(sb.Fees))
	for i := range sb.Users {
		users[i], fees[i] = common.Address(sb.Users[i]), new(big.Int).SetBytes(sb.Fees[i][:])
	}
	hdr := bindings.EnigmaBatchHeader{ScAddr: sb.Contract, EpochFirstBlock: new(big.Int).SetUint64(sb.EpochFirstBlock),
		BatchIndex: new(big.Int).SetUint64(sb.BatchIndex), PrevDeltaHash: sb.PrevDeltaHash, NewDeltaHash: sb.NewDeltaHash,
		Root: sb.Root, TaskCount: new(big.Int).SetUint64(sb.TaskCount), GasUsed: new(big.Int).SetUint64(sb.GasUsed)}
	r, err = n.e.Transact(ctx, host.Custodian, "commit the batch", n.e.ABI().PackCommitBatch(hdr, users, fees, sb.Signature[:]))
	if err != nil {
		t.Fatal(err)
	}
	var paid *big.Int
	for _, l := range r.Logs {
		if ev, err := n.e.ABI().UnpackBatchCommittedEvent(l); err == nil {
			paid = ev.Fees
		}
	}
	if paid == nil || paid.Cmp(fee) != 0 {
		t.Fatalf("the batch was paid %v, want the task's fee %v", paid, fee)
	}
	after, err := n.e.Worker(ctx, host.Custodian.Address)
	if err != nil {
		t.Fatal(err)
	}
	if got := new(big.Int).Sub(after.Balance, before.Balance); got.Cmp(fee) != 0 {
		t.Fatalf("the worker's stake grew by %v, want %v", got, fee)
	}
	if ub, _ := n.e.UserBalance(ctx, attacker.Address); ub.Balance.Cmp(new(big.Int).Sub(maxFee, fee)) != 0 {
		t.Fatalf("balance %v after the batch, want %v", ub.Balance, new(big.Int).Sub(maxFee, fee))
	}
}

// chainRunBatched plays the worker's host running one batched task of
// sender on contract c: the user's v2 request sealed to the worker's epoch
// key, signed by the user with its fee, executed by the worker's enclave.
func chainRunBatched(t *testing.T, n *network, host *devnet.WorkerHost, epoch uint64, sender common.Address, c api.ContractAddress, gasLimit, gasPx uint64) *enclave.ExecuteResponse {
	t.Helper()
	ctx := n.ctx
	chainID := n.e.Client().ChainID().Uint64()
	enigmaAddr := n.e.Addresses().Enigma
	ek, err := host.Enclave.EpochKey(ctx, &enclave.EpochKeyRequest{Epoch: epoch, ChainID: chainID, EnigmaContract: api.EthAddress(enigmaAddr)})
	if err != nil {
		t.Fatal(err)
	}
	code, err := host.Store.Code(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	st, err := host.Store.State(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	const nonce = 1
	ectx := envelope.Context{ChainID: chainID, EnigmaContract: enigmaAddr, SecretContract: c, CodeHash: compat.Keccak256(code),
		Epoch: epoch, Sender: sender, TaskNonce: nonce}
	msg, _, err := envelope.SealRequest(ek.PublicKey, ectx, envelope.EncodeCall("get()", nil), envelope.Options{})
	if err != nil {
		t.Fatal(err)
	}
	head, err := n.e.Client().Eth().HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	req := &enclave.ExecuteRequest{Kind: enclave.KindCompute, Envelope: enclave.EnvelopeV2, Batched: true,
		TaskID: enclave.BatchedTaskID(api.EthAddress(sender), nonce), Contract: c, Code: code, State: st.Data, PrevDeltaHash: st.Hash,
		EncryptedFn: msg, InputsHash: envelope.InputsHash(msg), GasLimit: gasLimit, GasPx: gasPx,
		BlockNumber: head.Number.Uint64(), BlockTime: int64(head.Time), Epoch: epoch, ChainID: chainID,
		EnigmaContract: api.EthAddress(enigmaAddr), Sender: api.EthAddress(sender), TaskNonce: nonce}
	req.UserSignature, err = compat.Sign(chainDevKey(t, sender).Key,
		enclave.BatchedTaskHash(chainID, api.EthAddress(enigmaAddr), c, req.TaskID, req.Epoch, req.InputsHash, gasLimit, gasPx))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := host.Enclave.Execute(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if resp.Status != enclave.TaskSuccess || resp.GasUsed == 0 {
		t.Fatalf("batched task: status %d, gas %d", resp.Status, resp.GasUsed)
	}
	return resp
}

func chainMustRevert(t *testing.T, err error, reason string) {
	t.Helper()
	if !errors.Is(err, chain.ErrReverted) || !strings.Contains(err.Error(), reason) {
		t.Fatalf("got %v, want a revert with %q", err, reason)
	}
}

// Attack: the worker selected for a task withholds its receipt. The
// contract keeps 5 epochs and checks a receipt against the task's epoch, so
// once that epoch is dropped nobody can commit the task; with a timeout
// longer than the ring (the default was 10 epochs) the user's fee then
// stayed locked for epochs more. Now the timeout is at most 4 epochs (a
// deployment with more is refused), so the fee is returnable no later than
// the epoch leaves the ring.
func TestAttackChainTaskOutlivesItsEpoch(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	t.Cleanup(cancel)
	cfg := devnet.TestConfig()
	cfg.DataDir, cfg.EpochSize, cfg.TimeoutEpochs = t.TempDir(), 5, 10
	if d, err := devnet.Start(ctx, cfg); err == nil {
		d.Close()
		t.Fatal("a devnet with a 10-epoch timeout (longer than the 5 epochs the contract keeps) started")
	} else if !strings.Contains(err.Error(), "TimeoutEpochs") {
		t.Fatalf("a 10-epoch timeout was refused with %v, want a reason naming TimeoutEpochs", err)
	}

	n := start(t, 5) // the default timeout: the longest allowed
	user := n.user(1)
	const gasLimit, gasPx = 100_000, 1
	// The task is recorded and then never receives its receipt. An epoch
	// may change between the read and the record ("Wrong epoch"): read
	// again.
	var rec *chain.TaskRecord
	var taskEpoch uint64
	for attempt := 0; rec == nil; attempt++ {
		st, err := n.e.EpochState(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := n.e.ApproveEnigma(ctx, user, big.NewInt(gasLimit*gasPx)); err != nil {
			t.Fatal(err)
		}
		rec, err = n.e.CreateTaskRecord(ctx, user, [32]byte{2}, gasLimit, gasPx, st.FirstBlock.Uint64())
		if err != nil && (attempt == 10 || !strings.Contains(err.Error(), "Wrong epoch")) {
			t.Fatal(err)
		}
		taskEpoch = st.Count.Uint64() - 1
	}
	// Wait until the task's epoch has left the ring (5 newer epochs).
	for {
		st, err := n.e.EpochState(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Count.Uint64() >= taskEpoch+1+5 {
			break
		}
		select {
		case <-ctx.Done():
			t.Fatalf("the epochs did not advance: %v", ctx.Err())
		case <-time.After(100 * time.Millisecond):
		}
	}
	// No receipt can land any more, and the fee comes back at once.
	before := n.balance(user.Address)
	if _, err := n.e.ReturnFeesForTask(ctx, n.user(2), rec.TaskID); err != nil {
		t.Fatalf("the fee of a task whose epoch left the ring is not returnable: %v", err)
	}
	if got := new(big.Int).Sub(n.balance(user.Address), before); got.Int64() != gasLimit*gasPx {
		t.Fatalf("returned %v, want %d", got, gasLimit*gasPx)
	}
}
