package bindings_test

import (
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain/bindings"
	"github.com/enigma-go/enigma/internal/chain/bindings/simenv"
	"github.com/enigma-go/enigma/internal/crypto/compat"
)

const (
	stake    = 1_000_000_000 // grains per worker (times its index+1)
	gasLimit = 1_000_000
	gasPx    = 100
)

var userFunds = big.NewInt(1e15)

// newEnv starts a chain with the key manager and the workers registered,
// staked and in the first epoch, and user 0 funded.
func newEnv(t *testing.T, cfg simenv.Config) *simenv.Env {
	t.Helper()
	env, err := simenv.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(env.Close)
	if err := env.Bootstrap(big.NewInt(stake)); err != nil {
		t.Fatal(err)
	}
	if err := env.Fund(simenv.User(0).Addr, userFunds); err != nil {
		t.Fatal(err)
	}
	return env
}

func mustRevert(t *testing.T, err error, reason string) {
	t.Helper()
	if err == nil {
		t.Fatalf("call succeeded, want a revert with %q", reason)
	}
	if !strings.Contains(err.Error(), reason) {
		t.Fatalf("reverted with %q, want %q", err, reason)
	}
}

func ok(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func call[T any](t *testing.T, env *simenv.Env, data []byte, unpack func([]byte) (T, error)) T {
	t.Helper()
	v, err := simenv.Call(env, data, unpack)
	ok(t, err)
	return v
}

// otherWorker is a registered worker that is not n.
func otherWorker(env *simenv.Env, n *simenv.Node) *simenv.Node {
	for _, w := range env.Workers {
		if w != n {
			return w
		}
	}
	return nil
}

// deployed deploys a contract from user 0 and returns its address.
func deployed(t *testing.T, env *simenv.Env) [32]byte {
	t.Helper()
	sc, err := env.DeployContract(simenv.User(0), simenv.Hash("code"), simenv.Hash("delta 0"))
	ok(t, err)
	return sc
}

func computeReceipt(t *testing.T, env *simenv.Env, sc [32]byte, newDelta string) simenv.ComputeReceipt {
	t.Helper()
	prev, err := env.LastDelta(sc)
	ok(t, err)
	r := simenv.ComputeReceipt{CodeHash: simenv.Hash("code"), PrevDelta: prev, OutputHash: simenv.Hash("out " + newDelta), GasUsed: 5_000}
	if newDelta != "" {
		r.NewDelta = simenv.Hash(newDelta)
	}
	return r
}

func TestRegistration(t *testing.T) {
	t.Parallel()
	env, err := simenv.New(simenv.DefaultConfig())
	ok(t, err)
	defer env.Close()
	w := env.Workers[0]
	register := func(from *simenv.Node, signer common.Address, report, sig []byte) error {
		_, err := env.Send(from.Custodian, env.Enigma, env.EnigmaABI.PackRegister(signer, report, sig))
		return err
	}
	report, sig := env.NodeReport(w)
	valid := simenv.Report{Signer: w.Signer.Addr, Custodian: w.Custodian.Addr, Product: 1, Measurement: simenv.Measurement, SecurityVersion: simenv.MinSecurityVersion}
	signed := func(r simenv.Report) ([]byte, []byte) {
		b := env.Bytes(r)
		return b, simenv.SignReport(env.Attestation.Key, b)
	}

	forged := append([]byte(nil), sig...)
	forged[10] ^= 1
	mustRevert(t, register(w, w.Signer.Addr, report, forged), "Verifying signature failed")
	// A report signed by anyone but the attestation service: a plain key.
	mustRevert(t, register(w, w.Signer.Addr, report, simenv.SignReport(w.Signer.Key, report)), "Verifying signature failed")
	mustRevert(t, register(w, env.Workers[1].Signer.Addr, report, sig), "Signer does not match contents of quote")
	mustRevert(t, register(w, common.Address{}, report, sig), "must not be zero")
	// Someone else submits the worker's (public) report first.
	mustRevert(t, register(env.Workers[1], w.Signer.Addr, report, sig), "bound to another custodian")
	other := valid
	other.Measurement = simenv.Hash("other enclave code")
	r, s := signed(other)
	mustRevert(t, register(w, w.Signer.Addr, r, s), "another enclave measurement")
	old := valid
	old.SecurityVersion = simenv.MinSecurityVersion - 1
	r, s = signed(old)
	mustRevert(t, register(w, w.Signer.Addr, r, s), "security version is too old")
	elsewhere := valid
	elsewhere.ChainID = big.NewInt(1)
	r, s = signed(elsewhere)
	mustRevert(t, register(w, w.Signer.Addr, r, s), "bound to another custodian, contract or chain")
	kmAsWorker := simenv.Report{Signer: env.KM.Signer.Addr, Custodian: env.KM.Custodian.Addr, Product: 1, Measurement: simenv.Measurement, SecurityVersion: 1}
	r, s = signed(kmAsWorker)
	mustRevert(t, register(env.KM, env.KM.Signer.Addr, r, s), "wrong enclave product")
	if v := call(t, env, env.EnigmaABI.PackVerifyReport(report, forged), env.EnigmaABI.UnpackVerifyReport); v.Int64() != 1 {
		t.Fatalf("verifyReport of a forged report = %v, want 1", v)
	}
	if v := call(t, env, env.EnigmaABI.PackVerifyReport(report, sig), env.EnigmaABI.UnpackVerifyReport); v.Int64() != 0 {
		t.Fatalf("verifyReport of a valid report = %v, want 0", v)
	}

	ok(t, register(w, w.Signer.Addr, report, sig))
	mustRevert(t, register(env.Workers[1], w.Signer.Addr, report, sig), "Not a unique signing key")

	rep := call(t, env, env.EnigmaABI.PackGetReport(w.Custodian.Addr), env.EnigmaABI.UnpackGetReport)
	if rep.Arg0 != w.Signer.Addr || string(rep.Arg1) != string(report) {
		t.Fatal("getReport does not return the registered signer and report")
	}
	_, err = simenv.Call(env, env.EnigmaABI.PackGetReport(env.Workers[1].Custodian.Addr), env.EnigmaABI.UnpackGetReport)
	mustRevert(t, err, "Unregistered worker")
	got := call(t, env, env.EnigmaABI.PackGetWorkerFromSigningAddress(w.Signer.Addr), env.EnigmaABI.UnpackGetWorkerFromSigningAddress)
	if got.Arg0 != w.Custodian.Addr || got.Arg1.Signer != w.Signer.Addr || got.Arg1.Status != 2 {
		t.Fatalf("getWorkerFromSigningAddress = %+v", got)
	}
}

func TestStakingRules(t *testing.T) {
	t.Parallel()
	env := newEnv(t, simenv.DefaultConfig())
	w := env.Workers[0]
	stranger := simenv.NewWorker("stranger")

	_, err := env.Send(env.Owner, env.Enigma, env.EnigmaABI.PackDeposit(stranger.Custodian.Addr, big.NewInt(1)))
	mustRevert(t, err, "Unregistered worker")
	_, err = env.Send(w.Custodian, env.Enigma, env.EnigmaABI.PackWithdraw(big.NewInt(1)))
	mustRevert(t, err, "not logged out")
	_, err = env.Send(w.Custodian, env.Enigma, env.EnigmaABI.PackLogin())
	mustRevert(t, err, "not logged out")

	// The key manager is registered but never selected.
	active := call(t, env, env.EnigmaABI.PackGetActiveWorkers(new(big.Int).SetUint64(env.Head()+1)), env.EnigmaABI.UnpackGetActiveWorkers)
	if len(active.Arg0) != len(env.Workers) {
		t.Fatalf("%d active workers, want %d", len(active.Arg0), len(env.Workers))
	}
	for i, a := range active.Arg0 {
		if a == env.KM.Signer.Addr {
			t.Fatal("the principal is among the active workers")
		}
		if active.Arg1[i].Int64() != int64(stake*(i+1)) {
			t.Fatalf("stake %d = %v", i, active.Arg1[i])
		}
	}

	_, err = env.Send(w.Custodian, env.Enigma, env.EnigmaABI.PackLogout())
	ok(t, err)
	_, err = env.Send(w.Custodian, env.Enigma, env.EnigmaABI.PackLogout())
	mustRevert(t, err, "Worker not logged in")
	_, err = env.Send(w.Custodian, env.Enigma, env.EnigmaABI.PackWithdraw(big.NewInt(1)))
	mustRevert(t, err, "Cannot withdraw in same epoch as log out event")

	_, err = env.NewEpoch(big.NewInt(2))
	ok(t, err)
	_, err = env.Send(w.Custodian, env.Enigma, env.EnigmaABI.PackWithdraw(big.NewInt(stake+1)))
	mustRevert(t, err, "Not enough tokens in worker balance")
	before := env.BalanceOf(w.Custodian.Addr)
	_, err = env.Send(w.Custodian, env.Enigma, env.EnigmaABI.PackWithdraw(big.NewInt(stake)))
	ok(t, err)
	if got := new(big.Int).Sub(env.BalanceOf(w.Custodian.Addr), before); got.Int64() != stake {
		t.Fatalf("withdrew %v, want %d", got, stake)
	}
	_, err = env.Send(w.Custodian, env.Enigma, env.EnigmaABI.PackLogin())
	mustRevert(t, err, "balance is not sufficient")

	info := call(t, env, env.EnigmaABI.PackGetWorker(w.Custodian.Addr), env.EnigmaABI.UnpackGetWorker)
	if len(info.WorkerLogs) != 2 || info.WorkerLogs[0].WorkerEventType != 1 || info.WorkerLogs[1].WorkerEventType != 2 || info.Balance.Sign() != 0 {
		t.Fatalf("getWorker = %+v", info)
	}
}

func TestEpochs(t *testing.T) {
	t.Parallel()
	env := newEnv(t, simenv.DefaultConfig())
	count, first := env.EpochState()
	head := new(big.Int).SetUint64(env.Head())
	active := call(t, env, env.EnigmaABI.PackGetActiveWorkers(head), env.EnigmaABI.UnpackGetActiveWorkers)
	seed := big.NewInt(99)
	nonce := new(big.Int).SetUint64(count)

	_, err := env.Send(env.KM.Custodian, env.Enigma, env.EnigmaABI.PackSetWorkersParams(head, seed,
		env.EpochParamsSig(env.KM.Signer.Key, seed, nonce, active.Arg0, active.Arg1)))
	mustRevert(t, err, "Already called during this epoch")

	env.Mine(10)
	head = new(big.Int).SetUint64(env.Head())
	forged := env.EpochParamsSig(env.Workers[0].Signer.Key, seed, nonce, active.Arg0, active.Arg1)
	_, err = env.Send(env.Workers[0].Custodian, env.Enigma, env.EnigmaABI.PackSetWorkersParams(head, seed, forged))
	mustRevert(t, err, "Invalid signature")
	stale := env.EpochParamsSig(env.KM.Signer.Key, seed, new(big.Int).Sub(nonce, big.NewInt(1)), active.Arg0, active.Arg1)
	_, err = env.Send(env.KM.Custodian, env.Enigma, env.EnigmaABI.PackSetWorkersParams(head, seed, stale))
	mustRevert(t, err, "Invalid signature") // a replayed signature carries an old nonce
	future := new(big.Int).Add(head, big.NewInt(5))
	_, err = env.Send(env.KM.Custodian, env.Enigma, env.EnigmaABI.PackSetWorkersParams(future, seed,
		env.EpochParamsSig(env.KM.Signer.Key, seed, nonce, active.Arg0, active.Arg1)))
	mustRevert(t, err, "in the future")

	// Anyone may relay the key manager's signature.
	r, err := env.Send(simenv.User(0), env.Enigma, env.EnigmaABI.PackSetWorkersParams(head, seed,
		env.EpochParamsSig(env.KM.Signer.Key, seed, nonce, active.Arg0, active.Arg1)))
	ok(t, err)
	ev, err := env.EnigmaABI.UnpackWorkersParameterizedEvent(r.Logs[0])
	ok(t, err)
	if ev.Seed.Cmp(seed) != 0 || ev.Nonce.Cmp(nonce) != 0 || ev.FirstBlockNumber.Uint64() != r.BlockNumber.Uint64() ||
		ev.InclusionBlockNumber.Cmp(head) != 0 || len(ev.Workers) != 3 {
		t.Fatalf("WorkersParameterized = %+v", ev)
	}
	if n := call(t, env, env.EnigmaABI.PackGetUserTaskDeployments(env.KM.Signer.Addr), env.EnigmaABI.UnpackGetUserTaskDeployments); n.Uint64() != count+1 {
		t.Fatalf("principal's nonce = %v, want %d", n, count+1)
	}
	// Both epochs are in the ring; each block maps to its own.
	p := call(t, env, env.EnigmaABI.PackGetWorkerParams(new(big.Int).SetUint64(first)), env.EnigmaABI.UnpackGetWorkerParams)
	if p.Arg0.Uint64() != first || p.Arg1.Int64() != 1 {
		t.Fatalf("old epoch params = %+v", p)
	}
	p = call(t, env, env.EnigmaABI.PackGetWorkerParams(r.BlockNumber), env.EnigmaABI.UnpackGetWorkerParams)
	if p.Arg0.Cmp(r.BlockNumber) != 0 || p.Arg1.Cmp(seed) != 0 || len(p.Arg2) != 3 || len(p.Arg3) != 3 {
		t.Fatalf("new epoch params = %+v", p)
	}
	if fb := call(t, env, env.EnigmaABI.PackGetFirstBlockNumber(big.NewInt(0)), env.EnigmaABI.UnpackGetFirstBlockNumber); fb.Sign() != 0 {
		t.Fatalf("first block before any epoch = %v, want 0", fb)
	}
	// The ring keeps 5 epochs.
	for i := 0; i < 5; i++ {
		_, err = env.NewEpoch(big.NewInt(int64(100 + i)))
		ok(t, err)
	}
	all := call(t, env, env.EnigmaABI.PackGetWorkersParams(), env.EnigmaABI.UnpackGetWorkersParams)
	seen := map[int64]bool{}
	for _, e := range all {
		seen[e.Seed.Int64()] = true
		if len(e.Workers) != 3 || len(e.Stakes) != 3 || e.Stakes[2].Int64() != 3*stake {
			t.Fatalf("ring entry %+v", e)
		}
	}
	for i := 0; i < 5; i++ {
		if !seen[int64(100+i)] {
			t.Fatalf("ring lacks the last 5 epochs: %v", seen)
		}
	}
}

func TestTaskRecords(t *testing.T) {
	t.Parallel()
	env := newEnv(t, simenv.DefaultConfig())
	user := simenv.User(0)
	in := simenv.Hash("inputs")

	_, err := env.Send(user, env.Enigma, env.EnigmaABI.PackCreateTaskRecord(in, gasLimit, gasPx, big.NewInt(1)))
	mustRevert(t, err, "Wrong epoch for this task")
	_, err = env.Send(user, env.Enigma, env.EnigmaABI.PackCreateTaskRecord(in, gasLimit, gasPx, env.FirstBlock()))
	mustRevert(t, err, "execution reverted") // no approve: the token's ERC20InsufficientAllowance
	_, err = env.Approve(user, big.NewInt(gasLimit*gasPx))
	ok(t, err)
	_, err = env.Send(user, env.Enigma, env.EnigmaABI.PackCreateDeploymentTaskRecord(in, gasLimit, gasPx, env.FirstBlock(), big.NewInt(7)))
	mustRevert(t, err, "Incorrect nonce")

	before := env.BalanceOf(user.Addr)
	task, _, err := env.CreateTask(user, in, gasLimit, gasPx, false)
	ok(t, err)
	if paid := new(big.Int).Sub(before, env.BalanceOf(user.Addr)); paid.Int64() != gasLimit*gasPx {
		t.Fatalf("paid %v, want %d", paid, gasLimit*gasPx)
	}
	ev, err := env.EnigmaABI.UnpackTaskRecordCreatedEvent(task.Receipt.Logs[len(task.Receipt.Logs)-1])
	ok(t, err)
	if ev.TaskId != task.ID || ev.TaskId != compat.TaskID(user.Addr, big.NewInt(0)) || ev.InputsHash != in ||
		ev.Sender != user.Addr || ev.GasLimit != gasLimit || ev.GasPx != gasPx {
		t.Fatalf("TaskRecordCreated = %+v", ev)
	}
	rec, err := env.TaskRecord(task.ID)
	ok(t, err)
	if rec.Sender != user.Addr || rec.InputsHash != in || rec.Status != uint8(api.ChainRecordCreated) ||
		rec.BlockNumber.Uint64() != task.Block || rec.GasLimit != gasLimit || rec.GasPx != gasPx {
		t.Fatalf("getTaskRecord = %+v", rec)
	}
	if n := call(t, env, env.EnigmaABI.PackGetUserTaskDeployments(user.Addr), env.EnigmaABI.UnpackGetUserTaskDeployments); n.Int64() != 1 {
		t.Fatalf("nonce = %v, want 1", n)
	}
	// Deploy and compute records share the nonce.
	dep, _, err := env.CreateTask(user, in, gasLimit, gasPx, true)
	ok(t, err)
	if dep.ID != compat.TaskID(user.Addr, big.NewInt(1)) {
		t.Fatal("deployment task id does not follow the shared nonce")
	}
}

func TestDeployAndComputeReceipts(t *testing.T) {
	t.Parallel()
	env := newEnv(t, simenv.DefaultConfig())
	user := simenv.User(0)

	// Deploy: only the selected worker, only with a valid signature, only once.
	dep, _, err := env.CreateTask(user, simenv.Hash("deploy inputs"), gasLimit, gasPx, true)
	ok(t, err)
	w, err := env.Selected(dep.Block, dep.ID)
	ok(t, err)
	rcpt := simenv.DeployReceipt{PreCodeHash: simenv.Hash("pre"), CodeHash: simenv.Hash("code"), InitDelta: simenv.Hash("delta 0"), GasUsed: 50_000}
	_, err = env.CommitDeploy(otherWorker(env, w), dep, rcpt, 0)
	mustRevert(t, err, "Not the selected worker for this task")
	sig := simenv.SignDeploy(otherWorker(env, w), dep, rcpt)
	_, err = env.Send(w.Custodian, env.Enigma, env.EnigmaABI.PackDeploySecretContract(dep.ID, rcpt.PreCodeHash, rcpt.CodeHash, rcpt.InitDelta, nil, common.Address{}, rcpt.GasUsed, sig))
	mustRevert(t, err, "Invalid signature")
	tampered := rcpt
	tampered.GasUsed = gasLimit + 1
	_, err = env.CommitDeploy(w, dep, tampered, 0)
	mustRevert(t, err, "Too much gas used for task")
	r, err := env.CommitDeploy(w, dep, rcpt, 0)
	ok(t, err)
	_, err = env.CommitDeploy(w, dep, rcpt, 0)
	mustRevert(t, err, "Secret contract already deployed")
	sc := dep.ID
	ev, err := env.EnigmaABI.UnpackSecretContractDeployedEvent(r.Logs[len(r.Logs)-1])
	ok(t, err)
	if ev.ScAddr != sc || ev.CodeHash != rcpt.CodeHash || ev.InitStateDeltaHash != rcpt.InitDelta {
		t.Fatalf("SecretContractDeployed = %+v", ev)
	}
	c, err := env.Contract(sc)
	ok(t, err)
	if c.Owner != user.Addr || c.CodeHash != rcpt.CodeHash || c.PreCodeHash != rcpt.PreCodeHash || c.Status != 1 ||
		len(c.StateDeltaHashes) != 1 || c.StateDeltaHashes[0] != rcpt.InitDelta {
		t.Fatalf("getSecretContract = %+v", c)
	}
	if n := call(t, env, env.EnigmaABI.PackCountSecretContracts(), env.EnigmaABI.UnpackCountSecretContracts); n.Int64() != 1 {
		t.Fatalf("countSecretContracts = %v", n)
	}
	addrs := call(t, env, env.EnigmaABI.PackGetSecretContractAddresses(big.NewInt(0), big.NewInt(1)), env.EnigmaABI.UnpackGetSecretContractAddresses)
	all := call(t, env, env.EnigmaABI.PackGetAllSecretContractAddresses(), env.EnigmaABI.UnpackGetAllSecretContractAddresses)
	if len(addrs) != 1 || addrs[0] != sc || len(all) != 1 || all[0] != sc {
		t.Fatalf("secret contract addresses = %x %x", addrs, all)
	}

	// Compute receipts.
	task, _, err := env.CreateTask(user, simenv.Hash("compute inputs"), gasLimit, gasPx, false)
	ok(t, err)
	w, err = env.Selected(task.Block, sc)
	ok(t, err)
	cr := computeReceipt(t, env, sc, "delta 1")
	_, err = env.CommitCompute(otherWorker(env, w), sc, task, cr, 0)
	mustRevert(t, err, "Not the selected worker for this task")
	forgedContinuity := cr
	forgedContinuity.PrevDelta = simenv.Hash("some other state")
	_, err = env.CommitCompute(w, sc, task, forgedContinuity, 0)
	mustRevert(t, err, "Invalid signature")
	_, err = env.CommitDeploy(w, task, rcpt, 0)
	mustRevert(t, err, "Wrong kind of task")
	_, err = env.CommitCompute(w, simenv.Hash("no such contract"), task, cr, 0)
	mustRevert(t, err, "Secret contract not deployed")

	workerBefore := call(t, env, env.EnigmaABI.PackGetWorker(w.Custodian.Addr), env.EnigmaABI.UnpackGetWorker).Balance
	r, err = env.CommitCompute(w, sc, task, cr, 0)
	ok(t, err)
	_, err = env.CommitCompute(w, sc, task, cr, 0)
	mustRevert(t, err, "Invalid task status") // replay
	rv, err := env.EnigmaABI.UnpackReceiptVerifiedEvent(r.Logs[0])
	ok(t, err)
	if rv.TaskId != task.ID || rv.StateDeltaHash != cr.NewDelta || rv.OutputHash != cr.OutputHash || rv.ScAddr != sc ||
		rv.GasUsed.Uint64() != cr.GasUsed || rv.DeltaHashIndex.Int64() != 1 || rv.WorkerAddress != w.Custodian.Addr || len(rv.Sig) != 65 {
		t.Fatalf("ReceiptVerified = %+v", rv)
	}
	rec, err := env.TaskRecord(task.ID)
	ok(t, err)
	if rec.Status != uint8(api.ChainReceiptVerified) || rec.OutputHash != cr.OutputHash {
		t.Fatalf("task record after the receipt = %+v", rec)
	}
	workerAfter := call(t, env, env.EnigmaABI.PackGetWorker(w.Custodian.Addr), env.EnigmaABI.UnpackGetWorker).Balance
	if paid := new(big.Int).Sub(workerAfter, workerBefore); paid.Int64() != int64(cr.GasUsed*gasPx) {
		t.Fatalf("worker paid %v, want %d", paid, cr.GasUsed*gasPx)
	}
	refund := call(t, env, env.EnigmaABI.PackGetUserBalance(user.Addr), env.EnigmaABI.UnpackGetUserBalance)
	// The deployment's refund paid part of this task's fee; this task's
	// refund is what is left.
	if want := int64((gasLimit - cr.GasUsed) * gasPx); refund.Int64() != want {
		t.Fatalf("user balance %v, want the refund %d", refund, want)
	}

	// A receipt without a delta keeps the list as it is.
	task2, _, err := env.CreateTask(user, simenv.Hash("compute 2"), gasLimit, gasPx, false)
	ok(t, err)
	w2, _ := env.Selected(task2.Block, sc)
	r, err = env.CommitCompute(w2, sc, task2, computeReceipt(t, env, sc, ""), 0)
	ok(t, err)
	rv, _ = env.EnigmaABI.UnpackReceiptVerifiedEvent(r.Logs[0])
	c, _ = env.Contract(sc)
	if len(c.StateDeltaHashes) != 2 || rv.DeltaHashIndex.Sign() != 0 {
		t.Fatalf("deltas after a read-only task: %d, index %v", len(c.StateDeltaHashes), rv.DeltaHashIndex)
	}

	// A compute failure: the worker is paid for the gas used.
	task3, _, err := env.CreateTask(user, simenv.Hash("compute 3"), gasLimit, gasPx, false)
	ok(t, err)
	w3, _ := env.Selected(task3.Block, sc)
	_, err = env.CommitFailure(w3, sc, simenv.Hash("wrong code"), task3, simenv.Hash("error"), 700)
	mustRevert(t, err, "Invalid signature")
	_, err = env.CommitFailure(w3, sc, rcpt.CodeHash, task3, simenv.Hash("error"), 700)
	ok(t, err)
	rec, _ = env.TaskRecord(task3.ID)
	if rec.Status != uint8(api.ChainReceiptFailed) || rec.OutputHash != simenv.Hash("error") {
		t.Fatalf("failed task record = %+v", rec)
	}

	// A deployment failure.
	dep2, _, err := env.CreateTask(user, simenv.Hash("bad deploy"), gasLimit, gasPx, true)
	ok(t, err)
	w4, _ := env.Selected(dep2.Block, dep2.ID)
	_, err = env.CommitDeployFailure(w4, dep2, simenv.Hash("no code"), 900)
	ok(t, err)
	rec, _ = env.TaskRecord(dep2.ID)
	if rec.Status != uint8(api.ChainReceiptFailed) {
		t.Fatalf("failed deployment record = %+v", rec)
	}
	if c, _ := env.Contract(dep2.ID); c.Status != 0 {
		t.Fatal("a failed deployment created a contract")
	}
}

func TestWrongEpochReceipt(t *testing.T) {
	t.Parallel()
	cfg := simenv.DefaultConfig()
	cfg.Workers = 4
	env := newEnv(t, cfg)
	sc := deployed(t, env)
	task, _, err := env.CreateTask(simenv.User(0), simenv.Hash("in"), gasLimit, gasPx, false)
	ok(t, err)
	selected, err := env.Selected(task.Block, sc)
	ok(t, err)
	// Find a later epoch whose selected worker differs: that worker may not
	// commit a task of the earlier epoch.
	var later *simenv.Node
	for seed := int64(2); later == nil && seed < 50; seed++ {
		r, err := env.NewEpoch(big.NewInt(seed))
		ok(t, err)
		if w, _ := env.Selected(r.BlockNumber.Uint64(), sc); w != selected {
			later = w
		}
	}
	if later == nil {
		t.Fatal("no epoch selected another worker")
	}
	_, err = env.CommitCompute(later, sc, task, computeReceipt(t, env, sc, "d"), 0)
	mustRevert(t, err, "Not the selected worker for this task")
	_, err = env.CommitCompute(selected, sc, task, computeReceipt(t, env, sc, "d"), 0)
	if err != nil && !strings.Contains(err.Error(), "no longer stored") {
		t.Fatal(err)
	}
	if err == nil {
		return
	}
	// The task's epoch left the ring: only the fee return remains.
	env.Mine(30)
	_, err = env.Send(simenv.User(1), env.Enigma, env.EnigmaABI.PackReturnFeesForTask(task.ID))
	ok(t, err)
}

func TestEpochLeavesRing(t *testing.T) {
	t.Parallel()
	env := newEnv(t, simenv.DefaultConfig())
	sc := deployed(t, env)
	task, _, err := env.CreateTask(simenv.User(0), simenv.Hash("in"), gasLimit, gasPx, false)
	ok(t, err)
	selected, err := env.Selected(task.Block, sc)
	ok(t, err)
	for i := 0; i < 5; i++ {
		_, err = env.NewEpoch(big.NewInt(int64(10 + i)))
		ok(t, err)
	}
	_, err = env.CommitCompute(selected, sc, task, computeReceipt(t, env, sc, "d"), 0)
	mustRevert(t, err, "no longer stored")
}

func TestReturnFees(t *testing.T) {
	t.Parallel()
	env := newEnv(t, simenv.DefaultConfig())
	user := simenv.User(0)
	task, _, err := env.CreateTask(user, simenv.Hash("in"), gasLimit, gasPx, false)
	ok(t, err)
	_, err = env.Send(user, env.Enigma, env.EnigmaABI.PackReturnFeesForTask(task.ID))
	mustRevert(t, err, "Task timeout window has not elapsed yet")
	timeout := call(t, env, env.EnigmaABI.PackGetTaskTimeoutSize(), env.EnigmaABI.UnpackGetTaskTimeoutSize)
	if timeout.Int64() != 20 {
		t.Fatalf("timeout = %v, want 2 epochs of 10 blocks", timeout)
	}
	env.Mine(timeout.Uint64() + 1) // calls run on the latest block: it must be past the window
	before := env.BalanceOf(user.Addr)
	r, err := env.Send(simenv.User(5), env.Enigma, env.EnigmaABI.PackReturnFeesForTask(task.ID))
	ok(t, err)
	if got := new(big.Int).Sub(env.BalanceOf(user.Addr), before); got.Int64() != gasLimit*gasPx {
		t.Fatalf("returned %v, want the whole fee", got)
	}
	if _, err := env.EnigmaABI.UnpackTaskFeeReturnedEvent(r.Logs[len(r.Logs)-1]); err != nil {
		t.Fatal(err)
	}
	rec, _ := env.TaskRecord(task.ID)
	if rec.Status != uint8(api.ChainReceiptFailedRet) {
		t.Fatalf("status %d, want 5", rec.Status)
	}
	_, err = env.Send(user, env.Enigma, env.EnigmaABI.PackReturnFeesForTask(task.ID))
	mustRevert(t, err, "Task is not waiting")
}

func TestEthereumCallback(t *testing.T) {
	t.Parallel()
	env := newEnv(t, simenv.DefaultConfig())
	user := simenv.User(0)
	sc := deployed(t, env)
	cbABI := bindings.NewCallbackTarget()
	cbAddr, err := env.Deploy(env.Owner, bindings.CallbackTargetMetaData.Bin, nil)
	ok(t, err)
	cb := cbABI.Instance(env.Client, cbAddr)

	run := func(data []byte, delta string) (*types.Receipt, *simenv.Task) {
		task, _, err := env.CreateTask(user, simenv.Hash("in "+delta), gasLimit, gasPx, false)
		ok(t, err)
		w, err := env.Selected(task.Block, sc)
		ok(t, err)
		cr := computeReceipt(t, env, sc, delta)
		cr.EthData, cr.EthAddr = data, cbAddr
		r, err := env.CommitCompute(w, sc, task, cr, 2_000_000)
		ok(t, err)
		return r, task
	}

	_, task := run(cbABI.PackRecord(big.NewInt(42)), "after callback")
	rec, _ := env.TaskRecord(task.ID)
	if rec.Status != uint8(api.ChainReceiptVerified) {
		t.Fatalf("status %d after a successful callback", rec.Status)
	}
	if got := mustCall(t, cb, cbABI.PackLastValue(), cbABI.UnpackLastValue); got.Int64() != 42 {
		t.Fatalf("callback recorded %v, want 42", got)
	}
	if last, _ := env.LastDelta(sc); last != simenv.Hash("after callback") {
		t.Fatal("the delta of a task whose callback succeeded was not recorded")
	}

	_, task = run(cbABI.PackFail(), "refused")
	rec, _ = env.TaskRecord(task.ID)
	if rec.Status != uint8(api.ChainReceiptFailedETH) {
		t.Fatalf("status %d after a reverted callback, want 4", rec.Status)
	}
	if last, _ := env.LastDelta(sc); last != simenv.Hash("after callback") {
		t.Fatal("the delta of a task whose callback reverted was recorded")
	}

	// A callback cannot re-enter the receipt functions.
	reentry := env.EnigmaABI.PackCommitTaskFailure(sc, task.ID, [32]byte{}, 0, make([]byte, 65))
	_, task = run(cbABI.PackReenter(env.EnigmaAddr(), reentry), "reentered")
	if got := mustCall(t, cb, cbABI.PackLastValue(), cbABI.UnpackLastValue); got.Int64() != 2 {
		t.Fatalf("re-entering call returned %v, want 2 (reverted)", got)
	}
	rec, _ = env.TaskRecord(task.ID)
	if rec.Status != uint8(api.ChainReceiptVerified) {
		t.Fatalf("status %d", rec.Status)
	}
}

func TestFlatReceiptGas(t *testing.T) {
	t.Parallel()
	env := newEnv(t, simenv.DefaultConfig())
	user := simenv.User(0)
	sc := deployed(t, env)
	var gas []uint64
	for i := 0; i < 12; i++ {
		task, _, err := env.CreateTask(user, simenv.Hash("in"), gasLimit, gasPx, false)
		ok(t, err)
		w, _ := env.Selected(task.Block, sc)
		r, err := env.CommitCompute(w, sc, task, computeReceipt(t, env, sc, "delta "+string(rune('a'+i))), 0)
		ok(t, err)
		gas = append(gas, r.GasUsed)
	}
	// Gas is deterministic; a receipt must not read the delta history, so
	// the 2nd and the 12th delta cost the same up to calldata differences
	// of the signature (zero bytes cost less than non-zero ones).
	for _, g := range gas[1:] {
		if diff := int64(g) - int64(gas[1]); diff > 200 || diff < -200 {
			t.Fatalf("receipt gas grows with the delta history: %v", gas)
		}
	}
}

func mustCall[T any](t *testing.T, c *bind.BoundContract, data []byte, unpack func([]byte) (T, error)) T {
	t.Helper()
	v, err := bind.Call(c, nil, data, unpack)
	ok(t, err)
	return v
}
