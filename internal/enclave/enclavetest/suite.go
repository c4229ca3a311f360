// Package enclavetest is the conformance suite every enclave backend must
// pass: Run drives a worker enclave and a key manager enclave through key
// issuance, deploy and compute tasks, every failure path, replay, state key
// provisioning, sealing and registration, secret queries, checking receipts against the
// compat hashes and scanning everything the host sees for plaintext.
//
// It plays the host and the client itself (no chain, no store, no network)
// and must not import any backend.
package enclavetest

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"fmt"
	"testing"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/enclave/testcontract"
	"github.com/ethereum/go-ethereum/common"
)

// Sealed are the blobs an earlier pair returned from Seal.
type Sealed struct {
	Worker, KeyManager []byte
}

// Start says how to start a pair. Dir is a folder the backend may keep its
// files in (seal keys); it is the same for a restart within one test.
type Start struct {
	Dir    string
	Sealed Sealed
}

// Pair is a worker enclave and the key manager enclave it trusts.
type Pair struct {
	Worker     enclave.Enclave
	KeyManager enclave.KeyManager
	// Attestor is the platform's attestation service the hosts ask to sign
	// registration reports.
	Attestor enclave.Attestor
	// VerifyReport checks a registration report signed by the Attestor and
	// returns what the on-chain verifier reads from it: the signer it
	// names, its product id (1 worker, 2 key manager) and its binding
	// (enclave.RegistrationBinding).
	VerifyReport func(report, sig []byte) (Attested, error)
}

// Attested is what a verified registration report says.
type Attested struct {
	Signer  api.EthAddress
	Product uint8
	Binding api.Hash
}

// Factory starts a pair; it registers any cleanup with t.
type Factory func(t testing.TB, s Start) Pair

// Run runs the conformance suite against the backend factory makes.
func Run(t *testing.T, factory Factory) {
	tests := []struct {
		name string
		fn   func(t *testing.T, h *host)
	}{
		{"Registration", testRegistration},
		{"TaskKeySignature", testTaskKeySignature},
		{"OutstandingTaskKeys", testOutstandingTaskKeys},
		{"DeployAndComputeChainState", testDeployAndCompute},
		{"FailureReceipts", testFailureReceipts},
		{"WrongWorkerKey", testWrongWorkerKey},
		{"TamperedInputs", testTamperedInputs},
		{"Replay", testReplay},
		{"BadRequests", testBadRequests},
		{"StaleStateCanRetry", testStaleState},
		{"StateKeyProvisioning", testStateKeyProvisioning},
		{"EpochParamsOncePerNonce", testEpochParamsOncePerNonce},
		{"UnconfirmedEpochGetsNoKeys", testUnconfirmedEpoch},
		{"StateBoundToCode", testStateBoundToCode},
		{"CheckState", testCheckState},
		{"PeerIdentity", testPeerIdentity},
		{"TaskSeedBoundToInputs", testTaskSeedBoundToInputs},
		{"TaskKeysFairPerRequester", testTaskKeysPerRequester},
		{"SealingRoundTrip", testSealing},
		{"Concurrent", testConcurrent},
		{"EnvelopeV2", testEnvelopeV2},
		{"Batched", testBatched},
		{"BatchedState", testBatchedState},
		{"BatchedNoStateChange", testBatchedNoStateChange},
		{"BatchedVoid", testBatchedVoid},
		{"BatchedCallback", testBatchedCallback},
		{"HoldTask", testHoldTask},
		{"HeldTaskSurvivesRestart", testHeldTaskSurvivesRestart},
		{"IssuedKeysSurviveRestart", testIssuedKeysSurviveRestart},
		{"Query", testQuery},
		{"QueryRefusals", testQueryRefusals},
		{"QueryFunctions", testQueryFunctions},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := newHost(t, factory)
			tc.fn(t, h)
			h.checkNoPlaintext(t)
		})
	}
}

// Epoch numbers the suite uses (first block numbers).
const (
	epochBlock = 100
	blockTime  = 1_700_000_000
	gasLimit   = 1_000_000
)

// host plays the untrusted host, the chain and the client.
type host struct {
	t       *testing.T
	ctx     context.Context
	factory Factory
	start   Start
	Pair

	worker   api.EthAddress
	km       api.EthAddress
	seed     [32]byte // the seed of the epoch the suite's tasks run in
	code     []byte
	secrets  [][]byte // plaintexts that must never appear in what the host sees
	seen     [][]byte // every response the host received, encoded
	contract map[api.ContractAddress]*chainContract
	nextTask uint64
}

// chainContract is what the chain and the host's store know of a contract.
type chainContract struct {
	code      []byte
	state     []byte
	lastDelta api.Hash
	index     uint32
}

// user is a client with one key pair for all its tasks, as enigma-js 0.3.0.
type user struct {
	priv *ecdsa.PrivateKey
	pub  enclave.PublicKey
}

func newHost(t *testing.T, factory Factory) *host {
	h := &host{t: t, ctx: context.Background(), factory: factory, start: Start{Dir: t.TempDir()},
		code: testcontract.Contract(), contract: map[api.ContractAddress]*chainContract{}}
	h.startPair()
	return h
}

func (h *host) startPair() {
	h.Pair = h.factory(h.t, h.start)
	w := h.must1(h.Worker.Registration(h.ctx, &enclave.RegistrationRequest{}))
	k := h.must1(h.KeyManager.Registration(h.ctx, &enclave.RegistrationRequest{}))
	h.worker, h.km = w.SigningAddress, k.SigningAddress
	h.seed = h.newEpoch(epochBlock, 0, []api.EthAddress{h.worker}, []uint64{1}).Seed
}

// newEpoch signs an epoch and confirms it, as the key manager's host does
// once setWorkersParams is mined.
func (h *host) newEpoch(block uint64, nonce byte, workers []api.EthAddress, stakes []uint64) *enclave.NewEpochResponse {
	h.t.Helper()
	resp, err := h.signEpoch(block, nonce, workers, stakes)
	if err != nil {
		h.t.Fatalf("new epoch: %v", err)
	}
	if _, err := h.KeyManager.ConfirmEpoch(h.ctx, &enclave.ConfirmEpochRequest{Nonce: [32]byte{31: nonce}, Seed: resp.Seed, FirstBlock: block}); err != nil {
		h.t.Fatalf("confirm epoch: %v", err)
	}
	return resp
}

func (h *host) must1(v *enclave.RegistrationReport, err error) *enclave.RegistrationReport {
	h.t.Helper()
	if err != nil {
		h.t.Fatal(err)
	}
	return v
}

// record keeps a response the host received for the plaintext scan.
func (h *host) record(t enclave.MessageType, m enclave.Message) {
	h.seen = append(h.seen, enclave.Marshal(t, m))
}

func (h *host) secret(n int) []byte {
	b := make([]byte, n)
	rand.Read(b)
	h.secrets = append(h.secrets, b)
	return b
}

func (h *host) checkNoPlaintext(t *testing.T) {
	t.Helper()
	for _, s := range h.secrets {
		for _, m := range h.seen {
			if bytes.Contains(m, s) {
				t.Fatalf("plaintext %x appears in a message the host received", s)
			}
		}
	}
}

func (h *host) newUser() *user {
	priv, err := compat.GenerateKey(rand.Reader)
	if err != nil {
		h.t.Fatal(err)
	}
	return &user{priv: priv, pub: compat.PublicKeyBytes(&priv.PublicKey)}
}

// signEpoch has the key manager sign an epoch's parameters.
func (h *host) signEpoch(block uint64, nonce byte, workers []api.EthAddress, stakes []uint64) (*enclave.NewEpochResponse, error) {
	req := &enclave.NewEpochRequest{BlockNumber: block, Nonce: [32]byte{31: nonce}, Workers: workers}
	for _, s := range stakes {
		var w [32]byte
		w[31] = byte(s)
		req.Stakes = append(req.Stakes, w)
	}
	resp, err := h.KeyManager.NewEpoch(h.ctx, req)
	if err == nil {
		h.record(enclave.TypeNewEpochResponse, resp)
	}
	return resp, err
}

// provision fetches the state keys of contracts from the key manager into
// the worker enclave, as the host does before a deploy and each epoch.
func (h *host) provision(seed [32]byte, contracts ...api.ContractAddress) error {
	req, err := h.Worker.StateKeysRequest(h.ctx, &enclave.NewStateKeysRequest{EpochSeed: seed, Contracts: contracts})
	if err != nil {
		return err
	}
	h.record(enclave.TypeStateKeysRequestResp, req)
	reply, err := h.KeyManager.GetStateKeys(h.ctx, req)
	if err != nil {
		return err
	}
	h.record(enclave.TypeStateKeysReplyResp, reply)
	installed, err := h.Worker.InstallStateKeys(h.ctx, reply)
	if err != nil {
		return err
	}
	if len(installed.Contracts) != len(contracts) {
		return fmt.Errorf("installed %d of %d keys", len(installed.Contracts), len(contracts))
	}
	return nil
}

// taskKey asks the worker for a task key and checks its signature as
// enigma-js does; it returns the AES key the client derives.
func (h *host) taskKey(u *user) [32]byte {
	h.t.Helper()
	return h.taskKeyFor(u, [32]byte{})
}

// taskKeyFor is taskKey with the requester the host names.
func (h *host) taskKeyFor(u *user, requester [32]byte) [32]byte {
	h.t.Helper()
	resp, err := h.Worker.NewTaskKey(h.ctx, &enclave.TaskKeyRequest{UserPubKey: u.pub, Epoch: epochBlock, Requester: requester})
	if err != nil {
		h.t.Fatalf("new task key: %v", err)
	}
	h.record(enclave.TypeTaskKeyResponse, resp)
	signer, err := compat.Recover(compat.WorkerKeyMessageHash(resp.WorkerPubKey), resp.Signature[:])
	if err != nil || api.EthAddress(signer) != h.worker {
		h.t.Fatalf("task key signature recovers to %x (%v), want the worker %s", signer, err, h.worker)
	}
	wpub, err := compat.ParsePublicKey(resp.WorkerPubKey[:])
	if err != nil {
		h.t.Fatal(err)
	}
	return compat.DeriveKey(u.priv, wpub)
}

func (h *host) newTaskID() api.TaskID {
	h.nextTask++
	return compat.Keccak256([]byte("enclavetest task"), []byte(fmt.Sprint(h.nextTask)), []byte(h.t.Name()))
}

// task builds an execute request as the client and the host would.
func (h *host) task(kind enclave.TaskKind, contract api.ContractAddress, u *user, key [32]byte, fn string, args []byte) *enclave.ExecuteRequest {
	h.t.Helper()
	encFn, err := compat.Encrypt(key, []byte(fn), rand.Reader)
	if err != nil {
		h.t.Fatal(err)
	}
	encArgs, err := compat.Encrypt(key, args, rand.Reader)
	if err != nil {
		h.t.Fatal(err)
	}
	req := &enclave.ExecuteRequest{Kind: kind, Envelope: enclave.EnvelopeCompat, UserPubKey: u.pub,
		EncryptedFn: encFn, EncryptedArgs: encArgs, GasLimit: gasLimit, BlockNumber: epochBlock + 1,
		BlockTime: blockTime, Epoch: epochBlock}
	if kind == enclave.KindDeploy {
		req.TaskID = h.newTaskID()
		req.Contract = req.TaskID
		req.Code = h.code
	} else {
		req.TaskID = h.newTaskID()
		req.Contract = contract
		if c := h.contract[contract]; c != nil {
			req.Code, req.State, req.PrevDeltaHash = c.code, c.state, c.lastDelta
		}
	}
	h.rehash(req)
	return req
}

// rehash sets the inputs hash the task record would hold.
func (h *host) rehash(req *enclave.ExecuteRequest) {
	x := req.Contract[:]
	if req.Kind == enclave.KindDeploy {
		ch := compat.Keccak256(req.Code)
		x = ch[:]
	}
	req.InputsHash = compat.InputsHash(req.EncryptedFn, req.EncryptedArgs, x, req.UserPubKey[:])
}

// execute runs a task and checks the receipt's signature and hashes; a
// successful one is committed to the simulated chain and store.
func (h *host) execute(req *enclave.ExecuteRequest) *enclave.ExecuteResponse {
	h.t.Helper()
	resp, err := h.Worker.Execute(h.ctx, req)
	if err != nil {
		h.t.Fatalf("execute: %v", err)
	}
	h.record(enclave.TypeExecuteResponse, resp)
	h.checkReceipt(req, resp)
	if resp.Status == enclave.TaskSuccess {
		if req.Kind == enclave.KindDeploy {
			h.contract[req.Contract] = &chainContract{code: req.Code, state: resp.State, lastDelta: resp.DeltaHash}
		} else if !resp.DeltaHash.IsZero() {
			c := h.contract[req.Contract]
			c.state, c.lastDelta, c.index = resp.State, resp.DeltaHash, resp.DeltaIndex
		}
	}
	return resp
}

func (h *host) checkReceipt(req *enclave.ExecuteRequest, r *enclave.ExecuteResponse) {
	h.t.Helper()
	t := h.t
	if r.TaskID != req.TaskID || r.InputsHash != req.InputsHash || r.GasLimit != req.GasLimit || r.Kind != req.Kind {
		t.Fatalf("receipt does not echo the task: %+v", r)
	}
	if r.OutputHash != compat.Keccak256(r.Output) {
		t.Fatal("outputHash is not keccak256(output)")
	}
	codeHash := compat.Keccak256(req.Code)
	if r.CodeHash != codeHash {
		t.Fatal("codeHash is not keccak256(code)")
	}
	var hash [32]byte
	switch {
	case r.Status == enclave.TaskSuccess && req.Kind == enclave.KindDeploy:
		if r.DeltaHash != compat.Keccak256(r.Delta) || r.DeltaIndex != 0 || r.PreCodeHash != codeHash {
			t.Fatalf("deploy receipt: delta hash/index/preCodeHash wrong: %+v", r)
		}
		hash = compat.DeployReceiptHash(req.InputsHash, codeHash, r.DeltaHash, req.GasLimit, r.GasUsed, r.EthPayload, common.Address(r.EthAddress))
	case r.Status == enclave.TaskSuccess:
		if !r.DeltaHash.IsZero() && r.DeltaHash != compat.Keccak256(r.Delta) {
			t.Fatal("deltaHash is not keccak256(delta)")
		}
		if r.PrevDeltaHash != req.PrevDeltaHash {
			t.Fatal("prevDeltaHash does not chain to the chain's last delta")
		}
		hash = compat.ComputeReceiptHash(codeHash, req.InputsHash, req.PrevDeltaHash, r.DeltaHash, r.OutputHash,
			req.GasLimit, r.GasUsed, r.EthPayload, common.Address(r.EthAddress))
	case r.Status == enclave.TaskFailure && req.Kind == enclave.KindDeploy:
		hash = compat.DeployFailureReceiptHash(req.InputsHash, req.GasLimit, r.GasUsed)
	case r.Status == enclave.TaskFailure:
		hash = compat.ComputeFailureReceiptHash(req.InputsHash, codeHash, req.GasLimit, r.GasUsed)
	default:
		t.Fatalf("receipt status %d", r.Status)
	}
	if r.Status == enclave.TaskFailure && (r.FailureCode == 0 || len(r.Delta) != 0 || len(r.State) != 0 || !r.DeltaHash.IsZero()) {
		t.Fatalf("failure receipt carries a code of 0 or a state change: %+v", r)
	}
	if req.Batched {
		// The batch's signature covers a batched task (its leaf).
		if r.Signature != (enclave.Signature{}) {
			t.Fatal("a batched task's receipt is signed; only its batch is")
		}
		return
	}
	if !compat.Verify([20]byte(h.worker), hash, r.Signature[:]) {
		t.Fatalf("receipt signature does not verify against the worker %s (status %d, code %d)", h.worker, r.Status, r.FailureCode)
	}
}

// deploy deploys the suite's contract with initial state value init.
func (h *host) deploy(u *user, init []byte) api.ContractAddress {
	h.t.Helper()
	key := h.taskKey(u)
	req := h.task(enclave.KindDeploy, api.Hash{}, u, key, "construct(bytes)", init)
	if err := h.provision(h.seed, req.Contract); err != nil {
		h.t.Fatalf("provision: %v", err)
	}
	resp := h.execute(req)
	if resp.Status != enclave.TaskSuccess {
		h.t.Fatalf("deploy failed with code %d", resp.FailureCode)
	}
	return req.Contract
}

// output decrypts a receipt's output as the client does.
func (h *host) output(key [32]byte, r *enclave.ExecuteResponse) []byte {
	h.t.Helper()
	pt, err := compat.Decrypt(key, r.Output)
	if err != nil {
		h.t.Fatalf("client cannot decrypt the output: %v", err)
	}
	return pt
}

func wantCode(t *testing.T, err error, code api.Code) {
	t.Helper()
	if api.CodeOf(err) != code {
		t.Fatalf("got error %v (code %d), want code %d", err, api.CodeOf(err), code)
	}
}
