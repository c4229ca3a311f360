package api

import (
	"errors"
	"fmt"
)

// Code is a stable error code carried across process boundaries (JSON-RPC
// error codes, failure receipts, CLI exit messages). Codes never change
// meaning once released; new failures get new codes.
type Code int

// Error codes. The JSON-RPC range -32768..-32000 is reserved by JSON-RPC 2.0
// itself; ours start at 1000 and are grouped by component.
const (
	CodeUnknown Code = 1000

	CodeInvalidInput Code = 1100 // malformed request or parameter
	CodeNotFound     Code = 1101 // unknown task, contract or worker
	CodeReplay       Code = 1102 // task or message already seen
	CodeUnavailable  Code = 1103 // the component needed is down; retry later
	CodeTimeout      Code = 1104
	CodeConflict     Code = 1105 // conflicts with what was already done (e.g. other parameters for a signed epoch)
	CodeRateLimited  Code = 1106 // too many requests from this client; slow down and retry
	CodeExpired      Code = 1107 // past its expiry (or an expiry too far ahead); sign it again with a fresh expiry

	CodeWrongKey       Code = 1200 // ciphertext not for this key (wrong worker, wrong user key)
	CodeTampered       Code = 1201 // authentication failed: ciphertext or associated data altered
	CodeBadSignature   Code = 1202
	CodeBadEnvelope    Code = 1203 // unknown envelope version or truncated envelope
	CodeNotSelected    Code = 1204 // this worker is not selected for the contract in this epoch
	CodeWrongEpoch     Code = 1205
	CodeInputsMismatch Code = 1206 // inputs do not hash to the task record's inputsHash

	CodeInvalidModule   Code = 1300 // not a valid or allowed WebAssembly module
	CodeOutOfGas        Code = 1301
	CodeTrap            Code = 1302 // the contract trapped (unreachable, bad memory access, ...)
	CodeResourceLimit   Code = 1303 // memory, stack or table limit exceeded
	CodeUnknownFunction Code = 1304 // the contract has no such public function
	CodeHostCall        Code = 1305 // a host function was called with bad arguments
	CodeReadOnly        Code = 1306 // a query tried to write or remove state or call Ethereum

	CodeChain Code = 1400 // an Ethereum transaction or call failed
)

// Error is an error with a stable Code and a message meant for the user:
// what went wrong and, where it helps, what to do about it.
type Error struct {
	Code    Code
	Message string // the whole text shown to the user, including the cause's text
	Err     error  // optional cause for errors.Is/As; not sent over the wire
}

func (e *Error) Error() string {
	if e.Message == "" && e.Err != nil {
		return e.Err.Error()
	}
	if e.Message == "" {
		return fmt.Sprintf("error code %d", int(e.Code))
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// Is matches another *Error with the same code, so sentinel errors can be
// compared with errors.Is after a round trip over the wire.
func (e *Error) Is(target error) bool {
	var t *Error
	return errors.As(target, &t) && t.Code == e.Code && t.Message == ""
}

// Errorf returns an *Error with the code and a formatted message. A %w verb
// in format sets Err.
func Errorf(code Code, format string, args ...any) *Error {
	err := fmt.Errorf(format, args...)
	return &Error{Code: code, Message: err.Error(), Err: errors.Unwrap(err)}
}

// CodeOf returns the code of the first *Error in err's chain, or CodeUnknown.
func CodeOf(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return CodeUnknown
}

// Sentinel returns an *Error that matches, with errors.Is, every error
// carrying code.
func Sentinel(code Code) error { return &Error{Code: code} }
