/**
 * The summary model: what a board summary says about one return, worked out in the core from the
 * return as read and checked (docs/summary-format.md).
 *
 * Flows (the figure for that month only) add up over months: year to date, monthly average.
 * Stocks (a point-in-time figure at the end of the month) never do: their latest value, the change
 * from the previous reported month and its direction. Blank is "not reported"; 0 is zero. A figure
 * whose cell has a check error is left out and counted, so the board never sees a typo as a figure.
 */
import type { Framework, Measure } from "../framework";
import { TOTAL_BREAKDOWN } from "../layout/contract";
import { monthIndex, monthLabel, reportingMonths, type YearMonth } from "../calendar";
import { measureRowKey, readNumber, type ReturnData } from "../return";
import { measureRows } from "../setup/measure-rows";
import type { SignOffStatus } from "../checks/sign-off";
import type { CheckResult } from "../checks/types";
import { summariseCaseStudies, type CaseStudiesSummary } from "./case-studies";
import { cellKey } from "./keys";
import { summariseReflections, type ReflectionsSummary } from "./reflections";
import { summariseSocialValue, type SocialValueSummary } from "./social-value";

export type Direction = "Higher" | "Lower" | "Same";
export type MeasureKind = Measure["kind"];

/** One reported figure of a measure row. */
export interface MonthFigure {
  month: YearMonth;
  /** The month's place in the reporting year, 0-11. */
  slot: number;
  value: number;
  /** The cell has a check warning nobody has explained yet: the figure is used, and marked † where it is shown. */
  warning?: true;
}

/** The key figures of one Measures row (a measure's total or one of its breakdowns). */
export interface MeasureSummary {
  code: string;
  /** The framework's wording of the measure. */
  measure: string;
  /** "" for a measure without breakdowns, "Total" for a broken-down measure's total, else the breakdown. */
  breakdown: string;
  unit: Measure["unit"];
  kind: MeasureKind;
  /** The framework marks it as a key measure (charted). */
  key: boolean;
  /** Whether the return's Measures table has this row at all (a framework's newer measure may not be there). */
  inReturn: boolean;
  /** The figures reported, in month order (blank months have none; 0 is a figure). */
  figures: MonthFigure[];
  monthsReported: number;
  /** Flows only: the sum of the reported months. */
  yearToDate?: number;
  /** Flows only: year to date / months reported. */
  monthlyAverage?: number;
  latest?: MonthFigure;
  /** The last month reported before the latest one (a gap month is skipped). */
  previous?: MonthFigure;
  /** latest - previous. */
  change?: number;
  /** Stocks only: Higher, Lower or Same than the previous reported month. */
  direction?: Direction;
  /** Figures of this row left out because their cells have check errors. */
  excluded: number;
  /** The framework marks it as a headline measure (its total stands in large type at the top of the Board summary). */
  headline: boolean;
  /** Figures of this row used with a warning not yet explained (each marked †). */
  warned: number;
  /** Last year beside this year, when Summarise was given last year's return (see ./last-year.ts). */
  lastYear?: LastYearFigure;
}

/** How a measure row compares with last year's return. */
export type LastYearFigure =
  | {
      status: "compared";
      /** Flows: the sum over the months this year covers; stocks: the figure of the same month last year. */
      value: number;
      /** This year's figure - last year's; absent when this year has no figure. */
      change?: number;
      /** change / last year's figure x 100; absent when last year's figure is 0. */
      changePercent?: number;
      /** Last year's figures by slot (0-11), for charts; null where not reported. */
      figures: (number | null)[];
    }
  /** Last year's return has the row but no figure in the months compared. */
  | { status: "not reported"; figures: (number | null)[] }
  /** Last year's framework had no such measure (or breakdown). */
  | { status: "new this year" };

export interface ReturnSummary {
  organisation?: string;
  organisationCode?: string;
  framework: { id: string; version: number; title: string };
  /** The first month of the reporting year. */
  yearStart: YearMonth;
  /** The months with at least one figure, in order. */
  monthsCovered: YearMonth[];
  measures: MeasureSummary[];
  socialValue: SocialValueSummary;
  caseStudies: CaseStudiesSummary;
  /** The team's reflections with text, latest month first (./reflections.ts). */
  reflections: ReflectionsSummary;
  /** Figures left out because their cells have check errors (on rows the framework knows, and on rows it does not). */
  excludedFigures: number;
  /** Whether the return's sign-off holds, as Check found it. */
  signOff?: SignOffStatus;
  /** Check errors and warnings of the return when summarised. */
  errors: number;
  warnings: number;
  /** Figures used with a warning not yet explained (marked †), over every measure row. */
  warnedFigures: number;
  /** Last year's return set beside this one (its months compared are this year's covered months a year earlier). */
  lastYear?: { organisation?: string; yearStart: YearMonth; framework: { id: string; version: number; title: string } };
}

/** What the summary starts from: the return read, the framework it was checked against, and the check. */
export interface SummaryInput {
  data: ReturnData;
  framework: Framework;
  result: CheckResult;
}

/** The cells with check errors, as "sheet!cell" (lower-cased sheet). */
export function errorCells(result: CheckResult): Set<string> {
  const cells = new Set<string>();
  for (const issue of result.issues) if (issue.severity === "error" && issue.cell !== "") cells.add(`${issue.sheet.toLowerCase()}!${issue.cell}`);
  return cells;
}

/** The cells with a check warning not yet explained (not accepted), as "sheet!cell" (lower-cased sheet). */
export function unexplainedWarningCells(result: CheckResult): Set<string> {
  const cells = new Set<string>();
  for (const issue of result.issues) if (issue.severity === "warning" && issue.accepted !== true && issue.cell !== "") cells.add(`${issue.sheet.toLowerCase()}!${issue.cell}`);
  return cells;
}

export function summariseReturn({ data, framework, result }: SummaryInput, fallbackYearStart: YearMonth): ReturnSummary {
  const yearStart = data.yearStart ?? fallbackYearStart;
  const months = reportingMonths(yearStart);
  const bad = errorCells(result);
  const warned = unexplainedWarningCells(result);
  const rowsByKey = new Map<string, NonNullable<ReturnData["measures"]>["rows"][number]>();
  for (const row of data.measures?.rows ?? []) if (row.code !== "" && !rowsByKey.has(row.key)) rowsByKey.set(row.key, row);
  const used = new Set<number>();
  let excludedFigures = 0;

  const measures: MeasureSummary[] = measureRows(framework).map((fr) => {
    const key = measureRowKey(fr.code, fr.breakdown);
    const row = rowsByKey.get(key);
    if (row) used.add(row.i);
    const figures: MonthFigure[] = [];
    let excluded = 0;
    for (let slot = 0; slot < 12; slot++) {
      const cell = row?.cells[slot];
      if (!cell) continue;
      const read = readNumber(cell.value);
      if (read.kind === "blank") continue;
      if (read.kind !== "number" || bad.has(cellKey(cell.at))) {
        excluded++;
        continue;
      }
      const figure: MonthFigure = { month: months[slot]!, slot, value: read.value };
      if (warned.has(cellKey(cell.at))) figure.warning = true;
      figures.push(figure);
    }
    excludedFigures += excluded;
    return describe(fr.code, fr.label, fr.breakdown, fr.measure, figures, excluded, row !== undefined);
  });

  // Figures on rows the framework does not know (or repeated rows) are not summarised either.
  for (const row of data.measures?.rows ?? []) {
    if (used.has(row.i)) continue;
    excludedFigures += row.cells.filter((c) => c !== undefined && readNumber(c.value).kind !== "blank").length;
  }

  const covered = new Set<number>();
  for (const m of measures) for (const f of m.figures) covered.add(f.slot);
  const summary: ReturnSummary = {
    framework: { id: framework.id, version: framework.version, title: framework.title },
    yearStart,
    monthsCovered: [...covered].sort((a, b) => a - b).map((slot) => months[slot]!),
    measures,
    socialValue: summariseSocialValue(data, bad),
    caseStudies: summariseCaseStudies(data, bad),
    reflections: summariseReflections(data, bad),
    excludedFigures,
    errors: result.summary.errors,
    warnings: result.summary.warnings,
    warnedFigures: measures.reduce((n, m) => n + m.warned, 0),
  };
  const organisation = data.details?.organisation;
  const code = data.details?.organisationCode;
  if (result.signOff) summary.signOff = result.signOff;
  if (organisation !== undefined) summary.organisation = organisation;
  if (code !== undefined) summary.organisationCode = code;
  return summary;
}

function describe(code: string, label: string, breakdown: string, measure: Measure, figures: MonthFigure[], excluded: number, inReturn: boolean): MeasureSummary {
  const summary: MeasureSummary = {
    code,
    measure: label,
    breakdown,
    unit: measure.unit,
    kind: measure.kind,
    key: measure.key && (breakdown === "" || breakdown === TOTAL_BREAKDOWN),
    inReturn,
    figures,
    monthsReported: figures.length,
    excluded,
    headline: measure.headline && (breakdown === "" || breakdown === TOTAL_BREAKDOWN),
    warned: figures.filter((f) => f.warning).length,
  };
  if (figures.length === 0) return summary;
  const latest = figures[figures.length - 1]!;
  summary.latest = latest;
  if (measure.kind === "flow") {
    const total = figures.reduce((sum, f) => sum + f.value, 0);
    summary.yearToDate = total;
    summary.monthlyAverage = total / figures.length;
  }
  if (figures.length >= 2) {
    const previous = figures[figures.length - 2]!;
    summary.previous = previous;
    summary.change = latest.value - previous.value;
    if (measure.kind === "stock") summary.direction = summary.change > 0 ? "Higher" : summary.change < 0 ? "Lower" : "Same";
  }
  return summary;
}

/** "Apr 2020 to Jul 2020", "Apr 2020", or "no months" - the months a summary covers, for people. */
export function describeMonths(months: readonly YearMonth[]): string {
  if (months.length === 0) return "no months reported yet";
  const first = months[0]!;
  const last = months[months.length - 1]!;
  const contiguous = monthIndex(last) - monthIndex(first) + 1 === months.length;
  if (months.length === 1) return monthLabel(first);
  if (contiguous) return `${monthLabel(first)} to ${monthLabel(last)}`;
  return months.map(monthLabel).join(", ");
}

/** The row's label for people: "Food interventions - Food parcels". */
export function rowLabel(m: Pick<MeasureSummary, "measure" | "breakdown">): string {
  return m.breakdown === "" || m.breakdown === TOTAL_BREAKDOWN ? m.measure : `${m.measure} - ${m.breakdown}`;
}
