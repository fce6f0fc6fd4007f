/**
 * From a return's snapshot to a Submission: the return read and checked by the same engine as
 * Check (analyseReturn), and its figures read by Summarise's model (summariseReturn), so a figure
 * means the same in a board summary and in the sector totals. Pure: usable in a worker thread.
 */
import { analyseReturn, catalogueEntry, notAReturnMessage } from "../checks";
import { isoMonth, parseIsoMonth, readDateSerial, type YearMonth } from "../calendar";
import { measureRows } from "../setup/measure-rows";
import { summariseReturn } from "../summary";
import { REASON } from "./reasons";
import { sharedReflections } from "./reflections";
import type { CellValue, WorkbookSnapshot } from "../workbook/types";
import type { FileFacts, MeasureLine, Submission } from "./types";


/** Errors named in the chase list for a held return. */
const FIRST_ERRORS = 3;

/** A file that could not be read at all (never a duplicate: see Submission.unreadable). */
export function unreadableSubmission(facts: FileFacts, problem: string): Submission {
  return { ...facts, problem, unreadable: true, lines: [], figures: [], monthsReported: 0, errors: 0, warnings: 0 };
}

/** `Signed off on` as an Excel serial: a date cell, or text typed as 22/11/2020 or 2020-11-22. */
export const readSignedOffOn: (value: CellValue | undefined) => number | undefined = readDateSerial;

export function linesOf(framework: Parameters<typeof measureRows>[0]): MeasureLine[] {
  return measureRows(framework).map((r) => ({ code: r.code, breakdown: r.breakdown, label: r.label, unit: r.unit, kind: r.kind, ...(r.measure.key ? { key: true as const } : {}) }));
}

/**
 * Reads and checks a return and keeps what collation needs. Never throws for a workbook that is not
 * a return: it becomes a Submission with a `problem`. `keepIssues` keeps the check's issues for a receipt.
 */
export function submissionFromSnapshot(facts: FileFacts, snapshot: WorkbookSnapshot, options: { keepIssues?: boolean } = {}): Submission {
  const analysis = analyseReturn(snapshot);
  const { data, framework, result } = analysis;
  if (result.notAReturn) return unreadableSubmission(facts, notAReturnMessage(facts.file));
  const sub: Submission = { ...facts, lines: [], figures: [], monthsReported: 0, errors: result.summary.errors, warnings: result.summary.warnings, explained: result.summary.accepted };
  if (options.keepIssues) sub.issues = result.issues;
  sub.signOff = result.signOff?.state ?? "not-signed-off";
  if (result.signOff?.changedCells) sub.changedCells = result.signOff.changedCells;
  if (result.signOff) sub.signOffNote = result.signOff.note;
  if (result.summary.errors > 0) {
    sub.firstErrors = result.issues
      .filter((i) => i.severity === "error")
      .slice(0, FIRST_ERRORS)
      .map((i) => `${i.cell ? `${i.sheet}!${i.cell}` : i.sheet} (${catalogueEntry(i.code)?.title ?? i.code})`);
  }
  const details = data.details;
  if (details?.organisationCode !== undefined) sub.organisationCode = details.organisationCode.trim();
  if (details?.organisation !== undefined) sub.organisation = details.organisation.trim();
  if (details?.homesManaged !== undefined) sub.homesManaged = details.homesManaged;
  if (details?.contactName?.trim()) sub.contactName = details.contactName.trim();
  if (details?.contactEmail?.trim()) sub.contactEmail = details.contactEmail.trim();
  const signed = readSignedOffOn(details?.signedOffOn);
  if (signed !== undefined) sub.signedOffOn = signed;
  if (data.yearStart) sub.yearStart = isoMonth(data.yearStart);
  if (!framework) {
    sub.problem = REASON.unknownFramework();
    return sub;
  }
  sub.framework = { id: framework.id, version: framework.version, title: framework.title };
  sub.lines = linesOf(framework);
  if (!data.yearStart) {
    sub.problem = REASON.noMonths();
    return sub;
  }
  // Only the reflections marked to share leave the return.
  sub.reflections = sharedReflections(data);
  const summary = summariseReturn({ data, framework, result }, data.yearStart);
  for (const m of summary.measures) for (const f of m.figures) sub.figures.push({ code: m.code, breakdown: m.breakdown, month: isoMonth(f.month), value: f.value });
  sub.monthsReported = summary.monthsCovered.length;
  return sub;
}

/** "2020-04" -> its YearMonth (throws on anything else: the engine only makes such text). */
export function ym(month: string): YearMonth {
  const parsed = parseIsoMonth(month);
  if (!parsed) throw new Error(`not a month: ${month}`);
  return parsed;
}
