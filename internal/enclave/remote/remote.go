// Package remote carries the enclave protocol over a byte stream, so an
// enclave can run in another process (a child process today, an SGX enclave
// runtime such as EGo later) while the host keeps using enclave.Enclave and
// enclave.KeyManager.
//
// On the stream every message is
//
//	u32BE(length) ‖ u64BE(call id) ‖ frame
//
// where frame is a protocol frame (docs/protocol/enclave.md) and length
// counts the id and the frame. Calls are multiplexed: the server handles
// them concurrently and answers each with the id it came with, in any order.
//
// This package must not import the state store, the chain or network code;
// it knows nothing of what the frames mean.
package remote

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/enclave"
)

const headerSize = 4 + 8

// ErrClosed is returned by calls on a closed or broken connection.
var ErrClosed = &api.Error{Code: api.CodeUnavailable, Message: "remote: the enclave connection is closed; restart the enclave process"}

func writeMessage(w io.Writer, id uint64, frame []byte) error {
	var h [headerSize]byte
	binary.BigEndian.PutUint32(h[:4], uint32(8+len(frame)))
	binary.BigEndian.PutUint64(h[4:], id)
	if _, err := w.Write(h[:]); err != nil {
		return err
	}
	_, err := w.Write(frame)
	return err
}

func readMessage(r io.Reader) (uint64, []byte, error) {
	var h [headerSize]byte
	if _, err := io.ReadFull(r, h[:]); err != nil {
		return 0, nil, err
	}
	n := binary.BigEndian.Uint32(h[:4])
	if n < 8 || n-8 > enclave.MaxFrameSize {
		return 0, nil, fmt.Errorf("remote: message length %d out of range (8..%d)", n, 8+enclave.MaxFrameSize)
	}
	frame := make([]byte, n-8)
	if _, err := io.ReadFull(r, frame); err != nil {
		return 0, nil, err
	}
	return binary.BigEndian.Uint64(h[4:]), frame, nil
}

// Serve answers calls read from r with h and writes the answers to w until r
// ends (nil) or fails. At most parallel calls run at once (at least 1).
func Serve(ctx context.Context, r io.Reader, w io.Writer, h *enclave.Handler, parallel int) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var wmu sync.Mutex
	bw := bufio.NewWriterSize(w, 64<<10)
	sem := make(chan struct{}, max(parallel, 1))
	var wg sync.WaitGroup
	defer wg.Wait()
	for {
		id, frame, err := readMessage(br)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			out := h.Handle(ctx, frame)
			wmu.Lock()
			defer wmu.Unlock()
			if err := writeMessage(bw, id, out); err == nil {
				bw.Flush()
			}
		})
	}
}

// Conn is the host side of a stream: an enclave.Transport. It is safe for
// concurrent use.
type Conn struct {
	w  io.WriteCloser
	wm sync.Mutex

	mu      sync.Mutex
	next    uint64
	waiting map[uint64]chan []byte
	err     error // set once the read side ends
	done    chan struct{}
}

// NewConn starts reading answers from r; calls are written to w. Closing
// the Conn closes w, which ends the server's Serve.
func NewConn(r io.Reader, w io.WriteCloser) *Conn {
	c := &Conn{w: w, waiting: map[uint64]chan []byte{}, done: make(chan struct{})}
	go c.readLoop(bufio.NewReaderSize(r, 64<<10))
	return c
}

func (c *Conn) readLoop(r io.Reader) {
	var err error
	for {
		var id uint64
		var frame []byte
		if id, frame, err = readMessage(r); err != nil {
			break
		}
		c.mu.Lock()
		ch := c.waiting[id]
		delete(c.waiting, id)
		c.mu.Unlock()
		if ch != nil {
			ch <- frame
		}
	}
	c.mu.Lock()
	c.err = fmt.Errorf("%w: %v", ErrClosed, err)
	c.mu.Unlock()
	close(c.done)
}

// RoundTrip implements enclave.Transport.
func (c *Conn) RoundTrip(ctx context.Context, req []byte) ([]byte, error) {
	ch := make(chan []byte, 1)
	c.mu.Lock()
	if c.err != nil {
		err := c.err
		c.mu.Unlock()
		return nil, err
	}
	c.next++
	id := c.next
	c.waiting[id] = ch
	c.mu.Unlock()

	c.wm.Lock()
	err := writeMessage(c.w, id, req)
	c.wm.Unlock()
	if err != nil {
		c.forget(id)
		return nil, fmt.Errorf("%w: %v", ErrClosed, err)
	}
	select {
	case out := <-ch:
		return out, nil
	case <-c.done:
		c.mu.Lock()
		defer c.mu.Unlock()
		return nil, c.err
	case <-ctx.Done():
		c.forget(id) // the answer, if it comes, is dropped
		return nil, ctx.Err()
	}
}

func (c *Conn) forget(id uint64) {
	c.mu.Lock()
	delete(c.waiting, id)
	c.mu.Unlock()
}

// Close closes the write side; pending calls fail once the server ends the
// stream.
func (c *Conn) Close() error { return c.w.Close() }
