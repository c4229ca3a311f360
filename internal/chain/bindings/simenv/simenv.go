// Package simenv runs the Enigma contracts on go-ethereum's in-process
// simulated chain, with the roles around them played by deterministic keys:
// the token owner, the key manager (custodian account + enclave signing key,
// the contract's principal), the simulation attestation key and any number
// of workers. The contract tests and `enigma bench gas` use it; it signs
// everything the way the enclaves do (internal/crypto/compat), so what
// passes here passes on a real chain.
//
// It is test and benchmark scaffolding: node roles never import it.
package simenv

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/params"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/batch"
	"github.com/enigma-go/enigma/internal/chain/bindings"
	"github.com/enigma-go/enigma/internal/crypto/compat"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/enclave/sim"
)

// Account is an Ethereum key pair.
type Account struct {
	Key  *ecdsa.PrivateKey
	Addr common.Address
}

// NewAccount derives a key deterministically from name.
func NewAccount(name string) *Account {
	seed := crypto.Keccak256([]byte("enigma-go/simenv: " + name))
	key, err := crypto.ToECDSA(seed)
	if err != nil {
		panic(err) // a keccak output is a valid key with overwhelming probability; a failure is a broken invariant
	}
	return &Account{Key: key, Addr: crypto.PubkeyToAddress(key.PublicKey)}
}

// Node is a worker or the key manager: the account that sends its
// transactions and holds its stake (custodian) and its enclave's signing key.
type Node struct {
	Name      string
	Custodian *Account
	Signer    *Account
}

// Config says what to set up.
type Config struct {
	Workers       int    // workers to create (not registered yet)
	EpochSize     uint64 // blocks per epoch
	TimeoutEpochs uint64 // epochs before fees can be returned
}

// DefaultConfig is a small network: 3 workers, epochs of 10 blocks, timeout of 2 epochs.
func DefaultConfig() Config { return Config{Workers: 3, EpochSize: 10, TimeoutEpochs: 2} }

// Env is a simulated chain with the token and Enigma deployed.
type Env struct {
	Backend *simulated.Backend
	Client  simulated.Client
	ChainID *big.Int

	Owner       *Account // deployed the contracts, holds the whole token supply
	KM          *Node    // the key manager; KM.Signer is the principal
	Attestation *Account // simulation attestation key
	Workers     []*Node

	TokenABI  *bindings.EnigmaToken
	EnigmaABI *bindings.Enigma
	Token     *bind.BoundContract
	Enigma    *bind.BoundContract
	// Verifier is the SimAttestationVerifier; Forwarder the
	// CallbackForwarder the Enigma contract created.
	Verifier  common.Address
	Forwarder common.Address

	cfg Config
}

// OriginalSupply is the token supply the simulated chain mints: the
// original ENG token's 150 million ENG, in grains.
var OriginalSupply = new(big.Int).Mul(big.NewInt(150_000_000), big.NewInt(100_000_000))

// New starts a chain and deploys EnigmaToken and Enigma.
func New(cfg Config) (*Env, error) {
	if cfg.EpochSize == 0 {
		return nil, errors.New("simenv: EpochSize must be positive")
	}
	e := &Env{
		Owner:       NewAccount("owner"),
		KM:          &Node{Name: "km", Custodian: NewAccount("km custodian"), Signer: NewAccount("km signer")},
		Attestation: NewAccount("attestation"),
		TokenABI:    bindings.NewEnigmaToken(),
		EnigmaABI:   bindings.NewEnigma(),
		cfg:         cfg,
	}
	for i := 0; i < cfg.Workers; i++ {
		e.Workers = append(e.Workers, NewWorker(fmt.Sprintf("worker %d", i)))
	}
	alloc := types.GenesisAlloc{}
	eth := new(big.Int).Mul(big.NewInt(1e18), big.NewInt(1e6))
	for _, a := range e.allAccounts() {
		alloc[a.Addr] = types.Account{Balance: eth}
	}
	e.Backend = simulated.NewBackend(alloc, simulated.WithBlockGasLimit(60_000_000), withMainnetRules)
	e.Client = e.Backend.Client()
	id, err := e.Client.ChainID(context.Background())
	if err != nil {
		e.Close()
		return nil, err
	}
	e.ChainID = id

	tokenAddr, err := e.Deploy(e.Owner, bindings.EnigmaTokenMetaData.Bin, e.TokenABI.PackConstructor(OriginalSupply))
	if err != nil {
		e.Close()
		return nil, fmt.Errorf("simenv: deploy token: %w", err)
	}
	e.Token = e.TokenABI.Instance(e.Client, tokenAddr)
	vctor := bindings.NewSimAttestationVerifier().PackConstructor(e.Attestation.Addr, Measurement, MinSecurityVersion)
	if e.Verifier, err = e.Deploy(e.Owner, bindings.SimAttestationVerifierMetaData.Bin, vctor); err != nil {
		e.Close()
		return nil, fmt.Errorf("simenv: deploy the attestation verifier: %w", err)
	}
	ctor := e.EnigmaABI.PackConstructor(tokenAddr, e.KM.Signer.Addr, new(big.Int).SetUint64(cfg.EpochSize),
		new(big.Int).SetUint64(cfg.TimeoutEpochs), e.Verifier, big.NewInt(CallbackGas), big.NewInt(StakingThreshold))
	enigmaAddr, err := e.Deploy(e.Owner, bindings.EnigmaMetaData.Bin, ctor)
	if err != nil {
		e.Close()
		return nil, fmt.Errorf("simenv: deploy enigma: %w", err)
	}
	e.Enigma = e.EnigmaABI.Instance(e.Client, enigmaAddr)
	if e.Forwarder, err = Call(e, e.EnigmaABI.PackGetCallbackForwarder(), e.EnigmaABI.UnpackGetCallbackForwarder); err != nil {
		e.Close()
		return nil, err
	}
	return e, nil
}

// What the simulated network pins: the enclave measurement and lowest
// security version its verifier accepts, and the gas of every callback.
var Measurement = crypto.Keccak256Hash([]byte("enigma-go/simenv: enclave"))

const (
	MinSecurityVersion = 1
	CallbackGas        = 500_000
	StakingThreshold   = 1 // grain: the contract tests stake what they like
)

// withMainnetRules runs the chain under the forks live on Ethereum mainnet
// (up to Osaka). The simulated backend otherwise also enables the
// unreleased Bogota rules (EIP-8037/8038 state-gas repricing), under which
// gas figures mean nothing for deployments today.
func withMainnetRules(_ *node.Config, ethConf *ethconfig.Config) {
	cfg := *params.AllDevChainProtocolChanges
	cfg.BogotaTime = nil
	ethConf.Genesis.Config = &cfg
}

// NewWorker derives a worker's keys from its name.
func NewWorker(name string) *Node {
	return &Node{Name: name, Custodian: NewAccount(name + " custodian"), Signer: NewAccount(name + " signer")}
}

func (e *Env) allAccounts() []*Account {
	out := []*Account{e.Owner, e.KM.Custodian, e.Attestation}
	for _, w := range e.Workers {
		out = append(out, w.Custodian)
	}
	for i := 0; i < Users; i++ {
		out = append(out, User(i))
	}
	return out
}

// Users is the number of user accounts funded with ETH at genesis.
const Users = 256

// User is the i-th user account (0..Users-1 are funded with ETH at genesis).
func User(i int) *Account { return NewAccount(fmt.Sprintf("user %d", i)) }

// Close stops the chain.
func (e *Env) Close() {
	if e.Backend != nil {
		e.Backend.Close()
	}
}

// EnigmaAddr is the Enigma contract's address.
func (e *Env) EnigmaAddr() common.Address { return e.Enigma.Address() }

// TokenAddr is the token's address.
func (e *Env) TokenAddr() common.Address { return e.Token.Address() }

// Deploy deploys creation code (hex) with constructor input and mines it.
func (e *Env) Deploy(from *Account, binHex string, ctorInput []byte) (common.Address, error) {
	opts := bind.NewKeyedTransactor(from.Key, e.ChainID)
	addr, tx, err := bind.DeployContract(opts, common.FromHex(binHex), e.Client, ctorInput)
	if err != nil {
		return common.Address{}, err
	}
	e.Backend.Commit()
	r, err := e.Client.TransactionReceipt(context.Background(), tx.Hash())
	if err != nil {
		return common.Address{}, err
	}
	if r.Status != types.ReceiptStatusSuccessful {
		return common.Address{}, fmt.Errorf("deployment reverted (gas used %d)", r.GasUsed)
	}
	return addr, nil
}

// Send sends a transaction calling c with data from an account, mines it
// and returns its receipt. Gas is estimated, so a call that would revert
// fails here with the revert reason in the error.
func (e *Env) Send(from *Account, c *bind.BoundContract, data []byte) (*types.Receipt, error) {
	return e.SendGas(from, c, data, 0)
}

// SendGas is Send with a fixed gas limit (0: estimate).
func (e *Env) SendGas(from *Account, c *bind.BoundContract, data []byte, gas uint64) (*types.Receipt, error) {
	opts := bind.NewKeyedTransactor(from.Key, e.ChainID)
	opts.GasLimit = gas
	tx, err := bind.Transact(c, opts, data)
	if err != nil {
		return nil, err
	}
	e.Backend.Commit()
	r, err := e.Client.TransactionReceipt(context.Background(), tx.Hash())
	if err != nil {
		return nil, err
	}
	if r.Status != types.ReceiptStatusSuccessful {
		return r, fmt.Errorf("transaction reverted (gas used %d)", r.GasUsed)
	}
	return r, nil
}

// Call runs a view on the Enigma contract.
func Call[T any](e *Env, data []byte, unpack func([]byte) (T, error)) (T, error) {
	return bind.Call(e.Enigma, nil, data, unpack)
}

// Mine mines n empty blocks.
func (e *Env) Mine(n uint64) {
	for i := uint64(0); i < n; i++ {
		e.Backend.Commit()
	}
}

// Head is the number of the latest block.
func (e *Env) Head() uint64 {
	n, err := e.Client.BlockNumber(context.Background())
	if err != nil {
		panic(err) // the in-process chain does not fail to answer
	}
	return n
}

// ---- tokens ----

// Fund transfers amount grains of ENG from the owner to addr.
func (e *Env) Fund(addr common.Address, amount *big.Int) error {
	_, err := e.Send(e.Owner, e.Token, e.TokenABI.PackTransfer(addr, amount))
	return err
}

// Approve lets the Enigma contract pull amount from a.
func (e *Env) Approve(a *Account, amount *big.Int) (*types.Receipt, error) {
	return e.Send(a, e.Token, e.TokenABI.PackApprove(e.EnigmaAddr(), amount))
}

// BalanceOf is the ENG balance of addr.
func (e *Env) BalanceOf(addr common.Address) *big.Int {
	v, err := bind.Call(e.Token, nil, e.TokenABI.PackBalanceOf(addr), e.TokenABI.UnpackBalanceOf)
	if err != nil {
		panic(err)
	}
	return v
}

// ---- workers and epochs ----

// Report is a simulated attestation report (docs/protocol/attestation-sim.md).
type Report struct {
	Signer, Custodian common.Address
	Product           byte
	Measurement       [32]byte
	SecurityVersion   uint16
	ChainID           *big.Int       // nil: the chain's
	Enigma            common.Address // zero: the Enigma contract's
}

// Bytes encodes the report with its registration binding.
func (e *Env) Bytes(r Report) []byte {
	chainID, enigma := r.ChainID, r.Enigma
	if chainID == nil {
		chainID = e.ChainID
	}
	if enigma == (common.Address{}) {
		enigma = e.EnigmaAddr()
	}
	rep := sim.Report{Signer: api.EthAddress(r.Signer), Measurement: r.Measurement, ProductID: r.Product, SecurityVersion: r.SecurityVersion,
		Binding: enclave.RegistrationBinding(chainID.Uint64(), api.EthAddress(enigma), api.EthAddress(r.Custodian))}
	return rep.Bytes()
}

// SignReport signs report bytes with key as the attestation service does.
func SignReport(key *ecdsa.PrivateKey, report []byte) []byte {
	return mustSign(key, sim.ReportHash(report))
}

// NodeReport is the valid report of n's enclave (product id 1 worker, 2
// key manager), bound to n's custodian, signed by the attestation key.
func (e *Env) NodeReport(n *Node) (report []byte, sig []byte) {
	product := byte(1)
	if n.Signer.Addr == e.KM.Signer.Addr {
		product = 2
	}
	report = e.Bytes(Report{Signer: n.Signer.Addr, Custodian: n.Custodian.Addr, Product: product,
		Measurement: Measurement, SecurityVersion: MinSecurityVersion})
	return report, SignReport(e.Attestation.Key, report)
}

// Register registers a worker (product id 1) or the key manager (2).
func (e *Env) Register(n *Node) error {
	report, sig := e.NodeReport(n)
	_, err := e.Send(n.Custodian, e.Enigma, e.EnigmaABI.PackRegister(n.Signer.Addr, report, sig))
	return err
}

// Stake funds a registered worker's custodian with amount ENG, deposits it
// and logs the worker in.
func (e *Env) Stake(n *Node, amount *big.Int) error {
	if err := e.Fund(n.Custodian.Addr, amount); err != nil {
		return err
	}
	if _, err := e.Approve(n.Custodian, amount); err != nil {
		return err
	}
	if _, err := e.Send(n.Custodian, e.Enigma, e.EnigmaABI.PackDeposit(n.Custodian.Addr, amount)); err != nil {
		return err
	}
	_, err := e.Send(n.Custodian, e.Enigma, e.EnigmaABI.PackLogin())
	return err
}

// Bootstrap registers the key manager and every worker and stakes each
// worker with stake grains (worker i gets stake*(i+1)), then starts the
// first epoch.
func (e *Env) Bootstrap(stake *big.Int) error {
	if err := e.Register(e.KM); err != nil {
		return fmt.Errorf("register key manager: %w", err)
	}
	for i, w := range e.Workers {
		if err := e.Register(w); err != nil {
			return fmt.Errorf("register %s: %w", w.Name, err)
		}
		if err := e.Stake(w, new(big.Int).Mul(stake, big.NewInt(int64(i+1)))); err != nil {
			return fmt.Errorf("stake %s: %w", w.Name, err)
		}
	}
	_, err := e.NewEpoch(big.NewInt(1))
	return err
}

// EpochParamsSig is the key manager's signature of an epoch's parameters.
func (e *Env) EpochParamsSig(key *ecdsa.PrivateKey, seed, nonce *big.Int, workers []common.Address, stakes []*big.Int) []byte {
	s, err := compat.Sign(key, compat.WorkersParamsHash(seed, nonce, workers, stakes))
	if err != nil {
		panic(err)
	}
	return s[:]
}

// NewEpoch mines blocks up to the next epoch boundary if needed and sets
// the workers' parameters with seed, signed by the key manager.
func (e *Env) NewEpoch(seed *big.Int) (*types.Receipt, error) {
	count, first := e.EpochState()
	if count > 0 {
		for e.Head() < first+e.cfg.EpochSize {
			e.Backend.Commit()
		}
	}
	block := new(big.Int).SetUint64(e.Head())
	active, err := Call(e, e.EnigmaABI.PackGetActiveWorkers(block), e.EnigmaABI.UnpackGetActiveWorkers)
	if err != nil {
		return nil, err
	}
	sig := e.EpochParamsSig(e.KM.Signer.Key, seed, new(big.Int).SetUint64(count), active.Arg0, active.Arg1)
	return e.Send(e.KM.Custodian, e.Enigma, e.EnigmaABI.PackSetWorkersParams(block, seed, sig))
}

// EpochState is the number of epochs set and the current epoch's first block.
func (e *Env) EpochState() (count, firstBlock uint64) {
	st, err := Call(e, e.EnigmaABI.PackGetEpochState(), e.EnigmaABI.UnpackGetEpochState)
	if err != nil {
		panic(err)
	}
	return st.Count.Uint64(), st.FirstBlock.Uint64()
}

// FirstBlock is the current epoch's first block, as clients pass it to
// createTaskRecord.
func (e *Env) FirstBlock() *big.Int {
	_, first := e.EpochState()
	return new(big.Int).SetUint64(first)
}

// NodeBySigner finds the worker (or key manager) with that signing address.
func (e *Env) NodeBySigner(signer common.Address) *Node {
	for _, w := range append([]*Node{e.KM}, e.Workers...) {
		if w.Signer.Addr == signer {
			return w
		}
	}
	return nil
}

// Selected is the worker the contract selects for scAddr at block.
func (e *Env) Selected(block uint64, scAddr [32]byte) (*Node, error) {
	group, err := Call(e, e.EnigmaABI.PackGetWorkerGroup(new(big.Int).SetUint64(block), scAddr), e.EnigmaABI.UnpackGetWorkerGroup)
	if err != nil {
		return nil, err
	}
	if len(group) == 0 {
		return nil, errors.New("simenv: no worker selected")
	}
	n := e.NodeBySigner(group[0])
	if n == nil {
		return nil, fmt.Errorf("simenv: selected signer %s is unknown", group[0])
	}
	return n, nil
}

// ---- tasks ----

// Task is a task record as created here.
type Task struct {
	ID         [32]byte
	InputsHash [32]byte
	GasLimit   uint64
	GasPx      uint64
	Block      uint64
	Sender     *Account
	Receipt    *types.Receipt
}

// Fee is gasLimit * gasPx.
func (t *Task) Fee() *big.Int {
	return new(big.Int).Mul(new(big.Int).SetUint64(t.GasLimit), new(big.Int).SetUint64(t.GasPx))
}

// CreateTask approves the fee and creates a compute (deploy=false) or
// deployment task record from user, as enigma-js does. The approve
// receipt is returned beside the task.
func (e *Env) CreateTask(user *Account, inputsHash [32]byte, gasLimit, gasPx uint64, deploy bool) (*Task, *types.Receipt, error) {
	return e.CreateTaskIn(e.FirstBlock(), user, inputsHash, gasLimit, gasPx, deploy)
}

// CreateTaskIn is CreateTask naming the epoch that starts at firstBlock,
// as a client does that selected its worker in that epoch.
func (e *Env) CreateTaskIn(firstBlock *big.Int, user *Account, inputsHash [32]byte, gasLimit, gasPx uint64, deploy bool) (*Task, *types.Receipt, error) {
	t := &Task{InputsHash: inputsHash, GasLimit: gasLimit, GasPx: gasPx, Sender: user}
	approve, err := e.Approve(user, t.Fee())
	if err != nil {
		return nil, nil, fmt.Errorf("approve: %w", err)
	}
	nonce, err := Call(e, e.EnigmaABI.PackGetUserTaskDeployments(user.Addr), e.EnigmaABI.UnpackGetUserTaskDeployments)
	if err != nil {
		return nil, nil, err
	}
	var data []byte
	if deploy {
		data = e.EnigmaABI.PackCreateDeploymentTaskRecord(inputsHash, gasLimit, gasPx, firstBlock, nonce)
	} else {
		data = e.EnigmaABI.PackCreateTaskRecord(inputsHash, gasLimit, gasPx, firstBlock)
	}
	r, err := e.Send(user, e.Enigma, data)
	if err != nil {
		return nil, approve, err
	}
	t.Receipt = r
	t.Block = r.BlockNumber.Uint64()
	t.ID = compat.TaskID(user.Addr, nonce)
	return t, approve, nil
}

// DeployReceipt is what a worker commits for a deployment.
type DeployReceipt struct {
	PreCodeHash, CodeHash, InitDelta [32]byte
	EthData                          []byte
	EthAddr                          common.Address
	GasUsed                          uint64
}

// SignDeploy signs a deploy receipt for t with n's enclave key.
func SignDeploy(n *Node, t *Task, r DeployReceipt) []byte {
	h := compat.DeployReceiptHash(t.InputsHash, r.CodeHash, r.InitDelta, t.GasLimit, r.GasUsed, r.EthData, r.EthAddr)
	return mustSign(n.Signer.Key, h)
}

// CommitDeploy signs and commits a deploy receipt from n (gas 0: estimate).
func (e *Env) CommitDeploy(n *Node, t *Task, r DeployReceipt, gas uint64) (*types.Receipt, error) {
	sig := SignDeploy(n, t, r)
	data := e.EnigmaABI.PackDeploySecretContract(t.ID, r.PreCodeHash, r.CodeHash, r.InitDelta, r.EthData, r.EthAddr, r.GasUsed, sig)
	return e.SendGas(n.Custodian, e.Enigma, data, gas)
}

// ComputeReceipt is what a worker commits for a compute task.
type ComputeReceipt struct {
	CodeHash, PrevDelta  [32]byte // as the worker knows them (the contract rebuilds its own)
	NewDelta, OutputHash [32]byte
	EthData              []byte
	EthAddr              common.Address
	GasUsed              uint64
}

// SignCompute signs a compute receipt for t with n's enclave key.
func SignCompute(n *Node, t *Task, r ComputeReceipt) []byte {
	h := compat.ComputeReceiptHash(r.CodeHash, t.InputsHash, r.PrevDelta, r.NewDelta, r.OutputHash, t.GasLimit,
		r.GasUsed, r.EthData, r.EthAddr)
	return mustSign(n.Signer.Key, h)
}

// CommitCompute signs and commits a compute receipt for scAddr from n.
func (e *Env) CommitCompute(n *Node, scAddr [32]byte, t *Task, r ComputeReceipt, gas uint64) (*types.Receipt, error) {
	sig := SignCompute(n, t, r)
	data := e.EnigmaABI.PackCommitReceipt(scAddr, t.ID, r.NewDelta, r.OutputHash, r.EthData, r.EthAddr, r.GasUsed, sig)
	return e.SendGas(n.Custodian, e.Enigma, data, gas)
}

// CommitFailure signs and commits a compute failure receipt.
func (e *Env) CommitFailure(n *Node, scAddr, codeHash [32]byte, t *Task, outputHash [32]byte, gasUsed uint64) (*types.Receipt, error) {
	sig := mustSign(n.Signer.Key, compat.ComputeFailureReceiptHash(t.InputsHash, codeHash, t.GasLimit, gasUsed))
	return e.Send(n.Custodian, e.Enigma, e.EnigmaABI.PackCommitTaskFailure(scAddr, t.ID, outputHash, gasUsed, sig))
}

// CommitDeployFailure signs and commits a deployment failure receipt.
func (e *Env) CommitDeployFailure(n *Node, t *Task, codeHash [32]byte, gasUsed uint64) (*types.Receipt, error) {
	sig := mustSign(n.Signer.Key, compat.DeployFailureReceiptHash(t.InputsHash, t.GasLimit, gasUsed))
	return e.Send(n.Custodian, e.Enigma, e.EnigmaABI.PackDeploySecretContractFailure(t.ID, codeHash, gasUsed, sig))
}

// Contract is the on-chain record of a secret contract.
func (e *Env) Contract(scAddr [32]byte) (bindings.EnigmaSecretContract, error) {
	return Call(e, e.EnigmaABI.PackGetSecretContract(scAddr), e.EnigmaABI.UnpackGetSecretContract)
}

// TaskRecord is the on-chain record of a task.
func (e *Env) TaskRecord(id [32]byte) (bindings.EnigmaTaskRecord, error) {
	return Call(e, e.EnigmaABI.PackGetTaskRecord(id), e.EnigmaABI.UnpackGetTaskRecord)
}

// LastDelta is the latest state delta hash of a secret contract.
func (e *Env) LastDelta(scAddr [32]byte) ([32]byte, error) {
	n, err := Call(e, e.EnigmaABI.PackCountStateDeltas(scAddr), e.EnigmaABI.UnpackCountStateDeltas)
	if err != nil {
		return [32]byte{}, err
	}
	if n.Sign() == 0 {
		return [32]byte{}, errors.New("simenv: contract has no state delta")
	}
	return Call(e, e.EnigmaABI.PackGetStateDeltaHash(scAddr, new(big.Int).Sub(n, big.NewInt(1))), e.EnigmaABI.UnpackGetStateDeltaHash)
}

// DeployContract runs a whole deployment from user: task record, receipt
// by the selected worker. It returns the contract address (the task id).
func (e *Env) DeployContract(user *Account, codeHash, initDelta [32]byte) ([32]byte, error) {
	inputs := compat.Keccak256([]byte("inputs"), codeHash[:], user.Addr[:])
	t, _, err := e.CreateTask(user, inputs, 1_000_000, 1, true)
	if err != nil {
		return [32]byte{}, err
	}
	w, err := e.Selected(t.Block, t.ID)
	if err != nil {
		return [32]byte{}, err
	}
	_, err = e.CommitDeploy(w, t, DeployReceipt{
		PreCodeHash: compat.Keccak256([]byte("pre"), codeHash[:]), CodeHash: codeHash, InitDelta: initDelta, GasUsed: 100_000,
	}, 0)
	return t.ID, err
}

// Hash is keccak256 of a string, for made-up hashes in tests.
func Hash(s string) [32]byte { return compat.Keccak256([]byte(s)) }

func mustSign(key *ecdsa.PrivateKey, h [32]byte) []byte {
	s, err := compat.Sign(key, h)
	if err != nil {
		panic(err) // signing a 32-byte hash with a valid key cannot fail
	}
	return s[:]
}

// ---- batched path ----

// DepositUser funds user with amount ENG from the owner and moves it into
// the user's balance in the Enigma contract (the prepaid balance batched
// tasks are paid from).
func (e *Env) DepositUser(user *Account, amount *big.Int) error {
	if err := e.Fund(user.Addr, amount); err != nil {
		return err
	}
	if _, err := e.Approve(user, amount); err != nil {
		return err
	}
	_, err := e.Send(user, e.Enigma, e.EnigmaABI.PackDepositUserBalance(amount))
	return err
}

// BatchHeader converts a batch.Header to the binding's struct.
func BatchHeader(h batch.Header) bindings.EnigmaBatchHeader {
	u := func(v uint64) *big.Int { return new(big.Int).SetUint64(v) }
	return bindings.EnigmaBatchHeader{
		ScAddr: h.ScAddr, EpochFirstBlock: u(h.EpochFirstBlock), BatchIndex: u(h.BatchIndex),
		PrevDeltaHash: h.PrevDeltaHash, NewDeltaHash: h.NewDeltaHash, Root: h.Root,
		TaskCount: u(h.TaskCount), GasUsed: u(h.GasUsed),
	}
}

// SignBatch signs a batch the way the selected worker's enclave does.
func (e *Env) SignBatch(signer *Account, h batch.Header, users []common.Address, fees []*big.Int) []byte {
	return mustSign(signer.Key, batch.Digest(e.ChainID, e.EnigmaAddr(), h, users, fees))
}

// CommitBatch signs a batch with n's enclave key and commits it from n's custodian.
func (e *Env) CommitBatch(n *Node, h batch.Header, users []common.Address, fees []*big.Int) (*types.Receipt, error) {
	sig := e.SignBatch(n.Signer, h, users, fees)
	return e.Send(n.Custodian, e.Enigma, e.EnigmaABI.PackCommitBatch(BatchHeader(h), users, fees, sig))
}

// NewBatch builds the header of the next batch for scAddr over tasks,
// ending in state newDelta (zero: unchanged), in the current epoch.
func (e *Env) NewBatch(scAddr [32]byte, tasks []batch.Task, newDelta [32]byte) (batch.Header, *batch.Tree, error) {
	tree, err := batch.NewTree(tasks)
	if err != nil {
		return batch.Header{}, nil, err
	}
	prev, err := e.LastDelta(scAddr)
	if err != nil {
		return batch.Header{}, nil, err
	}
	n, err := Call(e, e.EnigmaABI.PackCountBatches(scAddr), e.EnigmaABI.UnpackCountBatches)
	if err != nil {
		return batch.Header{}, nil, err
	}
	_, first := e.EpochState()
	return batch.Header{
		ScAddr: scAddr, EpochFirstBlock: first, BatchIndex: n.Uint64(), PrevDeltaHash: prev, NewDeltaHash: newDelta,
		Root: tree.Root(), TaskCount: uint64(len(tasks)), GasUsed: batch.GasUsed(tasks),
	}, tree, nil
}
