package state

import (
	"context"
	"errors"
	"fmt"

	"github.com/enigma-go/enigma/api"
)

// CheckConsistency walks every contract of s and checks its delta chain:
// code present, hashes 0..tip present with no gap, each delta hashing to its
// recorded hash, the tip matching the last hash, nothing past the tip, and
// the state blob (if any) naming a delta of the chain. It uses only the
// Store interface, so it checks any backend; the crash tests run it after
// every kill.
func CheckConsistency(ctx context.Context, s Store) error {
	addrs, err := s.Contracts(ctx)
	if err != nil {
		return err
	}
	for _, addr := range addrs {
		if err := checkContract(ctx, s, addr); err != nil {
			return fmt.Errorf("contract %s: %w", addr, err)
		}
	}
	return nil
}

func checkContract(ctx context.Context, s Store, addr api.ContractAddress) error {
	if _, err := s.Code(ctx, addr); err != nil {
		return fmt.Errorf("code: %w", err)
	}
	tip, err := s.Tip(ctx, addr)
	if err != nil {
		return fmt.Errorf("tip: %w", err)
	}
	hashes, err := s.DeltaHashes(ctx, addr, 0, tip.Index)
	if err != nil {
		return fmt.Errorf("delta hashes 0..%d: %w", tip.Index, err)
	}
	if hashes[tip.Index] != tip.Hash {
		return fmt.Errorf("tip %d is %s but the hash list says %s", tip.Index, tip.Hash, hashes[tip.Index])
	}
	for i, h := range hashes {
		d, err := s.Delta(ctx, addr, uint32(i))
		if err != nil {
			return fmt.Errorf("delta %d: %w", i, err)
		}
		if d.Hash != h || keccak(d.Data) != h {
			return fmt.Errorf("delta %d: data hashes to %s, recorded %s / %s", i, keccak(d.Data), d.Hash, h)
		}
	}
	if _, err := s.Delta(ctx, addr, tip.Index+1); api.CodeOf(err) != api.CodeNotFound {
		return fmt.Errorf("delta %d past the tip: got %v, want not found", tip.Index+1, err)
	}
	st, err := s.State(ctx, addr)
	if api.CodeOf(err) == api.CodeNotFound {
		return nil // synced deltas without a rebuilt state yet
	}
	if err != nil {
		return fmt.Errorf("state: %w", err)
	}
	if st.Index > tip.Index || hashes[st.Index] != st.Hash {
		return errors.New("state blob names a delta that is not in the chain")
	}
	return nil
}
