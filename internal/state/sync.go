package state

import (
	"context"

	"github.com/enigma-go/enigma/api"
)

// Export implements Store.
func (s *PebbleStore) Export(ctx context.Context, addr api.ContractAddress, from, to uint32) (*DeltaRange, error) {
	release, err := s.enter(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	snap := s.db.NewSnapshot()
	defer snap.Close()
	if err := checkRange(snap, addr, from, to); err != nil {
		return nil, err
	}
	r := &DeltaRange{Contract: addr, From: from, To: to, Deltas: make([]Delta, 0, to-from+1)}
	if from == 0 {
		code, ok, err := get(snap, codeKey(addr))
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, corrupt(errMissingCode(addr))
		}
		r.Code = code
	}
	size := len(r.Code)
	for i := uint64(from); i <= uint64(to); i++ {
		if err := ctx.Err(); err != nil {
			return nil, api.Errorf(api.CodeTimeout, "state: exporting contract %s: %w", addr, err)
		}
		d, err := readDelta(snap, addr, uint32(i))
		if err != nil {
			return nil, err
		}
		// A range is held in memory and sent as one message: bound it.
		if size += len(d.Data) + 40; size > s.cfg.MaxBlobBytes {
			return nil, invalid("contract %s: deltas %d..%d exceed %d bytes (Config.MaxBlobBytes); export a shorter range", addr, from, to, s.cfg.MaxBlobBytes)
		}
		r.Deltas = append(r.Deltas, *d)
	}
	return r, nil
}

func errMissingCode(addr api.ContractAddress) error {
	return corruptf("contract %s has a record but no code", addr)
}

func corruptf(format string, args ...any) error {
	return api.Errorf(api.CodeUnknown, "state: the store holds a damaged record ("+format+"); restore it from a backup or resync the contract", args...)
}

func tampered(format string, args ...any) error {
	return api.Errorf(api.CodeTampered, "state: "+format, args...)
}

// checkRangeAgainstChain checks what needs no store access: the range's
// shape, each delta's hash, and the hashes the chain recorded.
func (s *PebbleStore) checkRangeAgainstChain(r *DeltaRange, chain ChainRecord) error {
	if r == nil {
		return invalid("nil delta range")
	}
	if r.From > r.To || uint64(r.To)-uint64(r.From)+1 != uint64(len(r.Deltas)) {
		return invalid("contract %s: range %d..%d carries %d deltas", r.Contract, r.From, r.To, len(r.Deltas))
	}
	if uint64(len(chain.DeltaHashes)) <= uint64(r.To) {
		return invalid("contract %s: the chain records %d deltas, so it cannot confirm deltas up to %d; read the chain again or import a shorter range",
			r.Contract, len(chain.DeltaHashes), r.To)
	}
	if r.Code != nil {
		if err := s.checkSize("code", r.Code); err != nil {
			return err
		}
		if h := keccak(r.Code); h != chain.CodeHash {
			return tampered("contract %s: the code received hashes to %s, the chain records %s; fetch it from another worker", r.Contract, h, chain.CodeHash)
		}
	}
	for i, d := range r.Deltas {
		want := r.From + uint32(i)
		if d.Index != want {
			return invalid("contract %s: delta %d of the range has index %d; ranges must be contiguous", r.Contract, want, d.Index)
		}
		if err := s.checkSize("delta", d.Data); err != nil {
			return err
		}
		if h := keccak(d.Data); h != d.Hash {
			return tampered("contract %s: delta %d hashes to %s, not the %s it came with; fetch it from another worker", r.Contract, want, h, d.Hash)
		}
		if d.Hash != chain.DeltaHashes[want] {
			return tampered("contract %s: delta %d is %s but the chain records %s; fetch it from another worker", r.Contract, want, d.Hash, chain.DeltaHashes[want])
		}
	}
	return nil
}

// Import implements Store.
func (s *PebbleStore) Import(ctx context.Context, r *DeltaRange, chain ChainRecord) (int, error) {
	if err := s.checkRangeAgainstChain(r, chain); err != nil {
		return 0, err
	}
	added := 0
	err := s.write(ctx, func(t *tx) error {
		added = 0
		addr := r.Contract
		m, known, err := t.meta(addr)
		if err != nil {
			return err
		}
		if !known {
			if r.From != 0 {
				return invalid("contract %s is not in this store, so a range must start at delta 0, not %d", addr, r.From)
			}
			if r.Code == nil {
				return invalid("contract %s is not in this store and the range carries no code; export it from delta 0", addr)
			}
			t.set(codeKey(addr), r.Code)
			m = contractMeta{CodeHash: chain.CodeHash}
		} else {
			if m.CodeHash != chain.CodeHash {
				return tampered("contract %s: the stored code hashes to %s but the chain records %s; remove the contract and resync it", addr, m.CodeHash, chain.CodeHash)
			}
			if r.From > m.Tip.Index+1 {
				return invalid("contract %s: the range starts at delta %d but this store ends at %d; import %d..%d first", addr, r.From, m.Tip.Index, m.Tip.Index+1, r.From-1)
			}
			// Every stored delta the range overlaps or extends must be the
			// chain's, or the chain would fork here.
			lo := r.From
			if lo > 0 {
				lo--
			}
			for i := uint64(lo); i <= uint64(m.Tip.Index) && i <= uint64(r.To); i++ {
				h, err := t.hashAt(addr, uint32(i))
				if err != nil {
					return err
				}
				if h != chain.DeltaHashes[i] {
					return tampered("contract %s: stored delta %d is %s but the chain records %s; roll back to delta %d (RollbackTo) and import again",
						addr, i, h, chain.DeltaHashes[i], int64(i)-1)
				}
			}
		}
		for i := range r.Deltas {
			d := &r.Deltas[i]
			if known && d.Index <= m.Tip.Index {
				continue
			}
			t.putDelta(addr, d)
			added++
		}
		if added == 0 {
			return nil
		}
		last := r.Deltas[len(r.Deltas)-1]
		m.Tip = Tip{Index: last.Index, Hash: last.Hash}
		t.setMeta(addr, m)
		return nil
	})
	if err != nil {
		return 0, err
	}
	return added, nil
}
