package envelope

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
)

func TestQueryRoundTrip(t *testing.T) {
	ring := newRing(t, 7)
	pub, _ := ring.PublicKey(7)
	c := testContext()
	payload := EncodeCall("balanceOf(address)", bytes.Repeat([]byte{1}, 32))
	for _, pad := range []bool{false, true} {
		msg, rk, err := SealQuery(pub, c, payload, Options{Pad: pad})
		if err != nil {
			t.Fatal(err)
		}
		if msg[5] != TypeQuery || len(msg) < RequestOverhead {
			t.Fatalf("query type byte %d", msg[5])
		}
		got, rk2, err := ring.OpenQuery(c, msg)
		if err != nil || !bytes.Equal(got, payload) || rk != rk2 {
			t.Fatalf("OpenQuery: %x %v", got, err)
		}
		resp, err := SealResponse(rk2, c, []byte("answer"), rand.Reader, Options{Pad: pad})
		if err != nil {
			t.Fatal(err)
		}
		if out, err := OpenResponse(rk, c, resp); err != nil || string(out) != "answer" {
			t.Fatalf("response: %q %v", out, err)
		}
	}
}

// A query never opens as a task request, nor a task request as a query:
// neither as it is, nor with its type byte changed (the header is in the
// associated data and the HPKE info strings differ).
func TestQueryIsNotATaskRequest(t *testing.T) {
	ring := newRing(t, 7)
	pub, _ := ring.PublicKey(7)
	c := testContext()
	q, _, _ := SealQuery(pub, c, []byte("q"), Options{})
	r, _, _ := SealRequest(pub, c, []byte("r"), Options{})
	if _, _, err := ring.OpenRequest(c, q); api.CodeOf(err) != api.CodeBadEnvelope {
		t.Fatalf("query opened as a request: %v", err)
	}
	if _, _, err := ring.OpenQuery(c, r); api.CodeOf(err) != api.CodeBadEnvelope {
		t.Fatalf("request opened as a query: %v", err)
	}
	q2, r2 := bytes.Clone(q), bytes.Clone(r)
	q2[5], r2[5] = TypeRequest, TypeQuery
	if _, _, err := ring.OpenRequest(c, q2); api.CodeOf(err) != api.CodeTampered {
		t.Fatalf("query retyped as a request: %v", err)
	}
	if _, _, err := ring.OpenQuery(c, r2); api.CodeOf(err) != api.CodeTampered {
		t.Fatalf("request retyped as a query: %v", err)
	}
}

func TestQueryRejects(t *testing.T) {
	ring := newRing(t, 7)
	pub, _ := ring.PublicKey(7)
	c := testContext()
	q, _, _ := SealQuery(pub, c, []byte("q"), Options{})
	otherCaller, otherNonce, otherEpoch, otherCode := c, c, c, c
	otherCaller.Sender[0] ^= 1
	otherNonce.TaskNonce++
	otherEpoch.Epoch = 8
	otherCode.CodeHash[5] ^= 1
	flip := func(i int) []byte { m := bytes.Clone(q); m[i] ^= 1; return m }
	for _, tc := range []struct {
		name string
		c    Context
		msg  []byte
		code api.Code
	}{
		{"another caller", otherCaller, q, api.CodeTampered},
		{"another nonce", otherNonce, q, api.CodeTampered},
		{"another code hash", otherCode, q, api.CodeTampered},
		{"another epoch", otherEpoch, q, api.CodeWrongEpoch},
		{"tag altered", c, flip(len(q) - 1), api.CodeTampered},
		{"enc altered", c, flip(requestHeaderSize + 7), api.CodeTampered},
		{"epoch in the header altered", c, flip(requestHeaderSize - 1), api.CodeWrongEpoch},
		{"truncated", c, q[:RequestOverhead], api.CodeBadEnvelope},
		{"empty", c, nil, api.CodeBadEnvelope},
	} {
		if _, _, err := ring.OpenQuery(tc.c, tc.msg); api.CodeOf(err) != tc.code {
			t.Errorf("%s: %v, want code %d", tc.name, err, tc.code)
		}
	}
}

// QueryDigest is the standard EIP-712 digest: go-ethereum's typed data
// hashing (what a wallet's eth_signTypedData_v4 signs) gives the same bytes
// for the JSON a client sends.
func TestQueryDigestIsEIP712(t *testing.T) {
	chainID, enigma := uint64(1337), common.HexToAddress("0x00000000000000000000000000000000000e1967")
	contract := [32]byte{0x5c, 31: 0x01}
	reqHash := QueryRequestHash([]byte("a query message"))
	expiry := uint64(1_800_000_000)
	typed := fmt.Sprintf(`{
	  "types": {
	    "EIP712Domain": [{"name":"name","type":"string"},{"name":"version","type":"string"},
	                     {"name":"chainId","type":"uint256"},{"name":"verifyingContract","type":"address"}],
	    "SecretQuery": [{"name":"contract","type":"bytes32"},{"name":"request","type":"bytes32"},{"name":"expiry","type":"uint64"}]
	  },
	  "primaryType": "SecretQuery",
	  "domain": {"name":"Enigma","version":"2","chainId":%d,"verifyingContract":"%s"},
	  "message": {"contract":"0x%x","request":"0x%x","expiry":%d}
	}`, chainID, enigma.Hex(), contract, reqHash, expiry)
	var td apitypes.TypedData
	if err := json.Unmarshal([]byte(typed), &td); err != nil {
		t.Fatal(err)
	}
	want, _, err := apitypes.TypedDataAndHash(td)
	if err != nil {
		t.Fatal(err)
	}
	got := QueryDigest(chainID, enigma, contract, reqHash, expiry)
	if !bytes.Equal(got[:], want) {
		t.Fatalf("QueryDigest %x, EIP-712 %x", got, want)
	}
	// Every field is bound.
	for i, other := range [][32]byte{
		QueryDigest(chainID+1, enigma, contract, reqHash, expiry),
		QueryDigest(chainID, common.Address{1}, contract, reqHash, expiry),
		QueryDigest(chainID, enigma, [32]byte{1}, reqHash, expiry),
		QueryDigest(chainID, enigma, contract, [32]byte{1}, expiry),
		QueryDigest(chainID, enigma, contract, reqHash, expiry+1),
	} {
		if other == got {
			t.Errorf("field %d is not bound by the digest", i)
		}
	}
	// A signature over it recovers to its signer.
	key, _ := compat.GenerateKey(rand.Reader)
	sig, _ := compat.Sign(key, got)
	if a, err := compat.Recover(got, sig[:]); err != nil || a != compat.Address(&key.PublicKey) {
		t.Fatalf("recover: %v %v", a, err)
	}
	t.Logf("digest %s", hex.EncodeToString(got[:]))
}
