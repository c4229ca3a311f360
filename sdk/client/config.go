// Package client is the Go client of an Enigma network, the equivalent of
// enigma-js: it reads the network's endpoints and contract addresses and will
// deploy secret contracts and submit compute tasks through the chain and the
// gateway. It must not import enclave, VM or state-store packages: a client
// only talks to the network over its public endpoints.
package client

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
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
	Account string
}

// DefaultConfig returns the endpoints of a local devnet with default settings.
func DefaultConfig() Config {
	return Config{ChainRPC: "http://127.0.0.1:8545", Gateway: "http://127.0.0.1:3346"}
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
	return errors.Join(errs...)
}
