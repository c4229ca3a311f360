package compat

import (
	"crypto/rand"
	"testing"
)

// BenchmarkTaskCrypto is the per-task cost of the compat scheme on the
// worker: derive the ECDH key, decrypt the function and arguments, encrypt
// the output.
func BenchmarkTaskCrypto(b *testing.B) {
	user, _ := GenerateKey(rand.Reader)
	worker, _ := GenerateKey(rand.Reader)
	key := DeriveKey(user, &worker.PublicKey)
	fn, _ := Encrypt(key, []byte("add(uint256,uint256)"), rand.Reader)
	args, _ := Encrypt(key, make([]byte, 64), rand.Reader)
	out := make([]byte, 32)
	b.ReportAllocs()
	for b.Loop() {
		k := DeriveKey(worker, &user.PublicKey)
		if _, err := Decrypt(k, fn); err != nil {
			b.Fatal(err)
		}
		if _, err := Decrypt(k, args); err != nil {
			b.Fatal(err)
		}
		if _, err := Encrypt(k, out, rand.Reader); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDeriveKey(b *testing.B) {
	user, _ := GenerateKey(rand.Reader)
	worker, _ := GenerateKey(rand.Reader)
	for b.Loop() {
		DeriveKey(worker, &user.PublicKey)
	}
}

func BenchmarkSign(b *testing.B) {
	k, _ := GenerateKey(rand.Reader)
	h := Keccak256([]byte("receipt"))
	for b.Loop() {
		if _, err := Sign(k, h); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRecover(b *testing.B) {
	k, _ := GenerateKey(rand.Reader)
	h := Keccak256([]byte("receipt"))
	sig, _ := Sign(k, h)
	for b.Loop() {
		if _, err := Recover(h, sig[:]); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkHashParts(b *testing.B) {
	var h [32]byte
	for b.Loop() {
		ComputeReceiptHash(h, h, h, h, h, 1, 2, nil, [20]byte{})
	}
}
