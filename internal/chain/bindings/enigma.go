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
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_tokenAddress\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"_principal\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_epochSize\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_timeoutThreshold\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"_attestation\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_callbackGas\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_stakingThreshold\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"scAddr\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"batchIndex\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"taskCount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"newDeltaHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"worker\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"fees\",\"type\":\"uint256\"}],\"name\":\"BatchCommitted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"DepositSuccessful\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"custodian\",\"type\":\"address\"}],\"name\":\"LoggedIn\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"custodian\",\"type\":\"address\"}],\"name\":\"LoggedOut\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"sig\",\"type\":\"bytes\"}],\"name\":\"ReceiptFailed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"sig\",\"type\":\"bytes\"}],\"name\":\"ReceiptFailedETH\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"stateDeltaHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"outputHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"scAddr\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"gasUsed\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"deltaHashIndex\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"optionalEthereumData\",\"type\":\"bytes\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"optionalEthereumContractAddress\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"workerAddress\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"sig\",\"type\":\"bytes\"}],\"name\":\"ReceiptVerified\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"custodian\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"signer\",\"type\":\"address\"}],\"name\":\"Registered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"scAddr\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"codeHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"initStateDeltaHash\",\"type\":\"bytes32\"}],\"name\":\"SecretContractDeployed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"}],\"name\":\"TaskFeeReturned\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"taskId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"inputsHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"gasLimit\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"gasPx\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"blockNumber\",\"type\":\"uint256\"}],\"name\":\"TaskRecordCreated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"user\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"}],\"name\":\"UserBalanceChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"user\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"unlockBlock\",\"type\":\"uint256\"}],\"name\":\"UserWithdrawalRequested\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"WithdrawSuccessful\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"seed\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"firstBlockNumber\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"inclusionBlockNumber\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"address[]\",\"name\":\"workers\",\"type\":\"address[]\"},{\"indexed\":false,\"internalType\":\"uint256[]\",\"name\":\"stakes\",\"type\":\"uint256[]\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"nonce\",\"type\":\"uint256\"}],\"name\":\"WorkersParameterized\",\"type\":\"event\"},{\"inputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"scAddr\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"epochFirstBlock\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"batchIndex\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"prevDeltaHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"newDeltaHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"taskCount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"gasUsed\",\"type\":\"uint256\"}],\"internalType\":\"structEnigma.BatchHeader\",\"name\":\"_h\",\"type\":\"tuple\"},{\"internalType\":\"address[]\",\"name\":\"_users\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"_fees\",\"type\":\"uint256[]\"},{\"internalType\":\"bytes\",\"name\":\"_sig\",\"type\":\"bytes\"}],\"name\":\"commitBatch\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_scAddr\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"_taskId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"_stateDeltaHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"_outputHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"_optionalEthereumData\",\"type\":\"bytes\"},{\"internalType\":\"address\",\"name\":\"_optionalEthereumContractAddress\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"_gasUsed\",\"type\":\"uint64\"},{\"internalType\":\"bytes\",\"name\":\"_sig\",\"type\":\"bytes\"}],\"name\":\"commitReceipt\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_scAddr\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"_taskId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"_outputHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"_gasUsed\",\"type\":\"uint64\"},{\"internalType\":\"bytes\",\"name\":\"_sig\",\"type\":\"bytes\"}],\"name\":\"commitTaskFailure\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_scAddr\",\"type\":\"bytes32\"}],\"name\":\"countBatches\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"countSecretContracts\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_scAddr\",\"type\":\"bytes32\"}],\"name\":\"countStateDeltas\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_inputsHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"_gasLimit\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"_gasPx\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"_firstBlockNumber\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_nonce\",\"type\":\"uint256\"}],\"name\":\"createDeploymentTaskRecord\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_inputsHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"_gasLimit\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"_gasPx\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"_firstBlockNumber\",\"type\":\"uint256\"}],\"name\":\"createTaskRecord\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_taskId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"_preCodeHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"_codeHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"_initStateDeltaHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"_optionalEthereumData\",\"type\":\"bytes\"},{\"internalType\":\"address\",\"name\":\"_optionalEthereumContractAddress\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"_gasUsed\",\"type\":\"uint64\"},{\"internalType\":\"bytes\",\"name\":\"_sig\",\"type\":\"bytes\"}],\"name\":\"deploySecretContract\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_taskId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"_codeHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"_gasUsed\",\"type\":\"uint64\"},{\"internalType\":\"bytes\",\"name\":\"_sig\",\"type\":\"bytes\"}],\"name\":\"deploySecretContractFailure\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_custodian\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_amount\",\"type\":\"uint256\"}],\"name\":\"deposit\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_amount\",\"type\":\"uint256\"}],\"name\":\"depositUserBalance\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_blockNumber\",\"type\":\"uint256\"}],\"name\":\"getActiveWorkers\",\"outputs\":[{\"internalType\":\"address[]\",\"name\":\"\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"\",\"type\":\"uint256[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getAllSecretContractAddresses\",\"outputs\":[{\"internalType\":\"bytes32[]\",\"name\":\"\",\"type\":\"bytes32[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getAttestationVerifier\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_scAddr\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"_batchIndex\",\"type\":\"uint256\"}],\"name\":\"getBatchRoot\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getCallbackForwarder\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getEpochSize\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getEpochState\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"count\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"firstBlock\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_blockNumber\",\"type\":\"uint256\"}],\"name\":\"getFirstBlockNumber\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getPrincipal\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_custodian\",\"type\":\"address\"}],\"name\":\"getReport\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_scAddr\",\"type\":\"bytes32\"}],\"name\":\"getSecretContract\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"preCodeHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"codeHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32[]\",\"name\":\"stateDeltaHashes\",\"type\":\"bytes32[]\"},{\"internalType\":\"uint8\",\"name\":\"status\",\"type\":\"uint8\"}],\"internalType\":\"structEnigma.SecretContract\",\"name\":\"c\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_start\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_stop\",\"type\":\"uint256\"}],\"name\":\"getSecretContractAddresses\",\"outputs\":[{\"internalType\":\"bytes32[]\",\"name\":\"out\",\"type\":\"bytes32[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getSigningAddress\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_scAddr\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"_index\",\"type\":\"uint256\"}],\"name\":\"getStateDeltaHash\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_taskId\",\"type\":\"bytes32\"}],\"name\":\"getTaskRecord\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"inputsHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"outputHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"gasLimit\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"gasPx\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"blockNumber\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"status\",\"type\":\"uint8\"},{\"internalType\":\"bytes\",\"name\":\"proof\",\"type\":\"bytes\"}],\"internalType\":\"structEnigma.TaskRecord\",\"name\":\"r\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getTaskTimeoutSize\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getToken\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_user\",\"type\":\"address\"}],\"name\":\"getUserBalance\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_sender\",\"type\":\"address\"}],\"name\":\"getUserTaskDeployments\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_user\",\"type\":\"address\"}],\"name\":\"getUserUnlockBlock\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_worker\",\"type\":\"address\"}],\"name\":\"getWorker\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"signer\",\"type\":\"address\"},{\"internalType\":\"uint8\",\"name\":\"status\",\"type\":\"uint8\"},{\"internalType\":\"bytes\",\"name\":\"report\",\"type\":\"bytes\"},{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"uint8\",\"name\":\"workerEventType\",\"type\":\"uint8\"},{\"internalType\":\"uint256\",\"name\":\"blockNumber\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"}],\"internalType\":\"structEnigma.WorkerLog[]\",\"name\":\"workerLogs\",\"type\":\"tuple[]\"}],\"internalType\":\"structEnigma.Worker\",\"name\":\"wk\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_signer\",\"type\":\"address\"}],\"name\":\"getWorkerFromSigningAddress\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"signer\",\"type\":\"address\"},{\"internalType\":\"uint8\",\"name\":\"status\",\"type\":\"uint8\"},{\"internalType\":\"bytes\",\"name\":\"report\",\"type\":\"bytes\"},{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"uint8\",\"name\":\"workerEventType\",\"type\":\"uint8\"},{\"internalType\":\"uint256\",\"name\":\"blockNumber\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"}],\"internalType\":\"structEnigma.WorkerLog[]\",\"name\":\"workerLogs\",\"type\":\"tuple[]\"}],\"internalType\":\"structEnigma.Worker\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_blockNumber\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"_scAddr\",\"type\":\"bytes32\"}],\"name\":\"getWorkerGroup\",\"outputs\":[{\"internalType\":\"address[]\",\"name\":\"group\",\"type\":\"address[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_blockNumber\",\"type\":\"uint256\"}],\"name\":\"getWorkerParams\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"},{\"internalType\":\"address[]\",\"name\":\"\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"\",\"type\":\"uint256[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getWorkersParams\",\"outputs\":[{\"components\":[{\"internalType\":\"uint256\",\"name\":\"firstBlockNumber\",\"type\":\"uint256\"},{\"internalType\":\"address[]\",\"name\":\"workers\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"stakes\",\"type\":\"uint256[]\"},{\"internalType\":\"uint256\",\"name\":\"seed\",\"type\":\"uint256\"}],\"internalType\":\"structEnigma.WorkersParams[5]\",\"name\":\"all\",\"type\":\"tuple[5]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_taskId\",\"type\":\"bytes32\"}],\"name\":\"isDeploymentTask\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"login\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"logout\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_signer\",\"type\":\"address\"},{\"internalType\":\"bytes\",\"name\":\"_report\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"_signature\",\"type\":\"bytes\"}],\"name\":\"register\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"requestUserWithdrawal\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_taskId\",\"type\":\"bytes32\"}],\"name\":\"returnFeesForTask\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_blockNumber\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_seed\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"_sig\",\"type\":\"bytes\"}],\"name\":\"setWorkersParams\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_scAddr\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"_batchIndex\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"_taskId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"_inputsHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"_outputHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"_deltaHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"_gasUsed\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"_fee\",\"type\":\"uint256\"},{\"internalType\":\"bytes32[]\",\"name\":\"_proof\",\"type\":\"bytes32[]\"}],\"name\":\"verifyBatchedTask\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"_data\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"_signature\",\"type\":\"bytes\"}],\"name\":\"verifyReport\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_amount\",\"type\":\"uint256\"}],\"name\":\"withdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_amount\",\"type\":\"uint256\"}],\"name\":\"withdrawUserBalance\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "Enigma",
	Bin: "0x610180806040523461029d5760e08161693f80380380916100208285610435565b83398101031261029d5761003381610458565b9061004060208201610458565b604082015160608301519261005760808201610458565b60a082015160c090920151956001600160a01b03169081151580610423575b156103df576001600160a01b0316801561038e5783156103495785159485158061033f575b156102c857608083905260a05260c0526040519161058d90818401906001600160401b038211858310176102b45760409385936163b28539825260208201520301905ff080156102a95760e0819052604051635f2ec17560e11b815290602090829060049082906001600160a01b03165afa9081156102a9575f91610273575b5061010052806101205280830292830414171561025f5761014052801561020b5761016052604051615f45908161046d82396080518181816103b20152818161061601528181610c46015281816116c5015281816133d8015281816136730152613913015260a05181818161180701528181611ecf0152818161278c0152818161413b0152614acd015260c0518181816112a001528181611e940152613b1c015260e051818181611d980152615db901526101005181615cf50152610120518181816106ba0152612bba0152610140518181816103090152818161118501526125870152610160518161137c0152f35b60405162461bcd60e51b815260206004820152602660248201527f546865207374616b696e67207468726573686f6c64206d75737420626520706f60448201526573697469766560d01b6064820152608490fd5b634e487b7160e01b5f52601160045260245ffd5b90506020813d6020116102a1575b8161028e60209383610435565b8101031261029d57515f61011b565b5f80fd5b3d9150610281565b6040513d5f823e3d90fd5b634e487b7160e01b5f52604160045260245ffd5b60405162461bcd60e51b815260206004820152604360248201527f546865207461736b2074696d656f7574206d757374206265203120746f20342060448201527f65706f6368733a2074686520636f6e7472616374206b6565707320352065706f60648201526263687360e81b608482015260a490fd5b506005871061009b565b60405162461bcd60e51b815260206004820152601b60248201527f45706f63682073697a65206d75737420626520706f73697469766500000000006044820152606490fd5b60405162461bcd60e51b815260206004820152602360248201527f416e206174746573746174696f6e2076657269666965722069732072657175696044820152621c995960ea1b6064820152608490fd5b606460405162461bcd60e51b815260206004820152602060248201527f546f6b656e20616e64207072696e636970616c206172652072657175697265646044820152fd5b506001600160a01b0385161515610076565b601f909101601f19168101906001600160401b038211908210176102b457604052565b51906001600160a01b038216820361029d5756fe6080806040526004361015610012575f80fd5b5f3560e01c90816306e91b1e14613b4b575080630f20806314613b0757806316f9a2a414613ac05780631d40ff0b14613a8a5780631f3c99c31461394257806321df0da7146138fe57806327e7f4ed146138c357806328aa1aaa146138365780632e1a7d4d14613552578063365a2cb3146134e85780633e03ea0a146134bb578063477348921461347757806347e7ef24146132ae57806348cc3761146132435780634aa55c8f14612c2c57806350946a9f14612664578063550baa2f146125dc5780635b1a065b146125aa5780635f25f8501461257057806370266a471461241157806375bbf75b146123f45780637624281e146122c9578063786cd4d714611dc7578063805e4ffc14611d835780638e055b8b14611ca75780638ed0573714611afe5780639836ca3114611aab5780639b09e7a714611a78578063a0c3998214611a16578063a153ec60146118d8578063a3bdae3e14611836578063a69bdf16146117f2578063abc3cf051461159d578063b34e97e814611315578063b5c149921461120d578063b826475d14611164578063ba25268814610ee0578063c011b1c314610ea4578063c41bfb0314610e6e578063c652b91914610917578063ca2af5f214610779578063cbbc061d1461070c578063d855a579146106dd578063df4da461146106a3578063ec6405f2146104e9578063ee6dcef9146102b5578063f9a9b7ae1461028a5763fc8f3a941461022c575f80fd5b34610286576020366003190112610286576004355f5260106020526020610258600160405f20016146ef565b60ff60a08201511615159081610274575b506040519015158152f35b60c0015160ff1660011490505f610269565b5f80fd5b346102865760203660031901126102865760206102ad6102a8613db2565b614abf565b604051908152f35b3461028657602036600319011261028657600435805f526010602052600160405f2001906102e2826146ef565b91600160ff60a085015116036104ae5761030764ffffffffff606085015116436143df565b7f00000000000000000000000000000000000000000000000000000000000000001015610459576103ad92602091600560e81b60ff60e81b1982541617905563ffffffff8151165f526012825261037f60018060a01b0360405f205416916001600160401b0360408186840151169201511690614aac565b60405163a9059cbb60e01b81526001600160a01b039092166004830152602482015292839081906044820190565b03815f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03165af190811561044e576104186020927f8f86891ac4edccb13a0629ba04c2b3c434909504438dda249003b4fd85752d1f945f91610421575b5061443f565b604051908152a1005b6104419150843d8611610447575b6104398183613e81565b810190614427565b85610412565b503d61042f565b6040513d5f823e3d90fd5b60405162461bcd60e51b815260206004820152602760248201527f5461736b2074696d656f75742077696e646f7720686173206e6f7420656c61706044820152661cd959081e595d60ca1b6064820152608490fd5b60405162461bcd60e51b81526020600482015260136024820152725461736b206973206e6f742077616974696e6760681b6044820152606490fd5b3461028657602036600319011261028657600435335f526011602052610611602060405f20926105e46040519461051f86613e15565b549463ffffffff861681526001600160401b038482019663ffffffff81871c1688526105c46001600160801b03808360401c1661056d886040880192808452606089019660c01c87526144c5565b9a61057a838d1115614a6c565b8b83168252858552335f90815260118b526040902096518754915167ffffffffffffffff1990921663ffffffff9190911617908a1b67ffffffff0000000016178655511684614611565b5182546001600160c01b0316911660c01b6001600160c01b031916179055565b6040516323b872dd60e01b8152336004820152306024820152604481019190915291829081906064820190565b03815f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03165af1801561044e57610656915f91610684575061443f565b6040519081527fa765b0c8dc1d55637fa50a567f25577d20fcc843de6e7a1bfcfd04304e07be9160203392a2005b61069d915060203d602011610447576104398183613e81565b83610412565b34610286575f3660031901126102865760206040517f00000000000000000000000000000000000000000000000000000000000000008152f35b34610286575f36600319011261028657335f526014602052602060018060a01b0360405f205416604051908152f35b3461028657602036600319011261028657610728600435614b9d565b901561077057600581101561075c576001600160401b0360036020920260010154165b6001600160401b0360405191168152f35b634e487b7160e01b5f52603260045260245ffd5b5060205f61074b565b346102865760a0366003190112610286576064356004356024356001600160401b0383168303610286576084356001600160401b038111610286577fb6fea360017e3af252ed4596a124395e73b6a74663655ec09faab58171302454936109066107ea610912933690600401613f94565b9290956107f56152af565b805f52601a60205260405f2090610815600160ff845460a01c1614614517565b865f52601060205260405f206108fc6108e76108456108348785615844565b9463ffffffff6080870151166153fd565b94600184549101546020860151604051916020830193600160c51b85526028840152600160c51b60488401526050830152600160c31b60708301526001600160401b0360c01b9060c01b166078820152600160c31b60808201526001600160401b0360c01b8860c01b166088820152600160c01b60908201525f6098820152607981526108d3609982613e81565b5190206108e1368a8e613ebd565b90615590565b84516001600160a01b039182169116146145a1565b6044358155615890565b6040519384938461483e565b0390a1005b346102865760a036600319011261028657600435610933613cfd565b61093b613ce7565b91335f52601160205260843563ffffffff60405f20541603610e0c5761095f614637565b9063ffffffff825116151580610df4575b15610daf57335f52601160205260405f206040519061098e82613e15565b549063ffffffff8216815263ffffffff8260201c16946001600160401b03602083019187835260408401976001600160801b038660401c168952606085019560c01c865215610d66575b16966001600160401b03811695610ac46109f2888b614aac565b946001600160401b0387511643105f14610d35576001600160401b035f975b6001600160801b03610a298d82808d169151166145f1565b168c526105c46001600160801b0363ffffffff85511660405160208101913360601b8352603482015260348152610a61605482613e81565b5190209d63ffffffff610a7681885116615bfb565b168652335f52601160205263ffffffff8060405f209751161663ffffffff19875416178655895167ffffffff0000000087549160201b169067ffffffff000000001916178655511684614611565b875f52601060205260405f20600181019360ff855460e81c16610cfa578763ffffffff925551169063ffffffff5f19915116019063ffffffff8211610ce65763ffffffff90600160c0604051610b1981613e66565b8381528d60208201528b604082015264ffffffffff4316606082015284861660808201528260a082015201521663ffffffff19845416178355610b7f89849067ffffffffffffffff60201b82549160201b169067ffffffffffffffff60201b1916179055565b825460ff60f01b19600160601b600160f01b031990911660609390931b67ffffffffffffffff60601b16929092174360a01b64ffffffffff60a01b161760c89190911b63ffffffff60c81b1617600160e81b1716600160f01b179055818111610c2e575b7f72d426446fed2276ff12e6c401fde2011fde45faa59b7b8d052c2384c682851d60c0868689876040519384526020840152604083015260608201523360808201524360a0820152a1005b6105e4610c4192602092969594966143df565b03815f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03165af190811561044e575f91610cc7575b5015610c8d5790918480610be3565b60405162461bcd60e51b8152602060048201526012602482015271151c985b9cd9995c881b9bdd081d985b1a5960721b6044820152606490fd5b610ce0915060203d602011610447576104398183613e81565b85610c7e565b634e487b7160e01b5f52601160045260245ffd5b60405162461bcd60e51b81526020600482015260136024820152725461736b20616c72656164792065786973747360681b6044820152606490fd5b89516001600160801b0316808711610d5857506001600160401b03865b97610a11565b6001600160401b0390610d52565b60135463ffffffff610d79818316615bfb565b63ffffffff1990921691169081176013558084525f90815260126020526040902080546001600160a01b031916331790556109d8565b60405162461bcd60e51b815260206004820152601960248201527f57726f6e672065706f636820666f722074686973207461736b000000000000006044820152606490fd5b506001600160401b0360208301511660643514610970565b60405162461bcd60e51b815260206004820152603460248201527f496e636f7272656374206e6f6e6365207969656c64696e67206261642073656360448201527372657420636f6e7472616374206164647265737360601b6064820152608490fd5b34610286576020366003190112610286576004355f52601a60205260206001600160401b0360405f205460a81c16604051908152f35b3461028657602036600319011261028657610edc610ec8610ec3613db2565b614913565b604051918291602083526020830190613fe5565b0390f35b3461028657608036600319011261028657600435610efc613cfd565b610f04613ce7565b91610f0d614637565b9063ffffffff82511615158061114c575b15610daf57335f52601160205260405f2060405190610f3c82613e15565b549063ffffffff8216815263ffffffff8260201c16946001600160401b03602083019187835260408401976001600160801b038660401c168952606085019560c01c865215611103575b16966001600160401b03811695610fa06109f2888b614aac565b875f52601060205260405f20600181019360ff855460e81c16610cfa578763ffffffff925551169063ffffffff5f19915116019063ffffffff8211610ce65763ffffffff905f60c0604051610ff481613e66565b8381528d60208201528b604082015264ffffffffff431660608201528486166080820152600160a082015201521663ffffffff1984541617835561105b89849067ffffffffffffffff60201b82549160201b169067ffffffffffffffff60201b1916179055565b825460ff60f01b19600160601b600160f01b031990911660609390931b67ffffffffffffffff60601b16929092174360a01b64ffffffffff60a01b161760c89190911b63ffffffff60c81b1617600160e81b17169055818111610c2e577f72d426446fed2276ff12e6c401fde2011fde45faa59b7b8d052c2384c682851d60c0868689876040519384526020840152604083015260608201523360808201524360a0820152a1005b60135463ffffffff611116818316615bfb565b63ffffffff1990921691169081176013558084525f90815260126020526040902080546001600160a01b03191633179055610f86565b506001600160401b0360208301511660643514610f1e565b34610286575f36600319011261028657335f52601160205260405f206111aa7f0000000000000000000000000000000000000000000000000000000000000000436144c5565b815460c01c81106111e9575b505460c01c6040519081527fbb24ce2d8540c1e2b833fa394a46419c788cac36a4dd915471900f73c996255760203392a2005b81546001600160c01b031660c09190911b6001600160c01b031916178155816111b6565b34610286576040366003190112610286576004356001600160401b0381116102865761123d903690600401613f94565b90602435906001600160401b0382116102865761128a9261129c6112676020943690600401613f94565b60405196879586956354fc87c760e01b8752604060048801526044870191614697565b84810360031901602486015291614697565b03817f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03165afa90811561044e575f916112f6575b50156112ed5760205f5b60ff60405191168152f35b602060016112e2565b61130f915060203d602011610447576104398183613e81565b816112d8565b34610286575f36600319011261028657335f52601460205260405f206040519061133e82613dde565b5460018060a01b038116825260ff8160a01c169161136f60026020830194808652604084019460a81c855214614383565b6001600160581b038251167f00000000000000000000000000000000000000000000000000000000000000001161154d57335f52601960205260405f205415611487575b60018352335f9081526014602052604090209051815493516001600160a81b03199094166001600160a01b03919091161760a09390931b60ff60a01b16929092178255611460915b815181546001600160a81b031660a89190911b6001600160a81b031916179055335f90815260166020526040908190209151905191906001600160581b031661144383613dde565b600183526001600160401b034316602084015260408301526142f5565b337f0a581ae4192c44a0074ccc9c655d264ea6a838e99ca8dfc8ca439aee62cb51835f80a2005b6018549261010084101561150857600160401b8410156114f45760ff6113fb916114db6114bd87600161146099016018556140c5565b81546001600160a01b0360039290921b91821b19163390911b179055565b601854335f52601960205260405f2055945050506113b3565b634e487b7160e01b5f52604160045260245ffd5b60405162461bcd60e51b815260206004820152601d60248201527f546f6f206d616e792061637469766520776f726b6572732028323536290000006044820152606490fd5b60405162461bcd60e51b815260206004820152602260248201527f576f726b657227732062616c616e6365206973206e6f742073756666696369656044820152611b9d60f21b6064820152608490fd5b3461028657602036600319011261028657600435335f52601160205260405f2090604051916115cb83613e15565b549063ffffffff82168352602083019063ffffffff8360201c16825260408401926001600160801b038160401c16845260c01c606085019080825243106117ad57816001600160801b038551161061175e576116c0946001600160401b03611699926020956001600160801b03611647818816828b51166145f1565b168852335f908152601188526040902093518454915167ffffffffffffffff1990921663ffffffff919091161790871b67ffffffff000000001617835586516105c4906001600160801b031684614611565b60405163a9059cbb60e01b8152336004820152602481019190915292839081906044820190565b03815f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03165af191821561044e576001600160801b039261170f915f9161173f575061443f565b51166040519081527fa765b0c8dc1d55637fa50a567f25577d20fcc843de6e7a1bfcfd04304e07be9160203392a2005b611758915060203d602011610447576104398183613e81565b84610412565b60405162461bcd60e51b815260206004820152602160248201527f4e6f7420656e6f75676820746f6b656e7320696e20757365722062616c616e636044820152606560f81b6064820152608490fd5b60405162461bcd60e51b815260206004820152601d60248201527f4c6f636b65643a2072657175657374557365725769746864726177616c0000006044820152606490fd5b34610286575f366003190112610286576040517f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03168152602090f35b34610286576020366003190112610286576001600160a01b03611857613db2565b16805f52601460205260405f2061189d6040519161187483613dde565b5460018060a01b038116835260ff8160a01c169081602085015260a81c60408401521515614483565b60018060a01b03905116905f5260156020526118bb60405f20614855565b90610edc6040519283928352604060208401526040830190613fc1565b34610286576080366003190112610286576004356118f4613ce7565b606435916001600160401b0383116102865761091261090661193b7fb6fea360017e3af252ed4596a124395e73b6a74663655ec09faab58171302454953690600401613f94565b9190946119466152af565b845f52601a60205261196260ff60405f205460a01c16156147f3565b845f52601060205260405f206119788282615707565b61198c8763ffffffff6080840151166153fd565b91611a0c6108e782546020850151604051906020820192600160c51b84526028830152600160c31b60488301526001600160401b0360c01b9060c01b166050820152600160c31b60588201526001600160401b0360c01b8860c01b166060820152600160c01b60688201525f6070820152605181526108d3607182613e81565b6024358155615890565b3461028657602036600319011261028657611a2f613db2565b611a376147c9565b506001600160a01b039081165f9081526017602052604090205416611a5b81614913565b90610edc6040519283928352604060208401526040830190613fe5565b34610286575f3660031901126102865760405f546001600160401b0382519163ffffffff8116835260201c166020820152f35b3461028657602036600319011261028657610edc611af0611acd600435614763565b919492939060405195869586526020860152608060408601526080850190613d43565b908382036060850152613d7f565b346102865760203660031901126102865760405161010081018181106001600160401b038211176114f4576040525f815260208101905f8252610edc606060ff83604081015f81526001600160401b038483015f81528160808501915f835260a08601945f8652878c64ffffffffff8b60c08b019a5f8c5260e081019d8e526004355f52601060205260405f2093611b98600186016146ef565b9163ffffffff8351165f52601260205260018060a01b0360405f205416905260a08201948686511660028114908115611c9c575b8115611c91575b5015611c895760018760c0850151161480611c7c575b15611c73575490525b876020820151168752876040820151168952015116885251168752604051611c1b602082613e81565b5f815289526040519b8c9b60208d5260018060a01b0390511660208d01525160408c01525160608b015251166080890152511660a08701525160c0860152511660e08401525161010080840152610120830190613fc1565b54875250611bf2565b5060028787511614611be9565b549052611bf2565b60049150145f611bd3565b600381149150611bcc565b34610286576040366003190112610286576004356024358015611d7a575b8082111580611d6e575b15611d3357611ce6611ce183836143df565b614093565b91805b828110611d065760405160208082528190610edc90820187613d7f565b80611d126001926140dd565b90549060031b1c611d2c611d2685846143df565b8761410a565b5201611ce9565b60405162461bcd60e51b815260206004820152601360248201527252616e6765206f7574206f6620626f756e647360681b6044820152606490fd5b50601b54811115611ccf565b50601b54611cc5565b34610286575f366003190112610286576040517f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03168152602090f35b3461028657606036600319011261028657611de0613db2565b6024356001600160401b03811161028657611dff903690600401613f94565b6044356001600160401b03811161028657611e1e903690600401613f94565b6001600160a01b03909416938415612284575f858152601760205260409020546001600160a01b0316158015612267575b15612222576040516302a5a9e760e61b8152608060048201529160209183918291611e83919061128a60848501898b614697565b6044820188905233606483015203817f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03165afa90811561044e575f916121e6575b507f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031684036121dc5760ff8060025b1691160361219757335f52601460205260405f2060405190611f2482613dde565b5460018060a01b038116825260ff8160a01c166020830190808252604084019260a81c83528061211e575b5085835260028152335f81815260146020908152604080832096519451955160a81b6001600160a81b03191660ff60a01b60a09790971b969096166001600160a01b0390951694909417949094179094558684526017835281842080546001600160a01b03191682179055835260159091529020916001600160401b0382116114f457611fdc83546146b7565b601f81116120d9575b505f90601f8311600114612050579180604094927f0a31ee9d46a828884b81003c8498156ea6aa15b9b54bdd0ef0b533d9eba57e5596945f92612045575b50508160011b915f199060031b1c19161790555b8151903382526020820152a1005b013590508680612023565b601f19831691845f5260205f20925f5b8181106120c157509260019285927f0a31ee9d46a828884b81003c8498156ea6aa15b9b54bdd0ef0b533d9eba57e55989660409896106120a8575b505050811b019055612037565b01355f19600384901b60f8161c1916905586808061209b565b91936020600181928787013581550195019201612060565b835f5260205f20601f840160051c81019160208510612114575b601f0160051c01905b8181106121095750611fe5565b5f81556001016120fc565b90915081906120f3565b6001146121525782516001600160a01b03165f90815260176020526040902080546001600160a01b031916905560ff611f4f565b60405162461bcd60e51b815260206004820152601e60248201527f4c6f67206f7574206265666f7265206368616e67696e67207369676e657200006044820152606490fd5b60405162461bcd60e51b815260206004820152601d60248201527f5265706f72743a2077726f6e6720656e636c6176652070726f647563740000006044820152606490fd5b60ff806001611f03565b90506020813d60201161221a575b8161220160209383613e81565b81010312610286575160ff811681036102865784611ecc565b3d91506121f4565b60405162461bcd60e51b815260206004820152601860248201527f4e6f74206120756e69717565207369676e696e67206b657900000000000000006044820152606490fd5b50845f52601760205260018060a01b0360405f2054163314611e4f565b60405162461bcd60e51b815260206004820152601760248201527f5369676e6572206d757374206e6f74206265207a65726f0000000000000000006044820152606490fd5b34610286576020366003190112610286576040516122e681613e4b565b5f815260208101905f825260408101905f825260608101906060825260808101905f82526004355f52601a60205260405f20916040612324846144d2565b80516001600160a01b031684526002850154885260018501548752602081015160ff168352018051909590612361906001600160401b0316614093565b855260035f9401935b6001600160401b038751168110156123a7576001816001600160401b03925f528660205260405f205461239e828a5161410a565b5201905061236a565b87848460ff6123e88a876040519687966020885260018060a01b0390511660208801525160408701525160608601525160a0608086015260c0850190613d7f565b91511660a08301520390f35b34610286575f366003190112610286576020601b54604051908152f35b34610286575f3660031901126102865760a060405161243160a082613e81565b5f5b82811061255b57505f5b6005811061253357509060405191829160208301602084529060c0840192915f905b6005821061246f57505050500390f35b919390929450601f1986820301825284519060808101918051825260208101519260806020840152835180915260208784019401905f905b808210612511575050506040810151928281036040840152602080855192838152019401905f905b8082106124f95750505060019260209260608085940151910152960192019201859493919261245f565b909194602080600192885181520196019201906124cf565b82516001600160a01b03168652602095860195909201916001909101906124a7565b8061253f60019261562c565b6125498285614686565b526125548184614686565b500161243d565b602090612566614662565b8184015201612433565b34610286575f3660031901126102865760206040517f00000000000000000000000000000000000000000000000000000000000000008152f35b34610286576125b836613dc8565b905f52601a602052600460405f2001905f52602052602060405f2054604051908152f35b34610286575f36600319011261028657604051806020601b54918281520190601b5f527f3ad8aa4f87544323a9d1e5dd902f40c356527a7955687113db5f9a85ad579dc1905f5b81811061264e57610edc8561263a81870382613e81565b604051918291602083526020830190613d7f565b8254845260209093019260019283019201612623565b34610286576060366003190112610286576004356024356044356001600160401b0381116102865761269a903690600401613f94565b6126a5929192614637565b90438511612be75763ffffffff825116158015612ba6575b15612b62576126cb8561411e565b959092519163ffffffff831695845180604402604481048203610ce6576080019081608011610ce65761271661270083613ea2565b9261270e6040519485613e81565b808452613ea2565b602083019290601f1901368437600160c51b808452602882018a90526048820152605081018a905260c082901b60708201525f607882015b838210612b3c578c5160c01b8152600801925f91505b8c818310612b16575050509003601f190190206127be9261278a926108e1913691613ebd565b7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b039081169116146145a1565b60058506600581101561075c57600390810295908601945f9390919060018801855b8a885188101561282c576001916127fa896128019361410a565b51906144c5565b96818060a01b03612812828b61410a565b51168860a01b17815f528a60205260405f205501956127e0565b979394959650896bffffffffffffffffffffffff8211612ad95786926002926001600160401b0343169587519060405161286581613e15565b8881528a602082015263ffffffff8316604082015260606001600160801b0385169101526bffffffff00000000000000006001600160801b038986549582199060801b169582191617169160401b16179063ffffffff60601b9060601b1617179055015560018301808411610ce65763ffffffff169060206040516128e981613e30565b83815201525f80546bffffffffffffffff00000000199092166001600160601b0319909216919091174360201b67ffffffffffffffff60201b16179055601854805b61299657507f4ac4fa4588e2c6fdaec0f375ac3b33fab7b69895fbb538347f8adb03164c5ddd9461297d61298b926040519687968752436020880152604087015260c0606087015260c0860190613d43565b908482036080860152613d7f565b9060a08301520390a1005b61299f90614b14565b6129a8816140c5565b60018060a01b0391549060031b1c16805f52601460205281600160ff60405f205460a01c1614612ad25750805f52601660205260405f208054905f198201918211610ce6576001600160401b03612a0185938a936140f5565b505460081c161015612ad257506018545f198101908111610ce657612a25906140c5565b905460039190911b1c6001600160a01b0316612a6881612a44856140c5565b81546001600160a01b0393841660039290921b91821b9390911b1916919091179055565b6001830190818411610ce6575f52601960205260405f20556018548015612abe575f1901612a95816140c5565b81549060018060a01b039060031b1b191690556018555f526019602052805f604081205561292b565b634e487b7160e01b5f52603160045260245ffd5b905061292b565b60405162461bcd60e51b8152602060048201526015602482015274546f74616c207374616b6520746f6f206c6172676560581b6044820152606490fd5b600160c51b8552600192909201600581901b909201516008850152602890930192612764565b600560c21b8152600191909101600581901b8a015160601b600883015290601c0161274e565b606460405162461bcd60e51b815260206004820152602060248201527f416c72656164792063616c6c656420647572696e6720746869732065706f63686044820152fd5b50612bdf6001600160401b036020840151167f0000000000000000000000000000000000000000000000000000000000000000906144c5565b8510156126bd565b60405162461bcd60e51b815260206004820152601d60248201527f426c6f636b206e756d62657220697320696e20746865206675747572650000006044820152606490fd5b346102865736600319016101608112610286576101001361028657610104356001600160401b03811161028657612c67903690600401613d13565b90610124356001600160401b03811161028657612c88903690600401613d13565b9190610144356001600160401b03811161028657612caa903690600401613f94565b919092612cb56152af565b8486036131fe576004355f52601a60205260405f2094612cd4866144d2565b94612ce8600160ff60208901511614614517565b62ffffff606087015116604435036131c5576001600160401b03612d1181604089015116614563565b165f526003870160205260405f2054606435036131805760a435151580613175575b1561314257612d4e600435612d4960243561535f565b6153fd565b94604051896040820160208084015252606081018186915f5b8d811061310d5750612d82925003601f198101835282613e81565b602081519101209060405160208082015284604082015260018060fb1b03851161028657612e9a93612e859382612dd86060899f9b9a99956108e19660051b808d8484013781010301601f198101835282613e81565b60208151910120604051917ff8a53ce630f00ffedde2625329adbe4e0a286fb9fec45359b106dce65e92a2e26020840152466040840152306060840152600435608084015260243560a084015260443560c084015260643560e084015260843561010084015260a43561012084015260c43561014084015260e4356101608401526101808301526101a08201526101a08152612e766101c082613e81565b60208151910120923691613ebd565b85516001600160a01b039182169116146145a1565b5f965f935b808510613071575050505050604081016001600160581b03612ec486828451166144c5565b612ed082821115614a6c565b168152335f908152601460209081526040808320855195830151945160a81b6001600160a81b0319166001600160a01b0390961660a09590951b60ff60a01b1694909417949094179092556044358152600485019091522060a4359055606081015162ffffff908116908114610ce65760010162ffffff166060820152608435151580613063575b61300e575b80516020808301516040808501516060958601516001600160a01b0390951660a093841b60ff60a01b161767ffffffffffffffff60a81b60a89290921b919091161760e89490941b6001600160e81b03191693909317909455815160a435815260c43591810191909152608435918101919091523391810191909152608081019290925260443591600435917f98f685eb5e7346838364567e44588cd3bb5043d34bf4f398be485873d7c4b7dc91a3005b6001600160401b036040820151165f526003820160205260843560405f20556001600160401b03604082015116906001600160401b038214610ce6576001919091016001600160401b03166040820152612f5d565b506064356084351415612f58565b90919293976130818983866145e1565b356001600160a01b03811690819003610286576001916130f4915f5260116020526001600160801b038b6130ed60405f2083815460401c1692898c856130c88484846145e1565b3510156130ff576130e79287926130de926145e1565b351680946145f1565b90614611565b16906144c5565b980193929190612e9f565b5050506130e78380946145f1565b91508235906001600160a01b0382168203610286576001600160a01b0390911681526020928301928492910190600101612d67565b60405162461bcd60e51b815260206004820152600b60248201526a08adae0e8f240c4c2e8c6d60ab1b6044820152606490fd5b5060c4351515612d33565b60405162461bcd60e51b815260206004820152601d60248201527f4261746368206e6f74206f6e20746865206c61746573742073746174650000006044820152606490fd5b60405162461bcd60e51b81526020600482015260116024820152700aee4dedcce40c4c2e8c6d040d2dcc8caf607b1b6044820152606490fd5b60405162461bcd60e51b815260206004820152601f60248201527f557365727320616e6420666565732064696666657220696e206c656e677468006044820152606490fd5b34610286576132ac6001600160401b0361325c36613f11565b9697959193604095919551986132718a613df9565b808a5260208a015260408901526060880152608087015260a08601526001600160a01b031660c08501521660e0830152610100820152614fcf565b005b34610286576040366003190112610286576132c7613db2565b60243560018060a01b038216805f52601460205260405f209061338260ff604051936132f285613dde565b549260018060a01b0384168552818460a01c16906133226020870192808452604088019660a81c87521515614483565b6001600160581b0361333788828851166144c5565b61334382821115614a6c565b1685525f9081526014602052604090209451855491516001600160a81b03199092166001600160a01b039190911617911660a01b60ff60a01b16178355565b5181546001600160a81b031660a89190911b6001600160a81b0319161790556040516323b872dd60e01b81526001600160a01b03831660048201523060248201526044810182905291602083806064810103815f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03165af192831561044e577fb3ef81558ed1a50072a492984535a009da8b129c749500b387f1e5f4886bdde59361343b915f9161345e575061443f565b604080516001600160a01b03909216825260208201929092529081908101610912565b610441915060203d602011610447576104398183613e81565b34610286576020366003190112610286576001600160a01b03613498613db2565b165f52601160205260206001600160801b0360405f205460401c16604051908152f35b34610286576020366003190112610286576004355f52601a602052602060405f205460e81c604051908152f35b34610286576132ac6001600160401b0361350136613f11565b969795604095919594929451986135178a613df9565b89526020890152604088015260608701525f608087015260a08601526001600160a01b031660c08501521660e0830152610100820152614c1c565b3461028657602036600319011261028657600435335f52601460205260405f206040519061357f82613dde565b5460018060a01b038116825260ff8160a01c166135af60026020850192808452604086019460a81c855214614383565b335f52601660205260405f208054908161373a575b5050836001600160581b03835116106136e9576001600160581b0384166001600160581b03835116036001600160581b038111610ce6576001600160581b03168252335f81815260146020908152604080832096519451955160a81b6001600160a81b03191660ff60a01b60a09790971b969096166001600160a01b039586161795909517909555925163a9059cbb60e01b8152600481019190915260248101859052939291849160449183917f0000000000000000000000000000000000000000000000000000000000000000165af190811561044e576136d1610912927f84e742a3ea03623687a5febaa797636d728230721d4b3d1405d19fbbc16298d9945f9161345e575061443f565b60408051338152602081019290925290918291820190565b60405162461bcd60e51b815260206004820152602360248201527f4e6f7420656e6f75676820746f6b656e7320696e20776f726b65722062616c616044820152626e636560e81b6064820152608490fd5b5f198201918211610ce65761375891613752916140f5565b506143ec565b600260ff825116036137e1576001600160401b036020815f54821c169201511610156137855784806135c4565b60405162461bcd60e51b815260206004820152602e60248201527f43616e6e6f7420776974686472617720696e2073616d652065706f636820617360448201526d081b1bd9c81bdd5d08195d995b9d60921b6064820152608490fd5b60405162461bcd60e51b815260206004820152602760248201527f576f726b65722773206c617374206c6f67206973206e6f74206f66204c6f674f6044820152667574207479706560c81b6064820152608490fd5b346102865761384436613dc8565b90805f52601a6020526001600160401b0360405f205460a81c16821015613888575f52601a602052600360405f2001905f52602052602060405f2054604051908152f35b60405162461bcd60e51b81526020600482015260136024820152724e6f20737563682073746174652064656c746160681b6044820152606490fd5b34610286576020366003190112610286576001600160a01b036138e4613db2565b165f526011602052602060405f205460c01c604051908152f35b34610286575f366003190112610286576040517f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03168152602090f35b34610286575f36600319011261028657335f52601460205260405f206040519061396b82613dde565b5460018060a01b038116825260ff8160a01c169160016020820193808552604083019360a81c845203613a4e5760028352335f90815260146020908152604080832093519551855160a81b6001600160a81b03191660ff60a01b60a09290921b919091166001600160a01b039097169690961795909517909255601690915282902090519151613a27929091906001600160581b0316613a0a83613dde565b600283526001600160401b034316602084015260408301526142f5565b337f8d11ef6404d9eeb0a13d346ad9b49adf23be5a095f5efb8741c3eec74e43ee9c5f80a2005b60405162461bcd60e51b81526020600482015260146024820152732bb7b935b2b9103737ba103637b3b3b2b21034b760611b6044820152606490fd5b3461028657604036600319011261028657610edc613aac60243560043561422a565b604051918291602083526020830190613d43565b3461028657602036600319011261028657613af9610edc613ae260043561411e565b604092919251938493604085526040850190613d43565b908382036020850152613d7f565b34610286575f366003190112610286576040517f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03168152602090f35b34610286576101203660031901126102865760c4356001600160401b03811680910361028657610104356001600160401b03811161028657613b91903690600401613d13565b9190926004355f52601a602052600460405f20016024355f5260205260405f205491602082019060443582526064356040840152608435606084015260a435608084015260a083015260e43560c083015260c08252613bf160e083613e81565b613c206021604051809360208201955f87525180918484015e81015f838201520301601f198101835282613e81565b519020918115159283613c3b575b6020846040519015158152f35b9192505f905b808210613c575750506020925014828080613c2e565b9091600190613c678484886145e1565b3580821015613cb257604051600160f81b6020820190815260218201939093526041810191909152613ca681606181015b03601f198101835282613e81565b5190205b920190613c41565b604051600160f81b602082019081526021820192909252604181019290925290613cdf8160618101613c98565b519020613caa565b604435906001600160401b038216820361028657565b602435906001600160401b038216820361028657565b9181601f84011215610286578235916001600160401b038311610286576020808501948460051b01011161028657565b90602080835192838152019201905f5b818110613d605750505090565b82516001600160a01b0316845260209384019390920191600101613d53565b90602080835192838152019201905f5b818110613d9c5750505090565b8251845260209384019390920191600101613d8f565b600435906001600160a01b038216820361028657565b6040906003190112610286576004359060243590565b606081019081106001600160401b038211176114f457604052565b61012081019081106001600160401b038211176114f457604052565b608081019081106001600160401b038211176114f457604052565b604081019081106001600160401b038211176114f457604052565b60a081019081106001600160401b038211176114f457604052565b60e081019081106001600160401b038211176114f457604052565b90601f801991011681019081106001600160401b038211176114f457604052565b6001600160401b0381116114f457601f01601f191660200190565b929192613ec982613ea2565b91613ed76040519384613e81565b829481845281830111610286578281602093845f960137010152565b9080601f8301121561028657816020613f0e93359101613ebd565b90565b9061010060031983011261028657600435916024359160443591606435916084356001600160401b0381116102865782613f4d91600401613ef3565b9160a4356001600160a01b0381168103610286579160c4356001600160401b0381168103610286579160e435906001600160401b03821161028657613f0e91600401613ef3565b9181601f84011215610286578235916001600160401b038311610286576020838186019501011161028657565b805180835260209291819084018484015e5f828201840152601f01601f1916010190565b60018060a01b03815116825260ff60208201511660208301526080614019604083015160a0604086015260a0850190613fc1565b91606081015160608501520151916080818303910152602080835192838152019201905f5b81811061404b5750505090565b909192602060606001926040875160ff8151168352848101518584015201516040820152019401910191909161403e565b6001600160401b0381116114f45760051b60200190565b9061409d8261407c565b6140aa6040519182613e81565b82815280926140bb601f199161407c565b0190602036910137565b60185481101561075c5760185f5260205f2001905f90565b601b5481101561075c57601b5f5260205f2001905f90565b805482101561075c575f5260205f2001905f90565b805182101561075c5760209160051b010190565b906018549161412c83614093565b9061413684614093565b935f917f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031690835b83811061417a575050505080825283529190565b614183816140c5565b90546001600160a01b0360039290921b1c81165f8181526014602052604090205490911690839085831461421f57906141bb91614b20565b919080614211575b6141d4575b50506001905b01614166565b6001600160581b03916040916141ed898b9a969a61410a565b520151166141fb828a61410a565b525f198114610ce657600180910194905f6141c8565b50600160ff835116146141c3565b5050506001906141ce565b61423690929192614b9d565b901580156142d4575b6142b957600581101561075c576003026040519061425e604083613e81565b600182526020808301919036833761429d839563ffffffff614292600385019480600101549360028560801c920154615c12565b9160601c1683615c59565b5f5260205260018060a01b0360405f20541691511561075c5752565b5090506040516142ca602082613e81565b5f81525f36813790565b50600581101561075c5763ffffffff600382026001015460601c161561423f565b8054600160401b8110156114f457614312916001820181556140f5565b9190916143705780518254602083015160409093015173ffffffffffffffffffffff00000000000000000060489190911b1668ffffffffffffffff0060089490941b9390931660ff9092166001600160a01b03199091161717179055565b634e487b7160e01b5f525f60045260245ffd5b1561438a57565b60405162461bcd60e51b815260206004820152602760248201527f576f726b6572206e6f742072656769737465726564206f72206e6f74206c6f6760448201526619d959081bdd5d60ca1b6064820152608490fd5b91908203918211610ce657565b906040516143f981613dde565b60406001600160581b0382945460ff811684526001600160401b038160081c16602085015260481c16910152565b90816020910312610286575180151581036102865790565b1561444657565b60405162461bcd60e51b8152602060048201526015602482015274151bdad95b881d1c985b9cd9995c8819985a5b1959605a1b6044820152606490fd5b1561448a57565b60405162461bcd60e51b81526020600482015260136024820152722ab73932b3b4b9ba32b932b2103bb7b935b2b960691b6044820152606490fd5b91908201809211610ce657565b906040516144df81613e15565b91546001600160a01b038116835260a081901c60ff16602084015260a881901c6001600160401b0316604084015260e81c6060830152565b1561451e57565b60405162461bcd60e51b815260206004820152601c60248201527f53656372657420636f6e7472616374206e6f74206465706c6f796564000000006044820152606490fd5b6001600160401b035f19911601906001600160401b038211610ce657565b906001600160401b03809116911603906001600160401b038211610ce657565b156145a857565b60405162461bcd60e51b8152602060048201526011602482015270496e76616c6964207369676e617475726560781b6044820152606490fd5b919081101561075c5760051b0190565b906001600160801b03809116911603906001600160801b038211610ce657565b90600160401b600160c01b0382549160401b1690600160401b600160c01b031916179055565b6040519061464482613e30565b8160206001600160401b035f5463ffffffff81168452821c16910152565b6040519061466f82613e15565b5f6060838281528160208201528160408201520152565b90600581101561075c5760051b0190565b908060209392818452848401375f828201840152601f01601f1916010190565b90600182811c921680156146e5575b60208310146146d157565b634e487b7160e01b5f52602260045260245ffd5b91607f16916146c6565b906040516146fc81613e66565b60c060ff82945463ffffffff811684526001600160401b038160201c1660208501526001600160401b038160601c16604085015264ffffffffff8160a01c16606085015263ffffffff8160c81c166080850152818160e81c1660a085015260f01c16910152565b61476c90614b9d565b90156147945761477b9061562c565b8051606082015192604060208401519301519193929190565b5060405160206147a48183613e81565b5f82525f368137604051906147b98183613e81565b5f8252505f3681375f925f929190565b604051906147d682613e4b565b60606080835f81525f60208201528260408201525f838201520152565b156147fa57565b606460405162461bcd60e51b815260206004820152602060248201527f53656372657420636f6e747261637420616c7265616479206465706c6f7965646044820152fd5b604090613f0e949281528160208201520191614697565b9060405191825f825492614868846146b7565b80845293600181169081156148d3575060011461488f575b5061488d92500383613e81565b565b90505f9291925260205f20905f915b8183106148b757505090602061488d928201015f614880565b602091935080600191548385890101520191019091849261489e565b90506020925061488d94915060ff191682840152151560051b8201015f614880565b6040519061490282613dde565b5f6040838281528260208201520152565b9061491c6147c9565b9160018060a01b0316805f5260146020526001600160581b0360405f2060ff6040519161494883613dde565b549160018060a01b03831680825260406020830192848660a01c168452019360a81c8452875251166020860152825f52601560205261498960405f20614855565b6040860152511660608401525f52601660205260405f208054906149ac8261407c565b906149ba6040519283613e81565b828252601f196149c98461407c565b015f5b818110614a55575050608085019182525f5b8381106149eb5750505050565b80614a4e816149ff613752600195876140f5565b60ff815116906001600160581b0360406001600160401b03602084015116920151169060405192614a2f84613dde565b835260208301526040820152865190614a48838361410a565b5261410a565b50016149de565b602090614a606148f5565b828287010152016149cc565b15614a7357565b60405162461bcd60e51b815260206004820152601160248201527042616c616e636520746f6f206c6172676560781b6044820152606490fd5b81810292918115918404141715610ce657565b6001600160a01b03908116907f0000000000000000000000000000000000000000000000000000000000000000168114614b08575f52601160205263ffffffff60405f20541690565b5063ffffffff5f541690565b8015610ce6575f190190565b614b286148f5565b506001600160a01b03165f9081526016602052604090208054805b614b5657505050614b526148f5565b5f91565b5f198101818111610ce657613752614b6e91846140f5565b836001600160401b0360208301511610614b925750614b8c90614b14565b80614b43565b939250505060019190565b5f9190829081805b6005811015614bfe576001600160401b0360038202600101541680151580614bf4575b80614beb575b614bdc575b50600101614ba5565b60019650935090508085614bd3565b50848111614bce565b5083811115614bc8565b5092915050565b604090613f0e939281528160208201520190613fc1565b614c246152af565b80515f52601a60205260405f20614c3a816144d2565b614c4d600160ff60208401511614614517565b60208301515f52601060205260405f2091614c756001600160401b0360e08601511684615844565b91614c8c63ffffffff6080850151168651906153fd565b9160405194614c9a86613e4b565b60018201548652805460208701526001600160401b03614cbf81604086015116614563565b165f526003820160205260405f20546040870152604087019485516060880152614da4606089019788516080820152614d9e6001600160401b036020850151166001600160401b0360e08d01511660a08d0151908d60c060018060a01b0391015116928551956020810151906040810151608060608301519201519260405199600160c51b60208c015260288b0152600160c51b60488b015260508a0152600160c51b60708a01526078890152600160c51b609889015260a0880152600160c51b60c088015260c887015260c88652614d9960e887613e81565b615e8d565b90615cb5565b6020815191012094614dd5614dc06101008b0197885190615590565b82516001600160a01b039182169116146145a1565b8751835560c08901516001600160a01b031615614fb15790614e06916001600160401b036020830151169184615a7e565b614e0f87615cf3565b15614f5d57505b83515f9281614ed2575b50505090614ecd91614eb28660207f4bd41c1b1fe5d4fab28fe14a580082e19937fe7f97068b2bd8424abe636220a9980151955196519281516001600160401b0360e0840151169060a08401519360c060018060a01b03910151169651956040519a8b9a8b5260208b015260408a01526060890152608088015260a087015261014060c0870152610140860190613fc1565b9160e085015233610100850152838203610120850152613fc1565b0390a1565b600191929493506040816001600160401b0382819401511694855f5260038801602052825f2055015116016001600160401b038111610ce657835467ffffffffffffffff60a81b191660a89190911b67ffffffffffffffff60a81b16179092559080614eb27f4bd41c1b1fe5d4fab28fe14a580082e19937fe7f97068b2bd8424abe636220a9614e20565b600101805460ff60e81b1916600160ea1b179055505060209093015192516040517fb4aea73bd8d22347d99fea0a634fccfed5e23aec848d852b7951161f1ee85f0f94909350839250614ecd919083614c05565b614fca92916001600160401b0360e08b01511692615a7e565b614e16565b614fd76152af565b6020810180515f52601a602052614ff860ff60405f205460a01c16156147f3565b80515f52601060205260405f2060e083019261501e6001600160401b0385511683615707565b9061503563ffffffff6080840151168551906153fd565b90835460608201948551938560408501996150c08b5195614d9e60208501996001600160401b038b51166001600160401b0386511660a08c01519160c08d019b60018060a01b038d51169460405197600160c51b60208a01526028890152600160c51b60488901526050880152600160c51b6070880152607887015260788652614d99609887613e81565b60208151910120946150dc612e85610100890197885190615590565b516001600160a01b0316156152915750506001600160401b03615106929394955116908684615a7e565b61510f83615cf3565b156152415750506080905b84515f52601a60205263ffffffff60405f209351165f52601260205260018060a01b0360405f2054165f606060405161515281613e15565b838152600160208083018290526040808401839052939092019390935286546001600160a81b036001600160a81b03199091166001600160a01b0390951694909417600160a01b1793909316600160a81b1786558651918601919091559290910151600284015585515f80805260039094019091529120558151601b5490939092600160401b8410156114f4577f696a24a4e9187ea71b374178e4c33d07aabcafd87013f7d48010104de5f731589461521385600160609701601b556140dd565b819291549060031b91821b915f19901b191617905551915190519060405192835260208301526040820152a1565b600101805460ff60e81b1916600160ea1b179055935193516040517fb4aea73bd8d22347d99fea0a634fccfed5e23aec848d852b7951161f1ee85f0f965094859450614ecd935090915083614c05565b51608096506152aa94506001600160401b031692615a7e565b61511a565b7f97de3d826eec398f523d08c75314484bebafc53c6bfba3ad96ca4de4bf0a71965c6152d757565b60405162461bcd60e51b815260206004820152601e60248201527f5265656e7472616e742063616c6c2066726f6d20612063616c6c6261636b00006044820152606490fd5b9060405161532981613e15565b60608193546001600160401b038116835263ffffffff8160401c16602084015263ffffffff81831c16604084015260801c910152565b5f5b60058110156153b8576153796003820260010161531c565b6001600160401b038151168381151591826153ae575b505061539e5750600101615361565b6020015163ffffffff1692915050565b149050835f61538f565b60405162461bcd60e51b815260206004820181905260248201527f5461736b27732065706f6368206973206e6f206c6f6e6765722073746f7265646044820152606490fd5b63ffffffff9061540b6148f5565b501660058106600581101561075c576003029061542a8260010161531c565b906001600160401b038251161515908161557c575b50156153b857604081019263ffffffff8451161561553757826154839160026001600160801b03606063ffffffff600361548a990199511696015116920154615c12565b9083615c59565b5f5260205260018060a01b0360405f20541690335f52601460205260405f2091604051926154b784613dde565b546001600160a01b03811680855260a082901c60ff16602086015260a89190911c6040850152036154e457565b60405162461bcd60e51b815260206004820152602560248201527f4e6f74207468652073656c656374656420776f726b657220666f722074686973604482015264207461736b60d81b6064820152608490fd5b60405162461bcd60e51b815260206004820152601e60248201527f4e6f20776f726b65727320696e20746865207461736b27732065706f636800006044820152606490fd5b905063ffffffff602083015116145f61543f565b604182510361562657602082015190606060408401519301515f1a90601b8210615614575b7f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0841161560c576020935f9360ff60809460405194855216868401526040830152606082015282805260015afa1561044e575f5190565b505050505f90565b90601b0160ff8111610ce657906155b5565b50505f90565b615634614662565b90600581101561075c576003029160406156508460010161531c565b6001600160401b03815116845260028501546060850152019161567963ffffffff845116614093565b916020820192835261569163ffffffff855116614093565b91604081019283525f9160035f9701925b63ffffffff8751168810156156fd57600163ffffffff91895f52856020526156e760405f2054918260a01c92848060a01b03166156e08d8c5161410a565b52826143df565b6156f28b895161410a565b5298019790506156a2565b5094509450505050565b6001615748919392935f60c060405161571f81613e66565b8281528260208201528260408201528260608201528260808201528260a08201520152016146ef565b91600160ff60a0850151160361580957600160ff60c085015116036157c4576001600160401b038060208501511691161161577f57565b60405162461bcd60e51b815260206004820152601a60248201527f546f6f206d75636820676173207573656420666f72207461736b0000000000006044820152606490fd5b60405162461bcd60e51b815260206004820152601e60248201527f57726f6e67206b696e64206f66207461736b20666f72207265636569707400006044820152606490fd5b60405162461bcd60e51b8152602060048201526013602482015272496e76616c6964207461736b2073746174757360681b6044820152606490fd5b600161585c919392935f60c060405161571f81613e66565b91600160ff60a085015116036158095760ff60c0840151166157c4576001600160401b038060208501511691161161577f57565b6001600160401b03615a13615a1d9493956001839460408701966001600160581b03885116976001600160581b036158db60408d019a6158d58a8d51168b8a16614aac565b906144c5565b6158e782821115614a6c565b168152335f90815260146020908152604090912083518154949092015160ff60a01b60a091821b166001600160a81b03199095169087901b87900390921660ff60a01b19169190911792909217825551815460a885811b86900390911691901b6001600160a81b031916179055600360a08a01528851910180546020808b01516001600160601b031990921663ffffffff94909416939093179086169283901b67ffffffffffffffff60201b161781558651815460608b81015160808d015160c08e015160ff60f01b1960ff60e81b19968c1690941b95909516600160601b600160f01b03199094169390931760a09190911b64ffffffffff60a01b161760c89290921b63ffffffff60c81b1691909117600360e81b171660f09190911b60ff60f01b16179055614581565b1691511690614aac565b9081615a27575050565b63ffffffff9051165f52601260205260018060a01b0360405f2054165f5260116020526001600160801b0360405f2091166001600160801b03825460401c16016001600160801b038111610ce65761488d91614611565b6001600160401b03615a13615a1d9493956001839460408701966001600160581b03885116976001600160581b03615ac360408d019a6158d58a8d51168b8a16614aac565b615acf82821115614a6c565b168152335f90815260146020908152604090912083518154949092015160ff60a01b60a091821b166001600160a81b03199095169087901b87900390921660ff60a01b19169190911792909217825551815460a885811b86900390911691901b6001600160a81b031916179055600260a08a01528851910180546020808b01516001600160601b031990921663ffffffff94909416939093179086169283901b67ffffffffffffffff60201b161781558651815460608b81015160808d015160c08e015160ff60f01b1960ff60e81b19968c1690941b95909516600160601b600160f01b03199094169390931760a09190911b64ffffffffff60a01b161760c89290921b63ffffffff60c81b1691909117600160e91b171660f09190911b60ff60f01b16179055614581565b63ffffffff1663ffffffff8114610ce65760010190565b90604051906020820192835260408201525f606082015260608152615c38608082613e81565b5190208115615c45570690565b634e487b7160e01b5f52601260045260245ffd5b5f939290915f198101908111610ce6575b808510615c7657505050565b615c8081866144c5565b60011c90815f52836020528260405f205460a01c10155f14615ca25750615c6a565b945060018101809111610ce65793615c6a565b61488d906020808095946040519684889551918291018487015e8401908282015f8152815193849201905e01015f815203601f198101845283613e81565b7f00000000000000000000000000000000000000000000000000000000000000005a615d22603f8304836144c5565b9061ea608201809211610ce65710615e3757615da860209160017f97de3d826eec398f523d08c75314484bebafc53c6bfba3ad96ca4de4bf0a71965d60c084015160a085015185519585015160405163eeeb1fcf60e01b81526001600160a01b039093166004840152608060248401529195869485935f93859392906084850190613fc1565b6044840192909252606483015203927f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031690f190811561044e575f91615e18575b50905f7f97de3d826eec398f523d08c75314484bebafc53c6bfba3ad96ca4de4bf0a71965d565b615e31915060203d602011610447576104398183613e81565b5f615df1565b60405162461bcd60e51b815260206004820152602860248201527f4e6f7420656e6f7567682067617320666f722074686520457468657265756d2060448201526763616c6c6261636b60c01b6064820152608490fd5b604890602592946020613f0e958051604051988995600160c31b858801526001600160401b0360c01b9060c01b166028870152600160c31b60308701526001600160401b0360c01b9060c01b1660388601526001600160401b0360c01b9060c01b1660408501528051918291018585015e600560c21b9083018481019190915260609190911b6001600160601b0319166050820152600160c01b6064820152600160f81b606c82015203016005810184520182613e815660e03461011957601f61058d38819003918201601f19168301916001600160401b0383118484101761011d578084926040948552833981010312610119578051906001600160a01b03821682036101195760200151906152088210158061010c575b156100b5573360805260a05260c05260405161045b908161013282396080518181816101a9015261028d015260a05181818160730152610366015260c051818181610140015281816101ef01526102c20152f35b60405162461bcd60e51b815260206004820152602960248201527f43616c6c6261636b20676173206d7573742062652032312c30303020746f20316044820152680302c3030302c3030360bc1b6064820152608490fd5b5062989680821115610061565b5f80fd5b634e487b7160e01b5f52604160045260245ffdfe6080806040526004361015610012575f80fd5b5f3560e01c908163938b5f321461021257508063a10132ad146101d8578063b24fd5c514610194578063be5d82ea1461012b578063eeeb1fcf146100a65763fc0c546a1461005e575f80fd5b346100a2575f3660031901126100a2576040517f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03168152602090f35b5f80fd5b346100a25760803660031901126100a2576004356001600160a01b03811681036100a2576024359067ffffffffffffffff82116100a257366023830112156100a25781600401359067ffffffffffffffff82116100a25736602483850101116100a2576020926101219260643592602460443593019061028b565b6040519015158152f35b346100a2575f3660031901126100a2576101697f0000000000000000000000000000000000000000000000000000000000000000603f81049061027e565b619c40810180911161018057602090604051908152f35b634e487b7160e01b5f52601160045260245ffd5b346100a2575f3660031901126100a2576040517f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03168152602090f35b346100a2575f3660031901126100a25760206040517f00000000000000000000000000000000000000000000000000000000000000008152f35b346100a2575f3660031901126100a25760015c1561023c57604080515f5c815260015c6020820152f35b62461bcd60e51b815260206004820152601760248201527f4e6f2063616c6c6261636b20696e2070726f67726573730000000000000000006044820152606490fd5b9190820180921161018057565b7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031694939033869003610402577f0000000000000000000000000000000000000000000000000000000000000000955a6102f0603f89048961027e565b90614e2082018092116101805710610397576001600160a01b038216908114908115610364575b811561035a575b508015610351575b610347575f9586958693845d60015d84604051948537f1905f805d5f60015d565b5050505050505f90565b50803b15610326565b905030145f61031e565b7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031681149150610317565b60405162461bcd60e51b815260206004820152603f60248201527f4e6f7420656e6f7567682067617320666f72207468652063616c6c6261636b3a60448201527f2073656e642074686520726563656970742077697468206d6f726520676173006064820152608490fd5b60405162461bcd60e51b815260206004820152602b60248201527f4f6e6c792074686520456e69676d6120636f6e747261637420666f727761726460448201526a732063616c6c6261636b7360a81b6064820152608490fd",
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

// PackIsDeploymentTask is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc8f3a94.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isDeploymentTask(bytes32 _taskId) view returns(bool)
func (enigma *Enigma) PackIsDeploymentTask(taskId [32]byte) []byte {
	enc, err := enigma.abi.Pack("isDeploymentTask", taskId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsDeploymentTask is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc8f3a94.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isDeploymentTask(bytes32 _taskId) view returns(bool)
func (enigma *Enigma) TryPackIsDeploymentTask(taskId [32]byte) ([]byte, error) {
	return enigma.abi.Pack("isDeploymentTask", taskId)
}

// UnpackIsDeploymentTask is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfc8f3a94.
//
// Solidity: function isDeploymentTask(bytes32 _taskId) view returns(bool)
func (enigma *Enigma) UnpackIsDeploymentTask(data []byte) (bool, error) {
	out, err := enigma.abi.Unpack("isDeploymentTask", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
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
