// Sybil prevention (examples/sybil) through the TypeScript client: seeds
// and applicants register with secret attribute digests (batched tasks),
// verified humans vouch for others having witnessed one of their
// attributes, and anyone asks isUniqueHuman(address) as a secret query: no
// transaction, signed by the caller (EIP-712), answered sealed to them.
// Then a query's hostile cases: replayed, expired, from a forged caller,
// with an altered answer, or naming a function that is not a query.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Wallet, concat, keccak256, toUtf8Bytes } from "ethers";
import { ChainStatus, Code, EnigmaError, TaskError, type EnigmaClient } from "@enigma-go/client";
import { Account, GatewayTap, STEP, chain, connect, deploy, flipHex, gatewayCall, random32, repoRoot } from "../harness/env.js";

const IS_HUMAN = "isUniqueHuman(address)";
const REGISTER = "register(address,bytes32,bytes32[])";
const VOUCH = "vouch(address,bytes32,address,bytes32)";

/** The contract's AttributeDigest: keccak256(kind ‖ 0 ‖ value). */
const digest = (kind: string, value: string) => keccak256(concat([toUtf8Bytes(kind), new Uint8Array([0]), toUtf8Bytes(value)]));

/** A person: an Ethereum address of their own, the secret that proves it, their attributes. */
function person(id: string) {
  return { addr: Wallet.createRandom().address, secret: random32(), govId: digest("gov-id", `CH:${id}`), phone: digest("phone", `+4144555${id}`) };
}

const present = existsSync(join(repoRoot(), "examples", "sybil", "main.go"));

describe("sybil prevention with secret queries", { skip: present ? false : "examples/sybil is not in this tree" }, () => {
  let client: EnigmaClient;
  let contract: string;
  const [a, b, c, d, e, f] = ["1", "2", "3", "4", "5", "6"].map(person);

  before(async () => {
    // Every write recomputes the whole graph: a registration among six
    // accounts takes more than the client's default limit of 1,000,000.
    client = await connect(Account.sybil, { computeGasLimit: 10_000_000 });
  });
  after(() => client?.close());

  async function human(addr: string, from: EnigmaClient = client): Promise<boolean> {
    const r = await from.query(contract, IS_HUMAN, [addr], { returns: "bool" });
    assert.equal(typeof r.value, "boolean");
    return r.value as boolean;
  }

  /**
   * Asks about addr after a committed task changed its status: the first
   * answer must be want, whichever worker the epoch selected (a worker
   * selected again after others ran the contract syncs the chain's last
   * state before it answers).
   */
  async function expectHuman(addr: string, want: boolean, what: string) {
    const r = await client.query(contract, IS_HUMAN, [addr], { returns: "bool" });
    assert.equal(r.value, want, `${what}: worker ${r.worker} answered ${r.value} in the epoch of block ${r.epoch}`);
  }

  async function fails(fn: string, args: unknown[], reason: RegExp) {
    const t = await client.compute(contract, fn, args);
    await assert.rejects(t.result(), (err: unknown) => {
      assert.ok(err instanceof TaskError, String(err));
      assert.match(err.reason, reason);
      return true;
    });
  }

  it("deploys with two seeds, a threshold of two vouchers and three vouches each", STEP, async () => {
    const { task, status } = await deploy(client, "sybil", "construct(bytes32[],uint256,uint256)", [[keccak256(a.secret), keccak256(b.secret)], 2, 3]);
    assert.equal(status.chain, ChainStatus.ReceiptVerified, status.text);
    contract = task.contract;
  });

  it("registers the seeds and an applicant in one batch; the seeds are verified at once", STEP, async () => {
    assert.ok(contract, "the deploy step failed");
    const tasks = await Promise.all([
      client.compute(contract, REGISTER, [a.addr, a.secret, [a.govId]]),
      client.compute(contract, REGISTER, [b.addr, b.secret, [b.govId, b.phone]]),
      client.compute(contract, REGISTER, [c.addr, c.secret, [c.govId, c.phone]]),
    ]);
    for (const t of tasks) assert.equal((await t.result()).status, ChainStatus.ReceiptVerified);
    await expectHuman(a.addr, true, "seed a registered");
    await expectHuman(b.addr, true, "seed b registered");
    assert.equal(await human(c.addr), false, "an applicant nobody vouched for");
    assert.equal(await human(Wallet.createRandom().address), false, "an unknown address");
    // A query sends no transaction.
    const provider = await chain();
    const nonce = await provider.getTransactionCount(client.address);
    await human(a.addr);
    assert.equal(await provider.getTransactionCount(client.address), nonce, "a query sent a transaction");
  });

  it("answers the same to any caller, and as a task too", STEP, async () => {
    assert.ok(contract, "the deploy step failed");
    const other = await connect(Account.sybilOther);
    try {
      const r = await other.query(contract, IS_HUMAN, [a.addr], { returns: "bool" });
      assert.equal(r.value, true);
      assert.equal(r.worker.toLowerCase(), (await other.selectWorker(contract)).toLowerCase());
    } finally {
      other.close();
    }
    const t = await client.compute(contract, IS_HUMAN, [b.addr], { returns: "bool" });
    assert.equal((await t.result()).value, true);
  });

  it("verifies the applicant once two verified humans vouched, witnessing an attribute", STEP, async () => {
    assert.ok(contract, "the deploy step failed");
    await (await client.compute(contract, VOUCH, [a.addr, a.secret, c.addr, c.govId])).result();
    assert.equal(await human(c.addr), false, "one vouch of two made a human");
    await (await client.compute(contract, VOUCH, [b.addr, b.secret, c.addr, c.phone])).result();
    await expectHuman(c.addr, true, "c vouched for twice");
  });

  it("refuses vouches from the unverified, from a wrong secret and for oneself", STEP, async () => {
    assert.ok(contract, "the deploy step failed");
    await Promise.all([
      client.compute(contract, REGISTER, [d.addr, d.secret, [d.govId]]),
      client.compute(contract, REGISTER, [e.addr, e.secret, [e.govId]]),
    ].map(async (t) => (await t).result()));
    // A ring of fakes vouching for each other never gets in.
    await fails(VOUCH, [d.addr, d.secret, e.addr, e.govId], /only a verified human/);
    await fails(VOUCH, [a.addr, random32(), e.addr, e.govId], /wrong secret/);
    await fails(VOUCH, [a.addr, a.secret, a.addr, a.govId], /itself/);
    await fails(REGISTER, [a.addr, random32(), [a.phone]], /already registered/);
    assert.deepEqual([await human(d.addr), await human(e.addr)], [false, false]);
  });

  it("unmasks a second account attested with the same id: both lose their status", STEP, async (t) => {
    assert.ok(contract, "the deploy step failed");
    // c registers a second address with the same id card, and a (who
    // checks it in person) vouches for it.
    const reg = await (await client.compute(contract, REGISTER, [f.addr, f.secret, [c.govId]])).result();
    const vouch = await (await client.compute(contract, VOUCH, [a.addr, a.secret, f.addr, c.govId])).result();
    t.diagnostic(`gas with 6 accounts: register ${reg.usedGas}, vouch ${vouch.usedGas}`);
    await expectHuman(c.addr, false, "c's id attested on f");
    assert.equal(await human(f.addr), false);
    // a vouched for the account attested second: it lost its vouching power.
    await fails(VOUCH, [a.addr, a.secret, d.addr, d.govId], /lost its vouching power/);
    await expectHuman(a.addr, true, "a seed stays verified");
  });

  describe("a query's hostile cases", () => {
    it("refuses a replayed query", STEP, async () => {
      assert.ok(contract, "the deploy step failed");
      const tap = new GatewayTap();
      const tapped = await connect(Account.sybil, { fetch: tap.fetch });
      try {
        assert.equal((await tapped.query(contract, IS_HUMAN, [a.addr], { returns: "bool" })).value, true);
      } finally {
        tapped.close();
      }
      const [sent] = tap.of("v2_query");
      assert.ok(sent, "the client sent no v2_query");
      const again = await gatewayCall("v2_query", sent.params);
      assert.equal(again.error?.data?.code, Code.Replay, JSON.stringify(again));
    });

    it("refuses an expired query and one that expires more than an hour ahead", STEP, async () => {
      assert.ok(contract, "the deploy step failed");
      const now = Math.floor(Date.now() / 1000);
      for (const expiry of [now - 60, now + 2 * 3600]) {
        await assert.rejects(client.query(contract, IS_HUMAN, [a.addr], { expiry }),
          (err: unknown) => err instanceof EnigmaError && err.code === Code.Expired, `expiry ${expiry - now} s from now`);
      }
    });

    it("refuses a query whose caller is not its signer", STEP, async () => {
      assert.ok(contract, "the deploy step failed");
      const tap = new GatewayTap().alter("v2_query", (p) => ({ ...p, caller: Wallet.createRandom().address.slice(2) }));
      const tapped = await connect(Account.sybil, { fetch: tap.fetch });
      try {
        await assert.rejects(tapped.query(contract, IS_HUMAN, [a.addr]),
          (err: unknown) => err instanceof EnigmaError && (err.code === Code.BadSignature || err.code === Code.Tampered));
      } finally {
        tapped.close();
      }
    });

    it("refuses an altered answer", STEP, async () => {
      assert.ok(contract, "the deploy step failed");
      const tap = new GatewayTap().rewrite("v2_query", (r) => ({ ...r, response: flipHex(r.response, r.response.length / 2 - 20) }));
      const tapped = await connect(Account.sybil, { fetch: tap.fetch });
      try {
        await assert.rejects(tapped.query(contract, IS_HUMAN, [a.addr]),
          (err: unknown) => err instanceof EnigmaError && err.code === Code.Tampered);
      } finally {
        tapped.close();
      }
    });

    it("refuses a function that is not a query", STEP, async () => {
      assert.ok(contract, "the deploy step failed");
      await assert.rejects(client.query(contract, REGISTER, [d.addr, d.secret, [d.phone]]),
        (err: unknown) => err instanceof EnigmaError && err.code === Code.UnknownFunction);
      assert.equal(await human(d.addr), false);
    });
  });
});
