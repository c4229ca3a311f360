package client_test

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/enigma-go/enigma/sdk/client"
)

// BenchmarkCompute measures a compute task end to end on the test devnet
// (200 ms blocks): epoch check, key, encryption, approve and record, the
// worker's run and receipt, Wait and Output. Blocks dominate: approve,
// record and receipt each wait for one.
func BenchmarkCompute(b *testing.B) {
	for _, env := range []client.Envelope{client.EnvelopeV2, client.EnvelopeCompat} {
		b.Run(string(env), func(b *testing.B) {
			benchCompute(b, env)
		})
	}
}

func benchCompute(b *testing.B, env client.Envelope) {
	d := testNet(b)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	sc := deployedCalculator(b, ctx, d)
	c := newClient(b, d, 6, env, "")
	b.ResetTimer()
	for b.Loop() {
		task, err := c.Compute(ctx, sc, "add(uint256,uint256)", big.NewInt(1), big.NewInt(2))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := task.Wait(ctx, nil); err != nil {
			b.Fatal(err)
		}
		if _, err := task.Output(ctx); err != nil {
			b.Fatal(err)
		}
	}
}
