package bindings_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain/bindings"
	"github.com/enigma-go/enigma/internal/chain/bindings/simenv"
)

// callbackEnv is a network with a deployed secret contract, the test
// callback target and a funded user.
type callbackEnv struct {
	*simenv.Env
	sc     [32]byte
	cb     *bind.BoundContract
	cbABI  *bindings.CallbackTarget
	cbAddr common.Address
}

func newCallbackEnv(t *testing.T) *callbackEnv {
	env := newEnv(t, simenv.DefaultConfig())
	c := &callbackEnv{Env: env, sc: deployed(t, env), cbABI: bindings.NewCallbackTarget()}
	var err error
	c.cbAddr, err = env.Deploy(env.Owner, bindings.CallbackTargetMetaData.Bin, nil)
	ok(t, err)
	c.cb = c.cbABI.Instance(env.Client, c.cbAddr)
	return c
}

// commit runs a task whose receipt asks for a callback to target with data,
// sent with gas (0: estimated), and returns the task and the error.
func (c *callbackEnv) commit(t *testing.T, target common.Address, data []byte, delta string, gas uint64) (*simenv.Task, error) {
	t.Helper()
	task, _, err := c.CreateTask(simenv.User(0), simenv.Hash("in "+delta), gasLimit, gasPx, false)
	ok(t, err)
	w, err := c.Selected(task.Block, c.sc)
	ok(t, err)
	cr := computeReceipt(t, c.Env, c.sc, delta)
	cr.EthData, cr.EthAddr = data, target
	_, err = c.CommitCompute(w, c.sc, task, cr, gas)
	return task, err
}

func (c *callbackEnv) status(t *testing.T, task *simenv.Task) api.ChainStatus {
	t.Helper()
	rec, err := c.TaskRecord(task.ID)
	ok(t, err)
	return api.ChainStatus(rec.Status)
}

// TestCallbackCannotActAsEnigma: a secret contract's callback runs as the
// forwarder, which holds nothing; it can never call the token, the Enigma
// contract or the forwarder, and a callback to an address without code
// fails. Every such task ends as ReceiptFailedETH with nothing moved.
func TestCallbackCannotActAsEnigma(t *testing.T) {
	t.Parallel()
	c := newCallbackEnv(t)
	attacker := simenv.User(7).Addr
	held := c.BalanceOf(c.EnigmaAddr())
	if held.Sign() == 0 {
		t.Fatal("the Enigma contract holds no ENG: the test would prove nothing")
	}
	for _, a := range []struct {
		name   string
		target common.Address
		data   []byte
	}{
		{"transfer the stakes", c.TokenAddr(), c.TokenABI.PackTransfer(attacker, held)},
		{"approve the attacker", c.TokenAddr(), c.TokenABI.PackApprove(attacker, held)},
		{"call the Enigma contract", c.EnigmaAddr(), c.EnigmaABI.PackWithdrawUserBalance(big.NewInt(1))},
		{"call the forwarder", c.Forwarder, c.cbABI.PackRecord(big.NewInt(1))},
		{"call an account without code", attacker, c.cbABI.PackRecord(big.NewInt(1))},
	} {
		task, err := c.commit(t, a.target, a.data, a.name, 0)
		ok(t, err)
		if s := c.status(t, task); s != api.ChainReceiptFailedETH {
			t.Fatalf("%s: task status %d, want %d (ReceiptFailedETH)", a.name, s, api.ChainReceiptFailedETH)
		}
	}
	if got := c.BalanceOf(attacker); got.Sign() != 0 {
		t.Fatalf("the attacker got %v ENG", got)
	}
	allowance := mustCall(t, c.Token, c.TokenABI.PackAllowance(c.EnigmaAddr(), attacker), c.TokenABI.UnpackAllowance)
	allowance2 := mustCall(t, c.Token, c.TokenABI.PackAllowance(c.Forwarder, attacker), c.TokenABI.UnpackAllowance)
	if allowance.Sign() != 0 || allowance2.Sign() != 0 {
		t.Fatal("a callback approved the attacker")
	}
	if got := c.BalanceOf(c.EnigmaAddr()); got.Cmp(held) < 0 {
		t.Fatalf("the Enigma contract holds %v ENG, had %v", got, held)
	}
}

// TestCallbackOrigin: the callee sees the forwarder as its caller and can
// ask it which secret contract and task the callback is for.
func TestCallbackOrigin(t *testing.T) {
	t.Parallel()
	c := newCallbackEnv(t)
	task, err := c.commit(t, c.cbAddr, c.cbABI.PackRecordOrigin(), "origin", 0)
	ok(t, err)
	if s := c.status(t, task); s != api.ChainReceiptVerified {
		t.Fatalf("status %d", s)
	}
	if got := mustCall(t, c.cb, c.cbABI.PackLastCaller(), c.cbABI.UnpackLastCaller); got != c.Forwarder {
		t.Fatalf("the callee saw %s as its caller, want the forwarder %s", got, c.Forwarder)
	}
	if got := mustCall(t, c.cb, c.cbABI.PackLastContract(), c.cbABI.UnpackLastContract); got != c.sc {
		t.Fatalf("origin contract %x, want %x", got, c.sc)
	}
	if got := mustCall(t, c.cb, c.cbABI.PackLastTask(), c.cbABI.UnpackLastTask); got != task.ID {
		t.Fatalf("origin task %x, want %x", got, task.ID)
	}
	fwd := bindings.NewCallbackForwarder()
	f := fwd.Instance(c.Client, c.Forwarder)
	_, err = bind.Call(f, nil, fwd.PackOrigin(), fwd.UnpackOrigin)
	mustRevert(t, err, "No callback in progress")
	_, err = c.Send(simenv.User(0), f, fwd.PackForward(c.TokenAddr(), nil, c.sc, task.ID))
	mustRevert(t, err, "Only the Enigma contract forwards callbacks")
}

// TestCallbackGasIsFixed: a worker cannot make an honest callback run out
// of gas by sending the receipt with little gas: the receipt reverts
// instead (the task stays open for a better-behaved submission), and a
// receipt that goes through gives the callback all of its gas.
func TestCallbackGasIsFixed(t *testing.T) {
	t.Parallel()
	c := newCallbackEnv(t)
	// Enough gas for the receipt and a starved callback, not for the fixed callback gas.
	task, err := c.commit(t, c.cbAddr, c.cbABI.PackBurn(big.NewInt(0)), "starved", 400_000)
	if err == nil {
		t.Fatalf("a receipt with too little gas for its callback went through (task status %d)", c.status(t, task))
	}
	if s := c.status(t, task); s != api.ChainRecordCreated {
		t.Fatalf("status %d after a refused receipt, want the task still open", s)
	}
	task, err = c.commit(t, c.cbAddr, c.cbABI.PackBurn(big.NewInt(5_000)), "fed", 0)
	ok(t, err)
	if s := c.status(t, task); s != api.ChainReceiptVerified {
		t.Fatalf("status %d", s)
	}
	got := mustCall(t, c.cb, c.cbABI.PackLastValue(), c.cbABI.UnpackLastValue).Uint64()
	if got < simenv.CallbackGas-5_000 || got > simenv.CallbackGas {
		t.Fatalf("the callback started with %d gas, want about the fixed %d", got, simenv.CallbackGas)
	}
}

// TestActiveWorkerCandidates: getActiveWorkers (and so setWorkersParams)
// reads only the workers logged in or just logged out, and no more than
// 256 can be logged in at once, so enough registrations can never price
// setWorkersParams out of a block.
func TestActiveWorkerCandidates(t *testing.T) {
	t.Parallel()
	const max = 256
	env, err := simenv.New(simenv.Config{Workers: max + 1, EpochSize: 10, TimeoutEpochs: 2})
	ok(t, err)
	t.Cleanup(env.Close)
	ok(t, env.Register(env.KM))
	for _, w := range env.Workers {
		ok(t, env.Register(w))
	}
	late := env.Workers[max]
	for _, w := range env.Workers[:max] {
		ok(t, env.Stake(w, big.NewInt(stake)))
	}
	_, err = env.NewEpoch(big.NewInt(1))
	ok(t, err)
	active := func() []common.Address {
		a := call(t, env, env.EnigmaABI.PackGetActiveWorkers(new(big.Int).SetUint64(env.Head()+1)), env.EnigmaABI.UnpackGetActiveWorkers)
		return a.Arg0
	}
	if n := len(active()); n != max {
		t.Fatalf("%d active workers, want %d", n, max)
	}
	mustRevert(t, env.Stake(late, big.NewInt(stake)), "Too many active workers")

	// A worker that logs out leaves the list at the next epoch, making room.
	w := env.Workers[0]
	_, err = env.Send(w.Custodian, env.Enigma, env.EnigmaABI.PackLogout())
	ok(t, err)
	r, err := env.NewEpoch(big.NewInt(7))
	ok(t, err)
	if r.GasUsed > 15_000_000 {
		t.Fatalf("setWorkersParams with %d workers used %d gas", max, r.GasUsed)
	}
	t.Logf("setWorkersParams with %d workers: %d gas", max-1, r.GasUsed)
	for _, a := range active() {
		if a == w.Signer.Addr {
			t.Fatal("a logged-out worker is still active")
		}
	}
	_, err = env.Send(late.Custodian, env.Enigma, env.EnigmaABI.PackLogin())
	ok(t, err)
	if n := len(active()); n != max {
		t.Fatalf("%d active workers after one left and one joined, want %d", n, max)
	}
	// The list is full again: the one that left waits for room.
	_, err = env.Send(w.Custodian, env.Enigma, env.EnigmaABI.PackLogin())
	mustRevert(t, err, "Too many active workers")
}

func TestTaskInfo(t *testing.T) {
	t.Parallel()
	env := newEnv(t, simenv.DefaultConfig())
	dep, _, err := env.CreateTask(simenv.User(0), simenv.Hash("deploy"), gasLimit, gasPx, true)
	ok(t, err)
	comp, _, err := env.CreateTask(simenv.User(0), simenv.Hash("compute"), gasLimit, gasPx, false)
	ok(t, err)
	first := env.FirstBlock()
	for id, want := range map[[32]byte]bool{dep.ID: true, comp.ID: false, simenv.Hash("none"): false} {
		got := call(t, env, env.EnigmaABI.PackGetTaskInfo(id), env.EnigmaABI.UnpackGetTaskInfo)
		wantFirst := first
		if id == simenv.Hash("none") {
			wantFirst = big.NewInt(0)
		}
		if got.Deployment != want || got.EpochFirstBlock.Cmp(wantFirst) != 0 {
			t.Fatalf("getTaskInfo(%x) = %+v, want deployment %v in the epoch of block %v", id, got, want, wantFirst)
		}
	}
}
