package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/enclave/remote"
	"github.com/enigma-go/enigma/internal/node"
)

func init() {
	registerCommand(command{
		name:    "enclave serve",
		summary: "run a simulated worker or key manager enclave on stdin/stdout (started by a node)",
		run:     runEnclaveServe,
	})
}

// runEnclaveServe is the child process of a node whose enclave runs out of
// process: it serves the enclave protocol (docs/protocol/enclave.md) framed
// by internal/enclave/remote on its standard input and output, and logs to
// standard error.
func runEnclaveServe(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("enclave serve", flag.ContinueOnError)
	role := fs.String("role", "worker", "enclave role: worker or km")
	sealKey := fs.String("seal-key-file", "", "file holding the 32-byte seal key (created if missing)")
	sealed := fs.String("sealed-file", "", "file holding the sealed state a previous run returned (optional)")
	km := fs.String("key-manager", "", "the key manager enclave's signing address (worker only)")
	parallel := fs.Int("parallel", 4, "calls served at once")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, nil)).With("component", "enclave", "role", *role)
	if w := chain.KeyFileWarning(*sealKey); w != "" {
		log.Warn(w)
	}
	// The node that started this process keeps the sealed file: it is
	// read here, never written.
	files := node.EnclaveFiles{SealKeyFile: *sealKey, SealedFile: *sealed}
	h := &enclave.Handler{}
	switch *role {
	case "km":
		k, _, err := node.NewKMEnclave(ctx, files, log)
		if err != nil {
			return err
		}
		h.KeyManager = k
	case "worker":
		keyManager, err := api.ParseEthAddress(*km)
		if err != nil {
			return fmt.Errorf("%w: -key-manager: %v", errUsage, err)
		}
		engine, err := node.NewVM(ctx, log)
		if err != nil {
			return err
		}
		defer engine.Close(context.Background())
		w, _, err := node.NewWorkerEnclave(ctx, files, keyManager, engine, log)
		if err != nil {
			return err
		}
		h.Enclave = w
	default:
		return fmt.Errorf("%w: -role must be worker or km, not %q", errUsage, *role)
	}
	return remote.Serve(ctx, os.Stdin, os.Stdout, h, *parallel)
}
