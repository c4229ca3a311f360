// Hostile and malformed input to the envelope, the gateway client and the
// argument coder: each refused with the code the Go side uses.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import * as env from "@enigma-go/client/envelope";
import { Code, EnigmaError, GatewayClient, NotSupportedError, RawArgs, encodeArgs, decodeReturns } from "@enigma-go/client";
import { readJSON, repoRoot, unhex, hex } from "./paths.js";

const vectors = readJSON<{ requests: { worker_seed: string; worker_public_key: string }[] }>(join(repoRoot, "internal/crypto/envelope/testdata/v2-vectors.json"));
const seed = vectors.requests[0].worker_seed;
const pub = vectors.requests[0].worker_public_key;
const ctx: env.Context = {
  chainId: 1337n, enigmaContract: "0x" + "0e".repeat(20), secretContract: "0x" + "5c".repeat(32), codeHash: "0x" + "c0".repeat(32),
  epoch: 7n, sender: "0x" + "ab".repeat(20), taskNonce: (1n << 64n) - 1n,
};

async function code(p: Promise<unknown> | (() => unknown), want: number, what: string) {
  try {
    await (typeof p === "function" ? p() : p);
  } catch (err) {
    assert.ok(err instanceof EnigmaError, `${what}: ${String(err)}`);
    assert.equal(err.code, want, `${what}: ${err.message}`);
    return;
  }
  assert.fail(`${what}: no error`);
}

test("a request opens only with its own context, epoch, key and type", async () => {
  const { request, responseKey } = await env.sealRequest(pub, ctx, env.encodeCall("f()"), {});
  const ok = await env.openRequest(seed, ctx, request);
  assert.equal(hex(ok.responseKey), hex(responseKey));
  for (const [k, v] of [["chainId", 1n], ["enigmaContract", "0x" + "00".repeat(20)], ["secretContract", "0x" + "00".repeat(32)],
    ["codeHash", "0x" + "00".repeat(32)], ["sender", "0x" + "00".repeat(20)], ["taskNonce", 0n]] as const) {
    await code(env.openRequest(seed, { ...ctx, [k]: v }, request), Code.Tampered, `another ${k}`);
  }
  await code(env.openRequest(seed, { ...ctx, epoch: 8n }, request), Code.WrongEpoch, "another epoch");
  const otherSeed = "11".repeat(32);
  await code(env.openRequest(otherSeed, ctx, request), Code.Tampered, "another worker's key");
  for (const [i, want] of [[4, Code.BadEnvelope], [5, Code.BadEnvelope], [13, Code.WrongEpoch], [14, Code.Tampered], [14 + 500, Code.Tampered],
    [14 + 1120, Code.Tampered], [request.length - 1, Code.Tampered]]) {
    const m = request.slice();
    m[i] ^= 0x40;
    await code(env.openRequest(seed, ctx, m), want, `byte ${i} flipped`);
  }
  await code(env.openRequest(seed, ctx, request.subarray(0, env.REQUEST_OVERHEAD + 3)), Code.BadEnvelope, "truncated");
  await code(env.openRequest(seed, ctx, request.subarray(0, 3)), Code.BadEnvelope, "no header");
  await code(env.openQuery(seed, ctx, request), Code.BadEnvelope, "a request opened as a query");
  const q = await env.sealQuery(pub, ctx, env.encodeCall("isHuman(address)"), {});
  await code(env.openRequest(seed, ctx, q.request), Code.BadEnvelope, "a query opened as a request");
  const forged = q.request.slice();
  forged[5] = env.TYPE_REQUEST; // a query relabelled as a request: its info string differs
  await code(env.openRequest(seed, ctx, forged), Code.Tampered, "a query with a request's type byte");
  const v3 = request.slice();
  v3[4] = 3;
  await code(env.openRequest(seed, ctx, v3), Code.BadEnvelope, "version 3");
  await code(env.openRequest(seed, ctx, new Uint8Array(1300)), Code.BadEnvelope, "a compat message");
});

test("a response opens only with its key and context; padding must be zeros", async () => {
  const key = new Uint8Array(32).fill(7);
  const msg = await env.sealResponse(key, ctx, new Uint8Array([1, 2, 3]), { pad: true });
  assert.equal(msg.length, env.SYMMETRIC_OVERHEAD + 256);
  assert.deepEqual([...(await env.openResponse(key, ctx, msg))], [1, 2, 3]);
  await code(env.openResponse(new Uint8Array(32), ctx, msg), Code.Tampered, "another key");
  await code(env.openResponse(key, { ...ctx, taskNonce: 1n }, msg), Code.Tampered, "another task");
  const m = msg.slice();
  m[m.length - 1] ^= 1;
  await code(env.openResponse(key, ctx, m), Code.Tampered, "tag altered");
  await code(env.openResponse(key, ctx, msg.subarray(0, env.SYMMETRIC_OVERHEAD + 3)), Code.BadEnvelope, "truncated");
  const sealedType = msg.slice();
  sealedType[5] = env.TYPE_SEALED;
  await code(env.openResponse(key, ctx, sealedType), Code.BadEnvelope, "sealed type");
  // Non-zero padding, authenticated: sealed by hand with WebCrypto.
  const nonce = new Uint8Array(12).fill(9);
  const header = new Uint8Array([...env.MAGIC, 2, 2, ...nonce]);
  const pt = new Uint8Array(260);
  pt.set([0, 0, 0, 1, 42], 0);
  pt[259] = 1;
  const k = await crypto.subtle.importKey("raw", key, "AES-GCM", false, ["encrypt"]);
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv: nonce, additionalData: new Uint8Array([...header, ...env.encodeContext(ctx)]) }, k, pt));
  await code(env.openResponse(key, ctx, new Uint8Array([...header, ...ct])), Code.BadEnvelope, "non-zero padding");
  const pt2 = new Uint8Array(8);
  pt2.set([0, 0, 0, 9], 0); // a length beyond the plaintext
  const ct2 = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv: nonce, additionalData: new Uint8Array([...header, ...env.encodeContext(ctx)]) }, k, pt2));
  await code(env.openResponse(key, ctx, new Uint8Array([...header, ...ct2])), Code.BadEnvelope, "length beyond the plaintext");
});

test("malformed keys, seeds, contexts and call payloads are InvalidInput", async () => {
  await code(env.sealRequest("00".repeat(100), ctx, new Uint8Array()), Code.InvalidInput, "short public key");
  await code(env.sealRequest("zz", ctx, new Uint8Array()), Code.InvalidInput, "hex");
  await code(env.openRequest("00".repeat(31), ctx, new Uint8Array(2000)), Code.BadEnvelope, "short seed, bad message first");
  await code(env.publicKeyFromSeed("00".repeat(31)), Code.InvalidInput, "short seed");
  await code(() => env.encodeContext({ ...ctx, sender: "0x1234" }), Code.InvalidInput, "short sender");
  await code(() => env.encodeContext({ ...ctx, taskNonce: 1n << 64n }), Code.InvalidInput, "nonce beyond u64");
  await code(() => env.encodeContext({ ...ctx, epoch: -1n }), Code.InvalidInput, "negative epoch");
  await code(() => env.decodeCall(new Uint8Array([0, 0, 0, 9, 1])), Code.InvalidInput, "function length beyond the payload");
  await code(() => env.decodeCall(new Uint8Array([0, 0])), Code.InvalidInput, "no function length");
});

test("arguments and return values", () => {
  assert.equal(hex(encodeArgs("add(uint256,uint256)", [76n, 17n])), "000000000000000000000000000000000000000000000000000000000000004c0000000000000000000000000000000000000000000000000000000000000011");
  assert.deepEqual(encodeArgs("f(bytes)", new RawArgs(new Uint8Array([1, 2]))), new Uint8Array([1, 2]));
  assert.deepEqual(decodeReturns("(uint256,bool)", unhex("00".repeat(31) + "05" + "00".repeat(31) + "01")), [5n, true]);
  assert.equal(String(decodeReturns(["address"], unhex("00".repeat(12) + "ab".repeat(20)))[0]).toLowerCase(), "0x" + "ab".repeat(20));
  const bad: [string, unknown[]][] = [["add(uint256,uint256)", [1n]], ["add(uint256)", [-1n]], ["not a signature", []], ["f(uint999)", [1n]], ["add(uint8)", [300n]]];
  for (const [sig, args] of bad) {
    assert.throws(() => encodeArgs(sig, args), (e: unknown) => e instanceof EnigmaError && e.code === Code.InvalidInput, sig);
  }
  assert.throws(() => decodeReturns("uint256", new Uint8Array(3)), (e: unknown) => e instanceof EnigmaError && e.code === Code.InvalidInput);
});

test("bigints go out as exact JSON numbers", async () => {
  let body = "";
  const gw = new GatewayClient("http://g", 1000, (async (_u: unknown, init?: RequestInit) => {
    body = String(init?.body);
    return new Response('{"jsonrpc":"2.0","id":1,"result":true}');
  }) as typeof fetch);
  await gw.call("m", { n: (1n << 64n) - 1n, s: "\u0000bigint0\u0000", a: [1n, undefined], o: { u: undefined } });
  assert.equal(body, '{"jsonrpc":"2.0","id":1,"method":"m","params":{"n":18446744073709551615,"s":"\\u0000bigint0\\u0000","a":[1,null],"o":{}}}');
});

function fakeFetch(answer: (body: { method: string }) => Response | Promise<Response>): typeof fetch {
  return (async (_url: unknown, init?: RequestInit) => answer(JSON.parse(String(init?.body)))) as typeof fetch;
}

test("the gateway client: codes of errors, unreachable and garbled answers", async () => {
  const rpcErr = (code: number, data?: unknown) => new Response(JSON.stringify({ jsonrpc: "2.0", id: 1, error: { code, message: "m", data } }));
  await code(new GatewayClient("http://g", 1000, fakeFetch(() => rpcErr(-32000, { code: 1205 }))).call("x", {}), Code.WrongEpoch, "data.code");
  await code(new GatewayClient("http://g", 1000, fakeFetch(() => rpcErr(-32000))).call("x", {}), Code.Unknown, "no data.code");
  await assert.rejects(new GatewayClient("http://g", 1000, fakeFetch(() => rpcErr(-32601))).call("x", {}), (e: unknown) => e instanceof NotSupportedError);
  await code(new GatewayClient("http://g", 1000, fakeFetch(() => new Response("<html>502</html>", { status: 502 }))).call("x", {}), Code.Unavailable, "not JSON");
  await code(new GatewayClient("http://g", 1000, fakeFetch(() => new Response("null"))).call("x", {}), Code.Unavailable, "JSON null");
  const down = new GatewayClient("http://g", 1000, (async () => { throw new TypeError("fetch failed"); }) as typeof fetch);
  await code(down.call("x", {}), Code.Unavailable, "unreachable");
  assert.equal(down.reached, false);
  const ok = new GatewayClient("http://g", 1000, fakeFetch((b) => new Response(JSON.stringify({ jsonrpc: "2.0", id: 1, result: { method: b.method } }))));
  assert.deepEqual(await ok.call("v2_x", {}), { method: "v2_x" });
  assert.equal(ok.reached, true);
});

test("a gateway call is bounded by its timeout and by the caller's signal", async () => {
  const hang = ((_u: unknown, init?: RequestInit) => new Promise((_r, reject) => init?.signal?.addEventListener("abort", () => reject(new Error("aborted"))))) as typeof fetch;
  await code(new GatewayClient("http://g", 50, hang).call("x", {}), Code.Unavailable, "timeout");
  const ctl = new AbortController();
  setTimeout(() => ctl.abort(new Error("user left")), 20);
  await code(new GatewayClient("http://g", 60_000, hang).call("x", {}, ctl.signal), Code.Timeout, "aborted");
});
