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

/** What a number cell needs, for its checks and their messages. */
export interface NumberSpec {
  /** What the figure is, for messages: "Welfare calls made (Jun 2020)". */
  what: string;
  unit: FigureUnit;
  whole: boolean;
  min?: number | undefined;
  max?: number | undefined;
  /** Percentages are fractions from 0 to 1 (0% to 100%). */
  percent?: boolean;
  /** What to do instead of a figure, e.g. "or leave it blank if it was not reported". */
  blank: string;
}

/** "a whole number of 0 or more", "an amount in pounds from £0 to £100", "a percentage from 0% to 100%" */
export function describeNeed(spec: NumberSpec): string {
  if (spec.percent) return "a percentage from 0% to 100%, e.g. 25%";
  const show = (n: number) => formatFigure(n, spec.unit === "gbp" ? "gbp" : "number");
  const what = spec.unit === "gbp" ? (spec.whole ? "an amount in whole pounds" : "an amount in pounds") : spec.whole ? "a whole number" : "a number";
  if (spec.min === undefined) return what;
  return spec.max === undefined ? `${what} of ${show(spec.min)} or more` : `${what} from ${show(spec.min)} to ${show(spec.max)}`;
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
