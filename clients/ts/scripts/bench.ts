// npm run bench [-- --json] [-- --quick]: the client's per-task costs in
// this runtime, the same operations as Go's benchmarks
// (internal/crypto/envelope BenchmarkSealRequest, BenchmarkOpenRequest,
// BenchmarkSealResponse; internal/selection BenchmarkSelectOne100Workers):
// seal a request, open one (the worker's side), open a response, hash and
// sign a batched task, check a Merkle proof, select among 100 workers.
import { Wallet } from "ethers";
import * as env from "../src/envelope.js";
import { selectOne } from "../src/selection.js";

const json = process.argv.includes("--json");
const quick = process.argv.includes("--quick");

async function measure(name: string, n: number, f: (i: number) => unknown): Promise<{ name: string; n: number; us_per_op: number }> {
  for (let i = 0; i < Math.min(20, n); i++) await f(i); // warm up
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await f(i);
  return { name, n, us_per_op: ((performance.now() - t0) * 1000) / n };
}

const seed = "9c7d2056b4b52022a511baa5d6bc06268a95269b9d9a5f05621497232c5b8e28";
const pub = await env.publicKeyFromSeed(seed);
const ctx: env.Context = { chainId: 1337n, enigmaContract: "0x" + "0e".repeat(20), secretContract: "0x" + "5c".repeat(32), codeHash: "0x" + "c0".repeat(32),
  epoch: 7n, sender: "0x" + "ab".repeat(20), taskNonce: 42n };
const payload = env.encodeCall("add(uint256,uint256)", new Uint8Array(64));
const sealed = await env.sealRequest(pub, ctx, payload);
const response = await env.sealResponse(sealed.responseKey, ctx, new Uint8Array(32), { pad: true });
const wallet = Wallet.createRandom();
const leaves = Array.from({ length: 256 }, (_, i) => ({ taskId: env.keccak256(new Uint8Array([i])), inputsHash: env.keccak256(new Uint8Array([1, i])),
  outputHash: env.keccak256(new Uint8Array([2, i])), deltaHash: new Uint8Array(32), gasUsed: 20_000n + BigInt(i), fee: 20_000n, failed: false }));
const tree = env.merkleTree(leaves);
const params = { firstBlock: 1n, seed: 12345n, workers: Array.from({ length: 100 }, (_, i) => "0x" + i.toString(16).padStart(2, "0") + "00".repeat(19)),
  stakes: Array.from({ length: 100 }, (_, i) => BigInt(1e9 + i)) };
const n = quick ? 20 : 200;

const rows = [
  await measure("seal request (X-Wing HPKE, 88-byte call)", n, () => env.sealRequest(pub, ctx, payload)),
  await measure("open request (worker side)", n, () => env.openRequest(seed, ctx, sealed.request)),
  await measure("open response (AES-256-GCM, padded)", n * 5, () => env.openResponse(sealed.responseKey, ctx, response)),
  await measure("inputs hash + batched task hash + sign", n, () => {
    const h = env.batchedTaskHash(1337n, "0x" + "0e".repeat(20), "0x" + "5c".repeat(32), env.batchedTaskId(wallet.address, 7n), 7n,
      env.inputsHash(sealed.request), 1_000_000n, 1n);
    return wallet.signingKey.sign(h);
  }),
  await measure("verify a Merkle proof (batch of 256)", n * 5, (i) => env.verifyProof(tree.root, leaves[i % 256], tree.proofs[i % 256])),
  await measure("select among 100 workers", n * 5, (i) => selectOne(params, env.keccak256(new Uint8Array([i & 0xff, i >> 8])))),
];

if (json) {
  console.log(JSON.stringify({ runtime: `node ${process.version}`, rows }, null, 1));
} else {
  console.log(`@enigma-go/client on node ${process.version}`);
  for (const r of rows) console.log(`${r.name.padEnd(44)} ${r.us_per_op.toFixed(1).padStart(9)} µs/op  (${r.n} ops)`);
}
