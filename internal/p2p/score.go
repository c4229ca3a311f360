package p2p

import (
	"sync"
	"time"

	"github.com/libp2p/go-libp2p/core/control"
	"github.com/libp2p/go-libp2p/core/network"
	"github.com/libp2p/go-libp2p/core/peer"
	ma "github.com/multiformats/go-multiaddr"
	"golang.org/x/time/rate"
)

// Penalty points (doc.go, "Bad peers"). A peer at banPoints is
// disconnected and refused for Limits.BanFor; points halve every
// pointsHalfLife.
const (
	penaltyFlood     = 5
	penaltyGossip    = 20
	penaltyMalformed = 25
	penaltyIdentity  = 100
	banPoints        = 100
	pointsHalfLife   = time.Minute
	maxTrackedPeers  = 4096
)

// scores tracks each peer's penalty points, its request rate and its bans;
// it is the host's connection gater.
type scores struct {
	limits Limits
	now    func() time.Time

	mu     sync.Mutex
	points map[peer.ID]*standing
}

type standing struct {
	points   float64
	at       time.Time
	banned   time.Time // until
	limiter  *rate.Limiter
	lastSeen time.Time
}

func newScores(l Limits) *scores {
	return &scores{limits: l, now: time.Now, points: make(map[peer.ID]*standing)}
}

// get returns p's standing, creating it (s.mu held).
func (s *scores) get(p peer.ID) *standing {
	st, ok := s.points[p]
	now := s.now()
	if !ok {
		if len(s.points) >= maxTrackedPeers {
			s.evict(now)
		}
		st = &standing{at: now, limiter: rate.NewLimiter(rate.Limit(s.limits.RequestsPerSecond), s.limits.RequestBurst)}
		s.points[p] = st
	}
	st.lastSeen = now
	// Decay.
	if dt := now.Sub(st.at); dt > 0 && st.points > 0 {
		halves := float64(dt) / float64(pointsHalfLife)
		for ; halves >= 1 && st.points > 0.01; halves-- {
			st.points /= 2
		}
		st.at = now
	}
	return st
}

// evict forgets the peers seen longest ago that are not banned (s.mu held).
func (s *scores) evict(now time.Time) {
	for p, st := range s.points {
		if now.After(st.banned) && now.Sub(st.lastSeen) > time.Minute {
			delete(s.points, p)
		}
	}
	if len(s.points) >= maxTrackedPeers {
		for p, st := range s.points {
			if now.After(st.banned) {
				delete(s.points, p)
				if len(s.points) < maxTrackedPeers/2 {
					return
				}
			}
		}
	}
}

// add gives p points and reports whether p is now banned.
func (s *scores) add(p peer.ID, points float64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.get(p)
	st.points += points
	if st.points >= banPoints {
		st.banned = s.now().Add(s.limits.BanFor)
		st.points = 0
		return true
	}
	return false
}

// value is p's current points (for gossipsub's application score).
func (s *scores) value(p peer.ID) float64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, ok := s.points[p]
	if !ok {
		return 0
	}
	if s.now().Before(st.banned) {
		return banPoints
	}
	return s.get(p).points
}

func (s *scores) isBanned(p peer.ID) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, ok := s.points[p]
	return ok && s.now().Before(st.banned)
}

// allow takes one request from p's rate.
func (s *scores) allow(p peer.ID) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.get(p).limiter.Allow()
}

// The connection gater: a banned peer is neither dialled nor accepted.

func (s *scores) InterceptPeerDial(p peer.ID) bool                 { return !s.isBanned(p) }
func (s *scores) InterceptAddrDial(p peer.ID, _ ma.Multiaddr) bool { return !s.isBanned(p) }
func (s *scores) InterceptAccept(network.ConnMultiaddrs) bool      { return true }
func (s *scores) InterceptSecured(_ network.Direction, p peer.ID, _ network.ConnMultiaddrs) bool {
	return !s.isBanned(p)
}
func (s *scores) InterceptUpgraded(network.Conn) (bool, control.DisconnectReason) { return true, 0 }
