package state_test

import (
	"bytes"
	"context"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/internal/state/stategen"
)

// modelContract is the reference model's view of one contract: plain
// slices, no overlay, no batching.
type modelContract struct {
	deltas     [][]byte
	state      []byte
	stateIndex uint32
}

func (m *modelContract) hash(i uint32) api.Hash { return stategen.Keccak(m.deltas[i]) }
func (m *modelContract) tip() uint32            { return uint32(len(m.deltas) - 1) }

// TestAgainstModel runs a seeded random sequence of valid and invalid
// writes against the store and a dumb in-memory model, and compares every
// error code and, periodically, everything readable.
func TestAgainstModel(t *testing.T) {
	ctx := context.Background()
	cfg := state.TestConfig()
	s, err := state.Open(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rng := rand.New(rand.NewPCG(2026, 11))
	g := stategen.New(77)
	g.DeltaBytes, g.StateBytes = 16, 16

	contracts := map[api.ContractAddress]*modelContract{}
	var addrs []api.ContractAddress
	results := map[api.TaskID][]byte{} // task id -> output, to compare
	var ids []api.TaskID

	pick := func() (api.ContractAddress, *modelContract) {
		if len(addrs) == 0 || rng.IntN(20) == 0 {
			return g.Hash(), nil // unknown contract
		}
		a := addrs[rng.IntN(len(addrs))]
		return a, contracts[a]
	}
	expect := func(op string, err error, want api.Code) {
		t.Helper()
		got := api.Code(0)
		if err != nil {
			got = api.CodeOf(err)
		}
		if got != want {
			t.Fatalf("%s: got code %d (%v), model says %d", op, got, err, want)
		}
	}
	commit := func(op string, tc *state.TaskCommit, want api.Code) bool {
		t.Helper()
		expect(op, s.CommitTask(ctx, tc), want)
		if want == 0 {
			results[tc.Result.TaskID] = tc.Result.Output
			ids = append(ids, tc.Result.TaskID)
		}
		return want == 0
	}

	for step := range 1500 {
		switch op := rng.IntN(9); op {
		case 0: // deploy
			c, tc := g.Deploy()
			if commit("deploy", tc, 0) {
				contracts[c.Addr] = &modelContract{deltas: [][]byte{tc.Delta.Data}, state: tc.State}
				addrs = append(addrs, c.Addr)
			}
		case 1, 2, 3: // compute with a delta, index and predecessor sometimes wrong
			a, m := pick()
			c := &stategen.Contract{Addr: a}
			if m != nil {
				c.Tip = state.Tip{Index: m.tip(), Hash: m.hash(m.tip())}
			}
			tc := g.Compute(c)
			want := api.Code(0)
			switch {
			case m == nil:
				want = api.CodeNotFound
			case rng.IntN(6) == 0:
				tc.Delta.Index += uint32(rng.IntN(3)) - 1
				if tc.Delta.Index != m.tip()+1 {
					want = api.CodeInvalidInput
				}
				if tc.Delta.Index == 0 {
					want = api.CodeInvalidInput
				}
			case rng.IntN(6) == 0:
				tc.PrevHash = g.Hash()
				want = api.CodeInvalidInput
			}
			if commit("compute", tc, want) {
				m.deltas = append(m.deltas, tc.Delta.Data)
				m.state, m.stateIndex = tc.State, m.tip()
			}
		case 4: // no delta
			a, m := pick()
			tc := g.ComputeNoDelta(&stategen.Contract{Addr: a})
			want := api.Code(0)
			if m == nil {
				want = api.CodeNotFound
			}
			commit("no-delta compute", tc, want)
		case 5: // failure, any contract
			a, _ := pick()
			commit("failure", g.Failure(a), 0)
		case 6: // replay
			if len(ids) == 0 {
				continue
			}
			tc := g.Failure(g.Hash())
			tc.Result.TaskID = ids[rng.IntN(len(ids))]
			commit("replay", tc, api.CodeReplay)
		case 7: // rollback
			a, m := pick()
			if m == nil {
				st := &state.StateBlob{Index: 0, Hash: g.Hash(), Data: []byte{1}}
				expect("rollback unknown", s.RollbackTo(ctx, a, 0, st), api.CodeNotFound)
				continue
			}
			i := uint32(rng.IntN(len(m.deltas)))
			st := &state.StateBlob{Index: i, Hash: m.hash(i), Data: g.Bytes(16)}
			want := api.Code(0)
			if rng.IntN(4) == 0 {
				st.Hash = g.Hash()
				want = api.CodeInvalidInput
			}
			expect("rollback", s.RollbackTo(ctx, a, i, st), want)
			if want == 0 {
				m.deltas = m.deltas[:i+1]
				m.state, m.stateIndex = st.Data, i
			}
		case 8: // put state for an older delta
			a, m := pick()
			if m == nil {
				continue
			}
			i := uint32(rng.IntN(len(m.deltas) + 1))
			st := &state.StateBlob{Index: i, Data: g.Bytes(16)}
			want := api.CodeInvalidInput
			if i <= m.tip() {
				st.Hash, want = m.hash(i), 0
			}
			expect("put state", s.PutState(ctx, a, st), want)
			if want == 0 {
				m.state, m.stateIndex = st.Data, i
			}
		}
		if step%100 == 99 {
			compareWithModel(t, s, contracts, results)
		}
	}
	compareWithModel(t, s, contracts, results)
}

func compareWithModel(t *testing.T, s state.Store, contracts map[api.ContractAddress]*modelContract, results map[api.TaskID][]byte) {
	t.Helper()
	ctx := context.Background()
	got, err := s.Contracts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var want []api.ContractAddress
	for a := range contracts {
		want = append(want, a)
	}
	slices.SortFunc(want, func(x, y api.ContractAddress) int { return bytes.Compare(x[:], y[:]) })
	if !slices.Equal(got, want) {
		t.Fatalf("contracts: %d in the store, %d in the model", len(got), len(want))
	}
	for a, m := range contracts {
		tip, err := s.Tip(ctx, a)
		if err != nil || tip.Index != m.tip() || tip.Hash != m.hash(m.tip()) {
			t.Fatalf("contract %s: tip %+v (%v), model %d", a, tip, err, m.tip())
		}
		hashes, err := s.DeltaHashes(ctx, a, 0, m.tip())
		if err != nil {
			t.Fatal(err)
		}
		for i, h := range hashes {
			if h != m.hash(uint32(i)) {
				t.Fatalf("contract %s: delta %d differs from the model", a, i)
			}
		}
		st, err := s.State(ctx, a)
		if err != nil || st.Index != m.stateIndex || !bytes.Equal(st.Data, m.state) {
			t.Fatalf("contract %s: state differs from the model (%v)", a, err)
		}
	}
	for id, out := range results {
		r, err := s.TaskResult(ctx, id)
		if err != nil || !bytes.Equal(r.Output, out) {
			t.Fatalf("task %s differs from the model (%v)", id, err)
		}
	}
	if err := state.CheckConsistency(ctx, s); err != nil {
		t.Fatal(err)
	}
}
