/**
 * What the task pane can do, as plain async functions passed to React components as props: one
 * interface per view (SetupActions, CheckActions, SummariseActions), so each view receives, and its
 * tests fake, only what it uses. TaskPaneActions is all of them, made by createTaskPaneActions.
 * Components never touch Office.js: these actions go through the Excel gateway, which runs
 * against real Excel in Office and against the in-memory host in the browser preview.
 */
import { builtinFrameworks, parseFrameworkText, type Framework } from "../core/framework";
import { SUMMARY_SHEET } from "../core/layout/summary-contract";
import { defaultYearStart, type YearMonth } from "../core/layout/months";
import { readExistingReturn, type ExistingReturn } from "../core/return";
import type { SetupDetails, SetupPlan } from "../core/setup/plan";
import type { CheckOutcome, ExcelGateway, ProgressListener, SetupOutcome, SignOffOutcome, SummariseOutcome } from "../excel/gateway";

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
  /** Frameworks shipped with the tool (to name the one a return was checked against). */
  builtinFrameworks(): Framework[];
  /** Activates a sheet and selects a cell, e.g. ("Measures", "H7"). */
  goToCell(sheet: string, cell: string): Promise<void>;
  /** Checks the return and writes the list to the Checks sheet (which drives the highlights). */
  check(): Promise<CheckOutcome>;
  /** "Mark ready to send": refused (with the reason) unless there is no error and every warning is explained. */
  signOff(signedOffBy: string): Promise<SignOffOutcome>;
  /** Calls `onEdit` whenever the user edits or pastes on a data sheet; resolves to a function that stops watching. */
  watchEdits(onEdit: () => void): Promise<() => Promise<void>>;
}

/** The Summarise view: build (or refresh) the board summary, then show it. */
export interface SummariseActions {
  /** Builds the board summary's sheets, PivotTables and charts, keeping the Commentary typed on the last one. */
  summarise(onProgress: ProgressListener): Promise<SummariseOutcome>;
  /** Activates the Board summary sheet at A1. */
  showBoardSummary(): Promise<void>;
}

/** Everything the task pane can do: what the App hands to each view. */
export type TaskPaneActions = SetupActions & CheckActions & SummariseActions;

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
    signOff: (signedOffBy) => gateway.signOff(signedOffBy, today()),
    watchEdits: (onEdit) => gateway.watchEdits(onEdit),
    summarise: (onProgress) => gateway.summarise(today(), onProgress),
    showBoardSummary: () => gateway.showSheet(SUMMARY_SHEET.board),
  };
}
