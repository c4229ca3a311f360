// Secret voting with an Ethereum callback (examples/voting and
// VotingETH.sol, deployed here with ethers from the committed artifact):
// votes stay in the secret contract's state, each task's callback asks
// VotingETH whether the poll accepts it, and the tally reaches Ethereum
// through the callback, where the poll's outcome is checked. Callbacks
// are made by receipts, so these tasks go per task (with a task record).
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { Contract, ContractFactory, toBeHex } from "ethers";
import { ChainStatus, Code, EnigmaError, TaskError, type EnigmaClient, type Task } from "@enigma-go/client";
import { Account, GatewayTap, STEP, artifact, connect, deploy, flipHex } from "../harness/env.js";

// PollStatus in VotingETH.
const IN_PROGRESS = 1n;
const PASSED = 2n;

const voter = (n: number) => toBeHex(n, 32);

describe("voting with an Ethereum callback", () => {
  let client: EnigmaClient;
  let eth: Contract;
  let pollId: bigint;
  let contract: string;

  before(async () => {
    client = await connect(Account.voting, { batched: false });
    const { abi, bytecode } = artifact("VotingETH");
    // The client's own signer: its transactions and the client's share
    // one account and so one nonce sequence.
    const factory = new ContractFactory(abi as any, bytecode, client.signer);
    eth = (await (await factory.deploy()).waitForDeployment()) as Contract;
    // A day-long poll: it closes when its creator says so.
    await (await eth.getFunction("createPoll")(50, "Is privacy important?", 86400)).wait();
    pollId = (await eth.getFunction("pollCount")()) - 1n;
    assert.equal((await eth.getFunction("polls")(pollId)).status, IN_PROGRESS);
  });
  after(() => client?.close());

  async function cast(who: number, vote: number): Promise<Task> {
    return client.compute(contract, "cast_vote(uint256,bytes32,uint256)", [pollId, voter(who), vote]);
  }

  /** The task's end, as the chain recorded it, and its TaskError if any. */
  async function outcome(t: Task): Promise<{ status: number; err?: TaskError }> {
    try {
      const r = await t.result();
      return { status: r.status };
    } catch (err) {
      if (err instanceof TaskError) return { status: err.status, err };
      throw err;
    }
  }

  it("deploys the secret contract bound to VotingETH", STEP, async () => {
    const { task, status } = await deploy(client, "voting", "construct(address)", [await eth.getAddress()]);
    assert.equal(status.chain, ChainStatus.ReceiptVerified, status.text);
    contract = task.contract;
  });

  it("casts two voters' votes; the callback lets them in", STEP, async () => {
    assert.ok(contract, "the deploy step failed");
    for (const [who, vote] of [[1, 1], [2, 0]]) {
      const t = await cast(who, vote);
      assert.equal(t.batched, false, "a vote with a callback must take the per-task path");
      const r = await t.result();
      assert.equal(r.status, ChainStatus.ReceiptVerified);
      assert.ok((r.deltaIndex ?? 0) > 0, "the vote committed no state delta");
    }
  });

  it("refuses a second vote of the same voter (failure receipt)", STEP, async () => {
    assert.ok(contract, "the deploy step failed");
    const o = await outcome(await cast(1, 0));
    assert.equal(o.status, ChainStatus.ReceiptFailed);
    assert.match(o.err?.reason ?? "", /already voted/);
  });

  it("cannot tally a poll that is still open: the callback reverts", STEP, async () => {
    assert.ok(contract, "the deploy step failed");
    const o = await outcome(await client.compute(contract, "tally_poll(uint256)", [pollId]));
    assert.equal(o.status, ChainStatus.ReceiptFailedETH, `status ${o.status}`);
    assert.equal((await eth.getFunction("polls")(pollId)).status, IN_PROGRESS);
  });

  it("drops a vote cast after the poll closed: the callback reverts", STEP, async () => {
    assert.ok(contract, "the deploy step failed");
    await (await eth.getFunction("closePoll")(pollId)).wait();
    // A no: kept, it would make the tally 1 yes of 3 (33%) and reject the poll.
    const o = await outcome(await cast(3, 0));
    assert.equal(o.status, ChainStatus.ReceiptFailedETH, `status ${o.status}`);
  });

  it("tallies the closed poll: the callback records it as passed on chain", STEP, async () => {
    assert.ok(contract, "the deploy step failed");
    const t = await client.compute(contract, "tally_poll(uint256)", [pollId]);
    const r = await t.result();
    assert.equal(r.status, ChainStatus.ReceiptVerified);
    // One yes of two counted votes is 50%, the quorum: passed.
    const poll = await eth.getFunction("polls")(pollId);
    assert.equal(poll.status, PASSED);
    const tallied = await eth.queryFilter(eth.filters.PollTallied(pollId));
    assert.equal(tallied.length, 1);
    assert.equal((tallied[0] as any).args.talliedQuorum, 50n);
  });

  it("refuses an altered per-task output", STEP, async () => {
    assert.ok(contract, "the deploy step failed");
    const tap = new GatewayTap().rewrite("getTaskResult", (r) => {
      const inner = r?.result ?? r;
      if (typeof inner?.output !== "string" || inner.output === "") return r;
      const altered = { ...inner, output: flipHex(inner.output) };
      return r?.result ? { ...r, result: altered } : altered;
    });
    const tapped = await connect(Account.voting, { batched: false, fetch: tap.fetch });
    try {
      // A vote in a second poll, still open: a verified task with an output.
      await (await eth.getFunction("createPoll")(50, "A second poll", 86400)).wait();
      const open = (await eth.getFunction("pollCount")()) - 1n;
      const t = await tapped.compute(contract, "cast_vote(uint256,bytes32,uint256)", [open, voter(1), 1]);
      await assert.rejects(t.result(), (err: unknown) => err instanceof EnigmaError && err.code === Code.Tampered && !(err instanceof TaskError));
      assert.equal((await client.task(t.id).status()).chain, ChainStatus.ReceiptVerified, "the task itself did not succeed");
    } finally {
      tapped.close();
    }
  });

  // A batched task's receipt is its batch's, which carries no callback:
  // the enclave fails a batched task that asks for one, so its state is
  // never committed without VotingETH's say.
  it("never commits a batched vote without its callback", STEP, async () => {
    assert.ok(contract, "the deploy step failed");
    const before = (await eth.getFunction("polls")(pollId)).status;
    const t = await client.compute(contract, "cast_vote(uint256,bytes32,uint256)", [pollId, voter(4), 0], { batched: true });
    const o = await outcome(t);
    assert.notEqual(o.status, ChainStatus.ReceiptVerified, "a batched vote on a closed poll was committed without VotingETH's check");
    assert.match(o.err?.reason ?? "", /per task/, "the failure says to send it per task");
    assert.equal((await eth.getFunction("polls")(pollId)).status, before);
  });
});
