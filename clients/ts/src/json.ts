/**
 * JSON with bigints: written as bare integers, which Go decodes into uint64
 * exactly (JSON.stringify refuses bigints, and a Number loses the digits
 * past 2^53).
 */
export function stringifyJSON(value: unknown, indent = 0): string {
  return write(value, indent > 0 ? " ".repeat(indent) : "", "");
}

function write(v: unknown, step: string, pad: string): string {
  switch (typeof v) {
    case "bigint":
      return v.toString();
    case "string":
    case "boolean":
      return JSON.stringify(v);
    case "number":
      return Number.isFinite(v) ? JSON.stringify(v) : "null";
    case "object": {
      if (v === null) return "null";
      const inner = pad + step;
      const nl = step ? "\n" : "";
      if (Array.isArray(v)) {
        if (v.length === 0) return "[]";
        return "[" + nl + v.map((x) => inner + (x === undefined ? "null" : write(x, step, inner))).join("," + nl) + nl + pad + "]";
      }
      if (typeof (v as { toJSON?: unknown }).toJSON === "function") return write((v as { toJSON: () => unknown }).toJSON(), step, pad);
      const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined && typeof x !== "function");
      if (entries.length === 0) return "{}";
      const sep = step ? ": " : ":";
      return "{" + nl + entries.map(([k, x]) => inner + JSON.stringify(k) + sep + write(x, step, inner)).join("," + nl) + nl + pad + "}";
    }
    default:
      return "null";
  }
}
