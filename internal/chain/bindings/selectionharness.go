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

// SelectionHarnessMetaData contains all meta data concerning the SelectionHarness contract.
var SelectionHarnessMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"uint256[]\",\"name\":\"seeds\",\"type\":\"uint256[]\"},{\"internalType\":\"bytes32[]\",\"name\":\"scAddrs\",\"type\":\"bytes32[]\"},{\"internalType\":\"uint256[][]\",\"name\":\"stakes\",\"type\":\"uint256[][]\"}],\"name\":\"selectMany\",\"outputs\":[{\"internalType\":\"uint256[]\",\"name\":\"picked\",\"type\":\"uint256[]\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "SelectionHarness",
	Bin: "0x60808060405234601557610371908161001a8239f35b5f80fdfe60806040526004361015610011575f80fd5b5f3560e01c6396444f6d14610024575f80fd5b346102d15760603660031901126102d15760043567ffffffffffffffff81116102d1576100559036906004016102d5565b9060243567ffffffffffffffff81116102d1576100769036906004016102d5565b91909260443567ffffffffffffffff81116102d1576100999036906004016102d5565b6100a58394929461033c565b956100b36040519788610306565b8387526100bf8461033c565b602088019690601f190136883736869003601e1901945f5b81811061012257888a604051918291602083019060208452518091526040830191905f5b818110610109575050500390f35b82518452859450602093840193909201916001016100fb565b5f908581101561020f578060051b91828a0135898112156102d1578a019081359167ffffffffffffffff83116102d1576020018260051b360381136102d1575f905b83821061028a57505061017883868b610354565b3561018484888a610354565b35604051906020820192835260408201525f6060820152606081526101aa608082610306565b519020811561027657065f915f198101908111610223575b8083106102375750505f908152602081905260409020546001600160a01b039081165f190192908311610223578b5182101561020f576020600193848060a01b0316918d010152016100d7565b634e487b7160e01b5f52603260045260245ffd5b634e487b7160e01b5f52601160045260245ffd5b6102418184610364565b60011c90815f525f6020528260405f205460a01c10155f1461026357506101c2565b92506001810180911161022357916101c2565b634e487b7160e01b5f52601260045260245ffd5b90916102a29061029b848685610354565b3590610364565b91600181019081811161022357600191815f525f602052828060a01b03168460a01b1760405f20550190610164565b5f80fd5b9181601f840112156102d15782359167ffffffffffffffff83116102d1576020808501948460051b0101116102d157565b90601f8019910116810190811067ffffffffffffffff82111761032857604052565b634e487b7160e01b5f52604160045260245ffd5b67ffffffffffffffff81116103285760051b60200190565b919081101561020f5760051b0190565b919082018092116102235756",
}

// SelectionHarness is an auto generated Go binding around an Ethereum contract.
type SelectionHarness struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *SelectionHarness) GetABI() abi.ABI {
	return c.abi
}

// NewSelectionHarness creates a new instance of SelectionHarness.
func NewSelectionHarness() *SelectionHarness {
	parsed, err := SelectionHarnessMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &SelectionHarness{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *SelectionHarness) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackSelectMany is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x96444f6d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function selectMany(uint256[] seeds, bytes32[] scAddrs, uint256[][] stakes) returns(uint256[] picked)
func (selectionHarness *SelectionHarness) PackSelectMany(seeds []*big.Int, scAddrs [][32]byte, stakes [][]*big.Int) []byte {
	enc, err := selectionHarness.abi.Pack("selectMany", seeds, scAddrs, stakes)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSelectMany is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x96444f6d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function selectMany(uint256[] seeds, bytes32[] scAddrs, uint256[][] stakes) returns(uint256[] picked)
func (selectionHarness *SelectionHarness) TryPackSelectMany(seeds []*big.Int, scAddrs [][32]byte, stakes [][]*big.Int) ([]byte, error) {
	return selectionHarness.abi.Pack("selectMany", seeds, scAddrs, stakes)
}

// UnpackSelectMany is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x96444f6d.
//
// Solidity: function selectMany(uint256[] seeds, bytes32[] scAddrs, uint256[][] stakes) returns(uint256[] picked)
func (selectionHarness *SelectionHarness) UnpackSelectMany(data []byte) ([]*big.Int, error) {
	out, err := selectionHarness.abi.Unpack("selectMany", data)
	if err != nil {
		return *new([]*big.Int), err
	}
	out0 := *abi.ConvertType(out[0], new([]*big.Int)).(*[]*big.Int)
	return out0, nil
}
