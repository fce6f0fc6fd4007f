/**
 * How the Summarise view says things: which rows are the key figures, and values in plain
 * British English (money as £18,450.00, numbers as 4,830, months as Jul 2020). Pure functions,
 * tested on their own (test/taskpane/summary-display.test.ts).
 */
import { TOTAL_BREAKDOWN } from "../core/layout/contract";
import { monthLabel } from "../core/calendar";
import { describeMonths, rowLabel, type Direction, type MeasureSummary, type ReturnSummary } from "../core/summary";
import { formatMoneyWithPence, plural } from "../core/format";

const NUMBER = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

/** The rows shown at a glance: the framework's key measures; when it marks none, every measure's total. */
export function keyRows(summary: Pick<ReturnSummary, "measures">): MeasureSummary[] {
  const key = summary.measures.filter((m) => m.key);
  if (key.length > 0) return key;
  return summary.measures.filter((m) => m.breakdown === "" || m.breakdown === TOTAL_BREAKDOWN);
}

/** A value in the measure's unit: "£18,450.00", "4,830", "420 hours". */
export function formatValue(value: number, unit: MeasureSummary["unit"]): string {
  if (unit === "gbp") return formatMoneyWithPence(value);
  const text = NUMBER.format(value);
  return unit === "hours" ? `${text} ${value === 1 ? "hour" : "hours"}` : text;
}

/** "710 in Jul 2020". */
export function valueInMonth(figure: NonNullable<MeasureSummary["latest"]>, unit: MeasureSummary["unit"]): string {
  return `${formatValue(figure.value, unit)} in ${monthLabel(figure.month)}`;
}

/** A stock's direction in words, against the month before: "Lower than Jun 2020 (down 44)". */
export function directionText(m: Pick<MeasureSummary, "direction" | "previous" | "change" | "unit">): string | undefined {
  if (!m.direction || !m.previous || m.change === undefined) return undefined;
  const before = monthLabel(m.previous.month);
  if (m.direction === "Same") return `Same as ${before}`;
  const by = formatValue(Math.abs(m.change), m.unit);
  return `${m.direction} than ${before} (${m.direction === "Higher" ? "up" : "down"} ${by})`;
}

export const DIRECTIONS: readonly Direction[] = ["Higher", "Lower", "Same"];

/** "Apr 2020 to Jul 2020, 4 of 12 months". */
export function monthsCoveredText(summary: Pick<ReturnSummary, "monthsCovered">): string {
  const n = summary.monthsCovered.length;
  if (n === 0) return "No months reported yet";
  return `${describeMonths(summary.monthsCovered)}, ${n} of 12 months`;
}

/** "3 figures with check errors were left out: run Check to see them"; undefined when none were. */
export function excludedText(summary: Pick<ReturnSummary, "excludedFigures">): string | undefined {
  const n = summary.excludedFigures;
  if (n <= 0) return undefined;
  return `${plural(n, "figure")} with check errors ${n === 1 ? "was" : "were"} left out: run Check to see ${n === 1 ? "it" : "them"}.`;
}

/** The measure's plain name for people (its breakdown too, if a breakdown is shown). */
export function measureName(m: Pick<MeasureSummary, "measure" | "breakdown">): string {
  return rowLabel(m);
}

/** What the live region says when a summary is built. */
export function builtAnnouncement(summary: ReturnSummary, refreshed: boolean): string {
  const rows = keyRows(summary).length;
  return `Board summary ${refreshed ? "refreshed" : "built"}: ${plural(rows, "key figure")}, ${monthsCoveredText(summary)}.${
    summary.excludedFigures > 0 ? ` ${excludedText(summary)}` : ""
  }`;
}
