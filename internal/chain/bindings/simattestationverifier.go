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

// SimAttestationVerifierMetaData contains all meta data concerning the SimAttestationVerifier contract.
var SimAttestationVerifierMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_attestationSigner\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"_measurement\",\"type\":\"bytes32\"},{\"internalType\":\"uint16\",\"name\":\"_minSecurityVersion\",\"type\":\"uint16\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"attestationSigner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"chainId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"enigma\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"custodian\",\"type\":\"address\"}],\"name\":\"binding\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"report\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"signature\",\"type\":\"bytes\"}],\"name\":\"isSigned\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"measurement\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"minSecurityVersion\",\"outputs\":[{\"internalType\":\"uint16\",\"name\":\"\",\"type\":\"uint16\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"report\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"signature\",\"type\":\"bytes\"},{\"internalType\":\"address\",\"name\":\"signer\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"custodian\",\"type\":\"address\"}],\"name\":\"verify\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"product\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "SimAttestationVerifier",
	Bin: "0x60e03461010557601f61092938819003918201601f19168301916001600160401b03831184841017610109578084926060946040528339810103126101055780516001600160a01b038116919082810361010557604060208301519201519261ffff8416840361010557156100b55760805260a05260c05260405161080b908161011e823960805181818161040c0152610650015260a051818181607501526101a5015260c0518181816101d601526104bd0152f35b60405162461bcd60e51b815260206004820152602260248201527f546865206174746573746174696f6e207369676e657220697320726571756972604482015261195960f21b6064820152608490fd5b5f80fd5b634e487b7160e01b5f52604160045260245ffdfe6080806040526004361015610012575f80fd5b5f3560e01c9081634705965e146104a55750806354fc87c71461043b578063789ea7a6146103f7578063a96a79c0146100df578063ae22a3f41461009c5763bcf95fbb1461005e575f80fd5b34610098575f3660031901126100985760206040517f00000000000000000000000000000000000000000000000000000000000000008152f35b5f80fd5b34610098576060366003190112610098576024356001600160a01b0381168103610098576100d76020916100ce61050f565b906004356106ae565b604051908152f35b346100985760803660031901126100985760043567ffffffffffffffff8111610098576101109036906004016104e1565b60243567ffffffffffffffff8111610098576101309036906004016104e1565b9061013961050f565b606435929091906001600160a01b03841684036100985761015b91858761055b565b156103b2576001600160a01b03168015159081610399575b50156103445781603c1161009857610191601c8401359133466106ae565b036102d95780605c1161009857603c8201357f0000000000000000000000000000000000000000000000000000000000000000036102825780605f116100985761ffff7f000000000000000000000000000000000000000000000000000000000000000016605d83013560f01c1061023157605c101561021d57602090605c60405191013560f81c8152f35b634e487b7160e01b5f52603260045260245ffd5b60405162461bcd60e51b815260206004820152602360248201527f456e636c6176652073656375726974792076657273696f6e20697320746f6f206044820152621bdb1960ea1b6064820152608490fd5b60405162461bcd60e51b815260206004820152602960248201527f5265706f727420697320666f7220616e6f7468657220656e636c617665206d65604482015268185cdd5c995b595b9d60ba1b6064820152608490fd5b60405162461bcd60e51b815260206004820152603760248201527f5265706f727420697320626f756e6420746f20616e6f7468657220637573746f60448201527f6469616e2c20636f6e7472616374206f7220636861696e0000000000000000006064820152608490fd5b60405162461bcd60e51b815260206004820152602760248201527f5369676e657220646f6573206e6f74206d6174636820636f6e74656e7473206f604482015266662071756f746560c81b6064820152608490fd5b905082601c1161009857600884013560601c1484610173565b60405162461bcd60e51b815260206004820152601a60248201527f566572696679696e67207369676e6174757265206661696c65640000000000006044820152606490fd5b34610098575f366003190112610098576040517f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03168152602090f35b346100985760403660031901126100985760043567ffffffffffffffff81116100985761046c9036906004016104e1565b6024359067ffffffffffffffff82116100985760209261049361049b9336906004016104e1565b92909161055b565b6040519015158152f35b34610098575f3660031901126100985760209061ffff7f0000000000000000000000000000000000000000000000000000000000000000168152f35b9181601f840112156100985782359167ffffffffffffffff8311610098576020838186019501011161009857565b604435906001600160a01b038216820361009857565b90601f8019910116810190811067ffffffffffffffff82111761054757604052565b634e487b7160e01b5f52604160045260245ffd5b90605f8114801590610686575b61067e576105ea6040519261057e606085610525565b602b84526a37103932b837b93a103b1960a91b604060208601957f656e69676d612d676f2f6174746573746174696f6e3a2073696d756c6174696f87520152604b83604051948593602b6020860198895e8385015f8152378201015f815203601f198101835282610525565b5190209167ffffffffffffffff81116105475760405190610615601f8201601f191660200183610525565b8082523681840111610098576020815f926106409583860137830101526001600160a01b0392610758565b16801515908161064e575090565b7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031614919050565b505050505f90565b50806008116100985781356001600160c01b0319166722a723a9a4a6a91960c11b1415610568565b9091604051926106bf606085610525565b602e84526d696f6e2062696e64696e6720763160901b604060208601957f656e69676d612d676f2f6174746573746174696f6e3a207265676973747261748752015260405192602e6020850195865e604e8401526bffffffffffffffffffffffff199060601b16606e8301526bffffffffffffffffffffffff199060601b16608282015260768152610752609682610525565b51902090565b604182510361080557602082015190606060408401519301515f1a90601b82106107df575b7f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0841161067e576020935f9360ff60809460405194855216868401526040830152606082015282805260015afa156107d4575f5190565b6040513d5f823e3d90fd5b90601b0160ff81116107f1579061077d565b634e487b7160e01b5f52601160045260245ffd5b50505f9056",
}

// SimAttestationVerifier is an auto generated Go binding around an Ethereum contract.
type SimAttestationVerifier struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *SimAttestationVerifier) GetABI() abi.ABI {
	return c.abi
}

// NewSimAttestationVerifier creates a new instance of SimAttestationVerifier.
func NewSimAttestationVerifier() *SimAttestationVerifier {
	parsed, err := SimAttestationVerifierMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &SimAttestationVerifier{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *SimAttestationVerifier) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address _attestationSigner, bytes32 _measurement, uint16 _minSecurityVersion) returns()
func (simAttestationVerifier *SimAttestationVerifier) PackConstructor(_attestationSigner common.Address, _measurement [32]byte, _minSecurityVersion uint16) []byte {
	enc, err := simAttestationVerifier.abi.Pack("", _attestationSigner, _measurement, _minSecurityVersion)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackAttestationSigner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x789ea7a6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function attestationSigner() view returns(address)
func (simAttestationVerifier *SimAttestationVerifier) PackAttestationSigner() []byte {
	enc, err := simAttestationVerifier.abi.Pack("attestationSigner")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAttestationSigner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x789ea7a6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function attestationSigner() view returns(address)
func (simAttestationVerifier *SimAttestationVerifier) TryPackAttestationSigner() ([]byte, error) {
	return simAttestationVerifier.abi.Pack("attestationSigner")
}

// UnpackAttestationSigner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x789ea7a6.
//
// Solidity: function attestationSigner() view returns(address)
func (simAttestationVerifier *SimAttestationVerifier) UnpackAttestationSigner(data []byte) (common.Address, error) {
	out, err := simAttestationVerifier.abi.Unpack("attestationSigner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackBinding is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xae22a3f4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function binding(uint256 chainId, address enigma, address custodian) pure returns(bytes32)
func (simAttestationVerifier *SimAttestationVerifier) PackBinding(chainId *big.Int, enigma common.Address, custodian common.Address) []byte {
	enc, err := simAttestationVerifier.abi.Pack("binding", chainId, enigma, custodian)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBinding is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xae22a3f4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function binding(uint256 chainId, address enigma, address custodian) pure returns(bytes32)
func (simAttestationVerifier *SimAttestationVerifier) TryPackBinding(chainId *big.Int, enigma common.Address, custodian common.Address) ([]byte, error) {
	return simAttestationVerifier.abi.Pack("binding", chainId, enigma, custodian)
}

// UnpackBinding is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xae22a3f4.
//
// Solidity: function binding(uint256 chainId, address enigma, address custodian) pure returns(bytes32)
func (simAttestationVerifier *SimAttestationVerifier) UnpackBinding(data []byte) ([32]byte, error) {
	out, err := simAttestationVerifier.abi.Unpack("binding", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackIsSigned is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x54fc87c7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isSigned(bytes report, bytes signature) view returns(bool)
func (simAttestationVerifier *SimAttestationVerifier) PackIsSigned(report []byte, signature []byte) []byte {
	enc, err := simAttestationVerifier.abi.Pack("isSigned", report, signature)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsSigned is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x54fc87c7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isSigned(bytes report, bytes signature) view returns(bool)
func (simAttestationVerifier *SimAttestationVerifier) TryPackIsSigned(report []byte, signature []byte) ([]byte, error) {
	return simAttestationVerifier.abi.Pack("isSigned", report, signature)
}

// UnpackIsSigned is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x54fc87c7.
//
// Solidity: function isSigned(bytes report, bytes signature) view returns(bool)
func (simAttestationVerifier *SimAttestationVerifier) UnpackIsSigned(data []byte) (bool, error) {
	out, err := simAttestationVerifier.abi.Unpack("isSigned", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackMeasurement is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbcf95fbb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function measurement() view returns(bytes32)
func (simAttestationVerifier *SimAttestationVerifier) PackMeasurement() []byte {
	enc, err := simAttestationVerifier.abi.Pack("measurement")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMeasurement is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbcf95fbb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function measurement() view returns(bytes32)
func (simAttestationVerifier *SimAttestationVerifier) TryPackMeasurement() ([]byte, error) {
	return simAttestationVerifier.abi.Pack("measurement")
}

// UnpackMeasurement is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xbcf95fbb.
//
// Solidity: function measurement() view returns(bytes32)
func (simAttestationVerifier *SimAttestationVerifier) UnpackMeasurement(data []byte) ([32]byte, error) {
	out, err := simAttestationVerifier.abi.Unpack("measurement", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackMinSecurityVersion is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4705965e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function minSecurityVersion() view returns(uint16)
func (simAttestationVerifier *SimAttestationVerifier) PackMinSecurityVersion() []byte {
	enc, err := simAttestationVerifier.abi.Pack("minSecurityVersion")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMinSecurityVersion is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4705965e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function minSecurityVersion() view returns(uint16)
func (simAttestationVerifier *SimAttestationVerifier) TryPackMinSecurityVersion() ([]byte, error) {
	return simAttestationVerifier.abi.Pack("minSecurityVersion")
}

// UnpackMinSecurityVersion is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4705965e.
//
// Solidity: function minSecurityVersion() view returns(uint16)
func (simAttestationVerifier *SimAttestationVerifier) UnpackMinSecurityVersion(data []byte) (uint16, error) {
	out, err := simAttestationVerifier.abi.Unpack("minSecurityVersion", data)
	if err != nil {
		return *new(uint16), err
	}
	out0 := *abi.ConvertType(out[0], new(uint16)).(*uint16)
	return out0, nil
}

// PackVerify is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa96a79c0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function verify(bytes report, bytes signature, address signer, address custodian) view returns(uint8 product)
func (simAttestationVerifier *SimAttestationVerifier) PackVerify(report []byte, signature []byte, signer common.Address, custodian common.Address) []byte {
	enc, err := simAttestationVerifier.abi.Pack("verify", report, signature, signer, custodian)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVerify is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa96a79c0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function verify(bytes report, bytes signature, address signer, address custodian) view returns(uint8 product)
func (simAttestationVerifier *SimAttestationVerifier) TryPackVerify(report []byte, signature []byte, signer common.Address, custodian common.Address) ([]byte, error) {
	return simAttestationVerifier.abi.Pack("verify", report, signature, signer, custodian)
}

// UnpackVerify is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa96a79c0.
//
// Solidity: function verify(bytes report, bytes signature, address signer, address custodian) view returns(uint8 product)
func (simAttestationVerifier *SimAttestationVerifier) UnpackVerify(data []byte) (uint8, error) {
	out, err := simAttestationVerifier.abi.Unpack("verify", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}
