// Command erc20 is a token whose balances and transfers are secret: only
// the holders of an account learn its balance. Accounts are identified, as
// in the original Enigma ERC20 example, by the Keccak-256 of their
// secp256k1 public key (bytes32), and every change is authorised by that
// key's signature over the Keccak-256 of the length-prefixed parts
// [recipient, amount as 8 big-endian bytes] (enigma-js utils.hash).
//
// Signatures and state layout follow the original, so enigma-js drives it
// with the same calls. Unlike the original, a signature is accepted once:
// the contract remembers the hashes of the signatures it has used, so a
// transfer cannot be replayed.
package main

import (
	"encoding/binary"
	"encoding/hex"
	"errors"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
	"github.com/decred/dcrd/dcrec/secp256k1/v4/ecdsa"

	"github.com/enigma-go/enigma/sdk/contract"
)

const (
	totalSupplyKey = "total_supply"
	ownerKey       = "owner"
	usedSigsKey    = "used_signatures"
)

// user is an account's state, stored under the account's hex id (no 0x).
type user struct {
	Balance  contract.Uint256            `json:"balance"`
	Approved map[string]contract.Uint256 `json:"approved"` // spender (hex) -> allowance
}

func init() {
	// The curve library builds its precomputed tables on first use. Doing it
	// here puts them in the initialised snapshot every task starts from,
	// instead of in every task's gas.
	var k secp256k1.ModNScalar
	var p secp256k1.JacobianPoint
	k.SetInt(1)
	secp256k1.ScalarBaseMultNonConst(&k, &p)

	contract.PrepareState(user{Approved: map[string]contract.Uint256{"": {}}}, map[contract.Bytes32]bool{{}: true}, contract.Uint256{}, contract.Bytes32{})
	contract.Constructor("construct(bytes32,uint256)", construct)
	contract.Register("mint(bytes32,bytes32,uint256,bytes)", mint)
	contract.Register("total_supply()", totalSupply)
	contract.Register("balance_of(bytes32)", balanceOf)
	contract.Register("allowance(bytes32,bytes32)", allowance)
	contract.Register("transfer(bytes32,bytes32,uint256,bytes)", transfer)
	contract.Register("approve(bytes32,bytes32,uint256,bytes)", approve)
	contract.Register("transfer_from(bytes32,bytes32,bytes32,uint256,bytes)", transferFrom)
}

func key(a contract.Bytes32) string { return hex.EncodeToString(a[:]) }

func getUser(a contract.Bytes32) user {
	u := contract.ReadOr(key(a), user{})
	if u.Approved == nil {
		u.Approved = map[string]contract.Uint256{}
	}
	return u
}

func construct(c *contract.Call) error {
	var owner contract.Bytes32
	var supply contract.Uint256
	if err := c.Args(&owner, &supply); err != nil {
		return err
	}
	u := getUser(owner)
	u.Balance = supply
	contract.Write(totalSupplyKey, supply)
	contract.Write(ownerKey, owner)
	contract.Write(key(owner), u)
	return nil
}

// verify checks that signer (the Keccak-256 of a public key) signed
// [addr, amount] and that the signature was not used before.
func verify(signer, addr contract.Bytes32, amount contract.Uint256, sig []byte) error {
	if !amount.IsUint64() {
		return errors.New("amounts above 2^64-1 cannot be signed in this scheme")
	}
	if len(sig) != 65 {
		return errors.New("the signature must be 65 bytes: r, s, v")
	}
	var amt [8]byte
	binary.BigEndian.PutUint64(amt[:], amount.Uint64())
	msg := contract.Keccak256(lengthPrefixed(addr[:], amt[:]))
	v := sig[64]
	if v >= 27 {
		v -= 27
	}
	if v > 1 {
		return errors.New("bad signature recovery id")
	}
	compact := append([]byte{27 + v}, sig[:64]...)
	pub, _, err := ecdsa.RecoverCompact(compact, msg[:])
	if err != nil {
		return errors.New("bad signature")
	}
	if contract.Keccak256(pub.SerializeUncompressed()[1:]) != signer {
		return errors.New("the signature is not the account's")
	}
	used := contract.ReadOr(usedSigsKey, map[contract.Bytes32]bool{})
	id := contract.Keccak256(sig[:64])
	if used[id] {
		return errors.New("this signature was already used")
	}
	used[id] = true
	contract.Write(usedSigsKey, used)
	return nil
}

// lengthPrefixed is enigma-js's hash input: each part preceded by its
// length as 8 big-endian bytes.
func lengthPrefixed(parts ...[]byte) []byte {
	var out []byte
	for _, p := range parts {
		out = binary.BigEndian.AppendUint64(out, uint64(len(p)))
		out = append(out, p...)
	}
	return out
}

func add(a, b contract.Uint256) contract.Uint256 {
	s, ok := a.Add(b)
	contract.Require(ok, "token amount overflow")
	return s
}

func sub(a, b contract.Uint256, msg string) contract.Uint256 {
	d, ok := a.Sub(b)
	contract.Require(ok, "%s", msg)
	return d
}

func mint(c *contract.Call) error {
	var owner, addr contract.Bytes32
	var tokens contract.Uint256
	var sig []byte
	if err := c.Args(&owner, &addr, &tokens, &sig); err != nil {
		return err
	}
	if stored, _ := contract.Read[contract.Bytes32](ownerKey); stored != owner {
		return errors.New("only the contract owner mints")
	}
	if err := verify(owner, addr, tokens, sig); err != nil {
		return err
	}
	u := getUser(addr)
	u.Balance = add(u.Balance, tokens)
	contract.Write(key(addr), u)
	contract.Write(totalSupplyKey, add(contract.ReadOr(totalSupplyKey, contract.Uint256{}), tokens))
	return nil
}

func totalSupply(c *contract.Call) error {
	return c.Return(contract.ReadOr(totalSupplyKey, contract.Uint256{}))
}

func balanceOf(c *contract.Call) error {
	var a contract.Bytes32
	if err := c.Args(&a); err != nil {
		return err
	}
	return c.Return(getUser(a).Balance)
}

func allowance(c *contract.Call) error {
	var owner, spender contract.Bytes32
	if err := c.Args(&owner, &spender); err != nil {
		return err
	}
	return c.Return(getUser(owner).Approved[key(spender)])
}

func transfer(c *contract.Call) error {
	var from, to contract.Bytes32
	var tokens contract.Uint256
	var sig []byte
	if err := c.Args(&from, &to, &tokens, &sig); err != nil {
		return err
	}
	if err := verify(from, to, tokens, sig); err != nil {
		return err
	}
	f := getUser(from)
	f.Balance = sub(f.Balance, tokens, "invalid action: user does not have enough tokens")
	contract.Write(key(from), f)
	t := getUser(to) // read after writing from: a transfer to oneself keeps the balance
	t.Balance = add(t.Balance, tokens)
	contract.Write(key(to), t)
	return nil
}

func approve(c *contract.Call) error {
	var owner, spender contract.Bytes32
	var tokens contract.Uint256
	var sig []byte
	if err := c.Args(&owner, &spender, &tokens, &sig); err != nil {
		return err
	}
	if err := verify(owner, spender, tokens, sig); err != nil {
		return err
	}
	u := getUser(owner)
	contract.Require(u.Balance.Cmp(tokens) >= 0, "invalid action: owner does not have enough tokens")
	u.Approved[key(spender)] = tokens
	contract.Write(key(owner), u)
	return nil
}

func transferFrom(c *contract.Call) error {
	var owner, spender, to contract.Bytes32
	var tokens contract.Uint256
	var sig []byte
	if err := c.Args(&owner, &spender, &to, &tokens, &sig); err != nil {
		return err
	}
	if err := verify(spender, to, tokens, sig); err != nil {
		return err
	}
	o := getUser(owner)
	o.Balance = sub(o.Balance, tokens, "invalid action: owner does not have enough tokens")
	o.Approved[key(spender)] = sub(o.Approved[key(spender)], tokens, "invalid action: user is not allowed to spend this amount of tokens")
	contract.Write(key(owner), o)
	t := getUser(to)
	t.Balance = add(t.Balance, tokens)
	contract.Write(key(to), t)
	return nil
}

func main() {}
