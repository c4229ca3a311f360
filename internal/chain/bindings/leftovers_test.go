package bindings_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/internal/batch"
	"github.com/enigma-go/enigma/internal/chain/bindings/simenv"
)

// TestRemainingRejections covers the rejections and small views the other
// tests do not reach.
func TestRemainingRejections(t *testing.T) {
	t.Parallel()
	env := newEnv(t, simenv.DefaultConfig())
	w := env.Workers[0]

	// Re-registering a logged-in worker, logging in unregistered.
	moved := &simenv.Node{Name: "moved", Custodian: w.Custodian, Signer: simenv.NewAccount("new signer")}
	report, sig := env.NodeReport(moved)
	_, err := env.Send(w.Custodian, env.Enigma, env.EnigmaABI.PackRegister(moved.Signer.Addr, report, sig))
	mustRevert(t, err, "Log out before changing signer")
	_, err = env.Send(simenv.User(9), env.Enigma, env.EnigmaABI.PackLogin())
	mustRevert(t, err, "not registered or not logged out")
	_, err = env.Send(w.Custodian, env.Enigma, env.EnigmaABI.PackDeposit(w.Custodian.Addr, big.NewInt(1)))
	mustRevert(t, err, "execution reverted") // nothing approved

	// Re-registering after logout moves the signer.
	_, err = env.Send(w.Custodian, env.Enigma, env.EnigmaABI.PackLogout())
	ok(t, err)
	newSigner := simenv.NewAccount("new signer")
	_, err = env.Send(w.Custodian, env.Enigma, env.EnigmaABI.PackRegister(newSigner.Addr, report, sig))
	ok(t, err)
	got := call(t, env, env.EnigmaABI.PackGetWorkerFromSigningAddress(w.Signer.Addr), env.EnigmaABI.UnpackGetWorkerFromSigningAddress)
	if got.Arg0 != (common.Address{}) {
		t.Fatal("the old signer still maps to the worker")
	}
	got = call(t, env, env.EnigmaABI.PackGetWorkerFromSigningAddress(newSigner.Addr), env.EnigmaABI.UnpackGetWorkerFromSigningAddress)
	if got.Arg0 != w.Custodian.Addr {
		t.Fatal("the new signer does not map to the worker")
	}

	// Small views.
	size := call(t, env, env.EnigmaABI.PackGetEpochSize(), env.EnigmaABI.UnpackGetEpochSize)
	if size.Int64() != 10 {
		t.Fatalf("epoch size %v", size)
	}
	if p := call(t, env, env.EnigmaABI.PackGetPrincipal(), env.EnigmaABI.UnpackGetPrincipal); p != env.KM.Signer.Addr {
		t.Fatal("getPrincipal")
	}
	if a := call(t, env, env.EnigmaABI.PackGetAttestationVerifier(), env.EnigmaABI.UnpackGetAttestationVerifier); a != env.Verifier {
		t.Fatal("getAttestationVerifier")
	}
	if a := call(t, env, env.EnigmaABI.PackGetCallbackForwarder(), env.EnigmaABI.UnpackGetCallbackForwarder); a != env.Forwarder || a == (common.Address{}) {
		t.Fatal("getCallbackForwarder")
	}
	if a := call(t, env, env.EnigmaABI.PackGetToken(), env.EnigmaABI.UnpackGetToken); a != env.TokenAddr() {
		t.Fatal("getToken")
	}
	_, err = simenv.Call(env, env.EnigmaABI.PackGetSecretContractAddresses(big.NewInt(0), big.NewInt(1)), env.EnigmaABI.UnpackGetSecretContractAddresses)
	mustRevert(t, err, "Range out of bounds")
	_, err = simenv.Call(env, env.EnigmaABI.PackGetStateDeltaHash(simenv.Hash("none"), big.NewInt(0)), env.EnigmaABI.UnpackGetStateDeltaHash)
	mustRevert(t, err, "No such state delta")

	// Malformed batches.
	sc := deployed(t, env)
	tasks := []batch.Task{{TaskID: simenv.Hash("t"), User: simenv.User(0).Addr, Fee: big.NewInt(1)}}
	h, _, err := env.NewBatch(sc, tasks, [32]byte{})
	ok(t, err)
	sel, err := env.Selected(env.Head(), sc)
	ok(t, err)
	us, fees := batch.Totals(tasks)
	_, err = env.Send(sel.Custodian, env.Enigma, env.EnigmaABI.PackCommitBatch(simenv.BatchHeader(h), us, nil, env.SignBatch(sel.Signer, h, us, fees)))
	mustRevert(t, err, "Users and fees differ in length")
	empty := h
	empty.TaskCount = 0
	_, err = env.CommitBatch(sel, empty, us, fees)
	mustRevert(t, err, "Empty batch")
	stale := h
	stale.EpochFirstBlock = 1
	_, err = env.CommitBatch(sel, stale, us, fees)
	mustRevert(t, err, "no longer stored")
	_, err = env.CommitBatch(sel, h, us, fees)
	ok(t, err)
	if n := call(t, env, env.EnigmaABI.PackCountBatches(sc), env.EnigmaABI.UnpackCountBatches); n.Int64() != 1 {
		t.Fatalf("countBatches %v", n)
	}
	if root := call(t, env, env.EnigmaABI.PackGetBatchRoot(sc, big.NewInt(0)), env.EnigmaABI.UnpackGetBatchRoot); root != h.Root {
		t.Fatal("getBatchRoot")
	}
}
