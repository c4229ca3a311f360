package envelope_test

// The TypeScript client (clients/ts) against this package, both ways:
//
//   - TestTSVectors opens what the TypeScript client sealed
//     (clients/ts/testdata/ts-vectors.json, made by `npm run vectors`):
//     requests and queries to the worker key of v2-vectors.json's first
//     request, their responses, and the signatures of a batched task and of
//     a secret query;
//   - TestTSVectorsLive builds the client and seals a fresh file, when node
//     and clients/ts/node_modules are there (under CI=true they must be);
//   - TestGoVectorsForTS pins clients/ts/testdata/go-vectors.json, the
//     values the TypeScript client's unit tests check its HashParts, task
//     ids, batched task hash, worker key hash, Merkle leaves and proofs,
//     worker selection and EIP-712 query digest against (-update-ts
//     rewrites it).

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"flag"
	"math/big"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/enigma-go/enigma/internal/batch"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/crypto/envelope"
	"github.com/enigma-go/enigma/internal/selection"
	"github.com/enigma-go/enigma/sdk/client"
)

var updateTS = flag.Bool("update-ts", false, "rewrite clients/ts/testdata/go-vectors.json")

const (
	tsDir         = "../../../clients/ts"
	tsVectorsFile = tsDir + "/testdata/ts-vectors.json"
	goVectorsFile = tsDir + "/testdata/go-vectors.json"
)

type tsContext struct {
	ChainID        uint64 `json:"chain_id"`
	EnigmaContract string `json:"enigma_contract"`
	SecretContract string `json:"secret_contract"`
	CodeHash       string `json:"code_hash"`
	Epoch          uint64 `json:"epoch"`
	Sender         string `json:"sender"`
	TaskNonce      uint64 `json:"task_nonce"`
	Encoded        string `json:"encoded"`
}

type tsRequest struct {
	Name            string    `json:"name"`
	Type            string    `json:"type"` // "request" or "query"
	Pad             bool      `json:"pad"`
	Context         tsContext `json:"context"`
	Payload         string    `json:"payload"`
	Request         string    `json:"request"`
	InputsHash      string    `json:"inputs_hash"`
	ResponseKey     string    `json:"response_key"`
	ResponsePayload string    `json:"response_payload"`
	Response        string    `json:"response"`
}

type tsBatched struct {
	ChainID           uint64 `json:"chain_id"`
	Enigma            string `json:"enigma"`
	Contract          string `json:"contract"`
	Sender            string `json:"sender"`
	Nonce             uint64 `json:"nonce"`
	TaskID            string `json:"task_id"`
	Epoch             uint64 `json:"epoch"`
	InputsHash        string `json:"inputs_hash"`
	GasLimit          uint64 `json:"gas_limit"`
	GasPx             uint64 `json:"gas_px"`
	Hash              string `json:"hash"`
	Signature         string `json:"signature"`
	PersonalSignature string `json:"personal_signature"`
}

type tsQuery struct {
	Name        string `json:"name"`
	ChainID     uint64 `json:"chain_id"`
	Enigma      string `json:"enigma"`
	Contract    string `json:"contract"`
	RequestHash string `json:"request_hash"`
	Expiry      uint64 `json:"expiry"`
	Digest      string `json:"digest"`
	Caller      string `json:"caller"`
	Signature   string `json:"signature"`
}

type tsVectors struct {
	Comment         string      `json:"comment"`
	WorkerSeed      string      `json:"worker_seed"`
	WorkerPublicKey string      `json:"worker_public_key"`
	Requests        []tsRequest `json:"requests"`
	Batched         []tsBatched `json:"batched"`
	Queries         []tsQuery   `json:"queries"`
}

func tsUnhex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatalf("hex %.40q: %v", s, err)
	}
	return b
}

func tsContextOf(t testing.TB, v tsContext) envelope.Context {
	c := envelope.Context{ChainID: v.ChainID, Epoch: v.Epoch, TaskNonce: v.TaskNonce,
		EnigmaContract: common.BytesToAddress(tsUnhex(t, v.EnigmaContract)), Sender: common.BytesToAddress(tsUnhex(t, v.Sender))}
	copy(c.SecretContract[:], tsUnhex(t, v.SecretContract))
	copy(c.CodeHash[:], tsUnhex(t, v.CodeHash))
	if got := hex.EncodeToString(c.Encode()); got != v.Encoded {
		t.Fatalf("context encoding %s, the TypeScript client's %s", got, v.Encoded)
	}
	return c
}

func TestTSVectors(t *testing.T) {
	b, err := os.ReadFile(tsVectorsFile)
	if err != nil {
		t.Fatalf("%v (regenerate with `cd clients/ts && npm run build && npm run vectors`)", err)
	}
	checkTSVectors(t, b)
}

// TestTSVectorsLive has the TypeScript client seal a fresh file and opens
// it: the committed file cannot go stale unnoticed.
func TestTSVectorsLive(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the TypeScript client (-short)")
	}
	ci := os.Getenv("CI") == "true"
	node, err := exec.LookPath("node")
	if err != nil {
		if ci {
			t.Fatal("node is not installed: CI needs it for the TypeScript client's vectors")
		}
		t.Skip("node is not installed")
	}
	tsc := filepath.Join(tsDir, "node_modules", "typescript", "bin", "tsc")
	if _, err := os.Stat(tsc); err != nil {
		if ci {
			t.Fatalf("clients/ts/node_modules is missing (%v): run scripts/npm-deps.sh", err)
		}
		t.Skip("clients/ts/node_modules is missing: run scripts/npm-deps.sh")
	}
	// A build folder of its own inside clients/ts (so that node finds
	// node_modules), apart from dist/ and build/, which others may be
	// writing.
	out, err := os.MkdirTemp(tsDir, ".gobuild-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(out) })
	run := func(args ...string) {
		t.Helper()
		// Bounded: a stuck compiler or script fails this test, never the suite's timeout.
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, node, args...)
		cmd.Dir, cmd.WaitDelay = tsDir, 5*time.Second
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("node %v: %v\n%s", args, err, b)
		}
	}
	rel, _ := filepath.Rel(tsDir, out)
	run("node_modules/typescript/bin/tsc", "-p", "tsconfig.vectors.json", "--outDir", rel)
	file := filepath.Join(t.TempDir(), "ts-vectors.json")
	run(filepath.Join(rel, "scripts", "vectors.js"), "--out", file)
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	checkTSVectors(t, b)
}

func checkTSVectors(t *testing.T, b []byte) {
	var v tsVectors
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	priv, err := envelope.PrivateKeyFromSeed(tsUnhex(t, v.WorkerSeed))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(priv.PublicKey().Bytes(), tsUnhex(t, v.WorkerPublicKey)) {
		t.Fatal("the file's worker public key is not its seed's")
	}
	kinds := map[string]int{}
	for _, r := range v.Requests {
		kinds[r.Type]++
		t.Run(r.Name, func(t *testing.T) {
			ctx := tsContextOf(t, r.Context)
			req := tsUnhex(t, r.Request)
			if got := hex.EncodeToString(func() []byte { h := envelope.InputsHash(req); return h[:] }()); got != r.InputsHash {
				t.Errorf("InputsHash %s, the TypeScript client's %s", got, r.InputsHash)
			}
			var payload []byte
			var rk envelope.ResponseKey
			switch r.Type {
			case "request":
				payload, rk, err = envelope.OpenRequest(priv, ctx, req)
				if _, _, err := envelope.OpenQuery(priv, ctx, req); err == nil {
					t.Fatal("a task request opened as a query")
				}
			case "query":
				// A query (type 0x04, its own HPKE info) must never open as
				// a task request.
				if _, _, err := envelope.OpenRequest(priv, ctx, req); err == nil {
					t.Fatal("a query opened as a task request")
				}
				payload, rk, err = envelope.OpenQuery(priv, ctx, req)
			default:
				t.Fatalf("unknown type %q", r.Type)
			}
			if err != nil {
				t.Fatalf("open: %v", err)
			}
			if hex.EncodeToString(payload) != r.Payload {
				t.Errorf("payload %x, want %s", payload, r.Payload)
			}
			if hex.EncodeToString(rk[:]) != r.ResponseKey {
				t.Errorf("response key %x, the TypeScript client's %s", rk, r.ResponseKey)
			}
			if want := envelope.RequestOverhead + len(tsUnhex(t, r.Payload)) + 4; r.Pad {
				if want = envelope.RequestOverhead + envelope.BucketSize(want-envelope.RequestOverhead); len(req) != want {
					t.Errorf("padded request of %d bytes, want %d", len(req), want)
				}
			} else if len(req) != want {
				t.Errorf("request of %d bytes, want %d", len(req), want)
			}
			out, err := envelope.OpenResponse(rk, ctx, tsUnhex(t, r.Response))
			if err != nil {
				t.Fatalf("open the TypeScript client's response: %v", err)
			}
			if hex.EncodeToString(out) != r.ResponsePayload {
				t.Errorf("response payload %x, want %s", out, r.ResponsePayload)
			}
		})
	}
	if kinds["request"] < 5 || kinds["query"] < 1 {
		t.Errorf("the file holds %v: want at least 5 requests and a query", kinds)
	}
	for _, bt := range v.Batched {
		sender := common.BytesToAddress(tsUnhex(t, bt.Sender))
		id := client.BatchedTaskID(sender, bt.Nonce)
		if hex.EncodeToString(id[:]) != bt.TaskID {
			t.Errorf("BatchedTaskID %x, the TypeScript client's %s", id, bt.TaskID)
		}
		var contract [32]byte
		copy(contract[:], tsUnhex(t, bt.Contract))
		h := client.BatchedTaskHash(bt.ChainID, common.BytesToAddress(tsUnhex(t, bt.Enigma)), contract, id, bt.Epoch,
			[32]byte(tsUnhex(t, bt.InputsHash)), bt.GasLimit, bt.GasPx)
		if hex.EncodeToString(h[:]) != bt.Hash {
			t.Errorf("BatchedTaskHash %x, the TypeScript client's %s", h, bt.Hash)
		}
		if a, err := compat.Recover(h, tsUnhex(t, bt.Signature)); err != nil || a != sender {
			t.Errorf("the batched task's signature recovers to %s (%v), want the sender %s", a, err, sender)
		}
		if a, err := compat.Recover([32]byte(accounts.TextHash(h[:])), tsUnhex(t, bt.PersonalSignature)); err != nil || a != sender {
			t.Errorf("the batched task's personal signature recovers to %s (%v), want the sender %s", a, err, sender)
		}
	}
	if len(v.Batched) == 0 || len(v.Queries) == 0 {
		t.Error("the file holds no batched task or no query signature")
	}
	for _, q := range v.Queries {
		d := secretQueryDigest(t, q.ChainID, q.Enigma, q.Contract, q.RequestHash, q.Expiry)
		if hex.EncodeToString(d[:]) != q.Digest {
			t.Errorf("%s: EIP-712 digest %x, the TypeScript client's %s", q.Name, d, q.Digest)
		}
		if e := envelope.QueryDigest(q.ChainID, common.BytesToAddress(tsUnhex(t, q.Enigma)), [32]byte(tsUnhex(t, q.Contract)),
			[32]byte(tsUnhex(t, q.RequestHash)), q.Expiry); e != d {
			t.Errorf("%s: envelope.QueryDigest %x, go-ethereum's %x", q.Name, e, d)
		}
		if a, err := compat.Recover(d, tsUnhex(t, q.Signature)); err != nil || a != common.BytesToAddress(tsUnhex(t, q.Caller)) {
			t.Errorf("%s: the query's signature recovers to %s (%v), want the caller %s", q.Name, a, err, q.Caller)
		}
	}
}

// secretQueryDigest is the EIP-712 digest of a secret query, computed by
// go-ethereum's typed-data code (the spec's domain and SecretQuery type).
func secretQueryDigest(t testing.TB, chainID uint64, enigma, contract, requestHash string, expiry uint64) [32]byte {
	td := apitypes.TypedData{
		Types: apitypes.Types{
			"EIP712Domain": {{Name: "name", Type: "string"}, {Name: "version", Type: "string"}, {Name: "chainId", Type: "uint256"}, {Name: "verifyingContract", Type: "address"}},
			"SecretQuery":  {{Name: "contract", Type: "bytes32"}, {Name: "request", Type: "bytes32"}, {Name: "expiry", Type: "uint64"}},
		},
		PrimaryType: "SecretQuery",
		Domain: apitypes.TypedDataDomain{Name: "Enigma", Version: "2", ChainId: math.NewHexOrDecimal256(int64(chainID)),
			VerifyingContract: common.BytesToAddress(tsUnhex(t, enigma)).Hex()},
		Message: apitypes.TypedDataMessage{"contract": "0x" + contract, "request": "0x" + requestHash, "expiry": strconv.FormatUint(expiry, 10)},
	}
	h, _, err := apitypes.TypedDataAndHash(td)
	if err != nil {
		t.Fatalf("EIP-712 hash: %v", err)
	}
	return [32]byte(h)
}

// goVectors are values of the Go code the TypeScript client checks its own
// against. Integers that may pass 2^53 are decimal strings.
type goVectors struct {
	Comment       string           `json:"comment"`
	HashParts     []goHashParts    `json:"hash_parts"`
	TaskIDs       []goTaskID       `json:"task_ids"`
	BatchedTasks  []goBatchedTask  `json:"batched_tasks"`
	WorkerKeys    []goWorkerKey    `json:"worker_keys"`
	Merkle        []goMerkle       `json:"merkle"`
	Selection     []goSelection    `json:"selection"`
	SecretQueries []goSecretQuery  `json:"secret_queries"`
	BucketSizes   []goBucket       `json:"bucket_sizes"`
	Contexts      []goContextBytes `json:"contexts"`
}

type goHashParts struct {
	Parts []string `json:"parts"`
	Hash  string   `json:"hash"`
}

type goTaskID struct {
	Sender string `json:"sender"`
	Nonce  string `json:"nonce"`
	ID     string `json:"id"`
}

type goBatchedTask struct {
	ChainID    string `json:"chain_id"`
	Enigma     string `json:"enigma"`
	Contract   string `json:"contract"`
	Sender     string `json:"sender"`
	Nonce      string `json:"nonce"`
	TaskID     string `json:"task_id"`
	Epoch      string `json:"epoch"`
	InputsHash string `json:"inputs_hash"`
	GasLimit   string `json:"gas_limit"`
	GasPx      string `json:"gas_px"`
	Hash       string `json:"hash"`
	Key        string `json:"key"`
	Signature  string `json:"signature"`
}

type goWorkerKey struct {
	ChainID   string `json:"chain_id"`
	Enigma    string `json:"enigma"`
	Epoch     string `json:"epoch"`
	PublicKey string `json:"public_key"`
	Hash      string `json:"hash"`
	Signer    string `json:"signer"`
	Signature string `json:"signature"`
}

type goLeaf struct {
	TaskID     string `json:"task_id"`
	InputsHash string `json:"inputs_hash"`
	OutputHash string `json:"output_hash"`
	DeltaHash  string `json:"delta_hash"`
	GasUsed    string `json:"gas_used"`
	Fee        string `json:"fee"`
	Failed     bool   `json:"failed"`
}

type goMerkle struct {
	Leaves     []goLeaf   `json:"leaves"`
	LeafHashes []string   `json:"leaf_hashes"`
	Root       string     `json:"root"`
	Proofs     [][]string `json:"proofs"`
}

type goSelection struct {
	Name       string     `json:"name"`
	FirstBlock string     `json:"first_block"`
	Seed       string     `json:"seed"`
	Workers    []string   `json:"workers"`
	Stakes     []string   `json:"stakes"`
	Picks      []goPicked `json:"picks"`
}

type goPicked struct {
	Contract string   `json:"contract"`
	Worker   string   `json:"worker"`
	Group3   []string `json:"group3,omitempty"`
}

type goSecretQuery struct {
	ChainID     string `json:"chain_id"`
	Enigma      string `json:"enigma"`
	Contract    string `json:"contract"`
	RequestHash string `json:"request_hash"`
	Expiry      string `json:"expiry"`
	Digest      string `json:"digest"`
}

type goBucket struct {
	N    int `json:"n"`
	Size int `json:"size"`
}

type goContextBytes struct {
	ChainID        string `json:"chain_id"`
	EnigmaContract string `json:"enigma_contract"`
	SecretContract string `json:"secret_contract"`
	CodeHash       string `json:"code_hash"`
	Epoch          string `json:"epoch"`
	Sender         string `json:"sender"`
	TaskNonce      string `json:"task_nonce"`
	Encoded        string `json:"encoded"`
}

func makeGoVectors(t *testing.T) *goVectors {
	rng := rand.New(rand.NewChaCha8([32]byte([]byte("enigma-go clients/ts go-vectors!"))))
	rb := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		return b
	}
	hx := hex.EncodeToString
	u := func(v uint64) string { return strconv.FormatUint(v, 10) }
	v := &goVectors{Comment: "values of the Go code (internal/crypto, internal/batch, internal/selection, sdk/client) that clients/ts's unit tests check against; written by internal/crypto/envelope's TestGoVectorsForTS -update-ts. Hex without 0x; integers as decimal strings."}

	for _, parts := range [][][]byte{{}, {{}}, {[]byte("ab"), []byte("c")}, {rb(1), rb(32), rb(100), {}}} {
		h := compat.HashParts(parts...)
		ps := make([]string, len(parts))
		for i, p := range parts {
			ps[i] = hx(p)
		}
		v.HashParts = append(v.HashParts, goHashParts{Parts: ps, Hash: hx(h[:])})
	}
	for _, n := range []*big.Int{big.NewInt(0), big.NewInt(1), new(big.Int).Lsh(big.NewInt(1), 200)} {
		sender := common.BytesToAddress(rb(20))
		id := compat.TaskID(sender, n)
		v.TaskIDs = append(v.TaskIDs, goTaskID{Sender: hx(sender[:]), Nonce: n.String(), ID: hx(id[:])})
	}
	for i, nonce := range []uint64{0, 42, 1<<64 - 1, 1<<53 + 1} {
		key, err := compat.ParsePrivateKey(rb(32))
		if err != nil {
			t.Fatal(err)
		}
		sender := compat.Address(&key.PublicKey)
		enigma := common.BytesToAddress(rb(20))
		contract, inputs := [32]byte(rb(32)), [32]byte(rb(32))
		chainID, epoch, gasLimit, gasPx := uint64(1337+i), uint64(100*i+7), uint64(1_000_000+i), uint64(1+i)
		id := client.BatchedTaskID(sender, nonce)
		h := client.BatchedTaskHash(chainID, enigma, contract, id, epoch, inputs, gasLimit, gasPx)
		sig, err := compat.Sign(key, h)
		if err != nil {
			t.Fatal(err)
		}
		v.BatchedTasks = append(v.BatchedTasks, goBatchedTask{ChainID: u(chainID), Enigma: hx(enigma[:]), Contract: hx(contract[:]),
			Sender: hx(sender[:]), Nonce: u(nonce), TaskID: hx(id[:]), Epoch: u(epoch), InputsHash: hx(inputs[:]),
			GasLimit: u(gasLimit), GasPx: u(gasPx), Hash: hx(h[:]), Key: func() string { k := compat.PrivateKeyBytes(key); return hx(k[:]) }(), Signature: hx(sig[:])})
	}
	{
		key, err := compat.ParsePrivateKey(rb(32))
		if err != nil {
			t.Fatal(err)
		}
		priv, err := envelope.PrivateKeyFromSeed(rb(envelope.SeedSize))
		if err != nil {
			t.Fatal(err)
		}
		pub := priv.PublicKey().Bytes()
		enigma := common.BytesToAddress(rb(20))
		h := envelope.WorkerKeyHash(31337, enigma, 4242, pub)
		sig, err := compat.Sign(key, h)
		if err != nil {
			t.Fatal(err)
		}
		signer := compat.Address(&key.PublicKey)
		v.WorkerKeys = append(v.WorkerKeys, goWorkerKey{ChainID: "31337", Enigma: hx(enigma[:]), Epoch: "4242", PublicKey: hx(pub),
			Hash: hx(h[:]), Signer: hx(signer[:]), Signature: hx(sig[:])})
	}
	for _, n := range []int{1, 2, 3, 5, 8, 13} {
		tasks := make([]batch.Task, n)
		m := goMerkle{}
		for i := range tasks {
			tk := batch.Task{TaskID: [32]byte(rb(32)), InputsHash: [32]byte(rb(32)), OutputHash: [32]byte(rb(32)),
				GasUsed: rng.Uint64N(1 << 40), Fee: new(big.Int).SetBytes(rb(20)), Failed: rng.IntN(3) == 0}
			if rng.IntN(2) == 0 {
				tk.DeltaHash = [32]byte(rb(32))
			}
			tasks[i] = tk
			leaf := batch.LeafHash(tk)
			m.Leaves = append(m.Leaves, goLeaf{TaskID: hx(tk.TaskID[:]), InputsHash: hx(tk.InputsHash[:]), OutputHash: hx(tk.OutputHash[:]),
				DeltaHash: hx(tk.DeltaHash[:]), GasUsed: u(tk.GasUsed), Fee: tk.Fee.String(), Failed: tk.Failed})
			m.LeafHashes = append(m.LeafHashes, hx(leaf[:]))
		}
		tree, err := batch.NewTree(tasks)
		if err != nil {
			t.Fatal(err)
		}
		root := tree.Root()
		m.Root = hx(root[:])
		for i := range tasks {
			p, err := tree.Proof(i)
			if err != nil {
				t.Fatal(err)
			}
			ps := []string{}
			for _, s := range p {
				ps = append(ps, hx(s[:]))
			}
			m.Proofs = append(m.Proofs, ps)
		}
		v.Merkle = append(v.Merkle, m)
	}
	selCases := []struct {
		name   string
		stakes []*big.Int
		dup    bool
		groups bool // Select(p, sc, 3) ends: groups of 3 are drawn often enough
	}{
		{"one worker", []*big.Int{big.NewInt(1000)}, false, true},
		{"three equal stakes", []*big.Int{big.NewInt(1e11), big.NewInt(1e11), big.NewInt(1e11)}, false, true},
		{"uneven stakes with a zero", []*big.Int{big.NewInt(5), big.NewInt(0), new(big.Int).Lsh(big.NewInt(1), 100), big.NewInt(77)}, false, false},
		{"a worker listed twice", []*big.Int{big.NewInt(10), big.NewInt(20), big.NewInt(30)}, true, true},
		{"ten workers", func() []*big.Int {
			s := make([]*big.Int, 10)
			for i := range s {
				s[i] = new(big.Int).SetUint64(rng.Uint64N(1e15) + 1)
			}
			return s
		}(), false, true},
	}
	for _, c := range selCases {
		p := selection.Params{FirstBlock: rng.Uint64N(1 << 40), Seed: new(big.Int).SetBytes(rb(32)), Stakes: c.stakes}
		for range c.stakes {
			p.Workers = append(p.Workers, common.BytesToAddress(rb(20)))
		}
		if c.dup {
			p.Workers[2] = p.Workers[0]
		}
		s := goSelection{Name: c.name, FirstBlock: u(p.FirstBlock), Seed: p.Seed.String()}
		for i, w := range p.Workers {
			s.Workers = append(s.Workers, hx(w[:]))
			s.Stakes = append(s.Stakes, p.Stakes[i].String())
		}
		for range 8 {
			sc := [32]byte(rb(32))
			w, err := selection.SelectOne(p, sc)
			if err != nil {
				t.Fatal(err)
			}
			pk := goPicked{Contract: hx(sc[:]), Worker: hx(w[:])}
			if c.groups {
				g, err := selection.Select(p, sc, 3)
				if err != nil {
					t.Fatal(err)
				}
				for _, a := range g {
					pk.Group3 = append(pk.Group3, hx(a[:]))
				}
			}
			s.Picks = append(s.Picks, pk)
		}
		v.Selection = append(v.Selection, s)
	}
	for i := range 3 {
		enigma, contract, reqHash := rb(20), rb(32), rb(32)
		chainID, expiry := uint64(1337+i*30000), uint64(1_700_000_000+i*1000)
		d := secretQueryDigest(t, chainID, hx(enigma), hx(contract), hx(reqHash), expiry)
		if e := envelope.QueryDigest(chainID, common.BytesToAddress(enigma), [32]byte(contract), [32]byte(reqHash), expiry); e != d {
			t.Fatalf("envelope.QueryDigest %x, go-ethereum's %x", e, d)
		}
		v.SecretQueries = append(v.SecretQueries, goSecretQuery{ChainID: u(chainID), Enigma: hx(enigma), Contract: hx(contract),
			RequestHash: hx(reqHash), Expiry: u(expiry), Digest: hx(d[:])})
	}
	for _, n := range []int{0, 4, 256, 257, 1000, 65536, 65537, 1 << 20, 1<<20 + 1, 3<<20 + 5} {
		v.BucketSizes = append(v.BucketSizes, goBucket{N: n, Size: envelope.BucketSize(n)})
	}
	for _, nonce := range []uint64{0, 1<<64 - 1} {
		c := envelope.Context{ChainID: rng.Uint64(), EnigmaContract: common.BytesToAddress(rb(20)), SecretContract: [32]byte(rb(32)),
			CodeHash: [32]byte(rb(32)), Epoch: rng.Uint64(), Sender: common.BytesToAddress(rb(20)), TaskNonce: nonce}
		v.Contexts = append(v.Contexts, goContextBytes{ChainID: u(c.ChainID), EnigmaContract: hx(c.EnigmaContract[:]),
			SecretContract: hx(c.SecretContract[:]), CodeHash: hx(c.CodeHash[:]), Epoch: u(c.Epoch), Sender: hx(c.Sender[:]),
			TaskNonce: u(c.TaskNonce), Encoded: hx(c.Encode())})
	}
	return v
}

// TestGoVectorsForTS checks that clients/ts/testdata/go-vectors.json holds
// what the Go code computes today (-update-ts rewrites it).
func TestGoVectorsForTS(t *testing.T) {
	v := makeGoVectors(t)
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, '\n')
	if *updateTS {
		if err := os.WriteFile(goVectorsFile, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	old, err := os.ReadFile(goVectorsFile)
	if err != nil {
		t.Fatalf("%v (write it with go test ./internal/crypto/envelope -run GoVectorsForTS -update-ts)", err)
	}
	if !bytes.Equal(old, b) {
		t.Fatalf("%s differs from what the Go code computes: a hash or the selection changed; if on purpose, rewrite it with -update-ts and check the TypeScript client still passes (npm test in clients/ts)", goVectorsFile)
	}
}
