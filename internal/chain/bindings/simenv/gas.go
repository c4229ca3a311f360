package simenv

import (
	"fmt"
	"io"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/internal/batch"
	"github.com/enigma-go/enigma/internal/chain/bindings"
)

// GasFigure is one measured transaction (or a sum of them).
type GasFigure struct {
	Name string
	Gas  uint64
	Note string
}

// GasReport is what MeasureGas measured.
type GasReport struct {
	Figures []GasFigure

	CompatPerTask           uint64         // approve + createTaskRecord + commitReceipt with a delta, contract with 1 delta
	CompatPerTask1000Deltas uint64         // the same with DeltaHistory stored deltas
	CompatFirstTaskOfUser   uint64         // the same for a user's very first task (no allowance, no balance yet)
	BatchedPerTask          map[int]uint64 // commitBatch gas / batch size, one user per task
	BatchedPerTask10Users   uint64         // the largest batch, its tasks from 10 users
	DeltaHistory            int
}

// GasOptions say how big the measurement is.
type GasOptions struct {
	DeltaHistory int   // stored deltas for the "long history" figures (1000 normally)
	BatchSizes   []int // batch sizes of the batched path
	Progress     io.Writer
}

// DefaultGasOptions measures what `enigma bench gas` reports.
func DefaultGasOptions() GasOptions {
	return GasOptions{DeltaHistory: 1000, BatchSizes: []int{1, 10, 100}}
}

// MeasureGas runs every contract operation on a fresh simulated chain
// (mainnet rules) and reports the gas each used. Task figures are for a
// returning user (the steady state of a client that already ran a task),
// except CompatFirstTaskOfUser.
func MeasureGas(opt GasOptions) (*GasReport, error) {
	progress := opt.Progress
	if progress == nil {
		progress = io.Discard
	}
	env, err := New(Config{Workers: 3, EpochSize: 10, TimeoutEpochs: 2})
	if err != nil {
		return nil, err
	}
	defer env.Close()
	rep := &GasReport{BatchedPerTask: map[int]uint64{}, DeltaHistory: opt.DeltaHistory}
	add := func(name string, gas uint64, note string) {
		rep.Figures = append(rep.Figures, GasFigure{Name: name, Gas: gas, Note: note})
	}

	// Workers and epochs.
	if err := env.Register(env.KM); err != nil {
		return nil, err
	}
	report, sig := env.NodeReport(env.Workers[0])
	r, err := env.Send(env.Workers[0].Custodian, env.Enigma, env.EnigmaABI.PackRegister(env.Workers[0].Signer.Addr, report, sig))
	if err != nil {
		return nil, fmt.Errorf("register: %w", err)
	}
	add("register", r.GasUsed, "simulated attestation report checked by the verifier, first registration")
	for _, w := range env.Workers[1:] {
		if err := env.Register(w); err != nil {
			return nil, err
		}
	}
	for i, w := range env.Workers {
		amount := big.NewInt(int64(1_000_000_000 * (i + 1)))
		if err := env.Fund(w.Custodian.Addr, amount); err != nil {
			return nil, err
		}
		if _, err := env.Approve(w.Custodian, amount); err != nil {
			return nil, err
		}
		r, err := env.Send(w.Custodian, env.Enigma, env.EnigmaABI.PackDeposit(w.Custodian.Addr, amount))
		if err != nil {
			return nil, err
		}
		if i == 0 {
			add("deposit", r.GasUsed, "stake into the contract")
		}
		r, err = env.Send(w.Custodian, env.Enigma, env.EnigmaABI.PackLogin())
		if err != nil {
			return nil, err
		}
		if i == 0 {
			add("login", r.GasUsed, "")
		}
	}
	if _, err := env.NewEpoch(big.NewInt(1)); err != nil {
		return nil, err
	}
	r, err = env.NewEpoch(big.NewInt(2))
	if err != nil {
		return nil, err
	}
	add("setWorkersParams", r.GasUsed, "3 workers, ring slot reused")

	user := User(0)
	if err := env.Fund(user.Addr, big.NewInt(1e15)); err != nil {
		return nil, err
	}

	// Deployment.
	dep, approveFirst, err := env.CreateTask(user, Hash("deploy inputs"), 1_000_000, 100, true)
	if err != nil {
		return nil, err
	}
	w, err := env.Selected(dep.Block, dep.ID)
	if err != nil {
		return nil, err
	}
	r, err = env.CommitDeploy(w, dep, DeployReceipt{PreCodeHash: Hash("pre"), CodeHash: Hash("code"), InitDelta: Hash("delta 0"), GasUsed: 50_000}, 0)
	if err != nil {
		return nil, err
	}
	add("createDeploymentTaskRecord (first task of a user)", dep.Receipt.GasUsed, "new user: nonce, index and allowance words created")
	add("deploySecretContract receipt", r.GasUsed, "")
	rep.CompatFirstTaskOfUser = approveFirst.GasUsed + dep.Receipt.GasUsed + r.GasUsed
	sc := dep.ID

	dep2, _, err := env.CreateTask(user, Hash("deploy 2"), 1_000_000, 100, true)
	if err != nil {
		return nil, err
	}
	add("createDeploymentTaskRecord", dep2.Receipt.GasUsed, "returning user")

	// Compute tasks on a contract with one stored delta.
	compute := func(newDelta [32]byte, ethAddr common.Address, ethData []byte) (approveGas, createGas, receiptGas uint64, err error) {
		t, approve, err := env.CreateTask(user, Hash("inputs"), 1_000_000, 100, false)
		if err != nil {
			return 0, 0, 0, err
		}
		w, err := env.Selected(t.Block, sc)
		if err != nil {
			return 0, 0, 0, err
		}
		prev, err := env.LastDelta(sc)
		if err != nil {
			return 0, 0, 0, err
		}
		r, err := env.CommitCompute(w, sc, t, ComputeReceipt{CodeHash: Hash("code"), PrevDelta: prev, NewDelta: newDelta,
			OutputHash: Hash("output"), GasUsed: 5_000, EthData: ethData, EthAddr: ethAddr}, 0)
		if err != nil {
			return 0, 0, 0, err
		}
		return approve.GasUsed, t.Receipt.GasUsed, r.GasUsed, nil
	}
	// The user's first compute tasks warm its words up (the pending second
	// deployment left no refund): measure the third.
	for i := 0; i < 2; i++ {
		if _, _, _, err := compute(Hash(fmt.Sprint("warm-up delta ", i)), common.Address{}, nil); err != nil {
			return nil, err
		}
	}
	a, c, rc, err := compute(Hash("delta 1"), common.Address{}, nil)
	if err != nil {
		return nil, err
	}
	add("approve (ENG, client)", a, "")
	add("createTaskRecord", c, "")
	add("commitReceipt with a delta (1 stored delta)", rc, "")
	rep.CompatPerTask = a + c + rc
	_, _, rcNoDelta, err := compute([32]byte{}, common.Address{}, nil)
	if err != nil {
		return nil, err
	}
	add("commitReceipt without a delta", rcNoDelta, "")

	t, _, err := env.CreateTask(user, Hash("fails"), 1_000_000, 100, false)
	if err != nil {
		return nil, err
	}
	w, _ = env.Selected(t.Block, sc)
	r, err = env.CommitFailure(w, sc, Hash("code"), t, Hash("error"), 7_000)
	if err != nil {
		return nil, err
	}
	add("commitTaskFailure receipt", r.GasUsed, "")
	cbAddr, err := env.Deploy(env.Owner, bindings.CallbackTargetMetaData.Bin, nil)
	if err != nil {
		return nil, err
	}
	cb := bindings.NewCallbackTarget()
	t, _, err = env.CreateTask(user, Hash("with callback"), 1_000_000, 100, false)
	if err != nil {
		return nil, err
	}
	w, _ = env.Selected(t.Block, sc)
	prev, err := env.LastDelta(sc)
	if err != nil {
		return nil, err
	}
	r, err = env.CommitCompute(w, sc, t, ComputeReceipt{CodeHash: Hash("code"), PrevDelta: prev, NewDelta: Hash("delta cb"),
		OutputHash: Hash("output"), GasUsed: 5_000, EthData: cb.PackRecord(big.NewInt(1)), EthAddr: cbAddr}, 0)
	if err != nil {
		return nil, err
	}
	add("commitReceipt with a delta and an Ethereum callback", r.GasUsed, "through the forwarder; the callback writes one new storage word")

	// Grow the delta history with one-task batches, then measure again.
	fmt.Fprintf(progress, "bench gas: storing %d state deltas...\n", opt.DeltaHistory)
	payer := User(1)
	if err := env.DepositUser(payer, big.NewInt(1e12)); err != nil {
		return nil, err
	}
	n, err := Call(env, env.EnigmaABI.PackCountStateDeltas(sc), env.EnigmaABI.UnpackCountStateDeltas)
	if err != nil {
		return nil, err
	}
	for i := int(n.Int64()); i < opt.DeltaHistory; i++ {
		tasks := []batch.Task{{TaskID: Hash(fmt.Sprint("filler ", i)), User: payer.Addr, GasUsed: 1, Fee: big.NewInt(1)}}
		h, _, err := env.NewBatch(sc, tasks, Hash(fmt.Sprint("filler delta ", i)))
		if err != nil {
			return nil, err
		}
		w, err := env.Selected(env.Head(), sc)
		if err != nil {
			return nil, err
		}
		users, fees := batch.Totals(tasks)
		sig := env.SignBatch(w.Signer, h, users, fees)
		if _, err := env.SendGas(w.Custodian, env.Enigma, env.EnigmaABI.PackCommitBatch(BatchHeader(h), users, fees, sig), 1_000_000); err != nil {
			return nil, fmt.Errorf("filler batch %d: %w", i, err)
		}
	}
	a, c, rc, err = compute(Hash("delta after history"), common.Address{}, nil)
	if err != nil {
		return nil, err
	}
	add(fmt.Sprintf("commitReceipt with a delta (%d stored deltas)", opt.DeltaHistory), rc, "")
	rep.CompatPerTask1000Deltas = a + c + rc

	add("compat path per compute task (approve + createTaskRecord + commitReceipt)", rep.CompatPerTask, "returning user, 1 stored delta")
	add(fmt.Sprintf("compat path per compute task, %d stored deltas", opt.DeltaHistory), rep.CompatPerTask1000Deltas, "returning user")
	add("compat path, first task of a new user", rep.CompatFirstTaskOfUser, "deployment: allowance, nonce and index words created")

	// Batched path: every task of a batch from a different user (the worst
	// case: one balance word per task).
	maxBatch := 0
	for _, s := range opt.BatchSizes {
		maxBatch = max(maxBatch, s)
	}
	payers := make([]*Account, maxBatch)
	for i := range payers {
		payers[i] = User(100 + i)
		if err := env.DepositUser(payers[i], big.NewInt(1e10)); err != nil {
			return nil, err
		}
	}
	commitBatchOf := func(size, users int) (uint64, error) {
		tasks := make([]batch.Task, size)
		for i := range tasks {
			tasks[i] = batch.Task{TaskID: Hash(fmt.Sprint("batch ", size, "/", users, " task ", i)), User: payers[i%users].Addr,
				InputsHash: Hash(fmt.Sprint("in ", i)), OutputHash: Hash(fmt.Sprint("out ", i)), DeltaHash: Hash(fmt.Sprint("d ", size, i)),
				GasUsed: 5_000, Fee: big.NewInt(500_000)}
		}
		h, _, err := env.NewBatch(sc, tasks, tasks[size-1].DeltaHash)
		if err != nil {
			return 0, err
		}
		w, err := env.Selected(env.Head(), sc)
		if err != nil {
			return 0, err
		}
		us, fees := batch.Totals(tasks)
		r, err := env.CommitBatch(w, h, us, fees)
		if err != nil {
			return 0, fmt.Errorf("batch of %d: %w", size, err)
		}
		return r.GasUsed, nil
	}
	for _, size := range opt.BatchSizes {
		gas, err := commitBatchOf(size, size)
		if err != nil {
			return nil, err
		}
		per := gas / uint64(size)
		rep.BatchedPerTask[size] = per
		add(fmt.Sprintf("batched path per task, batch of %d", size), per, fmt.Sprintf("commitBatch %d gas, one user per task", gas))
	}
	if maxBatch >= 10 {
		gas, err := commitBatchOf(maxBatch, 10)
		if err != nil {
			return nil, err
		}
		rep.BatchedPerTask10Users = gas / uint64(maxBatch)
		add(fmt.Sprintf("batched path per task, batch of %d from 10 users", maxBatch), rep.BatchedPerTask10Users, fmt.Sprintf("commitBatch %d gas", gas))
	}
	return rep, nil
}
