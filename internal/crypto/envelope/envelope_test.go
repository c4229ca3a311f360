package envelope

import (
	"bytes"
	"crypto/rand"
	"testing"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/ethereum/go-ethereum/common"
)

func testContext() Context {
	return Context{
		ChainID:        1337,
		EnigmaContract: common.HexToAddress("0x00000000000000000000000000000000000e1967"),
		SecretContract: [32]byte{0x5c},
		CodeHash:       [32]byte{0xc0, 0xde},
		Epoch:          7,
		Sender:         common.HexToAddress("0x000000000000000000000000000000000000abcd"),
		TaskNonce:      42,
	}
}

func newRing(t testing.TB, epochs ...uint64) *KeyRing {
	t.Helper()
	r, err := NewKeyRing(DefaultKeyRingConfig(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range epochs {
		if _, err := r.Rotate(e); err != nil {
			t.Fatal(err)
		}
	}
	return r
}

func wantCode(t *testing.T, what string, err error, code api.Code) {
	t.Helper()
	if api.CodeOf(err) != code {
		t.Fatalf("%s: error %v (code %d), want code %d", what, err, api.CodeOf(err), code)
	}
}

func TestRequestResponseRoundTrip(t *testing.T) {
	ring := newRing(t, 7)
	pub, _ := ring.PublicKey(7)
	c := testContext()
	for _, pad := range []bool{false, true} {
		for _, payload := range [][]byte{{}, EncodeCall("add(uint256,uint256)", make([]byte, 64)), bytes.Repeat([]byte{1}, 5000)} {
			msg, rkUser, err := SealRequest(pub, c, payload, Options{Pad: pad})
			if err != nil {
				t.Fatal(err)
			}
			if pad && (len(msg)-RequestOverhead)%MinBucket != 0 {
				t.Fatalf("padded request plaintext of %d bytes is not a bucket", len(msg)-RequestOverhead)
			}
			if !pad && len(msg) != RequestOverhead+4+len(payload) {
				t.Fatalf("unpadded request is %d bytes, want %d", len(msg), RequestOverhead+4+len(payload))
			}
			got, rkWorker, err := ring.OpenRequest(c, msg)
			if err != nil || !bytes.Equal(got, payload) {
				t.Fatalf("OpenRequest = %x, %v", got, err)
			}
			if rkUser != rkWorker {
				t.Fatal("user and worker export different response keys")
			}
			resp, err := SealResponse(rkWorker, c, []byte("output"), rand.Reader, Options{Pad: pad})
			if err != nil {
				t.Fatal(err)
			}
			out, err := OpenResponse(rkUser, c, resp)
			if err != nil || string(out) != "output" {
				t.Fatalf("OpenResponse = %q, %v", out, err)
			}
		}
	}
	fn, args, err := DecodeCall(EncodeCall("f(uint8)", []byte{9}))
	if err != nil || fn != "f(uint8)" || !bytes.Equal(args, []byte{9}) {
		t.Fatalf("DecodeCall = %q %x %v", fn, args, err)
	}
	for _, bad := range [][]byte{{}, {0, 0, 0, 5, 'a'}} {
		if _, _, err := DecodeCall(bad); api.CodeOf(err) != api.CodeInvalidInput {
			t.Fatalf("DecodeCall(%x) = %v", bad, err)
		}
	}
}

// Each field of the context is bound: changing any one makes the request
// and the response fail to open.
func TestContextBinding(t *testing.T) {
	ring := newRing(t, 7)
	pub, _ := ring.PublicKey(7)
	c := testContext()
	msg, rk, err := SealRequest(pub, c, []byte("secret"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	resp, _ := SealResponse(rk, c, []byte("out"), rand.Reader, Options{})
	mutations := map[string]func(*Context){
		"chain id":        func(c *Context) { c.ChainID++ },
		"enigma contract": func(c *Context) { c.EnigmaContract[0] ^= 1 },
		"secret contract": func(c *Context) { c.SecretContract[31] ^= 1 },
		"code hash":       func(c *Context) { c.CodeHash[5] ^= 1 },
		"sender":          func(c *Context) { c.Sender[19] ^= 1 },
		"task nonce":      func(c *Context) { c.TaskNonce++ },
	}
	for name, mutate := range mutations {
		other := c
		mutate(&other)
		_, _, err := ring.OpenRequest(other, msg)
		wantCode(t, "request with another "+name, err, api.CodeTampered)
		_, err = OpenResponse(rk, other, resp)
		wantCode(t, "response with another "+name, err, api.CodeTampered)
	}
	other := c
	other.Epoch = 8
	_, err = OpenResponse(rk, other, resp)
	wantCode(t, "response with another epoch", err, api.CodeTampered)
	if _, err := ring.Rotate(8); err != nil {
		t.Fatal(err)
	}
	_, _, err = ring.OpenRequest(other, msg)
	wantCode(t, "request opened in another epoch", err, api.CodeWrongEpoch)
}

func TestTamperedAndTruncated(t *testing.T) {
	ring := newRing(t, 7)
	pub, _ := ring.PublicKey(7)
	c := testContext()
	msg, rk, _ := SealRequest(pub, c, []byte("secret"), Options{})
	// One byte in each region: magic, version, type, epoch, KEM ciphertext
	// (ML-KEM and X25519 parts), AEAD ciphertext, tag.
	for _, i := range []int{0, 4, 5, 6, 13, 14, 500, requestHeaderSize + EncSize - 1, requestHeaderSize + EncSize, len(msg) - 1} {
		bad := bytes.Clone(msg)
		bad[i] ^= 0x40
		_, _, err := ring.OpenRequest(c, bad)
		if err == nil {
			t.Fatalf("byte %d altered: opened", i)
		}
		switch api.CodeOf(err) {
		case api.CodeTampered, api.CodeBadEnvelope, api.CodeWrongEpoch:
		default:
			t.Fatalf("byte %d altered: uncoded error %v", i, err)
		}
	}
	for _, n := range []int{0, 3, 4, 5, 6, 14, RequestOverhead, RequestOverhead + 3} {
		_, _, err := ring.OpenRequest(c, msg[:n])
		wantCode(t, "truncated request", err, api.CodeBadEnvelope)
	}
	resp, _ := SealResponse(rk, c, []byte("out"), rand.Reader, Options{})
	for i := range resp {
		bad := bytes.Clone(resp)
		bad[i] ^= 1
		if _, err := OpenResponse(rk, c, bad); err == nil {
			t.Fatalf("response byte %d altered: opened", i)
		}
	}
	var wrong ResponseKey
	_, err := OpenResponse(wrong, c, resp)
	wantCode(t, "response under another key", err, api.CodeTampered)
	_, err = OpenResponse(rk, c, msg)
	wantCode(t, "request passed as a response", err, api.CodeBadEnvelope)

	other := newRing(t, 7)
	_, _, err = other.OpenRequest(c, msg)
	wantCode(t, "another worker's key", err, api.CodeTampered)
}

func TestVersions(t *testing.T) {
	key := [32]byte{1}
	ct, _ := compat.Encrypt(key, []byte("fn"), rand.Reader)
	ring := newRing(t, 7)
	pub, _ := ring.PublicKey(7)
	v2, _, _ := SealRequest(pub, testContext(), []byte("x"), Options{})
	cases := []struct {
		msg  []byte
		want Version
		code api.Code
	}{
		{ct, VersionCompat, 0},
		{FrameCompat(ct), VersionCompat, 0},
		{v2, VersionV2, 0},
		{append(Magic[:], 3, 0, 0), 0, api.CodeBadEnvelope},
		{append(Magic[:], 0), 0, api.CodeBadEnvelope},
		{Magic[:], 0, api.CodeBadEnvelope},
	}
	for i, c := range cases {
		v, err := VersionOf(c.msg)
		if c.code != 0 {
			wantCode(t, "version", err, c.code)
			continue
		}
		if err != nil || v != c.want {
			t.Fatalf("case %d: VersionOf = %v, %v; want %v", i, v, err, c.want)
		}
	}
	for _, m := range [][]byte{ct, FrameCompat(ct)} {
		i, pt, err := OpenCompat([][32]byte{{9}, key}, m)
		if err != nil || i != 1 || string(pt) != "fn" {
			t.Fatalf("OpenCompat = %d %q %v", i, pt, err)
		}
	}
	_, _, err := OpenCompat([][32]byte{key}, v2)
	wantCode(t, "v2 message as compat", err, api.CodeBadEnvelope)
	// The rare bare compat ciphertext that starts with the magic and
	// version 1 still opens: choose the plaintext so that its encryption
	// begins with those bytes (GCM is a stream cipher).
	iv := [compat.IVSize]byte{7}
	keystream := compat.EncryptWithIV(key, iv, make([]byte, 8))
	pt := []byte("abcdefgh")
	want := append(Magic[:], byte(VersionCompat))
	for i, b := range want {
		pt[i] = b ^ keystream[i]
	}
	unlucky := compat.EncryptWithIV(key, iv, pt)
	if !bytes.HasPrefix(unlucky, want) {
		t.Fatal("could not build a compat ciphertext that starts with the frame")
	}
	if _, got, err := OpenCompat([][32]byte{key}, unlucky); err != nil || !bytes.Equal(got, pt) {
		t.Fatalf("bare compat message starting with the magic: %q %v", got, err)
	}
	// Likewise with the magic followed by version 2 or an unknown version.
	for _, ver := range []byte{2, 0xff} {
		want[4] = ver
		for i, b := range want {
			pt[i] = b ^ keystream[i]
		}
		unlucky = compat.EncryptWithIV(key, iv, pt)
		if _, got, err := OpenCompat([][32]byte{key}, unlucky); err != nil || !bytes.Equal(got, pt) {
			t.Fatalf("bare compat message starting with the magic and version %d: %q %v", ver, got, err)
		}
	}
}

// A ciphertext of an erased epoch cannot be opened any more.
func TestKeyRingForwardSecrecy(t *testing.T) {
	cfg := DefaultKeyRingConfig()
	ring, err := NewKeyRing(cfg, rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	c := testContext()
	msgs := map[uint64][]byte{}
	for _, e := range []uint64{10, 20, 30} {
		pub, err := ring.Rotate(e)
		if err != nil {
			t.Fatal(err)
		}
		c.Epoch = e
		msgs[e], _, _ = SealRequest(pub, c, []byte("in epoch"), Options{})
	}
	if got := ring.Epochs(); len(got) != 2 || got[0] != 20 || got[1] != 30 {
		t.Fatalf("after three rotations with Keep=1 the ring holds %v, want [20 30]", got)
	}
	c.Epoch = 10
	_, _, err = ring.OpenRequest(c, msgs[10])
	wantCode(t, "epoch 10 after rotation past it", err, api.CodeWrongEpoch)
	c.Epoch = 20
	if _, _, err := ring.OpenRequest(c, msgs[20]); err != nil {
		t.Fatalf("previous epoch's request: %v", err)
	}
	k20, _ := ring.key(20)
	seed := k20.seed
	ring.Erase(20)
	if !bytes.Equal(seed, make([]byte, SeedSize)) {
		t.Fatal("Erase left the seed in memory")
	}
	_, _, err = ring.OpenRequest(c, msgs[20])
	wantCode(t, "epoch 20 after Erase", err, api.CodeWrongEpoch)
	if _, err := ring.Rotate(30); api.CodeOf(err) != api.CodeWrongEpoch {
		t.Fatalf("Rotate to the current epoch: %v", err)
	}
	ring.EraseAll()
	if _, _, ok := ring.Current(); ok {
		t.Fatal("EraseAll kept the current key")
	}
	if err := (KeyRingConfig{Keep: -1}).Validate(); err == nil {
		t.Fatal("Keep -1 accepted")
	}
}

func TestSealedState(t *testing.T) {
	key := [32]byte{3}
	label := []byte("contract 5c delta 4")
	msg, err := Seal(key, label, []byte(`{"a":1}`), rand.Reader, Options{Pad: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(msg) != SymmetricOverhead+MinBucket {
		t.Fatalf("padded sealed message is %d bytes", len(msg))
	}
	pt, err := Open(key, label, msg)
	if err != nil || string(pt) != `{"a":1}` {
		t.Fatalf("Open = %q %v", pt, err)
	}
	_, err = Open(key, []byte("contract 5c delta 5"), msg)
	wantCode(t, "sealed under another label", err, api.CodeTampered)
}

func TestBucketSize(t *testing.T) {
	for _, c := range [][2]int{{0, 256}, {256, 256}, {257, 512}, {1 << 20, 1 << 20}, {1<<20 + 1, 2 << 20}, {5<<20 - 1, 5 << 20}} {
		if got := BucketSize(c[0]); got != c[1] {
			t.Errorf("BucketSize(%d) = %d, want %d", c[0], got, c[1])
		}
	}
	if _, err := unpad([]byte{0, 0, 0, 1, 'x', 1}); api.CodeOf(err) != api.CodeBadEnvelope {
		t.Fatal("non-zero padding accepted")
	}
}

func TestWorkerKeyHashSigned(t *testing.T) {
	ring := newRing(t, 7)
	pub, _ := ring.PublicKey(7)
	signer, _ := compat.GenerateKey(rand.Reader)
	c := testContext()
	h := WorkerKeyHash(c.ChainID, c.EnigmaContract, 7, pub)
	sig, _ := compat.Sign(signer, h)
	if a, err := compat.Recover(h, sig[:]); err != nil || a != compat.Address(&signer.PublicKey) {
		t.Fatal("worker key signature does not verify")
	}
	if WorkerKeyHash(c.ChainID, c.EnigmaContract, 8, pub) == h {
		t.Fatal("the worker key hash does not bind the epoch")
	}
}

func TestInputsHashSeparated(t *testing.T) {
	msg := []byte("request")
	if InputsHash(msg) == compat.InputsHash(msg, nil, nil, nil) || InputsHash(msg) == compat.Keccak256(msg) {
		t.Fatal("v2 inputsHash collides with a compat hash of the same bytes")
	}
	if OutputHash(msg) != compat.Keccak256(msg) {
		t.Fatal("OutputHash")
	}
}

// The ring is used by many task goroutines while the epoch watcher rotates it.
func TestKeyRingConcurrent(t *testing.T) {
	ring := newRing(t, 1)
	pub, _ := ring.PublicKey(1)
	c := testContext()
	c.Epoch = 1
	msg, _, _ := SealRequest(pub, c, []byte("x"), Options{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for e := uint64(2); e < 6; e++ {
			if _, err := ring.Rotate(e); err != nil {
				t.Error(err)
			}
		}
	}()
	for range 20 {
		if _, _, err := ring.OpenRequest(c, msg); err != nil && api.CodeOf(err) != api.CodeWrongEpoch {
			t.Fatal(err)
		}
		ring.Epochs()
		ring.Current()
	}
	<-done
}
