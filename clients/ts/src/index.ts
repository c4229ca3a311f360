/**
 * @enigma-go/client: the TypeScript client of an enigma-go network.
 *
 * ```ts
 * import { Enigma } from "@enigma-go/client";
 * const client = await Enigma.connect({ rpcUrl, gatewayUrl, enigmaAddress, privateKey });
 * const dep = await client.deploy(wasm, "construct()");
 * await dep.wait();
 * const task = await client.compute(dep.contract, "add(uint256,uint256)", [76n, 17n], { returns: "uint256" });
 * const { value } = await task.result(); // 93n, proved against the batch root on chain, then decrypted
 * ```
 *
 * In a browser the bundle dist/enigma.browser.js defines the global
 * `Enigma` with the same exports (`Enigma.connect(...)`).
 */
import { EnigmaClient } from "./client.js";
import type { ConnectOptions } from "./types.js";

export { EnigmaClient } from "./client.js";
export { RawArgs, encodeArgs, decodeReturns } from "./abiargs.js";
export type { Args } from "./abiargs.js";
export type { Settings } from "./core.js";
export { Task } from "./task.js";
export { GatewayClient } from "./gateway.js";
/** The v2 envelope and the protocol's hashes (also at "@enigma-go/client/envelope"). */
export * as envelope from "./envelope.js";
/** The ethers the client is built on (v6), so a page using the browser bundle needs no second copy. */
export * as ethers from "ethers";
export * from "./errors.js";
export { ENIGMA_ABI } from "./abi/enigma.js";
export { TOKEN_ABI } from "./abi/token.js";
export { selectOne, selectWorkers, draw } from "./selection.js";
export type { SelectionParams } from "./selection.js";
export type * from "./types.js";

/** Connects to a network: see {@link EnigmaClient.connect}. */
export function connect(opts: ConnectOptions): Promise<EnigmaClient> {
  return EnigmaClient.connect(opts);
}

/** The entry point: `Enigma.connect({...})`. */
export const Enigma = { connect } as const;
