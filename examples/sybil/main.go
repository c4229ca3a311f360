// Command sybil answers one question about an Ethereum address, "is this a
// unique human that other verified humans vouched for?", without revealing
// the secret attributes behind the answer or who vouched for whom. It is one
// of the original Enigma network's seed use cases: sybil prevention through
// social verification.
//
// # How it works
//
// An account is an Ethereum address. Its holder registers it with a secret
// and one to four attribute digests of things a person has only one of: an
// id document's number, a phone number, a biometric template digest (see
// [AttributeDigest]). Genesis humans (seeds), named by the constructor, are
// verified as soon as they register; anyone else needs vouches from
// threshold distinct verified humans. A voucher meets the person, checks
// they control the address (a signed message, say) and checks one of their
// attributes (sees the id card, calls the phone); the vouch names that
// attribute's digest (the witness) and counts only if the vouchee
// registered it. A verified human gives at most vouchLimit vouches, ever.
//
// The witness ties the social check to duplicate detection. A person who
// registers a second account with their real id, and gets it vouched for,
// has that id attested on two accounts; one who registers it with made-up
// digests gets no vouch that counts, because honest vouchers witness the
// real id. An attribute attested on two accounts (by a counted vouch, or by
// a seed registering it) makes both duplicates: they lose their status for
// good, the attribute is burned (any later account attested with it is a
// duplicate too), and the vouchers whose vouches counted for the account
// attested second lose their vouching power: they vouched for someone who
// already had an account. (Their vouches given before still count, and they
// stay verified.) Registering an attribute another account holds changes
// nothing until a verified human attests it, so neither the result of a
// registration nor anyone's status tells the registrant that the attribute
// is known.
//
// Status is the least fixed point from the seeds: only the vouches of
// verified accounts count, so a ring of fake accounts vouching for each
// other never gets in, and when an account turns out to be a duplicate the
// accounts that needed its vouch lose their status with it.
//
// # Authentication
//
// Tasks carry no sender, so the write functions take the account and its
// secret, as the access, poker and creditscore examples do: the task's
// inputs are encrypted to the enclave, so only the holder knows the secret,
// whose Keccak-256 the contract keeps. The Ethereum account that sends (and
// pays for) a task is public on chain and need not be the registered
// address. isUniqueHuman takes the address asked about; it is a secret
// query (no transaction; the answer is sealed to the query's signer) and
// also a task function, for clients that only send tasks.
//
// # What it protects and what it does not
//
// Nothing returns attributes, vouches, vouch counts or who vouched: the only
// answer about an account is one bool, the same for an unknown, a pending
// and a duplicate account. The limits:
//
//   - The contract cannot tell a real attribute from a made-up one: honest
//     vouchers checking documents in person are the defence, and a forged
//     document beats them.
//   - Colluding verified humans can mint fake accounts: c colluders with a
//     limit of v vouches make at most c*v/threshold directly, and those can
//     vouch in turn. Only an attribute collision exposes them.
//   - A verified human willing to lose their vouching power can attest a
//     victim's known attribute (an id number) on another account and take
//     the victim's status: the contract cannot tell which holder is
//     genuine, so both lose it. Recovery needs a process outside it.
//   - A secret, not a signature, proves who registers an address: the first
//     to register an address holds it. A squatter gains nothing (honest
//     vouchers check who controls the address) but blocks it; its owner
//     registers another address.
//   - Digests match exactly: a biometric needs an enrolment that outputs a
//     stable digest. Low-entropy attributes (phone numbers) can be
//     brute-forced from their digests, which is why they never leave the
//     enclave; a compromised enclave would expose them.
//   - Status is public per address, and its changes are observable:
//     watching isUniqueHuman around a task can hint that a vouch counted.
//   - Workers see the size of each task's encrypted state change: a vouch
//     that changes statuses or exposes a duplicate writes more than one
//     that does not.
package main

import (
	"errors"
	"fmt"
	"slices"

	"github.com/enigma-go/enigma/sdk/contract"
)

// Bounds on the constructor's parameters and on what one account registers.
const (
	maxSeeds      = 64
	maxThreshold  = 16
	maxVouchLimit = 64
	maxAttributes = 4
)

func init() {
	contract.PrepareState(
		params{},
		map[contract.Bytes32]bool{{}: true},
		account{Attributes: []contract.Bytes32{{}}, Vouches: []vouch{{}}, Vouched: []contract.Address{{}}},
		contract.Address{},
		true,
	)
	contract.Constructor("construct(bytes32[],uint256,uint256)", construct)
	contract.Register("register(address,bytes32,bytes32[])", register)
	contract.Register("vouch(address,bytes32,address,bytes32)", vouchFor)
	contract.Register("isUniqueHuman(address)", isUniqueHuman)
	contract.Query("isUniqueHuman(address)", isUniqueHuman)
}

// AttributeDigest is the digest a client registers and a voucher witnesses:
// Keccak-256 of the kind, a zero byte and the canonical value, e.g.
// AttributeDigest("phone", "+41445551234"). Both sides must canonicalise
// the value the same way (no spaces, upper-case letters, ...).
func AttributeDigest(kind, value string) contract.Bytes32 {
	return contract.Keccak256([]byte(kind), []byte{0}, []byte(value))
}

// construct takes the Keccak-256 of each seed's secret (the seeds keep the
// secrets, so the deployer cannot act as them), the number of distinct
// verified vouchers an account needs, and how many vouches an account may
// give.
func construct(c *contract.Call) error {
	var seeds []contract.Bytes32
	var threshold, limit uint64
	if err := c.Args(&seeds, &threshold, &limit); err != nil {
		return err
	}
	if threshold < 1 || threshold > maxThreshold {
		return fmt.Errorf("threshold %d: use 1 to %d distinct vouchers (2 or more resists one colluder)", threshold, maxThreshold)
	}
	if limit < 1 || limit > maxVouchLimit {
		return fmt.Errorf("vouch limit %d: use 1 to %d vouches per account", limit, maxVouchLimit)
	}
	if len(seeds) < int(threshold) || len(seeds) > maxSeeds {
		return fmt.Errorf("%d seeds: give at least the threshold (%d), so the seeds can vouch for the first account, and at most %d", len(seeds), threshold, maxSeeds)
	}
	set := map[contract.Bytes32]bool{}
	for _, s := range seeds {
		if s == (contract.Bytes32{}) || set[s] {
			return errors.New("each seed must be the Keccak-256 of its own secret: a zero or repeated seed was given")
		}
		set[s] = true
	}
	contract.Write(paramsKey, params{Threshold: int(threshold), VouchLimit: int(limit)})
	contract.Write(seedsKey, set)
	return nil
}

// register records addr with the Keccak-256 of secret and its attribute
// digests. A seed's secret makes the account a seed, verified at once.
func register(c *contract.Call) error {
	var addr contract.Address
	var secret contract.Bytes32
	var attrs []contract.Bytes32
	if err := c.Args(&addr, &secret, &attrs); err != nil {
		return err
	}
	if addr == (contract.Address{}) {
		return errors.New("register a real address, not the zero address")
	}
	if secret == (contract.Bytes32{}) {
		return errors.New("the secret is zero: choose 32 random bytes and keep them")
	}
	if err := checkAttributes(attrs); err != nil {
		return err
	}
	l := newLedger()
	if l.get(addr) != nil {
		return errors.New("this address is already registered")
	}
	a := l.add(addr, &account{Secret: contract.Keccak256(secret[:]), Attributes: attrs})
	seeds := contract.ReadOr(seedsKey, map[contract.Bytes32]bool{})
	if seeds[a.Secret] {
		delete(seeds, a.Secret) // a seed secret makes one seed
		contract.Write(seedsKey, seeds)
		a.Seed, a.Human = true, true
		for _, d := range attrs {
			l.attest(addr, d)
		}
	}
	l.flush()
	return nil
}

func checkAttributes(attrs []contract.Bytes32) error {
	if len(attrs) < 1 || len(attrs) > maxAttributes {
		return fmt.Errorf("%d attributes: register 1 to %d attribute digests", len(attrs), maxAttributes)
	}
	for i, d := range attrs {
		if d == (contract.Bytes32{}) {
			return fmt.Errorf("attribute %d is zero: register Keccak-256 digests of the attributes", i)
		}
		if slices.Contains(attrs[:i], d) {
			return fmt.Errorf("attribute %d is repeated: register each attribute once", i)
		}
	}
	return nil
}

// vouchFor records that voucher, a verified human, vouches for vouchee,
// having checked the attribute whose digest is witness. It uses one of the
// voucher's vouches whether or not the witness matches, and says nothing
// about the match, so a voucher cannot probe another account's attributes.
func vouchFor(c *contract.Call) error {
	var voucher, vouchee contract.Address
	var secret, witness contract.Bytes32
	if err := c.Args(&voucher, &secret, &vouchee, &witness); err != nil {
		return err
	}
	l := newLedger()
	v := l.get(voucher)
	if v == nil || v.Secret != contract.Keccak256(secret[:]) {
		// One answer for an unknown address and a wrong secret keeps
		// registrations private.
		return errors.New("unknown account or wrong secret")
	}
	switch {
	case vouchee == voucher:
		return errors.New("an account cannot vouch for itself")
	case v.Struck:
		return errors.New("this account lost its vouching power: it vouched for an account found to be a duplicate")
	case !v.Human:
		return errors.New("only a verified human can vouch: get vouched for first")
	case len(v.Vouched) >= l.params.VouchLimit:
		return fmt.Errorf("no vouches left: an account gives at most %d", l.params.VouchLimit)
	}
	a := l.get(vouchee)
	if a == nil {
		return errors.New("the account vouched for is not registered: it must register first")
	}
	if slices.ContainsFunc(a.Vouches, func(w vouch) bool { return w.By == voucher }) {
		return errors.New("this account already vouched for that account")
	}
	counted := !a.Duplicate && slices.Contains(a.Attributes, witness)
	v.Vouched = append(v.Vouched, vouchee)
	a.Vouches = append(a.Vouches, vouch{By: voucher, Counted: counted})
	l.touch(voucher)
	l.touch(vouchee)
	if counted {
		if l.attest(vouchee, witness) {
			l.grow(vouchee)
		}
	}
	l.flush()
	return nil
}

// isUniqueHuman returns whether addr is a verified unique human: one bool,
// false alike for an unknown, a pending and a duplicate account. It reads
// one small state value, so it is cheap as a query.
func isUniqueHuman(c *contract.Call) error {
	var addr contract.Address
	if err := c.Args(&addr); err != nil {
		return err
	}
	_, ok := contract.Read[bool](humanPrefix + addr.String())
	return c.Return(ok)
}

func main() {}
