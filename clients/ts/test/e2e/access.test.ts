// Access control (examples/access) through the TypeScript client: an owner
// publishes a secret and hands out sealed read passes; a pass reads the
// secret until the owner revokes it, and a forged pass or a wrong owner
// token reads nothing. Sent from dev account 0, as the original client's
// tests send.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { Wallet, getBytes, hexlify } from "ethers";
import { ChainStatus, TaskError, type EnigmaClient } from "@enigma-go/client";
import { Account, STEP, connect, deploy, devAccountKey, random32 } from "../harness/env.js";

const SECRET = "ipfs://QmPricePrediction-2027-Q1";

describe("access control", () => {
  let client: EnigmaClient;
  let contract: string;
  const owner = random32();
  const readers = [random32(), random32()];
  const passes: string[] = [];

  before(async () => {
    client = await connect(Account.access);
    assert.equal(client.address, new Wallet(devAccountKey(0)).address, "not dev account 0");
  });
  after(() => client?.close());

  it("deploys with the hash of the owner's token", STEP, async () => {
    const { task, status } = await deploy(client, "access", "construct(bytes32)", [owner]);
    assert.equal(status.chain, ChainStatus.ReceiptVerified, status.text);
    contract = task.contract;
  });

  it("publishes the secret and grants two passes in one batch", STEP, async () => {
    assert.ok(contract, "the deploy step failed");
    const publish = await client.compute(contract, "publish(bytes32,string)", [owner, SECRET]);
    const grants = await Promise.all(readers.map((r) => client.compute(contract, "grant(bytes32,bytes32)", [owner, r], { returns: "bytes" })));
    await publish.result();
    for (const g of grants) {
      const r = await g.result();
      const pass = r.value as string;
      // A pass is the reader's 32-byte id sealed under the contract's key.
      assert.ok(getBytes(pass).length > 32, `pass of ${getBytes(pass).length} bytes`);
      passes.push(pass);
    }
    assert.notEqual(passes[0], passes[1]);
  });

  it("reads the secret with each pass", STEP, async () => {
    assert.equal(passes.length, 2, "the grant step failed");
    const reads = await Promise.all(passes.map((p) => client.compute(contract, "read(bytes)", [p], { returns: "string" })));
    for (const t of reads) assert.equal((await t.result()).value, SECRET);
  });

  it("reads nothing with a forged pass or a wrong owner token", STEP, async () => {
    assert.equal(passes.length, 2, "the grant step failed");
    const forged = getBytes(passes[0]);
    forged[forged.length - 1] ^= 1;
    const bad = [
      await client.compute(contract, "read(bytes)", [hexlify(forged)], { returns: "string" }),
      await client.compute(contract, "grant(bytes32,bytes32)", [random32(), random32()], { returns: "bytes" }),
      await client.compute(contract, "publish(bytes32,string)", [random32(), "overwritten"]),
    ];
    // A pass that fails authentication stops the task in the host
    // (sdk/contract.Decrypt), before the contract's own message.
    const reasons = [/not a pass of this contract|does not authenticate/, /wrong owner token/, /wrong owner token/];
    for (const [i, t] of bad.entries()) {
      await assert.rejects(t.result(), (err: unknown) => {
        assert.ok(err instanceof TaskError, String(err));
        assert.match(err.reason, reasons[i]);
        return true;
      });
    }
    // The failed publish changed nothing.
    const read = await client.compute(contract, "read(bytes)", [passes[1]], { returns: "string" });
    assert.equal((await read.result()).value, SECRET);
  });

  it("revokes one pass; the other still reads", STEP, async () => {
    assert.equal(passes.length, 2, "the grant step failed");
    await (await client.compute(contract, "revoke(bytes32,bytes32)", [owner, readers[0]])).result();
    const [revoked, kept] = [
      await client.compute(contract, "read(bytes)", [passes[0]], { returns: "string" }),
      await client.compute(contract, "read(bytes)", [passes[1]], { returns: "string" }),
    ];
    await assert.rejects(revoked.result(), (err: unknown) => err instanceof TaskError && /revoked/.test(err.reason));
    assert.equal((await kept.result()).value, SECRET);
  });

  it("runs per task too, with a task record and a receipt", STEP, async () => {
    assert.equal(passes.length, 2, "the grant step failed");
    const t = await client.compute(contract, "read(bytes)", [passes[1]], { returns: "string", batched: false });
    assert.equal(t.batched, false);
    assert.ok(t.block > 0, "a per-task task has a record block");
    const r = await t.result();
    assert.equal(r.status, ChainStatus.ReceiptVerified);
    assert.equal(r.batched, false);
    assert.equal(r.value, SECRET);
  });
});
