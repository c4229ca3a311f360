package state

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"testing"

	"github.com/enigma-go/enigma/api"
)

func sampleResult() *TaskResult {
	return &TaskResult{
		TaskID:      api.Hash{1},
		Contract:    api.Hash{2},
		Kind:        KindCompute,
		Status:      api.StatusSuccess,
		Output:      []byte{0xaa, 0xbb},
		UsedGas:     12345,
		Signature:   bytes.Repeat([]byte{7}, 65),
		Delta:       &DeltaRef{Index: 3, Hash: api.Hash{9}},
		EthPayload:  []byte{1, 2, 3},
		EthAddress:  api.EthAddress{0xee},
		PreCodeHash: api.Hash{},
	}
}

// TestTaskResultGolden pins the stored layout: changing it needs a new
// version byte, not a silent edit.
func TestTaskResultGolden(t *testing.T) {
	b, err := sampleResult().MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	want := "01" + "01" + zeros(31) + "02" + zeros(31) + "02" + "01" + "01" +
		"0000000000003039" + "00000003" + "09" + zeros(31) + "ee" + zeros(19) + zeros(32) +
		"00000002aabb" + "00000041" + hex.EncodeToString(bytes.Repeat([]byte{7}, 65)) + "00000003010203"
	if got := hex.EncodeToString(b); got != want {
		t.Fatalf("encoding changed:\n got %s\nwant %s", got, want)
	}
	var back TaskResult
	if err := back.UnmarshalBinary(b); err != nil {
		t.Fatal(err)
	}
	b2, _ := back.MarshalBinary()
	if !bytes.Equal(b, b2) {
		t.Fatal("binary round trip differs")
	}
}

func zeros(n int) string { return hex.EncodeToString(make([]byte, n)) }

func TestTaskResultJSON(t *testing.T) {
	r := sampleResult()
	j, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var back TaskResult
	if err := json.Unmarshal(j, &back); err != nil {
		t.Fatal(err)
	}
	a, _ := r.MarshalBinary()
	b, _ := back.MarshalBinary()
	if !bytes.Equal(a, b) {
		t.Fatalf("JSON round trip differs: %s", j)
	}
	for _, bad := range []string{`{"version":2}`, `{"version":1,"kind":"x","status":"SUCCESS"}`, `{"version":1,"kind":"deploy","status":"DONE"}`, `{"version":1,"kind":"deploy","status":"SUCCESS","output":"0xzz"}`} {
		if err := json.Unmarshal([]byte(bad), &back); err == nil {
			t.Fatalf("accepted %s", bad)
		}
	}
}

func TestDecodersRejectDamage(t *testing.T) {
	b, _ := sampleResult().MarshalBinary()
	var r TaskResult
	for _, bad := range [][]byte{nil, {2}, b[:len(b)-1], append(append([]byte(nil), b...), 0)} {
		if r.UnmarshalBinary(bad) == nil {
			t.Fatalf("accepted %x", bad)
		}
	}
	flags := append([]byte(nil), b...)
	flags[1+64+2] = 0 // clear the delta flag while delta fields are set
	if r.UnmarshalBinary(flags) == nil {
		t.Fatal("accepted delta fields without the flag")
	}
	if _, err := decodeContractMeta(contractMeta{}.encode()[:10]); err == nil {
		t.Fatal("accepted a short contract record")
	}
	if _, err := decodeState([]byte{1, 0}); err == nil {
		t.Fatal("accepted a short state record")
	}
	var d DeltaRange
	if d.UnmarshalBinary([]byte{1}) == nil {
		t.Fatal("accepted a short delta range")
	}
}

// The fuzzers check that decoding never panics and that whatever decodes
// encodes back to the same bytes (one encoding per record).

func FuzzTaskResult(f *testing.F) {
	b, _ := sampleResult().MarshalBinary()
	f.Add(b)
	r := sampleResult()
	r.Delta, r.Kind, r.Status = nil, KindDeploy, api.StatusFailed
	b, _ = r.MarshalBinary()
	f.Add(b)
	f.Fuzz(func(t *testing.T, in []byte) {
		var r TaskResult
		if r.UnmarshalBinary(in) != nil {
			return
		}
		out, err := r.MarshalBinary()
		if err != nil || !bytes.Equal(in, out) {
			t.Fatalf("re-encoding %x gave %x (%v)", in, out, err)
		}
	})
}

func FuzzDeltaRange(f *testing.F) {
	r := &DeltaRange{Contract: api.Hash{1}, Code: []byte{0, 'a', 's', 'm'}, From: 0, To: 1,
		Deltas: []Delta{{Index: 0, Hash: api.Hash{2}, Data: []byte{3}}, {Index: 1, Hash: api.Hash{4}, Data: []byte{5, 6}}}}
	b, _ := r.MarshalBinary()
	f.Add(b)
	f.Fuzz(func(t *testing.T, in []byte) {
		var r DeltaRange
		if r.UnmarshalBinary(in) != nil {
			return
		}
		out, err := r.MarshalBinary()
		if err != nil || !bytes.Equal(in, out) {
			t.Fatalf("re-encoding %x gave %x (%v)", in, out, err)
		}
	})
}

func FuzzContractAndState(f *testing.F) {
	f.Add(contractMeta{Tip: Tip{Index: 5, Hash: api.Hash{1}}, CodeHash: api.Hash{2}}.encode())
	f.Add(encodeState(&StateBlob{Index: 5, Hash: api.Hash{1}, Data: []byte{1, 2}}))
	f.Fuzz(func(t *testing.T, in []byte) {
		if m, err := decodeContractMeta(in); err == nil && !bytes.Equal(m.encode(), in) {
			t.Fatalf("contract record %x re-encodes differently", in)
		}
		if s, err := decodeState(in); err == nil && !bytes.Equal(encodeState(s), in) {
			t.Fatalf("state record %x re-encodes differently", in)
		}
	})
}
