package bindings_test

import (
	"math/big"
	"testing"

	"github.com/enigma-go/enigma/internal/chain/bindings/simenv"
)

func TestSmokeComputeTask(t *testing.T) {
	env, err := simenv.New(simenv.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	defer env.Close()
	if err := env.Bootstrap(big.NewInt(1_000_000_000)); err != nil {
		t.Fatal(err)
	}
	user := simenv.User(0)
	if err := env.Fund(user.Addr, big.NewInt(1e15)); err != nil {
		t.Fatal(err)
	}
	sc, err := env.DeployContract(user, simenv.Hash("code"), simenv.Hash("delta0"))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		task, approve, err := env.CreateTask(user, simenv.Hash("in"), 1_000_000, 100, false)
		if err != nil {
			t.Fatal(err)
		}
		w, err := env.Selected(task.Block, sc)
		if err != nil {
			t.Fatal(err)
		}
		prev, _ := env.LastDelta(sc)
		r, err := env.CommitCompute(w, sc, task, simenv.ComputeReceipt{CodeHash: simenv.Hash("code"), PrevDelta: prev,
			NewDelta: simenv.Hash("d" + string(rune('a'+i))), OutputHash: simenv.Hash("out"), GasUsed: 5000}, 0)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("approve %d create %d receipt %d total %d", approve.GasUsed, task.Receipt.GasUsed, r.GasUsed,
			approve.GasUsed+task.Receipt.GasUsed+r.GasUsed)
	}
}
