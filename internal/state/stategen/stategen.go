// Package stategen builds synthetic but well-formed task commits (random
// ciphertext-like bytes, correctly chained deltas) for the state store's
// conformance suite, crash tests and benchmarks.
//
// It imports only api, state and Keccak-256; nothing in production uses it.
package stategen

import (
	"encoding/binary"
	"math/rand/v2"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/state"
)

// Gen makes commits from a seeded random stream. Not safe for concurrent
// use: give each goroutine its own.
type Gen struct {
	rng *rand.ChaCha8

	DeltaBytes, StateBytes, OutputBytes int
}

// New returns a generator with sizes typical of the sample contracts.
func New(seed uint64) *Gen {
	var s [32]byte
	binary.LittleEndian.PutUint64(s[:], seed)
	return &Gen{rng: rand.NewChaCha8(s), DeltaBytes: 200, StateBytes: 1024, OutputBytes: 64}
}

// Bytes returns n random bytes.
func (g *Gen) Bytes(n int) []byte {
	b := make([]byte, n)
	_, _ = g.rng.Read(b)
	return b
}

// Hash returns a random 32-byte value (task ids, addresses).
func (g *Gen) Hash() (h api.Hash) {
	_, _ = g.rng.Read(h[:])
	return h
}

// Contract tracks the tip a generator chains the next delta to.
type Contract struct {
	Addr api.ContractAddress
	Tip  state.Tip
}

func (g *Gen) result(kind state.Kind, id, addr api.Hash) state.TaskResult {
	return state.TaskResult{
		TaskID: id, Contract: addr, Kind: kind, Status: api.StatusSuccess,
		Output: g.Bytes(g.OutputBytes), UsedGas: g.rng.Uint64() % 1_000_000, Signature: g.Bytes(65),
	}
}

// Deploy returns a new contract and the commit of its deploy task.
func (g *Gen) Deploy() (*Contract, *state.TaskCommit) {
	addr := g.Hash()
	r := g.result(state.KindDeploy, addr, addr)
	r.PreCodeHash = g.Hash()
	c := &state.TaskCommit{
		Result: r,
		Code:   g.Bytes(512),
		Delta:  &state.Delta{Index: 0, Data: g.Bytes(g.DeltaBytes)},
		State:  g.Bytes(g.StateBytes),
	}
	return &Contract{Addr: addr}, c
}

// Compute returns a compute task writing the delta after c's tip. Call
// Advance once it is committed.
func (g *Gen) Compute(c *Contract) *state.TaskCommit {
	r := g.result(state.KindCompute, g.Hash(), c.Addr)
	return &state.TaskCommit{
		Result:   r,
		Delta:    &state.Delta{Index: c.Tip.Index + 1, Data: g.Bytes(g.DeltaBytes)},
		PrevHash: c.Tip.Hash,
		State:    g.Bytes(g.StateBytes),
	}
}

// ComputeNoDelta returns a compute task that changed no state.
func (g *Gen) ComputeNoDelta(c *Contract) *state.TaskCommit {
	return &state.TaskCommit{Result: g.result(state.KindCompute, g.Hash(), c.Addr)}
}

// Failure returns a failed compute task on addr.
func (g *Gen) Failure(addr api.ContractAddress) *state.TaskCommit {
	r := g.result(state.KindCompute, g.Hash(), addr)
	r.Status = api.StatusFailed
	return &state.TaskCommit{Result: r}
}

// Advance moves c's tip to the delta tc wrote, if any.
func (c *Contract) Advance(tc *state.TaskCommit) {
	if tc.Delta != nil {
		c.Tip = state.Tip{Index: tc.Delta.Index, Hash: api.Hash(Keccak(tc.Delta.Data))}
	}
}
