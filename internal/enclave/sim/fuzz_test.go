package sim

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/enclave/testcontract"
)

// FuzzBackend sends arbitrary frames to a live worker and key manager: every
// answer must be a well-formed frame and no call may reach the handler's
// panic guard.
func FuzzBackend(f *testing.F) {
	dir := f.TempDir()
	kc := DefaultConfig()
	kc.SealKeyFile = filepath.Join(dir, "km")
	km, err := NewKeyManager(kc)
	if err != nil {
		f.Fatal(err)
	}
	wc := DefaultConfig()
	wc.SealKeyFile, wc.KeyManager = filepath.Join(dir, "w"), km.Address()
	wc.Runner = NewVMRunner(newEngine(f))
	w, err := NewWorker(wc)
	if err != nil {
		f.Fatal(err)
	}
	ctx := context.Background()
	ep, _ := km.NewEpoch(ctx, &enclave.NewEpochRequest{Workers: []api.EthAddress{w.Address()}, Stakes: [][32]byte{{31: 1}}})
	if _, err := km.ConfirmEpoch(ctx, &enclave.ConfirmEpochRequest{Seed: ep.Seed, FirstBlock: 1}); err != nil {
		f.Fatal(err)
	}
	skr, _ := w.StateKeysRequest(ctx, &enclave.NewStateKeysRequest{EpochSeed: ep.Seed, Contracts: []api.Hash{{1}}})
	reply, _ := km.GetStateKeys(ctx, skr)
	seeds := []struct {
		t enclave.MessageType
		m enclave.Message
	}{
		{enclave.TypeTaskKeyRequest, &enclave.TaskKeyRequest{UserPubKey: compat.PublicKeyBytes(&km.signer.PublicKey), Epoch: 1}},
		{enclave.TypeExecuteRequest, &enclave.ExecuteRequest{Kind: enclave.KindDeploy, Envelope: enclave.EnvelopeCompat, TaskID: api.Hash{1}, Contract: api.Hash{1}, Code: testcontract.Contract(), EncryptedFn: make([]byte, 40), GasLimit: 1e5}},
		{enclave.TypeExecuteRequest, &enclave.ExecuteRequest{Kind: enclave.KindCompute, Envelope: enclave.EnvelopeV2, TaskID: api.Hash{2}, Contract: api.Hash{1}, Code: []byte{0}, State: []byte{1}}},
		{enclave.TypeStateKeysRequest, skr},
		{enclave.TypeStateKeysReply, reply},
		{enclave.TypeNewEpochRequest, &enclave.NewEpochRequest{Workers: []api.EthAddress{{1}}, Stakes: [][32]byte{{1}}}},
		{enclave.TypeConfirmEpochRequest, &enclave.ConfirmEpochRequest{Seed: ep.Seed, FirstBlock: 1}},
		{enclave.TypeEpochKeyRequest, &enclave.EpochKeyRequest{Epoch: 5}},
		{enclave.TypeNewStateKeysRequest, &enclave.NewStateKeysRequest{Contracts: []api.Hash{{3}}}},
	}
	for _, s := range seeds {
		f.Add(enclave.Marshal(s.t, s.m))
	}
	wh := &enclave.Handler{Enclave: w}
	kh := &enclave.Handler{KeyManager: km}
	f.Fuzz(func(t *testing.T, frame []byte) {
		for _, h := range []*enclave.Handler{wh, kh} {
			_, m, err := enclave.Unmarshal(h.Handle(ctx, frame))
			if err != nil {
				t.Fatalf("undecodable answer: %v", err)
			}
			if e, ok := m.(*enclave.ErrorResponse); ok && strings.Contains(e.Message, "internal error") {
				t.Fatalf("backend panicked: %s", e.Message)
			}
		}
	})
}
