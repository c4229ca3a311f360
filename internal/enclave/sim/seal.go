package sim

import (
	"bytes"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
)

// Roles, as in the attestation report's product id.
const (
	roleWorker     uint8 = 1
	roleKeyManager uint8 = 2
)

const (
	sealMagic  = "EGSEAL2"
	sealDomain = "enigma-go/enclave: sealed v2"
)

// loadSealKey reads the 32-byte seal key, creating the file with a fresh
// key when it does not exist.
func loadSealKey(path string, rand io.Reader) ([32]byte, error) {
	var key [32]byte
	b, err := os.ReadFile(path)
	switch {
	case err == nil:
		if len(b) != 32 {
			return key, fmt.Errorf("sim: seal key file %s holds %d bytes, want 32; restore it from backup or delete it (and the sealed state) to start a new identity", path, len(b))
		}
		copy(key[:], b)
		return key, nil
	case !errors.Is(err, fs.ErrNotExist):
		return key, fmt.Errorf("sim: read seal key: %w", err)
	}
	if _, err := io.ReadFull(rand, key[:]); err != nil {
		return key, fmt.Errorf("sim: draw seal key: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return key, fmt.Errorf("sim: create seal key folder: %w", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return key, fmt.Errorf("sim: create seal key file: %w", err)
	}
	if _, err := f.Write(key[:]); err != nil {
		f.Close()
		return key, fmt.Errorf("sim: write seal key file: %w", err)
	}
	if err := f.Close(); err != nil {
		return key, fmt.Errorf("sim: write seal key file: %w", err)
	}
	return key, nil
}

// sealedSecrets is what survives a restart: the signing key and the state
// keys (installed by the worker, created by the key manager).
type sealedSecrets struct {
	signingKey *ecdsa.PrivateKey
	stateKeys  map[api.ContractAddress][32]byte
	extra      []byte // role-specific (the key manager's signed epochs)
}

func sealSecrets(sealKey [32]byte, role uint8, s sealedSecrets, rand io.Reader) ([]byte, error) {
	d := compat.PrivateKeyBytes(s.signingKey)
	body := buf(nil).raw(d[:]).u32(uint32(len(s.stateKeys)))
	addrs := make([]api.ContractAddress, 0, len(s.stateKeys))
	for a := range s.stateKeys {
		addrs = append(addrs, a)
	}
	slices.SortFunc(addrs, func(a, b api.ContractAddress) int { return bytes.Compare(a[:], b[:]) })
	for _, a := range addrs {
		k := s.stateKeys[a]
		body = body.raw(a[:]).raw(k[:])
	}
	body = body.bytes(s.extra)
	ct, err := seal(sealKey, sealAAD(role), body, rand)
	clear(body)
	if err != nil {
		return nil, err
	}
	return buf(sealMagic).u8(role).raw(ct), nil
}

func unsealSecrets(sealKey [32]byte, role uint8, blob []byte) (sealedSecrets, error) {
	var s sealedSecrets
	if len(blob) >= len(sealMagic) && string(blob[:len(sealMagic)-1]) == sealMagic[:len(sealMagic)-1] && blob[len(sealMagic)-1] != sealMagic[len(sealMagic)-1] {
		return s, api.Errorf(api.CodeBadEnvelope, "sim: the sealed state is of another format version (%q, this enclave reads %q): it was sealed by another release; start this node with a new data folder", blob[:len(sealMagic)], sealMagic)
	}
	if len(blob) < len(sealMagic)+1 || string(blob[:len(sealMagic)]) != sealMagic {
		return s, api.Errorf(api.CodeBadEnvelope, "sim: the sealed state is not a sealed blob of this enclave (bad magic)")
	}
	if blob[len(sealMagic)] != role {
		return s, api.Errorf(api.CodeInvalidInput, "sim: the sealed state belongs to an enclave of role %d, not %d", blob[len(sealMagic)], role)
	}
	body, ok := open(sealKey, sealAAD(role), blob[len(sealMagic)+1:])
	if !ok {
		return s, api.Errorf(api.CodeTampered, "sim: the sealed state does not open with this seal key: it was sealed under another key file or altered")
	}
	defer clear(body)
	r := &reader{b: body}
	var d [32]byte
	r.raw(d[:])
	n := r.count(64)
	s.stateKeys = make(map[api.ContractAddress][32]byte, n)
	for range n {
		var a api.ContractAddress
		var k [32]byte
		r.raw(a[:])
		r.raw(k[:])
		s.stateKeys[a] = k
	}
	s.extra = r.bytes()
	if !r.done() {
		return s, api.Errorf(api.CodeInvalidInput, "sim: the sealed state is malformed")
	}
	key, err := compat.ParsePrivateKey(d[:])
	clear(d[:])
	if err != nil {
		return s, fmt.Errorf("sim: sealed signing key: %w", err)
	}
	s.signingKey = key
	return s, nil
}

func sealAAD(role uint8) []byte { return append([]byte(sealDomain), role) }
