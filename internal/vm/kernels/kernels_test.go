package kernels

import (
	"context"
	"crypto/sha256"
	"os"
	"testing"
)

func TestSHA256(t *testing.T) {
	for _, n := range []int{0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 4095, 4097, 1 << 16} {
		in := Input(n)
		if SHA256(in) != sha256.Sum256(in) {
			t.Fatalf("SHA256 of %d bytes differs from crypto/sha256", n)
		}
		if HashInput(n) != sha256.Sum256(in) {
			t.Fatalf("HashInput(%d) differs from crypto/sha256", n)
		}
	}
}

func TestKernels(t *testing.T) {
	if Fib(20) != 6765 {
		t.Fatal("fib")
	}
	if Mix(10) == Mix(11) {
		t.Fatal("mix")
	}
	if _, ok := Run("nope", 0); ok {
		t.Fatal("unknown kernel ran")
	}
}

func TestBuildKernelContract(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a contract")
	}
	p, err := BuildKernelContract(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(p); err != nil || len(b) < 8 || string(b[:4]) != "\x00asm" {
		t.Fatalf("no wasm module: %v", err)
	}
}
