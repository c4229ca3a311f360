package node

import (
	"context"
	"fmt"
	"math/big"
	"net"
	"path/filepath"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/enclave/sim"
	"github.com/enigma-go/enigma/internal/km/kmhttp"
	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/internal/vm"
	"github.com/enigma-go/enigma/internal/worker"
	"github.com/enigma-go/enigma/internal/worker/workerhttp"
)

// Files in a worker's data dir.
const (
	workerSealKeyFile = "seal.key"
	workerSealedFile  = "sealed"
	workerStateDir    = "state"
)

// engGrains is one ENG in its base units (8 decimals).
var engGrains = big.NewInt(100_000_000)

func (n *Node) startWorker(ctx context.Context, cfg Config, ln net.Listener) error {
	dir := cfg.DataDir
	rpcURL, addrs, err := chainTarget(cfg)
	if err != nil {
		return err
	}
	client, err := dialChain(ctx, cfg, rpcURL, n.log)
	if err != nil {
		return err
	}
	n.onClose(func() error { client.Close(); return nil })
	if err := checkSimulationAllowed(cfg, client); err != nil {
		return err
	}
	e := client.Bind(*addrs)
	n.info.Enigma, n.info.Token = &addrs.Enigma, &addrs.Token
	custodian, _, err := sender(ctx, cfg, client, false)
	if err != nil {
		return err
	}
	n.info.Account = &custodian.Address
	// The worker enclave takes state keys only from the contract's
	// principal, the key manager's enclave.
	principal, err := e.Principal(ctx)
	if err != nil {
		return fmt.Errorf("node: read the key manager's address from the Enigma contract at %s (is it deployed on %s?): %w", addrs.Enigma, rpcURL, err)
	}

	engine, err := vm.NewEngine(ctx, vm.DefaultConfig())
	if err != nil {
		return fmt.Errorf("node: start the VM: %w", err)
	}
	n.onClose(func() error { return engine.Close(context.Background()) })
	wc := sim.DefaultConfig()
	wc.SealKeyFile, wc.KeyManager = filepath.Join(dir, workerSealKeyFile), api.EthAddress(principal)
	wc.Runner, wc.Logger = sim.NewVMRunner(engine), n.log
	sealedPath := filepath.Join(dir, workerSealedFile)
	if wc.Sealed, err = readSealed(sealedPath); err != nil {
		return err
	}
	enc, err := sim.NewWorker(wc)
	if err != nil {
		return fmt.Errorf("node: start the worker enclave (remove %s to start with a new identity): %w", sealedPath, err)
	}
	n.onClose(enc.Close)
	// The signing key is the worker's registered identity: keep it.
	sealer := &sealer{enc: enc, path: sealedPath}
	if err := sealer.seal(ctx); err != nil {
		return err
	}
	// Sealed again on the way out, after the worker stopped and before the
	// enclave closes, with whatever it learnt meanwhile.
	n.onClose(func() error { return sealer.seal(context.Background()) })
	signer := enc.Address()
	n.info.Signer = &signer

	sc := state.DefaultConfig()
	sc.Dir = filepath.Join(dir, workerStateDir)
	store, err := state.Open(sc, n.log)
	if err != nil {
		return fmt.Errorf("node: open the state store in %s: %w", sc.Dir, err)
	}
	n.onClose(store.Close)

	kc := kmhttp.DefaultConfig()
	kc.Logger = n.log
	kmc, err := kmhttp.NewClient(cfg.KeyManagerURL, kc)
	if err != nil {
		return err
	}
	// The key manager of a development network runs its simulated
	// attestation service, which signs the enclave's registration report.
	stake := new(big.Int).Mul(new(big.Int).SetUint64(cfg.StakeENG), engGrains)
	if _, err := worker.Join(ctx, e, custodian, enc, kmc, stake, nil); err != nil {
		return err
	}
	n.log.Info("worker logged in", "signer", signer, "custodian", custodian.Address)
	hc := workerhttp.DefaultConfig()
	hc.Logger = n.log
	peers, err := workerhttp.NewPeers(cfg.Peers, worker.NewPeerVerifier(e), hc)
	if err != nil {
		return err
	}
	wcfg := worker.DefaultConfig()
	wcfg.Enclave, wcfg.Store, wcfg.Enigma, wcfg.Account, wcfg.KeyManager, wcfg.Directory, wcfg.Logger = enc, store, e, custodian, kmc, peers, n.log
	if cfg.ReceiptTimeout > 0 {
		wcfg.ReceiptTimeout = time.Duration(cfg.ReceiptTimeout)
	}
	if cfg.ResultRetention > 0 {
		wcfg.ResultRetention = time.Duration(cfg.ResultRetention)
	}
	if cfg.MaxResults > 0 {
		wcfg.MaxResults = cfg.MaxResults
	}
	if cfg.MaxPending > 0 {
		wcfg.MaxPending = cfg.MaxPending
	}
	w, err := worker.New(ctx, wcfg)
	if err != nil {
		return err
	}
	n.onClose(w.Close)
	srv, err := workerhttp.NewServer(w, hc)
	if err != nil {
		return err
	}
	rctx := n.runContext()
	n.goRun(rctx, "workerhttp server", func(ctx context.Context) error { return srv.Serve(ctx, ln) })
	return nil
}
