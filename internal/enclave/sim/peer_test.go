package sim

import (
	"context"
	"crypto/rand"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/enclave"
)

// BenchmarkCheckState measures the check a syncing worker's enclave makes
// of a state another worker sent: one AES-GCM open and a parse, linear in
// the state's size.
func BenchmarkCheckState(b *testing.B) {
	for _, size := range []int{1 << 10, 1 << 20, 16 << 20} {
		b.Run(fmt.Sprintf("%dKiB", size>>10), func(b *testing.B) {
			w := benchWorker(b)
			c, code := api.Hash{0xc1}, compat.Keccak256([]byte("code"))
			var key [32]byte
			rand.Read(key[:])
			w.stateKeys[c] = key
			st := &contractState{deltaHash: api.Hash{7}, deltaIndex: 3, entries: map[string][]byte{"k": make([]byte, size)}}
			blob, err := encryptState(key, c, code, st, randomIV(rand.Reader))
			if err != nil {
				b.Fatal(err)
			}
			req := &enclave.CheckStateRequest{Contract: c, CodeHash: code, DeltaIndex: 3, DeltaHash: api.Hash{7}, State: blob}
			b.SetBytes(int64(len(blob)))
			for b.Loop() {
				if _, err := w.CheckState(context.Background(), req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPeerIdentity measures an answer to a peer's identity challenge
// (one signature) and its check by the challenger (one recovery).
func BenchmarkPeerIdentity(b *testing.B) {
	w := benchWorker(b)
	req := &enclave.PeerIdentityRequest{ChainID: 1337, EnigmaContract: api.EthAddress{1}, Nonce: [32]byte{2}, Transport: []byte("http://127.0.0.1:3401")}
	for b.Loop() {
		r, err := w.PeerIdentity(context.Background(), req)
		if err != nil {
			b.Fatal(err)
		}
		got, err := compat.Recover(enclave.PeerIdentityHash(req.ChainID, req.EnigmaContract, req.Nonce, req.Transport), r.Signature[:])
		if err != nil || api.EthAddress(got) != w.Address() {
			b.Fatalf("recovered %x, %v", got, err)
		}
	}
}

func benchWorker(b *testing.B) *Worker {
	cfg := DefaultConfig()
	cfg.SealKeyFile, cfg.Runner = filepath.Join(b.TempDir(), "seal.key"), NewVMRunner(newEngine(b))
	w, err := NewWorker(cfg)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { w.Close() })
	return w
}
