package examples_test

import (
	"context"
	"strings"
	"testing"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/vm"
	"github.com/enigma-go/enigma/sdk/contract"
)

const (
	sybilRegister = "register(address,bytes32,bytes32[])"
	sybilVouch    = "vouch(address,bytes32,address,bytes32)"
	sybilHuman    = "isUniqueHuman(address)"
)

// sybilAccount is one registered address of the sybil example.
type sybilAccount struct {
	addr   contract.Address
	secret contract.Bytes32
	id     contract.Bytes32 // digest of the id document shown to vouchers
}

func newSybilAccount(n byte) sybilAccount {
	return sybilAccount{
		addr:   contract.Address{0: 0x5b, 19: n},
		secret: contract.Keccak256([]byte("sybil secret"), []byte{n}),
		// examples/sybil's AttributeDigest("gov-id", ...): kind, 0, value.
		id: contract.Keccak256([]byte("gov-id"), []byte{0}, []byte{'X', n}),
	}
}

// query runs a secret query on the instance's state as caller: the state
// must come out unchanged.
func (in *instance) query(caller contract.Address, sig string, args ...any) (*vm.Result, error) {
	in.t.Helper()
	data, err := contract.EncodeArgs(sig, args...)
	if err != nil {
		in.t.Fatal(err)
	}
	before := len(in.state)
	req := vm.Request{Kind: vm.Query, Function: sig, Args: data, State: in.state, GasLimit: gasLimit, Caller: caller}
	res, err := vmEngine(in.t).Run(context.Background(), in.mod, req)
	if len(in.state) != before {
		in.t.Fatalf("query %s changed the state", sig)
	}
	return res, err
}

func (in *instance) isUniqueHuman(a sybilAccount) bool {
	in.t.Helper()
	q, err := in.query(contract.Address{19: 0xcc}, sybilHuman, a.addr)
	if err != nil {
		in.t.Fatalf("query %s: %v", sybilHuman, err)
	}
	task := in.call(sybilHuman, a.addr)
	if len(q.Output) != 32 || string(q.Output) != string(task.Output) {
		in.t.Fatalf("query answered %x, task %x: want the same single bool", q.Output, task.Output)
	}
	return decode[bool](in.t, "(bool)", q.Output)
}

func TestSybilOnVM(t *testing.T) {
	t.Parallel()
	seeds := []sybilAccount{newSybilAccount(100), newSybilAccount(101), newSybilAccount(102)}
	var hashes []contract.Bytes32
	for _, s := range seeds {
		hashes = append(hashes, contract.Keccak256(s.secret[:]))
	}
	c := deploy(t, "sybil", "construct(bytes32[],uint256,uint256)", hashes, 2, 3)
	for _, s := range seeds {
		c.call(sybilRegister, s.addr, s.secret, []contract.Bytes32{s.id})
	}
	alice, bob := newSybilAccount(1), newSybilAccount(2)
	res := c.call(sybilRegister, alice.addr, alice.secret, []contract.Bytes32{alice.id})
	t.Logf("register: %d gas", res.GasUsed)
	res = c.call(sybilVouch, seeds[0].addr, seeds[0].secret, alice.addr, alice.id)
	t.Logf("vouch: %d gas", res.GasUsed)
	if c.isUniqueHuman(alice) {
		t.Fatal("one vouch of two verified alice")
	}
	c.call(sybilVouch, seeds[1].addr, seeds[1].secret, alice.addr, alice.id)
	if !c.isUniqueHuman(alice) {
		t.Fatal("two vouches did not verify alice")
	}
	q, _ := c.query(alice.addr, sybilHuman, alice.addr)
	t.Logf("isUniqueHuman as a query: %d gas", q.GasUsed)

	// Attacks: an unverified voucher, a wrong secret, vouching for oneself.
	c.call(sybilRegister, bob.addr, bob.secret, []contract.Bytes32{bob.id})
	if err := c.fails(sybilVouch, bob.addr, bob.secret, alice.addr, alice.id); !strings.Contains(err.Error(), "only a verified human") {
		t.Fatalf("unverified voucher: %v", err)
	}
	if err := c.fails(sybilVouch, alice.addr, bob.secret, bob.addr, bob.id); !strings.Contains(err.Error(), "wrong secret") {
		t.Fatalf("wrong secret: %v", err)
	}
	if err := c.fails(sybilVouch, alice.addr, alice.secret, alice.addr, alice.id); !strings.Contains(err.Error(), "itself") {
		t.Fatalf("self vouch: %v", err)
	}

	// Alice registers a second account with her own id: the first vouch
	// that attests it exposes both accounts.
	second := newSybilAccount(3)
	c.call(sybilRegister, second.addr, second.secret, []contract.Bytes32{alice.id})
	c.call(sybilVouch, seeds[2].addr, seeds[2].secret, second.addr, alice.id)
	if c.isUniqueHuman(alice) || c.isUniqueHuman(second) {
		t.Fatal("a duplicate kept its status")
	}
	if err := c.fails(sybilVouch, seeds[2].addr, seeds[2].secret, bob.addr, bob.id); !strings.Contains(err.Error(), "lost its vouching power") {
		t.Fatalf("the voucher of a duplicate: %v", err)
	}

	// A query runs query functions only, and cannot write.
	_, err := c.query(alice.addr, sybilVouch, seeds[0].addr, seeds[0].secret, bob.addr, bob.id)
	if api.CodeOf(err) != api.CodeUnknownFunction || !strings.Contains(err.Error(), "not a query function") {
		t.Fatalf("vouch as a query: %v", err)
	}
	if _, err := c.query(alice.addr, sybilRegister, bob.addr, bob.secret, []contract.Bytes32{bob.id}); api.CodeOf(err) != api.CodeUnknownFunction {
		t.Fatalf("register as a query: %v", err)
	}
}
