package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/enigma-go/enigma/internal/node"
)

func init() {
	registerCommand(command{
		name:    "node",
		summary: "run one node role (km, worker or gateway) as its own process, configured by a JSON file",
		run:     runNode,
	})
}

func runNode(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("node", flag.ContinueOnError)
	role := fs.String("role", "", "km, worker or gateway (overrides the file's role)")
	file := fs.String("config", "", "JSON config file (docs/nodes.md); flags below override its fields")
	dataDir := fs.String("data-dir", "", "folder of the sealed enclave keys and, for a worker, its state store")
	listen := fs.String("listen", "", "host:port to serve on (loopback only: the channel is not authenticated)")
	chainRPC := fs.String("chain-rpc", "", "Ethereum JSON-RPC URL")
	addresses := fs.String("addresses", "", "addresses.json naming the Enigma and token contracts")
	acct := fs.String("account", "", "0x address, unlocked on the Ethereum node, that sends the node's transactions")
	kmURL := fs.String("km-url", "", "worker: the key manager's URL")
	peers := fs.String("peers", "", "comma-separated worker URLs: a worker's peers, or the workers a gateway routes to")
	attestation := fs.String("attestation-key", "", "key manager: the simulated attestation service's key file (default data-dir/attestation.key)")
	logLevel := fs.String("log-level", "", "debug, info, warn or error")
	insecure := fs.Bool("insecure-simulated-enclave", false, "run the simulated enclave on a chain that is not a development chain (it protects nothing)")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: enigma node --role km|worker|gateway --config FILE [flags]\n\n"+
			"Runs one role of the network; once it serves it prints one JSON line (role, url, signer, contracts) on stdout.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected arguments %q", errUsage, fs.Args())
	}
	if err := checkAddressFlag("--account", *acct, "account_key_file in the --config file"); err != nil {
		return err
	}
	cfg := node.DefaultConfig()
	if *file != "" {
		var err error
		if cfg, err = node.Load(*file); err != nil {
			return err
		}
	}
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "role":
			cfg.Role = node.Role(*role)
		case "data-dir":
			cfg.DataDir = *dataDir
		case "listen":
			cfg.Listen = *listen
		case "chain-rpc":
			cfg.ChainRPC = *chainRPC
		case "addresses":
			cfg.AddressesFile = *addresses
		case "account":
			cfg.Account, cfg.AccountKeyFile = *acct, ""
		case "km-url":
			cfg.KeyManagerURL = *kmURL
		case "peers":
			cfg.Peers = nil
			for _, p := range strings.Split(*peers, ",") {
				if p = strings.TrimSpace(p); p != "" {
					cfg.Peers = append(cfg.Peers, p)
				}
			}
		case "attestation-key":
			cfg.AttestationKeyFile = *attestation
		case "log-level":
			cfg.LogLevel = *logLevel
		case "insecure-simulated-enclave":
			cfg.InsecureSimulatedEnclave = *insecure
		}
	})
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	start := time.Now()
	n, err := node.Start(ctx, cfg)
	if err != nil {
		return err
	}
	defer n.Close()
	b, _ := json.Marshal(n.Info())
	fmt.Println(string(b))
	fmt.Fprintf(os.Stderr, "enigma node: %s serving at %s, started in %.2fs; Ctrl-C stops it\n", cfg.Role, n.Info().URL, time.Since(start).Seconds())
	select {
	case <-ctx.Done():
	case err := <-n.Failed():
		n.Close()
		return err
	}
	if err := n.Close(); err != nil {
		return fmt.Errorf("stop: %w", err)
	}
	fmt.Fprintln(os.Stderr, "enigma node: stopped")
	return nil
}
