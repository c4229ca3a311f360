// The secret ERC20 and the coin flip, as the original's deploy and execute
// scenarios drive them: token accounts are the Keccak-256 of a secp256k1
// public key, and each mint or transfer carries that key's signature over
// enigma-js's utils.hash of [recipient, amount as 8 bytes].
'use strict';

const {describe, it, before} = require('node:test');
const assert = require('node:assert');
const {utils, eeConstants, connect, deploy, compute, finish, wasm, sender, STEP, original, DEPLOY_GAS, affordablePx} =
  require('./env');
const EthCrypto = require('eth-crypto');

// Two token holders' keys, fixed so that runs are comparable.
const OWNER_KEY = '0xfef5ca0c184ae66fd3975c2863e1a301491116fa2424614e4457162d68c4d5d9';
const HOLDER_KEY = '0x406692396eff4e2caba13640539e89cb1744bd8fe914448148e571e90bf42efc';
const SUPPLY = 1000000;

// The token's compute tasks verify a secp256k1 signature inside the
// enclave; the original scenarios gave them 20 M gas as well.
const TOKEN_GAS = 20000000;
// Our token builds its secp256k1 tables in init, which its deploy pays
// for (about 490 M gas in all); the original deploys with 4 M.
const TOKEN_DEPLOY_GAS = original ? undefined : 600000000;

describe('erc20', () => {
  let web3;
  let enigma;
  let from;
  let scAddr;
  let owner;
  let holder;

  before(async () => {
    let accounts;
    ({web3, accounts, enigma} = await connect());
    // One file, one sender: this file's two contracts deploy in turn.
    from = sender(accounts, 4);
    owner = web3.utils.keccak256('0x' + EthCrypto.publicKeyByPrivateKey(OWNER_KEY));
    holder = web3.utils.keccak256('0x' + EthCrypto.publicKeyByPrivateKey(HOLDER_KEY));
  }, STEP);

  // signed is the authorisation of key for sending amount to addr.
  const signed = (key, addr, amount) =>
    EthCrypto.sign(key, utils.hash([addr, amount.toString(16).padStart(16, '0')]));

  // run sends one token task and waits for its decrypted result.
  async function run(fn, args) {
    const task = await compute(enigma, from, scAddr, fn, args, TOKEN_GAS);
    return finish(enigma, task);
  }

  async function balanceOf(addr) {
    const task = await run('balance_of(bytes32)', [[addr, 'bytes32']]);
    assert.strictEqual(task.ethStatus, eeConstants.ETH_STATUS_VERIFIED, `balance_of: status ${task.ethStatus}`);
    return parseInt(task.decryptedOutput, 16);
  }

  it('deploys with the owner holding the supply', STEP, async () => {
    // The original passes the constructor's arguments under the bare name.
    const gas = TOKEN_DEPLOY_GAS || DEPLOY_GAS;
    let task = await deploy(enigma, from, wasm('erc20'), gas, 'construct()',
      [[owner, 'bytes32'], [SUPPLY, 'uint256']], await affordablePx(enigma, from, gas));
    task = await enigma.pollTaskETH(task, 200);
    assert.strictEqual(task.ethStatus, eeConstants.ETH_STATUS_VERIFIED);
    scAddr = task.scAddr;
    assert.strictEqual(await enigma.admin.isDeployed(scAddr), true);
  });

  it('mints to a holder with the owner\'s signature', STEP, async () => {
    assert.ok(scAddr, 'the deploy step failed');
    const amount = 100000;
    const task = await run('mint(bytes32,bytes32,uint256,bytes)',
      [[owner, 'bytes32'], [holder, 'bytes32'], [amount, 'uint256'], [signed(OWNER_KEY, holder, amount), 'bytes']]);
    assert.strictEqual(task.ethStatus, eeConstants.ETH_STATUS_VERIFIED);
    assert.strictEqual(task.engStatus, eeConstants.GET_TASK_RESULT_SUCCESS);
    assert.ok(task.delta, 'a mint changes the state: no delta in the result');
    assert.ok(task.usedGas > 0);
    assert.strictEqual(task.decryptedOutput, '');
    assert.strictEqual(await enigma.verifyTaskStatus(task), true);
    assert.strictEqual(await balanceOf(holder), amount);
  });

  it('transfers with the holder\'s signature', STEP, async () => {
    assert.ok(scAddr, 'the deploy step failed');
    const amount = 2500;
    const task = await run('transfer(bytes32,bytes32,uint256,bytes)',
      [[holder, 'bytes32'], [owner, 'bytes32'], [amount, 'uint256'], [signed(HOLDER_KEY, owner, amount), 'bytes']]);
    assert.strictEqual(task.ethStatus, eeConstants.ETH_STATUS_VERIFIED);
    assert.strictEqual(await balanceOf(holder), 100000 - amount);
    assert.strictEqual(await balanceOf(owner), SUPPLY + amount);
  });

  it('refuses a transfer signed by another key (status 3)', STEP, async () => {
    assert.ok(scAddr, 'the deploy step failed');
    const task = await run('transfer(bytes32,bytes32,uint256,bytes)',
      [[owner, 'bytes32'], [holder, 'bytes32'], [1, 'uint256'], [signed(HOLDER_KEY, holder, 1), 'bytes']]);
    assert.strictEqual(task.ethStatus, eeConstants.ETH_STATUS_FAILED, `status ${task.ethStatus}, want 3`);
    assert.strictEqual(await enigma.verifyTaskStatus(task), true);
  });
});

describe('flipcoin', () => {
  let accounts;
  let enigma;
  let from;
  let scAddr;

  before(async () => {
    ({accounts, enigma} = await connect());
    from = sender(accounts, 4);
  }, STEP);

  it('deploys', STEP, async () => {
    let task = await deploy(enigma, from, wasm('flipcoin'));
    task = await enigma.pollTaskETH(task, 200);
    assert.strictEqual(task.ethStatus, eeConstants.ETH_STATUS_VERIFIED);
    scAddr = task.scAddr;
  });

  it('flips a coin', STEP, async () => {
    assert.ok(scAddr, 'the deploy step failed');
    let task = await compute(enigma, from, scAddr, 'flip()', []);
    task = await finish(enigma, task);
    assert.strictEqual(task.ethStatus, eeConstants.ETH_STATUS_VERIFIED);
    assert.strictEqual(task.engStatus, eeConstants.GET_TASK_RESULT_SUCCESS);
    const side = parseInt(task.decryptedOutput, 16);
    assert.ok(side === 0 || side === 1, `flip returned ${task.decryptedOutput}`);
    assert.strictEqual(await enigma.verifyTaskOutput(task), true);
  });

  it('plays commit and guess', STEP, async () => {
    assert.ok(scAddr, 'the deploy step failed');
    let task = await finish(enigma, await compute(enigma, from, scAddr, 'commit(bool)', [[true, 'bool']]));
    assert.strictEqual(task.ethStatus, eeConstants.ETH_STATUS_VERIFIED);
    task = await finish(enigma, await compute(enigma, from, scAddr, 'guess(bool)', [[true, 'bool']]));
    assert.strictEqual(task.ethStatus, eeConstants.ETH_STATUS_VERIFIED);
    assert.strictEqual(parseInt(task.decryptedOutput, 16), 1, 'a right guess reads true');
  });
});
