/** How the reader compares headers, field names and list values, and reads a cell as text. */
import type { CellValue } from "../workbook/types";

/**
 * The compared form of a header, field or list value: non-breaking and thin spaces made plain,
 * trimmed, runs of spaces made single, lower-cased. The one header matcher of the project.
 */
export function norm(value: unknown): string {
  return (value === null || value === undefined ? "" : String(value)).replace(/[\u00a0\u2007\u2009\u202f]/g, " ").trim().replace(/\s+/g, " ").toLowerCase();
}

/** A cell's text, trimmed ("" for blank). */
export function text(value: CellValue | undefined): string {
  return value === null || value === undefined ? "" : String(value).trim();
}

/** Index of the header matching `name` (by norm), or -1. */
export function headerIndex(headers: readonly unknown[], name: string): number {
  const wanted = norm(name);
  return headers.findIndex((h) => norm(h) === wanted);
}
