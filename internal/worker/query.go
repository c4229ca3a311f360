package worker

import (
	"container/heap"
	"context"
	"encoding/binary"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/crypto/envelope"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/internal/workerapi"
)

// Secret queries (docs/protocol/queries.md): a caller's read-only call of a
// contract's query function, answered by the worker selected for the
// contract from the state it holds, with no chain transaction. The worker
// checks what it can before its enclave does the same again (the enclave
// trusts no host): the expiry against its clock, the caller's signature,
// the epoch, its selection and the contract's deployment, and it refuses a
// query it answered before (the replay set) until the query expires.
// Nothing a query does is stored.

// Query implements Node.
func (w *Worker) Query(ctx context.Context, r *workerapi.QueryRequest) (*workerapi.QueryResult, error) {
	res, err := w.query(ctx, r)
	switch {
	case err != nil:
		w.m.query(queryRefused)
	case res.Status == workerapi.QueryOK:
		w.m.query(queryOK)
	default:
		w.m.query(queryFailed)
	}
	return res, err
}

func (w *Worker) query(ctx context.Context, r *workerapi.QueryRequest) (*workerapi.QueryResult, error) {
	if err := w.checkQuery(r); err != nil {
		return nil, err
	}
	w.mu.Lock()
	closed := w.closed
	w.mu.Unlock()
	if closed {
		return nil, errClosed
	}
	epoch, err := queryEpoch(r.Request)
	if err != nil {
		return nil, err
	}
	now := w.now()
	if err := checkExpiry(r.Expiry, now); err != nil {
		return nil, err
	}
	gas := r.GasLimit
	if gas == 0 {
		gas = w.cfg.QueryGasLimit
	}
	requestHash := envelope.QueryRequestHash(r.Request)
	enigma := api.EthAddress(w.cfg.Enigma.Addresses().Enigma)
	digest := envelope.QueryDigest(w.chainID, common.Address(enigma), r.ContractAddress, requestHash, r.Expiry)
	if !compat.Verify(common.Address(r.Caller), digest, r.Signature[:]) {
		return nil, api.Errorf(api.CodeBadSignature, "the query's signature is not the caller's (%s): sign the EIP-712 SecretQuery (domain Enigma, version 2, this chain and Enigma contract) of the contract, keccak256 of the request and the expiry with the caller's key", r.Caller)
	}
	cur, err := w.queryEpochParams(ctx, epoch)
	if err != nil {
		return nil, err
	}
	v := w.b.view
	if sel, err := v.selectedFor(cur, r.ContractAddress); err != nil {
		return nil, err
	} else if sel != w.signer {
		return nil, api.Errorf(api.CodeNotSelected, "worker: this worker (%s) is not selected for contract %s in this epoch, worker %s is: seal the query to its epoch key and send it there", w.signer, r.ContractAddress, sel)
	}
	if ok, err := v.isDeployed(ctx, r.ContractAddress); err != nil {
		return nil, err
	} else if !ok {
		return nil, api.Errorf(api.CodeNotFound, "worker: contract %s is not deployed on chain: check the contract address", r.ContractAddress)
	}
	if err := w.qs.remember(requestHash, r.Expiry, now); err != nil {
		return nil, err
	}
	res, err := w.answerQuery(ctx, r, cur, epoch, gas, requestHash, now)
	if err != nil {
		// No answer was given: the same query may be sent again.
		w.qs.forget(requestHash)
		return nil, err
	}
	return res, nil
}

// checkQuery checks a query's shape.
func (w *Worker) checkQuery(r *workerapi.QueryRequest) error {
	switch {
	case r == nil:
		return api.Errorf(api.CodeInvalidInput, "worker: empty query")
	case r.ContractAddress.IsZero():
		return api.Errorf(api.CodeInvalidInput, "worker: the query names no contract")
	case r.Caller == (api.EthAddress{}):
		return api.Errorf(api.CodeInvalidInput, "worker: the query names no caller")
	case len(r.Request) > workerapi.MaxQueryRequest:
		return api.Errorf(api.CodeInvalidInput, "worker: the query's request is %d bytes, more than the %d a query may have: send a smaller call", len(r.Request), workerapi.MaxQueryRequest)
	case r.GasLimit > w.cfg.QueryGasLimit:
		return api.Errorf(api.CodeInvalidInput, "worker: the query asks for %d gas, more than this worker's cap of %d: ask for at most the cap (0 takes it)", r.GasLimit, w.cfg.QueryGasLimit)
	}
	return nil
}

// checkExpiry refuses a query whose expiry has passed, or is more than
// workerapi.MaxQueryExpiry ahead of now.
func checkExpiry(expiry uint64, now time.Time) error {
	n := now.Unix()
	switch {
	case n < 0 || expiry < uint64(n):
		return api.Errorf(api.CodeExpired, "the query expired at %d (now %d): sign it again with a later expiry", expiry, n)
	case expiry-uint64(n) > workerapi.MaxQueryExpiry:
		return api.Errorf(api.CodeExpired, "the query's expiry (%d) is more than 1h ahead (now %d): sign it with an expiry at most %d s ahead", expiry, n, workerapi.MaxQueryExpiry)
	}
	return nil
}

// queryEpoch reads the epoch a query is sealed for from its header: magic ‖
// version ‖ type 0x04 ‖ u64 epoch (envelope.SealQuery).
func queryEpoch(msg []byte) (uint64, error) {
	v, err := envelope.VersionOf(msg)
	if err != nil || v != envelope.VersionV2 || len(msg) < envelope.HeaderSize+1+8 || msg[envelope.HeaderSize] != envelope.TypeQuery {
		return 0, api.Errorf(api.CodeBadEnvelope, "worker: a query's request must be an envelope v2 query (type 4, envelope.SealQuery), sealed to the worker's epoch key")
	}
	return binary.BigEndian.Uint64(msg[envelope.HeaderSize+1:]), nil
}

// queryEpochParams returns the current epoch, which the query must be
// sealed for.
func (w *Worker) queryEpochParams(ctx context.Context, epoch uint64) (*epochParams, error) {
	v := w.b.view
	_, _, cur, err := v.now(ctx, false)
	if err != nil {
		return nil, err
	}
	if epoch != cur.first {
		if _, _, cur, err = v.now(ctx, true); err != nil {
			return nil, err
		}
		if epoch != cur.first {
			return nil, api.Errorf(api.CodeWrongEpoch, "worker: the query is sealed for epoch %d but the current epoch starts at block %d: get the selected worker's current epoch key (v2_getEpochKey) and seal the query again", epoch, cur.first)
		}
	}
	return cur, nil
}

// answerQuery has the enclave answer the query on the contract's state as
// this worker holds it.
func (w *Worker) answerQuery(ctx context.Context, r *workerapi.QueryRequest, cur *epochParams, epoch, gas uint64, requestHash [32]byte, now time.Time) (*workerapi.QueryResult, error) {
	ctx, cancel := context.WithTimeout(ctx, w.cfg.TaskTimeout)
	defer cancel()
	if err := w.ensureKey(ctx, r.ContractAddress, cur.seedBytes()); err != nil {
		return nil, api.Errorf(api.CodeUnavailable, "worker: %v; retry", err)
	}
	blob, code, err := w.queryState(ctx, r.ContractAddress)
	if err != nil {
		return nil, err
	}
	resp, err := w.cfg.Enclave.Query(ctx, &enclave.QueryRequest{Contract: r.ContractAddress, Code: code, State: blob.Data,
		ChainID: w.chainID, EnigmaContract: api.EthAddress(w.cfg.Enigma.Addresses().Enigma), Epoch: epoch, Caller: r.Caller,
		Nonce: r.Nonce, Request: r.Request, Expiry: r.Expiry, Signature: enclave.Signature(r.Signature), GasLimit: gas, Now: now.Unix()})
	if err != nil {
		return nil, err
	}
	status := workerapi.QueryOK
	if resp.Status != enclave.TaskSuccess {
		status = workerapi.QueryFailed
	}
	w.log.Debug("query answered", "contract", r.ContractAddress, "status", status, "gas", resp.GasUsed)
	return &workerapi.QueryResult{Status: status, Response: resp.Response, GasUsed: resp.GasUsed, Epoch: epoch}, nil
}

// queryState is the contract's state and code as this worker holds them:
// the state stored after the last task it ran or synced (a per-task
// task's receipt sent, a batch landed). When it holds none, or holds an
// older state than the chain's last delta (other workers ran the contract
// in epochs this worker was not selected for), it first syncs the chain's
// last state from the other workers, as a task does: a query never answers
// from a state the chain has moved past.
func (w *Worker) queryState(ctx context.Context, contract api.ContractAddress) (*state.StateBlob, []byte, error) {
	blob, err := w.cfg.Store.State(ctx, contract)
	switch {
	case err == nil:
		n, cerr := w.cfg.Enigma.CountStateDeltas(ctx, contract)
		if cerr != nil {
			return nil, nil, api.Errorf(api.CodeUnavailable, "worker: read contract %s on chain: %v; retry", contract, cerr)
		}
		if uint64(blob.Index)+1 < n {
			blob, err = w.syncState(ctx, contract, false)
		}
	case api.CodeOf(err) == api.CodeNotFound:
		blob, err = w.syncState(ctx, contract, false)
	}
	if err != nil {
		return nil, nil, api.Errorf(api.CodeUnavailable, "worker: read the state of contract %s: %v; retry", contract, err)
	}
	code, err := w.cfg.Store.Code(ctx, contract)
	if err != nil {
		return nil, nil, api.Errorf(api.CodeUnavailable, "worker: read the code of contract %s: %v; retry", contract, err)
	}
	return blob, code, nil
}

// querySet is the worker's replay set of queries: the request hashes of
// the queries it answered (or is answering), each until its expiry, at
// most max of them.
type querySet struct {
	max int

	mu      sync.Mutex
	expiry  map[[32]byte]uint64
	byTime  expiryHeap
	evicted uint64 // entries dropped at their expiry (for tests)
}

func newQuerySet(max int) *querySet {
	return &querySet{max: max, expiry: map[[32]byte]uint64{}}
}

// remember adds a query's hash until expiry, or refuses it as a replay,
// or as one too many while the set is full.
func (s *querySet) remember(h [32]byte, expiry uint64, now time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.dropExpiredLocked(uint64(max(now.Unix(), 0)))
	if _, ok := s.expiry[h]; ok {
		return api.Errorf(api.CodeReplay, "worker: this query was sent before: seal the call again (a new query nonce) and sign it to ask again")
	}
	if len(s.expiry) >= s.max {
		return api.Errorf(api.CodeRateLimited, "worker: too many queries in flight; retry")
	}
	s.expiry[h] = expiry
	heap.Push(&s.byTime, queryEntry{h: h, expiry: expiry})
	return nil
}

// forget drops a query that got no answer, so it may be sent again.
func (s *querySet) forget(h [32]byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.expiry, h) // its heap entry is skipped when it comes up
}

func (s *querySet) dropExpiredLocked(now uint64) {
	for len(s.byTime) > 0 && s.byTime[0].expiry < now {
		e := heap.Pop(&s.byTime).(queryEntry)
		if exp, ok := s.expiry[e.h]; ok && exp == e.expiry {
			delete(s.expiry, e.h)
			s.evicted++
		}
	}
	// A forgotten entry's heap item waits for its expiry; never more of
	// them than the set's bound plus the queries forgotten meanwhile.
	if len(s.byTime) > 2*s.max+16 {
		s.byTime = s.byTime[:0]
		for h, exp := range s.expiry {
			s.byTime = append(s.byTime, queryEntry{h: h, expiry: exp})
		}
		heap.Init(&s.byTime)
	}
}

func (s *querySet) len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.expiry)
}

type queryEntry struct {
	h      [32]byte
	expiry uint64
}

type expiryHeap []queryEntry

func (q expiryHeap) Len() int           { return len(q) }
func (q expiryHeap) Less(i, j int) bool { return q[i].expiry < q[j].expiry }
func (q expiryHeap) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *expiryHeap) Push(x any)        { *q = append(*q, x.(queryEntry)) }
func (q *expiryHeap) Pop() any {
	old := *q
	e := old[len(old)-1]
	*q = old[:len(old)-1]
	return e
}
