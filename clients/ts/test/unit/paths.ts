import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";

/** clients/ts (the compiled tests live in build/test/unit). */
export const pkgRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
/** The repository's root. */
export const repoRoot = join(pkgRoot, "..", "..");

export function readJSON<T>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

export const unhex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/^0x/, ""), "hex"));
export const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex");
