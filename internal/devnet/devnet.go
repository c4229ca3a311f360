// Package devnet starts a whole local Enigma network in one process: the
// embedded dev chain (or an external node), the Enigma and EnigmaToken
// contracts, the key manager's enclave as principal, and the gateway's
// JSON-RPC. It writes addresses.json into its data folder.
//
// It is the assembly point of the node roles, so it may import them all; no
// product package may import it.
package devnet

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/enigma-go/enigma/internal/gateway"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/chain/bindings"
	"github.com/enigma-go/enigma/internal/chain/devchain"
	"github.com/enigma-go/enigma/internal/km"
	enode "github.com/enigma-go/enigma/internal/node"
	"github.com/enigma-go/enigma/internal/telemetry"
	"github.com/enigma-go/enigma/internal/vm"
	"github.com/enigma-go/enigma/internal/worker"
)

// Config configures a devnet.
type Config struct {
	DataDir     string        // "" = temporary, removed on Close
	ChainRPC    string        // "" = embedded dev chain; else external JSON-RPC URL
	ChainAddr   string        // embedded chain HTTP listen addr ("127.0.0.1:0" = free port)
	GatewayAddr string        // gateway listen addr ("127.0.0.1:0" = free port)
	Workers     int           // number of workers
	BlockPeriod time.Duration // embedded chain block period
	EpochSize   uint64        // blocks per epoch
	// TimeoutEpochs is how many epochs a task may wait for its receipt
	// before its sender can reclaim the fee (returnFeesForTask).
	TimeoutEpochs uint64
	// WorkerReceiptTimeout is how long a worker waits for its receipt to be
	// mined before it checks the outcome in the background
	// (worker.Config.ReceiptTimeout); 0 keeps the worker's default.
	WorkerReceiptTimeout time.Duration
	// ChainAccess widens who may drive the embedded chain's JSON-RPC (web
	// origins, host names, the debug/personal/txpool modules); the zero
	// value is local tools only (devchain.Access).
	ChainAccess devchain.Access
	// InsecureSimulatedEnclave lets the devnet's simulated enclaves run on
	// an external chain that is not a development chain (docs/security.md).
	InsecureSimulatedEnclave bool
	Logger                   *slog.Logger // nil discards
	// Activity, if set, receives a line for every task that ends (id,
	// kind, contract, worker, status, gas used, ms from its record) and
	// every epoch (number, first block, workers selected and their stake),
	// as the chain's events tell them (activity.go); one Write per line,
	// from one goroutine, until Close.
	Activity io.Writer
	// Progress, if set, is called from Start's goroutine with a short
	// description each time a step of the start is done (chain up,
	// contracts deployed, workers logged in, epoch set, gateway serving).
	Progress func(step string)
}

// DefaultConfig is what `enigma devnet` runs with.
func DefaultConfig() Config {
	return Config{ChainAddr: "127.0.0.1:8545", GatewayAddr: "127.0.0.1:3346", Workers: 3, BlockPeriod: time.Second, EpochSize: 10, TimeoutEpochs: chain.MaxTimeoutEpochs}
}

// TestConfig uses free ports and fast blocks.
func TestConfig() Config {
	c := DefaultConfig()
	c.ChainAddr, c.GatewayAddr, c.Workers, c.BlockPeriod, c.EpochSize = "127.0.0.1:0", "127.0.0.1:0", 2, 200*time.Millisecond, 10
	return c
}

// Validate reports settings the devnet cannot start with.
func (c Config) Validate() error {
	var errs []error
	if c.ChainRPC == "" {
		if _, _, err := net.SplitHostPort(c.ChainAddr); err != nil {
			errs = append(errs, fmt.Errorf("devnet: ChainAddr %q is not host:port: %w", c.ChainAddr, err))
		}
		if c.BlockPeriod <= 0 {
			errs = append(errs, errors.New("devnet: BlockPeriod must be positive"))
		}
	}
	if _, _, err := net.SplitHostPort(c.GatewayAddr); err != nil {
		errs = append(errs, fmt.Errorf("devnet: GatewayAddr %q is not host:port: %w", c.GatewayAddr, err))
	}
	if c.Workers < 1 {
		errs = append(errs, errors.New("devnet: Workers must be at least 1"))
	}
	if c.EpochSize == 0 {
		errs = append(errs, errors.New("devnet: EpochSize must be positive"))
	}
	if c.TimeoutEpochs == 0 {
		errs = append(errs, errors.New("devnet: TimeoutEpochs must be positive (start from DefaultConfig)"))
	}
	return errors.Join(errs...)
}

// Addresses is the content of addresses.json, the same file a key
// manager node writes (node.Addresses).
type Addresses = enode.Addresses

// Devnet is a running local network.
type Devnet struct {
	cfg    Config
	log    *slog.Logger
	tmp    string
	dev    *devchain.Chain
	client *chain.Client
	enigma *chain.Enigma
	// kmHost is the key manager's enclave and the simulated attestation
	// service; kmNode the key manager's host logic on it.
	kmHost *enode.KMHost
	kmNode *km.KeyManager
	nodes  *worker.Nodes // the running workers, as the gateway and the workers find them
	// kmAccount sends the key manager's epochs: a role account, never one
	// of the dev accounts (accounts.go).
	kmAccount chain.Account
	workers   []*node
	engine    *vm.Engine
	addrs     Addresses
	accounts  []common.Address
	gwURL     string
	// metrics is the process's one registry: every role under its role
	// and node labels, served at the gateway's /metrics.
	metrics *enode.Metrics
	ln      net.Listener
	cancel  context.CancelFunc
	wg      sync.WaitGroup
	once    sync.Once
}

// Start brings the network up and returns when the contracts are deployed,
// the workers are logged in, the first epoch is set, addresses.json is
// written and the gateway is serving.
//
// On the embedded chain every transaction of the start is mined as soon as
// it arrives, and the chain returns to its block period once the network
// is up; independent transactions (the ENG funding, each worker's
// registration and stake) are sent at once. The enclaves and the VM start
// while the chain does.
func Start(ctx context.Context, cfg Config) (_ *Devnet, err error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	progress := cfg.Progress
	if progress == nil {
		progress = func(string) {}
	}
	d := &Devnet{cfg: cfg, log: log, metrics: enode.NewMetrics()}
	enclavesDone := make(chan error, 1)
	enclavesStarted := false
	defer func() {
		if err != nil {
			if enclavesStarted {
				<-enclavesDone // Close must not race the enclaves' start
			}
			d.Close()
		}
	}()
	if cfg.DataDir == "" {
		if d.tmp, err = os.MkdirTemp("", "enigma-devnet-"); err != nil {
			return nil, err
		}
		d.cfg.DataDir = d.tmp
	}
	dir := d.cfg.DataDir
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("devnet: create the data folder: %w", err)
	}
	// The gateway's port is taken first: a devnet already running fails
	// this one before anything else starts.
	if d.ln, err = net.Listen("tcp", cfg.GatewayAddr); err != nil {
		return nil, fmt.Errorf("devnet: listen for the gateway on %s (is another devnet running? pick another port with --gateway-addr): %w", cfg.GatewayAddr, err)
	}
	d.gwURL = "http://" + d.ln.Addr().String()

	// The enclaves need nothing from the chain: they start meanwhile.
	enclavesStarted = true
	go func() { enclavesDone <- d.startEnclaves(ctx) }()

	rpcURL := cfg.ChainRPC
	cc := chain.DefaultConfig()
	cc.Logger = log
	// One client serves every role of the devnet: its metrics are the
	// devnet's own.
	cc.Metrics = chain.NewTxMetrics(d.metrics.For(telemetry.RoleDevnet, "devnet"))
	if rpcURL == "" {
		host, port, _ := net.SplitHostPort(cfg.ChainAddr)
		p, err := strconv.Atoi(port)
		if err != nil {
			return nil, fmt.Errorf("devnet: chain port %q: %w", port, err)
		}
		dc := devchain.DefaultConfig()
		dc.Host, dc.HTTPPort, dc.WSPort, dc.Access = host, p, p, cfg.ChainAccess
		dc.BlockPeriod, dc.DataDir, dc.Logger = cfg.BlockPeriod, filepath.Join(dir, "chain"), log
		dc.MineOnTransaction = true // until the network is up
		dc.RejectReverts = true     // as ganache, which enigma-js 0.3.0 expects
		if d.dev, err = devchain.Start(dc); err != nil {
			return nil, fmt.Errorf("devnet: start the dev chain: %w", err)
		}
		rpcURL = d.dev.HTTPEndpoint()
		for _, a := range d.dev.Accounts() {
			d.accounts = append(d.accounts, a.Address)
		}
		// In process: no HTTP round trips, and polling for receipts is
		// cheap enough to do often.
		cc.RPCURL, cc.PollInterval = rpcURL, embeddedPollInterval
		if d.client, err = chain.NewClient(ctx, d.dev.RPC(), cc); err != nil {
			return nil, fmt.Errorf("devnet: connect to the dev chain: %w", err)
		}
	} else {
		cc.RPCURL = rpcURL
		if d.client, err = chain.Dial(ctx, cc); err != nil {
			return nil, fmt.Errorf("devnet: connect to the chain at %s: %w", rpcURL, err)
		}
	}
	if err := enode.CheckSimulationAllowed(d.client.ChainID().Uint64(), cfg.InsecureSimulatedEnclave); err != nil {
		return nil, fmt.Errorf("devnet: %w", err)
	}
	if len(d.accounts) == 0 {
		var accs []common.Address
		if err := d.client.Eth().Client().CallContext(ctx, &accs, "eth_accounts"); err != nil {
			return nil, fmt.Errorf("devnet: list the node's accounts: %w", err)
		}
		d.accounts = accs
	}
	if len(d.accounts) == 0 {
		return nil, fmt.Errorf("devnet: the node at %s has no unlocked accounts to deploy from", rpcURL)
	}
	progress("chain up at " + rpcURL)

	enclavesStarted = false
	if err := <-enclavesDone; err != nil {
		return nil, err
	}
	if err := d.assignRoles(); err != nil {
		return nil, err
	}
	// The deployer (dev account 0) sends only while the devnet starts: the
	// contracts, the role accounts' ETH where they lack it, and the ENG.
	deployer := chain.NodeAccount(d.accounts[0])
	rolesFunded := make(chan error, 1)
	go func() { rolesFunded <- d.fundRolesETH(ctx, deployer) }()
	resumed := true
	if d.enigma, err = d.resume(ctx); err == nil && d.enigma == nil {
		resumed = false
		d.enigma, err = d.client.DeployContracts(ctx, deployer, d.kmHost.DeployParams(cfg.EpochSize, cfg.TimeoutEpochs, true))
		if err != nil {
			err = fmt.Errorf("devnet: deploy the contracts: %w", err)
		}
	}
	if ferr := <-rolesFunded; err == nil {
		err = ferr
	}
	if err != nil {
		return nil, err
	}
	a := d.enigma.Addresses()
	log.Info("contracts ready", "enigma", a.Enigma, "token", a.Token, "resumed", resumed)
	if resumed {
		progress("contracts of the previous run resumed")
	} else {
		progress("contracts deployed")
	}

	// The deployer holds the whole ENG supply; the other dev accounts get
	// their share to pay task fees and the custodians their stakes, while
	// the workers register.
	funded := make(chan error, 1)
	go func() { funded <- d.fundENG(ctx, deployer, !resumed) }()
	fundErr := sync.OnceValue(func() error { return <-funded })
	lastLogin, err := d.joinWorkers(ctx, fundErr)
	if ferr := fundErr(); ferr != nil {
		return nil, ferr
	}
	if err != nil {
		return nil, err
	}
	progress(fmt.Sprintf("%d workers registered, staked and logged in", len(d.workers)))

	var poll time.Duration // the key manager's default on an external chain
	if cfg.ChainRPC == "" {
		poll = cfg.BlockPeriod
	}
	d.kmHost.Metrics = d.metrics.For(telemetry.RoleKeyManager, "km")
	if d.kmNode, err = d.kmHost.NewKeyManager(ctx, d.enigma, d.kmAccount, poll, log); err != nil {
		return nil, err
	}
	// The epoch counts the workers logged in before its block.
	if err := d.waitForBlock(ctx, lastLogin+1); err != nil {
		return nil, err
	}
	// The activity lines start with the first epoch.
	activityFrom, err := d.client.BlockNumber(ctx)
	if err != nil {
		return nil, err
	}
	set, err := d.kmNode.NewEpoch(ctx)
	if err != nil {
		return nil, err
	}
	if set {
		progress("first epoch set")
	} else {
		progress("the epoch of the previous run stands")
	}
	if d.dev != nil {
		d.dev.SetMineOnTransaction(false)
	}

	if err := d.startWorkerNodes(ctx); err != nil {
		return nil, err
	}
	progress("workers serving tasks")
	names := map[common.Address]string{}
	for i, n := range d.workers {
		names[n.account.Address] = fmt.Sprintf("worker %d", i)
	}
	ex, serveExplorer, err := enode.NewExplorer(d.enigma, names, d.activityPoll(), min(cfg.BlockPeriod, time.Second), log)
	if err != nil {
		return nil, err
	}
	gw, err := enode.NewGateway(d.nodes, d.enigma, "enigma-devnet", nil, log, localGateway, serveExplorer, d.metrics.Gateway("devnet"))
	if err != nil {
		return nil, err
	}
	sctx, cancel := context.WithCancel(context.Background())
	d.cancel = cancel
	d.wg.Add(1)
	go func() {
		defer d.wg.Done()
		if err := gw.Serve(sctx, d.ln); err != nil && sctx.Err() == nil {
			log.Error("gateway stopped", "err", err)
		}
	}()
	d.wg.Add(1)
	go func() {
		defer d.wg.Done()
		d.kmNode.Run(sctx)
	}()
	d.wg.Add(1)
	go func() {
		defer d.wg.Done()
		ex.Run(sctx)
	}()
	if cfg.Activity != nil {
		a := newActivity(d.enigma, cfg.Activity, log, names)
		d.wg.Add(1)
		go func() {
			defer d.wg.Done()
			a.run(sctx, activityFrom, d.activityPoll())
		}()
	}

	d.addrs = Addresses{Contract: a.Enigma, Token: a.Token, EthNode: rpcURL, Proxy: d.gwURL}
	if err := writeFiles(dir, d.addrs); err != nil {
		return nil, err
	}
	progress("gateway serving at " + d.gwURL)
	return d, nil
}

// activityPoll is how often the activity lines' watcher polls: a few
// times a block on the embedded chain, the client's interval elsewhere.
func (d *Devnet) activityPoll() time.Duration {
	if d.dev == nil {
		return d.client.Config().PollInterval
	}
	return min(max(d.cfg.BlockPeriod/5, embeddedPollInterval), 200*time.Millisecond)
}

// embeddedPollInterval is how often the client polls the in-process chain
// for receipts and blocks.
const embeddedPollInterval = 20 * time.Millisecond

// waitForBlock returns once the head is at least number; on the embedded
// chain it seals the missing blocks itself.
func (d *Devnet) waitForBlock(ctx context.Context, number uint64) error {
	if d.dev == nil {
		return d.client.WaitForBlock(ctx, number)
	}
	for d.dev.BlockNumber() < number {
		if err := ctx.Err(); err != nil {
			return err
		}
		d.dev.Mine()
	}
	return nil
}

// writeFiles writes addresses.json and the contracts' ABIs (Enigma.json,
// EnigmaToken.json as {"abi": [...]}) into dir; addresses.json comes last,
// so whoever waits for it finds the ABIs too. Each file is written whole
// and renamed into place, so a reader never sees half of one.
func writeFiles(dir string, addrs Addresses) error {
	for name, abiJSON := range map[string]string{"Enigma.json": bindings.EnigmaMetaData.ABI, "EnigmaToken.json": bindings.EnigmaTokenMetaData.ABI} {
		b, err := json.MarshalIndent(struct {
			ABI json.RawMessage `json:"abi"`
		}{json.RawMessage(abiJSON)}, "", "  ")
		if err != nil {
			return fmt.Errorf("devnet: encode the ABI of %s: %w", name, err)
		}
		if err := enode.WriteFileAtomic(filepath.Join(dir, name), append(b, '\n'), 0o644); err != nil {
			return err
		}
	}
	return enode.WriteAddresses(filepath.Join(dir, "addresses.json"), addrs)
}

// resume binds the contracts of a previous run when the embedded chain was
// kept in the data folder and still holds their code; it returns nil when
// there is nothing to resume.
func (d *Devnet) resume(ctx context.Context) (*chain.Enigma, error) {
	if d.cfg.ChainRPC != "" {
		return nil, nil
	}
	path := filepath.Join(d.cfg.DataDir, "addresses.json")
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	e, err := enode.ResumeContracts(ctx, d.client, path, d.kmHost.Signer)
	if err != nil {
		return nil, fmt.Errorf("devnet: %w (or remove the whole folder with --reset)", err)
	}
	if e == nil {
		d.log.Info("the chain no longer holds the previous contracts for this key manager; deploying afresh", "addresses", path)
		return nil, nil
	}
	d.log.Info("resuming the contracts of the previous run", "enigma", e.Addresses().Enigma)
	return e, nil
}

// Addresses are the deployed contracts and the endpoints.
func (d *Devnet) Addresses() Addresses { return d.addrs }

// GatewayURL is the gateway's JSON-RPC endpoint.
func (d *Devnet) GatewayURL() string { return d.gwURL }

// ExplorerURL is the explorer's page, served by the gateway (docs/explorer.md).
func (d *Devnet) ExplorerURL() string { return d.gwURL + "/explorer/" }

// MetricsURL serves every role's Prometheus metrics (docs/metrics.md).
func (d *Devnet) MetricsURL() string { return d.gwURL + enode.MetricsPath }

// Metrics is the registry of every role's metrics, for tools and tests
// that read them in process.
func (d *Devnet) Metrics() *prometheus.Registry { return d.metrics.Registry }

// ChainURL is the chain's JSON-RPC endpoint.
func (d *Devnet) ChainURL() string { return d.addrs.EthNode }

// DevChain is the embedded dev chain (nil on an external chain), for tests
// that hold blocks back (Pause, Mine, Resume).
func (d *Devnet) DevChain() *devchain.Chain { return d.dev }

// Accounts are the node's funded, unlocked dev accounts: the clients'.
// Account 0 deployed the contracts; none of them sends anything of the
// network's once Start returned (KeyManagerAccount and Custodians do).
func (d *Devnet) Accounts() []common.Address { return append([]common.Address(nil), d.accounts...) }

// Close stops everything; it is safe to call more than once.
func (d *Devnet) Close() error {
	var errs []error
	d.once.Do(func() {
		if d.cancel != nil {
			d.cancel()
		}
		if d.ln != nil {
			d.ln.Close()
		}
		d.wg.Wait()
		for _, w := range d.workers {
			errs = append(errs, w.host.Close())
		}
		if d.engine != nil {
			errs = append(errs, d.engine.Close(context.Background()))
		}
		if d.kmHost != nil {
			errs = append(errs, d.kmHost.Close())
		}
		if d.client != nil {
			d.client.Close()
		}
		if d.dev != nil {
			errs = append(errs, d.dev.Close())
		}
		if d.tmp != "" {
			errs = append(errs, os.RemoveAll(d.tmp))
		}
	})
	return errors.Join(errs...)
}

// localGateway lifts the gateway's per-requester call rate for the devnet:
// it serves local tools only (127.0.0.1), so every user of the devnet is
// the same requester, and the default bound for one remote client (1,000
// calls a second) would be the whole network's. The bounds on concurrent
// requests and on task keys per requester stay.
func localGateway(c *gateway.Config) {
	c.CallsPerSecond, c.CallBurst = 50_000, 100_000
}
