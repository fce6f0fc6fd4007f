/** Reading cell values as officers type and paste them, and showing values in messages (en-GB). */
import type { CellValue } from "../workbook/types";

/** Trimmed text with runs of spaces made single and lower-cased: how headers and list values are compared. */
export function norm(value: unknown): string {
  return (value === null || value === undefined ? "" : String(value)).replace(/[\u00a0\u2007\u2009\u202f]/g, " ").trim().replace(/\s+/g, " ").toLowerCase();
}

/** A cell's text, trimmed ("" for blank). */
export function text(value: CellValue | undefined): string {
  return value === null || value === undefined ? "" : String(value).trim();
}

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

// --- Showing values -----------------------------------------------------------------------------

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(min: number, max: number): Intl.NumberFormat {
  const key = `${min}/${max}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat("en-GB", { minimumFractionDigits: min, maximumFractionDigits: max });
    formats.set(key, f);
  }
  return f;
}

/** 1234.5 -> "1,234.5" (up to `decimals` decimal places). */
export function formatNumber(n: number, decimals = 2): string {
  return numberFormat(0, decimals).format(n);
}

/** 1200.5 -> "£1,200.50", 500 -> "£500", -3 -> "-£3". */
export function formatMoney(n: number): string {
  const whole = Math.abs(n - Math.round(n)) < 0.005;
  const body = whole ? numberFormat(0, 0).format(Math.abs(Math.round(n))) : numberFormat(2, 2).format(Math.abs(n));
  return `${n < 0 ? "-" : ""}£${body}`;
}

/** A fraction as a percentage: 0.25 -> "25%", 1.5 -> "150%". */
export function formatPercent(fraction: number): string {
  return `${formatNumber(fraction * 100, 2)}%`;
}

export type FigureUnit = "count" | "gbp" | "hours" | "people" | "percent" | "number";

/** A figure in its unit: money with £, percentages with %, everything else as en-GB numbers. */
export function formatFigure(n: number, unit: FigureUnit): string {
  switch (unit) {
    case "gbp":
      return formatMoney(n);
    case "percent":
      return formatPercent(n);
    default:
      return formatNumber(n, 2);
  }
}

/** A cell's value as a message shows it: text in quotes (shortened), numbers en-GB. */
export function showValue(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "blank";
  if (typeof value === "number") return formatNumber(value, 6);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const t = value.replace(/\s+/g, " ");
  const shown = t.length > 40 ? `${t.slice(0, 39)}…` : t;
  return `"${shown}"`;
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
