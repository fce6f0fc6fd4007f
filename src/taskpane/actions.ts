/**
 * What the task pane can do, as plain async functions passed to React components as props: one
 * interface per view (SetupActions, CheckActions, SummariseActions), so each view receives, and its
 * tests fake, only what it uses. TaskPaneActions is all of them, made by createTaskPaneActions.
 * Components never touch Office.js: these actions go through the Excel gateway, which runs
 * against real Excel in Office and against the in-memory host in the browser preview.
 */
import { builtinFrameworks, parseFrameworkText, type Framework } from "../core/framework";
import { SUMMARY_SHEET } from "../core/layout/summary-contract";
import { defaultYearStart, type YearMonth } from "../core/calendar";
import { readExistingReturn, readReturn, type ExistingReturn, type ReturnData } from "../core/return";
import type { SetupDetails, SetupPlan } from "../core/setup/plan";
import type { IssueKey } from "../excel/explain";
import type { CheckOutcome, CollateInExcelOutcome, ExcelGateway, ProgressListener, SetupOutcome, SignOffOutcome, SummariseOutcome } from "../excel/gateway";
import type { Submission as CollateSubmission } from "../core/collate/types";
import type { ReadStage } from "../collate-worker/protocol";
import { SECTOR_SHEET } from "../core/layout/sector-contract";

/** The Set up view: choose a framework and details, review, insert or upgrade the sheets. */
export interface SetupActions {
  /** Frameworks shipped with the tool, newest version of each first. */
  builtinFrameworks(): Framework[];
  /** Validates a framework file the user picked; throws FrameworkError with one line a fault. */
  loadFrameworkFile(fileName: string, text: string): Framework;
  /** The reporting year to offer when the workbook has none. */
  defaultYearStart(): YearMonth;
  /** What the open workbook already says about itself (to pre-fill the Set up form). */
  readExisting(): Promise<ExistingReturn>;
  /** What Set up would add or change, without changing anything. */
  previewSetup(framework: Framework, details: SetupDetails): Promise<SetupPlan>;
  /** Inserts or upgrades the sheets. */
  runSetup(framework: Framework, details: SetupDetails, onProgress: ProgressListener): Promise<SetupOutcome>;
  /** Activates a sheet and selects a cell, e.g. ("Measures", "F2"). */
  goToCell(sheet: string, cell: string): Promise<void>;
}

/** The Check view: check, go to cells, re-check after edits, sign off. */
export interface CheckActions {
  /** The pane's clock (the preview's sample stands in its own year); new Date() when absent. */
  today?(): Date;
  /** Frameworks shipped with the tool (to name the one a return was checked against). */
  builtinFrameworks(): Framework[];
  /** Activates a sheet and selects a cell, e.g. ("Measures", "H7"). */
  goToCell(sheet: string, cell: string): Promise<void>;
  /** Checks the return and writes the list to the Checks sheet (which drives the highlights). */
  check(): Promise<CheckOutcome>;
  /**
   * Writes an explanation against a warning in the Checks sheet's Explanation column (the same as
   * typing it there); check again to count it. An empty text withdraws it.
   */
  explain(issue: IssueKey, text: string): Promise<void>;
  /**
   * "Mark ready to send": refused (with the reason) unless there is no error and every warning is
   * explained. Once marked, says what to do next (whom to send it to, and by when).
   */
  signOff(signedOffBy: string): Promise<PaneSignOffOutcome>;
  /** Calls `onEdit` whenever the user edits or pastes on a data sheet; resolves to a function that stops watching. */
  watchEdits(onEdit: () => void): Promise<() => Promise<void>>;
}

/** Where a return goes once it is ready: the framework's `submission`, when it has one. */
export interface Submission {
  /** Whom to email the workbook to, e.g. "returns@centre.example". */
  to?: string;
  /** Day of the month after the latest month reported by which it is due (default 15). */
  dueDay?: number;
}

/** What to do once the return is marked ready to send. */
export interface NextStep {
  to?: string;
  /** When it is due; absent when no month has figures yet. */
  due?: Date;
}

export interface PaneSignOffOutcome extends SignOffOutcome {
  /** Set when the return was marked ready to send. */
  nextStep?: NextStep;
}

export const DEFAULT_DUE_DAY = 15;

/** The latest month with any figure on the Measures sheet. */
export function latestMonthReported(data: ReturnData): YearMonth | undefined {
  const months = data.measures?.months ?? [];
  let latest: YearMonth | undefined;
  for (const month of months) {
    const filled = data.measures!.rows.some((row) => {
      const value = row.cells[month.slot]?.value;
      return value !== undefined && value !== null && String(value).trim() !== "";
    });
    if (filled && (!latest || month.month.year * 12 + month.month.month > latest.year * 12 + latest.month)) latest = month.month;
  }
  return latest;
}

/** The due date: `dueDay` (default the 15th) of the month after `month`, kept within that month. */
export function dueDate(month: YearMonth, dueDay: number = DEFAULT_DUE_DAY): Date {
  const next = month.month === 12 ? { year: month.year + 1, month: 1 } : { year: month.year, month: month.month + 1 };
  const days = new Date(next.year, next.month, 0).getDate();
  const day = Math.min(Math.max(1, Math.round(Number.isFinite(dueDay) ? dueDay : DEFAULT_DUE_DAY)), days);
  return new Date(next.year, next.month - 1, day);
}

/** The framework's submission settings: from the definition kept in the workbook, else the built-in framework of that id and version. */
export function submissionOf(data: ReturnData, frameworks: readonly Framework[]): Submission | undefined {
  const pick = (value: unknown): Submission | undefined => {
    if (!value || typeof value !== "object") return undefined;
    const { to, dueDay } = value as { to?: unknown; dueDay?: unknown };
    const out: Submission = {};
    if (typeof to === "string" && to.trim() !== "") out.to = to.trim();
    if (typeof dueDay === "number" && Number.isInteger(dueDay) && dueDay >= 1 && dueDay <= 31) out.dueDay = dueDay;
    return out;
  };
  if (data.frameworkDefinition) {
    try {
      const parsed = JSON.parse(data.frameworkDefinition) as { submission?: unknown };
      if (parsed && typeof parsed === "object") return pick(parsed.submission);
    } catch {
      // A damaged definition: fall back to the built-in framework.
    }
  }
  const builtin = frameworks.find((f) => f.id === data.info?.frameworkId && f.version === data.info?.frameworkVersion);
  return pick((builtin as { submission?: unknown } | undefined)?.submission);
}

/** What to do next, from the workbook as it is after sign-off. */
export function nextStepFor(data: ReturnData, frameworks: readonly Framework[]): NextStep {
  const submission = submissionOf(data, frameworks);
  const latest = latestMonthReported(data);
  const step: NextStep = {};
  if (submission?.to) step.to = submission.to;
  if (latest) step.due = dueDate(latest, submission?.dueDay);
  return step;
}

/** The Summarise view: build (or refresh) the board summary, then show it. */
export interface SummariseActions {
  /** Builds the board summary's sheets, PivotTables and charts, keeping the Commentary typed on the last one. */
  summarise(onProgress: ProgressListener): Promise<SummariseOutcome>;
  /** Activates the Board summary sheet at A1. */
  showBoardSummary(): Promise<void>;
}

/** The Collate view: read chosen returns (in a worker), add them to the sector workbook, show the totals. */
export interface CollateActions {
  /** Reads and checks each file off the pane's thread; `onFile` reports each file's progress. Never rejects for a bad file. */
  readReturns(files: readonly File[], onFile: (index: number, stage: ReadStage, fraction: number) => void): Promise<CollateSubmission[]>;
  /** Adds the submissions to the open sector workbook (the Submissions table is the ledger). */
  addToWorkbook(submissions: readonly CollateSubmission[], options: { sectorHomes?: number }, onProgress: ProgressListener): Promise<CollateInExcelOutcome>;
  /** The day collation is for (the chase list's day). */
  today(): Date;
  /** Activates the Sector totals sheet at A1. */
  showSectorTotals(): Promise<void>;
}

/** Everything the task pane can do: what the App hands to each view. */
export type TaskPaneActions = SetupActions & CheckActions & SummariseActions & CollateActions;

export function createTaskPaneActions(gateway: ExcelGateway, today: () => Date = () => new Date()): TaskPaneActions {
  const yearStart = () => defaultYearStart(today());
  return {
    builtinFrameworks: () => [...builtinFrameworks()].sort((a, b) => a.title.localeCompare(b.title) || b.version - a.version),
    loadFrameworkFile: (fileName, text) => parseFrameworkText(text, fileName),
    defaultYearStart: yearStart,
    readExisting: async () => readExistingReturn(await gateway.readWorkbook()),
    previewSetup: (framework, details) => gateway.previewSetup(framework, details, yearStart()),
    runSetup: (framework, details, onProgress) => gateway.setUp(framework, details, yearStart(), onProgress),
    goToCell: (sheet, cell) => gateway.selectCell(sheet, cell),
    check: () => gateway.check(),
    explain: (issue, text) => gateway.explain(issue, text),
    signOff: async (signedOffBy) => {
      const outcome: PaneSignOffOutcome = await gateway.signOff(signedOffBy, today());
      if (outcome.refusal !== undefined) return outcome;
      try {
        outcome.nextStep = nextStepFor(readReturn(await gateway.readWorkbook()), builtinFrameworks());
      } catch {
        // The return is marked ready; only the reminder of where to send it is missing.
        outcome.nextStep = {};
      }
      return outcome;
    },
    watchEdits: (onEdit) => gateway.watchEdits(onEdit),
    summarise: (onProgress) => gateway.summarise(today(), onProgress),
    showBoardSummary: () => gateway.showSheet(SUMMARY_SHEET.board),
    readReturns: async (files, onFile) => {
      const { readFilesInWorker } = await import(/* webpackChunkName: "collate-reader" */ "../collate-worker/client");
      return readFilesInWorker(files, onFile);
    },
    addToWorkbook: (submissions, options, onProgress) => gateway.collate(submissions, { today: today(), ...options }, onProgress),
    today,
    showSectorTotals: () => gateway.showSheet(SECTOR_SHEET.totals),
  };
}
