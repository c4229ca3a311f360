package node

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
)

// Info describes a running node, for its operator and for scripts.
type Info struct {
	Role Role `json:"role"`
	// URL is the gateway's JSON-RPC (gateway only).
	URL string `json:"url,omitempty"`
	// PeerID and P2PAddrs name the node on the network; P2PAddrs, which
	// end in /p2p/<peer id>, are what other nodes take as bootstrap.
	PeerID   string   `json:"peer_id,omitempty"`
	P2PAddrs []string `json:"p2p_addrs,omitempty"`
	// Signer is the enclave's signing address (km, worker).
	Signer *api.EthAddress `json:"signer,omitempty"`
	// Enigma and Token are the contracts (km, worker).
	Enigma *common.Address `json:"contract,omitempty"`
	Token  *common.Address `json:"token,omitempty"`
	// Account sends the node's transactions (km, worker).
	Account *common.Address `json:"account,omitempty"`
	// Deployed is set when this key manager deployed the contracts now.
	Deployed bool `json:"deployed,omitempty"`
	// MetricsURL serves the node's Prometheus metrics (metrics_addr, or
	// the gateway's /metrics).
	MetricsURL string `json:"metrics_url,omitempty"`
}

// Node is a running role. Close stops it.
type Node struct {
	info Info
	log  *slog.Logger
	// metrics is the process's registry; every part of the role
	// registers under labels role and mnode.
	metrics *Metrics
	mnode   string

	cancel  context.CancelFunc
	wg      sync.WaitGroup
	failed  chan error // the first error a server or loop stopped with
	closers []func() error
	once    sync.Once
	err     error
}

// Start starts the role cfg names and returns once it serves: on the
// network (cfg.P2PListen) and, for a gateway, on cfg.Listen. ctx bounds
// the start only.
func Start(ctx context.Context, cfg Config) (_ *Node, err error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	log := cfg.Logger
	if log == nil {
		level, _ := parseLevel(cfg.LogLevel)
		log = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
	}
	log = log.With("role", string(cfg.Role))
	n := &Node{log: log, failed: make(chan error, 1), info: Info{Role: cfg.Role}, metrics: NewMetrics(), mnode: metricsNode(cfg)}
	defer func() {
		if err != nil {
			n.Close()
		}
	}()
	// The gateway's port is taken first, so a clash fails before the
	// slow parts.
	var ln net.Listener
	if cfg.Role == RoleGateway {
		if ln, err = net.Listen("tcp", cfg.Listen); err != nil {
			return nil, fmt.Errorf("node: listen on %s (is another node using it? pick another listen address): %w", cfg.Listen, err)
		}
		n.onClose(func() error { ln.Close(); return nil })
		n.info.URL = "http://" + ln.Addr().String()
		n.info.MetricsURL = n.info.URL + MetricsPath
	}
	if cfg.DataDir != "" {
		if err := os.MkdirAll(cfg.DataDir, 0o700); err != nil {
			return nil, fmt.Errorf("node: create the data dir: %w", err)
		}
	}
	for _, path := range keyFiles(cfg) {
		if w := chain.KeyFileWarning(path); w != "" {
			log.Warn(w)
		}
	}
	switch cfg.Role {
	case RoleKM:
		err = n.startKM(ctx, cfg)
	case RoleWorker:
		err = n.startWorker(ctx, cfg)
	case RoleGateway:
		err = n.startGateway(ctx, cfg, ln)
	}
	if err != nil {
		return nil, err
	}
	if err := n.serveMetrics(cfg); err != nil {
		return nil, err
	}
	log.Info("node serving", "url", n.info.URL, "peer", n.info.PeerID, "p2p", n.info.P2PAddrs)
	return n, nil
}

// Info describes the node.
func (n *Node) Info() Info { return n.info }

// Failed delivers the error of a server or loop that stopped on its own;
// the node should then be closed.
func (n *Node) Failed() <-chan error { return n.failed }

// Close stops the node: its server and loops first, then what they used,
// in the reverse order of their start. Safe to call more than once.
func (n *Node) Close() error {
	n.once.Do(func() {
		if n.cancel != nil {
			n.cancel()
		}
		n.wg.Wait()
		var errs []error
		for i := len(n.closers) - 1; i >= 0; i-- {
			errs = append(errs, n.closers[i]())
		}
		n.err = errors.Join(errs...)
	})
	return n.err
}

func (n *Node) onClose(f func() error) { n.closers = append(n.closers, f) }

// goRun runs f until the node closes; an error it returns while the node
// runs is reported on Failed.
func (n *Node) goRun(ctx context.Context, what string, f func(context.Context) error) {
	n.wg.Add(1)
	go func() {
		defer n.wg.Done()
		if err := f(ctx); err != nil && ctx.Err() == nil {
			n.log.Error(what+" stopped", "err", err)
			select {
			case n.failed <- fmt.Errorf("node: %s: %w", what, err):
			default:
			}
		}
	}()
}

// runContext is the context of the node's servers and loops.
func (n *Node) runContext() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	n.cancel = cancel
	return ctx
}

// Addresses is the content of addresses.json, which the key manager and
// the devnet write and clients, nodes and tools read: the contracts and
// the endpoints.
type Addresses struct {
	Contract common.Address `json:"contract"`
	Token    common.Address `json:"token"`
	EthNode  string         `json:"eth_node"`
	Proxy    string         `json:"proxy"`
	// Bootstrap are the key manager's p2p addresses: nodes reading the
	// file join the network through it.
	Bootstrap []string `json:"bootstrap,omitempty"`
}

// ReadAddresses reads an addresses.json.
func ReadAddresses(path string) (*Addresses, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var a Addresses
	if err := json.Unmarshal(b, &a); err != nil {
		return nil, fmt.Errorf("node: %s is not an addresses.json (remove it to start afresh): %w", path, err)
	}
	return &a, nil
}

// WriteAddresses writes an addresses.json whole, renamed into place, so a
// reader never sees half of one.
func WriteAddresses(path string, a Addresses) error {
	b, _ := json.MarshalIndent(a, "", "  ")
	return WriteFileAtomic(path, append(b, '\n'), 0o644)
}

// chainTarget resolves the chain URL and contract addresses from the
// config and its addresses file; addrs is nil when neither names them.
func chainTarget(cfg Config) (rpcURL string, addrs *chain.Addresses, err error) {
	rpcURL = cfg.ChainRPC
	var file *Addresses
	if cfg.AddressesFile != "" {
		if file, err = ReadAddresses(cfg.AddressesFile); err != nil {
			if errors.Is(err, os.ErrNotExist) {
				err = fmt.Errorf("node: addresses file %s does not exist: start the key manager first (it writes one into its data_dir), or set contract and token: %w", cfg.AddressesFile, err)
			}
			return "", nil, err
		}
		if rpcURL == "" {
			rpcURL = file.EthNode
		}
	}
	if rpcURL == "" {
		return "", nil, errors.New("node: no chain_rpc set and the addresses file names no eth_node")
	}
	switch {
	case cfg.Contract != "":
		if cfg.Token == "" && file == nil {
			return "", nil, errors.New("node: contract is set without token: set both")
		}
		a := chain.Addresses{Enigma: common.HexToAddress(cfg.Contract)}
		if cfg.Token != "" {
			a.Token = common.HexToAddress(cfg.Token)
		} else {
			a.Token = file.Token
		}
		addrs = &a
	case file != nil:
		addrs = &chain.Addresses{Enigma: file.Contract, Token: file.Token}
	}
	return rpcURL, addrs, nil
}

// connectChain dials the chain cfg names, closed with the node, and
// resolves the contracts' addresses (nil when cfg names none). A role that
// runs a simulated enclave (enclaves) is refused on a chain that is not a
// development chain unless cfg says it knows (checkSimulationAllowed).
func (n *Node) connectChain(ctx context.Context, cfg Config, enclaves bool) (rpcURL string, addrs *chain.Addresses, _ *chain.Client, err error) {
	if rpcURL, addrs, err = chainTarget(cfg); err != nil {
		return "", nil, nil, err
	}
	client, err := dialChain(ctx, cfg, rpcURL, n.log, n.metrics.For(string(cfg.Role), n.mnode))
	if err != nil {
		return "", nil, nil, err
	}
	n.onClose(func() error { client.Close(); return nil })
	if enclaves {
		if err := checkSimulationAllowed(cfg, client); err != nil {
			return "", nil, nil, err
		}
	}
	return rpcURL, addrs, client, nil
}

func dialChain(ctx context.Context, cfg Config, rpcURL string, log *slog.Logger, reg prometheus.Registerer) (*chain.Client, error) {
	cc := chain.DefaultConfig()
	cc.RPCURL, cc.Logger = rpcURL, log
	if reg != nil {
		cc.Metrics = chain.NewTxMetrics(reg)
	}
	if cfg.ChainPoll > 0 {
		cc.PollInterval = time.Duration(cfg.ChainPoll)
	}
	c, err := chain.Dial(ctx, cc)
	if err != nil {
		return nil, fmt.Errorf("node: connect to the chain at %s: %w", rpcURL, err)
	}
	return c, nil
}

// account resolves the node's sending account; def, when not negative,
// picks that index of the node's unlocked accounts when none is set.
func account(ctx context.Context, cfg Config, c *chain.Client, def int) (chain.Account, error) {
	switch {
	case cfg.Account != "":
		return chain.NodeAccount(common.HexToAddress(cfg.Account)), nil
	case cfg.AccountKeyFile != "":
		k, err := readKey(cfg.AccountKeyFile)
		if err != nil {
			return chain.Account{}, err
		}
		return chain.KeyAccount(k), nil
	case def < 0:
		return chain.Account{}, errors.New("node: set account or account_key_file")
	}
	accs, err := nodeAccounts(ctx, c)
	if err != nil {
		return chain.Account{}, err
	}
	if len(accs) <= def {
		return chain.Account{}, errors.New("node: the Ethereum node holds no unlocked account to send from: set account_key_file")
	}
	return chain.NodeAccount(accs[def]), nil
}

func nodeAccounts(ctx context.Context, c *chain.Client) ([]common.Address, error) {
	var accs []common.Address
	if err := c.Eth().Client().CallContext(ctx, &accs, "eth_accounts"); err != nil {
		return nil, fmt.Errorf("node: list the Ethereum node's accounts: %w", err)
	}
	return accs, nil
}

// keyFiles are the files the node reads a private or seal key from.
func keyFiles(cfg Config) []string {
	files := []string{cfg.AccountKeyFile}
	switch cfg.Role {
	case RoleKM:
		att := cfg.AttestationKeyFile
		if att == "" {
			att = filepath.Join(cfg.DataDir, attestationFile)
		}
		files = append(files, att, filepath.Join(cfg.DataDir, kmSealKeyFile))
	case RoleWorker:
		files = append(files, filepath.Join(cfg.DataDir, workerSealKeyFile))
	}
	return files
}

// readKey reads a hex secp256k1 private key.
func readKey(path string) (*ecdsa.PrivateKey, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("node: read key file: %w", err)
	}
	k, err := crypto.HexToECDSA(strings.TrimPrefix(strings.TrimSpace(string(b)), "0x"))
	if err != nil {
		return nil, fmt.Errorf("node: key file %s does not hold a hex private key: %w", path, err)
	}
	return k, nil
}

// WriteFileAtomic writes b to path through a temporary file renamed into
// place, creating path's folder.
func WriteFileAtomic(path string, b []byte, mode os.FileMode) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("node: create the folder of %s: %w", path, err)
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, mode); err != nil {
		return fmt.Errorf("node: write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("node: write %s: %w", path, err)
	}
	return nil
}

// readSealed reads an enclave's sealed blob; nil when there is none yet.
func readSealed(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("node: read the sealed enclave keys: %w", err)
	}
	return b, nil
}
