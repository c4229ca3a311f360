// Secret voting with Ethereum callbacks: votes stay in the secret contract's
// state, and each task's callback asks VotingETH (deployed here with web3
// from the committed artifact) whether the poll accepts it. A callback that
// reverts ends the task as ReceiptFailedETH (status 4) and its state change
// is dropped; the final tally proves it by the poll's outcome on chain.
'use strict';

const {describe, it, before} = require('node:test');
const assert = require('node:assert');
const {eeConstants, connect, deploy, compute, finish, wasm, sender, votingETH, STEP} = require('./env');

// Poll status values in VotingETH.
const IN_PROGRESS = '1';
const PASSED = '2';

const voter = (n) => '0x' + n.toString(16).padStart(64, '0');

describe('voting', () => {
  let web3;
  let accounts;
  let enigma;
  let from;
  let eth; // the VotingETH contract
  let pollId;
  let scAddr;

  before(async () => {
    ({web3, accounts, enigma} = await connect());
    from = sender(accounts, 8);
    eth = await votingETH(web3, from);
    // A day-long poll: it closes when its creator says so, not while the
    // scenario is still casting votes.
    await eth.methods.createPoll(50, 'Is privacy important?', 86400).send({from, gas: 500000});
    pollId = Number(await eth.methods.pollCount().call()) - 1;
    const poll = await eth.methods.polls(pollId).call();
    assert.strictEqual(poll.status, IN_PROGRESS);
  }, STEP);

  // cast sends one vote and waits for its receipt on chain.
  async function cast(who, vote) {
    const task = await compute(enigma, from, scAddr, 'cast_vote(uint256,bytes32,uint256)',
      [[pollId, 'uint256'], [voter(who), 'bytes32'], [vote, 'uint256']]);
    assert.strictEqual((await enigma.getTaskRecordStatus(task)).ethStatus, eeConstants.ETH_STATUS_CREATED);
    return finish(enigma, task);
  }

  // expectCallbackFailed checks a task the enclave ran whose callback to
  // VotingETH reverted on chain: status 4 (ReceiptFailedETH), still a signed
  // result, and no state delta appended.
  async function expectCallbackFailed(task, deltasBefore) {
    assert.strictEqual(task.ethStatus, eeConstants.ETH_STATUS_FAILED_ETH,
      `status ${task.ethStatus}, want 4 (callback failed)`);
    // The network reads FAILED for status 4: the task's effect did not happen
    // (docs/worker.md). enigma-js 0.3.0's verifyTaskStatus knows no status 4,
    // so the chain's own record and event are what to check.
    assert.strictEqual(task.engStatus, eeConstants.GET_TASK_RESULT_FAILED);
    assert.ok(task.workerTaskSig, 'the result is not signed by its worker');
    const events = await enigma.enigmaContract.getPastEvents('ReceiptFailedETH',
      {fromBlock: task.creationBlockNumber, toBlock: 'latest'});
    assert.ok(events.some((e) => e.returnValues.taskId === task.taskId), 'no ReceiptFailedETH event for the task');
    assert.strictEqual(Number(await enigma.admin.countStateDeltas(scAddr)), deltasBefore,
      'a task whose callback failed committed a state delta');
  }

  it('deploys the secret contract bound to VotingETH', STEP, async () => {
    let task = await deploy(enigma, from, wasm('voting'), undefined, 'construct(address)',
      [[eth.options.address, 'address']]);
    task = await enigma.pollTaskETH(task, 200);
    assert.strictEqual(task.ethStatus, eeConstants.ETH_STATUS_VERIFIED);
    scAddr = task.scAddr;
    assert.strictEqual(await enigma.admin.isDeployed(scAddr), true);
  });

  it('casts a vote', STEP, async () => {
    assert.ok(scAddr, 'the deploy step failed');
    const task = await cast(1, 1);
    assert.strictEqual(task.ethStatus, eeConstants.ETH_STATUS_VERIFIED);
    assert.strictEqual(task.engStatus, eeConstants.GET_TASK_RESULT_SUCCESS);
    assert.strictEqual(await enigma.verifyTaskStatus(task), true, 'status differs from the chain');
  });

  it('refuses a second vote from the same voter', STEP, async () => {
    assert.ok(scAddr, 'the deploy step failed');
    const task = await cast(1, 0);
    assert.strictEqual(task.ethStatus, eeConstants.ETH_STATUS_FAILED, `status ${task.ethStatus}, want 3 (FAILED)`);
    assert.strictEqual(task.engStatus, eeConstants.GET_TASK_RESULT_FAILED);
    assert.strictEqual(await enigma.verifyTaskStatus(task), true, 'status differs from the chain');
  });

  it('fails a task whose function the contract does not have (status 3)', STEP, async () => {
    // The original's wrong-payload case: no callback is made at all.
    assert.ok(scAddr, 'the deploy step failed');
    let task = await compute(enigma, from, scAddr, 'cast_vote_bad(uint256,bytes32,uint256)',
      [[pollId, 'uint256'], [voter(2), 'bytes32'], [1, 'uint256']]);
    task = await finish(enigma, task);
    assert.strictEqual(task.ethStatus, eeConstants.ETH_STATUS_FAILED, `status ${task.ethStatus}, want 3 (FAILED)`);
    assert.strictEqual(await enigma.verifyTaskStatus(task), true, 'status differs from the chain');
  });

  it('casts a second voter\'s vote', STEP, async () => {
    assert.ok(scAddr, 'the deploy step failed');
    const task = await cast(2, 0);
    assert.strictEqual(task.ethStatus, eeConstants.ETH_STATUS_VERIFIED);
    assert.strictEqual(await enigma.verifyTaskStatus(task), true, 'status differs from the chain');
  });

  it('cannot tally a poll that is still open: the callback reverts (status 4)', STEP, async () => {
    assert.ok(scAddr, 'the deploy step failed');
    const deltas = Number(await enigma.admin.countStateDeltas(scAddr));
    let task = await compute(enigma, from, scAddr, 'tally_poll(uint256)', [[pollId, 'uint256']]);
    task = await finish(enigma, task);
    await expectCallbackFailed(task, deltas);
    assert.strictEqual((await eth.methods.polls(pollId).call()).status, IN_PROGRESS);
  });

  it('drops a vote cast after the poll closed (status 4)', STEP, async () => {
    assert.ok(scAddr, 'the deploy step failed');
    await eth.methods.closePoll(pollId).send({from, gas: 200000});
    const deltas = Number(await enigma.admin.countStateDeltas(scAddr));
    // A no: kept, it would make the tally 1 yes of 3 (33%) and reject the
    // poll, which the last step would see.
    const task = await cast(3, 0);
    await expectCallbackFailed(task, deltas);
  });

  it('tallies the closed poll: the callback records it as passed', STEP, async () => {
    assert.ok(scAddr, 'the deploy step failed');
    let task = await compute(enigma, from, scAddr, 'tally_poll(uint256)', [[pollId, 'uint256']]);
    task = await finish(enigma, task);
    assert.strictEqual(task.ethStatus, eeConstants.ETH_STATUS_VERIFIED, `status ${task.ethStatus}, want 2`);
    assert.strictEqual(task.engStatus, eeConstants.GET_TASK_RESULT_SUCCESS);
    assert.strictEqual(await enigma.verifyTaskStatus(task), true, 'status differs from the chain');
    // One yes out of two counted votes is 50%, the quorum: passed. Had the
    // dropped vote been kept, one of three (33%) would have rejected it.
    assert.strictEqual((await eth.methods.polls(pollId).call()).status, PASSED);
  });
});
