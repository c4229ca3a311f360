#!/usr/bin/env node
// npm test: the unit tests and the end-to-end tests, the latter against one
// devnet this script starts and always stops.
//
//   1. compiles the package and its tests (npm run build) when dist/ or
//      build/ is missing or older than a source;
//   2. builds cmd/enigma (go build, into node_modules/.cache/enigma-e2e)
//      and the example contracts (enigma contract build, once per run);
//   3. starts `enigma devnet` on free ports in a temporary folder, at the
//      default block period and epoch size, and waits for addresses.json;
//   4. runs every build/test/unit/**/*.test.js and build/test/e2e/*.test.js
//      in one `node --test`, its files in parallel (each e2e file sends
//      from a dev account of its own), with ENIGMA_DEVNET_DIR (the
//      devnet's data folder) and ENIGMA_WASM_DIR (<example>.wasm) set;
//   5. stops the devnet and deletes its folder, on failure, timeout and
//      Ctrl-C too (and the devnet stops by itself if this process dies).
//
// Options:
//   --only unit|e2e      run one kind (unit needs no Go and no devnet)
//   --devnet DIR         run against a devnet already running with --data DIR
//                        (not stopped; the contracts are still built)
//   --files SUBSTR       only the e2e files whose name contains SUBSTR
// Environment: ENIGMA_E2E_TIMEOUT_S bounds the node run (default 1200);
// ENIGMA_E2E_LOG=FILE keeps a copy of the devnet's log.
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, readdirSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { buildContracts, buildEnigma, packageRoot, run, startDevnet } from "./devnet.mjs";

const started = Date.now();
const log = (msg) => console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s] ${msg}`);

function parseArgs(argv) {
  const opts = { only: "", devnet: "", files: "" };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split("=", 2);
    const key = name.replace(/^--/, "");
    if (!(key in opts) || !name.startsWith("--")) {
      throw new Error(`unknown argument ${argv[i]}: use --only unit|e2e, --devnet DIR, --files SUBSTR`);
    }
    opts[key] = inline ?? argv[++i] ?? "";
  }
  if (opts.only && opts.only !== "unit" && opts.only !== "e2e") throw new Error(`--only ${opts.only}: use unit or e2e`);
  return opts;
}

/** Files under dir (recursively) whose name ends with suffix, sorted. */
function find(dir, suffix, recursive) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory() && recursive) out.push(...find(p, suffix, true));
    else if (e.isFile() && e.name.endsWith(suffix)) out.push(p);
  }
  return out.sort();
}

/** The newest modification time of the files under paths. */
function newest(paths) {
  let t = 0;
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const s = statSync(p);
    if (s.isDirectory()) {
      for (const e of readdirSync(p)) t = Math.max(t, newest([join(p, e)]));
    } else {
      t = Math.max(t, s.mtimeMs);
    }
  }
  return t;
}

/** Runs npm run build unless dist/ and build/ are newer than every source. */
async function ensureBuilt() {
  const marker = join(packageRoot, "dist", "enigma.browser.js");
  const sources = ["src", "test", "scripts", "package.json", "package-lock.json"].map((p) => join(packageRoot, p))
    .concat(readdirSync(packageRoot).filter((f) => /^tsconfig.*\.json$/.test(f)).map((f) => join(packageRoot, f)));
  if (existsSync(marker) && existsSync(join(packageRoot, "build", "test")) && statSync(marker).mtimeMs >= newest(sources)) return;
  if (!existsSync(join(packageRoot, "node_modules", "typescript"))) {
    throw new Error("clients/ts/node_modules is missing: run `make deps` (or `npm ci` in clients/ts) first");
  }
  log("compiling (npm run build) ...");
  await run(process.execPath, [join(packageRoot, "scripts", "build.mjs")], { cwd: packageRoot });
}

/**
 * Runs node --test on files, streaming its report; resolves to its exit
 * code, or to 1 when it outlived timeoutMs (then its whole process group
 * is killed).
 */
function nodeTest(files, env, timeoutMs, onChild) {
  const args = ["--test", "--test-reporter=spec", "--test-force-exit", `--test-concurrency=${Math.max(1, files.length)}`,
    ...files.map((f) => relative(packageRoot, f))];
  const child = spawn(process.execPath, args, { cwd: packageRoot, stdio: ["inherit", "pipe", "inherit"], env: { ...process.env, ...env }, detached: true });
  onChild(child);
  // The report goes to our stdout as it comes; its end holds the totals.
  // (A second, file reporter would lose its end to --test-force-exit.)
  let end = "";
  child.stdout.on("data", (chunk) => {
    process.stdout.write(chunk);
    end = (end + chunk.toString("utf8")).slice(-8192);
  });
  const closed = new Promise((resolve) => child.stdout.on("close", resolve));
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      log(`the tests did not finish within ${timeoutMs / 1000} s: killed`);
      try { process.kill(-child.pid, "SIGKILL"); } catch { /* gone */ }
    }, timeoutMs);
    child.on("exit", async (code, signal) => {
      clearTimeout(timer);
      try { process.kill(-child.pid, "SIGKILL"); } catch { /* no stray children left */ }
      await closed;
      resolve({ code: code ?? (signal ? 1 : 0), report: end });
    });
  });
}

/** The totals at the end of a spec report ("ℹ pass 83" ...), zero where missing. */
function counts(report) {
  const n = { pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0 };
  for (const k of Object.keys(n)) {
    const m = new RegExp(`^\\S* ?${k} (\\d+)\\s*$`, "m").exec(report);
    if (m) n[k] = Number(m[1]);
  }
  return n;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  await ensureBuilt();
  const unit = opts.only === "e2e" ? [] : find(join(packageRoot, "build", "test", "unit"), ".test.js", true);
  let e2e = opts.only === "unit" ? [] : find(join(packageRoot, "build", "test", "e2e"), ".test.js", false);
  if (opts.files) e2e = e2e.filter((f) => f.includes(opts.files));
  if (opts.only !== "unit" && e2e.length === 0) throw new Error(`no end-to-end test files in build/test/e2e${opts.files ? " match " + opts.files : ""}`);

  const env = {};
  let devnet;
  let wasmDir;
  let testChild;
  let stopping = false;
  const cleanup = async () => {
    if (testChild) try { process.kill(-testChild.pid, "SIGKILL"); } catch { /* gone */ }
    if (devnet) {
      if (process.env.ENIGMA_E2E_LOG) try { copyFileSync(devnet.logPath, process.env.ENIGMA_E2E_LOG); } catch { /* no log */ }
      await devnet.stop();
    }
    if (wasmDir) await rm(wasmDir, { recursive: true, force: true });
  };
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(sig, () => {
      if (stopping) return;
      stopping = true;
      log(`${sig}: stopping the devnet`);
      cleanup().finally(() => process.exit(130));
    });
  }

  try {
    if (e2e.length > 0) {
      const bin = await buildEnigma({ log });
      wasmDir = await mkdtemp(join(tmpdir(), "enigma-ts-e2e-wasm-"));
      const contracts = buildContracts(bin, wasmDir, undefined, { log });
      if (opts.devnet) {
        env.ENIGMA_DEVNET_DIR = opts.devnet;
        await contracts;
      } else {
        const [, d] = await Promise.allSettled([contracts, startDevnet(bin, { log })]).then((rs) => {
          const failed = rs.find((r) => r.status === "rejected");
          if (failed) {
            if (rs[1].status === "fulfilled") devnet = rs[1].value;
            throw failed.reason;
          }
          return rs.map((r) => r.value);
        });
        devnet = d;
        env.ENIGMA_DEVNET_DIR = devnet.dataDir;
      }
      env.ENIGMA_WASM_DIR = wasmDir;
    }
    const timeoutMs = Number(process.env.ENIGMA_E2E_TIMEOUT_S || 1200) * 1000;
    const testsStarted = Date.now();
    log(`running ${unit.length} unit and ${e2e.length} end-to-end test files`);
    const { code, report } = await nodeTest([...unit, ...e2e], env, timeoutMs, (c) => { testChild = c; });
    testChild = undefined;
    log(`tests ${code === 0 ? "passed" : "failed"} in ${((Date.now() - testsStarted) / 1000).toFixed(1)} s (${((Date.now() - started) / 1000).toFixed(1)} s in all)`);
    if (code !== 0 && devnet) {
      console.log(`--- the devnet's log, last 150 lines (ENIGMA_E2E_LOG=FILE keeps all of it) ---\n${devnet.tail(150)}\n---`);
    }
    // One closing line for the whole run (todo tests count as skipped).
    const n = counts(report);
    console.log(`ts: ${n.pass} passed, ${n.fail + n.cancelled} failed, ${n.skipped + n.todo} skipped`);
    return code === 0 && n.fail + n.cancelled > 0 ? 1 : code;
  } finally {
    if (!stopping) await cleanup();
  }
}

main().then((code) => process.exit(code), (err) => {
  console.error(`e2e: ${err.message}`);
  process.exit(1);
});
