/**
 * Summarise in Excel: the board summary's sheets, PivotTables and charts, built in three syncs
 * whatever the framework's size:
 *   1-2. read the workbook (sheets, tables, PivotTables, defined names; the return's tables and the
 *        last summary's KeyFigures, for its Commentary) - see read.ts;
 *   3.   one batch that builds the new summary on sheets with temporary names, then deletes the old
 *        summary's sheets and gives the new ones their names.
 * If that batch fails part-way, a rollback (two more syncs) deletes whatever it had made: the old
 * summary stays as it was when the failure came before its deletion, and no half-built summary is
 * ever left. Only Summarise's own sheets (by name and marker table) are touched.
 *
 * PivotTables and charts are drawn by ./draw.ts (shared with Collate). API sets: pageLayout 1.9,
 * named items 1.4, and draw.ts's: all within the manifest's ExcelApi 1.9.
 */
import { analyseReturn } from "../core/checks";
import type { SummarySheetName } from "../core/layout/summary-contract";
import { defaultYearStart } from "../core/calendar";
import { planSummary, readCommentary, summariseReturn, summaryBlockers, withLastYear, type ReturnSummary, type SummaryPlan } from "../core/summary";
import { isSummarySheet } from "../core/summary/existing";
import type { WorkbookOperation, WorkbookSnapshot } from "../core/workbook/types";
import { queueOperations } from "./apply";
import { queueChart, queuePivot, type Naming } from "./draw";
import { UserFacingError } from "./errors";
import type { ExcelHost } from "./host";
import { readSnapshot } from "./read";

export interface SummariseOutcome {
  summary: ReturnSummary;
  /** The sheets written, in tab order. */
  sheets: string[];
  pivots: number;
  charts: number;
}

/** Last year's return, read and summarised (in the pane: by the Collate worker), with the name of its file. */
export interface LastYearReturn {
  file: string;
  summary: ReturnSummary;
}

export type SummariseProgress = (step: string, fraction: number) => void;

/** Names the new summary is built under before it replaces the old one. */
export const BUILDING_SUFFIX = " (new)";
const TABLE_SUFFIX = "_IRNew";

const building = (sheet: string) => `${sheet}${BUILDING_SUFFIX}`;

/** The summary plan with every sheet and table renamed to its temporary name. */
function underTemporaryNames(operations: readonly WorkbookOperation[]): WorkbookOperation[] {
  return operations.map((op) => {
    const renamed = { ...op } as WorkbookOperation & { sheet?: string; table?: string };
    if ("sheet" in op && typeof op.sheet === "string") renamed.sheet = building(op.sheet);
    if ("table" in op && typeof op.table === "string") renamed.table = `${op.table}${TABLE_SUFFIX}`;
    return renamed;
  });
}

/** Summarise builds under temporary names (see above). */
const BUILDING: Naming = { sheet: building, table: (t) => `${t}${TABLE_SUFFIX}`, pivot: (p) => `${p}${TABLE_SUFFIX}` };

/** The operations queued through queueOperations (page layout included); the summary's sheet is activated at the end. */
function withoutActivate(operations: readonly WorkbookOperation[]): WorkbookOperation[] {
  return operations.filter((op) => op.kind !== "activate");
}

/**
 * The size of Summarise's write batch, as the JSON of everything it sends (cells, formats, tables,
 * PivotTables, charts): an upper-bound estimate of the request Excel receives, which Excel on the
 * web caps at 5 MB. A 300-measure full year is about a tenth of that (npm run bench).
 */
export function requestBytes(plan: Pick<SummaryPlan, "operations" | "pivots" | "charts">): number {
  return JSON.stringify([plan.operations, plan.pivots, plan.charts]).length;
}

/** Works out the summary and its plan from a snapshot; throws a UserFacingError when it cannot be made. */
export function planWorkbookSummary(snapshot: WorkbookSnapshot, today: Date, lastYear?: LastYearReturn): { summary: ReturnSummary; plan: SummaryPlan } {
  const analysis = analyseReturn(snapshot);
  if (analysis.result.notAReturn) {
    throw new UserFacingError("This workbook is not a return, so there is nothing to summarise.", "Open a return workbook (one made by Set up), or run Set up first.");
  }
  if (!analysis.framework) {
    throw new UserFacingError(
      "The summary needs to know which framework the return uses, and this workbook does not say.",
      "Run Check to see why, then run Set up again to record the framework.",
    );
  }
  let summary = summariseReturn({ data: analysis.data, framework: analysis.framework, result: analysis.result }, defaultYearStart(today));
  if (lastYear) {
    const compared = withLastYear(summary, lastYear.summary, lastYear.file);
    if (!compared.ok) throw new UserFacingError(`Summarise did not change anything: ${compared.reason}`, "Choose last year's return of this organisation, or stop comparing.");
    summary = compared.summary;
  }
  const plan = planSummary(summary, { builtAt: today, formulas: false, pivots: true, commentary: readCommentary(snapshot) });
  return { summary, plan };
}

export async function summariseInExcel(host: ExcelHost, today: Date, onProgress?: SummariseProgress, lastYear?: LastYearReturn): Promise<SummariseOutcome> {
  let plan: SummaryPlan | undefined;
  let existedBefore: Set<string> = new Set();
  try {
    return await host.run(async (context) => {
      onProgress?.("Reading the return", 0.1);
      const snapshot = await readSnapshot(context, { summary: true });
      onProgress?.("Working out the key figures", 0.3);
      const planned = planWorkbookSummary(snapshot, today, lastYear);
      const blockers = summaryBlockers(snapshot, planned.plan);
      if (blockers.length > 0) throw new UserFacingError(`Summarise did not change anything: ${blockers.join(" ")}`, "Resolve the problem above, then summarise again.");
      plan = planned.plan;
      existedBefore = new Set(snapshot.sheets.map((s) => s.name.toLowerCase()));
      const old = planned.plan.sheets.filter((name) => isSummarySheet(snapshot, name));

      onProgress?.("Writing the summary, PivotTables and charts", 0.5);
      context.workbook.application.suspendApiCalculationUntilNextSync();
      queueOperations(context, withoutActivate(underTemporaryNames(planned.plan.operations)));
      for (const pivot of planned.plan.pivots) queuePivot(context, pivot, BUILDING);
      for (const chart of planned.plan.charts) queueChart(context, chart, BUILDING);
      // The new summary is complete: replace the old one.
      const sheets = context.workbook.worksheets;
      for (const name of old) sheets.getItem(name).delete();
      for (const name of planned.plan.sheets) sheets.getItem(building(name)).name = name;
      for (const table of tablesIn(planned.plan.operations)) context.workbook.tables.getItem(`${table}${TABLE_SUFFIX}`).name = table;
      for (const pivot of planned.plan.pivots) context.workbook.pivotTables.getItem(`${pivot.name}${TABLE_SUFFIX}`).name = pivot.name;
      sheets.getItem(planned.plan.sheets[0]!).activate();
      await context.sync();
      onProgress?.("Done", 1);
      return { summary: planned.summary, sheets: [...planned.plan.sheets], pivots: planned.plan.pivots.length, charts: planned.plan.charts.length };
    });
  } catch (error) {
    if (plan) await removePartialSummary(host, plan.sheets, existedBefore);
    throw error;
  }
}

function tablesIn(operations: readonly WorkbookOperation[]): string[] {
  return operations.flatMap((op) => (op.kind === "addTable" ? [op.table] : []));
}

/** After a failed build: deletes the sheets under temporary names, and any summary sheet that did not exist before. */
async function removePartialSummary(host: ExcelHost, sheets: readonly SummarySheetName[], existedBefore: ReadonlySet<string>): Promise<void> {
  try {
    await host.run(async (context) => {
      const candidates = [...sheets.map(building), ...sheets.filter((s) => !existedBefore.has(s.toLowerCase()))];
      const found = candidates.map((name) => context.workbook.worksheets.getItemOrNullObject(name));
      await context.sync();
      for (const sheet of found) if (!sheet.isNullObject) sheet.delete();
      await context.sync();
    });
  } catch {
    // The original failure is what the user needs to hear about.
  }
}
