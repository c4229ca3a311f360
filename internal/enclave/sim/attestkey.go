package sim

import (
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/enigma-go/enigma/internal/crypto/compat"
)

// LoadOrCreateAttestationKey reads the simulation attestation key (hex) from
// path, or creates one there (mode 0600) when the file is missing. Hosts
// keep it beside their sealed keys: the Enigma contract checks reports
// against its public half, so a restarted network must sign with the same
// key.
func LoadOrCreateAttestationKey(path string) (*ecdsa.PrivateKey, error) {
	b, err := os.ReadFile(path)
	if err == nil {
		k, err := crypto.HexToECDSA(strings.TrimSpace(string(b)))
		if err != nil {
			return nil, fmt.Errorf("sim: attestation key file %s is damaged; remove it (and the data it signed for) to start afresh: %w", path, err)
		}
		return k, nil
	}
	if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("sim: read the attestation key %s: %w", path, err)
	}
	k, err := compat.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	// Written whole and renamed into place: a crash never leaves half a key.
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(hex.EncodeToString(crypto.FromECDSA(k))+"\n"), 0o600); err != nil {
		return nil, fmt.Errorf("sim: write the attestation key %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return nil, fmt.Errorf("sim: write the attestation key %s: %w", path, err)
	}
	return k, nil
}
