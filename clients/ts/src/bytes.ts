/** Byte helpers: hex with or without 0x, fixed-size fields, big-endian integers. */
import { Code, EnigmaError } from "./errors.js";

/** Bytes as a hex string or a Uint8Array. */
export type BytesLike = string | Uint8Array;

const HEX = /^[0-9a-fA-F]*$/;

/** Decodes hex (with or without 0x) or copies a Uint8Array. `what` names the value in errors. */
export function toBytes(v: BytesLike, what = "value", code: number = Code.InvalidInput): Uint8Array {
  if (v instanceof Uint8Array) return new Uint8Array(v);
  if (typeof v !== "string") throw new EnigmaError(code, `${what} is neither hex nor bytes`);
  const h = v.startsWith("0x") || v.startsWith("0X") ? v.slice(2) : v;
  if (h.length % 2 !== 0 || !HEX.test(h)) {
    throw new EnigmaError(code, `${what} is not hex: ${v.length > 80 ? v.slice(0, 80) + "…" : v}`);
  }
  const out = new Uint8Array(h.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(h.substr(2 * i, 2), 16);
  return out;
}

/** Decodes exactly n bytes. */
export function toFixed(v: BytesLike, n: number, what = "value", code: number = Code.InvalidInput): Uint8Array {
  const b = toBytes(v, what, code);
  if (b.length !== n) throw new EnigmaError(code, `${what} is ${b.length} bytes, want ${n}`);
  return b;
}

const HEXDIGITS = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** Lowercase hex without 0x. */
export function hexNo0x(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i++) s += HEXDIGITS[b[i]];
  return s;
}

/** Lowercase hex with 0x. */
export function hex0x(b: Uint8Array): string {
  return "0x" + hexNo0x(b);
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i] ^ b[i];
  return d === 0;
}

const U64_MAX = (1n << 64n) - 1n;

/** An unsigned integer of at most `bits` bits, from a bigint, a safe integer or a decimal/0x string. */
export function toUint(v: bigint | number | string, what = "value", bits = 64): bigint {
  let n: bigint;
  try {
    if (typeof v === "number" && !Number.isSafeInteger(v)) throw new Error("not a safe integer");
    n = BigInt(v);
  } catch {
    throw new EnigmaError(Code.InvalidInput, `${what} ${String(v)} is not an integer`);
  }
  if (n < 0n || n >> BigInt(bits) !== 0n) {
    throw new EnigmaError(Code.InvalidInput, `${what} ${n} is not an unsigned ${bits}-bit integer`);
  }
  return n;
}

/** u64 big-endian. */
export function u64be(v: bigint | number): Uint8Array {
  const n = BigInt(v);
  if (n < 0n || n > U64_MAX) throw new EnigmaError(Code.InvalidInput, `${n} does not fit an unsigned 64-bit integer`);
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, n);
  return out;
}

/** u32 big-endian. */
export function u32be(v: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, v);
  return out;
}

/** A uint256 as 32 big-endian bytes. */
export function u256be(v: bigint | number): Uint8Array {
  let n = BigInt(v);
  if (n < 0n || n >> 256n !== 0n) throw new EnigmaError(Code.InvalidInput, `${n} does not fit a uint256`);
  const out = new Uint8Array(32);
  for (let i = 31; i >= 0 && n > 0n; i--) {
    out[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return out;
}

export function readU64(b: Uint8Array, off: number): bigint {
  return new DataView(b.buffer, b.byteOffset, b.byteLength).getBigUint64(off);
}

export function readU32(b: Uint8Array, off: number): number {
  return new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(off);
}

const utf8 = new TextEncoder();
const utf8d = new TextDecoder();

export function utf8Bytes(s: string): Uint8Array {
  return utf8.encode(s);
}

export function utf8String(b: Uint8Array): string {
  return utf8d.decode(b);
}

/** A fresh ArrayBuffer holding exactly b (WebCrypto and HPKE take whole buffers). */
export function buf(b: Uint8Array): ArrayBuffer {
  return b.slice().buffer as ArrayBuffer;
}

/** n random bytes from the platform's CSPRNG. */
export function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  globalThis.crypto.getRandomValues(out);
  return out;
}
