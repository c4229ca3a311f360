package netns

import (
	"context"
	"io"
	"net"
	"sync"
	"time"
)

// Relay pipes each connection accepted on its listener to a new one made
// by its dial function: a port of one namespace that reaches an address
// seen from another (a host's view, a chain node on loopback).
type Relay struct {
	ln   net.Listener
	dial func(context.Context) (net.Conn, error)

	mu     sync.Mutex
	open   map[net.Conn]bool
	closed bool
}

// relayDialTimeout bounds the dial of each relayed connection.
const relayDialTimeout = 5 * time.Second

// NewRelay starts relaying ln's connections to dial's until Close.
func NewRelay(ln net.Listener, dial func(context.Context) (net.Conn, error)) *Relay {
	r := &Relay{ln: ln, dial: dial, open: map[net.Conn]bool{}}
	go r.serve()
	return r
}

// Addr is the relay's listening address.
func (r *Relay) Addr() net.Addr { return r.ln.Addr() }

// Close stops the relay and closes the connections it holds.
func (r *Relay) Close() error {
	err := r.ln.Close()
	r.mu.Lock()
	defer r.mu.Unlock()
	r.closed = true
	for c := range r.open {
		c.Close()
	}
	return err
}

func (r *Relay) track(c net.Conn, on bool) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if on && r.closed {
		return false
	}
	if on {
		r.open[c] = true
	} else {
		delete(r.open, c)
	}
	return true
}

func (r *Relay) serve() {
	for {
		in, err := r.ln.Accept()
		if err != nil {
			return
		}
		go func() {
			defer in.Close()
			ctx, cancel := context.WithTimeout(context.Background(), relayDialTimeout)
			out, err := r.dial(ctx)
			cancel()
			if err != nil {
				return
			}
			defer out.Close()
			if !r.track(in, true) || !r.track(out, true) {
				return
			}
			defer r.track(in, false)
			defer r.track(out, false)
			done := make(chan struct{}, 2)
			go func() { io.Copy(out, in); done <- struct{}{} }()
			go func() { io.Copy(in, out); done <- struct{}{} }()
			<-done
		}()
	}
}
