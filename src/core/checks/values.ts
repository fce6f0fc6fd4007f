/** Showing values in messages (en-GB); the reading of cells lives in ../return (re-exported here). */
import { formatMoney, formatNumber, formatPercent } from "../format";
import type { CellValue } from "../workbook/types";

export { norm, text } from "../return/text";
export { isExcelError, parseNumberText, readNumber, type NumberRead } from "../return/cells";

// --- Showing values -----------------------------------------------------------------------------

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
