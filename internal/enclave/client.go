package enclave

import (
	"context"
	"fmt"

	"github.com/enigma-go/enigma/api"
)

// Transport carries one encoded request to a backend and returns its encoded
// response (a frame of the response type or TypeError).
type Transport interface {
	RoundTrip(ctx context.Context, request []byte) ([]byte, error)
}

// TransportFunc adapts a function to Transport.
type TransportFunc func(ctx context.Context, request []byte) ([]byte, error)

// RoundTrip calls f.
func (f TransportFunc) RoundTrip(ctx context.Context, request []byte) ([]byte, error) {
	return f(ctx, request)
}

// Client speaks the protocol over a Transport. It implements both Enclave
// and KeyManager; which calls succeed depends on the backend behind it.
type Client struct {
	t Transport
}

// NewClient returns a client that sends every call through t.
func NewClient(t Transport) *Client { return &Client{t: t} }

var (
	_ Enclave    = (*Client)(nil)
	_ KeyManager = (*Client)(nil)
)

// Loopback returns a Client whose transport encodes each call, hands the
// bytes to Serve with the given backends and decodes the answer: the
// in-process backend driven only through the wire format. Either backend
// may be nil.
func Loopback(e Enclave, km KeyManager) *Client {
	h := &Handler{Enclave: e, KeyManager: km}
	return NewClient(TransportFunc(func(ctx context.Context, req []byte) ([]byte, error) {
		return h.Handle(ctx, req), nil
	}))
}

// call sends req as a frame of type t and decodes the answer into resp,
// whose type must be want.
func call[R Message](ctx context.Context, c *Client, t MessageType, req Message, want MessageType, resp R) (R, error) {
	var zero R
	out, err := c.t.RoundTrip(ctx, Marshal(t, req))
	if err != nil {
		return zero, fmt.Errorf("enclave: transport: %w", err)
	}
	rt, m, err := Unmarshal(out)
	if err != nil {
		return zero, fmt.Errorf("enclave: undecodable response: %w", err)
	}
	if rt == TypeError {
		e := m.(*ErrorResponse)
		return zero, &api.Error{Code: api.Code(e.Code), Message: e.Message}
	}
	if rt != want {
		return zero, api.Errorf(api.CodeInvalidInput, "enclave: response of type 0x%02x to a request of type 0x%02x", uint8(rt), uint8(t))
	}
	r, ok := m.(R)
	if !ok {
		return zero, api.Errorf(api.CodeInvalidInput, "enclave: response type 0x%02x decoded to %T", uint8(rt), m)
	}
	return r, nil
}

// Registration implements Common.
func (c *Client) Registration(ctx context.Context, req *RegistrationRequest) (*RegistrationReport, error) {
	return call(ctx, c, TypeRegistrationRequest, req, TypeRegistrationReport, &RegistrationReport{})
}

// Seal implements Common.
func (c *Client) Seal(ctx context.Context, req *SealRequest) (*SealedState, error) {
	return call(ctx, c, TypeSealRequest, req, TypeSealedState, &SealedState{})
}

// NewTaskKey implements Enclave.
func (c *Client) NewTaskKey(ctx context.Context, req *TaskKeyRequest) (*TaskKeyResponse, error) {
	return call(ctx, c, TypeTaskKeyRequest, req, TypeTaskKeyResponse, &TaskKeyResponse{})
}

// EpochKey implements Enclave.
func (c *Client) EpochKey(ctx context.Context, req *EpochKeyRequest) (*EpochKeyResponse, error) {
	return call(ctx, c, TypeEpochKeyRequest, req, TypeEpochKeyResponse, &EpochKeyResponse{})
}

// Execute implements Enclave.
func (c *Client) Execute(ctx context.Context, req *ExecuteRequest) (*ExecuteResponse, error) {
	return call(ctx, c, TypeExecuteRequest, req, TypeExecuteResponse, &ExecuteResponse{})
}

// RestoreKeys implements Enclave.
func (c *Client) RestoreKeys(ctx context.Context, req *RestoreKeysRequest) (*RestoreKeysResponse, error) {
	return call(ctx, c, TypeRestoreKeysRequest, req, TypeRestoreKeysResponse, &RestoreKeysResponse{})
}

// HoldTask implements Enclave.
func (c *Client) HoldTask(ctx context.Context, req *HoldTaskRequest) (*HeldTask, error) {
	return call(ctx, c, TypeHoldTaskRequest, req, TypeHeldTask, &HeldTask{})
}

// SignBatch implements Enclave.
func (c *Client) SignBatch(ctx context.Context, req *SignBatchRequest) (*SignedBatch, error) {
	return call(ctx, c, TypeSignBatchRequest, req, TypeSignedBatch, &SignedBatch{})
}

// VoidBatch implements Enclave.
func (c *Client) VoidBatch(ctx context.Context, req *VoidBatchRequest) (*VoidBatchResponse, error) {
	return call(ctx, c, TypeVoidBatchRequest, req, TypeVoidBatchResponse, &VoidBatchResponse{})
}

// StateKeysRequest implements Enclave.
func (c *Client) StateKeysRequest(ctx context.Context, req *NewStateKeysRequest) (*StateKeysRequest, error) {
	return call(ctx, c, TypeNewStateKeysRequest, req, TypeStateKeysRequestResp, &StateKeysRequest{})
}

// InstallStateKeys implements Enclave.
func (c *Client) InstallStateKeys(ctx context.Context, reply *StateKeysReply) (*InstallStateKeysResponse, error) {
	return call(ctx, c, TypeStateKeysReply, reply, TypeInstallStateKeysResp, &InstallStateKeysResponse{})
}

// CheckState implements Enclave.
func (c *Client) CheckState(ctx context.Context, req *CheckStateRequest) (*CheckStateResponse, error) {
	return call(ctx, c, TypeCheckStateRequest, req, TypeCheckStateResponse, &CheckStateResponse{})
}

// Query implements Enclave.
func (c *Client) Query(ctx context.Context, req *QueryRequest) (*QueryResponse, error) {
	return call(ctx, c, TypeQueryRequest, req, TypeQueryResponse, &QueryResponse{})
}

// PeerIdentity implements Enclave.
func (c *Client) PeerIdentity(ctx context.Context, req *PeerIdentityRequest) (*PeerIdentityResponse, error) {
	return call(ctx, c, TypePeerIdentityRequest, req, TypePeerIdentityResponse, &PeerIdentityResponse{})
}

// NewEpoch implements KeyManager.
func (c *Client) NewEpoch(ctx context.Context, req *NewEpochRequest) (*NewEpochResponse, error) {
	return call(ctx, c, TypeNewEpochRequest, req, TypeNewEpochResponse, &NewEpochResponse{})
}

// GetStateKeys implements KeyManager.
func (c *Client) GetStateKeys(ctx context.Context, req *StateKeysRequest) (*StateKeysReply, error) {
	return call(ctx, c, TypeStateKeysRequest, req, TypeStateKeysReplyResp, &StateKeysReply{})
}

// ConfirmEpoch implements KeyManager.
func (c *Client) ConfirmEpoch(ctx context.Context, req *ConfirmEpochRequest) (*ConfirmEpochResponse, error) {
	return call(ctx, c, TypeConfirmEpochRequest, req, TypeConfirmEpochResponse, &ConfirmEpochResponse{})
}
