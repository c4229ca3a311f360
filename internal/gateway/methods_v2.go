package gateway

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"github.com/enigma-go/enigma/internal/workerapi"
)

// Envelope v2 methods (docs/protocol/envelope-v2.md § "Gateway"). They are
// this network's own, so their replies are plain JSON-RPC results, without
// the extra "result" level the compat methods keep for enigma-js.
const (
	methodV2EpochKey = "v2_getEpochKey"
	methodV2SendTask = "v2_sendTask"
)

// Sizes of a v2 request (internal/crypto/envelope, which this package must
// not import; a test pins them): the header is magic(4) ‖ version ‖ type ‖
// u64 epoch, and the smallest request seals just the 4-byte length prefix.
const (
	v2RequestHeaderSize = 14
	v2MinRequestSize    = v2RequestHeaderSize + 1120 + 16 + 4
)

var v2RequestPrefix = []byte{0xE7, 'E', 'N', 'G', 0x02, 0x01}

// errNoV2 answers v2 calls when the Backend does not serve envelope v2.
// "Method not found" is JSON-RPC's code for a method that is not
// available, which lets clients fall back to the compat envelope.
func errNoV2(method string) *rpcError {
	return &rpcError{Code: codeMethodNotFound,
		Message: fmt.Sprintf("this node does not serve envelope v2 (%s): send the task with the compat envelope", method)}
}

func (s *Server) addV2Methods() {
	s.methods[methodV2EpochKey] = s.v2GetEpochKey
	s.methods[methodV2SendTask] = s.v2SendTask
}

// v2GetEpochKey answers {workerAddress} with the worker's envelope v2 key
// for the current epoch: {epoch, publicKey, signature}, hex without 0x.
func (s *Server) v2GetEpochKey(ctx context.Context, raw json.RawMessage) (any, error) {
	var p struct {
		WorkerAddress string `json:"workerAddress"`
	}
	if err := decodeParams(raw, &p); err != nil {
		return nil, err
	}
	worker, err := addressField("workerAddress", p.WorkerAddress)
	if err != nil {
		return nil, err
	}
	b, ok := s.backend.(V2Backend)
	if !ok {
		return nil, errNoV2(methodV2EpochKey)
	}
	k, err := b.EpochKey(ctx, worker)
	if err != nil {
		return nil, err
	}
	return map[string]any{
		"epoch":     k.Epoch,
		"publicKey": hex.EncodeToString(k.PublicKey),
		"signature": hex.EncodeToString(k.Signature),
	}, nil
}

// v2SendParams are the members of a v2_sendTask call.
type v2SendParams struct {
	Deploy          bool    `json:"deploy"`
	TaskID          string  `json:"taskId"`
	WorkerAddress   string  `json:"workerAddress"`
	ContractAddress string  `json:"contractAddress"`
	PreCode         string  `json:"preCode"`
	Request         string  `json:"request"`
	Sender          string  `json:"sender"`
	TaskNonce       *uint64 `json:"taskNonce"`
}

func (s *Server) v2SendTask(ctx context.Context, raw json.RawMessage) (any, error) {
	var p v2SendParams
	if err := decodeParams(raw, &p); err != nil {
		return nil, err
	}
	req, err := p.parse()
	if err != nil {
		return nil, err
	}
	if req.Deploy {
		if req.PreCode, err = s.gunzipPreCode(p.PreCode); err != nil {
			return nil, err
		}
	}
	b, ok := s.backend.(V2Backend)
	if !ok {
		return nil, errNoV2(methodV2SendTask)
	}
	if err := b.SubmitV2(ctx, req); err != nil {
		return nil, err
	}
	return map[string]bool{"accepted": true}, nil
}

// parse checks every member but the pre-code, which needs the server's
// size limit.
func (p *v2SendParams) parse() (*workerapi.V2Request, error) {
	r := &workerapi.V2Request{Deploy: p.Deploy}
	var err error
	if r.TaskID, err = hashField("taskId", p.TaskID); err != nil {
		return nil, err
	}
	if r.Worker, err = addressField("workerAddress", p.WorkerAddress); err != nil {
		return nil, err
	}
	if r.ContractAddress, err = hashField("contractAddress", p.ContractAddress); err != nil {
		return nil, err
	}
	if r.Sender, err = addressField("sender", p.Sender); err != nil {
		return nil, err
	}
	if p.TaskNonce == nil {
		return nil, invalidParams(`missing parameter "taskNonce" (the sender's task counter the task record was created with)`)
	}
	r.TaskNonce = *p.TaskNonce
	if r.Request, err = hexField("request", p.Request, -1, v2MinRequestSize); err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(r.Request, v2RequestPrefix) {
		return nil, invalidParams(`parameter "request" is not an envelope v2 request (it must start with %x)`, v2RequestPrefix)
	}
	switch {
	case p.Deploy && r.ContractAddress != r.TaskID:
		return nil, invalidParams("a deploy's contractAddress must be its taskId (%s), got %s", r.TaskID, r.ContractAddress)
	case !p.Deploy && p.PreCode != "":
		return nil, invalidParams(`parameter "preCode" is only for a deploy ("deploy": true)`)
	}
	return r, nil
}
