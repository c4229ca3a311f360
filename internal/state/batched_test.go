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
	b.NonceBound, b.TxHash = 12, api.Hash{13}
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

// A batch record keeps the nonce bound and hash of its transaction once
// known (version 2); a record of version 1, written before they were,
// still reads, with neither.
func TestBatchRecordTransaction(t *testing.T) {
	r := *sampleBatchedResult()
	r.Status = BatchedInBatch
	b := &Batch{Contract: api.Hash{1}, Index: 2, Root: api.Hash{3}, Epoch: 4, PrevHash: api.Hash{5}, SentAfter: 10, Signed: []byte{11}, Tasks: []BatchedResult{r}}
	v1, err := b.encode()
	if err != nil {
		t.Fatal(err)
	}
	if v1[0] != 1 {
		t.Fatalf("a record without its transaction is written as version %d, want 1", v1[0])
	}
	got, err := decodeBatch(v1)
	if err != nil || got.NonceBound != 0 || !got.TxHash.IsZero() || got.Index != 2 || len(got.Tasks) != 1 {
		t.Fatalf("version 1: %+v, %v", got, err)
	}
	b.NonceBound, b.TxHash = 8, api.Hash{9}
	v2, err := b.encode()
	if err != nil {
		t.Fatal(err)
	}
	if v2[0] != 2 {
		t.Fatalf("a record with its transaction is written as version %d, want 2", v2[0])
	}
	got, err = decodeBatch(v2)
	if err != nil || got.NonceBound != 8 || got.TxHash != (api.Hash{9}) || got.Index != 2 || len(got.Tasks) != 1 {
		t.Fatalf("version 2: %+v, %v", got, err)
	}
	if _, err := decodeBatch(append(v2[:len(v2):len(v2)], 0)); err == nil {
		t.Fatal("a version 2 record with a trailing byte decoded")
	}
	zero := append([]byte{2}, v1[1:]...)
	zero = append(zero, make([]byte, 40)...)
	if _, err := decodeBatch(zero); err == nil {
		t.Fatal("a version 2 record without its transaction decoded")
	}
}
