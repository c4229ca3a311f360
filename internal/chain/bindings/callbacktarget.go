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
	ABI: "[{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"keep\",\"type\":\"uint256\"}],\"name\":\"burn\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"calls\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"fail\",\"outputs\":[],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"lastCaller\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"lastContract\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"lastTask\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"lastValue\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"record\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"recordOrigin\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"target\",\"type\":\"address\"},{\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"}],\"name\":\"reenter\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "CallbackTarget",
	Bin: "0x6080806040523460155761039f908161001a8239f35b5f80fdfe6080806040526004361015610012575f80fd5b5f3560e01c908163143ce5fd14610341575080632113522a146103195780632c16cd8a146102f4578063305f72b7146102d857806342966c68146102aa578063431838341461028d578063903dd84f1461019a578063a9cc471814610152578063b1557c2c146101355763c4418d3f1461008a575f80fd5b3461011e575f36600319011261011e576100a45f5461035b565b5f55336bffffffffffffffffffffffff60a01b60045416176004556040516349c5af9960e11b8152604081600481335afa801561012a575f915f916100ed575b50600355600255005b9150506040813d604011610122575b816101096040938361037d565b8101031261011e57602081519101515f6100e4565b5f80fd5b3d91506100fc565b6040513d5f823e3d90fd5b3461011e575f36600319011261011e576020600254604051908152f35b3461011e575f36600319011261011e5760405162461bcd60e51b815260206004820152601060248201526f18d85b1b189858dac81c99599d5cd95960821b6044820152606490fd5b3461011e57604036600319011261011e576004356001600160a01b038116810361011e576024359067ffffffffffffffff821161011e573660238301121561011e5781600401359067ffffffffffffffff821161011e57366024838501011161011e5760245f8094819461020e835461035b565b835580604051948593018337810182815203925af13d15610288573d67ffffffffffffffff81116102745760405190610251601f8201601f19166020018361037d565b81525f60203d92013e5b1561026b5760ff60015b16600155005b60ff6002610265565b634e487b7160e01b5f52604160045260245ffd5b61025b565b3461011e575f36600319011261011e576020600154604051908152f35b3461011e57602036600319011261011e576004355a6102c95f5461035b565b5f556001555b805a116102cf57005b3461011e575f36600319011261011e5760205f54604051908152f35b3461011e57602036600319011261011e5761030f5f5461035b565b5f55600435600155005b3461011e575f36600319011261011e576004546040516001600160a01b039091168152602090f35b3461011e575f36600319011261011e576020906003548152f35b5f1981146103695760010190565b634e487b7160e01b5f52601160045260245ffd5b90601f8019910116810190811067ffffffffffffffff8211176102745760405256",
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

// PackBurn is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42966c68.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function burn(uint256 keep) returns()
func (callbackTarget *CallbackTarget) PackBurn(keep *big.Int) []byte {
	enc, err := callbackTarget.abi.Pack("burn", keep)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBurn is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42966c68.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function burn(uint256 keep) returns()
func (callbackTarget *CallbackTarget) TryPackBurn(keep *big.Int) ([]byte, error) {
	return callbackTarget.abi.Pack("burn", keep)
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

// PackLastCaller is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2113522a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function lastCaller() view returns(address)
func (callbackTarget *CallbackTarget) PackLastCaller() []byte {
	enc, err := callbackTarget.abi.Pack("lastCaller")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLastCaller is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2113522a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function lastCaller() view returns(address)
func (callbackTarget *CallbackTarget) TryPackLastCaller() ([]byte, error) {
	return callbackTarget.abi.Pack("lastCaller")
}

// UnpackLastCaller is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2113522a.
//
// Solidity: function lastCaller() view returns(address)
func (callbackTarget *CallbackTarget) UnpackLastCaller(data []byte) (common.Address, error) {
	out, err := callbackTarget.abi.Unpack("lastCaller", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackLastContract is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb1557c2c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function lastContract() view returns(bytes32)
func (callbackTarget *CallbackTarget) PackLastContract() []byte {
	enc, err := callbackTarget.abi.Pack("lastContract")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLastContract is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb1557c2c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function lastContract() view returns(bytes32)
func (callbackTarget *CallbackTarget) TryPackLastContract() ([]byte, error) {
	return callbackTarget.abi.Pack("lastContract")
}

// UnpackLastContract is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb1557c2c.
//
// Solidity: function lastContract() view returns(bytes32)
func (callbackTarget *CallbackTarget) UnpackLastContract(data []byte) ([32]byte, error) {
	out, err := callbackTarget.abi.Unpack("lastContract", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackLastTask is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x143ce5fd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function lastTask() view returns(bytes32)
func (callbackTarget *CallbackTarget) PackLastTask() []byte {
	enc, err := callbackTarget.abi.Pack("lastTask")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLastTask is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x143ce5fd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function lastTask() view returns(bytes32)
func (callbackTarget *CallbackTarget) TryPackLastTask() ([]byte, error) {
	return callbackTarget.abi.Pack("lastTask")
}

// UnpackLastTask is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x143ce5fd.
//
// Solidity: function lastTask() view returns(bytes32)
func (callbackTarget *CallbackTarget) UnpackLastTask(data []byte) ([32]byte, error) {
	out, err := callbackTarget.abi.Unpack("lastTask", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
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

// PackRecordOrigin is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc4418d3f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function recordOrigin() returns()
func (callbackTarget *CallbackTarget) PackRecordOrigin() []byte {
	enc, err := callbackTarget.abi.Pack("recordOrigin")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRecordOrigin is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc4418d3f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function recordOrigin() returns()
func (callbackTarget *CallbackTarget) TryPackRecordOrigin() ([]byte, error) {
	return callbackTarget.abi.Pack("recordOrigin")
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
