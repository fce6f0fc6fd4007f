/**
 * JSON output written piece by piece, exactly as JSON.stringify(value, null, 2) would write it,
 * so a result of any size (hundreds of thousands of issues, long cell values) never has to be
 * one string ("Invalid string length") and starts appearing at once.
 */

const CHUNK = 64 * 1024;

/** Writes `value` as indented JSON followed by a newline, in chunks of about 64 KB. */
export function writeJson(value: unknown, write: (text: string) => void): void {
  let pending = "";
  const out = (text: string) => {
    pending += text;
    if (pending.length >= CHUNK) {
      write(pending);
      pending = "";
    }
  };
  emit(value, "", out);
  out("\n");
  if (pending !== "") write(pending);
}

function hasContainer(value: object): boolean {
  return Object.values(value).some((v) => Array.isArray(v) && v.length > 16);
}

function emit(value: unknown, indent: string, out: (text: string) => void): void {
  const toJSON = (value as { toJSON?: unknown } | null)?.toJSON;
  if (value === null || typeof value !== "object" || typeof toJSON === "function") {
    out(JSON.stringify(value) ?? "null");
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return out("[]");
    out("[\n");
    value.forEach((item, i) => {
      out(inner);
      if (item === undefined || typeof item === "function" || typeof item === "symbol") out("null");
      else emit(item, inner, out);
      out(i < value.length - 1 ? ",\n" : "\n");
    });
    out(`${indent}]`);
    return;
  }
  if (!hasContainer(value)) {
    // Small objects (an issue): JSON.stringify, re-indented (strings in JSON hold no raw newlines).
    out((JSON.stringify(value, null, 2) ?? "null").replace(/\n/g, `\n${indent}`));
    return;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== "function" && typeof v !== "symbol");
  if (entries.length === 0) return out("{}");
  out("{\n");
  entries.forEach(([key, v], i) => {
    out(`${inner}${JSON.stringify(key)}: `);
    emit(v, inner, out);
    out(i < entries.length - 1 ? ",\n" : "\n");
  });
  out(`${indent}}`);
}
