package attack_test

import (
	"context"
	"crypto/rand"
	"errors"
	"math/big"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/crypto/compat"
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

// sendEach runs f for every address at once and returns the first error.
func sendEach(addrs []common.Address, f func(common.Address) error) error {
	errs := make([]error, len(addrs))
	sendEachIndexed(len(addrs), func(i int) { errs[i] = f(addrs[i]) })
	return errors.Join(errs...)
}

// sendEachIndexed runs f(0..n-1), 32 at a time.
func sendEachIndexed(n int, f func(i int)) {
	var wg sync.WaitGroup
	slots := make(chan struct{}, 32)
	for i := range n {
		wg.Add(1)
		slots <- struct{}{}
		go func() {
			defer func() { <-slots; wg.Done() }()
			f(i)
		}()
	}
	wg.Wait()
}

// joinPlain registers custodian with a simulated enclave report for a
// fresh signing key, stakes and logs in, as any operator of a development
// network can.
func joinPlain(n *network, custodian chain.Account, stake *big.Int, login bool) error {
	k, err := compat.GenerateKey(rand.Reader)
	if err != nil {
		return err
	}
	signer := compat.Address(&k.PublicKey)
	report := simReport(n, signer, custodian.Address).Bytes()
	sig, err := n.d.Attestor().Attest(n.ctx, report)
	if err != nil {
		return err
	}
	if _, err := n.e.Register(n.ctx, custodian, signer, report, sig); err != nil {
		return err
	}
	if err := n.e.ApproveAndDeposit(n.ctx, custodian, stake); err != nil {
		return err
	}
	if !login {
		return nil
	}
	_, err = n.e.Login(n.ctx, custodian)
	return err
}

// epochGas is the gas of the setWorkersParams mined in block b.
func epochGas(t *testing.T, n *network, b uint64) uint64 {
	t.Helper()
	logs, err := n.e.Client().Eth().FilterLogs(n.ctx, ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(b), ToBlock: new(big.Int).SetUint64(b), Addresses: []common.Address{n.e.Addresses().Enigma}})
	if err != nil {
		t.Fatal(err)
	}
	for i := range logs {
		if _, err := n.e.ABI().UnpackWorkersParameterizedEvent(&logs[i]); err == nil {
			r, err := n.e.Client().Eth().TransactionReceipt(n.ctx, logs[i].TxHash)
			if err != nil {
				t.Fatal(err)
			}
			return r.GasUsed
		}
	}
	t.Fatalf("no WorkersParameterized event in block %d", b)
	return 0
}
