package devchain

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/eth"
	"github.com/ethereum/go-ethereum/eth/catalyst"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/eth/filters"
	"github.com/ethereum/go-ethereum/eth/tracers"
	_ "github.com/ethereum/go-ethereum/eth/tracers/native" // callTracer, prestateTracer for debug_trace*
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/p2p"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rpc"
)

// Chain is a running dev chain.
type Chain struct {
	cfg      Config
	log      *slog.Logger
	accounts []DevAccount
	roles    []DevAccount // funded in genesis, not unlocked
	stack    *node.Node
	eth      *eth.Ethereum
	beacon   *catalyst.SimulatedBeacon
	rpc      *rpc.Client // the signer's
	signer   *signer

	attachedMu sync.Mutex
	attached   []*rpc.Client // handed out by RPC and Client, closed by Close

	sealMu sync.Mutex // SimulatedBeacon's sealing is not safe for concurrent use
	paused bool       // guarded by sealMu: the timer and new transactions seal nothing
	// mineOnTx, guarded by sealMu, seals a block as soon as transactions
	// wait; it starts as cfg.MineOnTransaction (SetMineOnTransaction).
	mineOnTx bool
	// sealClosed, guarded by sealMu, makes Mine a no-op once Close began.
	sealClosed bool

	stop     chan struct{}
	done     chan struct{}
	closeMu  sync.Mutex
	closed   bool
	closeErr error
}

// Start builds and starts a dev chain: a go-ethereum node with the eth
// service, driven by the simulated beacon as `geth --dev` is, serving
// JSON-RPC on cfg.Host. It returns once the RPC endpoints accept requests.
func Start(cfg Config) (*Chain, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	logger := cfg.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	accs, err := DeriveAccounts(cfg.Mnemonic, cfg.Accounts)
	if err != nil {
		return nil, err
	}
	roles, err := RoleAccounts(cfg.Mnemonic, cfg.RoleAccounts)
	if err != nil {
		return nil, err
	}
	c := &Chain{cfg: cfg, log: logger.With("component", "devchain"), accounts: accs, roles: roles,
		mineOnTx: cfg.MineOnTransaction, stop: make(chan struct{}), done: make(chan struct{})}

	c.stack, err = node.New(c.nodeConfig())
	if err != nil {
		return nil, fmt.Errorf("devchain: create node: %w", err)
	}
	ok := false
	defer func() {
		if !ok {
			c.stack.Close()
		}
	}()
	ethCfg := c.ethConfig()
	c.eth, err = eth.New(c.stack, ethCfg)
	if err != nil {
		return nil, fmt.Errorf("devchain: start the eth service: %w%s", err, dataDirHint(cfg.DataDir))
	}
	filterSystem := filters.NewFilterSystem(c.eth.APIBackend, filters.Config{
		LogCacheSize:  ethCfg.FilterLogCacheSize,
		LogQueryLimit: ethCfg.LogQueryLimit,
		RangeLimit:    ethCfg.RangeLimit,
	})
	sig := newSigner(cfg.ChainID, accs)
	sig.rejectReverts = cfg.RejectReverts
	c.signer = sig
	// Order matters: services registered later replace same-named methods
	// of earlier ones, so the signer's eth_accounts/eth_sendTransaction/
	// eth_sign replace geth's keystore-backed ones.
	c.stack.RegisterAPIs(tracers.APIs(c.eth.APIBackend)) // debug_trace*, as geth registers them
	c.stack.RegisterAPIs([]rpc.API{
		{Namespace: "eth", Service: filters.NewFilterAPI(filterSystem)},
		{Namespace: "eth", Service: ethAccountAPI{sig}},
		{Namespace: "personal", Service: personalAPI{sig}},
	})
	if err := c.stack.Start(); err != nil {
		return nil, fmt.Errorf("devchain: start the node (is port %d free? pick another with --port): %w", cfg.HTTPPort, err)
	}
	// The signer's own client: callers get separate ones (RPC), so closing
	// theirs cannot break eth_sendTransaction.
	c.rpc = c.stack.Attach()
	sig.setBackend(ethclient.NewClient(c.rpc))

	// Period 0: the beacon runs no timer of its own; run drives it, which
	// allows sub-second periods and mining on transactions.
	c.beacon, err = catalyst.NewSimulatedBeacon(0, accs[0].Address, c.eth)
	if err != nil {
		return nil, fmt.Errorf("devchain: start the simulated beacon: %w", err)
	}
	if err := c.beacon.Start(); err != nil {
		return nil, fmt.Errorf("devchain: start the simulated beacon: %w", err)
	}
	ok = true
	go c.run()
	c.log.Info("dev chain started", "http", c.HTTPEndpoint(), "ws", c.WSEndpoint(),
		"chainID", cfg.ChainID, "period", cfg.BlockPeriod, "datadir", cfg.DataDir, "head", c.eth.BlockChain().CurrentBlock().Number)
	return c, nil
}

func dataDirHint(dir string) string {
	if dir == "" {
		return ""
	}
	return fmt.Sprintf(" (data dir %s: if it holds a chain made with another chain id, mnemonic, account or role account count, or by an older version, use a new data dir)", dir)
}

func (c *Chain) nodeConfig() *node.Config {
	nc := node.DefaultConfig
	nc.Name = "devchain"
	nc.DataDir = c.cfg.DataDir
	nc.P2P = p2p.Config{MaxPeers: 0, NoDiscovery: true, NoDial: true, ListenAddr: ""}
	nc.IPCPath = ""
	nc.HTTPHost = c.cfg.Host
	nc.HTTPPort = c.cfg.HTTPPort
	// The listener is loopback only (Validate), but a web page the
	// developer opens runs on this machine too: CORS, the WebSocket origin
	// check and the Host check keep pages of other origins and names out
	// (Access). A JSON request needs a CORS preflight, which they fail,
	// and geth refuses other content types.
	a := c.cfg.Access
	nc.HTTPCors = a.httpCORS()
	nc.HTTPVirtualHosts = a.hosts()
	// Never empty: geth serves every module for an empty list.
	modules := a.modules()
	nc.HTTPModules = modules
	if c.cfg.WSPort >= 0 {
		nc.WSHost = c.cfg.Host
		nc.WSPort = c.cfg.WSPort
		// geth's WebSocket origin rule: an origin without a port matches
		// every port, as Access documents.
		nc.WSOrigins = a.origins()
		nc.WSModules = modules
	}
	nc.Logger = nil
	return &nc
}

func (c *Chain) ethConfig() *ethconfig.Config {
	ec := ethconfig.Defaults
	ec.NetworkId = c.cfg.ChainID
	ec.SyncMode = ethconfig.FullSync
	ec.Genesis = c.genesis()
	ec.Miner.PendingFeeRecipient = c.accounts[0].Address
	ec.Miner.GasPrice = big.NewInt(1) // accept any tip, as geth --dev does
	ec.Miner.GasCeil = c.cfg.GasLimit
	ec.TxPool.PriceLimit = 1
	ec.TxPool.NoLocals = true
	// A dev chain holds little state: small caches keep its memory small.
	ec.DatabaseCache = 16
	ec.TrieCleanCache = 16
	ec.TrieDirtyCache = 16
	ec.SnapshotCache = 16
	ec.FilterLogCacheSize = 32
	// The log index (filter maps) costs seconds at start and stop; a dev
	// chain is short enough for unindexed eth_getLogs scans.
	ec.LogNoHistory = true
	// Blob transactions are rare here; a small blob pool kept in memory
	// starts faster (opening its on-disk shelves cost ~60 ms a start).
	ec.BlobPool.Datacap = 64 << 20
	ec.BlobPool.Datadir = ""
	return &ec
}

func (c *Chain) genesis() *core.Genesis {
	config := *params.AllDevChainProtocolChanges
	config.ChainID = new(big.Int).SetUint64(c.cfg.ChainID)
	// Mainnet rules (up to Osaka): go-ethereum's dev config also enables the
	// unreleased Bogota gas repricing, under which gas figures would not
	// match Ethereum or anvil.
	config.BogotaTime = nil
	alloc := core.SystemContractAllocs()
	for i := byte(1); i <= 0x11; i++ { // precompiles, as geth's dev genesis funds them
		alloc[common.BytesToAddress([]byte{i})] = types.Account{Balance: big.NewInt(1)}
	}
	for _, a := range append(c.accounts[:len(c.accounts):len(c.accounts)], c.roles...) {
		alloc[a.Address] = types.Account{Balance: new(big.Int).Set(c.cfg.AccountBalance)}
	}
	maps.Copy(alloc, c.cfg.Alloc)
	return &core.Genesis{
		Config:     &config,
		GasLimit:   c.cfg.GasLimit,
		BaseFee:    big.NewInt(params.InitialBaseFee),
		Difficulty: big.NewInt(0),
		Alloc:      alloc,
	}
}

// run seals blocks every period and, while mining on transactions is on,
// on new transactions. It always listens for transactions, so that mode
// can be switched at any time (SetMineOnTransaction).
func (c *Chain) run() {
	defer close(c.done)
	var tick <-chan time.Time
	if c.cfg.BlockPeriod > 0 {
		t := time.NewTicker(c.cfg.BlockPeriod)
		defer t.Stop()
		tick = t.C
	}
	newTxs := make(chan core.NewTxsEvent, 16)
	sub := c.eth.TxPool().SubscribeTransactions(newTxs, true)
	defer sub.Unsubscribe()
	for {
		select {
		case <-c.stop:
			return
		case <-tick:
			c.sealIfRunning()
		case <-newTxs:
			// Drain what is queued so a burst yields one block, not many.
			for drained := false; !drained; {
				select {
				case <-newTxs:
				default:
					drained = true
				}
			}
			c.sealOnTransactions()
		}
	}
}

func (c *Chain) sealIfRunning() {
	c.sealMu.Lock()
	defer c.sealMu.Unlock()
	if !c.paused {
		c.seal()
	}
}

func (c *Chain) sealOnTransactions() {
	c.sealMu.Lock()
	defer c.sealMu.Unlock()
	if !c.paused && c.mineOnTx && c.pending() {
		c.seal()
	}
}

// pending reports whether executable transactions wait in the pool.
func (c *Chain) pending() bool {
	n, _ := c.eth.TxPool().Stats()
	return n > 0
}

// SetMineOnTransaction turns sealing on new transactions on or off while
// the chain runs; the period's blocks go on either way. A network being
// set up turns it on so that each of its dependent transactions is mined
// at once instead of at the next period, then returns to the period.
// Turning it on seals what already waits.
func (c *Chain) SetMineOnTransaction(on bool) {
	c.sealMu.Lock()
	defer c.sealMu.Unlock()
	c.mineOnTx = on
	if on && !c.paused && c.pending() {
		c.seal()
	}
}

// seal seals a block; the beacon only logs a failure to go-ethereum's
// (discarded) logger, so a head that did not move is reported here.
// Called with sealMu held.
func (c *Chain) seal() common.Hash {
	if c.sealClosed {
		return common.Hash{}
	}
	before := c.eth.BlockChain().CurrentBlock().Hash()
	after := c.beacon.Commit()
	if after == before {
		c.log.Warn("sealing produced no block; retrying at the next period")
	}
	return after
}

// Mine seals one block now and returns its hash. It works whether or not
// the timer is paused; after Close it does nothing.
func (c *Chain) Mine() common.Hash {
	c.sealMu.Lock()
	defer c.sealMu.Unlock()
	return c.seal()
}

// Pause stops sealing on the timer and on transactions until Resume; Mine
// still seals. Tests use it to build exact block sequences and reorgs.
func (c *Chain) Pause() {
	c.sealMu.Lock()
	c.paused = true
	c.sealMu.Unlock()
}

// Resume undoes Pause.
func (c *Chain) Resume() {
	c.sealMu.Lock()
	c.paused = false
	c.sealMu.Unlock()
}

// Rewind makes the block `depth` blocks below the head the new head: the
// blocks above it leave the canonical chain (a reorg, as subscribers see
// it) and their transactions return to the pool, to be sealed again into
// new blocks by the next Mine. Call it while paused.
func (c *Chain) Rewind(depth uint64) error {
	c.sealMu.Lock()
	defer c.sealMu.Unlock()
	if c.sealClosed {
		return errors.New("devchain: closed")
	}
	head := c.eth.BlockChain().CurrentBlock()
	if depth == 0 || depth > head.Number.Uint64() {
		return fmt.Errorf("devchain: cannot rewind %d blocks from head %d", depth, head.Number.Uint64())
	}
	parent := c.eth.BlockChain().GetBlockByNumber(head.Number.Uint64() - depth)
	// Fork refuses while transactions are pending; they would be mined
	// into the old branch's place anyway, so keep the pool empty.
	c.eth.TxPool().Clear()
	if err := c.beacon.Fork(parent.Hash()); err != nil {
		return fmt.Errorf("devchain: rewind to block %d: %w", parent.NumberU64(), err)
	}
	c.signer.forgetNonces() // the pool's nonces went back with the chain
	return nil
}

// HTTPEndpoint is the JSON-RPC over HTTP URL, e.g. http://127.0.0.1:8545.
func (c *Chain) HTTPEndpoint() string { return c.stack.HTTPEndpoint() }

// WSEndpoint is the JSON-RPC over WebSocket URL, or "" if disabled.
func (c *Chain) WSEndpoint() string {
	if c.cfg.WSPort < 0 {
		return ""
	}
	return c.stack.WSEndpoint()
}

// ChainID returns the configured chain id.
func (c *Chain) ChainID() uint64 { return c.cfg.ChainID }

// Accounts returns the unlocked dev accounts with their keys.
func (c *Chain) Accounts() []DevAccount { return append([]DevAccount(nil), c.accounts...) }

// RoleAccounts returns the role accounts genesis funded
// (Config.RoleAccounts), with their keys. The chain does not sign for them:
// whoever sends from one signs locally.
func (c *Chain) RoleAccounts() []DevAccount { return append([]DevAccount(nil), c.roles...) }

// Client returns a new in-process client of the node (no HTTP round trip).
// Closing it is optional: Close closes every client handed out.
func (c *Chain) Client() *ethclient.Client { return ethclient.NewClient(c.RPC()) }

// RPC returns a new in-process RPC client of the node, for callers that
// wrap it (e.g. chain.NewClient) and may close it. Close closes it too.
func (c *Chain) RPC() *rpc.Client {
	rc := c.stack.Attach()
	c.attachedMu.Lock()
	c.attached = append(c.attached, rc)
	c.attachedMu.Unlock()
	return rc
}

// BlockNumber returns the current head number.
func (c *Chain) BlockNumber() uint64 { return c.eth.BlockChain().CurrentBlock().Number.Uint64() }

// WaitForBlock waits until the head reaches number or ctx ends.
func (c *Chain) WaitForBlock(ctx context.Context, number uint64) error {
	t := time.NewTicker(10 * time.Millisecond)
	defer t.Stop()
	for c.BlockNumber() < number {
		select {
		case <-ctx.Done():
			return fmt.Errorf("devchain: waiting for block %d (head %d): %w", number, c.BlockNumber(), ctx.Err())
		case <-t.C:
		}
	}
	return nil
}

// Close stops sealing, the RPC servers and the node, flushing the chain to
// the data dir if there is one. It is safe to call more than once.
func (c *Chain) Close() error {
	c.closeMu.Lock()
	defer c.closeMu.Unlock()
	if c.closed {
		return c.closeErr
	}
	c.closed = true
	close(c.stop)
	<-c.done
	c.sealMu.Lock() // no Mine in flight from here on, and none later
	c.sealClosed = true
	defer c.sealMu.Unlock()
	c.rpc.Close()
	c.attachedMu.Lock()
	for _, rc := range c.attached {
		rc.Close()
	}
	c.attached = nil
	c.attachedMu.Unlock()
	err := c.beacon.Stop()
	if cerr := c.stack.Close(); cerr != nil && !errors.Is(cerr, node.ErrNodeStopped) {
		err = errors.Join(err, cerr)
	}
	if err != nil {
		c.closeErr = fmt.Errorf("devchain: close: %w", err)
	}
	c.log.Info("dev chain stopped")
	return c.closeErr
}
