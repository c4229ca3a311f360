/**
 * The v2 envelope (docs/protocol/envelope-v2.md), byte for byte as
 * internal/crypto/envelope: HPKE base mode with X-Wing (ML-KEM-768 +
 * X25519, KEM 0x647a), HKDF-SHA256 and AES-256-GCM; requests bound to their
 * task's context; responses under a key exported from the request's HPKE
 * context; padding buckets. Also the hashes the client commits to or checks:
 * HashParts, InputsHash, OutputHash, WorkerKeyHash, the task ids, the
 * batched task's hash, the batch Merkle leaf and proof, and the EIP-712
 * digest of a secret query (docs/protocol/crypto.md, batched.md).
 *
 * Every function throws an EnigmaError with the Go package's code on bad
 * input: BadEnvelope (1203) for a truncated or malformed message, Tampered
 * (1201) when authentication fails, WrongEpoch (1205) for another epoch,
 * InvalidInput (1100) for a malformed key, seed or call payload.
 */
import { Aes256Gcm, CipherSuite, HkdfSha256 } from "@hpke/core";
import { XWing } from "@hpke/hybridkem-x-wing";
import { getBytes, keccak256 as ethersKeccak, recoverAddress, Signature, TypedDataEncoder, getAddress } from "ethers";
import {
  buf, concat, equalBytes, hex0x, readU32, readU64, randomBytes, toBytes, toFixed, toUint, u256be, u32be, u64be, utf8Bytes,
  type BytesLike,
} from "./bytes.js";
import { Code, EnigmaError } from "./errors.js";

/** Starts every framed message: e7 45 4e 47 ("\xe7ENG"). */
export const MAGIC = new Uint8Array([0xe7, 0x45, 0x4e, 0x47]);
export const VERSION_COMPAT = 1;
export const VERSION_V2 = 2;
/** v2 message types, the byte after the version. */
export const TYPE_REQUEST = 1;
export const TYPE_RESPONSE = 2;
export const TYPE_SEALED = 3;
export const TYPE_QUERY = 4;

/** Sizes of the v2 suite. */
export const PUBLIC_KEY_SIZE = 1184 + 32;
export const ENC_SIZE = 1088 + 32;
export const SEED_SIZE = 32;
export const NONCE_SIZE = 12;
export const TAG_SIZE = 16;
/** magic, version, type, u64 epoch. */
export const REQUEST_HEADER_SIZE = 4 + 1 + 1 + 8;
/** What a request adds to its (padded) plaintext. */
export const REQUEST_OVERHEAD = REQUEST_HEADER_SIZE + ENC_SIZE + TAG_SIZE;
/** What a response or sealed message adds to its (padded) plaintext. */
export const SYMMETRIC_OVERHEAD = 4 + 1 + 1 + NONCE_SIZE + TAG_SIZE;
/** Smallest padding bucket. */
export const MIN_BUCKET = 256;
const LARGE_CHUNK = 1 << 20;
const MAX_PAYLOAD = 2 ** 31 - 1;

/** Domain labels: each use of a key or hash says what it is for. */
export const LABELS = {
  context: "enigma-go/envelope/v2 context",
  request: "enigma-go/envelope/v2 request",
  query: "enigma-go/envelope/v2 query",
  responseKey: "enigma-go/envelope/v2 response key",
  sealed: "enigma-go/envelope/v2 sealed",
  workerKey: "enigma-go/envelope/v2 worker key",
  inputs: "enigma-go/envelope/v2 inputs",
  batchedTask: "enigma-go/enclave: batched task v2",
  batchedTaskId: "enigma-go/enclave: batched task id v1",
} as const;

/** What a request and its response are bound to (the AEAD's associated data). */
export interface Context {
  chainId: bigint | number;
  /** The Enigma contract (20 bytes). */
  enigmaContract: BytesLike;
  /** The secret contract (32 bytes); for a deploy its future address, the deploy task id. */
  secretContract: BytesLike;
  /** The contract's code hash (32 bytes); for a deploy keccak256 of the code. */
  codeHash: BytesLike;
  /** The worker key epoch: the selection epoch's first block. */
  epoch: bigint | number;
  /** The task record's sender, or a query's caller (20 bytes). */
  sender: BytesLike;
  /** The sender's task counter, a batched task's or a query's random nonce. */
  taskNonce: bigint | number;
}

/** Context.Encode: the label, then every field fixed-size, integers big-endian (157 bytes). */
export function encodeContext(c: Context): Uint8Array {
  return concat(
    utf8Bytes(LABELS.context),
    u64be(toUint(c.chainId, "chain id")),
    toFixed(c.enigmaContract, 20, "Enigma contract"),
    toFixed(c.secretContract, 32, "secret contract"),
    toFixed(c.codeHash, 32, "code hash"),
    u64be(toUint(c.epoch, "epoch")),
    toFixed(c.sender, 20, "sender"),
    u64be(toUint(c.taskNonce, "task nonce")),
  );
}

// ---------------------------------------------------------------- payloads

/** EncodeCall: u32(len(fn)) ‖ fn ‖ args, the payload of a task or query request. */
export function encodeCall(fn: string, args: BytesLike = new Uint8Array()): Uint8Array {
  const f = utf8Bytes(fn);
  return concat(u32be(f.length), f, toBytes(args, "arguments"));
}

/** Splits a payload made by {@link encodeCall}. */
export function decodeCall(payload: Uint8Array): { fn: string; args: Uint8Array } {
  if (payload.length < 4) {
    throw new EnigmaError(Code.InvalidInput, `envelope: call payload of ${payload.length} bytes has no function length`);
  }
  const n = readU32(payload, 0);
  if (n > payload.length - 4) {
    throw new EnigmaError(Code.InvalidInput, `envelope: call payload's function length ${n} exceeds its ${payload.length - 4} bytes`);
  }
  return { fn: new TextDecoder().decode(payload.subarray(4, 4 + n)), args: payload.slice(4 + n) };
}

/** The padded size of a plaintext of n bytes (length prefix included): powers of two from 256 B to 1 MiB, then multiples of 1 MiB. */
export function bucketSize(n: number): number {
  if (n <= MIN_BUCKET) return MIN_BUCKET;
  if (n > LARGE_CHUNK) return Math.ceil(n / LARGE_CHUNK) * LARGE_CHUNK;
  let b = MIN_BUCKET;
  while (b < n) b *= 2;
  return b;
}

function pad(payload: Uint8Array, padded: boolean): Uint8Array {
  if (payload.length > MAX_PAYLOAD) {
    throw new EnigmaError(Code.InvalidInput, `envelope: payload of ${payload.length} bytes exceeds the ${MAX_PAYLOAD}-byte limit`);
  }
  const n = 4 + payload.length;
  const out = new Uint8Array(padded ? bucketSize(n) : n);
  out.set(u32be(payload.length), 0);
  out.set(payload, 4);
  return out;
}

function unpad(pt: Uint8Array): Uint8Array {
  if (pt.length < 4) {
    throw new EnigmaError(Code.BadEnvelope, `envelope: plaintext of ${pt.length} bytes has no length prefix`);
  }
  const n = readU32(pt, 0);
  if (n > pt.length - 4) {
    throw new EnigmaError(Code.BadEnvelope, `envelope: payload length ${n} exceeds the ${pt.length - 4} bytes sealed`);
  }
  for (let i = 4 + n; i < pt.length; i++) {
    if (pt[i] !== 0) throw new EnigmaError(Code.BadEnvelope, "envelope: non-zero padding: the sender does not follow the v2 format");
  }
  return pt.slice(4, 4 + n);
}

// ---------------------------------------------------------------- framing

/** The envelope a message is in: 1 compat (bare or framed), 2 v2; throws BadEnvelope for an unknown version. */
export function versionOf(msg: Uint8Array): number {
  if (msg.length < 4 || !equalBytes(msg.subarray(0, 4), MAGIC)) return VERSION_COMPAT;
  if (msg.length < 5) {
    throw new EnigmaError(Code.BadEnvelope, `envelope: truncated header (${msg.length} bytes): a framed message starts with 4 magic bytes and a version byte`);
  }
  const v = msg[4];
  if (v === VERSION_COMPAT || v === VERSION_V2) return v;
  throw new EnigmaError(Code.BadEnvelope, `envelope: unknown version ${v}: this node reads version 1 (compat) and 2 (HPKE); upgrade the node or the client so they share one`);
}

const TYPE_NAMES: Record<number, string> = { 1: "request", 2: "response", 3: "sealed", 4: "query" };

/** Checks msg's frame and type and returns the rest after them. */
function v2Header(msg: Uint8Array, typ: number, what: string): Uint8Array {
  const v = versionOf(msg);
  if (v !== VERSION_V2) {
    throw new EnigmaError(Code.BadEnvelope, `envelope: ${what}: got a compat message, want a framed v2 message`);
  }
  if (msg.length < 6) throw new EnigmaError(Code.BadEnvelope, `envelope: ${what}: truncated v2 message (${msg.length} bytes)`);
  if (msg[5] !== typ) {
    throw new EnigmaError(Code.BadEnvelope, `envelope: ${what}: message type ${msg[5]} (${TYPE_NAMES[msg[5]] ?? "unknown"}), want ${typ} (${TYPE_NAMES[typ]})`);
  }
  return msg.subarray(6);
}

function v2Prefix(typ: number): Uint8Array {
  return concat(MAGIC, new Uint8Array([VERSION_V2, typ]));
}

// ---------------------------------------------------------------- HPKE

let suiteOnce: CipherSuite | undefined;

/** The v2 ciphersuite: X-Wing, HKDF-SHA256, AES-256-GCM. */
export function suite(): CipherSuite {
  suiteOnce ??= new CipherSuite({ kem: new XWing(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });
  return suiteOnce;
}

/** The response key of a request: 32 bytes both ends export from its HPKE context. */
export type ResponseKey = Uint8Array;

/** Options of the sealing functions. */
export interface SealOptions {
  /** Round the plaintext up to its size bucket. */
  pad?: boolean;
}

/** A sealed request and the key its response will come under. */
export interface SealedRequest {
  request: Uint8Array;
  responseKey: ResponseKey;
}

async function importPublicKey(workerPub: BytesLike): Promise<CryptoKey> {
  const pub = toBytes(workerPub, "worker public key");
  if (pub.length !== PUBLIC_KEY_SIZE) {
    throw new EnigmaError(Code.InvalidInput, `envelope: v2 public key is ${pub.length} bytes, want ${PUBLIC_KEY_SIZE} (ML-KEM-768 ‖ X25519)`);
  }
  try {
    return await suite().kem.deserializePublicKey(buf(pub));
  } catch (err) {
    throw new EnigmaError(Code.InvalidInput, `envelope: invalid v2 public key: ${(err as Error).message}`, { cause: err });
  }
}

async function importSeed(seed: BytesLike): Promise<CryptoKey> {
  const s = toBytes(seed, "v2 key seed");
  if (s.length !== SEED_SIZE) throw new EnigmaError(Code.InvalidInput, `envelope: v2 key seed is ${s.length} bytes, want ${SEED_SIZE}`);
  try {
    return await suite().kem.importKey("raw", buf(s), false);
  } catch (err) {
    throw new EnigmaError(Code.InvalidInput, `envelope: invalid v2 key seed: ${(err as Error).message}`, { cause: err });
  }
}

/** The public key (1216 bytes) of a worker key seed. */
export async function publicKeyFromSeed(seed: BytesLike): Promise<Uint8Array> {
  const s = toBytes(seed, "v2 key seed");
  if (s.length !== SEED_SIZE) throw new EnigmaError(Code.InvalidInput, `envelope: v2 key seed is ${s.length} bytes, want ${SEED_SIZE}`);
  const kp = await (suite().kem as unknown as XWing).generateKeyPairDerand(s);
  return new Uint8Array(await suite().kem.serializePublicKey(kp.publicKey));
}

async function sealHpke(typ: number, info: string, workerPub: BytesLike, ctx: Context, payload: Uint8Array, opt: SealOptions): Promise<SealedRequest> {
  const pk = await importPublicKey(workerPub);
  const pt = pad(payload, opt.pad ?? false);
  const header = concat(v2Prefix(typ), u64be(toUint(ctx.epoch, "epoch")));
  const aad = concat(header, encodeContext(ctx));
  let s;
  try {
    s = await suite().createSenderContext({ recipientPublicKey: pk, info: buf(utf8Bytes(info)) });
  } catch (err) {
    throw new EnigmaError(Code.InvalidInput, `envelope: HPKE encapsulation to the worker key failed: ${(err as Error).message}`, { cause: err });
  }
  const ct = new Uint8Array(await s.seal(buf(pt), buf(aad)));
  const rk = new Uint8Array(await s.export(buf(utf8Bytes(LABELS.responseKey)), 32));
  return { request: concat(header, new Uint8Array(s.enc), ct), responseKey: rk };
}

async function openHpke(typ: number, info: string, what: string, seed: BytesLike, ctx: Context, msg: Uint8Array): Promise<{ payload: Uint8Array; responseKey: ResponseKey }> {
  const rest = v2Header(msg, typ, what);
  if (rest.length < 8 + ENC_SIZE + TAG_SIZE + 4) {
    throw new EnigmaError(Code.BadEnvelope, `envelope: ${what} of ${msg.length} bytes is shorter than the ${REQUEST_OVERHEAD + 4}-byte minimum`);
  }
  const epoch = toUint(ctx.epoch, "epoch");
  const e = readU64(rest, 0);
  if (e !== epoch) {
    throw new EnigmaError(Code.WrongEpoch, `envelope: ${what} sealed to the worker key of epoch ${e}, but the task is in epoch ${epoch}: seal it to the current epoch's key`);
  }
  const sk = await importSeed(seed);
  const header = msg.subarray(0, REQUEST_HEADER_SIZE);
  const enc = rest.subarray(8, 8 + ENC_SIZE);
  const ct = rest.subarray(8 + ENC_SIZE);
  let r;
  try {
    r = await suite().createRecipientContext({ recipientKey: sk, enc: buf(enc), info: buf(utf8Bytes(info)) });
  } catch (err) {
    throw new EnigmaError(Code.Tampered, `envelope: ${what} key encapsulation is invalid: ${(err as Error).message}`, { cause: err });
  }
  let pt: Uint8Array;
  try {
    pt = new Uint8Array(await r.open(buf(ct), buf(concat(header, encodeContext(ctx)))));
  } catch (err) {
    throw new EnigmaError(Code.Tampered,
      `envelope: ${what} authentication failed: sealed to another worker key, for another task context (chain, contract, code, epoch, sender, nonce), or altered`, { cause: err });
  }
  const payload = unpad(pt);
  const responseKey = new Uint8Array(await r.export(buf(utf8Bytes(LABELS.responseKey)), 32));
  return { payload, responseKey };
}

/**
 * SealRequest: seals payload to a worker's v2 public key (1216 bytes) for
 * epoch ctx.epoch:
 * magic ‖ 0x02 ‖ 0x01 ‖ u64 epoch ‖ enc(1120) ‖ AES-256-GCM(aad = header ‖ context).
 */
export function sealRequest(workerPub: BytesLike, ctx: Context, payload: Uint8Array, opt: SealOptions = {}): Promise<SealedRequest> {
  return sealHpke(TYPE_REQUEST, LABELS.request, workerPub, ctx, payload, opt);
}

/**
 * Seals a secret query (type 0x04, info "enigma-go/envelope/v2 query");
 * its answer is a response (type 0x02) under the returned key. ctx.taskNonce
 * is the query's random nonce.
 */
export function sealQuery(workerPub: BytesLike, ctx: Context, payload: Uint8Array, opt: SealOptions = {}): Promise<SealedRequest> {
  return sealHpke(TYPE_QUERY, LABELS.query, workerPub, ctx, payload, opt);
}

/** The worker's side of {@link sealRequest} (tests and tools): opens with the worker key's 32-byte seed. */
export function openRequest(seed: BytesLike, ctx: Context, msg: Uint8Array): Promise<{ payload: Uint8Array; responseKey: ResponseKey }> {
  return openHpke(TYPE_REQUEST, LABELS.request, "request", seed, ctx, msg);
}

/** The worker's side of {@link sealQuery} (tests and tools). */
export function openQuery(seed: BytesLike, ctx: Context, msg: Uint8Array): Promise<{ payload: Uint8Array; responseKey: ResponseKey }> {
  return openHpke(TYPE_QUERY, LABELS.query, "query", seed, ctx, msg);
}

// ---------------------------------------------------------------- symmetric

async function gcmKey(key: Uint8Array): Promise<CryptoKey> {
  if (key.length !== 32) throw new EnigmaError(Code.InvalidInput, `envelope: AES-256 key is ${key.length} bytes, want 32`);
  return globalThis.crypto.subtle.importKey("raw", buf(key), { name: "AES-GCM" }, false, ["encrypt", "decrypt"]);
}

async function sealSymmetric(key: Uint8Array, typ: number, ad: Uint8Array, payload: Uint8Array, opt: SealOptions & { nonce?: Uint8Array }): Promise<Uint8Array> {
  const pt = pad(payload, opt.pad ?? false);
  const nonce = opt.nonce ?? randomBytes(NONCE_SIZE);
  if (nonce.length !== NONCE_SIZE) throw new EnigmaError(Code.InvalidInput, `envelope: nonce is ${nonce.length} bytes, want ${NONCE_SIZE}`);
  const header = concat(v2Prefix(typ), nonce);
  const ct = await globalThis.crypto.subtle.encrypt(
    { name: "AES-GCM", iv: buf(nonce), additionalData: buf(concat(header, ad)), tagLength: 128 }, await gcmKey(key), buf(pt));
  return concat(header, new Uint8Array(ct));
}

async function openSymmetric(key: Uint8Array, typ: number, ad: Uint8Array, msg: Uint8Array, what: string): Promise<Uint8Array> {
  const rest = v2Header(msg, typ, what);
  if (rest.length < NONCE_SIZE + TAG_SIZE + 4) {
    throw new EnigmaError(Code.BadEnvelope, `envelope: ${what} of ${msg.length} bytes is shorter than the ${SYMMETRIC_OVERHEAD + 4}-byte minimum`);
  }
  const header = msg.subarray(0, 6 + NONCE_SIZE);
  let pt: ArrayBuffer;
  try {
    pt = await globalThis.crypto.subtle.decrypt(
      { name: "AES-GCM", iv: buf(rest.subarray(0, NONCE_SIZE)), additionalData: buf(concat(header, ad)), tagLength: 128 },
      await gcmKey(key), buf(rest.subarray(NONCE_SIZE)));
  } catch (err) {
    throw new EnigmaError(Code.Tampered, `envelope: ${what} authentication failed: wrong key, another context, or altered`, { cause: err });
  }
  return unpad(new Uint8Array(pt));
}

/** OpenResponse: opens a worker's response (type 0x02) with the request's response key. */
export function openResponse(responseKey: BytesLike, ctx: Context, msg: Uint8Array): Promise<Uint8Array> {
  return openSymmetric(toBytes(responseKey, "response key"), TYPE_RESPONSE, encodeContext(ctx), msg, "response");
}

/** The worker's side of {@link openResponse} (tests and tools). `nonce` fixes the 12-byte nonce (vectors only). */
export function sealResponse(responseKey: BytesLike, ctx: Context, payload: Uint8Array, opt: SealOptions & { nonce?: Uint8Array } = {}): Promise<Uint8Array> {
  return sealSymmetric(toBytes(responseKey, "response key"), TYPE_RESPONSE, encodeContext(ctx), payload, opt);
}

/** Seal (type 0x03) under a symmetric key, bound to `label` (e.g. contract state). */
export function sealSymmetricMessage(key: BytesLike, label: BytesLike, payload: Uint8Array, opt: SealOptions & { nonce?: Uint8Array } = {}): Promise<Uint8Array> {
  return sealSymmetric(toBytes(key, "key"), TYPE_SEALED, concat(utf8Bytes(LABELS.sealed), toBytes(label, "label")), payload, opt);
}

/** Open of a message made by {@link sealSymmetricMessage}. */
export function openSymmetricMessage(key: BytesLike, label: BytesLike, msg: Uint8Array): Promise<Uint8Array> {
  return openSymmetric(toBytes(key, "key"), TYPE_SEALED, concat(utf8Bytes(LABELS.sealed), toBytes(label, "label")), msg, "sealed message");
}

// ---------------------------------------------------------------- hashes

/** Keccak-256 (Ethereum's). */
export function keccak256(data: Uint8Array): Uint8Array {
  return getBytes(ethersKeccak(data));
}

/** HashParts: keccak256(u64(len p1) ‖ p1 ‖ … ‖ u64(len pn) ‖ pn) (enigma-js utils.hash). */
export function hashParts(...parts: Uint8Array[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  for (const p of parts) chunks.push(u64be(p.length), p);
  return keccak256(concat(...chunks));
}

/** InputsHash: HashParts("enigma-go/envelope/v2 inputs", request), what a v2 task record and a batched task commit to. */
export function inputsHash(request: Uint8Array): Uint8Array {
  return hashParts(utf8Bytes(LABELS.inputs), request);
}

/** OutputHash: keccak256(response), what a receipt or batch leaf commits to. */
export function outputHash(response: Uint8Array): Uint8Array {
  return keccak256(response);
}

/** WorkerKeyHash: what a worker signs when it publishes its v2 key for an epoch. */
export function workerKeyHash(chainId: bigint | number, enigmaContract: BytesLike, epoch: bigint | number, publicKey: BytesLike): Uint8Array {
  return hashParts(utf8Bytes(LABELS.workerKey), u64be(toUint(chainId, "chain id")), toFixed(enigmaContract, 20, "Enigma contract"),
    u64be(toUint(epoch, "epoch")), toBytes(publicKey, "public key"));
}

/**
 * The address that signed hash with a 65-byte r‖s‖v signature over the hash
 * itself (no EIP-191 prefix; v 0, 1, 27 or 28). BadSignature when malformed.
 */
export function recoverSigner(hash: Uint8Array, sig: BytesLike): string {
  const s = toBytes(sig, "signature", Code.BadSignature);
  if (s.length !== 65) throw new EnigmaError(Code.BadSignature, `signature is ${s.length} bytes, want 65 (r ‖ s ‖ v)`);
  const v = s[64];
  if (v !== 0 && v !== 1 && v !== 27 && v !== 28) throw new EnigmaError(Code.BadSignature, `signature's v is ${v}, want 0, 1, 27 or 28`);
  const norm = s.slice();
  norm[64] = v < 27 ? v + 27 : v;
  try {
    return recoverAddress(hash, Signature.from(hex0x(norm)));
  } catch (err) {
    throw new EnigmaError(Code.BadSignature, `signature does not recover: ${(err as Error).message}`, { cause: err });
  }
}

/**
 * Checks a v2_getEpochKey answer: the signature over WorkerKeyHash must
 * recover to `worker`. Throws BadSignature otherwise.
 */
export function verifyWorkerKey(worker: string, chainId: bigint | number, enigmaContract: BytesLike, epoch: bigint | number, publicKey: BytesLike, sig: BytesLike): void {
  const signer = recoverSigner(workerKeyHash(chainId, enigmaContract, epoch, publicKey), sig);
  if (signer.toLowerCase() !== worker.toLowerCase()) {
    throw new EnigmaError(Code.BadSignature, `the v2 key for epoch ${epoch} is signed by ${signer}, not by the selected worker ${getAddress(worker)}`);
  }
}

/** A per-task task id (and a deploy's contract address): keccak256(sender ‖ uint256 nonce). */
export function taskId(sender: BytesLike, nonce: bigint | number): Uint8Array {
  return keccak256(concat(toFixed(sender, 20, "sender"), u256be(nonce)));
}

/** BatchedTaskID(sender, nonce): a batched task's id, apart from the chain's task ids. */
export function batchedTaskId(sender: BytesLike, nonce: bigint | number): Uint8Array {
  return hashParts(utf8Bytes(LABELS.batchedTaskId), toFixed(sender, 20, "sender"), u64be(toUint(nonce, "nonce")));
}

/** BatchedTaskHash: what the sender signs to authorise one batched task and its fee of at most gasLimit × gasPx. */
export function batchedTaskHash(chainId: bigint | number, enigma: BytesLike, contract: BytesLike, taskIdBytes: BytesLike, epoch: bigint | number,
  inputsHashBytes: BytesLike, gasLimit: bigint | number, gasPx: bigint | number): Uint8Array {
  return hashParts(utf8Bytes(LABELS.batchedTask), u64be(toUint(chainId, "chain id")), toFixed(enigma, 20, "Enigma contract"),
    toFixed(contract, 32, "contract"), toFixed(taskIdBytes, 32, "task id"), u64be(toUint(epoch, "epoch")),
    toFixed(inputsHashBytes, 32, "inputs hash"), u64be(toUint(gasLimit, "gas limit")), u64be(toUint(gasPx, "gas price")));
}

// ---------------------------------------------------------------- batches

/** A task's leaf in its batch's Merkle tree (internal/batch.Task without its user). */
export interface BatchLeaf {
  taskId: BytesLike;
  inputsHash: BytesLike;
  outputHash: BytesLike;
  deltaHash: BytesLike;
  gasUsed: bigint | number;
  fee: bigint | number;
  /** The contract failed the task (its output is the encrypted error). */
  failed: boolean;
}

/** keccak256(0x00 ‖ abi.encode(taskId, inputsHash, outputHash, deltaHash, uint64 gasUsed, uint256 fee, bool failed)). */
export function leafHash(t: BatchLeaf): Uint8Array {
  return keccak256(concat(new Uint8Array([0]), toFixed(t.taskId, 32, "task id"), toFixed(t.inputsHash, 32, "inputs hash"),
    toFixed(t.outputHash, 32, "output hash"), toFixed(t.deltaHash, 32, "delta hash"), u256be(toUint(t.gasUsed, "gas used")),
    u256be(toUint(t.fee, "fee", 256)), u256be(t.failed ? 1 : 0)));
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** keccak256(0x01 ‖ min(a,b) ‖ max(a,b)): an inner node (order-independent). */
export function nodeHash(a: Uint8Array, b: Uint8Array): Uint8Array {
  const [x, y] = compareBytes(a, b) > 0 ? [b, a] : [a, b];
  return keccak256(concat(new Uint8Array([1]), x, y));
}

/** Whether proof (siblings from the leaf up) leads from the task's leaf to root. */
export function verifyProof(root: BytesLike, leaf: BatchLeaf, proof: readonly BytesLike[]): boolean {
  let h = leafHash(leaf);
  for (const p of proof) h = nodeHash(h, toFixed(p, 32, "proof node"));
  return equalBytes(h, toFixed(root, 32, "root"));
}

/** A batch's Merkle tree over its leaves, in order (tests and tools): its root and every task's proof. */
export function merkleTree(leaves: readonly BatchLeaf[]): { root: Uint8Array; proofs: Uint8Array[][] } {
  if (leaves.length === 0) throw new EnigmaError(Code.InvalidInput, "batch: a batch needs at least one task");
  const levels: Uint8Array[][] = [leaves.map(leafHash)];
  while (levels[levels.length - 1].length > 1) {
    const level = levels[levels.length - 1];
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 === level.length ? level[i] : nodeHash(level[i], level[i + 1]));
    levels.push(next);
  }
  const proofs = leaves.map((_, idx) => {
    const proof: Uint8Array[] = [];
    let i = idx;
    for (const level of levels.slice(0, -1)) {
      if ((i ^ 1) < level.length) proof.push(level[i ^ 1]);
      i >>= 1;
    }
    return proof;
  });
  return { root: levels[levels.length - 1][0], proofs };
}

// ---------------------------------------------------------------- queries

/** The EIP-712 typed data a secret query's caller signs (queries spec § 2). */
export function secretQueryTypedData(chainId: bigint | number, enigma: string, contract: BytesLike, request: Uint8Array, expiry: bigint | number) {
  return {
    domain: { name: "Enigma", version: "2", chainId: BigInt(chainId), verifyingContract: getAddress(enigma) },
    types: {
      SecretQuery: [
        { name: "contract", type: "bytes32" },
        { name: "request", type: "bytes32" },
        { name: "expiry", type: "uint64" },
      ],
    },
    message: { contract: hex0x(toFixed(contract, 32, "contract")), request: hex0x(keccak256(request)), expiry: toUint(expiry, "expiry") },
  };
}

/** The EIP-712 digest of a secret query: keccak256(0x1901 ‖ domainSeparator ‖ hashStruct(message)). */
export function secretQueryDigest(chainId: bigint | number, enigma: string, contract: BytesLike, request: Uint8Array, expiry: bigint | number): Uint8Array {
  const td = secretQueryTypedData(chainId, enigma, contract, request, expiry);
  return getBytes(TypedDataEncoder.hash(td.domain, td.types, td.message));
}
