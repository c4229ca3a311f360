// What the pages of this dapp share: their configuration, the wallet
// connection and the error line. Everything shown is set as text, never as
// markup.
//
// Configuration, first found wins: the query string (?gateway=&enigma=&
// token=&contract=&wasm=&sybil=), config.json beside the page (the site's),
// and the defaults of `enigma devnet`; the fields under "Network" can
// change the endpoints before connecting.
export const E = globalThis.Enigma;
export const $ = (id) => document.getElementById(id);

const DEVNET = { gateway: "http://127.0.0.1:3346", enigma: "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0", token: "", wasm: "", contract: "", sybil: "" };

export function say(id, text) {
  $(id).textContent = text;
}

export function fail(err) {
  const code = err && typeof err.code === "number" && E ? ` (${E.codeName(err.code)})` : "";
  const msg = err && err.message ? err.message : String(err);
  say("error", `${msg}${code}`);
  console.error(err);
}

/** Runs an async event handler, showing its error. */
export const guard = (fn) => (ev) => {
  say("error", "");
  return Promise.resolve().then(() => fn(ev)).catch(fail);
};

/** The page's configuration; fills the Network fields. */
export async function loadConfig() {
  let config = { ...DEVNET };
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
  return config;
}

/** Asks the wallet for an account and connects the client as it. */
export async function connectWallet() {
  if (!E) throw new Error("the client bundle (dist/enigma.browser.js) did not load: run `npm run build` in clients/ts");
  if (!window.ethereum) throw new Error("no wallet in this browser: install one (window.ethereum) and reload");
  const [account] = await window.ethereum.request({ method: "eth_requestAccounts" });
  if (!account) throw new Error("the wallet shared no account");
  const client = await E.connect({
    provider: window.ethereum,
    account,
    gatewayUrl: $("gateway").value.trim(),
    enigmaAddress: $("enigma").value.trim(),
    tokenAddress: $("token").value.trim() || undefined,
  });
  say("account", client.address);
  $("connect").disabled = true;
  return client;
}
