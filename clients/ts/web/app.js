// The credit score page: a browser wallet (window.ethereum, EIP-1193) pays
// and signs, the TypeScript client's browser bundle (the global Enigma)
// encrypts the applicant's data to the selected worker, sends the task on
// the batched path, proves its result against the batch root on chain and
// decrypts it.
import { $, E, connectWallet, guard, loadConfig, say } from "./common.js";

const SUBMIT = "submit(bytes32,uint256,uint256,uint256,uint256)";

let client; // the EnigmaClient of the connected account
let config = {};

function randomToken() {
  return E.ethers.hexlify(crypto.getRandomValues(new Uint8Array(32)));
}

async function connect() {
  client = await connectWallet();
  $("deploy").disabled = false;
  $("submit").disabled = !$("contract").value.trim();
}

async function wasmBytes() {
  const file = $("wasm-file").files[0];
  if (file) return new Uint8Array(await file.arrayBuffer());
  if (!config.wasm) throw new Error("choose the contract's .wasm file (enigma contract build examples/creditscore -o creditscore.wasm)");
  const res = await fetch(config.wasm);
  if (!res.ok) throw new Error(`fetch ${config.wasm}: ${res.status} ${res.statusText}`);
  return new Uint8Array(await res.arrayBuffer());
}

async function deploy() {
  $("deploy").disabled = true;
  try {
    say("deploy-status", "deploying: approve the fee and the task record in your wallet ...");
    const task = await client.deploy(await wasmBytes(), "construct()");
    say("deploy-status", `task ${task.id} sent to worker ${task.worker}; waiting for its receipt ...`);
    const st = await task.wait({ onProgress: (s) => say("deploy-status", s.text) });
    if (st.chain !== E.ChainStatus.ReceiptVerified) throw new Error(`the deploy ended with ${E.chainStatusName(st.chain)}`);
    $("contract").value = task.contract;
    say("deploy-status", `deployed at block ${st.head}`);
    $("submit").disabled = false;
  } finally {
    $("deploy").disabled = false;
  }
}

async function submit(ev) {
  ev.preventDefault();
  const contract = $("contract").value.trim();
  if (!/^0x[0-9a-fA-F]{64}$/.test(contract)) throw new Error("deploy the contract or paste its address (0x and 64 hex digits)");
  const args = [randomToken(), ...["income", "debt", "late", "years"].map((id) => BigInt($(id).value || "0"))];
  $("submit").disabled = true;
  say("score", "…");
  say("proof", "");
  try {
    say("submit-status", "encrypting and signing the task in your wallet ...");
    const task = await client.compute(contract, SUBMIT, args, { returns: "uint256" });
    say("submit-status", `task ${task.id} stored by worker ${task.worker}`);
    const r = await task.result({ onProgress: (s) => say("submit-status", s.text) });
    say("score", String(r.value));
    say("submit-status", "");
    say("proof", r.batched
      ? `verified: batch ${r.batchIndex} at block ${r.batchBlock}, position ${r.position}, proved against the batch root at block ${r.provedAt}; fee ${r.fee} grains`
      : `verified: receipt on chain, output hash ${r.outputHash}`);
  } finally {
    $("submit").disabled = false;
  }
}

$("connect").addEventListener("click", guard(connect));
$("deploy").addEventListener("click", guard(deploy));
$("apply").addEventListener("submit", guard(submit));
$("contract").addEventListener("input", () => { $("submit").disabled = !client || !$("contract").value.trim(); });
guard(async () => {
  config = await loadConfig();
  $("contract").value = config.contract;
})();
