package enclave

import (
	"context"
	"errors"

	"github.com/enigma-go/enigma/api"
)

// Handler answers encoded requests with a backend: the enclave side of a
// Transport. Either role may be nil; calls for a missing role fail with
// api.CodeUnavailable. Registration and Seal exist in both roles and go to
// the worker when both are set, so a stream should serve one role. Handler
// is safe for concurrent use when its backends are.
type Handler struct {
	Enclave    Enclave
	KeyManager KeyManager
}

// Handle decodes one request frame, calls the backend and returns the
// encoded response or error frame. It never panics on bad input.
func (h *Handler) Handle(ctx context.Context, frame []byte) (out []byte) {
	defer func() {
		// A backend bug must not take the enclave down with it: the call
		// fails, the enclave keeps serving.
		if p := recover(); p != nil {
			out = errorFrame(api.Errorf(api.CodeUnknown, "enclave: internal error: %v", p))
		}
	}()
	t, m, err := Unmarshal(frame)
	if err != nil {
		return errorFrame(err)
	}
	rt, resp, err := h.dispatch(ctx, t, m)
	if err != nil {
		return errorFrame(err)
	}
	return Marshal(rt, resp)
}

func (h *Handler) common() Common {
	if h.Enclave != nil {
		return h.Enclave
	}
	if h.KeyManager != nil {
		return h.KeyManager
	}
	return nil
}

func (h *Handler) dispatch(ctx context.Context, t MessageType, m Message) (MessageType, Message, error) {
	noRole := func(role string) (MessageType, Message, error) {
		return 0, nil, api.Errorf(api.CodeUnavailable, "enclave: this backend has no %s role; send the request to the right enclave", role)
	}
	switch req := m.(type) {
	case *RegistrationRequest:
		c := h.common()
		if c == nil {
			return noRole("enclave")
		}
		r, err := c.Registration(ctx, req)
		return TypeRegistrationReport, r, err
	case *SealRequest:
		c := h.common()
		if c == nil {
			return noRole("enclave")
		}
		r, err := c.Seal(ctx, req)
		return TypeSealedState, r, err
	case *PeerIdentityRequest:
		c := h.common()
		if c == nil {
			return noRole("enclave")
		}
		r, err := c.PeerIdentity(ctx, req)
		return TypePeerIdentityResponse, r, err
	}
	if t == TypeTaskKeyRequest || t == TypeEpochKeyRequest || t == TypeExecuteRequest || t == TypeNewStateKeysRequest ||
		t == TypeStateKeysReply || t == TypeSignBatchRequest || t == TypeCheckStateRequest ||
		t == TypeHoldTaskRequest || t == TypeRestoreKeysRequest || t == TypeVoidBatchRequest || t == TypeQueryRequest {
		if h.Enclave == nil {
			return noRole("worker")
		}
		switch req := m.(type) {
		case *TaskKeyRequest:
			r, err := h.Enclave.NewTaskKey(ctx, req)
			return TypeTaskKeyResponse, r, err
		case *EpochKeyRequest:
			r, err := h.Enclave.EpochKey(ctx, req)
			return TypeEpochKeyResponse, r, err
		case *ExecuteRequest:
			r, err := h.Enclave.Execute(ctx, req)
			return TypeExecuteResponse, r, err
		case *HoldTaskRequest:
			r, err := h.Enclave.HoldTask(ctx, req)
			return TypeHeldTask, r, err
		case *RestoreKeysRequest:
			r, err := h.Enclave.RestoreKeys(ctx, req)
			return TypeRestoreKeysResponse, r, err
		case *SignBatchRequest:
			r, err := h.Enclave.SignBatch(ctx, req)
			return TypeSignedBatch, r, err
		case *VoidBatchRequest:
			r, err := h.Enclave.VoidBatch(ctx, req)
			return TypeVoidBatchResponse, r, err
		case *NewStateKeysRequest:
			r, err := h.Enclave.StateKeysRequest(ctx, req)
			return TypeStateKeysRequestResp, r, err
		case *StateKeysReply:
			r, err := h.Enclave.InstallStateKeys(ctx, req)
			return TypeInstallStateKeysResp, r, err
		case *CheckStateRequest:
			r, err := h.Enclave.CheckState(ctx, req)
			return TypeCheckStateResponse, r, err
		case *QueryRequest:
			r, err := h.Enclave.Query(ctx, req)
			return TypeQueryResponse, r, err
		}
	}
	if t == TypeNewEpochRequest || t == TypeStateKeysRequest || t == TypeConfirmEpochRequest {
		if h.KeyManager == nil {
			return noRole("key manager")
		}
		switch req := m.(type) {
		case *NewEpochRequest:
			r, err := h.KeyManager.NewEpoch(ctx, req)
			return TypeNewEpochResponse, r, err
		case *StateKeysRequest:
			r, err := h.KeyManager.GetStateKeys(ctx, req)
			return TypeStateKeysReplyResp, r, err
		case *ConfirmEpochRequest:
			r, err := h.KeyManager.ConfirmEpoch(ctx, req)
			return TypeConfirmEpochResponse, r, err
		}
	}
	return 0, nil, api.Errorf(api.CodeInvalidInput, "enclave: message type 0x%02x is not a request", uint8(t))
}

// errorFrame encodes err as an ErrorResponse, keeping its code.
func errorFrame(err error) []byte {
	code := api.CodeOf(err)
	msg := err.Error()
	var ae *api.Error
	if errors.As(err, &ae) && ae.Message != "" {
		msg = ae.Error()
	}
	return Marshal(TypeError, &ErrorResponse{Code: uint32(code), Message: msg})
}
