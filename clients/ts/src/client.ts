import {
  BrowserProvider, FetchRequest, getAddress, isAddress, JsonRpcProvider, Wallet, type Provider, type Signer, type TransactionReceipt,
} from "ethers";
import { encodeArgs, parseSignature, type Args } from "./abiargs.js";
import { hex0x, hexNo0x, toBytes, toFixed, toUint } from "./bytes.js";
import { batchable, chainReason, Chain, forRecords, USER_BALANCE_LOCKED, ZERO32 } from "./chain.js";
import {
  gzipBase64, MAX_EPOCH_RETRIES, MAX_RETRY_WAIT_MS, NodeRetry, randomU64, Shared, signBatched, type Settings,
} from "./core.js";
import {
  batchedTaskHash, batchedTaskId, encodeCall, inputsHash as v2InputsHash, keccak256, openResponse, sealQuery, sealRequest,
  secretQueryTypedData, taskId as recordTaskId, type Context,
} from "./envelope.js";
import { decodeReturns } from "./abiargs.js";
import { Code, codeOf, EnigmaError, NotSupportedError, QueryError, TaskSendError } from "./errors.js";
import { GatewayClient } from "./gateway.js";
import { selectOne } from "./selection.js";
import { Task } from "./task.js";
import type {
  Balance, CallOptions, ComputeOptions, ConnectOptions, DeployOptions, Eip1193Provider, EpochInfo, Logger, QueryOptions, QueryResult,
  WorkerInfo,
} from "./types.js";
import { checkAborted, sleep } from "./wait.js";

export { RawArgs } from "./abiargs.js";
export type { Args } from "./abiargs.js";

const DEFAULTS = {
  deployGasLimit: 20_000_000n,
  computeGasLimit: 1_000_000n,
  gasPx: 1n,
  depositTasks: 1000n,
  pollIntervalMs: 500,
  waitTimeoutMs: 180_000,
  callTimeoutMs: 30_000,
};

/** How long a secret query stays valid by default, seconds. */
const DEFAULT_QUERY_TTL_S = 300;
/** How far ahead a worker accepts a query's expiry, seconds. */
const MAX_QUERY_TTL_S = 3600;
/** Requests the gateway and workers take for a query: 64 KiB. */
const MAX_QUERY_REQUEST = 64 << 10;

const workerStatus: Record<number, string> = { 0: "unregistered", 1: "logged in", 2: "logged out" };

function isEthersProvider(p: unknown): p is Provider {
  return typeof (p as Provider)?.getBlockNumber === "function" && typeof (p as Provider)?.call === "function";
}

function positive(v: bigint | number | undefined, def: bigint, what: string): bigint {
  if (v === undefined) return def;
  const n = toUint(v, what);
  if (n === 0n) throw new EnigmaError(Code.InvalidInput, `client: ${what} must be positive`);
  return n;
}

function positiveMs(v: number | undefined, def: number, what: string): number {
  if (v === undefined) return def;
  if (!Number.isFinite(v) || v <= 0) throw new EnigmaError(Code.InvalidInput, `client: ${what} must be a positive number of milliseconds`);
  return v;
}

function settingsOf(opts: Partial<ConnectOptions>, base?: Settings): Settings {
  return {
    batched: opts.batched ?? base?.batched ?? true,
    pad: opts.pad ?? base?.pad ?? false,
    depositTasks: opts.depositTasks !== undefined ? toUint(opts.depositTasks, "depositTasks") : base?.depositTasks ?? DEFAULTS.depositTasks,
    deployGasLimit: positive(opts.deployGasLimit, base?.deployGasLimit ?? DEFAULTS.deployGasLimit, "deployGasLimit"),
    computeGasLimit: positive(opts.computeGasLimit, base?.computeGasLimit ?? DEFAULTS.computeGasLimit, "computeGasLimit"),
    gasPx: positive(opts.gasPx, base?.gasPx ?? DEFAULTS.gasPx, "gasPx"),
    pollMs: positiveMs(opts.pollIntervalMs, base?.pollMs ?? DEFAULTS.pollIntervalMs, "pollIntervalMs"),
    waitMs: positiveMs(opts.waitTimeoutMs, base?.waitMs ?? DEFAULTS.waitTimeoutMs, "waitTimeoutMs"),
  };
}

/** A secret contract address or task id: 0x + 64 hex digits, lowercased. */
function contractAddress(v: string, what = "contract"): string {
  try {
    return hex0x(toFixed(v, 32, what));
  } catch {
    throw new EnigmaError(Code.InvalidInput, `client: ${what} ${JSON.stringify(v)} is not 32 bytes of hex (0x + 64 digits)`);
  }
}

/** A task sealed for one worker and epoch, ready for its record (per-task path). */
interface Prepared {
  task: Task;
  nonce: bigint;
  epoch: bigint;
  inputsHash: Uint8Array;
  submit: (signal?: AbortSignal) => Promise<unknown>;
}

/**
 * A client of an Enigma network acting as one account: it deploys secret
 * contracts, sends compute tasks (batched by default) and secret queries,
 * and reads verified, decrypted results. Make one with {@link connect}.
 * Safe for concurrent use: its transactions and task records go out one at
 * a time, since each takes the account's next nonce.
 */
export class EnigmaClient {
  /** The account tasks are sent from (checksummed address). */
  readonly address: string;
  /** The chain's id. */
  readonly chainId: bigint;
  /** The Enigma contract. */
  readonly enigmaAddress: string;
  /** The ENG token. */
  readonly tokenAddress: string;
  /** The gateway's URL. */
  readonly gatewayUrl: string;
  /** The Ethereum provider. */
  readonly provider: Provider;
  /** The signer tasks are sent and signed with. */
  readonly signer: Signer;

  readonly #s: Shared;
  readonly #cfg: Settings;

  private constructor(s: Shared, cfg: Settings) {
    this.#s = s;
    this.#cfg = cfg;
    this.address = s.address;
    this.chainId = s.chainId;
    this.enigmaAddress = s.chain.enigmaAddress;
    this.tokenAddress = s.chain.tokenAddress;
    this.gatewayUrl = s.gw.url;
    this.provider = s.chain.provider;
    this.signer = s.signer;
  }

  /**
   * Connects to the chain and the gateway, checks the Enigma contract has
   * code and resolves the account: `signer`, else a Wallet of `privateKey`,
   * else the provider's `account`, else the provider's first account (for a
   * node's accounts, as the Go client: the first after the deployer that is
   * no worker's custodian).
   */
  static async connect(opts: ConnectOptions): Promise<EnigmaClient> {
    const cfg = settingsOf(opts);
    const callMs = positiveMs(opts.callTimeoutMs, DEFAULTS.callTimeoutMs, "callTimeoutMs");
    if (!opts.gatewayUrl) throw new EnigmaError(Code.InvalidInput, "client: gatewayUrl is empty: pass the gateway URL (a devnet's addresses.json \"proxy\")");
    if (!opts.enigmaAddress || !isAddress(opts.enigmaAddress)) {
      throw new EnigmaError(Code.InvalidInput, `client: enigmaAddress ${JSON.stringify(opts.enigmaAddress)} is not a 0x-prefixed 20-byte address`);
    }
    if (opts.tokenAddress !== undefined && !isAddress(opts.tokenAddress)) {
      throw new EnigmaError(Code.InvalidInput, `client: tokenAddress ${JSON.stringify(opts.tokenAddress)} is not a 0x-prefixed 20-byte address`);
    }
    const log: Logger = opts.logger ?? {};
    let provider: Provider;
    let where: string;
    if (opts.provider) {
      provider = isEthersProvider(opts.provider) ? opts.provider : new BrowserProvider(opts.provider as Eip1193Provider);
      where = "the provider";
    } else if (opts.rpcUrl) {
      // Each request to the node is bounded like a gateway call.
      const req = new FetchRequest(opts.rpcUrl);
      req.timeout = callMs;
      provider = new JsonRpcProvider(req, undefined, { polling: true, pollingInterval: cfg.pollMs, cacheTimeout: -1 });
      where = opts.rpcUrl;
    } else {
      throw new EnigmaError(Code.InvalidInput, "client: pass provider (an EIP-1193 or ethers provider) or rpcUrl (a devnet's addresses.json \"eth_node\")");
    }
    let chainId: bigint;
    try {
      chainId = (await provider.getNetwork()).chainId;
    } catch (err) {
      provider.destroy?.();
      throw new EnigmaError(Code.Chain, `client: connect to the chain at ${where} (is the network running?): ${chainReason(err)}`, { cause: err });
    }
    const enigmaAddress = getAddress(opts.enigmaAddress);
    const code = await provider.getCode(enigmaAddress).catch((err) => {
      throw new EnigmaError(Code.Chain, `client: read the Enigma contract at ${enigmaAddress}: ${chainReason(err)}`, { cause: err });
    });
    if (code === "0x") {
      provider.destroy?.();
      throw new EnigmaError(Code.InvalidInput, `client: no contract at the Enigma address ${enigmaAddress} on ${where}: the addresses belong to another chain or an older devnet`);
    }
    const gw = new GatewayClient(opts.gatewayUrl, callMs, opts.fetch);
    const tokenAddress = opts.tokenAddress ? getAddress(opts.tokenAddress) : await EnigmaClient.#readToken(provider, enigmaAddress);
    const { signer, signRaw } = await EnigmaClient.#resolveSigner(opts, provider, enigmaAddress, tokenAddress, cfg);
    const address = getAddress(await signer.getAddress());
    const chain = new Chain(provider, signer, enigmaAddress, tokenAddress, cfg.pollMs, cfg.waitMs);
    return new EnigmaClient(new Shared(chain, gw, chainId, address, signer, signRaw, log), cfg);
  }

  static async #readToken(provider: Provider, enigma: string): Promise<string> {
    const c = new Chain(provider, undefined as unknown as Signer, enigma, enigma, 1, 1);
    try {
      return getAddress(await c.enigma.getToken());
    } catch (err) {
      throw new EnigmaError(Code.Chain, `client: read the ENG token's address from the Enigma contract: ${chainReason(err)}`, { cause: err });
    }
  }

  static async #resolveSigner(opts: ConnectOptions, provider: Provider, enigma: string, token: string, cfg: Settings):
    Promise<{ signer: Signer; signRaw?: (h: Uint8Array) => string }> {
    const rawOf = (s: Signer) => {
      const key = (s as Partial<Wallet>).signingKey;
      return key ? (h: Uint8Array) => key.sign(h).serialized : undefined;
    };
    if (opts.signer) {
      const s = opts.signer.provider ? opts.signer : opts.signer.connect(provider);
      return { signer: s, signRaw: rawOf(s) };
    }
    if (opts.privateKey) {
      let w: Wallet;
      try {
        w = new Wallet(opts.privateKey.startsWith("0x") ? opts.privateKey : "0x" + opts.privateKey, provider);
      } catch {
        throw new EnigmaError(Code.InvalidInput, "client: privateKey is not a 32-byte hex private key");
      }
      return { signer: w, signRaw: rawOf(w) };
    }
    const p = provider as Partial<JsonRpcProvider>;
    if (typeof p.getSigner !== "function") {
      throw new EnigmaError(Code.InvalidInput, "client: the provider holds no accounts: pass signer, privateKey or account");
    }
    if (opts.account) {
      if (!isAddress(opts.account)) throw new EnigmaError(Code.InvalidInput, `client: account ${JSON.stringify(opts.account)} is not an address`);
      return { signer: await p.getSigner!(getAddress(opts.account)) };
    }
    if (provider instanceof BrowserProvider) return { signer: await provider.getSigner() };
    let accounts: string[];
    try {
      accounts = await (provider as JsonRpcProvider).send("eth_accounts", []);
    } catch (err) {
      throw new EnigmaError(Code.Chain, `client: list the node's accounts: ${chainReason(err)}`, { cause: err });
    }
    if (!accounts.length) {
      throw new EnigmaError(Code.InvalidInput, "client: no signer, privateKey or account given and the node holds no unlocked accounts: pass one");
    }
    // The first of the node's accounts after its first (a network's
    // deployer) that stakes for no worker of the current epoch: workers
    // send receipts from those, and a client would race their nonces.
    const busy = new Set<string>();
    try {
      const c = new Chain(provider, undefined as unknown as Signer, enigma, token, cfg.pollMs, cfg.waitMs);
      const head = await c.blockNumber();
      for (const w of (await c.workerParams(head)).workers) busy.add((await c.workerFromSigningAddress(w)).custodian.toLowerCase());
    } catch {
      // no epoch yet: every account is free
    }
    const free = accounts.slice(1).find((a) => !busy.has(a.toLowerCase())) ?? accounts[1] ?? accounts[0];
    return { signer: await (provider as JsonRpcProvider).getSigner(getAddress(free)) };
  }

  /** A client sharing this one's connections and account, with some options changed. */
  with(opts: Pick<ConnectOptions, "batched" | "pad" | "depositTasks" | "deployGasLimit" | "computeGasLimit" | "gasPx" | "pollIntervalMs" | "waitTimeoutMs">): EnigmaClient {
    return new EnigmaClient(this.#s, settingsOf(opts, this.#cfg));
  }

  /** The client's options after defaults (batched, pad, gas limits, gas price, deposits, poll and wait bounds). */
  get settings(): Readonly<Settings> {
    return { ...this.#cfg };
  }

  // ------------------------------------------------------------ tasks

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
    if (!(wasm instanceof Uint8Array) || wasm.length === 0) throw new EnigmaError(Code.InvalidInput, "client: the contract code is empty");
    const callArgs = encodeArgs(ctorSig, args);
    const gasLimit = positive(opts.gasLimit, this.#cfg.deployGasLimit, "gasLimit");
    const gasPx = positive(opts.gasPx, this.#cfg.gasPx, "gasPx");
    return this.#sendRecorded({ deploy: true, code: wasm, contract: "", fn: ctorSig.trim(), args: callArgs, gasLimit, gasPx, pad: opts.pad ?? this.#cfg.pad }, opts.signal);
  }

  /**
   * Runs `fnSig` (e.g. "add(uint256,uint256)") of the secret contract at
   * `contract` (0x + 64 hex digits) with `args`, e.g. [76n, 17n] (or
   * {@link RawArgs}).
   *
   * Batched (the default): funds the account's batchable balance when it
   * falls short (depositTasks), seals and signs the task and resolves once
   * the selected worker stored it; `task.wait()` until its batch is
   * committed. Per task (`batched: false`): resolves once the task record
   * is on chain and the worker accepted the task (TaskSendError as deploy's).
   */
  async compute(contract: string, fnSig: string, args: Args = [], opts: ComputeOptions = {}): Promise<Task> {
    const sc = contractAddress(contract);
    const callArgs = encodeArgs(fnSig, args);
    const gasLimit = positive(opts.gasLimit, this.#cfg.computeGasLimit, "gasLimit");
    const gasPx = positive(opts.gasPx, this.#cfg.gasPx, "gasPx");
    const spec: Spec = { deploy: false, contract: sc, fn: fnSig.trim(), args: callArgs, gasLimit, gasPx, pad: opts.pad ?? this.#cfg.pad, returns: opts.returns };
    if (opts.batched ?? this.#cfg.batched) return this.#sendBatched(spec, opts.signal);
    return this.#sendRecorded(spec, opts.signal);
  }

  /** Opens a task by id, to read its status and its (still encrypted, but verified) result. */
  task(id: string): Task {
    const tid = contractAddress(id, "task id");
    return new Task(this.#s, this.#cfg, {
      id: tid, contract: "", deploy: false, worker: "", sender: "", nonce: 0n, block: 0, gasLimit: 0n, gasPx: 0n, batched: false, epoch: 0,
    });
  }

  async #sendRecorded(s: Spec, signal?: AbortSignal): Promise<Task> {
    const fee = s.gasLimit * s.gasPx;
    return this.#s.submitLock.run(async () => {
      await this.#checkBalance(fee);
      const down = new NodeRetry(this.#s, this.#cfg.pollMs);
      let p: Prepared;
      let receipt: TransactionReceipt;
      for (let attempt = 0; ; attempt++) {
        checkAborted(signal, "send the task");
        try {
          p = await this.#prepare(s, signal);
        } catch (err) {
          if (attempt < MAX_EPOCH_RETRIES && codeOf(err) === Code.WrongEpoch) continue; // the worker already moved to the next epoch
          if (await down.again(err, signal)) {
            attempt--; // a node was down: not a try of the epoch's
            continue;
          }
          throw err;
        }
        try {
          await this.#s.chain.send("token", "approve", [this.enigmaAddress, fee], signal);
        } catch (err) {
          throw new EnigmaError(codeOf(err), `client: approve the task's fee of ${fee} ENG grains: ${(err as Error).message}`, { cause: err });
        }
        try {
          receipt = s.deploy
            ? await this.#s.chain.send("enigma", "createDeploymentTaskRecord", [hex0x(p.inputsHash), s.gasLimit, s.gasPx, p.epoch, p.nonce], signal)
            : await this.#s.chain.send("enigma", "createTaskRecord", [hex0x(p.inputsHash), s.gasLimit, s.gasPx, p.epoch], signal);
        } catch (err) {
          // The record names the epoch the worker was selected in; one
          // mined later than the contract takes it is tried again.
          if (attempt < MAX_EPOCH_RETRIES && ((/Wrong epoch/i.test((err as Error).message)) || (await this.#epochMoved(err, p.epoch)))) {
            this.#s.log.info?.("the epoch changed before the task record was mined; trying again", { epoch: p.epoch });
            continue;
          }
          throw new EnigmaError(codeOf(err), `client: create the task record: ${(err as Error).message}`, { cause: err });
        }
        break;
      }
      const rec = this.#s.chain.taskRecordCreated(receipt);
      const t = p.task;
      Object.assign(t as { block: number }, { block: Number(rec.blockNumber) });
      if (rec.taskId.toLowerCase() !== t.id) {
        // The inputs are bound to the task id expected (v2 context, deploy address): the task cannot run.
        Object.assign(t as { id: string }, { id: rec.taskId.toLowerCase() });
        throw new TaskSendError(t, new EnigmaError(Code.Replay, `client: task record ${rec.taskId} was created with another nonce than ${p.nonce}: another process sends from ${this.address} at the same time; the task cannot run`));
      }
      this.#s.log.debug?.("task record created", { task: t.id, block: t.block, worker: t.worker });
      try {
        await this.#submitRecorded(t, p.submit, signal);
      } catch (err) {
        throw new TaskSendError(t, err);
      }
      return t;
    });
  }

  /**
   * Whether err is a record transaction that reverted on chain (no reason:
   * e.g. out of gas on the contract's other branch) while the epoch moved
   * past the one the task was sealed for: tried again like "Wrong epoch".
   */
  async #epochMoved(err: unknown, epoch: bigint): Promise<boolean> {
    if (!/reverted in block/.test((err as Error).message)) return false;
    try {
      return BigInt((await this.#s.epochParams()).firstBlock) !== epoch;
    } catch {
      return false;
    }
  }

  /**
   * Sends the inputs of a task whose record is on chain. While the gateway
   * or the selected worker is down it sends them again, until the block
   * before the task could be refunded. A resubmission refused as a replay
   * because the task already ended on chain is done.
   */
  async #submitRecorded(t: Task, submit: (signal?: AbortSignal) => Promise<unknown>, signal?: AbortSignal): Promise<void> {
    const down = new NodeRetry(this.#s, this.#cfg.pollMs, t.block);
    for (let tries = 0; ; tries++) {
      try {
        await submit(signal);
        return;
      } catch (err) {
        if (tries > 0 && codeOf(err) === Code.Replay) {
          const rec = await this.#s.chain.taskRecord(t.id).catch(() => undefined);
          if (rec && rec.status >= 2) return;
        }
        if (!(await down.again(err, signal))) throw err;
      }
    }
  }

  /** Refuses a task the account cannot pay: its credit (not a locked balance) first, then its tokens. */
  async #checkBalance(fee: bigint): Promise<void> {
    const tokens = await this.#s.chain.tokenBalance(this.address);
    const ub = await this.#s.chain.userBalance(this.address);
    const head = await this.#s.chain.blockNumber();
    const credit = forRecords(ub, BigInt(head + 1));
    if (tokens + credit < fee) {
      throw new EnigmaError(Code.InvalidInput, `client: ${this.address} holds ${tokens + credit} ENG grains (${tokens} in tokens, ${credit} of credit), less than the task's fee of ${fee} (gas limit × gas price): fund it or lower the gas limit`);
    }
  }

  /** Reads the nonce and the epoch, selects the worker and seals the task to its v2 key. */
  async #prepare(s: Spec, signal?: AbortSignal): Promise<Prepared> {
    const nonce = await this.#s.chain.userTaskDeployments(this.address);
    const id = hex0x(recordTaskId(this.address, nonce));
    const contract = s.deploy ? id : s.contract;
    const preCodeHash = s.deploy ? hex0x(keccak256(s.code!)) : undefined;
    const params = await this.#s.epochParams();
    const worker = this.#s.select(params, contract);
    let codeHash = preCodeHash!;
    if (!s.deploy) {
      const sc = await this.#s.chain.secretContract(contract);
      if (sc.codeHash === ZERO32) throw new EnigmaError(Code.NotFound, `client: no secret contract is deployed at ${contract}`);
      codeHash = sc.codeHash;
    }
    const epoch = BigInt(params.firstBlock);
    const pub = await this.#s.epochKey(worker, epoch, signal);
    const ctx: Context = { chainId: this.chainId, enigmaContract: this.enigmaAddress, secretContract: contract, codeHash, epoch, sender: this.address, taskNonce: nonce };
    const { request, responseKey } = await sealRequest(pub, ctx, encodeCall(s.fn, s.args), { pad: s.pad });
    const task = new Task(this.#s, this.#cfg, {
      id, contract, deploy: s.deploy, worker, sender: this.address, nonce, block: 0, gasLimit: s.gasLimit, gasPx: s.gasPx, batched: false,
      epoch: Number(epoch), preCodeHash, returns: s.returns, responseKey, context: ctx,
    });
    const params2: Record<string, unknown> = {
      deploy: s.deploy, taskId: hexNo0x(toBytes(id)), workerAddress: hexNo0x(toBytes(worker)), contractAddress: hexNo0x(toBytes(contract)),
      request: hexNo0x(request), sender: hexNo0x(toBytes(this.address)), taskNonce: nonce,
    };
    if (s.deploy) params2.preCode = await gzipBase64(s.code!);
    return {
      task, nonce, epoch, inputsHash: v2InputsHash(request),
      submit: (sig) => this.#s.gw.call("v2_sendTask", params2, sig),
    };
  }

  // ------------------------------------------------------------ batched

  async #sendBatched(s: Spec, signal?: AbortSignal): Promise<Task> {
    const codeHash = await this.#s.contractCodeHash(s.contract);
    const res = await this.#s.reserve(s.gasLimit * s.gasPx, this.#cfg.depositTasks, signal);
    try {
      const t = await this.#submitBatched(s, codeHash, res, signal);
      this.#s.log.debug?.("batched task sent", { task: t.id, worker: t.worker, epoch: t.epoch });
      return t;
    } catch (err) {
      this.#s.release(res);
      throw err;
    }
  }

  /**
   * Seals the task for the selected worker's epoch key and sends it. A
   * node that is down gets the same request again while the chain's task
   * timeout allows (a worker that stored it answers it as accepted). A
   * worker that refuses the request's epoch gets it sealed again under a
   * new nonce, at most twice; before that, a request that may have reached
   * it (a reply was lost) is looked up, and sealed again only when the
   * gateway answers that no worker holds it, so one call never runs as two
   * tasks.
   */
  async #submitBatched(s: Spec, codeHash: string, res: import("./core.js").Reservation, signal?: AbortSignal): Promise<Task> {
    const down = new NodeRetry(this.#s, this.#cfg.pollMs);
    let sealed: { task: Task; params: Record<string, unknown> } | undefined;
    let ambiguous = false;
    for (let attempt = 0; ;) {
      checkAborted(signal, "send the batched task");
      if (!sealed) {
        try {
          sealed = await this.#sealBatched(s, codeHash, res, signal);
        } catch (err) {
          if (codeOf(err) === Code.WrongEpoch && attempt < MAX_EPOCH_RETRIES) {
            this.#s.forgetEpoch();
            attempt++;
            continue;
          }
          if (await down.again(err, signal)) continue;
          throw err;
        }
        ambiguous = false;
      }
      const t = sealed.task;
      let err: unknown;
      try {
        await this.#s.gw.call("v2_sendBatchedTask", sealed.params, signal);
        return t;
      } catch (e) {
        err = e;
      }
      const code = codeOf(err);
      if (ambiguous && (code === Code.WrongEpoch || code === Code.Replay)) {
        if (await this.#batchedKnown(t, signal)) return t;
      }
      if (code === Code.WrongEpoch && attempt < MAX_EPOCH_RETRIES) {
        this.#s.log.info?.("the worker refused the batched task's epoch; sealing it again", { task: t.id, epoch: t.epoch });
        this.#s.forgetEpoch();
        attempt++;
        sealed = undefined;
        continue;
      }
      if (await down.again(err, signal)) {
        ambiguous = true;
        continue;
      }
      if (err instanceof NotSupportedError) throw err;
      throw new EnigmaError(code, `client: send batched task ${t.id} to worker ${t.worker}: ${(err as Error).message}`, { cause: err });
    }
  }

  /** Whether a worker the gateway reaches holds t: a send whose reply was lost went through. */
  async #batchedKnown(t: Task, signal?: AbortSignal): Promise<boolean> {
    let wait = this.#cfg.pollMs;
    for (let tries = 1; ; tries++) {
      let err: unknown;
      try {
        const r = await this.#s.gw.call<{ taskId?: string }>("v2_getBatchedTask", { taskId: hexNo0x(toBytes(t.id)), workerAddress: hexNo0x(toBytes(t.worker)) }, signal);
        if (r?.taskId) return true;
        err = new Error("the gateway answered without the task");
      } catch (e) {
        if (codeOf(e) === Code.NotFound) return false;
        err = e;
      }
      if (tries === 6 || signal?.aborted) {
        throw new EnigmaError(codeOf(err), `client: batched task ${t.id} may have reached worker ${t.worker} (a reply was lost), and whether it did cannot be read: ${(err as Error).message}; read it later (client.task(id)) before sending the call again, so that it does not run twice`, { cause: err });
      }
      await sleep(wait, signal, "look up the batched task");
      wait = Math.min(2 * wait, MAX_RETRY_WAIT_MS);
    }
  }

  /** Selects the worker, gets its epoch key, picks a nonce, seals and signs the task. */
  async #sealBatched(s: Spec, codeHash: string, res: import("./core.js").Reservation, signal?: AbortSignal): Promise<{ task: Task; params: Record<string, unknown> }> {
    const p = await this.#s.cachedEpochParams();
    const worker = this.#s.select(p, s.contract);
    const epoch = BigInt(p.firstBlock);
    const pub = await this.#s.cachedEpochKey(worker, epoch, signal);
    const nonce = randomU64();
    const id = batchedTaskId(this.address, nonce);
    const ctx: Context = { chainId: this.chainId, enigmaContract: this.enigmaAddress, secretContract: s.contract, codeHash, epoch, sender: this.address, taskNonce: nonce };
    const { request, responseKey } = await sealRequest(pub, ctx, encodeCall(s.fn, s.args), { pad: s.pad });
    const ih = v2InputsHash(request);
    const sig = await signBatched(this.#s, batchedTaskHash(this.chainId, this.enigmaAddress, s.contract, id, epoch, ih, s.gasLimit, s.gasPx));
    const task = new Task(this.#s, this.#cfg, {
      id: hex0x(id), contract: s.contract, deploy: false, worker, sender: this.address, nonce, block: 0, gasLimit: s.gasLimit, gasPx: s.gasPx,
      batched: true, epoch: Number(epoch), returns: s.returns, responseKey, context: ctx, inputsHash: ih, reservation: res,
    });
    return {
      task,
      params: {
        taskId: hexNo0x(id), workerAddress: hexNo0x(toBytes(worker)), contractAddress: hexNo0x(toBytes(s.contract)), request: hexNo0x(request),
        sender: hexNo0x(toBytes(this.address)), taskNonce: nonce, gasLimit: s.gasLimit, gasPx: s.gasPx, signature: hexNo0x(sig),
      },
    };
  }

  // ------------------------------------------------------------ queries

  /**
   * Runs the query function `fnSig` of `contract` on its current state: no
   * transaction, no fee. The query is sealed to the selected worker
   * (envelope v2, type 0x04), signed by the account (EIP-712 SecretQuery)
   * and sent with v2_query; the answer is decrypted with the query's
   * response key. A contract failure (require, out of gas, a write) throws
   * a {@link QueryError} with the decrypted reason. A worker that moved to
   * another epoch gets the query sealed again, at most twice; a node that
   * is down is asked again with a fresh query, while the expiry allows.
   */
  async query(contract: string, fnSig: string, args: Args = [], opts: QueryOptions = {}): Promise<QueryResult> {
    const sc = contractAddress(contract);
    const callArgs = encodeArgs(fnSig, args);
    parseSignature(fnSig);
    const expiry = opts.expiry ?? Math.floor(Date.now() / 1000) + DEFAULT_QUERY_TTL_S;
    if (!Number.isSafeInteger(expiry) || expiry <= 0) throw new EnigmaError(Code.InvalidInput, `client: query expiry ${expiry} is not unix seconds`);
    // The worker refuses these (Expired) too; refusing them here saves the sealing and the round trip.
    const now = Math.floor(Date.now() / 1000);
    if (expiry <= now) throw new EnigmaError(Code.Expired, `client: query expiry ${expiry} is ${now - expiry} s in the past: pass a later one (default: ${DEFAULT_QUERY_TTL_S} s from now)`);
    if (expiry > now + MAX_QUERY_TTL_S) {
      throw new EnigmaError(Code.Expired, `client: query expiry ${expiry} is ${expiry - now} s ahead, more than the hour a worker accepts: pass an earlier one`);
    }
    const gasLimit = opts.gasLimit === undefined ? undefined : toUint(opts.gasLimit, "gasLimit");
    const codeHash = await this.#s.contractCodeHash(sc);
    const down = new NodeRetry(this.#s, this.#cfg.pollMs);
    for (let attempt = 0; ;) {
      checkAborted(opts.signal, "query");
      try {
        return await this.#queryOnce(sc, fnSig.trim(), callArgs, codeHash, expiry, gasLimit, opts);
      } catch (err) {
        if (codeOf(err) === Code.WrongEpoch && attempt < MAX_EPOCH_RETRIES) {
          this.#s.forgetEpoch();
          attempt++;
          continue;
        }
        if (Date.now() / 1000 < expiry && (await down.again(err, opts.signal))) continue;
        throw err;
      }
    }
  }

  async #queryOnce(sc: string, fn: string, args: Uint8Array, codeHash: string, expiry: number, gasLimit: bigint | undefined, opts: QueryOptions): Promise<QueryResult> {
    const p = await this.#s.cachedEpochParams();
    const worker = this.#s.select(p, sc);
    const epoch = BigInt(p.firstBlock);
    const pub = await this.#s.cachedEpochKey(worker, epoch, opts.signal);
    const nonce = randomU64();
    const ctx: Context = { chainId: this.chainId, enigmaContract: this.enigmaAddress, secretContract: sc, codeHash, epoch, sender: this.address, taskNonce: nonce };
    const { request, responseKey } = await sealQuery(pub, ctx, encodeCall(fn, args), { pad: opts.pad ?? this.#cfg.pad });
    if (request.length > MAX_QUERY_REQUEST) {
      throw new EnigmaError(Code.InvalidInput, `client: the sealed query is ${request.length} bytes, more than the ${MAX_QUERY_REQUEST} a worker takes: pass fewer arguments`);
    }
    const td = secretQueryTypedData(this.chainId, this.enigmaAddress, sc, request, expiry);
    let signature: string;
    try {
      signature = await this.signer.signTypedData(td.domain, td.types, td.message);
    } catch (err) {
      throw new EnigmaError(Code.BadSignature, `client: sign the query (EIP-712): ${(err as Error).message}`, { cause: err });
    }
    const params: Record<string, unknown> = {
      contractAddress: hexNo0x(toBytes(sc)), workerAddress: hexNo0x(toBytes(worker)), caller: hexNo0x(toBytes(this.address)),
      request: hexNo0x(request), expiry, signature: hexNo0x(toBytes(signature)), nonce,
    };
    if (gasLimit !== undefined) params.gasLimit = gasLimit;
    const r = await this.#s.gw.call<{ status?: string; response?: string; gasUsed?: number; epoch?: number }>("v2_query", params, opts.signal);
    if (typeof r !== "object" || r === null || (r.status !== "ok" && r.status !== "failed")) {
      throw new EnigmaError(Code.Unknown, `client: the gateway answered the query with status ${JSON.stringify(r?.status)}, which this client does not know`);
    }
    let out: Uint8Array;
    try {
      out = await openResponse(responseKey, ctx, toBytes(String(r.response ?? ""), "response", Code.Tampered));
    } catch (err) {
      throw new EnigmaError(codeOf(err) === Code.BadEnvelope ? Code.BadEnvelope : Code.Tampered,
        `client: the query's answer from worker ${worker} does not open with its response key: ${(err as Error).message}`, { cause: err });
    }
    const gasUsed = typeof r.gasUsed === "number" ? r.gasUsed : 0;
    if (r.status === "failed") throw new QueryError(new TextDecoder().decode(out), gasUsed);
    const result: QueryResult = { output: out, gasUsed, epoch: Number(epoch), worker };
    if (opts.returns !== undefined) {
      result.values = decodeReturns(opts.returns, out);
      result.value = result.values[0];
    }
    return result;
  }

  // ------------------------------------------------------------ epoch

  /** The current epoch and its workers. */
  async epoch(opts: CallOptions = {}): Promise<EpochInfo> {
    checkAborted(opts.signal, "read the epoch");
    const c = this.#s.chain;
    const head = await c.blockNumber();
    const st = await c.epochState();
    const info: EpochInfo = {
      number: Number(st.count), firstBlock: 0, size: Number(await c.epochSize()), head, taskTimeout: Number(await this.#s.taskTimeout()), seed: 0n, workers: [],
    };
    if (info.number === 0) return info;
    const wp = await c.workerParams(head);
    info.firstBlock = Number(wp.firstBlock);
    info.seed = wp.seed;
    info.workers = await Promise.all(wp.workers.map(async (signer, i): Promise<WorkerInfo> => {
      const w: WorkerInfo = { signer: getAddress(signer), custodian: "", stake: wp.stakes[i], balance: 0n, status: "" };
      try {
        const r = await c.workerFromSigningAddress(signer);
        w.custodian = getAddress(r.custodian);
        w.balance = r.balance;
        w.status = workerStatus[r.status] ?? `status ${r.status}`;
      } catch (err) {
        this.#s.log.debug?.("read a worker", { signer, err: (err as Error).message });
      }
      return w;
    }));
    return info;
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
    const sc = contractAddress(contract);
    checkAborted(opts.signal, "select the worker");
    const block = opts.block ?? (await this.#s.chain.blockNumber());
    const wp = await this.#s.chain.workerParams(block);
    if (wp.firstBlock === 0n || wp.workers.length === 0) {
      throw new EnigmaError(Code.Unavailable, `client: no epoch with workers at block ${block}: the key manager has not set one yet`);
    }
    return selectOne({ firstBlock: wp.firstBlock, seed: wp.seed, workers: wp.workers, stakes: wp.stakes }, sc);
  }

  // ------------------------------------------------------------ funds

  /** The account's tokens and its balance in the Enigma contract, in grains. */
  async balance(opts: CallOptions = {}): Promise<Balance> {
    checkAborted(opts.signal, "read the balance");
    const c = this.#s.chain;
    const head = await c.blockNumber();
    const tokens = await c.tokenBalance(this.address);
    const ub = await c.userBalance(this.address);
    const locked = ub.unlockBlock === USER_BALANCE_LOCKED;
    const unlockBlock = locked ? 0 : Number(ub.unlockBlock);
    return {
      tokens, deposited: ub.balance, batchable: batchable(ub), locked, unlockBlock, head,
      withdrawable: !locked && ub.balance > 0n && head >= unlockBlock,
    };
  }

  /**
   * Moves `amount` grains of the account's tokens to its balance in the
   * Enigma contract, which pays its batched tasks (approve, then
   * depositUserBalance: two transactions). A deposit locks the whole
   * balance again, ending a withdrawal request. Resolves to the new balance.
   */
  async deposit(amount: bigint, opts: CallOptions = {}): Promise<Balance> {
    const a = toUint(amount, "amount", 256);
    if (a === 0n) throw new EnigmaError(Code.InvalidInput, "client: deposit a positive amount of ENG grains");
    await this.#s.fundsLock.run(() => this.#s.depositLocked(a, opts.signal));
    return this.balance(opts);
  }

  /**
   * Starts unlocking the balance: batches may still charge it for the
   * chain's task timeout. Resolves to the first block `withdraw` can take
   * it out at (at once when nothing is locked or it was already requested).
   */
  async requestWithdrawal(opts: CallOptions = {}): Promise<number> {
    try {
      const b = await this.balance(opts);
      if (!b.locked) return b.unlockBlock;
      await this.#s.chain.send("enigma", "requestUserWithdrawal", [], opts.signal);
      return Number((await this.#s.chain.userBalance(this.address)).unlockBlock);
    } finally {
      this.#s.forgetBalance();
    }
  }

  /**
   * Sends `amount` grains (default: all) of the account's unlocked balance
   * back to its tokens and resolves to the amount sent. A locked balance
   * needs requestWithdrawal first and the chain's task timeout after it.
   */
  async withdraw(amount?: bigint, opts: CallOptions = {}): Promise<bigint> {
    try {
      const b = await this.balance(opts);
      const a = amount === undefined ? b.deposited : toUint(amount, "amount", 256);
      if (a === 0n || b.deposited === 0n) {
        throw new EnigmaError(Code.InvalidInput, `client: ${this.address} has ${b.deposited} ENG grains in the Enigma contract: nothing to withdraw`);
      }
      if (a > b.deposited) throw new EnigmaError(Code.InvalidInput, `client: ${this.address} has ${b.deposited} ENG grains in the Enigma contract, less than the ${a} asked for`);
      if (b.locked) {
        throw new EnigmaError(Code.InvalidInput, `client: the balance of ${this.address} is locked for batched tasks: request its withdrawal first (requestWithdrawal), then withdraw it after the chain's task timeout`);
      }
      if (!b.withdrawable) {
        throw new EnigmaError(Code.InvalidInput, `client: the balance of ${this.address} can be withdrawn from block ${b.unlockBlock} (now ${b.head}): batches may charge it until then`);
      }
      await this.#s.chain.send("enigma", "withdrawUserBalance", [a], opts.signal);
      return a;
    } finally {
      this.#s.forgetBalance();
    }
  }

  /** Returns the fees of a per-task task that got no receipt within the chain's task timeout (returnFeesForTask). */
  async refund(taskId: string, opts: CallOptions = {}): Promise<void> {
    return this.task(taskId).returnFees(opts);
  }

  /** Stops the provider's polling; the client and its tasks stop working. */
  close(): void {
    this.provider.destroy?.();
  }
}

/** What the caller asked for. */
interface Spec {
  deploy: boolean;
  code?: Uint8Array;
  contract: string;
  fn: string;
  args: Uint8Array;
  gasLimit: bigint;
  gasPx: bigint;
  pad: boolean;
  returns?: import("./types.js").ReturnTypes;
}
