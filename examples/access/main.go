// Command access is access control for data (a price prediction, a pointer
// to an IPFS file): an owner publishes a secret and hands out read passes;
// holders of a pass read the secret until the owner revokes it.
//
// Secret contracts see no sender, so identities are secrets: the owner is
// whoever knows the owner token whose Keccak-256 the constructor stored (the
// task's inputs are encrypted, so the token never leaves the enclave). A
// pass is the reader's id sealed with Encrypt under a key only the contract
// knows: it cannot be forged or altered, and the contract needs no list of
// readers to check one.
package main

import (
	"errors"

	"github.com/enigma-go/enigma/sdk/contract"
)

const (
	ownerKey   = "owner"   // Keccak-256 of the owner token
	sealKey    = "key"     // the contract's AES key for passes
	dataKey    = "data"    // the protected data
	revokedKey = "revoked" // reader id -> true
)

func init() {
	contract.PrepareState(map[contract.Bytes32]bool{{}: true}, contract.Bytes32{}, "")
	contract.Constructor("construct(bytes32)", construct)
	contract.Register("publish(bytes32,string)", publish)
	contract.Register("grant(bytes32,bytes32)", grant)
	contract.Register("revoke(bytes32,bytes32)", revoke)
	contract.Register("read(bytes)", read)
}

func construct(c *contract.Call) error {
	var token contract.Bytes32
	if err := c.Args(&token); err != nil {
		return err
	}
	contract.Write(ownerKey, contract.Keccak256(token[:]))
	contract.Write(sealKey, contract.Bytes32(contract.NewKey()))
	return nil
}

var errNotOwner = errors.New("wrong owner token")

func checkOwner(token contract.Bytes32) error {
	owner, _ := contract.Read[contract.Bytes32](ownerKey)
	if contract.Keccak256(token[:]) != owner {
		return errNotOwner
	}
	return nil
}

func publish(c *contract.Call) error {
	var token contract.Bytes32
	var data string
	if err := c.Args(&token, &data); err != nil {
		return err
	}
	if err := checkOwner(token); err != nil {
		return err
	}
	contract.Write(dataKey, data)
	return nil
}

// grant returns a pass for reader (an id the owner chooses): the id sealed
// under the contract's key.
func grant(c *contract.Call) error {
	var token, reader contract.Bytes32
	if err := c.Args(&token, &reader); err != nil {
		return err
	}
	if err := checkOwner(token); err != nil {
		return err
	}
	revoked := contract.ReadOr(revokedKey, map[contract.Bytes32]bool{})
	if revoked[reader] {
		delete(revoked, reader) // granting again restores access
		contract.Write(revokedKey, revoked)
	}
	key, _ := contract.Read[contract.Bytes32](sealKey)
	return c.Return(contract.Encrypt(reader[:], contract.Key(key)))
}

func revoke(c *contract.Call) error {
	var token, reader contract.Bytes32
	if err := c.Args(&token, &reader); err != nil {
		return err
	}
	if err := checkOwner(token); err != nil {
		return err
	}
	revoked := contract.ReadOr(revokedKey, map[contract.Bytes32]bool{})
	revoked[reader] = true
	contract.Write(revokedKey, revoked)
	return nil
}

// read returns the data to the holder of a valid pass. A forged or altered
// pass fails authentication and stops the task.
func read(c *contract.Call) error {
	var pass []byte
	if err := c.Args(&pass); err != nil {
		return err
	}
	key, _ := contract.Read[contract.Bytes32](sealKey)
	id, err := contract.Decrypt(pass, contract.Key(key))
	if err != nil || len(id) != 32 {
		return errors.New("not a pass of this contract")
	}
	if contract.ReadOr(revokedKey, map[contract.Bytes32]bool{})[contract.Bytes32(id)] {
		return errors.New("this pass was revoked")
	}
	data, ok := contract.Read[string](dataKey)
	if !ok {
		return errors.New("nothing published yet")
	}
	return c.Return(data)
}

func main() {}
