//go:build !linux

package main

import (
	"context"

	"github.com/enigma-go/enigma/internal/netns"
)

// p2pNetns is the two-namespace LAN of bench_p2p_netns.go, which needs
// Linux.
type p2pNetns struct{}

func p2pNetnsPrepare() (*p2pNetns, error) { return nil, netns.Available() }

func (s *p2pNetns) kmListen() []string { return nil }

func (s *p2pNetns) Close() {}

func (s *p2pNetns) measure(context.Context, benchOptions, *p2pNet, int) (p2pNetnsHandoff, error) {
	return p2pNetnsHandoff{}, netns.Available()
}
