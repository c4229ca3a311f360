package devnet

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/selection"
	"github.com/enigma-go/enigma/sdk/contract"
	"github.com/enigma-go/enigma/sdk/contract/build"
)

var (
	calcOnce sync.Once
	calcCode []byte
	calcErr  error
)

// calculator builds examples/calculator once per test binary.
func calculator(t *testing.T) []byte {
	t.Helper()
	calcOnce.Do(func() {
		dir, err := os.MkdirTemp("", "devnet-calc-")
		if err != nil {
			calcErr = err
			return
		}
		defer os.RemoveAll(dir)
		res, err := build.Contract(context.Background(), build.Options{Dir: "../../examples/calculator", Out: filepath.Join(dir, "calc.wasm")})
		if err != nil {
			calcErr = err
			return
		}
		calcCode, calcErr = os.ReadFile(res.Path)
	})
	if calcErr != nil {
		t.Fatalf("build the calculator: %v", calcErr)
	}
	return calcCode
}

// user is a compat client written from the enigma-js 0.3.0 flow, enough to
// drive the devnet from Go tests.
type user struct {
	t       *testing.T
	d       *Devnet
	account chain.Account
	priv    *ecdsa.PrivateKey
}

func newUser(t *testing.T, d *Devnet, i int) *user {
	priv, err := compat.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return &user{t: t, d: d, account: chain.NodeAccount(d.Accounts()[i]), priv: priv}
}

func (u *user) rpc(ctx context.Context, method string, params any, out any) error {
	body, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": 1, "method": method, "params": params})
	req, _ := http.NewRequestWithContext(ctx, "POST", u.d.GatewayURL(), bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var r struct {
		Result json.RawMessage `json:"result"`
		Error  *struct {
			Code    int    `json:"code"`
			Message string `json:"message"`
		} `json:"error"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return err
	}
	if r.Error != nil {
		return fmt.Errorf("%s: %d %s", method, r.Error.Code, r.Error.Message)
	}
	return json.Unmarshal(r.Result, out)
}

// selected is the worker selected for scAddr at the head block.
func (u *user) selected(ctx context.Context, scAddr api.Hash) (api.EthAddress, uint64) {
	e := u.d.enigma
	head, err := e.Client().BlockNumber(ctx)
	if err != nil {
		u.t.Fatal(err)
	}
	p, err := e.WorkerParams(ctx, head)
	if err != nil {
		u.t.Fatal(err)
	}
	w, err := selection.SelectOne(selection.Params{FirstBlock: p.Arg0.Uint64(), Seed: p.Arg1, Workers: p.Arg2, Stakes: p.Arg3}, scAddr)
	if err != nil {
		u.t.Fatal(err)
	}
	return api.EthAddress(w), p.Arg0.Uint64()
}

func (u *user) key(ctx context.Context, worker api.EthAddress) [32]byte {
	var r struct {
		Result struct {
			Key string `json:"workerEncryptionKey"`
			Sig string `json:"workerSig"`
		} `json:"result"`
	}
	pub := compat.PublicKeyBytes(&u.priv.PublicKey)
	if err := u.rpc(ctx, "getWorkerEncryptionKey", map[string]string{"workerAddress": worker.Hex(), "userPubKey": hex.EncodeToString(pub[:])}, &r); err != nil {
		u.t.Fatal(err)
	}
	wpub, _ := hex.DecodeString(r.Result.Key)
	sig, _ := hex.DecodeString(r.Result.Sig)
	if err := compat.VerifyWorkerKey(common.Address(worker), [64]byte(wpub), sig); err != nil {
		u.t.Fatalf("worker key signature: %v", err)
	}
	k, err := compat.DeriveKeyFromBytes(u.priv, wpub)
	if err != nil {
		u.t.Fatal(err)
	}
	return k
}

type sent struct {
	id  api.TaskID
	key [32]byte
}

// task records and sends one task; deploy when code is non-nil. worker
// overrides the selected worker when non-zero.
func (u *user) task(ctx context.Context, sc api.Hash, code []byte, fn string, args []byte, gasLimit uint64, worker api.EthAddress) sent {
	e := u.d.enigma
	nonce, err := e.UserTaskDeployments(ctx, u.account.Address)
	if err != nil {
		u.t.Fatal(err)
	}
	id := api.TaskID(compat.TaskID(u.account.Address, nonce))
	if code != nil {
		sc = id
	}
	sel, first := u.selected(ctx, sc)
	if worker == (api.EthAddress{}) {
		worker = sel
	}
	key := u.key(ctx, worker)
	encFn, _ := compat.Encrypt(key, []byte(fn), rand.Reader)
	encArgs, _ := compat.Encrypt(key, args, rand.Reader)
	pub := compat.PublicKeyBytes(&u.priv.PublicKey)
	x := sc[:]
	if code != nil {
		h := compat.Keccak256(code)
		x = h[:]
	}
	inputs := compat.InputsHash(encFn, encArgs, x, pub[:])
	if _, err := e.ApproveEnigma(ctx, u.account, new(big.Int).SetUint64(gasLimit)); err != nil {
		u.t.Fatal(err)
	}
	params := map[string]string{"taskId": id.Hex(), "workerAddress": worker.Hex(), "encryptedFn": hex.EncodeToString(encFn),
		"encryptedArgs": hex.EncodeToString(encArgs), "contractAddress": sc.Hex(), "userDHKey": hex.EncodeToString(pub[:])}
	method := "sendTaskInput"
	if code != nil {
		if _, err := e.CreateDeploymentTaskRecord(ctx, u.account, inputs, gasLimit, 1, first, nonce); err != nil {
			u.t.Fatal(err)
		}
		var gz bytes.Buffer
		zw := gzip.NewWriter(&gz)
		zw.Write(code)
		zw.Close()
		params["preCode"] = base64.StdEncoding.EncodeToString(gz.Bytes())
		method = "deploySecretContract"
	} else if _, err := e.CreateTaskRecord(ctx, u.account, inputs, gasLimit, 1, first); err != nil {
		u.t.Fatal(err)
	}
	var ok map[string]any
	if err := u.rpc(ctx, method, params, &ok); err != nil {
		u.t.Fatal(err)
	}
	return sent{id: id, key: key}
}

// wait polls getTaskResult until the task is final and returns its status,
// decrypted output (when it opens) and on-chain status.
func (u *user) wait(ctx context.Context, s sent) (api.TaskStatus, []byte, uint8) {
	for {
		var r struct {
			Result struct {
				Status api.TaskStatus `json:"status"`
				Output string         `json:"output"`
			} `json:"result"`
		}
		if err := u.rpc(ctx, "getTaskResult", map[string]string{"taskId": s.id.Hex()}, &r); err != nil {
			u.t.Fatal(err)
		}
		if r.Result.Status.Final() {
			rec, err := u.d.enigma.TaskRecord(ctx, s.id)
			if err != nil {
				u.t.Fatal(err)
			}
			ct, _ := hex.DecodeString(r.Result.Output)
			out, _ := compat.Decrypt(s.key, ct)
			return r.Result.Status, out, rec.Status
		}
		select {
		case <-ctx.Done():
			u.t.Fatalf("task %s did not finish: last status %s", s.id, r.Result.Status)
		case <-time.After(100 * time.Millisecond):
		}
	}
}

func TestDeployAndComputeThroughTheChain(t *testing.T) {
	code := calculator(t)
	cfg := TestConfig()
	cfg.EpochSize = 100 // no epoch change in the middle of the test
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	d, err := Start(ctx, asked(cfg))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	u := newUser(t, d, 0)

	dep := u.task(ctx, api.Hash{}, code, "construct()", []byte{}, 20_000_000, api.EthAddress{})
	if st, _, chainSt := u.wait(ctx, dep); st != api.StatusSuccess || chainSt != 2 {
		t.Fatalf("deploy: gateway %s, chain %d", st, chainSt)
	}
	args, _ := contract.EncodeArgs("(uint256,uint256)", big.NewInt(76), big.NewInt(17))
	s := u.task(ctx, dep.id, nil, "sub(uint256,uint256)", args, 2_000_000, api.EthAddress{})
	st, out, chainSt := u.wait(ctx, s)
	if st != api.StatusSuccess || chainSt != 2 {
		t.Fatalf("sub: gateway %s, chain %d", st, chainSt)
	}
	var diff contract.Uint256
	if err := contract.DecodeArgs("(uint256)", out, &diff); err != nil || diff.Big().Int64() != 59 {
		t.Fatalf("sub(76,17) = %x (%v), want 59", out, err)
	}

	// A task sent to a worker that was not selected is forwarded to the
	// selected one, whose enclave cannot open it: a failure receipt.
	sel, _ := u.selected(ctx, dep.id)
	var other api.EthAddress
	for _, n := range d.workers {
		if n.signer != sel {
			other = n.signer
		}
	}
	s = u.task(ctx, dep.id, nil, "sub(uint256,uint256)", args, 2_000_000, other)
	if st, _, chainSt := u.wait(ctx, s); st != api.StatusFailed || chainSt != 3 {
		t.Fatalf("wrong worker: gateway %s, chain %d; want FAILED and 3", st, chainSt)
	}
}

// A worker killed with a task in hand: the task still ends, with its
// receipt if it was already sent, else by the refund after the timeout.
// Tasks for the contract are refused at submission while it is down.
func TestKilledWorkerTaskEnds(t *testing.T) {
	code := calculator(t)
	cfg := TestConfig()
	cfg.EpochSize, cfg.TimeoutEpochs = 300, 1 // one epoch for the whole test, even under -race (60 s); refunds after 300 blocks
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	d, err := Start(ctx, asked(cfg))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	u := newUser(t, d, 0)
	dep := u.task(ctx, api.Hash{}, code, "construct()", []byte{}, 20_000_000, api.EthAddress{})
	if st, _, _ := u.wait(ctx, dep); st != api.StatusSuccess {
		t.Fatalf("deploy: %s", st)
	}
	args, _ := contract.EncodeArgs("(uint256,uint256)", big.NewInt(2), big.NewInt(1))
	s := u.task(ctx, dep.id, nil, "sub(uint256,uint256)", args, 2_000_000, api.EthAddress{})
	sel, _ := u.selected(ctx, dep.id)
	for i, w := range d.Workers() {
		if w == sel {
			if err := d.StopWorker(i); err != nil {
				t.Fatal(err)
			}
		}
	}
	rec, err := d.enigma.TaskRecord(ctx, s.id)
	if err != nil {
		t.Fatal(err)
	}
	timeout, _ := d.enigma.TaskTimeoutSize(ctx)
	if err := d.waitForBlock(ctx, rec.BlockNumber.Uint64()+timeout+1); err != nil { // seals the blocks at once
		t.Fatal(err)
	}
	switch rec, _ = d.enigma.TaskRecord(ctx, s.id); rec.Status {
	case 2:
		t.Log("the receipt was sent before the worker stopped")
	case 1:
		if _, err := d.enigma.ReturnFeesForTask(ctx, u.account, s.id); err != nil {
			t.Fatalf("refund: %v", err)
		}
		t.Log("the task was refunded")
	default:
		t.Fatalf("on-chain status %d", rec.Status)
	}

	// The contract's worker is down: a new task is refused at once.
	pub := compat.PublicKeyBytes(&u.priv.PublicKey)
	var ok map[string]any
	err = u.rpc(ctx, "getWorkerEncryptionKey", map[string]string{"workerAddress": sel.Hex(), "userPubKey": hex.EncodeToString(pub[:])}, &ok)
	if err == nil || !strings.Contains(err.Error(), "not running") {
		t.Fatalf("key from a stopped worker: %v", err)
	}
}

// A restarted devnet still runs the contracts of its previous run: the key
// manager's sealed keys keep every contract's state key.
func TestRestartKeepsContracts(t *testing.T) {
	code := calculator(t)
	cfg := TestConfig()
	cfg.DataDir, cfg.EpochSize = t.TempDir(), 100
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	d, err := Start(ctx, asked(cfg))
	if err != nil {
		t.Fatal(err)
	}
	u := newUser(t, d, 0)
	dep := u.task(ctx, api.Hash{}, code, "construct()", []byte{}, 20_000_000, api.EthAddress{})
	if st, _, _ := u.wait(ctx, dep); st != api.StatusSuccess {
		t.Fatalf("deploy: %s", st)
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	if d, err = Start(ctx, asked(cfg)); err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	u.d = d
	args, _ := contract.EncodeArgs("(uint256,uint256)", big.NewInt(76), big.NewInt(17))
	st, out, chainSt := u.wait(ctx, u.task(ctx, dep.id, nil, "sub(uint256,uint256)", args, 2_000_000, api.EthAddress{}))
	var diff contract.Uint256
	if err := contract.DecodeArgs("(uint256)", out, &diff); err != nil || st != api.StatusSuccess || chainSt != 2 || diff.Big().Int64() != 59 {
		t.Fatalf("after the restart: %s, chain %d, output %x (%v)", st, chainSt, out, err)
	}
}
