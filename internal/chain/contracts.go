package chain

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain/bindings"
)

// Addresses are where the two contracts live.
type Addresses struct {
	Enigma common.Address `json:"contract"`
	Token  common.Address `json:"token"`
}

// DeployParams are the Enigma contract's constructor arguments and its
// attestation verifier's.
type DeployParams struct {
	Principal common.Address // the key manager enclave's signing address
	EpochSize uint64         // blocks per epoch
	// TimeoutEpochs is how many epochs after which the fee of a task
	// without a receipt can be returned, 1 to MaxTimeoutEpochs; it is also
	// how long a user's withdrawal request keeps its balance for batches.
	TimeoutEpochs uint64
	// Verifier is a deployed attestation verifier (IAttestationVerifier);
	// zero deploys a SimAttestationVerifier configured by SimAttestation.
	Verifier       common.Address
	SimAttestation SimAttestation
	// CallbackGas is the gas every Ethereum callback of a secret contract
	// runs with; 0 takes DefaultCallbackGas.
	CallbackGas uint64
	// StakingThreshold is the least stake, in ENG grains, a worker logs in
	// with; 0 takes DefaultStakingThreshold. At most 256 workers are
	// candidates at once, so this prices holding a place.
	StakingThreshold uint64
	// TokenSupply is the ENG, in grains, the token mints to the deployer;
	// nil takes OriginalTokenSupply. Development networks pass
	// DevTokenSupply.
	TokenSupply *big.Int
}

// OriginalTokenSupply is the original ENG token's supply: 150 million ENG
// in grains (8 decimals).
var OriginalTokenSupply = new(big.Int).Mul(big.NewInt(150_000_000), big.NewInt(100_000_000))

// DevTokenSupply is what a development network mints: one trillion ENG, so
// that every dev account can get a billion ENG, fifty escrows of the
// original enigma-js tests' largest task (20,000,000 gas at 1 ENG a gas),
// while the deployer keeps nine tenths.
var DevTokenSupply = new(big.Int).Mul(big.NewInt(1_000_000_000_000), big.NewInt(100_000_000))

// MaxTimeoutEpochs is the longest task timeout the Enigma contract
// accepts: it keeps the last 5 epochs and checks a receipt against the
// epoch its task was created in, so a task must time out (its fee become
// returnable) no later than its epoch leaves that ring.
const MaxTimeoutEpochs = 4

// DefaultStakingThreshold is one ENG.
const DefaultStakingThreshold = 100_000_000

// DefaultCallbackGas is the gas a secret contract's Ethereum callback runs
// with unless the deployment says otherwise: plenty for a few storage
// writes and events (the voting example's callbacks use under 50,000).
const DefaultCallbackGas = 1_000_000

// SimAttestation configures a SimAttestationVerifier: the simulated
// attestation service's key, the enclave measurement and the lowest
// security version the network accepts (docs/protocol/attestation-sim.md).
type SimAttestation struct {
	Signer             common.Address
	Measurement        [32]byte
	MinSecurityVersion uint16
}

// Validate reports arguments the constructor would reject.
func (p DeployParams) Validate() error {
	var errs []error
	if p.Principal == (common.Address{}) {
		errs = append(errs, errors.New("chain: DeployParams.Principal (the key manager's signing address) is required"))
	}
	if p.EpochSize == 0 {
		errs = append(errs, errors.New("chain: DeployParams.EpochSize must be positive"))
	}
	if p.TimeoutEpochs == 0 || p.TimeoutEpochs > MaxTimeoutEpochs {
		errs = append(errs, fmt.Errorf("chain: DeployParams.TimeoutEpochs %d is outside 1 to %d (the contract keeps 5 epochs, and a task must time out before its epoch is dropped); for a longer timeout use longer epochs", p.TimeoutEpochs, MaxTimeoutEpochs))
	}
	if p.Verifier == (common.Address{}) && p.SimAttestation.Signer == (common.Address{}) {
		errs = append(errs, errors.New("chain: DeployParams needs a Verifier or SimAttestation.Signer (the simulated attestation service's address)"))
	}
	if g := p.callbackGas(); g < 21_000 || g > 10_000_000 {
		errs = append(errs, fmt.Errorf("chain: DeployParams.CallbackGas %d is outside 21,000 to 10,000,000", g))
	}
	return errors.Join(errs...)
}

func (p DeployParams) callbackGas() uint64 {
	if p.CallbackGas == 0 {
		return DefaultCallbackGas
	}
	return p.CallbackGas
}

// Enigma is a client of one deployed pair of Enigma and EnigmaToken
// contracts. Writes take the sending Account and wait for the receipt;
// views read the head state.
type Enigma struct {
	c     *Client
	addrs Addresses
	abi   *bindings.Enigma
	token *bindings.EnigmaToken
}

// Bind returns a client of already deployed contracts.
func (c *Client) Bind(addrs Addresses) *Enigma {
	return &Enigma{c: c, addrs: addrs, abi: bindings.NewEnigma(), token: bindings.NewEnigmaToken()}
}

// BindDeployed binds the contracts at addrs when the chain holds code at
// both addresses and the Enigma contract names principal as its key
// manager, as a restarted node does with the contracts of its previous run.
// It returns nil (and no error) when they are gone (another or a reset
// chain) or serve another key manager: the caller deploys afresh.
func (c *Client) BindDeployed(ctx context.Context, addrs Addresses, principal common.Address) (*Enigma, error) {
	for _, a := range []common.Address{addrs.Enigma, addrs.Token} {
		code, err := c.eth.CodeAt(ctx, a, nil)
		if err != nil {
			return nil, fmt.Errorf("chain: read the code at %s: %w", a, err)
		}
		if len(code) == 0 {
			return nil, nil
		}
	}
	e := c.Bind(addrs)
	if p, err := e.Principal(ctx); err != nil || p != principal {
		return nil, nil
	}
	return e, nil
}

// DeployContracts deploys EnigmaToken (its whole supply goes to from), a
// SimAttestationVerifier unless p names a verifier, and then Enigma with p,
// and checks each has code. All transactions are sent before any is mined
// (the addresses follow from the sender's nonce), so they usually land in
// one block.
func (c *Client) DeployContracts(ctx context.Context, from Account, p DeployParams) (*Enigma, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	var creations []creation
	create := func(what string, code []byte) (common.Address, error) {
		tx := Tx{What: what, Data: code}
		hash, err := c.Send(ctx, from, tx)
		if err != nil {
			return common.Address{}, err
		}
		addr, err := c.createdAddress(ctx, from.Address, hash)
		creations = append(creations, creation{tx, hash, addr})
		return addr, err
	}
	supply := p.TokenSupply
	if supply == nil {
		supply = OriginalTokenSupply
	}
	tokenCode := append(common.FromHex(bindings.EnigmaTokenMetaData.Bin), bindings.NewEnigmaToken().PackConstructor(supply)...)
	tokenAddr, err := create("deploy EnigmaToken", tokenCode)
	if err != nil {
		return nil, err
	}
	verifier := p.Verifier
	if verifier == (common.Address{}) {
		a := p.SimAttestation
		code := append(common.FromHex(bindings.SimAttestationVerifierMetaData.Bin),
			bindings.NewSimAttestationVerifier().PackConstructor(a.Signer, a.Measurement, a.MinSecurityVersion)...)
		if verifier, err = create("deploy SimAttestationVerifier", code); err != nil {
			return nil, err
		}
	}
	threshold := p.StakingThreshold
	if threshold == 0 {
		threshold = DefaultStakingThreshold
	}
	ctor := bindings.NewEnigma().PackConstructor(tokenAddr, p.Principal, new(big.Int).SetUint64(p.EpochSize),
		new(big.Int).SetUint64(p.TimeoutEpochs), verifier, new(big.Int).SetUint64(p.callbackGas()), new(big.Int).SetUint64(threshold))
	enigmaAddr, err := create("deploy Enigma", append(common.FromHex(bindings.EnigmaMetaData.Bin), ctor...))
	if err != nil {
		return nil, err
	}
	for _, cr := range creations {
		if got, err := c.deployed(ctx, from, cr.tx, cr.hash); err != nil {
			return nil, err
		} else if got != cr.addr {
			return nil, api.Errorf(api.CodeChain, "chain: %s landed at %s, not the expected %s; deploy again", cr.tx.What, got.Hex(), cr.addr.Hex())
		}
	}
	c.log.Info("contracts deployed", "enigma", enigmaAddr, "token", tokenAddr, "verifier", verifier)
	return c.Bind(Addresses{Enigma: enigmaAddr, Token: tokenAddr}), nil
}

// creation is a contract creation sent and the address it will get.
type creation struct {
	tx   Tx
	hash common.Hash
	addr common.Address
}

// createdAddress is the address a contract creation sent as hash will get.
func (c *Client) createdAddress(ctx context.Context, from common.Address, hash common.Hash) (common.Address, error) {
	cctx, cancel := context.WithTimeout(ctx, c.cfg.CallTimeout)
	defer cancel()
	for {
		tx, _, err := c.eth.TransactionByHash(cctx, hash)
		if err == nil {
			return crypto.CreateAddress(from, tx.Nonce()), nil
		}
		// A transaction mined a moment ago can be out of the pool and
		// not yet in the node's transaction index: ask again shortly.
		if !errors.Is(err, ethereum.NotFound) || cctx.Err() != nil {
			return common.Address{}, api.Errorf(api.CodeChain, "chain: read back creation tx %s: %w", hash.Hex(), err)
		}
		select {
		case <-cctx.Done():
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// deployed waits for a creation's receipt and checks the code is there.
func (c *Client) deployed(ctx context.Context, from Account, tx Tx, hash common.Hash) (common.Address, error) {
	r, err := c.WaitReceipt(ctx, hash, tx.What)
	if err != nil {
		return common.Address{}, err
	}
	c.mined(tx, r)
	if r.Status != types.ReceiptStatusSuccessful {
		return common.Address{}, c.failedTx(ctx, from, tx, r)
	}
	cctx, cancel := context.WithTimeout(ctx, c.cfg.CallTimeout)
	defer cancel()
	if runtime, err := c.eth.CodeAt(cctx, r.ContractAddress, r.BlockNumber); err != nil || len(runtime) == 0 {
		return common.Address{}, api.Errorf(api.CodeChain, "chain: %s: no code at %s after deployment (%v)", tx.What, r.ContractAddress.Hex(), err)
	}
	return r.ContractAddress, nil
}

// Addresses returns the contracts' addresses.
func (e *Enigma) Addresses() Addresses { return e.addrs }

// Client returns the client the contracts are bound to.
func (e *Enigma) Client() *Client { return e.c }

// ABI returns the Enigma contract's bindings (event decoding).
func (e *Enigma) ABI() *bindings.Enigma { return e.abi }

// TokenABI returns the token's bindings.
func (e *Enigma) TokenABI() *bindings.EnigmaToken { return e.token }

func (e *Enigma) send(ctx context.Context, from Account, what string, data []byte) (*types.Receipt, error) {
	return e.c.Transact(ctx, from, Tx{What: what, To: &e.addrs.Enigma, Data: data})
}

func (e *Enigma) sendToken(ctx context.Context, from Account, what string, data []byte) (*types.Receipt, error) {
	return e.c.Transact(ctx, from, Tx{What: what, To: &e.addrs.Token, Data: data})
}

func view[T any](ctx context.Context, c *Client, to common.Address, what string, data []byte, unpack func([]byte) (T, error)) (T, error) {
	var zero T
	out, err := c.Call(ctx, to, data, nil)
	if err != nil {
		code := api.CodeUnavailable
		if errors.Is(err, ErrReverted) {
			code = api.CodeChain
		}
		return zero, api.Errorf(code, "chain: read %s: %w", what, err)
	}
	v, err := unpack(out)
	if err != nil {
		return zero, api.Errorf(api.CodeChain, "chain: read %s: unexpected answer (is %s the Enigma contract?): %w", what, to.Hex(), err)
	}
	return v, nil
}

// ---- token ----

// TokenBalance is addr's ENG balance in grains (8 decimals).
func (e *Enigma) TokenBalance(ctx context.Context, addr common.Address) (*big.Int, error) {
	return view(ctx, e.c, e.addrs.Token, "ENG balance", e.token.PackBalanceOf(addr), e.token.UnpackBalanceOf)
}

// Allowance is how much spender may move from owner.
func (e *Enigma) Allowance(ctx context.Context, owner, spender common.Address) (*big.Int, error) {
	return view(ctx, e.c, e.addrs.Token, "ENG allowance", e.token.PackAllowance(owner, spender), e.token.UnpackAllowance)
}

// TransferToken sends amount ENG grains from `from` to `to`.
func (e *Enigma) TransferToken(ctx context.Context, from Account, to common.Address, amount *big.Int) (*types.Receipt, error) {
	return e.sendToken(ctx, from, fmt.Sprintf("transfer %v ENG grains to %s", amount, to.Hex()), e.token.PackTransfer(to, amount))
}

// ApproveEnigma lets the Enigma contract move amount ENG from `from`
// (before deposit and before creating task records).
func (e *Enigma) ApproveEnigma(ctx context.Context, from Account, amount *big.Int) (*types.Receipt, error) {
	return e.sendToken(ctx, from, fmt.Sprintf("approve %v ENG grains for Enigma", amount), e.token.PackApprove(e.addrs.Enigma, amount))
}

// FundENG transfers amount ENG grains from `from` to each recipient. The
// transfers are sent concurrently (consecutive nonces) and all awaited.
func (e *Enigma) FundENG(ctx context.Context, from Account, recipients []common.Address, amount *big.Int) error {
	return sendToEach(recipients, func(to common.Address) error {
		_, err := e.TransferToken(ctx, from, to, amount)
		return err
	})
}

// ---- workers ----

// Register registers `from` as a worker (or the key manager) whose
// enclave signs with signer, with its attestation report and signature.
func (e *Enigma) Register(ctx context.Context, from Account, signer common.Address, report, sig []byte) (*types.Receipt, error) {
	return e.send(ctx, from, fmt.Sprintf("register %s with signer %s", from.Address.Hex(), signer.Hex()), e.abi.PackRegister(signer, report, sig))
}

// Deposit moves amount ENG from custodian (who approved it) into its stake.
func (e *Enigma) Deposit(ctx context.Context, from Account, custodian common.Address, amount *big.Int) (*types.Receipt, error) {
	return e.send(ctx, from, fmt.Sprintf("deposit %v ENG grains for %s", amount, custodian.Hex()), e.abi.PackDeposit(custodian, amount))
}

// ApproveAndDeposit approves and deposits amount from `from`'s own ENG.
func (e *Enigma) ApproveAndDeposit(ctx context.Context, from Account, amount *big.Int) error {
	if _, err := e.ApproveEnigma(ctx, from, amount); err != nil {
		return err
	}
	_, err := e.Deposit(ctx, from, from.Address, amount)
	return err
}

// Withdraw takes amount ENG out of `from`'s stake (logged out, later epoch).
func (e *Enigma) Withdraw(ctx context.Context, from Account, amount *big.Int) (*types.Receipt, error) {
	return e.send(ctx, from, fmt.Sprintf("withdraw %v ENG grains", amount), e.abi.PackWithdraw(amount))
}

// Login joins worker selection from the next epoch on.
func (e *Enigma) Login(ctx context.Context, from Account) (*types.Receipt, error) {
	return e.send(ctx, from, "login "+from.Address.Hex(), e.abi.PackLogin())
}

// Logout leaves worker selection from the next epoch on.
func (e *Enigma) Logout(ctx context.Context, from Account) (*types.Receipt, error) {
	return e.send(ctx, from, "logout "+from.Address.Hex(), e.abi.PackLogout())
}

// SetWorkersParams starts an epoch at blockNumber with seed, signed by the
// key manager's enclave (sent by the key manager's account).
func (e *Enigma) SetWorkersParams(ctx context.Context, from Account, blockNumber uint64, seed *big.Int, sig []byte) (*types.Receipt, error) {
	return e.send(ctx, from, fmt.Sprintf("set the workers' parameters at block %d", blockNumber),
		e.abi.PackSetWorkersParams(new(big.Int).SetUint64(blockNumber), seed, sig))
}

// ---- tasks ----

// TaskRecord is a created task record as its TaskRecordCreated event told.
type TaskRecord struct {
	TaskID  [32]byte
	Block   uint64
	Receipt *types.Receipt
}

// CreateTaskRecord creates a compute task record (the fee gasLimit*gasPx
// must be approved first) and returns its task id.
func (e *Enigma) CreateTaskRecord(ctx context.Context, from Account, inputsHash [32]byte, gasLimit, gasPx, firstBlock uint64) (*TaskRecord, error) {
	r, err := e.send(ctx, from, "create a task record", e.abi.PackCreateTaskRecord(inputsHash, gasLimit, gasPx, new(big.Int).SetUint64(firstBlock)))
	if err != nil {
		return nil, err
	}
	return e.taskFromReceipt(r)
}

// CreateDeploymentTaskRecord creates a deployment task record; nonce is
// UserTaskDeployments(from).
func (e *Enigma) CreateDeploymentTaskRecord(ctx context.Context, from Account, inputsHash [32]byte, gasLimit, gasPx, firstBlock uint64, nonce *big.Int) (*TaskRecord, error) {
	r, err := e.send(ctx, from, "create a deployment task record",
		e.abi.PackCreateDeploymentTaskRecord(inputsHash, gasLimit, gasPx, new(big.Int).SetUint64(firstBlock), nonce))
	if err != nil {
		return nil, err
	}
	return e.taskFromReceipt(r)
}

func (e *Enigma) taskFromReceipt(r *types.Receipt) (*TaskRecord, error) {
	for _, l := range r.Logs {
		if l.Address != e.addrs.Enigma {
			continue
		}
		if ev, err := e.abi.UnpackTaskRecordCreatedEvent(l); err == nil {
			return &TaskRecord{TaskID: ev.TaskId, Block: r.BlockNumber.Uint64(), Receipt: r}, nil
		}
	}
	return nil, api.Errorf(api.CodeChain, "chain: tx %s created no TaskRecordCreated event", r.TxHash.Hex())
}

// ComputeReceipt is what a worker commits for a successful compute task.
type ComputeReceipt struct {
	ScAddr, TaskID, StateDeltaHash, OutputHash [32]byte
	EthData                                    []byte
	EthAddr                                    common.Address
	GasUsed                                    uint64
	Sig                                        []byte
}

// CommitReceipt commits a compute receipt.
func (e *Enigma) CommitReceipt(ctx context.Context, from Account, r ComputeReceipt) (*types.Receipt, error) {
	return e.send(ctx, from, fmt.Sprintf("commit the receipt of task %x", r.TaskID),
		e.abi.PackCommitReceipt(r.ScAddr, r.TaskID, r.StateDeltaHash, r.OutputHash, r.EthData, r.EthAddr, r.GasUsed, r.Sig))
}

// CommitTaskFailure commits a compute failure receipt.
func (e *Enigma) CommitTaskFailure(ctx context.Context, from Account, scAddr, taskID, outputHash [32]byte, gasUsed uint64, sig []byte) (*types.Receipt, error) {
	return e.send(ctx, from, fmt.Sprintf("commit the failure of task %x", taskID),
		e.abi.PackCommitTaskFailure(scAddr, taskID, outputHash, gasUsed, sig))
}

// DeployReceipt is what a worker commits for a successful deployment.
type DeployReceipt struct {
	TaskID, PreCodeHash, CodeHash, InitStateDeltaHash [32]byte
	EthData                                           []byte
	EthAddr                                           common.Address
	GasUsed                                           uint64
	Sig                                               []byte
}

// DeploySecretContract commits a deployment receipt.
func (e *Enigma) DeploySecretContract(ctx context.Context, from Account, r DeployReceipt) (*types.Receipt, error) {
	return e.send(ctx, from, fmt.Sprintf("commit the deployment of %x", r.TaskID),
		e.abi.PackDeploySecretContract(r.TaskID, r.PreCodeHash, r.CodeHash, r.InitStateDeltaHash, r.EthData, r.EthAddr, r.GasUsed, r.Sig))
}

// DeploySecretContractFailure commits a deployment failure receipt.
func (e *Enigma) DeploySecretContractFailure(ctx context.Context, from Account, taskID, codeHash [32]byte, gasUsed uint64, sig []byte) (*types.Receipt, error) {
	return e.send(ctx, from, fmt.Sprintf("commit the failed deployment %x", taskID),
		e.abi.PackDeploySecretContractFailure(taskID, codeHash, gasUsed, sig))
}

// ReturnFeesForTask returns the fee of a task that timed out to its sender.
func (e *Enigma) ReturnFeesForTask(ctx context.Context, from Account, taskID [32]byte) (*types.Receipt, error) {
	return e.send(ctx, from, fmt.Sprintf("return the fees of task %x", taskID), e.abi.PackReturnFeesForTask(taskID))
}

// ---- views ----

func (e *Enigma) big(block uint64) *big.Int { return new(big.Int).SetUint64(block) }

// WorkerParams are the epoch parameters in force at block.
func (e *Enigma) WorkerParams(ctx context.Context, block uint64) (bindings.GetWorkerParamsOutput, error) {
	return view(ctx, e.c, e.addrs.Enigma, "worker params", e.abi.PackGetWorkerParams(e.big(block)), e.abi.UnpackGetWorkerParams)
}

// ActiveWorkers are the logged-in workers and their stakes at block.
func (e *Enigma) ActiveWorkers(ctx context.Context, block uint64) (bindings.GetActiveWorkersOutput, error) {
	return view(ctx, e.c, e.addrs.Enigma, "active workers", e.abi.PackGetActiveWorkers(e.big(block)), e.abi.UnpackGetActiveWorkers)
}

// WorkerGroup is the workers selected for scAddr in the epoch of block.
func (e *Enigma) WorkerGroup(ctx context.Context, block uint64, scAddr [32]byte) ([]common.Address, error) {
	return view(ctx, e.c, e.addrs.Enigma, "worker group", e.abi.PackGetWorkerGroup(e.big(block), scAddr), e.abi.UnpackGetWorkerGroup)
}

// FirstBlockNumber is the first block of the epoch containing block.
func (e *Enigma) FirstBlockNumber(ctx context.Context, block uint64) (uint64, error) {
	v, err := view(ctx, e.c, e.addrs.Enigma, "epoch first block", e.abi.PackGetFirstBlockNumber(e.big(block)), e.abi.UnpackGetFirstBlockNumber)
	if err != nil {
		return 0, err
	}
	return v.Uint64(), nil
}

// EpochState is the number of epochs set and the current epoch's first block.
func (e *Enigma) EpochState(ctx context.Context) (bindings.GetEpochStateOutput, error) {
	return view(ctx, e.c, e.addrs.Enigma, "epoch state", e.abi.PackGetEpochState(), e.abi.UnpackGetEpochState)
}

// EpochSize is the number of blocks per epoch.
func (e *Enigma) EpochSize(ctx context.Context) (uint64, error) {
	v, err := view(ctx, e.c, e.addrs.Enigma, "epoch size", e.abi.PackGetEpochSize(), e.abi.UnpackGetEpochSize)
	if err != nil {
		return 0, err
	}
	return v.Uint64(), nil
}

// TaskTimeoutSize is the number of blocks after which fees can be returned.
func (e *Enigma) TaskTimeoutSize(ctx context.Context) (uint64, error) {
	v, err := view(ctx, e.c, e.addrs.Enigma, "task timeout", e.abi.PackGetTaskTimeoutSize(), e.abi.UnpackGetTaskTimeoutSize)
	if err != nil {
		return 0, err
	}
	return v.Uint64(), nil
}

// UserTaskDeployments is the task counter of sender (the next task's nonce).
func (e *Enigma) UserTaskDeployments(ctx context.Context, sender common.Address) (*big.Int, error) {
	return view(ctx, e.c, e.addrs.Enigma, "user task count", e.abi.PackGetUserTaskDeployments(sender), e.abi.UnpackGetUserTaskDeployments)
}

// TaskRecord reads a task record.
func (e *Enigma) TaskRecord(ctx context.Context, taskID [32]byte) (bindings.EnigmaTaskRecord, error) {
	return view(ctx, e.c, e.addrs.Enigma, fmt.Sprintf("task record %x", taskID), e.abi.PackGetTaskRecord(taskID), e.abi.UnpackGetTaskRecord)
}

// SecretContract reads a secret contract's record.
func (e *Enigma) SecretContract(ctx context.Context, scAddr [32]byte) (bindings.EnigmaSecretContract, error) {
	return view(ctx, e.c, e.addrs.Enigma, fmt.Sprintf("secret contract %x", scAddr), e.abi.PackGetSecretContract(scAddr), e.abi.UnpackGetSecretContract)
}

// CountStateDeltas is the number of state deltas of a secret contract.
func (e *Enigma) CountStateDeltas(ctx context.Context, scAddr [32]byte) (uint64, error) {
	v, err := view(ctx, e.c, e.addrs.Enigma, "state delta count", e.abi.PackCountStateDeltas(scAddr), e.abi.UnpackCountStateDeltas)
	if err != nil {
		return 0, err
	}
	return v.Uint64(), nil
}

// StateDeltaHash is the index-th state delta hash of a secret contract.
func (e *Enigma) StateDeltaHash(ctx context.Context, scAddr [32]byte, index uint64) ([32]byte, error) {
	return view(ctx, e.c, e.addrs.Enigma, "state delta hash", e.abi.PackGetStateDeltaHash(scAddr, e.big(index)), e.abi.UnpackGetStateDeltaHash)
}

// AllSecretContractAddresses lists every deployed secret contract.
func (e *Enigma) AllSecretContractAddresses(ctx context.Context) ([][32]byte, error) {
	return view(ctx, e.c, e.addrs.Enigma, "secret contract addresses", e.abi.PackGetAllSecretContractAddresses(), e.abi.UnpackGetAllSecretContractAddresses)
}

// Worker reads a worker by its custodian (sending) address.
func (e *Enigma) Worker(ctx context.Context, custodian common.Address) (bindings.EnigmaWorker, error) {
	return view(ctx, e.c, e.addrs.Enigma, "worker "+custodian.Hex(), e.abi.PackGetWorker(custodian), e.abi.UnpackGetWorker)
}

// WorkerFromSigningAddress reads a worker by its enclave signing address.
func (e *Enigma) WorkerFromSigningAddress(ctx context.Context, signer common.Address) (bindings.GetWorkerFromSigningAddressOutput, error) {
	return view(ctx, e.c, e.addrs.Enigma, "worker with signer "+signer.Hex(), e.abi.PackGetWorkerFromSigningAddress(signer), e.abi.UnpackGetWorkerFromSigningAddress)
}

// Report reads the attestation report a custodian registered with.
func (e *Enigma) Report(ctx context.Context, custodian common.Address) (bindings.GetReportOutput, error) {
	return view(ctx, e.c, e.addrs.Enigma, "report of "+custodian.Hex(), e.abi.PackGetReport(custodian), e.abi.UnpackGetReport)
}

// CallbackForwarder is the contract that makes secret contracts' Ethereum
// callbacks: callees see it as msg.sender and ask it for the origin.
func (e *Enigma) CallbackForwarder(ctx context.Context) (common.Address, error) {
	return view(ctx, e.c, e.addrs.Enigma, "callback forwarder", e.abi.PackGetCallbackForwarder(), e.abi.UnpackGetCallbackForwarder)
}

// IsDeploymentTask reports whether taskID is a deployment's task record.
func (e *Enigma) IsDeploymentTask(ctx context.Context, taskID [32]byte) (bool, error) {
	info, err := e.TaskInfo(ctx, taskID)
	return info.Deployment, err
}

// TaskInfo reads what a task record holds beyond TaskRecord: whether it is
// a deployment, and the first block of the epoch it is bound to (the epoch
// whose selection runs it, which for a record mined just after an epoch
// change can be the previous one), 0 once the chain no longer holds that
// epoch.
func (e *Enigma) TaskInfo(ctx context.Context, taskID [32]byte) (bindings.GetTaskInfoOutput, error) {
	return view(ctx, e.c, e.addrs.Enigma, "task info", e.abi.PackGetTaskInfo(taskID), e.abi.UnpackGetTaskInfo)
}

// TaskEpoch reads the parameters of the epoch a task record is bound to.
// The first block is 0 when there is no such record or the chain no longer
// holds its epoch.
func (e *Enigma) TaskEpoch(ctx context.Context, taskID [32]byte) (bindings.GetWorkerParamsOutput, error) {
	info, err := e.TaskInfo(ctx, taskID)
	if err != nil || info.EpochFirstBlock == nil || info.EpochFirstBlock.Sign() == 0 {
		return bindings.GetWorkerParamsOutput{Arg0: new(big.Int)}, err
	}
	p, err := e.WorkerParams(ctx, info.EpochFirstBlock.Uint64())
	if err == nil && (p.Arg0 == nil || p.Arg0.Cmp(info.EpochFirstBlock) != 0) {
		// The ring moved on between the two reads.
		return bindings.GetWorkerParamsOutput{Arg0: new(big.Int)}, nil
	}
	return p, err
}

// UserBalanceLocked is UserBalance.UnlockBlock while a deposit locks the
// balance for batched tasks and no withdrawal was requested.
const UserBalanceLocked = math.MaxUint64

// UserBalance is a user's balance in the Enigma contract (refunds and
// deposits for batched tasks) and its lock.
type UserBalance struct {
	Balance *big.Int
	// UnlockBlock is 0 for a balance that is not locked,
	// UserBalanceLocked while it is locked with no withdrawal requested,
	// and otherwise the first block from which it can be withdrawn.
	UnlockBlock uint64
}

// Batchable is what the user's batched tasks accepted now may charge: the
// whole balance while it is locked with no withdrawal requested, else
// nothing. It stays in the contract for at least TaskTimeoutSize blocks
// after the read (a withdrawal request unlocks it no sooner), so a worker
// that commits within that time is paid; a worker also counts the fees of
// the user's tasks it accepted and has not committed yet against it.
func (b UserBalance) Batchable() *big.Int {
	if b.UnlockBlock != UserBalanceLocked || b.Balance == nil {
		return new(big.Int)
	}
	return new(big.Int).Set(b.Balance)
}

// ForRecords is what a task record created in block may draw from the
// balance (createTaskRecord takes the fee from it first, then from
// tokens): all of it once unlocked, nothing while locked.
func (b UserBalance) ForRecords(block uint64) *big.Int {
	if b.Balance == nil || block < b.UnlockBlock {
		return new(big.Int)
	}
	return new(big.Int).Set(b.Balance)
}

// UserBalance reads a user's balance and its lock.
func (e *Enigma) UserBalance(ctx context.Context, user common.Address) (UserBalance, error) {
	bal, err := view(ctx, e.c, e.addrs.Enigma, "user balance of "+user.Hex(), e.abi.PackGetUserBalance(user), e.abi.UnpackGetUserBalance)
	if err != nil {
		return UserBalance{}, err
	}
	unlock, err := view(ctx, e.c, e.addrs.Enigma, "unlock block of "+user.Hex(), e.abi.PackGetUserUnlockBlock(user), e.abi.UnpackGetUserUnlockBlock)
	if err != nil {
		return UserBalance{}, err
	}
	if !unlock.IsUint64() {
		return UserBalance{}, api.Errorf(api.CodeChain, "chain: unlock block %v of %s does not fit 64 bits (is %s the Enigma contract?)", unlock, user.Hex(), e.addrs.Enigma.Hex())
	}
	return UserBalance{Balance: bal, UnlockBlock: unlock.Uint64()}, nil
}

// Principal is the key manager's signing address.
func (e *Enigma) Principal(ctx context.Context) (common.Address, error) {
	return view(ctx, e.c, e.addrs.Enigma, "principal", e.abi.PackGetPrincipal(), e.abi.UnpackGetPrincipal)
}

// Transact sends data (packed with ABI().PackXxx) to the Enigma contract
// and waits for the receipt: for contract functions without a typed
// method here.
func (e *Enigma) Transact(ctx context.Context, from Account, what string, data []byte) (*types.Receipt, error) {
	return e.send(ctx, from, what, data)
}

// View calls a view of the Enigma contract with data packed by
// ABI().PackXxx; unpack the answer with the matching UnpackXxx.
func (e *Enigma) View(ctx context.Context, what string, data []byte) ([]byte, error) {
	return view(ctx, e.c, e.addrs.Enigma, what, data, func(b []byte) ([]byte, error) { return b, nil })
}
