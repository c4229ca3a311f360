// Package statetest is the conformance suite every state.Store backend must
// pass: call Run from the backend's tests with a way to open it.
//
// It imports testing, api, state and stategen; production code must not
// import it.
package statetest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/internal/state/stategen"
)

// Location returns an opener for one fresh, persistent location of the
// backend: every store it opens sees what the earlier, closed ones wrote.
type Location func(t *testing.T) (open func() (state.Store, error))

// Run runs the whole suite.
func Run(t *testing.T, loc Location) {
	tests := []struct {
		name string
		fn   func(t *testing.T, loc Location)
	}{
		{"DeployAndCompute", testDeployAndCompute},
		{"NoDeltaAndFailure", testNoDeltaAndFailure},
		{"BadInputWritesNothing", testBadInput},
		{"Reopen", testReopen},
		{"ConcurrentCommits", testConcurrent},
		{"RacingSameIndex", testRacingSameIndex},
		{"ExportImport", testExportImport},
		{"ImportRejects", testImportRejects},
		{"Rollback", testRollback},
		{"RolledBackDeltasByHash", testRolledBackByHash},
		{"Sealed", testSealed},
		{"PendingTasks", testPending},
		{"PruneResults", testPruneResults},
		{"Batches", testBatches},
		{"Closed", testClosed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, loc) })
	}
}

func open(t *testing.T, loc Location) (state.Store, func() (state.Store, error)) {
	t.Helper()
	o := loc(t)
	s, err := o()
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, o
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func wantCode(t *testing.T, err error, code api.Code, what string) {
	t.Helper()
	if api.CodeOf(err) != code {
		t.Fatalf("%s: got error %v (code %d), want code %d", what, err, api.CodeOf(err), code)
	}
}

func commit(t *testing.T, s state.Store, c *stategen.Contract, tc *state.TaskCommit) {
	t.Helper()
	must(t, s.CommitTask(context.Background(), tc))
	if c != nil {
		c.Advance(tc)
	}
}

// deployChain deploys a contract and commits n computes with deltas.
func deployChain(t *testing.T, s state.Store, g *stategen.Gen, n int) (*stategen.Contract, []*state.TaskCommit) {
	t.Helper()
	c, d := g.Deploy()
	commit(t, s, c, d)
	all := []*state.TaskCommit{d}
	for range n {
		tc := g.Compute(c)
		commit(t, s, c, tc)
		all = append(all, tc)
	}
	return c, all
}

func check(t *testing.T, s state.Store) {
	t.Helper()
	if err := state.CheckConsistency(context.Background(), s); err != nil {
		t.Fatalf("store inconsistent: %v", err)
	}
}

func testDeployAndCompute(t *testing.T, loc Location) {
	ctx := context.Background()
	s, _ := open(t, loc)
	g := stategen.New(1)
	c, commits := deployChain(t, s, g, 3)

	tip, err := s.Tip(ctx, c.Addr)
	must(t, err)
	if tip != c.Tip || tip.Index != 3 {
		t.Fatalf("tip = %+v, want %+v", tip, c.Tip)
	}
	code, err := s.Code(ctx, c.Addr)
	must(t, err)
	if !bytes.Equal(code, commits[0].Code) {
		t.Fatal("code differs from the deploy's")
	}
	hashes, err := s.DeltaHashes(ctx, c.Addr, 0, 3)
	must(t, err)
	for i, tc := range commits {
		d, err := s.Delta(ctx, c.Addr, uint32(i))
		must(t, err)
		if !bytes.Equal(d.Data, tc.Delta.Data) || d.Hash != stategen.Keccak(tc.Delta.Data) || hashes[i] != d.Hash {
			t.Fatalf("delta %d does not round-trip", i)
		}
		r, err := s.TaskResult(ctx, tc.Result.TaskID)
		must(t, err)
		want := tc.Result
		want.Delta = &state.DeltaRef{Index: uint32(i), Hash: d.Hash}
		if err := sameResult(r, &want); err != nil {
			t.Fatalf("result %d: %v", i, err)
		}
	}
	st, err := s.State(ctx, c.Addr)
	must(t, err)
	if st.Index != 3 || st.Hash != tip.Hash || !bytes.Equal(st.Data, commits[3].State) {
		t.Fatalf("state = index %d hash %s, want the last task's", st.Index, st.Hash)
	}
	addrs, err := s.Contracts(ctx)
	must(t, err)
	if len(addrs) != 1 || addrs[0] != c.Addr {
		t.Fatalf("contracts = %v", addrs)
	}
	_, err = s.DeltaHashes(ctx, c.Addr, 2, 4)
	wantCode(t, err, api.CodeNotFound, "hashes past the tip")
	_, err = s.DeltaHashes(ctx, c.Addr, 3, 2)
	wantCode(t, err, api.CodeInvalidInput, "reversed range")
	_, err = s.Delta(ctx, c.Addr, 4)
	wantCode(t, err, api.CodeNotFound, "delta past the tip")
	check(t, s)
}

func sameResult(got, want *state.TaskResult) error {
	a, err := got.MarshalBinary()
	if err != nil {
		return err
	}
	b, err := want.MarshalBinary()
	if err != nil {
		return err
	}
	if !bytes.Equal(a, b) {
		return fmt.Errorf("got %+v, want %+v", got, want)
	}
	return nil
}

func testNoDeltaAndFailure(t *testing.T, loc Location) {
	ctx := context.Background()
	s, _ := open(t, loc)
	g := stategen.New(2)
	c, _ := deployChain(t, s, g, 1)
	before := c.Tip

	nd := g.ComputeNoDelta(c)
	commit(t, s, c, nd)
	f := g.Failure(c.Addr)
	commit(t, s, c, f)
	fu := g.Failure(g.Hash()) // a task on a contract nobody has
	commit(t, s, nil, fu)

	tip, err := s.Tip(ctx, c.Addr)
	must(t, err)
	if tip != before {
		t.Fatalf("tip moved to %+v on tasks without a delta", tip)
	}
	for _, tc := range []*state.TaskCommit{nd, f, fu} {
		r, err := s.TaskResult(ctx, tc.Result.TaskID)
		must(t, err)
		if err := sameResult(r, &tc.Result); err != nil {
			t.Fatal(err)
		}
	}
	_, err = s.Tip(ctx, fu.Result.Contract)
	wantCode(t, err, api.CodeNotFound, "failure on an unknown contract must not create it")
	check(t, s)
}

func testBadInput(t *testing.T, loc Location) {
	ctx := context.Background()
	s, _ := open(t, loc)
	g := stategen.New(3)
	c, _ := deployChain(t, s, g, 2)

	type bad struct {
		name string
		tc   func() *state.TaskCommit
		code api.Code
	}
	cases := []bad{
		{"unknown contract", func() *state.TaskCommit {
			x := &stategen.Contract{Addr: g.Hash()}
			return g.Compute(x)
		}, api.CodeNotFound},
		{"index skips ahead", func() *state.TaskCommit {
			tc := g.Compute(c)
			tc.Delta.Index++
			return tc
		}, api.CodeInvalidInput},
		{"index repeats the tip", func() *state.TaskCommit {
			tc := g.Compute(c)
			tc.Delta.Index--
			return tc
		}, api.CodeInvalidInput},
		{"wrong previous hash", func() *state.TaskCommit {
			tc := g.Compute(c)
			tc.PrevHash = g.Hash()
			return tc
		}, api.CodeInvalidInput},
		{"delta hash does not match", func() *state.TaskCommit {
			tc := g.Compute(c)
			tc.Delta.Hash = g.Hash()
			return tc
		}, api.CodeTampered},
		{"state without a delta", func() *state.TaskCommit {
			tc := g.ComputeNoDelta(c)
			tc.State = g.Bytes(10)
			return tc
		}, api.CodeInvalidInput},
		{"delta without state", func() *state.TaskCommit {
			tc := g.Compute(c)
			tc.State = nil
			return tc
		}, api.CodeInvalidInput},
		{"compute writes code", func() *state.TaskCommit {
			tc := g.Compute(c)
			tc.Code = []byte{1}
			return tc
		}, api.CodeInvalidInput},
		{"failure writes a delta", func() *state.TaskCommit {
			tc := g.Compute(c)
			tc.Result.Status = api.StatusFailed
			return tc
		}, api.CodeInvalidInput},
		{"status not final", func() *state.TaskCommit {
			tc := g.ComputeNoDelta(c)
			tc.Result.Status = api.StatusInProgress
			return tc
		}, api.CodeInvalidInput},
		{"deploy address is not the task id", func() *state.TaskCommit {
			_, tc := g.Deploy()
			tc.Result.Contract = g.Hash()
			return tc
		}, api.CodeInvalidInput},
		{"deploy without delta 0", func() *state.TaskCommit {
			_, tc := g.Deploy()
			tc.Delta.Index = 1
			return tc
		}, api.CodeInvalidInput},
		{"redeploy", func() *state.TaskCommit {
			_, tc := g.Deploy()
			tc.Result.TaskID, tc.Result.Contract = c.Addr, c.Addr
			return tc
		}, api.CodeReplay},
		{"result names another delta", func() *state.TaskCommit {
			tc := g.Compute(c)
			tc.Result.Delta = &state.DeltaRef{Index: 9}
			return tc
		}, api.CodeInvalidInput},
		{"zero task id", func() *state.TaskCommit {
			tc := g.ComputeNoDelta(c)
			tc.Result.TaskID = api.Hash{}
			return tc
		}, api.CodeInvalidInput},
	}
	for _, b := range cases {
		tc := b.tc()
		wantCode(t, s.CommitTask(ctx, tc), b.code, b.name)
		if _, err := s.TaskResult(ctx, tc.Result.TaskID); api.CodeOf(err) != api.CodeNotFound && b.code != api.CodeReplay {
			t.Fatalf("%s: a rejected task left a result (err %v)", b.name, err)
		}
	}
	wantCode(t, s.CommitTask(ctx, nil), api.CodeInvalidInput, "nil commit")

	// Replaying a committed task id changes nothing, even with other data.
	tc := g.Compute(c)
	commit(t, s, c, tc)
	again := g.Compute(c)
	again.Result.TaskID = tc.Result.TaskID
	wantCode(t, s.CommitTask(ctx, again), api.CodeReplay, "replayed task id")
	tip, err := s.Tip(ctx, c.Addr)
	must(t, err)
	if tip != c.Tip {
		t.Fatal("a replay moved the tip")
	}
	r, err := s.TaskResult(ctx, tc.Result.TaskID)
	must(t, err)
	if !bytes.Equal(r.Output, tc.Result.Output) {
		t.Fatal("a replay overwrote the result")
	}
	_, err = s.TaskResult(ctx, g.Hash())
	wantCode(t, err, api.CodeNotFound, "unknown task")
	_, err = s.Code(ctx, g.Hash())
	wantCode(t, err, api.CodeNotFound, "unknown code")
	_, err = s.State(ctx, g.Hash())
	wantCode(t, err, api.CodeNotFound, "unknown state")
	check(t, s)
}

func testReopen(t *testing.T, loc Location) {
	ctx := context.Background()
	s, o := open(t, loc)
	g := stategen.New(4)
	c, commits := deployChain(t, s, g, 5)
	must(t, s.PutSealed(ctx, "key", []byte("sealed")))
	must(t, s.Close())

	s2, err := o()
	must(t, err)
	defer s2.Close()
	tip, err := s2.Tip(ctx, c.Addr)
	must(t, err)
	if tip != c.Tip {
		t.Fatalf("tip after reopen %+v, want %+v", tip, c.Tip)
	}
	for _, tc := range commits {
		if _, err := s2.TaskResult(ctx, tc.Result.TaskID); err != nil {
			t.Fatal(err)
		}
	}
	b, err := s2.GetSealed(ctx, "key")
	must(t, err)
	if string(b) != "sealed" {
		t.Fatal("sealed blob lost")
	}
	commit(t, s2, c, g.Compute(c))
	check(t, s2)
}

func testConcurrent(t *testing.T, loc Location) {
	ctx := context.Background()
	s, _ := open(t, loc)
	const writers, perWriter = 8, 25
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	ids := make([][]api.TaskID, writers)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			g := stategen.New(uint64(100 + w))
			c, d := g.Deploy()
			if err := s.CommitTask(ctx, d); err != nil {
				errs <- err
				return
			}
			c.Advance(d)
			ids[w] = append(ids[w], d.Result.TaskID)
			for i := range perWriter {
				tc := g.Compute(c)
				if i%5 == 4 {
					tc = g.ComputeNoDelta(c)
				}
				if err := s.CommitTask(ctx, tc); err != nil {
					errs <- err
					return
				}
				c.Advance(tc)
				ids[w] = append(ids[w], tc.Result.TaskID)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	for _, list := range ids {
		for _, id := range list {
			if _, err := s.TaskResult(ctx, id); err != nil {
				t.Fatal(err)
			}
		}
	}
	addrs, err := s.Contracts(ctx)
	must(t, err)
	if len(addrs) != writers {
		t.Fatalf("%d contracts, want %d", len(addrs), writers)
	}
	check(t, s)
}

// testRacingSameIndex has several writers race for the same next index:
// exactly one wins each round and the chain stays linear.
func testRacingSameIndex(t *testing.T, loc Location) {
	ctx := context.Background()
	s, _ := open(t, loc)
	g := stategen.New(5)
	c, _ := deployChain(t, s, g, 0)
	const racers, rounds = 4, 10
	for range rounds {
		tcs := make([]*state.TaskCommit, racers)
		for i := range tcs {
			tcs[i] = g.Compute(c)
		}
		var wg sync.WaitGroup
		errs := make([]error, racers)
		for i := range tcs {
			wg.Add(1)
			go func() { defer wg.Done(); errs[i] = s.CommitTask(ctx, tcs[i]) }()
		}
		wg.Wait()
		won := 0
		for i, err := range errs {
			switch {
			case err == nil:
				won++
				c.Advance(tcs[i])
			case api.CodeOf(err) != api.CodeInvalidInput:
				t.Fatalf("losing racer: %v", err)
			}
		}
		if won != 1 {
			t.Fatalf("%d racers won one index", won)
		}
	}
	tip, err := s.Tip(ctx, c.Addr)
	must(t, err)
	if tip != c.Tip || tip.Index != rounds {
		t.Fatalf("tip %+v, want %+v", tip, c.Tip)
	}
	check(t, s)
}

func chainOf(t *testing.T, s state.Store, addr api.ContractAddress) state.ChainRecord {
	t.Helper()
	ctx := context.Background()
	tip, err := s.Tip(ctx, addr)
	must(t, err)
	hashes, err := s.DeltaHashes(ctx, addr, 0, tip.Index)
	must(t, err)
	code, err := s.Code(ctx, addr)
	must(t, err)
	return state.ChainRecord{CodeHash: stategen.Keccak(code), DeltaHashes: hashes}
}

func testExportImport(t *testing.T, loc Location) {
	ctx := context.Background()
	src, _ := open(t, loc)
	dst, _ := open(t, loc)
	g := stategen.New(6)
	c, _ := deployChain(t, src, g, 9)
	chain := chainOf(t, src, c.Addr)

	first, err := src.Export(ctx, c.Addr, 0, 4)
	must(t, err)
	if first.Code == nil || len(first.Deltas) != 5 {
		t.Fatal("export 0..4 lacks code or deltas")
	}
	// The wire form round-trips.
	wire, err := first.MarshalBinary()
	must(t, err)
	var back state.DeltaRange
	must(t, back.UnmarshalBinary(wire))
	n, err := dst.Import(ctx, &back, chain)
	must(t, err)
	if n != 5 {
		t.Fatalf("imported %d, want 5", n)
	}
	_, err = dst.State(ctx, c.Addr)
	wantCode(t, err, api.CodeNotFound, "state of a synced contract before PutState")

	second, err := src.Export(ctx, c.Addr, 5, 9)
	must(t, err)
	if second.Code != nil {
		t.Fatal("export from 5 carries code")
	}
	n, err = dst.Import(ctx, second, chain)
	must(t, err)
	if n != 5 {
		t.Fatalf("imported %d, want 5", n)
	}
	all, err := src.Export(ctx, c.Addr, 0, 9)
	must(t, err)
	n, err = dst.Import(ctx, all, chain)
	must(t, err)
	if n != 0 {
		t.Fatalf("re-import added %d deltas", n)
	}
	tip, err := dst.Tip(ctx, c.Addr)
	must(t, err)
	if tip != c.Tip {
		t.Fatalf("tip after import %+v, want %+v", tip, c.Tip)
	}
	// The enclave rebuilds the state and the worker carries on from it.
	srcState, err := src.State(ctx, c.Addr)
	must(t, err)
	stale := &state.StateBlob{Index: 3, Hash: g.Hash(), Data: []byte{1}}
	wantCode(t, dst.PutState(ctx, c.Addr, stale), api.CodeInvalidInput, "state naming a wrong hash")
	must(t, dst.PutState(ctx, c.Addr, srcState))
	commit(t, dst, c, g.Compute(c))
	check(t, dst)
}

func testImportRejects(t *testing.T, loc Location) {
	ctx := context.Background()
	src, _ := open(t, loc)
	dst, _ := open(t, loc)
	g := stategen.New(7)
	c, _ := deployChain(t, src, g, 5)
	chain := chainOf(t, src, c.Addr)
	export := func(from, to uint32) *state.DeltaRange {
		r, err := src.Export(ctx, c.Addr, from, to)
		must(t, err)
		return r
	}

	r := export(2, 5)
	_, err := dst.Import(ctx, r, chain)
	wantCode(t, err, api.CodeInvalidInput, "gap on an unknown contract")

	r = export(0, 3)
	r.Deltas[2].Data = append([]byte(nil), r.Deltas[2].Data...)
	r.Deltas[2].Data[0] ^= 1
	_, err = dst.Import(ctx, r, chain)
	wantCode(t, err, api.CodeTampered, "tampered delta")

	r = export(0, 3)
	forged := g.Bytes(50)
	r.Deltas[1] = state.Delta{Index: 1, Hash: stategen.Keccak(forged), Data: forged}
	_, err = dst.Import(ctx, r, chain)
	wantCode(t, err, api.CodeTampered, "delta consistent with itself but not with the chain")

	r = export(0, 3)
	r.Code = g.Bytes(20)
	_, err = dst.Import(ctx, r, chain)
	wantCode(t, err, api.CodeTampered, "code not matching the chain")

	r = export(0, 5)
	short := state.ChainRecord{CodeHash: chain.CodeHash, DeltaHashes: chain.DeltaHashes[:4]}
	_, err = dst.Import(ctx, r, short)
	wantCode(t, err, api.CodeInvalidInput, "range past the chain")

	r = export(0, 3)
	r.Deltas = r.Deltas[:3]
	_, err = dst.Import(ctx, r, chain)
	wantCode(t, err, api.CodeInvalidInput, "range missing a delta")

	if addrs, err := dst.Contracts(ctx); err != nil || len(addrs) != 0 {
		t.Fatalf("rejected imports left contracts %v (%v)", addrs, err)
	}

	_, err = dst.Import(ctx, export(0, 1), chain)
	must(t, err)
	_, err = dst.Import(ctx, export(3, 5), chain)
	wantCode(t, err, api.CodeInvalidInput, "gap after the local tip")

	// A store whose own delta 1 is not the chain's refuses to extend it.
	fork, _ := open(t, loc)
	_, err = fork.Import(ctx, export(0, 0), chain)
	must(t, err)
	fc := &stategen.Contract{Addr: c.Addr, Tip: state.Tip{Index: 0, Hash: chain.DeltaHashes[0]}}
	must(t, fork.PutState(ctx, c.Addr, &state.StateBlob{Index: 0, Hash: chain.DeltaHashes[0], Data: []byte{1}}))
	commit(t, fork, fc, g.Compute(fc))
	_, err = fork.Import(ctx, export(1, 5), chain)
	wantCode(t, err, api.CodeTampered, "local fork")
	_, err = fork.Import(ctx, export(2, 5), chain)
	wantCode(t, err, api.CodeTampered, "extending a local fork")
	_, err = src.Export(ctx, c.Addr, 0, 6)
	wantCode(t, err, api.CodeNotFound, "export past the tip")
	check(t, dst)
}

func testRollback(t *testing.T, loc Location) {
	ctx := context.Background()
	s, _ := open(t, loc)
	g := stategen.New(8)
	c, commits := deployChain(t, s, g, 5)
	h2 := stategen.Keccak(commits[2].Delta.Data)
	st := &state.StateBlob{Index: 2, Hash: h2, Data: commits[2].State}

	wantCode(t, s.RollbackTo(ctx, c.Addr, 6, st), api.CodeInvalidInput, "rollback past the tip")
	wantCode(t, s.RollbackTo(ctx, c.Addr, 2, &state.StateBlob{Index: 2, Hash: g.Hash(), Data: []byte{1}}), api.CodeInvalidInput, "rollback with a wrong hash")
	wantCode(t, s.RollbackTo(ctx, g.Hash(), 2, st), api.CodeNotFound, "rollback of an unknown contract")
	must(t, s.RollbackTo(ctx, c.Addr, 2, st))

	tip, err := s.Tip(ctx, c.Addr)
	must(t, err)
	if tip.Index != 2 || tip.Hash != h2 {
		t.Fatalf("tip after rollback %+v", tip)
	}
	_, err = s.Delta(ctx, c.Addr, 3)
	wantCode(t, err, api.CodeNotFound, "delta removed by the rollback")
	got, err := s.State(ctx, c.Addr)
	must(t, err)
	if got.Index != 2 || !bytes.Equal(got.Data, commits[2].State) {
		t.Fatal("state after rollback")
	}
	c.Tip = tip
	commit(t, s, c, g.Compute(c))
	check(t, s)
}

// A rolled-back delta may still end up on chain (its receipt was mined
// after all): the store keeps it, and the state at the old tip, by hash.
func testRolledBackByHash(t *testing.T, loc Location) {
	ctx := context.Background()
	s, reopen := open(t, loc)
	g := stategen.New(10)
	c, commits := deployChain(t, s, g, 5)
	hash := func(i int) api.Hash { return stategen.Keccak(commits[i].Delta.Data) }
	st := &state.StateBlob{Index: 2, Hash: hash(2), Data: commits[2].State}
	must(t, s.RollbackTo(ctx, c.Addr, 2, st))
	must(t, s.Close())
	s, err := reopen()
	must(t, err)
	t.Cleanup(func() { s.Close() })

	for _, i := range []int{1, 2, 4, 5} {
		d, err := s.DeltaByHash(ctx, c.Addr, hash(i))
		must(t, err)
		if d.Index != uint32(i) || d.Hash != hash(i) || !bytes.Equal(d.Data, commits[i].Delta.Data) {
			t.Fatalf("delta %d by hash: index %d hash %s", i, d.Index, d.Hash)
		}
	}
	got, err := s.StateByHash(ctx, c.Addr, hash(5))
	must(t, err)
	if got.Index != 5 || got.Hash != hash(5) || !bytes.Equal(got.Data, commits[5].State) {
		t.Fatalf("state at the rolled-back tip: index %d hash %s", got.Index, got.Hash)
	}
	if got, err = s.StateByHash(ctx, c.Addr, hash(2)); err != nil || got.Index != 2 {
		t.Fatalf("current state by hash: %+v %v", got, err)
	}
	_, err = s.StateByHash(ctx, c.Addr, hash(4))
	wantCode(t, err, api.CodeNotFound, "state at a rolled-back delta the store never held the state of")
	_, err = s.DeltaByHash(ctx, c.Addr, g.Hash())
	wantCode(t, err, api.CodeNotFound, "delta of an unknown hash")
	_, err = s.DeltaByHash(ctx, g.Hash(), hash(1))
	wantCode(t, err, api.CodeNotFound, "delta of an unknown contract")

	// The rolled-back deltas are no part of the chain: the contract goes on
	// from delta 2, and another rollback keeps the new tip too.
	tip, err := s.Tip(ctx, c.Addr)
	must(t, err)
	c.Tip = tip
	next := g.Compute(c)
	commit(t, s, c, next)
	must(t, s.RollbackTo(ctx, c.Addr, 2, st))
	if d, err := s.DeltaByHash(ctx, c.Addr, stategen.Keccak(next.Delta.Data)); err != nil || d.Index != 3 {
		t.Fatalf("second rolled-back delta: %+v %v", d, err)
	}
	if d, err := s.DeltaByHash(ctx, c.Addr, hash(3)); err != nil || d.Index != 3 {
		t.Fatalf("first rolled-back delta 3 after a second rollback: %+v %v", d, err)
	}
	check(t, s)
}

func testSealed(t *testing.T, loc Location) {
	ctx := context.Background()
	s, _ := open(t, loc)
	must(t, s.PutSealed(ctx, "signing-key", []byte{1, 2, 3}))
	must(t, s.PutSealed(ctx, "signing-key", []byte{4}))
	b, err := s.GetSealed(ctx, "signing-key")
	must(t, err)
	if !bytes.Equal(b, []byte{4}) {
		t.Fatalf("sealed = %x", b)
	}
	_, err = s.GetSealed(ctx, "state-keys")
	wantCode(t, err, api.CodeNotFound, "unknown sealed blob")
	wantCode(t, s.PutSealed(ctx, "", []byte{1}), api.CodeInvalidInput, "empty name")
	wantCode(t, s.PutSealed(ctx, string(make([]byte, 300)), []byte{1}), api.CodeInvalidInput, "long name")
}

func testClosed(t *testing.T, loc Location) {
	ctx := context.Background()
	s, _ := open(t, loc)
	g := stategen.New(9)
	c, _ := deployChain(t, s, g, 0)
	must(t, s.Close())
	must(t, s.Close())
	wantCode(t, s.CommitTask(ctx, g.Compute(c)), api.CodeUnavailable, "commit after close")
	_, err := s.Tip(ctx, c.Addr)
	wantCode(t, err, api.CodeUnavailable, "read after close")

	s2, _ := open(t, loc)
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	_, d := g.Deploy()
	err = s2.CommitTask(cctx, d)
	if err == nil || !errors.Is(err, context.Canceled) {
		t.Fatalf("commit with a cancelled context: %v", err)
	}
}

func testPending(t *testing.T, loc Location) {
	ctx := context.Background()
	s, o := open(t, loc)
	ids := []api.TaskID{{3}, {1}, {2}}
	for i, id := range ids {
		must(t, s.PutPending(ctx, &state.PendingTask{TaskID: id, Contract: api.Hash{9}, Seq: uint64(10 - i), Data: []byte{byte(i)}}))
	}
	must(t, s.PutPending(ctx, &state.PendingTask{TaskID: ids[0], Contract: api.Hash{9}, Seq: 10, Data: []byte("replaced")}))
	must(t, s.DeletePending(ctx, ids[1]))
	must(t, s.DeletePending(ctx, api.TaskID{7})) // none: a no-op
	wantCode(t, s.PutPending(ctx, &state.PendingTask{Contract: api.Hash{9}}), api.CodeInvalidInput, "pending task without id")
	must(t, s.Close())
	s2, err := o()
	must(t, err)
	defer s2.Close()
	got, err := s2.PendingTasks(ctx)
	must(t, err)
	if len(got) != 2 || got[0].TaskID != ids[2] || got[0].Seq != 8 || got[1].TaskID != ids[0] || string(got[1].Data) != "replaced" {
		t.Fatalf("pending after reopen: %+v; want task 2 (seq 8) then task 3 (seq 10, replaced)", got)
	}
}

// failedResult is a cheap result to fill a store with: a failure writes no
// state and needs no deployed contract.
func failedResult(i int) *state.TaskCommit {
	return &state.TaskCommit{Result: state.TaskResult{TaskID: api.TaskID{0xee, byte(i >> 8), byte(i)}, Contract: api.Hash{1},
		Kind: state.KindCompute, Status: api.StatusFailed, Output: []byte{byte(i)}}}
}

func testPruneResults(t *testing.T, loc Location) {
	ctx := context.Background()
	s, o := open(t, loc)
	const n, keep = 50, 20
	for i := range n {
		commit(t, s, nil, failedResult(i))
	}
	// The oldest result's task is still pending: it stays.
	must(t, s.PutPending(ctx, &state.PendingTask{TaskID: failedResult(0).Result.TaskID, Contract: api.Hash{1}, Seq: 1}))
	p, err := s.PruneResults(ctx, state.PruneRule{Keep: keep})
	must(t, err)
	if p.Removed != n-keep || p.Kept != keep {
		t.Fatalf("pruned to %d: %+v; want %d removed, %d kept", keep, p, n-keep, keep)
	}
	for i := range n {
		_, err := s.TaskResult(ctx, failedResult(i).Result.TaskID)
		switch {
		case i == 0 || i >= n-keep+1:
			must(t, err)
		default:
			wantCode(t, err, api.CodeNotFound, fmt.Sprintf("pruned result %d", i))
		}
	}
	// By age: nothing was stored before 1970, everything before an hour from now.
	if p, err = s.PruneResults(ctx, state.PruneRule{Before: time.Unix(1, 0), Keep: -1}); err != nil || p.Removed != 0 || p.Kept != keep {
		t.Fatalf("prune before 1970: %+v %v", p, err)
	}
	must(t, s.Close())
	s2, err := o()
	must(t, err)
	defer s2.Close()
	commit(t, s2, nil, failedResult(n))
	if p, err = s2.PruneResults(ctx, state.PruneRule{Before: time.Now().Add(time.Hour), Keep: -1}); err != nil || p.Kept != 1 || p.Removed != keep {
		t.Fatalf("prune everything after reopen: %+v %v; want only the pending task's result kept", p, err)
	}
	if _, err := s2.TaskResult(ctx, failedResult(0).Result.TaskID); err != nil {
		t.Fatalf("the pending task's result: %v", err)
	}
}
