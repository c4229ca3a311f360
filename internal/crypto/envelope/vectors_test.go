package envelope

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/cryptotest"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/ethereum/go-ethereum/common"
)

var update = flag.Bool("update", false, "regenerate testdata/v2-vectors.json (the doc's vectors must then be updated by hand)")

const (
	vectorsFile = "testdata/v2-vectors.json"
	docFile     = "../../../docs/protocol/envelope-v2.md"
)

type contextVector struct {
	ChainID        uint64 `json:"chain_id"`
	EnigmaContract string `json:"enigma_contract"`
	SecretContract string `json:"secret_contract"`
	CodeHash       string `json:"code_hash"`
	Epoch          uint64 `json:"epoch"`
	Sender         string `json:"sender"`
	TaskNonce      uint64 `json:"task_nonce"`
	Encoded        string `json:"encoded"`
}

type requestVector struct {
	Name            string        `json:"name"`
	WorkerSeed      string        `json:"worker_seed"`
	WorkerPublicKey string        `json:"worker_public_key"`
	WorkerKeyHash   string        `json:"worker_key_hash"`
	Context         contextVector `json:"context"`
	Pad             bool          `json:"pad"`
	Payload         string        `json:"payload"`
	Request         string        `json:"request"`
	ResponseKey     string        `json:"response_key"`
	ResponsePayload string        `json:"response_payload"`
	Response        string        `json:"response"`
}

type sealedVector struct {
	Name    string `json:"name"`
	Key     string `json:"key"`
	Label   string `json:"label"`
	Pad     bool   `json:"pad"`
	Payload string `json:"payload"`
	Sealed  string `json:"sealed"`
}

// rejectVector is a message that must fail with the given code.
type rejectVector struct {
	Name    string        `json:"name"`
	Of      string        `json:"of"` // the request vector whose key and context are used
	Context contextVector `json:"context"`
	Message string        `json:"message"`
	Code    int           `json:"code"`
}

// queryVector is a secret query (type 0x04) sealed to the worker key of the
// first request vector, its EIP-712 signature and its answer.
type queryVector struct {
	Name            string        `json:"name"`
	Of              string        `json:"of"` // the request vector whose worker key it is sealed to
	Context         contextVector `json:"context"`
	Pad             bool          `json:"pad"`
	Payload         string        `json:"payload"`
	Request         string        `json:"request"`
	RequestHash     string        `json:"request_hash"`
	Expiry          uint64        `json:"expiry"`
	CallerKey       string        `json:"caller_key"` // secp256k1 private key of the caller (Context.sender)
	Digest          string        `json:"digest"`     // EIP-712 SecretQuery digest
	Signature       string        `json:"signature"`  // r‖s‖v, v 27/28
	ResponseKey     string        `json:"response_key"`
	Status          string        `json:"status"`
	ResponsePayload string        `json:"response_payload"`
	Response        string        `json:"response"`
}

type v2Vectors struct {
	Comment  string          `json:"comment"`
	Requests []requestVector `json:"requests"`
	Sealed   []sealedVector  `json:"sealed"`
	Rejects  []rejectVector  `json:"rejects"`
	Queries  []queryVector   `json:"queries,omitempty"`
}

func unhex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func toVector(c Context) contextVector {
	return contextVector{c.ChainID, hex.EncodeToString(c.EnigmaContract[:]), hex.EncodeToString(c.SecretContract[:]),
		hex.EncodeToString(c.CodeHash[:]), c.Epoch, hex.EncodeToString(c.Sender[:]), c.TaskNonce, hex.EncodeToString(c.Encode())}
}

func fromVector(t testing.TB, v contextVector) Context {
	c := Context{ChainID: v.ChainID, Epoch: v.Epoch, TaskNonce: v.TaskNonce,
		EnigmaContract: common.BytesToAddress(unhex(t, v.EnigmaContract)), Sender: common.BytesToAddress(unhex(t, v.Sender))}
	copy(c.SecretContract[:], unhex(t, v.SecretContract))
	copy(c.CodeHash[:], unhex(t, v.CodeHash))
	if got := hex.EncodeToString(c.Encode()); got != v.Encoded {
		t.Fatalf("context encoding %s, vector has %s", got, v.Encoded)
	}
	return c
}

func generateV2Vectors(t *testing.T) *v2Vectors {
	cryptotest.SetGlobalRandom(t, 2026)
	hx := hex.EncodeToString
	v := &v2Vectors{Comment: "envelope v2 test vectors; see docs/protocol/envelope-v2.md. All byte strings are hex."}
	cases := []struct {
		name    string
		pad     bool
		payload []byte
		out     []byte
	}{
		{"call, unpadded", false, EncodeCall("add(uint256,uint256)", unhex(t, "000000000000000000000000000000000000000000000000000000000000004c0000000000000000000000000000000000000000000000000000000000000011")),
			unhex(t, "000000000000000000000000000000000000000000000000000000000000005d")},
		{"call, padded", true, EncodeCall("mint(bytes32,uint256)", bytes.Repeat([]byte{0xab}, 64)), []byte("")},
		{"empty payload", false, nil, []byte("failure: out of gas")},
	}
	for i, tc := range cases {
		seed := make([]byte, SeedSize)
		rand.Read(seed)
		priv, err := PrivateKeyFromSeed(seed)
		if err != nil {
			t.Fatal(err)
		}
		pub := priv.PublicKey().Bytes()
		c := testContext()
		c.Epoch += uint64(i)
		c.TaskNonce += uint64(i)
		msg, rk, err := SealRequest(pub, c, tc.payload, Options{Pad: tc.pad})
		if err != nil {
			t.Fatal(err)
		}
		resp, err := SealResponse(rk, c, tc.out, rand.Reader, Options{Pad: tc.pad})
		if err != nil {
			t.Fatal(err)
		}
		wk := WorkerKeyHash(c.ChainID, c.EnigmaContract, c.Epoch, pub)
		v.Requests = append(v.Requests, requestVector{tc.name, hx(seed), hx(pub), hx(wk[:]), toVector(c), tc.pad,
			hx(tc.payload), hx(msg), hx(rk[:]), hx(tc.out), hx(resp)})
	}
	key := [32]byte{}
	rand.Read(key[:])
	for _, pad := range []bool{false, true} {
		label := []byte(fmt.Sprintf("state of contract 5c, pad=%v", pad))
		payload := []byte(`{"millionaires":[]}`)
		msg, err := Seal(key, label, payload, rand.Reader, Options{Pad: pad})
		if err != nil {
			t.Fatal(err)
		}
		v.Sealed = append(v.Sealed, sealedVector{fmt.Sprintf("state, pad=%v", pad), hx(key[:]), hx(label), pad, hx(payload), hx(msg)})
	}

	r0 := v.Requests[0]
	c0 := fromVector(t, r0.Context)
	req := unhex(t, r0.Request)
	mut := func(f func(m []byte) []byte) string { return hx(f(bytes.Clone(req))) }
	otherNonce := c0
	otherNonce.TaskNonce++
	otherEpoch := c0
	otherEpoch.Epoch++
	v.Rejects = []rejectVector{
		{"tag altered", r0.Name, r0.Context, mut(func(m []byte) []byte { m[len(m)-1] ^= 1; return m }), int(api.CodeTampered)},
		{"KEM ciphertext altered", r0.Name, r0.Context, mut(func(m []byte) []byte { m[requestHeaderSize+3] ^= 1; return m }), int(api.CodeTampered)},
		{"another task nonce in the context", r0.Name, toVector(otherNonce), r0.Request, int(api.CodeTampered)},
		{"sealed for another epoch", r0.Name, toVector(otherEpoch), r0.Request, int(api.CodeWrongEpoch)},
		{"unknown version 3", r0.Name, r0.Context, mut(func(m []byte) []byte { m[4] = 3; return m }), int(api.CodeBadEnvelope)},
		{"truncated", r0.Name, r0.Context, hx(req[:RequestOverhead]), int(api.CodeBadEnvelope)},
		{"response type where a request is expected", r0.Name, r0.Context, r0.Response, int(api.CodeBadEnvelope)},
	}
	// Queries come last, so that adding them left the vectors above (and
	// the random stream they drew from) as they were.
	v.Queries = generateQueryVectors(t, r0)
	return v
}

func generateQueryVectors(t *testing.T, r0 requestVector) []queryVector {
	hx := hex.EncodeToString
	keyBytes := compat.Keccak256([]byte("enigma-go/envelope/v2 query vector caller"))
	callerKey, err := compat.ParsePrivateKey(keyBytes[:])
	if err != nil {
		t.Fatal(err)
	}
	pub := unhex(t, r0.WorkerPublicKey)
	var out []queryVector
	for i, tc := range []struct {
		name, status string
		pad          bool
		payload, ret []byte
	}{
		{"query, ok", "ok", false, EncodeCall("balanceOf(address)", unhex(t, "000000000000000000000000000000000000000000000000000000000000abcd")),
			unhex(t, "00000000000000000000000000000000000000000000000000000000000003e8")},
		{"query, failed, padded", "failed", true, EncodeCall("secret()", nil), []byte("a query cannot write state")},
	} {
		c := fromVector(t, r0.Context)
		c.SecretContract = [32]byte{0x5c, 31: byte(i + 1)}
		c.Sender = compat.Address(&callerKey.PublicKey)
		c.TaskNonce = 0x0123456789abcdef + uint64(i)
		msg, rk, err := SealQuery(pub, c, tc.payload, Options{Pad: tc.pad})
		if err != nil {
			t.Fatal(err)
		}
		resp, err := SealResponse(rk, c, tc.ret, rand.Reader, Options{Pad: tc.pad})
		if err != nil {
			t.Fatal(err)
		}
		expiry := uint64(1_900_000_000 + i)
		rh := QueryRequestHash(msg)
		digest := QueryDigest(c.ChainID, c.EnigmaContract, c.SecretContract, rh, expiry)
		sig, err := compat.Sign(callerKey, digest)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, queryVector{tc.name, r0.Name, toVector(c), tc.pad, hx(tc.payload), hx(msg), hx(rh[:]), expiry,
			hx(keyBytes[:]), hx(digest[:]), hx(sig[:]), hx(rk[:]), tc.status, hx(tc.ret), hx(resp)})
	}
	return out
}

// checkQueryVectors opens every query vector, checks its digest and
// signature, and that it does not open as a task request.
func checkQueryVectors(t *testing.T, v *v2Vectors, reqs map[string]*requestVector) {
	if len(v.Queries) == 0 {
		t.Fatal("no query vectors")
	}
	for _, q := range v.Queries {
		of := reqs[q.Of]
		if of == nil {
			t.Fatalf("query %q refers to unknown vector %q", q.Name, q.Of)
		}
		priv, _ := PrivateKeyFromSeed(unhex(t, of.WorkerSeed))
		c := fromVector(t, q.Context)
		msg := unhex(t, q.Request)
		payload, rk, err := OpenQuery(priv, c, msg)
		if err != nil || hex.EncodeToString(payload) != q.Payload || hex.EncodeToString(rk[:]) != q.ResponseKey {
			t.Fatalf("%s: OpenQuery = %x, %x, %v", q.Name, payload, rk, err)
		}
		if _, _, err := OpenRequest(priv, c, msg); err == nil {
			t.Fatalf("%s: opened as a task request", q.Name)
		}
		out, err := OpenResponse(rk, c, unhex(t, q.Response))
		if err != nil || hex.EncodeToString(out) != q.ResponsePayload {
			t.Fatalf("%s: OpenResponse = %x, %v", q.Name, out, err)
		}
		rh := QueryRequestHash(msg)
		digest := QueryDigest(c.ChainID, c.EnigmaContract, c.SecretContract, rh, q.Expiry)
		if hex.EncodeToString(rh[:]) != q.RequestHash || hex.EncodeToString(digest[:]) != q.Digest {
			t.Fatalf("%s: request hash %x or digest %x differ", q.Name, rh, digest)
		}
		key, err := compat.ParsePrivateKey(unhex(t, q.CallerKey))
		if err != nil || compat.Address(&key.PublicKey) != c.Sender {
			t.Fatalf("%s: the caller key is not the context's sender", q.Name)
		}
		if signer, err := compat.Recover(digest, unhex(t, q.Signature)); err != nil || signer != c.Sender {
			t.Fatalf("%s: signature recovers to %v (%v), want %v", q.Name, signer, err, c.Sender)
		}
	}
}

// TestV2Vectors opens every committed vector and checks every rejection.
func TestV2Vectors(t *testing.T) {
	if *update {
		raw, err := json.MarshalIndent(generateV2Vectors(t), "", " ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(vectorsFile, append(raw, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	raw, err := os.ReadFile(vectorsFile)
	if err != nil {
		t.Fatal(err)
	}
	var v v2Vectors
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Requests) == 0 || len(v.Sealed) == 0 || len(v.Rejects) == 0 {
		t.Fatal("empty vector file")
	}
	privs := map[string]*requestVector{}
	for i := range v.Requests {
		r := &v.Requests[i]
		privs[r.Name] = r
		priv, err := PrivateKeyFromSeed(unhex(t, r.WorkerSeed))
		if err != nil {
			t.Fatal(err)
		}
		if hex.EncodeToString(priv.PublicKey().Bytes()) != r.WorkerPublicKey {
			t.Fatalf("%s: seed gives another public key", r.Name)
		}
		c := fromVector(t, r.Context)
		if wk := WorkerKeyHash(c.ChainID, c.EnigmaContract, c.Epoch, unhex(t, r.WorkerPublicKey)); hex.EncodeToString(wk[:]) != r.WorkerKeyHash {
			t.Fatalf("%s: worker key hash differs", r.Name)
		}
		payload, rk, err := OpenRequest(priv, c, unhex(t, r.Request))
		if err != nil || hex.EncodeToString(payload) != r.Payload || hex.EncodeToString(rk[:]) != r.ResponseKey {
			t.Fatalf("%s: OpenRequest = %x, %x, %v", r.Name, payload, rk, err)
		}
		out, err := OpenResponse(rk, c, unhex(t, r.Response))
		if err != nil || hex.EncodeToString(out) != r.ResponsePayload {
			t.Fatalf("%s: OpenResponse = %x, %v", r.Name, out, err)
		}
	}
	for _, s := range v.Sealed {
		got, err := Open([32]byte(unhex(t, s.Key)), unhex(t, s.Label), unhex(t, s.Sealed))
		if err != nil || hex.EncodeToString(got) != s.Payload {
			t.Fatalf("%s: Open = %x, %v", s.Name, got, err)
		}
	}
	for _, r := range v.Rejects {
		of := privs[r.Of]
		if of == nil {
			t.Fatalf("reject %q refers to unknown vector %q", r.Name, r.Of)
		}
		priv, _ := PrivateKeyFromSeed(unhex(t, of.WorkerSeed))
		_, _, err := OpenRequest(priv, fromVector(t, r.Context), unhex(t, r.Message))
		if api.CodeOf(err) != api.Code(r.Code) {
			t.Errorf("reject %q: error %v, want code %d", r.Name, err, r.Code)
		}
	}

	checkQueryVectors(t, &v, privs)

	r0 := v.Requests[0]
	if *update {
		t.Logf("vector 0 for the doc:\nworker seed: %s\ncontext: %s\npayload: %s\nrequest:\n%s\nresponse key: %s\nresponse: %s",
			r0.WorkerSeed, r0.Context.Encoded, r0.Payload, wrapHex(r0.Request), r0.ResponseKey, r0.Response)
	}
	// The protocol document shows the first vector in full; it must match.
	doc, err := os.ReadFile(docFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{r0.WorkerSeed, r0.Context.Encoded, r0.Payload, r0.ResponseKey, r0.Response, r0.Request} {
		if !strings.Contains(string(doc), wrapHex(s)) {
			t.Fatalf("%s does not show the current first vector (missing %.40s…); paste the output of `go test -run TestV2Vectors -v -args -update`", docFile, s)
		}
	}
}

// wrapHex breaks long hex into 64-digit lines for the document.
func wrapHex(s string) string {
	var b strings.Builder
	for len(s) > 64 {
		b.WriteString(s[:64])
		b.WriteByte('\n')
		s = s[64:]
	}
	b.WriteString(s)
	return b.String()
}
