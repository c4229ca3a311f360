package vm

import (
	"context"
	"encoding/binary"
	"testing"

	"github.com/enigma-go/enigma/internal/vm/kernels"
	"github.com/enigma-go/enigma/internal/vm/kernels/smallwasm"
)

func benchRun(b *testing.B, code []byte, fn string, arg uint64, cfg Config) {
	e := newTestEngine(b, cfg)
	m := compile(b, e, code)
	req := Request{Kind: Compute, Function: fn, State: memState{}, GasLimit: 1 << 62, Args: binary.LittleEndian.AppendUint64(nil, arg)}
	if _, err := e.Run(context.Background(), m, req); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := e.Run(context.Background(), m, req); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkInstantiateCall is a cached module's per-task cost.
func BenchmarkInstantiateCall(b *testing.B) {
	b.Run("small", func(b *testing.B) { benchRun(b, smallwasm.Contract(), "echo", 0, DefaultConfig()) })
	b.Run("go", func(b *testing.B) { benchRun(b, goContract(b, "./kernels/wasm"), "noop", 0, DefaultConfig()) })
}

// BenchmarkKernels runs the kernels natively, metered and unmetered.
func BenchmarkKernels(b *testing.B) {
	code := goContract(b, "./kernels/wasm")
	unmetered := DefaultConfig()
	unmetered.Unmetered = true
	for _, k := range []struct {
		name string
		arg  uint64
	}{{"mix", 2_000_000}, {"fib", 25}, {"sha256", 1 << 20}} {
		b.Run(k.name+"/native", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				kernels.Run(k.name, k.arg)
			}
		})
		b.Run(k.name+"/metered", func(b *testing.B) { benchRun(b, code, k.name, k.arg, DefaultConfig()) })
		b.Run(k.name+"/unmetered", func(b *testing.B) { benchRun(b, code, k.name, k.arg, unmetered) })
	}
}
