package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/enigma-go/enigma/internal/devnet"
)

func init() {
	registerCommand(command{
		name:    "devnet",
		summary: "start a local network in one process: dev chain, Enigma contracts, key manager and gateway",
		run:     runDevnet,
	})
}

func runDevnet(ctx context.Context, args []string) error {
	cfg := devnet.DefaultConfig()
	fs := flag.NewFlagSet("devnet", flag.ContinueOnError)
	fs.StringVar(&cfg.DataDir, "data", defaultDevnetDir(), "data folder (chain, sealed keys, addresses.json, contract ABIs); a restart with the same folder resumes")
	fs.StringVar(&cfg.ChainRPC, "chain-rpc", "", "JSON-RPC URL of an external Ethereum node (default: the embedded dev chain)")
	fs.BoolVar(&cfg.InsecureSimulatedEnclave, "insecure-simulated-enclave", false, "allow --chain-rpc to name a chain that is not a development chain (the simulated enclaves protect nothing)")
	fs.StringVar(&cfg.ChainAddr, "chain-addr", cfg.ChainAddr, "listen address of the embedded chain's JSON-RPC")
	bindChainAccess(fs, "chain-", &cfg.ChainAccess)
	fs.StringVar(&cfg.GatewayAddr, "gateway-addr", cfg.GatewayAddr, "listen address of the gateway's JSON-RPC")
	fs.IntVar(&cfg.Workers, "workers", cfg.Workers, "number of workers")
	fs.DurationVar(&cfg.BlockPeriod, "block-period", cfg.BlockPeriod, "time between blocks of the embedded chain")
	fs.Uint64Var(&cfg.EpochSize, "epoch-size", cfg.EpochSize, "blocks per epoch")
	fs.DurationVar(&cfg.WorkerReceiptTimeout, "receipt-timeout", cfg.WorkerReceiptTimeout, "how long a worker waits for its receipt to be mined before checking its outcome in the background (0: the worker's default, 2m)")
	verbose := fs.Bool("v", false, "log progress details (the task and epoch lines are printed either way)")
	demo := fs.Bool("demo", false, "once up, run the millionaires' problem end to end through the chain (from the repository's root), then stop")
	keep := fs.Bool("keep", false, "with --demo: keep the devnet running after the demo")
	reset := fs.Bool("reset", false, "delete the data folder's earlier devnet (its chain, sealed keys and stored state) and start afresh")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	dataSet := false
	fs.Visit(func(f *flag.Flag) { dataSet = dataSet || f.Name == "data" })
	if *demo && !dataSet && !*reset {
		// A demo needs no history: a fresh folder, whatever an earlier
		// devnet (of this or an older version) left in the default one.
		dir, err := os.MkdirTemp("", "enigma-demo-")
		if err != nil {
			return fmt.Errorf("devnet: create the demo's data folder: %w", err)
		}
		defer os.RemoveAll(dir)
		cfg.DataDir = dir
	}
	if *reset {
		if err := resetDevnetDir(cfg.DataDir); err != nil {
			return err
		}
	}
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	if *verbose {
		cfg.Logger = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	// One line per task that ends and per epoch, held back until the
	// banner is out.
	activity := &heldWriter{w: os.Stdout}
	cfg.Activity = activity
	start := time.Now()
	fmt.Printf("starting the devnet in %s ...\n", cfg.DataDir)
	cfg.Progress = func(step string) { fmt.Printf("  %6.2fs  %s\n", time.Since(start).Seconds(), step) }
	d, err := devnet.Start(ctx, cfg)
	if err != nil {
		if ctx.Err() != nil { // Ctrl-C while starting: Start cleaned up
			fmt.Println("interrupted while starting; stopped")
			return nil
		}
		if strings.Contains(err.Error(), "incompatible genesis") {
			return fmt.Errorf("%w\nthe folder holds a chain this version cannot resume: run again with --reset to discard it, or pick another folder with --data", err)
		}
		return err
	}
	defer d.Close()
	printDevnetBanner(ctx, d, cfg, time.Since(start))
	activity.release()
	if *demo {
		if err := devnetDemo(ctx, d, os.Stdout); err != nil {
			return err
		}
		if !*keep {
			return d.Close()
		}
	}
	fmt.Println("Ctrl-C stops the devnet")
	<-ctx.Done()
	fmt.Println("shutting down")
	if err := d.Close(); err != nil {
		return err
	}
	fmt.Println("stopped")
	return nil
}

// resetDevnetDir deletes an earlier devnet's data folder. It refuses a
// folder that holds anything a devnet does not write, so a mistyped --data
// cannot delete someone's files.
func resetDevnetDir(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("devnet: read the data folder %s: %w", dir, err)
	}
	for _, e := range entries {
		if !devnetEntry(e.Name()) {
			return fmt.Errorf("devnet: --reset refuses to delete %s: it holds %q, which a devnet does not write; delete the folder yourself or pick another with --data", dir, e.Name())
		}
	}
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("devnet: delete the data folder %s: %w", dir, err)
	}
	fmt.Printf("deleted the earlier devnet in %s\n", dir)
	return nil
}

// devnetEntry reports whether a devnet's data folder holds name.
func devnetEntry(name string) bool {
	switch {
	case name == "chain", name == "km", name == "addresses.json", name == "abi", name == "attestation.key",
		strings.HasPrefix(name, "worker"), strings.HasSuffix(name, ".json"), strings.HasSuffix(name, ".key"), strings.HasSuffix(name, ".seal"), strings.HasSuffix(name, ".sealed"):
		return true
	}
	return false
}

// defaultDevnetDir is ~/.enigma/devnet, or a folder under the system's
// temporary one for a user without a home.
func defaultDevnetDir() string {
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		return filepath.Join(home, ".enigma", "devnet")
	}
	return filepath.Join(os.TempDir(), "enigma-devnet")
}

func printDevnetBanner(ctx context.Context, d *devnet.Devnet, cfg devnet.Config, took time.Duration) {
	a := d.Addresses()
	fmt.Printf("ready in %.2fs\n  chain    %s\n  gateway  %s\n  explorer %s\n  metrics  %s\n  enigma   %s\n  token    %s\n  addresses.json and contract ABIs in %s\n",
		took.Seconds(), d.ChainURL(), d.GatewayURL(), d.ExplorerURL(), d.MetricsURL(), a.Contract, a.Token, cfg.DataDir)
	fmt.Println("dev accounts, the clients' (eth_accounts; account 0 deployed the contracts, the network never sends from them):")
	for _, acc := range d.Accounts() {
		bal := "?"
		if b, err := d.Enigma().TokenBalance(ctx, acc); err == nil {
			bal = engAmount(b)
		}
		fmt.Printf("  %s  %s ENG\n", acc, bal)
	}
	fmt.Println("role accounts, the network's own (not in eth_accounts):")
	fmt.Printf("  %s  key manager (epochs)\n", d.KeyManagerAccount())
	for i, c := range d.Custodians() {
		fmt.Printf("  %s  custodian of worker %d (stake, receipts)\n", c, i)
	}
	fmt.Println("tasks and epochs as the chain records them:")
}

// engAmount writes ENG grains (8 decimals) as whole ENG with thousands
// separators.
func engAmount(grains *big.Int) string {
	s := new(big.Int).Quo(grains, big.NewInt(100_000_000)).String()
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// heldWriter holds what is written to it until release, then writes
// through: the devnet's task and epoch lines wait for the banner.
type heldWriter struct {
	mu       sync.Mutex
	w        io.Writer
	held     bytes.Buffer
	released bool
}

func (h *heldWriter) Write(p []byte) (int, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.released {
		return h.held.Write(p)
	}
	return h.w.Write(p)
}

func (h *heldWriter) release() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.released = true
	h.w.Write(h.held.Bytes())
	h.held.Reset()
}
