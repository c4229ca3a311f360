// Against a running devnet (ENIGMA_DEVNET_DIR, with the calculator's wasm
// at ENIGMA_WASM_DIR/calculator.wasm, as test/harness/run.mjs sets them):
// deploy the calculator, then add per task and batched, each result
// verified on chain and decrypted. Skipped without a devnet.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ChainStatus, TaskError, type EnigmaClient, type TaskStatus } from "@enigma-go/client";
import { connectDevnet } from "@enigma-go/client/node";

const dir = process.env.ENIGMA_DEVNET_DIR;
const wasmPath = join(process.env.ENIGMA_WASM_DIR ?? "", "calculator.wasm");
const skip = !dir ? "ENIGMA_DEVNET_DIR is not set" : !existsSync(wasmPath) ? `no ${wasmPath} (ENIGMA_WASM_DIR)` : false;

test("smoke: deploy the calculator, add per task and batched", { skip, timeout: 300_000 }, async () => {
  const client: EnigmaClient = await connectDevnet(dir, { accountIndex: 1, pollIntervalMs: 200 });
  try {
    const seen: string[] = [];
    const dep = await client.deploy(new Uint8Array(readFileSync(wasmPath)), "construct()");
    assert.equal(dep.contract, dep.id);
    const st = await dep.wait({ onProgress: (s: TaskStatus) => seen.push(s.text) });
    assert.equal(st.chain, ChainStatus.ReceiptVerified, st.text);
    const deployed = await dep.result();
    assert.ok(deployed.deployed);

    const perTask = await client.compute(dep.contract, "add(uint256,uint256)", [76n, 17n], { batched: false, returns: "uint256" });
    assert.ok(!perTask.batched && perTask.block > 0);
    const r1 = await perTask.result();
    assert.equal(r1.value, 93n);
    assert.equal(r1.status, ChainStatus.ReceiptVerified);

    const batched = await client.compute(dep.contract, "add(uint256,uint256)", [40n, 2n], { returns: "(uint256)" });
    assert.ok(batched.batched && batched.block === 0);
    const progress: string[] = [];
    await batched.wait({ onProgress: (s) => progress.push(s.batch ?? "") });
    assert.equal(progress.at(-1), "committed");
    const r2 = await batched.result();
    assert.equal(r2.value, 42n);
    assert.ok(r2.batched && r2.provedAt! >= r2.batchBlock! && r2.fee === BigInt(r2.usedGas) * batched.gasPx);

    // A division by zero fails in its batch: charged, its reason decrypted.
    const div = await client.compute(dep.contract, "div(uint256,uint256)", [1n, 0n]);
    await assert.rejects(div.result(), (e: unknown) => e instanceof TaskError && /division by zero/.test(e.reason));
  } finally {
    client.close();
  }
});
