/**
 * What the end-to-end tests share: the devnet that test/harness/run.mjs
 * started (ENIGMA_DEVNET_DIR), the example contracts it built
 * (ENIGMA_WASM_DIR), clients of the dev accounts, and a gateway tap that
 * records, alters or answers the client's JSON-RPC calls, for the hostile
 * cases.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createHash, randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { JsonRpcProvider } from "ethers";
import type { ConnectOptions, EnigmaClient, Task, TaskStatus } from "@enigma-go/client";
import { connectDevnet, devAccountKey, loadAddresses } from "@enigma-go/client/node";

/**
 * The dev account each test file sends from: files run in parallel, and a
 * sender's Ethereum nonce and task counter admit one writer at a time.
 * Account 0 first, as the original enigma-js tests; account 1 is the
 * library's smoke test's (connectDevnet's default).
 */
export const Account = {
  access: 0,
  poker: 2,
  voting: 3,
  creditscore: 4,
  sybil: 5,
  sybilOther: 6,
} as const;

/** A bound for one step that waits for blocks (default 1 s blocks; a deploy compiles a 3-4 MB module). */
export const STEP = { timeout: 180_000 };

/** The devnet's data folder, from the runner. */
export function devnetDir(): string {
  const dir = process.env.ENIGMA_DEVNET_DIR;
  if (!dir) {
    throw new Error("ENIGMA_DEVNET_DIR is not set: run the end-to-end tests with `npm test` (test/harness/run.mjs starts a devnet for them), or pass --devnet DIR to it");
  }
  return dir;
}

/** The devnet's endpoints and contracts (addresses.json). */
export function addresses() {
  return loadAddresses(devnetDir());
}

/** The wasm of an example contract the runner built (examples/<name>). */
export function wasm(name: string): Uint8Array {
  const dir = process.env.ENIGMA_WASM_DIR;
  if (!dir) throw new Error("ENIGMA_WASM_DIR is not set: run the end-to-end tests with `npm test`");
  const p = join(dir, `${name}.wasm`);
  if (!existsSync(p)) throw new Error(`${p} is missing: add "${name}" to exampleContracts in test/harness/devnet.mjs`);
  return new Uint8Array(readFileSync(p));
}

/** A client of dev account `index`, signing with its key, polling every 250 ms. */
export function connect(index: number, opts: Partial<ConnectOptions> = {}): Promise<EnigmaClient> {
  return connectDevnet(devnetDir(), { accountIndex: index, pollIntervalMs: 250, ...opts });
}

/**
 * Runs fn while no other test process of this devnet runs one of its own
 * (a lock folder beside the system's temporary files, named after the
 * devnet; a holder that died is noticed by its pid).
 *
 * Deploys take it: each worker compiles a deployed module, several
 * 3-4 MB Go modules at once on two cores can take longer than the chain's
 * task timeout (4 epochs, 40 s at the devnet's defaults), and the task is
 * then abandoned ("Task's epoch is no longer stored").
 */
export async function exclusive<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const id = createHash("sha256").update(devnetDir()).digest("hex").slice(0, 16);
  const lock = join(tmpdir(), `enigma-e2e-${name}-${id}.lock`);
  const until = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, "pid"), String(process.pid));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      let holder = 0;
      try {
        holder = Number(readFileSync(join(lock, "pid"), "utf8"));
      } catch {
        // Being created or removed: look again.
      }
      if (holder > 0 && !alive(holder)) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > until) throw new Error(`${lock} was held for 10 minutes (pid ${holder}): delete it if no test runs`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Deploys the example `name` and waits for its receipt, one deploy at a time across the test files. */
export function deploy(client: EnigmaClient, name: string, ctorSig: string, args: unknown[] = []): Promise<{ task: Task; status: TaskStatus }> {
  return exclusive("deploy", async () => {
    const task = await client.deploy(wasm(name), ctorSig, args);
    return { task, status: await task.wait() };
  });
}

/** An ethers provider of the devnet's chain. */
export async function chain(): Promise<JsonRpcProvider> {
  const a = await addresses();
  return new JsonRpcProvider(a.eth_node, undefined, { staticNetwork: true, pollingInterval: 250 });
}

export { devAccountKey };

/** 32 random bytes, 0x-hex. */
export function random32(): string {
  return "0x" + randomBytes(32).toString("hex");
}

/** This repository's root (holds go.mod). */
export function repoRoot(): string {
  for (let d = dirname(fileURLToPath(import.meta.url)); ; d = dirname(d)) {
    if (existsSync(join(d, "go.mod"))) return d;
    if (dirname(d) === d) throw new Error("the tests run inside the enigma-go repository: no go.mod above them");
  }
}

/** A committed Solidity artifact: contracts/ethereum/build/<name>.{abi,bin}. */
export function artifact(name: string): { abi: unknown[]; bytecode: string } {
  const dir = join(repoRoot(), "contracts", "ethereum", "build");
  const abi = JSON.parse(readFileSync(join(dir, `${name}.abi`), "utf8")) as unknown[];
  const bin = readFileSync(join(dir, `${name}.bin`), "utf8").trim();
  return { abi, bytecode: bin.startsWith("0x") ? bin : "0x" + bin };
}

/** One JSON-RPC call the tap saw. */
export interface TappedCall {
  method: string;
  params: any;
  result?: any;
  error?: { code: number; message: string; data?: { code: number } };
}

/**
 * A JSON-RPC error answer in the gateway's shape: `data.code` is the api
 * code the client acts on.
 */
export function rpcError(apiCode: number, message: string) {
  return { code: -32000, message, data: { code: apiCode } };
}

/**
 * Sits between a client and the gateway (pass `tap.fetch` as the client's
 * fetch): it records every call, and per method may answer a call itself
 * (`answer`: return an error or result object, or undefined to forward
 * it) or rewrite the gateway's result (`rewrite`).
 */
export class GatewayTap {
  readonly calls: TappedCall[] = [];
  private answers = new Map<string, (params: any, n: number) => { error?: unknown; result?: unknown } | undefined>();
  private rewrites = new Map<string, (result: any, params: any) => any>();
  private alters = new Map<string, (params: any) => any>();
  private seen = new Map<string, number>();

  /** Answers calls of method with what fn returns (undefined: forwards the call). */
  answer(method: string, fn: (params: any, n: number) => { error?: unknown; result?: unknown } | undefined): this {
    this.answers.set(method, fn);
    return this;
  }

  /** Replaces results of method with what fn returns. */
  rewrite(method: string, fn: (result: any, params: any) => any): this {
    this.rewrites.set(method, fn);
    return this;
  }

  /** Replaces the params of method's calls with what fn returns before forwarding them. */
  alter(method: string, fn: (params: any) => any): this {
    this.alters.set(method, fn);
    return this;
  }

  /** Stops answering, rewriting and altering. */
  clear(): this {
    this.answers.clear();
    this.rewrites.clear();
    this.alters.clear();
    return this;
  }

  /** The calls of one method. */
  of(method: string): TappedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  // Calls and answers pass as the client and the gateway wrote them unless
  // the tap changes them: JSON.parse would round a batched task's 64-bit
  // nonce, which the client sends as a JSON number.
  readonly fetch: typeof fetch = async (input, init) => {
    const body = typeof init?.body === "string" ? init.body : init?.body instanceof Uint8Array ? new TextDecoder().decode(init.body) : undefined;
    if (body === undefined) return fetch(input, init);
    const req = JSON.parse(body);
    const batch = Array.isArray(req);
    const reqs: any[] = batch ? req : [req];
    const out: any[] = new Array(reqs.length);
    const forward: number[] = [];
    let altered = false;
    reqs.forEach((r, i) => {
      const n = (this.seen.get(r.method) ?? 0) + 1;
      this.seen.set(r.method, n);
      const a = this.answers.get(r.method)?.(r.params, n);
      if (a) {
        out[i] = { jsonrpc: "2.0", id: r.id, ...a };
        altered = true;
        return;
      }
      const alter = this.alters.get(r.method);
      if (alter) {
        reqs[i] = { ...r, params: alter(structuredClone(r.params)) };
        altered = true;
      }
      forward.push(i);
    });
    let passThrough: string | undefined;
    if (forward.length > 0) {
      const fwd = altered ? JSON.stringify(batch ? forward.map((i) => reqs[i]) : reqs[0]) : body;
      const res = await fetch(input, { ...init, body: fwd });
      const text = await res.text();
      if (!res.ok) return new Response(text, { status: res.status, statusText: res.statusText, headers: res.headers });
      const got = JSON.parse(text);
      let rewritten = false;
      (batch ? got : [got]).forEach((g: any) => {
        const i = forward.find((j) => reqs[j].id === g.id) ?? forward[0];
        const rw = this.rewrites.get(reqs[i].method);
        if (rw && g.result !== undefined) {
          g.result = rw(structuredClone(g.result), reqs[i].params);
          rewritten = true;
        }
        out[i] = g;
      });
      if (!altered && !rewritten) passThrough = text;
    }
    reqs.forEach((r, i) => this.calls.push({ method: r.method, params: r.params, result: out[i]?.result, error: out[i]?.error }));
    return new Response(passThrough ?? JSON.stringify(batch ? out : out[0]), { status: 200, headers: { "content-type": "application/json" } });
  };
}

/** hex (with or without 0x) with one bit of the byte at `at` (default: the middle) flipped; same prefix. */
export function flipHex(hex: string, at?: number): string {
  const pre = hex.startsWith("0x") ? "0x" : "";
  const h = hex.slice(pre.length);
  const i = at ?? Math.floor(h.length / 4);
  const b = (parseInt(h.slice(2 * i, 2 * i + 2), 16) ^ 1).toString(16).padStart(2, "0");
  return pre + h.slice(0, 2 * i) + b + h.slice(2 * i + 2);
}

/** Polls fn until it returns a value other than undefined, at most timeoutMs. */
export async function eventually<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 60_000, everyMs = 250): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Sends one JSON-RPC call to the gateway as it is; resolves to its result or its error. */
export async function gatewayCall(method: string, params: unknown): Promise<{ result?: any; error?: TappedCall["error"] }> {
  const a = await addresses();
  const res = await fetch(a.proxy, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = await res.json();
  return { result: body.result, error: body.error };
}
