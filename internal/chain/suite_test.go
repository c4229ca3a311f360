package chain

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain/bindings"
	"github.com/enigma-go/enigma/internal/chain/chaintest"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/enclave/sim"
)

// One suite, every node: the embedded dev chain and anvil.
func TestClientOnDevChain(t *testing.T) {
	t.Parallel()
	runSuite(t, chaintest.DevChain(t, nil))
}

func TestClientOnAnvil(t *testing.T) {
	t.Parallel()
	runSuite(t, chaintest.Anvil(t, chaintest.AnvilOptions{BlockTime: 100 * time.Millisecond}))
}

func dial(t *testing.T, n *chaintest.Node) *Client {
	t.Helper()
	cfg := TestConfig()
	cfg.RPCURL = n.URL
	cfg.ChainID = n.ChainID
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, err := Dial(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

func mustKey(t *testing.T, name string) *ecdsa.PrivateKey {
	k, err := crypto.ToECDSA(crypto.Keccak256([]byte("chain test: " + name)))
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// testMeasurement is the enclave measurement the suite's verifier pins.
var testMeasurement = crypto.Keccak256Hash([]byte("chain test enclave"))

// simReport is a simulated attestation report (docs/protocol/attestation-sim.md)
// of an enclave signing with signer for custodian on e, signed by the
// attestation service.
func simReport(t *testing.T, att *ecdsa.PrivateKey, e *Enigma, signer, custodian common.Address, product byte) (report, sig []byte) {
	r := &sim.Report{Signer: api.EthAddress(signer), Measurement: testMeasurement, ProductID: product, SecurityVersion: 1,
		Binding: enclave.RegistrationBinding(e.Client().ChainID().Uint64(), api.EthAddress(e.Addresses().Enigma), api.EthAddress(custodian))}
	report = r.Bytes()
	sig, err := sim.NewAttestor(att).Attest(context.Background(), report)
	if err != nil {
		t.Fatal(err)
	}
	return report, sig
}

type roles struct {
	owner, km, user Account
	workers         []Account
	kmSigner        *ecdsa.PrivateKey
	workerSigners   []*ecdsa.PrivateKey
	attestation     *ecdsa.PrivateKey
}

func runSuite(t *testing.T, n *chaintest.Node) {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Second)
	defer cancel()
	c := dial(t, n)
	r := roles{
		owner: KeyAccount(n.Accounts[0].Key), km: KeyAccount(n.Accounts[1].Key), user: KeyAccount(n.Accounts[4].Key),
		workers:     []Account{KeyAccount(n.Accounts[2].Key), KeyAccount(n.Accounts[3].Key)},
		kmSigner:    mustKey(t, "km signer"),
		attestation: mustKey(t, "attestation"),
	}
	for i := range r.workers {
		r.workerSigners = append(r.workerSigners, mustKey(t, "worker signer "+string(rune('a'+i))))
	}

	start := time.Now()
	e, err := c.DeployContracts(ctx, r.owner, DeployParams{
		Principal: crypto.PubkeyToAddress(r.kmSigner.PublicKey), EpochSize: 10, TimeoutEpochs: 2,
		SimAttestation: SimAttestation{Signer: crypto.PubkeyToAddress(r.attestation.PublicKey), Measurement: testMeasurement, MinSecurityVersion: 1},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: deployed both contracts in %v", n.Kind, time.Since(start))

	t.Run("views", func(t *testing.T) {
		if size, err := e.EpochSize(ctx); err != nil || size != 10 {
			t.Fatalf("EpochSize = %d, %v", size, err)
		}
		if p, err := e.Principal(ctx); err != nil || p != crypto.PubkeyToAddress(r.kmSigner.PublicKey) {
			t.Fatalf("Principal = %s, %v", p, err)
		}
		if bal, err := e.TokenBalance(ctx, r.owner.Address); err != nil || bal.Sign() <= 0 {
			t.Fatalf("owner's ENG = %v, %v", bal, err)
		}
		raw, err := e.View(ctx, "timeout", e.ABI().PackGetTaskTimeoutSize())
		if err != nil {
			t.Fatal(err)
		}
		if v, err := e.ABI().UnpackGetTaskTimeoutSize(raw); err != nil || v.Uint64() != 20 {
			t.Fatalf("timeout = %v, %v (2 epochs of 10 blocks)", v, err)
		}
	})

	t.Run("fund, register, stake, epoch, task", func(t *testing.T) {
		stake := big.NewInt(1_000 * 1e8)
		recipients := []common.Address{r.user.Address}
		for _, w := range r.workers {
			recipients = append(recipients, w.Address)
		}
		if err := e.FundENG(ctx, r.owner, recipients, stake); err != nil {
			t.Fatal(err)
		}
		report, sig := simReport(t, r.attestation, e, crypto.PubkeyToAddress(r.kmSigner.PublicKey), r.km.Address, 2)
		if _, err := e.Register(ctx, r.km, crypto.PubkeyToAddress(r.kmSigner.PublicKey), report, sig); err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		var loginMu sync.Mutex
		var lastLogin uint64
		errs := make(chan error, len(r.workers))
		for i, w := range r.workers {
			wg.Add(1)
			go func() { // workers act concurrently, as separate nodes would
				defer wg.Done()
				signer := crypto.PubkeyToAddress(r.workerSigners[i].PublicKey)
				report, sig := simReport(t, r.attestation, e, signer, w.Address, 1)
				if _, err := e.Register(ctx, w, signer, report, sig); err != nil {
					errs <- err
					return
				}
				if err := e.ApproveAndDeposit(ctx, w, stake); err != nil {
					errs <- err
					return
				}
				rc, err := e.Login(ctx, w)
				if err == nil {
					loginMu.Lock()
					lastLogin = max(lastLogin, rc.BlockNumber.Uint64())
					loginMu.Unlock()
				}
				errs <- err
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}

		// A revert comes back with its reason, its code and ErrReverted.
		_, err := e.Login(ctx, r.workers[0])
		if !errors.Is(err, ErrReverted) || api.CodeOf(err) != api.CodeChain || !strings.Contains(err.Error(), "not logged out") {
			t.Fatalf("second login: %v", err)
		}

		// Stakes count from the block after the login.
		head := lastLogin + 1
		if err := c.WaitForBlock(ctx, head); err != nil {
			t.Fatal(err)
		}
		active, err := e.ActiveWorkers(ctx, head)
		if err != nil || len(active.Arg0) != 2 {
			t.Fatalf("active workers = %v, %v", active, err)
		}
		seed := big.NewInt(42)
		st, err := e.EpochState(ctx)
		if err != nil {
			t.Fatal(err)
		}
		psig, err := compat.Sign(r.kmSigner, compat.WorkersParamsHash(seed, st.Count, active.Arg0, active.Arg1))
		if err != nil {
			t.Fatal(err)
		}
		set, err := e.SetWorkersParams(ctx, r.km, head, seed, psig[:])
		if err != nil {
			t.Fatal(err)
		}
		epochBlock := set.BlockNumber.Uint64() // the epoch starts with the block that set it
		params, err := e.WorkerParams(ctx, epochBlock)
		if err != nil || len(params.Arg2) != 2 {
			t.Fatalf("worker params = %+v, %v", params, err)
		}
		first, err := e.FirstBlockNumber(ctx, epochBlock)
		if err != nil {
			t.Fatal(err)
		}

		sub, err := e.WatchEvents(ctx, first, 1, "TaskRecordCreated")
		if err != nil {
			t.Fatal(err)
		}
		defer sub.Close()

		gasLimit, gasPx := uint64(100_000), uint64(1)
		if _, err := e.ApproveEnigma(ctx, r.user, new(big.Int).SetUint64(gasLimit*gasPx)); err != nil {
			t.Fatal(err)
		}
		inputs := compat.Keccak256([]byte("chain test inputs"))
		task, err := e.CreateTaskRecord(ctx, r.user, inputs, gasLimit, gasPx, first)
		if err != nil {
			t.Fatal(err)
		}
		if nonce, err := e.UserTaskDeployments(ctx, r.user.Address); err != nil || nonce.Uint64() != 1 {
			t.Fatalf("user task count = %v, %v", nonce, err)
		}
		if task.TaskID != compat.TaskID(r.user.Address, big.NewInt(0)) {
			t.Fatalf("task id %x", task.TaskID)
		}
		rec, err := e.TaskRecord(ctx, task.TaskID)
		if err != nil || rec.Status != 1 || rec.InputsHash != inputs || rec.Sender != r.user.Address {
			t.Fatalf("task record = %+v, %v", rec, err)
		}

		select {
		case l := <-sub.Logs():
			name, decoded, err := e.DecodeEvent(&l)
			ev, ok := decoded.(*bindings.EnigmaTaskRecordCreated)
			if err != nil || name != "TaskRecordCreated" || !ok || ev.TaskId != task.TaskID || l.Removed {
				t.Fatalf("event %s %+v, %v", name, decoded, err)
			}
		case <-ctx.Done():
			t.Fatal("TaskRecordCreated not delivered")
		}
	})

	t.Run("concurrent senders share one account", func(t *testing.T) {
		const n = 12
		to := common.HexToAddress("0x000000000000000000000000000000000000c0de")
		var wg sync.WaitGroup
		errs := make(chan error, n)
		for range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, err := e.TransferToken(ctx, r.owner, to, big.NewInt(1))
				errs <- err
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		if bal, err := e.TokenBalance(ctx, to); err != nil || bal.Int64() != n {
			t.Fatalf("balance = %v, %v", bal, err)
		}
	})

	t.Run("nonce resync after an outside send", func(t *testing.T) {
		// Another process (here: the node's own signer) uses the account;
		// the client must notice "nonce too low" and resync.
		to := common.HexToAddress("0x000000000000000000000000000000000000beef")
		if _, err := c.Transact(ctx, r.owner, Tx{What: "warm up", To: &to, Value: big.NewInt(1)}); err != nil {
			t.Fatal(err)
		}
		// Straight to the node, past the client's nonce manager.
		var outside common.Hash
		if err := c.rpc.CallContext(ctx, &outside, "eth_sendTransaction", map[string]any{"from": r.owner.Address, "to": to, "value": "0x1"}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.WaitReceipt(ctx, outside, "outside send"); err != nil {
			t.Fatal(err)
		}
		before := c.Metrics().SendRetries
		if _, err := c.Transact(ctx, r.owner, Tx{What: "after outside send", To: &to, Value: big.NewInt(1)}); err != nil {
			t.Fatal(err)
		}
		if bal, err := c.Eth().BalanceAt(ctx, to, nil); err != nil || bal.Int64() != 3 {
			t.Fatalf("balance = %v, %v", bal, err)
		}
		if m := c.Metrics(); m.SendRetries == before || m.TxSent == 0 {
			t.Fatalf("metrics %+v: the stale nonce should have cost a retry", m)
		}
	})

	t.Run("the node signs for a NodeAccount", func(t *testing.T) {
		to := common.HexToAddress("0x000000000000000000000000000000000000fade")
		if _, err := c.Transact(ctx, NodeAccount(n.Accounts[7].Address), Tx{What: "node-signed payment", To: &to, Value: big.NewInt(4)}); err != nil {
			t.Fatal(err)
		}
		if bal, err := c.Balance(ctx, to); err != nil || bal.Int64() != 4 {
			t.Fatalf("balance = %v, %v", bal, err)
		}
	})

	t.Run("fresh keys funded with ETH can send", func(t *testing.T) {
		fresh := []Account{KeyAccount(mustKey(t, "fresh 1")), KeyAccount(mustKey(t, "fresh 2"))}
		eth := big.NewInt(1e18)
		if err := c.FundETH(ctx, r.owner, []common.Address{fresh[0].Address, fresh[1].Address}, eth); err != nil {
			t.Fatal(err)
		}
		if _, err := e.TransferToken(ctx, r.owner, fresh[0].Address, big.NewInt(3)); err != nil {
			t.Fatal(err)
		}
		if _, err := e.TransferToken(ctx, fresh[0], fresh[1].Address, big.NewInt(3)); err != nil {
			t.Fatal(err)
		}
		if bal, err := c.Balance(ctx, fresh[1].Address); err != nil || bal.Cmp(eth) != 0 {
			t.Fatalf("ETH of the second key = %v, %v", bal, err)
		}
	})

	t.Run("a mined revert carries its reason", func(t *testing.T) {
		// An explicit gas limit skips estimation, so the revert happens on
		// chain and the reason must come from the node afterwards.
		enigma := e.Addresses().Enigma
		r, err := c.Transact(ctx, r.user, Tx{What: "login a stranger", To: &enigma, Data: e.ABI().PackLogin(), Gas: 200_000})
		if r == nil || r.Status != types.ReceiptStatusFailed || !errors.Is(err, ErrReverted) ||
			!strings.Contains(err.Error(), "Worker not registered or not logged out") || !strings.Contains(err.Error(), "login a stranger") {
			t.Fatalf("receipt %v, err %v", r, err)
		}
		// The dev chain serves debug_traceTransaction over HTTP only with
		// Access.UnsafeRPC; without it the reason above came from replaying
		// the call. Anvil always traces.
		if n.Kind == "anvil" {
			if traced := c.traceRevert(ctx, r.TxHash); traced == nil || !strings.Contains(traced.Error(), "not logged out") {
				t.Fatalf("the node's call tracer gave %v", traced)
			}
		}
	})

	t.Run("receipt wait has a deadline", func(t *testing.T) {
		short := *c
		short.cfg.ReceiptTimeout = 100 * time.Millisecond
		_, err := short.WaitReceipt(ctx, common.HexToHash("0x1234"), "a transaction that was never sent")
		if api.CodeOf(err) != api.CodeTimeout || !strings.Contains(err.Error(), "never sent") {
			t.Fatalf("err = %v", err)
		}
	})
}

// The watch's reorg handling on real nodes: a delivered log whose block is
// reorged out is withdrawn; on the dev chain, which puts the dropped
// transactions back in the pool, the re-mined log is delivered again from
// its new block.
func TestWatchReorgOnDevChain(t *testing.T) {
	t.Parallel()
	runReorg(t, chaintest.DevChain(t, nil))
}

func TestWatchReorgOnAnvil(t *testing.T) {
	t.Parallel()
	runReorg(t, chaintest.Anvil(t, chaintest.AnvilOptions{}))
}

func runReorg(t *testing.T, n *chaintest.Node) {
	c := dial(t, n)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	owner := KeyAccount(n.Accounts[0].Key)
	e, err := c.DeployContracts(ctx, owner, DeployParams{Principal: n.Accounts[9].Address, EpochSize: 10, TimeoutEpochs: 2,
		SimAttestation: SimAttestation{Signer: n.Accounts[8].Address}})
	if err != nil {
		t.Fatal(err)
	}
	n.Pause()
	head, err := c.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sub := c.WatchLogs(ctx, WatchConfig{Addresses: []common.Address{e.Addresses().Token}, FromBlock: head + 1, Confirmations: 2})
	defer sub.Close()

	to, token := n.Accounts[5].Address, e.Addresses().Token
	hash, err := c.Send(ctx, owner, Tx{What: "transfer", To: &token, Data: e.TokenABI().PackTransfer(to, big.NewInt(5))})
	if err != nil {
		t.Fatal(err)
	}
	waitLog := func(removed bool) types.Log {
		t.Helper()
		select {
		case l := <-sub.Logs():
			if l.Removed != removed || l.TxHash != hash {
				t.Fatalf("log %+v, want removed=%v of tx %s", l, removed, hash)
			}
			return l
		case <-ctx.Done():
			t.Fatalf("no log (removed=%v)", removed)
			return types.Log{}
		}
	}
	n.Mine(t) // seals the transfer on the dev chain; an empty block on anvil, which sealed it already
	n.Mine(t)
	n.Mine(t) // the log's block has at least 2 blocks on top
	first := waitLog(false)

	head, err = c.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	n.Rewind(t, head-first.BlockNumber+1)
	n.Mine(t)
	removed := waitLog(true)
	if removed.BlockHash != first.BlockHash {
		t.Fatal("withdrew another block's log")
	}
	if n.Dev == nil {
		return
	}
	// The pool gets the transaction back and seals it into a new block.
	for range 200 {
		n.Mine(t)
		select {
		case l := <-sub.Logs():
			if l.Removed || l.TxHash != hash || l.BlockHash == first.BlockHash {
				t.Fatalf("redelivered %+v", l)
			}
			return
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatal("the re-mined transfer's log was not delivered")
}
