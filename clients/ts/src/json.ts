/** JSON with bigints: written as bare numbers (Go decodes them into uint64 exactly). */
export function stringifyJSON(value: unknown, indent?: number): string {
  const marks: string[] = [];
  const s = JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === "bigint") {
      marks.push(v.toString());
      return `\u0000bigint${marks.length - 1}\u0000`;
    }
    return v;
  }, indent);
  return s.replace(/"\\u0000bigint(\d+)\\u0000"/g, (_m, i: string) => marks[Number(i)]);
}
