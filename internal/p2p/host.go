package p2p

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/libp2p/go-libp2p"
	dht "github.com/libp2p/go-libp2p-kad-dht"
	pubsub "github.com/libp2p/go-libp2p-pubsub"
	"github.com/libp2p/go-libp2p/core/crypto"
	"github.com/libp2p/go-libp2p/core/host"
	"github.com/libp2p/go-libp2p/core/network"
	"github.com/libp2p/go-libp2p/core/peer"
	drouting "github.com/libp2p/go-libp2p/p2p/discovery/routing"
	"github.com/libp2p/go-libp2p/p2p/security/noise"
	"github.com/libp2p/go-libp2p/p2p/transport/tcp"
	ma "github.com/multiformats/go-multiaddr"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/worker"
)

// Role is what a peer proved to be.
type Role string

// The roles. A client (a gateway) proves nothing.
const (
	RoleKM     Role = "km"
	RoleWorker Role = "worker"
	RoleClient Role = "client"
)

// Network names the network a host serves: identities are bound to it.
type Network struct {
	ChainID uint64
	Enigma  api.EthAddress
}

func (n Network) String() string {
	return fmt.Sprintf("%d-%s", n.ChainID, strings.ToLower(n.Enigma.Hex()))
}

// Prover answers an identity challenge: the node's enclave signs
// enclave.PeerIdentityHash(network, nonce, transport) (enclave.Common's
// PeerIdentity) and names its signer.
type Prover func(ctx context.Context, nonce [32]byte, transport []byte) (signer api.EthAddress, sig [65]byte, err error)

// Limits bound what a peer may ask of a host.
type Limits struct {
	// RequestsPerSecond and RequestBurst bound each peer's requests (all
	// protocols); beyond them a request is refused and the peer penalised.
	RequestsPerSecond float64
	RequestBurst      int
	// ReadTimeout bounds reading a request or writing an answer;
	// ServeTimeout bounds answering one.
	ReadTimeout  time.Duration
	ServeTimeout time.Duration
	// BanFor is how long a peer that reached the ban threshold is refused.
	BanFor time.Duration
}

// Config configures a Host.
type Config struct {
	// Listen are the multiaddrs to listen on (e.g. /ip4/0.0.0.0/tcp/4001);
	// empty listens on a free TCP port of every interface.
	Listen []string
	// Key is the host's libp2p identity (LoadOrCreateKey); nil makes a
	// fresh one (a gateway can do without a lasting identity).
	Key crypto.PrivKey
	// Bootstrap are multiaddrs with /p2p/<peer id> of nodes to join
	// through (the key manager's, usually).
	Bootstrap []string
	Network   Network
	Role      Role
	// Prove answers identity challenges; required for km and worker.
	Prove Prover
	// Registry tells whether a signer is a registered worker (the Enigma
	// contract); required to verify workers.
	Registry worker.PeerRegistry
	// Principal is the key manager's signing address, from the Enigma
	// contract; required to verify the key manager.
	Principal api.EthAddress
	// DiscoverEvery is how often the host looks for new peers in the DHT.
	DiscoverEvery time.Duration
	Limits        Limits
	Logger        *slog.Logger
	// Metrics, when set, receive the host's metrics (NewMetrics); nil:
	// NopMetrics.
	Metrics *Metrics
}

// DefaultConfig returns the settings a host runs with; set Network, Role
// and what the role needs.
func DefaultConfig() Config {
	return Config{
		Listen:        []string{"/ip4/0.0.0.0/tcp/0"},
		DiscoverEvery: 10 * time.Second,
		Limits: Limits{RequestsPerSecond: 2000, RequestBurst: 4000, ReadTimeout: 10 * time.Second,
			ServeTimeout: 2 * time.Minute, BanFor: 10 * time.Minute},
	}
}

// Host is a node's presence on the network.
type Host struct {
	cfg    Config
	log    *slog.Logger
	m      *Metrics
	host   host.Host
	dht    *dht.IpfsDHT
	disc   *drouting.RoutingDiscovery
	ps     *pubsub.PubSub
	scores *scores
	boot   []peer.AddrInfo
	// verifier checks a worker's identity answer against the chain.
	verifier *worker.PeerVerifier

	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu       sync.Mutex
	peers    map[peer.ID]*identity // what each connected peer proved
	bySigner map[api.EthAddress]peer.ID
	checking map[peer.ID]chan struct{} // identify in flight
	looking  map[peer.ID]bool          // DHT lookups of unreachable peers in flight

	gossip *gossip
}

// identity is what a peer proved, and when.
type identity struct {
	role   Role
	signer api.EthAddress
	at     time.Time
	// pending is set for a signature that verified but whose signer the
	// chain does not (yet) list as a registered worker: asked again later.
	pending bool
	// gone is when the peer's last connection closed; zero while connected.
	gone time.Time
}

// keepGone is how long a proved worker or key manager that disconnected
// is still listed (a restart, a cut link): calls to it fail as
// unavailable, which callers retry, instead of it being unknown.
const keepGone = 10 * time.Minute

// New starts a host: it listens, joins the DHT through the bootstrap
// peers and starts discovery. ctx bounds the start only.
func New(ctx context.Context, cfg Config) (*Host, error) {
	switch {
	case cfg.Role != RoleKM && cfg.Role != RoleWorker && cfg.Role != RoleClient:
		return nil, fmt.Errorf("p2p: unknown role %q", cfg.Role)
	case cfg.Role != RoleClient && cfg.Prove == nil:
		return nil, fmt.Errorf("p2p: a %s host needs its enclave's identity prover", cfg.Role)
	case cfg.Registry == nil:
		return nil, errors.New("p2p: no registry to verify workers with: pass the Enigma contract")
	case cfg.Limits.RequestsPerSecond <= 0 || cfg.Limits.RequestBurst <= 0 || cfg.Limits.ReadTimeout <= 0 || cfg.Limits.ServeTimeout <= 0:
		return nil, errors.New("p2p: limits must be positive (start from DefaultConfig)")
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	key := cfg.Key
	if key == nil {
		var err error
		if key, _, err = crypto.GenerateEd25519Key(rand.Reader); err != nil {
			return nil, err
		}
	}
	boot, err := ParseAddrs(cfg.Bootstrap)
	if err != nil {
		return nil, err
	}
	if len(cfg.Listen) == 0 {
		cfg.Listen = DefaultConfig().Listen
	}
	h := &Host{cfg: cfg, log: log.With("component", "p2p"), scores: newScores(cfg.Limits), boot: boot,
		verifier: worker.NewPeerVerifierFor(cfg.Network.ChainID, cfg.Network.Enigma, cfg.Registry),
		peers:    make(map[peer.ID]*identity), bySigner: make(map[api.EthAddress]peer.ID), checking: make(map[peer.ID]chan struct{}), looking: make(map[peer.ID]bool)}
	if h.m = cfg.Metrics; h.m == nil {
		h.m = NopMetrics()
	}
	h.ctx, h.cancel = context.WithCancel(context.Background())
	h.host, err = libp2p.New(
		libp2p.Identity(key),
		libp2p.ListenAddrStrings(cfg.Listen...),
		libp2p.Security(noise.ID, noise.New),
		libp2p.Transport(tcp.NewTCPTransport),
		libp2p.ConnectionGater(h.scores),
		libp2p.DisableRelay(),
		libp2p.UserAgent("enigma-go/"+string(cfg.Role)),
	)
	if err != nil {
		h.cancel()
		return nil, fmt.Errorf("p2p: start the libp2p host on %v (is the address free and one of this machine's?): %w", cfg.Listen, err)
	}
	peers := func() int { return len(h.host.Network().Peers()) }
	h.m.peers.Store(&peers)
	mode := dht.ModeServer
	if cfg.Role == RoleClient {
		mode = dht.ModeClient
	}
	if h.dht, err = dht.New(h.host, dht.Mode(mode), dht.ProtocolPrefix("/enigma"), dht.BootstrapPeers(boot...)); err != nil {
		h.Close()
		return nil, fmt.Errorf("p2p: start the DHT: %w", err)
	}
	h.disc = drouting.NewRoutingDiscovery(h.dht)
	if h.gossip, err = newGossip(h); err != nil {
		h.Close()
		return nil, err
	}
	h.serve(ProtoIdentify, maxSmallFrame, anyone, h.answerIdentify)
	h.host.Network().Notify(&network.NotifyBundle{
		ConnectedF: func(_ network.Network, c network.Conn) {
			h.seen(c.RemotePeer(), true)
			go h.identify(c.RemotePeer())
		},
		DisconnectedF: func(nw network.Network, c network.Conn) {
			if nw.Connectedness(c.RemotePeer()) != network.Connected {
				h.seen(c.RemotePeer(), false)
			}
		},
	})
	h.connectBootstrap(ctx)
	h.wg.Add(1)
	go h.discoverLoop()
	h.log.Info("p2p host started", "peer", h.host.ID(), "addrs", h.Addrs(), "role", cfg.Role)
	return h, nil
}

// ID is the host's peer id.
func (h *Host) ID() peer.ID { return h.host.ID() }

// Addrs are the host's multiaddrs with its peer id, for others' bootstrap.
func (h *Host) Addrs() []string {
	var out []string
	for _, a := range h.host.Addrs() {
		out = append(out, a.Encapsulate(ma.StringCast("/p2p/"+h.host.ID().String())).String())
	}
	return out
}

// Close stops the host.
func (h *Host) Close() error {
	h.cancel()
	h.wg.Wait()
	var errs []error
	if h.gossip != nil {
		h.gossip.close()
	}
	if h.dht != nil {
		errs = append(errs, h.dht.Close())
	}
	errs = append(errs, h.host.Close())
	return errors.Join(errs...)
}

// ParseAddrs parses multiaddrs that end in /p2p/<peer id>.
func ParseAddrs(addrs []string) ([]peer.AddrInfo, error) {
	var out []peer.AddrInfo
	for _, s := range addrs {
		a, err := ma.NewMultiaddr(strings.TrimSpace(s))
		if err != nil {
			return nil, fmt.Errorf("p2p: bootstrap address %q is not a multiaddr (e.g. /ip4/10.0.0.2/tcp/4001/p2p/12D3KooW...): %w", s, err)
		}
		ai, err := peer.AddrInfoFromP2pAddr(a)
		if err != nil {
			return nil, fmt.Errorf("p2p: bootstrap address %q names no peer: end it with /p2p/<peer id> (the node prints its own): %w", s, err)
		}
		out = append(out, *ai)
	}
	return out, nil
}

// LoadOrCreateKey reads the host key at path (hex of a marshalled libp2p
// private key), creating an Ed25519 key there when there is none: a node
// keeps its peer id across restarts, whatever its address.
func LoadOrCreateKey(path string) (crypto.PrivKey, error) {
	b, err := os.ReadFile(path)
	if err == nil {
		raw, err := hex.DecodeString(strings.TrimSpace(string(b)))
		if err != nil {
			return nil, fmt.Errorf("p2p: %s does not hold a hex libp2p key (remove it to make a new one): %w", path, err)
		}
		k, err := crypto.UnmarshalPrivateKey(raw)
		if err != nil {
			return nil, fmt.Errorf("p2p: %s does not hold a libp2p key (remove it to make a new one): %w", path, err)
		}
		return k, nil
	}
	if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("p2p: read the host key: %w", err)
	}
	k, _, err := crypto.GenerateEd25519Key(rand.Reader)
	if err != nil {
		return nil, err
	}
	raw, err := crypto.MarshalPrivateKey(k)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("p2p: create the folder of %s: %w", path, err)
	}
	if err := os.WriteFile(path, []byte(hex.EncodeToString(raw)+"\n"), 0o600); err != nil {
		return nil, fmt.Errorf("p2p: write the host key: %w", err)
	}
	return k, nil
}

// penalise gives p points for what it did, and disconnects it at the ban
// threshold.
func (h *Host) penalise(p peer.ID, points float64, what string) {
	if h.scores.add(p, points) {
		h.m.bans.Inc()
		h.log.Warn("peer banned", "peer", p, "last", what, "for", h.cfg.Limits.BanFor)
		h.forget(p)
		_ = h.host.Network().ClosePeer(p)
		return
	}
	h.log.Debug("peer penalised", "peer", p, "for", what, "points", points)
}

func (h *Host) allow(p peer.ID) bool { return !h.scores.isBanned(p) && h.scores.allow(p) }

// seen records that p connected, or lost its last connection. A client
// that left is forgotten at once; a node, after keepGone.
func (h *Host) seen(p peer.ID, connected bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	id, ok := h.peers[p]
	switch {
	case !ok:
	case connected:
		id.gone = time.Time{}
	case id.role == RoleClient:
		delete(h.peers, p)
	default:
		id.gone = time.Now()
	}
}

// pruneGone forgets the nodes gone for longer than keepGone.
func (h *Host) pruneGone() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for p, id := range h.peers {
		if !id.gone.IsZero() && time.Since(id.gone) > keepGone {
			if h.bySigner[id.signer] == p {
				delete(h.bySigner, id.signer)
			}
			delete(h.peers, p)
		}
	}
}

// forget drops what p proved.
func (h *Host) forget(p peer.ID) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if id, ok := h.peers[p]; ok {
		if h.bySigner[id.signer] == p {
			delete(h.bySigner, id.signer)
		}
		delete(h.peers, p)
	}
}

// lost is told a peer could not be reached: its addresses may have
// changed, so discovery looks it up again.
func (h *Host) lost(p peer.ID) {
	h.mu.Lock()
	if h.looking[p] || len(h.looking) >= maxLookups {
		h.mu.Unlock()
		return
	}
	h.looking[p] = true
	h.mu.Unlock()
	go func() {
		defer func() {
			h.mu.Lock()
			delete(h.looking, p)
			h.mu.Unlock()
		}()
		ctx, cancel := context.WithTimeout(h.ctx, 5*time.Second)
		defer cancel()
		if ai, err := h.dht.FindPeer(ctx, p); err == nil && len(ai.Addrs) > 0 {
			_ = h.host.Connect(ctx, ai)
		}
	}()
}

// connectBootstrap dials the bootstrap peers (not an error when they are
// down: discovery keeps trying).
func (h *Host) connectBootstrap(ctx context.Context) {
	var wg sync.WaitGroup
	for _, ai := range h.boot {
		if ai.ID == h.host.ID() || h.host.Network().Connectedness(ai.ID) == network.Connected {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
			defer cancel()
			if err := h.host.Connect(cctx, ai); err != nil {
				h.log.Debug("bootstrap peer not reachable", "peer", ai.ID, "err", err)
			}
		}()
	}
	wg.Wait()
}

// maxLookups bounds the DHT lookups of unreachable peers in flight.
const maxLookups = 64

// namespace is the DHT rendezvous of the network's key manager and workers.
func (h *Host) namespace() string { return "enigma/" + h.cfg.Network.String() + "/nodes" }

// discoverLoop advertises the host (km, worker) and connects to the
// network's nodes found in the DHT, every DiscoverEvery.
func (h *Host) discoverLoop() {
	defer h.wg.Done()
	lastAdvertised := time.Time{}
	for first := true; ; first = false {
		// Until the host has advertised itself (the DHT needs peers
		// first), it tries again soon; then every DiscoverEvery.
		every := h.cfg.DiscoverEvery
		if lastAdvertised.IsZero() && h.cfg.Role != RoleClient {
			every = min(every, 500*time.Millisecond)
		}
		if !first {
			select {
			case <-h.ctx.Done():
				return
			case <-time.After(every):
			}
		}
		h.connectBootstrap(h.ctx)
		if h.dht.RoutingTable().Size() == 0 && len(h.host.Network().Peers()) > 0 {
			ctx, cancel := context.WithTimeout(h.ctx, 5*time.Second)
			select {
			case <-h.dht.RefreshRoutingTable():
			case <-ctx.Done():
			}
			cancel()
		}
		if h.cfg.Role != RoleClient && time.Since(lastAdvertised) > 5*time.Minute && h.dht.RoutingTable().Size() > 0 {
			ctx, cancel := context.WithTimeout(h.ctx, 10*time.Second)
			if _, err := h.disc.Advertise(ctx, h.namespace()); err == nil {
				lastAdvertised = time.Now()
			} else {
				h.log.Debug("advertise in the DHT", "err", err)
			}
			cancel()
		}
		h.discover(h.ctx, 10*time.Second)
		// Peers that did not answer who they are, or whose signer the
		// chain did not list yet, are asked again.
		h.recheckPending()
		h.pruneGone()
	}
}

// discover connects to the network's nodes the DHT lists, for up to d.
func (h *Host) discover(ctx context.Context, d time.Duration) {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	found, err := h.disc.FindPeers(ctx, h.namespace())
	if err != nil {
		return
	}
	var wg sync.WaitGroup
	for ai := range found {
		if ai.ID == h.host.ID() || len(ai.Addrs) == 0 || h.host.Network().Connectedness(ai.ID) == network.Connected {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = h.host.Connect(ctx, ai)
		}()
	}
	wg.Wait()
}

// Banned reports whether p is refused for misbehaving.
func (h *Host) Banned(p peer.ID) bool { return h.scores.isBanned(p) }
