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

// FuzzOpenQuery feeds queries, task requests and their mutations to
// OpenQuery and OpenRequest: every failure is coded, and nothing opens as
// the other kind.
func FuzzOpenQuery(f *testing.F) {
	ring, _ := NewKeyRing(DefaultKeyRingConfig(), rand.Reader)
	pub, _ := ring.Rotate(7)
	c := testContext()
	q, _, _ := SealQuery(pub, c, []byte("query"), Options{})
	r, _, _ := SealRequest(pub, c, []byte("task"), Options{})
	f.Add(q)
	f.Add(r)
	f.Add(q[:RequestOverhead])
	f.Add(append(Magic[:], 2, 4))
	f.Fuzz(func(t *testing.T, m []byte) {
		pq, _, errQ := ring.OpenQuery(c, m)
		if errQ != nil {
			codedEnvelopeError(t, errQ)
		}
		pr, _, errR := ring.OpenRequest(c, m)
		if errR != nil {
			codedEnvelopeError(t, errR)
		}
		if errQ == nil && errR == nil {
			t.Fatalf("one message opened as a query (%q) and as a task request (%q)", pq, pr)
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
