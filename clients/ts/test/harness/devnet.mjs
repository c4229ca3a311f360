// The devnet the end-to-end tests run against: the enigma binary built
// from this repository, the example contracts built with it, and one
// `enigma devnet` process on free ports in a temporary folder, at the
// block period and epoch size a user gets by default.
//
// Plain JavaScript, so run.mjs can use it before anything is compiled.
import { spawn, execFile } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** clients/ts. */
export const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The repository's root: the first folder above clients/ts holding go.mod. */
export function repoRoot() {
  for (let d = packageRoot; ; d = dirname(d)) {
    if (existsSync(join(d, "go.mod")) && existsSync(join(d, "cmd", "enigma"))) return d;
    if (dirname(d) === d) {
      throw new Error(`no go.mod with cmd/enigma above ${packageRoot}: the end-to-end tests run inside the enigma-go repository`);
    }
  }
}

/** Where the built enigma binary is kept between runs (ignored by git with node_modules). */
export const cacheDir = join(packageRoot, "node_modules", ".cache", "enigma-e2e");

/**
 * The examples the end-to-end tests deploy, by folder name under examples/
 * (those the tree holds); the calculator is the unit smoke test's.
 */
export const exampleContracts = ["access", "poker", "voting", "creditscore", "sybil", "calculator"]
  .filter((name) => existsSync(join(repoRoot(), "examples", name, "main.go")));

/**
 * Runs a program to its end, bounded by timeoutMs; rejects with its output
 * when it fails.
 */
export function run(file, args, { cwd, timeoutMs = 10 * 60_000, env } = {}) {
  return new Promise((resolve, reject) => {
    execFile(file, args, { cwd, timeout: timeoutMs, killSignal: "SIGKILL", maxBuffer: 64 << 20, env: env ?? process.env },
      (err, stdout, stderr) => {
        if (err) {
          const why = err.killed ? `killed after ${timeoutMs / 1000} s` : err.code === "ENOENT" ? `${file} not found` : `exit ${err.code}`;
          reject(new Error(`${file} ${args.join(" ")}: ${why}\n${stdout}${stderr}`.trimEnd(), { cause: err }));
          return;
        }
        resolve(stdout);
      });
  });
}

/**
 * Builds cmd/enigma into the cache folder and returns the binary's path.
 * go's build cache makes a build of an unchanged tree take about a second,
 * so it runs every time: a stale binary would test old code.
 */
export async function buildEnigma({ log = () => {} } = {}) {
  mkdirSync(cacheDir, { recursive: true });
  const bin = join(cacheDir, "enigma");
  const started = Date.now();
  try {
    await run("go", ["build", "-o", bin, "./cmd/enigma"], { cwd: repoRoot() });
  } catch (err) {
    if (err.cause?.code === "ENOENT") {
      throw new Error("go is not installed: the end-to-end tests build the devnet from this repository (install Go 1.26, then `npm test` again)", { cause: err });
    }
    throw err;
  }
  log(`built ${bin} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return bin;
}

/**
 * Builds the example contracts into dir (<name>.wasm), two at a time, with
 * `enigma contract build`.
 */
export async function buildContracts(bin, dir, names = exampleContracts, { log = () => {} } = {}) {
  mkdirSync(dir, { recursive: true });
  const started = Date.now();
  const queue = [...names];
  const worker = async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      await run(bin, ["contract", "build", join("examples", name), "-o", join(dir, `${name}.wasm`)], { cwd: repoRoot() });
    }
  };
  await Promise.all([worker(), worker()]);
  log(`built ${names.join(", ")} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// The devnet runs under a small shell that stops it (SIGTERM, then SIGKILL
// after 15 s) as soon as its standard input closes: when stop() closes it,
// and also when the test process dies without cleaning up, since the
// kernel closes the pipe then. A devnet never outlives its tests, and the
// shell deletes its folder ($E2E_DIR) once it stopped.
const guard = `
exec 3<&0
"$@" </dev/null 3<&- &
p=$!
{
  read -r _ <&3
  kill -TERM "$p" 2>/dev/null
  i=0
  while [ $i -lt 30 ] && kill -0 "$p" 2>/dev/null; do sleep 0.5; i=$((i + 1)); done
  kill -KILL "$p" 2>/dev/null
} &
w=$!
exec 3<&-
wait "$p"; rc=$?
kill "$w" 2>/dev/null
rm -rf "$E2E_DIR"
exit "$rc"`;

/**
 * Starts `enigma devnet` in a fresh temporary folder on free ports and
 * waits (at most readyMs) for its addresses.json. Extra devnet flags go in
 * args; none are given by default, so the tests run at the block period
 * and epoch size users get.
 *
 * Returns { dir, dataDir, addresses, logPath, pid, tail(n), stop() };
 * stop() stops the devnet and deletes the folder, and may be called more
 * than once.
 */
export async function startDevnet(bin, { args = [], readyMs = 60_000, log = () => {} } = {}) {
  const dir = await mkdtemp(join(tmpdir(), "enigma-ts-e2e-"));
  const dataDir = join(dir, "devnet");
  const logPath = join(dir, "devnet.log");
  const out = openSync(logPath, "a");
  const started = Date.now();
  const child = spawn("/bin/sh", ["-c", guard, "sh", bin, "devnet", "--data", dataDir,
    "--chain-addr", "127.0.0.1:0", "--gateway-addr", "127.0.0.1:0", "-v", ...args], {
    stdio: ["pipe", out, out], detached: true, env: { ...process.env, E2E_DIR: dir },
  });
  closeSync(out);
  let exited = null;
  const exit = new Promise((resolve) => child.on("exit", (code, signal) => {
    exited = { code, signal };
    resolve(exited);
  }));
  child.on("error", () => {}); // reported through exit

  let stopping;
  const devnet = {
    dir, dataDir, logPath, pid: child.pid, addresses: undefined,
    tail: (n = 60) => tail(logPath, n),
    stop: () => (stopping ??= (async () => {
      if (exited === null) {
        child.stdin.end();
        const t = setTimeout(() => { try { process.kill(-child.pid, "SIGKILL"); } catch { /* gone */ } }, 20_000);
        await exit;
        clearTimeout(t);
      }
      await rm(dir, { recursive: true, force: true, maxRetries: 3 });
    })()),
  };
  // The devnet's stdin must close with this process, not be inherited open
  // by the tests it spawns.
  child.stdin.on("error", () => {});

  try {
    const file = join(dataDir, "addresses.json");
    for (;;) {
      if (exited !== null) {
        throw new Error(`the devnet exited while starting (${exited.signal ?? "exit " + exited.code}):\n${tail(logPath, 40)}`);
      }
      if (existsSync(file)) break;
      if (Date.now() - started > readyMs) {
        throw new Error(`the devnet wrote no addresses.json within ${readyMs / 1000} s:\n${tail(logPath, 40)}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    devnet.addresses = JSON.parse(await readFile(file, "utf8"));
    for (const k of ["contract", "token", "eth_node", "proxy"]) {
      if (typeof devnet.addresses[k] !== "string" || !devnet.addresses[k]) {
        throw new Error(`${file} has no "${k}": ${JSON.stringify(devnet.addresses)}`);
      }
    }
    log(`devnet up in ${((Date.now() - started) / 1000).toFixed(1)} s: chain ${devnet.addresses.eth_node}, gateway ${devnet.addresses.proxy}`);
    return devnet;
  } catch (err) {
    await devnet.stop();
    throw err;
  }
}

/** The last n lines of a file ("" when it cannot be read), at most its last 1 MB. */
export function tail(path, n) {
  try {
    const size = statSync(path).size;
    const len = Math.min(size, 1 << 20);
    const buf = Buffer.alloc(len);
    const fd = openSync(path, "r");
    try {
      readSync(fd, buf, 0, len, size - len);
    } finally {
      closeSync(fd);
    }
    return buf.toString("utf8").trimEnd().split("\n").slice(-n).join("\n");
  } catch {
    return "";
  }
}

/** Reads a JSON file, or undefined when it does not exist. */
export function readJSON(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : undefined;
}
