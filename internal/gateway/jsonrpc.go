package gateway

import (
	"encoding/json"
	"errors"

	"github.com/enigma-go/enigma/api"
)

// JSON-RPC 2.0 error codes.
const (
	codeParseError     = -32700
	codeInvalidRequest = -32600
	codeMethodNotFound = -32601
	codeInvalidParams  = -32602
	codeInternalError  = -32603
	codeServerError    = -32000 // with data.code carrying the api.Code
)

type rpcRequest struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method"`
	Params  json.RawMessage `json:"params,omitempty"`
}

type rpcResponse struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Result  any             `json:"result,omitempty"`
	Error   *rpcError       `json:"error,omitempty"`
}

type rpcError struct {
	Code    int           `json:"code"`
	Message string        `json:"message"`
	Data    *rpcErrorData `json:"data,omitempty"`
}

type rpcErrorData struct {
	Code api.Code `json:"code"` // the stable api error code
}

func invalidParams(format string, args ...any) *rpcError {
	return &rpcError{Code: codeInvalidParams, Message: api.Errorf(api.CodeInvalidInput, format, args...).Error(),
		Data: &rpcErrorData{Code: api.CodeInvalidInput}}
}

// toRPCError turns a Backend error into a JSON-RPC error that keeps the
// api code, so clients can act on it without parsing the message.
func toRPCError(err error) *rpcError {
	var re *rpcError
	if errors.As(err, &re) {
		return re
	}
	code := api.CodeOf(err)
	rpcCode := codeServerError
	if code == api.CodeInvalidInput {
		rpcCode = codeInvalidParams
	}
	return &rpcError{Code: rpcCode, Message: err.Error(), Data: &rpcErrorData{Code: code}}
}

func (e *rpcError) Error() string { return e.Message }

// nullID is the id of a response to a request whose id could not be read.
var nullID = json.RawMessage("null")
