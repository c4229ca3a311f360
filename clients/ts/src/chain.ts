/**
 * The Enigma contract and the ENG token through ethers: the views the
 * client reads and the transactions it sends, each awaited to its receipt
 * within a bound. Errors are EnigmaErrors with code Chain (1400) naming
 * the call, with the contract's revert reason when it gave one.
 */
import { Contract, type Provider, type Signer, type TransactionReceipt, type TransactionResponse } from "ethers";
import { ENIGMA_ABI } from "./abi/enigma.js";
import { TOKEN_ABI } from "./abi/token.js";
import { hex0x, toFixed, type BytesLike } from "./bytes.js";
import { Code, EnigmaError } from "./errors.js";
import { abortError, Deadline, Mutex } from "./wait.js";

/** getUserUnlockBlock while a deposit locks the balance for batched tasks, no withdrawal requested. */
export const USER_BALANCE_LOCKED = (1n << 64n) - 1n;

export interface TaskRecord {
  sender: string;
  inputsHash: string;
  outputHash: string;
  gasLimit: bigint;
  gasPx: bigint;
  blockNumber: bigint;
  status: number;
}

export interface SecretContractInfo {
  owner: string;
  preCodeHash: string;
  codeHash: string;
  status: number;
}

export interface WorkerParams {
  firstBlock: bigint;
  seed: bigint;
  workers: string[];
  stakes: bigint[];
}

export interface UserBalance {
  balance: bigint;
  /** 0 not locked; USER_BALANCE_LOCKED locked; else the first block a withdrawal can be mined in. */
  unlockBlock: bigint;
}

const ZERO32 = "0x" + "00".repeat(32);

/** Added to every gas estimate (internal/chain's GasMarginPercent). */
const GAS_MARGIN_PERCENT = 20n;

/** What batched tasks may charge: the whole balance while locked with no withdrawal requested. */
export function batchable(b: UserBalance): bigint {
  return b.unlockBlock === USER_BALANCE_LOCKED ? b.balance : 0n;
}

/** What a task record created in `block` may draw from the balance (not a locked one). */
export function forRecords(b: UserBalance, block: bigint): bigint {
  return block < b.unlockBlock ? 0n : b.balance;
}

/** The revert reason or short message of an ethers error. */
export function chainReason(err: unknown): string {
  const e = err as { reason?: string; shortMessage?: string; message?: string; info?: { error?: { message?: string } } };
  return e?.reason ?? e?.info?.error?.message ?? e?.shortMessage ?? e?.message ?? String(err);
}

export class Chain {
  readonly enigma: Contract;
  readonly token: Contract;
  /** Transactions of one client go out one at a time: each takes the account's next nonce. */
  readonly txLock = new Mutex();

  constructor(
    readonly provider: Provider,
    readonly signer: Signer,
    readonly enigmaAddress: string,
    readonly tokenAddress: string,
    private readonly pollMs: number,
    private readonly waitMs: number,
  ) {
    this.enigma = new Contract(enigmaAddress, ENIGMA_ABI, provider);
    this.token = new Contract(tokenAddress, TOKEN_ABI, provider);
  }

  private async view<T>(what: string, f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (err) {
      throw new EnigmaError(Code.Chain, `chain: read ${what}: ${chainReason(err)}`, { cause: err });
    }
  }

  async blockNumber(): Promise<number> {
    return this.view("the head block", () => this.provider.getBlockNumber());
  }

  async workerParams(block: number): Promise<WorkerParams> {
    const r = await this.view(`the worker parameters at block ${block}`, () => this.enigma.getWorkerParams(block));
    return { firstBlock: r[0], seed: r[1], workers: [...r[2]], stakes: [...r[3]] };
  }

  async epochState(): Promise<{ count: bigint; firstBlock: bigint }> {
    const r = await this.view("the epoch state", () => this.enigma.getEpochState());
    return { count: r[0], firstBlock: r[1] };
  }

  async epochSize(): Promise<bigint> {
    return this.view("the epoch size", () => this.enigma.getEpochSize());
  }

  async taskTimeout(): Promise<bigint> {
    return this.view("the task timeout", () => this.enigma.getTaskTimeoutSize());
  }

  async workerFromSigningAddress(signer: string): Promise<{ custodian: string; status: number; balance: bigint }> {
    const r = await this.view(`worker ${signer}`, () => this.enigma.getWorkerFromSigningAddress(signer));
    return { custodian: r[0], status: Number(r[1].status), balance: r[1].balance };
  }

  async taskRecord(taskId: BytesLike): Promise<TaskRecord> {
    const id = hex0x(toFixed(taskId, 32, "task id"));
    const r = await this.view(`task record ${id}`, () => this.enigma.getTaskRecord(id));
    return { sender: r.sender, inputsHash: r.inputsHash, outputHash: r.outputHash, gasLimit: r.gasLimit, gasPx: r.gasPx,
      blockNumber: r.blockNumber, status: Number(r.status) };
  }

  async secretContract(sc: BytesLike): Promise<SecretContractInfo> {
    const a = hex0x(toFixed(sc, 32, "contract"));
    const r = await this.view(`secret contract ${a}`, () => this.enigma.getSecretContract(a));
    return { owner: r.owner, preCodeHash: r.preCodeHash, codeHash: r.codeHash, status: Number(r.status) };
  }

  async userTaskDeployments(sender: string): Promise<bigint> {
    return this.view(`the task nonce of ${sender}`, () => this.enigma.getUserTaskDeployments(sender));
  }

  async userBalance(user: string): Promise<UserBalance> {
    const balance: bigint = await this.view(`the balance of ${user} in the Enigma contract`, () => this.enigma.getUserBalance(user));
    const unlock: bigint = await this.view(`the unlock block of ${user}`, () => this.enigma.getUserUnlockBlock(user));
    if (unlock > USER_BALANCE_LOCKED) {
      throw new EnigmaError(Code.Chain, `chain: unlock block ${unlock} of ${user} does not fit 64 bits (is ${this.enigmaAddress} the Enigma contract?)`);
    }
    return { balance, unlockBlock: unlock };
  }

  async tokenBalance(owner: string): Promise<bigint> {
    return this.view(`the ENG balance of ${owner}`, () => this.token.balanceOf(owner));
  }

  async batchRoot(sc: BytesLike, index: number | bigint, block: number): Promise<string> {
    const a = hex0x(toFixed(sc, 32, "contract"));
    return this.view(`the root of batch ${index} of ${a}`, () => this.enigma.getBatchRoot(a, index, { blockTag: block }));
  }

  async codeAt(address: string): Promise<string> {
    return this.view(`the code at ${address}`, () => this.provider.getCode(address));
  }

  /**
   * Sends method(args) to contract from the signer and waits for its
   * receipt (bounded by the client's wait timeout and signal). A revert,
   * in the gas estimate or on chain, is code Chain with the reason.
   */
  async send(contract: "enigma" | "token", method: string, args: unknown[], signal?: AbortSignal): Promise<TransactionReceipt> {
    return this.txLock.run(async () => {
      const c = (contract === "enigma" ? this.enigma : this.token).connect(this.signer) as Contract;
      let tx: TransactionResponse;
      try {
        // The estimate is exact for the head's state; the state can move
        // before the transaction is mined (a task record mined in the next
        // epoch takes the contract's other branch), so a margin is added,
        // as the Go chain client does (GasMarginPercent).
        const f = c.getFunction(method);
        const est = await f.estimateGas(...args);
        tx = await f(...args, { gasLimit: est + (est * GAS_MARGIN_PERCENT) / 100n });
      } catch (err) {
        throw new EnigmaError(Code.Chain, `chain: ${method}: ${chainReason(err)}`, { cause: err });
      }
      const dl = new Deadline(this.waitMs, signal);
      for (;;) {
        let r: TransactionReceipt | null = null;
        try {
          r = await this.provider.getTransactionReceipt(tx.hash);
        } catch {
          // The node may be restarting: ask again until the deadline.
        }
        if (r) {
          if (r.status !== 1) throw new EnigmaError(Code.Chain, `chain: ${method} (transaction ${tx.hash}) reverted in block ${r.blockNumber}`);
          return r;
        }
        if (signal?.aborted) throw abortError(signal, `chain: wait for ${method} (transaction ${tx.hash})`);
        if (!(await dl.sleep(this.pollMs, `chain: wait for ${method}`))) {
          throw new EnigmaError(Code.Timeout, `chain: ${method} (transaction ${tx.hash}) was not mined within ${this.waitMs} ms`);
        }
      }
    });
  }

  /** The TaskRecordCreated event of a receipt. */
  taskRecordCreated(r: TransactionReceipt): { taskId: string; blockNumber: bigint } {
    for (const log of r.logs) {
      if (log.address.toLowerCase() !== this.enigmaAddress.toLowerCase()) continue;
      try {
        const ev = this.enigma.interface.parseLog(log);
        if (ev?.name === "TaskRecordCreated") return { taskId: ev.args.taskId, blockNumber: ev.args.blockNumber };
      } catch {
        // another event
      }
    }
    throw new EnigmaError(Code.Chain, `chain: transaction ${r.hash} created no task record`);
  }
}

export { ZERO32 };
