package chain

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

func TestTxKindIsBounded(t *testing.T) {
	e := common.Address{1}
	abi := methodNames()
	var login []byte
	for sel, name := range abi {
		if name == "login" {
			login = append(sel[:], 0, 0)
		}
	}
	if login == nil {
		t.Fatal("the Enigma ABI has no login method")
	}
	for _, c := range []struct {
		tx   Tx
		want string
	}{
		{Tx{Data: []byte{1}}, "deploy"},
		{Tx{To: &e}, "transfer"},
		{Tx{To: &e, Data: login}, "login"},
		{Tx{To: &e, Data: []byte{0xde, 0xad, 0xbe, 0xef}}, "other"},
		{Tx{To: &e, Data: []byte{1}}, "other"},
	} {
		if got := txKind(c.tx); got != c.want {
			t.Errorf("txKind(%x) = %q, want %q", c.tx.Data, got, c.want)
		}
	}
}
