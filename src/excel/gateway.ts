/**
 * The Excel gateway: every user action that touches the open workbook, each in a small fixed
 * number of context.sync calls whatever the size of the data. The only code that calls run().
 *
 * It is assembled per capability: each capability's part (its interface and its factory) lives
 * in its own module - Set up in ./setup.ts, Check in ./check.ts, Summarise in ./summarise.ts,
 * Collate in ./collate.ts - and a new capability adds its part here (docs/architecture.md).
 */
import type { Submission as CollateSubmission } from "../core/collate";
import type { WorkbookSnapshot } from "../core/workbook/types";
import { createCheckGateway, type CheckGateway } from "./check";
import { createEditWatch } from "./edit-watch";
import { collateInExcel, openNewWorkbook, readSectorSettings, type CollateInExcelOptions, type CollateInExcelOutcome, type SectorWorkbookSettings } from "./collate";
import { runAction, toUserFacingError } from "./errors";
import type { ExcelHost } from "./host";
import type { ProgressListener } from "./progress";
import { readSnapshot } from "./read";
import { createSetupGateway, type SetupGateway } from "./setup";
import { summariseInExcel, type LastYearReturn, type SummariseOutcome } from "./summarise";
import { officeMailer, type Mailer } from "./mail";

export type { CheckGateway, CheckOutcome, SignOffOutcome } from "./check";
export { PROBE_DELAY_MS } from "./edit-watch";
export type { SetupGateway, SetupOutcome } from "./setup";
export type { LastYearReturn, SummariseOutcome } from "./summarise";
export type { CollateInExcelOptions, CollateInExcelOutcome, SectorWorkbookSettings } from "./collate";
export type { ProgressListener } from "./progress";
export type { Mailer } from "./mail";

/** Summarise's part of the gateway. */
export interface SummariseGateway {
  /**
   * Builds or refreshes the board summary: Board summary, Summary charts, Summary pivots and Summary
   * data sheets with their tables, PivotTables and charts (3 syncs; a failure part-way removes what
   * it made, 2 more). Commentary typed in KeyFigures is kept; no other sheet is touched. With
   * `lastYear` (last year's return, read and summarised in the worker), last year is set beside
   * this year, or Summarise refuses, changing nothing, when it is another organisation's or year's.
   */
  summarise(today: Date, onProgress?: ProgressListener, lastYear?: LastYearReturn): Promise<SummariseOutcome>;
}

/** Collate's part of the gateway. */
export interface CollateGateway {
  /**
   * Adds submissions to the sector workbook open in Excel: reads its ledger (Submissions, Register,
   * SectorData, Revisions), collates, and replaces the sector sheets, charts and PivotTable
   * (2 + R + B + 1 syncs, R the read batches and B the write batches that keep each response and
   * request under the budget; src/excel/collate.ts). A register given replaces the workbook's.
   */
  collate(submissions: readonly CollateSubmission[], options: CollateInExcelOptions, onProgress?: ProgressListener): Promise<CollateInExcelOutcome>;
  /**
   * The sector workbook's settings (`Sector homes`, `Only signed-off returns`) and how many
   * organisations its Register lists (2 syncs); or, in a workbook that holds a return, why Collate
   * will not add the sector sheets there (2 more).
   */
  sectorSettings(): Promise<SectorWorkbookSettings>;
  /** Opens a new, blank workbook in a window of its own (Excel.createWorkbook, ExcelApi 1.8); the add-in stays here. */
  openNewWorkbook(): Promise<void>;
}

/** What every capability uses: reading the workbook and moving around it. */
export interface WorkbookGateway {
  /** Reads sheet names and our tables (2 syncs). */
  readWorkbook(): Promise<WorkbookSnapshot>;
  /** Activates the sheet and selects the cell (1 sync). */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Activates a sheet and selects its A1 (1 sync). */
  showSheet(sheet: string): Promise<void>;
  /** How "Email the centre" starts the email here (./mail.ts: Office's browser window, or a link); no sync. */
  mailer(): Mailer;
}

export type ExcelGateway = WorkbookGateway & SetupGateway & CheckGateway & SummariseGateway & CollateGateway;

function createWorkbookGateway(host: ExcelHost): WorkbookGateway {
  const run = <T>(action: string, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => runAction(host, action, batch);
  return {
    readWorkbook: () => run("Reading the workbook", (context) => readSnapshot(context)),

    showSheet: (sheet) =>
      run("Going to the sheet", async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange("A1").select();
        await context.sync();
      }),

    selectCell: (sheet, cell) =>
      run("Going to the cell", async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      }),

    mailer: () => officeMailer(),
  };
}

/** Runs an action built elsewhere (it makes its own batches), naming it in any error. */
async function action<T>(name: string, go: () => Promise<T>): Promise<T> {
  try {
    return await go();
  } catch (error) {
    throw toUserFacingError(name, error);
  }
}

/**
 * `today` is the clock Check reads for the months that are due (default: the computer's date); a
 * preview of a sample return from another year, and tests, give their own.
 */
export function createExcelGateway(excel: ExcelHost, clock: { today?: () => Date } = {}): ExcelGateway {
  // Every capability's batches go through the edit watch's host, so that the add-in's own writes
  // never count as the user's edits, whatever the ExcelApi version (./edit-watch.ts).
  const edits = createEditWatch(excel);
  const host = edits.host;
  return {
    ...createWorkbookGateway(host),
    ...createSetupGateway(host),
    ...createCheckGateway(host, edits, clock),
    summarise: (today, onProgress, lastYear) => action("Summarise", () => summariseInExcel(host, today, onProgress, lastYear)),
    collate: (submissions, options, onProgress) => action("Collate", () => collateInExcel(host, submissions, options, onProgress)),
    sectorSettings: () => action("Reading the sector settings", () => readSectorSettings(host)),
    openNewWorkbook: () => action("Opening a new workbook", () => openNewWorkbook(host)),
  };
}
