// The millionaires' problem: two encrypted net worths go into the
// contract's state, compute_richest reveals only the richer address.
'use strict';

const {describe, it, before} = require('node:test');
const assert = require('node:assert');
const {eeConstants, connect, deploy, compute, finish, wasm, sender, STEP} = require('./env');

describe('millionaire', () => {
  let web3;
  let accounts;
  let enigma;
  let from;
  let scAddr;

  before(async () => {
    ({web3, accounts, enigma} = await connect());
    from = sender(accounts, 6);
  }, STEP);

  it('deploys', STEP, async () => {
    let task = await deploy(enigma, from, wasm('millionaire'));
    task = await enigma.pollTaskETH(task, 200);
    assert.strictEqual(task.ethStatus, eeConstants.ETH_STATUS_VERIFIED);
    scAddr = task.scAddr;
    assert.strictEqual(await enigma.admin.isDeployed(scAddr), true);
  });

  const poorer = () => accounts[3 % accounts.length];
  const richer = () => accounts[4 % accounts.length];

  it('adds two millionaires', STEP, async () => {
    assert.ok(scAddr, 'the deploy step failed');
    for (const [who, worth] of [[poorer(), 1000000], [richer(), 2000000]]) {
      let task = await compute(enigma, from, scAddr, 'add_millionaire(address,uint256)',
        [[who, 'address'], [worth, 'uint256']]);
      task = await finish(enigma, task);
      assert.strictEqual(task.ethStatus, eeConstants.ETH_STATUS_VERIFIED);
      assert.strictEqual(task.engStatus, eeConstants.GET_TASK_RESULT_SUCCESS);
      assert.strictEqual(await enigma.verifyTaskStatus(task), true);
    }
    assert.ok(await enigma.admin.countStateDeltas(scAddr) >= 2, 'state deltas were not committed');
  });

  it('computes the richest', STEP, async () => {
    assert.ok(scAddr, 'the deploy step failed');
    let task = await compute(enigma, from, scAddr, 'compute_richest()', []);
    task = await finish(enigma, task);
    assert.strictEqual(task.ethStatus, eeConstants.ETH_STATUS_VERIFIED);
    assert.strictEqual(task.engStatus, eeConstants.GET_TASK_RESULT_SUCCESS);
    const got = web3.eth.abi.decodeParameter('address', '0x' + task.decryptedOutput);
    assert.strictEqual(got.toLowerCase(), richer().toLowerCase());
    assert.strictEqual(await enigma.verifyTaskOutput(task), true, 'output hash differs from the chain');
    assert.strictEqual(await enigma.verifyTaskStatus(task), true, 'status differs from the chain');
  });
});
