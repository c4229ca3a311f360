// The sybil prevention page: isUniqueHuman(address) as a secret query,
// signed by the wallet with eth_signTypedData_v4 (no transaction), sealed to
// the selected worker and answered sealed to the caller.
import { $, E, connectWallet, guard, loadConfig, say } from "./common.js";

let client;

async function connect() {
  client = await connectWallet();
  $("query").disabled = false;
}

async function ask(ev) {
  ev.preventDefault();
  const contract = $("contract").value.trim();
  const who = $("address").value.trim();
  if (!/^0x[0-9a-fA-F]{64}$/.test(contract)) throw new Error("paste the sybil contract's address (0x and 64 hex digits)");
  if (!E.ethers.isAddress(who)) throw new Error(`${who || "nothing"} is not an Ethereum address`);
  $("query").disabled = true;
  say("answer", "…");
  say("answered", "");
  try {
    say("query-status", "sign the query in your wallet ...");
    const q = await client.query(contract, "isUniqueHuman(address)", [who], { returns: "bool" });
    say("answer", q.value ? "yes: a verified unique human" : "no: unknown, not yet vouched for, or a duplicate");
    $("answer").dataset.value = String(q.value);
    say("query-status", "");
    say("answered", `answered by worker ${q.worker} for the epoch of block ${q.epoch}, sealed to you; no transaction, ${q.gasUsed} gas`);
  } finally {
    $("query").disabled = false;
  }
}

$("connect").addEventListener("click", guard(connect));
$("ask").addEventListener("submit", guard(ask));
guard(async () => {
  const config = await loadConfig();
  $("contract").value = config.sybil;
})();
