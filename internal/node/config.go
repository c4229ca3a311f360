package node

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"time"

	"github.com/ethereum/go-ethereum/common"
	ma "github.com/multiformats/go-multiaddr"

	"github.com/enigma-go/enigma/internal/chain/devchain"
	"github.com/enigma-go/enigma/internal/p2p"
)

// Role is what a node process does.
type Role string

// The roles.
const (
	RoleKM      Role = "km"
	RoleWorker  Role = "worker"
	RoleGateway Role = "gateway"
)

// Config is a node's configuration file. Paths are used as written
// (relative ones from the process's working directory). docs/nodes.md has
// an example per role.
type Config struct {
	Role Role `json:"role"`
	// DataDir holds the node's sealed enclave keys and, for a worker, its
	// state store; the key manager writes addresses.json and
	// attestation.key into it. Required for km and worker.
	DataDir string `json:"data_dir"`
	// Listen is the host:port the gateway serves its JSON-RPC on (the
	// clients' protocol). Gateway only: the key manager and the workers
	// are reached on the network only (P2PListen).
	Listen string `json:"listen,omitempty"`
	// P2PListen are the multiaddrs the node's libp2p host listens on
	// (e.g. "/ip4/0.0.0.0/tcp/4001"); empty takes a free TCP port of every
	// interface. Every node-to-node exchange goes over it, authenticated
	// (Noise) and bound to the chain (internal/p2p).
	P2PListen []string `json:"p2p_listen,omitempty"`
	// Bootstrap are p2p addresses (multiaddrs ending in /p2p/<peer id>) of
	// nodes to join the network through, usually the key manager's; empty
	// takes the bootstrap list of AddressesFile, which the key manager
	// writes. Other nodes are found through the network's DHT.
	Bootstrap []string `json:"bootstrap,omitempty"`

	// ChainRPC is the Ethereum node's JSON-RPC URL; empty takes the
	// eth_node of AddressesFile. km and worker.
	ChainRPC string `json:"chain_rpc,omitempty"`
	// ChainPoll is how often receipts and blocks are polled; empty keeps
	// the chain client's default.
	ChainPoll Duration `json:"chain_poll,omitempty"`
	// AddressesFile is an addresses.json naming the Enigma and token
	// contracts (the key manager writes one into its data dir). Contract
	// and Token, when set, win over it.
	AddressesFile string `json:"addresses_file,omitempty"`
	Contract      string `json:"contract,omitempty"`
	Token         string `json:"token,omitempty"`

	// Account sends the node's transactions: a 0x address the Ethereum
	// node holds unlocked (a dev account). AccountKeyFile instead names a
	// file with a hex private key, signed for locally. The key manager
	// defaults to the node's first account; a worker needs one (its
	// custodian, which stakes and sends receipts).
	Account        string `json:"account,omitempty"`
	AccountKeyFile string `json:"account_key_file,omitempty"`
	// RoleAccount, on a development chain, sends from role account N of
	// the dev mnemonic (devchain.RoleAccount), signed for locally: 0 is the
	// key manager's, 1+i worker i's custodian. The dev chain funds them in
	// genesis, a key manager that deploys funds the first
	// devRoleAccounts of them, and no client lists them, so no client's
	// transaction races the node's nonces. On a development chain the key
	// manager defaults to role account 0. Instead of account or
	// account_key_file.
	RoleAccount *int `json:"role_account,omitempty"`

	// AttestationKeyFile is the simulated attestation service's key (hex),
	// which the key manager runs for a development network: it signs the
	// enclaves' registration reports (workers ask it over the network)
	// and the Enigma contract's SimAttestationVerifier names its address.
	// Default DataDir/attestation.key, created when missing. Key manager
	// only: no worker holds it.
	AttestationKeyFile string `json:"attestation_key_file,omitempty"`
	// InsecureSimulatedEnclave allows the simulated enclave on a chain
	// that is not a development chain (chain id 1337 or 31337). A
	// simulated enclave protects nothing from its own host, and anyone who
	// reaches the simulated attestation service can register a plain key:
	// set it only for a test network whose secrets do not matter.
	InsecureSimulatedEnclave bool `json:"insecure_simulated_enclave,omitempty"`

	// StakeENG is what a worker deposits when it registers, in whole ENG.
	StakeENG uint64 `json:"stake_eng,omitempty"`
	// ReceiptTimeout is how long a worker waits for its receipt to be
	// mined before it checks the outcome in the background; empty keeps
	// the worker's default (worker.Config.ReceiptTimeout).
	ReceiptTimeout Duration `json:"receipt_timeout,omitempty"`
	// ResultRetention and MaxResults bound the task results a worker keeps
	// (by age and by count, the oldest go first; docs/worker.md); empty
	// keeps the worker's defaults (7 days, 2^20 results).
	ResultRetention Duration `json:"result_retention,omitempty"`
	MaxResults      int      `json:"max_results,omitempty"`
	// MaxPending bounds a worker's accepted tasks not yet run (all
	// contracts); empty keeps the worker's default (16,384).
	MaxPending int `json:"max_pending,omitempty"`
	// BatchSize and BatchAge close a contract's batch of batched tasks
	// once it holds that many tasks or its oldest task is that old; empty
	// keeps the worker's defaults (256, 1s). MaxBatchedPending bounds a
	// worker's batched tasks accepted and not ended (default 32,768),
	// MaxBatchedPerSender those of one sender (default 4,096).
	BatchSize           int      `json:"batch_size,omitempty"`
	BatchAge            Duration `json:"batch_age,omitempty"`
	MaxBatchedPending   int      `json:"max_batched_pending,omitempty"`
	MaxBatchedPerSender int      `json:"max_batched_per_sender,omitempty"`
	// QueryGasLimit caps a secret query's gas (docs/protocol/queries.md);
	// empty keeps the worker's default (100,000,000).
	QueryGasLimit uint64 `json:"query_gas_limit,omitempty"`

	// EpochPoll is how often the key manager checks whether a new epoch
	// is due; about one block period.
	EpochPoll Duration `json:"epoch_poll,omitempty"`
	// EpochSize and TimeoutEpochs configure the Enigma contract the key
	// manager deploys (blocks per epoch; epochs before a task's fee is
	// refundable).
	EpochSize     uint64 `json:"epoch_size,omitempty"`
	TimeoutEpochs uint64 `json:"timeout_epochs,omitempty"`
	// MinWorkers is how many workers must be logged in before the key
	// manager sets the first epoch, so the first selection includes them.
	MinWorkers int `json:"min_workers,omitempty"`
	// FundDevAccounts has a key manager that deploys send DevAccountENG to
	// each of the Ethereum node's other unlocked accounts, as the devnet
	// does, so workers can stake and users pay fees. Default true.
	FundDevAccounts *bool `json:"fund_dev_accounts,omitempty"`
	// GatewayURL is written as "proxy" into the key manager's
	// addresses.json, for clients that read it.
	GatewayURL string `json:"gateway_url,omitempty"`
	// Explorer has a gateway serve the explorer (/explorer/, a page and
	// a read-only JSON API of what the chain records; docs/explorer.md)
	// beside its JSON-RPC. Default true.
	Explorer *bool `json:"explorer,omitempty"`

	// MetricsAddr is a host:port to serve the node's Prometheus metrics
	// on, at /metrics (docs/metrics.md); empty serves none, except that a
	// gateway always serves them at /metrics beside its JSON-RPC.
	MetricsAddr string `json:"metrics_addr,omitempty"`

	// LogLevel is debug, info, warn or error.
	LogLevel string `json:"log_level,omitempty"`
	// Logger overrides LogLevel when the node runs inside another program.
	Logger *slog.Logger `json:"-"`
}

// Duration is a time.Duration written as "1s", "250ms" in the file.
type Duration time.Duration

// MarshalText implements encoding.TextMarshaler.
func (d Duration) MarshalText() ([]byte, error) { return []byte(time.Duration(d).String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return fmt.Errorf("duration %q: write it like \"1s\" or \"250ms\"", b)
	}
	*d = Duration(v)
	return nil
}

// DefaultConfig returns the settings every role starts from.
func DefaultConfig() Config {
	return Config{
		EpochPoll: Duration(time.Second), EpochSize: 10, TimeoutEpochs: 4, MinWorkers: 1, // the longest timeout the contract takes (chain.MaxTimeoutEpochs)
		StakeENG: 1000, LogLevel: "info",
	}
}

// Load reads a configuration file over DefaultConfig. Unknown keys are
// refused, so a misspelt setting does not pass silently.
func Load(path string) (Config, error) {
	cfg := DefaultConfig()
	b, err := os.ReadFile(path)
	if err != nil {
		return cfg, fmt.Errorf("node: read the config file: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&cfg); err != nil {
		return cfg, fmt.Errorf("node: config file %s: %w (docs/nodes.md lists the keys)", path, err)
	}
	return cfg, nil
}

// Validate reports settings the role cannot run with.
func (c Config) Validate() error {
	var errs []error
	switch c.Role {
	case RoleKM, RoleWorker, RoleGateway:
	default:
		return fmt.Errorf("node: role %q is none of km, worker, gateway", c.Role)
	}
	if c.Role == RoleGateway {
		if _, _, err := net.SplitHostPort(c.Listen); err != nil {
			errs = append(errs, fmt.Errorf("node: listen %q is not host:port: %w", c.Listen, err))
		}
	} else if c.Listen != "" {
		errs = append(errs, fmt.Errorf("node: listen is the gateway's JSON-RPC address; a %s is reached on the network only: set p2p_listen", c.Role))
	}
	if c.MetricsAddr != "" {
		if _, _, err := net.SplitHostPort(c.MetricsAddr); err != nil {
			errs = append(errs, fmt.Errorf("node: metrics_addr %q is not host:port (e.g. 127.0.0.1:9464): %w", c.MetricsAddr, err))
		}
	}
	for _, a := range c.P2PListen {
		if _, err := ma.NewMultiaddr(a); err != nil {
			errs = append(errs, fmt.Errorf("node: p2p_listen %q is not a multiaddr (e.g. /ip4/0.0.0.0/tcp/4001): %w", a, err))
		}
	}
	if _, err := p2p.ParseAddrs(c.Bootstrap); err != nil {
		errs = append(errs, fmt.Errorf("node: bootstrap: %w", err))
	}
	if c.Role != RoleGateway && c.DataDir == "" {
		errs = append(errs, fmt.Errorf("node: a %s needs data_dir for its sealed keys", c.Role))
	}
	if c.ChainRPC == "" && c.AddressesFile == "" {
		errs = append(errs, errors.New("node: set chain_rpc (or an addresses_file whose eth_node names the chain)"))
	}
	for name, v := range map[string]string{"contract": c.Contract, "token": c.Token} {
		if v != "" && !common.IsHexAddress(v) {
			errs = append(errs, fmt.Errorf("node: %s %q is not a 0x-prefixed 20-byte address", name, v))
		}
	}
	if c.Account != "" && !common.IsHexAddress(c.Account) {
		errs = append(errs, fmt.Errorf("node: account %q is not a 0x address (for a private key use account_key_file)", c.Account))
	}
	if c.Account != "" && c.AccountKeyFile != "" {
		errs = append(errs, errors.New("node: set account or account_key_file, not both"))
	}
	if c.RoleAccount != nil && (c.Account != "" || c.AccountKeyFile != "") {
		errs = append(errs, errors.New("node: set one of account, account_key_file and role_account"))
	}
	if c.ResultRetention < 0 || c.MaxResults < 0 || c.MaxPending < 0 {
		errs = append(errs, errors.New("node: result_retention, max_results and max_pending cannot be negative (leave them out for the defaults)"))
	}
	if c.BatchSize < 0 || c.BatchAge < 0 || c.MaxBatchedPending < 0 || c.MaxBatchedPerSender < 0 {
		errs = append(errs, errors.New("node: batch_size, batch_age, max_batched_pending and max_batched_per_sender cannot be negative (leave them out for the defaults)"))
	}
	if c.RoleAccount != nil && (*c.RoleAccount < 0 || *c.RoleAccount >= devchain.RoleAccountIndex) {
		errs = append(errs, fmt.Errorf("node: role_account %d is out of range (0 is the key manager's, 1+i worker i's)", *c.RoleAccount))
	}
	switch c.Role {
	case RoleKM:
		if c.EpochPoll <= 0 {
			errs = append(errs, errors.New("node: epoch_poll must be positive"))
		}
		if c.Contract == "" && (c.EpochSize == 0 || c.TimeoutEpochs == 0) {
			errs = append(errs, errors.New("node: epoch_size and timeout_epochs must be positive to deploy the contracts"))
		}
	case RoleWorker:
		if c.AttestationKeyFile != "" {
			errs = append(errs, errors.New("node: attestation_key_file is the key manager's alone: a worker has its report signed by the key manager's simulated attestation service, over the network"))
		}
		if len(c.Bootstrap) == 0 && c.AddressesFile == "" {
			errs = append(errs, errors.New("node: a worker needs bootstrap (the key manager's p2p address) or the addresses_file the key manager wrote"))
		}
		if c.Account == "" && c.AccountKeyFile == "" && c.RoleAccount == nil {
			errs = append(errs, errors.New("node: a worker needs account, account_key_file or (on a development chain) role_account: its custodian stakes and sends receipts"))
		}
		if c.Contract == "" && c.AddressesFile == "" {
			errs = append(errs, errors.New("node: a worker needs contract and token, or an addresses_file"))
		}
	case RoleGateway:
		if len(c.Bootstrap) == 0 && c.AddressesFile == "" {
			errs = append(errs, errors.New("node: a gateway needs bootstrap (the key manager's p2p address) or the addresses_file the key manager wrote: it finds the workers on the network"))
		}
		if c.Contract == "" && c.AddressesFile == "" {
			errs = append(errs, errors.New("node: a gateway needs contract and token, or an addresses_file: it checks its workers and their task results against the Enigma contract"))
		}
	}
	if _, err := parseLevel(c.LogLevel); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

func parseLevel(s string) (slog.Level, error) {
	var l slog.Level
	if s == "" {
		return slog.LevelInfo, nil
	}
	if err := l.UnmarshalText([]byte(s)); err != nil {
		return l, fmt.Errorf("node: log_level %q is none of debug, info, warn, error", s)
	}
	return l, nil
}

func (c Config) fundDevAccounts() bool { return c.FundDevAccounts == nil || *c.FundDevAccounts }
