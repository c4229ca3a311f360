import { EnigmaError, Code } from "./errors.js";
import type { ResultOptions, ReturnTypes, TaskResult, TaskStatus, WaitOptions, CallOptions } from "./types.js";

const notImplemented = (what: string): never => {
  throw new EnigmaError(Code.Unknown, `${what}: not implemented yet`);
};

/**
 * A deploy or compute task sent by a client, or one opened by id
 * ({@link EnigmaClient.task}) to read its status.
 */
export class Task {
  /** The task id, 0x + 64 hex digits. */
  readonly id!: string;
  /** The secret contract (for a deploy: the new one, equal to id). */
  readonly contract!: string;
  readonly deploy!: boolean;
  /** The selected worker's signing address. */
  readonly worker!: string;
  readonly sender!: string;
  /** The sender's task counter the record was created with; a batched task's random 64-bit nonce. */
  readonly nonce!: bigint;
  /** The block of the task record (0 for a batched task: it has none). */
  readonly block!: number;
  /** 0n for a task opened by id. */
  readonly gasLimit!: bigint;
  /** The fee per unit of gas. */
  readonly gasPx!: bigint;
  /** Sent on the batched path: no task record, committed in a batch. */
  readonly batched!: boolean;
  /** The first block of the epoch the task was sealed for. */
  readonly epoch!: number;
  /** Deploys: keccak256 of the code sent, 0x-hex. */
  readonly preCodeHash?: string;
  /** Return types given to compute. */
  readonly returns?: ReturnTypes;

  protected constructor() {}

  /** Reads the task's status once. */
  async status(opts: CallOptions = {}): Promise<TaskStatus> {
    return notImplemented("status" + String(opts));
  }

  /**
   * Polls until the task's status is final and returns it. Bounded by
   * `timeoutMs` (default: the client's waitTimeoutMs), `signal`, and for a
   * per-task task the chain's task timeout (then a TaskTimedOutError).
   */
  async wait(opts: WaitOptions = {}): Promise<TaskStatus> {
    return notImplemented("wait" + String(opts));
  }

  /**
   * Waits for the task, verifies its result against the chain (the output
   * hash in the receipt, or for a batched task the Merkle proof against the
   * batch root on chain) and decrypts it. A failed task throws a
   * {@link TaskError}; a report that does not hold an EnigmaError with code
   * Tampered (1201).
   */
  async result(opts: ResultOptions = {}): Promise<TaskResult> {
    return notImplemented("result" + String(opts));
  }

  /** `result()`'s decrypted output: the ABI-encoded return data. */
  async output(opts: WaitOptions = {}): Promise<Uint8Array> {
    return (await this.result(opts)).output;
  }

  /** Takes back the fee of a per-task task without a receipt after the chain's task timeout. */
  async returnFees(opts: CallOptions = {}): Promise<void> {
    return notImplemented("returnFees" + String(opts));
  }
}
