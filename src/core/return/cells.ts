/** Reading cell values as officers type and paste them: numbers, numbers stored as text, Excel errors. */
import type { CellValue } from "../workbook/types";

const EXCEL_ERROR = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|EXTERNAL!|PYTHON!)$/i;

/** "#DIV/0!" and the other error values Excel shows in place of a result. */
export function isExcelError(value: CellValue | undefined): value is string {
  return typeof value === "string" && EXCEL_ERROR.test(value.trim());
}

export type NumberRead =
  | { kind: "blank" }
  | { kind: "number"; value: number; fromText: boolean }
  | { kind: "error"; text: string }
  | { kind: "text" };

const NUMBER_TEXT = /^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;

/**
 * Reads a number typed or pasted as text: "1,234", " 12 ", "£1,200.50", "-5", "(20)", and with
 * `percent`, "25%" as 0.25. Undefined when the text is not a number.
 */
export function parseNumberText(raw: string, percent = false): number | undefined {
  let s = raw.replace(/[\u00a0\u2007\u2009\u202f]/g, " ").trim();
  let negative = false;
  if (s.length > 2 && s.startsWith("(") && s.endsWith(")")) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (s.startsWith("-") || s.startsWith("+")) {
    negative = negative !== s.startsWith("-");
    s = s.slice(1).trim();
  }
  if (s.startsWith("£")) s = s.slice(1).trim();
  if (s.startsWith("-")) {
    negative = !negative;
    s = s.slice(1).trim();
  }
  let scale = 1;
  if (percent && s.endsWith("%")) {
    scale = 0.01;
    s = s.slice(0, -1).trim();
  }
  if (!/\d/.test(s) || !NUMBER_TEXT.test(s)) return undefined;
  const n = Number(s.replace(/,/g, "")) * scale;
  if (!Number.isFinite(n)) return undefined;
  return negative ? -n : n;
}

/** Reads a cell that should hold a number. Whitespace-only is blank; text numbers are read but marked. */
export function readNumber(value: CellValue | undefined, percent = false): NumberRead {
  if (value === null || value === undefined) return { kind: "blank" };
  if (typeof value === "number") return Number.isFinite(value) ? { kind: "number", value, fromText: false } : { kind: "text" };
  if (typeof value === "boolean") return { kind: "text" };
  if (value.trim() === "") return { kind: "blank" };
  if (isExcelError(value)) return { kind: "error", text: value.trim() };
  const n = parseNumberText(value, percent);
  return n === undefined ? { kind: "text" } : { kind: "number", value: n, fromText: true };
}

/**
 * Whether an Excel number format shows numbers as dates or times ("dd/mm/yyyy", "mmm-yy",
 * "h:mm"): quoted text, escaped characters and [colour]/[$-locale] parts are ignored; General,
 * "#,##0", "0%" and currency formats are not dates.
 */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== "string" || format === "" || /^general$/i.test(format.trim())) return false;
  const bare = format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, "")
    .split(";")[0]!;
  return /[dmyhs]/i.test(bare);
}
