// The credit score dapp: a browser wallet (window.ethereum, EIP-1193) pays
// and signs, the TypeScript client's browser bundle (the global Enigma)
// encrypts the applicant's data to the selected worker, sends the task on
// the batched path, proves its result against the batch root on chain and
// decrypts it. Everything shown is set as text, never as markup.
//
// Configuration, first found wins: config.json beside this page (the
// site's), the query string (?gateway=&enigma=&token=&contract=&wasm=), the
// fields under "Network", and the defaults of `enigma devnet`.
const E = globalThis.Enigma;
const $ = (id) => document.getElementById(id);

const DEVNET = { gateway: "http://127.0.0.1:3346", enigma: "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0", token: "", wasm: "", contract: "" };
const SUBMIT = "submit(bytes32,uint256,uint256,uint256,uint256)";

let client; // the EnigmaClient of the connected account
let config = { ...DEVNET };

function say(id, text) {
  $(id).textContent = text;
}

function fail(err) {
  const code = err && typeof err.code === "number" && E ? ` (${E.codeName(err.code)})` : "";
  const msg = err && err.message ? err.message : String(err);
  say("error", `${msg}${code}`);
  console.error(err);
}

async function loadConfig() {
  try {
    const res = await fetch("config.json", { cache: "no-store" });
    if (res.ok) config = { ...config, ...(await res.json()) };
  } catch {
    // No config.json: a page opened from the file system or a plain server.
  }
  const q = new URLSearchParams(location.search);
  for (const k of Object.keys(DEVNET)) if (q.get(k)) config[k] = q.get(k);
  $("gateway").value = config.gateway;
  $("enigma").value = config.enigma;
  $("token").value = config.token;
  $("contract").value = config.contract;
}

function randomToken() {
  const b = crypto.getRandomValues(new Uint8Array(32));
  return "0x" + Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}

async function connectWallet() {
  say("error", "");
  if (!E) throw new Error("the client bundle (dist/enigma.browser.js) did not load: run `npm run build` in clients/ts");
  if (!window.ethereum) throw new Error("no wallet in this browser: install one (window.ethereum) and reload");
  const [account] = await window.ethereum.request({ method: "eth_requestAccounts" });
  if (!account) throw new Error("the wallet shared no account");
  client = await E.connect({
    provider: window.ethereum,
    account,
    gatewayUrl: $("gateway").value.trim(),
    enigmaAddress: $("enigma").value.trim(),
    tokenAddress: $("token").value.trim() || undefined,
  });
  say("account", client.address);
  $("connect").disabled = true;
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
  say("error", "");
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
  say("error", "");
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
    $("score").dataset.task = r.taskId;
    say("proof", r.batched
      ? `verified: batch ${r.batchIndex} at block ${r.batchBlock}, position ${r.position}, proved against the batch root at block ${r.provedAt}; fee ${r.fee} grains`
      : `verified: receipt on chain, output hash ${r.outputHash}`);
  } finally {
    $("submit").disabled = false;
  }
}

const guard = (fn) => (ev) => fn(ev).catch(fail);
$("connect").addEventListener("click", guard(connectWallet));
$("deploy").addEventListener("click", guard(deploy));
$("apply").addEventListener("submit", guard(submit));
$("contract").addEventListener("input", () => { $("submit").disabled = !client || !$("contract").value.trim(); });
loadConfig().catch(fail);
