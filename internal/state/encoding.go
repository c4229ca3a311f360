package state

import (
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/enigma-go/enigma/api"
)

// Every stored record starts with a version byte so its layout can change
// without a flag day; decoders reject versions they do not know. Decoding
// is strict (no trailing bytes, no unknown flags, lengths within the input)
// so each record has exactly one encoding.
const (
	taskResultVersion byte = 1
	contractVersion   byte = 1
	stateVersion      byte = 1
	deltaRangeVersion byte = 1
)

var errTruncated = errors.New("truncated record")

// reader reads fixed fields and length-prefixed byte strings.
type reader struct {
	b   []byte
	err error
}

func (r *reader) take(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.b) {
		r.err = errTruncated
		return nil
	}
	v := r.b[:n]
	r.b = r.b[n:]
	return v
}

func (r *reader) byte1() byte {
	if v := r.take(1); v != nil {
		return v[0]
	}
	return 0
}

func (r *reader) u32() uint32 {
	if v := r.take(4); v != nil {
		return binary.BigEndian.Uint32(v)
	}
	return 0
}

func (r *reader) u64() uint64 {
	if v := r.take(8); v != nil {
		return binary.BigEndian.Uint64(v)
	}
	return 0
}

func (r *reader) hash() (h api.Hash) {
	copy(h[:], r.take(32))
	return h
}

// bytes reads a u32 length and that many bytes; empty decodes to nil.
func (r *reader) bytes() []byte {
	n := r.u32()
	if r.err == nil && uint64(n) > uint64(len(r.b)) {
		r.err = errTruncated
	}
	v := r.take(int(n))
	if len(v) == 0 {
		return nil
	}
	return append([]byte(nil), v...)
}

func (r *reader) done() error {
	if r.err == nil && len(r.b) != 0 {
		r.err = fmt.Errorf("%d trailing bytes", len(r.b))
	}
	return r.err
}

func putBytes(b, v []byte) []byte {
	b = binary.BigEndian.AppendUint32(b, uint32(len(v)))
	return append(b, v...)
}

// Task statuses as stored; the numbers never change meaning.
var statusCodes = map[api.TaskStatus]byte{
	api.StatusSuccess:    1,
	api.StatusFailed:     2,
	api.StatusInProgress: 3,
	api.StatusUnverified: 4,
}

func statusFromCode(c byte) (api.TaskStatus, bool) {
	for s, v := range statusCodes {
		if v == c {
			return s, true
		}
	}
	return "", false
}

const flagHasDelta byte = 1

// MarshalBinary encodes the result as stored (layout in docs/state.md).
func (t *TaskResult) MarshalBinary() ([]byte, error) {
	sc, ok := statusCodes[t.Status]
	if !ok {
		return nil, fmt.Errorf("state: task result has unknown status %q", t.Status)
	}
	if !t.Kind.valid() {
		return nil, fmt.Errorf("state: task result has unknown kind %d", t.Kind)
	}
	b := make([]byte, 0, 1+32+32+3+8+4+32+20+32+12+len(t.Output)+len(t.Signature)+len(t.EthPayload))
	b = append(b, taskResultVersion)
	b = append(b, t.TaskID[:]...)
	b = append(b, t.Contract[:]...)
	var flags byte
	var d DeltaRef
	if t.Delta != nil {
		flags |= flagHasDelta
		d = *t.Delta
	}
	b = append(b, byte(t.Kind), sc, flags)
	b = binary.BigEndian.AppendUint64(b, t.UsedGas)
	b = binary.BigEndian.AppendUint32(b, d.Index)
	b = append(b, d.Hash[:]...)
	b = append(b, t.EthAddress[:]...)
	b = append(b, t.PreCodeHash[:]...)
	b = putBytes(b, t.Output)
	b = putBytes(b, t.Signature)
	b = putBytes(b, t.EthPayload)
	return b, nil
}

// UnmarshalBinary decodes what MarshalBinary produced.
func (t *TaskResult) UnmarshalBinary(b []byte) error {
	r := reader{b: b}
	if v := r.byte1(); r.err == nil && v != taskResultVersion {
		return fmt.Errorf("state: task result version %d is not supported (want %d)", v, taskResultVersion)
	}
	var out TaskResult
	out.TaskID = r.hash()
	out.Contract = r.hash()
	kind, sc, flags := Kind(r.byte1()), r.byte1(), r.byte1()
	out.UsedGas = r.u64()
	d := DeltaRef{Index: r.u32(), Hash: r.hash()}
	copy(out.EthAddress[:], r.take(20))
	out.PreCodeHash = r.hash()
	out.Output = r.bytes()
	out.Signature = r.bytes()
	out.EthPayload = r.bytes()
	if err := r.done(); err != nil {
		return fmt.Errorf("state: decoding task result: %w", err)
	}
	if !kind.valid() {
		return fmt.Errorf("state: decoding task result: unknown kind %d", kind)
	}
	out.Kind = kind
	st, ok := statusFromCode(sc)
	if !ok {
		return fmt.Errorf("state: decoding task result: unknown status %d", sc)
	}
	out.Status = st
	switch flags {
	case flagHasDelta:
		out.Delta = &d
	case 0:
		if d != (DeltaRef{}) {
			return errors.New("state: decoding task result: delta fields set without the delta flag")
		}
	default:
		return fmt.Errorf("state: decoding task result: unknown flags %#x", flags)
	}
	*t = out
	return nil
}

// hexBytes is 0x-prefixed hex in JSON, like api.Hash.
type hexBytes []byte

func (h hexBytes) MarshalText() ([]byte, error) { return []byte("0x" + hex.EncodeToString(h)), nil }

func (h *hexBytes) UnmarshalText(b []byte) error {
	s := strings.TrimPrefix(strings.TrimPrefix(string(b), "0x"), "0X")
	v, err := hex.DecodeString(s)
	if err != nil {
		return fmt.Errorf("state: invalid hex: %w", err)
	}
	if len(v) == 0 {
		v = nil
	}
	*h = v
	return nil
}

type deltaRefJSON struct {
	Index uint32   `json:"index"`
	Hash  api.Hash `json:"hash"`
}

type taskResultJSON struct {
	Version     int            `json:"version"`
	TaskID      api.Hash       `json:"taskId"`
	Contract    api.Hash       `json:"contractAddress"`
	Kind        string         `json:"kind"`
	Status      api.TaskStatus `json:"status"`
	Output      hexBytes       `json:"output"`
	UsedGas     uint64         `json:"usedGas"`
	Signature   hexBytes       `json:"signature"`
	Delta       *deltaRefJSON  `json:"delta,omitempty"`
	EthPayload  hexBytes       `json:"ethereumPayload"`
	EthAddress  api.EthAddress `json:"ethereumAddress"`
	PreCodeHash api.Hash       `json:"preCodeHash"`
}

var kindNames = map[Kind]string{KindDeploy: "deploy", KindCompute: "compute"}

// MarshalJSON encodes the result for tools and logs (hex with 0x).
func (t TaskResult) MarshalJSON() ([]byte, error) {
	name, ok := kindNames[t.Kind]
	if !ok {
		return nil, fmt.Errorf("state: task result has unknown kind %d", t.Kind)
	}
	if _, ok := statusCodes[t.Status]; !ok {
		return nil, fmt.Errorf("state: task result has unknown status %q", t.Status)
	}
	j := taskResultJSON{
		Version: int(taskResultVersion), TaskID: t.TaskID, Contract: t.Contract, Kind: name,
		Status: t.Status, Output: t.Output, UsedGas: t.UsedGas, Signature: t.Signature,
		EthPayload: t.EthPayload, EthAddress: t.EthAddress, PreCodeHash: t.PreCodeHash,
	}
	if t.Delta != nil {
		j.Delta = &deltaRefJSON{Index: t.Delta.Index, Hash: t.Delta.Hash}
	}
	return json.Marshal(j)
}

// UnmarshalJSON decodes what MarshalJSON produced.
func (t *TaskResult) UnmarshalJSON(b []byte) error {
	var j taskResultJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("state: decoding task result JSON: %w", err)
	}
	if j.Version != int(taskResultVersion) {
		return fmt.Errorf("state: task result JSON version %d is not supported (want %d)", j.Version, taskResultVersion)
	}
	out := TaskResult{
		TaskID: j.TaskID, Contract: j.Contract, Status: j.Status, Output: j.Output,
		UsedGas: j.UsedGas, Signature: j.Signature, EthPayload: j.EthPayload,
		EthAddress: j.EthAddress, PreCodeHash: j.PreCodeHash,
	}
	for k, name := range kindNames {
		if name == j.Kind {
			out.Kind = k
		}
	}
	if !out.Kind.valid() {
		return fmt.Errorf("state: task result JSON has unknown kind %q", j.Kind)
	}
	if _, ok := statusCodes[out.Status]; !ok {
		return fmt.Errorf("state: task result JSON has unknown status %q", j.Status)
	}
	if j.Delta != nil {
		out.Delta = &DeltaRef{Index: j.Delta.Index, Hash: j.Delta.Hash}
	}
	*t = out
	return nil
}

// contractMeta is the per-contract record under prefixContract.
type contractMeta struct {
	Tip      Tip
	CodeHash api.Hash
}

func (m contractMeta) encode() []byte {
	b := make([]byte, 0, 1+4+32+32)
	b = append(b, contractVersion)
	b = binary.BigEndian.AppendUint32(b, m.Tip.Index)
	b = append(b, m.Tip.Hash[:]...)
	return append(b, m.CodeHash[:]...)
}

func decodeContractMeta(b []byte) (contractMeta, error) {
	r := reader{b: b}
	if v := r.byte1(); r.err == nil && v != contractVersion {
		return contractMeta{}, fmt.Errorf("state: contract record version %d is not supported (want %d)", v, contractVersion)
	}
	var m contractMeta
	m.Tip.Index = r.u32()
	m.Tip.Hash = r.hash()
	m.CodeHash = r.hash()
	if err := r.done(); err != nil {
		return contractMeta{}, fmt.Errorf("state: decoding contract record: %w", err)
	}
	return m, nil
}

func encodeState(s *StateBlob) []byte {
	b := make([]byte, 0, 1+4+32+len(s.Data))
	b = append(b, stateVersion)
	b = binary.BigEndian.AppendUint32(b, s.Index)
	b = append(b, s.Hash[:]...)
	return append(b, s.Data...)
}

func decodeState(b []byte) (*StateBlob, error) {
	r := reader{b: b}
	if v := r.byte1(); r.err == nil && v != stateVersion {
		return nil, fmt.Errorf("state: state record version %d is not supported (want %d)", v, stateVersion)
	}
	s := &StateBlob{Index: r.u32(), Hash: r.hash()}
	if r.err != nil {
		return nil, fmt.Errorf("state: decoding state record: %w", r.err)
	}
	s.Data = append([]byte(nil), r.b...)
	return s, nil
}

// MarshalBinary encodes the range for the wire (layout in docs/state.md).
func (d *DeltaRange) MarshalBinary() ([]byte, error) {
	if len(d.Deltas) == 0 || uint64(d.To)-uint64(d.From)+1 != uint64(len(d.Deltas)) || d.From > d.To {
		return nil, fmt.Errorf("state: delta range %d..%d carries %d deltas", d.From, d.To, len(d.Deltas))
	}
	n := 1 + 32 + 12 + len(d.Code)
	for _, x := range d.Deltas {
		n += 40 + len(x.Data)
	}
	b := make([]byte, 0, n+4)
	b = append(b, deltaRangeVersion)
	b = append(b, d.Contract[:]...)
	b = binary.BigEndian.AppendUint32(b, d.From)
	b = binary.BigEndian.AppendUint32(b, d.To)
	b = putBytes(b, d.Code)
	b = binary.BigEndian.AppendUint32(b, uint32(len(d.Deltas)))
	for _, x := range d.Deltas {
		b = binary.BigEndian.AppendUint32(b, x.Index)
		b = append(b, x.Hash[:]...)
		b = putBytes(b, x.Data)
	}
	return b, nil
}

// UnmarshalBinary decodes a range received from another worker. It checks
// the structure only; Import checks the contents against the chain.
func (d *DeltaRange) UnmarshalBinary(b []byte) error {
	r := reader{b: b}
	if v := r.byte1(); r.err == nil && v != deltaRangeVersion {
		return fmt.Errorf("state: delta range version %d is not supported (want %d)", v, deltaRangeVersion)
	}
	var out DeltaRange
	out.Contract = r.hash()
	out.From, out.To = r.u32(), r.u32()
	out.Code = r.bytes()
	count := r.u32()
	if r.err == nil && (out.From > out.To || uint64(out.To)-uint64(out.From)+1 != uint64(count)) {
		return fmt.Errorf("state: decoding delta range: %d..%d with %d deltas", out.From, out.To, count)
	}
	if r.err == nil && uint64(count)*40 > uint64(len(r.b)) {
		r.err = errTruncated
	}
	if r.err == nil {
		out.Deltas = make([]Delta, 0, count)
	}
	for i := uint32(0); r.err == nil && i < count; i++ {
		x := Delta{Index: r.u32(), Hash: r.hash(), Data: r.bytes()}
		if r.err == nil && x.Index != out.From+i {
			return fmt.Errorf("state: decoding delta range: delta %d has index %d", out.From+i, x.Index)
		}
		out.Deltas = append(out.Deltas, x)
	}
	if err := r.done(); err != nil {
		return fmt.Errorf("state: decoding delta range: %w", err)
	}
	*d = out
	return nil
}
