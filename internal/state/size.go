package state

// Size is what a store takes, as Pebble accounts it: cheap to read (no
// scan), for the node's metrics.
type Size struct {
	DiskBytes     uint64 // on disk: tables, WAL, manifests, obsolete files not yet deleted
	MemTableBytes uint64 // in memtables
	Tables        int64  // sstables across the levels
}

// Size returns what the store takes now; zero once closed.
func (s *PebbleStore) Size() Size {
	s.life.RLock()
	defer s.life.RUnlock()
	if s.closed {
		return Size{}
	}
	m := s.db.Metrics()
	return Size{DiskBytes: m.DiskSpaceUsage(), MemTableBytes: m.MemTable.Size, Tables: m.Total().TablesCount}
}
