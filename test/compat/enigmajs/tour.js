// A minimal enigma-js 0.3.0 client for a running devnet: adds to the
// secret counter of the README's tour and reads its total.
//
//   node test/compat/enigmajs/tour.js [DATA_DIR] CONTRACT
'use strict';

const fs = require('fs');
const path = require('path');
const os = require('os');
// Native secp256k1 bindings are not built (npm ci --ignore-scripts); the
// libraries say so on load and fall back to JavaScript.
const {log, info} = console;
console.log = console.info = () => {};
const {Enigma, eeConstants} = require('enigma-js/node');
const Web3 = require('web3');
Object.assign(console, {log, info});

const [dir, scAddr] = process.argv.length > 3 ?
  process.argv.slice(2) : [path.join(os.homedir(), '.enigma', 'devnet'), process.argv[2]];
const addresses = JSON.parse(fs.readFileSync(path.join(dir, 'addresses.json'), 'utf8'));

function settle(emitter, ok) {
  return new Promise((resolve, reject) => {
    emitter.on(ok, resolve);
    emitter.on(eeConstants.ERROR, reject);
  });
}

async function main() {
  const web3 = new Web3(new Web3.providers.HttpProvider(addresses.eth_node));
  const from = (await web3.eth.getAccounts())[9]; // an account no devnet role uses
  const enigma = new Enigma(web3, addresses.contract, addresses.token, addresses.proxy,
    {gas: 4712388, gasPrice: 100000000000, from});
  enigma.admin();
  enigma.setTaskKeyPair('cupcake');
  for (const [fn, args] of [['add(uint256)', [[30, 'uint256']]], ['total()', []]]) {
    let task = await settle(enigma.computeTask(fn, args, 1000000, 1, from, scAddr, 3),
      eeConstants.SEND_TASK_INPUT_RESULT);
    task = await enigma.pollTaskETH(task);
    task = await settle(enigma.getTaskResult(task), eeConstants.GET_TASK_RESULT_RESULT);
    console.log = () => {};
    task = await enigma.decryptTaskResult(task);
    console.log = log;
    console.log(`${fn}: status ${task.ethStatus}, output 0x${task.decryptedOutput || ''}`);
  }
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
