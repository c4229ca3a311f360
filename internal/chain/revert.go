package chain

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/enigma-go/enigma/internal/chain/bindings"
)

// ErrReverted marks an error whose transaction or call was reverted by the
// contract; errors.Is(err, ErrReverted) tells a revert (do not retry the
// same call) from a node or network failure.
var ErrReverted = errors.New("execution reverted")

// RevertError is a reverted call or transaction with its decoded reason.
type RevertError struct {
	Reason string // the require/revert message, or "panic: ..." / "" when none was given
	Data   []byte // raw revert data
}

func (e *RevertError) Error() string {
	if e.Reason == "" {
		return "execution reverted (no reason given)"
	}
	return "execution reverted: " + e.Reason
}

func (e *RevertError) Is(target error) bool { return target == ErrReverted }

// asRevert turns a node's answer to a reverted eth_call/eth_estimateGas into
// a *RevertError, decoding Error(string) and Panic(uint256) data. Other
// errors are returned as they are.
func asRevert(err error) error {
	if err == nil {
		return nil
	}
	var re *RevertError
	if errors.As(err, &re) {
		return err
	}
	var data []byte
	var de rpc.DataError
	if errors.As(err, &de) {
		if s, ok := de.ErrorData().(string); ok {
			data, _ = hexutil.Decode(s)
		}
	}
	if data == nil && !strings.Contains(strings.ToLower(err.Error()), "revert") {
		return err
	}
	return &RevertError{Reason: revertReason(data, err), Data: data}
}

func revertReason(data []byte, err error) string {
	if len(data) >= 4 {
		if reason, uerr := abi.UnpackRevert(data); uerr == nil {
			return reason
		}
		return decodeCustomError(data)
	}
	// No data: some nodes put the reason in the message only.
	msg := err.Error()
	if i := strings.Index(msg, "execution reverted"); i >= 0 {
		return strings.TrimLeft(strings.TrimPrefix(msg[i:], "execution reverted"), ": ")
	}
	return ""
}

// decodeCustomError names a Solidity custom error of our contracts (the
// token's OpenZeppelin ERC20 errors, e.g. ERC20InsufficientAllowance).
func decodeCustomError(data []byte) string {
	for _, a := range []abi.ABI{bindings.NewEnigmaToken().GetABI(), bindings.NewEnigma().GetABI()} {
		for _, e := range a.Errors {
			if !bytes.Equal(e.ID[:4], data[:4]) {
				continue
			}
			args, err := e.Unpack(data)
			if err != nil {
				break
			}
			return fmt.Sprintf("%s%v", e.Name, args)
		}
	}
	return fmt.Sprintf("custom error 0x%x", data)
}
