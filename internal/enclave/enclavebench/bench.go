// Package enclavebench measures the enclave's per-task cost on the
// simulated backend with the real VM: task key issuance (ECDH, signature)
// and Execute (decrypt, inputs hash, VM run, encrypt output and state,
// sign the receipt) of a trivial contract, sequentially and from several
// goroutines. `enigma bench enclave` and the sim package's benchmarks use
// it. It plays the client and the host itself and must not import the
// state store, the chain or network code.
package enclavebench

import (
	"context"
	"crypto/rand"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/crypto/envelope"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/enclave/sim"
	"github.com/enigma-go/enigma/internal/enclave/testcontract"
	"github.com/enigma-go/enigma/internal/vm"
	"github.com/ethereum/go-ethereum/common"
)

// Env is a worker enclave with one deployed trivial contract.
type Env struct {
	Worker   *sim.Worker
	km       *sim.KeyManager
	engine   *vm.Engine
	dir      string
	code     []byte
	contract api.ContractAddress
	state    []byte
	last     api.Hash
	next     uint64
}

const epoch = 100

// NewEnv starts a key manager and a worker enclave in a temporary folder
// and deploys the trivial contract. Close removes everything.
func NewEnv(ctx context.Context) (*Env, error) {
	dir, err := os.MkdirTemp("", "enigma-enclavebench-")
	if err != nil {
		return nil, err
	}
	e := &Env{dir: dir, code: testcontract.Contract()}
	if err := e.start(ctx); err != nil {
		e.Close()
		return nil, err
	}
	return e, nil
}

func (e *Env) start(ctx context.Context) (err error) {
	kc := sim.DefaultConfig()
	kc.SealKeyFile = filepath.Join(e.dir, "km.seal")
	if e.km, err = sim.NewKeyManager(kc); err != nil {
		return err
	}
	if e.engine, err = vm.NewEngine(ctx, vm.DefaultConfig()); err != nil {
		return err
	}
	wc := sim.DefaultConfig()
	wc.SealKeyFile = filepath.Join(e.dir, "worker.seal")
	wc.KeyManager, wc.Runner = e.km.Address(), sim.NewVMRunner(e.engine)
	if e.Worker, err = sim.NewWorker(wc); err != nil {
		return err
	}
	ep, err := enclave.SetEpoch(ctx, e.km, &enclave.NewEpochRequest{BlockNumber: epoch,
		Workers: []api.EthAddress{e.Worker.Address()}, Stakes: [][32]byte{{31: 1}}}, epoch)
	if err != nil {
		return err
	}
	req, err := e.Task(ctx, enclave.KindDeploy, "construct(bytes)", []byte("0"))
	if err != nil {
		return err
	}
	skr, err := e.Worker.StateKeysRequest(ctx, &enclave.NewStateKeysRequest{EpochSeed: ep.Seed, Contracts: []api.Hash{req.Contract}})
	if err != nil {
		return err
	}
	reply, err := e.km.GetStateKeys(ctx, skr)
	if err != nil {
		return err
	}
	if _, err := e.Worker.InstallStateKeys(ctx, reply); err != nil {
		return err
	}
	resp, err := e.Worker.Execute(ctx, req)
	if err != nil {
		return err
	}
	if resp.Status != enclave.TaskSuccess {
		return fmt.Errorf("enclavebench: deploy failed with code %d", resp.FailureCode)
	}
	e.contract, e.state, e.last = req.Contract, resp.State, resp.DeltaHash
	return nil
}

// Close stops the VM and removes the temporary folder.
func (e *Env) Close() {
	if e.engine != nil {
		e.engine.Close(context.Background())
	}
	os.RemoveAll(e.dir)
}

// Task prepares a task as a client would (a fresh user key, a task key
// from the worker, the encrypted inputs and their hash) against the
// contract's current state. fn's first letter picks what the contract does
// (see testcontract).
func (e *Env) Task(ctx context.Context, kind enclave.TaskKind, fn string, args []byte) (*enclave.ExecuteRequest, error) {
	user, err := compat.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	upub := compat.PublicKeyBytes(&user.PublicKey)
	// Each user is a client of its own, as a gateway names clients.
	tk, err := e.Worker.NewTaskKey(ctx, &enclave.TaskKeyRequest{UserPubKey: upub, Epoch: epoch, Requester: [32]byte(upub[:32])})
	if err != nil {
		return nil, err
	}
	wpub, err := compat.ParsePublicKey(tk.WorkerPubKey[:])
	if err != nil {
		return nil, err
	}
	key := compat.DeriveKey(user, wpub)
	encFn, err := compat.Encrypt(key, []byte(fn), rand.Reader)
	if err != nil {
		return nil, err
	}
	encArgs, err := compat.Encrypt(key, args, rand.Reader)
	if err != nil {
		return nil, err
	}
	e.next++
	req := &enclave.ExecuteRequest{Kind: kind, Envelope: enclave.EnvelopeCompat, UserPubKey: upub,
		EncryptedFn: encFn, EncryptedArgs: encArgs, GasLimit: 1_000_000, BlockNumber: epoch + 1,
		BlockTime: 1_700_000_000, Epoch: epoch,
		TaskID: compat.Keccak256([]byte("enclavebench"), []byte(fmt.Sprint(e.next)))}
	x := e.contract[:]
	if kind == enclave.KindDeploy {
		req.Contract, req.Code = req.TaskID, e.code
		h := compat.Keccak256(e.code)
		x = h[:]
	} else {
		req.Contract, req.Code, req.State, req.PrevDeltaHash = e.contract, e.code, e.state, e.last
	}
	req.InputsHash = compat.InputsHash(encFn, encArgs, x, upub[:])
	return req, nil
}

// Commit records a successful task's new state as the host's store would.
func (e *Env) Commit(resp *enclave.ExecuteResponse) {
	if !resp.DeltaHash.IsZero() {
		e.state, e.last = resp.State, resp.DeltaHash
	}
}

// Batched executes n batched v2 tasks that each write the state, signing a
// batch every batchSize tasks, and times Execute and SignBatch only (the
// client's sealing and signing are prepared before).
func (e *Env) Batched(ctx context.Context, n, batchSize int) (Result, error) {
	const chainID, gasPx = 1337, 1
	enigma := api.EthAddress{0xe1}
	ek, err := e.Worker.EpochKey(ctx, &enclave.EpochKeyRequest{Epoch: epoch, ChainID: chainID, EnigmaContract: enigma})
	if err != nil {
		return Result{}, err
	}
	payer, err := compat.GenerateKey(rand.Reader)
	if err != nil {
		return Result{}, err
	}
	sender := api.EthAddress(compat.Address(&payer.PublicKey))
	reqs := make([]*enclave.ExecuteRequest, n)
	for i := range reqs {
		nonce := e.next + uint64(i) + 1
		c := envelope.Context{ChainID: chainID, EnigmaContract: common.Address(enigma), SecretContract: e.contract,
			CodeHash: compat.Keccak256(e.code), Epoch: epoch, Sender: common.Address(sender), TaskNonce: nonce}
		msg, _, err := envelope.SealRequest(ek.PublicKey, c, envelope.EncodeCall("set(bytes)", []byte(fmt.Sprint(i))), envelope.Options{})
		if err != nil {
			return Result{}, err
		}
		r := &enclave.ExecuteRequest{Kind: enclave.KindCompute, Envelope: enclave.EnvelopeV2, TaskID: enclave.BatchedTaskID(sender, nonce),
			Contract: e.contract, Code: e.code, EncryptedFn: msg, InputsHash: envelope.InputsHash(msg), GasLimit: 1_000_000,
			BlockNumber: epoch + 1, BlockTime: 1_700_000_000, Epoch: epoch, ChainID: chainID, EnigmaContract: enigma,
			Sender: sender, TaskNonce: nonce, Batched: true, GasPx: gasPx}
		if r.UserSignature, err = compat.Sign(payer, enclave.BatchedTaskHash(chainID, enigma, e.contract, r.TaskID, r.Epoch, r.InputsHash, r.GasLimit, gasPx)); err != nil {
			return Result{}, err
		}
		reqs[i] = r
	}
	e.next += uint64(n)
	var spent time.Duration
	var batches uint64
	startState, startLast := e.state, e.last
	for i, r := range reqs {
		r.State, r.PrevDeltaHash = e.state, e.last
		t0 := time.Now()
		resp, err := e.Worker.Execute(ctx, r)
		var sb *enclave.SignedBatch
		if err == nil && ((i+1)%batchSize == 0 || i == n-1) {
			sb, err = e.Worker.SignBatch(ctx, &enclave.SignBatchRequest{Contract: e.contract, EpochFirstBlock: epoch, BatchIndex: batches, ChainID: chainID, EnigmaContract: enigma})
			batches++
		}
		spent += time.Since(t0)
		if err != nil {
			return Result{}, err
		}
		if resp.Status != enclave.TaskSuccess {
			return Result{}, fmt.Errorf("enclavebench: batched task failed with code %d", resp.FailureCode)
		}
		e.Commit(resp)
		if sb != nil {
			// The next batch runs on the batch's state, as the host's lane does.
			if !sb.NewDeltaHash.IsZero() {
				e.state, e.last = sb.State, sb.NewDeltaHash
			} else {
				e.state, e.last = startState, startLast
			}
			startState, startLast = e.state, e.last
		}
	}
	return result(fmt.Sprintf("batched v2 set(bytes), batches of %d", batchSize), n, 1, spent), nil
}

// Result is one measurement.
type Result struct {
	Name        string
	Tasks       int
	Goroutines  int
	Elapsed     time.Duration // time spent in the enclave calls measured
	TasksPerSec float64
}

// Sequential executes n tasks in a row, timing only Execute (the client's
// preparation and the task key are outside the timer). fn "get()" leaves the
// state unchanged; "set(bytes)" writes it, producing and chaining a delta
// every task.
func (e *Env) Sequential(ctx context.Context, fn string, n int) (Result, error) {
	var spent time.Duration
	for i := 0; i < n; i++ {
		req, err := e.Task(ctx, enclave.KindCompute, fn, []byte(fmt.Sprint(i)))
		if err != nil {
			return Result{}, err
		}
		t0 := time.Now()
		resp, err := e.Worker.Execute(ctx, req)
		spent += time.Since(t0)
		if err != nil {
			return Result{}, err
		}
		if resp.Status != enclave.TaskSuccess {
			return Result{}, fmt.Errorf("enclavebench: task failed with code %d", resp.FailureCode)
		}
		e.Commit(resp)
	}
	return result("execute "+fn, n, 1, spent), nil
}

// IssueKeys times n task key issuances (key generation, ECDH, signature).
func (e *Env) IssueKeys(ctx context.Context, n int) (Result, error) {
	user, err := compat.GenerateKey(rand.Reader)
	if err != nil {
		return Result{}, err
	}
	req := &enclave.TaskKeyRequest{UserPubKey: compat.PublicKeyBytes(&user.PublicKey), Epoch: epoch}
	t0 := time.Now()
	for range n {
		if _, err := e.Worker.NewTaskKey(ctx, req); err != nil {
			return Result{}, err
		}
	}
	return result("issue task key", n, 1, time.Since(t0)), nil
}

// Parallel prepares n read-only tasks, then executes them from g
// goroutines and reports the wall-clock rate of Execute.
func (e *Env) Parallel(ctx context.Context, n, g int) (Result, error) {
	reqs := make([]*enclave.ExecuteRequest, n)
	for i := range reqs {
		var err error
		if reqs[i], err = e.Task(ctx, enclave.KindCompute, "get()", nil); err != nil {
			return Result{}, err
		}
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var firstErr error
	next := make(chan *enclave.ExecuteRequest, n)
	for _, r := range reqs {
		next <- r
	}
	close(next)
	start := time.Now()
	for range g {
		wg.Go(func() {
			for r := range next {
				resp, err := e.Worker.Execute(ctx, r)
				if err == nil && resp.Status != enclave.TaskSuccess {
					err = fmt.Errorf("enclavebench: task failed with code %d", resp.FailureCode)
				}
				if err != nil {
					mu.Lock()
					firstErr = err
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	return result(fmt.Sprintf("parallel get() x%d", g), n, g, time.Since(start)), firstErr
}

func result(name string, n, g int, d time.Duration) Result {
	r := Result{Name: name, Tasks: n, Goroutines: g, Elapsed: d}
	if d > 0 {
		r.TasksPerSec = float64(n) / d.Seconds()
	}
	return r
}
