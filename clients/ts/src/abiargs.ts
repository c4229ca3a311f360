/** Function arguments and return values to and from the ABI (ethers' coder). */
import { AbiCoder, FunctionFragment, getBytes, ParamType, Result } from "ethers";
import { Code, EnigmaError } from "./errors.js";
import type { ReturnTypes } from "./types.js";

/** Arguments already ABI-encoded (no selector), passed in place of values. */
export class RawArgs {
  readonly data: Uint8Array;
  constructor(data: Uint8Array) {
    this.data = new Uint8Array(data);
  }
}

/** Function arguments: values ABI-encoded against the signature's types, or {@link RawArgs}. */
export type Args = readonly unknown[] | RawArgs;

/** Checks a function signature like "add(uint256,uint256)" and returns its fragment. */
export function parseSignature(sig: string): FunctionFragment {
  if (typeof sig !== "string" || !/^[A-Za-z_$][A-Za-z0-9_$]*\(.*\)$/s.test(sig.trim())) {
    throw new EnigmaError(Code.InvalidInput, `${JSON.stringify(sig)} is not a function signature like "add(uint256,uint256)"`);
  }
  try {
    return FunctionFragment.from("function " + sig.trim());
  } catch (err) {
    throw new EnigmaError(Code.InvalidInput, `${JSON.stringify(sig)} is not a function signature like "add(uint256,uint256)": ${(err as Error).message}`, { cause: err });
  }
}

/** ABI-encodes args (no selector) against the signature's argument types. */
export function encodeArgs(sig: string, args: Args): Uint8Array {
  const f = parseSignature(sig);
  if (args instanceof RawArgs) return args.data;
  if (!Array.isArray(args)) throw new EnigmaError(Code.InvalidInput, `the arguments of ${sig} must be an array (or RawArgs)`);
  if (args.length !== f.inputs.length) {
    throw new EnigmaError(Code.InvalidInput, `${sig} takes ${f.inputs.length} arguments (${f.inputs.map((p) => p.format()).join(", ")}), got ${args.length}`);
  }
  try {
    return getBytes(AbiCoder.defaultAbiCoder().encode(f.inputs, args));
  } catch (err) {
    throw new EnigmaError(Code.InvalidInput, `encode the arguments of ${sig}: ${(err as { shortMessage?: string }).shortMessage ?? (err as Error).message}`, { cause: err });
  }
}

/** The types of "(uint256,bool)", "uint256,bool", "uint256" or ["uint256", "bool"]. */
export function returnTypes(t: ReturnTypes): string[] {
  if (Array.isArray(t)) return [...t];
  const s = String(t).trim();
  if (s === "" || s === "()") return [];
  if (s.startsWith("(") && s.endsWith(")")) {
    try {
      return ParamType.from("tuple" + s).components!.map((c) => c.format());
    } catch (err) {
      throw new EnigmaError(Code.InvalidInput, `return types ${JSON.stringify(t)}: ${(err as Error).message}`, { cause: err });
    }
  }
  try {
    return ParamType.from(`tuple(${s})`).components!.map((c) => c.format());
  } catch (err) {
    throw new EnigmaError(Code.InvalidInput, `return types ${JSON.stringify(t)}: ${(err as Error).message}`, { cause: err });
  }
}

function plain(v: unknown): unknown {
  return v instanceof Result ? v.toArray().map(plain) : v;
}

/** Decodes output as the return types into plain values (bigints, 0x strings, booleans, arrays). */
export function decodeReturns(t: ReturnTypes, output: Uint8Array): unknown[] {
  const types = returnTypes(t);
  try {
    return AbiCoder.defaultAbiCoder().decode(types, output).toArray().map(plain);
  } catch (err) {
    throw new EnigmaError(Code.InvalidInput, `decode the output as (${types.join(",")}): ${(err as { shortMessage?: string }).shortMessage ?? (err as Error).message}`, { cause: err });
  }
}
