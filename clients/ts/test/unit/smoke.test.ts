// Against a running devnet (ENIGMA_DEVNET_DIR, with the calculator's wasm
// at ENIGMA_WASM_DIR/calculator.wasm, as test/harness/run.mjs sets them):
// deploy the calculator, then add per task and batched, each result
// verified on chain and decrypted. Skipped without a devnet.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ChainStatus, Code, EnigmaError, TaskError, type EnigmaClient, type TaskStatus } from "@enigma-go/client";
import { connect } from "@enigma-go/client";
import { connectDevnet, devAccountKey, loadAddresses } from "@enigma-go/client/node";
import { Wallet } from "ethers";

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

/**
 * A fetch for the client's gateway calls that forwards each request as it
 * is (its bytes: a 64-bit nonce must not pass through a JS number) and lets
 * the test rewrite a method's result.
 */
class Tap {
  rewrite: Record<string, (r: Record<string, unknown>) => unknown> = {};
  readonly fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const method = (JSON.parse(String(init?.body)) as { method: string }).method;
    const resp = await fetch(input, init);
    const f = this.rewrite[method];
    if (!f) return resp;
    const reply = (await resp.json()) as { result?: Record<string, unknown> };
    if (reply.result) reply.result = f(reply.result) as Record<string, unknown>;
    return new Response(JSON.stringify(reply), { status: resp.status, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
}

const flip = (h: unknown, at = 0) => {
  const s = String(h);
  const i = Math.min(at, s.length - 1);
  return s.slice(0, i) + (s[i] === "0" ? "1" : "0") + s.slice(i + 1);
};

test("smoke: a gateway that alters a batched or per-task result, or a worker key, is caught", { skip, timeout: 300_000 }, async () => {
  const tap = new Tap();
  const client = await connectDevnet(dir, { accountIndex: 1, pollIntervalMs: 200, fetch: tap.fetch });
  try {
    const dep = await client.deploy(new Uint8Array(readFileSync(wasmPath)), "construct()");
    await dep.wait();
    const t = await client.compute(dep.contract, "mul(uint256,uint256)", [6n, 7n], { returns: "uint256" });
    await t.wait();
    const alterations: [string, (r: Record<string, unknown>) => unknown][] = [
      ["output", (r) => ({ ...r, output: flip(r.output, 40) })],
      ["output and its hash", (r) => ({ ...r, output: flip(r.output, 40), outputHash: "ab".repeat(32) })],
      ["proof", (r) => ({ ...r, proof: [...(r.proof as string[]), "cd".repeat(32)] })],
      ["batch index", (r) => ({ ...r, batchIndex: (r.batchIndex as number) + 1 })],
      ["fee", (r) => ({ ...r, fee: String(BigInt(r.fee as string) + 1n) })],
      ["gas and fee", (r) => ({ ...r, gasUsed: (r.gasUsed as number) + 1, fee: String(BigInt(r.fee as string) + t.gasPx) })],
      ["gas above the limit", (r) => ({ ...r, gasUsed: Number(t.gasLimit) + 1, fee: String((t.gasLimit + 1n) * t.gasPx) })],
      ["root", (r) => ({ ...r, root: flip(r.root) })],
      ["delta", (r) => ({ ...r, deltaHash: flip(r.deltaHash) })],
      ["inputs hash", (r) => ({ ...r, inputsHash: flip(r.inputsHash) })],
      ["task id", (r) => ({ ...r, taskId: flip(r.taskId) })],
      ["contract", (r) => ({ ...r, contract: flip(r.contract) })],
      ["failed flag", (r) => ({ ...r, taskFailed: !r.taskFailed })],
      ["fee not a number", (r) => ({ ...r, fee: "1e3" })],
    ];
    for (const [name, f] of alterations) {
      tap.rewrite = { v2_getBatchedTask: f };
      await assert.rejects(t.result(), (e: unknown) => e instanceof EnigmaError && e.code === Code.Tampered, name);
    }
    tap.rewrite = {};
    assert.equal((await t.result()).value, 42n);

    // A per-task output altered: its hash is not the receipt's.
    const p = await client.compute(dep.contract, "mul(uint256,uint256)", [6n, 7n], { batched: false, returns: "uint256" });
    await p.wait();
    tap.rewrite = { getTaskResult: (r) => ({ ...r, result: { ...(r.result as Record<string, unknown>), output: flip((r.result as Record<string, unknown>).output, 60) } }) };
    await assert.rejects(p.result(), (e: unknown) => e instanceof EnigmaError && e.code === Code.Tampered);
    tap.rewrite = {};
    assert.equal((await p.result()).value, 42n);

    // A worker key signed by nobody is refused before anything is paid.
    const before = await client.balance();
    tap.rewrite = { v2_getEpochKey: (r) => ({ ...r, signature: flip(r.signature, 10) }) };
    await assert.rejects(client.compute(dep.contract, "add(uint256,uint256)", [1n, 2n], { batched: false }),
      (e: unknown) => e instanceof EnigmaError && e.code === Code.BadSignature);
    tap.rewrite = { v2_getEpochKey: (r) => ({ ...r, epoch: (r.epoch as number) + 1 }) };
    await assert.rejects(client.compute(dep.contract, "add(uint256,uint256)", [1n, 2n], { batched: false }),
      (e: unknown) => e instanceof EnigmaError && e.code === Code.WrongEpoch);
    tap.rewrite = {};
    const after = await client.balance();
    assert.equal(after.tokens, before.tokens, "nothing was paid");
  } finally {
    client.close();
  }
});

test("smoke: an EIP-1193 provider and an account the node holds (an EIP-191 signature by the node, no key in the client)", { skip, timeout: 300_000 }, async () => {
  const a = await loadAddresses(dir!);
  let id = 0;
  const calls: string[] = [];
  // A wallet-like provider: every request goes to the node as it is.
  const provider = {
    async request({ method, params }: { method: string; params?: unknown }) {
      calls.push(method);
      const r = await fetch(a.eth_node, { method: "POST", headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: ++id, method, params: params ?? [] }) });
      const j = (await r.json()) as { result?: unknown; error?: { code: number; message: string } };
      if (j.error) throw Object.assign(new Error(j.error.message), { code: j.error.code });
      return j.result;
    },
  };
  const account = new Wallet(devAccountKey(8)).address;
  const client = await connect({ provider, account, gatewayUrl: a.proxy, enigmaAddress: a.contract, pollIntervalMs: 200 });
  try {
    assert.equal(client.address, account);
    assert.equal(client.tokenAddress.toLowerCase(), a.token.toLowerCase(), "the token read from the Enigma contract");
    const dep = await client.deploy(new Uint8Array(readFileSync(wasmPath)), "construct()");
    await dep.wait();
    const t = await client.compute(dep.contract, "add(uint256,uint256)", [2n, 3n], { returns: "uint256" });
    assert.equal((await t.result()).value, 5n);
    // personal_sign, or eth_sign on a node without the personal module (the devnet's chain).
    assert.ok(calls.includes("personal_sign") || calls.includes("eth_sign"), `the batched task was signed by the node: ${[...new Set(calls)].join(" ")}`);
    assert.ok(calls.includes("eth_sendTransaction"));
  } finally {
    client.close();
  }
});
