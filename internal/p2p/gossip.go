package p2p

import (
	"context"
	"encoding/json"
	"sync"
	"time"

	pubsub "github.com/libp2p/go-libp2p-pubsub"
	"github.com/libp2p/go-libp2p/core/network"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/workerapi"
)

// Gossip limits.
const (
	maxGossipMessage = 4 << 20
	resultCacheSize  = 1 << 16
)

// EpochNotice is what the key manager announces when the chain took a new
// epoch. It is a hint: a node that acts on it reads the epoch from the
// chain.
type EpochNotice struct {
	FirstBlock uint64           `json:"firstBlock"`
	Seed       api.Hash         `json:"seed"`
	Workers    []api.EthAddress `json:"workers"`
}

// gossip holds the host's topics and what they brought.
type gossip struct {
	h       *Host
	results *pubsub.Topic
	epochs  *pubsub.Topic
	cancel  context.CancelFunc
	wg      sync.WaitGroup

	mu        sync.Mutex
	cache     map[api.TaskID]*workerapi.TaskResult
	order     []api.TaskID // insertion order, for eviction
	lastEpoch *EpochNotice
	onResult  []func(*workerapi.TaskResult)
	onEpoch   []func(EpochNotice)
}

func newGossip(h *Host) (*gossip, error) {
	params := &pubsub.PeerScoreParams{
		AppSpecificScore:  func(p peer.ID) float64 { return -h.scores.value(p) },
		AppSpecificWeight: 1,
		DecayInterval:     time.Second,
		DecayToZero:       0.01,
		RetainScore:       10 * time.Minute,
		Topics:            map[string]*pubsub.TopicScoreParams{},
	}
	thresholds := &pubsub.PeerScoreThresholds{GossipThreshold: -20, PublishThreshold: -50, GraylistThreshold: -80}
	ps, err := pubsub.NewGossipSub(h.ctx, h.host,
		pubsub.WithMessageSignaturePolicy(pubsub.StrictSign),
		pubsub.WithMaxMessageSize(maxGossipMessage),
		pubsub.WithPeerScore(params, thresholds),
	)
	if err != nil {
		return nil, err
	}
	h.ps = ps
	g := &gossip{h: h, cache: make(map[api.TaskID]*workerapi.TaskResult)}
	net := h.cfg.Network.String()
	resultsName, epochsName := "enigma/"+net+"/results/1", "enigma/"+net+"/epochs/1"
	if err := ps.RegisterTopicValidator(resultsName, g.validate(RoleWorker, func(b []byte) bool {
		var r workerapi.TaskResult
		return json.Unmarshal(b, &r) == nil && r.Status.Final()
	})); err != nil {
		return nil, err
	}
	if err := ps.RegisterTopicValidator(epochsName, g.validate(RoleKM, func(b []byte) bool {
		var e EpochNotice
		return json.Unmarshal(b, &e) == nil
	})); err != nil {
		return nil, err
	}
	if g.results, err = ps.Join(resultsName); err != nil {
		return nil, err
	}
	if g.epochs, err = ps.Join(epochsName); err != nil {
		return nil, err
	}
	rs, err := g.results.Subscribe()
	if err != nil {
		return nil, err
	}
	es, err := g.epochs.Subscribe()
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(h.ctx)
	g.cancel = cancel
	g.wg.Add(2)
	go g.read(ctx, rs, g.tookResult)
	go g.read(ctx, es, g.tookEpoch)
	return g, nil
}

func (g *gossip) close() {
	g.cancel()
	g.wg.Wait()
}

// validate accepts a message only when its signed origin proved role and
// it decodes; otherwise the origin is penalised (an origin not known here
// is neither trusted nor blamed).
func (g *gossip) validate(role Role, decodes func([]byte) bool) func(context.Context, peer.ID, *pubsub.Message) pubsub.ValidationResult {
	return func(_ context.Context, from peer.ID, m *pubsub.Message) pubsub.ValidationResult {
		if from == g.h.host.ID() {
			return pubsub.ValidationAccept
		}
		origin := m.GetFrom()
		id := g.h.proved(origin)
		switch {
		case id == nil || id.pending:
			// Not (yet) known here: neither trusted nor blamed; asked who
			// it is, for its next message.
			if g.h.host.Network().Connectedness(origin) == network.Connected {
				go g.h.identify(origin)
			}
			return pubsub.ValidationIgnore
		case id.role != role:
			g.h.penalise(origin, penaltyGossip, "gossip on a topic its role does not publish on")
			return pubsub.ValidationReject
		case !decodes(m.Data):
			g.h.penalise(origin, penaltyGossip, "a malformed gossip message")
			return pubsub.ValidationReject
		}
		return pubsub.ValidationAccept
	}
}

func (g *gossip) read(ctx context.Context, sub *pubsub.Subscription, took func([]byte)) {
	defer g.wg.Done()
	defer sub.Cancel()
	for {
		m, err := sub.Next(ctx)
		if err != nil {
			return
		}
		took(m.Data)
	}
}

func (g *gossip) tookResult(b []byte) {
	var r workerapi.TaskResult
	if json.Unmarshal(b, &r) != nil {
		return
	}
	g.mu.Lock()
	if _, ok := g.cache[r.TaskID]; !ok {
		if len(g.order) >= resultCacheSize {
			delete(g.cache, g.order[0])
			g.order = g.order[1:]
		}
		g.order = append(g.order, r.TaskID)
	}
	g.cache[r.TaskID] = &r
	hooks := g.onResult
	g.mu.Unlock()
	for _, f := range hooks {
		f(&r)
	}
}

func (g *gossip) tookEpoch(b []byte) {
	var e EpochNotice
	if json.Unmarshal(b, &e) != nil {
		return
	}
	g.mu.Lock()
	if g.lastEpoch != nil && g.lastEpoch.FirstBlock >= e.FirstBlock {
		g.mu.Unlock()
		return
	}
	g.lastEpoch = &e
	hooks := g.onEpoch
	g.mu.Unlock()
	for _, f := range hooks {
		f(e)
	}
}

// AnnounceResult publishes a task's final result (worker.Config.Announce).
func (h *Host) AnnounceResult(r *workerapi.TaskResult) {
	b, err := json.Marshal(r)
	if err != nil || len(b) > maxGossipMessage-1024 {
		return // too big to gossip: gateways ask the worker
	}
	ctx, cancel := context.WithTimeout(h.ctx, 5*time.Second)
	defer cancel()
	if err := h.gossip.results.Publish(ctx, b); err != nil {
		h.log.Debug("announce a task result", "task", r.TaskID, "err", err)
	}
}

// AnnounceEpoch publishes an epoch the chain took (the key manager).
func (h *Host) AnnounceEpoch(e EpochNotice) {
	b, _ := json.Marshal(e)
	ctx, cancel := context.WithTimeout(h.ctx, 5*time.Second)
	defer cancel()
	if err := h.gossip.epochs.Publish(ctx, b); err != nil {
		h.log.Debug("announce an epoch", "epoch", e.FirstBlock, "err", err)
	}
}

// AnnouncedResult is the result announced for a task, or nil. It is what
// a worker said: check it against the chain before reporting it
// (worker.Router does).
func (h *Host) AnnouncedResult(id api.TaskID) *workerapi.TaskResult {
	g := h.gossip
	g.mu.Lock()
	defer g.mu.Unlock()
	r := g.cache[id]
	if r == nil {
		return nil
	}
	c := *r
	return &c
}

// LastEpoch is the latest epoch announced, or nil.
func (h *Host) LastEpoch() *EpochNotice {
	g := h.gossip
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.lastEpoch
}

// OnResult and OnEpoch call f with every result or newer epoch announced
// (from the gossip's reader: f must not block).
func (h *Host) OnResult(f func(*workerapi.TaskResult)) {
	h.gossip.mu.Lock()
	defer h.gossip.mu.Unlock()
	h.gossip.onResult = append(h.gossip.onResult, f)
}

func (h *Host) OnEpoch(f func(EpochNotice)) {
	h.gossip.mu.Lock()
	defer h.gossip.mu.Unlock()
	h.gossip.onEpoch = append(h.gossip.onEpoch, f)
}
