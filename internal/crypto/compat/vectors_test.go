package compat

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

// The vector files are written by test/compat/enigmajs/crypto/vectors.js
// with enigma-js 0.3.0's own functions; this file checks them with ours, and
// writes vectors of ours for that script to check with enigma-js.

var update = flag.Bool("update", false, "regenerate testdata/enigmajs-vectors.json with enigma-js (needs make deps)")

const vectorsFile = "testdata/enigmajs-vectors.json"

type vectorFile struct {
	Generator string `json:"generator"`
	Keys      []struct {
		UserPriv    string `json:"user_priv"`
		UserPub     string `json:"user_pub"`
		UserAddress string `json:"user_address,omitempty"`
		WorkerPriv  string `json:"worker_priv"`
		WorkerPub   string `json:"worker_pub"`
		DerivedKey  string `json:"derived_key"`
	} `json:"keys"`
	AES []struct {
		Key        string `json:"key"`
		IV         string `json:"iv"`
		Plaintext  string `json:"plaintext"`
		Ciphertext string `json:"ciphertext"`
	} `json:"aes"`
	AESRandomIV []struct {
		Key        string `json:"key"`
		Plaintext  string `json:"plaintext"`
		Ciphertext string `json:"ciphertext"`
	} `json:"aes_random_iv"`
	HashParts []struct {
		Parts []string `json:"parts"`
		Hash  string   `json:"hash"`
	} `json:"hash_parts"`
	TaskIDs []struct {
		Sender string `json:"sender"`
		Nonce  string `json:"nonce"`
		TaskID string `json:"task_id"`
	} `json:"task_ids"`
	Signatures []struct {
		Kind      string `json:"kind"`
		WorkerPub string `json:"worker_pub,omitempty"`
		Hash      string `json:"hash"`
		Sig       string `json:"sig"`
		Address   string `json:"address"`
	} `json:"signatures"`
	InputsHashes []struct {
		EncryptedFn   string `json:"encrypted_fn"`
		EncryptedArgs string `json:"encrypted_args"`
		X             string `json:"x"`
		UserPub       string `json:"user_pub"`
		InputsHash    string `json:"inputs_hash"`
	} `json:"inputs_hashes"`
	Receipts      []receiptVector `json:"receipts"`
	WorkersParams []struct {
		Seed    string   `json:"seed"`
		Nonce   string   `json:"nonce"`
		Workers []string `json:"workers"`
		Stakes  []string `json:"stakes"`
		Hash    string   `json:"hash"`
	} `json:"workers_params"`
	OutputHashes []struct {
		Ciphertext string `json:"ciphertext"`
		Hash       string `json:"hash"`
	} `json:"output_hashes"`
}

type receiptVector struct {
	Kind          string `json:"kind"`
	InputsHash    string `json:"inputs_hash"`
	CodeHash      string `json:"code_hash,omitempty"`
	InitDeltaHash string `json:"init_delta_hash,omitempty"`
	PrevDeltaHash string `json:"prev_delta_hash,omitempty"`
	NewDeltaHash  string `json:"new_delta_hash,omitempty"`
	OutputHash    string `json:"output_hash,omitempty"`
	GasLimit      string `json:"gas_limit"`
	GasUsed       string `json:"gas_used"`
	EthPayload    string `json:"eth_payload,omitempty"`
	EthAddress    string `json:"eth_address,omitempty"`
	Hash          string `json:"hash"`
	Sig           string `json:"sig,omitempty"`
	Signer        string `json:"signer,omitempty"`
}

// checker decodes hex and collects mismatches instead of stopping at the first.
type checker struct {
	t   testing.TB
	bad []string
}

func (c *checker) b(s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil {
		c.t.Fatalf("vector hex %q: %v", s, err)
	}
	return b
}

func (c *checker) h32(s string) [32]byte {
	var h [32]byte
	if b := c.b(s); len(b) != 32 {
		c.t.Fatalf("vector %q is not 32 bytes", s)
	} else {
		copy(h[:], b)
	}
	return h
}

func (c *checker) u64(s string) uint64 {
	v, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		c.t.Fatalf("vector number %q: %v", s, err)
	}
	return v
}

func (c *checker) big(s string) *big.Int {
	v, ok := new(big.Int).SetString(s, 10)
	if !ok {
		c.t.Fatalf("vector number %q", s)
	}
	return v
}

func (c *checker) eq(what string, got []byte, want string) {
	if hex.EncodeToString(got) != want {
		c.bad = append(c.bad, fmt.Sprintf("%s: Go gives %x, vector has %s", what, got, want))
	}
}

func (c *checker) receiptHash(r receiptVector) [32]byte {
	addr := common.BytesToAddress(c.b(r.EthAddress))
	switch r.Kind {
	case "deploy":
		return DeployReceiptHash(c.h32(r.InputsHash), c.h32(r.CodeHash), c.h32(r.InitDeltaHash),
			c.u64(r.GasLimit), c.u64(r.GasUsed), c.b(r.EthPayload), addr)
	case "compute":
		return ComputeReceiptHash(c.h32(r.CodeHash), c.h32(r.InputsHash), c.h32(r.PrevDeltaHash),
			c.h32(r.NewDeltaHash), c.h32(r.OutputHash), c.u64(r.GasLimit), c.u64(r.GasUsed), c.b(r.EthPayload), addr)
	case "deploy_failure":
		return DeployFailureReceiptHash(c.h32(r.InputsHash), c.u64(r.GasLimit), c.u64(r.GasUsed))
	case "compute_failure":
		return ComputeFailureReceiptHash(c.h32(r.InputsHash), c.h32(r.CodeHash), c.u64(r.GasLimit), c.u64(r.GasUsed))
	}
	c.t.Fatalf("unknown receipt kind %q", r.Kind)
	return [32]byte{}
}

// checkVectors recomputes or verifies every vector with this package.
func checkVectors(t testing.TB, v *vectorFile) []string {
	c := &checker{t: t}
	for i, k := range v.Keys {
		user, err := ParsePrivateKey(c.b(k.UserPriv))
		if err != nil {
			t.Fatal(err)
		}
		up := PublicKeyBytes(&user.PublicKey)
		c.eq(fmt.Sprintf("keys[%d] user_pub", i), up[:], k.UserPub)
		if k.UserAddress != "" {
			a := Address(&user.PublicKey)
			c.eq(fmt.Sprintf("keys[%d] user_address", i), a[:], k.UserAddress)
		}
		wpub, err := ParsePublicKey(c.b(k.WorkerPub))
		if err != nil {
			t.Fatal(err)
		}
		dk := DeriveKey(user, wpub)
		c.eq(fmt.Sprintf("keys[%d] derived_key (user side)", i), dk[:], k.DerivedKey)
		if k.WorkerPriv != "" {
			worker, err := ParsePrivateKey(c.b(k.WorkerPriv))
			if err != nil {
				t.Fatal(err)
			}
			dk := DeriveKey(worker, &user.PublicKey)
			c.eq(fmt.Sprintf("keys[%d] derived_key (worker side)", i), dk[:], k.DerivedKey)
		}
	}
	for i, a := range v.AES {
		key, iv := c.h32(a.Key), [IVSize]byte(c.b(a.IV))
		c.eq(fmt.Sprintf("aes[%d] ciphertext", i), EncryptWithIV(key, iv, c.b(a.Plaintext)), a.Ciphertext)
		pt, err := Decrypt(key, c.b(a.Ciphertext))
		if err != nil {
			c.bad = append(c.bad, fmt.Sprintf("aes[%d]: %v", i, err))
		}
		c.eq(fmt.Sprintf("aes[%d] plaintext", i), pt, a.Plaintext)
	}
	for i, a := range v.AESRandomIV {
		pt, err := Decrypt(c.h32(a.Key), c.b(a.Ciphertext))
		if err != nil {
			c.bad = append(c.bad, fmt.Sprintf("aes_random_iv[%d]: %v", i, err))
		}
		c.eq(fmt.Sprintf("aes_random_iv[%d] plaintext", i), pt, a.Plaintext)
	}
	for i, h := range v.HashParts {
		parts := make([][]byte, len(h.Parts))
		for j, p := range h.Parts {
			parts[j] = c.b(p)
		}
		got := HashParts(parts...)
		c.eq(fmt.Sprintf("hash_parts[%d]", i), got[:], h.Hash)
	}
	for i, x := range v.TaskIDs {
		got := TaskID(common.BytesToAddress(c.b(x.Sender)), c.big(x.Nonce))
		c.eq(fmt.Sprintf("task_ids[%d]", i), got[:], x.TaskID)
	}
	for i, s := range v.Signatures {
		if s.Kind == "worker_key" {
			got := WorkerKeyMessageHash([64]byte(c.b(s.WorkerPub)))
			c.eq(fmt.Sprintf("signatures[%d] hash", i), got[:], s.Hash)
		}
		a, err := Recover(c.h32(s.Hash), c.b(s.Sig))
		if err != nil {
			c.bad = append(c.bad, fmt.Sprintf("signatures[%d]: %v", i, err))
		}
		c.eq(fmt.Sprintf("signatures[%d] signer", i), a[:], s.Address)
	}
	for i, h := range v.InputsHashes {
		got := InputsHash(c.b(h.EncryptedFn), c.b(h.EncryptedArgs), c.b(h.X), c.b(h.UserPub))
		c.eq(fmt.Sprintf("inputs_hashes[%d]", i), got[:], h.InputsHash)
	}
	for i, r := range v.Receipts {
		got := c.receiptHash(r)
		c.eq(fmt.Sprintf("receipts[%d] (%s) hash", i, r.Kind), got[:], r.Hash)
		if r.Sig != "" {
			a, err := Recover(c.h32(r.Hash), c.b(r.Sig))
			if err != nil {
				c.bad = append(c.bad, fmt.Sprintf("receipts[%d]: %v", i, err))
			}
			c.eq(fmt.Sprintf("receipts[%d] signer", i), a[:], r.Signer)
		}
	}
	for i, w := range v.WorkersParams {
		workers := make([]common.Address, len(w.Workers))
		for j, a := range w.Workers {
			workers[j] = common.BytesToAddress(c.b(a))
		}
		stakes := make([]*big.Int, len(w.Stakes))
		for j, s := range w.Stakes {
			stakes[j] = c.big(s)
		}
		got := WorkersParamsHash(c.big(w.Seed), c.big(w.Nonce), workers, stakes)
		c.eq(fmt.Sprintf("workers_params[%d]", i), got[:], w.Hash)
	}
	for i, o := range v.OutputHashes {
		got := Keccak256(c.b(o.Ciphertext))
		c.eq(fmt.Sprintf("output_hashes[%d]", i), got[:], o.Hash)
	}
	return c.bad
}

func loadVectors(t testing.TB, path string) *vectorFile {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var v vectorFile
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return &v
}

func countVectors(v *vectorFile) int {
	return len(v.Keys) + len(v.AES) + len(v.AESRandomIV) + len(v.HashParts) + len(v.TaskIDs) + len(v.Signatures) +
		len(v.InputsHashes) + len(v.Receipts) + len(v.WorkersParams) + len(v.OutputHashes)
}

// TestEnigmaJSVectors checks the committed vectors that enigma-js 0.3.0
// computed. It needs no node.
func TestEnigmaJSVectors(t *testing.T) {
	if *update {
		dir := enigmaJSDir(t)
		abs, _ := filepath.Abs(vectorsFile)
		runNode(t, dir, "generate", abs)
	}
	v := loadVectors(t, vectorsFile)
	if n := countVectors(v); n < 50 {
		t.Fatalf("only %d vectors in %s", n, vectorsFile)
	}
	for _, b := range checkVectors(t, v) {
		t.Error(b)
	}
}

// enigmaJSDir returns the folder with enigma-js installed, skipping the test
// when it is not (and failing under CI, where make deps installs it).
func enigmaJSDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("../../../test/compat/enigmajs")
	if err != nil {
		t.Fatal(err)
	}
	_, errMod := os.Stat(filepath.Join(dir, "node_modules", "enigma-js", "package.json"))
	_, errNode := exec.LookPath("node")
	if err := errors.Join(errMod, errNode); err != nil {
		msg := fmt.Sprintf("enigma-js 0.3.0 is not installed in %s (run `make deps`, needs node and npm): %v", dir, err)
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return dir
}

func runNode(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("node", append([]string{"crypto/vectors.js"}, args...)...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("node crypto/vectors.js %v: %v\n%s", args, err, stderr.String())
	}
}

// TestEnigmaJSLive runs enigma-js both ways on fresh random inputs: vectors
// it computes are checked by Go, and vectors Go computes are checked by it.
func TestEnigmaJSLive(t *testing.T) {
	dir := enigmaJSDir(t)
	tmp := t.TempDir()

	fromJS := filepath.Join(tmp, "from-enigmajs.json")
	runNode(t, dir, "generate", fromJS, "--random")
	for _, b := range checkVectors(t, loadVectors(t, fromJS)) {
		t.Error("enigma-js → Go: " + b)
	}

	fromGo := filepath.Join(tmp, "from-go.json")
	raw, err := json.MarshalIndent(generateVectors(t), "", " ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(fromGo, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	runNode(t, dir, "check", fromGo)
}

// generateVectors computes vectors with this package on random inputs, in
// the file format vectors.js checks.
func generateVectors(t testing.TB) *vectorFile {
	var v vectorFile
	v.Generator = "github.com/enigma-go/enigma/internal/crypto/compat"
	rnd := func(n int) []byte {
		b := make([]byte, n)
		rand.Read(b)
		return b
	}
	hx := hex.EncodeToString
	var signer *ecdsaKey
	for i := range 4 {
		user, _ := GenerateKey(rand.Reader)
		worker, _ := GenerateKey(rand.Reader)
		if signer == nil {
			signer = &ecdsaKey{worker}
		}
		up, wp := PublicKeyBytes(&user.PublicKey), PublicKeyBytes(&worker.PublicKey)
		ud, wd := PrivateKeyBytes(user), PrivateKeyBytes(worker)
		ua := Address(&user.PublicKey)
		key := DeriveKey(user, &worker.PublicKey)
		v.Keys = append(v.Keys, struct {
			UserPriv    string `json:"user_priv"`
			UserPub     string `json:"user_pub"`
			UserAddress string `json:"user_address,omitempty"`
			WorkerPriv  string `json:"worker_priv"`
			WorkerPub   string `json:"worker_pub"`
			DerivedKey  string `json:"derived_key"`
		}{hx(ud[:]), hx(up[:]), hx(ua[:]), hx(wd[:]), hx(wp[:]), hx(key[:])})

		for _, pt := range [][]byte{[]byte("add(uint256,uint256)"), {}, rnd(1000 + i)} {
			iv := [IVSize]byte(rnd(IVSize))
			v.AES = append(v.AES, struct {
				Key        string `json:"key"`
				IV         string `json:"iv"`
				Plaintext  string `json:"plaintext"`
				Ciphertext string `json:"ciphertext"`
			}{hx(key[:]), hx(iv[:]), hx(pt), hx(EncryptWithIV(key, iv, pt))})
			ct, _ := Encrypt(key, pt, rand.Reader)
			v.AESRandomIV = append(v.AESRandomIV, struct {
				Key        string `json:"key"`
				Plaintext  string `json:"plaintext"`
				Ciphertext string `json:"ciphertext"`
			}{hx(key[:]), hx(pt), hx(ct)})
		}

		wh := WorkerKeyMessageHash(wp)
		sig, _ := Sign(worker, wh)
		wa := Address(&worker.PublicKey)
		v.Signatures = append(v.Signatures, struct {
			Kind      string `json:"kind"`
			WorkerPub string `json:"worker_pub,omitempty"`
			Hash      string `json:"hash"`
			Sig       string `json:"sig"`
			Address   string `json:"address"`
		}{"worker_key", hx(wp[:]), hx(wh[:]), hx(sig[:]), hx(wa[:])})

		nonce := new(big.Int).SetBytes(rnd(6))
		id := TaskID(ua, nonce)
		v.TaskIDs = append(v.TaskIDs, struct {
			Sender string `json:"sender"`
			Nonce  string `json:"nonce"`
			TaskID string `json:"task_id"`
		}{hx(ua[:]), nonce.String(), hx(id[:])})

		fn, _ := Encrypt(key, []byte("f()"), rand.Reader)
		args, _ := Encrypt(key, rnd(64), rand.Reader)
		ih := InputsHash(fn, args, id[:], up[:])
		v.InputsHashes = append(v.InputsHashes, struct {
			EncryptedFn   string `json:"encrypted_fn"`
			EncryptedArgs string `json:"encrypted_args"`
			X             string `json:"x"`
			UserPub       string `json:"user_pub"`
			InputsHash    string `json:"inputs_hash"`
		}{hx(fn), hx(args), hx(id[:]), hx(up[:]), hx(ih[:])})
		oh := Keccak256(args)
		v.OutputHashes = append(v.OutputHashes, struct {
			Ciphertext string `json:"ciphertext"`
			Hash       string `json:"hash"`
		}{hx(args), hx(oh[:])})
	}
	for _, parts := range [][][]byte{{{}}, {rnd(1), rnd(40)}, {rnd(32), {}, rnd(3)}} {
		ps := make([]string, len(parts))
		for i, p := range parts {
			ps[i] = hx(p)
		}
		h := HashParts(parts...)
		v.HashParts = append(v.HashParts, struct {
			Parts []string `json:"parts"`
			Hash  string   `json:"hash"`
		}{ps, hx(h[:])})
	}
	h32 := func() string { return hx(rnd(32)) }
	for _, kind := range []string{"deploy", "compute", "deploy_failure", "compute_failure"} {
		for _, withEth := range []bool{false, true} {
			r := receiptVector{Kind: kind, InputsHash: h32(), GasLimit: "5000000", GasUsed: strconv.Itoa(len(v.Receipts) * 1000)}
			switch kind {
			case "deploy":
				r.CodeHash, r.InitDeltaHash = h32(), h32()
			case "compute":
				r.CodeHash, r.PrevDeltaHash, r.NewDeltaHash, r.OutputHash = h32(), h32(), h32(), h32()
			case "compute_failure":
				r.CodeHash = h32()
			}
			if kind == "deploy" || kind == "compute" {
				r.EthAddress = hx(make([]byte, 20))
				if withEth {
					r.EthPayload, r.EthAddress = hx(rnd(68)), hx(rnd(20))
				}
			}
			c := &checker{t: t}
			h := c.receiptHash(r)
			sig, _ := Sign(signer.k, h)
			sa := Address(&signer.k.PublicKey)
			r.Hash, r.Sig, r.Signer = hx(h[:]), hx(sig[:]), hx(sa[:])
			v.Receipts = append(v.Receipts, r)
		}
	}
	return &v
}

type ecdsaKey struct{ k *ecdsa.PrivateKey }

// TestDocVectors checks that docs/protocol/crypto.md shows the committed
// vectors, so the document and the code cannot drift apart.
func TestDocVectors(t *testing.T) {
	doc, err := os.ReadFile("../../../docs/protocol/crypto.md")
	if err != nil {
		t.Fatal(err)
	}
	v := loadVectors(t, vectorsFile)
	want := []string{v.Keys[0].DerivedKey, v.AES[0].Ciphertext, v.HashParts[2].Hash, v.TaskIDs[1].TaskID,
		v.InputsHashes[1].InputsHash, v.OutputHashes[0].Hash, v.Signatures[0].Sig, v.WorkersParams[1].Hash}
	shown := map[string]bool{}
	for _, r := range v.Receipts {
		if !shown[r.Kind] && (r.EthPayload != "" || (r.Kind != "deploy" && r.Kind != "compute")) {
			shown[r.Kind] = true
			want = append(want, r.Hash, r.Sig)
		}
	}
	for _, s := range want {
		if !bytes.Contains(doc, []byte(s)) {
			t.Errorf("docs/protocol/crypto.md does not show vector value %s", s)
		}
	}
}
