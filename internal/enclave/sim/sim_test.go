package sim

import (
	"context"
	"crypto/ecdsa"
	"path/filepath"
	"testing"

	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/enclave/enclavetest"
	"github.com/enigma-go/enigma/internal/vm"
)

// attestationKey is a fixed development key, as the devnet derives one.
func attestationKey(t testing.TB) *ecdsa.PrivateKey {
	d := compat.Keccak256([]byte("enclave sim test attestation key"))
	k, err := compat.ParsePrivateKey(d[:])
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func newEngine(t testing.TB) *vm.Engine {
	e, err := vm.NewEngine(context.Background(), vm.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close(context.Background()) })
	return e
}

// factory starts a sim key manager and worker; throughCodec puts the wire
// encoding between the suite and both enclaves.
func factory(throughCodec bool) enclavetest.Factory {
	return func(t testing.TB, s enclavetest.Start) enclavetest.Pair {
		ak := attestationKey(t)
		kc := DefaultConfig()
		kc.SealKeyFile = filepath.Join(s.Dir, "km.seal")
		kc.Sealed = s.Sealed.KeyManager
		km, err := NewKeyManager(kc)
		if err != nil {
			t.Fatal(err)
		}
		wc := DefaultConfig()
		wc.SealKeyFile = filepath.Join(s.Dir, "worker.seal")
		wc.Sealed = s.Sealed.Worker
		wc.KeyManager = km.Address()
		wc.Runner = NewVMRunner(newEngine(t))
		w, err := NewWorker(wc)
		if err != nil {
			t.Fatal(err)
		}
		att := NewAttestor(ak)
		p := enclavetest.Pair{Worker: w, KeyManager: km, Attestor: att,
			VerifyReport: func(report, sig []byte) (enclavetest.Attested, error) {
				r, err := att.Check(report, sig)
				if err != nil {
					return enclavetest.Attested{}, err
				}
				return enclavetest.Attested{Signer: r.Signer, Product: r.ProductID, Binding: r.Binding}, nil
			}}
		if throughCodec {
			p.Worker, p.KeyManager = enclave.Loopback(w, nil), enclave.Loopback(nil, km)
		}
		return p
	}
}

func TestConformance(t *testing.T) { enclavetest.Run(t, factory(false)) }

func TestConformanceThroughCodec(t *testing.T) { enclavetest.Run(t, factory(true)) }
