package attack_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"math/big"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/selection"
)

// Fault: a task record sent just before an epoch change is mined just
// after it. Before, the contract reverted it ("Wrong epoch for this
// task"): the user paid the gas and lost the task. Now the contract takes
// a record naming the previous epoch while the new one is younger than an
// epoch's length and binds the task to that epoch, so the worker the
// client selected (and encrypted to) runs it; the record's epoch is what
// every node selects with (getTaskInfo), even where the new epoch selects
// another worker. Once the window has passed, such a record is refused up
// front, before any fee moves.
func TestEpochLateRecordRunsInItsEpoch(t *testing.T) {
	t.Parallel()
	n := start(t, 8)
	ctx := n.ctx
	sc := n.deploy(n.client(0), "v0")
	user := n.user(1)

	// The client's side, in the old epoch: select the worker, take its
	// task key, encrypt the call.
	st, err := n.e.EpochState(ctx)
	if err != nil {
		t.Fatal(err)
	}
	old := st.FirstBlock.Uint64()
	p, err := n.e.WorkerParams(ctx, old)
	if err != nil {
		t.Fatal(err)
	}
	sel, err := selection.SelectOne(selection.Params{FirstBlock: old, Seed: p.Arg1, Workers: p.Arg2, Stakes: p.Arg3}, sc)
	if err != nil {
		t.Fatal(err)
	}
	node, ok := n.d.Directory().Node(api.EthAddress(sel))
	if !ok {
		t.Fatalf("selected worker %s is not in the directory", sel)
	}
	priv, err := compat.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	pub := compat.PublicKeyBytes(&priv.PublicKey)
	wk, err := node.TaskKey(ctx, pub, [32]byte{})
	if err != nil {
		t.Fatal(err)
	}
	var wpubBytes [64]byte
	copy(wpubBytes[:], wk.PublicKey[:])
	wpub, err := compat.ParsePublicKey(wpubBytes[:])
	if err != nil {
		t.Fatal(err)
	}
	key := compat.DeriveKey(priv, wpub)
	encFn, _ := compat.Encrypt(key, []byte("get()"), rand.Reader)
	encArgs, _ := compat.Encrypt(key, nil, rand.Reader)
	inputs := compat.InputsHash(encFn, encArgs, sc[:], pub[:])
	const gasLimit, gasPx = 1_000_000, 1
	if _, err := n.e.ApproveEnigma(ctx, user, big.NewInt(gasLimit*gasPx)); err != nil {
		t.Fatal(err)
	}

	// The epoch changes before the record is mined.
	waitEpochAfter(t, n, old)
	rec, err := n.e.CreateTaskRecord(ctx, user, inputs, gasLimit, gasPx, old)
	if err != nil {
		t.Fatalf("a record naming the epoch that just ended was refused: %v", err)
	}
	info, err := n.e.TaskInfo(ctx, rec.TaskID)
	if err != nil || info.EpochFirstBlock.Uint64() != old {
		t.Fatalf("the record is bound to the epoch of block %v (%v), want %d", info.EpochFirstBlock, err, old)
	}
	now, err := n.e.WorkerParams(ctx, rec.Block)
	if err != nil {
		t.Fatal(err)
	}
	if cur, _ := selection.SelectOne(selection.Params{FirstBlock: now.Arg0.Uint64(), Seed: now.Arg1, Workers: now.Arg2, Stakes: now.Arg3}, sc); cur != sel {
		t.Logf("the new epoch selects %s, the record's epoch %s", cur, sel)
	}

	// The inputs go to the gateway, as enigma-js sends them.
	hexOf := func(b []byte) string { return hex.EncodeToString(b) }
	var ignored any
	epochRPC(t, n, "sendTaskInput", map[string]string{"taskId": hexOf(rec.TaskID[:]), "workerAddress": hexOf(sel[:]),
		"encryptedFn": hexOf(encFn), "encryptedArgs": hexOf(encArgs), "contractAddress": hexOf(sc[:]), "userDHKey": hexOf(pub[:])}, &ignored)
	var reply struct {
		Result struct{ Status, Output string }
	} // enigma-js reads result.result
	res := &reply.Result
	for res.Status != "SUCCESS" && res.Status != "FAILED" {
		if ctx.Err() != nil {
			t.Fatalf("task %s did not end: %v", rec.TaskID, ctx.Err())
		}
		time.Sleep(100 * time.Millisecond)
		epochRPC(t, n, "getTaskResult", map[string]string{"taskId": hexOf(rec.TaskID[:])}, &reply)
	}
	if s := n.status(rec.TaskID); s != api.ChainReceiptVerified || res.Status != "SUCCESS" {
		t.Fatalf("the late record's task ended %s on chain, %s at the gateway", s, res.Status)
	}
	enc, err := hex.DecodeString(strings.TrimPrefix(res.Output, "0x"))
	if err != nil {
		t.Fatal(err)
	}
	if out, err := compat.Decrypt(key, enc); err != nil || string(out) != "v0" {
		t.Fatalf("output %q (%v), want v0", out, err)
	}

	// An epoch's length into the new epoch, the old one is refused up front.
	st, err = n.e.EpochState(ctx)
	if err != nil {
		t.Fatal(err)
	}
	size, err := n.e.EpochSize(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for {
		head, err := n.e.Client().BlockNumber(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if head+1 >= st.FirstBlock.Uint64()+size {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	prev := st.FirstBlock.Uint64()
	if st2, _ := n.e.EpochState(ctx); st2.FirstBlock.Uint64() == prev {
		// Still the same epoch: the one before it is out of its window.
		if _, err := n.e.CreateTaskRecord(ctx, user, inputs, gasLimit, gasPx, old); err == nil {
			t.Fatal("a record naming an epoch whose window had passed was taken")
		}
	}
}

// epochRPC calls the gateway's JSON-RPC and decodes the result into out.
func epochRPC(t *testing.T, n *network, method string, params any, out any) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": 1, "method": method, "params": params})
	ctx, cancel := context.WithTimeout(n.ctx, 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, n.d.GatewayURL(), bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var reply struct {
		Result json.RawMessage
		Error  *struct{ Message string }
	}
	if err := json.NewDecoder(resp.Body).Decode(&reply); err != nil {
		t.Fatalf("%s: %v", method, err)
	}
	if reply.Error != nil {
		t.Fatalf("%s: %s", method, reply.Error.Message)
	}
	if err := json.Unmarshal(reply.Result, out); err != nil {
		t.Fatalf("%s: decode %s: %v", method, reply.Result, err)
	}
}

// waitEpochAfter waits until the epoch that started at block first has
// been followed by another.
func waitEpochAfter(t *testing.T, n *network, first uint64) {
	t.Helper()
	ctx, cancel := context.WithTimeout(n.ctx, time.Minute)
	defer cancel()
	for {
		st, err := n.e.EpochState(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.FirstBlock.Uint64() != first {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("no epoch followed the one of block %d", first)
		case <-time.After(50 * time.Millisecond):
		}
	}
}
