package workerhttp

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/worker"
)

// Peers is a worker.Directory of worker processes known by URL. A peer's
// signing address is learned when it first answers and is believed only
// once the peer passed the Verifier (its enclave answers a challenge for
// that signer and this URL, and the signer is a registered worker); until
// then it is left out, and it is asked again at most every Config.ResolveEvery, so workers
// and gateways start in any order. A peer that goes down stays listed:
// calls to it fail with api.CodeUnavailable, which tells the caller more
// than a worker it never heard of. A peer restarted with a new identity is
// found when a caller asks for its new signer. Safe for concurrent use.
type Peers struct {
	cfg    Config
	log    *slog.Logger
	verify Verifier

	mu       sync.Mutex
	urls     []string
	byURL    map[string]*Client
	bySigner map[api.EthAddress]*Client
	tried    map[string]time.Time // last time each URL was dialled
	// dialing holds, per URL being dialled, a channel closed once the
	// dial is done: a concurrent caller waits for it rather than miss
	// the peer.
	dialing map[string]chan struct{}
}

var _ worker.Directory = (*Peers)(nil)

// Verifier checks that a peer is the registered worker it claims to be,
// reached over transport; *worker.PeerVerifier is one.
type Verifier interface {
	Verify(ctx context.Context, n worker.Node, transport []byte) error
}

var _ Verifier = (*worker.PeerVerifier)(nil)

// NewPeers returns a directory of the workers at urls, each listed once v
// verified it; it contacts none yet (see Refresh).
func NewPeers(urls []string, v Verifier, cfg Config) (*Peers, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if v == nil {
		return nil, errors.New("workerhttp: Peers needs a Verifier (worker.NewPeerVerifier): a peer is not believed on its word")
	}
	p := &Peers{cfg: cfg, verify: v, log: cfg.logger().With("component", "workerhttp"), byURL: map[string]*Client{},
		bySigner: map[api.EthAddress]*Client{}, tried: map[string]time.Time{}, dialing: map[string]chan struct{}{}}
	for _, u := range urls {
		u = strings.TrimRight(strings.TrimSpace(u), "/")
		if u == "" || slices.Contains(p.urls, u) {
			continue
		}
		if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
			return nil, api.Errorf(api.CodeInvalidInput, "workerhttp: peer URL %q must start with http:// or https://", u)
		}
		p.urls = append(p.urls, u)
	}
	return p, nil
}

// Refresh contacts every peer whose signing address is not known yet and
// reports those that did not answer.
func (p *Peers) Refresh(ctx context.Context) error {
	return p.resolve(ctx, true, false)
}

// resolve dials, at once, the peers whose signing address is not known
// (all of them when force is set, else those not tried within
// ResolveEvery) and, with recheck, also the known ones not checked within
// ResolveEvery: a worker restarted with a new identity answers with
// another signer. A peer not known yet that another caller is dialling is
// waited for, so that caller's answer is not missed.
func (p *Peers) resolve(ctx context.Context, force, recheck bool) error {
	p.mu.Lock()
	var todo []string
	var others []chan struct{}
	now := time.Now()
	for _, u := range p.urls {
		_, known := p.byURL[u]
		if known && !recheck {
			continue
		}
		if ch, busy := p.dialing[u]; busy {
			if !known {
				others = append(others, ch)
			}
			continue
		}
		if t, ok := p.tried[u]; ok && !force && now.Sub(t) < p.cfg.ResolveEvery {
			continue
		}
		p.tried[u] = now // one caller at a time dials a peer
		p.dialing[u] = make(chan struct{})
		todo = append(todo, u)
	}
	p.mu.Unlock()
	// A peer that is starting accepts connections before it serves: do
	// not let it hold up a caller for long.
	ctx, cancel := context.WithTimeout(ctx, min(p.cfg.ClientTimeout, 3*time.Second))
	defer cancel()
	defer func() {
		for _, ch := range others {
			select {
			case <-ch:
			case <-ctx.Done():
			}
		}
	}()
	if len(todo) == 0 {
		return nil
	}
	errs := make([]error, len(todo))
	clients := make([]*Client, len(todo))
	var wg sync.WaitGroup
	for i, u := range todo {
		wg.Add(1)
		go func() {
			defer wg.Done()
			clients[i], errs[i] = p.dialVerified(ctx, u)
		}()
	}
	wg.Wait()
	p.mu.Lock()
	defer p.mu.Unlock()
	defer func() {
		for _, u := range todo {
			close(p.dialing[u])
			delete(p.dialing, u)
		}
	}()
	for i, u := range todo {
		if errs[i] != nil {
			errs[i] = fmt.Errorf("peer %s: %w", u, errs[i]) // a known peer stays listed: callers learn it is down
			continue
		}
		c := clients[i]
		if prev, dup := p.bySigner[c.signer]; dup && prev.url != u {
			errs[i] = fmt.Errorf("peers %s and %s have the same signing address %s: list each worker once", prev.url, u, c.signer)
			continue
		}
		if old, known := p.byURL[u]; known {
			if old.signer == c.signer {
				continue
			}
			delete(p.bySigner, old.signer)
			p.log.Info("worker peer answers with a new signing address", "url", u, "was", old.signer, "now", c.signer)
		} else {
			p.log.Info("worker peer found", "url", u, "signer", c.signer)
		}
		p.byURL[u], p.bySigner[c.signer] = c, c
	}
	return errors.Join(errs...)
}

// dialVerified dials the peer at u and, unless it answers with the signer
// already verified for u, verifies it.
func (p *Peers) dialVerified(ctx context.Context, u string) (*Client, error) {
	c, err := Dial(ctx, u, p.cfg)
	if err != nil {
		return nil, err
	}
	p.mu.Lock()
	old, known := p.byURL[u]
	p.mu.Unlock()
	if known && old.signer == c.signer {
		return c, nil
	}
	if err := p.verify.Verify(ctx, c, []byte(u)); err != nil {
		p.log.Warn("worker peer failed its identity check; not used", "url", u, "claims", c.signer, "err", err)
		return nil, err
	}
	return c, nil
}

// Node implements worker.Directory. A signer not known makes it ask the
// peers it has not reached, and check that the others still sign as
// before.
func (p *Peers) Node(signer api.EthAddress) (worker.Node, bool) {
	if c, ok := p.lookup(signer); ok {
		return c, true
	}
	if err := p.resolve(context.Background(), false, true); err != nil {
		p.log.Debug("some worker peers are not reachable", "err", err)
	}
	c, ok := p.lookup(signer)
	if !ok {
		return nil, false
	}
	return c, true
}

func (p *Peers) lookup(signer api.EthAddress) (*Client, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	c, ok := p.bySigner[signer]
	return c, ok
}

// Nodes implements worker.Directory: the peers whose signing address is
// known, in signer order.
func (p *Peers) Nodes() []worker.Node {
	if err := p.resolve(context.Background(), false, false); err != nil {
		p.log.Debug("some worker peers are not reachable", "err", err)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]worker.Node, 0, len(p.bySigner))
	for _, c := range p.bySigner {
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b worker.Node) int {
		x, y := a.Signer(), b.Signer()
		return slices.Compare(x[:], y[:])
	})
	return out
}

// URLs are the peers' URLs as configured.
func (p *Peers) URLs() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.urls)
}
