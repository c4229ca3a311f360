package examples_test

import (
	"encoding/binary"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/enigma-go/enigma/sdk/contract"
)

func TestERC20OnVM(t *testing.T) {
	t.Parallel()
	owner, err := crypto.HexToECDSA("4f3edf983ac636a65a842ce7c78d9aa706d3b113bce9c46f30d7d21715b23b1d")
	if err != nil {
		t.Fatal(err)
	}
	ownerID := contract.Keccak256(crypto.FromECDSAPub(&owner.PublicKey)[1:])
	to := contract.Bytes32{31: 9}
	c := deploy(t, "erc20", "construct(bytes32,uint256)", ownerID, 1_000_000)

	// The mint of the original integration test: the owner signs
	// keccak256(len ‖ to ‖ len ‖ amount as 8 bytes).
	var msg []byte
	msg = binary.BigEndian.AppendUint64(msg, 32)
	msg = append(msg, to[:]...)
	msg = binary.BigEndian.AppendUint64(msg, 8)
	msg = binary.BigEndian.AppendUint64(msg, 100000)
	h := contract.Keccak256(msg)
	sig, err := crypto.Sign(h[:], owner)
	if err != nil {
		t.Fatal(err)
	}
	sig[64] += 27
	res := c.call("mint(bytes32,bytes32,uint256,bytes)", ownerID, to, 100000, sig)
	t.Logf("mint with signature recovery: %d gas", res.GasUsed)
	if len(res.Output) != 0 {
		t.Fatalf("mint returned %x", res.Output)
	}
	if got := decode[contract.Uint256](t, "(uint256)", c.call("balance_of(bytes32)", to).Output); got != contract.NewUint256(100000) {
		t.Fatalf("balance %s", got)
	}
	c.fails("mint(bytes32,bytes32,uint256,bytes)", ownerID, to, 100000, sig)
}
