package devchain

import (
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/params"
)

// Config configures a dev chain. Start from DefaultConfig or TestConfig.
type Config struct {
	// Host is the interface the JSON-RPC servers listen on. Only loopback
	// addresses are accepted: the dev accounts are unlocked, so anyone who
	// reaches the port can spend their ETH.
	Host string
	// HTTPPort is the JSON-RPC over HTTP port; 0 picks a free port (read
	// it back with Chain.HTTPEndpoint).
	HTTPPort int
	// WSPort is the JSON-RPC over WebSocket port. Equal to HTTPPort (the
	// default) serves both on one port, as geth does; -1 disables
	// WebSocket.
	WSPort int

	// DataDir keeps the chain on disk so a restart resumes it; "" keeps it
	// in memory and it is gone on Close.
	DataDir string
	// ChainID is the EIP-155 chain id (also used as the network id).
	ChainID uint64

	// BlockPeriod is the time between blocks. Blocks are sealed even when
	// empty, so block numbers advance with time (epochs are counted in
	// blocks). 0 seals no blocks on a timer.
	BlockPeriod time.Duration
	// MineOnTransaction seals a block as soon as a transaction arrives
	// (ganache-style instant mining), in addition to the period.
	MineOnTransaction bool
	// RejectReverts makes eth_sendTransaction with an explicit gas limit
	// first run the transaction on the head state and refuse it when it
	// reverts, with ganache's message ("VM Exception while processing
	// transaction: revert <reason>"). Clients written against ganache,
	// such as enigma-js 0.3.0 (which retries a task record on exactly that
	// message when an epoch changes under it), need it; without a gas
	// limit the node's gas estimate already refuses a reverting call.
	RejectReverts bool

	// Mnemonic seeds the dev accounts; Accounts is how many are unlocked
	// and funded with AccountBalance wei each.
	Mnemonic       string
	Accounts       int
	AccountBalance *big.Int
	// GasLimit is the block gas limit.
	GasLimit uint64
	// Alloc adds accounts (code, storage, balance) to the genesis state,
	// e.g. pre-deployed contracts. It only applies to a new chain.
	Alloc types.GenesisAlloc

	Logger *slog.Logger // nil discards
}

// DefaultConfig is what `enigma chain` and the devnet run: HTTP and WS on
// 127.0.0.1:8545, in memory, chain id 1337, one block a second.
func DefaultConfig() Config {
	return Config{
		Host:           "127.0.0.1",
		HTTPPort:       8545,
		WSPort:         8545,
		ChainID:        1337,
		BlockPeriod:    time.Second,
		Mnemonic:       DefaultMnemonic,
		Accounts:       10,
		AccountBalance: new(big.Int).Mul(big.NewInt(10_000), big.NewInt(params.Ether)),
		GasLimit:       30_000_000,
	}
}

// TestConfig is DefaultConfig on free ports with 100 ms blocks.
func TestConfig() Config {
	c := DefaultConfig()
	c.HTTPPort, c.WSPort = 0, 0
	c.BlockPeriod = 100 * time.Millisecond
	return c
}

// Validate reports every setting that cannot work.
func (c Config) Validate() error {
	var errs []error
	if ip := net.ParseIP(c.Host); c.Host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		errs = append(errs, fmt.Errorf("devchain: Host %q is not a loopback address; the dev accounts are unlocked, so serve them on 127.0.0.1 only", c.Host))
	}
	if c.HTTPPort < 0 || c.HTTPPort > 65535 {
		errs = append(errs, fmt.Errorf("devchain: HTTPPort %d is out of range 0-65535", c.HTTPPort))
	}
	if c.WSPort < -1 || c.WSPort > 65535 {
		errs = append(errs, fmt.Errorf("devchain: WSPort %d is out of range (-1 disables WebSocket)", c.WSPort))
	}
	if c.ChainID == 0 {
		errs = append(errs, errors.New("devchain: ChainID must not be 0 (1337 is the usual dev chain id)"))
	}
	if c.BlockPeriod < 0 {
		errs = append(errs, errors.New("devchain: BlockPeriod must not be negative"))
	}
	if c.BlockPeriod > 0 && c.BlockPeriod < 10*time.Millisecond {
		errs = append(errs, fmt.Errorf("devchain: BlockPeriod %v is below 10ms; use at least 10ms or 0 with MineOnTransaction", c.BlockPeriod))
	}
	if c.BlockPeriod == 0 && !c.MineOnTransaction {
		errs = append(errs, errors.New("devchain: BlockPeriod is 0 and MineOnTransaction is off, so no block would ever be sealed; set one of them"))
	}
	if c.Accounts < 1 || c.Accounts > 1000 {
		errs = append(errs, fmt.Errorf("devchain: Accounts %d must be between 1 and 1000", c.Accounts))
	}
	if c.AccountBalance == nil || c.AccountBalance.Sign() <= 0 {
		errs = append(errs, errors.New("devchain: AccountBalance must be positive"))
	}
	if c.GasLimit < params.MinGasLimit {
		errs = append(errs, fmt.Errorf("devchain: GasLimit %d is below the protocol minimum %d", c.GasLimit, params.MinGasLimit))
	}
	if c.Mnemonic == "" {
		errs = append(errs, errors.New("devchain: Mnemonic is empty; use DefaultMnemonic"))
	}
	return errors.Join(errs...)
}
