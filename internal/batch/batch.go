// Package batch builds what the batched (v2) path of the Enigma contract
// verifies: the Merkle tree over a batch's task results, the proof of each
// task, the per-user fee totals and the digest the selected worker's
// enclave signs for commitBatch. docs/protocol/enigma-contract.md specifies
// the encodings; the contract's Merkle library and batchDigest rebuild them
// byte for byte.
//
// Leaves are keccak256(0x00 ‖ abi.encode(taskId, inputsHash, outputHash,
// deltaHash, uint64 gasUsed, uint256 fee, bool failed)); failed says the
// contract failed the task (its output is then the encrypted error), so
// nobody can pass a failure off as a result or a result as a failure.
// Inner nodes are
// keccak256(0x01 ‖ min(a,b) ‖ max(a,b)); a node without a sibling moves up
// a level unchanged. A proof is the list of siblings from the leaf up.
//
// The package is pure computation (go-ethereum's Keccak and ABI types only):
// the enclave, workers and clients import it, it imports none of them.
package batch

import (
	"bytes"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// Task is one task's result as committed in a batch.
type Task struct {
	TaskID     [32]byte
	User       common.Address // who pays the fee (not part of the leaf)
	InputsHash [32]byte
	OutputHash [32]byte
	DeltaHash  [32]byte // the state delta hash after the task, or zero
	GasUsed    uint64
	Fee        *big.Int // ENG grains charged to User
	// Failed: the contract failed the task (it is charged all the same and
	// OutputHash is the hash of the encrypted error).
	Failed bool
}

// LeafHash is the task's leaf in the batch tree.
func LeafHash(t Task) [32]byte {
	buf := make([]byte, 1+7*32)
	buf[0] = 0x00
	copy(buf[1:33], t.TaskID[:])
	copy(buf[33:65], t.InputsHash[:])
	copy(buf[65:97], t.OutputHash[:])
	copy(buf[97:129], t.DeltaHash[:])
	new(big.Int).SetUint64(t.GasUsed).FillBytes(buf[129:161])
	fillUint256(buf[161:193], t.Fee)
	if t.Failed {
		buf[224] = 1 // abi.encode(bool): a 32-byte word, 1 in its last byte
	}
	return [32]byte(crypto.Keccak256(buf))
}

// Node hashes two siblings (order-independent).
func Node(a, b [32]byte) [32]byte {
	if bytes.Compare(a[:], b[:]) > 0 {
		a, b = b, a
	}
	buf := make([]byte, 65)
	buf[0] = 0x01
	copy(buf[1:33], a[:])
	copy(buf[33:], b[:])
	return [32]byte(crypto.Keccak256(buf))
}

// Tree is a batch's Merkle tree.
type Tree struct {
	levels [][][32]byte // levels[0] are the leaves, the last level the root
}

// ErrEmpty is returned for a batch without tasks.
var ErrEmpty = errors.New("batch: a batch needs at least one task")

// NewTree builds the tree over the tasks' leaves, in order.
func NewTree(tasks []Task) (*Tree, error) {
	if len(tasks) == 0 {
		return nil, ErrEmpty
	}
	level := make([][32]byte, len(tasks))
	for i, t := range tasks {
		level[i] = LeafHash(t)
	}
	tr := &Tree{levels: [][][32]byte{level}}
	for len(level) > 1 {
		next := make([][32]byte, 0, (len(level)+1)/2)
		for i := 0; i < len(level); i += 2 {
			if i+1 == len(level) {
				next = append(next, level[i])
			} else {
				next = append(next, Node(level[i], level[i+1]))
			}
		}
		tr.levels = append(tr.levels, next)
		level = next
	}
	return tr, nil
}

// Root is the tree's root.
func (t *Tree) Root() [32]byte { return t.levels[len(t.levels)-1][0] }

// Len is the number of tasks.
func (t *Tree) Len() int { return len(t.levels[0]) }

// Proof returns the siblings of task i from its leaf up to the root.
func (t *Tree) Proof(i int) ([][32]byte, error) {
	if i < 0 || i >= t.Len() {
		return nil, fmt.Errorf("batch: no task %d in a batch of %d", i, t.Len())
	}
	var proof [][32]byte
	for _, level := range t.levels[:len(t.levels)-1] {
		sib := i ^ 1
		if sib < len(level) {
			proof = append(proof, level[sib])
		}
		i /= 2
	}
	return proof, nil
}

// Verify reports whether proof proves task under root.
func Verify(root [32]byte, task Task, proof [][32]byte) bool {
	h := LeafHash(task)
	for _, p := range proof {
		h = Node(h, p)
	}
	return h == root
}

// Totals sums the fees per user, users in order of first appearance: the
// _users and _fees arguments of commitBatch.
func Totals(tasks []Task) ([]common.Address, []*big.Int) {
	index := map[common.Address]int{}
	var users []common.Address
	var fees []*big.Int
	for _, t := range tasks {
		i, ok := index[t.User]
		if !ok {
			i = len(users)
			index[t.User] = i
			users = append(users, t.User)
			fees = append(fees, new(big.Int))
		}
		if t.Fee != nil {
			fees[i].Add(fees[i], t.Fee)
		}
	}
	return users, fees
}

// GasUsed is the batch's total gas.
func GasUsed(tasks []Task) uint64 {
	var g uint64
	for _, t := range tasks {
		g += t.GasUsed
	}
	return g
}

// Header is the batch header the enclave signs (the contract's BatchHeader).
type Header struct {
	ScAddr          [32]byte
	EpochFirstBlock uint64
	BatchIndex      uint64
	PrevDeltaHash   [32]byte
	NewDeltaHash    [32]byte
	Root            [32]byte
	TaskCount       uint64
	GasUsed         uint64
}

// Domain separates batch signatures from every other signature an enclave makes.
var Domain = crypto.Keccak256Hash([]byte("enigma-go/enigma-contract: commit batch v1"))

// Digest is what the selected worker's enclave signs for commitBatch on
// the Enigma contract at enigma on chain chainID:
//
//	keccak256(abi.encode(Domain, chainId, enigma, header (8 words),
//	          keccak256(abi.encode(address[] users)), keccak256(abi.encode(uint256[] fees))))
func Digest(chainID *big.Int, enigma common.Address, h Header, users []common.Address, fees []*big.Int) [32]byte {
	var buf []byte
	word := func(b []byte) { buf = append(buf, common.LeftPadBytes(b, 32)...) }
	u64 := func(v uint64) { word(new(big.Int).SetUint64(v).Bytes()) }
	word(Domain[:])
	word(chainID.Bytes())
	word(enigma[:])
	word(h.ScAddr[:])
	u64(h.EpochFirstBlock)
	u64(h.BatchIndex)
	word(h.PrevDeltaHash[:])
	word(h.NewDeltaHash[:])
	word(h.Root[:])
	u64(h.TaskCount)
	u64(h.GasUsed)
	word(encodeArray(len(users), func(i int) []byte { return users[i][:] }))
	word(encodeArray(len(fees), func(i int) []byte { return uint256(fees[i]) }))
	return [32]byte(crypto.Keccak256(buf))
}

// encodeArray is keccak256(abi.encode(T[] xs)) for a static element type.
func encodeArray(n int, elem func(int) []byte) []byte {
	buf := make([]byte, 0, 64+32*n)
	buf = append(buf, common.LeftPadBytes([]byte{0x20}, 32)...)
	buf = append(buf, common.LeftPadBytes(new(big.Int).SetInt64(int64(n)).Bytes(), 32)...)
	for i := 0; i < n; i++ {
		buf = append(buf, common.LeftPadBytes(elem(i), 32)...)
	}
	return crypto.Keccak256(buf)
}

func uint256(v *big.Int) []byte {
	out := make([]byte, 32)
	fillUint256(out, v)
	return out
}

func fillUint256(dst []byte, v *big.Int) {
	if v != nil {
		v.FillBytes(dst) // fees are uint256 on chain; a larger value is a broken invariant
	}
}
