// Package client is the Go client of an Enigma network, the equivalent of
// enigma-js: it deploys secret contracts and sends compute tasks through the
// Enigma contract on Ethereum and the network's gateway, encrypting inputs to
// the selected worker (envelope v2 by default, or enigma-js 0.3.0's compat
// envelope) and verifying and decrypting outputs. v2 compute tasks take the
// batched path by default: no transaction per task, paid from a balance
// deposited once, each result proved against its batch's Merkle root on
// chain (docs/protocol/batched.md).
//
// It imports api, the crypto, chain and selection packages and the contract
// SDK's ABI codec. It must not import enclave, VM, state-store or node-role
// packages: a client only talks to the network over its public endpoints.
package client

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"
)

// Envelope names how task inputs and outputs are encrypted.
type Envelope string

const (
	// EnvelopeV2 is the post-quantum, context-bound HPKE envelope
	// (docs/protocol/envelope-v2.md); the default.
	EnvelopeV2 Envelope = "v2"
	// EnvelopeCompat is enigma-js 0.3.0's secp256k1 ECDH + AES-GCM scheme.
	EnvelopeCompat Envelope = "compat"
)

// Addresses are the network's contract addresses and node URL, with the JSON
// keys of the devnet's addresses.json.
type Addresses struct {
	Enigma  string `json:"contract"`
	Token   string `json:"token"`
	EthNode string `json:"eth_node"`
	Proxy   string `json:"proxy"`
}

// Config says where the network is and who the client acts as.
type Config struct {
	ChainRPC string // Ethereum JSON-RPC URL
	Gateway  string // gateway JSON-RPC URL
	Enigma   string // Enigma contract address (0x...)
	Token    string // EnigmaToken contract address (0x...)
	// AddressesFile, when set, fills empty fields above from an addresses.json.
	AddressesFile string
	// Account is a hex private key, or an address unlocked on the node.
	// Empty: the first of the node's accounts after its first (the
	// devnet's deployer) that is not a worker's custodian.
	Account string

	// Envelope encrypts the tasks: EnvelopeV2 ("" means v2) or
	// EnvelopeCompat. A node that does not serve v2 makes v2 tasks fail
	// with ErrNotSupported; the client never falls back on its own.
	Envelope Envelope
	// PadV2 pads v2 requests to their size bucket, hiding their length.
	PadV2 bool
	// PerTask sends v2 compute tasks on the per-task path (a task record
	// and a receipt on chain each) instead of the batched path
	// (docs/protocol/batched.md), which is the default. Deploys, compat
	// tasks and tasks of an account the node holds (no private key to
	// sign the batched task with) always take the per-task path.
	PerTask bool
	// DepositTasks is how many tasks at their maximum fee (gas limit ×
	// GasPx) the client deposits for when the account's batchable balance
	// falls short of a batched task (DefaultConfig: 1,000). 0 never
	// deposits on its own: batched tasks then fail until Deposit.
	DepositTasks uint64
	// DeployGasLimit and ComputeGasLimit are the gas limits of tasks that
	// do not set one (WithGasLimit). A Go contract's deploy pays one gas
	// per byte of its 3-6 MB module.
	DeployGasLimit  uint64
	ComputeGasLimit uint64
	// GasPx is the fee per unit of gas, in ENG grains; a task pays
	// gasLimit*GasPx up front and gets the unused part back as credit.
	GasPx uint64
	// PollInterval is how often Wait reads the chain and the gateway.
	PollInterval time.Duration
	// WaitTimeout bounds Task.Wait (and Output's wait for the gateway's
	// result) when the caller's context has no earlier deadline.
	WaitTimeout time.Duration
	// CallTimeout bounds each gateway call.
	CallTimeout time.Duration
	Logger      *slog.Logger // nil discards
}

// DefaultConfig returns the endpoints of a local devnet with default settings.
func DefaultConfig() Config {
	return Config{
		ChainRPC: "http://127.0.0.1:8545", Gateway: "http://127.0.0.1:3346", Envelope: EnvelopeV2,
		DeployGasLimit: 20_000_000, ComputeGasLimit: 1_000_000, GasPx: 1, DepositTasks: 1000,
		PollInterval: 500 * time.Millisecond, WaitTimeout: 3 * time.Minute, CallTimeout: 30 * time.Second,
	}
}

// TestConfig suits a devnet with 100-250 ms blocks.
func TestConfig() Config {
	c := DefaultConfig()
	c.PollInterval, c.WaitTimeout = 100*time.Millisecond, 90*time.Second
	return c
}

// LoadAddresses reads an addresses.json written by the devnet.
func LoadAddresses(path string) (Addresses, error) {
	var a Addresses
	b, err := os.ReadFile(path)
	if err != nil {
		return a, fmt.Errorf("read addresses file (start a devnet or pass --data): %w", err)
	}
	if err := json.Unmarshal(b, &a); err != nil {
		return a, fmt.Errorf("parse addresses file %s: %w", path, err)
	}
	return a, nil
}

// Resolve fills empty fields from AddressesFile, when one is set.
func (c Config) Resolve() (Config, error) {
	if c.AddressesFile == "" {
		return c, nil
	}
	a, err := LoadAddresses(c.AddressesFile)
	if err != nil {
		return c, err
	}
	if c.Enigma == "" {
		c.Enigma = a.Enigma
	}
	if c.Token == "" {
		c.Token = a.Token
	}
	if c.ChainRPC == "" {
		c.ChainRPC = a.EthNode
	}
	if c.Gateway == "" {
		c.Gateway = a.Proxy
	}
	return c, nil
}

// Validate reports the first missing or malformed field.
func (c Config) Validate() error {
	var errs []error
	if c.ChainRPC == "" {
		errs = append(errs, errors.New("client: ChainRPC is empty: pass the Ethereum node URL"))
	}
	if c.Gateway == "" {
		errs = append(errs, errors.New("client: Gateway is empty: pass the gateway URL"))
	}
	for name, v := range map[string]string{"Enigma": c.Enigma, "Token": c.Token} {
		if !strings.HasPrefix(v, "0x") || len(v) != 42 {
			errs = append(errs, fmt.Errorf("client: %s address %q is not a 0x-prefixed 20-byte address", name, v))
		}
	}
	if c.Envelope != "" && c.Envelope != EnvelopeV2 && c.Envelope != EnvelopeCompat {
		errs = append(errs, fmt.Errorf("client: Envelope %q is neither %q nor %q", c.Envelope, EnvelopeV2, EnvelopeCompat))
	}
	if c.DeployGasLimit == 0 || c.ComputeGasLimit == 0 {
		errs = append(errs, errors.New("client: DeployGasLimit and ComputeGasLimit must be positive (start from DefaultConfig)"))
	}
	if c.GasPx == 0 {
		errs = append(errs, errors.New("client: GasPx must be positive: a task pays gasLimit*GasPx ENG grains"))
	}
	if c.PollInterval <= 0 || c.WaitTimeout <= 0 || c.CallTimeout <= 0 {
		errs = append(errs, errors.New("client: PollInterval, WaitTimeout and CallTimeout must be positive (start from DefaultConfig)"))
	}
	return errors.Join(errs...)
}

// ConfigFromFile returns DefaultConfig with the endpoints and contract
// addresses of an addresses.json (a devnet writes one into its data folder,
// ~/.enigma/devnet/addresses.json by default): the file's endpoints replace
// the default ones.
func ConfigFromFile(addressesFile string) (Config, error) {
	a, err := LoadAddresses(addressesFile)
	if err != nil {
		return Config{}, err
	}
	c := DefaultConfig()
	c.Enigma, c.Token, c.ChainRPC, c.Gateway = a.Enigma, a.Token, a.EthNode, a.Proxy
	return c, nil
}
