package compat

import (
	"bytes"
	"testing"

	"github.com/enigma-go/enigma/api"
)

// The decoders take bytes straight from the network: whatever they get, they
// must return a coded error or a value, never panic.

func FuzzDecrypt(f *testing.F) {
	key := [32]byte{1, 2, 3}
	ct := EncryptWithIV(key, [IVSize]byte{9}, []byte("add(uint256,uint256)"))
	f.Add(ct)
	f.Add(ct[:Overhead])
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, msg []byte) {
		pt, err := Decrypt(key, msg)
		if err != nil {
			if c := api.CodeOf(err); c != api.CodeTampered && c != api.CodeBadEnvelope {
				t.Fatalf("uncoded error %v", err)
			}
			return
		}
		// Only a genuine encryption opens: re-encrypting under the same IV
		// must give the input back.
		if !bytes.Equal(EncryptWithIV(key, [IVSize]byte(msg[len(msg)-IVSize:]), pt), msg) {
			t.Fatal("Decrypt accepted a message that is not an encryption of its output")
		}
	})
}

func FuzzParsePublicKey(f *testing.F) {
	k, _ := GenerateKey(&detReader{})
	pub := PublicKeyBytes(&k.PublicKey)
	f.Add(pub[:])
	f.Add(append([]byte{4}, pub[:]...))
	f.Add(make([]byte, 64))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := ParsePublicKey(b)
		if err != nil {
			if api.CodeOf(err) != api.CodeInvalidInput {
				t.Fatalf("uncoded error %v", err)
			}
			return
		}
		got := PublicKeyBytes(p)
		if !bytes.Equal(got[:], b[len(b)-64:]) {
			t.Fatal("parsed key does not re-encode to its input")
		}
	})
}

func FuzzRecover(f *testing.F) {
	k, _ := GenerateKey(&detReader{})
	h := Keccak256([]byte("m"))
	sig, _ := Sign(k, h)
	f.Add(h[:], sig[:])
	f.Add(h[:], make([]byte, 65))
	f.Fuzz(func(t *testing.T, hash, sig []byte) {
		var h [32]byte
		copy(h[:], hash)
		if _, err := Recover(h, sig); err != nil && api.CodeOf(err) != api.CodeBadSignature {
			t.Fatalf("uncoded error %v", err)
		}
	})
}
