// Credit score (examples/creditscore) through the TypeScript client on the
// batched path: applicants submit secret financial data in one batch and
// read their own score; a lender learns one bool per consent, once. Then
// the client's defences against a hostile gateway: an altered output,
// proof or worker key is refused, and a refusal for the epoch is sealed
// again under a new nonce.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { keccak256 } from "ethers";
import { ChainStatus, Code, EnigmaError, TaskError, type EnigmaClient, type Task } from "@enigma-go/client";
import { Account, GatewayTap, STEP, connect, deploy, flipHex, random32, rpcError } from "../harness/env.js";

const SUBMIT = "submit(bytes32,uint256,uint256,uint256,uint256)";

/** The contract's model (examples/creditscore score()), for the expected values. */
function score(income: number, debt: number, late: number, years: number): number {
  let s = 300 + Math.min(years, 10) * 15;
  if (income > 0) s += 400 - 4 * Math.floor((Math.min(debt, income) * 100) / income);
  s -= Math.min(late, 10) * 60;
  return Math.max(300, Math.min(850, s));
}

describe("credit score, batched", () => {
  let client: EnigmaClient;
  let contract: string;
  const applicants = [
    { token: random32(), income: 50_000, debt: 10_000, late: 1, years: 4 }, // 620
    { token: random32(), income: 120_000, debt: 6_000, late: 0, years: 12 }, // 830
    { token: random32(), income: 30_000, debt: 45_000, late: 4, years: 1 }, // 300 (clamped)
  ];

  before(async () => {
    client = await connect(Account.creditscore);
  });
  after(() => client?.close());

  it("deploys the contract", STEP, async () => {
    const { task: dep, status: st } = await deploy(client, "creditscore", "construct()");
    assert.equal(dep.deploy, true);
    assert.equal(dep.contract, dep.id);
    assert.equal(st.chain, ChainStatus.ReceiptVerified, st.text);
    const r = await dep.result();
    assert.equal(r.deployed, true);
    contract = dep.contract;
  });

  it("scores three applicants sent together, each result proved against its batch root", STEP, async () => {
    assert.ok(contract, "the deploy step failed");
    const tasks = await Promise.all(applicants.map((a) =>
      client.compute(contract, SUBMIT, [a.token, a.income, a.debt, a.late, a.years], { returns: "uint256" })));
    for (const t of tasks) assert.equal(t.batched, true, "a compute task took the per-task path by default");
    assert.equal(new Set(tasks.map((t) => t.id)).size, tasks.length, "two tasks share an id");
    const results = await Promise.all(tasks.map((t) => t.result()));
    results.forEach((r, i) => {
      const a = applicants[i];
      assert.equal(r.status, ChainStatus.ReceiptVerified);
      assert.equal(r.batched, true);
      assert.equal(r.value, BigInt(score(a.income, a.debt, a.late, a.years)), `applicant ${i}`);
      assert.ok(r.batchIndex !== undefined && r.provedAt !== undefined && r.provedAt >= (r.batchBlock ?? 0),
        `applicant ${i}: not proved against a batch root (${JSON.stringify({ b: r.batchIndex, at: r.provedAt, block: r.batchBlock })})`);
      assert.equal(r.fee, BigInt(r.usedGas) * tasks[i].gasPx, "fee is not gas used × gas price");
    });
    assert.deepEqual(results.map((r) => Number(r.value)), [620, 830, 300]);
  });

  it("answers a lender one bool per consent, and refuses the consent's reuse", STEP, async () => {
    assert.ok(contract, "the deploy step failed");
    const [good, poor] = [applicants[1], applicants[2]];
    const consents = [random32(), random32()];
    // Both consents in one batch, then both questions: the lane runs a
    // contract's tasks in the order they were sent.
    const given = await Promise.all([
      client.compute(contract, "consent(bytes32,bytes32)", [good.token, keccak256(consents[0])]),
      client.compute(contract, "consent(bytes32,bytes32)", [poor.token, keccak256(consents[1])]),
    ]);
    await Promise.all(given.map((t) => t.result()));
    const asked = [
      await client.compute(contract, "qualifies(bytes32,uint256)", [consents[0], 700], { returns: "bool" }),
      await client.compute(contract, "qualifies(bytes32,uint256)", [consents[1], 700], { returns: "bool" }),
      await client.compute(contract, "qualifies(bytes32,uint256)", [consents[0], 500], { returns: "bool" }),
    ];
    assert.equal((await asked[0].result()).value, true);
    assert.equal((await asked[1].result()).value, false);
    // A consent works once: the lender cannot binary-search the score.
    await assert.rejects(asked[2].result(), (err: unknown) => {
      assert.ok(err instanceof TaskError, String(err));
      assert.match(err.reason, /used already/);
      assert.equal(err.status, ChainStatus.ReceiptFailed, "a contract failure in a batch is committed as failed (and charged)");
      return true;
    });
  });

  it("refuses a consent for an applicant who never submitted", STEP, async () => {
    assert.ok(contract, "the deploy step failed");
    const t = await client.compute(contract, "consent(bytes32,bytes32)", [random32(), keccak256(random32())]);
    await assert.rejects(t.result(), (err: unknown) => err instanceof TaskError && /submit a profile/.test(err.reason));
  });

  describe("against a hostile gateway", () => {
    let tap: GatewayTap;
    let tapped: EnigmaClient;
    before(async () => {
      tap = new GatewayTap();
      tapped = await connect(Account.creditscore, { fetch: tap.fetch });
    });
    after(() => tapped?.close());

    async function submitted(): Promise<Task> {
      const a = applicants[0];
      return tapped.compute(contract, SUBMIT, [random32(), a.income, a.debt, a.late, a.years], { returns: "uint256" });
    }

    it("refuses an altered output", STEP, async () => {
      assert.ok(contract, "the deploy step failed");
      tap.clear().rewrite("v2_getBatchedTask", (r) => (r.output ? { ...r, output: flipHex(r.output) } : r));
      const t = await submitted();
      await assert.rejects(t.result(), (err: unknown) => err instanceof EnigmaError && err.code === Code.Tampered);
      tap.clear();
      // The same task read honestly is fine: nothing was wrong but the report.
      assert.equal((await t.result()).value, 620n);
    });

    it("refuses an altered inclusion proof", STEP, async () => {
      assert.ok(contract, "the deploy step failed");
      tap.clear().rewrite("v2_getBatchedTask", (r) => {
        if (r.status !== "committed") return r;
        // A batch of one task has an empty proof: alter the root then.
        return r.proof?.length ? { ...r, proof: [flipHex(r.proof[0]), ...r.proof.slice(1)] } : { ...r, root: flipHex(r.root) };
      });
      const t = await submitted();
      await assert.rejects(t.result(), (err: unknown) => err instanceof EnigmaError && err.code === Code.Tampered);
      tap.clear();
    });

    it("refuses a worker key its worker did not sign, before anything is sent", STEP, async () => {
      assert.ok(contract, "the deploy step failed");
      // A client of its own: the tapped one holds this epoch's keys already.
      const keyTap = new GatewayTap().rewrite("v2_getEpochKey", (r) => ({ ...r, publicKey: flipHex(r.publicKey) }));
      const fresh = await connect(Account.creditscore, { fetch: keyTap.fetch });
      try {
        const a = applicants[0];
        await assert.rejects(fresh.compute(contract, SUBMIT, [random32(), a.income, a.debt, a.late, a.years]), (err: unknown) =>
          err instanceof EnigmaError && (err.code === Code.Tampered || err.code === Code.BadSignature));
      } finally {
        fresh.close();
      }
      assert.ok(keyTap.of("v2_getEpochKey").length > 0, "the client asked for no worker key");
      assert.equal(keyTap.of("v2_sendBatchedTask").length, 0, "a task sealed to an unsigned key was sent");
    });

    it("seals a task refused for its epoch again, under a new nonce", STEP, async () => {
      assert.ok(contract, "the deploy step failed");
      let refused = false;
      tap.clear().answer("v2_sendBatchedTask", () => {
        if (refused) return undefined;
        refused = true;
        return { error: rpcError(Code.WrongEpoch, "worker: the request is sealed to an epoch this worker holds no key for") };
      });
      const t = await submitted();
      tap.clear();
      const sends = tap.of("v2_sendBatchedTask").slice(-2);
      assert.equal(sends.length, 2);
      assert.ok(sends[0].error, "the first send was not refused");
      assert.notEqual(sends[0].params.taskId, sends[1].params.taskId, "the task was sent again under the same id");
      assert.notEqual(sends[0].params.request, sends[1].params.request, "the task was not sealed again");
      assert.equal(t.id.replace(/^0x/, ""), sends[1].params.taskId.replace(/^0x/, ""));
      assert.equal((await t.result()).value, 620n);
    });
  });
});
