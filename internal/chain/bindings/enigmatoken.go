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

// EnigmaTokenMetaData contains all meta data concerning the EnigmaToken contract.
var EnigmaTokenMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_supply\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"allowance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"}],\"name\":\"ERC20InsufficientAllowance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"}],\"name\":\"ERC20InsufficientBalance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"approver\",\"type\":\"address\"}],\"name\":\"ERC20InvalidApprover\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"receiver\",\"type\":\"address\"}],\"name\":\"ERC20InvalidReceiver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"ERC20InvalidSender\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"}],\"name\":\"ERC20InvalidSpender\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"Approval\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"Transfer\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"INITIAL_SUPPLY\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"}],\"name\":\"allowance\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"approve\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"decimals\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"subtractedValue\",\"type\":\"uint256\"}],\"name\":\"decreaseAllowance\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"addedValue\",\"type\":\"uint256\"}],\"name\":\"increaseAllowance\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"name\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"symbol\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"totalSupply\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"transfer\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"transferFrom\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "EnigmaToken",
	Bin: "0x60a06040523461039b57610b4a6020813803918261001c8161039f565b93849283398101031261039b5751610034604061039f565b906006825265456e69676d6160d01b6020830152610052604061039f565b6003815262454e4760e81b602082015282519091906001600160401b0381116102ac57600354600181811c91168015610391575b602082101461028e57601f811161032e575b506020601f82116001146102cb57819293945f926102c0575b50508160011b915f199060031b1c1916176003555b81516001600160401b0381116102ac57600454600181811c911680156102a2575b602082101461028e57601f811161022b575b50602092601f82116001146101ca57928192935f926101bf575b50508160011b915f199060031b1c1916176004555b8060805233156101ac5760025481810180911161019857600255335f525f60205260405f208181540190556040519081525f7fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef60203393a360405161078590816103c58239608051816103680152f35b634e487b7160e01b5f52601160045260245ffd5b63ec442f0560e01b5f525f60045260245ffd5b015190505f80610113565b601f1982169360045f52805f20915f5b86811061021357508360019596106101fb575b505050811b01600455610128565b01515f1960f88460031b161c191690555f80806101ed565b919260206001819286850151815501940192016101da565b60045f527f8a35acfbc15ff81a39ae7d344fd709f28e8600b4aa8c65c6b64bfe7fe36bd19b601f830160051c81019160208410610284575b601f0160051c01905b81811061027957506100f9565b5f815560010161026c565b9091508190610263565b634e487b7160e01b5f52602260045260245ffd5b90607f16906100e7565b634e487b7160e01b5f52604160045260245ffd5b015190505f806100b1565b601f1982169060035f52805f20915f5b818110610316575095836001959697106102fe575b505050811b016003556100c6565b01515f1960f88460031b161c191690555f80806102f0565b9192602060018192868b0151815501940192016102db565b60035f527fc2575a0e9e593c00f959f8c92f12db2869c3395a3b0502d05e2516446f71f85b601f830160051c81019160208410610387575b601f0160051c01905b81811061037c5750610098565b5f815560010161036f565b9091508190610366565b90607f1690610086565b5f80fd5b6040519190601f01601f191682016001600160401b038111838210176102ac5760405256fe6080806040526004361015610012575f80fd5b5f3560e01c90816306fdde03146104b457508063095ea7b31461048e57806318160ddd1461047157806323b872dd1461038b5780632ff2e9dc14610351578063313ce5671461033657806339509351146102e957806370a08231146102b257806395d89b4114610197578063a457c2d714610109578063a9059cbb146100d85763dd62ed3e146100a0575f80fd5b346100d45760403660031901126100d45760206100cc6100be6105ad565b6100c66105c3565b906105d9565b604051908152f35b5f80fd5b346100d45760403660031901126100d4576100fe6100f46105ad565b6024359033610627565b602060405160018152f35b346100d45760403660031901126100d4576101226105ad565b6024359061013081336105d9565b91808310610144576100fe920390336106e4565b60405162461bcd60e51b815260206004820152602560248201527f45524332303a2064656372656173656420616c6c6f77616e63652062656c6f77604482015264207a65726f60d81b6064820152608490fd5b346100d4575f3660031901126100d4576040515f6004548060011c906001811680156102a8575b602083108114610294578285529081156102785750600114610223575b50819003601f01601f191681019067ffffffffffffffff82118183101761020f5761020b82918260405282610583565b0390f35b634e487b7160e01b5f52604160045260245ffd5b905060045f527f8a35acfbc15ff81a39ae7d344fd709f28e8600b4aa8c65c6b64bfe7fe36bd19b5f905b828210610262575060209150820101826101db565b600181602092548385880101520191019061024d565b90506020925060ff191682840152151560051b820101826101db565b634e487b7160e01b5f52602260045260245ffd5b91607f16916101be565b346100d45760203660031901126100d4576001600160a01b036102d36105ad565b165f525f602052602060405f2054604051908152f35b346100d45760403660031901126100d4576103026105ad565b61030c81336105d9565b6024358101809111610322576100fe91336106e4565b634e487b7160e01b5f52601160045260245ffd5b346100d4575f3660031901126100d457602060405160088152f35b346100d4575f3660031901126100d45760206040517f00000000000000000000000000000000000000000000000000000000000000008152f35b346100d45760603660031901126100d4576103a46105ad565b6103ac6105c3565b604435906103ba33846105d9565b5f1981106103cd575b506100fe92610627565b82811061045657829003926001600160a01b0381168015610443573315610430575f19850361041b576100fe94905b5f908152600560209081526040808320338452909152902055926103c3565b60018501809511610322576100fe94906103fc565b634a1406b160e11b5f525f60045260245ffd5b63e602df0560e01b5f525f60045260245ffd5b9050637dc7a0d960e11b5f523360045260245260445260645ffd5b346100d4575f3660031901126100d4576020600254604051908152f35b346100d45760403660031901126100d4576100fe6104aa6105ad565b60243590336106e4565b346100d4575f3660031901126100d4575f6003548060011c90600181168015610579575b6020831081146102945782855290811561027857506001146105245750819003601f01601f191681019067ffffffffffffffff82118183101761020f5761020b82918260405282610583565b905060035f527fc2575a0e9e593c00f959f8c92f12db2869c3395a3b0502d05e2516446f71f85b5f905b828210610563575060209150820101826101db565b600181602092548385880101520191019061054e565b91607f16916104d8565b602060409281835280519182918282860152018484015e5f828201840152601f01601f1916010190565b600435906001600160a01b03821682036100d457565b602435906001600160a01b03821682036100d457565b60018060a01b03165f52600560205260405f209060018060a01b03165f5260205260405f20548015801561061d575b61061a575f1981019081116103225790565b90565b505f198114610608565b6001600160a01b03169081156106d1576001600160a01b03169182156106be57815f525f60205260405f20548181106106a557817fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef92602092855f525f84520360405f2055845f525f825260405f20818154019055604051908152a3565b8263391434e360e21b5f5260045260245260445260645ffd5b63ec442f0560e01b5f525f60045260245ffd5b634b637e8f60e11b5f525f60045260245ffd5b6001600160a01b0316908115610443576001600160a01b0316918215610430575f198103610750576020817f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925925b845f526005835260405f20865f52835260405f2055604051908152a3565b60018101808211610322577f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b9259160209161073256",
}

// EnigmaToken is an auto generated Go binding around an Ethereum contract.
type EnigmaToken struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *EnigmaToken) GetABI() abi.ABI {
	return c.abi
}

// NewEnigmaToken creates a new instance of EnigmaToken.
func NewEnigmaToken() *EnigmaToken {
	parsed, err := EnigmaTokenMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &EnigmaToken{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *EnigmaToken) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(uint256 _supply) returns()
func (enigmaToken *EnigmaToken) PackConstructor(_supply *big.Int) []byte {
	enc, err := enigmaToken.abi.Pack("", _supply)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackINITIALSUPPLY is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2ff2e9dc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function INITIAL_SUPPLY() view returns(uint256)
func (enigmaToken *EnigmaToken) PackINITIALSUPPLY() []byte {
	enc, err := enigmaToken.abi.Pack("INITIAL_SUPPLY")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackINITIALSUPPLY is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2ff2e9dc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function INITIAL_SUPPLY() view returns(uint256)
func (enigmaToken *EnigmaToken) TryPackINITIALSUPPLY() ([]byte, error) {
	return enigmaToken.abi.Pack("INITIAL_SUPPLY")
}

// UnpackINITIALSUPPLY is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2ff2e9dc.
//
// Solidity: function INITIAL_SUPPLY() view returns(uint256)
func (enigmaToken *EnigmaToken) UnpackINITIALSUPPLY(data []byte) (*big.Int, error) {
	out, err := enigmaToken.abi.Unpack("INITIAL_SUPPLY", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackAllowance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd62ed3e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (enigmaToken *EnigmaToken) PackAllowance(owner common.Address, spender common.Address) []byte {
	enc, err := enigmaToken.abi.Pack("allowance", owner, spender)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAllowance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd62ed3e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (enigmaToken *EnigmaToken) TryPackAllowance(owner common.Address, spender common.Address) ([]byte, error) {
	return enigmaToken.abi.Pack("allowance", owner, spender)
}

// UnpackAllowance is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xdd62ed3e.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (enigmaToken *EnigmaToken) UnpackAllowance(data []byte) (*big.Int, error) {
	out, err := enigmaToken.abi.Unpack("allowance", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x095ea7b3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (enigmaToken *EnigmaToken) PackApprove(spender common.Address, value *big.Int) []byte {
	enc, err := enigmaToken.abi.Pack("approve", spender, value)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x095ea7b3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (enigmaToken *EnigmaToken) TryPackApprove(spender common.Address, value *big.Int) ([]byte, error) {
	return enigmaToken.abi.Pack("approve", spender, value)
}

// UnpackApprove is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x095ea7b3.
//
// Solidity: function approve(address spender, uint256 value) returns(bool)
func (enigmaToken *EnigmaToken) UnpackApprove(data []byte) (bool, error) {
	out, err := enigmaToken.abi.Unpack("approve", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (enigmaToken *EnigmaToken) PackBalanceOf(account common.Address) []byte {
	enc, err := enigmaToken.abi.Pack("balanceOf", account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (enigmaToken *EnigmaToken) TryPackBalanceOf(account common.Address) ([]byte, error) {
	return enigmaToken.abi.Pack("balanceOf", account)
}

// UnpackBalanceOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x70a08231.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (enigmaToken *EnigmaToken) UnpackBalanceOf(data []byte) (*big.Int, error) {
	out, err := enigmaToken.abi.Unpack("balanceOf", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackDecimals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x313ce567.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function decimals() view returns(uint8)
func (enigmaToken *EnigmaToken) PackDecimals() []byte {
	enc, err := enigmaToken.abi.Pack("decimals")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDecimals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x313ce567.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function decimals() view returns(uint8)
func (enigmaToken *EnigmaToken) TryPackDecimals() ([]byte, error) {
	return enigmaToken.abi.Pack("decimals")
}

// UnpackDecimals is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x313ce567.
//
// Solidity: function decimals() view returns(uint8)
func (enigmaToken *EnigmaToken) UnpackDecimals(data []byte) (uint8, error) {
	out, err := enigmaToken.abi.Unpack("decimals", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackDecreaseAllowance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa457c2d7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function decreaseAllowance(address spender, uint256 subtractedValue) returns(bool)
func (enigmaToken *EnigmaToken) PackDecreaseAllowance(spender common.Address, subtractedValue *big.Int) []byte {
	enc, err := enigmaToken.abi.Pack("decreaseAllowance", spender, subtractedValue)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDecreaseAllowance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa457c2d7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function decreaseAllowance(address spender, uint256 subtractedValue) returns(bool)
func (enigmaToken *EnigmaToken) TryPackDecreaseAllowance(spender common.Address, subtractedValue *big.Int) ([]byte, error) {
	return enigmaToken.abi.Pack("decreaseAllowance", spender, subtractedValue)
}

// UnpackDecreaseAllowance is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa457c2d7.
//
// Solidity: function decreaseAllowance(address spender, uint256 subtractedValue) returns(bool)
func (enigmaToken *EnigmaToken) UnpackDecreaseAllowance(data []byte) (bool, error) {
	out, err := enigmaToken.abi.Unpack("decreaseAllowance", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackIncreaseAllowance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x39509351.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function increaseAllowance(address spender, uint256 addedValue) returns(bool)
func (enigmaToken *EnigmaToken) PackIncreaseAllowance(spender common.Address, addedValue *big.Int) []byte {
	enc, err := enigmaToken.abi.Pack("increaseAllowance", spender, addedValue)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIncreaseAllowance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x39509351.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function increaseAllowance(address spender, uint256 addedValue) returns(bool)
func (enigmaToken *EnigmaToken) TryPackIncreaseAllowance(spender common.Address, addedValue *big.Int) ([]byte, error) {
	return enigmaToken.abi.Pack("increaseAllowance", spender, addedValue)
}

// UnpackIncreaseAllowance is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x39509351.
//
// Solidity: function increaseAllowance(address spender, uint256 addedValue) returns(bool)
func (enigmaToken *EnigmaToken) UnpackIncreaseAllowance(data []byte) (bool, error) {
	out, err := enigmaToken.abi.Unpack("increaseAllowance", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function name() view returns(string)
func (enigmaToken *EnigmaToken) PackName() []byte {
	enc, err := enigmaToken.abi.Pack("name")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function name() view returns(string)
func (enigmaToken *EnigmaToken) TryPackName() ([]byte, error) {
	return enigmaToken.abi.Pack("name")
}

// UnpackName is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (enigmaToken *EnigmaToken) UnpackName(data []byte) (string, error) {
	out, err := enigmaToken.abi.Unpack("name", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackSymbol is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95d89b41.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function symbol() view returns(string)
func (enigmaToken *EnigmaToken) PackSymbol() []byte {
	enc, err := enigmaToken.abi.Pack("symbol")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSymbol is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95d89b41.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function symbol() view returns(string)
func (enigmaToken *EnigmaToken) TryPackSymbol() ([]byte, error) {
	return enigmaToken.abi.Pack("symbol")
}

// UnpackSymbol is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (enigmaToken *EnigmaToken) UnpackSymbol(data []byte) (string, error) {
	out, err := enigmaToken.abi.Unpack("symbol", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackTotalSupply is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x18160ddd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function totalSupply() view returns(uint256)
func (enigmaToken *EnigmaToken) PackTotalSupply() []byte {
	enc, err := enigmaToken.abi.Pack("totalSupply")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTotalSupply is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x18160ddd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function totalSupply() view returns(uint256)
func (enigmaToken *EnigmaToken) TryPackTotalSupply() ([]byte, error) {
	return enigmaToken.abi.Pack("totalSupply")
}

// UnpackTotalSupply is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x18160ddd.
//
// Solidity: function totalSupply() view returns(uint256)
func (enigmaToken *EnigmaToken) UnpackTotalSupply(data []byte) (*big.Int, error) {
	out, err := enigmaToken.abi.Unpack("totalSupply", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackTransfer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa9059cbb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (enigmaToken *EnigmaToken) PackTransfer(to common.Address, value *big.Int) []byte {
	enc, err := enigmaToken.abi.Pack("transfer", to, value)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransfer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa9059cbb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (enigmaToken *EnigmaToken) TryPackTransfer(to common.Address, value *big.Int) ([]byte, error) {
	return enigmaToken.abi.Pack("transfer", to, value)
}

// UnpackTransfer is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa9059cbb.
//
// Solidity: function transfer(address to, uint256 value) returns(bool)
func (enigmaToken *EnigmaToken) UnpackTransfer(data []byte) (bool, error) {
	out, err := enigmaToken.abi.Unpack("transfer", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23b872dd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (enigmaToken *EnigmaToken) PackTransferFrom(from common.Address, to common.Address, value *big.Int) []byte {
	enc, err := enigmaToken.abi.Pack("transferFrom", from, to, value)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23b872dd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (enigmaToken *EnigmaToken) TryPackTransferFrom(from common.Address, to common.Address, value *big.Int) ([]byte, error) {
	return enigmaToken.abi.Pack("transferFrom", from, to, value)
}

// UnpackTransferFrom is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x23b872dd.
//
// Solidity: function transferFrom(address from, address to, uint256 value) returns(bool)
func (enigmaToken *EnigmaToken) UnpackTransferFrom(data []byte) (bool, error) {
	out, err := enigmaToken.abi.Unpack("transferFrom", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// EnigmaTokenApproval represents a Approval event raised by the EnigmaToken contract.
type EnigmaTokenApproval struct {
	Owner   common.Address
	Spender common.Address
	Value   *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const EnigmaTokenApprovalEventName = "Approval"

// ContractEventName returns the user-defined event name.
func (EnigmaTokenApproval) ContractEventName() string {
	return EnigmaTokenApprovalEventName
}

// UnpackApprovalEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Approval(address indexed owner, address indexed spender, uint256 value)
func (enigmaToken *EnigmaToken) UnpackApprovalEvent(log *types.Log) (*EnigmaTokenApproval, error) {
	event := "Approval"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != enigmaToken.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EnigmaTokenApproval)
	if len(log.Data) > 0 {
		if err := enigmaToken.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range enigmaToken.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// EnigmaTokenTransfer represents a Transfer event raised by the EnigmaToken contract.
type EnigmaTokenTransfer struct {
	From  common.Address
	To    common.Address
	Value *big.Int
	Raw   *types.Log // Blockchain specific contextual infos
}

const EnigmaTokenTransferEventName = "Transfer"

// ContractEventName returns the user-defined event name.
func (EnigmaTokenTransfer) ContractEventName() string {
	return EnigmaTokenTransferEventName
}

// UnpackTransferEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 value)
func (enigmaToken *EnigmaToken) UnpackTransferEvent(log *types.Log) (*EnigmaTokenTransfer, error) {
	event := "Transfer"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != enigmaToken.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EnigmaTokenTransfer)
	if len(log.Data) > 0 {
		if err := enigmaToken.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range enigmaToken.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (enigmaToken *EnigmaToken) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], enigmaToken.abi.Errors["ERC20InsufficientAllowance"].ID.Bytes()[:4]) {
		return enigmaToken.UnpackERC20InsufficientAllowanceError(raw[4:])
	}
	if bytes.Equal(raw[:4], enigmaToken.abi.Errors["ERC20InsufficientBalance"].ID.Bytes()[:4]) {
		return enigmaToken.UnpackERC20InsufficientBalanceError(raw[4:])
	}
	if bytes.Equal(raw[:4], enigmaToken.abi.Errors["ERC20InvalidApprover"].ID.Bytes()[:4]) {
		return enigmaToken.UnpackERC20InvalidApproverError(raw[4:])
	}
	if bytes.Equal(raw[:4], enigmaToken.abi.Errors["ERC20InvalidReceiver"].ID.Bytes()[:4]) {
		return enigmaToken.UnpackERC20InvalidReceiverError(raw[4:])
	}
	if bytes.Equal(raw[:4], enigmaToken.abi.Errors["ERC20InvalidSender"].ID.Bytes()[:4]) {
		return enigmaToken.UnpackERC20InvalidSenderError(raw[4:])
	}
	if bytes.Equal(raw[:4], enigmaToken.abi.Errors["ERC20InvalidSpender"].ID.Bytes()[:4]) {
		return enigmaToken.UnpackERC20InvalidSpenderError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// EnigmaTokenERC20InsufficientAllowance represents a ERC20InsufficientAllowance error raised by the EnigmaToken contract.
type EnigmaTokenERC20InsufficientAllowance struct {
	Spender   common.Address
	Allowance *big.Int
	Needed    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)
func EnigmaTokenERC20InsufficientAllowanceErrorID() common.Hash {
	return common.HexToHash("0xfb8f41b23e99d2101d86da76cdfa87dd51c82ed07d3cb62cbc473e469dbc75c3")
}

// UnpackERC20InsufficientAllowanceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)
func (enigmaToken *EnigmaToken) UnpackERC20InsufficientAllowanceError(raw []byte) (*EnigmaTokenERC20InsufficientAllowance, error) {
	out := new(EnigmaTokenERC20InsufficientAllowance)
	if err := enigmaToken.abi.UnpackIntoInterface(out, "ERC20InsufficientAllowance", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EnigmaTokenERC20InsufficientBalance represents a ERC20InsufficientBalance error raised by the EnigmaToken contract.
type EnigmaTokenERC20InsufficientBalance struct {
	Sender  common.Address
	Balance *big.Int
	Needed  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)
func EnigmaTokenERC20InsufficientBalanceErrorID() common.Hash {
	return common.HexToHash("0xe450d38cd8d9f7d95077d567d60ed49c7254716e6ad08fc9872816c97e0ffec6")
}

// UnpackERC20InsufficientBalanceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)
func (enigmaToken *EnigmaToken) UnpackERC20InsufficientBalanceError(raw []byte) (*EnigmaTokenERC20InsufficientBalance, error) {
	out := new(EnigmaTokenERC20InsufficientBalance)
	if err := enigmaToken.abi.UnpackIntoInterface(out, "ERC20InsufficientBalance", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EnigmaTokenERC20InvalidApprover represents a ERC20InvalidApprover error raised by the EnigmaToken contract.
type EnigmaTokenERC20InvalidApprover struct {
	Approver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidApprover(address approver)
func EnigmaTokenERC20InvalidApproverErrorID() common.Hash {
	return common.HexToHash("0xe602df05cc75712490294c6c104ab7c17f4030363910a7a2626411c6d3118847")
}

// UnpackERC20InvalidApproverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidApprover(address approver)
func (enigmaToken *EnigmaToken) UnpackERC20InvalidApproverError(raw []byte) (*EnigmaTokenERC20InvalidApprover, error) {
	out := new(EnigmaTokenERC20InvalidApprover)
	if err := enigmaToken.abi.UnpackIntoInterface(out, "ERC20InvalidApprover", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EnigmaTokenERC20InvalidReceiver represents a ERC20InvalidReceiver error raised by the EnigmaToken contract.
type EnigmaTokenERC20InvalidReceiver struct {
	Receiver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidReceiver(address receiver)
func EnigmaTokenERC20InvalidReceiverErrorID() common.Hash {
	return common.HexToHash("0xec442f055133b72f3b2f9f0bb351c406b178527de2040a7d1feb4e058771f613")
}

// UnpackERC20InvalidReceiverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidReceiver(address receiver)
func (enigmaToken *EnigmaToken) UnpackERC20InvalidReceiverError(raw []byte) (*EnigmaTokenERC20InvalidReceiver, error) {
	out := new(EnigmaTokenERC20InvalidReceiver)
	if err := enigmaToken.abi.UnpackIntoInterface(out, "ERC20InvalidReceiver", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EnigmaTokenERC20InvalidSender represents a ERC20InvalidSender error raised by the EnigmaToken contract.
type EnigmaTokenERC20InvalidSender struct {
	Sender common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidSender(address sender)
func EnigmaTokenERC20InvalidSenderErrorID() common.Hash {
	return common.HexToHash("0x96c6fd1edd0cd6ef7ff0ecc0facdf53148dc0048b57fe58af65755250a7a96bd")
}

// UnpackERC20InvalidSenderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidSender(address sender)
func (enigmaToken *EnigmaToken) UnpackERC20InvalidSenderError(raw []byte) (*EnigmaTokenERC20InvalidSender, error) {
	out := new(EnigmaTokenERC20InvalidSender)
	if err := enigmaToken.abi.UnpackIntoInterface(out, "ERC20InvalidSender", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EnigmaTokenERC20InvalidSpender represents a ERC20InvalidSpender error raised by the EnigmaToken contract.
type EnigmaTokenERC20InvalidSpender struct {
	Spender common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC20InvalidSpender(address spender)
func EnigmaTokenERC20InvalidSpenderErrorID() common.Hash {
	return common.HexToHash("0x94280d62c347d8d9f4d59a76ea321452406db88df38e0c9da304f58b57b373a2")
}

// UnpackERC20InvalidSpenderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC20InvalidSpender(address spender)
func (enigmaToken *EnigmaToken) UnpackERC20InvalidSpenderError(raw []byte) (*EnigmaTokenERC20InvalidSpender, error) {
	out := new(EnigmaTokenERC20InvalidSpender)
	if err := enigmaToken.abi.UnpackIntoInterface(out, "ERC20InvalidSpender", raw); err != nil {
		return nil, err
	}
	return out, nil
}
