package gateway

import (
	"crypto/sha256"
	"net"
	"net/netip"
	"sync"
	"time"
)

const requesterDomain = "enigma-go/gateway: requester v1"

// RequesterOf names the client at remoteAddr (host:port): its IPv4 address,
// or the /64 network of an IPv6 one (a single IPv6 host usually holds a
// whole /64), hashed under a domain.
func RequesterOf(remoteAddr string) [32]byte {
	host, _, err := net.SplitHostPort(remoteAddr)
	if err != nil {
		host = remoteAddr
	}
	name := host
	if ip, err := netip.ParseAddr(host); err == nil {
		ip = ip.Unmap()
		if ip.Is6() {
			p, _ := ip.Prefix(64)
			name = p.String()
		} else {
			name = ip.String()
		}
	}
	return sha256.Sum256([]byte(requesterDomain + "\x00" + name))
}

// bucket is a token bucket: rate tokens a second, at most burst.
type bucket struct {
	tokens float64
	last   time.Time
}

// limiter keeps one token bucket per requester; buckets that have been full
// for a while are forgotten, so its size follows the active requesters.
type limiter struct {
	rate, burst float64
	now         func() time.Time

	mu      sync.Mutex
	buckets map[[32]byte]*bucket
	swept   time.Time
}

func newLimiter(rate float64, burst int, now func() time.Time) *limiter {
	return &limiter{rate: rate, burst: float64(burst), now: now, buckets: map[[32]byte]*bucket{}}
}

// allow takes n tokens from requester's bucket, if it holds them.
func (l *limiter) allow(requester [32]byte, n int) bool {
	if l == nil || l.rate <= 0 {
		return true
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if now.Sub(l.swept) > time.Minute {
		l.sweep(now)
	}
	b := l.buckets[requester]
	if b == nil {
		b = &bucket{tokens: l.burst, last: now}
		l.buckets[requester] = b
	}
	b.tokens = min(l.burst, b.tokens+now.Sub(b.last).Seconds()*l.rate)
	b.last = now
	if b.tokens < float64(n) {
		return false
	}
	b.tokens -= float64(n)
	return true
}

// sweep forgets the buckets that refilled completely. Caller holds mu.
func (l *limiter) sweep(now time.Time) {
	l.swept = now
	for r, b := range l.buckets {
		if b.tokens+now.Sub(b.last).Seconds()*l.rate >= l.burst {
			delete(l.buckets, r)
		}
	}
}
