package workerhttp

import (
	"errors"
	"github.com/enigma-go/enigma/internal/workerapi"
	"net/http"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/state"
)

// The paths of the API, version 1. docs/nodes.md lists the bodies.
const (
	pathInfo        = "/v1/info"
	pathTaskKey     = "/v1/task-key"
	pathEpochKey    = "/v1/epoch-key"
	pathDeploy      = "/v1/deploy"
	pathCompute     = "/v1/compute"
	pathV2          = "/v1/v2"
	pathTaskResult  = "/v1/task-result"
	pathExportState = "/v1/export-state"
	pathIdentity    = "/v1/peer-identity"
)

// infoReply names the worker behind a URL.
type infoReply struct {
	Signer api.EthAddress `json:"signer"`
}

type taskKeyRequest struct {
	UserPubKey []byte `json:"userPubKey"`          // 64 bytes
	Requester  []byte `json:"requester,omitempty"` // 32 bytes or none
}

type taskKeyReply struct {
	PublicKey []byte `json:"publicKey"` // 64 bytes
	Signature []byte `json:"signature"`
}

// deployWire and computeWire carry the gateway's requests, the 64-byte
// user key as base64 rather than as a JSON array of numbers: the
// outer field hides the embedded one.
type deployWire struct {
	workerapi.DeployRequest
	UserPubKey []byte
}

type computeWire struct {
	workerapi.ComputeRequest
	UserPubKey []byte
}

type taskResultRequest struct {
	TaskID api.TaskID `json:"taskId"`
}

// taskResultReply's Result is null for a task the worker has not seen.
type taskResultReply struct {
	Result *workerapi.TaskResult `json:"result"`
}

type exportRequest struct {
	Contract api.ContractAddress `json:"contract"`
	From     uint32              `json:"from"`
}

// exportReply carries the delta range in its own binary encoding
// (state.DeltaRange.MarshalBinary), which the receiver checks against the
// chain before importing.
type exportReply struct {
	Range []byte           `json:"range"`
	State *state.StateBlob `json:"state"`
}

// identityRequest is a peer's identity challenge; Transport is the URL the
// challenger reached the worker at, which must be the worker's own.
type identityRequest struct {
	Nonce     []byte `json:"nonce"` // 32 bytes
	Transport string `json:"transport"`
}

type identityReply struct {
	Signature []byte `json:"signature"` // 65 bytes
}

type empty struct{}

// errorReply is the body of every failed call.
type errorReply struct {
	Error wireError `json:"error"`
}

type wireError struct {
	Code    api.Code `json:"code"`
	Message string   `json:"message"`
}

func toWire(err error) wireError {
	return wireError{Code: api.CodeOf(err), Message: err.Error()}
}

// httpStatus is informative only: clients read the code from the body.
func httpStatus(code api.Code) int {
	switch code {
	case api.CodeInvalidInput, api.CodeBadEnvelope, api.CodeInputsMismatch, api.CodeReplay:
		return http.StatusBadRequest
	case api.CodeNotFound:
		return http.StatusNotFound
	case api.CodeUnavailable, api.CodeNotSelected:
		return http.StatusServiceUnavailable
	case api.CodeTimeout:
		return http.StatusGatewayTimeout
	}
	return http.StatusInternalServerError
}

func bytes64(b []byte, what string) ([64]byte, error) {
	if len(b) != 64 {
		return [64]byte{}, api.Errorf(api.CodeInvalidInput, "workerhttp: %s must be 64 bytes, got %d", what, len(b))
	}
	return [64]byte(b), nil
}

var errNoState = errors.New("the export carries no state")
