// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package bindings

import (
	"bytes"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = bytes.Equal
	_ = errors.New
	_ = big.NewInt
	_ = common.Big1
	_ = types.BloomLookup
	_ = abi.ConvertType
)

// CallbackTargetMetaData contains all meta data concerning the CallbackTarget contract.
var CallbackTargetMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[],\"name\":\"calls\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"fail\",\"outputs\":[],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"lastValue\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"record\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"target\",\"type\":\"address\"},{\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"}],\"name\":\"reenter\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "CallbackTarget",
	Bin: "0x60808060405234601557610221908161001a8239f35b5f80fdfe60806040526004361015610011575f80fd5b5f3560e01c80632c16cd8a146101da578063305f72b7146101be57806343183834146101a1578063903dd84f1461009c5763a9cc471814610050575f80fd5b34610098575f3660031901126100985760405162461bcd60e51b815260206004820152601060248201526f18d85b1b189858dac81c99599d5cd95960821b6044820152606490fd5b5f80fd5b34610098576040366003190112610098576004356001600160a01b0381168103610098576024359067ffffffffffffffff821161009857366023830112156100985781600401359067ffffffffffffffff82116100985736602483850101116100985760245f8094819461011083546101ff565b835580604051948593018337810182815203925af13d1561019c573d67ffffffffffffffff81116101885760405190601f8101601f19908116603f0116820167ffffffffffffffff8111838210176101885760405281525f60203d92013e5b1561017f5760ff60015b16600155005b60ff6002610179565b634e487b7160e01b5f52604160045260245ffd5b61016f565b34610098575f366003190112610098576020600154604051908152f35b34610098575f3660031901126100985760205f54604051908152f35b34610098576020366003190112610098576101f55f546101ff565b5f55600435600155005b5f19811461020d5760010190565b634e487b7160e01b5f52601160045260245ffd",
}

// CallbackTarget is an auto generated Go binding around an Ethereum contract.
type CallbackTarget struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *CallbackTarget) GetABI() abi.ABI {
	return c.abi
}

// NewCallbackTarget creates a new instance of CallbackTarget.
func NewCallbackTarget() *CallbackTarget {
	parsed, err := CallbackTargetMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &CallbackTarget{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *CallbackTarget) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackCalls is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x305f72b7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function calls() view returns(uint256)
func (callbackTarget *CallbackTarget) PackCalls() []byte {
	enc, err := callbackTarget.abi.Pack("calls")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCalls is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x305f72b7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function calls() view returns(uint256)
func (callbackTarget *CallbackTarget) TryPackCalls() ([]byte, error) {
	return callbackTarget.abi.Pack("calls")
}

// UnpackCalls is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x305f72b7.
//
// Solidity: function calls() view returns(uint256)
func (callbackTarget *CallbackTarget) UnpackCalls(data []byte) (*big.Int, error) {
	out, err := callbackTarget.abi.Unpack("calls", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackFail is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa9cc4718.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function fail() pure returns()
func (callbackTarget *CallbackTarget) PackFail() []byte {
	enc, err := callbackTarget.abi.Pack("fail")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFail is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa9cc4718.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function fail() pure returns()
func (callbackTarget *CallbackTarget) TryPackFail() ([]byte, error) {
	return callbackTarget.abi.Pack("fail")
}

// PackLastValue is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x43183834.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function lastValue() view returns(uint256)
func (callbackTarget *CallbackTarget) PackLastValue() []byte {
	enc, err := callbackTarget.abi.Pack("lastValue")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLastValue is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x43183834.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function lastValue() view returns(uint256)
func (callbackTarget *CallbackTarget) TryPackLastValue() ([]byte, error) {
	return callbackTarget.abi.Pack("lastValue")
}

// UnpackLastValue is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x43183834.
//
// Solidity: function lastValue() view returns(uint256)
func (callbackTarget *CallbackTarget) UnpackLastValue(data []byte) (*big.Int, error) {
	out, err := callbackTarget.abi.Unpack("lastValue", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRecord is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2c16cd8a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function record(uint256 value) returns()
func (callbackTarget *CallbackTarget) PackRecord(value *big.Int) []byte {
	enc, err := callbackTarget.abi.Pack("record", value)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRecord is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2c16cd8a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function record(uint256 value) returns()
func (callbackTarget *CallbackTarget) TryPackRecord(value *big.Int) ([]byte, error) {
	return callbackTarget.abi.Pack("record", value)
}

// PackReenter is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x903dd84f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function reenter(address target, bytes data) returns()
func (callbackTarget *CallbackTarget) PackReenter(target common.Address, data []byte) []byte {
	enc, err := callbackTarget.abi.Pack("reenter", target, data)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReenter is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x903dd84f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function reenter(address target, bytes data) returns()
func (callbackTarget *CallbackTarget) TryPackReenter(target common.Address, data []byte) ([]byte, error) {
	return callbackTarget.abi.Pack("reenter", target, data)
}
