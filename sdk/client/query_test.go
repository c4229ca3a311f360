package client_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/envelope"
	"github.com/enigma-go/enigma/sdk/client"
)

// The typed data a node-held account signs (eth_signTypedData_v4) hashes
// to the digest the enclave checks.
func TestQueryTypedDataIsTheDigest(t *testing.T) {
	enigma := common.HexToAddress("0x00000000000000000000000000000000000e1967")
	sc := api.ContractAddress{0x5c, 31: 7}
	rh := envelope.QueryRequestHash([]byte("query"))
	raw, err := json.Marshal(client.QueryTypedData(1337, enigma, sc, rh, 1_900_000_000))
	if err != nil {
		t.Fatal(err)
	}
	var td apitypes.TypedData
	if err := json.Unmarshal(raw, &td); err != nil {
		t.Fatal(err)
	}
	got, _, err := apitypes.TypedDataAndHash(td)
	if err != nil {
		t.Fatal(err)
	}
	want := envelope.QueryDigest(1337, enigma, sc, rh, 1_900_000_000)
	if !bytes.Equal(got, want[:]) {
		t.Fatalf("typed data hashes to %x, the digest is %x", got, want)
	}
}

func TestQueryFailedReadOnly(t *testing.T) {
	e := &client.QueryFailed{Function: "f()", Text: "a query cannot write state"}
	if !e.ReadOnly() || e.Error() != "client: query f() failed: a query cannot write state" {
		t.Fatalf("%v %v", e.ReadOnly(), e)
	}
	if (&client.QueryFailed{Text: "out of gas"}).ReadOnly() {
		t.Fatal("out of gas read as a write attempt")
	}
}
