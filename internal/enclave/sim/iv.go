package sim

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"io"

	"github.com/enigma-go/enigma/internal/batch"
)

// Every ciphertext a task produces (its output or error text, its delta,
// its state) takes its IV from a synthetic-IV derivation instead of the
// random source:
//
//	iv = HMAC-SHA256(ivKey, "enigma-go/enclave: task iv v1" ‖ purpose ‖ taskId ‖ inputsHash ‖ plaintext)[:ivLen]
//	ivKey = HMAC-SHA256(sealKey, "enigma-go/enclave: synthetic iv key v1")
//
// So a task run again on the same state with the same inputs (a held task
// a restarted enclave runs once more) gives the same bytes and the same
// receipt, never a second one, while two different plaintexts under one
// key get different IVs (GCM's nonce is never reused for another
// message). Equal ciphertexts reveal only that the same task produced the
// same plaintext.
const (
	ivKeyDomain = "enigma-go/enclave: synthetic iv key v1"
	ivDomain    = "enigma-go/enclave: task iv v1"
)

// IV purposes: one per ciphertext a task produces.
const (
	ivOutput = "output"
	ivDelta  = "delta"
	ivState  = "state"
)

func deriveIVKey(sealKey [32]byte) [32]byte {
	m := hmac.New(sha256.New, sealKey[:])
	m.Write([]byte(ivKeyDomain))
	return [32]byte(m.Sum(nil))
}

// iv returns a reader of the synthetic IV of one of the task's
// ciphertexts (32 bytes: every envelope reads at most that many).
func (t *task) iv(purpose string, plaintext []byte) io.Reader {
	m := hmac.New(sha256.New, t.w.ivKey[:])
	m.Write([]byte(ivDomain))
	m.Write([]byte{byte(len(purpose))})
	m.Write([]byte(purpose))
	m.Write(t.req.TaskID[:])
	m.Write(t.req.InputsHash[:])
	m.Write(plaintext)
	return bytes.NewReader(m.Sum(nil))
}

// ivFor is t.iv for one purpose, as an ivSource.
func (t *task) ivFor(purpose string) ivSource {
	return func(plaintext []byte) io.Reader { return t.iv(purpose, plaintext) }
}

// A batch's ciphertexts (its aggregate delta and state) take theirs from
//
//	iv = HMAC-SHA256(ivKey, "enigma-go/enclave: batch iv v1" ‖ u8 len(purpose) ‖ purpose
//	                 ‖ contract ‖ u64 epochFirstBlock ‖ u64 batchIndex ‖ root ‖ plaintext)[:ivLen]
//
// so the same batch signed again gives the same bytes, and two batches of
// other tasks, indices or epochs never share an IV.
const batchIVDomain = "enigma-go/enclave: batch iv v1"

// batchIV returns the IV source of one purpose of a batch's ciphertexts.
func (w *Worker) batchIV(h batch.Header) func(purpose string) ivSource {
	return func(purpose string) ivSource {
		return func(plaintext []byte) io.Reader {
			m := hmac.New(sha256.New, w.ivKey[:])
			m.Write([]byte(batchIVDomain))
			m.Write([]byte{byte(len(purpose))})
			m.Write([]byte(purpose))
			m.Write(h.ScAddr[:])
			m.Write(binary.BigEndian.AppendUint64(nil, h.EpochFirstBlock))
			m.Write(binary.BigEndian.AppendUint64(nil, h.BatchIndex))
			m.Write(h.Root[:])
			m.Write(plaintext)
			return bytes.NewReader(m.Sum(nil))
		}
	}
}
