import type { Provider, Signer } from "ethers";
import { EnigmaError, Code } from "./errors.js";
import { Task } from "./task.js";
import type {
  Balance, ComputeOptions, ConnectOptions, CallOptions, DeployOptions, EpochInfo, QueryOptions, QueryResult, WorkerInfo,
} from "./types.js";

/** Arguments already ABI-encoded (no selector), passed in place of values. */
export class RawArgs {
  constructor(readonly data: Uint8Array) {}
}

/** Function arguments: values ABI-encoded against the signature's types, or {@link RawArgs}. */
export type Args = readonly unknown[] | RawArgs;

const notImplemented = (what: string): never => {
  throw new EnigmaError(Code.Unknown, `${what}: not implemented yet`);
};

/**
 * A client of an Enigma network acting as one account: it deploys secret
 * contracts, sends compute tasks (batched by default) and secret queries,
 * and reads verified, decrypted results. Make one with {@link connect}.
 */
export class EnigmaClient {
  /** The account tasks are sent from (checksummed address). */
  readonly address!: string;
  /** The chain's id. */
  readonly chainId!: bigint;
  /** The Enigma contract. */
  readonly enigmaAddress!: string;
  /** The ENG token. */
  readonly tokenAddress!: string;
  /** The Ethereum provider. */
  readonly provider!: Provider;
  /** The signer tasks are sent and signed with. */
  readonly signer!: Signer;

  protected constructor() {}

  /**
   * Connects to the chain and the gateway, checks the Enigma contract has
   * code and resolves the account.
   */
  static async connect(opts: ConnectOptions): Promise<EnigmaClient> {
    return notImplemented("connect " + String(opts.gatewayUrl));
  }

  /** A client sharing this one's connections, with some options changed. */
  with(opts: Pick<ConnectOptions, "batched" | "pad" | "depositTasks" | "deployGasLimit" | "computeGasLimit" | "gasPx" | "pollIntervalMs" | "waitTimeoutMs" | "callTimeoutMs">): EnigmaClient {
    return notImplemented("with " + JSON.stringify(Object.keys(opts)));
  }

  /**
   * Deploys a wasm module and runs its constructor `ctorSig` (e.g.
   * "construct()") with `args`. Resolves once the task record is on chain
   * and the selected worker accepted the task; `task.wait()` for the
   * receipt. The new contract's address is `task.contract`.
   *
   * When the record was created but the gateway refused the task, it
   * throws a {@link TaskSendError} holding the task, so its fees can be
   * returned once it times out.
   */
  async deploy(wasm: Uint8Array, ctorSig: string, args: Args = [], opts: DeployOptions = {}): Promise<Task> {
    return notImplemented(`deploy ${wasm.length} bytes ${ctorSig} ${String(args)} ${String(opts)}`);
  }

  /**
   * Runs `fnSig` (e.g. "add(uint256,uint256)") of the secret contract at
   * `contract` (0x + 64 hex digits) with `args`, e.g. [76n, 17n].
   *
   * Batched (the default): funds the account's batchable balance when it
   * falls short, seals and signs the task and resolves once the selected
   * worker stored it. Per task (`batched: false`): resolves once the task
   * record is on chain and the worker accepted the task.
   */
  async compute(contract: string, fnSig: string, args: Args = [], opts: ComputeOptions = {}): Promise<Task> {
    return notImplemented(`compute ${contract} ${fnSig} ${String(args)} ${String(opts)}`);
  }

  /**
   * Runs the query function `fnSig` of `contract` on its current state:
   * no transaction, no fee. The query is sealed to the selected worker,
   * signed (EIP-712) by the account, and its answer decrypted. A contract
   * failure throws a {@link QueryError} with the decrypted reason.
   */
  async query(contract: string, fnSig: string, args: Args = [], opts: QueryOptions = {}): Promise<QueryResult> {
    return notImplemented(`query ${contract} ${fnSig} ${String(args)} ${String(opts)}`);
  }

  /** Opens a task by id, to read its status and its (still encrypted) result. */
  task(id: string): Task {
    return notImplemented("task " + id);
  }

  /** The current epoch and its workers. */
  async epoch(opts: CallOptions = {}): Promise<EpochInfo> {
    return notImplemented("epoch " + String(opts));
  }

  /** The current epoch's workers, in selection order. */
  async workers(opts: CallOptions = {}): Promise<WorkerInfo[]> {
    return (await this.epoch(opts)).workers;
  }

  /**
   * The signing address of the worker selected for `contract` in the epoch
   * at the head (or at `block`), exactly as the contract and the workers
   * select it.
   */
  async selectWorker(contract: string, opts: CallOptions & { block?: number } = {}): Promise<string> {
    return notImplemented("selectWorker " + contract + String(opts));
  }

  /** The account's tokens and its balance in the Enigma contract. */
  async balance(opts: CallOptions = {}): Promise<Balance> {
    return notImplemented("balance " + String(opts));
  }

  /**
   * Moves `amount` grains of the account's tokens to its balance in the
   * Enigma contract, which pays its batched tasks (approve, then
   * depositUserBalance). A deposit locks the whole balance again.
   */
  async deposit(amount: bigint, opts: CallOptions = {}): Promise<Balance> {
    return notImplemented("deposit " + String(amount) + String(opts));
  }

  /**
   * Starts unlocking the balance: batches may still charge it for the
   * chain's task timeout. Resolves to the first block `withdraw` can take
   * it out at.
   */
  async requestWithdrawal(opts: CallOptions = {}): Promise<number> {
    return notImplemented("requestWithdrawal " + String(opts));
  }

  /**
   * Sends `amount` grains (default: all) of the account's unlocked balance
   * back to its tokens; resolves to the amount sent.
   */
  async withdraw(amount?: bigint, opts: CallOptions = {}): Promise<bigint> {
    return notImplemented("withdraw " + String(amount) + String(opts));
  }

  /** Returns the fees of a per-task task that got no receipt within the chain's task timeout. */
  async refund(taskId: string, opts: CallOptions = {}): Promise<void> {
    return notImplemented("refund " + taskId + String(opts));
  }

  /** Stops the client's polling; its tasks stop working. */
  close(): void {}
}
