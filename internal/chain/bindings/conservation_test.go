package bindings_test

import (
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/internal/batch"
	"github.com/enigma-go/enigma/internal/chain/bindings/simenv"
)

// TestTokensAreConserved runs random sequences of task records, receipts
// (success with and without a delta, failure), fee returns, user deposits
// and withdrawals, batches, epochs and worker withdrawals, and checks after
// every step that the Enigma contract holds exactly the worker balances,
// the user balances and the fees of pending tasks, and that no token is
// created or destroyed.
func TestTokensAreConserved(t *testing.T) {
	t.Parallel()
	seeds := uint64(3)
	if raceEnabled {
		seeds = 1 // the race detector slows the chain ~4x; the sequences check no concurrency
	}
	for seed := uint64(1); seed <= seeds; seed++ {
		t.Run("seed", func(t *testing.T) { conservationRun(t, seed) })
	}
}

func conservationRun(t *testing.T, seed uint64) {
	env := newEnv(t, simenv.DefaultConfig())
	rng := rand.New(rand.NewPCG(seed, 7))
	users := []*simenv.Account{simenv.User(0), simenv.User(1), simenv.User(2)}
	for _, u := range users[1:] {
		ok(t, env.Fund(u.Addr, userFunds))
	}
	holders := []common.Address{env.Owner.Addr, env.EnigmaAddr(), env.KM.Custodian.Addr}
	for _, u := range users {
		holders = append(holders, u.Addr)
	}
	for _, w := range env.Workers {
		holders = append(holders, w.Custodian.Addr)
	}
	sc := deployed(t, env)
	var pending []*simenv.Task
	loggedOut := map[*simenv.Node]bool{}

	check := func(step string) {
		t.Helper()
		held := new(big.Int)
		for _, w := range env.Workers {
			held.Add(held, call(t, env, env.EnigmaABI.PackGetWorker(w.Custodian.Addr), env.EnigmaABI.UnpackGetWorker).Balance)
		}
		for _, u := range users {
			held.Add(held, call(t, env, env.EnigmaABI.PackGetUserBalance(u.Addr), env.EnigmaABI.UnpackGetUserBalance))
		}
		for _, p := range pending {
			held.Add(held, p.Fee())
		}
		if bal := env.BalanceOf(env.EnigmaAddr()); bal.Cmp(held) != 0 {
			t.Fatalf("seed %d after %s: contract holds %v, owes %v", seed, step, bal, held)
		}
		supply := new(big.Int)
		for _, h := range holders {
			supply.Add(supply, env.BalanceOf(h))
		}
		if supply.Cmp(new(big.Int).Mul(big.NewInt(150_000_000), big.NewInt(1e8))) != 0 {
			t.Fatalf("seed %d after %s: supply %v", seed, step, supply)
		}
	}
	check("setup")

	for step := 0; step < 40; step++ {
		u := users[rng.IntN(len(users))]
		switch op := rng.IntN(8); {
		case op <= 2 || len(pending) == 0:
			task, _, err := env.CreateTask(u, simenv.Hash("in"), 1000+rng.Uint64N(1_000_000), 1+rng.Uint64N(100), false)
			ok(t, err)
			pending = append(pending, task)
			check("create")
		case op == 3:
			i := rng.IntN(len(pending))
			task := pending[i]
			w, err := env.Selected(task.Block, sc)
			ok(t, err)
			used := rng.Uint64N(task.GasLimit + 1)
			if rng.IntN(3) == 0 {
				_, err = env.CommitFailure(w, sc, simenv.Hash("code"), task, simenv.Hash("err"), used)
			} else {
				r := computeReceipt(t, env, sc, []string{"", "delta"}[rng.IntN(2)]+string(rune('a'+step)))
				r.GasUsed = used
				_, err = env.CommitCompute(w, sc, task, r, 0)
			}
			if err != nil && !contains(err, "no longer stored") {
				t.Fatal(err)
			}
			if err == nil {
				pending = append(pending[:i], pending[i+1:]...)
			}
			check("receipt")
		case op == 4:
			env.Mine(21)
			i := rng.IntN(len(pending))
			_, err := env.Send(u, env.Enigma, env.EnigmaABI.PackReturnFeesForTask(pending[i].ID))
			ok(t, err)
			pending = append(pending[:i], pending[i+1:]...)
			check("return fees")
		case op == 5:
			bal := call(t, env, env.EnigmaABI.PackGetUserBalance(u.Addr), env.EnigmaABI.UnpackGetUserBalance)
			if rng.IntN(2) == 0 && bal.Sign() > 0 {
				amount := below(rng, bal)
				if unlockBlock(t, env, u) > env.Head() { // a deposit locked it
					_, err := env.Send(u, env.Enigma, env.EnigmaABI.PackRequestUserWithdrawal())
					ok(t, err)
					for unlockBlock(t, env, u) > env.Head() {
						env.Mine(1)
					}
				}
				_, err := env.Send(u, env.Enigma, env.EnigmaABI.PackWithdrawUserBalance(amount))
				ok(t, err)
			} else {
				amount := big.NewInt(1 + rng.Int64N(1_000_000))
				_, err := env.Approve(u, amount)
				ok(t, err)
				_, err = env.Send(u, env.Enigma, env.EnigmaABI.PackDepositUserBalance(amount))
				ok(t, err)
			}
			check("user balance")
		case op == 6:
			// A batch of tasks paid from the users' balances that can afford them.
			var tasks []batch.Task
			for i, bu := range users {
				bal := call(t, env, env.EnigmaABI.PackGetUserBalance(bu.Addr), env.EnigmaABI.UnpackGetUserBalance)
				if bal.Sign() > 0 {
					tasks = append(tasks, batch.Task{TaskID: simenv.Hash(string(rune(step*10 + i))), User: bu.Addr,
						GasUsed: 10, Fee: below(rng, bal)})
				}
			}
			if len(tasks) == 0 {
				continue
			}
			h, _, err := env.NewBatch(sc, tasks, [32]byte{})
			ok(t, err)
			w, err := env.Selected(env.Head(), sc)
			ok(t, err)
			us, fees := batch.Totals(tasks)
			_, err = env.CommitBatch(w, h, us, fees)
			ok(t, err)
			check("batch")
		default:
			// A worker leaves, and withdraws part of its stake an epoch later.
			w := env.Workers[rng.IntN(len(env.Workers))]
			if !loggedOut[w] {
				if len(loggedOut) == len(env.Workers)-1 {
					continue // keep one worker selectable
				}
				_, err := env.Send(w.Custodian, env.Enigma, env.EnigmaABI.PackLogout())
				ok(t, err)
				loggedOut[w] = true
			}
			_, err := env.NewEpoch(big.NewInt(int64(step)))
			ok(t, err)
			bal := call(t, env, env.EnigmaABI.PackGetWorker(w.Custodian.Addr), env.EnigmaABI.UnpackGetWorker).Balance
			_, err = env.Send(w.Custodian, env.Enigma, env.EnigmaABI.PackWithdraw(new(big.Int).Div(bal, big.NewInt(2))))
			ok(t, err)
			check("worker withdraw")
		}
	}
}

// below is a random value in [0, max) for a max that fits a uint64.
func below(rng *rand.Rand, max *big.Int) *big.Int {
	return new(big.Int).SetUint64(rng.Uint64N(max.Uint64()))
}

func contains(err error, s string) bool { return err != nil && strings.Contains(err.Error(), s) }
