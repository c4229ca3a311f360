package bindings_test

import (
	"math/big"
	"testing"

	"github.com/enigma-go/enigma/internal/chain/bindings/simenv"
)

// A record sent just before an epoch change and mined after it names the
// previous epoch. The contract takes it while the new epoch is younger
// than an epoch's length and binds it to the epoch it names: the worker
// the client selected there commits it, the new epoch's worker cannot.
func TestRecordNamingThePreviousEpoch(t *testing.T) {
	t.Parallel()
	cfg := simenv.DefaultConfig()
	env := newEnv(t, cfg)
	sc, err := env.DeployContract(simenv.User(0), simenv.Hash("code"), simenv.Hash("init"))
	ok(t, err)

	// Epochs until the selection for sc changes, so that binding to the
	// wrong epoch would show.
	var prev *big.Int
	var prevWorker, curWorker *simenv.Node
	for seed := int64(1); ; seed++ {
		prev = env.FirstBlock()
		prevWorker, err = env.Selected(prev.Uint64(), sc)
		ok(t, err)
		_, err = env.NewEpoch(big.NewInt(1000 + seed))
		ok(t, err)
		curWorker, err = env.Selected(env.Head(), sc)
		ok(t, err)
		if curWorker != prevWorker {
			break
		}
		if seed == 50 {
			t.Fatal("the selection never changed across 50 epochs")
		}
	}

	task, _, err := env.CreateTaskIn(prev, simenv.User(0), simenv.Hash("late"), gasLimit, gasPx, false)
	ok(t, err)
	info := call(t, env, env.EnigmaABI.PackGetTaskInfo(task.ID), env.EnigmaABI.UnpackGetTaskInfo)
	if info.Deployment || info.EpochFirstBlock.Cmp(prev) != 0 {
		t.Fatalf("getTaskInfo = %+v, want the previous epoch %v and a compute task", info, prev)
	}
	_, err = env.CommitCompute(curWorker, sc, task, computeReceipt(t, env, sc, "late"), 0)
	mustRevert(t, err, "Not the selected worker")
	_, err = env.CommitCompute(prevWorker, sc, task, computeReceipt(t, env, sc, "late"), 0)
	ok(t, err)

	// A deployment too.
	dep, _, err := env.CreateTaskIn(prev, simenv.User(0), simenv.Hash("late deploy"), gasLimit, gasPx, true)
	ok(t, err)
	info = call(t, env, env.EnigmaABI.PackGetTaskInfo(dep.ID), env.EnigmaABI.UnpackGetTaskInfo)
	if !info.Deployment || info.EpochFirstBlock.Cmp(prev) != 0 {
		t.Fatalf("getTaskInfo(deploy) = %+v, want the previous epoch %v and a deployment", info, prev)
	}

	// Once the new epoch is an epoch's length old, the previous one is
	// refused, and an epoch two back never counts.
	_, first := env.EpochState()
	for env.Head()+1 < first+cfg.EpochSize {
		env.Mine(1)
	}
	_, _, err = env.CreateTaskIn(prev, simenv.User(0), simenv.Hash("too late"), gasLimit, gasPx, false)
	mustRevert(t, err, "Wrong epoch for this task")
	_, err = env.NewEpoch(big.NewInt(7))
	ok(t, err)
	_, _, err = env.CreateTaskIn(prev, simenv.User(0), simenv.Hash("two back"), gasLimit, gasPx, false)
	mustRevert(t, err, "Wrong epoch for this task")

	// No record: nothing. A record whose epoch left the ring: epoch 0.
	info = call(t, env, env.EnigmaABI.PackGetTaskInfo(simenv.Hash("none")), env.EnigmaABI.UnpackGetTaskInfo)
	if info.Deployment || info.EpochFirstBlock.Sign() != 0 {
		t.Fatalf("getTaskInfo(no record) = %+v", info)
	}
	for i := range 5 {
		_, err = env.NewEpoch(big.NewInt(int64(200 + i)))
		ok(t, err)
	}
	info = call(t, env, env.EnigmaABI.PackGetTaskInfo(dep.ID), env.EnigmaABI.UnpackGetTaskInfo)
	if !info.Deployment || info.EpochFirstBlock.Sign() != 0 {
		t.Fatalf("getTaskInfo of a record whose epoch left the ring = %+v, want first block 0", info)
	}
}
