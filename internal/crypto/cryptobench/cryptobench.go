// Package cryptobench measures the per-task cost of the network's
// cryptography on this machine, for `enigma bench crypto`: the compat
// scheme (ECDH + AES-GCM), the v2 envelope (hybrid post-quantum HPKE) and
// secp256k1 signatures.
//
// It imports only internal/crypto and the standard library; it does no IO
// besides reading the clock and crypto/rand.
package cryptobench

import (
	"context"
	"crypto/rand"
	"fmt"
	"time"

	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/crypto/envelope"
)

// Config says how long each measurement runs.
type Config struct {
	PerMeasurement time.Duration
}

// DefaultConfig runs each measurement for one second.
func DefaultConfig() Config { return Config{PerMeasurement: time.Second} }

// QuickConfig is a smoke run: the figures are not meaningful.
func QuickConfig() Config { return Config{PerMeasurement: 20 * time.Millisecond} }

// Validate checks the configuration.
func (c Config) Validate() error {
	if c.PerMeasurement <= 0 {
		return fmt.Errorf("cryptobench: PerMeasurement must be positive, got %v", c.PerMeasurement)
	}
	return nil
}

// Measurement is one figure.
type Measurement struct {
	Key   string  // JSON field name, e.g. "hpke_seal_ops_s"
	Name  string  // human-readable
	OpsS  float64 // operations per second
	NsOp  float64 // nanoseconds per operation
	Ops   int     // operations timed
	Notes string
}

// Run measures every operation in turn and returns the figures in a fixed
// order. It stops early with ctx's error.
func Run(ctx context.Context, cfg Config) ([]Measurement, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	ops, err := setup()
	if err != nil {
		return nil, err
	}
	out := make([]Measurement, 0, len(ops))
	for _, o := range ops {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		m, err := measure(cfg.PerMeasurement, o.run)
		if err != nil {
			return out, fmt.Errorf("cryptobench: %s: %w", o.name, err)
		}
		m.Key, m.Name, m.Notes = o.key, o.name, o.notes
		out = append(out, m)
	}
	return out, nil
}

type op struct {
	key, name, notes string
	run              func() error
}

// measure calls f in batches until d has passed and returns its rate.
func measure(d time.Duration, f func() error) (Measurement, error) {
	if err := f(); err != nil { // warm up, and fail fast
		return Measurement{}, err
	}
	n, batch := 0, 1
	start := time.Now()
	var elapsed time.Duration
	for elapsed < d {
		for range batch {
			if err := f(); err != nil {
				return Measurement{}, err
			}
		}
		n += batch
		elapsed = time.Since(start)
		if batch < 1<<16 {
			batch *= 2
		}
	}
	s := elapsed.Seconds()
	return Measurement{OpsS: float64(n) / s, NsOp: float64(elapsed.Nanoseconds()) / float64(n), Ops: n}, nil
}

func setup() ([]op, error) {
	user, err := compat.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	worker, err := compat.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	key := compat.DeriveKey(user, &worker.PublicKey)
	args := make([]byte, 64) // two ABI-encoded uint256
	encFn, _ := compat.Encrypt(key, []byte("add(uint256,uint256)"), rand.Reader)
	encArgs, _ := compat.Encrypt(key, args, rand.Reader)
	output := make([]byte, 32)

	ring, err := envelope.NewKeyRing(envelope.DefaultKeyRingConfig(), rand.Reader)
	if err != nil {
		return nil, err
	}
	pub, err := ring.Rotate(1)
	if err != nil {
		return nil, err
	}
	ctx := envelope.Context{ChainID: 1, Epoch: 1, TaskNonce: 1}
	payload := envelope.EncodeCall("add(uint256,uint256)", args)
	request, _, err := envelope.SealRequest(pub, ctx, payload, envelope.Options{})
	if err != nil {
		return nil, err
	}

	hash := compat.Keccak256([]byte("receipt"))
	sig, err := compat.Sign(worker, hash)
	if err != nil {
		return nil, err
	}
	signer := compat.Address(&worker.PublicKey)
	var h32 [32]byte

	return []op{
		{"compat_ecdh_aes_ops_s", "compat task crypto (ECDH + decrypt fn, args + encrypt output)", "secp256k1 ECDH, AES-256-GCM", func() error {
			k := compat.DeriveKey(worker, &user.PublicKey)
			if _, err := compat.Decrypt(k, encFn); err != nil {
				return err
			}
			if _, err := compat.Decrypt(k, encArgs); err != nil {
				return err
			}
			_, err := compat.Encrypt(k, output, rand.Reader)
			return err
		}},
		{"hpke_seal_ops_s", "v2 seal request (HPKE, user side)", "ML-KEM-768+X25519, AES-256-GCM", func() error {
			_, _, err := envelope.SealRequest(pub, ctx, payload, envelope.Options{})
			return err
		}},
		{"hpke_open_ops_s", "v2 open request (HPKE, worker side)", "ML-KEM-768+X25519, AES-256-GCM", func() error {
			_, _, err := ring.OpenRequest(ctx, request)
			return err
		}},
		{"v2_task_ops_s", "v2 task crypto (open request + seal response)", "worker side per task", func() error {
			_, rk, err := ring.OpenRequest(ctx, request)
			if err != nil {
				return err
			}
			_, err = envelope.SealResponse(rk, ctx, output, rand.Reader, envelope.Options{})
			return err
		}},
		{"sign_ops_s", "sign (secp256k1, receipt)", "r‖s‖v", func() error {
			_, err := compat.Sign(worker, hash)
			return err
		}},
		{"verify_ops_s", "verify (secp256k1 recover + compare)", "as the contract and enigma-js check", func() error {
			if !compat.Verify(signer, hash, sig[:]) {
				return fmt.Errorf("signature does not verify")
			}
			return nil
		}},
		{"receipt_hash_ops_s", "compute receipt hash (Keccak-256)", "HashParts of 10 parts", func() error {
			compat.ComputeReceiptHash(h32, h32, h32, h32, h32, 1, 2, nil, [20]byte{})
			return nil
		}},
	}, nil
}
