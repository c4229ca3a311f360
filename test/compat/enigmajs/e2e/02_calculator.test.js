// Deploy the calculator and run sub and mul through enigma-js's own task
// flow, checking the decrypted result and that the chain agrees with the
// network on status and output hash.
'use strict';

const {describe, it, before} = require('node:test');
const assert = require('node:assert');
const {eeConstants, connect, deploy, compute, finish, wasm, sender, original, STEP} = require('./env');

describe('calculator', () => {
  let web3;
  let enigma;
  let from;
  let scAddr;

  before(async () => {
    let accounts;
    ({web3, accounts, enigma} = await connect());
    from = sender(accounts, 5);
  }, STEP);

  it('deploys', STEP, async () => {
    const code = wasm('calculator');
    let task = await deploy(enigma, from, code);
    task = await enigma.pollTaskETH(task, 200);
    assert.strictEqual(task.ethStatus, eeConstants.ETH_STATUS_VERIFIED);
    scAddr = task.scAddr;
    assert.strictEqual(await enigma.admin.isDeployed(scAddr), true);
    const codeHash = await enigma.admin.getCodeHash(scAddr);
    assert.ok(codeHash && !/^0x0+$/.test(codeHash), `no code hash for ${scAddr}`);
    if (!original) {
      assert.strictEqual(codeHash, web3.utils.keccak256(code), 'code hash is not Keccak-256 of the module');
    }
    const all = await enigma.admin.getAllSecretContractAddresses();
    assert.ok(all.map((a) => a.toLowerCase()).includes(scAddr.toLowerCase()));
  });

  for (const [fn, want] of [['sub(uint256,uint256)', 59], ['mul(uint256,uint256)', 1292]]) {
    it(`computes ${fn} of 76 and 17`, STEP, async () => {
      assert.ok(scAddr, 'the deploy step failed');
      let task = await compute(enigma, from, scAddr, fn, [[76, 'uint256'], [17, 'uint256']]);
      task = await finish(enigma, task);
      assert.strictEqual(task.ethStatus, eeConstants.ETH_STATUS_VERIFIED);
      assert.strictEqual(task.engStatus, eeConstants.GET_TASK_RESULT_SUCCESS);
      assert.strictEqual(parseInt(task.decryptedOutput, 16), want);
      assert.ok(task.workerTaskSig, 'no worker signature on the result');
      assert.ok(task.usedGas > 0, `used gas ${task.usedGas}`);
      assert.strictEqual(await enigma.verifyTaskOutput(task), true, 'output hash differs from the chain');
      assert.strictEqual(await enigma.verifyTaskStatus(task), true, 'status differs from the chain');
    });
  }
});
