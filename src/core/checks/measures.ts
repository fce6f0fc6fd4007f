/**
 * Checks of the Measures table: rows against the framework, every month cell, required measures in
 * reported months, breakdowns against totals, and the plausibility warnings (out-of-line months,
 * running totals, zeros after activity, gaps). Blank is "not reported", never zero.
 */
import { closest, distance } from "fastest-levenshtein";
import { dueDate, isOverdue, type Framework, type Measure } from "../framework";
import { TOTAL_BREAKDOWN } from "../layout/contract";
import { measureRowKey, unitFromText, type MeasuresData, type MonthColumn as ReaderMonthColumn } from "../return";
import { measureRows, type MeasureRow } from "../setup/measure-rows";
import { checkNumberCell, type IssueList, type NumberSpec, type TableView } from "./context";
import { median, text, type FigureUnit } from "./values";

type MonthColumn = Pick<ReaderMonthColumn, "slot" | "col" | "label" | "month">;

/** One non-blank row of the Measures table, as read. */
interface RowRead {
  i: number;
  /** The framework row it is, when it is one (and is the first row with its key). */
  known?: MeasureRow;
  label: string;
  unit: FigureUnit;
  /** Per reporting-month slot: the valid figure, if any. */
  figures: (number | undefined)[];
  /** Per slot: whether the cell holds anything at all. */
  filled: boolean[];
}

const NOT_REPORTED = "or leave the cell blank if it was not reported";

/** When months are due: the framework's due day, and the date the check runs on (none: no month is overdue). */
export interface DueContext {
  dueDay: number;
  today?: Date | undefined;
}

/** Checks the Measures table; returns, by reporting-month slot, whether the month has any figure. */
export function checkMeasures(issues: IssueList, measures: MeasuresData, framework: Framework | undefined, due: DueContext): boolean[] {
  const view = measures.view;
  const codeCol = view.col("Code");
  const breakdownCol = view.col("Breakdown");
  const monthCols: MonthColumn[] = measures.months;

  const frameworkRows = new Map<string, MeasureRow>();
  const measuresByCode = new Map<string, Measure>();
  if (framework) {
    for (const r of measureRows(framework)) frameworkRows.set(measureRowKey(r.code, r.breakdown), r);
    for (const m of framework.measures) measuresByCode.set(m.code.toUpperCase(), m);
  }

  const rows: RowRead[] = [];
  const firstRowOf = new Map<string, RowRead>();
  for (const { i, code, breakdown, key } of measures.rows) {
    const hasFigures = monthCols.some((m) => isFilled(view, i, m.col));
    const known = framework ? frameworkRows.get(key) : undefined;

    const first = code === "" ? undefined : firstRowOf.get(key);
    if (first) {
      issues.add("duplicate-measure-row", view.at(i, codeCol ?? 0, "Code"), { measure: first.label, firstRow: view.sheetRow(first.i) }, view.value(i, codeCol));
    } else if (framework && !known && (code !== "" || hasFigures)) {
      reportUnknownRow(issues, view, i, code, breakdown, codeCol, breakdownCol, framework, measuresByCode);
    }

    const label = known ? rowLabel(known) : fallbackLabel(view, i, code, breakdown);
    const unit = known ? known.unit : unitFromCell(view.value(i, view.col("Unit")));
    const row: RowRead = { i, label, unit, figures: Array<number | undefined>(12).fill(undefined), filled: Array<boolean>(12).fill(false) };
    if (known && !first) row.known = known;
    for (const m of monthCols) {
      row.filled[m.slot] = isFilled(view, i, m.col);
      const spec: NumberSpec = known
        ? {
            what: `${label} (${m.label})`,
            unit: known.unit,
            whole: known.measure.numberType === "whole",
            min: known.measure.minimum,
            max: known.measure.maximum,
            blank: NOT_REPORTED,
          }
        : { what: `${label} (${m.label})`, unit, whole: false, min: 0, blank: NOT_REPORTED };
      row.figures[m.slot] = checkNumberCell(issues, view, i, m.col, m.label, spec);
    }
    rows.push(row);
    if (code !== "" && !first) firstRowOf.set(key, row);
  }

  const reported = Array<boolean>(12).fill(false);
  for (const row of rows) for (const m of monthCols) if (row.filled[m.slot]) reported[m.slot] = true;

  if (framework) {
    missingRows(issues, view, frameworkRows, firstRowOf);
    requiredMeasures(issues, view, framework, firstRowOf, monthCols, reported);
    breakdownTotals(issues, view, framework, firstRowOf, monthCols);
    for (const row of rows) if (row.known) plausibility(issues, view, row, row.known.measure, monthCols);
    for (const row of rows) if (row.known) rowGaps(issues, view, row, row.known, monthCols, reported);
  }
  if (monthCols.length > 0 && !reported.some(Boolean)) noFigures(issues, view, monthCols);
  const gapSlots = gaps(issues, view, monthCols, reported, due);
  overdueMonths(issues, view, monthCols, reported, gapSlots, due);
  return reported;
}

/** A return with no figures at all has nothing to send: one error, at the first month's first cell. */
function noFigures(issues: IssueList, view: TableView, monthCols: MonthColumn[]): void {
  const first = [...monthCols].sort((a, b) => a.slot - b.slot)[0]!;
  issues.add("no-figures", view.rowCount > 0 ? view.at(0, first.col, first.label) : view.headerAt(first.col, first.label), { firstMonth: first.label });
}

/**
 * Months past their due date (the framework's due day of the next month) with nothing at all
 * reported, at the month's header. A month between reported months is a gap-in-months instead
 * (its message gives the due date too), so no month is reported twice.
 */
function overdueMonths(issues: IssueList, view: TableView, monthCols: MonthColumn[], reported: boolean[], gapSlots: ReadonlySet<number>, due: DueContext): void {
  const today = due.today;
  if (!today) return;
  for (const m of [...monthCols].sort((a, b) => a.slot - b.slot)) {
    if (reported[m.slot] || gapSlots.has(m.slot) || !isOverdue(m.month, today, due.dueDay)) continue;
    issues.add("month-overdue", view.headerAt(m.col, m.label), { month: m.month, dueBy: dueDate(m.month, due.dueDay) });
  }
}

/**
 * A measure left blank in a month the return reports, between two months it has figures for.
 * Required measures are reported as missing instead; breakdown rows may be partly collected.
 * A month with nothing reported at all is one gap for the whole return (see gaps).
 */
function rowGaps(issues: IssueList, view: TableView, row: RowRead, known: MeasureRow, monthCols: MonthColumn[], reported: boolean[]): void {
  if (known.measure.required || (known.breakdown !== "" && known.breakdown !== TOTAL_BREAKDOWN)) return;
  const slots = [...monthCols].sort((a, b) => a.slot - b.slot);
  const filled = slots.filter((m) => row.filled[m.slot]);
  if (filled.length < 2) return;
  for (const m of slots) {
    if (row.filled[m.slot] || !reported[m.slot] || m.slot < filled[0]!.slot || m.slot > filled[filled.length - 1]!.slot) continue;
    const before = [...filled].reverse().find((f) => f.slot < m.slot)!;
    const after = filled.find((f) => f.slot > m.slot)!;
    issues.add("gap-in-months", view.at(row.i, m.col, m.label), { kind: "measure", measure: row.label, month: m.label, before: before.label, after: after.label });
  }
}

/** A month cell holds something: a value, or a formula whose value is missing (reported as such). */
function isFilled(view: TableView, i: number, col: number): boolean {
  const value = view.value(i, col);
  if (value === null) return view.hasFormula(i, col);
  return !(typeof value === "string" && value.trim() === "");
}

function rowLabel(r: MeasureRow): string {
  return r.breakdown === "" ? r.label : `${r.label}: ${r.breakdown}`;
}

function fallbackLabel(view: TableView, i: number, code: string, breakdown: string): string {
  const name = text(view.value(i, view.col("Measure"))) || code || `the measure on row ${view.sheetRow(i)}`;
  return breakdown === "" ? name : `${name}: ${breakdown}`;
}

/** A Unit cell in either layout's words (1.0: gbp, count; 1.1: £, number). */
function unitFromCell(value: unknown): FigureUnit {
  return unitFromText(value) ?? "number";
}

function reportUnknownRow(
  issues: IssueList,
  view: TableView,
  i: number,
  code: string,
  breakdown: string,
  codeCol: number | undefined,
  breakdownCol: number | undefined,
  framework: Framework,
  measuresByCode: Map<string, Measure>,
): void {
  const codeAt = view.at(i, codeCol ?? 0, "Code");
  if (code === "") {
    issues.add("unknown-measure", codeAt, { kind: "no-code" }, null);
    return;
  }
  const measure = measuresByCode.get(code.toUpperCase());
  if (!measure) {
    const codes = [...measuresByCode.keys()];
    const near = codes.length > 0 ? closest(code.toUpperCase(), codes) : undefined;
    const suggestion = near !== undefined && distance(code.toUpperCase(), near) <= Math.max(2, Math.floor(near.length / 3)) ? near : undefined;
    issues.add("unknown-measure", codeAt, { kind: "not-in-framework", code, framework, suggestion }, view.value(i, codeCol));
    return;
  }
  const breakdownAt = view.at(i, breakdownCol ?? codeCol ?? 0, "Breakdown");
  if (measure.breakdowns.length === 0) {
    issues.add("unknown-measure", breakdownAt, { kind: "no-breakdowns", measure: measure.label, breakdown }, breakdown);
    return;
  }
  const allowed = [TOTAL_BREAKDOWN, ...measure.breakdowns.map((b) => b.label)];
  issues.add(
    "unknown-measure",
    breakdownAt,
    breakdown === "" ? { kind: "breakdown-blank", measure: measure.label, allowed } : { kind: "not-a-breakdown", measure: measure.label, breakdown, allowed },
    breakdown,
  );
}

function missingRows(issues: IssueList, view: TableView, frameworkRows: Map<string, MeasureRow>, present: Map<string, RowRead>): void {
  for (const [key, r] of frameworkRows) {
    if (present.has(key)) continue;
    issues.add("missing-measure-row", view.topLeft(), { measure: r.label, code: r.code, breakdown: r.breakdown });
  }
}

/** The row that holds a measure's own figure: its Total row when broken down. */
function levelKey(measure: Measure): string {
  return measureRowKey(measure.code, measure.breakdowns.length > 0 ? TOTAL_BREAKDOWN : "");
}

function requiredMeasures(
  issues: IssueList,
  view: TableView,
  framework: Framework,
  rows: Map<string, RowRead>,
  monthCols: MonthColumn[],
  reported: boolean[],
): void {
  for (const measure of framework.measures) {
    if (!measure.required) continue;
    const row = rows.get(levelKey(measure));
    if (!row) continue; // reported as a missing row
    for (const m of monthCols) {
      if (!reported[m.slot] || row.filled[m.slot]) continue;
      const parts = measure.breakdowns.map((b) => rows.get(measureRowKey(measure.code, b.label))?.figures[m.slot]);
      const known = parts.filter((p): p is number => p !== undefined);
      const breakdownsTotal = known.length > 0 ? { value: sum(known), unit: measure.unit } : undefined;
      issues.add("required-measure-missing", view.at(row.i, m.col, m.label), { measure: measure.label, month: m.label, breakdownsTotal }, view.value(row.i, m.col));
    }
  }
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

function tolerance(measure: Measure): number {
  if (measure.unit === "gbp") return 0.5;
  return measure.numberType === "whole" ? 1e-6 : 0.05;
}

function breakdownTotals(issues: IssueList, view: TableView, framework: Framework, rows: Map<string, RowRead>, monthCols: MonthColumn[]): void {
  for (const measure of framework.measures) {
    if (measure.breakdowns.length === 0 || !measure.breakdownsAddUp) continue;
    const total = rows.get(levelKey(measure));
    if (!total) continue;
    const parts = measure.breakdowns.map((b) => rows.get(measureRowKey(measure.code, b.label)));
    for (const m of monthCols) {
      const t = total.figures[m.slot];
      if (t === undefined) continue;
      let all = true;
      let unusable = false;
      const figures: number[] = [];
      for (const p of parts) {
        if (!p || !p.filled[m.slot]) {
          all = false;
          continue;
        }
        const f = p.figures[m.slot];
        if (f === undefined) unusable = true;
        else figures.push(f);
      }
      if (unusable || figures.length === 0) continue;
      const s = sum(figures);
      const tol = tolerance(measure);
      const kind = all && Math.abs(s - t) > tol ? "differ" : !all && s - t > tol ? "above-total" : undefined;
      if (kind) {
        issues.add("breakdowns-do-not-add-up", view.at(total.i, m.col, m.label), { kind, measure: measure.label, month: m.label, unit: measure.unit, sum: s, total: t }, view.value(total.i, m.col));
      }
    }
  }
}

/**
 * The warnings that compare a row's months with each other (docs/checks.md):
 * - looks-like-running-total (flows): at least 4 reported months, never lower than the month
 *   before, at least 3 rises, ending at 3 or more times the first figure (and at least ignoreBelow above it);
 * - month-out-of-line: at least 3 reported months; a non-zero figure at least outlierFactor times
 *   above or below the median of the other months (the middle month's figure when only 3 are
 *   reported), and at least ignoreBelow away from it; with exactly 2, the later month against the
 *   earlier one by the same rule;
 * - zero-after-activity: a 0 straight after 3 reported months each at least ignoreBelow.
 */
function plausibility(issues: IssueList, view: TableView, row: RowRead, measure: Measure, monthCols: MonthColumn[]): void {
  const points = monthCols
    .filter((m) => row.figures[m.slot] !== undefined)
    .sort((a, b) => a.slot - b.slot)
    .map((m) => ({ m, v: row.figures[m.slot]! }));
  const { outlierFactor, ignoreBelow } = measure.plausibility;
  const at = (m: MonthColumn) => view.at(row.i, m.col, m.label);
  const figure = (v: number) => ({ value: v, unit: row.unit });

  if (measure.kind === "flow" && looksCumulative(points.map((p) => p.v), ignoreBelow)) {
    const first = points[0]!;
    const last = points[points.length - 1]!;
    const before = points[points.length - 2]!;
    issues.add(
      "looks-like-running-total",
      at(last.m),
      { measure: row.label, unit: row.unit, first: { value: first.v, month: first.m.label }, last: { value: last.v, month: last.m.label }, beforeLast: before.v },
      view.value(row.i, last.m.col),
    );
    return;
  }

  if (points.length === 2) {
    // Too few months for a typical month: the later one is compared with the one before it.
    const [prev, cur] = points as [(typeof points)[number], (typeof points)[number]];
    const { m, v } = cur;
    if (v !== 0 && prev.v > 0 && Math.abs(v - prev.v) >= ignoreBelow) {
      const kind = v >= prev.v * outlierFactor ? "above-previous" : v * outlierFactor <= prev.v ? "below-previous" : undefined;
      if (kind) {
        issues.add("month-out-of-line", at(m), { kind, measure: row.label, month: m.label, figure: figure(v), previous: prev.v, previousMonth: prev.m.label }, view.value(row.i, m.col));
      }
    }
  }

  if (points.length >= 3) {
    for (let k = 0; k < points.length; k++) {
      const { m, v } = points[k]!;
      if (v === 0) continue;
      const others = points.filter((_, j) => j !== k).map((p) => p.v);
      const ref = others.length >= 3 ? median(others) : median(points.map((p) => p.v));
      if (ref <= 0 || Math.abs(v - ref) < ignoreBelow) continue;
      const kind = v >= ref * outlierFactor ? "above-typical" : v * outlierFactor <= ref ? "below-typical" : undefined;
      if (kind) issues.add("month-out-of-line", at(m), { kind, measure: row.label, month: m.label, figure: figure(v), typical: ref }, view.value(row.i, m.col));
    }
  }

  for (let k = 3; k < points.length; k++) {
    const { m, v } = points[k]!;
    if (v !== 0) continue;
    const before = points.slice(k - 3, k);
    if (!before.every((p) => p.v >= ignoreBelow && p.v > 0)) continue;
    issues.add(
      "zero-after-activity",
      at(m),
      { measure: row.label, month: m.label, unit: row.unit, before: before.map((p) => ({ value: p.v, month: p.m.label })) },
      view.value(row.i, m.col),
    );
  }
}

function looksCumulative(values: number[], ignoreBelow: number): boolean {
  if (values.length < 4) return false;
  const first = values[0]!;
  const last = values[values.length - 1]!;
  if (first <= 0 || last < first * 3 || last - first < ignoreBelow) return false;
  let rises = 0;
  for (let k = 1; k < values.length; k++) {
    const d = values[k]! - values[k - 1]!;
    if (d < 0) return false;
    if (d > 0) rises++;
  }
  return rises >= 3;
}

/** Months with nothing reported between two months that have figures; returns their slots. */
function gaps(issues: IssueList, view: TableView, monthCols: MonthColumn[], reported: boolean[], due: DueContext): Set<number> {
  const found = new Set<number>();
  const slots = [...monthCols].sort((a, b) => a.slot - b.slot);
  const reportedCols = slots.filter((m) => reported[m.slot]);
  if (reportedCols.length < 2) return found;
  const firstSlot = reportedCols[0]!.slot;
  const lastSlot = reportedCols[reportedCols.length - 1]!.slot;
  for (const m of slots) {
    if (m.slot <= firstSlot || m.slot >= lastSlot || reported[m.slot]) continue;
    const before = [...reportedCols].reverse().find((r) => r.slot < m.slot)!;
    const after = reportedCols.find((r) => r.slot > m.slot)!;
    const dueBy = due.today && isOverdue(m.month, due.today, due.dueDay) ? dueDate(m.month, due.dueDay) : undefined;
    found.add(m.slot);
    issues.add("gap-in-months", view.headerAt(m.col, m.label), { kind: "month", month: m.label, dueBy, before: before.label, after: after.label });
  }
  return found;
}

