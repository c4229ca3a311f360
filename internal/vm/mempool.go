package vm

import (
	"sync"

	"github.com/tetratelabs/wazero/experimental"
)

// memPool recycles the byte slices behind instances' linear memories.
// Fresh memory from the OS is paid for in page faults on first touch, which
// on virtual machines cost more than the instantiation itself; a recycled
// buffer only needs clearing. Buffers are cleared as they are handed out
// (see pooledMemory.Reallocate), so nothing of one instance reaches another.
type memPool struct {
	mu      sync.Mutex
	free    [][]byte
	maxFree int
}

func newMemPool(maxFree int) *memPool { return &memPool{maxFree: maxFree} }

// Allocate implements experimental.MemoryAllocator.
func (p *memPool) Allocate(capacity, max uint64) experimental.LinearMemory {
	return &pooledMemory{pool: p, max: max, want: capacity}
}

// take returns a free buffer of capacity at least n, or nil.
func (p *memPool) take(n uint64) []byte {
	p.mu.Lock()
	defer p.mu.Unlock()
	for i, b := range p.free {
		if uint64(cap(b)) >= n {
			p.free[i] = p.free[len(p.free)-1]
			p.free = p.free[:len(p.free)-1]
			return b[:0]
		}
	}
	return nil
}

func (p *memPool) give(b []byte) {
	if cap(b) == 0 {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.free) < p.maxFree {
		p.free = append(p.free, b[:0])
	}
}

// pooledMemory is one instance's linear memory.
type pooledMemory struct {
	pool *memPool
	buf  []byte
	max  uint64
	want uint64
}

// Reallocate grows the memory to size bytes; new bytes are zero.
func (m *pooledMemory) Reallocate(size uint64) []byte {
	if size > m.max {
		return nil
	}
	if size > uint64(cap(m.buf)) {
		nb := m.pool.take(size)
		if nb == nil {
			// Room to grow in place: Go contracts grow their heap by a few
			// MiB at a time.
			c := min(max(size*2, m.want, 16*pageSize), max(m.max, size))
			nb = make([]byte, 0, c)
		}
		old := m.buf
		nb = nb[:len(old)]
		copy(nb, old)
		m.pool.give(old)
		m.buf = nb
	}
	old := len(m.buf)
	m.buf = m.buf[:size]
	clear(m.buf[old:])
	return m.buf
}

// Free returns the buffer to the pool.
func (m *pooledMemory) Free() {
	m.pool.give(m.buf)
	m.buf = nil
}
