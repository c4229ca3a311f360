package node

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"path/filepath"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/enigma-go/enigma/api"
	"github.com/enigma-go/enigma/internal/chain"
	"github.com/enigma-go/enigma/internal/enclave"
	"github.com/enigma-go/enigma/internal/enclave/sim"
	"github.com/enigma-go/enigma/internal/gateway"
	"github.com/enigma-go/enigma/internal/km"
	"github.com/enigma-go/enigma/internal/state"
	"github.com/enigma-go/enigma/internal/vm"
	"github.com/enigma-go/enigma/internal/worker"
	"github.com/enigma-go/enigma/internal/workerapi"
)

// The builders below make each role's parts. Every program that runs a
// role calls them: Start (`enigma node`), the devnet (all roles in one
// process), the demo and the benchmarks. None of them picks how the roles
// reach one another: a worker is handed its Directory, KeyService and
// Attestor, and the key manager's builder returns what is to be served
// without serving it. The caller chooses the transport (Start: the
// serveKM, serveWorker and serveGateway functions; the devnet: in process).

// Files in a data dir.
const (
	// A worker's.
	workerSealKeyFile = "seal.key"
	workerSealedFile  = "sealed"
	workerStateDir    = "state"
	// A key manager's.
	kmSealKeyFile   = "km.seal"
	kmSealedFile    = "km.sealed"
	attestationFile = "attestation.key"
	addressesName   = "addresses.json"
)

// EnclaveFiles are where an enclave keeps its keys between runs.
type EnclaveFiles struct {
	// SealKeyFile holds the seal key; created when missing. Required.
	SealKeyFile string
	// SealedFile holds the sealed keys of an earlier run, read when it
	// exists; "" starts an enclave with new keys each time.
	SealedFile string
	// WriteSealed writes the enclave's sealed keys to SealedFile as soon
	// as it starts (its signing key is its registered identity) and on
	// Sealer.Seal. The host that owns the data dir does; a child process
	// that serves the enclave for it (`enigma enclave serve`) does not.
	WriteSealed bool
}

// WorkerEnclaveFiles are the files of the worker enclave whose host keeps
// its data in dir.
func WorkerEnclaveFiles(dir string) EnclaveFiles {
	return EnclaveFiles{SealKeyFile: filepath.Join(dir, workerSealKeyFile), SealedFile: filepath.Join(dir, workerSealedFile), WriteSealed: true}
}

// KMEnclaveFiles are the files of the key manager enclave whose host keeps
// its data in dir.
func KMEnclaveFiles(dir string) EnclaveFiles {
	return EnclaveFiles{SealKeyFile: filepath.Join(dir, kmSealKeyFile), SealedFile: filepath.Join(dir, kmSealedFile), WriteSealed: true}
}

// WorkerStateDir is where the worker whose host keeps its data in dir
// stores contract state.
func WorkerStateDir(dir string) string { return filepath.Join(dir, workerStateDir) }

// AttestationKeyFile is the simulated attestation service's key in the key
// manager's data dir dir.
func AttestationKeyFile(dir string) string { return filepath.Join(dir, attestationFile) }

// NewVM starts the contract VM, which every worker enclave of a process
// may share.
func NewVM(ctx context.Context, log *slog.Logger) (*vm.Engine, error) {
	vc := vm.DefaultConfig()
	vc.Logger = log
	e, err := vm.NewEngine(ctx, vc)
	if err != nil {
		return nil, fmt.Errorf("node: start the VM: %w", err)
	}
	return e, nil
}

// Sealer writes an enclave's sealed keys to its SealedFile: the key
// manager's state keys for new contracts and the epochs it signed, and a
// worker's identity, must survive a restart (km.Config.Changed calls it).
// It does nothing when the files say not to write.
type Sealer struct {
	mu    sync.Mutex
	enc   enclave.Common
	files EnclaveFiles
}

// Seal writes the enclave's sealed keys now.
func (s *Sealer) Seal(ctx context.Context) error {
	if !s.files.WriteSealed || s.files.SealedFile == "" {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sealed, err := s.enc.Seal(ctx, &enclave.SealRequest{})
	if err != nil {
		return fmt.Errorf("node: seal the enclave's keys: %w", err)
	}
	return WriteFileAtomic(s.files.SealedFile, sealed.Blob, 0o600)
}

// enclaveConfig is the simulator's configuration for an enclave whose keys
// are kept in f.
func enclaveConfig(f EnclaveFiles, log *slog.Logger) (sim.Config, error) {
	c := sim.DefaultConfig()
	c.SealKeyFile, c.Logger = f.SealKeyFile, log
	if f.SealedFile == "" {
		return c, nil
	}
	var err error
	c.Sealed, err = readSealed(f.SealedFile)
	return c, err
}

// NewWorkerEnclave starts a (simulated) worker enclave from its files,
// taking state keys only from the key manager enclave keyManager and
// running contracts on engine, and seals its keys once started.
func NewWorkerEnclave(ctx context.Context, f EnclaveFiles, keyManager api.EthAddress, engine *vm.Engine, log *slog.Logger) (*sim.Worker, *Sealer, error) {
	c, err := enclaveConfig(f, log)
	if err != nil {
		return nil, nil, err
	}
	c.KeyManager, c.Runner = keyManager, sim.NewVMRunner(engine)
	enc, err := sim.NewWorker(c)
	if err != nil {
		return nil, nil, fmt.Errorf("node: start the worker enclave (remove %s to start with a new identity): %w", f.SealedFile, err)
	}
	s, err := sealAtStart(ctx, enc, enc.Close, f)
	if err != nil {
		return nil, nil, err
	}
	return enc, s, nil
}

// sealAtStart makes enc's Sealer and seals its keys once; it closes the
// enclave when that fails.
func sealAtStart(ctx context.Context, enc enclave.Common, closeEnc func() error, f EnclaveFiles) (*Sealer, error) {
	s := &Sealer{enc: enc, files: f}
	if err := s.Seal(ctx); err != nil {
		closeEnc()
		return nil, err
	}
	return s, nil
}

// NewKMEnclave starts a (simulated) key manager enclave from its files and
// seals its keys once started: its signing key is the contract's principal.
func NewKMEnclave(ctx context.Context, f EnclaveFiles, log *slog.Logger) (*sim.KeyManager, *Sealer, error) {
	c, err := enclaveConfig(f, log)
	if err != nil {
		return nil, nil, err
	}
	enc, err := sim.NewKeyManager(c)
	if err != nil {
		return nil, nil, fmt.Errorf("node: start the key manager enclave (remove %s to start with new keys): %w", f.SealedFile, err)
	}
	s, err := sealAtStart(ctx, enc, enc.Close, f)
	if err != nil {
		return nil, nil, err
	}
	return enc, s, nil
}

// OpenStore opens a worker's state store in dir.
func OpenStore(dir string, groupCommit bool, log *slog.Logger) (*state.PebbleStore, error) {
	sc := state.DefaultConfig()
	sc.Dir, sc.GroupCommit = dir, groupCommit
	s, err := state.Open(sc, log)
	if err != nil {
		return nil, fmt.Errorf("node: open the state store in %s: %w", dir, err)
	}
	return s, nil
}

// WorkerHost is what one worker's host runs: its enclave, sealed to the
// data dir, its state store and, once started, the worker node around
// them. Close stops them all.
type WorkerHost struct {
	Dir     string
	Enclave *sim.Worker
	Signer  api.EthAddress
	Store   *state.PebbleStore // set by Run
	Worker  *worker.Worker     // set by Run
	// Metrics, when set before Start, receives the worker's metrics
	// (internal/telemetry labels: role worker and its node name).
	Metrics prometheus.Registerer
	wm      *worker.Metrics // made once: a restarted worker counts on
	sealer  *Sealer
	once    sync.Once
	err     error
}

// NewWorkerHost starts the worker enclave whose host keeps its data in
// dir (WorkerEnclaveFiles), for the key manager enclave keyManager. It
// needs no chain, so a process may start it while the chain comes up.
func NewWorkerHost(ctx context.Context, dir string, keyManager api.EthAddress, engine *vm.Engine, log *slog.Logger) (*WorkerHost, error) {
	enc, s, err := NewWorkerEnclave(ctx, WorkerEnclaveFiles(dir), keyManager, engine, log)
	if err != nil {
		return nil, err
	}
	return &WorkerHost{Dir: dir, Enclave: enc, Signer: enc.Address(), sealer: s}, nil
}

// WorkerLimits are a worker's tunables; zero keeps worker.DefaultConfig's.
type WorkerLimits struct {
	ReceiptTimeout  time.Duration
	ResultRetention time.Duration
	MaxResults      int
	MaxPending      int
	// The batched path's (worker.Config.BatchSize, BatchAge,
	// MaxBatchedPending, MaxBatchedPerSender).
	BatchSize           int
	BatchAge            time.Duration
	MaxBatchedPending   int
	MaxBatchedPerSender int
	// QueryGasLimit is worker.Config.QueryGasLimit.
	QueryGasLimit uint64
}

// limits are the worker tunables of a node's configuration.
func (c Config) limits() WorkerLimits {
	return WorkerLimits{ReceiptTimeout: time.Duration(c.ReceiptTimeout), ResultRetention: time.Duration(c.ResultRetention),
		MaxResults: c.MaxResults, MaxPending: c.MaxPending, BatchSize: c.BatchSize, BatchAge: time.Duration(c.BatchAge),
		MaxBatchedPending: c.MaxBatchedPending, MaxBatchedPerSender: c.MaxBatchedPerSender, QueryGasLimit: c.QueryGasLimit}
}

// WorkerNet is how a worker reaches the rest of the network: the
// transport's part, chosen by the caller.
type WorkerNet struct {
	// Directory finds the other workers, to forward tasks and sync state.
	Directory worker.Directory
	// KeyService hands out contract state keys (the key manager).
	KeyService worker.KeyService
	// Attestor signs the enclave's registration report (on a network of
	// simulated enclaves, the key manager's attestation service).
	Attestor enclave.Attestor
	// Announce, when set, publishes each task's final result
	// (worker.Config.Announce).
	Announce func(*workerapi.TaskResult)
}

// Join registers the worker on chain, stakes what it lacks of stake and
// logs it in (worker.Join), its report signed by attestor; funded, when
// not nil, waits for the custodian's ENG. It returns the block it logged
// in at, 0 when it already was.
func (h *WorkerHost) Join(ctx context.Context, e *chain.Enigma, custodian chain.Account, attestor enclave.Attestor, stake *big.Int, funded func() error) (uint64, error) {
	return worker.Join(ctx, e, custodian, h.Enclave, attestor, stake, funded)
}

// Start opens the worker's state store (WorkerStateDir) and starts the
// worker node around the enclave and the store, reaching the others
// through net.
func (h *WorkerHost) Start(ctx context.Context, e *chain.Enigma, custodian chain.Account, net WorkerNet, limits WorkerLimits, log *slog.Logger) error {
	store, err := OpenStore(WorkerStateDir(h.Dir), false, log)
	if err != nil {
		return err
	}
	h.Store = store
	wc := worker.DefaultConfig()
	wc.Enclave, wc.Store, wc.Enigma, wc.Account, wc.Logger = h.Enclave, store, e, custodian, log
	wc.KeyManager, wc.Directory, wc.Announce = net.KeyService, net.Directory, net.Announce
	if h.Metrics != nil && h.wm == nil {
		h.wm = worker.NewMetrics(h.Metrics)
	}
	wc.Metrics = h.wm
	if limits.ReceiptTimeout > 0 {
		wc.ReceiptTimeout = limits.ReceiptTimeout
	}
	if limits.ResultRetention > 0 {
		wc.ResultRetention = limits.ResultRetention
	}
	if limits.MaxResults > 0 {
		wc.MaxResults = limits.MaxResults
	}
	if limits.MaxPending > 0 {
		wc.MaxPending = limits.MaxPending
	}
	if limits.BatchSize > 0 {
		wc.BatchSize = limits.BatchSize
	}
	if limits.BatchAge > 0 {
		wc.BatchAge = limits.BatchAge
	}
	if limits.MaxBatchedPerSender > 0 {
		wc.MaxBatchedPerSender = limits.MaxBatchedPerSender
	}
	if limits.MaxBatchedPending > 0 {
		wc.MaxBatchedPending = limits.MaxBatchedPending
	}
	if limits.QueryGasLimit > 0 {
		wc.QueryGasLimit = limits.QueryGasLimit
	}
	if h.Worker, err = worker.New(ctx, wc); err != nil {
		return fmt.Errorf("node: start the worker %s: %w", h.Signer, err)
	}
	return nil
}

// Close stops the worker node, then its store; seals the enclave's keys
// with whatever it learnt meanwhile and closes it. Only once.
func (h *WorkerHost) Close() error {
	h.once.Do(func() {
		var errs []error
		if h.Worker != nil {
			errs = append(errs, h.Worker.Close())
		}
		if h.Store != nil {
			errs = append(errs, h.Store.Close())
		}
		errs = append(errs, h.sealer.Seal(context.Background()), h.Enclave.Close())
		h.err = errors.Join(errs...)
	})
	return h.err
}

// WorkerSpec is what BuildWorker makes a worker from.
type WorkerSpec struct {
	Dir       string        // the data dir: sealed keys, state store
	Engine    *vm.Engine    // the VM, which the caller closes
	Enigma    *chain.Enigma // the contract; its principal is the key manager the enclave trusts
	Custodian chain.Account // stakes and sends the receipts
	Stake     *big.Int      // deposited at registration when the custodian has none
	Net       WorkerNet     // the transport's part
	// NetFor, when set, makes Net once the enclave runs (a transport
	// whose identity the enclave proves).
	NetFor func(*WorkerHost) (WorkerNet, error)
	Limits WorkerLimits
	Logger *slog.Logger
	// Metrics, when set, receives the worker's metrics (WorkerHost.Metrics).
	Metrics prometheus.Registerer
}

// BuildWorker builds a worker from nothing but the chain: its enclave,
// registered, staked and logged in, its store and the worker node, ready
// for whoever serves it. The caller closes it.
func BuildWorker(ctx context.Context, s WorkerSpec) (*WorkerHost, error) {
	// The worker enclave takes state keys only from the contract's
	// principal, the key manager's enclave.
	principal, err := s.Enigma.Principal(ctx)
	if err != nil {
		return nil, fmt.Errorf("node: read the key manager's address from the Enigma contract at %s (is it deployed on this chain?): %w", s.Enigma.Addresses().Enigma, err)
	}
	h, err := NewWorkerHost(ctx, s.Dir, api.EthAddress(principal), s.Engine, s.Logger)
	if err != nil {
		return nil, err
	}
	h.Metrics = s.Metrics
	if s.NetFor != nil {
		if s.Net, err = s.NetFor(h); err != nil {
			h.Close()
			return nil, err
		}
	}
	if _, err := h.Join(ctx, s.Enigma, s.Custodian, s.Net.Attestor, s.Stake, nil); err != nil {
		h.Close()
		return nil, err
	}
	if err := h.Start(ctx, s.Enigma, s.Custodian, s.Net, s.Limits, s.Logger); err != nil {
		h.Close()
		return nil, err
	}
	return h, nil
}

// KMHost is what the key manager's host runs: its enclave, sealed to the
// data dir, and the simulated attestation service of a network of
// simulated enclaves. NewKeyManager adds the host logic; whoever runs the
// key manager serves it (and the Attestor) to the workers.
type KMHost struct {
	Dir      string
	Enclave  *sim.KeyManager
	Signer   api.EthAddress
	Attestor *sim.Attestor
	// Metrics, when set before NewKeyManager, receives the key manager's
	// metrics.
	Metrics prometheus.Registerer
	kmm     *km.Metrics
	sealer  *Sealer
	once    sync.Once
	err     error
}

// NewKMHost starts the key manager enclave whose host keeps its data in
// dir (KMEnclaveFiles) and loads (or creates) the attestation service's
// key from attestationKeyFile ("" = AttestationKeyFile(dir)). It needs no
// chain.
func NewKMHost(ctx context.Context, dir, attestationKeyFile string, log *slog.Logger) (*KMHost, error) {
	if attestationKeyFile == "" {
		attestationKeyFile = AttestationKeyFile(dir)
	}
	key, err := sim.LoadOrCreateAttestationKey(attestationKeyFile)
	if err != nil {
		return nil, err
	}
	enc, s, err := NewKMEnclave(ctx, KMEnclaveFiles(dir), log)
	if err != nil {
		return nil, err
	}
	// The attestation service signs the enclaves' reports for
	// registration; no enclave and no worker holds its key.
	return &KMHost{Dir: dir, Enclave: enc, Signer: enc.Address(), Attestor: sim.NewAttestor(key), sealer: s}, nil
}

// Seal writes the enclave's sealed keys to the data dir now.
func (h *KMHost) Seal(ctx context.Context) error { return h.sealer.Seal(ctx) }

// DeployParams are the contracts' deployment with this key manager as
// principal and its attestation service pinned; fund mints the dev supply.
func (h *KMHost) DeployParams(epochSize, timeoutEpochs uint64, fund bool) chain.DeployParams {
	p := chain.DeployParams{Principal: common.Address(h.Signer), EpochSize: epochSize, TimeoutEpochs: timeoutEpochs, SimAttestation: SimAttestation(h.Attestor)}
	if fund {
		p.TokenSupply = chain.DevTokenSupply // enough for every dev account's share
	}
	return p
}

// NewKeyManager builds the key manager's host logic on the enclave: it
// sets epochs from acct, polling the chain every poll (0 keeps the
// default), and seals the enclave's keys whenever they change. It is not
// served: the caller does that.
func (h *KMHost) NewKeyManager(ctx context.Context, e *chain.Enigma, acct chain.Account, poll time.Duration, log *slog.Logger) (*km.KeyManager, error) {
	kc := km.DefaultConfig()
	kc.Enclave, kc.Enigma, kc.Account, kc.Logger = h.Enclave, e, acct, log
	if poll > 0 {
		kc.Poll = poll
	}
	kc.Changed = h.sealer.Seal
	if h.Metrics != nil && h.kmm == nil {
		h.kmm = km.NewMetrics(h.Metrics)
	}
	kc.Metrics = h.kmm
	k, err := km.New(ctx, kc)
	if err != nil {
		return nil, fmt.Errorf("node: start the key manager: %w", err)
	}
	return k, nil
}

// Close seals the enclave's keys once more and closes it. Only once.
func (h *KMHost) Close() error {
	h.once.Do(func() { h.err = errors.Join(h.sealer.Seal(context.Background()), h.Enclave.Close()) })
	return h.err
}

// NewGateway builds the gateway's JSON-RPC front over the workers dir
// finds, checking their results against e; name is its peer id in
// getInfo; tune, when given, changes gateway.DefaultConfig. The caller
// serves it.
func NewGateway(dir worker.Directory, e *chain.Enigma, name string, announced func(api.TaskID) *workerapi.TaskResult, log *slog.Logger, tune ...func(*gateway.Config)) (*gateway.Server, error) {
	gc := gateway.DefaultConfig()
	gc.Logger = log
	for _, t := range tune {
		t(&gc)
	}
	r := worker.NewRouter(dir, e, workerapi.Info{PeerID: name, Status: "running"}, log)
	if announced != nil {
		r.UseAnnounced(announced)
	}
	return gateway.New(r, gc)
}

// Offline is a key manager enclave and a worker enclave trusting it, the
// VM and a state store, with no chain and no network: the worker's share
// of a task, which the demo and the benchmarks drive by hand. Its keys are
// not kept between runs.
type Offline struct {
	KeyManager *sim.KeyManager
	Worker     *sim.Worker
	Engine     *vm.Engine
	Store      *state.PebbleStore
}

// NewOffline starts the parts of Offline with their files in dir
// (km.seal, worker.seal, state); groupCommit is the store's
// (state.Config.GroupCommit).
func NewOffline(ctx context.Context, dir string, groupCommit bool) (_ *Offline, err error) {
	o := &Offline{}
	defer func() {
		if err != nil {
			o.Close()
		}
	}()
	if o.Engine, err = NewVM(ctx, nil); err != nil {
		return nil, err
	}
	if o.KeyManager, _, err = NewKMEnclave(ctx, EnclaveFiles{SealKeyFile: filepath.Join(dir, kmSealKeyFile)}, nil); err != nil {
		return nil, err
	}
	if o.Worker, _, err = NewWorkerEnclave(ctx, EnclaveFiles{SealKeyFile: filepath.Join(dir, "worker.seal")}, o.KeyManager.Address(), o.Engine, nil); err != nil {
		return nil, err
	}
	if o.Store, err = OpenStore(filepath.Join(dir, workerStateDir), groupCommit, nil); err != nil {
		return nil, err
	}
	return o, nil
}

// Close stops what NewOffline started, the store first.
func (o *Offline) Close() error {
	var errs []error
	if o.Store != nil {
		errs = append(errs, o.Store.Close())
	}
	if o.Worker != nil {
		errs = append(errs, o.Worker.Close())
	}
	if o.KeyManager != nil {
		errs = append(errs, o.KeyManager.Close())
	}
	if o.Engine != nil {
		errs = append(errs, o.Engine.Close(context.Background()))
	}
	return errors.Join(errs...)
}
