package main

import (
	"context"
	"fmt"

	"github.com/enigma-go/enigma/internal/crypto/cryptobench"
)

// `enigma bench crypto`: the per-task cost of the network's cryptography.
// Other parts (e.g. the state store's commit) join the same suite with
// higher orders.
func init() {
	registerBenchPart("crypto", "per-task cryptography: compat ECDH+AES, post-quantum HPKE, secp256k1 signatures", 10, runBenchCrypto)
}

func runBenchCrypto(ctx context.Context, opt benchOptions) (benchResult, error) {
	cfg := cryptobench.DefaultConfig()
	if opt.Quick {
		cfg = cryptobench.QuickConfig()
	}
	if opt.Out != nil {
		fmt.Fprintf(opt.Out, "bench crypto: each measurement runs %v\n", cfg.PerMeasurement)
	}
	ms, err := cryptobench.Run(ctx, cfg)
	if err != nil {
		return benchResult{}, err
	}
	r := benchResult{Fields: map[string]any{}}
	for _, m := range ms {
		r.Rows = append(r.Rows, benchRow{Name: m.Name, Value: m.OpsS, Unit: "ops/s",
			Note: fmt.Sprintf("%.1f µs/op; %s", m.NsOp/1e3, m.Notes)})
		r.Fields[m.Key] = m.OpsS
	}
	return r, nil
}
