package state

import (
	"bytes"
	"testing"

	"github.com/enigma-go/enigma/api"
)

func sampleBatchedResult() *BatchedResult {
	return &BatchedResult{TaskID: api.Hash{1}, Contract: api.Hash{2}, Status: BatchedCommitted, Epoch: 40, BatchIndex: 3, Position: 7,
		InputsHash: api.Hash{3}, OutputHash: api.Hash{4}, DeltaHash: api.Hash{5}, GasUsed: 900, Fee: [32]byte{31: 9}, TaskFailed: true,
		Output: []byte("out"), Proof: []api.Hash{{6}, {7}}, Root: api.Hash{8}, Block: 99}
}

func FuzzBatchedResult(f *testing.F) {
	b, _ := sampleBatchedResult().MarshalBinary()
	f.Add(b)
	r := &BatchedResult{TaskID: api.Hash{1}, Contract: api.Hash{2}, Status: BatchedFailed, Code: api.CodeWrongEpoch, Error: "gone"}
	b, _ = r.MarshalBinary()
	f.Add(b)
	f.Fuzz(func(t *testing.T, in []byte) {
		var r BatchedResult
		if r.UnmarshalBinary(in) != nil {
			return
		}
		out, err := r.MarshalBinary()
		if err != nil || !bytes.Equal(in, out) {
			t.Fatalf("re-encoding %x gave %x (%v)", in, out, err)
		}
	})
}

func FuzzBatchRecord(f *testing.F) {
	r := *sampleBatchedResult()
	r.Status = BatchedInBatch
	b := &Batch{Contract: api.Hash{1}, Index: 2, Root: api.Hash{3}, Epoch: 4, PrevHash: api.Hash{5},
		Delta: &Delta{Index: 6, Hash: api.Hash{7}, Data: []byte{8}}, State: []byte{9}, SentAfter: 10, Signed: []byte{11}, Tasks: []BatchedResult{r, r}}
	enc, _ := b.encode()
	f.Add(enc)
	b.Delta, b.State = nil, nil
	enc, _ = b.encode()
	f.Add(enc)
	f.Fuzz(func(t *testing.T, in []byte) {
		b, err := decodeBatch(in)
		if err != nil {
			return
		}
		out, err := b.encode()
		if err != nil || !bytes.Equal(in, out) {
			t.Fatalf("re-encoding %x gave %x (%v)", in, out, err)
		}
	})
}
