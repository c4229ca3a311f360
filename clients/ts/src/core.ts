/**
 * What the clients made from one connect share: the chain, the gateway,
 * the account, the caches of the batched path, the funds reserved for
 * batched tasks, and the pacing of new tries while a node is down
 * (sdk/client's cache.go, funds.go and submit.go's nodeRetry).
 */
import type { Signer } from "ethers";
import { getBytes } from "ethers";
import { hex0x, hexNo0x, toFixed, type BytesLike } from "./bytes.js";
import { batchable, type Chain, type UserBalance, ZERO32 } from "./chain.js";
import { verifyWorkerKey, PUBLIC_KEY_SIZE } from "./envelope.js";
import { Code, EnigmaError, codeOf } from "./errors.js";
import type { GatewayClient } from "./gateway.js";
import { selectOne, type SelectionParams } from "./selection.js";
import type { Logger } from "./types.js";
import { Mutex, sleep } from "./wait.js";

/** The options a client's copies may differ in (EnigmaClient.with). */
export interface Settings {
  batched: boolean;
  pad: boolean;
  depositTasks: bigint;
  deployGasLimit: bigint;
  computeGasLimit: bigint;
  gasPx: bigint;
  pollMs: number;
  waitMs: number;
}

/** Bound of the pause between two tries of a node that is down. */
export const MAX_RETRY_WAIT_MS = 5000;
/** New tries of a task whose epoch changed under it. */
export const MAX_EPOCH_RETRIES = 2;

// How long the cache serves what it read: a head for a fraction of a
// block, the epoch and a balance for about a block. A stale epoch costs a
// refused request that is sealed again; a stale balance is counted with
// every reservation made since, so it can only look too small.
const CACHE_HEAD_MS = 100;
const CACHE_EPOCH_MS = 1000;
const CACHE_BALANCE_MS = 1000;

/** One batched task's maximum fee, counted until it ends or the chain's task timeout passes. */
export interface Reservation {
  fee: bigint;
  /** The last block it counts in. */
  until: number;
}

interface EpochKeyReply {
  epoch: number;
  publicKey: string;
  signature: string;
}

export class Shared {
  readonly submitLock = new Mutex();
  readonly fundsLock = new Mutex();
  private head = { n: 0, at: 0 };
  private params?: { p: SelectionParams; at: number };
  private readonly keys = new Map<string, Uint8Array>();
  private readonly codeHashes = new Map<string, string>();
  private balance?: { b: UserBalance; at: number; released: bigint };
  private readonly open = new Set<Reservation>();
  private released = 0n;
  private timeout = 0n;

  constructor(
    readonly chain: Chain,
    readonly gw: GatewayClient,
    readonly chainId: bigint,
    readonly address: string,
    readonly signer: Signer,
    /** Set when the signer holds its key: batched tasks are signed over the hash itself. */
    readonly signRaw: ((hash: Uint8Array) => string) | undefined,
    readonly log: Logger,
  ) {}

  // ------------------------------------------------------------ chain reads

  /** The chain's head, read at most every 100 ms. */
  async headBlock(): Promise<number> {
    if (Date.now() - this.head.at < CACHE_HEAD_MS) return this.head.n;
    const n = await this.chain.blockNumber();
    this.head = { n: Math.max(this.head.n, n), at: Date.now() };
    return n;
  }

  async taskTimeout(): Promise<bigint> {
    if (this.timeout === 0n) this.timeout = await this.chain.taskTimeout();
    return this.timeout;
  }

  /** The selection parameters of the epoch at the head. */
  async epochParams(): Promise<SelectionParams> {
    const head = await this.chain.blockNumber();
    const wp = await this.chain.workerParams(head);
    if (wp.firstBlock === 0n || wp.workers.length === 0) {
      throw new EnigmaError(Code.Unavailable, `client: no epoch with workers at block ${head}: the key manager has not set one yet (wait for the network to start)`);
    }
    return { firstBlock: wp.firstBlock, seed: wp.seed, workers: wp.workers, stakes: wp.stakes };
  }

  /** epochParams, read at most every second. */
  async cachedEpochParams(): Promise<SelectionParams> {
    if (this.params && Date.now() - this.params.at < CACHE_EPOCH_MS) return this.params.p;
    const p = await this.epochParams();
    this.params = { p, at: Date.now() };
    for (const k of this.keys.keys()) if (!k.startsWith(`${p.firstBlock}/`)) this.keys.delete(k);
    return p;
  }

  /** Drops the epoch and the keys read for it: a worker refused a request sealed for it. */
  forgetEpoch(): void {
    this.params = undefined;
    this.head = { n: this.head.n, at: 0 };
    this.keys.clear();
  }

  /** The worker selected for contract under p, or Unavailable. */
  select(p: SelectionParams, contract: BytesLike): string {
    try {
      return selectOne(p, contract);
    } catch (err) {
      throw new EnigmaError(Code.Unavailable, `client: select the worker of ${hex0x(toFixed(contract, 32, "contract"))} in the epoch of block ${p.firstBlock}: ${(err as Error).message} (are workers logged in?)`, { cause: err });
    }
  }

  /**
   * The worker's envelope v2 key for `epoch` (v2_getEpochKey), checked: it
   * is the key of that epoch (else WrongEpoch: a new try settles an epoch
   * change) signed by the worker over WorkerKeyHash (else BadSignature).
   */
  async epochKey(worker: string, epoch: bigint, signal?: AbortSignal): Promise<Uint8Array> {
    let ek: EpochKeyReply;
    try {
      ek = await this.gw.call<EpochKeyReply>("v2_getEpochKey", { workerAddress: hexNo0x(toFixed(worker, 20)) }, signal);
    } catch (err) {
      if (err instanceof EnigmaError && err.constructor === EnigmaError) {
        throw new EnigmaError(err.code, `client: get the envelope v2 key of worker ${worker}: ${err.message}`, { cause: err, rpcCode: err.rpcCode });
      }
      throw err;
    }
    if (typeof ek !== "object" || ek === null || BigInt(ek.epoch ?? -1) !== epoch) {
      throw new EnigmaError(Code.WrongEpoch, `client: worker ${worker} sent its key for epoch ${ek?.epoch} but the chain's epoch starts at block ${epoch}: retry after the epoch change settles`);
    }
    let pub: Uint8Array;
    try {
      pub = toFixed(String(ek.publicKey), PUBLIC_KEY_SIZE, "v2 key", Code.BadEnvelope);
    } catch {
      throw new EnigmaError(Code.BadEnvelope, `client: worker ${worker} sent a malformed v2 key (${String(ek.publicKey).length} hex digits, want ${2 * PUBLIC_KEY_SIZE})`);
    }
    verifyWorkerKey(worker, this.chainId, this.chain.enigmaAddress, epoch, pub, String(ek.signature));
    return pub;
  }

  /** epochKey, checked once per worker and epoch. */
  async cachedEpochKey(worker: string, epoch: bigint, signal?: AbortSignal): Promise<Uint8Array> {
    const k = `${epoch}/${worker.toLowerCase()}`;
    const hit = this.keys.get(k);
    if (hit) return hit;
    const pub = await this.epochKey(worker, epoch, signal);
    this.keys.set(k, pub);
    return pub;
  }

  /** The code hash of a deployed secret contract, read once (it never changes once deployed). */
  async contractCodeHash(contract: string): Promise<string> {
    const k = contract.toLowerCase();
    const hit = this.codeHashes.get(k);
    if (hit) return hit;
    const info = await this.chain.secretContract(contract);
    if (info.codeHash === ZERO32) throw new EnigmaError(Code.NotFound, `client: no secret contract is deployed at ${contract}`);
    this.codeHashes.set(k, info.codeHash);
    return info.codeHash;
  }

  // ------------------------------------------------------------ funds

  /** The account's balance in the Enigma contract, read at most every second unless fresh. */
  async userBalance(fresh: boolean): Promise<{ b: UserBalance; released: bigint }> {
    if (!fresh && this.balance && Date.now() - this.balance.at < CACHE_BALANCE_MS) return { b: this.balance.b, released: this.balance.released };
    const released = this.released;
    const b = await this.chain.userBalance(this.address);
    this.balance = { b, at: Date.now(), released };
    return { b, released };
  }

  forgetBalance(): void {
    this.balance = undefined;
  }

  /** Sums the reservations that still count at head and drops the others. */
  private outstanding(head: number): bigint {
    let sum = 0n;
    for (const r of this.open) {
      if (r.until < head) this.open.delete(r);
      else sum += r.fee;
    }
    return sum;
  }

  /** Ends a reservation (undefined is a no-op). */
  release(r: Reservation | undefined): void {
    if (r && this.open.delete(r)) this.released += r.fee;
  }

  /**
   * Makes sure the batchable balance covers fee on top of the account's
   * other open batched tasks, depositing depositTasks × fee (or what is
   * missing, if more; at most half the tokens unless that is short) when it
   * does not, and counts fee until the task ends (sdk/client reserve).
   */
  reserve(fee: bigint, depositTasks: bigint, signal?: AbortSignal): Promise<Reservation> {
    return this.fundsLock.run(async () => {
      const head = await this.headBlock();
      const timeout = await this.taskTimeout();
      let { b, released } = await this.userBalance(false);
      const need = fee + this.outstanding(head);
      let have = batchable(b) - (this.released - released);
      if (need > have) {
        b = (await this.userBalance(true)).b;
        have = batchable(b);
      }
      const lack = need - have;
      if (lack > 0n) {
        const requested = b.unlockBlock !== (1n << 64n) - 1n && b.unlockBlock !== 0n && b.balance > 0n;
        if (requested) {
          throw new EnigmaError(Code.InvalidInput, `client: the withdrawal of the ${b.balance} ENG grains of ${this.address} in the Enigma contract was requested, so batched tasks cannot draw on them: withdraw them after block ${b.unlockBlock}, or deposit to lock the balance again, or send the task per task (batched: false)`);
        }
        if (depositTasks === 0n) {
          throw new EnigmaError(Code.InvalidInput, `client: the batchable balance of ${this.address} is ${have} ENG grains, less than the ${need} its open batched tasks and this one may charge (gas limit × gas price each): deposit at least ${lack}, or set depositTasks to deposit on its own`);
        }
        let amount = fee * depositTasks;
        if (amount < lack) amount = lack;
        const tokens = await this.chain.tokenBalance(this.address);
        if (tokens < amount) {
          if (tokens < lack) {
            throw new EnigmaError(Code.InvalidInput, `client: the batched task needs ${lack} more ENG grains in the balance of ${this.address} (batchable ${have}, open tasks and this one ${need}) but the account holds ${tokens} in tokens: fund it, or lower the gas limit`);
          }
          // Not every token: a locked balance leaves only after a
          // withdrawal request and the task timeout. Half of them, or what
          // is missing if that is more.
          amount = tokens / 2n;
          if (amount < lack) amount = lack;
        }
        this.log.info?.("the batchable balance falls short; depositing", { account: this.address, batchable: have, needed: need, deposit: amount });
        await this.depositLocked(amount, signal);
      }
      const r: Reservation = { fee, until: head + Number(timeout) };
      this.open.add(r);
      return r;
    });
  }

  /** Deposit with fundsLock held: approve and depositUserBalance. */
  async depositLocked(amount: bigint, signal?: AbortSignal): Promise<void> {
    try {
      const tokens = await this.chain.tokenBalance(this.address);
      if (tokens < amount) {
        throw new EnigmaError(Code.InvalidInput, `client: ${this.address} holds ${tokens} ENG grains in tokens, less than the deposit of ${amount}: fund it, or deposit less`);
      }
      // Approvals set the allowance: the per-task path's must not overwrite
      // this one before the deposit takes it.
      await this.submitLock.run(async () => {
        await this.chain.send("token", "approve", [this.chain.enigmaAddress, amount], signal);
        await this.chain.send("enigma", "depositUserBalance", [amount], signal);
      });
      this.log.info?.("deposited for batched tasks", { account: this.address, grains: amount });
    } finally {
      this.forgetBalance();
    }
  }
}

/**
 * Paces the new tries of a call a node refused as unavailable
 * (Unavailable: the gateway or the selected worker is down or
 * restarting): the first after pollMs, then twice as long each time up to
 * 5 s, for as long as the chain's task timeout allows: until the block
 * before a recorded task could be refunded or, before the record, for as
 * many blocks from the first refusal. A gateway that never answered this
 * client is not waited for: its URL is more likely wrong.
 */
export class NodeRetry {
  private until = 0;
  private wait: number;
  constructor(private readonly s: Shared, pollMs: number, private readonly record = 0) {
    this.wait = pollMs;
  }

  async again(err: unknown, signal?: AbortSignal): Promise<boolean> {
    if (codeOf(err) !== Code.Unavailable || !this.s.gw.reached || signal?.aborted) return false;
    let head: number;
    try {
      head = await this.s.chain.blockNumber();
      if (this.until === 0) {
        const timeout = Number(await this.s.taskTimeout());
        this.until = this.record !== 0 ? this.record + timeout - 1 : head + timeout;
      }
    } catch {
      return false;
    }
    if (head >= this.until) return false;
    this.s.log.info?.("a node of the network is down; trying again", { inMs: this.wait, untilBlock: this.until, err: (err as Error).message });
    await sleep(this.wait, signal, "wait for a node of the network");
    this.wait = Math.min(2 * this.wait, MAX_RETRY_WAIT_MS);
    return true;
  }
}

/** A random unsigned 64-bit nonce. */
export function randomU64(): bigint {
  const b = new Uint8Array(8);
  globalThis.crypto.getRandomValues(b);
  return new DataView(b.buffer).getBigUint64(0);
}

/** The wire form of a contract's code (enigma-js's preCode): base64 of the gzipped wasm. */
export async function gzipBase64(code: Uint8Array): Promise<string> {
  const stream = new Blob([code.slice().buffer as ArrayBuffer]).stream().pipeThrough(new CompressionStream("gzip"));
  const gz = new Uint8Array(await new Response(stream).arrayBuffer());
  let bin = "";
  for (let i = 0; i < gz.length; i += 0x8000) bin += String.fromCharCode(...gz.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** Signs a batched task's hash: over the hash itself with the account's key, else as an EIP-191 personal message (eth_sign). */
export async function signBatched(s: Shared, hash: Uint8Array): Promise<Uint8Array> {
  if (s.signRaw) return getBytes(s.signRaw(hash));
  try {
    return getBytes(await s.signer.signMessage(hash));
  } catch (err) {
    // A node that serves eth_sign but not personal_sign (the devnet's chain
    // serves the personal module only when asked): the same EIP-191 message.
    const send = (s.signer.provider as { send?: (m: string, p: unknown[]) => Promise<string> } | null)?.send;
    if (send && notServed(err)) {
      try {
        return getBytes(await send.call(s.signer.provider, "eth_sign", [s.address.toLowerCase(), hex0x(hash)]));
      } catch (err2) {
        throw new EnigmaError(Code.BadSignature, `client: sign the batched task (personal_sign and eth_sign): ${(err2 as Error).message}`, { cause: err2 });
      }
    }
    throw new EnigmaError(Code.BadSignature, `client: sign the batched task: ${(err as Error).message}`, { cause: err });
  }
}

/** Whether err says the node does not serve the method. */
function notServed(err: unknown): boolean {
  const e = err as { code?: unknown; info?: { error?: { code?: number } }; error?: { code?: number } };
  return e?.code === "UNSUPPORTED_OPERATION" || e?.info?.error?.code === -32601 || e?.error?.code === -32601 || e?.code === -32601 || e?.code === 4200;
}
