package p2p

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/libp2p/go-libp2p/core/protocol"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/worker"
	"github.com/enigma-go/enigma/internal/workerapi"
)

// The methods of ProtoWorker and ProtoSync.
const (
	methodTaskKey byte = iota + 1
	methodEpochKey
	methodDeploy
	methodCompute
	methodV2
	methodTaskResult
	methodExportState
	methodBatched     // ProtoWorker, new with the batched path
	methodBatchedTask // ProtoWorker
	methodQuery       // ProtoWorker, new with secret queries
)

type taskKeyRequest struct {
	UserPubKey [64]byte `json:"userPubKey"`
	Requester  [32]byte `json:"requester"`
}

type taskResultRequest struct {
	TaskID api.TaskID `json:"taskId"`
}

type exportRequest struct {
	Contract api.ContractAddress `json:"contract"`
	From     uint32              `json:"from"`
}

// ServeWorker serves w to the network: its public client protocol to
// anyone and its state to registered workers only.
func (h *Host) ServeWorker(w worker.Node) {
	h.serve(ProtoWorker, maxTaskFrame, anyone, func(ctx context.Context, from peer.ID, method byte, body []byte) ([]byte, error) {
		switch method {
		case methodTaskKey:
			var r taskKeyRequest
			if err := decodeJSON(body, &r); err != nil {
				return nil, err
			}
			// A peer names its own requesters: scoped by the peer, so
			// no peer spends another's budget of task keys.
			k, err := w.TaskKey(ctx, r.UserPubKey, compat.Keccak256([]byte(from), r.Requester[:]))
			return marshal(k, err)
		case methodEpochKey:
			k, err := w.EpochKey(ctx)
			return marshal(k, err)
		case methodDeploy:
			var r workerapi.DeployRequest
			if err := decodeJSON(body, &r); err != nil {
				return nil, err
			}
			return nil, w.SubmitDeploy(ctx, &r)
		case methodCompute:
			var r workerapi.ComputeRequest
			if err := decodeJSON(body, &r); err != nil {
				return nil, err
			}
			return nil, w.SubmitCompute(ctx, &r)
		case methodV2:
			var r workerapi.V2Request
			if err := decodeJSON(body, &r); err != nil {
				return nil, err
			}
			return nil, w.SubmitV2(ctx, &r)
		case methodTaskResult:
			var r taskResultRequest
			if err := decodeJSON(body, &r); err != nil {
				return nil, err
			}
			res, err := w.TaskResult(ctx, r.TaskID)
			return marshal(res, err)
		case methodBatched:
			var r workerapi.BatchedRequest
			if err := decodeJSON(body, &r); err != nil {
				return nil, err
			}
			return nil, w.SubmitBatched(ctx, &r)
		case methodBatchedTask:
			var r taskResultRequest
			if err := decodeJSON(body, &r); err != nil {
				return nil, err
			}
			res, err := w.BatchedTask(ctx, r.TaskID)
			return marshal(res, err)
		case methodQuery:
			var r workerapi.QueryRequest
			if err := decodeJSON(body, &r); err != nil {
				return nil, err
			}
			res, err := w.Query(ctx, &r)
			return marshal(res, err)
		}
		return nil, malformed("worker method", fmt.Errorf("unknown method %d", method))
	})
	h.serve(ProtoSync, maxSmallFrame, workersOnly, func(ctx context.Context, _ peer.ID, method byte, body []byte) ([]byte, error) {
		if method != methodExportState {
			return nil, malformed("sync method", fmt.Errorf("unknown method %d", method))
		}
		var r exportRequest
		if err := decodeJSON(body, &r); err != nil {
			return nil, err
		}
		x, err := w.ExportState(ctx, r.Contract, r.From)
		return marshal(x, err)
	})
}

func marshal(v any, err error) ([]byte, error) {
	if err != nil {
		return nil, err
	}
	return json.Marshal(v)
}

// Node implements worker.Directory: the connected peer that proved to be
// the registered worker signer. A signer not yet known makes the host
// identify its peers again and look in the DHT, for a few seconds.
func (h *Host) Node(signer api.EthAddress) (worker.Node, bool) {
	if p, ok := h.peerOf(signer); ok {
		return &remote{h: h, p: p, signer: signer}, true
	}
	h.lookAgain(func() bool { _, ok := h.peerOf(signer); return ok })
	p, ok := h.peerOf(signer)
	if !ok {
		return nil, false
	}
	return &remote{h: h, p: p, signer: signer}, true
}

// Nodes implements worker.Directory: the proved workers, connected or gone
// for less than keepGone (a call to one that is gone fails as unavailable,
// and its caller asks again). When it knows none, the host first
// identifies its peers again and looks in the DHT, for a few seconds.
func (h *Host) Nodes() []worker.Node {
	if out := h.nodes(); len(out) > 0 {
		return out
	}
	h.lookAgain(func() bool { return len(h.nodes()) > 0 })
	return h.nodes()
}

// lookAgain identifies the connected peers again and, while found still
// says no, looks in the DHT for a few seconds and identifies the peers it
// connected to.
func (h *Host) lookAgain(found func() bool) {
	h.recheckPending()
	if found() {
		return
	}
	ctx, cancel := context.WithTimeout(h.ctx, 3*time.Second)
	defer cancel()
	h.discover(ctx, 3*time.Second)
	h.recheckPending()
}

func (h *Host) nodes() []worker.Node {
	h.mu.Lock()
	defer h.mu.Unlock()
	// The connected workers first: a caller that goes down the list
	// reaches those that are gone (and may take a dial timeout) last.
	var out, gone []worker.Node
	for signer, p := range h.bySigner {
		switch id := h.peers[p]; {
		case id.role != RoleWorker:
		case id.gone.IsZero():
			out = append(out, &remote{h: h, p: p, signer: signer})
		default:
			gone = append(gone, &remote{h: h, p: p, signer: signer})
		}
	}
	return append(out, gone...)
}

var _ worker.Directory = (*Host)(nil)

// remote is a worker reached over the network.
type remote struct {
	h      *Host
	p      peer.ID
	signer api.EthAddress
}

var _ worker.Node = (*remote)(nil)

func (r *remote) Signer() api.EthAddress { return r.signer }

func (r *remote) do(ctx context.Context, proto protocol.ID, method byte, req, ans any, max int) error {
	body, err := json.Marshal(req)
	if err != nil {
		return err
	}
	raw, err := r.h.call(ctx, r.p, proto, method, body, max)
	if err != nil || ans == nil {
		return err
	}
	if err := json.Unmarshal(raw, ans); err != nil {
		r.h.penalise(r.p, penaltyMalformed, "an unreadable answer")
		return api.Errorf(api.CodeInvalidInput, "p2p: worker %s sent an unreadable answer: %v", r.signer, err)
	}
	return nil
}

func (r *remote) TaskKey(ctx context.Context, userPubKey [64]byte, requester [32]byte) (workerapi.WorkerKey, error) {
	var k workerapi.WorkerKey
	err := r.do(ctx, ProtoWorker, methodTaskKey, taskKeyRequest{UserPubKey: userPubKey, Requester: requester}, &k, maxSmallFrame)
	return k, err
}

func (r *remote) EpochKey(ctx context.Context) (workerapi.EpochKey, error) {
	var k workerapi.EpochKey
	err := r.do(ctx, ProtoWorker, methodEpochKey, struct{}{}, &k, maxSmallFrame)
	return k, err
}

func (r *remote) SubmitDeploy(ctx context.Context, req *workerapi.DeployRequest) error {
	return r.do(ctx, ProtoWorker, methodDeploy, req, nil, maxSmallFrame)
}

func (r *remote) SubmitCompute(ctx context.Context, req *workerapi.ComputeRequest) error {
	return r.do(ctx, ProtoWorker, methodCompute, req, nil, maxSmallFrame)
}

func (r *remote) SubmitV2(ctx context.Context, req *workerapi.V2Request) error {
	return r.do(ctx, ProtoWorker, methodV2, req, nil, maxSmallFrame)
}

func (r *remote) SubmitBatched(ctx context.Context, req *workerapi.BatchedRequest) error {
	return r.do(ctx, ProtoWorker, methodBatched, req, nil, maxSmallFrame)
}

func (r *remote) BatchedTask(ctx context.Context, id api.TaskID) (*workerapi.BatchedTask, error) {
	var res *workerapi.BatchedTask
	err := r.do(ctx, ProtoWorker, methodBatchedTask, taskResultRequest{TaskID: id}, &res, maxTaskFrame)
	return res, err
}

func (r *remote) Query(ctx context.Context, req *workerapi.QueryRequest) (*workerapi.QueryResult, error) {
	var res *workerapi.QueryResult
	if err := r.do(ctx, ProtoWorker, methodQuery, req, &res, maxTaskFrame); err != nil {
		return nil, err
	}
	if res == nil {
		return nil, api.Errorf(api.CodeInvalidInput, "p2p: worker %s answered a query with nothing", r.signer)
	}
	return res, nil
}

func (r *remote) TaskResult(ctx context.Context, id api.TaskID) (*workerapi.TaskResult, error) {
	var res *workerapi.TaskResult
	err := r.do(ctx, ProtoWorker, methodTaskResult, taskResultRequest{TaskID: id}, &res, maxTaskFrame)
	return res, err
}

func (r *remote) ExportState(ctx context.Context, contract api.ContractAddress, from uint32) (*worker.StateExport, error) {
	var x *worker.StateExport
	if err := r.do(ctx, ProtoSync, methodExportState, exportRequest{Contract: contract, From: from}, &x, maxSyncFrame); err != nil {
		return nil, err
	}
	if x == nil {
		return nil, api.Errorf(api.CodeInvalidInput, "p2p: worker %s sent no state", r.signer)
	}
	return x, nil
}

// ProveIdentity implements worker.Node: the peer answers the identify
// protocol, bound to its own peer id (transport must be that id).
func (r *remote) ProveIdentity(ctx context.Context, nonce [32]byte, transport []byte) ([65]byte, error) {
	if string(transport) != string(r.p) {
		return [65]byte{}, api.Errorf(api.CodeInvalidInput, "p2p: peer %s signs for its own peer id only", r.p)
	}
	body, _ := json.Marshal(identifyRequest{Nonce: nonce})
	raw, err := r.h.call(ctx, r.p, ProtoIdentify, 0, body, maxSmallFrame)
	if err != nil {
		return [65]byte{}, err
	}
	var ans identifyAnswer
	if err := json.Unmarshal(raw, &ans); err != nil || len(ans.Signature) != 65 {
		return [65]byte{}, api.Errorf(api.CodeBadSignature, "p2p: peer %s answered the identity challenge with no signature", r.p)
	}
	return [65]byte(ans.Signature), nil
}
