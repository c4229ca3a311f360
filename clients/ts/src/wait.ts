/** Bounded waits: deadlines, sleeps that an AbortSignal ends, the errors they end with. */
import { Code, EnigmaError } from "./errors.js";

/** The error of a call its caller aborted: code Timeout (1104), cause the signal's reason. */
export function abortError(signal: AbortSignal, what: string): EnigmaError {
  const reason = signal.reason instanceof Error ? signal.reason.message : String(signal.reason ?? "aborted");
  return new EnigmaError(Code.Timeout, `${what}: aborted (${reason})`, { cause: signal.reason });
}

/** Throws abortError when signal is aborted. */
export function checkAborted(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) throw abortError(signal, what);
}

/**
 * A signal that aborts after ms or when parent aborts; call done() to
 * release its timer.
 */
export function withDeadline(ms: number, parent?: AbortSignal): { signal: AbortSignal; done: () => void } {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(new EnigmaError(Code.Timeout, `deadline of ${ms} ms passed`)), ms);
  const onAbort = () => ctl.abort(parent?.reason);
  if (parent) {
    if (parent.aborted) ctl.abort(parent.reason);
    else parent.addEventListener("abort", onAbort, { once: true });
  }
  return {
    signal: ctl.signal,
    done: () => {
      clearTimeout(timer);
      parent?.removeEventListener("abort", onAbort);
    },
  };
}

/** Resolves after ms, or rejects with abortError when signal aborts first. */
export function sleep(ms: number, signal?: AbortSignal, what = "wait"): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal, what));
      return;
    }
    const onAbort = () => {
      clearTimeout(t);
      reject(abortError(signal!, what));
    };
    const t = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** A deadline for a whole wait: ms from now, ended early by the caller's signal. */
export class Deadline {
  readonly at: number;
  readonly start = Date.now();
  constructor(readonly ms: number, readonly signal?: AbortSignal) {
    this.at = this.start + ms;
  }
  /** Milliseconds left (0 when passed). */
  left(): number {
    return Math.max(0, this.at - Date.now());
  }
  passed(): boolean {
    return Date.now() >= this.at || !!this.signal?.aborted;
  }
  elapsed(): number {
    return Date.now() - this.start;
  }
  /** Sleeps min(ms, time left); false when the deadline passed. Throws when the caller aborted. */
  async sleep(ms: number, what: string): Promise<boolean> {
    checkAborted(this.signal, what);
    const left = this.left();
    if (left === 0) return false;
    await sleep(Math.min(ms, left), this.signal, what);
    return !this.passed();
  }
}

/** A mutex: run() calls fn once every earlier fn ended. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(() => fn(), () => fn());
    this.tail = next.catch(() => undefined);
    return next;
  }
}
