// The browser bundle (dist/enigma.browser.js) defines the global Enigma
// with the package's exports, and seals and opens in a page's globals.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { pkgRoot, readJSON, repoRoot, unhex, hex } from "./paths.js";

test("the bundle defines Enigma.connect, the codes and the envelope, and needs no Node module", async () => {
  const src = readFileSync(join(pkgRoot, "dist", "enigma.browser.js"), "utf8");
  assert.ok(!/\brequire\(["']node:|from ["']node:/.test(src), "the bundle refers to a Node module");
  // A page's globals only: no process, Buffer or require.
  const page: Record<string, unknown> = {
    crypto: globalThis.crypto, TextEncoder, TextDecoder, fetch: globalThis.fetch, Blob, Response, CompressionStream, btoa, atob,
    setTimeout, clearTimeout, AbortController, URL, console,
    // WebCrypto here is this realm's: hand the bundle this realm's buffers (a page has one realm).
    ArrayBuffer, Uint8Array, Uint16Array, Uint32Array, Int8Array, Int16Array, Int32Array, BigInt64Array, BigUint64Array, DataView,
  };
  page.window = page;
  page.self = page;
  page.globalThis = page;
  vm.createContext(page);
  vm.runInContext(src, page);
  const E = page.Enigma as Record<string, any>;
  assert.equal(typeof E.connect, "function");
  assert.equal(typeof E.Enigma.connect, "function");
  assert.equal(E.Code.Tampered, 1201);
  assert.equal(E.ethers.keccak256("0x"), "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470", "ethers for the page");
  const v = readJSON<{ requests: { worker_seed: string; context: Record<string, string | number>; request: string; payload: string; response_key: string }[] }>(
    join(repoRoot, "internal/crypto/envelope/testdata/v2-vectors.json")).requests[0];
  const c = v.context;
  const ctx = { chainId: BigInt(c.chain_id), enigmaContract: c.enigma_contract, secretContract: c.secret_contract, codeHash: c.code_hash,
    epoch: BigInt(c.epoch), sender: c.sender, taskNonce: BigInt(c.task_nonce) };
  const opened = await E.envelope.openRequest(v.worker_seed, ctx, unhex(v.request));
  assert.equal(hex(opened.payload), v.payload);
  assert.equal(hex(opened.responseKey), v.response_key);
});
