/**
 * Node-only helpers (`@enigma-go/client/node`): read a devnet's
 * addresses.json and connect to it as one of its dev accounts. The browser
 * bundle leaves them out.
 */
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { HDNodeWallet } from "ethers";
import { EnigmaClient } from "./client.js";
import { Code, EnigmaError } from "./errors.js";
import type { Addresses, ConnectOptions } from "./types.js";

/** The devnet's mnemonic: its dev accounts are web3's accounts[0..9] of it (docs/devnet.md). */
export const DEV_MNEMONIC = "test test test test test test test test test test test junk";

/** The private key (0x-hex) of dev account `index` (m/44'/60'/0'/0/index of {@link DEV_MNEMONIC}). */
export function devAccountKey(index: number): string {
  if (!Number.isInteger(index) || index < 0) {
    throw new EnigmaError(Code.InvalidInput, `dev account index ${index} is not a non-negative integer`);
  }
  return HDNodeWallet.fromPhrase(DEV_MNEMONIC, undefined, `m/44'/60'/0'/0/${index}`).privateKey;
}

/**
 * Reads addresses.json from a devnet's data folder (or the file itself):
 * the Enigma contract, the token, the Ethereum node and the gateway.
 */
export async function loadAddresses(dirOrFile: string): Promise<Addresses> {
  let path = dirOrFile;
  try {
    if ((await stat(dirOrFile)).isDirectory()) path = join(dirOrFile, "addresses.json");
  } catch (err) {
    throw new EnigmaError(Code.NotFound, `no devnet at ${dirOrFile}: start one with \`enigma devnet --data ${dirOrFile}\``, { cause: err });
  }
  let raw: string;
  try {
    raw = await readFile(path, "utf8");
  } catch (err) {
    throw new EnigmaError(Code.NotFound, `read ${path} (start a devnet, or pass its data folder): ${(err as Error).message}`, { cause: err });
  }
  let a: Partial<Addresses>;
  try {
    a = JSON.parse(raw) as Partial<Addresses>;
  } catch (err) {
    throw new EnigmaError(Code.InvalidInput, `parse ${path}: ${(err as Error).message}`, { cause: err });
  }
  for (const k of ["contract", "token", "eth_node", "proxy"] as const) {
    if (typeof a[k] !== "string" || a[k] === "") {
      throw new EnigmaError(Code.InvalidInput, `${path} has no "${k}": is it a devnet's addresses.json?`);
    }
  }
  return a as Addresses;
}

/** Options of {@link connectDevnet}. */
export type DevnetOptions = Partial<ConnectOptions> & {
  /** The dev account to send as (default 1); ignored when signer, privateKey or account is given. */
  accountIndex?: number;
};

/**
 * Connects to the devnet whose data folder is `dir` (default: the
 * ENIGMA_DEVNET_DIR environment variable) as dev account
 * `opts.accountIndex` (default 1), with its private key, so batched tasks
 * and queries are signed by the client itself.
 */
export async function connectDevnet(dir: string | undefined = process.env.ENIGMA_DEVNET_DIR, opts: DevnetOptions = {}): Promise<EnigmaClient> {
  if (!dir) {
    throw new EnigmaError(Code.InvalidInput, "no devnet folder: pass one or set ENIGMA_DEVNET_DIR");
  }
  const a = await loadAddresses(dir);
  const { accountIndex, ...rest } = opts;
  const who = rest.signer || rest.privateKey || rest.account ? {} : { privateKey: devAccountKey(accountIndex ?? 1) };
  return EnigmaClient.connect({
    rpcUrl: rest.provider ? undefined : a.eth_node,
    gatewayUrl: a.proxy,
    enigmaAddress: a.contract,
    tokenAddress: a.token,
    ...who,
    ...rest,
  });
}
