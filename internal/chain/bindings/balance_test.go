package bindings_test

import (
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/enigma-go/enigma/internal/batch"
	"github.com/enigma-go/enigma/internal/chain/bindings/simenv"
)

// locked is getUserUnlockBlock's answer for a balance locked for batched
// tasks with no withdrawal requested.
const locked = math.MaxUint64

func unlockBlock(t *testing.T, env *simenv.Env, u *simenv.Account) uint64 {
	t.Helper()
	v := call(t, env, env.EnigmaABI.PackGetUserUnlockBlock(u.Addr), env.EnigmaABI.UnpackGetUserUnlockBlock)
	if !v.IsUint64() {
		t.Fatalf("unlock block %v does not fit 64 bits", v)
	}
	return v.Uint64()
}

func userBalance(t *testing.T, env *simenv.Env, u *simenv.Account) *big.Int {
	t.Helper()
	return call(t, env, env.EnigmaABI.PackGetUserBalance(u.Addr), env.EnigmaABI.UnpackGetUserBalance)
}

func withdrawUser(env *simenv.Env, u *simenv.Account, amount int64) error {
	_, err := env.Send(u, env.Enigma, env.EnigmaABI.PackWithdrawUserBalance(big.NewInt(amount)))
	return err
}

// TestBatchedBalanceCannotEscapeABatch plays the attack on the batched
// path: a user whose batched tasks a worker accepted takes its balance out
// before the batch lands, so the batch finds nothing to charge. A deposit
// now locks the balance; the way out is a withdrawal request, and the
// batches keep charging it for the task timeout after the request.
func TestBatchedBalanceCannotEscapeABatch(t *testing.T) {
	t.Parallel()
	env := newEnv(t, simenv.DefaultConfig())
	sc := deployed(t, env)
	u := simenv.User(1)
	const deposit = 1_000_000
	ok(t, env.DepositUser(u, big.NewInt(deposit)))
	if got := unlockBlock(t, env, u); got != locked {
		t.Fatalf("unlock block after a deposit = %d, want locked (%d)", got, uint64(locked))
	}

	// The worker accepts (and runs) a batched task that spends the whole
	// balance; before it commits, the user tries every way out.
	tasks := []batch.Task{{TaskID: simenv.Hash("escape"), User: u.Addr, GasUsed: 10, Fee: big.NewInt(deposit)}}
	mustRevert(t, withdrawUser(env, u, deposit), "Locked: requestUserWithdrawal")
	// A task record no longer draws on the locked balance: its fee comes
	// from the user's tokens, or the record fails.
	_, _, err := env.CreateTask(u, simenv.Hash("drain"), deposit, 1, false)
	if err == nil {
		t.Fatal("a task record was paid from a locked balance")
	}
	ok(t, env.Fund(u.Addr, big.NewInt(deposit)))
	_, _, err = env.CreateTask(u, simenv.Hash("drain"), deposit, 1, false)
	ok(t, err)
	if bal := userBalance(t, env, u); bal.Int64() != deposit {
		t.Fatalf("balance %v after a task record, want it untouched (%d)", bal, deposit)
	}

	r, err := env.Send(u, env.Enigma, env.EnigmaABI.PackRequestUserWithdrawal())
	ok(t, err)
	timeout := call(t, env, env.EnigmaABI.PackGetTaskTimeoutSize(), env.EnigmaABI.UnpackGetTaskTimeoutSize).Uint64()
	ready := r.BlockNumber.Uint64() + timeout
	ev, err := env.EnigmaABI.UnpackUserWithdrawalRequestedEvent(r.Logs[0])
	ok(t, err)
	if ev.User != u.Addr || ev.UnlockBlock.Uint64() != ready || unlockBlock(t, env, u) != ready {
		t.Fatalf("withdrawal request: event %+v, view %d, want unlock block %d", ev, unlockBlock(t, env, u), ready)
	}
	// A second request does not push the unlock block further out.
	env.Mine(3)
	_, err = env.Send(u, env.Enigma, env.EnigmaABI.PackRequestUserWithdrawal())
	ok(t, err)
	if got := unlockBlock(t, env, u); got != ready {
		t.Fatalf("a second request moved the unlock block to %d, want %d", got, ready)
	}
	for env.Head()+1 < ready {
		mustRevert(t, withdrawUser(env, u, 1), "Locked")
		env.Mine(1)
	}

	// The batch lands within the timeout and is paid in full.
	h, _, err := env.NewBatch(sc, tasks, [32]byte{})
	ok(t, err)
	w, err := env.Selected(env.Head(), sc)
	ok(t, err)
	us, fees := batch.Totals(tasks)
	r, err = env.CommitBatch(w, h, us, fees)
	ok(t, err)
	committed, err := env.EnigmaABI.UnpackBatchCommittedEvent(r.Logs[0])
	ok(t, err)
	if committed.Fees.Int64() != deposit {
		t.Fatalf("the batch was paid %v, want %d", committed.Fees, deposit)
	}
	if bal := userBalance(t, env, u); bal.Sign() != 0 {
		t.Fatalf("balance %v after the batch, want 0", bal)
	}
	mustRevert(t, withdrawUser(env, u, 1), "Not enough tokens in user balance")
}

// TestUserBalanceUnlock checks the way out of a locked balance: after the
// request has waited the task timeout the user withdraws, and the balance
// pays task records again; a deposit locks it anew.
func TestUserBalanceUnlock(t *testing.T) {
	t.Parallel()
	env := newEnv(t, simenv.DefaultConfig())
	u := simenv.User(1)
	if got := unlockBlock(t, env, u); got != 0 {
		t.Fatalf("a user who never deposited has unlock block %d, want 0", got)
	}
	ok(t, env.DepositUser(u, big.NewInt(5000)))
	r, err := env.Send(u, env.Enigma, env.EnigmaABI.PackRequestUserWithdrawal())
	ok(t, err)
	ready := unlockBlock(t, env, u)
	if ready <= r.BlockNumber.Uint64() {
		t.Fatalf("unlock block %d is not after the request's block %d", ready, r.BlockNumber)
	}
	for env.Head() < ready {
		env.Mine(1)
	}
	before := env.BalanceOf(u.Addr)
	ok(t, withdrawUser(env, u, 2000))
	if got := new(big.Int).Sub(env.BalanceOf(u.Addr), before); got.Int64() != 2000 {
		t.Fatalf("withdrew %v, want 2000", got)
	}
	// Unlocked, the balance pays the next task record before any transferFrom.
	_, _, err = env.CreateTask(u, simenv.Hash("in"), 10, 300, false)
	ok(t, err)
	if bal := userBalance(t, env, u); bal.Sign() != 0 {
		t.Fatalf("balance %v after a 3000-grain fee, want 0", bal)
	}
	// A deposit (even of nothing) locks it again and cancels the request.
	ok(t, env.DepositUser(u, big.NewInt(0)))
	if got := unlockBlock(t, env, u); got != locked {
		t.Fatalf("unlock block after a new deposit = %d, want locked", got)
	}
}

// TestTimeoutFitsTheEpochRing checks that no task can outlive its epoch with
// its fee locked: the constructor refuses a timeout the ring of 5 epochs
// cannot cover, and with the longest one allowed a task whose epoch left
// the ring can have its fee returned at once.
func TestTimeoutFitsTheEpochRing(t *testing.T) {
	t.Parallel()
	for _, bad := range []uint64{0, 5, 10} {
		cfg := simenv.DefaultConfig()
		cfg.TimeoutEpochs = bad
		env, err := simenv.New(cfg)
		if err == nil {
			env.Close()
			t.Fatalf("a deployment with a timeout of %d epochs succeeded", bad)
		}
		if !strings.Contains(err.Error(), "1 to 4 epochs") {
			t.Fatalf("timeout %d refused with %v, want the reason", bad, err)
		}
	}

	cfg := simenv.DefaultConfig()
	cfg.TimeoutEpochs = 4
	env := newEnv(t, cfg)
	sc := deployed(t, env)
	// The tightest case: the task is created in the last block of its
	// epoch, and every later epoch is as short as allowed.
	_, first := env.EpochState()
	for env.Head()+2 < first+cfg.EpochSize {
		env.Mine(1)
	}
	task, _, err := env.CreateTask(simenv.User(0), simenv.Hash("in"), gasLimit, gasPx, false)
	ok(t, err)
	selected, err := env.Selected(task.Block, sc)
	ok(t, err)
	for i := 0; i < 5; i++ {
		_, err = env.NewEpoch(big.NewInt(int64(20 + i)))
		ok(t, err)
	}
	_, err = env.CommitCompute(selected, sc, task, computeReceipt(t, env, sc, "d"), 0)
	mustRevert(t, err, "no longer stored")
	// No waiting: the timeout ran out no later than the epoch left the ring.
	before := env.BalanceOf(simenv.User(0).Addr)
	_, err = env.Send(simenv.User(1), env.Enigma, env.EnigmaABI.PackReturnFeesForTask(task.ID))
	ok(t, err)
	if got := new(big.Int).Sub(env.BalanceOf(simenv.User(0).Addr), before); got.Cmp(task.Fee()) != 0 {
		t.Fatalf("returned %v, want the fee %v", got, task.Fee())
	}
}
