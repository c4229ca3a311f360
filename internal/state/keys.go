package state

import (
	"encoding/binary"

	"github.com/enigma-go/enigma/api"
)

// Key layout: every kind of record has its own prefix byte, so a prefix scan
// of one kind never meets another and new kinds never collide with old
// ones. docs/state.md lists the layout; change both together.
const (
	prefixMeta      byte = 0x00 // 0x00 "format" -> schema version
	prefixContract  byte = 0x01 // 0x01 addr -> contractMeta
	prefixCode      byte = 0x02 // 0x02 addr -> code
	prefixState     byte = 0x03 // 0x03 addr -> stateRecord
	prefixDelta     byte = 0x04 // 0x04 addr index(u32 BE) -> encrypted delta
	prefixDeltaHash byte = 0x05 // 0x05 addr index(u32 BE) -> keccak256(delta)
	prefixResult    byte = 0x06 // 0x06 taskID -> TaskResult
	prefixSealed    byte = 0x07 // 0x07 name -> sealed blob
	prefixKept      byte = 0x08 // 0x08 addr seq(u64 BE) hash -> keptRecord: a delta a rollback removed
	prefixPending   byte = 0x09 // 0x09 taskID -> pendingRecord: a task accepted and not yet finished
	prefixResultAge byte = 0x0A // 0x0A seq(u64 BE) taskID -> u64 BE commit time (Unix ns): results in commit order
	prefixIssued    byte = 0x0B // 0x0B epoch(u64 BE) id -> issuedRecord: a key the enclave issued, sealed
	prefixBatched   byte = 0x0C // 0x0C taskID -> batchedRecord: a batched task's final result
	prefixBatch     byte = 0x0D // 0x0D addr index(u64 BE) root -> batchRecord: a signed batch not known to have landed
)

// schemaVersion is stored under formatKey; Open refuses other versions.
// Version 2 added the result index (prefixResultAge) and pending tasks;
// Open upgrades a version 1 store in place (docs/state.md).
const schemaVersion byte = 2

var formatKey = []byte{prefixMeta, 'f', 'o', 'r', 'm', 'a', 't'}

func addrKey(prefix byte, addr api.ContractAddress) []byte {
	k := make([]byte, 1+32)
	k[0] = prefix
	copy(k[1:], addr[:])
	return k
}

func contractKey(addr api.ContractAddress) []byte { return addrKey(prefixContract, addr) }
func codeKey(addr api.ContractAddress) []byte     { return addrKey(prefixCode, addr) }
func stateKey(addr api.ContractAddress) []byte    { return addrKey(prefixState, addr) }
func resultKey(id api.TaskID) []byte              { return addrKey(prefixResult, id) }
func pendingKey(id api.TaskID) []byte             { return addrKey(prefixPending, id) }

// resultAgeKey indexes a result by the order it was committed in.
func resultAgeKey(seq uint64, id api.TaskID) []byte {
	k := make([]byte, 1+8+32)
	k[0] = prefixResultAge
	binary.BigEndian.PutUint64(k[1:], seq)
	copy(k[9:], id[:])
	return k
}

func indexedKey(prefix byte, addr api.ContractAddress, index uint32) []byte {
	k := make([]byte, 1+32+4)
	k[0] = prefix
	copy(k[1:], addr[:])
	binary.BigEndian.PutUint32(k[33:], index)
	return k
}

// indexedRange returns the keys bounding indexes [from, ∞) of a contract.
func indexedRange(prefix byte, addr api.ContractAddress, from uint32) (start, end []byte) {
	start = indexedKey(prefix, addr, from)
	end = addrKey(prefix, addr)
	end = append(end, 0xff, 0xff, 0xff, 0xff, 0xff) // past index 0xffffffff
	return start, end
}

func deltaKey(addr api.ContractAddress, index uint32) []byte {
	return indexedKey(prefixDelta, addr, index)
}

func deltaHashKey(addr api.ContractAddress, index uint32) []byte {
	return indexedKey(prefixDeltaHash, addr, index)
}

func sealedKey(name string) []byte {
	return append([]byte{prefixSealed}, name...)
}

// keptKey names a kept delta; seq orders a contract's kept deltas by age.
func keptKey(addr api.ContractAddress, seq uint64, h api.Hash) []byte {
	k := make([]byte, 1+32+8+32)
	k[0] = prefixKept
	copy(k[1:], addr[:])
	binary.BigEndian.PutUint64(k[33:], seq)
	copy(k[41:], h[:])
	return k
}
