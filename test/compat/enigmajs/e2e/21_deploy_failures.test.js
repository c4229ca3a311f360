// Deployments that fail end as status 3 (FAILED) with a signed result and
// leave no contract behind, as in the original's deploy-failure scenarios:
// a module that is not WebAssembly, a constructor the contract does not
// have, a constructor called without its arguments, inputs encrypted with a
// key the worker does not hold, and a deployment addressed to a worker that
// was not selected (which the original left at 1; see 20_failures).
'use strict';

const {describe, it, before} = require('node:test');
const assert = require('node:assert');
const {eeConstants, connect, deploy, wasm, sender, original, expectFailed, withStrangerKey, withWrongWorker, STEP} =
  require('./env');

describe('deploy failures', () => {
  let web3;
  let accounts;
  let enigma;
  let from;

  before(async () => {
    ({web3, accounts, enigma} = await connect());
    from = sender(accounts, 9);
  }, STEP);

  // expectNotDeployed checks a failed deployment left no contract behind.
  async function expectNotDeployed(task) {
    await expectFailed(enigma, task);
    assert.strictEqual(await enigma.admin.isDeployed(task.scAddr), false, `${task.scAddr} is deployed`);
  }

  it('bytecode that is not a module', STEP, async () => {
    const task = await deploy(enigma, from, Buffer.from('This is not a proper secret contract.', 'utf8'), 1000000);
    await expectNotDeployed(task);
  });

  it('a constructor the contract does not have', STEP, async () => {
    let task = await deploy(enigma, from, wasm('calculator'), undefined, 'not a valid construct()');
    if (original) {
      // The original calculator's deploy entry ignores the constructor's
      // name, so it deploys: the original network's own test notes the
      // same. The network's part is to run it faithfully.
      task = await enigma.pollTaskETH(task, 200);
      assert.strictEqual(task.ethStatus, eeConstants.ETH_STATUS_VERIFIED, `status ${task.ethStatus}, want 2`);
      return;
    }
    await expectNotDeployed(task);
  });

  it('a constructor called without its arguments', STEP, async () => {
    // The voting contract's constructor takes the VotingETH address.
    const task = await deploy(enigma, from, wasm('voting'), undefined, 'construct()', []);
    await expectNotDeployed(task);
  });

  it('inputs encrypted with the wrong key', STEP, async () => {
    const task = await withStrangerKey(() => deploy(enigma, from, wasm('calculator')));
    await expectNotDeployed(task);
  });

  it('deployment sent to a worker that was not selected', STEP, async (t) => {
    const params = await enigma.getWorkerParams(await web3.eth.getBlockNumber());
    if (params.workers.length < 2) {
      t.skip(`needs at least two workers in the epoch, it has ${JSON.stringify(params.workers)}`);
      return;
    }
    const task = await withWrongWorker(enigma, () => deploy(enigma, from, wasm('calculator')));
    await expectNotDeployed(task);
  });
});
