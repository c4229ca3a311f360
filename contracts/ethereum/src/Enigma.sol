// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Selection} from "./lib/Selection.sol";
import {Receipts} from "./lib/Receipts.sol";
import {CallbackForwarder} from "./CallbackForwarder.sol";
import {IAttestationVerifier} from "./interfaces/IAttestationVerifier.sol";

/// @title Enigma
/// @notice Consensus contract of the network: worker registry and stakes,
/// epochs and worker selection, task records and fees, receipts and the
/// per-contract chain of state delta hashes.
///
/// The external interface is the one enigma-js 0.3.0 calls (selectors, tuple
/// layouts and events match exactly). Storage is laid out for gas, not like
/// the original: task records take two words, delta hashes live in a
/// mapping with a count (a receipt costs the same for the 1st and the
/// 1,000th delta), the epoch's workers are one word each with a cumulative
/// stake so selection is a binary search, receipt signatures are emitted
/// rather than stored, and refunds are credited to an in-contract user
/// balance that pays the user's next task first. docs/protocol/enigma-contract.md
/// describes every encoding a node or client must reproduce.
///
/// Beside it sits a batched path (commitBatch / verifyBatchedTask): tasks
/// paid from a prepaid balance, committed by the selected worker's enclave
/// as one Merkle root per batch. A deposit locks that balance: it leaves
/// only through batches, or a withdrawal request followed by the task
/// timeout, so what a worker saw when it accepted a task is there to pay.
///
/// Two parts are kept outside so they cannot act as this contract: the
/// Ethereum callbacks of secret contracts run through a CallbackForwarder
/// it creates (which holds nothing and can never call this contract or the
/// token), and registration reports are checked by an attestation verifier
/// (SimAttestationVerifier, or an SGX one). docs/security.md has the threat
/// model.
contract Enigma {
    // ====================================================================
    // ABI types of the views (layouts fixed by enigma-js 0.3.0)
    // ====================================================================

    struct TaskRecord {
        address sender;
        bytes32 inputsHash;
        bytes32 outputHash;
        uint64 gasLimit;
        uint64 gasPx;
        uint256 blockNumber;
        uint8 status;
        bytes proof;
    }

    struct WorkerLog {
        uint8 workerEventType;
        uint256 blockNumber;
        uint256 balance;
    }

    struct Worker {
        address signer;
        uint8 status;
        bytes report;
        uint256 balance;
        WorkerLog[] workerLogs;
    }

    struct SecretContract {
        address owner;
        bytes32 preCodeHash;
        bytes32 codeHash;
        bytes32[] stateDeltaHashes;
        uint8 status;
    }

    struct WorkersParams {
        uint256 firstBlockNumber;
        address[] workers;
        uint256[] stakes;
        uint256 seed;
    }

    /// @notice What the selected worker's enclave signs for a batch (v2 path).
    struct BatchHeader {
        bytes32 scAddr;
        uint256 epochFirstBlock; // first block of the epoch the batch ran in
        uint256 batchIndex; // 0, 1, 2, ... per secret contract
        bytes32 prevDeltaHash; // the contract's latest delta hash before the batch
        bytes32 newDeltaHash; // latest delta hash after the batch, or 0 if state did not change
        bytes32 root; // Merkle root over the batch's task leaves
        uint256 taskCount;
        uint256 gasUsed; // total ENG gas used by the batch's tasks
    }

    // ====================================================================
    // Storage layout (packed; one SLOAD/SSTORE per hot record)
    // ====================================================================

    // Task status, as the original numbers them.
    uint8 internal constant TASK_UNDEFINED = 0;
    uint8 internal constant TASK_CREATED = 1;
    uint8 internal constant TASK_VERIFIED = 2;
    uint8 internal constant TASK_FAILED = 3;
    uint8 internal constant TASK_FAILED_ETH = 4;
    uint8 internal constant TASK_FEES_RETURNED = 5;

    uint8 internal constant KIND_COMPUTE = 0;
    uint8 internal constant KIND_DEPLOY = 1;

    // Worker status and log types, as the original numbers them.
    uint8 internal constant WORKER_UNREGISTERED = 0;
    uint8 internal constant WORKER_LOGGED_IN = 1;
    uint8 internal constant WORKER_LOGGED_OUT = 2;
    uint8 internal constant LOG_LOGIN = 1;
    uint8 internal constant LOG_LOGOUT = 2;

    uint8 internal constant CONTRACT_DEPLOYED = 1;

    /// Epochs kept, as the original. A task's receipt is checked against
    /// the epoch it was created in, so the task timeout is at most RING - 1
    /// epochs (constructor): a task whose epoch has left the ring can
    /// always have its fee returned.
    uint256 internal constant RING = 5;
    /// Gas a receipt keeps after its callback returns, to record the outcome.
    uint256 internal constant CALLBACK_RESERVE = 60_000;
    /// At most this many custodians are logged in (or logged out but still
    /// in the latest epoch's snapshot) at once, so setWorkersParams always
    /// fits in a block.
    uint256 internal constant MAX_ACTIVE_WORKERS = 256;

    bytes32 internal constant BATCH_DOMAIN = keccak256("enigma-go/enigma-contract: commit batch v1");
    uint256 internal constant CALLBACK_LOCK = uint256(keccak256("enigma-go/enigma-contract: callback lock"));

    /// Word 2 of a task (word 1 is the inputs hash, word 3 the output hash).
    struct TaskMeta {
        uint32 userIdx; // sender, as an index into userAddr
        uint64 gasLimit;
        uint64 gasPx;
        uint40 blockNumber;
        uint32 epochSeq; // the epoch the record was created in
        uint8 status;
        uint8 kind;
    }

    /// Two words per task. `hash` is the inputs hash until a receipt
    /// arrives and the output hash after it (for a successful deployment,
    /// which has no output hash, it stays the inputs hash): the receipt check
    /// needs only the former, clients only the latter, and a third word
    /// would cost every task 22,100 gas. TaskRecordCreated carries the
    /// inputs hash for indexers.
    struct Task {
        bytes32 hash;
        TaskMeta meta;
    }

    /// One word per user: task nonce, index, refunds/prepaid balance and
    /// the balance's lock. A deposit locks the balance for batched tasks
    /// (unlockBlock = LOCKED): it then pays only batches, until a
    /// withdrawal request has waited out the task timeout.
    struct User {
        uint32 nonce;
        uint32 idx;
        uint128 credit;
        uint64 unlockBlock; // 0: unlocked; LOCKED: locked, no withdrawal requested; else unlocked from that block
    }

    uint64 internal constant LOCKED = type(uint64).max;

    /// One word per worker: everything a receipt touches.
    struct WorkerSlot {
        address signer;
        uint8 status;
        uint88 balance;
    }

    struct LogSlot {
        uint8 kind;
        uint64 blockNumber;
        uint88 balance;
    }

    struct EpochMeta {
        uint64 firstBlock; // 0 = ring slot unused
        uint32 seq;
        uint32 count;
        uint128 total;
    }

    struct Epoch {
        EpochMeta meta;
        uint256 seed;
        mapping(uint256 => uint256) entries; // Selection.entry(signer, cumulative stake)
    }

    struct ContractMeta {
        address owner;
        uint8 status;
        uint64 deltaCount;
        uint24 batchCount;
    }

    struct SC {
        ContractMeta meta;
        bytes32 codeHash;
        bytes32 preCodeHash;
        mapping(uint256 => bytes32) deltas;
        mapping(uint256 => bytes32) batchRoots;
    }

    struct EpochState {
        uint32 count; // epochs set so far; the current one is count-1
        uint64 firstBlock; // first block of the current epoch
    }

    IERC20 internal immutable token;
    address internal immutable principal;
    IAttestationVerifier internal immutable attestation;
    CallbackForwarder internal immutable forwarder;
    uint256 internal immutable forwardGas; // gas passed to the forwarder for one callback
    uint256 internal immutable epochSize;
    uint256 internal immutable taskTimeoutSize;
    uint256 internal immutable stakingThreshold;

    EpochState internal epochState;
    Epoch[5] internal ring;

    mapping(bytes32 => Task) internal tasks;
    mapping(address => User) internal users;
    mapping(uint256 => address) internal userAddr;
    uint32 internal userCount;

    mapping(address => WorkerSlot) internal workerSlots;
    mapping(address => bytes) internal reports;
    mapping(address => LogSlot[]) internal workerLogs;
    mapping(address => address) internal custodianOf; // signer => custodian
    /// Custodians that may be active at the next setWorkersParams: logged
    /// in, or logged out since the last one. getActiveWorkers reads only
    /// these, so its cost does not grow with every worker ever registered.
    address[] internal candidates;
    mapping(address => uint256) internal candidateSlot; // custodian => index in candidates + 1

    mapping(bytes32 => SC) internal contracts;
    bytes32[] internal scAddresses;

    // ====================================================================
    // Events (0.3.0 signatures; none indexed, as the client decodes them)
    // ====================================================================

    event Registered(address custodian, address signer);
    event WorkersParameterized(
        uint256 seed,
        uint256 firstBlockNumber,
        uint256 inclusionBlockNumber,
        address[] workers,
        uint256[] stakes,
        uint256 nonce
    );
    event TaskRecordCreated(
        bytes32 taskId, bytes32 inputsHash, uint64 gasLimit, uint64 gasPx, address sender, uint256 blockNumber
    );
    event ReceiptVerified(
        bytes32 taskId,
        bytes32 stateDeltaHash,
        bytes32 outputHash,
        bytes32 scAddr,
        uint256 gasUsed,
        uint256 deltaHashIndex,
        bytes optionalEthereumData,
        address optionalEthereumContractAddress,
        address workerAddress,
        bytes sig
    );
    event ReceiptFailed(bytes32 taskId, bytes sig);
    event ReceiptFailedETH(bytes32 taskId, bytes sig);
    event TaskFeeReturned(bytes32 taskId);
    event DepositSuccessful(address from, uint256 value);
    event WithdrawSuccessful(address to, uint256 value);
    event SecretContractDeployed(bytes32 scAddr, bytes32 codeHash, bytes32 initStateDeltaHash);

    // Events of our own (indexed for indexers).
    event LoggedIn(address indexed custodian);
    event LoggedOut(address indexed custodian);
    event UserBalanceChanged(address indexed user, uint256 balance);
    event UserWithdrawalRequested(address indexed user, uint256 unlockBlock);
    event BatchCommitted(
        bytes32 indexed scAddr,
        uint256 indexed batchIndex,
        bytes32 root,
        uint256 taskCount,
        bytes32 newDeltaHash,
        address worker,
        uint256 fees
    );

    /// @param _tokenAddress the ENG token
    /// @param _principal the key manager enclave's signing address: signs the
    ///        epochs and is never selected as a worker
    /// @param _epochSize blocks per epoch (at least)
    /// @param _timeoutThreshold epochs after which a task's fees can be
    ///        returned, 1 to RING - 1: a task then times out before its epoch
    ///        leaves the ring (and with it any chance of a receipt)
    /// @param _attestation the verifier of registration reports
    /// @param _callbackGas gas every Ethereum callback of a secret contract runs with
    /// @param _stakingThreshold the least stake (ENG grains) a worker logs in
    ///        with: the price of holding one of the 256 candidate places
    constructor(
        address _tokenAddress,
        address _principal,
        uint256 _epochSize,
        uint256 _timeoutThreshold,
        address _attestation,
        uint256 _callbackGas,
        uint256 _stakingThreshold
    ) {
        require(_tokenAddress != address(0) && _principal != address(0), "Token and principal are required");
        require(_attestation != address(0), "An attestation verifier is required");
        require(_epochSize > 0, "Epoch size must be positive");
        require(
            _timeoutThreshold > 0 && _timeoutThreshold < RING,
            "The task timeout must be 1 to 4 epochs: the contract keeps 5 epochs"
        );
        token = IERC20(_tokenAddress);
        principal = _principal;
        attestation = IAttestationVerifier(_attestation);
        CallbackForwarder f = new CallbackForwarder(_tokenAddress, _callbackGas);
        forwarder = f;
        forwardGas = f.forwardGas();
        epochSize = _epochSize;
        taskTimeoutSize = _timeoutThreshold * _epochSize;
        require(_stakingThreshold > 0, "The staking threshold must be positive");
        stakingThreshold = _stakingThreshold;
    }

    // ====================================================================
    // Workers
    // ====================================================================

    /// @notice Registers msg.sender as a worker (or the key manager) whose
    /// enclave signs with _signer, after the attestation verifier checked
    /// the report: genuine enclave code of the pinned identity and version,
    /// and bound by that enclave to msg.sender on this contract and chain.
    /// Re-registering replaces the signer; a logged-in worker logs out first.
    function register(address _signer, bytes calldata _report, bytes calldata _signature) external {
        require(_signer != address(0), "Signer must not be zero");
        require(custodianOf[_signer] == address(0) || custodianOf[_signer] == msg.sender, "Not a unique signing key");
        uint8 product = attestation.verify(_report, _signature, _signer, msg.sender);
        require(product == (_signer == principal ? 2 : 1), "Report: wrong enclave product");

        WorkerSlot memory w = workerSlots[msg.sender];
        if (w.status != WORKER_UNREGISTERED) {
            require(w.status != WORKER_LOGGED_IN, "Log out before changing signer");
            delete custodianOf[w.signer];
        }
        w.signer = _signer;
        w.status = WORKER_LOGGED_OUT;
        workerSlots[msg.sender] = w;
        custodianOf[_signer] = msg.sender;
        reports[msg.sender] = _report;
        emit Registered(msg.sender, _signer);
    }

    /// @notice Moves _amount ENG from _custodian (who approved it) into its stake.
    function deposit(address _custodian, uint256 _amount) external {
        WorkerSlot memory w = workerSlots[_custodian];
        require(w.status != WORKER_UNREGISTERED, "Unregistered worker");
        w.balance = _u88(uint256(w.balance) + _amount);
        workerSlots[_custodian] = w;
        require(token.transferFrom(_custodian, address(this), _amount), "Token transfer failed");
        emit DepositSuccessful(_custodian, _amount);
    }

    /// @notice Withdraws stake. Only when logged out, and not in the epoch of the logout.
    function withdraw(uint256 _amount) external {
        WorkerSlot memory w = workerSlots[msg.sender];
        require(w.status == WORKER_LOGGED_OUT, "Worker not registered or not logged out");
        LogSlot[] storage logs = workerLogs[msg.sender];
        if (logs.length > 0) {
            LogSlot memory last = logs[logs.length - 1];
            require(last.kind == LOG_LOGOUT, "Worker's last log is not of LogOut type");
            require(epochState.firstBlock > last.blockNumber, "Cannot withdraw in same epoch as log out event");
        }
        require(w.balance >= _amount, "Not enough tokens in worker balance");
        w.balance -= uint88(_amount);
        workerSlots[msg.sender] = w;
        require(token.transfer(msg.sender, _amount), "Token transfer failed");
        emit WithdrawSuccessful(msg.sender, _amount);
    }

    /// @notice Joins worker selection from the next epoch on, staking the current balance.
    function login() external {
        WorkerSlot memory w = workerSlots[msg.sender];
        require(w.status == WORKER_LOGGED_OUT, "Worker not registered or not logged out");
        require(w.balance >= stakingThreshold, "Worker's balance is not sufficient");
        if (candidateSlot[msg.sender] == 0) {
            require(candidates.length < MAX_ACTIVE_WORKERS, "Too many active workers (256)");
            candidates.push(msg.sender);
            candidateSlot[msg.sender] = candidates.length;
        }
        w.status = WORKER_LOGGED_IN;
        workerSlots[msg.sender] = w;
        workerLogs[msg.sender].push(LogSlot(LOG_LOGIN, uint64(block.number), w.balance));
        emit LoggedIn(msg.sender);
    }

    /// @notice Leaves worker selection from the next epoch on.
    function logout() external {
        WorkerSlot memory w = workerSlots[msg.sender];
        require(w.status == WORKER_LOGGED_IN, "Worker not logged in");
        w.status = WORKER_LOGGED_OUT;
        workerSlots[msg.sender] = w;
        workerLogs[msg.sender].push(LogSlot(LOG_LOGOUT, uint64(block.number), w.balance));
        emit LoggedOut(msg.sender);
    }

    // ====================================================================
    // Epochs
    // ====================================================================

    /// @notice Starts a new epoch: snapshots the workers active at
    /// _blockNumber with their stakes and stores the key manager's seed.
    /// _sig is the key manager enclave's signature over paramsDigest (see
    /// docs/protocol/enigma-contract.md); anyone may relay it, the
    /// signature and its nonce are what authorise it.
    function setWorkersParams(uint256 _blockNumber, uint256 _seed, bytes calldata _sig) external {
        EpochState memory es = epochState;
        require(_blockNumber <= block.number, "Block number is in the future");
        require(es.count == 0 || _blockNumber >= es.firstBlock + epochSize, "Already called during this epoch");

        (address[] memory workers, uint256[] memory stakes) = getActiveWorkers(_blockNumber);
        uint256 nonce = es.count;
        bytes32 digest = paramsDigest(_seed, nonce, workers, stakes);
        require(Receipts.recover(digest, _sig) == principal, "Invalid signature");

        Epoch storage e = ring[nonce % RING];
        uint256 cumulative;
        for (uint256 i = 0; i < workers.length; i++) {
            cumulative += stakes[i];
            e.entries[i] = Selection.entry(workers[i], cumulative);
        }
        require(cumulative <= type(uint96).max, "Total stake too large");
        e.meta = EpochMeta(uint64(block.number), uint32(nonce), uint32(workers.length), uint128(cumulative));
        e.seed = _seed;
        epochState = EpochState(uint32(nonce + 1), uint64(block.number));
        _pruneCandidates(_blockNumber);
        emit WorkersParameterized(_seed, block.number, _blockNumber, workers, stakes, nonce);
    }

    /// @dev Drops the custodians that logged out before _blockNumber: no
    /// later epoch (whose block is at least this one) can count them.
    function _pruneCandidates(uint256 _blockNumber) internal {
        uint256 i = candidates.length;
        while (i > 0) {
            i--;
            address custodian = candidates[i];
            if (workerSlots[custodian].status == WORKER_LOGGED_IN) {
                continue;
            }
            LogSlot[] storage logs = workerLogs[custodian];
            if (logs[logs.length - 1].blockNumber >= _blockNumber) {
                continue;
            }
            address last = candidates[candidates.length - 1];
            candidates[i] = last;
            candidateSlot[last] = i + 1;
            candidates.pop();
            delete candidateSlot[custodian];
        }
    }

    /// @notice The digest the key manager signs for setWorkersParams: the
    /// original network's encoding (internal/crypto/compat.WorkersParamsHash),
    ///   keccak256(u64(32) seed u64(32) nonce u64(n) [u64(20) worker]*n u64(n) [u64(32) stake]*n)
    /// with nonce the number of epochs set so far (the event's nonce).
    function paramsDigest(uint256 _seed, uint256 _nonce, address[] memory _workers, uint256[] memory _stakes)
        internal
        pure
        returns (bytes32 digest)
    {
        uint256 n = _workers.length;
        // 32 bytes of slack: each mstore writes a whole word past its part.
        bytes memory buf = new bytes(128 + 68 * n);
        assembly ("memory-safe") {
            let p := add(buf, 32)
            mstore(p, shl(192, 32))
            mstore(add(p, 8), _seed)
            mstore(add(p, 40), shl(192, 32))
            mstore(add(p, 48), _nonce)
            mstore(add(p, 80), shl(192, n))
            p := add(p, 88)
            for { let i := 0 } lt(i, n) { i := add(i, 1) } {
                mstore(p, shl(192, 20))
                mstore(add(p, 8), shl(96, mload(add(_workers, mul(add(i, 1), 32)))))
                p := add(p, 28)
            }
            mstore(p, shl(192, mload(_stakes)))
            p := add(p, 8)
            for { let i := 0 } lt(i, n) { i := add(i, 1) } {
                mstore(p, shl(192, 32))
                mstore(add(p, 8), mload(add(_stakes, mul(add(i, 1), 32))))
                p := add(p, 40)
            }
            digest := keccak256(add(buf, 32), sub(p, add(buf, 32)))
        }
    }

    // ====================================================================
    // Tasks
    // ====================================================================

    /// @notice Records a deployment task and takes its fee (gasLimit * gasPx ENG,
    /// from the sender's balance here first, the rest by transferFrom).
    /// _nonce must be the sender's task count: the contract address is
    /// keccak256(sender, nonce).
    function createDeploymentTaskRecord(
        bytes32 _inputsHash,
        uint64 _gasLimit,
        uint64 _gasPx,
        uint256 _firstBlockNumber,
        uint256 _nonce
    ) external {
        require(users[msg.sender].nonce == _nonce, "Incorrect nonce yielding bad secret contract address");
        _createTask(_inputsHash, _gasLimit, _gasPx, _firstBlockNumber, KIND_DEPLOY);
    }

    /// @notice Records a compute task and takes its fee, like createDeploymentTaskRecord.
    function createTaskRecord(bytes32 _inputsHash, uint64 _gasLimit, uint64 _gasPx, uint256 _firstBlockNumber)
        external
    {
        _createTask(_inputsHash, _gasLimit, _gasPx, _firstBlockNumber, KIND_COMPUTE);
    }

    function _createTask(bytes32 _inputsHash, uint64 _gasLimit, uint64 _gasPx, uint256 _firstBlockNumber, uint8 kind)
        internal
    {
        EpochState memory es = epochState;
        // The record names the epoch its sender selected the worker in:
        // the current one, or the previous one while the current one is
        // younger than epochSize blocks (a record sent just before an
        // epoch change and mined after it). It is bound to that epoch.
        require(es.count != 0, "Wrong epoch for this task");
        uint32 seq = es.count - 1;
        if (_firstBlockNumber != es.firstBlock) {
            unchecked {
                seq--; // epoch 0 has no previous one: ring[seq % RING] is then epoch 0 itself
            }
            require(
                block.number < es.firstBlock + epochSize && ring[seq % RING].meta.firstBlock == _firstBlockNumber,
                "Wrong epoch for this task"
            );
        }

        User memory u = users[msg.sender];
        if (u.idx == 0) {
            u.idx = ++userCount;
            userAddr[u.idx] = msg.sender;
        }
        uint256 fee = uint256(_gasLimit) * _gasPx;
        // A balance locked for batched tasks pays no task record: the
        // workers that accepted batched tasks count on it.
        uint256 fromCredit = block.number < u.unlockBlock ? 0 : (fee <= u.credit ? fee : u.credit);
        u.credit -= uint128(fromCredit);
        bytes32 taskId = keccak256(abi.encodePacked(msg.sender, uint256(u.nonce)));
        u.nonce++;
        users[msg.sender] = u;

        Task storage t = tasks[taskId];
        require(t.meta.status == TASK_UNDEFINED, "Task already exists");
        t.hash = _inputsHash;
        t.meta = TaskMeta(u.idx, _gasLimit, _gasPx, uint40(block.number), seq, TASK_CREATED, kind);

        if (fee > fromCredit) {
            require(token.transferFrom(msg.sender, address(this), fee - fromCredit), "Transfer not valid");
        }
        emit TaskRecordCreated(taskId, _inputsHash, _gasLimit, _gasPx, msg.sender, block.number);
    }

    /// @dev A success receipt as passed in, kept in memory to spare the stack.
    struct Receipt {
        bytes32 scAddr;
        bytes32 taskId;
        bytes32 deltaHash; // compute: new state delta hash or 0; deploy: initial state delta hash
        bytes32 outputHash; // compute: output hash; deploy: code hash
        bytes32 preCodeHash; // deploy only
        bytes ethData;
        address ethAddr;
        uint64 gasUsed;
        bytes sig;
    }

    /// @notice Commits a successful deployment (taskId == scAddr), signed by
    /// the worker selected for the task's epoch.
    function deploySecretContract(
        bytes32 _taskId,
        bytes32 _preCodeHash,
        bytes32 _codeHash,
        bytes32 _initStateDeltaHash,
        bytes memory _optionalEthereumData,
        address _optionalEthereumContractAddress,
        uint64 _gasUsed,
        bytes memory _sig
    ) external {
        _deploy(
            Receipt(
                _taskId,
                _taskId,
                _initStateDeltaHash,
                _codeHash,
                _preCodeHash,
                _optionalEthereumData,
                _optionalEthereumContractAddress,
                _gasUsed,
                _sig
            )
        );
    }

    function _deploy(Receipt memory r) internal {
        _noCallbackReentry();
        require(contracts[r.taskId].meta.status == 0, "Secret contract already deployed");
        Task storage t = tasks[r.taskId];
        TaskMeta memory m = _pendingTask(t, KIND_DEPLOY, r.gasUsed);
        WorkerSlot memory w = _selectedWorker(m.epochSeq, r.taskId);
        bytes32 digest = Receipts.deployDigest(
            t.hash, r.outputHash, r.deltaHash, m.gasLimit, r.gasUsed, r.ethData, r.ethAddr
        );
        require(Receipts.recover(digest, r.sig) == w.signer, "Invalid signature");

        if (r.ethAddr != address(0)) {
            _settle(t, m, w, m.gasLimit, TASK_VERIFIED);
            if (!_callback(r)) {
                t.meta.status = TASK_FAILED_ETH;
                emit ReceiptFailedETH(r.taskId, r.sig);
                return;
            }
        } else {
            _settle(t, m, w, r.gasUsed, TASK_VERIFIED);
        }
        SC storage sc = contracts[r.taskId];
        sc.meta = ContractMeta(userAddr[m.userIdx], CONTRACT_DEPLOYED, 1, 0);
        sc.codeHash = r.outputHash;
        sc.preCodeHash = r.preCodeHash;
        sc.deltas[0] = r.deltaHash;
        scAddresses.push(r.taskId);
        emit SecretContractDeployed(r.taskId, r.outputHash, r.deltaHash);
    }

    /// @notice Commits a failed deployment. _codeHash is kept as the task's
    /// output hash, as the original does.
    function deploySecretContractFailure(bytes32 _taskId, bytes32 _codeHash, uint64 _gasUsed, bytes calldata _sig)
        external
    {
        _noCallbackReentry();
        require(contracts[_taskId].meta.status == 0, "Secret contract already deployed");
        Task storage t = tasks[_taskId];
        TaskMeta memory m = _pendingTask(t, KIND_DEPLOY, _gasUsed);
        WorkerSlot memory w = _selectedWorker(m.epochSeq, _taskId);
        bytes32 digest = Receipts.deployFailureDigest(t.hash, m.gasLimit, _gasUsed);
        require(Receipts.recover(digest, _sig) == w.signer, "Invalid signature");
        t.hash = _codeHash;
        _settle(t, m, w, _gasUsed, TASK_FAILED);
        emit ReceiptFailed(_taskId, _sig);
    }

    /// @notice Commits a successful compute task: checks the selected
    /// worker's signature over the receipt rebuilt from stored data, splits
    /// the fee, appends the new state delta hash (if any) and runs the
    /// optional Ethereum callback (status 4 and no delta when it reverts).
    function commitReceipt(
        bytes32 _scAddr,
        bytes32 _taskId,
        bytes32 _stateDeltaHash,
        bytes32 _outputHash,
        bytes memory _optionalEthereumData,
        address _optionalEthereumContractAddress,
        uint64 _gasUsed,
        bytes memory _sig
    ) external {
        _commit(
            Receipt(
                _scAddr,
                _taskId,
                _stateDeltaHash,
                _outputHash,
                bytes32(0),
                _optionalEthereumData,
                _optionalEthereumContractAddress,
                _gasUsed,
                _sig
            )
        );
    }

    function _commit(Receipt memory r) internal {
        _noCallbackReentry();
        SC storage sc = contracts[r.scAddr];
        ContractMeta memory cm = sc.meta;
        require(cm.status == CONTRACT_DEPLOYED, "Secret contract not deployed");
        Task storage t = tasks[r.taskId];
        TaskMeta memory m = _pendingTask(t, KIND_COMPUTE, r.gasUsed);
        WorkerSlot memory w = _selectedWorker(m.epochSeq, r.scAddr);
        {
            bytes32[5] memory h = [sc.codeHash, t.hash, sc.deltas[cm.deltaCount - 1], r.deltaHash, r.outputHash];
            bytes32 digest = Receipts.computeDigest(h, m.gasLimit, r.gasUsed, r.ethData, r.ethAddr);
            require(Receipts.recover(digest, r.sig) == w.signer, "Invalid signature");
        }

        t.hash = r.outputHash;
        if (r.ethAddr != address(0)) {
            _settle(t, m, w, m.gasLimit, TASK_VERIFIED);
            if (!_callback(r)) {
                t.meta.status = TASK_FAILED_ETH;
                emit ReceiptFailedETH(r.taskId, r.sig);
                return;
            }
        } else {
            _settle(t, m, w, r.gasUsed, TASK_VERIFIED);
        }
        uint256 index;
        if (r.deltaHash != bytes32(0)) {
            index = cm.deltaCount;
            sc.deltas[index] = r.deltaHash;
            sc.meta.deltaCount = cm.deltaCount + 1;
        }
        _emitVerified(r, index);
    }

    function _emitVerified(Receipt memory r, uint256 index) internal {
        emit ReceiptVerified(
            r.taskId, r.deltaHash, r.outputHash, r.scAddr, r.gasUsed, index, r.ethData, r.ethAddr, msg.sender, r.sig
        );
    }

    /// @notice Commits a failed compute task; the worker is paid for the gas used.
    function commitTaskFailure(
        bytes32 _scAddr,
        bytes32 _taskId,
        bytes32 _outputHash,
        uint64 _gasUsed,
        bytes calldata _sig
    ) external {
        _noCallbackReentry();
        SC storage sc = contracts[_scAddr];
        require(sc.meta.status == CONTRACT_DEPLOYED, "Secret contract not deployed");
        Task storage t = tasks[_taskId];
        TaskMeta memory m = _pendingTask(t, KIND_COMPUTE, _gasUsed);
        WorkerSlot memory w = _selectedWorker(m.epochSeq, _scAddr);
        bytes32 digest = Receipts.computeFailureDigest(t.hash, sc.codeHash, m.gasLimit, _gasUsed);
        require(Receipts.recover(digest, _sig) == w.signer, "Invalid signature");
        t.hash = _outputHash;
        _settle(t, m, w, _gasUsed, TASK_FAILED);
        emit ReceiptFailed(_taskId, _sig);
    }

    /// @notice Returns the whole fee of a task that got no receipt within
    /// the timeout to its sender (as ENG tokens). Anyone may call it.
    function returnFeesForTask(bytes32 _taskId) external {
        Task storage t = tasks[_taskId];
        TaskMeta memory m = t.meta;
        require(m.status == TASK_CREATED, "Task is not waiting");
        require(block.number - m.blockNumber > taskTimeoutSize, "Task timeout window has not elapsed yet");
        t.meta.status = TASK_FEES_RETURNED;
        require(token.transfer(userAddr[m.userIdx], uint256(m.gasLimit) * m.gasPx), "Token transfer failed");
        emit TaskFeeReturned(_taskId);
    }

    // ====================================================================
    // User balances (refunds and the prepaid balance of the batched path)
    // ====================================================================

    /// @notice A user's ENG held here: refunds of unused task fees and
    /// deposits for batched tasks. Unless locked, it pays the user's next
    /// task records first.
    function getUserBalance(address _user) external view returns (uint256) {
        return users[_user].credit;
    }

    /// @notice When the user's balance can be withdrawn: 0 if it is not
    /// locked; 2^64-1 while it is locked for batched tasks and no
    /// withdrawal was requested (what a worker accepting the user's batched
    /// tasks checks); else the first block from which it can.
    function getUserUnlockBlock(address _user) external view returns (uint256) {
        return users[_user].unlockBlock;
    }

    /// @notice Adds _amount ENG (approved beforehand) to the caller's balance
    /// and locks the balance for batched tasks: until a withdrawal request
    /// has waited getTaskTimeoutSize() blocks, only batches can charge it.
    /// A deposit (of 0 too) cancels a pending request.
    function depositUserBalance(uint256 _amount) external {
        User memory u = users[msg.sender];
        uint256 credit = uint256(u.credit) + _amount;
        require(credit <= type(uint128).max, "Balance too large");
        u.credit = uint128(credit);
        u.unlockBlock = LOCKED;
        users[msg.sender] = u;
        require(token.transferFrom(msg.sender, address(this), _amount), "Token transfer failed");
        emit UserBalanceChanged(msg.sender, credit);
    }

    /// @notice Starts unlocking the caller's balance: batches keep charging
    /// it for getTaskTimeoutSize() more blocks (workers stop accepting the
    /// caller's batched tasks now and commit the ones they accepted within
    /// that time), then withdrawUserBalance can take it out. A second
    /// request does not move the unlock block.
    function requestUserWithdrawal() external {
        User storage u = users[msg.sender];
        uint256 ready = block.number + taskTimeoutSize;
        if (ready < u.unlockBlock) {
            u.unlockBlock = uint64(ready);
        }
        emit UserWithdrawalRequested(msg.sender, u.unlockBlock);
    }

    /// @notice Sends _amount ENG of the caller's balance back to the caller;
    /// a locked balance only after requestUserWithdrawal and the timeout.
    function withdrawUserBalance(uint256 _amount) external {
        User memory u = users[msg.sender];
        require(block.number >= u.unlockBlock, "Locked: requestUserWithdrawal");
        require(u.credit >= _amount, "Not enough tokens in user balance");
        u.credit -= uint128(_amount);
        users[msg.sender] = u;
        require(token.transfer(msg.sender, _amount), "Token transfer failed");
        emit UserBalanceChanged(msg.sender, u.credit);
    }

    // ====================================================================
    // Batched path (v2)
    // ====================================================================

    /// @notice Commits a batch of tasks on one secret contract, signed by
    /// the enclave of the worker selected for (epoch, contract): stores the
    /// Merkle root of the batch's task leaves, moves each user's fee total
    /// (at most the user's balance) from the user's balance to the worker's
    /// stake and appends the new state delta hash. _users and _fees are the
    /// per-user fee totals; BatchCommitted.fees is what was actually paid.
    function commitBatch(
        BatchHeader calldata _h,
        address[] calldata _users,
        uint256[] calldata _fees,
        bytes calldata _sig
    ) external {
        _noCallbackReentry();
        require(_users.length == _fees.length, "Users and fees differ in length");
        SC storage sc = contracts[_h.scAddr];
        ContractMeta memory cm = sc.meta;
        require(cm.status == CONTRACT_DEPLOYED, "Secret contract not deployed");
        require(_h.batchIndex == cm.batchCount, "Wrong batch index");
        require(_h.prevDeltaHash == sc.deltas[cm.deltaCount - 1], "Batch not on the latest state");
        require(_h.root != bytes32(0) && _h.taskCount > 0, "Empty batch");

        WorkerSlot memory w = _selectedWorker(_epochSeqOf(_h.epochFirstBlock), _h.scAddr);
        require(Receipts.recover(batchDigest(_h, _users, _fees), _sig) == w.signer, "Invalid signature");

        // A user whose balance no longer covers its fees (the worker
        // accepted more than it held, or committed after the user's
        // withdrawal request ran out) pays what it has: the batch still
        // commits, so one user cannot void every other user's results.
        uint256 total;
        for (uint256 i = 0; i < _users.length; i++) {
            User storage u = users[_users[i]];
            uint128 credit = u.credit;
            uint128 paid = _fees[i] < credit ? uint128(_fees[i]) : credit;
            u.credit = credit - paid;
            total += paid;
        }
        w.balance = _u88(uint256(w.balance) + total);
        workerSlots[msg.sender] = w;

        sc.batchRoots[_h.batchIndex] = _h.root;
        cm.batchCount++;
        if (_h.newDeltaHash != bytes32(0) && _h.newDeltaHash != _h.prevDeltaHash) {
            sc.deltas[cm.deltaCount] = _h.newDeltaHash;
            cm.deltaCount++;
        }
        sc.meta = cm;
        emit BatchCommitted(_h.scAddr, _h.batchIndex, _h.root, _h.taskCount, _h.newDeltaHash, msg.sender, total);
    }

    /// @dev The digest an enclave signs for commitBatch (internal/batch.Digest;
    /// not a view, to keep the contract under the code size limit).
    function batchDigest(BatchHeader calldata _h, address[] calldata _users, uint256[] calldata _fees)
        internal
        view
        returns (bytes32)
    {
        return keccak256(
            abi.encode(
                BATCH_DOMAIN,
                block.chainid,
                address(this),
                _h,
                keccak256(abi.encode(_users)),
                keccak256(abi.encode(_fees))
            )
        );
    }

    /// @notice The Merkle root of a committed batch (0 if none). A client
    /// checks its task's inclusion proof against it (internal/batch.Verify;
    /// a contract can do the same with lib/Merkle.sol).
    function getBatchRoot(bytes32 _scAddr, uint256 _batchIndex) external view returns (bytes32) {
        return contracts[_scAddr].batchRoots[_batchIndex];
    }

    /// @notice Number of batches committed for a secret contract.
    function countBatches(bytes32 _scAddr) external view returns (uint256) {
        return contracts[_scAddr].meta.batchCount;
    }

    // ====================================================================
    // Internals of the receipt paths
    // ====================================================================

    function _pendingTask(Task storage t, uint8 kind, uint64 gasUsed) internal view returns (TaskMeta memory m) {
        m = t.meta;
        require(m.status == TASK_CREATED, "Invalid task status");
        require(m.kind == kind, "Wrong kind of task for receipt");
        require(gasUsed <= m.gasLimit, "Too much gas used for task");
    }

    /// @dev The caller's worker record, after checking that its signer is the
    /// one selected for the contract in the given epoch.
    function _selectedWorker(uint32 epochSeq, bytes32 scAddr) internal view returns (WorkerSlot memory w) {
        Epoch storage e = ring[epochSeq % RING];
        EpochMeta memory em = e.meta;
        require(em.firstBlock != 0 && em.seq == epochSeq, "Task's epoch is no longer stored");
        require(em.count > 0, "No workers in the task's epoch");
        address selected = Selection.selectFirst(e.entries, em.count, em.total, e.seed, scAddr);
        w = workerSlots[msg.sender];
        require(w.signer == selected, "Not the selected worker for this task");
    }

    /// @dev Pays the worker gasPaid * gasPx, credits the rest of the fee to the
    /// sender's balance and sets the task's final status.
    function _settle(Task storage t, TaskMeta memory m, WorkerSlot memory w, uint64 gasPaid, uint8 status) internal {
        w.balance = _u88(uint256(w.balance) + uint256(gasPaid) * m.gasPx);
        workerSlots[msg.sender] = w;
        m.status = status;
        t.meta = m;
        uint256 refund = uint256(m.gasLimit - gasPaid) * m.gasPx;
        if (refund != 0) {
            User storage u = users[userAddr[m.userIdx]];
            u.credit += uint128(refund);
        }
    }

    /// @dev Runs the Ethereum callback of a receipt through the forwarder,
    /// with the fixed callback gas; returns whether it succeeded. A receipt
    /// sent with too little gas for that reverts instead, so a worker cannot
    /// make an honest callback fail. The lock stops the callee from
    /// re-entering the receipt functions.
    function _callback(Receipt memory r) internal returns (bool ok) {
        uint256 g = forwardGas;
        require(gasleft() >= g + g / 63 + CALLBACK_RESERVE, "Not enough gas for the Ethereum callback");
        uint256 slot = CALLBACK_LOCK;
        assembly ("memory-safe") {
            tstore(slot, 1)
        }
        ok = forwarder.forward{gas: g}(r.ethAddr, r.ethData, r.scAddr, r.taskId);
        assembly ("memory-safe") {
            tstore(slot, 0)
        }
    }

    function _noCallbackReentry() internal view {
        uint256 slot = CALLBACK_LOCK;
        uint256 locked;
        assembly ("memory-safe") {
            locked := tload(slot)
        }
        require(locked == 0, "Reentrant call from a callback");
    }

    function _epochSeqOf(uint256 firstBlock) internal view returns (uint32) {
        for (uint256 i = 0; i < RING; i++) {
            EpochMeta memory em = ring[i].meta;
            if (em.firstBlock != 0 && em.firstBlock == firstBlock) {
                return em.seq;
            }
        }
        revert("Task's epoch is no longer stored");
    }

    function _u88(uint256 v) internal pure returns (uint88) {
        require(v <= type(uint88).max, "Balance too large");
        return uint88(v);
    }

    // ====================================================================
    // Views (0.3.0 interface)
    // ====================================================================

    /// @notice The workers logged in before _blockNumber and their stakes
    /// at login, excluding the key manager. Exact for blocks at or after
    /// the block of the latest setWorkersParams (custodians that logged out
    /// before that are no longer read).
    function getActiveWorkers(uint256 _blockNumber) public view returns (address[] memory, uint256[] memory) {
        uint256 n = candidates.length;
        address[] memory workers = new address[](n);
        uint256[] memory stakes = new uint256[](n);
        uint256 found;
        for (uint256 i = 0; i < n; i++) {
            address custodian = candidates[i];
            address signer = workerSlots[custodian].signer;
            if (signer == principal) {
                continue;
            }
            (bool ok, LogSlot memory log) = _latestLogBefore(custodian, _blockNumber);
            if (ok && log.kind == LOG_LOGIN) {
                workers[found] = signer;
                stakes[found] = log.balance;
                found++;
            }
        }
        assembly ("memory-safe") {
            mstore(workers, found)
            mstore(stakes, found)
        }
        return (workers, stakes);
    }

    function _latestLogBefore(address custodian, uint256 blockNumber)
        internal
        view
        returns (bool, LogSlot memory)
    {
        LogSlot[] storage logs = workerLogs[custodian];
        for (uint256 i = logs.length; i > 0; i--) {
            LogSlot memory log = logs[i - 1];
            if (log.blockNumber < blockNumber) {
                return (true, log);
            }
        }
        LogSlot memory none;
        return (false, none);
    }

    function getFirstBlockNumber(uint256 _blockNumber) public view returns (uint256) {
        (bool ok, uint256 i) = _epochAt(_blockNumber);
        return ok ? ring[i].meta.firstBlock : 0;
    }

    function getWorkerParams(uint256 _blockNumber)
        external
        view
        returns (uint256, uint256, address[] memory, uint256[] memory)
    {
        (bool ok, uint256 i) = _epochAt(_blockNumber);
        if (!ok) {
            return (0, 0, new address[](0), new uint256[](0));
        }
        WorkersParams memory p = _params(i);
        return (p.firstBlockNumber, p.seed, p.workers, p.stakes);
    }

    function getWorkerGroup(uint256 _blockNumber, bytes32 _scAddr) external view returns (address[] memory group) {
        (bool ok, uint256 i) = _epochAt(_blockNumber);
        if (!ok || ring[i].meta.count == 0) {
            return new address[](0);
        }
        Epoch storage e = ring[i];
        group = new address[](1);
        group[0] = Selection.selectFirst(e.entries, e.meta.count, e.meta.total, e.seed, _scAddr);
    }

    function getWorkersParams() external view returns (WorkersParams[5] memory all) {
        for (uint256 i = 0; i < RING; i++) {
            all[i] = _params(i);
        }
    }

    /// @dev The ring slot of the latest epoch whose first block is <= blockNumber.
    function _epochAt(uint256 blockNumber) internal view returns (bool ok, uint256 index) {
        uint256 best;
        for (uint256 i = 0; i < RING; i++) {
            uint256 first = ring[i].meta.firstBlock;
            if (first != 0 && first <= blockNumber && first > best) {
                best = first;
                index = i;
                ok = true;
            }
        }
    }

    function _params(uint256 i) internal view returns (WorkersParams memory p) {
        Epoch storage e = ring[i];
        EpochMeta memory em = e.meta;
        p.firstBlockNumber = em.firstBlock;
        p.seed = e.seed;
        p.workers = new address[](em.count);
        p.stakes = new uint256[](em.count);
        uint256 prev;
        for (uint256 k = 0; k < em.count; k++) {
            uint256 entry = e.entries[k];
            uint256 cumulative = entry >> Selection.ADDRESS_BITS;
            p.workers[k] = address(uint160(entry));
            p.stakes[k] = cumulative - prev;
            prev = cumulative;
        }
    }

    function getTaskRecord(bytes32 _taskId) external view returns (TaskRecord memory r) {
        Task storage t = tasks[_taskId];
        TaskMeta memory m = t.meta;
        r.sender = userAddr[m.userIdx];
        if (m.status == TASK_VERIFIED || m.status == TASK_FAILED || m.status == TASK_FAILED_ETH) {
            if (m.kind == KIND_DEPLOY && m.status == TASK_VERIFIED) {
                r.inputsHash = t.hash; // a deployment has no output hash
            } else {
                r.outputHash = t.hash; // the inputs hash is in TaskRecordCreated
            }
        } else {
            r.inputsHash = t.hash;
        }
        r.gasLimit = m.gasLimit;
        r.gasPx = m.gasPx;
        r.blockNumber = m.blockNumber;
        r.status = m.status;
        // The receipt signature is in the ReceiptVerified/ReceiptFailed
        // event; storing it would cost three words per task.
        r.proof = "";
    }

    function getSecretContract(bytes32 _scAddr) external view returns (SecretContract memory c) {
        SC storage sc = contracts[_scAddr];
        ContractMeta memory cm = sc.meta;
        c.owner = cm.owner;
        c.preCodeHash = sc.preCodeHash;
        c.codeHash = sc.codeHash;
        c.status = cm.status;
        c.stateDeltaHashes = new bytes32[](cm.deltaCount);
        for (uint256 i = 0; i < cm.deltaCount; i++) {
            c.stateDeltaHashes[i] = sc.deltas[i];
        }
    }

    /// @notice Number of state deltas of a secret contract.
    function countStateDeltas(bytes32 _scAddr) external view returns (uint256) {
        return contracts[_scAddr].meta.deltaCount;
    }

    /// @notice One state delta hash of a secret contract.
    function getStateDeltaHash(bytes32 _scAddr, uint256 _index) external view returns (bytes32) {
        require(_index < contracts[_scAddr].meta.deltaCount, "No such state delta");
        return contracts[_scAddr].deltas[_index];
    }

    function getWorker(address _worker) public view returns (Worker memory wk) {
        WorkerSlot memory w = workerSlots[_worker];
        wk.signer = w.signer;
        wk.status = w.status;
        wk.report = reports[_worker];
        wk.balance = w.balance;
        LogSlot[] storage logs = workerLogs[_worker];
        wk.workerLogs = new WorkerLog[](logs.length);
        for (uint256 i = 0; i < logs.length; i++) {
            LogSlot memory l = logs[i];
            wk.workerLogs[i] = WorkerLog(l.kind, l.blockNumber, l.balance);
        }
    }

    function getWorkerFromSigningAddress(address _signer) external view returns (address, Worker memory) {
        address custodian = custodianOf[_signer];
        return (custodian, getWorker(custodian));
    }

    function getSigningAddress() external view returns (address) {
        return workerSlots[msg.sender].signer;
    }

    function getEpochSize() external view returns (uint256) {
        return epochSize;
    }

    function getTaskTimeoutSize() external view returns (uint256) {
        return taskTimeoutSize;
    }

    /// @notice The sender's task count (the nonce of its next task id). For
    /// the principal it is the number of epochs set, the nonce the key
    /// manager signs in setWorkersParams, as on the original network.
    function getUserTaskDeployments(address _sender) external view returns (uint256) {
        if (_sender == principal) {
            return epochState.count;
        }
        return users[_sender].nonce;
    }

    function countSecretContracts() external view returns (uint256) {
        return scAddresses.length;
    }

    function getSecretContractAddresses(uint256 _start, uint256 _stop) external view returns (bytes32[] memory out) {
        if (_stop == 0) {
            _stop = scAddresses.length;
        }
        require(_start <= _stop && _stop <= scAddresses.length, "Range out of bounds");
        out = new bytes32[](_stop - _start);
        for (uint256 i = _start; i < _stop; i++) {
            out[i - _start] = scAddresses[i];
        }
    }

    function getAllSecretContractAddresses() external view returns (bytes32[] memory) {
        return scAddresses;
    }

    function getReport(address _custodian) external view returns (address, bytes memory) {
        WorkerSlot memory w = workerSlots[_custodian];
        require(w.status != WORKER_UNREGISTERED, "Unregistered worker");
        return (w.signer, reports[_custodian]);
    }

    /// @notice 0 when _signature is the attestation service's signature
    /// over the report _data, 1 otherwise (the original returned 0 for a
    /// valid IAS report). register checks much more (IAttestationVerifier).
    function verifyReport(bytes calldata _data, bytes calldata _signature) external view returns (uint256) {
        return attestation.isSigned(_data, _signature) ? 0 : 1;
    }

    /// @notice The key manager enclave's signing address.
    function getPrincipal() external view returns (address) {
        return principal;
    }

    /// @notice The contract that verifies registration reports.
    function getAttestationVerifier() external view returns (address) {
        return address(attestation);
    }

    /// @notice The contract that makes secret contracts' Ethereum callbacks.
    function getCallbackForwarder() external view returns (address) {
        return address(forwarder);
    }

    /// @notice What a task record holds beyond getTaskRecord: whether it is
    /// a deployment (its id is then the address of the secret contract it
    /// deploys), and the first block of the epoch it is bound to (the
    /// epoch whose selection runs it; see _createTask), 0 when the chain no
    /// longer holds that epoch. Both are 0 for an id with no record.
    function getTaskInfo(bytes32 _taskId) external view returns (bool deployment, uint256 epochFirstBlock) {
        TaskMeta memory m = tasks[_taskId].meta;
        if (m.status != TASK_UNDEFINED) {
            EpochMeta memory em = ring[m.epochSeq % RING].meta;
            deployment = m.kind == KIND_DEPLOY;
            epochFirstBlock = em.seq == m.epochSeq ? em.firstBlock : 0;
        }
    }

    /// @notice The token fees and stakes are paid in.
    function getToken() external view returns (address) {
        return address(token);
    }

    /// @notice Sequence number and first block of the current epoch
    /// (count 0: no epoch yet).
    function getEpochState() external view returns (uint256 count, uint256 firstBlock) {
        return (epochState.count, epochState.firstBlock);
    }
}
