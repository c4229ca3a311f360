// Package attack_test plays every attack of docs/security.md through the
// real parts: the embedded go-ethereum dev chain, the compiled Solidity
// contracts, the simulated enclaves behind their message protocol, the
// worker and key manager hosts, the gateway and the Go client. Each test is
// named for the attack, does what the attacker would do with only what the
// attacker holds, and checks that it fails and that nothing was lost.
//
// An attacker that is a node's host holds that node's enclave, accounts and
// store: the devnet runs every host, and hands them out through its
// WorkerHost and KeyManagerHost accessors.
package attack_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"math/big"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/chain/bindings"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/devnet"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/enclave/sim"
	"github.com/enigma-go/enigma/internal/enclave/testcontract"
	"github.com/enigma-go/enigma/internal/selection"
	"github.com/enigma-go/enigma/sdk/client"
)

// network is a devnet and what the tests need of it.
type network struct {
	t   *testing.T
	ctx context.Context
	d   *devnet.Devnet
	e   *chain.Enigma
	dir string
}

// start brings a devnet up for one test. Long epochs keep a test's task
// records in one epoch; epochSize 0 takes them.
func start(t *testing.T, epochSize uint64) *network {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	t.Cleanup(cancel)
	cfg := devnet.TestConfig()
	cfg.DataDir, cfg.EpochSize = t.TempDir(), 1000
	if epochSize != 0 {
		cfg.EpochSize = epochSize
	}
	d, err := devnet.Start(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return &network{t: t, ctx: ctx, d: d, e: d.Enigma(), dir: cfg.DataDir}
}

// user is dev account i after the deployer and the workers' custodians.
func (n *network) user(i int) chain.Account {
	return chain.NodeAccount(n.d.Accounts()[1+len(n.d.Workers())+i])
}

func (n *network) client(i int) *client.Client {
	n.t.Helper()
	cfg, err := client.ConfigFromFile(filepath.Join(n.dir, "addresses.json"))
	if err != nil {
		n.t.Fatal(err)
	}
	tc := client.TestConfig()
	cfg.PollInterval, cfg.Account = tc.PollInterval, n.user(i).Address.Hex()
	// The attacks here are on tasks with records; the batched path's are in
	// internal/worker, internal/enclave and sdk/client (docs/security.md).
	cfg.PerTask = true
	c, err := client.New(n.ctx, cfg)
	if err != nil {
		n.t.Fatal(err)
	}
	n.t.Cleanup(c.Close)
	return c
}

// run waits for a task and returns its final status on chain.
func (n *network) run(task *client.Task, err error) api.ChainStatus {
	n.t.Helper()
	if err != nil {
		n.t.Fatal(err)
	}
	st, err := task.Wait(n.ctx, nil)
	if err != nil {
		n.t.Fatal(err)
	}
	return st.Chain
}

// deploy deploys the test contract (internal/enclave/testcontract) with
// initial state init, from user 0.
func (n *network) deploy(c *client.Client, init string) api.ContractAddress {
	n.t.Helper()
	task, err := c.Deploy(n.ctx, testcontract.Contract(), "construct(bytes)", client.RawArgs(init))
	if s := n.run(task, err); s != api.ChainReceiptVerified {
		n.t.Fatalf("deploy ended with status %s", s)
	}
	return task.Contract
}

// deployEth deploys an Ethereum contract from account 0 and returns its address.
func (n *network) deployEth(bin string) common.Address {
	n.t.Helper()
	r, err := n.e.Client().Transact(n.ctx, chain.NodeAccount(n.d.Accounts()[0]), chain.Tx{What: "deploy a test contract", Data: common.FromHex(bin)})
	if err != nil {
		n.t.Fatal(err)
	}
	return r.ContractAddress
}

func (n *network) view(to common.Address, data []byte) []byte {
	n.t.Helper()
	out, err := n.e.Client().Call(n.ctx, to, data, nil)
	if err != nil {
		n.t.Fatal(err)
	}
	return out
}

func (n *network) balance(a common.Address) *big.Int {
	n.t.Helper()
	b, err := n.e.TokenBalance(n.ctx, a)
	if err != nil {
		n.t.Fatal(err)
	}
	return b
}

func (n *network) status(id api.TaskID) api.ChainStatus {
	n.t.Helper()
	rec, err := n.e.TaskRecord(n.ctx, id)
	if err != nil {
		n.t.Fatal(err)
	}
	return api.ChainStatus(rec.Status)
}

// selectedHost is the host of the worker selected for contract c now.
func (n *network) selectedHost(c api.ContractAddress) (*devnet.WorkerHost, uint64) {
	n.t.Helper()
	head, err := n.e.Client().BlockNumber(n.ctx)
	if err != nil {
		n.t.Fatal(err)
	}
	p, err := n.e.WorkerParams(n.ctx, head)
	if err != nil {
		n.t.Fatal(err)
	}
	sel, err := selection.SelectOne(selection.Params{FirstBlock: p.Arg0.Uint64(), Seed: p.Arg1, Workers: p.Arg2, Stakes: p.Arg3}, c)
	if err != nil {
		n.t.Fatal(err)
	}
	for i, w := range n.d.Workers() {
		if w == api.EthAddress(sel) {
			return n.d.WorkerHost(i), p.Arg0.Uint64()
		}
	}
	n.t.Fatalf("selected worker %s is none of the devnet's", sel)
	return nil, 0
}

// handTask plays a compat client that sends a compute task's inputs to the
// host of the selected worker (who here keeps them from its worker node):
// a task key from the enclave, the encrypted call, and the task record on
// chain from user. It returns the request the host hands its enclave.
func (n *network) handTask(host *devnet.WorkerHost, epoch uint64, user chain.Account, c api.ContractAddress, fn string, args []byte) (*enclave.ExecuteRequest, [32]byte) {
	n.t.Helper()
	ctx := n.ctx
	priv, err := compat.GenerateKey(rand.Reader)
	if err != nil {
		n.t.Fatal(err)
	}
	pub := compat.PublicKeyBytes(&priv.PublicKey)
	tk, err := host.Enclave.NewTaskKey(ctx, &enclave.TaskKeyRequest{UserPubKey: pub, Epoch: epoch})
	if err != nil {
		n.t.Fatal(err)
	}
	wpub, err := compat.ParsePublicKey(tk.WorkerPubKey[:])
	if err != nil {
		n.t.Fatal(err)
	}
	key := compat.DeriveKey(priv, wpub)
	encFn, _ := compat.Encrypt(key, []byte(fn), rand.Reader)
	encArgs, _ := compat.Encrypt(key, args, rand.Reader)
	inputs := compat.InputsHash(encFn, encArgs, c[:], pub[:])
	const gasLimit, gasPx = 1_000_000, 1
	if _, err := n.e.ApproveEnigma(ctx, user, big.NewInt(gasLimit*gasPx)); err != nil {
		n.t.Fatal(err)
	}
	rec, err := n.e.CreateTaskRecord(ctx, user, inputs, gasLimit, gasPx, epoch)
	if err != nil {
		n.t.Fatal(err)
	}
	hdr, err := n.e.Client().Eth().HeaderByNumber(ctx, new(big.Int).SetUint64(rec.Block))
	if err != nil {
		n.t.Fatal(err)
	}
	code, err := host.Store.Code(ctx, c)
	if err != nil {
		n.t.Fatal(err)
	}
	st, err := host.Store.State(ctx, c)
	if err != nil {
		n.t.Fatal(err)
	}
	return &enclave.ExecuteRequest{Kind: enclave.KindCompute, Envelope: enclave.EnvelopeCompat, TaskID: rec.TaskID, Contract: c,
		Code: code, UserPubKey: pub, EncryptedFn: encFn, EncryptedArgs: encArgs, InputsHash: inputs, GasLimit: gasLimit,
		BlockNumber: rec.Block, BlockTime: int64(hdr.Time), Epoch: epoch, PrevDeltaHash: st.Hash, State: st.Data}, key
}

func bridgeArgs(target common.Address, payload []byte) client.RawArgs {
	return client.RawArgs(append(target.Bytes(), payload...))
}

// Attack 1: a user deploys a secret contract whose Ethereum callback moves
// the Enigma contract's ENG (all stakes, fees and balances) to the
// attacker, or approves the attacker for it, or calls the Enigma contract
// as itself. The callbacks run as the forwarder, which can call none of
// them: every such task ends as ReceiptFailedETH and nothing moves. An
// honest callee still learns which secret contract and task called it.
func TestAttackDrainEnigmaThroughCallback(t *testing.T) {
	t.Parallel()
	n := start(t, 0)
	c := n.client(0)
	sc := n.deploy(c, "v0")
	attacker := common.BytesToAddress([]byte("the attacker, a fresh account")) // holds nothing yet
	addrs := n.e.Addresses()
	held := n.balance(addrs.Enigma)
	if held.Sign() == 0 {
		t.Fatal("the Enigma contract holds no ENG: the attack would prove nothing")
	}
	forwarder, err := n.e.CallbackForwarder(n.ctx)
	if err != nil {
		t.Fatal(err)
	}
	tok, en := n.e.TokenABI(), n.e.ABI()
	for _, a := range []struct {
		name    string
		target  common.Address
		payload []byte
	}{
		{"transfer the stakes to the attacker", addrs.Token, tok.PackTransfer(attacker, held)},
		{"approve the attacker", addrs.Token, tok.PackApprove(attacker, held)},
		{"withdraw as the Enigma contract", addrs.Enigma, en.PackWithdrawUserBalance(big.NewInt(1))},
		{"call through the forwarder itself", forwarder, tok.PackTransfer(attacker, big.NewInt(1))},
	} {
		if s := n.run(c.Compute(n.ctx, sc, "bridge(bytes)", bridgeArgs(a.target, a.payload))); s != api.ChainReceiptFailedETH {
			t.Fatalf("%s: task ended with status %s, want %s", a.name, s, api.ChainReceiptFailedETH)
		}
	}
	if got := n.balance(attacker); got.Sign() != 0 {
		t.Fatalf("the attacker holds %v ENG", got)
	}
	for _, owner := range []common.Address{addrs.Enigma, forwarder} {
		if a, err := n.e.Allowance(n.ctx, owner, attacker); err != nil || a.Sign() != 0 {
			t.Fatalf("the attacker may spend %v ENG of %s (%v)", a, owner, err)
		}
	}
	if got := n.balance(addrs.Enigma); got.Cmp(held) < 0 {
		t.Fatalf("the Enigma contract holds %v ENG, had %v", got, held)
	}

	// An honest callee authenticates its caller.
	cb := bindings.NewCallbackTarget()
	target := n.deployEth(bindings.CallbackTargetMetaData.Bin)
	task, err := c.Compute(n.ctx, sc, "bridge(bytes)", bridgeArgs(target, cb.PackRecordOrigin()))
	if s := n.run(task, err); s != api.ChainReceiptVerified {
		t.Fatalf("an honest callback ended with status %s", s)
	}
	caller, _ := cb.UnpackLastCaller(n.view(target, cb.PackLastCaller()))
	origin, _ := cb.UnpackLastContract(n.view(target, cb.PackLastContract()))
	taskID, _ := cb.UnpackLastTask(n.view(target, cb.PackLastTask()))
	if caller != forwarder || origin != sc || taskID != task.ID {
		t.Fatalf("the callee saw caller %s, contract %x, task %x; want %s, %x, %x", caller, origin, taskID, forwarder, sc, task.ID)
	}
}

// Attack 2: the selected worker's host submits the receipt of a task whose
// callback needs its gas with just enough gas for the receipt, so the
// callee runs out, the task ends as failed and the worker is still paid.
// The receipt reverts instead and the task stays open; a receipt that goes
// through gives the callback all of its fixed gas.
func TestAttackCensorCallbackWithLowGas(t *testing.T) {
	t.Parallel()
	n := start(t, 0)
	sc := n.deploy(n.client(0), "v0")
	cb := bindings.NewCallbackTarget()
	target := n.deployEth(bindings.CallbackTargetMetaData.Bin)
	host, epoch := n.selectedHost(sc)
	req, _ := n.handTask(host, epoch, n.user(1), sc, "bridge(bytes)", append(target.Bytes(), cb.PackBurn(big.NewInt(5_000))...))
	r, err := host.Enclave.Execute(n.ctx, req)
	if err != nil || r.Status != enclave.TaskSuccess || r.EthAddress != api.EthAddress(target) {
		t.Fatalf("execute: %v %+v", err, r)
	}
	receipt := n.e.ABI().PackCommitReceipt(sc, r.TaskID, r.DeltaHash, r.OutputHash, r.EthPayload, target, r.GasUsed, r.Signature[:])
	to := n.e.Addresses().Enigma
	stakeBefore, _ := n.e.Worker(n.ctx, host.Custodian.Address)
	_, err = n.e.Client().Transact(n.ctx, host.Custodian, chain.Tx{What: "a starved receipt", To: &to, Data: receipt, Gas: 300_000})
	if err == nil {
		t.Fatalf("a receipt with too little gas for its callback went through: task status %s", n.status(r.TaskID))
	}
	if s := n.status(r.TaskID); s != api.ChainRecordCreated {
		t.Fatalf("after the starved receipt the task has status %s, want it still open", s)
	}
	if after, _ := n.e.Worker(n.ctx, host.Custodian.Address); after.Balance.Cmp(stakeBefore.Balance) != 0 {
		t.Fatal("the worker was paid for a receipt the chain refused")
	}
	if _, err := n.e.Transact(n.ctx, host.Custodian, "commit the receipt", receipt); err != nil {
		t.Fatal(err)
	}
	if s := n.status(r.TaskID); s != api.ChainReceiptVerified {
		t.Fatalf("status %s", s)
	}
	got, _ := cb.UnpackLastValue(n.view(target, cb.PackLastValue()))
	if g := got.Uint64(); g < chain.DefaultCallbackGas-2_000 || g > chain.DefaultCallbackGas {
		t.Fatalf("the callback started with %d gas, want the fixed %d", g, chain.DefaultCallbackGas)
	}
}

// Attack 3: the host of the worker selected for a contract hands its
// enclave a module of its own with the contract's stored state, to read the
// state out encrypted to itself. The state is sealed to the contract's code
// hash: the request fails before anything is decrypted.
func TestAttackRunOtherCodeOnState(t *testing.T) {
	t.Parallel()
	n := start(t, 0)
	secret := "the contract's secret state"
	sc := n.deploy(n.client(0), secret)
	host, epoch := n.selectedHost(sc)
	req, key := n.handTask(host, epoch, n.user(1), sc, "get()", nil)
	for name, module := range map[string][]byte{
		// The same behaviour, another module (a custom section appended).
		"a copy of the code": append(append([]byte(nil), req.Code...), 0x00, 0x05, 0x04, 'e', 'v', 'i', 'l'),
		// Any other module that returns the state.
		"the host's own module": testcontract.Contract()[:len(testcontract.Contract())-1],
	} {
		evil := *req
		evil.Code = module
		resp, err := host.Enclave.Execute(n.ctx, &evil)
		if api.CodeOf(err) != api.CodeUnavailable {
			t.Fatalf("%s: the enclave ran it on the contract's state: %v %+v", name, err, resp)
		}
	}
	// The contract's own code still runs the task for its user.
	r, err := host.Enclave.Execute(n.ctx, req)
	if err != nil || r.Status != enclave.TaskSuccess {
		t.Fatalf("the real code after the refusals: %v %+v", err, r)
	}
	if out, err := compat.Decrypt(key, r.Output); err != nil || string(out) != secret {
		t.Fatalf("the user reads %q (%v)", out, err)
	}
}

// Attack 8a: the host restarts its enclave (which forgets the task ids it
// ran) and replays a past task id with inputs of its own, to learn the
// randomness the real task drew (a coin flip, a card deal). The task seed
// is bound to the task's inputs, so it learns other randomness.
func TestAttackReplayTaskRandomness(t *testing.T) {
	t.Parallel()
	n := start(t, 0)
	c := n.client(0)
	sc := n.deploy(c, "v0")
	task, err := c.Compute(n.ctx, sc, "rand()", client.RawArgs(nil))
	if s := n.run(task, err); s != api.ChainReceiptVerified {
		t.Fatalf("rand: status %s", s)
	}
	real, err := task.Output(n.ctx)
	if err != nil || len(real) != 32 {
		t.Fatalf("the user's randomness: %x %v", real, err)
	}

	host, epoch := n.selectedHost(sc)
	restarted := restartEnclave(t, n, host)
	req, key := n.handTask(&devnet.WorkerHost{Enclave: restarted, Custodian: host.Custodian, Store: host.Store}, epoch, n.user(1), sc, "rand()", nil)
	req.TaskID = task.ID
	r, err := restarted.Execute(n.ctx, req)
	if err != nil || r.Status != enclave.TaskSuccess {
		t.Fatalf("replayed task id: %v %+v", err, r)
	}
	got, err := compat.Decrypt(key, r.Output)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(got, real) {
		t.Fatal("the host learnt the real task's randomness by replaying its task id")
	}
}

// Attack 5: someone submits a pending worker's registration (its report is
// public once broadcast) from their own account first, to block the real
// worker or to be paid for its work; or registers the zero signer, which
// malformed signatures recover to. Reports are bound to their custodian.
func TestAttackStealRegistration(t *testing.T) {
	t.Parallel()
	n := start(t, 0)
	victim, thief := n.user(1), n.user(2)
	w := newEnclave(t, n, filepath.Join(t.TempDir(), "seal.key"), nil)
	chainID := n.e.Client().ChainID().Uint64()
	reg, err := w.Registration(n.ctx, &enclave.RegistrationRequest{
		Custodian: api.EthAddress(victim.Address), ChainID: chainID, EnigmaContract: api.EthAddress(n.e.Addresses().Enigma)})
	if err != nil {
		t.Fatal(err)
	}
	sig, err := n.d.Attestor().Attest(n.ctx, reg.Report)
	if err != nil {
		t.Fatal(err)
	}
	signer := common.Address(reg.SigningAddress)
	mustRevert(t, func() error { _, err := n.e.Register(n.ctx, thief, signer, reg.Report, sig); return err }(), "bound to another custodian")
	mustRevert(t, func() error { _, err := n.e.Register(n.ctx, thief, common.Address{}, reg.Report, sig); return err }(), "must not be zero")
	if _, err := n.e.Register(n.ctx, victim, signer, reg.Report, sig); err != nil {
		t.Fatalf("the real worker could not register after the attempts: %v", err)
	}
	got, err := n.e.WorkerFromSigningAddress(n.ctx, signer)
	if err != nil || got.Arg0 != victim.Address {
		t.Fatalf("the signer belongs to %s (%v), want the worker's custodian %s", got.Arg0, err, victim.Address)
	}
}

// Attack 7: an operator registers a plain key (no enclave) to sign
// receipts outside any enclave: with a report it signs itself, or one of
// other enclave code or an old security version. Only reports the
// attestation service signed for the pinned code identity and version pass,
// and no worker holds the service's key (see node's TestSimulatedEnclave*
// for the configuration side).
func TestAttackRegisterPlainKey(t *testing.T) {
	t.Parallel()
	n := start(t, 0)
	operator := n.user(1)
	plain, err := compat.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	signer := compat.Address(&plain.PublicKey)
	good := simReport(n, signer, operator.Address)
	for _, a := range []struct {
		name, reason string
		report       []byte
		sign         func([]byte) []byte
	}{
		{"self-signed report", "Verifying signature failed", good.Bytes(), func(r []byte) []byte { return signWith(t, plain, r) }},
		{"other enclave code", "another enclave measurement", with(good, func(r *sim.Report) { r.Measurement[0] ^= 1 }), n.attest},
		{"old security version", "security version is too old", with(good, func(r *sim.Report) { r.SecurityVersion = 0 }), n.attest},
	} {
		_, err := n.e.Register(n.ctx, operator, signer, a.report, a.sign(a.report))
		if err == nil || !strings.Contains(err.Error(), a.reason) {
			t.Fatalf("%s: register = %v, want a revert with %q", a.name, err, a.reason)
		}
	}
}

func mustRevert(t *testing.T, err error, reason string) {
	t.Helper()
	if err == nil || !strings.Contains(err.Error(), reason) {
		t.Fatalf("got %v, want a revert with %q", err, reason)
	}
}

func signWith(t *testing.T, key *ecdsa.PrivateKey, report []byte) []byte {
	t.Helper()
	s, err := compat.Sign(key, sim.ReportHash(report))
	if err != nil {
		t.Fatal(err)
	}
	return s[:]
}

func (n *network) attest(report []byte) []byte {
	n.t.Helper()
	sig, err := n.d.Attestor().Attest(n.ctx, report)
	if err != nil {
		n.t.Fatal(err)
	}
	return sig
}
