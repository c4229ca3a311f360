package envelope

import (
	"crypto/rand"
	"testing"
)

func BenchmarkSealRequest(b *testing.B) {
	ring, _ := NewKeyRing(DefaultKeyRingConfig(), rand.Reader)
	pub, _ := ring.Rotate(7)
	c := testContext()
	payload := EncodeCall("add(uint256,uint256)", make([]byte, 64))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := SealRequest(pub, c, payload, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOpenRequest(b *testing.B) {
	ring, _ := NewKeyRing(DefaultKeyRingConfig(), rand.Reader)
	pub, _ := ring.Rotate(7)
	c := testContext()
	msg, _, _ := SealRequest(pub, c, EncodeCall("add(uint256,uint256)", make([]byte, 64)), Options{})
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := ring.OpenRequest(c, msg); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSealResponse(b *testing.B) {
	var rk ResponseKey
	c := testContext()
	out := make([]byte, 32)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := SealResponse(rk, c, out, rand.Reader, Options{Pad: true}); err != nil {
			b.Fatal(err)
		}
	}
}
