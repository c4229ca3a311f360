// Failing tasks end on chain the way enigma-js 0.3.0 expects: a task the
// enclave ran and rejected (out of gas, unknown function, inputs encrypted
// with a key the worker does not hold) is status 3 (FAILED) with a signed
// result. A task sent to a worker that was not selected never runs; the
// original left its record at 1, this network ends it as 3 at once.
'use strict';

const {describe, it, before} = require('node:test');
const assert = require('node:assert');
const {utils, eeConstants, connect, deploy, compute, settle, wasm, sender, STEP} = require('./env');

// A valid secp256k1 public key no worker holds: deriving the task key from it
// yields a key the selected worker cannot decrypt with.
const STRANGER_KEY = 'c54ba8ead9b94f6672da002d08caa3423695ad03842537e64317890f05fa0771' +
  '457175b0f92bbe22ad8914a1f04b012a3f9883d5559f2c2749e0114fe56e7000';

// expectFailed waits for the task to be settled on chain and checks the
// network's FAILED result against it.
async function expectFailed(enigma, task) {
  task = await enigma.pollTaskETH(task, 200);
  assert.strictEqual(task.ethStatus, eeConstants.ETH_STATUS_FAILED, `status ${task.ethStatus}, want 3 (FAILED)`);
  task = await settle(enigma.getTaskResult(task), eeConstants.GET_TASK_RESULT_RESULT);
  assert.strictEqual(task.engStatus, eeConstants.GET_TASK_RESULT_FAILED);
  assert.ok(task.encryptedAbiEncodedOutputs, 'a failed task still carries an encrypted output');
  assert.ok(task.workerTaskSig, 'a failed task is still signed by its worker');
  assert.strictEqual(await enigma.verifyTaskStatus(task), true, 'status differs from the chain');
  return task;
}

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
    // enigma-js derives the task key from the worker's key; hand it another
    // one for this task only, so the worker cannot decrypt the inputs.
    const real = utils.getDerivedKey;
    utils.getDerivedKey = (_workerKey, privateKey) => real.call(utils, STRANGER_KEY, privateKey);
    let task;
    try {
      task = await compute(enigma, from, scAddr, 'sub(uint256,uint256)', [[76, 'uint256'], [17, 'uint256']]);
    } finally {
      utils.getDerivedKey = real;
    }
    await expectFailed(enigma, task);
  });

  it('task sent to a worker that was not selected', STEP, async (t) => {
    const params = await enigma.getWorkerParams(await web3.eth.getBlockNumber());
    if (params.workers.length < 2) {
      t.skip(`needs at least two workers in the epoch, it has ${JSON.stringify(params.workers)}`);
      return;
    }
    // Make enigma-js address the task to the first worker the selection did
    // not pick; the task record is created as usual.
    const select = enigma.selectWorkerGroup.bind(enigma);
    enigma.selectWorkerGroup = (sc, p, n) => {
      const chosen = select(sc, p, n)[0];
      return [p.workers.find((w) => w.toLowerCase() !== chosen.toLowerCase())];
    };
    let task;
    try {
      task = await compute(enigma, from, scAddr, 'sub(uint256,uint256)', [[76, 'uint256'], [17, 'uint256']]);
    } finally {
      enigma.selectWorkerGroup = select;
    }
    // The original network ignored such a task (its record stayed 1 until
    // the fee was reclaimed). Here the worker forwards it to the selected
    // one, whose enclave did not issue the task's key: a signed failure
    // receipt ends it at once (docs/worker.md). Either way it never runs.
    await expectFailed(enigma, task);
  });
});
