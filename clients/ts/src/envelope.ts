/**
 * The v2 envelope (docs/protocol/envelope-v2.md) and the hashes of the
 * per-task and batched paths. Filled in by the envelope implementation.
 */
export {};
