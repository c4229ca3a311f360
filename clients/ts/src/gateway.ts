/**
 * The gateway's JSON-RPC over HTTP POST, as sdk/client/rpc.go: a node
 * that cannot be reached, or answers without JSON-RPC, is Unavailable
 * (1103); -32601 is NotSupportedError; any other error carries the code of
 * its `data.code` (Unknown without one).
 */
import { Code, EnigmaError, NotSupportedError } from "./errors.js";
import { stringifyJSON } from "./json.js";
import { abortError, withDeadline } from "./wait.js";

/** JSON-RPC's "method not found / not available". */
const METHOD_NOT_FOUND = -32601;
/** Bound of a reply: a result carries at most an output and a delta. */
const MAX_REPLY_BYTES = 64 << 20;

/**
 * A JSON-RPC client of the gateway (the client's own; exported for tools
 * that call the gateway's other methods). Every call is bounded by the
 * timeout given here and by the caller's signal.
 */
export class GatewayClient {
  private id = 0;
  /**
   * Set once the gateway answered a call: until then an unreachable
   * gateway is more likely a wrong URL than a restart, and calls are not
   * tried again.
   */
  reached = false;

  constructor(
    readonly url: string,
    private readonly timeoutMs: number,
    private readonly fetchFn: typeof fetch = globalThis.fetch.bind(globalThis),
  ) {}

  /** Calls method with params and returns its result. */
  async call<T = unknown>(method: string, params: unknown, signal?: AbortSignal): Promise<T> {
    const body = stringifyJSON({ jsonrpc: "2.0", id: ++this.id, method, params });
    const { signal: s, done } = withDeadline(this.timeoutMs, signal);
    let raw: string;
    let status: number;
    try {
      let resp: Response;
      try {
        resp = await this.fetchFn(this.url, { method: "POST", headers: { "Content-Type": "application/json" }, body, signal: s });
      } catch (err) {
        if (signal?.aborted) throw abortError(signal, `gateway call ${method}`);
        const why = s.aborted ? `no answer within ${this.timeoutMs} ms` : (err as Error).message;
        throw new EnigmaError(Code.Unavailable, `gateway ${this.url} is unreachable (is the network running?): ${why}`, { cause: err });
      }
      this.reached = true;
      status = resp.status;
      try {
        raw = await resp.text();
      } catch (err) {
        if (signal?.aborted) throw abortError(signal, `gateway call ${method}`);
        throw new EnigmaError(Code.Unavailable, `gateway ${this.url}: read the reply to ${method}: ${(err as Error).message}`, { cause: err });
      }
    } finally {
      done();
    }
    if (raw.length > MAX_REPLY_BYTES) {
      throw new EnigmaError(Code.Unavailable, `gateway ${this.url} answered ${method} with ${raw.length} bytes, more than the ${MAX_REPLY_BYTES} a reply may hold`);
    }
    let reply: { result?: unknown; error?: { code?: number; message?: string; data?: { code?: number } } };
    try {
      reply = JSON.parse(raw);
      if (typeof reply !== "object" || reply === null) throw new Error("not an object");
    } catch {
      throw new EnigmaError(Code.Unavailable, `gateway ${this.url} answered ${method} with HTTP ${status} and no JSON-RPC reply: ${JSON.stringify(raw.slice(0, 200))}`);
    }
    const e = reply.error;
    if (e) {
      const msg = typeof e.message === "string" ? e.message : JSON.stringify(e);
      if (e.code === METHOD_NOT_FOUND) throw new NotSupportedError(`gateway ${this.url}: ${msg}: not supported by this node`);
      const code = typeof e.data?.code === "number" && e.data.code !== 0 ? e.data.code : Code.Unknown;
      throw new EnigmaError(code, `gateway: ${method}: ${msg}`, { rpcCode: typeof e.code === "number" ? e.code : undefined });
    }
    return reply.result as T;
  }
}
