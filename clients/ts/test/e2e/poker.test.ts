// Poker (examples/poker) through the TypeScript client: a deck shuffled in
// the enclave, each player reading only their own pocket cards with their
// token, the community cards revealed stage by stage.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { keccak256 } from "ethers";
import { ChainStatus, TaskError, type EnigmaClient } from "@enigma-go/client";
import { Account, STEP, connect, deploy, random32 } from "../harness/env.js";

const cards = (v: unknown): number[] => Array.from(v as Iterable<bigint | number>, Number);

describe("poker", () => {
  let client: EnigmaClient;
  let contract: string;
  let game: bigint;
  const tokens = [random32(), random32(), random32()];
  const hands: number[][] = [];

  before(async () => {
    client = await connect(Account.poker);
  });
  after(() => client?.close());

  it("deploys the contract", STEP, async () => {
    const { task, status } = await deploy(client, "poker", "construct()");
    assert.equal(status.chain, ChainStatus.ReceiptVerified, status.text);
    contract = task.contract;
  });

  it("opens a game of three players known by the hashes of their tokens", STEP, async () => {
    assert.ok(contract, "the deploy step failed");
    const t = await client.compute(contract, "new_game(bytes32[])", [tokens.map((k) => keccak256(k))], { returns: "uint256" });
    game = (await t.result()).value as bigint;
    assert.equal(game, 0n);
  });

  it("deals each player two cards of their own, all different", STEP, async () => {
    assert.ok(game !== undefined, "the new game step failed");
    const tasks = await Promise.all(tokens.map((k) => client.compute(contract, "my_cards(uint256,bytes32)", [game, k], { returns: "(uint8[2])" })));
    for (const t of tasks) hands.push(cards((await t.result()).value));
    const all = hands.flat();
    assert.equal(all.length, 6);
    assert.equal(new Set(all).size, 6, `a card was dealt twice: ${JSON.stringify(hands)}`);
    for (const c of all) assert.ok(c >= 0 && c < 52, `card ${c}`);
  });

  it("refuses a token that is not a player's", STEP, async () => {
    assert.ok(game !== undefined, "the new game step failed");
    const t = await client.compute(contract, "my_cards(uint256,bytes32)", [game, random32()], { returns: "(uint8[2])" });
    await assert.rejects(t.result(), (err: unknown) => err instanceof TaskError && /not a player/.test(err.reason));
  });

  it("reveals the flop, the turn and the river, stage by stage", STEP, async () => {
    assert.equal(hands.length, 3, "the deal step failed");
    // The lane runs a contract's tasks in the order they were sent: each
    // community() sees the next_stage() sent just before it.
    const steps = [await client.compute(contract, "community(uint256)", [game], { returns: "(uint8[])" })];
    for (let i = 0; i < 3; i++) {
      await client.compute(contract, "next_stage(uint256)", [game]);
      steps.push(await client.compute(contract, "community(uint256)", [game], { returns: "(uint8[])" }));
    }
    const boards = [];
    for (const t of steps) boards.push(cards((await t.result()).value));
    assert.deepEqual(boards.map((b) => b.length), [0, 3, 4, 5]);
    for (let i = 1; i < boards.length - 1; i++) {
      assert.deepEqual(boards[i], boards[i + 1].slice(0, boards[i].length), "a revealed card changed");
    }
    const dealt = new Set([...hands.flat(), ...boards[3]]);
    assert.equal(dealt.size, 11, "a community card is in a hand");
    const more = await client.compute(contract, "next_stage(uint256)", [game]);
    await assert.rejects(more.result(), (err: unknown) => err instanceof TaskError && /already revealed/.test(err.reason));
  });

  it("shuffles each game anew", STEP, async () => {
    assert.equal(hands.length, 3, "the deal step failed");
    const t = await client.compute(contract, "new_game(bytes32[])", [tokens.map((k) => keccak256(k))], { returns: "uint256" });
    const id = (await t.result()).value as bigint;
    assert.equal(id, game + 1n);
    const mine = await client.compute(contract, "my_cards(uint256,bytes32)", [id, tokens[0]], { returns: "(uint8[2])" });
    const again = cards((await mine.result()).value);
    // Two random deals give player 0 the same two cards with chance 1/1326.
    const other = await client.compute(contract, "my_cards(uint256,bytes32)", [id, tokens[1]], { returns: "(uint8[2])" });
    const second = cards((await other.result()).value);
    assert.ok(JSON.stringify([again, second]) !== JSON.stringify([hands[0], hands[1]]), "the second game dealt the same hands");
  });
});
