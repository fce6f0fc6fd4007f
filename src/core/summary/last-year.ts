/**
 * Last year beside this year (docs/summary-format.md, "Last year"): each measure row of this
 * year's summary gets the same months of last year's return.
 *
 *   flows   last year's figures added up over the months this year covers (the same calendar
 *           months a year earlier), the change and the change in per cent;
 *   stocks  last year's figure at the end of the same month as this year's latest (never added up).
 *
 * A measure last year's framework lacked is "new this year"; a row last year's return has but
 * did not fill in those months is "not reported". Both summaries are worked out by
 * summariseReturn, so errors are left out of last year's figures exactly as of this year's.
 * A previous return of another organisation, or of a year other than the one before, is refused.
 */
import { addMonths, monthIndex, monthLabel, type YearMonth } from "../calendar";
import { analyseReturn } from "../checks";
import type { WorkbookSnapshot } from "../workbook/types";
import { baseName, safeText } from "../safe-text";
import { measureRowKey } from "../return";
import { summariseReturn, type LastYearFigure, type MeasureSummary, type ReturnSummary } from "./model";

/** Why a previous return cannot be set beside this year: one sentence naming the file. */
export const LAST_YEAR_REFUSAL = {
  otherOrganisation: (file: string, theirs: string, ours: string) =>
    `'${file}' is the return of ${theirs}, not of ${ours}, so it cannot be set beside this year: choose ${ours}'s return for last year.`,
  notYearBefore: (file: string, theirs: YearMonth, expected: YearMonth) =>
    `'${file}' is the return for the year from ${monthLabel(theirs)}, not last year (from ${monthLabel(expected)}), so it cannot be set beside this year.`,
  notAReturn: (file: string) => `'${file}' is not a return workbook, so it cannot be set beside this year: choose last year's return.`,
  noFramework: (file: string) => `'${file}' does not say which framework it uses, or names one this version does not have, so it cannot be set beside this year.`,
} as const;

/**
 * Last year's return summarised as this year's is (the pane reads it in the Collate worker):
 * checked, errors left out. `fallbackYearStart` is used when the return does not give its year.
 */
export function lastYearSummary(snapshot: WorkbookSnapshot, file: string, fallbackYearStart: YearMonth): LastYearResult {
  const name = safeText(baseName(file), 120);
  const analysis = analyseReturn(snapshot);
  if (analysis.result.notAReturn) return { ok: false, reason: LAST_YEAR_REFUSAL.notAReturn(name) };
  if (!analysis.framework) return { ok: false, reason: LAST_YEAR_REFUSAL.noFramework(name) };
  return { ok: true, summary: summariseReturn({ data: analysis.data, framework: analysis.framework, result: analysis.result }, fallbackYearStart) };
}

export type LastYearResult = { ok: true; summary: ReturnSummary } | { ok: false; reason: string };

const norm = (s: string | undefined) => (s ?? "").trim().replace(/\s+/g, " ").toLowerCase();

function organisationWords(s: ReturnSummary): string {
  const name = s.organisation?.trim() || "an organisation not named";
  return s.organisationCode?.trim() ? `${name} (${s.organisationCode.trim()})` : name;
}

/** Whether two returns are of one organisation: by code when both give one, else by name when both give one. */
function sameOrganisation(a: ReturnSummary, b: ReturnSummary): boolean {
  if (norm(a.organisationCode) !== "" && norm(b.organisationCode) !== "") return norm(a.organisationCode) === norm(b.organisationCode);
  if (norm(a.organisation) !== "" && norm(b.organisation) !== "") return norm(a.organisation) === norm(b.organisation);
  return true;
}

/**
 * This year's summary with last year's figures beside each measure row, or the reason it cannot
 * be (`file` is the previous return's name as the user chose it; only its base name is shown).
 */
export function withLastYear(thisYear: ReturnSummary, lastYear: ReturnSummary, file: string): LastYearResult {
  const name = safeText(baseName(file), 120);
  if (!sameOrganisation(thisYear, lastYear)) {
    return { ok: false, reason: LAST_YEAR_REFUSAL.otherOrganisation(name, safeText(organisationWords(lastYear), 120), safeText(organisationWords(thisYear), 120)) };
  }
  const expected = addMonths(thisYear.yearStart, -12);
  if (monthIndex(lastYear.yearStart) !== monthIndex(expected)) {
    return { ok: false, reason: LAST_YEAR_REFUSAL.notYearBefore(name, lastYear.yearStart, expected) };
  }
  const previous = new Map(lastYear.measures.filter((m) => m.inReturn).map((m) => [measureRowKey(m.code, m.breakdown), m] as const));
  const covered = new Set(thisYear.monthsCovered.map((m) => monthIndex(m) - monthIndex(thisYear.yearStart)));
  const measures = thisYear.measures.map((m): MeasureSummary => ({ ...m, lastYear: compare(m, previous.get(measureRowKey(m.code, m.breakdown)), covered) }));
  const summary: ReturnSummary = { ...thisYear, measures, lastYear: { yearStart: lastYear.yearStart, framework: lastYear.framework } };
  if (lastYear.organisation !== undefined) summary.lastYear!.organisation = lastYear.organisation;
  return { ok: true, summary };
}

function compare(m: MeasureSummary, last: MeasureSummary | undefined, covered: ReadonlySet<number>): LastYearFigure {
  if (!last) return { status: "new this year" };
  const figures: (number | null)[] = Array.from({ length: 12 }, (_, slot) => last.figures.find((f) => f.slot === slot)?.value ?? null);
  let value: number | undefined;
  if (m.kind === "flow") {
    const used = last.figures.filter((f) => covered.has(f.slot));
    if (used.length > 0) value = used.reduce((sum, f) => sum + f.value, 0);
  } else {
    const slot = m.latest?.slot ?? Math.max(-1, ...covered);
    const same = figures[slot];
    if (same !== null && same !== undefined) value = same;
  }
  if (value === undefined) return { status: "not reported", figures };
  const result: LastYearFigure = { status: "compared", value, figures };
  const now = m.kind === "flow" ? m.yearToDate : m.latest?.value;
  if (now === undefined) return result;
  result.change = now - value;
  if (value !== 0) result.changePercent = (result.change / Math.abs(value)) * 100;
  return result;
}
