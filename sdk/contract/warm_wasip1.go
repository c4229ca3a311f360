//go:build wasip1

package contract

// warm holds what warmAllocator allocated, so the spans stay in use.
var warm [][]byte
var warmPtrs [][]*byte

func init() { warmAllocator() }

// warmAllocator allocates one object of every small size class, with and
// without pointers, while the runtime initialises. The VM snapshots the
// module after initialisation and starts every task from that snapshot, so
// without this every task would pay again for fetching a fresh span the
// first time it allocates in a size class (thousands of instructions each).
func warmAllocator() {
	for size := 8; size <= 32<<10; size += size / 4 {
		warm = append(warm, make([]byte, size))
		warmPtrs = append(warmPtrs, make([]*byte, size/8))
	}
}
