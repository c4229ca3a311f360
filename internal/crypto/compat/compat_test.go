package compat

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"math/big"
	"testing"

	"github.com/enigma-go/enigma/api"
	"github.com/ethereum/go-ethereum/common"
)

// detReader is a deterministic byte stream for reproducible keys and IVs.
type detReader struct{ b byte }

func (r *detReader) Read(p []byte) (int, error) {
	for i := range p {
		r.b++
		p[i] = r.b
	}
	return len(p), nil
}

func mustHex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestKeyRoundTrip(t *testing.T) {
	k, err := GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	pub := PublicKeyBytes(&k.PublicKey)
	for _, in := range [][]byte{pub[:], append([]byte{4}, pub[:]...)} {
		p, err := ParsePublicKey(in)
		if err != nil {
			t.Fatal(err)
		}
		if PublicKeyBytes(p) != pub {
			t.Fatal("public key does not round-trip")
		}
	}
	bad := pub
	bad[63] ^= 1
	for _, in := range [][]byte{nil, pub[:63], append([]byte{3}, pub[:]...), bad[:]} {
		if _, err := ParsePublicKey(in); api.CodeOf(err) != api.CodeInvalidInput {
			t.Fatalf("ParsePublicKey(%x) = %v, want CodeInvalidInput", in, err)
		}
	}
	d := PrivateKeyBytes(k)
	k2, err := ParsePrivateKey(d[:])
	if err != nil || k2.D.Cmp(k.D) != 0 {
		t.Fatal("private key does not round-trip")
	}
}

func TestGenerateKeyDeterministic(t *testing.T) {
	a, _ := GenerateKey(&detReader{})
	b, _ := GenerateKey(&detReader{})
	if a.D.Cmp(b.D) != 0 {
		t.Fatal("GenerateKey ignores the reader")
	}
}

func TestDeriveKeySymmetric(t *testing.T) {
	a, _ := GenerateKey(rand.Reader)
	b, _ := GenerateKey(rand.Reader)
	if DeriveKey(a, &b.PublicKey) != DeriveKey(b, &a.PublicKey) {
		t.Fatal("ECDH keys differ")
	}
	pb := PublicKeyBytes(&b.PublicKey)
	if k, err := DeriveKeyFromBytes(a, pb[:]); err != nil || k != DeriveKey(a, &b.PublicKey) {
		t.Fatalf("DeriveKeyFromBytes: %v", err)
	}
	pb[10] ^= 1
	if _, err := DeriveKeyFromBytes(a, pb[:]); api.CodeOf(err) != api.CodeInvalidInput {
		t.Fatalf("DeriveKeyFromBytes with a point off the curve: %v", err)
	}
}

func TestEncryptDecrypt(t *testing.T) {
	var key [32]byte
	rand.Read(key[:])
	for _, pt := range [][]byte{{}, []byte("add(uint256,uint256)"), bytes.Repeat([]byte{7}, 1000)} {
		ct, err := Encrypt(key, pt, rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		if len(ct) != len(pt)+Overhead {
			t.Fatalf("len %d, want %d", len(ct), len(pt)+Overhead)
		}
		got, err := Decrypt(key, ct)
		if err != nil || !bytes.Equal(got, pt) {
			t.Fatalf("Decrypt = %x, %v", got, err)
		}
		for i := range ct {
			bad := bytes.Clone(ct)
			bad[i] ^= 0x80
			if _, err := Decrypt(key, bad); !errors.Is(err, api.Sentinel(api.CodeTampered)) {
				t.Fatalf("flip byte %d: %v, want CodeTampered", i, err)
			}
		}
		other := key
		other[0] ^= 1
		if _, err := Decrypt(other, ct); api.CodeOf(err) != api.CodeTampered {
			t.Fatalf("wrong key: %v", err)
		}
	}
	for n := range Overhead {
		if _, err := Decrypt(key, make([]byte, n)); api.CodeOf(err) != api.CodeBadEnvelope {
			t.Fatalf("%d bytes: %v, want CodeBadEnvelope", n, err)
		}
	}
}

func TestDecryptAny(t *testing.T) {
	keys := make([][32]byte, 4)
	for i := range keys {
		rand.Read(keys[i][:])
	}
	ct, _ := Encrypt(keys[2], []byte("x"), rand.Reader)
	i, pt, err := DecryptAny(keys, ct)
	if err != nil || i != 2 || string(pt) != "x" {
		t.Fatalf("DecryptAny = %d %q %v", i, pt, err)
	}
	if _, _, err := DecryptAny(keys[:2], ct); api.CodeOf(err) != api.CodeTampered {
		t.Fatalf("no key: %v", err)
	}
	if _, _, err := DecryptAny(keys, ct[:5]); api.CodeOf(err) != api.CodeBadEnvelope {
		t.Fatalf("short: %v", err)
	}
}

func TestSignRecover(t *testing.T) {
	k, _ := GenerateKey(rand.Reader)
	h := Keccak256([]byte("hello"))
	sig, err := Sign(k, h)
	if err != nil {
		t.Fatal(err)
	}
	if sig[64] != 27 && sig[64] != 28 {
		t.Fatalf("v = %d", sig[64])
	}
	want := Address(&k.PublicKey)
	for _, v := range []byte{sig[64], sig[64] - 27} {
		s := sig
		s[64] = v
		got, err := Recover(h, s[:])
		if err != nil || got != want {
			t.Fatalf("v=%d: %s %v", v, got, err)
		}
	}
	if !Verify(want, h, sig[:]) || Verify(want, Keccak256([]byte("other")), sig[:]) {
		t.Fatal("Verify")
	}
	bad := sig
	bad[64] = 29
	if _, err := Recover(h, bad[:]); api.CodeOf(err) != api.CodeBadSignature {
		t.Fatalf("v=29: %v", err)
	}
	if _, err := Recover(h, sig[:64]); api.CodeOf(err) != api.CodeBadSignature {
		t.Fatalf("short: %v", err)
	}
}

func TestHashParts(t *testing.T) {
	// keccak256("") is the well-known c5d2…a470.
	if got := Keccak256(); hex.EncodeToString(got[:]) != "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470" {
		t.Fatalf("Keccak256() = %x", got)
	}
	if HashParts([]byte("ab"), []byte("c")) == HashParts([]byte("a"), []byte("bc")) {
		t.Fatal("HashParts is not injective")
	}
	if HashParts([]byte("ab")) != Keccak256(mustHex(t, "00000000000000026162")) {
		t.Fatal("HashParts layout")
	}
}

func TestWorkerKeyMessagePrefix(t *testing.T) {
	// enigma-js 0.3.0 hard-codes this prefix when it verifies workerSig.
	var pub [64]byte
	pub[0] = 0xaa
	want := Keccak256(mustHex(t, "0000000000000013456e69676d612055736572204d6573736167650000000000000040"), pub[:])
	if WorkerKeyMessageHash(pub) != want {
		t.Fatal("WorkerKeyMessageHash layout differs from enigma-js's")
	}
}

func TestTaskIDLayout(t *testing.T) {
	sender := common.HexToAddress("0x1111111111111111111111111111111111111111")
	want := Keccak256(sender[:], common.LeftPadBytes([]byte{5}, 32))
	if TaskID(sender, big.NewInt(5)) != want {
		t.Fatal("TaskID layout")
	}
}

func TestReceiptLayouts(t *testing.T) {
	h := func(b byte) [32]byte { return [32]byte{b} }
	eth := common.HexToAddress("0x00000000000000000000000000000000000000ee")
	p := func(v uint64) []byte { return u64(v) }
	b := func(v byte) []byte { x := h(v); return x[:] }
	cases := []struct {
		name string
		got  [32]byte
		want [32]byte
	}{
		{"deploy", DeployReceiptHash(h(1), h(2), h(3), 10, 9, []byte{0xca, 0xfe}, eth),
			HashParts(b(1), b(2), b(3), p(10), p(9), []byte{0xca, 0xfe}, eth[:], []byte{1})},
		{"compute", ComputeReceiptHash(h(1), h(2), h(3), h(4), h(5), 10, 9, nil, common.Address{}),
			HashParts(b(1), b(2), b(3), b(4), b(5), p(10), p(9), nil, make([]byte, 20), []byte{1})},
		{"deploy failure", DeployFailureReceiptHash(h(1), 10, 9), HashParts(b(1), p(10), p(9), []byte{0})},
		{"compute failure", ComputeFailureReceiptHash(h(1), h(2), 10, 9), HashParts(b(1), b(2), p(10), p(9), []byte{0})},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s receipt hash layout", c.name)
		}
	}
}

func TestTaskKey(t *testing.T) {
	signer, _ := GenerateKey(rand.Reader)
	tk, err := NewTaskKey(signer, rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	if PublicKeyBytes(&tk.Private.PublicKey) != tk.Public {
		t.Fatal("task key public half does not match")
	}
	if err := VerifyWorkerKey(Address(&signer.PublicKey), tk.Public, tk.Signature[:]); err != nil {
		t.Fatal(err)
	}
	other, _ := GenerateKey(rand.Reader)
	if err := VerifyWorkerKey(Address(&other.PublicKey), tk.Public, tk.Signature[:]); api.CodeOf(err) != api.CodeBadSignature {
		t.Fatalf("another worker's address: %v", err)
	}
}
