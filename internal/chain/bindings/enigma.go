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

// EnigmaBatchHeader is an auto generated low-level Go binding around an user-defined struct.
type EnigmaBatchHeader struct {
	ScAddr          [32]byte
	EpochFirstBlock *big.Int
	BatchIndex      *big.Int
	PrevDeltaHash   [32]byte
	NewDeltaHash    [32]byte
	Root            [32]byte
	TaskCount       *big.Int
	GasUsed         *big.Int
}

// EnigmaSecretContract is an auto generated low-level Go binding around an user-defined struct.
type EnigmaSecretContract struct {
	Owner            common.Address
	PreCodeHash      [32]byte
	CodeHash         [32]byte
	StateDeltaHashes [][32]byte
	Status           uint8
}

// EnigmaTaskRecord is an auto generated low-level Go binding around an user-defined struct.
type EnigmaTaskRecord struct {
	Sender      common.Address
	InputsHash  [32]byte
	OutputHash  [32]byte
	GasLimit    uint64
	GasPx       uint64
	BlockNumber *big.Int
	Status      uint8
	Proof       []byte
}

// EnigmaWorker is an auto generated low-level Go binding around an user-defined struct.
type EnigmaWorker struct {
	Signer     common.Address
	Status     uint8
	Report     []byte
	Balance    *big.Int
	WorkerLogs []EnigmaWorkerLog
}

// EnigmaWorkerLog is an auto generated low-level Go binding around an user-defined struct.
type EnigmaWorkerLog struct {
	WorkerEventType uint8
	BlockNumber     *big.Int
	Balance         *big.Int
}

// EnigmaWorkersParams is an auto generated low-level Go binding around an user-defined struct.
type EnigmaWorkersParams struct {
	FirstBlockNumber *big.Int
	Workers          []common.Address
	Stakes           []*big.Int
	Seed             *big.Int
}

// EnigmaMetaData contains all meta data concerning the Enigma contract.
var EnigmaMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_tokenAddress\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"_principal\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_epochSize\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_timeoutThreshold\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"_attestationSigner\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"scAddr\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"batchIndex\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"taskCount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"newDeltaHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"worker\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"fees\",\"type\":\"uint256\"}],\"name\":\"BatchCommitted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"DepositSuccessful\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"custodian\",\"type\":\"address\"}],\"name\":\"LoggedIn\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"custodian\",\"type\":\"address\"}],\"name\":\"LoggedOut\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"sig\",\"type\":\"bytes\"}],\"name\":\"ReceiptFailed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"sig\",\"type\":\"bytes\"}],\"name\":\"ReceiptFailedETH\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"stateDeltaHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"outputHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"scAddr\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"gasUsed\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"deltaHashIndex\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"optionalEthereumData\",\"type\":\"bytes\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"optionalEthereumContractAddress\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"workerAddress\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"sig\",\"type\":\"bytes\"}],\"name\":\"ReceiptVerified\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"custodian\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"signer\",\"type\":\"address\"}],\"name\":\"Registered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"scAddr\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"codeHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"initStateDeltaHash\",\"type\":\"bytes32\"}],\"name\":\"SecretContractDeployed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"}],\"name\":\"TaskFeeReturned\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"inputsHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"gasLimit\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"gasPx\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"blockNumber\",\"type\":\"uint256\"}],\"name\":\"TaskRecordCreated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"user\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"}],\"name\":\"UserBalanceChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"WithdrawSuccessful\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"seed\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"firstBlockNumber\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"inclusionBlockNumber\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"address[]\",\"name\":\"workers\",\"type\":\"address[]\"},{\"indexed\":false,\"internalType\":\"uint256[]\",\"name\":\"stakes\",\"type\":\"uint256[]\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"nonce\",\"type\":\"uint256\"}],\"name\":\"WorkersParameterized\",\"type\":\"event\"},{\"inputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"scAddr\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"epochFirstBlock\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"batchIndex\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"prevDeltaHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"newDeltaHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"taskCount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"gasUsed\",\"type\":\"uint256\"}],\"internalType\":\"structEnigma.BatchHeader\",\"name\":\"_h\",\"type\":\"tuple\"},{\"internalType\":\"address[]\",\"name\":\"_users\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"_fees\",\"type\":\"uint256[]\"}],\"name\":\"batchDigest\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"scAddr\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"epochFirstBlock\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"batchIndex\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"prevDeltaHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"newDeltaHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"taskCount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"gasUsed\",\"type\":\"uint256\"}],\"internalType\":\"structEnigma.BatchHeader\",\"name\":\"_h\",\"type\":\"tuple\"},{\"internalType\":\"address[]\",\"name\":\"_users\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"_fees\",\"type\":\"uint256[]\"},{\"internalType\":\"bytes\",\"name\":\"_sig\",\"type\":\"bytes\"}],\"name\":\"commitBatch\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_scAddr\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"_taskId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"_stateDeltaHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"_outputHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"_optionalEthereumData\",\"type\":\"bytes\"},{\"internalType\":\"address\",\"name\":\"_optionalEthereumContractAddress\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"_gasUsed\",\"type\":\"uint64\"},{\"internalType\":\"bytes\",\"name\":\"_sig\",\"type\":\"bytes\"}],\"name\":\"commitReceipt\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_scAddr\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"_taskId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"_outputHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"_gasUsed\",\"type\":\"uint64\"},{\"internalType\":\"bytes\",\"name\":\"_sig\",\"type\":\"bytes\"}],\"name\":\"commitTaskFailure\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_scAddr\",\"type\":\"bytes32\"}],\"name\":\"countBatches\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"countSecretContracts\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_scAddr\",\"type\":\"bytes32\"}],\"name\":\"countStateDeltas\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_inputsHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"_gasLimit\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"_gasPx\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"_firstBlockNumber\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_nonce\",\"type\":\"uint256\"}],\"name\":\"createDeploymentTaskRecord\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_inputsHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"_gasLimit\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"_gasPx\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"_firstBlockNumber\",\"type\":\"uint256\"}],\"name\":\"createTaskRecord\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_taskId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"_preCodeHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"_codeHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"_initStateDeltaHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"_optionalEthereumData\",\"type\":\"bytes\"},{\"internalType\":\"address\",\"name\":\"_optionalEthereumContractAddress\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"_gasUsed\",\"type\":\"uint64\"},{\"internalType\":\"bytes\",\"name\":\"_sig\",\"type\":\"bytes\"}],\"name\":\"deploySecretContract\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_taskId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"_codeHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"_gasUsed\",\"type\":\"uint64\"},{\"internalType\":\"bytes\",\"name\":\"_sig\",\"type\":\"bytes\"}],\"name\":\"deploySecretContractFailure\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_custodian\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_amount\",\"type\":\"uint256\"}],\"name\":\"deposit\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_amount\",\"type\":\"uint256\"}],\"name\":\"depositUserBalance\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_blockNumber\",\"type\":\"uint256\"}],\"name\":\"getActiveWorkers\",\"outputs\":[{\"internalType\":\"address[]\",\"name\":\"\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"\",\"type\":\"uint256[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getAllSecretContractAddresses\",\"outputs\":[{\"internalType\":\"bytes32[]\",\"name\":\"\",\"type\":\"bytes32[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getAttestationSigner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_scAddr\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"_batchIndex\",\"type\":\"uint256\"}],\"name\":\"getBatchRoot\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getEpochSize\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getEpochState\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"count\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"firstBlock\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_blockNumber\",\"type\":\"uint256\"}],\"name\":\"getFirstBlockNumber\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getPrincipal\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_custodian\",\"type\":\"address\"}],\"name\":\"getReport\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_scAddr\",\"type\":\"bytes32\"}],\"name\":\"getSecretContract\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"preCodeHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"codeHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32[]\",\"name\":\"stateDeltaHashes\",\"type\":\"bytes32[]\"},{\"internalType\":\"uint8\",\"name\":\"status\",\"type\":\"uint8\"}],\"internalType\":\"structEnigma.SecretContract\",\"name\":\"c\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_start\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_stop\",\"type\":\"uint256\"}],\"name\":\"getSecretContractAddresses\",\"outputs\":[{\"internalType\":\"bytes32[]\",\"name\":\"out\",\"type\":\"bytes32[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getSigningAddress\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_scAddr\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"_index\",\"type\":\"uint256\"}],\"name\":\"getStateDeltaHash\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_taskId\",\"type\":\"bytes32\"}],\"name\":\"getTaskRecord\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"inputsHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"outputHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"gasLimit\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"gasPx\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"blockNumber\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"status\",\"type\":\"uint8\"},{\"internalType\":\"bytes\",\"name\":\"proof\",\"type\":\"bytes\"}],\"internalType\":\"structEnigma.TaskRecord\",\"name\":\"r\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getTaskTimeoutSize\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getToken\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_user\",\"type\":\"address\"}],\"name\":\"getUserBalance\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_sender\",\"type\":\"address\"}],\"name\":\"getUserTaskDeployments\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_worker\",\"type\":\"address\"}],\"name\":\"getWorker\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"signer\",\"type\":\"address\"},{\"internalType\":\"uint8\",\"name\":\"status\",\"type\":\"uint8\"},{\"internalType\":\"bytes\",\"name\":\"report\",\"type\":\"bytes\"},{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"uint8\",\"name\":\"workerEventType\",\"type\":\"uint8\"},{\"internalType\":\"uint256\",\"name\":\"blockNumber\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"}],\"internalType\":\"structEnigma.WorkerLog[]\",\"name\":\"workerLogs\",\"type\":\"tuple[]\"}],\"internalType\":\"structEnigma.Worker\",\"name\":\"wk\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_signer\",\"type\":\"address\"}],\"name\":\"getWorkerFromSigningAddress\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"signer\",\"type\":\"address\"},{\"internalType\":\"uint8\",\"name\":\"status\",\"type\":\"uint8\"},{\"internalType\":\"bytes\",\"name\":\"report\",\"type\":\"bytes\"},{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"uint8\",\"name\":\"workerEventType\",\"type\":\"uint8\"},{\"internalType\":\"uint256\",\"name\":\"blockNumber\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"}],\"internalType\":\"structEnigma.WorkerLog[]\",\"name\":\"workerLogs\",\"type\":\"tuple[]\"}],\"internalType\":\"structEnigma.Worker\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_blockNumber\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"_scAddr\",\"type\":\"bytes32\"}],\"name\":\"getWorkerGroup\",\"outputs\":[{\"internalType\":\"address[]\",\"name\":\"group\",\"type\":\"address[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_blockNumber\",\"type\":\"uint256\"}],\"name\":\"getWorkerParams\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"address[]\",\"name\":\"\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"\",\"type\":\"uint256[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getWorkersParams\",\"outputs\":[{\"components\":[{\"internalType\":\"uint256\",\"name\":\"firstBlockNumber\",\"type\":\"uint256\"},{\"internalType\":\"address[]\",\"name\":\"workers\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"stakes\",\"type\":\"uint256[]\"},{\"internalType\":\"uint256\",\"name\":\"seed\",\"type\":\"uint256\"}],\"internalType\":\"structEnigma.WorkersParams[5]\",\"name\":\"all\",\"type\":\"tuple[5]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"login\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"logout\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_seed\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_nonce\",\"type\":\"uint256\"},{\"internalType\":\"address[]\",\"name\":\"_workers\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"_stakes\",\"type\":\"uint256[]\"}],\"name\":\"paramsDigest\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"digest\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_signer\",\"type\":\"address\"},{\"internalType\":\"bytes\",\"name\":\"_report\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"_signature\",\"type\":\"bytes\"}],\"name\":\"register\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_taskId\",\"type\":\"bytes32\"}],\"name\":\"returnFeesForTask\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_blockNumber\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_seed\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"_sig\",\"type\":\"bytes\"}],\"name\":\"setWorkersParams\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_scAddr\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"_batchIndex\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"_taskId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"_inputsHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"_outputHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"_deltaHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"_gasUsed\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"_fee\",\"type\":\"uint256\"},{\"internalType\":\"bytes32[]\",\"name\":\"_proof\",\"type\":\"bytes32[]\"}],\"name\":\"verifyBatchedTask\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"_data\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"_signature\",\"type\":\"bytes\"}],\"name\":\"verifyReport\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_amount\",\"type\":\"uint256\"}],\"name\":\"withdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_amount\",\"type\":\"uint256\"}],\"name\":\"withdrawUserBalance\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "Enigma",
	Bin: "0x6101403461020357601f615f8638819003918201601f19168301916001600160401b038311848410176102075780849260a094604052833981010312610203576100488161021b565b906100556020820161021b565b9160408201519261006d60806060850151940161021b565b916001600160a01b0316801515806101f1575b156101ad5784156101685760805260a05260c0528160e0528181029181830414901517156101545761010052600161012052604051615d56908161023082396080518181816103420152818161058101528181610ba0015281816114e701528181612ed40152818161316f01526133d4015260a0518181816115e401528181611c8e0152818161255601528181613c10015261493b015260c051818181613560015261464e015260e05181818161062501526127f101526101005181818161029901526123e8015261012051816111a20152f35b634e487b7160e01b5f52601160045260245ffd5b60405162461bcd60e51b815260206004820152601b60248201527f45706f63682073697a65206d75737420626520706f73697469766500000000006044820152606490fd5b606460405162461bcd60e51b815260206004820152602060248201527f546f6b656e20616e64207072696e636970616c206172652072657175697265646044820152fd5b506001600160a01b0382161515610080565b5f80fd5b634e487b7160e01b5f52604160045260245ffd5b51906001600160a01b03821682036102035756fe6080806040526004361015610012575f80fd5b5f3560e01c90816306e91b1e1461360c5750806316f9a2a4146135c55780631d40ff0b1461358f5780631e9a7c601461354b5780631f3c99c31461340357806321df0da7146133bf57806328aa1aaa146133325780632e1a7d4d1461304e578063365a2cb314612fe45780633e03ea0a14612fb75780634773489214612f7357806347e7ef2414612daa57806348cc376114612d3f5780634aa55c8f1461286357806350946a9f146124c5578063550baa2f1461243d5780635b1a065b1461240b5780635f25f850146123d157806370266a471461227257806375bbf75b146122555780637624281e1461212a578063786cd4d714611bde57806382b5412514611b745780638e055b8b14611a985780638ed05737146118db5780639836ca31146118885780639b09e7a714611855578063a0c39982146117f3578063a153ec60146116b5578063a3bdae3e14611613578063a69bdf16146115cf578063abc3cf05146113d4578063acc02c7d146112cc578063b34e97e81461113b578063b5c14992146110dd578063ba25268814610e27578063c011b1c314610deb578063c41bfb0314610db5578063c652b91914610882578063ca2af5f2146106e4578063cbbc061d14610677578063d855a57914610648578063df4da4611461060e578063ec6405f214610479578063ee6dcef9146102455763f9a9b7ae14610216575f80fd5b346102415760203660031901126102415760206102396102346139bc565b61492d565b604051908152f35b5f80fd5b3461024157602036600319011261024157600435805f526010602052600160405f20019061027282614327565b91600160ff60a0850151160361043e5761029764ffffffffff60608501511643613eb4565b7f000000000000000000000000000000000000000000000000000000000000000010156103e95761033d92602091600560e81b60ff60e81b1982541617905563ffffffff8151165f526012825261030f60018060a01b0360405f205416916001600160401b0360408186840151169201511690614543565b60405163a9059cbb60e01b81526001600160a01b039092166004830152602482015292839081906044820190565b03815f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03165af19081156103de576103a86020927f8f86891ac4edccb13a0629ba04c2b3c434909504438dda249003b4fd85752d1f945f916103b1575b50613f14565b604051908152a1005b6103d19150843d86116103d7575b6103c9818361392c565b810190613efc565b856103a2565b503d6103bf565b6040513d5f823e3d90fd5b60405162461bcd60e51b815260206004820152602760248201527f5461736b2074696d656f75742077696e646f7720686173206e6f7420656c61706044820152661cd959081e595d60ca1b6064820152608490fd5b60405162461bcd60e51b81526020600482015260136024820152725461736b206973206e6f742077616974696e6760681b6044820152606490fd5b3461024157602036600319011261024157600435335f52601160205261057c602060405f209261054f604051946104af86613889565b54946001600160401b03861681526001600160801b03808583019763ffffffff8160401c16895260601c1661054763ffffffff6104f3876040870194808652613f9a565b99610500858c11156148ed565b8a85168452335f90815260118a526040908190209651875492516001600160601b03199093166001600160401b03919091161792909116901b63ffffffff60401b16178455565b5116906140e6565b6040516323b872dd60e01b8152336004820152306024820152604481019190915291829081906064820190565b03815f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03165af180156103de576105c1915f916105ef5750613f14565b6040519081527fa765b0c8dc1d55637fa50a567f25577d20fcc843de6e7a1bfcfd04304e07be9160203392a2005b610608915060203d6020116103d7576103c9818361392c565b836103a2565b34610241575f3660031901126102415760206040517f00000000000000000000000000000000000000000000000000000000000000008152f35b34610241575f36600319011261024157335f526014602052602060018060a01b0360405f205416604051908152f35b3461024157602036600319011261024157610693600435614a00565b90156106db5760058110156106c7576001600160401b0360036020920260010154165b6001600160401b0360405191168152f35b634e487b7160e01b5f52603260045260245ffd5b5060205f6106b6565b346102415760a0366003190112610241576064356004356024356001600160401b0383168303610241576084356001600160401b038111610241577fb6fea360017e3af252ed4596a124395e73b6a74663655ec09faab581713024549361087161075561087d933690600401613a69565b929095610760615150565b805f52601960205260405f2090610780600160ff845460a01c1614613fec565b865f52601060205260405f206108676108526107b061079f878561570e565b9463ffffffff6080870151166152bb565b94600184549101546020860151604051916020830193600160c51b85526028840152600160c51b60488401526050830152600160c31b60708301526001600160401b0360c01b9060c01b166078820152600160c31b60808201526001600160401b0360c01b8860c01b166088820152600160c01b60908201525f60988201526079815261083e60998261392c565b51902061084c368a8e613968565b9061544e565b84516001600160a01b03918216911614614076565b604435815561575a565b60405193849384614476565b0390a1005b346102415760a03660031901126102415760043561089e6137be565b906108a76137a8565b335f5260116020526084356001600160401b0360405f20541603610d53576108cd61413e565b9163ffffffff835116151580610d3b575b15610cf657335f52601160205260405f20604051906108fc82613889565b54936001600160401b038516825263ffffffff8560401c169560208301968088526001600160801b03604085019760601c16875215610ca0575b6001600160401b0316956001600160401b038516946109558689614543565b92610a1e6001600160801b0389511695868611155f14610c8f576001600160801b0361098687985b828a16906140c6565b168a526001600160801b036001600160401b0382511660405160208101913360601b83526034820152603481526109be60548261392c565b5190209a6001600160401b036109d681855116614121565b168352335f90815260116020526040908190209351845489516001600160601b03199091166001600160401b039290921691909117911b63ffffffff60401b16178355610547565b875f52601060205260405f20600181019360ff855460e81c16610c54578763ffffffff925551169063ffffffff5f19915116019063ffffffff8211610c405763ffffffff90600160c0604051610a7381613911565b8381528d60208201528b604082015264ffffffffff4316606082015284861660808201528260a082015201521663ffffffff19845416178355610ad989849067ffffffffffffffff60201b82549160201b169067ffffffffffffffff60201b1916179055565b825460ff60f01b19600160601b600160f01b031990911660609390931b67ffffffffffffffff60601b16929092174360a01b64ffffffffff60a01b161760c89190911b63ffffffff60c81b1617600160e81b1716600160f01b179055818111610b88575b7f72d426446fed2276ff12e6c401fde2011fde45faa59b7b8d052c2384c682851d60c0868689876040519384526020840152604083015260608201523360808201524360a0820152a1005b61054f610b9b9260209296959496613eb4565b03815f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03165af19081156103de575f91610c21575b5015610be75790918480610b3d565b60405162461bcd60e51b8152602060048201526012602482015271151c985b9cd9995c881b9bdd081d985b1a5960721b6044820152606490fd5b610c3a915060203d6020116103d7576103c9818361392c565b85610bd8565b634e487b7160e01b5f52601160045260245ffd5b60405162461bcd60e51b81526020600482015260136024820152725461736b20616c72656164792065786973747360681b6044820152606490fd5b6001600160801b036109868861097d565b6013549063ffffffff82169163ffffffff8314610c405763ffffffff191660019290920163ffffffff169182176013558188525f9182526012602052604090912080546001600160a01b03191633179055610936565b60405162461bcd60e51b815260206004820152601960248201527f57726f6e672065706f636820666f722074686973207461736b000000000000006044820152606490fd5b506001600160401b03602084015116606435146108de565b60405162461bcd60e51b815260206004820152603460248201527f496e636f7272656374206e6f6e6365207969656c64696e67206261642073656360448201527372657420636f6e7472616374206164647265737360601b6064820152608490fd5b34610241576020366003190112610241576004355f52601960205260206001600160401b0360405f205460a81c16604051908152f35b3461024157602036600319011261024157610e23610e0f610e0a6139bc565b614794565b604051918291602083526020830190613aba565b0390f35b3461024157608036600319011261024157600435610e436137be565b90610e4c6137a8565b610e5461413e565b9163ffffffff8351161515806110c5575b15610cf657335f52601160205260405f2060405190610e8382613889565b54936001600160401b038516825263ffffffff8560401c169560208301968088526001600160801b03604085019760601c1687521561106f575b6001600160401b0316956001600160401b03851694610edc8689614543565b92610f0c6001600160801b0389511695868611155f14610c8f576001600160801b036109868798828a16906140c6565b875f52601060205260405f20600181019360ff855460e81c16610c54578763ffffffff925551169063ffffffff5f19915116019063ffffffff8211610c405763ffffffff905f60c0604051610f6081613911565b8381528d60208201528b604082015264ffffffffff431660608201528486166080820152600160a082015201521663ffffffff19845416178355610fc789849067ffffffffffffffff60201b82549160201b169067ffffffffffffffff60201b1916179055565b825460ff60f01b19600160601b600160f01b031990911660609390931b67ffffffffffffffff60601b16929092174360a01b64ffffffffff60a01b161760c89190911b63ffffffff60c81b1617600160e81b17169055818111610b88577f72d426446fed2276ff12e6c401fde2011fde45faa59b7b8d052c2384c682851d60c0868689876040519384526020840152604083015260608201523360808201524360a0820152a1005b6013549063ffffffff82169163ffffffff8314610c405763ffffffff191660019290920163ffffffff169182176013558188525f9182526012602052604090912080546001600160a01b03191633179055610ebd565b506001600160401b0360208401511660643514610e65565b34610241576040366003190112610241576004356001600160401b0381116102415761110d903690600401613a69565b602435906001600160401b03821161024157602092611133610239933690600401613a69565b92909161464c565b34610241575f36600319011261024157335f52601460205260405f206040519061116482613889565b5460018060a01b038116825260ff8160a01c169161119560026020830194808652604084019460a81c855214613e58565b6001600160581b038251167f00000000000000000000000000000000000000000000000000000000000000001161127c5760018352335f90815260146020908152604080832093519551855160a81b6001600160a81b03191660ff60a01b60a09290921b919091166001600160a01b039097169690961795909517909255601690915282902090519151611255929091906001600160581b031661123883613889565b600183526001600160401b03431660208401526040830152613dca565b337f0a581ae4192c44a0074ccc9c655d264ea6a838e99ca8dfc8ca439aee62cb51835f80a2005b60405162461bcd60e51b815260206004820152602260248201527f576f726b657227732062616c616e6365206973206e6f742073756666696369656044820152611b9d60f21b6064820152608490fd5b34610241576080366003190112610241576044356001600160401b03811161024157366023820112156102415780600401359061130882613b51565b91611316604051938461392c565b8083526024602084019160051b8301019136831161024157602401905b8282106113bc57606435846001600160401b03821161024157366023830112156102415781600401359061136682613b51565b90611374604051928361392c565b8282526024602083019360051b8501019236841161024157602460209501905b8482106113ad5750506102399250602435600435614556565b81358152908501908501611394565b602080916113c9846139d2565b815201910190611333565b3461024157602036600319011261024157600435335f52601160205260405f20906040519161140283613889565b54916001600160401b03831681526001600160801b03602082019363ffffffff8160401c16855260601c169180604083019380855210611580576114bb6020926114aa63ffffffff6114e2976001600160801b03611465818816828b51166140c6565b168852335f908152601188526040908190209451855492516001600160601b03199093166001600160401b03919091161792909116901b63ffffffff60401b16178255565b6001600160801b03855116906140e6565b60405163a9059cbb60e01b8152336004820152602481019190915292839081906044820190565b03815f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03165af19182156103de576001600160801b0392611531915f916115615750613f14565b51166040519081527fa765b0c8dc1d55637fa50a567f25577d20fcc843de6e7a1bfcfd04304e07be9160203392a2005b61157a915060203d6020116103d7576103c9818361392c565b846103a2565b60405162461bcd60e51b815260206004820152602160248201527f4e6f7420656e6f75676820746f6b656e7320696e20757365722062616c616e636044820152606560f81b6064820152608490fd5b34610241575f366003190112610241576040517f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03168152602090f35b34610241576020366003190112610241576001600160a01b036116346139bc565b16805f52601460205260405f2061167a6040519161165183613889565b5460018060a01b038116835260ff8160a01c169081602085015260a81c60408401521515613f58565b60018060a01b03905116905f52601560205261169860405f206144a3565b90610e236040519283928352604060208401526040830190613a96565b34610241576080366003190112610241576004356116d16137a8565b606435916001600160401b0383116102415761087d6108716117187fb6fea360017e3af252ed4596a124395e73b6a74663655ec09faab58171302454953690600401613a69565b919094611723615150565b845f52601960205261173f60ff60405f205460a01c161561442b565b845f52601060205260405f2061175582826155c5565b6117698763ffffffff6080840151166152bb565b916117e961085282546020850151604051906020820192600160c51b84526028830152600160c31b60488301526001600160401b0360c01b9060c01b166050820152600160c31b60588201526001600160401b0360c01b8860c01b166060820152600160c01b60688201525f60708201526051815261083e60718261392c565b602435815561575a565b346102415760203660031901126102415761180c6139bc565b611814614401565b506001600160a01b039081165f908152601760205260409020541661183881614794565b90610e236040519283928352604060208401526040830190613aba565b34610241575f3660031901126102415760405f546001600160401b0382519163ffffffff8116835260201c166020820152f35b3461024157602036600319011261024157610e236118cd6118aa60043561439b565b919492939060405195869586526020860152608060408601526080850190613804565b908382036060850152613840565b346102415760203660031901126102415760405161010081018181106001600160401b03821117611a84576040525f815260208101905f8252610e23606060ff83604081015f81526001600160401b038483015f81528160808501915f835260a08601945f8652878c64ffffffffff8b60c08b019a5f8c5260e081019d8e526004355f52601060205260405f209361197560018601614327565b9163ffffffff8351165f52601260205260018060a01b0360405f205416905260a08201948686511660028114908115611a79575b8115611a6e575b5015611a665760018760c0850151161480611a59575b15611a50575490525b8760208201511687528760408201511689520151168852511687526040516119f860208261392c565b5f815289526040519b8c9b60208d5260018060a01b0390511660208d01525160408c01525160608b015251166080890152511660a08701525160c0860152511660e08401525161010080840152610120830190613a96565b548752506119cf565b50600287875116146119c6565b5490526119cf565b60049150145f6119b0565b6003811491506119a9565b634e487b7160e01b5f52604160045260245ffd5b34610241576040366003190112610241576004356024358015611b6b575b8082111580611b5f575b15611b2457611ad7611ad28383613eb4565b613b68565b91805b828110611af75760405160208082528190610e2390820187613840565b80611b03600192613bb2565b90549060031b1c611b1d611b178584613eb4565b87613bdf565b5201611ada565b60405162461bcd60e51b815260206004820152601360248201527252616e6765206f7574206f6620626f756e647360681b6044820152606490fd5b50601a54811115611ac0565b50601a54611ab6565b346102415736600319016101408112610241576101001361024157610104356001600160401b03811161024157611baf9036906004016137d4565b61012435906001600160401b03821161024157602092611bd66102399336906004016137d4565b9290916141d6565b3461024157606036600319011261024157611bf76139bc565b6024356001600160401b03811161024157611c16903690600401613a69565b6044356001600160401b03811161024157611c35903690600401613a69565b6001600160a01b039485165f8181526017602052604090205490951615801561210d575b156120c857611c6991838561464c565b6120835780601c116102415782600883013560601c0361202e5780603c10156106c7577f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031683036120255760ff60025b16603c83013560f81c03611fd057335f52601460205260405f2060405190611ce882613889565b5460018060a01b038116825260ff8160a01c166020830190808252604084019260a81c835280155f14611f425750601854600160401b811015611a8457611d9c91611d3b82600160ff9401601855613b9a565b81546001600160a01b0360039290921b91821b19163390911b1790555b87855260028152335f9081526014602052604090209451855491516001600160a81b03199092166001600160a01b039190911617911660a01b60ff60a01b16178355565b5181546001600160a81b031660a89190911b6001600160a81b0319161790555f83815260176020908152604080832080546001600160a01b03191633908117909155835260159091529020916001600160401b038211611a8457611e00835461419e565b601f8111611efd575b505f90601f8311600114611e74579180604094927f0a31ee9d46a828884b81003c8498156ea6aa15b9b54bdd0ef0b533d9eba57e5596945f92611e69575b50508160011b915f199060031b1c19161790555b8151903382526020820152a1005b013590508680611e47565b601f19831691845f5260205f20925f5b818110611ee557509260019285927f0a31ee9d46a828884b81003c8498156ea6aa15b9b54bdd0ef0b533d9eba57e5598966040989610611ecc575b505050811b019055611e5b565b01355f19600384901b60f8161c19169055868080611ebf565b91936020600181928787013581550195019201611e84565b835f5260205f20601f840160051c81019160208510611f38575b601f0160051c01905b818110611f2d5750611e09565b5f8155600101611f20565b9091508190611f17565b600114611f7b5782516001600160a01b03165f90815260176020526040902080546001600160a01b0319169055611d9c9060ff90611d58565b60405162461bcd60e51b815260206004820152602760248201527f4c6f67206f7574206265666f7265207265676973746572696e672061206e65776044820152661039b4b3b732b960c91b6064820152608490fd5b60405162461bcd60e51b815260206004820152602760248201527f5265706f727420697320666f72207468652077726f6e6720656e636c617665206044820152661c1c9bd91d58dd60ca1b6064820152608490fd5b60ff6001611cc1565b60405162461bcd60e51b815260206004820152602760248201527f5369676e657220646f6573206e6f74206d6174636820636f6e74656e7473206f604482015266662071756f746560c81b6064820152608490fd5b60405162461bcd60e51b815260206004820152601a60248201527f566572696679696e67207369676e6174757265206661696c65640000000000006044820152606490fd5b60405162461bcd60e51b815260206004820152601860248201527f4e6f74206120756e69717565207369676e696e67206b657900000000000000006044820152606490fd5b50845f52601760205260018060a01b0360405f2054163314611c59565b3461024157602036600319011261024157604051612147816138f6565b5f815260208101905f825260408101905f825260608101906060825260808101905f82526004355f52601960205260405f2091604061218584613fa7565b80516001600160a01b031684526002850154885260018501548752602081015160ff1683520180519095906121c2906001600160401b0316613b68565b855260035f9401935b6001600160401b03875116811015612208576001816001600160401b03925f528660205260405f20546121ff828a51613bdf565b520190506121cb565b87848460ff6122498a876040519687966020885260018060a01b0390511660208801525160408701525160608601525160a0608086015260c0850190613840565b91511660a08301520390f35b34610241575f366003190112610241576020601a54604051908152f35b34610241575f3660031901126102415760a060405161229260a08261392c565b5f5b8281106123bc57505f5b6005811061239457509060405191829160208301602084529060c0840192915f905b600582106122d057505050500390f35b919390929450601f1986820301825284519060808101918051825260208101519260806020840152835180915260208784019401905f905b808210612372575050506040810151928281036040840152602080855192838152019401905f905b80821061235a575050506001926020926060808594015191015296019201920185949391926122c0565b90919460208060019288518152019601920190612330565b82516001600160a01b0316865260209586019590920191600190910190612308565b806123a06001926154ea565b6123aa828561418d565b526123b5818461418d565b500161229e565b6020906123c7614169565b8184015201612294565b34610241575f3660031901126102415760206040517f00000000000000000000000000000000000000000000000000000000000000008152f35b346102415761241936613873565b905f526019602052600460405f2001905f52602052602060405f2054604051908152f35b34610241575f36600319011261024157604051806020601a54918281520190601a5f527f057c384a7d1c54f3a1b2e5e67b2617b8224fdfd1ea7234eea573a6ff665ff63e905f5b8181106124af57610e238561249b8187038261392c565b604051918291602083526020830190613840565b8254845260209093019260019283019201612484565b34610241576060366003190112610241576024356004356044356001600160401b038111610241576124fb903690600401613a69565b929061250561413e565b9043841161281e5763ffffffff8251161580156127dd575b156127995761258861255463ffffffff9661084c61253a88613bf3565b99909651169461254c8a88888b614556565b923691613968565b7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03908116911614614076565b6005810660058110156106c75760039081026001810195918101945f939091845b86518610156125f4576125c96001916125c2888d613bdf565b5190613f9a565b95818060a01b036125da828a613bdf565b51168760a01b17815f528960205260405f205501946125a9565b908695508990896bffffffffffffffffffffffff841161275c5785916002916001600160401b034316958a519060405161262d816138c0565b888152602081018a905263ffffffff83166040808301919091526001600160801b03831660609283015263ffffffff60401b908b901b166001600160401b038a161792901b63ffffffff60601b169190911760809190911b6fffffffffffffffffffffffffffffffff1916179055015560018301808411610c40577f4ac4fa4588e2c6fdaec0f375ac3b33fab7b69895fbb538347f8adb03164c5ddd966127519363ffffffff61274393169060206040516126e7816138db565b838152015263ffffffff195f5416175f555f5467ffffffffffffffff60201b804360201b16169067ffffffffffffffff60201b1916175f556040519687968752436020880152604087015260c0606087015260c0860190613804565b908482036080860152613840565b9060a08301520390a1005b60405162461bcd60e51b8152602060048201526015602482015274546f74616c207374616b6520746f6f206c6172676560581b6044820152606490fd5b606460405162461bcd60e51b815260206004820152602060248201527f416c72656164792063616c6c656420647572696e6720746869732065706f63686044820152fd5b506128166001600160401b036020840151167f000000000000000000000000000000000000000000000000000000000000000090613f9a565b84101561251d565b60405162461bcd60e51b815260206004820152601d60248201527f426c6f636b206e756d62657220697320696e20746865206675747572650000006044820152606490fd5b346102415736600319016101608112610241576101001361024157610104356001600160401b0381116102415761289e9036906004016137d4565b90610124356001600160401b038111610241576128bf9036906004016137d4565b90610144356001600160401b038111610241576128e0903690600401613a69565b90946128ea615150565b838103612cfa5760043594855f52601960205260405f2061290a81613fa7565b976020890161291f600160ff83511614613fec565b60443599606081019262ffffff8451168c03612cc1576001600160401b039860643596600387019b8b612958604087019d8e5116614038565b165f528c60205260405f20548903612c6d5760a4359a8b151580612c62575b15612c2f576129ad8f9161084c849d9695949761254c6129a46129c29661299f602435615211565b6152bb565b99888a896141d6565b85516001600160a01b03918216911614614076565b5f995f935b808510612b93575050505050604081016001600160581b036129ec8982845116613f9a565b6129f8828211156148ed565b168152335f908152601460209081526040808320855195830151945160a81b6001600160a81b0319166001600160a01b0390961660a09590951b60ff60a01b1694909417949094179092558d81526004870190915220879055825162ffffff90811698908914610c4057612afc60ff612b24946001600160401b03947f98f685eb5e7346838364567e44588cd3bb5043d34bf4f398be485873d7c4b7dc9d62ffffff600160a09f011689526084359a8b15159081612b88575b50612b63575b506001808e1b03906001808f1b03905116166bffffffffffffffffffffffff8d1b8954161788555116869081549060ff60a01b9060a01b169060ff60a01b1916179055565b51845467ffffffffffffffff60a81b1916911660a81b67ffffffffffffffff60a81b16178355565b5181546001600160e81b031660e89190911b6001600160e81b0319161790556040805193845260c43560208501528301523360608301526080820152a3005b868651165f526020528960405f205585612b7f81875116614121565b1685525f612ab7565b90508b14155f612ab1565b909192939a612ba38c83866140b6565b356001600160a01b03811690819003610241576001916001600160801b038e612c16935f526011602052612c0f60405f2083815460601c1692898c85612bea8484846140b6565b351015612c2157612c09928792612c00926140b6565b351680946140c6565b906140e6565b1690613f9a565b9b01939291906129c7565b505050612c098380946140c6565b60405162461bcd60e51b815260206004820152600b60248201526a08adae0e8f240c4c2e8c6d60ab1b6044820152606490fd5b5060c4351515612977565b60405162461bcd60e51b815260206004820152602660248201527f426174636820646f6573206e6f7420657874656e6420746865206c617465737460448201526520737461746560d01b6064820152608490fd5b60405162461bcd60e51b81526020600482015260116024820152700aee4dedcce40c4c2e8c6d040d2dcc8caf607b1b6044820152606490fd5b60405162461bcd60e51b815260206004820152601f60248201527f557365727320616e6420666565732064696666657220696e206c656e677468006044820152606490fd5b3461024157612da86001600160401b03612d58366139e6565b969795919360409591955198612d6d8a6138a4565b808a5260208a015260408901526060880152608087015260a08601526001600160a01b031660c08501521660e0830152610100820152614e45565b005b3461024157604036600319011261024157612dc36139bc565b60243560018060a01b038216805f52601460205260405f2090612e7e60ff60405193612dee85613889565b549260018060a01b0384168552818460a01c1690612e1e6020870192808452604088019660a81c87521515613f58565b6001600160581b03612e338882885116613f9a565b612e3f828211156148ed565b1685525f9081526014602052604090209451855491516001600160a81b03199092166001600160a01b039190911617911660a01b60ff60a01b16178355565b5181546001600160a81b031660a89190911b6001600160a81b0319161790556040516323b872dd60e01b81526001600160a01b03831660048201523060248201526044810182905291602083806064810103815f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03165af19283156103de577fb3ef81558ed1a50072a492984535a009da8b129c749500b387f1e5f4886bdde593612f37915f91612f5a5750613f14565b604080516001600160a01b0390921682526020820192909252908190810161087d565b6103d1915060203d6020116103d7576103c9818361392c565b34610241576020366003190112610241576001600160a01b03612f946139bc565b165f52601160205260206001600160801b0360405f205460601c16604051908152f35b34610241576020366003190112610241576004355f526019602052602060405f205460e81c604051908152f35b3461024157612da86001600160401b03612ffd366139e6565b969795604095919594929451986130138a6138a4565b89526020890152604088015260608701525f608087015260a08601526001600160a01b031660c08501521660e0830152610100820152614a7f565b3461024157602036600319011261024157600435335f52601460205260405f206040519061307b82613889565b5460018060a01b038116825260ff8160a01c166130ab60026020850192808452604086019460a81c855214613e58565b335f52601660205260405f2080549081613236575b5050836001600160581b03835116106131e5576001600160581b0384166001600160581b03835116036001600160581b038111610c40576001600160581b03168252335f81815260146020908152604080832096519451955160a81b6001600160a81b03191660ff60a01b60a09790971b969096166001600160a01b039586161795909517909555925163a9059cbb60e01b8152600481019190915260248101859052939291849160449183917f0000000000000000000000000000000000000000000000000000000000000000165af19081156103de576131cd61087d927f84e742a3ea03623687a5febaa797636d728230721d4b3d1405d19fbbc16298d9945f91612f5a5750613f14565b60408051338152602081019290925290918291820190565b60405162461bcd60e51b815260206004820152602360248201527f4e6f7420656e6f75676820746f6b656e7320696e20776f726b65722062616c616044820152626e636560e81b6064820152608490fd5b5f198201918211610c40576132549161324e91613bca565b50613ec1565b600260ff825116036132dd576001600160401b036020815f54821c169201511610156132815784806130c0565b60405162461bcd60e51b815260206004820152602e60248201527f43616e6e6f7420776974686472617720696e2073616d652065706f636820617360448201526d081b1bd9c81bdd5d08195d995b9d60921b6064820152608490fd5b60405162461bcd60e51b815260206004820152602760248201527f576f726b65722773206c617374206c6f67206973206e6f74206f66204c6f674f6044820152667574207479706560c81b6064820152608490fd5b346102415761334036613873565b90805f5260196020526001600160401b0360405f205460a81c16821015613384575f526019602052600360405f2001905f52602052602060405f2054604051908152f35b60405162461bcd60e51b81526020600482015260136024820152724e6f20737563682073746174652064656c746160681b6044820152606490fd5b34610241575f366003190112610241576040517f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03168152602090f35b34610241575f36600319011261024157335f52601460205260405f206040519061342c82613889565b5460018060a01b038116825260ff8160a01c169160016020820193808552604083019360a81c84520361350f5760028352335f90815260146020908152604080832093519551855160a81b6001600160a81b03191660ff60a01b60a09290921b919091166001600160a01b0390971696909617959095179092556016909152829020905191516134e8929091906001600160581b03166134cb83613889565b600283526001600160401b03431660208401526040830152613dca565b337f8d11ef6404d9eeb0a13d346ad9b49adf23be5a095f5efb8741c3eec74e43ee9c5f80a2005b60405162461bcd60e51b81526020600482015260146024820152732bb7b935b2b9103737ba103637b3b3b2b21034b760611b6044820152606490fd5b34610241575f366003190112610241576040517f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03168152602090f35b3461024157604036600319011261024157610e236135b1602435600435613cff565b604051918291602083526020830190613804565b34610241576020366003190112610241576135fe610e236135e7600435613bf3565b604092919251938493604085526040850190613804565b908382036020850152613840565b34610241576101203660031901126102415760c4356001600160401b03811680910361024157610104356001600160401b038111610241576136529036906004016137d4565b9190926004355f526019602052600460405f20016024355f5260205260405f205491602082019060443582526064356040840152608435606084015260a435608084015260a083015260e43560c083015260c082526136b260e08361392c565b6136e16021604051809360208201955f87525180918484015e81015f838201520301601f19810183528261392c565b5190209181151592836136fc575b6020846040519015158152f35b9192505f905b80821061371857505060209250148280806136ef565b90916001906137288484886140b6565b358082101561377357604051600160f81b602082019081526021820193909352604181019190915261376781606181015b03601f19810183528261392c565b5190205b920190613702565b604051600160f81b6020820190815260218201929092526041810192909252906137a08160618101613759565b51902061376b565b604435906001600160401b038216820361024157565b602435906001600160401b038216820361024157565b9181601f84011215610241578235916001600160401b038311610241576020808501948460051b01011161024157565b90602080835192838152019201905f5b8181106138215750505090565b82516001600160a01b0316845260209384019390920191600101613814565b90602080835192838152019201905f5b81811061385d5750505090565b8251845260209384019390920191600101613850565b6040906003190112610241576004359060243590565b606081019081106001600160401b03821117611a8457604052565b61012081019081106001600160401b03821117611a8457604052565b608081019081106001600160401b03821117611a8457604052565b604081019081106001600160401b03821117611a8457604052565b60a081019081106001600160401b03821117611a8457604052565b60e081019081106001600160401b03821117611a8457604052565b90601f801991011681019081106001600160401b03821117611a8457604052565b6001600160401b038111611a8457601f01601f191660200190565b9291926139748261394d565b91613982604051938461392c565b829481845281830111610241578281602093845f960137010152565b9080601f83011215610241578160206139b993359101613968565b90565b600435906001600160a01b038216820361024157565b35906001600160a01b038216820361024157565b9061010060031983011261024157600435916024359160443591606435916084356001600160401b0381116102415782613a229160040161399e565b9160a4356001600160a01b0381168103610241579160c4356001600160401b0381168103610241579160e435906001600160401b038211610241576139b99160040161399e565b9181601f84011215610241578235916001600160401b038311610241576020838186019501011161024157565b805180835260209291819084018484015e5f828201840152601f01601f1916010190565b60018060a01b03815116825260ff60208201511660208301526080613aee604083015160a0604086015260a0850190613a96565b91606081015160608501520151916080818303910152602080835192838152019201905f5b818110613b205750505090565b909192602060606001926040875160ff81511683528481015185840152015160408201520194019101919091613b13565b6001600160401b038111611a845760051b60200190565b90613b7282613b51565b613b7f604051918261392c565b8281528092613b90601f1991613b51565b0190602036910137565b6018548110156106c75760185f5260205f2001905f90565b601a548110156106c757601a5f5260205f2001905f90565b80548210156106c7575f5260205f2001905f90565b80518210156106c75760209160051b010190565b9060185491613c0183613b68565b90613c0b84613b68565b935f917f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031690835b838110613c4f575050505080825283529190565b613c5881613b9a565b90546001600160a01b0360039290921b1c81165f81815260146020526040902054909116908390858314613cf45790613c9091614985565b919080613ce6575b613ca9575b50506001905b01613c3b565b6001600160581b0391604091613cc2898b9a969a613bdf565b52015116613cd0828a613bdf565b525f198114610c4057600180910194905f613c9d565b50600160ff83511614613c98565b505050600190613ca3565b613d0b90929192614a00565b90158015613da9575b613d8e5760058110156106c75760030260405190613d3360408361392c565b6001825260208083019190368337613d72839563ffffffff613d67600385019480600101549360028560801c920154615ac5565b9160601c1683615b0c565b5f5260205260018060a01b0360405f2054169151156106c75752565b509050604051613d9f60208261392c565b5f81525f36813790565b5060058110156106c75763ffffffff600382026001015460601c1615613d14565b8054600160401b811015611a8457613de791600182018155613bca565b919091613e455780518254602083015160409093015173ffffffffffffffffffffff00000000000000000060489190911b1668ffffffffffffffff0060089490941b9390931660ff9092166001600160a01b03199091161717179055565b634e487b7160e01b5f525f60045260245ffd5b15613e5f57565b60405162461bcd60e51b815260206004820152602760248201527f576f726b6572206e6f742072656769737465726564206f72206e6f74206c6f6760448201526619d959081bdd5d60ca1b6064820152608490fd5b91908203918211610c4057565b90604051613ece81613889565b60406001600160581b0382945460ff811684526001600160401b038160081c16602085015260481c16910152565b90816020910312610241575180151581036102415790565b15613f1b57565b60405162461bcd60e51b8152602060048201526015602482015274151bdad95b881d1c985b9cd9995c8819985a5b1959605a1b6044820152606490fd5b15613f5f57565b60405162461bcd60e51b81526020600482015260136024820152722ab73932b3b4b9ba32b932b2103bb7b935b2b960691b6044820152606490fd5b91908201809211610c4057565b90604051613fb4816138c0565b91546001600160a01b038116835260a081901c60ff16602084015260a881901c6001600160401b0316604084015260e81c6060830152565b15613ff357565b60405162461bcd60e51b815260206004820152601c60248201527f53656372657420636f6e7472616374206e6f74206465706c6f796564000000006044820152606490fd5b6001600160401b035f19911601906001600160401b038211610c4057565b906001600160401b03809116911603906001600160401b038211610c4057565b1561407d57565b60405162461bcd60e51b8152602060048201526011602482015270496e76616c6964207369676e617475726560781b6044820152606490fd5b91908110156106c75760051b0190565b906001600160801b03809116911603906001600160801b038211610c4057565b80546fffffffffffffffffffffffffffffffff60601b191660609290921b6fffffffffffffffffffffffffffffffff60601b16919091179055565b6001600160401b03166001600160401b038114610c405760010190565b6040519061414b826138db565b8160206001600160401b035f5463ffffffff81168452821c16910152565b60405190614176826138c0565b5f6060838281528160208201528160408201520152565b9060058110156106c75760051b0190565b90600182811c921680156141cc575b60208310146141b857565b634e487b7160e01b5f52602260045260245ffd5b91607f16916141ad565b9060405190816020810193826040830160208752526060820190925f5b8181106142f757505061420f925003601f19810183528261392c565b519020916040519060208201926020845281604084015260018060fb1b03821161024157826060916142559360051b80918484013781010301601f19810183528261392c565b5190206040519060208201927ff8a53ce630f00ffedde2625329adbe4e0a286fb9fec45359b106dce65e92a2e28452466040840152306060840152600435608084015260243560a084015260443560c084015260643560e084015260843561010084015260a43561012084015260c43561014084015260e4356101608401526101808301526101a08201526101a081526142f16101c08261392c565b51902090565b9092509060019060209081906001600160a01b03614314886139d2565b16815201940191019184929391936141f3565b9060405161433481613911565b60c060ff82945463ffffffff811684526001600160401b038160201c1660208501526001600160401b038160601c16604085015264ffffffffff8160a01c16606085015263ffffffff8160c81c166080850152818160e81c1660a085015260f01c16910152565b6143a490614a00565b90156143cc576143b3906154ea565b8051606082015192604060208401519301519193929190565b5060405160206143dc818361392c565b5f82525f368137604051906143f1818361392c565b5f8252505f3681375f925f929190565b6040519061440e826138f6565b60606080835f81525f60208201528260408201525f838201520152565b1561443257565b606460405162461bcd60e51b815260206004820152602060248201527f53656372657420636f6e747261637420616c7265616479206465706c6f7965646044820152fd5b91926060938192845260406020850152816040850152848401375f828201840152601f01601f1916010190565b9060405191825f8254926144b68461419e565b808452936001811690811561452157506001146144dd575b506144db9250038361392c565b565b90505f9291925260205f20905f915b8183106145055750509060206144db928201015f6144ce565b60209193508060019154838589010152019101909184926144ec565b9050602092506144db94915060ff191682840152151560051b8201015f6144ce565b81810292918115918404141715610c4057565b929180519081604402604481048303610c40576080019283608011610c405761459a6145848596949661394d565b94614592604051968761392c565b80865261394d565b602085019690601f1901368837600160c51b87526028850152600160c51b604885015260508401528360c01b607084015260788301905f905b858210614624575050815160c01b8152600801925f915b8183106145ff575050509003601f1901902090565b600160c51b85526001909201600581901b8301516008860152602890940193916145ea565b600560c21b83526001909101600581901b82015160601b6008840152601c90920191906145d3565b7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316939290918415801561476b575b8015614743575b6147395761472a9261084c91614714604051926146a860608561392c565b602b84526a6e207265706f727420763160a81b604060208601957f656e69676d612d676f2f6174746573746174696f6e3a2073696d756c6174696f87520152604b83604051948593602b6020860198895e8385015f8152378201015f815203601f19810183528261392c565b5190206001600160a01b03949092369190613968565b1603614734575f90565b600190565b5050505050600190565b50806008116102415782356001600160c01b03191667454e4753494d523160c01b141561468a565b50603f811415614683565b6040519061478382613889565b5f6040838281528260208201520152565b9061479d614401565b9160018060a01b0316805f5260146020526001600160581b0360405f2060ff604051916147c983613889565b549160018060a01b03831680825260406020830192848660a01c168452019360a81c8452875251166020860152825f52601560205261480a60405f206144a3565b6040860152511660608401525f52601660205260405f2080549061482d82613b51565b9061483b604051928361392c565b828252601f1961484a84613b51565b015f5b8181106148d6575050608085019182525f5b83811061486c5750505050565b806148cf8161488061324e60019587613bca565b60ff815116906001600160581b0360406001600160401b036020840151169201511690604051926148b084613889565b8352602083015260408201528651906148c98383613bdf565b52613bdf565b500161485f565b6020906148e1614776565b8282870101520161484d565b156148f457565b60405162461bcd60e51b815260206004820152601160248201527042616c616e636520746f6f206c6172676560781b6044820152606490fd5b6001600160a01b03908116907f0000000000000000000000000000000000000000000000000000000000000000168114614979575f5260116020526001600160401b0360405f20541690565b5063ffffffff5f541690565b61498d614776565b5060018060a01b03165f52601660205260405f20908154805b6149b9575050506149b5614776565b5f91565b5f198101818111610c405761324e6149d19185613bca565b826001600160401b03602083015116106149f557508015610c40575f1901806149a6565b939250505060019190565b5f9190829081805b6005811015614a61576001600160401b0360038202600101541680151580614a57575b80614a4e575b614a3f575b50600101614a08565b60019650935090508085614a36565b50848111614a31565b5083811115614a2b565b5092915050565b6040906139b9939281528160208201520190613a96565b614a87615150565b80515f52601960205260405f20614a9d81613fa7565b614ab0600160ff60208401511614613fec565b60208301515f52601060205260405f2091614ad86001600160401b0360e0860151168461570e565b91614aef63ffffffff6080850151168651906152bb565b9160405194614afd866138f6565b60018201548652805460208701526001600160401b03614b2281604086015116614038565b165f526003820160205260405f20546040870152604087019485516060880152614c07606089019788516080820152614c016001600160401b036020850151166001600160401b0360e08d01511660a08d0151908d60c060018060a01b0391015116928551956020810151906040810151608060608301519201519260405199600160c51b60208c015260288b0152600160c51b60488b015260508a0152600160c51b60708a01526078890152600160c51b609889015260a0880152600160c51b60c088015260c887015260c88652614bfc60e88761392c565b615c9e565b90615b68565b6020815191012094614c38614c236101008b019788519061544e565b82516001600160a01b03918216911614614076565b8751835560c08901516001600160a01b031615614e275790614c69916001600160401b036020830151169184615948565b60c087015160a0880151614c85916001600160a01b0316615ba6565b15614dd357505b83515f9281614d48575b50505090614d4391614d288660207f4bd41c1b1fe5d4fab28fe14a580082e19937fe7f97068b2bd8424abe636220a9980151955196519281516001600160401b0360e0840151169060a08401519360c060018060a01b03910151169651956040519a8b9a8b5260208b015260408a01526060890152608088015260a087015261014060c0870152610140860190613a96565b9160e085015233610100850152838203610120850152613a96565b0390a1565b600191929493506040816001600160401b0382819401511694855f5260038801602052825f2055015116016001600160401b038111610c4057835467ffffffffffffffff60a81b191660a89190911b67ffffffffffffffff60a81b16179092559080614d287f4bd41c1b1fe5d4fab28fe14a580082e19937fe7f97068b2bd8424abe636220a9614c96565b600101805460ff60e81b1916600160ea1b179055505060209093015192516040517fb4aea73bd8d22347d99fea0a634fccfed5e23aec848d852b7951161f1ee85f0f94909350839250614d43919083614a68565b614e4092916001600160401b0360e08b01511692615948565b614c8c565b614e4d615150565b6020810180515f526019602052614e6e60ff60405f205460a01c161561442b565b80515f52601060205260405f2060e08301614e936001600160401b03825116836155c5565b90614eaa63ffffffff6080840151168551906152bb565b948354606082019485516040840198895190614f376020890195614c016001600160401b03885116956001600160401b038b51169660a08b019788519160c08d019860018060a01b038a51169460405197600160c51b60208a01526028890152600160c51b60488901526050880152600160c51b6070880152607887015260788652614bfc60988761392c565b6020815191012094614f68614f5361010089019788519061544e565b83516001600160a01b03918216911614614076565b825189906001600160a01b03161561512e5750614fac9495969750906001600160401b03614f9a925116908987615948565b519051906001600160a01b0316615ba6565b156150de5750506080905b84515f52601960205263ffffffff60405f209351165f52601260205260018060a01b0360405f2054165f6060604051614fef816138c0565b838152600160208083018290526040808401839052939092019390935286546001600160a81b036001600160a81b03199091166001600160a01b0390951694909417600160a01b1793909316600160a81b1786558651918601919091559290910151600284015585515f80805260039094019091529120558151601a5490939092600160401b841015611a84577f696a24a4e9187ea71b374178e4c33d07aabcafd87013f7d48010104de5f73158946150b085600160609701601a55613bb2565b819291549060031b91821b915f19901b191617905551915190519060405192835260208301526040820152a1565b600101805460ff60e81b1916600160ea1b179055935193516040517fb4aea73bd8d22347d99fea0a634fccfed5e23aec848d852b7951161f1ee85f0f965094859450614d43935090915083614a68565b925050915061514b93506001600160401b03608096511692615948565b614fb7565b7f97de3d826eec398f523d08c75314484bebafc53c6bfba3ad96ca4de4bf0a71965c61517857565b60405162461bcd60e51b815260206004820152602860248201527f5265656e7472616e742063616c6c2066726f6d20616e20457468657265756d2060448201526763616c6c6261636b60c01b6064820152608490fd5b906040516151db816138c0565b60608193546001600160401b038116835263ffffffff8160401c16602084015263ffffffff81831c16604084015260801c910152565b5f5b600581101561526a5761522b600382026001016151ce565b6001600160401b03815116838115159182615260575b50506152505750600101615213565b6020015163ffffffff1692915050565b149050835f615241565b60405162461bcd60e51b8152602060048201526024808201527f546865207461736b27732065706f6368206973206e6f206c6f6e6765722073746044820152631bdc995960e21b6064820152608490fd5b63ffffffff906152c9614776565b50166005810660058110156106c757600302906152e8826001016151ce565b906001600160401b038251161515908161543a575b501561526a57604081019263ffffffff845116156153f557826153419160026001600160801b03606063ffffffff6003615348990199511696015116920154615ac5565b9083615b0c565b5f5260205260018060a01b0360405f20541690335f52601460205260405f20916040519261537584613889565b546001600160a01b03811680855260a082901c60ff16602086015260a89190911c6040850152036153a257565b60405162461bcd60e51b815260206004820152602560248201527f4e6f74207468652073656c656374656420776f726b657220666f722074686973604482015264207461736b60d81b6064820152608490fd5b60405162461bcd60e51b815260206004820152601e60248201527f4e6f20776f726b65727320696e20746865207461736b27732065706f636800006044820152606490fd5b905063ffffffff602083015116145f6152fd565b60418251036154e457602082015190606060408401519301515f1a90601b82106154d2575b7f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a084116154ca576020935f9360ff60809460405194855216868401526040830152606082015282805260015afa156103de575f5190565b505050505f90565b90601b0160ff8111610c405790615473565b50505f90565b6154f2614169565b9060058110156106c75760030291604061550e846001016151ce565b6001600160401b03815116845260028501546060850152019161553763ffffffff845116613b68565b916020820192835261554f63ffffffff855116613b68565b91604081019283525f9160035f9701925b63ffffffff8751168810156155bb57600163ffffffff91895f52856020526155a560405f2054918260a01c92848060a01b031661559e8d8c51613bdf565b5282613eb4565b6155b08b8951613bdf565b529801979050615560565b5094509450505050565b6001615606919392935f60c06040516155dd81613911565b8281528260208201528260408201528260608201528260808201528260a0820152015201614327565b91600160ff60a085015116036156d357600160ff60c08501511603615682576001600160401b038060208501511691161161563d57565b60405162461bcd60e51b815260206004820152601a60248201527f546f6f206d75636820676173207573656420666f72207461736b0000000000006044820152606490fd5b60405162461bcd60e51b815260206004820152602360248201527f57726f6e67206b696e64206f66207461736b20666f72207468697320726563656044820152621a5c1d60ea1b6064820152608490fd5b60405162461bcd60e51b8152602060048201526013602482015272496e76616c6964207461736b2073746174757360681b6044820152606490fd5b6001615726919392935f60c06040516155dd81613911565b91600160ff60a085015116036156d35760ff60c084015116615682576001600160401b038060208501511691161161563d57565b6001600160401b036158dd6158e79493956001839460408701966001600160581b03885116976001600160581b036157a560408d019a61579f8a8d51168b8a16614543565b90613f9a565b6157b1828211156148ed565b168152335f90815260146020908152604090912083518154949092015160ff60a01b60a091821b166001600160a81b03199095169087901b87900390921660ff60a01b19169190911792909217825551815460a885811b86900390911691901b6001600160a81b031916179055600360a08a01528851910180546020808b01516001600160601b031990921663ffffffff94909416939093179086169283901b67ffffffffffffffff60201b161781558651815460608b81015160808d015160c08e015160ff60f01b1960ff60e81b19968c1690941b95909516600160601b600160f01b03199094169390931760a09190911b64ffffffffff60a01b161760c89290921b63ffffffff60c81b1691909117600360e81b171660f09190911b60ff60f01b16179055614056565b1691511690614543565b90816158f1575050565b63ffffffff9051165f52601260205260018060a01b0360405f2054165f5260116020526001600160801b0360405f2091166001600160801b03825460601c16016001600160801b038111610c40576144db916140e6565b6001600160401b036158dd6158e79493956001839460408701966001600160581b03885116976001600160581b0361598d60408d019a61579f8a8d51168b8a16614543565b615999828211156148ed565b168152335f90815260146020908152604090912083518154949092015160ff60a01b60a091821b166001600160a81b03199095169087901b87900390921660ff60a01b19169190911792909217825551815460a885811b86900390911691901b6001600160a81b031916179055600260a08a01528851910180546020808b01516001600160601b031990921663ffffffff94909416939093179086169283901b67ffffffffffffffff60201b161781558651815460608b81015160808d015160c08e015160ff60f01b1960ff60e81b19968c1690941b95909516600160601b600160f01b03199094169390931760a09190911b64ffffffffff60a01b161760c89290921b63ffffffff60c81b1691909117600160e91b171660f09190911b60ff60f01b16179055614056565b90604051906020820192835260408201525f606082015260608152615aeb60808261392c565b5190208115615af8570690565b634e487b7160e01b5f52601260045260245ffd5b5f939290915f198101908111610c40575b808510615b2957505050565b615b338186613f9a565b60011c90815f52836020528260405f205460a01c10155f14615b555750615b1d565b945060018101809111610c405793615b1d565b6144db906020808095946040519684889551918291018487015e8401908282015f8152815193849201905e01015f815203601f19810184528361392c565b620249f05a1115615c455760017f97de3d826eec398f523d08c75314484bebafc53c6bfba3ad96ca4de4bf0a71965d5a6201869f19810192908311610c40575f9283809360208451940192f13d15615c40573d615c028161394d565b90615c10604051928361392c565b81525f60203d92013e5b905f7f97de3d826eec398f523d08c75314484bebafc53c6bfba3ad96ca4de4bf0a71965d565b615c1a565b60405162461bcd60e51b815260206004820152602b60248201527f4e6f7420656e6f756768206761732066726f6d20776f726b657220666f72206560448201526a74682063616c6c6261636b60a81b6064820152608490fd5b6048906025929460206139b9958051604051988995600160c31b858801526001600160401b0360c01b9060c01b166028870152600160c31b60308701526001600160401b0360c01b9060c01b1660388601526001600160401b0360c01b9060c01b1660408501528051918291018585015e600560c21b9083018481019190915260609190911b6001600160601b0319166050820152600160c01b6064820152600160f81b606c8201520301600581018452018261392c56",
}

// Enigma is an auto generated Go binding around an Ethereum contract.
type Enigma struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *Enigma) GetABI() abi.ABI {
	return c.abi
}

// NewEnigma creates a new instance of Enigma.
func NewEnigma() *Enigma {
	parsed, err := EnigmaMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &Enigma{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *Enigma) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address _tokenAddress, address _principal, uint256 _epochSize, uint256 _timeoutThreshold, address _attestationSigner) returns()
func (enigma *Enigma) PackConstructor(_tokenAddress common.Address, _principal common.Address, _epochSize *big.Int, _timeoutThreshold *big.Int, _attestationSigner common.Address) []byte {
	enc, err := enigma.abi.Pack("", _tokenAddress, _principal, _epochSize, _timeoutThreshold, _attestationSigner)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackBatchDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x82b54125.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function batchDigest((bytes32,uint256,uint256,bytes32,bytes32,bytes32,uint256,uint256) _h, address[] _users, uint256[] _fees) view returns(bytes32)
func (enigma *Enigma) PackBatchDigest(h EnigmaBatchHeader, users []common.Address, fees []*big.Int) []byte {
	enc, err := enigma.abi.Pack("batchDigest", h, users, fees)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBatchDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x82b54125.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function batchDigest((bytes32,uint256,uint256,bytes32,bytes32,bytes32,uint256,uint256) _h, address[] _users, uint256[] _fees) view returns(bytes32)
func (enigma *Enigma) TryPackBatchDigest(h EnigmaBatchHeader, users []common.Address, fees []*big.Int) ([]byte, error) {
	return enigma.abi.Pack("batchDigest", h, users, fees)
}

// UnpackBatchDigest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x82b54125.
//
// Solidity: function batchDigest((bytes32,uint256,uint256,bytes32,bytes32,bytes32,uint256,uint256) _h, address[] _users, uint256[] _fees) view returns(bytes32)
func (enigma *Enigma) UnpackBatchDigest(data []byte) ([32]byte, error) {
	out, err := enigma.abi.Unpack("batchDigest", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackCommitBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4aa55c8f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function commitBatch((bytes32,uint256,uint256,bytes32,bytes32,bytes32,uint256,uint256) _h, address[] _users, uint256[] _fees, bytes _sig) returns()
func (enigma *Enigma) PackCommitBatch(h EnigmaBatchHeader, users []common.Address, fees []*big.Int, sig []byte) []byte {
	enc, err := enigma.abi.Pack("commitBatch", h, users, fees, sig)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCommitBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4aa55c8f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function commitBatch((bytes32,uint256,uint256,bytes32,bytes32,bytes32,uint256,uint256) _h, address[] _users, uint256[] _fees, bytes _sig) returns()
func (enigma *Enigma) TryPackCommitBatch(h EnigmaBatchHeader, users []common.Address, fees []*big.Int, sig []byte) ([]byte, error) {
	return enigma.abi.Pack("commitBatch", h, users, fees, sig)
}

// PackCommitReceipt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x365a2cb3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function commitReceipt(bytes32 _scAddr, bytes32 _taskId, bytes32 _stateDeltaHash, bytes32 _outputHash, bytes _optionalEthereumData, address _optionalEthereumContractAddress, uint64 _gasUsed, bytes _sig) returns()
func (enigma *Enigma) PackCommitReceipt(scAddr [32]byte, taskId [32]byte, stateDeltaHash [32]byte, outputHash [32]byte, optionalEthereumData []byte, optionalEthereumContractAddress common.Address, gasUsed uint64, sig []byte) []byte {
	enc, err := enigma.abi.Pack("commitReceipt", scAddr, taskId, stateDeltaHash, outputHash, optionalEthereumData, optionalEthereumContractAddress, gasUsed, sig)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCommitReceipt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x365a2cb3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function commitReceipt(bytes32 _scAddr, bytes32 _taskId, bytes32 _stateDeltaHash, bytes32 _outputHash, bytes _optionalEthereumData, address _optionalEthereumContractAddress, uint64 _gasUsed, bytes _sig) returns()
func (enigma *Enigma) TryPackCommitReceipt(scAddr [32]byte, taskId [32]byte, stateDeltaHash [32]byte, outputHash [32]byte, optionalEthereumData []byte, optionalEthereumContractAddress common.Address, gasUsed uint64, sig []byte) ([]byte, error) {
	return enigma.abi.Pack("commitReceipt", scAddr, taskId, stateDeltaHash, outputHash, optionalEthereumData, optionalEthereumContractAddress, gasUsed, sig)
}

// PackCommitTaskFailure is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xca2af5f2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function commitTaskFailure(bytes32 _scAddr, bytes32 _taskId, bytes32 _outputHash, uint64 _gasUsed, bytes _sig) returns()
func (enigma *Enigma) PackCommitTaskFailure(scAddr [32]byte, taskId [32]byte, outputHash [32]byte, gasUsed uint64, sig []byte) []byte {
	enc, err := enigma.abi.Pack("commitTaskFailure", scAddr, taskId, outputHash, gasUsed, sig)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCommitTaskFailure is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xca2af5f2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function commitTaskFailure(bytes32 _scAddr, bytes32 _taskId, bytes32 _outputHash, uint64 _gasUsed, bytes _sig) returns()
func (enigma *Enigma) TryPackCommitTaskFailure(scAddr [32]byte, taskId [32]byte, outputHash [32]byte, gasUsed uint64, sig []byte) ([]byte, error) {
	return enigma.abi.Pack("commitTaskFailure", scAddr, taskId, outputHash, gasUsed, sig)
}

// PackCountBatches is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3e03ea0a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function countBatches(bytes32 _scAddr) view returns(uint256)
func (enigma *Enigma) PackCountBatches(scAddr [32]byte) []byte {
	enc, err := enigma.abi.Pack("countBatches", scAddr)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCountBatches is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3e03ea0a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function countBatches(bytes32 _scAddr) view returns(uint256)
func (enigma *Enigma) TryPackCountBatches(scAddr [32]byte) ([]byte, error) {
	return enigma.abi.Pack("countBatches", scAddr)
}

// UnpackCountBatches is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3e03ea0a.
//
// Solidity: function countBatches(bytes32 _scAddr) view returns(uint256)
func (enigma *Enigma) UnpackCountBatches(data []byte) (*big.Int, error) {
	out, err := enigma.abi.Unpack("countBatches", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackCountSecretContracts is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x75bbf75b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function countSecretContracts() view returns(uint256)
func (enigma *Enigma) PackCountSecretContracts() []byte {
	enc, err := enigma.abi.Pack("countSecretContracts")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCountSecretContracts is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x75bbf75b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function countSecretContracts() view returns(uint256)
func (enigma *Enigma) TryPackCountSecretContracts() ([]byte, error) {
	return enigma.abi.Pack("countSecretContracts")
}

// UnpackCountSecretContracts is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x75bbf75b.
//
// Solidity: function countSecretContracts() view returns(uint256)
func (enigma *Enigma) UnpackCountSecretContracts(data []byte) (*big.Int, error) {
	out, err := enigma.abi.Unpack("countSecretContracts", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackCountStateDeltas is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc41bfb03.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function countStateDeltas(bytes32 _scAddr) view returns(uint256)
func (enigma *Enigma) PackCountStateDeltas(scAddr [32]byte) []byte {
	enc, err := enigma.abi.Pack("countStateDeltas", scAddr)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCountStateDeltas is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc41bfb03.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function countStateDeltas(bytes32 _scAddr) view returns(uint256)
func (enigma *Enigma) TryPackCountStateDeltas(scAddr [32]byte) ([]byte, error) {
	return enigma.abi.Pack("countStateDeltas", scAddr)
}

// UnpackCountStateDeltas is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc41bfb03.
//
// Solidity: function countStateDeltas(bytes32 _scAddr) view returns(uint256)
func (enigma *Enigma) UnpackCountStateDeltas(data []byte) (*big.Int, error) {
	out, err := enigma.abi.Unpack("countStateDeltas", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackCreateDeploymentTaskRecord is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc652b919.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function createDeploymentTaskRecord(bytes32 _inputsHash, uint64 _gasLimit, uint64 _gasPx, uint256 _firstBlockNumber, uint256 _nonce) returns()
func (enigma *Enigma) PackCreateDeploymentTaskRecord(inputsHash [32]byte, gasLimit uint64, gasPx uint64, firstBlockNumber *big.Int, nonce *big.Int) []byte {
	enc, err := enigma.abi.Pack("createDeploymentTaskRecord", inputsHash, gasLimit, gasPx, firstBlockNumber, nonce)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCreateDeploymentTaskRecord is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc652b919.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function createDeploymentTaskRecord(bytes32 _inputsHash, uint64 _gasLimit, uint64 _gasPx, uint256 _firstBlockNumber, uint256 _nonce) returns()
func (enigma *Enigma) TryPackCreateDeploymentTaskRecord(inputsHash [32]byte, gasLimit uint64, gasPx uint64, firstBlockNumber *big.Int, nonce *big.Int) ([]byte, error) {
	return enigma.abi.Pack("createDeploymentTaskRecord", inputsHash, gasLimit, gasPx, firstBlockNumber, nonce)
}

// PackCreateTaskRecord is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xba252688.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function createTaskRecord(bytes32 _inputsHash, uint64 _gasLimit, uint64 _gasPx, uint256 _firstBlockNumber) returns()
func (enigma *Enigma) PackCreateTaskRecord(inputsHash [32]byte, gasLimit uint64, gasPx uint64, firstBlockNumber *big.Int) []byte {
	enc, err := enigma.abi.Pack("createTaskRecord", inputsHash, gasLimit, gasPx, firstBlockNumber)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCreateTaskRecord is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xba252688.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function createTaskRecord(bytes32 _inputsHash, uint64 _gasLimit, uint64 _gasPx, uint256 _firstBlockNumber) returns()
func (enigma *Enigma) TryPackCreateTaskRecord(inputsHash [32]byte, gasLimit uint64, gasPx uint64, firstBlockNumber *big.Int) ([]byte, error) {
	return enigma.abi.Pack("createTaskRecord", inputsHash, gasLimit, gasPx, firstBlockNumber)
}

// PackDeploySecretContract is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x48cc3761.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function deploySecretContract(bytes32 _taskId, bytes32 _preCodeHash, bytes32 _codeHash, bytes32 _initStateDeltaHash, bytes _optionalEthereumData, address _optionalEthereumContractAddress, uint64 _gasUsed, bytes _sig) returns()
func (enigma *Enigma) PackDeploySecretContract(taskId [32]byte, preCodeHash [32]byte, codeHash [32]byte, initStateDeltaHash [32]byte, optionalEthereumData []byte, optionalEthereumContractAddress common.Address, gasUsed uint64, sig []byte) []byte {
	enc, err := enigma.abi.Pack("deploySecretContract", taskId, preCodeHash, codeHash, initStateDeltaHash, optionalEthereumData, optionalEthereumContractAddress, gasUsed, sig)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDeploySecretContract is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x48cc3761.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function deploySecretContract(bytes32 _taskId, bytes32 _preCodeHash, bytes32 _codeHash, bytes32 _initStateDeltaHash, bytes _optionalEthereumData, address _optionalEthereumContractAddress, uint64 _gasUsed, bytes _sig) returns()
func (enigma *Enigma) TryPackDeploySecretContract(taskId [32]byte, preCodeHash [32]byte, codeHash [32]byte, initStateDeltaHash [32]byte, optionalEthereumData []byte, optionalEthereumContractAddress common.Address, gasUsed uint64, sig []byte) ([]byte, error) {
	return enigma.abi.Pack("deploySecretContract", taskId, preCodeHash, codeHash, initStateDeltaHash, optionalEthereumData, optionalEthereumContractAddress, gasUsed, sig)
}

// PackDeploySecretContractFailure is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa153ec60.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function deploySecretContractFailure(bytes32 _taskId, bytes32 _codeHash, uint64 _gasUsed, bytes _sig) returns()
func (enigma *Enigma) PackDeploySecretContractFailure(taskId [32]byte, codeHash [32]byte, gasUsed uint64, sig []byte) []byte {
	enc, err := enigma.abi.Pack("deploySecretContractFailure", taskId, codeHash, gasUsed, sig)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDeploySecretContractFailure is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa153ec60.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function deploySecretContractFailure(bytes32 _taskId, bytes32 _codeHash, uint64 _gasUsed, bytes _sig) returns()
func (enigma *Enigma) TryPackDeploySecretContractFailure(taskId [32]byte, codeHash [32]byte, gasUsed uint64, sig []byte) ([]byte, error) {
	return enigma.abi.Pack("deploySecretContractFailure", taskId, codeHash, gasUsed, sig)
}

// PackDeposit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x47e7ef24.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function deposit(address _custodian, uint256 _amount) returns()
func (enigma *Enigma) PackDeposit(custodian common.Address, amount *big.Int) []byte {
	enc, err := enigma.abi.Pack("deposit", custodian, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDeposit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x47e7ef24.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function deposit(address _custodian, uint256 _amount) returns()
func (enigma *Enigma) TryPackDeposit(custodian common.Address, amount *big.Int) ([]byte, error) {
	return enigma.abi.Pack("deposit", custodian, amount)
}

// PackDepositUserBalance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xec6405f2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function depositUserBalance(uint256 _amount) returns()
func (enigma *Enigma) PackDepositUserBalance(amount *big.Int) []byte {
	enc, err := enigma.abi.Pack("depositUserBalance", amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDepositUserBalance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xec6405f2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function depositUserBalance(uint256 _amount) returns()
func (enigma *Enigma) TryPackDepositUserBalance(amount *big.Int) ([]byte, error) {
	return enigma.abi.Pack("depositUserBalance", amount)
}

// PackGetActiveWorkers is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x16f9a2a4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getActiveWorkers(uint256 _blockNumber) view returns(address[], uint256[])
func (enigma *Enigma) PackGetActiveWorkers(blockNumber *big.Int) []byte {
	enc, err := enigma.abi.Pack("getActiveWorkers", blockNumber)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetActiveWorkers is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x16f9a2a4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getActiveWorkers(uint256 _blockNumber) view returns(address[], uint256[])
func (enigma *Enigma) TryPackGetActiveWorkers(blockNumber *big.Int) ([]byte, error) {
	return enigma.abi.Pack("getActiveWorkers", blockNumber)
}

// GetActiveWorkersOutput serves as a container for the return parameters of contract
// method GetActiveWorkers.
type GetActiveWorkersOutput struct {
	Arg0 []common.Address
	Arg1 []*big.Int
}

// UnpackGetActiveWorkers is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x16f9a2a4.
//
// Solidity: function getActiveWorkers(uint256 _blockNumber) view returns(address[], uint256[])
func (enigma *Enigma) UnpackGetActiveWorkers(data []byte) (GetActiveWorkersOutput, error) {
	out, err := enigma.abi.Unpack("getActiveWorkers", data)
	outstruct := new(GetActiveWorkersOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Arg0 = *abi.ConvertType(out[0], new([]common.Address)).(*[]common.Address)
	outstruct.Arg1 = *abi.ConvertType(out[1], new([]*big.Int)).(*[]*big.Int)
	return *outstruct, nil
}

// PackGetAllSecretContractAddresses is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x550baa2f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getAllSecretContractAddresses() view returns(bytes32[])
func (enigma *Enigma) PackGetAllSecretContractAddresses() []byte {
	enc, err := enigma.abi.Pack("getAllSecretContractAddresses")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetAllSecretContractAddresses is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x550baa2f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getAllSecretContractAddresses() view returns(bytes32[])
func (enigma *Enigma) TryPackGetAllSecretContractAddresses() ([]byte, error) {
	return enigma.abi.Pack("getAllSecretContractAddresses")
}

// UnpackGetAllSecretContractAddresses is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x550baa2f.
//
// Solidity: function getAllSecretContractAddresses() view returns(bytes32[])
func (enigma *Enigma) UnpackGetAllSecretContractAddresses(data []byte) ([][32]byte, error) {
	out, err := enigma.abi.Unpack("getAllSecretContractAddresses", data)
	if err != nil {
		return *new([][32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([][32]byte)).(*[][32]byte)
	return out0, nil
}

// PackGetAttestationSigner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1e9a7c60.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getAttestationSigner() view returns(address)
func (enigma *Enigma) PackGetAttestationSigner() []byte {
	enc, err := enigma.abi.Pack("getAttestationSigner")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetAttestationSigner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1e9a7c60.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getAttestationSigner() view returns(address)
func (enigma *Enigma) TryPackGetAttestationSigner() ([]byte, error) {
	return enigma.abi.Pack("getAttestationSigner")
}

// UnpackGetAttestationSigner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1e9a7c60.
//
// Solidity: function getAttestationSigner() view returns(address)
func (enigma *Enigma) UnpackGetAttestationSigner(data []byte) (common.Address, error) {
	out, err := enigma.abi.Unpack("getAttestationSigner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackGetBatchRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5b1a065b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getBatchRoot(bytes32 _scAddr, uint256 _batchIndex) view returns(bytes32)
func (enigma *Enigma) PackGetBatchRoot(scAddr [32]byte, batchIndex *big.Int) []byte {
	enc, err := enigma.abi.Pack("getBatchRoot", scAddr, batchIndex)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetBatchRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5b1a065b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getBatchRoot(bytes32 _scAddr, uint256 _batchIndex) view returns(bytes32)
func (enigma *Enigma) TryPackGetBatchRoot(scAddr [32]byte, batchIndex *big.Int) ([]byte, error) {
	return enigma.abi.Pack("getBatchRoot", scAddr, batchIndex)
}

// UnpackGetBatchRoot is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5b1a065b.
//
// Solidity: function getBatchRoot(bytes32 _scAddr, uint256 _batchIndex) view returns(bytes32)
func (enigma *Enigma) UnpackGetBatchRoot(data []byte) ([32]byte, error) {
	out, err := enigma.abi.Unpack("getBatchRoot", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackGetEpochSize is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdf4da461.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getEpochSize() view returns(uint256)
func (enigma *Enigma) PackGetEpochSize() []byte {
	enc, err := enigma.abi.Pack("getEpochSize")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetEpochSize is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdf4da461.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getEpochSize() view returns(uint256)
func (enigma *Enigma) TryPackGetEpochSize() ([]byte, error) {
	return enigma.abi.Pack("getEpochSize")
}

// UnpackGetEpochSize is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xdf4da461.
//
// Solidity: function getEpochSize() view returns(uint256)
func (enigma *Enigma) UnpackGetEpochSize(data []byte) (*big.Int, error) {
	out, err := enigma.abi.Unpack("getEpochSize", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGetEpochState is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9b09e7a7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getEpochState() view returns(uint256 count, uint256 firstBlock)
func (enigma *Enigma) PackGetEpochState() []byte {
	enc, err := enigma.abi.Pack("getEpochState")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetEpochState is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9b09e7a7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getEpochState() view returns(uint256 count, uint256 firstBlock)
func (enigma *Enigma) TryPackGetEpochState() ([]byte, error) {
	return enigma.abi.Pack("getEpochState")
}

// GetEpochStateOutput serves as a container for the return parameters of contract
// method GetEpochState.
type GetEpochStateOutput struct {
	Count      *big.Int
	FirstBlock *big.Int
}

// UnpackGetEpochState is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9b09e7a7.
//
// Solidity: function getEpochState() view returns(uint256 count, uint256 firstBlock)
func (enigma *Enigma) UnpackGetEpochState(data []byte) (GetEpochStateOutput, error) {
	out, err := enigma.abi.Unpack("getEpochState", data)
	outstruct := new(GetEpochStateOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Count = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.FirstBlock = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

// PackGetFirstBlockNumber is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcbbc061d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getFirstBlockNumber(uint256 _blockNumber) view returns(uint256)
func (enigma *Enigma) PackGetFirstBlockNumber(blockNumber *big.Int) []byte {
	enc, err := enigma.abi.Pack("getFirstBlockNumber", blockNumber)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetFirstBlockNumber is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcbbc061d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getFirstBlockNumber(uint256 _blockNumber) view returns(uint256)
func (enigma *Enigma) TryPackGetFirstBlockNumber(blockNumber *big.Int) ([]byte, error) {
	return enigma.abi.Pack("getFirstBlockNumber", blockNumber)
}

// UnpackGetFirstBlockNumber is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xcbbc061d.
//
// Solidity: function getFirstBlockNumber(uint256 _blockNumber) view returns(uint256)
func (enigma *Enigma) UnpackGetFirstBlockNumber(data []byte) (*big.Int, error) {
	out, err := enigma.abi.Unpack("getFirstBlockNumber", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGetPrincipal is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa69bdf16.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getPrincipal() view returns(address)
func (enigma *Enigma) PackGetPrincipal() []byte {
	enc, err := enigma.abi.Pack("getPrincipal")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetPrincipal is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa69bdf16.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getPrincipal() view returns(address)
func (enigma *Enigma) TryPackGetPrincipal() ([]byte, error) {
	return enigma.abi.Pack("getPrincipal")
}

// UnpackGetPrincipal is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa69bdf16.
//
// Solidity: function getPrincipal() view returns(address)
func (enigma *Enigma) UnpackGetPrincipal(data []byte) (common.Address, error) {
	out, err := enigma.abi.Unpack("getPrincipal", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackGetReport is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa3bdae3e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getReport(address _custodian) view returns(address, bytes)
func (enigma *Enigma) PackGetReport(custodian common.Address) []byte {
	enc, err := enigma.abi.Pack("getReport", custodian)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetReport is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa3bdae3e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getReport(address _custodian) view returns(address, bytes)
func (enigma *Enigma) TryPackGetReport(custodian common.Address) ([]byte, error) {
	return enigma.abi.Pack("getReport", custodian)
}

// GetReportOutput serves as a container for the return parameters of contract
// method GetReport.
type GetReportOutput struct {
	Arg0 common.Address
	Arg1 []byte
}

// UnpackGetReport is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa3bdae3e.
//
// Solidity: function getReport(address _custodian) view returns(address, bytes)
func (enigma *Enigma) UnpackGetReport(data []byte) (GetReportOutput, error) {
	out, err := enigma.abi.Unpack("getReport", data)
	outstruct := new(GetReportOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Arg0 = *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	outstruct.Arg1 = *abi.ConvertType(out[1], new([]byte)).(*[]byte)
	return *outstruct, nil
}

// PackGetSecretContract is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7624281e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getSecretContract(bytes32 _scAddr) view returns((address,bytes32,bytes32,bytes32[],uint8) c)
func (enigma *Enigma) PackGetSecretContract(scAddr [32]byte) []byte {
	enc, err := enigma.abi.Pack("getSecretContract", scAddr)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetSecretContract is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7624281e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getSecretContract(bytes32 _scAddr) view returns((address,bytes32,bytes32,bytes32[],uint8) c)
func (enigma *Enigma) TryPackGetSecretContract(scAddr [32]byte) ([]byte, error) {
	return enigma.abi.Pack("getSecretContract", scAddr)
}

// UnpackGetSecretContract is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7624281e.
//
// Solidity: function getSecretContract(bytes32 _scAddr) view returns((address,bytes32,bytes32,bytes32[],uint8) c)
func (enigma *Enigma) UnpackGetSecretContract(data []byte) (EnigmaSecretContract, error) {
	out, err := enigma.abi.Unpack("getSecretContract", data)
	if err != nil {
		return *new(EnigmaSecretContract), err
	}
	out0 := *abi.ConvertType(out[0], new(EnigmaSecretContract)).(*EnigmaSecretContract)
	return out0, nil
}

// PackGetSecretContractAddresses is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8e055b8b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getSecretContractAddresses(uint256 _start, uint256 _stop) view returns(bytes32[] out)
func (enigma *Enigma) PackGetSecretContractAddresses(start *big.Int, stop *big.Int) []byte {
	enc, err := enigma.abi.Pack("getSecretContractAddresses", start, stop)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetSecretContractAddresses is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8e055b8b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getSecretContractAddresses(uint256 _start, uint256 _stop) view returns(bytes32[] out)
func (enigma *Enigma) TryPackGetSecretContractAddresses(start *big.Int, stop *big.Int) ([]byte, error) {
	return enigma.abi.Pack("getSecretContractAddresses", start, stop)
}

// UnpackGetSecretContractAddresses is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8e055b8b.
//
// Solidity: function getSecretContractAddresses(uint256 _start, uint256 _stop) view returns(bytes32[] out)
func (enigma *Enigma) UnpackGetSecretContractAddresses(data []byte) ([][32]byte, error) {
	out, err := enigma.abi.Unpack("getSecretContractAddresses", data)
	if err != nil {
		return *new([][32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([][32]byte)).(*[][32]byte)
	return out0, nil
}

// PackGetSigningAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd855a579.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getSigningAddress() view returns(address)
func (enigma *Enigma) PackGetSigningAddress() []byte {
	enc, err := enigma.abi.Pack("getSigningAddress")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetSigningAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd855a579.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getSigningAddress() view returns(address)
func (enigma *Enigma) TryPackGetSigningAddress() ([]byte, error) {
	return enigma.abi.Pack("getSigningAddress")
}

// UnpackGetSigningAddress is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd855a579.
//
// Solidity: function getSigningAddress() view returns(address)
func (enigma *Enigma) UnpackGetSigningAddress(data []byte) (common.Address, error) {
	out, err := enigma.abi.Unpack("getSigningAddress", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackGetStateDeltaHash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x28aa1aaa.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getStateDeltaHash(bytes32 _scAddr, uint256 _index) view returns(bytes32)
func (enigma *Enigma) PackGetStateDeltaHash(scAddr [32]byte, index *big.Int) []byte {
	enc, err := enigma.abi.Pack("getStateDeltaHash", scAddr, index)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetStateDeltaHash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x28aa1aaa.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getStateDeltaHash(bytes32 _scAddr, uint256 _index) view returns(bytes32)
func (enigma *Enigma) TryPackGetStateDeltaHash(scAddr [32]byte, index *big.Int) ([]byte, error) {
	return enigma.abi.Pack("getStateDeltaHash", scAddr, index)
}

// UnpackGetStateDeltaHash is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x28aa1aaa.
//
// Solidity: function getStateDeltaHash(bytes32 _scAddr, uint256 _index) view returns(bytes32)
func (enigma *Enigma) UnpackGetStateDeltaHash(data []byte) ([32]byte, error) {
	out, err := enigma.abi.Unpack("getStateDeltaHash", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackGetTaskRecord is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8ed05737.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getTaskRecord(bytes32 _taskId) view returns((address,bytes32,bytes32,uint64,uint64,uint256,uint8,bytes) r)
func (enigma *Enigma) PackGetTaskRecord(taskId [32]byte) []byte {
	enc, err := enigma.abi.Pack("getTaskRecord", taskId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetTaskRecord is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8ed05737.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getTaskRecord(bytes32 _taskId) view returns((address,bytes32,bytes32,uint64,uint64,uint256,uint8,bytes) r)
func (enigma *Enigma) TryPackGetTaskRecord(taskId [32]byte) ([]byte, error) {
	return enigma.abi.Pack("getTaskRecord", taskId)
}

// UnpackGetTaskRecord is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8ed05737.
//
// Solidity: function getTaskRecord(bytes32 _taskId) view returns((address,bytes32,bytes32,uint64,uint64,uint256,uint8,bytes) r)
func (enigma *Enigma) UnpackGetTaskRecord(data []byte) (EnigmaTaskRecord, error) {
	out, err := enigma.abi.Unpack("getTaskRecord", data)
	if err != nil {
		return *new(EnigmaTaskRecord), err
	}
	out0 := *abi.ConvertType(out[0], new(EnigmaTaskRecord)).(*EnigmaTaskRecord)
	return out0, nil
}

// PackGetTaskTimeoutSize is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5f25f850.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getTaskTimeoutSize() view returns(uint256)
func (enigma *Enigma) PackGetTaskTimeoutSize() []byte {
	enc, err := enigma.abi.Pack("getTaskTimeoutSize")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetTaskTimeoutSize is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5f25f850.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getTaskTimeoutSize() view returns(uint256)
func (enigma *Enigma) TryPackGetTaskTimeoutSize() ([]byte, error) {
	return enigma.abi.Pack("getTaskTimeoutSize")
}

// UnpackGetTaskTimeoutSize is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5f25f850.
//
// Solidity: function getTaskTimeoutSize() view returns(uint256)
func (enigma *Enigma) UnpackGetTaskTimeoutSize(data []byte) (*big.Int, error) {
	out, err := enigma.abi.Unpack("getTaskTimeoutSize", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGetToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x21df0da7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getToken() view returns(address)
func (enigma *Enigma) PackGetToken() []byte {
	enc, err := enigma.abi.Pack("getToken")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x21df0da7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getToken() view returns(address)
func (enigma *Enigma) TryPackGetToken() ([]byte, error) {
	return enigma.abi.Pack("getToken")
}

// UnpackGetToken is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x21df0da7.
//
// Solidity: function getToken() view returns(address)
func (enigma *Enigma) UnpackGetToken(data []byte) (common.Address, error) {
	out, err := enigma.abi.Unpack("getToken", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackGetUserBalance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x47734892.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getUserBalance(address _user) view returns(uint256)
func (enigma *Enigma) PackGetUserBalance(user common.Address) []byte {
	enc, err := enigma.abi.Pack("getUserBalance", user)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetUserBalance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x47734892.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getUserBalance(address _user) view returns(uint256)
func (enigma *Enigma) TryPackGetUserBalance(user common.Address) ([]byte, error) {
	return enigma.abi.Pack("getUserBalance", user)
}

// UnpackGetUserBalance is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x47734892.
//
// Solidity: function getUserBalance(address _user) view returns(uint256)
func (enigma *Enigma) UnpackGetUserBalance(data []byte) (*big.Int, error) {
	out, err := enigma.abi.Unpack("getUserBalance", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGetUserTaskDeployments is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf9a9b7ae.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getUserTaskDeployments(address _sender) view returns(uint256)
func (enigma *Enigma) PackGetUserTaskDeployments(sender common.Address) []byte {
	enc, err := enigma.abi.Pack("getUserTaskDeployments", sender)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetUserTaskDeployments is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf9a9b7ae.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getUserTaskDeployments(address _sender) view returns(uint256)
func (enigma *Enigma) TryPackGetUserTaskDeployments(sender common.Address) ([]byte, error) {
	return enigma.abi.Pack("getUserTaskDeployments", sender)
}

// UnpackGetUserTaskDeployments is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf9a9b7ae.
//
// Solidity: function getUserTaskDeployments(address _sender) view returns(uint256)
func (enigma *Enigma) UnpackGetUserTaskDeployments(data []byte) (*big.Int, error) {
	out, err := enigma.abi.Unpack("getUserTaskDeployments", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGetWorker is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc011b1c3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getWorker(address _worker) view returns((address,uint8,bytes,uint256,(uint8,uint256,uint256)[]) wk)
func (enigma *Enigma) PackGetWorker(worker common.Address) []byte {
	enc, err := enigma.abi.Pack("getWorker", worker)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetWorker is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc011b1c3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getWorker(address _worker) view returns((address,uint8,bytes,uint256,(uint8,uint256,uint256)[]) wk)
func (enigma *Enigma) TryPackGetWorker(worker common.Address) ([]byte, error) {
	return enigma.abi.Pack("getWorker", worker)
}

// UnpackGetWorker is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc011b1c3.
//
// Solidity: function getWorker(address _worker) view returns((address,uint8,bytes,uint256,(uint8,uint256,uint256)[]) wk)
func (enigma *Enigma) UnpackGetWorker(data []byte) (EnigmaWorker, error) {
	out, err := enigma.abi.Unpack("getWorker", data)
	if err != nil {
		return *new(EnigmaWorker), err
	}
	out0 := *abi.ConvertType(out[0], new(EnigmaWorker)).(*EnigmaWorker)
	return out0, nil
}

// PackGetWorkerFromSigningAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa0c39982.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getWorkerFromSigningAddress(address _signer) view returns(address, (address,uint8,bytes,uint256,(uint8,uint256,uint256)[]))
func (enigma *Enigma) PackGetWorkerFromSigningAddress(signer common.Address) []byte {
	enc, err := enigma.abi.Pack("getWorkerFromSigningAddress", signer)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetWorkerFromSigningAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa0c39982.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getWorkerFromSigningAddress(address _signer) view returns(address, (address,uint8,bytes,uint256,(uint8,uint256,uint256)[]))
func (enigma *Enigma) TryPackGetWorkerFromSigningAddress(signer common.Address) ([]byte, error) {
	return enigma.abi.Pack("getWorkerFromSigningAddress", signer)
}

// GetWorkerFromSigningAddressOutput serves as a container for the return parameters of contract
// method GetWorkerFromSigningAddress.
type GetWorkerFromSigningAddressOutput struct {
	Arg0 common.Address
	Arg1 EnigmaWorker
}

// UnpackGetWorkerFromSigningAddress is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa0c39982.
//
// Solidity: function getWorkerFromSigningAddress(address _signer) view returns(address, (address,uint8,bytes,uint256,(uint8,uint256,uint256)[]))
func (enigma *Enigma) UnpackGetWorkerFromSigningAddress(data []byte) (GetWorkerFromSigningAddressOutput, error) {
	out, err := enigma.abi.Unpack("getWorkerFromSigningAddress", data)
	outstruct := new(GetWorkerFromSigningAddressOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Arg0 = *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	outstruct.Arg1 = *abi.ConvertType(out[1], new(EnigmaWorker)).(*EnigmaWorker)
	return *outstruct, nil
}

// PackGetWorkerGroup is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1d40ff0b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getWorkerGroup(uint256 _blockNumber, bytes32 _scAddr) view returns(address[] group)
func (enigma *Enigma) PackGetWorkerGroup(blockNumber *big.Int, scAddr [32]byte) []byte {
	enc, err := enigma.abi.Pack("getWorkerGroup", blockNumber, scAddr)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetWorkerGroup is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1d40ff0b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getWorkerGroup(uint256 _blockNumber, bytes32 _scAddr) view returns(address[] group)
func (enigma *Enigma) TryPackGetWorkerGroup(blockNumber *big.Int, scAddr [32]byte) ([]byte, error) {
	return enigma.abi.Pack("getWorkerGroup", blockNumber, scAddr)
}

// UnpackGetWorkerGroup is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1d40ff0b.
//
// Solidity: function getWorkerGroup(uint256 _blockNumber, bytes32 _scAddr) view returns(address[] group)
func (enigma *Enigma) UnpackGetWorkerGroup(data []byte) ([]common.Address, error) {
	out, err := enigma.abi.Unpack("getWorkerGroup", data)
	if err != nil {
		return *new([]common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new([]common.Address)).(*[]common.Address)
	return out0, nil
}

// PackGetWorkerParams is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9836ca31.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getWorkerParams(uint256 _blockNumber) view returns(uint256, uint256, address[], uint256[])
func (enigma *Enigma) PackGetWorkerParams(blockNumber *big.Int) []byte {
	enc, err := enigma.abi.Pack("getWorkerParams", blockNumber)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetWorkerParams is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9836ca31.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getWorkerParams(uint256 _blockNumber) view returns(uint256, uint256, address[], uint256[])
func (enigma *Enigma) TryPackGetWorkerParams(blockNumber *big.Int) ([]byte, error) {
	return enigma.abi.Pack("getWorkerParams", blockNumber)
}

// GetWorkerParamsOutput serves as a container for the return parameters of contract
// method GetWorkerParams.
type GetWorkerParamsOutput struct {
	Arg0 *big.Int
	Arg1 *big.Int
	Arg2 []common.Address
	Arg3 []*big.Int
}

// UnpackGetWorkerParams is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9836ca31.
//
// Solidity: function getWorkerParams(uint256 _blockNumber) view returns(uint256, uint256, address[], uint256[])
func (enigma *Enigma) UnpackGetWorkerParams(data []byte) (GetWorkerParamsOutput, error) {
	out, err := enigma.abi.Unpack("getWorkerParams", data)
	outstruct := new(GetWorkerParamsOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Arg0 = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.Arg1 = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	outstruct.Arg2 = *abi.ConvertType(out[2], new([]common.Address)).(*[]common.Address)
	outstruct.Arg3 = *abi.ConvertType(out[3], new([]*big.Int)).(*[]*big.Int)
	return *outstruct, nil
}

// PackGetWorkersParams is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70266a47.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getWorkersParams() view returns((uint256,address[],uint256[],uint256)[5] all)
func (enigma *Enigma) PackGetWorkersParams() []byte {
	enc, err := enigma.abi.Pack("getWorkersParams")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetWorkersParams is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70266a47.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getWorkersParams() view returns((uint256,address[],uint256[],uint256)[5] all)
func (enigma *Enigma) TryPackGetWorkersParams() ([]byte, error) {
	return enigma.abi.Pack("getWorkersParams")
}

// UnpackGetWorkersParams is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x70266a47.
//
// Solidity: function getWorkersParams() view returns((uint256,address[],uint256[],uint256)[5] all)
func (enigma *Enigma) UnpackGetWorkersParams(data []byte) ([5]EnigmaWorkersParams, error) {
	out, err := enigma.abi.Unpack("getWorkersParams", data)
	if err != nil {
		return *new([5]EnigmaWorkersParams), err
	}
	out0 := *abi.ConvertType(out[0], new([5]EnigmaWorkersParams)).(*[5]EnigmaWorkersParams)
	return out0, nil
}

// PackLogin is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb34e97e8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function login() returns()
func (enigma *Enigma) PackLogin() []byte {
	enc, err := enigma.abi.Pack("login")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLogin is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb34e97e8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function login() returns()
func (enigma *Enigma) TryPackLogin() ([]byte, error) {
	return enigma.abi.Pack("login")
}

// PackLogout is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1f3c99c3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function logout() returns()
func (enigma *Enigma) PackLogout() []byte {
	enc, err := enigma.abi.Pack("logout")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLogout is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1f3c99c3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function logout() returns()
func (enigma *Enigma) TryPackLogout() ([]byte, error) {
	return enigma.abi.Pack("logout")
}

// PackParamsDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xacc02c7d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function paramsDigest(uint256 _seed, uint256 _nonce, address[] _workers, uint256[] _stakes) pure returns(bytes32 digest)
func (enigma *Enigma) PackParamsDigest(seed *big.Int, nonce *big.Int, workers []common.Address, stakes []*big.Int) []byte {
	enc, err := enigma.abi.Pack("paramsDigest", seed, nonce, workers, stakes)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackParamsDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xacc02c7d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function paramsDigest(uint256 _seed, uint256 _nonce, address[] _workers, uint256[] _stakes) pure returns(bytes32 digest)
func (enigma *Enigma) TryPackParamsDigest(seed *big.Int, nonce *big.Int, workers []common.Address, stakes []*big.Int) ([]byte, error) {
	return enigma.abi.Pack("paramsDigest", seed, nonce, workers, stakes)
}

// UnpackParamsDigest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xacc02c7d.
//
// Solidity: function paramsDigest(uint256 _seed, uint256 _nonce, address[] _workers, uint256[] _stakes) pure returns(bytes32 digest)
func (enigma *Enigma) UnpackParamsDigest(data []byte) ([32]byte, error) {
	out, err := enigma.abi.Unpack("paramsDigest", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackRegister is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x786cd4d7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function register(address _signer, bytes _report, bytes _signature) returns()
func (enigma *Enigma) PackRegister(signer common.Address, report []byte, signature []byte) []byte {
	enc, err := enigma.abi.Pack("register", signer, report, signature)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegister is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x786cd4d7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function register(address _signer, bytes _report, bytes _signature) returns()
func (enigma *Enigma) TryPackRegister(signer common.Address, report []byte, signature []byte) ([]byte, error) {
	return enigma.abi.Pack("register", signer, report, signature)
}

// PackReturnFeesForTask is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xee6dcef9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function returnFeesForTask(bytes32 _taskId) returns()
func (enigma *Enigma) PackReturnFeesForTask(taskId [32]byte) []byte {
	enc, err := enigma.abi.Pack("returnFeesForTask", taskId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReturnFeesForTask is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xee6dcef9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function returnFeesForTask(bytes32 _taskId) returns()
func (enigma *Enigma) TryPackReturnFeesForTask(taskId [32]byte) ([]byte, error) {
	return enigma.abi.Pack("returnFeesForTask", taskId)
}

// PackSetWorkersParams is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x50946a9f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setWorkersParams(uint256 _blockNumber, uint256 _seed, bytes _sig) returns()
func (enigma *Enigma) PackSetWorkersParams(blockNumber *big.Int, seed *big.Int, sig []byte) []byte {
	enc, err := enigma.abi.Pack("setWorkersParams", blockNumber, seed, sig)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetWorkersParams is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x50946a9f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setWorkersParams(uint256 _blockNumber, uint256 _seed, bytes _sig) returns()
func (enigma *Enigma) TryPackSetWorkersParams(blockNumber *big.Int, seed *big.Int, sig []byte) ([]byte, error) {
	return enigma.abi.Pack("setWorkersParams", blockNumber, seed, sig)
}

// PackVerifyBatchedTask is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06e91b1e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function verifyBatchedTask(bytes32 _scAddr, uint256 _batchIndex, bytes32 _taskId, bytes32 _inputsHash, bytes32 _outputHash, bytes32 _deltaHash, uint64 _gasUsed, uint256 _fee, bytes32[] _proof) view returns(bool)
func (enigma *Enigma) PackVerifyBatchedTask(scAddr [32]byte, batchIndex *big.Int, taskId [32]byte, inputsHash [32]byte, outputHash [32]byte, deltaHash [32]byte, gasUsed uint64, fee *big.Int, proof [][32]byte) []byte {
	enc, err := enigma.abi.Pack("verifyBatchedTask", scAddr, batchIndex, taskId, inputsHash, outputHash, deltaHash, gasUsed, fee, proof)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVerifyBatchedTask is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06e91b1e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function verifyBatchedTask(bytes32 _scAddr, uint256 _batchIndex, bytes32 _taskId, bytes32 _inputsHash, bytes32 _outputHash, bytes32 _deltaHash, uint64 _gasUsed, uint256 _fee, bytes32[] _proof) view returns(bool)
func (enigma *Enigma) TryPackVerifyBatchedTask(scAddr [32]byte, batchIndex *big.Int, taskId [32]byte, inputsHash [32]byte, outputHash [32]byte, deltaHash [32]byte, gasUsed uint64, fee *big.Int, proof [][32]byte) ([]byte, error) {
	return enigma.abi.Pack("verifyBatchedTask", scAddr, batchIndex, taskId, inputsHash, outputHash, deltaHash, gasUsed, fee, proof)
}

// UnpackVerifyBatchedTask is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x06e91b1e.
//
// Solidity: function verifyBatchedTask(bytes32 _scAddr, uint256 _batchIndex, bytes32 _taskId, bytes32 _inputsHash, bytes32 _outputHash, bytes32 _deltaHash, uint64 _gasUsed, uint256 _fee, bytes32[] _proof) view returns(bool)
func (enigma *Enigma) UnpackVerifyBatchedTask(data []byte) (bool, error) {
	out, err := enigma.abi.Unpack("verifyBatchedTask", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackVerifyReport is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb5c14992.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function verifyReport(bytes _data, bytes _signature) view returns(uint256)
func (enigma *Enigma) PackVerifyReport(data []byte, signature []byte) []byte {
	enc, err := enigma.abi.Pack("verifyReport", data, signature)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVerifyReport is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb5c14992.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function verifyReport(bytes _data, bytes _signature) view returns(uint256)
func (enigma *Enigma) TryPackVerifyReport(data []byte, signature []byte) ([]byte, error) {
	return enigma.abi.Pack("verifyReport", data, signature)
}

// UnpackVerifyReport is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb5c14992.
//
// Solidity: function verifyReport(bytes _data, bytes _signature) view returns(uint256)
func (enigma *Enigma) UnpackVerifyReport(data []byte) (*big.Int, error) {
	out, err := enigma.abi.Unpack("verifyReport", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackWithdraw is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2e1a7d4d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function withdraw(uint256 _amount) returns()
func (enigma *Enigma) PackWithdraw(amount *big.Int) []byte {
	enc, err := enigma.abi.Pack("withdraw", amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWithdraw is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2e1a7d4d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function withdraw(uint256 _amount) returns()
func (enigma *Enigma) TryPackWithdraw(amount *big.Int) ([]byte, error) {
	return enigma.abi.Pack("withdraw", amount)
}

// PackWithdrawUserBalance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xabc3cf05.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function withdrawUserBalance(uint256 _amount) returns()
func (enigma *Enigma) PackWithdrawUserBalance(amount *big.Int) []byte {
	enc, err := enigma.abi.Pack("withdrawUserBalance", amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWithdrawUserBalance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xabc3cf05.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function withdrawUserBalance(uint256 _amount) returns()
func (enigma *Enigma) TryPackWithdrawUserBalance(amount *big.Int) ([]byte, error) {
	return enigma.abi.Pack("withdrawUserBalance", amount)
}

// EnigmaBatchCommitted represents a BatchCommitted event raised by the Enigma contract.
type EnigmaBatchCommitted struct {
	ScAddr       [32]byte
	BatchIndex   *big.Int
	Root         [32]byte
	TaskCount    *big.Int
	NewDeltaHash [32]byte
	Worker       common.Address
	Fees         *big.Int
	Raw          *types.Log // Blockchain specific contextual infos
}

const EnigmaBatchCommittedEventName = "BatchCommitted"

// ContractEventName returns the user-defined event name.
func (EnigmaBatchCommitted) ContractEventName() string {
	return EnigmaBatchCommittedEventName
}

// UnpackBatchCommittedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event BatchCommitted(bytes32 indexed scAddr, uint256 indexed batchIndex, bytes32 root, uint256 taskCount, bytes32 newDeltaHash, address worker, uint256 fees)
func (enigma *Enigma) UnpackBatchCommittedEvent(log *types.Log) (*EnigmaBatchCommitted, error) {
	event := "BatchCommitted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != enigma.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EnigmaBatchCommitted)
	if len(log.Data) > 0 {
		if err := enigma.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range enigma.abi.Events[event].Inputs {
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

// EnigmaDepositSuccessful represents a DepositSuccessful event raised by the Enigma contract.
type EnigmaDepositSuccessful struct {
	From  common.Address
	Value *big.Int
	Raw   *types.Log // Blockchain specific contextual infos
}

const EnigmaDepositSuccessfulEventName = "DepositSuccessful"

// ContractEventName returns the user-defined event name.
func (EnigmaDepositSuccessful) ContractEventName() string {
	return EnigmaDepositSuccessfulEventName
}

// UnpackDepositSuccessfulEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event DepositSuccessful(address from, uint256 value)
func (enigma *Enigma) UnpackDepositSuccessfulEvent(log *types.Log) (*EnigmaDepositSuccessful, error) {
	event := "DepositSuccessful"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != enigma.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EnigmaDepositSuccessful)
	if len(log.Data) > 0 {
		if err := enigma.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range enigma.abi.Events[event].Inputs {
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

// EnigmaLoggedIn represents a LoggedIn event raised by the Enigma contract.
type EnigmaLoggedIn struct {
	Custodian common.Address
	Raw       *types.Log // Blockchain specific contextual infos
}

const EnigmaLoggedInEventName = "LoggedIn"

// ContractEventName returns the user-defined event name.
func (EnigmaLoggedIn) ContractEventName() string {
	return EnigmaLoggedInEventName
}

// UnpackLoggedInEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event LoggedIn(address indexed custodian)
func (enigma *Enigma) UnpackLoggedInEvent(log *types.Log) (*EnigmaLoggedIn, error) {
	event := "LoggedIn"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != enigma.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EnigmaLoggedIn)
	if len(log.Data) > 0 {
		if err := enigma.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range enigma.abi.Events[event].Inputs {
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

// EnigmaLoggedOut represents a LoggedOut event raised by the Enigma contract.
type EnigmaLoggedOut struct {
	Custodian common.Address
	Raw       *types.Log // Blockchain specific contextual infos
}

const EnigmaLoggedOutEventName = "LoggedOut"

// ContractEventName returns the user-defined event name.
func (EnigmaLoggedOut) ContractEventName() string {
	return EnigmaLoggedOutEventName
}

// UnpackLoggedOutEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event LoggedOut(address indexed custodian)
func (enigma *Enigma) UnpackLoggedOutEvent(log *types.Log) (*EnigmaLoggedOut, error) {
	event := "LoggedOut"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != enigma.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EnigmaLoggedOut)
	if len(log.Data) > 0 {
		if err := enigma.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range enigma.abi.Events[event].Inputs {
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

// EnigmaReceiptFailed represents a ReceiptFailed event raised by the Enigma contract.
type EnigmaReceiptFailed struct {
	TaskId [32]byte
	Sig    []byte
	Raw    *types.Log // Blockchain specific contextual infos
}

const EnigmaReceiptFailedEventName = "ReceiptFailed"

// ContractEventName returns the user-defined event name.
func (EnigmaReceiptFailed) ContractEventName() string {
	return EnigmaReceiptFailedEventName
}

// UnpackReceiptFailedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ReceiptFailed(bytes32 taskId, bytes sig)
func (enigma *Enigma) UnpackReceiptFailedEvent(log *types.Log) (*EnigmaReceiptFailed, error) {
	event := "ReceiptFailed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != enigma.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EnigmaReceiptFailed)
	if len(log.Data) > 0 {
		if err := enigma.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range enigma.abi.Events[event].Inputs {
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

// EnigmaReceiptFailedETH represents a ReceiptFailedETH event raised by the Enigma contract.
type EnigmaReceiptFailedETH struct {
	TaskId [32]byte
	Sig    []byte
	Raw    *types.Log // Blockchain specific contextual infos
}

const EnigmaReceiptFailedETHEventName = "ReceiptFailedETH"

// ContractEventName returns the user-defined event name.
func (EnigmaReceiptFailedETH) ContractEventName() string {
	return EnigmaReceiptFailedETHEventName
}

// UnpackReceiptFailedETHEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ReceiptFailedETH(bytes32 taskId, bytes sig)
func (enigma *Enigma) UnpackReceiptFailedETHEvent(log *types.Log) (*EnigmaReceiptFailedETH, error) {
	event := "ReceiptFailedETH"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != enigma.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EnigmaReceiptFailedETH)
	if len(log.Data) > 0 {
		if err := enigma.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range enigma.abi.Events[event].Inputs {
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

// EnigmaReceiptVerified represents a ReceiptVerified event raised by the Enigma contract.
type EnigmaReceiptVerified struct {
	TaskId                          [32]byte
	StateDeltaHash                  [32]byte
	OutputHash                      [32]byte
	ScAddr                          [32]byte
	GasUsed                         *big.Int
	DeltaHashIndex                  *big.Int
	OptionalEthereumData            []byte
	OptionalEthereumContractAddress common.Address
	WorkerAddress                   common.Address
	Sig                             []byte
	Raw                             *types.Log // Blockchain specific contextual infos
}

const EnigmaReceiptVerifiedEventName = "ReceiptVerified"

// ContractEventName returns the user-defined event name.
func (EnigmaReceiptVerified) ContractEventName() string {
	return EnigmaReceiptVerifiedEventName
}

// UnpackReceiptVerifiedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ReceiptVerified(bytes32 taskId, bytes32 stateDeltaHash, bytes32 outputHash, bytes32 scAddr, uint256 gasUsed, uint256 deltaHashIndex, bytes optionalEthereumData, address optionalEthereumContractAddress, address workerAddress, bytes sig)
func (enigma *Enigma) UnpackReceiptVerifiedEvent(log *types.Log) (*EnigmaReceiptVerified, error) {
	event := "ReceiptVerified"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != enigma.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EnigmaReceiptVerified)
	if len(log.Data) > 0 {
		if err := enigma.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range enigma.abi.Events[event].Inputs {
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

// EnigmaRegistered represents a Registered event raised by the Enigma contract.
type EnigmaRegistered struct {
	Custodian common.Address
	Signer    common.Address
	Raw       *types.Log // Blockchain specific contextual infos
}

const EnigmaRegisteredEventName = "Registered"

// ContractEventName returns the user-defined event name.
func (EnigmaRegistered) ContractEventName() string {
	return EnigmaRegisteredEventName
}

// UnpackRegisteredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Registered(address custodian, address signer)
func (enigma *Enigma) UnpackRegisteredEvent(log *types.Log) (*EnigmaRegistered, error) {
	event := "Registered"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != enigma.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EnigmaRegistered)
	if len(log.Data) > 0 {
		if err := enigma.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range enigma.abi.Events[event].Inputs {
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

// EnigmaSecretContractDeployed represents a SecretContractDeployed event raised by the Enigma contract.
type EnigmaSecretContractDeployed struct {
	ScAddr             [32]byte
	CodeHash           [32]byte
	InitStateDeltaHash [32]byte
	Raw                *types.Log // Blockchain specific contextual infos
}

const EnigmaSecretContractDeployedEventName = "SecretContractDeployed"

// ContractEventName returns the user-defined event name.
func (EnigmaSecretContractDeployed) ContractEventName() string {
	return EnigmaSecretContractDeployedEventName
}

// UnpackSecretContractDeployedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event SecretContractDeployed(bytes32 scAddr, bytes32 codeHash, bytes32 initStateDeltaHash)
func (enigma *Enigma) UnpackSecretContractDeployedEvent(log *types.Log) (*EnigmaSecretContractDeployed, error) {
	event := "SecretContractDeployed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != enigma.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EnigmaSecretContractDeployed)
	if len(log.Data) > 0 {
		if err := enigma.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range enigma.abi.Events[event].Inputs {
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

// EnigmaTaskFeeReturned represents a TaskFeeReturned event raised by the Enigma contract.
type EnigmaTaskFeeReturned struct {
	TaskId [32]byte
	Raw    *types.Log // Blockchain specific contextual infos
}

const EnigmaTaskFeeReturnedEventName = "TaskFeeReturned"

// ContractEventName returns the user-defined event name.
func (EnigmaTaskFeeReturned) ContractEventName() string {
	return EnigmaTaskFeeReturnedEventName
}

// UnpackTaskFeeReturnedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event TaskFeeReturned(bytes32 taskId)
func (enigma *Enigma) UnpackTaskFeeReturnedEvent(log *types.Log) (*EnigmaTaskFeeReturned, error) {
	event := "TaskFeeReturned"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != enigma.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EnigmaTaskFeeReturned)
	if len(log.Data) > 0 {
		if err := enigma.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range enigma.abi.Events[event].Inputs {
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

// EnigmaTaskRecordCreated represents a TaskRecordCreated event raised by the Enigma contract.
type EnigmaTaskRecordCreated struct {
	TaskId      [32]byte
	InputsHash  [32]byte
	GasLimit    uint64
	GasPx       uint64
	Sender      common.Address
	BlockNumber *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const EnigmaTaskRecordCreatedEventName = "TaskRecordCreated"

// ContractEventName returns the user-defined event name.
func (EnigmaTaskRecordCreated) ContractEventName() string {
	return EnigmaTaskRecordCreatedEventName
}

// UnpackTaskRecordCreatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event TaskRecordCreated(bytes32 taskId, bytes32 inputsHash, uint64 gasLimit, uint64 gasPx, address sender, uint256 blockNumber)
func (enigma *Enigma) UnpackTaskRecordCreatedEvent(log *types.Log) (*EnigmaTaskRecordCreated, error) {
	event := "TaskRecordCreated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != enigma.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EnigmaTaskRecordCreated)
	if len(log.Data) > 0 {
		if err := enigma.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range enigma.abi.Events[event].Inputs {
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

// EnigmaUserBalanceChanged represents a UserBalanceChanged event raised by the Enigma contract.
type EnigmaUserBalanceChanged struct {
	User    common.Address
	Balance *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const EnigmaUserBalanceChangedEventName = "UserBalanceChanged"

// ContractEventName returns the user-defined event name.
func (EnigmaUserBalanceChanged) ContractEventName() string {
	return EnigmaUserBalanceChangedEventName
}

// UnpackUserBalanceChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event UserBalanceChanged(address indexed user, uint256 balance)
func (enigma *Enigma) UnpackUserBalanceChangedEvent(log *types.Log) (*EnigmaUserBalanceChanged, error) {
	event := "UserBalanceChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != enigma.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EnigmaUserBalanceChanged)
	if len(log.Data) > 0 {
		if err := enigma.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range enigma.abi.Events[event].Inputs {
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

// EnigmaWithdrawSuccessful represents a WithdrawSuccessful event raised by the Enigma contract.
type EnigmaWithdrawSuccessful struct {
	To    common.Address
	Value *big.Int
	Raw   *types.Log // Blockchain specific contextual infos
}

const EnigmaWithdrawSuccessfulEventName = "WithdrawSuccessful"

// ContractEventName returns the user-defined event name.
func (EnigmaWithdrawSuccessful) ContractEventName() string {
	return EnigmaWithdrawSuccessfulEventName
}

// UnpackWithdrawSuccessfulEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event WithdrawSuccessful(address to, uint256 value)
func (enigma *Enigma) UnpackWithdrawSuccessfulEvent(log *types.Log) (*EnigmaWithdrawSuccessful, error) {
	event := "WithdrawSuccessful"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != enigma.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EnigmaWithdrawSuccessful)
	if len(log.Data) > 0 {
		if err := enigma.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range enigma.abi.Events[event].Inputs {
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

// EnigmaWorkersParameterized represents a WorkersParameterized event raised by the Enigma contract.
type EnigmaWorkersParameterized struct {
	Seed                 *big.Int
	FirstBlockNumber     *big.Int
	InclusionBlockNumber *big.Int
	Workers              []common.Address
	Stakes               []*big.Int
	Nonce                *big.Int
	Raw                  *types.Log // Blockchain specific contextual infos
}

const EnigmaWorkersParameterizedEventName = "WorkersParameterized"

// ContractEventName returns the user-defined event name.
func (EnigmaWorkersParameterized) ContractEventName() string {
	return EnigmaWorkersParameterizedEventName
}

// UnpackWorkersParameterizedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event WorkersParameterized(uint256 seed, uint256 firstBlockNumber, uint256 inclusionBlockNumber, address[] workers, uint256[] stakes, uint256 nonce)
func (enigma *Enigma) UnpackWorkersParameterizedEvent(log *types.Log) (*EnigmaWorkersParameterized, error) {
	event := "WorkersParameterized"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != enigma.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EnigmaWorkersParameterized)
	if len(log.Data) > 0 {
		if err := enigma.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range enigma.abi.Events[event].Inputs {
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
