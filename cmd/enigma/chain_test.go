package main

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestChainCommandStartsAndStops(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 1500*time.Millisecond)
	defer cancel()
	if err := runChain(ctx, []string{"--port", "0", "--block-time", "100ms", "--accounts", "2"}); err != nil {
		t.Fatal(err)
	}
	if err := runChain(context.Background(), []string{"--host", "0.0.0.0", "--port", "0"}); err == nil {
		t.Fatal("a non-loopback host was accepted")
	}
	if err := runChain(context.Background(), []string{"--port", "0", "--cors", "evil.example"}); err == nil || !strings.Contains(err.Error(), "CORS origin") {
		t.Fatalf("a malformed --cors: %v", err)
	}
	if err := runChain(context.Background(), []string{"--no-such-flag"}); !errors.Is(err, errUsage) {
		t.Fatalf("bad flag: %v", err)
	}
}
