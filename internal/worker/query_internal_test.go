package worker

import (
	"strings"
	"testing"
	"time"

	"github.com/enigma-go/enigma/api"
)

// The replay set refuses a query it holds, forgets one at its expiry or
// when asked, and refuses new ones while full.
func TestQuerySet(t *testing.T) {
	s := newQuerySet(3)
	now := time.Unix(1_000, 0)
	h := func(b byte) [32]byte { return [32]byte{b} }
	for i, exp := range []uint64{1_100, 1_050, 1_200} {
		if err := s.remember(h(byte(i)), exp, now); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.remember(h(0), 1_100, now); api.CodeOf(err) != api.CodeReplay {
		t.Fatalf("replay: %v", err)
	}
	err := s.remember(h(9), 1_100, now)
	if api.CodeOf(err) != api.CodeRateLimited || err.Error() != "worker: too many queries in flight; retry" {
		t.Fatalf("full: %v", err)
	}
	// Forgotten (no answer given): it may come again, and there is room.
	s.forget(h(1))
	if err := s.remember(h(1), 1_050, now); err != nil {
		t.Fatalf("forgotten query again: %v", err)
	}
	// At 1,051 the query expiring at 1,050 is gone; until then it is a replay.
	if err := s.remember(h(1), 1_050, time.Unix(1_050, 0)); api.CodeOf(err) != api.CodeReplay {
		t.Fatalf("at its expiry: %v", err)
	}
	if err := s.remember(h(9), 1_300, time.Unix(1_051, 0)); err != nil {
		t.Fatalf("after an expiry: %v", err)
	}
	if s.len() != 3 {
		t.Fatalf("%d held", s.len())
	}
	// Everything expires.
	if err := s.remember(h(10), 2_000, time.Unix(1_301, 0)); err != nil || s.len() != 1 {
		t.Fatalf("after all expired: %v, %d held", err, s.len())
	}
}

// A heap full of forgotten entries is rebuilt from the set.
func TestQuerySetForgottenBounded(t *testing.T) {
	s := newQuerySet(2)
	now := time.Unix(10, 0)
	for i := range 200 {
		h := [32]byte{byte(i), byte(i >> 8)}
		if err := s.remember(h, 1_000, now); err != nil {
			t.Fatal(err)
		}
		s.forget(h)
	}
	if len(s.byTime) > 2*s.max+17 || s.len() != 0 {
		t.Fatalf("heap of %d for %d entries", len(s.byTime), s.len())
	}
}

func TestCheckExpiry(t *testing.T) {
	now := time.Unix(5_000, 0)
	for _, c := range []struct {
		expiry uint64
		ok     bool
	}{{4_999, false}, {5_000, true}, {5_000 + 3600, true}, {5_000 + 3601, false}, {0, false}, {^uint64(0), false}} {
		err := checkExpiry(c.expiry, now)
		if (err == nil) != c.ok || (err != nil && api.CodeOf(err) != api.CodeExpired) {
			t.Errorf("expiry %d: %v", c.expiry, err)
		}
	}
	if err := checkExpiry(6_000_000, now); err == nil || !strings.Contains(err.Error(), "more than 1h ahead") {
		t.Fatalf("far ahead: %v", err)
	}
}
