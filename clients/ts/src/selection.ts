/**
 * Stake-weighted worker selection, exactly as internal/selection, the
 * Enigma contract's getWorkerGroup and enigma-js 0.3.0 do it. For draw
 * n = 0, 1, 2, …:
 *
 *   h = keccak256(abi.encode(uint256 seed, bytes32 contract, uint256 n))
 *   r = uint256(h) mod sum(stakes)
 *
 * then walk the workers in order subtracting each stake from r and take the
 * first that brings r to zero or below (the last if none does), until the
 * group holds groupSize distinct workers.
 */
import { getAddress } from "ethers";
import { concat, hex0x, toFixed, u256be, type BytesLike } from "./bytes.js";
import { keccak256 } from "./envelope.js";
import { Code, EnigmaError } from "./errors.js";

/** An epoch's selection parameters as getWorkerParams returns them. */
export interface SelectionParams {
  /** The epoch's first block (the worker key epoch). */
  firstBlock: bigint | number;
  seed: bigint;
  /** Enclave signing addresses, in the contract's order. */
  workers: readonly string[];
  stakes: readonly bigint[];
}

/** Draws after which a group that cannot fill is given up (the stakes leave too few workers drawable). */
const MAX_DRAWS = 10_000;

/** uint256(keccak256(abi.encode(seed, contract, n))): the value of draw n. */
export function draw(seed: bigint, contract: BytesLike, n: bigint | number): bigint {
  const h = keccak256(concat(u256be(seed), toFixed(contract, 32, "contract"), u256be(n)));
  return BigInt(hex0x(h));
}

function validate(p: SelectionParams): bigint {
  if (p.workers.length !== p.stakes.length) throw new EnigmaError(Code.InvalidInput, "selection: workers and stakes differ in length");
  if (p.workers.length === 0) {
    throw new EnigmaError(Code.Unavailable, "selection: the epoch has no workers; wait for workers to log in and for the next epoch");
  }
  let total = 0n;
  for (const s of p.stakes) {
    if (s < 0n) throw new EnigmaError(Code.InvalidInput, "selection: negative stake");
    total += s;
  }
  if (total === 0n) throw new EnigmaError(Code.Unavailable, "selection: the workers' stakes sum to zero");
  return total;
}

function pick(p: SelectionParams, total: bigint, h: bigint): string {
  let r = h % total;
  for (let i = 0; i < p.stakes.length; i++) {
    r -= p.stakes[i];
    if (r <= 0n) return p.workers[i];
  }
  return p.workers[p.workers.length - 1];
}

/** The groupSize workers selected for contract (fewer if the epoch has fewer), in draw order, checksummed. */
export function selectWorkers(p: SelectionParams, contract: BytesLike, groupSize = 1): string[] {
  if (!Number.isInteger(groupSize) || groupSize < 1) throw new EnigmaError(Code.InvalidInput, "selection: group size must be at least 1");
  const total = validate(p);
  const sc = toFixed(contract, 32, "contract");
  const size = Math.min(groupSize, new Set(p.workers.map((w) => w.toLowerCase())).size);
  const group: string[] = [];
  const seen = new Set<string>();
  for (let n = 0n; group.length < size; n++) {
    if (n >= MAX_DRAWS) {
      throw new EnigmaError(Code.InvalidInput, `selection: ${MAX_DRAWS} draws found only ${group.length} of ${size} workers: the stakes leave too few drawable`);
    }
    const w = pick(p, total, draw(p.seed, sc, n));
    const k = w.toLowerCase();
    if (!seen.has(k)) {
      seen.add(k);
      group.push(getAddress(w));
    }
  }
  return group;
}

/** The worker of a task on contract: selectWorkers(p, contract, 1)[0]. */
export function selectOne(p: SelectionParams, contract: BytesLike): string {
  return selectWorkers(p, contract, 1)[0];
}
