// npm run vectors: requests, queries and responses sealed by this package
// to the worker key of the Go package's first v2 vector, and batched-task
// and query signatures, for internal/crypto/envelope/ts_vectors_test.go to
// open and check with the Go code. Writes testdata/ts-vectors.json, or the
// file after --out.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Wallet } from "ethers";
import * as env from "../src/envelope.js";
import { hexNo0x, randomBytes, readU64, toBytes, toFixed } from "../src/bytes.js";
import { devAccountKey } from "../src/node.js";
import { stringifyJSON } from "../src/json.js";

const here = dirname(fileURLToPath(import.meta.url));
// build/scripts or scripts: the package root holds package.json.
const root = [join(here, ".."), join(here, "..", "..")].find((d) => {
  try {
    return JSON.parse(readFileSync(join(d, "package.json"), "utf8")).name === "@enigma-go/client";
  } catch {
    return false;
  }
})!;
const repo = join(root, "..", "..");
const outArg = process.argv.indexOf("--out");
const out = outArg > 0 ? process.argv[outArg + 1] : join(root, "testdata", "ts-vectors.json");

const goVectors = JSON.parse(readFileSync(join(repo, "internal/crypto/envelope/testdata/v2-vectors.json"), "utf8"));
const worker = goVectors.requests[0];
const seed: string = worker.worker_seed;
const pub: string = worker.worker_public_key;

const chainId = 1337n;
const enigma = "0x00000000000000000000000000000000000e1967";
// Dev account 1 of the devnet's mnemonic.
const user = new Wallet(devAccountKey(1));
const sender = user.address;
const contract = "0x5c" + "00".repeat(31);
const codeHash = "0xc0de" + "00".repeat(30);
const code = new Uint8Array(2000).map((_, i) => (i * 7) & 0xff);
const u256 = (n: bigint) => n.toString(16).padStart(64, "0");
const abi = (...ns: bigint[]) => toBytes(ns.map(u256).join(""));
const addr = (a: env.Context["sender"]) => hexNo0x(toFixed(a, 20));
const b32 = (a: env.Context["secretContract"]) => hexNo0x(toFixed(a, 32));

interface Case { name: string; type: "request" | "query"; deploy?: boolean; pad: boolean; nonce: bigint; epoch: bigint; payload: Uint8Array; output: Uint8Array }
const big = (1n << 64n) - 12345n; // a batched task's random nonce beyond 2^53
const cases: Case[] = [
  { name: "compute, unpadded", type: "request", pad: false, nonce: 3n, epoch: 7n, payload: env.encodeCall("add(uint256,uint256)", abi(76n, 17n)), output: abi(93n) },
  { name: "compute, padded", type: "request", pad: true, nonce: 4n, epoch: 7n, payload: env.encodeCall("sub(uint256,uint256)", abi(76n, 17n)), output: abi(59n) },
  { name: "batched compute, 64-bit nonce", type: "request", pad: false, nonce: big, epoch: 7n, payload: env.encodeCall("mul(uint256,uint256)", abi(6n, 7n)), output: abi(42n) },
  { name: "deploy, unpadded", type: "request", deploy: true, pad: false, nonce: 0n, epoch: 7n, payload: env.encodeCall("construct()"), output: new Uint8Array() },
  { name: "deploy, padded, 3000-byte arguments", type: "request", deploy: true, pad: true, nonce: 1n, epoch: 7n,
    payload: env.encodeCall("construct(bytes)", new Uint8Array(3000).fill(0xab)), output: new TextEncoder().encode("failure: out of gas") },
  { name: "empty payload", type: "request", pad: false, nonce: 5n, epoch: 7n, payload: new Uint8Array(), output: new Uint8Array() },
  { name: "query, unpadded", type: "query", pad: false, nonce: 0n, epoch: 7n, payload: env.encodeCall("isHuman(address)", toBytes("00".repeat(12) + addr(sender))), output: abi(1n) },
  { name: "query, padded", type: "query", pad: true, nonce: 0n, epoch: 7n, payload: env.encodeCall("balanceOf()"), output: abi(1000n) },
];

const requests = [];
for (const c of cases) {
  if (c.type === "query") c.nonce = readU64(randomBytes(8), 0);
  const ctx: env.Context = {
    chainId, enigmaContract: enigma, epoch: c.epoch, sender, taskNonce: c.nonce,
    secretContract: c.deploy ? env.taskId(sender, c.nonce) : contract,
    codeHash: c.deploy ? env.keccak256(code) : codeHash,
  };
  const seal = c.type === "query" ? env.sealQuery : env.sealRequest;
  const { request, responseKey } = await seal(pub, ctx, c.payload, { pad: c.pad });
  const response = await env.sealResponse(responseKey, ctx, c.output, { pad: c.pad });
  requests.push({
    name: c.name, type: c.type, pad: c.pad,
    context: {
      chain_id: chainId, enigma_contract: addr(enigma), secret_contract: b32(ctx.secretContract),
      code_hash: b32(ctx.codeHash), epoch: c.epoch, sender: addr(sender), task_nonce: c.nonce,
      encoded: hexNo0x(env.encodeContext(ctx)),
    },
    payload: hexNo0x(c.payload), request: hexNo0x(request), inputs_hash: hexNo0x(env.inputsHash(request)),
    response_key: hexNo0x(responseKey), response_payload: hexNo0x(c.output), response: hexNo0x(response),
  });
}

// A batched task's hash, signed with the sender's key over the hash itself
// (r ‖ s ‖ v, v 27/28) and as an EIP-191 personal message (eth_sign).
const batchedReq = requests[2];
const taskIdBytes = env.batchedTaskId(sender, big);
const bHash = env.batchedTaskHash(chainId, enigma, contract, taskIdBytes, 7n, "0x" + batchedReq.inputs_hash, 1_000_000n, 1n);
const batched = [{
  chain_id: chainId, enigma: addr(enigma), contract: b32(contract), sender: addr(sender),
  nonce: big, task_id: hexNo0x(taskIdBytes), epoch: 7n, inputs_hash: batchedReq.inputs_hash, gas_limit: 1_000_000n, gas_px: 1n,
  hash: hexNo0x(bHash),
  signature: hexNo0x(toBytes(user.signingKey.sign(bHash).serialized)),
  personal_signature: hexNo0x(toBytes(await user.signMessage(bHash))),
}];

// A query's EIP-712 signature (eth_signTypedData_v4).
const queries = [];
for (const r of requests.filter((r) => r.type === "query")) {
  const expiry = 1_900_000_000n;
  const td = env.secretQueryTypedData(chainId, enigma, contract, toBytes("0x" + r.request), expiry);
  queries.push({
    name: r.name, chain_id: chainId, enigma: addr(enigma), contract: b32(contract),
    request_hash: hexNo0x(env.keccak256(toBytes("0x" + r.request))), expiry,
    digest: hexNo0x(env.secretQueryDigest(chainId, enigma, contract, toBytes("0x" + r.request), expiry)),
    caller: addr(sender),
    signature: hexNo0x(toBytes(await user.signTypedData(td.domain, td.types, td.message))),
  });
}

const doc = {
  comment: "envelope v2 messages sealed by @enigma-go/client (clients/ts, npm run vectors) to the worker key of v2-vectors.json's first request; opened by internal/crypto/envelope/ts_vectors_test.go. All byte strings are hex.",
  worker_seed: seed, worker_public_key: pub, requests, batched, queries,
};
writeFileSync(out, stringifyJSON(doc, 1) + "\n");
console.log(`wrote ${requests.length} requests, ${batched.length} batched signature, ${queries.length} query signatures to ${out}`);
