package envelope

import (
	"crypto/rand"
	"testing"

	"github.com/enigma-go/enigma/api"
)

func codedEnvelopeError(t *testing.T, err error) {
	t.Helper()
	switch api.CodeOf(err) {
	case api.CodeBadEnvelope, api.CodeTampered, api.CodeWrongEpoch, api.CodeInvalidInput:
	default:
		t.Fatalf("uncoded error %v", err)
	}
}

func FuzzOpenRequest(f *testing.F) {
	ring, _ := NewKeyRing(DefaultKeyRingConfig(), rand.Reader)
	pub, _ := ring.Rotate(7)
	c := testContext()
	msg, _, _ := SealRequest(pub, c, []byte("seed"), Options{})
	f.Add(msg)
	f.Add(msg[:RequestOverhead])
	f.Add(append(Magic[:], 2, 1))
	f.Fuzz(func(t *testing.T, m []byte) {
		if _, _, err := ring.OpenRequest(c, m); err != nil {
			codedEnvelopeError(t, err)
		}
	})
}

func FuzzOpenSymmetric(f *testing.F) {
	var rk ResponseKey
	c := testContext()
	resp, _ := SealResponse(rk, c, []byte("out"), rand.Reader, Options{Pad: true})
	f.Add(resp)
	f.Add(resp[:SymmetricOverhead])
	f.Fuzz(func(t *testing.T, m []byte) {
		if _, err := OpenResponse(rk, c, m); err != nil {
			codedEnvelopeError(t, err)
		}
		if _, err := Open([32]byte(rk), nil, m); err != nil {
			codedEnvelopeError(t, err)
		}
	})
}

func FuzzUnframe(f *testing.F) {
	f.Add([]byte{})
	f.Add(append(Magic[:], 1, 2, 3))
	f.Add(append(Magic[:], 9))
	f.Fuzz(func(t *testing.T, m []byte) {
		v, body, err := Unframe(m)
		if err != nil {
			codedEnvelopeError(t, err)
			return
		}
		if v != VersionCompat && v != VersionV2 {
			t.Fatalf("Unframe returned version %d without error", v)
		}
		if len(body) > len(m) {
			t.Fatal("body longer than the message")
		}
		if _, _, err := OpenCompat([][32]byte{{1}}, m); err != nil {
			codedEnvelopeError(t, err)
		}
		if _, _, err := DecodeCall(m); err != nil {
			codedEnvelopeError(t, err)
		}
	})
}
