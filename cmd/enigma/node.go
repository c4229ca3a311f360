package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
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
	listen := fs.String("listen", "", "gateway: host:port to serve the JSON-RPC on")
	p2pListen := fs.String("p2p-listen", "", "comma-separated multiaddrs the node's libp2p host listens on (default /ip4/0.0.0.0/tcp/0)")
	bootstrap := fs.String("bootstrap", "", "comma-separated p2p addresses (…/p2p/<peer id>) to join the network through (default: the addresses file's)")
	chainRPC := fs.String("chain-rpc", "", "Ethereum JSON-RPC URL")
	addresses := fs.String("addresses", "", "addresses.json naming the Enigma and token contracts")
	acct := fs.String("account", "", "0x address, unlocked on the Ethereum node, that sends the node's transactions")
	attestation := fs.String("attestation-key", "", "key manager: the simulated attestation service's key file (default data-dir/attestation.key)")
	logLevel := fs.String("log-level", "", "debug, info, warn or error")
	metricsAddr := fs.String("metrics-addr", "", "host:port to serve Prometheus metrics on at /metrics (default none; a gateway also serves them on --listen)")
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
		case "p2p-listen":
			cfg.P2PListen = splitList(*p2pListen)
		case "bootstrap":
			cfg.Bootstrap = splitList(*bootstrap)
		case "attestation-key":
			cfg.AttestationKeyFile = *attestation
		case "log-level":
			cfg.LogLevel = *logLevel
		case "metrics-addr":
			cfg.MetricsAddr = *metricsAddr
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
