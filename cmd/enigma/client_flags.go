package main

import (
	"context"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/sdk/client"
)

// clientFlags are the flags of the commands that talk to a network as a
// client (deploy, call, task, worker, epoch).
type clientFlags struct {
	data     string
	chainRPC string
	gateway  string
	enigma   string
	token    string
	keyFile  string
	from     string
	envelope string
	gas      uint64
	pad      bool
	timeout  time.Duration
	verbose  bool
	stderr   io.Writer // warnings; nil is os.Stderr
}

func defaultDataDir() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return filepath.Join(".enigma", "devnet")
	}
	return filepath.Join(home, ".enigma", "devnet")
}

func (f *clientFlags) bind(fs *flag.FlagSet, sends bool) {
	fs.StringVar(&f.data, "data", defaultDataDir(), "devnet data folder whose addresses.json names the endpoints and contracts")
	fs.StringVar(&f.chainRPC, "chain-rpc", "", "Ethereum JSON-RPC URL (default: from addresses.json)")
	fs.StringVar(&f.gateway, "gateway", "", "gateway JSON-RPC URL (default: from addresses.json)")
	fs.StringVar(&f.enigma, "enigma", "", "Enigma contract address (default: from addresses.json)")
	fs.StringVar(&f.token, "token", "", "EnigmaToken contract address (default: from addresses.json)")
	fs.BoolVar(&f.verbose, "v", false, "log progress details")
	if !sends {
		return
	}
	fs.StringVar(&f.keyFile, "key", "", "file holding the sender's hex private key (readable only by you: chmod 600)")
	fs.StringVar(&f.from, "from", "", "sender address (0x...) unlocked on the node, never a private key (default: the node's first account that neither deploys nor stakes for a worker)")
	fs.StringVar(&f.envelope, "envelope", string(client.EnvelopeV2), "task encryption: v2 (post-quantum, context-bound) or compat (enigma-js 0.3.0)")
	fs.BoolVar(&f.pad, "pad", false, "v2: pad the request to its size bucket, hiding the length of the arguments")
	fs.Uint64Var(&f.gas, "gas", 0, "gas limit of the task (default: 20,000,000 for a deploy, 1,000,000 for a call)")
	fs.DurationVar(&f.timeout, "timeout", 3*time.Minute, "how long to wait for the task's receipt")
}

// config turns the flags into a client configuration.
func (f *clientFlags) config() (client.Config, error) {
	if f.keyFile != "" && f.from != "" {
		return client.Config{}, fmt.Errorf("%w: pass --key or --from, not both", errUsage)
	}
	if err := checkAddressFlag("--from", f.from, "--key FILE"); err != nil {
		return client.Config{}, err
	}
	cfg := client.DefaultConfig()
	cfg.ChainRPC, cfg.Gateway, cfg.Enigma, cfg.Token = f.chainRPC, f.gateway, f.enigma, f.token
	if f.chainRPC == "" || f.gateway == "" || f.enigma == "" || f.token == "" {
		path := filepath.Join(f.data, "addresses.json")
		if _, err := os.Stat(path); err != nil {
			return cfg, fmt.Errorf("no devnet at %s (%s is missing): start one with `enigma devnet`, or pass --data, or --chain-rpc, --gateway, --enigma and --token", f.data, path)
		}
		cfg.AddressesFile = path
	}
	switch {
	case f.keyFile != "":
		if w := chain.KeyFileWarning(f.keyFile); w != "" {
			stderr := f.stderr
			if stderr == nil {
				stderr = os.Stderr
			}
			fmt.Fprintln(stderr, "warning:", w)
		}
		b, err := os.ReadFile(f.keyFile)
		if err != nil {
			return cfg, fmt.Errorf("read the key file: %w", err)
		}
		cfg.Account = strings.TrimSpace(string(b))
	case f.from != "":
		cfg.Account = f.from
	}
	if f.envelope != "" {
		cfg.Envelope = client.Envelope(f.envelope)
	}
	if f.timeout > 0 {
		cfg.WaitTimeout = f.timeout
	}
	cfg.PadV2 = f.pad
	if f.verbose {
		cfg.Logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return cfg, nil
}

// checkAddressFlag refuses a flag meant for an account address (--from,
// --account) that holds anything else. A private key there would sit in
// the process list, readable by every user of the machine, and in the
// shell's history; keyWay says how to pass a key instead.
func checkAddressFlag(name, value, keyWay string) error {
	if value == "" {
		return nil
	}
	h := strings.TrimPrefix(strings.TrimPrefix(value, "0x"), "0X")
	if len(h) == 64 {
		if _, err := hex.DecodeString(h); err == nil {
			return fmt.Errorf("%w: %s takes an address, not a private key: a key on the command line is visible to every user in the process list and stays in your shell history; put the key in a file only you can read (chmod 600) and pass %s, or give the address of an account the Ethereum node holds unlocked", errUsage, name, keyWay)
		}
	}
	if !strings.HasPrefix(value, "0x") || !common.IsHexAddress(value) {
		return fmt.Errorf("%w: %s %q is not an address: give the 0x-prefixed 20-byte address of an account the Ethereum node holds unlocked, or pass a key with %s", errUsage, name, value, keyWay)
	}
	return nil
}

// dial connects a client; it turns a refused connection into the advice to
// start a devnet.
func (f *clientFlags) dial(ctx context.Context) (*client.Client, error) {
	cfg, err := f.config()
	if err != nil {
		return nil, err
	}
	if cfg.Envelope != client.EnvelopeV2 && cfg.Envelope != client.EnvelopeCompat {
		return nil, fmt.Errorf("%w: --envelope must be v2 or compat, got %q", errUsage, cfg.Envelope)
	}
	dctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	c, err := client.New(dctx, cfg)
	if err != nil {
		if f.chainRPC == "" && strings.Contains(err.Error(), "connect to the chain") {
			return nil, fmt.Errorf("%w\n(is the devnet of %s running? start it with `enigma devnet`)", err, f.data)
		}
		return nil, err
	}
	if f.gas > 0 {
		c = c.WithGasLimit(f.gas)
	}
	return c, nil
}

// splitFlags separates the flags defined in fs from positional words, so
// flags may follow them (`enigma call SC 'f(uint256)' 5 --envelope compat`)
// and negative numbers stay arguments. "--" ends the flags.
func splitFlags(fs *flag.FlagSet, args []string) (flags, words []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return flags, append(words, args[i+1:]...)
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			words = append(words, a)
			continue
		}
		name, _, inline := strings.Cut(strings.TrimLeft(a, "-"), "=")
		fl := fs.Lookup(name)
		if fl == nil {
			if name == "h" || name == "help" {
				flags = append(flags, a)
			} else {
				words = append(words, a) // e.g. a negative number
			}
			continue
		}
		flags = append(flags, a)
		if b, ok := fl.Value.(interface{ IsBoolFlag() bool }); (ok && b.IsBoolFlag()) || inline {
			continue
		}
		if i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	return flags, words
}

// parseInterleaved parses fs from args with flags anywhere and returns the
// positional words.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	flags, words := splitFlags(fs, args)
	if err := fs.Parse(flags); err != nil {
		return nil, fmt.Errorf("%w: %w", errUsage, err)
	}
	return words, nil
}
