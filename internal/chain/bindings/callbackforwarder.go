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

// CallbackForwarderMetaData contains all meta data concerning the CallbackForwarder contract.
var CallbackForwarderMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_token\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_callbackGas\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"callbackGas\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"enigma\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"target\",\"type\":\"address\"},{\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"},{\"internalType\":\"bytes32\",\"name\":\"_scAddr\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"_taskId\",\"type\":\"bytes32\"}],\"name\":\"forward\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"ok\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"forwardGas\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"origin\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"scAddr\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"token\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "CallbackForwarder",
	Bin: "0x60e03461011957601f61058d38819003918201601f19168301916001600160401b0383118484101761011d578084926040948552833981010312610119578051906001600160a01b03821682036101195760200151906152088210158061010c575b156100b5573360805260a05260c05260405161045b908161013282396080518181816101a9015261028d015260a05181818160730152610366015260c051818181610140015281816101ef01526102c20152f35b60405162461bcd60e51b815260206004820152602960248201527f43616c6c6261636b20676173206d7573742062652032312c30303020746f20316044820152680302c3030302c3030360bc1b6064820152608490fd5b5062989680821115610061565b5f80fd5b634e487b7160e01b5f52604160045260245ffdfe6080806040526004361015610012575f80fd5b5f3560e01c908163938b5f321461021257508063a10132ad146101d8578063b24fd5c514610194578063be5d82ea1461012b578063eeeb1fcf146100a65763fc0c546a1461005e575f80fd5b346100a2575f3660031901126100a2576040517f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03168152602090f35b5f80fd5b346100a25760803660031901126100a2576004356001600160a01b03811681036100a2576024359067ffffffffffffffff82116100a257366023830112156100a25781600401359067ffffffffffffffff82116100a25736602483850101116100a2576020926101219260643592602460443593019061028b565b6040519015158152f35b346100a2575f3660031901126100a2576101697f0000000000000000000000000000000000000000000000000000000000000000603f81049061027e565b619c40810180911161018057602090604051908152f35b634e487b7160e01b5f52601160045260245ffd5b346100a2575f3660031901126100a2576040517f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03168152602090f35b346100a2575f3660031901126100a25760206040517f00000000000000000000000000000000000000000000000000000000000000008152f35b346100a2575f3660031901126100a25760015c1561023c57604080515f5c815260015c6020820152f35b62461bcd60e51b815260206004820152601760248201527f4e6f2063616c6c6261636b20696e2070726f67726573730000000000000000006044820152606490fd5b9190820180921161018057565b7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031694939033869003610402577f0000000000000000000000000000000000000000000000000000000000000000955a6102f0603f89048961027e565b90614e2082018092116101805710610397576001600160a01b038216908114908115610364575b811561035a575b508015610351575b610347575f9586958693845d60015d84604051948537f1905f805d5f60015d565b5050505050505f90565b50803b15610326565b905030145f61031e565b7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031681149150610317565b60405162461bcd60e51b815260206004820152603f60248201527f4e6f7420656e6f7567682067617320666f72207468652063616c6c6261636b3a60448201527f2073656e642074686520726563656970742077697468206d6f726520676173006064820152608490fd5b60405162461bcd60e51b815260206004820152602b60248201527f4f6e6c792074686520456e69676d6120636f6e747261637420666f727761726460448201526a732063616c6c6261636b7360a81b6064820152608490fd",
}

// CallbackForwarder is an auto generated Go binding around an Ethereum contract.
type CallbackForwarder struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *CallbackForwarder) GetABI() abi.ABI {
	return c.abi
}

// NewCallbackForwarder creates a new instance of CallbackForwarder.
func NewCallbackForwarder() *CallbackForwarder {
	parsed, err := CallbackForwarderMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &CallbackForwarder{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *CallbackForwarder) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address _token, uint256 _callbackGas) returns()
func (callbackForwarder *CallbackForwarder) PackConstructor(_token common.Address, _callbackGas *big.Int) []byte {
	enc, err := callbackForwarder.abi.Pack("", _token, _callbackGas)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackCallbackGas is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa10132ad.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function callbackGas() view returns(uint256)
func (callbackForwarder *CallbackForwarder) PackCallbackGas() []byte {
	enc, err := callbackForwarder.abi.Pack("callbackGas")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCallbackGas is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa10132ad.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function callbackGas() view returns(uint256)
func (callbackForwarder *CallbackForwarder) TryPackCallbackGas() ([]byte, error) {
	return callbackForwarder.abi.Pack("callbackGas")
}

// UnpackCallbackGas is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa10132ad.
//
// Solidity: function callbackGas() view returns(uint256)
func (callbackForwarder *CallbackForwarder) UnpackCallbackGas(data []byte) (*big.Int, error) {
	out, err := callbackForwarder.abi.Unpack("callbackGas", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackEnigma is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb24fd5c5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function enigma() view returns(address)
func (callbackForwarder *CallbackForwarder) PackEnigma() []byte {
	enc, err := callbackForwarder.abi.Pack("enigma")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEnigma is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb24fd5c5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function enigma() view returns(address)
func (callbackForwarder *CallbackForwarder) TryPackEnigma() ([]byte, error) {
	return callbackForwarder.abi.Pack("enigma")
}

// UnpackEnigma is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb24fd5c5.
//
// Solidity: function enigma() view returns(address)
func (callbackForwarder *CallbackForwarder) UnpackEnigma(data []byte) (common.Address, error) {
	out, err := callbackForwarder.abi.Unpack("enigma", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackForward is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xeeeb1fcf.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function forward(address target, bytes data, bytes32 _scAddr, bytes32 _taskId) returns(bool ok)
func (callbackForwarder *CallbackForwarder) PackForward(target common.Address, data []byte, scAddr [32]byte, taskId [32]byte) []byte {
	enc, err := callbackForwarder.abi.Pack("forward", target, data, scAddr, taskId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackForward is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xeeeb1fcf.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function forward(address target, bytes data, bytes32 _scAddr, bytes32 _taskId) returns(bool ok)
func (callbackForwarder *CallbackForwarder) TryPackForward(target common.Address, data []byte, scAddr [32]byte, taskId [32]byte) ([]byte, error) {
	return callbackForwarder.abi.Pack("forward", target, data, scAddr, taskId)
}

// UnpackForward is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xeeeb1fcf.
//
// Solidity: function forward(address target, bytes data, bytes32 _scAddr, bytes32 _taskId) returns(bool ok)
func (callbackForwarder *CallbackForwarder) UnpackForward(data []byte) (bool, error) {
	out, err := callbackForwarder.abi.Unpack("forward", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackForwardGas is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbe5d82ea.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function forwardGas() view returns(uint256)
func (callbackForwarder *CallbackForwarder) PackForwardGas() []byte {
	enc, err := callbackForwarder.abi.Pack("forwardGas")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackForwardGas is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbe5d82ea.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function forwardGas() view returns(uint256)
func (callbackForwarder *CallbackForwarder) TryPackForwardGas() ([]byte, error) {
	return callbackForwarder.abi.Pack("forwardGas")
}

// UnpackForwardGas is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xbe5d82ea.
//
// Solidity: function forwardGas() view returns(uint256)
func (callbackForwarder *CallbackForwarder) UnpackForwardGas(data []byte) (*big.Int, error) {
	out, err := callbackForwarder.abi.Unpack("forwardGas", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackOrigin is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x938b5f32.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function origin() view returns(bytes32 scAddr, bytes32 taskId)
func (callbackForwarder *CallbackForwarder) PackOrigin() []byte {
	enc, err := callbackForwarder.abi.Pack("origin")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOrigin is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x938b5f32.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function origin() view returns(bytes32 scAddr, bytes32 taskId)
func (callbackForwarder *CallbackForwarder) TryPackOrigin() ([]byte, error) {
	return callbackForwarder.abi.Pack("origin")
}

// OriginOutput serves as a container for the return parameters of contract
// method Origin.
type OriginOutput struct {
	ScAddr [32]byte
	TaskId [32]byte
}

// UnpackOrigin is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x938b5f32.
//
// Solidity: function origin() view returns(bytes32 scAddr, bytes32 taskId)
func (callbackForwarder *CallbackForwarder) UnpackOrigin(data []byte) (OriginOutput, error) {
	out, err := callbackForwarder.abi.Unpack("origin", data)
	outstruct := new(OriginOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.ScAddr = *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	outstruct.TaskId = *abi.ConvertType(out[1], new([32]byte)).(*[32]byte)
	return *outstruct, nil
}

// PackToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc0c546a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function token() view returns(address)
func (callbackForwarder *CallbackForwarder) PackToken() []byte {
	enc, err := callbackForwarder.abi.Pack("token")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc0c546a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function token() view returns(address)
func (callbackForwarder *CallbackForwarder) TryPackToken() ([]byte, error) {
	return callbackForwarder.abi.Pack("token")
}

// UnpackToken is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfc0c546a.
//
// Solidity: function token() view returns(address)
func (callbackForwarder *CallbackForwarder) UnpackToken(data []byte) (common.Address, error) {
	out, err := callbackForwarder.abi.Unpack("token", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}
