//go:build !wasip1

package main

import (
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"math/big"
	"strings"
	"testing"

	"github.com/enigma-go/enigma/sdk/contract"
)

// person is one human (or one of an attacker's accounts): an address, its
// secret and the digest of the id document it shows vouchers.
type person struct {
	addr   contract.Address
	secret contract.Bytes32
	id     contract.Bytes32
	phone  contract.Bytes32
}

func newPerson(n byte) person {
	return person{
		addr:   contract.Address{0: 0xa0, 19: n},
		secret: contract.Keccak256([]byte{'s', n}),
		id:     AttributeDigest("gov-id", fmt.Sprintf("CH:X%07d", n)),
		phone:  AttributeDigest("phone", fmt.Sprintf("+4144555%04d", n)),
	}
}

// world is a deployed contract with its seeds registered.
type world struct {
	t     *testing.T
	h     *contract.TestHost
	seeds []person
}

const (
	threshold  = 2
	vouchLimit = 3
)

func deploy(t *testing.T, nSeeds int) *world {
	t.Helper()
	return deployWith(t, nSeeds, threshold, vouchLimit)
}

func deployWith(t *testing.T, nSeeds, threshold, vouchLimit int) *world {
	t.Helper()
	w := &world{t: t, h: contract.NewTestHost()}
	var hashes []contract.Bytes32
	for i := range nSeeds {
		s := newPerson(byte(200 + i))
		w.seeds = append(w.seeds, s)
		hashes = append(hashes, contract.Keccak256(s.secret[:]))
	}
	if _, err := w.h.Deploy("construct(bytes32[],uint256,uint256)", hashes, threshold, vouchLimit); err != nil {
		t.Fatal(err)
	}
	for _, s := range w.seeds {
		w.mustRegister(s)
		if !w.human(s) {
			t.Fatalf("seed %s is not verified after registering", s.addr)
		}
	}
	return w
}

func (w *world) register(p person, attrs ...contract.Bytes32) error {
	if attrs == nil {
		attrs = []contract.Bytes32{p.id, p.phone}
	}
	res, err := w.h.Call("register(address,bytes32,bytes32[])", p.addr, p.secret, attrs)
	if err == nil && len(res.Output) != 0 {
		w.t.Fatalf("register returned %x", res.Output)
	}
	return err
}

func (w *world) mustRegister(p person, attrs ...contract.Bytes32) {
	w.t.Helper()
	if err := w.register(p, attrs...); err != nil {
		w.t.Fatalf("register %s: %v", p.addr, err)
	}
}

// vouch has by vouch for p, witnessing p's id.
func (w *world) vouch(by, p person) error { return w.vouchWitness(by, p, p.id) }

func (w *world) vouchWitness(by, p person, witness contract.Bytes32) error {
	res, err := w.h.Call("vouch(address,bytes32,address,bytes32)", by.addr, by.secret, p.addr, witness)
	if err == nil && len(res.Output) != 0 {
		w.t.Fatalf("vouch returned %x", res.Output)
	}
	return err
}

func (w *world) mustVouch(by, p person) {
	w.t.Helper()
	if err := w.vouch(by, p); err != nil {
		w.t.Fatalf("%s vouching for %s: %v", by.addr, p.addr, err)
	}
}

// human asks isUniqueHuman as a secret query and as a task, checks both
// answers are one ABI bool and agree, and that neither changed the state.
func (w *world) human(p person) bool {
	w.t.Helper()
	before := maps.Clone(w.h.State)
	q, err := w.h.Query(contract.Address{19: 0x99}, "isUniqueHuman(address)", p.addr)
	if err != nil {
		w.t.Fatalf("query isUniqueHuman(%s): %v", p.addr, err)
	}
	task, err := w.h.Call("isUniqueHuman(address)", p.addr)
	if err != nil {
		w.t.Fatalf("task isUniqueHuman(%s): %v", p.addr, err)
	}
	if string(q.Output) != string(task.Output) {
		w.t.Fatalf("query says %x, task says %x", q.Output, task.Output)
	}
	if !maps.EqualFunc(before, w.h.State, func(a, b []byte) bool { return string(a) == string(b) }) {
		w.t.Fatal("reading a status changed the state")
	}
	return decodeBool(w.t, q.Output)
}

// decodeBool accepts exactly one ABI word holding 0 or 1: nothing else may
// come back from isUniqueHuman.
func decodeBool(t *testing.T, out []byte) bool {
	t.Helper()
	var b bool
	if len(out) != 32 {
		t.Fatalf("isUniqueHuman returned %d bytes, want one word", len(out))
	}
	if err := contract.DecodeArgs("(bool)", out, &b); err != nil {
		t.Fatal(err)
	}
	return b
}

func wantErr(t *testing.T, err error, part string) {
	t.Helper()
	if err == nil || !strings.Contains(err.Error(), part) {
		t.Fatalf("got error %v, want one containing %q", err, part)
	}
}

// verify registers p and has the first two seeds vouch for it.
func (w *world) verify(p person) {
	w.t.Helper()
	w.mustRegister(p)
	w.mustVouch(w.seeds[0], p)
	w.mustVouch(w.seeds[1], p)
	if !w.human(p) {
		w.t.Fatalf("%s not verified by two seeds", p.addr)
	}
}

func TestConstructorRefusesUnsafeParameters(t *testing.T) {
	seed := func(n byte) contract.Bytes32 { return contract.Keccak256([]byte{n}) }
	two := []contract.Bytes32{seed(1), seed(2)}
	for _, c := range []struct {
		seeds        []contract.Bytes32
		k, limit     uint64
		wantContains string
	}{
		{two, 0, 3, "threshold 0"},
		{two, 17, 3, "threshold 17"},
		{two, 2, 0, "vouch limit 0"},
		{two, 2, 65, "vouch limit 65"},
		{two[:1], 2, 3, "at least the threshold"},
		{nil, 1, 3, "0 seeds"},
		{make([]contract.Bytes32, 65), 1, 3, "at most 64"},
		{[]contract.Bytes32{seed(1), seed(1)}, 2, 3, "repeated"},
		{[]contract.Bytes32{seed(1), {}}, 2, 3, "zero"},
	} {
		h := contract.NewTestHost()
		_, err := h.Deploy("construct(bytes32[],uint256,uint256)", c.seeds, c.k, c.limit)
		wantErr(t, err, c.wantContains)
		if len(h.State) != 0 {
			t.Fatalf("a refused deploy left state %v", h.State)
		}
	}
	// A threshold beyond 64 bits does not wrap around to a small one.
	huge := new(big.Int).Lsh(big.NewInt(1), 64)
	huge.Add(huge, big.NewInt(2))
	if _, err := contract.NewTestHost().Deploy("construct(bytes32[],uint256,uint256)", two, huge, 3); err == nil {
		t.Fatal("a threshold of 2^64+2 was accepted")
	}
}

// The constructor runs once, at deploy: a task cannot run it again to
// replace the seeds or the parameters.
func TestConstructorIsNotATaskFunction(t *testing.T) {
	w := deploy(t, 2)
	mine := []contract.Bytes32{contract.Keccak256([]byte("mine"))}
	_, err := w.h.Call("construct(bytes32[],uint256,uint256)", mine, 1, 64)
	if !errors.Is(err, contract.ErrUnknownFunction) {
		t.Fatalf("construct as a task: %v", err)
	}
}

func TestVouchesUpToTheThreshold(t *testing.T) {
	w := deploy(t, 3)
	alice := newPerson(1)
	if w.human(alice) {
		t.Fatal("an unregistered address is verified")
	}
	w.mustRegister(alice)
	if w.human(alice) {
		t.Fatal("registering alone verified alice")
	}
	w.mustVouch(w.seeds[0], alice)
	if w.human(alice) {
		t.Fatal("one vouch is below the threshold of two")
	}
	w.mustVouch(w.seeds[1], alice)
	if !w.human(alice) {
		t.Fatal("two verified vouchers did not verify alice")
	}
	// Once verified, alice vouches like a seed: with the third seed, bob
	// is verified by a voucher two steps from the genesis.
	bob := newPerson(2)
	w.mustRegister(bob)
	w.mustVouch(alice, bob)
	w.mustVouch(w.seeds[2], bob)
	if !w.human(bob) {
		t.Fatal("bob, vouched for by alice and a seed, is not verified")
	}
	// A vouch may witness any registered attribute, not only the id.
	carol := newPerson(3)
	w.mustRegister(carol)
	if err := w.vouchWitness(alice, carol, carol.phone); err != nil {
		t.Fatal(err)
	}
	w.mustVouch(bob, carol)
	if !w.human(carol) {
		t.Fatal("a phone witness and an id witness did not verify carol")
	}
}

func TestRegistrationRefusesBadInput(t *testing.T) {
	w := deploy(t, 2)
	p := newPerson(1)
	many := []contract.Bytes32{{1}, {2}, {3}, {4}, {5}}
	before := maps.Clone(w.h.State)
	for _, c := range []struct {
		p     person
		attrs []contract.Bytes32
		want  string
	}{
		{person{secret: p.secret}, []contract.Bytes32{p.id}, "zero address"},
		{person{addr: p.addr}, []contract.Bytes32{p.id}, "secret is zero"},
		{p, []contract.Bytes32{}, "0 attributes"},
		{p, many, "5 attributes"},
		{p, []contract.Bytes32{p.id, p.id}, "repeated"},
		{p, []contract.Bytes32{p.id, {}}, "zero"},
	} {
		wantErr(t, w.register(c.p, c.attrs...), c.want)
	}
	if !maps.EqualFunc(before, w.h.State, func(a, b []byte) bool { return string(a) == string(b) }) {
		t.Fatal("refused registrations changed the state")
	}
	// Arguments that do not decode as the signature's fail cleanly.
	if _, err := w.h.Run(false, "register", []byte{1, 2, 3}); err == nil {
		t.Fatal("truncated arguments accepted")
	}
	w.mustRegister(p)
	// A replayed registration, or someone else's for the same address, is
	// refused: the first registrant holds the address.
	wantErr(t, w.register(p), "already registered")
	wantErr(t, w.register(person{addr: p.addr, secret: contract.Bytes32{9}}, p.id), "already registered")
}

func TestVouchRules(t *testing.T) {
	w := deploy(t, 2)
	s0, s1 := w.seeds[0], w.seeds[1]
	alice, stranger := newPerson(1), newPerson(2)
	w.mustRegister(alice)
	w.mustRegister(stranger)

	// Without the account's secret, or for an unknown account: one answer.
	forged := s0
	forged.secret[0] ^= 1
	wantErr(t, w.vouch(forged, alice), "unknown account or wrong secret")
	wantErr(t, w.vouch(newPerson(50), alice), "unknown account or wrong secret")

	// An unverified account cannot vouch, not even for a verified one.
	wantErr(t, w.vouch(stranger, alice), "only a verified human can vouch")
	wantErr(t, w.vouch(stranger, s0), "only a verified human can vouch")

	// Nobody vouches for themselves: a seed cannot, alice cannot.
	wantErr(t, w.vouch(s0, s0), "cannot vouch for itself")
	w.mustVouch(s0, alice)
	w.mustVouch(s1, alice)
	wantErr(t, w.vouch(alice, alice), "cannot vouch for itself")

	// The account vouched for must be registered.
	wantErr(t, w.vouch(s0, newPerson(60)), "not registered")

	// One vouch per voucher and account: the threshold counts distinct
	// vouchers, so the same seed twice does not verify the stranger.
	w.mustVouch(s0, stranger)
	wantErr(t, w.vouch(s0, stranger), "already vouched")
	if w.human(stranger) {
		t.Fatal("one voucher counted twice")
	}

	// A seed has given two vouches (alice, stranger) of three; the third is
	// the last.
	third := newPerson(3)
	w.mustRegister(third)
	w.mustVouch(s0, third)
	fourth := newPerson(4)
	w.mustRegister(fourth)
	wantErr(t, w.vouch(s0, fourth), "no vouches left")
	// Refused vouches do not use up anything: s1 still has two left.
	w.mustVouch(s1, stranger)
	w.mustVouch(s1, fourth)
}

func TestAWitnessThatDoesNotMatchCountsForNothing(t *testing.T) {
	w := deploy(t, 3)
	alice := newPerson(1)
	w.mustRegister(alice)
	// The seed witnesses a made-up digest: the vouch is accepted (the task
	// does not say whether the witness matched) but does not count.
	if err := w.vouchWitness(w.seeds[0], alice, AttributeDigest("gov-id", "CH:X9999999")); err != nil {
		t.Fatal(err)
	}
	w.mustVouch(w.seeds[1], alice)
	if w.human(alice) {
		t.Fatal("a vouch with a wrong witness counted")
	}
	// It used the seed's vouch for alice: it cannot try again.
	wantErr(t, w.vouch(w.seeds[0], alice), "already vouched")
	w.mustVouch(w.seeds[2], alice)
	if !w.human(alice) {
		t.Fatal("two matching vouches did not verify alice")
	}
}

// One person registers many accounts with their real id: the first vouch
// that attests the id on a second account exposes both.
func TestOnePersonManyAccounts(t *testing.T) {
	w := deploy(t, 4)
	s0, s1, s2, s3 := w.seeds[0], w.seeds[1], w.seeds[2], w.seeds[3]
	paul := newPerson(1)
	w.verify(paul) // by s0 and s1

	second := newPerson(2)
	second.id = paul.id // same person, same id card; another phone
	// Registering it is accepted: the registrant cannot learn that the id
	// is known.
	w.mustRegister(second)
	if !w.human(paul) {
		t.Fatal("registering paul's id elsewhere, unattested, changed paul's status")
	}
	// s2 meets paul, checks his id card and vouches for the second account.
	w.mustVouch(s2, second)
	if w.human(paul) || w.human(second) {
		t.Fatal("the id attested on two accounts left one verified")
	}
	// Paul cannot get the second account verified by more vouches.
	w.mustVouch(s3, second)
	if w.human(second) {
		t.Fatal("a duplicate was verified")
	}
	// s2 vouched for the account attested second and loses its vouching
	// power; s0 and s1, who vouched for paul's first account when it was
	// his only one, keep theirs. s3's vouch came after the duplicate was
	// known and did not count, so s3 keeps its power too.
	carol := newPerson(3)
	w.mustRegister(carol)
	wantErr(t, w.vouch(s2, carol), "lost its vouching power")
	w.mustVouch(s0, carol)
	w.mustVouch(s3, carol)
	if !w.human(carol) {
		t.Fatal("s0 and s3 lost their vouching power")
	}
	if !w.human(s2) {
		t.Fatal("a struck voucher lost its own status")
	}
	// A duplicate cannot vouch any more either.
	wantErr(t, w.vouch(paul, carol), "only a verified human can vouch")

	// The id is burned: a third account attested with it is a duplicate at
	// once, and the voucher who attested it is struck as well (carol, who
	// vouched after that, is not).
	third := newPerson(4)
	third.id = paul.id
	w.mustRegister(third)
	w.mustVouch(s1, third)
	w.mustVouch(carol, third)
	if w.human(third) {
		t.Fatal("a third account with a burned id was verified")
	}
	dave := newPerson(5)
	w.mustRegister(dave)
	wantErr(t, w.vouch(s1, dave), "lost its vouching power")
	w.mustVouch(carol, dave)
}

// One person registers a second account with made-up attributes: honest
// vouchers witness the real id card, which that account does not hold.
func TestMadeUpAttributesGetNoVouch(t *testing.T) {
	w := deploy(t, 4)
	paul := newPerson(1)
	w.verify(paul)
	fake := newPerson(2)
	fake.id, fake.phone = AttributeDigest("gov-id", "CH:X0000000"), AttributeDigest("phone", "+41000000000")
	w.mustRegister(fake)
	for _, s := range w.seeds[2:] {
		if err := w.vouchWitness(s, fake, paul.id); err != nil { // what they see is paul's card
			t.Fatal(err)
		}
	}
	if w.human(fake) || !w.human(paul) {
		t.Fatal("a made-up id was verified, or paul lost his status")
	}
}

// A ring of fake accounts vouching for each other has no verified root.
func TestRingWithoutARoot(t *testing.T) {
	w := deploy(t, 2)
	var ring []person
	for i := range 5 {
		p := newPerson(byte(10 + i))
		w.mustRegister(p)
		ring = append(ring, p)
	}
	for i, p := range ring {
		for j, q := range ring {
			if i != j {
				wantErr(t, w.vouch(p, q), "only a verified human can vouch")
			}
		}
	}
	// One honest vouch each (below the threshold of two) does not let the
	// ring bootstrap itself either.
	w.mustVouch(w.seeds[0], ring[0])
	w.mustVouch(w.seeds[1], ring[1])
	wantErr(t, w.vouch(ring[0], ring[1]), "only a verified human can vouch")
	for _, p := range ring {
		if w.human(p) {
			t.Fatalf("ring member %s verified", p.addr)
		}
	}
}

// Status rests on verified vouchers only: when an account is found to be a
// duplicate, the accounts that needed its vouch lose their status, and a
// cycle of accounts cannot keep itself verified.
func TestStatusFollowsTheVouchers(t *testing.T) {
	paul, bob, carol := newPerson(1), newPerson(2), newPerson(3)
	second := newPerson(4)
	second.id = paul.id
	// bob: paul, s2 and a third voucher; carol: paul and bob; bob and carol
	// also vouch for each other.
	scenario := func(t *testing.T, bobsThird func(w *world) person) *world {
		w := deploy(t, 4)
		w.verify(paul) // s0, s1
		w.mustRegister(bob)
		w.mustRegister(carol)
		w.mustVouch(paul, bob)
		w.mustVouch(w.seeds[2], bob)
		w.mustVouch(paul, carol)
		w.mustVouch(bob, carol)
		w.mustVouch(bobsThird(w), bob)
		if bobsThird(w) != carol {
			w.mustVouch(carol, bob)
		}
		if !w.human(bob) || !w.human(carol) {
			t.Fatal("bob and carol not verified")
		}
		w.mustRegister(second)
		w.mustVouch(w.seeds[3], second) // exposes paul
		if w.human(paul) || w.human(second) {
			t.Fatal("paul or his second account kept a status")
		}
		return w
	}
	t.Run("a seed's vouch remains", func(t *testing.T) {
		w := scenario(t, func(w *world) person { return w.seeds[0] })
		// bob keeps s0 and s2; carol is left with bob: one of two.
		if !w.human(bob) {
			t.Fatal("bob lost his status though two seeds vouch for him")
		}
		if w.human(carol) {
			t.Fatal("carol kept her status on paul's vouch")
		}
	})
	t.Run("a cycle does not hold itself up", func(t *testing.T) {
		w := scenario(t, func(w *world) person { return carol })
		// bob has s2 and carol, carol has bob: only a cycle and one seed.
		if w.human(bob) || w.human(carol) {
			t.Fatal("bob and carol kept their status on each other's vouches")
		}
	})
}

// Someone who knows a victim's id number registers it: nothing happens
// until a verified voucher attests it, who then pays for it.
func TestGriefingNeedsAVerifiedAccomplice(t *testing.T) {
	w := deploy(t, 4)
	s0, s1, s2 := w.seeds[0], w.seeds[1], w.seeds[2]
	victim := newPerson(1)
	w.verify(victim) // s0, s1
	mallory := newPerson(2)
	mallory.id = victim.id
	w.mustRegister(mallory) // registered before or after the victim alike
	if !w.human(victim) {
		t.Fatal("registering someone's id took their status")
	}
	// A verified accomplice attests the stolen id: both accounts lose
	// their status (the contract cannot tell the genuine one), the
	// accomplice loses its vouching power, the victim's vouchers do not.
	w.mustVouch(s2, mallory)
	if w.human(victim) || w.human(mallory) {
		t.Fatal("an id attested on two accounts left one verified")
	}
	carol := newPerson(3)
	w.mustRegister(carol)
	wantErr(t, w.vouch(s2, carol), "lost its vouching power")
	w.mustVouch(s0, carol)
	w.mustVouch(s1, carol)
}

func TestSeedSecrets(t *testing.T) {
	w := deploy(t, 2)
	// A seed secret makes one seed: used again for another address it
	// registers an ordinary account.
	again := person{addr: contract.Address{19: 0x77}, secret: w.seeds[0].secret}
	w.mustRegister(again, AttributeDigest("gov-id", "CH:Y"))
	if w.human(again) {
		t.Fatal("a seed secret made a second seed")
	}
	// A seed that registers an id already attested on another seed makes
	// both duplicates.
	h := contract.NewTestHost()
	a, b := newPerson(1), newPerson(2)
	b.id = a.id
	seeds := []contract.Bytes32{contract.Keccak256(a.secret[:]), contract.Keccak256(b.secret[:])}
	if _, err := h.Deploy("construct(bytes32[],uint256,uint256)", seeds, 1, 1); err != nil {
		t.Fatal(err)
	}
	w2 := &world{t: t, h: h}
	w2.mustRegister(a)
	w2.mustRegister(b)
	if w2.human(a) || w2.human(b) {
		t.Fatal("two seeds with one id stayed verified")
	}
}

// The read side: one bool, the same for every kind of "no", only through
// isUniqueHuman; a query cannot run the write functions.
func TestReadSideRevealsOneBool(t *testing.T) {
	w := deploy(t, 4)
	verified, pending, dup, unknown := newPerson(1), newPerson(2), newPerson(3), newPerson(4)
	w.verify(verified)
	w.mustRegister(pending)
	w.mustVouch(w.seeds[2], pending)
	w.verify(dup)
	twin := newPerson(5)
	twin.id = dup.id
	w.mustRegister(twin)
	w.mustVouch(w.seeds[3], twin)

	answer := func(p person) string {
		res, err := w.h.Query(p.addr, "isUniqueHuman(address)", p.addr)
		if err != nil {
			t.Fatal(err)
		}
		return hex.EncodeToString(res.Output)
	}
	no := answer(pending)
	for _, p := range []person{dup, twin, unknown} {
		if got := answer(p); got != no {
			t.Fatalf("%s answers %s, a pending account %s: kinds of no can be told apart", p.addr, got, no)
		}
	}
	if yes := answer(verified); yes == no || !w.human(verified) {
		t.Fatal("a verified account answers like an unverified one")
	}

	// A query reaches query functions only: not register, not vouch.
	before := maps.Clone(w.h.State)
	for _, call := range []struct {
		sig  string
		args []any
	}{
		{"vouch(address,bytes32,address,bytes32)", []any{w.seeds[0].addr, w.seeds[0].secret, pending.addr, pending.id}},
		{"register(address,bytes32,bytes32[])", []any{unknown.addr, unknown.secret, []contract.Bytes32{unknown.id}}},
		{"construct(bytes32[],uint256,uint256)", []any{[]contract.Bytes32{{1}}, 1, 1}},
	} {
		_, err := w.h.Query(w.seeds[0].addr, call.sig, call.args...)
		if !errors.Is(err, contract.ErrUnknownFunction) || !strings.Contains(err.Error(), "not a query function") {
			t.Fatalf("query %s: %v", call.sig, err)
		}
	}
	if !maps.EqualFunc(before, w.h.State, func(a, b []byte) bool { return string(a) == string(b) }) {
		t.Fatal("refused queries changed the state")
	}
	// Extra or malformed arguments do not turn the answer into anything else.
	if _, err := w.h.RunQuery(unknown.addr, "isUniqueHuman", []byte{1}); err == nil {
		t.Fatal("a query with a truncated address answered")
	}
}

// Nothing a task or its failure returns holds an attribute or says who
// vouched: write functions return nothing, and no error text carries a
// digest or another account's address.
func TestNothingLeaksThroughOutputsOrErrors(t *testing.T) {
	w := deploy(t, 3)
	alice, bob := newPerson(1), newPerson(2)
	w.verify(alice)
	w.mustRegister(bob)
	secrets := []string{alice.id.String(), alice.phone.String(), bob.id.String(), bob.phone.String(), w.seeds[0].addr.String(), w.seeds[1].addr.String()}
	for _, s := range secrets {
		secrets = append(secrets, strings.TrimPrefix(s, "0x"))
	}
	check := func(err error) {
		t.Helper()
		if err == nil {
			return
		}
		for _, s := range secrets {
			if strings.Contains(strings.ToLower(err.Error()), strings.ToLower(s)) {
				t.Fatalf("error %q reveals %s", err, s)
			}
		}
	}
	check(w.vouch(bob, alice))
	check(w.vouch(alice, alice))
	check(w.vouch(alice, newPerson(9)))
	check(w.register(alice))
	check(w.vouch(w.seeds[0], alice))
	check(w.register(bob, bob.id, bob.id))
}
