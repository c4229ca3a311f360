package sim

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
)

func TestLoadOrCreateAttestationKey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "attestation.key")
	k1, err := LoadOrCreateAttestationKey(path)
	if err != nil {
		t.Fatal(err)
	}
	k2, err := LoadOrCreateAttestationKey(path)
	if err != nil {
		t.Fatal(err)
	}
	if crypto.PubkeyToAddress(k1.PublicKey) != crypto.PubkeyToAddress(k2.PublicKey) {
		t.Fatal("a second load made a new key")
	}
	if err := os.WriteFile(path, []byte("not hex"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadOrCreateAttestationKey(path); err == nil {
		t.Fatal("a damaged key file was accepted")
	}
}
