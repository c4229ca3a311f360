/**
 * Errors of the client. Every error it throws is an {@link EnigmaError}
 * whose `code` is one of the network's stable api codes (api/errors.go),
 * the same numbers the gateway sends in a JSON-RPC error's `data.code`.
 */

/** The network's stable error codes (api/errors.go); they never change meaning. */
export const Code = {
  Unknown: 1000,

  InvalidInput: 1100, // malformed request or parameter
  NotFound: 1101, // unknown task, contract or worker
  Replay: 1102, // task or message already seen
  Unavailable: 1103, // the component needed is down; retry later
  Timeout: 1104, // a wait ran out of time, or was aborted
  Conflict: 1105,
  RateLimited: 1106, // too many requests from this client; slow down and retry
  Expired: 1107, // a secret query's expiry is past or more than an hour ahead

  WrongKey: 1200,
  Tampered: 1201, // authentication failed, or a report does not match the chain
  BadSignature: 1202,
  BadEnvelope: 1203, // unknown envelope version, truncated or malformed message
  NotSelected: 1204, // the worker is not selected for the contract in this epoch
  WrongEpoch: 1205,
  InputsMismatch: 1206,

  InvalidModule: 1300,
  OutOfGas: 1301,
  Trap: 1302,
  ResourceLimit: 1303,
  UnknownFunction: 1304, // no such function (or, for a query, not a query function)
  HostCall: 1305,
  ReadOnly: 1306, // a query tried to write state or call Ethereum

  Chain: 1400, // an Ethereum transaction or call failed
} as const;

/** One of the values of {@link Code}. */
export type ErrorCode = (typeof Code)[keyof typeof Code] | number;

export const CodeUnknown = Code.Unknown;
export const CodeInvalidInput = Code.InvalidInput;
export const CodeNotFound = Code.NotFound;
export const CodeReplay = Code.Replay;
export const CodeUnavailable = Code.Unavailable;
export const CodeTimeout = Code.Timeout;
export const CodeConflict = Code.Conflict;
export const CodeRateLimited = Code.RateLimited;
export const CodeExpired = Code.Expired;
export const CodeWrongKey = Code.WrongKey;
export const CodeTampered = Code.Tampered;
export const CodeBadSignature = Code.BadSignature;
export const CodeBadEnvelope = Code.BadEnvelope;
export const CodeNotSelected = Code.NotSelected;
export const CodeWrongEpoch = Code.WrongEpoch;
export const CodeInputsMismatch = Code.InputsMismatch;
export const CodeInvalidModule = Code.InvalidModule;
export const CodeOutOfGas = Code.OutOfGas;
export const CodeTrap = Code.Trap;
export const CodeResourceLimit = Code.ResourceLimit;
export const CodeUnknownFunction = Code.UnknownFunction;
export const CodeHostCall = Code.HostCall;
export const CodeReadOnly = Code.ReadOnly;
export const CodeChain = Code.Chain;

/** The name of a code, e.g. 1201 → "Tampered"; "Code(n)" for one this client does not know. */
export function codeName(code: number): string {
  for (const [name, value] of Object.entries(Code)) {
    if (value === code) return name;
  }
  return `Code(${code})`;
}

/**
 * An error of the client or the network, with a stable api code. The
 * message says what went wrong and, where it helps, what to do.
 */
export class EnigmaError extends Error {
  /** The api code (see {@link Code}). */
  readonly code: ErrorCode;
  /** The gateway's JSON-RPC error code, when the error came from one. */
  readonly rpcCode?: number;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; rpcCode?: number }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "EnigmaError";
    this.code = code;
    if (options?.rpcCode !== undefined) this.rpcCode = options.rpcCode;
  }
}

/**
 * The node does not serve what the call needs (the gateway answered
 * JSON-RPC -32601: e.g. a node without envelope v2, batched tasks or
 * secret queries). Trying again does not help.
 */
export class NotSupportedError extends EnigmaError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(Code.Unknown, message, { ...options, rpcCode: -32601 });
    this.name = "NotSupportedError";
  }
}

/**
 * A per-task task stayed without a receipt past the chain's task timeout
 * (getTaskTimeoutSize blocks after its record): its fees can be returned
 * with {@link Task.returnFees}.
 */
export class TaskTimedOutError extends EnigmaError {
  readonly taskId: string;
  constructor(taskId: string, message: string) {
    super(Code.Timeout, message);
    this.name = "TaskTimedOutError";
    this.taskId = taskId;
  }
}

/**
 * A task that ended without a usable output: a failure receipt (the
 * worker's error text, decrypted, is the message's reason), a reverted
 * Ethereum callback (the output is in `output`), fees returned, or a
 * batched task its worker reports failed (never committed, not charged).
 */
export class TaskError extends EnigmaError {
  readonly taskId: string;
  /** The chain status the task ended with (0 for a batched task never committed). */
  readonly status: number;
  /** The worker's or contract's reason, decrypted. */
  readonly reason: string;
  /** Set for a batched task. */
  readonly batched: boolean;
  /** The output, for a task whose Ethereum callback reverted. */
  readonly output?: Uint8Array;

  constructor(init: { taskId: string; status: number; reason: string; batched?: boolean; code?: ErrorCode; output?: Uint8Array }) {
    const batched = init.batched ?? false;
    const msg =
      batched && init.status === 0
        ? `batched task ${init.taskId} failed and was not charged: ${init.reason}`
        : `task ${init.taskId} ended with ${chainStatusName(init.status)}: ${init.reason}`;
    super(init.code ?? Code.Unknown, msg);
    this.name = "TaskError";
    this.taskId = init.taskId;
    this.status = init.status;
    this.reason = init.reason;
    this.batched = batched;
    if (init.output) this.output = init.output;
  }
}

/**
 * A secret query the contract failed: require, panic, out of gas, or an
 * attempt to write state (`code` {@link Code.ReadOnly}). The reason was
 * sealed to the caller and is decrypted here.
 */
export class QueryError extends EnigmaError {
  readonly reason: string;
  readonly gasUsed: number;
  constructor(reason: string, gasUsed: number) {
    let code: ErrorCode = Code.Unknown;
    if (/cannot write state/i.test(reason)) code = Code.ReadOnly;
    else if (/out of gas/i.test(reason)) code = Code.OutOfGas;
    super(code, `the query failed: ${reason}`);
    this.name = "QueryError";
    this.reason = reason;
    this.gasUsed = gasUsed;
  }
}

/**
 * A task whose record is on chain (its fee paid) but that the gateway
 * refused: `task` can return its fees once it timed out
 * ({@link Task.returnFees}). `code` is the refusal's.
 */
export class TaskSendError extends EnigmaError {
  readonly task: import("./task.js").Task;
  constructor(task: import("./task.js").Task, cause: unknown) {
    const code = cause instanceof EnigmaError ? cause.code : Code.Unknown;
    const why = cause instanceof Error ? cause.message : String(cause);
    super(code, `task ${task.id} has its record on chain but the gateway refused it (its fees can be returned with task.returnFees() after the timeout): ${why}`, { cause });
    this.name = "TaskSendError";
    this.task = task;
  }
}

/** A task record's status in the Enigma contract (api.ChainStatus). */
export const ChainStatus = {
  Undefined: 0, // no such task record
  RecordCreated: 1, // fee paid, waiting for a receipt
  ReceiptVerified: 2, // success receipt committed
  ReceiptFailed: 3, // failure receipt committed
  ReceiptFailedETH: 4, // success receipt, but its Ethereum callback reverted
  ReceiptFailedRet: 5, // fees returned to the sender after the timeout
} as const;
export type ChainStatus = (typeof ChainStatus)[keyof typeof ChainStatus];

/** The name of a chain status, e.g. 2 → "ReceiptVerified". */
export function chainStatusName(s: number): string {
  for (const [name, value] of Object.entries(ChainStatus)) {
    if (value === s) return name;
  }
  return `ChainStatus(${s})`;
}

/** Whether a chain status is final (a receipt, or fees returned). */
export function chainStatusFinal(s: number): boolean {
  return s >= ChainStatus.ReceiptVerified;
}

/** The code of err if it is an EnigmaError, else {@link Code.Unknown}. */
export function codeOf(err: unknown): ErrorCode {
  return err instanceof EnigmaError ? err.code : Code.Unknown;
}
