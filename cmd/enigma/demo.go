package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/node"
	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/sdk/contract"
	"github.com/enigma-go/enigma/sdk/contract/build"
)

func init() {
	registerCommand(command{
		name:    "demo",
		summary: "the millionaires' problem through a key manager and a worker enclave, the VM and the state store (no chain)",
		run:     runDemo,
	})
}

// demoGasLimit covers the deploy of a Go contract, which pays one gas per
// byte of its few-megabyte module.
const demoGasLimit = 20_000_000

// demo plays the parts the devnet's chain and nodes play: it picks the task
// ids and block facts a task record would carry and passes each task from
// the client to the worker's enclave and the result back to the client. The
// client side encrypts exactly as enigma-js 0.3.0 does.
type demo struct {
	ctx    context.Context
	worker enclave.Enclave
	km     enclave.KeyManager
	store  *state.PebbleStore
	addr   api.EthAddress // the worker's signing address
	seed   [32]byte
	code   []byte
	nonce  int64
	epoch  uint64
	tip    map[api.ContractAddress]*state.StateBlob
}

type demoUser struct {
	name string
	priv *ecdsa.PrivateKey
	eth  common.Address
}

func runDemo(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	dir := fs.String("data", "", "folder for the state store and sealed keys (default: a temporary folder, removed afterwards)")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	if *dir == "" {
		tmp, err := os.MkdirTemp("", "enigma-demo-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		*dir = tmp
	}
	start := time.Now()
	step := func(format string, a ...any) {
		fmt.Printf("[%6.2fs] %s\n", time.Since(start).Seconds(), fmt.Sprintf(format, a...))
	}

	step("building examples/millionaire for GOOS=wasip1")
	res, err := build.Contract(ctx, build.Options{Dir: "examples/millionaire", Out: filepath.Join(*dir, "millionaire.wasm"), Stderr: os.Stderr})
	if err != nil {
		return fmt.Errorf("build the example contract (run the demo from the repository's root): %w", err)
	}
	code, err := os.ReadFile(res.Path)
	if err != nil {
		return err
	}
	step("built %d bytes, code hash %s", res.Size, res.CodeHash)

	d, closeAll, err := startDemo(ctx, *dir, code)
	if err != nil {
		return err
	}
	defer closeAll()
	step("key manager and worker enclaves up; worker signing address %s; epoch seed drawn in the key manager", d.addr)

	alice, bob := newDemoUser("alice"), newDemoUser("bob")
	t, err := d.run(alice, enclave.KindDeploy, api.Hash{}, "construct()", nil)
	if err != nil {
		return err
	}
	scAddr := t.contract
	step("deployed the secret contract %s (gas %d, receipt signed by the worker)", scAddr, t.resp.GasUsed)

	for _, m := range []struct {
		u     *demoUser
		worth int64
	}{{alice, 1_000_000}, {bob, 2_000_000}} {
		args, err := contract.EncodeArgs("(address,uint256)", contract.Address(m.u.eth), big.NewInt(m.worth))
		if err != nil {
			return err
		}
		if t, err = d.run(m.u, enclave.KindCompute, scAddr, "add_millionaire(address,uint256)", args); err != nil {
			return err
		}
		step("%s sent an encrypted net worth (gas %d, state delta %d: %x...)", m.u.name, t.resp.GasUsed, t.resp.DeltaIndex, t.resp.DeltaHash[:6])
	}
	if t, err = d.run(alice, enclave.KindCompute, scAddr, "compute_richest()", nil); err != nil {
		return err
	}
	out, err := t.output()
	if err != nil {
		return err
	}
	var richest contract.Bytes32
	if err := contract.DecodeArgs("(bytes32)", out, &richest); err != nil {
		return fmt.Errorf("decode the result: %w", err)
	}
	winner := "nobody"
	for _, u := range []*demoUser{alice, bob} {
		if common.BytesToAddress(richest[12:]) == u.eth {
			winner = u.name
		}
	}
	step("compute_richest() = %s (%s); output hash %x matches the receipt", common.BytesToAddress(richest[12:]), winner, t.resp.OutputHash[:8])
	tip, err := d.store.Tip(ctx, scAddr)
	if err != nil {
		return err
	}
	step("done: %d state deltas stored encrypted in Pebble; neither net worth ever left an enclave in plaintext", tip.Index+1)
	return nil
}

func newDemoUser(name string) *demoUser {
	priv, err := compat.GenerateKey(rand.Reader)
	if err != nil {
		panic(err) // crypto/rand does not fail
	}
	return &demoUser{name: name, priv: priv, eth: compat.Address(&priv.PublicKey)}
}

func startDemo(ctx context.Context, dir string, code []byte) (*demo, func(), error) {
	// The parts a worker node runs (internal/node), driven by hand: no
	// chain, one throwaway key manager and worker enclave.
	o, err := node.NewOffline(ctx, dir, false)
	if err != nil {
		return nil, nil, err
	}
	worker, km, store := o.Worker, o.KeyManager, o.Store
	closeAll := func() { o.Close() }
	reg, err := worker.Registration(ctx, &enclave.RegistrationRequest{})
	if err != nil {
		closeAll()
		return nil, nil, err
	}
	d := &demo{ctx: ctx, worker: worker, km: km, store: store, addr: reg.SigningAddress, code: code,
		epoch: 100, tip: map[api.ContractAddress]*state.StateBlob{}}
	ep, err := enclave.SetEpoch(ctx, km, &enclave.NewEpochRequest{BlockNumber: d.epoch, Workers: []api.EthAddress{d.addr}, Stakes: [][32]byte{{31: 1}}}, d.epoch)
	if err != nil {
		closeAll()
		return nil, nil, err
	}
	d.seed = ep.Seed
	return d, closeAll, nil
}

// run sends one task as the client and the host would and commits its
// result to the store. For a deploy it returns the new contract's address.
func (d *demo) run(u *demoUser, kind enclave.TaskKind, sc api.ContractAddress, fn string, args []byte) (*demoTask, error) {
	key, err := d.taskKey(u)
	if err != nil {
		return nil, err
	}
	encFn, err := compat.Encrypt(key, []byte(fn), rand.Reader)
	if err != nil {
		return nil, err
	}
	if args == nil {
		args = []byte{}
	}
	encArgs, err := compat.Encrypt(key, args, rand.Reader)
	if err != nil {
		return nil, err
	}
	d.nonce++
	taskID := compat.TaskID(u.eth, big.NewInt(d.nonce))
	req := &enclave.ExecuteRequest{Kind: kind, Envelope: enclave.EnvelopeCompat, TaskID: taskID, Contract: sc,
		UserPubKey: enclave.PublicKey(compat.PublicKeyBytes(&u.priv.PublicKey)), EncryptedFn: encFn, EncryptedArgs: encArgs,
		GasLimit: demoGasLimit, BlockNumber: d.epoch + uint64(d.nonce), BlockTime: time.Now().Unix(), Epoch: d.epoch, Code: d.code}
	x := sc[:]
	if kind == enclave.KindDeploy {
		req.Contract = taskID
		codeHash := compat.Keccak256(d.code)
		x = codeHash[:]
		if err := d.provision(req.Contract); err != nil {
			return nil, err
		}
	} else if blob := d.tip[sc]; blob != nil {
		req.State, req.PrevDeltaHash = blob.Data, blob.Hash
	}
	req.InputsHash = compat.InputsHash(encFn, encArgs, x, req.UserPubKey[:])

	r, err := d.worker.Execute(d.ctx, req)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", fn, err)
	}
	t := &demoTask{contract: req.Contract, resp: r, key: key}
	if r.Status != enclave.TaskSuccess {
		msg, _ := t.output()
		return nil, fmt.Errorf("%s failed (code %d): %s", fn, r.FailureCode, msg)
	}
	if err := d.commit(req, r); err != nil {
		return nil, err
	}
	return t, nil
}

// demoTask is a finished task as its client sees it.
type demoTask struct {
	contract api.ContractAddress
	resp     *enclave.ExecuteResponse
	key      [32]byte // the key the client derived for this task
}

func (d *demo) taskKey(u *demoUser) ([32]byte, error) {
	resp, err := d.worker.NewTaskKey(d.ctx, &enclave.TaskKeyRequest{UserPubKey: compat.PublicKeyBytes(&u.priv.PublicKey), Epoch: d.epoch})
	if err != nil {
		return [32]byte{}, err
	}
	// enigma-js checks that the key is signed by the selected worker.
	signer, err := compat.Recover(compat.WorkerKeyMessageHash(resp.WorkerPubKey), resp.Signature[:])
	if err != nil || api.EthAddress(signer) != d.addr {
		return [32]byte{}, fmt.Errorf("the task key is not signed by the worker %s: %v", d.addr, err)
	}
	wpub, err := compat.ParsePublicKey(resp.WorkerPubKey[:])
	if err != nil {
		return [32]byte{}, err
	}
	return compat.DeriveKey(u.priv, wpub), nil
}

// provision moves a new contract's state key from the key manager's
// enclave to the worker's, encrypted between the two.
func (d *demo) provision(sc api.ContractAddress) error {
	req, err := d.worker.StateKeysRequest(d.ctx, &enclave.NewStateKeysRequest{EpochSeed: d.seed, Contracts: []api.ContractAddress{sc}})
	if err != nil {
		return err
	}
	reply, err := d.km.GetStateKeys(d.ctx, req)
	if err != nil {
		return err
	}
	_, err = d.worker.InstallStateKeys(d.ctx, reply)
	return err
}

func (d *demo) commit(req *enclave.ExecuteRequest, r *enclave.ExecuteResponse) error {
	kind := state.KindCompute
	c := &state.TaskCommit{PrevHash: r.PrevDeltaHash}
	if req.Kind == enclave.KindDeploy {
		kind, c.Code = state.KindDeploy, req.Code
	}
	c.Result = state.TaskResult{TaskID: r.TaskID, Contract: req.Contract, Kind: kind, Status: api.StatusSuccess,
		Output: r.Output, UsedGas: r.GasUsed, Signature: r.Signature[:], EthPayload: r.EthPayload, EthAddress: r.EthAddress}
	if !r.DeltaHash.IsZero() {
		c.Delta = &state.Delta{Index: r.DeltaIndex, Hash: r.DeltaHash, Data: r.Delta}
		c.State = r.State
		d.tip[req.Contract] = &state.StateBlob{Index: r.DeltaIndex, Hash: r.DeltaHash, Data: r.State}
	}
	return d.store.CommitTask(d.ctx, c)
}

// output opens a task's output as the client does, after checking it
// against the output hash the signed receipt commits to.
func (t *demoTask) output() ([]byte, error) {
	if compat.Keccak256(t.resp.Output) != t.resp.OutputHash {
		return nil, errors.New("the output does not match the receipt's output hash")
	}
	return compat.Decrypt(t.key, t.resp.Output)
}
