//go:build !wasip1

package main

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/enigma-go/enigma/sdk/contract"
)

// referenceStatus computes who is verified from scratch, the way the
// package comment defines it: the least fixed point from the seeds over
// counted vouches, duplicates excluded.
func referenceStatus(all map[contract.Address]account, threshold int) map[contract.Address]bool {
	human := map[contract.Address]bool{}
	for addr, a := range all {
		if a.Seed && !a.Duplicate {
			human[addr] = true
		}
	}
	for grew := true; grew; {
		grew = false
		for addr, a := range all {
			if human[addr] || a.Duplicate {
				continue
			}
			n := 0
			for _, w := range a.Vouches {
				if w.Counted && human[w.By] {
					n++
				}
			}
			if n >= threshold {
				human[addr], grew = true, true
			}
		}
	}
	return human
}

func loadAccounts(t *testing.T, state map[string][]byte) map[contract.Address]account {
	t.Helper()
	all := map[contract.Address]account{}
	for k, v := range state {
		s, ok := strings.CutPrefix(k, accountPrefix)
		if !ok {
			continue
		}
		addr, err := contract.ParseAddress(s)
		if err != nil {
			t.Fatal(err)
		}
		var a account
		if err := json.Unmarshal(v, &a); err != nil {
			t.Fatal(err)
		}
		all[addr] = a
	}
	return all
}

// TestIncrementalStatusMatchesTheFixedPoint runs random registrations and
// vouches, with attributes drawn from a small pool so that duplicates
// happen, and checks after every task that the statuses the contract keeps
// up to date task by task are the ones computed from scratch.
func TestIncrementalStatusMatchesTheFixedPoint(t *testing.T) {
	totalCascades := 0
	for seed := range uint64(20) {
		r := rand.New(rand.NewPCG(seed, 1))
		const k, limit = 2, 6
		w := deployWith(t, 4, k, limit)
		people := append([]person(nil), w.seeds...)
		was := map[contract.Address]bool{}
		for _, p := range people {
			was[p.addr] = true
		}
		pool := make([]contract.Bytes32, 24)
		for i := range pool {
			pool[i] = AttributeDigest("gov-id", string(rune('A'+i)))
		}
		dups, cascades := 0, 0
		for step := range 200 {
			if len(people) < 30 && r.IntN(3) == 0 {
				p := newPerson(byte(len(people)))
				attrs := []contract.Bytes32{pool[r.IntN(len(pool))]}
				if r.IntN(2) == 0 {
					attrs = append(attrs, p.phone)
				}
				p.id = attrs[0]
				if err := w.register(p, attrs...); err != nil {
					t.Fatalf("seed %d step %d: %v", seed, step, err)
				}
				people = append(people, p)
			} else {
				// Mostly verified vouchers, so that statuses spread; the
				// others try and are refused.
				by := people[r.IntN(len(people))]
				if r.IntN(5) > 0 {
					var verified []person
					for _, p := range people {
						if was[p.addr] {
							verified = append(verified, p)
						}
					}
					by = verified[r.IntN(len(verified))]
				}
				to := people[r.IntN(len(people))]
				witness := to.id
				if r.IntN(5) == 0 {
					witness = pool[r.IntN(len(pool))]
				}
				_ = w.vouchWitness(by, to, witness) // refusals are part of the walk
			}
			all := loadAccounts(t, w.h.State)
			want := referenceStatus(all, k)
			dups = 0
			for addr, a := range all {
				_, key := w.h.State[humanPrefix+addr.String()]
				if a.Human != want[addr] || key != want[addr] {
					t.Fatalf("seed %d step %d: %s is human=%v (key %v), the fixed point says %v", seed, step, addr, a.Human, key, want[addr])
				}
				if len(a.Vouched) > limit {
					t.Fatalf("seed %d step %d: %s gave %d vouches", seed, step, addr, len(a.Vouched))
				}
				if a.Duplicate {
					dups++
				} else if was[addr] && !a.Human {
					cascades++ // lost its status through a duplicate voucher
				}
				was[addr] = a.Human
			}
		}
		t.Logf("seed %d: %d accounts, %d verified, %d duplicates, %d lost status by cascade", seed, len(people), len(referenceStatus(loadAccounts(t, w.h.State), k)), dups, cascades)
		totalCascades += cascades
	}
	if totalCascades == 0 {
		t.Fatal("no walk lost a status by cascade: the walk does not exercise shrink")
	}
}
