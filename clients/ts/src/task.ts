import { decodeReturns } from "./abiargs.js";
import { equalBytes, hex0x, hexNo0x, toBytes, toFixed } from "./bytes.js";
import { ZERO32, type TaskRecord } from "./chain.js";
import type { Reservation, Settings, Shared } from "./core.js";
import { MAX_RETRY_WAIT_MS } from "./core.js";
import { keccak256, openResponse, verifyProof, type Context } from "./envelope.js";
import {
  ChainStatus, chainStatusFinal, chainStatusName, Code, EnigmaError, NotSupportedError, TaskError, TaskTimedOutError, codeOf,
} from "./errors.js";
import type { BatchStatus, CallOptions, GatewayStatus, ResultOptions, ReturnTypes, TaskResult, TaskStatus, WaitOptions } from "./types.js";
import { checkAborted, Deadline } from "./wait.js";

/** What a Task is made of (internal: tasks come from EnigmaClient). */
export interface TaskInit {
  id: string;
  contract: string;
  deploy: boolean;
  worker: string;
  sender: string;
  nonce: bigint;
  block: number;
  gasLimit: bigint;
  gasPx: bigint;
  batched: boolean;
  epoch: number;
  preCodeHash?: string;
  returns?: ReturnTypes;
  /** The request's response key and context: only the Task that sent it can decrypt. */
  responseKey?: Uint8Array;
  context?: Context;
  /** Batched: InputsHash of the request sent. */
  inputsHash?: Uint8Array;
  reservation?: Reservation;
}

/** v2_getBatchedTask's result. */
interface BatchedReply {
  taskId: string;
  contract: string;
  status: BatchStatus;
  error?: string;
  code?: number;
  batchIndex?: number;
  position?: number;
  epoch?: number;
  inputsHash?: string;
  outputHash?: string;
  deltaHash?: string;
  gasUsed?: number;
  fee?: string;
  taskFailed?: boolean;
  output?: string;
  proof?: string[];
  root?: string;
  block?: number;
}

/** getTaskResult's result (inside the compat methods' extra "result" level). */
interface TaskResultReply {
  taskId: string;
  status: GatewayStatus;
  output: string;
  usedGas: number;
  delta?: { key: number; hash: string };
}

const BATCH_STATES: readonly BatchStatus[] = ["pending", "executed", "in_batch", "committed", "failed"];

function statusText(s: Omit<TaskStatus, "text" | "done">): string {
  if (!s.batch) return `chain ${chainStatusName(s.chain)}, network ${s.gateway} (block ${s.head})`;
  switch (s.batch) {
    case "pending":
      return `batched: pending, not run yet (block ${s.head})`;
    case "executed":
      return `batched: executed, waiting for its batch (block ${s.head})`;
    case "in_batch":
      return `batched: in batch ${s.batchIndex}, sent to the chain (block ${s.head})`;
    case "committed":
      return `batched: committed in batch ${s.batchIndex} at block ${s.batchBlock} (head ${s.head})`;
    case "failed":
      return `batched: failed, not charged: ${s.error} (block ${s.head})`;
  }
  return `batched: ${String(s.batch)} (block ${s.head})`;
}

function finish(s: Omit<TaskStatus, "text" | "done">): TaskStatus {
  const done = s.batch ? s.batch === "committed" || s.batch === "failed" : chainStatusFinal(s.chain);
  return { ...s, done, text: statusText(s) };
}

/**
 * A deploy or compute task sent by a client, or one opened by id
 * ({@link EnigmaClient.task}) to read its status and its result, which
 * only the client that sent it can decrypt.
 */
export class Task {
  /** The task id, 0x + 64 hex digits. */
  readonly id: string;
  /** The secret contract (for a deploy: the new one, equal to id). */
  readonly contract: string;
  readonly deploy: boolean;
  /** The selected worker's signing address ("" for a task opened by id). */
  readonly worker: string;
  readonly sender: string;
  /** The sender's task counter the record was created with; a batched task's random 64-bit nonce. */
  readonly nonce: bigint;
  /** The block of the task record (0 for a batched task: it has none). */
  readonly block: number;
  /** 0n for a task opened by id. */
  readonly gasLimit: bigint;
  /** The fee per unit of gas (0n for a task opened by id). */
  readonly gasPx: bigint;
  /** Sent on the batched path: no task record, committed in a batch. */
  readonly batched: boolean;
  /** The first block of the epoch the task was sealed for (0 for a task opened by id). */
  readonly epoch: number;
  /** Deploys: keccak256 of the code sent, 0x-hex. */
  readonly preCodeHash?: string;
  /** Return types given to compute. */
  readonly returns?: ReturnTypes;

  readonly #s: Shared;
  readonly #cfg: Settings;
  readonly #responseKey?: Uint8Array;
  readonly #ctx?: Context;
  readonly #inputsHash?: Uint8Array;
  #reservation?: Reservation;

  /** @internal Tasks come from {@link EnigmaClient}. */
  constructor(s: Shared, cfg: Settings, init: TaskInit) {
    this.#s = s;
    this.#cfg = cfg;
    this.id = init.id;
    this.contract = init.contract;
    this.deploy = init.deploy;
    this.worker = init.worker;
    this.sender = init.sender;
    this.nonce = init.nonce;
    this.block = init.block;
    this.gasLimit = init.gasLimit;
    this.gasPx = init.gasPx;
    this.batched = init.batched;
    this.epoch = init.epoch;
    if (init.preCodeHash) this.preCodeHash = init.preCodeHash;
    if (init.returns !== undefined) this.returns = init.returns;
    this.#responseKey = init.responseKey;
    this.#ctx = init.context;
    this.#inputsHash = init.inputsHash;
    this.#reservation = init.reservation;
  }

  /** Whether the task was opened by id: its output cannot be decrypted here. */
  get opened(): boolean {
    return this.#responseKey === undefined;
  }

  // ------------------------------------------------------------ status

  /** Reads the task's status once. A task opened by id without a task record is looked for among the batched tasks. */
  async status(opts: CallOptions = {}): Promise<TaskStatus> {
    if (this.batched) return (await this.#batchedStatus(opts.signal)).status;
    const st = await this.#recordStatus(opts.signal);
    if (st.chain === ChainStatus.Undefined && this.opened) {
      try {
        return (await this.#batchedStatus(opts.signal)).status;
      } catch {
        // not a batched task either: the record's status
      }
    }
    return st;
  }

  async #recordStatus(signal?: AbortSignal): Promise<TaskStatus> {
    const head = await this.#s.chain.blockNumber();
    const rec = await this.#s.chain.taskRecord(this.id);
    let gateway: GatewayStatus = "UNVERIFIED";
    const params: Record<string, unknown> = { taskId: hexNo0x(toBytes(this.id)), withResult: false };
    if (this.worker) params.workerAddress = hexNo0x(toBytes(this.worker));
    try {
      const r = await this.#s.gw.call<{ result?: { status?: GatewayStatus } }>("getTaskStatus", params, signal);
      if (r?.result?.status) gateway = r.result.status;
    } catch (err) {
      checkAborted(signal, "task status");
      this.#s.log.debug?.("task status from the gateway", { task: this.id, err: (err as Error).message });
    }
    return finish({ chain: rec.status, gateway, head, record: Number(rec.blockNumber) });
  }

  async #batchedStatus(signal?: AbortSignal): Promise<{ status: TaskStatus; reply: BatchedReply }> {
    const head = await this.#s.chain.blockNumber();
    const params: Record<string, unknown> = { taskId: hexNo0x(toBytes(this.id)) };
    if (!this.opened && this.worker) params.workerAddress = hexNo0x(toBytes(this.worker));
    let r: BatchedReply;
    try {
      r = await this.#s.gw.call<BatchedReply>("v2_getBatchedTask", params, signal);
    } catch (err) {
      if (err instanceof NotSupportedError || !(err instanceof EnigmaError)) throw err;
      throw new EnigmaError(err.code, `client: read batched task ${this.id}: ${err.message}`, { cause: err, rpcCode: err.rpcCode });
    }
    if (typeof r !== "object" || r === null || !BATCH_STATES.includes(r.status)) {
      throw new EnigmaError(Code.Unknown, `client: the gateway reports batched task ${this.id} in status ${JSON.stringify(r?.status)}, which this client does not know`);
    }
    const s: Omit<TaskStatus, "text" | "done"> = { chain: ChainStatus.Undefined, gateway: "INPROGRESS", head, record: 0, batch: r.status };
    switch (r.status) {
      case "in_batch":
        s.batchIndex = r.batchIndex;
        break;
      case "committed":
        s.batchIndex = r.batchIndex;
        s.batchBlock = r.block;
        s.chain = r.taskFailed ? ChainStatus.ReceiptFailed : ChainStatus.ReceiptVerified;
        s.gateway = r.taskFailed ? "FAILED" : "SUCCESS";
        break;
      case "failed":
        s.gateway = "FAILED";
        s.error = r.error || "the worker gave no reason";
        break;
    }
    return { status: finish(s), reply: r };
  }

  // ------------------------------------------------------------ wait

  /**
   * Polls until the task's status is final and returns it, calling
   * onProgress on every change. Bounded by timeoutMs (default: the client's
   * waitTimeoutMs) and signal, both EnigmaError code Timeout (1104) naming
   * the task, its worker and the last status seen; a per-task task also by
   * the chain's task timeout (TaskTimedOutError: return its fees).
   *
   * A batched task is read from the gateway (v2_getBatchedTask) until it is
   * committed or failed; while the gateway or the worker does not answer,
   * it asks again at growing intervals up to 5 s.
   */
  async wait(opts: WaitOptions = {}): Promise<TaskStatus> {
    if (this.batched) return (await this.#waitBatched(opts)).status;
    const dl = new Deadline(opts.timeoutMs ?? this.#cfg.waitMs, opts.signal);
    const timeout = Number(await this.#s.taskTimeout());
    let last: TaskStatus | undefined;
    let lastErr: unknown;
    for (;;) {
      try {
        const st = await this.status({ signal: opts.signal });
        if (!last || st.chain !== last.chain || st.gateway !== last.gateway || st.batch !== last.batch) opts.onProgress?.(st);
        last = st;
        lastErr = undefined;
        if (st.done) return st;
        if (st.chain === ChainStatus.RecordCreated && st.head > st.record + timeout) {
          throw new TaskTimedOutError(this.id, `client: task ${this.id} has no receipt ${st.head - st.record} blocks after its record (block ${st.record}, now ${st.head}; network says ${st.gateway}): task timed out on chain; return its fees with task.returnFees()`);
        }
      } catch (err) {
        if (err instanceof TaskTimedOutError) throw err;
        checkAborted(opts.signal, `wait for task ${this.id}`);
        lastErr = err;
      }
      if (!(await dl.sleep(this.#cfg.pollMs, `wait for task ${this.id}`))) throw this.#gaveUp(dl, last, lastErr);
    }
  }

  #gaveUp(dl: Deadline, last: TaskStatus | undefined, lastErr: unknown): EnigmaError {
    let saw = last ? last.text : "nothing yet";
    if (lastErr) saw += "; last error: " + (lastErr as Error).message;
    const what = this.batched ? "batched task" : "task";
    return new EnigmaError(Code.Timeout, `client: gave up waiting for ${what} ${this.id} (worker ${this.worker || "unknown"}) after ${dl.elapsed()} ms: saw ${saw}`, { cause: lastErr });
  }

  async #waitBatched(opts: WaitOptions): Promise<{ status: TaskStatus; reply: BatchedReply }> {
    const dl = new Deadline(opts.timeoutMs ?? this.#cfg.waitMs, opts.signal);
    let last: TaskStatus | undefined;
    let lastErr: unknown;
    let wait = this.#cfg.pollMs;
    for (;;) {
      try {
        const r = await this.#batchedStatus(opts.signal);
        if (!last || r.status.batch !== last.batch || r.status.batchIndex !== last.batchIndex) opts.onProgress?.(r.status);
        last = r.status;
        lastErr = undefined;
        wait = this.#cfg.pollMs;
        if (r.status.done) {
          this.#s.release(this.#reservation);
          this.#reservation = undefined;
          return r;
        }
      } catch (err) {
        checkAborted(opts.signal, `wait for batched task ${this.id}`);
        // Nothing a new try mends: a gateway without batched tasks, a malformed request.
        if (err instanceof NotSupportedError || codeOf(err) === Code.InvalidInput) throw err;
        lastErr = err;
        wait = Math.min(2 * wait, MAX_RETRY_WAIT_MS);
      }
      if (!(await dl.sleep(wait, `wait for batched task ${this.id}`))) throw this.#gaveUp(dl, last, lastErr);
    }
  }

  // ------------------------------------------------------------ results

  /**
   * Waits for the task (as wait), verifies its result against the chain
   * and decrypts it:
   *
   * - per task: keccak256 of the output the gateway sends must be the
   *   record's outputHash on chain (a successful deploy commits none: the
   *   contract's code hash and pre-code hash on chain are checked instead);
   * - batched: the output must hash to the reported output hash, the inputs
   *   hash must be the one computed when sealing, fee = gasUsed × gasPx
   *   within the gas limit signed, and the leaf and Merkle proof must lead
   *   to getBatchRoot(contract, batchIndex) on chain.
   *
   * A report that does not hold is an EnigmaError with code Tampered
   * (1201). A failed task throws a {@link TaskError} with the worker's or
   * contract's reason, decrypted. Returned values are decoded when return
   * types were given (here or to compute).
   */
  async result(opts: ResultOptions = {}): Promise<TaskResult> {
    const res = await this.#result(opts);
    const returns = opts.returns ?? this.returns;
    if (returns !== undefined && !this.deploy) {
      res.values = decodeReturns(returns, res.output);
      res.value = res.values[0];
    }
    return res;
  }

  async #result(opts: ResultOptions): Promise<TaskResult> {
    if (this.batched) return this.#batchedResult(opts);
    let rec = await this.#s.chain.taskRecord(this.id);
    if (rec.status === ChainStatus.Undefined && this.opened) {
      // No record: a batched task, if a worker knows it.
      try {
        return await this.#batchedResult(opts);
      } catch (err) {
        if (!(err instanceof NotSupportedError) && codeOf(err) !== Code.NotFound) throw err;
      }
    }
    if (!chainStatusFinal(rec.status)) {
      await this.wait(opts);
      rec = await this.#s.chain.taskRecord(this.id);
    }
    const status = rec.status;
    if (status === ChainStatus.ReceiptFailedRet) {
      throw new TaskError({ taskId: this.id, status, reason: "the task timed out and its fees were returned" });
    }
    if (!chainStatusFinal(status)) {
      throw new EnigmaError(Code.Unavailable, `client: task ${this.id} has no receipt yet (chain status ${chainStatusName(status)}): wait for it first`);
    }
    const reply = await this.#fetchResult(opts);
    let enc: Uint8Array;
    try {
      enc = toBytes(reply.output ?? "", "output", Code.Tampered);
    } catch (err) {
      throw new EnigmaError(Code.Tampered, `client: the gateway's output of task ${this.id} is not hex: ${(err as Error).message}`);
    }
    const r: TaskResult = {
      taskId: this.id, status, output: new Uint8Array(), encryptedOutput: enc, outputHash: hex0x(keccak256(enc)),
      usedGas: Number(reply.usedGas ?? 0), deployed: false, batched: false,
    };
    if (reply.delta) r.deltaIndex = reply.delta.key;
    await this.#verify(r, rec);
    if (this.opened) return r;
    let out: Uint8Array;
    try {
      out = await openResponse(this.#responseKey!, this.#ctx!, enc);
    } catch (err) {
      if (status === ChainStatus.ReceiptFailed) {
        throw new TaskError({ taskId: this.id, status, reason: `the worker could not read the task's inputs (its error text does not open: ${(err as Error).message})` });
      }
      throw new EnigmaError(codeOf(err), `client: decrypt the output of task ${this.id}: ${(err as Error).message}`, { cause: err });
    }
    r.output = out;
    if (status === ChainStatus.ReceiptVerified) return r;
    if (status === ChainStatus.ReceiptFailedETH) {
      throw new TaskError({ taskId: this.id, status, reason: "the task ran but its Ethereum callback reverted", output: out });
    }
    throw new TaskError({ taskId: this.id, status, reason: new TextDecoder().decode(out) });
  }

  /** getTaskResult, asked again until it reports a final result: the gateway may lag the chain by a moment. */
  async #fetchResult(opts: ResultOptions): Promise<TaskResultReply> {
    const dl = new Deadline(opts.timeoutMs ?? this.#cfg.waitMs, opts.signal);
    let lastErr: unknown;
    for (;;) {
      try {
        const r = await this.#s.gw.call<{ result?: TaskResultReply }>("getTaskResult", { taskId: hexNo0x(toBytes(this.id)) }, opts.signal);
        if (r?.result && (r.result.status === "SUCCESS" || r.result.status === "FAILED")) return r.result;
        lastErr = new Error(`the gateway reports ${r?.result?.status ?? "nothing"}`);
      } catch (err) {
        checkAborted(opts.signal, `fetch the result of task ${this.id}`);
        lastErr = err;
      }
      if (!(await dl.sleep(this.#cfg.pollMs, `fetch the result of task ${this.id}`))) {
        throw new EnigmaError(Code.Timeout, `client: task ${this.id} has a receipt on chain but the gateway has no result for it: ${(lastErr as Error)?.message}`, { cause: lastErr });
      }
    }
  }

  /** Checks the encrypted output against the chain. */
  async #verify(r: TaskResult, rec: TaskRecord): Promise<void> {
    // A task opened by id may be a deploy: only those keep no output hash.
    const deploy = this.deploy || (this.opened && rec.outputHash === ZERO32);
    if (deploy && r.status === ChainStatus.ReceiptVerified) {
      const sc = await this.#s.chain.secretContract(this.id); // a deploy's contract address is its task id
      if (sc.codeHash === ZERO32 || (this.preCodeHash && sc.preCodeHash.toLowerCase() !== this.preCodeHash.toLowerCase())) {
        throw new EnigmaError(Code.Tampered, `client: contract ${this.id} was not deployed from the code sent (pre-code hash on chain ${sc.preCodeHash}, sent ${this.preCodeHash})`);
      }
      r.deployed = true;
      return;
    }
    if (r.outputHash.toLowerCase() !== rec.outputHash.toLowerCase()) {
      throw new EnigmaError(Code.Tampered, `client: the output the gateway sent for task ${this.id} hashes to ${r.outputHash} but the receipt on chain commits to ${rec.outputHash}: it was altered or belongs to another task`);
    }
  }

  #tampered(what: string): EnigmaError {
    return new EnigmaError(Code.Tampered, `client: the gateway's report of batched task ${this.id} does not hold: ${what}; it was altered, or belongs to another task`);
  }

  async #batchedResult(opts: ResultOptions): Promise<TaskResult> {
    let st: TaskStatus;
    let r: BatchedReply;
    if (this.batched) {
      ({ status: st, reply: r } = await this.#waitBatched(opts));
    } else {
      ({ status: st, reply: r } = await this.#batchedStatus(opts.signal));
      if (!st.done) throw new EnigmaError(Code.Unavailable, `client: batched task ${this.id} is not finished (${st.text}): wait for it first`);
    }
    if (st.batch === "failed") {
      throw new TaskError({ taskId: this.id, status: ChainStatus.Undefined, batched: true, reason: st.error ?? "", code: r.code || undefined });
    }
    const res = await this.#checkBatched(r, opts);
    if (this.opened) return res;
    let out: Uint8Array;
    try {
      out = await openResponse(this.#responseKey!, this.#ctx!, res.encryptedOutput);
    } catch (err) {
      if (res.status === ChainStatus.ReceiptFailed) {
        throw new TaskError({ taskId: this.id, status: res.status, batched: true, reason: `the worker could not read the task's inputs (its error text does not open: ${(err as Error).message})` });
      }
      throw new EnigmaError(codeOf(err), `client: decrypt the output of batched task ${this.id}: ${(err as Error).message}`, { cause: err });
    }
    res.output = out;
    if (res.status === ChainStatus.ReceiptFailed) {
      // The contract failed the task in its batch: charged for its gas.
      throw new TaskError({ taskId: this.id, status: res.status, batched: true, reason: new TextDecoder().decode(out) });
    }
    return res;
  }

  /** Checks a committed task's report against what was sent and the batch's root on chain (docs/protocol/batched.md § 5). */
  async #checkBatched(r: BatchedReply, opts: ResultOptions): Promise<TaskResult> {
    const h32 = (name: string, s: unknown): Uint8Array => {
      try {
        return toFixed(String(s ?? ""), 32, name, Code.Tampered);
      } catch {
        throw this.#tampered(`its ${name} ${JSON.stringify(s)} is not 32 bytes of hex`);
      }
    };
    const id = h32("task id", r.taskId);
    const contract = h32("contract", r.contract);
    const inputsHash = h32("inputs hash", r.inputsHash);
    const outputHash = h32("output hash", r.outputHash);
    const deltaHash = h32("delta hash", r.deltaHash);
    const reportedRoot = h32("root", r.root);
    if (!Array.isArray(r.proof ?? [])) throw this.#tampered("its proof is not a list");
    const proof = (r.proof ?? []).map((p, i) => h32(`proof node ${i}`, p));
    let enc: Uint8Array;
    try {
      enc = toBytes(String(r.output ?? ""), "output", Code.Tampered);
    } catch (err) {
      throw this.#tampered(`its output is not hex: ${(err as Error).message}`);
    }
    if (typeof r.fee !== "string" || !/^[0-9]+$/.test(r.fee)) throw this.#tampered(`its fee ${JSON.stringify(r.fee)} is not a decimal amount`);
    const fee = BigInt(r.fee);
    const gasUsed = r.gasUsed;
    if (typeof gasUsed !== "number" || !Number.isSafeInteger(gasUsed) || gasUsed < 0) throw this.#tampered(`its gas used ${JSON.stringify(gasUsed)} is not a count`);
    const batchIndex = r.batchIndex;
    const block = r.block;
    if (typeof batchIndex !== "number" || !Number.isSafeInteger(batchIndex) || batchIndex < 0) throw this.#tampered(`its batch index ${JSON.stringify(batchIndex)} is not an index`);
    if (typeof block !== "number" || !Number.isSafeInteger(block) || block < 0) throw this.#tampered(`its block ${JSON.stringify(block)} is not a block number`);
    if (!equalBytes(id, toBytes(this.id))) throw this.#tampered(`it names task ${hex0x(id)}`);
    if (this.contract && this.contract !== ZERO32 && !equalBytes(contract, toBytes(this.contract))) {
      throw this.#tampered(`it names contract ${hex0x(contract)}, the task was sent to ${this.contract}`);
    }
    if (!this.opened && this.#inputsHash && !equalBytes(inputsHash, this.#inputsHash)) {
      throw this.#tampered(`its inputs hash ${hex0x(inputsHash)} is not the ${hex0x(this.#inputsHash)} of the request sent`);
    }
    if (!equalBytes(keccak256(enc), outputHash)) {
      throw this.#tampered(`its output hashes to ${hex0x(keccak256(enc))}, not to the output hash ${hex0x(outputHash)} it reports`);
    }
    if (this.gasLimit !== 0n && BigInt(gasUsed) > this.gasLimit) throw this.#tampered(`it used ${gasUsed} gas, more than the gas limit of ${this.gasLimit} signed`);
    if (this.gasPx !== 0n && fee !== BigInt(gasUsed) * this.gasPx) throw this.#tampered(`its fee of ${fee} grains is not ${gasUsed} gas × ${this.gasPx} grains`);
    // The leaf holds whether the contract failed the task: a flipped
    // taskFailed does not verify, so an encrypted error is never returned
    // as an output, nor an output as an error.
    const failed = r.taskFailed === true;
    const leaf = { taskId: id, inputsHash, outputHash, deltaHash, gasUsed: BigInt(gasUsed), fee, failed };
    const { root, at } = await this.#batchRoot(hex0x(contract), batchIndex, block, opts);
    if (root === ZERO32) {
      throw this.#tampered(`the chain holds no batch ${batchIndex} of contract ${hex0x(contract)} at block ${at}, though it reports it committed at block ${block}`);
    }
    if (hex0x(reportedRoot) !== root.toLowerCase()) throw this.#tampered(`it names root ${hex0x(reportedRoot)} for batch ${batchIndex}, the chain holds ${root}`);
    if (!verifyProof(root, leaf, proof)) throw this.#tampered(`its Merkle proof does not lead from the task's leaf to the root of batch ${batchIndex} on chain`);
    return {
      taskId: this.id, status: failed ? ChainStatus.ReceiptFailed : ChainStatus.ReceiptVerified, output: new Uint8Array(),
      encryptedOutput: enc, outputHash: hex0x(outputHash), usedGas: gasUsed, deployed: false, batched: true, batchIndex,
      position: typeof r.position === "number" ? r.position : undefined, batchBlock: block, provedAt: at, fee, deltaHash: hex0x(deltaHash),
    };
  }

  /**
   * The root of a batch at the head, and the head. A batch reported in a
   * block the chain (this client's node may lag the worker's) has not
   * reached yet is read again once it has, within the wait's bounds.
   */
  async #batchRoot(contract: string, index: number, block: number, opts: ResultOptions): Promise<{ root: string; at: number }> {
    const dl = new Deadline(opts.timeoutMs ?? this.#cfg.waitMs, opts.signal);
    for (;;) {
      const head = await this.#s.chain.blockNumber();
      const root = (await this.#s.chain.batchRoot(contract, index, head)).toLowerCase();
      if (root !== ZERO32 || head >= block) return { root, at: head };
      if (!(await dl.sleep(this.#cfg.pollMs, `read the root of batch ${index}`))) {
        throw new EnigmaError(Code.Timeout, `client: batch ${index} of ${contract} is reported in block ${block}, and the chain is at block ${head}`);
      }
    }
  }

  /** `result()`'s decrypted output: the ABI-encoded return data. */
  async output(opts: WaitOptions = {}): Promise<Uint8Array> {
    return (await this.result(opts)).output;
  }

  /** Takes back the fee of a per-task task without a receipt after the chain's task timeout (returnFeesForTask). */
  async returnFees(opts: CallOptions = {}): Promise<void> {
    if (this.batched) {
      throw new EnigmaError(Code.InvalidInput, `client: batched task ${this.id} paid nothing up front: it is charged only in a committed batch, and a failed one is not charged`);
    }
    const st = await this.status(opts);
    if (st.chain !== ChainStatus.RecordCreated) {
      throw new EnigmaError(Code.InvalidInput, `client: task ${this.id} is ${chainStatusName(st.chain)}, not waiting for a receipt: there are no fees to return`);
    }
    const timeout = Number(await this.#s.taskTimeout());
    if (st.head <= st.record + timeout) {
      throw new EnigmaError(Code.InvalidInput, `client: task ${this.id} can have its fees returned after block ${st.record + timeout + 1} (now ${st.head})`);
    }
    await this.#s.chain.send("enigma", "returnFeesForTask", [this.id], opts.signal);
  }
}
