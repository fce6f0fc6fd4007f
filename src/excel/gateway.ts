/**
 * The Excel gateway: every user action that touches the open workbook, each in a small fixed
 * number of context.sync calls whatever the size of the data. The only code that calls run().
 *
 * It is assembled per capability: each capability's part (its interface and its factory) lives
 * in its own module - Set up in ./setup.ts, Check in ./check.ts, Summarise in ./summarise.ts,
 * Collate in ./collate.ts - and a new capability adds its part here (docs/architecture.md).
 * The task pane assembles it with `assembleExcelGateway` and loaders that fetch Set up's plan, Check,
 * Summarise and Collate on first use (src/taskpane/lazy-gateway.ts), so its first paint carries only Set up.
 */
import type { Submission as CollateSubmission } from "../core/collate";
import type { WorkbookSnapshot } from "../core/workbook/types";
import * as checkModule from "./check";
import type { CheckGateway } from "./check";
import { createEditWatch } from "./edit-watch";
import * as collateModule from "./collate";
import type { CollateInExcelOptions, CollateInExcelOutcome, SectorWorkbookSettings } from "./collate";
import { runAction, toUserFacingError } from "./errors";
import type { ExcelHost } from "./host";
import type { ProgressListener } from "./progress";
import { readSnapshot } from "./read";
import * as setupModule from "./setup";
import type { SetupGateway } from "./setup";
import * as summariseModule from "./summarise";
import type { LastYearReturn, SummariseOutcome } from "./summarise";
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

/** Where the parts not needed before the first click come from: modules already loaded, or fetched on first use. */
export interface GatewayModules {
  setup(): Promise<typeof setupModule>;
  check(): Promise<typeof checkModule>;
  summarise(): Promise<typeof summariseModule>;
  collate(): Promise<typeof collateModule>;
}

/** Check's part, made once (its edit watch is the gateway's) when first used. */
function checkPart(host: ExcelHost, edits: ReturnType<typeof createEditWatch>, clock: { today?: () => Date }, load: GatewayModules["check"]): CheckGateway {
  let made: Promise<CheckGateway> | undefined;
  const part = (name: string) => action(name, () => (made ??= load().then((m) => m.createCheckGateway(host, edits, clock))));
  return {
    check: async (options) => (await part("Check")).check(options),
    explain: async (issueKey, text) => (await part("Explaining the warning")).explain(issueKey, text),
    signOff: async (signedOffBy, today) => (await part("Marking the return ready")).signOff(signedOffBy, today),
    watchEdits: async (onEdit, options) => (await part("Watching for edits")).watchEdits(onEdit, options),
  };
}

/** The gateway with its Check, Summarise and Collate parts taken from `modules`. */
export function assembleExcelGateway(excel: ExcelHost, clock: { today?: () => Date }, modules: GatewayModules): ExcelGateway {
  // Every capability's batches go through the edit watch's host, so that the add-in's own writes
  // never count as the user's edits, whatever the ExcelApi version (./edit-watch.ts).
  const edits = createEditWatch(excel);
  const host = edits.host;
  return {
    ...createWorkbookGateway(host),
    previewSetup: (framework, details, yearStart) => action("Reading the workbook", modules.setup).then((m) => m.createSetupGateway(host).previewSetup(framework, details, yearStart)),
    setUp: (framework, details, yearStart, onProgress) => action("Set up", modules.setup).then((m) => m.createSetupGateway(host).setUp(framework, details, yearStart, onProgress)),
    ...checkPart(host, edits, clock, modules.check),
    summarise: (today, onProgress, lastYear) => action("Summarise", async () => (await modules.summarise()).summariseInExcel(host, today, onProgress, lastYear)),
    collate: (submissions, options, onProgress) => action("Collate", async () => (await modules.collate()).collateInExcel(host, submissions, options, onProgress)),
    sectorSettings: () => action("Reading the sector settings", async () => (await modules.collate()).readSectorSettings(host)),
    openNewWorkbook: () => action("Opening a new workbook", async () => (await modules.collate()).openNewWorkbook(host)),
  };
}

/**
 * `today` is the clock Check reads for the months that are due (default: the computer's date); a
 * preview of a sample return from another year, and tests, give their own.
 */
export function createExcelGateway(excel: ExcelHost, clock: { today?: () => Date } = {}): ExcelGateway {
  return assembleExcelGateway(excel, clock, {
    setup: () => Promise.resolve(setupModule),
    check: () => Promise.resolve(checkModule),
    summarise: () => Promise.resolve(summariseModule),
    collate: () => Promise.resolve(collateModule),
  });
}
