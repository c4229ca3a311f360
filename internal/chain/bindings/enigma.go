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
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_tokenAddress\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"_principal\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_epochSize\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_timeoutThreshold\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"_attestation\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_callbackGas\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_stakingThreshold\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"scAddr\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"batchIndex\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"taskCount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"newDeltaHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"worker\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"fees\",\"type\":\"uint256\"}],\"name\":\"BatchCommitted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"DepositSuccessful\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"custodian\",\"type\":\"address\"}],\"name\":\"LoggedIn\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"custodian\",\"type\":\"address\"}],\"name\":\"LoggedOut\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"sig\",\"type\":\"bytes\"}],\"name\":\"ReceiptFailed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"sig\",\"type\":\"bytes\"}],\"name\":\"ReceiptFailedETH\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"stateDeltaHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"outputHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"scAddr\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"gasUsed\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"deltaHashIndex\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"optionalEthereumData\",\"type\":\"bytes\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"optionalEthereumContractAddress\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"workerAddress\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"sig\",\"type\":\"bytes\"}],\"name\":\"ReceiptVerified\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"custodian\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"signer\",\"type\":\"address\"}],\"name\":\"Registered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"scAddr\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"codeHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"initStateDeltaHash\",\"type\":\"bytes32\"}],\"name\":\"SecretContractDeployed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"}],\"name\":\"TaskFeeReturned\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"inputsHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"gasLimit\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"gasPx\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"blockNumber\",\"type\":\"uint256\"}],\"name\":\"TaskRecordCreated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"user\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"}],\"name\":\"UserBalanceChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"user\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"unlockBlock\",\"type\":\"uint256\"}],\"name\":\"UserWithdrawalRequested\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"WithdrawSuccessful\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"seed\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"firstBlockNumber\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"inclusionBlockNumber\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"address[]\",\"name\":\"workers\",\"type\":\"address[]\"},{\"indexed\":false,\"internalType\":\"uint256[]\",\"name\":\"stakes\",\"type\":\"uint256[]\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"nonce\",\"type\":\"uint256\"}],\"name\":\"WorkersParameterized\",\"type\":\"event\"},{\"inputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"scAddr\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"epochFirstBlock\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"batchIndex\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"prevDeltaHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"newDeltaHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"taskCount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"gasUsed\",\"type\":\"uint256\"}],\"internalType\":\"structEnigma.BatchHeader\",\"name\":\"_h\",\"type\":\"tuple\"},{\"internalType\":\"address[]\",\"name\":\"_users\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"_fees\",\"type\":\"uint256[]\"},{\"internalType\":\"bytes\",\"name\":\"_sig\",\"type\":\"bytes\"}],\"name\":\"commitBatch\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_scAddr\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"_taskId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"_stateDeltaHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"_outputHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"_optionalEthereumData\",\"type\":\"bytes\"},{\"internalType\":\"address\",\"name\":\"_optionalEthereumContractAddress\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"_gasUsed\",\"type\":\"uint64\"},{\"internalType\":\"bytes\",\"name\":\"_sig\",\"type\":\"bytes\"}],\"name\":\"commitReceipt\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_scAddr\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"_taskId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"_outputHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"_gasUsed\",\"type\":\"uint64\"},{\"internalType\":\"bytes\",\"name\":\"_sig\",\"type\":\"bytes\"}],\"name\":\"commitTaskFailure\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_scAddr\",\"type\":\"bytes32\"}],\"name\":\"countBatches\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"countSecretContracts\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_scAddr\",\"type\":\"bytes32\"}],\"name\":\"countStateDeltas\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_inputsHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"_gasLimit\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"_gasPx\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"_firstBlockNumber\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_nonce\",\"type\":\"uint256\"}],\"name\":\"createDeploymentTaskRecord\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_inputsHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"_gasLimit\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"_gasPx\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"_firstBlockNumber\",\"type\":\"uint256\"}],\"name\":\"createTaskRecord\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_taskId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"_preCodeHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"_codeHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"_initStateDeltaHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"_optionalEthereumData\",\"type\":\"bytes\"},{\"internalType\":\"address\",\"name\":\"_optionalEthereumContractAddress\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"_gasUsed\",\"type\":\"uint64\"},{\"internalType\":\"bytes\",\"name\":\"_sig\",\"type\":\"bytes\"}],\"name\":\"deploySecretContract\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_taskId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"_codeHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"_gasUsed\",\"type\":\"uint64\"},{\"internalType\":\"bytes\",\"name\":\"_sig\",\"type\":\"bytes\"}],\"name\":\"deploySecretContractFailure\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_custodian\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_amount\",\"type\":\"uint256\"}],\"name\":\"deposit\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_amount\",\"type\":\"uint256\"}],\"name\":\"depositUserBalance\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_blockNumber\",\"type\":\"uint256\"}],\"name\":\"getActiveWorkers\",\"outputs\":[{\"internalType\":\"address[]\",\"name\":\"\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"\",\"type\":\"uint256[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getAllSecretContractAddresses\",\"outputs\":[{\"internalType\":\"bytes32[]\",\"name\":\"\",\"type\":\"bytes32[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getAttestationVerifier\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_scAddr\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"_batchIndex\",\"type\":\"uint256\"}],\"name\":\"getBatchRoot\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getCallbackForwarder\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getEpochSize\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getEpochState\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"count\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"firstBlock\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_blockNumber\",\"type\":\"uint256\"}],\"name\":\"getFirstBlockNumber\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getPrincipal\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_custodian\",\"type\":\"address\"}],\"name\":\"getReport\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_scAddr\",\"type\":\"bytes32\"}],\"name\":\"getSecretContract\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"preCodeHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"codeHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32[]\",\"name\":\"stateDeltaHashes\",\"type\":\"bytes32[]\"},{\"internalType\":\"uint8\",\"name\":\"status\",\"type\":\"uint8\"}],\"internalType\":\"structEnigma.SecretContract\",\"name\":\"c\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_start\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_stop\",\"type\":\"uint256\"}],\"name\":\"getSecretContractAddresses\",\"outputs\":[{\"internalType\":\"bytes32[]\",\"name\":\"out\",\"type\":\"bytes32[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getSigningAddress\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_scAddr\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"_index\",\"type\":\"uint256\"}],\"name\":\"getStateDeltaHash\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_taskId\",\"type\":\"bytes32\"}],\"name\":\"getTaskInfo\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"deployment\",\"type\":\"bool\"},{\"internalType\":\"uint256\",\"name\":\"epochFirstBlock\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_taskId\",\"type\":\"bytes32\"}],\"name\":\"getTaskRecord\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"inputsHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"outputHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"gasLimit\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"gasPx\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"blockNumber\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"status\",\"type\":\"uint8\"},{\"internalType\":\"bytes\",\"name\":\"proof\",\"type\":\"bytes\"}],\"internalType\":\"structEnigma.TaskRecord\",\"name\":\"r\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getTaskTimeoutSize\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getToken\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_user\",\"type\":\"address\"}],\"name\":\"getUserBalance\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_sender\",\"type\":\"address\"}],\"name\":\"getUserTaskDeployments\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_user\",\"type\":\"address\"}],\"name\":\"getUserUnlockBlock\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_worker\",\"type\":\"address\"}],\"name\":\"getWorker\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"signer\",\"type\":\"address\"},{\"internalType\":\"uint8\",\"name\":\"status\",\"type\":\"uint8\"},{\"internalType\":\"bytes\",\"name\":\"report\",\"type\":\"bytes\"},{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"uint8\",\"name\":\"workerEventType\",\"type\":\"uint8\"},{\"internalType\":\"uint256\",\"name\":\"blockNumber\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"}],\"internalType\":\"structEnigma.WorkerLog[]\",\"name\":\"workerLogs\",\"type\":\"tuple[]\"}],\"internalType\":\"structEnigma.Worker\",\"name\":\"wk\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_signer\",\"type\":\"address\"}],\"name\":\"getWorkerFromSigningAddress\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"signer\",\"type\":\"address\"},{\"internalType\":\"uint8\",\"name\":\"status\",\"type\":\"uint8\"},{\"internalType\":\"bytes\",\"name\":\"report\",\"type\":\"bytes\"},{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"uint8\",\"name\":\"workerEventType\",\"type\":\"uint8\"},{\"internalType\":\"uint256\",\"name\":\"blockNumber\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"}],\"internalType\":\"structEnigma.WorkerLog[]\",\"name\":\"workerLogs\",\"type\":\"tuple[]\"}],\"internalType\":\"structEnigma.Worker\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_blockNumber\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"_scAddr\",\"type\":\"bytes32\"}],\"name\":\"getWorkerGroup\",\"outputs\":[{\"internalType\":\"address[]\",\"name\":\"group\",\"type\":\"address[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_blockNumber\",\"type\":\"uint256\"}],\"name\":\"getWorkerParams\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"address[]\",\"name\":\"\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"\",\"type\":\"uint256[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getWorkersParams\",\"outputs\":[{\"components\":[{\"internalType\":\"uint256\",\"name\":\"firstBlockNumber\",\"type\":\"uint256\"},{\"internalType\":\"address[]\",\"name\":\"workers\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"stakes\",\"type\":\"uint256[]\"},{\"internalType\":\"uint256\",\"name\":\"seed\",\"type\":\"uint256\"}],\"internalType\":\"structEnigma.WorkersParams[5]\",\"name\":\"all\",\"type\":\"tuple[5]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"login\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"logout\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_signer\",\"type\":\"address\"},{\"internalType\":\"bytes\",\"name\":\"_report\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"_signature\",\"type\":\"bytes\"}],\"name\":\"register\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"requestUserWithdrawal\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_taskId\",\"type\":\"bytes32\"}],\"name\":\"returnFeesForTask\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_blockNumber\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_seed\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"_sig\",\"type\":\"bytes\"}],\"name\":\"setWorkersParams\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"_data\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"_signature\",\"type\":\"bytes\"}],\"name\":\"verifyReport\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_amount\",\"type\":\"uint256\"}],\"name\":\"withdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_amount\",\"type\":\"uint256\"}],\"name\":\"withdrawUserBalance\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "Enigma",
	Bin: "0x61018080604052346102ab5760e08161690480380380916100208285610443565b8339810103126102ab5761003381610466565b9061004060208201610466565b604082015160608301519261005760808201610466565b60a082015160c090920151956001600160a01b03169081151580610431575b156103ed576001600160a01b0316801561039c5783156103575785159485158061034d575b156102d657608083905260a05260c0526040519161058d90818401906001600160401b038211858310176102c25760409385936163778539825260208201520301905ff080156102b75760e0819052604051635f2ec17560e11b815290602090829060049082906001600160a01b03165afa9081156102b7575f91610281575b5061010052806101205280830292830414171561026d576101405280156102195761016052604051615efc908161047b823960805181818161034d015281816105b101528181610bfa01528181611713015281816134e20152818161377d0152613a1d015260a05181818161185501528181611f1d015281816127da015281816140a60152614a7b015260c0518181816112ee01528181611ee20152613c23015260e051818181611de60152615d7001526101005181615cac01526101205181818161065501528181610d620152818161114a0152612c080152610140518181816102a4015281816111d301526125d5015261016051816113ca0152f35b60405162461bcd60e51b815260206004820152602660248201527f546865207374616b696e67207468726573686f6c64206d75737420626520706f60448201526573697469766560d01b6064820152608490fd5b634e487b7160e01b5f52601160045260245ffd5b90506020813d6020116102af575b8161029c60209383610443565b810103126102ab57515f61011b565b5f80fd5b3d915061028f565b6040513d5f823e3d90fd5b634e487b7160e01b5f52604160045260245ffd5b60405162461bcd60e51b815260206004820152604360248201527f546865207461736b2074696d656f7574206d757374206265203120746f20342060448201527f65706f6368733a2074686520636f6e7472616374206b6565707320352065706f60648201526263687360e81b608482015260a490fd5b506005871061009b565b60405162461bcd60e51b815260206004820152601b60248201527f45706f63682073697a65206d75737420626520706f73697469766500000000006044820152606490fd5b60405162461bcd60e51b815260206004820152602360248201527f416e206174746573746174696f6e2076657269666965722069732072657175696044820152621c995960ea1b6064820152608490fd5b606460405162461bcd60e51b815260206004820152602060248201527f546f6b656e20616e64207072696e636970616c206172652072657175697265646044820152fd5b506001600160a01b0385161515610076565b601f909101601f19168101906001600160401b038211908210176102c257604052565b51906001600160a01b03821682036102ab5756fe6080806040526004361015610012575f80fd5b5f3560e01c9081630f20806314613c115750806316f9a2a414613bca5780631d40ff0b14613b945780631f3c99c314613a4c57806321df0da714613a0857806327e7f4ed146139cd57806328aa1aaa146139405780632e1a7d4d1461365c578063365a2cb3146135f25780633e03ea0a146135c5578063477348921461358157806347e7ef24146133b857806348cc37611461334d5780634aa55c8f14612d365780634ad52e0214612c7a57806350946a9f146126b2578063550baa2f1461262a5780635b1a065b146125f85780635f25f850146125be57806370266a471461245f57806375bbf75b146124425780637624281e14612317578063786cd4d714611e15578063805e4ffc14611dd15780638e055b8b14611cf55780638ed0573714611b4c5780639836ca3114611af95780639b09e7a714611ac6578063a0c3998214611a64578063a153ec6014611926578063a3bdae3e14611884578063a69bdf1614611840578063abc3cf05146115eb578063b34e97e814611363578063b5c149921461125b578063b826475d146111b2578063ba25268814610eb2578063c011b1c314610e76578063c41bfb0314610e40578063c652b919146108b2578063ca2af5f214610714578063cbbc061d146106a7578063d855a57914610678578063df4da4611461063e578063ec6405f214610484578063ee6dcef9146102505763f9a9b7ae14610221575f80fd5b3461024c57602036600319011261024c57602061024461023f613cc1565b614a6d565b604051908152f35b5f80fd5b3461024c57602036600319011261024c57600435805f526010602052600160405f20019061027d826145a2565b91600160ff60a08501511603610449576102a264ffffffffff6060850151164361434a565b7f000000000000000000000000000000000000000000000000000000000000000010156103f45761034892602091600560e81b60ff60e81b1982541617905563ffffffff8151165f526012825261031a60018060a01b0360405f205416916001600160401b0360408186840151169201511690614a5a565b60405163a9059cbb60e01b81526001600160a01b039092166004830152602482015292839081906044820190565b03815f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03165af19081156103e9576103b36020927f8f86891ac4edccb13a0629ba04c2b3c434909504438dda249003b4fd85752d1f945f916103bc575b506143aa565b604051908152a1005b6103dc9150843d86116103e2575b6103d48183613d90565b810190614392565b856103ad565b503d6103ca565b6040513d5f823e3d90fd5b60405162461bcd60e51b815260206004820152602760248201527f5461736b2074696d656f75742077696e646f7720686173206e6f7420656c61706044820152661cd959081e595d60ca1b6064820152608490fd5b60405162461bcd60e51b81526020600482015260136024820152725461736b206973206e6f742077616974696e6760681b6044820152606490fd5b3461024c57602036600319011261024c57600435335f5260116020526105ac602060405f209261057f604051946104ba86613d24565b549463ffffffff861681526001600160401b038482019663ffffffff81871c16885261055f6001600160801b03808360401c16610508886040880192808452606089019660c01c8752614430565b9a610515838d1115614a1a565b8b83168252858552335f90815260118b526040902096518754915167ffffffffffffffff1990921663ffffffff9190911617908a1b67ffffffff000000001617865551168461457c565b5182546001600160c01b0316911660c01b6001600160c01b031916179055565b6040516323b872dd60e01b8152336004820152306024820152604481019190915291829081906064820190565b03815f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03165af180156103e9576105f1915f9161061f57506143aa565b6040519081527fa765b0c8dc1d55637fa50a567f25577d20fcc843de6e7a1bfcfd04304e07be9160203392a2005b610638915060203d6020116103e2576103d48183613d90565b836103ad565b3461024c575f36600319011261024c5760206040517f00000000000000000000000000000000000000000000000000000000000000008152f35b3461024c575f36600319011261024c57335f526014602052602060018060a01b0360405f205416604051908152f35b3461024c57602036600319011261024c576106c3600435614b4b565b901561070b5760058110156106f7576001600160401b0360036020920260010154165b6001600160401b0360405191168152f35b634e487b7160e01b5f52603260045260245ffd5b5060205f6106e6565b3461024c5760a036600319011261024c576064356004356024356001600160401b038316830361024c576084356001600160401b03811161024c577fb6fea360017e3af252ed4596a124395e73b6a74663655ec09faab58171302454936108a16107856108ad933690600401613eff565b92909561079061525d565b805f52601a60205260405f20906107b0600160ff845460a01c1614614482565b865f52601060205260405f206108976108826107e06107cf87856157af565b9463ffffffff608087015116615368565b94600184549101546020860151604051916020830193600160c51b85526028840152600160c51b60488401526050830152600160c31b60708301526001600160401b0360c01b9060c01b166078820152600160c31b60808201526001600160401b0360c01b8860c01b166088820152600160c01b60908201525f60988201526079815261086e609982613d90565b51902061087c368a8e613dcc565b906154fb565b84516001600160a01b0391821691161461450c565b60443581556157fb565b604051938493846147ec565b0390a1005b3461024c5760a036600319011261024c576004356108ce613e36565b6108d6613e20565b9160643590335f52601160205260843563ffffffff60405f20541603610dde576108fe614659565b9161091163ffffffff8451161515615b66565b63ffffffff835116905f19820163ffffffff8111610dca5760206001600160401b03919501511691828203610d4f575b505050335f52601160205260405f206040519061095d82613d24565b549063ffffffff8216815263ffffffff8260201c16946001600160401b03602083019187835260408401976001600160801b038660401c168952606085019560c01c865215610d06575b16966001600160401b03811695610a936109c1888b614a5a565b946001600160401b0387511643105f14610cd5576001600160401b035f975b6001600160801b036109f88d82808d1691511661455c565b168c5261055f6001600160801b0363ffffffff85511660405160208101913360601b8352603482015260348152610a30605482613d90565b5190209d63ffffffff610a4581885116615bb2565b168652335f52601160205263ffffffff8060405f209751161663ffffffff19875416178655895167ffffffff0000000087549160201b169067ffffffff00000000191617865551168461457c565b875f52601060205260405f2092600184019360ff855460e81c16610c9a5763ffffffff91888392555116600160c0604051610acd81613d75565b8381528d60208201528b604082015264ffffffffff4316606082015284861660808201528260a082015201521663ffffffff19845416178355610b3389849067ffffffffffffffff60201b82549160201b169067ffffffffffffffff60201b1916179055565b825460ff60f01b19600160601b600160f01b031990911660609390931b67ffffffffffffffff60601b16929092174360a01b64ffffffffff60a01b161760c89190911b63ffffffff60c81b1617600160e81b1716600160f01b179055818111610be2575b7f72d426446fed2276ff12e6c401fde2011fde45faa59b7b8d052c2384c682851d60c0868689876040519384526020840152604083015260608201523360808201524360a0820152a1005b61057f610bf5926020929695949661434a565b03815f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03165af19081156103e9575f91610c7b575b5015610c415790918480610b97565b60405162461bcd60e51b8152602060048201526012602482015271151c985b9cd9995c881b9bdd081d985b1a5960721b6044820152606490fd5b610c94915060203d6020116103e2576103d48183613d90565b85610c32565b60405162461bcd60e51b81526020600482015260136024820152725461736b20616c72656164792065786973747360681b6044820152606490fd5b89516001600160801b0316808711610cf857506001600160401b03865b976109e0565b6001600160401b0390610cf2565b60135463ffffffff610d19818316615bb2565b63ffffffff1990921691169081176013558084525f90815260126020526040902080546001600160a01b031916331790556109a7565b6001190163ffffffff16935090610d87907f000000000000000000000000000000000000000000000000000000000000000090614430565b431080610da1575b610d999150615b66565b848080610941565b50600583069060058210156106f7576001600160401b036003610d999302600101541614610d8f565b634e487b7160e01b5f52601160045260245ffd5b60405162461bcd60e51b815260206004820152603460248201527f496e636f7272656374206e6f6e6365207969656c64696e67206261642073656360448201527372657420636f6e7472616374206164647265737360601b6064820152608490fd5b3461024c57602036600319011261024c576004355f52601a60205260206001600160401b0360405f205460a81c16604051908152f35b3461024c57602036600319011261024c57610eae610e9a610e95613cc1565b6148c1565b604051918291602083526020830190613f50565b0390f35b3461024c57608036600319011261024c57600435610ece613e36565b610ed6613e20565b9160643590610ee3614659565b91610ef663ffffffff8451161515615b66565b63ffffffff835116905f19820163ffffffff8111610dca5760206001600160401b03919501511691828203611137575b505050335f52601160205260405f2060405190610f4282613d24565b549063ffffffff8216815263ffffffff8260201c16946001600160401b03602083019187835260408401976001600160801b038660401c168952606085019560c01c8652156110ee575b16966001600160401b03811695610fa66109c1888b614a5a565b875f52601060205260405f2092600184019360ff855460e81c16610c9a5763ffffffff918883925551165f60c0604051610fdf81613d75565b8381528d60208201528b604082015264ffffffffff431660608201528486166080820152600160a082015201521663ffffffff1984541617835561104689849067ffffffffffffffff60201b82549160201b169067ffffffffffffffff60201b1916179055565b825460ff60f01b19600160601b600160f01b031990911660609390931b67ffffffffffffffff60601b16929092174360a01b64ffffffffff60a01b161760c89190911b63ffffffff60c81b1617600160e81b17169055818111610be2577f72d426446fed2276ff12e6c401fde2011fde45faa59b7b8d052c2384c682851d60c0868689876040519384526020840152604083015260608201523360808201524360a0820152a1005b60135463ffffffff611101818316615bb2565b63ffffffff1990921691169081176013558084525f90815260126020526040902080546001600160a01b03191633179055610f8c565b6001190163ffffffff1693509061116f907f000000000000000000000000000000000000000000000000000000000000000090614430565b431080611189575b6111819150615b66565b848080610f26565b50600583069060058210156106f7576001600160401b0360036111819302600101541614611177565b3461024c575f36600319011261024c57335f52601160205260405f206111f87f000000000000000000000000000000000000000000000000000000000000000043614430565b815460c01c8110611237575b505460c01c6040519081527fbb24ce2d8540c1e2b833fa394a46419c788cac36a4dd915471900f73c996255760203392a2005b81546001600160c01b031660c09190911b6001600160c01b03191617815581611204565b3461024c57604036600319011261024c576004356001600160401b03811161024c5761128b903690600401613eff565b90602435906001600160401b03821161024c576112d8926112ea6112b56020943690600401613eff565b60405196879586956354fc87c760e01b87526040600488015260448701916146b9565b848103600319016024860152916146b9565b03817f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03165afa9081156103e9575f91611344575b501561133b5760205f5b60ff60405191168152f35b60206001611330565b61135d915060203d6020116103e2576103d48183613d90565b81611326565b3461024c575f36600319011261024c57335f52601460205260405f206040519061138c82613ced565b5460018060a01b038116825260ff8160a01c16916113bd60026020830194808652604084019460a81c8552146142ee565b6001600160581b038251167f00000000000000000000000000000000000000000000000000000000000000001161159b57335f52601960205260405f2054156114d5575b60018352335f9081526014602052604090209051815493516001600160a81b03199094166001600160a01b03919091161760a09390931b60ff60a01b169290921782556114ae915b815181546001600160a81b031660a89190911b6001600160a81b031916179055335f90815260166020526040908190209151905191906001600160581b031661149183613ced565b600183526001600160401b03431660208401526040830152614260565b337f0a581ae4192c44a0074ccc9c655d264ea6a838e99ca8dfc8ca439aee62cb51835f80a2005b6018549261010084101561155657600160401b8410156115425760ff6114499161152961150b8760016114ae9901601855614030565b81546001600160a01b0360039290921b91821b19163390911b179055565b601854335f52601960205260405f205594505050611401565b634e487b7160e01b5f52604160045260245ffd5b60405162461bcd60e51b815260206004820152601d60248201527f546f6f206d616e792061637469766520776f726b6572732028323536290000006044820152606490fd5b60405162461bcd60e51b815260206004820152602260248201527f576f726b657227732062616c616e6365206973206e6f742073756666696369656044820152611b9d60f21b6064820152608490fd5b3461024c57602036600319011261024c57600435335f52601160205260405f20906040519161161983613d24565b549063ffffffff82168352602083019063ffffffff8360201c16825260408401926001600160801b038160401c16845260c01c606085019080825243106117fb57816001600160801b03855116106117ac5761170e946001600160401b036116e7926020956001600160801b03611695818816828b511661455c565b168852335f908152601188526040902093518454915167ffffffffffffffff1990921663ffffffff919091161790871b67ffffffff0000000016178355865161055f906001600160801b03168461457c565b60405163a9059cbb60e01b8152336004820152602481019190915292839081906044820190565b03815f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03165af19182156103e9576001600160801b039261175d915f9161178d57506143aa565b51166040519081527fa765b0c8dc1d55637fa50a567f25577d20fcc843de6e7a1bfcfd04304e07be9160203392a2005b6117a6915060203d6020116103e2576103d48183613d90565b846103ad565b60405162461bcd60e51b815260206004820152602160248201527f4e6f7420656e6f75676820746f6b656e7320696e20757365722062616c616e636044820152606560f81b6064820152608490fd5b60405162461bcd60e51b815260206004820152601d60248201527f4c6f636b65643a2072657175657374557365725769746864726177616c0000006044820152606490fd5b3461024c575f36600319011261024c576040517f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03168152602090f35b3461024c57602036600319011261024c576001600160a01b036118a5613cc1565b16805f52601460205260405f206118eb604051916118c283613ced565b5460018060a01b038116835260ff8160a01c169081602085015260a81c604084015215156143ee565b60018060a01b03905116905f52601560205261190960405f20614803565b90610eae6040519283928352604060208401526040830190613f2c565b3461024c57608036600319011261024c57600435611942613e20565b606435916001600160401b03831161024c576108ad6108a16119897fb6fea360017e3af252ed4596a124395e73b6a74663655ec09faab58171302454953690600401613eff565b91909461199461525d565b845f52601a6020526119b060ff60405f205460a01c16156147a1565b845f52601060205260405f206119c68282615672565b6119da8763ffffffff608084015116615368565b91611a5a61088282546020850151604051906020820192600160c51b84526028830152600160c31b60488301526001600160401b0360c01b9060c01b166050820152600160c31b60588201526001600160401b0360c01b8860c01b166060820152600160c01b60688201525f60708201526051815261086e607182613d90565b60243581556157fb565b3461024c57602036600319011261024c57611a7d613cc1565b611a85614777565b506001600160a01b039081165f9081526017602052604090205416611aa9816148c1565b90610eae6040519283928352604060208401526040830190613f50565b3461024c575f36600319011261024c5760405f546001600160401b0382519163ffffffff8116835260201c166020820152f35b3461024c57602036600319011261024c57610eae611b3e611b1b600435614711565b919492939060405195869586526020860152608060408601526080850190613c52565b908382036060850152613c8e565b3461024c57602036600319011261024c5760405161010081018181106001600160401b03821117611542576040525f815260208101905f8252610eae606060ff83604081015f81526001600160401b038483015f81528160808501915f835260a08601945f8652878c64ffffffffff8b60c08b019a5f8c5260e081019d8e526004355f52601060205260405f2093611be6600186016145a2565b9163ffffffff8351165f52601260205260018060a01b0360405f205416905260a08201948686511660028114908115611cea575b8115611cdf575b5015611cd75760018760c0850151161480611cca575b15611cc1575490525b876020820151168752876040820151168952015116885251168752604051611c69602082613d90565b5f815289526040519b8c9b60208d5260018060a01b0390511660208d01525160408c01525160608b015251166080890152511660a08701525160c0860152511660e08401525161010080840152610120830190613f2c565b54875250611c40565b5060028787511614611c37565b549052611c40565b60049150145f611c21565b600381149150611c1a565b3461024c57604036600319011261024c576004356024358015611dc8575b8082111580611dbc575b15611d8157611d34611d2f838361434a565b613ffe565b91805b828110611d545760405160208082528190610eae90820187613c8e565b80611d60600192614048565b90549060031b1c611d7a611d74858461434a565b87614075565b5201611d37565b60405162461bcd60e51b815260206004820152601360248201527252616e6765206f7574206f6620626f756e647360681b6044820152606490fd5b50601b54811115611d1d565b50601b54611d13565b3461024c575f36600319011261024c576040517f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03168152602090f35b3461024c57606036600319011261024c57611e2e613cc1565b6024356001600160401b03811161024c57611e4d903690600401613eff565b6044356001600160401b03811161024c57611e6c903690600401613eff565b6001600160a01b039094169384156122d2575f858152601760205260409020546001600160a01b03161580156122b5575b15612270576040516302a5a9e760e61b8152608060048201529160209183918291611ed191906112d860848501898b6146b9565b6044820188905233606483015203817f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03165afa9081156103e9575f91612234575b507f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316840361222a5760ff8060025b169116036121e557335f52601460205260405f2060405190611f7282613ced565b5460018060a01b038116825260ff8160a01c166020830190808252604084019260a81c83528061216c575b5085835260028152335f81815260146020908152604080832096519451955160a81b6001600160a81b03191660ff60a01b60a09790971b969096166001600160a01b0390951694909417949094179094558684526017835281842080546001600160a01b03191682179055835260159091529020916001600160401b0382116115425761202a83546146d9565b601f8111612127575b505f90601f831160011461209e579180604094927f0a31ee9d46a828884b81003c8498156ea6aa15b9b54bdd0ef0b533d9eba57e5596945f92612093575b50508160011b915f199060031b1c19161790555b8151903382526020820152a1005b013590508680612071565b601f19831691845f5260205f20925f5b81811061210f57509260019285927f0a31ee9d46a828884b81003c8498156ea6aa15b9b54bdd0ef0b533d9eba57e55989660409896106120f6575b505050811b019055612085565b01355f19600384901b60f8161c191690558680806120e9565b919360206001819287870135815501950192016120ae565b835f5260205f20601f840160051c81019160208510612162575b601f0160051c01905b8181106121575750612033565b5f815560010161214a565b9091508190612141565b6001146121a05782516001600160a01b03165f90815260176020526040902080546001600160a01b031916905560ff611f9d565b60405162461bcd60e51b815260206004820152601e60248201527f4c6f67206f7574206265666f7265206368616e67696e67207369676e657200006044820152606490fd5b60405162461bcd60e51b815260206004820152601d60248201527f5265706f72743a2077726f6e6720656e636c6176652070726f647563740000006044820152606490fd5b60ff806001611f51565b90506020813d602011612268575b8161224f60209383613d90565b8101031261024c575160ff8116810361024c5784611f1a565b3d9150612242565b60405162461bcd60e51b815260206004820152601860248201527f4e6f74206120756e69717565207369676e696e67206b657900000000000000006044820152606490fd5b50845f52601760205260018060a01b0360405f2054163314611e9d565b60405162461bcd60e51b815260206004820152601760248201527f5369676e6572206d757374206e6f74206265207a65726f0000000000000000006044820152606490fd5b3461024c57602036600319011261024c5760405161233481613d5a565b5f815260208101905f825260408101905f825260608101906060825260808101905f82526004355f52601a60205260405f209160406123728461443d565b80516001600160a01b031684526002850154885260018501548752602081015160ff1683520180519095906123af906001600160401b0316613ffe565b855260035f9401935b6001600160401b038751168110156123f5576001816001600160401b03925f528660205260405f20546123ec828a51614075565b520190506123b8565b87848460ff6124368a876040519687966020885260018060a01b0390511660208801525160408701525160608601525160a0608086015260c0850190613c8e565b91511660a08301520390f35b3461024c575f36600319011261024c576020601b54604051908152f35b3461024c575f36600319011261024c5760a060405161247f60a082613d90565b5f5b8281106125a957505f5b6005811061258157509060405191829160208301602084529060c0840192915f905b600582106124bd57505050500390f35b919390929450601f1986820301825284519060808101918051825260208101519260806020840152835180915260208784019401905f905b80821061255f575050506040810151928281036040840152602080855192838152019401905f905b808210612547575050506001926020926060808594015191015296019201920185949391926124ad565b9091946020806001928851815201960192019061251d565b82516001600160a01b03168652602095860195909201916001909101906124f5565b8061258d600192615597565b61259782856146a8565b526125a281846146a8565b500161248b565b6020906125b4614684565b8184015201612481565b3461024c575f36600319011261024c5760206040517f00000000000000000000000000000000000000000000000000000000000000008152f35b3461024c5761260636613cd7565b905f52601a602052600460405f2001905f52602052602060405f2054604051908152f35b3461024c575f36600319011261024c57604051806020601b54918281520190601b5f527f3ad8aa4f87544323a9d1e5dd902f40c356527a7955687113db5f9a85ad579dc1905f5b81811061269c57610eae8561268881870382613d90565b604051918291602083526020830190613c8e565b8254845260209093019260019283019201612671565b3461024c57606036600319011261024c576004356024356044356001600160401b03811161024c576126e8903690600401613eff565b6126f3929192614659565b90438511612c355763ffffffff825116158015612bf4575b15612bb05761271985614089565b959092519163ffffffff831695845180604402604481048203610dca576080019081608011610dca5761276461274e83613db1565b9261275c6040519485613d90565b808452613db1565b602083019290601f1901368437600160c51b808452602882018a90526048820152605081018a905260c082901b60708201525f607882015b838210612b8a578c5160c01b8152600801925f91505b8c818310612b64575050509003601f1901902061280c926127d89261087c913691613dcc565b7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0390811691161461450c565b6005850660058110156106f757600390810295908601945f9390919060018801855b8a885188101561287a576001916128488961284f93614075565b5190614430565b96818060a01b03612860828b614075565b51168860a01b17815f528a60205260405f2055019561282e565b979394959650896bffffffffffffffffffffffff8211612b275786926002926001600160401b034316958751906040516128b381613d24565b8881528a602082015263ffffffff8316604082015260606001600160801b0385169101526bffffffff00000000000000006001600160801b038986549582199060801b169582191617169160401b16179063ffffffff60601b9060601b1617179055015560018301808411610dca5763ffffffff1690602060405161293781613d3f565b83815201525f80546bffffffffffffffff00000000199092166001600160601b0319909216919091174360201b67ffffffffffffffff60201b16179055601854805b6129e457507f4ac4fa4588e2c6fdaec0f375ac3b33fab7b69895fbb538347f8adb03164c5ddd946129cb6129d9926040519687968752436020880152604087015260c0606087015260c0860190613c52565b908482036080860152613c8e565b9060a08301520390a1005b6129ed90614ac2565b6129f681614030565b60018060a01b0391549060031b1c16805f52601460205281600160ff60405f205460a01c1614612b205750805f52601660205260405f208054905f198201918211610dca576001600160401b03612a4f85938a93614060565b505460081c161015612b2057506018545f198101908111610dca57612a7390614030565b905460039190911b1c6001600160a01b0316612ab681612a9285614030565b81546001600160a01b0393841660039290921b91821b9390911b1916919091179055565b6001830190818411610dca575f52601960205260405f20556018548015612b0c575f1901612ae381614030565b81549060018060a01b039060031b1b191690556018555f526019602052805f6040812055612979565b634e487b7160e01b5f52603160045260245ffd5b9050612979565b60405162461bcd60e51b8152602060048201526015602482015274546f74616c207374616b6520746f6f206c6172676560581b6044820152606490fd5b600160c51b8552600192909201600581901b9092015160088501526028909301926127b2565b600560c21b8152600191909101600581901b8a015160601b600883015290601c0161279c565b606460405162461bcd60e51b815260206004820152602060248201527f416c72656164792063616c6c656420647572696e6720746869732065706f63686044820152fd5b50612c2d6001600160401b036020840151167f000000000000000000000000000000000000000000000000000000000000000090614430565b85101561270b565b60405162461bcd60e51b815260206004820152601d60248201527f426c6f636b206e756d62657220697320696e20746865206675747572650000006044820152606490fd5b3461024c57602036600319011261024c575f5f906004355f526010602052612ca7600160405f20016145a2565b9160ff60a084015116612cc7575b60408093505191151582526020820152f35b505060808101600563ffffffff825116069160058310156106f757600160ff60c0612cf86003604097028401614616565b93015116149163ffffffff80602084015116915116145f14612d27576001600160401b03809151165b16612cb5565b506001600160401b035f612d21565b3461024c573660031901610160811261024c576101001361024c57610104356001600160401b03811161024c57612d71903690600401613ecf565b90610124356001600160401b03811161024c57612d92903690600401613ecf565b9190610144356001600160401b03811161024c57612db4903690600401613eff565b919092612dbf61525d565b848603613308576004355f52601a60205260405f2094612dde8661443d565b94612df2600160ff60208901511614614482565b62ffffff606087015116604435036132cf576001600160401b03612e1b816040890151166144ce565b165f526003870160205260405f20546064350361328a5760a43515158061327f575b1561324c57612e58600435612e536024356152ca565b615368565b94604051896040820160208084015252606081018186915f5b8d81106132175750612e8c925003601f198101835282613d90565b602081519101209060405160208082015284604082015260018060fb1b03851161024c57612fa493612f8f9382612ee26060899f9b9a999561087c9660051b808d8484013781010301601f198101835282613d90565b60208151910120604051917ff8a53ce630f00ffedde2625329adbe4e0a286fb9fec45359b106dce65e92a2e26020840152466040840152306060840152600435608084015260243560a084015260443560c084015260643560e084015260843561010084015260a43561012084015260c43561014084015260e4356101608401526101808301526101a08201526101a08152612f806101c082613d90565b60208151910120923691613dcc565b85516001600160a01b0391821691161461450c565b5f965f935b80851061317b575050505050604081016001600160581b03612fce8682845116614430565b612fda82821115614a1a565b168152335f908152601460209081526040808320855195830151945160a81b6001600160a81b0319166001600160a01b0390961660a09590951b60ff60a01b1694909417949094179092556044358152600485019091522060a4359055606081015162ffffff908116908114610dca5760010162ffffff16606082015260843515158061316d575b613118575b80516020808301516040808501516060958601516001600160a01b0390951660a093841b60ff60a01b161767ffffffffffffffff60a81b60a89290921b919091161760e89490941b6001600160e81b03191693909317909455815160a435815260c43591810191909152608435918101919091523391810191909152608081019290925260443591600435917f98f685eb5e7346838364567e44588cd3bb5043d34bf4f398be485873d7c4b7dc91a3005b6001600160401b036040820151165f526003820160205260843560405f20556001600160401b03604082015116906001600160401b038214610dca576001919091016001600160401b03166040820152613067565b506064356084351415613062565b909192939761318b89838661454c565b356001600160a01b0381169081900361024c576001916131fe915f5260116020526001600160801b038b6131f760405f2083815460401c1692898c856131d284848461454c565b351015613209576131f19287926131e89261454c565b3516809461455c565b9061457c565b1690614430565b980193929190612fa9565b5050506131f183809461455c565b91508235906001600160a01b038216820361024c576001600160a01b0390911681526020928301928492910190600101612e71565b60405162461bcd60e51b815260206004820152600b60248201526a08adae0e8f240c4c2e8c6d60ab1b6044820152606490fd5b5060c4351515612e3d565b60405162461bcd60e51b815260206004820152601d60248201527f4261746368206e6f74206f6e20746865206c61746573742073746174650000006044820152606490fd5b60405162461bcd60e51b81526020600482015260116024820152700aee4dedcce40c4c2e8c6d040d2dcc8caf607b1b6044820152606490fd5b60405162461bcd60e51b815260206004820152601f60248201527f557365727320616e6420666565732064696666657220696e206c656e677468006044820152606490fd5b3461024c576133b66001600160401b0361336636613e4c565b96979591936040959195519861337b8a613d08565b808a5260208a015260408901526060880152608087015260a08601526001600160a01b031660c08501521660e0830152610100820152614f7d565b005b3461024c57604036600319011261024c576133d1613cc1565b60243560018060a01b038216805f52601460205260405f209061348c60ff604051936133fc85613ced565b549260018060a01b0384168552818460a01c169061342c6020870192808452604088019660a81c875215156143ee565b6001600160581b036134418882885116614430565b61344d82821115614a1a565b1685525f9081526014602052604090209451855491516001600160a81b03199092166001600160a01b039190911617911660a01b60ff60a01b16178355565b5181546001600160a81b031660a89190911b6001600160a81b0319161790556040516323b872dd60e01b81526001600160a01b03831660048201523060248201526044810182905291602083806064810103815f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03165af19283156103e9577fb3ef81558ed1a50072a492984535a009da8b129c749500b387f1e5f4886bdde593613545915f9161356857506143aa565b604080516001600160a01b039092168252602082019290925290819081016108ad565b6103dc915060203d6020116103e2576103d48183613d90565b3461024c57602036600319011261024c576001600160a01b036135a2613cc1565b165f52601160205260206001600160801b0360405f205460401c16604051908152f35b3461024c57602036600319011261024c576004355f52601a602052602060405f205460e81c604051908152f35b3461024c576133b66001600160401b0361360b36613e4c565b969795604095919594929451986136218a613d08565b89526020890152604088015260608701525f608087015260a08601526001600160a01b031660c08501521660e0830152610100820152614bca565b3461024c57602036600319011261024c57600435335f52601460205260405f206040519061368982613ced565b5460018060a01b038116825260ff8160a01c166136b960026020850192808452604086019460a81c8552146142ee565b335f52601660205260405f2080549081613844575b5050836001600160581b03835116106137f3576001600160581b0384166001600160581b03835116036001600160581b038111610dca576001600160581b03168252335f81815260146020908152604080832096519451955160a81b6001600160a81b03191660ff60a01b60a09790971b969096166001600160a01b039586161795909517909555925163a9059cbb60e01b8152600481019190915260248101859052939291849160449183917f0000000000000000000000000000000000000000000000000000000000000000165af19081156103e9576137db6108ad927f84e742a3ea03623687a5febaa797636d728230721d4b3d1405d19fbbc16298d9945f9161356857506143aa565b60408051338152602081019290925290918291820190565b60405162461bcd60e51b815260206004820152602360248201527f4e6f7420656e6f75676820746f6b656e7320696e20776f726b65722062616c616044820152626e636560e81b6064820152608490fd5b5f198201918211610dca576138629161385c91614060565b50614357565b600260ff825116036138eb576001600160401b036020815f54821c1692015116101561388f5784806136ce565b60405162461bcd60e51b815260206004820152602e60248201527f43616e6e6f7420776974686472617720696e2073616d652065706f636820617360448201526d081b1bd9c81bdd5d08195d995b9d60921b6064820152608490fd5b60405162461bcd60e51b815260206004820152602760248201527f576f726b65722773206c617374206c6f67206973206e6f74206f66204c6f674f6044820152667574207479706560c81b6064820152608490fd5b3461024c5761394e36613cd7565b90805f52601a6020526001600160401b0360405f205460a81c16821015613992575f52601a602052600360405f2001905f52602052602060405f2054604051908152f35b60405162461bcd60e51b81526020600482015260136024820152724e6f20737563682073746174652064656c746160681b6044820152606490fd5b3461024c57602036600319011261024c576001600160a01b036139ee613cc1565b165f526011602052602060405f205460c01c604051908152f35b3461024c575f36600319011261024c576040517f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03168152602090f35b3461024c575f36600319011261024c57335f52601460205260405f2060405190613a7582613ced565b5460018060a01b038116825260ff8160a01c169160016020820193808552604083019360a81c845203613b585760028352335f90815260146020908152604080832093519551855160a81b6001600160a81b03191660ff60a01b60a09290921b919091166001600160a01b039097169690961795909517909255601690915282902090519151613b31929091906001600160581b0316613b1483613ced565b600283526001600160401b03431660208401526040830152614260565b337f8d11ef6404d9eeb0a13d346ad9b49adf23be5a095f5efb8741c3eec74e43ee9c5f80a2005b60405162461bcd60e51b81526020600482015260146024820152732bb7b935b2b9103737ba103637b3b3b2b21034b760611b6044820152606490fd5b3461024c57604036600319011261024c57610eae613bb6602435600435614195565b604051918291602083526020830190613c52565b3461024c57602036600319011261024c57613c03610eae613bec600435614089565b604092919251938493604085526040850190613c52565b908382036020850152613c8e565b3461024c575f36600319011261024c577f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03168152602090f35b90602080835192838152019201905f5b818110613c6f5750505090565b82516001600160a01b0316845260209384019390920191600101613c62565b90602080835192838152019201905f5b818110613cab5750505090565b8251845260209384019390920191600101613c9e565b600435906001600160a01b038216820361024c57565b604090600319011261024c576004359060243590565b606081019081106001600160401b0382111761154257604052565b61012081019081106001600160401b0382111761154257604052565b608081019081106001600160401b0382111761154257604052565b604081019081106001600160401b0382111761154257604052565b60a081019081106001600160401b0382111761154257604052565b60e081019081106001600160401b0382111761154257604052565b90601f801991011681019081106001600160401b0382111761154257604052565b6001600160401b03811161154257601f01601f191660200190565b929192613dd882613db1565b91613de66040519384613d90565b82948184528183011161024c578281602093845f960137010152565b9080601f8301121561024c57816020613e1d93359101613dcc565b90565b604435906001600160401b038216820361024c57565b602435906001600160401b038216820361024c57565b9061010060031983011261024c57600435916024359160443591606435916084356001600160401b03811161024c5782613e8891600401613e02565b9160a4356001600160a01b038116810361024c579160c4356001600160401b038116810361024c579160e435906001600160401b03821161024c57613e1d91600401613e02565b9181601f8401121561024c578235916001600160401b03831161024c576020808501948460051b01011161024c57565b9181601f8401121561024c578235916001600160401b03831161024c576020838186019501011161024c57565b805180835260209291819084018484015e5f828201840152601f01601f1916010190565b60018060a01b03815116825260ff60208201511660208301526080613f84604083015160a0604086015260a0850190613f2c565b91606081015160608501520151916080818303910152602080835192838152019201905f5b818110613fb65750505090565b909192602060606001926040875160ff81511683528481015185840152015160408201520194019101919091613fa9565b6001600160401b0381116115425760051b60200190565b9061400882613fe7565b6140156040519182613d90565b8281528092614026601f1991613fe7565b0190602036910137565b6018548110156106f75760185f5260205f2001905f90565b601b548110156106f757601b5f5260205f2001905f90565b80548210156106f7575f5260205f2001905f90565b80518210156106f75760209160051b010190565b906018549161409783613ffe565b906140a184613ffe565b935f917f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031690835b8381106140e5575050505080825283529190565b6140ee81614030565b90546001600160a01b0360039290921b1c81165f8181526014602052604090205490911690839085831461418a579061412691614ace565b91908061417c575b61413f575b50506001905b016140d1565b6001600160581b0391604091614158898b9a969a614075565b52015116614166828a614075565b525f198114610dca57600180910194905f614133565b50600160ff8351161461412e565b505050600190614139565b6141a190929192614b4b565b9015801561423f575b6142245760058110156106f757600302604051906141c9604083613d90565b6001825260208083019190368337614208839563ffffffff6141fd600385019480600101549360028560801c920154615bc9565b9160601c1683615c10565b5f5260205260018060a01b0360405f2054169151156106f75752565b509050604051614235602082613d90565b5f81525f36813790565b5060058110156106f75763ffffffff600382026001015460601c16156141aa565b8054600160401b8110156115425761427d91600182018155614060565b9190916142db5780518254602083015160409093015173ffffffffffffffffffffff00000000000000000060489190911b1668ffffffffffffffff0060089490941b9390931660ff9092166001600160a01b03199091161717179055565b634e487b7160e01b5f525f60045260245ffd5b156142f557565b60405162461bcd60e51b815260206004820152602760248201527f576f726b6572206e6f742072656769737465726564206f72206e6f74206c6f6760448201526619d959081bdd5d60ca1b6064820152608490fd5b91908203918211610dca57565b9060405161436481613ced565b60406001600160581b0382945460ff811684526001600160401b038160081c16602085015260481c16910152565b9081602091031261024c5751801515810361024c5790565b156143b157565b60405162461bcd60e51b8152602060048201526015602482015274151bdad95b881d1c985b9cd9995c8819985a5b1959605a1b6044820152606490fd5b156143f557565b60405162461bcd60e51b81526020600482015260136024820152722ab73932b3b4b9ba32b932b2103bb7b935b2b960691b6044820152606490fd5b91908201809211610dca57565b9060405161444a81613d24565b91546001600160a01b038116835260a081901c60ff16602084015260a881901c6001600160401b0316604084015260e81c6060830152565b1561448957565b60405162461bcd60e51b815260206004820152601c60248201527f53656372657420636f6e7472616374206e6f74206465706c6f796564000000006044820152606490fd5b6001600160401b035f19911601906001600160401b038211610dca57565b906001600160401b03809116911603906001600160401b038211610dca57565b1561451357565b60405162461bcd60e51b8152602060048201526011602482015270496e76616c6964207369676e617475726560781b6044820152606490fd5b91908110156106f75760051b0190565b906001600160801b03809116911603906001600160801b038211610dca57565b90600160401b600160c01b0382549160401b1690600160401b600160c01b031916179055565b906040516145af81613d75565b60c060ff82945463ffffffff811684526001600160401b038160201c1660208501526001600160401b038160601c16604085015264ffffffffff8160a01c16606085015263ffffffff8160c81c166080850152818160e81c1660a085015260f01c16910152565b9060405161462381613d24565b60608193546001600160401b038116835263ffffffff8160401c16602084015263ffffffff81831c16604084015260801c910152565b6040519061466682613d3f565b8160206001600160401b035f5463ffffffff81168452821c16910152565b6040519061469182613d24565b5f6060838281528160208201528160408201520152565b9060058110156106f75760051b0190565b908060209392818452848401375f828201840152601f01601f1916010190565b90600182811c92168015614707575b60208310146146f357565b634e487b7160e01b5f52602260045260245ffd5b91607f16916146e8565b61471a90614b4b565b90156147425761472990615597565b8051606082015192604060208401519301519193929190565b5060405160206147528183613d90565b5f82525f368137604051906147678183613d90565b5f8252505f3681375f925f929190565b6040519061478482613d5a565b60606080835f81525f60208201528260408201525f838201520152565b156147a857565b606460405162461bcd60e51b815260206004820152602060248201527f53656372657420636f6e747261637420616c7265616479206465706c6f7965646044820152fd5b604090613e1d9492815281602082015201916146b9565b9060405191825f825492614816846146d9565b8084529360018116908115614881575060011461483d575b5061483b92500383613d90565b565b90505f9291925260205f20905f915b81831061486557505090602061483b928201015f61482e565b602091935080600191548385890101520191019091849261484c565b90506020925061483b94915060ff191682840152151560051b8201015f61482e565b604051906148b082613ced565b5f6040838281528260208201520152565b906148ca614777565b9160018060a01b0316805f5260146020526001600160581b0360405f2060ff604051916148f683613ced565b549160018060a01b03831680825260406020830192848660a01c168452019360a81c8452875251166020860152825f52601560205261493760405f20614803565b6040860152511660608401525f52601660205260405f2080549061495a82613fe7565b906149686040519283613d90565b828252601f1961497784613fe7565b015f5b818110614a03575050608085019182525f5b8381106149995750505050565b806149fc816149ad61385c60019587614060565b60ff815116906001600160581b0360406001600160401b036020840151169201511690604051926149dd84613ced565b8352602083015260408201528651906149f68383614075565b52614075565b500161498c565b602090614a0e6148a3565b8282870101520161497a565b15614a2157565b60405162461bcd60e51b815260206004820152601160248201527042616c616e636520746f6f206c6172676560781b6044820152606490fd5b81810292918115918404141715610dca57565b6001600160a01b03908116907f0000000000000000000000000000000000000000000000000000000000000000168114614ab6575f52601160205263ffffffff60405f20541690565b5063ffffffff5f541690565b8015610dca575f190190565b614ad66148a3565b506001600160a01b03165f9081526016602052604090208054805b614b0457505050614b006148a3565b5f91565b5f198101818111610dca5761385c614b1c9184614060565b836001600160401b0360208301511610614b405750614b3a90614ac2565b80614af1565b939250505060019190565b5f9190829081805b6005811015614bac576001600160401b0360038202600101541680151580614ba2575b80614b99575b614b8a575b50600101614b53565b60019650935090508085614b81565b50848111614b7c565b5083811115614b76565b5092915050565b604090613e1d939281528160208201520190613f2c565b614bd261525d565b80515f52601a60205260405f20614be88161443d565b614bfb600160ff60208401511614614482565b60208301515f52601060205260405f2091614c236001600160401b0360e086015116846157af565b91614c3a63ffffffff608085015116865190615368565b9160405194614c4886613d5a565b60018201548652805460208701526001600160401b03614c6d816040860151166144ce565b165f526003820160205260405f20546040870152604087019485516060880152614d52606089019788516080820152614d4c6001600160401b036020850151166001600160401b0360e08d01511660a08d0151908d60c060018060a01b0391015116928551956020810151906040810151608060608301519201519260405199600160c51b60208c015260288b0152600160c51b60488b015260508a0152600160c51b60708a01526078890152600160c51b609889015260a0880152600160c51b60c088015260c887015260c88652614d4760e887613d90565b615e44565b90615c6c565b6020815191012094614d83614d6e6101008b01978851906154fb565b82516001600160a01b0391821691161461450c565b8751835560c08901516001600160a01b031615614f5f5790614db4916001600160401b0360208301511691846159e9565b614dbd87615caa565b15614f0b57505b83515f9281614e80575b50505090614e7b91614e608660207f4bd41c1b1fe5d4fab28fe14a580082e19937fe7f97068b2bd8424abe636220a9980151955196519281516001600160401b0360e0840151169060a08401519360c060018060a01b03910151169651956040519a8b9a8b5260208b015260408a01526060890152608088015260a087015261014060c0870152610140860190613f2c565b9160e085015233610100850152838203610120850152613f2c565b0390a1565b600191929493506040816001600160401b0382819401511694855f5260038801602052825f2055015116016001600160401b038111610dca57835467ffffffffffffffff60a81b191660a89190911b67ffffffffffffffff60a81b16179092559080614e607f4bd41c1b1fe5d4fab28fe14a580082e19937fe7f97068b2bd8424abe636220a9614dce565b600101805460ff60e81b1916600160ea1b179055505060209093015192516040517fb4aea73bd8d22347d99fea0a634fccfed5e23aec848d852b7951161f1ee85f0f94909350839250614e7b919083614bb3565b614f7892916001600160401b0360e08b015116926159e9565b614dc4565b614f8561525d565b6020810180515f52601a602052614fa660ff60405f205460a01c16156147a1565b80515f52601060205260405f2060e0830192614fcc6001600160401b0385511683615672565b90614fe363ffffffff608084015116855190615368565b908354606082019485519385604085019961506e8b5195614d4c60208501996001600160401b038b51166001600160401b0386511660a08c01519160c08d019b60018060a01b038d51169460405197600160c51b60208a01526028890152600160c51b60488901526050880152600160c51b6070880152607887015260788652614d47609887613d90565b602081519101209461508a612f8f6101008901978851906154fb565b516001600160a01b03161561523f5750506001600160401b036150b49293949551169086846159e9565b6150bd83615caa565b156151ef5750506080905b84515f52601a60205263ffffffff60405f209351165f52601260205260018060a01b0360405f2054165f606060405161510081613d24565b838152600160208083018290526040808401839052939092019390935286546001600160a81b036001600160a81b03199091166001600160a01b0390951694909417600160a01b1793909316600160a81b1786558651918601919091559290910151600284015585515f80805260039094019091529120558151601b5490939092600160401b841015611542577f696a24a4e9187ea71b374178e4c33d07aabcafd87013f7d48010104de5f73158946151c185600160609701601b55614048565b819291549060031b91821b915f19901b191617905551915190519060405192835260208301526040820152a1565b600101805460ff60e81b1916600160ea1b179055935193516040517fb4aea73bd8d22347d99fea0a634fccfed5e23aec848d852b7951161f1ee85f0f965094859450614e7b935090915083614bb3565b516080965061525894506001600160401b0316926159e9565b6150c8565b7f97de3d826eec398f523d08c75314484bebafc53c6bfba3ad96ca4de4bf0a71965c61528557565b60405162461bcd60e51b815260206004820152601e60248201527f5265656e7472616e742063616c6c2066726f6d20612063616c6c6261636b00006044820152606490fd5b5f5b6005811015615323576152e460038202600101614616565b6001600160401b03815116838115159182615319575b505061530957506001016152cc565b6020015163ffffffff1692915050565b149050835f6152fa565b60405162461bcd60e51b815260206004820181905260248201527f5461736b27732065706f6368206973206e6f206c6f6e6765722073746f7265646044820152606490fd5b63ffffffff906153766148a3565b50166005810660058110156106f7576003029061539582600101614616565b906001600160401b03825116151590816154e7575b501561532357604081019263ffffffff845116156154a257826153ee9160026001600160801b03606063ffffffff60036153f5990199511696015116920154615bc9565b9083615c10565b5f5260205260018060a01b0360405f20541690335f52601460205260405f20916040519261542284613ced565b546001600160a01b03811680855260a082901c60ff16602086015260a89190911c60408501520361544f57565b60405162461bcd60e51b815260206004820152602560248201527f4e6f74207468652073656c656374656420776f726b657220666f722074686973604482015264207461736b60d81b6064820152608490fd5b60405162461bcd60e51b815260206004820152601e60248201527f4e6f20776f726b65727320696e20746865207461736b27732065706f636800006044820152606490fd5b905063ffffffff602083015116145f6153aa565b604182510361559157602082015190606060408401519301515f1a90601b821061557f575b7f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a08411615577576020935f9360ff60809460405194855216868401526040830152606082015282805260015afa156103e9575f5190565b505050505f90565b90601b0160ff8111610dca5790615520565b50505f90565b61559f614684565b9060058110156106f7576003029160406155bb84600101614616565b6001600160401b0381511684526002850154606085015201916155e463ffffffff845116613ffe565b91602082019283526155fc63ffffffff855116613ffe565b91604081019283525f9160035f9701925b63ffffffff87511688101561566857600163ffffffff91895f528560205261565260405f2054918260a01c92848060a01b031661564b8d8c51614075565b528261434a565b61565d8b8951614075565b52980197905061560d565b5094509450505050565b60016156b3919392935f60c060405161568a81613d75565b8281528260208201528260408201528260608201528260808201528260a08201520152016145a2565b91600160ff60a0850151160361577457600160ff60c0850151160361572f576001600160401b03806020850151169116116156ea57565b60405162461bcd60e51b815260206004820152601a60248201527f546f6f206d75636820676173207573656420666f72207461736b0000000000006044820152606490fd5b60405162461bcd60e51b815260206004820152601e60248201527f57726f6e67206b696e64206f66207461736b20666f72207265636569707400006044820152606490fd5b60405162461bcd60e51b8152602060048201526013602482015272496e76616c6964207461736b2073746174757360681b6044820152606490fd5b60016157c7919392935f60c060405161568a81613d75565b91600160ff60a085015116036157745760ff60c08401511661572f576001600160401b03806020850151169116116156ea57565b6001600160401b0361597e6159889493956001839460408701966001600160581b03885116976001600160581b0361584660408d019a6158408a8d51168b8a16614a5a565b90614430565b61585282821115614a1a565b168152335f90815260146020908152604090912083518154949092015160ff60a01b60a091821b166001600160a81b03199095169087901b87900390921660ff60a01b19169190911792909217825551815460a885811b86900390911691901b6001600160a81b031916179055600360a08a01528851910180546020808b01516001600160601b031990921663ffffffff94909416939093179086169283901b67ffffffffffffffff60201b161781558651815460608b81015160808d015160c08e015160ff60f01b1960ff60e81b19968c1690941b95909516600160601b600160f01b03199094169390931760a09190911b64ffffffffff60a01b161760c89290921b63ffffffff60c81b1691909117600360e81b171660f09190911b60ff60f01b161790556144ec565b1691511690614a5a565b9081615992575050565b63ffffffff9051165f52601260205260018060a01b0360405f2054165f5260116020526001600160801b0360405f2091166001600160801b03825460401c16016001600160801b038111610dca5761483b9161457c565b6001600160401b0361597e6159889493956001839460408701966001600160581b03885116976001600160581b03615a2e60408d019a6158408a8d51168b8a16614a5a565b615a3a82821115614a1a565b168152335f90815260146020908152604090912083518154949092015160ff60a01b60a091821b166001600160a81b03199095169087901b87900390921660ff60a01b19169190911792909217825551815460a885811b86900390911691901b6001600160a81b031916179055600260a08a01528851910180546020808b01516001600160601b031990921663ffffffff94909416939093179086169283901b67ffffffffffffffff60201b161781558651815460608b81015160808d015160c08e015160ff60f01b1960ff60e81b19968c1690941b95909516600160601b600160f01b03199094169390931760a09190911b64ffffffffff60a01b161760c89290921b63ffffffff60c81b1691909117600160e91b171660f09190911b60ff60f01b161790556144ec565b15615b6d57565b60405162461bcd60e51b815260206004820152601960248201527f57726f6e672065706f636820666f722074686973207461736b000000000000006044820152606490fd5b63ffffffff1663ffffffff8114610dca5760010190565b90604051906020820192835260408201525f606082015260608152615bef608082613d90565b5190208115615bfc570690565b634e487b7160e01b5f52601260045260245ffd5b5f939290915f198101908111610dca575b808510615c2d57505050565b615c378186614430565b60011c90815f52836020528260405f205460a01c10155f14615c595750615c21565b945060018101809111610dca5793615c21565b61483b906020808095946040519684889551918291018487015e8401908282015f8152815193849201905e01015f815203601f198101845283613d90565b7f00000000000000000000000000000000000000000000000000000000000000005a615cd9603f830483614430565b9061ea608201809211610dca5710615dee57615d5f60209160017f97de3d826eec398f523d08c75314484bebafc53c6bfba3ad96ca4de4bf0a71965d60c084015160a085015185519585015160405163eeeb1fcf60e01b81526001600160a01b039093166004840152608060248401529195869485935f93859392906084850190613f2c565b6044840192909252606483015203927f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031690f19081156103e9575f91615dcf575b50905f7f97de3d826eec398f523d08c75314484bebafc53c6bfba3ad96ca4de4bf0a71965d565b615de8915060203d6020116103e2576103d48183613d90565b5f615da8565b60405162461bcd60e51b815260206004820152602860248201527f4e6f7420656e6f7567682067617320666f722074686520457468657265756d2060448201526763616c6c6261636b60c01b6064820152608490fd5b604890602592946020613e1d958051604051988995600160c31b858801526001600160401b0360c01b9060c01b166028870152600160c31b60308701526001600160401b0360c01b9060c01b1660388601526001600160401b0360c01b9060c01b1660408501528051918291018585015e600560c21b9083018481019190915260609190911b6001600160601b0319166050820152600160c01b6064820152600160f81b606c82015203016005810184520182613d905660e03461011957601f61058d38819003918201601f19168301916001600160401b0383118484101761011d578084926040948552833981010312610119578051906001600160a01b03821682036101195760200151906152088210158061010c575b156100b5573360805260a05260c05260405161045b908161013282396080518181816101a9015261028d015260a05181818160730152610366015260c051818181610140015281816101ef01526102c20152f35b60405162461bcd60e51b815260206004820152602960248201527f43616c6c6261636b20676173206d7573742062652032312c30303020746f20316044820152680302c3030302c3030360bc1b6064820152608490fd5b5062989680821115610061565b5f80fd5b634e487b7160e01b5f52604160045260245ffdfe6080806040526004361015610012575f80fd5b5f3560e01c908163938b5f321461021257508063a10132ad146101d8578063b24fd5c514610194578063be5d82ea1461012b578063eeeb1fcf146100a65763fc0c546a1461005e575f80fd5b346100a2575f3660031901126100a2576040517f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03168152602090f35b5f80fd5b346100a25760803660031901126100a2576004356001600160a01b03811681036100a2576024359067ffffffffffffffff82116100a257366023830112156100a25781600401359067ffffffffffffffff82116100a25736602483850101116100a2576020926101219260643592602460443593019061028b565b6040519015158152f35b346100a2575f3660031901126100a2576101697f0000000000000000000000000000000000000000000000000000000000000000603f81049061027e565b619c40810180911161018057602090604051908152f35b634e487b7160e01b5f52601160045260245ffd5b346100a2575f3660031901126100a2576040517f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03168152602090f35b346100a2575f3660031901126100a25760206040517f00000000000000000000000000000000000000000000000000000000000000008152f35b346100a2575f3660031901126100a25760015c1561023c57604080515f5c815260015c6020820152f35b62461bcd60e51b815260206004820152601760248201527f4e6f2063616c6c6261636b20696e2070726f67726573730000000000000000006044820152606490fd5b9190820180921161018057565b7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031694939033869003610402577f0000000000000000000000000000000000000000000000000000000000000000955a6102f0603f89048961027e565b90614e2082018092116101805710610397576001600160a01b038216908114908115610364575b811561035a575b508015610351575b610347575f9586958693845d60015d84604051948537f1905f805d5f60015d565b5050505050505f90565b50803b15610326565b905030145f61031e565b7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031681149150610317565b60405162461bcd60e51b815260206004820152603f60248201527f4e6f7420656e6f7567682067617320666f72207468652063616c6c6261636b3a60448201527f2073656e642074686520726563656970742077697468206d6f726520676173006064820152608490fd5b60405162461bcd60e51b815260206004820152602b60248201527f4f6e6c792074686520456e69676d6120636f6e747261637420666f727761726460448201526a732063616c6c6261636b7360a81b6064820152608490fd",
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
// Solidity: constructor(address _tokenAddress, address _principal, uint256 _epochSize, uint256 _timeoutThreshold, address _attestation, uint256 _callbackGas, uint256 _stakingThreshold) returns()
func (enigma *Enigma) PackConstructor(_tokenAddress common.Address, _principal common.Address, _epochSize *big.Int, _timeoutThreshold *big.Int, _attestation common.Address, _callbackGas *big.Int, _stakingThreshold *big.Int) []byte {
	enc, err := enigma.abi.Pack("", _tokenAddress, _principal, _epochSize, _timeoutThreshold, _attestation, _callbackGas, _stakingThreshold)
	if err != nil {
		panic(err)
	}
	return enc
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

// PackGetAttestationVerifier is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0f208063.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getAttestationVerifier() view returns(address)
func (enigma *Enigma) PackGetAttestationVerifier() []byte {
	enc, err := enigma.abi.Pack("getAttestationVerifier")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetAttestationVerifier is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0f208063.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getAttestationVerifier() view returns(address)
func (enigma *Enigma) TryPackGetAttestationVerifier() ([]byte, error) {
	return enigma.abi.Pack("getAttestationVerifier")
}

// UnpackGetAttestationVerifier is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0f208063.
//
// Solidity: function getAttestationVerifier() view returns(address)
func (enigma *Enigma) UnpackGetAttestationVerifier(data []byte) (common.Address, error) {
	out, err := enigma.abi.Unpack("getAttestationVerifier", data)
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

// PackGetCallbackForwarder is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x805e4ffc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getCallbackForwarder() view returns(address)
func (enigma *Enigma) PackGetCallbackForwarder() []byte {
	enc, err := enigma.abi.Pack("getCallbackForwarder")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetCallbackForwarder is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x805e4ffc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getCallbackForwarder() view returns(address)
func (enigma *Enigma) TryPackGetCallbackForwarder() ([]byte, error) {
	return enigma.abi.Pack("getCallbackForwarder")
}

// UnpackGetCallbackForwarder is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x805e4ffc.
//
// Solidity: function getCallbackForwarder() view returns(address)
func (enigma *Enigma) UnpackGetCallbackForwarder(data []byte) (common.Address, error) {
	out, err := enigma.abi.Unpack("getCallbackForwarder", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
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

// PackGetTaskInfo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4ad52e02.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getTaskInfo(bytes32 _taskId) view returns(bool deployment, uint256 epochFirstBlock)
func (enigma *Enigma) PackGetTaskInfo(taskId [32]byte) []byte {
	enc, err := enigma.abi.Pack("getTaskInfo", taskId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetTaskInfo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4ad52e02.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getTaskInfo(bytes32 _taskId) view returns(bool deployment, uint256 epochFirstBlock)
func (enigma *Enigma) TryPackGetTaskInfo(taskId [32]byte) ([]byte, error) {
	return enigma.abi.Pack("getTaskInfo", taskId)
}

// GetTaskInfoOutput serves as a container for the return parameters of contract
// method GetTaskInfo.
type GetTaskInfoOutput struct {
	Deployment      bool
	EpochFirstBlock *big.Int
}

// UnpackGetTaskInfo is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4ad52e02.
//
// Solidity: function getTaskInfo(bytes32 _taskId) view returns(bool deployment, uint256 epochFirstBlock)
func (enigma *Enigma) UnpackGetTaskInfo(data []byte) (GetTaskInfoOutput, error) {
	out, err := enigma.abi.Unpack("getTaskInfo", data)
	outstruct := new(GetTaskInfoOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Deployment = *abi.ConvertType(out[0], new(bool)).(*bool)
	outstruct.EpochFirstBlock = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	return *outstruct, nil
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

// PackGetUserUnlockBlock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x27e7f4ed.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getUserUnlockBlock(address _user) view returns(uint256)
func (enigma *Enigma) PackGetUserUnlockBlock(user common.Address) []byte {
	enc, err := enigma.abi.Pack("getUserUnlockBlock", user)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetUserUnlockBlock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x27e7f4ed.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getUserUnlockBlock(address _user) view returns(uint256)
func (enigma *Enigma) TryPackGetUserUnlockBlock(user common.Address) ([]byte, error) {
	return enigma.abi.Pack("getUserUnlockBlock", user)
}

// UnpackGetUserUnlockBlock is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x27e7f4ed.
//
// Solidity: function getUserUnlockBlock(address _user) view returns(uint256)
func (enigma *Enigma) UnpackGetUserUnlockBlock(data []byte) (*big.Int, error) {
	out, err := enigma.abi.Unpack("getUserUnlockBlock", data)
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

// PackRequestUserWithdrawal is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb826475d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function requestUserWithdrawal() returns()
func (enigma *Enigma) PackRequestUserWithdrawal() []byte {
	enc, err := enigma.abi.Pack("requestUserWithdrawal")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRequestUserWithdrawal is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb826475d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function requestUserWithdrawal() returns()
func (enigma *Enigma) TryPackRequestUserWithdrawal() ([]byte, error) {
	return enigma.abi.Pack("requestUserWithdrawal")
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

// EnigmaUserWithdrawalRequested represents a UserWithdrawalRequested event raised by the Enigma contract.
type EnigmaUserWithdrawalRequested struct {
	User        common.Address
	UnlockBlock *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const EnigmaUserWithdrawalRequestedEventName = "UserWithdrawalRequested"

// ContractEventName returns the user-defined event name.
func (EnigmaUserWithdrawalRequested) ContractEventName() string {
	return EnigmaUserWithdrawalRequestedEventName
}

// UnpackUserWithdrawalRequestedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event UserWithdrawalRequested(address indexed user, uint256 unlockBlock)
func (enigma *Enigma) UnpackUserWithdrawalRequestedEvent(log *types.Log) (*EnigmaUserWithdrawalRequested, error) {
	event := "UserWithdrawalRequested"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != enigma.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EnigmaUserWithdrawalRequested)
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
