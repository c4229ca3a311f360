// The TypeScript hashes, signatures, Merkle proofs and worker selection
// against the Go code's values (testdata/go-vectors.json, written by
// internal/crypto/envelope's TestGoVectorsForTS).
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { SigningKey, getAddress } from "ethers";
import * as env from "@enigma-go/client/envelope";
import { selectOne, selectWorkers, EnigmaError } from "@enigma-go/client";
import { hex, pkgRoot, readJSON, unhex } from "./paths.js";

interface Leaf { task_id: string; inputs_hash: string; output_hash: string; delta_hash: string; gas_used: string; fee: string; failed: boolean }
interface GoVectors {
  hash_parts: { parts: string[]; hash: string }[];
  task_ids: { sender: string; nonce: string; id: string }[];
  batched_tasks: { chain_id: string; enigma: string; contract: string; sender: string; nonce: string; task_id: string; epoch: string; inputs_hash: string; gas_limit: string; gas_px: string; hash: string; key: string; signature: string }[];
  worker_keys: { chain_id: string; enigma: string; epoch: string; public_key: string; hash: string; signer: string; signature: string }[];
  merkle: { leaves: Leaf[]; leaf_hashes: string[]; root: string; proofs: string[][] }[];
  selection: { name: string; first_block: string; seed: string; workers: string[]; stakes: string[]; picks: { contract: string; worker: string; group3?: string[] }[] }[];
  secret_queries: { chain_id: string; enigma: string; contract: string; request_hash: string; expiry: string; digest: string }[];
  bucket_sizes: { n: number; size: number }[];
  contexts: { chain_id: string; enigma_contract: string; secret_contract: string; code_hash: string; epoch: string; sender: string; task_nonce: string; encoded: string }[];
}

const v = readJSON<GoVectors>(join(pkgRoot, "testdata", "go-vectors.json"));

const leafOf = (l: Leaf): env.BatchLeaf => ({ taskId: l.task_id, inputsHash: l.inputs_hash, outputHash: l.output_hash, deltaHash: l.delta_hash,
  gasUsed: BigInt(l.gas_used), fee: BigInt(l.fee), failed: l.failed });

test("HashParts", () => {
  assert.ok(v.hash_parts.length >= 4);
  for (const h of v.hash_parts) assert.equal(hex(env.hashParts(...h.parts.map(unhex))), h.hash);
});

test("per-task task ids (keccak256(sender ‖ uint256 nonce))", () => {
  for (const t of v.task_ids) assert.equal(hex(env.taskId(t.sender, BigInt(t.nonce))), t.id);
});

test("batched task id, hash and the sender's signature over it", () => {
  assert.ok(v.batched_tasks.some((b) => BigInt(b.nonce) > BigInt(Number.MAX_SAFE_INTEGER)), "a nonce beyond 2^53");
  for (const b of v.batched_tasks) {
    const id = env.batchedTaskId(b.sender, BigInt(b.nonce));
    assert.equal(hex(id), b.task_id);
    const h = env.batchedTaskHash(BigInt(b.chain_id), b.enigma, b.contract, id, BigInt(b.epoch), b.inputs_hash, BigInt(b.gas_limit), BigInt(b.gas_px));
    assert.equal(hex(h), b.hash);
    // Both sign with RFC 6979 nonces and low s: the same bytes.
    assert.equal(hex(unhex(new SigningKey("0x" + b.key).sign(h).serialized)), b.signature);
    assert.equal(env.recoverSigner(h, b.signature), getAddress("0x" + b.sender));
  }
});

test("worker key hash and its signature (v2_getEpochKey)", () => {
  for (const w of v.worker_keys) {
    const h = env.workerKeyHash(BigInt(w.chain_id), w.enigma, BigInt(w.epoch), w.public_key);
    assert.equal(hex(h), w.hash);
    env.verifyWorkerKey("0x" + w.signer, BigInt(w.chain_id), w.enigma, BigInt(w.epoch), w.public_key, w.signature);
    // v as 0/1 is accepted as 27/28.
    const sig = unhex(w.signature);
    sig[64] -= 27;
    env.verifyWorkerKey("0x" + w.signer, BigInt(w.chain_id), w.enigma, BigInt(w.epoch), w.public_key, sig);
  }
});

test("a worker key signed by another worker, for another epoch or chain, or malformed, is BadSignature", () => {
  const w = v.worker_keys[0];
  const bad = (f: () => void) => assert.throws(f, (e: unknown) => e instanceof EnigmaError && e.code === 1202);
  const other = "0x" + "11".repeat(20);
  bad(() => env.verifyWorkerKey(other, BigInt(w.chain_id), w.enigma, BigInt(w.epoch), w.public_key, w.signature));
  bad(() => env.verifyWorkerKey("0x" + w.signer, BigInt(w.chain_id), w.enigma, BigInt(w.epoch) + 1n, w.public_key, w.signature));
  bad(() => env.verifyWorkerKey("0x" + w.signer, BigInt(w.chain_id) + 1n, w.enigma, BigInt(w.epoch), w.public_key, w.signature));
  const pk = unhex(w.public_key);
  pk[100] ^= 1;
  bad(() => env.verifyWorkerKey("0x" + w.signer, BigInt(w.chain_id), w.enigma, BigInt(w.epoch), pk, w.signature));
  bad(() => env.verifyWorkerKey("0x" + w.signer, BigInt(w.chain_id), w.enigma, BigInt(w.epoch), w.public_key, w.signature.slice(0, 128)));
  const v5 = unhex(w.signature);
  v5[64] = 5;
  bad(() => env.verifyWorkerKey("0x" + w.signer, BigInt(w.chain_id), w.enigma, BigInt(w.epoch), w.public_key, v5));
  bad(() => env.verifyWorkerKey("0x" + w.signer, BigInt(w.chain_id), w.enigma, BigInt(w.epoch), w.public_key, "zz"));
});

test("Merkle leaves, roots and proofs of batches of 1 to 13 tasks", () => {
  for (const m of v.merkle) {
    const leaves = m.leaves.map(leafOf);
    assert.deepEqual(leaves.map((l) => hex(env.leafHash(l))), m.leaf_hashes);
    const tree = env.merkleTree(leaves);
    assert.equal(hex(tree.root), m.root);
    assert.deepEqual(tree.proofs.map((p) => p.map(hex)), m.proofs);
    leaves.forEach((l, i) => assert.ok(env.verifyProof(m.root, l, m.proofs[i]), `task ${i} of ${leaves.length}`));
  }
});

test("a proof does not hold for an altered leaf, proof or root", () => {
  const m = v.merkle.find((x) => x.leaves.length === 5)!;
  const leaf = leafOf(m.leaves[2]);
  const proof = m.proofs[2];
  assert.ok(env.verifyProof(m.root, leaf, proof));
  const alter: [string, env.BatchLeaf][] = [
    ["failed flipped", { ...leaf, failed: !leaf.failed }],
    ["fee + 1", { ...leaf, fee: BigInt(leaf.fee) + 1n }],
    ["gas + 1", { ...leaf, gasUsed: BigInt(leaf.gasUsed) + 1n }],
    ["another output hash", { ...leaf, outputHash: "ff".repeat(32) }],
    ["another inputs hash", { ...leaf, inputsHash: "ff".repeat(32) }],
    ["another delta", { ...leaf, deltaHash: "ff".repeat(32) }],
    ["another task", { ...leaf, taskId: "ff".repeat(32) }],
  ];
  for (const [name, l] of alter) assert.ok(!env.verifyProof(m.root, l, proof), name);
  assert.ok(!env.verifyProof(m.root, leaf, proof.slice(0, -1)), "a node dropped");
  assert.ok(!env.verifyProof(m.root, leaf, [...proof, proof[0]]), "a node added");
  assert.ok(!env.verifyProof(m.root, leaf, [...proof].reverse()), "nodes reordered");
  assert.ok(!env.verifyProof(m.root, leafOf(m.leaves[3]), proof), "another task's proof");
  assert.ok(!env.verifyProof("00".repeat(32), leaf, proof), "the zero root");
  assert.throws(() => env.verifyProof(m.root, leaf, ["abcd"]), (e: unknown) => e instanceof EnigmaError && e.code === 1100);
});

test("worker selection picks what internal/selection picks", () => {
  let n = 0;
  for (const s of v.selection) {
    const p = { firstBlock: BigInt(s.first_block), seed: BigInt(s.seed), workers: s.workers.map((w) => "0x" + w), stakes: s.stakes.map(BigInt) };
    for (const pk of s.picks) {
      assert.equal(selectOne(p, pk.contract).toLowerCase(), "0x" + pk.worker, `${s.name}: ${pk.contract}`);
      if (pk.group3) assert.deepEqual(selectWorkers(p, pk.contract, 3).map((w) => w.toLowerCase().slice(2)), pk.group3, s.name);
      n++;
    }
  }
  assert.ok(n >= 40);
});

test("selection refuses what it cannot select from", () => {
  const bad = (f: () => void, code: number) => assert.throws(f, (e: unknown) => e instanceof EnigmaError && e.code === code);
  const sc = "0x" + "ab".repeat(32);
  bad(() => selectOne({ firstBlock: 1, seed: 1n, workers: [], stakes: [] }, sc), 1103);
  bad(() => selectOne({ firstBlock: 1, seed: 1n, workers: ["0x" + "11".repeat(20)], stakes: [0n] }, sc), 1103);
  bad(() => selectOne({ firstBlock: 1, seed: 1n, workers: ["0x" + "11".repeat(20)], stakes: [] }, sc), 1100);
  bad(() => selectOne({ firstBlock: 1, seed: 1n, workers: ["0x" + "11".repeat(20)], stakes: [-1n] }, sc), 1100);
  bad(() => selectOne({ firstBlock: 1, seed: 1n, workers: ["0x" + "11".repeat(20)], stakes: [1n] }, "0x1234"), 1100);
  // Two workers, one without stake: a group of 2 can never fill; bounded.
  bad(() => selectWorkers({ firstBlock: 1, seed: 1n, workers: ["0x" + "11".repeat(20), "0x" + "22".repeat(20)], stakes: [1n, 0n] }, sc, 2), 1100);
});

test("EIP-712 digest of a secret query equals go-ethereum's", () => {
  for (const q of v.secret_queries) {
    const td = env.secretQueryTypedData(BigInt(q.chain_id), "0x" + q.enigma, q.contract, new Uint8Array(), BigInt(q.expiry));
    td.message.request = "0x" + q.request_hash;
    const { TypedDataEncoder } = ethersMod;
    assert.equal(TypedDataEncoder.hash(td.domain, td.types, td.message).slice(2), q.digest);
  }
});

test("padding buckets and context encodings", () => {
  for (const b of v.bucket_sizes) assert.equal(env.bucketSize(b.n), b.size, `bucket of ${b.n}`);
  for (const c of v.contexts) {
    const enc = env.encodeContext({ chainId: BigInt(c.chain_id), enigmaContract: c.enigma_contract, secretContract: c.secret_contract,
      codeHash: c.code_hash, epoch: BigInt(c.epoch), sender: c.sender, taskNonce: BigInt(c.task_nonce) });
    assert.equal(hex(enc), c.encoded);
  }
});

import * as ethersMod from "ethers";
