import type { Provider, Signer } from "ethers";

/** An EIP-1193 provider, e.g. a browser wallet's `window.ethereum`. */
export interface Eip1193Provider {
  request(args: { method: string; params?: unknown[] | Record<string, unknown> }): Promise<unknown>;
}

/** Where a message of the client goes; the default discards them. */
export interface Logger {
  debug?(msg: string, fields?: Record<string, unknown>): void;
  info?(msg: string, fields?: Record<string, unknown>): void;
  warn?(msg: string, fields?: Record<string, unknown>): void;
}

/** What {@link connect} needs: where the network is and who the client acts as. */
export interface ConnectOptions {
  /**
   * The Ethereum node: an EIP-1193 provider (a browser wallet) or an ethers
   * Provider. Either this or `rpcUrl`.
   */
  provider?: Eip1193Provider | Provider;
  /** The Ethereum node's JSON-RPC URL, e.g. http://127.0.0.1:8545 (the devnet's `eth_node`). */
  rpcUrl?: string;
  /** The gateway's JSON-RPC URL (the devnet's `proxy`). */
  gatewayUrl: string;
  /** The Enigma contract's address (the devnet's `contract`). */
  enigmaAddress: string;
  /** The ENG token's address (the devnet's `token`); read from the Enigma contract when left out. */
  tokenAddress?: string;
  /**
   * Who sends the tasks. An ethers Wallet signs batched tasks itself; any
   * other signer (a browser wallet, a node account) signs them as an
   * EIP-191 personal message, which workers accept too.
   */
  signer?: Signer;
  /** A hex private key: the client sends as a Wallet of it on the provider. */
  privateKey?: string;
  /**
   * An address the provider holds (a node's unlocked account, a wallet
   * account). Without signer, privateKey and account: the provider's
   * first account.
   */
  account?: string;

  /** Compute tasks take the batched path (default true); false sends each with a task record. */
  batched?: boolean;
  /** Pad v2 requests to their size bucket, hiding their length (default false). */
  pad?: boolean;
  /**
   * How many tasks at their maximum fee (gas limit × gas price) to deposit
   * for when the batchable balance falls short of a batched task (default
   * 1000). 0 never deposits on its own: batched tasks then fail until
   * {@link EnigmaClient.deposit}.
   */
  depositTasks?: bigint | number;
  /** Gas limit of deploys that set none (default 20,000,000: a Go contract pays one gas per byte of its module). */
  deployGasLimit?: bigint | number;
  /** Gas limit of compute tasks that set none (default 1,000,000). */
  computeGasLimit?: bigint | number;
  /** Fee per unit of gas in ENG grains (default 1). */
  gasPx?: bigint | number;

  /** How often waits read the chain and the gateway, ms (default 500). */
  pollIntervalMs?: number;
  /** Bound of every wait that sets none, ms (default 180,000). */
  waitTimeoutMs?: number;
  /** Bound of each gateway call, ms (default 30,000). */
  callTimeoutMs?: number;
  /** The fetch the gateway client uses (default: globalThis.fetch). */
  fetch?: typeof fetch;
  logger?: Logger;
}

/** What every call that waits accepts. */
export interface CallOptions {
  /** Aborts the call: it throws an EnigmaError with code Timeout (1104) whose cause is the signal's reason. */
  signal?: AbortSignal;
}

/** Return types of a function: "(uint256,bool)", "uint256" or ["uint256", "bool"]. */
export type ReturnTypes = string | readonly string[];

/** Options of {@link EnigmaClient.deploy}. */
export interface DeployOptions extends CallOptions {
  gasLimit?: bigint | number;
  gasPx?: bigint | number;
  pad?: boolean;
}

/** Options of {@link EnigmaClient.compute}. */
export interface ComputeOptions extends CallOptions {
  /** Batched path (default: the client's, true unless connected with batched false). */
  batched?: boolean;
  gasLimit?: bigint | number;
  gasPx?: bigint | number;
  pad?: boolean;
  /** Return types: the task's result is then decoded into `values`. */
  returns?: ReturnTypes;
}

/** Options of {@link EnigmaClient.query}. */
export interface QueryOptions extends CallOptions {
  /** Unix seconds after which the worker refuses the query (at most an hour ahead; default now + 5 minutes). */
  expiry?: number;
  /** Gas cap of the query (default: the worker's cap). */
  gasLimit?: bigint | number;
  pad?: boolean;
  /** Return types: the answer is then decoded into `values`. */
  returns?: ReturnTypes;
}

/** Options of {@link Task.wait} and {@link Task.result}. */
export interface WaitOptions extends CallOptions {
  /** Bound of the wait, ms (default: the client's waitTimeoutMs). */
  timeoutMs?: number;
  /** Called on every change of status. */
  onProgress?: (status: TaskStatus) => void;
}

/** Options of {@link Task.result}. */
export interface ResultOptions extends WaitOptions {
  /** Return types (default: those given to compute). */
  returns?: ReturnTypes;
}

/** Where a batched task is, as its worker reports it. committed and failed are final. */
export type BatchStatus = "pending" | "executed" | "in_batch" | "committed" | "failed";

/** A task's status as the gateway reports it (api.TaskStatus). */
export type GatewayStatus = "UNVERIFIED" | "INPROGRESS" | "SUCCESS" | "FAILED";

/** A task's state as the chain and the gateway report it. */
export interface TaskStatus {
  /** The task record's status (authoritative); a batched task's batch outcome once committed. See ChainStatus. */
  chain: number;
  /** What the network reports; UNVERIFIED when unknown or unreachable. */
  gateway: GatewayStatus;
  /** The chain's head block when read. */
  head: number;
  /** The task record's block (0 for a batched task). */
  record: number;
  /** Batched tasks only: where the worker reports the task. */
  batch?: BatchStatus;
  /** in_batch and committed: the batch's index among the contract's. */
  batchIndex?: number;
  /** committed: the block that holds the batch. */
  batchBlock?: number;
  /** failed: why (a batched task that failed was not charged). */
  error?: string;
  /** Whether the status is final. */
  done: boolean;
  /** The status in words, e.g. "batched: committed in batch 3 at block 120 (head 121)". */
  text: string;
}

/** A finished task's result, verified against the chain and decrypted. */
export interface TaskResult {
  taskId: string;
  /** ReceiptVerified (2) for a usable result; see ChainStatus. */
  status: number;
  /** The decrypted output: the function's ABI-encoded return data. */
  output: Uint8Array;
  /** The output decoded with the return types, when they were given. */
  values?: unknown[];
  /** values[0], for the common single return value. */
  value?: unknown;
  /** The response message as the network delivered it. */
  encryptedOutput: Uint8Array;
  /** keccak256(encryptedOutput), 0x-hex, equal to the chain's (a successful deploy commits none). */
  outputHash: string;
  usedGas: number;
  /** The state delta the task appended, if any (per-task path). */
  deltaIndex?: number;
  /** A successful deploy: the contract's record on chain was checked instead of an output hash. */
  deployed: boolean;

  /** Batched tasks: the batch the task is committed in and what proved it. */
  batched: boolean;
  batchIndex?: number;
  /** The task's place in its batch. */
  position?: number;
  /** The block that holds the batch, as the worker reports it. */
  batchBlock?: number;
  /** The block whose state held the batch root the Merkle proof was checked against. */
  provedAt?: number;
  /** ENG grains charged: gas used × gas price. */
  fee?: bigint;
  /** The contract's state after the task, 0x-hex (zero when it left none). */
  deltaHash?: string;
}

/** A secret query's verified, decrypted answer. */
export interface QueryResult {
  /** The function's ABI-encoded return data. */
  output: Uint8Array;
  values?: unknown[];
  value?: unknown;
  gasUsed: number;
  /** The worker key epoch the query was sealed for (its first block). */
  epoch: number;
  /** The worker that answered (signing address). */
  worker: string;
}

/** One worker of an epoch. */
export interface WorkerInfo {
  /** Its enclave's signing address (the address selection returns). */
  signer: string;
  /** The account that staked for it. */
  custodian: string;
  /** Its stake in the epoch, ENG grains. */
  stake: bigint;
  /** Its current balance on the contract, ENG grains. */
  balance: bigint;
  /** "logged in", "logged out" or "unregistered". */
  status: string;
}

/** The network's current epoch as the Enigma contract reports it. */
export interface EpochInfo {
  /** Epochs set so far (the current one included). */
  number: number;
  /** The block the epoch started at (the worker key epoch). */
  firstBlock: number;
  /** Blocks per epoch. */
  size: number;
  /** The chain's head when read. */
  head: number;
  /** Blocks after which a task without a receipt can have its fees returned. */
  taskTimeout: number;
  seed: bigint;
  /** The epoch's workers, in selection order. */
  workers: WorkerInfo[];
}

/** An account's ENG as the batched path sees it, in grains (1 ENG = 10^8 grains). */
export interface Balance {
  /** The account's ENG tokens. */
  tokens: bigint;
  /** Its balance in the Enigma contract (deposits and refunds). */
  deposited: bigint;
  /** What batched tasks accepted now may charge: the deposit while locked with no withdrawal requested, else 0. */
  batchable: bigint;
  /** Locked for batched tasks, no withdrawal requested. */
  locked: boolean;
  /** After requestWithdrawal: the first block withdraw can take the balance out at; 0 when locked or never locked. */
  unlockBlock: number;
  /** Whether withdraw can take the balance out now. */
  withdrawable: boolean;
  /** The chain's head when read. */
  head: number;
}

/** The network's endpoints and contracts, as a devnet's addresses.json holds them. */
export interface Addresses {
  /** The Enigma contract. */
  contract: string;
  /** The ENG token. */
  token: string;
  /** The Ethereum node's JSON-RPC URL. */
  eth_node: string;
  /** The gateway's JSON-RPC URL. */
  proxy: string;
}
