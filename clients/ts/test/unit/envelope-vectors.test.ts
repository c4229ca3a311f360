// The Go package's v2 vectors (internal/crypto/envelope/testdata), opened
// and rejected here with the same codes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import * as env from "@enigma-go/client/envelope";
import { EnigmaError } from "@enigma-go/client";
import { readFileSync } from "node:fs";
import { Wallet, getAddress } from "ethers";
import { hex, repoRoot, unhex } from "./paths.js";

interface CtxV { chain_id: number; enigma_contract: string; secret_contract: string; code_hash: string; epoch: number; sender: string; task_nonce: string; encoded: string }
interface ReqV { name: string; worker_seed: string; worker_public_key: string; worker_key_hash: string; context: CtxV; pad: boolean; payload: string; request: string; response_key: string; response_payload: string; response: string }
interface SealedV { name: string; key: string; label: string; pad: boolean; payload: string; sealed: string }
interface RejectV { name: string; of: string; context: CtxV; message: string; code: number }
interface QueryV { name: string; of: string; context: CtxV; pad: boolean; payload: string; request: string; request_hash: string; expiry: number;
  caller_key: string; digest: string; signature: string; response_key: string; status: string; response_payload: string; response: string }
interface Vectors { requests: ReqV[]; sealed: SealedV[]; rejects: RejectV[]; queries?: QueryV[] }

// Nonces may pass 2^53: read them as strings.
const vectors = JSON.parse(readFileSync(join(repoRoot, "internal/crypto/envelope/testdata/v2-vectors.json"), "utf8")
  .replace(/"task_nonce":\s*(\d+)/g, '"task_nonce": "$1"')) as Vectors;

function ctxOf(v: CtxV): env.Context {
  return { chainId: BigInt(v.chain_id), enigmaContract: v.enigma_contract, secretContract: v.secret_contract, codeHash: v.code_hash,
    epoch: BigInt(v.epoch), sender: v.sender, taskNonce: BigInt(v.task_nonce) };
}

async function rejects(p: Promise<unknown>, code: number, name: string) {
  await assert.rejects(p, (err: unknown) => {
    assert.ok(err instanceof EnigmaError, `${name}: ${String(err)} is not an EnigmaError`);
    assert.equal(err.code, code, `${name}: code ${err.code} (${err.message}), want ${code}`);
    return true;
  });
}

test("the file holds the requests, sealed messages and rejects the doc lists", () => {
  assert.equal(vectors.requests.length, 3);
  assert.equal(vectors.sealed.length, 2);
  assert.equal(vectors.rejects.length, 7);
});

for (const v of vectors.requests) {
  test(`request vector "${v.name}": context, public key, key hash, open, response`, async () => {
    const ctx = ctxOf(v.context);
    assert.equal(hex(env.encodeContext(ctx)), v.context.encoded);
    assert.equal(hex(await env.publicKeyFromSeed(v.worker_seed)), v.worker_public_key);
    assert.equal(hex(env.workerKeyHash(ctx.chainId, ctx.enigmaContract, ctx.epoch, unhex(v.worker_public_key))), v.worker_key_hash);
    const { payload, responseKey } = await env.openRequest(v.worker_seed, ctx, unhex(v.request));
    assert.equal(hex(payload), v.payload);
    assert.equal(hex(responseKey), v.response_key);
    assert.equal(v.request.length / 2, env.REQUEST_OVERHEAD + (v.pad ? env.bucketSize(4 + v.payload.length / 2) : 4 + v.payload.length / 2));
    const out = await env.openResponse(v.response_key, ctx, unhex(v.response));
    assert.equal(hex(out), v.response_payload);
    // The response re-sealed here under the vector's nonce is the vector's.
    const nonce = unhex(v.response).subarray(6, 6 + env.NONCE_SIZE);
    const again = await env.sealResponse(v.response_key, ctx, unhex(v.response_payload), { pad: v.pad, nonce });
    assert.equal(hex(again), v.response);
  });

  test(`request vector "${v.name}": a request sealed here opens with the vector's key`, async () => {
    const ctx = ctxOf(v.context);
    const sealed = await env.sealRequest(v.worker_public_key, ctx, unhex(v.payload), { pad: v.pad });
    assert.equal(sealed.request.length, v.request.length / 2);
    const opened = await env.openRequest(v.worker_seed, ctx, sealed.request);
    assert.equal(hex(opened.payload), v.payload);
    assert.equal(hex(opened.responseKey), hex(sealed.responseKey));
    assert.notEqual(hex(sealed.responseKey), v.response_key, "a fresh encapsulation gives a fresh response key");
  });
}

test("vector 1's payload is EncodeCall(add(uint256,uint256), abi(76, 17))", () => {
  const v = vectors.requests[0];
  const args = unhex("000000000000000000000000000000000000000000000000000000000000004c0000000000000000000000000000000000000000000000000000000000000011");
  assert.equal(hex(env.encodeCall("add(uint256,uint256)", args)), v.payload);
  const d = env.decodeCall(unhex(v.payload));
  assert.equal(d.fn, "add(uint256,uint256)");
  assert.equal(hex(d.args), hex(args));
});

for (const v of vectors.sealed) {
  test(`sealed vector "${v.name}"`, async () => {
    assert.equal(hex(await env.openSymmetricMessage(v.key, v.label, unhex(v.sealed))), v.payload);
    const nonce = unhex(v.sealed).subarray(6, 6 + env.NONCE_SIZE);
    assert.equal(hex(await env.sealSymmetricMessage(v.key, v.label, unhex(v.payload), { pad: v.pad, nonce })), v.sealed);
    await rejects(env.openSymmetricMessage(v.key, v.label + "00", unhex(v.sealed)), 1201, "other label");
  });
}

for (const v of vectors.rejects) {
  test(`reject vector "${v.name}" fails with ${v.code}`, async () => {
    const of = vectors.requests.find((r) => r.name === v.of);
    assert.ok(of, `no request vector ${v.of}`);
    await rejects(env.openRequest(of.worker_seed, ctxOf(v.context), unhex(v.message)), v.code, v.name);
  });
}

test("the file holds query vectors", () => assert.ok((vectors.queries ?? []).length >= 1));

for (const q of vectors.queries ?? []) {
  test(`query vector "${q.name}": open, request hash, EIP-712 digest and signature, answer`, async () => {
    const of = vectors.requests.find((r) => r.name === q.of)!;
    const ctx = ctxOf(q.context);
    assert.equal(hex(env.encodeContext(ctx)), q.context.encoded);
    const req = unhex(q.request);
    const { payload, responseKey } = await env.openQuery(of.worker_seed, ctx, req);
    assert.equal(hex(payload), q.payload);
    assert.equal(hex(responseKey), q.response_key);
    await rejects(env.openRequest(of.worker_seed, ctx, req), 1203, "a query opened as a task request");
    assert.equal(hex(env.keccak256(req)), q.request_hash);
    const caller = new Wallet("0x" + q.caller_key);
    assert.equal(caller.address, getAddress("0x" + q.context.sender));
    const digest = env.secretQueryDigest(ctx.chainId, "0x" + q.context.enigma_contract, q.context.secret_contract, req, BigInt(q.expiry));
    assert.equal(hex(digest), q.digest);
    const td = env.secretQueryTypedData(ctx.chainId, "0x" + q.context.enigma_contract, q.context.secret_contract, req, BigInt(q.expiry));
    assert.equal(hex(unhex(await caller.signTypedData(td.domain, td.types, td.message))), q.signature);
    assert.equal(env.recoverSigner(digest, q.signature), caller.address);
    assert.equal(hex(await env.openResponse(q.response_key, ctx, unhex(q.response))), q.response_payload);
  });
}
