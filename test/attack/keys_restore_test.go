package attack_test

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/rand"
	"log/slog"
	"math/big"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/devnet"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/internal/worker"
)

// keysRUser is a compat client that got a task key from a worker node.
type keysRUser struct {
	priv *ecdsa.PrivateKey
	pub  enclave.PublicKey
	wpub enclave.PublicKey
}

// keysRKey has the worker node hand a task key to a new user, as the
// gateway asks it (the node stores the sealed key before it answers).
func keysRKey(t *testing.T, n *network, node worker.Node) *keysRUser {
	t.Helper()
	priv, err := compat.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	u := &keysRUser{priv: priv, pub: compat.PublicKeyBytes(&priv.PublicKey)}
	k, err := node.TaskKey(n.ctx, u.pub, [32]byte{})
	if err != nil {
		t.Fatal(err)
	}
	u.wpub = k.PublicKey
	return u
}

// keysRTask builds a compute task of u's, sealed to its worker key, with
// its task record on chain from user, as the worker host gets it.
func keysRTask(t *testing.T, n *network, host *devnet.WorkerHost, store state.Store, epoch uint64, user chain.Account, u *keysRUser, c api.ContractAddress, fn string, args []byte) (*enclave.ExecuteRequest, [32]byte) {
	t.Helper()
	wpub, err := compat.ParsePublicKey(u.wpub[:])
	if err != nil {
		t.Fatal(err)
	}
	key := compat.DeriveKey(u.priv, wpub)
	encFn, _ := compat.Encrypt(key, []byte(fn), rand.Reader)
	encArgs, _ := compat.Encrypt(key, args, rand.Reader)
	inputs := compat.InputsHash(encFn, encArgs, c[:], u.pub[:])
	if _, err := n.e.ApproveEnigma(n.ctx, user, big.NewInt(1_000_000)); err != nil {
		t.Fatal(err)
	}
	rec, err := n.e.CreateTaskRecord(n.ctx, user, inputs, 1_000_000, 1, epoch)
	if err != nil {
		t.Fatal(err)
	}
	hdr, err := n.e.Client().Eth().HeaderByNumber(n.ctx, new(big.Int).SetUint64(rec.Block))
	if err != nil {
		t.Fatal(err)
	}
	code, err := store.Code(n.ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.State(n.ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	return &enclave.ExecuteRequest{Kind: enclave.KindCompute, Envelope: enclave.EnvelopeCompat, TaskID: rec.TaskID, Contract: c,
		Code: code, UserPubKey: u.pub, EncryptedFn: encFn, EncryptedArgs: encArgs, InputsHash: inputs, GasLimit: 1_000_000,
		BlockNumber: rec.Block, BlockTime: int64(hdr.Time), Epoch: epoch, PrevDeltaHash: st.Hash, State: st.Data}, key
}

// keysRLog collects a logger's output; safe for concurrent use.
type keysRLog struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *keysRLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *keysRLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// Attack: the host of a worker edits the sealed task keys its node stored
// before handing them out (so that the keys a client holds survive a
// crash): it alters one user's blob and adds junk, then restarts the
// worker, to make the restarted enclave take a key of the host's making,
// or to keep the worker from coming back at all. The enclave opens each
// blob under its seal key with its identity and the key's kind and epoch
// as associated data: the altered blob and the junk are refused and
// logged, every other key is restored, the worker starts, and the untouched
// user's task runs; the altered key's task gets the failure receipt of an
// unknown key, as before keys were stored.
func TestAttackKeysRestoreTamperedBlob(t *testing.T) {
	t.Parallel()
	n := start(t, 0)
	sc := n.deploy(n.client(0), "v0")
	host, epoch := n.selectedHost(sc)
	idx := -1
	for i, w := range n.d.Workers() {
		if w == host.Enclave.Address() {
			idx = i
		}
	}
	node, ok := n.d.Directory().Node(host.Enclave.Address())
	if !ok || idx < 0 {
		t.Fatal("the selected worker's node is not in the directory")
	}
	honest := keysRKey(t, n, node)
	victim := keysRKey(t, n, node)

	// The host stops the worker (its enclave sealed first, as a node does
	// at start) and edits its store.
	sealed, err := host.Enclave.Seal(n.ctx, &enclave.SealRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if err := n.d.StopWorker(idx); err != nil {
		t.Fatal(err)
	}
	sc2 := state.DefaultConfig()
	sc2.Dir = filepath.Join(filepath.Dir(host.SealKeyFile), "state")
	store, err := state.Open(sc2, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	keys, err := store.IssuedKeys(n.ctx)
	if err != nil {
		t.Fatal(err)
	}
	victimID := enclave.IssuedKeyID(victim.wpub[:])
	found := false
	for _, k := range keys {
		if k.ID == victimID {
			k.Blob = bytes.Clone(k.Blob)
			k.Blob[len(k.Blob)-20] ^= 1
			if err := store.PutIssuedKey(n.ctx, &k); err != nil {
				t.Fatal(err)
			}
			found = true
		}
	}
	if !found {
		t.Fatalf("the node did not store the key it handed out (%d keys stored)", len(keys))
	}
	if err := store.PutIssuedKey(n.ctx, &state.IssuedKey{Epoch: epoch, ID: api.Hash{1}, Kind: state.IssuedCompat, Blob: []byte("EGIKEY1 junk")}); err != nil {
		t.Fatal(err)
	}

	// The restart: a new enclave instance from the seal key file and the
	// sealed blob, a new worker node on the store.
	enc := newEnclave(t, n, host.SealKeyFile, sealed.Blob)
	_, kmNode := n.d.KeyManagerHost()
	var logs keysRLog
	wc := worker.DefaultConfig()
	wc.Enclave, wc.Store, wc.Enigma, wc.Account, wc.KeyManager = enc, store, n.e, host.Custodian, kmNode
	wc.Logger = slog.New(slog.NewTextHandler(&logs, nil))
	w, err := worker.New(n.ctx, wc)
	if err != nil {
		t.Fatalf("the worker did not restart with a tampered key in its store: %v", err)
	}
	t.Cleanup(func() { w.Close() })
	if !strings.Contains(logs.String(), "refused some keys") || !strings.Contains(logs.String(), "refused=2") {
		t.Fatalf("the restart did not report the two refused blobs:\n%s", logs.String())
	}

	value := []byte("restored")
	req, key := keysRTask(t, n, host, store, epoch, n.user(1), honest, sc, "set(bytes)", value)
	held, err := enc.HoldTask(n.ctx, &enclave.HoldTaskRequest{Task: keysRHoldable(req)})
	if err != nil {
		t.Fatal(err)
	}
	req.Held = held.Blob
	r, err := enc.Execute(n.ctx, req)
	if err != nil || r.Status != enclave.TaskSuccess {
		t.Fatalf("the untouched user's task after the restart: %v %+v", err, r)
	}
	if out, err := compat.Decrypt(key, r.Output); err != nil || !bytes.Equal(out, value) {
		t.Fatalf("the untouched user reads %q (%v)", out, err)
	}

	bad, _ := keysRTask(t, n, host, store, epoch, n.user(2), victim, sc, "get()", nil)
	bad.PrevDeltaHash, bad.State = r.DeltaHash, r.State
	held, err = enc.HoldTask(n.ctx, &enclave.HoldTaskRequest{Task: keysRHoldable(bad)})
	if err != nil {
		t.Fatal(err)
	}
	if !held.ConsumedKey.IsZero() {
		t.Fatal("the enclave took a key from the altered blob")
	}
	bad.Held = held.Blob
	if r, err := enc.Execute(n.ctx, bad); err != nil || r.Status != enclave.TaskFailure || api.Code(r.FailureCode) != api.CodeWrongKey {
		t.Fatalf("the altered key's task: %v %+v; want a CodeWrongKey failure receipt", err, r)
	}
}

// keysRHoldable is req as a host holds it at accept time.
func keysRHoldable(req *enclave.ExecuteRequest) enclave.ExecuteRequest {
	t := *req
	t.Code, t.State, t.PrevDeltaHash, t.Held = nil, nil, api.Hash{}, nil
	return t
}
