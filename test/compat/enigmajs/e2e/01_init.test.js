// The network as enigma-js sees it before any task: the epoch's worker
// parameters on chain, the workers' registrations, and a worker encryption
// key whose signature enigma-js accepts.
'use strict';

const {describe, it, before} = require('node:test');
const assert = require('node:assert');
// env first: it loads eth-crypto quietly.
const {Enigma, utils, connect, STEP} = require('./env');
const EthCrypto = require('eth-crypto');

describe('init', () => {
  let web3;
  let accounts;
  let enigma;

  before(async () => {
    ({web3, accounts, enigma} = await connect());
  }, STEP);

  it('is the 0.3.0 client', () => {
    assert.strictEqual(Enigma.version(), '0.0.1');
  });

  it('shows the epoch workers with stakes', async () => {
    const params = await enigma.getWorkerParams(await web3.eth.getBlockNumber());
    assert.ok(params.workers.length >= 1, `no workers in the epoch: ${JSON.stringify(params.workers)}`);
    if (process.env.ENIGMA_WORKERS) {
      assert.strictEqual(params.workers.length, Number(process.env.ENIGMA_WORKERS),
        `the epoch does not hold every worker the devnet started: ${JSON.stringify(params.workers)}`);
    }
    assert.strictEqual(params.workers.length, params.stakes.length);
    assert.ok(params.firstBlockNumber > 0);
    for (const w of params.workers) {
      const worker = await enigma.admin.findBySigningAddress(w);
      assert.ok(!/^0x0+$/.test(worker.account), `no registered worker signs with ${w}`);
      // Worker status 1 = logged in (0 unregistered, 2 logged out).
      assert.strictEqual(worker.status, 1, `worker ${worker.account} is not logged in`);
      assert.strictEqual(await enigma.admin.getWorkerStatus(worker.account), 1);
      assert.ok(worker.balance > 0, `worker ${worker.account} has no stake`);
    }
  });

  it('hands out a worker encryption key signed by the selected worker', async () => {
    const params = await enigma.getWorkerParams(await web3.eth.getBlockNumber());
    const scAddr = utils.generateScAddr(accounts[0], 0);
    const worker = enigma.selectWorkerGroup(scAddr, params, 1)[0].toLowerCase().slice(-40);
    const {publicKey} = enigma.obtainTaskKeyPair();
    const res = await new Promise((resolve, reject) => {
      enigma.client.request('getWorkerEncryptionKey', {workerAddress: worker, userPubKey: publicKey},
        (err, r) => (err ? reject(new Error(JSON.stringify(err))) : resolve(r)));
    });
    const {workerEncryptionKey, workerSig} = res.result;
    assert.match(workerEncryptionKey, /^[0-9a-f]{128}$/);
    const signed = '0x0000000000000013' + Buffer.from('Enigma User Message').toString('hex') +
      '0000000000000040' + workerEncryptionKey;
    const rec = EthCrypto.recover('0x' + workerSig, web3.utils.soliditySha3({t: 'bytes', value: signed}));
    assert.strictEqual(rec.toLowerCase().slice(-40), worker);
  });
});
