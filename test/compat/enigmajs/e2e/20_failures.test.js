// Failing tasks end on chain the way enigma-js 0.3.0 expects: a task the
// enclave ran and rejected (out of gas, unknown function, arguments that do
// not match, inputs encrypted with a key the worker does not hold) is
// status 3 (FAILED) with a signed result. A task sent to a worker that was not selected never runs; the
// original left its record at 1, this network ends it as 3 at once.
'use strict';

const {describe, it, before} = require('node:test');
const assert = require('node:assert');
const {eeConstants, connect, deploy, compute, wasm, sender, expectFailed, withStrangerKey, withWrongWorker, STEP} =
  require('./env');

describe('failures', () => {
  let web3;
  let accounts;
  let enigma;
  let from;
  let scAddr;

  before(async () => {
    ({web3, accounts, enigma} = await connect());
    from = sender(accounts, 7);
    let task = await deploy(enigma, from, wasm('calculator'));
    task = await enigma.pollTaskETH(task, 200);
    assert.strictEqual(task.ethStatus, eeConstants.ETH_STATUS_VERIFIED, 'could not deploy the calculator');
    scAddr = task.scAddr;
  }, STEP);

  it('deploy out of gas', STEP, async () => {
    const task = await deploy(enigma, from, wasm('calculator'), 100000);
    await expectFailed(enigma, task);
    assert.strictEqual(await enigma.admin.isDeployed(task.scAddr), false);
  });

  it('compute out of gas', STEP, async () => {
    const task = await compute(enigma, from, scAddr, 'mul(uint256,uint256)', [[76, 'uint256'], [17, 'uint256']], 1);
    await expectFailed(enigma, task);
  });

  it('unknown function', STEP, async () => {
    const task = await compute(enigma, from, scAddr, 'nonexistent(uint256)', [[1, 'uint256']]);
    await expectFailed(enigma, task);
  });

  it('inputs encrypted with the wrong key', STEP, async () => {
    const task = await withStrangerKey(() =>
      compute(enigma, from, scAddr, 'sub(uint256,uint256)', [[76, 'uint256'], [17, 'uint256']]));
    await expectFailed(enigma, task);
  });

  it('arguments that do not match the function', STEP, async () => {
    // The original's case: a signature the contract does not have, with
    // one argument short.
    const task = await compute(enigma, from, scAddr, 'add(uint,uint)', [[24, 'uint256']]);
    await expectFailed(enigma, task);
  });

  it('task sent to a worker that was not selected', STEP, async (t) => {
    const params = await enigma.getWorkerParams(await web3.eth.getBlockNumber());
    if (params.workers.length < 2) {
      t.skip(`needs at least two workers in the epoch, it has ${JSON.stringify(params.workers)}`);
      return;
    }
    const task = await withWrongWorker(enigma, () =>
      compute(enigma, from, scAddr, 'sub(uint256,uint256)', [[76, 'uint256'], [17, 'uint256']]));
    // The original network ignored such a task (its record stayed 1 until
    // the fee was reclaimed). Here the worker forwards it to the selected
    // one, whose enclave did not issue the task's key: a signed failure
    // receipt ends it at once (docs/worker.md). Either way it never runs.
    await expectFailed(enigma, task);
  });
});
