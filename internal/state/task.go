package state

import (
	"context"
	"fmt"

	"github.com/enigma-go/enigma/api"
)

func errMissingHash(addr api.ContractAddress, i uint32) error {
	return fmt.Errorf("delta hash %d of contract %s is missing below the tip", i, addr)
}

func invalid(format string, args ...any) error {
	return api.Errorf(api.CodeInvalidInput, "state: "+format, args...)
}

func (s *PebbleStore) checkSize(what string, b []byte) error {
	if len(b) > s.cfg.MaxBlobBytes {
		return invalid("%s is %d bytes, over the %d-byte limit (Config.MaxBlobBytes)", what, len(b), s.cfg.MaxBlobBytes)
	}
	return nil
}

// checkCommit checks what can be checked without reading the store and
// returns the result to store, with its delta reference filled in.
func (s *PebbleStore) checkCommit(c *TaskCommit) (*TaskResult, *Delta, error) {
	if c == nil {
		return nil, nil, invalid("nil task commit")
	}
	r := c.Result
	if r.TaskID.IsZero() || r.Contract.IsZero() {
		return nil, nil, invalid("task %s: the task id and contract address must be set", r.TaskID)
	}
	if !r.Kind.valid() {
		return nil, nil, invalid("task %s: unknown kind %d; use KindDeploy or KindCompute", r.TaskID, r.Kind)
	}
	if r.Kind == KindDeploy && r.Contract != r.TaskID {
		return nil, nil, invalid("deploy task %s: the contract address must be the task id, got %s", r.TaskID, r.Contract)
	}
	for what, b := range map[string][]byte{"code": c.Code, "state": c.State, "output": r.Output, "signature": r.Signature, "Ethereum payload": r.EthPayload} {
		if err := s.checkSize(what, b); err != nil {
			return nil, nil, err
		}
	}
	var d *Delta
	if c.Delta != nil {
		if err := s.checkSize("delta", c.Delta.Data); err != nil {
			return nil, nil, err
		}
		if len(c.Delta.Data) == 0 {
			return nil, nil, invalid("task %s: the delta is empty; pass nil for a task that changed no state", r.TaskID)
		}
		d = &Delta{Index: c.Delta.Index, Hash: keccak(c.Delta.Data), Data: c.Delta.Data}
		if !c.Delta.Hash.IsZero() && c.Delta.Hash != d.Hash {
			return nil, nil, api.Errorf(api.CodeTampered, "state: task %s: delta %d hashes to %s, not the %s it came with", r.TaskID, d.Index, d.Hash, c.Delta.Hash)
		}
	}
	switch {
	case r.Status == api.StatusFailed:
		if c.Code != nil || c.Delta != nil || c.State != nil || r.Delta != nil {
			return nil, nil, invalid("failed task %s: a failure writes no code, delta or state", r.TaskID)
		}
	case r.Status != api.StatusSuccess:
		return nil, nil, invalid("task %s: status %q is not final; commit SUCCESS or FAILED", r.TaskID, r.Status)
	case r.Kind == KindDeploy:
		if len(c.Code) == 0 || d == nil || d.Index != 0 || len(c.State) == 0 {
			return nil, nil, invalid("deploy task %s: a successful deploy needs code, delta 0 and state", r.TaskID)
		}
		if !c.PrevHash.IsZero() {
			return nil, nil, invalid("deploy task %s: delta 0 has no predecessor; leave PrevHash zero", r.TaskID)
		}
	default:
		if c.Code != nil {
			return nil, nil, invalid("compute task %s: only a deploy writes code", r.TaskID)
		}
		if d == nil && c.State != nil {
			return nil, nil, invalid("compute task %s: new state without a delta; pass the delta that produced it", r.TaskID)
		}
		if d != nil && (d.Index == 0 || len(c.State) == 0) {
			return nil, nil, invalid("compute task %s: a compute delta has an index of at least 1 and comes with the new state", r.TaskID)
		}
	}
	if d != nil {
		ref := DeltaRef{Index: d.Index, Hash: d.Hash}
		if r.Delta != nil && *r.Delta != ref {
			return nil, nil, invalid("task %s: the result names delta %d %s but the task wrote delta %d %s", r.TaskID, r.Delta.Index, r.Delta.Hash, d.Index, d.Hash)
		}
		r.Delta = &ref
	}
	return &r, d, nil
}

// CommitTask implements Store.
func (s *PebbleStore) CommitTask(ctx context.Context, c *TaskCommit) error {
	r, d, err := s.checkCommit(c)
	if err != nil {
		return err
	}
	enc, err := r.MarshalBinary()
	if err != nil {
		return invalid("task %s: %w", r.TaskID, err)
	}
	return s.write(ctx, func(t *tx) error {
		seen, err := t.taskExists(r.TaskID)
		if err != nil {
			return err
		}
		if seen {
			return api.Errorf(api.CodeReplay, "state: task %s is already committed; read its result instead of committing it again", r.TaskID)
		}
		if r.Status == api.StatusSuccess {
			if err := t.applyTask(r, d, c); err != nil {
				return err
			}
		}
		t.set(resultKey(r.TaskID), enc)
		t.indexResult(r.TaskID)
		t.task = &r.TaskID
		return nil
	})
}

func (t *tx) applyTask(r *TaskResult, d *Delta, c *TaskCommit) error {
	addr := r.Contract
	m, known, err := t.meta(addr)
	if err != nil {
		return err
	}
	if r.Kind == KindDeploy {
		if known {
			return api.Errorf(api.CodeReplay, "state: contract %s is already deployed", addr)
		}
		m = contractMeta{Tip: Tip{Index: 0, Hash: d.Hash}, CodeHash: keccak(c.Code)}
		t.set(codeKey(addr), c.Code)
	} else {
		if !known {
			return unknownContract(addr)
		}
		if d == nil {
			return nil
		}
		if d.Index != m.Tip.Index+1 {
			return invalid("task %s: delta index %d does not follow the contract's tip %d; run the task on the latest state", r.TaskID, d.Index, m.Tip.Index)
		}
		if c.PrevHash != m.Tip.Hash {
			return invalid("task %s: delta %d chains to %s but the contract's tip %d is %s; run the task on the latest state", r.TaskID, d.Index, c.PrevHash, m.Tip.Index, m.Tip.Hash)
		}
		m.Tip = Tip{Index: d.Index, Hash: d.Hash}
	}
	t.putDelta(addr, d)
	t.setMeta(addr, m)
	t.set(stateKey(addr), encodeState(&StateBlob{Index: d.Index, Hash: d.Hash, Data: c.State}))
	return nil
}

// checkStateBlob validates a state blob against the contract's chain.
func (t *tx) checkStateBlob(addr api.ContractAddress, st *StateBlob) (contractMeta, error) {
	if st == nil || len(st.Data) == 0 {
		return contractMeta{}, invalid("contract %s: the state blob is empty", addr)
	}
	if err := t.s.checkSize("state", st.Data); err != nil {
		return contractMeta{}, err
	}
	m, known, err := t.meta(addr)
	if err != nil {
		return contractMeta{}, err
	}
	if !known {
		return contractMeta{}, unknownContract(addr)
	}
	if st.Index > m.Tip.Index {
		return contractMeta{}, invalid("contract %s: state for delta %d is past the tip %d", addr, st.Index, m.Tip.Index)
	}
	h, err := t.hashAt(addr, st.Index)
	if err != nil {
		return contractMeta{}, err
	}
	if h != st.Hash {
		return contractMeta{}, invalid("contract %s: state names delta %d as %s but the stored delta is %s", addr, st.Index, st.Hash, h)
	}
	return m, nil
}

// PutState implements Store.
func (s *PebbleStore) PutState(ctx context.Context, addr api.ContractAddress, st *StateBlob) error {
	return s.write(ctx, func(t *tx) error {
		if _, err := t.checkStateBlob(addr, st); err != nil {
			return err
		}
		t.set(stateKey(addr), encodeState(st))
		return nil
	})
}

// RollbackTo implements Store.
func (s *PebbleStore) RollbackTo(ctx context.Context, addr api.ContractAddress, index uint32, st *StateBlob) error {
	return s.write(ctx, func(t *tx) error {
		if st != nil && st.Index != index {
			return invalid("contract %s: rolling back to delta %d needs the state as of delta %d, got %d", addr, index, index, st.Index)
		}
		m, err := t.checkStateBlob(addr, st)
		if err != nil {
			return err
		}
		if err := t.keep(addr, index, m.Tip); err != nil {
			return err
		}
		t.truncate(addr, index)
		m.Tip = Tip{Index: index, Hash: st.Hash}
		t.setMeta(addr, m)
		t.set(stateKey(addr), encodeState(st))
		return nil
	})
}

// PutSealed implements Store.
func (s *PebbleStore) PutSealed(ctx context.Context, name string, blob []byte) error {
	if err := checkSealedName(name); err != nil {
		return err
	}
	if err := s.checkSize("sealed blob", blob); err != nil {
		return err
	}
	return s.write(ctx, func(t *tx) error {
		t.set(sealedKey(name), blob)
		return nil
	})
}
