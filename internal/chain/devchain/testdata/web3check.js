// Drives the dev chain the way enigma-js 0.3.0 does, through web3 1.x:
// getAccounts, send({from, gas, gasPrice}) of a plain transfer, eth.sign;
// and personal.sign, which the dev chain serves only with its unsafe
// modules. Prints one JSON line with what it saw.
// Usage: node web3check.js <http url>   (NODE_PATH must reach web3)
const Web3 = require('web3');

async function main() {
  const web3 = new Web3(process.argv[2]);
  const accounts = await web3.eth.getAccounts();
  const to = '0x00000000000000000000000000000000000000cc';
  const receipt = await web3.eth.sendTransaction({
    from: accounts[2], to, value: '12345', gas: 21000, gasPrice: '2000000000',
  });
  const msg = web3.utils.soliditySha3('enigma', 'web3');
  const sig = await web3.eth.sign(msg, accounts[2]);
  const recovered = web3.eth.accounts.recover(msg, sig);
  let precovered = '';
  let personalError = '';
  try {
    const psig = await web3.eth.personal.sign('hello', accounts[2], '');
    precovered = web3.eth.accounts.recover('hello', psig);
  } catch (e) {
    personalError = e.message || String(e);
  }
  const balance = await web3.eth.getBalance(to);
  console.log(JSON.stringify({
    accounts: accounts.length, first: accounts[0], status: receipt.status,
    balance, signer: recovered, personalSigner: precovered, personalError, from: accounts[2],
  }));
}

main().catch((e) => { console.error(e.message || e); process.exit(1); });
