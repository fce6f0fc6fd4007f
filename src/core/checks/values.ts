/** Showing values in messages (en-GB); the reading of cells lives in ../return (re-exported here). */
import type { CellValue } from "../workbook/types";

export { norm, text } from "../return/text";
export { isExcelError, parseNumberText, readNumber, type NumberRead } from "../return/cells";

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
