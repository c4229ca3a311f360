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

// MerkleHarnessMetaData contains all meta data concerning the MerkleHarness contract.
var MerkleHarnessMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"inputsHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"outputHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"deltaHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"gasUsed\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"fee\",\"type\":\"uint256\"},{\"internalType\":\"bool\",\"name\":\"failed\",\"type\":\"bool\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"name\":\"verify\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"pure\",\"type\":\"function\"}]",
	ID:  "MerkleHarness",
	Bin: "0x60808060405234601557610215908161001a8239f35b5f80fdfe6080806040526004361015610012575f80fd5b5f3560e01c635bb5f40e14610025575f80fd5b346101db576101203660031901126101db5760043560a4359167ffffffffffffffff83168093036101db5760e435908115158092036101db57610104359367ffffffffffffffff85116101db57366023860112156101db5784600401359267ffffffffffffffff84116101db573660248560051b880101116101db576020830191602435835260443560408501526064356060850152608435608085015260a084015260c43560c084015260e083015260e082526100e5610100836101df565b6101146021604051809360208201955f87525180918484015e81015f838201520301601f1981018352826101df565b51902091801515928361012f575b6020846040519015158152f35b9192505f915b838310156101ca5760019060248460051b870101358082105f1461019557604051600160f81b602082019081526021820193909352604181019190915261018981606181015b03601f1981018352826101df565b5190205b920191610135565b604051600160f81b6020820190815260218201929092526041810192909252906101c2816061810161017b565b51902061018d565b9150915060209250145f8080610122565b5f80fd5b90601f8019910116810190811067ffffffffffffffff82111761020157604052565b634e487b7160e01b5f52604160045260245ffd",
}

// MerkleHarness is an auto generated Go binding around an Ethereum contract.
type MerkleHarness struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *MerkleHarness) GetABI() abi.ABI {
	return c.abi
}

// NewMerkleHarness creates a new instance of MerkleHarness.
func NewMerkleHarness() *MerkleHarness {
	parsed, err := MerkleHarnessMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &MerkleHarness{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *MerkleHarness) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackVerify is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5bb5f40e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function verify(bytes32 root, bytes32 taskId, bytes32 inputsHash, bytes32 outputHash, bytes32 deltaHash, uint64 gasUsed, uint256 fee, bool failed, bytes32[] proof) pure returns(bool)
func (merkleHarness *MerkleHarness) PackVerify(root [32]byte, taskId [32]byte, inputsHash [32]byte, outputHash [32]byte, deltaHash [32]byte, gasUsed uint64, fee *big.Int, failed bool, proof [][32]byte) []byte {
	enc, err := merkleHarness.abi.Pack("verify", root, taskId, inputsHash, outputHash, deltaHash, gasUsed, fee, failed, proof)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVerify is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5bb5f40e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function verify(bytes32 root, bytes32 taskId, bytes32 inputsHash, bytes32 outputHash, bytes32 deltaHash, uint64 gasUsed, uint256 fee, bool failed, bytes32[] proof) pure returns(bool)
func (merkleHarness *MerkleHarness) TryPackVerify(root [32]byte, taskId [32]byte, inputsHash [32]byte, outputHash [32]byte, deltaHash [32]byte, gasUsed uint64, fee *big.Int, failed bool, proof [][32]byte) ([]byte, error) {
	return merkleHarness.abi.Pack("verify", root, taskId, inputsHash, outputHash, deltaHash, gasUsed, fee, failed, proof)
}

// UnpackVerify is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5bb5f40e.
//
// Solidity: function verify(bytes32 root, bytes32 taskId, bytes32 inputsHash, bytes32 outputHash, bytes32 deltaHash, uint64 gasUsed, uint256 fee, bool failed, bytes32[] proof) pure returns(bool)
func (merkleHarness *MerkleHarness) UnpackVerify(data []byte) (bool, error) {
	out, err := merkleHarness.abi.Unpack("verify", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}
