package devchain

import (
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net"
	"net/url"
	"strings"
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
	// Access says which web pages and host names may drive the JSON-RPC
	// and which modules it serves; the zero value is local tools only.
	Access Access

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
	// RoleAccounts is how many role accounts (RoleAccountIndex on) genesis
	// funds with AccountBalance wei each. They are not unlocked and not in
	// eth_accounts: the network's own parts sign for them (role account 0
	// the key manager, 1+i worker i's custodian).
	RoleAccounts int
	// GasLimit is the block gas limit.
	GasLimit uint64
	// Alloc adds accounts (code, storage, balance) to the genesis state,
	// e.g. pre-deployed contracts. It only applies to a new chain.
	Alloc types.GenesisAlloc

	Logger *slog.Logger // nil discards
}

// Access limits who can drive the dev chain's JSON-RPC. The accounts are
// unlocked, so a web page the developer opens must not reach them: a page
// of another origin gets no CORS permission (and no WebSocket), and a page
// whose own host name resolves to 127.0.0.1 (DNS rebinding) is refused by
// the Host check. Local tools (no Origin header, or a page served from this
// machine) are served as before.
type Access struct {
	// CORSOrigins are the web origins (scheme://host[:port]) whose pages
	// may call the JSON-RPC, over HTTP (CORS) and WebSocket (Origin
	// check); an origin without a port allows every port. Empty takes
	// LocalOrigins. "*" lets every web page spend the dev accounts.
	CORSOrigins []string
	// VirtualHosts are the host names the HTTP JSON-RPC accepts in the
	// Host header (IP addresses always pass). Empty takes LocalHosts. "*"
	// accepts every name, and with it DNS rebinding.
	VirtualHosts []string
	// UnsafeRPC also serves the debug, personal and txpool modules over
	// HTTP and WebSocket (debug_writeMemProfile writes files,
	// debug_setHead rewinds the chain, personal_sign signs with the dev
	// keys). Off, only eth, net and web3 are served, which is what
	// wallets, web3.js, enigma-js and our client use. In-process clients
	// (Chain.RPC, Chain.Client) reach every module either way.
	UnsafeRPC bool
}

// LocalOrigins are the web origins whose pages may call a dev chain by
// default: pages served from this machine, on any port.
func LocalOrigins() []string {
	return []string{"http://localhost", "http://127.0.0.1", "http://[::1]", "https://localhost", "https://127.0.0.1", "https://[::1]"}
}

// LocalHosts are the Host header names a dev chain accepts by default
// (IP addresses, 127.0.0.1 and [::1] among them, always pass).
func LocalHosts() []string { return []string{"localhost"} }

// SafeModules are the JSON-RPC modules served unless Access.UnsafeRPC.
var SafeModules = []string{"eth", "net", "web3"}

// unsafeModules are served besides them with Access.UnsafeRPC.
var unsafeModules = []string{"personal", "txpool", "debug"}

func (a Access) origins() []string {
	if len(a.CORSOrigins) == 0 {
		return LocalOrigins()
	}
	return a.CORSOrigins
}

func (a Access) hosts() []string {
	if len(a.VirtualHosts) == 0 {
		return LocalHosts()
	}
	return a.VirtualHosts
}

// httpCORS turns the origins into the HTTP server's CORS list, where an
// origin without a port must also match with any port.
func (a Access) httpCORS() []string {
	var out []string
	for _, o := range a.origins() {
		out = append(out, o)
		if u, err := url.Parse(o); err == nil && o != "*" && u.Port() == "" {
			out = append(out, o+":*")
		}
	}
	return out
}

// modules are the JSON-RPC modules served over HTTP and WebSocket.
func (a Access) modules() []string {
	m := append([]string(nil), SafeModules...)
	if a.UnsafeRPC {
		m = append(m, unsafeModules...)
	}
	return m
}

func (a Access) validate() []error {
	var errs []error
	for _, o := range a.CORSOrigins {
		if o == "*" {
			continue
		}
		u, err := url.Parse(o)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.Contains(o, "*") ||
			(u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.User != nil {
			errs = append(errs, fmt.Errorf("devchain: CORS origin %q is not scheme://host[:port] (e.g. http://localhost:3000) or *", o))
		}
	}
	for _, h := range a.VirtualHosts {
		if h == "" || strings.ContainsAny(h, ":/ ") {
			errs = append(errs, fmt.Errorf("devchain: virtual host %q is not a host name (e.g. localhost or myhost.local) or *", h))
		}
	}
	return errs
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
		RoleAccounts:   DefaultRoleAccounts,
		GasLimit:       30_000_000,
	}
}

// DefaultRoleAccounts is how many role accounts a dev chain funds in
// genesis: the key manager's and 32 workers' custodians. A network with
// more workers funds the others by a transfer when it starts.
const DefaultRoleAccounts = 33

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
	if c.RoleAccounts < 0 || c.RoleAccounts > 1000 {
		errs = append(errs, fmt.Errorf("devchain: RoleAccounts %d must be between 0 and 1000", c.RoleAccounts))
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
	errs = append(errs, c.Access.validate()...)
	return errors.Join(errs...)
}
