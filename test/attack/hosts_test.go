package attack_test

import (
	"context"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/devnet"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/enclave/sim"
	"github.com/enigma-go/enigma/internal/vm"
)

// newEnclave starts a worker enclave trusting the devnet's key manager,
// sealed under sealKeyFile (from sealed, when not nil), as any host can.
func newEnclave(t *testing.T, n *network, sealKeyFile string, sealed []byte) *sim.Worker {
	t.Helper()
	engine, err := vm.NewEngine(n.ctx, vm.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { engine.Close(context.Background()) })
	km, _ := n.d.KeyManagerHost()
	c := sim.DefaultConfig()
	c.SealKeyFile, c.Sealed, c.KeyManager, c.Runner = sealKeyFile, sealed, km.Address(), sim.NewVMRunner(engine)
	w, err := sim.NewWorker(c)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

// restartEnclave starts a second instance of a worker's enclave from what
// it seals now: the state keys survive, the record of executed tasks does
// not.
func restartEnclave(t *testing.T, n *network, host *devnet.WorkerHost) *sim.Worker {
	t.Helper()
	s, err := host.Enclave.Seal(n.ctx, &enclave.SealRequest{})
	if err != nil {
		t.Fatal(err)
	}
	return newEnclave(t, n, host.SealKeyFile, s.Blob)
}

// simReport is the report a genuine simulated worker enclave signing as
// signer gives for custodian on the devnet's contract.
func simReport(n *network, signer, custodian common.Address) *sim.Report {
	d := sim.DefaultConfig()
	return &sim.Report{Signer: api.EthAddress(signer), ProductID: 1, Measurement: d.Measurement, SecurityVersion: d.SecurityVersion,
		Binding: enclave.RegistrationBinding(n.e.Client().ChainID().Uint64(), api.EthAddress(n.e.Addresses().Enigma), api.EthAddress(custodian))}
}

// with returns the bytes of a copy of r changed by f.
func with(r *sim.Report, f func(*sim.Report)) []byte {
	c := *r
	f(&c)
	return c.Bytes()
}
