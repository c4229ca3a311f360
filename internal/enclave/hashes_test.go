package enclave

import (
	"crypto/rand"
	"testing"

	"github.com/ethereum/go-ethereum/accounts"
	ethcrypto "github.com/ethereum/go-ethereum/crypto"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
)

// A batched task is authorised by its sender's signature over the hash or
// over the hash as an EIP-191 personal message (what eth_sign and wallets
// make), and by nobody else's.
func TestBatchedTaskSignedBy(t *testing.T) {
	user, err := compat.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	other, err := compat.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	sender := api.EthAddress(ethcrypto.PubkeyToAddress(user.PublicKey))
	id := BatchedTaskID(sender, 1)
	h := BatchedTaskHash(1337, api.EthAddress{1}, api.ContractAddress{2}, id, 900, api.Hash{3}, 100_000, 1)

	raw, err := compat.Sign(user, h)
	if err != nil {
		t.Fatal(err)
	}
	personal, err := compat.Sign(user, [32]byte(accounts.TextHash(h[:])))
	if err != nil {
		t.Fatal(err)
	}
	forged, err := compat.Sign(other, h)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		sig  [65]byte
		want bool
	}{{"raw", raw, true}, {"EIP-191", personal, true}, {"another key", forged, false}, {"zero", [65]byte{}, false}} {
		if got := BatchedTaskSignedBy(h, c.sig[:], sender); got != c.want {
			t.Errorf("%s: signed by the sender = %v, want %v", c.name, got, c.want)
		}
	}
	for name, other := range map[string]api.Hash{
		"a higher gas price":     BatchedTaskHash(1337, api.EthAddress{1}, api.ContractAddress{2}, id, 900, api.Hash{3}, 100_000, 2),
		"another nonce (a copy)": BatchedTaskHash(1337, api.EthAddress{1}, api.ContractAddress{2}, BatchedTaskID(sender, 2), 900, api.Hash{3}, 100_000, 1),
		"another epoch":          BatchedTaskHash(1337, api.EthAddress{1}, api.ContractAddress{2}, id, 1000, api.Hash{3}, 100_000, 1),
	} {
		if BatchedTaskSignedBy(other, raw[:], sender) || BatchedTaskSignedBy(other, personal[:], sender) {
			t.Errorf("a signature of one task's hash authorised another's (%s)", name)
		}
	}
}
