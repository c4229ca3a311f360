//go:build !wasip1

package main

import (
	"crypto/ecdsa"
	"encoding/binary"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/enigma-go/enigma/sdk/contract"
)

// The private keys of accounts 0 and 1 in the original integration tests.
const (
	key0Hex = "4f3edf983ac636a65a842ce7c78d9aa706d3b113bce9c46f30d7d21715b23b1d"
	key1Hex = "6cbed15c793ce57650b9877cf6fa156fbef513c4e6134f022a85b1ffdd59b2a1"
)

type account struct {
	priv *ecdsa.PrivateKey
	id   contract.Bytes32 // Keccak-256 of the 64-byte public key
}

func newAccount(t *testing.T, hexKey string) account {
	t.Helper()
	priv, err := crypto.HexToECDSA(hexKey)
	if err != nil {
		t.Fatal(err)
	}
	return account{priv: priv, id: contract.Keccak256(crypto.FromECDSAPub(&priv.PublicKey)[1:])}
}

// sign signs [to, amount] as enigma-js's EthCrypto.sign(key, utils.hash(...))
// does: a raw signature over the hash, v as 27 or 28.
func (a account) sign(t *testing.T, to contract.Bytes32, amount uint64) []byte {
	t.Helper()
	var amt [8]byte
	binary.BigEndian.PutUint64(amt[:], amount)
	h := contract.Keccak256(lengthPrefixed(to[:], amt[:]))
	sig, err := crypto.Sign(h[:], a.priv)
	if err != nil {
		t.Fatal(err)
	}
	sig[64] += 27
	return sig
}

func balance(t *testing.T, h *contract.TestHost, a contract.Bytes32) uint64 {
	t.Helper()
	res, err := h.Call("balance_of(bytes32)", a)
	if err != nil {
		t.Fatal(err)
	}
	var b contract.Uint256
	if err := contract.DecodeArgs("(uint256)", res.Output, &b); err != nil {
		t.Fatal(err)
	}
	return b.Uint64()
}

func TestERC20(t *testing.T) {
	a0, a1 := newAccount(t, key0Hex), newAccount(t, key1Hex)
	a2 := newAccount(t, strings.Repeat("11", 32))
	h := contract.NewTestHost()
	// enigma-js deploys it as construct() with the owner and supply as arguments.
	args, _ := contract.EncodeArgs("(bytes32,uint256)", a0.id, 1_000_000)
	if _, err := h.Run(true, "construct()", args); err != nil {
		t.Fatal(err)
	}
	mintSig := a0.sign(t, a1.id, 100000)
	if _, err := h.Call("mint(bytes32,bytes32,uint256,bytes)", a0.id, a1.id, 100000, mintSig); err != nil {
		t.Fatal(err)
	}
	if _, err := h.Call("mint(bytes32,bytes32,uint256,bytes)", a0.id, a1.id, 100000, mintSig); err == nil || !strings.Contains(err.Error(), "already used") {
		t.Fatalf("replayed mint: %v", err)
	}
	if _, err := h.Call("mint(bytes32,bytes32,uint256,bytes)", a1.id, a1.id, 5, a1.sign(t, a1.id, 5)); err == nil {
		t.Fatal("a non-owner minted")
	}
	if got := balance(t, h, a1.id); got != 100000 {
		t.Fatalf("balance after mint %d", got)
	}
	res, _ := h.Call("total_supply()")
	var supply contract.Uint256
	if err := contract.DecodeArgs("(uint256)", res.Output, &supply); err != nil || supply != contract.NewUint256(1_100_000) {
		t.Fatalf("supply %v %v", supply, err)
	}
	if _, err := h.Call("transfer(bytes32,bytes32,uint256,bytes)", a1.id, a2.id, 400, a1.sign(t, a2.id, 400)); err != nil {
		t.Fatal(err)
	}
	if _, err := h.Call("transfer(bytes32,bytes32,uint256,bytes)", a1.id, a2.id, 400, a0.sign(t, a2.id, 400)); err == nil {
		t.Fatal("transfer signed by someone else")
	}
	if _, err := h.Call("transfer(bytes32,bytes32,uint256,bytes)", a2.id, a1.id, 401, a2.sign(t, a1.id, 401)); err == nil || !strings.Contains(err.Error(), "enough tokens") {
		t.Fatalf("overdraft: %v", err)
	}
	if _, err := h.Call("approve(bytes32,bytes32,uint256,bytes)", a1.id, a2.id, 50, a1.sign(t, a2.id, 50)); err != nil {
		t.Fatal(err)
	}
	res, _ = h.Call("allowance(bytes32,bytes32)", a1.id, a2.id)
	if res.Output[31] != 50 {
		t.Fatalf("allowance %x", res.Output)
	}
	if _, err := h.Call("transfer_from(bytes32,bytes32,bytes32,uint256,bytes)", a1.id, a2.id, a0.id, 30, a2.sign(t, a0.id, 30)); err != nil {
		t.Fatal(err)
	}
	if _, err := h.Call("transfer_from(bytes32,bytes32,bytes32,uint256,bytes)", a1.id, a2.id, a0.id, 30, a2.sign(t, a0.id, 30)); err == nil {
		t.Fatal("spent more than the allowance")
	}
	if b0, b1, b2 := balance(t, h, a0.id), balance(t, h, a1.id), balance(t, h, a2.id); b0 != 1_000_030 || b1 != 100000-400-30 || b2 != 400 {
		t.Fatalf("balances %d %d %d", b0, b1, b2)
	}
	if _, err := h.Call("transfer(bytes32,bytes32,uint256,bytes)", a2.id, a2.id, 10, a2.sign(t, a2.id, 10)); err != nil || balance(t, h, a2.id) != 400 {
		t.Fatalf("transfer to oneself: %v", err)
	}
}
