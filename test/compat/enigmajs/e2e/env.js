// Shared setup for the end-to-end scenarios: reads where the devnet is from
// the environment the Go runner (enigmajs_test.go) sets, builds an enigma-js
// 0.3.0 client exactly as the original integration tests do, and wraps the
// library's event emitters in promises.
//
//   ENIGMA_ADDRESSES  path of the devnet's addresses.json
//                     (keys contract, token, eth_node, proxy)
//   ENIGMA_WASM_DIR   folder holding calculator.wasm, millionaire.wasm, ...
//   ENIGMA_WORKERS    optional: how many workers the devnet started
//   ENIGMA_ORIG_WASM  optional: folder with the original compiled contracts;
//                     when set, it replaces ENIGMA_WASM_DIR and the original
//                     gas limits are used
//   ENIGMA_FLOW       optional: 'original' runs the flow as the original
//                     tests write it: every task from accounts[0], at
//                     gasPx = utils.toGrains(1), and no resubmission of a
//                     record an epoch change reverted (the network must not
//                     lose one); the files then run one after another
'use strict';

const assert = require('node:assert');
const fs = require('fs');
const path = require('path');

// eth-crypto's native binding is not built (npm ci --ignore-scripts) and it
// says so on stdout at load time; keep that out of the test report.
const realLog = console.log;
const realInfo = console.info;
console.log = () => {};
console.info = () => {};
const {Enigma, utils, eeConstants} = require('enigma-js/node');
const Web3 = require('web3');
console.log = realLog;
console.info = realInfo;

function need(name) {
  const v = process.env[name];
  if (!v) {
    throw new Error(`${name} is not set: run these tests through 'go test ./test/compat/enigmajs', which starts a devnet`);
  }
  return v;
}

const addresses = JSON.parse(fs.readFileSync(need('ENIGMA_ADDRESSES'), 'utf8'));
const original = !!process.env.ENIGMA_ORIG_WASM;
const originalFlow = process.env.ENIGMA_FLOW === 'original';
const wasmDir = original ? process.env.ENIGMA_ORIG_WASM : need('ENIGMA_WASM_DIR');

// Deploy gas: a Go contract costs 1 gas per byte of its 3-6 MB module; the
// original Rust contracts are far smaller and were deployed with 4,000,000.
const DEPLOY_GAS = original ? 4000000 : 20000000;
const COMPUTE_GAS = original ? 1000000 : 2000000;
// The fee is gasLimit * gasPx grains. The original tests pay 1 ENG a gas
// (utils.toGrains(1)); otherwise 1 grain per gas keeps a 20 M deploy at
// 0.2 ENG, so the funded accounts last the whole suite however many run it.
const GAS_PX = originalFlow ? utils.toGrains(1) : 1;

// STEP bounds one scenario step: pollTaskETH waits for ever, and a stuck
// task must fail its own test, not hang the whole run until the Go runner
// kills node.
const STEP = {timeout: 3 * 60 * 1000};

// The voting example's Ethereum side, compiled by contracts/ethereum.
const VOTING_ETH = path.join(__dirname, '..', '..', '..', '..', 'contracts', 'ethereum', 'build', 'VotingETH');

function wasm(name) {
  return fs.readFileSync(path.join(wasmDir, name + '.wasm'));
}

async function connect() {
  const web3 = new Web3(new Web3.providers.HttpProvider(addresses.eth_node));
  const accounts = await web3.eth.getAccounts();
  const enigma = new Enigma(web3, addresses.contract, addresses.token, addresses.proxy, {
    gas: 4712388,
    gasPrice: 100000000000,
    from: accounts[0],
  }, {retry: {retries: 10, minTimeout: 250, maxTimeout: 2000, factor: 1.5}});
  enigma.admin();
  enigma.setTaskKeyPair('cupcake');
  return {web3, accounts, enigma};
}

// settle turns an enigma-js emitter into a promise resolving on the `ok`
// event and rejecting on ERROR.
function settle(emitter, ok) {
  return new Promise((resolve, reject) => {
    emitter.on(ok, resolve);
    emitter.on(eeConstants.ERROR, (e) => reject(e instanceof Error ? e : new Error(JSON.stringify(e))));
  });
}

// epochRetry repeats a task submission that lost the race with an epoch
// change: enigma-js reads the epoch, then sends two transactions (fee
// approval, task record), and the record reverts when a new epoch started in
// between. 0.3.0 retries by itself only on ganache's wording of the revert
// ('... revert Wrong epoch for this task'); geth's receipt carries no
// reason, so a revert counts as that race when the epoch moved meanwhile.
async function epochRetry(enigma, submit) {
  if (originalFlow) {
    return submit();
  }
  for (let attempt = 1; ; attempt++) {
    const before = await currentEpoch(enigma);
    try {
      return await submit();
    } catch (err) {
      const msg = String(err && err.message);
      const raced = /Wrong epoch/.test(msg) ||
        (/reverted by the EVM/.test(msg) && (await currentEpoch(enigma)) !== before);
      if (attempt >= 3 || !raced) {
        throw err;
      }
    }
  }
}

// currentEpoch is the first block of the epoch at the chain's head.
async function currentEpoch(enigma) {
  const head = await enigma.web3.eth.getBlockNumber();
  return (await enigma.enigmaContract.methods.getWorkerParams(head).call())[0];
}

function deploy(enigma, sender, code, gas = DEPLOY_GAS, fn = 'construct()', args = [], gasPx = GAS_PX) {
  return epochRetry(enigma, () => settle(enigma.deploySecretContract(fn, args, gas, gasPx, sender, code, 5),
    eeConstants.DEPLOY_SECRET_CONTRACT_RESULT));
}

// affordablePx is GAS_PX, or 1 grain a gas when a fee at GAS_PX cannot be
// sent: enigma-js refuses a task whose whole fee exceeds the sender's token
// balance, and computes the fee as a JavaScript number, which web3 refuses
// to encode above 2^53 grains (about 90 million ENG). Only our erc20's
// deploy needs it: its 600 M gas at 1 ENG a gas is 6e16 grains.
async function affordablePx(enigma, sender, gas) {
  const fee = BigInt(gas) * BigInt(GAS_PX);
  const balance = BigInt(await enigma.tokenContract.methods.balanceOf(sender).call());
  if (balance >= fee && fee <= BigInt(Number.MAX_SAFE_INTEGER)) {
    return GAS_PX;
  }
  console.error(`# ${gas} gas at ${GAS_PX} grains is ${fee} grains: more than ${sender}'s ${balance} or than enigma-js can encode; paying 1 grain a gas`);
  return 1;
}

function compute(enigma, sender, scAddr, fn, args, gas = COMPUTE_GAS) {
  return epochRetry(enigma, () => settle(enigma.computeTask(fn, args, gas, GAS_PX, sender, scAddr, 5),
    eeConstants.SEND_TASK_INPUT_RESULT));
}

// finish waits for the chain to leave status CREATED, then fetches, decrypts
// and checks the result against the chain the way the original tests do.
async function finish(enigma, task) {
  task = await enigma.pollTaskETH(task, 200);
  task = await settle(enigma.getTaskResult(task), eeConstants.GET_TASK_RESULT_RESULT);
  if (task.encryptedAbiEncodedOutputs) {
    task = await quiet(() => enigma.decryptTaskResult(task));
  }
  return task;
}

// quiet runs fn with console.log muted: decryptTaskResult logs the whole
// ciphertext.
async function quiet(fn) {
  const saved = console.log;
  console.log = () => {};
  try {
    return await fn();
  } finally {
    console.log = saved;
  }
}

// expectFailed waits for the task to be settled on chain and checks the
// network's FAILED result against it: status 3, an encrypted output and the
// worker's signature, and verifyTaskStatus agreeing.
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

// A valid secp256k1 public key no worker holds: deriving the task key from it
// yields a key the selected worker cannot decrypt with.
const STRANGER_KEY = 'c54ba8ead9b94f6672da002d08caa3423695ad03842537e64317890f05fa0771' +
  '457175b0f92bbe22ad8914a1f04b012a3f9883d5559f2c2749e0114fe56e7000';

// withStrangerKey runs submit with enigma-js deriving the task key from
// STRANGER_KEY instead of the worker's key, so the worker cannot open the
// task. Only that one step of enigma-js's own flow changes.
async function withStrangerKey(submit) {
  const real = utils.getDerivedKey;
  utils.getDerivedKey = (_workerKey, privateKey) => real.call(utils, STRANGER_KEY, privateKey);
  try {
    return await submit();
  } finally {
    utils.getDerivedKey = real;
  }
}

// withWrongWorker runs submit with enigma-js addressing the task to the
// first epoch worker its selection did not pick; the task record is
// created as usual.
async function withWrongWorker(enigma, submit) {
  const select = enigma.selectWorkerGroup.bind(enigma);
  enigma.selectWorkerGroup = (sc, p, n) => {
    const chosen = select(sc, p, n)[0];
    return [p.workers.find((w) => w.toLowerCase() !== chosen.toLowerCase())];
  };
  try {
    return await submit();
  } finally {
    enigma.selectWorkerGroup = select;
  }
}

// votingETH deploys a fresh VotingETH from the committed artifact and
// returns it as a web3 contract.
async function votingETH(web3, from) {
  const abi = JSON.parse(fs.readFileSync(VOTING_ETH + '.abi', 'utf8'));
  const bin = fs.readFileSync(VOTING_ETH + '.bin', 'utf8').trim();
  return new web3.eth.Contract(abi).deploy({data: '0x' + bin}).send({from, gas: 3000000});
}

module.exports = {
  Enigma, utils, eeConstants, Web3, addresses, original, originalFlow,
  DEPLOY_GAS, COMPUTE_GAS, GAS_PX, STEP, affordablePx,
  wasm, connect, settle, deploy, compute, finish, quiet, votingETH,
  expectFailed, withStrangerKey, withWrongWorker,
};

// sender picks a distinct funded account per test file: node --test runs
// files in parallel, and each sender's task nonce must stay its own
// (enigma-js reads it before sending the record). In the original flow
// every file sends from accounts[0], as the original tests do, and the
// files run one after another. Any dev account is free: the devnet's key
// manager and worker custodians send from role accounts of their own.
function sender(accounts, n) {
  return originalFlow ? accounts[0] : accounts[n % accounts.length];
}

// waitStatus polls the task record until its status leaves `from` or
// timeoutMs passes, and returns the last status seen.
async function waitStatus(enigma, task, from, timeoutMs) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    task = await enigma.getTaskRecordStatus(task);
    if (task.ethStatus !== from || Date.now() > end) {
      return task;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

module.exports.sender = sender;
module.exports.waitStatus = waitStatus;
