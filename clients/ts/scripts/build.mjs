// npm run build: the library (tsc → dist/, ESM with .d.ts), the browser
// bundle (esbuild → dist/enigma.browser.js, an IIFE defining the global
// Enigma) and the tests and scripts (tsc → build/, importing the package
// by its name, so they run against dist/).
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const tsc = require.resolve("typescript/bin/tsc");

rmSync(join(root, "dist"), { recursive: true, force: true });
rmSync(join(root, "build"), { recursive: true, force: true });
execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.json")], { stdio: "inherit" });
await esbuild.build({
  entryPoints: [join(root, "dist", "index.js")],
  outfile: join(root, "dist", "enigma.browser.js"),
  bundle: true,
  format: "iife",
  globalName: "Enigma",
  platform: "browser",
  target: ["es2022"],
  minify: true,
  legalComments: "none",
  logLevel: "warning",
});
execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.test.json")], { stdio: "inherit" });
