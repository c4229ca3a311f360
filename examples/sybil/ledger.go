package main

import (
	"bytes"
	"slices"

	"github.com/enigma-go/enigma/sdk/contract"
)

// State keys: one value per account and per attested attribute, so a task
// reads and writes only the accounts it touches. The enclave encrypts the
// whole state, keys included.
const (
	paramsKey      = "params"    // params
	seedsKey       = "seeds"     // Keccak-256 of each unused seed secret -> true
	accountPrefix  = "account/"  // + address -> account
	attestedPrefix = "attested/" // + attribute digest -> the first account it was attested on
	humanPrefix    = "human/"    // + address -> true, present while the account is verified
)

type params struct {
	Threshold  int `json:"threshold"`   // distinct verified vouchers needed
	VouchLimit int `json:"vouch_limit"` // vouches one account may give
}

type account struct {
	Secret     contract.Bytes32   `json:"secret"` // Keccak-256 of the account's secret
	Attributes []contract.Bytes32 `json:"attributes"`
	Seed       bool               `json:"seed,omitempty"`
	Human      bool               `json:"human,omitempty"`     // verified (mirrored by the human/ key)
	Duplicate  bool               `json:"duplicate,omitempty"` // shares an attested attribute: never verified again
	Struck     bool               `json:"struck,omitempty"`    // vouched for a duplicate: cannot vouch any more
	Vouches    []vouch            `json:"vouches,omitempty"`   // received
	Vouched    []contract.Address `json:"vouched,omitempty"`   // given, at most the vouch limit
}

type vouch struct {
	By      contract.Address `json:"by"`
	Counted bool             `json:"counted"` // the witness was one of the account's attributes
}

// ledger is the accounts one task has loaded; flush writes back those it
// changed and keeps the human/ keys in step.
type ledger struct {
	params   params
	accts    map[contract.Address]*account // nil: looked up, not registered
	humanWas map[contract.Address]bool
	dirty    map[contract.Address]bool
}

func newLedger() *ledger {
	return &ledger{
		params:   contract.ReadOr(paramsKey, params{}),
		accts:    map[contract.Address]*account{},
		humanWas: map[contract.Address]bool{},
		dirty:    map[contract.Address]bool{},
	}
}

func (l *ledger) get(addr contract.Address) *account {
	if a, ok := l.accts[addr]; ok {
		return a
	}
	var a *account
	if v, ok := contract.Read[account](accountPrefix + addr.String()); ok {
		a = &v
		l.humanWas[addr] = a.Human
	}
	l.accts[addr] = a
	return a
}

func (l *ledger) add(addr contract.Address, a *account) *account {
	l.accts[addr] = a
	l.touch(addr)
	return a
}

func (l *ledger) touch(addr contract.Address) { l.dirty[addr] = true }

// human reads an account's status from the small human/ key unless the
// account is loaded already.
func (l *ledger) human(addr contract.Address) bool {
	if a, ok := l.accts[addr]; ok {
		return a != nil && a.Human
	}
	_, ok := contract.Read[bool](humanPrefix + addr.String())
	return ok
}

// supported says whether addr qualifies as verified from the statuses of
// its vouchers: a seed, or threshold distinct verified vouchers whose
// witness matched.
func (l *ledger) supported(addr contract.Address) bool {
	a := l.get(addr)
	if a.Duplicate {
		return false
	}
	if a.Seed {
		return true
	}
	n := 0
	for _, w := range a.Vouches {
		if w.Counted && l.human(w.By) {
			n++
		}
	}
	return n >= l.params.Threshold
}

// grow verifies addr if its vouches now suffice, then the accounts it had
// vouched for while verified before (their vouch from it counts again).
func (l *ledger) grow(addr contract.Address) {
	queue := []contract.Address{addr}
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		a := l.get(x)
		if a.Human || !l.supported(x) {
			continue
		}
		a.Human = true
		l.touch(x)
		queue = append(queue, a.Vouched...)
	}
}

// attest records that digest d was attested on addr and reports whether
// addr is still in good standing. If d was attested on another account
// first, both are duplicates.
func (l *ledger) attest(addr contract.Address, d contract.Bytes32) bool {
	key := attestedPrefix + d.String()
	first, seen := contract.Read[contract.Address](key)
	if !seen {
		contract.Write(key, addr)
		return true
	}
	if first == addr {
		return true
	}
	l.duplicate(first, addr)
	return false
}

// duplicate marks both accounts as duplicates, strikes the vouchers whose
// vouches counted for second (the account attested second) and takes away
// the status that leaned on either account.
func (l *ledger) duplicate(first, second contract.Address) {
	var lost []contract.Address
	for _, addr := range []contract.Address{first, second} {
		a := l.get(addr)
		if a.Human {
			lost = append(lost, addr)
		}
		a.Duplicate, a.Human = true, false
		l.touch(addr)
	}
	for _, w := range l.get(second).Vouches {
		if w.Counted {
			l.get(w.By).Struck = true
			l.touch(w.By)
		}
	}
	l.shrink(lost)
}

// shrink recomputes the statuses that depended on accounts that lost
// theirs: it unverifies every verified account reachable from them through
// verified vouchers, then verifies again those that other verified vouchers
// still support, until nothing changes. Accounts outside that set have no
// voucher inside it, so their status stands; the result is the least fixed
// point from the seeds, in which a cycle of vouches supports nothing.
func (l *ledger) shrink(lost []contract.Address) {
	var affected []contract.Address
	queue := slices.Clone(lost)
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		for _, z := range l.get(x).Vouched {
			if a := l.get(z); a != nil && a.Human {
				a.Human = false
				l.touch(z)
				affected = append(affected, z)
				queue = append(queue, z)
			}
		}
	}
	for grew := true; grew; {
		grew = false
		for _, z := range affected {
			if a := l.get(z); !a.Human && l.supported(z) {
				a.Human, grew = true, true
			}
		}
	}
}

// flush writes the changed accounts, in address order so that every
// execution of a task does the same work and uses the same gas.
func (l *ledger) flush() {
	addrs := make([]contract.Address, 0, len(l.dirty))
	for addr := range l.dirty {
		addrs = append(addrs, addr)
	}
	slices.SortFunc(addrs, func(a, b contract.Address) int { return bytes.Compare(a[:], b[:]) })
	for _, addr := range addrs {
		a := l.accts[addr]
		contract.Write(accountPrefix+addr.String(), a)
		if a.Human == l.humanWas[addr] {
			continue
		}
		if a.Human {
			contract.Write(humanPrefix+addr.String(), true)
		} else {
			contract.Remove(humanPrefix + addr.String())
		}
	}
}
